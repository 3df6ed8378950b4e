//! Rules of 様式3 重点項目評価書: Ⅲ's boxes against Ⅱ and Ⅰ5, Ⅲ's answers, 再委託 and 重大事故
//! details, and Ⅴ1② against Ⅰ1③.
//!
//! Ⅰ 3. 特定個人情報ファイル名 is not checked: the model has no such field, the form prints it
//! from each file's Ⅱ 1. (`JutenAssessment::file_names`), so it cannot disagree with Ⅱ/Ⅲ.

use super::JutenContext;
use super::cover::blank;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::juten::SpecificFile;
use crate::model::kiso::HandlersBand;
use crate::model::vocab::{Incident, LinkageStatus, Obligation, OutsourcingStatus, ResubcontractStatus};

/// 「ファイルn」 as the form heads a file's block.
fn file_label(i: usize) -> String {
    format!("ファイル{}", i + 1)
}

pub fn outsourcing_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let o = &f.overview.outsourcing;
        let not_outsourced = o.status == OutsourcingStatus::NotOutsourced;
        let file = file_label(i);
        if f.risk.outsourcing.not_outsourced != not_outsourced {
            let (ja, en) = if not_outsourced {
                ("印を付けます", "must be checked")
            } else {
                ("印を付けません", "must not be checked")
            };
            out.push(cx.at(
                code,
                &format!("/files/{i}/risk/outsourcing/not_outsourced"),
                format!("{file}のⅡ4 委託の有無が「{}」のため、Ⅲ4「委託しない」には{ja}。", o.status),
                format!("{file}: Ⅱ4 says 「{}」, so Ⅲ4's 「委託しない」 {en}.", o.status),
            ));
        }
        if not_outsourced && !o.items.is_empty() {
            out.push(cx.at(
                code,
                &format!("/files/{i}/overview/outsourcing/items"),
                format!("{file}のⅡ4 委託の有無が「委託しない」なのに、委託事項が{}件書かれています。", o.items.len()),
                format!("{file}: Ⅱ4 says 「委託しない」 but {} 委託事項 are written.", o.items.len()),
            ));
        } else if !not_outsourced && o.items.is_empty() {
            out.push(cx.at(
                code,
                &format!("/files/{i}/overview/outsourcing/status"),
                format!("{file}のⅡ4 委託の有無が「委託する」なのに、委託事項が1件もありません。"),
                format!("{file}: Ⅱ4 says 「委託する」 but no 委託事項 is written."),
            ));
        }
    }
}

pub fn provision_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let p = &f.overview.provision;
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
        if f.risk.provision.not_provided != p.none {
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
}

pub fn network_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let status = cx.assessment.basic_info.network_linkage.status;
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let n = &f.risk.network;
        let file = file_label(i);
        let both = n.not_connected_acquisition && n.not_connected_provision;
        match status {
            LinkageStatus::No => {
                for (key, label, ticked) in [
                    ("not_connected_acquisition", "接続しない（入手）", n.not_connected_acquisition),
                    ("not_connected_provision", "接続しない（提供）", n.not_connected_provision),
                ] {
                    if !ticked {
                        out.push(cx.at(
                            code,
                            &format!("/files/{i}/risk/network/{key}"),
                            format!("Ⅰ5 情報連携が「実施しない」のため、{file}のⅢ6「{label}」に印を付けます。"),
                            format!("Ⅰ5 says 「実施しない」, so {file}'s Ⅲ6 「{label}」 must be checked."),
                        ));
                    }
                }
            }
            LinkageStatus::Yes if both => out.push(cx.at(
                code,
                &format!("/files/{i}/risk/network/not_connected_acquisition"),
                format!(
                    "Ⅰ5 情報連携が「実施する」なのに、{file}のⅢ6「接続しない（入手）」「接続しない（提供）」の両方に印があります。"
                ),
                format!("Ⅰ5 says 「実施する」 but {file}'s Ⅲ6 has both 「接続しない」 boxes checked."),
            )),
            LinkageStatus::Yes | LinkageStatus::Undecided => {}
        }
    }
}

/// One of Ⅲ's "…しない／ない" boxes with the answers it makes unnecessary.
struct Gated {
    item: &'static str,
    checkbox: &'static str,
    checked: bool,
    /// Each answer: its pointer, its label, and whether it is written.
    answers: Vec<(String, &'static str, bool)>,
}

fn gated(f: &SpecificFile, i: usize) -> Vec<Gated> {
    let r = &f.risk;
    let p = |rest: &str| format!("/files/{i}/risk/{rest}");
    let both = r.network.not_connected_acquisition && r.network.not_connected_provision;
    vec![
        Gated {
            item: "Ⅲ4",
            checkbox: "委託しない",
            checked: r.outsourcing.not_outsourced,
            answers: vec![
                (p("outsourcing/adequacy"), "リスクへの対策は十分か", r.outsourcing.adequacy.is_some()),
                (p("outsourcing/other"), "その他のリスク及びそのリスクに対する措置", !blank(&r.outsourcing.other)),
            ],
        },
        Gated {
            item: "Ⅲ5",
            checkbox: "提供・移転しない",
            checked: r.provision.not_provided,
            answers: vec![
                (p("provision/adequacy"), "リスクへの対策は十分か", r.provision.adequacy.is_some()),
                (p("provision/other"), "その他のリスク及びそのリスクに対する措置", !blank(&r.provision.other)),
            ],
        },
        Gated {
            item: "Ⅲ6",
            checkbox: "接続しない（入手）",
            checked: r.network.not_connected_acquisition,
            answers: vec![(
                p("network/acquisition"),
                "目的外の入手が行われるリスクへの対策は十分か",
                r.network.acquisition.is_some(),
            )],
        },
        Gated {
            item: "Ⅲ6",
            checkbox: "接続しない（提供）",
            checked: r.network.not_connected_provision,
            answers: vec![(
                p("network/provision"),
                "不正な提供が行われるリスクへの対策は十分か",
                r.network.provision.is_some(),
            )],
        },
        Gated {
            item: "Ⅲ6",
            checkbox: "接続しない（入手）」「接続しない（提供）",
            checked: both,
            answers: vec![(p("network/other"), "その他のリスク及びそのリスクに対する措置", !blank(&r.network.other))],
        },
    ]
}

/// Every box of the assessment: each file's Ⅲ4–Ⅲ6 (with the file's label), then Ⅲ8 when present.
/// The file's prefix is 「ファイルnの」 in Japanese and 「ファイルn 」 in English (none for Ⅲ8).
fn all_gated(cx: &JutenContext<'_>) -> Vec<((String, String), Gated)> {
    let a = cx.assessment;
    let mut list: Vec<((String, String), Gated)> = Vec::new();
    for (i, f) in a.files.iter().enumerate() {
        let prefix = (format!("{}の", file_label(i)), format!("{} ", file_label(i)));
        list.extend(gated(f, i).into_iter().map(|g| (prefix.clone(), g)));
    }
    if let Some(m) = &a.risk_measures.manual_work {
        list.push((
            (String::new(), String::new()),
            Gated {
                item: "Ⅲ8",
                checkbox: "人手を介在させる作業はない",
                checked: m.none,
                answers: vec![
                    (
                        "/risk_measures/manual_work/adequacy".into(),
                        "人為的ミスが発生するリスクへの対策は十分か",
                        m.adequacy.is_some(),
                    ),
                    ("/risk_measures/manual_work/basis".into(), "判断の根拠", !blank(&m.basis)),
                ],
            },
        ));
    }
    list
}

pub fn risk_answer_missing(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for ((file, en), g) in all_gated(cx).iter().filter(|(_, g)| !g.checked) {
        for (pointer, label, _) in g.answers.iter().filter(|a| !a.2) {
            out.push(cx.at(
                code,
                pointer,
                format!("{file}{}「{}」に印がないため、「{label}」を記載します。", g.item, g.checkbox),
                format!("{en}{}: 「{}」 is not checked, so 「{label}」 must be answered.", g.item, g.checkbox),
            ));
        }
    }
}

pub fn not_applicable_but_answered(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for ((file, en), g) in all_gated(cx).iter().filter(|(_, g)| g.checked) {
        for (pointer, label, _) in g.answers.iter().filter(|a| a.2) {
            out.push(cx.at(
                code,
                pointer,
                format!("{file}{}「{}」に印があるため、「{label}」は記載しません。", g.item, g.checkbox),
                format!("{en}{}: 「{}」 is checked, so 「{label}」 is left blank.", g.item, g.checkbox),
            ));
        }
    }
}

pub fn resubcontract_details_missing(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        for (j, e) in f.overview.outsourcing.items.iter().enumerate() {
            let r = &e.resubcontract;
            if r.status != ResubcontractStatus::Resubcontracted {
                continue;
            }
            let base = format!("/files/{i}/overview/outsourcing/items/{j}/resubcontract");
            for (key, label, missing) in [
                ("permission", "⑤再委託の許諾方法", blank(&r.permission)),
                ("matters", "⑥再委託事項", blank(&r.matters)),
            ] {
                if missing {
                    out.push(cx.at(
                        code,
                        &format!("{base}/{key}"),
                        format!(
                            "{}の委託事項{}は④再委託の有無が「再委託する」のため、{label}を記載します。",
                            file_label(i),
                            j + 1
                        ),
                        format!(
                            "{} 委託事項{}: ④ says 「再委託する」, so {label} must be written.",
                            file_label(i),
                            j + 1
                        ),
                    ));
                }
            }
        }
    }
}

pub fn incident_details_missing(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    for (i, f) in cx.assessment.files.iter().enumerate() {
        let s = &f.risk.storage.serious_incident;
        if s.occurred != Incident::Occurred {
            continue;
        }
        for (key, label, missing) in
            [("details", "その内容", blank(&s.details)), ("prevention", "再発防止策の内容", blank(&s.prevention))]
        {
            if missing {
                out.push(cx.at(
                    code,
                    &format!("/files/{i}/risk/storage/serious_incident/{key}"),
                    format!("{}のⅢ7②が「発生あり」のため、{label}を記載します。", file_label(i)),
                    format!("{}: Ⅲ7② says 「発生あり」, so {label} must be written.", file_label(i)),
                ));
            }
        }
    }
}

pub fn threshold_result_mismatch(cx: &JutenContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let subjects = a.basic_info.affair.subjects;
    let result = a.procedure.kiso.result;
    // What Ⅱ1–Ⅱ3 of the 基礎項目評価書 can make mandatory for this 対象人数, whatever its 取扱者数 and
    // 重大事故 (which 様式3 does not record).
    let mut possible: Vec<Obligation> = Vec::new();
    for handlers in HandlersBand::ALL {
        for incident in Incident::ALL {
            let o = crate::threshold::required(subjects, *handlers, *incident);
            if !possible.contains(&o) {
                possible.push(o);
            }
        }
    }
    if possible.contains(&result.obligation()) {
        return;
    }
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
    let expected: Vec<String> = crate::model::juten::JutenThresholdResult::ALL
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
