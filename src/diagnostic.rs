//! Diagnostics: a code, a severity, the form item, the YAML position and a message.

use std::fmt;

use serde::Serialize;

use crate::lang::Lang;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A diagnostic code: its kebab-case name, default severity and a one-line description.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Code {
    pub name: &'static str,
    pub severity: Severity,
    /// The form item the code is about, when it is always the same one.
    pub item: Option<&'static str>,
    pub summary_ja: &'static str,
    pub summary_en: &'static str,
}

impl Code {
    pub fn summary(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary_ja, self.summary_en)
    }
}

/// The codes of loading and schema validation (`pia validate`).
pub mod codes {
    use super::{Code, Severity::Error};

    pub const YAML_SYNTAX: &Code = &Code {
        name: "yaml-syntax",
        severity: Error,
        item: None,
        summary_ja: "YAMLとして読み取れない（構文の誤り、文字コード、空のファイルなど）",
        summary_en: "The file cannot be read as YAML (syntax, encoding, empty file, …)",
    };
    pub const DUPLICATE_KEY: &Code = &Code {
        name: "duplicate-key",
        severity: Error,
        item: None,
        summary_ja: "同じ項目が2回書かれている（どちらかの記載が失われるおそれ）",
        summary_en: "The same key appears twice in one mapping (one of the texts would be lost)",
    };
    pub const UNKNOWN_FIELD: &Code = &Code {
        name: "unknown-field",
        severity: Error,
        item: None,
        summary_ja: "様式にない項目名",
        summary_en: "A key that is not an item of the form",
    };
    pub const INVALID_TYPE: &Code = &Code {
        name: "invalid-type",
        severity: Error,
        item: None,
        summary_ja: "値の種類が違う（文字列の欄に数値など）",
        summary_en: "A value of the wrong kind (a number where text is expected, …)",
    };
    pub const INVALID_CHOICE: &Code = &Code {
        name: "invalid-choice",
        severity: Error,
        item: None,
        summary_ja: "選択肢にない値",
        summary_en: "A value that is not one of the form's choices",
    };
    pub const MISSING_FIELD: &Code = &Code {
        name: "missing-field",
        severity: Error,
        item: None,
        summary_ja: "記載が必要な項目がない、または空欄",
        summary_en: "A required item is missing or empty",
    };
    pub const INVALID_DATE: &Code = &Code {
        name: "invalid-date",
        severity: Error,
        item: None,
        summary_ja: "日付として読めない、または存在しない日付",
        summary_en: "Not a date, or a date that does not exist",
    };
    pub const ALIAS_FORBIDDEN: &Code = &Code {
        name: "alias-forbidden",
        severity: Error,
        item: None,
        summary_ja: "アンカー・エイリアス・マージキーは使えない",
        summary_en: "Anchors, aliases and merge keys are not allowed",
    };
    pub const INVALID_VALUE: &Code = &Code {
        name: "invalid-value",
        severity: Error,
        item: None,
        summary_ja: "値が許される範囲にない（負の人数、空の理由など）",
        summary_en: "A value outside what the item allows (a negative count, an empty reason, …)",
    };
    pub const UNKNOWN_FORM: &Code = &Code {
        name: "unknown-form",
        severity: Error,
        item: Some("様式"),
        summary_ja: "form: がない、又は pia の知らない様式",
        summary_en: "`form:` is missing, or names a form pia does not know",
    };

    /// Every load code, in the order the documentation lists them.
    pub const ALL: &[&Code] = &[
        YAML_SYNTAX,
        UNKNOWN_FORM,
        DUPLICATE_KEY,
        UNKNOWN_FIELD,
        INVALID_TYPE,
        INVALID_CHOICE,
        MISSING_FIELD,
        INVALID_DATE,
        ALIAS_FORBIDDEN,
        INVALID_VALUE,
    ];
}

/// A position in the source: 1-based line and column (in characters), and the byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub len: usize,
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static Code,
    pub severity: Severity,
    /// The form item in the form's numbering and wording (`Ⅱ 1. 対象人数`).
    pub item: Option<String>,
    /// Dotted path of the YAML value (`threshold_items.subjects.band`, `history[3].timing`).
    pub path: String,
    pub location: Option<Location>,
    pub message: String,
    pub help: Option<String>,
    /// A second place that explains the first (the earlier of two duplicate keys).
    pub related: Option<(Location, String)>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: &'static Code, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.severity,
            item: code.item.map(str::to_owned),
            path: String::new(),
            location: None,
            message: message.into(),
            help: None,
            related: None,
        }
    }
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }
    pub fn item(mut self, item: Option<String>) -> Self {
        if item.is_some() {
            self.item = item;
        }
        self
    }
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn related(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related = Some((location, label.into()));
        self
    }
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
    pub fn line(&self) -> Option<usize> {
        self.location.map(|l| l.line)
    }
}

/// Sorts diagnostics by position, then code, so output is stable and reads top to bottom.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let pos = |d: &Diagnostic| d.location.map_or((0, 0), |l| (l.line, l.column));
        pos(a).cmp(&pos(b)).then_with(|| a.code.name.cmp(b.code.name)).then_with(|| a.path.cmp(&b.path))
    });
}

/// How many diagnostics of one code a file reports before the rest are summarised.
pub const MAX_PER_CODE: usize = 20;

/// Keeps the first [`MAX_PER_CODE`] diagnostics of each code and replaces the rest by one line
/// saying how many more there are, so a pathological file (an alias bomb, a huge history with
/// the same mistake on every row) gives a readable report.
pub fn cap_per_code(diagnostics: Vec<Diagnostic>, lang: crate::lang::Lang) -> Vec<Diagnostic> {
    let mut seen: Vec<(&'static str, usize)> = Vec::new();
    let mut kept = Vec::new();
    for d in diagnostics {
        let count = match seen.iter_mut().find(|(c, _)| *c == d.code.name) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((d.code.name, 1));
                1
            }
        };
        // A draft lists every item still to write, each at its line.
        if count <= MAX_PER_CODE || d.code == codes::MISSING_FIELD {
            kept.push(d);
        }
    }
    for (name, n) in seen.into_iter().filter(|(c, n)| *n > MAX_PER_CODE && *c != codes::MISSING_FIELD.name) {
        if let Some(code) = kept.iter().find(|d| d.code.name == name).map(|d| d.code) {
            let more = n - MAX_PER_CODE;
            kept.push(Diagnostic::new(
                code,
                lang.pick(
                    format!("同じ種類の問題（{name}）が他に{more}件あります。"),
                    format!("{more} more of the same kind ({name})."),
                ),
            ));
        }
    }
    kept
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}
