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
        reversal_probability_per_election: 0.2,
        election_interval_years: 5.0,
        presence,
        survivable_warheads: None,
        own_territory: false,
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
        params: DeterrenceParams {
            unacceptable_damage_warheads: 200.0,
            resolve_half_warheads: 400.0,
            horizon_years: 10.0,
        },
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
    let outcome = assess(&inputs(), "USA", &[], &weights()).unwrap();
    assert_eq!(outcome.without_us.balance.ratio, None);
    assert!(close(outcome.without_us.balance.gap_warheads, 1500.0));
    assert!(outcome.without_us.credibility < outcome.with_us.credibility);
    assert!(close(outcome.with_us.credibility, outcome.us_as_today.credibility));
}

#[test]
fn bad_inputs_are_refused_by_name() {
    let mut bad = inputs();
    bad.patrons[1].commitment = 1.5;
    let err = assess(&bad, "USA", &[], &weights()).unwrap_err().to_string();
    assert!(err.contains("patron FRA.commitment"), "{err}");
    let mut bad = inputs();
    bad.params.unacceptable_damage_warheads = 0.0;
    assert!(assess(&bad, "USA", &[], &weights()).is_err());
    let mut bad = inputs();
    bad.adversary = "CHN".into();
    assert!(assess(&bad, "USA", &[], &weights()).is_err());
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
        let p = Patron { commitment, posture, reversal_probability_per_election: reversal,
            election_interval_years: interval, presence, ..patron("FRA", 0.0, 0.0) };
        let params = DeterrenceParams { unacceptable_damage_warheads: d, resolve_half_warheads: h, horizon_years: horizon };
        let factors = patron_factors(&p, warheads, adversary, &params);
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
