//! `pia report FILE|DIR -o OUT`: a reviewer's report, HTML or Markdown (see [`crate::review`]).

use std::io::Write;

use super::{Outcome, report_cannot_run};
use crate::cli::{ReportArgs, ReportFormat};
use crate::lang::Lang;
use crate::review::{Format, write_report};

pub fn run(args: &ReportArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let today = match super::check::today_arg(args.today.as_deref(), lang, err) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let format = match args.format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Md => Format::Markdown,
    };
    let fonts = super::fonts::for_checks();
    let checks = crate::check::CheckOptions { today, previous: None, fonts: fonts.as_ref() };
    match write_report(&args.inputs, &args.output, format, lang, &checks, args.draft) {
        Ok(w) => {
            let shown = args.output.display();
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    format!(
                        "{shown} を作成しました（評価書 {}件、エラー {}、警告 {}）。",
                        w.assessments, w.errors, w.warnings
                    ),
                    format!(
                        "Wrote {shown} ({} assessment(s), {} error(s), {} warning(s)).",
                        w.assessments, w.errors, w.warnings
                    ),
                )
            );
            if w.errors > 0 { Outcome::Findings } else { Outcome::Ok }
        }
        Err(e) => {
            report_cannot_run(err, lang, &e);
            Outcome::CannotRun
        }
    }
}
