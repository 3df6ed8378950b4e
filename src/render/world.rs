//! The Typst world of one render: the template files embedded in the binary, fonts, the data
//! as the virtual file `/data.json`, and the checked figures of the file (`/figures/1`, …).
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
pub const FILES: &[Embedded] = embedded!["lib.typ", "cover.typ", "history.typ", "kiso.typ", "items.typ"];

/// Where the data is, beside the template files.
const DATA: &str = "data.json";
const DATA_PATH: &str = "/data.json";

/// A form pia renders, by its main template file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// 様式2 基礎項目評価書, laid out item by item.
    Kiso,
    /// A form drawn from its schema's items (様式3 重点項目評価書, 様式4 全項目評価書).
    Items,
}

impl Template {
    /// The template of a form, for the forms pia can print.
    pub const fn of(kind: crate::model::FormKind) -> Option<Self> {
        match kind {
            crate::model::FormKind::Kiso => Some(Self::Kiso),
            crate::model::FormKind::Juten => Some(Self::Items),
            crate::model::FormKind::Zenkomoku => Some(Self::Items),
        }
    }

    /// The name of the main file in [`FILES`].
    pub const fn main(self) -> &'static str {
        match self {
            Self::Kiso => "kiso.typ",
            Self::Items => "items.typ",
        }
    }
}

/// The id of the file `name` beside the template files (`/name`).
fn file_id(name: &str) -> Result<FileId, String> {
    let path = VirtualPath::new(format!("/{name}")).map_err(|e| format!("{name}: {e}"))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, path)))
}

/// `files` parsed.
fn parse(files: &[&'static Embedded]) -> Result<Vec<(&'static Embedded, Source)>, String> {
    files.iter().map(|f| Ok((*f, Source::new(file_id(f.name)?, f.text.to_owned())))).collect()
}

/// Every file of [`FILES`] parsed, once per process: the same `Source` (and so the same hash)
/// for every render.
fn sources() -> Result<&'static [(&'static Embedded, Source)], String> {
    static SOURCES: OnceLock<Result<Vec<(&'static Embedded, Source)>, String>> = OnceLock::new();
    let sources = SOURCES.get_or_init(|| parse(&FILES.iter().collect::<Vec<_>>()));
    sources.as_deref().map_err(Clone::clone)
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
    /// The figures the check read, at their virtual paths; the world reads nothing from disk.
    figures: Vec<(FileId, Bytes)>,
    fonts: &'a FontSet,
}

impl<'a> FormWorld<'a> {
    /// A world whose main file is the template's, whose `/data.json` holds `data`, and which
    /// serves the checked `figures` at their paths.
    pub fn new(
        template: Template,
        data: Vec<u8>,
        figures: &[crate::figures::FigureFile],
        fonts: &'a FontSet,
    ) -> Result<Self, String> {
        let mut world = Self::with_files(sources()?, template.main(), data, fonts)?;
        world.figures = figures
            .iter()
            .map(|f| Ok((file_id(f.path.trim_start_matches('/'))?, Bytes::new(f.bytes.clone()))))
            .collect::<Result<_, String>>()?;
        Ok(world)
    }

    /// A world of `sources` with the file `main` as its main file.
    fn with_files(
        sources: &'static [(&'static Embedded, Source)],
        main: &str,
        data: Vec<u8>,
        fonts: &'a FontSet,
    ) -> Result<Self, String> {
        let (main, data_id) = (file_id(main)?, file_id(DATA)?);
        Ok(Self { library: library(), sources, main, data_id, data: Bytes::new(data), figures: Vec::new(), fonts })
    }

    fn figure(&self, id: FileId) -> Option<&Bytes> {
        self.figures.iter().find(|(f, _)| *f == id).map(|(_, bytes)| bytes)
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
        let figures: String = self.figures.iter().map(|(f, _)| format!(", {}", f.vpath().get_with_slash())).collect();
        FileError::Other(Some(
            format!("`{path}` is none of pia's template files: {}, {DATA_PATH}{figures}", names.join(", ")).into(),
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
            None if id == self.data_id || self.figure(id).is_some() => Err(FileError::NotSource),
            None => Err(self.unknown(id)),
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        if let Some(figure) = self.figure(id) {
            return Ok(figure.clone());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::render::{Audience, Stage, template_data};
    use crate::wareki::Date;
    use typst::layout::{Frame, FrameItem};
    use typst_layout::PagedDocument;

    /// A main file that is no form: it imports the shared library and prints a checkbox.
    static PROBE: Embedded = Embedded {
        name: "probe.typ",
        path: "test/probe.typ",
        text: "#import \"lib.typ\": *\n#text(font: gothic, \"PROBE\")\n#checkbox(true, \"x\")\n",
    };
    /// A main file that imports what is not there, on its line 2.
    static MISSING: Embedded =
        Embedded { name: "missing.typ", path: "test/missing.typ", text: "// Line 1.\n#import \"nope.typ\": *\n" };
    /// A main file that makes lib.typ fail: `val` of a number.
    static MISUSE: Embedded =
        Embedded { name: "misuse.typ", path: "test/misuse.typ", text: "#import \"lib.typ\": val\n#val(5)\n" };

    fn id(name: &str) -> FileId {
        file_id(name).expect("a valid path")
    }

    fn fonts() -> &'static FontSet {
        static FONTS: OnceLock<FontSet> = OnceLock::new();
        FONTS.get_or_init(|| FontSet::discover(&[], true).expect("a Japanese font is installed"))
    }

    /// The data of the withheld fixture, as `pia render` hands it to the template.
    fn data() -> Vec<u8> {
        let text = include_str!("../../tests/fixtures/render/withheld.yaml");
        let loaded = crate::load::load_str("t.yaml", text, Lang::Ja);
        let today = Date::from_ymd(2025, 5, 1).expect("date");
        let options = crate::check::CheckOptions { today, previous: None, fonts: None };
        let checked = crate::check::check_loaded(loaded, &options, Lang::Ja);
        let Some(assessment) = checked.loaded().assessment.as_ref() else { panic!("valid") };
        let data = template_data(assessment, Audience::Public, Stage::Final, fonts().families());
        serde_json::to_vec(&data).expect("json")
    }

    /// The embedded files and the test mains, as one table of a test world.
    fn with_tests() -> &'static [(&'static Embedded, Source)] {
        static SOURCES: OnceLock<Vec<(&'static Embedded, Source)>> = OnceLock::new();
        SOURCES.get_or_init(|| {
            let files: Vec<&'static Embedded> = FILES.iter().chain([&PROBE, &MISSING, &MISUSE]).collect();
            parse(&files).expect("parsed")
        })
    }

    fn world(main: &str) -> FormWorld<'static> {
        FormWorld::with_files(with_tests(), main, data(), fonts()).expect("world")
    }

    fn text_of(document: &PagedDocument) -> String {
        fn walk(frame: &Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    FrameItem::Group(group) => walk(&group.frame, out),
                    FrameItem::Text(text) => out.push_str(&text.text),
                    _ => {}
                }
            }
        }
        let mut out = String::new();
        for page in document.pages() {
            walk(&page.frame, &mut out);
        }
        out
    }

    fn compile(world: &FormWorld) -> PagedDocument {
        let warned = typst::compile::<PagedDocument>(world);
        let describe = |d: &[SourceDiagnostic]| d.iter().map(|d| world.describe(d)).collect::<Vec<_>>();
        assert!(warned.warnings.is_empty(), "{:?}", describe(&warned.warnings));
        warned.output.unwrap_or_else(|e| panic!("{:?}", describe(&e)))
    }

    #[test]
    fn a_world_serves_every_embedded_file_and_the_data_and_nothing_else() {
        let figures = [crate::figures::FigureFile { path: "/figures/1".into(), bytes: b"<svg/>".to_vec() }];
        let world = FormWorld::new(Template::Kiso, b"{}".to_vec(), &figures, fonts()).expect("world");
        assert_eq!(world.main(), id("kiso.typ"));
        for file in FILES {
            let id = id(file.name);
            assert_eq!(world.source(id).expect(file.name).text(), file.text, "{}", file.path);
            assert_eq!(world.file(id).expect(file.name).as_slice(), file.text.as_bytes(), "{}", file.path);
            assert_eq!(file.path, format!("templates/typst/{}", file.name));
        }
        assert_eq!(world.file(id(DATA)).expect("data").as_slice(), b"{}");
        assert!(matches!(world.source(id(DATA)), Err(FileError::NotSource)));
        assert_eq!(world.file(id("figures/1")).expect("the figure").as_slice(), b"<svg/>");
        assert!(matches!(world.source(id("figures/1")), Err(FileError::NotSource)));
        let unknown = world.file(id("figures/2")).expect_err("no second figure").to_string();
        assert!(unknown.contains("`/figures/2`"), "{unknown}");

        let unknown = world.source(id("nope.typ")).expect_err("not a template file").to_string();
        assert!(unknown.contains("`/nope.typ`"), "{unknown}");
        assert!(
            unknown
                .contains("files: /lib.typ, /cover.typ, /history.typ, /kiso.typ, /items.typ, /data.json, /figures/1)"),
            "{unknown}"
        );
        let unknown = world.file(id("dir/data.json")).expect_err("not the data").to_string();
        assert!(unknown.contains("`/dir/data.json`"), "{unknown}");
        let package: typst::syntax::package::PackageSpec = "@preview/example:0.1.0".parse().expect("spec");
        let id =
            FileId::new(RootedPath::new(VirtualRoot::Package(package), VirtualPath::new("/lib.typ").expect("path")));
        let unknown = world.source(id).expect_err("no packages").to_string();
        assert!(unknown.contains("`@preview/example:0.1.0/lib.typ`"), "{unknown}");
    }

    #[test]
    fn every_import_of_a_template_file_is_embedded() {
        for file in FILES {
            for line in file.text.lines().filter_map(|l| l.strip_prefix("#import \"")) {
                let name = line.split('"').next().unwrap_or_default();
                assert!(FILES.iter().any(|f| f.name == name), "{} imports {name}, which is not in FILES", file.path);
            }
        }
    }

    #[test]
    fn two_worlds_in_one_process_each_compile_their_own_main() {
        // The probe first, then the form, then the probe again: no main file is kept from an
        // earlier render.
        let probe = compile(&world(PROBE.name));
        let kiso = compile(&FormWorld::new(Template::Kiso, data(), &[], fonts()).expect("world"));
        let probe_again = compile(&world(PROBE.name));
        let (probe, kiso, probe_again) = (text_of(&probe), text_of(&kiso), text_of(&probe_again));
        assert!(probe.contains("PROBE") && probe.contains("［ ○ ］x"), "{probe}");
        assert!(!probe.contains("基礎項目評価書"), "{probe}");
        assert!(kiso.contains("特定個人情報保護評価書（基礎項目評価書）") && kiso.contains("変更箇所"), "{kiso}");
        assert!(!kiso.contains("PROBE"));
        assert_eq!(probe, probe_again);
    }

    #[test]
    fn errors_name_the_template_file_and_line_they_are_in() {
        let errors = |main: &str| {
            let world = world(main);
            let errors = typst::compile::<PagedDocument>(&world).output.expect_err("an error");
            errors.iter().map(|e| world.describe(e)).collect::<Vec<String>>()
        };
        let missing = errors(MISSING.name);
        assert!(
            missing
                .iter()
                .any(|m| m.contains("`/nope.typ` is none of pia's template files")
                    && m.ends_with("(test/missing.typ:2)")),
            "{missing:?}"
        );
        let lib = FILES.iter().find(|f| f.name == "lib.typ").expect("lib.typ").text;
        let split = lib.lines().position(|l| l.contains("s.split(")).expect("val splits its text") + 1;
        let misuse = errors(MISUSE.name);
        assert!(misuse.iter().any(|m| m.contains(&format!("(templates/typst/lib.typ:{split})"))), "{misuse:?}");
    }
}
