//! What changed between two versions of an assessment, as proposed 変更箇所 rows.
//!
//! The versions are walked side by side along the form's schema. The elements of a repeated
//! block (ファイル, システム, 委託事項, 提供先, 移転先) are matched first where an element is the same
//! in both (wherever it moved), then by position among the others; a whole element added or
//! removed is one row named by its block (「Ⅱ 4. 委託事項3（ファイル1 …）」), a value changed inside
//! one names the block it is in (「Ⅱ 4. 委託事項2 ③委託先名（ファイル1 …）」).

use serde::Serialize;
use serde_json::Value;

use crate::history::{ItemRef, Section, may_be_important};
use crate::lang::Lang;
use crate::model::kiso::SubmittedAssessments;
use crate::model::parts::HistoryRow;
use crate::model::vocab::Timing;
use crate::model::{Assessment, FormKind, Text};
use crate::schema::{ItemName, is_block, item_name_at};
use crate::wareki::Date;

/// The explanations pia proposes for changes it can classify (the seed's stock phrases).
pub mod reasons {
    pub const COUNT_DATE: &str = "集計時点の変更のため、重要な変更に該当しない。";
    pub const RENAME: &str = "組織変更に伴う単なる名称変更であるため、重要な変更に該当しない。";
    pub const NEW_FORM: &str = "新様式への変更";
    pub const ITEM_ADDED: &str = "項目の追加";
}

/// One cell of a proposed row: the text as the form prints it and, when the item is withheld in
/// either version, the reason it stays out of the public version.
pub type Cell = Text;

/// One proposed 変更箇所 row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposedRow {
    pub item: String,
    pub before: Option<Cell>,
    pub after: Option<Cell>,
    pub timing: Timing,
    pub reason: Option<String>,
    /// Why pia proposes this, or that a person must decide.
    pub note: String,
    /// True when pia classified the change; false when a person must decide 提出時期 and 説明.
    pub classified: bool,
    /// JSON pointers of the values that changed.
    pub pointers: Vec<String>,
}

impl ProposedRow {
    /// The row as it goes into the file, dated `date`; a row pia could not classify carries the
    /// `to_decide` marker, so `pia check` reports it until a person has decided.
    pub fn to_history_row(&self, date: Date) -> HistoryRow {
        HistoryRow {
            date,
            item: self.item.clone(),
            before: self.before.clone(),
            after: self.after.clone(),
            timing: Some(self.timing),
            reason: self.reason.clone().map(Text::new),
            to_decide: (!self.classified).then(|| TO_DECIDE.to_owned()),
        }
    }

    /// True when a cell of the row is withheld from the public version.
    pub fn has_withheld(&self) -> bool {
        [&self.before, &self.after].into_iter().flatten().any(Text::is_withheld)
    }
}

/// The marker text `amend` writes into a row pia could not classify (a person removes it).
pub const TO_DECIDE: &str = "pia が分類できなかった変更です。重要な変更に当たるか、提出時期と説明を判断して行を直し、この項目を削除してください。";

/// Values that are not content of the form, or are derived from other values (what pia keeps
/// beside the form, `x-pia-tag: pia`, is left out by the schema).
const NOT_COMPARED: &[&str] = &["/form", "/revision", "/history", "/cover/published"];

fn compared(pointer: &str) -> bool {
    !NOT_COMPARED.iter().any(|p| pointer == *p || pointer.starts_with(&format!("{p}/")))
}

/// A `{text, withheld}` value: one value, not an object of the form.
fn is_marked_text(value: &Value) -> bool {
    matches!(value, Value::Object(map) if map.contains_key("text") && map.contains_key("withheld"))
}

/// The text of a value: a text, a withheld text, or a list of texts one per line.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("text").and_then(Value::as_str).map(str::to_owned),
        Value::Array(items) => items.iter().map(text_of).collect::<Option<Vec<_>>>().map(|lines| lines.join("\n")),
        _ => None,
    }
}

/// The reason a value is withheld, when it is (for a list, the first withheld line's).
fn withheld_reason(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::Array(items) => items.iter().find_map(|v| withheld_reason(Some(v))),
        v => v.get("withheld").and_then(Value::as_str),
    }
}

/// The part of a title after the item number (`Ⅳ 4. ［ ］委託しない` → `［ ］委託しない`).
fn label_after_number(title: &str) -> &str {
    title.split_once(". ").map_or(title, |(_, rest)| rest)
}

/// The words of a box after its 「［ ］」 (`Ⅱ 2. ④・識別情報［ ］個人番号` → `個人番号`), when the
/// title is a box.
fn box_label(title: &str) -> Option<&str> {
    title.split_once("［ ］").map(|(_, rest)| rest)
}

/// A value as the form prints it in 変更箇所: a box as 「［○］…」 (a box with text in its
/// brackets, 「［○］その他（中間サーバー）」), a date in 和暦.
fn printed(name: &ItemName, pointer: &str, value: Option<&Value>, other: Option<&Value>) -> Option<String> {
    let boxed = box_label(&name.title);
    let Some(value) = value else {
        // An emptied text box prints unchecked, as its other version prints checked.
        return boxed.filter(|_| other.is_some()).map(|label| format!("［　］{label}"));
    };
    if name.date {
        let date = value.as_str().and_then(|s| Date::parse(s).ok())?;
        let suffix = if pointer.ends_with("/as_of") { "時点" } else { "" };
        return Some(format!("{}{suffix}", date.to_wareki_fullwidth()));
    }
    match (value, boxed) {
        (Value::Bool(b), _) => {
            let label = boxed.map_or_else(|| label_after_number(&name.title).to_owned(), str::to_owned);
            Some(format!("［{}］{label}", if *b { "○" } else { "　" }))
        }
        (other, Some(label)) if text_of(other).is_some() => {
            let text = text_of(other).unwrap_or_default();
            Some(match label.split_once("（ ）") {
                Some((head, tail)) => format!("［○］{head}（{text}）{tail}"),
                None => format!("［○］{label}：{text}"),
            })
        }
        (other, _) => text_of(other).or_else(|| Some(other.to_string())),
    }
}

/// Splits text into lines and sentences, each keeping its terminator.
pub(crate) fn segments(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '。' {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The changed sentences of a long text: common leading and trailing sentences are dropped.
fn changed_part(before: &str, after: &str) -> (String, String) {
    let (b, a) = (segments(before), segments(after));
    if b.len() <= 1 && a.len() <= 1 {
        return (before.to_owned(), after.to_owned());
    }
    let prefix = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let max_suffix = b.len().min(a.len()) - prefix;
    let suffix = b.iter().rev().zip(a.iter().rev()).take(max_suffix).take_while(|(x, y)| x == y).count();
    let join = |s: &[&str]| s.concat().trim_end_matches('\n').to_owned();
    let middle = |s: &[&str]| join(s.get(prefix..s.len() - suffix).unwrap_or_default());
    (middle(&b), middle(&a))
}

/// One changed value: where it is, what the schema says of it there, before and after.
struct Change {
    pointer: String,
    name: ItemName,
    before: Option<Value>,
    after: Option<Value>,
}

/// What walking two versions finds: a changed value, or a whole element of a repeated block
/// added or removed (`pointer` into the version that has it).
enum Found {
    Value { old_at: String, new_at: String, before: Option<Value>, after: Option<Value> },
    Element { pointer: String, value: Value, added: bool },
}

/// How an element of a repeated block pairs across two versions (its indices in each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paired {
    Both(usize, usize),
    Added(usize),
    Removed(usize),
}

/// Pairs the elements of a repeated block in two versions: an element unchanged in both is
/// itself wherever it moved, the others are paired by position among those left (so a removed
/// 委託事項 is one removal, not a change of every later one). The new version's order, then the
/// old elements left over.
fn pair(old: &[Value], new: &[Value]) -> Vec<Paired> {
    let mut taken = vec![false; old.len()];
    let mut partner: Vec<Option<usize>> = vec![None; new.len()];
    for (n, slot) in new.iter().zip(partner.iter_mut()) {
        let same = old.iter().zip(taken.iter_mut()).enumerate().find(|(_, (o, t))| !**t && *o == n);
        if let Some((i, (_, t))) = same {
            *t = true;
            *slot = Some(i);
        }
    }
    let mut left = taken.iter_mut().enumerate().filter(|(_, t)| !**t);
    for slot in partner.iter_mut().filter(|p| p.is_none()) {
        if let Some((i, t)) = left.next() {
            *t = true;
            *slot = Some(i);
        }
    }
    let mut pairs: Vec<Paired> =
        partner.into_iter().enumerate().map(|(j, i)| i.map_or(Paired::Added(j), |i| Paired::Both(i, j))).collect();
    pairs.extend(taken.iter().enumerate().filter(|(_, t)| !**t).map(|(i, _)| Paired::Removed(i)));
    pairs
}

/// Walks two versions of a form side by side, along the objects of the form and the elements
/// of its repeated blocks, collecting what changed.
fn walk(kind: FormKind, old: Option<&Value>, new: Option<&Value>, old_at: &str, new_at: &str, out: &mut Vec<Found>) {
    fn object(v: Option<&Value>) -> Option<&serde_json::Map<String, Value>> {
        v.filter(|v| !is_marked_text(v)).and_then(Value::as_object)
    }
    let (old, new) = (old.filter(|v| !v.is_null()), new.filter(|v| !v.is_null()));
    if !compared(new_at) || (old.is_none() && new.is_none()) {
        return;
    }
    let (old_object, new_object) = (object(old), object(new));
    let objects = (old.is_none() || old_object.is_some()) && (new.is_none() || new_object.is_some());
    let arrays = old.is_none_or(Value::is_array) && new.is_none_or(Value::is_array);
    if objects {
        let mut keys: Vec<&String> = new_object.into_iter().flat_map(|m| m.keys()).collect();
        for k in old_object.into_iter().flat_map(|m| m.keys()) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        for k in keys {
            let segment = crate::yaml::escape_pointer_segment(k);
            let (o, n) = (old_object.and_then(|m| m.get(k)), new_object.and_then(|m| m.get(k)));
            walk(kind, o, n, &format!("{old_at}/{segment}"), &format!("{new_at}/{segment}"), out);
        }
    } else if arrays && is_block(kind, new_at) {
        let (olds, news) = (old.and_then(Value::as_array), new.and_then(Value::as_array));
        let (olds, news) = (olds.map_or(&[][..], Vec::as_slice), news.map_or(&[][..], Vec::as_slice));
        for paired in pair(olds, news) {
            match paired {
                Paired::Both(i, j) => {
                    walk(kind, olds.get(i), news.get(j), &format!("{old_at}/{i}"), &format!("{new_at}/{j}"), out);
                }
                Paired::Added(j) => out.extend(news.get(j).map(|n| Found::Element {
                    pointer: format!("{new_at}/{j}"),
                    value: n.clone(),
                    added: true,
                })),
                Paired::Removed(i) => out.extend(olds.get(i).map(|o| Found::Element {
                    pointer: format!("{old_at}/{i}"),
                    value: o.clone(),
                    added: false,
                })),
            }
        }
    } else if old != new {
        out.push(Found::Value {
            old_at: old_at.to_owned(),
            new_at: new_at.to_owned(),
            before: old.cloned(),
            after: new.cloned(),
        });
    }
}

/// The result of comparing two versions.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    #[serde(skip)]
    pub kind: FormKind,
    pub rows: Vec<ProposedRow>,
}

/// Why two assessments cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("the versions are on different forms ({} and {}): compare two versions of one form", .old.label(), .new.label())]
    DifferentForms { old: FormKind, new: FormKind },
}

/// The printed before/after of one changed item, each leaf labelled when the item changed in
/// more than one place, so 変更前 and 変更後 always speak of the same things.
fn printed_cells(changes: &[Change]) -> (Vec<String>, Vec<String>) {
    let labelled = changes.len() > 1;
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for c in changes {
        let (b, a) = (c.before.as_ref(), c.after.as_ref());
        let (pb, pa) = (printed(&c.name, &c.pointer, b, a), printed(&c.name, &c.pointer, a, b));
        let (pb, pa) = match (&pb, &pa) {
            // A list (別添1) changes by lines: each line ends with its line break.
            (Some(x), Some(y)) if matches!(b, Some(Value::Array(_))) => {
                let (x, y) = changed_part(&format!("{x}\n"), &format!("{y}\n"));
                (Some(x), Some(y))
            }
            // Only the withholding changed: the whole text, or the row would say nothing.
            (Some(x), Some(y)) if b.and_then(text_of).is_some() && x != y => {
                let (x, y) = changed_part(x, y);
                (Some(x), Some(y))
            }
            _ => (pb, pa),
        };
        let is_box = matches!(b.or(a), Some(Value::Bool(_))) || box_label(&c.name.title).is_some();
        let label = |text: String| {
            if labelled && !is_box { format!("{}：{text}", label_after_number(&c.name.title)) } else { text }
        };
        before.extend(pb.filter(|s| !s.is_empty()).map(label));
        after.extend(pa.filter(|s| !s.is_empty()).map(label));
    }
    (before, after)
}

/// The cells of a row; withheld whenever the item is withheld in either version (a 変更箇所 row
/// must never publish what the item keeps out of the public version).
fn cells(changes: &[Change]) -> (Option<Cell>, Option<Cell>, Withholding) {
    let (before, after) = printed_cells(changes);
    let old_reason = changes.iter().find_map(|c| withheld_reason(c.before.as_ref()));
    let new_reason = changes.iter().find_map(|c| withheld_reason(c.after.as_ref()));
    let cell = |lines: Vec<String>, reason: Option<&str>| {
        (!lines.is_empty()).then(|| Text { text: lines.join("\n"), withheld: reason.map(str::to_owned) })
    };
    let withholding = match (old_reason, new_reason) {
        (Some(_), None) => Withholding::Lifted,
        (None, Some(_)) => Withholding::Started,
        (Some(_), Some(_)) => Withholding::Kept,
        (None, None) => Withholding::None,
    };
    // The old text is withheld if either version withholds the item; the new text if the new
    // version does (lifting the withholding makes it public in the item itself).
    (cell(before, old_reason.or(new_reason)), cell(after, new_reason), withholding)
}

/// How a change touches withholding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Withholding {
    None,
    Kept,
    Started,
    /// 非公表の解除: withheld before, public now.
    Lifted,
}

/// The 担当部署's name: a change of it alone is a rename (組織変更).
fn department_pointer(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Kiso => "/related_info/department/name",
        FormKind::Juten | FormKind::Zenkomoku => "/basic_info/department/name",
    }
}

/// How a row of `assessment` names the item `name` at `pointer`, and the item it reads back as:
/// 様式2 as its seed does, by the numbered item and its circled sub-item (「Ⅰ 5 ①部署」); 様式3 as diagnostics
/// do, with the repeated blocks it is in (「Ⅱ 4. 委託事項2 ③委託先名（ファイル1 …）」), a box by
/// the item it belongs to (「Ⅱ 3. ①入手元」) and Ⅲ's items by the numbers this version prints.
fn row_item(assessment: &Assessment, name: &ItemName, pointer: &str) -> Option<(String, ItemRef)> {
    let kind = assessment.kind();
    match assessment {
        Assessment::Kiso(_) => ItemRef::of_title(kind, &name.title).map(|item| (item.to_string(), item)),
        Assessment::Juten(_) | Assessment::Zenkomoku(_) => {
            let same_item = |parent: &&String| {
                let head = |t: &str| t.split_once("［ ］").map_or(t, |(h, _)| h).trim().to_owned();
                let number = |t: &str| t.split_once(". ").map(|(n, _)| n.to_owned());
                let circled = |t: &str| label_after_number(t).chars().next().filter(|c| ('①'..='⑳').contains(c));
                number(parent) == number(&name.title) && circled(parent) == circled(&head(&name.title))
            };
            let title = match &name.parent_title {
                Some(parent) if box_label(&name.title).is_some() && same_item(&parent) => parent.as_str(),
                _ => name.title.as_str(),
            };
            let printed = match assessment {
                Assessment::Juten(a) => a.printed_title(pointer, title),
                _ => title.to_owned(),
            };
            let label = name.label_with(&printed);
            ItemRef::parse(kind, &label).map(|item| (label, item))
        }
    }
}

/// One row to propose, in the form's order: the changed values of one item, or a whole element
/// of a repeated block added or removed.
enum Entry {
    Item { label: String, item: ItemRef, changes: Vec<Change> },
    Element { label: String, pointer: String, value: Value, added: bool, important: bool },
}

/// What classifying a row needs to know about the two versions.
struct Context {
    kind: FormKind,
    lang: Lang,
    /// 様式2 whose Ⅳ1 submits a 重点/全項目評価書 too.
    submitted_high: bool,
    /// 様式2 whose しきい値判断 (or the 評価書 submitted) rises.
    raises: bool,
}

impl Context {
    fn unclassified(&self) -> &'static str {
        self.lang.pick(
            "分類できない変更: 重要な変更に当たるか、提出時期（事前／事後）と説明を担当者が判断してください",
            "not classified: a person must decide whether this is a 重要な変更, and the timing and explanation",
        )
    }

    /// A ※ item is a 重要な変更 candidate: 事前, and a person decides.
    fn important(&self) -> &'static str {
        self.lang.pick(
            "※の項目の変更: 重要な変更に当たるなら、変更の前に再評価（特定個人情報保護評価の再実施）を行って評価書を提出します（事前）。重要な変更に当たるか、提出時期と説明を担当者が判断してください",
            "a ※ item changed: if it is a 重要な変更, it needs a re-assessment (再評価) before the change (事前); a person must decide whether it is one, and the timing and explanation",
        )
    }

    /// A whole element holding ※ items (or in a ※ block) added or removed: the same.
    fn important_element(&self, added: bool) -> &'static str {
        match added {
            true => self.lang.pick(
                "※の項目を含むブロックの追加: 重要な変更に当たるなら、変更の前に再評価（特定個人情報保護評価の再実施）を行って評価書を提出します（事前）。重要な変更に当たるか、提出時期と説明を担当者が判断してください",
                "a block holding ※ items added: if it is a 重要な変更, it needs a re-assessment (再評価) before the change (事前); a person must decide whether it is one, and the timing and explanation",
            ),
            false => self.lang.pick(
                "※の項目を含むブロックの削除: 重要な変更に当たるなら、変更の前に再評価（特定個人情報保護評価の再実施）を行って評価書を提出します（事前）。重要な変更に当たるか、提出時期と説明を担当者が判断してください",
                "a block holding ※ items removed: if it is a 重要な変更, it needs a re-assessment (再評価) before the change (事前); a person must decide whether it is one, and the timing and explanation",
            ),
        }
    }

    fn row(&self, entry: Entry) -> ProposedRow {
        match entry {
            Entry::Item { label, item, changes } => {
                let (before, after, withholding) = cells(&changes);
                let (timing, reason, note, classified) = self.classify(&item, &changes, withholding);
                ProposedRow {
                    item: label,
                    before,
                    after,
                    timing,
                    reason: reason.map(str::to_owned),
                    note: note.to_owned(),
                    classified,
                    pointers: changes.into_iter().map(|c| c.pointer).collect(),
                }
            }
            Entry::Element { label, pointer, value, added, important } => {
                let summary = element_summary(&value);
                let (before, after) = if added { (None, summary) } else { (summary, None) };
                let (timing, note) = if important {
                    (Timing::Before, self.important_element(added))
                } else {
                    (Timing::After, self.unclassified())
                };
                ProposedRow {
                    item: label,
                    before,
                    after,
                    timing,
                    reason: None,
                    note: note.to_owned(),
                    classified: false,
                    pointers: vec![pointer],
                }
            }
        }
    }

    /// 提出時期, 説明, note and whether pia classified the change of one item.
    fn classify(
        &self,
        item: &ItemRef,
        changes: &[Change],
        withholding: Withholding,
    ) -> (Timing, Option<&'static str>, &'static str, bool) {
        let lang = self.lang;
        let only = |suffix: &str| changes.iter().all(|c| c.pointer.ends_with(suffix));
        let about_threshold =
            matches!((item.section, item.number), (Section::II, _) | (Section::III, _) | (Section::IV, Some(1)));
        if withholding == Withholding::Lifted {
            (
                Timing::After,
                None,
                lang.pick(
                    "非公表の解除: 非公表としていた記載を公表します（変更前の記載は非公表のまま）。担当者が判断してください",
                    "withholding lifted: the text is public from now on (the old text stays withheld); a person must decide",
                ),
                false,
            )
        } else if self.raises && about_threshold {
            (
                Timing::Before,
                None,
                lang.pick(
                    "しきい値判断の結果（又は提出する評価書）が上がる変更: 変更の前に重点項目評価又は全項目評価を実施して提出します（事前）。説明は担当者が書いてください",
                    "raises the しきい値判断 result (or the 評価書 submitted): the 重点/全項目評価 is due before the change (事前); a person writes the explanation",
                ),
                false,
            )
        } else if changes.iter().any(|c| c.name.important) {
            (Timing::Before, None, self.important(), false)
        } else if only("/as_of") {
            (
                Timing::After,
                Some(reasons::COUNT_DATE),
                lang.pick("計数の時点だけの変更", "only the count date changed"),
                true,
            )
        } else if changes.iter().all(|c| c.pointer == department_pointer(self.kind)) && withholding == Withholding::None
        {
            (
                Timing::After,
                Some(reasons::RENAME),
                lang.pick("担当部署の名称の変更", "the department was renamed"),
                true,
            )
        } else {
            let timing = if self.submitted_high && may_be_important(item) { Timing::Before } else { Timing::After };
            (timing, None, self.unclassified(), false)
        }
    }
}

/// The form two versions are on, or why they cannot be compared.
pub fn same_form(old: &Assessment, new: &Assessment) -> Result<FormKind, CompareError> {
    match (old.kind(), new.kind()) {
        (o, n) if o == n => Ok(n),
        (o, n) => Err(CompareError::DifferentForms { old: o, new: n }),
    }
}

/// Compares two valid versions of one assessment and proposes one row per changed form item
/// (per element of a repeated block), and one row per element added or removed.
pub fn compare(old: &Assessment, new: &Assessment, lang: Lang) -> Result<Comparison, CompareError> {
    let kind = same_form(old, new)?;
    let (old_json, new_json) = (old.to_json(), new.to_json());
    let mut found = Vec::new();
    walk(kind, Some(&old_json), Some(&new_json), "", "", &mut found);
    // Values the new version has come in the form's order; values only the old one has, after.
    found.sort_by_key(|f| match f {
        Found::Value { after, .. } => after.is_none(),
        Found::Element { added, .. } => !added,
    });
    // Items the new version's edition adds: one 「項目の追加」 row each, not a row per value.
    let added = kind.items_added(old.revision(), new.revision());
    let within = |p: &str, a: &str| p == a || p.starts_with(&format!("{a}/"));

    let mut entries: Vec<Entry> = Vec::new();
    for f in found {
        match f {
            Found::Value { old_at, new_at, before, after } => {
                // Only the reason for withholding changed: nothing the form prints changed.
                let same_text = before.as_ref().and_then(text_of).is_some()
                    && before.as_ref().and_then(text_of) == after.as_ref().and_then(text_of);
                let same_withholding =
                    withheld_reason(before.as_ref()).is_some() == withheld_reason(after.as_ref()).is_some();
                if same_text && same_withholding {
                    continue;
                }
                // Named in the version that has the value (the new one, unless it was removed).
                let (version, document, pointer) =
                    if after.is_some() { (new, &new_json, new_at.clone()) } else { (old, &old_json, old_at) };
                let Some(name) = item_name_at(kind, &pointer, document).filter(|n| n.printed) else { continue };
                let Some((label, item)) = row_item(version, &name, &pointer) else { continue };
                if added.iter().any(|a| within(&new_at, a)) {
                    continue; // reported once below as 項目の追加
                }
                let change = Change { pointer, name, before, after };
                let same = entries.iter_mut().find_map(|e| match e {
                    Entry::Item { label: l, changes, .. } if *l == label => Some(changes),
                    _ => None,
                });
                match same {
                    Some(changes) => changes.push(change),
                    None => entries.push(Entry::Item { label, item, changes: vec![change] }),
                }
            }
            Found::Element { pointer, value, added } => {
                let (version, document) = if added { (new, &new_json) } else { (old, &old_json) };
                let Some(name) = item_name_at(kind, &pointer, document).filter(|n| n.printed) else { continue };
                let Some((label, _)) = row_item(version, &name, &pointer) else { continue };
                let important = element_important(kind, &name, &pointer, &value, document);
                entries.push(Entry::Element { label, pointer, value, added, important });
            }
        }
    }

    let kiso = match (old, new) {
        (Assessment::Kiso(o), Assessment::Kiso(n)) => Some((o, n)),
        _ => None,
    };
    let context = Context {
        kind,
        lang,
        submitted_high: kiso.is_some_and(|(_, n)| n.risk_measures.submitted != SubmittedAssessments::Kiso),
        // A change that raises what the しきい値判断 requires, or the 評価書 to submit, needs the
        // new 重点/全項目評価 before it takes effect (a re-assessment, regulation.md §1.7): 事前.
        raises: kiso.is_some_and(|(o, n)| {
            n.threshold_items.required().level() > o.threshold_items.required().level()
                || n.risk_measures.submitted.level() > o.risk_measures.submitted.level()
        }),
    };
    let mut rows = Vec::new();
    for pointer in &added {
        // Named as the seed names such rows: the item's title with the form's full-width period.
        let Some(title) = crate::schema::item_for_pointer(kind, pointer) else { continue };
        rows.push(ProposedRow {
            item: title.replacen(". ", "．", 1),
            before: None,
            after: Some(Text::new(reasons::ITEM_ADDED)),
            timing: Timing::After,
            reason: Some(reasons::NEW_FORM.to_owned()),
            note: lang.pick(
                format!("{}版の様式で追加された項目", new.revision()),
                format!("an item added by the {} form", new.revision()),
            ),
            classified: true,
            pointers: vec![(*pointer).to_owned()],
        });
    }
    rows.extend(entries.into_iter().map(|e| context.row(e)));
    Ok(Comparison { kind, rows })
}

/// What an added or removed element prints in its row: its name, which is the element's first
/// item in every block of the form (a file's Ⅱ 1. 特定個人情報ファイル名, 委託事項の名称, 提供先の名称,
/// …), withheld when the name is.
fn element_summary(element: &Value) -> Option<Text> {
    let mut first = element;
    while let Value::Object(map) = first {
        if is_marked_text(first) {
            break;
        }
        first = map.values().find(|v| !v.is_null())?;
    }
    match first {
        Value::String(s) => Some(Text::new(s.clone())),
        marked => Some(Text { text: text_of(marked)?, withheld: withheld_reason(Some(marked)).map(str::to_owned) }),
    }
}

/// True when a whole element is ※: it or a block it is in is marked, or an item inside it is.
fn element_important(kind: FormKind, name: &ItemName, pointer: &str, element: &Value, document: &Value) -> bool {
    if name.important {
        return true;
    }
    let mut inside = Vec::new();
    walk(kind, None, Some(element), pointer, pointer, &mut inside);
    inside.iter().any(|f| match f {
        Found::Value { new_at, .. } => item_name_at(kind, new_at, document).is_some_and(|n| n.important),
        Found::Element { pointer, value, .. } => {
            item_name_at(kind, pointer, document).is_some_and(|n| element_important(kind, &n, pointer, value, document))
        }
    })
}

/// Rows of `proposed` that `existing` does not already record (same item, before and after).
pub fn not_yet_recorded<'a>(
    kind: FormKind,
    proposed: &'a [ProposedRow],
    existing: &[HistoryRow],
) -> Vec<&'a ProposedRow> {
    proposed.iter().filter(|p| recorded_as(kind, p, existing).is_none()).collect()
}

/// The index of the existing row that records `proposed` (same item, before and after), if any.
pub fn recorded_as(kind: FormKind, proposed: &ProposedRow, existing: &[HistoryRow]) -> Option<usize> {
    fn text(t: &Option<Text>) -> Option<&str> {
        t.as_ref().map(Text::as_str)
    }
    let same_item =
        |a: &str, b: &str| a == b || ItemRef::parse(kind, a).is_some_and(|x| ItemRef::parse(kind, b) == Some(x));
    existing.iter().position(|r| {
        same_item(&r.item, &proposed.item)
            && text(&r.before) == text(&proposed.before)
            && text(&r.after) == text(&proposed.after)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_show_only_the_changed_sentence() {
        let (b, a) = changed_part("一。二。三。", "一。二改。三。");
        assert_eq!((b.as_str(), a.as_str()), ("二。", "二改。"));
        let (b, a) = changed_part("行1\n行2\n", "行1\n行1.5\n行2\n");
        assert_eq!((b.as_str(), a.as_str()), ("", "行1.5"));
        let (b, a) = changed_part("短い", "短くない");
        assert_eq!((b.as_str(), a.as_str()), ("短い", "短くない"));
    }
    fn juten(text: &str) -> Assessment {
        let value: Value = serde_saphyr::from_str(text).unwrap();
        Assessment::Juten(Box::new(serde_json::from_value(value).unwrap()))
    }

    const BASE: &str = include_str!("../tests/fixtures/juten/base.yaml");

    fn proposed(edit: impl Fn(&str) -> String) -> Vec<ProposedRow> {
        compare(&juten(BASE), &juten(&edit(BASE)), Lang::Ja).unwrap().rows
    }

    #[test]
    fn juten_rows_name_the_block_and_the_file() {
        let rows =
            proposed(|t| t.replace("contractor: 見本情報システム株式会社", "contractor: 見本ソリューションズ株式会社"));
        let items: Vec<&str> = rows.iter().map(|r| r.item.as_str()).collect();
        assert_eq!(items, ["Ⅱ 4. 委託事項1 ③委託先名（ファイル1 国民健康保険被保険者ファイル）"]);
        // A box is named by its item, a date printed in 和暦, Ⅲ's once items by their printed number.
        let rows = proposed(|t| {
            t.replace("methods: {paper: true}", "methods: {paper: true, email: true}")
                .replace("use_start: 2016-01-01", "use_start: 2016-04-01")
                .replace("audit: {self_inspection: true}", "audit: {self_inspection: false}")
        });
        let shown: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| {
                (r.item.as_str(), r.before.as_ref().map_or("", Text::as_str), r.after.as_ref().map_or("", Text::as_str))
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Ⅱ 3. ②入手方法（ファイル1 国民健康保険被保険者ファイル）", "［　］電子メール", "［○］電子メール"),
                (
                    "Ⅱ 3. ⑥使用開始日（ファイル1 国民健康保険被保険者ファイル）",
                    "平成２８年１月１日",
                    "平成２８年４月１日"
                ),
                ("Ⅲ 9. 監査 実施の有無", "［○］自己点検", "［　］自己点検"),
            ]
        );
        // What pia writes, it reads back as an item of the form.
        for r in &rows {
            assert!(ItemRef::parse(FormKind::Juten, &r.item).is_some(), "{}", r.item);
        }
    }

    #[test]
    fn elements_pair_when_unchanged_then_by_position() {
        let v = |s: &[&str]| s.iter().map(|s| Value::String((*s).to_owned())).collect::<Vec<_>>();
        use Paired::*;
        // The first of two removed: one removal, the second unchanged.
        assert_eq!(pair(&v(&["A", "B"]), &v(&["B"])), [Both(1, 0), Removed(0)]);
        // A changed element pairs with the one in its place.
        assert_eq!(pair(&v(&["A", "B"]), &v(&["A", "B2"])), [Both(0, 0), Both(1, 1)]);
        assert_eq!(pair(&v(&["A"]), &v(&["A", "C"])), [Both(0, 0), Added(1)]);
        // Moved and changed: the unchanged one is itself, the changed one pairs with what is left.
        assert_eq!(pair(&v(&["A", "B"]), &v(&["B2", "A"])), [Both(1, 0), Both(0, 1)]);
        assert_eq!(pair(&v(&["A", "B", "C"]), &v(&["X"])), [Both(0, 0), Removed(1), Removed(2)]);
    }

    #[test]
    fn every_block_begins_with_its_name() {
        let schema = crate::schema::schema_value(FormKind::Juten);
        let deref = |node: &'static Value| -> &'static Value {
            let r = node.get("$ref").or_else(|| node.pointer("/items/$ref")).and_then(Value::as_str);
            r.and_then(|r| schema.pointer(r.trim_start_matches('#'))).unwrap_or(node)
        };
        let mut blocks = 0;
        let defs = schema["$defs"].as_object().unwrap().values().chain([schema]);
        for def in defs {
            for prop in def.get("properties").and_then(Value::as_object).into_iter().flatten().map(|(_, p)| p) {
                if prop.get("x-pia-block").is_none() {
                    continue;
                }
                blocks += 1;
                let mut node = deref(prop);
                while let Some((_, first)) =
                    node.get("properties").and_then(Value::as_object).and_then(|p| p.iter().next())
                {
                    let title = first["title"].as_str().unwrap();
                    node = deref(first);
                    if node.get("properties").is_none() {
                        assert!(title.contains('名'), "{title}");
                    }
                }
            }
        }
        assert_eq!(blocks, 5);
    }
}
