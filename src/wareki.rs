//! Calendar dates written as ISO `2025-04-25` or as 和暦 `令和7年4月25日`, and conversion between them.

use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian), ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A Japanese era, with the first day of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

/// Eras newest first, with their names and first days; the one table every conversion reads.
const ERAS: [(Era, &str, Date); 5] = [
    (Era::Reiwa, "令和", Date::from_ymd_unchecked(2019, 5, 1)),
    (Era::Heisei, "平成", Date::from_ymd_unchecked(1989, 1, 8)),
    (Era::Showa, "昭和", Date::from_ymd_unchecked(1926, 12, 25)),
    (Era::Taisho, "大正", Date::from_ymd_unchecked(1912, 7, 30)),
    (Era::Meiji, "明治", Date::from_ymd_unchecked(1873, 1, 1)),
];

/// Why a date string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a date in the form 2025-04-25 or 令和7年4月25日")]
    Syntax,
    #[error("{0}")]
    Impossible(ImpossibleDate),
}

/// A well-formed date string that names no real day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImpossibleDate {
    /// Month outside 1–12 or day outside the month.
    NoSuchDay { year: i32, month: u32, day: u32 },
    /// Year 0 of an era (`令和0年`).
    EraYearZero { era: &'static str },
    /// A day before the era began (`令和元年4月30日`).
    BeforeEra { era: &'static str, date: Date },
    /// A day after the next era began (`平成32年`, `平成31年5月1日`).
    AfterEra { era: &'static str, date: Date, next: &'static str },
}

impl fmt::Display for ImpossibleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSuchDay { year, month, day } => write!(f, "{year}-{month}-{day} does not exist"),
            Self::EraYearZero { era } => write!(f, "{era} has no year 0 (the first year is 元年)"),
            Self::BeforeEra { era, date } => write!(f, "{date} is before {era} began"),
            Self::AfterEra { era, date, next } => write!(f, "{date} is after {era} ended ({next})"),
        }
    }
}

impl ImpossibleDate {
    /// The same explanation in Japanese, for diagnostics.
    pub fn message_ja(&self) -> String {
        match self {
            Self::NoSuchDay { year, month, day } => {
                format!("{year}年{month}月{day}日という日付は存在しません。")
            }
            Self::EraYearZero { era } => format!("{era}0年は存在しません（最初の年は{era}元年）。"),
            Self::BeforeEra { era, date } => {
                format!("{date}は{era}の始まり（{}）より前の日付です。", era_start(era))
            }
            Self::AfterEra { era, date, next } => {
                format!("{date}は{era}の終わった後の日付です（{next}に改元）。")
            }
        }
    }
}

fn era_start(name: &str) -> Date {
    ERAS.iter().find(|(_, n, _)| *n == name).map_or(Date::from_ymd_unchecked(1873, 1, 1), |(_, _, d)| *d)
}

impl Date {
    const fn from_ymd_unchecked(year: i32, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// A date from year, month and day, or `None` if no such day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        let m = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let d = u8::try_from(day).ok().filter(|d| *d >= 1 && *d <= days_in_month(year, m))?;
        Some(Self { year, month: m, day: d })
    }

    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }

    /// Parses ISO `2025-04-25` or 和暦 `令和7年4月25日` (元年 and full-width digits accepted).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        if text.starts_with(|c: char| c.is_ascii_digit()) { parse_iso(text) } else { parse_wareki(text) }
    }

    /// The era this day falls in, with its year of that era (1 = 元年); `None` before 明治6年.
    pub fn era(&self) -> Option<(Era, &'static str, i32)> {
        ERAS.iter()
            .find(|(_, _, start)| self >= start)
            .map(|(era, name, start)| (*era, *name, self.year - start.year + 1))
    }

    /// 和暦 as the form prints it: `令和7年4月25日`, 元年 for the first year, ASCII digits.
    pub fn to_wareki(&self) -> String {
        match self.era() {
            Some((_, name, 1)) => format!("{name}元年{}月{}日", self.month, self.day),
            Some((_, name, y)) => format!("{name}{y}年{}月{}日", self.month, self.day),
            None => self.to_string(),
        }
    }

    /// 和暦 with full-width digits (`令和６年４月１日`), as the seed's 変更箇所 prints count dates.
    pub fn to_wareki_fullwidth(&self) -> String {
        self.to_wareki().chars().map(to_fullwidth_digit).collect()
    }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (inverse of [`Date::days_since_epoch`]).
    pub fn from_days_since_epoch(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The same month and day `years` later; 2月29日 becomes 2月28日 in a common year.
    pub fn add_years(&self, years: i32) -> Self {
        let year = self.year + years;
        let day = self.day.min(days_in_month(year, self.month));
        Self { year, month: self.month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for Date {
    /// Any day from 1873 (明治6年) to 2200, so every era is exercised.
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let first = Date::from_ymd_unchecked(1873, 1, 1).days_since_epoch();
        let last = Date::from_ymd_unchecked(2200, 12, 31).days_since_epoch();
        let day = u.int_in_range(first..=last)?;
        Ok(Date::from_days_since_epoch(day))
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Maps full-width digits `０`–`９` to ASCII, leaving everything else alone.
pub fn normalize_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// Maps ASCII digits to full-width `０`–`９`, leaving everything else alone.
pub fn to_fullwidth_digit(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
        _ => c,
    }
}

fn checked(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
    Date::from_ymd(year, month, day).ok_or(DateError::Impossible(ImpossibleDate::NoSuchDay { year, month, day }))
}

fn parse_iso(text: &str) -> Result<Date, DateError> {
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(DateError::Syntax);
    };
    let digits = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .ok_or(DateError::Syntax)
    };
    let year = i32::try_from(digits(y, 4)?).map_err(|_| DateError::Syntax)?;
    checked(year, digits(m, 2)?, digits(d, 2)?)
}

/// Reads a run of (half- or full-width) digits, 1 to 2 of them, from the front of `s`.
fn take_number(s: &str) -> Option<(u32, &str)> {
    let end = s.char_indices().find(|(_, c)| !normalize_digit(*c).is_ascii_digit()).map_or(s.len(), |(i, _)| i);
    let digits: String = s[..end].chars().map(normalize_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    Some((digits.parse().ok()?, &s[end..]))
}

fn parse_wareki(text: &str) -> Result<Date, DateError> {
    let (era_index, rest) = ERAS
        .iter()
        .enumerate()
        .find_map(|(i, (_, name, _))| text.strip_prefix(name).map(|rest| (i, rest)))
        .ok_or(DateError::Syntax)?;
    let (_, era_name, era_start) = *ERAS.get(era_index).ok_or(DateError::Syntax)?;
    let (era_year, rest) = match rest.strip_prefix('元') {
        Some(rest) => (1, rest),
        None => take_number(rest).ok_or(DateError::Syntax)?,
    };
    let rest = rest.strip_prefix('年').ok_or(DateError::Syntax)?;
    let (month, rest) = take_number(rest).ok_or(DateError::Syntax)?;
    let rest = rest.strip_prefix('月').ok_or(DateError::Syntax)?;
    let (day, rest) = take_number(rest).ok_or(DateError::Syntax)?;
    if rest != "日" {
        return Err(DateError::Syntax);
    }
    if era_year == 0 {
        return Err(DateError::Impossible(ImpossibleDate::EraYearZero { era: era_name }));
    }
    let year = era_start.year + i32::try_from(era_year).map_err(|_| DateError::Syntax)? - 1;
    let date = checked(year, month, day)?;
    if date < era_start {
        return Err(DateError::Impossible(ImpossibleDate::BeforeEra { era: era_name, date }));
    }
    if let Some((_, next_name, next_start)) = era_index.checked_sub(1).and_then(|i| ERAS.get(i))
        && date >= *next_start
    {
        return Err(DateError::Impossible(ImpossibleDate::AfterEra { era: era_name, date, next: next_name }));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).expect("valid test date")
    }

    #[test]
    fn parses_iso_and_wareki_alike() {
        assert_eq!(Date::parse("2025-04-25"), Ok(d(2025, 4, 25)));
        assert_eq!(Date::parse("令和7年4月25日"), Ok(d(2025, 4, 25)));
        assert_eq!(Date::parse("令和７年４月２５日"), Ok(d(2025, 4, 25)));
        assert_eq!(Date::parse("平成30年3月26日"), Ok(d(2018, 3, 26)));
    }

    #[test]
    fn heisei_reiwa_boundary() {
        assert_eq!(Date::parse("平成31年4月30日"), Ok(d(2019, 4, 30)));
        assert_eq!(Date::parse("令和元年5月1日"), Ok(d(2019, 5, 1)));
        assert_eq!(Date::parse("令和1年5月1日"), Ok(d(2019, 5, 1)));
        assert!(matches!(Date::parse("令和元年4月30日"), Err(DateError::Impossible(ImpossibleDate::BeforeEra { .. }))));
        assert!(matches!(Date::parse("平成31年5月1日"), Err(DateError::Impossible(ImpossibleDate::AfterEra { .. }))));
        assert_eq!(d(2019, 4, 30).to_wareki(), "平成31年4月30日");
        assert_eq!(d(2019, 5, 1).to_wareki(), "令和元年5月1日");
    }

    #[test]
    fn showa_heisei_boundary() {
        assert_eq!(Date::parse("昭和64年1月7日"), Ok(d(1989, 1, 7)));
        assert_eq!(Date::parse("平成元年1月8日"), Ok(d(1989, 1, 8)));
        assert!(Date::parse("平成元年1月7日").is_err());
        assert!(Date::parse("昭和64年1月8日").is_err());
        assert_eq!(d(1989, 1, 7).to_wareki(), "昭和64年1月7日");
        assert_eq!(d(1989, 1, 8).to_wareki(), "平成元年1月8日");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(matches!(Date::parse("令和0年1月1日"), Err(DateError::Impossible(ImpossibleDate::EraYearZero { .. }))));
        assert!(matches!(Date::parse("平成32年1月1日"), Err(DateError::Impossible(ImpossibleDate::AfterEra { .. }))));
        assert!(matches!(Date::parse("令和6年2月30日"), Err(DateError::Impossible(ImpossibleDate::NoSuchDay { .. }))));
        assert!(Date::parse("2023-02-29").is_err());
        assert_eq!(Date::parse("2024-02-29"), Ok(d(2024, 2, 29)));
        assert!(Date::parse("2025-13-01").is_err());
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in [
            "",
            "2025/04/25",
            "25-04-2025",
            "令和七年4月25日",
            "令和7年4月25",
            "R7.4.25",
            "2025-4-25",
            "令和123年1月1日",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Syntax), "{bad}");
        }
    }

    #[test]
    fn round_trips_and_fullwidth() {
        let date = d(2024, 4, 1);
        assert_eq!(date.to_wareki_fullwidth(), "令和６年４月１日");
        assert_eq!(Date::parse(&date.to_wareki()), Ok(date));
        assert_eq!(date.to_string(), "2024-04-01");
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2025, 4, 25).days_since_epoch() - d(2024, 4, 25).days_since_epoch(), 365);
        assert_eq!(d(2024, 2, 29).add_years(1), d(2025, 2, 28));
        for date in [d(1970, 1, 1), d(2000, 2, 29), d(2025, 4, 25), d(1899, 12, 31)] {
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
        }
        assert_eq!(d(2025, 4, 25).add_years(5), d(2030, 4, 25));
    }
}
