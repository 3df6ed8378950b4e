//! 様式2 基礎項目評価書 (令和6年10月版): every item of the form as a Rust type.
//!
//! Each field's doc comment starts with `# <item in the form's numbering>`; the generated JSON
//! Schema turns that line into the field's `title`, which editors show on hover and which
//! diagnostics use to name the item.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::parts::{Cover, HistoryRow, LastAssessment};
use super::types::{HeadCount, Text, choice};
use super::vocab::{Adequacy, Incident, LinkageStatus, Obligation, Revision, SubjectsBand, TrainingLevel};
use crate::wareki::Date;

choice! {
    /// 様式（基礎項目評価書は様式2）。
    Form { Kiso => "様式2" }
}

choice! {
    /// Ⅱ 2. 取扱者数の選択肢（特定個人情報ファイル取扱者数は500人以上か）。
    HandlersBand { Over500 => "500人以上", Under500 => "500人未満" }
}

choice! {
    /// Ⅳ 1. 提出する特定個人情報保護評価書の種類の選択肢。
    SubmittedAssessments {
        Kiso => "基礎項目評価書",
        KisoJuten => "基礎項目評価書及び重点項目評価書",
        KisoZenkomoku => "基礎項目評価書及び全項目評価書",
    }
}

choice! {
    /// Ⅳ 11. 最も優先度が高いと考えられる対策の選択肢（9つ）。
    PriorityMeasure {
        Acquisition => "目的外の入手が行われるリスクへの対策",
        Linkage => "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策",
        UnauthorizedUse => "権限のない者によって不正に使用されるリスクへの対策",
        Outsourcing => "委託先における不正な使用等のリスクへの対策",
        Provision => "不正な提供・移転が行われるリスクへの対策(委託や情報提供ネットワークシステムを通じた提供を除く。)",
        NetworkAcquisition => "情報提供ネットワークシステムを通じて目的外の入手が行われるリスクへの対策",
        NetworkProvision => "情報提供ネットワークシステムを通じて不正な提供が行われるリスクへの対策",
        Storage => "特定個人情報の漏えい・滅失・毀損リスクへの対策",
        Training => "従業者に対する教育・啓発",
    }
}

/// # 特定個人情報保護評価書（基礎項目評価書）
///
/// 様式2（令和6年10月版）の記載内容。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct KisoAssessment {
    /// # 様式
    ///
    /// この評価書の様式。基礎項目評価書は「様式2」。
    pub form: Form,
    /// # 様式の版
    ///
    /// 様式の改正時期。右上の様式番号（例: [令和６年10月　様式２]）の年月。
    pub revision: Revision,
    /// # 表紙
    pub cover: Cover,
    /// # Ⅰ 関連情報
    pub related_info: RelatedInfo,
    /// # Ⅱ しきい値判断項目
    pub threshold_items: ThresholdItems,
    /// # Ⅲ しきい値判断結果
    ///
    /// Ⅱ1〜Ⅱ3 から定まる文言。pia check が再計算して照合する。
    pub threshold_result: Obligation,
    /// # Ⅳ リスク対策
    pub risk_measures: RiskMeasures,
    /// # 直近の評価（実施又は再実施）
    ///
    /// 評価書には印字しない。直近の実施・再実施の日（修正は含まない）。規則第15条の5年ごとの再評価の期限を計算する。
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub last_assessment: Option<LastAssessment>,
    /// # 変更箇所
    ///
    /// 変更日の新しい順に記載する。
    #[serde(default)]
    pub history: Vec<HistoryRow>,
}

/// # Ⅰ 関連情報
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RelatedInfo {
    /// # Ⅰ 1. 特定個人情報ファイルを取り扱う事務
    pub affair: Affair,
    /// # Ⅰ 2. 特定個人情報ファイル名
    pub file_name: Text,
    /// # Ⅰ 3. 個人番号の利用 法令上の根拠
    ///
    /// 例: 番号法第9条第1項　別表の○の項（令和6年5月27日以降の番号法の別表の項番号で記載）。
    pub number_use_basis: Text,
    /// # Ⅰ 4. 情報提供ネットワークシステムによる情報連携
    pub network_linkage: NetworkLinkage,
    /// # Ⅰ 5. 評価実施機関における担当部署
    pub department: Department,
    /// # Ⅰ 6. 他の評価実施機関
    ///
    /// 同じ事務を複数の評価実施機関が評価する場合に記載する。なければ「－」。
    pub other_bodies: Text,
    /// # Ⅰ 7. 特定個人情報の開示・訂正・利用停止請求 請求先
    ///
    /// 窓口名、所在地、電話番号。
    pub disclosure_contact: Text,
    /// # Ⅰ 8. 特定個人情報ファイルの取扱いに関する問合せ 連絡先
    ///
    /// 窓口名、所在地、電話番号。
    pub inquiry_contact: Text,
    /// # Ⅰ 9. 規則第９条第２項の適用
    pub rule_9_2: Rule92,
}

/// # Ⅰ 1. 特定個人情報ファイルを取り扱う事務
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Affair {
    /// # Ⅰ 1. ①事務の名称
    pub name: Text,
    /// # Ⅰ 1. ②事務の概要
    pub summary: Text,
    /// # Ⅰ 1. ③システムの名称
    pub systems: Text,
}

/// # Ⅰ 4. 情報提供ネットワークシステムによる情報連携
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct NetworkLinkage {
    /// # Ⅰ 4. ①実施の有無
    pub status: LinkageStatus,
    /// # Ⅰ 4. ②法令上の根拠
    ///
    /// ①が「実施する」の場合に記載する。例: 番号法第19条第8号　別表。
    pub basis: Option<Text>,
}

/// # Ⅰ 5. 評価実施機関における担当部署
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// # Ⅰ 5. ①部署
    pub name: Text,
    /// # Ⅰ 5. ②所属長の役職名
    ///
    /// 役職名のみを記載し、個人名は記載しない（令和元年の様式改正以降）。
    pub head_title: Text,
}

/// # Ⅰ 9. 規則第９条第２項の適用
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Rule92 {
    /// # Ⅰ 9. ［ ］適用した
    ///
    /// 緊急時に評価の前に特定個人情報ファイルを保有した場合に true。
    #[serde(default)]
    pub applied: bool,
    /// # Ⅰ 9. 適用した理由
    pub reason: Option<Text>,
}

/// # Ⅱ しきい値判断項目
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ThresholdItems {
    /// # Ⅱ 1. 対象人数
    ///
    /// 評価対象の事務の対象人数は何人か。
    pub subjects: Subjects,
    /// # Ⅱ 2. 取扱者数
    ///
    /// 特定個人情報ファイル取扱者数は500人以上か。
    pub handlers: Handlers,
    /// # Ⅱ 3. 重大事故
    #[schemars(extend("x-pia-printed" = "過去１年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか"))]
    pub incident: Incident,
}

/// # Ⅱ 1. 対象人数
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Subjects {
    /// # Ⅱ 1. 対象人数
    ///
    /// 選択肢の文言で記載する。
    #[schemars(extend("x-pia-printed" = "評価対象の事務の対象人数は何人か"))]
    pub band: SubjectsBand,
    /// # Ⅱ 1. 対象人数（実数）
    ///
    /// 任意。集計した人数（全角数字・桁区切りも可）。書けば区分と合っているかを確かめる。評価書には印字しない。
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub count: Option<HeadCount>,
    /// # Ⅱ 1. いつ時点の計数か
    pub as_of: Date,
}

/// # Ⅱ 2. 取扱者数
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Handlers {
    /// # Ⅱ 2. 取扱者数
    ///
    /// 選択肢の文言で記載する。委託先の取扱者を含む。
    #[schemars(extend("x-pia-printed" = "特定個人情報ファイル取扱者数は500人以上か"))]
    pub band: HandlersBand,
    /// # Ⅱ 2. 取扱者数（実数）
    ///
    /// 任意。集計した人数（全角数字・桁区切りも可）。書けば区分と合っているかを確かめる。評価書には印字しない。
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub count: Option<HeadCount>,
    /// # Ⅱ 2. いつ時点の計数か
    pub as_of: Date,
}

/// # Ⅳ リスク対策
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct RiskMeasures {
    /// # Ⅳ 1. 提出する特定個人情報保護評価書の種類
    #[schemars(extend(
        "x-pia-note" = "2)又は3)を選択した評価実施機関については、それぞれ重点項目評価書又は全項目評価書において、リスク対策の詳細が記載されている。"
    ))]
    pub submitted: SubmittedAssessments,
    /// # Ⅳ 2. 特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。） 目的外の入手が行われるリスクへの対策は十分か
    pub acquisition: Adequacy,
    /// # Ⅳ 3. 特定個人情報の使用
    #[serde(rename = "use")]
    pub usage: Usage,
    /// # Ⅳ 4. 特定個人情報ファイルの取扱いの委託
    pub outsourcing: Outsourcing,
    /// # Ⅳ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）
    pub provision: Provision,
    /// # Ⅳ 6. 情報提供ネットワークシステムとの接続
    pub network: NetworkConnection,
    /// # Ⅳ 7. 特定個人情報の保管・消去 特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か
    pub storage: Adequacy,
    /// # Ⅳ 8. 人手を介在させる作業
    pub manual_work: ManualWork,
    /// # Ⅳ 9. 監査 実施の有無
    pub audit: Audit,
    /// # Ⅳ 10. 従業者に対する教育・啓発
    pub training: TrainingLevel,
    /// # Ⅳ 11. 最も優先度が高いと考えられる対策
    pub priority: Priority,
}

/// # Ⅳ 3. 特定個人情報の使用
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Usage {
    /// # Ⅳ 3. 目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十分か
    pub linkage: Adequacy,
    /// # Ⅳ 3. 権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスクへの対策は十分か
    pub unauthorized_use: Adequacy,
}

/// # Ⅳ 4. 特定個人情報ファイルの取扱いの委託
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Outsourcing {
    /// # Ⅳ 4. ［ ］委託しない
    #[serde(default)]
    pub not_outsourced: bool,
    /// # Ⅳ 4. 委託先における不正な使用等のリスクへの対策は十分か
    ///
    /// 「委託しない」に印を付けた場合は記載しない。
    pub adequacy: Option<Adequacy>,
}

/// # Ⅳ 5. 特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// # Ⅳ 5. ［ ］提供・移転しない
    #[serde(default)]
    pub not_provided: bool,
    /// # Ⅳ 5. 不正な提供・移転が行われるリスクへの対策は十分か
    ///
    /// 「提供・移転しない」に印を付けた場合は記載しない。
    pub adequacy: Option<Adequacy>,
}

/// # Ⅳ 6. 情報提供ネットワークシステムとの接続
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct NetworkConnection {
    /// # Ⅳ 6. ［ ］接続しない（入手）
    #[serde(default)]
    pub not_connected_acquisition: bool,
    /// # Ⅳ 6. ［ ］接続しない（提供）
    #[serde(default)]
    pub not_connected_provision: bool,
    /// # Ⅳ 6. 目的外の入手が行われるリスクへの対策は十分か
    ///
    /// 「接続しない（入手）」に印を付けた場合は記載しない。
    pub acquisition: Option<Adequacy>,
    /// # Ⅳ 6. 不正な提供が行われるリスクへの対策は十分か
    ///
    /// 「接続しない（提供）」に印を付けた場合は記載しない。
    pub provision: Option<Adequacy>,
}

/// # Ⅳ 8. 人手を介在させる作業
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ManualWork {
    /// # Ⅳ 8. ［ ］人手を介在させる作業はない
    #[serde(default)]
    pub none: bool,
    /// # Ⅳ 8. 人為的ミスが発生するリスクへの対策は十分か
    ///
    /// 「人手を介在させる作業はない」に印を付けた場合は記載しない。
    pub adequacy: Option<Adequacy>,
    /// # Ⅳ 8. 判断の根拠
    pub basis: Option<Text>,
}

/// # Ⅳ 9. 監査 実施の有無
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// # Ⅳ 9. ［ ］自己点検
    #[serde(default)]
    pub self_inspection: bool,
    /// # Ⅳ 9. ［ ］内部監査
    #[serde(default)]
    pub internal_audit: bool,
    /// # Ⅳ 9. ［ ］外部監査
    #[serde(default)]
    pub external_audit: bool,
}

/// # Ⅳ 11. 最も優先度が高いと考えられる対策
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// # Ⅳ 11. ［ ］全項目評価又は重点項目評価を実施する
    ///
    /// Ⅳ1で2)又は3)を選んだ場合に印を付け、Ⅳ11の他の欄は記載しない。
    #[serde(default)]
    pub full_or_focused_assessment: bool,
    /// # Ⅳ 11. 最も優先度が高いと考えられる対策
    pub measure: Option<PriorityMeasure>,
    /// # Ⅳ 11. 当該対策は十分か【再掲】
    ///
    /// 選んだ対策についてⅣ2〜Ⅳ10で答えた内容を再掲する。
    pub adequacy: Option<Adequacy>,
    /// # Ⅳ 11. 判断の根拠
    pub basis: Option<Text>,
}
