//! Bulwark's shared vocabulary: the types every other crate speaks.
//!
//! This crate sits at the bottom of the dependency graph (see `ARCHITECTURE.md`): it knows
//! nothing of files, scenarios or models. It holds
//! - [`InputError`], the one shape of a user-input error (file, line, column, field, what was
//!   expected, a did-you-mean), produced by the dataset and scenario loaders and rendered by the
//!   binary;
//! - [`suggest`], the near-miss finder behind every "did you mean";
//! - [`csv_field_span`] and [`csv_input_error`], which locate CSV cells and reader errors;
//! - [`Iso3`], a validated ISO 3166 alpha-3 country code;
//! - [`Bound`], whether a figure is a count, a lower or upper bound, or a claim;
//! - [`Distribution`], an uncertain parameter as a scenario states it;
//! - [`digest`], the SHA-256 digest of what a result was computed from;
//! - [`Provenance`], what every output records of its build, inputs, seed, runs and command;
//! - [`fast_math`], the vectorisable `ln(p/q)` and `(e^x, e^-x)` of the hot loops (the
//!   attrition benchmark's lanes and the Baltic campaign's hour loop), within 2 ulp of libm.

mod bound;
mod csv_span;
pub mod digest;
mod distribution;
pub mod fast_math;
mod input_error;
mod iso3;
pub mod provenance;
pub mod suggest;

pub use bound::Bound;
pub use csv_span::{csv_field_span, csv_input_error};
pub use distribution::Distribution;
pub use input_error::{line_column, InputError};
pub use iso3::Iso3;
pub use provenance::{InputDigest, Provenance, RunRange};
