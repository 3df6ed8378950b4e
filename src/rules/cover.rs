//! Rules on the cover and Ⅰ 関連情報.

use super::{CommonContext, RuleContext};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::LinkageStatus;
use crate::model::{Assessment, Text};

/// True when an optional text is absent or blank.
pub(super) fn blank(text: &Option<Text>) -> bool {
    text.as_ref().is_none_or(Text::is_blank)
}

pub fn form_revision_outdated(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let (kind, revision, published) = (cx.form.kind(), cx.form.revision(), cx.form.cover().published);
    let Some(current) = kind.current() else { return };
    let Some(in_force) = current.in_force() else { return };
    // What the current edition added, as the form numbers it (Ⅳ8・Ⅳ11).
    let added: Vec<String> = current
        .added
        .iter()
        .filter_map(|p| crate::schema::item_for_pointer(kind, p))
        .map(|t| t.split_once(". ").map_or(t.clone(), |(n, _)| n.replace(' ', "")))
        .collect();
    let (with_ja, with_en) = match added.as_slice() {
        [] => (String::new(), String::new()),
        items => (format!("（{}を含む）", items.join("・")), format!(" (with {})", items.join(" and "))),
    };
    if revision != current.revision && published >= in_force {
        out.push(cx.at(
            code,
            "/revision",
            format!(
                "公表日（{}）が{}以降ですが、様式は「{revision}」版です。{}版の様式{with_ja}で作成してください。",
                published.to_wareki(),
                in_force.to_wareki(),
                current.revision
            ),
            format!(
                "Published {published} (on or after {in_force}) on the 「{revision}」 form; use the {} form{with_en}.",
                current.revision
            ),
        ));
    }
}

/// Ⅰ1①事務の名称, on every form (様式2 Ⅰ 関連情報, 様式3・様式4 Ⅰ 基本情報).
fn affair_name(form: &Assessment) -> &Text {
    match form {
        Assessment::Kiso(a) => &a.related_info.affair.name,
        Assessment::Juten(a) => &a.basic_info.affair.name,
        Assessment::Zenkomoku(a) => &a.basic_info.affair.name,
    }
}

/// 情報提供ネットワークシステムによる情報連携 (様式2 Ⅰ4, 様式3 Ⅰ5, 様式4 Ⅰ6): its status, its 法令上の根拠,
/// where the basis is and the item's number on the form.
fn network_linkage(form: &Assessment) -> (LinkageStatus, &Option<Text>, &'static str, &'static str) {
    match form {
        Assessment::Kiso(a) => {
            let l = &a.related_info.network_linkage;
            (l.status, &l.basis, "/related_info/network_linkage/basis", "Ⅰ4")
        }
        Assessment::Juten(a) => {
            let l = &a.basic_info.network_linkage;
            (l.status, &l.basis, "/basic_info/network_linkage/basis", "Ⅰ5")
        }
        Assessment::Zenkomoku(a) => {
            let l = &a.basic_info.network_linkage;
            (l.status, &l.basis, "/basic_info/network_linkage/basis", "Ⅰ6")
        }
    }
}

/// 所属長の役職名 (様式2 Ⅰ5②, 様式3 Ⅰ6②, 様式4 Ⅰ7②) and where it is.
fn head_title(form: &Assessment) -> (&Text, &'static str) {
    match form {
        Assessment::Kiso(a) => (&a.related_info.department.head_title, "/related_info/department/head_title"),
        Assessment::Juten(a) => (&a.basic_info.department.head_title, "/basic_info/department/head_title"),
        Assessment::Zenkomoku(a) => (&a.basic_info.department.head_title, "/basic_info/department/head_title"),
    }
}

pub fn title_affair_mismatch(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let a = cx.form.cover();
    let affair = affair_name(cx.form);
    let name = affair.as_str().trim();
    if !name.is_empty() && !a.title.as_str().contains(name) {
        // A message is output too: a withheld text is quoted as 「（非公表）」.
        let (title, name) = (a.title.shown(false), affair.shown(false));
        let name = name.trim();
        out.push(cx.at(
            code,
            "/cover/title",
            format!(
                "評価書名「{title}」に事務の名称「{name}」が含まれていません。評価書名は事務が推測できる名称にします。"
            ),
            format!("The title 「{title}」 does not contain the affair's name 「{name}」."),
        ));
    }
}

/// Suffixes that turn a body into its head (熊本市長 → 熊本市).
const HEAD_SUFFIXES: &[&str] = &["長官", "知事", "大臣", "長"];

/// The organisation a body heads (熊本市長 → 熊本市), when its name ends in a head's title.
pub(crate) fn organisation_of(body: &str) -> Option<&str> {
    HEAD_SUFFIXES.iter().find_map(|s| body.strip_suffix(s)).filter(|o| !o.is_empty())
}

/// The subject of the standard declaration: the organisation (熊本市 for 熊本市長), or the body
/// itself when its name is not a head's title (○○市教育委員会).
pub(crate) fn declaration_subject(body: &str) -> &str {
    let body = body.trim();
    organisation_of(body).unwrap_or(body)
}

pub fn declaration_body_mismatch(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let cover = cx.form.cover();
    let body = cover.body.as_str().trim();
    let declaration = cover.declaration.as_str();
    let organisation = organisation_of(body);
    let named = declaration.contains(body) || organisation.is_some_and(|o| declaration.contains(o));
    if !body.is_empty() && !named {
        let shown = cover.body.shown(false);
        let (body, organisation) = match organisation {
            _ if cover.body.is_withheld() => (shown.as_str(), shown.as_str()),
            Some(o) => (body, o),
            None => (body, body),
        };
        out.push(cx.at(
            code,
            "/cover/declaration",
            format!("宣言に評価実施機関「{body}」（又は{organisation}）が書かれていません。"),
            format!("The declaration does not name the assessing body 「{body}」."),
        ));
    }
}

pub fn linkage_basis_missing(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let (status, basis, pointer, item) = network_linkage(cx.form);
    if status == LinkageStatus::Yes && blank(basis) {
        out.push(cx.at(
            code,
            pointer,
            "情報連携を「実施する」場合は、②法令上の根拠（例: 番号法第19条第8号　別表）を記載します。".into(),
            format!("When linkage is 実施する, give its legal basis in {item}② (e.g. 番号法第19条第8号　別表)."),
        ));
    }
}

/// Splits on ASCII and full-width spaces.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '\u{3000}').filter(|w| !w.is_empty()).collect()
}

/// True for a kanji as names are written: CJK unified ideographs with extension A and the
/// supplementary planes (extensions B–F, the compatibility supplement and G–H, where 𠮷 U+20BB7
/// is), and the compatibility ideographs of U+F900–FAFF (﨑 U+FA11, as name registers and
/// Windows write it).
fn is_kanji(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FA1F}'
            | '\u{30000}'..='\u{323AF}'
            | '々'
    )
}

fn looks_like_name_part(word: &str) -> bool {
    let n = word.chars().count();
    (1..=5).contains(&n) && word.chars().all(|c| is_kanji(c) || matches!(c, '\u{3040}'..='\u{30FF}'))
}

pub fn personal_name_in_title(cx: &CommonContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let (title, pointer) = head_title(cx.form);
    // A withheld 役職名 is not published, and its words are not to be quoted in a message.
    if title.is_withheld() {
        return;
    }
    let title = title.as_str();
    let parts = words(title);
    let Some((first, rest)) = parts.split_first() else { return };
    if !rest.is_empty() && rest.iter().all(|w| looks_like_name_part(w)) {
        let name = rest.join(" ");
        out.push(
            cx.at(
                code,
                pointer,
                format!("所属長の役職名「{title}」に個人名（{name}）が含まれているようです。令和元年の様式改正以降、役職名のみを記載します。"),
                format!("The head's title 「{title}」 seems to include a person's name ({name}); since 令和元年 the form asks for the title only."),
            )
            .help(cx.lang.pick(format!("「{first}」のように役職名だけにしてください。"), format!("write the title only, e.g. 「{first}」."))),
        );
    }
}

pub fn rule_9_2_reason_missing(cx: &RuleContext<'_>, code: &'static Code, out: &mut Vec<Diagnostic>) {
    let r = &cx.assessment.related_info.rule_9_2;
    if r.applied && blank(&r.reason) {
        out.push(cx.at(
            code,
            "/related_info/rule_9_2/reason",
            "規則第9条第2項を「適用した」場合は、適用した理由（災害対応等の緊急性）を記載します。".into(),
            "When 規則第9条第2項 is applied, give the reason (the emergency that required it).".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji_ranges_and_their_boundaries() {
        let inside = [
            ('\u{4E00}', "unified, first"),
            ('\u{9FFF}', "unified, last"),
            ('\u{3400}', "extension A, first"),
            ('\u{4DBF}', "extension A, last"),
            ('\u{F900}', "compatibility, first"),
            ('\u{FA11}', "﨑"),
            ('\u{FAFF}', "compatibility, last"),
            ('\u{20000}', "extension B, first"),
            ('\u{20BB7}', "𠮷"),
            ('\u{2FA1F}', "compatibility supplement, last"),
            ('\u{30000}', "extension G, first"),
            ('\u{323AF}', "extension H, last"),
        ];
        for (c, what) in inside {
            assert!(is_kanji(c), "U+{:04X} ({what}) is a kanji", u32::from(c));
        }
        let outside = [
            ('\u{33FF}', "before extension A"),
            ('\u{4DC0}', "after extension A (hexagram)"),
            ('\u{4DFF}', "before unified"),
            ('\u{A000}', "after unified (Yi)"),
            ('\u{F8FF}', "before compatibility (private use)"),
            ('\u{FB00}', "after compatibility (ﬀ)"),
            ('\u{1FFFF}', "before extension B"),
            ('\u{2FA20}', "after the compatibility supplement"),
            ('\u{2FFFF}', "before extension G"),
            ('\u{323B0}', "after extension H"),
            ('A', "Latin"),
        ];
        for (c, what) in outside {
            assert!(!is_kanji(c), "U+{:04X} ({what}) is not a kanji", u32::from(c));
        }
    }

    #[test]
    fn names_with_rare_kanji_look_like_names() {
        for name in ["山﨑", "𠮷田", "㐂代", "𪚲子", "髙橋", "さくら", "々"] {
            assert!(looks_like_name_part(name), "{name}");
        }
        for word in ["兼", "課長補佐（総括）", "ABC", "山田太郎山田"] {
            assert_eq!(looks_like_name_part(word), word == "兼", "{word}");
        }
    }
}
