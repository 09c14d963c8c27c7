//! Bulwark's exploratory modelling: which assumptions decide each answer.
//!
//! The methods are pure library code over the unit hypercube and the outcomes a caller
//! computes; the vocabulary is SALib's and EMA Workbench's, so their users feel at home.
//!
//! - [`SobolSequence`]: the Sobol low-discrepancy sequence (Joe–Kuo direction numbers,
//!   optionally scrambled by the seed).
//! - [`SaltelliDesign`] and [`sobol_indices`]: first-order, total and second-order Sobol
//!   indices with bootstrap intervals.
//! - [`MorrisDesign`] and [`morris_indices`]: elementary-effects screening (μ, μ*, σ).
//! - [`PrimData`]: PRIM scenario discovery (peeling trajectory, pasting, quasi-p-values).
//! - [`levers`]: the change of each outcome per EUR bn for each lever of the scenario, on
//!   common random numbers.
//! - [`drivers`]: the cheap Morris screen that names the assumptions behind each headline of
//!   `bulwark assess`.
//! - [`outcomes`]: the models' outcomes as functions of a sampled parameter vector, reusing
//!   the assessment's resolve paths, plus test functions with analytic indices.
//!
//! Every design row is computed from its index alone and every estimate is a sequential sum
//! over rows in index order, so results are the same bytes whatever the thread count or shard
//! split. The library prints nothing.

#![warn(missing_docs)]

mod bootstrap;
mod design;
pub mod drivers;
mod error;
pub mod levers;
mod morris;
pub mod outcomes;
mod prim;
mod report;
mod saltelli;
mod sobol_sequence;
pub mod test_functions;

pub use bootstrap::{BootstrapSettings, Estimate};
pub use design::{evaluate_rows, SobolSample, UnitDesign};
pub use error::ExploreError;
pub use morris::{morris_indices, MorrisDesign, MorrisIndices};
pub use prim::{binomial_upper_tail, choose_box, PrimBox, PrimData, PrimSettings, Restriction};
pub use report::{interval_text, ranked, Analysis, ExploreReport, OutcomeCensoring, ParameterInfo};
pub use saltelli::{sobol_indices, SaltelliDesign, SobolIndices};
pub use sobol_sequence::{SobolSequence, MAX_DIMENSIONS};
