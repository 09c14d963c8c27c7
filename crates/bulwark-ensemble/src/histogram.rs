//! Integer-count histograms, the source of every quantile an ensemble reports.
//!
//! Counts are integers, so merging histograms in any order gives the same counts, and memory is
//! fixed by the binning, never by the number of runs. Two binnings exist:
//! - [`Bins::Integer`]: one bin per integer in `[min, max]`; quantiles of integer-valued
//!   outcomes (end hours, counts) inside that range are exact;
//! - [`Bins::Relative`]: log-spaced bins holding each value's sign, binary exponent and top
//!   [`RELATIVE_BITS`] mantissa bits; a reported quantile is the bin's centre, within
//!   2^-(RELATIVE_BITS+1) ≈ 0.4 % of the true sample quantile (relative), and never outside the
//!   observed minimum and maximum.

use std::collections::BTreeMap;

/// Mantissa bits kept by [`Bins::Relative`]: bins are 2^-7 ≈ 0.78 % wide (relative).
pub const RELATIVE_BITS: u32 = 7;

/// The largest number of bins [`Bins::Integer`] may ask for, to keep memory flat and small.
pub const MAX_INTEGER_BINS: u64 = 1 << 20;

/// How a metric's values are binned for quantiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bins {
    /// One bin per integer in `[min, max]`; other values go to an underflow or overflow count
    /// and non-integers to the bin of their floor.
    Integer {
        /// Smallest binned integer.
        min: i64,
        /// Largest binned integer.
        max: i64,
    },
    /// Log-spaced bins of relative width 2^-[`RELATIVE_BITS`] over the whole `f64` range.
    Relative,
}

/// The counts of one metric's finite values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Histogram {
    /// Counts of [`Bins::Integer`].
    Integer {
        /// Smallest binned integer.
        min: i64,
        /// Count per integer from `min` up.
        counts: Vec<u64>,
        /// Values below `min`.
        n_below: u64,
        /// Values above the last bin.
        n_above: u64,
    },
    /// Counts of [`Bins::Relative`], by bin key (keys increase with the values they hold).
    Relative(BTreeMap<i64, u64>),
}

impl Histogram {
    /// An empty histogram with the given binning (callers check [`MAX_INTEGER_BINS`]).
    pub fn new(bins: &Bins) -> Histogram {
        match *bins {
            Bins::Integer { min, max } => Histogram::Integer {
                min,
                counts: vec![0; (max.abs_diff(min) + 1) as usize],
                n_below: 0,
                n_above: 0,
            },
            Bins::Relative => Histogram::Relative(BTreeMap::new()),
        }
    }

    /// Counts one finite value.
    pub fn add(&mut self, value: f64) {
        match self {
            Histogram::Integer { min, counts, n_below, n_above } => {
                let floor = value.floor();
                if floor < *min as f64 {
                    *n_below += 1;
                } else if floor - *min as f64 >= counts.len() as f64 {
                    *n_above += 1;
                } else {
                    counts[(floor - *min as f64) as usize] += 1;
                }
            }
            Histogram::Relative(counts) => *counts.entry(relative_key(value)).or_insert(0) += 1,
        }
    }

    /// Adds another histogram's counts; `false` (and no change) when the binnings differ.
    pub fn merge(&mut self, other: &Histogram) -> bool {
        match (self, other) {
            (
                Histogram::Integer { min, counts, n_below, n_above },
                Histogram::Integer {
                    min: other_min,
                    counts: other_counts,
                    n_below: other_below,
                    n_above: other_above,
                },
            ) if min == other_min && counts.len() == other_counts.len() => {
                counts.iter_mut().zip(other_counts).for_each(|(count, other)| *count += other);
                *n_below += other_below;
                *n_above += other_above;
                true
            }
            (Histogram::Relative(counts), Histogram::Relative(other_counts)) => {
                for (&key, &count) in other_counts {
                    *counts.entry(key).or_insert(0) += count;
                }
                true
            }
            _ => false,
        }
    }

    /// The value of rank `rank` (1-based) in sorted order, as the histogram knows it:
    /// `observed_min`/`observed_max` stand in for the underflow/overflow counts and clamp
    /// relative bins' centres. `None` when fewer than `rank` values were counted.
    pub fn value_at_rank(&self, rank: u64, observed_min: f64, observed_max: f64) -> Option<f64> {
        let mut seen = 0u64;
        let mut reached = |count: u64| {
            seen += count;
            seen >= rank
        };
        match self {
            Histogram::Integer { min, counts, n_below, n_above } => {
                if reached(*n_below) {
                    return Some(observed_min);
                }
                if let Some(idx) = counts.iter().position(|&count| reached(count)) {
                    return Some((*min + idx as i64) as f64);
                }
                reached(*n_above).then_some(observed_max)
            }
            Histogram::Relative(counts) => counts
                .iter()
                .find(|&(_, &count)| reached(count))
                // `max` then `min`, not `clamp`: `clamp` panics when the bounds cross, and a
                // histogram must not panic whatever it was given.
                .map(|(&key, _)| relative_centre(key).max(observed_min).min(observed_max)),
        }
    }
}

impl Histogram {
    /// The number of values counted, when every bin could hold a value in
    /// `[observed_min, observed_max]` (for a histogram read from a file); `Err` otherwise, and
    /// `Ok(None)` when the counts overflow.
    pub(crate) fn validate(&self, observed_min: f64, observed_max: f64) -> Result<Option<u64>, String> {
        match self {
            Histogram::Integer { counts, n_below, n_above, .. } => Ok(counts
                .iter()
                .chain([n_below, n_above])
                .try_fold(0u64, |acc, &count| acc.checked_add(count))),
            Histogram::Relative(counts) => {
                let (Some((&first, _)), Some((&last, _))) =
                    (counts.first_key_value(), counts.last_key_value())
                else {
                    return Ok(Some(0));
                };
                let in_range = |key: i64| key.unsigned_abs() <= MAX_RELATIVE_KEY;
                if !(in_range(first) && in_range(last))
                    || first < relative_key(observed_min)
                    || last > relative_key(observed_max)
                {
                    return Err("a bin lies outside the observed min and max".into());
                }
                Ok(counts.values().try_fold(0u64, |acc, &count| acc.checked_add(count)))
            }
        }
    }
}

/// The largest magnitude of a relative bin key: the key of `f64::MAX`.
const MAX_RELATIVE_KEY: u64 = (f64::MAX.to_bits() >> (52 - RELATIVE_BITS)) + 1;

/// The bin key of a finite value: 0 for zero, otherwise the value's top bits (sign, exponent,
/// [`RELATIVE_BITS`] of mantissa) plus one, negated for negative values. The bit pattern of a
/// positive `f64` grows with its value, so keys sort like the values they bin.
fn relative_key(value: f64) -> i64 {
    if value == 0.0 {
        return 0;
    }
    let magnitude_key = (value.abs().to_bits() >> (52 - RELATIVE_BITS)) as i64 + 1;
    if value < 0.0 {
        -magnitude_key
    } else {
        magnitude_key
    }
}

/// The centre of the bin with key `key`.
fn relative_centre(key: i64) -> f64 {
    if key == 0 {
        return 0.0;
    }
    let prefix = key.unsigned_abs() - 1;
    let low = f64::from_bits(prefix << (52 - RELATIVE_BITS));
    let high = f64::from_bits((prefix + 1) << (52 - RELATIVE_BITS));
    // The top bin of the finite range ends at infinity; its lower edge is the best we can say.
    let centre = if high.is_finite() { low + (high - low) / 2.0 } else { low };
    if key < 0 {
        -centre
    } else {
        centre
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn integer_bins_give_exact_ranks_and_fall_back_to_the_extremes() {
        let mut hist = Histogram::new(&Bins::Integer { min: 1, max: 3 });
        for value in [2.0, 1.0, 3.0, 3.0, 0.0, 9.0] {
            hist.add(value);
        }
        let ranks: Vec<_> = (1..=7).map(|rank| hist.value_at_rank(rank, 0.0, 9.0)).collect();
        assert_eq!(ranks, [Some(0.0), Some(1.0), Some(2.0), Some(3.0), Some(3.0), Some(9.0), None]);
    }

    #[test]
    fn relative_keys_sort_like_values() {
        let values = [-1e300, -2.0, -1.0, -1e-300, 0.0, 1e-310, 1.0, 1.01, 2.0, f64::MAX];
        let keys: Vec<i64> = values.iter().map(|&value| relative_key(value)).collect();
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
        assert!((relative_centre(relative_key(1.0)) - 1.0).abs() < 1.0 / 256.0 + 1e-12);
        assert!(relative_centre(relative_key(f64::MAX)).is_finite());
    }

    proptest! {
        #[test]
        fn relative_bins_hold_values_within_their_resolution(value in -1e12f64..1e12) {
            let centre = relative_centre(relative_key(value));
            let tolerance = value.abs() / 256.0 * (1.0 + 1e-12) + 1e-300;
            prop_assert!((centre - value).abs() <= tolerance, "{value} -> {centre}");
        }

        #[test]
        fn merging_histograms_equals_counting_everything(
            values in proptest::collection::vec(-50.0f64..50.0, 0..100),
            split in 0usize..100,
        ) {
            for bins in [Bins::Integer { min: -10, max: 10 }, Bins::Relative] {
                let split = split.min(values.len());
                let mut whole = Histogram::new(&bins);
                let mut left = Histogram::new(&bins);
                let mut right = Histogram::new(&bins);
                values.iter().for_each(|&value| whole.add(value));
                values[..split].iter().for_each(|&value| left.add(value));
                values[split..].iter().for_each(|&value| right.add(value));
                prop_assert!(right.merge(&left));
                prop_assert_eq!(&right, &whole);
            }
        }
    }
}
