//! The summary of an ensemble, or of any contiguous range of its runs (a chunk, a shard).
//!
//! An [`EnsembleSummary`] knows which ensemble it belongs to (seed, total runs, metrics) and
//! which runs it covers. Summaries of adjacent ranges merge into the summary of their union,
//! and because every statistic inside merges exactly, the merged summary is equal — `==` and
//! byte for byte in its text form — to the one a single pass over the union would give.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::error::EnsembleError;
use crate::metric::{MetricSpec, MetricSummary};

/// Longest provenance value kept (a digest or a name; the full manifest comes later).
pub const MAX_PROVENANCE_CHARS: usize = 200;

/// Counts, failures and per-metric statistics of the runs in `runs`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnsembleSummary {
    pub(crate) seed: u64,
    pub(crate) n_runs_total: u64,
    pub(crate) runs: Range<u64>,
    pub(crate) n_completed: u64,
    pub(crate) failures: BTreeMap<String, u64>,
    pub(crate) metrics: Vec<MetricSummary>,
    /// What the runs were run on, as `key → value` tokens (model, scenario and dataset
    /// digests, sampler); summaries merge only when these agree.
    pub(crate) provenance: BTreeMap<String, String>,
}

impl EnsembleSummary {
    /// The summary of no runs yet, for the runs `runs` of ensemble (`seed`, `n_runs_total`).
    pub fn empty(seed: u64, n_runs_total: u64, runs: Range<u64>, specs: &[MetricSpec]) -> EnsembleSummary {
        EnsembleSummary {
            seed,
            n_runs_total,
            runs,
            n_completed: 0,
            failures: BTreeMap::new(),
            metrics: specs.iter().map(MetricSummary::new).collect(),
            provenance: BTreeMap::new(),
        }
    }

    /// Records what the runs were run on (`model`, `scenario`, `dataset`, `sampler`, …), so
    /// that `merge` refuses shards of different ensembles. Keys are `[a-z0-9_]+`; values are
    /// single tokens (whitespace and control characters become `_`, at most 200 characters).
    pub fn with_provenance(mut self, key: &str, value: &str) -> EnsembleSummary {
        let key: String = key.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let value: String = value
            .chars()
            .take(MAX_PROVENANCE_CHARS)
            .map(|c| if c.is_whitespace() || c.is_control() { '_' } else { c })
            .collect();
        if !key.is_empty() && !value.is_empty() {
            self.provenance.insert(key.to_ascii_lowercase(), value);
        }
        self
    }

    /// What the runs were run on (see [`EnsembleSummary::with_provenance`]).
    pub fn provenance(&self) -> &BTreeMap<String, String> {
        &self.provenance
    }

    /// Takes a completed run's metric values, in declaration order.
    pub(crate) fn record_completed(&mut self, values: &[f64]) {
        self.n_completed += 1;
        self.metrics.iter_mut().zip(values).for_each(|(metric, &value)| metric.push(value));
    }

    /// Takes a failed run.
    pub(crate) fn record_failed(&mut self, reason: &str) {
        match self.failures.get_mut(reason) {
            Some(count) => *count += 1,
            None => {
                self.failures.insert(reason.to_string(), 1);
            }
        }
    }

    /// Merges the summary of the runs that directly follow this one's.
    pub fn merge(mut self, later: &EnsembleSummary) -> Result<EnsembleSummary, EnsembleError> {
        self.check_same_ensemble(later)?;
        if self.runs.end != later.runs.start {
            return Err(EnsembleError::MergeMismatch {
                reason: format!(
                    "runs {}..{} do not continue runs {}..{} (is a shard missing or repeated?)",
                    later.runs.start, later.runs.end, self.runs.start, self.runs.end
                ),
            });
        }
        self.runs.end = later.runs.end;
        self.n_completed += later.n_completed;
        for (reason, count) in &later.failures {
            *self.failures.entry(reason.clone()).or_insert(0) += count;
        }
        for (metric, later_metric) in self.metrics.iter_mut().zip(&later.metrics) {
            metric.merge(later_metric)?;
        }
        Ok(self)
    }

    /// Merges the summaries of shards given in any order; they must tile one range of runs.
    pub fn merge_all(mut shards: Vec<EnsembleSummary>) -> Result<EnsembleSummary, EnsembleError> {
        shards.sort_by_key(|shard| (shard.runs.start, shard.runs.end));
        let mut shards = shards.into_iter();
        let Some(first) = shards.next() else {
            return Err(EnsembleError::MergeMismatch { reason: "no summaries to merge".to_string() });
        };
        shards.try_fold(first, |acc, shard| acc.merge(&shard))
    }

    fn check_same_ensemble(&self, other: &EnsembleSummary) -> Result<(), EnsembleError> {
        let keys: std::collections::BTreeSet<&String> =
            self.provenance.keys().chain(other.provenance.keys()).collect();
        let shown = |value: Option<&String>| value.map_or("nothing".to_string(), |v| format!("`{v}`"));
        let differing = keys.into_iter().find(|key| self.provenance.get(*key) != other.provenance.get(*key));
        let mismatch = if let Some(key) = differing {
            Some(format!(
                "the shards come from different {key}s ({} and {})",
                shown(self.provenance.get(key)),
                shown(other.provenance.get(key))
            ))
        } else if self.seed != other.seed {
            Some(format!("seeds differ ({} and {})", self.seed, other.seed))
        } else if self.n_runs_total != other.n_runs_total {
            Some(format!("ensemble sizes differ ({} and {} runs)", self.n_runs_total, other.n_runs_total))
        } else if self.metrics.len() != other.metrics.len()
            || self.metrics.iter().zip(&other.metrics).any(|(left, right)| left.spec() != right.spec())
        {
            Some("the metrics differ".to_string())
        } else {
            None
        };
        match mismatch {
            Some(reason) => Err(EnsembleError::MergeMismatch { reason }),
            None => Ok(()),
        }
    }

    /// The ensemble's seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Number of runs of the whole ensemble (all shards).
    pub fn n_runs_total(&self) -> u64 {
        self.n_runs_total
    }

    /// The run indices this summary covers.
    pub fn runs(&self) -> Range<u64> {
        self.runs.clone()
    }

    /// Number of runs covered.
    pub fn n_runs(&self) -> u64 {
        self.runs.end - self.runs.start
    }

    /// Whether this summary covers every run of the ensemble.
    pub fn is_complete(&self) -> bool {
        self.runs == (0..self.n_runs_total)
    }

    /// Number of runs that completed.
    pub fn n_completed(&self) -> u64 {
        self.n_completed
    }

    /// Failed runs counted by reason, in reason order.
    pub fn failures(&self) -> &BTreeMap<String, u64> {
        &self.failures
    }

    /// Number of failed runs.
    pub fn n_failed(&self) -> u64 {
        self.failures.values().sum()
    }

    /// Per-metric summaries, in declaration order.
    pub fn metrics(&self) -> &[MetricSummary] {
        &self.metrics
    }

    /// The summary of the metric named `name`.
    pub fn metric(&self, name: &str) -> Option<&MetricSummary> {
        self.metrics.iter().find(|metric| metric.spec().name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary_of(runs: Range<u64>) -> EnsembleSummary {
        let specs = [MetricSpec::integer("hour", 0, 100).unwrap()];
        let mut res = EnsembleSummary::empty(7, 10, runs.clone(), &specs);
        for run_idx in runs {
            if run_idx % 4 == 3 {
                res.record_failed("diverged");
            } else {
                res.record_completed(&[run_idx as f64 * 1.5]);
            }
        }
        res
    }

    #[test]
    fn shards_in_any_order_merge_to_the_single_pass_summary() {
        let merged =
            EnsembleSummary::merge_all(vec![summary_of(6..10), summary_of(0..3), summary_of(3..6)]).unwrap();
        assert_eq!(merged, summary_of(0..10));
        assert!(merged.is_complete());
        assert_eq!((merged.n_completed(), merged.n_failed()), (8, 2));
    }

    #[test]
    fn gaps_overlaps_and_foreign_shards_are_refused() {
        assert!(EnsembleSummary::merge_all(vec![summary_of(0..3), summary_of(4..10)]).is_err());
        assert!(EnsembleSummary::merge_all(vec![summary_of(0..5), summary_of(3..10)]).is_err());
        let mut foreign = summary_of(5..10);
        foreign.seed = 8;
        let err = summary_of(0..5).merge(&foreign).unwrap_err();
        assert!(err.to_string().contains("seeds differ"), "{err}");
        assert!(EnsembleSummary::merge_all(Vec::new()).is_err());
    }

    #[test]
    fn r10_merge_refuses_shards_of_other_scenarios_samplers_or_datasets() {
        let tag = |runs, scenario: &str, sampler: &str| {
            summary_of(runs).with_provenance("scenario", scenario).with_provenance("sampler", sampler)
        };
        assert!(tag(0..5, "a", "mc").merge(&tag(5..10, "a", "mc")).is_ok());
        let err = tag(0..5, "a", "mc").merge(&tag(5..10, "b", "mc")).unwrap_err();
        assert!(err.to_string().contains("different scenarios (`a` and `b`)"), "{err}");
        let err = tag(0..5, "a", "mc").merge(&tag(5..10, "a", "lhs")).unwrap_err();
        assert!(err.to_string().contains("different samplers"), "{err}");
        let err = tag(0..5, "a", "mc").merge(&summary_of(5..10)).unwrap_err();
        assert!(err.to_string().contains("different samplers (`mc` and nothing)"), "{err}");
    }
}
