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

/// A time to an event that may not come within the horizon (the interceptors may last the
/// campaign): the share of runs beyond the horizon and, over the runs where the event came, its
/// mean and p5–p95. A horizon's "beyond" code is a censored observation, not a value to average.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CensoredSpread {
    /// Share of the runs where the event did not come within the horizon, 0 to 1.
    pub share_beyond: f64,
    /// Mean and p5–p95 over the runs where it came; `None` when it never did.
    pub among_events: Option<Spread>,
}

impl CensoredSpread {
    /// The censored share and the events' spread of a metric with a horizon (for a metric
    /// without one the share is 0); `None` when no run gave a value.
    pub fn of_metric(metric: &MetricSummary) -> Option<CensoredSpread> {
        let n_runs = metric.count() + metric.n_censored();
        if n_runs == 0 {
            return None;
        }
        let among_events = (metric.count() > 0).then(|| Spread {
            central: metric.mean(),
            low: metric.event_quantile(0.05).unwrap_or(f64::NAN),
            high: metric.event_quantile(0.95).unwrap_or(f64::NAN),
            kind: SpreadKind::Percentiles,
        });
        Some(CensoredSpread { share_beyond: metric.n_censored() as f64 / n_runs as f64, among_events })
    }
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
    use bulwark_ensemble::MetricSpec;

    use super::*;

    #[test]
    fn a_horizon_code_is_a_share_beyond_not_a_day_averaged_in() {
        let spec = MetricSpec::integer("runs_out_day", 1, 31).unwrap().with_horizon(30).unwrap();
        let mut metric = MetricSummary::new(&spec);
        [10.0, 20.0, 31.0, 31.0].iter().for_each(|&day| metric.push(day));
        let spread = CensoredSpread::of_metric(&metric).unwrap();
        assert!((spread.share_beyond - 0.5).abs() < 1e-15);
        let events = spread.among_events.unwrap();
        assert!((events.central - 15.0).abs() < 1e-12 && events.high <= 20.0, "{events:?}");
        let mut lasted = MetricSummary::new(&spec);
        lasted.push(31.0);
        assert_eq!(CensoredSpread::of_metric(&lasted).unwrap().among_events, None);
    }

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
