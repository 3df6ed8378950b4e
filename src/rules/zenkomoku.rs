//! Rules of 様式4 全項目評価書: Ⅲ's boxes against Ⅱ and Ⅰ6, Ⅲ's risks and answers under them,
//! 再委託 and 重大事故 details, and Ⅵ1② against Ⅰ1③ (the checks 様式3 shares are in
//! [`super::blocks`]).
//!
//! The procedure of Ⅵ 2.〜4. is checked in [`super::procedure`]; the figures of (別添1) are not
//! checked.

use super::ZenkomokuContext;
use super::blocks::{self, Answer, Gated, ResubcontractItems};
use super::cover::blank;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::FormKind;
use crate::model::vocab::{LinkageStatus, ResubcontractStatus};
use crate::model::zenkomoku::{ResubcontractorCare, SpecificFile, ZenkomokuThresholdResult};

pub fn outsourcing_mismatch(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let o = &f.overview.outsourcing;
        blocks::outsourcing_mismatch(cx, code, i, (o.status, o.items.len(), f.risk.outsourcing.not_outsourced), out);
    }
}

/// Ⅲ 4.'s 「再委託していない」 against the 委託事項's ⑦再委託の有無 (when Ⅲ 4. is answered and Ⅱ 4.
/// lists 委託事項).
pub fn resubcontract_mismatch(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let items = &f.overview.outsourcing.items;
        let (Some(care), false) = (f.risk.outsourcing.resubcontractor, items.is_empty()) else { continue };
        let resubcontracted =
            items.iter().filter(|e| e.resubcontract.status == ResubcontractStatus::Resubcontracted).count();
        let file = blocks::file_label(i);
        let said = care.label();
        let pointer = format!("/files/{i}/risk/outsourcing/resubcontractor");
        if care == ResubcontractorCare::NotResubcontracted && resubcontracted > 0 {
            out.push(cx.at(
                code,
                &pointer,
                format!("{file}のⅢ4は「{said}」ですが、Ⅱ4の委託事項のうち{resubcontracted}件は⑦再委託の有無が「再委託する」です。"),
                format!("{file}: Ⅲ4 says 「{said}」 but Ⅱ4 has {resubcontracted} 委託事項 whose ⑦ is 「再委託する」."),
            ));
        } else if care != ResubcontractorCare::NotResubcontracted && resubcontracted == 0 {
            out.push(cx.at(
                code,
                &pointer,
                format!("{file}のⅡ4の委託事項はどれも⑦再委託の有無が「再委託しない」のため、Ⅲ4は「再委託していない」を選びます。記載は「{said}」です。"),
                format!("{file}: no 委託事項 of Ⅱ4 is subcontracted (⑦), so Ⅲ4 is 「再委託していない」; it says 「{said}」."),
            ));
        }
    }
}

pub fn provision_mismatch(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        blocks::provision_mismatch(cx, code, i, &f.overview.provision, f.risk.provision.not_provided, out);
    }
}

/// Ⅲ 6.'s boxes against Ⅰ 6.: 「実施しない」 needs both boxes in every file; 「実施する」 needs one
/// file, at least, that connects (a file of a linked affair may connect in neither direction, as a
/// 本人確認情報ファイル does).
pub fn network_mismatch(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let boxes = |f: &SpecificFile| (f.risk.network.not_connected_acquisition, f.risk.network.not_connected_provision);
    match a.basic_info.network_linkage.status {
        LinkageStatus::No => {
            for (i, f) in a.files.iter().enumerate() {
                blocks::network_not_linked(cx, code, "Ⅰ6", i, boxes(f), out);
            }
        }
        LinkageStatus::Yes if a.files.iter().map(boxes).all(|(acquisition, provision)| acquisition && provision) => {
            out.push(cx.at(
                code,
                "/files/0/risk/network/not_connected_acquisition",
                "Ⅰ6 情報連携が「実施する」なのに、どのファイルもⅢ6「接続しない（入手）」「接続しない（提供）」の両方に印があります。".into(),
                "Ⅰ6 says 「実施する」 but every file has both of Ⅲ6's 「接続しない」 boxes checked.".into(),
            ));
        }
        LinkageStatus::Yes | LinkageStatus::Undecided => {}
    }
}

/// The item at `pointer` as the form prints it inside its section (「情報保護管理体制の確認」 for
/// Ⅲ 4.), read from the schema so that no label is written twice.
fn label(pointer: &str) -> String {
    let title = crate::schema::title_for_pointer(FormKind::Zenkomoku, pointer).unwrap_or_default();
    title.split_once(". ").map_or(title.clone(), |(_, item)| item.to_owned())
}

/// An answer of file `i`'s Ⅲ at `rest` (`outsourcing/adequacy`), named by its label.
fn answer(i: usize, rest: &str, written: bool, needed: bool) -> Answer {
    let pointer = format!("/files/{i}/risk/{rest}");
    let label = label(&pointer);
    if needed { Answer::needed(pointer, label, written) } else { Answer::optional(pointer, label, written) }
}

/// Each of Ⅲ's boxes of file `i` with what it makes unnecessary: Ⅲ4's items, Ⅲ5's risks, Ⅲ6's
/// risks of 入手 (1〜4) and of 提供 (5〜7) and its closing text, and Ⅲ8's answers when present.
fn gated(f: &SpecificFile, i: usize) -> Vec<Gated> {
    let r = &f.risk;
    let o = &r.outsourcing;
    let (p, n) = (&r.provision, &r.network);
    let text = |t: &Option<crate::model::Text>| !blank(t);
    let mut list = vec![
        Gated {
            item: "Ⅲ4",
            file: Some(i),
            checkbox: "委託しない",
            checked: o.not_outsourced,
            answers: vec![
                answer(i, "outsourcing/info_protection", text(&o.info_protection), true),
                answer(i, "outsourcing/access_restriction", o.access_restriction.is_some(), true),
                answer(i, "outsourcing/access_restriction_method", text(&o.access_restriction_method), false),
                answer(i, "outsourcing/handling_log", o.handling_log.is_some(), true),
                answer(i, "outsourcing/handling_log_method", text(&o.handling_log_method), false),
                answer(i, "outsourcing/provision_rules", o.provision_rules.is_some(), true),
                answer(i, "outsourcing/provision_to_others", text(&o.provision_to_others), false),
                answer(i, "outsourcing/provision_between", text(&o.provision_between), false),
                answer(i, "outsourcing/erasure_rules", o.erasure_rules.is_some(), true),
                answer(i, "outsourcing/erasure_rules_content", text(&o.erasure_rules_content), false),
                answer(i, "outsourcing/contract_clauses", o.contract_clauses.is_some(), true),
                answer(i, "outsourcing/contract_clauses_content", text(&o.contract_clauses_content), false),
                answer(i, "outsourcing/resubcontractor", o.resubcontractor.is_some(), true),
                answer(i, "outsourcing/resubcontractor_method", text(&o.resubcontractor_method), false),
                answer(i, "outsourcing/other_measures", text(&o.other_measures), true),
                answer(i, "outsourcing/adequacy", o.adequacy.is_some(), true),
                answer(i, "outsourcing/other", text(&o.other), true),
            ],
        },
        Gated {
            item: "Ⅲ5",
            file: Some(i),
            checkbox: "提供・移転しない",
            checked: p.not_provided,
            answers: vec![
                answer(i, "provision/risk1", p.risk1.is_some(), true),
                answer(i, "provision/risk2", p.risk2.is_some(), true),
                answer(i, "provision/risk3", p.risk3.is_some(), true),
                answer(i, "provision/other", text(&p.other), true),
            ],
        },
        Gated {
            item: "Ⅲ6",
            file: Some(i),
            checkbox: "接続しない（入手）",
            checked: n.not_connected_acquisition,
            answers: vec![
                answer(i, "network/risk1", n.risk1.is_some(), true),
                answer(i, "network/risk2", n.risk2.is_some(), true),
                answer(i, "network/risk3", n.risk3.is_some(), true),
                answer(i, "network/risk4", n.risk4.is_some(), true),
            ],
        },
        Gated {
            item: "Ⅲ6",
            file: Some(i),
            checkbox: "接続しない（提供）",
            checked: n.not_connected_provision,
            answers: vec![
                answer(i, "network/risk5", n.risk5.is_some(), true),
                answer(i, "network/risk6", n.risk6.is_some(), true),
                answer(i, "network/risk7", n.risk7.is_some(), true),
            ],
        },
        Gated {
            item: "Ⅲ6",
            file: Some(i),
            checkbox: "接続しない（入手）」「接続しない（提供）",
            checked: n.not_connected_acquisition && n.not_connected_provision,
            answers: vec![answer(i, "network/other", text(&n.other), true)],
        },
    ];
    if let Some(m) = &r.manual_work {
        list.push(Gated {
            item: "Ⅲ8",
            file: Some(i),
            checkbox: "人手を介在させる作業はない",
            checked: m.none,
            answers: vec![
                answer(i, "manual_work/adequacy", m.adequacy.is_some(), true),
                answer(i, "manual_work/basis", text(&m.basis), true),
            ],
        });
    }
    list
}

fn all_gated(cx: &ZenkomokuContext<'_>) -> Vec<Gated> {
    cx.assessment.files.iter().enumerate().flat_map(|(i, f)| gated(f, i)).collect()
}

pub fn risk_answer_missing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    blocks::answers_missing(cx, code, &all_gated(cx), out);
}

pub fn not_applicable_but_answered(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    blocks::answered_though_not_applicable(cx, code, &all_gated(cx), out);
}

/// 様式4's numbers of the 再委託 items.
const RESUBCONTRACT: ResubcontractItems =
    ResubcontractItems { status: "⑦", permission: "⑧再委託の許諾方法", matters: "⑨再委託事項" };

pub fn resubcontract_details_missing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        for (j, e) in f.overview.outsourcing.items.iter().enumerate() {
            let r = &e.resubcontract;
            blocks::resubcontract_details_missing(
                cx,
                code,
                (i, j),
                (r.status, &r.permission, &r.matters),
                &RESUBCONTRACT,
                out,
            );
        }
    }
}

pub fn incident_details_missing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let s = &f.risk.storage.risk1.serious_incident;
        let base = format!("/files/{i}/risk/storage/risk1/serious_incident");
        blocks::incident_details_missing(
            cx,
            code,
            (i, "Ⅲ7リスク1⑨", &base),
            (s.occurred, &s.details, &s.prevention),
            out,
        );
    }
}

pub fn threshold_result_mismatch(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let subjects = a.basic_info.affair.subjects;
    let result = a.procedure.kiso.result;
    let Some(possible) = blocks::impossible_result(subjects, result.obligation()) else { return };
    let expected: Vec<String> = ZenkomokuThresholdResult::ALL
        .iter()
        .filter(|r| possible.contains(&r.obligation()))
        .map(|r| format!("「{r}」"))
        .collect();
    let expected = expected.join(cx.lang.pick("又は", " or "));
    out.push(cx.at(
        code,
        "/procedure/kiso/result",
        format!("Ⅰ1③対象人数が「{subjects}」の場合、Ⅵ1②しきい値判断結果は{expected}です。記載は「{result}」です。"),
        format!("With Ⅰ1③ 「{subjects}」, Ⅵ1② is {expected}; it is 「{result}」."),
    ));
}
