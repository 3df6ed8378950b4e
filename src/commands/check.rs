//! `pia check`: validation, then every rule, judged as of `--today`.

use std::io::Write;

use super::{DiagnosticRun, Outcome, report_cannot_run, run_diagnostics};
use crate::cli::CheckArgs;
use crate::lang::Lang;
use crate::wareki::Date;

pub fn run(args: &CheckArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let today = match &args.today {
        Some(text) => match Date::parse(text) {
            Ok(d) => d,
            Err(e) => {
                report_cannot_run(err, lang, &format!("--today {text}: {e}"));
                return Outcome::CannotRun;
            }
        },
        None => system_today(),
    };
    let run = DiagnosticRun {
        inputs: &args.files,
        format: args.format,
        rules_today: Some(today),
        deny_warnings: args.deny_warnings,
        summary: true,
    };
    run_diagnostics(&run, lang, out, err)
}

/// Today's date (UTC) from the system clock.
pub fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days)
}
