//! The assessment forms as Rust types; the JSON Schema and every check are derived from them.

pub mod blocks;
pub mod juten;
pub mod kiso;
pub mod parts;
pub mod revisions;
pub mod types;
pub mod vocab;
pub mod zenkomoku;

pub use juten::JutenAssessment;
pub use kiso::KisoAssessment;
pub use types::{AssessmentNumber, Text};
pub use zenkomoku::ZenkomokuAssessment;

/// The official forms pia knows. A closed set: every `match` on it names each form, so adding
/// one makes the compiler list every place that must handle it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// 様式2 基礎項目評価書.
    Kiso,
    /// 様式3 重点項目評価書.
    Juten,
    /// 様式4 全項目評価書.
    Zenkomoku,
}

impl FormKind {
    /// Every form, in the order of the official numbering.
    pub const ALL: &'static [FormKind] = &[FormKind::Kiso, FormKind::Juten, FormKind::Zenkomoku];

    /// The value of `form:` in YAML, as the form's tag prints it (`様式2`).
    pub fn label(self) -> &'static str {
        match self {
            FormKind::Kiso => "様式2",
            FormKind::Juten => "様式3",
            FormKind::Zenkomoku => "様式4",
        }
    }

    /// What the form is called (`基礎項目評価書`).
    pub fn title(self) -> &'static str {
        match self {
            FormKind::Kiso => "基礎項目評価書",
            FormKind::Juten => "重点項目評価書",
            FormKind::Zenkomoku => "全項目評価書",
        }
    }

    /// The form's name in file names, schema keys and rule codes (`zenkomoku`).
    pub fn key(self) -> &'static str {
        match self {
            FormKind::Kiso => "kiso",
            FormKind::Juten => "juten",
            FormKind::Zenkomoku => "zenkomoku",
        }
    }

    /// The form whose `form:` value is `label`.
    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.label() == label)
    }

    /// The forms as a list for messages: `様式2（基礎項目評価書）、…`.
    pub fn listing() -> String {
        Self::ALL.iter().map(|k| format!("{}（{}）", k.label(), k.title())).collect::<Vec<_>>().join("、")
    }
}

/// One loaded assessment, of whichever form.
#[derive(Debug, Clone, PartialEq)]
pub enum Assessment {
    Kiso(Box<KisoAssessment>),
    Juten(Box<JutenAssessment>),
    Zenkomoku(Box<ZenkomokuAssessment>),
}

impl Assessment {
    pub fn kind(&self) -> FormKind {
        match self {
            Assessment::Kiso(_) => FormKind::Kiso,
            Assessment::Juten(_) => FormKind::Juten,
            Assessment::Zenkomoku(_) => FormKind::Zenkomoku,
        }
    }

    /// 様式の版.
    pub fn revision(&self) -> vocab::Revision {
        match self {
            Assessment::Kiso(a) => a.revision,
            Assessment::Juten(a) => a.revision,
            Assessment::Zenkomoku(a) => a.revision,
        }
    }

    /// 直近の評価, when written.
    pub fn last_assessment(&self) -> Option<&parts::LastAssessment> {
        match self {
            Assessment::Kiso(a) => a.last_assessment.as_ref(),
            Assessment::Juten(a) => a.last_assessment.as_ref(),
            Assessment::Zenkomoku(a) => a.last_assessment.as_ref(),
        }
    }

    /// The model as JSON, with the YAML's keys (what form-independent checks walk).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Assessment::Kiso(a) => serde_json::to_value(a),
            Assessment::Juten(a) => serde_json::to_value(a),
            Assessment::Zenkomoku(a) => serde_json::to_value(a),
        }
        .unwrap_or(serde_json::Value::Null)
    }

    /// 表紙: every form has one.
    pub fn cover(&self) -> &parts::Cover {
        match self {
            Assessment::Kiso(a) => &a.cover,
            Assessment::Juten(a) => &a.cover,
            Assessment::Zenkomoku(a) => &a.cover.common,
        }
    }

    /// 変更箇所, newest first: every form has one.
    pub fn history(&self) -> &[parts::HistoryRow] {
        match self {
            Assessment::Kiso(a) => &a.history,
            Assessment::Juten(a) => &a.history,
            Assessment::Zenkomoku(a) => &a.history,
        }
    }
}
