//! The 変更箇所 table: how its 項目 cells name items of the form.

use std::fmt;

use crate::wareki::{Date, normalize_digit};

/// A part of the form that a 変更箇所 row can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Cover,
    I,
    II,
    III,
    IV,
}

impl Section {
    /// The numeral and the heading as the form prints them.
    fn numeral_and_title(self) -> (&'static str, &'static str) {
        match self {
            Section::Cover => ("", "表紙"),
            Section::I => ("Ⅰ", "関連情報"),
            Section::II => ("Ⅱ", "しきい値判断項目"),
            Section::III => ("Ⅲ", "しきい値判断結果"),
            Section::IV => ("Ⅳ", "リスク対策"),
        }
    }

    /// How many numbered items the section has in 様式2 (令和6年10月版).
    fn items(self) -> u32 {
        match self {
            Section::Cover | Section::III => 0,
            Section::I => 9,
            Section::II => 3,
            Section::IV => 11,
        }
    }
}

/// A reference to an item of the form, as written in a 変更箇所 row (`Ⅱ 1`, `Ⅰ5　②所属長`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub section: Section,
    pub number: Option<u32>,
    /// What follows the number (`②所属長`), white space removed.
    pub detail: String,
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (numeral, title) = self.section.numeral_and_title();
        match (self.section, self.number) {
            (Section::Cover, _) if self.detail.is_empty() => f.write_str(title),
            (Section::Cover, _) => write!(f, "{title} {}", self.detail),
            (_, Some(n)) if self.detail.is_empty() => write!(f, "{numeral} {n}"),
            (_, Some(n)) => write!(f, "{numeral} {n} {}", self.detail),
            // A section that is one item (Ⅲ) is named by its numeral alone.
            (_, None) if self.section.items() == 0 => f.write_str(numeral),
            (_, None) => write!(f, "{numeral} {title}"),
        }
    }
}

/// Cover items a row may name instead of a numbered item.
const COVER_ITEMS: &[&str] = &[
    "評価書番号",
    "評価書名",
    "個人のプライバシー等の権利利益の保護の宣言",
    "宣言",
    "特記事項",
    "評価実施機関名",
    "公表日",
];

impl ItemRef {
    pub fn new(section: Section, number: Option<u32>) -> Self {
        Self { section, number, detail: String::new() }
    }

    /// Reads a 項目 cell; `None` when it names no item of the form.
    pub fn parse(label: &str) -> Option<Self> {
        let compact: String =
            label.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').map(normalize_digit).collect();
        let after_cover = compact.strip_prefix("表紙").unwrap_or(&compact);
        if let Some(cover) = COVER_ITEMS.iter().find(|c| !after_cover.is_empty() && after_cover.starts_with(*c)) {
            return Some(Self { section: Section::Cover, number: None, detail: (*cover).to_owned() });
        }
        if compact == "表紙" {
            return Some(Self { section: Section::Cover, number: None, detail: String::new() });
        }
        let mut chars = compact.chars();
        let section = match chars.next()? {
            'Ⅰ' => Section::I,
            'Ⅱ' => Section::II,
            'Ⅲ' => Section::III,
            'Ⅳ' => Section::IV,
            _ => return None,
        };
        let rest = chars.as_str();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let rest = &rest[digits.len()..];
        let detail = rest.trim_start_matches(['．', '.']).to_owned();
        if digits.is_empty() {
            let (_, title) = section.numeral_and_title();
            return (detail.is_empty() || detail.starts_with(title)).then_some(Self { section, number: None, detail });
        }
        let number: u32 = digits.parse().ok()?;
        (1..=section.items()).contains(&number).then_some(Self { section, number: Some(number), detail })
    }

    /// Same section and number (details such as `②所属長` aside).
    pub fn same_item(&self, other: &ItemRef) -> bool {
        self.section == other.section && self.number == other.number
    }

    /// The item a schema title names, as a 変更箇所 row names it: the numbered item, with its
    /// circled sub-item when the title has one (`Ⅰ 1. ②事務の概要` → 「Ⅰ 1 ②事務の概要」,
    /// `Ⅱ 1. いつ時点の計数か` → 「Ⅱ 1」, `表紙 評価書名` → 「表紙 評価書名」, `Ⅲ …` → 「Ⅲ」).
    pub fn of_title(title: &str) -> Option<Self> {
        let mut item = Self::parse(title)?;
        match item.section {
            Section::Cover => {}
            _ if item.number.is_none() => item.detail.clear(),
            _ => {
                let circled = item.detail.starts_with(|c: char| ('①'..='⑳').contains(&c));
                if circled {
                    // The title's own words, with its spacing (`②事務の概要`).
                    item.detail = title.split_once(". ").map_or(item.detail.clone(), |(_, d)| d.trim().to_owned());
                } else {
                    item.detail.clear();
                }
            }
        }
        Some(item)
    }
}

/// Items whose change can be a 重要な変更 in a 重点/全項目評価書 (指針 別表: the affair, the
/// file, linkage, and the risk measures; outsourcing and provision are Ⅳ4/Ⅳ5).
pub fn may_be_important(item: &ItemRef) -> bool {
    match (item.section, item.number) {
        (Section::I, Some(n)) => matches!(n, 1..=4),
        (Section::IV, Some(n)) => n >= 2,
        (Section::IV, None) => true,
        _ => false,
    }
}

/// Reads a count date as the form prints it in 変更箇所 (`令和６年４月１日時点`).
pub fn parse_count_date(text: &str) -> Option<Date> {
    let t = text.trim().trim_end_matches("時点").trim().trim_end_matches('\u{3000}');
    Date::parse(t).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_the_seed_uses() {
        for (label, section, number) in [
            ("Ⅱ 1", Section::II, Some(1)),
            ("Ⅱ　２", Section::II, Some(2)),
            ("Ⅰ 5 ②所属長", Section::I, Some(5)),
            ("Ⅰ5　②所属長", Section::I, Some(5)),
            ("Ⅳ 11．最も優先度が高いと考えられる対策", Section::IV, Some(11)),
            ("Ⅳ 8．人手を介在させる作業", Section::IV, Some(8)),
            ("Ⅳ リスク対策", Section::IV, None),
            ("Ⅳ　リスク対策", Section::IV, None),
            ("Ⅰ 1　②事務の概要", Section::I, Some(1)),
            ("評価書名", Section::Cover, None),
            ("表紙 評価書名", Section::Cover, None),
        ] {
            let r = ItemRef::parse(label).unwrap_or_else(|| panic!("{label}"));
            assert_eq!((r.section, r.number), (section, number), "{label}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_item() {
        for label in ["", "Ⅱ 4", "Ⅰ 10", "Ⅳ 12", "Ⅴ 1", "その他", "Ⅳ その他", "2 1"] {
            assert_eq!(ItemRef::parse(label), None, "{label}");
        }
    }

    #[test]
    fn cover_titles_name_their_item() {
        assert_eq!(ItemRef::parse("表紙 評価書名").map(|r| r.to_string()).as_deref(), Some("表紙 評価書名"));
        assert_eq!(ItemRef::parse("評価書名").map(|r| r.to_string()).as_deref(), Some("表紙 評価書名"));
        assert_eq!(ItemRef::parse("表紙").map(|r| r.to_string()).as_deref(), Some("表紙"));
    }

    #[test]
    fn schema_titles_name_one_form_item() {
        for (title, row) in [
            ("Ⅰ 1. ②事務の概要", "Ⅰ 1 ②事務の概要"),
            ("Ⅰ 1. ③システムの名称", "Ⅰ 1 ③システムの名称"),
            ("Ⅰ 5. ①部署", "Ⅰ 5 ①部署"),
            ("Ⅱ 1. 対象人数", "Ⅱ 1"),
            ("Ⅱ 1. いつ時点の計数か", "Ⅱ 1"),
            ("Ⅳ 4. ［ ］委託しない", "Ⅳ 4"),
            ("Ⅰ 6. 他の評価実施機関", "Ⅰ 6"),
            ("表紙 評価書名", "表紙 評価書名"),
            ("表紙 個人のプライバシー等の権利利益の保護の宣言", "表紙 個人のプライバシー等の権利利益の保護の宣言"),
            ("Ⅲ しきい値判断結果", "Ⅲ"),
        ] {
            let item = ItemRef::of_title(title).unwrap_or_else(|| panic!("{title}"));
            assert_eq!(item.to_string(), row, "{title}");
            // What pia writes, pia reads back as the same item.
            assert_eq!(ItemRef::parse(row).map(|r| (r.section, r.number)), Some((item.section, item.number)), "{row}");
        }
    }

    #[test]
    fn prints_like_the_form() {
        assert_eq!(ItemRef::new(Section::II, Some(1)).to_string(), "Ⅱ 1");
        assert_eq!(ItemRef::new(Section::IV, None).to_string(), "Ⅳ リスク対策");
        assert_eq!(ItemRef::new(Section::III, None).to_string(), "Ⅲ");
    }

    #[test]
    fn count_dates() {
        assert_eq!(parse_count_date("令和６年４月１日時点"), Date::from_ymd(2024, 4, 1));
        assert_eq!(parse_count_date("令和6年4月1日 時点"), Date::from_ymd(2024, 4, 1));
        assert_eq!(parse_count_date("－"), None);
    }
}
