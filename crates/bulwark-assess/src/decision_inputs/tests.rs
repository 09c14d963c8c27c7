//! Tests of the decision-time resolution: dataset facts, the assessment's Monte Carlo, and the
//! ensemble's independence of threads and shards.

use bulwark_ensemble::Shard;

use super::*;

fn load(name: &str) -> (Dataset, Scenario) {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load(name, &dataset).unwrap();
    (dataset, scenario)
}

#[test]
fn facts_take_sourced_parliament_rules_and_name_the_judgements() {
    let (dataset, scenario) = load("baseline");
    let facts = facts(&dataset, &scenario);
    let row = |iso3: &str| facts.members.iter().find(|r| r.member.iso3 == iso3).unwrap();
    assert_eq!(row("DEU").member.parliament, Parliament::Required);
    assert_eq!(row("FRA").member.parliament, Parliament::NotRequired);
    assert!(row("DEU").parliament_source.is_some());
    assert_eq!(row("BEL").member.parliament, Parliament::Unknown);
    assert!(facts.judgement_parliament.iter().any(|c| c == "BEL"));
    assert!(facts.judgement_parliament.iter().any(|c| c == "USA"), "the US rule is a judgement too");
    assert!(!facts.judgement_parliament.iter().any(|c| c == "DEU"));
    assert!(row("AUT").eu && !row("AUT").nato && row("TUR").nato && !row("TUR").eu);
    assert_eq!(facts.members.len(), scenario.coalition.value.members.len());
    let us = facts.us.as_ref().unwrap();
    assert!((us.member.forces - 80_000.0).abs() < 1e-9, "US forces in Europe");
    assert!((facts.us_leads - 1.0).abs() < 1e-12);
}

#[test]
fn the_eu_bodies_have_the_27_member_states() {
    let (dataset, scenario) = load("baseline");
    let res = assess_decision(&dataset, &scenario).unwrap();
    assert_eq!(res.bodies[1].n_members, 27);
    assert_eq!(res.bodies[2].n_members, 27);
    assert_eq!(res.bodies[0].n_members, 30, "European NATO members");
}

#[test]
fn the_assessment_is_reproducible_and_consistent() {
    let (dataset, scenario) = load("baseline");
    let res = assess_decision(&dataset, &scenario).unwrap();
    assert_eq!(res, assess_decision(&dataset, &scenario).unwrap());
    assert_eq!(res.n_draws, ASSESS_DRAWS);
    for body in &res.bodies {
        for dist in [&body.with_us, &body.without_us] {
            assert!((0.0..=1.0).contains(&dist.p_paralysis), "{}", body.id);
            assert!(dist.p_within_required <= 1.0 - dist.p_paralysis + 1e-12, "{}", body.id);
            assert!(dist.cdf.windows(2).all(|pair| pair[0].0 <= pair[1].0 && pair[0].1 <= pair[1].1));
        }
        // Without the US leading, the penalty only delays: never more likely in time.
        if body.id != "nac" && body.id != "willing" {
            assert!(
                body.without_us.p_within_required <= body.with_us.p_within_required + 1e-12,
                "{}",
                body.id
            );
            assert!((body.without_us.p_paralysis - body.with_us.p_paralysis).abs() < 1e-12, "{}", body.id);
        }
    }
    // Unanimity never decides more often than the qualified majority of the same members.
    assert!(res.bodies[1].with_us.p_paralysis >= res.bodies[2].with_us.p_paralysis);
    assert!(res.bodies[1].with_us.p_within_required <= res.bodies[2].with_us.p_within_required);
    assert!(res.p_in_time_without_us <= res.p_in_time_with_us + 1e-12);
    assert!((res.p_in_time - res.p_in_time_with_us).abs() < 1e-12, "the baseline keeps US leadership");
}

#[test]
fn simulate_decision_is_identical_for_any_thread_count_and_shard_split() {
    let (dataset, scenario) = load("baseline");
    let run = |plan: RunPlan| simulate_decision(&dataset, &scenario, &plan, Hooks::default()).unwrap();
    let n_runs = 1500;
    let one = run(RunPlan::new(n_runs, 7).unwrap().with_threads(1).unwrap());
    let two = run(RunPlan::new(n_runs, 7).unwrap().with_threads(2).unwrap());
    assert_eq!(one.to_shard_text(), two.to_shard_text());
    let shards: Vec<EnsembleSummary> = (1..=2)
        .map(|k| {
            let plan = RunPlan::new(n_runs, 7).unwrap().with_shard(Shard::new(k, 2).unwrap());
            run(plan.with_threads(1).unwrap())
        })
        .collect();
    let merged = EnsembleSummary::merge_all(shards).unwrap();
    assert_eq!(merged.to_shard_text(), one.to_shard_text());
    assert_eq!(one.n_completed(), n_runs);
    let with_us = one.metric("in_time").unwrap().mean();
    let without_us = one.metric("in_time_without_us").unwrap().mean();
    assert!(without_us <= with_us, "{without_us} > {with_us}");
}

/// The stream's draws with the parliament's hours computed at once (the trait's defaults), as
/// before the deferred quantile: the reference for `StreamRng`.
struct EagerStreamRng<'a>(StreamRng<'a>);

impl DecisionRng for EagerStreamRng<'_> {
    fn unit(&mut self) -> f64 {
        self.0.unit()
    }
    fn government_hours(&mut self) -> f64 {
        self.0.government_hours()
    }
    fn parliament_hours(&mut self) -> f64 {
        self.0.parliament_hours()
    }
}

#[test]
fn deferred_parliament_hours_give_the_same_draws_bit_for_bit() {
    // Every member of the baseline (parliaments that vote, do not, or are unknown) over many
    // runs: the same decisions, and the stream left at the same place, as when the
    // parliament's hours were computed for every member.
    let (dataset, scenario) = load("baseline");
    let model = ResponseModel::new(&dataset, &scenario).unwrap();
    let streams = bulwark_ensemble::Streams::new(7);
    let mut skipped = 0;
    for run_idx in 0..300 {
        let (mut fast_rng, mut eager_rng) = (streams.run(run_idx), streams.run(run_idx));
        let mut fast = StreamRng { rng: &mut fast_rng, times: &model.times };
        let mut eager = EagerStreamRng(StreamRng { rng: &mut eager_rng, times: &model.times });
        for member in model.inputs.members.iter().chain(&model.inputs.us) {
            let a = decision::member_decision(member, &model.inputs.params, &mut fast);
            let b = decision::member_decision(member, &model.inputs.params, &mut eager);
            assert_eq!(
                (a.hours.to_bits(), a.yes),
                (b.hours.to_bits(), b.yes),
                "run {run_idx} {}",
                member.iso3
            );
            skipped += usize::from(member.parliament != Parliament::Required);
        }
        assert_eq!(fast.unit().to_bits(), eager.unit().to_bits(), "the streams stay in step");
    }
    assert!(skipped > 0, "some parliaments do not always vote");
}
