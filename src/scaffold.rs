//! `pia new`: a complete 様式2 draft to fill in, from `templates/new.yaml.j2`.
//!
//! Every item of the form is present, preceded by a comment naming it, listing its choices and
//! saying what the 記載要領 asks. Required items the command line does not give are left empty,
//! so the draft loads with nothing but `missing-field` diagnostics, one per item still to write.

use std::path::{Path, PathBuf};

use minijinja::{Environment, Error, ErrorKind, context};

use crate::lang::Lang;
use crate::model::FormKind;
use crate::schema_tree::{SchemaNode, Shape};

/// The draft's template (embedded, so the binary needs no files beside it).
pub const TEMPLATE: &str = include_str!("../templates/new.yaml.j2");

/// What the command line fills in; `None` (or blank) leaves the item empty.
#[derive(Debug, Clone, Copy, Default)]
pub struct NewAssessment<'a> {
    /// 評価実施機関名 (熊本市長).
    pub body: Option<&'a str>,
    /// Ⅰ1① 事務の名称 (国民健康保険に関する事務).
    pub affair: Option<&'a str>,
    /// 評価書番号.
    pub number: Option<&'a str>,
}

/// Where the modeline points: a path relative to the new file inside a project that has the
/// committed schema, or the conventional `schema/kiso-r6.10.schema.json` with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaLink {
    InProject(String),
    Default,
}

impl SchemaLink {
    /// The link for a file about to be written at `file`: the nearest folder at or above the
    /// file's folder holding `schema/kiso-r6.10.schema.json` is the project.
    pub fn for_file(file: &Path) -> Self {
        Self::for_form(file, FormKind::Kiso)
    }

    /// The link for a file of form `kind` about to be written at `file`.
    pub fn for_form(file: &Path, kind: FormKind) -> Self {
        let parent = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let Ok(dir) = std::fs::canonicalize(parent) else {
            return SchemaLink::Default;
        };
        dir.ancestors()
            .enumerate()
            .find(|(_, ancestor)| ancestor.join(crate::schema::schema_path(kind)).is_file())
            .map_or(SchemaLink::Default, |(depth, _)| {
                SchemaLink::InProject(format!("{}{}", "../".repeat(depth), crate::schema::schema_path(kind)))
            })
    }

    fn path(&self) -> &str {
        self.path_for(FormKind::Kiso)
    }

    /// The path the modeline gives, for a file of form `kind`.
    pub fn path_for(&self, kind: FormKind) -> &str {
        match self {
            SchemaLink::InProject(p) => p,
            SchemaLink::Default => crate::schema::schema_path(kind),
        }
    }
}

/// The standard declaration (宣言) of the cover, its subject the organisation the body heads
/// (熊本市 for 熊本市長).
pub fn declaration(body: &str, affair: &str) -> String {
    let subject = crate::rules::declaration_subject(body);
    let affair = affair.trim();
    format!(
        "{subject}は、{affair}における特定個人情報ファイルの取扱いにあたり、特定個人情報ファイルの取扱いが個人のプライバシー等の権利利益に影響を及ぼしかねないことを認識し、特定個人情報の漏えいその他の事態を発生させるリスクを軽減させるために適切な措置を講じ、もって個人のプライバシー等の権利の保護に取り組んでいることを宣言する。"
    )
}

/// The 評価書名 for an affair: 「{affair}　基礎項目評価書」.
pub fn title(affair: &str) -> String {
    format!("{}　基礎項目評価書", affair.trim())
}

/// The draft's text.
pub fn render(values: &NewAssessment<'_>, link: &SchemaLink) -> Result<String, Error> {
    let (body, affair, number) = (given(values.body), given(values.affair), given(values.number));
    // ` value` after `key:`, quoted as YAML needs; nothing when not given.
    let value = |v: Option<String>, indent: usize| {
        v.map_or_else(String::new, |v| format!(" {}", crate::amend::scalar(&v, indent)))
    };
    let mut env = environment();
    env.add_template("new.yaml.j2", TEMPLATE)?;
    let text = env.get_template("new.yaml.j2")?.render(context! {
        schema_path => link.path(),
        schema_in_project => matches!(link, SchemaLink::InProject(_)),
        number => value(number.map(str::to_owned), 2),
        title => value(affair.map(title), 2),
        declaration => value(body.zip(affair).map(|(b, a)| declaration(b, a)), 2),
        body => value(body.map(str::to_owned), 2),
        affair => value(affair.map(str::to_owned), 4),
    })?;
    Ok(text)
}

/// A value given on the command line, trimmed; `None` when blank.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn environment() -> Environment<'static> {
    let mut env = crate::jinja::environment();
    // YAML values arrive already quoted by `amend::scalar`; nothing is escaped again.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.add_function("note", note);
    env
}

/// The comment lines before an item: its name (the schema's `title`), its choices, how to write
/// a check box or a date, and the guidance given in the template.
fn note(pointer: &str, guidance: &str, indent: usize) -> Result<String, Error> {
    let unknown = || Error::new(ErrorKind::InvalidOperation, format!("no item {pointer} in the schema"));
    let node = form(FormKind::Kiso).at_pointer(pointer).ok_or_else(unknown)?;
    let title = crate::schema::item_for_pointer(crate::model::FormKind::Kiso, pointer).ok_or_else(unknown)?;
    let pad = " ".repeat(indent);
    let mut lines = vec![format!("{pad}# {title}")];
    let choices = node.choices();
    let listed: Vec<String> = choices.iter().enumerate().map(|(i, c)| format!("{}) {c}", i + 1)).collect();
    let one_line = listed.join("　");
    if !choices.is_empty() && one_line.chars().count() <= 60 {
        lines.push(format!("{pad}#   選択肢: {one_line}"));
    } else if !choices.is_empty() {
        lines.push(format!("{pad}#   選択肢:"));
        lines.extend(listed.iter().map(|c| format!("{pad}#     {c}")));
    }
    match node.shape() {
        Shape::Bool => lines.push(format!("{pad}#   ［ ］: 印を付けるなら true、付けないなら false")),
        Shape::Date => lines.push(format!("{pad}#   日付: 2025-04-25 または 令和7年4月25日")),
        _ => {}
    }
    if !guidance.is_empty() {
        lines.push(format!("{pad}#   {guidance}"));
    }
    Ok(lines.join("\n"))
}

/// A form's schema as the tree of its items.
fn form(kind: FormKind) -> SchemaNode<'static> {
    SchemaNode::root(crate::schema::schema_value(kind))
}

/// A draft generated from a form's schema alone (every item in the schema's order, one block of
/// each repeated kind): the draft of the forms that have no hand-written template.
pub fn render_from_schema(kind: FormKind, values: &NewAssessment<'_>, link_path: &str) -> String {
    let (body, affair, number) = (given(values.body), given(values.affair), given(values.number));
    let mut given_at: Vec<(String, String)> = Vec::new();
    given_at.push(("/form".into(), kind.label().into()));
    if let Some(current) = kind.current() {
        given_at.push(("/revision".into(), current.revision.label().into()));
    }
    if let Some(n) = number {
        given_at.push(("/cover/number".into(), n.into()));
    }
    if let Some(a) = affair {
        given_at.push(("/cover/title".into(), format!("{}　{}", a, kind.title())));
        given_at.push(("/basic_info/affair/name".into(), a.into()));
    }
    if let Some(b) = body {
        given_at.push(("/cover/body".into(), b.into()));
    }
    if let (Some(b), Some(a)) = (body, affair) {
        given_at.push(("/cover/declaration".into(), declaration(b, a)));
    }
    let mut out = vec![
        format!("# yaml-language-server: $schema={link_path}"),
        format!(
            "# {}（{}）の記入用の下書き（pia new）。各項目の上のコメントが様式の項目名と選択肢です。",
            kind.title(),
            kind.label()
        ),
        "# 空欄の項目は pia validate が1つずつ示します。繰り返しの欄（ファイル、委託事項など）は1つずつ入っています。"
            .to_owned(),
    ];
    draft_object(form(kind), "", 0, &given_at, &mut out);
    out.join("\n") + "\n"
}

/// The lines of an object's properties at `indent`, each under its comment.
fn draft_object(node: SchemaNode<'_>, pointer: &str, indent: usize, given: &[(String, String)], out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    for (key, child) in node.properties() {
        let here = format!("{pointer}/{key}");
        if let Some(title) = child.title() {
            out.push(format!("{pad}# {title}"));
        }
        let listed: Vec<String> = child.choices().iter().enumerate().map(|(i, c)| format!("{}) {c}", i + 1)).collect();
        if !listed.is_empty() {
            out.push(format!("{pad}#   選択肢: {}", listed.join("　")));
        }
        if let Some(value) = given.iter().find(|(p, _)| *p == here).map(|(_, v)| v) {
            out.push(format!("{pad}{key}: {}", crate::amend::scalar(value, indent)));
            continue;
        }
        match child.shape() {
            Shape::List => {
                out.push(format!("{pad}{key}:"));
                if let Some(heading) = child.block_heading(0) {
                    out.push(format!(
                        "{pad}  # {heading}（増やすときは、この「-」の行から次の「-」の前までを写して続けます）"
                    ));
                }
                out.push(format!("{pad}  -"));
                if let Some(element) = child.element().filter(|e| e.shape() == Shape::Object) {
                    draft_object(element, &format!("{here}/0"), indent + 4, given, out);
                }
            }
            Shape::Bool => out.push(format!("{pad}{key}: false")),
            Shape::Object => {
                out.push(format!("{pad}{key}:"));
                draft_object(child, &here, indent + 2, given, out);
            }
            _ => out.push(format!("{pad}{key}:")),
        }
    }
}

/// Why `pia new` did not write the file.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    #[error("{0}")]
    Exists(String),
    #[error("{0}")]
    Write(String),
    #[error("internal error in the template: {0}")]
    Template(#[from] Error),
}

/// Writes the draft of form `kind` to `path` atomically, refusing to replace anything there.
pub fn write_new(path: &Path, kind: FormKind, values: &NewAssessment<'_>, lang: Lang) -> Result<PathBuf, NewError> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(NewError::Exists(lang.pick(
            format!("{} は既にあります。上書きしないので、別の名前を指定してください", path.display()),
            format!("{} already exists; pia new never overwrites, choose another name", path.display()),
        )));
    }
    let link = SchemaLink::for_form(path, kind);
    let text = match kind {
        FormKind::Kiso => render(values, &link)?,
        FormKind::Juten | FormKind::Zenkomoku => render_from_schema(kind, values, link.path_for(kind)),
    };
    crate::fsutil::atomic_write(path, text.as_bytes()).map_err(|e| {
        NewError::Write(lang.pick(
            format!("{} に書き込めません（{e}）", path.display()),
            format!("cannot write {} ({e})", path.display()),
        ))
    })?;
    Ok(path.to_owned())
}

/// `docs/forms.md`: for each form, every item in the schema's order with how sure its label is
/// (`x-pia-tag`: V read in a published copy, P partly, U a reconstruction; forms-3-4.md) and
/// whether it is a ※ item, so a user knows what to compare with the official Excel.
pub fn forms_doc() -> String {
    let mut out = vec![
        "# The forms' items (生成: `cargo test` keeps this file equal to the model)".to_owned(),
        String::new(),
        "Every item pia models, in the form's order, named as the schema's `title`. **Tag**: how sure the label and position are — V read in a published copy of this form, P partly verified, U a reconstruction (`../shared/spec/forms-3-4.md`; every 様式2 label is read in the seed, `regulation.md` §3); `pia` marks what pia keeps beside the form and never prints. **※**: an item the form marks ※.".to_owned(),
    ];
    for kind in FormKind::ALL {
        out.push(String::new());
        out.push(format!("## {}（{}）", kind.label(), kind.title()));
        out.push(String::new());
        out.push("| item | YAML | tag | ※ |".to_owned());
        out.push("|---|---|---|---|".to_owned());
        // 様式2's labels are all read in the published seed; 様式3 and 様式4 tag each item.
        let default_tag = match kind {
            FormKind::Kiso => "V",
            FormKind::Juten | FormKind::Zenkomoku => "—",
        };
        doc_rows(form(*kind), "", default_tag, &mut out);
    }
    out.join("\n") + "\n"
}

fn doc_rows(node: SchemaNode<'_>, path: &str, default_tag: &str, out: &mut Vec<String>) {
    for (key, child) in node.properties() {
        let here = if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
        let tag = child.tag().unwrap_or(default_tag);
        let important = if child.is_important() { "※" } else { "" };
        let (inner, here) = match child.shape() {
            Shape::List => (child.element().unwrap_or(child), format!("{here}[]")),
            _ => (child, here),
        };
        let container = inner.shape() == Shape::Object;
        if let Some(title) = child.title().filter(|_| !container || tag != default_tag) {
            out.push(format!("| {} | `{here}` | {tag} | {important} |", title.replace('|', "\\|")));
        }
        if container {
            // A tag on a block holds for its items (the 表紙 of 様式3 is V, its 変更箇所 P).
            doc_rows(inner, &here, tag, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::codes;
    use serde_json::Value;

    fn draft(values: NewAssessment<'_>) -> String {
        render(&values, &SchemaLink::Default).expect("render")
    }

    fn load(text: &str) -> crate::load::Loaded {
        crate::load::load_str("new.yaml", text, Lang::Ja)
    }

    #[test]
    fn starts_with_the_modeline() {
        let text = draft(NewAssessment::default());
        assert!(text.starts_with("# yaml-language-server: $schema=schema/kiso-r6.10.schema.json\n"), "{text}");
        let linked =
            render(&NewAssessment::default(), &SchemaLink::InProject("../schema/kiso-r6.10.schema.json".into()))
                .expect("render");
        assert!(
            linked.starts_with("# yaml-language-server: $schema=../schema/kiso-r6.10.schema.json\n#\n"),
            "{linked}"
        );
    }

    #[test]
    fn an_empty_draft_reports_only_missing_fields_each_at_its_line() {
        let text = draft(NewAssessment::default());
        let loaded = load(&text);
        assert!(!loaded.diagnostics.is_empty());
        let lines: Vec<&str> = text.lines().collect();
        for d in &loaded.diagnostics {
            assert_eq!(d.code, codes::MISSING_FIELD, "{d:?}");
            if let Some(line) = d.line() {
                let written = lines.get(line - 1).copied().unwrap_or_default();
                assert!(written.trim_end().ends_with(':'), "line {line} is not an empty item: {written}");
            }
        }
    }

    #[test]
    fn command_line_values_are_filled_in() {
        let text = draft(NewAssessment {
            body: Some("熊本市長"),
            affair: Some("国民健康保険に関する事務"),
            number: Some("12"),
        });
        let loaded = load(&text);
        let value = loaded.value.expect("parses");
        assert_eq!(value.pointer("/cover/number"), Some(&Value::from("12")));
        assert_eq!(value.pointer("/cover/body"), Some(&Value::from("熊本市長")));
        assert_eq!(value.pointer("/cover/title"), Some(&Value::from("国民健康保険に関する事務　基礎項目評価書")));
        assert_eq!(value.pointer("/related_info/affair/name"), Some(&Value::from("国民健康保険に関する事務")));
        let declaration = value.pointer("/cover/declaration").and_then(Value::as_str).expect("declaration");
        assert!(declaration.starts_with("熊本市は、国民健康保険に関する事務における"), "{declaration}");
        assert!(declaration.ends_with("取り組んでいることを宣言する。"));
        assert!(loaded.diagnostics.iter().all(|d| d.code == codes::MISSING_FIELD), "{:?}", loaded.diagnostics);
        assert!(!loaded.diagnostics.iter().any(|d| d.path == "cover.declaration" || d.path == "cover.number"));
    }

    #[test]
    fn the_declaration_names_the_organisation_or_the_body() {
        assert!(declaration("熊本市長", "x").starts_with("熊本市は、xにおける"));
        assert!(declaration("○○県知事", "x").starts_with("○○県は、"));
        assert!(declaration("○○市教育委員会", "x").starts_with("○○市教育委員会は、"));
    }

    #[test]
    fn hostile_values_read_back_as_given() {
        let hostile = [
            "a: b #c",
            "\"quotes\"",
            "line one\nline two",
            "- x",
            "012",
            "[1, 2]",
            "{a: 1}",
            "&anchor",
            "*alias",
            "true",
            "null",
            "'single'",
            "  spaced  ",
            "tab\there",
            "#hash",
            "x\n  indented",
            "end:",
        ];
        for h in hostile {
            let text = draft(NewAssessment { body: Some(h), affair: Some(h), number: Some(h) });
            let loaded = load(&text);
            let value = loaded.value.unwrap_or_else(|| panic!("{h:?} breaks the YAML: {:?}", loaded.diagnostics));
            let expect = h.trim();
            for pointer in ["/cover/body", "/cover/number", "/related_info/affair/name"] {
                assert_eq!(value.pointer(pointer).and_then(Value::as_str), Some(expect), "{h:?} at {pointer}");
            }
            assert!(
                loaded.diagnostics.iter().all(|d| d.code == codes::MISSING_FIELD),
                "{h:?}: {:?}",
                loaded.diagnostics
            );
        }
    }

    #[test]
    fn blank_values_are_left_empty() {
        let text = draft(NewAssessment { body: Some("  "), affair: None, number: Some("") });
        let value = load(&text).value.expect("parses");
        assert_eq!(value.pointer("/cover/body"), Some(&Value::Null));
        assert_eq!(value.pointer("/cover/number"), Some(&Value::Null));
        assert_eq!(value.pointer("/cover/declaration"), Some(&Value::Null));
    }

    #[test]
    fn every_item_has_its_comment() {
        let text = draft(NewAssessment::default());
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            if t.starts_with('#') || t.is_empty() {
                continue;
            }
            let above = lines[..i].iter().rev().take_while(|l| l.trim_start().starts_with('#')).count();
            assert!(above > 0, "no comment above line {}: {line}", i + 1);
        }
        assert!(text.contains("# Ⅱ 1. 対象人数\n"), "{text}");
        assert!(text.contains("#   選択肢:\n    #     1) 1,000人未満（任意実施）\n"), "{text}");
        assert!(text.contains("#   選択肢: 1) 500人以上　2) 500人未満\n"), "{text}");
        assert!(text.contains("# 表紙 特記事項\n  #   任意。"), "{text}");
    }

    #[test]
    fn unknown_items_in_the_template_are_errors() {
        assert!(note("/cover/nope", "", 0).is_err());
        assert!(note("/cover/number", "x", 2).is_ok_and(|n| n.starts_with("  # 表紙 評価書番号")));
    }

    #[test]
    fn the_schema_link_is_relative_inside_a_project() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("schema")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("assessments/sub")).expect("mkdir");
        std::fs::write(dir.path().join(crate::schema::schema_path(FormKind::Kiso)), "{}").expect("write");
        assert_eq!(
            SchemaLink::for_file(&dir.path().join("assessments/sub/x.yaml")),
            SchemaLink::InProject("../../schema/kiso-r6.10.schema.json".into())
        );
        assert_eq!(
            SchemaLink::for_file(&dir.path().join("x.yaml")),
            SchemaLink::InProject("schema/kiso-r6.10.schema.json".into())
        );
        let outside = tempfile::tempdir().expect("tempdir");
        assert_eq!(SchemaLink::for_file(&outside.path().join("x.yaml")), SchemaLink::Default);
    }
}
