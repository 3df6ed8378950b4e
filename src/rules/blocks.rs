//! What the rules of 様式3 and 様式4 share: the same checks of the same blocks (Ⅱ 4./Ⅱ 5. against
//! Ⅲ 4./Ⅲ 5., Ⅲ 6. against Ⅰ's 情報連携, the boxes of Ⅲ against their answers, 再委託 and 重大事故
//! details, and the しきい値判断結果 against Ⅰ 1. ③), each given the items of its form.

use super::FormContext;
use super::cover::blank;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Text;
use crate::model::blocks::Provision;
use crate::model::vocab::{Incident, Obligation, OutsourcingStatus, ResubcontractStatus, SubjectsBand};

/// 「ファイルn」 as the form heads a file's block.
pub(super) fn file_label(i: usize) -> String {
    format!("ファイル{}", i + 1)
}

/// Ⅲ 4.「委託しない」 of file `i` against Ⅱ 4. 委託の有無 and the 委託事項 written (the same
/// pointers on both forms).
pub(super) fn outsourcing_mismatch<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    i: usize,
    (status, items, not_outsourced_box): (OutsourcingStatus, usize, bool),
    out: &mut Vec<Diagnostic>,
) {
    let not_outsourced = status == OutsourcingStatus::NotOutsourced;
    let file = file_label(i);
    if not_outsourced_box != not_outsourced {
        let (ja, en) = if not_outsourced {
            ("印を付けます", "must be checked")
        } else {
            ("印を付けません", "must not be checked")
        };
        out.push(cx.at(
            code,
            &format!("/files/{i}/risk/outsourcing/not_outsourced"),
            format!("{file}のⅡ4 委託の有無が「{status}」のため、Ⅲ4「委託しない」には{ja}。"),
            format!("{file}: Ⅱ4 says 「{status}」, so Ⅲ4's 「委託しない」 {en}."),
        ));
    }
    if not_outsourced && items > 0 {
        out.push(cx.at(
            code,
            &format!("/files/{i}/overview/outsourcing/items"),
            format!("{file}のⅡ4 委託の有無が「委託しない」なのに、委託事項が{items}件書かれています。"),
            format!("{file}: Ⅱ4 says 「委託しない」 but {items} 委託事項 are written."),
        ));
    } else if !not_outsourced && items == 0 {
        out.push(cx.at(
            code,
            &format!("/files/{i}/overview/outsourcing/status"),
            format!("{file}のⅡ4 委託の有無が「委託する」なのに、委託事項が1件もありません。"),
            format!("{file}: Ⅱ4 says 「委託する」 but no 委託事項 is written."),
        ));
    }
}

/// Ⅱ 5.'s boxes against the 提供先 and 移転先 written, and Ⅲ 5.「提供・移転しない」 against Ⅱ 5.
pub(super) fn provision_mismatch<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    i: usize,
    p: &Provision,
    not_provided_box: bool,
    out: &mut Vec<Diagnostic>,
) {
    let file = file_label(i);
    let base = format!("/files/{i}/overview/provision");
    let pairs = [
        ("提供を行っている", "providing", p.providing, "提供先", p.recipients.len()),
        ("移転を行っている", "transferring", p.transferring, "移転先", p.transferees.len()),
    ];
    for (label, key, ticked, whom, n) in pairs {
        if ticked && n == 0 {
            out.push(cx.at(
                code,
                &format!("{base}/{key}"),
                format!("{file}のⅡ5「{label}」に印があるのに、{whom}が1件もありません。"),
                format!("{file}: Ⅱ5 「{label}」 is checked but no {whom} is written."),
            ));
        } else if !ticked && n > 0 {
            out.push(cx.at(
                code,
                &format!("{base}/{key}"),
                format!("{file}のⅡ5に{whom}が{n}件あるのに、「{label}」に印がありません。"),
                format!("{file}: Ⅱ5 lists {n} {whom} but 「{label}」 is not checked."),
            ));
        }
    }
    let none_written = p.recipients.is_empty() && p.transferees.is_empty();
    if p.none != none_written {
        let (ja, en) = if none_written {
            (
                "提供先も移転先もないため、Ⅱ5「行っていない」に印を付けます。",
                "there is no 提供先 or 移転先, so Ⅱ5 「行っていない」 must be checked.",
            )
        } else {
            (
                "提供先又は移転先があるため、Ⅱ5「行っていない」には印を付けません。",
                "a 提供先 or 移転先 is written, so Ⅱ5 「行っていない」 must not be checked.",
            )
        };
        out.push(cx.at(code, &format!("{base}/none"), format!("{file}: {ja}"), format!("{file}: {en}")));
    }
    if not_provided_box != p.none {
        let (ja, en) = if p.none {
            ("印を付けます", "must be checked")
        } else {
            ("印を付けません", "must not be checked")
        };
        let said = if p.none { "行っていない" } else { "行っている" };
        out.push(cx.at(
            code,
            &format!("/files/{i}/risk/provision/not_provided"),
            format!("{file}のⅡ5 提供・移転の有無が「{said}」のため、Ⅲ5「提供・移転しない」には{ja}。"),
            format!("{file}: Ⅱ5 says 「{said}」, so Ⅲ5's 「提供・移転しない」 {en}."),
        ));
    }
}

/// Ⅲ 6.'s 「接続しない」 boxes of file `i` when Ⅰ's 情報連携 says 「実施しない」: both must be
/// checked (`linkage` is its number on the form: Ⅰ5 on 様式3, Ⅰ6 on 様式4).
pub(super) fn network_not_linked<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    linkage: &str,
    i: usize,
    (not_acquisition, not_provision): (bool, bool),
    out: &mut Vec<Diagnostic>,
) {
    let file = file_label(i);
    for (key, label, ticked) in [
        ("not_connected_acquisition", "接続しない（入手）", not_acquisition),
        ("not_connected_provision", "接続しない（提供）", not_provision),
    ] {
        if !ticked {
            out.push(cx.at(
                code,
                &format!("/files/{i}/risk/network/{key}"),
                format!("{linkage} 情報連携が「実施しない」のため、{file}のⅢ6「{label}」に印を付けます。"),
                format!("{linkage} says 「実施しない」, so {file}'s Ⅲ6 「{label}」 must be checked."),
            ));
        }
    }
}

/// One of Ⅲ's "…しない／ない" boxes with the answers it makes unnecessary.
pub(super) struct Gated {
    /// Where on the form (Ⅲ4).
    pub item: &'static str,
    /// The file whose box it is (its findings start 「ファイル1の」), or none for a box of the
    /// whole assessment.
    pub file: Option<usize>,
    pub checkbox: &'static str,
    pub checked: bool,
    /// Each answer: its pointer, its label, whether it is written, and whether it is needed when
    /// the box is not checked (some texts are asked only after a choice).
    pub answers: Vec<Answer>,
}

/// An answer a box makes unnecessary.
pub(super) struct Answer {
    pub pointer: String,
    pub label: String,
    pub written: bool,
    pub needed: bool,
}

impl Answer {
    /// An answer the form asks for whenever the box is not checked.
    pub fn needed(pointer: String, label: impl Into<String>, written: bool) -> Self {
        Self { pointer, label: label.into(), written, needed: true }
    }

    /// An answer the form asks for only in some cases (a text after a choice): never reported
    /// missing, reported when the box is checked.
    pub fn optional(pointer: String, label: impl Into<String>, written: bool) -> Self {
        Self { pointer, label: label.into(), written, needed: false }
    }

    /// A text the form asks for whenever the box is not checked.
    pub fn text(pointer: String, label: impl Into<String>, text: &Option<Text>) -> Self {
        Self::needed(pointer, label, !blank(text))
    }
}

impl Gated {
    fn prefix(&self) -> (String, String) {
        self.file.map_or_else(
            || (String::new(), String::new()),
            |i| (format!("{}の", file_label(i)), format!("{} ", file_label(i))),
        )
    }
}

/// The answers missing under boxes that are not checked.
pub(super) fn answers_missing<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    gated: &[Gated],
    out: &mut Vec<Diagnostic>,
) {
    for g in gated.iter().filter(|g| !g.checked) {
        let (file, en) = g.prefix();
        for a in g.answers.iter().filter(|a| a.needed && !a.written) {
            out.push(cx.at(
                code,
                &a.pointer,
                format!("{file}{}「{}」に印がないため、「{}」を記載します。", g.item, g.checkbox, a.label),
                format!("{en}{}: 「{}」 is not checked, so 「{}」 must be answered.", g.item, g.checkbox, a.label),
            ));
        }
    }
}

/// The answers written under boxes that are checked.
pub(super) fn answered_though_not_applicable<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    gated: &[Gated],
    out: &mut Vec<Diagnostic>,
) {
    for g in gated.iter().filter(|g| g.checked) {
        let (file, en) = g.prefix();
        for a in g.answers.iter().filter(|a| a.written) {
            out.push(cx.at(
                code,
                &a.pointer,
                format!("{file}{}「{}」に印があるため、「{}」は記載しません。", g.item, g.checkbox, a.label),
                format!("{en}{}: 「{}」 is checked, so 「{}」 is left blank.", g.item, g.checkbox, a.label),
            ));
        }
    }
}

/// The numbers the form gives the 再委託 items: the status, the permission and the matters
/// (④⑤⑥ on 様式3, ⑦⑧⑨ on 様式4).
pub(super) struct ResubcontractItems {
    pub status: &'static str,
    pub permission: &'static str,
    pub matters: &'static str,
}

/// 「再委託する」 without how it is permitted or what is subcontracted, for 委託事項 `j` of file `i`.
pub(super) fn resubcontract_details_missing<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    (i, j): (usize, usize),
    (status, permission, matters): (ResubcontractStatus, &Option<Text>, &Option<Text>),
    items: &ResubcontractItems,
    out: &mut Vec<Diagnostic>,
) {
    if status != ResubcontractStatus::Resubcontracted {
        return;
    }
    let base = format!("/files/{i}/overview/outsourcing/items/{j}/resubcontract");
    let said = items.status;
    for (key, label, missing) in
        [("permission", items.permission, blank(permission)), ("matters", items.matters, blank(matters))]
    {
        if missing {
            out.push(cx.at(
                code,
                &format!("{base}/{key}"),
                format!(
                    "{}の委託事項{}は{said}再委託の有無が「再委託する」のため、{label}を記載します。",
                    file_label(i),
                    j + 1
                ),
                format!("{} 委託事項{}: {said} says 「再委託する」, so {label} must be written.", file_label(i), j + 1),
            ));
        }
    }
}

/// 「発生あり」 without its details or the prevention measures, for file `i`; `item` names the
/// question (Ⅲ7② on 様式3, Ⅲ7リスク1⑨ on 様式4) and `base` is the pointer of its block.
pub(super) fn incident_details_missing<A>(
    cx: &FormContext<'_, A>,
    code: &'static Code,
    (i, item, base): (usize, &str, &str),
    (occurred, details, prevention): (Incident, &Option<Text>, &Option<Text>),
    out: &mut Vec<Diagnostic>,
) {
    if occurred != Incident::Occurred {
        return;
    }
    for (key, label, missing) in
        [("details", "その内容", blank(details)), ("prevention", "再発防止策の内容", blank(prevention))]
    {
        if missing {
            out.push(cx.at(
                code,
                &format!("{base}/{key}"),
                format!("{}の{item}が「発生あり」のため、{label}を記載します。", file_label(i)),
                format!("{}: {item} says 「発生あり」, so {label} must be written.", file_label(i)),
            ));
        }
    }
}

/// The しきい値判断結果 written (`result`, what it makes mandatory) when the 対象人数 cannot lead to
/// it: the obligations the band can lead to (whatever the 取扱者数 and 重大事故, which 様式3 and 様式4
/// do not record), or `None` when `result` is one of them.
pub(super) fn impossible_result(subjects: SubjectsBand, result: Obligation) -> Option<Vec<Obligation>> {
    let possible = crate::threshold::possible(subjects);
    (!possible.contains(&result)).then_some(possible)
}
