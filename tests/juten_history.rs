//! 変更箇所 of 様式3: `pia diff`, `pia amend` and `pia history` on small edits of the 様式3 base
//! fixture, with the items inside repeated blocks (委託事項, 提供先, …) and the ※ items.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn base() -> PathBuf {
    fixture("juten/base.yaml")
}

/// `text` with `from` replaced once by `to`; the edit must apply.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture no longer has {from:?}");
    text.replacen(from, to, 1)
}

/// A temp dir holding old.yaml (the base, edited by `old`) and new.yaml (the base, edited by `new`).
fn versions(old: impl FnOnce(String) -> String, new: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(base()).expect("read base");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("old.yaml"), old(text.clone())).expect("write old");
    let new_path = dir.path().join("new.yaml");
    std::fs::write(&new_path, new(text)).expect("write new");
    (dir, new_path)
}

/// The base as old.yaml and an edit of it as new.yaml.
fn changed(new: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    versions(|t| t, new)
}

fn diff(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["diff", "old.yaml", "new.yaml"];
    args.extend_from_slice(extra);
    pia_in(dir, args)
}

fn proposed(dir: &Path) -> Vec<serde_json::Value> {
    let out = diff(dir, &["--format", "json"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    json(&out)["rows"].as_array().cloned().unwrap_or_default()
}

fn items(rows: &[serde_json::Value]) -> Vec<&str> {
    rows.iter().filter_map(|r| r["item"].as_str()).collect()
}

const FILE: &str = "（ファイル1 国民健康保険被保険者ファイル）";

/// A second 委託事項, added after the first.
const SECOND_ENTRUSTMENT: &str = "              matters: プログラムの改修作業の一部
          - title: 国民健康保険料の納付書の印刷
            content: 納付書の印刷及び封入封緘
            handlers: 10人未満
            contractor: 見本印刷株式会社
            resubcontract:
              status: 再委託しない
";

#[test]
fn an_added_entrustment_is_one_row_named_by_its_block() {
    let (dir, _) = changed(|t| edit(&t, "              matters: プログラムの改修作業の一部\n", SECOND_ENTRUSTMENT));
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), [format!("Ⅱ 4. 委託事項2{FILE}")], "{rows:#?}");
    let r = &rows[0];
    assert_eq!(r["before"], serde_json::Value::Null);
    assert_eq!(r["after"], "国民健康保険料の納付書の印刷");
    // It holds a ※ item (④再委託の有無): proposed before the change, for a person to decide.
    assert_eq!(r["timing"], "事前");
    assert_eq!(r["classified"], false);
    assert!(r["note"].as_str().is_some_and(|n| n.contains("重要な変更") && n.contains("再評価")), "{r:#}");
}

#[test]
fn a_changed_contractor_names_its_entrustment_and_file() {
    let (dir, _) =
        changed(|t| edit(&t, "contractor: 見本情報システム株式会社", "contractor: 見本ソリューションズ株式会社"));
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), [format!("Ⅱ 4. 委託事項1 ③委託先名{FILE}")]);
    assert_eq!(rows[0]["before"], "見本情報システム株式会社");
    assert_eq!(rows[0]["after"], "見本ソリューションズ株式会社");

    // In the sample with two files and two 委託事項, the second of the first file.
    let sample = root().join("assessments/examples/kokuho-juten.yaml");
    let text = std::fs::read_to_string(&sample).expect("read sample");
    let (dir, _) = edited_copy(&sample, "new.yaml", |t| {
        let second = t.match_indices("contractor: ").nth(1).map(|(i, _)| i).expect("two 委託事項");
        let (head, tail) = t.split_at(second);
        format!("{head}{}", tail.replacen("contractor: ", "contractor: 見本データ処理株式会社　", 1))
    });
    std::fs::write(dir.path().join("old.yaml"), text).expect("write old");
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), ["Ⅱ 4. 委託事項2 ③委託先名（ファイル1 国民健康保険被保険者ファイル）"]);
}

const SECOND_RECIPIENT: &str = "            timing: 情報照会を受けた都度
          - name: 見本県知事
            basis: 番号法第19条第8号　別表の該当項
            purpose: 高額療養費の支給に関する事務
            information: 医療保険給付関係情報
            persons: 1万人未満
            persons_scope: 見本市の国民健康保険の被保険者のうち対象となる者
            methods: {dedicated_line: true}
            timing: 年1回
";

#[test]
fn a_removed_recipient_is_one_row() {
    let two = |t: String| edit(&t, "            timing: 情報照会を受けた都度\n", SECOND_RECIPIENT);
    // The second of two removed.
    let (dir, _) = versions(two, |t| t);
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), [format!("Ⅱ 5. 提供先2{FILE}")], "{rows:#?}");
    assert_eq!(rows[0]["before"], "見本県知事");
    assert_eq!(rows[0]["after"], serde_json::Value::Null);
    assert_eq!(rows[0]["timing"], "事後");
    assert_eq!(rows[0]["classified"], false);

    // The first of two removed: one removal, not a change of every item of the other.
    let (dir, _) = versions(two, |t| {
        let t = two(t);
        let start = t.find("          - name: 都道府県知事又は市町村長").expect("first recipient");
        let end = t.find("          - name: 見本県知事").expect("second recipient");
        format!("{}{}", &t[..start], &t[end..])
    });
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), [format!("Ⅱ 5. 提供先1{FILE}")], "{rows:#?}");
    assert_eq!(rows[0]["before"], "都道府県知事又は市町村長");
}

#[test]
fn a_change_to_an_important_item_is_proposed_before_with_a_note() {
    let (dir, _) = changed(|t| {
        edit(&t, "place: 見本市データセンター内のサーバー室", "place: 見本市第二データセンター内のサーバー室")
    });
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), [format!("Ⅱ 6. ①保管場所{FILE}")]);
    assert_eq!(rows[0]["timing"], "事前");
    assert_eq!(rows[0]["classified"], false);
    let note = rows[0]["note"].as_str().unwrap_or_default();
    assert!(note.contains("※") && note.contains("重要な変更") && note.contains("再評価"), "{note}");
    // In English too.
    let out = diff(dir.path(), &["--format", "json", "--lang", "en"]);
    let note = json(&out)["rows"][0]["note"].as_str().unwrap_or_default().to_owned();
    assert!(note.contains("re-assessment") && note.contains("重要な変更"), "{note}");

    // Ⅲ 7.② is the one item of Ⅲ that is not ※.
    let (dir, _) = changed(|t| {
        edit(
            &t,
            "serious_incident: {occurred: 発生なし}",
            "serious_incident: {occurred: 発生あり, details: 書類の誤送付, prevention: 二人で確認する}",
        )
    });
    let rows = proposed(dir.path());
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r["item"].as_str().is_some_and(|i| i.starts_with("Ⅲ 7. ②")), "{r:#}");
        assert_eq!(r["timing"], "事後", "{r:#}");
    }
}

#[test]
fn a_change_to_another_item_is_after_and_to_decide() {
    let (dir, _) = changed(|t| {
        edit(&t, "request: {contact: 見本市役所　国保年金課,", "request: {contact: 見本市役所　保険年金課,")
    });
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), ["Ⅳ 1. ①請求先"]);
    assert_eq!(rows[0]["timing"], "事後");
    assert_eq!(rows[0]["classified"], false);
    assert!(rows[0]["note"].as_str().is_some_and(|n| n.contains("分類できない")), "{:#}", rows[0]);

    // A renamed department is classified as 様式2's is.
    let (dir, _) =
        changed(|t| edit(&t, "name: 健康福祉局　保険年金部　国保年金課", "name: 健康福祉局　医療保険部　国保年金課"));
    let rows = proposed(dir.path());
    assert_eq!(items(&rows), ["Ⅰ 6. ①部署"]);
    assert_eq!(rows[0]["classified"], true);
    assert_eq!(rows[0]["reason"], "組織変更に伴う単なる名称変更であるため、重要な変更に該当しない。");
}

const REASON: &str = "契約の内容を公表すると業務に支障が生じるため（規則第13条）";

/// The contractor of 委託事項1, withheld.
fn withheld_contractor(text: String, name: &str) -> String {
    edit(&text, "contractor: 見本情報システム株式会社", &format!("contractor: {{text: {name}, withheld: {REASON}}}"))
}

#[test]
fn a_withheld_item_inside_a_block_keeps_its_text_out_of_public_output() {
    let (dir, new) = versions(
        |t| withheld_contractor(t, "見本情報システム株式会社"),
        |t| withheld_contractor(t, "見本ソリューションズ株式会社"),
    );
    for format in ["human", "json", "yaml"] {
        let out = diff(dir.path(), &["--format", format]);
        assert_eq!(code(&out), 0, "{format}: {}{}", stdout(&out), stderr(&out));
        let text = stdout(&out);
        assert!(!text.contains("見本情報システム") && !text.contains("見本ソリューションズ"), "{format}:\n{text}");
        assert!(text.contains(&format!("Ⅱ 4. 委託事項1 ③委託先名{FILE}")), "{format}: no row\n{text}");
    }
    let out = diff(dir.path(), &[]);
    assert!(stdout(&out).contains("（非公表）"), "{}", stdout(&out));
    let rows = proposed(dir.path());
    assert_eq!(rows[0]["withheld"], true);
    assert!(stdout(&diff(dir.path(), &["--full"])).contains("見本ソリューションズ株式会社"));

    // amend writes the cells with the item's reason; history shows them withheld.
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let Some(a) = pia::load::load_file(&new, pia::lang::Lang::Ja).expect("load").assessment else { panic!("valid") };
    let row = &a.history()[0];
    for cell in [&row.before, &row.after] {
        assert_eq!(cell.as_ref().and_then(|c| c.withheld.as_deref()), Some(REASON), "{row:?}");
    }
    let out = pia_in(dir.path(), ["history", "new.yaml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("（非公表）"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("見本ソリューションズ"), "{}", stdout(&out));

    // A withheld file name names no file: the row says ファイル1 only.
    let secret = |t: String| {
        edit(&t, "name: 国民健康保険被保険者ファイル", &format!("name: {{text: 秘密のファイル, withheld: {REASON}}}"))
    };
    let (dir, _) = versions(secret, |t| {
        edit(&secret(t), "department: 国保年金課\n      acquisition", "department: 保険年金課\n      acquisition")
    });
    let out = diff(dir.path(), &["--format", "json"]);
    assert_eq!(items(json(&out)["rows"].as_array().expect("rows")), ["Ⅱ 2. ⑥事務担当部署（ファイル1）"]);
    assert!(!stdout(&out).contains("秘密のファイル"), "{}", stdout(&out));
}

#[test]
fn amend_round_trip_checks_clean_once_a_person_decides() {
    let (dir, new) = changed(|t| {
        let t = edit(&t, "contractor: 見本情報システム株式会社", "contractor: 見本ソリューションズ株式会社");
        edit(&t, "              matters: プログラムの改修作業の一部\n", SECOND_ENTRUSTMENT)
    });
    let proposed = proposed(dir.path());
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("2行"), "{}", stdout(&out));
    let text = std::fs::read_to_string(&new).expect("read");
    assert!(text.contains("published: 2025-06-01"), "{text}");

    // The rows are what diff proposed, and pia reads their items back as items of the form.
    let Some(a) = pia::load::load_file(&new, pia::lang::Lang::Ja).expect("load").assessment else { panic!("valid") };
    let recorded: Vec<&str> = a.history().iter().map(|r| r.item.as_str()).collect();
    assert_eq!(recorded, items(&proposed));
    let check = |dir: &Path| {
        let out = pia_in(dir, ["check", "new.yaml", "--today", "2025-06-02", "--format", "json"]);
        codes_and_lines(&json(&out)).into_iter().map(|(c, _)| c).collect::<Vec<_>>()
    };
    let codes = check(dir.path());
    assert_eq!(codes.iter().filter(|c| *c == "history-row-undecided").count(), 2, "{codes:?}");
    assert!(!codes.iter().any(|c| c == "history-unknown-item"), "{codes:?}");
    // Nothing to add twice.
    let again = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml"]);
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&new).expect("read"), text, "nothing added twice");

    // A person decides: the rows get their explanation and lose the marker.
    let decided = text.replace(
        &format!("    to_decide: {}\n", pia::diff::TO_DECIDE),
        "    reason: 委託に係る変更（担当者が判断済み）。\n",
    );
    assert_ne!(decided, text);
    std::fs::write(&new, decided).expect("write");
    let out = pia_in(dir.path(), ["check", "new.yaml", "--today", "2025-06-02", "--format", "json"]);
    assert_eq!(json(&out)["summary"]["errors"], 0, "{}", stdout(&out));
    assert_eq!(json(&out)["summary"]["warnings"], 0, "{}", stdout(&out));

    let out = pia_in(dir.path(), ["history", "new.yaml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn amend_keeps_crlf_and_the_byte_order_mark() {
    let dir = tempfile::tempdir().expect("tempdir");
    let windows = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("\u{FEFF}{}", text.replace('\n', "\r\n"))).expect("write");
        path
    };
    let text = std::fs::read_to_string(base()).expect("read base");
    windows("old.yaml", text.clone());
    let new = windows("new.yaml", edit(&text, "other_bodies: －", "other_bodies: 見本県"));
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "old.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let bytes = std::fs::read(&new).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM kept");
    let text = String::from_utf8_lossy(&bytes[3..]).into_owned();
    assert!(text.contains("history:\r\n  - date: 2025-06-01\r\n    item: Ⅰ 7. 他の評価実施機関\r\n"), "{text}");
    let bare_lf = text.match_indices('\n').filter(|(i, _)| !text[..*i].ends_with('\r')).count();
    assert_eq!(bare_lf, 0, "every line ends in CRLF:\n{text}");
}

#[test]
fn versions_on_different_forms_cannot_be_compared() {
    let kiso = root().join("assessments/examples/kokuho-kiso.yaml");
    let out = pia(["diff".as_ref(), kiso.as_os_str(), base().as_os_str()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("様式2") && stderr(&out).contains("様式3"), "{}", stderr(&out));
    let (dir, _) = changed(|t| t);
    std::fs::copy(&kiso, dir.path().join("kiso.yaml")).expect("copy");
    let before = std::fs::read(dir.path().join("new.yaml")).expect("read");
    let out = pia_in(dir.path(), ["amend", "new.yaml", "--from", "kiso.yaml", "--date", "2025-06-01"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("様式2") && stderr(&out).contains("様式3"), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("new.yaml")).expect("read"), before, "nothing written");
    // Two versions of one 様式3 that do not differ: no rows.
    assert!(proposed(dir.path()).is_empty());
}

#[test]
fn history_rows_are_read_as_items_of_juten() {
    let row = |item: &str| {
        format!("history:\n  - date: 2025-03-01\n    item: {item}\n    before: a\n    after: b\n    timing: 事前\n")
    };
    let unknown = |item: &str| {
        let (dir, _) = edited_copy(&base(), "x.yaml", |t| t + &row(item));
        let out = pia_in(dir.path(), ["check", "x.yaml", "--today", "2025-05-01", "--format", "json"]);
        codes_and_lines(&json(&out)).iter().any(|(c, _)| c == "history-unknown-item")
    };
    for item in [
        "Ⅱ 4. 委託事項1 ③委託先名（ファイル1 国民健康保険被保険者ファイル）",
        "Ⅲ 11. その他のリスク対策",
        "Ⅴ 1. ①実施日",
        "(別添1) 特定個人情報ファイル記録項目",
    ] {
        assert!(!unknown(item), "{item}");
    }
    for item in ["Ⅵ 1", "Ⅱ 8", "Ⅳ リスク対策"] {
        assert!(unknown(item), "{item}");
    }
}

/// Several changes at once, as a person reads them.
#[test]
fn diff_of_several_changes_reads_like_the_form() {
    let (dir, _) = changed(|t| {
        let t = edit(
            &t,
            "sources: {person: true, other_department: 市民課}",
            "sources: {person: true, other_department: 市民課, national_agency: 日本年金機構}",
        );
        let t = edit(&t, "record_items: [宛名番号, 個人番号, 氏名]", "record_items: [宛名番号, 個人番号, 氏名, 住所]");
        let t = edit(&t, "audit: {self_inspection: true}", "audit: {self_inspection: true, internal_audit: true}");
        let t = edit(&t, "              matters: プログラムの改修作業の一部\n", SECOND_ENTRUSTMENT);
        edit(&t, "published: 2025-04-01", "published: 2025-06-01")
    });
    let out = diff(dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out));
}
