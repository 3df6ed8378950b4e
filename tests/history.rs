//! 変更箇所: `pia diff` (files and git revisions), `pia amend`, `pia history`, threshold-rise.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=pia test", "-c", "user.email=pia@example.invalid", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A git repository holding the seed as x.yaml, committed.
fn repo_with_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(seed(), dir.path().join("x.yaml")).expect("copy seed");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "x.yaml"]);
    git(dir.path(), &["commit", "-q", "-m", "seed"]);
    dir
}

/// The edit of the issue: Ⅱ1 and Ⅱ2 counted on 2025-04-01, and the department renamed.
fn recount_and_rename(text: String) -> String {
    text.replace("    as_of: 令和6年4月1日", "    as_of: 2025-04-01").replacen(
        "    name: 熊本市健康福祉局　健康福祉部　国保年金課",
        "    name: 熊本市健康福祉局　保険年金部　国保年金課",
        1,
    )
}

fn diff_json(dir: &Path, old: &str, new: &str) -> serde_json::Value {
    let out = pia_in(dir, ["diff", old, new, "--format", "json"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    json(&out)
}

#[test]
fn diff_git_revision_proposes_exactly_the_three_rows() {
    let dir = repo_with_seed();
    let file = dir.path().join("x.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, recount_and_rename(text)).expect("write");
    let report = diff_json(dir.path(), "HEAD:x.yaml", "x.yaml");
    let rows = report["rows"].as_array().expect("rows");
    let items: Vec<&str> = rows.iter().filter_map(|r| r["item"].as_str()).collect();
    assert_eq!(items, ["Ⅰ 5", "Ⅱ 1", "Ⅱ 2"], "{report:#}");
    for r in &rows[1..] {
        assert_eq!(r["timing"], "事後");
        assert_eq!(r["reason"], "集計時点の変更のため、重要な変更に該当しない。");
        assert_eq!(r["before"], "令和６年４月１日時点");
        assert_eq!(r["after"], "令和７年４月１日時点");
    }
    assert_eq!(rows[0]["reason"], "組織変更に伴う単なる名称変更であるため、重要な変更に該当しない。");
    assert_eq!(rows[0]["after"], "熊本市健康福祉局　保険年金部　国保年金課");
}

#[test]
fn amend_records_the_change_and_touches_nothing_else() {
    let dir = repo_with_seed();
    let file = dir.path().join("x.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, recount_and_rename(text)).expect("write");
    git(dir.path(), &["commit", "-q", "-am", "recount"]);

    let out = pia_in(dir.path(), ["amend", "x.yaml", "--from", "HEAD~1:x.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("3"), "{}", stdout(&out));

    // Only the inserted rows and 公表日 changed.
    let diff = git(dir.path(), &["diff", "-U0", "x.yaml"]);
    let removed: Vec<&str> = diff.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).collect();
    let added: Vec<&str> = diff.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert_eq!(removed, ["-  published: 令和7年4月25日"], "{diff}");
    assert_eq!(added[0], "+  published: 令和7年6月1日", "{diff}");
    assert!(added[1..].iter().all(|l| l.starts_with("+  - ") || l.starts_with("+    ")), "{diff}");
    assert_eq!(added.iter().filter(|l| l.starts_with("+  - date: 令和7年6月1日")).count(), 3, "{diff}");

    let check = pia_in(dir.path(), ["check", "x.yaml", "--today", "2025-06-02", "--format", "json"]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    let report = json(&check);
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");

    // Twice is once.
    let before = std::fs::read(&file).expect("read");
    let again = pia_in(dir.path(), ["amend", "x.yaml", "--from", "HEAD~1:x.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&again), 0);
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn amend_refuses_an_invalid_file_and_leaves_it_alone() {
    let (dir, bad) = edited_copy(&seed(), "x.yaml", |t| t.replacen("acquisition: 十分である", "acquisition: 十分", 1));
    let before = std::fs::read(&bad).expect("read");
    let out = pia_in(dir.path(), ["amend".as_ref(), bad.as_os_str(), "--from".as_ref(), seed().as_os_str()]);
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read(&bad).expect("read"), before);
}

fn rows_between(edit: impl FnOnce(String) -> String) -> Vec<serde_json::Value> {
    let (dir, copy) = edited_copy(&seed(), "new.yaml", edit);
    let old = seed();
    let report = diff_json(dir.path(), &old.display().to_string(), &copy.display().to_string());
    report["rows"].as_array().cloned().unwrap_or_default()
}

#[test]
fn diff_on_every_kind_of_field() {
    // Text: only the changed sentence of a long text.
    let rows =
        rows_between(|t| t.replacen("　③転出による資格喪失届の受理、確認", "　③転出による資格喪失届の受理、審査", 1));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["item"], "Ⅰ 1");
    assert_eq!(rows[0]["before"], "　③転出による資格喪失届の受理、確認");
    assert_eq!(rows[0]["after"], "　③転出による資格喪失届の受理、審査");
    assert_eq!(rows[0]["classified"], false);
    assert_eq!(rows[0]["timing"], "事前", "a 基礎+重点 affair's Ⅰ1 change may be a 重要な変更");

    // A list inside a text: a new line of 事務の概要.
    let rows = rows_between(|t| {
        t.replacen(
            "      　⑥資格確認書、資格情報のお知らせの交付\n",
            "      　⑥資格確認書、資格情報のお知らせの交付\n      　⑦マイナ保険証の利用登録の案内\n",
            1,
        )
    });
    assert_eq!(rows[0]["before"], serde_json::Value::Null);
    assert_eq!(rows[0]["after"], "　⑦マイナ保険証の利用登録の案内");

    // Choice.
    let rows = rows_between(|t| t.replacen("storage: 十分である", "storage: 特に力を入れている", 1));
    assert_eq!(
        (rows[0]["item"].as_str(), rows[0]["before"].as_str(), rows[0]["after"].as_str()),
        (Some("Ⅳ 7"), Some("十分である"), Some("特に力を入れている"))
    );

    // Checkbox.
    let rows = rows_between(|t| t.replacen("internal_audit: false", "internal_audit: true", 1));
    assert_eq!(
        (rows[0]["item"].as_str(), rows[0]["before"].as_str(), rows[0]["after"].as_str()),
        (Some("Ⅳ 9"), Some("［　］内部監査"), Some("［○］内部監査"))
    );

    // Date.
    let rows = rows_between(|t| t.replacen("    as_of: 令和6年4月1日", "    as_of: 令和7年1月4日", 1));
    assert_eq!(
        (rows[0]["item"].as_str(), rows[0]["after"].as_str(), rows[0]["timing"].as_str()),
        (Some("Ⅱ 1"), Some("令和７年１月４日時点"), Some("事後"))
    );

    // Nothing changed: no rows.
    assert!(rows_between(|t| t).is_empty());
}

#[test]
fn diff_yaml_rows_paste_into_history() {
    let (dir, copy) =
        edited_copy(&seed(), "new.yaml", |t| t.replace("    as_of: 令和6年4月1日", "    as_of: 2025-04-01"));
    let out = pia_in(
        dir.path(),
        ["diff".as_ref(), seed().as_os_str(), copy.as_os_str(), "--format".as_ref(), "yaml".as_ref()],
    );
    assert_eq!(code(&out), 0);
    let pasted =
        std::fs::read_to_string(&copy).expect("read").replacen("history:\n", &format!("history:\n{}", stdout(&out)), 1);
    std::fs::write(&copy, pasted).expect("write");
    let check = pia_in(dir.path(), ["check".as_ref(), copy.as_os_str(), "--today".as_ref(), "2025-05-01".as_ref()]);
    assert_eq!(code(&check), 0, "{}{}", stdout(&out), stdout(&check));
}

#[test]
fn diff_reports_threshold_rise() {
    let dir = fixture("rules/threshold-rise");
    let out = pia([
        "diff".as_ref(),
        dir.join("previous.yaml").as_os_str(),
        dir.join("fail.yaml").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["diagnostics"][0]["code"], "threshold-rise");
}

#[test]
fn diff_of_a_missing_revision_cannot_run() {
    let dir = repo_with_seed();
    let out = pia_in(dir.path(), ["diff", "no-such-rev:x.yaml", "x.yaml"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn history_prints_the_table_and_commits() {
    let out = pia(["history", "assessments/kumamoto-kokuho-kiso.yaml"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.contains("変更前の記載"), "{text}");
    assert!(text.contains("31行"), "{text}");
    let dir = repo_with_seed();
    let out = pia_in(dir.path(), ["history", "x.yaml", "--git"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(" seed"), "{}", stdout(&out));
}
