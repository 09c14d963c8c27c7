//! Validation of the Morris design and measures.

use super::*;
use crate::test_functions::{g_function, g_function_indices, G_COEFFICIENTS};

fn run(design: &MorrisDesign, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    (0..design.n_rows())
        .map(|row| {
            let mut u = vec![0.0; design.n_params()];
            design.row_into(row, &mut u);
            f(&u)
        })
        .collect()
}

fn settings() -> BootstrapSettings {
    BootstrapSettings::new(200, 0.95, 2).unwrap()
}

#[test]
fn each_step_moves_one_input_by_half_its_probability() {
    let design = MorrisDesign::new(5, 7, 4, 0, 1).unwrap();
    let mut previous = vec![0.0; 5];
    for row in 0..design.n_rows() {
        let mut u = vec![0.0; 5];
        design.row_into(row, &mut u);
        assert!(
            u.iter().all(|u| [0.125, 0.375, 0.625, 0.875].iter().any(|l| (l - u).abs() < 1e-12)),
            "{u:?}"
        );
        if row % 6 != 0 {
            let moved: Vec<f64> =
                u.iter().zip(&previous).map(|(a, b)| (a - b).abs()).filter(|d| *d > 0.0).collect();
            assert_eq!(moved.len(), 1, "row {row}");
            assert!((moved[0] - 0.5).abs() < 1e-12);
        }
        previous = u;
    }
}

/// A linear function `Σ c_i u_i` has constant elementary effects: μ = c_i, μ* = |c_i|
/// (outcome per unit of probability) and σ = 0.
#[test]
fn linear_function_gives_its_coefficients_and_no_spread() {
    let c = [3.0, -1.0, 0.5, 0.0];
    let design = MorrisDesign::new(4, 10, 6, 0, 5).unwrap();
    let indices =
        morris_indices(&design, &run(&design, |u| u.iter().zip(&c).map(|(u, c)| u * c).sum()), &settings())
            .unwrap();
    for (i, ci) in c.iter().enumerate() {
        assert!((indices.mu[i] - ci).abs() < 1e-9);
        assert!((indices.mu_star[i].value - ci.abs()).abs() < 1e-9);
        assert!(indices.sigma[i] < 1e-9);
    }
}

/// Issue 13's validation: the μ* ranking of the G-function (SALib's coefficients) matches the
/// analytic ranking of its total indices for the four inputs that matter (a = 0, 1, 4.5, 9),
/// and the four with a = 99 are far below them (Campolongo et al. 2007 use μ* for exactly this
/// screening).
#[test]
fn g_function_mu_star_ranks_inputs_as_the_analytic_indices() {
    let design = MorrisDesign::new(8, 40, 4, 200, 11).unwrap();
    let indices =
        morris_indices(&design, &run(&design, |u| g_function(u, &G_COEFFICIENTS)), &settings()).unwrap();
    let mu_star: Vec<f64> = indices.mu_star.iter().map(|e| e.value).collect();
    let (_, total) = g_function_indices(&G_COEFFICIENTS);
    for i in 0..3 {
        assert!(total[i] > total[i + 1]);
        assert!(mu_star[i] > mu_star[i + 1], "μ* = {mu_star:?}");
    }
    assert!(mu_star[4..].iter().all(|m| *m < mu_star[3] / 2.0), "μ* = {mu_star:?}");
}

#[test]
fn ishigami_x3_acts_only_through_interaction() {
    // x3 has no first-order effect but a total one (S_T3 = 0.24): μ near 0, σ and μ* not.
    use std::f64::consts::PI;
    let design = MorrisDesign::new(3, 200, 4, 0, 3).unwrap();
    let f = |u: &[f64]| {
        let x: Vec<f64> = u.iter().map(|u| -PI + 2.0 * PI * u).collect();
        crate::test_functions::ishigami(&x, 7.0, 0.1)
    };
    let indices = morris_indices(&design, &run(&design, f), &settings()).unwrap();
    assert!(indices.mu[2].abs() < 0.25 * indices.mu_star[2].value, "{indices:?}");
    assert!(indices.sigma[2] > 0.5 * indices.mu_star[2].value);
}

#[test]
fn selection_spreads_trajectories_more_than_chance() {
    let spread = |design: &MorrisDesign| {
        let t = &design.trajectories;
        let mut total = 0.0;
        for i in 0..t.len() {
            for j in i + 1..t.len() {
                total += distance(&t[i], &t[j], design.delta()).powi(2);
            }
        }
        total
    };
    let random = MorrisDesign::new(6, 10, 4, 0, 4).unwrap();
    let chosen = MorrisDesign::new(6, 10, 4, 100, 4).unwrap();
    assert!(spread(&chosen) > spread(&random), "{} vs {}", spread(&chosen), spread(&random));
}

#[test]
fn the_design_depends_on_the_seed_only_and_refuses_bad_settings() {
    assert_eq!(MorrisDesign::new(3, 5, 4, 20, 8).unwrap(), MorrisDesign::new(3, 5, 4, 20, 8).unwrap());
    assert_ne!(MorrisDesign::new(3, 5, 4, 0, 8).unwrap(), MorrisDesign::new(3, 5, 4, 0, 9).unwrap());
    assert!(MorrisDesign::new(3, 5, 3, 0, 1).is_err());
    assert!(MorrisDesign::new(3, 1, 4, 0, 1).is_err());
    assert!(MorrisDesign::new(3, 5, 4, 4, 1).is_err());
    assert!(MorrisDesign::new(0, 5, 4, 0, 1).is_err());
}
