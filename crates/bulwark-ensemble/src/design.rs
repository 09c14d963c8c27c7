//! Sampling designs over a list of named parameters: Monte Carlo and Latin hypercube.
//!
//! Both fill one value per parameter for a run, from the run's own stream, consuming exactly one
//! 64-bit word per parameter (then the model draws on from the same stream).
//!
//! **Latin hypercube without a stored plan.** A Latin hypercube of `n` runs cuts each
//! parameter's probability axis into `n` equal strata and gives every stratum to exactly one
//! run. The run → stratum assignment of dimension `j` is a pseudo-random permutation `π_j` of
//! `0..n` that is *computed*, not stored: a 4-round Feistel network on the smallest even number
//! of bits covering `n`, keyed by SplitMix64 of `(seed, j, block)`, restricted to `0..n` by
//! cycle-walking (Black and Rogaway 2002, doi:10.1007/3-540-45760-7_9). A Feistel network is a
//! bijection for any round function, so `π_j` is a permutation, and any run's stratum can be
//! computed alone in O(1) expected time — which shards and threads need. Run `i` takes
//! `u = (π_j(i mod n) + v)/n` with `v` uniform from its stream; runs beyond `n` form further
//! blocks of `n`, each its own Latin hypercube (the block number enters the key).

use std::collections::BTreeSet;

use bulwark_core::Distribution;
use rand::RngCore;

use crate::error::EnsembleError;
use crate::marginal::Marginal;
use crate::stream::{mix64, splitmix64, unit_open};

/// An uncertain parameter of a model: its name and distribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// The name, as the scenario and the reports spell it.
    pub name: String,
    /// Its distribution.
    pub distribution: Distribution,
}

/// A checked list of parameters, ready to be drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct ParameterSpace {
    names: Vec<String>,
    marginals: Vec<Marginal>,
}

impl ParameterSpace {
    /// Checks that names are unique and every distribution can be drawn from.
    pub fn new(parameters: &[Parameter]) -> Result<ParameterSpace, EnsembleError> {
        let mut seen = BTreeSet::new();
        let mut marginals = Vec::with_capacity(parameters.len());
        for parameter in parameters {
            if !seen.insert(parameter.name.as_str()) {
                return Err(EnsembleError::DuplicateParameter { parameter: parameter.name.clone() });
            }
            marginals.push(Marginal::new(&parameter.name, &parameter.distribution)?);
        }
        Ok(ParameterSpace {
            names: parameters.iter().map(|parameter| parameter.name.clone()).collect(),
            marginals,
        })
    }

    /// Parameter names, in declaration order (the order of drawn values).
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// How a run's parameter values are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    space: ParameterSpace,
    kind: DesignKind,
}

#[derive(Clone, Debug, PartialEq)]
enum DesignKind {
    MonteCarlo,
    LatinHypercube { n_strata: u64, seed: u64 },
}

impl Design {
    /// Independent draws for every run and parameter.
    pub fn monte_carlo(space: ParameterSpace) -> Design {
        Design { space, kind: DesignKind::MonteCarlo }
    }

    /// A Latin hypercube of `n_strata` runs (normally the ensemble size) whose permutations
    /// derive from `seed` alone.
    pub fn latin_hypercube(space: ParameterSpace, n_strata: u64, seed: u64) -> Result<Design, EnsembleError> {
        if n_strata == 0 {
            return Err(EnsembleError::InvalidPlan {
                field: "strata",
                value: "0".to_string(),
                reason: "a Latin hypercube needs at least one stratum",
            });
        }
        Ok(Design { space, kind: DesignKind::LatinHypercube { n_strata, seed } })
    }

    /// The design `plan` asks for, or `default` when it names no sampler; a Latin hypercube
    /// has one stratum per run of the whole ensemble and permutations from the plan's seed.
    pub fn for_plan(
        space: ParameterSpace,
        plan: &crate::RunPlan,
        default: crate::Sampler,
    ) -> Result<Design, EnsembleError> {
        match plan.sampler().unwrap_or(default) {
            crate::Sampler::MonteCarlo => Ok(Design::monte_carlo(space)),
            crate::Sampler::LatinHypercube => {
                Design::latin_hypercube(space, plan.n_runs_total(), plan.seed())
            }
        }
    }

    /// The parameters drawn.
    pub fn space(&self) -> &ParameterSpace {
        &self.space
    }

    /// Writes run `run_idx`'s parameter values into `values` (in declaration order; extra slots
    /// are left alone), drawing one word per parameter from `rng`, the run's own stream.
    pub fn draw_into(&self, run_idx: u64, rng: &mut impl RngCore, values: &mut [f64]) {
        for (dim, (marginal, value)) in self.space.marginals.iter().zip(values).enumerate() {
            let jitter = unit_open(rng);
            let u = match self.kind {
                DesignKind::MonteCarlo => jitter,
                DesignKind::LatinHypercube { n_strata, seed } => {
                    let stratum = lhs_stratum(seed, dim as u64, n_strata, run_idx);
                    // Rounding may land exactly on 1 for huge n; keep u inside (0, 1).
                    ((stratum as f64 + jitter) / n_strata as f64).min(1.0 - f64::EPSILON / 2.0)
                }
            };
            *value = marginal.quantile(u);
        }
    }
}

/// The stratum of run `run_idx` in dimension `dim`: `π(run_idx mod n)` for the permutation of
/// this dimension and block.
fn lhs_stratum(seed: u64, dim: u64, n_strata: u64, run_idx: u64) -> u64 {
    let block = run_idx / n_strata;
    let permutation = FeistelPermutation::new(n_strata, [seed, dim, block]);
    permutation.apply(run_idx % n_strata)
}

/// A keyed pseudo-random permutation of `0..n`.
struct FeistelPermutation {
    n: u64,
    half_bits: u32,
    round_keys: [u64; 4],
}

/// Separates the Latin-hypercube keys from any other use of the seed ("LHS-perm" in ASCII).
const LHS_DOMAIN: u64 = 0x4C48_532D_7065_726D;

impl FeistelPermutation {
    fn new(n: u64, key_material: [u64; 3]) -> FeistelPermutation {
        let bits = u64::BITS - n.saturating_sub(1).leading_zeros();
        let mut state = key_material.iter().fold(LHS_DOMAIN, |acc, &word| mix64(acc ^ word));
        let round_keys = [(); 4].map(|()| splitmix64(&mut state));
        FeistelPermutation { n, half_bits: bits.div_ceil(2), round_keys }
    }

    /// `π(idx)` for `idx < n`. Cycle-walking ends because the walk follows the cycle of `idx`
    /// under a bijection, which returns to `0..n` at the latest at `idx` itself; the domain is
    /// under 4n, so fewer than four steps are needed on average.
    fn apply(&self, idx: u64) -> u64 {
        let mut x = self.encrypt(idx);
        while x >= self.n {
            x = self.encrypt(x);
        }
        x
    }

    fn encrypt(&self, x: u64) -> u64 {
        let mask = (1u64 << self.half_bits) - 1;
        let (mut left, mut right) = (x >> self.half_bits, x & mask);
        for key in self.round_keys {
            let mixed = mix64(right ^ key) & mask;
            (left, right) = (right, left ^ mixed);
        }
        (left << self.half_bits) | right
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::Streams;

    fn space(n_params: usize) -> ParameterSpace {
        let parameters: Vec<Parameter> = (0..n_params)
            .map(|idx| Parameter {
                name: format!("p{idx}"),
                distribution: Distribution::Uniform { min: 0.0, max: 1.0 },
            })
            .collect();
        ParameterSpace::new(&parameters).unwrap()
    }

    #[test]
    fn every_stratum_is_hit_exactly_once_per_dimension() {
        for n_strata in [1u64, 2, 7, 64, 1000, 4097] {
            let design = Design::latin_hypercube(space(3), n_strata, 9).unwrap();
            let streams = Streams::new(9);
            let mut hits = vec![vec![0u32; n_strata as usize]; 3];
            let mut values = [0.0; 3];
            for run_idx in 0..n_strata {
                design.draw_into(run_idx, &mut streams.run(run_idx), &mut values);
                for (dim, &value) in values.iter().enumerate() {
                    let stratum = lhs_stratum(9, dim as u64, n_strata, run_idx);
                    let (low, high) =
                        (stratum as f64 / n_strata as f64, (stratum + 1) as f64 / n_strata as f64);
                    assert!(
                        value >= low && value <= high,
                        "run {run_idx}: {value} outside stratum {stratum}"
                    );
                    hits[dim][stratum as usize] += 1;
                }
            }
            assert!(hits.iter().flatten().all(|&count| count == 1), "n = {n_strata}");
        }
    }

    #[test]
    fn permutations_differ_between_dimensions_seeds_and_blocks() {
        let strata = |seed, dim, first_run| {
            (first_run..first_run + 50).map(|run| lhs_stratum(seed, dim, 50, run)).collect::<Vec<_>>()
        };
        let base = strata(1, 0, 0);
        assert_ne!(base, strata(1, 1, 0));
        assert_ne!(base, strata(2, 0, 0));
        assert_ne!(base, strata(1, 0, 50));
        let mut block = strata(1, 0, 50);
        block.sort_unstable();
        assert_eq!(block, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn a_run_draws_the_same_values_whoever_draws_it() {
        let design = Design::latin_hypercube(space(2), 100, 5).unwrap();
        let draw = |run_idx| {
            let mut values = [0.0; 2];
            design.draw_into(run_idx, &mut Streams::new(5).run(run_idx), &mut values);
            values.map(f64::to_bits)
        };
        let forward: Vec<_> = (0..100).map(draw).collect();
        let backward: Vec<_> = (0..100).rev().map(draw).collect();
        assert!(forward.iter().eq(backward.iter().rev()));
    }

    #[test]
    fn monte_carlo_uses_one_word_per_parameter() {
        let design = Design::monte_carlo(space(2));
        let mut rng = Streams::new(3).run(8);
        let mut values = [0.0; 2];
        design.draw_into(8, &mut rng, &mut values);
        let mut replay = Streams::new(3).run(8);
        let expected = [unit_open(&mut replay), unit_open(&mut replay)];
        assert_eq!(values.map(f64::to_bits), expected.map(f64::to_bits));
        assert_eq!(rng.next_u64(), replay.next_u64());
    }

    #[test]
    fn duplicate_names_and_bad_distributions_are_refused() {
        let uniform = Distribution::Uniform { min: 0.0, max: 1.0 };
        let twice = [
            Parameter { name: "a".into(), distribution: uniform.clone() },
            Parameter { name: "a".into(), distribution: uniform },
        ];
        assert!(matches!(ParameterSpace::new(&twice), Err(EnsembleError::DuplicateParameter { .. })));
        let bad =
            [Parameter { name: "b".into(), distribution: Distribution::Uniform { min: 1.0, max: 0.0 } }];
        assert!(ParameterSpace::new(&bad).is_err());
        assert!(Design::latin_hypercube(space(1), 0, 1).is_err());
    }
}
