//! The choice lists several forms share, each defined once with the forms' exact labels.

use super::types::choice;

choice! {
    /// 様式の版（右上の様式番号の年月）。令和6年10月版より前の版は、公表日が令和6年10月1日以降なら警告の対象。
    Revision {
        H26_4 => "平成26年4月",
        H28_1 => "平成28年1月",
        H29_5 => "平成29年5月",
        H30_5 => "平成30年5月",
        R1 => "令和元年",
        R6_10 => "令和6年10月",
    }
}

choice! {
    /// 直近の評価の種類: 新規の実施か、再実施か。
    AssessmentKind { Initial => "実施", Reassessment => "再実施" }
}

choice! {
    /// Ⅱ 1. 対象人数の選択肢。
    SubjectsBand {
        Under1k => "1,000人未満（任意実施）",
        From1kTo10k => "1,000人以上1万人未満",
        From10kTo100k => "1万人以上10万人未満",
        From100kTo300k => "10万人以上30万人未満",
        Over300k => "30万人以上",
    }
}

choice! {
    /// Ⅱ 3. 重大事故の選択肢（過去１年以内に発生したか）。
    Incident { Occurred => "発生あり", None => "発生なし" }
}

choice! {
    /// Ⅲ しきい値判断結果の文言（しきい値判断の結果ごとに様式が印字する文言。この一覧が唯一の定義）。
    Obligation {
        None => "特定個人情報保護評価の実施が義務付けられない",
        Kiso => "基礎項目評価の実施が義務付けられる",
        KisoJuten => "基礎項目評価及び重点項目評価の実施が義務付けられる",
        KisoZenkomoku => "基礎項目評価及び全項目評価の実施が義務付けられる",
    }
}

choice! {
    /// Ⅰ 4. ①実施の有無の選択肢。
    LinkageStatus { Yes => "実施する", No => "実施しない", Undecided => "未定" }
}

choice! {
    /// 「リスクへの対策は十分か」の選択肢（Ⅳ2〜Ⅳ8、Ⅳ11共通）。
    Adequacy { Emphasised => "特に力を入れている", Sufficient => "十分である", Remaining => "課題が残されている" }
}

choice! {
    /// Ⅳ 10. 従業者に対する教育・啓発の選択肢（他の項目と文言が異なる）。
    TrainingLevel {
        Emphasised => "特に力を入れて行っている",
        Sufficient => "十分に行っている",
        Insufficient => "十分に行っていない",
    }
}

choice! {
    /// 変更箇所 提出時期の選択肢（変更の前に提出したか後か）。
    Timing { Before => "事前", After => "事後" }
}

choice! {
    /// Ⅱ 2. ①ファイルの種類の選択肢。
    FileKind {
        System => "システム用ファイル",
        OtherElectronic => "その他の電子ファイル（表計算ファイル等）",
    }
}

choice! {
    /// 対象となる本人の数の選択肢（Ⅱ 2. ②、Ⅱ 5. 提供先・移転先の④、様式4 Ⅱ 4. 委託事項の②）。
    PersonsBand {
        Under10k => "1万人未満",
        From10kTo100k => "1万人以上10万人未満",
        From100kTo1m => "10万人以上100万人未満",
        From1mTo10m => "100万人以上1,000万人未満",
        Over10m => "1,000万人以上",
    }
}

choice! {
    /// Ⅱ 2. ④記録される項目の選択肢。
    RecordItemsBand {
        Under10 => "10項目未満",
        From10To50 => "10項目以上50項目未満",
        From50To100 => "50項目以上100項目未満",
        Over100 => "100項目以上",
    }
}

choice! {
    /// 使用者数・取扱者数の選択肢（使用者数: 様式3 Ⅱ 3. ④・様式4 Ⅱ 3. ⑦、委託先における取扱者数: 様式3 Ⅱ 4. ②・様式4 Ⅱ 4. ③）。
    UsersBand {
        Under10 => "10人未満",
        From10To50 => "10人以上50人未満",
        From50To100 => "50人以上100人未満",
        From100To500 => "100人以上500人未満",
        From500To1000 => "500人以上1,000人未満",
        Over1000 => "1,000人以上",
    }
}

choice! {
    /// Ⅱ 4. 委託の有無の選択肢。
    OutsourcingStatus { Outsourced => "委託する", NotOutsourced => "委託しない" }
}

choice! {
    /// 再委託の有無の選択肢（様式3 Ⅱ 4. ④、様式4 Ⅱ 4. ⑦）。
    ResubcontractStatus { Resubcontracted => "再委託する", NotResubcontracted => "再委託しない" }
}

choice! {
    /// Ⅱ 6. ②保管期間の選択肢。
    RetentionPeriod {
        Under1 => "1年未満",
        One => "1年",
        Two => "2年",
        Three => "3年",
        Four => "4年",
        Five => "5年",
        From6To10 => "6年以上10年未満",
        From10To20 => "10年以上20年未満",
        Over20 => "20年以上",
        Undefined => "定められていない",
    }
}

choice! {
    /// 死者の個人番号の選択肢（様式3 Ⅲ 7. ③、様式4 Ⅲ 7. リスク1 ⑩）。
    DeceasedNumbers { Kept => "保管している", NotKept => "保管していない" }
}

choice! {
    /// 手数料等の選択肢（様式3 Ⅳ 1. ③、様式4 Ⅴ 1. ③）。
    Fee { Charged => "有料", Free => "無料" }
}

choice! {
    /// 評価実施機関の種別（番号法第28条、特定個人情報保護評価指針の区分）。全項目評価書の手続が違う:
    /// 地方公共団体等は第三者点検を受け、行政機関等は個人情報保護委員会の承認を受ける。
    BodyKind { LocalGovernment => "地方公共団体等", Administrative => "行政機関等" }
}
