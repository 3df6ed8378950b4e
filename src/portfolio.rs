//! `pia list`: every assessment under a folder, checked as `pia check` checks it, one row each,
//! with the rules across files ([`crate::rules::across`]) and the due dates.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;
use unicode_width::UnicodeWidthChar;

use crate::check::CheckOptions;
use crate::diagnostic::{self, Diagnostic, Severity, Summary};
use crate::lang::Lang;
use crate::load::Loaded;
use crate::model::kiso::SubmittedAssessments;
use crate::model::{Assessment, KisoAssessment};
use crate::wareki::Date;

pub use crate::rules::across::DUPLICATE_ASSESSMENT_NUMBER;
use crate::rules::across::{NumberKey, number_key};

/// One file, loaded and checked like `pia check` does (load, leak guard, every rule) plus the
/// rules across files.
#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    /// The path as shown: relative to the folder listed, else as given.
    pub name: String,
    /// The loaded file, or why it could not be read at all.
    pub loaded: Result<Loaded, String>,
    /// Every finding, sorted by line: loading, the leak guard, the rules, across files.
    pub diagnostics: Vec<Diagnostic>,
}

impl Entry {
    pub fn assessment(&self) -> Option<&Assessment> {
        self.loaded.as_ref().ok().and_then(|l| l.assessment.as_ref())
    }

    /// The 様式2 model, when the entry loaded as a 基礎項目評価書.
    pub fn kiso(&self) -> Option<&KisoAssessment> {
        match self.assessment()? {
            Assessment::Kiso(a) => Some(a),
            Assessment::Juten(_) | Assessment::Zenkomoku(_) => None,
        }
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        s.add(&self.diagnostics);
        if self.loaded.is_err() {
            s.errors += 1;
        }
        s
    }

    /// The document as JSON, when it parsed (also for files that failed the schema).
    fn value(&self) -> Option<&Value> {
        self.loaded.as_ref().ok().and_then(|l| l.value.as_ref())
    }

    /// 評価書番号 as written (also read from files that did not load completely).
    pub fn number(&self) -> Option<String> {
        if let Some(a) = self.kiso() {
            return Some(a.cover.number.0.trim().to_owned()).filter(|n| !n.is_empty());
        }
        match self.value()?.pointer("/cover/number")? {
            Value::String(s) => Some(s.trim().to_owned()).filter(|n| !n.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// A text as outputs may show it: withheld text (`{text, withheld}`) as 「（非公表）」.
    fn text_at(&self, pointer: &str) -> Option<String> {
        let v = self.value()?.pointer(pointer)?;
        let s = v.as_str().or_else(|| v.get("text").and_then(Value::as_str))?;
        let s = s.trim();
        if s.is_empty() {
            None
        } else if v.get("withheld").is_some() {
            Some(crate::model::types::WITHHELD_MARK.to_owned())
        } else {
            Some(s.to_owned())
        }
    }

    /// 評価書名, as outputs may show it.
    pub fn title(&self) -> Option<String> {
        self.text_at("/cover/title")
    }

    /// 評価実施機関名, as outputs may show it.
    pub fn body(&self) -> Option<String> {
        self.text_at("/cover/body")
    }
}

/// The files `pia list` and `pia report` read, and the folder their names are shown relative to.
#[derive(Debug)]
pub struct Inputs<'a> {
    pub files: Vec<PathBuf>,
    /// The one folder given, when only a folder is given.
    pub base: Option<&'a Path>,
}

/// The files named by `inputs` (files as given, folders searched by
/// [`crate::commands::collect_yaml_files`]); why not, when an input does not exist, a folder
/// cannot be searched or holds no assessment, or there is no file at all.
pub fn inputs(inputs: &[PathBuf], lang: Lang) -> Result<Inputs<'_>, String> {
    if let Some(missing) = inputs.iter().find(|p| !p.exists()) {
        return Err(lang.pick(
            format!("{}: ファイルがありません", missing.display()),
            format!("{}: no such file", missing.display()),
        ));
    }
    let collected = crate::commands::collect_yaml_files(inputs);
    if let Some(problem) = collected.problems.first() {
        return Err(problem.message(lang));
    }
    if collected.files.is_empty() {
        return Err(lang.pick("評価書の YAML ファイルがありません", "no assessment YAML files found").to_owned());
    }
    let base = match inputs {
        [only] if only.is_dir() => Some(only.as_path()),
        _ => None,
    };
    Ok(Inputs { files: collected.files, base })
}

/// Reads and checks every file as `pia check` does ([`crate::check`]); names are shown relative
/// to `base` when given. Files are returned sorted by 評価書番号 (numerically when both are
/// numbers), then by path.
pub fn evaluate(paths: &[PathBuf], base: Option<&Path>, lang: Lang, checks: &CheckOptions<'_>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = paths.iter().map(|p| evaluate_file(p, base, lang, checks)).collect();
    add_across(&mut entries, lang);
    entries.sort_by(|a, b| {
        compare_numbers(a.number().as_deref(), b.number().as_deref()).then_with(|| a.path.cmp(&b.path))
    });
    entries
}

/// Drops the findings of the rules a 素案 is not checked for ([`crate::rules::draft_skips`]), as
/// `pia check --draft` does.
pub fn as_drafts(entries: &mut [Entry]) {
    for e in entries {
        e.diagnostics.retain(|d| !crate::rules::draft_skips(d.code));
        if let Ok(l) = &mut e.loaded {
            l.diagnostics.retain(|d| !crate::rules::draft_skips(d.code));
        }
    }
}

fn evaluate_file(path: &Path, base: Option<&Path>, lang: Lang, checks: &CheckOptions<'_>) -> Entry {
    let name = base
        .and_then(|b| path.strip_prefix(b).ok())
        .filter(|rel| !rel.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string();
    match crate::check::check_file(path, checks, lang) {
        Err(e) => {
            let message = match &e {
                crate::load::ReadError::Io { message, .. } => message.clone(),
                other => other.to_string(),
            };
            Entry { path: path.to_owned(), name, loaded: Err(message), diagnostics: Vec::new() }
        }
        Ok(checked) => {
            let loaded = checked.into_loaded();
            Entry { path: path.to_owned(), name, diagnostics: loaded.diagnostics.clone(), loaded: Ok(loaded) }
        }
    }
}

/// Numbers first (by value), then other text, then files without a number.
fn compare_numbers(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a.map(number_key), b.map(number_key)) {
        (Some(NumberKey::Numeric(x)), Some(NumberKey::Numeric(y))) => x.len().cmp(&y.len()).then_with(|| x.cmp(&y)),
        (Some(NumberKey::Numeric(_)), Some(NumberKey::Text(_))) => Ordering::Less,
        (Some(NumberKey::Text(_)), Some(NumberKey::Numeric(_))) => Ordering::Greater,
        (Some(NumberKey::Text(x)), Some(NumberKey::Text(y))) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The rules across files ([`crate::rules::across`]): `duplicate-assessment-number`,
/// `paired-assessment-missing` and `paired-assessment-mismatch`.
fn add_across(entries: &mut [Entry], lang: Lang) {
    let keys = across_keys(entries);
    let names: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let found = crate::rules::across::findings(&keys, &names, lang);
    for (e, found) in entries.iter_mut().zip(found) {
        if !found.is_empty() {
            e.diagnostics.extend(found);
            diagnostic::sort(&mut e.diagnostics);
        }
    }
}

/// What the rules across files read from each entry, in the entries' order.
pub fn across_keys(entries: &[Entry]) -> Vec<Option<crate::rules::across::AcrossKey>> {
    entries.iter().map(|e| e.loaded.as_ref().ok().and_then(crate::rules::across::key)).collect()
}

/// How a row stands, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Errors: 要修正.
    Error,
    /// Warnings: 要確認.
    Warning,
    /// A review or re-assessment date has passed: 見直し時期.
    Due,
    /// 正常.
    Ok,
}

impl Status {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Status::Error => lang.pick("要修正", "fix"),
            Status::Warning => lang.pick("要確認", "check"),
            Status::Due => lang.pick("見直し時期", "review due"),
            Status::Ok => lang.pick("正常", "ok"),
        }
    }
}

/// A due date: when, and whether it has passed (the day after it, as the rules count).
#[derive(Debug, Clone, Serialize)]
pub struct Due {
    pub date: String,
    pub wareki: String,
    pub passed: bool,
}

impl Due {
    fn new(date: Date, today: Date) -> Self {
        Due { date: date.to_string(), wareki: date.to_wareki(), passed: today > date }
    }
}

/// One line of `pia list`.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub path: String,
    pub number: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub form: Option<String>,
    pub revision: Option<String>,
    /// 公表日, ISO.
    pub published: Option<String>,
    /// 公表日, 和暦.
    pub published_wareki: Option<String>,
    /// The しきい値判断 result: `none`, `kiso`, `kiso+juten`, `kiso+zenkomoku`.
    pub required: Option<&'static str>,
    pub required_text: Option<&'static str>,
    /// Ⅳ1: `kiso`, `kiso+juten`, `kiso+zenkomoku`.
    pub submitted: Option<&'static str>,
    pub submitted_text: Option<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// 公表日 + 1 year: the yearly review.
    pub annual_review: Option<Due>,
    /// last_assessment.date + 5 years (規則第15条); absent when not recorded.
    pub reassessment: Option<Due>,
    pub status: Status,
    pub status_text: &'static str,
    /// Why the file did not load, or the codes found.
    pub note: String,
}

/// Short names of the levels: 基礎, 基礎＋重点, 基礎＋全項目.
fn level_text(level: u8, lang: Lang) -> &'static str {
    match level {
        0 => lang.pick("義務なし", "none"),
        1 => lang.pick("基礎", "basic"),
        2 => lang.pick("基礎＋重点", "basic+focused"),
        _ => lang.pick("基礎＋全項目", "basic+full"),
    }
}

fn submitted_key(s: SubmittedAssessments) -> &'static str {
    match s {
        SubmittedAssessments::Kiso => "kiso",
        SubmittedAssessments::KisoJuten => "kiso+juten",
        SubmittedAssessments::KisoZenkomoku => "kiso+zenkomoku",
    }
}

/// The row of one entry, as of `today`.
pub fn row(entry: &Entry, lang: Lang, today: Date) -> Row {
    let summary = entry.summary();
    let form = entry.assessment();
    // What the しきい値判断 requires (Ⅲ of a 基礎, Ⅴ1② of a 重点, Ⅵ1② of a 全項目) and the level this
    // file is.
    let (obligation, submitted) = match form {
        Some(Assessment::Kiso(a)) => (Some(a.threshold_items.required()), Some(a.risk_measures.submitted)),
        Some(Assessment::Juten(a)) => {
            (Some(a.procedure.kiso.result.obligation()), Some(SubmittedAssessments::KisoJuten))
        }
        Some(Assessment::Zenkomoku(a)) => {
            (Some(a.procedure.kiso.result.obligation()), Some(SubmittedAssessments::KisoZenkomoku))
        }
        None => (None, None),
    };
    let deadlines = form.map(|a| crate::model::parts::Deadlines::of(a.cover(), a.last_assessment()));
    let annual_review = deadlines.map(|d| Due::new(d.annual_review, today));
    let reassessment = deadlines.and_then(|d| d.reassessment).map(|d| Due::new(d, today));
    let due = annual_review.iter().chain(&reassessment).any(|d| d.passed);
    let status = if summary.errors > 0 {
        Status::Error
    } else if summary.warnings > 0 {
        Status::Warning
    } else if due {
        Status::Due
    } else {
        Status::Ok
    };
    let mask = |s: String| crate::leak::mask(&s);
    Row {
        path: entry.name.clone(),
        number: entry.number().map(mask),
        title: entry.title().map(mask),
        body: entry.body().map(mask),
        form: form.map(|a| a.kind().label().to_owned()),
        revision: form.map(|a| a.revision().label().to_owned()),
        published: form.map(|a| a.cover().published.to_string()),
        published_wareki: form.map(|a| a.cover().published.to_wareki()),
        required: obligation.map(|o| o.key()),
        required_text: obligation.map(|o| level_text(o.level(), lang)),
        submitted: submitted.map(submitted_key),
        submitted_text: submitted.map(|s| level_text(s.level(), lang)),
        errors: summary.errors,
        warnings: summary.warnings,
        infos: summary.infos,
        annual_review,
        reassessment,
        status,
        status_text: status.text(lang),
        note: mask(note(entry, lang)),
    }
}

/// Why a file did not load (the first error, at its line), or the codes of its errors and
/// warnings.
fn note(entry: &Entry, lang: Lang) -> String {
    let loaded = match &entry.loaded {
        Err(message) => {
            return lang.pick(format!("読み込めません: {message}"), format!("cannot be read: {message}"));
        }
        Ok(l) => l,
    };
    if loaded.assessment.is_none() {
        let errors: Vec<&Diagnostic> = entry.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        // The first error at a line (a "… more of the same kind" summary has none).
        let Some(first) = errors.iter().find(|d| d.line().is_some()).or(errors.first()) else {
            return String::new();
        };
        let at = first.line().map(|l| lang.pick(format!("{l}行目"), format!("line {l}"))).unwrap_or_default();
        let more = errors.len().saturating_sub(1);
        let more = if more > 0 {
            lang.pick(format!("（ほか{more}件）"), format!(" (and {more} more)"))
        } else {
            String::new()
        };
        let item = first.item.as_deref().map(|i| format!("（{i}）")).unwrap_or_default();
        return lang.pick(
            format!("読み込めません（規則は未適用）: {} {at}{item}: {}{more}", first.code.name, first.message),
            format!("does not load (rules not applied): {} {at}{item}: {}{more}", first.code.name, first.message),
        );
    }
    let mut codes: Vec<&str> = Vec::new();
    for d in entry.diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
        if !codes.contains(&d.code.name) {
            codes.push(d.code.name);
        }
    }
    codes.join(", ")
}

/// What a reader sees for a due date: its 和暦 date, marked when it has passed; 「—（未記録）」
/// when there is none.
pub fn due_text(due: Option<&Due>, lang: Lang) -> String {
    match due {
        Some(d) if d.passed => lang.pick(format!("{}（経過）", d.wareki), format!("{} (passed)", d.date)),
        Some(d) => lang.pick(d.wareki.clone(), d.date.clone()),
        None => lang.pick("—（未記録）", "— (not recorded)").to_owned(),
    }
}

fn published_text(row: &Row, lang: Lang) -> String {
    let date = match lang {
        Lang::Ja => row.published_wareki.clone(),
        Lang::En => row.published.clone(),
    };
    date.unwrap_or_else(|| "—".to_owned())
}

/// The column headings.
fn headings(lang: Lang) -> [&'static str; 15] {
    match lang {
        Lang::Ja => [
            "評価書番号",
            "評価書名",
            "評価実施機関",
            "様式",
            "様式の版",
            "公表日",
            "必要な評価",
            "提出する評価書",
            "エラー",
            "警告",
            "次の見直し（1年）",
            "再評価期限（5年）",
            "状態",
            "ファイル",
            "備考",
        ],
        Lang::En => [
            "number",
            "title",
            "body",
            "form",
            "revision",
            "published",
            "required",
            "submitted",
            "errors",
            "warnings",
            "next review (1 year)",
            "re-assessment due (5 years)",
            "status",
            "file",
            "note",
        ],
    }
}

fn cells(row: &Row, lang: Lang) -> [String; 15] {
    let dash = || "—".to_owned();
    [
        row.number.clone().unwrap_or_else(dash),
        row.title.clone().unwrap_or_else(dash),
        row.body.clone().unwrap_or_else(dash),
        row.form.clone().unwrap_or_else(dash),
        row.revision.clone().unwrap_or_else(dash),
        published_text(row, lang),
        row.required_text.map_or_else(dash, str::to_owned),
        row.submitted_text.map_or_else(dash, str::to_owned),
        row.errors.to_string(),
        row.warnings.to_string(),
        row.annual_review.as_ref().map_or_else(dash, |d| due_text(Some(d), lang)),
        match (&row.reassessment, row.published.is_some()) {
            (None, false) => dash(),
            (r, _) => due_text(r.as_ref(), lang),
        },
        row.status_text.to_owned(),
        row.path.clone(),
        row.note.clone(),
    ]
}

/// CSV for Excel: UTF-8 with a BOM, CRLF line ends, fields quoted when they need it (and a
/// leading `'` on text Excel would take for a formula).
pub fn csv(rows: &[Row], lang: Lang) -> String {
    let mut out = String::from('\u{feff}');
    let line =
        |fields: &mut dyn Iterator<Item = String>| fields.map(|f| csv_field(&f)).collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&line(&mut headings(lang).iter().map(|h| (*h).to_owned())));
    for row in rows {
        out.push_str(&line(&mut cells(row, lang).into_iter()));
    }
    out
}

fn csv_field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    let value = value.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
    if value.contains([',', '"', '\r', '\n']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The JSON of `pia list --format json`.
pub fn json(rows: &[Row], today: Date) -> String {
    let mut summary = serde_json::Map::new();
    summary.insert("files".into(), rows.len().into());
    summary.insert("errors".into(), rows.iter().map(|r| r.errors).sum::<usize>().into());
    summary.insert("warnings".into(), rows.iter().map(|r| r.warnings).sum::<usize>().into());
    summary.insert("infos".into(), rows.iter().map(|r| r.infos).sum::<usize>().into());
    let report = serde_json::json!({ "today": today.to_string(), "assessments": rows, "summary": summary });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `s` to `max` terminal cells, ending with 「…」 when cut; line breaks become spaces.
fn fit(s: &str, max: usize) -> String {
    let s = s.replace(['\r', '\n'], " ");
    if width(&s) <= max {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The table for people: one line per assessment, then the notes and a summary line.
pub fn table(rows: &[Row], lang: Lang, today: Date) -> String {
    // Every column but the notes, which follow the table.
    const SHOWN: [usize; 12] = [0, 1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    const TITLE_MAX: usize = 36;
    let heads = headings(lang);
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let c = cells(r, lang);
            let form = match (&r.form, &r.revision) {
                (Some(f), Some(v)) => format!("{f} {v}"),
                _ => "—".to_owned(),
            };
            SHOWN
                .iter()
                .map(|&i| match i {
                    1 => fit(c.get(1).map_or("", String::as_str), TITLE_MAX),
                    3 => form.clone(),
                    _ => c.get(i).cloned().unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let titles: Vec<String> = SHOWN
        .iter()
        .map(|&i| {
            if i == 3 {
                lang.pick("様式・版", "form").to_owned()
            } else {
                heads.get(i).map_or("", |h| *h).to_owned()
            }
        })
        .collect();
    let widths: Vec<usize> = (0..SHOWN.len())
        .map(|col| {
            lines
                .iter()
                .map(|l| l.get(col).map_or(0, |c| width(c)))
                .chain([width(titles.get(col).map_or("", String::as_str))])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric = |col: usize| matches!(SHOWN.get(col), Some(8 | 9));
    let format_line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(col, c)| {
                let gap = " ".repeat(widths.get(col).copied().unwrap_or(0).saturating_sub(width(c)));
                if numeric(col) { format!("{gap}{c}") } else { format!("{c}{gap}") }
            })
            .collect();
        parts.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = format_line(&titles);
    out.push_str(&format_line(&widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>()));
    for l in &lines {
        out.push_str(&format_line(l));
    }
    let notes: Vec<&Row> = rows.iter().filter(|r| !r.note.is_empty()).collect();
    if !notes.is_empty() {
        out.push('\n');
        for r in notes {
            out.push_str(&format!("{}: {}\n", r.path, r.note));
        }
    }
    let count = |s: Status| rows.iter().filter(|r| r.status == s).count();
    out.push('\n');
    out.push_str(&lang.pick(
        format!(
            "{}件（要修正 {}、要確認 {}、見直し時期 {}、正常 {}）— 基準日 {}\n",
            rows.len(),
            count(Status::Error),
            count(Status::Warning),
            count(Status::Due),
            count(Status::Ok),
            today.to_wareki()
        ),
        format!(
            "{} assessment(s): {} to fix, {} to check, {} due for review, {} ok — as of {today}\n",
            rows.len(),
            count(Status::Error),
            count(Status::Warning),
            count(Status::Due),
            count(Status::Ok)
        ),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_numerically_then_as_text() {
        let mut numbers = vec![Some("12"), None, Some("2"), Some("A-1"), Some("０３"), Some("100"), Some("012")];
        numbers.sort_by(|a, b| compare_numbers(*a, *b));
        assert_eq!(numbers, vec![Some("2"), Some("０３"), Some("12"), Some("012"), Some("100"), Some("A-1"), None]);
        assert_eq!(number_key("012"), number_key("12"));
        assert_eq!(number_key("0"), number_key("000"));
    }

    #[test]
    fn csv_fields_are_quoted_for_excel() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\r\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
    }

    #[test]
    fn csv_has_a_bom_and_crlf() {
        let text = csv(&[], Lang::Ja);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.ends_with("\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn fit_cuts_by_terminal_width() {
        assert_eq!(fit("国民健康保険", 8), "国民健…");
        assert_eq!(fit("abc", 8), "abc");
        assert_eq!(fit("a\nb", 8), "a b");
    }
}
