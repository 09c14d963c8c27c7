//! Tests of the campaign's resolve and ensemble.

use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan, Shard};
use bulwark_models::campaign::simulate;
use bulwark_scenario::Scenario;

use super::*;

fn baseline() -> (Dataset, Scenario) {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    (dataset, scenario)
}

#[test]
fn the_baseline_defines_every_campaign_parameter_the_resolve_reads() {
    let (dataset, scenario) = baseline();
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    // A missing parameter reads as NaN, which the model refuses; so building proves presence.
    let central = |name: &str| crate::resolve::parameter(&scenario, name);
    let inputs = build_inputs(&base, &central, UsShares::of(&scenario), &Growth::default());
    assert!(inputs.is_ok(), "{inputs:?}");
    for name in ["campaign_hold_day", "campaign_hold_confidence", "campaign_horizon_days"] {
        assert!(central(name).is_finite(), "{name}");
    }
}

#[test]
fn forces_come_from_the_dataset_and_the_us_posture_scales_them() {
    let (dataset, scenario) = baseline();
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    assert!(base.europe_brigades > 20.0, "{base:?}");
    assert!(
        (base.us_brigades - 5.0).abs() < 1e-9
            && base.us_combat_aircraft > 0.0
            && base.red_combat_aircraft > 0.0
    );
    let central = |name: &str| crate::resolve::parameter(&scenario, name);
    let with_us = build_inputs(&base, &central, UsShares::of(&scenario), &Growth::default()).unwrap();
    let without = build_inputs(&base, &central, UsShares::NONE, &Growth::default()).unwrap();
    let total = |arrivals: &[(f64, f64)]| arrivals.iter().map(|a| a.1).sum::<f64>();
    assert!(total(with_us.blue_arrivals()) > total(without.blue_arrivals()));
    assert!(
        with_us.blue_multiplier() > without.blue_multiplier(),
        "air, SEAD, tankers and ISR fall without the US"
    );
    let grown = Growth { brigades: 20.0, combat_aircraft: 200.0, ..Growth::default() };
    let bigger = build_inputs(&base, &central, UsShares::NONE, &grown).unwrap();
    assert!(total(bigger.blue_arrivals()) > total(without.blue_arrivals()));
    // The central case runs to an outcome.
    let outcome = simulate(&with_us);
    assert!(outcome.end_hours > 0.0, "{outcome:?}");
}

fn run(plan: &RunPlan) -> String {
    let (dataset, scenario) = baseline();
    simulate_campaign(&dataset, &scenario, plan, Hooks::default()).unwrap().to_shard_text()
}

#[test]
fn the_ensemble_is_identical_for_one_and_two_threads_and_for_shards() {
    let n_runs = 1500;
    let single = run(&RunPlan::new(n_runs, 11).unwrap().with_threads(1).unwrap());
    assert_eq!(run(&RunPlan::new(n_runs, 11).unwrap().with_threads(2).unwrap()), single);
    let shards: Vec<EnsembleSummary> = (1..=2)
        .map(|k| {
            let plan = RunPlan::new(n_runs, 11).unwrap().with_shard(Shard::new(k, 2).unwrap());
            EnsembleSummary::from_shard_text(&run(&plan.with_threads(2).unwrap())).unwrap()
        })
        .collect();
    assert_eq!(EnsembleSummary::merge_all(shards).unwrap().to_shard_text(), single);
}

#[test]
fn without_the_us_the_defence_holds_less_often() {
    let (dataset, scenario) = baseline();
    let campaign = assess_campaign(&dataset, &scenario).unwrap();
    assert!(campaign.with_us.p_hold >= campaign.without_us.p_hold, "{campaign:#?}");
    assert!(campaign.with_us.p_hold_by_day.windows(2).all(|pair| pair[1] <= pair[0] + 1e-12));
    assert_eq!(campaign.by_year.first().map(|y| y.year), Some(crate::money::PRICE_BASE_YEAR));
    assert!(
        campaign.by_year.windows(2).all(|pair| pair[1].p_hold >= pair[0].p_hold - 1e-12),
        "growth never hurts"
    );
}

#[test]
fn a_huge_force_is_split_into_bounded_formations_of_equal_total_power() {
    let unit = |_: usize, _: usize| super::Formation {
        combat_power: 1.0,
        ready_hours: 0.0,
        transit: bulwark_models::campaign::Transit::InPlace,
    };
    let small = super::spread(2.5, unit);
    assert_eq!(small.len(), 3);
    assert!((small.iter().map(|f| f.combat_power).sum::<f64>() - 2.5).abs() < 1e-12);
    let huge = super::spread(1.0e9, unit);
    assert_eq!(huge.len(), super::MAX_FORMATIONS);
    assert!((huge.iter().map(|f| f.combat_power).sum::<f64>() / 1.0e9 - 1.0).abs() < 1e-9);
}
