//! The 変更箇所 table: how its 項目 cells name items of the form.

use std::fmt;
use std::sync::OnceLock;

use crate::model::{FormKind, JutenAssessment};
use crate::wareki::{Date, normalize_digit};

/// A part of a form that a 変更箇所 row can name: the 表紙, a numbered section (Ⅰ, Ⅱ, …) or an
/// annex (`(別添1)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Cover,
    Numbered(u8),
    Annex(u8),
}

/// The numerals sections are numbered with.
const NUMERALS: [char; 10] = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ'];

impl Section {
    pub const I: Section = Section::Numbered(1);
    pub const II: Section = Section::Numbered(2);
    pub const III: Section = Section::Numbered(3);
    pub const IV: Section = Section::Numbered(4);
    pub const V: Section = Section::Numbered(5);

    /// What the form prints before the section's title: `Ⅰ`, `(別添1)` (nothing for the 表紙).
    fn numeral(self) -> String {
        match self {
            Section::Cover => String::new(),
            Section::Numbered(n) => {
                NUMERALS.get(usize::from(n).saturating_sub(1)).map(char::to_string).unwrap_or_default()
            }
            Section::Annex(n) => format!("(別添{n})"),
        }
    }

    /// The section a text starts with (`Ⅱ 4. …`, `(別添1) …`, half- or full-width brackets),
    /// and the rest of the text.
    fn read(text: &str) -> Option<(Section, &str)> {
        let mut chars = text.chars();
        let first = chars.next()?;
        if let Some(i) = NUMERALS.iter().position(|c| *c == first) {
            return Some((Section::Numbered(u8::try_from(i + 1).ok()?), chars.as_str()));
        }
        let rest = text.strip_prefix("(別添").or_else(|| text.strip_prefix("（別添"))?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let rest = rest[digits.len()..].strip_prefix([')', '）'])?;
        Some((Section::Annex(digits.parse().ok()?), rest))
    }
}

/// One section of a form as its schema titles it: the heading and the numbered items.
#[derive(Debug)]
struct SectionInfo {
    section: Section,
    /// The heading after the numeral (`基本情報`).
    title: String,
    /// The highest item number (`Ⅳ 11.` → 11); 0 for a section that is one item (Ⅲ of 様式2).
    items: u32,
}

/// The sections and the cover items of one form.
#[derive(Debug)]
struct FormSections {
    sections: Vec<SectionInfo>,
    /// The cover's items, as 変更箇所 rows name them (`評価書名`), white space removed.
    cover_items: Vec<String>,
}

impl FormSections {
    /// Read from the schema's titles: a section's heading is the title of its object
    /// (`Ⅰ 基本情報`), its items are the numbers its items' titles carry (`Ⅰ 7. 他の評価実施機関`),
    /// and the cover's items are the titles after `表紙`.
    fn of(kind: FormKind) -> Self {
        let mut sections: Vec<SectionInfo> = Vec::new();
        let mut cover_items: Vec<String> = Vec::new();
        for title in crate::schema::titles(kind) {
            if let Some(item) = title.strip_prefix("表紙 ") {
                let item = compact(item);
                if !cover_items.contains(&item) {
                    cover_items.push(item);
                }
                continue;
            }
            let Some((section, rest)) = Section::read(title) else { continue };
            let rest = rest.trim();
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let number = rest[digits.len()..].starts_with('.').then(|| digits.parse::<u32>().ok()).flatten();
            let at = match sections.iter().position(|s| s.section == section) {
                Some(at) => at,
                None => {
                    sections.push(SectionInfo { section, title: String::new(), items: 0 });
                    sections.len() - 1
                }
            };
            let Some(info) = sections.get_mut(at) else { continue };
            match number {
                Some(n) => info.items = info.items.max(n),
                // The first heading seen is the section's own (the top-level items come first).
                None if info.title.is_empty() => info.title = rest.to_owned(),
                None => {}
            }
        }
        if kind == FormKind::Juten {
            // 様式3 prints Ⅲ's last items one later when 8.人手を介在させる作業 is present; the titles
            // carry the numbers without it.
            let last = JutenAssessment::ONCE_ITEM_NUMBERS_WITH_MANUAL_WORK.iter().copied().max().unwrap_or(0);
            if let Some(info) = sections.iter_mut().find(|s| s.section == Section::III) {
                info.items = info.items.max(u32::from(last));
            }
        }
        // The seed writes the declaration's row as 「宣言」.
        cover_items.push("宣言".to_owned());
        Self { sections, cover_items }
    }

    fn get(&self, section: Section) -> Option<&SectionInfo> {
        self.sections.iter().find(|s| s.section == section)
    }
}

fn form_sections(kind: FormKind) -> &'static FormSections {
    match kind {
        FormKind::Kiso => {
            static KISO: OnceLock<FormSections> = OnceLock::new();
            KISO.get_or_init(|| FormSections::of(kind))
        }
        FormKind::Juten => {
            static JUTEN: OnceLock<FormSections> = OnceLock::new();
            JUTEN.get_or_init(|| FormSections::of(kind))
        }
        FormKind::Zenkomoku => {
            static ZENKOMOKU: OnceLock<FormSections> = OnceLock::new();
            ZENKOMOKU.get_or_init(|| FormSections::of(kind))
        }
    }
}

/// Text without white space (half- and full-width), full-width digits as ASCII.
fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').map(normalize_digit).collect()
}

/// A reference to an item of a form, as written in a 変更箇所 row (`Ⅱ 1`, `Ⅰ5　②所属長`,
/// `Ⅱ 4. 委託事項2 ③委託先名（ファイル1 …）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    pub kind: FormKind,
    pub section: Section,
    pub number: Option<u32>,
    /// What follows the number (`②所属長`), white space removed.
    pub detail: String,
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let numeral = self.section.numeral();
        let info = form_sections(self.kind).get(self.section);
        match (self.section, self.number) {
            (Section::Cover, _) if self.detail.is_empty() => f.write_str("表紙"),
            (Section::Cover, _) => write!(f, "表紙 {}", self.detail),
            (_, Some(n)) if self.detail.is_empty() => write!(f, "{numeral} {n}"),
            (_, Some(n)) => write!(f, "{numeral} {n} {}", self.detail),
            // A section that is one item (Ⅲ) is named by its numeral alone.
            (_, None) if info.is_none_or(|i| i.items == 0) => f.write_str(&numeral),
            (_, None) => write!(f, "{numeral} {}", info.map_or("", |i| i.title.as_str())),
        }
    }
}

impl ItemRef {
    pub fn new(kind: FormKind, section: Section, number: Option<u32>) -> Self {
        Self { kind, section, number, detail: String::new() }
    }

    /// Reads a 項目 cell of a form's 変更箇所; `None` when it names no item of that form.
    pub fn parse(kind: FormKind, label: &str) -> Option<Self> {
        let form = form_sections(kind);
        let written = compact(label);
        let after_cover = written.strip_prefix("表紙").unwrap_or(&written);
        if let Some(cover) =
            form.cover_items.iter().find(|c| !after_cover.is_empty() && after_cover.starts_with(c.as_str()))
        {
            return Some(Self { kind, section: Section::Cover, number: None, detail: cover.clone() });
        }
        if written == "表紙" {
            return Some(Self::new(kind, Section::Cover, None));
        }
        let (section, rest) = Section::read(&written)?;
        let info = form.get(section)?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let rest = &rest[digits.len()..];
        let detail = rest.trim_start_matches(['．', '.']).to_owned();
        if digits.is_empty() {
            let accepted = detail.is_empty() || detail.starts_with(&compact(&info.title));
            return accepted.then_some(Self { kind, section, number: None, detail });
        }
        let number: u32 = digits.parse().ok()?;
        (1..=info.items).contains(&number).then_some(Self { kind, section, number: Some(number), detail })
    }

    /// Same section and number (details such as `②所属長` aside).
    pub fn same_item(&self, other: &ItemRef) -> bool {
        self.kind == other.kind && self.section == other.section && self.number == other.number
    }

    /// The item a schema title names, as a 様式2 変更箇所 row names it: the numbered item, with its
    /// circled sub-item when the title has one (`Ⅰ 1. ②事務の概要` → 「Ⅰ 1 ②事務の概要」,
    /// `Ⅱ 1. いつ時点の計数か` → 「Ⅱ 1」, `表紙 評価書名` → 「表紙 評価書名」, `Ⅲ …` → 「Ⅲ」).
    pub fn of_title(kind: FormKind, title: &str) -> Option<Self> {
        let mut item = Self::parse(kind, title)?;
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
/// file, linkage, and the risk measures; outsourcing and provision are Ⅳ4/Ⅳ5), named as 様式2
/// names them (様式3 marks its own with ※ in the schema).
pub fn may_be_important(item: &ItemRef) -> bool {
    if item.kind != FormKind::Kiso {
        return false;
    }
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
            let r = ItemRef::parse(FormKind::Kiso, label).unwrap_or_else(|| panic!("{label}"));
            assert_eq!((r.section, r.number), (section, number), "{label}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_item() {
        for label in ["", "Ⅱ 4", "Ⅰ 10", "Ⅳ 12", "Ⅴ 1", "その他", "Ⅳ その他", "2 1"] {
            assert_eq!(ItemRef::parse(FormKind::Kiso, label), None, "{label}");
        }
    }

    #[test]
    fn cover_titles_name_their_item() {
        assert_eq!(
            ItemRef::parse(FormKind::Kiso, "表紙 評価書名").map(|r| r.to_string()).as_deref(),
            Some("表紙 評価書名")
        );
        assert_eq!(ItemRef::parse(FormKind::Kiso, "評価書名").map(|r| r.to_string()).as_deref(), Some("表紙 評価書名"));
        assert_eq!(ItemRef::parse(FormKind::Kiso, "表紙").map(|r| r.to_string()).as_deref(), Some("表紙"));
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
            let item = ItemRef::of_title(FormKind::Kiso, title).unwrap_or_else(|| panic!("{title}"));
            assert_eq!(item.to_string(), row, "{title}");
            // What pia writes, pia reads back as the same item.
            assert_eq!(
                ItemRef::parse(FormKind::Kiso, row).map(|r| (r.section, r.number)),
                Some((item.section, item.number)),
                "{row}"
            );
        }
    }

    #[test]
    fn prints_like_the_form() {
        assert_eq!(ItemRef::new(FormKind::Kiso, Section::II, Some(1)).to_string(), "Ⅱ 1");
        assert_eq!(ItemRef::new(FormKind::Kiso, Section::IV, None).to_string(), "Ⅳ リスク対策");
        assert_eq!(ItemRef::new(FormKind::Kiso, Section::III, None).to_string(), "Ⅲ");
    }

    #[test]
    fn count_dates() {
        assert_eq!(parse_count_date("令和６年４月１日時点"), Date::from_ymd(2024, 4, 1));
        assert_eq!(parse_count_date("令和6年4月1日 時点"), Date::from_ymd(2024, 4, 1));
        assert_eq!(parse_count_date("－"), None);
    }
    #[test]
    fn sections_are_read_from_the_schema() {
        let counts = |kind| {
            form_sections(kind)
                .sections
                .iter()
                .map(|s| (s.section.numeral(), s.title.clone(), s.items))
                .collect::<Vec<_>>()
        };
        let own = |v: &[(&str, &str, u32)]| {
            v.iter().map(|(n, t, i)| ((*n).to_owned(), (*t).to_owned(), *i)).collect::<Vec<_>>()
        };
        // 様式2: the counts the seed's 令和6年10月 form has.
        assert_eq!(
            counts(FormKind::Kiso),
            own(&[
                ("Ⅰ", "関連情報", 9),
                ("Ⅱ", "しきい値判断項目", 3),
                ("Ⅲ", "しきい値判断結果", 0),
                ("Ⅳ", "リスク対策", 11)
            ])
        );
        let mut juten = counts(FormKind::Juten);
        juten.sort();
        let mut expected = own(&[
            ("Ⅰ", "基本情報", 7),
            ("Ⅱ", "特定個人情報ファイルの概要", 7),
            ("(別添1)", "特定個人情報ファイル記録項目", 0),
            ("Ⅲ", "リスク対策", 11),
            ("Ⅳ", "開示請求、問合せ", 2),
            ("Ⅴ", "評価実施手続", 3),
            ("(別添2)", "変更箇所", 0),
        ]);
        expected.sort();
        assert_eq!(juten, expected);
        assert_eq!(
            form_sections(FormKind::Juten).cover_items,
            form_sections(FormKind::Kiso).cover_items,
            "both forms share the cover"
        );
    }

    #[test]
    fn reads_juten_rows() {
        for (label, section, number) in [
            ("Ⅱ 4. 委託事項2 ③委託先名（ファイル1 国民健康保険ファイル）", Section::II, Some(4)),
            ("Ⅱ 4. 委託事項3（ファイル1 国民健康保険ファイル）", Section::II, Some(4)),
            ("Ⅱ 特定個人情報ファイルの概要（ファイル2 介護保険ファイル）", Section::II, None),
            ("(別添1) 特定個人情報ファイル記録項目（ファイル1 国民健康保険ファイル）", Section::Annex(1), None),
            ("（別添1）特定個人情報ファイル記録項目", Section::Annex(1), None),
            ("Ⅰ 2. システム2", Section::I, Some(2)),
            ("Ⅰ 7. 他の評価実施機関", Section::I, Some(7)),
            ("Ⅲ 11. その他のリスク対策", Section::III, Some(11)),
            ("Ⅲ リスク対策", Section::III, None),
            ("Ⅴ 3. ③結果", Section::V, Some(3)),
            ("(別添2) 変更箇所", Section::Annex(2), None),
            ("表紙 評価書名", Section::Cover, None),
        ] {
            let r = ItemRef::parse(FormKind::Juten, label).unwrap_or_else(|| panic!("{label}"));
            assert_eq!((r.section, r.number), (section, number), "{label}");
        }
        for label in
            ["Ⅰ 8", "Ⅱ 8. 備考", "Ⅲ 12", "Ⅳ 3", "Ⅵ 1", "(別添3) 記録", "Ⅱ その他", "(別添1) その他", "Ⅳ リスク対策"]
        {
            assert_eq!(ItemRef::parse(FormKind::Juten, label), None, "{label}");
        }
        // 様式2 has neither Ⅴ nor annexes.
        for label in ["Ⅴ 1", "(別添1) 特定個人情報ファイル記録項目"] {
            assert_eq!(ItemRef::parse(FormKind::Kiso, label), None, "{label}");
        }
    }
}
