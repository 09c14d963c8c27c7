//! A headline figure with its range: the central estimate and a 90 % band, so that no figure
//! of the assessment reads more precise than its assumptions allow.
//!
//! Two kinds of band, said in every report: for a quantity drawn over the scenario's
//! uncertainties (leakers, hours, credibility), the 5th and 95th percentiles of the ensemble;
//! for a probability estimated from an ensemble of yes/no runs (P(hold), P(decide in time)),
//! whose runs already mix every uncertainty, the 90 % Wilson interval of the estimate.

use bulwark_ensemble::MetricSummary;

/// z for a two-sided 90 % interval.
const Z_90: f64 = 1.644_853_626_951_472_2;

/// How a [`Spread`]'s band was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpreadKind {
    /// p5–p95 of the ensemble over the scenario's uncertainties.
    Percentiles,
    /// 90 % Wilson interval of a probability estimated from the ensemble's runs.
    ProbabilityInterval,
}

/// A central value with its 90 % band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The ensemble mean (or share of runs).
    pub central: f64,
    /// Lower end of the band.
    pub low: f64,
    /// Upper end of the band.
    pub high: f64,
    /// What the band is.
    pub kind: SpreadKind,
}

impl Spread {
    /// Mean and p5–p95 of a metric; `None` when no run completed.
    pub fn of_metric(metric: &MetricSummary) -> Option<Spread> {
        if metric.count() == 0 {
            return None;
        }
        Some(Spread {
            central: metric.mean(),
            low: metric.quantile(0.05)?,
            high: metric.quantile(0.95)?,
            kind: SpreadKind::Percentiles,
        })
    }

    /// The 90 % Wilson interval of a share `p` estimated from `n` runs.
    pub fn wilson(p: f64, n: f64) -> Spread {
        let z2 = Z_90 * Z_90;
        let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
        let half = Z_90 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
        Spread {
            central: p,
            low: (centre - half).max(0.0),
            high: (centre + half).min(1.0),
            kind: SpreadKind::ProbabilityInterval,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_a_hand_computed_interval_and_stays_in_zero_one() {
        // p = 0.5, n = 100, z = 1.6449: centre 0.5, half-width 0.0812 (Wilson 1927's formula by hand).
        let s = Spread::wilson(0.5, 100.0);
        assert!((s.low - 0.4189).abs() < 1e-3 && (s.high - 0.5811).abs() < 1e-3, "{s:?}");
        let none = Spread::wilson(0.0, 50.0);
        assert!(none.low.abs() < 1e-12 && none.high > 0.0 && none.high < 0.1);
        let all = Spread::wilson(1.0, 50.0);
        assert!((all.high - 1.0).abs() < 1e-12 && all.low < 1.0);
    }
}
