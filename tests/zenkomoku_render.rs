//! `pia render` of 様式4 全項目評価書: the sample with its (別添1) figure, in the form's order,
//! tagged, deterministic, withheld text kept out; and the figures it refuses.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const FIGURE: &str = "juki-zenkomoku-flow.svg";
const TODAY: [&str; 2] = ["--today", "2025-05-01"];

/// The sample and its figure copied into a folder of their own, the YAML edited by `edit`.
fn sample_dir(edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let examples = root().join("assessments/examples");
    let text = std::fs::read_to_string(examples.join("juki-zenkomoku.yaml")).expect("sample");
    let yaml = dir.path().join("z.yaml");
    std::fs::write(&yaml, edit(text)).expect("write");
    std::fs::copy(examples.join(FIGURE), dir.path().join(FIGURE)).expect("figure");
    (dir, yaml)
}

fn render(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args: Vec<std::ffi::OsString> = vec!["render".into(), input.into(), "-o".into(), out.into()];
    args.extend(TODAY.iter().chain(extra).map(Into::into));
    pia(args)
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg("-raw").arg(pdf).arg("-").output().expect("pdftotext is installed");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).replace('\u{3000}', " ")
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Every stream of the PDF inflated, plus the raw bytes.
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

/// A PDF string as Typst writes a non-ASCII one: `<FEFF…>` in upper-case hex UTF-16BE.
fn pdf_hex(s: &str) -> Vec<u8> {
    let hex: String = s.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}").into_bytes()
}

#[test]
fn the_sample_renders_in_the_forms_order_with_its_figure_tagged_and_identically_twice() {
    let (dir, yaml) = sample_dir(|t| t);
    let pdf = dir.path().join("z.pdf");
    let out = render(&yaml, &pdf, &[]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = pdftotext(&pdf);
    let order: Vec<usize> = [
        "[令和６年10月 様式４]",
        "特定個人情報保護評価書（全項目評価書）",
        "公表日",
        "個人情報保護委員会 承認",
        "Ⅰ 基本情報",
        "３．特定個人情報ファイル名",
        "(別添1) 事務の内容",
        "図1",
        "住民基本台帳に関する事務の流れ（見本市）",
        "Ⅱ 特定個人情報ファイルの概要",
        "ファイル1 住民基本台帳ファイル",
        "ファイル2 本人確認情報ファイル",
        "(別添2) 特定個人情報ファイル記録項目",
        "Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
        "Ⅳ その他のリスク対策",
        "Ⅴ 開示請求、問合せ",
        "Ⅵ 評価実施手続",
        "(別添3) 変更箇所",
    ]
    .iter()
    .map(|n| text.find(n).unwrap_or_else(|| panic!("{n} not in the PDF:\n{text}")))
    .collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted, "sections out of the form's order:\n{text}");
    // Ⅳ 2. is one item with its two rows: 3. is その他のリスク対策.
    assert!(text.contains("３．その他のリスク対策") && !text.contains("４．その他のリスク対策"), "{text}");

    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let bytes = std::fs::read(&pdf).expect("pdf");
    let all = all_pdf_bytes(&bytes);
    assert!(find(&all, b"pdfaid:part>2<").is_some() || find(&all, b"pdfaid:part=\"2\"").is_some(), "PDF/A-2");
    assert!(find(&all, b"pdfuaid:part>1<").is_some() || find(&all, b"pdfuaid:part=\"1\"").is_some(), "PDF/UA-1");
    // The figure is a Figure structure element whose /Alt is the sample's alt text.
    let figure = find(&all, b"/S/Figure").expect("a Figure structure element");
    let alt = pdf_hex("住民基本台帳に関する事務の流れの図。");
    let element = &all[figure..all.len().min(figure + 400)];
    assert!(find(element, b"/Alt").is_some() && find(element, &alt).is_some(), "{}", String::from_utf8_lossy(element));

    let again = dir.path().join("z2.pdf");
    assert_eq!(code(&render(&yaml, &again, &[])), 0);
    assert!(bytes == std::fs::read(&again).expect("again"), "two renders differ");
}

#[test]
fn the_public_version_withholds_and_the_full_version_shows() {
    let (dir, yaml) = sample_dir(|t| t);
    let secret = "ICカードと生体認証の二要素";
    let reason = "侵入を企てる者に悪用され";
    let public = dir.path().join("public.pdf");
    assert_eq!(code(&render(&yaml, &public, &[])), 0);
    let text: String = pdftotext(&public).chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("（非公表）"), "{text}");
    let all = all_pdf_bytes(&std::fs::read(&public).expect("pdf"));
    for needle in [secret, reason] {
        assert!(!text.contains(needle), "{needle} in the public PDF");
        assert!(find(&all, &pdf_hex(needle)[5..]).is_none(), "{needle} in the PDF's bytes");
    }
    let full = dir.path().join("full.pdf");
    assert_eq!(code(&render(&yaml, &full, &["--full"])), 0);
    let text: String = pdftotext(&full).chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains(secret) && text.contains(reason), "{text}");
}

/// `(path, bytes)` of a file to put beside the YAML, and the figure's path the YAML gives.
fn refused(figure_path: &str, beside: Option<(&str, &[u8])>, code_name: &str) {
    let (dir, yaml) = sample_dir(|t| t.replacen(&format!("path: {FIGURE}"), &format!("path: {figure_path}"), 1));
    if let Some((name, bytes)) = beside {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let line = std::fs::read_to_string(&yaml)
        .expect("yaml")
        .lines()
        .position(|l| l.trim_start().starts_with(&format!("- path: {figure_path}")))
        .expect("the figure's line")
        + 1;
    let check = pia(["check", "--format", "json", "--lang", "en", "--today", "2025-05-01"]
        .iter()
        .map(std::ffi::OsStr::new)
        .chain([yaml.as_os_str()]));
    assert_eq!(code(&check), 1, "{}", stdout(&check));
    assert!(codes_and_lines(&json(&check)).contains(&(code_name.to_owned(), line as u64)), "{}", stdout(&check));
    let pdf = dir.path().join("z.pdf");
    for extra in [&[][..], &["--draft"][..]] {
        let out = render(&yaml, &pdf, extra);
        assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
        assert!(!pdf.exists(), "{figure_path}: a PDF was written");
        assert!(
            stdout(&out).contains(code_name) && stdout(&out).contains(&format!("z.yaml:{line}:")),
            "{}",
            stdout(&out)
        );
        assert!(stdout(&out).contains("図1"), "the item is named with its block: {}", stdout(&out));
    }
}

#[test]
fn a_path_leaving_the_folder_is_refused() {
    refused("../x.png", None, "figure-path-outside");
    refused("/etc/hostname", None, "figure-path-outside");
}

#[test]
fn a_missing_file_is_refused() {
    refused("nope.png", None, "figure-missing");
}

#[test]
fn a_text_file_named_png_is_refused() {
    refused("x.png", Some(("x.png", b"not an image\n")), "figure-unsupported");
}

#[test]
fn a_file_over_the_cap_is_refused() {
    let big = vec![b' '; usize::try_from(pia::figures::MAX_FIGURE_BYTES).expect("fits") + 1];
    refused("big.svg", Some(("big.svg", &big)), "figure-too-large");
}

#[test]
fn a_blank_alt_text_is_refused_at_its_line() {
    let (dir, yaml) = sample_dir(|t| {
        let start = t.find("      alt: |-\n").expect("alt");
        let end = start + t[start..].find("\n\n").expect("end of alt");
        format!("{}      alt: \" \"{}", &t[..start], &t[end..])
    });
    let line =
        std::fs::read_to_string(&yaml).expect("yaml").lines().position(|l| l.contains("alt: \" \"")).expect("alt") + 1;
    let pdf = dir.path().join("z.pdf");
    let out = render(&yaml, &pdf, &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!pdf.exists());
    assert!(
        stdout(&out).contains("figure-alt-missing") && stdout(&out).contains(&format!("z.yaml:{line}:")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_missing_glyph_is_refused() {
    let (dir, yaml) = sample_dir(|t| t.replacen("見本市長", "見本市𪚥長", 1));
    let pdf = dir.path().join("z.pdf");
    let out = render(&yaml, &pdf, &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!pdf.exists() && stdout(&out).contains("missing-glyph"), "{}", stdout(&out));
}

/// The printed outline of the 様式4 sample's template data: sections, block headings, item
/// headings and row labels as `items.typ` receives them (values left out).
#[test]
fn zenkomoku_template_outline_snapshot() {
    fn rows(list: &serde_json::Value, depth: usize, out: &mut Vec<String>) {
        for row in list.as_array().into_iter().flatten() {
            let pad = "  ".repeat(depth);
            let kind = row["kind"].as_str().unwrap_or_default();
            match kind {
                "block" => {
                    out.push(format!("{pad}[{}]", row["heading"].as_str().unwrap_or_default()));
                    rows(&row["rows"], depth + 1, out);
                }
                "figure" => out.push(format!("{pad}figure: {} at {}", row["heading"], row["path"])),
                "boxes" => {
                    let boxes: Vec<&str> =
                        row["boxes"].as_array().into_iter().flatten().filter_map(|b| b["label"].as_str()).collect();
                    out.push(format!("{pad}{kind}: {} = {}", row["label"].as_str().unwrap_or("—"), boxes.join(" / ")));
                }
                _ => out.push(format!("{pad}{kind}: {}", row["label"].as_str().unwrap_or("—"))),
            }
        }
    }
    let (dir, yaml) = sample_dir(|t| t);
    let json_path = dir.path().join("z.json");
    let out = render(&yaml, &json_path, &["--emit", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(json_path).expect("json")).expect("valid JSON");
    let mut outline = vec![format!("{} / {}", data["meta"]["name"], data["meta"]["form_tag"])];
    outline.push(format!("cover: {}", data["labels"]["cover"]));
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

/// The 素案 put out for the public comment: Ⅵ 2.–Ⅵ 3. not yet written, rendered with `--draft`,
/// 「素案」 on every page; without `--draft` it is not rendered.
#[test]
fn a_zenkomoku_draft_renders_as_a_draft_on_every_page() {
    let (dir, draft) = zenkomoku_draft();
    let pdf = dir.path().join("draft.pdf");
    let out = render(&draft, &pdf, &["--draft"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = pdftotext(&pdf);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages.len() > 10, "{} pages", pages.len());
    assert!(pages.iter().all(|p| p.contains("素案")), "a page without 「素案」: {text}");
    let final_pdf = dir.path().join("final.pdf");
    let out = render(&draft, &final_pdf, &[]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(!final_pdf.exists());
}
