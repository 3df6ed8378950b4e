//! The forms pia knows: 様式3 重点項目評価書 and 様式4 全項目評価書 beside 様式2 — load, check,
//! list, report, and what pia does not do for 様式4 yet (it says so, and never passes a file off as printed).

mod common;

use common::*;

fn juten() -> std::path::PathBuf {
    root().join("assessments/examples/kokuho-juten.yaml")
}

fn kiso_pair() -> std::path::PathBuf {
    root().join("assessments/examples/kokuho-kiso.yaml")
}

#[test]
fn every_sample_checks_clean() {
    let out = pia(["check", "assessments", "--today", "2025-05-01", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = json(&out);
    assert_eq!(report["files"].as_array().map(Vec::len), Some(5), "{report:#}");
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
}

#[test]
fn a_juten_file_loads_on_its_own_schema_with_located_diagnostics() {
    let (dir, copy) = edited_copy(&juten(), "x.yaml", |t| t.replacen("form: 様式3", "form: 様式3\nextra_item: 1", 1));
    let out = pia_in(dir.path(), ["validate", "x.yaml", "--format", "json", "--lang", "en"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let line =
        std::fs::read_to_string(&copy).expect("read").lines().position(|l| l.starts_with("extra_item")).expect("line")
            + 1;
    assert!(codes_and_lines(&json(&out)).contains(&("unknown-field".to_owned(), line as u64)), "{}", stdout(&out));
    // A 様式2 key in a 様式3 file is unknown there: the form decides the schema.
    let (dir, _) =
        edited_copy(&juten(), "y.yaml", |t| t.replacen("form: 様式3", "form: 様式3\nthreshold_result: x", 1));
    let out = pia_in(dir.path(), ["validate", "y.yaml", "--format", "json"]);
    assert!(codes_and_lines(&json(&out)).iter().any(|(c, _)| c == "unknown-field"), "{}", stdout(&out));
}

#[test]
fn the_rules_of_every_form_run_on_juten() {
    // A 変更箇所 row after the 公表日 is an error on every form.
    let (dir, _) = edited_copy(&juten(), "x.yaml", |t| {
        let published =
            t.lines().find(|l| l.trim_start().starts_with("published:")).map(str::to_owned).expect("公表日");
        t.replacen(&published, "  published: 2025-03-01", 1)
    });
    let out = pia_in(dir.path(), ["check", "x.yaml", "--today", "2025-05-01", "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(codes_and_lines(&json(&out)).iter().any(|(c, _)| c == "history-after-publication"), "{}", stdout(&out));
}

#[test]
fn a_kiso_and_its_juten_share_a_number_without_being_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (src, name) in [(juten(), "juten.yaml"), (kiso_pair(), "kiso.yaml")] {
        std::fs::copy(src, dir.path().join(name)).expect("copy");
    }
    let out = pia(["list".as_ref(), dir.path().as_os_str(), "--today".as_ref(), "2025-05-01".as_ref()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(!stdout(&out).contains("duplicate-assessment-number"), "{}", stdout(&out));
    assert!(stdout(&out).contains("様式3 令和6年10月"), "{}", stdout(&out));
    // Two 様式2 with one number still are.
    std::fs::copy(kiso_pair(), dir.path().join("kiso-copy.yaml")).expect("copy");
    let out = pia(["list".as_ref(), dir.path().as_os_str(), "--today".as_ref(), "2025-05-01".as_ref()]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
}

#[test]
fn a_diff_across_forms_is_refused() {
    let out = pia(["diff".as_ref(), kiso_pair().as_os_str(), juten().as_os_str()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("様式2") && stderr(&out).contains("様式3"), "{}", stderr(&out));
    // diff, amend and history of two 様式3 versions: tests/juten_history.rs.
}

/// `pia report FILE --format md`, as text.
fn md_report(file: &std::path::Path) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("r.md");
    let out = pia([
        "report".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        report.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
        "--today".as_ref(),
        "2025-05-01".as_ref(),
    ]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    std::fs::read_to_string(&report).expect("report")
}

#[test]
fn the_report_names_the_rules_not_applied_to_juten() {
    let text = md_report(&juten());
    assert!(text.contains("様式3（令和6年10月）"), "{text}");
    assert!(text.contains("未適用（様式2の規則。様式3にはまだ適用しません）"), "{text}");
    assert!(!text.contains("### 1."), "no 様式2 しきい値判断 section for a 様式3 file: {text}");
}

#[test]
fn a_diagnostic_inside_a_repeated_block_names_the_block() {
    let text = std::fs::read_to_string(juten()).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // The second 委託事項 of the first file.
    let at = lines.iter().enumerate().filter(|(_, l)| l.trim_start().starts_with("contractor:")).nth(1).map(|(i, _)| i);
    let at = at.expect("two 委託事項");
    let indent = lines[at].len() - lines[at].trim_start().len();
    lines[at] = format!("{}contractor: 12345", " ".repeat(indent));
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("x.yaml"), lines.join("\n") + "\n").expect("write");
    let out = pia_in(dir.path(), ["validate", "x.yaml", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let d = &json(&out)["files"][0]["diagnostics"][0];
    assert_eq!(d["item"], "Ⅱ 4. 委託事項2 ③委託先名（ファイル1 国民健康保険被保険者ファイル）", "{d:#}");
    assert_eq!(d["line"], at as u64 + 1, "{d:#}");
}

#[test]
fn the_docs_list_the_rules_that_apply_to_juten() {
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs");
    let line = docs.lines().find(|l| l.starts_with("- 様式3（重点項目評価書）に適用するルール")).expect("the list");
    // The codes listed before the first 「。」.
    let list = line.split('。').next().unwrap_or_default();
    let listed: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    let applied: Vec<&str> =
        pia::rules::RULES.iter().filter(|r| r.applies_to(pia::model::FormKind::Juten)).map(|r| r.code.name).collect();
    assert_eq!(listed, applied, "docs/rules.md lists other rules for 様式3 than the code applies");
}

#[test]
fn a_new_juten_draft_lists_exactly_the_items_still_to_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = pia_in(
        dir.path(),
        [
            "new",
            "x.yaml",
            "--form",
            "様式3",
            "--body",
            "見本市長",
            "--affair",
            "国民健康保険に関する事務",
            "--number",
            "5",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("x.yaml")).expect("draft");
    assert!(text.starts_with("# yaml-language-server: $schema="), "{text}");
    assert!(text.contains("title: 国民健康保険に関する事務　重点項目評価書"), "{text}");
    for block in ["# システム1", "# ファイル1", "# 委託事項1", "# 提供先1", "# 移転先1"] {
        assert!(text.contains(block), "one {block} block: {text}");
    }
    let out = pia_in(dir.path(), ["validate", "x.yaml", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let found = codes_and_lines(&json(&out));
    assert!(found.len() > 40, "{found:?}");
    let lines: Vec<&str> = text.lines().collect();
    for (c, line) in &found {
        assert_eq!(c, "missing-field", "only items still to write: {found:?}");
        let at = lines.get(*line as usize - 1).copied().unwrap_or_default();
        assert!(at.trim_end().ends_with(':') || at.trim() == "-", "line {line} is not an empty item: {at}");
    }
    // The given values are not among them, and the draft never overwrites.
    assert!(!text.contains("body:\n"), "{text}");
    assert_eq!(code(&pia_in(dir.path(), ["new", "x.yaml", "--form", "様式3"])), 2);
}

#[test]
fn docs_forms_md_is_the_generated_list() {
    let path = root().join("docs/forms.md");
    let generated = pia::scaffold::forms_doc();
    if std::env::var_os("PIA_WRITE_FORMS_DOC").is_some() {
        std::fs::write(&path, &generated).expect("write docs/forms.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/forms.md is out of date: PIA_WRITE_FORMS_DOC=1 cargo test --release --test forms docs_forms"
    );
}

fn juten_base() -> std::path::PathBuf {
    root().join("tests/fixtures/juten/base.yaml")
}

/// The codes and lines `pia check` reports on a copy of the 様式3 base edited by `edit`.
fn check_juten_edit(edit: impl FnOnce(String) -> String) -> Vec<(String, u64)> {
    let (dir, _) = edited_copy(&juten_base(), "x.yaml", edit);
    let out = pia_in(dir.path(), ["check", "x.yaml", "--today", "2025-05-01", "--format", "json", "--lang", "en"]);
    codes_and_lines(&json(&out))
}

fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).expect(needle) as u64 + 1
}

#[test]
fn the_juten_base_checks_clean() {
    assert_eq!(check_juten_edit(|t| t), Vec::<(String, u64)>::new());
}

#[test]
fn the_kiso_rules_on_items_juten_has_run_on_juten_at_its_items() {
    let base = std::fs::read_to_string(juten_base()).expect("base");
    // Ⅰ1① not in the title.
    let found =
        check_juten_edit(|t| t.replacen("title: 国民健康保険に関する事務　重点項目評価書", "title: 重点項目評価書", 1));
    assert_eq!(found, [("title-affair-mismatch".to_owned(), line_of(&base, "  title: 国民健康保険"))]);
    // Ⅰ5 実施する without its basis.
    let found = check_juten_edit(|t| t.replacen("    basis: 番号法第19条第8号　別表\n", "", 1));
    assert_eq!(found, [("linkage-basis-missing".to_owned(), line_of(&base, "  network_linkage:"))]);
    // Ⅰ6② with a person's name.
    let found = check_juten_edit(|t| t.replacen("head_title: 国保年金課長", "head_title: 国保年金課長　見本　太郎", 1));
    assert_eq!(found, [("personal-name-in-title".to_owned(), line_of(&base, "head_title:"))]);
}

#[test]
fn juten_threshold_result_follows_the_subjects_band() {
    let with = |band: &str, result: &str| {
        check_juten_edit(|t| {
            t.replacen("subjects: 10万人以上30万人未満", &format!("subjects: {band}"), 1).replacen(
                "result: 基礎項目評価及び重点項目評価の実施が義務付けられる",
                &format!("result: {result}"),
                1,
            )
        })
        .iter()
        .any(|(c, _)| c == "juten-threshold-result-mismatch")
    };
    let (juten, kiso, none) = (
        "基礎項目評価及び重点項目評価の実施が義務付けられる",
        "基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）",
        "特定個人情報保護評価の実施が義務付けられない（任意に重点項目評価を実施）",
    );
    assert!(!with("1,000人未満（任意実施）", none));
    assert!(with("1,000人未満（任意実施）", kiso));
    assert!(!with("1,000人以上1万人未満", kiso));
    assert!(with("1,000人以上1万人未満", juten));
    assert!(!with("1万人以上10万人未満", kiso));
    assert!(!with("1万人以上10万人未満", juten));
    assert!(with("1万人以上10万人未満", none));
    assert!(!with("10万人以上30万人未満", juten));
    assert!(with("10万人以上30万人未満", kiso));
    assert!(with("30万人以上", juten));
}

#[test]
fn the_report_of_a_kiso_names_the_juten_rules_as_not_applied() {
    let text = md_report(&kiso_pair());
    assert!(text.contains("未適用（様式3の規則）"), "{text}");
    assert!(!text.contains("様式2にはまだ適用しません"), "{text}");
}

// ---- 様式4 全項目評価書 ----

fn zenkomoku() -> std::path::PathBuf {
    root().join("assessments/examples/juki-zenkomoku.yaml")
}

fn zenkomoku_base() -> std::path::PathBuf {
    root().join("tests/fixtures/zenkomoku/base.yaml")
}

/// The codes and lines `pia check` reports on a copy of `src` edited by `edit`.
fn check_edit(src: &std::path::Path, edit: impl FnOnce(String) -> String) -> Vec<(String, u64)> {
    let (dir, _) = edited_copy(src, "x.yaml", edit);
    let out = pia_in(dir.path(), ["check", "x.yaml", "--today", "2025-05-01", "--format", "json", "--lang", "en"]);
    codes_and_lines(&json(&out))
}

#[test]
fn the_zenkomoku_sample_and_base_check_clean() {
    for file in [zenkomoku(), zenkomoku_base(), root().join("assessments/examples/juki-kiso.yaml")] {
        let out = pia([
            "check".as_ref(),
            file.as_os_str(),
            "--today".as_ref(),
            "2025-05-01".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ]);
        assert_eq!(code(&out), 0, "{}", stdout(&out));
        let report = json(&out);
        assert_eq!(report["summary"]["errors"], 0, "{report:#}");
        assert_eq!(report["summary"]["warnings"], 0, "{report:#}");
        assert_eq!(report["summary"]["infos"], 0, "{report:#}");
    }
    // The sample's first comment says the body is fictional.
    for name in ["juki-zenkomoku.yaml", "juki-kiso.yaml"] {
        let text = std::fs::read_to_string(root().join("assessments/examples").join(name)).expect("sample");
        let comment = text.lines().nth(1).unwrap_or_default();
        assert!(comment.starts_with("# 見本: 架空の団体「見本市」"), "{name}: {comment}");
    }
}

#[test]
fn a_zenkomoku_diagnostic_names_the_item_with_its_risk_and_file() {
    let text = std::fs::read_to_string(zenkomoku()).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // The first file's Ⅲ 2. リスク1 answer.
    let at = lines.iter().position(|l| l.trim_start() == "risk1:").expect("Ⅲ 2. リスク1");
    let at = (at..lines.len()).find(|i| lines[*i].trim_start().starts_with("adequacy:")).expect("its answer");
    let indent = lines[at].len() - lines[at].trim_start().len();
    lines[at] = format!("{}adequacy: 十分", " ".repeat(indent));
    // The second file's Ⅱ 2. ①ファイルの種類.
    let kind = lines.iter().enumerate().filter(|(_, l)| l.trim_start().starts_with("kind: ")).nth(1).map(|(i, _)| i);
    let kind = kind.expect("two files");
    lines[kind] = lines[kind].replace("システム用ファイル", "紙ファイル");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("x.yaml"), lines.join("\n") + "\n").expect("write");
    let out = pia_in(dir.path(), ["validate", "x.yaml", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let found: Vec<(String, u64)> = json(&out)["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| (d["item"].as_str().unwrap_or_default().to_owned(), d["line"].as_u64().unwrap_or(0)))
        .collect();
    // Sorted by line: the first file's item, then the second's.
    assert_eq!(
        found,
        [
            ("Ⅲ 2. リスク1 リスクへの対策は十分か（ファイル1 住民基本台帳ファイル）".to_owned(), at as u64 + 1),
            ("Ⅱ 2. ①ファイルの種類（ファイル2 本人確認情報ファイル）".to_owned(), kind as u64 + 1),
        ]
    );
}

#[test]
fn the_rules_of_every_form_run_on_zenkomoku_at_its_items() {
    let base = std::fs::read_to_string(zenkomoku_base()).expect("base");
    let check = |edit: &dyn Fn(String) -> String| check_edit(&zenkomoku_base(), edit);
    // Ⅰ1① not in the title.
    let found = check(&|t| t.replacen("title: 住民基本台帳に関する事務　全項目評価書", "title: 全項目評価書", 1));
    assert_eq!(found, [("title-affair-mismatch".to_owned(), line_of(&base, "  title: 住民基本台帳"))]);
    // Ⅰ6 実施する without its basis.
    let found = check(&|t| t.replacen("    basis: 番号法第19条第8号　別表\n", "", 1));
    assert_eq!(found, [("linkage-basis-missing".to_owned(), line_of(&base, "  network_linkage:"))]);
    // Ⅰ7② with a person's name.
    let found = check(&|t| t.replacen("head_title: 住民記録課長", "head_title: 住民記録課長　見本　太郎", 1));
    assert_eq!(found, [("personal-name-in-title".to_owned(), line_of(&base, "head_title:"))]);
    // A 変更箇所 row after the 公表日.
    let found = check(&|t| t + "history:\n  - {date: 2025-04-02, item: Ⅰ 7, after: x, timing: 事前}\n");
    assert_eq!(found.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), ["history-after-publication"]);
    // An older edition after 令和6年10月1日, and 平成30年5月 is one of 様式4's editions.
    let found = check(&|t| t.replacen("revision: 令和6年10月", "revision: 平成30年5月", 1));
    assert_eq!(found, [("form-revision-outdated".to_owned(), 3)]);
}

#[test]
fn zenkomoku_threshold_result_follows_the_subjects_band() {
    let with = |band: &str, result: &str| {
        check_edit(&zenkomoku_base(), |t| {
            t.replacen("subjects: 30万人以上", &format!("subjects: {band}"), 1).replacen(
                "result: 基礎項目評価及び全項目評価の実施が義務付けられる",
                &format!("result: {result}"),
                1,
            )
        })
        .iter()
        .any(|(c, _)| c == "zenkomoku-threshold-result-mismatch")
    };
    let (full, focused, kiso, none) = (
        "基礎項目評価及び全項目評価の実施が義務付けられる",
        "基礎項目評価及び重点項目評価の実施が義務付けられる（任意に全項目評価を実施）",
        "基礎項目評価の実施が義務付けられる（任意に全項目評価を実施）",
        "特定個人情報保護評価の実施が義務付けられない（任意に全項目評価を実施）",
    );
    assert!(!with("30万人以上", full));
    assert!(with("30万人以上", focused));
    assert!(!with("10万人以上30万人未満", full));
    assert!(!with("10万人以上30万人未満", focused));
    assert!(with("10万人以上30万人未満", kiso));
    assert!(!with("1万人以上10万人未満", focused));
    assert!(!with("1万人以上10万人未満", kiso));
    assert!(with("1万人以上10万人未満", full));
    assert!(!with("1,000人以上1万人未満", kiso));
    assert!(with("1,000人以上1万人未満", none));
    assert!(!with("1,000人未満（任意実施）", none));
    assert!(with("1,000人未満（任意実施）", kiso));
}

#[test]
fn a_linked_zenkomoku_needs_one_file_that_connects_not_every_file() {
    // The sample's 本人確認情報ファイル connects in neither direction: clean (checked above). Both
    // boxes in its only file: an error at the first file's box.
    let base = std::fs::read_to_string(zenkomoku_base()).expect("base");
    let found = check_edit(&zenkomoku_base(), |t| {
        let start = t.find("      network:\n").expect("Ⅲ 6.");
        let end = t[start..].find("      storage:\n").map(|e| start + e).expect("Ⅲ 7.");
        format!(
            "{}      network:\n        not_connected_acquisition: true\n        not_connected_provision: true\n{}",
            &t[..start],
            &t[end..]
        )
    });
    let at = line_of(&base, "      network:") + 1;
    assert_eq!(found, [("zenkomoku-network-mismatch".to_owned(), at)]);
}

#[test]
fn the_docs_list_the_rules_that_apply_to_zenkomoku() {
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs");
    let line = docs.lines().find(|l| l.starts_with("- 様式4（全項目評価書）に適用するルール")).expect("the list");
    let list = line.split('。').next().unwrap_or_default();
    let listed: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    let applied: Vec<&str> = pia::rules::RULES
        .iter()
        .filter(|r| r.applies_to(pia::model::FormKind::Zenkomoku))
        .map(|r| r.code.name)
        .collect();
    assert_eq!(listed, applied, "docs/rules.md lists other rules for 様式4 than the code applies");
}

#[test]
fn a_new_zenkomoku_draft_lists_exactly_the_items_still_to_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let args = [
        "new",
        "x.yaml",
        "--form",
        "様式４",
        "--body",
        "見本市長",
        "--affair",
        "住民基本台帳に関する事務",
        "--number",
        "3",
    ];
    let out = pia_in(dir.path(), args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("x.yaml")).expect("draft");
    assert!(text.starts_with("# yaml-language-server: $schema="), "{text}");
    assert!(text.contains("zenkomoku-r6.10.schema.json"), "{text}");
    assert!(text.contains("title: 住民基本台帳に関する事務　全項目評価書"), "{text}");
    assert!(text.contains("# 表紙 個人情報保護委員会 承認日 【行政機関等のみ】\n"), "{text}");
    for block in ["# システム1", "# ファイル1", "# 委託事項1", "# 提供先1", "# 移転先1", "# 図1"] {
        assert!(text.contains(block), "one {block} block: {text}");
    }
    let out = pia_in(dir.path(), ["validate", "x.yaml", "--format", "json"]);
    assert_eq!(code(&out), 1);
    let found = codes_and_lines(&json(&out));
    assert!(found.len() > 150, "{}", found.len());
    let lines: Vec<&str> = text.lines().collect();
    for (c, line) in &found {
        assert_eq!(c, "missing-field", "only items still to write: {found:?}");
        let at = lines.get(*line as usize - 1).copied().unwrap_or_default();
        assert!(at.trim_end().ends_with(':') || at.trim() == "-", "line {line} is not an empty item: {at}");
    }
    assert!(!text.contains("body:\n"), "{text}");
    assert_eq!(code(&pia_in(dir.path(), ["new", "x.yaml", "--form", "様式4"])), 2);
}

#[test]
fn a_zenkomoku_renders_and_diff_reads_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("x.pdf");
    let out = pia([
        "render".as_ref(),
        zenkomoku().as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
        "--today".as_ref(),
        "2025-05-01".as_ref(),
    ]);
    // Its PDF is tested in tests/zenkomoku_render.rs.
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(pdf.exists());
    // diff reads every form from its schema: a 様式4 against itself proposes no row.
    let out =
        pia(["diff".as_ref(), zenkomoku().as_os_str(), zenkomoku().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json(&out)["rows"].as_array().map(Vec::len), Some(0), "{}", stdout(&out));
}

#[test]
fn the_report_of_a_zenkomoku_names_the_rules_not_applied() {
    let text = md_report(&zenkomoku());
    assert!(text.contains("様式4（令和6年10月）"), "{text}");
    assert!(text.contains("未適用（様式2の規則。様式4にはまだ適用しません）"), "{text}");
    assert!(text.contains("未適用（様式3の規則）"), "{text}");
    assert!(!text.contains("未適用（様式4の規則）"), "{text}");
    assert!(!text.contains("### 1. しきい値判断"), "no 様式2 しきい値判断 section for a 様式4 file: {text}");
    assert!(text.contains("### 1. 評価実施手続"), "its procedure instead: {text}");
}

#[test]
fn a_kiso_and_its_zenkomoku_share_a_number_but_two_zenkomoku_do_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(zenkomoku(), dir.path().join("zenkomoku.yaml")).expect("copy");
    // The sample's figure, beside it as its (別添1) names it.
    let figure = "juki-zenkomoku-flow.svg";
    std::fs::copy(root().join("assessments/examples").join(figure), dir.path().join(figure)).expect("copy");
    std::fs::copy(root().join("assessments/examples/juki-kiso.yaml"), dir.path().join("kiso.yaml")).expect("copy");
    let list =
        |dir: &std::path::Path| pia(["list".as_ref(), dir.as_os_str(), "--today".as_ref(), "2025-05-01".as_ref()]);
    let out = list(dir.path());
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(!stdout(&out).contains("duplicate-assessment-number"), "{}", stdout(&out));
    assert!(stdout(&out).contains("様式4 令和6年10月"), "{}", stdout(&out));
    std::fs::copy(zenkomoku(), dir.path().join("zenkomoku-copy.yaml")).expect("copy");
    let out = list(dir.path());
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(stdout(&out).contains("duplicate-assessment-number"), "{}", stdout(&out));
}

/// diff reads a 様式4 from its schema as it reads a 様式3: a changed 委託先名 is one row named by
/// its 委託事項 and file, a ※ item is proposed 事前, an added 委託事項 is one row.
#[test]
fn a_zenkomoku_diff_names_the_block_and_proposes_important_items_before() {
    let (dir, new) = edited_copy(&zenkomoku(), "new.yaml", |t| {
        t.replacen("contractor: 株式会社見本窓口サービス", "contractor: 株式会社見本受付センター", 1).replacen(
            "persons_scope: 住民基本台帳ファイルに記録された全ての者",
            "persons_scope: 住民基本台帳ファイルに記録された者",
            1,
        )
    });
    let out = pia_in(
        dir.path(),
        ["diff".as_ref(), zenkomoku().as_os_str(), new.as_os_str(), "--format".as_ref(), "json".as_ref()],
    );
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let rows = json(&out)["rows"].as_array().cloned().unwrap_or_default();
    let row = |needle: &str| {
        rows.iter()
            .find(|r| r["item"].as_str().is_some_and(|i| i.contains(needle)))
            .cloned()
            .unwrap_or_else(|| panic!("{needle}: {rows:#?}"))
    };
    let contractor = row("⑥委託先名");
    assert!(
        contractor["item"].as_str().is_some_and(|i| i.starts_with("Ⅱ 4. 委託事項2 ⑥委託先名（ファイル1")),
        "{contractor:#}"
    );
    assert_eq!(contractor["timing"], "事後", "{contractor:#}");
    let scope = row("②対象となる本人の範囲");
    assert_eq!(scope["timing"], "事前", "a ※ item: {scope:#}");
    assert!(scope["note"].as_str().is_some_and(|n| n.contains("重要な変更")), "{scope:#}");
}
