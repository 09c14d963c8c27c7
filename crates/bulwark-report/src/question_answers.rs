//! A question's answer, from the assessment's typed numbers ([`Answer`]): one paragraph in the
//! report's language (`answer-q*` of `locales/*/axes.ftl`; the JSON's `answer` and the HTML's
//! fallback when no fuller answer is written), and the numbers themselves as JSON.

use bulwark_assess::{Answer, OwnDeterrentAnswer, StopRussiaAnswer, UmbrellaAnswer};
use serde_json::{json, Value};

use crate::i18n::{Lang, Messages};

/// The answer as one paragraph.
pub(crate) fn paragraph(answer: &Answer, m: &Messages) -> String {
    match answer {
        Answer::Umbrella(a) => umbrella(a, m),
        Answer::StopRussia(a) => stop_russia(a, m),
        Answer::OwnDeterrent(a) => own_deterrent(a, m),
    }
}

fn umbrella(a: &UmbrellaAnswer, m: &Messages) -> String {
    m.f(
        "answer-q1",
        &[
            ("year", a.by_year.to_string().into()),
            ("today", format!("{:.3}", a.credibility_us_as_today).into()),
            ("alone", format!("{:.3}", a.credibility_without_us).into()),
        ],
    )
}

fn stop_russia(a: &StopRussiaAnswer, m: &Messages) -> String {
    let pct = |p: f64| m.pct(100.0 * p, 0);
    let median = |hours: Option<f64>| match hours {
        Some(h) => m.f("answer-q2-median", &[("hours", format!("{h:.0}").into())]),
        None => m.t("answer-q2-held"),
    };
    let span = |years: &[u16]| {
        if years.is_empty() {
            return m.t("answer-q2-no-year");
        }
        m.f(
            "answer-q2-span",
            &[
                ("n", years.len().to_string().into()),
                ("total", a.years_assessed.to_string().into()),
                ("years", m.year_runs(years).into()),
            ],
        )
    };
    let day = format!("{:.0}", a.hold_day);
    let mut sentences = vec![
        m.f(
            "answer-q2",
            &[
                ("year", a.year.to_string().into()),
                ("day", day.as_str().into()),
                ("with", pct(a.p_hold_with_us).into()),
                ("with_median", median(a.median_hours_with_us).into()),
                ("alone", pct(a.p_hold_without_us).into()),
                ("alone_median", median(a.median_hours_without_us).into()),
                ("runs", a.runs.to_string().into()),
                ("seed", a.seed.to_string().into()),
            ],
        ),
        m.f(
            "answer-q2-window",
            &[
                ("day", day.as_str().into()),
                ("confidence", pct(a.hold_confidence).into()),
                ("span", span(&a.window_years_without_us).into()),
                ("span_with", span(&a.window_years_with_us).into()),
            ],
        ),
    ];
    if let Some(lever) = &a.best_lever {
        sentences.push(m.f(
            "answer-q2-lever",
            &[
                ("lever", lever.lever.into()),
                ("years", lever.years_removed.to_string().into()),
                ("gain", format!("{:+.0}", 100.0 * lever.mean_p_hold_gain).into()),
            ],
        ));
    }
    sentences.join(sentence_gap(m))
}

fn own_deterrent(a: &OwnDeterrentAnswer, m: &Messages) -> String {
    let budget = match m.lang() {
        Lang::En => format!("EUR {:.1} bn", a.budget_eur_bn_a_year),
        Lang::Ja => m.eur_bn(a.budget_eur_bn_a_year, 1),
    };
    let year = format!("{:.0}", a.by_year);
    match &a.best {
        Some(best) => m.f(
            "answer-q3",
            &[
                ("budget", budget.into()),
                ("year", year.into()),
                ("options", best.option_ids.join(" + ").into()),
                ("credibility", format!("{:.3}", best.credibility).into()),
                ("us", format!("{:.3}", a.credibility_us_as_today).into()),
                ("alone", format!("{:.3}", a.credibility_without_us).into()),
            ],
        ),
        None => m.f("answer-q3-none", &[("budget", budget.into()), ("year", year.into())]),
    }
}

/// What separates two sentences: a space in English, nothing after a Japanese full stop.
fn sentence_gap(m: &Messages) -> &'static str {
    match m.lang() {
        Lang::En => " ",
        Lang::Ja => "",
    }
}

/// The answer's numbers as JSON (the question's `figures`).
pub(crate) fn to_json(answer: &Answer) -> Value {
    match answer {
        Answer::Umbrella(a) => json!({
            "by_year": a.by_year,
            "credibility_us_as_today": a.credibility_us_as_today,
            "credibility_without_us": a.credibility_without_us,
        }),
        Answer::StopRussia(a) => json!({
            "year": a.year,
            "hold_day": a.hold_day,
            "p_hold_with_us": a.p_hold_with_us,
            "p_hold_without_us": a.p_hold_without_us,
            "median_hours_with_us": a.median_hours_with_us,
            "median_hours_without_us": a.median_hours_without_us,
            "runs": a.runs,
            "seed": a.seed,
            "hold_confidence": a.hold_confidence,
            "years_assessed": a.years_assessed,
            "window_years_without_us": a.window_years_without_us,
            "window_years_with_us": a.window_years_with_us,
            "best_lever": a.best_lever.as_ref().map(|l| json!({
                "lever": l.lever, "years_removed": l.years_removed, "mean_p_hold_gain": l.mean_p_hold_gain,
            })),
        }),
        Answer::OwnDeterrent(a) => json!({
            "budget_eur_bn_a_year": a.budget_eur_bn_a_year,
            "by_year": a.by_year,
            "best": a.best.as_ref().map(|b| json!({ "option_ids": b.option_ids, "credibility": b.credibility })),
            "credibility_us_as_today": a.credibility_us_as_today,
            "credibility_without_us": a.credibility_without_us,
        }),
    }
}

#[cfg(test)]
mod tests {
    use bulwark_assess::{LeverGain, PackageAnswer};

    use super::*;

    fn q2() -> StopRussiaAnswer {
        StopRussiaAnswer {
            year: 2030,
            hold_day: 28.0,
            p_hold_with_us: 0.7515,
            p_hold_without_us: 0.596,
            median_hours_with_us: None,
            median_hours_without_us: Some(410.4),
            runs: 2000,
            seed: 20260101,
            hold_confidence: 0.75,
            years_assessed: 26,
            window_years_without_us: vec![2029, 2030, 2050],
            window_years_with_us: vec![],
            best_lever: Some(LeverGain {
                lever: "manoeuvre_brigades",
                years_removed: 2,
                mean_p_hold_gain: 0.031,
            }),
        }
    }

    fn q3(best: bool) -> OwnDeterrentAnswer {
        OwnDeterrentAnswer {
            budget_eur_bn_a_year: 5.0,
            by_year: 2036.0,
            best: best.then(|| PackageAnswer {
                option_ids: vec!["french_extended".into(), "latent_national".into()],
                credibility: 0.08755,
            }),
            credibility_us_as_today: 0.18495,
            credibility_without_us: 0.00277,
        }
    }

    fn every_answer() -> Vec<Answer> {
        vec![
            Answer::Umbrella(UmbrellaAnswer {
                by_year: 2036,
                credibility_us_as_today: 0.18495,
                credibility_without_us: 0.00277,
            }),
            Answer::StopRussia(q2()),
            Answer::StopRussia(StopRussiaAnswer { best_lever: None, ..q2() }),
            Answer::OwnDeterrent(q3(true)),
            Answer::OwnDeterrent(q3(false)),
        ]
    }

    #[test]
    fn english_answers_read_as_the_assessment_wrote_them() {
        let m = Messages::new(Lang::En);
        let texts: Vec<String> = every_answer().iter().map(|a| paragraph(a, &m)).collect();
        assert_eq!(
            texts[0],
            "Credibility of extended deterrence over a European ally by 2036: 0.185 with the US umbrella as today, \
             0.003 without it."
        );
        assert_eq!(
            texts[1],
            "In a Russian attack on the Baltic states in 2030, the defence holds to day 28 in 75 % of runs with the \
             US (held in most runs) and in 60 % without it (median 410 h to the objective); 2000 runs each, seed \
             20260101. Against Russia's force of each year, Europe alone with its funded build-up holds to day 28 \
             in fewer than 75 % of runs in 3 of 26 years (2029–2030, 2050); with the US in no year. Closing \
             manoeuvre_brigades at once would help most (2 years out of the window, P(hold) +3 points on average)."
        );
        assert!(!texts[2].contains("Closing"), "no lever, no sentence: {}", texts[2]);
        assert_eq!(
            texts[3],
            "The most credible package for EUR 5.0 bn a year by 2036 (french_extended + latent_national) reaches \
             0.088, against 0.185 for the US umbrella as today in 2036 and 0.003 for Europe alone."
        );
        assert_eq!(texts[4], "No package of European options fits EUR 5.0 bn a year by 2036.");
    }

    #[test]
    fn japanese_answers_come_from_the_catalogue() {
        let m = Messages::new(Lang::Ja);
        for answer in every_answer() {
            let text = paragraph(&answer, &m);
            assert!(!text.contains('['), "a missing message in {text}");
            for english in ["Baltic", "runs", "without", "package", "Credibility", "EUR", "year"] {
                assert!(!text.contains(english), "{english} in {text}");
            }
        }
        assert!(paragraph(&Answer::OwnDeterrent(q3(false)), &m).contains("50億ユーロ"));
    }

    #[test]
    fn json_answers_carry_the_numbers() {
        let json = to_json(&Answer::StopRussia(q2()));
        assert_eq!(json["p_hold_without_us"], serde_json::json!(0.596));
        assert_eq!(json["median_hours_with_us"], Value::Null);
        assert_eq!(json["window_years_without_us"], serde_json::json!([2029, 2030, 2050]));
        assert_eq!(json["best_lever"]["years_removed"], serde_json::json!(2));
        let json = to_json(&Answer::OwnDeterrent(q3(false)));
        assert_eq!(json["best"], Value::Null);
        assert_eq!(json["budget_eur_bn_a_year"], serde_json::json!(5.0));
    }
}
