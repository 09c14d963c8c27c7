//! Tests of the campaign's resolve and ensemble.

use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan, Shard};
use bulwark_models::campaign::simulate;
use bulwark_scenario::Scenario;

use super::*;

/// The central year, and an order given three days after mobilisation starts.
fn context() -> RunContext {
    RunContext { year: 2030, response_hours: 72.0 }
}

fn baseline() -> (Dataset, Scenario) {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    (dataset, scenario)
}

#[test]
fn the_baseline_central_values_build_valid_campaign_inputs() {
    let (dataset, scenario) = baseline();
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    let central = ParamValues::central(&scenario);
    let inputs = build_inputs(&base, &central, UsShares::of(&scenario), &Growth::default(), context());
    assert!(inputs.is_ok(), "{inputs:?}");
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
    let central = ParamValues::central(&scenario);
    let with_us =
        build_inputs(&base, &central, UsShares::of(&scenario), &Growth::default(), context()).unwrap();
    let without = build_inputs(&base, &central, UsShares::NONE, &Growth::default(), context()).unwrap();
    let total = |arrivals: &[(f64, f64)]| arrivals.iter().map(|a| a.1).sum::<f64>();
    assert!(total(with_us.blue_arrivals()) > total(without.blue_arrivals()));
    assert!(
        with_us.blue_multiplier() > without.blue_multiplier(),
        "air, SEAD, tankers and ISR fall without the US"
    );
    let grown = Growth { brigades: 20.0, combat_aircraft: 200.0, ..Growth::default() };
    let bigger = build_inputs(&base, &central, UsShares::NONE, &grown, context()).unwrap();
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
fn the_assessment_reports_days_quantiles_and_the_window() {
    let (dataset, scenario) = baseline();
    let campaign = assess_campaign(&dataset, &scenario).unwrap();
    assert_eq!(campaign.year, 2030);
    for curve in [&campaign.with_us, &campaign.without_us] {
        assert!(curve.p_hold_by_day.windows(2).all(|pair| pair[1] <= pair[0] + 1e-12));
        let days: Vec<u16> = curve.p_hold_at.iter().map(|(day, _)| *day).collect();
        assert_eq!(days, REPORT_DAYS.to_vec(), "the horizon covers day 60");
        let hours: Vec<f64> = curve.hours_quantiles.iter().filter_map(|(_, h)| *h).collect();
        assert!(hours.windows(2).all(|pair| pair[0] <= pair[1]), "{:?}", curve.hours_quantiles);
    }
    assert_eq!(campaign.by_year.first().map(|y| y.year), Some(crate::money::PRICE_BASE_YEAR));
    // The window is exactly the years below the confidence, with and without the US.
    let below: Vec<u16> =
        campaign.by_year.iter().filter(|y| y.p_hold < campaign.hold_confidence).map(|y| y.year).collect();
    assert_eq!(campaign.window.years_without_us, below);
    assert_eq!(campaign.window.levers.len(), 6);
    assert!(campaign.window.levers.windows(2).all(|pair| pair[0].years_removed >= pair[1].years_removed));
    // While Russia is tied down in Ukraine (the base year) it has fewer battalions to send.
    let first = campaign.by_year.first().unwrap().red_battalions.0;
    let in_2030 = campaign.by_year.iter().find(|y| y.year == 2030).unwrap().red_battalions.0;
    assert!(first < in_2030, "{first} vs {in_2030}");
}

#[test]
fn against_a_fixed_red_force_europe_growth_never_hurts() {
    // Common random numbers: every configuration draws the same parameters run by run, so with
    // Red fixed the only differences are Blue's.
    let (dataset, mut scenario) = baseline();
    scenario.parameters.get_mut("campaign_red_fixed_battalions").unwrap().distribution =
        bulwark_core::Distribution::Fixed(30.0);
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    let response = crate::decision_inputs::ResponseModel::new(&dataset, &scenario).unwrap();
    let plan = RunPlan::new(300, 3).unwrap();
    let p_hold = |growth: &Growth| {
        let configuration = ensemble::Configuration { us: UsShares::NONE, growth, year: 2030 };
        let summary = ensemble::run_configuration(
            &base,
            &response,
            &scenario,
            configuration,
            &plan,
            Hooks::default(),
            None,
        )
        .unwrap();
        HoldCurve::from_summary(&summary, ensemble::horizon_hours(&scenario), 28.0).p_hold
    };
    let none = p_hold(&Growth::default());
    let grown = p_hold(&Growth {
        brigades: 60.0,
        combat_aircraft: 400.0,
        sead: 40.0,
        tankers: 40.0,
        ..Growth::default()
    });
    assert!(grown >= none, "{none} → {grown}");
    assert!(grown > none, "sixty brigades and 400 aircraft must show: {none} → {grown}");
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

#[test]
fn a_new_brigade_is_priced_from_the_dataset() {
    let (dataset, scenario) = baseline();
    let cost = brigade_cost(&dataset, &scenario);
    // Tanks, fighting vehicles and guns of an average coalition brigade at their sourced unit
    // costs: billions of euros, and a yearly running cost below the price (the build-up
    // model's condition for monotonicity).
    assert!((1.0..20.0).contains(&cost.equipment_eur_bn), "{cost:?}");
    assert!(cost.running_eur_bn > 0.0 && cost.running_eur_bn < cost.equipment_eur_bn, "{cost:?}");
}

/// `scenario` with `param` fixed at `value`.
fn with_value(scenario: &Scenario, param: Param, value: f64) -> Scenario {
    let mut out = scenario.clone();
    out.parameters.get_mut(param.name()).unwrap().distribution = bulwark_core::Distribution::Fixed(value);
    out
}

/// P(hold) to day 28 without the US in `year`, for `scenario` and `growth`, on common random
/// numbers (300 runs, seed 5).
fn p_hold_in(dataset: &Dataset, scenario: &Scenario, growth: &Growth, year: u16) -> f64 {
    let base = CampaignBase::from_dataset(dataset, scenario);
    let response = crate::decision_inputs::ResponseModel::new(dataset, scenario).unwrap();
    let plan = RunPlan::new(300, 5).unwrap();
    let configuration = ensemble::Configuration { us: UsShares::NONE, growth, year };
    let summary =
        ensemble::run_configuration(&base, &response, scenario, configuration, &plan, Hooks::default(), None)
            .unwrap();
    HoldCurve::from_summary(&summary, ensemble::horizon_hours(scenario), 28.0).p_hold
}

#[test]
fn spending_more_headroom_on_land_forces_raises_p_hold_in_a_later_year() {
    let (dataset, scenario) = baseline();
    let (little, more) = (
        with_value(&scenario, Param::BuildupLandShare, 0.02),
        with_value(&scenario, Param::BuildupLandShare, 0.2),
    );
    let growth = |s: &Scenario| growth_in(&europe_growth(&dataset, s), 2040);
    let (g_little, g_more) = (growth(&little), growth(&more));
    // The gap closure does not depend on the land share; the build-up does.
    assert_eq!(g_little.brigades.to_bits(), g_more.brigades.to_bits());
    assert!(g_more.headroom_brigades > g_little.headroom_brigades + 5.0, "{g_little:?} {g_more:?}");
    // Nothing is ready before the first lead time has passed.
    assert_eq!(
        growth_in(&europe_growth(&dataset, &more), 2026).headroom_brigades.to_bits(),
        0.0f64.to_bits()
    );
    let (p_little, p_more) =
        (p_hold_in(&dataset, &little, &g_little, 2040), p_hold_in(&dataset, &more, &g_more, 2040));
    assert!(p_more > p_little, "land share 0.02 → {p_little}, 0.2 → {p_more}");
}

#[test]
fn a_stronger_commitment_response_raises_p_hold() {
    let (dataset, scenario) = baseline();
    let growth = growth_in(&europe_growth(&dataset, &scenario), 2040);
    let p_hold = |response: f64| {
        let s = with_value(&scenario, Param::CampaignEuropeCommitResponse, response);
        p_hold_in(&dataset, &s, &growth, 2040)
    };
    let (weak, strong) = (p_hold(0.5), p_hold(1.5));
    assert!(strong > weak, "response 0.5 → {weak}, 1.5 → {strong}");
}

#[test]
fn retirement_lowers_russias_later_force_only_after_the_war() {
    let (dataset, scenario) = baseline();
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    let battalions = |rate: f64, year: u16| {
        let mut value = ParamValues::central(&scenario);
        value.set(Param::ThreatRetirementRate, rate);
        crate::threat_inputs::battalions_in(&base.threat, &value, year).unwrap()
    };
    // The baseline's war ends in 2027: no retirement before.
    assert_eq!(battalions(0.0, 2026).to_bits(), battalions(0.04, 2026).to_bits());
    let (kept, retired) = (battalions(0.0, 2045), battalions(0.04, 2045));
    assert!(retired < 0.9 * kept, "2045 without retirement {kept}, with 4 % a year {retired}");
    assert!(battalions(0.08, 2045) < retired);
}

proptest::proptest! {
    /// Europe's commitment never falls when Red masses more, Europe has more brigades or
    /// answers more strongly, and stays between its floor and its cap.
    #[test]
    fn europe_commits_more_when_red_masses_more(
        floor in 0.0f64..0.3,
        cap in 0.0f64..0.6,
        response in 0.0f64..2.0,
        available in 0.0f64..200.0,
        red in 0.0f64..150.0,
        in_place in 0.0f64..30.0,
        more in 0.0f64..50.0,
    ) {
        let mut value = ParamValues::central(&baseline_scenario().1);
        value.set(Param::CampaignEuropeCommitShare, floor);
        value.set(Param::CampaignEuropeCommitCapShare, cap);
        value.set(Param::CampaignEuropeCommitResponse, response);
        let commit =
            |value: &ParamValues, available: f64, red: f64| europe_commitment(value, available, red, in_place, 3.0);
        let now = commit(&value, available, red);
        proptest::prop_assert!(now >= floor * available - 1e-9 && now <= floor.max(cap) * available + 1e-9);
        proptest::prop_assert!(commit(&value, available, red + more) >= now - 1e-9);
        proptest::prop_assert!(commit(&value, available + more, red) >= now - 1e-9);
        let mut stronger = value.clone();
        stronger.set(Param::CampaignEuropeCommitResponse, response + more / 25.0);
        proptest::prop_assert!(commit(&stronger, available, red) >= now - 1e-9);
    }
}

/// The embedded baseline, loaded once for the property tests.
fn baseline_scenario() -> &'static (Dataset, Scenario) {
    static BASELINE: std::sync::OnceLock<(Dataset, Scenario)> = std::sync::OnceLock::new();
    BASELINE.get_or_init(baseline)
}

#[test]
fn forward_brigades_join_the_forces_in_place_and_leave_the_reinforcements() {
    let (dataset, scenario) = baseline();
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    // No reinforcement of any kind, so that Blue's arrivals are its forces in place.
    let mut central = ParamValues::central(&scenario);
    for param in [
        Param::CampaignEuropeCommitShare,
        Param::CampaignEuropeCommitCapShare,
        Param::CampaignEuropeCommitResponse,
    ] {
        central.set(param, 0.0);
    }
    let total = |growth: &Growth| {
        let inputs = build_inputs(&base, &central, UsShares::NONE, growth, context()).unwrap();
        inputs.blue_arrivals().iter().map(|a| a.1).sum::<f64>()
    };
    let home = Growth { headroom_brigades: 10.0, ..Growth::default() };
    let forward = Growth { forward_brigades: 4.0, ..home };
    // Four brigades of three battalions each: twelve more battalions in place.
    let per_brigade = central[Param::CampaignBattalionsPerBrigade];
    assert!(
        (total(&forward) - total(&home) - 4.0 * per_brigade).abs() < 1e-9,
        "{} {}",
        total(&home),
        total(&forward)
    );
    let in_place = InPlace::of(&central, &forward);
    assert!(
        (in_place.forward_heavy - 12.0).abs() < 1e-12
            && (in_place.total() - in_place.today() - 12.0).abs() < 1e-12
    );
    // With none forward the forces in place are today's, bit for bit the expression the
    // campaign used before forward basing.
    let today = central[Param::CampaignInplaceLightBn] * central[Param::CampaignLightBnPower]
        + central[Param::CampaignInplaceHeavyBn];
    assert_eq!(InPlace::of(&central, &home).total().to_bits(), today.to_bits());
    // With the reinforcements back, a brigade based forward no longer reinforces: the brigades
    // arriving after the attack do not grow with the forward ones.
    let central = ParamValues::central(&scenario);
    let later = |growth: &Growth| {
        let inputs = build_inputs(&base, &central, UsShares::NONE, growth, context()).unwrap();
        inputs.blue_arrivals().iter().filter(|a| a.0 > 0.0).map(|a| a.1).sum::<f64>()
    };
    assert!(later(&forward) <= later(&home) + 1e-9, "{} → {}", later(&home), later(&forward));
}

#[test]
fn the_build_up_bases_its_forward_share_of_ready_brigades_forward() {
    let (dataset, scenario) = baseline();
    let (share, cap) =
        (scenario.value(Param::BuildupForwardShare), scenario.value(Param::BuildupForwardMaxBrigades));
    let growths = europe_growth(&dataset, &scenario);
    assert!(share > 0.0 && growths.iter().any(|g| g.forward_brigades > 0.0), "{growths:?}");
    for growth in &growths {
        let want = (share * growth.headroom_brigades).min(cap);
        assert!((growth.forward_brigades - want).abs() < 1e-9, "{growth:?}");
    }
    // A zero share bases nothing forward whatever the cap and premium, and then those change
    // nothing at all (the same bits).
    let none = with_value(&scenario, Param::BuildupForwardShare, 0.0);
    let none_other = with_value(
        &with_value(&none, Param::BuildupForwardMaxBrigades, 0.0),
        Param::BuildupForwardRunningEurBn,
        0.0,
    );
    let (a, b) = (europe_growth(&dataset, &none), europe_growth(&dataset, &none_other));
    assert!(a.iter().all(|g| g.forward_brigades.to_bits() == 0.0f64.to_bits()));
    let bits = |g: &[Growth]| g.iter().map(|g| g.headroom_brigades.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&b));
    assert_eq!(a, b);
}

#[test]
fn basing_more_build_up_brigades_forward_raises_p_hold() {
    // Common random numbers (`p_hold_in`): the same draws run by run, only the brigades based
    // forward differ, in a year with build-up brigades ready.
    let (dataset, scenario) = baseline();
    let growth = growth_in(&europe_growth(&dataset, &scenario), 2035);
    assert!(growth.headroom_brigades >= 5.0, "{growth:?}");
    let p_hold =
        |forward: f64| p_hold_in(&dataset, &scenario, &Growth { forward_brigades: forward, ..growth }, 2035);
    let hold: Vec<f64> = [0.0, 1.0, 2.5, 5.0].into_iter().map(p_hold).collect();
    assert!(hold.windows(2).all(|pair| pair[1] >= pair[0]), "{hold:?}");
    assert!(hold[3] > hold[0] + 0.05, "five brigades forward must show: {hold:?}");
}

#[test]
fn a_large_forward_share_closes_the_window_earlier() {
    let (dataset, scenario) = baseline();
    let none = with_value(&scenario, Param::BuildupForwardShare, 0.0);
    let large = with_value(
        &with_value(&scenario, Param::BuildupForwardShare, 0.8),
        Param::BuildupForwardMaxBrigades,
        20.0,
    );
    let (none, large) =
        (assess_campaign(&dataset, &none).unwrap(), assess_campaign(&dataset, &large).unwrap());
    assert!(none.by_year.iter().all(|y| y.in_place.forward_heavy.to_bits() == 0.0f64.to_bits()));
    assert!(large.by_year.iter().any(|y| y.in_place.forward_heavy > 0.0));
    let (w_none, w_large) = (&none.window.years_without_us, &large.window.years_without_us);
    // Fewer years in the window, and its last year earlier.
    assert!(w_large.len() < w_none.len(), "{w_none:?} → {w_large:?}");
    assert!(w_large.last() < w_none.last(), "{w_none:?} → {w_large:?}");
}
