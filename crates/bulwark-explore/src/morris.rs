//! Screening by Morris elementary effects: which inputs matter at all, and which act through
//! interactions or non-linearity.
//!
//! # Model card
//!
//! **Grid.** Each input moves on `p` levels (`p` even, default 4) of a grid `g ∈ {0, 1/(p−1),
//! …, 1}` with step `Δ = p / (2(p − 1))` (Morris 1991, doi:10.1080/00401706.1991.10484804).
//! Level `g` is the probability `u = 1/(2p) + g·(1 − 1/p)`, the centre of one of `p` bins of
//! equal probability, which the caller maps through the input's inverse CDF (so unbounded
//! distributions never reach an infinite quantile). A step then moves `u` by exactly one half:
//! every input moves across half of its distribution.
//!
//! **Trajectories** (Morris 1991, the randomised orientation `B*`). Trajectory `t` draws from
//! the stream of `(seed, t)`: a base point with each coordinate uniform on the levels
//! `0 … p/2 − 1` (so that `g + Δ ≤ 1`), a direction `±1` per input (an input going down starts
//! at `g + Δ`), and a random order of the inputs; its `d + 1` points move one input at a time,
//! in that order. **Selection** (Campolongo, Cariboni and Saltelli 2007,
//! doi:10.1016/j.envsoft.2006.10.004): from `M` candidate trajectories keep the `r` that spread
//! most, the distance of two trajectories being `d_ml = Σ_a Σ_b ‖X_m^a − X_l^b‖` over their
//! points; instead of Campolongo's exhaustive search over subsets (combinatorial in `M`) the set
//! is grown greedily, starting from the farthest pair and adding the candidate with the largest
//! sum of squared distances to the chosen ones. `M = 0` keeps Morris's `r` random trajectories.
//!
//! **Measures.** The elementary effect of input `i` in trajectory `t` is
//! `EE_i = (f(x + e_i·Δ) − f(x)) / Δ_u` with `Δ_u = ½` (outcome units per unit of probability).
//! Over the `r` trajectories: `μ_i = mean EE_i`, `μ*_i = mean |EE_i|` (Campolongo et al. 2007,
//! the measure of importance, immune to effects of opposite signs cancelling), and
//! `σ_i = sd EE_i` (sample, `r − 1`): large `σ` flags interactions or non-linearity. `μ*` has a
//! percentile bootstrap interval over trajectories.
//!
//! **Cost**: `r(d + 1)` runs; `r` = 10–50 is the usual range.

use bulwark_ensemble::Streams;
use rand::RngCore;

use crate::bootstrap::{with_intervals, BootstrapSettings, Estimate};
use crate::design::UnitDesign;
use crate::error::{invalid, ExploreError};

/// A Morris design: `r` trajectories of `d + 1` points.
#[derive(Clone, Debug, PartialEq)]
pub struct MorrisDesign {
    n_params: usize,
    levels: u32,
    trajectories: Vec<Trajectory>,
}

/// One trajectory on the grid.
#[derive(Clone, Debug, PartialEq)]
struct Trajectory {
    /// Grid value of every input at the first point.
    start: Vec<f64>,
    /// Inputs in the order they move.
    order: Vec<usize>,
    /// Whether each input moves up (by input index).
    up: Vec<bool>,
}

/// Morris's measures for every input.
#[derive(Clone, Debug, PartialEq)]
pub struct MorrisIndices {
    /// Mean elementary effect.
    pub mu: Vec<f64>,
    /// Mean absolute elementary effect, with its bootstrap interval.
    pub mu_star: Vec<Estimate>,
    /// Standard deviation of the elementary effects.
    pub sigma: Vec<f64>,
}

/// The probability step of one move: `Δ·(1 − 1/p) = ½` for every even `p`.
const STEP_PROBABILITY: f64 = 0.5;

impl MorrisDesign {
    /// `r` trajectories over `n_params` inputs on `levels` levels, chosen from `candidates`
    /// (0: no selection) drawn from `seed`.
    pub fn new(
        n_params: usize,
        r: usize,
        levels: u32,
        candidates: usize,
        seed: u64,
    ) -> Result<MorrisDesign, ExploreError> {
        if n_params == 0 {
            return Err(invalid("params", 0, "at least one parameter"));
        }
        if !(2..=1_000_000).contains(&r) {
            return Err(invalid("runs", r, "2 to 1000000 trajectories"));
        }
        if levels < 2 || levels % 2 == 1 || levels > 1000 {
            return Err(invalid("levels", levels, "an even number of levels from 2 to 1000"));
        }
        if candidates != 0 && !(r..=2000).contains(&candidates) {
            return Err(invalid("candidates", candidates, format!("0 (no selection) or {r} to 2000")));
        }
        let streams = Streams::new(seed);
        let draw = |t: usize| Trajectory::draw(n_params, levels, &mut streams.run(t as u64));
        let trajectories = if candidates == 0 {
            (0..r).map(draw).collect()
        } else {
            let pool: Vec<Trajectory> = (0..candidates).map(draw).collect();
            select_spread(&pool, r, levels).into_iter().map(|idx| pool[idx].clone()).collect()
        };
        Ok(MorrisDesign { n_params, levels, trajectories })
    }

    /// Trajectories in the design.
    pub fn n_trajectories(&self) -> usize {
        self.trajectories.len()
    }

    /// Grid levels.
    pub fn levels(&self) -> u32 {
        self.levels
    }

    fn delta(&self) -> f64 {
        delta(self.levels)
    }
}

fn delta(levels: u32) -> f64 {
    f64::from(levels) / (2.0 * f64::from(levels - 1))
}

impl UnitDesign for MorrisDesign {
    fn n_params(&self) -> usize {
        self.n_params
    }

    fn n_rows(&self) -> u64 {
        (self.trajectories.len() * (self.n_params + 1)) as u64
    }

    fn row_into(&self, row: u64, out: &mut [f64]) {
        let per = self.n_params as u64 + 1;
        let trajectory = &self.trajectories[(row / per) as usize];
        let p = f64::from(self.levels);
        for (value, grid) in out.iter_mut().zip(trajectory.point((row % per) as usize, self.delta())) {
            *value = 0.5 / p + grid * (1.0 - 1.0 / p);
        }
    }
}

impl Trajectory {
    fn draw(n_params: usize, levels: u32, rng: &mut impl RngCore) -> Trajectory {
        let delta = delta(levels);
        let mut up = Vec::with_capacity(n_params);
        let start = (0..n_params)
            .map(|_| {
                let level = bounded(rng, levels as usize / 2) as f64;
                let going_up = rng.next_u64() >> 63 == 0;
                up.push(going_up);
                let base = level / f64::from(levels - 1);
                if going_up {
                    base
                } else {
                    base + delta
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..n_params).collect();
        for idx in (1..n_params).rev() {
            order.swap(idx, bounded(rng, idx + 1));
        }
        Trajectory { start, order, up }
    }

    /// Grid values of point `step` (0 … d).
    fn point(&self, step: usize, delta: f64) -> Vec<f64> {
        let mut point = self.start.clone();
        for &input in &self.order[..step] {
            point[input] += if self.up[input] { delta } else { -delta };
        }
        point
    }
}

fn bounded(rng: &mut impl RngCore, n: usize) -> usize {
    ((u128::from(rng.next_u64()) * n as u128) >> 64) as usize
}

/// Campolongo's distance of two trajectories: the sum of Euclidean distances between every
/// pair of their points.
fn distance(a: &Trajectory, b: &Trajectory, delta: f64) -> f64 {
    let n = a.start.len() + 1;
    let points_a: Vec<Vec<f64>> = (0..n).map(|s| a.point(s, delta)).collect();
    let points_b: Vec<Vec<f64>> = (0..n).map(|s| b.point(s, delta)).collect();
    points_a
        .iter()
        .flat_map(|p| {
            points_b.iter().map(move |q| p.iter().zip(q).map(|(x, y)| (x - y).powi(2)).sum::<f64>().sqrt())
        })
        .sum()
}

/// Indices of `r` of the candidates, grown greedily for spread.
fn select_spread(pool: &[Trajectory], r: usize, levels: u32) -> Vec<usize> {
    let delta = delta(levels);
    let n = pool.len();
    let mut squared = vec![0.0; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let d = distance(&pool[i], &pool[j], delta).powi(2);
            squared[i * n + j] = d;
            squared[j * n + i] = d;
        }
    }
    let (mut best, mut best_pair) = (f64::NEG_INFINITY, (0, 1.min(n - 1)));
    for i in 0..n {
        for j in i + 1..n {
            if squared[i * n + j] > best {
                (best, best_pair) = (squared[i * n + j], (i, j));
            }
        }
    }
    let mut chosen = vec![best_pair.0, best_pair.1];
    let mut score: Vec<f64> =
        (0..n).map(|c| squared[c * n + best_pair.0] + squared[c * n + best_pair.1]).collect();
    while chosen.len() < r {
        let next = (0..n)
            .filter(|c| !chosen.contains(c))
            .fold(None, |acc: Option<usize>, c| match acc {
                Some(b) if score[b] >= score[c] => Some(b),
                _ => Some(c),
            })
            .unwrap_or(0);
        chosen.push(next);
        for (c, s) in score.iter_mut().enumerate() {
            *s += squared[c * n + next];
        }
    }
    chosen
}

/// Morris's measures from the outcome of every row of `design`, in row order.
pub fn morris_indices(
    design: &MorrisDesign,
    outcomes: &[f64],
    settings: &BootstrapSettings,
) -> Result<MorrisIndices, ExploreError> {
    let (d, r) = (design.n_params, design.trajectories.len());
    if outcomes.len() != r * (d + 1) {
        return Err(ExploreError::Mismatch {
            reason: format!("{} outcomes for a design of {} rows", outcomes.len(), r * (d + 1)),
        });
    }
    if let Some(row) = outcomes.iter().position(|v| !v.is_finite()) {
        let count = outcomes.iter().filter(|v| !v.is_finite()).count();
        let reason = "non-finite outcome".to_string();
        return Err(ExploreError::FailedRuns { count, total: outcomes.len(), first_run: row, reason });
    }
    // effects[t][i]: the elementary effect of input i in trajectory t.
    let effects: Vec<Vec<f64>> = design
        .trajectories
        .iter()
        .zip(outcomes.chunks_exact(d + 1))
        .map(|(trajectory, y)| {
            let mut row = vec![0.0; d];
            for (step, &input) in trajectory.order.iter().enumerate() {
                let sign = if trajectory.up[input] { 1.0 } else { -1.0 };
                row[input] = sign * (y[step + 1] - y[step]) / STEP_PROBABILITY;
            }
            row
        })
        .collect();
    let n = r as f64;
    let mu: Vec<f64> = (0..d).map(|i| effects.iter().map(|e| e[i]).sum::<f64>() / n).collect();
    let sigma = (0..d)
        .map(|i| (effects.iter().map(|e| (e[i] - mu[i]).powi(2)).sum::<f64>() / (n - 1.0)).sqrt())
        .collect();
    let mu_star = with_intervals(r, settings, |idx| {
        (0..d).map(|i| idx.iter().map(|&t| effects[t][i].abs()).sum::<f64>() / idx.len() as f64).collect()
    });
    Ok(MorrisIndices { mu, mu_star, sigma })
}

#[cfg(test)]
mod tests;
