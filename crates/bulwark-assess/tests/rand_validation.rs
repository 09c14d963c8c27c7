//! Validation of the Baltic campaign model (DESIGN.md §4.4) against RAND's 2016 wargames:
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
use bulwark_core::Distribution;
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
    (24.0 * scenario.central("campaign_horizon_days").unwrap()).ceil() as i64
}

/// Adds `extra` to a parameter's value or to every point of its distribution.
fn add(scenario: &mut Scenario, name: &str, extra: f64) {
    let parameter = scenario.parameters.get_mut(name).expect("parameter exists");
    parameter.distribution = match parameter.distribution.clone() {
        Distribution::Fixed(value) => Distribution::Fixed(value + extra),
        Distribution::Triangular { min, mode, max } => {
            Distribution::Triangular { min: min + extra, mode: mode + extra, max: max + extra }
        }
        Distribution::Uniform { min, max } => Distribution::Uniform { min: min + extra, max: max + extra },
        other => panic!("{name}: add() does not handle {other:?}"),
    };
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

/// RAND (2016): about seven brigades, three of them heavy armoured, ready at the onset "might
/// prevent" the rapid overrun. Added in place to the 2016 set-up (three heavy brigades and four
/// light ones of `campaign_battalions_per_brigade` battalions), the objective must not be
/// reached within 60 hours in most runs.
#[test]
fn rand_2016_seven_brigades_prevent_a_rapid_overrun() {
    let (dataset, mut scenario) = rand_2016();
    let battalions = scenario.central("campaign_battalions_per_brigade").unwrap();
    add(&mut scenario, "campaign_inplace_heavy_bn", 3.0 * battalions);
    add(&mut scenario, "campaign_inplace_light_bn", 4.0 * battalions);
    let summary = ensemble(&dataset, &scenario);
    let curve = HoldCurve::from_summary(&summary, horizon_hours(&scenario), 60.0 / 24.0);
    let hold_day = scenario.central("campaign_hold_day").unwrap();
    let to_hold_day = HoldCurve::from_summary(&summary, horizon_hours(&scenario), hold_day);
    println!(
        "RAND 2016 with seven brigades: objective not reached within 60 h in {:.0} % of runs \
         (held to day {hold_day:.0}: {:.0} %); published: 'might prevent' the rapid overrun",
        100.0 * curve.p_hold,
        100.0 * to_hold_day.p_hold
    );
    assert!(curve.p_hold > 0.5, "held past 60 h in {:.3} of runs", curve.p_hold);
}
