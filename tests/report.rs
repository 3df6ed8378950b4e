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

const KISO: &str = "assessments/examples/kokuho-kiso.yaml";
const JUTEN: &str = "assessments/examples/kokuho-juten.yaml";

/// The Markdown report of `inputs`, in `lang`.
fn md_report(inputs: &[&Path], lang: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("report.md");
    let out = report(inputs, &md, &["--format", "md", "--lang", lang]);
    assert!(code(&out) < 2, "{}", stderr(&out));
    std::fs::read_to_string(&md).expect("report")
}

/// The pair sections of a Markdown report: from each pair heading to the next section.
fn pair_sections(md: &str, heading: &str) -> Vec<String> {
    md.split("\n## ")
        .filter(|s| s.starts_with(heading))
        .map(|s| s.split("\n---").next().unwrap_or_default().trim_end().to_owned())
        .collect()
}

/// The table row of `item` in a Markdown pair section.
fn pair_row<'a>(section: &'a str, item: &str) -> &'a str {
    section.lines().find(|l| l.starts_with(&format!("| {item}"))).unwrap_or_else(|| panic!("no row {item}:\n{section}"))
}

#[test]
fn a_pair_is_shown_side_by_side() {
    let (kiso, juten) = (Path::new(KISO), Path::new(JUTEN));
    let ja = md_report(&[kiso, juten], "ja");
    let sections = pair_sections(&ja, "組の照合");
    assert_eq!(sections.len(), 1, "{ja}");
    insta::assert_snapshot!("pair_table_ja", sections[0]);
    let en = md_report(&[juten, kiso], "en");
    let sections = pair_sections(&en, "Pair");
    assert_eq!(sections.len(), 1, "{en}");
    insta::assert_snapshot!("pair_table_en", sections[0]);
    // A folder holding the pair reports it the same way, and the pair table comes before the
    // assessments.
    let dir = tempfile::tempdir().expect("tempdir");
    for f in [KISO, JUTEN] {
        std::fs::copy(f, dir.path().join(Path::new(f).file_name().expect("name"))).expect("copy");
    }
    let folder = md_report(&[dir.path()], "ja");
    let pair_at = folder.find("## 組の照合").expect("pair table");
    assert!(pair_at < folder.find("\n---\n").expect("assessments"), "{folder}");

    // HTML, as a browser shows it: one table, a column per form, each linked to its section.
    let html = dir.path().join("report.html");
    let out = report(&[kiso, juten], &html, &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let dom = rendered_dom(&html);
    assert_eq!(dom.matches("<table class=\"pair-table\">").count(), 1, "{dom}");
    assert_eq!(dom.matches("<tr class=\"pair-ok\">").count(), 5, "{dom}");
    assert_eq!(dom.matches("<tr class=\"pair-key\">").count(), 2, "{dom}");
    let text = text_of(&dom);
    for expected in [
        "組の照合: 見本市長 評価書番号 5（基礎項目評価書・重点項目評価書）",
        "様式2 基礎項目評価書 assessments/examples/kokuho-kiso.yaml 様式3 重点項目評価書 assessments/examples/kokuho-juten.yaml",
        "Ⅱ 1. 対象人数 ↔ Ⅰ 1. ③対象人数 10万人以上30万人未満 （90行目） 10万人以上30万人未満 （48行目） 一致",
        "表紙 評価書番号 5 （11行目） 5 （12行目） 一致（組の条件）",
        "指摘（状態） エラー 0 ・ 警告 0 ・ 情報 0 正常 エラー 0 ・ 警告 0 ・ 情報 0 正常",
    ] {
        assert!(text.contains(expected), "the pair table lacks 「{expected}」:\n{text}");
    }
    for anchor in ["a1", "a2"] {
        assert!(dom.contains(&format!("<a href=\"#{anchor}\">様式")), "{dom}");
    }
}

#[test]
fn a_mismatching_pair_marks_the_row() {
    let band = |t: String| t.replacen("    subjects: 10万人以上30万人未満", "    subjects: 30万人以上", 1);
    let (dir, juten) = edited_copy(Path::new(JUTEN), "kokuho-juten.yaml", band);
    let kiso = dir.path().join("kokuho-kiso.yaml");
    std::fs::copy(KISO, &kiso).expect("copy");
    let md = md_report(&[&kiso, &juten], "ja");
    let section = pair_sections(&md, "組の照合").pop().expect("pair table");
    assert!(section.contains("**1項目が違います。**"), "{section}");
    assert_eq!(
        pair_row(&section, "Ⅱ 1. 対象人数"),
        "| Ⅱ 1. 対象人数 ↔ Ⅰ 1. ③対象人数 | 10万人以上30万人未満（90行目） | 30万人以上（48行目） | **不一致（エラー）** |"
    );
    // Only that row: the mark is the pair rule's finding, which the 様式3's rule table shows.
    assert_eq!(section.matches("不一致").count(), 1, "{section}");
    assert!(pair_row(&section, "Ⅲ しきい値判断結果").ends_with("| 一致 |"), "{section}");
    assert!(pair_row(&section, "指摘（状態）").contains("エラー 2 ・ 警告 0 ・ 情報 0（要修正）"), "{section}");
    assert!(md.contains("Ⅱ 1. 対象人数 of the paired") || md.contains("組になる基礎項目評価書"), "{md}");

    // A 公表日 that differs is a warning of the same rule, marked as such.
    let published = |t: String| band(t).replacen("  published: 令和7年4月1日", "  published: 令和7年4月2日", 1);
    std::fs::write(&juten, published(std::fs::read_to_string(JUTEN).expect("read"))).expect("write");
    let en = md_report(&[&kiso, &juten], "en");
    let section = pair_sections(&en, "Pair").pop().expect("pair table");
    assert!(section.contains("**2 item(s) differ.**"), "{section}");
    assert!(pair_row(&section, "表紙 公表日").ends_with("| **differs (warning)** |"), "{section}");
    assert!(pair_row(&section, "表紙 公表日").contains("2025-04-01 (line 23) | 2025-04-02 (line 24)"), "{section}");

    // In HTML the row carries the verdict's class and badge.
    let html = dir.path().join("r.html");
    assert_eq!(code(&report(&[&kiso, &juten], &html, &[])), 1);
    let source = std::fs::read_to_string(&html).expect("report");
    assert_eq!(source.matches("<tr class=\"pair-error\">").count(), 1, "{source}");
    assert_eq!(source.matches("<tr class=\"pair-warning\">").count(), 1, "{source}");
    assert!(source.contains("<span class=\"badge res-error\">不一致（エラー）</span>"), "{source}");
}

#[test]
fn a_single_file_or_files_without_a_pair_have_no_pair_table() {
    for inputs in [vec![Path::new(KISO)], vec![Path::new(JUTEN)], vec![Path::new(KISO), &seed()]] {
        let md = md_report(&inputs, "ja");
        assert!(!md.contains("組の照合"), "{md}");
        assert!(md.contains("### 2. 規則の確認"), "still reported as before: {md}");
        let dir = tempfile::tempdir().expect("tempdir");
        let html = dir.path().join("r.html");
        assert!(code(&report(&inputs, &html, &[])) < 2);
        assert!(!std::fs::read_to_string(&html).expect("report").contains("class=\"pair"));
    }
    // Another number is not the pair.
    let (dir, juten) = edited_copy(Path::new(JUTEN), "j.yaml", |t| t.replacen("  number: \"5\"", "  number: \"6\"", 1));
    let kiso = dir.path().join("k.yaml");
    std::fs::copy(KISO, &kiso).expect("copy");
    assert!(!md_report(&[&kiso, &juten], "ja").contains("組の照合"));
}

#[test]
fn withheld_text_never_reaches_the_report() {
    // 事務の名称 withheld in both forms; in the 様式2 also the 部署 and the 変更箇所 cells about it.
    let affair = |t: String| {
        t.replacen(
            "    name: 国民健康保険に関する事務\n",
            "    name:\n      text: 非公表テスト事務\n      withheld: 非公表テストの理由\n",
            1,
        )
    };
    let kiso_edit = |t: String| {
        affair(t)
            .replacen(
                "    name: 見本市健康福祉局　保険年金部　国保年金課\n",
                "    name:\n      text: 非公表テスト課\n      withheld: 非公表テストの理由\n",
                1,
            )
            .replacen(
                "    before: 見本市健康福祉局　保健衛生部　国保年金課\n    after: 見本市健康福祉局　保険年金部　国保年金課\n",
                "    before:\n      text: 非公表テスト旧課\n      withheld: 非公表テストの理由\n    after:\n      text: 非公表テスト課\n      withheld: 非公表テストの理由\n",
                1,
            )
    };
    let (dir, kiso) = edited_copy(Path::new(KISO), "kokuho-kiso.yaml", kiso_edit);
    let juten = dir.path().join("kokuho-juten.yaml");
    std::fs::write(&juten, affair(std::fs::read_to_string(JUTEN).expect("read"))).expect("write");
    assert_eq!(std::fs::read_to_string(&kiso).expect("read").matches("非公表テスト").count(), 8, "every edit applied");
    for (format, lang) in [("md", "ja"), ("md", "en"), ("html", "ja"), ("html", "en")] {
        let out_path = dir.path().join(format!("r-{lang}.{format}"));
        let out = report(&[&kiso, &juten], &out_path, &["--format", format, "--lang", lang]);
        assert!(code(&out) < 2, "{}", stderr(&out));
        let text = std::fs::read_to_string(&out_path).expect("report");
        assert!(!text.contains("非公表テスト"), "withheld text or its reason in the {format} report ({lang}):\n{text}");
        // The pair table says what the rule found, showing the withheld name as the public version does.
        assert!(text.contains("（非公表）"), "{text}");
        assert!(text.contains("title-affair-mismatch"), "the findings that quote it are still there: {text}");
    }
    let md = md_report(&[&kiso, &juten], "ja");
    let section = pair_sections(&md, "組の照合").pop().expect("pair table");
    assert_eq!(
        pair_row(&section, "Ⅰ 1. ①事務の名称"),
        "| Ⅰ 1. ①事務の名称 | （非公表）（30行目） | （非公表）（31行目） | 一致 |"
    );
}

const ZENKOMOKU: &str = "assessments/examples/juki-zenkomoku.yaml";

/// The procedure section of a Markdown report.
fn timeline_section(md: &str) -> String {
    let start = md.find("### 1. ").unwrap_or_else(|| panic!("no procedure section:\n{md}"));
    let rest = &md[start..];
    rest[..rest.find("\n### 2.").unwrap_or(rest.len())].trim_end().to_owned()
}

#[test]
fn a_zenkomoku_report_shows_its_procedure_as_a_timeline() {
    let ja = md_report(&[Path::new(ZENKOMOKU)], "ja");
    let section = timeline_section(&ja);
    insta::assert_snapshot!("zenkomoku_timeline_ja", section);
    // In the order of the procedure, each with the days since the date before it.
    let items: Vec<&str> = section.lines().filter(|l| l.starts_with("| Ⅵ") || l.starts_with("| 表紙")).collect();
    assert_eq!(items.len(), 5, "{section}");
    assert!(section.contains("| 令和7年1月6日 | 35日（期間 36日、初日と末日を含む） |"), "{section}");

    // The 素案: Ⅵ 2.〜3. still to come.
    let (_d, draft) = zenkomoku_draft();
    let en = md_report(&[draft.as_path()], "en");
    let section = timeline_section(&en);
    insta::assert_snapshot!("zenkomoku_timeline_draft_en", section);
    assert_eq!(section.matches("**to come**").count(), 3, "{section}");
    // The 公表日 counts from the last date written, Ⅵ 1.'s.
    assert!(section.contains("| 2025-04-01 | 151 days |"), "{section}");
}

#[test]
fn other_forms_have_no_timeline() {
    let ja = md_report(&[Path::new(JUTEN)], "ja");
    assert!(!ja.contains("評価実施手続"), "{ja}");
}

#[test]
fn a_draft_report_and_list_skip_the_steps_to_come() {
    let (_d, draft) = zenkomoku_draft();
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("report.md");
    let out = report(&[draft.as_path()], &md, &["--format", "md", "--lang", "en"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let out = report(&[draft.as_path()], &md, &["--format", "md", "--lang", "en", "--draft"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = std::fs::read_to_string(&md).expect("report");
    assert!(text.contains("errors 0") && text.contains("3 date(s) still to come."), "{text}");
    let list = |extra: &[&str]| {
        let mut args: Vec<std::ffi::OsString> =
            vec!["list".into(), draft.clone().into(), "--today".into(), TODAY.into()];
        args.extend(extra.iter().map(Into::into));
        code(&pia(args))
    };
    assert_eq!((list(&[]), list(&["--draft"])), (1, 0));
}
