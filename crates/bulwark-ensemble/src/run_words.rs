//! The first words of many runs' streams at once, for models that draw only a few numbers per
//! run (the attrition benchmark draws seven).
//!
//! [`crate::Streams::run`] builds a ChaCha8 generator per run, which computes four 64-byte
//! blocks on its first draw (256 bytes) when such a model needs 56. Here the first block of
//! [`RUN_BLOCK`] consecutive runs is computed side by side, word `w` of every run in one array,
//! so that the compiler turns the quarter-rounds into vector instructions. The words are the
//! same as those `Streams::run(i)` yields (a test checks it word for word): ChaCha with 8 rounds,
//! the constants "expand 32-byte k", the seed's key, block counter 0 (words 12–13) and the run
//! index as the 64-bit stream id (words 14–15), as in Bernstein's original layout that
//! `rand_chacha` follows.

use crate::stream::Streams;

/// Runs whose first blocks are computed together.
pub(crate) const RUN_BLOCK: usize = 16;

/// 64-bit words available from one block: a run may draw at most this many.
pub(crate) const WORDS_PER_BLOCK: usize = 8;

/// "expand 32-byte k", the ChaCha constants.
const CONSTANTS: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];

/// One array of lanes, a ChaCha state word for every run of the block.
type Lanes = [u32; RUN_BLOCK];

/// The first [`WORDS_PER_BLOCK`] 64-bit words of the streams of runs `first_run`,
/// `first_run + 1`, … (`RUN_BLOCK` of them): `words[w][lane]` is the `w`-th `next_u64` of run
/// `first_run + lane`. Run indices wrap past `u64::MAX` (callers never get there).
#[inline(always)]
pub(crate) fn first_words(streams: &Streams, first_run: u64) -> [[u64; RUN_BLOCK]; WORDS_PER_BLOCK] {
    let key = streams.key_words();
    let mut input: [Lanes; 16] = [[0; RUN_BLOCK]; 16];
    for (word, &constant) in input[..4].iter_mut().zip(&CONSTANTS) {
        *word = [constant; RUN_BLOCK];
    }
    for (word, &key_word) in input[4..12].iter_mut().zip(&key) {
        *word = [key_word; RUN_BLOCK];
    }
    // Words 12 and 13, the block counter, stay 0: every run starts at its first block.
    let run = |lane: usize| first_run.wrapping_add(lane as u64);
    input[14] = std::array::from_fn(|lane| run(lane) as u32);
    input[15] = std::array::from_fn(|lane| (run(lane) >> 32) as u32);
    let mut x = input;
    for _ in 0..4 {
        // A column round then a diagonal round: eight rounds in all (ChaCha8).
        quarter_round(&mut x, 0, 4, 8, 12);
        quarter_round(&mut x, 1, 5, 9, 13);
        quarter_round(&mut x, 2, 6, 10, 14);
        quarter_round(&mut x, 3, 7, 11, 15);
        quarter_round(&mut x, 0, 5, 10, 15);
        quarter_round(&mut x, 1, 6, 11, 12);
        quarter_round(&mut x, 2, 7, 8, 13);
        quarter_round(&mut x, 3, 4, 9, 14);
    }
    let mut words = [[0u64; RUN_BLOCK]; WORDS_PER_BLOCK];
    for (w, out) in words.iter_mut().enumerate() {
        for lane in 0..RUN_BLOCK {
            let low = x[2 * w][lane].wrapping_add(input[2 * w][lane]);
            let high = x[2 * w + 1][lane].wrapping_add(input[2 * w + 1][lane]);
            out[lane] = u64::from(low) | (u64::from(high) << 32);
        }
    }
    words
}

/// One ChaCha quarter-round on words `a`, `b`, `c`, `d` of every lane. The lane index reads
/// four arrays at once, which an iterator would obscure; the compiler vectorises the loop.
#[allow(clippy::needless_range_loop)]
#[inline(always)]
fn quarter_round(x: &mut [Lanes; 16], a: usize, b: usize, c: usize, d: usize) {
    for lane in 0..RUN_BLOCK {
        let (mut va, mut vb, mut vc, mut vd) = (x[a][lane], x[b][lane], x[c][lane], x[d][lane]);
        va = va.wrapping_add(vb);
        vd = (vd ^ va).rotate_left(16);
        vc = vc.wrapping_add(vd);
        vb = (vb ^ vc).rotate_left(12);
        va = va.wrapping_add(vb);
        vd = (vd ^ va).rotate_left(8);
        vc = vc.wrapping_add(vd);
        vb = (vb ^ vc).rotate_left(7);
        (x[a][lane], x[b][lane], x[c][lane], x[d][lane]) = (va, vb, vc, vd);
    }
}

#[cfg(test)]
mod tests {
    use rand::RngCore;

    use super::*;

    #[test]
    fn the_words_are_those_of_each_runs_own_generator() {
        for seed in [0, 7, u64::MAX] {
            let streams = Streams::new(seed);
            // Run indices whose high 32 bits are set exercise stream word 15.
            for first_run in [0, 5, (1 << 32) - 3, u64::MAX - 40] {
                let words = first_words(&streams, first_run);
                for lane in 0..RUN_BLOCK {
                    let mut rng = streams.run(first_run + lane as u64);
                    for (w, word) in words.iter().enumerate() {
                        assert_eq!(
                            word[lane],
                            rng.next_u64(),
                            "seed {seed}, run {first_run}+{lane}, word {w}"
                        );
                    }
                }
            }
        }
    }
}
