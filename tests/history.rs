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
    assert_eq!(items, ["Ⅰ 5 ①部署", "Ⅱ 1", "Ⅱ 2"], "{report:#}");
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
    assert_eq!(rows[0]["item"], "Ⅰ 1 ②事務の概要");
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

// ---- Trust: rows name one form item, withheld stays withheld, nothing is guessed silently ----

fn withheld_fixture() -> std::path::PathBuf {
    fixture("history/withheld.yaml")
}

/// The withheld sentence of the fixture, and the one the edits below put in its place.
const SECRET: &str = "端末は庁舎3階のサーバ室に置き、入退室を記録している。";
const NEW_SECRET: &str = "端末は庁舎5階の電算室に置き、入退室を記録している。";

/// A copy of the withheld fixture edited to `edit`, with its 公表日 moved on, and the original.
fn withheld_pair(edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, new) = edited_copy(&withheld_fixture(), "new.yaml", edit);
    std::fs::copy(withheld_fixture(), dir.path().join("old.yaml")).expect("copy old");
    (dir, new)
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg("-raw").arg(pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn diff_names_each_changed_form_item() {
    let rows = rows_between(|t| {
        t.replacen("　③転出による資格喪失届の受理、確認", "　③転出による資格喪失届の受理、審査", 1)
            .replacen(
                "      　市区町村に設置される国保総合PCで構成される。",
                "      　市区町村に設置される国保総合端末で構成される。",
                1,
            )
            .replacen("title: 国民健康保険に関する事務　基礎項目評価書", "title: 国民健康保険の事務　基礎項目評価書", 1)
            .replacen(
                "threshold_result: 基礎項目評価及び重点項目評価の実施が義務付けられる",
                "threshold_result: 基礎項目評価の実施が義務付けられる",
                1,
            )
    });
    let items: Vec<&str> = rows.iter().filter_map(|r| r["item"].as_str()).collect();
    assert_eq!(items, ["表紙 評価書名", "Ⅰ 1 ②事務の概要", "Ⅰ 1 ③システムの名称", "Ⅲ"], "{rows:#?}");
    // Each row's 変更前 and 変更後 speak of its own item only.
    assert_eq!(rows[1]["before"], "　③転出による資格喪失届の受理、確認");
    assert_eq!(rows[1]["after"], "　③転出による資格喪失届の受理、審査");
    assert_eq!(rows[2]["before"], "　市区町村に設置される国保総合PCで構成される。");
    assert_eq!(rows[2]["after"], "　市区町村に設置される国保総合端末で構成される。");
    assert_eq!(rows[3]["before"], "基礎項目評価及び重点項目評価の実施が義務付けられる");
}

#[test]
fn a_change_that_raises_the_threshold_is_proposed_before() {
    // The seed (10万〜30万人, 500人未満) needs 基礎+重点; 500人以上 makes it 基礎+全項目.
    let (dir, copy) = edited_copy(&seed(), "new.yaml", |t| {
        t.replacen("    band: 500人未満", "    band: 500人以上", 1).replacen(
            "threshold_result: 基礎項目評価及び重点項目評価の実施が義務付けられる",
            "threshold_result: 基礎項目評価及び全項目評価の実施が義務付けられる",
            1,
        )
    });
    let out = pia_in(
        dir.path(),
        ["diff".as_ref(), seed().as_os_str(), copy.as_os_str(), "--format".as_ref(), "json".as_ref()],
    );
    assert_eq!(code(&out), 1, "threshold-rise is reported too");
    let report = json(&out);
    let rows = report["rows"].as_array().expect("rows");
    let items: Vec<&str> = rows.iter().filter_map(|r| r["item"].as_str()).collect();
    assert_eq!(items, ["Ⅱ 2", "Ⅲ"], "{rows:#?}");
    for r in rows {
        assert_eq!(r["timing"], "事前", "{r:#}");
        assert_eq!(r["classified"], false, "a person writes the explanation: {r:#}");
    }
    // Not a rise: 500人以上 → 500人未満 is not proposed 事前 for that reason.
    let (dir, copy) =
        edited_copy(&seed(), "lower.yaml", |t| t.replacen("    band: 500人未満", "    band: 500人以上", 1));
    let raised = copy.display().to_string();
    let report = diff_json(dir.path(), &raised, &seed().display().to_string());
    assert_eq!(report["rows"][0]["timing"], "事後", "{report:#}");
}

#[test]
fn unclassified_rows_are_marked_until_a_person_decides() {
    let (dir, new) = withheld_pair(|t| {
        t.replacen("systems: 住民基本台帳システム", "systems: 住民基本台帳システム、証明書発行システム", 1)
    });
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("要判断") && stdout(&out).contains("to_decide"), "{}", stdout(&out));
    let text = std::fs::read_to_string(&new).expect("read");
    let marker = text.lines().position(|l| l.trim_start().starts_with("to_decide:")).expect("marker written") + 1;

    let check = pia_in(dir.path(), ["check", "new.yaml", "--today", "2025-06-02", "--format", "json"]);
    assert_eq!(code(&check), 1, "{}", stdout(&check));
    assert!(
        codes_and_lines(&json(&check)).contains(&("history-row-undecided".to_owned(), marker as u64)),
        "{}",
        stdout(&check)
    );
    // The person decides: writes the explanation and removes the marker.
    let decided = text.replace(
        &format!("    to_decide: {}\n", pia::diff::TO_DECIDE),
        "    reason: システムの追加であり、重要な変更に該当しない。\n",
    );
    assert_ne!(decided, text);
    std::fs::write(&new, decided).expect("write");
    let check = pia_in(dir.path(), ["check", "new.yaml", "--today", "2025-06-02", "--format", "json"]);
    assert_eq!(json(&check)["summary"]["errors"], 0, "{}", stdout(&check));
}

#[test]
fn withheld_text_stays_withheld_through_diff_amend_history_and_render() {
    let (dir, new) = withheld_pair(|t| t.replacen(SECRET, NEW_SECRET, 1));
    // diff, every format: the row is there, its cells are not.
    for format in ["human", "json", "yaml"] {
        let out = pia_in(dir.path(), ["diff", "old.yaml", "new.yaml", "--format", format]);
        assert_eq!(code(&out), 0, "{format}: {}{}", stdout(&out), stderr(&out));
        let text = stdout(&out);
        assert!(!text.contains("庁舎3階") && !text.contains("庁舎5階"), "{format} shows withheld text:\n{text}");
        assert!(text.contains("Ⅳ 11"), "{format}: no row\n{text}");
    }
    let full = pia_in(dir.path(), ["diff", "old.yaml", "new.yaml", "--full"]);
    assert!(stdout(&full).contains(NEW_SECRET), "--full shows it: {}", stdout(&full));

    // amend writes withheld cells with the item's reason.
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let loaded = pia::load::load_file(&new, pia::lang::Lang::Ja).expect("load");
    let Some(pia::model::Assessment::Kiso(a)) = loaded.assessment else { panic!("valid after amend") };
    let row = &a.history[0];
    assert_eq!(row.item, "Ⅳ 11");
    for cell in [&row.before, &row.after] {
        let cell = cell.as_ref().expect("cell");
        assert_eq!(
            cell.withheld.as_deref(),
            Some("設置場所を公表すると物理的な侵入のおそれが高まるため（規則第13条）")
        );
    }
    assert_eq!(row.before.as_ref().map(|t| t.text.as_str()), Some(SECRET));
    assert_eq!(row.after.as_ref().map(|t| t.text.as_str()), Some(NEW_SECRET));

    // The person decides the row; then the file checks and renders without the secret.
    let text = std::fs::read_to_string(&new).expect("read");
    let decided = text.replace(
        &format!("    to_decide: {}\n", pia::diff::TO_DECIDE),
        "    reason: 端末の移設に伴う記載の修正であり、重要な変更に該当しない。\n",
    );
    assert_ne!(decided, text);
    std::fs::write(&new, decided).expect("write");
    let check = pia_in(dir.path(), ["check", "new.yaml", "--today", "2025-06-02", "--format", "json"]);
    assert_eq!(json(&check)["summary"]["errors"], 0, "{}", stdout(&check));
    let history = pia_in(dir.path(), ["history", "new.yaml"]);
    assert!(!stdout(&history).contains("庁舎"), "{}", stdout(&history));
    assert!(stdout(&history).contains("（非公表）"), "{}", stdout(&history));

    let render = pia_in(dir.path(), ["render", "new.yaml", "-o", "public.pdf", "--today", "2025-06-02"]);
    assert_eq!(code(&render), 0, "{}{}", stdout(&render), stderr(&render));
    let public = pdf_text(&dir.path().join("public.pdf"));
    assert!(!public.contains("庁舎3階") && !public.contains("庁舎5階"), "{public}");
}

#[test]
fn lifting_the_withholding_gives_a_row_that_says_so() {
    let whole = format!("生体認証により利用者を限定している。{SECRET}");
    let (dir, _) = withheld_pair(|t| {
        t.replacen(
            &format!(
                "    basis:\n      text: {whole}\n      withheld: 設置場所を公表すると物理的な侵入のおそれが高まるため（規則第13条）\n"
            ),
            &format!("    basis: {whole}\n"),
            1,
        )
    });
    let report = diff_json(dir.path(), "old.yaml", "new.yaml");
    let rows = report["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{report:#}");
    assert_eq!(rows[0]["before"], "（非公表）", "the old text stays withheld: {report:#}");
    assert_eq!(rows[0]["after"], whole.as_str(), "{report:#}");
    assert!(rows[0]["note"].as_str().is_some_and(|n| n.contains("非公表の解除")), "{report:#}");
    assert_eq!(rows[0]["classified"], false);
}

#[test]
fn a_public_copy_of_withheld_text_is_an_error_and_is_not_rendered() {
    let (dir, _) = withheld_pair(|t| {
        t.replacen(
            "    reason: 集計時点の変更のため、重要な変更に該当しない。",
            &format!("    reason: 集計時点の変更のため、重要な変更に該当しない。{SECRET}"),
            1,
        )
    });
    let check = pia_in(dir.path(), ["check", "new.yaml", "--today", "2025-05-01", "--format", "json"]);
    assert_eq!(code(&check), 1);
    let report = json(&check);
    assert!(codes_and_lines(&report).iter().any(|(c, _)| c == "withheld-text-repeated"), "{report:#}");
    assert!(!stdout(&check).contains("庁舎3階"), "the message must not repeat the secret: {}", stdout(&check));
    for draft in [None, Some("--draft")] {
        let mut args = vec!["render", "new.yaml", "-o", "x.pdf", "--today", "2025-05-01"];
        args.extend(draft);
        let render = pia_in(dir.path(), &args);
        assert_eq!(code(&render), 1, "{args:?}: {}{}", stdout(&render), stderr(&render));
        assert!(!dir.path().join("x.pdf").exists(), "{args:?}: a 素案 is published too");
    }
}

/// A valid 個人番号 (check digit per 施行令第8条) and its mask.
const NUMBER: &str = "123456789018";
const MASKED: &str = "********9018";

#[test]
fn diff_masks_an_individual_number_and_exits_1() {
    assert!(pia::leak::is_valid_individual_number(
        &NUMBER.as_bytes().iter().map(|b| b - b'0').collect::<Vec<_>>().try_into().expect("12")
    ));
    let (dir, _) = withheld_pair(|t| {
        t.replacen("inquiry_contact: 見本市　市民課", &format!("inquiry_contact: 見本市　市民課 {NUMBER}"), 1)
    });
    for format in ["human", "json", "yaml"] {
        let out = pia_in(dir.path(), ["diff", "old.yaml", "new.yaml", "--format", format]);
        assert_eq!(code(&out), 1, "{format}: {}", stdout(&out));
        assert!(!stdout(&out).contains(NUMBER) && !stderr(&out).contains(NUMBER), "{format}: {}", stdout(&out));
        if format != "yaml" {
            assert!(stdout(&out).contains(MASKED), "{format}: {}", stdout(&out));
        }
    }
    let validate = pia_in(dir.path(), ["validate", "new.yaml", "--format", "json"]);
    assert_eq!(code(&validate), 1, "validate runs the leak guard: {}", stdout(&validate));
    assert!(codes_and_lines(&json(&validate)).iter().any(|(c, _)| c == "individual-number-in-text"));
}

/// The fixture as Windows and Excel write it: CRLF line endings, and a byte order mark.
fn windows_copy(dir: &Path, name: &str, edit: impl FnOnce(String) -> String) -> std::path::PathBuf {
    let text = edit(std::fs::read_to_string(withheld_fixture()).expect("read"));
    let path = dir.join(name);
    std::fs::write(&path, format!("\u{FEFF}{}", text.replace('\n', "\r\n"))).expect("write");
    path
}

#[test]
fn amend_keeps_crlf_and_the_byte_order_mark() {
    let dir = tempfile::tempdir().expect("tempdir");
    windows_copy(dir.path(), "old.yaml", |t| t);
    let new =
        windows_copy(dir.path(), "new.yaml", |t| t.replacen("    as_of: 令和7年1月1日", "    as_of: 令和7年4月1日", 2));
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let bytes = std::fs::read(&new).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM kept");
    let text = String::from_utf8_lossy(&bytes[3..]).into_owned();
    assert!(text.contains("- date: 2025-06-01"), "{text}");
    let bare_lf = text.match_indices('\n').filter(|(i, _)| !text[..*i].ends_with('\r')).count();
    assert_eq!(bare_lf, 0, "every line ends in CRLF:\n{text}");
    let check = pia_in(dir.path(), ["check", "new.yaml", "--today", "2025-06-02", "--format", "json"]);
    assert_eq!(json(&check)["summary"]["errors"], 0, "{}", stdout(&check));
}

#[test]
fn amend_without_a_date_refuses_and_a_new_date_redates_its_rows() {
    let (dir, new) = withheld_pair(|t| t.replacen("    as_of: 令和7年1月1日", "    as_of: 令和7年4月1日", 2));
    let before = std::fs::read(&new).expect("read");
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml"]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    assert!(stderr(&out).contains("--date"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&new).expect("read"), before, "nothing written");

    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-15"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let Some(pia::model::Assessment::Kiso(a)) =
        pia::load::load_file(&new, pia::lang::Lang::Ja).expect("load").assessment
    else {
        panic!("valid")
    };
    let dates: Vec<String> = a.history.iter().map(|r| r.date.to_string()).collect();
    assert_eq!(dates, ["2025-06-15", "2025-06-15", "2025-04-01"], "the rows it added are re-dated, once");
    assert_eq!(a.cover.published.to_string(), "2025-06-15");
    // With the 公表日 already moved on, no --date is needed.
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn a_snippet_never_shows_withheld_text() {
    // A warning on the withheld text itself: its snippet is the very line that holds it.
    let out = pia(["check", "--today", "2025-05-01", "tests/fixtures/render/withheld-glyph.yaml"]);
    let text = stdout(&out);
    assert!(text.contains("withheld-glyph.yaml:17:"), "{text}");
    assert!(!text.contains("秘匿システム名") && !text.contains("セキュリティ上のリスク"), "{text}");
    assert!(text.contains("text: ＊＊＊"), "the line is shown, its withheld text masked: {text}");
}
