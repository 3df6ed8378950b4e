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

/// One page for the whole tool: pia's own sections, then a COMMANDS section with every
/// subcommand's synopsis, description and options, then EXIT STATUS and ENVIRONMENT.
/// (clap_mangen's own subcommand section only points to pages like pia-check(1), which do not
/// exist.)
pub fn man(out: &mut dyn Write) -> Outcome {
    match man_page() {
        Ok(page) if out.write_all(page.as_bytes()).is_ok() => Outcome::Ok,
        _ => Outcome::CannotRun,
    }
}

fn man_page() -> std::io::Result<String> {
    let mut command = Cli::command();
    command.build();
    let page = clap_mangen::Man::new(command.clone());
    let mut buf = Vec::new();
    page.render_title(&mut buf)?;
    page.render_name_section(&mut buf)?;
    page.render_synopsis_section(&mut buf)?;
    page.render_description_section(&mut buf)?;
    page.render_options_section(&mut buf)?;
    buf.extend_from_slice(b".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
        buf.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        let sub_page = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        sub_page.render_description_section(&mut part)?;
        sub_page.render_synopsis_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            sub_page.render_options_section(&mut part)?;
        }
        // Inside a subsection, the parts' own section headings become paragraph breaks.
        for line in String::from_utf8_lossy(&part).lines() {
            let line = if line.starts_with(".SH ") { ".PP" } else { line };
            buf.extend_from_slice(line.as_bytes());
            buf.push(b'\n');
        }
    }
    buf.extend_from_slice(EXIT_AND_ENVIRONMENT.as_bytes());
    page.render_version_section(&mut buf)?;
    // Every rendered part starts with the same two-line preamble; keep the first.
    let text = String::from_utf8_lossy(&buf);
    let mut seen_preamble = false;
    let mut page = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with(".ie \\n(.g .ds Aq") && lines.peek().is_some_and(|l| l.starts_with(".el .ds Aq")) {
            lines.next();
            if seen_preamble {
                continue;
            }
            seen_preamble = true;
            page.push_str(line);
            page.push('\n');
            page.push_str(".el .ds Aq '\n");
            continue;
        }
        page.push_str(line);
        page.push('\n');
    }
    Ok(page)
}

const EXIT_AND_ENVIRONMENT: &str = r#".SH "EXIT STATUS"
The same for every command:
.TP
\fB0\fR
All good.
.TP
\fB1\fR
The inputs have findings: errors (with \fB\-\-deny\-warnings\fR, warnings too), an invalid file, a
missing glyph, a threshold\-rise.
.TP
\fB2\fR
pia could not run: a missing or unreadable file, a bad revision, bad arguments, no Japanese font.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set to a non\-empty value, output is never coloured. Without it, colour is used only when
standard output is a terminal.
.TP
\fBLANG\fR, \fBLC_ALL\fR
Messages are in Japanese unless the locale does not start with \(lqja\(rq (or \fB\-\-lang en\fR).
"#;
