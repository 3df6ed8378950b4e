//! The Typst world of one render: the template as the only source, fonts, and the data.

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Features, Library, LibraryExt, World, WorldExt};

use super::fonts::FontSet;

pub struct FormWorld<'a> {
    library: LazyHash<Library>,
    main: Source,
    fonts: &'a FontSet,
}

impl<'a> FormWorld<'a> {
    /// A world whose main file is `template` and whose `sys.inputs.data` is `data`.
    pub fn new(template: &str, data: Value, fonts: &'a FontSet) -> Result<Self, String> {
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data);
        let features: Features = [Feature::A11yExtras].into_iter().collect();
        let library = Library::builder().with_inputs(inputs).with_features(features).build();
        let path = VirtualPath::new("/kiso.typ").map_err(|e| e.to_string())?;
        let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
        Ok(Self { library: LazyHash::new(library), main: Source::new(id, template.to_owned()), fonts })
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
        &self.library
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
        if id == self.main.id() { Ok(Bytes::from_string(self.main.clone())) } else { Err(FileError::AccessDenied) }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
