//! `pia validate`: load each file and report every schema problem at its YAML position.

use std::io::Write;

use super::{DiagnosticRun, Outcome, run_diagnostics};
use crate::cli::ValidateArgs;
use crate::lang::Lang;

pub fn run(args: &ValidateArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let run = DiagnosticRun {
        inputs: &args.files,
        format: args.format,
        checks: None,
        deny_warnings: false,
        draft: false,
        summary: false,
    };
    run_diagnostics(&run, lang, out, err)
}
