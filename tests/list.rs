//! `pia list`: one row per assessment, sorted by number, duplicates across files, CSV for Excel.

mod common;

use common::*;
use serde_json::Value;

const TODAY: &str = "2025-05-01";

fn list_json(dir: &std::path::Path, extra: &[&str]) -> (i32, Value) {
    let mut args: Vec<std::ffi::OsString> =
        vec!["list".into(), dir.into(), "--today".into(), TODAY.into(), "--format".into(), "json".into()];
    args.extend(extra.iter().map(Into::into));
    let out = pia(args);
    (code(&out), json(&out))
}

fn rows(report: &Value) -> Vec<Value> {
    report["assessments"].as_array().cloned().expect("assessments")
}

#[test]
fn the_seed_has_one_row() {
    let seeds = seed_dir();
    let (exit, report) = list_json(seeds.path(), &[]);
    assert_eq!(exit, 0, "{report:#}");
    let rows = rows(&report);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["number"], "12");
    assert_eq!(row["title"], "国民健康保険に関する事務　基礎項目評価書");
    assert_eq!(row["body"], "熊本市長");
    assert_eq!(row["form"], "様式2");
    assert_eq!(row["revision"], "令和6年10月");
    assert_eq!(row["published"], "2025-04-25");
    assert_eq!(row["published_wareki"], "令和7年4月25日");
    assert_eq!(row["required"], "kiso+juten");
    assert_eq!(row["submitted"], "kiso+juten");
    assert_eq!(row["errors"], 0);
    assert_eq!(row["warnings"], 0);
    assert_eq!(row["annual_review"]["date"], "2026-04-25");
    assert_eq!(row["annual_review"]["passed"], false);
    assert_eq!(row["reassessment"], Value::Null);
    assert_eq!(row["status"], "ok");
    assert_eq!(row["path"], "kumamoto-kokuho-kiso.yaml");

    let table = pia(["list".as_ref(), seeds.path().as_os_str(), "--today".as_ref(), TODAY.as_ref()]);
    assert_eq!(code(&table), 0);
    let text = stdout(&table);
    for expected in [
        "国民健康保険に関する事務",
        "令和7年4月25日",
        "基礎＋重点",
        "令和8年4月25日",
        "—（未記録）",
        "正常",
        "kumamoto-kokuho-kiso.yaml",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn a_copy_with_the_same_number_and_body_is_a_duplicate() {
    let (dir, _) = edited_copy(&seed(), "a.yaml", |t| t);
    std::fs::copy(seed(), dir.path().join("b.yaml")).expect("copy");
    let (exit, report) = list_json(dir.path(), &[]);
    assert_eq!(exit, 1, "{report:#}");
    for row in rows(&report) {
        assert_eq!(row["errors"], 1, "{row:#}");
        assert_eq!(row["status"], "error");
        assert!(row["note"].as_str().is_some_and(|n| n.contains("duplicate-assessment-number")), "{row:#}");
    }
    let table = stdout(&pia(["list".as_ref(), dir.path().as_os_str(), "--today".as_ref(), TODAY.as_ref()]));
    assert!(table.contains("要修正"), "{table}");

    // The same number under another body is not a duplicate.
    std::fs::write(
        dir.path().join("b.yaml"),
        std::fs::read_to_string(seed())
            .expect("seed")
            .replace("body: 熊本市長", "body: 八代市長")
            .replace("　熊本市は", "　八代市は"),
    )
    .expect("write");
    let (exit, report) = list_json(dir.path(), &[]);
    assert_eq!(exit, 0, "{report:#}");
}

#[test]
fn rows_are_sorted_by_number_and_broken_files_say_why() {
    let (exit, report) = list_json(&fixture("list"), &["--lang", "en"]);
    assert_eq!(exit, 1);
    let rows = rows(&report);
    let numbers: Vec<&str> = rows.iter().map(|r| r["number"].as_str().unwrap_or("-")).collect();
    assert_eq!(numbers, ["2", "3", "003", "3", "4", "10", "-"]);
    let by_path = |p: &str| rows.iter().find(|r| r["path"] == p).cloned().unwrap_or_else(|| panic!("no row {p}"));
    assert_eq!(by_path("ok.yaml")["status"], "ok");
    assert_eq!(by_path("warning.yaml")["status"], "warning");
    assert_eq!(by_path("review-due.yaml")["status"], "due");
    assert_eq!(by_path("review-due.yaml")["status_text"], "review due");
    assert_eq!(by_path("review-due.yaml")["reassessment"]["date"], "2026-06-01");
    assert_eq!(by_path("duplicate-a.yaml")["status"], "error");
    assert_eq!(by_path("duplicate-b.yaml")["status"], "error", "003 is the number 3");
    assert_eq!(by_path("other-body/three.yaml")["status"], "ok", "another body may use 3");
    let broken = by_path("broken.yaml");
    assert_eq!(broken["status"], "error");
    assert!(broken["note"].as_str().is_some_and(|n| n.contains("yaml-syntax") && n.contains("line")), "{broken:#}");
}

#[test]
fn csv_opens_in_excel() {
    let out = pia(["list", "tests/fixtures/list", "--today", TODAY, "--format", "csv"]);
    assert_eq!(code(&out), 1);
    let bytes = &out.stdout;
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
    assert!(text.contains("\"住民基本台帳に関する事務, \"\"写し\"\"　基礎項目評価書\""), "quoted: {text}");
    insta::assert_snapshot!(text.trim_start_matches('\u{feff}').replace("\r\n", "\n"));
}

#[test]
fn english_table() {
    let out = pia(["list", "tests/fixtures/list", "--today", TODAY, "--lang", "en"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    for expected in ["number", "status", "fix", "check", "review due", "ok", "— (not recorded)", "as of 2025-05-01"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn cannot_run_without_a_folder_or_with_a_bad_day() {
    assert_eq!(code(&pia(["list", "no/such/folder"])), 2);
    assert_eq!(code(&pia(["list", "assessments", "--today", "2025-02-30"])), 2);
}

#[test]
fn the_code_is_documented_and_in_sarif() {
    assert!(pia::rules::all_codes().any(|c| c.name == "duplicate-assessment-number"));
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs");
    assert!(docs.lines().any(|l| l == "## duplicate-assessment-number"));
}
