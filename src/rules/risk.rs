//! Rules on Ⅳ リスク対策: "not applicable" boxes against answers, Ⅳ8's basis, and Ⅳ11.

use super::RuleContext;
use super::cover::blank;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::FormKind;
use crate::model::KisoAssessment;
use crate::model::kiso::{PriorityMeasure, SubmittedAssessments};
use crate::model::vocab::Adequacy;

/// Ⅳ8 and Ⅳ11 exist only from the 令和6年10月 form; older forms are left to `form-revision-outdated`.
fn has_new_items(a: &KisoAssessment) -> bool {
    FormKind::Kiso.has_item(a.revision, "/risk_measures/priority")
}

/// A risk question that a "…しない／ない" box makes not applicable.
struct Conditional {
    item: &'static str,
    checkbox: &'static str,
    checked: bool,
    pointer: &'static str,
    /// The risk question is answered.
    answered: bool,
    /// Anything of the item is written (the answer, or Ⅳ8's basis).
    written: bool,
}

/// The one list of Ⅳ's box-and-answer pairs (Ⅳ4, Ⅳ5, Ⅳ6 ×2, and Ⅳ8 on the current form).
fn conditionals(a: &KisoAssessment) -> Vec<Conditional> {
    let r = &a.risk_measures;
    let mut list = vec![
        Conditional {
            item: "Ⅳ4",
            checkbox: "委託しない",
            checked: r.outsourcing.not_outsourced,
            pointer: "/risk_measures/outsourcing/adequacy",
            answered: r.outsourcing.adequacy.is_some(),
            written: r.outsourcing.adequacy.is_some(),
        },
        Conditional {
            item: "Ⅳ5",
            checkbox: "提供・移転しない",
            checked: r.provision.not_provided,
            pointer: "/risk_measures/provision/adequacy",
            answered: r.provision.adequacy.is_some(),
            written: r.provision.adequacy.is_some(),
        },
        Conditional {
            item: "Ⅳ6",
            checkbox: "接続しない（入手）",
            checked: r.network.not_connected_acquisition,
            pointer: "/risk_measures/network/acquisition",
            answered: r.network.acquisition.is_some(),
            written: r.network.acquisition.is_some(),
        },
        Conditional {
            item: "Ⅳ6",
            checkbox: "接続しない（提供）",
            checked: r.network.not_connected_provision,
            pointer: "/risk_measures/network/provision",
            answered: r.network.provision.is_some(),
            written: r.network.provision.is_some(),
        },
    ];
    if has_new_items(a) {
        list.push(Conditional {
            item: "Ⅳ8",
            checkbox: "人手を介在させる作業はない",
            checked: r.manual_work.none,
            pointer: "/risk_measures/manual_work/adequacy",
            answered: r.manual_work.adequacy.is_some(),
            written: r.manual_work.adequacy.is_some() || !blank(&r.manual_work.basis),
        });
    }
    list
}

pub fn risk_answer_missing(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for c in conditionals(cx.assessment).iter().filter(|c| !c.checked && !c.answered) {
        out.push(cx.at(
            code,
            c.pointer,
            format!("{}の「{}」に印がないため、リスクへの対策は十分かを回答します。", c.item, c.checkbox),
            format!("{}: 「{}」 is not checked, so the risk question must be answered.", c.item, c.checkbox),
        ));
    }
}

pub fn not_applicable_but_answered(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for c in conditionals(cx.assessment).iter().filter(|c| c.checked && c.written) {
        out.push(cx.at(
            code,
            c.pointer,
            format!("{}の「{}」に印があるため、リスクへの対策の回答は記載しません。", c.item, c.checkbox),
            format!("{}: 「{}」 is checked, so the risk question is left blank.", c.item, c.checkbox),
        ));
    }
}

pub fn manual_work_basis_missing(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let m = &cx.assessment.risk_measures.manual_work;
    if has_new_items(cx.assessment) && !m.none && m.adequacy.is_some() && blank(&m.basis) {
        out.push(cx.at(
            code,
            "/risk_measures/manual_work/basis",
            "Ⅳ8で人為的ミスのリスクへの対策を回答した場合は、判断の根拠を記載します。".into(),
            "Ⅳ8 is answered, so its 判断の根拠 must be given.".into(),
        ));
    }
}

fn does_focused_or_full(a: &KisoAssessment) -> bool {
    a.risk_measures.submitted != SubmittedAssessments::Kiso
}

pub fn priority_checkbox_mismatch(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    if !has_new_items(cx.assessment) {
        return;
    }
    let a = cx.assessment;
    let checked = a.risk_measures.priority.full_or_focused_assessment;
    let pointer = "/risk_measures/priority/full_or_focused_assessment";
    if does_focused_or_full(a) && !checked {
        out.push(cx.at(
            code,
            pointer,
            format!(
                "Ⅳ1が「{}」のため、Ⅳ11は「全項目評価又は重点項目評価を実施する」に印を付けます。",
                a.risk_measures.submitted
            ),
            format!(
                "Ⅳ1 is 「{}」, so Ⅳ11's 「全項目評価又は重点項目評価を実施する」 is checked.",
                a.risk_measures.submitted
            ),
        ));
    } else if !does_focused_or_full(a) && checked {
        out.push(cx.at(
            code,
            pointer,
            "Ⅳ1が「基礎項目評価書」のみのため、「全項目評価又は重点項目評価を実施する」には印を付けず、最も優先度が高い対策を選びます。".into(),
            "Ⅳ1 submits the basic assessment only: leave the box unchecked and choose the priority measure.".into(),
        ));
    }
}

pub fn priority_answers_not_empty(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    if !has_new_items(cx.assessment) {
        return;
    }
    let a = cx.assessment;
    let p = &a.risk_measures.priority;
    if !does_focused_or_full(a) {
        return;
    }
    let filled = [
        ("/risk_measures/priority/measure", "最も優先度が高いと考えられる対策", p.measure.is_some()),
        ("/risk_measures/priority/adequacy", "当該対策は十分か【再掲】", p.adequacy.is_some()),
        ("/risk_measures/priority/basis", "判断の根拠", !blank(&p.basis)),
    ];
    for (pointer, label, _) in filled.iter().filter(|f| f.2) {
        out.push(cx.at(
            code,
            pointer,
            format!("Ⅳ1が「{}」のため、Ⅳ11の「{label}」は記載しません（リスク対策の詳細は重点項目評価書又は全項目評価書に記載）。", a.risk_measures.submitted),
            format!("Ⅳ1 is 「{}」: Ⅳ11's 「{label}」 stays blank (the details are in the 重点/全項目評価書).", a.risk_measures.submitted),
        ));
    }
}

pub fn priority_answers_missing(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    if !has_new_items(cx.assessment) {
        return;
    }
    let a = cx.assessment;
    let p = &a.risk_measures.priority;
    if does_focused_or_full(a) {
        return;
    }
    let missing = [
        ("/risk_measures/priority/measure", "最も優先度が高いと考えられる対策", p.measure.is_none()),
        ("/risk_measures/priority/adequacy", "当該対策は十分か【再掲】", p.adequacy.is_none()),
        ("/risk_measures/priority/basis", "判断の根拠", blank(&p.basis)),
    ];
    for (pointer, label, _) in missing.iter().filter(|m| m.2) {
        out.push(cx.at(
            code,
            pointer,
            format!("Ⅳ1が「基礎項目評価書」のため、Ⅳ11の「{label}」を記載します。"),
            format!("Ⅳ1 submits the basic assessment only: Ⅳ11's 「{label}」 is required."),
        ));
    }
}

/// The answer given in Ⅳ2–Ⅳ10 to a measure, with where it is; Ⅳ10's own wording is mapped
/// to the shared answers by position (特に力を入れて行っている ↔ 特に力を入れている, …).
fn answer_for(a: &KisoAssessment, measure: PriorityMeasure) -> (&'static str, Option<Adequacy>) {
    let r = &a.risk_measures;
    match measure {
        PriorityMeasure::Acquisition => ("Ⅳ2", Some(r.acquisition)),
        PriorityMeasure::Linkage => ("Ⅳ3", Some(r.usage.linkage)),
        PriorityMeasure::UnauthorizedUse => ("Ⅳ3", Some(r.usage.unauthorized_use)),
        PriorityMeasure::Outsourcing => ("Ⅳ4", r.outsourcing.adequacy),
        PriorityMeasure::Provision => ("Ⅳ5", r.provision.adequacy),
        PriorityMeasure::NetworkAcquisition => ("Ⅳ6", r.network.acquisition),
        PriorityMeasure::NetworkProvision => ("Ⅳ6", r.network.provision),
        PriorityMeasure::Storage => ("Ⅳ7", Some(r.storage)),
        PriorityMeasure::Training => ("Ⅳ10", Adequacy::ALL.get(r.training.number().saturating_sub(1)).copied()),
    }
}

pub fn priority_restated_mismatch(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    if !has_new_items(cx.assessment) {
        return;
    }
    let a = cx.assessment;
    let p = &a.risk_measures.priority;
    let (Some(measure), Some(restated)) = (p.measure, p.adequacy) else { return };
    let (item, given) = answer_for(a, measure);
    if given != Some(restated) {
        let given_text =
            given.map_or_else(|| cx.lang.pick("回答なし", "no answer").to_owned(), |g| g.label().to_owned());
        out.push(cx.at(
            code,
            "/risk_measures/priority/adequacy",
            format!("【再掲】は{item}で「{measure}」について答えた「{given_text}」と同じにします。記載は「{restated}」です。"),
            format!("The restated answer must repeat {item}'s answer for 「{measure}」 (「{given_text}」); it is 「{restated}」."),
        ));
    }
}
