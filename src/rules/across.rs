//! The rules across files: they look at several assessments at once, so the commands given
//! several files or a folder report them (`pia check`, `pia list`, `pia report`).
//!
//! Each file gives a small [`AcrossKey`] (body, number, form and the values a pair must share,
//! with their YAML positions), so a caller can check files in parallel, keep only the keys, and
//! learn each file's findings across files before it prints that file. [`pairs`] finds the pairs
//! and compares what they share: the findings here and `pia report`'s pair table both read it.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::lang::Lang;
use crate::load::Loaded;
use crate::model::kiso::SubmittedAssessments;
use crate::model::{Assessment, FormKind, Text};
use crate::wareki::Date;

/// Two files of one 評価実施機関 with the same 評価書番号.
pub const DUPLICATE_ASSESSMENT_NUMBER: &Code = &Code {
    name: "duplicate-assessment-number",
    severity: Severity::Error,
    item: Some("表紙 評価書番号"),
    summary_ja: "同じ評価実施機関の同じ様式の評価書が、同じ評価書番号を使っている（複数のファイル・フォルダのとき）",
    summary_en: "Two assessments of the same body and form share one 評価書番号 (several files or a folder)",
};

/// A 基礎項目評価書 whose Ⅳ1 says 基礎+重点 without its 重点項目評価書 among the files, or the reverse.
pub const PAIRED_ASSESSMENT_MISSING: &Code = &Code {
    name: "paired-assessment-missing",
    severity: Severity::Error,
    item: Some("Ⅳ 1. 提出する特定個人情報保護評価書の種類"),
    summary_ja: "基礎項目評価書と重点項目評価書（又は全項目評価書）の組の片方が、指定したファイルの中にない（複数のファイル・フォルダのとき）",
    summary_en: "The 基礎項目評価書 or the 重点項目評価書 (全項目評価書) of a pair is not among the files given (several files or a folder)",
};

/// A 基礎項目評価書 and its 重点項目評価書 that disagree on what they share.
pub const PAIRED_ASSESSMENT_MISMATCH: &Code = &Code {
    name: "paired-assessment-mismatch",
    severity: Severity::Error,
    item: None,
    summary_ja: "組になる基礎項目評価書と重点項目評価書（又は全項目評価書）で、事務の名称・対象人数・しきい値判断結果、又は Ⅳ1 の評価書の種類が違う（公表日の違いは警告。複数のファイル・フォルダのとき）",
    summary_en: "A 基礎項目評価書 and its 重点項目評価書 (全項目評価書) differ in 事務の名称, 対象人数, しきい値判断結果 or Ⅳ1's kind of assessment (公表日: a warning; several files or a folder)",
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

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NumberKey {
    Numeric(String),
    Text(String),
}

/// The form a pair is built around: its Ⅳ1 says which form is submitted with it.
const BASE: FormKind = FormKind::Kiso;

/// The Ⅳ1 answer of the 基礎項目評価書 a form is submitted with, for each form that pairs with
/// one (様式3: 基礎+重点; 様式4: 基礎+全項目). The one table of who pairs with whom.
fn submitted_with(kind: FormKind) -> Option<SubmittedAssessments> {
    match kind {
        FormKind::Kiso => None,
        FormKind::Juten => Some(SubmittedAssessments::KisoJuten),
        FormKind::Zenkomoku => Some(SubmittedAssessments::KisoZenkomoku),
    }
}

/// The form a 基礎項目評価書's Ⅳ1 asks for beside it, when pia reads that form.
fn asked_for(submitted: SubmittedAssessments) -> Option<FormKind> {
    FormKind::ALL.iter().copied().find(|k| submitted_with(*k) == Some(submitted))
}

/// What the two forms of a pair state alike, in the order `pia report` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// 表紙 評価実施機関名 (the pairing condition).
    Body,
    /// 表紙 評価書番号 (the pairing condition).
    Number,
    /// 表紙 公表日.
    Published,
    /// 事務の名称.
    Affair,
    /// 対象人数 (its band).
    Band,
    /// しきい値判断結果.
    Result,
    /// 様式2 Ⅳ1, against the form its partner is.
    Submitted,
}

impl Shared {
    pub const ALL: [Shared; 7] = [
        Shared::Body,
        Shared::Number,
        Shared::Published,
        Shared::Affair,
        Shared::Band,
        Shared::Result,
        Shared::Submitted,
    ];

    /// Where a form states it (a JSON pointer); `None` where the form itself is the statement
    /// (a 様式3 stands for Ⅳ1's 基礎+重点).
    fn pointer(self, kind: FormKind) -> Option<&'static str> {
        Some(match (self, kind) {
            (Shared::Body, _) => "/cover/body",
            (Shared::Number, _) => "/cover/number",
            (Shared::Published, _) => "/cover/published",
            (Shared::Affair, FormKind::Kiso) => "/related_info/affair/name",
            (Shared::Affair, FormKind::Juten | FormKind::Zenkomoku) => "/basic_info/affair/name",
            (Shared::Band, FormKind::Kiso) => "/threshold_items/subjects/band",
            (Shared::Band, FormKind::Juten | FormKind::Zenkomoku) => "/basic_info/affair/subjects",
            (Shared::Result, FormKind::Kiso) => "/threshold_result",
            (Shared::Result, FormKind::Juten | FormKind::Zenkomoku) => "/procedure/kiso/result",
            (Shared::Submitted, FormKind::Kiso) => "/risk_measures/submitted",
            (Shared::Submitted, FormKind::Juten | FormKind::Zenkomoku) => return None,
        })
    }

    /// What the form states, as compared and as outputs may show it.
    fn value(self, a: &Assessment) -> Value {
        let cover = a.cover();
        let choice = |key: &'static str, shown: &'static str| Value::Choice { key, shown };
        match (self, a) {
            (Shared::Body, _) => Value::text(&cover.body),
            (Shared::Number, _) => {
                Value::Text { text: cover.number.0.trim().to_owned(), shown: crate::leak::mask(cover.number.0.trim()) }
            }
            (Shared::Published, _) => Value::Date(cover.published),
            (Shared::Affair, Assessment::Kiso(k)) => Value::text(&k.related_info.affair.name),
            (Shared::Affair, Assessment::Juten(j)) => Value::text(&j.basic_info.affair.name),
            (Shared::Affair, Assessment::Zenkomoku(z)) => Value::text(&z.basic_info.affair.name),
            (Shared::Band, Assessment::Kiso(k)) => {
                choice(k.threshold_items.subjects.band.label(), k.threshold_items.subjects.band.label())
            }
            (Shared::Band, Assessment::Juten(j)) => {
                choice(j.basic_info.affair.subjects.label(), j.basic_info.affair.subjects.label())
            }
            (Shared::Band, Assessment::Zenkomoku(z)) => {
                choice(z.basic_info.affair.subjects.label(), z.basic_info.affair.subjects.label())
            }
            (Shared::Result, Assessment::Kiso(k)) => choice(k.threshold_result.key(), k.threshold_result.label()),
            (Shared::Result, Assessment::Juten(j)) => {
                choice(j.procedure.kiso.result.obligation().key(), j.procedure.kiso.result.label())
            }
            (Shared::Result, Assessment::Zenkomoku(z)) => {
                choice(z.procedure.kiso.result.obligation().key(), z.procedure.kiso.result.label())
            }
            (Shared::Submitted, Assessment::Kiso(k)) => {
                choice(k.risk_measures.submitted.label(), k.risk_measures.submitted.label())
            }
            (Shared::Submitted, other) => match submitted_with(other.kind()) {
                Some(s) => choice(s.label(), s.label()),
                None => choice("", ""),
            },
        }
    }

    /// How serious a difference is; `None` for the pairing condition, on which a pair agrees
    /// by being one.
    fn severity(self) -> Option<Severity> {
        match self {
            Shared::Body | Shared::Number => None,
            // Both are published together; one revised alone is possible [U], so a person checks.
            Shared::Published => Some(Severity::Warning),
            Shared::Affair | Shared::Band | Shared::Result | Shared::Submitted => Some(Severity::Error),
        }
    }
}

/// A value as compared and as shown.
#[derive(Debug, Clone)]
enum Value {
    /// Text, compared without surrounding white space; `shown` is what an output may print
    /// (「（非公表）」 for withheld text, 個人番号 masked).
    Text {
        text: String,
        shown: String,
    },
    /// A choice, compared by `key`, shown as the form prints it.
    Choice {
        key: &'static str,
        shown: &'static str,
    },
    Date(Date),
}

impl Value {
    fn text(t: &Text) -> Self {
        Value::Text { text: t.as_str().trim().to_owned(), shown: t.shown(false).trim().to_owned() }
    }

    /// The one test of agreement.
    fn agrees(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Text { text: a, .. }, Value::Text { text: b, .. }) => a == b,
            (Value::Choice { key: a, .. }, Value::Choice { key: b, .. }) => a == b,
            (Value::Date(a), Value::Date(b)) => a == b,
            _ => false,
        }
    }

    fn shown(&self, lang: Lang) -> String {
        match self {
            Value::Text { shown, .. } => shown.clone(),
            Value::Choice { shown, .. } => (*shown).to_owned(),
            Value::Date(d) => lang.pick(d.to_wareki(), d.to_string()),
        }
    }
}

/// A value one form of a pair states and where it stands.
#[derive(Debug, Clone)]
struct Stated {
    value: Value,
    at: Option<Location>,
}

/// What a file that loaded as an assessment states for a pair, in the order of [`Shared::ALL`].
#[derive(Debug, Clone)]
struct Side {
    kind: FormKind,
    stated: Vec<Stated>,
}

impl Side {
    fn get(&self, item: Shared) -> Option<&Stated> {
        Shared::ALL.iter().position(|s| *s == item).and_then(|i| self.stated.get(i))
    }

    /// Ⅳ1 of a 基礎項目評価書.
    fn submitted(&self) -> Option<SubmittedAssessments> {
        if self.kind != BASE {
            return None;
        }
        match self.get(Shared::Submitted)?.value {
            Value::Choice { key, .. } => SubmittedAssessments::from_label(key),
            _ => None,
        }
    }
}

/// What the rules across files need from one checked file: a few short strings and positions,
/// so the keys of many files stay small.
#[derive(Debug, Clone)]
pub struct AcrossKey {
    /// 評価実施機関名 as written (trimmed), and as outputs may show it.
    body: String,
    body_shown: String,
    number: NumberKey,
    /// 評価書番号 as outputs may show it.
    number_text: String,
    number_at: Option<Location>,
    /// `form:` as written.
    form: Option<String>,
    /// A file that loaded as an assessment: what a pair shares.
    side: Option<Side>,
}

/// The key of a file whose 評価実施機関名 and 評価書番号 can be read (also from a file that did
/// not load completely, for `duplicate-assessment-number`).
pub fn key(loaded: &Loaded) -> Option<AcrossKey> {
    let value = loaded.value.as_ref()?;
    let text_at = |pointer: &str| -> Option<(String, bool)> {
        let v = value.pointer(pointer)?;
        let (text, withheld) = match v {
            serde_json::Value::String(s) => (s.as_str(), false),
            serde_json::Value::Object(m) => (m.get("text")?.as_str()?, m.contains_key("withheld")),
            _ => return None,
        };
        Some((text.trim().to_owned(), withheld)).filter(|(t, _)| !t.is_empty())
    };
    let (body, body_withheld) = text_at("/cover/body")?;
    let number_text = match value.pointer("/cover/number")? {
        serde_json::Value::Number(n) => n.to_string(),
        _ => text_at("/cover/number")?.0,
    };
    let body_shown =
        if body_withheld { crate::model::types::WITHHELD_MARK.to_owned() } else { crate::leak::mask(&body) };
    let side = loaded.assessment.as_ref().map(|a| {
        let kind = a.kind();
        let at = |item: Shared| item.pointer(kind).and_then(|p| loaded.map.locate_value(p));
        Side { kind, stated: Shared::ALL.iter().map(|s| Stated { value: s.value(a), at: at(*s) }).collect() }
    });
    Some(AcrossKey {
        number: number_key(&number_text),
        number_text: crate::leak::mask(&number_text),
        number_at: loaded.map.locate_value("/cover/number"),
        form: text_at("/form").map(|(f, _)| f),
        body,
        body_shown,
        side,
    })
}

/// A 基礎項目評価書 and the form submitted with it (様式3), by their indices in the keys given
/// to [`pairs`].
#[derive(Debug, Clone, Copy)]
pub struct Pair<'k> {
    pub base: usize,
    pub partner: usize,
    base_side: &'k Side,
    partner_side: &'k Side,
}

/// One thing a pair shares, as each form states it.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'k> {
    pub item: Shared,
    kinds: [FormKind; 2],
    stated: [&'k Stated; 2],
}

impl<'k> Pair<'k> {
    /// The forms: the 基礎項目評価書, then its partner.
    pub fn kinds(&self) -> [FormKind; 2] {
        [self.base_side.kind, self.partner_side.kind]
    }

    /// Everything the pair shares, in the order of [`Shared::ALL`].
    pub fn comparisons(&self) -> Vec<Comparison<'k>> {
        let kinds = self.kinds();
        Shared::ALL
            .iter()
            .filter_map(|item| {
                let stated = [self.base_side.get(*item)?, self.partner_side.get(*item)?];
                Some(Comparison { item: *item, kinds, stated })
            })
            .collect()
    }
}

impl Comparison<'_> {
    /// True when the two forms agree: the pairing condition always; otherwise the one test of
    /// [`Value`].
    pub fn agrees(&self) -> bool {
        self.item.severity().is_none() || self.stated[0].value.agrees(&self.stated[1].value)
    }

    /// How serious a difference is (`None`: the pairing condition, never different).
    pub fn severity(&self) -> Option<Severity> {
        self.item.severity()
    }

    /// The form item, as its form's schema names it (side 0: the 基礎項目評価書, 1: its partner);
    /// the form's own name where the form itself is the statement.
    pub fn item_label(&self, side: usize) -> String {
        let kind = self.kinds.get(side).copied().unwrap_or(BASE);
        match self.item.pointer(kind) {
            Some(p) => crate::schema::item_for_pointer(kind, p).unwrap_or_else(|| p.to_owned()),
            None => kind.title().to_owned(),
        }
    }

    /// The value as outputs may show it: withheld text as 「（非公表）」, 個人番号 masked.
    pub fn shown(&self, side: usize, lang: Lang) -> String {
        self.stated.get(side).map(|s| s.value.shown(lang)).unwrap_or_default()
    }

    /// The YAML line the value is written on.
    pub fn line(&self, side: usize) -> Option<usize> {
        self.stated.get(side).and_then(|s| s.at).map(|l| l.line)
    }

    fn at(&self, side: usize) -> Option<Location> {
        self.stated.get(side).and_then(|s| s.at)
    }

    fn path(&self, side: usize) -> String {
        let kind = self.kinds.get(side).copied().unwrap_or(BASE);
        self.item.pointer(kind).map(|p| p.trim_start_matches('/').replace('/', ".")).unwrap_or_default()
    }
}

/// The pairs among the files (`keys[i]` is file i's key, `None` for a file without one): each
/// form that pairs with a 基礎項目評価書 (様式3) and the 基礎項目評価書 of the same 評価実施機関 and
/// 評価書番号, the first one when there are several. Ordered by the partner's index.
pub fn pairs(keys: &[Option<AcrossKey>]) -> Vec<Pair<'_>> {
    let index = by_assessment(keys);
    keys.iter()
        .enumerate()
        .filter_map(|(p, k)| {
            let k = k.as_ref()?;
            let partner_side = k.side.as_ref().filter(|s| s.kind != BASE)?;
            let (base, base_side) = index.get(&(k.body.as_str(), &k.number))?.iter().find_map(|&i| {
                let side = keys.get(i)?.as_ref()?.side.as_ref().filter(|s| s.kind == BASE)?;
                Some((i, side))
            })?;
            Some(Pair { base, partner: p, base_side, partner_side })
        })
        .collect()
}

/// The files that loaded, by (評価実施機関名, 評価書番号).
fn by_assessment(keys: &[Option<AcrossKey>]) -> HashMap<(&str, &NumberKey), Vec<usize>> {
    let mut index: HashMap<(&str, &NumberKey), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k.as_ref().filter(|k| k.side.is_some()) {
            index.entry((k.body.as_str(), &k.number)).or_default().push(i);
        }
    }
    index
}

/// Every finding across files: `keys[i]` is file i's key (`None` for a file without one),
/// `names[i]` its name as shown. `duplicate-assessment-number`, then the pairing rules.
pub fn findings(keys: &[Option<AcrossKey>], names: &[String], lang: Lang) -> Vec<Vec<Diagnostic>> {
    let mut found: Vec<Vec<Diagnostic>> = keys.iter().map(|_| Vec::new()).collect();
    duplicates(keys, names, lang, &mut found);
    pairing(keys, names, lang, &mut found);
    found
}

/// `duplicate-assessment-number` on every file whose (評価実施機関名, 評価書番号, 様式) another file
/// has: a 基礎 and its 重点 share the number (forms-3-4.md position 6) and are a pair, not a duplicate.
fn duplicates(keys: &[Option<AcrossKey>], names: &[String], lang: Lang, found: &mut [Vec<Diagnostic>]) {
    let mut groups: HashMap<(&str, &NumberKey, Option<&str>), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            groups.entry((k.body.as_str(), &k.number, k.form.as_deref())).or_default().push(i);
        }
    }
    for group in groups.values().filter(|g| g.len() > 1) {
        for &i in group {
            let Some(key) = keys.get(i).and_then(Option::as_ref) else { continue };
            let others: Vec<&str> =
                group.iter().filter(|j| **j != i).filter_map(|j| names.get(*j).map(String::as_str)).collect();
            let (body, number) = (&key.body_shown, &key.number_text);
            let list = others.join(lang.pick("、", ", "));
            let d = Diagnostic::new(
                DUPLICATE_ASSESSMENT_NUMBER,
                lang.pick(
                    format!("評価書番号「{number}」は、同じ評価実施機関（{body}）の {list} でも使われています。評価書番号は計画管理書で評価書ごとに付ける番号です。"),
                    format!("評価書番号 「{number}」 is also used by {list} of the same body ({body}); each assessment has its own number in the 計画管理書."),
                ),
            )
            .path("cover.number")
            .at(key.number_at)
            .help(lang.pick("計画管理書の評価書番号と照らし合わせ、どちらかを直してください。", "check the numbers against the 計画管理書 and correct one."));
            if let Some(f) = found.get_mut(i) {
                f.push(d);
            }
        }
    }
}

/// `paired-assessment-missing` and `paired-assessment-mismatch`. The rules apply to a 評価実施機関
/// only when the files given hold both a 基礎項目評価書 and a 重点項目評価書 or 全項目評価書 of it: a
/// body that keeps any of those in pia keeps all of them, and a body whose 重点/全項目評価書 are kept
/// elsewhere (or not yet in YAML, like the 熊本市 seed's) is not asked for them.
fn pairing(keys: &[Option<AcrossKey>], names: &[String], lang: Lang, found: &mut [Vec<Diagnostic>]) {
    let held: HashSet<(&str, FormKind)> =
        keys.iter().flatten().filter_map(|k| Some((k.body.as_str(), k.side.as_ref()?.kind))).collect();
    let index = by_assessment(keys);
    let holds = |k: &AcrossKey, kind: FormKind| {
        index.get(&(k.body.as_str(), &k.number)).is_some_and(|is| {
            is.iter().any(|&i| {
                keys.get(i).and_then(Option::as_ref).and_then(|o| o.side.as_ref()).is_some_and(|s| s.kind == kind)
            })
        })
    };
    let name = |i: usize| names.get(i).map_or("", String::as_str);
    let mut push = |i: usize, d: Diagnostic| {
        if let Some(f) = found.get_mut(i) {
            f.push(d);
        }
    };
    for (i, key) in keys.iter().enumerate() {
        let Some((key, side)) = key.as_ref().and_then(|k| Some((k, k.side.as_ref()?))) else { continue };
        if side.kind == BASE {
            // Ⅳ1 asks for a form of this body's that is not there.
            let keeps_any = FormKind::ALL.iter().any(|k| *k != BASE && held.contains(&(key.body.as_str(), *k)));
            // A partner of the number of another form than Ⅳ1 names is a mismatch, reported below.
            let partnered = FormKind::ALL.iter().any(|k| *k != BASE && holds(key, *k));
            if let Some(wanted) = side.submitted().and_then(asked_for)
                && keeps_any
                && !partnered
            {
                push(i, missing_partner(key, side, wanted, lang));
            }
        } else if held.contains(&(key.body.as_str(), BASE)) && !holds(key, BASE) {
            push(i, missing_base(key, side.kind, lang));
        }
    }
    for pair in pairs(keys) {
        let (base_name, partner_name) = (name(pair.base), name(pair.partner));
        for c in pair.comparisons().iter().filter(|c| !c.agrees()) {
            match c.item {
                // Ⅳ1 is the 基礎項目評価書's: reported there.
                Shared::Submitted => push(pair.base, submitted_mismatch(c, &pair, partner_name, lang)),
                _ => push(pair.partner, mismatch(c, partner_name, base_name, lang)),
            }
        }
    }
}

/// A 基礎項目評価書 whose Ⅳ1 asks for a form (`wanted`) that is not among the files of a body
/// that keeps its 重点/全項目評価書 in pia: at Ⅳ1.
fn missing_partner(key: &AcrossKey, side: &Side, wanted: FormKind, lang: Lang) -> Diagnostic {
    let (body, number) = (&key.body_shown, &key.number_text);
    let said = side.submitted().map_or("", SubmittedAssessments::label);
    let (title, label) = (wanted.title(), wanted.label());
    let at = side.get(Shared::Submitted).and_then(|s| s.at);
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISSING,
        lang.pick(
            format!("Ⅳ1 は「{said}」ですが、{body} の評価書番号「{number}」の{title}（{label}）が、指定したファイルの中にありません。"),
            format!("Ⅳ1 says 「{said}」, but the {title} ({label}) of {body} numbered 「{number}」 is not among the files given."),
        ),
    )
    .path(Shared::Submitted.pointer(BASE).map(|p| p.trim_start_matches('/').replace('/', ".")).unwrap_or_default())
    .at(at)
    .help(lang.pick(
        format!("同じ評価実施機関名・評価書番号の{label}を同じフォルダに置くか、Ⅳ1 と評価書番号を確かめてください。"),
        format!("put the {label} with the same body and number in the folder, or check Ⅳ1 and the numbers."),
    ))
}

/// A form paired with a 基礎項目評価書 whose body has 基礎項目評価書 among the files, but not this
/// one: at its 評価書番号.
fn missing_base(key: &AcrossKey, kind: FormKind, lang: Lang) -> Diagnostic {
    let (body, number) = (&key.body_shown, &key.number_text);
    let (base_title, base_label, title) = (BASE.title(), BASE.label(), kind.title());
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISSING,
        lang.pick(
            format!("{body} の評価書番号「{number}」の{base_title}（{base_label}）が、指定したファイルの中にありません。{title}は{base_title}と組で提出します。"),
            format!("The {base_title} ({base_label}) of {body} numbered 「{number}」 is not among the files given; a {title} is submitted with its {base_title}."),
        ),
    )
    .path("cover.number")
    .item(crate::schema::item_for_pointer(kind, "/cover/number"))
    .at(key.number_at)
    .help(lang.pick(
        format!("同じ評価実施機関名・評価書番号の{base_label}を同じフォルダに置くか、評価書番号を確かめてください。"),
        format!("put the {base_label} with the same body and number in the folder, or check the numbers."),
    ))
}

/// The 基礎項目評価書's Ⅳ1 does not name the form its partner is: at Ⅳ1.
fn submitted_mismatch(c: &Comparison<'_>, pair: &Pair<'_>, partner_name: &str, lang: Lang) -> Diagnostic {
    let (said, expected) = (c.shown(0, lang), c.shown(1, lang));
    let [_, partner_kind] = pair.kinds();
    let number = pair.base_side.get(Shared::Number).map(|s| s.value.shown(lang)).unwrap_or_default();
    let title = partner_kind.title();
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISMATCH,
        lang.pick(
            format!("Ⅳ1 は「{said}」ですが、同じ評価書番号「{number}」の{title} {partner_name} があります。"),
            format!("Ⅳ1 says 「{said}」, but {partner_name} is a {title} with the same number 「{number}」."),
        ),
    )
    .item(Some(c.item_label(0)))
    .path(c.path(0))
    .at(c.at(0))
    .severity(c.severity().unwrap_or(Severity::Error))
    .help(lang.pick(
        format!("Ⅳ1 を「{expected}」にするか、評価書番号を確かめてください。"),
        format!("set Ⅳ1 to 「{expected}」 or check the numbers."),
    ))
}

/// One disagreement, at the partner's value, naming the 基礎項目評価書's value and line.
fn mismatch(c: &Comparison<'_>, partner_name: &str, base_name: &str, lang: Lang) -> Diagnostic {
    let (mine, theirs) = (c.shown(1, lang), c.shown(0, lang));
    let line = c.line(0).map_or_else(String::new, |l| lang.pick(format!(" {l}行目"), format!(" line {l}")));
    let (base_item, base_title) = (c.item_label(0), BASE.title());
    let help = match c.item {
        Shared::Published => lang.pick(
            "組の評価書は同じ評価として一緒に公表します。片方だけを修正して公表したのでなければ、公表日を確かめてください。",
            "the two forms are one assessment, published together: unless only one of them was revised and published, check the dates.",
        ),
        _ => lang.pick(
            "基礎項目評価書と重点項目評価書は同じ事務の同じ評価です。どちらが正しいかを確かめ、もう一方を合わせてください。",
            "the two forms describe one assessment of one affair: find which is right and make the other agree.",
        ),
    };
    Diagnostic::new(
        PAIRED_ASSESSMENT_MISMATCH,
        lang.pick(
            format!("{partner_name} では「{mine}」ですが、組になる{base_title} {base_name}{line} の {base_item} は「{theirs}」です。"),
            format!("「{mine}」 in {partner_name}, but {base_item} of the paired {base_title} {base_name}{line} is 「{theirs}」."),
        ),
    )
    .item(Some(c.item_label(1)))
    .path(c.path(1))
    .at(c.at(1))
    .severity(c.severity().unwrap_or(Severity::Error))
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shared_item_is_named_by_its_forms_schema() {
        for kind in FormKind::ALL {
            for item in Shared::ALL {
                if let Some(pointer) = item.pointer(*kind) {
                    assert!(
                        crate::schema::item_for_pointer(*kind, pointer).is_some(),
                        "{} {pointer} has no title in the schema",
                        kind.label()
                    );
                }
            }
        }
    }

    #[test]
    fn each_form_but_the_base_pairs_with_the_iv1_answer_that_names_it() {
        for kind in FormKind::ALL.iter().copied().filter(|k| *k != BASE) {
            let answer = submitted_with(kind).unwrap_or_else(|| panic!("{} pairs with no Ⅳ1 answer", kind.label()));
            assert_eq!(asked_for(answer), Some(kind));
            // Only the form itself stands for Ⅳ1; every other shared item is written in it.
            assert_eq!(Shared::Submitted.pointer(kind), None);
        }
        assert_eq!(submitted_with(BASE), None);
        assert_eq!(asked_for(SubmittedAssessments::Kiso), None);
        // 様式4 is not read yet: a 基礎+全項目 is asked for nothing.
        assert_eq!(asked_for(SubmittedAssessments::KisoZenkomoku), Some(FormKind::Zenkomoku));
    }

    #[test]
    fn agreement_compares_the_text_not_what_is_shown_and_choices_by_key() {
        let text = |t: &str, shown: &str| Value::Text { text: t.to_owned(), shown: shown.to_owned() };
        assert!(text("国保", "（非公表）").agrees(&text("国保", "国保")), "withheld or not, the text decides");
        assert!(!text("国保", "国保").agrees(&text("後期", "後期")));
        let choice = |key, shown| Value::Choice { key, shown };
        assert!(
            choice("kiso+juten", "基礎項目評価及び重点項目評価の実施が義務付けられる")
                .agrees(&choice("kiso+juten", "other wording"))
        );
        assert!(!choice("kiso", "a").agrees(&choice("kiso+juten", "a")));
    }
}
