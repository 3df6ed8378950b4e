//! The rules across files for a pair: a 様式2 whose Ⅳ1 says 基礎+重点 (基礎+全項目) and the 様式3
//! (様式4) of the same 評価実施機関 and 評価書番号 (`paired-assessment-missing`,
//! `paired-assessment-mismatch`), in `check`, `list` and `report` given several files or a folder.
//! Each case has its passing side (the samples as they are) and its failing side (one edit).

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const TODAY: &str = "2025-05-01";
const KISO: &str = "kokuho-kiso.yaml";
const JUTEN: &str = "kokuho-juten.yaml";
const JUKI_KISO: &str = "juki-kiso.yaml";
const ZENKOMOKU: &str = "juki-zenkomoku.yaml";

fn sample(name: &str) -> PathBuf {
    root().join("assessments/examples").join(name)
}

/// How a test edits a sample's text.
type Edit<'a> = &'a dyn Fn(String) -> String;

/// A folder with the given files, each a sample (by name) edited.
fn folder(files: &[(&str, &str, Edit<'_>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (src, name, edit) in files {
        let text = std::fs::read_to_string(sample(src)).expect("read sample");
        std::fs::write(dir.path().join(name), edit(text)).expect("write");
    }
    // The 様式4 sample's figure, which its (別添1) names beside it.
    let figure = "juki-zenkomoku-flow.svg";
    std::fs::copy(sample(figure), dir.path().join(figure)).expect("copy the figure");
    dir
}

fn same(t: String) -> String {
    t
}

fn renumber(t: String) -> String {
    t.replacen("  number: \"5\"", "  number: \"6\"", 1)
}

/// The 住民基本台帳 pair's number 3 made 4.
fn renumber_juki(t: String) -> String {
    t.replacen("  number: \"3\"", "  number: \"4\"", 1)
}

/// The 1-based line of the first line of `file` starting (after indentation) with `start`.
fn line_of(file: &Path, start: &str) -> u64 {
    let text = std::fs::read_to_string(file).expect("read");
    text.lines().position(|l| l.trim_start().starts_with(start)).map(|i| i as u64 + 1).expect("line")
}

fn check(dir: &Path) -> (i32, Value) {
    let out = pia_in(dir, ["check", ".", "--today", TODAY, "--format", "json", "--lang", "en"]);
    (code(&out), json(&out))
}

/// (code, line) of the pairing findings of one file in `check --format json`.
fn pairing_of(report: &Value, file: &str) -> Vec<(String, u64)> {
    report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("paired-")))
        .map(|d| (d["code"].as_str().unwrap_or_default().to_owned(), d["line"].as_u64().unwrap_or(0)))
        .collect()
}

fn list(dir: &Path) -> (i32, Value) {
    let out = pia([
        "list".as_ref(),
        dir.as_os_str(),
        "--today".as_ref(),
        TODAY.as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    (code(&out), json(&out))
}

fn note_of(report: &Value, file: &str) -> String {
    report["assessments"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["path"] == file)
        .and_then(|r| r["note"].as_str())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_pair_of_samples_is_clean_in_check_list_and_report() {
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, JUTEN, &same)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 0, "{report:#}");
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    let (exit, report) = list(dir.path());
    assert_eq!(exit, 0, "{report:#}");
    let out_dir = tempfile::tempdir().expect("tempdir");
    let md = out_dir.path().join("r.md");
    let out = pia([
        "report".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        md.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "--today".as_ref(),
        TODAY.as_ref(),
    ]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    // No finding (a finding's code is shown as code); the pair table names the rule it reads.
    let text = std::fs::read_to_string(&md).expect("report");
    assert!(!text.contains("`paired-assessment-"), "{text}");
    assert!(text.contains("（paired-assessment-mismatch）で照合した結果"), "{text}");
}

#[test]
fn a_kiso_without_its_juten_is_reported_at_iv1_when_the_body_keeps_juten_files() {
    // 見本市長's 様式3 number 6 is there, the 様式3 of number 5 is not.
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, "other-juten.yaml", &renumber)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 1, "{report:#}");
    let iv1 = line_of(&dir.path().join(KISO), "submitted:");
    assert_eq!(pairing_of(&report, KISO), vec![("paired-assessment-missing".to_owned(), iv1)], "{report:#}");
    // …and the 様式3 of number 6 has no 様式2: at its 評価書番号.
    let number = line_of(&dir.path().join("other-juten.yaml"), "number:");
    assert_eq!(pairing_of(&report, "other-juten.yaml"), vec![("paired-assessment-missing".to_owned(), number)]);
    let (exit, listed) = list(dir.path());
    assert_eq!(exit, 1, "{listed:#}");
    assert!(note_of(&listed, KISO).contains("paired-assessment-missing"), "{listed:#}");
    assert!(note_of(&listed, "other-juten.yaml").contains("paired-assessment-missing"), "{listed:#}");
    // The human output prints the finding inside the file's own part, as the other findings.
    let out = pia_in(dir.path(), ["check", ".", "--today", TODAY, "--lang", "en"]);
    assert!(stdout(&out).contains("paired-assessment-missing"), "{}", stdout(&out));
    // One file alone cannot see its pair: nothing across files.
    let out = pia_in(dir.path(), ["check", KISO, "--today", TODAY, "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_kiso_whose_body_keeps_no_juten_here_is_not_asked_for_it() {
    // The seed (熊本市長, 基礎+重点) and the 見本市 様式2 without any 様式3 of either body.
    let dir = folder(&[(KISO, KISO, &same), (KISO, "six.yaml", &renumber)]);
    std::fs::copy(seed(), dir.path().join("seed.yaml")).expect("copy seed");
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 0, "{report:#}");
    let (exit, listed) = list(dir.path());
    assert_eq!(exit, 0, "{listed:#}");
    // The repository's folder: the seed's 重点 is published elsewhere.
    let out = pia(["check", "assessments", "--today", TODAY]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_different_subjects_band_is_reported_at_the_juten_line() {
    let band = |t: String| t.replacen("    subjects: 10万人以上30万人未満", "    subjects: 30万人以上", 1);
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, JUTEN, &band)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 1, "{report:#}");
    let line = line_of(&dir.path().join(JUTEN), "subjects:");
    assert_eq!(pairing_of(&report, JUTEN), vec![("paired-assessment-mismatch".to_owned(), line)], "{report:#}");
    assert!(pairing_of(&report, KISO).is_empty());
    let message = report.to_string();
    assert!(message.contains(KISO) && message.contains("10万人以上30万人未満"), "names the 様式2 and its value");
    let (exit, listed) = list(dir.path());
    assert_eq!(exit, 1);
    assert!(note_of(&listed, JUTEN).contains("paired-assessment-mismatch"), "{listed:#}");
}

#[test]
fn a_different_affair_name_is_reported_at_the_juten_line() {
    let name = |t: String| t.replacen("    name: 国民健康保険に関する事務", "    name: 後期高齢者医療に関する事務", 1);
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, JUTEN, &name)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 1, "{report:#}");
    let line = line_of(&dir.path().join(JUTEN), "name: 後期高齢者医療");
    assert_eq!(pairing_of(&report, JUTEN), vec![("paired-assessment-mismatch".to_owned(), line)], "{report:#}");
}

#[test]
fn a_different_threshold_result_is_reported_at_the_juten_line() {
    let result = |t: String| {
        t.replacen(
            "    result: 基礎項目評価及び重点項目評価の実施が義務付けられる",
            "    result: 基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
            1,
        )
    };
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, JUTEN, &result)]);
    let (_, report) = check(dir.path());
    let line = line_of(&dir.path().join(JUTEN), "result: 基礎項目評価の実施");
    assert_eq!(pairing_of(&report, JUTEN), vec![("paired-assessment-mismatch".to_owned(), line)], "{report:#}");
}

#[test]
fn a_kiso_only_kiso_needs_no_juten_but_contradicts_one() {
    let kiso_only =
        |t: String| t.replacen("  submitted: 基礎項目評価書及び重点項目評価書", "  submitted: 基礎項目評価書", 1);
    // Another number, 基礎 only, beside the pair: nothing across files.
    let other = |t: String| kiso_only(renumber(t));
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, JUTEN, &same), (KISO, "kiso-only.yaml", &other)]);
    let (_, report) = check(dir.path());
    assert!(pairing_of(&report, "kiso-only.yaml").is_empty(), "{report:#}");
    assert!(pairing_of(&report, KISO).is_empty() && pairing_of(&report, JUTEN).is_empty(), "{report:#}");
    // The same number as a 様式3 while Ⅳ1 says 基礎 only: at the 様式2's Ⅳ1.
    let dir = folder(&[(KISO, KISO, &kiso_only), (JUTEN, JUTEN, &same)]);
    let (_, report) = check(dir.path());
    let iv1 = line_of(&dir.path().join(KISO), "submitted:");
    assert_eq!(pairing_of(&report, KISO), vec![("paired-assessment-mismatch".to_owned(), iv1)], "{report:#}");
}

#[test]
fn report_shows_the_missing_pair() {
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, "other-juten.yaml", &renumber)]);
    let out_dir = tempfile::tempdir().expect("tempdir");
    let md = out_dir.path().join("r.md");
    let out = pia([
        "report".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        md.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "--today".as_ref(),
        TODAY.as_ref(),
    ]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(std::fs::read_to_string(&md).expect("report").contains("paired-assessment-missing"));
}

#[test]
fn the_codes_are_registered_and_documented() {
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("rules.md");
    for name in ["paired-assessment-missing", "paired-assessment-mismatch"] {
        assert_eq!(pia::rules::all_codes().filter(|c| c.name == name).count(), 1, "{name}");
        assert!(docs.lines().any(|l| l == format!("## {name}")), "{name}");
    }
}

// ---- 様式2 and 様式4 ----

#[test]
fn the_zenkomoku_pair_of_samples_is_clean_in_check_list_and_report() {
    let dir = folder(&[(JUKI_KISO, JUKI_KISO, &same), (ZENKOMOKU, ZENKOMOKU, &same)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 0, "{report:#}");
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
    let (exit, listed) = list(dir.path());
    assert_eq!(exit, 0, "{listed:#}");
    assert!(note_of(&listed, ZENKOMOKU).is_empty(), "{listed:#}");
    // Both pairs of samples side by side: nothing across them.
    let dir = folder(&[
        (JUKI_KISO, JUKI_KISO, &same),
        (ZENKOMOKU, ZENKOMOKU, &same),
        (KISO, KISO, &same),
        (JUTEN, JUTEN, &same),
    ]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 0, "{report:#}");
}

#[test]
fn a_kiso_without_its_zenkomoku_and_a_zenkomoku_without_its_kiso() {
    let dir = folder(&[(JUKI_KISO, JUKI_KISO, &same), (ZENKOMOKU, "other.yaml", &renumber_juki)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 1, "{report:#}");
    let iv1 = line_of(&dir.path().join(JUKI_KISO), "submitted:");
    assert_eq!(pairing_of(&report, JUKI_KISO), vec![("paired-assessment-missing".to_owned(), iv1)], "{report:#}");
    let number = line_of(&dir.path().join("other.yaml"), "number:");
    assert_eq!(pairing_of(&report, "other.yaml"), vec![("paired-assessment-missing".to_owned(), number)]);
    let message = report.to_string();
    assert!(message.contains("全項目評価書 (様式4)"), "names the form Ⅳ1 asks for: {message}");
    let (exit, listed) = list(dir.path());
    assert_eq!(exit, 1, "{listed:#}");
    assert!(note_of(&listed, JUKI_KISO).contains("paired-assessment-missing"), "{listed:#}");
    // A body that keeps no 様式4 here is not asked for it.
    let dir = folder(&[(JUKI_KISO, JUKI_KISO, &same)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 0, "{report:#}");
}

#[test]
fn a_kiso_that_names_the_other_form_is_reported_at_iv1_not_as_missing() {
    let focused = |t: String| {
        t.replacen("  submitted: 基礎項目評価書及び全項目評価書", "  submitted: 基礎項目評価書及び重点項目評価書", 1)
    };
    let dir = folder(&[(JUKI_KISO, JUKI_KISO, &focused), (ZENKOMOKU, ZENKOMOKU, &same)]);
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 1, "{report:#}");
    let iv1 = line_of(&dir.path().join(JUKI_KISO), "submitted:");
    assert_eq!(pairing_of(&report, JUKI_KISO), vec![("paired-assessment-mismatch".to_owned(), iv1)], "{report:#}");
    assert!(pairing_of(&report, ZENKOMOKU).is_empty(), "{report:#}");
    assert!(report.to_string().contains("基礎項目評価書及び全項目評価書"), "says what Ⅳ1 should be: {report:#}");
    // The 様式3 pair the other way round: a 基礎+全項目 with a 様式3 of its number.
    let full = |t: String| {
        t.replacen("  submitted: 基礎項目評価書及び重点項目評価書", "  submitted: 基礎項目評価書及び全項目評価書", 1)
    };
    let dir = folder(&[(KISO, KISO, &full), (JUTEN, JUTEN, &same)]);
    let (_, report) = check(dir.path());
    let iv1 = line_of(&dir.path().join(KISO), "submitted:");
    assert_eq!(pairing_of(&report, KISO), vec![("paired-assessment-mismatch".to_owned(), iv1)], "{report:#}");
}

#[test]
fn a_zenkomoku_that_differs_from_its_kiso_is_reported_at_its_own_lines() {
    let band = |t: String| t.replacen("    subjects: 30万人以上", "    subjects: 10万人以上30万人未満", 1);
    let name = |t: String| t.replacen("    name: 住民基本台帳に関する事務", "    name: 戸籍に関する事務", 1);
    let result = |t: String| {
        t.replacen(
            "    result: 基礎項目評価及び全項目評価の実施が義務付けられる",
            "    result: 基礎項目評価及び重点項目評価の実施が義務付けられる（任意に全項目評価を実施）",
            1,
        )
    };
    for (edit, start) in [
        (&band as Edit<'_>, "subjects: 10万人以上30万人未満"),
        (&name, "name: 戸籍に関する事務"),
        (&result, "result: 基礎項目評価及び重点項目評価の実施が義務付けられる（"),
    ] {
        let dir = folder(&[(JUKI_KISO, JUKI_KISO, &same), (ZENKOMOKU, ZENKOMOKU, edit)]);
        let (exit, report) = check(dir.path());
        assert_eq!(exit, 1, "{report:#}");
        let line = line_of(&dir.path().join(ZENKOMOKU), start);
        assert_eq!(
            pairing_of(&report, ZENKOMOKU),
            vec![("paired-assessment-mismatch".to_owned(), line)],
            "{start}: {report:#}"
        );
        assert!(pairing_of(&report, JUKI_KISO).is_empty(), "{report:#}");
        assert!(report.to_string().contains(JUKI_KISO), "names the 様式2: {report:#}");
    }
}

/// The codes across files of one file in a `check --format json` report.
fn across_of(report: &Value, file: &str) -> Vec<String> {
    report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .filter(|c| pia::rules::across::CODES.iter().any(|a| a.name == c))
        .collect()
}

#[test]
fn several_files_named_are_checked_across_files_as_a_folder_is() {
    let band = |t: String| t.replacen("    subjects: 10万人以上30万人未満", "    subjects: 30万人以上", 1);
    // Two copies of one 様式2 (a duplicate), and a 様式3 of the same number that differs in Ⅰ1③.
    let dir = folder(&[(KISO, "a.yaml", &same), (KISO, "b.yaml", &same), (JUTEN, "j.yaml", &band)]);
    let dup = "duplicate-assessment-number".to_owned();
    let mismatch = "paired-assessment-mismatch".to_owned();
    for inputs in [vec!["a.yaml", "b.yaml", "j.yaml"], vec!["."]] {
        let mut args = vec!["check", "--today", TODAY, "--format", "json"];
        args.extend(&inputs);
        let out = pia_in(dir.path(), &args);
        assert_eq!(code(&out), 1, "check {inputs:?}: {}", stdout(&out));
        let report = json(&out);
        assert_eq!(across_of(&report, "a.yaml"), vec![dup.clone()], "check {inputs:?}: {report:#}");
        assert_eq!(across_of(&report, "b.yaml"), vec![dup.clone()], "check {inputs:?}: {report:#}");
        assert_eq!(across_of(&report, "j.yaml"), vec![mismatch.clone()], "check {inputs:?}: {report:#}");
        // The human and SARIF output carry them too.
        let mut human = vec!["check", "--today", TODAY];
        human.extend(&inputs);
        assert!(stdout(&pia_in(dir.path(), &human)).contains("duplicate-assessment-number"));
        let mut sarif = vec!["check", "--today", TODAY, "--format", "sarif"];
        sarif.extend(&inputs);
        let sarif = stdout(&pia_in(dir.path(), &sarif));
        assert!(sarif.contains("\"ruleId\": \"duplicate-assessment-number\""), "{sarif}");

        let mut args = vec!["list", "--today", TODAY, "--format", "json"];
        args.extend(&inputs);
        let out = pia_in(dir.path(), &args);
        assert_eq!(code(&out), 1, "list {inputs:?}: {}{}", stdout(&out), stderr(&out));
        let listed = json(&out);
        assert_eq!(listed["assessments"].as_array().map(Vec::len), Some(3), "{listed:#}");
        let note = |file: &str| {
            listed["assessments"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(file)))
                .and_then(|r| r["note"].as_str())
                .unwrap_or_default()
                .to_owned()
        };
        assert!(note("a.yaml").contains("duplicate-assessment-number"), "list {inputs:?}: {listed:#}");
        assert!(note("j.yaml").contains("paired-assessment-mismatch"), "list {inputs:?}: {listed:#}");
    }
    // One file alone has nothing to compare with.
    let out = pia_in(dir.path(), ["check", "--today", TODAY, "--format", "json", "a.yaml"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let out = pia_in(dir.path(), ["list", "--today", TODAY, "--format", "json", "a.yaml"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    // A file list with a missing file cannot run.
    assert_eq!(code(&pia_in(dir.path(), ["list", "a.yaml", "missing.yaml"])), 2);
}

#[test]
fn a_different_publication_date_is_a_warning_at_the_juten_line() {
    let date = |t: String| t.replacen("  published: 令和7年4月1日", "  published: 令和7年4月2日", 1);
    let dir = folder(&[(KISO, KISO, &same), (JUTEN, JUTEN, &date)]);
    let out = pia_in(dir.path(), ["check", ".", "--today", TODAY, "--format", "json", "--lang", "en"]);
    assert_eq!(code(&out), 0, "a warning only: {}", stdout(&out));
    let report = json(&out);
    let line = line_of(&dir.path().join(JUTEN), "published:");
    assert_eq!(pairing_of(&report, JUTEN), vec![("paired-assessment-mismatch".to_owned(), line)], "{report:#}");
    let d = report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .find(|d| d["code"] == "paired-assessment-mismatch")
        .expect("the finding");
    assert_eq!(d["severity"], "warning", "{d:#}");
    assert!(d["message"].as_str().is_some_and(|m| m.contains("2025-04-02") && m.contains("2025-04-01")), "{d:#}");
    let out = pia_in(dir.path(), ["check", ".", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(code(&out), 1);
}

#[test]
fn removing_the_juten_from_a_copy_of_the_examples_leaves_its_kiso_without_its_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let examples = root().join("assessments/examples");
    for entry in std::fs::read_dir(&examples).expect("examples").flatten() {
        let name = entry.file_name();
        if name != "kokuho-juten.yaml" {
            std::fs::copy(entry.path(), dir.path().join(&name)).expect("copy");
        }
    }
    let (exit, report) = check(dir.path());
    assert_eq!(exit, 1, "{report:#}");
    let iv1 = line_of(&dir.path().join(KISO), "submitted:");
    assert_eq!(pairing_of(&report, KISO), vec![("paired-assessment-missing".to_owned(), iv1)], "{report:#}");
    // The body's other pair (様式2 + 様式4) is whole and says nothing.
    assert!(pairing_of(&report, JUKI_KISO).is_empty() && pairing_of(&report, ZENKOMOKU).is_empty(), "{report:#}");
}
