//! The command line: clap definitions shared by the binary, the man page and completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;

/// pia — 特定個人情報保護評価書を YAML で管理し、検証・判定・変更履歴・PDF化を行う。
#[derive(Debug, Parser)]
#[command(name = "pia", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// Language of messages: ja (default) or en. Without it, a LANG/LC_ALL not starting with "ja" selects English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The language in force: `--lang`, else the locale.
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::Ja) => Lang::Ja,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate assessment files against the form's schema (exit 0 valid, 1 errors, 2 cannot run).
    Validate(ValidateArgs),
    /// Print the JSON Schema of 様式2 (令和6年10月版).
    Schema,
}

/// Output formats of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiagnosticFormat {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Assessment YAML files (directories are searched for *.yaml).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiagnosticFormat,
}
