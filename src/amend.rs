//! Adding 変更箇所 rows to a YAML file by editing its text, so comments, key order and
//! formatting outside the inserted rows stay exactly as they were.

use crate::model::Text;
use crate::model::parts::HistoryRow;
use crate::source::Source;
use crate::wareki::Date;
use crate::yaml::SourceMap;

/// A YAML scalar for `value`, written plain when that reads back as the same string, as a
/// literal block (`|-`) for multi-line text, and double-quoted otherwise.
pub fn scalar(value: &str, indent: usize) -> String {
    if value.contains('\n') {
        let safe_block =
            value.lines().all(|l| !l.starts_with([' ', '\t'])) && !value.ends_with('\n') && !value.contains('\r');
        if safe_block {
            let pad = " ".repeat(indent + 2);
            let body: Vec<String> =
                value.lines().map(|l| if l.is_empty() { String::new() } else { format!("{pad}{l}") }).collect();
            return format!("|-\n{}", body.join("\n"));
        }
        return quoted(value);
    }
    if plain_is_safe(value) { value.to_owned() } else { quoted(value) }
}

fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_owned())
}

/// True when `value` written plain parses back as this very string.
fn plain_is_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else { return false };
    let reserved = matches!(
        value.to_ascii_lowercase().as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off" | ".nan" | ".inf" | "-.inf" | "+.inf"
    );
    let numeric = value.parse::<f64>().is_ok()
        || value.starts_with("0x")
        || value.starts_with("0o")
        || value.chars().all(|c| c.is_ascii_digit() || c == '_' || c == '-' || c == ':' || c == '.');
    !reserved
        && !numeric
        && !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !first.is_whitespace()
        && !value.ends_with(char::is_whitespace)
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.contains('\t')
}

/// A history row as a block-sequence item, the dash at column `indent`.
pub fn history_row(row: &HistoryRow, indent: usize, date_style: DateStyle) -> String {
    let pad = " ".repeat(indent + 2);
    let mut out = format!("{}- date: {}\n", " ".repeat(indent), date_style.format(row.date));
    let field = |out: &mut String, key: &str, value: &str| {
        out.push_str(&format!("{pad}{key}: {}\n", scalar(value, indent + 2)));
    };
    // A withheld cell keeps its reason, as every withheld text does: `{text, withheld}`.
    let text = |out: &mut String, key: &str, t: &Option<Text>| match t {
        Some(Text { text, withheld: Some(reason) }) => {
            out.push_str(&format!("{pad}{key}:\n"));
            out.push_str(&format!("{pad}  text: {}\n", scalar(text, indent + 4)));
            out.push_str(&format!("{pad}  withheld: {}\n", scalar(reason, indent + 4)));
        }
        Some(t) => field(out, key, t.as_str()),
        None => {}
    };
    field(&mut out, "item", &row.item);
    text(&mut out, "before", &row.before);
    text(&mut out, "after", &row.after);
    if let Some(t) = row.timing {
        field(&mut out, "timing", t.label());
    }
    text(&mut out, "reason", &row.reason);
    if let Some(marker) = &row.to_decide {
        field(&mut out, "to_decide", marker);
    }
    out
}

/// How a file writes dates: ISO or 和暦; new values follow the file's own style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    Iso,
    Wareki,
}

impl DateStyle {
    /// The style of a date as written (`令和…` → 和暦).
    pub fn of(written: &str) -> Self {
        if written.trim().trim_matches(['"', '\'']).starts_with(|c: char| c.is_ascii_digit()) {
            DateStyle::Iso
        } else {
            DateStyle::Wareki
        }
    }
    pub fn format(self, date: Date) -> String {
        match self {
            DateStyle::Iso => date.to_string(),
            DateStyle::Wareki => date.to_wareki(),
        }
    }
}

/// One replacement of a byte range.
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

/// The line ending a text uses: that of its first line (Windows editors and Excel write CRLF).
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The file's text with `rows` put at the top of `history` (newest first), the existing rows
/// `redated` (index, date) given their new 変更日 and, when given, the 公表日 set to `published`.
/// Everything else is left byte for byte; inserted lines end as the file's lines do.
pub fn amended_text(
    source: &Source,
    map: &SourceMap,
    rows: &[HistoryRow],
    redated: &[(usize, Date)],
    published: Option<Date>,
) -> String {
    let text = &source.text;
    let mut edits: Vec<Edit> = Vec::new();
    let style = map.get("/cover/published").map_or(DateStyle::Iso, |n| DateStyle::of(source.slice(n.value)));

    if let (Some(date), Some(node)) = (published, map.get("/cover/published")) {
        let v = node.value;
        edits.push(Edit { start: v.offset, end: v.offset + v.len, text: style.format(date) });
    }
    for (i, date) in redated {
        if let Some(node) = map.get(&format!("/history/{i}/date")) {
            let v = node.value;
            edits.push(Edit { start: v.offset, end: v.offset + v.len, text: style.format(*date) });
        }
    }

    if !rows.is_empty() {
        match (map.get("/history"), map.get("/history/0")) {
            // A block sequence: insert before the first item's line, with its indentation.
            (Some(_), Some(first)) => {
                let line_start = text[..first.value.offset].rfind('\n').map_or(0, |i| i + 1);
                let line = &text[line_start..];
                let indent = line.len() - line.trim_start_matches(' ').len();
                let block: String = rows.iter().map(|r| history_row(r, indent, style)).collect();
                edits.push(Edit { start: line_start, end: line_start, text: block });
            }
            // `history:` with an empty value (`[]`, null): replace the value.
            (Some(h), None) => {
                let key_end = h.key.map_or(h.value.offset, |k| k.offset + k.len);
                let after_colon = text[key_end..].find(':').map_or(key_end, |i| key_end + i + 1);
                let line_end = text[after_colon..].find('\n').map_or(text.len(), |i| after_colon + i);
                let block: String = rows.iter().map(|r| history_row(r, 2, style)).collect();
                edits.push(Edit {
                    start: after_colon,
                    end: line_end,
                    text: format!("\n{}", block.trim_end_matches('\n')),
                });
            }
            // No history yet: append it.
            (None, _) => {
                let sep = if text.is_empty() || text.ends_with('\n') { "" } else { "\n" };
                let block: String = rows.iter().map(|r| history_row(r, 2, style)).collect();
                edits.push(Edit { start: text.len(), end: text.len(), text: format!("{sep}history:\n{block}") });
            }
        }
    }

    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    let newline = line_ending(text);
    let mut out = text.clone();
    for e in edits {
        out.replace_range(e.start..e.end, &e.text.replace('\n', newline));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        for value in [
            "十分である",
            "Ⅱ 1",
            "令和６年４月１日時点",
            "a: b",
            "#x",
            "012",
            "1.10",
            "true",
            "- x",
            "行1\n行2",
            " lead",
            "－",
            "",
        ] {
            let yaml = format!("k: {}\n", scalar(value, 0));
            let parsed: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{value:?}: {e}"));
            assert_eq!(parsed["k"], serde_json::Value::String(value.to_owned()), "{yaml}");
        }
    }
}
