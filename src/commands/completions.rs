//! `pia completions` and `pia man`: generated from the same clap definitions as `--help`.

use std::io::Write;

use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Outcome {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "pia", out);
    Outcome::Ok
}

pub fn man(out: &mut dyn Write) -> Outcome {
    let man = clap_mangen::Man::new(Cli::command());
    match man.render(out) {
        Ok(()) => Outcome::Ok,
        Err(_) => Outcome::CannotRun,
    }
}
