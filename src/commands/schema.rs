//! `pia schema`: prints the JSON Schema generated from the model.

use std::io::Write;

use super::Outcome;

pub fn run(out: &mut dyn Write) -> Outcome {
    match out.write_all(crate::schema::schema_text(crate::model::FormKind::Kiso).as_bytes()) {
        Ok(()) => Outcome::Ok,
        Err(_) => Outcome::CannotRun,
    }
}
