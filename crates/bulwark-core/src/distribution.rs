//! Uncertain parameter values: the distributions a scenario may give instead of a number.
//!
//! Only the description lives here; drawing from them is the ensemble's job, so that this
//! crate needs no random-number generator. Constructors are in the scenario crate, which
//! validates the parameters (min below max, positive spread) before building one.

/// A value or a probability distribution over values, in the unit of the parameter it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    /// Always this value.
    Fixed(f64),
    /// Uniform on `[min, max]`.
    Uniform {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// Triangular on `[min, max]` with its peak at `mode`.
    Triangular {
        /// Lower bound.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Upper bound.
        max: f64,
    },
    /// Normal with mean and standard deviation, truncated to `[min, max]`.
    Normal {
        /// Mean before truncation.
        mean: f64,
        /// Standard deviation before truncation (> 0).
        sd: f64,
        /// Lower truncation bound.
        min: f64,
        /// Upper truncation bound.
        max: f64,
    },
    /// Lognormal: `ln X` is normal with mean `ln median` and standard deviation `sigma`.
    Lognormal {
        /// Median of X (> 0).
        median: f64,
        /// Standard deviation of ln X (> 0).
        sigma: f64,
    },
    /// PERT (a scaled beta with shape 4) on `[min, max]` with its mode at `mode`.
    Pert {
        /// Lower bound.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Upper bound.
        max: f64,
    },
    /// One of a list of values with relative weights (normalised when drawn).
    Discrete {
        /// The values.
        values: Vec<f64>,
        /// Positive weights, one per value.
        weights: Vec<f64>,
    },
}

impl Distribution {
    /// The central value used for a deterministic run: the value itself, the mean of uniform,
    /// triangular, normal and PERT (before truncation), the median of the lognormal, and the
    /// weighted mean of a discrete distribution.
    pub fn central(&self) -> f64 {
        match self {
            Distribution::Fixed(value) => *value,
            Distribution::Uniform { min, max } => (min + max) / 2.0,
            Distribution::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Distribution::Normal { mean, .. } => *mean,
            Distribution::Lognormal { median, .. } => *median,
            Distribution::Pert { min, mode, max } => (min + 4.0 * mode + max) / 6.0,
            Distribution::Discrete { values, weights } => {
                let total: f64 = weights.iter().sum();
                values.iter().zip(weights).map(|(v, w)| v * w).sum::<f64>() / total
            }
        }
    }

    /// The smallest and largest value a draw can take (the lognormal is unbounded above).
    pub fn support(&self) -> (f64, f64) {
        match self {
            Distribution::Fixed(value) => (*value, *value),
            Distribution::Uniform { min, max }
            | Distribution::Triangular { min, max, .. }
            | Distribution::Normal { min, max, .. }
            | Distribution::Pert { min, max, .. } => (*min, *max),
            Distribution::Lognormal { .. } => (0.0, f64::INFINITY),
            Distribution::Discrete { values, .. } => {
                let lowest = values.iter().copied().fold(f64::INFINITY, f64::min);
                let highest = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                (lowest, highest)
            }
        }
    }

    /// The distribution's name as a scenario file spells it.
    pub fn kind(&self) -> &'static str {
        match self {
            Distribution::Fixed(_) => "value",
            Distribution::Uniform { .. } => "uniform",
            Distribution::Triangular { .. } => "triangular",
            Distribution::Normal { .. } => "normal",
            Distribution::Lognormal { .. } => "lognormal",
            Distribution::Pert { .. } => "pert",
            Distribution::Discrete { .. } => "discrete",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_values_match_the_textbook_means() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(close(Distribution::Fixed(3.0).central(), 3.0));
        assert!(close(Distribution::Uniform { min: 1.0, max: 3.0 }.central(), 2.0));
        assert!(close(Distribution::Triangular { min: 0.0, mode: 3.0, max: 6.0 }.central(), 3.0));
        assert!(close(Distribution::Pert { min: 0.0, mode: 1.0, max: 8.0 }.central(), 2.0));
        let discrete = Distribution::Discrete { values: vec![0.0, 10.0], weights: vec![3.0, 1.0] };
        assert!(close(discrete.central(), 2.5));
        assert_eq!(discrete.support(), (0.0, 10.0));
    }
}
