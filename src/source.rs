//! A YAML file's text, decoded and checked for encoding, with character-based positions.

use crate::diagnostic::{Diagnostic, Location, codes};
use crate::lang::Lang;

/// The largest file pia reads. A 評価書 is well under 1 MB; this leaves room for long histories
/// while refusing files that could only be a mistake.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// A decoded source file.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown in diagnostics (the path as the user gave it).
    pub name: String,
    pub text: String,
    /// The file began with a UTF-8 byte order mark (dropped from `text`; kept when pia rewrites
    /// the file).
    pub bom: bool,
    /// Byte ranges (start, length) of withheld (非公表) text, never shown in a source snippet.
    pub hidden: Vec<(usize, usize)>,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
}

impl Source {
    /// Wraps already decoded text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { name: name.into(), text, bom: false, hidden: Vec::new(), line_starts }
    }

    /// The text to show beside an encoding diagnostic: the bytes decoded leniently, or nothing
    /// for UTF-16 (which would print as noise).
    pub fn for_display(name: impl Into<String>, bytes: &[u8]) -> Self {
        let text = if utf16_encoding(bytes).is_some() {
            String::new()
        } else {
            String::from_utf8_lossy(bytes).replace('\0', "\u{2400}")
        };
        Self::new(name, text)
    }

    /// Decodes a file's bytes as UTF-8 (a leading BOM is dropped). Other encodings, NUL bytes
    /// and oversized files give a located `yaml-syntax` diagnostic naming the problem.
    #[allow(clippy::result_large_err, reason = "called once per file; the diagnostic is the result")]
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8], lang: Lang) -> Result<Self, Diagnostic> {
        let name = name.into();
        // Located by line in the text shown beside the diagnostic (see `for_display`).
        let fail = |message: String, help: String, offset: usize| {
            let line = 1 + bytes.iter().take(offset).filter(|b| **b == b'\n').count();
            let location = Source::for_display(name.clone(), bytes).location(line, 0, 0);
            Diagnostic::new(codes::YAML_SYNTAX, message).at(Some(location)).help(help)
        };
        if bytes.len() > MAX_FILE_BYTES {
            return Err(fail(
                lang.pick(
                    format!(
                        "ファイルが大きすぎます（{} バイト）。pia が読むのは {} MiB までです。",
                        bytes.len(),
                        MAX_FILE_BYTES >> 20
                    ),
                    format!(
                        "The file is too large ({} bytes); pia reads at most {} MiB.",
                        bytes.len(),
                        MAX_FILE_BYTES >> 20
                    ),
                ),
                lang.pick("評価書1件を1ファイルにしてください。", "Keep one assessment per file.").into(),
                0,
            ));
        }
        if let Some(encoding) = utf16_encoding(bytes) {
            return Err(fail(
                lang.pick(
                    format!("ファイルの文字コードが {encoding} です。pia は UTF-8 のファイルを読みます。"),
                    format!("The file is encoded as {encoding}; pia reads UTF-8."),
                ),
                resave_help(&name, encoding, lang),
                0,
            ));
        }
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some(nul) = bytes.iter().position(|b| *b == 0) {
            return Err(fail(
                lang.pick(
                    "ファイルに NUL 文字（0x00）が含まれています。テキストファイルではないようです。",
                    "The file contains a NUL byte (0x00); it does not look like a text file.",
                )
                .into(),
                lang.pick("YAML のテキストファイルを指定してください。", "Give a YAML text file.").into(),
                nul,
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Self { bom, ..Self::new(name, text) }),
            Err(e) => {
                let at = e.valid_up_to();
                let (message, help) = if looks_like_shift_jis(bytes) {
                    (
                        lang.pick(
                            "ファイルの文字コードが CP932（Windows-31J、Windows の Shift_JIS）のようです。pia は UTF-8 のファイルを読みます。",
                            "The file looks like CP932 (Windows-31J, the Shift_JIS of Windows); pia reads UTF-8.",
                        )
                        .to_owned(),
                        resave_help(&name, CP932, lang),
                    )
                } else {
                    (
                        lang.pick(
                            format!("UTF-8 として正しくないバイトがあります（{at} バイト目）。"),
                            format!("Invalid UTF-8 at byte {at}."),
                        ),
                        lang.pick("ファイルを UTF-8 で保存し直してください。", "Save the file as UTF-8.").into(),
                    )
                };
                Err(fail(message, help, at))
            }
        }
    }

    /// The location of a 1-based line and 0-based character column, spanning `len_chars`
    /// characters (clamped to the line).
    pub fn location(&self, line: usize, col_chars: usize, len_chars: usize) -> Location {
        let offset = self.byte_offset(line, col_chars);
        let end = self.byte_offset(line, col_chars + len_chars).max(offset);
        Location { line: line.max(1), column: col_chars + 1, offset, len: end - offset }
    }

    /// The location between two (line, column) points, both as saphyr reports them.
    pub fn span(&self, start: (usize, usize), end: (usize, usize)) -> Location {
        let offset = self.byte_offset(start.0, start.1);
        let end = self.byte_offset(end.0, end.1).max(offset);
        Location { line: start.0.max(1), column: start.1 + 1, offset, len: end - offset }
    }

    fn byte_offset(&self, line: usize, col_chars: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = self.text.get(start..).unwrap_or("");
        let line_text = rest.split('\n').next().unwrap_or("");
        start + line_text.char_indices().nth(col_chars).map_or(line_text.len(), |(i, _)| i)
    }

    /// The source text covered by a location.
    /// The source as diagnostics may show it: withheld text replaced, character by character, by
    /// a mark of the same byte length (`*`, `·`, `＊`), so every position stays where it was and a
    /// snippet in a CI log never shows what the public version leaves out.
    pub fn for_snippets(&self) -> std::borrow::Cow<'_, Source> {
        if self.hidden.is_empty() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut text = String::with_capacity(self.text.len());
        for (i, c) in self.text.char_indices() {
            let hidden = self.hidden.iter().any(|(start, len)| i >= *start && i < start + len);
            text.push(match c.len_utf8() {
                _ if !hidden || c == '\n' || c == '\r' => c,
                1 => '*',
                2 => '·',
                3 => '＊',
                _ => '\u{1D15E}',
            });
        }
        std::borrow::Cow::Owned(Self { text, ..self.clone() })
    }

    pub fn slice(&self, location: Location) -> &str {
        self.text.get(location.offset..location.offset + location.len).unwrap_or("")
    }

    /// The number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// What iconv calls Windows' Japanese code page (Windows-31J), in which Excel and メモ帳's
/// 「ANSI」 save. ①, Ⅰ and ～ are in it but not in SHIFT_JIS proper, so `iconv -f SHIFT_JIS`
/// fails on nearly every real file.
const CP932: &str = "CP932";

/// How to save a file as UTF-8 again: in メモ帳, in VS Code, or with iconv into a new file (a
/// redirect onto the file itself empties it before iconv reads it).
fn resave_help(name: &str, encoding: &str, lang: Lang) -> String {
    let command = format!("iconv -f {encoding} -t UTF-8 {} > {}", shell_quote(name), shell_quote(&utf8_name(name)));
    // The name VS Code's encoding list gives the file's encoding, and where such files come from.
    let (vscode, origin_ja, origin_en) = match encoding {
        CP932 => {
            ("Japanese (Shift JIS)", "Excel やメモ帳の「ANSI」は CP932 です", "Excel and Notepad's \"ANSI\" are CP932")
        }
        "UTF-16LE" => ("UTF-16 LE", "メモ帳の「Unicode」は UTF-16 です", "Notepad's \"Unicode\" is UTF-16"),
        "UTF-16BE" => (
            "UTF-16 BE",
            "メモ帳の「Unicode big endian」は UTF-16BE です",
            "Notepad's \"Unicode big endian\" is UTF-16BE",
        ),
        other => (other, "", ""),
    };
    lang.pick(
        format!(
            "UTF-8 で保存し直してください（{origin_ja}）。\n\
             メモ帳: ファイル → 名前を付けて保存 → 文字コード「UTF-8」→ 保存\n\
             VS Code: ステータスバーのエンコード → エンコード付きで再度開く → {vscode}、\
             もう一度エンコード → エンコード付きで保存 → UTF-8\n\
             端末: {command}\n\
             （新しいファイルに書き出し、確かめてから元のファイルと置き換えます。\
             元のファイルと同じ名前に > で書き出すと、読む前に中身が消えます。）"
        ),
        format!(
            "Save the file as UTF-8 again ({origin_en}).\n\
             Notepad: File → Save as → Encoding \"UTF-8\" → Save\n\
             VS Code: the encoding in the status bar → Reopen with Encoding → {vscode}, \
             then the encoding again → Save with Encoding → UTF-8\n\
             terminal: {command}\n\
             (This writes a new file; check it, then replace the original with it. Redirecting \
             onto the original's own name empties it before iconv reads it.)"
        ),
    )
}

/// The name for the converted copy: `x.yaml` → `x.utf8.yaml`.
fn utf8_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with(['/', '\\']) && !ext.contains(['/', '\\']) => {
            format!("{stem}.utf8.{ext}")
        }
        _ => format!("{name}.utf8"),
    }
}

/// A name as a POSIX shell word: as is when it is plainly safe, else in single quotes.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | '+' | ','))
        && !word.chars().any(char::is_whitespace);
    if plain { word.to_owned() } else { format!("'{}'", word.replace('\'', r"'\''")) }
}

/// UTF-16 by BOM, or by the NUL pattern of mostly-ASCII text without one.
fn utf16_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let sample = bytes.get(..bytes.len().min(512) & !1).unwrap_or_default();
    if sample.len() < 4 {
        return None;
    }
    // ASCII characters (newlines, keys, digits) put a NUL on one side of each pair only.
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // (A few NULs on the other side come from characters such as U+3000, 0x30 0x00.)
    if odd_nul * 5 > pairs && even_nul * 8 < odd_nul {
        Some("UTF-16LE")
    } else if even_nul * 5 > pairs && odd_nul * 8 < even_nul {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// True when the bytes parse as Shift_JIS double-byte sequences and contain at least one.
fn looks_like_shift_jis(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut doubles = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => match bytes.get(i + 1) {
                Some(0x40..=0x7E | 0x80..=0xFC) => {
                    doubles += 1;
                    i += 2;
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    doubles > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_offsets_count_bytes() {
        let s = Source::new("t", "a: 1\n名前: 十分\n");
        let loc = s.location(2, 4, 2);
        assert_eq!((loc.line, loc.column), (2, 5));
        assert_eq!(s.slice(loc), "十分");
        assert_eq!(loc.offset, "a: 1\n名前: ".len());
    }

    #[test]
    fn detects_encodings() {
        let lang = Lang::En;
        assert!(Source::from_bytes("t", b"\xEF\xBB\xBFa: 1", lang).is_ok());
        let utf16: Vec<u8> = "a: b\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let e = Source::from_bytes("t", &utf16, lang).unwrap_err();
        assert!(e.message.contains("UTF-16LE"), "{}", e.message);
        // 「十分」 in Shift_JIS.
        let e = Source::from_bytes("t", b"a: \x8F\x5C\x95\xAA\n", lang).unwrap_err();
        assert!(e.message.contains("CP932"), "{}", e.message);
        let e = Source::from_bytes("t", b"a: \xFF\xFE\xFA", lang).unwrap_err();
        assert!(e.message.contains("Invalid UTF-8"), "{}", e.message);
        let e = Source::from_bytes("t", b"a: 1\nb: \x00", lang).unwrap_err();
        assert_eq!(e.line(), Some(2));
    }

    #[test]
    fn cp932_only_characters_are_detected_and_the_hint_converts_to_a_new_file() {
        // ① (NEC row 13), Ⅰ (NEC row 13 and IBM extension 0xFA4A) and ～ (U+FF5E): CP932, not SHIFT_JIS.
        for bytes in [&b"a: \x87\x40\n"[..], b"a: \x87\x54\n", b"a: \xFA\x4A\n", b"a: \x81\x60\n"] {
            let e = Source::from_bytes("dir/x.yaml", bytes, Lang::Ja).unwrap_err();
            assert!(e.message.contains("CP932"), "{bytes:?}: {}", e.message);
            let help = e.help.unwrap_or_default();
            assert!(help.contains("iconv -f CP932 -t UTF-8 dir/x.yaml > dir/x.utf8.yaml"), "{help}");
            assert!(help.contains("名前を付けて保存") && help.contains("エンコード付きで保存"), "{help}");
        }
    }

    #[test]
    fn converted_names_and_shell_words() {
        assert_eq!(utf8_name("x.yaml"), "x.utf8.yaml");
        assert_eq!(utf8_name("a.b/x"), "a.b/x.utf8");
        assert_eq!(utf8_name(".hidden"), ".hidden.utf8");
        assert_eq!(utf8_name(r"C:\評価書\x.yml"), r"C:\評価書\x.utf8.yml");
        assert_eq!(shell_quote("評価書/x.yaml"), "評価書/x.yaml");
        assert_eq!(shell_quote("令和7年 x.yaml"), "'令和7年 x.yaml'");
        assert_eq!(shell_quote("it's.yaml"), r"'it'\''s.yaml'");
        assert_eq!(shell_quote("a$b"), "'a$b'");
    }
}
