//! The rules across files: they look at several assessments at once, so only the commands given
//! several files or a folder report them (`pia check`, `pia list`, `pia report`).
//!
//! Each file gives a small [`PairKey`] (body, number, form and the values a pair must share,
//! with their YAML positions), so a caller can check files in parallel, keep only the keys, and
//! learn each file's findings across files before it prints that file.

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::lang::Lang;
use crate::load::Loaded;
use crate::model::kiso::SubmittedAssessments;
use crate::model::vocab::{Obligation, SubjectsBand};
use crate::model::{Assessment, FormKind};

/// Two files of one 評価実施機関 with the same 評価書番号.
pub const DUPLICATE_ASSESSMENT_NUMBER: &Code = &Code {
    name: "duplicate-assessment-number",
    severity: Severity::Error,
    item: Some("表紙 評価書番号"),
    summary_ja: "同じ評価実施機関の評価書が、同じ評価書番号を使っている（pia list・pia report）",
    summary_en: "Two assessments of the same body share one 評価書番号 (pia list, pia report)",
};

/// A 基礎項目評価書 whose Ⅳ1 says 基礎+重点 without its 重点項目評価書 among the files, or the reverse.
pub const PAIRED_ASSESSMENT_MISSING: &Code = &Code {
    name: "paired-assessment-missing",
    severity: Severity::Error,
    item: Some("Ⅳ 1. 提出する特定個人情報保護評価書の種類"),
    summary_ja: "基礎項目評価書と重点項目評価書の組の片方が、指定したファイルの中にない（複数のファイル・フォルダのとき）",
    summary_en: "The 基礎項目評価書 or the 重点項目評価書 of a pair is not among the files given (several files or a folder)",
};

/// A 基礎項目評価書 and its 重点項目評価書 that disagree on what they share.
pub const PAIRED_ASSESSMENT_MISMATCH: &Code = &Code {
    name: "paired-assessment-mismatch",
    severity: Severity::Error,
    item: None,
    summary_ja: "組になる基礎項目評価書と重点項目評価書で、事務の名称・対象人数・しきい値判断結果が違う（複数のファイル・フォルダのとき）",
    summary_en: "A 基礎項目評価書 and its 重点項目評価書 differ in 事務の名称, 対象人数 or しきい値判断結果 (several files or a folder)",
};

/// The codes of the rules across files, for [`crate::rules::all_codes`].
pub const CODES: [&Code; 3] = [DUPLICATE_ASSESSMENT_NUMBER, PAIRED_ASSESSMENT_MISSING, PAIRED_ASSESSMENT_MISMATCH];

/// 評価書番号 as a comparable key: digits (half- or full-width) without leading zeros, so `012`
/// and `12` are the same number; other text as written.
pub fn number_key(number: &str) -> NumberKey {
    let normalised: String = number.trim().chars().map(crate::wareki::normalize_digit).collect();
    if !normalised.is_empty() && normalised.chars().all(|c| c.is_ascii_digit()) {
        let digits = normalised.trim_start_matches('0');
        NumberKey::Numeric(if digits.is_empty() { "0".to_owned() } else { digits.to_owned() })
    } else {
        NumberKey::Text(number.trim().to_owned())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberKey {
    Numeric(String),
    Text(String),
}

/// A value one side of a pair states, where it stands and which item prints it.
#[derive(Debug, Clone)]
struct Stated<T> {
    value: T,
    at: Option<Location>,
    path: &'static str,
    item: &'static str,
}

/// What the pairing rules need from one checked file: a few short strings and positions, so the
/// keys of many files stay small.
#[derive(Debug, Clone)]
pub struct PairKey {
    body: String,
    number: NumberKey,
    number_text: String,
    kind: FormKind,
    /// 様式2 Ⅳ1 (a 様式3 is the 重点 of its pair).
    submitted: Option<Stated<SubmittedAssessments>>,
    /// Where a "missing" finding points: 様式2 Ⅳ1, 様式3 表紙 評価書番号.
    anchor: Option<Location>,
    /// 事務の名称 as a public output shows it.
    affair: Stated<String>,
    band: Stated<SubjectsBand>,
    result: Stated<Obligation>,
}

/// The key of a file that loaded as an assessment of a form pia knows.
pub fn pair_key(loaded: &Loaded) -> Option<PairKey> {
    let a = loaded.assessment.as_ref()?;
    let cover = a.cover();
    let body = cover.body.as_str().trim().to_owned();
    let number_text = cover.number.0.trim().to_owned();
    if body.is_empty() || number_text.is_empty() {
        return None;
    }
    let at = |p: &str| loaded.map.locate_value(p);
    let key = match a {
        Assessment::Kiso(k) => PairKey {
            kind: FormKind::Kiso,
            submitted: Some(Stated {
                value: k.risk_measures.submitted,
                at: at("/risk_measures/submitted"),
                path: "risk_measures.submitted",
                item: "Ⅳ 1. 提出する特定個人情報保護評価書の種類",
            }),
            anchor: at("/risk_measures/submitted"),
            affair: Stated {
                value: k.related_info.affair.name.shown(false),
                at: at("/related_info/affair/name"),
                path: "related_info.affair.name",
                item: "Ⅰ 1. ①事務の名称",
            },
            band: Stated {
                value: k.threshold_items.subjects.band,
                at: at("/threshold_items/subjects/band"),
                path: "threshold_items.subjects.band",
                item: "Ⅱ 1. 対象人数",
            },
            result: Stated {
                value: k.threshold_result,
                at: at("/threshold_result"),
                path: "threshold_result",
                item: "Ⅲ しきい値判断結果",
            },
            body: String::new(),
            number: number_key(&number_text),
            number_text: String::new(),
        },
        Assessment::Juten(j) => PairKey {
            kind: FormKind::Juten,
            submitted: None,
            anchor: at("/cover/number"),
            affair: Stated {
                value: j.basic_info.affair.name.shown(false),
                at: at("/basic_info/affair/name"),
                path: "basic_info.affair.name",
                item: "Ⅰ 1. ①事務の名称",
            },
            band: Stated {
                value: j.basic_info.affair.subjects,
                at: at("/basic_info/affair/subjects"),
                path: "basic_info.affair.subjects",
                item: "Ⅰ 1. ③対象人数",
            },
            result: Stated {
                value: j.procedure.kiso.result.obligation(),
                at: at("/procedure/kiso/result"),
                path: "procedure.kiso.result",
                item: "Ⅴ 1. ②しきい値判断結果",
            },
            body: String::new(),
            number: number_key(&number_text),
            number_text: String::new(),
        },
    };
    Some(PairKey { body, number_text, ..key })
}

impl PairKey {
    fn wants_juten(&self) -> bool {
        self.submitted.as_ref().is_some_and(|s| s.value == SubmittedAssessments::KisoJuten)
    }

    fn same_assessment(&self, other: &PairKey) -> bool {
        self.body == other.body && self.number == other.number
    }
}

/// The pairing findings of every file: `keys[i]` is file i's key (`None` for a file that did
/// not load), `names[i]` its name as shown. The rules apply to a 評価実施機関 only when the files
/// given hold both a 様式2 and a 様式3 of it: a body whose 重点項目評価書 are kept elsewhere (or
/// not yet in YAML) is not asked for them.
pub fn pair_findings(keys: &[Option<PairKey>], names: &[String], lang: Lang) -> Vec<Vec<Diagnostic>> {
    let mut found: Vec<Vec<Diagnostic>> = keys.iter().map(|_| Vec::new()).collect();
    let has = |body: &str, kind: FormKind| keys.iter().flatten().any(|k| k.body == body && k.kind == kind);
    let name = |i: usize| names.get(i).map_or("", String::as_str).to_owned();
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        let other_kind = match key.kind {
            FormKind::Kiso => FormKind::Juten,
            FormKind::Juten => FormKind::Kiso,
        };
        if !has(&key.body, other_kind) {
            continue;
        }
        let partner = keys
            .iter()
            .enumerate()
            .find_map(|(j, k)| k.as_ref().filter(|k| k.kind == other_kind && k.same_assessment(key)).map(|k| (j, k)));
        match (key.kind, partner) {
            (FormKind::Kiso, None) if key.wants_juten() => {
                if let Some(d) = found.get_mut(i) {
                    d.push(missing(key, lang));
                }
            }
            (FormKind::Juten, None) => {
                if let Some(d) = found.get_mut(i) {
                    d.push(missing(key, lang));
                }
            }
            // Each pair is compared once, from its 様式3, and reported there.
            (FormKind::Juten, Some((j, kiso))) => {
                let (kiso_name, juten_name) = (name(j), name(i));
                if let Some(submitted) = kiso.submitted.as_ref().filter(|_| !kiso.wants_juten())
                    && let Some(d) = found.get_mut(j)
                {
                    d.push(kiso_says_no_juten(kiso, submitted, &juten_name, lang));
                }
                let mut diffs = Vec::new();
                if key.affair.value != kiso.affair.value {
                    diffs.push(mismatch(&key.affair, &kiso.affair, |v| v.clone(), &juten_name, &kiso_name, lang));
                }
                if key.band.value != kiso.band.value {
                    diffs.push(mismatch(
                        &key.band,
                        &kiso.band,
                        |v| v.label().to_owned(),
                        &juten_name,
                        &kiso_name,
                        lang,
                    ));
                }
                if key.result.value != kiso.result.value {
                    diffs.push(mismatch(
                        &key.result,
                        &kiso.result,
                        |v| v.label().to_owned(),
                        &juten_name,
                        &kiso_name,
                        lang,
                    ));
                }
                if let Some(d) = found.get_mut(i) {
                    d.extend(diffs);
                }
            }
            _ => {}
        }
    }
    found
}

fn missing(key: &PairKey, lang: Lang) -> Diagnostic {
    let (body, number) = (&key.body, &key.number_text);
    match key.kind {
        FormKind::Kiso => Diagnostic::new(
            PAIRED_ASSESSMENT_MISSING,
            lang.pick(
                format!("Ⅳ1 は「基礎項目評価書及び重点項目評価書」ですが、{body} の評価書番号「{number}」の重点項目評価書（様式3）が、指定したファイルの中にありません。"),
                format!("Ⅳ1 says 「基礎項目評価書及び重点項目評価書」, but the 重点項目評価書 (様式3) of {body} numbered 「{number}」 is not among the files given."),
            ),
        )
        .path("risk_measures.submitted")
        .at(key.anchor)
        .help(lang.pick(
            "同じ評価実施機関名・評価書番号の様式3を同じフォルダに置くか、Ⅳ1 と評価書番号を確かめてください。",
            "put the 様式3 with the same body and number in the folder, or check Ⅳ1 and the numbers.",
        )),
        FormKind::Juten => Diagnostic::new(
            PAIRED_ASSESSMENT_MISSING,
            lang.pick(
                format!("{body} の評価書番号「{number}」の基礎項目評価書（様式2）が、指定したファイルの中にありません。重点項目評価書は基礎項目評価書と組で提出します。"),
                format!("The 基礎項目評価書 (様式2) of {body} numbered 「{number}」 is not among the files given; a 重点項目評価書 is submitted with its 基礎項目評価書."),
            ),
        )
        .path("cover.number")
        .item(Some("表紙 評価書番号".to_owned()))
        .at(key.anchor)
        .help(lang.pick(
            "同じ評価実施機関名・評価書番号の様式2を同じフォルダに置くか、評価書番号を確かめてください。",
            "put the 様式2 with the same body and number in the folder, or check the numbers.",
        )),
    }
}

fn kiso_says_no_juten(
    kiso: &PairKey,
    submitted: &Stated<SubmittedAssessments>,
    juten_name: &str,
    lang: Lang,
) -> Diagnostic {
    let said = submitted.value.label();
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISMATCH,
        lang.pick(
            format!(
                "Ⅳ1 は「{said}」ですが、同じ評価書番号「{}」の重点項目評価書 {juten_name} があります。",
                kiso.number_text
            ),
            format!(
                "Ⅳ1 says 「{said}」, but {juten_name} is a 重点項目評価書 with the same number 「{}」.",
                kiso.number_text
            ),
        ),
    )
    .item(Some(submitted.item.to_owned()))
    .path(submitted.path)
    .at(submitted.at)
    .help(lang.pick(
        "Ⅳ1 を「基礎項目評価書及び重点項目評価書」にするか、評価書番号を確かめてください。",
        "set Ⅳ1 to 「基礎項目評価書及び重点項目評価書」 or check the numbers.",
    ))
}

/// One disagreement, at the 様式3's value, naming the 様式2's value and line.
fn mismatch<T>(
    juten: &Stated<T>,
    kiso: &Stated<T>,
    show: impl Fn(&T) -> String,
    juten_name: &str,
    kiso_name: &str,
    lang: Lang,
) -> Diagnostic {
    let (mine, theirs) = (show(&juten.value), show(&kiso.value));
    let line =
        kiso.at.map(|l| l.line).map_or_else(String::new, |l| lang.pick(format!(" {l}行目"), format!(" line {l}")));
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISMATCH,
        lang.pick(
            format!(
                "{juten_name} では「{mine}」ですが、組になる基礎項目評価書 {kiso_name}{line} の {} は「{theirs}」です。",
                kiso.item
            ),
            format!(
                "「{mine}」 in {juten_name}, but {} of the paired 基礎項目評価書 {kiso_name}{line} is 「{theirs}」.",
                kiso.item
            ),
        ),
    )
    .item(Some(juten.item.to_owned()))
    .path(juten.path)
    .at(juten.at)
    .help(lang.pick(
        "基礎項目評価書と重点項目評価書は同じ事務の同じ評価です。どちらが正しいかを確かめ、もう一方を合わせてください。",
        "the two forms describe one assessment of one affair: find which is right and make the other agree.",
    ))
}
