//! `pia render`: PDFs of the official form, fonts loaded once, files rendered in parallel. Each
//! file is checked as `pia check` checks it; one with errors is refused, or with `--draft`
//! rendered as a 素案 (see [`crate::render::refuses`]).

use std::io::Write;
use std::path::PathBuf;

use super::{Outcome, report_cannot_run};
use crate::check::{CheckOptions, check_file};
use crate::cli::{Emit, RenderArgs};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fsutil::{atomic_write, same_file};
use crate::lang::Lang;
use crate::output::{self, FileReport, Style};
use crate::render::{
    Audience, FontSet, RenderError, RenderOptions, Stage, default_output, parse_standards, prepare, refuses, render,
};
use crate::source::Source;

/// One file's job: where it comes from and where it goes.
struct Job {
    input: PathBuf,
    output: PathBuf,
}

/// A file's findings, with its source for printing them.
struct Findings {
    source: Source,
    diagnostics: Vec<Diagnostic>,
}

/// One file's result, printed in input order.
enum Done {
    /// Written, with the findings it was rendered despite (warnings; a draft's errors).
    Written {
        path: PathBuf,
        size: usize,
        findings: Findings,
    },
    /// Not written: the findings that refuse it, and the others.
    Refused(Findings),
    Failed(String),
}

fn plan(args: &RenderArgs, extension: &str, lang: Lang) -> Result<Vec<Job>, String> {
    let single = args.files.len() == 1;
    let mut jobs: Vec<Job> = Vec::new();
    for input in &args.files {
        let output = match (&args.output, single) {
            (Some(out), true) if !out.is_dir() => out.clone(),
            (Some(dir), _) => dir.join(default_output(input, extension)),
            (None, _) => default_output(input, extension),
        };
        if let Some(other) = args.files.iter().find(|i| output == **i || same_file(&output, i)) {
            return Err(lang.pick(
                format!("{}: 出力先 {} は入力のファイルです。上書きしません", input.display(), other.display()),
                format!("{}: the output {} is an input; refusing to overwrite it", input.display(), other.display()),
            ));
        }
        // Two inputs with one name (a/kiso.yaml, b/kiso.yaml) would write one output twice.
        if let Some(first) = jobs.iter().find(|j| j.output == output) {
            return Err(lang.pick(
                format!(
                    "{} と {} は、どちらも {} に出力されます。何も出力していません。1つずつ -o で出力先を指定してください",
                    first.input.display(),
                    input.display(),
                    output.display()
                ),
                format!(
                    "{} and {} would both be written to {}; nothing was written. Render them one at a time with -o",
                    first.input.display(),
                    input.display(),
                    output.display()
                ),
            ));
        }
        jobs.push(Job { input: input.clone(), output });
    }
    if !single
        && let Some(dir) = &args.output
        && !dir.is_dir()
    {
        return Err(lang.pick(
            format!("{}: 複数のファイルを出力するときは、-o に既存のフォルダを指定してください", dir.display()),
            format!("{}: with several files, -o must be an existing directory", dir.display()),
        ));
    }
    Ok(jobs)
}

fn render_one(
    job: &Job,
    args: &RenderArgs,
    fonts: &FontSet,
    options: &RenderOptions,
    checks: &CheckOptions<'_>,
    lang: Lang,
) -> Done {
    let checked = match check_file(&job.input, checks, lang) {
        Ok(c) => c,
        Err(e) => return Done::Failed(e.to_string()),
    };
    let result = match args.emit {
        Emit::Json => prepare(&checked, fonts, options, lang).map(|(data, diagnostics)| {
            let mut text = serde_json::to_string_pretty(&data).unwrap_or_default();
            text.push('\n');
            (text.into_bytes(), diagnostics)
        }),
        Emit::Pdf => render(&checked, fonts, options, lang).map(|r| (r.pdf, r.diagnostics)),
    };
    let findings = |diagnostics| Findings { source: checked.into_loaded().source, diagnostics };
    match result {
        Ok((bytes, diagnostics)) => match atomic_write(&job.output, &bytes) {
            Ok(()) => Done::Written { path: job.output.clone(), size: bytes.len(), findings: findings(diagnostics) },
            Err(e) => Done::Failed(format!("{}: {e}", job.output.display())),
        },
        Err(RenderError::Refused(diagnostics)) => Done::Refused(findings(diagnostics)),
        Err(e) => Done::Failed(format!("{}: {e}", job.input.display())),
    }
}

/// Prints a file's findings as `pia check` does.
fn print_findings(out: &mut dyn Write, findings: &Findings, lang: Lang) {
    let files = [FileReport { source: &findings.source, diagnostics: &findings.diagnostics }];
    let _ = out.write_all(output::human(&files, lang, Style::detect()).as_bytes());
}

pub fn run(args: &RenderArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let extension = match args.emit {
        Emit::Pdf => "pdf",
        Emit::Json => "json",
    };
    let today = match super::check::today_arg(args.today.as_deref(), lang, err) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let jobs = match plan(args, extension, lang) {
        Ok(j) => j,
        Err(e) => {
            report_cannot_run(err, lang, &e);
            return Outcome::CannotRun;
        }
    };
    let standards = match parse_standards(&args.pdf_standard) {
        Ok(s) => s,
        Err(e) => {
            report_cannot_run(err, lang, &e);
            return Outcome::CannotRun;
        }
    };
    let fonts = match FontSet::discover(&args.font_path, !args.ignore_system_fonts) {
        Ok(f) => f,
        Err(_) => {
            let _ = writeln!(err, "pia: {}", super::fonts::install_hint(lang));
            return Outcome::CannotRun;
        }
    };
    let options = RenderOptions {
        audience: if args.full { Audience::Full } else { Audience::Public },
        stage: if args.draft { Stage::Draft } else { Stage::Final },
        standards,
    };
    // The glyphs are checked by the render, for the version it prints.
    let checks = CheckOptions { today, previous: None, fonts: None };

    // Files in parallel, one worker per core, fonts shared; results kept in input order.
    let results = super::in_parallel(&jobs, |job| render_one(job, args, &fonts, &options, &checks, lang));

    let mut outcome = Outcome::Ok;
    for (job, result) in jobs.iter().zip(results) {
        match result {
            Some(Done::Written { path, size, findings }) => {
                if !findings.diagnostics.is_empty() {
                    print_findings(out, &findings, lang);
                }
                let draft = match (args.draft, findings.diagnostics.iter().any(|d| d.severity == Severity::Error)) {
                    (false, _) => String::new(),
                    (true, false) => lang.pick("、素案", ", draft").to_owned(),
                    (true, true) => lang.pick("、誤りのある素案", ", a draft with errors").to_owned(),
                };
                let _ =
                    writeln!(out, "{} → {} ({} KB{draft})", job.input.display(), path.display(), size.div_ceil(1024));
            }
            Some(Done::Refused(findings)) => {
                print_findings(out, &findings, lang);
                // Refused only for the rules' errors: say how to get a draft.
                let draft_would_render = !args.draft && !findings.diagnostics.iter().any(|d| refuses(d, Stage::Draft));
                let shown = job.input.display();
                let why = match draft_would_render {
                    true => lang.pick(
                        format!("{shown} に誤りがあるため出力しませんでした（素案として出力するには --draft）"),
                        format!("{shown} has errors and was not rendered (--draft renders it as a draft)"),
                    ),
                    false => lang.pick(format!("{shown} を出力しませんでした"), format!("{shown} was not rendered")),
                };
                report_cannot_run(err, lang, &why);
                outcome = outcome.max(Outcome::Findings);
            }
            Some(Done::Failed(e)) => {
                report_cannot_run(err, lang, &e);
                outcome = Outcome::CannotRun;
            }
            None => outcome = Outcome::CannotRun,
        }
    }
    outcome
}
