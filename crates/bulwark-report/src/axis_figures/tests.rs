//! Tests of the axis figures on small hand-built figures: the English rows read as the report has
//! always written them, the Japanese rows keep no English word, and the JSON carries numbers.

use bulwark_assess::{
    AxisFigures, BodyFigures, CensoredSpread, DecisionFigures, DomainScore, FinancialFigures,
    IamdEnsembleFigures, IamdFigures, ModelRefusal, MultiDomainFigures, NuclearFigures, PatronFigures,
    Spread, SpreadKind, StrategicAssetsFigures,
};
use bulwark_models::force_package::{ForcePackage, PackageLine};
use bulwark_models::nuclear::Balance;
use serde_json::Value;

use super::{rows, to_json};
use crate::i18n::{Lang, Messages};

fn spread(central: f64, low: f64, high: f64) -> Spread {
    Spread { central, low, high, kind: SpreadKind::Percentiles }
}

fn iamd(ensemble: bool) -> IamdFigures {
    IamdFigures {
        days: 30,
        missiles_leaking_per_day_with_us: 34.747,
        missiles_leaking_per_day_without_us: 45.936,
        drones_leaking_per_day_with_us: 191.666,
        drones_leaking_per_day_without_us: 191.666,
        leak_share_with_us: 0.8578,
        leak_share_without_us: 0.9002,
        long_range_runs_out_day_with_us: None,
        long_range_runs_out_day_without_us: Some(19),
        ensemble: ensemble.then(|| IamdEnsembleFigures {
            runs: 2000,
            leak_share_without_us: spread(0.897, 0.8379, 0.9395),
            leak_share_with_us: spread(0.854, 0.7715, 0.9121),
            long_range_runs_out_day_without_us: CensoredSpread {
                share_beyond: 0.21,
                among_events: Some(spread(17.4, 7.0, 29.0)),
            },
            long_range_runs_out_day_with_us: CensoredSpread { share_beyond: 1.0, among_events: None },
        }),
    }
}

fn nuclear() -> NuclearFigures {
    NuclearFigures {
        us_posture_share: 1.0,
        credibility_us_as_today: 0.18495,
        year: 2036,
        us_election_years: vec![2028, 2032, 2036],
        credibility_with_us_first_year: Some((2026, 0.43464)),
        credibility_with_us: 0.18495,
        credibility_with_us_range: Some(spread(0.1816, 0.1057, 0.2724)),
        credibility_without_us: 0.00277,
        credibility_without_us_range: None,
        russian_survivable_warheads: 419.65,
        patrons: vec![
            PatronFigures {
                state: "GBR".into(),
                credibility: 0.00153,
                commitment: 0.7,
                capability: 0.18612,
                resolve: 0.1303,
                political_continuity: 0.9025,
                forward_presence: 0.1,
                survivable_warheads: 37.22,
                adequacy_ratio: 0.18612,
            },
            PatronFigures {
                // Factors whose shown values multiply to 0.183, not the 0.185 shown.
                state: "USA".into(),
                credibility: 0.18495,
                commitment: 0.9,
                capability: 1.0,
                resolve: 0.5349,
                political_continuity: 0.4219,
                forward_presence: 0.9,
                survivable_warheads: 730.0,
                adequacy_ratio: 3.65,
            },
        ],
        balance_with_us: Balance {
            own_warheads: 100.0,
            adversary_warheads: 1554.6,
            ratio: Some(15.546),
            gap_warheads: 1454.6,
        },
        balance_without_us: Balance {
            own_warheads: 0.0,
            adversary_warheads: 1554.6,
            ratio: None,
            gap_warheads: 1554.6,
        },
    }
}

fn decision() -> DecisionFigures {
    DecisionFigures {
        required_hours: 72.0,
        runs: 4000,
        p_in_time_without_us: Spread {
            kind: SpreadKind::ProbabilityInterval,
            ..spread(0.0275, 0.0236, 0.0321)
        },
        p_in_time_us_leading: Spread {
            kind: SpreadKind::ProbabilityInterval,
            ..spread(0.7603, 0.749, 0.7712)
        },
        p_in_time_scenario: 0.76025,
        bodies: vec![
            BodyFigures { body: "nac", median_hours_without_us: Some(277.0), p_paralysis_without_us: 0.4375 },
            BodyFigures { body: "eu_qmv", median_hours_without_us: None, p_paralysis_without_us: 1.0 },
        ],
    }
}

fn package() -> ForcePackage {
    ForcePackage {
        troops: 300_000.0,
        troops_per_brigade: 6000.0,
        brigades: 50.0,
        lines: vec![
            PackageLine {
                line: "main_battle_tanks".into(),
                per_brigade: Some(23.26),
                quantity: Some(1163.0),
                countries: vec!["DEU".into(), "FRA".into()],
            },
            PackageLine {
                line: "artillery_tube".into(),
                per_brigade: None,
                quantity: None,
                countries: vec![],
            },
        ],
    }
}

/// Every variant, refusals included: what a report may have to write.
fn every_axis() -> Vec<AxisFigures> {
    let refused = || ModelRefusal { reason: "x".into() };
    vec![
        AxisFigures::StrategicAssets(StrategicAssetsFigures {
            lines_without_data: vec!["isr_sigint_aircraft".into(), "interceptor_stock".into()],
            iamd: Ok(iamd(true)),
        }),
        AxisFigures::StrategicAssets(StrategicAssetsFigures {
            lines_without_data: vec![],
            iamd: Err(refused()),
        }),
        AxisFigures::Nuclear(Ok(nuclear())),
        AxisFigures::Nuclear(Err(refused())),
        AxisFigures::Financial(FinancialFigures {
            cost_to_close_eur_bn: -0.2,
            cumulative_headroom_eur_bn: 5772.85,
            extra_spending_a_year_eur_bn: 286.12,
            last_critical_gap_closes_year: None,
            end_year: 2050,
        }),
        AxisFigures::Integration(Ok(decision())),
        AxisFigures::Integration(Err(refused())),
        AxisFigures::MultiDomain(MultiDomainFigures {
            domain_scores_without_us: vec![
                DomainScore { domain: "land", score_without_us: 0.898 },
                DomainScore { domain: "strike", score_without_us: 0.9045 },
            ],
            force_package: Some(Ok(package())),
        }),
        AxisFigures::MultiDomain(MultiDomainFigures {
            domain_scores_without_us: vec![],
            force_package: Some(Err(refused())),
        }),
    ]
}

fn row<'a>(rows: &'a [(String, String)], label: &str) -> &'a str {
    rows.iter()
        .find(|(l, _)| l == label)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {label} in {rows:?}"))
}

#[test]
fn english_rows_read_as_the_report_has_always_written_them() {
    let m = Messages::new(Lang::En);
    let all: Vec<(String, String)> = every_axis().iter().flat_map(|f| rows(f, &m)).collect();
    // Review finding 6: lines by name, not by id.
    assert_eq!(row(&all, "lines without data"), "ISR and SIGINT aircraft, Long-range interceptor stock");
    assert_eq!(
        row(
            &all,
            "IAMD ensemble of 2000 runs: share of all threats leaking, Europe alone / with US (mean, p5–p95)"
        ),
        "90 % (84–94 %) / 85 % (77–91 %)"
    );
    // Runs where the magazine lasts are a share, not day 31 averaged into the mean.
    assert_eq!(
        row(
            &all,
            "IAMD ensemble: long-range interceptors run out within 30 days, Europe alone / with US (share of \
             runs; the day when they do: mean, p5–p95)"
        ),
        "in 79 % of runs, day 17 (7–29) / in no run"
    );
    assert_eq!(row(&all, "IAMD: missiles leaking a day over 30 days (with US / without)"), "34.7 / 45.9");
    assert_eq!(row(&all, "IAMD: share of all threats leaking (with US / without)"), "86 % / 90 %");
    assert_eq!(
        row(&all, "IAMD central case: long-range interceptors run out (with US / without)"),
        "lasts 30 days / day 19"
    );
    assert_eq!(row(&all, "IAMD saturation model refused its inputs"), "x");
    // Review finding 3: each credibility names its year, and "as today" the elections before it.
    assert_eq!(
        row(&all, "credibility in 2036, US umbrella as today, after the US elections of 2028, 2032 and 2036"),
        "0.185"
    );
    assert_eq!(row(&all, "credibility in 2026, scenario's US posture, before any election"), "0.435");
    assert_eq!(row(&all, "credibility in 2036, scenario's US posture"), "0.185 (p5–p95 0.106–0.272)");
    assert_eq!(row(&all, "credibility in 2036 without the US"), "0.003");
    assert_eq!(row(&all, "Russian survivable warheads"), "420");
    assert_eq!(
        row(&all, "GBR umbrella (scenario)"),
        "0.002 = commitment 0.700 × capability 0.186 × resolve 0.130 × political continuity 0.902 × forward \
         presence 0.100 (W_s 37, W_s/D 0.19)"
    );
    // Review finding 5: where the shown factors multiply to another credibility than the one
    // shown, the row says the product is of the unrounded factors.
    assert_eq!(
        row(&all, "USA umbrella (scenario)"),
        "0.185 = commitment 0.900 × capability 1.000 × resolve 0.535 × political continuity 0.422 × forward \
         presence 0.900 (W_s 730, W_s/D 3.65; the product of the unrounded factors)"
    );
    assert_eq!(
        row(&all, "non-strategic balance, scenario"),
        "Russia 1555 vs Europe 100 non-strategic warheads (ratio 15.5)"
    );
    assert_eq!(
        row(&all, "non-strategic balance without the US"),
        "Russia 1555 vs Europe 0 non-strategic warheads (unbounded: none on Europe's side)"
    );
    assert_eq!(row(&all, "cost to close over the horizon, EUR bn"), "0", "never -0");
    assert_eq!(row(&all, "cumulative budget headroom, EUR bn"), "5773");
    assert_eq!(row(&all, "last critical gap closes"), "after 2050");
    assert_eq!(
        row(&all, "P(decide within 72 h), Europeans alone (4000 runs)"),
        "0.028 (90 % interval 0.024–0.032)"
    );
    assert_eq!(
        row(&all, "North Atlantic Council (unanimity): median time, P(paralysis) without the US"),
        "277 h, 0.44"
    );
    assert_eq!(
        row(
            &all,
            "EU Council, qualified majority (55 % of states and 65 % of population): median time, P(paralysis) \
             without the US"
        ),
        "never, 1.00"
    );
    assert_eq!(row(&all, "decision-time model"), "not run: x");
    assert_eq!(row(&all, "land score, Europe alone"), "0.90");
    assert_eq!(row(&all, "strike score, Europe alone"), "0.90");
    assert_eq!(
        row(&all, "force package standing for the US land contribution"),
        "300000 troops / 6000 per brigade = 50.0 brigades"
    );
    assert_eq!(row(&all, "force package: Main battle tanks"), "1163 (23.3 per brigade, average of DEU FRA)");
    assert_eq!(row(&all, "force package: Tube artillery"), "no member reports both brigades and this line");
    assert_eq!(row(&all, "force package"), "not derived: x");
}

/// Issue 9: the Japanese figures come from the catalogue, labels and values alike; the only
/// Latin letters left are abbreviations a Japanese report uses too.
#[test]
fn japanese_rows_keep_no_english_word() {
    let m = Messages::new(Lang::Ja);
    // `p` of p5–p95; `x` is the fixture's refusal message, the model's own words.
    const ABBREVIATIONS: [&str; 9] = ["IAMD", "GDP", "ISR", "SIGINT", "EU", "W_s", "W_s/D", "p", "x"];
    for figures in every_axis() {
        let rows = rows(&figures, &m);
        assert!(!rows.is_empty(), "{figures:?}");
        for (label, value) in rows {
            for text in [&label, &value] {
                let english: Vec<&str> = text
                    .split(|c: char| !(c.is_ascii_alphabetic() || c == '_' || c == '/'))
                    .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
                    .filter(|word| !ABBREVIATIONS.contains(word))
                    .collect();
                assert!(english.is_empty(), "English {english:?} in {label}: {value}");
            }
        }
    }
}

/// Every figure the JSON carries is a number (or null); text only names things.
#[test]
fn json_figures_are_numbers_and_identifiers() {
    const NAMES: [&str; 9] = [
        "state",
        "body",
        "line",
        "lines_without_data",
        "countries",
        "band",
        "iamd_refused",
        "nuclear_refused",
        "decision_refused",
    ];
    fn walk(key: &str, value: &Value, numbers: &mut usize) {
        match value {
            Value::Number(_) => *numbers += 1,
            Value::String(text) => assert!(
                NAMES.contains(&key) || key == "force_package_refused",
                "`{key}` holds text {text:?}: figures are numbers"
            ),
            Value::Array(items) => items.iter().for_each(|item| walk(key, item, numbers)),
            Value::Object(map) => map.iter().for_each(|(k, v)| walk(k, v, numbers)),
            Value::Null | Value::Bool(_) => {}
        }
    }
    for figures in every_axis() {
        let mut numbers = 0;
        walk("", &to_json(&figures), &mut numbers);
        let refused = matches!(&figures, AxisFigures::Nuclear(Err(_)) | AxisFigures::Integration(Err(_)))
            || matches!(&figures, AxisFigures::StrategicAssets(f) if f.iamd.is_err())
            || matches!(&figures, AxisFigures::MultiDomain(f) if f.domain_scores_without_us.is_empty());
        assert!(refused || numbers >= 3, "{numbers} numbers in {figures:?}");
    }
    let json = to_json(&AxisFigures::Nuclear(Ok(nuclear())));
    assert_eq!(json["nuclear"]["credibility_without_us"], serde_json::json!(0.00277));
    assert_eq!(json["nuclear"]["patrons"][0]["state"], "GBR");
    assert_eq!(json["nuclear"]["balance_without_us"]["ratio"], Value::Null);
    let json = to_json(&AxisFigures::Integration(Ok(decision())));
    assert_eq!(json["decision"]["bodies"][1]["median_hours_without_us"], Value::Null);
    assert_eq!(json["decision"]["p_in_time_scenario"], serde_json::json!(0.76025));
}
