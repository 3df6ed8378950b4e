//! pia: 特定個人情報保護評価書 kept as schema-validated YAML — load, check, track and render.

// User data must never panic the library: no unwrap/expect, no unchecked indexing or slicing.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::unreachable)
)]

pub mod amend;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod diff;
pub mod figures;
pub mod fsutil;
pub mod gitsrc;
pub mod history;
pub mod jinja;
pub mod lang;
pub mod leak;
pub mod load;
pub mod model;
pub mod output;
pub mod portfolio;
pub mod render;
pub mod review;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod schema_tree;
pub mod source;
pub mod threshold;
pub mod wareki;
pub mod yaml;
