//! Withheld (非公表) text that the file repeats where the public version prints it.

use serde_json::Value;

use super::CommonContext;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::diff::segments;

/// Its code lives here, not in the rule table's macro, so that `pia render --draft` can name it
/// as the rule no draft overrides.
pub const WITHHELD_TEXT_REPEATED: Code = Code {
    name: "withheld-text-repeated",
    severity: Severity::Error,
    item: Some("非公表の記載"),
    summary_ja: "非公表の記載（又はその一文）が、公表される別の記載（変更箇所を含む）に繰り返されている",
    summary_en: "A withheld text, or one of its sentences, is repeated in a text the public version prints (変更箇所 included)",
};

/// The shortest withheld text, and the shortest sentence of a longer one, that counts as
/// repeated: shorter pieces (「なし。」) occur by chance.
const MIN_WHOLE_CHARS: usize = 4;
const MIN_SENTENCE_CHARS: usize = 8;

/// Text compared without white space (half- and full-width), so a re-wrapped copy still matches.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every string of the model's JSON: withheld texts (`{text, withheld}`) and public ones.
fn texts(value: &Value, pointer: String, withheld: &mut Vec<(String, String)>, public: &mut Vec<(String, String)>) {
    match value {
        Value::Object(m) if m.contains_key("withheld") => {
            if let Some(text) = m.get("text").and_then(Value::as_str) {
                withheld.push((pointer, text.to_owned()));
            }
        }
        Value::Object(m) => {
            for (k, v) in m {
                texts(v, format!("{pointer}/{}", crate::yaml::escape_pointer_segment(k)), withheld, public);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                texts(v, format!("{pointer}/{i}"), withheld, public);
            }
        }
        Value::String(s) => public.push((pointer, s.clone())),
        _ => {}
    }
}

/// The pieces of a withheld text that must not appear in public text: the whole text and each
/// of its sentences or lines that is long enough to be telling.
fn telling_pieces(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let whole = compact(text);
    if whole.chars().count() >= MIN_WHOLE_CHARS {
        pieces.push(whole);
    }
    for sentence in segments(text) {
        let s = compact(sentence.trim_end_matches(['。', '\n']));
        if s.chars().count() >= MIN_SENTENCE_CHARS && !pieces.contains(&s) {
            pieces.push(s);
        }
    }
    pieces
}

/// The 変更箇所 row a pointer is in, if any.
fn history_row(pointer: &str) -> Option<&str> {
    let rest = pointer.strip_prefix("/history/")?;
    Some(rest.split('/').next().unwrap_or(rest))
}

/// Whether withheld text at `source` must not appear in public text at `public`. A withheld
/// 変更箇所 cell is a copy of an item's old text: it keeps that text out of other rows, but an
/// item or the same row may show it publicly once the item is no longer withheld (非公表の解除).
fn must_not_appear(source: &str, public: &str) -> bool {
    match (history_row(source), history_row(public)) {
        (None, _) => true,
        (Some(row), Some(other)) => row != other,
        (Some(_), None) => false,
    }
}

pub fn repeated(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let (mut withheld, mut public) = (Vec::new(), Vec::new());
    texts(&cx.form.to_json(), String::new(), &mut withheld, &mut public);
    if withheld.is_empty() {
        return;
    }
    let pieces: Vec<(String, &str)> = withheld
        .iter()
        .flat_map(|(p, t)| telling_pieces(t).into_iter().map(move |piece| (piece, p.as_str())))
        .collect();
    for (pointer, text) in &public {
        let text = compact(text);
        let Some((_, source)) =
            pieces.iter().find(|(piece, source)| must_not_appear(source, pointer) && text.contains(piece.as_str()))
        else {
            continue;
        };
        // The message names where the withheld text is, never the text itself (messages reach logs).
        let item = crate::schema::item_for_pointer(cx.form.kind(), source).unwrap_or_else(|| (*source).to_owned());
        let line = cx.map.locate_value(source).map_or(0, |l| l.line);
        out.push(
            cx.at(
                code,
                pointer,
                format!("公表される記載に、非公表の記載（{item}、{line}行目）と同じ文があります。公表版に非公表の内容が載ってしまいます。"),
                format!("This public text repeats withheld text ({item}, line {line}): the public version would print it."),
            )
            .help(cx.lang.pick(
                "この記載も {text: …, withheld: 非公表とする理由} として非公表にするか、非公表の内容を含まないように書き直してください。",
                "withhold this text too ({text: …, withheld: reason}), or rewrite it without the withheld content.",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_history_cell_guards_other_rows_only() {
        assert!(must_not_appear("/risk_measures/priority/basis", "/history/0/after"));
        assert!(must_not_appear("/risk_measures/priority/basis", "/related_info/file_name"));
        assert!(must_not_appear("/history/0/before", "/history/1/after"));
        assert!(!must_not_appear("/history/0/before", "/history/0/after"));
        assert!(!must_not_appear("/history/0/before", "/risk_measures/priority/basis"));
        assert!(must_not_appear("/history/10/before", "/history/1/after"));
    }

    #[test]
    fn pieces_are_long_enough_to_be_telling() {
        assert_eq!(telling_pieces("なし"), Vec::<String>::new());
        assert_eq!(telling_pieces("住基端末"), vec!["住基端末".to_owned()]);
        let p = telling_pieces("庁舎3階の\u{3000}サーバ室に置く。鍵は課長が持つ。");
        assert!(p.contains(&"庁舎3階のサーバ室に置く".to_owned()), "{p:?}");
        assert!(!p.iter().any(|s| s == "鍵は課長が持つ"), "short sentences are not pieces of their own: {p:?}");
    }
}
