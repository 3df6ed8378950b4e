//! One module per subcommand; each takes parsed arguments and writers and returns an [`Outcome`].

pub mod amend;
pub mod check;
pub mod completions;
pub mod diff;
pub mod fonts;
pub mod history;
pub mod list;
pub mod new;
pub mod render;
pub mod report;
pub mod schema;
pub mod threshold;
pub mod validate;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::DiagnosticFormat;
use crate::diagnostic::{self, Severity};
use crate::lang::Lang;
use crate::load::{Loaded, load_file};
use crate::output::{self, FileReport, Style};

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

/// The YAML files named by the arguments: files as given (even a dot-file: a file named is
/// always read), directories searched, sorted, for `*.yaml`/`*.yml` in any case, skipping every
/// file and folder whose name starts with `.` (`.pre-commit-config.yaml`, `.github/`). Paths that do not
/// exist are kept so the loader reports them. `pia validate`, `check`, `list` and `report` all
/// read their inputs through this one walk.
pub fn collect_yaml_files(inputs: &[PathBuf]) -> Collected {
    let mut collected = Collected::default();
    for input in inputs {
        if input.is_dir() {
            let (mut found, problems_before) = (Vec::new(), collected.problems.len());
            walk(input, &mut found, &mut collected.problems);
            if found.is_empty() && collected.problems.len() == problems_before {
                collected.problems.push(WalkError::NoAssessments { dir: input.clone() });
            }
            found.sort();
            collected.files.extend(found);
        } else {
            collected.files.push(input.clone());
        }
    }
    collected
}

/// What [`collect_yaml_files`] found.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<PathBuf>,
    /// Folders that could not be searched or hold no assessment: pia cannot run on them (exit
    /// 2), so a CI job pointed at a moved or emptied folder fails instead of checking nothing.
    pub problems: Vec<WalkError>,
}

/// A folder given as input that gives no assessment to check.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    #[error("{}: no assessment (*.yaml, *.yml) in this folder", dir.display())]
    NoAssessments { dir: PathBuf },
    #[error("{}: the folder cannot be read ({error})", dir.display())]
    Unreadable { dir: PathBuf, error: std::io::Error },
}

impl WalkError {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WalkError::NoAssessments { dir }, Lang::Ja) => format!(
                "{}: このフォルダに評価書（*.yaml・*.yml）がありません（名前が . で始まるファイルとフォルダは読みません）",
                dir.display()
            ),
            (WalkError::NoAssessments { dir }, Lang::En) => format!(
                "{}: no assessment (*.yaml, *.yml) in this folder (files and folders whose names start with . are skipped)",
                dir.display()
            ),
            (WalkError::Unreadable { dir, error }, Lang::Ja) => {
                format!("{}: フォルダを読み取れません（{error}）", dir.display())
            }
            (WalkError::Unreadable { .. }, Lang::En) => self.to_string(),
        }
    }
}

/// True for the names the walk skips: dot-files and dot-folders (tool configuration, `.git`).
fn hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// `*.yaml` and `*.yml` in any case (`A.YAML` from Windows too).
fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<WalkError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => return problems.push(WalkError::Unreadable { dir: dir.to_owned(), error }),
    };
    for entry in entries.flatten() {
        if hidden(&entry.file_name()) {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, out, problems);
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
}

/// Writes a "cannot run" message for one input to stderr.
pub fn report_cannot_run(err: &mut dyn Write, lang: Lang, what: &dyn std::fmt::Display) {
    let _ = writeln!(err, "{}: {what}", lang.pick("pia: 実行できません", "pia: cannot run"));
}

/// What `validate` and `check` share: which files, how to print, and whether to apply the rules.
pub struct DiagnosticRun<'a> {
    pub inputs: &'a [PathBuf],
    pub format: DiagnosticFormat,
    /// Apply the leak guard, the rules and the font check ([`crate::check`]) with these options;
    /// `None` only loads.
    pub checks: Option<crate::check::CheckOptions<'a>>,
    pub deny_warnings: bool,
    /// A 素案: the rules of the steps still to come ([`crate::rules::draft_skips`]) are not applied.
    pub draft: bool,
    /// Add the `summary` object to JSON output.
    pub summary: bool,
}

/// One file's part of the report, rendered as soon as the file is checked so its source can be
/// dropped (10,000 files stay small in memory).
enum Piece {
    Human(String),
    Json(output::JsonFile),
    Sarif(Vec<serde_json::Value>),
}

/// What checking one file produced.
enum Checked {
    Done {
        piece: Piece,
        diagnostics: Vec<diagnostic::Diagnostic>,
        /// What the rules across files need from it ([`crate::rules::across`]), when asked.
        key: Option<Box<crate::rules::across::AcrossKey>>,
    },
    Unreadable(crate::load::ReadError),
}

/// Checks one file and renders its part of the report, with `across` (its findings across
/// files) merged in; `keyed` asks for its [`crate::rules::across::AcrossKey`].
fn check_one(
    path: &Path,
    run: &DiagnosticRun<'_>,
    lang: Lang,
    style: Style,
    across: &[diagnostic::Diagnostic],
    keyed: bool,
) -> Checked {
    let l = match load_file(path, lang) {
        Ok(l) => l,
        Err(e) => return Checked::Unreadable(e),
    };
    let mut l = match &run.checks {
        Some(options) => crate::check::check_loaded(l, options, lang).into_loaded(),
        // `validate` applies no rules, but a file holding a 個人番号 is never valid.
        None => crate::check::guard_leaks(l, lang),
    };
    if run.draft {
        l.diagnostics.retain(|d| !crate::rules::draft_skips(d.code));
    }
    if !across.is_empty() {
        l.diagnostics.extend_from_slice(across);
        diagnostic::sort(&mut l.diagnostics);
    }
    let key = if keyed { crate::rules::across::key(&l).map(Box::new) } else { None };
    let file = FileReport { source: &l.source, diagnostics: &l.diagnostics };
    let piece = match run.format {
        DiagnosticFormat::Human => Piece::Human(output::human_file(&file, lang, style)),
        DiagnosticFormat::Json => Piece::Json(output::json_file(&file)),
        DiagnosticFormat::Sarif => Piece::Sarif(output::sarif_results(&file)),
    };
    Checked::Done { piece, diagnostics: l.diagnostics, key }
}

/// Runs `work` over `items` on one thread per core, returning the results in input order.
pub fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len()).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<R>>> = items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = work(item);
                    if let Some(Ok(mut slot)) = slots.get(i).map(|s| s.lock()) {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    slots.into_iter().map(|s| s.into_inner().ok().flatten()).collect()
}

/// Loads every input (in parallel), applies the rules when asked, prints the report and returns
/// the outcome.
pub fn run_diagnostics(run: &DiagnosticRun<'_>, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let style = Style::detect();
    let collected = collect_yaml_files(run.inputs);
    // The rules across files, when the rules apply and there is more than one file to compare.
    let across = run.checks.is_some() && collected.files.len() > 1;
    let mut results = in_parallel(&collected.files, |p| check_one(p, run, lang, style, &[], across));
    if across {
        add_across(&collected.files, &mut results, run, lang, style);
    }

    let mut outcome = Outcome::Ok;
    for problem in &collected.problems {
        report_cannot_run(err, lang, &problem.message(lang));
        outcome = Outcome::CannotRun;
    }
    let mut tally = output::Tally::default();
    let (mut human, mut json_files, mut sarif_results) = (String::new(), Vec::new(), Vec::new());
    for result in results {
        match result {
            Some(Checked::Done { piece, diagnostics, .. }) => {
                let fails = |d: &diagnostic::Diagnostic| {
                    d.severity == Severity::Error || (run.deny_warnings && d.severity == Severity::Warning)
                };
                if diagnostics.iter().any(fails) {
                    outcome = outcome.max(Outcome::Findings);
                }
                tally.add(&diagnostics);
                match piece {
                    Piece::Human(text) => human.push_str(&text),
                    Piece::Json(file) => json_files.push(file),
                    Piece::Sarif(results) => sarif_results.extend(results),
                }
            }
            Some(Checked::Unreadable(e)) => {
                report_cannot_run(err, lang, &e);
                outcome = Outcome::CannotRun;
            }
            None => outcome = Outcome::CannotRun,
        }
    }
    let text = match run.format {
        // Nothing was read: the reasons are on stderr, and "0 of 0 without errors" would mislead.
        DiagnosticFormat::Human if tally.files == 0 && outcome == Outcome::CannotRun => human,
        DiagnosticFormat::Human => human + &output::human_summary(&tally, lang),
        DiagnosticFormat::Json => output::json_document(json_files, run.summary.then_some(tally.summary)),
        DiagnosticFormat::Sarif => output::sarif_document(sarif_results, lang),
    };
    if out.write_all(text.as_bytes()).is_err() {
        return Outcome::CannotRun;
    }
    outcome
}

/// Merges the findings across files into the report: every file was checked once, in parallel,
/// keeping only its rendered part and a small [`crate::rules::across::AcrossKey`]; the few files
/// with a finding across files are checked and rendered again with it, in parallel too, so the
/// output keeps its formats and order and memory stays bounded by the keys.
fn add_across(files: &[PathBuf], results: &mut [Option<Checked>], run: &DiagnosticRun<'_>, lang: Lang, style: Style) {
    let keys: Vec<_> = results
        .iter_mut()
        .map(|r| match r {
            Some(Checked::Done { key, .. }) => key.take().map(|k| *k),
            _ => None,
        })
        .collect();
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let found = crate::rules::across::findings(&keys, &names, lang);
    drop(keys);
    let again: Vec<(usize, Vec<diagnostic::Diagnostic>)> =
        found.into_iter().enumerate().filter(|(_, d)| !d.is_empty()).collect();
    let redone = in_parallel(&again, |(i, extra)| files.get(*i).map(|p| check_one(p, run, lang, style, extra, false)));
    for ((i, _), result) in again.iter().zip(redone) {
        if let (Some(slot), Some(Some(result))) = (results.get_mut(*i), result) {
            *slot = Some(result);
        }
    }
}

/// Loads a file or `REV:PATH` that must be valid: problems are printed and become the outcome
/// (1 for an invalid file, 2 for one that cannot be read).
pub fn load_valid(arg: &str, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Result<Loaded, Outcome> {
    let input = crate::gitsrc::Input::parse(arg);
    match crate::load::load_input(&input, lang) {
        Err(e) => {
            report_cannot_run(err, lang, &e);
            Err(Outcome::CannotRun)
        }
        Ok(l) if l.assessment.is_none() => {
            let files = [FileReport { source: &l.source, diagnostics: &l.diagnostics }];
            let _ = out.write_all(output::human(&files, lang, Style::detect()).as_bytes());
            report_cannot_run(
                err,
                lang,
                &lang
                    .pick(format!("{arg} に誤りがあるため処理できません"), format!("{arg} has errors; fix them first")),
            );
            Err(Outcome::Findings)
        }
        Ok(l) => Ok(l),
    }
}

/// The two versions `diff` and `amend` compare, when both are valid and on one form; otherwise
/// why not, on stderr, as "cannot run".
pub fn versions<'a>(
    old: &'a Loaded,
    new: &'a Loaded,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<(&'a crate::model::Assessment, &'a crate::model::Assessment), Outcome> {
    let (Some(o), Some(n)) = (&old.assessment, &new.assessment) else { return Err(Outcome::CannotRun) };
    match crate::diff::same_form(o, n) {
        Ok(_) => Ok((o, n)),
        Err(crate::diff::CompareError::DifferentForms { old: ok, new: nk }) => {
            report_cannot_run(
                err,
                lang,
                &lang.pick(
                    format!(
                        "{} は{}、{} は{}です。同じ様式の版どうしを比べてください",
                        old.source.name,
                        ok.label(),
                        new.source.name,
                        nk.label()
                    ),
                    format!(
                        "{} is on {} and {} on {}: compare two versions of one form",
                        old.source.name,
                        ok.label(),
                        new.source.name,
                        nk.label()
                    ),
                ),
            );
            Err(Outcome::CannotRun)
        }
    }
}
