//! `pia render` and `pia fonts`: the seed's PDF, 非公表, injection, missing glyphs, determinism.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn render_to(dir: &Path, input: &Path, name: &str, extra: &[&str]) -> (std::process::Output, PathBuf) {
    let out_path = dir.join(name);
    let mut args: Vec<std::ffi::OsString> = vec!["render".into(), input.into(), "-o".into(), out_path.clone().into()];
    args.extend(extra.iter().map(Into::into));
    (pia(args), out_path)
}

/// The PDF's text in reading order; pdftotext writes the ideographic space U+3000 as a space,
/// so callers compare with [`spaced`].
fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn spaced(s: &str) -> String {
    s.replace('\u{3000}', " ")
}

/// Every stream of the PDF inflated, plus the raw bytes: where text could hide.
fn all_pdf_bytes(pdf: &[u8]) -> Vec<u8> {
    let mut all = pdf.to_vec();
    let mut rest = pdf;
    while let Some(start) = find(rest, b"stream") {
        let body = &rest[start + 6..];
        let body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
        let Some(end) = find(body, b"endstream") else { break };
        if let Ok(inflated) = miniz_oxide::inflate::decompress_to_vec_zlib(&body[..end]) {
            all.extend_from_slice(&inflated);
        }
        rest = &body[end..];
    }
    all
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn utf16be(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_be_bytes).collect()
}

#[test]
fn seed_renders_in_the_forms_order_with_labels_before_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &seed(), "seed.pdf", &[]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = pdftotext(&pdf);
    let order = [
        "[令和６年10月　様式２]",
        "特定個人情報保護評価書（基礎項目評価書）",
        "評価書番号",
        "個人のプライバシー等の権利利益の保護の宣言",
        "特記事項",
        "評価実施機関名",
        "公表日",
        "Ⅰ　関連情報",
        "１．特定個人情報ファイルを取り扱う事務",
        "①事務の名称",
        "②事務の概要",
        "③システムの名称",
        "２．特定個人情報ファイル名",
        "３．個人番号の利用",
        "４．情報提供ネットワークシステムによる情報連携",
        "５．評価実施機関における担当部署",
        "６．他の評価実施機関",
        "７．特定個人情報の開示・訂正・利用停止請求",
        "８．特定個人情報ファイルの取扱いに関する問合せ",
        "９．規則第９条第２項の適用",
        "Ⅱ　しきい値判断項目",
        "１．対象人数",
        "２．取扱者数",
        "３．重大事故",
        "Ⅲ　しきい値判断結果",
        "Ⅳ　リスク対策",
        "１．提出する特定個人情報保護評価書の種類",
        "２．特定個人情報の入手",
        "３．特定個人情報の使用",
        "４．特定個人情報ファイルの取扱いの委託",
        "５．特定個人情報の提供・移転",
        "６．情報提供ネットワークシステムとの接続",
        "７．特定個人情報の保管・消去",
        "８．人手を介在させる作業",
        "９．監査",
        "10．従業者に対する教育・啓発",
        "11．最も優先度が高いと考えられる対策",
        "変更箇所",
        "提出時期に係る説明",
    ];
    let mut at = 0;
    for label in order {
        let label = &spaced(label);
        let found = text[at..]
            .find(label.as_str())
            .unwrap_or_else(|| panic!("{label} not found after byte {at}:\n{}", &text[at..]));
        at += found + label.len();
    }
    for (label, value) in [
        ("評価実施機関名", "熊本市長"),
        ("公表日", "令和7年4月25日"),
        ("①事務の名称", "国民健康保険に関する事務"),
        ("②所属長の役職名", "国保年金課長"),
        ("評価対象の事務の対象人数は何人か", "［ 10万人以上30万人未満 ］"),
        ("いつ時点の計数か", "令和6年4月1日 時点"),
        ("しきい値判断結果", "基礎項目評価及び重点項目評価の実施が義務付けられる"),
    ] {
        // The value follows its label closely (a long label may wrap onto two lines).
        let (label, value) = (spaced(label), spaced(value));
        let flat = text.replace('\n', "");
        let found = flat.match_indices(&label).any(|(i, _)| {
            let after = &flat[i + label.len()..];
            after.char_indices().take_while(|(j, _)| *j < 40).any(|(j, _)| after[j..].starts_with(&value))
        });
        assert!(found, "{label} is not followed by {value}");
    }
    assert!(text.contains(&spaced("［ ○ ］自己点検")), "checked box");
    assert!(text.contains("＜選択肢＞"));
    let bytes = std::fs::read(&pdf).expect("pdf");
    assert!(find(&bytes, b"/Lang(ja-JP)").is_some(), "document language");
    let all = all_pdf_bytes(&bytes);
    assert!(find(&all, b"pdfaid:part>2<").is_some() || find(&all, b"pdfaid:part=\"2\"").is_some(), "PDF/A-2 in XMP");
    assert!(find(&all, b"pdfuaid:part>1<").is_some() || find(&all, b"pdfuaid:part=\"1\"").is_some(), "PDF/UA-1 in XMP");
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Title:           国民健康保険に関する事務　基礎項目評価書"), "{info}");
    assert!(info.contains("Author:          熊本市長"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"), "{info}");
}

#[test]
fn two_renders_are_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, pa) = render_to(dir.path(), &seed(), "a.pdf", &[]);
    let (b, pb) = render_to(dir.path(), &seed(), "b.pdf", &[]);
    assert_eq!((code(&a), code(&b)), (0, 0));
    assert!(std::fs::read(pa).expect("a") == std::fs::read(pb).expect("b"), "renders differ");
}

#[test]
fn public_version_never_contains_withheld_text_and_full_version_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = fixture("render/withheld.yaml");
    let secret = "秘匿システム名ＸＹＺ九八七";
    let (out, public) = render_to(dir.path(), &input, "public.pdf", &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = pdftotext(&public);
    assert!(!text.contains(secret) && !text.contains("ＸＹＺ"), "withheld text in the public PDF");
    assert!(text.contains("（非公表）"));
    assert!(!text.contains("委員会提出用"));
    let all = all_pdf_bytes(&std::fs::read(&public).expect("pdf"));
    for needle in [secret.as_bytes().to_vec(), utf16be(secret), "ＸＹＺ".as_bytes().to_vec(), utf16be("ＸＹＺ")] {
        assert!(find(&all, &needle).is_none(), "withheld text in the public PDF bytes");
    }

    let (out, full) = render_to(dir.path(), &input, "full.pdf", &["--full"]);
    assert_eq!(code(&out), 0);
    let text = pdftotext(&full);
    assert!(text.contains(secret));
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert_eq!(text.matches("委員会提出用（非公表部分を含む）").count(), pages, "the mark on every page");
}

#[test]
fn markup_in_text_prints_literally() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &fixture("render/injection.yaml"), "x.pdf", &[]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    // Narrow cells wrap long tokens, so compare with all white space removed.
    let text: String = pdftotext(&pdf).chars().filter(|c| !c.is_whitespace()).collect();
    let fields =
        std::fs::read_to_string(fixture("render/injection.yaml")).expect("fixture").matches("= 見出し").count();
    for token in ["#text(fill:red)[改ざん]", "$x^2$", "*太字*", "_斜体_", "@ref", "<lab>", "//コメント", "=見出し"]
    {
        assert!(
            text.matches(token).count() >= fields,
            "{token} printed {} times, {fields} fields",
            text.matches(token).count()
        );
    }
    assert!(text.contains("○○市長#setpage(fill:red)"));
}

#[test]
fn a_character_no_font_has_is_refused_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &fixture("render/missing-glyph.yaml"), "x.pdf", &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!pdf.exists(), "no PDF after a failed render");
    let text = stdout(&out);
    let src = std::fs::read_to_string(fixture("render/missing-glyph.yaml")).expect("fixture");
    for (ch, code_point) in [('𪚥', "U+2A6A5"), ('\u{E000}', "U+E000")] {
        let line = src.lines().position(|l| l.contains(ch)).expect("line") + 1;
        assert!(text.contains(code_point), "{text}");
        assert!(text.contains(&format!("missing-glyph.yaml:{line}:")), "line {line}: {text}");
    }
}

#[test]
fn template_data_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, json_path) = render_to(dir.path(), &seed(), "seed.json", &["--emit", "json"]);
    assert_eq!(code(&out), 0);
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_path).expect("json")).expect("valid JSON");
    // Which fonts are installed differs between machines.
    data.as_object_mut().map(|m| m.remove("fonts"));
    insta::assert_json_snapshot!(data);
}

#[test]
fn several_files_go_to_a_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = pia([
        "render".as_ref(),
        seed().as_os_str(),
        fixture("minimal.yaml").as_os_str(),
        "-o".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(dir.path().join("kumamoto-kokuho-kiso.pdf").exists());
    assert!(dir.path().join("minimal.pdf").exists());
}

#[test]
fn never_overwrites_the_input() {
    let (dir, copy) = edited_copy(&seed(), "x.yaml", |t| t);
    let before = std::fs::read(&copy).expect("read");
    let out = pia_in(dir.path(), ["render", "x.yaml", "-o", "x.yaml"]);
    assert_eq!(code(&out), 2);
    assert_eq!(std::fs::read(&copy).expect("read"), before);
}

#[test]
fn an_invalid_file_is_not_rendered() {
    let (dir, copy) = edited_copy(&seed(), "x.yaml", |t| t.replacen("acquisition: 十分である", "acquisition: 十分", 1));
    let out = pia_in(dir.path(), ["render", "x.yaml"]);
    assert_eq!(code(&out), 1);
    assert!(!copy.with_extension("pdf").exists());
    assert!(std::fs::read_dir(dir.path()).expect("dir").count() == 1, "no stray files");
}

#[test]
fn pdf_standard_option() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &seed(), "x.pdf", &["--pdf-standard", "a-2b"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(pdf.exists());
    let (bad, _) = render_to(dir.path(), &seed(), "y.pdf", &["--pdf-standard", "a-9z"]);
    assert_eq!(code(&bad), 2);
}

#[test]
fn no_japanese_font_cannot_run_and_says_how_to_install() {
    let out = pia(["fonts", "--ignore-system-fonts", "--lang", "ja"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("fonts-morisawa-bizud-mincho"), "{}", stderr(&out));
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, _) = render_to(dir.path(), &seed(), "x.pdf", &["--ignore-system-fonts"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn fonts_lists_what_is_used() {
    let out = pia(["fonts", "--lang", "ja"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("✓ 使用"), "{}", stdout(&out));
}

/// The files in a directory.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The rule errors `pia check` finds refuse the render: exit 1, the findings as `pia check`
/// prints them, nothing written (neither the PDF nor `--emit json`).
#[test]
fn a_file_with_rule_errors_is_not_rendered() {
    for rule in
        ["threshold-result-mismatch", "submitted-below-required", "history-after-publication", "count-band-mismatch"]
    {
        let input = fixture(&format!("rules/{rule}/fail.yaml"));
        let dir = tempfile::tempdir().expect("tempdir");
        for emit in ["pdf", "json"] {
            let (out, path) = render_to(dir.path(), &input, "x.out", &["--today", "2025-05-01", "--emit", emit]);
            assert_eq!(code(&out), 1, "{rule}: {}{}", stdout(&out), stderr(&out));
            assert!(!path.exists(), "{rule}: written");
            assert!(
                stdout(&out).contains(&format!("[{rule}]")) || stdout(&out).contains(rule),
                "{rule}: {}",
                stdout(&out)
            );
            assert!(stderr(&out).contains("--draft"), "{rule}: {}", stderr(&out));
        }
        assert!(files_in(dir.path()).is_empty(), "{rule}: stray files {:?}", files_in(dir.path()));
        // As `pia check` prints them.
        let check = pia(["check".as_ref(), input.as_os_str(), "--today".as_ref(), "2025-05-01".as_ref()]);
        let (out, _) = render_to(dir.path(), &input, "x.pdf", &["--today", "2025-05-01"]);
        assert_eq!(stdout(&out), stdout(&check), "{rule}");
    }
}

#[test]
fn warnings_do_not_block_a_render_and_are_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) =
        render_to(dir.path(), &fixture("rules/title-affair-mismatch/fail.yaml"), "x.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(pdf.exists());
    assert!(stdout(&out).contains("title-affair-mismatch"), "{}", stdout(&out));
}

#[test]
fn today_decides_the_rules_about_elapsed_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (early, _) = render_to(dir.path(), &seed(), "a.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&early), 0, "{}", stderr(&early));
    assert!(!stdout(&early).contains("annual-review-due"), "{}", stdout(&early));
    let (late, _) = render_to(dir.path(), &seed(), "b.pdf", &["--today", "2026-05-01"]);
    assert_eq!(code(&late), 0, "{}", stderr(&late));
    assert!(stdout(&late).contains("annual-review-due"), "{}", stdout(&late));
    let (bad, _) = render_to(dir.path(), &seed(), "c.pdf", &["--today", "2025-02-30"]);
    assert_eq!(code(&bad), 2);
}

#[test]
fn a_draft_is_rendered_despite_rule_errors_and_marked_on_every_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = fixture("rules/threshold-result-mismatch/fail.yaml");
    let (out, pdf) = render_to(dir.path(), &input, "draft.pdf", &["--today", "2025-05-01", "--draft"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("threshold-result-mismatch"), "the findings are shown: {}", stdout(&out));
    let text = pdftotext(&pdf);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("素案"), "page {} has no 素案 mark:\n{page}", i + 1);
    }
    let title = std::fs::read_to_string(&input)
        .expect("fixture")
        .lines()
        .find_map(|l| l.strip_prefix("  title: ").map(str::to_owned))
        .expect("title");
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let printed: String = format!("{title}（素案）").chars().filter(|c| !c.is_whitespace()).collect();
    assert!(flat.contains(&printed), "the cover's 評価書名 with （素案）");
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains(&format!("Title:           {title}（素案）")), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");

    // A final render of a file without errors has no mark; its draft has.
    // A draft of the public version still prints 「（非公表）」 in place of withheld text.
    let (out, public_draft) = render_to(dir.path(), &fixture("render/withheld.yaml"), "w.pdf", &["--draft"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = pdftotext(&public_draft);
    assert!(text.contains("（非公表）") && !text.contains("ＸＹＺ") && !text.contains("セキュリティ上"), "{text}");

    let (out, final_pdf) = render_to(dir.path(), &seed(), "final.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 0);
    assert!(!pdftotext(&final_pdf).contains("素案"));
    let (out, draft) =
        render_to(dir.path(), &seed(), "seed-draft.pdf", &["--today", "2025-05-01", "--draft", "--full"]);
    assert_eq!(code(&out), 0);
    let text = pdftotext(&draft);
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        assert!(page.contains("素案") && page.contains("委員会提出用（非公表部分を含む）"), "{page}");
    }
}

#[test]
fn a_draft_never_overrides_the_leak_guard_or_a_missing_glyph() {
    let (dir, _) = edited_copy(&seed(), "leak.yaml", |t| {
        t.replacen("disclosure_contact: ", "disclosure_contact: 番号 123456789018 ", 1)
    });
    let out = pia_in(dir.path(), ["render", "leak.yaml", "--draft", "--today", "2025-05-01"]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("individual-number-in-text"), "{}", stdout(&out));
    assert_eq!(files_in(dir.path()), ["leak.yaml"]);

    let (out, pdf) = render_to(dir.path(), &fixture("render/missing-glyph.yaml"), "x.pdf", &["--draft"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!pdf.exists());
}

/// `a/kiso.yaml b/kiso.yaml -o DIR` would write DIR/kiso.pdf twice: refused before anything is
/// written, naming both inputs.
#[test]
fn two_inputs_with_one_name_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
        std::fs::copy(seed(), dir.path().join(sub).join("kiso.yaml")).expect("copy");
    }
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = pia_in(dir.path(), ["render", "a/kiso.yaml", "b/kiso.yaml", "-o", "out"]);
    assert_eq!(code(&out), 2, "{}{}", stdout(&out), stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("a/kiso.yaml") && err.contains("b/kiso.yaml"), "{err}");
    assert!(files_in(&dir.path().join("out")).is_empty());
    // Without -o, both would go to ./kiso.pdf.
    let out = pia_in(dir.path(), ["render", "a/kiso.yaml", "b/kiso.yaml"]);
    assert_eq!(code(&out), 2);
    assert_eq!(files_in(dir.path()), ["a", "b", "out"]);
}

/// The full version marks each withheld part with 【非公表】 and its reason; the public version
/// prints 「（非公表）」 only, never the reason.
#[test]
fn the_full_version_marks_each_withheld_part_with_its_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = fixture("render/withheld.yaml");
    let reason = "システム構成の公表はセキュリティ上のリスクとなるため（規則第13条）";
    let flat = |pdf: &Path| -> String { pdftotext(pdf).chars().filter(|c| !c.is_whitespace()).collect() };
    let (out, full) = render_to(dir.path(), &input, "full.pdf", &["--full"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = flat(&full);
    let marked = format!("【非公表】理由：{reason}秘匿システム名ＸＹＺ九八七");
    assert!(text.contains(&marked), "{text}");
    assert_eq!(text.matches("【非公表】").count(), 1, "one withheld part, one mark");

    let (out, public) = render_to(dir.path(), &input, "public.pdf", &[]);
    assert_eq!(code(&out), 0);
    let text = flat(&public);
    assert!(text.contains("③システムの名称（非公表）"), "{text}");
    assert!(!text.contains("【非公表】") && !text.contains("セキュリティ上のリスク"), "{text}");
    let all = all_pdf_bytes(&std::fs::read(&public).expect("pdf"));
    for needle in ["セキュリティ上のリスク", "【非公表】"] {
        assert!(find(&all, needle.as_bytes()).is_none() && find(&all, &utf16be(needle)).is_none(), "{needle}");
    }
}

/// `pia check` warns (font-lacks-glyph) and `pia render` refuses (missing-glyph) at the
/// character's own line and column, also on the third line of a block scalar.
#[test]
fn a_missing_glyph_is_reported_at_its_own_line_and_column() {
    let input = fixture("render/glyph-block.yaml");
    let src = std::fs::read_to_string(&input).expect("fixture");
    let (line, column) = src
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.chars().position(|c| c == '𪚥').map(|k| (i + 1, k + 1)))
        .expect("the character");
    let check = pia([
        "check".as_ref(),
        input.as_os_str(),
        "--today".as_ref(),
        "2025-05-01".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(code(&check), 0, "a warning: {}", stdout(&check));
    let report = json(&check);
    let found: Vec<_> = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "font-lacks-glyph")
        .map(|d| (d["severity"].clone(), d["line"].as_u64(), d["column"].as_u64(), d["path"].clone()))
        .collect();
    assert_eq!(
        found,
        [("warning".into(), Some(line as u64), Some(column as u64), "related_info.affair.summary".into())],
        "{report}"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &input, "x.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!pdf.exists());
    let text = stdout(&out);
    assert!(text.contains("missing-glyph") && text.contains("U+2A6A5"), "{text}");
    assert!(text.contains(&format!("glyph-block.yaml:{line}:{column}")), "{line}:{column}: {text}");
}

/// The public version is refused only for characters it prints: one in a withheld text is the
/// full version's problem.
#[test]
fn a_missing_glyph_in_withheld_text_refuses_only_the_full_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = fixture("render/withheld-glyph.yaml");
    let (out, public) = render_to(dir.path(), &input, "public.pdf", &[]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(public.exists());
    let (out, full) = render_to(dir.path(), &input, "full.pdf", &["--full"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!full.exists());
    let line =
        std::fs::read_to_string(&input).expect("fixture").lines().position(|l| l.contains('𪚥')).expect("line") + 1;
    assert!(stdout(&out).contains(&format!("withheld-glyph.yaml:{line}:")), "{}", stdout(&out));
}

/// A tab pasted from a spreadsheet cell prints as a space (Typst would drop it).
#[test]
fn a_tab_prints_as_a_space() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &fixture("render/tab.yaml"), "x.pdf", &[]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(pdftotext(&pdf).contains("住民基本台帳法に基づき 住民の居住関係を公証する。"), "{}", pdftotext(&pdf));
    let (_, json_path) = render_to(dir.path(), &fixture("render/tab.yaml"), "x.json", &["--emit", "json"]);
    let data = std::fs::read_to_string(json_path).expect("json");
    assert!(data.contains("住民基本台帳法に基づき 住民の居住関係を公証する。") && !data.contains("\\t"), "{data}");
}

/// `pia list` and `pia report` check each file as `pia check` does (one pipeline): the same
/// findings, the font warning among them.
#[test]
fn list_and_report_count_what_check_finds() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("render/glyph-block.yaml"), dir.path().join("a.yaml")).expect("copy");
    let check = pia_in(dir.path(), ["check", "a.yaml", "--today", "2025-05-01", "--format", "json"]);
    let summary = json(&check)["summary"].clone();
    assert_eq!(summary["warnings"], 1, "{summary}");
    let list = pia_in(dir.path(), ["list", ".", "--today", "2025-05-01", "--format", "json"]);
    let row = json(&list)["assessments"][0].clone();
    assert_eq!(
        (row["errors"].clone(), row["warnings"].clone()),
        (summary["errors"].clone(), summary["warnings"].clone())
    );
    assert_eq!(row["note"], "font-lacks-glyph");
    let report = pia_in(dir.path(), ["report", "a.yaml", "-o", "r.md", "--format", "md", "--today", "2025-05-01"]);
    assert_eq!(code(&report), 0, "{}", stderr(&report));
    assert!(std::fs::read_to_string(dir.path().join("r.md")).expect("report").contains("font-lacks-glyph"));
}

// ---------------------------------------------------------------- 様式3 重点項目評価書

fn juten() -> PathBuf {
    root().join("assessments/examples/kokuho-juten.yaml")
}

/// Where each needle first appears in `text`, failing on one that is missing.
fn positions(text: &str, needles: &[&str]) -> Vec<usize> {
    needles.iter().map(|n| text.find(&spaced(n)).unwrap_or_else(|| panic!("{n} is not printed:\n{text}"))).collect()
}

#[test]
fn juten_renders_its_sections_in_the_forms_order_with_every_block_numbered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, pdf) = render_to(dir.path(), &juten(), "j.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = pdftotext(&pdf);
    let order = positions(
        &text,
        &[
            "[令和６年10月　様式３]",
            "特定個人情報保護評価書（重点項目評価書）",
            "評価書番号",
            "Ⅰ　基本情報",
            "１．特定個人情報ファイルを取り扱う事務",
            "システム1",
            "システム2",
            "３．特定個人情報ファイル名",
            "Ⅱ　特定個人情報ファイルの概要",
            "ファイル1　国民健康保険被保険者ファイル",
            "委託事項1",
            "委託事項2",
            "提供先1",
            "移転先1",
            "ファイル2　国民健康保険賦課収納ファイル",
            "(別添1)　特定個人情報ファイル記録項目",
            "Ⅲ　リスク対策",
            "Ⅳ　開示請求、問合せ",
            "Ⅴ　評価実施手続",
            "(別添2) 変更箇所",
        ],
    );
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted, "sections out of the form's order:\n{text}");
    // The labels come from the schema, with ※ where the form marks an item, and the counts of
    // 「（ ）件」 from the lists.
    for printed in ["③委託先名", "④再委託の有無 ※", "提供を行っている（1）件", "［ ○ ］自己点検", "＜選択肢＞"]
    {
        assert!(text.contains(&spaced(printed)), "{printed}:\n{text}");
    }
    // Ⅲ 8. 人手を介在させる作業 is present, so 監査 is 9.
    assert!(text.contains(&spaced("９．監査")), "{text}");
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Title:           国民健康保険に関する事務　重点項目評価書"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"), "{info}");
    let all = all_pdf_bytes(&std::fs::read(&pdf).expect("pdf"));
    assert!(find(&all, b"pdfaid:part>2<").is_some() || find(&all, b"pdfaid:part=\"2\"").is_some(), "PDF/A-2 in XMP");
    assert!(find(&all, b"pdfuaid:part>1<").is_some() || find(&all, b"pdfuaid:part=\"1\"").is_some(), "PDF/UA-1 in XMP");

    let (again, pdf2) = render_to(dir.path(), &juten(), "j2.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&again), 0);
    assert!(std::fs::read(&pdf).expect("a") == std::fs::read(pdf2).expect("b"), "two renders differ");
}

#[test]
fn juten_public_version_withholds_and_full_version_shows_with_its_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let secret = "生体認証による入退室管理";
    let reason = "侵入を企てる者に悪用され";
    let (out, public) = render_to(dir.path(), &juten(), "public.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = pdftotext(&public);
    assert!(text.contains("（非公表）"), "{text}");
    let all = all_pdf_bytes(&std::fs::read(&public).expect("pdf"));
    for needle in [secret, reason] {
        assert!(!text.contains(needle), "{needle} in the public PDF");
        assert!(find(&all, needle.as_bytes()).is_none() && find(&all, &utf16be(needle)).is_none(), "{needle} in bytes");
    }
    let (out, full) = render_to(dir.path(), &juten(), "full.pdf", &["--today", "2025-05-01", "--full"]);
    assert_eq!(code(&out), 0);
    let text: String = pdftotext(&full).chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains(secret) && text.contains("【非公表】理由：") && text.contains(reason), "{text}");
}

#[test]
fn a_batch_of_kiso_and_juten_renders_each_with_its_own_template() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("out");
    let kiso = root().join("assessments/examples/kokuho-kiso.yaml");
    let out = pia([
        "render".as_ref(),
        juten().as_os_str(),
        kiso.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        "--today".as_ref(),
        "2025-05-01".as_ref(),
    ]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let juten_text = pdftotext(&out_dir.join("kokuho-juten.pdf"));
    let kiso_text = pdftotext(&out_dir.join("kokuho-kiso.pdf"));
    assert!(juten_text.contains("重点項目評価書") && juten_text.contains(&spaced("Ⅴ　評価実施手続")));
    assert!(!juten_text.contains(&spaced("Ⅲ　しきい値判断結果")));
    assert!(kiso_text.contains("基礎項目評価書") && kiso_text.contains(&spaced("Ⅲ　しきい値判断結果")));
    assert!(!kiso_text.contains(&spaced("Ⅴ　評価実施手続")));
}

#[test]
fn a_juten_with_errors_is_not_rendered_and_a_missing_glyph_is_refused_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Ⅲ4 「委託しない」 unticked although Ⅱ4 says 委託しない: a rule error.
    let (edit_dir, bad) =
        edited_copy(&juten(), "bad.yaml", |t| t.replacen("not_outsourced: true", "not_outsourced: false", 1));
    let (out, pdf) = render_to(edit_dir.path(), &bad, "bad.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(!pdf.exists());
    let (edit_dir, tofu) =
        edited_copy(&juten(), "tofu.yaml", |t| t.replacen("見本情報システム株式会社", "見本情報システム𪚥株式会社", 1));
    let (out, pdf) = render_to(dir.path(), &tofu, "tofu.pdf", &["--today", "2025-05-01"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!pdf.exists());
    let line = std::fs::read_to_string(&tofu).expect("copy").lines().position(|l| l.contains('𪚥')).expect("line") + 1;
    assert!(stdout(&out).contains(&format!("tofu.yaml:{line}:")), "{}", stdout(&out));
    assert!(stdout(&out).contains("委託事項1"), "the item is named with its block: {}", stdout(&out));
    drop(edit_dir);
}

/// The printed outline of a 様式3's template data: sections, block headings, item headings and
/// row labels, as `items.typ` receives them (values left out: the samples change, the form not).
#[test]
fn juten_template_outline_snapshot() {
    fn rows(list: &serde_json::Value, depth: usize, out: &mut Vec<String>) {
        for row in list.as_array().into_iter().flatten() {
            let pad = "  ".repeat(depth);
            let kind = row["kind"].as_str().unwrap_or_default();
            match kind {
                "block" => {
                    out.push(format!("{pad}[{}]", row["heading"].as_str().unwrap_or_default()));
                    rows(&row["rows"], depth + 1, out);
                }
                "boxes" => {
                    let boxes: Vec<&str> =
                        row["boxes"].as_array().into_iter().flatten().filter_map(|b| b["label"].as_str()).collect();
                    out.push(format!("{pad}{kind}: {} = {}", row["label"].as_str().unwrap_or("—"), boxes.join(" / ")));
                }
                _ => out.push(format!("{pad}{kind}: {}", row["label"].as_str().unwrap_or("—"))),
            }
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (out, json_path) = render_to(dir.path(), &juten(), "j.json", &["--emit", "json", "--today", "2025-05-01"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_path).expect("json")).expect("valid JSON");
    let mut outline = vec![format!("{} / {}", data["meta"]["name"], data["meta"]["form_tag"])];
    for section in data["sections"].as_array().into_iter().flatten() {
        outline.push(format!("# {}", section["title"].as_str().unwrap_or_default()));
        for group in section["groups"].as_array().into_iter().flatten() {
            if let Some(h) = group["heading"].as_str() {
                outline.push(format!("## {h}"));
            }
            for item in group["items"].as_array().into_iter().flatten() {
                let boxes: Vec<&str> =
                    item["boxes"].as_array().into_iter().flatten().filter_map(|b| b["label"].as_str()).collect();
                outline.push(format!("{} {}", item["heading"].as_str().unwrap_or_default(), boxes.join(" / ")));
                rows(&item["rows"], 1, &mut outline);
            }
        }
    }
    outline.push(format!("# {} {}", data["labels"]["history_title"], data["labels"]["history"]));
    insta::assert_snapshot!(outline.join("\n"));
}
