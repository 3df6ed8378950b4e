//! Rules of 様式4's Ⅵ 評価実施手続 and the cover's dates: the 意見聴取's days, the 第三者点検
//! after it (地方公共団体等), the 委員会's approval (行政機関等), the 公表日 after them all, and the
//! 評価実施機関の種別 against the 評価実施機関名.
//!
//! A 意見聴取 period counts both its first and its last day (it runs 「公示の日から起算して」, as
//! 行政手続法第39条 counts a public comment's days): 4月1日〜4月30日 is 30 days.

use super::ZenkomokuContext;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::FormKind;
use crate::model::vocab::BodyKind;
use crate::wareki::Date;

/// The days of a 意見聴取 the 指針 asks for, in principle (第5の3: 原則として30日以上).
pub const HEARING_DAYS: i64 = 30;

/// The days from `start` to `end`, both counted (4月1日〜4月30日 is 30); 0 or less when `end` is
/// before `start`.
pub fn hearing_days(start: Date, end: Date) -> i64 {
    end.days_since_epoch() - start.days_since_epoch() + 1
}

/// Ⅵ 2. missing in a final 全項目評価書 (a 素案, `pia check --draft`, comes before it).
pub const HEARING_MISSING: Code = Code {
    name: "zenkomoku-hearing-missing",
    severity: Severity::Error,
    item: Some("Ⅵ 2. 国民・住民等からの意見の聴取"),
    summary_ja: "公表する全項目評価書にⅥ2 意見の聴取がない（素案は --draft で可）",
    summary_en: "A final 全項目評価書 has no Ⅵ2 (public hearing); a draft (--draft) may leave it empty",
};

/// Ⅵ 3. missing in a final 全項目評価書 of a 地方公共団体等.
pub const THIRD_PARTY_REVIEW_MISSING: Code = Code {
    name: "zenkomoku-third-party-review-missing",
    severity: Severity::Error,
    item: Some("Ⅵ 3. 第三者点検"),
    summary_ja: "地方公共団体等の公表する全項目評価書にⅥ3 第三者点検がない（素案は --draft で可）",
    summary_en: "A final 全項目評価書 of a 地方公共団体等 has no Ⅵ3 (third-party review); a draft (--draft) may leave it empty",
};

/// The cover's 承認日 missing in a final 全項目評価書 of a 行政機関等.
pub const APPROVAL_MISSING: Code = Code {
    name: "zenkomoku-approval-missing",
    severity: Severity::Error,
    item: Some("表紙 個人情報保護委員会 承認日 【行政機関等のみ】"),
    summary_ja: "行政機関等の公表する全項目評価書に表紙の承認日がない（素案は --draft で可）",
    summary_en: "A final 全項目評価書 of a 行政機関等 has no approval date on its cover; a draft (--draft) may leave it empty",
};

/// The rules of the steps a 素案 comes before: `pia check --draft` does not apply them.
pub const DRAFT_SKIPS: [&Code; 3] = [&HEARING_MISSING, &THIRD_PARTY_REVIEW_MISSING, &APPROVAL_MISSING];

/// The title of the item at `pointer`, from the schema (one place per label).
fn title(pointer: &str) -> String {
    crate::schema::title_for_pointer(FormKind::Zenkomoku, pointer).unwrap_or_else(|| pointer.to_owned())
}

pub fn hearing_missing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    if cx.assessment.procedure.public_hearing.is_none() {
        let item = title("/procedure/public_hearing");
        out.push(cx.at(
            code,
            "/procedure",
            format!("{item}がありません。公表する全項目評価書には、意見の聴取の方法・期間・主な意見・反映を記載します（意見聴取に付す素案なら pia check --draft）。"),
            format!("{item} is missing; a final 全項目評価書 records the hearing (check a draft with --draft)."),
        ));
    }
}

pub fn hearing_too_short(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let Some(h) = &cx.assessment.procedure.public_hearing else { return };
    let days = hearing_days(h.period.start, h.period.end);
    if days >= HEARING_DAYS || !super::cover::blank(&h.shortening_reason) {
        return;
    }
    let (start, end) = (h.period.start, h.period.end);
    let item = title("/procedure/public_hearing/period");
    let reason = title("/procedure/public_hearing/shortening_reason");
    out.push(cx.at(
        code,
        "/procedure/public_hearing/period/end",
        format!(
            "{item}は{}〜{}の{days}日（初日と末日を含む）で、{HEARING_DAYS}日に足りません。短縮するなら{reason}を記載します。",
            start.to_wareki(),
            end.to_wareki()
        ),
        format!("{item} runs {start} to {end}, {days} days (both counted), under {HEARING_DAYS}; give {reason} to shorten it."),
    ));
}

pub fn third_party_review_missing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    if a.body_kind == BodyKind::LocalGovernment && a.procedure.third_party_review.is_none() {
        let item = title("/procedure/third_party_review");
        out.push(cx.at(
            code,
            "/procedure",
            format!("評価実施機関の種別が「{}」なのに、{item}がありません。地方公共団体等は意見の聴取の後に第三者点検を受けます（素案なら pia check --draft）。", a.body_kind),
            format!("The body is a 「{}」 but {item} is missing; it is reviewed after the hearing (check a draft with --draft).", a.body_kind),
        ));
    }
}

pub fn third_party_review_before_hearing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let p = &cx.assessment.procedure;
    let (Some(h), Some(r)) = (&p.public_hearing, &p.third_party_review) else { return };
    if r.date > h.period.end {
        return;
    }
    let item = title("/procedure/third_party_review/date");
    let end = title("/procedure/public_hearing/period/end");
    out.push(cx.at(
        code,
        "/procedure/third_party_review/date",
        format!(
            "{item}（{}）が{end}（{}）の翌日より前です。第三者点検は、意見の聴取を終え、寄せられた意見を踏まえた評価書について受けます。",
            r.date.to_wareki(),
            h.period.end.to_wareki()
        ),
        format!("{item} ({}) is not after {end} ({}); the review comes after the hearing has ended.", r.date, h.period.end),
    ));
}

pub fn approval_missing(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    if a.body_kind == BodyKind::Administrative && a.cover.approval.is_none() {
        let item = title("/cover/approval");
        out.push(cx.at(
            code,
            "/cover",
            format!("評価実施機関の種別が「{}」なのに、{item}がありません（approval:）。行政機関等は個人情報保護委員会の承認を受けて公表します（素案なら pia check --draft）。", a.body_kind),
            format!("The body is a 「{}」 but {item} (approval:) is missing; it is published once approved (check a draft with --draft).", a.body_kind),
        ));
    }
}

pub fn approval_after_publication(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let cover = &cx.assessment.cover;
    let published = cover.common.published;
    let Some(approval) = cover.approval.filter(|d| *d > published) else { return };
    let item = title("/cover/approval");
    out.push(cx.at(
        code,
        "/cover/approval",
        format!(
            "{item}（{}）が公表日（{}）より後です。承認を受けてから公表します。",
            approval.to_wareki(),
            published.to_wareki()
        ),
        format!("{item} ({approval}) is after the publication date ({published}); publication follows approval."),
    ));
}

/// The dates of Ⅵ the 公表日 depends on, each with its JSON pointer.
fn steps(cx: &ZenkomokuContext<'_>) -> Vec<(&'static str, Date)> {
    let p = &cx.assessment.procedure;
    let mut list = vec![("/procedure/kiso/date", p.kiso.date)];
    if let Some(h) = &p.public_hearing {
        list.push(("/procedure/public_hearing/period/end", h.period.end));
    }
    if let Some(r) = &p.third_party_review {
        list.push(("/procedure/third_party_review/date", r.date));
    }
    if let Some(c) = &p.commission_review {
        list.push(("/procedure/commission_review/submitted", c.submitted));
    }
    list
}

pub fn published_before_procedure(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let published = cx.assessment.cover.common.published;
    for (pointer, date) in steps(cx).into_iter().filter(|(_, d)| *d > published) {
        let item = title(pointer);
        out.push(cx.at(
            code,
            "/cover/published",
            format!(
                "公表日（{}）が{item}（{}）より前です。評価書は評価実施手続を終えてから公表します。",
                published.to_wareki(),
                date.to_wareki()
            ),
            format!("The publication date ({published}) is before {item} ({date}); publication ends the procedure."),
        ));
    }
}

/// The 評価実施機関名's ending that marks a national body (…大臣, …長官) or a local one (…知事,
/// …市長, …町長, …村長, …区長, …広域連合長); `None` when the name tells neither.
fn kind_of_name(name: &str) -> Option<BodyKind> {
    const NATIONAL: [&str; 2] = ["大臣", "長官"];
    const LOCAL: [&str; 6] = ["知事", "市長", "町長", "村長", "区長", "広域連合長"];
    let name = name.trim();
    if NATIONAL.iter().any(|s| name.ends_with(s)) {
        Some(BodyKind::Administrative)
    } else if LOCAL.iter().any(|s| name.ends_with(s)) {
        Some(BodyKind::LocalGovernment)
    } else {
        None
    }
}

pub fn body_kind_mismatch(cx: &ZenkomokuContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.assessment;
    let body = &a.cover.common.body;
    // A withheld name is not read: even its kind would tell something of it.
    if body.is_withheld() {
        return;
    }
    let Some(named) = kind_of_name(body.as_str()).filter(|k| *k != a.body_kind) else { return };
    let shown = body.as_str().trim();
    let kind = title("/body_kind");
    out.push(cx.at(
        code,
        "/body_kind",
        format!("{kind}が「{}」ですが、評価実施機関名「{shown}」は{named}の名です。", a.body_kind),
        format!("{kind} is 「{}」 but the body 「{shown}」 reads as a {named}.", a.body_kind),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_days_count() {
        let d = |m, day| Date::from_ymd(2025, m, day).unwrap();
        assert_eq!(hearing_days(d(4, 1), d(4, 30)), 30);
        assert_eq!(hearing_days(d(4, 1), d(4, 29)), 29);
        assert_eq!(hearing_days(d(4, 1), d(4, 1)), 1);
        assert_eq!(hearing_days(d(4, 2), d(4, 1)), 0);
    }

    #[test]
    fn names_tell_the_kind_by_their_ending() {
        assert_eq!(kind_of_name("見本市長"), Some(BodyKind::LocalGovernment));
        assert_eq!(kind_of_name("見本県知事 "), Some(BodyKind::LocalGovernment));
        assert_eq!(kind_of_name("法務大臣"), Some(BodyKind::Administrative));
        assert_eq!(kind_of_name("国税庁長官"), Some(BodyKind::Administrative));
        assert_eq!(kind_of_name("見本市教育委員会"), None);
    }
}
