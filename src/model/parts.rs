//! The blocks every form has: the cover (表紙), the 変更箇所 rows and the last assessment.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::types::{AssessmentNumber, Text};
use super::vocab::{AssessmentKind, Timing};
use crate::wareki::Date;

/// # 直近の評価（実施又は再実施）
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct LastAssessment {
    /// # 直近の評価の種類
    pub kind: AssessmentKind,
    /// # 直近の評価の日
    ///
    /// 評価書を（再）実施して公表した日。
    pub date: Date,
}

/// # 表紙
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// # 表紙 評価書番号
    ///
    /// 特定個人情報保護評価計画管理書に記載した評価書番号と同じ番号。
    pub number: AssessmentNumber,
    /// # 表紙 評価書名
    ///
    /// 事務の内容が推測できる名称。事務を終了した場合は【○年○月○日 終了】を付す。
    pub title: Text,
    /// # 表紙 個人のプライバシー等の権利利益の保護の宣言
    ///
    /// 「○○は、○○に関する事務における特定個人情報ファイルの取扱いにあたり、…宣言する。」
    pub declaration: Text,
    /// # 表紙 特記事項
    ///
    /// 評価実施機関が特に国民・住民等に伝えたいリスク対策など。記載がなければ省略できる。
    pub special_notes: Option<Text>,
    /// # 表紙 評価実施機関名
    ///
    /// ○○市長、○○県知事、○○大臣のように、機関の長の名称で記載する。
    pub body: Text,
    /// # 表紙 公表日
    ///
    /// 評価書を公表した日（実施・再実施・修正のたび）。記載内容はこの日時点のもの（Ⅱ1・Ⅱ2を除く）。
    pub published: Date,
}

/// # 変更箇所 (1行)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct HistoryRow {
    /// # 変更箇所 変更日
    pub date: Date,
    /// # 変更箇所 項目
    ///
    /// 変更した項目を様式の番号で記載する（例: Ⅱ 1、Ⅰ 5 ②所属長の役職名）。
    pub item: String,
    /// # 変更箇所 変更前の記載
    ///
    /// 新たに設けた項目では空欄。
    pub before: Option<Text>,
    /// # 変更箇所 変更後の記載
    pub after: Option<Text>,
    /// # 変更箇所 提出時期
    ///
    /// 変更前に評価書を提出・公表したなら「事前」、変更後なら「事後」。
    pub timing: Option<Timing>,
    /// # 変更箇所 提出時期に係る説明
    ///
    /// 事後の場合、重要な変更に該当しない理由など。
    pub reason: Option<Text>,
    /// # 変更箇所 要判断（印刷しない）
    ///
    /// pia diff/amend が分類できなかった行に付ける印。重要な変更に当たるか、提出時期と説明を
    /// 担当者が判断して行を直したら、この項目を削除する（残っている間は pia check がエラーにする）。
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("x-pia-tag" = "pia"))]
    pub to_decide: Option<String>,
}

/// The two dates every assessment must be looked at again by: the yearly review from the 公表日
/// (指針: at least once a year) and the re-assessment 5 years after the last one (規則第15条).
/// The rules and `pia list` both read them here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub annual_review: Date,
    pub reassessment: Option<Date>,
}

impl Deadlines {
    pub fn of(cover: &Cover, last: Option<&LastAssessment>) -> Self {
        Self { annual_review: cover.published.add_years(1), reassessment: last.map(|l| l.date.add_years(5)) }
    }
}
