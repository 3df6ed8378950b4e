//! Value types shared by every form: withholdable text, dates, assessment numbers, choice lists.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::wareki::Date;

/// Declares a single-choice item: an enum whose YAML values are the form's exact Japanese labels.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        pub enum $name {
            $(#[serde(rename = $label)] $variant,)+
        }

        impl $name {
            /// Every choice, in the form's order (1), 2), …).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The label exactly as the form prints it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// The choice's number in the form's ＜選択肢＞ list (1-based).
            pub fn number(self) -> usize {
                Self::ALL.iter().position(|c| *c == self).map_or(0, |i| i + 1)
            }

            /// The choice whose label is `label`, if any.
            pub fn from_label(label: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.label() == label)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
pub(crate) use choice;

/// A free-text answer that may be withheld from the public version (非公表, 規則第13条).
///
/// In YAML either a plain string, or `{text: …, withheld: 理由}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Text {
    pub text: String,
    /// Why this text is left out of the published version; `None` when it is public.
    pub withheld: Option<String>,
}

/// What a public output prints in place of withheld text.
pub const WITHHELD_MARK: &str = "（非公表）";

impl Text {
    /// The text as an output shows it: for the public (`full == false`) withheld text becomes
    /// 「（非公表）」; a 個人番号 is masked either way.
    pub fn shown(&self, full: bool) -> String {
        if self.is_withheld() && !full { WITHHELD_MARK.to_owned() } else { crate::leak::mask(&self.text) }
    }

    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), withheld: None }
    }
    pub fn as_str(&self) -> &str {
        &self.text
    }
    pub fn is_withheld(&self) -> bool {
        self.withheld.is_some()
    }
    /// True when nothing is written (empty or only white space).
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum TextRepr {
    Plain(String),
    Marked(MarkedText),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkedText {
    text: String,
    withheld: String,
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.withheld {
            None => s.serialize_str(&self.text),
            Some(reason) => MarkedText { text: self.text.clone(), withheld: reason.clone() }.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match TextRepr::deserialize(d)? {
            TextRepr::Plain(text) => Text { text, withheld: None },
            TextRepr::Marked(m) => Text { text: m.text, withheld: Some(m.withheld) },
        })
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "記載内容。公表しない場合（規則第13条）は {text: 記載内容, withheld: 非公表とする理由} と書く。",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string", "description": "記載内容" },
                        "withheld": { "type": "string", "minLength": 1, "description": "非公表とする理由（規則第13条）" }
                    },
                    "required": ["text", "withheld"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// The JSON Schema `format` name pia registers for dates.
pub const DATE_FORMAT: &str = "pia-date";

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "日付。西暦 2025-04-25 または和暦 令和7年4月25日（元年、全角数字も可）。",
            "type": "string",
            "format": DATE_FORMAT,
            "examples": ["2025-04-25", "令和7年4月25日"]
        })
    }
}

/// 評価書番号: the number the 計画管理書 gives the assessment; digits, kept as text (`012` stays `012`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct AssessmentNumber(pub String);

impl Serialize for AssessmentNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AssessmentNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Int(u64),
            Str(String),
        }
        Ok(match Repr::deserialize(d)? {
            Repr::Int(n) => AssessmentNumber(n.to_string()),
            Repr::Str(s) => AssessmentNumber(s),
        })
    }
}

impl JsonSchema for AssessmentNumber {
    fn schema_name() -> Cow<'static, str> {
        "AssessmentNumber".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "計画管理書の評価書番号と同じ番号。",
            "type": ["string", "integer"],
            "minLength": 1,
            "minimum": 0
        })
    }
}

impl std::fmt::Display for AssessmentNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A head count: a YAML integer, or digits as text with optional thousands separators, half- or
/// full-width (`183000`, `"183,000"`, `"１８３，０００"`); always normalised to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct HeadCount(pub u64);

/// The text forms [`HeadCount`] accepts, as a JSON Schema pattern.
pub const HEAD_COUNT_PATTERN: &str = "^[0-9０-９]+([,，][0-9０-９]{3})*$";

impl HeadCount {
    /// Reads `183,000` or `１８３，０００`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        let groups: Vec<&str> = t.split([',', '，']).collect();
        let digits_ok =
            |g: &str| !g.is_empty() && g.chars().all(|c| crate::wareki::normalize_digit(c).is_ascii_digit());
        let width = |g: &str| g.chars().count();
        let shape_ok = groups.iter().all(|g| digits_ok(g))
            && groups.iter().skip(1).all(|g| width(g) == 3)
            && (groups.len() == 1 || (1..=3).contains(&groups.first().map_or(0, |g| width(g))));
        if !shape_ok {
            return None;
        }
        let plain: String = t.chars().map(crate::wareki::normalize_digit).filter(char::is_ascii_digit).collect();
        plain.parse().ok().map(HeadCount)
    }
}

impl Serialize for HeadCount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for HeadCount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Int(u64),
            Str(String),
        }
        match Repr::deserialize(d)? {
            Repr::Int(n) => Ok(HeadCount(n)),
            Repr::Str(s) => {
                HeadCount::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a head count: {s}")))
            }
        }
    }
}

impl JsonSchema for HeadCount {
    fn schema_name() -> Cow<'static, str> {
        "HeadCount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "人数。整数、又は数字の文字列（全角・桁区切りも可: \"１８３，０００\"）。",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string", "pattern": HEAD_COUNT_PATTERN }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_counts_normalise() {
        assert_eq!(HeadCount::parse("183000"), Some(HeadCount(183_000)));
        assert_eq!(HeadCount::parse("183,000"), Some(HeadCount(183_000)));
        assert_eq!(HeadCount::parse("１８３，０００"), Some(HeadCount(183_000)));
        assert_eq!(HeadCount::parse("1,83,000"), None);
        assert_eq!(HeadCount::parse("183,00"), None);
        assert_eq!(HeadCount::parse("-5"), None);
        assert_eq!(HeadCount::parse("約18万"), None);
    }
}
