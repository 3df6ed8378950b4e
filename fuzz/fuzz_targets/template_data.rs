//! Any model value → the data handed to the template (public and full), and its JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pia::model::{Assessment, KisoAssessment};
use pia::render::data::{Audience, FormBody, FontFamilies, Stage, WITHHELD_MARK, template_data};

fuzz_target!(|kiso: KisoAssessment| {
    let assessment = kiso.clone();
    let form = Assessment::Kiso(Box::new(kiso));
    let fonts = FontFamilies { mincho: vec!["BIZ UDMincho".into()], gothic: vec!["BIZ UDGothic".into()] };
    for audience in [Audience::Public, Audience::Full] {
        let data = template_data(&form, audience, Stage::Final, fonts.clone());
        let _ = serde_json::to_string(&data);
        let FormBody::Kiso(body) = &data.body else { panic!("a 様式2 has the 様式2 body") };
        // A withheld text never reaches the public version; the full version keeps it.
        let pairs = [
            (&assessment.related_info.affair.systems, &body.related.systems),
            (&assessment.cover.declaration, &data.cover.declaration),
            (&assessment.related_info.file_name, &body.related.file_name),
        ];
        for (source, shown) in pairs {
            match (&source.withheld, audience) {
                (Some(_), Audience::Public) => {
                    // Neither the text nor the reason for withholding it is published.
                    assert_eq!(shown.text, WITHHELD_MARK);
                    assert!(shown.withheld_mark.is_none());
                }
                _ => assert_eq!(shown.text, source.text.replace('\t', " ")),
            }
        }
    }
    let _ = pia::diff::compare(&form, &form, pia::lang::Lang::Ja);
});
