//! 様式3 重点項目評価書 (令和6年10月版): every item of the form as a Rust type.
//!
//! The conventions are those of [`super::kiso`]: each field's doc comment starts with
//! `# <item in the form's numbering>`, which the generated JSON Schema turns into the field's
//! `title`. Two schema extensions carry what the form's tables say about each item:
//!
//! - `x-pia-tag` on every leaf item: `V` (label read in a published copy of 様式3), `P` (partly
//!   verified: read in the sister form, or only its position) or `U` (a reconstruction), so a user
//!   knows which items to compare with the official Excel of their edition;
//! - `x-pia-important: true` on every item the form marks with ※ (a 重要な変更 candidate), and
//!   `false` on an item its ※ section excepts (Ⅲ 7.②); the nearest marker along a path holds;
//! - `x-pia-count-of` on a box that prints the number of a list (「（ ）件」), naming that list;
//! - `x-pia-block` on every repeated block (`ファイル{n}`, `システム{n}`, `委託事項{n}`, `提供先{n}`,
//!   `移転先{n}`): the heading the form prints for the n-th element. Item titles inside a block do
//!   not repeat it.
//!
//! Each 「（ ）件」 count is the length of its list and never a field. The file names of Ⅰ 3 (all
//! files) and Ⅲ 1 (per file) are printed from Ⅱ 1, each file's name, which is written once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::blocks::{AcquisitionMethods, FileBasics, ManualWork, Provision, Retention, Sources, System};
use super::parts::{Cover, HistoryRow, LastAssessment};
use super::types::{Text, choice};
use super::vocab::{
    Adequacy, DeceasedNumbers, Fee, Incident, LinkageStatus, Obligation, ResubcontractStatus, Revision, SubjectsBand,
    TrainingLevel, UsersBand,
};
use crate::wareki::Date;

choice! {
    /// 様式（重点項目評価書は様式3）。
    JutenForm { Juten => "様式3" }
}

choice! {
    /// Ⅴ 1. ②しきい値判断結果の選択肢（重点項目評価書が印字する文言）。
    JutenThresholdResult {
        KisoJuten => "基礎項目評価及び重点項目評価の実施が義務付けられる",
        KisoVoluntaryJuten => "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
        VoluntaryJuten => "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）",
    }
}

impl JutenThresholdResult {
    /// The assessments the しきい値判断 makes mandatory, in 様式2 Ⅲ's wording; the pair's 基礎項目評価書
    /// must print this.
    pub fn obligation(self) -> Obligation {
        match self {
            JutenThresholdResult::KisoJuten => Obligation::KisoJuten,
            JutenThresholdResult::KisoVoluntaryJuten => Obligation::Kiso,
            JutenThresholdResult::VoluntaryJuten => Obligation::None,
        }
    }
}

/// # 特定個人情報保護評価書（重点項目評価書）
///
/// 様式3（令和6年10月版）の記載内容。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct JutenAssessment {
    /// # 様式
    ///
    /// この評価書の様式。重点項目評価書は「様式3」。
    #[schemars(extend("x-pia-tag" = "V"))]
    pub form: JutenForm,
    /// # 様式の版
    ///
    /// 様式の改正時期。右上の様式番号（例: [令和６年10月　様式３]）の年月。令和6年10月の版の様式番号は未確認。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub revision: Revision,
    /// # 表紙
    ///
    /// 基礎項目評価書の表紙と同じ項目（承認日はない）。
    #[schemars(extend("x-pia-tag" = "V"))]
    pub cover: Cover,
    /// # Ⅰ 基本情報
    pub basic_info: BasicInfo,
    /// # Ⅱ 特定個人情報ファイルの概要
    ///
    /// 特定個人情報ファイルごとに、Ⅱ（ファイルの概要）、(別添1) 記録項目、Ⅲ 1.〜7.（取扱いプロセスのリスク対策）を記載する。
    #[schemars(extend("x-pia-block" = "ファイル{n}", "x-pia-block-name" = "/overview/name"), length(min = 1))]
    pub files: Vec<SpecificFile>,
    /// # Ⅲ リスク対策
    ///
    /// ファイルごとの 1.〜7. に続き、評価書に一度だけ記載する項目（8.人手を介在させる作業、監査、従業者に対する教育・啓発、その他のリスク対策）。
    #[schemars(extend("x-pia-important" = true))]
    pub risk_measures: RiskMeasures,
    /// # Ⅳ 開示請求、問合せ
    pub disclosure: Disclosure,
    /// # Ⅴ 評価実施手続
    pub procedure: Procedure,
    /// # 直近の評価（実施又は再実施）
    ///
    /// 評価書には印字しない。直近の実施・再実施の日（修正は含まない）。規則第15条の5年ごとの再評価の期限を計算する。
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub last_assessment: Option<LastAssessment>,
    /// # (別添2) 変更箇所
    ///
    /// 変更日の新しい順に記載する。
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P"))]
    pub history: Vec<HistoryRow>,
}

impl JutenAssessment {
    /// The numbers Ⅲ prints for 監査, 従業者に対する教育・啓発 and その他のリスク対策: 8, 9, 10, or 9, 10, 11
    /// when the block 8.人手を介在させる作業 is present.
    pub fn once_item_numbers(&self) -> [u8; 3] {
        if self.risk_measures.manual_work.is_some() {
            Self::ONCE_ITEM_NUMBERS_WITH_MANUAL_WORK
        } else {
            Self::ONCE_ITEM_NUMBERS
        }
    }

    /// The numbers of 監査, 従業者に対する教育・啓発 and その他のリスク対策 as their titles give them
    /// (without 8.人手を介在させる作業).
    const ONCE_ITEM_NUMBERS: [u8; 3] = [8, 9, 10];

    /// Their numbers when 8.人手を介在させる作業 is present.
    pub const ONCE_ITEM_NUMBERS_WITH_MANUAL_WORK: [u8; 3] = [9, 10, 11];

    /// The title of the item at `pointer` with the number this assessment prints: Ⅲ's items
    /// after 8.人手を介在させる作業 move one down when it is present (`Ⅲ 8. 監査 実施の有無` →
    /// `Ⅲ 9. 監査 実施の有無`); every other title as it is.
    pub fn printed_title(&self, pointer: &str, title: &str) -> String {
        let once = pointer.starts_with("/risk_measures/") && !pointer.starts_with("/risk_measures/manual_work");
        let renumbered = title.strip_prefix("Ⅲ ").and_then(|rest| rest.split_once(". ")).and_then(|(n, rest)| {
            let at = Self::ONCE_ITEM_NUMBERS.iter().position(|m| n.parse::<u8>().ok() == Some(*m))?;
            Some(format!("Ⅲ {}. {rest}", self.once_item_numbers().get(at)?))
        });
        match renumbered {
            Some(t) if once => t,
            _ => title.to_owned(),
        }
    }

    /// Ⅰ 3. 特定個人情報ファイル名: the names of every file (Ⅱ 1.), in order.
    pub fn file_names(&self) -> impl Iterator<Item = &Text> {
        self.files.iter().map(|f| &f.overview.name)
    }
}

/// # Ⅰ 基本情報
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct BasicInfo {
    /// # Ⅰ 1. 特定個人情報ファイルを取り扱う事務
    pub affair: Affair,
    /// # Ⅰ 2. 特定個人情報ファイルを取り扱う事務において使用するシステム
    #[schemars(extend("x-pia-block" = "システム{n}"), length(min = 1))]
    pub systems: Vec<System>,
    /// # Ⅰ 4. 個人番号の利用 法令上の根拠
    ///
    /// Ⅰ 3. 特定個人情報ファイル名は、Ⅱ 1. に書いた各ファイルの名称を列記して印字する。
    /// 例: 番号法第9条第1項　別表の○の項（令和6年5月27日以降の番号法の別表の項番号で記載）。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub number_use_basis: Text,
    /// # Ⅰ 5. 情報提供ネットワークシステムによる情報連携
    #[schemars(extend("x-pia-important" = true))]
    pub network_linkage: NetworkLinkage,
    /// # Ⅰ 6. 評価実施機関における担当部署
    pub department: Department,
    /// # Ⅰ 7. 他の評価実施機関
    ///
    /// 同じ事務を複数の評価実施機関が評価する場合に記載する。なければ「－」。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub other_bodies: Text,
}

/// # Ⅰ 1. 特定個人情報ファイルを取り扱う事務
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Affair {
    /// # Ⅰ 1. ①事務の名称
    #[schemars(extend("x-pia-tag" = "V"))]
    pub name: Text,
    /// # Ⅰ 1. ②事務の内容
    #[schemars(extend("x-pia-tag" = "V"))]
    pub content: Text,
    /// # Ⅰ 1. ③対象人数
    ///
    /// 評価対象の事務の対象人数（基礎項目評価書 Ⅱ 1. と同じ区分）。
    #[schemars(extend("x-pia-tag" = "P"))]
    pub subjects: SubjectsBand,
}

/// # Ⅰ 5. 情報提供ネットワークシステムによる情報連携
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct NetworkLinkage {
    /// # Ⅰ 5. ①実施の有無
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: LinkageStatus,
    /// # Ⅰ 5. ②法令上の根拠
    ///
    /// ①が「実施する」の場合に記載する。例: 番号法第19条第8号　別表。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub basis: Option<Text>,
}

/// # Ⅰ 6. 評価実施機関における担当部署
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// # Ⅰ 6. ①部署
    #[schemars(extend("x-pia-tag" = "U"))]
    pub name: Text,
    /// # Ⅰ 6. ②所属長の役職名
    ///
    /// 役職名のみを記載し、個人名は記載しない。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub head_title: Text,
}

/// # 特定個人情報ファイル
///
/// 1つの特定個人情報ファイルについての Ⅱ、(別添1)、Ⅲ 1.〜7.。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SpecificFile {
    /// # Ⅱ 特定個人情報ファイルの概要
    pub overview: FileOverview,
    /// # (別添1) 特定個人情報ファイル記録項目
    ///
    /// このファイルの全ての記録項目（1項目1行、番号順）。Ⅱ 2. ④「全ての記録項目」は「別添1を参照。」と印字する。
    #[schemars(extend("x-pia-tag" = "U"), length(min = 1))]
    pub record_items: Vec<Text>,
    /// # Ⅲ リスク対策（ファイルごと）
    ///
    /// Ⅲ 1. 特定個人情報ファイル名は、Ⅱ 1. の名称を印字する。
    #[schemars(extend("x-pia-important" = true))]
    pub risk: FileRiskMeasures,
}

/// # Ⅱ 特定個人情報ファイルの概要
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct FileOverview {
    /// # Ⅱ 1. 特定個人情報ファイル名
    ///
    /// Ⅰ 3.（全ファイルを列記）と Ⅲ 1. にも同じ名称を印字する。
    #[schemars(extend(
        "x-pia-tag" = "U",
        "x-pia-also-printed-as" = ["Ⅰ 3. 特定個人情報ファイル名", "Ⅲ 1. 特定個人情報ファイル名"]
    ))]
    pub name: Text,
    /// # Ⅱ 2. 基本情報
    pub basics: FileBasics,
    /// # Ⅱ 3. 特定個人情報の入手・使用
    pub acquisition_use: AcquisitionUse,
    /// # Ⅱ 4. 特定個人情報ファイルの取扱いの委託
    pub outsourcing: Outsourcing,
    /// # Ⅱ 5. 特定個人情報の提供・移転（委託に伴うものを除く。）
    pub provision: Provision,
    /// # Ⅱ 6. 特定個人情報の保管・消去
    pub storage: Storage,
    /// # Ⅱ 7. 備考
    #[schemars(extend("x-pia-tag" = "U"))]
    pub remarks: Option<Text>,
}

/// # Ⅱ 3. 特定個人情報の入手・使用
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct AcquisitionUse {
    /// # Ⅱ 3. ①入手元
    #[schemars(extend("x-pia-important" = true))]
    pub sources: Sources,
    /// # Ⅱ 3. ②入手方法
    pub methods: AcquisitionMethods,
    /// # Ⅱ 3. ③使用目的
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub purpose: Text,
    /// # Ⅱ 3. ④使用の主体
    pub users: Users,
    /// # Ⅱ 3. ⑤使用方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub method: Text,
    /// # Ⅱ 3. ⑤情報の突合
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub matching: Text,
    /// # Ⅱ 3. ⑥使用開始日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub use_start: Date,
}

/// # Ⅱ 3. ④使用の主体
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Users {
    /// # Ⅱ 3. ④使用部署
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub departments: Text,
    /// # Ⅱ 3. ④使用者数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub count: UsersBand,
}

/// Ⅱ 4. 特定個人情報ファイルの取扱いの委託, with 様式3's 委託事項.
pub type Outsourcing = super::blocks::Outsourcing<Entrustment>;

/// # Ⅱ 4. 委託事項
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Entrustment {
    /// # Ⅱ 4. 委託事項の名称
    ///
    /// 「委託事項n」の欄に書く委託事項の名称（例: 国民健康保険システムの運用保守）。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub title: Text,
    /// # Ⅱ 4. ①委託内容
    #[schemars(extend("x-pia-tag" = "U"))]
    pub content: Text,
    /// # Ⅱ 4. ②委託先における取扱者数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub handlers: UsersBand,
    /// # Ⅱ 4. ③委託先名
    #[schemars(extend("x-pia-tag" = "U"))]
    pub contractor: Text,
    /// # Ⅱ 4. 再委託
    pub resubcontract: Resubcontract,
}

/// # Ⅱ 4. 再委託
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Resubcontract {
    /// # Ⅱ 4. ④再委託の有無
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: ResubcontractStatus,
    /// # Ⅱ 4. ⑤再委託の許諾方法
    ///
    /// ④が「再委託する」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub permission: Option<Text>,
    /// # Ⅱ 4. ⑥再委託事項
    ///
    /// ④が「再委託する」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub matters: Option<Text>,
}

/// # Ⅱ 6. 特定個人情報の保管・消去
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Storage {
    /// # Ⅱ 6. ①保管場所
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub place: Text,
    /// # Ⅱ 6. ②保管期間
    ///
    /// 様式3にこの項目があるかは未確認。様式にあれば記載する。
    pub retention: Option<Retention>,
    /// # Ⅱ 6. ③消去方法
    ///
    /// 様式3にこの項目があるかは未確認。様式にあれば記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub erasure: Option<Text>,
}

/// # Ⅲ リスク対策（ファイルごと）
///
/// Ⅲ 1.〜7.。Ⅲ の項目は、7.②を除き※（重要な変更の対象）。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct FileRiskMeasures {
    /// # Ⅲ 2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）
    pub acquisition: RiskAcquisition,
    /// # Ⅲ 3. 特定個人情報の使用
    #[serde(rename = "use")]
    pub usage: RiskUse,
    /// # Ⅲ 4. 特定個人情報ファイルの取扱いの委託
    pub outsourcing: RiskOutsourcing,
    /// # Ⅲ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）
    pub provision: RiskProvision,
    /// # Ⅲ 6. 情報提供ネットワークシステムとの接続
    pub network: RiskNetwork,
    /// # Ⅲ 7. 特定個人情報の保管・消去
    pub storage: RiskStorage,
}

/// # Ⅲ 2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskAcquisition {
    /// # Ⅲ 2. 目的外の入手が行われるリスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
    /// # Ⅲ 2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 3. 特定個人情報の使用
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskUse {
    /// # Ⅲ 3. 目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub linkage: Adequacy,
    /// # Ⅲ 3. 権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub unauthorized_use: Adequacy,
    /// # Ⅲ 3. 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 4. 特定個人情報ファイルの取扱いの委託
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskOutsourcing {
    /// # Ⅲ 4. ［ ］委託しない
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub not_outsourced: bool,
    /// # Ⅲ 4. 委託先における不正な使用等のリスクへの対策は十分か
    ///
    /// 「委託しない」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Option<Adequacy>,
    /// # Ⅲ 4. 特定個人情報ファイルの取扱いの委託におけるその他のリスク及びそのリスクに対する措置
    ///
    /// 「委託しない」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅲ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskProvision {
    /// # Ⅲ 5. ［ ］提供・移転しない
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub not_provided: bool,
    /// # Ⅲ 5. 不正な提供・移転が行われるリスクへの対策は十分か
    ///
    /// 「提供・移転しない」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Option<Adequacy>,
    /// # Ⅲ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）におけるその他のリスク及びそのリスクに対する措置
    ///
    /// 「提供・移転しない」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅲ 6. 情報提供ネットワークシステムとの接続
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskNetwork {
    /// # Ⅲ 6. ［ ］接続しない（入手）
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub not_connected_acquisition: bool,
    /// # Ⅲ 6. ［ ］接続しない（提供）
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub not_connected_provision: bool,
    /// # Ⅲ 6. 目的外の入手が行われるリスクへの対策は十分か
    ///
    /// 「接続しない（入手）」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub acquisition: Option<Adequacy>,
    /// # Ⅲ 6. 不正な提供が行われるリスクへの対策は十分か
    ///
    /// 「接続しない（提供）」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub provision: Option<Adequacy>,
    /// # Ⅲ 6. 情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置
    ///
    /// 「接続しない（入手）」と「接続しない（提供）」の両方に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅲ 7. 特定個人情報の保管・消去
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskStorage {
    /// # Ⅲ 7. ①事故発生時手順の策定・周知
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub incident_procedure: TrainingLevel,
    /// # Ⅲ 7. ②過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか
    ///
    /// ※の対象外（Ⅲ の見出し「※(7.②を除く。)」）。基礎項目評価書 Ⅱ 3.（過去１年以内、特定個人情報）とは別の問い。
    #[schemars(extend("x-pia-important" = false))]
    pub serious_incident: SeriousIncident,
    /// # Ⅲ 7. ③死者の個人番号
    pub deceased: DeceasedNumberKeeping,
    /// # Ⅲ 7. 特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
    /// # Ⅲ 7. 特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 7. ②過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SeriousIncident {
    /// # Ⅲ 7. ②過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか
    #[schemars(extend("x-pia-tag" = "P"))]
    pub occurred: Incident,
    /// # Ⅲ 7. ②その内容
    ///
    /// 「発生あり」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub details: Option<Text>,
    /// # Ⅲ 7. ②再発防止策の内容
    ///
    /// 「発生あり」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub prevention: Option<Text>,
}

/// # Ⅲ 7. ③死者の個人番号
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct DeceasedNumberKeeping {
    /// # Ⅲ 7. ③死者の個人番号
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: DeceasedNumbers,
    /// # Ⅲ 7. ③具体的な保管方法
    ///
    /// 「保管している」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub method: Option<Text>,
}

/// # Ⅲ リスク対策（評価書に一度）
///
/// 番号は、8.人手を介在させる作業があれば 監査 9.、教育・啓発 10.、その他 11.、なければ 8.、9.、10.。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskMeasures {
    /// # Ⅲ 8. 人手を介在させる作業
    ///
    /// 令和6年10月版で加わったとみられる項目（未確認）。様式にあれば記載し、監査以下の番号が1つずつ繰り下がる。
    #[schemars(extend("x-pia-important" = true))]
    pub manual_work: Option<ManualWork>,
    /// # Ⅲ 8. 監査 実施の有無
    ///
    /// 8.人手を介在させる作業がある場合は 9.。
    #[schemars(extend("x-pia-important" = true))]
    pub audit: Audit,
    /// # Ⅲ 9. 従業者に対する教育・啓発
    ///
    /// 8.人手を介在させる作業がある場合は 10.。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub training: TrainingLevel,
    /// # Ⅲ 10. その他のリスク対策
    ///
    /// 8.人手を介在させる作業がある場合は 11.。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 8. 監査 実施の有無
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// # Ⅲ 8. ［ ］自己点検
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub self_inspection: bool,
    /// # Ⅲ 8. ［ ］内部監査
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub internal_audit: bool,
    /// # Ⅲ 8. ［ ］外部監査
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub external_audit: bool,
}

/// # Ⅳ 開示請求、問合せ
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// # Ⅳ 1. 特定個人情報の開示・訂正・利用停止請求
    pub request: DisclosureRequest,
    /// # Ⅳ 2. 特定個人情報ファイルの取扱いに関する問合せ
    pub inquiry: Inquiry,
}

/// # Ⅳ 1. 特定個人情報の開示・訂正・利用停止請求
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct DisclosureRequest {
    /// # Ⅳ 1. ①請求先
    ///
    /// 窓口名、所在地、電話番号。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub contact: Text,
    /// # Ⅳ 1. ②請求方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub method: Text,
    /// # Ⅳ 1. ②特記事項
    #[schemars(extend("x-pia-tag" = "U"))]
    pub special_notes: Option<Text>,
    /// # Ⅳ 1. ③手数料等
    #[schemars(extend("x-pia-tag" = "U"))]
    pub fee: Fee,
    /// # Ⅳ 1. ③（手数料額、納付方法： ）
    ///
    /// 「有料」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub fee_detail: Option<Text>,
}

/// # Ⅳ 2. 特定個人情報ファイルの取扱いに関する問合せ
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Inquiry {
    /// # Ⅳ 2. ①連絡先
    ///
    /// 窓口名、所在地、電話番号。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub contact: Text,
    /// # Ⅳ 2. ②対応方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub response: Text,
}

/// # Ⅴ 評価実施手続
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// # Ⅴ 1. 基礎項目評価
    pub kiso: KisoAssessmentStep,
    /// # Ⅴ 2. 国民・住民等からの意見の聴取【任意】
    pub public_hearing: Option<PublicHearing>,
    /// # Ⅴ 3. 第三者点検【任意】
    pub third_party_review: Option<ThirdPartyReview>,
}

/// # Ⅴ 1. 基礎項目評価
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct KisoAssessmentStep {
    /// # Ⅴ 1. ①実施日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub date: Date,
    /// # Ⅴ 1. ②しきい値判断結果
    ///
    /// 対になる基礎項目評価書の Ⅲ しきい値判断結果と合う文言。
    #[schemars(extend("x-pia-tag" = "P"))]
    pub result: JutenThresholdResult,
}

/// # Ⅴ 2. 国民・住民等からの意見の聴取【任意】
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct PublicHearing {
    /// # Ⅴ 2. ①方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub method: Text,
    /// # Ⅴ 2. ②実施日・期間
    #[schemars(extend("x-pia-tag" = "U"))]
    pub period: Text,
    /// # Ⅴ 2. ③主な意見の内容
    #[schemars(extend("x-pia-tag" = "U"))]
    pub main_opinions: Text,
}

/// # Ⅴ 3. 第三者点検【任意】
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ThirdPartyReview {
    /// # Ⅴ 3. ①実施日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub date: Date,
    /// # Ⅴ 3. ②方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub method: Text,
    /// # Ⅴ 3. ③結果
    #[schemars(extend("x-pia-tag" = "U"))]
    pub result: Text,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::RetentionPeriod;
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::to_value(schemars::schema_for!(JutenAssessment)).unwrap()
    }

    /// Every property schema of every object in the schema (with the name of its object).
    fn properties(schema: &Value) -> Vec<(String, String, Value)> {
        let mut out = Vec::new();
        let mut objects: Vec<(String, &Value)> = vec![("JutenAssessment".to_owned(), schema)];
        if let Some(defs) = schema.get("$defs").and_then(Value::as_object) {
            // Text, Date, … are the shared value types; their inner keys are not form items.
            objects
                .extend(defs.iter().filter(|(name, _)| !matches!(name.as_str(), "Text")).map(|(n, d)| (n.clone(), d)));
        }
        for (owner, object) in objects {
            if let Some(props) = object.get("properties").and_then(Value::as_object) {
                for (key, prop) in props {
                    out.push((owner.clone(), key.clone(), prop.clone()));
                }
            }
        }
        out
    }

    fn is_leaf(schema: &Value, prop: &Value) -> bool {
        // A leaf is anything but a (possibly optional) reference to a struct of this form, or a list of them.
        let target = |p: &Value| -> Option<String> {
            let r = p
                .get("$ref")
                .or_else(|| p.get("anyOf").and_then(|a| a.get(0)).and_then(|a| a.get("$ref")))
                .or_else(|| p.get("items").and_then(|i| i.get("$ref")))?;
            r.as_str().map(|s| s.trim_start_matches("#/$defs/").to_owned())
        };
        match target(prop) {
            Some(name) => schema["$defs"][name.as_str()].get("properties").is_none(),
            None => true,
        }
    }

    #[test]
    fn schema_generates_and_every_property_has_a_title() {
        let schema = schema();
        let props = properties(&schema);
        assert!(props.len() > 150, "{}", props.len());
        for (owner, key, prop) in &props {
            let title = prop.get("title").and_then(Value::as_str);
            assert!(title.is_some_and(|t| !t.is_empty()), "{owner}.{key} has no title: {prop}");
        }
    }

    #[test]
    fn every_leaf_item_has_a_tag_and_blocks_are_named() {
        let schema = schema();
        let exempt = ["last_assessment"]; // not a form item: never printed
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        let mut important = 0;
        // The blocks shared with 様式2 carry their tag on the field that uses them (cover, history);
        // last_assessment is not a form item.
        let shared = ["Cover", "HistoryRow", "LastAssessment"];
        for (owner, key, prop) in properties(&schema) {
            if shared.contains(&owner.as_str()) {
                continue;
            }
            if prop.get("x-pia-important") == Some(&Value::Bool(true)) && is_leaf(&schema, &prop) {
                important += 1;
            }
            if !is_leaf(&schema, &prop) || exempt.contains(&key.as_str()) {
                let tag = prop.get("x-pia-tag").and_then(Value::as_str);
                assert!(tag.is_none() || key == "cover" || key == "history" || tag == Some("pia"), "{owner}.{key}");
                continue;
            }
            let tag = prop.get("x-pia-tag").and_then(Value::as_str);
            assert!(matches!(tag, Some("V" | "P" | "U")), "{owner}.{key} has no tag: {prop}");
            *counts.entry(tag.unwrap().to_owned()).or_default() += 1;
        }
        eprintln!("tags: {counts:?}, ※ leaves: {important}");
        assert!(counts["U"] > counts["V"], "{counts:?}");
        assert!(important > 40, "{important}");

        let block = |def: &str, key: &str| {
            let p = &schema["$defs"][def]["properties"][key];
            p["x-pia-block"].as_str().map(str::to_owned)
        };
        assert_eq!(schema["properties"]["files"]["x-pia-block"], "ファイル{n}");
        assert_eq!(block("BasicInfo", "systems").as_deref(), Some("システム{n}"));
        assert_eq!(block("Outsourcing", "items").as_deref(), Some("委託事項{n}"));
        assert_eq!(block("Provision", "recipients").as_deref(), Some("提供先{n}"));
        assert_eq!(block("Provision", "transferees").as_deref(), Some("移転先{n}"));
        // ※ except Ⅲ 7.②.
        assert_eq!(schema["$defs"]["SeriousIncident"]["properties"]["occurred"].get("x-pia-important"), None);
        assert_eq!(schema["$defs"]["FileBasics"]["properties"]["kind"]["x-pia-important"], true);
        // Titles name the item without the block.
        assert_eq!(schema["$defs"]["Entrustment"]["properties"]["contractor"]["title"], "Ⅱ 4. ③委託先名");
        assert_eq!(schema["$defs"]["System"]["properties"]["name"]["title"], "Ⅰ 2. ①システムの名称");
    }

    #[test]
    fn choice_labels() {
        assert_eq!(JutenForm::Juten.label(), "様式3");
        assert_eq!(RetentionPeriod::ALL.len(), 10);
        assert_eq!(RetentionPeriod::Undefined.number(), 10);
        assert_eq!(UsersBand::from_label("500人以上1,000人未満"), Some(UsersBand::From500To1000));
        assert_eq!(JutenThresholdResult::KisoJuten.obligation(), Obligation::KisoJuten);
        assert_eq!(JutenThresholdResult::KisoJuten.label(), Obligation::KisoJuten.label());
    }

    fn load(text: &str) -> JutenAssessment {
        let value: Value = serde_saphyr::from_str(text).unwrap();
        serde_json::from_value(value).unwrap()
    }

    const MINIMAL: &str = r"
form: 様式3
revision: 令和6年10月
cover:
  number: 5
  title: 国民健康保険に関する事務　重点項目評価書
  declaration: 宣言
  body: 見本市長
  published: 2025-05-01
basic_info:
  affair: {name: 国民健康保険に関する事務, content: 内容, subjects: 10万人以上30万人未満}
  systems:
    - name: 国民健康保険システム
      function: 資格・賦課・給付
      connections: {internal_linkage: true, other: 中間サーバー}
  number_use_basis: 番号法第9条第1項　別表の44の項
  network_linkage: {status: 実施する, basis: 番号法第19条第8号　別表}
  department: {name: 国保年金課, head_title: 国保年金課長}
  other_bodies: －
files:
  - overview:
      name: 国民健康保険ファイル
      basics:
        kind: システム用ファイル
        persons: 10万人以上100万人未満
        persons_scope: 被保険者
        persons_necessity: 必要
        record_count: 50項目以上100項目未満
        main_items: {individual_number: true, four_items: true, medical_insurance: true}
        items_validity: 妥当
        holding_start: 2015-10-05
        department: 国保年金課
      acquisition_use:
        sources: {person: true, other_department: 市民課}
        methods: {paper: true}
        purpose: 目的
        users: {departments: 国保年金課, count: 50人以上100人未満}
        method: 方法
        matching: 突合
        use_start: 2016-01-01
      outsourcing: {status: 委託しない}
      provision: {none: true}
      storage: {place: 庁舎内サーバー室}
    record_items: [宛名番号, 個人番号]
    risk:
      acquisition: {adequacy: 十分である, other: －}
      use: {linkage: 十分である, unauthorized_use: 十分である, other: －}
      outsourcing: {not_outsourced: true}
      provision: {not_provided: true}
      network: {acquisition: 十分である, provision: 十分である, other: －}
      storage:
        incident_procedure: 十分に行っている
        serious_incident: {occurred: 発生なし}
        deceased: {status: 保管していない}
        adequacy: 十分である
        other: －
risk_measures:
  audit: {self_inspection: true}
  training: 十分に行っている
  other: －
disclosure:
  request: {contact: 窓口, method: 書面, fee: 無料}
  inquiry: {contact: 窓口, response: 電話}
procedure:
  kiso: {date: 2025-05-01, result: 基礎項目評価及び重点項目評価の実施が義務付けられる}
";

    #[test]
    fn a_minimal_document_deserializes() {
        let a = load(MINIMAL);
        assert_eq!(a.files.len(), 1);
        assert_eq!(a.once_item_numbers(), [8, 9, 10]);
        assert_eq!(a.file_names().map(Text::as_str).collect::<Vec<_>>(), ["国民健康保険ファイル"]);
        assert!(a.history.is_empty());
        // Unknown keys are refused.
        let value: Value = serde_saphyr::from_str(&MINIMAL.replace("other_bodies:", "other_body:")).unwrap();
        assert!(serde_json::from_value::<JutenAssessment>(value).is_err());
    }

    #[test]
    fn the_example_deserializes() {
        let text = include_str!("../../assessments/examples/kokuho-juten.yaml");
        let a = load(text);
        assert_eq!(a.form, JutenForm::Juten);
        assert_eq!(a.cover.number.0, "5");
        assert_eq!(a.files.len(), 2);
        assert_eq!(a.files.iter().map(|f| f.overview.outsourcing.items.len()).sum::<usize>(), 2);
        assert!(a.files.iter().any(|f| !f.overview.provision.recipients.is_empty()));
        assert!(a.files.iter().any(|f| !f.overview.provision.transferees.is_empty()));
        assert_eq!(a.procedure.kiso.result, JutenThresholdResult::KisoJuten);
        // Round trip.
        let again: JutenAssessment = serde_json::from_value(serde_json::to_value(&a).unwrap()).unwrap();
        assert_eq!(again, a);
    }
}
