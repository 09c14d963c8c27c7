//! One outcome metric of an ensemble (end hour, final strength): its declaration and its
//! streaming, mergeable summary.
//!
//! A [`MetricSummary`] holds a fixed amount of state however many runs feed it: counts, exact
//! sums of the values and of their squares ([`ExactSum`]), the extremes and a [`Histogram`].
//! Every part merges exactly, so summaries built on any threads or shards combine into the
//! summary a single sequential pass would have built, bit for bit.
//!
//! A time-to-event metric may declare a horizon ([`MetricSpec::with_horizon`]): a value above
//! it codes "did not happen within the horizon" (the interceptors lasted, the defence held).
//! Such a value is right-censored, not a number to average: the summary counts it apart
//! ([`MetricSummary::n_censored`]) and keeps it out of the mean, the deviation, the extremes and
//! the bins. Quantiles still rank over every run with a value ([`MetricSummary::quantile`]
//! says `None` where the rank falls beyond the horizon); [`MetricSummary::event_quantile`]
//! ranks over the runs where the event happened.

use crate::error::EnsembleError;
use crate::exact_sum::ExactSum;
use crate::histogram::{Bins, Histogram, MAX_INTEGER_BINS};

/// The declaration of one metric: its name and how its values are binned for quantiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricSpec {
    name: String,
    bins: Bins,
    /// Values above this are right-censored ("not within the horizon").
    horizon: Option<i64>,
}

impl MetricSpec {
    /// A metric whose quantiles are exact for integer values in `[min, max]`.
    pub fn integer(name: &str, min: i64, max: i64) -> Result<MetricSpec, EnsembleError> {
        let n_bins = max.checked_sub(min).and_then(|width| u64::try_from(width).ok()).map(|w| w + 1);
        if n_bins.is_none_or(|n_bins| n_bins > MAX_INTEGER_BINS) {
            return Err(EnsembleError::InvalidMetric {
                metric: name.to_string(),
                reason: format!(
                    "integer range [{min}, {max}] must be non-empty and hold at most \
                     {MAX_INTEGER_BINS} values"
                ),
            });
        }
        MetricSpec::new(name, Bins::Integer { min, max })
    }

    /// A metric of continuous values; quantiles within 0.4 % relative (see [`Bins::Relative`]).
    pub fn continuous(name: &str) -> Result<MetricSpec, EnsembleError> {
        MetricSpec::new(name, Bins::Relative)
    }

    fn new(name: &str, bins: Bins) -> Result<MetricSpec, EnsembleError> {
        // Names appear as single tokens in shard files and as CSV headers.
        let is_token = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.';
        if name.is_empty() || !name.chars().all(is_token) {
            return Err(EnsembleError::InvalidMetric {
                metric: name.to_string(),
                reason: "a metric name is one or more of `A-Z a-z 0-9 _ - .`".to_string(),
            });
        }
        Ok(MetricSpec { name: name.to_string(), bins, horizon: None })
    }

    /// The same metric with a horizon: a value above `horizon` means the event did not happen
    /// within it (a model's "held", "lasted" or "never" code) and is counted as censored, not
    /// summarised as a value. An error for an integer metric whose range does not hold the
    /// horizon; a continuous metric (a fractional year, the threat's readiness clocks) takes any
    /// horizon.
    pub fn with_horizon(mut self, horizon: i64) -> Result<MetricSpec, EnsembleError> {
        match self.bins {
            Bins::Integer { min, max } if !(min..=max).contains(&horizon) => {
                Err(EnsembleError::InvalidMetric {
                    metric: self.name,
                    reason: format!(
                        "a horizon ({horizon}) of an integer metric must lie in its range [{min}, {max}]"
                    ),
                })
            }
            _ => {
                self.horizon = Some(horizon);
                Ok(self)
            }
        }
    }

    /// The horizon beyond which values are censored, when the metric has one.
    pub fn horizon(&self) -> Option<i64> {
        self.horizon
    }

    /// The metric's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The metric's binning.
    pub fn bins(&self) -> &Bins {
        &self.bins
    }
}

/// The streaming summary of one metric over a set of completed runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricSummary {
    pub(crate) spec: MetricSpec,
    pub(crate) n_finite: u64,
    pub(crate) n_non_finite: u64,
    /// Values beyond the spec's horizon (0 without one), kept out of every other statistic.
    pub(crate) n_censored: u64,
    pub(crate) sum: ExactSum,
    pub(crate) sum_sq: ExactSum,
    /// `f64` bit patterns so that `Eq` is exact; meaningful only when `n_finite > 0`.
    pub(crate) min_bits: u64,
    pub(crate) max_bits: u64,
    pub(crate) histogram: Histogram,
}

impl MetricSummary {
    /// An empty summary of `spec`.
    pub fn new(spec: &MetricSpec) -> MetricSummary {
        MetricSummary {
            spec: spec.clone(),
            n_finite: 0,
            n_non_finite: 0,
            n_censored: 0,
            sum: ExactSum::new(),
            sum_sq: ExactSum::new(),
            min_bits: f64::INFINITY.to_bits(),
            max_bits: f64::NEG_INFINITY.to_bits(),
            histogram: Histogram::new(&spec.bins),
        }
    }

    /// Takes one run's value. NaN and infinities, and values beyond the horizon, are counted
    /// but kept out of the statistics.
    pub fn push(&mut self, value: f64) {
        if !value.is_finite() {
            self.n_non_finite += 1;
            return;
        }
        if self.spec.horizon.is_some_and(|horizon| value > horizon as f64) {
            self.n_censored += 1;
            return;
        }
        self.n_finite += 1;
        self.sum.add(value);
        // The square is rounded once, deterministically, before its exact accumulation.
        self.sum_sq.add(value * value);
        // `+ 0.0` turns -0.0 into 0.0 so that the extremes do not depend on arrival order.
        self.min_bits = self.min().min(value + 0.0).to_bits();
        self.max_bits = self.max().max(value + 0.0).to_bits();
        self.histogram.add(value);
    }

    /// Adds another summary of the same metric; the order of merging does not matter.
    pub fn merge(&mut self, other: &MetricSummary) -> Result<(), EnsembleError> {
        if self.spec != other.spec || !self.histogram.merge(&other.histogram) {
            return Err(EnsembleError::MergeMismatch {
                reason: format!("metric `{}` is declared differently", self.spec.name),
            });
        }
        self.n_finite += other.n_finite;
        self.n_non_finite += other.n_non_finite;
        self.n_censored += other.n_censored;
        self.sum.merge(&other.sum);
        self.sum_sq.merge(&other.sum_sq);
        self.min_bits = self.min().min(other.min()).to_bits();
        self.max_bits = self.max().max(other.max()).to_bits();
        Ok(())
    }

    /// Why this summary, read from a file, cannot be what [`MetricSummary::push`] builds from
    /// `n_completed` runs: counts that do not add up, non-finite or crossed extremes, bins
    /// outside the binning, a sum outside what the extremes allow.
    pub(crate) fn validate(&self, n_completed: u64) -> Result<(), String> {
        let n_values =
            self.n_finite.checked_add(self.n_non_finite).and_then(|n| n.checked_add(self.n_censored));
        if n_values != Some(n_completed) {
            return Err("finite, censored and non-finite values do not add up to the completed runs".into());
        }
        if self.spec.horizon.is_none() && self.n_censored > 0 {
            return Err("censored values need a metric with a horizon".into());
        }
        if self.spec.horizon.is_some_and(|horizon| self.n_finite > 0 && self.max() > horizon as f64) {
            return Err("a value beyond the horizon is counted as finite".into());
        }
        let (min, max) = (self.min(), self.max());
        if self.n_finite == 0 {
            let empty = min.is_infinite() && min > 0.0 && max.is_infinite() && max < 0.0;
            if !empty || self.sum != ExactSum::new() {
                return Err("a metric without values has no min, max or sum".into());
            }
        } else if !(min.is_finite() && max.is_finite() && min <= max) {
            return Err(format!("min {min:?} and max {max:?} must be finite with min ≤ max"));
        }
        let binned = self.histogram.validate(min, max)?;
        if binned != Some(self.n_finite) {
            return Err("the bins do not add up to the finite values".into());
        }
        let mean = self.sum.value() / self.n_finite.max(1) as f64;
        let slack = (max - min).abs().max(min.abs()).max(max.abs()) * 1e-9;
        if self.n_finite > 0 && !(mean >= min - slack && mean <= max + slack) {
            return Err("the sum does not fit between the min and the max".into());
        }
        Ok(())
    }

    /// The metric's declaration.
    pub fn spec(&self) -> &MetricSpec {
        &self.spec
    }

    /// Number of finite values taken (beyond the horizon excluded: the events that happened).
    pub fn count(&self) -> u64 {
        self.n_finite
    }

    /// Number of values beyond the spec's horizon: runs where the event did not happen within
    /// it (always 0 without a horizon).
    pub fn n_censored(&self) -> u64 {
        self.n_censored
    }

    /// Number of NaN or infinite values seen (excluded from every statistic).
    pub fn n_non_finite(&self) -> u64 {
        self.n_non_finite
    }

    /// Arithmetic mean of the finite values (NaN when there are none). The sum is exact and
    /// rounded once, so the mean is within one rounding of the true mean.
    pub fn mean(&self) -> f64 {
        self.sum.value() / self.n_finite as f64
    }

    /// Sample standard deviation (divisor n − 1; NaN below two values). It is computed as
    /// `(Σx² − (Σx)²/n) / (n − 1)` from the exact sums, so it loses relative accuracy when the
    /// mean dwarfs the spread (about `ε·mean²/var`), but never determinism.
    pub fn std_dev(&self) -> f64 {
        if self.n_finite < 2 {
            return f64::NAN;
        }
        let n = self.n_finite as f64;
        let sum = self.sum.value();
        let variance = (self.sum_sq.value() - sum * sum / n) / (n - 1.0);
        variance.max(0.0).sqrt()
    }

    /// Smallest finite value (+∞ when there is none).
    pub fn min(&self) -> f64 {
        f64::from_bits(self.min_bits)
    }

    /// Largest finite value (−∞ when there is none).
    pub fn max(&self) -> f64 {
        f64::from_bits(self.max_bits)
    }

    /// How many values fell on the integer `value`, for an integer metric whose range holds
    /// it (values count by their floor); `None` otherwise.
    pub fn integer_count(&self, value: i64) -> Option<u64> {
        match &self.histogram {
            Histogram::Integer { min, counts, .. } => {
                let idx = usize::try_from(value.checked_sub(*min)?).ok()?;
                counts.get(idx).copied()
            }
            Histogram::Relative(_) => None,
        }
    }

    /// The `q`-quantile (`q` in [0, 1]) over every run with a finite value, censored ones
    /// included, by the inverse empirical CDF: the value of rank `max(1, ⌈q·n⌉)`. Exact for
    /// integer metrics inside their range; see [`Bins`] otherwise. `None` when there are no
    /// values, `q` is outside [0, 1], or the rank falls beyond the horizon (the quantile is
    /// censored: "beyond the horizon").
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let n_ranked = self.n_finite + self.n_censored;
        if !(0.0..=1.0).contains(&q) || n_ranked == 0 {
            return None;
        }
        let rank = ((q * n_ranked as f64).ceil() as u64).clamp(1, n_ranked);
        if rank > self.n_finite {
            return None;
        }
        self.histogram.value_at_rank(rank, self.min(), self.max())
    }

    /// Whether the `q`-quantile over every run falls beyond the horizon (see
    /// [`MetricSummary::quantile`]); `false` without a horizon.
    pub fn quantile_is_censored(&self, q: f64) -> bool {
        let n_ranked = self.n_finite + self.n_censored;
        (0.0..=1.0).contains(&q)
            && self.n_censored > 0
            && ((q * n_ranked as f64).ceil() as u64).clamp(1, n_ranked) > self.n_finite
    }

    /// The `q`-quantile over the runs where the event happened (the finite values within the
    /// horizon); the same as [`MetricSummary::quantile`] for a metric without censored values.
    pub fn event_quantile(&self, q: f64) -> Option<f64> {
        if !(0.0..=1.0).contains(&q) || self.n_finite == 0 {
            return None;
        }
        let rank = ((q * self.n_finite as f64).ceil() as u64).clamp(1, self.n_finite);
        self.histogram.value_at_rank(rank, self.min(), self.max())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(left: f64, right: f64, tolerance: f64) -> bool {
        (left - right).abs() <= tolerance
    }

    #[test]
    fn statistics_of_a_small_integer_sample_are_exact() {
        let spec = MetricSpec::integer("end_hour", 0, 10).unwrap();
        let mut summary = MetricSummary::new(&spec);
        for value in [4.0, 1.0, 3.0, 2.0, f64::NAN] {
            summary.push(value);
        }
        assert_eq!((summary.count(), summary.n_non_finite()), (4, 1));
        assert!(close(summary.mean(), 2.5, 1e-15));
        assert!(close(summary.std_dev(), (5.0f64 / 3.0).sqrt(), 1e-15));
        assert!(close(summary.min(), 1.0, 0.0) && close(summary.max(), 4.0, 0.0));
        let quartiles: Vec<_> = [0.0, 0.25, 0.5, 0.75, 1.0].map(|q| summary.quantile(q).unwrap()).to_vec();
        assert_eq!(quartiles, [1.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(summary.quantile(1.5), None);
        assert_eq!([0, 3, 11, -1].map(|value| summary.integer_count(value)), [Some(0), Some(1), None, None]);
    }

    #[test]
    fn merged_summaries_equal_the_whole_and_refuse_other_metrics() {
        let spec = MetricSpec::continuous("final_blue").unwrap();
        let values = [0.0, -0.0, 3.5, 1e-9, 17.25, 6.0];
        let mut whole = MetricSummary::new(&spec);
        let mut left = MetricSummary::new(&spec);
        let mut right = MetricSummary::new(&spec);
        values.iter().for_each(|&value| whole.push(value));
        values[..3].iter().for_each(|&value| left.push(value));
        values[3..].iter().for_each(|&value| right.push(value));
        right.merge(&left).unwrap();
        assert_eq!(right, whole);
        let other = MetricSummary::new(&MetricSpec::continuous("final_red").unwrap());
        assert!(right.merge(&other).is_err());
    }

    #[test]
    fn values_beyond_the_horizon_are_censored_not_averaged() {
        // Days until a magazine runs out over a 30-day campaign; 31 codes "it lasted".
        let spec = MetricSpec::integer("runs_out_day", 1, 31).unwrap().with_horizon(30).unwrap();
        let mut summary = MetricSummary::new(&spec);
        for value in [10.0, 20.0, 31.0, 31.0, 31.0, f64::NAN] {
            summary.push(value);
        }
        assert_eq!((summary.count(), summary.n_censored(), summary.n_non_finite()), (2, 3, 1));
        // The mean and the extremes are over the two runs that ran out, not the sentinel 31.
        assert!(close(summary.mean(), 15.0, 1e-15) && close(summary.max(), 20.0, 0.0));
        // Quantiles over the five runs: the 40 % one is day 20, the median is censored.
        assert_eq!(summary.quantile(0.4), Some(20.0));
        assert_eq!(summary.quantile(0.5), None);
        assert!(summary.quantile_is_censored(0.5) && !summary.quantile_is_censored(0.2));
        assert_eq!(summary.event_quantile(1.0), Some(20.0));
        assert!(summary.validate(6).is_ok() && summary.validate(5).is_err());
        // Shards merge to the whole, censored counts included.
        let (mut left, mut right) = (MetricSummary::new(&spec), MetricSummary::new(&spec));
        [10.0, 31.0, 31.0].iter().for_each(|&value| left.push(value));
        [20.0, 31.0, f64::NAN].iter().for_each(|&value| right.push(value));
        left.merge(&right).unwrap();
        assert_eq!(left, summary);
        assert!(MetricSpec::integer("x", 0, 2).unwrap().with_horizon(3).is_err());
    }

    /// A continuous time to an event (the threat's readiness clock, fractional years, 30 coding
    /// "never within the projection") is censored above its horizon like an integer one.
    #[test]
    fn a_continuous_metric_with_a_horizon_censors_the_never_code() {
        let spec = MetricSpec::continuous("clock_years").unwrap().with_horizon(29).unwrap();
        let mut summary = MetricSummary::new(&spec);
        for value in [4.5, 30.0, 12.25, 30.0, 30.0] {
            summary.push(value);
        }
        assert_eq!((summary.count(), summary.n_censored()), (2, 3));
        assert!(close(summary.mean(), 8.375, 1e-12) && close(summary.max(), 12.25, 0.0));
        assert!(summary.quantile_is_censored(0.5) && summary.quantile(0.5).is_none());
        assert!(close(summary.event_quantile(1.0).unwrap(), 12.25, 12.25 * 0.004));
    }

    #[test]
    fn bad_declarations_are_rejected_with_the_metric_named() {
        assert!(MetricSpec::integer("h", 5, 4).is_err());
        assert!(MetricSpec::integer("h", i64::MIN, i64::MAX).is_err());
        let err = MetricSpec::continuous("final blue").unwrap_err();
        assert!(err.to_string().contains("final blue"), "{err}");
    }
}
