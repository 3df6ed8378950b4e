//! しきい値判断 (指針 第5の2): which assessments Ⅱ1–Ⅱ3 make mandatory, explained step by step.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::kiso::{HandlersBand, SubmittedAssessments, ThresholdItems};
use crate::model::vocab::{Incident, Obligation, SubjectsBand};

impl SubjectsBand {
    /// The band a head count falls in (以上 includes the bound, 未満 excludes it).
    pub fn from_count(n: u64) -> Self {
        match n {
            0..1_000 => SubjectsBand::Under1k,
            1_000..10_000 => SubjectsBand::From1kTo10k,
            10_000..100_000 => SubjectsBand::From10kTo100k,
            100_000..300_000 => SubjectsBand::From100kTo300k,
            _ => SubjectsBand::Over300k,
        }
    }
}

impl HandlersBand {
    /// 500人以上 includes 500.
    pub fn from_count(n: u64) -> Self {
        if n >= 500 { HandlersBand::Over500 } else { HandlersBand::Under500 }
    }
}

impl Obligation {
    /// The machine name used in JSON output: `none`, `kiso`, `kiso+juten`, `kiso+zenkomoku`.
    pub fn key(self) -> &'static str {
        match self {
            Obligation::None => "none",
            Obligation::Kiso => "kiso",
            Obligation::KisoJuten => "kiso+juten",
            Obligation::KisoZenkomoku => "kiso+zenkomoku",
        }
    }

    /// 0 = no duty, 1 = 基礎, 2 = 基礎+重点, 3 = 基礎+全項目.
    pub fn level(self) -> u8 {
        match self {
            Obligation::None => 0,
            Obligation::Kiso => 1,
            Obligation::KisoJuten => 2,
            Obligation::KisoZenkomoku => 3,
        }
    }

    /// The 評価書 a body must at least submit under this result (Ⅳ1), if any.
    pub fn minimum_submission(self) -> Option<SubmittedAssessments> {
        match self {
            Obligation::None => None,
            Obligation::Kiso => Some(SubmittedAssessments::Kiso),
            Obligation::KisoJuten => Some(SubmittedAssessments::KisoJuten),
            Obligation::KisoZenkomoku => Some(SubmittedAssessments::KisoZenkomoku),
        }
    }
}

impl SubmittedAssessments {
    /// 1 = 基礎, 2 = 基礎+重点, 3 = 基礎+全項目 (comparable with [`Obligation::level`]).
    pub fn level(self) -> u8 {
        match self {
            SubmittedAssessments::Kiso => 1,
            SubmittedAssessments::KisoJuten => 2,
            SubmittedAssessments::KisoZenkomoku => 3,
        }
    }
}

/// The decision table of spec §1.3, as one function.
pub fn required(subjects: SubjectsBand, handlers: HandlersBand, incident: Incident) -> Obligation {
    let escalated = handlers == HandlersBand::Over500 || incident == Incident::Occurred;
    match subjects {
        SubjectsBand::Under1k => Obligation::None,
        SubjectsBand::From1kTo10k => Obligation::Kiso,
        SubjectsBand::From10kTo100k if escalated => Obligation::KisoJuten,
        SubjectsBand::From10kTo100k => Obligation::Kiso,
        SubjectsBand::From100kTo300k if escalated => Obligation::KisoZenkomoku,
        SubjectsBand::From100kTo300k => Obligation::KisoJuten,
        SubjectsBand::Over300k => Obligation::KisoZenkomoku,
    }
}

/// What the しきい値判断 can make mandatory for an affair of `subjects`, whatever its 取扱者数 and
/// 重大事故 (a 重点項目評価書 or 全項目評価書 records only the band), in the order of the table.
pub fn possible(subjects: SubjectsBand) -> Vec<Obligation> {
    let mut possible: Vec<Obligation> = Vec::new();
    for handlers in HandlersBand::ALL {
        for incident in Incident::ALL {
            let o = required(subjects, *handlers, *incident);
            if !possible.contains(&o) {
                possible.push(o);
            }
        }
    }
    possible
}

impl ThresholdItems {
    /// What Ⅱ1–Ⅱ3 make mandatory (the Ⅲ the form must print).
    pub fn required(&self) -> Obligation {
        required(self.subjects.band, self.handlers.band, self.incident)
    }
}

/// A judgement with the reasoning that led to it.
#[derive(Debug, Clone, Serialize)]
pub struct Judgement {
    pub subjects: &'static str,
    pub handlers: &'static str,
    pub incident: &'static str,
    pub required: &'static str,
    pub result_text: &'static str,
    #[serde(skip)]
    pub obligation: Obligation,
    /// The steps in words, in the language asked for.
    pub steps: Vec<String>,
}

/// Judges and explains: band → row of the table → result, citing 指針 第5の2.
pub fn judge(subjects: SubjectsBand, handlers: HandlersBand, incident: Incident, lang: Lang) -> Judgement {
    let obligation = required(subjects, handlers, incident);
    let escalated = handlers == HandlersBand::Over500 || incident == Incident::Occurred;
    let condition = lang.pick(
        if escalated {
            format!("取扱者数が「{handlers}」、重大事故が「{incident}」なので、取扱者数500人以上又は重大事故の発生ありの列に当たります。")
        } else {
            format!("取扱者数が「{handlers}」、重大事故が「{incident}」なので、取扱者数500人未満かつ重大事故の発生なしの列に当たります。")
        },
        if escalated {
            format!("Handlers {handlers} / incident {incident}: the column for 500 or more handlers or a serious incident.")
        } else {
            format!("Handlers {handlers} / incident {incident}: the column for fewer than 500 handlers and no serious incident.")
        },
    );
    let row = lang.pick(
        match subjects {
            SubjectsBand::Under1k => "対象人数1,000人未満の事務は、評価の実施が義務付けられません（任意実施）。取扱者数・重大事故は判断に影響しません。".to_owned(),
            SubjectsBand::From1kTo10k => "対象人数1,000人以上1万人未満の事務は、取扱者数・重大事故にかかわらず基礎項目評価のみが義務付けられます。".to_owned(),
            SubjectsBand::From10kTo100k => format!("対象人数1万人以上10万人未満の行: {condition}"),
            SubjectsBand::From100kTo300k => format!("対象人数10万人以上30万人未満の行: {condition}"),
            SubjectsBand::Over300k => "対象人数30万人以上の事務は、取扱者数・重大事故にかかわらず基礎項目評価及び全項目評価が義務付けられます。".to_owned(),
        },
        match subjects {
            SubjectsBand::Under1k => "Fewer than 1,000 subjects: no assessment is mandatory (voluntary); handlers and incidents do not matter.".to_owned(),
            SubjectsBand::From1kTo10k => "1,000 to under 10,000 subjects: only the basic assessment, whatever the handlers and incidents.".to_owned(),
            SubjectsBand::From10kTo100k => format!("Row 10,000 to under 100,000 subjects: {condition}"),
            SubjectsBand::From100kTo300k => format!("Row 100,000 to under 300,000 subjects: {condition}"),
            SubjectsBand::Over300k => "300,000 subjects or more: basic and full assessment, whatever the handlers and incidents.".to_owned(),
        },
    );
    let steps = vec![
        lang.pick(format!("Ⅱ1 対象人数: {subjects}"), format!("Ⅱ1 subjects: {subjects}")),
        lang.pick(format!("Ⅱ2 取扱者数: {handlers}"), format!("Ⅱ2 handlers: {handlers}")),
        lang.pick(format!("Ⅱ3 重大事故: {incident}"), format!("Ⅱ3 serious incident: {incident}")),
        row,
        lang.pick(
            format!("結果（特定個人情報保護評価指針 第5の2）: {obligation}"),
            format!("Result (特定個人情報保護評価指針 第5の2): {obligation}"),
        ),
    ];
    Judgement {
        subjects: subjects.label(),
        handlers: handlers.label(),
        incident: incident.label(),
        required: obligation.key(),
        result_text: obligation.label(),
        obligation,
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_band_can_make_mandatory() {
        use Obligation::*;
        assert_eq!(possible(SubjectsBand::Under1k), [None]);
        assert_eq!(possible(SubjectsBand::From1kTo10k), [Kiso]);
        assert_eq!(possible(SubjectsBand::From10kTo100k), [KisoJuten, Kiso]);
        assert_eq!(possible(SubjectsBand::From100kTo300k), [KisoZenkomoku, KisoJuten]);
        assert_eq!(possible(SubjectsBand::Over300k), [KisoZenkomoku]);
    }

    /// All 5 × 2 × 2 cells of the table, spelled out.
    #[test]
    fn every_cell_of_the_table() {
        use HandlersBand::*;
        use Incident::{None as NoIncident, Occurred};
        use Obligation::*;
        use SubjectsBand::*;
        let table = [
            (Under1k, [None, None, None, None]),
            (From1kTo10k, [Kiso, Kiso, Kiso, Kiso]),
            (From10kTo100k, [KisoJuten, KisoJuten, KisoJuten, Kiso]),
            (From100kTo300k, [KisoZenkomoku, KisoZenkomoku, KisoZenkomoku, KisoJuten]),
            (Over300k, [KisoZenkomoku, KisoZenkomoku, KisoZenkomoku, KisoZenkomoku]),
        ];
        for (subjects, expected) in table {
            let cells = [(Over500, Occurred), (Over500, NoIncident), (Under500, Occurred), (Under500, NoIncident)];
            for ((handlers, incident), want) in cells.into_iter().zip(expected) {
                assert_eq!(required(subjects, handlers, incident), want, "{subjects} {handlers} {incident}");
            }
        }
    }

    #[test]
    fn band_boundaries() {
        let cases = [
            (0, SubjectsBand::Under1k),
            (999, SubjectsBand::Under1k),
            (1_000, SubjectsBand::From1kTo10k),
            (9_999, SubjectsBand::From1kTo10k),
            (10_000, SubjectsBand::From10kTo100k),
            (99_999, SubjectsBand::From10kTo100k),
            (100_000, SubjectsBand::From100kTo300k),
            (299_999, SubjectsBand::From100kTo300k),
            (300_000, SubjectsBand::Over300k),
        ];
        for (n, band) in cases {
            assert_eq!(SubjectsBand::from_count(n), band, "{n}");
        }
        assert_eq!(HandlersBand::from_count(499), HandlersBand::Under500);
        assert_eq!(HandlersBand::from_count(500), HandlersBand::Over500);
    }

    #[test]
    fn seed_judgement_explained() {
        let j = judge(SubjectsBand::From100kTo300k, HandlersBand::Under500, Incident::None, Lang::Ja);
        assert_eq!(j.required, "kiso+juten");
        assert_eq!(j.result_text, "基礎項目評価及び重点項目評価の実施が義務付けられる");
        assert!(j.steps.iter().any(|s| s.contains("第5の2")));
    }
}
