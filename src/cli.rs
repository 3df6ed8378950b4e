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
    /// Validate, then apply every rule a reviewer checks (しきい値判断, Ⅳ, 変更箇所, due dates).
    Check(CheckArgs),
    /// Compute the しきい値判断 from head counts or band labels and explain it.
    Threshold(ThresholdArgs),
    /// Propose 変更箇所 rows for what changed between two versions (files or git revisions).
    Diff(DiffArgs),
    /// Add the rows `diff OLD FILE` proposes to FILE's 変更箇所, keeping its formatting.
    Amend(AmendArgs),
    /// Print the 変更箇所 table as the form shows it.
    History(HistoryArgs),
    /// Render assessments to PDF as the official form (public version unless --full).
    Render(RenderArgs),
    /// Show the fonts found and which will be used.
    Fonts(FontsArgs),
    /// Write a new, complete YAML of a form to fill in (every item, with its form label and guidance).
    New(NewArgs),
    /// One row per assessment in the files or directories given: numbers, dates, levels, findings, due dates.
    List(ListArgs),
    /// A reviewer's report (self-contained HTML, or Markdown) of one assessment or a directory.
    Report(ReportArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the man page (roff), generated from the same definitions as --help.
    Man,
    /// Print the JSON Schema of a form (令和6年10月版): 様式2 unless --form says otherwise.
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The form: 様式2 (基礎項目評価書), 様式3 (重点項目評価書) or 様式4 (全項目評価書).
    #[arg(long, value_name = "FORM", default_value = "様式2", value_parser = parse_form)]
    pub form: crate::model::FormKind,
}

/// Reads `--form` as the YAML's `form:` value (様式2, 様式3, 様式4; full-width digits too).
fn parse_form(text: &str) -> Result<crate::model::FormKind, String> {
    let normal: String = text.trim().chars().map(crate::wareki::normalize_digit).collect();
    crate::model::FormKind::from_label(&normal)
        .ok_or_else(|| format!("「{text}」 is not a form pia knows: {}", crate::model::FormKind::listing()))
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write the new assessment (refused if it exists).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// 評価実施機関名 (e.g. 熊本市長).
    #[arg(long, value_name = "BODY")]
    pub body: Option<String>,
    /// Ⅰ1① 事務の名称 (e.g. 国民健康保険に関する事務).
    #[arg(long, value_name = "AFFAIR")]
    pub affair: Option<String>,
    /// 評価書番号.
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// The form: 様式2 (基礎項目評価書), 様式3 (重点項目評価書) or 様式4 (全項目評価書).
    #[arg(long, value_name = "FORM", default_value = "様式2", value_parser = parse_form)]
    pub form: crate::model::FormKind,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Assessment YAML files or directories (searched for *.yaml).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// Output format; csv is UTF-8 with BOM and CRLF, for Excel.
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    /// The day due dates are judged by (YYYY-MM-DD); default: today in Japan (JST).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// As `pia check --draft`: a 素案 of a 様式4 may leave Ⅵ 2., Ⅵ 3. and the cover's 承認日 empty.
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Assessment YAML files or directories.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// Where to write the report.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// html (self-contained, printable) or md.
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// The day due dates are judged by (YYYY-MM-DD); default: today in Japan (JST).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// As `pia check --draft`: a 素案 of a 様式4 may leave Ⅵ 2., Ⅵ 3. and the cover's 承認日 empty.
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Html,
    Md,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Assessment YAML files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output: a PDF path for one file, a directory for several (default: FILE's stem + .pdf here).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Render everything, including 非公表 parts, for submission to the 委員会; every page is
    /// marked 「委員会提出用（非公表部分を含む）」 and each withheld part 【非公表】 with its reason.
    #[arg(long)]
    pub full: bool,
    /// Render a draft even when `pia check` finds errors in the rules (never with a 個人番号 or a
    /// missing glyph): every page is marked 「素案」 and the title ends with 「（素案）」.
    #[arg(long)]
    pub draft: bool,
    /// The day rules about elapsed time judge by (YYYY-MM-DD); default: today in Japan (JST).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// PDF standards, comma-separated (Typst's names: a-2a, a-2b, a-3u, ua-1, 1.7, …; `none`).
    #[arg(long, value_name = "LIST", default_value = "a-2a,ua-1")]
    pub pdf_standard: String,
    /// Another directory to search for fonts (repeatable).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Use only the fonts in --font-path, not the system's.
    #[arg(long)]
    pub ignore_system_fonts: bool,
    /// What to write: the PDF, or the JSON data the template receives (for previewing it).
    #[arg(long, value_enum, default_value_t)]
    pub emit: Emit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Emit {
    #[default]
    Pdf,
    Json,
}

#[derive(Debug, Args)]
pub struct FontsArgs {
    /// Another directory to search for fonts (repeatable).
    #[arg(long, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Use only the fonts in --font-path, not the system's.
    #[arg(long)]
    pub ignore_system_fonts: bool,
}

/// Output formats of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiagnosticFormat {
    #[default]
    Human,
    Json,
    /// SARIF 2.1.0, for code-scanning UIs (`pia check` only).
    Sarif,
}

/// Output formats of a single result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ResultFormat {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Assessment YAML files or directories (searched for *.yaml).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,
    /// The day rules about elapsed time judge by (YYYY-MM-DD); default: today in Japan (JST).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiagnosticFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The previous version (a file, or REV:PATH read through git) for the rules about change
    /// (threshold-rise); needs a single FILE.
    #[arg(long, value_name = "OLD")]
    pub previous: Option<String>,
    /// Check a 素案 (the draft put to the public comment): a 様式4 may leave Ⅵ 2. and Ⅵ 3. and
    /// the cover's 承認日 empty, the steps still to come.
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older version: a file, or REV:PATH read through git (HEAD~1:assessments/x.yaml).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The newer version: a file, or REV:PATH.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Output format; `yaml` prints rows ready to paste under `history:`.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiffFormat,
    /// The 変更日 of the proposed rows (YYYY-MM-DD); default: NEW's 公表日.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Show withheld (非公表) text instead of 「（非公表）」 (for the 委員会, or to paste `yaml`).
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DiffFormat {
    #[default]
    Human,
    Yaml,
    Json,
}

#[derive(Debug, Args)]
pub struct AmendArgs {
    /// The assessment to amend (rewritten in place, atomically).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The version to compare with: a file, or REV:PATH read through git.
    #[arg(long, value_name = "OLD")]
    pub from: String,
    /// Set 公表日 to this day (YYYY-MM-DD) and date the new rows with it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The assessment whose 変更箇所 to print.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also show the commit that introduced each row (git blame).
    #[arg(long)]
    pub git: bool,
    /// Show withheld (非公表) text instead of 「（非公表）」.
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct ThresholdArgs {
    /// Ⅱ1 対象人数: a head count (183000, 183,000) or the band label (10万人以上30万人未満).
    #[arg(long, value_name = "N|BAND")]
    pub subjects: String,
    /// Ⅱ2 取扱者数: a head count (320) or the band label (500人未満).
    #[arg(long, value_name = "N|BAND")]
    pub handlers: String,
    /// Ⅱ3 重大事故: あり/なし (also 発生あり/発生なし, yes/no).
    #[arg(long, value_name = "あり|なし")]
    pub incident: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ResultFormat,
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
