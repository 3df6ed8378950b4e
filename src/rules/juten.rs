//! Rules of 様式3 重点項目評価書: Ⅲ's boxes against Ⅱ and Ⅰ5, Ⅲ's answers, 再委託 and 重大事故
//! details, and Ⅴ1② against Ⅰ1③ (the checks 様式4 shares are in [`super::blocks`]).
//!
//! Ⅰ 3. 特定個人情報ファイル名 is not checked: the model has no such field, the form prints it
//! from each file's Ⅱ 1. (`JutenAssessment::file_names`), so it cannot disagree with Ⅱ/Ⅲ.

use super::JutenContext;
use super::blocks::{self, Answer, Gated, ResubcontractItems};
use super::cover::blank;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::juten::{JutenThresholdResult, SpecificFile};
use crate::model::vocab::{LinkageStatus, Obligation};

pub fn outsourcing_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let o = &f.overview.outsourcing;
        blocks::outsourcing_mismatch(cx, code, i, (o.status, o.items.len(), f.risk.outsourcing.not_outsourced), out);
    }
}

pub fn provision_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        blocks::provision_mismatch(cx, code, i, &f.overview.provision, f.risk.provision.not_provided, out);
    }
}

pub fn network_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let status = cx.assessment.basic_info.network_linkage.status;
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let n = &f.risk.network;
        let boxes = (n.not_connected_acquisition, n.not_connected_provision);
        match status {
            LinkageStatus::No => blocks::network_not_linked(cx, code, "Ⅰ5", i, boxes, out),
            // Each file on its own: a file of a linked affair that connects in neither direction is
            // reported too.
            LinkageStatus::Yes if boxes.0 && boxes.1 => out.push(cx.at(
                code,
                &format!("/files/{i}/risk/network/not_connected_acquisition"),
                format!(
                    "Ⅰ5 情報連携が「実施する」なのに、{}のⅢ6「接続しない（入手）」「接続しない（提供）」の両方に印があります。",
                    blocks::file_label(i)
                ),
                format!(
                    "Ⅰ5 says 「実施する」 but {}'s Ⅲ6 has both 「接続しない」 boxes checked.",
                    blocks::file_label(i)
                ),
            )),
            LinkageStatus::Yes | LinkageStatus::Undecided => {}
        }
    }
}

fn gated(f: &SpecificFile, i: usize) -> Vec<Gated> {
    let r = &f.risk;
    let p = |rest: &str| format!("/files/{i}/risk/{rest}");
    let both = r.network.not_connected_acquisition && r.network.not_connected_provision;
    vec![
        Gated {
            item: "Ⅲ4",
            file: Some(i),
            checkbox: "委託しない",
            checked: r.outsourcing.not_outsourced,
            answers: vec![
                Answer::needed(p("outsourcing/adequacy"), "リスクへの対策は十分か", r.outsourcing.adequacy.is_some()),
                Answer::text(p("outsourcing/other"), "その他のリスク及びそのリスクに対する措置", &r.outsourcing.other),
            ],
        },
        Gated {
            item: "Ⅲ5",
            file: Some(i),
            checkbox: "提供・移転しない",
            checked: r.provision.not_provided,
            answers: vec![
                Answer::needed(p("provision/adequacy"), "リスクへの対策は十分か", r.provision.adequacy.is_some()),
                Answer::text(p("provision/other"), "その他のリスク及びそのリスクに対する措置", &r.provision.other),
            ],
        },
        Gated {
            item: "Ⅲ6",
            file: Some(i),
            checkbox: "接続しない（入手）",
            checked: r.network.not_connected_acquisition,
            answers: vec![Answer::needed(
                p("network/acquisition"),
                "目的外の入手が行われるリスクへの対策は十分か",
                r.network.acquisition.is_some(),
            )],
        },
        Gated {
            item: "Ⅲ6",
            file: Some(i),
            checkbox: "接続しない（提供）",
            checked: r.network.not_connected_provision,
            answers: vec![Answer::needed(
                p("network/provision"),
                "不正な提供が行われるリスクへの対策は十分か",
                r.network.provision.is_some(),
            )],
        },
        Gated {
            item: "Ⅲ6",
            file: Some(i),
            checkbox: "接続しない（入手）」「接続しない（提供）",
            checked: both,
            answers: vec![Answer::text(
                p("network/other"),
                "その他のリスク及びそのリスクに対する措置",
                &r.network.other,
            )],
        },
    ]
}

/// Every box of the assessment: each file's Ⅲ4–Ⅲ6, then Ⅲ8 (once) when present.
fn all_gated(cx: &JutenContext<'_>) -> Vec<Gated> {
    let a = cx.assessment;
    let mut list: Vec<Gated> = a.files.iter().enumerate().flat_map(|(i, f)| gated(f, i)).collect();
    if let Some(m) = &a.risk_measures.manual_work {
        list.push(Gated {
            item: "Ⅲ8",
            file: None,
            checkbox: "人手を介在させる作業はない",
            checked: m.none,
            answers: vec![
                Answer::needed(
                    "/risk_measures/manual_work/adequacy".into(),
                    "人為的ミスが発生するリスクへの対策は十分か",
                    m.adequacy.is_some(),
                ),
                Answer::needed("/risk_measures/manual_work/basis".into(), "判断の根拠", !blank(&m.basis)),
            ],
        });
    }
    list
}

pub fn risk_answer_missing(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    blocks::answers_missing(cx, code, &all_gated(cx), out);
}

pub fn not_applicable_but_answered(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    blocks::answered_though_not_applicable(cx, code, &all_gated(cx), out);
}

/// 様式3's numbers of the 再委託 items.
const RESUBCONTRACT: ResubcontractItems =
    ResubcontractItems { status: "④", permission: "⑤再委託の許諾方法", matters: "⑥再委託事項" };

pub fn resubcontract_details_missing(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
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

pub fn incident_details_missing(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let s = &f.risk.storage.serious_incident;
        let base = format!("/files/{i}/risk/storage/serious_incident");
        blocks::incident_details_missing(cx, code, (i, "Ⅲ7②", &base), (s.occurred, &s.details, &s.prevention), out);
    }
}

pub fn threshold_result_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let subjects = a.basic_info.affair.subjects;
    let result = a.procedure.kiso.result;
    let Some(possible) = blocks::impossible_result(subjects, result.obligation()) else { return };
    let pointer = "/procedure/kiso/result";
    if possible.iter().all(|o| *o == Obligation::KisoZenkomoku) {
        out.push(cx.at(
            code,
            pointer,
            format!("Ⅰ1③対象人数が「{subjects}」のため、基礎項目評価及び全項目評価の実施が義務付けられます。重点項目評価書ではなく全項目評価書を作成します。"),
            format!("Ⅰ1③ is 「{subjects}」: a 全項目評価 is required, so this assessment is a 全項目評価書, not a 重点項目評価書."),
        ));
        return;
    }
    let expected: Vec<String> = JutenThresholdResult::ALL
        .iter()
        .filter(|r| possible.contains(&r.obligation()))
        .map(|r| format!("「{r}」"))
        .collect();
    let expected = expected.join(cx.lang.pick("又は", " or "));
    out.push(cx.at(
        code,
        pointer,
        format!("Ⅰ1③対象人数が「{subjects}」の場合、Ⅴ1②しきい値判断結果は{expected}です。記載は「{result}」です。"),
        format!("With Ⅰ1③ 「{subjects}」, Ⅴ1② is {expected}; it is 「{result}」."),
    ));
}
