//! Tests of the nuclear resolve and ensemble on the embedded dataset and scenarios.

use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan, Shard};
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
    // New START has expired in the baseline: the uploads go onto the missiles.
    let upload = |state: &str| match state {
        "RUS" => a.new_start.upload_rus_warheads,
        _ => a.new_start.upload_usa_warheads,
    };
    assert!(close(a.new_start.expired, 1.0));
    assert!(close(deployed("USA"), 1670.0 + upload("USA")));
    assert!(close(deployed("RUS"), 1718.0 + upload("RUS")));
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
fn the_option_table_has_the_ten_options_ranked() {
    let a = run("baseline");
    let options = &a.outcome.options;
    assert_eq!(options.len(), 10);
    assert_eq!(options.iter().map(|o| o.rank).collect::<Vec<_>>(), (1..=10).collect::<Vec<_>>());
    let non_compliant: Vec<&str> =
        options.iter().filter(|o| !o.option.npt_compliant).map(|o| o.option.id.as_str()).collect();
    assert_eq!(non_compliant, vec!["national_arsenal"]);
    assert_eq!(a.option_reasons.len(), 10);
    for pair in options.windows(2) {
        assert!(pair[0].score >= pair[1].score);
    }
    // Without the US in the scenario, restoring "its" umbrella changes nothing.
    let gone = run("us-full-withdrawal");
    let us = gone.outcome.options.iter().find(|o| o.option.id == "us_umbrella").unwrap();
    assert!(close(us.credibility_change, 0.0));
}

/// The baseline with some parameters set to other central values.
fn run_with(overrides: &[(&str, f64)]) -> NuclearAssessment {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    let mut values = ParamValues::central(&scenario);
    for (name, value) in overrides {
        values.set(Param::from_name(name).unwrap(), *value);
    }
    assess_with(&dataset, &scenario, &values, true).unwrap()
}

#[test]
fn new_start_is_a_switch_for_the_russian_and_us_numbers() {
    let kept = run_with(&[("nuclear_new_start_expired", 0.0)]);
    let deployed = |a: &NuclearAssessment, state: &str| a.inputs.force(state).unwrap().deployed_warheads();
    assert!(close(deployed(&kept, "RUS"), 1718.0));
    assert!(close(deployed(&kept, "USA"), 1670.0));
    let lapsed = run_with(&[("nuclear_upload_rus_warheads", 300.0), ("nuclear_upload_usa_warheads", 0.0)]);
    assert!(close(deployed(&lapsed, "RUS"), 2018.0));
    assert!(close(deployed(&lapsed, "USA"), 1670.0));
    // More Russian warheads: every patron's resolve falls.
    for (before, after) in kept.outcome.resolve.iter().zip(&lapsed.outcome.resolve) {
        assert!(after.parts.resolve < before.parts.resolve, "{}", before.state);
    }
}

#[test]
fn resolve_is_each_patrons_own() {
    let a = run("baseline");
    let resolve = |state: &str| a.outcome.resolve.iter().find(|r| r.state == state).unwrap();
    // Russia can do far more damage, relative to its population, to France than to the US:
    // "Paris for Tallinn" is a harder bargain than "Washington for Tallinn".
    assert!(resolve("FRA").parts.damage_ratio > 5.0 * resolve("USA").parts.damage_ratio);
    assert!(resolve("FRA").parts.resolve < resolve("USA").parts.resolve);
    assert!(resolve("GBR").parts.resolve < resolve("USA").parts.resolve);
    // The value comes from the dataset's populations: the US has about five times France's.
    let ratio = resolve("USA").parts.value_warheads / resolve("FRA").parts.value_warheads;
    assert!((4.5..5.5).contains(&ratio), "{ratio}");
    // Movers: more forces in the ally raise resolve, more Russian warheads lower it.
    for r in &a.outcome.resolve {
        assert!(r.movers[0].1 >= r.parts.resolve && r.movers[3].1 < r.parts.resolve, "{}", r.state);
    }
}

#[test]
fn the_curve_follows_the_election_calendars() {
    let a = run("baseline");
    let curve = &a.outcome.curve_with_us;
    assert_eq!(curve.first().map(|p| p.year), Some(2026));
    assert_eq!(curve.last().map(|p| p.year), Some(2036));
    let at = |year: u16| curve.iter().find(|p| p.year == year).unwrap().credibility;
    // The US votes in November 2028: the curve steps down there, not in 2029 or 2030.
    assert!(at(2028) < at(2027));
    assert!(close(at(2030), at(2029)));
    let years =
        |state: &str| a.outcome.resolve.iter().find(|r| r.state == state).unwrap().election_years.clone();
    assert_eq!(years("FRA"), vec![2027.0, 2032.0]);
    assert_eq!(years("USA"), vec![2028.0, 2032.0, 2036.0]);
    assert_eq!(years("GBR"), vec![2029.0, 2034.0]);
    assert!(close(curve.last().unwrap().credibility, a.outcome.with_us.credibility));
}

#[test]
fn the_package_search_respects_the_budget_year_and_treaty() {
    let a = run("baseline");
    let search = a.outcome.packages.as_ref().unwrap();
    assert_eq!(search.best.len(), TOP_PACKAGES);
    for p in &search.best {
        assert!(p.annual_cost_eur_bn <= a.limits.budget_eur_bn + 1e-9);
        assert!(p.years_to_implement <= a.package_by_year - f64::from(START_YEAR) + 1e-9);
        assert!(p.npt_compliant && !p.option_ids.iter().any(|id| id == "us_umbrella"));
        assert!(p.credibility > a.outcome.without_us.credibility);
    }
    // Without the treaty switch the national arsenal may join packages.
    let open = run_with(&[
        ("nuclear_package_npt_only", 0.0),
        ("nuclear_package_budget_eur_bn", 50.0),
        ("nuclear_package_by_year", 2045.0),
    ]);
    let top = &open.outcome.packages.as_ref().unwrap().best[0];
    assert!(top.option_ids.iter().any(|id| id == "national_arsenal") && !top.npt_compliant);
}

#[test]
fn the_pooled_force_is_outside_the_npt_only_with_joint_release() {
    let pooled = |a: &NuclearAssessment| {
        a.outcome.options.iter().find(|o| o.option.id == "european_pooled").unwrap().option.npt_compliant
    };
    assert!(pooled(&run("baseline")));
    assert!(!pooled(&run_with(&[("nuclear_opt_european_pooled_joint_release", 1.0)])));
}

#[test]
fn reader_figures_come_with_their_sources() {
    let a = run("baseline");
    let f = &a.figures;
    let value = |fig: &Option<SourcedFigure>| fig.as_ref().unwrap().value;
    assert!(close(value(&f.uk_france_deployed_warheads), 400.0));
    assert!(close(value(&f.us_deployed_strategic_warheads), 1670.0));
    assert!(close(value(&f.rus_deployed_strategic_warheads), 1718.0));
    assert!(close(value(&f.uk_france_cost_usd_bn), 16.5));
    assert_eq!(
        f.uk_france_cost_usd_bn.as_ref().unwrap().sources,
        vec!["ican-2023-spending".to_string(), "ican-2024-spending-reuters".to_string()]
    );
    // EU members and the UK: SIPRI's figures, above USD 500 bn (SIPRI fact sheet, April 2026).
    let spending = f.europe_defence_spending_usd_bn.as_ref().unwrap();
    assert!(spending.value > 500.0 && spending.value < 700.0, "{}", spending.value);
    let dataset = Dataset::embedded().unwrap();
    for figure in [&f.uk_france_deployed_warheads, &f.europe_defence_spending_usd_bn] {
        for source in &figure.as_ref().unwrap().sources {
            assert!(dataset.sources.iter().any(|s| s.id == *source), "{source}");
        }
    }
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
    assert_eq!(one.to_shard_text(), two.to_shard_text());
    assert_eq!(one.to_shard_text(), merged.to_shard_text());
    assert_eq!(one.n_completed(), n_runs);
    // The drawn parameters make the credibility vary.
    let credibility = one.metric("credibility").unwrap();
    assert!(credibility.std_dev() > 0.0);
    assert!((0.0..=1.0).contains(&credibility.min()) && credibility.max() <= 1.0);
    // Ranges for each patron's resolve, every year of the curve and the best packages.
    for name in [
        "resolve_usa",
        "resolve_gbr",
        "resolve_fra",
        "credibility_2026",
        "credibility_2036",
        "package_1_credibility",
    ] {
        let metric = one.metric(name).unwrap();
        assert!(metric.std_dev() > 0.0, "{name}");
        assert!((0.0..=1.0).contains(&metric.min()) && metric.max() <= 1.0, "{name}");
    }
    // No year is more credible than the one before, run by run, so neither is the mean.
    let mean = |year: usize| one.metric(&format!("credibility_{year}")).unwrap().mean();
    for year in 2026..2036 {
        assert!(mean(year + 1) <= mean(year) + 1e-12, "{year}");
    }
}

#[test]
fn the_best_package_range_is_simulate_nuclear_package_1_over_the_same_runs() {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    let assessed = assess_nuclear(&dataset, &scenario).unwrap();
    let range = assessed.ranges.unwrap().best_package_credibility.expect("a range for the best package");
    let summary = simulate(&RunPlan::new(RANGE_RUNS, scenario.seed.value).unwrap());
    let package_1 = summary.metric("package_1_credibility").unwrap();
    assert_eq!(range.low.to_bits(), package_1.quantile(0.05).unwrap().to_bits());
    assert_eq!(range.high.to_bits(), package_1.quantile(0.95).unwrap().to_bits());
    // The central package's credibility lies inside its band, and the band is not a point.
    let best = assessed.outcome.packages.unwrap().best[0].credibility;
    assert!(range.low < best && best < range.high, "{} < {best} < {}", range.low, range.high);
}

#[test]
fn an_evaluation_with_facts_looked_up_once_equals_the_full_assessment() {
    // The ranges evaluate the model with the dataset's fixed figures looked up once; on drawn
    // values (the ranges' own draws) the outcome equals `assess_with`'s exactly.
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    let facts = Facts::from_dataset(&dataset);
    let plan = RunPlan::new(20, scenario.seed.value).unwrap();
    let draws = crate::resolve::ParamDraws::new(
        &scenario,
        Param::of_model(bulwark_scenario::Model::Nuclear),
        &plan,
        bulwark_ensemble::Sampler::MonteCarlo,
    )
    .unwrap();
    assert!(!draws.drawn().is_empty());
    let streams = bulwark_ensemble::Streams::new(scenario.seed.value);
    for run_idx in 0..20 {
        let values = draws.draw(run_idx, &mut streams.run(run_idx));
        for search in [false, true] {
            let full = assess_with(&dataset, &scenario, &values, search).unwrap();
            let fast = evaluate(&dataset, &scenario, &values, search, &facts).unwrap();
            assert_eq!(format!("{:?}", fast.outcome), format!("{:?}", full.outcome), "run {run_idx}");
            assert_eq!(fast.inputs, full.inputs);
        }
    }
}
