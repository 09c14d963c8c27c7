//! Scenario discovery with PRIM, the Patient Rule Induction Method: a box in the space of the
//! uncertainties inside which the outcome of interest (for example "the defence fails before
//! day 28") is concentrated.
//!
//! # Model card
//!
//! **Data.** `n` sampled points `x ∈ R^d` with a binary label `y` (1: the case of interest).
//! A box is a set of bounds `l_j ≤ x_j ≤ u_j`. For a box `B` with `n_B` points of which `y_B`
//! are of interest, out of `Y` in all: coverage `y_B / Y` (the share of the cases of interest
//! it explains), density `y_B / n_B` (how pure it is), mass `n_B / n`.
//!
//! **Peeling** (Friedman and Fisher 1999, doi:10.1023/A:1008894516817). From the box of all
//! the data, each step considers, for every dimension, removing the `⌈α n_B⌉` points of the box
//! with the smallest values, or those with the largest (ties go together), and takes the peel
//! that leaves the highest density (ties: the larger box, then the lower dimension). Peeling
//! stops when the next box would hold less than the minimum mass. The sequence of boxes is the
//! **peeling trajectory**: coverage falls and density rises along it, the coverage–density
//! trade-off curve from which the analyst picks a box by its index (EMA Workbench's
//! `inspect(i)`, Kwakkel 2017, doi:10.1016/j.envsoft.2017.06.054).
//!
//! **Pasting.** Peeling is greedy, so the chosen box is then widened: each step considers, for
//! every bound, adding the `⌈α_paste n_B⌉` nearest points outside it that satisfy the other
//! bounds, and takes the one that raises the density most, until none raises it.
//!
//! **Quasi-p-values** (Bryant and Lempert 2010, doi:10.1016/j.techfore.2009.08.002; EMA
//! Workbench's definition). For each restricted dimension `j`, let `p_j` be the density of the
//! box with restriction `j` removed. The one-sided binomial test
//! `qp_j = P(Bin(n_B, p_j) ≥ y_B)` says how likely the box's density is if restriction `j`
//! added nothing; a large `qp_j` (above 0.05, say) marks a restriction that may be noise.
//!
//! **Parameters**: peel fraction `α` (default 0.05, range (0, 0.5)), paste fraction (default
//! 0.05), minimum mass (default 0.05, range (0, 1)).
//!
//! **Cost**: each dimension's points are sorted once; a peeling or pasting step walks them,
//! `O(n·d)` per step (`O(n·d²)` per pasting step), so 100,000 points in 20 dimensions take well
//! under a second.

use crate::error::{invalid, ExploreError};

/// PRIM's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PrimSettings {
    /// Share of the box's points removed per peeling step.
    pub peel_alpha: f64,
    /// Share of the box's points added per pasting step.
    pub paste_alpha: f64,
    /// Smallest share of all points a box may hold.
    pub mass_min: f64,
}

impl Default for PrimSettings {
    fn default() -> PrimSettings {
        PrimSettings { peel_alpha: 0.05, paste_alpha: 0.05, mass_min: 0.05 }
    }
}

impl PrimSettings {
    fn check(&self) -> Result<(), ExploreError> {
        let fraction = |field: &'static str, value: f64, max: f64| {
            if value > 0.0 && value < max {
                Ok(())
            } else {
                Err(invalid(field, value, format!("a fraction strictly between 0 and {max}")))
            }
        };
        fraction("peel-alpha", self.peel_alpha, 0.5)?;
        fraction("paste-alpha", self.paste_alpha, 0.5)?;
        fraction("mass-min", self.mass_min, 1.0)
    }
}

/// One box with its statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct PrimBox {
    /// Lower bound per dimension.
    pub lower: Vec<f64>,
    /// Upper bound per dimension.
    pub upper: Vec<f64>,
    /// Points inside.
    pub n_points: usize,
    /// Points of interest inside.
    pub n_interesting: usize,
    /// `n_interesting` over all points of interest.
    pub coverage: f64,
    /// `n_interesting / n_points`.
    pub density: f64,
    /// `n_points` over all points.
    pub mass: f64,
}

/// A restricted dimension of a box.
#[derive(Clone, Debug, PartialEq)]
pub struct Restriction {
    /// The dimension.
    pub dim: usize,
    /// Its lower bound (the data's minimum when only the upper is restricted).
    pub lower: f64,
    /// Its upper bound.
    pub upper: f64,
    /// The quasi-p-value of the restriction.
    pub qp_value: f64,
}

/// The data, sorted once per dimension.
pub struct PrimData<'a> {
    columns: &'a [Vec<f64>],
    labels: &'a [bool],
    /// Per dimension, point indices by increasing value (ties by index).
    sorted: Vec<Vec<u32>>,
    min: Vec<f64>,
    max: Vec<f64>,
    n_interesting: usize,
}

impl<'a> PrimData<'a> {
    /// `columns[j][i]`: dimension `j` of point `i`; `labels[i]`: whether point `i` is of
    /// interest. Values must be finite; at least one point must be of interest.
    pub fn new(columns: &'a [Vec<f64>], labels: &'a [bool]) -> Result<PrimData<'a>, ExploreError> {
        let n = labels.len();
        if columns.is_empty() || n < 2 || n > u32::MAX as usize {
            return Err(invalid("runs", n, "2 to 2^32 points in at least one dimension"));
        }
        if let Some(column) = columns.iter().find(|c| c.len() != n || c.iter().any(|v| !v.is_finite())) {
            return Err(ExploreError::Mismatch {
                reason: format!("a column of {} values for {n} labels, or a non-finite value", column.len()),
            });
        }
        let n_interesting = labels.iter().filter(|&&y| y).count();
        if n_interesting == 0 {
            return Err(ExploreError::ConstantOutcome { outcome: "the case of interest".into(), value: 0.0 });
        }
        let sorted = columns
            .iter()
            .map(|column| {
                let mut idx: Vec<u32> = (0..n as u32).collect();
                idx.sort_by(|&a, &b| column[a as usize].total_cmp(&column[b as usize]).then(a.cmp(&b)));
                idx
            })
            .collect::<Vec<_>>();
        let min = sorted.iter().zip(columns).map(|(s, c)| c[s[0] as usize]).collect();
        let max = sorted.iter().zip(columns).map(|(s, c)| c[s[n - 1] as usize]).collect();
        Ok(PrimData { columns, labels, sorted, min, max, n_interesting })
    }

    fn n(&self) -> usize {
        self.labels.len()
    }

    fn d(&self) -> usize {
        self.columns.len()
    }

    /// Whether point `i` is inside the bounds, ignoring dimension `skip`.
    fn inside(&self, i: usize, lower: &[f64], upper: &[f64], skip: Option<usize>) -> bool {
        (0..self.d())
            .all(|j| Some(j) == skip || (self.columns[j][i] >= lower[j] && self.columns[j][i] <= upper[j]))
    }

    fn make_box(&self, lower: Vec<f64>, upper: Vec<f64>) -> PrimBox {
        let (mut n_points, mut n_interesting) = (0, 0);
        for i in 0..self.n() {
            if self.inside(i, &lower, &upper, None) {
                n_points += 1;
                n_interesting += usize::from(self.labels[i]);
            }
        }
        self.stats(lower, upper, n_points, n_interesting)
    }

    fn stats(&self, lower: Vec<f64>, upper: Vec<f64>, n_points: usize, n_interesting: usize) -> PrimBox {
        PrimBox {
            lower,
            upper,
            n_points,
            n_interesting,
            coverage: n_interesting as f64 / self.n_interesting as f64,
            density: if n_points == 0 { 0.0 } else { n_interesting as f64 / n_points as f64 },
            mass: n_points as f64 / self.n() as f64,
        }
    }

    /// The peeling trajectory, starting with the box of all the data.
    pub fn peel(&self, settings: &PrimSettings) -> Result<Vec<PrimBox>, ExploreError> {
        settings.check()?;
        let mut current = self.stats(self.min.clone(), self.max.clone(), self.n(), self.n_interesting);
        let mut in_box = vec![true; self.n()];
        let mut trajectory = vec![current.clone()];
        let min_points = (settings.mass_min * self.n() as f64).ceil() as usize;
        loop {
            let k = ((settings.peel_alpha * current.n_points as f64).ceil() as usize).max(1);
            let Some(peel) = self.best_peel(&current, &in_box, k) else { break };
            if current.n_points - peel.removed < min_points {
                break;
            }
            let (mut lower, mut upper) = (current.lower.clone(), current.upper.clone());
            if peel.from_below {
                lower[peel.dim] = peel.bound;
            } else {
                upper[peel.dim] = peel.bound;
            }
            for (i, flag) in in_box.iter_mut().enumerate() {
                let x = self.columns[peel.dim][i];
                if *flag && (x < lower[peel.dim] || x > upper[peel.dim]) {
                    *flag = false;
                }
            }
            let n_points = current.n_points - peel.removed;
            current = self.stats(lower, upper, n_points, current.n_interesting - peel.removed_interesting);
            trajectory.push(current.clone());
        }
        Ok(trajectory)
    }

    /// The best of the `2d` candidate peels of `k` points.
    fn best_peel(&self, current: &PrimBox, in_box: &[bool], k: usize) -> Option<Peel> {
        // Densities compared exactly, as fractions `interesting / points` (cross-multiplied),
        // so that ties are ties whatever the rounding.
        let mut best: Option<((u128, u128), Peel)> = None;
        for dim in 0..self.d() {
            for from_below in [true, false] {
                let Some(peel) = self.peel_candidate(dim, from_below, in_box, k) else { continue };
                let remaining = (current.n_points - peel.removed) as u128;
                let interesting = (current.n_interesting - peel.removed_interesting) as u128;
                let better = match &best {
                    None => true,
                    Some(((i, n), b)) => {
                        let (this, that) = (interesting * n, i * remaining);
                        this > that || (this == that && peel.removed < b.removed)
                    }
                };
                if better {
                    best = Some(((interesting, remaining), peel));
                }
            }
        }
        best.map(|(_, peel)| peel)
    }

    /// Removing the `k` in-box points with the smallest (or largest) values of `dim`, and any
    /// tied with the last of them; `None` when that would empty the box.
    fn peel_candidate(&self, dim: usize, from_below: bool, in_box: &[bool], k: usize) -> Option<Peel> {
        let column = &self.columns[dim];
        let order: Box<dyn Iterator<Item = &u32>> = if from_below {
            Box::new(self.sorted[dim].iter())
        } else {
            Box::new(self.sorted[dim].iter().rev())
        };
        let (mut removed, mut removed_interesting, mut cut) = (0, 0, f64::NAN);
        for &i in order.filter(|&&i| in_box[i as usize]) {
            let x = column[i as usize];
            if removed >= k && x.to_bits() != cut.to_bits() {
                return Some(Peel { dim, from_below, bound: x, removed, removed_interesting });
            }
            cut = x;
            removed += 1;
            removed_interesting += usize::from(self.labels[i as usize]);
        }
        None
    }

    /// `chosen` widened by pasting.
    pub fn paste(&self, chosen: &PrimBox, settings: &PrimSettings) -> Result<PrimBox, ExploreError> {
        settings.check()?;
        let mut current = chosen.clone();
        for _ in 0..10_000 {
            let k = ((settings.paste_alpha * current.n_points as f64).ceil() as usize).max(1);
            let mut best: Option<PrimBox> = None;
            for dim in 0..self.d() {
                for from_below in [true, false] {
                    let Some(candidate) = self.paste_candidate(&current, dim, from_below, k) else {
                        continue;
                    };
                    if best.as_ref().is_none_or(|b| candidate.density > b.density) {
                        best = Some(candidate);
                    }
                }
            }
            match best {
                Some(candidate) if candidate.density > current.density => current = candidate,
                _ => break,
            }
        }
        Ok(current)
    }

    /// The box with bound `dim` moved outwards over the `k` nearest eligible points.
    fn paste_candidate(&self, current: &PrimBox, dim: usize, from_below: bool, k: usize) -> Option<PrimBox> {
        let column = &self.columns[dim];
        let sorted = &self.sorted[dim];
        let eligible = |i: u32| self.inside(i as usize, &current.lower, &current.upper, Some(dim));
        let (mut added, mut added_interesting, mut bound) = (0, 0, f64::NAN);
        let mut take = |i: u32| -> bool {
            let x = column[i as usize];
            if added >= k && x.to_bits() != bound.to_bits() {
                return false;
            }
            bound = x;
            added += 1;
            added_interesting += usize::from(self.labels[i as usize]);
            true
        };
        if from_below {
            let start = sorted.partition_point(|&i| column[i as usize] < current.lower[dim]);
            for &i in sorted[..start].iter().rev().filter(|&&i| eligible(i)) {
                if !take(i) {
                    break;
                }
            }
        } else {
            let start = sorted.partition_point(|&i| column[i as usize] <= current.upper[dim]);
            for &i in sorted[start..].iter().filter(|&&i| eligible(i)) {
                if !take(i) {
                    break;
                }
            }
        }
        if added == 0 {
            return None;
        }
        let (mut lower, mut upper) = (current.lower.clone(), current.upper.clone());
        if from_below {
            lower[dim] = bound;
        } else {
            upper[dim] = bound;
        }
        Some(self.stats(lower, upper, current.n_points + added, current.n_interesting + added_interesting))
    }

    /// The restricted dimensions of `chosen`, with their quasi-p-values.
    pub fn restrictions(&self, chosen: &PrimBox) -> Vec<Restriction> {
        (0..self.d())
            .filter(|&j| chosen.lower[j] > self.min[j] || chosen.upper[j] < self.max[j])
            .map(|j| {
                let (mut n_j, mut y_j) = (0usize, 0usize);
                for i in 0..self.n() {
                    if self.inside(i, &chosen.lower, &chosen.upper, Some(j)) {
                        n_j += 1;
                        y_j += usize::from(self.labels[i]);
                    }
                }
                let p = if n_j == 0 { 0.0 } else { y_j as f64 / n_j as f64 };
                Restriction {
                    dim: j,
                    lower: chosen.lower[j],
                    upper: chosen.upper[j],
                    qp_value: binomial_upper_tail(chosen.n_points, p, chosen.n_interesting),
                }
            })
            .collect()
    }

    /// The box of all the data with these bounds (for a box given by the user).
    pub fn box_with(&self, lower: Vec<f64>, upper: Vec<f64>) -> PrimBox {
        self.make_box(lower, upper)
    }
}

/// One candidate peel.
#[derive(Clone, Copy, Debug)]
struct Peel {
    dim: usize,
    from_below: bool,
    /// The new bound: the first value kept.
    bound: f64,
    removed: usize,
    removed_interesting: usize,
}

/// The index of the box with the largest coverage among those of density at least
/// `min_density`; the densest box when none reaches it.
pub fn choose_box(trajectory: &[PrimBox], min_density: f64) -> usize {
    let dense = trajectory.iter().enumerate().filter(|(_, b)| b.density >= min_density);
    let by_coverage = dense.fold(None, |acc: Option<(usize, f64)>, (idx, b)| match acc {
        Some((_, c)) if c >= b.coverage => acc,
        _ => Some((idx, b.coverage)),
    });
    by_coverage.map(|(idx, _)| idx).unwrap_or_else(|| {
        trajectory
            .iter()
            .enumerate()
            .fold(0, |best, (idx, b)| if b.density > trajectory[best].density { idx } else { best })
    })
}

/// `P(X ≥ k)` for `X ~ Bin(n, p)`, summed in log space.
pub fn binomial_upper_tail(n: usize, p: f64, k: usize) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if k > n || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let mut ln_factorial = Vec::with_capacity(n + 1);
    ln_factorial.push(0.0);
    for i in 1..=n {
        ln_factorial.push(ln_factorial[i - 1] + (i as f64).ln());
    }
    let ln_pmf = |j: usize| {
        ln_factorial[n] - ln_factorial[j] - ln_factorial[n - j]
            + j as f64 * p.ln()
            + (n - j) as f64 * (-p).ln_1p()
    };
    let logs: Vec<f64> = (k..=n).map(ln_pmf).collect();
    let top = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (top + logs.iter().map(|l| (l - top).exp()).sum::<f64>().ln()).exp().min(1.0)
}

#[cfg(test)]
mod tests;
