//! `pia validate` and `pia schema` on the seed and on one fixture per diagnostic code.

mod common;

use common::*;

#[test]
fn seed_is_valid() {
    let out = pia(["validate", "assessments/kumamoto-kokuho-kiso.yaml"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn minimal_fixture_is_valid() {
    let out = pia(["validate", "tests/fixtures/minimal.yaml"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

/// Each fixture's human (Japanese) and JSON (English) diagnostics, as snapshots.
#[test]
fn fixture_diagnostics() {
    insta::glob!("fixtures/validate/*.yaml", |path| {
        let rel = path.strip_prefix(root()).expect("fixture under root");
        let human = pia(["validate", "--lang", "ja"].iter().map(|s| s.as_ref()).chain([rel.as_os_str()]));
        assert_eq!(code(&human), 1, "{} should be invalid", rel.display());
        insta::assert_snapshot!("human", stdout(&human));
        let json =
            pia(["validate", "--lang", "en", "--format", "json"].iter().map(|s| s.as_ref()).chain([rel.as_os_str()]));
        assert_eq!(code(&json), 1);
        insta::assert_snapshot!("json", stdout(&json));
    });
}

/// Every load code has a fixture named after it.
#[test]
fn every_load_code_has_a_fixture() {
    for code in pia::diagnostic::codes::ALL {
        let path = fixture(&format!("validate/{}.yaml", code.name));
        assert!(path.exists(), "no fixture for {}", code.name);
        let out = pia(["validate", "--format", "json"].iter().map(|s| s.as_ref()).chain([path.as_os_str()]));
        let found = codes_and_lines(&json(&out));
        assert!(found.iter().any(|(c, _)| c == code.name), "{} not reported by its fixture: {found:?}", code.name);
    }
}

#[test]
fn wrong_choice_names_line_item_and_choices() {
    let (_dir, copy) =
        edited_copy(&seed(), "x.yaml", |t| t.replacen("acquisition: 十分である", "acquisition: 十分", 1));
    let line = std::fs::read_to_string(&copy)
        .expect("copy")
        .lines()
        .position(|l| l.contains("acquisition: 十分") && !l.contains("十分である"))
        .expect("edited line")
        + 1;
    let out = pia(["validate".as_ref(), copy.as_os_str()]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains(&format!("x.yaml:{line}:")), "{text}");
    assert!(text.contains("Ⅳ 2."), "{text}");
    // The message wraps at the terminal's width: compare without the wrapping.
    let flat: String = text.chars().filter(|c| !c.is_whitespace() && *c != '│').collect();
    assert!(flat.contains("1)特に力を入れている2)十分である3)課題が残されている"), "{text}");
}

#[test]
fn unknown_top_level_key_has_line_and_suggestion() {
    let (_dir, copy) = edited_copy(&seed(), "x.yaml", |t| format!("{t}\nthreshold_itemz: 1\n"));
    let out =
        pia(["validate", "--format", "json", "--lang", "en"].iter().map(|s| s.as_ref()).chain([copy.as_os_str()]));
    assert_eq!(code(&out), 1);
    let report = json(&out);
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-field");
    let lines = std::fs::read_to_string(&copy).expect("copy").lines().count() as u64;
    assert_eq!(d["line"], lines);
    assert_eq!(d["help"], "did you mean `threshold_items`?");
}

#[test]
fn duplicate_key_is_an_error_at_the_second_key() {
    let (_dir, copy) = edited_copy(&seed(), "x.yaml", |t| {
        t.replacen("  body: 熊本市長\n", "  body: 熊本市長\n  body: 熊本県知事\n", 1)
    });
    let second =
        std::fs::read_to_string(&copy).expect("copy").lines().position(|l| l == "  body: 熊本県知事").expect("line")
            + 1;
    let out = pia(["validate", "--format", "json"].iter().map(|s| s.as_ref()).chain([copy.as_os_str()]));
    assert_eq!(code(&out), 1);
    assert_eq!(codes_and_lines(&json(&out)), vec![("duplicate-key".to_owned(), second as u64)]);
}

#[test]
fn missing_file_cannot_run() {
    let out = pia(["validate", "no/such/file.yaml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no/such/file.yaml"), "{}", stderr(&out));
}

#[test]
fn directory_arguments_are_searched() {
    let seeds = seed_dir();
    let out = pia(["validate".as_ref(), "--format".as_ref(), "json".as_ref(), seeds.path().as_os_str()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(!json(&out)["files"].as_array().expect("files").is_empty());
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    for kind in pia::model::FormKind::ALL {
        let path = pia::schema::schema_path(*kind);
        let committed = std::fs::read_to_string(root().join(path)).expect("committed schema");
        let out = pia(["schema", "--form", kind.label()]);
        assert_eq!(code(&out), 0);
        assert!(
            committed == stdout(&out),
            "{path} is out of date: run `cargo run -- schema --form {} > {path}`",
            kind.label()
        );
    }
    // Without --form: 様式2, as before.
    assert_eq!(stdout(&pia(["schema"])), stdout(&pia(["schema", "--form", "様式2"])));
    let bad = pia(["schema", "--form", "様式9"]);
    assert_eq!(code(&bad), 2, "{}", stderr(&bad));
}

#[test]
fn seed_carries_the_schema_modeline() {
    let text = std::fs::read_to_string(seed()).expect("seed");
    assert_eq!(text.lines().next(), Some("# yaml-language-server: $schema=../schema/kiso-r6.10.schema.json"));
}

#[test]
fn english_from_locale() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pia"))
        .args(["validate", "tests/fixtures/validate/invalid-choice.yaml"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("run");
    assert!(stdout(&out).contains("is not one of the choices"), "{}", stdout(&out));
}
