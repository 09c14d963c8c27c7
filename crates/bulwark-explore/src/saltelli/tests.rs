//! Validation of the Saltelli design and estimators against functions with analytic indices.

use std::f64::consts::PI;

use super::*;
use crate::test_functions::{g_function, g_function_indices, ishigami, ishigami_indices, G_COEFFICIENTS};

fn run(design: &SaltelliDesign, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    (0..design.n_rows())
        .map(|row| {
            let mut u = vec![0.0; design.n_params()];
            design.row_into(row, &mut u);
            f(&u)
        })
        .collect()
}

fn ishigami_on_unit(u: &[f64]) -> f64 {
    let x: Vec<f64> = u.iter().map(|u| -PI + 2.0 * PI * u).collect();
    ishigami(&x, 7.0, 0.1)
}

fn settings(resamples: usize) -> BootstrapSettings {
    BootstrapSettings::new(resamples, 0.95, 1).unwrap()
}

/// Issue 13's validation: Ishigami (a = 7, b = 0.1) at N = 2^13, every first-order and total
/// index within 0.02 of the analytic value (Ishigami and Homma 1990).
#[test]
fn ishigami_indices_within_0_02_at_n_8192() {
    let design = SaltelliDesign::new(1 << 13, 3, false, Some(42), 0).unwrap();
    let indices =
        sobol_indices(&design, &run(&design, ishigami_on_unit), "ishigami", &settings(100)).unwrap();
    let (first, total) = ishigami_indices(7.0, 0.1);
    for i in 0..3 {
        assert!((indices.first[i].value - first[i]).abs() < 0.02, "S{}: {:?}", i + 1, indices.first[i]);
        assert!((indices.total[i].value - total[i]).abs() < 0.02, "ST{}: {:?}", i + 1, indices.total[i]);
        // The interval brackets its own estimate and is narrow at this N.
        let e = indices.total[i];
        assert!(e.low <= e.value && e.value <= e.high && e.high - e.low < 0.1, "{e:?}");
    }
}

/// The second-order indices of Ishigami: only x1–x3 interact, S13 = V13/V = 0.2437.
#[test]
fn ishigami_second_order_finds_the_x1_x3_interaction() {
    let design = SaltelliDesign::new(1 << 13, 3, true, Some(3), 0).unwrap();
    let indices = sobol_indices(&design, &run(&design, ishigami_on_unit), "ishigami", &settings(0)).unwrap();
    let s2 = |i, j| indices.second.iter().find(|(a, b, _)| (*a, *b) == (i, j)).unwrap().2.value;
    assert!((s2(0, 2) - 0.2437).abs() < 0.05, "S13 = {}", s2(0, 2));
    assert!(s2(0, 1).abs() < 0.05 && s2(1, 2).abs() < 0.05);
    let (first, _) = ishigami_indices(7.0, 0.1);
    assert!((indices.first[1].value - first[1]).abs() < 0.02);
}

/// The G-function with SALib's coefficients: every index within 0.02 of the analytic value
/// at N = 2^13 (Saltelli and Sobol 1995).
#[test]
fn g_function_indices_within_0_02_at_n_8192() {
    let design = SaltelliDesign::new(1 << 13, 8, false, Some(9), 0).unwrap();
    let outcomes = run(&design, |u| g_function(u, &G_COEFFICIENTS));
    let indices = sobol_indices(&design, &outcomes, "g", &settings(0)).unwrap();
    let (first, total) = g_function_indices(&G_COEFFICIENTS);
    for i in 0..8 {
        assert!((indices.first[i].value - first[i]).abs() < 0.02, "S{}: {:?}", i + 1, indices.first[i]);
        assert!((indices.total[i].value - total[i]).abs() < 0.02, "ST{}: {:?}", i + 1, indices.total[i]);
    }
}

#[test]
fn the_plain_sequence_with_a_skip_also_converges() {
    let design = SaltelliDesign::new(1 << 12, 3, false, None, 1 << 12).unwrap();
    let indices = sobol_indices(&design, &run(&design, ishigami_on_unit), "ishigami", &settings(0)).unwrap();
    let (first, total) = ishigami_indices(7.0, 0.1);
    for i in 0..3 {
        assert!((indices.first[i].value - first[i]).abs() < 0.03);
        assert!((indices.total[i].value - total[i]).abs() < 0.03);
    }
}

#[test]
fn rows_follow_salib_s_block_order() {
    let design = SaltelliDesign::new(4, 2, true, Some(1), 0).unwrap();
    assert_eq!(design.n_rows(), 4 * 6);
    let row = |r| {
        let mut u = [0.0; 2];
        design.row_into(r, &mut u);
        u.map(f64::to_bits)
    };
    let (a, ab1, ab2, ba1, ba2, b) = (row(6), row(7), row(8), row(9), row(10), row(11));
    assert_eq!((ab1[0], ab1[1]), (b[0], a[1]));
    assert_eq!((ab2[0], ab2[1]), (a[0], b[1]));
    assert_eq!((ba1[0], ba1[1]), (a[0], b[1]));
    assert_eq!((ba2[0], ba2[1]), (b[0], a[1]));
    assert_ne!(a, b);
}

#[test]
fn a_constant_outcome_and_a_failed_run_are_errors_not_nan() {
    let design = SaltelliDesign::new(8, 2, false, Some(1), 0).unwrap();
    let constant = vec![3.0; design.n_rows() as usize];
    assert!(matches!(
        sobol_indices(&design, &constant, "y", &settings(0)),
        Err(ExploreError::ConstantOutcome { .. })
    ));
    let mut holed = run(&design, |u| u[0]);
    holed[5] = f64::NAN;
    assert!(matches!(
        sobol_indices(&design, &holed, "y", &settings(0)),
        Err(ExploreError::FailedRuns { .. })
    ));
    assert!(sobol_indices(&design, &holed[1..], "y", &settings(0)).is_err());
    assert!(SaltelliDesign::new(1, 2, false, None, 0).is_err());
    assert!(SaltelliDesign::new(8, 0, false, None, 0).is_err());
}

proptest::proptest! {
    /// For a linear function the first-order and total indices coincide and sum to one, and
    /// each is the share `c_i² / Σ c²` (uniform inputs), whatever the coefficients.
    #[test]
    fn linear_functions_have_additive_indices(c in proptest::collection::vec(0.1f64..5.0, 2..5)) {
        let design = SaltelliDesign::new(1 << 10, c.len(), false, Some(5), 0).unwrap();
        let outcomes = run(&design, |u| u.iter().zip(&c).map(|(u, c)| u * c).sum());
        let indices = sobol_indices(&design, &outcomes, "linear", &settings(0)).unwrap();
        let norm: f64 = c.iter().map(|c| c * c).sum();
        for (i, ci) in c.iter().enumerate() {
            let share = ci * ci / norm;
            proptest::prop_assert!((indices.first[i].value - share).abs() < 0.02);
            proptest::prop_assert!((indices.total[i].value - share).abs() < 0.02);
        }
    }
}
