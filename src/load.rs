//! Loading an assessment: bytes → text → YAML events → JSON → schema → typed model.
//!
//! Every stage adds located diagnostics; a later stage runs only when the earlier ones found no
//! error, so each problem is reported once, at the stage that understands it.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::{self, Diagnostic, Severity, codes};
use crate::lang::Lang;
use crate::model::KisoAssessment;
use crate::source::{MAX_FILE_BYTES, Source};
use crate::yaml::{self, SourceMap};

/// A file that could not be read at all (pia cannot run on it: exit 2).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{input}: {error}")]
    Git { input: String, error: crate::gitsrc::GitError },
}

/// Why a file could not be read.
enum ReadFailure {
    Io(std::io::Error),
    TooLarge(u64),
    Directory,
    NotRegular,
}

impl ReadError {
    fn new(path: &Path, failure: ReadFailure, lang: Lang) -> Self {
        use std::io::ErrorKind;
        let message = match failure {
            ReadFailure::Io(e) => match e.kind() {
                ErrorKind::NotFound => lang.pick("ファイルがありません", "no such file").to_owned(),
                ErrorKind::PermissionDenied => lang.pick("読み取る権限がありません", "permission denied").to_owned(),
                _ => lang.pick(format!("読み取れません（{e}）"), format!("cannot be read ({e})")),
            },
            ReadFailure::TooLarge(n) => lang.pick(
                format!(
                    "ファイルが大きすぎます（{n} バイト）。pia が読む評価書のファイルは {} MiB までです",
                    MAX_FILE_BYTES >> 20
                ),
                format!(
                    "the file is too large ({n} bytes); pia reads assessment files of at most {} MiB",
                    MAX_FILE_BYTES >> 20
                ),
            ),
            ReadFailure::Directory => lang
                .pick("ディレクトリです。YAML ファイルを指定してください", "a directory; give a YAML file")
                .to_owned(),
            ReadFailure::NotRegular => lang
                .pick(
                    "通常のファイルではありません（FIFO やデバイスなど）。YAML ファイルを指定してください",
                    "not a regular file (a FIFO, a device, …); give a YAML file",
                )
                .to_owned(),
        };
        ReadError::Io { path: path.to_owned(), message }
    }
}

/// The result of loading one file: the source, what was found, and the model if it is valid.
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub map: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
    /// The document as JSON, when it parsed as YAML.
    pub value: Option<Value>,
    /// The typed assessment, when the document passed the schema.
    pub assessment: Option<KisoAssessment>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Reads and loads a file. Only a file that cannot be opened is an `Err`; everything about its
/// content is a diagnostic.
pub fn load_file(path: &Path, lang: Lang) -> Result<Loaded, ReadError> {
    let name = path.display().to_string();
    let bytes = read_limited(path).map_err(|e| ReadError::new(path, e, lang))?;
    Ok(load_bytes(name, &bytes, lang))
}

/// Loads a file, or a file at a git revision (`REV:PATH`).
pub fn load_input(input: &crate::gitsrc::Input, lang: Lang) -> Result<Loaded, ReadError> {
    use crate::gitsrc::{Input, show};
    match input {
        Input::File(path) => load_file(path, lang),
        Input::Git { rev, path } => {
            let bytes = show(rev, path).map_err(|error| ReadError::Git { input: input.display(), error })?;
            Ok(load_bytes(input.display(), &bytes, lang))
        }
    }
}

/// Loads bytes read elsewhere, named `name` in diagnostics.
pub fn load_bytes(name: String, bytes: &[u8], lang: Lang) -> Loaded {
    match Source::from_bytes(name.clone(), bytes, lang) {
        Ok(source) => load_source(source, lang),
        Err(d) => Loaded {
            source: Source::for_display(name, bytes),
            map: SourceMap::default(),
            diagnostics: vec![d],
            value: None,
            assessment: None,
        },
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`], refusing directories, FIFOs and devices
/// up front (reading a FIFO would block) and never reading more than the limit.
fn read_limited(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadFailure::Io)?;
    if meta.is_dir() {
        return Err(ReadFailure::Directory);
    }
    if !meta.is_file() {
        return Err(ReadFailure::NotRegular);
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(ReadFailure::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(ReadFailure::Io)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadFailure::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Loads already decoded text.
pub fn load_str(name: &str, text: &str, lang: Lang) -> Loaded {
    load_source(Source::new(name, text), lang)
}

fn load_source(source: Source, lang: Lang) -> Loaded {
    let (map, mut diagnostics) = yaml::scan(&source, lang);
    let mut loaded = Loaded { source, map, diagnostics: Vec::new(), value: None, assessment: None };
    if diagnostics.is_empty() {
        match yaml::to_json(&loaded.source, lang) {
            Ok(value) => {
                diagnostics = crate::schema::validate(&value, &loaded.map, &loaded.source, lang);
                if diagnostics.is_empty() {
                    match KisoAssessment::deserialize(&value) {
                        Ok(a) => loaded.assessment = Some(a),
                        Err(e) => diagnostics.push(Diagnostic::new(codes::INVALID_TYPE, e.to_string())),
                    }
                }
                loaded.value = Some(value);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    for d in diagnostics.iter_mut().filter(|d| d.item.is_none() && !d.path.is_empty()) {
        d.item = crate::schema::item_for_path(&d.path);
    }
    diagnostic::sort(&mut diagnostics);
    loaded.diagnostics = diagnostic::cap_per_code(diagnostics, lang);
    loaded
}
