//! The pre-commit hook (`.pre-commit-hooks.yaml`) and the GitHub Actions example
//! (`docs/ci/github-actions.yml`): they parse, say what the README says, and their commands do
//! what they promise when run with the real binary.

mod common;

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

fn yaml_file(rel: &str) -> Value {
    let text = std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{rel} is not YAML: {e}"))
}

/// The seed with a value that is not among the choices and an unknown key.
/// The seed with two errors, under its own 評価書番号 (a second file numbered 12 of 熊本市長 beside
/// the seed would be `duplicate-assessment-number` too).
fn broken_text() -> String {
    std::fs::read_to_string(seed())
        .expect("seed")
        .replacen("  acquisition: 十分である\n", "  acquisition: 十分\n", 1)
        .replacen("  number: \"12\"\n", "  number: \"13\"\n  numbr: \"13\"\n", 1)
}

// --- pre-commit --------------------------------------------------------------------------

fn hook() -> Value {
    let hooks = yaml_file(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect(".pre-commit-hooks.yaml is a list of hooks");
    let found: Vec<_> = hooks.iter().filter(|h| h["id"] == "pia-check").collect();
    assert_eq!(found.len(), 1, "exactly one hook with id pia-check: {hooks:?}");
    found[0].clone()
}

#[test]
fn pre_commit_hook_is_declared() {
    let hook = hook();
    // The keys pre-commit requires, and what the README promises.
    for key in ["id", "name", "entry", "language"] {
        assert!(hook[key].is_string(), "the hook has no string `{key}`: {hook}");
    }
    assert_eq!(hook["entry"], "pia check");
    assert_eq!(hook["language"], "rust", "pre-commit builds pia from this repository with cargo");
    assert_eq!(hook["files"], r"^assessments/.*\.ya?ml$");
    assert_eq!(hook["types"], serde_json::json!(["yaml"]));
    assert_ne!(hook["pass_filenames"], false, "pia check needs the file names");
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains("id: pia-check"), "the README does not show how to use the hook");
}

#[test]
fn pre_commit_file_pattern_selects_the_assessments() {
    let pattern = hook()["files"].as_str().expect("files").to_owned();
    // pre-commit matches `files` with Python's re.search against repository-relative paths;
    // this pattern uses only what POSIX extended regular expressions mean the same way.
    let selected = |path: &str| -> Option<bool> {
        let out = Command::new("grep").args(["-Eq", "--", &pattern]).stdin_text(path)?;
        Some(out.status.success())
    };
    let cases = [
        ("assessments/kumamoto-kokuho-kiso.yaml", true),
        ("assessments/2025/kumamoto-kokuho-kiso.yml", true),
        ("assessments/notes.md", false),
        ("schema/kiso-r6.10.schema.json", false),
        ("tests/fixtures/minimal.yaml", false),
        (".pre-commit-hooks.yaml", false),
        ("old/assessments/x.yaml", false),
    ];
    for (path, expected) in cases {
        let Some(got) = selected(path) else {
            skip("the `files:` pattern check: grep is not available");
            return;
        };
        assert_eq!(got, expected, "`files: {pattern}` on {path}");
    }
}

trait StdinText {
    fn stdin_text(&mut self, text: &str) -> Option<Output>;
}

impl StdinText for Command {
    fn stdin_text(&mut self, text: &str) -> Option<Output> {
        use std::io::Write;
        let mut child = self
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(format!("{text}\n").as_bytes()).ok()?;
        child.wait_with_output().ok()
    }
}

#[test]
fn pre_commit_entry_checks_the_files_it_is_given() {
    // pre-commit runs `entry` followed by the staged files that match.
    let hook = hook();
    let entry: Vec<&str> = hook["entry"].as_str().expect("entry").split_whitespace().collect();
    assert_eq!(entry[0], "pia");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("assessments")).expect("mkdir");
    std::fs::copy(seed(), dir.path().join("assessments/good.yaml")).expect("copy seed");
    std::fs::write(dir.path().join("assessments/bad.yaml"), broken_text()).expect("write broken");
    let run = |files: &[&str]| pia_in(dir.path(), entry[1..].iter().chain(files));
    let good = run(&["assessments/good.yaml"]);
    assert_eq!(code(&good), 0, "{}{}", stdout(&good), stderr(&good));
    let both = run(&["assessments/good.yaml", "assessments/bad.yaml"]);
    assert_eq!(code(&both), 1, "{}{}", stdout(&both), stderr(&both));
    assert!(stdout(&both).contains("assessments/bad.yaml"), "findings do not name the file: {}", stdout(&both));
}

// --- GitHub Actions ----------------------------------------------------------------------

const WORKFLOW: &str = "docs/ci/github-actions.yml";

fn steps(workflow: &Value) -> Vec<Value> {
    let jobs = workflow["jobs"].as_object().expect("jobs");
    assert_eq!(jobs.len(), 1, "one job");
    jobs.values().next().unwrap()["steps"].as_array().expect("steps").clone()
}

fn step<'a>(steps: &'a [Value], id: &str) -> &'a Value {
    steps.iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("no step with id {id}"))
}

#[test]
fn workflow_runs_check_as_sarif_and_uploads_it() {
    let workflow = yaml_file(WORKFLOW);
    assert!(workflow["name"].is_string(), "the workflow has no name");
    assert_eq!(workflow["permissions"]["security-events"], "write", "upload-sarif needs security-events: write");
    let steps = steps(&workflow);
    let check = step(&steps, "check");
    let run = check["run"].as_str().expect("the check step runs a script");
    assert!(run.contains("pia check --format sarif"), "the check step does not run `pia check --format sarif`");
    assert!(run.contains("> pia.sarif"), "the check step does not write pia.sarif");

    let position = |pred: &dyn Fn(&Value) -> bool| steps.iter().position(pred);
    let at_check = position(&|s| s["id"] == "check").unwrap();
    let at_upload =
        position(&|s| s["uses"].as_str().is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@")))
            .expect("no github/codeql-action/upload-sarif step");
    let upload = &steps[at_upload];
    assert!(at_upload > at_check, "the upload comes before the check");
    assert_eq!(upload["with"]["sarif_file"], "pia.sarif");
    assert!(upload["if"].is_null(), "the upload runs whenever the check step succeeded (exit 0 or 1)");
    let at_fail = position(&|s| s["if"].as_str().is_some_and(|c| c.contains("steps.check.outputs.exit-code == '1'")))
        .expect("no step failing the job on findings");
    assert!(at_fail > at_upload, "the job fails on findings before the upload");
    // pia is installed before it is used.
    let at_install = position(&|s| s["run"].as_str().is_some_and(|r| r.contains("cargo +stable install --locked")))
        .expect("no step installing pia");
    assert!(at_install < at_check);
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains(WORKFLOW), "the README does not point to {WORKFLOW}");
}

/// Runs one step's `run` script with bash as GitHub Actions would, `pia` on PATH.
fn run_step(script: &str, workspace: &Path, assessments: &str) -> (Output, String) {
    let bin = workspace.join(".bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let pia = bin.join("pia");
    if !pia.exists() {
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_pia"), &pia).expect("symlink pia");
    }
    let output_file = workspace.join("github-output");
    std::fs::write(&output_file, "").expect("github-output");
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail {0}`.
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(workspace)
        .env("PATH", path)
        .env("ASSESSMENTS", assessments)
        .env("GITHUB_OUTPUT", &output_file)
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("NO_COLOR")
        .output()
        .expect("run bash");
    (out, std::fs::read_to_string(&output_file).unwrap_or_default())
}

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().to_path_buf();
    std::fs::create_dir_all(ws.join("assessments")).expect("mkdir");
    std::fs::copy(seed(), ws.join("assessments/good.yaml")).expect("copy seed");
    std::fs::create_dir_all(ws.join("broken")).expect("mkdir");
    std::fs::write(ws.join("broken/bad.yaml"), broken_text()).expect("write broken");
    (dir, ws)
}

fn sarif_results(ws: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(ws.join("pia.sarif")).expect("pia.sarif");
    let sarif: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("pia.sarif is not JSON ({e}): {text}"));
    assert_eq!(sarif["version"], "2.1.0");
    sarif["runs"][0]["results"].as_array().expect("results").clone()
}

#[test]
fn workflow_check_step_keeps_going_on_findings_and_stops_when_pia_cannot_run() {
    let workflow = yaml_file(WORKFLOW);
    let steps = steps(&workflow);
    let check = step(&steps, "check")["run"].as_str().expect("run").to_owned();
    let fail = steps
        .iter()
        .find(|s| s["if"].as_str().is_some_and(|c| c.contains("exit-code == '1'")))
        .and_then(|s| s["run"].as_str())
        .expect("the failing step's script")
        .to_owned();
    let (_dir, ws) = workspace();

    // No findings: the step succeeds, exit-code=0, an empty SARIF run.
    let (out, outputs) = run_step(&check, &ws, "assessments");
    assert!(out.status.success(), "check step failed on the seed: {}", stderr(&out));
    assert!(outputs.contains("exit-code=0\n"), "outputs: {outputs:?}");
    let errors = sarif_results(&ws).into_iter().filter(|r| r["level"] == "error").count();
    assert_eq!(errors, 0, "errors on the seed");

    // Findings: the step still succeeds (so the upload runs), exit-code=1, results in the SARIF
    // at paths relative to the repository; then the failing step fails and prints them.
    let (out, outputs) = run_step(&check, &ws, "assessments broken");
    assert!(out.status.success(), "check step failed on findings: {}", stderr(&out));
    assert!(outputs.contains("exit-code=1\n"), "outputs: {outputs:?}");
    let results = sarif_results(&ws);
    for r in &results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap_or_default();
        assert!(["assessments/good.yaml", "broken/bad.yaml"].contains(&uri), "not a repository path: {r}");
        if r["level"] == "error" {
            assert_eq!(uri, "broken/bad.yaml", "{r}");
        }
    }
    assert!(results.iter().any(|r| r["level"] == "error"), "no errors in the SARIF: {results:?}");
    let (out, _) = run_step(&fail, &ws, "assessments broken");
    assert_eq!(code(&out), 1, "the failing step did not fail");
    assert!(stdout(&out).contains("broken/bad.yaml"), "the failing step does not show the findings: {}", stdout(&out));
    assert!(!out.stdout.contains(&0x1b), "colour codes in the CI log");

    // pia cannot run: the step fails at once.
    let (out, outputs) = run_step(&check, &ws, "no-such-dir/x.yaml");
    assert_eq!(code(&out), 2, "check step on a missing file: {}", stdout(&out));
    assert!(outputs.contains("exit-code=2\n"), "outputs: {outputs:?}");
}

/// Decodes `%XX` escapes (the inverse of RFC 3986 percent-encoding).
fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn sarif_uris_are_percent_encoded_and_rules_carry_their_help() {
    // Spaces and Japanese in folder and file names are normal where assessments are kept.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("令和7年度 評価書")).expect("mkdir");
    std::fs::write(dir.path().join("令和7年度 評価書/国保 kiso.yaml"), broken_text()).expect("write");
    let out = pia_in(dir.path(), ["check", "--today", "2025-05-01", "--format", "sarif", "令和7年度 評価書"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().expect("uri");
        assert_eq!(
            uri,
            "%E4%BB%A4%E5%92%8C7%E5%B9%B4%E5%BA%A6%20%E8%A9%95%E4%BE%A1%E6%9B%B8/%E5%9B%BD%E4%BF%9D%20kiso.yaml"
        );
        // A relative reference of RFC 3986: unreserved characters, `/` and escapes only.
        assert!(uri.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)), "{uri}");
        assert_eq!(percent_decode(uri), "令和7年度 評価書/国保 kiso.yaml");
    }
    // A result carries its own help (the suggestion).
    let choice = results.iter().find(|r| r["ruleId"] == "invalid-choice").expect("an invalid-choice result");
    assert!(
        choice["message"]["text"].as_str().unwrap_or_default().contains("「十分である」ではありませんか？"),
        "{choice}"
    );
    // Every rule carries its documentation; no relative helpUri (it would resolve against the
    // repository that keeps the assessments, where docs/rules.md is not).
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    for rule in rules {
        assert!(rule.get("helpUri").is_none(), "{rule}");
        let help = rule["help"]["text"].as_str().unwrap_or_default();
        assert!(help.contains("**直し方**"), "no documentation in {}: {help}", rule["id"]);
        assert!(!rule["fullDescription"]["text"].as_str().unwrap_or_default().is_empty());
    }
    let en =
        pia_in(dir.path(), ["check", "--lang", "en", "--today", "2025-05-01", "--format", "sarif", "令和7年度 評価書"]);
    let sarif: Value = serde_json::from_slice(&en.stdout).expect("SARIF is JSON");
    let rule = &sarif["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "yaml-syntax");
    assert!(rule["help"]["text"].as_str().unwrap_or_default().starts_with("The file cannot be read as YAML"), "{rule}");
    assert!(!sarif.to_string().contains("helpUri"));
}

// --- The quick start and .ci/run ---------------------------------------------------------

/// The README's quick-start commands (the first `sh` block after `## Quick start`).
fn quick_start() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let section = readme.split("## Quick start").nth(1).expect("a Quick start section");
    let block = section.split("```sh\n").nth(1).and_then(|b| b.split("```").next()).expect("an sh block");
    block.lines().map(str::to_owned).collect()
}

/// The packages `.ci/run` installs (`packages=(…)`).
fn ci_packages() -> Vec<String> {
    let script = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    let line = script.lines().find_map(|l| l.strip_prefix("packages=(")).expect("packages=( in .ci/run");
    line.trim_end_matches(')').split_whitespace().map(str::to_owned).collect()
}

/// Writes an executable `#!/bin/sh` script `name` into `bin`.
fn fake(bin: &Path, name: &str, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    let path = bin.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write fake");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

fn log_lines(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log).unwrap_or_default().lines().map(str::to_owned).collect()
}

#[test]
fn quick_start_is_two_commands_and_the_first_works_as_root_without_sudo_and_with_sudo() {
    let commands = quick_start();
    assert_eq!(commands.len(), 2, "the quick start is two commands: {commands:?}");
    assert_eq!(commands[1], "cargo test --release --locked");
    // .ci/run runs the first README line starting `cargo test` (grep -m1 -E '^cargo test').
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert_eq!(readme.lines().find(|l| l.starts_with("cargo test")), Some(commands[1].as_str()));

    let packages = ci_packages().join(" ");
    let render = "cargo run --release -- render assessments/kumamoto-kokuho-kiso.yaml";
    let shells: Vec<&str> = ["/bin/sh", "/bin/bash"].into_iter().filter(|s| Path::new(s).exists()).collect();
    for shell in shells {
        for with_sudo in [false, true] {
            for update_fails in [false, true] {
                let dir = tempfile::tempdir().expect("tempdir");
                // Only what the command may use: no real sudo, apt-get or cargo.
                let bin = dir.path().join("bin");
                std::fs::create_dir_all(&bin).expect("mkdir");
                std::os::unix::fs::symlink("/bin/sh", bin.join("sh")).expect("symlink sh");
                let fail = if update_fails { r#"[ "$1" = update ] && exit 100"# } else { ":" };
                fake(&bin, "apt-get", &format!("echo \"apt-get $*\" >> \"$LOG\"\n{fail}\nexit 0"));
                fake(&bin, "cargo", "echo \"cargo $*\" >> \"$LOG\"");
                if with_sudo {
                    fake(&bin, "sudo", "echo \"sudo $1 $2\" >> \"$LOG\"\nexec \"$@\"");
                }
                let log = dir.path().join("log");
                let out = Command::new(shell)
                    .args(["-c", &commands[0]])
                    .env_clear()
                    .env("PATH", &bin)
                    .env("LOG", &log)
                    .output()
                    .expect("run the first command");
                let what = format!("{shell}, sudo: {with_sudo}, apt-get update fails: {update_fails}");
                let mut expected: Vec<String> = Vec::new();
                if with_sudo {
                    expected.push("sudo sh -c".into());
                }
                expected.push("apt-get update".into());
                if update_fails {
                    assert!(!out.status.success(), "{what}: went on after a failed apt-get update");
                } else {
                    assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
                    expected.push(format!("apt-get install -y {packages}"));
                    expected.push(render.into());
                }
                assert_eq!(log_lines(&log), expected, "{what}");
            }
        }
    }
}

/// Runs a copy of `.ci/run` (with the README beside it) against fake tools; returns the exit
/// code, stdout and the commands run.
fn run_ci(setup: &dyn Fn(&Path)) -> (i32, String, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("project");
    std::fs::create_dir_all(project.join(".ci")).expect("mkdir");
    std::fs::copy(root().join(".ci/run"), project.join(".ci/run")).expect("copy .ci/run");
    std::fs::copy(root().join("README.md"), project.join("README.md")).expect("copy README");
    let bin = dir.path().join("bin");
    let state = dir.path().join("state");
    std::fs::create_dir_all(&bin).expect("mkdir");
    std::fs::create_dir_all(&state).expect("mkdir");
    fake(&bin, "dpkg-query", "echo 'install ok installed'");
    fake(
        &bin,
        "cargo",
        r#"echo "cargo $*" >> "$LOG"
case "$1 $2" in
  "fmt --version") [ -e "$STATE/no-rustfmt" ] && exit 1 ;;
  "fmt --check") [ -e "$STATE/unformatted" ] && exit 1 ;;
esac
exit 0"#,
    );
    fake(
        &bin,
        "rustup",
        r#"echo "rustup $*" >> "$LOG"
[ -e "$STATE/rustup-fails" ] && exit 1
rm -f "$STATE/no-rustfmt""#,
    );
    setup(&state);
    let log = dir.path().join("log");
    let out = Command::new("bash")
        .arg(project.join(".ci/run"))
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .env("LOG", &log)
        .env("STATE", &state)
        .env("HOME", dir.path())
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("run .ci/run");
    let ran = log_lines(&log).into_iter().filter(|l| !l.ends_with("--version")).collect();
    (code(&out), stdout(&out), ran)
}

#[test]
fn ci_run_checks_formatting_and_lints_before_the_tests() {
    if Command::new("bash").arg("--version").output().is_err() {
        skip(".ci/run: bash is not available");
        return;
    }
    let fmt = "cargo fmt --check";
    let clippy = "cargo clippy --release --all-targets --locked -- -D warnings";
    let test = "cargo test --release --locked";
    let touch = |name: &'static str| move |state: &Path| std::fs::write(state.join(name), "").expect("touch");

    let (exit, out, ran) = run_ci(&|_| {});
    assert_eq!((exit, ran.clone()), (0, vec![fmt.to_owned(), clippy.to_owned(), test.to_owned()]), "{out}");

    // rustfmt missing: added with rustup, then everything runs.
    let (exit, out, ran) = run_ci(&touch("no-rustfmt"));
    assert_eq!(exit, 0, "{out}");
    assert_eq!(ran, ["rustup component add rustfmt", fmt, clippy, test], "{out}");

    // rustfmt missing and rustup cannot add it: a clear failure, no tests.
    let (exit, out, ran) = run_ci(&|state: &Path| {
        touch("no-rustfmt")(state);
        touch("rustup-fails")(state);
    });
    assert_eq!(exit, 2, "{out}");
    assert!(out.contains("rustup component add rustfmt"), "{out}");
    assert!(!ran.iter().any(|c| c.starts_with("cargo")), "{ran:?}");

    // Unformatted code stops the run before clippy and the tests.
    let (exit, out, ran) = run_ci(&touch("unformatted"));
    assert_ne!(exit, 0, "{out}");
    assert_eq!(ran, [fmt], "{out}");
}
