//! The exit codes every command shares (0 all good, 1 findings, 2 cannot run) and when output is
//! coloured (only on a terminal, and never with `NO_COLOR`), as the README documents them.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

/// Says why a check did not run. Written to the process's stderr directly, not through
/// `eprintln!`, which the test harness captures and hides for tests that pass.
fn skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {why}");
}

const TODAY: &str = "2025-05-01";

/// The seed with a value that is not among the choices (Ⅳ 2., line 166) and an unknown key.
fn broken_copy() -> (tempfile::TempDir, PathBuf) {
    edited_copy(&seed(), "broken.yaml", |text| {
        let text = text.replacen("  acquisition: 十分である\n", "  acquisition: 十分\n", 1);
        text.replacen("  number: \"12\"\n", "  number: \"12\"\n  numbr: \"12\"\n", 1)
    })
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Asserts the exit code; a 2 must come with a message on stderr.
fn assert_code(out: &Output, expected: i32, what: &str) {
    assert_eq!(code(out), expected, "{what}: exit {}\nstdout: {}\nstderr: {}", code(out), stdout(out), stderr(out));
    if expected == 2 {
        assert!(!stderr(out).trim().is_empty(), "{what}: exit 2 without a message");
    }
}

#[test]
fn validate_exits_0_1_2() {
    let (_dir, broken) = broken_copy();
    assert_code(&pia(["validate", s(&seed())]), 0, "validate the seed");
    assert_code(&pia(["validate", s(&broken)]), 1, "validate a broken copy");
    assert_code(&pia(["validate", "--format", "json", s(&broken)]), 1, "validate --format json, broken");
    assert_code(&pia(["validate", "no-such-file.yaml"]), 2, "validate a missing file");
    // A missing file outweighs findings in another.
    assert_code(&pia(["validate", s(&broken), "no-such-file.yaml"]), 2, "validate broken + missing");
    assert_code(&pia(["validate"]), 2, "validate without a file");
    assert_code(&pia(["validate", "--format", "xml", s(&seed())]), 2, "validate --format xml");
}

#[test]
fn check_exits_0_1_2() {
    let (_dir, broken) = broken_copy();
    assert_code(&pia(["check", "--today", TODAY, s(&seed())]), 0, "check the seed");
    // Every assessment under assessments/ (the seed and the 見本市 samples of all three forms).
    assert_code(&pia(["check", "--today", TODAY, "assessments"]), 0, "check the assessments");
    assert_code(&pia(["check", "--today", TODAY, s(&broken)]), 1, "check a broken copy");
    assert_code(&pia(["check", "--today", TODAY, "--format", "sarif", s(&broken)]), 1, "check --format sarif, broken");
    assert_code(&pia(["check", "--today", TODAY, "no-such-file.yaml"]), 2, "check a missing file");
    assert_code(&pia(["check", "--today", "someday", s(&seed())]), 2, "check --today with a bad date");
}

#[test]
fn render_exits_1_2_before_writing_anything() {
    let (dir, broken) = broken_copy();
    let pdf = dir.path().join("out.pdf");
    assert_code(&pia(["render", "no-such-file.yaml", "-o", s(&pdf)]), 2, "render a missing file");
    assert_code(&pia(["render", s(&broken), "-o", s(&pdf)]), 1, "render an invalid file");
    assert!(!pdf.exists(), "a failed render left {}", pdf.display());
    assert_code(&pia(["render"]), 2, "render without a file");
}

#[test]
fn diff_exits_0_1_2() {
    let seed = "assessments/kumamoto-kokuho-kiso.yaml";
    assert_code(&pia(["diff", seed, seed]), 0, "diff a file with itself");
    let rise = fixture("rules/threshold-rise");
    let (old, new) = (rise.join("previous.yaml"), rise.join("fail.yaml"));
    assert_code(&pia(["diff", s(&old), s(&new)]), 1, "diff with a threshold-rise");
    let bad_rev = format!("no-such-revision:{seed}");
    assert_code(&pia(["diff", &bad_rev, seed]), 2, "diff from a bad revision");
    assert_code(&pia(["diff", seed, "no-such-file.yaml"]), 2, "diff to a missing file");
}

#[test]
fn help_and_version_exit_0_bad_arguments_exit_2() {
    assert_code(&pia(["--help"]), 0, "pia --help");
    assert_code(&pia(["--version"]), 0, "pia --version");
    assert_code(&pia(["check", "--help"]), 0, "pia check --help");
    assert_code(&pia(["--no-such-flag"]), 2, "pia --no-such-flag");
    assert_code(&pia(["no-such-command"]), 2, "pia no-such-command");
    assert_code(&pia::<[&str; 0], &str>([]), 2, "pia without a command");
}

// --- colour ------------------------------------------------------------------------------

/// The commands whose human output shows diagnostics (each exits 1), run on a broken copy.
fn colourful_commands(broken: &Path, out_dir: &Path) -> Vec<Vec<String>> {
    let rise = fixture("rules/threshold-rise");
    let pdf = out_dir.join("out.pdf");
    [
        vec!["validate", s(broken)],
        vec!["check", "--today", TODAY, s(broken)],
        vec!["render", s(broken), "-o", s(&pdf)],
        vec!["diff", s(&rise.join("previous.yaml")), s(&rise.join("fail.yaml"))],
        vec!["--no-such-flag"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(str::to_owned).collect())
    .collect()
}

/// Runs pia with stdout and stderr piped, as CI and editors do, with NO_COLOR set as given.
fn piped(args: &[String], no_color: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pia"));
    cmd.args(args).current_dir(root()).env("LANG", "ja_JP.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    // Terminal hints must not matter either.
    cmd.env("TERM", "xterm-256color").env("CLICOLOR", "1").env_remove("CLICOLOR_FORCE");
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    cmd.output().expect("run pia")
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn piped_output_has_no_colour_even_without_no_color() {
    let (dir, broken) = broken_copy();
    for args in colourful_commands(&broken, dir.path()) {
        for no_color in [None, Some("1")] {
            let out = piped(&args, no_color);
            assert!(matches!(code(&out), 1 | 2), "pia {args:?}: exit {}", code(&out));
            assert!(!out.stdout.is_empty() || !out.stderr.is_empty(), "pia {args:?} printed nothing");
            assert!(!has_escape(&out.stdout), "pia {args:?} (NO_COLOR={no_color:?}): escape codes on stdout");
            assert!(!has_escape(&out.stderr), "pia {args:?} (NO_COLOR={no_color:?}): escape codes on stderr");
        }
    }
}

/// Runs pia under a pseudo-terminal with `script` (util-linux); None if `script` is absent.
fn on_a_terminal(args: &[String], no_color: Option<&str>) -> Option<Output> {
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_pia").to_owned())
        .chain(args.iter().cloned())
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c", &quoted.join(" "), "/dev/null"])
        .current_dir(root())
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("TERM", "xterm-256color")
        .env("SHELL", "/bin/sh")
        .stdin(std::process::Stdio::null());
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    cmd.output().ok()
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    if Command::new("script").arg("--version").output().is_err() {
        skip("the terminal colour check: `script` (util-linux) is not installed");
        return;
    }
    let (dir, broken) = broken_copy();
    let validate = vec!["validate".to_owned(), s(&broken).to_owned()];
    let coloured = on_a_terminal(&validate, None).expect("script");
    assert_eq!(code(&coloured), 1, "under script: {}", stdout(&coloured));
    assert!(has_escape(&coloured.stdout), "no colour on a terminal: {}", stdout(&coloured));
    // NO_COLOR set but empty counts as unset (no-color.org).
    let empty = on_a_terminal(&validate, Some("")).expect("script");
    assert!(has_escape(&empty.stdout), "no colour on a terminal with NO_COLOR empty");
    for args in colourful_commands(&broken, dir.path()) {
        let plain = on_a_terminal(&args, Some("1")).expect("script");
        assert!(matches!(code(&plain), 1 | 2), "pia {args:?} under script: exit {}", code(&plain));
        assert!(!plain.stdout.is_empty(), "pia {args:?} under script printed nothing");
        assert!(
            !has_escape(&plain.stdout),
            "pia {args:?}: colour on a terminal despite NO_COLOR=1: {}",
            stdout(&plain)
        );
    }
}

/// A folder holding only what is not an assessment: tool configuration in dot-files and
/// dot-folders, and notes.
fn folder_without_assessments() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(".pre-commit-config.yaml"), "repos: []\n").expect("write");
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    std::fs::write(dir.path().join(".github/workflows/ci.yml"), "on: push\n").expect("write");
    std::fs::write(dir.path().join("notes.md"), "# notes\n").expect("write");
    dir
}

#[test]
fn a_folder_without_assessments_cannot_run() {
    let dir = folder_without_assessments();
    let folder = dir.path().join("assessments");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let out_file = dir.path().join("report.html");
    for root in [dir.path(), folder.as_path()] {
        let runs: [(&str, Vec<&str>); 5] = [
            ("validate", vec!["validate", s(root)]),
            ("check", vec!["check", "--today", TODAY, s(root)]),
            ("check --format sarif", vec!["check", "--today", TODAY, "--format", "sarif", s(root)]),
            ("list", vec!["list", s(root)]),
            ("report", vec!["report", s(root), "-o", s(&out_file)]),
        ];
        for (what, args) in runs {
            let out = pia(&args);
            assert_code(&out, 2, &format!("{what} on a folder without assessments"));
            let err = stderr(&out);
            assert!(err.contains(s(root)) && err.contains("評価書（*.yaml・*.yml）がありません"), "{what}: {err}");
        }
    }
    // In English, and beside a folder that has one: the other is still checked.
    let good = dir.path().join("good");
    std::fs::create_dir_all(&good).expect("mkdir");
    std::fs::copy(seed(), good.join("kiso.yaml")).expect("copy seed");
    let out = pia(["check", "--lang", "en", "--today", TODAY, s(&good), s(&folder)]);
    assert_code(&out, 2, "check assessments + an empty folder");
    assert!(stderr(&out).contains(&format!("{}: no assessment (*.yaml, *.yml) in this folder", s(&folder))));
    assert!(stdout(&out).contains("1 of 1 file(s) without errors"), "{}", stdout(&out));
}

#[test]
fn dot_files_are_skipped_in_folders_but_read_when_named() {
    let dir = folder_without_assessments();
    std::fs::copy(seed(), dir.path().join("kiso.yaml")).expect("copy seed");
    std::fs::create_dir_all(dir.path().join(".old")).expect("mkdir");
    std::fs::write(dir.path().join(".old/broken.yaml"), "form: 様式2\n").expect("write");
    // validate, check, list and report read the folder through the same walk: only kiso.yaml.
    let out = pia(["check", "--today", TODAY, "--format", "json", s(dir.path())]);
    assert_code(&out, 0, "check a folder with dot-files");
    let files: Vec<String> = json(&out)["files"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(files, [s(&dir.path().join("kiso.yaml"))]);
    assert_code(&pia(["validate", s(dir.path())]), 0, "validate a folder with dot-files");
    let out = pia(["list", "--format", "json", "--today", TODAY, s(dir.path())]);
    assert_code(&out, 0, "list a folder with dot-files");
    assert_eq!(json(&out)["assessments"].as_array().map(Vec::len), Some(1), "{}", stdout(&out));
    let md = dir.path().join("report.md");
    let out = pia(["report", s(dir.path()), "-o", s(&md), "--format", "md", "--today", TODAY, "--lang", "en"]);
    assert_code(&out, 0, "report on a folder with dot-files");
    assert!(stdout(&out).contains("(1 assessment(s)"), "{}", stdout(&out));
    // A file named on the command line is always read, dot or not.
    let named = dir.path().join(".pre-commit-config.yaml");
    assert_code(&pia(["validate", s(&named)]), 1, "validate a dot-file named on the command line");
}

#[test]
fn folders_are_searched_for_yaml_in_any_case() {
    // Files saved on Windows may end in .YAML or .Yml; validate, check, list and report all see them.
    let dir = tempfile::tempdir().expect("tempdir");
    let seed_text = std::fs::read_to_string(seed()).expect("seed");
    for (i, name) in ["a.yaml", "B.YAML", "c.Yml", "D.YML"].iter().enumerate() {
        let text = seed_text.replacen("  number: \"12\"", &format!("  number: \"{}\"", i + 1), 1);
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    std::fs::write(dir.path().join("notes.YAMLX"), "not: an assessment\n").expect("write");
    let out = pia(["check", "--today", TODAY, "--format", "json", s(dir.path())]);
    assert_code(&out, 0, "check a folder with upper-case extensions");
    let mut files: Vec<String> = json(&out)["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| Path::new(f["path"].as_str()?).file_name()?.to_str().map(str::to_owned))
        .collect();
    files.sort();
    assert_eq!(files, ["B.YAML", "D.YML", "a.yaml", "c.Yml"]);
    let out = pia(["validate", "--format", "json", s(dir.path())]);
    assert_eq!(json(&out)["files"].as_array().map(Vec::len), Some(4), "{}", stdout(&out));
    let out = pia(["list", "--format", "json", "--today", TODAY, s(dir.path())]);
    assert_eq!(json(&out)["assessments"].as_array().map(Vec::len), Some(4), "{}", stdout(&out));
    let md = tempfile::tempdir().expect("tempdir");
    let md = md.path().join("r.md");
    let out = pia(["report", s(dir.path()), "-o", s(&md), "--format", "md", "--today", TODAY, "--lang", "en"]);
    assert!(stdout(&out).contains("(4 assessment(s)"), "{}", stdout(&out));
    // A folder holding only upper-case files is not "without assessments".
    let upper = tempfile::tempdir().expect("tempdir");
    std::fs::write(upper.path().join("KISO.YAML"), &seed_text).expect("write");
    assert_code(&pia(["check", "--today", TODAY, s(upper.path())]), 0, "check a folder of one KISO.YAML");
}
