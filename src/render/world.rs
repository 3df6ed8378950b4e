//! The Typst world of one render: the template files embedded in the binary, fonts, and the
//! data as the virtual file `/data.json`.
//!
//! Every file of `templates/typst/` is in [`FILES`] and is served at its name (`/lib.typ`,
//! `/kiso.typ`, …), so a form's main file imports the shared ones as it would beside them on
//! disk; the main file is the [`Template`] the render asks for. Any other path is an error that
//! names it.
//!
//! The library and the parsed files are the same for every render (each file is parsed once per
//! process), so Typst's memoisation (comemo) reuses the layout of everything the renders have
//! in common (labels, choice lists, headings) across a batch; only the data file differs.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Features, Library, LibraryExt, World, WorldExt};

use super::fonts::FontSet;

/// One file of `templates/typst/`, compiled into the binary.
pub struct Embedded {
    /// Its name in the world and beside the other files: `kiso.typ` is `/kiso.typ`.
    pub name: &'static str,
    /// Where it is in the repository, for messages: `templates/typst/kiso.typ`.
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(Embedded {
            name: $name,
            path: concat!("templates/typst/", $name),
            text: include_str!(concat!("../../templates/typst/", $name)),
        }),*]
    };
}

/// Every template file: the shared ones and each form's main file.
pub const FILES: &[Embedded] = embedded!["lib.typ", "cover.typ", "history.typ", "kiso.typ"];

/// Where the data is, beside the template files.
const DATA: &str = "data.json";
const DATA_PATH: &str = "/data.json";

/// A form pia renders, by its main template file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// 様式2 基礎項目評価書.
    Kiso,
}

impl Template {
    /// The name of the main file in [`FILES`].
    pub const fn main(self) -> &'static str {
        match self {
            Self::Kiso => "kiso.typ",
        }
    }
}

fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(format!("/{name}")).expect("a template file's name is a valid path");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

/// Every file of [`FILES`] parsed, once per process: the same `Source` (and so the same hash)
/// for every render.
fn sources() -> &'static [(&'static Embedded, Source)] {
    static SOURCES: OnceLock<Vec<(&'static Embedded, Source)>> = OnceLock::new();
    SOURCES.get_or_init(|| FILES.iter().map(|f| (f, Source::new(file_id(f.name), f.text.to_owned()))).collect())
}

/// The standard library with the accessibility extras (row-header cells), built once.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let features: Features = [Feature::A11yExtras].into_iter().collect();
        LazyHash::new(Library::builder().with_features(features).build())
    })
}

pub struct FormWorld<'a> {
    library: &'static LazyHash<Library>,
    sources: &'static [(&'static Embedded, Source)],
    main: FileId,
    data_id: FileId,
    data: Bytes,
    fonts: &'a FontSet,
}

impl<'a> FormWorld<'a> {
    /// A world whose main file is the template's and whose `/data.json` holds `data`.
    pub fn new(template: Template, data: Vec<u8>, fonts: &'a FontSet) -> Self {
        Self::with_files(sources(), file_id(template.main()), data, fonts)
    }

    /// A world of `sources` with `main` as its main file.
    fn with_files(
        sources: &'static [(&'static Embedded, Source)],
        main: FileId,
        data: Vec<u8>,
        fonts: &'a FontSet,
    ) -> Self {
        Self { library: library(), sources, main, data_id: file_id(DATA), data: Bytes::new(data), fonts }
    }

    fn lookup(&self, id: FileId) -> Option<&(&'static Embedded, Source)> {
        self.sources.iter().find(|(_, s)| s.id() == id)
    }

    /// The error for a path that is none of the world's files, naming it and those there are.
    fn unknown(&self, id: FileId) -> FileError {
        let path = match id.root() {
            VirtualRoot::Project => id.vpath().get_with_slash().to_owned(),
            VirtualRoot::Package(package) => format!("{package}{}", id.vpath().get_with_slash()),
        };
        let names: Vec<String> = self.sources.iter().map(|(_, s)| s.id().vpath().get_with_slash().to_owned()).collect();
        FileError::Other(Some(
            format!("`{path}` is none of pia's template files ({} and {DATA_PATH})", names.join(", ")).into(),
        ))
    }

    /// A diagnostic as one line: the message, its template file and line, and hints.
    pub fn describe(&self, d: &SourceDiagnostic) -> String {
        let mut s = d.message.to_string();
        let place = d.span.id().and_then(|id| self.lookup(id)).and_then(|(file, source)| {
            let line = self.range(d.span).and_then(|r| source.lines().byte_to_line(r.start))?;
            Some((file.path, line + 1))
        });
        if let Some((path, line)) = place {
            s.push_str(&format!(" ({path}:{line})"));
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
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.lookup(id) {
            Some((_, source)) => Ok(source.clone()),
            None if id == self.data_id => Err(FileError::NotSource),
            None => Err(self.unknown(id)),
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        match self.lookup(id) {
            Some((_, source)) => Ok(Bytes::from_string(source.clone())),
            None => Err(self.unknown(id)),
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
