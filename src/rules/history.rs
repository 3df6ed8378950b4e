//! Rules on the 変更箇所 table.

use super::cover::blank;
use super::{CommonContext, RuleContext};
use crate::diagnostic::{Code, Diagnostic};
use crate::history::{ItemRef, Section, may_be_important, parse_count_date};
use crate::model::FormKind;
use crate::model::kiso::SubmittedAssessments;
use crate::model::parts::HistoryRow;
use crate::model::vocab::Timing;
use crate::wareki::Date;

pub fn after_publication(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let published = cx.form.cover().published;
    for (i, row) in cx.form.history().iter().enumerate().filter(|(_, r)| r.date > published) {
        out.push(cx.at(
            code,
            &format!("/history/{i}/date"),
            format!(
                "変更日（{}）が公表日（{}）より後です。変更を記録した評価書は、その変更日以後に公表します。",
                row.date.to_wareki(),
                published.to_wareki()
            ),
            format!("The change date ({}) is after the publication date ({published}).", row.date),
        ));
    }
}

/// The rows out of place in a newest-first table: those outside the longest run of rows that is
/// already in order (so one row moved to the wrong place is the one named, not its neighbour).
fn out_of_order(dates: &[Date]) -> Vec<usize> {
    // Longest non-increasing subsequence, found as the longest non-decreasing one read from the
    // end (so of two equally long runs the one keeping the earlier rows wins), in O(n log n).
    let reversed: Vec<(usize, Date)> = dates.iter().copied().enumerate().rev().collect();
    let mut tails: Vec<usize> = Vec::new(); // positions in `reversed` ending a run of each length
    let mut previous: Vec<Option<usize>> = vec![None; reversed.len()];
    for (k, (_, date)) in reversed.iter().enumerate() {
        let len = tails.partition_point(|t| reversed.get(*t).is_some_and(|(_, d)| d <= date));
        if let Some(p) = previous.get_mut(k) {
            *p = len.checked_sub(1).and_then(|l| tails.get(l).copied());
        }
        match tails.get_mut(len) {
            Some(slot) => *slot = k,
            None => tails.push(k),
        }
    }
    let mut in_order = vec![false; dates.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        if let Some(ok) = reversed.get(k).and_then(|(row, _)| in_order.get_mut(*row)) {
            *ok = true;
        }
        at = previous.get(k).copied().flatten();
    }
    in_order.iter().enumerate().filter(|(_, ok)| !**ok).map(|(i, _)| i).collect()
}

pub fn not_ordered(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let rows = cx.form.history();
    let dates: Vec<Date> = rows.iter().map(|r| r.date).collect();
    for i in out_of_order(&dates) {
        let Some(row) = rows.get(i) else { continue };
        out.push(
            cx.at(
                code,
                &format!("/history/{i}/date"),
                format!("{}行目（{}）が、日付の新しい順の位置にありません。", i + 1, row.date.to_wareki()),
                format!("Row {} ({}) is out of place: rows are listed newest first.", i + 1, row.date),
            )
            .help(cx.lang.pick(
                "変更箇所は新しい順に並べます。この行を日付に合う位置へ移してください。",
                "move this row to where its date belongs (newest first).",
            )),
        );
    }
}

pub fn undecided(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, row) in cx.form.history().iter().enumerate().filter(|(_, r)| r.to_decide.is_some()) {
        out.push(
            cx.at(
                code,
                &format!("/history/{i}/to_decide"),
                format!(
                    "「{}」の行は pia が分類できなかった変更です。重要な変更に当たるか、提出時期と説明がまだ判断されていません。",
                    crate::leak::mask(&row.item)
                ),
                format!(
                    "The row for 「{}」 is a change pia could not classify; whether it is a 重要な変更, its timing and explanation are still to be decided.",
                    crate::leak::mask(&row.item)
                ),
            )
            .help(cx.lang.pick(
                "提出時期（事前／事後）と説明を確かめて直し、to_decide の行を削除してください。",
                "check and fix the timing (事前/事後) and the explanation, then delete the to_decide line.",
            )),
        );
    }
}

pub fn missing_reason(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, _) in
        cx.form.history().iter().enumerate().filter(|(_, r)| r.timing == Some(Timing::After) && blank(&r.reason))
    {
        out.push(cx.at(
            code,
            &format!("/history/{i}/reason"),
            "提出時期が「事後」の変更には、事後でよい理由（例: 集計時点の変更のため、重要な変更に該当しない。）を記載します。".into(),
            "A 事後 row needs an explanation of why after-the-fact submission is acceptable.".into(),
        ));
    }
}

pub fn unknown_item(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let kind = cx.form.kind();
    for (i, row) in cx.form.history().iter().enumerate().filter(|(_, r)| ItemRef::parse(kind, &r.item).is_none()) {
        out.push(
            cx.at(
                code,
                &format!("/history/{i}/item"),
                format!("項目「{}」は様式の項目を指していません。", row.item),
                format!("「{}」 does not name an item of the form.", row.item),
            )
            .help(match kind {
                FormKind::Kiso => cx.lang.pick(
                    "様式の番号で書きます（例: Ⅱ 1、Ⅰ 5 ②所属長の役職名、Ⅳ リスク対策）。",
                    "use the form's numbering, e.g. Ⅱ 1, Ⅰ 5 ②所属長の役職名, Ⅳ リスク対策.",
                ),
                FormKind::Juten | FormKind::Zenkomoku => cx.lang.pick(
                    "様式の番号で書きます（例: Ⅰ 6. ①部署、Ⅱ 4. 委託事項1 ③委託先名（ファイル1）、Ⅲ リスク対策、(別添1) 特定個人情報ファイル記録項目）。",
                    "use the form's numbering, e.g. Ⅰ 6. ①部署, Ⅱ 4. 委託事項1 ③委託先名（ファイル1）, Ⅲ リスク対策, (別添1) 特定個人情報ファイル記録項目.",
                ),
            }),
        );
    }
}

/// The newest row about an item (rows are meant to be newest first; ties keep the first).
fn newest_row<'a>(rows: &'a [HistoryRow], item: &ItemRef) -> Option<&'a HistoryRow> {
    rows.iter().filter(|r| ItemRef::parse(item.kind, &r.item).is_some_and(|i| i.same_item(item))).fold(
        None,
        |best: Option<&HistoryRow>, r| match best {
            Some(b) if b.date >= r.date => Some(b),
            _ => Some(r),
        },
    )
}

pub fn count_date_history_mismatch(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    for (number, pointer, as_of) in [
        (1, "/threshold_items/subjects/as_of", a.threshold_items.subjects.as_of),
        (2, "/threshold_items/handlers/as_of", a.threshold_items.handlers.as_of),
    ] {
        let item = ItemRef::new(FormKind::Kiso, Section::II, Some(number));
        let Some(row) = newest_row(&a.history, &item) else { continue };
        let Some(recorded) = row.after.as_ref().and_then(|t| parse_count_date(t.as_str())) else { continue };
        if recorded != as_of {
            out.push(cx.at(
                code,
                pointer,
                format!(
                    "Ⅱ{number}のいつ時点の計数か（{}）が、変更箇所に最後に記録した変更後の記載（{}、変更日 {}）と違います。",
                    as_of.to_wareki(),
                    recorded.to_wareki(),
                    row.date.to_wareki()
                ),
                format!("The Ⅱ{number} count date ({as_of}) differs from the newest change recorded for it ({recorded}, on {}).", row.date),
            ));
        }
    }
}

/// Explanations that already say why a 事後 submission was acceptable.
const NOT_IMPORTANT_EXPLANATIONS: &[&str] = &["重要な変更に該当しない", "新様式への変更", "法令改正に伴う"];

pub fn possible_important_change(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    if a.risk_measures.submitted == SubmittedAssessments::Kiso {
        return;
    }
    for (i, row) in a.history.iter().enumerate() {
        let explained =
            row.reason.as_ref().is_some_and(|r| NOT_IMPORTANT_EXPLANATIONS.iter().any(|e| r.as_str().contains(e)));
        let important_kind = ItemRef::parse(FormKind::Kiso, &row.item).is_some_and(|i| may_be_important(&i));
        if row.timing == Some(Timing::After) && important_kind && !explained {
            out.push(
                cx.at(
                    code,
                    &format!("/history/{i}/timing"),
                    format!(
                        "「{}」の変更は、重点項目評価書・全項目評価書では重要な変更に当たることがあります。重要な変更なら変更前に再評価（事前）が必要です。",
                        row.item
                    ),
                    format!("A change to 「{}」 can be a 重要な変更 for a 重点/全項目 assessment, which must be re-assessed before the change (事前).", row.item),
                )
                .help(cx.lang.pick(
                    "重要な変更に当たらないなら、提出時期に係る説明にその理由を書いてください（例: …のため、重要な変更に該当しない。）。",
                    "if it is not a 重要な変更, say why in the explanation (…のため、重要な変更に該当しない。).",
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(years: &[i32]) -> Vec<Date> {
        years.iter().filter_map(|y| Date::from_ymd(*y, 4, 1)).collect()
    }

    #[test]
    fn names_the_row_that_was_moved() {
        assert_eq!(out_of_order(&dates(&[2025, 2024, 2023])), Vec::<usize>::new());
        assert_eq!(out_of_order(&dates(&[2025, 2025, 2024])), Vec::<usize>::new());
        // The newest row put at the bottom.
        assert_eq!(out_of_order(&dates(&[2024, 2023, 2022, 2025])), vec![3]);
        // An old row put at the top.
        assert_eq!(out_of_order(&dates(&[2020, 2025, 2024, 2023])), vec![0]);
        // One row in the middle.
        assert_eq!(out_of_order(&dates(&[2025, 2024, 2019, 2023, 2022])), vec![2]);
        // Two rows: the later one is taken as moved.
        assert_eq!(out_of_order(&dates(&[2024, 2025])), vec![1]);
        assert_eq!(out_of_order(&[]), Vec::<usize>::new());
    }
}
