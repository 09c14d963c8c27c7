//! A capability line's notes (conversions approximated, cost proxies, judgement fallbacks) in
//! the report's language. The assessment keeps them typed ([`LineNote`]); the JSON writes their
//! English `Display`, the text and HTML reports these catalogue messages (`note-*`).

use bulwark_assess::money::Approximation;
use bulwark_assess::LineNote;

use crate::i18n::Messages;

/// One note in the report's language.
pub(crate) fn note(note: &LineNote, m: &Messages) -> String {
    match note {
        LineNote::Approximated { system, approximation } => {
            let what = match approximation {
                Approximation::ExchangeRate { currency, used, year } => m.f(
                    "note-exchange-rate",
                    &[
                        ("currency", (*currency).into()),
                        ("used", used.to_string().into()),
                        ("year", year.to_string().into()),
                    ],
                ),
                Approximation::PriceIndex { used, year } => m.f(
                    "note-price-index",
                    &[("used", used.to_string().into()), ("year", year.to_string().into())],
                ),
            };
            format!("{system}{}{what}", m.t("label-sep"))
        }
        LineNote::CostProxy { proxy, origin } => {
            let origin = if origin == "default" { m.t("note-origin-default") } else { origin.clone() };
            m.f("note-cost-proxy", &[("proxy", m.line_name(proxy, proxy).into()), ("origin", origin.into())])
        }
        LineNote::FallbackLeadTime => m.t("note-fallback-lead-time"),
        LineNote::FallbackProductionRate => m.t("note-fallback-production-rate"),
        LineNote::FallbackRecruitmentRate => m.t("note-fallback-recruitment-rate"),
        LineNote::AssembledFromLines => m.t("note-assembled"),
        // A note added to the assessment later reads in English until the catalogue has it.
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn notes_read_as_the_json_in_english_and_in_japanese_in_japanese() {
        let notes = [
            LineNote::Approximated {
                system: "Type 26".into(),
                approximation: Approximation::ExchangeRate { currency: "GBP", used: 2023, year: 2017 },
            },
            LineNote::Approximated {
                system: "FREMM".into(),
                approximation: Approximation::PriceIndex { used: 2020, year: 2018 },
            },
            LineNote::CostProxy { proxy: "frigates".into(), origin: "default".into() },
            LineNote::FallbackLeadTime,
            LineNote::FallbackProductionRate,
            LineNote::FallbackRecruitmentRate,
            LineNote::AssembledFromLines,
        ];
        let (en, ja) = (Messages::new(Lang::En), Messages::new(Lang::Ja));
        for n in &notes {
            if !matches!(n, LineNote::CostProxy { .. }) {
                assert_eq!(note(n, &en), n.to_string());
            }
            let text = note(n, &ja);
            assert!(!text.starts_with('['), "{text}");
            let english_words =
                text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 3).count();
            assert!(english_words <= 1, "English left in {text}");
        }
        assert_eq!(note(&notes[0], &ja), "Type 26：2017年の値に2023年のGBP為替レートを使用");
    }
}
