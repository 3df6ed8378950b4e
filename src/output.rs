//! Diagnostics for people (miette, with source snippets) and for machines (JSON, SARIF).

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan,
    SpanContents,
};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::lang::Lang;
use crate::source::Source;

/// The diagnostics of one file.
pub struct FileReport<'a> {
    pub source: &'a Source,
    pub diagnostics: &'a [Diagnostic],
}

/// How human output looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Colour only on a terminal and when `NO_COLOR` is not set.
    pub fn detect() -> Self {
        use std::io::IsTerminal;
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Self { color, width: 100 }
    }
    pub fn plain() -> Self {
        Self { color: false, width: 100 }
    }
}

/// Renders every file's diagnostics with source snippets, then one summary line.
pub fn human(files: &[FileReport<'_>], lang: Lang, style: Style) -> String {
    let mut out: String = files.iter().map(|f| human_file(f, lang, style)).collect();
    out.push_str(&human_summary(&Tally::of(files), lang));
    out
}

/// One file's diagnostics as people read them.
pub fn human_file(file: &FileReport<'_>, lang: Lang, style: Style) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme.clone()).with_width(style.width).with_links(false);
    // A help of several lines is laid out by its author (steps, a command to copy): re-wrapping
    // would break the command in the middle of a file name.
    let unwrapped =
        GraphicalReportHandler::new_themed(theme).with_width(style.width).with_links(false).with_wrap_lines(false);
    let mut out = String::new();
    // A file with an individual number in it is reported without source snippets, so the
    // number is never printed; messages are masked as well.
    let redact = file.diagnostics.iter().any(|d| d.code == crate::leak::INDIVIDUAL_NUMBER_IN_TEXT);
    // Withheld text never appears in a snippet.
    let source = file.source.for_snippets();
    for d in file.diagnostics {
        let masked = masked(d);
        let d = &masked;
        // A snippet of a very long line (10,000 brackets, a megabyte of text) helps no one.
        let long_line = d.location.is_some_and(|l| {
            source.text.lines().nth(l.line.saturating_sub(1)).is_some_and(|t| t.chars().count() > MAX_SNIPPET_LINE)
        });
        let shown = Shown { d, source: CharColumns(&source), lang, redact: redact || long_line };
        let handler = if d.help.as_deref().is_some_and(|h| h.contains('\n')) { &unwrapped } else { &handler };
        if handler.render_report(&mut out, &shown).is_err() {
            out.push_str(&format!("{}: {}\n", file.source.name, d.message));
        }
    }
    out
}

/// Counts over a run: files, files without errors, findings by severity.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub files: usize,
    pub without_errors: usize,
    pub summary: Summary,
}

impl Tally {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
            self.without_errors += 1;
        }
        self.summary.add(diagnostics);
    }

    pub fn of(files: &[FileReport<'_>]) -> Self {
        let mut t = Tally::default();
        for f in files {
            t.add(f.diagnostics);
        }
        t
    }
}

/// The closing line of human output.
pub fn human_summary(t: &Tally, lang: Lang) -> String {
    let s = t.summary;
    lang.pick(
        format!(
            "{}件中{}件に誤りなし（エラー {}、警告 {}、情報 {}）\n",
            t.files, t.without_errors, s.errors, s.warnings, s.infos
        ),
        format!(
            "{} of {} file(s) without errors ({} error(s), {} warning(s), {} info)\n",
            t.without_errors, t.files, s.errors, s.warnings, s.infos
        ),
    )
}

/// One diagnostic of the JSON report.
#[derive(Serialize)]
pub struct JsonDiagnostic {
    code: &'static str,
    severity: Severity,
    item: Option<String>,
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

/// One file's entry of the JSON report, owning its data (the source can be dropped).
#[derive(Serialize)]
pub struct JsonFile {
    path: String,
    pub diagnostics: Vec<JsonDiagnostic>,
}

#[derive(Serialize)]
struct JsonReport {
    files: Vec<JsonFile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Summary>,
}

/// One file's entry of the JSON report; messages are masked.
pub fn json_file(f: &FileReport<'_>) -> JsonFile {
    JsonFile {
        path: f.source.name.clone(),
        diagnostics: f
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                code: d.code.name,
                severity: d.severity,
                item: d.item.as_deref().map(crate::leak::mask),
                path: d.path.clone(),
                line: d.location.map(|l| l.line),
                column: d.location.map(|l| l.column),
                message: crate::leak::mask(&d.message),
                help: d.help.as_deref().map(crate::leak::mask),
            })
            .collect(),
    }
}

/// The JSON report from its file entries.
pub fn json_document(files: Vec<JsonFile>, summary: Option<Summary>) -> String {
    let mut text = serde_json::to_string_pretty(&JsonReport { files, summary }).unwrap_or_default();
    text.push('\n');
    text
}

/// `{"files":[{"path","diagnostics":[{code,severity,item,path,line,column,message}]}]}`, with a
/// `summary` object when `with_summary`.
pub fn json(files: &[FileReport<'_>], with_summary: bool) -> String {
    let summary = with_summary.then(|| Tally::of(files).summary);
    json_document(files.iter().map(json_file).collect(), summary)
}

/// SARIF 2.1.0: one rule entry per code pia has, one result per diagnostic.
pub fn sarif(files: &[FileReport<'_>], lang: Lang) -> String {
    sarif_document(files.iter().flat_map(sarif_results).collect(), lang)
}

/// One file's SARIF results; messages are masked.
pub fn sarif_results(f: &FileReport<'_>) -> Vec<serde_json::Value> {
    use serde_json::json;
    f.diagnostics
        .iter()
        .map(|d| {
            let mut region = serde_json::Map::new();
            if let Some(l) = d.location {
                region.insert("startLine".into(), l.line.into());
                region.insert("startColumn".into(), l.column.into());
            }
            let mut text = match &d.item {
                Some(item) => format!("{item}: {}", d.message),
                None => d.message.clone(),
            };
            // The diagnostic's own help (「十分である」ではありませんか？) belongs to this result.
            if let Some(help) = &d.help {
                text = format!("{text}\n{help}");
            }
            json!({
                "ruleId": d.code.name,
                "level": sarif_level(d.severity),
                "message": { "text": crate::leak::mask(&text) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": artifact_uri(&f.source.name) },
                        "region": region,
                    },
                    "logicalLocations": [{ "fullyQualifiedName": d.path, "kind": "member" }],
                }],
            })
        })
        .collect()
}

/// The SARIF document: the tool with every rule, and the results.
pub fn sarif_document(results: Vec<serde_json::Value>, lang: Lang) -> String {
    use serde_json::json;
    // No `helpUri`: the documentation is not published at an address of its own, and a relative
    // one would resolve against the repository that keeps the assessments. Its text goes into
    // `help` instead.
    let rules: Vec<_> = crate::rules::all_codes()
        .map(|c| {
            let help = rule_help(c, lang);
            json!({
                "id": c.name,
                "name": c.name,
                "shortDescription": { "text": c.summary(lang) },
                "fullDescription": { "text": rule_description(c, lang) },
                "help": { "text": help, "markdown": help },
                "defaultConfiguration": { "level": sarif_level(c.severity) },
                "properties": { "item": c.item },
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "pia",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The documentation of every code, one `## code` section each.
const RULES_DOC: &str = include_str!("../docs/rules.md");

/// A code's section of `docs/rules.md`, without its heading.
fn doc_section(name: &str) -> Option<&'static str> {
    let heading = format!("\n## {name}\n");
    let start = RULES_DOC.find(&heading)? + heading.len();
    let body = RULES_DOC.get(start..)?;
    let end = ["\n## ", "\n# ", "\n---"].iter().filter_map(|h| body.find(h)).min().unwrap_or(body.len());
    body.get(..end).map(str::trim)
}

/// The one-line English summary of a code's section (`*English:* …`).
fn doc_english(name: &str) -> Option<&'static str> {
    doc_section(name)?.lines().find_map(|l| l.strip_prefix("*English:*")).map(str::trim)
}

/// `fullDescription`: the summary, and in English the documentation's fuller sentence.
fn rule_description(code: &crate::diagnostic::Code, lang: Lang) -> String {
    match lang {
        Lang::Ja => code.summary(lang).to_owned(),
        Lang::En => doc_english(code.name).unwrap_or(code.summary_en).to_owned(),
    }
}

/// A rule's `help`: its section of `docs/rules.md` (what it checks, the basis, how to fix it),
/// with links inside that document reduced to their text; in English the section's English
/// summary.
fn rule_help(code: &crate::diagnostic::Code, lang: Lang) -> String {
    match (lang, doc_section(code.name)) {
        (Lang::Ja, Some(section)) => without_anchor_links(section),
        (Lang::En, Some(_)) => doc_english(code.name).unwrap_or(code.summary_en).to_owned(),
        (_, None) => code.summary(lang).to_owned(),
    }
}

/// `[text](#anchor)` → `text`: anchors of docs/rules.md lead nowhere outside it.
fn without_anchor_links(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let (before, from_open) = rest.split_at(open);
        out.push_str(before);
        let link = from_open.find("](#").and_then(|mid| {
            let text = from_open.get(1..mid)?;
            let after = from_open.get(mid + 3..)?;
            let close = after.find(')')?;
            (!text.contains(['[', ']', '\n'])).then_some((text, after.get(close + 1..).unwrap_or("")))
        });
        match link {
            Some((text, after)) => {
                out.push_str(text);
                rest = after;
            }
            None => {
                out.push('[');
                rest = from_open.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// A file name as a SARIF `artifactLocation.uri` (RFC 3986): `/` separators (also for Windows
/// `\`), every byte outside the unreserved characters percent-encoded (spaces and Japanese
/// folder names are normal), relative names kept relative (GitHub resolves them against the
/// repository), absolute ones as `file:` URIs.
pub fn artifact_uri(name: &str) -> String {
    let path = name.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    let drive = rest.split_once(":/").filter(|(d, _)| d.len() == 1 && d.chars().all(|c| c.is_ascii_alphabetic()));
    match drive {
        Some((letter, tail)) => format!("file:///{letter}:/{}", percent_encode_path(tail)),
        None if rest.starts_with('/') => format!("file://{}", percent_encode_path(rest)),
        None => percent_encode_path(rest),
    }
}

/// Percent-encodes a path, keeping `/` and RFC 3986's unreserved characters.
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Lines longer than this (in characters) are not shown as snippets; the position is given instead.
const MAX_SNIPPET_LINE: usize = 400;

/// A diagnostic as miette sees it.
struct Shown<'a> {
    d: &'a Diagnostic,
    source: CharColumns<'a>,
    lang: Lang,
    /// Show the position in words instead of a source snippet.
    redact: bool,
}

/// The diagnostic with any individual number in its texts masked.
fn masked(d: &Diagnostic) -> Diagnostic {
    let mut d = d.clone();
    d.message = crate::leak::mask(&d.message);
    d.help = d.help.map(|h| crate::leak::mask(&h));
    d.item = d.item.map(|i| crate::leak::mask(&i));
    d
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.redact {
            let at = self.d.location.map_or_else(String::new, |l| format!(":{}:{}", l.line, l.column));
            write!(f, "{}{at}: ", self.source.0.name)?;
        }
        match (&self.d.item, self.d.location) {
            (Some(item), _) => write!(f, "{}: {}", item, self.d.message),
            (None, Some(_)) => f.write_str(&self.d.message),
            (None, None) => write!(f, "{}: {}", self.source.0.name, self.d.message),
        }
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.d.code.name))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.d.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        if self.redact {
            return None;
        }
        self.d.location.map(|_| &self.source as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.redact {
            return None;
        }
        let loc = self.d.location?;
        let label = self.d.item.clone().unwrap_or_else(|| self.d.path.clone());
        let primary = LabeledSpan::new_primary_with_span(
            Some(if label.is_empty() { self.lang.pick("ここ", "here").to_owned() } else { label }),
            SourceSpan::new(loc.offset.into(), loc.len),
        );
        let related =
            self.d.related.as_ref().map(|(l, text)| {
                LabeledSpan::new_with_span(Some(text.clone()), SourceSpan::new(l.offset.into(), l.len))
            });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// A source whose reported columns count characters, not bytes (miette counts bytes, which is
/// wrong on every Japanese line).
struct CharColumns<'a>(&'a Source);

impl SourceCode for CharColumns<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.0.text.as_str();
        let inner = text.read_span(span, before, after)?;
        let start = inner.span().offset();
        let line_start = text.get(..start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let column = text.get(line_start..start).map_or(inner.column(), |t| t.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris_are_rfc3986() {
        assert_eq!(artifact_uri("assessments/x.yaml"), "assessments/x.yaml");
        assert_eq!(artifact_uri("./assessments/x.yaml"), "assessments/x.yaml");
        assert_eq!(
            artifact_uri(r"評価書\令和7年度 版\x.yaml"),
            "%E8%A9%95%E4%BE%A1%E6%9B%B8/%E4%BB%A4%E5%92%8C7%E5%B9%B4%E5%BA%A6%20%E7%89%88/x.yaml"
        );
        assert_eq!(artifact_uri("a#b?c%d.yaml"), "a%23b%3Fc%25d.yaml");
        assert_eq!(artifact_uri("c:x.yaml"), "c%3Ax.yaml");
        assert_eq!(artifact_uri("/srv/評価 書/x.yaml"), "file:///srv/%E8%A9%95%E4%BE%A1%20%E6%9B%B8/x.yaml");
        assert_eq!(artifact_uri(r"C:\Users\a b\x.yaml"), "file:///C:/Users/a%20b/x.yaml");
    }

    #[test]
    fn every_code_has_help_from_its_documentation() {
        for code in crate::rules::all_codes() {
            let section = doc_section(code.name).unwrap_or_else(|| panic!("no section for {}", code.name));
            assert!(section.starts_with("*English:*"), "{}: {section}", code.name);
            let help = rule_help(code, Lang::Ja);
            assert!(help.contains("**重大度**"), "{}: {help}", code.name);
            assert!(!help.contains("](#"), "{}: {help}", code.name);
            assert!(!rule_help(code, Lang::En).is_empty());
        }
        assert_eq!(without_anchor_links("see [`x`](#x) and [y](#y)."), "see `x` and y.");
        assert_eq!(without_anchor_links("a [b] c [d](https://e)"), "a [b] c [d](https://e)");
    }
}
