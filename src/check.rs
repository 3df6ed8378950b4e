//! The one check pipeline: load → leak guard → the figures' files → every rule → the characters the fonts lack →
//! sorted. `pia check`, `pia list`, `pia report` and `pia render` all check a file here, so they
//! agree on what is wrong with it.

use std::path::Path;

use crate::diagnostic::{self, Diagnostic, Severity};
use crate::lang::Lang;
use crate::load::{Loaded, ReadError, load_file};
use crate::model::Assessment;
use crate::render::FontSet;
use crate::wareki::Date;

/// What a check needs besides the file.
#[derive(Clone, Copy)]
pub struct CheckOptions<'a> {
    /// The day rules about elapsed time judge by.
    pub today: Date,
    /// The previous version, for the rules about change.
    pub previous: Option<&'a Assessment>,
    /// The fonts to check the printed characters against ([`crate::render::FONT_LACKS_GLYPH`]);
    /// `None` skips that check (no Japanese font is installed, or the caller checks glyphs
    /// itself, as `pia render` does for the version it prints).
    pub fonts: Option<&'a FontSet>,
}

/// A file that went through the whole pipeline: every finding, sorted by position.
#[derive(Debug)]
pub struct Checked {
    loaded: Loaded,
    /// The figures of 様式4's (別添1) that passed their check, read once for the render.
    figures: Vec<crate::figures::FigureFile>,
}

impl Checked {
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    pub fn figures(&self) -> &[crate::figures::FigureFile] {
        &self.figures
    }

    pub fn into_loaded(self) -> Loaded {
        self.loaded
    }

    /// Every finding: loading, the leak guard, the rules, the fonts.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.loaded.diagnostics
    }

    pub fn has_errors(&self) -> bool {
        self.loaded.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads a file and checks it. Only a file that cannot be read is an `Err`.
pub fn check_file(path: &Path, options: &CheckOptions<'_>, lang: Lang) -> Result<Checked, ReadError> {
    Ok(check_loaded(load_file(path, lang)?, options, lang))
}

/// Only the leak guard (what `pia validate` adds to loading): the loader's order is kept unless
/// a 個人番号 was found.
pub fn guard_leaks(mut loaded: Loaded, lang: Lang) -> Loaded {
    let leaks = crate::leak::scan(&loaded.source, &loaded.map, loaded.kind, lang);
    if !leaks.is_empty() {
        loaded.diagnostics.extend(leaks);
        diagnostic::sort(&mut loaded.diagnostics);
    }
    loaded
}

/// Checks a loaded file: the leak guard always, the rules and the fonts when it loaded.
pub fn check_loaded(loaded: Loaded, options: &CheckOptions<'_>, lang: Lang) -> Checked {
    let mut loaded = guard_leaks(loaded, lang);
    let (found, figures) = crate::figures::check(&loaded, lang);
    loaded.diagnostics.extend(found);
    if let Some(a) = &loaded.assessment {
        loaded.diagnostics.extend(crate::rules::check(a, options.previous, &loaded.map, lang, options.today));
        if let Some(fonts) = options.fonts {
            loaded.diagnostics.extend(crate::render::glyph_warnings(&loaded, a, fonts, lang));
        }
    }
    diagnostic::sort(&mut loaded.diagnostics);
    Checked { loaded, figures }
}
