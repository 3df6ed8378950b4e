//! `pia list` (being built).

use std::io::Write;

use super::Outcome;
use crate::lang::Lang;

pub fn run(_args: &crate::cli::ListArgs, lang: Lang, _out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    super::report_cannot_run(err, lang, &"not implemented yet");
    Outcome::CannotRun
}
