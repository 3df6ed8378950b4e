//! `pia schema [--form 様式3]`: prints a form's JSON Schema, generated from the model.

use std::io::Write;

use super::Outcome;
use crate::cli::SchemaArgs;

pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> Outcome {
    match out.write_all(crate::schema::schema_text(args.form).as_bytes()) {
        Ok(()) => Outcome::Ok,
        Err(_) => Outcome::CannotRun,
    }
}
