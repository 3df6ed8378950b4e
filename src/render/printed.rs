//! The printed items of a form read from its schema and the document: every label from the schema's titles.
//!
//! The forms drawn this way (様式3; 様式4 to come) have one Typst template, `items.typ`, that lays
//! out what this module builds: sections of numbered items, each a table of rows (a text, a
//! choice with its ＜選択肢＞, a row of ［ ］ boxes, a list, or a repeated block such as 委託事項2).
//! The order of the sections is the form's printed order, which is not always the model's (a
//! 様式3 file's Ⅱ, 別添1 and Ⅲ 1.〜7. are printed in three places): [`juten`] says it once.

use serde::Serialize;
use serde_json::Value;

use super::data::{Audience, ChoiceData, TextData, text};
use crate::model::{FormKind, Text};
use crate::schema_tree::{SchemaNode, Shape, Title};
use crate::wareki::Date;

/// A section of the form (`Ⅱ　特定個人情報ファイルの概要`), its items grouped per block (per file).
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub groups: Vec<Group>,
}

/// The items of a section that belong to one block (ファイル1 …), or to none.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// `ファイル1　国民健康保険ファイル`; `None` for the items of the whole document.
    pub heading: Option<String>,
    pub items: Vec<Item>,
}

/// A numbered item (`４．特定個人情報ファイルの取扱いの委託`) with the boxes printed in its
/// heading (［ ］委託しない) and its rows.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub heading: String,
    pub boxes: Vec<CheckBox>,
    pub rows: Vec<Row>,
}

/// One row of an item's table.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Row {
    /// A text or a date as printed; without a label, the value spans the row.
    Text {
        label: Option<String>,
        value: TextData,
    },
    Choice {
        label: String,
        choice: ChoiceData,
    },
    /// ［ ］ boxes on one row (①入手元: ［○］本人又は本人の代理人 ［ ］その他（…）).
    Boxes {
        label: String,
        boxes: Vec<CheckBox>,
    },
    /// One text per line (記録項目, the names of the files).
    List {
        label: Option<String>,
        values: Vec<TextData>,
    },
    /// One element of a repeated block (委託事項2) with its rows.
    Block {
        heading: String,
        rows: Vec<Row>,
    },
    /// A figure (図1): the image the render world serves at `path`
    /// ([`crate::figures::virtual_path`]), tagged with its alternative text, which is not printed.
    Figure {
        heading: String,
        path: String,
        alt: String,
    },
}

/// A ［ ］ box, its words, and for 「その他（ ）」 the text written in the parentheses.
#[derive(Debug, Clone, Serialize)]
pub struct CheckBox {
    pub checked: bool,
    pub label: String,
    /// The text of 「（ ）」; `None` for a box without one.
    pub text: Option<TextData>,
}

/// The mark the form prints after an item whose change is a 重要な変更 candidate.
pub const IMPORTANT_MARK: &str = "※";
/// A ［ ］ box in a title.
const BOX: &str = "［ ］";
/// The parentheses a box's text fills (`その他（ ）`).
const BLANK: &str = "（ ）";

/// A section's heading as printed: `Ⅱ 特定個人情報ファイルの概要` → `Ⅱ　特定個人情報ファイルの概要`.
fn section_title(node: SchemaNode<'_>) -> String {
    let title = node.title().unwrap_or_default();
    title.replacen(' ', "\u{3000}", 1)
}

/// An item's heading as printed: `４．…`, two-digit numbers in half-width as the form has them.
fn heading(number: u32, words: &str) -> String {
    let digits = if number < 10 {
        char::from_u32(0xFF10 + number).map_or_else(|| number.to_string(), String::from)
    } else {
        number.to_string()
    };
    format!("{digits}．{words}")
}

/// The words of a title after its number (`Ⅱ 4. ③委託先名` → `③委託先名`).
fn words(node: SchemaNode<'_>) -> &str {
    Title::parse(node.title().unwrap_or_default()).words
}

/// How the form prints an item's name, derived from its schema title alone: the heading of a
/// section (`Ⅰ　関連情報`) or of a numbered item (`３．個人番号の利用`), and the label of its row
/// (`法令上の根拠`). A title whose words have a space names the item's heading first and its
/// row after the space; `x-pia-printed` is the row's wording where the form asks a question
/// the item's name abbreviates (`Ⅱ 1. 対象人数` asks 「評価対象の事務の対象人数は何人か」).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintedLabel {
    pub heading: Option<String>,
    /// The row's label, without a leading ［ ］ and with ※ for an item the form marks so.
    pub label: String,
    /// False when the label is only the heading's words again (the value may span the row).
    pub labelled: bool,
    /// A note the form prints under the item (`x-pia-note`).
    pub note: Option<String>,
}

/// The [`PrintedLabel`] of a node.
pub fn printed_label(node: SchemaNode<'_>) -> PrintedLabel {
    let title = node.title().unwrap_or_default();
    let t = Title::parse(title);
    let sub =
        t.words.starts_with(|c: char| ('①'..='⑳').contains(&c)) || t.words.starts_with(BOX) || t.words.contains(BOX);
    let (heading, label, labelled) = match t.number {
        None if t.words.is_empty() => (Some(title.to_owned()), title.to_owned(), false),
        None => (Some(title.replacen(' ', "\u{3000}", 1)), t.words.to_owned(), true),
        Some(_) if sub => (None, t.words.to_owned(), true),
        Some(n) => match t.words.split_once(' ') {
            Some((head, rest)) => (Some(heading(n, head)), rest.to_owned(), true),
            None => (Some(heading(n, t.words)), t.words.to_owned(), false),
        },
    };
    let (label, labelled) = match node.printed() {
        Some(printed) => (printed.to_owned(), true),
        None => (label.strip_prefix(BOX).unwrap_or(&label).to_owned(), labelled),
    };
    let label = if node.is_important() { format!("{label} {IMPORTANT_MARK}") } else { label };
    PrintedLabel { heading, label, labelled, note: node.note().map(str::to_owned) }
}

/// The printed label of a row.
fn label(node: SchemaNode<'_>) -> String {
    printed_label(node).label
}

/// Every item's [`PrintedLabel`] by its dotted path (`risk_measures.network.not_connected_acquisition`):
/// what a template laid out item by item (`kiso.typ`) prints, so it writes no label itself.
pub fn printed_labels(root: SchemaNode<'_>) -> std::collections::BTreeMap<String, PrintedLabel> {
    fn walk(node: SchemaNode<'_>, path: &str, out: &mut std::collections::BTreeMap<String, PrintedLabel>) {
        for (key, child) in node.properties() {
            let here = if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
            if child.is_pia_only() || child.title().is_none() {
                continue;
            }
            out.insert(here.clone(), printed_label(child));
            match child.shape() {
                Shape::Object => walk(child, &here, out),
                Shape::List => {
                    if let Some(element) = child.element().filter(|e| e.shape() == Shape::Object) {
                        walk(element, &here, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(root, "", &mut out);
    out
}

/// Builds the printed items for one audience.
struct Printer {
    audience: Audience,
}

impl Printer {
    fn text(&self, value: Option<&Value>) -> TextData {
        let t = value.and_then(|v| serde_json::from_value::<Text>(v.clone()).ok()).unwrap_or_else(|| Text::new(""));
        text(&t, self.audience)
    }

    /// A scalar as printed: a date in 和暦, a number as written, a text withheld or not.
    fn value(&self, node: SchemaNode<'_>, value: Option<&Value>) -> TextData {
        match (node.shape(), value) {
            (Shape::Date, Some(v)) => {
                let printed = v.as_str().and_then(|s| Date::parse(s).ok()).map(|d| d.to_wareki());
                self.text(printed.map(Value::from).as_ref())
            }
            (Shape::Integer, Some(v)) => self.text(Some(&Value::from(v.to_string()))),
            _ => self.text(value.filter(|v| !v.is_null())),
        }
    }

    fn choice(node: SchemaNode<'_>, value: Option<&Value>) -> ChoiceData {
        ChoiceData {
            selected: value.and_then(Value::as_str).map(str::to_owned),
            options: node.choices().iter().enumerate().map(|(i, c)| format!("{}) {c}", i + 1)).collect(),
        }
    }

    /// A box's parts when the title is one (`①［ ］紙` → (`①`, `紙`)); `None` otherwise.
    fn box_parts(node: SchemaNode<'_>) -> Option<(&str, &str)> {
        let takes_box = matches!(node.shape(), Shape::Bool | Shape::Text);
        words(node).split_once(BOX).filter(|_| takes_box)
    }

    /// A box from its node and value: a check box, or a text whose presence ticks it.
    fn check_box(&self, node: SchemaNode<'_>, value: Option<&Value>, words: &str, count: Option<usize>) -> CheckBox {
        let present = value.is_some_and(|v| !v.is_null());
        let (checked, text) = match node.shape() {
            Shape::Bool => (value.and_then(Value::as_bool).unwrap_or(false), None),
            _ => (present, present.then(|| self.text(value))),
        };
        let label = match count {
            // 「提供を行っている（ ）件」 prints the number of its list.
            Some(n) => words.replacen(BLANK, &format!("（{n}）"), 1),
            None => words.replacen(BLANK, "", 1),
        };
        CheckBox { checked, label, text }
    }

    /// The rows of a group of items; the boxes with nothing before their ［ ］ go to the heading
    /// when `heading_boxes` is given (［ ］委託しない).
    fn rows(
        &self,
        node: SchemaNode<'_>,
        value: Option<&Value>,
        mut heading_boxes: Option<&mut Vec<CheckBox>>,
    ) -> Vec<Row> {
        let mut rows = Vec::new();
        let group_label = label(node);
        for (key, child) in node.properties() {
            if child.is_pia_only() {
                continue;
            }
            let v = value.and_then(|v| v.get(key));
            if let Some((prefix, words)) = Self::box_parts(child) {
                // The number of a list beside the box (`x-pia-count-of`), when it prints one.
                let count = child
                    .count_of()
                    .map(|list| value.and_then(|v| v.get(list)).and_then(Value::as_array).map_or(0, Vec::len));
                let b = self.check_box(child, v, words, count);
                match (&mut heading_boxes, prefix.trim()) {
                    (Some(boxes), "") => boxes.push(b),
                    (_, prefix) => {
                        // A box joins the row of the boxes before it with the same words.
                        let row_label = if prefix.is_empty() || is_circled(prefix) {
                            group_label.clone()
                        } else {
                            prefix.to_owned()
                        };
                        match rows.last_mut() {
                            Some(Row::Boxes { label, boxes }) if *label == row_label => boxes.push(b),
                            _ => rows.push(Row::Boxes { label: row_label, boxes: vec![b] }),
                        }
                    }
                }
                continue;
            }
            rows.extend(self.row(child, v));
        }
        rows
    }

    /// The rows of one item of a group.
    fn row(&self, node: SchemaNode<'_>, value: Option<&Value>) -> Vec<Row> {
        match node.shape() {
            Shape::Choice => vec![Row::Choice { label: label(node), choice: Self::choice(node, value) }],
            Shape::Object => match value {
                Some(Value::Null) | None if node.is_optional() => Vec::new(),
                _ => match risk_heading(node) {
                    // 様式4's 「リスク1： 目的外の入手が行われるリスク」 heads its measures.
                    Some(heading) => vec![Row::Block { heading, rows: self.rows(node, value, None) }],
                    None => self.rows(node, value, None),
                },
            },
            Shape::List => {
                let elements = value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
                let Some(element) = node.element() else { return Vec::new() };
                match node.block() {
                    Some(_) if node.is_figure() => elements
                        .iter()
                        .enumerate()
                        .map(|(i, e)| Row::Figure {
                            heading: node.block_heading(i).unwrap_or_default(),
                            path: crate::figures::virtual_path(i),
                            alt: e.get("alt").and_then(Value::as_str).unwrap_or_default().trim().to_owned(),
                        })
                        .collect(),
                    Some(_) => elements
                        .iter()
                        .enumerate()
                        .map(|(i, e)| Row::Block {
                            heading: node.block_heading(i).unwrap_or_default(),
                            rows: self.rows(element, Some(e), None),
                        })
                        .collect(),
                    None => vec![Row::List {
                        label: Some(label(node)),
                        values: elements.iter().map(|e| self.value(element, Some(e))).collect(),
                    }],
                }
            }
            Shape::Bool => vec![Row::Boxes { label: label(node), boxes: vec![self.check_box(node, value, "", None)] }],
            _ => vec![Row::Text { label: Some(label(node)), value: self.value(node, value) }],
        }
    }

    /// A numbered item: a group of rows under its heading, or one value. A title with words
    /// after a space (`個人番号の利用 法令上の根拠`) prints the first words as the heading and
    /// the rest as the row's label; without, the value spans the row.
    fn item(&self, number: u32, node: SchemaNode<'_>, value: Option<&Value>) -> Option<Item> {
        let printed = printed_label(node);
        let title = Title::parse(node.title().unwrap_or_default());
        // An item whose title has no number (様式4's (別添1) 事務の内容) prints no heading: its
        // value spans the section.
        let numbered = title.number.is_some();
        let head = title.words;
        let head = head.split_once(' ').map_or(head, |(head, _)| head);
        let row_label = (printed.labelled && numbered).then(|| printed.label.clone());
        let mut boxes = Vec::new();
        let rows = match node.shape() {
            Shape::Object if value.is_none_or(Value::is_null) && node.is_optional() => return None,
            Shape::Object => {
                let mut rows = self.rows(node, value, Some(&mut boxes));
                if let (Some(row_label), false) = (row_label, boxes.is_empty()) {
                    // 「監査 実施の有無」: the boxes are the row 実施の有無.
                    rows.insert(0, Row::Boxes { label: row_label, boxes: std::mem::take(&mut boxes) });
                }
                rows
            }
            Shape::List if node.block().is_some() => self.row(node, value),
            Shape::List => {
                let element = node.element()?;
                let values = value.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
                vec![Row::List {
                    label: row_label,
                    values: values.iter().map(|e| self.value(element, Some(e))).collect(),
                }]
            }
            Shape::Choice => vec![Row::Choice { label: printed.label.clone(), choice: Self::choice(node, value) }],
            _ => vec![Row::Text { label: row_label, value: self.value(node, value) }],
        };
        // A value spanning the row has no label to carry the ※: the heading does.
        let spans = matches!(rows.as_slice(), [Row::Text { label: None, .. }]);
        let head = if node.is_important() && spans { format!("{head} {IMPORTANT_MARK}") } else { head.to_owned() };
        Some(Item { heading: if numbered { heading(number, &head) } else { String::new() }, boxes, rows })
    }

    /// The numbered items of a group node, numbered from `first` in the order printed; an
    /// optional item left out does not take a number.
    ///
    /// An item that joins the one before it (`x-pia-joins`: `Ⅳ 2. 具体的な方法` after `Ⅳ 2.
    /// 従業者に対する教育・啓発`) adds its rows to that item, each with its label.
    fn items(&self, node: SchemaNode<'_>, value: Option<&Value>, first: u32, out: &mut Vec<Item>) {
        let mut number = first;
        for (key, child) in node.properties() {
            if child.is_pia_only() {
                continue;
            }
            if let Some(mut item) = self.item(number, child, value.and_then(|v| v.get(key))) {
                match out.last_mut() {
                    Some(previous) if child.joins() => {
                        for row in &mut item.rows {
                            if let Row::Text { label: label @ None, .. } | Row::List { label: label @ None, .. } = row {
                                *label = Some(printed_label(child).label);
                            }
                        }
                        previous.boxes.append(&mut item.boxes);
                        previous.rows.append(&mut item.rows);
                    }
                    _ => {
                        out.push(item);
                        number += 1;
                    }
                }
            }
        }
    }
}

/// The heading of a group of measures against one risk, from its title (`Ⅲ 2. リスク1:
/// 目的外の入手が行われるリスク` → `リスク1：目的外の入手が行われるリスク`); `None` for any other group.
fn risk_heading(node: SchemaNode<'_>) -> Option<String> {
    let rest = words(node).strip_prefix("リスク")?;
    let (number, risk) = rest.split_once(": ")?;
    number.chars().all(|c| c.is_ascii_digit()).then(|| format!("リスク{number}：{risk}"))
}

/// True for a lone circled number (`①`).
fn is_circled(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some('①'..='⑳'), None))
}

/// How a form drawn from its schema prints its parts: the model keeps a file's Ⅱ, 記録項目 and
/// Ⅲ together, the form prints them in three places.
struct Plan {
    /// Parts printed once before the files' parts (Ⅰ; 様式4's (別添1) 事務の内容).
    before: &'static [&'static str],
    /// Items printed once after the files' Ⅲ, numbered on from them (様式3's Ⅲ 8.〜).
    risk_once: Option<&'static str>,
    /// Parts printed once after Ⅲ.
    after: &'static [&'static str],
}

/// 様式3: Ⅰ, Ⅱ per file, (別添1) per file, Ⅲ 1.〜7. per file and then its items for the whole
/// document, Ⅳ, Ⅴ.
const JUTEN: Plan =
    Plan { before: &["basic_info"], risk_once: Some("risk_measures"), after: &["disclosure", "procedure"] };

/// 様式4: Ⅰ, (別添1) 事務の内容, Ⅱ per file, (別添2) per file, Ⅲ per file, Ⅳ, Ⅴ, Ⅵ.
const ZENKOMOKU: Plan = Plan {
    before: &["basic_info", "affair_details"],
    risk_once: None,
    after: &["other_measures", "disclosure", "procedure"],
};

/// The printed sections of a document of a form drawn from its schema, in the form's order
/// (none for 様式2, which `kiso.typ` lays out item by item).
pub fn sections(kind: FormKind, document: &Value, audience: Audience) -> Vec<Section> {
    let plan = match kind {
        FormKind::Kiso => return Vec::new(),
        FormKind::Juten => &JUTEN,
        FormKind::Zenkomoku => &ZENKOMOKU,
    };
    planned(plan, crate::schema::schema_value(kind), document, audience)
}

/// The sections of `plan`. The names of the files are printed as Ⅰ 3. and each file's Ⅲ 1.,
/// from the one place they are written (Ⅱ 1.).
fn planned(plan: &Plan, schema: &Value, document: &Value, audience: Audience) -> Vec<Section> {
    let p = Printer { audience };
    let root = SchemaNode::root(schema);
    let node = |key: &str| root.property(key);
    let value = |key: &str| document.get(key);
    let files_node = node("files");
    let file_node = files_node.and_then(|f| f.element());
    let files = value("files").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let name_node = file_node.and_then(|f| f.at_pointer("/overview/name"));
    let file_name_words = name_node.map(words).unwrap_or_default();
    let file_heading = |i: usize, file: &Value| {
        let heading = files_node.and_then(|f| f.block_heading(i)).unwrap_or_default();
        match files_node.and_then(|f| f.element_name(file)) {
            Some(name) => format!("{heading}\u{3000}{name}"),
            None => heading,
        }
    };
    let mut sections = Vec::new();

    for key in plan.before {
        if *key == "basic_info" {
            if let Some(basic) = node("basic_info") {
                let mut items = Vec::new();
                p.items(basic, value("basic_info"), 1, &mut items);
                // Ⅰ 3. 特定個人情報ファイル名: every file's name, after Ⅰ 2.
                let names = files.iter().map(|f| p.text(f.pointer("/overview/name"))).collect();
                let at = items.len().min(2);
                items.insert(
                    at,
                    Item {
                        heading: heading(3, file_name_words),
                        boxes: Vec::new(),
                        rows: vec![Row::List { label: None, values: names }],
                    },
                );
                for (i, item) in items.iter_mut().enumerate().skip(at + 1) {
                    item.heading = renumber(&item.heading, u32::try_from(i + 1).unwrap_or(u32::MAX));
                }
                sections.push(Section { title: section_title(basic), groups: vec![Group { heading: None, items }] });
            }
            continue;
        }
        if let Some(part) = node(key) {
            let mut items = Vec::new();
            p.items(part, value(key), 1, &mut items);
            sections.push(Section { title: section_title(part), groups: vec![Group { heading: None, items }] });
        }
    }
    let per_file = |key: &str, first: u32| -> Vec<Group> {
        let Some(part) = file_node.and_then(|f| f.property(key)) else { return Vec::new() };
        files
            .iter()
            .enumerate()
            .map(|(i, file)| {
                let mut items = Vec::new();
                p.items(part, file.get(key), first, &mut items);
                Group { heading: Some(file_heading(i, file)), items }
            })
            .collect()
    };
    if let Some(files_node) = files_node {
        sections.push(Section { title: section_title(files_node), groups: per_file("overview", 1) });
    }
    if let Some(records) = file_node.and_then(|f| f.property("record_items")) {
        let groups = files
            .iter()
            .enumerate()
            .map(|(i, file)| Group {
                heading: Some(file_heading(i, file)),
                items: p
                    .row(records, file.get("record_items"))
                    .into_iter()
                    .map(|row| Item {
                        heading: String::new(),
                        boxes: Vec::new(),
                        rows: vec![match row {
                            Row::List { values, .. } => Row::List { label: None, values },
                            other => other,
                        }],
                    })
                    .collect(),
            })
            .collect();
        sections.push(Section { title: section_title(records), groups });
    }
    if let Some(risk) = file_node.and_then(|f| f.property("risk")) {
        // Ⅲ 1. is the file's name; the measures follow from 2.
        let mut groups = per_file("risk", 2);
        for (group, file) in groups.iter_mut().zip(files) {
            let name = Row::Text { label: None, value: p.text(file.pointer("/overview/name")) };
            group.items.insert(0, Item { heading: heading(1, file_name_words), boxes: Vec::new(), rows: vec![name] });
        }
        let mut title = section_title(risk);
        if let Some(once) = plan.risk_once.and_then(node) {
            let last = groups.first().map_or(7, |g| u32::try_from(g.items.len()).unwrap_or(7));
            let mut items = Vec::new();
            p.items(once, plan.risk_once.and_then(value), last + 1, &mut items);
            groups.push(Group { heading: None, items });
            title = section_title(once);
        }
        sections.push(Section { title, groups });
    }
    for key in plan.after {
        if let Some(part) = node(key) {
            let mut items = Vec::new();
            p.items(part, value(key), 1, &mut items);
            sections.push(Section { title: section_title(part), groups: vec![Group { heading: None, items }] });
        }
    }
    sections
}

/// An item's heading with another number (`３．…` → `４．…`).
fn renumber(old: &str, number: u32) -> String {
    heading(number, old.split_once('．').map_or(old, |(_, words)| words))
}

/// The words of a part's item titles after their section (`表紙 評価書番号` → `評価書番号`), by key:
/// the labels the shared 表紙 and 変更箇所 templates print.
pub fn part_labels(node: Option<SchemaNode<'_>>) -> std::collections::BTreeMap<String, String> {
    let node = node.map(|n| n.element().unwrap_or(n));
    node.map(|n| n.properties())
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, child)| !child.is_pia_only())
        .map(|(key, child)| (key.to_owned(), Title::parse(child.title().unwrap_or_default()).words.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_print_as_the_form_numbers_them() {
        assert_eq!(heading(4, "特定個人情報ファイルの取扱いの委託"), "４．特定個人情報ファイルの取扱いの委託");
        assert_eq!(heading(10, "その他のリスク対策"), "10．その他のリスク対策");
        assert_eq!(renumber("３．監査", 4), "４．監査");
    }

    #[test]
    fn a_risk_heads_its_measures_on_the_form_of_4() {
        let schema = crate::schema::schema_value(FormKind::Zenkomoku);
        let root = SchemaNode::root(schema);
        let risk = root.at_pointer("/files/0/risk/acquisition/risk1");
        assert_eq!(risk.and_then(risk_heading).as_deref(), Some("リスク1：目的外の入手が行われるリスク"));
        assert_eq!(root.at_pointer("/basic_info").and_then(risk_heading), None);
    }
}
