//! `pia new`: the draft is complete, loads with only missing-field, and fills in to a valid file.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use serde_json::Value;

const BODY: &str = "○○市長";
const AFFAIR: &str = "住民基本台帳に関する事務";

fn new_draft(dir: &Path, extra: &[&str]) -> (std::process::Output, std::path::PathBuf) {
    let path = dir.join("x.yaml");
    let mut args: Vec<std::ffi::OsString> = vec!["new".into(), path.clone().into()];
    args.extend(extra.iter().map(Into::into));
    (pia(args), path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read draft")
}

fn validate_json(path: &Path) -> (i32, Value) {
    let out = pia(["validate".as_ref(), "--format".as_ref(), "json".as_ref(), path.as_os_str()]);
    (code(&out), json(&out))
}

/// The dotted path of every `key:` line of a YAML text, by indentation (block mappings only).
/// Lines of the commented example after `history: []` count as keys of a `history[]` row.
fn scaffold_keys(text: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut in_history_example = false;
    for line in text.lines() {
        if line.starts_with("history: []") {
            keys.insert("history".to_owned());
            in_history_example = true;
            continue;
        }
        if in_history_example {
            let Some(rest) = line.strip_prefix('#') else {
                continue;
            };
            let rest = rest.trim_start().trim_start_matches("- ");
            if let Some((key, _)) =
                rest.split_once(':').filter(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            {
                keys.insert(format!("history[].{key}"));
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let Some((key, _)) = trimmed.split_once(':') else {
            continue;
        };
        if !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            continue;
        }
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let path = match stack.last() {
            Some((_, parent)) => format!("{parent}.{key}"),
            None => key.to_owned(),
        };
        keys.insert(path.clone());
        stack.push((indent, path));
    }
    keys
}

/// Every property of the schema, as dotted paths (`history[].date`); the `{text, withheld}` form
/// of a text is a way of writing a value, not an item, so it is not walked into.
fn schema_keys() -> BTreeSet<String> {
    use pia::schema_tree::{SchemaNode, Shape};
    fn walk(node: SchemaNode<'_>, path: &str, out: &mut BTreeSet<String>) {
        for (key, child) in node.properties() {
            let child_path = if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
            out.insert(child_path.clone());
            match child.shape() {
                Shape::Object => walk(child, &child_path, out),
                Shape::List => {
                    if let Some(element) = child.element().filter(|e| e.shape() == Shape::Object) {
                        walk(element, &format!("{child_path}[]"), out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(SchemaNode::root(pia::schema::schema_value(pia::model::FormKind::Kiso)), "", &mut out);
    out
}

#[test]
fn the_draft_has_every_item_of_the_schema_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, path) = new_draft(dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let in_draft = scaffold_keys(&read(&path));
    let in_schema = schema_keys();
    assert!(in_schema.len() > 60, "the schema walk found too little: {in_schema:?}");
    let missing: Vec<_> = in_schema.difference(&in_draft).collect();
    let unknown: Vec<_> = in_draft.difference(&in_schema).collect();
    assert!(missing.is_empty(), "items of the schema missing from templates/new.yaml.j2: {missing:?}");
    assert!(unknown.is_empty(), "keys in the draft that the schema does not have: {unknown:?}");
}

#[test]
fn the_draft_reports_only_missing_fields_each_at_an_empty_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, path) = new_draft(dir.path(), &["--body", BODY, "--affair", AFFAIR, "--number", "1"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("pia validate"), "{}", stdout(&out));
    let text = read(&path);
    let lines: Vec<&str> = text.lines().collect();
    let (exit, report) = validate_json(&path);
    assert_eq!(exit, 1);
    let diagnostics = report["files"][0]["diagnostics"].as_array().expect("diagnostics");
    assert!(!diagnostics.is_empty());
    let mut located = 0;
    for d in diagnostics {
        assert_eq!(d["code"], "missing-field", "{d}");
        if let Some(line) = d["line"].as_u64() {
            located += 1;
            let written = lines[line as usize - 1];
            assert!(written.trim_end().ends_with(':'), "line {line} is not an empty item: {written}");
            assert!(d["item"].as_str().is_some_and(|i| !i.is_empty()), "{d}");
        }
    }
    assert!(located >= 10, "{report:#}");
    // What the command line gave is not reported.
    for given in ["cover.number", "cover.title", "cover.declaration", "cover.body", "related_info.affair.name"] {
        assert!(!diagnostics.iter().any(|d| d["path"] == given), "{given} is reported");
    }
}

/// The value a test officer writes into each required item.
fn answer(path: &str) -> Option<&'static str> {
    Some(match path {
        "cover.published"
        | "threshold_items.subjects.as_of"
        | "threshold_items.handlers.as_of"
        | "last_assessment.date" => "2025-04-01",
        "related_info.affair.summary" => "住民基本台帳法に基づき、住民の居住関係を公証する。",
        "related_info.affair.systems" => "住民基本台帳システム",
        "related_info.file_name" => "住民基本台帳ファイル",
        "related_info.number_use_basis" => "番号法第9条第1項　別表の1の項",
        "related_info.network_linkage.status" => "実施しない",
        "related_info.department.name" => "○○市市民局　市民課",
        "related_info.department.head_title" => "市民課長",
        "related_info.other_bodies" => "－",
        "related_info.disclosure_contact" => "○○市　総務課　情報公開窓口",
        "related_info.inquiry_contact" => "○○市　市民課",
        "threshold_items.subjects.band" => "1万人以上10万人未満",
        "threshold_items.handlers.band" => "500人未満",
        "threshold_items.incident" => "発生なし",
        "threshold_result" => "基礎項目評価の実施が義務付けられる",
        "risk_measures.submitted" => "基礎項目評価書",
        "risk_measures.acquisition"
        | "risk_measures.use.linkage"
        | "risk_measures.use.unauthorized_use"
        | "risk_measures.storage" => "十分である",
        "risk_measures.training" => "十分に行っている",
        "last_assessment.kind" => "実施",
        _ => return None,
    })
}

/// Replaces every empty `key:` line that [`answer`] knows with `key: value`.
fn fill_in(text: &str) -> String {
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut out = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let mut written = line.to_owned();
        if !trimmed.starts_with('#')
            && let Some((key, rest)) = trimmed.split_once(':')
        {
            while stack.last().is_some_and(|(i, _)| *i >= indent) {
                stack.pop();
            }
            let path = match stack.last() {
                Some((_, parent)) => format!("{parent}.{key}"),
                None => key.to_owned(),
            };
            if rest.trim().is_empty()
                && let Some(value) = answer(&path)
            {
                written = format!("{line} {value}");
            }
            stack.push((indent, path));
        }
        out.push_str(&written);
        out.push('\n');
    }
    out
}

#[test]
fn filling_in_the_empty_items_makes_it_valid() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, path) = new_draft(dir.path(), &["--body", BODY, "--affair", AFFAIR, "--number", "1"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let filled = fill_in(&read(&path));
    std::fs::write(&path, &filled).expect("write filled");
    let (exit, report) = validate_json(&path);
    assert_eq!(exit, 0, "{report:#}\n{filled}");
    // The rules find no error either: the pre-filled title and declaration match the body and affair.
    let check = pia([
        "check".as_ref(),
        "--today".as_ref(),
        "2025-05-01".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    let codes: Vec<String> = codes_and_lines(&json(&check)).into_iter().map(|(c, _)| c).collect();
    assert!(!codes.iter().any(|c| c == "declaration-body-mismatch" || c == "title-affair-mismatch"), "{codes:?}");
}

#[test]
fn hostile_values_are_quoted_and_read_back_as_given() {
    for value in
        ["a: b #c", "\"quotes\"", "line one\nline two", "- x", "012", "{x: 1}", "*alias", "yes", "# not a comment"]
    {
        let dir = tempfile::tempdir().expect("tempdir");
        // `--flag=value`, so a value starting with `-` is not read as a flag.
        let (body, affair, number) =
            (format!("--body={value}"), format!("--affair={value}"), format!("--number={value}"));
        let (out, path) = new_draft(dir.path(), &[&body, &affair, &number]);
        assert_eq!(code(&out), 0, "{value:?}: {}", stderr(&out));
        let loaded = pia::load::load_file(&path, pia::lang::Lang::En).expect("load");
        let doc = loaded.value.as_ref().unwrap_or_else(|| panic!("{value:?} broke the YAML: {:?}", loaded.diagnostics));
        for pointer in ["/cover/number", "/cover/body", "/related_info/affair/name"] {
            assert_eq!(
                doc.pointer(pointer).and_then(Value::as_str),
                Some(value),
                "{value:?} at {pointer}\n{}",
                read(&path)
            );
        }
        assert_eq!(
            doc.pointer("/cover/title").and_then(Value::as_str),
            Some(format!("{value}　基礎項目評価書").as_str())
        );
        assert!(
            loaded.diagnostics.iter().all(|d| d.code.name == "missing-field"),
            "{value:?}: {:?}",
            loaded.diagnostics
        );
    }
}

#[test]
fn the_declaration_is_the_standard_sentence_for_the_organisation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, path) =
        new_draft(dir.path(), &["--body", "熊本市長", "--affair", "国民健康保険に関する事務", "--number", "12"]);
    assert_eq!(code(&out), 0);
    let loaded = pia::load::load_file(&path, pia::lang::Lang::Ja).expect("load");
    let doc = loaded.value.expect("parses");
    assert_eq!(
        doc.pointer("/cover/declaration").and_then(Value::as_str),
        Some(
            "熊本市は、国民健康保険に関する事務における特定個人情報ファイルの取扱いにあたり、特定個人情報ファイルの取扱いが個人のプライバシー等の権利利益に影響を及ぼしかねないことを認識し、特定個人情報の漏えいその他の事態を発生させるリスクを軽減させるために適切な措置を講じ、もって個人のプライバシー等の権利の保護に取り組んでいることを宣言する。"
        )
    );
    assert_eq!(doc.pointer("/cover/title").and_then(Value::as_str), Some("国民健康保険に関する事務　基礎項目評価書"));
    assert_eq!(doc.pointer("/form").and_then(Value::as_str), Some("様式2"));
    assert_eq!(doc.pointer("/revision").and_then(Value::as_str), Some("令和6年10月"));
}

#[test]
fn without_values_the_cover_is_left_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, path) = new_draft(dir.path(), &["--body", BODY]);
    assert_eq!(code(&out), 0);
    let doc = pia::load::load_file(&path, pia::lang::Lang::Ja).expect("load").value.expect("parses");
    // Without the affair the declaration cannot be written: left for the officer.
    for pointer in ["/cover/declaration", "/cover/title", "/cover/number", "/related_info/affair/name"] {
        assert_eq!(doc.pointer(pointer), Some(&Value::Null), "{pointer}");
    }
}

#[test]
fn never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.yaml");
    std::fs::write(&path, "keep me").expect("write");
    let out = pia(["new".as_ref(), path.as_os_str()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("x.yaml"), "{}", stderr(&out));
    assert_eq!(read(&path), "keep me");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1, "no temporary file left");
}

#[test]
fn a_missing_folder_cannot_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = pia(["new".as_ref(), dir.path().join("no/such/x.yaml").as_os_str()]);
    assert_eq!(code(&out), 2);
}

#[test]
fn the_modeline_points_to_the_schema() {
    // Outside the project: the conventional path, with a hint on the next line.
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, path) = new_draft(dir.path(), &[]);
    let text = read(&path);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("# yaml-language-server: $schema=schema/kiso-r6.10.schema.json"));
    assert!(lines.next().is_some_and(|l| l.starts_with("# ") && l.contains("pia schema")), "{text}");

    // Inside the project (two folders down): relative to the file.
    let target = root().join("target");
    std::fs::create_dir_all(&target).expect("target dir");
    let inside = tempfile::tempdir_in(&target).expect("tempdir in the project");
    let (_, path) = new_draft(inside.path(), &[]);
    let first = read(&path).lines().next().map(str::to_owned);
    assert_eq!(first.as_deref(), Some("# yaml-language-server: $schema=../../schema/kiso-r6.10.schema.json"));
}
