//! Public means public: over generated assessments, the public PDF's bytes and extracted text
//! never contain a withheld (非公表) text, and the full version for the 委員会 does.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use pia::check::{CheckOptions, check_loaded};
use pia::lang::Lang;
use pia::render::{Audience, FontSet, RenderOptions, Stage, render};
use proptest::prelude::*;

/// The text items varied: the line of `tests/fixtures/minimal.yaml` each replaces, and its
/// indentation.
const FIELDS: &[(&str, &str)] = &[
    ("  title: ", "  "),
    ("    summary: ", "    "),
    ("    systems: ", "    "),
    ("  file_name: ", "  "),
    ("  number_use_basis: ", "  "),
    ("    basis: 番号法第19条第8号　別表", "    "),
    ("    name: ○○市市民局　市民課", "    "),
    ("  other_bodies: ", "  "),
    ("  disclosure_contact: ", "  "),
    ("  inquiry_contact: ", "  "),
    ("    basis: 窓口での入力は二人で確認している。", "    "),
    ("    basis: 生体認証により利用者を限定している。", "    "),
    ("    before: ", "    "),
    ("    after: ", "    "),
    ("    reason: ", "    "),
];

/// Characters every installed Japanese font has.
const ALPHABET: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '山', '川', '海', '空', '雨', '雪', '風', '花', '森',
    '林', '春', '夏', '秋', '冬', '東', '西', '南', '北', 'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ',
    'A', 'B', 'C', 'X', 'Y', 'Z',
];

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| FontSet::discover(&[], true).expect("Japanese fonts are installed (see .ci/run)"))
}

/// One generated text per field: delimited by 「秘…秘」 with the field's number inside, so no
/// text is part of another.
fn texts() -> impl Strategy<Value = Vec<(String, bool)>> {
    let one = |i: usize| {
        (proptest::collection::vec(proptest::sample::select(ALPHABET), 4..12), any::<bool>()).prop_map(
            move |(chars, withheld)| (format!("秘{i:02}{}秘", chars.into_iter().collect::<String>()), withheld),
        )
    };
    (0..FIELDS.len()).map(one).collect::<Vec<_>>()
}

fn assessment_yaml(texts: &[(String, bool)]) -> String {
    let base = std::fs::read_to_string(common::fixture("minimal.yaml")).expect("minimal fixture");
    let mut lines: Vec<String> = base.lines().map(str::to_owned).collect();
    for ((prefix, indent), (text, withheld)) in FIELDS.iter().zip(texts) {
        let Some(line) = lines.iter_mut().find(|l| l.starts_with(prefix)) else { panic!("no line {prefix}") };
        let key = line.trim_start().split(':').next().unwrap_or_default().to_owned();
        *line = if *withheld {
            format!(
                "{indent}{key}:\n{indent}  text: {text}\n{indent}  withheld: セキュリティ上のリスクがあるため（規則第13条）"
            )
        } else {
            format!("{indent}{key}: {text}")
        };
    }
    lines.join("\n") + "\n"
}

fn pdf_text(pdf: &[u8], dir: &Path) -> String {
    let path = dir.join("x.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output().expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The raw bytes and every inflated stream.
fn pdf_bytes(pdf: &[u8]) -> Vec<u8> {
    let mut all = pdf.to_vec();
    let mut rest = pdf;
    while let Some(start) = rest.windows(6).position(|w| w == b"stream") {
        let body = &rest[start + 6..];
        let body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
        let Some(end) = body.windows(9).position(|w| w == b"endstream") else { break };
        if let Ok(inflated) = miniz_oxide::inflate::decompress_to_vec_zlib(&body[..end]) {
            all.extend_from_slice(&inflated);
        }
        rest = &body[end..];
    }
    all
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn withheld_text_is_only_in_the_full_version(texts in texts()) {
        let yaml = assessment_yaml(&texts);
        let loaded = pia::load::load_str("generated.yaml", &yaml, Lang::Ja);
        prop_assert!(loaded.assessment.is_some(), "{:?}\n{yaml}", loaded.diagnostics);
        let today = pia::wareki::Date::from_ymd(2025, 5, 1).expect("date");
        let checked = check_loaded(loaded, &CheckOptions { today, previous: None, fonts: None }, Lang::Ja);
        let dir = tempfile::tempdir().expect("tempdir");
        let options = |audience| RenderOptions {
            audience,
            stage: Stage::Final,
            standards: pia::render::DEFAULT_STANDARDS.to_vec(),
        };
        let public = render(&checked, fonts(), &options(Audience::Public), Lang::Ja).expect("public render").pdf;
        let full = render(&checked, fonts(), &options(Audience::Full), Lang::Ja).expect("full render").pdf;
        let (public_text, full_text) = (pdf_text(&public, dir.path()), pdf_text(&full, dir.path()));
        let public_bytes = pdf_bytes(&public);
        for (text, withheld) in &texts {
            let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            if *withheld {
                prop_assert!(!public_text.contains(text.as_str()), "{text} in the public text");
                prop_assert!(!contains(&public_bytes, text.as_bytes()) && !contains(&public_bytes, &utf16), "{text} in the public bytes");
            } else {
                prop_assert!(public_text.contains(text.as_str()), "public {text} missing from the public text");
            }
            prop_assert!(full_text.contains(text.as_str()), "{text} missing from the full version");
        }
        // The reason for withholding is for the 委員会 only.
        let reason = "セキュリティ上のリスクがあるため";
        prop_assert!(!public_text.contains(reason), "the reason in the public text");
        if texts.iter().any(|(_, w)| *w) {
            prop_assert!(public_text.contains("（非公表）"));
            prop_assert!(full_text.contains(&format!("【非公表】理由：{reason}")), "no reason in the full version");
        }
    }
}
