//! The data the Typst template receives: every value already as the form prints it.
//!
//! The template only lays out; all wording decisions (和暦, choice lists, 非公表) are made here,
//! so they are tested in Rust and the JSON can be previewed in any Typst editor.

use std::collections::BTreeMap;

use serde::Serialize;

use super::printed;
use crate::model::kiso::{HandlersBand, KisoAssessment, PriorityMeasure, SubmittedAssessments};
use crate::model::parts::{Cover, HistoryRow};
use crate::model::vocab::Revision;
use crate::model::vocab::{Adequacy, Incident, LinkageStatus, SubjectsBand, TrainingLevel};
use crate::model::{Assessment, FormKind, Text};
use crate::schema_tree::SchemaNode;

pub use crate::model::types::WITHHELD_MARK;
/// The mark on every page of the full version for the 委員会.
pub const FULL_VERSION_MARK: &str = "委員会提出用（非公表部分を含む）";
/// The mark on every page of a draft, and (in parentheses) after its title.
pub const DRAFT_MARK: &str = "素案";
/// What the full version prints before a withheld text, followed by the reason.
pub const WITHHELD_LABEL: &str = "【非公表】";

/// Which version to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The published version: withheld texts are replaced by 「（非公表）」.
    Public,
    /// The complete version submitted to the 個人情報保護委員会.
    Full,
}

/// What every form's template receives: the page, the fonts, the 表紙 and the 変更箇所 (with
/// their labels, from the schema), and the form's own body.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateData {
    pub meta: Meta,
    pub fonts: FontFamilies,
    pub cover: CoverData,
    pub history: Vec<HistoryData>,
    /// The labels of the 表紙 and the 変更箇所 as the schema titles them, by key.
    pub labels: PartLabels,
    #[serde(flatten)]
    pub body: FormBody,
}

/// The labels of the parts every form shares.
#[derive(Debug, Clone, Serialize)]
pub struct PartLabels {
    pub cover: BTreeMap<String, String>,
    /// The heading of the 変更箇所 table (`変更箇所`, `(別添2) 変更箇所`).
    pub history_title: String,
    pub history: BTreeMap<String, String>,
}

/// 様式2's Ⅰ〜Ⅳ.
#[derive(Debug, Clone, Serialize)]
pub struct KisoBody {
    /// Every item's printed heading and label, from the schema, by dotted path.
    pub item_labels: BTreeMap<String, printed::PrintedLabel>,
    pub related: RelatedData,
    pub threshold: ThresholdData,
    pub risk: RiskData,
}

/// The items of the form after its 表紙.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum FormBody {
    /// 様式2, laid out item by item by `kiso.typ`.
    Kiso(Box<KisoBody>),
    /// A form drawn from its schema by `items.typ`: its sections in printed order.
    Items { sections: Vec<printed::Section> },
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// `[令和６年10月　様式２]`, printed top right of page 1.
    pub form_tag: String,
    /// Shown on every page of the full version; `None` for the public one.
    pub full_mark: Option<String>,
    /// Shown on every page of a draft; `None` for a final document.
    pub draft_mark: Option<String>,
    /// The form's name on the cover (`特定個人情報保護評価書（基礎項目評価書）`), the schema's title.
    pub name: String,
    /// The PDF's keywords: 特定個人情報保護評価書, the form's title and its 様式 number.
    pub keywords: Vec<String>,
    /// The PDF's title: 評価書名 as printed on the cover.
    pub title: String,
    pub author: String,
    /// 公表日, the PDF's creation date.
    pub date: DateParts,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct DateParts {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Font family lists (most preferred first), only families that are installed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FontFamilies {
    pub mincho: Vec<String>,
    pub gothic: Vec<String>,
}

/// A text as printed, and whether it is withheld from the public version.
#[derive(Debug, Clone, Serialize)]
pub struct TextData {
    pub text: String,
    pub withheld: bool,
    /// In the full version, what is printed above a withheld text: 「【非公表】」 and the reason
    /// (the `withheld:` text). `None` otherwise: the public version never has the reason.
    pub withheld_mark: Option<String>,
}

/// A single choice: what is chosen, and the ＜選択肢＞ list printed beside it.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceData {
    pub selected: Option<String>,
    pub options: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoverData {
    pub number: String,
    pub title: TextData,
    pub declaration: TextData,
    pub special_notes: Option<TextData>,
    pub body: TextData,
    pub published: String,
    /// 様式4's 承認日 in 和暦 (行政機関等のみ); absent for a form without it or left blank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedData {
    pub affair_name: TextData,
    pub affair_summary: TextData,
    pub systems: TextData,
    pub file_name: TextData,
    pub number_use_basis: TextData,
    pub linkage_status: ChoiceData,
    pub linkage_basis: Option<TextData>,
    pub department: TextData,
    pub head_title: TextData,
    pub other_bodies: TextData,
    pub disclosure_contact: TextData,
    pub inquiry_contact: TextData,
    pub rule_9_2_applied: bool,
    pub rule_9_2_reason: Option<TextData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ThresholdData {
    pub subjects: ChoiceData,
    pub subjects_as_of: String,
    pub handlers: ChoiceData,
    pub handlers_as_of: String,
    pub incident: ChoiceData,
    /// Ⅲ, computed from Ⅱ (the rules check that the YAML says the same).
    pub result: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskData {
    pub submitted: ChoiceData,
    pub acquisition: ChoiceData,
    pub use_linkage: ChoiceData,
    pub use_unauthorized: ChoiceData,
    pub not_outsourced: bool,
    pub outsourcing: ChoiceData,
    pub not_provided: bool,
    pub provision: ChoiceData,
    pub not_connected_acquisition: bool,
    pub not_connected_provision: bool,
    pub network_acquisition: ChoiceData,
    pub network_provision: ChoiceData,
    pub storage: ChoiceData,
    pub no_manual_work: bool,
    pub manual_work: ChoiceData,
    pub manual_work_basis: Option<TextData>,
    pub self_inspection: bool,
    pub internal_audit: bool,
    pub external_audit: bool,
    pub training: ChoiceData,
    pub full_or_focused_assessment: bool,
    pub priority_measure: ChoiceData,
    pub priority_adequacy: ChoiceData,
    pub priority_basis: Option<TextData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryData {
    pub date: String,
    pub item: String,
    pub before: Option<TextData>,
    pub after: Option<TextData>,
    pub timing: Option<String>,
    pub reason: Option<TextData>,
}

/// A user's text as the PDF prints it: a tab (pasted from a spreadsheet cell) would vanish
/// in the PDF, so it prints as a space.
fn printable(s: &str) -> String {
    s.replace('\t', " ")
}

pub(super) fn text(t: &Text, audience: Audience) -> TextData {
    match (&t.withheld, audience) {
        (Some(_), Audience::Public) => TextData { text: WITHHELD_MARK.to_owned(), withheld: true, withheld_mark: None },
        (Some(reason), Audience::Full) => TextData {
            text: printable(&t.text),
            withheld: true,
            withheld_mark: Some(match reason.trim() {
                "" => WITHHELD_LABEL.to_owned(),
                reason => format!("{WITHHELD_LABEL}理由：{}", printable(reason)),
            }),
        },
        (None, _) => TextData { text: printable(&t.text), withheld: false, withheld_mark: None },
    }
}

fn opt_text(t: &Option<Text>, audience: Audience) -> Option<TextData> {
    t.as_ref().map(|t| text(t, audience))
}

/// Builds a [`ChoiceData`] from any of the model's choice enums.
macro_rules! choice_data {
    ($ty:ty, $value:expr) => {{
        let value: Option<$ty> = $value;
        ChoiceData {
            selected: value.map(|v| v.label().to_owned()),
            options: <$ty>::ALL.iter().map(|c| format!("{}) {}", c.number(), c.label())).collect(),
        }
    }};
}

/// Whether the document is final, or a draft (素案) that may be rendered before it checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Final,
    /// Every page is marked 「素案」 and the title ends with 「（素案）」.
    Draft,
}

/// The template's data for an assessment of any form.
pub fn template_data(a: &Assessment, audience: Audience, stage: Stage, fonts: FontFamilies) -> TemplateData {
    let kind = a.kind();
    let body = match a {
        Assessment::Kiso(a) => kiso_body(a, audience),
        Assessment::Juten(_) | Assessment::Zenkomoku(_) => {
            FormBody::Items { sections: printed::sections(kind, &a.to_json(), audience) }
        }
    };
    let mut data = shared(kind, a.revision(), a.cover(), a.history(), body, audience, stage, fonts);
    if let Assessment::Zenkomoku(z) = a {
        data.cover.approval = z.cover.approval.map(|d| d.to_wareki());
    }
    data
}

/// The page, the 表紙 and the 変更箇所, which every form prints alike, around its `body`.
#[allow(clippy::too_many_arguments)]
fn shared(
    kind: FormKind,
    revision: Revision,
    cover: &Cover,
    history: &[HistoryRow],
    body: FormBody,
    audience: Audience,
    stage: Stage,
    fonts: FontFamilies,
) -> TemplateData {
    let form = SchemaNode::root(crate::schema::schema_value(kind));
    let published = cover.published;
    let mut title = text(&cover.title, audience);
    if stage == Stage::Draft {
        title.text.push_str(&format!("（{DRAFT_MARK}）"));
    }
    TemplateData {
        meta: Meta {
            form_tag: kind.printed_tag(revision),
            full_mark: (audience == Audience::Full).then(|| FULL_VERSION_MARK.to_owned()),
            draft_mark: (stage == Stage::Draft).then(|| DRAFT_MARK.to_owned()),
            name: form.title().unwrap_or_default().to_owned(),
            keywords: vec!["特定個人情報保護評価書".to_owned(), kind.title().to_owned(), kind.label().to_owned()],
            title: title.text.clone(),
            author: text(&cover.body, audience).text,
            date: DateParts { year: published.year(), month: published.month(), day: published.day() },
        },
        fonts,
        cover: CoverData {
            number: printable(&cover.number.to_string()),
            title,
            declaration: text(&cover.declaration, audience),
            special_notes: opt_text(&cover.special_notes, audience),
            body: text(&cover.body, audience),
            published: published.to_wareki(),
            approval: None,
        },
        history: history
            .iter()
            .map(|h| HistoryData {
                date: h.date.to_wareki(),
                item: printable(&h.item),
                before: opt_text(&h.before, audience),
                after: opt_text(&h.after, audience),
                timing: h.timing.map(|t| t.label().to_owned()),
                reason: opt_text(&h.reason, audience),
            })
            .collect(),
        labels: PartLabels {
            cover: cover_labels(kind, revision, form),
            history_title: form.property("history").and_then(|h| h.title()).unwrap_or_default().to_owned(),
            history: printed::part_labels(form.property("history")),
        },
        body,
    }
}

/// The 表紙's labels by key, as the form's edition prints them (before 平成28年1月, 様式4's
/// 承認日 names the 特定個人情報保護委員会).
fn cover_labels(kind: FormKind, revision: Revision, form: SchemaNode<'_>) -> BTreeMap<String, String> {
    let mut labels = printed::part_labels(form.property("cover"));
    for (key, label) in &mut labels {
        if let Some(old) = kind.label_in(revision, &format!("/cover/{key}")) {
            *label = crate::schema_tree::Title::parse(old).words.to_owned();
        }
    }
    labels
}

/// 様式2's items after the 表紙, as `kiso.typ` lays them out.
fn kiso_body(a: &KisoAssessment, audience: Audience) -> FormBody {
    let t = &a.threshold_items;
    let r = &a.risk_measures;
    let i = &a.related_info;
    FormBody::Kiso(Box::new(KisoBody {
        item_labels: printed::printed_labels(SchemaNode::root(crate::schema::schema_value(FormKind::Kiso))),
        related: RelatedData {
            affair_name: text(&i.affair.name, audience),
            affair_summary: text(&i.affair.summary, audience),
            systems: text(&i.affair.systems, audience),
            file_name: text(&i.file_name, audience),
            number_use_basis: text(&i.number_use_basis, audience),
            linkage_status: choice_data!(LinkageStatus, Some(i.network_linkage.status)),
            linkage_basis: opt_text(&i.network_linkage.basis, audience),
            department: text(&i.department.name, audience),
            head_title: text(&i.department.head_title, audience),
            other_bodies: text(&i.other_bodies, audience),
            disclosure_contact: text(&i.disclosure_contact, audience),
            inquiry_contact: text(&i.inquiry_contact, audience),
            rule_9_2_applied: i.rule_9_2.applied,
            rule_9_2_reason: opt_text(&i.rule_9_2.reason, audience),
        },
        threshold: ThresholdData {
            subjects: choice_data!(SubjectsBand, Some(t.subjects.band)),
            subjects_as_of: t.subjects.as_of.to_wareki(),
            handlers: choice_data!(HandlersBand, Some(t.handlers.band)),
            handlers_as_of: t.handlers.as_of.to_wareki(),
            incident: choice_data!(Incident, Some(t.incident)),
            result: t.required().label().to_owned(),
        },
        risk: RiskData {
            submitted: choice_data!(SubmittedAssessments, Some(r.submitted)),
            acquisition: choice_data!(Adequacy, Some(r.acquisition)),
            use_linkage: choice_data!(Adequacy, Some(r.usage.linkage)),
            use_unauthorized: choice_data!(Adequacy, Some(r.usage.unauthorized_use)),
            not_outsourced: r.outsourcing.not_outsourced,
            outsourcing: choice_data!(Adequacy, r.outsourcing.adequacy),
            not_provided: r.provision.not_provided,
            provision: choice_data!(Adequacy, r.provision.adequacy),
            not_connected_acquisition: r.network.not_connected_acquisition,
            not_connected_provision: r.network.not_connected_provision,
            network_acquisition: choice_data!(Adequacy, r.network.acquisition),
            network_provision: choice_data!(Adequacy, r.network.provision),
            storage: choice_data!(Adequacy, Some(r.storage)),
            no_manual_work: r.manual_work.none,
            manual_work: choice_data!(Adequacy, r.manual_work.adequacy),
            manual_work_basis: opt_text(&r.manual_work.basis, audience),
            self_inspection: r.audit.self_inspection,
            internal_audit: r.audit.internal_audit,
            external_audit: r.audit.external_audit,
            training: choice_data!(TrainingLevel, Some(r.training)),
            full_or_focused_assessment: r.priority.full_or_focused_assessment,
            priority_measure: choice_data!(PriorityMeasure, r.priority.measure),
            priority_adequacy: choice_data!(Adequacy, r.priority.adequacy),
            priority_basis: opt_text(&r.priority.basis, audience),
        },
    }))
}
