//! `pia report`: a reviewer's report of one assessment or a folder — a self-contained HTML page
//! (inline CSS, printable) or Markdown — from `templates/report.html.j2` / `report.md.j2`.
//!
//! Per assessment: the しきい値判断 step by step, every rule of [`crate::rules::RULES`] with its
//! result and each finding's YAML line as evidence, the 変更箇所 table and the due dates (and for
//! a 様式4, its 評価実施手続 as a timeline); for
//! several assessments, a summary table first and, for each 基礎項目評価書 and the form paired
//! with it, one table comparing what the pair shares, as the pair rule compares it
//! ([`crate::rules::across::pairs`]). Every user text goes through the templates' auto-escaping
//! (HTML, or the Markdown escaping below) and through [`crate::leak::mask`]; withheld text (and
//! its reason) never appears: it is shown as 「（非公表）」, also where a message or a YAML line
//! would quote it.

use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, Error, Value as JValue, context};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::model::vocab::BodyKind;
use crate::model::{Assessment, FormKind, KisoAssessment, Text, ZenkomokuAssessment};
use crate::portfolio::{self, Entry, Row};
use crate::wareki::Date;

pub const HTML_TEMPLATE: &str = include_str!("../templates/report.html.j2");
pub const MD_TEMPLATE: &str = include_str!("../templates/report.md.j2");

/// The report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

/// A finding as the report shows it: where, what, and the YAML line it is about.
#[derive(Debug, Serialize)]
struct Finding {
    code: &'static str,
    severity: &'static str,
    severity_text: &'static str,
    line: Option<usize>,
    column: Option<usize>,
    item: Option<String>,
    path: String,
    message: String,
    help: Option<String>,
    /// The YAML line, as written (individual numbers masked).
    excerpt: Option<String>,
}

/// One rule of `RULES` and what it found.
#[derive(Debug, Serialize)]
struct RuleResult {
    code: &'static str,
    severity: &'static str,
    severity_text: &'static str,
    item: Option<&'static str>,
    summary: &'static str,
    /// `ok`, `finding`, or `not-applied` (the file did not load, or the rule needs a previous version).
    result: &'static str,
    result_text: String,
    findings: Vec<Finding>,
}

#[derive(Debug, Serialize)]
struct Judgement {
    steps: Vec<String>,
    result_text: &'static str,
    /// Ⅲ as written, whether it is the result, and its line.
    written: &'static str,
    written_matches: bool,
    written_line: Option<usize>,
    /// Ⅳ1 as written, whether it is at least the result, and its line.
    submitted: &'static str,
    submitted_enough: bool,
    submitted_line: Option<usize>,
    counts: Vec<String>,
}

/// One date of a 様式4's procedure, in the order of the procedure.
#[derive(Debug, Serialize)]
struct TimelineStep {
    /// The item, as the schema names it (`Ⅵ 3. ①実施日`).
    item: String,
    /// The date, or `None` while it is still to come (a 素案).
    date: Option<String>,
    /// Days since the previous date written (4月1日 → 4月30日 is 29).
    days: Option<i64>,
    /// The 意見聴取's length, first and last day counted, on its last day.
    hearing_days: Option<i64>,
    line: Option<usize>,
}

#[derive(Debug, Serialize)]
struct HistoryCell {
    text: String,
    withheld: bool,
}

#[derive(Debug, Serialize)]
struct HistoryRow {
    date: String,
    item: String,
    before: Option<HistoryCell>,
    after: Option<HistoryCell>,
    timing: Option<&'static str>,
    reason: Option<HistoryCell>,
    line: Option<usize>,
}

#[derive(Debug, Serialize)]
struct Dates {
    published: String,
    annual_review: String,
    annual_review_passed: bool,
    last_assessment: Option<String>,
    reassessment: String,
    reassessment_passed: bool,
}

/// One form of a pair, as the pair table heads its column: which file, and its findings.
#[derive(Debug, Serialize)]
struct PairForm {
    /// The assessment's section in the report.
    anchor: String,
    name: String,
    /// `様式2 基礎項目評価書`.
    form: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    status: portfolio::Status,
    status_text: &'static str,
}

/// One value of a pair, as one form states it.
#[derive(Debug, Serialize)]
struct PairCell {
    /// The form item, as that form's schema names it.
    item: String,
    /// As outputs may show it: withheld text as 「（非公表）」, 個人番号 masked.
    text: String,
    line: Option<usize>,
}

/// One thing the pair shares, with the pair rule's verdict on it.
#[derive(Debug, Serialize)]
struct PairRow {
    /// The item, or `様式2's ↔ its partner's` where the forms name it differently.
    item: String,
    cells: [PairCell; 2],
    /// `ok`, `key` (the pairing condition), `error` or `warning`.
    result: &'static str,
    result_text: String,
}

/// A 基礎項目評価書 and the form submitted with it, side by side ([`crate::rules::across::pairs`]).
#[derive(Debug, Serialize)]
struct PairView {
    heading: String,
    forms: [PairForm; 2],
    rows: Vec<PairRow>,
    /// Rows where the forms differ.
    differences: usize,
}

#[derive(Debug, Serialize)]
struct AssessmentView {
    anchor: String,
    name: String,
    row: Row,
    /// Why the file could not be read at all.
    read_error: Option<String>,
    loaded: bool,
    heading: String,
    declaration: Option<String>,
    department: Option<String>,
    judgement: Option<Judgement>,
    rules: Vec<RuleResult>,
    rules_found: usize,
    /// Findings outside the rule table: loading, the individual-number guard, across files.
    other_findings: Vec<Finding>,
    history: Vec<HistoryRow>,
    dates: Option<Dates>,
    /// A 様式4's procedure ([`timeline`]); empty for the other forms.
    timeline: Vec<TimelineStep>,
    /// How many dates of `timeline` are still to come.
    timeline_to_come: usize,
    has_withheld: bool,
}

/// A 様式4's 評価実施手続 as a timeline: Ⅵ 1.'s 基礎項目評価, the 意見聴取's first and last day,
/// then the 第三者点検 (地方公共団体等) or the submission to the 委員会 and its 承認日 (行政機関等),
/// and the 公表日; each with the days since the date before it, or none while still to come.
fn timeline(z: &ZenkomokuAssessment, map: &crate::yaml::SourceMap, lang: Lang) -> Vec<TimelineStep> {
    let p = &z.procedure;
    let hearing = p.public_hearing.as_ref();
    let mut dates: Vec<(&str, Option<Date>)> = vec![
        ("/procedure/kiso/date", Some(p.kiso.date)),
        ("/procedure/public_hearing/period/start", hearing.map(|h| h.period.start)),
        ("/procedure/public_hearing/period/end", hearing.map(|h| h.period.end)),
    ];
    match z.body_kind {
        BodyKind::LocalGovernment => {
            dates.push(("/procedure/third_party_review/date", p.third_party_review.as_ref().map(|r| r.date)));
        }
        BodyKind::Administrative => {
            dates.push(("/procedure/commission_review/submitted", p.commission_review.as_ref().map(|c| c.submitted)));
            dates.push(("/cover/approval", z.cover.approval));
        }
    }
    dates.push(("/cover/published", Some(z.cover.common.published)));
    let mut previous: Option<Date> = None;
    dates
        .into_iter()
        .map(|(pointer, date)| {
            let days = date.zip(previous).map(|(d, before)| d.days_since_epoch() - before.days_since_epoch());
            previous = date.or(previous);
            let hearing_days = hearing
                .filter(|_| pointer.ends_with("/period/end"))
                .map(|h| crate::rules::hearing_days(h.period.start, h.period.end));
            TimelineStep {
                item: crate::schema::title_for_pointer(FormKind::Zenkomoku, pointer).unwrap_or_default(),
                date: date.map(|d| lang.pick(d.to_wareki(), d.to_string())),
                days,
                hearing_days,
                line: date.and_then(|_| map.locate_value(pointer)).map(|l| l.line),
            }
        })
        .collect()
}

fn severity_text(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => lang.pick("エラー", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
        Severity::Info => lang.pick("情報", "info"),
    }
}

/// Every withheld text of a document and its reason (`{text, withheld}`), longest first.
fn withheld_texts(value: &serde_json::Value) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) if m.contains_key("withheld") => {
                out.extend(
                    ["text", "withheld"]
                        .iter()
                        .filter_map(|k| m.get(*k)?.as_str())
                        .map(|t| t.trim().to_owned())
                        .filter(|t| !t.is_empty()),
                );
            }
            serde_json::Value::Object(m) => m.values().for_each(|v| walk(v, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut out);
    out.sort_by_key(|t| std::cmp::Reverse(t.len()));
    out
}

/// A finding's text with any withheld text it quotes replaced by 「（非公表）」, and 個人番号 masked:
/// the report never shows what the public version leaves out, whatever a message quotes.
fn redact(text: &str, hidden: &[String]) -> String {
    let mut text = crate::leak::mask(text);
    for h in hidden {
        if text.contains(h.as_str()) {
            text = text.replace(h.as_str(), crate::model::types::WITHHELD_MARK);
        }
    }
    text
}

fn finding(d: &Diagnostic, source: Option<&crate::source::Source>, hidden: &[String], lang: Lang) -> Finding {
    let mask = |s: &str| redact(s, hidden);
    // The YAML line as a snippet shows it: withheld text (and its reason) masked.
    let source = source.map(crate::source::Source::for_snippets);
    // A public text that repeats withheld text is not quoted either.
    let quotable = d.code.name != "withheld-text-repeated";
    let excerpt =
        d.line().filter(|_| quotable).and_then(|line| source.as_ref()?.text.lines().nth(line.checked_sub(1)?)).map(
            |l| {
                let l = l.trim_end();
                let cut: String = l.chars().take(160).collect();
                mask(&if cut.len() < l.len() { format!("{cut}…") } else { cut })
            },
        );
    Finding {
        code: d.code.name,
        severity: d.severity.as_str(),
        severity_text: severity_text(d.severity, lang),
        line: d.line(),
        column: d.location.map(|l| l.column),
        item: d.item.as_deref().map(mask),
        path: d.path.clone(),
        message: mask(&d.message),
        help: d.help.as_deref().map(mask),
        excerpt,
    }
}

/// A 変更箇所 cell as the public 変更箇所 prints it: a withheld cell as 「（非公表）」 only.
fn cell(text: &Option<Text>) -> Option<HistoryCell> {
    text.as_ref().map(|t| HistoryCell { text: t.shown(false), withheld: t.is_withheld() })
}

/// 183000 → 183,000.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn judgement(a: &KisoAssessment, map: &crate::yaml::SourceMap, lang: Lang) -> Judgement {
    let t = &a.threshold_items;
    let j = crate::threshold::judge(t.subjects.band, t.handlers.band, t.incident, lang);
    let line = |pointer: &str| map.locate_value(pointer).map(|l| l.line);
    let mut counts = Vec::new();
    let as_of = |d: Date| lang.pick(format!("{}時点", d.to_wareki()), format!("as of {d}"));
    counts.push(match t.subjects.count {
        Some(n) => lang.pick(
            format!("Ⅱ1 対象人数の実数: {}人（{}）", grouped(n.0), as_of(t.subjects.as_of)),
            format!("Ⅱ1 head count: {} ({})", grouped(n.0), as_of(t.subjects.as_of)),
        ),
        None => lang.pick(
            format!("Ⅱ1 いつ時点の計数か: {}", as_of(t.subjects.as_of)),
            format!("Ⅱ1 counted {}", as_of(t.subjects.as_of)),
        ),
    });
    counts.push(match t.handlers.count {
        Some(n) => lang.pick(
            format!("Ⅱ2 取扱者数の実数: {}人（{}）", grouped(n.0), as_of(t.handlers.as_of)),
            format!("Ⅱ2 head count: {} ({})", grouped(n.0), as_of(t.handlers.as_of)),
        ),
        None => lang.pick(
            format!("Ⅱ2 いつ時点の計数か: {}", as_of(t.handlers.as_of)),
            format!("Ⅱ2 counted {}", as_of(t.handlers.as_of)),
        ),
    });
    Judgement {
        steps: j.steps.iter().map(|s| crate::leak::mask(s)).collect(),
        result_text: j.result_text,
        written: a.threshold_result.label(),
        written_matches: a.threshold_result == j.obligation,
        written_line: line("/threshold_result"),
        submitted: a.risk_measures.submitted.label(),
        submitted_enough: a.risk_measures.submitted.level() >= j.obligation.level(),
        submitted_line: line("/risk_measures/submitted"),
        counts,
    }
}

/// Why a rule is not applied to a file of form `kind`: it is another form's rule.
fn not_applied(rule: &crate::rules::Rule, kind: FormKind, lang: Lang) -> String {
    match rule.only_form() {
        Some(FormKind::Juten) => lang.pick("未適用（様式3の規則）", "not applied (a 様式3 rule)").to_owned(),
        Some(FormKind::Zenkomoku) => lang.pick("未適用（様式4の規則）", "not applied (a 様式4 rule)").to_owned(),
        Some(FormKind::Kiso) | None => lang.pick(
            format!("未適用（様式2の規則。{}にはまだ適用しません）", kind.label()),
            format!("not applied (a 様式2 rule, not yet applied to {})", kind.label()),
        ),
    }
}

fn view(index: usize, entry: &Entry, lang: Lang, today: Date) -> AssessmentView {
    let row = portfolio::row(entry, lang, today);
    let loaded = entry.loaded.as_ref().ok();
    let source = loaded.map(|l| &l.source);
    let a = entry.kiso();
    let form = entry.assessment();
    let hidden = loaded.and_then(|l| l.value.as_ref()).map(withheld_texts).unwrap_or_default();
    let rule_findings = |code: &str| -> Vec<Finding> {
        entry.diagnostics.iter().filter(|d| d.code.name == code).map(|d| finding(d, source, &hidden, lang)).collect()
    };
    let rules: Vec<RuleResult> = crate::rules::RULES
        .iter()
        .map(|r| {
            let findings = rule_findings(r.code.name);
            let (result, result_text) = if form.is_none() {
                ("not-applied", lang.pick("未適用（読み込めない）", "not applied (does not load)").to_owned())
            } else if let Some(kind) = form.map(Assessment::kind).filter(|k| !r.applies_to(*k)) {
                ("not-applied", not_applied(r, kind, lang))
            } else if !findings.is_empty() {
                ("finding", lang.pick(format!("{}件", findings.len()), format!("{} finding(s)", findings.len())))
            } else if crate::rules::CHANGE_RULES.contains(&r.code.name) {
                (
                    "not-applied",
                    lang.pick("対象外（前の版と比べるルール）", "not applied (compares with a previous version)")
                        .to_owned(),
                )
            } else {
                ("ok", "OK".to_owned())
            };
            RuleResult {
                code: r.code.name,
                severity: r.code.severity.as_str(),
                severity_text: severity_text(r.code.severity, lang),
                item: r.code.item,
                summary: r.code.summary(lang),
                result,
                result_text,
                findings,
            }
        })
        .collect();
    let mut other_findings: Vec<Finding> = entry
        .diagnostics
        .iter()
        .filter(|d| !crate::rules::RULES.iter().any(|r| r.code.name == d.code.name))
        .map(|d| finding(d, source, &hidden, lang))
        .collect();
    // Findings at a line first; a summary such as "… more of the same kind" last.
    other_findings.sort_by_key(|f| f.line.is_none());
    let history = match (form, loaded) {
        (Some(a), Some(l)) => a
            .history()
            .iter()
            .enumerate()
            .map(|(i, h)| HistoryRow {
                date: lang.pick(h.date.to_wareki(), h.date.to_string()),
                item: crate::leak::mask(&h.item),
                before: cell(&h.before),
                after: cell(&h.after),
                timing: h.timing.map(|t| t.label()),
                reason: cell(&h.reason),
                line: l.map.locate(&format!("/history/{i}")).map(|p| p.line),
            })
            .collect(),
        _ => Vec::new(),
    };
    let dates = form.map(|a| {
        let date = |d: Date| lang.pick(d.to_wareki(), d.to_string());
        Dates {
            published: date(a.cover().published),
            annual_review: row.annual_review.as_ref().map_or_else(String::new, |d| portfolio::due_text(Some(d), lang)),
            annual_review_passed: row.annual_review.as_ref().is_some_and(|d| d.passed),
            last_assessment: a.last_assessment().map(|l| format!("{}（{}）", date(l.date), l.kind)),
            reassessment: portfolio::due_text(row.reassessment.as_ref(), lang),
            reassessment_passed: row.reassessment.as_ref().is_some_and(|d| d.passed),
        }
    });
    let timeline = match (form, loaded) {
        (Some(Assessment::Zenkomoku(z)), Some(l)) => timeline(z, &l.map, lang),
        _ => Vec::new(),
    };
    let heading = match (&row.title, &row.number) {
        (Some(t), Some(n)) => lang.pick(format!("{t}（評価書番号 {n}）"), format!("{t} (No. {n})")),
        (Some(t), None) => t.clone(),
        _ => entry.name.clone(),
    };
    AssessmentView {
        anchor: format!("a{}", index + 1),
        name: entry.name.clone(),
        read_error: entry.loaded.as_ref().err().cloned(),
        loaded: form.is_some(),
        heading,
        declaration: form.map(|a| a.cover().declaration.shown(false)),
        department: form.map(|a| match a {
            Assessment::Kiso(k) => k.related_info.department.name.shown(false),
            Assessment::Juten(j) => j.basic_info.department.name.shown(false),
            Assessment::Zenkomoku(z) => z.basic_info.department.name.shown(false),
        }),
        judgement: a.zip(loaded).map(|(a, l)| judgement(a, &l.map, lang)),
        rules_found: rules.iter().filter(|r| r.result == "finding").count(),
        rules,
        other_findings,
        history,
        dates,
        timeline_to_come: timeline.iter().filter(|t| t.date.is_none()).count(),
        timeline,
        has_withheld: form.is_some() && !hidden.is_empty(),
        row,
    }
}

fn pair_form(view: &AssessmentView, kind: FormKind) -> PairForm {
    PairForm {
        anchor: view.anchor.clone(),
        name: view.name.clone(),
        form: format!("{} {}", kind.label(), kind.title()),
        errors: view.row.errors,
        warnings: view.row.warnings,
        infos: view.row.infos,
        status: view.row.status,
        status_text: view.row.status_text,
    }
}

/// The pairs among the entries, each compared by the pair rule itself.
fn pair_views(entries: &[Entry], views: &[AssessmentView], lang: Lang) -> Vec<PairView> {
    use crate::rules::across::Shared;
    let keys = portfolio::across_keys(entries);
    crate::rules::across::pairs(&keys)
        .iter()
        .filter_map(|pair| {
            let [base_kind, partner_kind] = pair.kinds();
            let forms =
                [pair_form(views.get(pair.base)?, base_kind), pair_form(views.get(pair.partner)?, partner_kind)];
            let comparisons = pair.comparisons();
            let rows: Vec<PairRow> = comparisons
                .iter()
                .map(|c| {
                    let cell = |side: usize| PairCell {
                        item: c.item_label(side),
                        text: c.shown(side, lang),
                        line: c.line(side),
                    };
                    let cells = [cell(0), cell(1)];
                    let item = if cells[0].item == cells[1].item {
                        cells[0].item.clone()
                    } else {
                        format!("{} ↔ {}", cells[0].item, cells[1].item)
                    };
                    let (result, result_text) = match (c.agrees(), c.severity()) {
                        (_, None) => ("key", lang.pick("一致（組の条件）", "agrees (pairs them)").to_owned()),
                        (true, Some(_)) => ("ok", lang.pick("一致", "agrees").to_owned()),
                        (false, Some(severity)) => (
                            severity.as_str(),
                            lang.pick(
                                format!("不一致（{}）", severity_text(severity, lang)),
                                format!("differs ({})", severity_text(severity, lang)),
                            ),
                        ),
                    };
                    PairRow { item, cells, result, result_text }
                })
                .collect();
            let shown = |item: Shared| comparisons.iter().find(|c| c.item == item).map(|c| c.shown(0, lang));
            let (body, number) = (shown(Shared::Body).unwrap_or_default(), shown(Shared::Number).unwrap_or_default());
            let heading = lang.pick(
                format!("{body} 評価書番号 {number}（{}・{}）", base_kind.title(), partner_kind.title()),
                format!("{body} No. {number} ({} and {})", base_kind.title(), partner_kind.title()),
            );
            let differences = rows.iter().filter(|r| r.result == "error" || r.result == "warning").count();
            Some(PairView { heading, forms, rows, differences })
        })
        .collect()
}

/// The report's text for already evaluated entries.
pub fn render(entries: &[Entry], format: Format, lang: Lang, today: Date) -> Result<String, Error> {
    let views: Vec<AssessmentView> = entries.iter().enumerate().map(|(i, e)| view(i, e, lang, today)).collect();
    let pairs = pair_views(entries, &views, lang);
    let count = |s: portfolio::Status| views.iter().filter(|v| v.row.status == s).count();
    let totals = context! {
        files => views.len(),
        errors => views.iter().map(|v| v.row.errors).sum::<usize>(),
        warnings => views.iter().map(|v| v.row.warnings).sum::<usize>(),
        infos => views.iter().map(|v| v.row.infos).sum::<usize>(),
        to_fix => count(portfolio::Status::Error),
        to_check => count(portfolio::Status::Warning),
        due => count(portfolio::Status::Due),
        ok => count(portfolio::Status::Ok),
    };
    let mut env = environment(lang);
    let name = match format {
        Format::Html => "report.html.j2",
        Format::Markdown => "report.md.j2",
    };
    env.add_template("report.html.j2", HTML_TEMPLATE)?;
    env.add_template("report.md.j2", MD_TEMPLATE)?;
    env.get_template(name)?.render(context! {
        lang => lang.pick("ja", "en"),
        today => lang.pick(today.to_wareki(), today.to_string()),
        assessments => JValue::from(minijinja::value::Serde(&views)),
        pairs => JValue::from(minijinja::value::Serde(&pairs)),
        totals,
        rule_count => crate::rules::RULES.len(),
    })
}

fn environment(lang: Lang) -> Environment<'static> {
    let mut env = crate::jinja::environment();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") {
            AutoEscape::Html
        } else if name.ends_with(".md.j2") {
            AutoEscape::Custom("markdown".into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "markdown") && !value.is_safe() {
            let text = if value.is_none() || value.is_undefined() { String::new() } else { value.to_string() };
            out.write_str(&markdown_escape(&text)).map_err(Error::from)
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    // A value inside a Markdown code span: only `|` (table cells) and backticks need care.
    env.add_filter("md_code", |text: String| {
        JValue::from_safe_string(text.replace('`', "'").replace('|', "\\|").replace(['\r', '\n'], " "))
    });
    // tr("日本語", "English"): the report's words in the language asked for.
    env.add_function("tr", move |ja: String, en: String| lang.pick(ja, en));
    env
}

/// Text for a Markdown table cell or paragraph: HTML and the Markdown (GFM) specials escaped, a
/// leading list or heading mark escaped, line breaks as `<br>` (so a cell stays on one line).
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.replace("\r\n", "\n").chars().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Why `pia report` did not write its report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Write(String),
    #[error("internal error in the report template: {0}")]
    Template(#[from] Error),
}

/// The outcome of a written report.
#[derive(Debug)]
pub struct Written {
    pub assessments: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Checks every YAML file named by `inputs` as `pia check` does (as of `checks.today`) and
/// writes the report to `output` atomically (`draft`: as `pia check --draft`). An input that does
/// not exist, an output that is one of the inputs, or no assessment at all is refused.
pub fn write_report(
    inputs: &[PathBuf],
    output: &Path,
    format: Format,
    lang: Lang,
    checks: &crate::check::CheckOptions<'_>,
    draft: bool,
) -> Result<Written, ReportError> {
    let portfolio::Inputs { files, base } = portfolio::inputs(inputs, lang).map_err(ReportError::Input)?;
    if let Some(same) = files.iter().find(|f| crate::fsutil::same_file(f, output)) {
        return Err(ReportError::Input(lang.pick(
            format!("出力先 {} は入力の評価書です。別の名前を指定してください", same.display()),
            format!("the output {} is one of the inputs; choose another name", same.display()),
        )));
    }
    let mut entries = portfolio::evaluate(&files, base, lang, checks);
    if draft {
        portfolio::as_drafts(&mut entries);
    }
    let text = render(&entries, format, lang, checks.today)?;
    crate::fsutil::atomic_write(output, text.as_bytes()).map_err(|e| {
        ReportError::Write(lang.pick(
            format!("{} に書き込めません（{e}）", output.display()),
            format!("cannot write {} ({e})", output.display()),
        ))
    })?;
    let mut written = Written { assessments: entries.len(), errors: 0, warnings: 0 };
    for e in &entries {
        let s = e.summary();
        written.errors += s.errors;
        written.warnings += s.warnings;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_entries(lang: Lang) -> Vec<Entry> {
        let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assessments/kumamoto-kokuho-kiso.yaml");
        let today = Date::from_ymd(2025, 5, 1).expect("date");
        portfolio::evaluate(&[seed], None, lang, &crate::check::CheckOptions { today, previous: None, fonts: None })
    }

    #[test]
    fn html_lists_every_rule_and_the_judgement() {
        let today = Date::from_ymd(2025, 5, 1).expect("date");
        let html = render(&seed_entries(Lang::Ja), Format::Html, Lang::Ja, today).expect("render");
        for rule in crate::rules::RULES {
            assert!(html.contains(rule.code.name), "{} missing", rule.code.name);
        }
        assert!(html.contains("基礎項目評価及び重点項目評価の実施が義務付けられる"));
        assert!(html.contains("第5の2"));
        assert!(!html.contains("<script"), "no scripts");
        assert!(!html.contains("http://") && !html.contains("https://"), "no external assets");
    }

    #[test]
    fn markdown_escapes_user_text() {
        assert_eq!(markdown_escape("a|b"), "a\\|b");
        assert_eq!(markdown_escape("<script>"), "&lt;script&gt;");
        assert_eq!(markdown_escape("x\ny"), "x<br>y");
        assert_eq!(markdown_escape("*bold* [l](u)"), "\\*bold\\* \\[l\\](u)");
        assert_eq!(markdown_escape("- x - y"), "\\- x - y");
        let today = Date::from_ymd(2025, 5, 1).expect("date");
        let md = render(&seed_entries(Lang::Ja), Format::Markdown, Lang::Ja, today).expect("render");
        assert!(md.contains("基礎項目評価及び重点項目評価の実施が義務付けられる"));
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(183000), "183,000");
        assert_eq!(grouped(1234567), "1,234,567");
    }

    #[test]
    fn english_report() {
        let today = Date::from_ymd(2025, 5, 1).expect("date");
        let html = render(&seed_entries(Lang::En), Format::Html, Lang::En, today).expect("render");
        assert!(html.contains("lang=\"en\""));
        assert!(html.contains("Threshold judgement"));
    }
}
