//! The blocks 様式3 and 様式4 share, item for item: Ⅰ 2. システム, Ⅱ 2. 基本情報, Ⅱ 3. ①入手元 and
//! ②入手方法, Ⅱ 4. 委託 (its list of 委託事項), Ⅱ 5. 提供・移転, Ⅱ 6. ②保管期間 and Ⅲ 8. 人手を介在させる作業.
//!
//! A label here is the label in both forms. Where the published copies make an item surer in one
//! form than in the other (read in 様式4, only inferred for 様式3), the item carries its 様式4 tag
//! as `x-pia-tag-zenkomoku` beside its 様式3 `x-pia-tag`; [`crate::schema::generate`] leaves each
//! form's schema its own tag as `x-pia-tag`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::Text;
use super::vocab::{Adequacy, FileKind, OutsourcingStatus, PersonsBand, RecordItemsBand, RetentionPeriod};
use crate::wareki::Date;

/// # Ⅰ 2. システム
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct System {
    /// # Ⅰ 2. ①システムの名称
    #[schemars(extend("x-pia-tag" = "V"))]
    pub name: Text,
    /// # Ⅰ 2. ②システムの機能
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V"))]
    pub function: Text,
    /// # Ⅰ 2. ③他のシステムとの接続
    pub connections: SystemConnections,
}

/// # Ⅰ 2. ③他のシステムとの接続
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct SystemConnections {
    /// # Ⅰ 2. ③［ ］情報提供ネットワークシステム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "V", "x-pia-tag-zenkomoku" = "P"))]
    pub network_system: bool,
    /// # Ⅰ 2. ③［ ］庁内連携システム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "V", "x-pia-tag-zenkomoku" = "P"))]
    pub internal_linkage: bool,
    /// # Ⅰ 2. ③［ ］住民基本台帳ネットワークシステム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "V", "x-pia-tag-zenkomoku" = "P"))]
    pub juki_net: bool,
    /// # Ⅰ 2. ③［ ］既存住民基本台帳システム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "V", "x-pia-tag-zenkomoku" = "P"))]
    pub resident_register: bool,
    /// # Ⅰ 2. ③［ ］宛名システム等
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P"))]
    pub address_system: bool,
    /// # Ⅰ 2. ③［ ］税務システム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "V", "x-pia-tag-zenkomoku" = "P"))]
    pub tax_system: bool,
    /// # Ⅰ 2. ③［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "V", "x-pia-tag-zenkomoku" = "P"))]
    pub other: Option<Text>,
}

/// # Ⅱ 2. 基本情報
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct FileBasics {
    /// # Ⅱ 2. ①ファイルの種類
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub kind: FileKind,
    /// # Ⅱ 2. ②対象となる本人の数
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V"))]
    pub persons: PersonsBand,
    /// # Ⅱ 2. ③対象となる本人の範囲
    #[schemars(extend("x-pia-tag" = "U", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub persons_scope: Text,
    /// # Ⅱ 2. ③その必要性
    #[schemars(extend("x-pia-tag" = "U", "x-pia-tag-zenkomoku" = "V"))]
    pub persons_necessity: Text,
    /// # Ⅱ 2. ④記録される項目
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V"))]
    pub record_count: RecordItemsBand,
    /// # Ⅱ 2. ④主な記録項目
    #[schemars(extend("x-pia-important" = true))]
    pub main_items: MainRecordItems,
    /// # Ⅱ 2. ④その妥当性
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V"))]
    pub items_validity: Text,
    /// # Ⅱ 2. ⑤保有開始日
    #[schemars(extend("x-pia-tag" = "U"))]
    pub holding_start: Date,
    /// # Ⅱ 2. ⑥事務担当部署
    #[schemars(extend("x-pia-tag" = "U"))]
    pub department: Text,
}

/// # Ⅱ 2. ④主な記録項目
///
/// ・識別情報、・連絡先等情報、・業務関係情報の欄の印（複数可）。
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct MainRecordItems {
    /// # Ⅱ 2. ④・識別情報［ ］個人番号
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub individual_number: bool,
    /// # Ⅱ 2. ④・識別情報［ ］個人番号対応符号
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub corresponding_code: bool,
    /// # Ⅱ 2. ④・識別情報［ ］その他識別情報(内部番号)
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub internal_number: bool,
    /// # Ⅱ 2. ④・連絡先等情報［ ］4情報(氏名、性別、生年月日、住所)
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub four_items: bool,
    /// # Ⅱ 2. ④・連絡先等情報［ ］連絡先(電話番号等)
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub contact: bool,
    /// # Ⅱ 2. ④・連絡先等情報［ ］その他住民票関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub resident_record: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］国税関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub national_tax: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］地方税関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub local_tax: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］健康・医療関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub health: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］医療保険関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub medical_insurance: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］児童福祉・子育て関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub child_welfare: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］障害者福祉関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub disability_welfare: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］生活保護・社会福祉関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub public_assistance: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］介護・高齢者福祉関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub elderly_care: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］雇用・労働関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub employment: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］年金関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub pension: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］学校・教育関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub education: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］災害関係情報
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub disaster: bool,
    /// # Ⅱ 2. ④・業務関係情報［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "P", "x-pia-tag-zenkomoku" = "V", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅱ 3. ①入手元
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Sources {
    /// # Ⅱ 3. ①［ ］本人又は本人の代理人
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub person: bool,
    /// # Ⅱ 3. ①［ ］評価実施機関内の他部署（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容（部署名）を記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other_department: Option<Text>,
    /// # Ⅱ 3. ①［ ］行政機関・独立行政法人等（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub national_agency: Option<Text>,
    /// # Ⅱ 3. ①［ ］地方公共団体・地方独立行政法人（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub local_government: Option<Text>,
    /// # Ⅱ 3. ①［ ］民間事業者（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub private_business: Option<Text>,
    /// # Ⅱ 3. ①［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub other: Option<Text>,
}

/// # Ⅱ 3. ②入手方法
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct AcquisitionMethods {
    /// # Ⅱ 3. ②［ ］紙
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub paper: bool,
    /// # Ⅱ 3. ②［ ］電子記録媒体（フラッシュメモリを除く。）
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub electronic_media: bool,
    /// # Ⅱ 3. ②［ ］フラッシュメモリ
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub flash_memory: bool,
    /// # Ⅱ 3. ②［ ］電子メール
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub email: bool,
    /// # Ⅱ 3. ②［ ］専用線
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub dedicated_line: bool,
    /// # Ⅱ 3. ②［ ］庁内連携システム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub internal_linkage: bool,
    /// # Ⅱ 3. ②［ ］情報提供ネットワークシステム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub network_system: bool,
    /// # Ⅱ 3. ②［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub other: Option<Text>,
}

/// # Ⅱ 4. 特定個人情報ファイルの取扱いの委託
// The 委託事項 `E` are each form's own: 様式4 asks more of each than 様式3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields, bound(deserialize = "E: Deserialize<'de>"))]
#[schemars(rename = "Outsourcing")]
pub struct Outsourcing<E> {
    /// # Ⅱ 4. 委託の有無
    ///
    /// 「委託する」の場合の「（ ）件」は委託事項の数を印字する。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub status: OutsourcingStatus,
    /// # Ⅱ 4. 委託事項
    ///
    /// 「委託する」の場合に、委託事項ごとに記載する。
    // schemars cannot print the default of a generic list itself.
    #[serde(default)]
    #[schemars(extend("default" = [], "x-pia-block" = "委託事項{n}"))]
    pub items: Vec<E>,
}

/// # Ⅱ 5. 特定個人情報の提供・移転（委託に伴うものを除く。）
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// # Ⅱ 5. 提供・移転の有無［ ］提供を行っている（ ）件
    ///
    /// 「（ ）件」は提供先の数を印字する。
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-count-of" = "recipients"))]
    pub providing: bool,
    /// # Ⅱ 5. 提供・移転の有無［ ］移転を行っている（ ）件
    ///
    /// 「（ ）件」は移転先の数を印字する。
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-count-of" = "transferees"))]
    pub transferring: bool,
    /// # Ⅱ 5. 提供・移転の有無［ ］行っていない
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub none: bool,
    /// # Ⅱ 5. 提供先
    #[serde(default)]
    #[schemars(extend("x-pia-block" = "提供先{n}"))]
    pub recipients: Vec<Recipient>,
    /// # Ⅱ 5. 移転先
    #[serde(default)]
    #[schemars(extend("x-pia-block" = "移転先{n}"))]
    pub transferees: Vec<Transferee>,
}

/// # Ⅱ 5. 提供先
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// # Ⅱ 5. 提供先の名称
    ///
    /// 「提供先n」の欄に書く提供先の名称（例: 都道府県知事、市町村長）。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub name: Text,
    /// # Ⅱ 5. ①法令上の根拠
    #[schemars(extend("x-pia-tag" = "U"))]
    pub basis: Text,
    /// # Ⅱ 5. ②提供先における用途
    #[schemars(extend("x-pia-tag" = "U"))]
    pub purpose: Text,
    /// # Ⅱ 5. ③提供する情報
    #[schemars(extend("x-pia-tag" = "U"))]
    pub information: Text,
    /// # Ⅱ 5. ④提供する情報の対象となる本人の数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub persons: PersonsBand,
    /// # Ⅱ 5. ⑤提供する情報の対象となる本人の範囲
    #[schemars(extend("x-pia-tag" = "U"))]
    pub persons_scope: Text,
    /// # Ⅱ 5. ⑥提供方法
    pub methods: ProvisionMethods,
    /// # Ⅱ 5. ⑦時期・頻度
    #[schemars(extend("x-pia-tag" = "U"))]
    pub timing: Text,
}

/// # Ⅱ 5. ⑥提供方法
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ProvisionMethods {
    /// # Ⅱ 5. ⑥［ ］情報提供ネットワークシステム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub network_system: bool,
    /// # Ⅱ 5. ⑥［ ］専用線
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub dedicated_line: bool,
    /// # Ⅱ 5. ⑥［ ］電子メール
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub email: bool,
    /// # Ⅱ 5. ⑥［ ］電子記録媒体（フラッシュメモリを除く。）
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub electronic_media: bool,
    /// # Ⅱ 5. ⑥［ ］フラッシュメモリ
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub flash_memory: bool,
    /// # Ⅱ 5. ⑥［ ］紙
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub paper: bool,
    /// # Ⅱ 5. ⑥［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub other: Option<Text>,
}

/// # Ⅱ 5. 移転先
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Transferee {
    /// # Ⅱ 5. 移転先の名称
    ///
    /// 「移転先n」の欄に書く移転先（評価実施機関内の部署）の名称。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub name: Text,
    /// # Ⅱ 5. ①法令上の根拠
    #[schemars(extend("x-pia-tag" = "U"))]
    pub basis: Text,
    /// # Ⅱ 5. ②移転先における用途
    #[schemars(extend("x-pia-tag" = "U"))]
    pub purpose: Text,
    /// # Ⅱ 5. ③移転する情報
    #[schemars(extend("x-pia-tag" = "U"))]
    pub information: Text,
    /// # Ⅱ 5. ④移転する情報の対象となる本人の数
    #[schemars(extend("x-pia-tag" = "U"))]
    pub persons: PersonsBand,
    /// # Ⅱ 5. ⑤移転する情報の対象となる本人の範囲
    #[schemars(extend("x-pia-tag" = "U"))]
    pub persons_scope: Text,
    /// # Ⅱ 5. ⑥移転方法
    pub methods: TransferMethods,
    /// # Ⅱ 5. ⑦時期・頻度
    #[schemars(extend("x-pia-tag" = "U"))]
    pub timing: Text,
}

/// # Ⅱ 5. ⑥移転方法
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct TransferMethods {
    /// # Ⅱ 5. ⑥［ ］庁内連携システム
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub internal_linkage: bool,
    /// # Ⅱ 5. ⑥［ ］専用線
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub dedicated_line: bool,
    /// # Ⅱ 5. ⑥［ ］電子メール
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub email: bool,
    /// # Ⅱ 5. ⑥［ ］電子記録媒体（フラッシュメモリを除く。）
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub electronic_media: bool,
    /// # Ⅱ 5. ⑥［ ］フラッシュメモリ
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub flash_memory: bool,
    /// # Ⅱ 5. ⑥［ ］紙
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U"))]
    pub paper: bool,
    /// # Ⅱ 5. ⑥［ ］その他（ ）
    ///
    /// 印を付ける場合に、括弧内に書く内容を記載する。
    #[schemars(extend("x-pia-tag" = "U"))]
    pub other: Option<Text>,
}

/// # Ⅱ 6. ②保管期間
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// # Ⅱ 6. ②期間
    #[schemars(extend("x-pia-tag" = "U"))]
    pub period: RetentionPeriod,
    /// # Ⅱ 6. ②その妥当性
    #[schemars(extend("x-pia-tag" = "U"))]
    pub validity: Text,
}

/// # Ⅲ 8. 人手を介在させる作業
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct ManualWork {
    /// # Ⅲ 8. ［ ］人手を介在させる作業はない
    #[serde(default)]
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub none: bool,
    /// # Ⅲ 8. 人為的ミスが発生するリスクへの対策は十分か
    ///
    /// 「人手を介在させる作業はない」に印を付けた場合は記載しない。
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub adequacy: Option<Adequacy>,
    /// # Ⅲ 8. 判断の根拠
    #[schemars(extend("x-pia-tag" = "U", "x-pia-important" = true))]
    pub basis: Option<Text>,
}
