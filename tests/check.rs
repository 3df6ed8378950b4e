//! `pia check` and `pia threshold`: every rule's fixtures, the seed, the calculator, SARIF.

mod common;

use std::collections::HashSet;

use common::*;
use pia::rules::{RULES, all_codes};

const TODAY: &str = "2025-05-01";

/// Runs `pia check` on a fixture; a `previous.yaml` beside it is passed as `--previous`.
fn check_args(path: &std::path::Path) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = ["check", "--today", TODAY].iter().map(Into::into).collect();
    let previous = path.with_file_name("previous.yaml");
    if previous.exists() && path != previous {
        args.push("--previous".into());
        args.push(previous.into());
    }
    args.push(path.into());
    args
}

fn check_json(path: &std::path::Path) -> (i32, serde_json::Value) {
    let mut args = check_args(path);
    args.extend(["--format", "json", "--lang", "en"].map(Into::into));
    let out = pia(args);
    (code(&out), json(&out))
}

fn codes_of(report: &serde_json::Value) -> Vec<String> {
    codes_and_lines(report).into_iter().map(|(c, _)| c).collect()
}

#[test]
fn codes_are_unique_kebab_case_and_documented() {
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs/rules.md");
    let mut seen = HashSet::new();
    for code in all_codes() {
        assert!(seen.insert(code.name), "duplicate code {}", code.name);
        assert!(
            code.name.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{} is not kebab-case",
            code.name
        );
        assert!(docs.lines().any(|l| l == format!("## {}", code.name)), "docs/rules.md has no `## {}`", code.name);
    }
}

#[test]
fn every_rule_has_a_passing_and_a_failing_fixture() {
    for rule in RULES {
        let name = rule.code.name;
        let dir = fixture(&format!("rules/{name}"));
        let (pass_code, pass) = check_json(&dir.join("pass.yaml"));
        let pass_codes = codes_of(&pass);
        assert!(!pass_codes.iter().any(|c| c == name), "{name}: pass.yaml reports it: {pass_codes:?}");
        assert!(
            !pass_codes.iter().any(|c| pia::diagnostic::codes::ALL.iter().any(|l| l.name == c)),
            "{name}: pass.yaml does not load: {pass_codes:?}"
        );
        let (fail_code, fail) = check_json(&dir.join("fail.yaml"));
        let fail_codes = codes_of(&fail);
        assert!(fail_codes.iter().any(|c| c == name), "{name}: fail.yaml does not report it: {fail_codes:?}");
        let expected_exit = if rule.code.severity == pia::diagnostic::Severity::Error { 1 } else { pass_code.max(0) };
        if rule.code.severity == pia::diagnostic::Severity::Error {
            assert_eq!(fail_code, expected_exit, "{name}: an error exits 1");
        }
    }
}

/// The failing fixture's diagnostics, as people read them.
#[test]
fn rule_diagnostics_snapshots() {
    insta::glob!("fixtures/rules/*/fail.yaml", |path| {
        let rel = path.strip_prefix(root()).expect("under root");
        let mut args = check_args(rel);
        args.extend(["--lang", "ja"].map(Into::into));
        let out = pia(args);
        insta::assert_snapshot!(stdout(&out));
    });
}

#[test]
fn seed_passes_with_no_errors_and_no_warnings() {
    let out = pia(["check", "assessments/kumamoto-kokuho-kiso.yaml", "--today", TODAY, "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = json(&out);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
    let deny = pia(["check", "assessments/kumamoto-kokuho-kiso.yaml", "--today", TODAY, "--deny-warnings"]);
    assert_eq!(code(&deny), 0);
}

#[test]
fn example_kiso_passes_with_no_errors_and_no_warnings() {
    let out = pia(["check", "assessments/examples/kokuho-kiso.yaml", "--today", TODAY, "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = json(&out);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
}

#[test]
fn lower_subjects_band_makes_threshold_result_mismatch() {
    let (_d, copy) =
        edited_copy(&seed(), "x.yaml", |t| t.replacen("band: 10万人以上30万人未満", "band: 1万人以上10万人未満", 1));
    let out = pia(["check", "--today", TODAY].iter().map(|s| s.as_ref()).chain([copy.as_os_str()]));
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("threshold-result-mismatch"), "{text}");
    assert!(text.contains("Ⅲ しきい値判断結果"), "{text}");
    assert!(text.contains("「基礎項目評価の実施が義務付けられる」"), "{text}");
}

#[test]
fn lower_submission_is_submitted_below_required() {
    let (_d, copy) = edited_copy(&seed(), "x.yaml", |t| {
        t.replacen("submitted: 基礎項目評価書及び重点項目評価書", "submitted: 基礎項目評価書", 1)
    });
    let (exit, report) = check_json(&copy);
    assert_eq!(exit, 1);
    assert!(codes_of(&report).contains(&"submitted-below-required".to_owned()), "{report:#}");
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let fail = fixture("rules/personal-name-in-title/fail.yaml");
    let plain = pia(["check", "--today", TODAY].iter().map(|s| s.as_ref()).chain([fail.as_os_str()]));
    assert_eq!(code(&plain), 0);
    let deny = pia(["check", "--today", TODAY, "--deny-warnings"].iter().map(|s| s.as_ref()).chain([fail.as_os_str()]));
    assert_eq!(code(&deny), 1);
}

#[test]
fn directories_are_searched_and_summarised() {
    // The two fixtures, numbered apart (as one folder they would be duplicates).
    let rules = fixture("rules/voluntary-assessment");
    let (dir, _) = edited_copy(&rules.join("pass.yaml"), "pass.yaml", |t| t);
    let fail = std::fs::read_to_string(rules.join("fail.yaml")).expect("fail.yaml");
    std::fs::write(dir.path().join("fail.yaml"), fail.replacen("  number: \"1\"", "  number: \"2\"", 1))
        .expect("write");
    let out = pia([
        "check".as_ref(),
        "--today".as_ref(),
        TODAY.as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = json(&out);
    assert_eq!(report["files"].as_array().map(Vec::len), Some(2));
    assert_eq!(report["summary"]["infos"], 1);
    // As they are, the folder holds one assessment twice.
    let out = pia(["check", "--today", TODAY, "--format", "json", "tests/fixtures/rules/voluntary-assessment"]);
    assert_eq!(code(&out), 1);
    assert_eq!(codes_of(&json(&out)).iter().filter(|c| *c == "duplicate-assessment-number").count(), 2);
}

#[test]
fn bad_today_cannot_run() {
    let out = pia(["check", "--today", "2025-02-30", "assessments"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn sarif_lists_every_code_once_and_locates_results() {
    let fail = fixture("rules/threshold-result-mismatch/fail.yaml");
    let out =
        pia(["check", "--today", TODAY, "--format", "sarif"].iter().map(|s| s.as_ref()).chain([fail.as_os_str()]));
    assert_eq!(code(&out), 1);
    let sarif = json(&out);
    assert_eq!(sarif["version"], "2.1.0");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), all_codes().count());
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "threshold-result-mismatch");
    assert_eq!(result["level"], "error");
    assert!(result["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().is_some());
}

fn threshold(args: &[&str]) -> std::process::Output {
    pia(["threshold"].iter().chain(args))
}

#[test]
fn threshold_json_matches_the_contract() {
    let out = threshold(&["--subjects", "183,000", "--handlers", "320", "--incident", "なし", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let v = json(&out);
    assert_eq!(v["subjects"], "10万人以上30万人未満");
    assert_eq!(v["handlers"], "500人未満");
    assert_eq!(v["incident"], "発生なし");
    assert_eq!(v["required"], "kiso+juten");
    assert_eq!(v["result_text"], "基礎項目評価及び重点項目評価の実施が義務付けられる");
    assert_eq!(stdout(&out).lines().count(), 1, "exactly one object");
}

#[test]
fn threshold_boundaries_and_labels() {
    let required = |s: &str, h: &str, i: &str| {
        let out = threshold(&["--subjects", s, "--handlers", h, "--incident", i, "--format", "json"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v = json(&out);
        (v["subjects"].as_str().unwrap_or_default().to_owned(), v["required"].as_str().unwrap_or_default().to_owned())
    };
    assert_eq!(required("999", "0", "no"), ("1,000人未満（任意実施）".into(), "none".into()));
    assert_eq!(required("1000", "499", "no"), ("1,000人以上1万人未満".into(), "kiso".into()));
    assert_eq!(required("10000", "499", "no"), ("1万人以上10万人未満".into(), "kiso".into()));
    assert_eq!(required("10000", "500", "no"), ("1万人以上10万人未満".into(), "kiso+juten".into()));
    assert_eq!(required("99999", "1", "yes"), ("1万人以上10万人未満".into(), "kiso+juten".into()));
    assert_eq!(required("100000", "500人未満", "発生なし"), ("10万人以上30万人未満".into(), "kiso+juten".into()));
    assert_eq!(
        required("10万人以上30万人未満", "500人以上", "なし"),
        ("10万人以上30万人未満".into(), "kiso+zenkomoku".into())
    );
    assert_eq!(required("299999", "0", "あり"), ("10万人以上30万人未満".into(), "kiso+zenkomoku".into()));
    assert_eq!(required("300000", "0", "なし"), ("30万人以上".into(), "kiso+zenkomoku".into()));
}

#[test]
fn threshold_explains_in_japanese() {
    let out = threshold(&["--subjects", "183000", "--handlers", "320", "--incident", "なし", "--lang", "ja"]);
    let text = stdout(&out);
    assert!(text.contains("第5の2"), "{text}");
    assert!(text.contains("10万人以上30万人未満の行"), "{text}");
    assert!(text.ends_with("Ⅲ しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる\n"), "{text}");
}

#[test]
fn threshold_rejects_bad_input() {
    for args in [
        ["--subjects", "-1", "--handlers", "3", "--incident", "なし"],
        ["--subjects", "abc", "--handlers", "3", "--incident", "なし"],
        ["--subjects", "10万人以上", "--handlers", "3", "--incident", "なし"],
        ["--subjects", "100", "--handlers", "-3", "--incident", "なし"],
        ["--subjects", "100", "--handlers", "3", "--incident", "たぶん"],
    ] {
        let out = threshold(&args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn the_default_today_is_japan_time_in_the_docs_as_in_the_code() {
    // system_today() adds nine hours to UTC; every place that documents the default says so.
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs/rules.md");
    let mentions: Vec<&str> = docs.lines().filter(|l| l.contains("--today") && l.contains("既定")).collect();
    assert!(!mentions.is_empty());
    for line in mentions.iter().chain(docs.lines().filter(|l| l.contains("指定しないとき")).collect::<Vec<_>>().iter())
    {
        assert!(line.contains("JST") && !line.contains("（UTC）"), "docs/rules.md: {line}");
    }
    for command in ["check", "list", "report"] {
        let help = stdout(&pia([command, "--help"]));
        assert!(help.contains("today in Japan (JST)"), "pia {command} --help: {help}");
    }
}

/// A rule's message quotes what it compares; a withheld text is quoted as 「（非公表）」, never
/// as written, in every format (CI logs are output too).
#[test]
fn messages_never_quote_withheld_text() {
    let secret = "秘匿する評価書名ＱＸ";
    let (dir, _) = edited_copy(&seed(), "x.yaml", |t| {
        let title = t.lines().find(|l| l.starts_with("  title:")).map(str::to_owned).expect("title");
        let body = t.lines().find(|l| l.starts_with("  body:")).map(str::to_owned).expect("body");
        t.replacen(&title, &format!("  title: {{text: {secret}, withheld: 理由}}"), 1).replacen(
            &body,
            "  body: {text: 秘匿機関ＱＸ長, withheld: 理由}",
            1,
        )
    });
    for format in ["human", "json", "sarif"] {
        let out = pia_in(dir.path(), ["check", "x.yaml", "--today", "2025-05-01", "--format", format]);
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert!(text.contains("title-affair-mismatch") && text.contains("declaration-body-mismatch"), "{text}");
        assert!(!text.contains("ＱＸ"), "{format}: {text}");
    }
}

/// The 様式4 sample with Ⅵ 2.〜3. still empty, as the 素案 put to the public comment is.

#[test]
fn a_zenkomoku_draft_passes_check_draft_and_fails_check() {
    let (_d, draft) = zenkomoku_draft();
    let text = std::fs::read_to_string(&draft).expect("draft");
    assert!(!text.contains("public_hearing:") && !text.contains("third_party_review:"), "{text}");
    let procedure_line = text.lines().position(|l| l == "procedure:").expect("procedure:") as u64 + 1;

    let args = |draft_flag: bool| {
        let mut a: Vec<std::ffi::OsString> = ["check", "--today", TODAY, "--format", "json"].map(Into::into).to_vec();
        if draft_flag {
            a.push("--draft".into());
        }
        a.push(draft.clone().into());
        a
    };
    let as_draft = pia(args(true));
    assert_eq!(code(&as_draft), 0, "{}", stdout(&as_draft));
    let report = json(&as_draft);
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");

    let as_final = pia(args(false));
    assert_eq!(code(&as_final), 1, "{}", stdout(&as_final));
    let found = codes_and_lines(&json(&as_final));
    assert_eq!(
        found,
        [
            ("zenkomoku-hearing-missing".to_owned(), procedure_line),
            ("zenkomoku-third-party-review-missing".to_owned(), procedure_line)
        ],
        "{found:?}"
    );
}

#[test]
fn check_draft_still_applies_the_other_rules() {
    // A 素案 whose hearing is too short is still told so.
    let short = fixture("rules/zenkomoku-hearing-too-short/fail.yaml");
    let out = pia(["check", "--draft", "--today", TODAY, "--format", "json"]
        .iter()
        .map(|s| s.as_ref())
        .chain([short.as_os_str()]));
    assert_eq!(code(&out), 1);
    assert!(codes_of(&json(&out)).contains(&"zenkomoku-hearing-too-short".to_owned()));
    // A 行政機関等 draft may lack the cover's 承認日.
    let unapproved = fixture("rules/zenkomoku-approval-missing/fail.yaml");
    let out = pia(["check", "--draft", "--today", TODAY].iter().map(|s| s.as_ref()).chain([unapproved.as_os_str()]));
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_withheld_body_is_not_read_for_its_kind() {
    let fail = fixture("rules/zenkomoku-body-kind-mismatch/fail.yaml");
    let (_d, copy) = edited_copy(&fail, "x.yaml", |t| {
        t.replacen("  body: 見本市長\n", "  body: {text: 見本市長, withheld: 試験}\n", 1)
    });
    let (_, report) = check_json(&copy);
    assert!(!codes_of(&report).contains(&"zenkomoku-body-kind-mismatch".to_owned()), "{report:#}");
    let (_, report) = check_json(&fail);
    assert!(codes_of(&report).contains(&"zenkomoku-body-kind-mismatch".to_owned()), "{report:#}");
}
