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

/// A 基礎項目評価書 whose Ⅳ1 says 基礎+重点 (基礎+全項目) without its 重点項目評価書 (全項目評価書)
/// among the files, or the reverse.
pub const PAIRED_ASSESSMENT_MISSING: &Code = &Code {
    name: "paired-assessment-missing",
    severity: Severity::Error,
    item: Some("Ⅳ 1. 提出する特定個人情報保護評価書の種類"),
    summary_ja: "基礎項目評価書と重点項目評価書（又は全項目評価書）の組の片方が、指定したファイルの中にない（複数のファイル・フォルダのとき）",
    summary_en: "The 基礎項目評価書 or the 重点項目評価書 (全項目評価書) of a pair is not among the files given (several files or a folder)",
};

/// A 基礎項目評価書 and its 重点項目評価書 (全項目評価書) that disagree on what they share.
pub const PAIRED_ASSESSMENT_MISMATCH: &Code = &Code {
    name: "paired-assessment-mismatch",
    severity: Severity::Error,
    item: None,
    summary_ja: "組になる基礎項目評価書と重点項目評価書（又は全項目評価書）で、事務の名称・対象人数・しきい値判断結果、又は Ⅳ1 の評価書の種類が違う（複数のファイル・フォルダのとき）",
    summary_en: "A 基礎項目評価書 and its 重点項目評価書 (全項目評価書) differ in 事務の名称, 対象人数, しきい値判断結果 or Ⅳ1's kind of assessment (several files or a folder)",
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
    /// 様式2 Ⅳ1 (a 様式3 or 様式4 is the 重点 or 全項目 of its pair).
    submitted: Option<Stated<SubmittedAssessments>>,
    /// Where a "missing" finding points: 様式2 Ⅳ1, 様式3/様式4 表紙 評価書番号.
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
        Assessment::Zenkomoku(z) => PairKey {
            kind: FormKind::Zenkomoku,
            submitted: None,
            anchor: at("/cover/number"),
            affair: Stated {
                value: z.basic_info.affair.name.shown(false),
                at: at("/basic_info/affair/name"),
                path: "basic_info.affair.name",
                item: "Ⅰ 1. ①事務の名称",
            },
            band: Stated {
                value: z.basic_info.affair.subjects,
                at: at("/basic_info/affair/subjects"),
                path: "basic_info.affair.subjects",
                item: "Ⅰ 1. ③対象人数",
            },
            result: Stated {
                value: z.procedure.kiso.result.obligation(),
                at: at("/procedure/kiso/result"),
                path: "procedure.kiso.result",
                item: "Ⅵ 1. ②しきい値判断結果",
            },
            body: String::new(),
            number: number_key(&number_text),
            number_text: String::new(),
        },
    };
    Some(PairKey { body, number_text, ..key })
}

/// The form of the assessment Ⅳ1 submits beside the 基礎項目評価書, if any.
fn detailed_form(submitted: SubmittedAssessments) -> Option<FormKind> {
    match submitted {
        SubmittedAssessments::Kiso => None,
        SubmittedAssessments::KisoJuten => Some(FormKind::Juten),
        SubmittedAssessments::KisoZenkomoku => Some(FormKind::Zenkomoku),
    }
}

/// What Ⅳ1 of the 基礎項目評価書 says when it is submitted with an assessment of `kind`.
fn submitted_with(kind: FormKind) -> SubmittedAssessments {
    match kind {
        FormKind::Kiso => SubmittedAssessments::Kiso,
        FormKind::Juten => SubmittedAssessments::KisoJuten,
        FormKind::Zenkomoku => SubmittedAssessments::KisoZenkomoku,
    }
}

impl PairKey {
    /// The form of the 基礎's partner by its Ⅳ1 (none for a 基礎 alone or a 重点/全項目).
    fn wanted(&self) -> Option<FormKind> {
        self.submitted.as_ref().and_then(|s| detailed_form(s.value))
    }

    fn same_assessment(&self, other: &PairKey) -> bool {
        self.body == other.body && self.number == other.number
    }
}

/// The pairing findings of every file: `keys[i]` is file i's key (`None` for a file that did
/// not load), `names[i]` its name as shown. The rules apply to a 評価実施機関 only when the files
/// given hold both its 様式2 and the other form of a pair (様式3 or 様式4): a body whose 重点項目評価書
/// or 全項目評価書 are kept elsewhere (or not yet in YAML) is not asked for them.
pub fn pair_findings(keys: &[Option<PairKey>], names: &[String], lang: Lang) -> Vec<Vec<Diagnostic>> {
    let mut found: Vec<Vec<Diagnostic>> = keys.iter().map(|_| Vec::new()).collect();
    let has = |body: &str, kind: FormKind| keys.iter().flatten().any(|k| k.body == body && k.kind == kind);
    let name = |i: usize| names.get(i).map_or("", String::as_str).to_owned();
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        if key.kind == FormKind::Kiso {
            // A 様式3/様式4 of the number, but not of the form Ⅳ1 names, is reported from its side.
            let Some(wanted) = key.wanted().filter(|w| has(&key.body, *w)) else { continue };
            let partnered = keys.iter().flatten().any(|k| k.kind != FormKind::Kiso && k.same_assessment(key));
            if !partnered && let Some(d) = found.get_mut(i) {
                d.push(missing(key, wanted, lang));
            }
            continue;
        }
        if !has(&key.body, FormKind::Kiso) {
            continue;
        }
        let partner = keys.iter().enumerate().find_map(|(j, k)| {
            k.as_ref().filter(|k| k.kind == FormKind::Kiso && k.same_assessment(key)).map(|k| (j, k))
        });
        let Some((j, kiso)) = partner else {
            if let Some(d) = found.get_mut(i) {
                d.push(missing(key, key.kind, lang));
            }
            continue;
        };
        // Each pair is compared once, from its 様式3/様式4, and reported there.
        let (kiso_name, detailed_name) = (name(j), name(i));
        if let Some(submitted) = kiso.submitted.as_ref().filter(|_| kiso.wanted() != Some(key.kind))
            && let Some(d) = found.get_mut(j)
        {
            d.push(kiso_says_otherwise(kiso, submitted, (key.kind, &detailed_name), lang));
        }
        let mut diffs = Vec::new();
        let pair = (key.kind, detailed_name.as_str(), kiso_name.as_str());
        if key.affair.value != kiso.affair.value {
            diffs.push(mismatch(&key.affair, &kiso.affair, |v| v.clone(), pair, lang));
        }
        if key.band.value != kiso.band.value {
            diffs.push(mismatch(&key.band, &kiso.band, |v| v.label().to_owned(), pair, lang));
        }
        if key.result.value != kiso.result.value {
            diffs.push(mismatch(&key.result, &kiso.result, |v| v.label().to_owned(), pair, lang));
        }
        if let Some(d) = found.get_mut(i) {
            d.extend(diffs);
        }
    }
    found
}

/// The finding of a file whose pair is not among the files: on a 基礎, `other` is the form Ⅳ1
/// names; on a 重点/全項目, its own form.
fn missing(key: &PairKey, other: FormKind, lang: Lang) -> Diagnostic {
    let (body, number) = (&key.body, &key.number_text);
    let (title, label) = (other.title(), other.label());
    match key.kind {
        FormKind::Kiso => {
            let said = submitted_with(other).label();
            Diagnostic::new(
                PAIRED_ASSESSMENT_MISSING,
                lang.pick(
                    format!("Ⅳ1 は「{said}」ですが、{body} の評価書番号「{number}」の{title}（{label}）が、指定したファイルの中にありません。"),
                    format!("Ⅳ1 says 「{said}」, but the {title} ({label}) of {body} numbered 「{number}」 is not among the files given."),
                ),
            )
            .path("risk_measures.submitted")
            .at(key.anchor)
            .help(lang.pick(
                format!("同じ評価実施機関名・評価書番号の{label}を同じフォルダに置くか、Ⅳ1 と評価書番号を確かめてください。"),
                format!("put the {label} with the same body and number in the folder, or check Ⅳ1 and the numbers."),
            ))
        }
        FormKind::Juten | FormKind::Zenkomoku => Diagnostic::new(
            PAIRED_ASSESSMENT_MISSING,
            lang.pick(
                format!("{body} の評価書番号「{number}」の基礎項目評価書（様式2）が、指定したファイルの中にありません。{title}は基礎項目評価書と組で提出します。"),
                format!("The 基礎項目評価書 (様式2) of {body} numbered 「{number}」 is not among the files given; a {title} is submitted with its 基礎項目評価書."),
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

/// A 基礎 whose Ⅳ1 does not name the form of the 重点/全項目 `detailed` (its form and file name)
/// that has its number.
fn kiso_says_otherwise(
    kiso: &PairKey,
    submitted: &Stated<SubmittedAssessments>,
    (kind, detailed): (FormKind, &str),
    lang: Lang,
) -> Diagnostic {
    let said = submitted.value.label();
    let (title, expected) = (kind.title(), submitted_with(kind).label());
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISMATCH,
        lang.pick(
            format!("Ⅳ1 は「{said}」ですが、同じ評価書番号「{}」の{title} {detailed} があります。", kiso.number_text),
            format!("Ⅳ1 says 「{said}」, but {detailed} is a {title} with the same number 「{}」.", kiso.number_text),
        ),
    )
    .item(Some(submitted.item.to_owned()))
    .path(submitted.path)
    .at(submitted.at)
    .help(lang.pick(
        format!("Ⅳ1 を「{expected}」にするか、評価書番号を確かめてください。"),
        format!("set Ⅳ1 to 「{expected}」 or check the numbers."),
    ))
}

/// One disagreement, at the 様式3/様式4's value, naming the 様式2's value and line; `pair` is the
/// 様式3/様式4's form, its file name and the 様式2's.
fn mismatch<T>(
    detailed: &Stated<T>,
    kiso: &Stated<T>,
    show: impl Fn(&T) -> String,
    (kind, detailed_name, kiso_name): (FormKind, &str, &str),
    lang: Lang,
) -> Diagnostic {
    let (mine, theirs) = (show(&detailed.value), show(&kiso.value));
    let line =
        kiso.at.map(|l| l.line).map_or_else(String::new, |l| lang.pick(format!(" {l}行目"), format!(" line {l}")));
    let title = kind.title();
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISMATCH,
        lang.pick(
            format!(
                "{detailed_name} では「{mine}」ですが、組になる基礎項目評価書 {kiso_name}{line} の {} は「{theirs}」です。",
                kiso.item
            ),
            format!(
                "「{mine}」 in {detailed_name}, but {} of the paired 基礎項目評価書 {kiso_name}{line} is 「{theirs}」.",
                kiso.item
            ),
        ),
    )
    .item(Some(detailed.item.to_owned()))
    .path(detailed.path)
    .at(detailed.at)
    .help(lang.pick(
        format!("基礎項目評価書と{title}は同じ事務の同じ評価です。どちらが正しいかを確かめ、もう一方を合わせてください。"),
        "the two forms describe one assessment of one affair: find which is right and make the other agree.".to_owned(),
    ))
}
