//! Tests of the IAMD saturation model: hand-computed campaigns, conservation, and the
//! monotonicity properties of the model card.

use proptest::prelude::*;

use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn threat(name: &str, stock: f64, production_per_day: f64, launches_per_day: f64) -> ThreatClass {
    ThreatClass { name: name.into(), stock, production_per_day, launches_per_day }
}

fn tier(
    name: &str,
    stock: f64,
    fire_units: f64,
    area_per_fire_unit_km2: f64,
    engagements: Vec<Option<Engagement>>,
) -> InterceptorType {
    InterceptorType {
        name: name.into(),
        stock,
        production_per_day: 0.0,
        fire_units,
        area_per_fire_unit_km2,
        engagements,
    }
}

fn shoot(pk: f64, shots_per_target: u32) -> Option<Engagement> {
    Some(Engagement { pk, shots_per_target })
}

/// One class, one tier covering half the area, Pk 0.5 and two shots: 10 interceptors buy five
/// engagements, so the magazine lasts two days and a half.
#[test]
fn hand_computed_single_tier_runs_dry_on_day_three() {
    let inputs = IamdInputs {
        days: 4,
        area_to_defend_km2: 100.0,
        threats: vec![threat("ballistic", 20.0, 0.0, 4.0)],
        interceptors: vec![tier("upper", 10.0, 2.0, 25.0, vec![shoot(0.5, 2)])],
    };
    let out = run(&inputs).unwrap();
    let class = &out.classes[0];
    // Per threat while interceptors last: (1 − 0.5) + 0.5 × (1 − 0.5)² = 0.625, so 2.5 of 4.
    // Day 3: 2 engagements wanted, 1 affordable → 4 − 0.75; day 4: everything leaks.
    let expected_leaked = [2.5, 2.5, 3.25, 4.0];
    for (got, want) in class.leaked.iter().zip(expected_leaked) {
        assert!(close(*got, want), "{:?}", class.leaked);
    }
    assert!(close(out.total_leaked(), 12.25));
    assert!(close(class.total_intercepted(), 3.75));
    assert_eq!(out.interceptors[0].exhausted_day, Some(3));
    let fired = &out.interceptors[0].fired;
    assert!(close(fired[0], 4.0) && close(fired[2], 2.0) && close(fired[3], 0.0));
    assert!(close(out.interceptors[0].stock_end[2], 0.0));
    assert!(close(class.unengaged[2], 3.0) && close(class.engaged[2], 1.0));
    assert!(close(out.leak_fraction(), 12.25 / 16.0));
}

/// Two tiers: the upper one engages every threat (Pk 0.5), the lower one half of the five
/// survivors (Pk 0.8): 10 − 5 − 2 = 3 leak.
#[test]
fn hand_computed_two_tiers_layer() {
    let inputs = IamdInputs {
        days: 1,
        area_to_defend_km2: 100.0,
        threats: vec![threat("cruise", 10.0, 0.0, 10.0)],
        interceptors: vec![
            tier("upper", 100.0, 1.0, 100.0, vec![shoot(0.5, 1)]),
            tier("lower", 100.0, 1.0, 50.0, vec![shoot(0.8, 1)]),
        ],
    };
    let out = run(&inputs).unwrap();
    let class = &out.classes[0];
    assert!(close(class.leaked[0], 3.0));
    assert!(close(class.engaged[0], 10.0) && close(class.unengaged[0], 0.0));
    assert!(close(out.interceptors[1].fired[0], 2.5));
    assert_eq!(out.interceptors[0].exhausted_day, None);
}

#[test]
fn threats_are_limited_by_stock_plus_production() {
    let inputs = IamdInputs {
        days: 3,
        area_to_defend_km2: 1.0,
        threats: vec![threat("drones", 5.0, 2.0, 6.0)],
        interceptors: vec![],
    };
    let out = run(&inputs).unwrap();
    // Day 1: 5 + 2 = 7 → 6 fired, 1 left; day 2: 1 + 2 = 3; day 3: 2.
    let launched = &out.classes[0].launched;
    assert!(close(launched[0], 6.0) && close(launched[1], 3.0) && close(launched[2], 2.0));
    assert!(close(out.total_leaked(), 11.0), "no interceptors: everything leaks");
}

#[test]
fn ineligible_tiers_do_not_fire_and_bad_inputs_are_refused() {
    let mut inputs = IamdInputs {
        days: 2,
        area_to_defend_km2: 10.0,
        threats: vec![threat("ballistic", 10.0, 0.0, 5.0), threat("drones", 10.0, 0.0, 5.0)],
        interceptors: vec![tier("lower", 100.0, 10.0, 10.0, vec![None, shoot(1.0, 1)])],
    };
    let out = run(&inputs).unwrap();
    assert!(close(out.classes[0].total_leaked(), 10.0));
    assert!(close(out.classes[1].total_leaked(), 0.0));
    inputs.interceptors[0].engagements = vec![shoot(1.2, 1), None];
    assert!(matches!(run(&inputs), Err(ModelError::InvalidParameter { .. })));
    inputs.interceptors[0].engagements = vec![shoot(0.5, 0), None];
    assert!(run(&inputs).is_err());
    inputs.interceptors[0].engagements = vec![None];
    assert!(matches!(run(&inputs), Err(ModelError::InvalidInput { .. })));
    inputs.interceptors[0].engagements = vec![None, None];
    inputs.days = 0;
    assert!(run(&inputs).is_err());
    inputs.days = 1;
    inputs.threats[0].stock = f64::NAN;
    assert!(run(&inputs).is_err());
}

fn engagement_strategy() -> impl Strategy<Value = Option<Engagement>> {
    prop::option::of(
        (0.0..=1.0f64, 1u32..=3).prop_map(|(pk, shots_per_target)| Engagement { pk, shots_per_target }),
    )
}

fn inputs_strategy() -> impl Strategy<Value = IamdInputs> {
    (1usize..=3, 1usize..=3, 1u32..=15, 10.0..1000.0f64)
        .prop_flat_map(|(n_threats, n_types, days, area)| {
            let threats = prop::collection::vec(
                (0.0..200.0f64, 0.0..10.0f64, 0.0..40.0f64).prop_map(|(s, p, l)| threat("t", s, p, l)),
                n_threats,
            );
            let types = prop::collection::vec(
                (
                    0.0..300.0f64,
                    0.0..5.0f64,
                    0.0..20.0f64,
                    0.0..200.0f64,
                    prop::collection::vec(engagement_strategy(), n_threats),
                )
                    .prop_map(|(stock, production, fire_units, area_per, engagements)| {
                        InterceptorType {
                            name: "i".into(),
                            stock,
                            production_per_day: production,
                            fire_units,
                            area_per_fire_unit_km2: area_per,
                            engagements,
                        }
                    }),
                n_types,
            );
            (threats, types, Just(days), Just(area))
        })
        .prop_map(|(threats, interceptors, days, area_to_defend_km2)| IamdInputs {
            days,
            area_to_defend_km2,
            threats,
            interceptors,
        })
}

proptest! {
    /// The ensemble's lean path gives exactly the full run's totals, bit for bit.
    #[test]
    fn run_totals_equal_the_full_runs_totals(inputs in inputs_strategy()) {
        let (full, totals) = (run(&inputs).unwrap(), run_totals(&inputs).unwrap());
        prop_assert_eq!(totals.total_leaked.to_bits(), full.total_leaked().to_bits());
        prop_assert_eq!(totals.total_launched.to_bits(), full.total_launched().to_bits());
        prop_assert_eq!(totals.leak_fraction().to_bits(), full.leak_fraction().to_bits());
        let exhausted: Vec<Option<u32>> = full.interceptors.iter().map(|t| t.exhausted_day).collect();
        prop_assert_eq!(totals.exhausted_day, exhausted);
    }

    /// Every threat is engaged or not, and every threat is intercepted or leaks; unengaged
    /// threats all leak; magazines never go negative.
    #[test]
    fn every_threat_is_accounted_for(inputs in inputs_strategy()) {
        let out = run(&inputs).unwrap();
        for class in &out.classes {
            for day in 0..inputs.days as usize {
                let launched = class.launched[day];
                prop_assert!(close(class.engaged[day] + class.unengaged[day], launched));
                prop_assert!(close(class.intercepted[day] + class.leaked[day], launched));
                prop_assert!(class.unengaged[day] <= class.leaked[day] + 1e-9);
                prop_assert!(class.intercepted[day] >= -1e-12 && class.engaged[day] >= -1e-12);
            }
        }
        for interceptor in &out.interceptors {
            prop_assert!(interceptor.stock_end.iter().all(|s| *s >= 0.0));
        }
    }

    /// More interceptors (stock or production) of any type never mean more leakers.
    #[test]
    fn more_interceptors_never_mean_more_leakers(
        inputs in inputs_strategy(),
        which in 0usize..3,
        extra_stock in 0.0..300.0f64,
        extra_production in 0.0..5.0f64,
    ) {
        let base = run(&inputs).unwrap();
        let mut more = inputs.clone();
        let idx = which % more.interceptors.len();
        more.interceptors[idx].stock += extra_stock;
        more.interceptors[idx].production_per_day += extra_production;
        let richer = run(&more).unwrap();
        prop_assert!(richer.total_leaked() <= base.total_leaked() + 1e-7);
        for (a, b) in richer.leaked_per_day().iter().zip(base.leaked_per_day()) {
            prop_assert!(*a <= b + 1e-7);
        }
    }

    /// A higher single-shot kill probability never means more leakers.
    #[test]
    fn higher_pk_never_means_more_leakers(inputs in inputs_strategy(), which in 0usize..9, raise in 0.0..1.0f64) {
        let base = run(&inputs).unwrap();
        let mut better = inputs.clone();
        let n_classes = better.threats.len();
        let interceptor = &mut better.interceptors[(which / n_classes) % inputs.interceptors.len()];
        if let Some(engagement) = interceptor.engagements[which % n_classes].as_mut() {
            engagement.pk += (1.0 - engagement.pk) * raise;
        }
        let improved = run(&better).unwrap();
        prop_assert!(improved.total_leaked() <= base.total_leaked() + 1e-7);
        for (a, b) in improved.leaked_per_day().iter().zip(base.leaked_per_day()) {
            prop_assert!(*a <= b + 1e-7);
        }
    }
}
