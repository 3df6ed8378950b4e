//! `pia completions` and `pia man` agree with `--help`: every subcommand and every long flag of
//! the clap definition (the one truth, `pia::cli::Cli::command()`) is listed by `--help`, completed
//! by every shell's script and documented on the man page, all produced by the real binary.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use clap::CommandFactory;
use common::*;

/// Says why a check did not run. Written to the process's stderr directly, not through
/// `eprintln!`, which the test harness captures and hides for tests that pass.
fn skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {why}");
}

/// One subcommand as the clap definition has it.
struct Sub {
    name: String,
    /// Every visible long flag, `--help` included.
    longs: BTreeSet<String>,
}

/// The truth: pia's subcommands (clap's own `help` included) and their long flags.
fn truth() -> (BTreeSet<String>, Vec<Sub>) {
    let mut cli = pia::cli::Cli::command();
    cli.build();
    let top = longs_of(&cli);
    let subs = cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| Sub { name: s.get_name().to_owned(), longs: longs_of(s) })
        .collect();
    (top, subs)
}

fn longs_of(cmd: &clap::Command) -> BTreeSet<String> {
    cmd.get_arguments().filter(|a| !a.is_hide_set()).filter_map(|a| a.get_long()).map(|l| format!("--{l}")).collect()
}

/// The long flags a `--help` text lists in its option lines (`  -o, --output <OUT>`).
fn help_longs(help: &str) -> BTreeSet<String> {
    help.lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with('-'))
        .flat_map(|l| l.split([' ', ',']).take_while(|w| w.starts_with('-') || w.is_empty()))
        .filter(|w| w.starts_with("--"))
        .map(|w| w.split('=').next().unwrap_or(w).to_owned())
        .collect()
}

/// The subcommands `pia --help` lists (the lines under `Commands:`).
fn help_subcommands(help: &str) -> BTreeSet<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

fn run_ok(args: &[&str]) -> String {
    let out = pia(args);
    assert_eq!(code(&out), 0, "pia {args:?} failed: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn help_lists_exactly_the_definition() {
    let (top, subs) = truth();
    let help = run_ok(&["--help"]);
    let names: BTreeSet<String> = subs.iter().map(|s| s.name.clone()).collect();
    assert_eq!(help_subcommands(&help), names, "pia --help lists other subcommands than the definition");
    assert_eq!(help_longs(&help), top, "pia --help lists other flags than the definition");
    for sub in &subs {
        if sub.name == "help" {
            continue; // `pia help --help` is clap's own and takes no flags
        }
        let help = run_ok(&[&sub.name, "--help"]);
        assert_eq!(help_longs(&help), sub.longs, "pia {} --help lists other flags than the definition", sub.name);
    }
}

/// The `opts="…"` words of one `case` arm of clap_complete's bash script (`pia__subcmd__check)`).
fn bash_opts(script: &str, arm: &str) -> BTreeSet<String> {
    let mut lines = script.lines().skip_while(|l| l.trim() != format!("{arm})"));
    lines.next().unwrap_or_else(|| panic!("no `{arm})` arm in the bash script"));
    let opts = lines
        .find_map(|l| l.trim().strip_prefix("opts=\"").and_then(|o| o.strip_suffix('"')))
        .unwrap_or_else(|| panic!("no opts in the `{arm})` arm"));
    opts.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn bash_completes_every_subcommand_and_flag() {
    let (top, subs) = truth();
    let script = run_ok(&["completions", "bash"]);
    let top_opts = bash_opts(&script, "pia");
    for word in top.iter().chain(subs.iter().map(|s| &s.name)) {
        assert!(top_opts.contains(word), "bash completion of `pia` lacks {word}: {top_opts:?}");
    }
    for sub in &subs {
        let arm = format!("pia__subcmd__{}", sub.name.replace('-', "__"));
        let opts = bash_opts(&script, &arm);
        for long in &sub.longs {
            assert!(opts.contains(long), "bash completion of `pia {}` lacks {long}: {opts:?}", sub.name);
        }
    }
}

#[test]
fn bash_accepts_the_script_and_it_completes() {
    let script = run_ok(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("pia.bash");
    std::fs::write(&file, &script).expect("write script");
    let syntax = Command::new("bash").arg("-n").arg(&file).output().expect("run bash -n");
    assert!(syntax.status.success(), "bash -n rejects the script: {}", String::from_utf8_lossy(&syntax.stderr));

    // Load it and ask for completions the way bash's `complete -F` does.
    let ask = |words: &str| {
        let probe = format!(
            "source {file}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _pia pia \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file = file.display()
        );
        let out = Command::new("bash").arg("-c").arg(probe).output().expect("run bash");
        assert!(out.status.success(), "completion failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect::<Vec<_>>()
    };
    assert_eq!(ask("pia che"), ["check"]);
    assert_eq!(ask("pia check --deny"), ["--deny-warnings"]);
    assert_eq!(ask("pia check --format ''"), ["human", "json", "sarif"]);
}

#[test]
fn every_shell_gets_a_script_naming_pia_and_its_subcommands() {
    let (_, subs) = truth();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run_ok(&["completions", shell]);
        assert!(!script.trim().is_empty(), "{shell}: empty completion script");
        assert!(script.contains("pia"), "{shell}: the script does not mention pia");
        for sub in &subs {
            assert!(script.contains(&sub.name), "{shell}: the script does not mention `{}`", sub.name);
        }
    }
    // Each shell's own syntax for the long flags (anywhere in the script; bash is checked per
    // subcommand above).
    let zsh = run_ok(&["completions", "zsh"]);
    let fish = run_ok(&["completions", "fish"]);
    let powershell = run_ok(&["completions", "powershell"]);
    for sub in &subs {
        for long in &sub.longs {
            let bare = long.trim_start_matches('-');
            let zsh_has = zsh.contains(&format!("'{long}")) || zsh.contains(&format!("'*{long}")); // * = repeatable
            assert!(zsh_has, "zsh: `pia {}` lacks {long}", sub.name);
            assert!(fish.contains(&format!("-l {bare}")), "fish: `pia {}` lacks {long}", sub.name);
            assert!(powershell.contains(&format!("'{long}'")), "powershell: `pia {}` lacks {long}", sub.name);
        }
    }
}

#[test]
fn an_unknown_shell_cannot_run() {
    let out = pia(["completions", "tcsh"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

/// The man page's text with roff's escaped hyphens made plain.
fn man_page() -> String {
    run_ok(&["man"]).replace("\\-", "-")
}

/// The part of the man page between `.SS "pia NAME"` and the next (sub)section heading.
fn man_subsection<'a>(page: &'a str, name: &str) -> &'a str {
    let heading = format!(".SS \"pia {name}\"\n");
    let start = page.find(&heading).unwrap_or_else(|| panic!("the man page has no subsection for `pia {name}`"))
        + heading.len();
    let rest = &page[start..];
    let end = rest.find("\n.SS ").or_else(|| rest.find("\n.SH ")).unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn man_page_documents_every_subcommand_and_flag() {
    let (top, subs) = truth();
    let page = man_page();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "not a roff page: {}", &page[..page.len().min(200)]);
    assert!(page.contains(".TH pia 1"), "no .TH pia 1 title");
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "\"EXIT STATUS\"", "ENVIRONMENT"] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "the man page has no {section} section");
    }
    let top_part = &page[..page.find("\n.SH COMMANDS\n").expect("COMMANDS")];
    for long in &top {
        assert!(top_part.contains(&format!("\\fB{long}\\fR")), "the man page's OPTIONS lack {long}");
    }
    for sub in &subs {
        let part = man_subsection(&page, &sub.name);
        assert!(part.contains(&format!("\\fBpia {}\\fR", sub.name)), "`pia {}` has no synopsis", sub.name);
        for long in &sub.longs {
            assert!(part.contains(&format!("\\fB{long}\\fR")), "the man page's `pia {}` lacks {long}", sub.name);
        }
    }
    // No references to per-subcommand pages that are never installed.
    assert!(!page.contains("pia-check(1)"), "the man page points to pia-check(1)");
    // The exit codes and NO_COLOR, as the README documents them.
    let exit = &page[page.find(".SH \"EXIT STATUS\"").unwrap()..];
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR", "\\fBNO_COLOR\\fR"] {
        assert!(exit.contains(code), "EXIT STATUS/ENVIRONMENT lacks {code}");
    }
}

#[test]
fn man_page_is_warning_free_roff() {
    let page = run_ok(&["man"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("pia.1");
    std::fs::write(&file, page).expect("write page");
    // -k: preconv (UTF-8 input), -ww: every warning, -z: no output.
    let Ok(out) = Command::new("groff").args(["-k", "-man", "-Tutf8", "-ww", "-z"]).arg(&file).output() else {
        skip("the roff check: groff is not installed");
        return;
    };
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && warnings.trim().is_empty(), "groff warns about the man page:\n{warnings}");
}
