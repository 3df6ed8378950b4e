//! One module per subcommand; each takes parsed arguments and writers and returns an [`Outcome`].

pub mod schema;
pub mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::lang::Lang;

/// How a command ended, as the process exit code reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// 0: everything is fine.
    Ok = 0,
    /// 1: the inputs have findings (errors, or warnings under `--deny-warnings`).
    Findings = 1,
    /// 2: the command could not run (missing file, bad arguments, no font, …).
    CannotRun = 2,
}

impl Outcome {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// The YAML files named by the arguments: files as given, directories searched (sorted) for
/// `*.yaml`/`*.yml`. Paths that do not exist are kept so the loader reports them.
pub fn collect_yaml_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found);
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                walk(&path, out);
            }
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(path);
        }
    }
}

/// Writes a "cannot run" message for one input to stderr.
pub fn report_cannot_run(err: &mut dyn Write, lang: Lang, what: &dyn std::fmt::Display) {
    let _ = writeln!(err, "{}: {what}", lang.pick("pia: 実行できません", "pia: cannot run"));
}
