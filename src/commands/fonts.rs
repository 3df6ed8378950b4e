//! `pia fonts`: which Japanese fonts were found and which the PDF will use.

use std::io::Write;

use super::Outcome;
use crate::cli::FontsArgs;
use crate::lang::Lang;
use crate::render::{FontSet, GOTHIC_PREFERENCE, MINCHO_PREFERENCE};

/// How to install Japanese fonts, per OS.
pub fn install_hint(lang: Lang) -> String {
    lang.pick(
        "日本語フォントが見つかりません。\n  Debian/Ubuntu: sudo apt-get install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic\n    （又は fonts-ipaexfont、fonts-noto-cjk）\n  Windows 10 以降: BIZ UD明朝・BIZ UDゴシックが標準で入っています\n  macOS: ヒラギノ明朝・ヒラギノ角ゴが標準で入っています\n  その他: フォントのあるフォルダを --font-path で指定してください",
        "No Japanese font found.\n  Debian/Ubuntu: sudo apt-get install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic\n    (or fonts-ipaexfont, fonts-noto-cjk)\n  Windows 10 and later: BIZ UDMincho and BIZ UDGothic are preinstalled\n  macOS: Hiragino Mincho and Hiragino Sans are preinstalled\n  Elsewhere: give a folder with fonts with --font-path",
    )
    .to_owned()
}

/// The fonts `pia check`, `pia list` and `pia report` check the printed characters against:
/// the system's. `None` without a Japanese font: the check is skipped, since `pia render`
/// cannot run there either.
pub fn for_checks() -> Option<FontSet> {
    FontSet::discover(&[], true).ok()
}

pub fn run(args: &FontsArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let fonts = match FontSet::discover(&args.font_path, !args.ignore_system_fonts) {
        Ok(f) => f,
        Err(_) => {
            let _ = writeln!(err, "pia: {}", install_hint(lang));
            return Outcome::CannotRun;
        }
    };
    let families = fonts.families();
    let all = fonts.all_families();
    let mark = |f: &str, used: &[String]| {
        if used.iter().any(|u| u == f) {
            lang.pick("✓ 使用", "✓ used ")
        } else if all.iter().any(|a| a == f) {
            lang.pick("  あり", "  found")
        } else {
            lang.pick("  なし", "  -    ")
        }
    };
    let mut s = String::new();
    s.push_str(lang.pick("明朝（記載内容）:\n", "Mincho (values):\n"));
    for f in MINCHO_PREFERENCE {
        s.push_str(&format!("  {} {f}\n", mark(f, &families.mincho)));
    }
    s.push_str(lang.pick("ゴシック（項目名・見出し）:\n", "Gothic (labels, headings):\n"));
    for f in GOTHIC_PREFERENCE {
        s.push_str(&format!("  {} {f}\n", mark(f, &families.gothic)));
    }
    s.push_str(&lang.pick(
        format!(
            "使用するフォント: 明朝 {} ／ ゴシック {}\n見つかったフォントファミリー: {}個\n",
            families.mincho.join(", "),
            families.gothic.join(", "),
            all.len()
        ),
        format!(
            "Using: mincho {} / gothic {}\nFont families found: {}\n",
            families.mincho.join(", "),
            families.gothic.join(", "),
            all.len()
        ),
    ));
    match out.write_all(s.as_bytes()) {
        Ok(()) => Outcome::Ok,
        Err(_) => Outcome::CannotRun,
    }
}
