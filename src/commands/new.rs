//! `pia new FILE`: writes a complete 様式2 draft to fill in (see [`crate::scaffold`]).

use std::io::Write;

use super::{Outcome, report_cannot_run};
use crate::cli::NewArgs;
use crate::lang::Lang;
use crate::scaffold::{NewAssessment, write_new};

pub fn run(args: &NewArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let values =
        NewAssessment { body: args.body.as_deref(), affair: args.affair.as_deref(), number: args.number.as_deref() };
    match write_new(&args.file, args.form, &values, lang) {
        Ok(path) => {
            let shown = path.display();
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    format!("{shown} を作成しました。空欄の項目を記入し、pia validate {shown} で確かめてください。"),
                    format!("Wrote {shown}. Fill in the empty items and check with: pia validate {shown}"),
                )
            );
            Outcome::Ok
        }
        Err(e) => {
            report_cannot_run(err, lang, &e);
            Outcome::CannotRun
        }
    }
}
