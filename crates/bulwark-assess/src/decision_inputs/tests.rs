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
    // The US is no judgement of `decision_unknown_parliament_probability`: the War Powers
    // switch says no vote of Congress gates its forces.
    assert!(!facts.judgement_parliament.iter().any(|c| c == "USA"));
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
    assert_eq!(res.bodies[4].id, "order");
    assert_eq!(res.bodies[4].n_members, res.bodies[3].n_members, "the order reaches the coalition");
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
        if body.id != "nac" && body.id != "willing" && body.id != "order" {
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
    // Forces wait for the decision, so the order is never in time more often than the decision.
    let order = &res.bodies[4];
    assert!(order.with_us.p_within_required <= res.p_in_time_with_us + 1e-12);
    assert!(order.without_us.p_within_required <= res.p_in_time_without_us + 1e-12);
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
    fn government_hours(&mut self) -> GovernmentHours {
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
            let bits = |d: decision::MemberDecision| (d.hours.to_bits(), d.yes);
            assert_eq!(
                (bits(a.council), bits(a.forces)),
                (bits(b.council), bits(b.forces)),
                "run {run_idx} {}",
                member.iso3
            );
            skipped += usize::from(member.parliament != Parliament::Required);
        }
        assert_eq!(fast.unit().to_bits(), eager.unit().to_bits(), "the streams stay in step");
    }
    assert!(skipped > 0, "some parliaments do not always vote");
}

/// The baseline's members and bodies at the central parameters, with every parliament rule set
/// to `parliament` (`None`: as the dataset has them).
fn central_model(parliament: Option<Parliament>) -> ResponseModel {
    let (dataset, scenario) = load("baseline");
    let mut model = ResponseModel::new(&dataset, &scenario).unwrap();
    if let Some(rule) = parliament {
        for member in model.inputs.members.iter_mut().chain(&mut model.inputs.us) {
            member.parliament = rule;
        }
    }
    model
}

/// Validation against the record: the North Atlantic Council agreed on 12 September 2001, the
/// day after the attacks on the United States, that Article 5 applied, and activated NATO's
/// defence plans on 24 February 2022, the day of the invasion: with the US leading it decides
/// within a day, whatever the parliaments. Source: North Atlantic Council statements of
/// 12 September 2001 and 24 February 2022 (model card of `bulwark_models::decision`).
///
/// Expected share within 24 h at the central values: every one of the 31 governments (30
/// European allies and the US) instructs within 24 h, `Φ(ln(24/6)/0.7)^31 = 0.97617^31 =
/// 0.4735`, and none refuses: with the common shock (correlation `ρ` 0.3) all say yes with
/// probability `ρ (1 − r) + (1 − ρ)(1 − r)^31 = 0.2975 + 0.7 × 0.7716 = 0.8376` (`r` 0.00833;
/// independent refusals gave 0.7716 and a share of 0.365), so the share is about 0.397;
/// tolerance ±0.03 (four standard errors of 4,000 draws). A parliament never enters: with every parliament
/// voting, or none, the Council's hours are the same bit for bit.
#[test]
fn with_the_us_leading_the_council_decides_within_a_day_in_a_substantial_share_of_draws() {
    let n_runs = 4000;
    let nac_hours = |model: &ResponseModel| -> Vec<u64> {
        let streams = bulwark_ensemble::Streams::new(11);
        (0..n_runs)
            .map(|run_idx| {
                let mut rng = streams.run(run_idx);
                let mut stream = StreamRng { rng: &mut rng, times: &model.times };
                decision::draw(&model.inputs, &mut stream).with_us[0].hours_or_infinity().to_bits()
            })
            .collect()
    };
    let as_is = nac_hours(&central_model(None));
    assert_eq!(as_is, nac_hours(&central_model(Some(Parliament::Required))));
    assert_eq!(as_is, nac_hours(&central_model(Some(Parliament::NotRequired))));
    let within_a_day = as_is.iter().filter(|bits| f64::from_bits(**bits) <= 24.0).count();
    let share = within_a_day as f64 / n_runs as f64;
    assert!((share - 0.397).abs() < 0.03, "NAC within 24 h with the US leading: {share}");
    // Before the separation, every parliament gated the Council: it never decided in 72 h.
    let in_three_days = as_is.iter().filter(|bits| f64::from_bits(**bits) <= 72.0).count();
    assert!(in_three_days as f64 / n_runs as f64 > 0.7, "{in_three_days} of {n_runs} within 72 h");
}

/// Unanimity is still never faster than the qualified majority on the same draws (the EU's
/// two rules on the same 27 governments), with and without the US; and no decision backed by
/// forces comes before the decision itself, nor the order before the headline's decision.
#[test]
fn unanimity_is_never_faster_than_the_majority_and_forces_never_precede_the_decision() {
    let model = central_model(None);
    let mut params = model.inputs.params.clone();
    params.government_refusal_probability = 0.05;
    let streams = bulwark_ensemble::Streams::new(5);
    for run_idx in 0..1000 {
        let mut rng = streams.run(run_idx);
        let outcome = decision::draw_with(
            &model.inputs,
            &params,
            &mut StreamRng { rng: &mut rng, times: &model.times },
        );
        let cases =
            [(&outcome.with_us, &outcome.forces_with_us), (&outcome.without_us, &outcome.forces_without_us)];
        for (decided, backed) in cases {
            let hours = |o: &decision::RuleOutcome| o.hours_or_infinity();
            assert!(hours(&decided[1]) >= hours(&decided[2]), "run {run_idx}: unanimity before majority");
            for (d, b) in decided.iter().zip(backed.iter()) {
                assert!(hours(b) >= hours(d), "run {run_idx}: forces before the decision");
            }
            let decision = hours(&decided[0]).min(hours(&decided[3]));
            let order = hours(&backed[0]).min(hours(&backed[3]));
            assert!(order >= decision, "run {run_idx}");
        }
    }
}

/// US forces never wait for Congress within the War Powers Resolution's 60 days, which outlast
/// every horizon of the models (the campaign's 60 days from the attack): by default no vote
/// gates them, so in every draw they are cleared when the President decides, whatever
/// Congress's time. The switch at 1 brings Congress back as a parliament of unknown rule.
#[test]
fn us_forces_never_wait_for_congress_within_the_horizon() {
    let (dataset, scenario) = load("baseline");
    let us = facts(&dataset, &scenario).us.unwrap();
    assert_eq!(us.member.parliament, Parliament::NotRequired);
    assert!(us.parliament_source.is_none(), "a scenario switch, not a dataset fact");
    let horizon_days = scenario.value(Param::CampaignHorizonDays);
    assert!(horizon_days <= 60.0, "the campaign ends before Congress must authorise: {horizon_days}");
    struct SlowCongress(bulwark_ensemble::RunRng);
    impl DecisionRng for SlowCongress {
        fn unit(&mut self) -> f64 {
            unit_open(&mut self.0)
        }
        fn government_hours(&mut self) -> GovernmentHours {
            let u = self.unit();
            GovernmentHours { council: 10.0 * u, forces: 40.0 * u }
        }
        fn parliament_hours(&mut self) -> f64 {
            1e6
        }
    }
    let params = inputs(&facts(&dataset, &scenario), &ParamValues::central(&scenario)).params;
    let streams = bulwark_ensemble::Streams::new(3);
    for run_idx in 0..500 {
        let mut rng = SlowCongress(streams.run(run_idx));
        let decision = decision::member_decision(&us.member, &params, &mut rng);
        assert!(decision.forces.hours <= 40.0, "run {run_idx}: {}", decision.forces.hours);
    }
    let text = "name = \"x\"\n[parameters.decision_us_congress_gates_forces]\nvalue = 1.0\n";
    let gated = Scenario::parse("test.toml", text, &dataset).unwrap();
    let gated = facts(&dataset, &gated);
    assert_eq!(gated.us.unwrap().member.parliament, Parliament::Unknown);
    assert!(gated.judgement_parliament.iter().any(|c| c == "USA"));
}

#[test]
fn a_scenarios_holdout_reaches_its_member_and_no_other() {
    let dataset = Dataset::embedded().unwrap();
    let text = "name = \"x\"\n[decision.countries.HUN]\nrefusal_probability = 0.25\nrationale = \"Judgement: test\"\n";
    let scenario = Scenario::parse("test.toml", text, &dataset).unwrap();
    let facts = facts(&dataset, &scenario);
    for row in facts.members.iter().chain(&facts.us) {
        let expected = (row.member.iso3 == "HUN").then_some(0.25);
        assert_eq!(row.member.refusal_probability, expected, "{}", row.member.iso3);
    }
}
