//! The reviewer's checks: every rule of the 指針 and 記載要領 pia knows, listed in one table.
//!
//! Each rule has a kebab-case code, a severity, the form item it is about and a one-line
//! summary here; `docs/rules.md` explains each one; `tests/fixtures/rules/<code>/` holds a
//! passing and a failing example. Rules on [U] (unverified) points of the spec are warnings.

pub mod across;
mod blocks;
mod cover;
mod dates;
mod history;
mod juten;
mod procedure;
mod risk;
mod threshold;
mod withheld;
mod zenkomoku;

pub(crate) use cover::declaration_subject;
pub(crate) use procedure::hearing_days;

use crate::diagnostic::{Code, Diagnostic, Severity::*};
use crate::lang::Lang;
use crate::model::{Assessment, FormKind, JutenAssessment, KisoAssessment, ZenkomokuAssessment};
use crate::wareki::Date;
use crate::yaml::SourceMap;

/// One rule: its code (name, severity, item, summary) and the check that applies it.
pub struct Rule {
    pub code: Code,
    check: Check,
}

/// A rule's check, and so which forms it applies to.
enum Check {
    /// Every form: the rule reads only what every form has (cover, 変更箇所, dates, texts).
    EveryForm(fn(&CommonContext<'_>, &'static Code, &mut Vec<Diagnostic>)),
    /// 様式2 only.
    Kiso(fn(&RuleContext<'_>, &'static Code, &mut Vec<Diagnostic>)),
    /// 様式3 only.
    Juten(fn(&JutenContext<'_>, &'static Code, &mut Vec<Diagnostic>)),
    /// 様式4 only.
    Zenkomoku(fn(&ZenkomokuContext<'_>, &'static Code, &mut Vec<Diagnostic>)),
}

impl Rule {
    /// The one form the rule is for, when it is not a rule of every form.
    pub fn only_form(&self) -> Option<FormKind> {
        match self.check {
            Check::EveryForm(_) => None,
            Check::Kiso(_) => Some(FormKind::Kiso),
            Check::Juten(_) => Some(FormKind::Juten),
            Check::Zenkomoku(_) => Some(FormKind::Zenkomoku),
        }
    }

    /// True when the rule checks assessments on `kind`.
    pub fn applies_to(&self, kind: FormKind) -> bool {
        self.only_form().is_none_or(|only| only == kind)
    }
}

/// A rule of 様式2 (`rule!(…)`), of 様式3 (`rule!(juten: …)`), of 様式4 (`rule!(zenkomoku: …)`) or
/// of every form (`rule!(every form: …)`).
macro_rules! rule {
    (zenkomoku: $name:literal, $severity:expr, $item:literal, $ja:literal, $en:literal, $check:path) => {
        Rule {
            code: Code { name: $name, severity: $severity, item: Some($item), summary_ja: $ja, summary_en: $en },
            check: Check::Zenkomoku($check),
        }
    };
    (juten: $name:literal, $severity:expr, $item:literal, $ja:literal, $en:literal, $check:path) => {
        Rule {
            code: Code { name: $name, severity: $severity, item: Some($item), summary_ja: $ja, summary_en: $en },
            check: Check::Juten($check),
        }
    };
    (every form: $name:literal, $severity:expr, $item:literal, $ja:literal, $en:literal, $check:path) => {
        Rule {
            code: Code { name: $name, severity: $severity, item: Some($item), summary_ja: $ja, summary_en: $en },
            check: Check::EveryForm($check),
        }
    };
    ($name:literal, $severity:expr, $item:literal, $ja:literal, $en:literal, $check:path) => {
        Rule {
            code: Code { name: $name, severity: $severity, item: Some($item), summary_ja: $ja, summary_en: $en },
            check: Check::Kiso($check),
        }
    };
}

/// Every rule, in the order of the form.
pub static RULES: &[Rule] = &[
    rule!(
        every form: "form-revision-outdated",
        Warning,
        "様式の版",
        "令和6年10月1日以降の公表なのに、令和6年10月版より前の様式を使っている",
        "Published on or after 2024-10-01 on a form revision older than 令和6年10月",
        cover::form_revision_outdated
    ),
    rule!(
        every form: "title-affair-mismatch",
        Warning,
        "表紙 評価書名",
        "評価書名にⅠ1①事務の名称が含まれていない",
        "The title does not contain the affair's name (Ⅰ1①)",
        cover::title_affair_mismatch
    ),
    rule!(
        every form: "declaration-body-mismatch",
        Warning,
        "表紙 個人のプライバシー等の権利利益の保護の宣言",
        "宣言の主語が評価実施機関名と一致しない",
        "The declaration does not name the assessing body",
        cover::declaration_body_mismatch
    ),
    rule!(
        every form: "linkage-basis-missing",
        Warning,
        "Ⅰ 4. ②法令上の根拠",
        "Ⅰ4①が「実施する」なのにⅠ4②法令上の根拠がない",
        "Ⅰ4① says 実施する but Ⅰ4② (legal basis) is empty",
        cover::linkage_basis_missing
    ),
    rule!(
        every form: "personal-name-in-title",
        Warning,
        "Ⅰ 5. ②所属長の役職名",
        "所属長の役職名に個人名が書かれているおそれ（令和元年以降は役職名のみ）",
        "The head's title seems to contain a person's name (titles only since 令和元年)",
        cover::personal_name_in_title
    ),
    rule!(
        "rule-9-2-reason-missing",
        Warning,
        "Ⅰ 9. 適用した理由",
        "規則第9条第2項を「適用した」のに理由がない",
        "規則第9条第2項 is marked as applied but no reason is given",
        cover::rule_9_2_reason_missing
    ),
    rule!(
        "count-band-mismatch",
        Error,
        "Ⅱ しきい値判断項目",
        "Ⅱ1・Ⅱ2に書いた実数が、選んだ区分に入らない",
        "The head count written in Ⅱ1/Ⅱ2 is not in the band chosen",
        threshold::count_band_mismatch
    ),
    rule!(
        "count-date-after-publication",
        Error,
        "Ⅱ いつ時点の計数か",
        "Ⅱ1・Ⅱ2の「いつ時点の計数か」が公表日より後",
        "A count date in Ⅱ1/Ⅱ2 is after the publication date",
        threshold::count_date_after_publication
    ),
    rule!(
        "voluntary-assessment",
        Info,
        "Ⅱ 1. 対象人数",
        "対象人数1,000人未満: 評価の実施は義務付けられない（任意実施）",
        "Fewer than 1,000 subjects: the assessment is voluntary",
        threshold::voluntary_assessment
    ),
    rule!(
        "threshold-result-mismatch",
        Error,
        "Ⅲ しきい値判断結果",
        "Ⅲの文言がⅡ1〜Ⅱ3から定まる判断結果と違う",
        "Ⅲ is not the result Ⅱ1–Ⅱ3 require",
        threshold::threshold_result_mismatch
    ),
    rule!(
        "submitted-below-required",
        Error,
        "Ⅳ 1. 提出する特定個人情報保護評価書の種類",
        "提出する評価書の種類が、しきい値判断で義務付けられるものより低い",
        "The assessments submitted (Ⅳ1) are fewer than the threshold requires",
        threshold::submitted_below_required
    ),
    rule!(
        "submitted-above-required",
        Info,
        "Ⅳ 1. 提出する特定個人情報保護評価書の種類",
        "義務付けられるより上位の評価を任意に実施している（問題なし）",
        "A higher-level assessment than required is done voluntarily (allowed)",
        threshold::submitted_above_required
    ),
    rule!(
        "risk-answer-missing",
        Warning,
        "Ⅳ リスク対策",
        "「…しない／ない」に印がないのに、リスク対策の回答がない",
        "A risk question is unanswered although its 'not applicable' box is not checked",
        risk::risk_answer_missing
    ),
    rule!(
        "not-applicable-but-answered",
        Warning,
        "Ⅳ リスク対策",
        "「…しない／ない」に印があるのに、リスク対策の回答が書かれている",
        "A risk question is answered although its 'not applicable' box is checked",
        risk::not_applicable_but_answered
    ),
    rule!(
        "manual-work-basis-missing",
        Warning,
        "Ⅳ 8. 判断の根拠",
        "Ⅳ8に回答したのに判断の根拠がない",
        "Ⅳ8 is answered without its 判断の根拠",
        risk::manual_work_basis_missing
    ),
    rule!(
        "priority-checkbox-mismatch",
        Warning,
        "Ⅳ 11. ［ ］全項目評価又は重点項目評価を実施する",
        "Ⅳ11の「全項目評価又は重点項目評価を実施する」の印がⅣ1と合わない",
        "Ⅳ11's 'full or focused assessment' box does not match Ⅳ1",
        risk::priority_checkbox_mismatch
    ),
    rule!(
        "priority-answers-not-empty",
        Warning,
        "Ⅳ 11. 最も優先度が高いと考えられる対策",
        "Ⅳ1が2)又は3)なのに、Ⅳ11の対策・再掲・判断の根拠が書かれている",
        "Ⅳ1 is 2) or 3) but Ⅳ11's measure, restated answer or basis is filled in",
        risk::priority_answers_not_empty
    ),
    rule!(
        "priority-answers-missing",
        Warning,
        "Ⅳ 11. 最も優先度が高いと考えられる対策",
        "Ⅳ1が1)なのに、Ⅳ11の対策・再掲・判断の根拠のいずれかがない",
        "Ⅳ1 is 1) but Ⅳ11's measure, restated answer or basis is missing",
        risk::priority_answers_missing
    ),
    rule!(
        "priority-restated-mismatch",
        Warning,
        "Ⅳ 11. 当該対策は十分か【再掲】",
        "Ⅳ11の【再掲】が、選んだ対策についてⅣ2〜Ⅳ10で答えた内容と違う",
        "Ⅳ11's restated answer differs from the answer given to that measure in Ⅳ2–Ⅳ10",
        risk::priority_restated_mismatch
    ),
    rule!(
        juten: "juten-outsourcing-mismatch",
        Error,
        "Ⅲ 4. ［ ］委託しない",
        "Ⅲ4「委託しない」の印、Ⅱ4 委託の有無、委託事項の有無が食い違う（ファイルごと）",
        "Ⅲ4's 「委託しない」, Ⅱ4's 委託の有無 and the 委託事項 written disagree (per file)",
        juten::outsourcing_mismatch
    ),
    rule!(
        juten: "juten-provision-mismatch",
        Error,
        "Ⅲ 5. ［ ］提供・移転しない",
        "Ⅲ5「提供・移転しない」の印、Ⅱ5 提供・移転の有無、提供先・移転先の有無が食い違う（ファイルごと）",
        "Ⅲ5's 「提供・移転しない」, Ⅱ5's boxes and the 提供先/移転先 written disagree (per file)",
        juten::provision_mismatch
    ),
    rule!(
        juten: "juten-network-mismatch",
        Error,
        "Ⅲ 6. ［ ］接続しない",
        "Ⅲ6「接続しない（入手）」「接続しない（提供）」の印がⅠ5 情報連携の実施の有無と合わない",
        "Ⅲ6's 「接続しない」 boxes do not match Ⅰ5 (information linkage)",
        juten::network_mismatch
    ),
    rule!(
        juten: "juten-risk-answer-missing",
        Warning,
        "Ⅲ リスク対策",
        "Ⅲ4〜Ⅲ6・Ⅲ8の「…しない／ない」に印がないのに、その回答・措置・根拠がない",
        "A box of Ⅲ4–Ⅲ6/Ⅲ8 is not checked but its answer, measures or basis is missing",
        juten::risk_answer_missing
    ),
    rule!(
        juten: "juten-not-applicable-but-answered",
        Warning,
        "Ⅲ リスク対策",
        "Ⅲ4〜Ⅲ6・Ⅲ8の「…しない／ない」に印があるのに、その回答・措置・根拠が書かれている",
        "A box of Ⅲ4–Ⅲ6/Ⅲ8 is checked but its answer, measures or basis is written",
        juten::not_applicable_but_answered
    ),
    rule!(
        juten: "juten-resubcontract-details-missing",
        Warning,
        "Ⅱ 4. 再委託",
        "④再委託の有無が「再委託する」なのに、⑤再委託の許諾方法又は⑥再委託事項がない",
        "④ says 再委託する but ⑤ (how it is permitted) or ⑥ (what is subcontracted) is missing",
        juten::resubcontract_details_missing
    ),
    rule!(
        juten: "juten-incident-details-missing",
        Warning,
        "Ⅲ 7. ②過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
        "Ⅲ7②が「発生あり」なのに、その内容又は再発防止策の内容がない",
        "Ⅲ7② says 発生あり but its details or the prevention measures are missing",
        juten::incident_details_missing
    ),
    rule!(
        juten: "juten-threshold-result-mismatch",
        Error,
        "Ⅴ 1. ②しきい値判断結果",
        "Ⅴ1②しきい値判断結果がⅠ1③対象人数と合わない（又はその人数では重点項目評価書ではない）",
        "Ⅴ1② does not fit Ⅰ1③ (or that many subjects require a 全項目評価書, not a 重点項目評価書)",
        juten::threshold_result_mismatch
    ),
    rule!(
        zenkomoku: "zenkomoku-outsourcing-mismatch",
        Error,
        "Ⅲ 4. ［ ］委託しない",
        "Ⅲ4「委託しない」の印、Ⅱ4 委託の有無、委託事項の有無が食い違う（様式4、ファイルごと）",
        "Ⅲ4's 「委託しない」, Ⅱ4's 委託の有無 and the 委託事項 written disagree (様式4, per file)",
        zenkomoku::outsourcing_mismatch
    ),
    rule!(
        zenkomoku: "zenkomoku-resubcontract-mismatch",
        Warning,
        "Ⅲ 4. 再委託先による特定個人情報ファイルの適切な取扱いの確保",
        "Ⅲ4 再委託先による適切な取扱いの確保の「再委託していない」が、Ⅱ4 ⑦再委託の有無と合わない（様式4）",
        "Ⅲ4's 「再委託していない」 does not match Ⅱ4 ⑦ (再委託の有無) (様式4)",
        zenkomoku::resubcontract_mismatch
    ),
    rule!(
        zenkomoku: "zenkomoku-provision-mismatch",
        Error,
        "Ⅲ 5. ［ ］提供・移転しない",
        "Ⅲ5「提供・移転しない」の印、Ⅱ5 提供・移転の有無、提供先・移転先の有無が食い違う（様式4、ファイルごと）",
        "Ⅲ5's 「提供・移転しない」, Ⅱ5's boxes and the 提供先/移転先 written disagree (様式4, per file)",
        zenkomoku::provision_mismatch
    ),
    rule!(
        zenkomoku: "zenkomoku-network-mismatch",
        Error,
        "Ⅲ 6. ［ ］接続しない",
        "Ⅲ6「接続しない（入手）」「接続しない（提供）」の印がⅠ6 情報連携の実施の有無と合わない（様式4）",
        "Ⅲ6's 「接続しない」 boxes do not match Ⅰ6 (information linkage) (様式4)",
        zenkomoku::network_mismatch
    ),
    rule!(
        zenkomoku: "zenkomoku-risk-answer-missing",
        Warning,
        "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "Ⅲ4〜Ⅲ6・Ⅲ8の「…しない／ない」に印がないのに、そのリスク・措置・回答がない（様式4）",
        "A box of Ⅲ4–Ⅲ6/Ⅲ8 is not checked but its risks, measures or answers are missing (様式4)",
        zenkomoku::risk_answer_missing
    ),
    rule!(
        zenkomoku: "zenkomoku-not-applicable-but-answered",
        Warning,
        "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "Ⅲ4〜Ⅲ6・Ⅲ8の「…しない／ない」に印があるのに、そのリスク・措置・回答が書かれている（様式4）",
        "A box of Ⅲ4–Ⅲ6/Ⅲ8 is checked but its risks, measures or answers are written (様式4)",
        zenkomoku::not_applicable_but_answered
    ),
    rule!(
        zenkomoku: "zenkomoku-resubcontract-details-missing",
        Warning,
        "Ⅱ 4. 再委託",
        "⑦再委託の有無が「再委託する」なのに、⑧再委託の許諾方法又は⑨再委託事項がない（様式4）",
        "⑦ says 再委託する but ⑧ (how it is permitted) or ⑨ (what is subcontracted) is missing (様式4)",
        zenkomoku::resubcontract_details_missing
    ),
    rule!(
        zenkomoku: "zenkomoku-incident-details-missing",
        Warning,
        "Ⅲ 7. リスク1 ⑨過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
        "Ⅲ7リスク1⑨が「発生あり」なのに、その内容又は再発防止策の内容がない（様式4）",
        "Ⅲ7 リスク1⑨ says 発生あり but its details or the prevention measures are missing (様式4)",
        zenkomoku::incident_details_missing
    ),
    rule!(
        zenkomoku: "zenkomoku-threshold-result-mismatch",
        Error,
        "Ⅵ 1. ②しきい値判断結果",
        "Ⅵ1②しきい値判断結果がⅠ1③対象人数と合わない（様式4）",
        "Ⅵ1② does not fit Ⅰ1③ (the number of subjects) (様式4)",
        zenkomoku::threshold_result_mismatch
    ),
    rule!(
        zenkomoku: "zenkomoku-body-kind-mismatch",
        Warning,
        "評価実施機関の種別",
        "評価実施機関の種別が評価実施機関名（…市長・…知事、…大臣）と合わない（様式4）",
        "The kind of body does not fit the body's name (…市長, …知事 vs …大臣) (様式4)",
        procedure::body_kind_mismatch
    ),
    Rule { code: procedure::HEARING_MISSING, check: Check::Zenkomoku(procedure::hearing_missing) },
    rule!(
        zenkomoku: "zenkomoku-hearing-too-short",
        Error,
        "Ⅵ 2. ②実施日・期間",
        "Ⅵ2 意見の聴取が30日（初日と末日を含む）に満たないのに、③期間を短縮する特段の理由がない（様式4）",
        "The hearing (Ⅵ2②) is under 30 days, both ends counted, and Ⅵ2③ gives no reason (様式4)",
        procedure::hearing_too_short
    ),
    Rule {
        code: procedure::THIRD_PARTY_REVIEW_MISSING,
        check: Check::Zenkomoku(procedure::third_party_review_missing),
    },
    rule!(
        zenkomoku: "zenkomoku-third-party-review-before-hearing",
        Error,
        "Ⅵ 3. ①実施日",
        "Ⅵ3 第三者点検の実施日が、意見の聴取の終了日の翌日より前（様式4）",
        "The third-party review (Ⅵ3①) is dated on or before the hearing's last day (様式4)",
        procedure::third_party_review_before_hearing
    ),
    Rule { code: procedure::APPROVAL_MISSING, check: Check::Zenkomoku(procedure::approval_missing) },
    rule!(
        zenkomoku: "zenkomoku-approval-after-publication",
        Error,
        "表紙 個人情報保護委員会 承認日 【行政機関等のみ】",
        "表紙の承認日が公表日より後（様式4）",
        "The approval date on the cover is after the publication date (様式4)",
        procedure::approval_after_publication
    ),
    rule!(
        zenkomoku: "zenkomoku-published-before-procedure",
        Error,
        "表紙 公表日",
        "公表日が、Ⅵの基礎項目評価・意見の聴取の終了・第三者点検・委員会への提出の日より前（様式4）",
        "The publication date is before a date of Ⅵ (基礎項目評価, end of the hearing, review, submission) (様式4)",
        procedure::published_before_procedure
    ),
    rule!(
        every form: "history-after-publication",
        Error,
        "変更箇所 変更日",
        "変更箇所の変更日が公表日より後",
        "A change row is dated after the publication date",
        history::after_publication
    ),
    rule!(
        every form: "history-not-ordered",
        Warning,
        "変更箇所 変更日",
        "変更箇所が新しい順に並んでいない",
        "Change rows are not newest first",
        history::not_ordered
    ),
    rule!(
        every form: "history-row-undecided",
        Error,
        "変更箇所",
        "pia diff/amend が分類できなかった変更箇所の行（to_decide の印）が、まだ判断されていない",
        "A 変更箇所 row pia could not classify (marked to_decide) is still to be decided",
        history::undecided
    ),
    rule!(
        every form: "history-missing-reason",
        Warning,
        "変更箇所 提出時期に係る説明",
        "事後の変更に提出時期に係る説明がない",
        "A row submitted after the change (事後) has no explanation",
        history::missing_reason
    ),
    rule!(
        every form: "history-unknown-item",
        Warning,
        "変更箇所 項目",
        "変更箇所の項目が様式の項目を指していない",
        "A change row's item does not name an item of the form",
        history::unknown_item
    ),
    rule!(
        "count-date-history-mismatch",
        Warning,
        "Ⅱ いつ時点の計数か",
        "Ⅱ1・Ⅱ2の「いつ時点の計数か」が、変更箇所に最後に記録した変更後の記載と違う",
        "A count date in Ⅱ1/Ⅱ2 differs from the newest 変更後 recorded for that item",
        history::count_date_history_mismatch
    ),
    rule!(
        "possible-important-change",
        Warning,
        "変更箇所 提出時期",
        "重点・全項目評価の対象の事務で、重要な変更に当たりうる変更が事後とされている",
        "A change that may be a 重要な変更 is recorded as 事後 in an affair with a 重点/全項目 assessment",
        history::possible_important_change
    ),
    rule!(
        "threshold-rise",
        Error,
        "Ⅱ しきい値判断項目",
        "前の版からⅡが変わり、前の版で提出したより上位の評価が義務付けられた（再評価が必要）",
        "Ⅱ changed since the previous version so that a higher assessment than the one submitted is now required",
        threshold::threshold_rise
    ),
    Rule { code: withheld::WITHHELD_TEXT_REPEATED, check: Check::EveryForm(withheld::repeated) },
    rule!(
        every form: "annual-review-due",
        Info,
        "表紙 公表日",
        "公表日から1年を超えて経過: 少なくとも1年に1回の見直しの時期",
        "More than a year since publication: time for the yearly review",
        dates::annual_review_due
    ),
    rule!(
        every form: "reassessment-due",
        Warning,
        "直近の評価（実施又は再実施）",
        "直近の実施・再実施から5年を経過（規則第15条）",
        "More than 5 years since the last (re)assessment (規則第15条)",
        dates::reassessment_due
    ),
];

/// What a rule sees: the assessment, where its values are, and the day to judge elapsed time by.
pub struct RuleContext<'a> {
    pub assessment: &'a KisoAssessment,
    /// The previous version, for rules about what changed (`pia check --previous`, `pia diff`).
    pub previous: Option<&'a KisoAssessment>,
    pub map: &'a SourceMap,
    pub lang: Lang,
    pub today: Date,
}

impl RuleContext<'_> {
    /// A finding about the value at `pointer`, placed at its YAML line.
    pub fn at(&self, code: &'static Code, pointer: &str, ja: String, en: String) -> Diagnostic {
        finding(self.map, FormKind::Kiso, code, pointer, self.lang.pick(ja, en))
    }
}

/// What a rule of one form (様式3, 様式4) sees: the assessment, where its values are, and the day
/// to judge elapsed time by.
pub struct FormContext<'a, A> {
    pub assessment: &'a A,
    pub map: &'a SourceMap,
    pub lang: Lang,
    pub today: Date,
    /// The form, whose schema names the items.
    kind: FormKind,
}

impl<A> FormContext<'_, A> {
    /// A finding about the value at `pointer`, placed at its YAML line.
    pub fn at(&self, code: &'static Code, pointer: &str, ja: String, en: String) -> Diagnostic {
        finding(self.map, self.kind, code, pointer, self.lang.pick(ja, en))
    }
}

/// What a rule of 様式3 sees.
pub type JutenContext<'a> = FormContext<'a, JutenAssessment>;

/// What a rule of 様式4 sees.
pub type ZenkomokuContext<'a> = FormContext<'a, ZenkomokuAssessment>;

/// What a rule of every form sees: the assessment of whichever form, where its values are, and
/// the day to judge elapsed time by.
pub struct CommonContext<'a> {
    pub form: &'a Assessment,
    pub map: &'a SourceMap,
    pub lang: Lang,
    pub today: Date,
}

impl CommonContext<'_> {
    /// A finding about the value at `pointer`, placed at its YAML line.
    pub fn at(&self, code: &'static Code, pointer: &str, ja: String, en: String) -> Diagnostic {
        finding(self.map, self.form.kind(), code, pointer, self.lang.pick(ja, en))
    }
}

/// A finding about the value at `pointer`, named by the form's item and placed at its YAML line.
fn finding(map: &SourceMap, kind: FormKind, code: &'static Code, pointer: &str, message: String) -> Diagnostic {
    let path = map.get(pointer).map_or_else(|| pointer_to_dotted(pointer), |n| n.dotted.clone());
    Diagnostic::new(code, message)
        .path(path)
        .item(crate::schema::item_for_pointer(kind, pointer))
        .at(map.locate_value(pointer))
}

fn pointer_to_dotted(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        if seg.parse::<usize>().is_ok() {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

/// Runs every rule on a valid assessment; rules about change also need the previous version
/// (of the same form: a previous version on another form is not compared).
pub fn check(
    assessment: &Assessment,
    previous: Option<&Assessment>,
    map: &SourceMap,
    lang: Lang,
    today: Date,
) -> Vec<Diagnostic> {
    let common = CommonContext { form: assessment, map, lang, today };
    let kiso = match (assessment, previous) {
        (Assessment::Kiso(a), Some(Assessment::Kiso(p))) => {
            Some(RuleContext { assessment: a, previous: Some(p), map, lang, today })
        }
        (Assessment::Kiso(a), _) => Some(RuleContext { assessment: a, previous: None, map, lang, today }),
        (Assessment::Juten(_) | Assessment::Zenkomoku(_), _) => None,
    };
    let juten = match assessment {
        Assessment::Juten(a) => Some(FormContext { assessment: &**a, map, lang, today, kind: FormKind::Juten }),
        Assessment::Kiso(_) | Assessment::Zenkomoku(_) => None,
    };
    let zenkomoku = match assessment {
        Assessment::Zenkomoku(a) => Some(FormContext { assessment: &**a, map, lang, today, kind: FormKind::Zenkomoku }),
        Assessment::Kiso(_) | Assessment::Juten(_) => None,
    };
    let mut out = Vec::new();
    for rule in RULES {
        match &rule.check {
            Check::EveryForm(check) => check(&common, &rule.code, &mut out),
            Check::Kiso(check) => {
                if let Some(cx) = &kiso {
                    check(cx, &rule.code, &mut out);
                }
            }
            Check::Juten(check) => {
                if let Some(cx) = &juten {
                    check(cx, &rule.code, &mut out);
                }
            }
            Check::Zenkomoku(check) => {
                if let Some(cx) = &zenkomoku {
                    check(cx, &rule.code, &mut out);
                }
            }
        }
    }
    out
}

/// True for the codes of the rules `pia check --draft` does not apply: those of the steps a 素案
/// (the draft put to the public comment) comes before (Ⅵ 2., Ⅵ 3., the cover's 承認日).
pub fn draft_skips(code: &Code) -> bool {
    procedure::DRAFT_SKIPS.iter().any(|c| **c == *code)
}

/// True for the codes of the rules a 素案 (`pia render --draft`) may be rendered despite: every
/// rule's, except the one that keeps withheld text out of what is published (a 素案 is
/// published too, for the public comment).
pub fn draft_may_override(code: &Code) -> bool {
    RULES.iter().any(|r| r.code == *code) && *code != withheld::WITHHELD_TEXT_REPEATED
}

/// Only the rules about change between two versions (for `pia diff`); they read 様式2's items.
pub fn check_change(old: &Assessment, new: &Assessment, map: &SourceMap, lang: Lang) -> Vec<Diagnostic> {
    let (Assessment::Kiso(old), Assessment::Kiso(new)) = (old, new) else { return Vec::new() };
    let cx = RuleContext { assessment: new, previous: Some(old), map, lang, today: new.cover.published };
    let mut out = Vec::new();
    for rule in RULES.iter().filter(|r| CHANGE_RULES.contains(&r.code.name)) {
        if let Check::Kiso(check) = &rule.check {
            check(&cx, &rule.code, &mut out);
        }
    }
    out
}

/// The rules that compare two versions.
pub(crate) const CHANGE_RULES: &[&str] = &["threshold-rise"];

/// Every code pia can report: loading first, then the rules.
pub fn all_codes() -> impl Iterator<Item = &'static Code> {
    crate::diagnostic::codes::ALL
        .iter()
        .copied()
        .chain([crate::leak::INDIVIDUAL_NUMBER_IN_TEXT, crate::render::MISSING_GLYPH, crate::render::FONT_LACKS_GLYPH])
        .chain(crate::figures::CODES.iter().copied())
        .chain(across::CODES)
        .chain(RULES.iter().map(|r| &r.code))
}
