//! The explore crate's one error type.
//!
//! Set-up errors (a design that cannot be built, an outcome that cannot be analysed) are
//! errors; a model run that fails is recorded with its reason and makes the analysis refuse,
//! because a sensitivity index over a hole in the design would be silently wrong.

use thiserror::Error;

/// What can go wrong when building a design, running it or analysing its outcomes.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExploreError {
    /// A design setting is out of range.
    #[error("`{field}` = {value}: {reason}")]
    InvalidSetting {
        /// The setting, as the command line spells it.
        field: &'static str,
        /// The value given.
        value: String,
        /// What would have been accepted.
        reason: String,
    },
    /// The outcome does not vary over the design, so no share of its variance can be
    /// attributed.
    #[error("outcome `{outcome}` does not vary over the design (every run gives {value})")]
    ConstantOutcome {
        /// The outcome's name.
        outcome: String,
        /// Its one value.
        value: f64,
    },
    /// Some runs failed or gave a non-finite value.
    #[error("{count} of {total} runs failed (first: run {first_run}, {reason})")]
    FailedRuns {
        /// Failed runs.
        count: usize,
        /// Runs in the design.
        total: usize,
        /// The first failed run.
        first_run: usize,
        /// Its reason.
        reason: String,
    },
    /// The outcomes given do not fit the design (count, shape).
    #[error("outcomes do not fit the design: {reason}")]
    Mismatch {
        /// What differs.
        reason: String,
    },
    /// The parameter space is unusable.
    #[error(transparent)]
    Ensemble(#[from] bulwark_ensemble::EnsembleError),
    /// The worker pool could not be started.
    #[error("could not start {threads} worker threads: {message}")]
    ThreadPool {
        /// Threads requested.
        threads: usize,
        /// The pool builder's message.
        message: String,
    },
}

/// An [`ExploreError::InvalidSetting`].
pub(crate) fn invalid(field: &'static str, value: impl ToString, reason: impl Into<String>) -> ExploreError {
    ExploreError::InvalidSetting { field, value: value.to_string(), reason: reason.into() }
}
