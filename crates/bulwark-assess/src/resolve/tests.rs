//! Tests of resolve: parameter draws, the lanes' and parts' ensembles, budgets and the ledger's inputs.

use super::*;

/// `draw_into` (one set of values reused) gives `draw`'s values bit for bit and leaves the
/// generator at the same word, with few drawn parameters (room on the stack) and with
/// every uncertainty of the baseline drawn (more than the stack's room); and an ensemble
/// run through `WithDraws` summarises to exactly what the per-run closure gave.
#[test]
fn values_drawn_into_reused_room_equal_fresh_draws_bit_for_bit() {
    use bulwark_ensemble::{Hooks, MetricSpec, RunPlan, Sampler};
    let dataset = Dataset::embedded().unwrap();
    let baseline = Scenario::load("baseline", &dataset).unwrap();
    let plan = RunPlan::new(3000, 11).unwrap();
    let few = [Param::CampaignExponent, Param::AvailabilityLand, Param::CampaignWarningDays];
    let sets = [few.to_vec(), Param::ALL.to_vec()];
    for (candidates, sampler) in sets.iter().zip([Sampler::MonteCarlo, Sampler::LatinHypercube]) {
        let draws = ParamDraws::new(&baseline, candidates.iter().copied(), &plan, sampler).unwrap();
        assert!(!draws.drawn().is_empty());
        if candidates.len() > few.len() {
            assert!(draws.drawn().len() > 64, "the spill path is exercised: {}", draws.drawn().len());
        }
        let streams = Streams::new(11);
        let mut reused = ParamValues::central(&baseline).with(Param::CampaignExponent, f64::NAN);
        for run_idx in [0, 1, 2, 999, 2999] {
            let (mut a, mut b) = (streams.run(run_idx), streams.run(run_idx));
            let fresh = draws.draw(run_idx, &mut a);
            draws.draw_into(run_idx, &mut b, &mut reused);
            for param in Param::ALL {
                assert_eq!(fresh[*param].to_bits(), reused[*param].to_bits(), "{param}");
            }
            let next = |rng: &mut RunRng| bulwark_ensemble::unit_open(rng).to_bits();
            assert_eq!(next(&mut a), next(&mut b));
        }
        let metrics = [MetricSpec::continuous("first").unwrap(), MetricSpec::continuous("next").unwrap()];
        let outcome = |values: &ParamValues, rng: &mut RunRng| {
            let first = values[draws.drawn()[0]];
            RunOutcome::Completed([first, bulwark_ensemble::unit_open(rng) + values[Param::AvailabilityAir]])
        };
        let closure = |run_idx: u64, rng: &mut RunRng| outcome(&draws.draw(run_idx, rng), rng);
        let per_run = bulwark_ensemble::run_ensemble(&plan, &metrics, closure, Hooks::default()).unwrap();
        let batched = WithDraws { draws: &draws, run: outcome };
        let reused = bulwark_ensemble::run_ensemble(&plan, &metrics, batched, Hooks::default()).unwrap();
        assert_eq!(per_run, reused);
    }
}

/// An ensemble run in parts side by side summarises to exactly the whole run at once (a
/// Latin hypercube over the ensemble, as the headline ranges draw, and the rows' order
/// visible in the sums), whatever the number of parts, on 1 and 2 threads.
#[test]
fn an_ensemble_run_in_parts_equals_the_whole_bit_for_bit() {
    use bulwark_ensemble::{Hooks, MetricSpec, RunPlan, Sampler};
    let dataset = Dataset::embedded().unwrap();
    let baseline = Scenario::load("baseline", &dataset).unwrap();
    let plan = RunPlan::new(100, 23).unwrap();
    let candidates = crate::core_parameters();
    let draws = ParamDraws::new(&baseline, candidates, &plan, Sampler::LatinHypercube).unwrap();
    assert!(draws.drawn().len() > 2);
    let metrics = ["first", "second", "third"].map(|name| MetricSpec::continuous(name).unwrap());
    let model = |run_idx: u64, rng: &mut RunRng| {
        let values = draws.draw(run_idx, rng);
        let [a, b, c] = [0, 1, 2].map(|k| values[draws.drawn()[k]]);
        RunOutcome::Completed([a, b * c + run_idx as f64, bulwark_ensemble::unit_open(rng)])
    };
    let whole = bulwark_ensemble::run_ensemble(&plan, &metrics, model, Hooks::default()).unwrap();
    assert_eq!(whole.n_completed(), 100);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        for n_parts in [1, 3, 8, 100, 150] {
            let parts = pool.install(|| run_ensemble_in_parts(&plan, &metrics, model, n_parts).unwrap());
            assert_eq!(parts, whole, "{n_parts} parts on {threads} threads");
        }
    }
}

/// The campaign's ensemble through the lanes (`CampaignLanes`, several runs side by side)
/// summarises to exactly what one run at a time through `simulate` gives, run for run the
/// same outcome bits; with the US's posture of the baseline and of a withdrawal, for 1 and 2
/// threads and over two shards merged.
#[test]
fn the_campaign_in_lanes_equals_one_run_at_a_time_bit_for_bit() {
    use bulwark_ensemble::{EnsembleSummary, Hooks, MetricSpec, RunPlan, Sampler, Shard};
    use bulwark_models::campaign::simulate;
    use bulwark_scenario::{Kind, Model};

    use crate::campaign_inputs::{
        build_inputs, europe_growth, growth_in, CampaignBase, RunContext, UsShares,
    };
    use crate::decision_inputs::ResponseModel;

    let dataset = Dataset::embedded().unwrap();
    for name in ["baseline", "us-full-withdrawal"] {
        let scenario = Scenario::load(name, &dataset).unwrap();
        let base = CampaignBase::from_dataset(&dataset, &scenario);
        let response = ResponseModel::new(&dataset, &scenario).unwrap();
        let growth = growth_in(&europe_growth(&dataset, &scenario), 2030);
        let us = UsShares::of(&scenario);
        let plan = RunPlan::new(1500, 5).unwrap();
        let candidates = Param::ALL
            .iter()
            .copied()
            .filter(|p| p.kind() == Kind::Uncertain && matches!(p.model(), Model::Campaign | Model::Threat));
        let draws = ParamDraws::new(&scenario, candidates, &plan, Sampler::MonteCarlo).unwrap();
        // Every figure of the outcome, so that any bit that differs shows.
        let metrics = ["end_hours", "advance_km", "blue", "red", "blue_losses", "red_losses"]
            .map(|name| MetricSpec::continuous(name).unwrap());
        let prepare = |value: &ParamValues, rng: &mut RunRng| {
            let with_us = bulwark_ensemble::unit_open(rng) < us.enablers;
            let context = RunContext { year: 2030, response_hours: response.draw_hours(rng, with_us) };
            build_inputs(&base, value, us, &growth, context).map_err(|_| RunOutcome::Failed("invalid inputs"))
        };
        let outcome = |o: &CampaignOutcome| {
            RunOutcome::Completed([o.end_hours, o.advance_km, o.blue, o.red, o.blue_losses, o.red_losses])
        };
        let alone = |value: &ParamValues, rng: &mut RunRng| match prepare(value, rng) {
            Ok(inputs) => outcome(&simulate(&inputs)),
            Err(failed) => failed,
        };
        let one_by_one = bulwark_ensemble::run_ensemble(
            &plan.clone().with_threads(1).unwrap(),
            &metrics,
            WithDraws { draws: &draws, run: alone },
            Hooks::default(),
        )
        .unwrap();
        let lanes = |plan: &RunPlan| {
            let model = CampaignLanes { draws: &draws, prepare, outcome };
            bulwark_ensemble::run_ensemble(plan, &metrics, model, Hooks::default()).unwrap()
        };
        assert_eq!(lanes(&plan.clone().with_threads(1).unwrap()), one_by_one, "{name}");
        assert_eq!(lanes(&plan.clone().with_threads(2).unwrap()), one_by_one, "{name}");
        let shards: Vec<EnsembleSummary> =
            (1..=2).map(|k| lanes(&plan.clone().with_shard(Shard::new(k, 2).unwrap()))).collect();
        assert_eq!(EnsembleSummary::merge_all(shards).unwrap(), one_by_one, "{name}");
        assert!(one_by_one.n_completed() > 1000, "{name}: the runs complete");
    }
}

#[test]
fn the_baseline_gives_every_catalogue_parameter_a_finite_value() {
    let dataset = Dataset::embedded().unwrap();
    let baseline = Scenario::load("baseline", &dataset).unwrap();
    for param in Param::ALL {
        assert!(baseline.value(*param).is_finite(), "`{param}`");
    }
}

#[test]
fn a_country_may_grow_at_its_own_rate() {
    let dataset = Dataset::embedded().unwrap();
    let text = "name = \"x\"\n[budget.countries.POL]\nreal_gdp_growth_pct = 3.0\n";
    let scenario = Scenario::parse("x.toml", text, &dataset).unwrap();
    let (inputs, _) = budget_inputs(&dataset, &scenario);
    let growth = |iso3: &str| inputs.countries.iter().find(|c| c.iso3 == iso3).unwrap().real_gdp_growth;
    assert!((growth("POL") - 0.03).abs() < 1e-12);
    assert!((growth("DEU") - scenario.value(Param::RealGdpGrowth) / 100.0).abs() < 1e-12);
}

#[test]
fn eu_instruments_reach_only_the_coalitions_eu_members() {
    let dataset = Dataset::embedded().unwrap();
    let mut scenario = Scenario::load("baseline", &dataset).unwrap();
    let all = eu_gdp_share(&dataset, &scenario);
    assert!((0.99..=1.0).contains(&all), "the baseline coalition holds the whole EU: {all}");
    let safe_all: f64 =
        eu_instruments(&dataset, &scenario).iter().filter(|i| i.name == "SAFE loans").map(|i| i.eur_bn).sum();
    assert!((safe_all - 150.0 * all).abs() < 1e-9);
    let deu = Iso3::parse("DEU").unwrap();
    scenario.coalition.value.members = vec![deu, Iso3::parse("GBR").unwrap()];
    let germany = eu_gdp_share(&dataset, &scenario);
    assert!((0.15..0.35).contains(&germany), "Germany is about a quarter of EU GDP: {germany}");
    scenario.coalition.value.members = vec![Iso3::parse("GBR").unwrap(), Iso3::parse("NOR").unwrap()];
    assert!(eu_instruments(&dataset, &scenario).iter().all(|i| i.eur_bn == 0.0), "no EU member, no EU money");
}

#[test]
fn us_holdings_in_europe_feed_the_ledger_and_posture_scales_them() {
    let dataset = Dataset::embedded().unwrap();
    let baseline = Scenario::load("baseline", &dataset).unwrap();
    let withdrawal = Scenario::load("us-full-withdrawal", &dataset).unwrap();
    let line = dataset.line("destroyers").unwrap();
    let (today, _) = ledger_input(&dataset, &baseline, line, None);
    let (gone, _) = ledger_input(&dataset, &withdrawal, line, None);
    assert!(today.us_full.is_some_and(|u| u > 0.0));
    assert!((today.us_posture - 1.0).abs() < 1e-12 && gone.us_posture.abs() < 1e-12);
}
