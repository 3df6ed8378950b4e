//! Rules on Ⅱ しきい値判断項目, Ⅲ しきい値判断結果 and Ⅳ1 (what must be, and is, submitted).

use super::RuleContext;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::kiso::HandlersBand;
use crate::model::vocab::SubjectsBand;

pub fn count_band_mismatch(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let t = &cx.assessment.threshold_items;
    if let Some(n) = t.subjects.count.map(|c| c.0) {
        let band = SubjectsBand::from_count(n);
        if band != t.subjects.band {
            out.push(cx.at(
                code,
                "/threshold_items/subjects/count",
                format!(
                    "対象人数の実数 {n}人 は「{band}」に当たりますが、Ⅱ1では「{}」が選ばれています。",
                    t.subjects.band
                ),
                format!("{n} subjects fall in 「{band}」 but Ⅱ1 says 「{}」.", t.subjects.band),
            ));
        }
    }
    if let Some(n) = t.handlers.count.map(|c| c.0) {
        let band = HandlersBand::from_count(n);
        if band != t.handlers.band {
            out.push(cx.at(
                code,
                "/threshold_items/handlers/count",
                format!(
                    "取扱者数の実数 {n}人 は「{band}」に当たりますが、Ⅱ2では「{}」が選ばれています。",
                    t.handlers.band
                ),
                format!("{n} handlers fall in 「{band}」 but Ⅱ2 says 「{}」.", t.handlers.band),
            ));
        }
    }
}

pub fn count_date_after_publication(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let published = a.cover.published;
    for (pointer, label, date) in [
        ("/threshold_items/subjects/as_of", "Ⅱ1", a.threshold_items.subjects.as_of),
        ("/threshold_items/handlers/as_of", "Ⅱ2", a.threshold_items.handlers.as_of),
    ] {
        if date > published {
            out.push(cx.at(
                code,
                pointer,
                format!(
                    "{label}の計数の時点（{}）が公表日（{}）より後です。計数は公表日までの時点で行います。",
                    date.to_wareki(),
                    published.to_wareki()
                ),
                format!("The {label} count date ({date}) is after the publication date ({published}); counts are taken on or before publication."),
            ));
        }
    }
}

pub fn voluntary_assessment(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    if cx.assessment.threshold_items.subjects.band == SubjectsBand::Under1k {
        out.push(cx.at(
            code,
            "/threshold_items/subjects/band",
            "対象人数が1,000人未満のため、特定個人情報保護評価の実施は義務付けられません。この評価書は任意に実施するものです。".into(),
            "Fewer than 1,000 subjects: no assessment is mandatory; this one is voluntary.".into(),
        ));
    }
}

pub fn threshold_result_mismatch(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let t = &a.threshold_items;
    let expected = t.required();
    if a.threshold_result != expected {
        out.push(
            cx.at(
                code,
                "/threshold_result",
                format!(
                    "Ⅱ1「{}」、Ⅱ2「{}」、Ⅱ3「{}」の場合、Ⅲは「{expected}」です（特定個人情報保護評価指針 第5の2）。記載は「{}」です。",
                    t.subjects.band, t.handlers.band, t.incident, a.threshold_result
                ),
                format!(
                    "With Ⅱ1 「{}」, Ⅱ2 「{}」 and Ⅱ3 「{}」, Ⅲ must read 「{expected}」 (指針 第5の2); it reads 「{}」.",
                    t.subjects.band, t.handlers.band, t.incident, a.threshold_result
                ),
            )
            .help(cx.lang.pick(
                format!("Ⅲを「{expected}」に直すか、Ⅱ1〜Ⅱ3を見直してください。"),
                format!("write 「{expected}」 in Ⅲ, or review Ⅱ1–Ⅱ3."),
            )),
        );
    }
}

pub fn submitted_below_required(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let t = &a.threshold_items;
    let expected = t.required();
    let submitted = a.risk_measures.submitted;
    if let Some(minimum) = expected.minimum_submission().filter(|m| submitted.level() < m.level()) {
        out.push(cx.at(
            code,
            "/risk_measures/submitted",
            format!(
                "しきい値判断の結果は「{expected}」ですが、Ⅳ1で提出する評価書は「{submitted}」です。少なくとも「{minimum}」を提出する必要があります。"
            ),
            format!("The threshold requires 「{expected}」 but Ⅳ1 submits 「{submitted}」; at least 「{minimum}」 is needed."),
        ));
    }
}

pub fn submitted_above_required(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let t = &a.threshold_items;
    let expected = t.required();
    let submitted = a.risk_measures.submitted;
    if submitted.level() > expected.level() && expected.level() > 0 {
        out.push(cx.at(
            code,
            "/risk_measures/submitted",
            format!("しきい値判断の結果（{expected}）より上位の「{submitted}」を任意に提出しています。これは認められています。"),
            format!("「{submitted}」 goes beyond what the threshold requires ({expected}); a voluntary higher-level assessment is allowed."),
        ));
    }
}

pub fn threshold_rise(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let Some(old) = cx.previous else { return };
    let now = &cx.assessment.threshold_items;
    let before = &old.threshold_items;
    let was = before.required();
    let is = now.required();
    let submitted = old.risk_measures.submitted;
    // A (re)assessment recorded after the previous version was published answers the duty.
    let reassessed = cx.assessment.last_assessment.as_ref().is_some_and(|l| l.date > old.cover.published);
    if is.level() > was.level() && is.level() > submitted.level() && !reassessed {
        out.push(
            cx.at(
                code,
                "/threshold_items",
                format!(
                    "前の版からしきい値判断の結果が「{was}」から「{is}」に上がりました。前の版で提出したのは「{submitted}」のため、しきい値判断の結果の変更に伴う評価の再実施が必要です。"
                ),
                format!("Since the previous version the threshold result rose from 「{was}」 to 「{is}」, above the 「{submitted}」 submitted: the assessment must be redone."),
            )
            .help(cx.lang.pick(
                "重点項目評価又は全項目評価を速やかに実施し、Ⅲ・Ⅳ1を更新して、実施日を last_assessment に記録してください。",
                "carry out the 重点/全項目 assessment promptly, update Ⅲ and Ⅳ1, and record its date in last_assessment.",
            )),
        );
    }
}
