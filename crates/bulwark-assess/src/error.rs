//! The assessment crate's one error type: why a model could not be set up or run for a
//! scenario. A run that fails inside an ensemble is not an error here (it is a failed run with a
//! reason, counted in the summary); this is for the set-up and for single deterministic runs.

use bulwark_ensemble::EnsembleError;
use bulwark_models::ModelError;

/// Why the assessment, or one of its models, could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AssessError {
    /// A model refused its resolved inputs.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// An ensemble could not be set up (a distribution, a metric, a plan).
    #[error(transparent)]
    Ensemble(#[from] EnsembleError),
    /// The dataset lacks a figure the model cannot run without.
    #[error("{model}: the dataset lacks {what}")]
    MissingFigure {
        /// The model that needs it.
        model: &'static str,
        /// What is missing, as a noun phrase.
        what: String,
    },
    /// A scenario value that passes its unit's range still makes the model unusable.
    #[error("{model}: parameter `{parameter}` = {value}: {reason}")]
    UnusableParameter {
        /// The model.
        model: &'static str,
        /// The parameter's catalogue name.
        parameter: &'static str,
        /// Its value.
        value: f64,
        /// Why it cannot be used.
        reason: &'static str,
    },
}
