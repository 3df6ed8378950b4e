//! `pia amend FILE --from OLD`: record what changed since OLD in FILE's 変更箇所, in place.

use std::io::Write;

use super::check::parse_date_arg;
use super::{Outcome, load_valid, report_cannot_run};
use crate::amend::amended_text;
use crate::cli::AmendArgs;
use crate::diff::{compare, not_yet_recorded};
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
    let (Some(old_a), Some(cur_a)) = (&old.assessment, &current.assessment) else { return Outcome::CannotRun };
    let date = match &args.date {
        Some(text) => match parse_date_arg("--date", text, lang, err) {
            Ok(d) => Some(d),
            Err(o) => return o,
        },
        None => None,
    };
    let row_date = date.unwrap_or(cur_a.cover.published);
    let comparison = compare(old_a, cur_a, lang);
    let new_rows: Vec<_> =
        not_yet_recorded(&comparison.rows, &cur_a.history).into_iter().map(|r| r.to_history_row(row_date)).collect();
    let set_date = date.filter(|d| *d != cur_a.cover.published);

    if new_rows.is_empty() && set_date.is_none() {
        let _ = writeln!(out, "{}", lang.pick("変更はありません（記録済み）。", "Nothing to add: already recorded."));
        return Outcome::Ok;
    }
    let text = amended_text(&current.source, &current.map, &new_rows, set_date);
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
    if let Err(e) = atomic_write(&args.file, text.as_bytes()) {
        report_cannot_run(err, lang, &format!("{}: {e}", args.file.display()));
        return Outcome::CannotRun;
    }
    let mut msg = String::new();
    if let Some(d) = set_date {
        msg.push_str(&lang.pick(format!("公表日を{}にしました。\n", d.to_wareki()), format!("Set 公表日 to {d}.\n")));
    }
    msg.push_str(&lang.pick(
        format!("変更箇所に{}行を追加しました:\n", new_rows.len()),
        format!("Added {} row(s) to 変更箇所:\n", new_rows.len()),
    ));
    for r in &new_rows {
        let timing = r.timing.map_or("", |t| t.label());
        msg.push_str(&format!("  {}  {}  {}\n", r.date.to_wareki(), r.item, timing));
    }
    let _ = out.write_all(msg.as_bytes());
    Outcome::Ok
}
