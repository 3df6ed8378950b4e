//! `pia history FILE`: the 変更箇所 table as the form prints it; `--git` adds who added each row.

use std::io::Write;

use unicode_width::UnicodeWidthChar;

use super::{Outcome, load_valid, report_cannot_run};
use crate::cli::HistoryArgs;
use crate::lang::Lang;
use crate::model::Text;

/// Column headings and widths (in terminal cells), as on the form.
const COLUMNS: [(&str, usize); 6] = [
    ("変更日", 16),
    ("項目", 16),
    ("変更前の記載", 28),
    ("変更後の記載", 28),
    ("提出時期", 8),
    ("提出時期に係る説明", 28),
];

/// Breaks text into lines of at most `width` cells (CJK characters take two).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

fn rule_line(left: char, mid: char, right: char) -> String {
    let mut s = String::from(left);
    for (i, (_, w)) in COLUMNS.iter().enumerate() {
        s.push_str(&"─".repeat(w + 2));
        s.push(if i + 1 == COLUMNS.len() { right } else { mid });
    }
    s
}

fn table_row(cells: &[String; 6]) -> String {
    let wrapped: Vec<Vec<String>> = cells.iter().zip(COLUMNS).map(|(c, (_, w))| wrap(c, w)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut out = String::new();
    for i in 0..height {
        out.push('│');
        for (lines, (_, w)) in wrapped.iter().zip(COLUMNS) {
            out.push_str(&format!(" {} │", pad(lines.get(i).map_or("", String::as_str), w)));
        }
        out.push('\n');
    }
    out
}

pub fn run(args: &HistoryArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let loaded = match load_valid(&args.file.display().to_string(), lang, out, err) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let Some(a) = &loaded.assessment else { return Outcome::CannotRun };
    let (cover, history) = (a.cover(), a.history());
    let blame = if args.git {
        match crate::gitsrc::blame(&args.file) {
            Ok(b) => Some(b),
            Err(e) => {
                report_cannot_run(err, lang, &e);
                return Outcome::CannotRun;
            }
        }
    } else {
        None
    };
    let text = |t: &Option<Text>| t.as_ref().map_or_else(String::new, |t| t.shown(args.full));
    let mut s = format!("変更箇所（{}）\n", cover.title.shown(args.full));
    s.push_str(&rule_line('┌', '┬', '┐'));
    s.push('\n');
    s.push_str(&table_row(&COLUMNS.map(|(h, _)| h.to_owned())));
    for (i, row) in history.iter().enumerate() {
        s.push_str(&rule_line('├', '┼', '┤'));
        s.push('\n');
        s.push_str(&table_row(&[
            row.date.to_wareki(),
            crate::leak::mask(&row.item),
            text(&row.before),
            text(&row.after),
            row.timing.map_or_else(String::new, |t| t.label().to_owned()),
            text(&row.reason),
        ]));
        if let Some(blame) = &blame {
            let line = loaded.map.get(&format!("/history/{i}")).map_or(0, |n| n.value.line);
            let commit = line.checked_sub(1).and_then(|l| blame.get(l)).map_or("", String::as_str);
            s.push_str(&format!(
                "│ {} │\n",
                pad(&format!("↳ {commit}"), COLUMNS.iter().map(|(_, w)| w + 3).sum::<usize>() - 3)
            ));
        }
    }
    s.push_str(&rule_line('└', '┴', '┘'));
    s.push('\n');
    s.push_str(&lang.pick(format!("{}行\n", history.len()), format!("{} row(s)\n", history.len())));
    match out.write_all(s.as_bytes()) {
        Ok(()) => Outcome::Ok,
        Err(_) => Outcome::CannotRun,
    }
}
