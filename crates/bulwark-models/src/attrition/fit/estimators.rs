//! Closed-form square-law estimators of the literature, which need no simulation.
//!
//! - **Engel's integral estimator** (J. H. Engel, "A verification of Lanchester's law",
//!   J. Oper. Res. Soc. Am. 2(2):163–171, 1954, doi:10.1287/opre.2.2.163). With the square law
//!   `dB/dt = −a·R + P(t)`, `dR/dt = −b·B` and Red's strength known only at the start and the
//!   end, integrating the second equation gives `b = (R0 − R_end) / ∫B dt`; Red's path then
//!   follows as `R(t) = R0 − b·∫₀ᵗ B`, and integrating the first gives
//!   `a = (Blue's total losses) / ∫R dt`. Engel used daily sums (the rectangle rule over the
//!   end-of-day strengths), padded the unrecorded last day with the day before, and assumed
//!   the Japanese garrison of 21,500 annihilated by day 36.
//! - **Helmbold's end-point identification** (R. L. Helmbold, "Air battles and ground
//!   battles — a common pattern?", RAND P-4548, 1971): given a square-law battle's initial and
//!   final strengths `x0 → x` (attacker) and `y0 → y` (defender) over a time `T`, with
//!   `dx/dt = −D·y`, `dy/dt = −A·x`, the invariant gives `D/A = (x0² − x²)/(y0² − y²)`; the
//!   defender's advantage is `μ = √(D/A)·y0/x0`, `V = ln μ`, and since `x + √(D/A)·y` decays as
//!   `e^(−λt)` with `λ = √(A·D)`, the intensity is `λ = ln((x0 + ν·y0)/(x + ν·y)) / T`,
//!   `ν = √(D/A)` — the root of `x = x0·cosh λT − ν·y0·sinh λT` that Helmbold tabulates.

use crate::attrition::series::Series;
use crate::ModelError;

const MODEL: &str = "attrition estimator";

/// Inputs of Engel's estimator besides the Blue series (end-of-period strengths at equal
/// intervals, the first row ending the first period).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EngelSpec {
    /// Start of the battle (Iwo Jima: day 0).
    pub start_time: f64,
    /// End of the battle; periods past the last row repeat its strength (Iwo Jima: day 36).
    pub end_time: f64,
    /// Blue's strength at the start (Iwo Jima: 0, no troops ashore yet).
    pub blue_initial: f64,
    /// Red's strength at the start (Iwo Jima: 21,500).
    pub red_initial: f64,
    /// Red's strength at the end (Iwo Jima: 0).
    pub red_final: f64,
}

/// Engel's estimates.
#[derive(Clone, Debug, PartialEq)]
pub struct EngelEstimate {
    /// Red's effectiveness against Blue, per time unit.
    pub a: f64,
    /// Blue's effectiveness against Red, per time unit.
    pub b: f64,
    /// Red's implied strength at the start and the end of every period.
    pub red_strength: Vec<f64>,
    /// Blue's total losses: initial + reinforcements − last observed strength.
    pub blue_losses: f64,
}

/// Engel's integral estimator of the square law's `a` and `b` from Blue's series alone.
pub fn engel_integral_estimate(series: &Series, spec: &EngelSpec) -> Result<EngelEstimate, ModelError> {
    let blue =
        series.blue().ok_or_else(|| ModelError::input(MODEL, "Engel's estimator needs Blue's strengths"))?;
    let period = regular_period(series.time(), spec.start_time)?;
    let n_periods = ((spec.end_time - spec.start_time) / period).round();
    // The range test also rejects NaN and infinity; a million periods bounds the work.
    if !(blue.len() as f64..=1e6).contains(&n_periods) {
        return Err(ModelError::parameter(
            MODEL,
            "end_time",
            spec.end_time,
            "a time at or after the last row, at most a million periods after the start",
        ));
    }
    let n_periods = n_periods as usize;
    // Engel's padding: a period after the last row holds the last observed strength.
    let blue_at = |period_idx: usize| blue[period_idx.min(blue.len() - 1)];
    let blue_integral: f64 = (0..n_periods).map(|idx| period * blue_at(idx)).sum();
    let b = (spec.red_initial - spec.red_final) / blue_integral;
    let mut red_strength = vec![spec.red_initial];
    for idx in 0..n_periods {
        red_strength.push(red_strength[idx] - b * period * blue_at(idx));
    }
    let arrived: f64 = series.blue_reinforcements().map_or(0.0, |r| r.iter().sum());
    let blue_losses = spec.blue_initial + arrived - blue[blue.len() - 1];
    let red_integral: f64 = red_strength[..n_periods].iter().map(|red| period * red).sum();
    let a = blue_losses / red_integral;
    if !(a.is_finite() && b.is_finite() && a >= 0.0 && b >= 0.0) {
        return Err(ModelError::input(
            MODEL,
            format!("the estimates a = {a}, b = {b} are not usable coefficients"),
        ));
    }
    Ok(EngelEstimate { a, b, red_strength, blue_losses })
}

/// The common interval of the rows, which must also separate the start from the first row.
fn regular_period(time: &[f64], start_time: f64) -> Result<f64, ModelError> {
    let period = time[1] - time[0];
    let mut previous = start_time;
    for &t in time {
        if ((t - previous) - period).abs() > 1e-9 * period {
            return Err(ModelError::parameter(
                MODEL,
                "time",
                t,
                "rows at equal intervals, the first one interval after start_time",
            ));
        }
        previous = t;
    }
    Ok(period)
}

/// Helmbold's square-law parameters of one battle from its end points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndpointEstimate {
    /// `D/A`: the defender's effectiveness over the attacker's.
    pub ratio_d_over_a: f64,
    /// `μ = √(D/A)·y0/x0`; above 1 the defender has the advantage.
    pub mu: f64,
    /// `V = ln μ`.
    pub v: f64,
    /// `λ = √(A·D)`, per time unit: the battle's intensity.
    pub lambda_per_time: f64,
}

/// Helmbold's end-point identification of a square-law battle (attacker `x`, defender `y`).
pub fn square_law_endpoints(
    attacker_initial: f64,
    defender_initial: f64,
    attacker_final: f64,
    defender_final: f64,
    duration_time: f64,
) -> Result<EndpointEstimate, ModelError> {
    let positive = (f64::MIN_POSITIVE, f64::MAX);
    let check = |name: &str, value: f64, range: (f64, f64), expected: &'static str| {
        crate::error::check_range(MODEL, name, value, range, expected)
    };
    let x0 = check("attacker_initial", attacker_initial, positive, "a positive strength")?;
    let y0 = check("defender_initial", defender_initial, positive, "a positive strength")?;
    let x = check("attacker_final", attacker_final, (0.0, x0), "a strength between 0 and the initial one")?;
    let y = check("defender_final", defender_final, (0.0, y0), "a strength between 0 and the initial one")?;
    let duration = check("duration_time", duration_time, positive, "a positive duration")?;
    let ratio_d_over_a = (x0 * x0 - x * x) / (y0 * y0 - y * y);
    if !(ratio_d_over_a.is_finite() && ratio_d_over_a > 0.0) {
        return Err(ModelError::input(MODEL, "both sides must lose strength for D/A to be defined"));
    }
    let nu = ratio_d_over_a.sqrt();
    let mu = nu * y0 / x0;
    let lambda_per_time = ((x0 + nu * y0) / (x + nu * y)).ln() / duration;
    Ok(EndpointEstimate { ratio_d_over_a, mu, v: mu.ln(), lambda_per_time })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_recover_a_simulated_square_law_battle() {
        // x(t) = x0·cosh λt − ν·y0·sinh λt, y(t) = y0·cosh λt − (x0/ν)·sinh λt with A = 0.01,
        // D = 0.04 (ν = 2, λ = 0.02) over T = 5.
        let (x0, y0, nu, lambda, t) = (1000.0f64, 400.0f64, 2.0f64, 0.02f64, 5.0f64);
        let x = x0 * (lambda * t).cosh() - nu * y0 * (lambda * t).sinh();
        let y = y0 * (lambda * t).cosh() - x0 / nu * (lambda * t).sinh();
        let estimate = square_law_endpoints(x0, y0, x, y, t).unwrap();
        assert!((estimate.ratio_d_over_a - 4.0).abs() < 1e-9, "{estimate:?}");
        assert!((estimate.lambda_per_time - 0.02).abs() < 1e-12, "{estimate:?}");
        assert!((estimate.mu - 0.8).abs() < 1e-12 && (estimate.v - 0.8f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn endpoints_reject_battles_without_losses() {
        assert!(square_law_endpoints(100.0, 50.0, 90.0, 50.0, 1.0).is_err());
        assert!(square_law_endpoints(100.0, 50.0, 110.0, 40.0, 1.0).is_err());
        assert!(square_law_endpoints(100.0, 50.0, 90.0, 40.0, 0.0).is_err());
    }

    #[test]
    fn engel_recovers_a_hand_built_battle() {
        // Blue holds 100 for three days against Red 30 → 0 with a = 0.1: b = 30/300 = 0.1,
        // Red = 30, 20, 10, 0; Blue lost a·(30 + 20 + 10) = 6 men a day on average but was
        // topped up to 100 by reinforcements of 2, 2, 2 after an initial 100 → losses 6.
        let series = Series::new(vec![1.0, 2.0, 3.0], Some(vec![100.0; 3]), None)
            .and_then(|s| s.with_reinforcements(Some(vec![2.0, 2.0, 2.0]), None))
            .unwrap();
        let spec = EngelSpec {
            start_time: 0.0,
            end_time: 3.0,
            blue_initial: 100.0,
            red_initial: 30.0,
            red_final: 0.0,
        };
        let estimate = engel_integral_estimate(&series, &spec).unwrap();
        assert!((estimate.b - 0.1).abs() < 1e-12, "{estimate:?}");
        assert!((estimate.a - 0.1).abs() < 1e-12, "{estimate:?}");
        assert!(estimate.red_strength.iter().zip([30.0, 20.0, 10.0, 0.0]).all(|(r, e)| (r - e).abs() < 1e-9));
    }

    #[test]
    fn engel_needs_regular_rows_and_blue() {
        let irregular = Series::new(vec![1.0, 2.0, 4.0], Some(vec![1.0; 3]), None).unwrap();
        let spec = EngelSpec {
            start_time: 0.0,
            end_time: 4.0,
            blue_initial: 0.0,
            red_initial: 10.0,
            red_final: 0.0,
        };
        assert!(engel_integral_estimate(&irregular, &spec).is_err());
        let red_only = Series::new(vec![1.0, 2.0], None, Some(vec![1.0; 2])).unwrap();
        assert!(engel_integral_estimate(&red_only, &spec).is_err());
    }
}
