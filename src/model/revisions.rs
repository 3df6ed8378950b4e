//! Each form's editions as data: the `revision:` value, when it came into force and the items
//! it added. `form-revision-outdated`, the items a rule may expect, diff's 「項目の追加」 rows and
//! the printed form tag all read this one table.

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
}

impl Edition {
    pub fn in_force(&self) -> Option<Date> {
        self.in_force.and_then(|(y, m, d)| Date::from_ymd(y, m, d))
    }
}

/// 様式2's editions, oldest first (regulation.md §3: the 令和6年10月 edition adds Ⅳ8 and Ⅳ11).
const KISO: &[Edition] = &[
    Edition { revision: Revision::H26_4, in_force: None, added: &[] },
    Edition { revision: Revision::H28_1, in_force: None, added: &[] },
    Edition { revision: Revision::H29_5, in_force: None, added: &[] },
    Edition { revision: Revision::R1, in_force: None, added: &[] },
    Edition {
        revision: Revision::R6_10,
        in_force: Some((2024, 10, 1)),
        added: &["/risk_measures/manual_work", "/risk_measures/priority"],
    },
];

/// 様式3's editions seen in published copies (forms-3-4.md §5), oldest first; the 令和6年10月
/// edition is the project's position (its own additions are unverified, so none are listed).
const JUTEN: &[Edition] = &[
    Edition { revision: Revision::H26_4, in_force: None, added: &[] },
    Edition { revision: Revision::H28_1, in_force: None, added: &[] },
    Edition { revision: Revision::R6_10, in_force: Some((2024, 10, 1)), added: &[] },
];

impl FormKind {
    /// The form's editions, oldest first.
    pub fn editions(self) -> &'static [Edition] {
        match self {
            FormKind::Kiso => KISO,
            FormKind::Juten => JUTEN,
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
        // Every edition of the form is in the table, oldest first.
        assert_eq!(k.editions().iter().map(|e| e.revision).collect::<Vec<_>>(), Revision::ALL);
    }
}
