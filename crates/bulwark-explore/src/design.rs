//! What the three methods share: a design is a list of rows of probabilities `u ∈ (0, 1)`,
//! one per input, each row computed from its index alone, so that threads and shards split a
//! design by row index and any split gives the same rows.

use std::ops::Range;

use bulwark_ensemble::Marginal;
use rayon::prelude::*;

use crate::error::{invalid, ExploreError};
use crate::sobol_sequence::SobolSequence;

/// A design over the unit hypercube.
pub trait UnitDesign: Sync {
    /// Inputs per row.
    fn n_params(&self) -> usize;
    /// Rows in the design.
    fn n_rows(&self) -> u64;
    /// Writes row `row`'s probabilities into `out` (length `n_params`).
    fn row_into(&self, row: u64, out: &mut [f64]);
}

/// Evaluates `f(row, inputs)` on `rows` of `design` in parallel on the current rayon pool, each
/// row's probabilities mapped through `marginals` (one per input) to input values; the results
/// come back in row order, so the thread count cannot change them.
pub fn evaluate_rows<T: Send>(
    design: &dyn UnitDesign,
    marginals: &[Marginal],
    rows: Range<u64>,
    f: impl Fn(u64, &[f64]) -> T + Sync,
) -> Vec<T> {
    rows.into_par_iter()
        .map(|row| {
            let mut values = vec![0.0; design.n_params()];
            row_values(design, marginals, row, &mut values);
            f(row, &values)
        })
        .collect()
}

/// Row `row` of `design` as input values: its probabilities mapped through `marginals` into
/// `values` (one per input).
pub(crate) fn row_values(design: &dyn UnitDesign, marginals: &[Marginal], row: u64, values: &mut [f64]) {
    design.row_into(row, values);
    for (value, marginal) in values.iter_mut().zip(marginals) {
        *value = marginal.quantile(*value);
    }
}

/// A plain space-filling sample: points `0…n` of a Sobol sequence scrambled by the seed, for
/// PRIM and for per-run tables.
#[derive(Clone, Debug, PartialEq)]
pub struct SobolSample {
    n_rows: u64,
    sequence: SobolSequence,
}

impl SobolSample {
    /// `n_rows` points in `n_params` dimensions, scrambled by `seed`.
    pub fn new(n_rows: u64, n_params: usize, seed: u64) -> Result<SobolSample, ExploreError> {
        if !(1..=1 << 32).contains(&n_rows) {
            return Err(invalid("runs", n_rows, "1 to 2^32 runs"));
        }
        Ok(SobolSample { n_rows, sequence: SobolSequence::scrambled(n_params, seed)? })
    }
}

impl UnitDesign for SobolSample {
    fn n_params(&self) -> usize {
        self.sequence.dimensions()
    }

    fn n_rows(&self) -> u64 {
        self.n_rows
    }

    fn row_into(&self, row: u64, out: &mut [f64]) {
        self.sequence.point_into(row, out);
    }
}
