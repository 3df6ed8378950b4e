//! What changed between two versions of an assessment, as proposed 変更箇所 rows.

use serde::Serialize;
use serde_json::Value;

use crate::history::{ItemRef, Section, may_be_important};
use crate::lang::Lang;
use crate::model::kiso::SubmittedAssessments;
use crate::model::parts::HistoryRow;
use crate::model::vocab::Timing;
use crate::model::{FormKind, KisoAssessment, Text};
use crate::schema::item_for_pointer;
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

/// Values that are not content of the form, or are derived from other values.
const NOT_COMPARED: &[&str] = &["/form", "/revision", "/last_assessment", "/history", "/cover/published"];

fn compared(pointer: &str) -> bool {
    !NOT_COMPARED.iter().any(|p| pointer == *p || pointer.starts_with(&format!("{p}/"))) && !pointer.ends_with("/count")
}

/// Leaves of the model's JSON: scalars, and `{text, withheld}` objects as one value.
fn leaves(value: &Value, pointer: String, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) if !(map.contains_key("text") && map.contains_key("withheld")) => {
            for (k, v) in map {
                leaves(v, format!("{pointer}/{}", crate::yaml::escape_pointer_segment(k)), out);
            }
        }
        Value::Null => {}
        _ => out.push((pointer, value.clone())),
    }
}

fn text_of(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Object(m) => m.get("text").and_then(Value::as_str),
        _ => None,
    }
}

/// The reason a leaf is withheld, when it is.
fn withheld_reason(value: Option<&Value>) -> Option<&str> {
    value?.get("withheld").and_then(Value::as_str)
}

/// The part of a title after the item number (`Ⅳ 4. ［ ］委託しない` → `［ ］委託しない`).
fn label_after_number(title: &str) -> &str {
    title.split_once(". ").map_or(title, |(_, rest)| rest)
}

/// A value as the form prints it in 変更箇所.
fn printed(pointer: &str, value: Option<&Value>) -> Option<String> {
    let value = value?;
    if pointer.ends_with("/as_of") {
        let date = value.as_str().and_then(|s| Date::parse(s).ok())?;
        return Some(format!("{}時点", date.to_wareki_fullwidth()));
    }
    match value {
        Value::Bool(b) => {
            let title = item_for_pointer(FormKind::Kiso, pointer).unwrap_or_default();
            let label = label_after_number(&title).replace("［ ］", "");
            Some(format!("［{}］{label}", if *b { "○" } else { "　" }))
        }
        other => text_of(other).map(str::to_owned).or_else(|| Some(other.to_string())),
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

/// One changed value: its pointer, before and after.
type Change = (String, Option<Value>, Option<Value>);

/// The result of comparing two versions.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub rows: Vec<ProposedRow>,
}

/// The printed before/after of one changed item, each leaf labelled when the item changed in
/// more than one place, so 変更前 and 変更後 always speak of the same things.
fn printed_cells(changes: &[Change]) -> (Vec<String>, Vec<String>) {
    let labelled = changes.len() > 1;
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (p, b, a) in changes {
        let (pb, pa) = (printed(p, b.as_ref()), printed(p, a.as_ref()));
        let (pb, pa) = match (&pb, &pa) {
            // Only the withholding changed: the whole text, or the row would say nothing.
            (Some(x), Some(y)) if b.as_ref().and_then(text_of).is_some() && x != y => {
                let (x, y) = changed_part(x, y);
                (Some(x), Some(y))
            }
            _ => (pb, pa),
        };
        let is_box = matches!(b.as_ref().or(a.as_ref()), Some(Value::Bool(_)));
        let label = |text: String| match item_for_pointer(FormKind::Kiso, p) {
            Some(title) if labelled && !is_box => format!("{}：{text}", label_after_number(&title)),
            _ => text,
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
    let old_reason = changes.iter().find_map(|(_, b, _)| withheld_reason(b.as_ref()));
    let new_reason = changes.iter().find_map(|(_, _, a)| withheld_reason(a.as_ref()));
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

/// Compares two valid assessments and proposes one row per changed form item.
pub fn compare(old: &KisoAssessment, new: &KisoAssessment, lang: Lang) -> Comparison {
    let (mut old_leaves, mut new_leaves) = (Vec::new(), Vec::new());
    leaves(&serde_json::to_value(old).unwrap_or(Value::Null), String::new(), &mut old_leaves);
    leaves(&serde_json::to_value(new).unwrap_or(Value::Null), String::new(), &mut new_leaves);
    // Items the new version's edition adds: one 「項目の追加」 row each, not a row per value.
    let added = FormKind::Kiso.items_added(old.revision, new.revision);

    // Changed leaves, in the order of the form (the new version's order, then removed ones).
    let mut pointers: Vec<String> = new_leaves.iter().map(|(p, _)| p.clone()).collect();
    for (p, _) in &old_leaves {
        if !pointers.contains(p) {
            pointers.push(p.clone());
        }
    }
    let get = |leaves: &[(String, Value)], p: &str| leaves.iter().find(|(q, _)| q == p).map(|(_, v)| v.clone());
    let mut groups: Vec<(ItemRef, Vec<Change>)> = Vec::new();
    for p in pointers.into_iter().filter(|p| compared(p)) {
        let (b, a) = (get(&old_leaves, &p), get(&new_leaves, &p));
        // Only the reason for withholding changed: nothing the form prints changed.
        let same_text =
            b.as_ref().and_then(text_of).is_some() && b.as_ref().and_then(text_of) == a.as_ref().and_then(text_of);
        let same_withholding = withheld_reason(b.as_ref()).is_some() == withheld_reason(a.as_ref()).is_some();
        if b == a || (same_text && same_withholding) {
            continue;
        }
        let Some(item) = item_for_pointer(FormKind::Kiso, &p).and_then(|t| ItemRef::of_title(&t)) else { continue };
        if added.iter().any(|a| p == *a || p.starts_with(&format!("{a}/"))) {
            continue; // reported once below as 項目の追加
        }
        match groups.iter_mut().find(|(i, _)| *i == item) {
            Some((_, changes)) => changes.push((p, b, a)),
            None => groups.push((item, vec![(p, b, a)])),
        }
    }

    let submitted_high = new.risk_measures.submitted != SubmittedAssessments::Kiso;
    // A change that raises what the しきい値判断 requires, or the 評価書 to submit, needs the new
    // 重点/全項目評価 before it takes effect (a re-assessment, regulation.md §1.7): 事前.
    let raises = new.threshold_items.required().level() > old.threshold_items.required().level()
        || new.risk_measures.submitted.level() > old.risk_measures.submitted.level();
    let mut rows = Vec::new();
    for pointer in &added {
        // Named as the seed names such rows: the item's title with the form's full-width period.
        let Some(title) = item_for_pointer(FormKind::Kiso, pointer) else { continue };
        rows.push(ProposedRow {
            item: title.replacen(". ", "．", 1),
            before: None,
            after: Some(Text::new(reasons::ITEM_ADDED)),
            timing: Timing::After,
            reason: Some(reasons::NEW_FORM.to_owned()),
            note: lang.pick(
                format!("{}版の様式で追加された項目", new.revision),
                format!("an item added by the {} form", new.revision),
            ),
            classified: true,
            pointers: vec![(*pointer).to_owned()],
        });
    }
    let unclassified = lang.pick(
        "分類できない変更: 重要な変更に当たるか、提出時期（事前／事後）と説明を担当者が判断してください",
        "not classified: a person must decide whether this is a 重要な変更, and the timing and explanation",
    );
    for (item, changes) in groups {
        let (before, after, withholding) = cells(&changes);
        let only = |suffix: &str| changes.iter().all(|(p, _, _)| p.ends_with(suffix));
        let about_threshold =
            matches!((item.section, item.number), (Section::II, _) | (Section::III, _) | (Section::IV, Some(1)));
        let (timing, reason, note, classified) = if withholding == Withholding::Lifted {
            (
                Timing::After,
                None,
                lang.pick(
                    "非公表の解除: 非公表としていた記載を公表します（変更前の記載は非公表のまま）。担当者が判断してください",
                    "withholding lifted: the text is public from now on (the old text stays withheld); a person must decide",
                ),
                false,
            )
        } else if raises && about_threshold {
            (
                Timing::Before,
                None,
                lang.pick(
                    "しきい値判断の結果（又は提出する評価書）が上がる変更: 変更の前に重点項目評価又は全項目評価を実施して提出します（事前）。説明は担当者が書いてください",
                    "raises the しきい値判断 result (or the 評価書 submitted): the 重点/全項目評価 is due before the change (事前); a person writes the explanation",
                ),
                false,
            )
        } else if only("/as_of") {
            (
                Timing::After,
                Some(reasons::COUNT_DATE),
                lang.pick("計数の時点だけの変更", "only the count date changed"),
                true,
            )
        } else if changes.iter().all(|(p, _, _)| p == "/related_info/department/name")
            && withholding == Withholding::None
        {
            (
                Timing::After,
                Some(reasons::RENAME),
                lang.pick("担当部署の名称の変更", "the department was renamed"),
                true,
            )
        } else {
            let timing = if submitted_high && may_be_important(&item) { Timing::Before } else { Timing::After };
            (timing, None, unclassified, false)
        };
        rows.push(ProposedRow {
            item: item.to_string(),
            before,
            after,
            timing,
            reason: reason.map(str::to_owned),
            note: note.to_owned(),
            classified,
            pointers: changes.into_iter().map(|(p, _, _)| p).collect(),
        });
    }
    Comparison { rows }
}

/// Rows of `proposed` that `existing` does not already record (same item, before and after).
pub fn not_yet_recorded<'a>(proposed: &'a [ProposedRow], existing: &[HistoryRow]) -> Vec<&'a ProposedRow> {
    proposed.iter().filter(|p| recorded_as(p, existing).is_none()).collect()
}

/// The index of the existing row that records `proposed` (same item, before and after), if any.
pub fn recorded_as(proposed: &ProposedRow, existing: &[HistoryRow]) -> Option<usize> {
    fn text(t: &Option<Text>) -> Option<&str> {
        t.as_ref().map(Text::as_str)
    }
    let same_item = |a: &str, b: &str| a == b || ItemRef::parse(a).is_some_and(|x| ItemRef::parse(b) == Some(x));
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
}
