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

/// How one field changes between two versions: (new text, withheld in the new version), or kept.
fn edits() -> impl Strategy<Value = Vec<Option<(String, bool)>>> {
    let one = |i: usize| {
        proptest::option::of(
            (proptest::collection::vec(proptest::sample::select(ALPHABET), 4..12), any::<bool>()).prop_map(
                move |(chars, withheld)| (format!("新{i:02}{}新", chars.into_iter().collect::<String>()), withheld),
            ),
        )
    };
    (0..FIELDS.len()).map(one).collect::<Vec<_>>()
}

/// What a person does with the rows pia could not classify: decides them (drops the marker).
fn decided(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with("to_decide:")).map(|l| format!("{l}\n")).collect()
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    common::pia_in(dir, args)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    /// Edits of withheld items recorded by `pia amend` (the path a 変更箇所 row takes from the
    /// item into the public PDF): every text withheld in either version stays out of the public
    /// PDF and out of what `diff` prints, unless the new version itself publishes it.
    #[test]
    fn withheld_edits_stay_out_of_diff_amend_and_render(old in texts(), changes in edits()) {
        let new: Vec<(String, bool)> =
            old.iter().zip(&changes).map(|(o, c)| c.clone().unwrap_or_else(|| o.clone())).collect();
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("old.yaml"), assessment_yaml(&old)).expect("write");
        std::fs::write(dir.path().join("new.yaml"), assessment_yaml(&new)).expect("write");

        let diff = run(dir.path(), &["diff", "old.yaml", "new.yaml"]);
        let amend = run(dir.path(), &["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
        prop_assert_eq!(common::code(&amend), 0, "{}{}", common::stdout(&amend), common::stderr(&amend));
        let amended = std::fs::read_to_string(dir.path().join("new.yaml")).expect("read");
        std::fs::write(dir.path().join("new.yaml"), decided(&amended)).expect("write");
        let render = run(dir.path(), &["render", "new.yaml", "-o", "public.pdf", "--today", "2025-06-02"]);
        prop_assert_eq!(common::code(&render), 0, "{}{}\n{}", common::stdout(&render), common::stderr(&render), amended);
        let pdf = std::fs::read(dir.path().join("public.pdf")).expect("pdf");
        let (public_text, public_bytes) = (pdf_text(&pdf, dir.path()), pdf_bytes(&pdf));

        let published: Vec<&str> = new.iter().filter(|(_, w)| !w).map(|(t, _)| t.as_str()).collect();
        let secrets = old.iter().chain(&new).filter(|(t, w)| *w && !published.contains(&t.as_str()));
        for (text, _) in secrets {
            let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            prop_assert!(!public_text.contains(text.as_str()), "{text} in the public text\n{amended}");
            prop_assert!(!contains(&public_bytes, text.as_bytes()) && !contains(&public_bytes, &utf16), "{text} in the public bytes");
            prop_assert!(!common::stdout(&diff).contains(text.as_str()), "{text} printed by diff");
        }
        for text in published {
            prop_assert!(public_text.contains(text), "public {text} missing from the public PDF");
        }
    }
}
