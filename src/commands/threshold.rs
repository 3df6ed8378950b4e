//! `pia threshold`: the しきい値判断 calculator.

use std::io::Write;

use super::{Outcome, report_cannot_run};
use crate::cli::{ResultFormat, ThresholdArgs};
use crate::lang::Lang;
use crate::model::kiso::HandlersBand;
use crate::model::vocab::{Incident, SubjectsBand};
use crate::threshold::judge;
use crate::wareki::normalize_digit;

/// A head count (`183000`, `183,000`, `１８３，０００`), or `None` when the text is not one.
fn head_count(text: &str) -> Option<Result<u64, String>> {
    let t: String = text.trim().chars().map(normalize_digit).filter(|c| *c != ',' && *c != '，').collect();
    let t = t.strip_suffix('人').unwrap_or(&t);
    if let Some(rest) = t.strip_prefix('-') {
        return rest.chars().all(|c| c.is_ascii_digit()).then(|| Err(format!("{text}: negative")));
    }
    (!t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
        .then(|| t.parse::<u64>().map_err(|e| format!("{text}: {e}")))
}

fn band<T: Copy>(
    text: &str,
    from_count: fn(u64) -> T,
    from_label: fn(&str) -> Option<T>,
    labels: &[&str],
    what: &str,
    lang: Lang,
) -> Result<T, String> {
    match head_count(text) {
        Some(Ok(n)) => Ok(from_count(n)),
        Some(Err(_)) => Err(lang.pick(
            format!("{what}「{text}」: 人数は0以上の整数で指定します"),
            format!("{what} `{text}`: a head count must be 0 or more"),
        )),
        None => from_label(text.trim()).ok_or_else(|| {
            lang.pick(
                format!("{what}「{text}」: 人数か、次の区分のいずれかを指定します: {}", labels.join("、")),
                format!("{what} `{text}`: give a head count or one of: {}", labels.join(", ")),
            )
        }),
    }
}

fn incident(text: &str, lang: Lang) -> Result<Incident, String> {
    match text.trim() {
        "あり" | "発生あり" | "yes" | "y" | "true" => Ok(Incident::Occurred),
        "なし" | "発生なし" | "no" | "n" | "false" => Ok(Incident::None),
        other => Err(lang.pick(
            format!("--incident「{other}」: あり／なし（yes／no）で指定します"),
            format!("--incident `{other}`: use あり/なし (yes/no)"),
        )),
    }
}

pub fn run(args: &ThresholdArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let labels = |all: &[&'static str]| all.to_vec();
    let subjects = band(
        &args.subjects,
        SubjectsBand::from_count,
        SubjectsBand::from_label,
        &labels(&SubjectsBand::ALL.iter().map(|b| b.label()).collect::<Vec<_>>()),
        "--subjects",
        lang,
    );
    let handlers = band(
        &args.handlers,
        HandlersBand::from_count,
        HandlersBand::from_label,
        &labels(&HandlersBand::ALL.iter().map(|b| b.label()).collect::<Vec<_>>()),
        "--handlers",
        lang,
    );
    let (subjects, handlers, incident) = match (subjects, handlers, incident(&args.incident, lang)) {
        (Ok(s), Ok(h), Ok(i)) => (s, h, i),
        (s, h, i) => {
            for e in [s.err(), h.err(), i.err()].into_iter().flatten() {
                report_cannot_run(err, lang, &e);
            }
            return Outcome::CannotRun;
        }
    };
    let judgement = judge(subjects, handlers, incident, lang);
    let text = match args.format {
        ResultFormat::Json => serde_json::to_string(&judgement).unwrap_or_default() + "\n",
        ResultFormat::Human => {
            let mut t = String::from(lang.pick("しきい値判断\n", "Threshold judgement\n"));
            for (i, step) in judgement.steps.iter().enumerate() {
                t.push_str(&format!("  {}. {step}\n", i + 1));
            }
            t.push_str(&format!("\nⅢ しきい値判断結果: {}\n", judgement.result_text));
            t
        }
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => Outcome::Ok,
        Err(_) => Outcome::CannotRun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_counts() {
        assert_eq!(head_count("183000"), Some(Ok(183_000)));
        assert_eq!(head_count("183,000"), Some(Ok(183_000)));
        assert_eq!(head_count("１８３，０００"), Some(Ok(183_000)));
        assert!(matches!(head_count("-5"), Some(Err(_))));
        assert_eq!(head_count("500人未満"), None);
        assert_eq!(head_count("abc"), None);
    }
}
