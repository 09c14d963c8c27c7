//! Fits of synthetic battles whose coefficients are known: the fit must give them back.

use super::*;
use crate::attrition::simulate::simulate_recorded;

/// Daily strengths of a battle simulated with `law`, `a`, `b` from (1000, 800), with Blue
/// reinforced by 50 a day on days 1–5.
fn synthetic(law: Law, a: f64, b: f64) -> Series {
    let inflow = [Reinforcement::Rate { start_time: 0.0, end_time: 5.0, per_time: 50.0 }];
    let params = Params::default()
        .with_law(law)
        .and_then(|p| p.with_coefficients(a, b))
        .and_then(|p| p.with_initial(1000.0, 800.0))
        .and_then(|p| p.with_break_fractions(0.0, 0.0))
        .and_then(|p| p.with_blue_reinforcements(&inflow))
        .unwrap();
    let (_, curve) = simulate_recorded(&params, &Solver::new(Method::Rk4, 1.0 / 64.0, 20.0).unwrap());
    let days: Vec<f64> = (0..=20).map(f64::from).collect();
    let at = |day: f64| curve.at(day).unwrap();
    let blue = days.iter().map(|&d| at(d).0).collect();
    let red = days.iter().map(|&d| at(d).1).collect();
    let landed = days.iter().map(|&d| if (1.0..=5.0).contains(&d) { 50.0 } else { 0.0 }).collect();
    Series::new(days, Some(blue), Some(red)).and_then(|s| s.with_reinforcements(Some(landed), None)).unwrap()
}

fn relative(x: f64, y: f64) -> f64 {
    (x - y).abs() / y.abs()
}

#[test]
fn square_law_fit_recovers_its_coefficients() {
    let series = synthetic(Law::Square, 0.02, 0.03);
    let fitted = fit(&series, &FitSpec::new(Law::Square)).unwrap();
    assert!(fitted.converged);
    assert!(relative(fitted.params.a(), 0.02) < 1e-4, "{}", fitted.params.a());
    assert!(relative(fitted.params.b(), 0.03) < 1e-4, "{}", fitted.params.b());
    assert!(fitted.evaluation.r_squared > 0.999_999);
    let residual = fitted.evaluation.points[7].blue_residual().unwrap();
    assert!(residual.abs() < 0.1, "{residual}");
}

#[test]
fn linear_and_logarithmic_fits_recover_their_coefficients() {
    for (law, a, b) in [(Law::Linear, 2e-5, 3e-5), (Law::Logarithmic, 0.02, 0.04)] {
        let series = synthetic(law, a, b);
        let fitted = fit(&series, &FitSpec::new(law)).unwrap();
        assert!(relative(fitted.params.a(), a) < 1e-4, "{law:?} a = {}", fitted.params.a());
        assert!(relative(fitted.params.b(), b) < 1e-4, "{law:?} b = {}", fitted.params.b());
    }
}

#[test]
fn helmbold_fit_matches_a_mixed_battle() {
    // Exponents are weakly identified by 21 days of a smooth battle, so the check is on the
    // fit's quality and on exponents near the truth, not on exact recovery.
    let truth = Exponents { e1: 0.8, e2: 0.2, e3: 0.8, e4: 0.2 };
    let series = synthetic(Law::Helmbold(truth), 0.05, 0.06);
    let spec = FitSpec { steps_per_interval: 4, ..FitSpec::new(Law::Helmbold(Exponents::SQUARE)) };
    let fitted = fit(&series, &spec).unwrap();
    assert!(fitted.evaluation.r_squared > 0.9999, "{}", fitted.evaluation.r_squared);
    assert!(fitted.evaluation.rmse < 2.0, "{}", fitted.evaluation.rmse);
}

#[test]
fn end_constraint_fixes_the_unobserved_side() {
    // Only Blue observed; Red's end strength (from the truth) pins b, the search finds a.
    let full = synthetic(Law::Square, 0.02, 0.03);
    let red_end = full.red().unwrap()[20];
    let blue_only = Series::new(full.time().to_vec(), full.blue().map(<[f64]>::to_vec), None)
        .and_then(|s| s.with_reinforcements(full.blue_reinforcements().map(<[f64]>::to_vec), None))
        .unwrap();
    let spec = FitSpec {
        red_initial: Some(800.0),
        end_constraint: Some(EndConstraint { side: Side::Red, time: 20.0, strength: red_end }),
        ..FitSpec::new(Law::Square)
    };
    let fitted = fit(&blue_only, &spec).unwrap();
    assert!(relative(fitted.params.a(), 0.02) < 1e-4, "{}", fitted.params.a());
    assert!(relative(fitted.params.b(), 0.03) < 1e-4, "{}", fitted.params.b());
}

#[test]
fn a_missing_initial_strength_is_an_error() {
    let series = Series::new(vec![1.0, 2.0], Some(vec![10.0, 9.0]), None).unwrap();
    let err = fit(&series, &FitSpec::new(Law::Square)).unwrap_err();
    assert!(err.to_string().contains("Red's initial strength"), "{err}");
    let early = FitSpec { start_time: Some(0.0), red_initial: Some(5.0), ..FitSpec::new(Law::Square) };
    let err = fit(&series, &early).unwrap_err();
    assert!(err.to_string().contains("Blue's initial strength"), "{err}");
    let late = FitSpec { start_time: Some(1.5), ..FitSpec::new(Law::Square) };
    assert!(fit(&series, &late).is_err());
}

#[test]
fn row_reinforcements_become_rates_over_the_preceding_interval() {
    let rates = windows(&[1.0, 2.0, 4.0], Some(&[10.0, 0.0, 6.0]), 0.0);
    assert_eq!(rates.len(), 2);
    assert_eq!(rates[0], Reinforcement::Rate { start_time: 0.0, end_time: 1.0, per_time: 10.0 });
    assert_eq!(rates[1], Reinforcement::Rate { start_time: 2.0, end_time: 4.0, per_time: 3.0 });
    // Starting at the first row, its reinforcement is already in its strength.
    assert!(windows(&[1.0, 2.0], Some(&[10.0, 0.0]), 1.0).is_empty());
}
