//! YAML bytes → the check pipeline (load, leak guard, every rule) → reports.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pia::lang::Lang;
use pia::wareki::Date;

fuzz_target!(|data: &[u8]| {
    let loaded = pia::load::load_bytes("fuzz.yaml".to_owned(), data, Lang::Ja);
    let Some(today) = Date::from_ymd(2025, 5, 1) else { return };
    let options = pia::check::CheckOptions { today, previous: None, fonts: None };
    let loaded = pia::check::check_loaded(loaded, &options, Lang::En).into_loaded();
    if let Some(pia::model::Assessment::Kiso(a)) = &loaded.assessment {
        let _ = pia::rules::check_change(a, a, &loaded.map, Lang::En);
    }
    let files = [pia::output::FileReport { source: &loaded.source, diagnostics: &loaded.diagnostics }];
    let _ = pia::output::json(&files, true);
    let _ = pia::output::human(&files, Lang::Ja, pia::output::Style::plain());
});
