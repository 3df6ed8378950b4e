//! `pia diff OLD NEW`: the 変更箇所 rows that the change between two versions calls for.

use std::io::Write;

use serde_json::json;

use super::check::parse_date_arg;
use super::{Outcome, load_valid};
use crate::amend::{DateStyle, history_row};
use crate::cli::{DiffArgs, DiffFormat};
use crate::diagnostic::Severity;
use crate::diff::compare;
use crate::lang::Lang;
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
    let (Some(old_a), Some(new_a)) = (&old.assessment, &new.assessment) else { return Outcome::CannotRun };
    let date = match &args.date {
        Some(text) => match parse_date_arg("--date", text, lang, err) {
            Ok(d) => d,
            Err(o) => return o,
        },
        None => new_a.cover.published,
    };
    let comparison = compare(old_a, new_a, lang);
    let findings = crate::rules::check_change(old_a, new_a, &new.map, lang);
    let outcome = if findings.iter().any(|d| d.severity == Severity::Error) { Outcome::Findings } else { Outcome::Ok };

    let text = match args.format {
        DiffFormat::Json => {
            let rows: Vec<_> = comparison
                .rows
                .iter()
                .map(|r| {
                    json!({
                        "date": date.to_string(),
                        "item": r.item,
                        "before": r.before,
                        "after": r.after,
                        "timing": r.timing.label(),
                        "reason": r.reason,
                        "classified": r.classified,
                        "note": r.note,
                    })
                })
                .collect();
            let findings_json: serde_json::Value = serde_json::from_str(&output::json(
                &[FileReport { source: &new.source, diagnostics: &findings }],
                false,
            ))
            .unwrap_or_default();
            let doc = json!({
                "old": old.source.name,
                "new": new.source.name,
                "rows": rows,
                "diagnostics": findings_json.pointer("/files/0/diagnostics").cloned().unwrap_or_default(),
            });
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        DiffFormat::Yaml => {
            let mut t = String::new();
            for r in &comparison.rows {
                if !r.classified {
                    t.push_str(&format!("  # {}\n", r.note));
                }
                t.push_str(&history_row(&r.to_history_row(date), 2, DateStyle::Wareki));
            }
            t
        }
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
                let indent = |s: &str| s.replace('\n', "\n            ");
                t.push_str(&format!("\n{}. {}\n", i + 1, r.item));
                t.push_str(&format!("   {}: {}\n", lang.pick("変更日", "date"), date.to_wareki()));
                t.push_str(&format!(
                    "   {}: {}\n",
                    lang.pick("変更前の記載", "before"),
                    indent(r.before.as_deref().unwrap_or(none))
                ));
                t.push_str(&format!(
                    "   {}: {}\n",
                    lang.pick("変更後の記載", "after"),
                    indent(r.after.as_deref().unwrap_or(none))
                ));
                t.push_str(&format!("   {}: {}\n", lang.pick("提出時期（案）", "timing (proposed)"), r.timing));
                t.push_str(&format!(
                    "   {}: {}\n",
                    lang.pick("説明（案）", "explanation (proposed)"),
                    r.reason.as_deref().unwrap_or(none)
                ));
                t.push_str(&format!("   ※ {}\n", r.note));
            }
            if !findings.is_empty() {
                t.push('\n');
                t.push_str(&output::human(
                    &[FileReport { source: &new.source, diagnostics: &findings }],
                    lang,
                    Style::detect(),
                ));
            }
            t
        }
    };
    if out.write_all(text.as_bytes()).is_err() {
        return Outcome::CannotRun;
    }
    outcome
}
