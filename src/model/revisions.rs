//! Each form's editions as data: the `revision:` value, when it came into force, the items it
//! added and the items it prints under another label than the current edition. `form-revision-outdated`,
//! the items a rule may expect, diff's 「項目の追加」 rows and the printed form tag all read this
//! one table.

use super::FormKind;
use super::vocab::Revision;
use crate::wareki::Date;

/// One edition of a form.
#[derive(Debug)]
pub struct Edition {
    pub revision: Revision,
    /// The day it came into force, where pia knows it.
    in_force: Option<(i32, u32, u32)>,
    /// The items (JSON pointers) it added to the form.
    pub added: &'static [&'static str],
    /// The items (JSON pointer, label) this edition prints under another label than the newest
    /// edition, whose label is the schema's title.
    labels: &'static [(&'static str, &'static str)],
}

impl Edition {
    pub fn in_force(&self) -> Option<Date> {
        self.in_force.and_then(|(y, m, d)| Date::from_ymd(y, m, d))
    }
}

/// 様式2's editions, oldest first (regulation.md §3: the 令和6年10月 edition adds Ⅳ8 and Ⅳ11).
const KISO: &[Edition] = &[
    Edition { revision: Revision::H26_4, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::H28_1, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::H29_5, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::R1, in_force: None, added: &[], labels: &[] },
    Edition {
        revision: Revision::R6_10,
        in_force: Some((2024, 10, 1)),
        added: &["/risk_measures/manual_work", "/risk_measures/priority"],
        labels: &[],
    },
];

/// 様式3's editions seen in published copies (forms-3-4.md §5), oldest first; the 令和6年10月
/// edition is the project's position (its own additions are unverified, so none are listed).
const JUTEN: &[Edition] = &[
    Edition { revision: Revision::H26_4, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::H28_1, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::R6_10, in_force: Some((2024, 10, 1)), added: &[], labels: &[] },
];

/// 様式4's editions seen in published copies (forms-3-4.md §5), oldest first. The committee was
/// renamed from 平成28年1月 on: the first edition's cover names it 特定個人情報保護委員会. The
/// 令和6年10月 edition is the project's position, as for 様式3.
const ZENKOMOKU: &[Edition] = &[
    Edition {
        revision: Revision::H26_4,
        in_force: None,
        added: &[],
        labels: &[("/cover/approval", "表紙 特定個人情報保護委員会 承認日 【行政機関等のみ】")],
    },
    Edition { revision: Revision::H28_1, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::H30_5, in_force: None, added: &[], labels: &[] },
    Edition { revision: Revision::R6_10, in_force: Some((2024, 10, 1)), added: &[], labels: &[] },
];

impl FormKind {
    /// The form's editions, oldest first.
    pub fn editions(self) -> &'static [Edition] {
        match self {
            FormKind::Kiso => KISO,
            FormKind::Juten => JUTEN,
            FormKind::Zenkomoku => ZENKOMOKU,
        }
    }

    /// True when pia knows every edition of the form (様式2, regulation.md §3): its `revision:` then
    /// takes only those. The editions of 様式3 and 様式4 are known only from the copies seen, so
    /// their `revision:` takes any edition pia knows.
    pub fn knows_every_edition(self) -> bool {
        match self {
            FormKind::Kiso => true,
            FormKind::Juten | FormKind::Zenkomoku => false,
        }
    }

    /// The edition in force now (the newest).
    pub fn current(self) -> Option<&'static Edition> {
        self.editions().last()
    }

    fn position(self, revision: Revision) -> Option<usize> {
        self.editions().iter().position(|e| e.revision == revision)
    }

    /// True when the form's `revision` edition has the item at `pointer` (items no edition added
    /// were there from the first).
    pub fn has_item(self, revision: Revision, pointer: &str) -> bool {
        let added_by = self.editions().iter().position(|e| e.added.contains(&pointer));
        match (added_by, self.position(revision)) {
            (None, _) => true,
            (Some(added), Some(at)) => at >= added,
            (Some(_), None) => false,
        }
    }

    /// The label the form's `revision` edition prints for the item at `pointer` when it is not the
    /// current one (the schema's title): 様式4 平成26年4月's 「特定個人情報保護委員会 承認日」.
    pub fn label_in(self, revision: Revision, pointer: &str) -> Option<&'static str> {
        let edition = self.editions().iter().find(|e| e.revision == revision)?;
        edition.labels.iter().find(|(p, _)| *p == pointer).map(|(_, label)| *label)
    }

    /// The items a file gains by moving from edition `old` to edition `new`, in the form's order.
    pub fn items_added(self, old: Revision, new: Revision) -> Vec<&'static str> {
        let (Some(from), Some(to)) = (self.position(old), self.position(new)) else { return Vec::new() };
        self.editions().get(from + 1..=to).unwrap_or_default().iter().flat_map(|e| e.added.iter().copied()).collect()
    }

    /// The tag printed at the top right of page 1: `[令和６年10月　様式２]` (the form writes a
    /// single digit full-width, and `10` as is).
    pub fn printed_tag(self, revision: Revision) -> String {
        format!("[{}　{}]", fullwidth_lone_digits(revision.label()), fullwidth_lone_digits(self.label()))
    }
}

fn fullwidth_lone_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit_at = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let lone = !digit_at(i.checked_sub(1)) && !digit_at(Some(i + 1));
            if lone { crate::wareki::to_fullwidth_digit(*c) } else { *c }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_prints_as_the_form_does() {
        assert_eq!(FormKind::Kiso.printed_tag(Revision::R6_10), "[令和６年10月　様式２]");
        assert_eq!(FormKind::Kiso.printed_tag(Revision::H26_4), "[平成26年４月　様式２]");
    }

    #[test]
    fn items_exist_from_the_edition_that_added_them() {
        let k = FormKind::Kiso;
        assert!(k.has_item(Revision::R6_10, "/risk_measures/priority"));
        assert!(!k.has_item(Revision::R1, "/risk_measures/priority"));
        assert!(k.has_item(Revision::H26_4, "/risk_measures/storage"));
        assert_eq!(
            k.items_added(Revision::R1, Revision::R6_10),
            ["/risk_measures/manual_work", "/risk_measures/priority"]
        );
        assert!(k.items_added(Revision::R6_10, Revision::R6_10).is_empty());
        assert_eq!(k.current().map(|e| e.revision), Some(Revision::R6_10));
        // Every edition of 様式2 is in the table, oldest first (平成30年5月 is an edition of 様式4).
        let kiso: Vec<Revision> = Revision::ALL.iter().copied().filter(|r| *r != Revision::H30_5).collect();
        assert_eq!(k.editions().iter().map(|e| e.revision).collect::<Vec<_>>(), kiso);
    }

    #[test]
    fn every_form_lists_its_editions_oldest_first_ending_with_the_current_one() {
        for kind in FormKind::ALL {
            let numbers: Vec<usize> = kind.editions().iter().map(|e| e.revision.number()).collect();
            assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{kind:?}: {numbers:?}");
            assert_eq!(kind.current().map(|e| e.revision), Some(Revision::R6_10), "{kind:?}");
        }
    }

    #[test]
    fn zenkomoku_before_heisei_28_names_the_specific_personal_information_committee() {
        let k = FormKind::Zenkomoku;
        let title = crate::schema::item_for_pointer(k, "/cover/approval");
        assert_eq!(title.as_deref(), Some("表紙 個人情報保護委員会 承認日 【行政機関等のみ】"));
        assert_eq!(
            k.label_in(Revision::H26_4, "/cover/approval"),
            Some("表紙 特定個人情報保護委員会 承認日 【行政機関等のみ】")
        );
        for later in [Revision::H28_1, Revision::H30_5, Revision::R6_10] {
            assert_eq!(k.label_in(later, "/cover/approval"), None, "{later}");
        }
        assert_eq!(k.label_in(Revision::H26_4, "/cover/published"), None);
        assert_eq!(k.printed_tag(Revision::H30_5), "[平成30年５月　様式４]");
    }
}
