//! Bootstrap resampling shared by the Sobol and Morris estimators: resample `k` draws its
//! indices from the stream of `(seed, k)` alone, so intervals do not depend on the thread
//! count, and a percentile interval of the resampled estimates.
//!
//! The interval is the percentile bootstrap (Efron and Tibshirani 1993, *An Introduction to the
//! Bootstrap*, ch. 13): the `(1 − c)/2` and `(1 + c)/2` empirical quantiles of the resampled
//! estimates, with linear interpolation between order statistics. SALib instead reports
//! `z · sd` of the resamples; both agree when the resamples are close to normal.

use bulwark_ensemble::{splitmix64, Streams};
use rand::RngCore;
use rayon::prelude::*;

use crate::error::{invalid, ExploreError};

/// Separates bootstrap streams from the model's run streams ("Bootstrp" in ASCII).
const BOOTSTRAP_DOMAIN: u64 = 0x426F_6F74_7374_7270;

/// How confidence intervals are computed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BootstrapSettings {
    /// Resamples (0: no intervals, the estimate is repeated as its own bounds).
    pub resamples: usize,
    /// Confidence level of the interval, in (0, 1).
    pub confidence: f64,
    /// Seed of the resampling streams.
    pub seed: u64,
}

impl BootstrapSettings {
    /// Checks the level and the number of resamples.
    pub fn new(resamples: usize, confidence: f64, seed: u64) -> Result<BootstrapSettings, ExploreError> {
        if !(confidence > 0.0 && confidence < 1.0) {
            return Err(invalid("confidence", confidence, "a level strictly between 0 and 1"));
        }
        if resamples > 100_000 {
            return Err(invalid("resamples", resamples, "at most 100000 resamples"));
        }
        Ok(BootstrapSettings { resamples, confidence, seed })
    }
}

/// An estimate with its confidence interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// The estimate on all the data.
    pub value: f64,
    /// Lower bound of the interval.
    pub low: f64,
    /// Upper bound of the interval.
    pub high: f64,
}

/// Runs `estimate` on the full index list and on `settings.resamples` resamples of `n`
/// indices, and returns each of its `n_values` outputs with its percentile interval.
pub(crate) fn with_intervals(
    n: usize,
    settings: &BootstrapSettings,
    estimate: impl Fn(&[usize]) -> Vec<f64> + Sync,
) -> Vec<Estimate> {
    let all: Vec<usize> = (0..n).collect();
    let point = estimate(&all);
    let streams = Streams::new(splitmix64(&mut (settings.seed ^ BOOTSTRAP_DOMAIN)));
    let resampled: Vec<Vec<f64>> = (0..settings.resamples)
        .into_par_iter()
        .map(|k| {
            let mut rng = streams.run(k as u64);
            let idx: Vec<usize> = (0..n).map(|_| bounded(&mut rng, n)).collect();
            estimate(&idx)
        })
        .collect();
    point
        .iter()
        .enumerate()
        .map(|(slot, &value)| {
            let mut values: Vec<f64> = resampled.iter().map(|r| r[slot]).filter(|v| v.is_finite()).collect();
            if values.is_empty() {
                return Estimate { value, low: value, high: value };
            }
            values.sort_by(f64::total_cmp);
            let tail = (1.0 - settings.confidence) / 2.0;
            Estimate { value, low: quantile(&values, tail), high: quantile(&values, 1.0 - tail) }
        })
        .collect()
}

/// A uniform index below `n` from one word (Lemire's multiply-shift; the bias is below
/// `n / 2^64`).
fn bounded(rng: &mut impl RngCore, n: usize) -> usize {
    ((u128::from(rng.next_u64()) * n as u128) >> 64) as usize
}

/// The `p` quantile of sorted `values` (type 7 of Hyndman and Fan 1996: linear between order
/// statistics).
pub(crate) fn quantile(sorted: &[f64], p: f64) -> f64 {
    let position = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    sorted[below] + (position - below as f64) * (sorted[above] - sorted[below])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_cover_the_mean_of_a_known_sample() {
        // The mean of 0..1000 is 499.5 with standard error ≈ 9.1: a 95 % interval about
        // ±18 wide.
        let data: Vec<f64> = (0..1000).map(f64::from).collect();
        let settings = BootstrapSettings::new(500, 0.95, 3).unwrap();
        let mean = |idx: &[usize]| vec![idx.iter().map(|&i| data[i]).sum::<f64>() / idx.len() as f64];
        let [estimate] = with_intervals(data.len(), &settings, mean)[..] else { panic!("one value") };
        assert!((estimate.value - 499.5).abs() < 1e-9);
        assert!(estimate.low < 499.5 && estimate.high > 499.5);
        let half_width = (estimate.high - estimate.low) / 2.0;
        assert!((12.0..24.0).contains(&half_width), "{half_width}");
    }

    #[test]
    fn intervals_do_not_depend_on_the_thread_count() {
        let data: Vec<f64> = (0..200).map(|i| f64::from(i % 17)).collect();
        let settings = BootstrapSettings::new(64, 0.9, 5).unwrap();
        let run = |threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| {
                with_intervals(data.len(), &settings, |idx| vec![idx.iter().map(|&i| data[i]).sum()])
            })
        };
        assert_eq!(run(1), run(3));
    }

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        let sorted = [1.0, 2.0, 3.0, 4.0];
        assert!((quantile(&sorted, 0.5) - 2.5).abs() < 1e-12);
        assert!((quantile(&sorted, 0.0) - 1.0).abs() < 1e-12);
        assert!((quantile(&sorted, 1.0) - 4.0).abs() < 1e-12);
        assert!(BootstrapSettings::new(10, 1.0, 0).is_err());
    }
}
