//! Reproducible random streams: run `i` of an ensemble draws from a generator derived from
//! `(seed, i)` alone.
//!
//! The choice, documented here because every reproduced figure depends on it:
//! - the generator is ChaCha8 (`rand_chacha::ChaCha8Rng`), a counter-based cipher whose output
//!   is fixed by its key, stream id and position, and is stable across versions of the crate;
//! - the 256-bit key is four successive outputs of SplitMix64 started at the user's seed, so
//!   that nearby seeds (7, 8) give unrelated keys;
//! - the run index is the ChaCha *stream id* and every run starts at word position 0, so each
//!   run owns a private stream of 2^68 bytes and no two runs can ever overlap.
//!
//! Nothing else (thread, shard, chunk, wall clock) enters the derivation, which is what makes
//! results independent of the thread count and of the shard that executes a run.
//! Uniform numbers are made from raw 64-bit words by [`unit_open`] and [`unit_closed_open`]
//! rather than by `rand`'s distributions, so that an upgrade of `rand` cannot change a draw.

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The generator a run receives: ChaCha8 keyed by the ensemble seed, on the run's own stream.
pub type RunRng = ChaCha8Rng;

/// The family of run streams of one ensemble seed.
#[derive(Clone, Debug)]
pub struct Streams {
    key: [u8; 32],
}

impl Streams {
    /// The streams of `seed`.
    pub fn new(seed: u64) -> Streams {
        let mut key = [0u8; 32];
        let mut state = seed;
        for word in key.chunks_exact_mut(8) {
            word.copy_from_slice(&splitmix64(&mut state).to_le_bytes());
        }
        Streams { key }
    }

    /// The key as the eight little-endian 32-bit words of ChaCha's state (words 4 to 11).
    pub(crate) fn key_words(&self) -> [u32; 8] {
        std::array::from_fn(|w| u32::from_le_bytes([0, 1, 2, 3].map(|b| self.key[4 * w + b])))
    }

    /// The generator of run `run_idx`, positioned at its first word.
    pub fn run(&self, run_idx: u64) -> RunRng {
        let mut rng = ChaCha8Rng::from_seed(self.key);
        rng.set_stream(run_idx);
        rng
    }
}

/// One step of SplitMix64 (Steele, Lea and Flood 2014, doi:10.1145/2714064.2660195): advances
/// `state` and returns a well-mixed 64-bit word.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    mix64(*state)
}

/// SplitMix64's finaliser: a bijection of 64-bit words with good avalanche.
pub fn mix64(word: u64) -> u64 {
    let mut z = word;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in the open interval (0, 1) from one 64-bit word: the centre of one of
/// 2^53 equal cells, so that inverse CDFs never see 0 or 1.
pub fn unit_open(rng: &mut impl RngCore) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) * TWO_POW_MINUS_53
}

/// A uniform number in [0, 1) from one 64-bit word, on a grid of 2^-53.
pub fn unit_closed_open(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 * TWO_POW_MINUS_53
}

pub(crate) const TWO_POW_MINUS_53: f64 = 1.0 / (1u64 << 53) as f64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_stream_depends_on_seed_and_index_only() {
        let streams = Streams::new(7);
        let first: Vec<u64> = (0..4).map(|_| streams.run(12).next_u64()).collect();
        assert!(first.windows(2).all(|pair| pair[0] == pair[1]));
        // Drawing other runs in between (another thread, another shard) changes nothing.
        let late = Streams::new(7);
        let _ = late.run(11).next_u64();
        assert_eq!(late.run(12).next_u64(), first[0]);
        assert_ne!(streams.run(13).next_u64(), first[0]);
        assert_ne!(Streams::new(8).run(12).next_u64(), first[0]);
    }

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Reference values of SplitMix64 seeded with 0 (Vigna's C implementation).
        let mut state = 0;
        assert_eq!(splitmix64(&mut state), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut state), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn unit_draws_stay_inside_their_intervals() {
        let mut rng = Streams::new(1).run(0);
        for _ in 0..10_000 {
            let open = unit_open(&mut rng);
            assert!(open > 0.0 && open < 1.0);
            let half_open = unit_closed_open(&mut rng);
            assert!((0.0..1.0).contains(&half_open));
        }
    }
}
