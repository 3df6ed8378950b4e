//! YAML bytes → load (encoding, YAML, schema, model) → leak guard → every rule.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pia::lang::Lang;
use pia::wareki::Date;

fuzz_target!(|data: &[u8]| {
    let loaded = pia::load::load_bytes("fuzz.yaml".to_owned(), data, Lang::Ja);
    let _ = pia::leak::scan(&loaded.source, &loaded.map, Lang::Ja);
    if let Some(a) = &loaded.assessment {
        let today = Date::from_ymd(2025, 5, 1).unwrap_or(a.cover.published);
        let _ = pia::rules::check(a, Some(a), &loaded.map, Lang::En, today);
    }
    let files = [pia::output::FileReport { source: &loaded.source, diagnostics: &loaded.diagnostics }];
    let _ = pia::output::json(&files, true);
    let _ = pia::output::human(&files, Lang::Ja, pia::output::Style::plain());
});
