//! Variance-based global sensitivity: Sobol indices from a Saltelli design.
//!
//! # Model card
//!
//! **Indices.** For an outcome `Y = f(X_1 … X_d)` of independent inputs, the first-order index
//! `S_i = V[E(Y | X_i)] / V(Y)` is the share of the variance that `X_i` explains alone; the
//! total index `S_Ti = E[V(Y | X_∼i)] / V(Y)` adds every interaction it takes part in; the
//! second-order index `S_ij = V[E(Y | X_i, X_j)] / V(Y) − S_i − S_j` is the pair's interaction
//! alone (Sobol 1993; Homma and Saltelli 1996, doi:10.1016/0951-8320(96)00002-6).
//!
//! **Design** (Saltelli 2002, doi:10.1016/S0010-4655(02)00280-1; Saltelli et al. 2010,
//! doi:10.1016/j.cpc.2009.09.018). Point `j` of a `2d`-dimensional Sobol sequence
//! (`sobol_sequence`, scrambled by the seed or plain with a skip) gives two rows `A_j` (its
//! first `d` coordinates) and `B_j` (its last `d`). The design has `N` blocks of `d + 2` rows
//! (`2d + 2` with second order), in this order: `A_j`, `A_B^(1)_j … A_B^(d)_j` (`A_j` with
//! column `i` taken from `B_j`), [`B_A^(1)_j … B_A^(d)_j`], `B_j` — SALib's order, so a SALib
//! user can read the Parquet file with `SALib.analyze.sobol`. Coordinates are probabilities
//! `u ∈ (0, 1)`; the caller maps them through each input's inverse CDF. Row `r` is computed
//! from `r` alone, so threads and shards split the design by index.
//!
//! **Estimators**, with `f` centred on the mean of all `A` and `B` outputs (which removes the
//! mean's noise from the products without changing any expectation) and
//! `V = var([f(A), f(B)])`:
//! - first order (Saltelli et al. 2010, table 2 (b)): `S_i = mean(f(B)·(f(A_B^(i)) − f(A))) / V`;
//! - total (Jansen 1999, doi:10.1016/S0010-4655(98)00154-4):
//!   `S_Ti = mean((f(A) − f(A_B^(i)))²) / (2V)`;
//! - second order (Saltelli 2002, eq. 12):
//!   `S_ij = mean(f(B_A^(i))·f(A_B^(j)) − f(A)·f(B)) / V − S_i − S_j`.
//!
//! **Intervals**: percentile bootstrap over the `N` blocks (`bootstrap`), each resample
//! re-estimating every index.
//!
//! **Cost**: `N(d + 2)` model runs (`N(2d + 2)` with second order). Indices are estimates: `S_i`
//! can come out slightly negative or above `S_Ti` when `N` is small; the intervals show it.

use crate::bootstrap::{with_intervals, BootstrapSettings, Estimate};
use crate::error::{invalid, ExploreError};
use crate::sobol_sequence::SobolSequence;

/// How the Saltelli design is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct SaltelliDesign {
    n_base: u64,
    n_params: usize,
    second_order: bool,
    skip: u64,
    sequence: SobolSequence,
}

/// Largest base sample: the Sobol sequence has 2^32 points.
const MAX_BASE: u64 = 1 << 30;

impl SaltelliDesign {
    /// `n_base` blocks over `n_params` inputs; the sequence is scrambled by `scramble_seed`
    /// when given, and points `skip…skip + n_base` are used.
    pub fn new(
        n_base: u64,
        n_params: usize,
        second_order: bool,
        scramble_seed: Option<u64>,
        skip: u64,
    ) -> Result<SaltelliDesign, ExploreError> {
        if !(2..=MAX_BASE).contains(&n_base) {
            return Err(invalid("runs", n_base, format!("a base sample of 2 to {MAX_BASE}")));
        }
        if skip > MAX_BASE {
            return Err(invalid("skip", skip, format!("at most {MAX_BASE}")));
        }
        if n_params == 0 {
            return Err(invalid("params", 0, "at least one parameter"));
        }
        let sequence = match scramble_seed {
            Some(seed) => SobolSequence::scrambled(2 * n_params, seed)?,
            None => SobolSequence::new(2 * n_params)?,
        };
        Ok(SaltelliDesign { n_base, n_params, second_order, skip, sequence })
    }

    /// Base sample size `N`.
    pub fn n_base(&self) -> u64 {
        self.n_base
    }

    /// Inputs.
    pub fn n_params(&self) -> usize {
        self.n_params
    }

    /// Whether second-order rows are in the design.
    pub fn second_order(&self) -> bool {
        self.second_order
    }

    /// Rows per block.
    fn block(&self) -> u64 {
        if self.second_order {
            2 * self.n_params as u64 + 2
        } else {
            self.n_params as u64 + 2
        }
    }

    /// Rows of the design: `N(d + 2)` or `N(2d + 2)`.
    pub fn n_rows(&self) -> u64 {
        self.n_base * self.block()
    }

    /// Writes row `row`'s probabilities (one per input) into `out`.
    pub fn row_into(&self, row: u64, out: &mut [f64]) {
        let d = self.n_params;
        let (base, position) = (row / self.block(), (row % self.block()) as usize);
        let mut point = vec![0.0; 2 * d];
        self.sequence.point_into(self.skip + base, &mut point);
        let (a, b) = point.split_at(d);
        let last = self.block() as usize - 1;
        for (col, value) in out.iter_mut().enumerate().take(d) {
            *value = match position {
                0 => a[col],
                p if p == last => b[col],
                p if p <= d => {
                    if col == p - 1 {
                        b[col]
                    } else {
                        a[col]
                    }
                }
                p => {
                    if col == p - d - 1 {
                        a[col]
                    } else {
                        b[col]
                    }
                }
            };
        }
    }
}

/// Sobol indices of one outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct SobolIndices {
    /// First-order index per input.
    pub first: Vec<Estimate>,
    /// Total index per input.
    pub total: Vec<Estimate>,
    /// Second-order index per pair `(i, j)`, `i < j`, when the design has them.
    pub second: Vec<(usize, usize, Estimate)>,
    /// Variance of the outcome over the `A` and `B` rows.
    pub variance: f64,
    /// Mean of the outcome over the `A` and `B` rows.
    pub mean: f64,
}

/// The outcome's values, regrouped by block.
struct Blocks {
    a: Vec<f64>,
    b: Vec<f64>,
    /// `ab[i][j]`: `f(A_B^(i)_j)`.
    ab: Vec<Vec<f64>>,
    /// `ba[i][j]`: `f(B_A^(i)_j)`, empty without second order.
    ba: Vec<Vec<f64>>,
}

/// Estimates the indices from the outcome of every row of `design`, in row order.
pub fn sobol_indices(
    design: &SaltelliDesign,
    outcomes: &[f64],
    outcome_name: &str,
    settings: &BootstrapSettings,
) -> Result<SobolIndices, ExploreError> {
    if outcomes.len() as u64 != design.n_rows() {
        return Err(ExploreError::Mismatch {
            reason: format!("{} outcomes for a design of {} rows", outcomes.len(), design.n_rows()),
        });
    }
    if let Some(row) = outcomes.iter().position(|v| !v.is_finite()) {
        let count = outcomes.iter().filter(|v| !v.is_finite()).count();
        let reason = "non-finite outcome".to_string();
        return Err(ExploreError::FailedRuns { count, total: outcomes.len(), first_run: row, reason });
    }
    let blocks = regroup(design, outcomes);
    let all: Vec<usize> = (0..blocks.a.len()).collect();
    let (mean, variance) = mean_variance(&blocks, &all);
    if variance <= 1e-300 * mean.abs().max(1.0) {
        return Err(ExploreError::ConstantOutcome { outcome: outcome_name.to_string(), value: mean });
    }
    let d = design.n_params;
    let estimates = with_intervals(blocks.a.len(), settings, |idx| estimate(&blocks, idx, mean));
    let (first, rest) = estimates.split_at(d);
    let (total, second) = rest.split_at(d);
    let pairs = (0..d).flat_map(|i| (i + 1..d).map(move |j| (i, j)));
    Ok(SobolIndices {
        first: first.to_vec(),
        total: total.to_vec(),
        second: pairs.zip(second.iter().copied()).map(|((i, j), e)| (i, j, e)).collect(),
        variance,
        mean,
    })
}

fn regroup(design: &SaltelliDesign, outcomes: &[f64]) -> Blocks {
    let (d, block) = (design.n_params, design.block() as usize);
    let column =
        |position: usize| -> Vec<f64> { outcomes.chunks_exact(block).map(|c| c[position]).collect() };
    Blocks {
        a: column(0),
        b: column(block - 1),
        ab: (1..=d).map(column).collect(),
        ba: if design.second_order { (d + 1..=2 * d).map(column).collect() } else { Vec::new() },
    }
}

/// Mean and (population) variance of the `A` and `B` outputs of the blocks `idx`.
fn mean_variance(blocks: &Blocks, idx: &[usize]) -> (f64, f64) {
    let n = 2.0 * idx.len() as f64;
    let mean = idx.iter().map(|&j| blocks.a[j] + blocks.b[j]).sum::<f64>() / n;
    let variance =
        idx.iter().map(|&j| (blocks.a[j] - mean).powi(2) + (blocks.b[j] - mean).powi(2)).sum::<f64>() / n;
    (mean, variance)
}

/// First-order, total and second-order indices over the blocks `idx`, in that order;
/// `centre` is subtracted from every output.
fn estimate(blocks: &Blocks, idx: &[usize], centre: f64) -> Vec<f64> {
    let n = idx.len() as f64;
    let (_, variance) = mean_variance(blocks, idx);
    let fa = |j: usize| blocks.a[j] - centre;
    let fb = |j: usize| blocks.b[j] - centre;
    let first: Vec<f64> = blocks
        .ab
        .iter()
        .map(|ab| idx.iter().map(|&j| fb(j) * (ab[j] - blocks.a[j])).sum::<f64>() / n / variance)
        .collect();
    let total = blocks
        .ab
        .iter()
        .map(|ab| idx.iter().map(|&j| (blocks.a[j] - ab[j]).powi(2)).sum::<f64>() / n / (2.0 * variance));
    let d = blocks.ab.len();
    let mut out: Vec<f64> = first.iter().copied().chain(total).collect();
    if !blocks.ba.is_empty() {
        let ab_product = idx.iter().map(|&j| fa(j) * fb(j)).sum::<f64>() / n;
        for i in 0..d {
            for k in i + 1..d {
                let joint =
                    idx.iter().map(|&j| (blocks.ba[i][j] - centre) * (blocks.ab[k][j] - centre)).sum::<f64>()
                        / n;
                out.push((joint - ab_product) / variance - first[i] - first[k]);
            }
        }
    }
    out
}

impl crate::design::UnitDesign for SaltelliDesign {
    fn n_params(&self) -> usize {
        self.n_params
    }

    fn n_rows(&self) -> u64 {
        SaltelliDesign::n_rows(self)
    }

    fn row_into(&self, row: u64, out: &mut [f64]) {
        SaltelliDesign::row_into(self, row, out)
    }
}

#[cfg(test)]
mod tests;
