//! Hand-checked cases and properties of the campaign model.

use proptest::prelude::*;

use super::*;
use crate::attrition::Exponents;

fn in_place(combat_power: f64) -> Formation {
    Formation { combat_power, ready_hours: 0.0, transit: Transit::InPlace }
}

pub(crate) fn forces(blue: Vec<Formation>, red: Vec<Formation>) -> Forces {
    Forces {
        warning_hours: 0.0,
        blue_response_hours: 0.0,
        red,
        blue,
        airlift: Airlift { aircraft: 0.0, payload_per_sortie: 0.0, sorties_per_day: 0.0, availability: 0.0 },
        blue_air: AirPower::NONE,
        red_air: AirPower::NONE,
        blue_isr_coverage: 1.0,
        red_iamd_denial: 0.0,
        blue_iamd_denial: 0.0,
        blue_interceptors_out_hours: f64::MAX,
        blue_iamd_denial_without_interceptors: 0.0,
        blue_supply: Supply::UNLIMITED,
        red_supply: Supply::UNLIMITED,
    }
}

/// No multipliers: prepared defence 1, ISR has no effect.
fn plain() -> CampaignParams {
    CampaignParams { prepared_defence: 1.0, isr_penalty: 0.0, ..CampaignParams::default() }
}

fn hourly(horizon_hours: f64) -> Clock {
    Clock { step_hours: 1.0, horizon_hours }
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * (1.0 + x.abs().max(y.abs()))
}

#[test]
fn hand_checked_advance_without_attrition() {
    // ρ = 25/10 = 2.5 → f = (2.5 − 1)/(3 − 1) = 0.75 → 0.75 × 4 = 3 km/h → 30 km in 10 h.
    let params = CampaignParams {
        red_effect_per_hour: 0.0,
        blue_effect_per_hour: 0.0,
        red_speed_km_per_hour: 4.0,
        objective_km: 30.0,
        ..plain()
    };
    let inputs =
        CampaignInputs::new(params, &forces(vec![in_place(10.0)], vec![in_place(25.0)]), hourly(100.0))
            .unwrap();
    let outcome = simulate(&inputs);
    assert_eq!(outcome.end, CampaignEnd::ObjectiveReached);
    assert!(close(outcome.hours_to_objective.unwrap(), 10.0), "{outcome:?}");
    assert!(close(outcome.blue_losses, 0.0) && close(outcome.advance_km, 30.0));
}

#[test]
fn hand_checked_first_attrition_step() {
    // Square law, P = 2: dB = 0.01 × 30 = 0.3; dR = 0.02 × (2 × 10) = 0.4.
    let params = CampaignParams {
        red_effect_per_hour: 0.01,
        blue_effect_per_hour: 0.02,
        exponents: Exponents::SQUARE,
        prepared_defence: 2.0,
        ..plain()
    };
    let inputs =
        CampaignInputs::new(params, &forces(vec![in_place(10.0)], vec![in_place(30.0)]), hourly(3.0))
            .unwrap();
    let (_, points) = simulate_recorded(&inputs);
    assert!(close(points[1].blue, 9.7) && close(points[1].red, 29.6), "{:?}", points[1]);
    // ρ = 30/(2 × 10) = 1.5 → f = 0.25 → 0.25 × 5.5 km in the first hour.
    assert!(close(points[1].advance_km, 0.25 * 5.5), "{:?}", points[1]);
}

#[test]
fn hand_checked_blue_break_and_collapse() {
    // Logarithmic law: B_n = 20 × 0.9^n falls below half its arrived strength after 7 hours
    // (0.9^7 = 0.478); Red (10, losing nothing) is stalled until then (ρ ≤ 10/10.6 < 1), then
    // covers 100 km at 5 km/h: objective at 7 + 20 = 27 h.
    let params = CampaignParams {
        red_effect_per_hour: 0.1,
        blue_effect_per_hour: 0.0,
        exponents: Exponents::LOGARITHMIC,
        red_speed_km_per_hour: 5.0,
        objective_km: 100.0,
        blue_break_fraction: 0.5,
        ..plain()
    };
    let inputs =
        CampaignInputs::new(params, &forces(vec![in_place(20.0)], vec![in_place(10.0)]), hourly(240.0))
            .unwrap();
    let outcome = simulate(&inputs);
    assert!(close(outcome.blue_broke_at_hours.unwrap(), 7.0), "{outcome:?}");
    assert!(close(outcome.hours_to_objective.unwrap(), 27.0), "{outcome:?}");
    assert!(outcome.held_until(26.9) && !outcome.held_until(27.0));
}

#[test]
fn red_breaking_means_the_defence_holds() {
    let params = CampaignParams { red_effect_per_hour: 0.0, blue_effect_per_hour: 0.05, ..plain() };
    let inputs =
        CampaignInputs::new(params, &forces(vec![in_place(30.0)], vec![in_place(40.0)]), hourly(720.0))
            .unwrap();
    let outcome = simulate(&inputs);
    assert_eq!(outcome.end, CampaignEnd::RedBroke);
    assert!(outcome.hours_to_objective.is_none() && outcome.held_until(1e9));
    assert!(outcome.red < 0.6 * 40.0 && outcome.red_losses > 16.0);
}

#[test]
fn late_reinforcements_and_warning_shift_arrivals() {
    // Red generated 48 h into a 24 h warning arrives 24 h into the attack.
    let mut f =
        forces(vec![in_place(10.0)], vec![in_place(20.0), Formation { ready_hours: 48.0, ..in_place(20.0) }]);
    f.warning_hours = 24.0;
    let inputs = CampaignInputs::new(plain(), &f, hourly(100.0)).unwrap();
    assert_eq!(inputs.red_arrivals(), &[(0.0, 20.0), (24.0, 20.0)]);
}

#[test]
fn invalid_inputs_are_named() {
    let bad = CampaignParams { full_speed_ratio: 0.5, ..plain() };
    let err = CampaignInputs::new(bad, &forces(vec![], vec![]), hourly(10.0)).unwrap_err();
    assert!(err.to_string().contains("full_speed_ratio"), "{err}");
    let mut f = forces(vec![in_place(-1.0)], vec![]);
    let err = CampaignInputs::new(plain(), &f, hourly(10.0)).unwrap_err();
    assert!(err.to_string().contains("blue[0].combat_power"), "{err}");
    f.blue.clear();
    assert!(CampaignInputs::new(plain(), &f, Clock { step_hours: 0.0, horizon_hours: 10.0 }).is_err());
    assert!(CampaignInputs::new(plain(), &f, Clock { step_hours: 1.0, horizon_hours: 0.2 }).is_err());
}

#[test]
fn a_culminated_attack_resumes_with_its_next_echelon() {
    // Red 20 against Blue 30 (square-law fire from Blue only) falls below 60 % of 20 within
    // hours and halts; a fresh echelon of 40 at hour 100 lifts it to 52 of 60 arrived and, no
    // longer stalled (52 / 30 > 1), it advances again.
    let params = CampaignParams {
        red_effect_per_hour: 0.0,
        blue_effect_per_hour: 0.02,
        exponents: Exponents::SQUARE,
        objective_km: 1000.0,
        ..plain()
    };
    let echelon = Formation { ready_hours: 100.0, ..in_place(40.0) };
    let alone =
        CampaignInputs::new(params, &forces(vec![in_place(30.0)], vec![in_place(20.0)]), hourly(400.0))
            .unwrap();
    let first = simulate(&alone);
    assert_eq!(first.end, CampaignEnd::RedBroke, "{first:?}");
    assert!(first.end_hours < 100.0);
    let followed = CampaignInputs::new(
        params,
        &forces(vec![in_place(30.0)], vec![in_place(20.0), echelon]),
        hourly(400.0),
    )
    .unwrap();
    let (outcome, points) = simulate_recorded(&followed);
    let halted = points.iter().find(|pt| close(pt.hours, first.end_hours)).unwrap().advance_km;
    let before_echelon = points.iter().find(|pt| close(pt.hours, 100.0)).unwrap().advance_km;
    assert!((halted - before_echelon).abs() < 1e-12, "no advance while halted: {halted} vs {before_echelon}");
    assert!(outcome.advance_km > before_echelon, "{outcome:?}");
}

#[test]
fn spent_supply_and_interceptors_weaken_the_side_that_runs_short() {
    let params = CampaignParams { red_effect_per_hour: 0.004, blue_effect_per_hour: 0.004, ..plain() };
    let base = forces(vec![in_place(20.0)], vec![in_place(40.0)]);
    let run = |f: &Forces| simulate(&CampaignInputs::new(params, f, hourly(2000.0)).unwrap());
    let full = run(&base);
    let short =
        run(&Forces { blue_supply: Supply { stock_hours: 24.0, resupply_share: 0.3 }, ..base.clone() });
    let reached = |o: &CampaignOutcome| o.hours_to_objective.unwrap_or(f64::INFINITY);
    assert!(reached(&short) < reached(&full), "{short:?} vs {full:?}");
    // Interceptors: with Red air, losing Blue's denial raises Red's multiplier from then on.
    let with_air = Forces {
        red_air: AirPower { combat_aircraft: 300.0, sead_needed: 40.0, ..AirPower::NONE },
        blue_iamd_denial: 0.6,
        blue_iamd_denial_without_interceptors: 0.2,
        blue_interceptors_out_hours: 48.0,
        ..base
    };
    let inputs = CampaignInputs::new(params, &with_air, hourly(100.0)).unwrap();
    assert!(inputs.red_multiplier_late() > inputs.red_multiplier());
    let bad = Forces { blue_iamd_denial_without_interceptors: 0.9, ..with_air };
    let err = CampaignInputs::new(params, &bad, hourly(100.0)).unwrap_err();
    assert!(err.to_string().contains("blue_iamd_denial_without_interceptors"), "{err}");
}

/// A mid-sized case with reinforcements on both sides, for the convergence check.
fn reinforced_case(blue_in_place: f64) -> Forces {
    let mut f = forces(
        vec![
            in_place(blue_in_place),
            Formation { combat_power: 6.0, ready_hours: 30.0, transit: Transit::Air { lift: 40.0 } },
            Formation {
                combat_power: 9.0,
                ready_hours: 24.0,
                transit: Transit::Surface {
                    distance_km: 900.0,
                    speed_km_per_hour: 20.0,
                    loading_hours: 12.0,
                },
            },
        ],
        vec![in_place(25.0), Formation { ready_hours: 150.0, ..in_place(10.0) }],
    );
    f.warning_hours = 120.0;
    f.blue_response_hours = 72.0;
    f.airlift = Airlift { aircraft: 8.0, payload_per_sortie: 1.0, sorties_per_day: 1.5, availability: 0.6 };
    f
}

#[test]
fn halving_the_step_moves_time_to_objective_by_less_than_two_percent() {
    // Stated tolerance: 2 % of the one-hour result plus one hour (arrivals snap to steps).
    for blue_in_place in [4.0, 8.0, 12.0] {
        let f = reinforced_case(blue_in_place);
        let hours = |step_hours: f64| {
            let clock = Clock { step_hours, horizon_hours: 720.0 };
            simulate(&CampaignInputs::new(CampaignParams::default(), &f, clock).unwrap()).hours_to_objective
        };
        let (coarse, fine) = (hours(1.0), hours(0.5));
        match (coarse, fine) {
            (Some(c), Some(h)) => assert!((c - h).abs() <= 0.02 * c + 1.0, "{blue_in_place}: {c} vs {h}"),
            (None, None) => {}
            other => panic!("{blue_in_place}: one step held, the other did not: {other:?}"),
        }
    }
}

proptest! {
    #[test]
    /// Also the property "more European forward forces never lower P(hold)", run by run: with
    /// Red follow-on echelons and Blue's supply running short, extra Blue never brings Red to
    /// the objective sooner (so, over common draws, P(hold) never falls).
    fn more_blue_never_reaches_the_objective_sooner(
        blue in 1.0f64..30.0,
        extra in 0.0f64..20.0,
        red in 5.0f64..60.0,
        a in 0.0f64..0.02,
        b in 0.0f64..0.02,
        e in 0.0f64..1.0,
        late_hour in 0.0f64..100.0,
        echelon in 0.0f64..40.0,
        echelon_hour in 0.0f64..300.0,
        supply_hours in 0.0f64..400.0,
    ) {
        let params = CampaignParams {
            red_effect_per_hour: a,
            blue_effect_per_hour: b,
            exponents: Exponents::complementary(e),
            ..CampaignParams::default()
        };
        let red_forces = vec![in_place(red), Formation { ready_hours: echelon_hour, ..in_place(echelon) }];
        let run = |extra_power: f64| {
            let blue_forces = vec![in_place(blue), Formation { ready_hours: late_hour, ..in_place(extra_power) }];
            let mut f = forces(blue_forces, red_forces.clone());
            f.blue_supply = Supply { stock_hours: supply_hours, resupply_share: 0.4 };
            let inputs = CampaignInputs::new(params, &f, hourly(480.0)).unwrap();
            simulate(&inputs).hours_to_objective.unwrap_or(f64::INFINITY)
        };
        let (fewer, more) = (run(0.0), run(extra));
        prop_assert!(more >= fewer - 1e-9, "fewer {} more {}", fewer, more);
        let scaled = {
            let inputs = CampaignInputs::new(params, &forces(vec![in_place(blue * 1.5)], vec![in_place(red)]), hourly(480.0)).unwrap();
            simulate(&inputs).hours_to_objective.unwrap_or(f64::INFINITY)
        };
        let base = {
            let inputs = CampaignInputs::new(params, &forces(vec![in_place(blue)], vec![in_place(red)]), hourly(480.0)).unwrap();
            simulate(&inputs).hours_to_objective.unwrap_or(f64::INFINITY)
        };
        prop_assert!(scaled >= base - 1e-9, "base {} scaled {}", base, scaled);
    }
}

proptest! {
    #[test]
    /// The complementary fast path (one `ln`, one `exp` a step) against `powf` on the same
    /// inputs: the same ending, and hours and strengths within 1e-9 relative (the terms differ
    /// by about 1e-15 a step; the stated tolerance leaves room for their growth over 1,440
    /// steps, not for a different course of the battle).
    fn the_fast_fire_path_follows_the_powf_path(
        blue in 1.0f64..30.0,
        red in 5.0f64..60.0,
        a in 0.0f64..0.02,
        b in 0.0f64..0.02,
        e in 0.01f64..0.99,
        echelon in 0.0f64..40.0,
        echelon_hour in 0.0f64..300.0,
        supply_hours in 0.0f64..400.0,
        out_hours in 0.0f64..600.0,
    ) {
        let params = CampaignParams {
            red_effect_per_hour: a,
            blue_effect_per_hour: b,
            exponents: Exponents::complementary(e),
            ..CampaignParams::default()
        };
        let mut f = forces(vec![in_place(blue)], vec![in_place(red), Formation { ready_hours: echelon_hour, ..in_place(echelon) }]);
        f.blue_supply = Supply { stock_hours: supply_hours, resupply_share: 0.4 };
        f.red_supply = Supply { stock_hours: supply_hours * 0.5, resupply_share: 0.0 };
        f.red_air = AirPower { combat_aircraft: 300.0, sead_needed: 40.0, ..AirPower::NONE };
        f.blue_iamd_denial = 0.6;
        f.blue_iamd_denial_without_interceptors = 0.2;
        f.blue_interceptors_out_hours = out_hours;
        let inputs = CampaignInputs::new(params, &f, hourly(1440.0)).unwrap();
        let (fast, reference) = (simulate(&inputs), super::simulate::simulate_with_powf(&inputs));
        let near = |x: f64, y: f64| (x - y).abs() <= 1e-9 * (1.0 + x.abs().max(y.abs()));
        prop_assert_eq!(fast.end, reference.end);
        match (fast.hours_to_objective, reference.hours_to_objective) {
            (Some(x), Some(y)) => prop_assert!(near(x, y), "{} vs {}", x, y),
            (x, y) => prop_assert_eq!(x, y),
        }
        prop_assert!(near(fast.blue, reference.blue) && near(fast.red, reference.red), "{:?} vs {:?}", fast, reference);
        prop_assert!(near(fast.advance_km, reference.advance_km), "{:?} vs {:?}", fast, reference);
    }
}
