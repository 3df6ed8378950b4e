//! Rendering the official form to PDF with Typst, in-process, from the model.
//!
//! The template (`templates/kiso.typ`) reads the data from the virtual file `/data.json` with
//! Typst's `json()`, so every user text is a string value and never parsed as markup. Missing glyphs are found before compiling (with their YAML
//! line), any Typst warning is an error, and the laid-out pages are scanned once more for tofu.

pub mod data;
mod fonts;
mod world;

use std::path::PathBuf;

use serde_json::Value as Json;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use data::{Audience, TemplateData, template_data};
pub use fonts::{FontSet, GOTHIC_PREFERENCE, MINCHO_PREFERENCE};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lang::Lang;
use crate::load::Loaded;

/// The template of 様式2 (令和6年10月版), compiled into the binary.
pub const KISO_TEMPLATE: &str = include_str!("../../templates/kiso.typ");

/// A character no installed Japanese font can show.
pub const MISSING_GLYPH: &Code = &Code {
    name: "missing-glyph",
    severity: Severity::Error,
    item: None,
    summary_ja: "どのフォントにもない文字（PDFでは豆腐（□）になるため出力しない）",
    summary_en: "A character that no font has (it would print as a box, so pia refuses)",
};

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Characters no font covers; each diagnostic names the YAML line and the code point.
    #[error("missing glyphs")]
    MissingGlyphs(Vec<Diagnostic>),
    /// Typst reported errors or warnings (every warning counts as an error).
    #[error("typst: {}", .0.join("; "))]
    Typst(Vec<String>),
    /// The PDF could not be written to the chosen standard.
    #[error("pdf export: {}", .0.join("; "))]
    Export(Vec<String>),
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
    pub standards: Vec<PdfStandard>,
}

/// Characters that fonts handle through other tables (variation selectors, joiners) or that are
/// layout, not glyphs.
fn needs_no_glyph(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Checks every string of the document against the fonts, before compiling: one diagnostic per
/// string with an uncovered character, at the string's YAML line, naming the code point.
pub fn check_glyphs(loaded: &Loaded, fonts: &FontSet, lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(value) = &loaded.value else { return out };
    // Each distinct character is looked up once (a 評価書 has ~20,000 characters, ~1,000 distinct).
    let mut known: std::collections::HashMap<char, bool> = std::collections::HashMap::new();
    let mut covered = |c: char| *known.entry(c).or_insert_with(|| needs_no_glyph(c) || fonts.covers(c));
    let mut stack = vec![(String::new(), value)];
    while let Some((pointer, v)) = stack.pop() {
        match v {
            Json::String(s) => {
                let missing: Vec<char> = s.chars().filter(|c| !covered(*c)).collect();
                if let Some(first) = missing.first() {
                    let codes: Vec<String> = missing.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
                    let at = loaded.map.locate_value(&pointer);
                    let line_text = at.map(|l| {
                        let chars_before =
                            loaded.source.text[..l.offset].rsplit('\n').next().map_or(0, |t| t.chars().count());
                        (l.line, chars_before)
                    });
                    // Point at the first missing character itself when it is on the value's line.
                    let location = line_text.and_then(|(line, col)| {
                        let line_str = loaded.source.text.lines().nth(line - 1)?;
                        let idx = line_str.chars().skip(col).position(|c| c == *first)?;
                        Some(loaded.source.location(line, col + idx, 1))
                    });
                    out.push(
                        Diagnostic::new(
                            MISSING_GLYPH,
                            lang.pick(
                                format!("「{first}」（{}）を表示できるフォントがありません。PDFに豆腐（□）が出るため出力しません。", codes.join("、")),
                                format!("No installed font has 「{first}」 ({}); it would print as a box, so pia refuses.", codes.join(", ")),
                            ),
                        )
                        .path(loaded.map.get(&pointer).map(|n| n.dotted.clone()).unwrap_or_default())
                        .item(crate::schema::item_for_pointer(&pointer))
                        .at(location.or(at))
                        .help(lang.pick(
                            "外字や異体字は、標準の文字に置き換えるか、その文字を含むフォントを --font-path で指定してください。",
                            "replace it with a standard character, or give a font that has it with --font-path.",
                        )),
                    );
                }
            }
            Json::Array(items) => {
                stack.extend(items.iter().enumerate().map(|(i, x)| (format!("{pointer}/{i}"), x)));
            }
            Json::Object(map) => stack
                .extend(map.iter().map(|(k, x)| (format!("{pointer}/{}", crate::yaml::escape_pointer_segment(k)), x))),
            _ => {}
        }
    }
    out.sort_by_key(|d| d.location.map(|l| (l.line, l.column)));
    out
}

/// Compiles the template with the data, treating every warning as an error.
pub fn compile(data: &TemplateData, fonts: &FontSet) -> Result<PagedDocument, RenderError> {
    let json = serde_json::to_vec(data).map_err(|e| RenderError::Typst(vec![e.to_string()]))?;
    let world = world::FormWorld::new(KISO_TEMPLATE, json, fonts).map_err(|e| RenderError::Typst(vec![e]))?;
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

/// Renders a valid loaded assessment to PDF bytes.
pub fn render(loaded: &Loaded, fonts: &FontSet, options: &RenderOptions, lang: Lang) -> Result<Vec<u8>, RenderError> {
    let missing = check_glyphs(loaded, fonts, lang);
    if !missing.is_empty() {
        return Err(RenderError::MissingGlyphs(missing));
    }
    let Some(assessment) = &loaded.assessment else {
        return Err(RenderError::Typst(vec!["the assessment is not valid".into()]));
    };
    let data = template_data(assessment, options.audience, fonts.families());
    let document = compile(&data, fonts)?;
    export(&document, &data, options)
}

/// Where a rendered file goes by default: the input's stem with `.pdf`, in the current directory.
pub fn default_output(input: &std::path::Path, extension: &str) -> PathBuf {
    let stem = input.file_stem().map_or_else(|| "assessment".into(), |s| s.to_os_string());
    let mut out = PathBuf::from(stem);
    out.set_extension(extension);
    out
}
