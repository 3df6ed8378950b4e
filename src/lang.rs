//! The language of messages: Japanese by default, English on request or by locale.

/// Language of human-readable messages. Item names stay as the form prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// From the environment: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`; English when it
    /// does not start with `ja`, Japanese when none is set.
    pub fn from_env() -> Self {
        let locale =
            ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        Self::from_locale(locale.as_deref())
    }

    /// The rule behind [`Lang::from_env`], for a given locale string.
    pub fn from_locale(locale: Option<&str>) -> Self {
        match locale {
            Some(l) if !l.starts_with("ja") => Lang::En,
            _ => Lang::Ja,
        }
    }

    /// Chooses between a Japanese and an English text.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_rule() {
        assert_eq!(Lang::from_locale(None), Lang::Ja);
        assert_eq!(Lang::from_locale(Some("ja_JP.UTF-8")), Lang::Ja);
        assert_eq!(Lang::from_locale(Some("C.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8")), Lang::En);
    }
}
