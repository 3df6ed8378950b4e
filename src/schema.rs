//! The JSON Schema generated from the model, and schema errors turned into located diagnostics.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, codes};
use crate::lang::Lang;
use crate::model::KisoAssessment;
use crate::model::types::DATE_FORMAT;
use crate::source::Source;
use crate::wareki::{Date, DateError};
use crate::yaml::{SourceMap, escape_pointer_segment};

/// Where the committed schema of 様式2 (令和6年10月版) lives, relative to the project root.
pub const KISO_SCHEMA_PATH: &str = "schema/kiso-r6.10.schema.json";

/// Generates the JSON Schema (draft 2020-12) of 様式2 from the Rust types.
pub fn kiso_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<KisoAssessment>();
    schema.to_value()
}

/// The schema as committed: pretty JSON with a final newline.
pub fn kiso_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(kiso_schema_value()).unwrap_or_default();
    text.push('\n');
    text
}

fn kiso_schema_value() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(kiso_schema)
}

fn kiso_validator() -> Option<&'static Validator> {
    static VALIDATOR: OnceLock<Option<Validator>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .should_validate_formats(true)
                .with_format(DATE_FORMAT, |s: &str| Date::parse(s).is_ok())
                .build(kiso_schema_value())
                .ok()
        })
        .as_ref()
}

/// Validates a document against the schema; every error becomes a located diagnostic.
pub fn validate(value: &Value, map: &SourceMap, source: &Source, lang: Lang) -> Vec<Diagnostic> {
    let Some(validator) = kiso_validator() else {
        return vec![Diagnostic::new(codes::INVALID_TYPE, "internal error: the built-in schema does not compile")];
    };
    if value.is_null() {
        return vec![
            Diagnostic::new(
                codes::YAML_SYNTAX,
                lang.pick(
                    "ファイルが空です。評価書の項目を記載してください。",
                    "The file is empty; write the assessment's items.",
                ),
            )
            .at(Some(source.location(1, 0, 0))),
        ];
    }
    let mapper = ErrorMapper { schema: kiso_schema_value(), map, source, lang };
    let mut out = Vec::new();
    for error in validator.iter_errors(value) {
        mapper.map(&error, &mut out);
    }
    out
}

struct ErrorMapper<'a> {
    schema: &'a Value,
    map: &'a SourceMap,
    source: &'a Source,
    lang: Lang,
}

/// Dotted path from typed pointer segments (`history[3].timing`).
fn dotted(segments: &[LocationSegment<'_>]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            LocationSegment::Property(p) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(p);
            }
            LocationSegment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

impl ErrorMapper<'_> {
    fn map(&self, error: &ValidationError<'_>, out: &mut Vec<Diagnostic>) {
        let lang = self.lang;
        let pointer = error.instance_path().as_str().to_owned();
        let segments: Vec<_> = error.instance_path().iter().collect();
        let path = dotted(&segments);
        let item = item_label(self.schema, &segments);
        let instance = error.instance();
        let value_text = self.value_text(&pointer, instance);
        let at_value = self.map.locate_value(&pointer);
        let base = |code, msg: String| Diagnostic::new(code, msg).path(path.clone()).item(item.clone()).at(at_value);

        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let known = property_names(self.schema, &segments);
                for key in unexpected {
                    let child = format!("{pointer}/{}", escape_pointer_segment(key));
                    let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    let mut d = Diagnostic::new(
                        codes::UNKNOWN_FIELD,
                        lang.pick(
                            format!("「{key}」は様式にない項目です。"),
                            format!("`{key}` is not an item of the form."),
                        ),
                    )
                    .path(child_path)
                    .item(item.clone())
                    .at(self.map.locate(&child));
                    d = match closest(key, &known) {
                        Some(s) => d.help(lang.pick(format!("「{s}」の誤りではありませんか？"), format!("did you mean `{s}`?"))),
                        None => d.help(lang.pick(
                            format!("この階層に書ける項目: {}", known.join(", ")),
                            format!("items allowed here: {}", known.join(", ")),
                        )),
                    };
                    out.push(d);
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let mut child_segments = segments.clone();
                child_segments.push(LocationSegment::Property(name.into()));
                let child_item = item_label(self.schema, &child_segments);
                let child_path = if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
                out.push(
                    Diagnostic::new(
                        codes::MISSING_FIELD,
                        lang.pick(
                            format!("記載がありません（キー {name}）。"),
                            format!("`{name}` is missing."),
                        ),
                    )
                    .path(child_path)
                    .item(child_item)
                    .at(self.map.locate(&pointer)),
                );
            }
            ValidationErrorKind::Type { .. } | ValidationErrorKind::AnyOf { .. } if instance.is_null() => {
                let expected = anyof_expected(self.schema, &segments, lang);
                let d = if is_required(self.schema, &segments) {
                    base(
                        codes::MISSING_FIELD,
                        lang.pick("空欄です。記載してください。".to_owned(), "Empty; this item is required.".to_owned()),
                    )
                } else {
                    base(
                        codes::INVALID_TYPE,
                        lang.pick(
                            format!("空です。{expected}を書くか、この行を消してください。"),
                            format!("Empty; write {expected} or remove the line."),
                        ),
                    )
                };
                out.push(d);
            }
            ValidationErrorKind::Type { kind } => {
                let expected = type_names(kind, lang);
                let mut d = base(
                    codes::INVALID_TYPE,
                    lang.pick(
                        format!("{value_text} は{expected}ではありません。ここには{expected}を書きます。"),
                        format!("{value_text} is not {expected}; this item takes {expected}."),
                    ),
                );
                if expects_string(kind) && !instance.is_object() && !instance.is_array() {
                    let raw = self.map.get(&pointer).map_or_else(|| instance.to_string(), |n| self.source.slice(n.value).trim().to_owned());
                    d = d.help(lang.pick(
                        format!("文字列として書くには引用符で囲みます: \"{raw}\""),
                        format!("to write it as text, quote it: \"{raw}\""),
                    ));
                }
                out.push(d);
            }
            // An empty choice is reported once, as missing, by the type check.
            ValidationErrorKind::Enum { .. } if instance.is_null() => {}
            ValidationErrorKind::Enum { options } => {
                let choices: Vec<&str> = options.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                let list = choices.iter().enumerate().map(|(i, c)| format!("{}) {c}", i + 1)).collect::<Vec<_>>().join("　");
                let mut d = base(
                    codes::INVALID_CHOICE,
                    lang.pick(
                        format!("{value_text} は選択肢にありません。選択肢: {list}"),
                        format!("{value_text} is not one of the choices: {list}"),
                    ),
                );
                if let Some(s) = instance.as_str().and_then(|v| suggest_choice(v, &choices)) {
                    d = d.help(lang.pick(format!("「{s}」ではありませんか？"), format!("did you mean 「{s}」?")));
                } else {
                    d = d.help(lang.pick("選択肢の文言をそのまま書いてください。", "Write one of the choices exactly as the form prints it."));
                }
                out.push(d);
            }
            ValidationErrorKind::Format { format } if format == DATE_FORMAT => {
                let text = instance.as_str().unwrap_or_default();
                let msg = match Date::parse(text) {
                    Err(DateError::Impossible(why)) => lang.pick(
                        format!("{value_text} は存在しない日付です。{}", why.message_ja()),
                        format!("{value_text} is not a real date: {why}."),
                    ),
                    _ => lang.pick(
                        format!("{value_text} は日付として読めません。"),
                        format!("{value_text} is not a date."),
                    ),
                };
                out.push(base(codes::INVALID_DATE, msg).help(lang.pick(
                    "2025-04-25 または 令和7年4月25日 の形で書いてください。",
                    "write it as 2025-04-25 or 令和7年4月25日.",
                )));
            }
            ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
                // The alternatives are "text or {text, withheld}" and "value or empty": report the
                // branch that got past the type check, or a type error when none did.
                let is_type_error = |e: &ValidationError<'_>| {
                    matches!(e.kind(), ValidationErrorKind::Type { .. }) && e.instance_path() == error.instance_path()
                };
                match context.iter().find(|branch| !branch.is_empty() && !branch.iter().all(is_type_error)) {
                    Some(branch) => branch.iter().for_each(|e| self.map(e, out)),
                    None => {
                        let expected = anyof_expected(self.schema, &segments, lang);
                        out.push(base(
                            codes::INVALID_TYPE,
                            lang.pick(
                                format!("{value_text} は{expected}ではありません。"),
                                format!("{value_text} is not {expected}."),
                            ),
                        ));
                    }
                }
            }
            ValidationErrorKind::MinLength { .. } if is_required(self.schema, &segments) && !path.ends_with(".withheld") => {
                out.push(base(codes::MISSING_FIELD, lang.pick("空欄です。記載してください。".to_owned(), "Empty; this item is required.".to_owned())))
            }
            ValidationErrorKind::MinLength { .. } if path.ends_with(".withheld") => out.push(base(
                codes::INVALID_VALUE,
                lang.pick("非公表とする理由が空です。規則第13条に基づく理由を記載してください。".to_owned(), "The reason for withholding is empty; give the reason (規則第13条).".to_owned()),
            )),
            ValidationErrorKind::MinLength { .. } => out.push(base(
                codes::INVALID_VALUE,
                lang.pick("空の文字列は使えません。書くことがなければ、この行を消してください。".to_owned(), "An empty text is not allowed here; remove the line if there is nothing to write.".to_owned()),
            )),
            ValidationErrorKind::Minimum { .. } => {
                out.push(base(
                    codes::INVALID_VALUE,
                    lang.pick(
                        format!("{value_text} は使えません。0以上の数を書いてください。"),
                        format!("{value_text} is not allowed; write a number of 0 or more."),
                    ),
                ));
            }
            ValidationErrorKind::Pattern { .. } if path.ends_with(".count") => out.push(base(
                codes::INVALID_VALUE,
                lang.pick(
                    format!("{value_text} は人数として読めません。数字だけで書いてください（例: 183000、\"183,000\"、\"１８３，０００\"）。"),
                    format!("{value_text} is not a head count; write digits only (183000, \"183,000\")."),
                ),
            )),
            _ => out.push(base(codes::INVALID_VALUE, format!("{value_text}: {error}"))),
        }
    }

    /// The value as written in the YAML (so `1.10` shows as written, not as 1.1).
    fn value_text(&self, pointer: &str, instance: &Value) -> String {
        let written = self
            .map
            .get(pointer)
            .map(|n| self.source.slice(n.value).trim())
            .filter(|s| !s.is_empty() && !s.contains('\n') && s.chars().count() <= 60);
        match (written, instance) {
            (Some(s), _) if !instance.is_object() && !instance.is_array() => {
                format!("「{}」", s.trim_matches(['"', '\'']))
            }
            (_, Value::String(s)) => format!("「{}」", truncate(s, 40)),
            (_, Value::Object(_)) => self.lang.pick("マッピング", "A mapping").to_owned(),
            (_, Value::Array(_)) => self.lang.pick("リスト", "A list").to_owned(),
            (_, v) => format!("「{v}」"),
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { s.chars().take(max).chain(std::iter::once('…')).collect() }
}

fn expects_string(kind: &TypeKind) -> bool {
    match kind {
        TypeKind::Single(t) => *t == jsonschema::JsonType::String,
        TypeKind::Multiple(set) => set.contains(jsonschema::JsonType::String),
    }
}

fn type_name(t: &str, lang: Lang) -> &'static str {
    match t {
        "string" => lang.pick("文字列", "text"),
        "integer" => lang.pick("整数", "a whole number"),
        "number" => lang.pick("数値", "a number"),
        "boolean" => lang.pick("true か false", "true or false"),
        "object" => lang.pick("項目の組（マッピング）", "a mapping"),
        "array" => lang.pick("リスト", "a list"),
        "null" => lang.pick("空欄", "empty"),
        _ => "?",
    }
}

fn type_names(kind: &TypeKind, lang: Lang) -> String {
    let names: Vec<String> = match kind {
        TypeKind::Single(t) => vec![t.to_string()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
    };
    names.iter().map(|t| type_name(t, lang)).collect::<Vec<_>>().join(lang.pick("または", " or "))
}

/// What an `anyOf` accepts, as words: `{text, withheld}` alternatives read "文字列".
fn anyof_expected(schema: &Value, segments: &[LocationSegment<'_>], lang: Lang) -> String {
    let node = resolve(schema, segments).map(|n| deref(schema, n));
    let mut names: Vec<&str> = Vec::new();
    collect_types(schema, node, &mut names);
    if names.len() > 1 {
        names.retain(|t| *t != "null" && *t != "object");
    }
    if names.is_empty() {
        names.push("string");
    }
    names.dedup();
    names.iter().map(|t| type_name(t, lang)).collect::<Vec<_>>().join(lang.pick("または", " or "))
}

fn collect_types<'a>(schema: &'a Value, node: Option<&'a Value>, out: &mut Vec<&'a str>) {
    let Some(node) = node.map(|n| deref(schema, n)) else { return };
    match node.get("type") {
        Some(Value::String(t)) => out.push(t),
        Some(Value::Array(ts)) => out.extend(ts.iter().filter_map(Value::as_str)),
        _ => {}
    }
    for branch in node.get("anyOf").and_then(Value::as_array).into_iter().flatten() {
        collect_types(schema, Some(branch), out);
    }
}

/// Follows a local `$ref` (`#/$defs/Name`).
fn deref<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    let mut node = node;
    for _ in 0..8 {
        match node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
            Some(ptr) => match schema.pointer(ptr) {
                Some(target) => node = target,
                None => break,
            },
            None => break,
        }
    }
    node
}

/// The object branch of a node: itself, or the first `anyOf` alternative with properties.
fn object_branch<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    let node = deref(schema, node);
    if node.get("properties").is_some() || node.get("items").is_some() {
        return node;
    }
    node.get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|b| deref(schema, b))
        .find(|b| b.get("properties").is_some() || b.get("items").is_some())
        .unwrap_or(node)
}

/// The subschema for an instance path (the property schema itself, before `$ref`).
fn resolve<'a>(schema: &'a Value, segments: &[LocationSegment<'_>]) -> Option<&'a Value> {
    let mut node = schema;
    for segment in segments {
        let container = object_branch(schema, node);
        node = match segment {
            LocationSegment::Property(p) => container.get("properties")?.get(p.as_ref())?,
            LocationSegment::Index(_) => container.get("items")?,
        };
    }
    Some(node)
}

/// The form item for an instance path: the deepest `title` along it, with the row number for
/// items inside a list (`変更箇所 提出時期（4行目）`).
pub fn item_label(schema: &Value, segments: &[LocationSegment<'_>]) -> Option<String> {
    let mut node = schema;
    let mut title = title_of(schema, node);
    let mut row = None;
    for segment in segments {
        let container = object_branch(schema, node);
        let next = match segment {
            LocationSegment::Property(p) => container.get("properties").and_then(|ps| ps.get(p.as_ref())),
            LocationSegment::Index(i) => {
                row = Some(i + 1);
                container.get("items")
            }
        };
        let Some(next) = next else { break };
        node = next;
        if let Some(t) = title_of(schema, node) {
            title = Some(t);
        }
    }
    title.map(|t| match row {
        Some(r) => format!("{t}（{r}行目）"),
        None => t.to_owned(),
    })
}

fn title_of<'a>(schema: &'a Value, node: &'a Value) -> Option<&'a str> {
    node.get("title").or_else(|| deref(schema, node).get("title")).and_then(Value::as_str)
}

/// The form item for a JSON pointer such as `/threshold_items/subjects/band`.
pub fn item_for_pointer(pointer: &str) -> Option<String> {
    let segments: Vec<LocationSegment<'_>> = pointer
        .split('/')
        .skip(1)
        .map(|s| match s.parse::<usize>() {
            Ok(i) => LocationSegment::Index(i),
            Err(_) => LocationSegment::Property(s.replace("~1", "/").replace("~0", "~").into()),
        })
        .collect();
    item_label(kiso_schema_value(), &segments)
}

/// The form item for a dotted path such as `history[3].timing`.
pub fn item_for_path(dotted: &str) -> Option<String> {
    let mut segments: Vec<LocationSegment<'_>> = Vec::new();
    for part in dotted.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            segments.push(LocationSegment::Property(name.into()));
        }
        for index in pieces {
            segments.push(LocationSegment::Index(index.trim_end_matches(']').parse().ok()?));
        }
    }
    item_label(kiso_schema_value(), &segments)
}

fn property_names(schema: &Value, segments: &[LocationSegment<'_>]) -> Vec<String> {
    resolve(schema, segments)
        .map(|n| object_branch(schema, n))
        .and_then(|n| n.get("properties"))
        .and_then(Value::as_object)
        .map(|ps| ps.keys().cloned().collect())
        .unwrap_or_default()
}

fn is_required(schema: &Value, segments: &[LocationSegment<'_>]) -> bool {
    let Some((LocationSegment::Property(name), parent)) = segments.split_last() else {
        return true;
    };
    resolve(schema, parent)
        .map(|n| object_branch(schema, n))
        .and_then(|n| n.get("required"))
        .and_then(Value::as_array)
        .is_some_and(|r| r.iter().any(|v| v.as_str() == Some(name.as_ref())))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, (cb, pair)) in b.iter().zip(prev.windows(2)).enumerate() {
            let (diagonal, above) = match pair {
                [d, u] => (*d, *u),
                _ => (usize::MAX - 1, usize::MAX - 1),
            };
            let left = cur.get(j).copied().unwrap_or(usize::MAX - 1);
            cur.push((diagonal + usize::from(ca != *cb)).min(above + 1).min(left + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The closest known key, if close enough to be a typo.
fn closest<'a>(key: &str, known: &'a [String]) -> Option<&'a str> {
    let limit = (key.chars().count() / 3).max(2);
    known
        .iter()
        .map(|k| (edit_distance(key, k), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}

/// A choice the user probably meant: one containing what was written, or a near miss.
fn suggest_choice<'a>(value: &str, choices: &[&'a str]) -> Option<&'a str> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let containing: Vec<&str> = choices.iter().copied().filter(|c| c.contains(value)).collect();
    if let [only] = containing.as_slice() {
        return Some(only);
    }
    let limit = (value.chars().count() / 3).max(1);
    choices
        .iter()
        .map(|c| (edit_distance(value, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_form_items() {
        assert_eq!(item_for_pointer("/threshold_items/subjects/band").as_deref(), Some("Ⅱ 1. 対象人数"));
        assert_eq!(item_for_pointer("/threshold_items/subjects/as_of").as_deref(), Some("Ⅱ 1. いつ時点の計数か"));
        assert_eq!(item_for_pointer("/history/3/timing").as_deref(), Some("変更箇所 提出時期（4行目）"));
        assert_eq!(item_for_path("history[3].timing").as_deref(), Some("変更箇所 提出時期（4行目）"));
        assert_eq!(item_for_pointer("/related_info/affair/systems/text").as_deref(), Some("Ⅰ 1. ③システムの名称"));
    }

    #[test]
    fn suggestions() {
        let known = vec!["threshold_items".to_owned(), "threshold_result".to_owned(), "history".to_owned()];
        assert_eq!(closest("threshold_itms", &known), Some("threshold_items"));
        assert_eq!(closest("zzz", &known), None);
        assert_eq!(
            suggest_choice("十分", &["特に力を入れている", "十分である", "課題が残されている"]),
            Some("十分である")
        );
    }
}
