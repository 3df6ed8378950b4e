//! The Typst world of one render: the template as the only source, fonts, and the data as the
//! virtual file `/data.json`.
//!
//! The library and the parsed template are the same for every render, so Typst's memoisation
//! (comemo) reuses the layout of everything the files have in common (labels, choice lists,
//! headings) across a batch; only the data file differs.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Features, Library, LibraryExt, World, WorldExt};

use super::fonts::FontSet;

pub struct FormWorld<'a> {
    library: &'static LazyHash<Library>,
    main: Source,
    data_id: FileId,
    data: Bytes,
    fonts: &'a FontSet,
}

fn file_id(path: &str) -> Result<FileId, String> {
    let path = VirtualPath::new(path).map_err(|e| e.to_string())?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, path)))
}

/// The standard library with the accessibility extras (row-header cells), built once.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let features: Features = [Feature::A11yExtras].into_iter().collect();
        LazyHash::new(Library::builder().with_features(features).build())
    })
}

impl<'a> FormWorld<'a> {
    /// A world whose main file is the template and whose `/data.json` holds `data`.
    pub fn new(template: &'static str, data: Vec<u8>, fonts: &'a FontSet) -> Result<Self, String> {
        static MAIN: OnceLock<Result<Source, String>> = OnceLock::new();
        let main = MAIN.get_or_init(|| Ok(Source::new(file_id("/kiso.typ")?, template.to_owned()))).clone()?;
        Ok(Self { library: library(), main, data_id: file_id("/data.json")?, data: Bytes::new(data), fonts })
    }

    /// A diagnostic as one line: the message, its template line, and hints.
    pub fn describe(&self, d: &SourceDiagnostic) -> String {
        let line = self.range(d.span).and_then(|r| self.main.lines().byte_to_line(r.start)).map(|l| l + 1);
        let mut s = d.message.to_string();
        if let Some(line) = line {
            s.push_str(&format!(" (templates/kiso.typ:{line})"));
        }
        for hint in &d.hints {
            s.push_str(&format!("; hint: {}", hint.v));
        }
        s
    }
}

impl World for FormWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
