//! Test functions with analytic sensitivity indices, to validate the methods (and to let a
//! user check them: `bulwark explore sobol --model ishigami`).
//!
//! **Ishigami–Homma** (Ishigami and Homma 1990, doi:10.1109/ISUMA.1990.151285):
//! `f(x) = sin x_1 + a sin² x_2 + b x_3⁴ sin x_1`, `x_i ~ U(−π, π)`. With
//! `V_1 = ½(1 + bπ⁴/5)²`, `V_2 = a²/8`, `V_13 = b²π⁸(1/18 − 1/50)` and
//! `V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½`: `S_1 = V_1/V`, `S_2 = V_2/V`, `S_3 = 0`,
//! `S_T1 = (V_1 + V_13)/V`, `S_T2 = S_2`, `S_T3 = V_13/V`. At `a = 7`, `b = 0.1`:
//! `S = (0.3139, 0.4424, 0)`, `S_T = (0.5576, 0.4424, 0.2437)`.
//!
//! **Sobol G-function** (Saltelli and Sobol 1995, doi:10.1016/0951-8320(95)00099-2):
//! `g(x) = Π_i (|4x_i − 2| + a_i)/(1 + a_i)`, `x_i ~ U(0, 1)`. With `V_i = 1/(3(1 + a_i)²)`
//! and `V = Π(1 + V_i) − 1`: `S_i = V_i / V`, `S_Ti = V_i Π_{k≠i}(1 + V_k) / V`. The
//! coefficients are the eight of SALib's `Sobol_G` test function (after Saltelli et al. 2010,
//! doi:10.1016/j.cpc.2009.09.018): `a = (0, 1, 4.5, 9, 99, 99, 99, 99)`. The formula gives
//! `S = (0.7162, 0.1790, 0.0237, 0.0072, 0.0001 ×4)` and
//! `S_T = (0.7871, 0.2422, 0.0343, 0.0105, 0.0001 ×4)`; SALib's comment lists
//! `S_1 = 0.7165`, `S_2 = 0.1791`, 3·10⁻⁴ from these, far inside any test tolerance.

use std::f64::consts::PI;

/// Ishigami's `a` and `b` of the usual benchmark.
pub const ISHIGAMI_AB: (f64, f64) = (7.0, 0.1);

/// The G-function coefficients of SALib's `Sobol_G` (after Saltelli et al. 2010).
pub const G_COEFFICIENTS: [f64; 8] = [0.0, 1.0, 4.5, 9.0, 99.0, 99.0, 99.0, 99.0];

/// The Ishigami function at `x` (three inputs).
pub fn ishigami(x: &[f64], a: f64, b: f64) -> f64 {
    x[0].sin() + a * x[1].sin().powi(2) + b * x[2].powi(4) * x[0].sin()
}

/// The Ishigami function's analytic first-order and total indices.
pub fn ishigami_indices(a: f64, b: f64) -> ([f64; 3], [f64; 3]) {
    let v1 = 0.5 * (1.0 + b * PI.powi(4) / 5.0).powi(2);
    let v2 = a * a / 8.0;
    let v13 = b * b * PI.powi(8) * (1.0 / 18.0 - 1.0 / 50.0);
    let v = a * a / 8.0 + b * PI.powi(4) / 5.0 + b * b * PI.powi(8) / 18.0 + 0.5;
    ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v])
}

/// The G-function at `x` with coefficients `a` (one per input).
pub fn g_function(x: &[f64], a: &[f64]) -> f64 {
    x.iter().zip(a).map(|(x, a)| ((4.0 * x - 2.0).abs() + a) / (1.0 + a)).product()
}

/// The G-function's analytic first-order and total indices.
pub fn g_function_indices(a: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let partial: Vec<f64> = a.iter().map(|a| 1.0 / (3.0 * (1.0 + a).powi(2))).collect();
    let product: f64 = partial.iter().map(|v| 1.0 + v).product();
    let v = product - 1.0;
    let first = partial.iter().map(|vi| vi / v).collect();
    let total = partial.iter().map(|vi| vi * product / (1.0 + vi) / v).collect();
    (first, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analytic_ishigami_indices_are_the_published_ones() {
        let (first, total) = ishigami_indices(7.0, 0.1);
        for (got, want) in first.iter().chain(&total).zip([0.3139, 0.4424, 0.0, 0.5576, 0.4424, 0.2437]) {
            assert!((got - want).abs() < 1e-4, "{got} against {want}");
        }
    }

    #[test]
    fn analytic_g_indices_match_salib_s_listed_values() {
        // SALib lists S = 0.7165, 0.1791, 0.0237, 0.0072, 0.0001 (rounded); the formula
        // agrees within 5·10⁻⁴.
        let (first, total) = g_function_indices(&G_COEFFICIENTS);
        for (got, want) in first.iter().zip([0.7165, 0.1791, 0.0237, 0.0072, 0.0001]) {
            assert!((got - want).abs() < 5e-4, "{got} against {want}");
        }
        assert!(first.iter().zip(&total).all(|(s, st)| s <= st));
    }
}
