//! Editor support: yaml-language-server (what VS Code's YAML extension and most editors run),
//! given only the schema modeline at the top of a file, marks the same lines as `pia validate`.
//!
//! The server version is pinned in `tests/yamlls/package.json` (with its lock file) and installed
//! with npm into the cargo target directory, never into the source tree. `tests/yamlls/check.mjs`
//! speaks LSP to it and prints the diagnostics it publishes. Without Node and npm the test is
//! skipped with a message; so it is when npm cannot reach its registry for the first install.

mod common;

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;
use serde_json::Value;

/// Says why a check did not run. Written to the process's stderr directly, not through
/// `eprintln!`, which the test harness captures and hides for tests that pass.
fn skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {why}");
}

fn runs(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// Installs the pinned yaml-language-server (once per package.json/lock content) and returns its
/// executable script, or None (after saying why) when npm cannot reach its registry.
fn install_server() -> Option<PathBuf> {
    let spec = root().join("tests/yamlls");
    let package = std::fs::read_to_string(spec.join("package.json")).expect("tests/yamlls/package.json");
    let lock = std::fs::read_to_string(spec.join("package-lock.json")).expect("tests/yamlls/package-lock.json");
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (&package, &lock).hash(&mut hasher);
    let cache = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dir = cache.join(format!("yamlls-{:016x}", hasher.finish()));
    let server = |dir: &Path| dir.join("node_modules/yaml-language-server/bin/yaml-language-server");
    if server(&dir).is_file() {
        return Some(server(&dir));
    }
    // Install beside the final place and rename, so that concurrent test runs never see half an
    // installation.
    let staging = cache.join(format!("yamlls-staging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).expect("create the npm staging directory");
    std::fs::write(staging.join("package.json"), &package).expect("write package.json");
    std::fs::write(staging.join("package-lock.json"), &lock).expect("write package-lock.json");
    let install = Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&staging)
        .output()
        .expect("run npm ci");
    if !install.status.success() {
        let _ = std::fs::remove_dir_all(&staging);
        let ping = Command::new("npm").arg("ping").current_dir(&cache).output();
        if !ping.is_ok_and(|p| p.status.success()) {
            skip(&format!(
                "npm cannot reach its registry to install yaml-language-server, so the editor \
                 check did not run.\n{}",
                text(&install)
            ));
            return None;
        }
        panic!("npm ci failed although the registry answers:\n{}", text(&install));
    }
    if std::fs::rename(&staging, &dir).is_err() {
        // Another run finished first; use its installation.
        let _ = std::fs::remove_dir_all(&staging);
    }
    assert!(server(&dir).is_file(), "npm ci did not install {}", server(&dir).display());
    Some(server(&dir))
}

/// What yaml-language-server reports: file → [(line, column)] (1-based), with the messages.
fn yamlls(server: &Path, files: &[&Path]) -> Vec<(BTreeSet<(u64, u64)>, String)> {
    let out = Command::new("node")
        .arg(root().join("tests/yamlls/check.mjs"))
        .arg(server)
        .args(files)
        .current_dir(root())
        // Nothing may come from the network: any attempt fails fast (and would be reported as a
        // diagnostic about the schema, failing the comparison).
        .env("HTTP_PROXY", "http://127.0.0.1:9")
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .expect("run node");
    assert!(out.status.success(), "check.mjs failed:\n{}", text(&out));
    let report: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out)));
    files
        .iter()
        .map(|f| {
            let diags = report[f.to_str().expect("UTF-8 path")]
                .as_array()
                .unwrap_or_else(|| panic!("no report for {}", f.display()));
            let at = diags.iter().map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap())).collect();
            (at, serde_json::to_string_pretty(diags).unwrap())
        })
        .collect()
}

/// What `pia validate` reports: [(line, column)] of the errors, with the report.
fn pia_validate(file: &Path) -> (BTreeSet<(u64, u64)>, String) {
    let out = pia(["validate", "--format", "json", "--lang", "en", file.to_str().unwrap()]);
    assert!(matches!(code(&out), 0 | 1), "pia validate: {}", stderr(&out));
    let report = json(&out);
    let at = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["line"].as_u64().unwrap_or(0), d["column"].as_u64().unwrap_or(0)))
        .collect();
    (at, stdout(&out))
}

/// A copy of the seed as `<dir>/assessments/NAME` beside a copy of `schema/`, so that its
/// modeline (`$schema=../schema/…`, relative to the file) finds the schema as in the repository.
fn copy_with_schema(dir: &Path, name: &str, edit: impl FnOnce(String) -> String) -> PathBuf {
    copy_of(&seed(), dir, &format!("assessments/{name}"), edit)
}

/// A copy of `source` as `<dir>/REL` beside a copy of `schema/` (REL as the file lies in the
/// repository, so its modeline finds the schema).
fn copy_of(source: &Path, dir: &Path, rel: &str, edit: impl FnOnce(String) -> String) -> PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::create_dir_all(dir.join("schema")).expect("mkdir schema");
    for entry in std::fs::read_dir(root().join("schema")).expect("schema/").flatten() {
        std::fs::copy(entry.path(), dir.join("schema").join(entry.file_name())).expect("copy schema");
    }
    std::fs::write(&path, edit(std::fs::read_to_string(source).expect("source"))).expect("write copy");
    path
}

#[test]
fn yaml_language_server_marks_the_lines_pia_validate_reports() {
    if !runs("node") || !runs("npm") {
        skip("Node.js and npm are not on PATH, so the yaml-language-server check did not run.");
        return;
    }
    let Some(server) = install_server() else {
        return;
    };

    let seed_text = std::fs::read_to_string(seed()).expect("seed");
    assert!(
        seed_text.starts_with("# yaml-language-server: $schema=../schema/kiso-r6.10.schema.json\n"),
        "the sample does not start with the schema modeline"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    // A value not among the choices (Ⅳ 2.) and an unknown key (表紙).
    let broken = copy_with_schema(dir.path(), "broken.yaml", |t| {
        assert!(t.contains("  acquisition: 十分である\n") && t.contains("  number: \"12\"\n"));
        t.replacen("  acquisition: 十分である\n", "  acquisition: 十分\n", 1).replacen(
            "  number: \"12\"\n",
            "  number: \"12\"\n  numbr: \"12\"\n",
            1,
        )
    });
    // A key given twice: both stop at the YAML level.
    let duplicate = copy_with_schema(dir.path(), "duplicate.yaml", |t| {
        t.replacen("revision: 令和6年10月\n", "revision: 令和6年10月\nform: 様式2\n", 1)
    });

    // A 様式3 file: its own schema, by its own modeline; a choice of 様式2 is not among its choices.
    let juten = root().join("assessments/examples/kokuho-juten.yaml");
    let broken_juten = copy_of(&juten, dir.path(), "assessments/examples/broken-juten.yaml", |t| {
        assert!(t.contains("form: 様式3\n") && t.contains("      status: 委託する\n"));
        t.replacen("      status: 委託する\n", "      status: 委託\n", 1).replacen(
            "form: 様式3\n",
            "form: 様式3\nrisk_measures_extra: 1\n",
            1,
        )
    });

    // A 様式4 file likewise: a choice of 様式3's Ⅱ 4. is not among 様式4's ⑦, and an unknown key in
    // the cover it shares with the other forms (beside the 承認日 only 様式4 has).
    let zenkomoku = root().join("assessments/examples/juki-zenkomoku.yaml");
    let broken_zenkomoku = copy_of(&zenkomoku, dir.path(), "assessments/examples/broken-zenkomoku.yaml", |t| {
        assert!(t.contains("              status: 再委託する\n") && t.contains("  published: 令和7年4月1日\n"));
        t.replacen("              status: 再委託する\n", "              status: 再委託\n", 1).replacen(
            "  published: 令和7年4月1日\n",
            "  published: 令和7年4月1日\n  approved: 令和7年3月1日\n",
            1,
        )
    });

    let seed = seed();
    let files = [
        seed.as_path(),
        juten.as_path(),
        zenkomoku.as_path(),
        broken.as_path(),
        duplicate.as_path(),
        broken_juten.as_path(),
        broken_zenkomoku.as_path(),
    ];
    let editor = yamlls(&server, &files);

    for (sample, (sample_editor, sample_messages)) in files.iter().zip(&editor).take(3) {
        let (sample_pia, sample_report) = pia_validate(sample);
        assert!(sample_pia.is_empty(), "pia validate finds errors in {}: {sample_report}", sample.display());
        assert!(
            sample_editor.is_empty(),
            "yaml-language-server reports problems in {}: {sample_messages}",
            sample.display()
        );
    }

    for (file, (at_editor, messages)) in files.iter().zip(&editor).skip(3) {
        let (at_pia, report) = pia_validate(file);
        assert!(!at_pia.is_empty(), "pia validate finds nothing in {}", file.display());
        let lines = |at: &BTreeSet<(u64, u64)>| at.iter().map(|(l, _)| *l).collect::<BTreeSet<_>>();
        assert_eq!(
            lines(at_editor),
            lines(&at_pia),
            "{}: yaml-language-server and pia validate mark different lines\n\
             yaml-language-server: {messages}\npia validate: {report}",
            file.display()
        );
        // Columns too (both count characters; yaml-language-server counts UTF-16 units, the same
        // for these texts).
        assert_eq!(at_editor, &at_pia, "{}: different columns\n{messages}\n{report}", file.display());
    }
}
