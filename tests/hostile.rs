//! Hostile and broken input: every case is a clear, located diagnostic (exit 1) or a clear
//! refusal (exit 2) — never a panic (101), never a hang, never a lost file.

mod common;

use std::path::Path;

use common::*;

/// Fixtures pia accepts although they look odd (a BOM; a full-width head count).
const ACCEPTED: &[&str] = &["bom.yaml", "fullwidth-count.yaml"];

fn exit_and_report(path: &Path) -> (i32, String, String) {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    let json_out =
        pia(["validate", "--format", "json", "--lang", "en"].iter().map(|s| s.as_ref()).chain([rel.as_os_str()]));
    let human = pia(["validate", "--lang", "ja"].iter().map(|s| s.as_ref()).chain([rel.as_os_str()]));
    assert_eq!(code(&json_out), code(&human));
    (code(&json_out), stdout(&json_out), stdout(&human))
}

#[test]
fn every_bad_fixture_is_a_located_diagnostic() {
    insta::glob!("fixtures/bad/*.yaml", |path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let (exit, json_text, human) = exit_and_report(path);
        if ACCEPTED.contains(&name) {
            assert_eq!(exit, 0, "{name} should be accepted: {human}");
        } else {
            assert_eq!(exit, 1, "{name}: {human}");
            let report: serde_json::Value = serde_json::from_str(&json_text).expect("json");
            let first = &report["files"][0]["diagnostics"][0];
            assert!(first["line"].as_u64().is_some_and(|l| l >= 1), "{name}: no line: {json_text}");
        }
        insta::assert_snapshot!("json", json_text);
        insta::assert_snapshot!("human", human);
    });
}

#[test]
fn fullwidth_head_count_is_normalised() {
    let out = pia(["check", "--today", "2025-05-01", "--format", "json", "tests/fixtures/bad/fullwidth-count.yaml"]);
    let report = json(&out);
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "count-band-mismatch");
    assert!(d["message"].as_str().unwrap_or_default().contains("183000"), "{report:#}");
}

#[test]
fn number_like_text_is_kept_as_written() {
    let (dir, copy) =
        edited_copy(&fixture("minimal.yaml"), "x.yaml", |t| t.replace("  number: \"1\"", "  number: 012"));
    let out = pia_in(dir.path(), ["render", "x.yaml", "--emit", "json", "-o", "x.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(copy.with_extension("json")).expect("json")).expect("parse");
    assert_eq!(data["cover"]["number"], "012");
}

#[test]
fn a_directory_or_fifo_given_as_file_cannot_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = pia(["render".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("directory") || stderr(&out).contains("ディレクトリ"), "{}", stderr(&out));

    let fifo = dir.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    if made {
        // Reading a FIFO with no writer would block for ever; pia must refuse it at once.
        let out = pia(["validate".as_ref(), fifo.as_os_str()]);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("FIFO"), "{}", stderr(&out));
    } else {
        eprintln!("skipped the FIFO case: mkfifo is not available");
    }
}

#[test]
fn an_unreadable_file_cannot_run() {
    // A regular file whose read fails (EIO): the kernel's view of a process's memory.
    let proc_mem = Path::new("/proc/self/mem");
    if proc_mem.exists() {
        let out = pia(["validate".as_ref(), proc_mem.as_os_str()]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(stderr(&out).contains("/proc/self/mem"));
    }
    // Without read permission (not enforced for root, who can read anything).
    let (dir, copy) = edited_copy(&fixture("minimal.yaml"), "x.yaml", |t| t);
    let _ = dir;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let readable_anyway = std::fs::read(&copy).is_ok();
        let out = pia(["validate".as_ref(), copy.as_os_str()]);
        if readable_anyway {
            eprintln!("running as root: permissions do not stop reading; checked /proc/self/mem instead");
            assert_eq!(code(&out), 0);
        } else {
            assert_eq!(code(&out), 2);
        }
    }
}

#[test]
fn a_50_mb_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.yaml");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("50 MB sparse file");
    let out = pia(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("32 MiB"), "{}", stderr(&out));
}

fn with_history_rows(rows: usize) -> String {
    let base = std::fs::read_to_string(fixture("minimal.yaml")).expect("minimal");
    let head = base.split("history:\n").next().unwrap_or_default().to_owned();
    let row = "  - date: 2025-04-01\n    item: Ⅱ 1\n    before: 令和６年１月１日時点\n    after: 令和７年１月１日時点\n    timing: 事後\n    reason: 集計時点の変更のため、重要な変更に該当しない。\n";
    head + "history:\n" + &row.repeat(rows)
}

#[test]
fn a_hundred_thousand_history_rows_finish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.yaml");
    std::fs::write(&path, with_history_rows(100_000)).expect("write");
    let out = pia(["check".as_ref(), "--today".as_ref(), "2025-05-01".as_ref(), path.as_os_str()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_megabyte_of_text_in_one_field() {
    let (dir, _copy) = edited_copy(&fixture("minimal.yaml"), "x.yaml", |t| {
        t.replace(
            "    summary: 住民基本台帳法に基づき、住民の居住関係を公証する。",
            &format!("    summary: {}", "記".repeat(350_000)),
        )
    });
    let out = pia_in(dir.path(), ["check", "--today", "2025-05-01", "x.yaml"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

// --- Input from Excel and Windows --------------------------------------------------------

/// The first diagnostic of `pia validate --format json` on a file in `dir`.
fn first_diagnostic(dir: &Path, file: &str, lang: &str) -> (i32, serde_json::Value) {
    let out = pia_in(dir, ["validate", "--format", "json", "--lang", lang, file]);
    (code(&out), json(&out)["files"][0]["diagnostics"][0].clone())
}

#[test]
fn a_cp932_file_is_detected_and_the_hint_converts_it_to_a_new_file() {
    let bytes = std::fs::read(fixture("bad/cp932.yaml")).expect("fixture");
    // ① (0x8740), Ⅰ (0x8754) and ～ (0x8160): ① and Ⅰ are NEC row 13, CP932 only.
    for (what, pair) in [("①", [0x87, 0x40]), ("Ⅰ", [0x87, 0x54]), ("～", [0x81, 0x60])] {
        assert!(bytes.windows(2).any(|w| w == pair), "the fixture has no {what}");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // A name with a space and Japanese, as folders on Windows have: the command must quote it.
    let name = "令和7年度 評価書.yaml";
    std::fs::write(dir.path().join(name), &bytes).expect("copy");
    let (exit, d) = first_diagnostic(dir.path(), name, "ja");
    assert_eq!(exit, 1);
    assert_eq!(d["code"], "yaml-syntax");
    assert!(d["message"].as_str().unwrap_or_default().contains("CP932"), "{d}");
    let help = d["help"].as_str().unwrap_or_default();
    for step in ["名前を付けて保存", "文字コード「UTF-8」", "エンコード付きで保存", "ステータスバー"]
    {
        assert!(help.contains(step), "the help does not say {step}: {help}");
    }
    let command = help
        .lines()
        .find_map(|l| l.trim().strip_prefix("端末: "))
        .unwrap_or_else(|| panic!("no command in the help: {help}"))
        .to_owned();
    assert_eq!(command, "iconv -f CP932 -t UTF-8 '令和7年度 評価書.yaml' > '令和7年度 評価書.utf8.yaml'");
    let (_, en) = first_diagnostic(dir.path(), name, "en");
    assert!(en["help"].as_str().unwrap_or_default().contains(&command), "{en}");

    let iconv_works = std::process::Command::new("iconv").args(["-f", "CP932", "-t", "UTF-8", "/dev/null"]).status();
    if !iconv_works.is_ok_and(|s| s.success()) {
        eprintln!("skipped running the command: iconv with CP932 is not available");
        return;
    }
    // SHIFT_JIS proper stops at ①: the reason the hint names CP932.
    let sjis = std::process::Command::new("sh")
        .args(["-c", &format!("iconv -f SHIFT_JIS -t UTF-8 '{name}' > /dev/null")])
        .current_dir(dir.path())
        .output()
        .expect("sh");
    assert!(!sjis.status.success(), "iconv -f SHIFT_JIS read the CP932 fixture");
    let run = std::process::Command::new("sh").args(["-c", &command]).current_dir(dir.path()).output().expect("sh");
    assert!(run.status.success(), "{command}: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(std::fs::read(dir.path().join(name)).expect("original"), bytes, "the original changed");
    let converted = "令和7年度 評価書.utf8.yaml";
    let out = pia_in(dir.path(), ["validate", converted]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = std::fs::read_to_string(dir.path().join(converted)).expect("UTF-8");
    assert!(text.contains("①住民基本台帳法") && text.contains("Ⅰ～Ⅲ"), "{text}");
}

#[test]
fn invisible_characters_in_choices_are_named_by_name_and_code_point() {
    let out =
        pia(["validate", "--format", "json", "--lang", "ja", "tests/fixtures/bad/choice-invisible-characters.yaml"]);
    assert_eq!(code(&out), 1);
    let report = json(&out);
    let diagnostics = report["files"][0]["diagnostics"].as_array().cloned().unwrap_or_default();
    let expected = [
        ("threshold_items.subjects.band", "末尾のノーブレークスペース（U+00A0）", "1万人以上10万人未満"),
        ("threshold_items.handlers.band", "末尾の全角スペース（U+3000）", "500人未満"),
        ("threshold_items.incident", "末尾のゼロ幅スペース（U+200B）", "発生なし"),
        ("risk_measures.acquisition", "先頭のBOM（U+FEFF）", "十分である"),
        ("risk_measures.storage", "末尾のタブ（U+0009）", "十分である"),
        ("risk_measures.training", "途中のゼロ幅スペース（U+200B）", "十分に行っている"),
    ];
    assert_eq!(diagnostics.len(), expected.len(), "{report:#}");
    for (path, what, choice) in expected {
        let d = diagnostics.iter().find(|d| d["path"] == path).unwrap_or_else(|| panic!("nothing at {path}"));
        assert_eq!(d["code"], "invalid-choice");
        let message = d["message"].as_str().unwrap_or_default();
        assert!(message.starts_with(&format!("「{choice}」は選択肢にありません。{what}が含まれています")), "{message}");
        assert_eq!(d["help"], format!("{what}を消して「{choice}」と書いてください。"));
    }
    let out =
        pia(["validate", "--format", "json", "--lang", "en", "tests/fixtures/bad/choice-invisible-characters.yaml"]);
    let d = json(&out)["files"][0]["diagnostics"][1].clone();
    assert_eq!(d["help"], "delete an ideographic (full-width) space (U+3000) at the end and write 「500人未満」.");
}

#[test]
fn full_width_digits_suggest_the_choice() {
    let (exit, d) = first_diagnostic(&root(), "tests/fixtures/bad/choice-fullwidth-digits.yaml", "ja");
    assert_eq!(exit, 1);
    assert_eq!(d["code"], "invalid-choice");
    assert_eq!(d["help"], "「500人未満」ではありませんか？");
    // An unknown key typed in full-width letters, too.
    let (dir, _) = edited_copy(&fixture("minimal.yaml"), "x.yaml", |t| t.replacen("history:", "ｈｉｓｔｏｒｙ:", 1));
    let report = json(&pia_in(dir.path(), ["validate", "--format", "json", "x.yaml"]));
    let diagnostics = report["files"][0]["diagnostics"].as_array().cloned().unwrap_or_default();
    let d = diagnostics.iter().find(|d| d["code"] == "unknown-field").unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(d["help"], "「history」の誤りではありませんか？");
}
