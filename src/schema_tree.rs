//! The generated JSON Schema read as the form's tree of items: the one walker behind diagnostics, drafts, docs and the PDF.
//!
//! A form's schema is the only place its items are named (each field's `title`) and its choices
//! listed (`enum`); the extensions `x-pia-tag`, `x-pia-important`, `x-pia-block` and
//! `x-pia-block-name` say how sure a label is, which items are ※, and which lists are repeated
//! blocks of the form. [`SchemaNode`] answers those questions for one place of the tree, so no
//! caller follows `$ref`s or `anyOf`s itself.

use serde_json::Value;

/// What a value of the form is, as far as printing and drafting care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A text the user writes, withholdable (`Text`: a string or `{text, withheld}`).
    Text,
    /// One of the schema's `enum` values.
    Choice,
    /// A check box.
    Bool,
    /// A date (`format: date` of pia's own).
    Date,
    /// A whole number.
    Integer,
    /// A string that is neither a choice nor a text (a number such as 評価書番号).
    String,
    /// A group of items.
    Object,
    /// A list: of texts, or a repeated block of the form when [`SchemaNode::block`] says so.
    List,
}

/// One place in a form's schema: the property schema as written (which carries the item's
/// `title` and pia's extensions) and the root, to follow `$ref`s.
#[derive(Debug, Clone, Copy)]
pub struct SchemaNode<'a> {
    root: &'a Value,
    raw: &'a Value,
}

impl<'a> SchemaNode<'a> {
    /// The whole form.
    pub fn root(schema: &'a Value) -> Self {
        Self { root: schema, raw: schema }
    }

    /// The schema of this node after following local `$ref`s (`#/$defs/Name`).
    fn target(&self) -> &'a Value {
        deref(self.root, self.raw)
    }

    /// The alternatives of the node: itself, or each branch of its `anyOf` (an `anyOf` inside a
    /// branch too: an optional text is `anyOf [Text, null]`, and `Text` is itself an `anyOf`),
    /// dereferenced.
    fn branches(&self) -> Vec<&'a Value> {
        fn collect<'a>(root: &'a Value, node: &'a Value, depth: u8, out: &mut Vec<&'a Value>) {
            let node = deref(root, node);
            match node.get("anyOf").and_then(Value::as_array) {
                Some(list) if depth < 4 => list.iter().for_each(|b| collect(root, b, depth + 1, out)),
                _ => out.push(node),
            }
        }
        let mut out = Vec::new();
        collect(self.root, self.raw, 0, &mut out);
        out
    }

    fn branch_with(&self, key: &str) -> Option<&'a Value> {
        self.branches().into_iter().find(|b| b.get(key).is_some())
    }

    /// The item's name in the form (`Ⅱ 4. ③委託先名`): the property's own title, else its type's.
    pub fn title(&self) -> Option<&'a str> {
        self.raw.get("title").or_else(|| self.target().get("title")).and_then(Value::as_str)
    }

    /// A string extension of the property or its type (`x-pia-block`, `x-pia-tag`).
    fn extension(&self, key: &str) -> Option<&'a Value> {
        self.raw.get(key).or_else(|| self.target().get(key))
    }

    /// How sure the label is: `V`, `P`, `U`, or `pia` for what pia keeps beside the form.
    pub fn tag(&self) -> Option<&'a str> {
        self.extension("x-pia-tag").and_then(Value::as_str)
    }

    /// True for what pia keeps beside the form and never prints (counts, markers, dates of
    /// the last assessment).
    pub fn is_pia_only(&self) -> bool {
        self.tag() == Some("pia")
    }

    /// True for an item the form marks ※ (a 重要な変更 candidate).
    pub fn is_important(&self) -> bool {
        self.extension("x-pia-important").and_then(Value::as_bool) == Some(true)
    }

    /// The node's own ※ flag, when it has one: `false` marks an item its ※ section excepts.
    pub fn important_flag(&self) -> Option<bool> {
        self.extension("x-pia-important").and_then(Value::as_bool)
    }

    /// For a repeated block of the form, the heading of its n-th element (`委託事項{n}`).
    pub fn block(&self) -> Option<&'a str> {
        self.extension("x-pia-block").and_then(Value::as_str)
    }

    /// The heading of a block's element `index` (0-based): `委託事項2`.
    pub fn block_heading(&self, index: usize) -> Option<String> {
        self.block().map(|b| b.replace("{n}", &(index + 1).to_string()))
    }

    /// True for a list of figures (`x-pia-figure`): each element's `path` and `alt` print as an
    /// image, not as rows of text.
    pub fn is_figure(&self) -> bool {
        self.extension("x-pia-figure").and_then(Value::as_bool) == Some(true)
    }

    /// True for an item the form prints as a row of the item before it, under that one's number
    /// (`x-pia-joins`: `Ⅳ 2. 具体的な方法` after `Ⅳ 2. 従業者に対する教育・啓発`).
    pub fn joins(&self) -> bool {
        self.extension("x-pia-joins").and_then(Value::as_bool) == Some(true)
    }

    /// The wording the form prints for the item where its name abbreviates it (`x-pia-printed`).
    pub fn printed(&self) -> Option<&'a str> {
        self.extension("x-pia-printed").and_then(Value::as_str)
    }

    /// A note the form prints with the item (`x-pia-note`).
    pub fn note(&self) -> Option<&'a str> {
        self.extension("x-pia-note").and_then(Value::as_str)
    }

    /// For a box that prints the number of a list beside it (「提供を行っている（ ）件」), the key
    /// of that list in the same group (`x-pia-count-of`): the count is derived, never typed.
    pub fn count_of(&self) -> Option<&'a str> {
        self.extension("x-pia-count-of").and_then(Value::as_str)
    }

    /// For a block whose elements have a name, the pointer to it inside the element
    /// (`/overview/name`).
    pub fn block_name(&self) -> Option<&'a str> {
        self.extension("x-pia-block-name").and_then(Value::as_str)
    }

    /// The name of a block's element as written in the document, trimmed; `None` when empty or
    /// withheld (a withheld name stays out of every label and heading).
    pub fn element_name<'v>(&self, element: &'v Value) -> Option<&'v str> {
        element.pointer(self.block_name()?)?.as_str().map(str::trim).filter(|n| !n.is_empty())
    }

    /// The branch holding a group's items, if the node is a group (or a text's object form).
    fn object(&self) -> Option<&'a Value> {
        self.branch_with("properties")
    }

    /// The items of a group, in the form's order.
    pub fn properties(&self) -> Vec<(&'a str, SchemaNode<'a>)> {
        self.object()
            .and_then(|o| o.get("properties"))
            .and_then(Value::as_object)
            .map(|ps| ps.iter().map(|(k, v)| (k.as_str(), Self { root: self.root, raw: v })).collect())
            .unwrap_or_default()
    }

    /// The item `key` of a group.
    pub fn property(&self, key: &str) -> Option<SchemaNode<'a>> {
        let raw = self.object()?.get("properties")?.get(key)?;
        Some(Self { root: self.root, raw })
    }

    /// True when `key` must be written in a group.
    pub fn requires(&self, key: &str) -> bool {
        self.object()
            .and_then(|o| o.get("required"))
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|k| k.as_str() == Some(key)))
    }

    /// The element of a list.
    pub fn element(&self) -> Option<SchemaNode<'a>> {
        let raw = self.branch_with("items")?.get("items")?;
        Some(Self { root: self.root, raw })
    }

    /// The node one step down: a property of a group, or the element of a list.
    pub fn child(&self, step: Step<'_>) -> Option<SchemaNode<'a>> {
        match step {
            Step::Key(key) => self.property(key),
            Step::Index(_) => self.element(),
        }
    }

    /// The node at a path of steps from this one.
    pub fn at(&self, steps: &[Step<'_>]) -> Option<SchemaNode<'a>> {
        steps.iter().try_fold(*self, |node, step| node.child(*step))
    }

    /// The node at a JSON pointer of the document (`/files/0/overview/name`).
    pub fn at_pointer(&self, pointer: &str) -> Option<SchemaNode<'a>> {
        let steps = steps_of_pointer(pointer);
        self.at(&steps.iter().map(OwnedStep::as_step).collect::<Vec<_>>())
    }

    /// The values a choice allows, in the form's order (its ＜選択肢＞ 1), 2), …).
    pub fn choices(&self) -> Vec<&'a str> {
        self.branches()
            .into_iter()
            .find_map(|b| b.get("enum").and_then(Value::as_array))
            .map(|list| list.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    /// The JSON types the node accepts (`string`, `null`, …), for messages.
    pub fn types(&self) -> Vec<&'a str> {
        let mut out = Vec::new();
        for b in self.branches() {
            match b.get("type") {
                Some(Value::String(t)) => out.push(t.as_str()),
                Some(Value::Array(ts)) => out.extend(ts.iter().filter_map(Value::as_str)),
                _ if b.get("properties").is_some() => out.push("object"),
                _ => {}
            }
        }
        out
    }

    /// True when the node accepts no value (an optional item).
    pub fn is_optional(&self) -> bool {
        self.types().contains(&"null")
    }

    /// What kind of value the node holds.
    pub fn shape(&self) -> Shape {
        let branches = self.branches();
        let has_choices = branches.iter().any(|b| b.get("enum").is_some_and(Value::is_array));
        let has_object = branches.iter().any(|b| b.get("properties").is_some());
        let typed = |t: &str| {
            branches.iter().any(|b| match b.get("type") {
                Some(Value::String(s)) => s == t,
                Some(Value::Array(ts)) => ts.iter().any(|x| x.as_str() == Some(t)),
                _ => false,
            })
        };
        if has_choices {
            Shape::Choice
        } else if branches
            .iter()
            .any(|b| b.get("format").and_then(Value::as_str) == Some(crate::model::types::DATE_FORMAT))
        {
            Shape::Date
        } else if typed("boolean") {
            Shape::Bool
        } else if typed("array") {
            Shape::List
        } else if typed("integer") {
            Shape::Integer
        } else if typed("string") && has_object {
            // A plain string, or the `{text, withheld}` form of the same text.
            Shape::Text
        } else if typed("string") {
            Shape::String
        } else if has_object {
            Shape::Object
        } else {
            Shape::String
        }
    }
}

/// One step down the tree: a property name, or an element of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'s> {
    Key(&'s str),
    Index(usize),
}

/// A [`Step`] that owns its name (read from a pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnedStep {
    Key(String),
    Index(usize),
}

impl OwnedStep {
    pub fn as_step(&self) -> Step<'_> {
        match self {
            OwnedStep::Key(k) => Step::Key(k),
            OwnedStep::Index(i) => Step::Index(*i),
        }
    }
}

/// The steps of a JSON pointer (`/history/3/timing`); a segment of digits is an index.
pub fn steps_of_pointer(pointer: &str) -> Vec<OwnedStep> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| match s.parse::<usize>() {
            Ok(i) => OwnedStep::Index(i),
            Err(_) => OwnedStep::Key(s.replace("~1", "/").replace("~0", "~")),
        })
        .collect()
}

/// Follows local `$ref`s (`#/$defs/Name`), a few levels at most. A definition is looked up
/// by its name, without parsing the pointer: the walker does this for every node it visits.
fn deref<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..8 {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else { break };
        let target = match reference.strip_prefix("#/$defs/") {
            Some(name) if !name.contains(['/', '~']) => root.get("$defs").and_then(|d| d.get(name)),
            _ => reference.strip_prefix('#').and_then(|p| root.pointer(p)),
        };
        match target {
            Some(target) => node = target,
            None => break,
        }
    }
    node
}

/// A title split as the form numbers its items: `Ⅱ 4. ③委託先名` → section `Ⅱ`, number `4`,
/// words `③委託先名`; `Ⅱ 特定個人情報ファイルの概要` → section and words; `表紙 公表日` → `表紙`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title<'a> {
    pub section: &'a str,
    pub number: Option<u32>,
    pub words: &'a str,
}

impl<'a> Title<'a> {
    pub fn parse(title: &'a str) -> Self {
        let (section, rest) = title.split_once(' ').unwrap_or((title, ""));
        let numbered = rest.split_once(". ").and_then(|(n, words)| Some((n.parse::<u32>().ok()?, words)));
        match numbered {
            Some((number, words)) => Self { section, number: Some(number), words },
            None if rest.is_empty() => Self { section: title, number: None, words: "" },
            None => Self { section, number: None, words: rest },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FormKind;

    fn form(kind: FormKind) -> SchemaNode<'static> {
        SchemaNode::root(crate::schema::schema_value(kind))
    }

    #[test]
    fn finds_items_through_refs_and_options() {
        let juten = form(FormKind::Juten);
        let contractor = juten.at_pointer("/files/0/overview/outsourcing/items/1/contractor").expect("item");
        assert_eq!(contractor.title(), Some("Ⅱ 4. ③委託先名"));
        assert_eq!(contractor.shape(), Shape::Text);
        let items = juten.at_pointer("/files/0/overview/outsourcing/items").expect("block");
        assert_eq!((items.shape(), items.block_heading(2).as_deref()), (Shape::List, Some("委託事項3")));
        let files = juten.property("files").expect("files");
        assert_eq!(files.block_name(), Some("/overview/name"));
        let kiso = form(FormKind::Kiso);
        let band = kiso.at_pointer("/threshold_items/subjects/band").expect("band");
        assert_eq!(band.shape(), Shape::Choice);
        assert!(band.choices().contains(&"30万人以上"));
        assert_eq!(kiso.at_pointer("/cover/published").map(|n| n.shape()), Some(Shape::Date));
        assert_eq!(kiso.at_pointer("/related_info/rule_9_2/applied").map(|n| n.shape()), Some(Shape::Bool));
        assert_eq!(kiso.at_pointer("/related_info/affair").map(|n| n.shape()), Some(Shape::Object));
        assert!(kiso.at_pointer("/threshold_items/subjects/count").is_some_and(|n| n.is_pia_only()));
        assert!(kiso.at_pointer("/nope").is_none());
    }

    #[test]
    fn titles_split_as_the_form_numbers_them() {
        assert_eq!(Title::parse("Ⅱ 4. ③委託先名"), Title { section: "Ⅱ", number: Some(4), words: "③委託先名" });
        assert_eq!(Title::parse("Ⅲ 10. その他のリスク対策").number, Some(10));
        assert_eq!(
            Title::parse("Ⅱ 特定個人情報ファイルの概要"),
            Title { section: "Ⅱ", number: None, words: "特定個人情報ファイルの概要" }
        );
        assert_eq!(Title::parse("表紙 公表日"), Title { section: "表紙", number: None, words: "公表日" });
        assert_eq!(Title::parse("Ⅲ"), Title { section: "Ⅲ", number: None, words: "" });
    }
}
