//! Bulwark's ensemble engine: many runs of a model, reproducibly, in parallel, summarised
//! exactly.
//!
//! - [`Streams`] gives run `i` its own random stream derived from `(seed, i)` alone.
//! - [`Marginal`] draws from a scenario's [`bulwark_core::Distribution`] by its inverse CDF;
//!   [`Design`] draws a list of named parameters by Monte Carlo or Latin hypercube.
//! - [`run_ensemble`] runs a model over a [`RunPlan`] (optionally one shard `k/n` of it) on a
//!   rayon pool and streams outcomes into an [`EnsembleSummary`] of flat size; a failed run is
//!   an outcome with a reason, never an abort.
//! - Summaries merge exactly (exact sums, integer histograms), so any thread count and any
//!   shard split give the same bytes; [`EnsembleSummary::to_shard_text`] is the shard file.
//! - [`attrition`] is the canonical benchmark of docs/design.md §7.
//!
//! The library prints nothing and touches no file: per-run rows go to a caller's [`RunSink`],
//! progress to a caller's callback.

#![warn(missing_docs)]

pub mod attrition;
mod design;
mod error;
mod exact_sum;
mod histogram;
mod marginal;
mod metric;
mod run_words;
mod runner;
mod shard_file;
mod special;
mod stream;
mod summary;

pub use design::{Design, Parameter, ParameterSpace};
pub use error::EnsembleError;
pub use exact_sum::ExactSum;
pub use histogram::{Bins, RELATIVE_BITS};
pub use marginal::Marginal;
pub use metric::{MetricSpec, MetricSummary};
pub use runner::{
    run_ensemble, BatchModel, Hooks, RunOutcome, RunPlan, RunSink, Sampler, Shard, CHUNK_RUNS,
    SLURM_ARRAY_VARIABLES,
};
pub use shard_file::SHARD_FILE_HEADER;
pub use stream::{mix64, splitmix64, unit_closed_open, unit_open, RunRng, Streams};
pub use summary::EnsembleSummary;
