//! `pia diff OLD NEW`: the 変更箇所 rows that the change between two versions calls for.

use std::io::Write;

use serde_json::json;

use super::check::parse_date_arg;
use super::{Outcome, load_valid};
use crate::amend::{DateStyle, history_row};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diagnostic::Severity;
use crate::diff::{ProposedRow, compare};
use crate::lang::Lang;
use crate::model::Text;
use crate::output::{self, FileReport, Style};

pub fn run(args: &DiffArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let old = match load_valid(&args.old, lang, out, err) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let new = match load_valid(&args.new, lang, out, err) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let (old_a, new_a) = match super::versions(&old, &new, lang, err) {
        Ok(pair) => pair,
        Err(o) => return o,
    };
    let date = match &args.date {
        Some(text) => match parse_date_arg("--date", text, lang, err) {
            Ok(d) => d,
            Err(o) => return o,
        },
        None => new_a.cover().published,
    };
    let comparison = match compare(old_a, new_a, lang) {
        Ok(c) => c,
        Err(e) => {
            super::report_cannot_run(err, lang, &e);
            return Outcome::CannotRun;
        }
    };
    // A 個人番号 in either version is a finding of its own (and is masked in every row below).
    let old_leaks = crate::leak::scan(&old.source, &old.map, old.kind, lang);
    let mut findings = crate::leak::scan(&new.source, &new.map, new.kind, lang);
    findings.extend(crate::rules::check_change(old_a, new_a, &new.map, lang));
    let outcome = if findings.iter().chain(&old_leaks).any(|d| d.severity == Severity::Error) {
        Outcome::Findings
    } else {
        Outcome::Ok
    };
    let cell = |c: &Option<Text>| c.as_ref().map(|t| t.shown(args.full));

    let text = match args.format {
        DiffFormat::Json => {
            let rows: Vec<_> = comparison
                .rows
                .iter()
                .map(|r| {
                    json!({
                        "date": date.to_string(),
                        "item": crate::leak::mask(&r.item),
                        "before": cell(&r.before),
                        "after": cell(&r.after),
                        "withheld": r.has_withheld(),
                        "timing": r.timing.label(),
                        "reason": r.reason,
                        "classified": r.classified,
                        "note": r.note,
                    })
                })
                .collect();
            let diagnostics = |source, diagnostics| output::json_file(&FileReport { source, diagnostics }).diagnostics;
            let doc = json!({
                "old": old.source.name,
                "new": new.source.name,
                "rows": rows,
                "diagnostics": diagnostics(&new.source, &findings),
                "old_diagnostics": diagnostics(&old.source, &old_leaks),
            });
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        DiffFormat::Yaml => yaml_rows(&comparison.rows, date, args.full, lang),
        DiffFormat::Human => {
            let mut t = lang.pick(
                format!("変更箇所の案（{} → {}）: {}行\n", old.source.name, new.source.name, comparison.rows.len()),
                format!(
                    "Proposed 変更箇所 rows ({} → {}): {}\n",
                    old.source.name,
                    new.source.name,
                    comparison.rows.len()
                ),
            );
            let none = "－";
            for (i, r) in comparison.rows.iter().enumerate() {
                let indent = |s: String| s.replace('\n', "\n            ");
                t.push_str(&format!("\n{}. {}\n", i + 1, crate::leak::mask(&r.item)));
                t.push_str(&format!("   {}: {}\n", lang.pick("変更日", "date"), date.to_wareki()));
                t.push_str(&format!(
                    "   {}: {}\n",
                    lang.pick("変更前の記載", "before"),
                    indent(cell(&r.before).unwrap_or_else(|| none.to_owned()))
                ));
                t.push_str(&format!(
                    "   {}: {}\n",
                    lang.pick("変更後の記載", "after"),
                    indent(cell(&r.after).unwrap_or_else(|| none.to_owned()))
                ));
                t.push_str(&format!("   {}: {}\n", lang.pick("提出時期（案）", "timing (proposed)"), r.timing));
                t.push_str(&format!(
                    "   {}: {}\n",
                    lang.pick("説明（案）", "explanation (proposed)"),
                    r.reason.as_deref().unwrap_or(none)
                ));
                t.push_str(&format!("   ※ {}\n", r.note));
            }
            for (source, diagnostics) in [(&old.source, &old_leaks), (&new.source, &findings)] {
                if !diagnostics.is_empty() {
                    t.push('\n');
                    t.push_str(&output::human(&[FileReport { source, diagnostics }], lang, Style::detect()));
                }
            }
            t
        }
    };
    if out.write_all(text.as_bytes()).is_err() {
        return Outcome::CannotRun;
    }
    outcome
}

/// The rows ready to paste under `history:`. A row with withheld cells is written only with
/// `--full` (pasting 「（非公表）」 would replace the text); without it, a comment says how.
fn yaml_rows(rows: &[ProposedRow], date: crate::wareki::Date, full: bool, lang: Lang) -> String {
    let mut t = String::new();
    for r in rows {
        if r.has_withheld() && !full {
            t.push_str(&format!(
                "  # {}: {}\n",
                crate::leak::mask(&r.item),
                lang.pick(
                    "非公表の記載を含む行です。pia amend で記録するか、--full で出力してください",
                    "this row holds withheld text: record it with pia amend, or print it with --full",
                )
            ));
            continue;
        }
        if !r.classified {
            t.push_str(&format!("  # {}\n", r.note));
        }
        t.push_str(&crate::leak::mask(&history_row(&r.to_history_row(date), 2, DateStyle::Wareki)));
    }
    t
}
