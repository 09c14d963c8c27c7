//! The ensemble crate's one error type.
//!
//! These errors are about the *set-up* (a bad distribution, plan, shard or shard file) or about
//! the caller's sink. Trouble inside a run is never an error here: the model reports it as a
//! failed run (see `RunOutcome::Failed`) and the ensemble carries on.

use thiserror::Error;

/// What can go wrong when setting up, running or merging an ensemble.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum EnsembleError {
    /// A parameter's distribution cannot be drawn from (min above max, non-positive spread…).
    #[error("parameter `{parameter}`: invalid {kind} distribution: {reason}")]
    InvalidDistribution {
        /// The parameter's name.
        parameter: String,
        /// The distribution's kind as a scenario spells it (`pert`, `normal`…).
        kind: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// Two parameters of one design share a name.
    #[error("parameter `{parameter}` is declared twice")]
    DuplicateParameter {
        /// The repeated name.
        parameter: String,
    },
    /// A metric declaration is unusable.
    #[error("metric `{metric}`: {reason}")]
    InvalidMetric {
        /// The metric's name.
        metric: String,
        /// What is wrong.
        reason: String,
    },
    /// The run plan is unusable (no runs, zero threads…).
    #[error("run plan: `{field}` = {value}: {reason}")]
    InvalidPlan {
        /// The plan field.
        field: &'static str,
        /// The value given.
        value: String,
        /// What would have been accepted.
        reason: &'static str,
    },
    /// A shard specification is not `k/n` with 1 ≤ k ≤ n.
    #[error("shard `{spec}`: {reason}")]
    InvalidShard {
        /// The text given.
        spec: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// `--shard auto` found no usable Slurm job-array environment.
    #[error("--shard auto: environment variable {variable}: {reason}")]
    SlurmArray {
        /// The variable that is missing or inconsistent.
        variable: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The worker thread pool could not be started.
    #[error("could not start {threads} worker threads: {message}")]
    ThreadPool {
        /// Threads requested.
        threads: usize,
        /// The pool builder's message.
        message: String,
    },
    /// The caller's per-run sink failed; the ensemble stops at that run.
    #[error("run {run_idx}: the per-run sink failed: {source}")]
    Sink {
        /// The run whose row could not be written.
        run_idx: u64,
        /// The sink's error.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A shard file is not in the expected form.
    #[error("shard file line {line}: {message}")]
    ShardFile {
        /// 1-based line of the problem (0 for the file as a whole).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Summaries that do not belong to one ensemble were merged.
    #[error("cannot merge summaries: {reason}")]
    MergeMismatch {
        /// Why they do not fit together.
        reason: String,
    },
}
