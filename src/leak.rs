//! The 個人番号 leak guard: a valid 12-digit individual number anywhere in a file is an error,
//! and no message ever prints one in full.

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::lang::Lang;
use crate::source::Source;
use crate::wareki::normalize_digit;
use crate::yaml::SourceMap;

/// An individual number (マイナンバー) written in an assessment.
pub const INDIVIDUAL_NUMBER_IN_TEXT: &Code = &Code {
    name: "individual-number-in-text",
    severity: Severity::Error,
    item: None,
    summary_ja: "個人番号（検査用数字が正しい12桁の番号）が書かれている",
    summary_en: "An individual number (12 digits with a valid check digit) is written in the file",
};

/// True when the 12 digits form a valid individual number: the last digit is the check digit
/// of the first eleven (番号法施行令第8条).
pub fn is_valid_individual_number(digits: &[u8; 12]) -> bool {
    // P_n is the n-th digit counting from the right of the first eleven; Q_n = n+1 for n ≤ 6,
    // n−5 for 7 ≤ n ≤ 11.
    let sum: u32 = (1..=11)
        .map(|n: u32| {
            let p = u32::from(digits.get(11 - n as usize).copied().unwrap_or(0));
            let q = if n <= 6 { n + 1 } else { n - 5 };
            p * q
        })
        .sum();
    let remainder = sum % 11;
    let check = if remainder <= 1 { 0 } else { 11 - remainder };
    u32::from(digits[11]) == check
}

/// The check digit for eleven digits (for tests and fixtures).
pub fn check_digit(first_eleven: &[u8; 11]) -> u8 {
    let mut twelve = [0u8; 12];
    twelve[..11].copy_from_slice(first_eleven);
    (0..10u8)
        .find(|d| {
            twelve[11] = *d;
            is_valid_individual_number(&twelve)
        })
        .unwrap_or(0)
}

/// A number found in text: its character range and its digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Character offsets in the scanned text.
    pub start: usize,
    pub end: usize,
    pub digits: [u8; 12],
}

impl Found {
    /// All but the last four digits masked: `********9012`.
    pub fn masked(&self) -> String {
        let tail: String = self.digits[8..].iter().map(|d| char::from(b'0' + d)).collect();
        format!("********{tail}")
    }
}

fn digit(c: char) -> Option<u8> {
    let n = normalize_digit(c);
    n.is_ascii_digit().then(|| n as u8 - b'0')
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{3000}' | '－' | '‐' | '‑' | '−' | 'ー')
}

/// Finds individual numbers: twelve digits in a row, or in three groups of four joined by one
/// kind of separator (space, hyphen, full-width forms), not part of a longer run of digits
/// (a 13-digit 法人番号 is not one), and with a valid check digit.
pub fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let is_digit_at = |k: Option<usize>| k.and_then(|k| chars.get(k)).and_then(|c| digit(*c)).is_some();
        let starts_run = is_digit_at(Some(i)) && !is_digit_at(i.checked_sub(1));
        if !starts_run {
            i += 1;
            continue;
        }
        if let Some((end, digits)) = read_number(&chars, i)
            && is_valid_individual_number(&digits)
        {
            found.push(Found { start: i, end, digits });
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// Reads twelve digits from `start`, as `dddddddddddd` or `dddd?dddd?dddd` with one separator.
fn read_number(chars: &[char], start: usize) -> Option<(usize, [u8; 12])> {
    let at = |i: usize| chars.get(i).copied();
    let run = |from: usize| (from..).take_while(|&k| at(k).and_then(digit).is_some()).count();
    let first = run(start);
    let mut digits = [0u8; 12];
    let mut fill = |from: usize, count: usize, offset: usize| {
        for k in 0..count {
            if let Some(slot) = digits.get_mut(offset + k) {
                *slot = at(from + k).and_then(digit).unwrap_or(0);
            }
        }
    };
    if first == 12 {
        fill(start, 12, 0);
        return Some((start + 12, digits));
    }
    if first != 4 {
        return None;
    }
    let sep = at(start + 4).filter(|c| is_separator(*c))?;
    if run(start + 5) != 4 || at(start + 9) != Some(sep) || run(start + 10) != 4 {
        return None;
    }
    fill(start, 4, 0);
    fill(start + 5, 4, 4);
    fill(start + 10, 4, 8);
    Some((start + 14, digits))
}

/// Replaces every individual number in `text` with its masked form.
pub fn mask(text: &str) -> String {
    let found = find(text);
    if found.is_empty() {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    for f in &found {
        out.extend(chars.get(i..f.start).unwrap_or_default());
        out.push_str(&f.masked());
        i = f.end;
    }
    out.extend(chars.get(i..).unwrap_or_default());
    out
}

/// Scans a whole file (values and comments alike) and reports every individual number at its
/// line, naming the item it is in, with the number masked.
/// `kind` is the document's form, when known (it names the items).
pub fn scan(source: &Source, map: &SourceMap, kind: Option<crate::model::FormKind>, lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (line_index, line) in source.text.lines().enumerate() {
        for f in find(line) {
            let location = source.location(line_index + 1, f.start, f.end - f.start);
            let (path, item) = map.enclosing(location.offset).map_or((String::new(), None), |(pointer, dotted)| {
                (dotted, kind.and_then(|k| crate::schema::item_for_pointer(k, &pointer)))
            });
            out.push(
                Diagnostic::new(
                    INDIVIDUAL_NUMBER_IN_TEXT,
                    lang.pick(
                        format!("個人番号と思われる番号（{}）が書かれています（{}行目）。評価書に個人番号を記載してはいけません。", f.masked(), location.line),
                        format!("What looks like an individual number ({}) is written here (line {}); an assessment must never contain one.", f.masked(), location.line),
                    ),
                )
                .path(path)
                .item(item)
                .at(Some(location))
                .help(lang.pick(
                    "番号を削除してください。PDFは出力しません。",
                    "remove the number; no PDF is rendered while it is there.",
                )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(first_eleven: &str) -> String {
        let d: Vec<u8> = first_eleven.bytes().map(|b| b - b'0').collect();
        let arr: [u8; 11] = d.try_into().expect("eleven digits");
        format!("{first_eleven}{}", check_digit(&arr))
    }

    #[test]
    fn check_digit_follows_the_cabinet_order() {
        // Worked example: 12345678901 → weights from the right 2..7, 2..6.
        // Σ = 1·2+0·3+9·4+8·5+7·6+6·7+5·2+4·3+3·4+2·5+1·6 = 212; 212 mod 11 = 3; 11−3 = 8.
        assert_eq!(check_digit(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]), 8);
        assert!(is_valid_individual_number(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 8]));
        assert!(!is_valid_individual_number(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 9]));
    }

    #[test]
    fn finds_numbers_in_every_spelling() {
        let n = number("12345678901");
        let (a, b, c) = (&n[..4], &n[4..8], &n[8..]);
        let full: String =
            n.chars().map(|ch| char::from_u32(ch as u32 - '0' as u32 + '０' as u32).unwrap_or(ch)).collect();
        for text in [
            format!("番号{n}です"),
            format!("{a} {b} {c}"),
            format!("{a}-{b}-{c}"),
            format!("{a}　{b}　{c}"),
            full.clone(),
            format!("{}－{}－{}", &full[..12], &full[12..24], &full[24..]),
        ] {
            let found = find(&text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].masked(), format!("********{}", &n[8..]));
        }
    }

    #[test]
    fn ignores_what_is_not_an_individual_number() {
        let n = number("98765432109");
        let bad_check = format!("{}{}", &n[..11], (n.as_bytes()[11] - b'0' + 1) % 10);
        for text in [
            bad_check,
            format!("1{n}"), // 13 digits: a 法人番号
            format!("{n}0"),
            format!("{} {}", &n[..6], &n[6..]),              // not 4-4-4
            format!("{}-{} {}", &n[..4], &n[4..8], &n[8..]), // mixed separators
            "096-328-2290".to_owned(),
        ] {
            assert!(find(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn masks_in_messages() {
        let n = number("11111111111");
        assert_eq!(mask(&format!("a{n}b")), format!("a********{}b", &n[8..]));
        assert_eq!(mask("nothing"), "nothing");
    }
}
