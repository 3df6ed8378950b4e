//! `pia validate`: load each file and report every schema problem at its YAML position.

use std::io::Write;

use super::{Outcome, collect_yaml_files, report_cannot_run};
use crate::cli::{DiagnosticFormat, ValidateArgs};
use crate::lang::Lang;
use crate::load::{Loaded, load_file};
use crate::report::{self, FileReport, Style};

pub fn run(args: &ValidateArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let mut outcome = Outcome::Ok;
    let mut loaded: Vec<Loaded> = Vec::new();
    for path in collect_yaml_files(&args.files) {
        match load_file(&path, lang) {
            Ok(l) => {
                if l.has_errors() {
                    outcome = outcome.max(Outcome::Findings);
                }
                loaded.push(l);
            }
            Err(e) => {
                report_cannot_run(err, lang, &e);
                outcome = Outcome::CannotRun;
            }
        }
    }
    let files: Vec<FileReport<'_>> =
        loaded.iter().map(|l| FileReport { source: &l.source, diagnostics: &l.diagnostics }).collect();
    let text = match args.format {
        DiagnosticFormat::Human => report::human(&files, lang, Style::detect()),
        DiagnosticFormat::Json => report::json(&files, false),
    };
    if out.write_all(text.as_bytes()).is_err() {
        return Outcome::CannotRun;
    }
    outcome
}
