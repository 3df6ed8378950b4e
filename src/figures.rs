//! The figures of 様式4's (別添1) 事務の内容: image files beside the YAML file, checked and read once.
//!
//! A figure is a path relative to the YAML file's folder and an alternative text (PDF/UA needs
//! one for every figure). The check refuses what the render could not print safely: a path
//! leaving the folder (absolute, `..`, or a symlink leading out), a file that is not there or
//! cannot be read, one over [`MAX_FIGURE_BYTES`], bytes that do not decode as PNG, JPEG or SVG,
//! and a blank alternative text. The bytes of the figures that pass are kept for the render,
//! whose world serves them, and nothing else of the disk, at [`virtual_path`].

use std::io::Read;
use std::path::{Component, Path};

use crate::diagnostic::{Code, Diagnostic, Severity::Error};
use crate::lang::Lang;
use crate::load::Loaded;
use crate::model::Assessment;

/// The largest figure file pia reads: 5 MiB, well above a flow chart's size, so a mistaken
/// file (a scan, a video) is refused before it is read whole.
pub const MAX_FIGURE_BYTES: u64 = 5 << 20;

pub const FIGURE_PATH_OUTSIDE: &Code = &Code {
    name: "figure-path-outside",
    severity: Error,
    item: Some("(別添1) 図のファイル"),
    summary_ja: "図のファイルの場所が YAML ファイルのフォルダの外（絶対パス、..、外を指すシンボリックリンク）",
    summary_en: "A figure's path leads outside the YAML file's folder (absolute, `..`, a symlink out)",
};
pub const FIGURE_MISSING: &Code = &Code {
    name: "figure-missing",
    severity: Error,
    item: Some("(別添1) 図のファイル"),
    summary_ja: "図のファイルがない、又は読み取れない",
    summary_en: "A figure's file does not exist or cannot be read",
};
pub const FIGURE_TOO_LARGE: &Code = &Code {
    name: "figure-too-large",
    severity: Error,
    item: Some("(別添1) 図のファイル"),
    summary_ja: "図のファイルが大きすぎる（5 MiB まで）",
    summary_en: "A figure's file is too large (at most 5 MiB)",
};
pub const FIGURE_UNSUPPORTED: &Code = &Code {
    name: "figure-unsupported",
    severity: Error,
    item: Some("(別添1) 図のファイル"),
    summary_ja: "図のファイルが PNG・JPEG・SVG の画像として読めない（別の形式、又は壊れている）",
    summary_en: "A figure's file is not a PNG, JPEG or SVG image that decodes (another format, or corrupt)",
};
pub const FIGURE_ALT_MISSING: &Code = &Code {
    name: "figure-alt-missing",
    severity: Error,
    item: Some("(別添1) 図の代替テキスト"),
    summary_ja: "図の代替テキストが空欄",
    summary_en: "A figure's alternative text is blank",
};
pub const FIGURE_NO_FOLDER: &Code = &Code {
    name: "figure-no-folder",
    severity: Error,
    item: Some("(別添1) 図のファイル"),
    summary_ja: "フォルダのない入力（git の版、標準入力）に図がある（図のファイルを探せない）",
    summary_en: "An input without a folder (a git revision, standard input) has figures, whose files cannot be found",
};

/// Every code of the figures, for [`crate::rules::all_codes`].
pub const CODES: &[&Code] =
    &[FIGURE_PATH_OUTSIDE, FIGURE_MISSING, FIGURE_TOO_LARGE, FIGURE_UNSUPPORTED, FIGURE_ALT_MISSING, FIGURE_NO_FOLDER];

/// A figure that passed, its bytes read once for the render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureFile {
    /// Where the render world serves it: [`virtual_path`].
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where the render world serves the figure at `index` (0-based): `/figures/1`. The name has
/// no extension, so Typst reads the format from the bytes the check decoded.
pub fn virtual_path(index: usize) -> String {
    format!("/figures/{}", index + 1)
}

/// Why a figure is refused.
enum Refusal {
    Outside,
    Missing(String),
    TooLarge(u64),
    Unsupported(String),
}

/// The figures of a loaded 様式4 file: the findings, and the files that passed. `folder` is the
/// YAML file's folder; `None` for an input read from git or standard input.
pub fn check(loaded: &Loaded, lang: Lang) -> (Vec<Diagnostic>, Vec<FigureFile>) {
    let (mut out, mut files) = (Vec::new(), Vec::new());
    let Some(Assessment::Zenkomoku(a)) = &loaded.assessment else { return (out, files) };
    let kind = loaded.kind;
    let located = |code: &'static Code, pointer: &str, message: String| {
        let node = loaded.map.get(pointer);
        Diagnostic::new(code, message)
            .path(node.map(|n| n.dotted.clone()).unwrap_or_default())
            .item(kind.and_then(|k| crate::schema::item_for_pointer(k, pointer)))
            .at(node.map(|n| n.value))
    };
    let folder = loaded.folder.as_deref().map(std::fs::canonicalize);
    for (i, figure) in a.affair_details.figures.iter().enumerate() {
        let at = format!("/affair_details/figures/{i}");
        if figure.alt.trim().is_empty() {
            out.push(
                located(
                    FIGURE_ALT_MISSING,
                    &format!("{at}/alt"),
                    lang.pick(
                        "図の代替テキストが空欄です。PDF/UA では、図を見られない人のための説明が必要です。".into(),
                        "The figure's alternative text is blank; PDF/UA needs a description for readers who cannot see it.".into(),
                    ),
                )
                .help(lang.pick("図が示す流れを文で書いてください。", "describe in sentences what the figure shows.")),
            );
        }
        let path_at = format!("{at}/path");
        let read_figure = match &folder {
            None => {
                out.push(
                    located(
                        FIGURE_NO_FOLDER,
                        &path_at,
                        lang.pick(
                            format!("図のファイル「{}」を探すフォルダがありません（git の版や標準入力から読んだファイル）。", figure.path),
                            format!("There is no folder to find the figure 「{}」 in (the file was read from git or standard input).", figure.path),
                        ),
                    )
                    .help(lang.pick("ディスク上の YAML ファイルを指定してください。", "give the YAML file on disk.")),
                );
                continue;
            }
            Some(Err(e)) => Err(Refusal::Missing(e.to_string())),
            Some(Ok(folder)) => read(folder, &figure.path, lang),
        };
        match read_figure {
            Ok(bytes) => files.push(FigureFile { path: virtual_path(i), bytes }),
            Err(refusal) => {
                out.push(refused(refusal, &figure.path, lang, |code, message| located(code, &path_at, message)))
            }
        }
    }
    (out, files)
}

/// The diagnostic of a refused figure.
fn refused(
    refusal: Refusal,
    path: &str,
    lang: Lang,
    located: impl Fn(&'static Code, String) -> Diagnostic,
) -> Diagnostic {
    match refusal {
        Refusal::Outside => located(
            FIGURE_PATH_OUTSIDE,
            lang.pick(
                format!("図のファイル「{path}」は、この YAML ファイルのフォルダの外を指しています。"),
                format!("The figure 「{path}」 leads outside this YAML file's folder."),
            ),
        )
        .help(lang.pick(
            "図のファイルは YAML ファイルと同じフォルダ（又はその下）に置き、相対パスで書いてください（絶対パスと .. は使えません）。",
            "put the figure in the YAML file's folder (or below) and give a relative path (no absolute path, no `..`).",
        )),
        Refusal::Missing(why) => located(
            FIGURE_MISSING,
            lang.pick(
                format!("図のファイル「{path}」を読み取れません（{why}）。"),
                format!("The figure 「{path}」 cannot be read ({why})."),
            ),
        )
        .help(lang.pick(
            "パスは YAML ファイルのあるフォルダからの相対パスです。",
            "the path is relative to the YAML file's folder.",
        )),
        Refusal::TooLarge(n) => located(
            FIGURE_TOO_LARGE,
            lang.pick(
                format!("図のファイル「{path}」が大きすぎます（{n} バイト。{} MiB まで）。", MAX_FIGURE_BYTES >> 20),
                format!("The figure 「{path}」 is too large ({n} bytes; at most {} MiB).", MAX_FIGURE_BYTES >> 20),
            ),
        )
        .help(lang.pick("解像度を下げるか、SVG にしてください。", "lower its resolution, or use SVG.")),
        Refusal::Unsupported(why) => located(
            FIGURE_UNSUPPORTED,
            lang.pick(
                format!("図のファイル「{path}」は PNG・JPEG・SVG の画像として読めません（{why}）。"),
                format!("The figure 「{path}」 is not a PNG, JPEG or SVG image that decodes ({why})."),
            ),
        )
        .help(lang.pick("PNG・JPEG・SVG で保存し直してください。", "save it again as PNG, JPEG or SVG.")),
    }
}

/// The bytes of the figure at `path` in the canonical `folder`, when it may be printed.
fn read(folder: &Path, path: &str, lang: Lang) -> Result<Vec<u8>, Refusal> {
    let relative = Path::new(path);
    let escapes = relative.components().any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if escapes || path.trim().is_empty() {
        return Err(if escapes { Refusal::Outside } else { Refusal::Missing(String::new()) });
    }
    let describe = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => lang.pick("ファイルがありません", "no such file").to_owned(),
        std::io::ErrorKind::PermissionDenied => lang.pick("読み取る権限がありません", "permission denied").to_owned(),
        _ => e.to_string(),
    };
    let full = std::fs::canonicalize(folder.join(relative)).map_err(|e| Refusal::Missing(describe(e)))?;
    // A symlink inside the folder may still lead out of it.
    if !full.starts_with(folder) {
        return Err(Refusal::Outside);
    }
    let meta = std::fs::metadata(&full).map_err(|e| Refusal::Missing(describe(e)))?;
    if !meta.is_file() {
        return Err(Refusal::Missing(lang.pick("通常のファイルではありません", "not a regular file").into()));
    }
    if meta.len() > MAX_FIGURE_BYTES {
        return Err(Refusal::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&full)
        .and_then(|f| f.take(MAX_FIGURE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Refusal::Missing(describe(e)))?;
    if bytes.len() as u64 > MAX_FIGURE_BYTES {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    decode(&bytes, lang).map_err(Refusal::Unsupported)?;
    Ok(bytes)
}

/// Decodes the bytes as Typst will: PNG, JPEG or SVG, and nothing else.
fn decode(bytes: &[u8], lang: Lang) -> Result<(), String> {
    use typst::foundations::Bytes;
    use typst::visualize::{ExchangeFormat, ImageFormat, RasterFormat, RasterImage, SvgImage, VectorFormat};
    let data = Bytes::new(bytes.to_vec());
    match ImageFormat::detect(bytes) {
        Some(ImageFormat::Raster(RasterFormat::Exchange(format @ (ExchangeFormat::Png | ExchangeFormat::Jpg)))) => {
            RasterImage::plain(data, format).map(|_| ()).map_err(|e| e.to_string())
        }
        // A compressed SVG (.svgz) is detected by its gzip bytes alone: not taken.
        Some(ImageFormat::Vector(VectorFormat::Svg)) if !bytes.starts_with(&[0x1f, 0x8b]) => {
            SvgImage::new(data).map(|_| ()).map_err(|e| format!("{e:?}"))
        }
        _ => Err(lang.pick("中身が PNG・JPEG・SVG ではありません", "its bytes are not PNG, JPEG or SVG").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
        0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff,
        0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn only_png_jpeg_and_svg_that_decode_are_taken() {
        assert!(decode(PNG, Lang::En).is_ok());
        assert!(decode(br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#, Lang::En).is_ok());
        assert!(decode(b"not an image", Lang::En).is_err());
        assert!(decode(&PNG[..20], Lang::En).is_err(), "a truncated PNG");
        assert!(decode(br#"<svg xmlns="http://www.w3.org/2000/svg" <broken"#, Lang::En).is_err());
        assert!(decode(b"GIF89a\x01\x00\x01\x00", Lang::En).is_err(), "GIF is not one of the three");
    }

    #[test]
    fn a_file_without_a_folder_refuses_its_figures_at_their_lines() {
        let text = include_str!("../assessments/examples/juki-zenkomoku.yaml");
        let loaded = crate::load::load_str("REV:juki-zenkomoku.yaml", text, Lang::En);
        assert!(loaded.folder.is_none() && loaded.assessment.is_some());
        let (found, files) = check(&loaded, Lang::En);
        assert!(files.is_empty());
        let line = text.lines().position(|l| l.contains("- path: juki-zenkomoku-flow.svg")).expect("figure") + 1;
        assert_eq!(
            found.iter().map(|d| (d.code.name, d.line())).collect::<Vec<_>>(),
            [("figure-no-folder", Some(line))]
        );
        assert_eq!(found[0].item.as_deref(), Some("(別添1) 図のファイル 図1"));
    }

    #[test]
    fn paths_stay_in_the_folder() {
        let dir = std::env::temp_dir().join(format!("pia-figures-{}", std::process::id()));
        let inner = dir.join("in");
        std::fs::create_dir_all(&inner).expect("dir");
        std::fs::write(dir.join("out.png"), PNG).expect("write");
        std::fs::write(inner.join("a.png"), PNG).expect("write");
        let folder = std::fs::canonicalize(&inner).expect("canonical");
        assert!(read(&folder, "a.png", Lang::En).is_ok());
        assert!(read(&folder, "./a.png", Lang::En).is_ok());
        assert!(matches!(read(&folder, "../out.png", Lang::En), Err(Refusal::Outside)));
        assert!(matches!(read(&folder, "/etc/passwd", Lang::En), Err(Refusal::Outside)));
        assert!(matches!(read(&folder, "nope.png", Lang::En), Err(Refusal::Missing(_))));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("out.png"), inner.join("link.png")).expect("symlink");
            assert!(matches!(read(&folder, "link.png", Lang::En), Err(Refusal::Outside)));
        }
        std::fs::remove_dir_all(&dir).expect("clean");
    }
}
