//! The assessment forms as Rust types; the JSON Schema and every check are derived from them.

pub mod juten;
pub mod kiso;
pub mod types;

pub use juten::JutenAssessment;
pub use kiso::KisoAssessment;
pub use types::{AssessmentNumber, Text};
