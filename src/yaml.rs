//! Reads YAML into JSON: positions of every node, and the structural errors serde would hide.
//!
//! saphyr's parser events give each key and value its span; walking them ourselves finds
//! *every* duplicate key, anchor, alias and merge key (serde-saphyr stops at the first, and
//! saphyr's own tree silently keeps one of two duplicates). serde-saphyr then builds the
//! `serde_json::Value` with its YAML 1.2 scalar rules.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Location, codes};
use crate::lang::Lang;
use crate::source::Source;

/// Nesting deeper than this is refused: a form is at most five levels deep.
pub const MAX_DEPTH: usize = 64;

/// Where one node of the document is.
#[derive(Debug, Clone)]
pub struct NodePosition {
    /// Dotted path (`history[3].timing`).
    pub dotted: String,
    /// The key naming this node in its mapping, if any.
    pub key: Option<Location>,
    /// The value itself.
    pub value: Location,
    /// True for mappings and sequences.
    pub container: bool,
}

/// Positions of every node, by JSON pointer.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    nodes: HashMap<String, NodePosition>,
}

impl SourceMap {
    pub fn get(&self, pointer: &str) -> Option<&NodePosition> {
        self.nodes.get(pointer)
    }

    /// The best place to point at for a node: its key when it has one, else its value; for a
    /// pointer the document lacks, the nearest ancestor that it has.
    pub fn locate(&self, pointer: &str) -> Option<Location> {
        let mut p = pointer;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return Some(n.key.unwrap_or(n.value));
            }
            p = &p[..p.rfind('/')?];
        }
    }

    /// The innermost scalar whose value covers byte `offset` (pointer, dotted path); else the
    /// node that starts last before it (for comments).
    pub fn enclosing(&self, offset: usize) -> Option<(String, String)> {
        let covering = self
            .nodes
            .iter()
            .filter(|(_, n)| !n.container && n.value.offset <= offset && offset < n.value.offset + n.value.len.max(1))
            .min_by_key(|(_, n)| n.value.len);
        let before = || {
            self.nodes
                .iter()
                .filter(|(_, n)| n.key.unwrap_or(n.value).offset <= offset)
                .max_by_key(|(p, n)| (n.key.unwrap_or(n.value).offset, p.len()))
        };
        covering.or_else(before).map(|(p, n)| (p.clone(), n.dotted.clone()))
    }

    /// The value's location (for "this value is wrong"); for a mapping or list, its key.
    pub fn locate_value(&self, pointer: &str) -> Option<Location> {
        match self.nodes.get(pointer) {
            Some(n) if !n.container => Some(n.value),
            _ => self.locate(pointer),
        }
    }
}

/// The characters of one scalar that `wanted` picks, each at its own line and column: the
/// scalar's source text (`at`, the value's location) is read as written, over every line of a
/// block (`|`, `>`), multi-line plain or quoted scalar, so the n-th character of the value is
/// found where it is, not at the value's first line. A block scalar's header line (`|-`, a
/// comment after it) is skipped; in a double-quoted scalar an escape (`\u3042`, `\U0002A6A5`,
/// `\x41`) counts as its character, located at the backslash.
pub fn find_in_scalar(source: &Source, at: Location, wanted: impl Fn(char) -> bool) -> Vec<(char, Location)> {
    let text = source.slice(at);
    let block = text.starts_with(['|', '>']);
    let double = text.starts_with('"');
    let mut out = Vec::new();
    // 1-based line and 0-based character column of the next character.
    let (mut line, mut col) = (at.line, at.column.saturating_sub(1));
    let mut chars = text.chars().peekable();
    let mut next = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        let c = chars.next()?;
        let here = (line, col);
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
        Some((c, here))
    };
    if block {
        while next(&mut chars).is_some_and(|(c, _)| c != '\n') {}
    }
    while let Some((c, (l, k))) = next(&mut chars) {
        if double && c == '\\' {
            let digits = match chars.peek() {
                Some('x') => 2,
                Some('u') => 4,
                Some('U') => 8,
                _ => 0,
            };
            // The escaped character itself (`\\`, `\"`, a line break) is not an escape's start.
            let _ = next(&mut chars);
            if digits > 0 {
                let hex: String = (0..digits).filter_map(|_| next(&mut chars).map(|(h, _)| h)).collect();
                if let Some(e) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                    && wanted(e)
                {
                    out.push((e, source.location(l, k, 2 + digits)));
                }
            }
            continue;
        }
        if wanted(c) {
            out.push((c, source.location(l, k, 1)));
        }
    }
    out
}

/// Escapes one JSON-pointer segment.
pub fn escape_pointer_segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

enum Frame {
    Map { pointer: String, dotted: String, seen: HashMap<String, Location>, key: Option<(String, Location)> },
    Seq { pointer: String, dotted: String, next: usize },
}

/// Scans the document's events: records positions and reports duplicate keys, anchors,
/// aliases, merge keys, syntax errors, excessive nesting and extra documents.
pub fn scan(source: &Source, lang: Lang) -> (SourceMap, Vec<Diagnostic>) {
    let mut map = SourceMap::default();
    let mut diags = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    let loc = |span: &Span| source.span((span.start.line(), span.start.col()), (span.end.line(), span.end.col()));

    for event in Parser::new_from_str(&source.text) {
        let (event, span) = match event {
            Ok(e) => e,
            Err(e) if e.info().contains("recursion limit") => {
                let m = e.marker();
                diags.push(too_deep(lang).at(Some(source.location(m.line(), m.col(), 1))));
                return (map, diags);
            }
            Err(e) => {
                let m = e.marker();
                let at = source.location(m.line(), m.col(), 1);
                diags.push(
                    Diagnostic::new(
                        codes::YAML_SYNTAX,
                        lang.pick(
                            format!("YAMLの構文が正しくありません: {}", e.info()),
                            format!("YAML syntax error: {}", e.info()),
                        ),
                    )
                    .at(Some(at))
                    .help(lang.pick(
                        "インデント、コロンの後の空白、引用符の閉じ忘れを確かめてください。",
                        "Check the indentation, the space after each colon, and unclosed quotes.",
                    )),
                );
                return (map, diags);
            }
        };
        let here = loc(&span);
        let (anchor, is_node) = match &event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    diags.push(
                        Diagnostic::new(
                            codes::YAML_SYNTAX,
                            lang.pick(
                                "1つのファイルに複数のYAML文書（---）があります。評価書は1ファイルに1件です。",
                                "The file holds more than one YAML document (---); keep one assessment per file.",
                            ),
                        )
                        .at(Some(here)),
                    );
                    return (map, diags);
                }
                continue;
            }
            Event::Scalar(_, _, anchor, _) | Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                (*anchor, true)
            }
            Event::Alias(_) => (0, true),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                    *key = None;
                }
                continue;
            }
            _ => (0, false),
        };
        if !is_node {
            continue;
        }

        // Is this node a key, or a value at which pointer?
        let (pointer, dotted, key_loc) = match stack.last_mut() {
            None => (String::new(), String::new(), None),
            Some(Frame::Seq { pointer, dotted, next }) => {
                let p = format!("{pointer}/{next}");
                let d = format!("{dotted}[{next}]");
                *next += 1;
                (p, d, None)
            }
            Some(Frame::Map { pointer, dotted, seen, key }) => match key.take() {
                Some((k, key_loc)) => {
                    let p = format!("{pointer}/{}", escape_pointer_segment(&k));
                    let d = if dotted.is_empty() { k } else { format!("{dotted}.{k}") };
                    (p, d, Some(key_loc))
                }
                None => {
                    let name = match &event {
                        Event::Scalar(value, style, _, _) => {
                            if value == "<<" && *style == ScalarStyle::Plain {
                                diags.push(alias_forbidden(lang, here, AliasKind::Merge));
                            }
                            value.to_string()
                        }
                        Event::Alias(_) => {
                            diags.push(alias_forbidden(lang, here, AliasKind::Alias));
                            "*".to_owned()
                        }
                        _ => {
                            diags.push(
                                Diagnostic::new(
                                    codes::INVALID_TYPE,
                                    lang.pick(
                                        "項目名（キー）にはマッピングやリストを使えません。",
                                        "A key cannot be a mapping or a list.",
                                    ),
                                )
                                .at(Some(here))
                                .path(dotted.clone()),
                            );
                            return (map, diags);
                        }
                    };
                    if let Some(first) = seen.get(&name) {
                        let child = if dotted.is_empty() { name.clone() } else { format!("{dotted}.{name}") };
                        diags.push(
                            Diagnostic::new(
                                codes::DUPLICATE_KEY,
                                lang.pick(
                                    format!("「{name}」が同じ階層に2回書かれています（最初は{}行目）。どちらかの記載が失われるため、1つにまとめてください。", first.line),
                                    format!("`{name}` appears twice in the same mapping (first at line {}); merge them, or one text would be lost.", first.line),
                                ),
                            )
                            .at(Some(here))
                            .path(child)
                            .related(*first, lang.pick("最初の記載", "first occurrence")),
                        );
                    } else {
                        seen.insert(name.clone(), here);
                    }
                    *key = Some((name, here));
                    continue;
                }
            },
        };

        if anchor > 0 {
            diags.push(alias_forbidden(lang, here, AliasKind::Anchor).path(dotted.clone()));
        }
        let container = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
        map.nodes
            .insert(pointer.clone(), NodePosition { dotted: dotted.clone(), key: key_loc, value: here, container });
        match event {
            Event::Alias(_) => diags.push(alias_forbidden(lang, here, AliasKind::Alias).path(dotted)),
            Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() >= MAX_DEPTH => {
                diags.push(too_deep(lang).at(Some(here)).path(dotted));
                return (map, diags);
            }
            Event::MappingStart(..) => stack.push(Frame::Map { pointer, dotted, seen: HashMap::new(), key: None }),
            Event::SequenceStart(..) => stack.push(Frame::Seq { pointer, dotted, next: 0 }),
            _ => {}
        }
    }
    (map, diags)
}

/// Nesting beyond [`MAX_DEPTH`], found by the parser or by the walk.
fn too_deep(lang: Lang) -> Diagnostic {
    Diagnostic::new(
        codes::YAML_SYNTAX,
        lang.pick(
            format!("入れ子が深すぎます（{MAX_DEPTH}段まで）。"),
            format!("Nesting is too deep (at most {MAX_DEPTH} levels)."),
        ),
    )
}

enum AliasKind {
    Anchor,
    Alias,
    Merge,
}

fn alias_forbidden(lang: Lang, at: Location, kind: AliasKind) -> Diagnostic {
    let (ja, en) = match kind {
        AliasKind::Anchor => ("アンカー（&名前）", "An anchor (&name)"),
        AliasKind::Alias => ("エイリアス（*名前）", "An alias (*name)"),
        AliasKind::Merge => ("マージキー（<<）", "A merge key (<<)"),
    };
    Diagnostic::new(
        codes::ALIAS_FORBIDDEN,
        lang.pick(format!("{ja}は評価書では使えません。"), format!("{en} is not allowed in an assessment.")),
    )
    .at(Some(at))
    .help(lang.pick(
        "記載内容をその場所に直接書いてください（1つの値は1か所に書きます）。",
        "Write the value out where it is used (each value has one place).",
    ))
}

/// Parses the text into JSON with serde-saphyr. Run [`scan`] first: it has already reported
/// what this would stop at, so an error here is reported as a plain syntax error.
#[allow(clippy::result_large_err, reason = "called once per file; the diagnostic is the result")]
pub fn to_json(source: &Source, lang: Lang) -> Result<Value, Diagnostic> {
    let options = serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
        leading_zero_numbers_as_strings: true,
        strict_booleans: true,
        // Anchors and aliases are refused and the file size is capped, so the node budget can
        // allow very long histories (100,000 rows are about 1.3 million nodes).
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH + 1,
            max_aliases: 0,
            max_anchors: 0,
            max_documents: 1,
            max_events: 20_000_000,
            max_nodes: 10_000_000,
        },
    };
    serde_saphyr::from_str_with_options::<Value>(&source.text, options).map_err(|e| {
        let location = e.location().map(|l| {
            let line = usize::try_from(l.line()).unwrap_or(1);
            let column = usize::try_from(l.column()).unwrap_or(1).saturating_sub(1);
            source.location(line, column, 1)
        });
        Diagnostic::new(
            codes::YAML_SYNTAX,
            lang.pick(format!("YAMLとして読み取れません: {e}"), format!("Cannot read the YAML: {e}")),
        )
        .at(location)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(text: &str) -> (SourceMap, Vec<Diagnostic>) {
        scan(&Source::new("t.yaml", text), Lang::En)
    }

    #[test]
    fn maps_pointers_to_lines_and_character_columns() {
        let (map, diags) = scan_str("a:\n  名前: 十分である\n  list:\n    - x\n    - y\n");
        assert!(diags.is_empty());
        let n = map.get("/a/名前").expect("node");
        assert_eq!(n.dotted, "a.名前");
        let key = n.key.expect("key");
        assert_eq!((key.line, key.column), (2, 3));
        assert_eq!((n.value.line, n.value.column), (2, 7));
        let item = map.get("/a/list/1").expect("item");
        assert_eq!(item.dotted, "a.list[1]");
        assert_eq!(item.value.line, 5);
        // A pointer the document lacks falls back to its nearest ancestor.
        assert_eq!(map.locate("/a/missing").map(|l| l.line), Some(1));
    }

    /// (line, column) of every 「※」 in the value at `pointer`, as `find_in_scalar` finds it.
    fn marks(text: &str, pointer: &str) -> Vec<(usize, usize)> {
        let source = Source::new("t.yaml", text);
        let (map, diags) = scan(&source, Lang::En);
        assert!(diags.is_empty(), "{diags:?}");
        let at = map.get(pointer).expect("node").value;
        find_in_scalar(&source, at, |c| c == '※').into_iter().map(|(_, l)| (l.line, l.column)).collect()
    }

    #[test]
    fn finds_each_character_of_a_scalar_at_its_own_line_and_column() {
        // Literal block, with a comment on its header line that must not count.
        let literal = "a:\n  b: |  # ※ here is a comment\n    一行目\n    二行目※と\n\n    ※四行目\nc: ※\n";
        assert_eq!(marks(literal, "/a/b"), vec![(4, 8), (6, 5)]);
        assert_eq!(marks(literal, "/c"), vec![(7, 4)]);
        // Folded block, kept trailing lines.
        assert_eq!(marks("a: >+\n  一※\n  二\n\nb: x\n", "/a"), vec![(2, 4)]);
        // Plain scalar over several lines.
        assert_eq!(marks("a: 一行目\n  二行目※\n  ※三\nb: x\n", "/a"), vec![(2, 6), (3, 3)]);
        // Single- and double-quoted over lines, with escapes.
        assert_eq!(marks("a: '一''※'\nb: x\n", "/a"), vec![(1, 8)]);
        assert_eq!(marks("a: \"一\\\"\n  \\u203B※\\\\u203B\"\n", "/a"), vec![(2, 3), (2, 9)]);
        assert_eq!(marks("a: \"\\U0000203B \\x41\"\n", "/a"), vec![(1, 5)]);
    }

    #[test]
    fn reports_every_duplicate_key_at_the_second_one() {
        let (_, diags) = scan_str("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n");
        let dups: Vec<_> = diags.iter().map(|d| (d.code.name, d.line(), d.path.as_str())).collect();
        assert_eq!(dups, vec![("duplicate-key", Some(4), "b.c"), ("duplicate-key", Some(5), "a")]);
    }

    #[test]
    fn forbids_anchors_aliases_and_merge_keys() {
        let (_, diags) = scan_str("a: &x 1\nb: *x\nc:\n  <<: {d: 1}\n");
        let codes: Vec<_> = diags.iter().map(|d| (d.code.name, d.line())).collect();
        assert_eq!(
            codes,
            vec![("alias-forbidden", Some(1)), ("alias-forbidden", Some(2)), ("alias-forbidden", Some(4))]
        );
    }

    #[test]
    fn stops_at_syntax_errors_and_deep_nesting() {
        let (_, diags) = scan_str("a: [1, 2\nb: 3\n");
        assert_eq!(diags[0].code.name, "yaml-syntax");
        let deep = "[".repeat(10_000);
        let (_, diags) = scan_str(&deep);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code.name, "yaml-syntax");
    }
}
