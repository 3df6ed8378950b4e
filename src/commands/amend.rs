//! `pia amend FILE --from OLD`: record what changed since OLD in FILE's 変更箇所, in place.

use std::io::Write;

use super::check::parse_date_arg;
use super::{Outcome, load_valid, report_cannot_run};
use crate::amend::amended_text;
use crate::cli::AmendArgs;
use crate::diff::{compare, not_yet_recorded, recorded_as};
use crate::fsutil::atomic_write;
use crate::lang::Lang;
use crate::load::load_str;

pub fn run(args: &AmendArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let file_arg = args.file.display().to_string();
    let current = match load_valid(&file_arg, lang, out, err) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let old = match load_valid(&args.from, lang, out, err) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let (old_a, cur_a) = match super::versions(&old, &current, lang, err) {
        Ok(pair) => pair,
        Err(o) => return o,
    };
    let date = match &args.date {
        Some(text) => match parse_date_arg("--date", text, lang, err) {
            Ok(d) => Some(d),
            Err(o) => return o,
        },
        None => None,
    };
    let published = cur_a.cover().published;
    let comparison = match compare(old_a, cur_a, lang) {
        Ok(c) => c,
        Err(e) => {
            report_cannot_run(err, lang, &e);
            return Outcome::CannotRun;
        }
    };
    let history = cur_a.history();
    let pending = not_yet_recorded(comparison.kind, &comparison.rows, history);

    // The rows' 変更日 is the new version's 公表日: `--date`, or a 公表日 already changed since
    // OLD. Without either, the rows would silently get the old 公表日.
    let row_date = match date {
        Some(d) => d,
        None if published != old_a.cover().published => published,
        None if pending.is_empty() => published,
        None => {
            report_cannot_run(
                err,
                lang,
                &lang.pick(
                    format!(
                        "公表日が {} のまま（{} と同じ）です。新しい公表日を --date YYYY-MM-DD で指定してください（変更箇所の変更日にもなります）",
                        published.to_wareki(),
                        args.from
                    ),
                    format!(
                        "公表日 is still {published}, as in {}: give the new 公表日 with --date YYYY-MM-DD (it also dates the new rows)",
                        args.from
                    ),
                ),
            );
            return Outcome::CannotRun;
        }
    };
    let new_rows: Vec<_> = pending.iter().map(|r| r.to_history_row(row_date)).collect();
    // Rows an earlier `amend` added, dated with the 公表日 it set: re-dated with a new `--date`.
    let redated: Vec<(usize, crate::wareki::Date)> = comparison
        .rows
        .iter()
        .filter_map(|r| recorded_as(comparison.kind, r, history))
        .filter(|i| history.get(*i).is_some_and(|h| h.date == published && h.date != row_date))
        .map(|i| (i, row_date))
        .collect();
    let set_date = date.filter(|d| *d != published);

    if new_rows.is_empty() && set_date.is_none() && redated.is_empty() {
        let _ = writeln!(out, "{}", lang.pick("変更はありません（記録済み）。", "Nothing to add: already recorded."));
        return Outcome::Ok;
    }
    let text = amended_text(&current.source, &current.map, &new_rows, &redated, set_date);
    // Never write what does not load back as a valid assessment.
    let check = load_str(&current.source.name, &text, lang);
    if check.assessment.is_none() {
        report_cannot_run(
            err,
            lang,
            &lang.pick(
                "内部エラー: 修正後のファイルが正しく読めないため、書き込みませんでした",
                "internal error: the amended file would not load; nothing was written",
            ),
        );
        return Outcome::CannotRun;
    }
    // The file keeps its byte order mark (Excel and メモ帳 write one) as well as its line endings.
    let bytes = if current.source.bom { format!("\u{FEFF}{text}") } else { text };
    if let Err(e) = atomic_write(&args.file, bytes.as_bytes()) {
        report_cannot_run(err, lang, &format!("{}: {e}", args.file.display()));
        return Outcome::CannotRun;
    }
    let _ = out.write_all(summary(&new_rows, &redated, set_date, lang).as_bytes());
    Outcome::Ok
}

/// What `amend` did, and which rows a person must still decide.
fn summary(
    new_rows: &[crate::model::parts::HistoryRow],
    redated: &[(usize, crate::wareki::Date)],
    set_date: Option<crate::wareki::Date>,
    lang: Lang,
) -> String {
    let mut msg = String::new();
    if let Some(d) = set_date {
        msg.push_str(&lang.pick(format!("公表日を{}にしました。\n", d.to_wareki()), format!("Set 公表日 to {d}.\n")));
    }
    if !redated.is_empty() {
        msg.push_str(&lang.pick(
            format!("記録済みの{}行の変更日を改めました。\n", redated.len()),
            format!("Re-dated {} row(s) recorded earlier.\n", redated.len()),
        ));
    }
    msg.push_str(&lang.pick(
        format!("変更箇所に{}行を追加しました:\n", new_rows.len()),
        format!("Added {} row(s) to 変更箇所:\n", new_rows.len()),
    ));
    for r in new_rows {
        let timing = r.timing.map_or("", |t| t.label());
        let mark = if r.to_decide.is_some() { lang.pick("  ← 要判断", "  ← to decide") } else { "" };
        msg.push_str(&format!("  {}  {}  {}{mark}\n", r.date.to_wareki(), crate::leak::mask(&r.item), timing));
    }
    let undecided = new_rows.iter().filter(|r| r.to_decide.is_some()).count();
    if undecided > 0 {
        msg.push_str(&lang.pick(
            format!(
                "{undecided}行は pia が分類できませんでした（to_decide の印）。重要な変更に当たるか、提出時期と説明を判断して行を直し、to_decide を削除してください。それまで pia check はエラー（history-row-undecided）を報告します。\n"
            ),
            format!(
                "{undecided} row(s) could not be classified (marked to_decide): decide whether each is a 重要な変更, fix its timing and explanation, then delete to_decide. Until then pia check reports history-row-undecided.\n"
            ),
        ));
    }
    msg
}
