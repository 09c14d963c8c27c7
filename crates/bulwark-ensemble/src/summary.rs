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

/// Longest provenance value kept (a digest, a version or a name).
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

/// A provenance key as a person reads it in a merge error.
fn describe_key(key: &str) -> String {
    match key {
        "dataset_sha256" => "dataset SHA-256".to_string(),
        "scenario_sha256" => "scenario SHA-256".to_string(),
        "bulwark_version" => "Bulwark version".to_string(),
        "commit" => "Bulwark commit".to_string(),
        other => other.replace('_', " "),
    }
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
        match self.difference(other) {
            Some(reason) => Err(EnsembleError::MergeMismatch { reason }),
            None => Ok(()),
        }
    }

    /// Why `self` and `other` are not shards of one ensemble, naming the first difference
    /// (model, dataset digest, scenario digest, seed, then any other provenance key, the
    /// ensemble size and the metrics); `None` when they are.
    pub fn difference(&self, other: &EnsembleSummary) -> Option<String> {
        let first_keys = ["model", "dataset_sha256", "scenario_sha256"];
        let other_keys: std::collections::BTreeSet<&str> = self
            .provenance
            .keys()
            .chain(other.provenance.keys())
            .map(String::as_str)
            .filter(|key| !first_keys.contains(key))
            .collect();
        let differs = |key: &str| self.provenance.get(key) != other.provenance.get(key);
        let shown = |value: Option<&String>| value.map_or("none".to_string(), |v| format!("`{v}`"));
        let provenance = |key: &str| {
            format!(
                "the shards differ in their {} ({} and {})",
                describe_key(key),
                shown(self.provenance.get(key)),
                shown(other.provenance.get(key))
            )
        };
        if let Some(key) = first_keys.into_iter().find(|key| differs(key)) {
            Some(provenance(key))
        } else if self.seed != other.seed {
            Some(format!("the shards differ in their seed ({} and {})", self.seed, other.seed))
        } else if let Some(key) = other_keys.into_iter().find(|key| differs(key)) {
            Some(provenance(key))
        } else if self.n_runs_total != other.n_runs_total {
            Some(format!("ensemble sizes differ ({} and {} runs)", self.n_runs_total, other.n_runs_total))
        } else if self.metrics.len() != other.metrics.len()
            || self.metrics.iter().zip(&other.metrics).any(|(left, right)| left.spec() != right.spec())
        {
            Some("the metrics differ".to_string())
        } else {
            None
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
        assert!(err.to_string().contains("the shards differ in their seed (7 and 8)"), "{err}");
        assert!(EnsembleSummary::merge_all(Vec::new()).is_err());
    }

    #[test]
    fn r10_merge_refuses_shards_of_other_scenarios_samplers_or_datasets() {
        let tag = |runs, scenario: &str, sampler: &str| {
            summary_of(runs).with_provenance("scenario_sha256", scenario).with_provenance("sampler", sampler)
        };
        assert!(tag(0..5, "a", "mc").merge(&tag(5..10, "a", "mc")).is_ok());
        let err = tag(0..5, "a", "mc").merge(&tag(5..10, "b", "mc")).unwrap_err();
        assert!(err.to_string().contains("differ in their scenario SHA-256 (`a` and `b`)"), "{err}");
        let err = tag(0..5, "a", "mc").merge(&tag(5..10, "a", "lhs")).unwrap_err();
        assert!(err.to_string().contains("differ in their sampler (`mc` and `lhs`)"), "{err}");
        let err = tag(0..5, "a", "mc").merge(&summary_of(5..10)).unwrap_err();
        assert!(err.to_string().contains("differ in their scenario SHA-256 (`a` and none)"), "{err}");
    }

    /// Issue 17: the first difference is named, in the order dataset, scenario, seed, build.
    #[test]
    fn the_first_difference_is_named_datasets_and_scenarios_before_seeds_and_builds() {
        let tag = |runs, dataset: &str, scenario: &str, seed: u64, commit: &str| {
            let mut res = summary_of(runs)
                .with_provenance("dataset_sha256", dataset)
                .with_provenance("scenario_sha256", scenario)
                .with_provenance("commit", commit);
            res.seed = seed;
            res
        };
        let base = tag(0..5, "d1", "s1", 7, "c1");
        let cases = [
            (tag(5..10, "d2", "s2", 8, "c2"), "dataset SHA-256 (`d1` and `d2`)"),
            (tag(5..10, "d1", "s2", 8, "c2"), "scenario SHA-256 (`s1` and `s2`)"),
            (tag(5..10, "d1", "s1", 8, "c2"), "seed (7 and 8)"),
            (tag(5..10, "d1", "s1", 7, "c2"), "Bulwark commit (`c1` and `c2`)"),
        ];
        for (other, expected) in cases {
            let found = base.difference(&other).unwrap();
            assert_eq!(found, format!("the shards differ in their {expected}"));
        }
        assert_eq!(base.difference(&tag(5..10, "d1", "s1", 7, "c1")), None);
    }
}
