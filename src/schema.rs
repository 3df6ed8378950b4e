//! The JSON Schema generated from the model, and schema errors turned into located diagnostics.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, codes};
use crate::lang::Lang;
use crate::model::types::DATE_FORMAT;
use crate::model::{FormKind, JutenAssessment, KisoAssessment, ZenkomokuAssessment};
use crate::schema_tree::{OwnedStep, SchemaNode, Shape, Step, steps_of_pointer};
use crate::source::Source;
use crate::wareki::{Date, DateError};
use crate::yaml::{SourceMap, escape_pointer_segment};

/// Where a form's committed schema lives, relative to the project root.
pub fn schema_path(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Kiso => "schema/kiso-r6.10.schema.json",
        FormKind::Juten => "schema/juten-r6.10.schema.json",
        FormKind::Zenkomoku => "schema/zenkomoku-r6.10.schema.json",
    }
}

/// Generates a form's JSON Schema (draft 2020-12) from its Rust types.
pub fn generate(kind: FormKind) -> Value {
    fn of<T: schemars::JsonSchema>() -> Value {
        let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
        generator.into_root_schema_for::<T>().to_value()
    }
    let mut value = match kind {
        FormKind::Kiso => of::<KisoAssessment>(),
        FormKind::Juten => of::<JutenAssessment>(),
        FormKind::Zenkomoku => of::<ZenkomokuAssessment>(),
    };
    own_tags(&mut value, kind);
    if kind.knows_every_edition()
        && let Some(choices) = value.pointer_mut("/$defs/Revision/enum")
    {
        *choices = kind.editions().iter().map(|e| Value::from(e.revision.label())).collect();
    }
    value
}

/// A block several forms share may carry another form's tag beside its own (`x-pia-tag-zenkomoku`,
/// [`crate::model::blocks`]): each form's schema keeps only its own, as `x-pia-tag`.
fn own_tags(value: &mut Value, kind: FormKind) {
    match value {
        Value::Object(map) => {
            if let Some(tag) = map.get(&format!("x-pia-tag-{}", kind.key())).cloned() {
                map.insert("x-pia-tag".to_owned(), tag);
            }
            map.retain(|key, _| !key.starts_with("x-pia-tag-"));
            map.values_mut().for_each(|v| own_tags(v, kind));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| own_tags(v, kind)),
        _ => {}
    }
}

/// The schema as committed: pretty JSON with a final newline.
pub fn schema_text(kind: FormKind) -> String {
    let mut text = serde_json::to_string_pretty(&form_schema(kind).value).unwrap_or_default();
    text.push('\n');
    text
}

/// A form's schema, generated once per process, and its compiled validator.
struct FormSchema {
    value: Value,
    validator: Option<Validator>,
}

impl FormSchema {
    fn new(kind: FormKind) -> Self {
        let value = generate(kind);
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .with_format(DATE_FORMAT, |s: &str| Date::parse(s).is_ok())
            .build(&value)
            .ok();
        Self { value, validator }
    }
}

fn form_schema(kind: FormKind) -> &'static FormSchema {
    match kind {
        FormKind::Kiso => {
            static KISO: OnceLock<FormSchema> = OnceLock::new();
            KISO.get_or_init(|| FormSchema::new(kind))
        }
        FormKind::Juten => {
            static JUTEN: OnceLock<FormSchema> = OnceLock::new();
            JUTEN.get_or_init(|| FormSchema::new(kind))
        }
        FormKind::Zenkomoku => {
            static ZENKOMOKU: OnceLock<FormSchema> = OnceLock::new();
            ZENKOMOKU.get_or_init(|| FormSchema::new(kind))
        }
    }
}

/// A form's schema as a JSON value (for the draft generator and tests).
pub fn schema_value(kind: FormKind) -> &'static Value {
    &form_schema(kind).value
}

/// Validates a document against its form's schema; every error becomes a located diagnostic.
pub fn validate(kind: FormKind, value: &Value, map: &SourceMap, source: &Source, lang: Lang) -> Vec<Diagnostic> {
    let Some(validator) = &form_schema(kind).validator else {
        return vec![Diagnostic::new(codes::INVALID_TYPE, "internal error: the built-in schema does not compile")];
    };
    let mapper = ErrorMapper { schema: schema_value(kind), document: value, map, source, lang };
    let mut out = Vec::new();
    for error in validator.iter_errors(value) {
        mapper.map(&error, &mut out);
    }
    out
}

struct ErrorMapper<'a> {
    schema: &'a Value,
    /// The document, for the names of repeated blocks (ファイル1 国民健康保険ファイル).
    document: &'a Value,
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
        let item = item_label(self.schema, &segments, Some(self.document));
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
                    let known: Vec<&str> = known.iter().map(String::as_str).collect();
                    let suggestion = suggest(key, &known);
                    let hidden = invisible_chars(key, suggestion.unwrap_or_default());
                    let message = if hidden.is_empty() {
                        lang.pick(format!("「{key}」は様式にない項目です。"), format!("`{key}` is not an item of the form."))
                    } else {
                        let (shown, what) = (without(key, &hidden), describe_invisible(&hidden, lang));
                        lang.pick(
                            format!("「{shown}」は様式にない項目です。{what}が含まれています（画面では見えません）。"),
                            format!("`{shown}` is not an item of the form: it contains {what}, which does not show on screen."),
                        )
                    };
                    let d = Diagnostic::new(codes::UNKNOWN_FIELD, message)
                        .path(child_path)
                        .item(item.clone())
                        .at(self.map.locate(&child));
                    let help = match suggestion {
                        _ if !hidden.is_empty() => delete_invisible_help(&hidden, suggestion, lang),
                        Some(s) => lang.pick(format!("「{s}」の誤りではありませんか？"), format!("did you mean `{s}`?")),
                        None => lang.pick(
                            format!("この階層に書ける項目: {}", known.join(", ")),
                            format!("items allowed here: {}", known.join(", ")),
                        ),
                    };
                    out.push(d.help(help));
                }
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let mut child_segments = segments.clone();
                child_segments.push(LocationSegment::Property(name.into()));
                let child_item = item_label(self.schema, &child_segments, Some(self.document));
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
                let written = instance.as_str().unwrap_or_default();
                let suggestion = suggest(written, &choices);
                // Characters no editor shows (a trailing 全角スペース from Excel, a zero-width
                // space from a web page) are named, not silently dropped: the value in the file
                // is what the form would say.
                let hidden = invisible_chars(written, suggestion.unwrap_or_default());
                let message = if hidden.is_empty() {
                    lang.pick(
                        format!("{value_text} は選択肢にありません。選択肢: {list}"),
                        format!("{value_text} is not one of the choices: {list}"),
                    )
                } else {
                    let (shown, what) = (without(written, &hidden), describe_invisible(&hidden, lang));
                    lang.pick(
                        format!("「{shown}」は選択肢にありません。{what}が含まれています（画面では見えません）。選択肢: {list}"),
                        format!("「{shown}」 is not one of the choices: it contains {what}, which does not show on screen. Choices: {list}"),
                    )
                };
                let help = match suggestion {
                    _ if !hidden.is_empty() => delete_invisible_help(&hidden, suggestion, lang),
                    Some(s) => lang.pick(format!("「{s}」ではありませんか？"), format!("did you mean 「{s}」?")),
                    None => lang.pick("選択肢の文言をそのまま書いてください。", "Write one of the choices exactly as the form prints it.").to_owned(),
                };
                out.push(base(codes::INVALID_CHOICE, message).help(help));
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
    let mut names: Vec<&str> = resolve(schema, segments).map(|n| n.types()).unwrap_or_default();
    if names.len() > 1 {
        names.retain(|t| *t != "null" && *t != "object");
    }
    if names.is_empty() {
        names.push("string");
    }
    names.dedup();
    names.iter().map(|t| type_name(t, lang)).collect::<Vec<_>>().join(lang.pick("または", " or "))
}

/// The validator's path as steps of the schema tree.
fn steps<'s>(segments: &'s [LocationSegment<'_>]) -> Vec<Step<'s>> {
    segments
        .iter()
        .map(|s| match s {
            LocationSegment::Property(p) => Step::Key(p.as_ref()),
            LocationSegment::Index(i) => Step::Index(*i),
        })
        .collect()
}

/// The schema node for an instance path.
fn resolve<'a>(schema: &'a Value, segments: &[LocationSegment<'_>]) -> Option<SchemaNode<'a>> {
    SchemaNode::root(schema).at(&steps(segments))
}

/// A form item named along an instance path, with what the schema says about it there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemName {
    /// The deepest title along the path (`Ⅱ 4. ③委託先名`); for a path that ends at an element of
    /// a repeated block, the block's title (`Ⅱ 4. 委託事項`).
    pub title: String,
    /// The title before the deepest one, when there is one (`Ⅱ 3. ①入手元` for one of its boxes).
    pub parent_title: Option<String>,
    /// The repeated blocks the item is inside, printed after its number (`委託事項2`).
    pub blocks: Vec<String>,
    /// The named blocks the item is inside, printed after it (`ファイル1 国民健康保険ファイル`).
    pub context: Vec<String>,
    /// The row inside a list that is not a block of the form (`変更箇所`).
    pub row: Option<usize>,
    /// ※: the nearest `x-pia-important` along the path (the item's own, else that of the block
    /// or section it is in; `false` marks an item its ※ section excepts).
    pub important: bool,
    /// False inside what pia keeps beside the form and never prints (`x-pia-tag: pia`).
    pub printed: bool,
    /// The path ends at an element of a repeated block (a whole 委託事項).
    pub element: bool,
    /// The value is a date (`pia-date`).
    pub date: bool,
}

impl ItemName {
    /// The item as diagnostics and 様式3's 変更箇所 rows name it: 「Ⅱ 4. 委託事項2 ③委託先名（ファイル1
    /// 国民健康保険ファイル）」, 「Ⅱ 4. 委託事項3（ファイル1 国民健康保険ファイル）」 for the whole element.
    pub fn label(&self) -> String {
        self.label_with(&self.title)
    }

    /// The label with `title` in place of the item's own (a box named by the item it belongs to).
    pub fn label_with(&self, title: &str) -> String {
        let blocks = self.blocks.join(" ");
        let mut label = match (self.blocks.is_empty(), title.split_once(". ")) {
            (false, Some((number, _))) if self.element => format!("{number}. {blocks}"),
            (false, Some((number, rest))) => format!("{number}. {blocks} {rest}"),
            (false, None) => format!("{title} {blocks}"),
            (true, _) => title.to_owned(),
        };
        if let Some(r) = self.row {
            label.push_str(&format!("（{r}行目）"));
        }
        if !self.context.is_empty() {
            label.push_str(&format!("（{}）", self.context.join("、")));
        }
        label
    }
}

/// The form item for an instance path: the deepest `title` along it, with the row number for
/// items inside a list (`変更箇所 提出時期（4行目）`).
///
/// Inside a repeated block of the form (an array with `x-pia-block`, e.g. `委託事項{n}`), the
/// block is named instead of the row: 「Ⅱ 4. 委託事項2 ③委託先名」. A block whose schema names its
/// element's name (`x-pia-block-name`, a pointer into the element, read from `document`) is
/// named after the item as its context: 「…（ファイル1 国民健康保険ファイル）」. A withheld name is
/// never printed: the block is named by its number alone.
/// The form item for an instance path: the deepest `title` along it, with the row number for
/// items inside a list (`変更箇所 提出時期（4行目）`).
///
/// Inside a repeated block of the form (an array with `x-pia-block`, e.g. `委託事項{n}`), the
/// block is named instead of the row: 「Ⅱ 4. 委託事項2 ③委託先名」. A block whose schema names its
/// element's name (`x-pia-block-name`, a pointer into the element, read from `document`) is
/// named after the item as its context: 「…（ファイル1 国民健康保険ファイル）」. A withheld name is
/// never printed: the block is named by its number alone.
pub fn item_label(schema: &Value, segments: &[LocationSegment<'_>], document: Option<&Value>) -> Option<String> {
    item_name(schema, segments, document).map(|n| n.label())
}

/// What [`item_label`] reads along the path, for callers that need more than the label.
pub fn item_name(schema: &Value, segments: &[LocationSegment<'_>], document: Option<&Value>) -> Option<ItemName> {
    item_name_along(SchemaNode::root(schema), &steps(segments), document)
}

/// [`item_name`] for steps of the schema tree.
pub fn item_name_along(root: SchemaNode<'_>, steps: &[Step<'_>], document: Option<&Value>) -> Option<ItemName> {
    let mut node = root;
    let mut title = node.title();
    let mut parent_title = None;
    let mut name = ItemName { printed: true, ..ItemName::default() };
    let mut element_title = None;
    let mut at = document;
    for step in steps {
        element_title = None;
        match step {
            Step::Key(p) => at = at.and_then(|v| v.get(*p)),
            Step::Index(i) => {
                at = at.and_then(|v| v.get(*i));
                match node.block_heading(*i) {
                    Some(label) => {
                        element_title = title;
                        match (at.and_then(|element| node.element_name(element)), node.block_name()) {
                            (Some(n), _) => name.context.push(format!("{label} {n}")),
                            (None, Some(_)) => name.context.push(label),
                            (None, None) => name.blocks.push(label),
                        }
                    }
                    None => name.row = Some(i + 1),
                }
            }
        }
        let Some(next) = node.child(*step) else { break };
        node = next;
        if let Some(important) = node.important_flag() {
            name.important = important;
        }
        if node.is_pia_only() {
            name.printed = false;
        }
        if let Some(t) = node.title() {
            if title != Some(t) {
                parent_title = title;
            }
            title = Some(t);
        }
    }
    name.element = element_title.is_some();
    name.date = node.shape() == Shape::Date;
    let title = element_title.or(title)?;
    name.title = title.to_owned();
    name.parent_title = parent_title.filter(|p| *p != title).map(str::to_owned);
    Some(name)
}

/// The steps of a JSON pointer such as `/files/0/overview/name`, and the form item there.
fn name_at_pointer(kind: FormKind, pointer: &str, document: Option<&Value>) -> Option<ItemName> {
    let owned = steps_of_pointer(pointer);
    let steps: Vec<Step<'_>> = owned.iter().map(OwnedStep::as_step).collect();
    item_name_along(SchemaNode::root(schema_value(kind)), &steps, document)
}

/// The form item for a JSON pointer such as `/threshold_items/subjects/band`.
pub fn item_for_pointer(kind: FormKind, pointer: &str) -> Option<String> {
    name_at_pointer(kind, pointer, None).map(|n| n.label())
}

/// The form item at a JSON pointer into `document` (an assessment of `kind` as JSON), its
/// repeated blocks named from the document.
pub fn item_name_at(kind: FormKind, pointer: &str, document: &Value) -> Option<ItemName> {
    name_at_pointer(kind, pointer, Some(document))
}

/// True when the value at `pointer` is a repeated block of the form (`x-pia-block`).
pub fn is_block(kind: FormKind, pointer: &str) -> bool {
    SchemaNode::root(schema_value(kind)).at_pointer(pointer).is_some_and(|n| n.block().is_some())
}

/// Every `title` in a form's schema: the top-level items first, then each definition's.
pub fn titles(kind: FormKind) -> Vec<&'static str> {
    let schema = schema_value(kind);
    let properties = |object: &'static Value| {
        object.get("properties").and_then(Value::as_object).into_iter().flat_map(|ps| ps.values())
    };
    let defs = schema.get("$defs").and_then(Value::as_object).into_iter().flat_map(|d| d.values());
    properties(schema).chain(defs.flat_map(properties)).filter_map(|p| p.get("title").and_then(Value::as_str)).collect()
}

/// The title of the item at a JSON pointer of the document, as the schema writes it (without the
/// repeated blocks it stands in): `Ⅲ 4. 情報保護管理体制の確認` for `/files/0/risk/outsourcing/info_protection`.
pub fn title_for_pointer(kind: FormKind, pointer: &str) -> Option<String> {
    let mut node = SchemaNode::root(schema_value(kind));
    let mut title = None;
    for step in steps_of_pointer(pointer) {
        node = node.child(step.as_step())?;
        title = node.title().or(title);
    }
    title.map(str::to_owned)
}

/// The form item for a dotted path such as `history[3].timing`.
pub fn item_for_path(kind: FormKind, dotted: &str) -> Option<String> {
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
    item_label(schema_value(kind), &segments, None)
}

fn property_names(schema: &Value, segments: &[LocationSegment<'_>]) -> Vec<String> {
    resolve(schema, segments)
        .map(|n| n.properties().into_iter().map(|(k, _)| k.to_owned()).collect())
        .unwrap_or_default()
}

fn is_required(schema: &Value, segments: &[LocationSegment<'_>]) -> bool {
    let Some((LocationSegment::Property(name), parent)) = segments.split_last() else {
        return true;
    };
    resolve(schema, parent).is_some_and(|n| n.requires(name))
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

/// The text suggestions compare: NFKC (full-width digits and letters as half-width, 全角スペース
/// as a space), without characters an editor does not show or shows as a plain space.
fn comparable(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkc().filter(|c| invisible_name(*c).is_none()).collect()
}

/// What the user probably meant among `candidates` (the keys allowed at a place, or an item's
/// choices), compared as [`comparable`] text: the candidate equal to what was written, else the
/// only one containing it, else the nearest within a few edits (two for ASCII keys, where a
/// letter carries less than a Japanese character).
pub(crate) fn suggest<'a>(written: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let value = comparable(written);
    if value.is_empty() {
        return None;
    }
    let keyed: Vec<(String, &str)> = candidates.iter().map(|c| (comparable(c), *c)).collect();
    if let Some((_, exact)) = keyed.iter().find(|(k, _)| *k == value) {
        return Some(exact);
    }
    let containing: Vec<&str> = keyed.iter().filter(|(k, _)| k.contains(&value)).map(|(_, c)| *c).collect();
    if let [only] = containing.as_slice() {
        return Some(only);
    }
    let floor = if value.is_ascii() { 2 } else { 1 };
    let limit = (value.chars().count() / 3).max(floor);
    keyed
        .iter()
        .map(|(k, c)| (edit_distance(&value, k), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Where in a value an invisible character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Leading,
    Trailing,
    Inside,
}

/// The name of a character that an editor does not show, or shows as an ordinary space, so that
/// a value looks like a choice or key it is not.
fn invisible_name(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\u{3000}' => ("全角スペース", "an ideographic (full-width) space"),
        '\u{00A0}' => ("ノーブレークスペース", "a no-break space"),
        '\u{200B}' => ("ゼロ幅スペース", "a zero-width space"),
        '\u{FEFF}' => ("BOM", "a byte order mark"),
        '\t' => ("タブ", "a tab"),
        ' ' => ("半角スペース", "a space"),
        '\r' | '\n' => ("改行", "a line break"),
        '\u{200C}' => ("ゼロ幅非接合子", "a zero-width non-joiner"),
        '\u{200D}' => ("ゼロ幅接合子", "a zero-width joiner"),
        '\u{2060}' => ("ワードジョイナー", "a word joiner"),
        '\u{00AD}' => ("ソフトハイフン", "a soft hyphen"),
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' => {
            ("書字方向の制御文字", "a bidirectional control character")
        }
        '\u{180E}' | '\u{2061}'..='\u{2064}' => ("見えない文字", "an invisible character"),
        c if c.is_whitespace() => ("空白文字", "a space character"),
        c if c.is_control() => ("制御文字", "a control character"),
        _ => return None,
    })
}

/// The invisible characters in `written` that `meant` (the suggestion, when there is one) does
/// not have, each with its place, once per place.
fn invisible_chars(written: &str, meant: &str) -> Vec<(Place, char)> {
    let chars: Vec<char> = written.chars().collect();
    let is_hidden = |c: &char| invisible_name(*c).is_some();
    let leading = chars.iter().take_while(|c| is_hidden(c)).count();
    let trailing = chars.iter().rev().take_while(|c| is_hidden(c)).count().min(chars.len() - leading);
    let mut out: Vec<(Place, char)> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let place = if i < leading {
            Place::Leading
        } else if i >= chars.len() - trailing {
            Place::Trailing
        } else {
            Place::Inside
        };
        // A space inside is the text's own when the meant value has it too.
        if is_hidden(c) && !(place == Place::Inside && meant.contains(*c)) && !out.contains(&(place, *c)) {
            out.push((place, *c));
        }
    }
    out
}

/// The value without the given invisible characters, as it looks on screen.
fn without(written: &str, hidden: &[(Place, char)]) -> String {
    let trimmed = written.trim_matches(|c| hidden.iter().any(|(p, h)| *p != Place::Inside && *h == c));
    trimmed.chars().filter(|c| !hidden.iter().any(|(p, h)| *p == Place::Inside && h == c)).collect()
}

/// 「末尾の全角スペース（U+3000）」 for each invisible character.
fn describe_invisible(hidden: &[(Place, char)], lang: Lang) -> String {
    let parts: Vec<String> = hidden
        .iter()
        .map(|(place, c)| {
            let (ja, en) = invisible_name(*c).unwrap_or(("見えない文字", "an invisible character"));
            let code = format!("U+{:04X}", u32::from(*c));
            match lang {
                Lang::Ja => {
                    let at = match place {
                        Place::Leading => "先頭",
                        Place::Trailing => "末尾",
                        Place::Inside => "途中",
                    };
                    format!("{at}の{ja}（{code}）")
                }
                Lang::En => {
                    let at = match place {
                        Place::Leading => "at the start",
                        Place::Trailing => "at the end",
                        Place::Inside => "inside",
                    };
                    format!("{en} ({code}) {at}")
                }
            }
        })
        .collect();
    parts.join(lang.pick("と", ", "))
}

/// Help for a value with invisible characters: delete them (naming each), and what to write.
fn delete_invisible_help(hidden: &[(Place, char)], meant: Option<&str>, lang: Lang) -> String {
    let what = describe_invisible(hidden, lang);
    match meant {
        Some(s) => {
            lang.pick(format!("{what}を消して「{s}」と書いてください。"), format!("delete {what} and write 「{s}」."))
        }
        None => lang.pick(format!("{what}を消してください。"), format!("delete {what}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_form_items() {
        assert_eq!(
            item_for_pointer(FormKind::Kiso, "/threshold_items/subjects/band").as_deref(),
            Some("Ⅱ 1. 対象人数")
        );
        assert_eq!(
            item_for_pointer(FormKind::Kiso, "/threshold_items/subjects/as_of").as_deref(),
            Some("Ⅱ 1. いつ時点の計数か")
        );
        assert_eq!(
            item_for_pointer(FormKind::Kiso, "/history/3/timing").as_deref(),
            Some("変更箇所 提出時期（4行目）")
        );
        assert_eq!(item_for_path(FormKind::Kiso, "history[3].timing").as_deref(), Some("変更箇所 提出時期（4行目）"));
        assert_eq!(
            item_for_pointer(FormKind::Kiso, "/related_info/affair/systems/text").as_deref(),
            Some("Ⅰ 1. ③システムの名称")
        );
    }

    #[test]
    fn items_inside_repeated_blocks_are_named_by_their_block() {
        let document = serde_json::json!({
            "files": [
                {"overview": {"name": "国民健康保険ファイル"}},
                {"overview": {"name": {"text": "秘匿ファイル", "withheld": "規則第13条"}}}
            ]
        });
        let label = |p: &str| item_name_at(FormKind::Juten, p, &document).map(|n| n.label());
        assert_eq!(
            label("/files/0/overview/outsourcing/items/1/contractor").as_deref(),
            Some("Ⅱ 4. 委託事項2 ③委託先名（ファイル1 国民健康保険ファイル）")
        );
        // A whole element is named by its block.
        assert_eq!(
            label("/files/0/overview/outsourcing/items/2").as_deref(),
            Some("Ⅱ 4. 委託事項3（ファイル1 国民健康保険ファイル）")
        );
        assert_eq!(label("/basic_info/systems/1").as_deref(), Some("Ⅰ 2. システム2"));
        assert_eq!(
            label("/files/0/overview/provision/recipients/0").as_deref(),
            Some("Ⅱ 5. 提供先1（ファイル1 国民健康保険ファイル）")
        );
        assert_eq!(
            label("/files/0").as_deref(),
            Some("Ⅱ 特定個人情報ファイルの概要（ファイル1 国民健康保険ファイル）")
        );
        // A withheld name is never printed.
        assert_eq!(label("/files/1/overview/storage/place").as_deref(), Some("Ⅱ 6. ①保管場所（ファイル2）"));
        assert_eq!(label("/files/1").as_deref(), Some("Ⅱ 特定個人情報ファイルの概要（ファイル2）"));
    }

    #[test]
    fn the_nearest_marker_says_whether_an_item_is_important() {
        let name = |kind, p: &str| item_name_at(kind, p, &Value::Null).unwrap_or_else(|| panic!("{p}"));
        for (pointer, important) in [
            ("/basic_info/network_linkage/status", true),
            ("/basic_info/department/name", false),
            ("/files/0/overview/outsourcing/items/0/contractor", false),
            ("/files/0/overview/outsourcing/items/0/resubcontract/status", true),
            ("/files/0/risk/storage/adequacy", true),
            // Ⅲ is ※ except 7.②.
            ("/files/0/risk/storage/serious_incident/occurred", false),
            ("/risk_measures/audit/self_inspection", true),
        ] {
            assert_eq!(name(FormKind::Juten, pointer).important, important, "{pointer}");
        }
        assert!(!name(FormKind::Kiso, "/threshold_items/subjects/count").printed);
        assert!(name(FormKind::Kiso, "/threshold_items/subjects/band").printed);
        assert!(name(FormKind::Kiso, "/threshold_items/subjects/as_of").date);
        assert!(name(FormKind::Juten, "/procedure/third_party_review/date").date);
        assert!(is_block(FormKind::Juten, "/files/1/overview/outsourcing/items"));
        assert!(!is_block(FormKind::Juten, "/files/0/record_items"));
    }

    #[test]
    fn suggestions() {
        let known = ["threshold_items", "threshold_result", "history"];
        assert_eq!(suggest("threshold_itms", &known), Some("threshold_items"));
        assert_eq!(suggest("zzz", &known), None);
        assert_eq!(suggest("十分", &["特に力を入れている", "十分である", "課題が残されている"]), Some("十分である"));
        // Compared as NFKC: full-width digits and letters are the half-width ones.
        let bands = ["500人以上", "500人未満"];
        assert_eq!(suggest("５００人以上", &bands), Some("500人以上"));
        assert_eq!(suggest("５００人未満", &bands), Some("500人未満"));
        assert_eq!(suggest("ｈｉｓｔｏｒｙ", &known), Some("history"));
        // Invisible characters do not stand in the way of a suggestion.
        for c in ['\u{3000}', '\u{00A0}', '\u{200B}', '\u{FEFF}', '\t'] {
            assert_eq!(suggest(&format!("500人以上{c}"), &bands), Some("500人以上"), "U+{:04X}", u32::from(c));
        }
        assert_eq!(suggest("", &bands), None);
        assert_eq!(suggest("\u{3000}", &bands), None);
    }

    #[test]
    fn invisible_characters_are_named_with_their_place_and_code_point() {
        let hidden = invisible_chars("500人以上\u{3000}", "500人以上");
        assert_eq!(hidden, [(Place::Trailing, '\u{3000}')]);
        assert_eq!(describe_invisible(&hidden, Lang::Ja), "末尾の全角スペース（U+3000）");
        assert_eq!(describe_invisible(&hidden, Lang::En), "an ideographic (full-width) space (U+3000) at the end");
        let hidden = invisible_chars("\u{FEFF}500人\u{200B}以上\u{00A0}\t", "500人以上");
        assert_eq!(
            describe_invisible(&hidden, Lang::Ja),
            "先頭のBOM（U+FEFF）と途中のゼロ幅スペース（U+200B）と末尾のノーブレークスペース（U+00A0）と末尾のタブ（U+0009）"
        );
        assert_eq!(without("\u{FEFF}500人\u{200B}以上\u{00A0}\t", &hidden), "500人以上");
        // A space inside that the choice has too is the choice's own.
        assert!(invisible_chars("課題が　残されている", "課題が　残されている").is_empty());
        assert!(invisible_chars("十分である", "十分である").is_empty());
        assert_eq!(invisible_chars("\u{3000}", ""), [(Place::Leading, '\u{3000}')]);
    }
}
