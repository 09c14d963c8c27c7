//! Tests of the explore report: censored outcomes in every format.

use bulwark_explore::levers::{CensoredChange, LeverEffect, OutcomeEffect};
use bulwark_explore::outcomes::BALTIC_OUTCOMES;
use bulwark_explore::{Estimate, MorrisIndices, OutcomeCensoring, ParameterInfo};

use super::*;

fn report(analysis: Analysis, censoring: Option<OutcomeCensoring>) -> ExploreReport {
    ExploreReport {
        model: "baltic",
        scenario: Some("baseline".into()),
        outcome: BALTIC_OUTCOMES[1],
        seed: 7,
        n_runs: 4,
        parameters: vec![ParameterInfo {
            name: "campaign_exponent".into(),
            unit: "fraction".into(),
            distribution: bulwark_core::Distribution::Uniform { min: 0.5, max: 1.0 },
        }],
        analysis,
        censoring,
    }
}

fn estimate(value: f64) -> Estimate {
    Estimate { value, low: value, high: value }
}

/// Review finding 1 (second review): a lever on a censored time shows the share beyond the
/// horizon without and with the lever and the runs compared, never an hours figure made of
/// the held runs' code, and a change with no run to compare reads "—", never NaN.
#[test]
fn review_1_levers_on_a_censored_time_show_the_share_beyond_the_horizon() {
    let effect = |lever: &str, change: f64, n_compared| LeverEffect {
        lever: lever.into(),
        description: String::new(),
        cost_eur_bn: 2.0,
        cost_source: None,
        moves: vec![],
        outcomes: vec![OutcomeEffect {
            outcome: BALTIC_OUTCOMES[1],
            without: 200.0,
            with: 200.0 + change,
            change: estimate(change),
            change_per_eur_bn: Some(estimate(change / 2.0)),
            change_p5: change,
            change_p95: change,
            censoring: Some(CensoredChange {
                horizon: 720.0,
                beyond_without: 0.25,
                beyond_with: 0.5,
                n_compared,
            }),
        }],
    };
    let analysis = Analysis::Levers {
        resamples: 10,
        confidence: 0.9,
        effects: vec![effect("forward_heavy_brigade", 0.0, 2), effect("nothing_compared", f64::NAN, 0)],
    };
    let report = report(analysis, None);
    for format in [ExploreFormat::Table, ExploreFormat::Md, ExploreFormat::Html] {
        let text = render(&report, format, &Messages::new(Lang::En));
        assert!(text.contains("25.0 % → 50.0 %") && text.contains("runs compared"), "{text}");
        assert!(text.contains("is censored at the horizon (720 hours)"), "{text}");
        assert!(!text.contains("NaN"), "{text}");
    }
    let json: Value =
        serde_json::from_str(&render(&report, ExploreFormat::Json, &Messages::new(Lang::En))).unwrap();
    let outcome = &json["analysis"]["levers"][0]["outcomes"][0];
    assert_eq!(outcome["censoring"]["share_beyond_with"], 0.5);
    assert_eq!(json["analysis"]["levers"][1]["outcomes"][0]["change"]["value"], Value::Null);
}

/// Morris, Sobol and PRIM on a censored time describe its code: the report says so, with
/// the runs beyond the horizon and the outcome that is the share itself.
#[test]
fn review_1_a_screened_censored_time_says_what_its_figures_describe() {
    let indices = MorrisIndices { mu: vec![1.0], mu_star: vec![estimate(1.0)], sigma: vec![0.5] };
    let analysis = Analysis::Morris { trajectories: 2, levels: 4, candidates: 0, confidence: 0.9, indices };
    let censoring =
        OutcomeCensoring { horizon: 720.0, share_outcome: Some("baltic.held"), n_beyond: 3, n_runs: 4 };
    let report = report(analysis, Some(censoring));
    let text = render(&report, ExploreFormat::Table, &Messages::new(Lang::En));
    assert!(text.contains("3 of 4 runs (75.0 %) are beyond the horizon"), "{text}");
    assert!(text.contains("describe that coded value") && text.contains("`baltic.held`"), "{text}");
    let json: Value =
        serde_json::from_str(&render(&report, ExploreFormat::Json, &Messages::new(Lang::En))).unwrap();
    assert_eq!(json["censoring"]["runs_beyond_horizon"], 3);
}
