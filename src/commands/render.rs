//! `pia render`: PDFs of the official form, fonts loaded once, files rendered in parallel.

use std::io::Write;
use std::path::PathBuf;

use super::{Outcome, report_cannot_run};
use crate::cli::{Emit, RenderArgs};
use crate::fsutil::{atomic_write, same_file};
use crate::lang::Lang;
use crate::load::{Loaded, load_file};
use crate::output::{self, FileReport, Style};
use crate::render::{
    Audience, FontSet, RenderError, RenderOptions, default_output, parse_standards, render, template_data,
};

/// One file's job: where it comes from and where it goes.
struct Job {
    input: PathBuf,
    output: PathBuf,
}

/// One file's result, printed in input order.
enum Done {
    Written(PathBuf, usize),
    Invalid(Box<Loaded>),
    Failed(String),
}

fn plan(args: &RenderArgs, extension: &str) -> Result<Vec<Job>, String> {
    let single = args.files.len() == 1;
    let mut jobs = Vec::new();
    for input in &args.files {
        let output = match (&args.output, single) {
            (Some(out), true) if !out.is_dir() => out.clone(),
            (Some(dir), _) => dir.join(default_output(input, extension)),
            (None, _) => default_output(input, extension),
        };
        if output == *input || same_file(&output, input) {
            return Err(format!("{}: refusing to overwrite the input with the output", input.display()));
        }
        jobs.push(Job { input: input.clone(), output });
    }
    if !single
        && let Some(dir) = &args.output
        && !dir.is_dir()
    {
        return Err(format!("{}: with several files, -o must be an existing directory", dir.display()));
    }
    Ok(jobs)
}

fn render_one(job: &Job, args: &RenderArgs, fonts: &FontSet, options: &RenderOptions, lang: Lang) -> Done {
    let loaded = match load_file(&job.input, lang) {
        Ok(l) => l,
        Err(e) => return Done::Failed(e.to_string()),
    };
    let leaks = crate::leak::scan(&loaded.source, &loaded.map, lang);
    if !leaks.is_empty() {
        let mut l = loaded;
        l.diagnostics.extend(leaks);
        return Done::Invalid(Box::new(l));
    }
    let Some(assessment) = &loaded.assessment else { return Done::Invalid(Box::new(loaded)) };
    let bytes = match args.emit {
        Emit::Json => {
            let data = template_data(assessment, options.audience, fonts.families());
            let mut text = serde_json::to_string_pretty(&data).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        Emit::Pdf => match render(&loaded, fonts, options, lang) {
            Ok(b) => b,
            Err(RenderError::MissingGlyphs(diags)) => {
                let mut l = loaded;
                l.diagnostics = diags;
                return Done::Invalid(Box::new(l));
            }
            Err(e) => return Done::Failed(format!("{}: {e}", job.input.display())),
        },
    };
    match atomic_write(&job.output, &bytes) {
        Ok(()) => Done::Written(job.output.clone(), bytes.len()),
        Err(e) => Done::Failed(format!("{}: {e}", job.output.display())),
    }
}

pub fn run(args: &RenderArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let extension = match args.emit {
        Emit::Pdf => "pdf",
        Emit::Json => "json",
    };
    let jobs = match plan(args, extension) {
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
    let options = RenderOptions { audience: if args.full { Audience::Full } else { Audience::Public }, standards };

    // Files in parallel, one worker per core, fonts shared; results kept in input order.
    let results = super::in_parallel(&jobs, |job| render_one(job, args, &fonts, &options, lang));

    let mut outcome = Outcome::Ok;
    for (job, result) in jobs.iter().zip(results) {
        match result {
            Some(Done::Written(path, size)) => {
                let _ = writeln!(out, "{} → {} ({} KB)", job.input.display(), path.display(), size.div_ceil(1024));
            }
            Some(Done::Invalid(l)) => {
                let files = [FileReport { source: &l.source, diagnostics: &l.diagnostics }];
                let _ = out.write_all(output::human(&files, lang, Style::detect()).as_bytes());
                report_cannot_run(
                    err,
                    lang,
                    &lang.pick(
                        format!("{} を出力しませんでした", job.input.display()),
                        format!("{} was not rendered", job.input.display()),
                    ),
                );
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
