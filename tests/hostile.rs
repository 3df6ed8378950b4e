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
