//! Tests of the integrator: conservation laws, a hand-computed case, step convergence, and
//! properties over random inputs.

use proptest::prelude::*;

use super::*;
use crate::attrition::{Exponents, Law, Reinforcement};

fn fight(law: Law, a: f64, b: f64, blue: f64, red: f64) -> Params {
    Params::default()
        .with_law(law)
        .and_then(|p| p.with_coefficients(a, b))
        .and_then(|p| p.with_initial(blue, red))
        .and_then(|p| p.with_break_fractions(0.0, 0.0))
        .unwrap()
}

fn relative(x: f64, y: f64) -> f64 {
    (x - y).abs() / x.abs().max(y.abs()).max(1e-300)
}

/// Largest drift of `invariant(blue, red)` from its initial value, relative to that value.
fn drift(trajectory: &Trajectory, invariant: impl Fn(f64, f64) -> f64) -> f64 {
    let initial = invariant(trajectory.blue[0], trajectory.red[0]);
    let points = trajectory.blue.iter().zip(&trajectory.red);
    points.map(|(&b, &r)| relative(invariant(b, r), initial)).fold(0.0, f64::max)
}

#[test]
fn square_law_conserves_a_r2_minus_b_b2() {
    // a·R² − b·B² is constant along exact square-law paths; the drift is the method's error,
    // first order for Euler (halving the step halves it) and fourth order for RK4.
    let params = fight(Law::Square, 0.02, 0.01, 100.0, 60.0);
    let invariant = |b: f64, r: f64| 0.02 * r * r - 0.01 * b * b;
    let drift_at = |method, step| {
        let (_, trajectory) = simulate_recorded(&params, &Solver::new(method, step, 50.0).unwrap());
        drift(&trajectory, invariant)
    };
    let (coarse, fine) = (drift_at(Method::Euler, 0.1), drift_at(Method::Euler, 0.05));
    assert!(coarse < 2e-3, "Euler drift {coarse}");
    assert!(fine < 0.6 * coarse, "halving the step should about halve the drift: {coarse} → {fine}");
    let rk4 = drift_at(Method::Rk4, 0.1);
    assert!(rk4 < 1e-9, "RK4 drift {rk4}");
}

#[test]
fn linear_law_conserves_a_r_minus_b_b() {
    // Under the linear law dB/dR = (a·R·B)/(b·B·R) = a/b, so a·R − b·B is constant; Euler keeps
    // it exactly up to rounding because every step removes a·dt·R·B·(b, a) in that ratio.
    let params = fight(Law::Linear, 0.002, 0.003, 90.0, 70.0);
    let invariant = |b: f64, r: f64| 0.002 * r - 0.003 * b;
    for method in [Method::Euler, Method::Rk4] {
        let (_, trajectory) = simulate_recorded(&params, &Solver::new(method, 0.5, 40.0).unwrap());
        let drift = drift(&trajectory, invariant);
        assert!(drift < 1e-12, "{method:?} drift {drift}");
    }
}

#[test]
fn logarithmic_law_decays_exponentially() {
    let params = fight(Law::Logarithmic, 0.05, 0.02, 100.0, 80.0);
    let outcome = simulate(&params, &Solver::new(Method::Rk4, 0.1, 10.0).unwrap());
    assert!(relative(outcome.blue, 100.0 * (-0.5f64).exp()) < 1e-8);
    assert!(relative(outcome.red, 80.0 * (-0.2f64).exp()) < 1e-8);
}

#[test]
fn two_euler_steps_by_hand() {
    // B0 = 100, R0 = 80, a = 0.01, b = 0.02, square law, dt = 1, 10 Blue arrive at t = 1:
    // step 1: B = 100 − 0.01·80 = 99.2,            R = 80 − 0.02·100 = 78;
    // step 2: B = (99.2 + 10) − 0.01·78 = 108.42,  R = 78 − 0.02·109.2 = 75.816.
    let params = fight(Law::Square, 0.01, 0.02, 100.0, 80.0)
        .with_blue_reinforcements(&[Reinforcement::Pulse { time: 1.0, amount: 10.0 }])
        .unwrap();
    let (outcome, trajectory) = simulate_recorded(&params, &Solver::new(Method::Euler, 1.0, 2.0).unwrap());
    assert!(relative(trajectory.blue[1], 99.2) < 1e-14 && relative(trajectory.red[1], 78.0) < 1e-14);
    assert!(relative(outcome.blue, 108.42) < 1e-14, "{}", outcome.blue);
    assert!(relative(outcome.red, 75.816) < 1e-14, "{}", outcome.red);
    assert!(relative(outcome.blue_losses, 0.8 + 0.78) < 1e-12);
    assert!(relative(outcome.red_losses, 2.0 + 2.184) < 1e-12);
    assert_eq!((outcome.end, outcome.steps), (EndReason::HorizonReached, 2));
}

#[test]
fn halving_the_step_moves_the_outcome_less_than_one_percent() {
    // Default inputs (docs/design.md §7 midpoints, hours). Euler's error is first order in the step
    // against a battle time scale 1/√(ab) = 400 h, so one-hour and half-hour steps must agree on
    // the end reason, on the break time to within 1 % (or 2 steps), and on final strengths to 1 %.
    let params = Params::default();
    let coarse = simulate(&params, &Solver::new(Method::Euler, 1.0, 720.0).unwrap());
    let fine = simulate(&params, &Solver::new(Method::Euler, 0.5, 720.0).unwrap());
    assert_eq!(coarse.end, fine.end);
    assert!((coarse.end_time - fine.end_time).abs() <= (0.01 * fine.end_time).max(2.0));
    assert!(relative(coarse.blue, fine.blue) < 0.01 && relative(coarse.red, fine.red) < 0.01);
}

#[test]
fn default_run_ends_with_blue_breaking() {
    // Red outnumbers Blue 65 : 30 with equal effectiveness, so Blue breaks first.
    let outcome = simulate(&Params::default(), &Solver::new(Method::Euler, 1.0, 720.0).unwrap());
    assert_eq!(outcome.end, EndReason::BlueBreaks);
    assert!(outcome.blue < 0.3 * 30.0 && outcome.red > 0.3 * 65.0);
}

#[test]
fn rate_reinforcement_adds_its_integral() {
    let params = fight(Law::Square, 0.0, 0.0, 10.0, 10.0)
        .with_red_reinforcements(&[Reinforcement::Rate { start_time: 0.25, end_time: 1.75, per_time: 4.0 }])
        .unwrap();
    for method in [Method::Euler, Method::Rk4] {
        let outcome = simulate(&params, &Solver::new(method, 0.5, 3.0).unwrap());
        assert!(relative(outcome.red, 16.0) < 1e-14, "{method:?}: {}", outcome.red);
    }
}

#[test]
fn overflow_is_a_status_not_a_panic() {
    let params = fight(Law::Linear, f64::MAX, 0.0, 1e300, 1e300);
    let outcome = simulate(&params, &Solver::new(Method::Rk4, 1.0, 10.0).unwrap());
    assert_eq!(outcome.end, EndReason::NumericalTrouble);
    assert_eq!(outcome.steps, 0);
}

#[test]
fn trajectory_interpolates_between_steps() {
    let params = fight(Law::Square, 0.0, 0.0, 10.0, 10.0)
        .with_blue_reinforcements(&[Reinforcement::Rate { start_time: 0.0, end_time: 2.0, per_time: 1.0 }])
        .unwrap();
    let (_, trajectory) = simulate_recorded(&params, &Solver::new(Method::Euler, 1.0, 2.0).unwrap());
    let (blue, _) = trajectory.at(1.5).unwrap();
    assert!(relative(blue, 11.5) < 1e-14);
    assert!(trajectory.at(2.5).is_none());
}

fn exponent() -> impl Strategy<Value = f64> {
    0.0..=1.0f64
}

fn any_exponents() -> impl Strategy<Value = Exponents> {
    (0.0..=2.0f64, 0.0..=2.0f64, 0.0..=2.0f64, 0.0..=2.0f64).prop_map(|(e1, e2, e3, e4)| Exponents {
        e1,
        e2,
        e3,
        e4,
    })
}

proptest! {
    #[test]
    fn strengths_stay_non_negative_and_never_grow_without_reinforcements(
        exponents in any_exponents(),
        a in 0.0..0.05f64,
        b in 0.0..0.05f64,
        blue in 0.0..200.0f64,
        red in 0.0..200.0f64,
        step in 0.1..2.0f64,
        rk4 in any::<bool>(),
    ) {
        let method = if rk4 { Method::Rk4 } else { Method::Euler };
        let params = fight(Law::Helmbold(exponents), a, b, blue, red);
        let (outcome, trajectory) = simulate_recorded(&params, &Solver::new(method, step, 100.0).unwrap());
        prop_assert_ne!(outcome.end, EndReason::NumericalTrouble);
        for side in [&trajectory.blue, &trajectory.red] {
            prop_assert!(side.iter().all(|&s| s >= 0.0));
            prop_assert!(side.windows(2).all(|pair| pair[1] <= pair[0]));
        }
    }

    #[test]
    fn more_initial_blue_never_makes_blue_break_earlier(
        (e1, e2, e3, e4) in (exponent(), exponent(), exponent(), exponent()),
        a in 0.0001..0.002f64,
        b in 0.0001..0.002f64,
        blue in 10.0..60.0f64,
        extra_blue in 0.0..30.0f64,
        red in 10.0..90.0f64,
    ) {
        // The property needs own-strength exponents ≤ 1 (with e2 > 1 a bigger force loses a
        // larger share per hour) and steps small enough that Euler keeps the ordering of
        // states; these ranges satisfy both (see the module doc of `attrition`).
        let law = Law::Helmbold(Exponents { e1, e2, e3, e4 });
        let solver = Solver::new(Method::Euler, 1.0, 720.0).unwrap();
        let run = |blue: f64| {
            let params = fight(law, a, b, blue, red).with_break_fractions(0.3, 0.3).unwrap();
            simulate(&params, &solver)
        };
        let (small, large) = (run(blue), run(blue + extra_blue));
        if large.end == EndReason::BlueBreaks {
            prop_assert_eq!(small.end, EndReason::BlueBreaks);
            prop_assert!(small.steps <= large.steps, "{} > {}", small.steps, large.steps);
        }
    }
}

#[test]
fn r10_a_one_point_trajectory_interpolates_without_panicking() {
    // A run that stops at its start records one point; `at` used `clamp(1, len - 1)`, which
    // panics for one point (issue 10: `fit --law linear` on strengths near 1e200).
    let trajectory = Trajectory { time: vec![0.0], blue: vec![1e200], red: vec![3.0] };
    assert_eq!(trajectory.at(0.0), Some((1e200, 3.0)));
    assert_eq!(trajectory.at(5.0), None);
}
