//! `pia report`: the HTML report, checked as a browser renders it (headless Chromium), and the
//! Markdown report.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const TODAY: &str = "2025-05-01";

/// Headless Chromium (Debian package `chromium`); the test fails, not skips, without it.
fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser"] {
        let found = Command::new(name).arg("--version").output().is_ok_and(|o| o.status.success());
        if found {
            return PathBuf::from(name);
        }
    }
    panic!(
        "chromium is not installed: the report tests render the HTML in headless Chromium. Install it with `apt-get install -y chromium` (CI installs it)."
    );
}

/// Runs headless Chromium on a local file with a fresh profile and no network services.
fn chromium_run(html: &Path, args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!("file://{}", html.canonicalize().expect("report path").display());
    Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("run chromium")
}

/// The DOM after the page is rendered, as Chromium serialises it.
fn rendered_dom(html: &Path) -> String {
    let out = chromium_run(html, &["--dump-dom"]);
    assert!(out.status.success(), "chromium failed: {}", stderr(&out));
    stdout(&out)
}

/// The visible text of a serialised DOM: tags dropped, entities decoded, white space collapsed.
fn text_of(dom: &str) -> String {
    let without_style = match (dom.find("<style"), dom.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &dom[..a], &dom[b + "</style>".len()..]),
        _ => dom.to_owned(),
    };
    let mut text = String::new();
    let mut in_tag = false;
    for c in without_style.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    // ASCII white space only: the ideographic space (　) is part of the text.
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn report(inputs: &[&Path], out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args: Vec<std::ffi::OsString> = vec!["report".into()];
    args.extend(inputs.iter().map(|p| p.as_os_str().to_owned()));
    args.extend(["-o".into(), out.into(), "--today".into(), TODAY.into()]);
    args.extend(extra.iter().map(Into::into));
    pia(args)
}

#[test]
fn the_seed_report_renders_the_judgement_and_every_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("report.html");
    let out = report(&[Path::new("assessments/kumamoto-kokuho-kiso.yaml")], &html, &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let source = std::fs::read_to_string(&html).expect("report");
    assert!(!source.contains("<script"), "no scripts");
    assert!(!source.contains("<link") && !source.contains("src="), "no external assets");
    assert!(source.contains("@media print") && source.contains("break-before: page"), "print CSS");

    let dom = rendered_dom(&html);
    let text = text_of(&dom);
    for expected in [
        "特定個人情報保護評価書 レビュー報告",
        "国民健康保険に関する事務　基礎項目評価書（評価書番号 12）",
        "しきい値判断",
        // The judgement, with its reasons step by step.
        "判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる",
        "Ⅱ1 対象人数: 10万人以上30万人未満",
        "Ⅱ2 取扱者数: 500人未満",
        "Ⅱ3 重大事故: 発生なし",
        "対象人数10万人以上30万人未満の行",
        "特定個人情報保護評価指針 第5の2",
        "一致",
        // Due dates and the change history.
        "令和8年4月25日",
        "—（未記録）",
        "変更箇所",
        "集計時点の変更のため、重要な変更に該当しない。",
        "新様式への変更",
    ] {
        assert!(text.contains(expected), "the rendered page lacks 「{expected}」:\n{text}");
    }
    for rule in pia::rules::RULES {
        assert!(text.contains(rule.code.name), "rule {} is not listed", rule.code.name);
        assert!(text.contains(rule.code.summary_ja), "rule {} has no summary", rule.code.name);
    }
    let only = |kind| pia::rules::RULES.iter().filter(|r| r.only_form() == Some(kind)).count();
    let (juten_only, zenkomoku_only) = (only(pia::model::FormKind::Juten), only(pia::model::FormKind::Zenkomoku));
    assert!(juten_only > 0 && zenkomoku_only > 0);
    assert_eq!(
        text.matches(" OK ").count() + 1 + juten_only + zenkomoku_only,
        pia::rules::RULES.len(),
        "every rule but threshold-rise and those of 様式3 and 様式4 is OK:\n{text}"
    );
    assert_eq!(text.matches("未適用（様式3の規則）").count(), juten_only, "{text}");
    assert_eq!(text.matches("未適用（様式4の規則）").count(), zenkomoku_only, "{text}");
    assert!(text.contains("対象外（前の版と比べるルール）"));
    // The YAML line of Ⅲ as evidence.
    let seed_text = std::fs::read_to_string(seed()).expect("seed");
    let line = seed_text.lines().position(|l| l.starts_with("threshold_result:")).expect("Ⅲ in the seed") + 1;
    assert!(dom.contains(&format!("<td class=\"num\">{line}</td>")), "the line of threshold_result ({line})");

    // A screenshot, for people to look at (kept when PIA_REPORT_SCREENSHOT names a path).
    let png = std::env::var_os("PIA_REPORT_SCREENSHOT").map_or_else(|| dir.path().join("report.png"), PathBuf::from);
    let shot = chromium_run(&html, &[&format!("--screenshot={}", png.display()), "--window-size=1200,2000"]);
    assert!(shot.status.success(), "{}", stderr(&shot));
    let bytes = std::fs::read(&png).expect("screenshot");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000, "a real screenshot");
}

#[test]
fn findings_show_their_yaml_line_and_user_text_stays_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("report.html");
    let out =
        report(&[&fixture("report/injection.yaml"), &fixture("rules/history-missing-reason/fail.yaml")], &html, &[]);
    assert_eq!(code(&out), 1, "two files with number 1 of ○○市長 are duplicates");
    let dom = rendered_dom(&html);
    // Nothing from the file became markup.
    assert!(!dom.contains("<script>document"), "{dom}");
    assert!(!dom.contains("<img src=\"x\""), "{dom}");
    assert!(!dom.contains("id=\"injected\""), "{dom}");
    assert!(!dom.contains("<b>市民課</b>"), "{dom}");
    let text = text_of(&dom);
    assert!(!dom.contains("<title>pwned</title>"), "no script ran");
    assert!(text.contains("<script>document.title='pwned'</script>"), "shown as text:\n{text}");
    assert!(text.contains("</td></tr></table><h1 id=injected>injected</h1>"), "shown as text:\n{text}");
    assert!(text.contains("○○市 <b>市民課</b> &amp; &lt;"), "shown as text:\n{text}");
    // The summary table for several files, and the finding with its line and the line's text.
    assert!(text.contains("一覧"));
    assert!(text.contains("64行目"), "{text}");
    assert!(text.contains("- date: 2025-04-01"), "{text}");
    assert!(text.contains("duplicate-assessment-number"), "{text}");
}

#[test]
fn a_folder_with_a_broken_file_still_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("list.html");
    let out = report(&[&fixture("list")], &html, &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = text_of(&rendered_dom(&html));
    for expected in ["broken.yaml", "読み込みの指摘", "yaml-syntax", "見直し時期", "要確認", "要修正", "正常"]
    {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}

#[test]
fn markdown_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("report.md");
    let seeds = seed_dir();
    let out = report(&[seeds.path()], &md, &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(&md).expect("report");
    assert!(text.starts_with("# 特定個人情報保護評価書 レビュー報告\n"));
    assert!(text.contains("**判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる**"));
    assert!(text.contains("| OK | `form-revision-outdated`"), "{text}");
    for rule in pia::rules::RULES {
        assert!(text.contains(&format!("`{}`", rule.code.name)), "{}", rule.code.name);
    }
    // Every table row has the same number of cells as its header.
    for block in text.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |l: &str| l.replace("\\|", "").matches('|').count();
        let mut lines = block.lines();
        let head = lines.next().map(cells).unwrap_or(0);
        for l in lines {
            assert_eq!(cells(l), head, "{l}");
        }
    }
}

#[test]
fn english_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("report.html");
    let out = report(&[Path::new("assessments/kumamoto-kokuho-kiso.yaml")], &html, &["--lang", "en"]);
    assert_eq!(code(&out), 0);
    let source = std::fs::read_to_string(&html).expect("report");
    assert!(source.contains("<html lang=\"en\">"));
    assert!(source.contains("Threshold judgement"));
    assert!(
        source.contains("Result (特定個人情報保護評価指針 第5の2): 基礎項目評価及び重点項目評価の実施が義務付けられる")
    );
}

#[test]
fn refuses_to_overwrite_an_input_or_read_what_is_not_there() {
    let (dir, copy) = edited_copy(&seed(), "x.yaml", |t| t);
    let out = report(&[&copy], &copy, &[]);
    assert_eq!(code(&out), 2);
    assert_eq!(std::fs::read_to_string(&copy).expect("read"), std::fs::read_to_string(seed()).expect("seed"));
    let out = report(&[&dir.path().join("missing.yaml")], &dir.path().join("r.html"), &[]);
    assert_eq!(code(&out), 2);
    assert!(!dir.path().join("r.html").exists());
    let empty = tempfile::tempdir().expect("tempdir");
    assert_eq!(code(&report(&[empty.path()], &dir.path().join("r.html"), &[])), 2);
}
