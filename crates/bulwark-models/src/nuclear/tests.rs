//! Tests of the nuclear model: hand-computed cases, bounds, monotonicity properties and the
//! option ranking.

use proptest::prelude::*;

use super::options::{option_table, Change, NuclearOption, OptionWeights};
use super::*;

fn leg(leg: Leg, deployed_warheads: f64, alert_fraction: f64, survival_probability: f64) -> LegForce {
    LegForce { leg, deployed_warheads, alert_fraction, survival_probability }
}

fn patron(state: &str, commitment: f64, presence: f64) -> Patron {
    Patron {
        state: state.into(),
        commitment,
        posture: 1.0,
        elections: Elections { first_year: 2027.0, interval_years: 5.0, withdrawal_probability: 0.2 },
        presence,
        survivable_warheads: None,
        exposure: Some(exposure(1.0, 400.0)),
    }
}

/// An exposure whose resolve is `1 / (1 + A / H)` with stake 1, `k = 1`, no non-strategic reach
/// and no missile defence: `V = H`.
fn exposure(stake: f64, value_warheads: f64) -> Exposure {
    Exposure {
        stake: Stake { treaty: stake, forces: stake, proximity: stake },
        missile_defence: 0.0,
        nonstrategic_reach: 0.0,
        value_warheads,
    }
}

fn params() -> DeterrenceParams {
    DeterrenceParams {
        unacceptable_damage_warheads: 200.0,
        stake_weights: StakeWeights { treaty: 0.5, forces: 0.3, proximity: 0.2 },
        resolve_stake_factor: 1.0,
        start_year: 2026,
        horizon_years: 10.0,
    }
}

fn inputs() -> NuclearInputs {
    NuclearInputs {
        forces: vec![
            Force {
                state: "USA".into(),
                legs: vec![leg(Leg::Ssbn, 1000.0, 0.5, 1.0), leg(Leg::Icbm, 400.0, 1.0, 0.25)],
                stored_warheads: 2000.0,
                nonstrategic_warheads: 100.0,
            },
            Force {
                state: "FRA".into(),
                legs: vec![leg(Leg::Ssbn, 240.0, 0.5, 1.0)],
                stored_warheads: 10.0,
                nonstrategic_warheads: 0.0,
            },
            Force {
                state: "RUS".into(),
                legs: vec![leg(Leg::Icbm, 800.0, 1.0, 0.5)],
                stored_warheads: 2500.0,
                nonstrategic_warheads: 1500.0,
            },
        ],
        adversary: "RUS".into(),
        patrons: vec![patron("USA", 0.9, 0.8), patron("FRA", 0.5, 0.1)],
        params: params(),
    }
}

fn weights() -> OptionWeights {
    OptionWeights { credibility: 1.0, cost: 0.3, years: 0.2, escalation: 0.3, npt_breach: 1.0 }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn survivable_warheads_by_hand() {
    let inputs = inputs();
    // USA: 1000 × 0.5 × 1 + 400 × 1 × 0.25 = 600; France 120; Russia 400.
    assert!(close(inputs.forces[0].survivable_warheads(), 600.0));
    assert!(close(inputs.forces[0].deployed_warheads(), 1400.0));
    assert!(close(inputs.forces[1].survivable_warheads(), 120.0));
    assert!(close(inputs.adversary_survivable_warheads(), 400.0));
}

#[test]
fn credibility_by_hand() {
    let u = umbrella(&inputs(), &[], &[]);
    // France: commitment 0.5, capability 120/200 = 0.6, resolve 1/(1 + 400/400) = 0.5,
    // continuity 0.8^(10/5) = 0.64, presence 0.1 → 0.5 × 0.6 × 0.5 × 0.64 × 0.1 = 0.0096.
    let fra = &u.patrons[1];
    assert!(close(fra.factors.value(Factor::Capability), 0.6));
    assert!(close(fra.factors.value(Factor::Resolve), 0.5));
    assert!(close(fra.factors.value(Factor::Continuity), 0.64));
    assert!(close(fra.credibility, 0.0096));
    assert!(close(fra.adequacy, 0.6));
    // ∂C/∂presence = 0.5 × 0.6 × 0.5 × 0.64 = 0.096; gain to full = 0.9 × 0.096.
    assert!(close(fra.sensitivity[4], 0.096));
    assert!(close(fra.gain_to_full[4], 0.0864));
    // USA: 0.9 × 1 × 0.5 × 0.64 × 0.8 = 0.2304; combined 1 − (1 − 0.2304)(1 − 0.0096).
    assert!(close(u.patrons[0].credibility, 0.2304));
    assert!(close(u.credibility, 1.0 - 0.7696 * 0.9904));
    assert_eq!(u.balance.ratio.map(|r| (r * 1e6).round()), Some(15.0e6));
    assert!(close(u.balance.gap_warheads, 1400.0));
}

#[test]
fn without_the_us_the_nonstrategic_ratio_is_unbounded() {
    let outcome = assess(&inputs(), "USA", &[], &weights(), None).unwrap();
    assert_eq!(outcome.without_us.balance.ratio, None);
    assert!(close(outcome.without_us.balance.gap_warheads, 1500.0));
    assert!(outcome.without_us.credibility < outcome.with_us.credibility);
    assert!(close(outcome.with_us.credibility, outcome.us_as_today.credibility));
}

#[test]
fn bad_inputs_are_refused_by_name() {
    let mut bad = inputs();
    bad.patrons[1].commitment = 1.5;
    let err = assess(&bad, "USA", &[], &weights(), None).unwrap_err().to_string();
    assert!(err.contains("patron FRA.commitment"), "{err}");
    let mut bad = inputs();
    bad.params.unacceptable_damage_warheads = 0.0;
    assert!(assess(&bad, "USA", &[], &weights(), None).is_err());
    let mut bad = inputs();
    bad.adversary = "CHN".into();
    assert!(assess(&bad, "USA", &[], &weights(), None).is_err());
}

fn option(id: &str, cost: f64, npt_compliant: bool, changes: Vec<Change>) -> NuclearOption {
    NuclearOption {
        id: id.into(),
        name: id.into(),
        annual_cost_eur_bn: cost,
        years_to_implement: 5.0,
        npt_compliant,
        escalation_risk: 0.2,
        changes,
    }
}

#[test]
fn options_rank_by_their_visible_score() {
    let reference = {
        let mut r = inputs();
        r.patrons[0].posture = 0.0;
        r
    };
    let options = vec![
        option("nothing", 0.0, true, vec![]),
        option(
            "presence",
            1.0,
            true,
            vec![Change::Raise { state: "FRA".into(), factor: Factor::Presence, by: 0.5 }],
        ),
        option("rogue", 1.0, false, vec![Change::AddSource { credibility: 0.05 }]),
        option("us", 0.0, true, vec![Change::SetPosture { state: "USA".into(), posture: 1.0 }]),
    ];
    let table = option_table(&reference, &options, &weights(), 0.5);
    let order: Vec<&str> = table.iter().map(|o| o.option.id.as_str()).collect();
    assert_eq!(order, vec!["us", "nothing", "presence", "rogue"]);
    let presence = &table[2];
    // Presence 0.1 → 0.6: ΔC = 0.5 × 0.096, scaled by C_today = 0.5; cost at the maximum
    // costs the full weight.
    assert!(close(presence.credibility_change, 0.048));
    assert!(close(presence.parts.credibility, 0.096));
    assert!(close(presence.parts.cost, -0.3));
    assert!(close(presence.parts.years, -0.2));
    assert!(close(presence.score, 0.096 - 0.3 - 0.2 - 0.06));
    assert!(close(table[3].parts.npt, -1.0));
    assert_eq!(table.iter().map(|o| o.rank).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
}

#[test]
fn pooling_adds_the_partners_warheads() {
    let mut reference = inputs();
    reference.patrons.push(patron("GBR", 0.7, 0.1));
    reference.forces.push(Force {
        state: "GBR".into(),
        legs: vec![leg(Leg::Ssbn, 120.0, 0.25, 1.0)],
        stored_warheads: 105.0,
        nonstrategic_warheads: 0.0,
    });
    let pooled = options::apply(&reference, &[Change::Pool { states: vec!["GBR".into(), "FRA".into()] }]);
    assert!(close(pooled.patrons[2].survivable_warheads, 150.0));
    assert!(close(pooled.patrons[1].survivable_warheads, 150.0));
    assert!(pooled.credibility > umbrella(&reference, &[], &[]).credibility);
}

fn factor_strategy() -> impl Strategy<Value = [f64; 5]> {
    prop::array::uniform5(0.0..=1.0f64)
}

proptest! {
    /// Raising any factor never lowers the product.
    #[test]
    fn raising_a_factor_never_lowers_the_product(values in factor_strategy(), idx in 0usize..5, by in 0.0..1.0f64) {
        let factors = Factors(values);
        let raised = factors.with(Factor::ALL[idx], values[idx] + by);
        prop_assert!(raised.product() + 1e-12 >= factors.product());
    }

    /// The sensitivity is the finite-difference derivative of the product.
    #[test]
    fn sensitivity_is_the_derivative(values in factor_strategy(), idx in 0usize..5) {
        let factors = Factors(values);
        let h = 1e-6;
        let (lo, hi) = ((values[idx] - h).max(0.0), (values[idx] + h).min(1.0));
        let slope = (factors.with(Factor::ALL[idx], hi).product() - factors.with(Factor::ALL[idx], lo).product()) / (hi - lo);
        prop_assert!((slope - factors.sensitivity()[idx]).abs() < 1e-6);
    }

    /// Every factor stays in [0, 1] whatever the (valid) inputs, and so does the credibility.
    #[test]
    fn factors_stay_in_the_unit_interval(
        commitment in 0.0..=1.0f64, posture in 0.0..=1.0f64, reversal in 0.0..=1.0f64,
        interval in 0.5..10.0f64, presence in 0.0..=1.0f64, warheads in 0.0..5000.0f64,
        adversary in 0.0..5000.0f64, d in 1.0..1000.0f64, h in 1.0..1000.0f64, horizon in 0.0..50.0f64,
    ) {
        let p = Patron { commitment, posture,
            elections: Elections { first_year: 2027.0, interval_years: interval, withdrawal_probability: reversal },
            presence, exposure: Some(exposure(0.7, h)), ..patron("FRA", 0.0, 0.0) };
        let params = DeterrenceParams { unacceptable_damage_warheads: d, horizon_years: horizon, ..params() };
        let threat = Threat { strategic_survivable_warheads: adversary, nonstrategic_warheads: adversary };
        let factors = patron_factors(&p, warheads, threat, &params, params.end_year());
        for value in factors.0 {
            prop_assert!((0.0..=1.0).contains(&value));
        }
        prop_assert!((0.0..=1.0).contains(&factors.product()));
    }

    /// Removing the US (any posture down to 0) never raises Europe's credibility.
    #[test]
    fn removing_the_us_never_raises_credibility(posture in 0.0..=1.0f64, cut in 0.0..=1.0f64, fra in 0.0..=1.0f64) {
        let mut with = inputs();
        with.patrons[0].posture = posture;
        with.patrons[1].commitment = fra;
        let mut less = with.clone();
        less.patrons[0].posture = posture * cut;
        prop_assert!(umbrella(&less, &[], &[]).credibility <= umbrella(&with, &[], &[]).credibility + 1e-12);
    }

    /// Adding a source of deterrence never lowers the combination.
    #[test]
    fn combining_is_monotone(values in prop::collection::vec(0.0..=1.0f64, 0..6), extra in 0.0..=1.0f64) {
        let base = combine(values.iter().copied());
        let more = combine(values.iter().copied().chain([extra]));
        prop_assert!(more + 1e-12 >= base);
        prop_assert!((0.0..=1.0).contains(&more));
    }
}

#[test]
fn resolve_by_hand_weighs_damage_against_stake() {
    // A = 400 strategic, N = 1,000 non-strategic, ρ = 0.2, m = 0.25: E = (400 + 200) × 0.75 = 450;
    // V = 150 → δ = 3. Stake 0.5 × 1 + 0.3 × 0.5 + 0.2 × 0 = 0.65; k = 2 → R = 1.3 / (1.3 + 3).
    let exposure = Exposure {
        stake: Stake { treaty: 1.0, forces: 0.5, proximity: 0.0 },
        missile_defence: 0.25,
        nonstrategic_reach: 0.2,
        value_warheads: 150.0,
    };
    let threat = Threat { strategic_survivable_warheads: 400.0, nonstrategic_warheads: 1000.0 };
    let weights = StakeWeights { treaty: 0.5, forces: 0.3, proximity: 0.2 };
    let parts = resolve::resolve_parts(&exposure, threat, &weights, 2.0);
    assert!(close(parts.reaching_warheads, 600.0));
    assert!(close(parts.after_defence_warheads, 450.0));
    assert!(close(parts.damage_ratio, 3.0));
    assert!(close(parts.stake, 0.65));
    assert!(close(parts.resolve, 1.3 / 4.3));
    let moved = resolve::movers(&exposure, threat, &weights, 2.0);
    // Forces at 1: stake 0.8 → 1.6 / 4.6. Halved threat: δ = 1.5 → 1.3 / 2.8.
    assert_eq!(moved[0].0, Mover::ForcesStationed);
    assert!(close(moved[0].1, 1.6 / 4.6));
    assert!(close(moved[2].1, 1.3 / 2.8));
    assert!(moved[3].1 < parts.resolve && moved[1].1 > parts.resolve);
    // No stake, some damage: no resolve; nothing at risk: full resolve.
    assert!(close(resolve::resolve_of(0.0, 1.0, 2.0), 0.0));
    assert!(close(resolve::resolve_of(0.0, 0.0, 2.0), 1.0));
}

#[test]
fn elections_count_from_the_calendar() {
    // France: April 2027, then every five years; from 2026.
    let fra = Elections { first_year: 2027.0, interval_years: 5.0, withdrawal_probability: 0.15 };
    assert_eq!(fra.count(2026.0, 2026.0), 0);
    assert_eq!(fra.count(2026.0, 2027.0), 1);
    assert_eq!(fra.count(2026.0, 2031.0), 1);
    assert_eq!(fra.count(2026.0, 2032.0), 2);
    assert_eq!(fra.years(2026.0, 2036.0), vec![2027.0, 2032.0]);
    assert!(close(fra.continuity(2026.0, 2036.0), 0.85 * 0.85));
    // An election calendar that began before the start counts only those from the start.
    let usa = Elections { first_year: 2020.0, interval_years: 4.0, withdrawal_probability: 0.25 };
    assert_eq!(usa.years(2026.0, 2036.0), vec![2028.0, 2032.0, 2036.0]);
    assert_eq!(usa.count(2026.0, 2036.0), 3);
}

#[test]
fn the_curve_steps_down_at_elections() {
    let curve = credibility_curve(&inputs());
    assert_eq!(curve.len(), 11);
    assert_eq!(curve[0].year, 2026);
    // Both patrons vote in 2027 and 2032 (first 2027, every 5 years): steps there, flat between.
    assert!(curve[1].credibility < curve[0].credibility);
    assert!(close(curve[2].credibility, curve[1].credibility));
    assert!(curve[6].credibility < curve[5].credibility);
    assert!(close(curve[10].credibility, umbrella(&inputs(), &[], &[]).credibility));
}

fn gbr_reference() -> NuclearInputs {
    let mut reference = inputs();
    reference.patrons[0].posture = 0.0;
    reference.patrons.push(patron("GBR", 0.7, 0.1));
    reference.forces.push(Force {
        state: "GBR".into(),
        legs: vec![leg(Leg::Ssbn, 120.0, 0.25, 1.0)],
        stored_warheads: 105.0,
        nonstrategic_warheads: 0.0,
    });
    reference
}

#[test]
fn overlapping_pools_count_each_state_once() {
    let reference = gbr_reference();
    let pool = |states: &[&str]| Change::Pool { states: states.iter().map(|s| s.to_string()).collect() };
    let once = options::apply(&reference, &[pool(&["GBR", "FRA"])]);
    let twice = options::apply(&reference, &[pool(&["GBR", "FRA"]), pool(&["FRA", "GBR"])]);
    assert!(close(once.patrons[2].survivable_warheads, 150.0));
    assert!(close(twice.patrons[2].survivable_warheads, 150.0));
    let wider = options::apply(&reference, &[pool(&["GBR", "FRA"]), pool(&["FRA", "USA"])]);
    // USA 600 + FRA 120 + GBR 30, each once.
    assert!(close(wider.patrons[1].survivable_warheads, 750.0));
}

#[test]
fn the_search_finds_the_best_package_and_the_frontier() {
    let reference = gbr_reference();
    let raise = |factor: Factor, by: f64| Change::Raise { state: "FRA".into(), factor, by };
    let mut slow = option("slow", 0.5, true, vec![raise(Factor::Commitment, 0.5)]);
    slow.years_to_implement = 20.0;
    let options = vec![
        option("presence", 1.0, true, vec![raise(Factor::Presence, 0.5)]),
        option("commitment", 2.0, true, vec![raise(Factor::Commitment, 0.4)]),
        option("source", 4.0, true, vec![Change::AddSource { credibility: 0.01 }]),
        slow,
    ];
    let limits = packages::Limits { budget_eur_bn: 3.0, years: 10.0, top: 3, npt_only: true };
    let found = packages::search(&reference, &options, &limits).unwrap();
    assert_eq!(found.n_packages, 16);
    let ids: Vec<Vec<&str>> =
        found.best.iter().map(|p| p.option_ids.iter().map(String::as_str).collect()).collect();
    assert_eq!(ids[0], vec!["presence", "commitment"], "both raises fit the budget of 3");
    assert!(close(found.best[0].annual_cost_eur_bn, 3.0));
    assert!(close(found.best[0].escalation_risk, 1.0 - 0.8 * 0.8));
    assert!(found.best.iter().all(|p| p.annual_cost_eur_bn <= 3.0 && !p.option_ids.contains(&"slow".into())));
    // The frontier starts at the empty package and rises with cost.
    assert!(found.frontier[0].option_ids.is_empty());
    for pair in found.frontier.windows(2) {
        assert!(pair[1].annual_cost_eur_bn >= pair[0].annual_cost_eur_bn);
        assert!(pair[1].credibility > pair[0].credibility);
    }
    assert_eq!(found.frontier.last().map(|p| p.option_ids.len()), Some(3));
}

/// Options that only add: factor raises, pools, added patrons and sources.
fn option_strategy() -> impl Strategy<Value = NuclearOption> {
    let change = prop_oneof![
        (0usize..3, 0usize..5, 0.0..=1.0f64).prop_map(|(state, factor, by)| Change::Raise {
            state: ["USA", "FRA", "GBR"][state].into(),
            factor: Factor::ALL[factor],
            by
        }),
        prop::sample::subsequence(vec!["USA", "FRA", "GBR"], 1..=3)
            .prop_map(|states| Change::Pool { states: states.into_iter().map(String::from).collect() }),
        (0.0..=1.0f64).prop_map(|credibility| Change::AddSource { credibility }),
        (0.0..=1.0f64, 0.0..500.0f64).prop_map(|(commitment, warheads)| Change::AddPatron(Patron {
            state: "national".into(),
            commitment,
            survivable_warheads: Some(warheads),
            exposure: None,
            ..patron("national", 0.0, 1.0)
        })),
    ];
    (prop::collection::vec(change, 1..3), 0.0..10.0f64, 0.0..=1.0f64).prop_map(
        |(changes, cost, escalation)| NuclearOption {
            escalation_risk: escalation,
            ..option("o", cost, true, changes)
        },
    )
}

proptest! {
    /// Combining options never lowers credibility: a package with more options is at least as
    /// credible as any of its sub-packages.
    #[test]
    fn combining_options_never_lowers_credibility(
        options in prop::collection::vec(option_strategy(), 1..5), mask in 0u32..16,
    ) {
        let reference = gbr_reference();
        let all: Vec<&NuclearOption> = options.iter().collect();
        let some: Vec<&NuclearOption> =
            options.iter().enumerate().filter(|(idx, _)| mask & (1 << idx) != 0).map(|(_, o)| o).collect();
        let (whole, part) = (packages::compose(&reference, &all), packages::compose(&reference, &some));
        prop_assert!(whole.credibility + 1e-12 >= part.credibility, "{} < {}", whole.credibility, part.credibility);
        prop_assert!(part.credibility_change >= -1e-12);
        prop_assert!(whole.escalation_risk + 1e-12 >= part.escalation_risk);
    }

    /// A package never costs less than its most expensive option.
    #[test]
    fn a_package_costs_at_least_its_dearest_option(options in prop::collection::vec(option_strategy(), 1..6)) {
        let reference = gbr_reference();
        let all: Vec<&NuclearOption> = options.iter().collect();
        let package = packages::compose(&reference, &all);
        let dearest = options.iter().map(|o| o.annual_cost_eur_bn).fold(0.0, f64::max);
        prop_assert!(package.annual_cost_eur_bn + 1e-12 >= dearest);
        let slowest = options.iter().map(|o| o.years_to_implement).fold(0.0, f64::max);
        prop_assert!(close(package.years_to_implement, slowest));
    }

    /// Resolve falls (never rises) as the adversary's survivable warheads against that patron
    /// rise, whatever its stake, defence, reach and value.
    #[test]
    fn resolve_falls_as_the_adversary_warheads_rise(
        treaty in 0.0..=1.0f64, forces in 0.0..=1.0f64, proximity in 0.0..=1.0f64,
        defence in 0.0..=1.0f64, reach in 0.0..=1.0f64, value in 1.0..1000.0f64, k in 0.0..10.0f64,
        a in 0.0..5000.0f64, more in 0.0..5000.0f64, n in 0.0..3000.0f64,
    ) {
        let exposure = Exposure { stake: Stake { treaty, forces, proximity }, missile_defence: defence,
            nonstrategic_reach: reach, value_warheads: value };
        let weights = StakeWeights { treaty: 0.5, forces: 0.3, proximity: 0.2 };
        let at = |a: f64| resolve::resolve_parts(&exposure, Threat { strategic_survivable_warheads: a,
            nonstrategic_warheads: n }, &weights, k).resolve;
        let (low, high) = (at(a), at(a + more));
        prop_assert!(high <= low + 1e-12, "{high} > {low}");
        prop_assert!((0.0..=1.0).contains(&high));
        // Strictly, when something is at stake, something gets through and more arrives.
        if k * weights.stake(&exposure.stake) > 0.0 && defence < 1.0 && more > 1.0 {
            prop_assert!(high < low);
        }
    }

    /// Credibility over the years never rises, and falls at an election whose withdrawal
    /// probability is above 0 (when that patron's credibility is above 0).
    #[test]
    fn credibility_never_rises_over_the_years(
        first in 2026.0..2032.0f64, interval in 1.0..7.0f64, r_fra in 0.0..=1.0f64, r_usa in 0.0..=1.0f64,
        horizon in 0.0..20.0f64,
    ) {
        let mut inputs = inputs();
        inputs.params.horizon_years = horizon;
        inputs.patrons[1].elections = Elections { first_year: first.floor(), interval_years: interval.floor(), withdrawal_probability: r_fra };
        inputs.patrons[0].elections.withdrawal_probability = r_usa;
        let curve = credibility_curve(&inputs);
        for pair in curve.windows(2) {
            prop_assert!(pair[1].credibility <= pair[0].credibility + 1e-12);
            let fra = &inputs.patrons[1];
            let votes = fra.elections.count(2026.0, f64::from(pair[1].year)) > fra.elections.count(2026.0, f64::from(pair[0].year));
            if votes && r_fra > 1e-6 && r_fra < 1.0 {
                // France's own umbrella steps down; so does the combination, unless France's
                // share has already shrunk below what a double can resolve.
                let french = |year: u16| umbrella_at(&inputs, year, &[], &[]).patrons[1].credibility;
                let (before, after) = (french(pair[0].year), french(pair[1].year));
                prop_assert!(before <= 1e-200 || after < before, "no French step at {}", pair[1].year);
                if before * r_fra > 1e-9 {
                    prop_assert!(pair[1].credibility < pair[0].credibility, "no step at {}", pair[1].year);
                }
            }
        }
    }
}
