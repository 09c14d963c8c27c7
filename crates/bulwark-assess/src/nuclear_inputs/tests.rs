//! Tests of the nuclear resolve and ensemble on the embedded dataset and scenarios.

use bulwark_ensemble::Shard;
use bulwark_models::nuclear::Factor;

use super::*;

fn run(name: &str) -> NuclearAssessment {
    let dataset = Dataset::embedded().unwrap();
    assess_nuclear(&dataset, &Scenario::load(name, &dataset).unwrap()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn sipri_january_2025_counts_come_through_exactly() {
    let a = run("baseline");
    let counts: Vec<(String, Option<f64>, Option<f64>)> =
        a.states.iter().map(|s| (s.state.clone(), s.deployed_warheads, s.stockpile_warheads)).collect();
    assert_eq!(
        counts,
        vec![
            ("USA".to_string(), Some(1770.0), Some(3700.0)),
            ("RUS".to_string(), Some(1718.0), Some(4309.0)),
            ("GBR".to_string(), Some(120.0), Some(225.0)),
            ("FRA".to_string(), Some(280.0), Some(290.0)),
        ]
    );
    // The strategic legs add up to the total, less the US bombs in Europe (non-strategic).
    let deployed = |state: &str| a.inputs.force(state).unwrap().deployed_warheads();
    assert!(close(deployed("USA"), 1670.0));
    assert!(close(deployed("RUS"), 1718.0));
    assert!(close(deployed("GBR"), 120.0));
    assert!(close(deployed("FRA"), 280.0));
    assert_eq!(a.forward_based_warheads, Some(100.0));
    assert!(close(a.inputs.force("USA").unwrap().nonstrategic_warheads, 100.0));
}

#[test]
fn ican_costs_come_from_the_dataset() {
    let a = run("baseline");
    let costs: Vec<(&str, f64, u16)> = a.costs.iter().map(|c| (c.state.as_str(), c.usd_bn, c.year)).collect();
    assert_eq!(costs, vec![("GBR", 10.4, 2024), ("FRA", 6.1, 2023)]);
    for cost in &a.costs {
        assert!(cost.eur_bn > 0.5 * cost.usd_bn && cost.eur_bn < 1.5 * cost.usd_bn, "{cost:?}");
    }
}

#[test]
fn factors_stay_in_the_unit_interval_in_every_scenario() {
    for name in ["baseline", "us-conventional-withdrawal", "us-full-withdrawal", "intel-cut"] {
        let a = run(name);
        let o = &a.outcome;
        let umbrellas = [&o.with_us, &o.without_us, &o.us_as_today]
            .into_iter()
            .chain(o.options.iter().map(|r| &r.umbrella));
        for umbrella in umbrellas {
            assert!((0.0..=1.0).contains(&umbrella.credibility), "{name}");
            for patron in &umbrella.patrons {
                for factor in Factor::ALL {
                    let value = patron.factors.value(factor);
                    assert!((0.0..=1.0).contains(&value), "{name} {} {factor:?} {value}", patron.state);
                }
            }
        }
    }
}

#[test]
fn removing_the_us_never_raises_europes_credibility() {
    let today = run("baseline");
    let gone = run("us-full-withdrawal");
    assert!(today.outcome.without_us.credibility <= today.outcome.with_us.credibility);
    assert!(gone.outcome.with_us.credibility <= today.outcome.with_us.credibility);
    assert!(close(gone.outcome.with_us.credibility, today.outcome.without_us.credibility));
    assert_eq!(gone.outcome.with_us.balance.ratio, None, "no non-strategic weapons left with Europe");
}

#[test]
fn the_option_table_has_the_nine_options_ranked() {
    let a = run("baseline");
    let options = &a.outcome.options;
    assert_eq!(options.len(), 9);
    assert_eq!(options.iter().map(|o| o.rank).collect::<Vec<_>>(), (1..=9).collect::<Vec<_>>());
    let non_compliant: Vec<&str> =
        options.iter().filter(|o| !o.option.npt_compliant).map(|o| o.option.id.as_str()).collect();
    assert_eq!(non_compliant, vec!["national_arsenal"]);
    assert_eq!(a.option_reasons.len(), 9);
    for pair in options.windows(2) {
        assert!(pair[0].score >= pair[1].score);
    }
    // Without the US in the scenario, restoring "its" umbrella changes nothing.
    let gone = run("us-full-withdrawal");
    let us = gone.outcome.options.iter().find(|o| o.option.id == "us_umbrella").unwrap();
    assert!(close(us.credibility_change, 0.0));
}

fn simulate(plan: &RunPlan) -> EnsembleSummary {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    simulate_nuclear(&dataset, &scenario, plan, Hooks::default()).unwrap()
}

#[test]
fn the_ensemble_is_the_same_for_any_thread_count_and_shard_split() {
    let n_runs = 300;
    let one = simulate(&RunPlan::new(n_runs, 7).unwrap().with_threads(1).unwrap());
    let two = simulate(&RunPlan::new(n_runs, 7).unwrap().with_threads(2).unwrap());
    let shards: Vec<EnsembleSummary> = (1..=2)
        .map(|k| simulate(&RunPlan::new(n_runs, 7).unwrap().with_shard(Shard::new(k, 2).unwrap())))
        .collect();
    let merged = EnsembleSummary::merge_all(shards).unwrap();
    assert_eq!(format_nuclear_summary(&one), format_nuclear_summary(&two));
    assert_eq!(format_nuclear_summary(&one), format_nuclear_summary(&merged));
    assert_eq!(one.to_shard_text(), merged.to_shard_text());
    assert_eq!(one.n_completed(), n_runs);
    // The drawn parameters make the credibility vary.
    let credibility = one.metric("credibility").unwrap();
    assert!(credibility.std_dev() > 0.0);
    assert!((0.0..=1.0).contains(&credibility.min()) && credibility.max() <= 1.0);
}
