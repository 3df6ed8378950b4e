//! Finding Japanese fonts: a preference list per role, only installed families used.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};

use typst::layout::{Frame, FrameItem};
use typst::text::{Coverage, Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

use super::data::FontFamilies;

/// Mincho (明朝) families for values, most preferred first.
pub const MINCHO_PREFERENCE: &[&str] = &[
    "BIZ UDMincho",
    "BIZ UDPMincho",
    "IPAexMincho",
    "IPAMincho",
    "Hiragino Mincho ProN",
    "Noto Serif CJK JP",
    "Noto Serif JP",
];
/// Gothic (ゴシック) families for labels and headings, most preferred first.
pub const GOTHIC_PREFERENCE: &[&str] = &[
    "BIZ UDGothic",
    "BIZ UDPGothic",
    "IPAexGothic",
    "IPAGothic",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP",
    "Noto Sans JP",
];

/// The fonts found, and which families the template will use.
pub struct FontSet {
    store: FontStore,
    families: FontFamilies,
    /// Coverage of every face of the chosen families.
    coverage: Vec<Coverage>,
    /// What [`FontSet::covers`] found for each character of the BMP, filled as characters are
    /// asked about (0 not yet known, 1 covered, 2 not), shared by the threads of a batch.
    known: Box<[AtomicU8]>,
}

/// No Japanese font is installed.
#[derive(Debug, thiserror::Error)]
#[error("no Japanese font found")]
pub struct NoJapaneseFont;

impl FontSet {
    /// Scans `extra_dirs` and (unless told not to) the system fonts, and picks the preferred
    /// installed families.
    pub fn discover(extra_dirs: &[PathBuf], system: bool) -> Result<Self, NoJapaneseFont> {
        let mut store = FontStore::new();
        for dir in extra_dirs {
            store.extend(typst_kit::fonts::scan(dir));
        }
        if system {
            store.extend(typst_kit::fonts::system());
        }
        let book = store.book();
        let installed = |list: &[&str]| -> Vec<String> {
            list.iter().filter(|f| book.contains_family(&f.to_lowercase())).map(|f| (*f).to_owned()).collect()
        };
        let (mut mincho, mut gothic) = (installed(MINCHO_PREFERENCE), installed(GOTHIC_PREFERENCE));
        if mincho.is_empty() && gothic.is_empty() {
            return Err(NoJapaneseFont);
        }
        // With only one of the two kinds, use it for both roles rather than lose text.
        if mincho.is_empty() {
            mincho.clone_from(&gothic);
        }
        if gothic.is_empty() {
            gothic.clone_from(&mincho);
        }
        let coverage = mincho
            .iter()
            .chain(&gothic)
            .flat_map(|f| book.select_family(&f.to_lowercase()).collect::<Vec<_>>())
            .filter_map(|i| book.info(i).map(|info| info.coverage.clone()))
            .collect();
        let known = (0..0x1_0000).map(|_| AtomicU8::new(0)).collect();
        Ok(Self { store, families: FontFamilies { mincho, gothic }, coverage, known })
    }

    pub fn families(&self) -> FontFamilies {
        self.families.clone()
    }

    /// True when one of the chosen families has a glyph for `c`. Each character is looked up
    /// in the fonts once (a 評価書 has ~20,000 characters, ~1,000 distinct).
    pub fn covers(&self, c: char) -> bool {
        let look_up = || self.coverage.iter().any(|cov| cov.contains(c as u32));
        let Some(slot) = self.known.get(c as usize) else { return look_up() };
        match slot.load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let covered = look_up();
                slot.store(if covered { 1 } else { 2 }, Ordering::Relaxed);
                covered
            }
        }
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// Every family found, sorted, for `pia fonts`.
    pub fn all_families(&self) -> Vec<String> {
        let book = self.store.book();
        let mut names: Vec<String> = (0..).map_while(|i| book.info(i)).map(|i| i.family.clone()).collect();
        names.sort();
        names.dedup();
        names
    }
}

/// The text of laid-out runs that contain glyph 0 (a box in the PDF), if any.
pub fn missing_glyphs_in(document: &PagedDocument) -> String {
    fn walk(frame: &Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, out),
                FrameItem::Text(text) if text.glyphs.iter().any(|g| g.id == 0) => {
                    out.push_str(&text.text);
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    for page in document.pages() {
        walk(&page.frame, &mut out);
    }
    out.trim_end().to_owned()
}
