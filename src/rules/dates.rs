//! Reminders that depend on today's date: the yearly review and the 5-year re-assessment.

use super::CommonContext;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::parts::Deadlines;

fn deadlines(cx: &CommonContext<'_>) -> Deadlines {
    Deadlines::of(cx.form.cover(), cx.form.last_assessment())
}

pub fn annual_review_due(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let published = cx.form.cover().published;
    let due = deadlines(cx).annual_review;
    if cx.today > due {
        out.push(cx.at(
            code,
            "/cover/published",
            format!(
                "公表日（{}）から1年以上経過しています（{}時点）。少なくとも1年に1回は評価書を見直し、変更があれば修正するよう努めます。",
                published.to_wareki(),
                cx.today.to_wareki()
            ),
            format!("More than a year since publication ({published}, today {}); review the assessment at least yearly.", cx.today),
        ));
    }
}

pub fn reassessment_due(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let (Some(last), Some(due)) = (cx.form.last_assessment(), deadlines(cx).reassessment) else { return };
    if cx.today > due {
        out.push(cx.at(
            code,
            "/last_assessment/date",
            format!(
                "直近の{}（{}）から5年を経過しています（期限 {}）。規則第15条により、5年を経過する前に再評価を行うよう努めます。",
                last.kind,
                last.date.to_wareki(),
                due.to_wareki()
            ),
            format!("More than 5 years since the last {} ({}; due {due}): re-assess (規則第15条).", last.kind, last.date),
        ));
    }
}
