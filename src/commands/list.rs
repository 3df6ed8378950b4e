//! `pia list FILE|DIR…`: one row per assessment, checked as `pia check` does (see [`crate::portfolio`]).

use std::io::Write;

use super::{Outcome, report_cannot_run};
use crate::cli::{ListArgs, ListFormat};
use crate::lang::Lang;
use crate::portfolio::{self, Status};

pub fn run(args: &ListArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let today = match super::check::today_arg(args.today.as_deref(), lang, err) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let inputs = match portfolio::inputs(&args.inputs, lang) {
        Ok(inputs) => inputs,
        Err(why) => {
            report_cannot_run(err, lang, &why);
            return Outcome::CannotRun;
        }
    };
    let fonts = super::fonts::for_checks();
    let checks = crate::check::CheckOptions { today, previous: None, fonts: fonts.as_ref() };
    let mut entries = portfolio::evaluate(&inputs.files, inputs.base, lang, &checks);
    if args.draft {
        portfolio::as_drafts(&mut entries);
    }
    let rows: Vec<portfolio::Row> = entries.iter().map(|e| portfolio::row(e, lang, today)).collect();
    let text = match args.format {
        ListFormat::Table => portfolio::table(&rows, lang, today),
        ListFormat::Csv => portfolio::csv(&rows, lang),
        ListFormat::Json => portfolio::json(&rows, today),
    };
    if out.write_all(text.as_bytes()).is_err() {
        return Outcome::CannotRun;
    }
    if rows.iter().any(|r| r.status == Status::Error) { Outcome::Findings } else { Outcome::Ok }
}
