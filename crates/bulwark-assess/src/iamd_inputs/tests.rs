//! Tests of the IAMD resolution: dataset facts, runs with and without the US, sensitivities,
//! and the ensemble's independence of threads and shards.

use bulwark_ensemble::{EnsembleSummary, Shard};

use super::*;

fn load(name: &str) -> (Dataset, Scenario) {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load(name, &dataset).unwrap();
    (dataset, scenario)
}

#[test]
fn facts_come_from_the_inventory_and_production_tables() {
    let (dataset, scenario) = load("baseline");
    let facts = facts(&dataset, &scenario);
    assert!(facts.upper_fire_units_europe.0 > 20.0 && facts.upper_fire_units_europe.1 >= 5);
    assert!((facts.upper_fire_units_us - 24.0).abs() < 1e-9);
    // Iskander: 40 a month (CSIS 2025); cruise: Kalibr 30 + Kh-101 50 a month, the latest figures.
    assert!((facts.production_per_day[0] - 40.0 * 12.0 / 365.25).abs() < 1e-9);
    assert!((facts.production_per_day[1] - 80.0 * 12.0 / 365.25).abs() < 1e-9);
    assert!(facts.production_per_day[2] > 80.0);
    assert!(facts.production_used.iter().all(|p| dataset.source(&p.source).is_some()));
}

#[test]
fn without_the_us_more_gets_through() {
    let (dataset, scenario) = load("baseline");
    let res = assess_iamd(&dataset, &scenario).unwrap();
    assert!(res.outcome_without_us.total_leaked() > res.outcome.total_leaked());
    assert!(res.inputs.interceptors[0].fire_units > res.inputs_without_us.interceptors[0].fire_units);
    let launched = res.outcome.total_launched();
    assert!(launched > 0.0 && (launched - res.outcome_without_us.total_launched()).abs() < 1e-9);
    assert_eq!(res.outcome.days, 30);
}

#[test]
fn sensitivities_move_the_right_way() {
    let (dataset, scenario) = load("baseline");
    let res = assess_iamd(&dataset, &scenario).unwrap();
    let central = res.outcome.total_leaked();
    let find = |input: &str, factor: f64| {
        res.sensitivity.iter().find(|s| s.input == input && (s.factor - factor).abs() < 1e-12).unwrap()
    };
    for input in ["Pk", "interceptor stock"] {
        assert!(find(input, 1.2).total_leaked <= central + 1e-9, "{input}");
        assert!(find(input, 0.8).total_leaked >= central - 1e-9, "{input}");
    }
}

#[test]
fn a_withdrawal_of_the_enablers_equals_the_run_without_the_us() {
    let (dataset, scenario) = load("us-conventional-withdrawal");
    let res = assess_iamd(&dataset, &scenario).unwrap();
    assert!((res.outcome.total_leaked() - res.outcome_without_us.total_leaked()).abs() < 1e-9);
}

#[test]
fn simulate_iamd_is_identical_for_any_thread_count_and_shard_split() {
    let (dataset, scenario) = load("baseline");
    let run = |plan: RunPlan| simulate_iamd(&dataset, &scenario, &plan, Hooks::default()).unwrap();
    let one = run(RunPlan::new(300, 7).unwrap().with_threads(1).unwrap());
    let two = run(RunPlan::new(300, 7).unwrap().with_threads(2).unwrap());
    assert_eq!(one.to_shard_text(), two.to_shard_text());
    let shards: Vec<EnsembleSummary> = (1..=2)
        .map(|k| {
            let plan = RunPlan::new(300, 7).unwrap().with_shard(Shard::new(k, 2).unwrap());
            run(plan.with_threads(1).unwrap())
        })
        .collect();
    let merged = EnsembleSummary::merge_all(shards).unwrap();
    assert_eq!(merged.to_shard_text(), one.to_shard_text());
    assert_eq!(one.n_completed(), 300);
    let with_us = one.metric("total_leakers").unwrap().mean();
    let without_us = one.metric("total_leakers_without_us").unwrap().mean();
    assert!(without_us > with_us, "{without_us} ≤ {with_us}");
}
