//! Validation of the Baltic campaign model (docs/design.md §4.4) against RAND's 2016 wargames:
//! D. A. Shlapak and M. W. Johnson, *Reinforcing Deterrence on NATO's Eastern Flank:
//! Wargaming the Defense of the Baltics*, RAND RR-1253-A, 2016. The scenario
//! `scenarios/validation/rand-2016.toml` writes down the report's assumptions and says where
//! each comes from. Each test prints the engine's figure beside the published one.
//!
//! What this checks and what it does not: in RAND's set-up Red's effective superiority is
//! overwhelming, so the time to the capital is governed by the distance and Red's speed of
//! advance, slowed by the defence's early resistance; the check confirms the engine lands in
//! the published window with those inputs, and that the seven-brigade posture turns the
//! overrun into a stalled attack, as RAND's further games found.

use std::path::Path;

use bulwark_assess::campaign_inputs::{campaign_metrics, simulate_campaign, HoldCurve};
use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan};
use bulwark_scenario::Scenario;

const RUNS: u64 = 2000;

fn rand_2016() -> (Dataset, Scenario) {
    let dataset = Dataset::embedded().expect("embedded dataset");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/validation/rand-2016.toml");
    let scenario = Scenario::load(path.to_str().unwrap(), &dataset).expect("validation scenario loads");
    (dataset, scenario)
}

fn ensemble(dataset: &Dataset, scenario: &Scenario) -> EnsembleSummary {
    let plan = RunPlan::new(RUNS, scenario.seed.value).unwrap();
    simulate_campaign(dataset, scenario, &plan, Hooks::default()).expect("the ensemble runs")
}

fn horizon_hours(scenario: &Scenario) -> i64 {
    (24.0 * scenario.value(bulwark_scenario::Param::CampaignHorizonDays)).ceil() as i64
}

/// RAND (2016): Russian forces reached the outskirts of Tallinn and/or Riga in 36 to 60 hours
/// in every game. The ensemble's median time to the nearer capital must fall in that window.
#[test]
fn rand_2016_median_time_to_tallinn_or_riga() {
    let (dataset, scenario) = rand_2016();
    let summary = ensemble(&dataset, &scenario);
    let hours = summary.metric("hours_to_objective").unwrap();
    let quantile = |q: f64| hours.quantile(q).unwrap();
    let (low, median, high) = (quantile(0.1), quantile(0.5), quantile(0.9));
    println!(
        "RAND 2016 time to Tallinn/Riga: engine median {median:.0} h (10–90 %: {low:.0}–{high:.0} h, \
         {RUNS} runs, {} failed); published 36–60 h",
        summary.n_failed()
    );
    assert!(summary.n_failed() == 0, "{:?}", summary.failures());
    assert!((36.0..=60.0).contains(&median), "median {median} h");
    assert!(campaign_metrics(horizon_hours(&scenario)).is_ok());
}

/// RAND (2016): about seven brigades, three of them heavy armoured, ready at the onset with
/// air support, "might prevent" the rapid overrun. `scenarios/validation/rand-2016-seven-brigades.toml`
/// sets that posture against the 2016 Red force and its follow-on echelons. Published: no time;
/// checked: the objective is not reached within RAND's 60 hours in most runs (tolerance: more
/// than half), and the defence then erodes over weeks (P(hold) falls from day 7 to day 60)
/// instead of holding for ever. The distribution of days is the README's validation figure.
#[test]
fn rand_2016_seven_brigades_turn_the_overrun_into_weeks() {
    let dataset = Dataset::embedded().expect("embedded dataset");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios/validation/rand-2016-seven-brigades.toml");
    let scenario = Scenario::load(path.to_str().unwrap(), &dataset).expect("validation scenario loads");
    let summary = ensemble(&dataset, &scenario);
    let horizon = horizon_hours(&scenario);
    let past_60_hours = HoldCurve::from_summary(&summary, horizon, 60.0 / 24.0).p_hold;
    let curve = HoldCurve::from_summary(&summary, horizon, 28.0);
    let days = |q: f64| {
        curve
            .hours_quantiles
            .iter()
            .find(|(level, _)| (*level - q).abs() < 1e-9)
            .and_then(|(_, h)| *h)
            .map_or_else(|| "held".to_string(), |h| format!("{:.1}", h / 24.0))
    };
    println!(
        "RAND 2016 seven brigades: not at the objective within 60 h in {:.0} % of runs; P(hold) at day \
         {}; days to the objective at 10/25/50/75/90 %: {}/{}/{}/{}/{} ({RUNS} runs)",
        100.0 * past_60_hours,
        curve
            .p_hold_at
            .iter()
            .map(|(d, p)| format!("{d}: {:.0} %", 100.0 * p))
            .collect::<Vec<_>>()
            .join(", "),
        days(0.1),
        days(0.25),
        days(0.5),
        days(0.75),
        days(0.9),
    );
    assert!(summary.n_failed() == 0, "{:?}", summary.failures());
    assert!(past_60_hours > 0.5, "held past 60 h in {past_60_hours:.3} of runs");
    let at = |day: u16| curve.p_hold_at.iter().find(|(d, _)| *d == day).map(|(_, p)| *p).unwrap();
    assert!(at(60) < at(7), "the defence erodes over weeks: day 7 {} → day 60 {}", at(7), at(60));
}
