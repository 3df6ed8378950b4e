//! Loading an assessment: bytes → text → YAML events → JSON → schema → typed model.
//!
//! Every stage adds located diagnostics; a later stage runs only when the earlier ones found no
//! error, so each problem is reported once, at the stage that understands it.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::{self, Diagnostic, Severity, codes};
use crate::lang::Lang;
use crate::model::{Assessment, FormKind, JutenAssessment, KisoAssessment, ZenkomokuAssessment};
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
    /// The form its `form:` names, when it names one pia knows.
    pub kind: Option<FormKind>,
    /// The typed assessment, when the document passed its form's schema.
    pub assessment: Option<Assessment>,
    /// The folder of the file on disk, which figures' paths are relative to; `None` for a file
    /// read from git or standard input.
    pub folder: Option<PathBuf>,
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
    let mut loaded = load_bytes(name, &bytes, lang);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    loaded.folder = Some(folder.to_owned());
    Ok(loaded)
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
            kind: None,
            assessment: None,
            folder: None,
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
    let mut loaded =
        Loaded { source, map, diagnostics: Vec::new(), value: None, kind: None, assessment: None, folder: None };
    if diagnostics.is_empty() {
        match yaml::to_json(&loaded.source, lang) {
            Ok(value) => {
                match form_of(&value, &loaded.map, &loaded.source, lang) {
                    Ok(kind) => {
                        loaded.kind = Some(kind);
                        diagnostics = crate::schema::validate(kind, &value, &loaded.map, &loaded.source, lang);
                        if diagnostics.is_empty() {
                            match typed(kind, &value) {
                                Ok(a) => loaded.assessment = Some(a),
                                Err(e) => diagnostics.push(Diagnostic::new(codes::INVALID_TYPE, e.to_string())),
                            }
                        }
                    }
                    Err(d) => diagnostics.push(*d),
                }
                loaded.source.hidden = withheld_spans(&value, &loaded.map);
                loaded.value = Some(value);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    // Problems found before the form was read (YAML syntax, duplicate keys) are named by the
    // items of the form the file says it is written on.
    let named_by = loaded.kind.or_else(|| {
        let node = loaded.map.get("/form")?;
        FormKind::from_label(loaded.source.slice(node.value).trim().trim_matches(['"', '\'']))
    });
    if let Some(kind) = named_by {
        for d in diagnostics.iter_mut().filter(|d| d.item.is_none() && !d.path.is_empty()) {
            d.item = crate::schema::item_for_path(kind, &d.path);
        }
    }
    diagnostic::sort(&mut diagnostics);
    loaded.diagnostics = diagnostic::cap_per_code(diagnostics, lang);
    loaded
}

/// Where the withheld texts (and their reasons) are: every `{text, withheld}` of the document.
fn withheld_spans(value: &Value, map: &SourceMap) -> Vec<(usize, usize)> {
    fn walk(value: &Value, pointer: String, map: &SourceMap, out: &mut Vec<(usize, usize)>) {
        match value {
            Value::Object(m) if m.contains_key("withheld") => {
                for key in ["text", "withheld"] {
                    if let Some(node) = map.get(&format!("{pointer}/{key}")) {
                        out.push((node.value.offset, node.value.len));
                    }
                }
            }
            Value::Object(m) => {
                for (k, v) in m {
                    walk(v, format!("{pointer}/{}", yaml::escape_pointer_segment(k)), map, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{pointer}/{i}"), map, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), map, &mut out);
    out
}

/// The typed model of a document that passed its form's schema.
fn typed(kind: FormKind, value: &Value) -> Result<Assessment, serde_json::Error> {
    match kind {
        FormKind::Kiso => KisoAssessment::deserialize(value).map(|a| Assessment::Kiso(Box::new(a))),
        FormKind::Juten => JutenAssessment::deserialize(value).map(|a| Assessment::Juten(Box::new(a))),
        FormKind::Zenkomoku => ZenkomokuAssessment::deserialize(value).map(|a| Assessment::Zenkomoku(Box::new(a))),
    }
}

/// The form a document is written on, read from its `form:` before anything else, since the
/// form decides the schema. An empty file, a document that is not a mapping, and a missing or
/// unknown `form:` are diagnostics of their own.
fn form_of(value: &Value, map: &SourceMap, source: &Source, lang: Lang) -> Result<FormKind, Box<Diagnostic>> {
    let forms = FormKind::listing();
    let at_start = || Some(map.locate("").unwrap_or_else(|| source.location(1, 0, 0)));
    let map_value = match value {
        Value::Object(m) => m,
        Value::Null => {
            return Err(Box::new(
                Diagnostic::new(
                    codes::YAML_SYNTAX,
                    lang.pick(
                        "ファイルが空です。評価書の項目を記載してください。",
                        "The file is empty; write the assessment's items.",
                    ),
                )
                .at(Some(source.location(1, 0, 0))),
            ));
        }
        other => {
            let kind = match other {
                Value::Array(_) => lang.pick("リスト", "A list"),
                _ => lang.pick("値", "A single value"),
            };
            return Err(Box::new(
                Diagnostic::new(
                    codes::INVALID_TYPE,
                    lang.pick(
                        format!("{kind} は項目の組（マッピング）ではありません。評価書は `form:` から始まる項目の組で書きます。"),
                        format!("{kind} is not a mapping of items; an assessment is a mapping that starts with `form:`."),
                    ),
                )
                .item(Some(lang.pick("特定個人情報保護評価書", "the assessment").to_owned()))
                .at(at_start()),
            ));
        }
    };
    let written = match map_value.get("form") {
        None => {
            return Err(Box::new(
                Diagnostic::new(
                    codes::UNKNOWN_FORM,
                    lang.pick(
                        format!("`form:`（様式）がありません。どの様式の評価書かを書きます: {forms}"),
                        format!("`form:` is missing: say which form this assessment is written on: {forms}"),
                    ),
                )
                .item(Some("様式".to_owned()))
                .at(at_start())
                .help(lang.pick("1行目に `form: 様式2` のように書きます。", "start the file with e.g. `form: 様式2`.")),
            ));
        }
        Some(v) => v,
    };
    let text = written.as_str().map(str::trim).unwrap_or_default();
    if let Some(kind) = FormKind::from_label(text) {
        return Ok(kind);
    }
    let labels: Vec<&str> = FormKind::ALL.iter().map(|k| k.label()).collect();
    let shown = written.as_str().map_or_else(|| written.to_string(), str::to_owned);
    let mut d = Diagnostic::new(
        codes::UNKNOWN_FORM,
        lang.pick(
            format!("「{shown}」は pia の知る様式ではありません。様式: {forms}"),
            format!("「{shown}」 is not a form pia knows; the forms: {forms}"),
        ),
    )
    .path("form".to_owned())
    .item(Some("様式".to_owned()))
    .at(map.locate_value("/form"));
    if let Some(meant) = crate::schema::suggest(text, &labels) {
        d = d.help(lang.pick(format!("「{meant}」ではありませんか？"), format!("did you mean 「{meant}」?")));
    }
    Err(Box::new(d))
}
