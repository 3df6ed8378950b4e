//! The `pia` binary: parse the command line, run one command, exit with its outcome.

use std::io::Write;

use clap::Parser;
use pia::cli::{Cli, Command};
use pia::commands;

fn main() {
    let cli = Cli::parse();
    let lang = cli.lang();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let outcome = match &cli.command {
        Command::Validate(args) => commands::validate::run(args, lang, &mut out, &mut err),
        Command::Check(args) => commands::check::run(args, lang, &mut out, &mut err),
        Command::Threshold(args) => commands::threshold::run(args, lang, &mut out, &mut err),
        Command::Diff(args) => commands::diff::run(args, lang, &mut out, &mut err),
        Command::Amend(args) => commands::amend::run(args, lang, &mut out, &mut err),
        Command::History(args) => commands::history::run(args, lang, &mut out, &mut err),
        Command::Render(args) => commands::render::run(args, lang, &mut out, &mut err),
        Command::Fonts(args) => commands::fonts::run(args, lang, &mut out, &mut err),
        Command::New(args) => commands::new::run(args, lang, &mut out, &mut err),
        Command::List(args) => commands::list::run(args, lang, &mut out, &mut err),
        Command::Report(args) => commands::report::run(args, lang, &mut out, &mut err),
        Command::Completions(args) => commands::completions::run(args, &mut out),
        Command::Man => commands::completions::man(&mut out),
        Command::Schema(args) => commands::schema::run(args, &mut out),
    };
    let _ = out.flush();
    std::process::exit(outcome.code());
}
