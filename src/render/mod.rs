//! Rendering the official form to PDF with Typst, in-process, from the model.
//!
//! The form's template (`templates/typst/kiso.typ` for 様式2, which imports the files the forms
//! share; see [`Template`]) reads the data from the virtual file `/data.json` with Typst's
//! `json()`, so every user text is a string value and never parsed as markup. Only a checked
//! file is rendered ([`crate::check::Checked`]); one with errors is refused unless it is a draft
//! (素案). Missing glyphs of what the version prints are found before compiling (at the
//! character's YAML line and column), any Typst warning is an error, and the laid-out pages are
//! scanned once more for tofu.

pub mod data;
mod fonts;
pub mod printed;
mod world;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value as Json;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use data::{Audience, Stage, TemplateData, template_data};
pub use fonts::{FontSet, GOTHIC_PREFERENCE, MINCHO_PREFERENCE};
pub use world::Template;

use crate::check::Checked;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lang::Lang;
use crate::load::Loaded;
use crate::model::Assessment;

/// A character no installed Japanese font can show.
pub const MISSING_GLYPH: &Code = &Code {
    name: "missing-glyph",
    severity: Severity::Error,
    item: None,
    summary_ja: "どのフォントにもない文字（PDFでは豆腐（□）になるため出力しない）",
    summary_en: "A character that no font has (it would print as a box, so pia refuses)",
};

/// A character that the fonts installed here lack: `pia check` warns (fonts differ between
/// machines) where `pia render` would refuse with [`MISSING_GLYPH`].
pub const FONT_LACKS_GLYPH: &Code = &Code {
    name: "font-lacks-glyph",
    severity: Severity::Warning,
    item: None,
    summary_ja: "この環境のフォントにない文字（pia render はそのファイルを出力しない）",
    summary_en: "A character the fonts installed here lack (pia render would refuse the file)",
};

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The file has findings that keep it from being rendered (see [`refuses`]): every finding
    /// of the file, the missing glyphs of the version asked for among them.
    #[error("the file has errors")]
    Refused(Vec<Diagnostic>),
    /// Typst reported errors or warnings (every warning counts as an error).
    #[error("typst: {}", .0.join("; "))]
    Typst(Vec<String>),
    /// The PDF could not be written to the chosen standard.
    #[error("pdf export: {}", .0.join("; "))]
    Export(Vec<String>),
    /// pia has no template for this form yet.
    #[error("{}（{}）の PDF はまだ出力できません / pia cannot print this form yet", .0.label(), .0.title())]
    NoTemplate(crate::model::FormKind),
}

/// The PDF standards pia writes by default: PDF/A-2a together with PDF/UA-1.
pub const DEFAULT_STANDARDS: &[PdfStandard] = &[PdfStandard::A_2a, PdfStandard::Ua_1];

/// Reads a `--pdf-standard` list such as `a-2a,ua-1` (Typst's names; `none` for plain PDF).
pub fn parse_standards(text: &str) -> Result<Vec<PdfStandard>, String> {
    if text.trim() == "none" {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|s| {
            serde_json::from_value::<PdfStandard>(Json::String(s.trim().to_owned()))
                .map_err(|_| format!("unknown PDF standard `{}` (e.g. 1.7, a-2a, a-2b, a-3u, ua-1)", s.trim()))
        })
        .collect()
}

/// Options of one render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub audience: Audience,
    pub stage: Stage,
    pub standards: Vec<PdfStandard>,
}

/// Characters that fonts handle through other tables (variation selectors, joiners) or that are
/// layout, not glyphs.
fn needs_no_glyph(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The characters `data` prints that none of the chosen fonts has.
fn missing_characters(data: &TemplateData, fonts: &FontSet) -> BTreeSet<char> {
    let mut missing = BTreeSet::new();
    let Ok(value) = serde_json::to_value(data) else { return missing };
    let mut stack: Vec<&Json> = match &value {
        // The font family names are not printed.
        Json::Object(map) => map.iter().filter(|(k, _)| k.as_str() != "fonts").map(|(_, v)| v).collect(),
        other => vec![other],
    };
    while let Some(v) = stack.pop() {
        match v {
            Json::String(s) => {
                missing.extend(s.chars().filter(|c| !needs_no_glyph(*c) && !fonts.covers(*c)));
            }
            Json::Array(items) => stack.extend(items),
            Json::Object(map) => stack.extend(map.values()),
            _ => {}
        }
    }
    missing
}

/// The string values of the YAML that `audience` sees printed, with their JSON pointers: the
/// public version leaves out every withheld text (`{text, withheld}`) and its reason.
fn printed_scalars(value: &Json, audience: Audience) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), value)];
    while let Some((pointer, v)) = stack.pop() {
        match v {
            Json::String(s) => out.push((pointer, s.as_str())),
            Json::Array(items) => {
                stack.extend(items.iter().enumerate().map(|(i, x)| (format!("{pointer}/{i}"), x)));
            }
            Json::Object(map) if audience == Audience::Public && map.contains_key("withheld") => {}
            Json::Object(map) => stack
                .extend(map.iter().map(|(k, x)| (format!("{pointer}/{}", crate::yaml::escape_pointer_segment(k)), x))),
            _ => {}
        }
    }
    out
}

/// One diagnostic per occurrence of a character the fonts lack in what `data` prints, at the
/// character's own line and column (also inside block, folded, multi-line and quoted scalars).
/// A character only pia's own wording prints is reported once, without a line; after
/// [`crate::diagnostic::MAX_PER_CODE`] occurrences the rest are counted in one line.
fn glyph_diagnostics(
    loaded: &Loaded,
    missing: BTreeSet<char>,
    audience: Audience,
    code: &'static Code,
    lang: Lang,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if missing.is_empty() {
        return out;
    }
    let mut located = BTreeSet::new();
    let scalars = loaded.value.as_ref().map(|v| printed_scalars(v, audience)).unwrap_or_default();
    for (pointer, text) in scalars {
        if !text.chars().any(|c| missing.contains(&c)) {
            continue;
        }
        let node = loaded.map.get(&pointer);
        let found = node
            .map_or_else(Vec::new, |n| crate::yaml::find_in_scalar(&loaded.source, n.value, |c| missing.contains(&c)));
        // A character the scan did not find as written (an escape it does not know) is
        // reported at the start of its value.
        let unfound: BTreeSet<char> =
            text.chars().filter(|c| missing.contains(c) && !found.iter().any(|(f, _)| f == c)).collect();
        let places = found.into_iter().map(|(c, at)| (c, Some(at)));
        let places = places.chain(unfound.into_iter().map(|c| (c, node.map(|n| n.value))));
        for (c, at) in places {
            located.insert(c);
            out.push(
                glyph_diagnostic(code, c, lang)
                    .path(node.map(|n| n.dotted.clone()).unwrap_or_default())
                    .item(loaded.kind.and_then(|kind| crate::schema::item_for_pointer(kind, &pointer)))
                    .at(at),
            );
        }
    }
    for c in missing.difference(&located) {
        out.push(glyph_diagnostic(code, *c, lang));
    }
    crate::diagnostic::sort(&mut out);
    // A field full of 外字 gives a readable report, as other codes do.
    crate::diagnostic::cap_per_code(out, lang)
}

/// The message about one character, worded for the render's error or the check's warning.
fn glyph_diagnostic(code: &'static Code, c: char, lang: Lang) -> Diagnostic {
    let point = format!("U+{:04X}", c as u32);
    let message = if code.severity == Severity::Error {
        lang.pick(
            format!("「{c}」（{point}）を表示できるフォントがありません。PDFに豆腐（□）が出るため出力しません。"),
            format!("No installed font has 「{c}」 ({point}); it would print as a box, so pia refuses."),
        )
    } else {
        lang.pick(
            format!("「{c}」（{point}）は、この環境のフォントにありません。pia render はこのファイルを出力しません（PDFに豆腐（□）が出るため）。"),
            format!("The fonts installed here lack 「{c}」 ({point}); pia render would refuse the file (it would print as a box)."),
        )
    };
    Diagnostic::new(code, message).help(lang.pick(
        "外字や異体字は、標準の文字に置き換えるか、その文字を含むフォントを pia render の --font-path で指定してください。",
        "replace it with a standard character, or give pia render a font that has it with --font-path.",
    ))
}

/// `pia check`'s warnings: every character any version prints (the full version prints the
/// most) that the fonts lack.
///
/// It does not build the template's data (half of a 様式4's check was that): what a version can
/// print is the file's own strings and pia's wording for the form, whose characters are
/// gathered once per process ([`form_wording`]). `pia render` checks the data it lays out.
pub fn glyph_warnings(loaded: &Loaded, assessment: &Assessment, fonts: &FontSet, lang: Lang) -> Vec<Diagnostic> {
    let strings = loaded.value.as_ref().map(|v| printed_scalars(v, Audience::Full)).unwrap_or_default();
    let tag = assessment.kind().printed_tag(assessment.revision());
    let printed = strings
        .iter()
        .flat_map(|(_, s)| s.chars())
        .chain(tag.chars())
        .chain(form_wording(assessment.kind()).iter().copied());
    let missing = printed.filter(|c| !needs_no_glyph(*c) && !fonts.covers(*c)).collect();
    glyph_diagnostics(loaded, missing, Audience::Full, FONT_LACKS_GLYPH, lang)
}

/// Every character pia's own wording prints for a form: its schema's titles, choices, printed
/// questions, notes and block headings, the marks of the full version and of a draft, and the
/// characters of 和暦 dates and item numbers.
fn form_wording(kind: crate::model::FormKind) -> &'static BTreeSet<char> {
    fn gather(value: &Json, out: &mut BTreeSet<char>) {
        match value {
            Json::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("title" | "x-pia-printed" | "x-pia-note" | "x-pia-block", Json::String(s)) => {
                            out.extend(s.chars())
                        }
                        ("enum", Json::Array(items)) => {
                            out.extend(items.iter().filter_map(Json::as_str).flat_map(str::chars));
                        }
                        _ => gather(v, out),
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|v| gather(v, out)),
            _ => {}
        }
    }
    fn of(kind: crate::model::FormKind) -> BTreeSet<char> {
        let mut out = BTreeSet::new();
        gather(crate::schema::schema_value(kind), &mut out);
        let marks = [data::WITHHELD_MARK, data::FULL_VERSION_MARK, data::DRAFT_MARK, data::WITHHELD_LABEL];
        out.extend(marks.iter().flat_map(|m| m.chars()));
        out.extend("理由：令和平成元年月日時点０１２３４５６７８９0123456789．.（）()件) 　".chars());
        out
    }
    use crate::model::FormKind;
    static KISO: OnceLock<BTreeSet<char>> = OnceLock::new();
    static JUTEN: OnceLock<BTreeSet<char>> = OnceLock::new();
    static ZENKOMOKU: OnceLock<BTreeSet<char>> = OnceLock::new();
    let cell = match kind {
        FormKind::Kiso => &KISO,
        FormKind::Juten => &JUTEN,
        FormKind::Zenkomoku => &ZENKOMOKU,
    };
    cell.get_or_init(|| of(kind))
}

/// True when a finding keeps a file from being rendered: every error, except that a draft is
/// rendered despite the rules' errors — never despite a 個人番号, withheld text repeated in public
/// text, a file that does not load, or a missing glyph.
pub fn refuses(d: &Diagnostic, stage: Stage) -> bool {
    d.severity == Severity::Error && !(stage == Stage::Draft && crate::rules::draft_may_override(d.code))
}

/// The data of a checked file for the version asked for, with every finding (the check's and
/// the glyphs this version prints); refused when a finding [`refuses`] it.
pub fn prepare(
    checked: &Checked,
    fonts: &FontSet,
    options: &RenderOptions,
    lang: Lang,
) -> Result<(TemplateData, Vec<Diagnostic>), RenderError> {
    let loaded = checked.loaded();
    let mut diagnostics = checked.diagnostics().to_vec();
    let Some(assessment) = &loaded.assessment else { return Err(RenderError::Refused(diagnostics)) };
    if Template::of(assessment.kind()).is_none() {
        return Err(RenderError::NoTemplate(assessment.kind()));
    }
    let data = template_data(assessment, options.audience, options.stage, fonts.families());
    diagnostics.extend(glyph_diagnostics(
        loaded,
        missing_characters(&data, fonts),
        options.audience,
        MISSING_GLYPH,
        lang,
    ));
    crate::diagnostic::sort(&mut diagnostics);
    if diagnostics.iter().any(|d| refuses(d, options.stage)) {
        return Err(RenderError::Refused(diagnostics));
    }
    Ok((data, diagnostics))
}

/// Compiles the template with the data and the checked figures, treating every warning as an error.
pub fn compile(
    template: Template,
    data: &TemplateData,
    figures: &[crate::figures::FigureFile],
    fonts: &FontSet,
) -> Result<PagedDocument, RenderError> {
    let json = serde_json::to_vec(data).map_err(|e| RenderError::Typst(vec![e.to_string()]))?;
    let world = world::FormWorld::new(template, json, figures, fonts).map_err(|e| RenderError::Typst(vec![e]))?;
    let warned = typst::compile::<PagedDocument>(&world);
    // Keep the memo cache to what recent renders used: a batch stays fast and small.
    typst::comemo::evict(10);
    let warnings: Vec<String> = warned.warnings.iter().map(|w| world.describe(w)).collect();
    let document =
        warned.output.map_err(|errors| RenderError::Typst(errors.iter().map(|e| world.describe(e)).collect()))?;
    if !warnings.is_empty() {
        return Err(RenderError::Typst(warnings));
    }
    let tofu = fonts::missing_glyphs_in(&document);
    if !tofu.is_empty() {
        return Err(RenderError::Typst(vec![format!("missing glyphs after layout: {tofu}")]));
    }
    Ok(document)
}

/// Writes the laid-out document as PDF with the chosen standards, dated 公表日 so that two
/// renders of the same file are byte-identical.
pub fn export(document: &PagedDocument, data: &TemplateData, options: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    let standards =
        PdfStandards::new(&options.standards).map_err(|e| RenderError::Export(vec![e.message().to_string()]))?;
    let d = data.meta.date;
    let datetime = Datetime::from_ymd(d.year, u8::try_from(d.month).unwrap_or(1), u8::try_from(d.day).unwrap_or(1));
    let pdf_options = PdfOptions {
        ident: Smart::Custom(format!("pia/{}/{}", data.cover.number, data.cover.published)),
        creator: Smart::Custom(Some(format!("pia {}", env!("CARGO_PKG_VERSION")))),
        timestamp: datetime.map(Timestamp::new_utc),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &pdf_options)
        .map_err(|errors| RenderError::Export(errors.iter().map(|e| e.message.to_string()).collect()))
}

/// A rendered PDF and the findings it was rendered despite (warnings; a draft's rule errors).
#[derive(Debug)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Renders a checked assessment to PDF, unless its findings refuse it (see [`prepare`]).
pub fn render(
    checked: &Checked,
    fonts: &FontSet,
    options: &RenderOptions,
    lang: Lang,
) -> Result<Rendered, RenderError> {
    let (data, diagnostics) = prepare(checked, fonts, options, lang)?;
    let Some(kind) = checked.loaded().kind else { return Err(RenderError::Refused(diagnostics)) };
    let Some(template) = Template::of(kind) else { return Err(RenderError::NoTemplate(kind)) };
    let document = compile(template, &data, checked.figures(), fonts)?;
    Ok(Rendered { pdf: export(&document, &data, options)?, diagnostics })
}

/// Where a rendered file goes by default: the input's stem with `.pdf`, in the current directory.
pub fn default_output(input: &std::path::Path, extension: &str) -> PathBuf {
    let stem = input.file_stem().map_or_else(|| "assessment".into(), |s| s.to_os_string());
    let mut out = PathBuf::from(stem);
    out.set_extension(extension);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wareki::Date;

    const WITHHELD: &str = include_str!("../../tests/fixtures/render/withheld.yaml");
    const REASON: &str = "システム構成の公表はセキュリティ上のリスクとなるため（規則第13条）";

    fn checked(text: &str) -> Checked {
        let loaded = crate::load::load_str("t.yaml", text, Lang::Ja);
        let today = Date::from_ymd(2025, 5, 1).expect("date");
        crate::check::check_loaded(loaded, &crate::check::CheckOptions { today, previous: None, fonts: None }, Lang::Ja)
    }

    fn data(text: &str, audience: Audience, stage: Stage) -> TemplateData {
        let c = checked(text);
        let Some(a) = c.loaded().assessment.as_ref() else { panic!("valid") };
        let fonts = data::FontFamilies { mincho: vec!["BIZ UDMincho".into()], gothic: vec![] };
        template_data(a, audience, stage, fonts)
    }

    /// 様式2's Ⅰ of the template's data.
    fn related(d: &TemplateData) -> &data::RelatedData {
        let data::FormBody::Kiso(body) = &d.body else { panic!("様式2") };
        &body.related
    }

    #[test]
    fn only_the_full_version_has_the_reason_for_withholding() {
        let public = data(WITHHELD, Audience::Public, Stage::Final);
        assert_eq!(related(&public).systems.text, data::WITHHELD_MARK);
        assert_eq!(related(&public).systems.withheld_mark, None);
        assert!(!serde_json::to_string(&public).expect("json").contains("セキュリティ上のリスク"));
        let full = data(WITHHELD, Audience::Full, Stage::Final);
        assert_eq!(related(&full).systems.withheld_mark, Some(format!("【非公表】理由：{REASON}")));
        assert_eq!(related(&full).affair_summary.withheld_mark, None, "a public text has no mark");
    }

    #[test]
    fn a_draft_says_so_in_its_title_and_on_every_page() {
        let draft = data(WITHHELD, Audience::Public, Stage::Draft);
        assert_eq!(draft.meta.draft_mark.as_deref(), Some("素案"));
        assert_eq!(draft.meta.title, "住民基本台帳に関する事務　基礎項目評価書（素案）");
        assert_eq!(draft.cover.title.text, draft.meta.title);
        let final_ = data(WITHHELD, Audience::Public, Stage::Final);
        assert_eq!((final_.meta.draft_mark, final_.cover.title.text.ends_with("（素案）")), (None, false));
    }

    #[test]
    fn tabs_print_as_spaces() {
        let text = WITHHELD.replace(
            "summary: 住民基本台帳法に基づき、住民の居住関係を公証する。",
            "summary: \"住民基本台帳法に基づき、住民の\\t居住関係を\\t公証する。\"",
        );
        let d = data(&text, Audience::Public, Stage::Final);
        assert_eq!(related(&d).affair_summary.text, "住民基本台帳法に基づき、住民の 居住関係を 公証する。");
    }

    #[test]
    fn a_draft_overrides_the_rules_errors_only() {
        let bad = WITHHELD.replace(
            "threshold_result: 基礎項目評価の実施が義務付けられる",
            "threshold_result: 基礎項目評価及び重点項目評価の実施が義務付けられる",
        );
        let c = checked(&bad);
        let rule = c.diagnostics().iter().find(|d| d.code.name == "threshold-result-mismatch").expect("rule error");
        assert!(refuses(rule, Stage::Final) && !refuses(rule, Stage::Draft));
        for code in [crate::leak::INDIVIDUAL_NUMBER_IN_TEXT, MISSING_GLYPH, crate::diagnostic::codes::INVALID_CHOICE] {
            let d = Diagnostic::new(code, "x");
            assert!(refuses(&d, Stage::Final) && refuses(&d, Stage::Draft), "{}", code.name);
        }
        let warning = Diagnostic::new(FONT_LACKS_GLYPH, "x");
        assert!(!refuses(&warning, Stage::Final));
    }
}
