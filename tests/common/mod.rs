//! Helpers shared by the integration tests: run the real binary, find fixtures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

pub fn seed() -> PathBuf {
    root().join("assessments/kumamoto-kokuho-kiso.yaml")
}

/// A folder holding only a copy of the seed, under its own name: `assessments/` also holds the
/// examples, among them a 様式3 that `check` does not load yet.
pub fn seed_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(seed(), dir.path().join("kumamoto-kokuho-kiso.yaml")).expect("copy seed");
    dir
}

/// Runs `pia` with the given arguments from the project root, with a fixed locale and no colour.
pub fn pia<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    pia_in(&root(), args)
}

pub fn pia_in<I, S>(dir: &Path, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_pia"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .expect("run pia")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// A copy of `src` in a fresh temporary directory, with `edit` applied to its text.
pub fn edited_copy(src: &Path, name: &str, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(src).expect("read source");
    let path = dir.path().join(name);
    std::fs::write(&path, edit(text)).expect("write copy");
    (dir, path)
}

/// Parses `--format json` output.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// (code, line) of every diagnostic in a `--format json` report.
pub fn codes_and_lines(report: &serde_json::Value) -> Vec<(String, u64)> {
    report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| (d["code"].as_str().unwrap_or_default().to_owned(), d["line"].as_u64().unwrap_or(0)))
        .collect()
}

/// The 様式4 sample as a 素案 for the public comment: Ⅵ 2. and Ⅵ 3. not yet written, in a
/// folder of its own with the sample's figure.
pub fn zenkomoku_draft() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, draft) = edited_copy(&root().join("assessments/examples/juki-zenkomoku.yaml"), "draft.yaml", |t| {
        let start = t.find("  # Ⅵ 2. 国民・住民等からの意見の聴取\n").expect("Ⅵ 2. in the sample");
        let end = t.find("\n# 直近の評価").expect("last_assessment after Ⅵ");
        format!("{}{}", &t[..start], &t[end..])
    });
    // The figure of (別添1) beside it, as in the sample's folder.
    let figure = "juki-zenkomoku-flow.svg";
    std::fs::copy(root().join("assessments/examples").join(figure), dir.path().join(figure)).expect("figure");
    (dir, draft)
}
