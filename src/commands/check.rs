//! `pia check`: validation, then every rule, judged as of `--today`.

use std::io::Write;

use super::{DiagnosticRun, Outcome, load_valid, report_cannot_run, run_diagnostics};
use crate::check::CheckOptions;
use crate::cli::CheckArgs;
use crate::lang::Lang;
use crate::wareki::Date;

pub fn run(args: &CheckArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let today = match today_arg(args.today.as_deref(), lang, err) {
        Ok(d) => d,
        Err(o) => return o,
    };
    let previous = match &args.previous {
        Some(_) if args.files.len() != 1 => {
            report_cannot_run(
                err,
                lang,
                &lang.pick("--previous は FILE を1つだけ指定した場合に使えます", "--previous needs exactly one FILE"),
            );
            return Outcome::CannotRun;
        }
        Some(old) => match load_valid(old, lang, out, err) {
            Ok(l) => Some(l),
            Err(outcome) => return outcome,
        },
        None => None,
    };
    let fonts = super::fonts::for_checks();
    let checks =
        CheckOptions { today, previous: previous.as_ref().and_then(|l| l.assessment.as_ref()), fonts: fonts.as_ref() };
    let run = DiagnosticRun {
        inputs: &args.files,
        format: args.format,
        checks: Some(checks),
        deny_warnings: args.deny_warnings,
        draft: args.draft,
        summary: true,
    };
    run_diagnostics(&run, lang, out, err)
}

/// The day of a `--today` option: the date given, else [`system_today`] (JST).
pub fn today_arg(text: Option<&str>, lang: Lang, err: &mut dyn Write) -> Result<Date, Outcome> {
    match text {
        Some(text) => parse_date_arg("--today", text, lang, err),
        None => Ok(system_today()),
    }
}

/// Parses a `--date`/`--today` value, reporting a bad one.
pub fn parse_date_arg(flag: &str, text: &str, lang: Lang, err: &mut dyn Write) -> Result<Date, Outcome> {
    Date::parse(text).map_err(|e| {
        report_cannot_run(err, lang, &format!("{flag} {text}: {e}"));
        Outcome::CannotRun
    })
}

/// Today's date in Japan Standard Time (UTC+9, no daylight saving), the time zone every 評価書
/// is dated in, whatever the machine's zone.
pub fn system_today() -> Date {
    const JST_OFFSET_SECS: u64 = 9 * 3600;
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) + JST_OFFSET_SECS;
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days)
}
