//! 様式4 全項目評価書 (令和6年10月版): every item of the form as a Rust type.
//!
//! The conventions are those of [`super::juten`]: each field's doc comment starts with
//! `# <item in the form's numbering>` (the schema's `title`); `x-pia-tag` says how sure the label
//! is (V read in a published copy of 様式4, P partly verified, U a reconstruction; forms-3-4.md
//! §4), `x-pia-important` marks the ※ items, `x-pia-block` the repeated blocks (`ファイル{n}`,
//! `システム{n}`, `委託事項{n}`, `提供先{n}`, `移転先{n}`, `図{n}`). The blocks 様式3 has too are
//! [`super::blocks`]; every 「（ ）件」 is the length of its list; Ⅰ 3. and Ⅲ 1. print each file's
//! Ⅱ 1.
//!
//! Ⅲ is written per file, each process with its risks (リスク1, リスク2, …) as the form numbers
//! them. Every item of Ⅲ is ※ except those of 7. リスク1 ⑨ (the header's 「※(7.リスク1⑨を除く。)」).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::blocks::{AcquisitionMethods, FileBasics, ManualWork, Provision, Retention, Sources, System};
use super::parts::{Cover, HistoryRow, LastAssessment};
use super::types::{Text, choice};
use super::vocab::{
    Adequacy, BodyKind, DeceasedNumbers, Fee, Incident, LinkageStatus, Obligation, PersonsBand, ResubcontractStatus,
    Revision, SubjectsBand, TrainingLevel, UsersBand,
};
use crate::wareki::Date;

choice! {
    /// 様式（全項目評価書は様式4）。
    ZenkomokuForm { Zenkomoku => "様式4" }
}

choice! {
    /// Ⅵ 1. ②しきい値判断結果の選択肢（全項目評価書が印字する文言）。
    ZenkomokuThresholdResult {
        KisoZenkomoku => "基礎項目評価及び全項目評価の実施が義務付けられる",
        KisoJutenVoluntaryZenkomoku => "基礎項目評価及び重点項目評価の実施が義務付けられる（任意に全項目評価を実施）",
        KisoVoluntaryZenkomoku => "基礎項目評価の実施が義務付けられる（任意に全項目評価を実施）",
        VoluntaryZenkomoku => "特定個人情報保護評価の実施が義務付けられない（任意に全項目評価を実施）",
    }
}

impl ZenkomokuThresholdResult {
    /// The assessments the しきい値判断 makes mandatory, in 様式2 Ⅲ's wording; the pair's 基礎項目評価書
    /// must print this.
    pub fn obligation(self) -> Obligation {
        match self {
            ZenkomokuThresholdResult::KisoZenkomoku => Obligation::KisoZenkomoku,
            ZenkomokuThresholdResult::KisoJutenVoluntaryZenkomoku => Obligation::KisoJuten,
            ZenkomokuThresholdResult::KisoVoluntaryZenkomoku => Obligation::Kiso,
            ZenkomokuThresholdResult::VoluntaryZenkomoku => Obligation::None,
        }
    }
}

choice! {
    /// Ⅱ 4. ②取扱いを委託する特定個人情報ファイルの範囲の選択肢。
    FileScope { Whole => "特定個人情報ファイルの全体", Part => "特定個人情報ファイルの一部" }
}

choice! {
    /// 「行っている／行っていない」の選択肢（Ⅲ 3. リスク2 の管理、Ⅴ 1. ④個人情報ファイル簿の公表）。
    Performed { Yes => "行っている", No => "行っていない" }
}

choice! {
    /// 記録の選択肢（Ⅲ 3. リスク2 特定個人情報の使用の記録、Ⅲ 4. 取扱いの記録、Ⅲ 5. リスク1 提供・移転の記録）。
    Recorded { Yes => "記録を残している", No => "記録を残していない" }
}

choice! {
    /// ルール・規定・手順の選択肢（Ⅲ 4. 提供ルール・消去ルール・委託契約書中の規定、Ⅲ 5. リスク1、Ⅲ 7. リスク3）。
    Defined { Yes => "定めている", No => "定めていない" }
}

choice! {
    /// Ⅲ 4. 特定個人情報ファイルの閲覧者・更新者の制限の選択肢。
    Restricted { Yes => "制限している", No => "制限していない" }
}

choice! {
    /// Ⅲ 4. 再委託先による特定個人情報ファイルの適切な取扱いの確保の選択肢。
    ResubcontractorCare {
        Emphasised => "特に力を入れて行っている",
        Sufficient => "十分に行っている",
        Insufficient => "十分に行っていない",
        NotResubcontracted => "再委託していない",
    }
}

choice! {
    /// Ⅲ 7. リスク1 ①NISC政府機関統一基準群の選択肢。
    NiscCompliance {
        Emphasised => "特に力を入れて遵守している",
        Sufficient => "十分に遵守している",
        Insufficient => "十分に遵守していない",
        NotGovernment => "政府機関ではない",
    }
}

choice! {
    /// Ⅲ 7. リスク1 ②安全管理体制・③安全管理規程の選択肢。
    Maintained {
        Emphasised => "特に力を入れて整備している",
        Sufficient => "十分に整備している",
        Insufficient => "十分に整備していない",
    }
}

choice! {
    /// Ⅲ 7. リスク1 ④安全管理体制・規程の職員への周知の選択肢。
    Notified {
        Emphasised => "特に力を入れて周知している",
        Sufficient => "十分に周知している",
        Insufficient => "十分に周知していない",
    }
}

/// # 特定個人情報保護評価書（全項目評価書）
///
/// 様式4（令和6年10月版）の記載内容。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ZenkomokuAssessment {
    /// # 様式
    ///
    /// この評価書の様式。全項目評価書は「様式4」。
    #[schemars(extend("x-pia-tag" = "V"))]
    pub form: ZenkomokuForm,
    /// # 様式の版
    ///
    /// 様式の改正時期。右上の様式番号（例: [平成30年５月　様式４]）の年月。令和6年10月の版の様式番号は未確認。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub revision: Revision,
    /// # 評価実施機関の種別
    ///
    /// 評価書には印字しない。地方公共団体等は第三者点検（Ⅵ 3.）を受け、行政機関等は個人情報保護委員会の承認（表紙の承認日、Ⅵ 4.）を受ける。
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub body_kind: BodyKind,
    /// # 表紙
    ///
    /// 基礎項目評価書の表紙の項目と、個人情報保護委員会の承認日（行政機関等のみ）。
    #[schemars(extend("x-pia-tag" = "V"))]
    pub cover: ZenkomokuCover,
    /// # Ⅰ 基本情報
    pub basic_info: BasicInfo,
    /// # (別添1) 事務の内容
    ///
    /// Ⅰ 1. ②事務の内容の詳細: 事務の流れの説明と図。
    pub affair_details: AffairDetails,
    /// # Ⅱ 特定個人情報ファイルの概要
    ///
    /// 特定個人情報ファイルごとに、Ⅱ（ファイルの概要）、(別添2) 記録項目、Ⅲ（取扱いプロセスにおけるリスク対策）を記載する。
    #[schemars(extend("x-pia-block" = "ファイル{n}", "x-pia-block-name" = "/overview/name"), length(min = 1))]
    pub files: Vec<SpecificFile>,
    /// # Ⅳ その他のリスク対策
    pub other_measures: OtherMeasures,
    /// # Ⅴ 開示請求、問合せ
    pub disclosure: Disclosure,
    /// # Ⅵ 評価実施手続
    pub procedure: Procedure,
    /// # 直近の評価（実施又は再実施）
    ///
    /// 評価書には印字しない。直近の実施・再実施の日（修正は含まない）。規則第15条の5年ごとの再評価の期限を計算する。
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub last_assessment: Option<LastAssessment>,
    /// # (別添3) 変更箇所
    ///
    /// 変更日の新しい順に記載する。
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P"))]
    pub history: Vec<HistoryRow>,
}

impl ZenkomokuAssessment {
    /// Ⅰ 3. 特定個人情報ファイル名: the names of every file (Ⅱ 1.), in order.
    pub fn file_names(&self) -> impl Iterator<Item = &Text> {
        self.files.iter().map(|f| &f.overview.name)
    }
}

/// # 表紙
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ZenkomokuCover {
    /// The cover every form has.
    #[serde(flatten)]
    pub common: Cover,
    /// # 表紙 個人情報保護委員会 承認日 【行政機関等のみ】
    ///
    /// 行政機関等が、個人情報保護委員会の承認を受けた日。地方公共団体等は記載しない。平成28年1月版より前の様式では「特定個人情報保護委員会 承認日」と印字する。
    pub approval: Option<Date>,
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
    /// # Ⅰ 4. 特定個人情報ファイルを取り扱う理由
    ///
    /// Ⅰ 3. 特定個人情報ファイル名は、Ⅱ 1. に書いた各ファイルの名称を列記して印字する。
    pub reasons: HandlingReasons,
    /// # Ⅰ 5. 個人番号の利用 法令上の根拠
    ///
    /// 例: 番号法第9条第1項　別表の○の項（令和6年5月27日以降の番号法の別表の項番号で記載）。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub number_use_basis: Text,
    /// # Ⅰ 6. 情報提供ネットワークシステムによる情報連携
    #[schemars(extend("x-pia-important" = true))]
    pub network_linkage: NetworkLinkage,
    /// # Ⅰ 7. 評価実施機関における担当部署
    pub department: Department,
    /// # Ⅰ 8. 他の評価実施機関
    ///
    /// 同じ事務を複数の評価実施機関が評価する場合に記載する。なければ「－」。
    #[schemars(extend("x-pia-tag" = "V"))]
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
    ///
    /// 事務の概要。詳細は (別添1) 事務の内容に記載する。
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub content: Text,
    /// # Ⅰ 1. ③対象人数
    ///
    /// 評価対象の事務の対象人数（基礎項目評価書 Ⅱ 1. と同じ区分）。
    #[schemars(extend("x-pia-tag" = "V"))]
    pub subjects: SubjectsBand,
}

/// # Ⅰ 4. 特定個人情報ファイルを取り扱う理由
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct HandlingReasons {
    /// # Ⅰ 4. ①事務実施上の必要性
    #[schemars(extend("x-pia-tag" = "U"))]
    pub necessity: Text,
    /// # Ⅰ 4. ②実現が期待されるメリット
    #[schemars(extend("x-pia-tag" = "U"))]
    pub merits: Text,
}

/// # Ⅰ 6. 情報提供ネットワークシステムによる情報連携
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct NetworkLinkage {
    /// # Ⅰ 6. ①実施の有無
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: LinkageStatus,
    /// # Ⅰ 6. ②法令上の根拠
    ///
    /// ①が「実施する」の場合に記載する。例: 番号法第19条第8号　別表。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub basis: Option<Text>,
}

/// # Ⅰ 7. 評価実施機関における担当部署
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// # Ⅰ 7. ①部署
    #[schemars(extend("x-pia-tag" = "U"))]
    pub name: Text,
    /// # Ⅰ 7. ②所属長の役職名
    ///
    /// 役職名のみを記載し、個人名は記載しない。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub head_title: Text,
}

/// # (別添1) 事務の内容
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct AffairDetails {
    /// # (別添1) 事務の内容
    ///
    /// 事務の流れの説明（図の番号を引いて、図の各段階で何をするか）。
    #[schemars(extend("x-pia-tag" = "P"))]
    pub text: Text,
    /// # (別添1) 図
    ///
    /// 事務の流れの図。1つの図に1行（ファイルと代替テキスト）。
    #[serde(default)]
    #[schemars(extend("x-pia-block" = "図{n}", "x-pia-figure" = true))]
    pub figures: Vec<Figure>,
}

/// # (別添1) 図
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// # (別添1) 図のファイル
    ///
    /// PNG・JPEG・SVG の画像ファイル。この YAML ファイルのあるフォルダからの相対パスで書く（例: juki-flow.svg）。
    #[schemars(extend("x-pia-tag" = "P"), length(min = 1))]
    pub path: String,
    /// # (別添1) 図の代替テキスト
    ///
    /// 図を見られない人のための説明（PDF に埋め込み、印字しない）。図が示す流れを文で書く。
    #[schemars(extend("x-pia-tag" = "pia"), length(min = 1))]
    pub alt: String,
}

/// # 特定個人情報ファイル
///
/// 1つの特定個人情報ファイルについての Ⅱ、(別添2)、Ⅲ。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SpecificFile {
    /// # Ⅱ 特定個人情報ファイルの概要
    pub overview: FileOverview,
    /// # (別添2) 特定個人情報ファイル記録項目
    ///
    /// このファイルの全ての記録項目（1項目1行、番号順）。Ⅱ 2. ④「全ての記録項目」は「別添2を参照。」と印字する。
    #[schemars(extend("x-pia-tag" = "U"), length(min = 1))]
    pub record_items: Vec<Text>,
    /// # Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策
    ///
    /// Ⅲ 1. 特定個人情報ファイル名は、Ⅱ 1. の名称を印字する。7.リスク1⑨を除き※（重要な変更の対象）。
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
        "x-pia-tag" = "V",
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
    /// # Ⅱ 3. ③入手の時期・頻度
    #[schemars(extend("x-pia-tag" = "U"))]
    pub timing: Text,
    /// # Ⅱ 3. ④入手に係る妥当性
    #[schemars(extend("x-pia-tag" = "U"))]
    pub validity: Text,
    /// # Ⅱ 3. ⑤本人への明示
    #[schemars(extend("x-pia-tag" = "U"))]
    pub notice: Text,
    /// # Ⅱ 3. ⑥使用目的
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub purpose: Text,
    /// # Ⅱ 3. ⑥変更の妥当性
    ///
    /// 使用目的を変更した場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub purpose_change: Option<Text>,
    /// # Ⅱ 3. ⑦使用の主体
    pub users: Users,
    /// # Ⅱ 3. ⑧使用方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub method: Text,
    /// # Ⅱ 3. ⑧情報の突合
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub matching: Text,
    /// # Ⅱ 3. ⑧情報の統計分析
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub statistics: Text,
    /// # Ⅱ 3. ⑧権利利益に影響を与え得る決定
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub decisions: Text,
    /// # Ⅱ 3. ⑨使用開始日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub use_start: Date,
}

/// # Ⅱ 3. ⑦使用の主体
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Users {
    /// # Ⅱ 3. ⑦使用部署
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub departments: Text,
    /// # Ⅱ 3. ⑦使用者数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub count: UsersBand,
}

/// Ⅱ 4. 特定個人情報ファイルの取扱いの委託, with 様式4's 委託事項.
pub type Outsourcing = super::blocks::Outsourcing<Entrustment>;

/// # Ⅱ 4. 委託事項
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Entrustment {
    /// # Ⅱ 4. 委託事項の名称
    ///
    /// 「委託事項n」の欄に書く委託事項の名称（例: 住民基本台帳システムの運用保守）。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub title: Text,
    /// # Ⅱ 4. ①委託内容
    #[schemars(extend("x-pia-tag" = "U"))]
    pub content: Text,
    /// # Ⅱ 4. ②取扱いを委託する特定個人情報ファイルの範囲
    #[schemars(extend("x-pia-tag" = "U"))]
    pub scope: FileScope,
    /// # Ⅱ 4. ②対象となる本人の数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub persons: PersonsBand,
    /// # Ⅱ 4. ②対象となる本人の範囲
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub persons_scope: Text,
    /// # Ⅱ 4. ②その妥当性
    #[schemars(extend("x-pia-tag" = "U"))]
    pub scope_validity: Text,
    /// # Ⅱ 4. ③委託先における取扱者数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub handlers: UsersBand,
    /// # Ⅱ 4. ④委託先への特定個人情報ファイルの提供方法
    pub methods: EntrustmentMethods,
    /// # Ⅱ 4. ⑤委託先名の確認方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub confirmation: Text,
    /// # Ⅱ 4. ⑥委託先名
    #[schemars(extend("x-pia-tag" = "U"))]
    pub contractor: Text,
    /// # Ⅱ 4. 再委託
    pub resubcontract: Resubcontract,
}

/// # Ⅱ 4. ④委託先への特定個人情報ファイルの提供方法
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct EntrustmentMethods {
    /// # Ⅱ 4. ④［ ］専用線
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub dedicated_line: bool,
    /// # Ⅱ 4. ④［ ］電子メール
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub email: bool,
    /// # Ⅱ 4. ④［ ］電子記録媒体（フラッシュメモリを除く。）
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub electronic_media: bool,
    /// # Ⅱ 4. ④［ ］フラッシュメモリ
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub flash_memory: bool,
    /// # Ⅱ 4. ④［ ］紙
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub paper: bool,
    /// # Ⅱ 4. ④［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub other: Option<Text>,
}

/// # Ⅱ 4. 再委託
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Resubcontract {
    /// # Ⅱ 4. ⑦再委託の有無
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: ResubcontractStatus,
    /// # Ⅱ 4. ⑧再委託の許諾方法
    ///
    /// ⑦が「再委託する」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub permission: Option<Text>,
    /// # Ⅱ 4. ⑨再委託事項
    ///
    /// ⑦が「再委託する」の場合に記載する。
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
    pub retention: Retention,
    /// # Ⅱ 6. ③消去方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub erasure: Text,
}

/// Declares a risk of Ⅲ that the form answers with 「リスクに対する措置の内容」 and 「リスクへの対策は
/// 十分か」 (most risks), so the two labels are written once: `$item` is where the risk stands
/// (`Ⅲ 2. リスク2`), then the tags of its two items. The risk's own heading is the title of the
/// field that holds it.
macro_rules! measured_risk {
    ($(#[$meta:meta])* $name:ident, $item:literal, $measures_tag:literal, $adequacy_tag:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            #[doc = concat!("# ", $item, " リスクに対する措置の内容")]
            #[schemars(extend("x-pia-tag" = $measures_tag, "x-pia-important" = true))]
            pub measures: Text,
            #[doc = concat!("# ", $item, " リスクへの対策は十分か")]
            #[schemars(extend("x-pia-tag" = $adequacy_tag, "x-pia-important" = true))]
            pub adequacy: Adequacy,
        }
    };
}

/// # Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策
///
/// Ⅲ 2.〜8.（ファイルごと）。
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
    /// # Ⅲ 8. 人手を介在させる作業
    ///
    /// 令和6年10月版で加わったとみられる項目（未確認）。様式にあれば記載する。
    #[schemars(extend("x-pia-important" = true))]
    pub manual_work: Option<ManualWork>,
}

/// # Ⅲ 2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskAcquisition {
    /// # Ⅲ 2. リスク1: 目的外の入手が行われるリスク
    pub risk1: AcquisitionRisk1,
    /// # Ⅲ 2. リスク2: 不適切な方法で入手が行われるリスク
    pub risk2: AcquisitionRisk2,
    /// # Ⅲ 2. リスク3: 入手した特定個人情報が不正確であるリスク
    pub risk3: AcquisitionRisk3,
    /// # Ⅲ 2. リスク4: 入手の際に特定個人情報が漏えい・紛失するリスク
    pub risk4: AcquisitionRisk4,
    /// # Ⅲ 2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 2. リスク1: 目的外の入手が行われるリスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct AcquisitionRisk1 {
    /// # Ⅲ 2. リスク1 対象者以外の情報の入手を防止するための措置の内容
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub other_persons: Text,
    /// # Ⅲ 2. リスク1 必要な情報以外を入手することを防止するための措置の内容
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub unneeded_items: Text,
    /// # Ⅲ 2. リスク1 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 2. リスク1 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

measured_risk!(
    /// Ⅲ 2. リスク2 の措置と回答。
    AcquisitionRisk2,
    "Ⅲ 2. リスク2",
    "U",
    "V"
);

/// # Ⅲ 2. リスク3: 入手した特定個人情報が不正確であるリスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct AcquisitionRisk3 {
    /// # Ⅲ 2. リスク3 入手の際の本人確認の措置の内容
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub identity: Text,
    /// # Ⅲ 2. リスク3 個人番号の真正性確認の措置の内容
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub number_authenticity: Text,
    /// # Ⅲ 2. リスク3 特定個人情報の正確性確保の措置の内容
    #[schemars(extend("x-pia-tag" = "V", "x-pia-important" = true))]
    pub accuracy: Text,
    /// # Ⅲ 2. リスク3 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 2. リスク3 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

measured_risk!(
    /// Ⅲ 2. リスク4 の措置と回答。
    AcquisitionRisk4,
    "Ⅲ 2. リスク4",
    "U",
    "U"
);

/// # Ⅲ 3. 特定個人情報の使用
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskUse {
    /// # Ⅲ 3. リスク1: 目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク
    pub risk1: UseRisk1,
    /// # Ⅲ 3. リスク2: 権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク
    pub risk2: UseRisk2,
    /// # Ⅲ 3. リスク3: 従業者が事務外で使用するリスク
    pub risk3: UseRisk3,
    /// # Ⅲ 3. リスク4: 特定個人情報ファイルが不正に複製されるリスク
    pub risk4: UseRisk4,
    /// # Ⅲ 3. 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 3. リスク1: 目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct UseRisk1 {
    /// # Ⅲ 3. リスク1 宛名システム等における措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub address_system: Text,
    /// # Ⅲ 3. リスク1 事務で使用するその他のシステムにおける措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_systems: Text,
    /// # Ⅲ 3. リスク1 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 3. リスク1 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

/// # Ⅲ 3. リスク2: 権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct UseRisk2 {
    /// # Ⅲ 3. リスク2 ユーザ認証の管理
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub user_authentication: Performed,
    /// # Ⅲ 3. リスク2 ユーザ認証の管理 具体的な管理方法
    ///
    /// 「行っている」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub user_authentication_method: Option<Text>,
    /// # Ⅲ 3. リスク2 アクセス権限の発効・失効の管理
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub access_lifecycle: Performed,
    /// # Ⅲ 3. リスク2 アクセス権限の発効・失効の管理 具体的な管理方法
    ///
    /// 「行っている」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub access_lifecycle_method: Option<Text>,
    /// # Ⅲ 3. リスク2 アクセス権限の管理
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub access_control: Performed,
    /// # Ⅲ 3. リスク2 アクセス権限の管理 具体的な管理方法
    ///
    /// 「行っている」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub access_control_method: Option<Text>,
    /// # Ⅲ 3. リスク2 特定個人情報の使用の記録
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub usage_log: Recorded,
    /// # Ⅲ 3. リスク2 特定個人情報の使用の記録 具体的な方法
    ///
    /// 「記録を残している」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub usage_log_method: Option<Text>,
    /// # Ⅲ 3. リスク2 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 3. リスク2 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

measured_risk!(
    /// Ⅲ 3. リスク3 の措置と回答。
    UseRisk3,
    "Ⅲ 3. リスク3",
    "U",
    "U"
);

measured_risk!(
    /// Ⅲ 3. リスク4 の措置と回答。
    UseRisk4,
    "Ⅲ 3. リスク4",
    "U",
    "U"
);

/// # Ⅲ 4. 特定個人情報ファイルの取扱いの委託
///
/// 「委託しない」に印を付けた場合は、印のほかは記載しない。様式はこの欄の冒頭に、委託先による不正入手・不正な使用、
/// 不正な提供、保管・消去、委託契約終了後の不正な使用等、再委託に関するリスクを列記して印字する。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskOutsourcing {
    /// # Ⅲ 4. ［ ］委託しない
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub not_outsourced: bool,
    /// # Ⅲ 4. 情報保護管理体制の確認
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub info_protection: Option<Text>,
    /// # Ⅲ 4. 特定個人情報ファイルの閲覧者・更新者の制限
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub access_restriction: Option<Restricted>,
    /// # Ⅲ 4. 特定個人情報ファイルの閲覧者・更新者の制限 具体的な制限方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub access_restriction_method: Option<Text>,
    /// # Ⅲ 4. 特定個人情報ファイルの取扱いの記録
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub handling_log: Option<Recorded>,
    /// # Ⅲ 4. 特定個人情報ファイルの取扱いの記録 具体的な方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub handling_log_method: Option<Text>,
    /// # Ⅲ 4. 特定個人情報の提供ルール
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub provision_rules: Option<Defined>,
    /// # Ⅲ 4. 特定個人情報の提供ルール 委託先から他者への提供に関するルールの内容及びルール遵守の確認方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub provision_to_others: Option<Text>,
    /// # Ⅲ 4. 特定個人情報の提供ルール 委託元と委託先間の提供に関するルールの内容及びルール遵守の確認方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub provision_between: Option<Text>,
    /// # Ⅲ 4. 特定個人情報の消去ルール
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub erasure_rules: Option<Defined>,
    /// # Ⅲ 4. 特定個人情報の消去ルール ルールの内容及びルール遵守の確認方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub erasure_rules_content: Option<Text>,
    /// # Ⅲ 4. 委託契約書中の特定個人情報ファイルの取扱いに関する規定
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub contract_clauses: Option<Defined>,
    /// # Ⅲ 4. 委託契約書中の特定個人情報ファイルの取扱いに関する規定 規定の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub contract_clauses_content: Option<Text>,
    /// # Ⅲ 4. 再委託先による特定個人情報ファイルの適切な取扱いの確保
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub resubcontractor: Option<ResubcontractorCare>,
    /// # Ⅲ 4. 再委託先による特定個人情報ファイルの適切な取扱いの確保 具体的な方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub resubcontractor_method: Option<Text>,
    /// # Ⅲ 4. その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Option<Text>,
    /// # Ⅲ 4. リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Option<Adequacy>,
    /// # Ⅲ 4. 特定個人情報ファイルの取扱いの委託におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅲ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）
///
/// 「提供・移転しない」に印を付けた場合は、印のほかは記載しない。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskProvision {
    /// # Ⅲ 5. ［ ］提供・移転しない
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub not_provided: bool,
    /// # Ⅲ 5. リスク1: 不正な提供・移転が行われるリスク
    pub risk1: Option<ProvisionRisk1>,
    /// # Ⅲ 5. リスク2: 不適切な方法で提供・移転が行われるリスク
    pub risk2: Option<ProvisionRisk2>,
    /// # Ⅲ 5. リスク3: 誤った情報を提供・移転してしまうリスク、誤った相手に提供・移転してしまうリスク
    pub risk3: Option<ProvisionRisk3>,
    /// # Ⅲ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅲ 5. リスク1: 不正な提供・移転が行われるリスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ProvisionRisk1 {
    /// # Ⅲ 5. リスク1 特定個人情報の提供・移転の記録
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub log: Recorded,
    /// # Ⅲ 5. リスク1 特定個人情報の提供・移転の記録 具体的な方法
    ///
    /// 「記録を残している」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub log_method: Option<Text>,
    /// # Ⅲ 5. リスク1 特定個人情報の提供・移転に関するルール
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub rules: Defined,
    /// # Ⅲ 5. リスク1 特定個人情報の提供・移転に関するルール ルールの内容及びルール遵守の確認方法
    ///
    /// 「定めている」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub rules_content: Option<Text>,
    /// # Ⅲ 5. リスク1 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 5. リスク1 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

measured_risk!(
    /// Ⅲ 5. リスク2 の措置と回答。
    ProvisionRisk2,
    "Ⅲ 5. リスク2",
    "U",
    "U"
);

measured_risk!(
    /// Ⅲ 5. リスク3 の措置と回答。
    ProvisionRisk3,
    "Ⅲ 5. リスク3",
    "U",
    "U"
);

/// # Ⅲ 6. 情報提供ネットワークシステムとの接続
///
/// リスク1〜4 は入手、リスク5〜7 は提供についてのリスク。「接続しない（入手）」に印を付けた場合はリスク1〜4 を、
/// 「接続しない（提供）」に印を付けた場合はリスク5〜7 を記載しない。
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
    /// # Ⅲ 6. リスク1: 目的外の入手が行われるリスク
    pub risk1: Option<NetworkRisk1>,
    /// # Ⅲ 6. リスク2: 安全が保たれない方法によって入手が行われるリスク
    pub risk2: Option<NetworkRisk2>,
    /// # Ⅲ 6. リスク3: 入手した特定個人情報が不正確であるリスク
    pub risk3: Option<NetworkRisk3>,
    /// # Ⅲ 6. リスク4: 入手の際に特定個人情報が漏えい・紛失するリスク
    pub risk4: Option<NetworkRisk4>,
    /// # Ⅲ 6. リスク5: 不正な提供が行われるリスク
    pub risk5: Option<NetworkRisk5>,
    /// # Ⅲ 6. リスク6: 不適切な方法で提供されるリスク
    pub risk6: Option<NetworkRisk6>,
    /// # Ⅲ 6. リスク7: 誤った情報を提供してしまうリスク、誤った相手に提供してしまうリスク
    pub risk7: Option<NetworkRisk7>,
    /// # Ⅲ 6. 情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置
    ///
    /// 「接続しない（入手）」と「接続しない（提供）」の両方に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

measured_risk!(
    /// Ⅲ 6. リスク1 の措置と回答。
    NetworkRisk1,
    "Ⅲ 6. リスク1",
    "U",
    "U"
);
measured_risk!(
    /// Ⅲ 6. リスク2 の措置と回答。
    NetworkRisk2,
    "Ⅲ 6. リスク2",
    "V",
    "V"
);
measured_risk!(
    /// Ⅲ 6. リスク3 の措置と回答。
    NetworkRisk3,
    "Ⅲ 6. リスク3",
    "V",
    "V"
);
measured_risk!(
    /// Ⅲ 6. リスク4 の措置と回答。
    NetworkRisk4,
    "Ⅲ 6. リスク4",
    "U",
    "U"
);
measured_risk!(
    /// Ⅲ 6. リスク5 の措置と回答。
    NetworkRisk5,
    "Ⅲ 6. リスク5",
    "U",
    "U"
);
measured_risk!(
    /// Ⅲ 6. リスク6 の措置と回答。
    NetworkRisk6,
    "Ⅲ 6. リスク6",
    "U",
    "U"
);
measured_risk!(
    /// Ⅲ 6. リスク7 の措置と回答。
    NetworkRisk7,
    "Ⅲ 6. リスク7",
    "U",
    "U"
);

/// # Ⅲ 7. 特定個人情報の保管・消去
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskStorage {
    /// # Ⅲ 7. リスク1: 特定個人情報の漏えい・滅失・毀損リスク
    pub risk1: StorageRisk1,
    /// # Ⅲ 7. リスク2: 特定個人情報が古い情報のまま保管され続けるリスク
    pub risk2: StorageRisk2,
    /// # Ⅲ 7. リスク3: 特定個人情報が消去されずいつまでも存在するリスク
    pub risk3: StorageRisk3,
    /// # Ⅲ 7. 特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Text,
}

/// # Ⅲ 7. リスク1: 特定個人情報の漏えい・滅失・毀損リスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct StorageRisk1 {
    /// # Ⅲ 7. リスク1 ①NISC政府機関統一基準群
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub nisc: NiscCompliance,
    /// # Ⅲ 7. リスク1 ②安全管理体制
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub safety_system: Maintained,
    /// # Ⅲ 7. リスク1 ③安全管理規程
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub safety_rules: Maintained,
    /// # Ⅲ 7. リスク1 ④安全管理体制・規程の職員への周知
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub notice: Notified,
    /// # Ⅲ 7. リスク1 ⑤物理的対策
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub physical: TrainingLevel,
    /// # Ⅲ 7. リスク1 ⑤具体的な対策の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub physical_details: Text,
    /// # Ⅲ 7. リスク1 ⑥技術的対策
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub technical: TrainingLevel,
    /// # Ⅲ 7. リスク1 ⑥具体的な対策の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub technical_details: Text,
    /// # Ⅲ 7. リスク1 ⑦バックアップ
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub backup: TrainingLevel,
    /// # Ⅲ 7. リスク1 ⑧事故発生時手順の策定・周知
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub incident_procedure: TrainingLevel,
    /// # Ⅲ 7. リスク1 ⑨過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか
    ///
    /// ※の対象外（Ⅲ の見出し「※(7.リスク1⑨を除く。)」）。基礎項目評価書 Ⅱ 3.（過去１年以内、特定個人情報）とは別の問い。
    pub serious_incident: SeriousIncident,
    /// # Ⅲ 7. リスク1 ⑩死者の個人番号
    pub deceased: DeceasedNumberKeeping,
    /// # Ⅲ 7. リスク1 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 7. リスク1 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

/// # Ⅲ 7. リスク1 ⑨過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SeriousIncident {
    /// # Ⅲ 7. リスク1 ⑨過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか
    #[schemars(extend("x-pia-tag" = "P"))]
    pub occurred: Incident,
    /// # Ⅲ 7. リスク1 ⑨その内容
    ///
    /// 「発生あり」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub details: Option<Text>,
    /// # Ⅲ 7. リスク1 ⑨再発防止策の内容
    ///
    /// 「発生あり」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub prevention: Option<Text>,
}

/// # Ⅲ 7. リスク1 ⑩死者の個人番号
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct DeceasedNumberKeeping {
    /// # Ⅲ 7. リスク1 ⑩死者の個人番号
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: DeceasedNumbers,
    /// # Ⅲ 7. リスク1 ⑩具体的な保管方法
    ///
    /// 「保管している」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub method: Option<Text>,
}

measured_risk!(
    /// Ⅲ 7. リスク2 の措置と回答。
    StorageRisk2,
    "Ⅲ 7. リスク2",
    "U",
    "U"
);

/// # Ⅲ 7. リスク3: 特定個人情報が消去されずいつまでも存在するリスク
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct StorageRisk3 {
    /// # Ⅲ 7. リスク3 消去手順
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub erasure_procedure: Defined,
    /// # Ⅲ 7. リスク3 消去手順 手順の内容
    ///
    /// 「定めている」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub erasure_procedure_content: Option<Text>,
    /// # Ⅲ 7. リスク3 その他の措置の内容
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_measures: Text,
    /// # Ⅲ 7. リスク3 リスクへの対策は十分か
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Adequacy,
}

/// # Ⅳ その他のリスク対策
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct OtherMeasures {
    /// # Ⅳ 1. 監査
    pub audit: Audit,
    /// # Ⅳ 2. 従業者に対する教育・啓発
    #[schemars(extend("x-pia-tag" = "U"))]
    pub training: TrainingLevel,
    /// # Ⅳ 2. 具体的な方法
    #[schemars(extend("x-pia-tag" = "U", "x-pia-joins" = true))]
    pub training_method: Text,
    /// # Ⅳ 3. その他のリスク対策
    #[schemars(extend("x-pia-tag" = "U"))]
    pub other: Text,
}

/// # Ⅳ 1. 監査
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// # Ⅳ 1. ①自己点検
    #[schemars(extend("x-pia-tag" = "U"))]
    pub self_inspection: TrainingLevel,
    /// # Ⅳ 1. ①具体的なチェック方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub self_inspection_method: Text,
    /// # Ⅳ 1. ②監査
    #[schemars(extend("x-pia-tag" = "U"))]
    pub audit: TrainingLevel,
    /// # Ⅳ 1. ②具体的な内容
    #[schemars(extend("x-pia-tag" = "U"))]
    pub audit_details: Text,
}

/// # Ⅴ 開示請求、問合せ
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Disclosure {
    /// # Ⅴ 1. 特定個人情報の開示・訂正・利用停止請求
    pub request: DisclosureRequest,
    /// # Ⅴ 2. 特定個人情報ファイルの取扱いに関する問合せ
    pub inquiry: Inquiry,
}

/// # Ⅴ 1. 特定個人情報の開示・訂正・利用停止請求
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct DisclosureRequest {
    /// # Ⅴ 1. ①請求先
    ///
    /// 窓口名、所在地、電話番号。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub contact: Text,
    /// # Ⅴ 1. ②請求方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub method: Text,
    /// # Ⅴ 1. ②特記事項
    #[schemars(extend("x-pia-tag" = "U"))]
    pub special_notes: Option<Text>,
    /// # Ⅴ 1. ③手数料等
    #[schemars(extend("x-pia-tag" = "U"))]
    pub fee: Fee,
    /// # Ⅴ 1. ③（手数料額、納付方法： ）
    ///
    /// 「有料」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub fee_detail: Option<Text>,
    /// # Ⅴ 1. ④個人情報ファイル簿の公表
    #[schemars(extend("x-pia-tag" = "U"))]
    pub file_register: Performed,
    /// # Ⅴ 1. ④個人情報ファイル名
    ///
    /// 「行っている」の場合に、公表している個人情報ファイル簿の個人情報ファイル名を記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub file_register_name: Option<Text>,
    /// # Ⅴ 1. ④公表場所
    ///
    /// 「行っている」の場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub file_register_place: Option<Text>,
    /// # Ⅴ 1. ⑤法令による特別の手続
    #[schemars(extend("x-pia-tag" = "U"))]
    pub special_procedure: Text,
    /// # Ⅴ 1. ⑥個人情報ファイル簿への不記載等
    #[schemars(extend("x-pia-tag" = "U"))]
    pub unlisted: Text,
}

/// # Ⅴ 2. 特定個人情報ファイルの取扱いに関する問合せ
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Inquiry {
    /// # Ⅴ 2. ①連絡先
    ///
    /// 窓口名、所在地、電話番号。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub contact: Text,
    /// # Ⅴ 2. ②対応方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub response: Text,
}

/// # Ⅵ 評価実施手続
///
/// 2.〜4. は素案では空でよい（意見の聴取・第三者点検・承認の前に書く案だから）。公表する評価書では記載する。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// # Ⅵ 1. 基礎項目評価
    pub kiso: KisoAssessmentStep,
    /// # Ⅵ 2. 国民・住民等からの意見の聴取
    pub public_hearing: Option<PublicHearing>,
    /// # Ⅵ 3. 第三者点検
    ///
    /// 地方公共団体等が受ける（意見の聴取の後）。
    pub third_party_review: Option<ThirdPartyReview>,
    /// # Ⅵ 4. 個人情報保護委員会の承認【行政機関等のみ】
    pub commission_review: Option<CommissionReview>,
}

/// # Ⅵ 1. 基礎項目評価
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct KisoAssessmentStep {
    /// # Ⅵ 1. ①実施日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub date: Date,
    /// # Ⅵ 1. ②しきい値判断結果
    ///
    /// 対になる基礎項目評価書の Ⅲ しきい値判断結果と合う文言。
    #[schemars(extend("x-pia-tag" = "P"))]
    pub result: ZenkomokuThresholdResult,
}

/// # Ⅵ 2. 国民・住民等からの意見の聴取
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct PublicHearing {
    /// # Ⅵ 2. ①方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub method: Text,
    /// # Ⅵ 2. ②実施日・期間
    ///
    /// 原則として30日以上（指針）。
    pub period: HearingPeriod,
    /// # Ⅵ 2. ③期間を短縮する特段の理由
    ///
    /// 期間が30日に満たない場合に記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub shortening_reason: Option<Text>,
    /// # Ⅵ 2. ④主な意見の内容
    #[schemars(extend("x-pia-tag" = "U"))]
    pub main_opinions: Text,
    /// # Ⅵ 2. ⑤評価書への反映
    #[schemars(extend("x-pia-tag" = "U"))]
    pub reflection: Text,
}

/// # Ⅵ 2. ②実施日・期間
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct HearingPeriod {
    /// # Ⅵ 2. ②実施日・期間 開始日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub start: Date,
    /// # Ⅵ 2. ②実施日・期間 終了日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub end: Date,
}

/// # Ⅵ 3. 第三者点検
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ThirdPartyReview {
    /// # Ⅵ 3. ①実施日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub date: Date,
    /// # Ⅵ 3. ②方法
    #[schemars(extend("x-pia-tag" = "U"))]
    pub method: Text,
    /// # Ⅵ 3. ③結果
    #[schemars(extend("x-pia-tag" = "U"))]
    pub result: Text,
}

/// # Ⅵ 4. 個人情報保護委員会の承認【行政機関等のみ】
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct CommissionReview {
    /// # Ⅵ 4. ①提出日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub submitted: Date,
    /// # Ⅵ 4. ②個人情報保護委員会による審査
    #[schemars(extend("x-pia-tag" = "U"))]
    pub review: Text,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::FormKind;
    use serde_json::Value;

    fn schema() -> &'static Value {
        crate::schema::schema_value(FormKind::Zenkomoku)
    }

    /// Follows `$ref`, and the value branch of an optional item (`anyOf [x, null]`).
    fn target<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
        let deref = |n: &'a Value| {
            n.get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|p| schema.pointer(p))
                .unwrap_or(n)
        };
        let node = deref(node);
        match node.get("anyOf").and_then(Value::as_array) {
            Some(branches) => {
                branches.iter().map(deref).find(|b| b.get("type") != Some(&Value::from("null"))).unwrap_or(node)
            }
            None => node,
        }
    }

    /// Every leaf item with its dotted path (`files[].overview.name`) and property schema; the
    /// shared value types (Text, its `{text, withheld}` form) are leaves.
    fn leaves(schema: &Value) -> Vec<(String, Value)> {
        fn walk(schema: &Value, node: &Value, path: &str, out: &mut Vec<(String, Value)>) {
            let Some(props) = node.get("properties").and_then(Value::as_object) else { return };
            for (key, prop) in props {
                let mut here = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                let mut inner = target(schema, prop);
                if inner.get("type") == Some(&Value::from("array")) {
                    here.push_str("[]");
                    inner = target(schema, inner.get("items").unwrap_or(inner));
                }
                let text = schema["$defs"].get("Text").is_some_and(|t| std::ptr::eq(t, inner));
                if inner.get("properties").is_some() && !text {
                    walk(schema, inner, &here, out);
                } else {
                    out.push((here, prop.clone()));
                }
            }
        }
        let mut out = Vec::new();
        walk(schema, schema, "", &mut out);
        out
    }

    #[test]
    fn every_leaf_has_a_title_and_a_tag() {
        let leaves = leaves(schema());
        assert!(leaves.len() > 250, "{}", leaves.len());
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        for (path, prop) in &leaves {
            assert!(prop.get("title").and_then(Value::as_str).is_some_and(|t| !t.is_empty()), "{path} has no title");
            // The cover and 変更箇所 carry their tag on the block (V, P); pia's own fields are `pia`.
            let tag = prop.get("x-pia-tag").and_then(Value::as_str);
            let shared =
                path.starts_with("cover.") || path.starts_with("history[]") || path.starts_with("last_assessment.");
            match tag {
                Some(t @ ("V" | "P" | "U" | "pia")) => *counts.entry(t).or_default() += 1,
                None if shared => {}
                other => panic!("{path} has the tag {other:?}"),
            }
        }
        eprintln!("tags of 様式4's leaves: {counts:?}");
        assert!(counts["U"] > counts["V"], "{counts:?}");
        // No other form's tag is left in the schema.
        assert!(!serde_json::to_string(schema()).unwrap().contains("x-pia-tag-"));
    }

    /// §4 marks ※: Ⅰ1②, Ⅰ5, Ⅰ6 (both items), Ⅱ2①③, Ⅱ2④主な記録項目 (each box), Ⅱ3①入手元 (each
    /// box), Ⅱ3⑥使用目的, ⑦使用部署, ⑧使用方法・情報の突合・情報の統計分析・権利利益に影響を与え得る
    /// 決定, Ⅱ4 委託の有無, 委託事項の②対象となる本人の範囲 and ⑦再委託の有無, Ⅱ6①保管場所, and the
    /// whole of Ⅲ but 7.リスク1⑨. Nothing else (Ⅱ5, Ⅳ, Ⅴ, Ⅵ have none).
    #[test]
    fn the_important_items_are_exactly_those_of_section_4() {
        let leaves = leaves(schema());
        let flagged: BTreeSet<String> = leaves
            .iter()
            .filter(|(_, p)| p.get("x-pia-important") == Some(&Value::Bool(true)))
            .map(|(path, _)| path.clone())
            .collect();
        let file = "files[].overview.";
        let main_items = [
            "individual_number",
            "corresponding_code",
            "internal_number",
            "four_items",
            "contact",
            "resident_record",
            "national_tax",
            "local_tax",
            "health",
            "medical_insurance",
            "child_welfare",
            "disability_welfare",
            "public_assistance",
            "elderly_care",
            "employment",
            "pension",
            "education",
            "disaster",
            "other",
        ];
        let sources =
            ["person", "other_department", "national_agency", "local_government", "private_business", "other"];
        let mut expected: BTreeSet<String> = [
            "basic_info.affair.content",
            "basic_info.number_use_basis",
            "basic_info.network_linkage.status",
            "basic_info.network_linkage.basis",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        for item in [
            "basics.kind",
            "basics.persons_scope",
            "acquisition_use.purpose",
            "acquisition_use.users.departments",
            "acquisition_use.method",
            "acquisition_use.matching",
            "acquisition_use.statistics",
            "acquisition_use.decisions",
            "outsourcing.status",
            "outsourcing.items[].persons_scope",
            "outsourcing.items[].resubcontract.status",
            "storage.place",
        ] {
            expected.insert(format!("{file}{item}"));
        }
        expected.extend(main_items.iter().map(|k| format!("{file}basics.main_items.{k}")));
        expected.extend(sources.iter().map(|k| format!("{file}acquisition_use.sources.{k}")));
        let incident = "files[].risk.storage.risk1.serious_incident.";
        let risk: Vec<&String> = leaves
            .iter()
            .map(|(p, _)| p)
            .filter(|p| p.starts_with("files[].risk.") && !p.starts_with(incident))
            .collect();
        assert!(risk.len() > 100, "{}", risk.len());
        expected.extend(risk.into_iter().cloned());
        assert_eq!(flagged.difference(&expected).collect::<Vec<_>>(), Vec::<&String>::new(), "※ where §4 has none");
        assert_eq!(expected.difference(&flagged).collect::<Vec<_>>(), Vec::<&String>::new(), "※ missing");
        // 7.リスク1⑨ is the header's exception: its three items are not ※.
        for key in ["occurred", "details", "prevention"] {
            assert!(leaves.iter().any(|(p, _)| *p == format!("{incident}{key}")), "{key}");
            assert!(!flagged.contains(&format!("{incident}{key}")), "{key}");
        }
        eprintln!("※ leaves of 様式4: {}", flagged.len());
    }

    #[test]
    fn blocks_are_named_and_titles_say_where_an_item_stands() {
        let schema = schema();
        let prop = |def: &str, key: &str| schema["$defs"][def]["properties"][key].clone();
        assert_eq!(schema["properties"]["files"]["x-pia-block"], "ファイル{n}");
        assert_eq!(schema["properties"]["files"]["x-pia-block-name"], "/overview/name");
        assert_eq!(prop("BasicInfo", "systems")["x-pia-block"], "システム{n}");
        assert_eq!(prop("Outsourcing", "items")["x-pia-block"], "委託事項{n}");
        assert_eq!(prop("Provision", "recipients")["x-pia-block"], "提供先{n}");
        assert_eq!(prop("Provision", "transferees")["x-pia-block"], "移転先{n}");
        assert_eq!(prop("AffairDetails", "figures")["x-pia-block"], "図{n}");
        // Ⅰ is numbered as 様式4 numbers it (Ⅰ 4. is 取り扱う理由).
        assert_eq!(prop("Department", "head_title")["title"], "Ⅰ 7. ②所属長の役職名");
        assert_eq!(prop("NetworkLinkage", "basis")["title"], "Ⅰ 6. ②法令上の根拠");
        assert_eq!(prop("Resubcontract", "matters")["title"], "Ⅱ 4. ⑨再委託事項");
        // The risks of Ⅲ and their items, the common ones written once.
        assert_eq!(
            prop("RiskNetwork", "risk7")["title"],
            "Ⅲ 6. リスク7: 誤った情報を提供してしまうリスク、誤った相手に提供してしまうリスク"
        );
        assert_eq!(prop("NetworkRisk7", "measures")["title"], "Ⅲ 6. リスク7 リスクに対する措置の内容");
        assert_eq!(prop("AcquisitionRisk2", "adequacy")["x-pia-tag"], "V");
        assert_eq!(prop("AcquisitionRisk2", "measures")["x-pia-tag"], "U");
        // A block shared with 様式3 carries each form's own tag.
        assert_eq!(prop("System", "function")["x-pia-tag"], "V");
        let juten = crate::schema::schema_value(FormKind::Juten);
        assert_eq!(juten["$defs"]["System"]["properties"]["function"]["x-pia-tag"], "P");
        assert_eq!(juten["$defs"]["System"]["properties"]["function"]["title"], "Ⅰ 2. ②システムの機能");
        // The cover is the shared one with the 承認日.
        let cover = &schema["$defs"]["ZenkomokuCover"];
        let keys: Vec<&str> = cover["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["number", "title", "declaration", "special_notes", "body", "published", "approval"]);
        assert_eq!(cover["additionalProperties"], false);
    }

    #[test]
    fn choice_labels() {
        assert_eq!(ZenkomokuForm::Zenkomoku.label(), "様式4");
        assert_eq!(ZenkomokuThresholdResult::KisoZenkomoku.label(), Obligation::KisoZenkomoku.label());
        for r in ZenkomokuThresholdResult::ALL {
            // Each wording of Ⅵ1② starts with the 様式2 Ⅲ wording it stands for.
            assert!(r.label().starts_with(r.obligation().label()), "{r}");
        }
        assert_eq!(NiscCompliance::NotGovernment.number(), 4);
        assert_eq!(ResubcontractorCare::NotResubcontracted.number(), 4);
    }

    fn load(text: &str) -> Result<ZenkomokuAssessment, serde_json::Error> {
        let value: Value = serde_saphyr::from_str(text).unwrap();
        serde_json::from_value(value)
    }

    const BASE: &str = include_str!("../../tests/fixtures/zenkomoku/base.yaml");

    #[test]
    fn the_base_deserializes_and_refuses_unknown_keys() {
        let a = load(BASE).unwrap();
        assert_eq!(a.cover.common.number.0, "3");
        assert_eq!(a.cover.approval, None);
        assert_eq!(a.file_names().map(Text::as_str).collect::<Vec<_>>(), ["住民基本台帳ファイル"]);
        // The 承認日 sits in the cover beside the shared items.
        let approved =
            load(&BASE.replace("  published: 2025-04-01\n", "  published: 2025-04-01\n  approval: 2025-03-01\n"));
        assert_eq!(approved.unwrap().cover.approval, Date::from_ymd(2025, 3, 1));
        assert!(
            load(&BASE.replace("  published: 2025-04-01\n", "  published: 2025-04-01\n  approved: 2025-03-01\n"))
                .is_err()
        );
        assert!(load(&BASE.replace("other_bodies:", "other_body:")).is_err());
    }

    #[test]
    fn the_example_is_fully_filled_in() {
        let a = load(include_str!("../../assessments/examples/juki-zenkomoku.yaml")).unwrap();
        assert_eq!(a.body_kind, BodyKind::LocalGovernment);
        assert_eq!(a.basic_info.affair.subjects, SubjectsBand::Over300k);
        assert_eq!(a.files.len(), 2);
        let items: Vec<&Entrustment> = a.files.iter().flat_map(|f| &f.overview.outsourcing.items).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items.iter().filter(|e| e.resubcontract.status == ResubcontractStatus::Resubcontracted).count(), 1);
        assert!(a.files.iter().flat_map(|f| &f.overview.provision.recipients).any(|r| r.methods.network_system));
        assert_eq!(a.affair_details.figures.len(), 1);
        assert!(a.affair_details.figures.iter().all(|f| f.path.ends_with(".svg") && !f.alt.is_empty()));
        let hearing = a.procedure.public_hearing.as_ref().unwrap();
        assert!(hearing.period.end.days_since_epoch() - hearing.period.start.days_since_epoch() + 1 >= 30);
        assert!(a.procedure.third_party_review.is_some());
        assert!(a.files.iter().any(|f| f.risk.storage.risk1.physical_details.is_withheld()));
        // Round trip.
        let again: ZenkomokuAssessment = serde_json::from_value(serde_json::to_value(&a).unwrap()).unwrap();
        assert_eq!(again, a);
    }
}
