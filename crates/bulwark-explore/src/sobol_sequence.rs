//! The Sobol low-discrepancy sequence (Sobol 1967), with Joe and Kuo's direction numbers and,
//! on request, Matoušek's linear matrix scrambling with a digital shift, keyed by a seed.
//!
//! # Model card
//!
//! **Construction.** Dimension `j` has a primitive polynomial over GF(2) of degree `s`,
//! `x^s + a_1 x^{s−1} + … + a_{s−1} x + 1`, and initial odd integers `m_1 … m_s` with
//! `m_k < 2^k`. Direction numbers are `V_k = m_k · 2^{32−k}` for `k ≤ s` and, beyond,
//! `V_k = V_{k−s} ⊕ (V_{k−s} ≫ s) ⊕ ⊕_{i=1}^{s−1} a_i V_{k−i}` (Bratley and Fox 1988,
//! doi:10.1145/42288.214372). The first dimension is van der Corput's (`m_k = 1`).
//! Point `n` is `x_n = ⊕_{k : bit k of g(n) set} V_{k+1}` with the Gray code
//! `g(n) = n ⊕ (n ≫ 1)`, so any point is computed alone in O(32·d), which is what threads and
//! shards need (no state is carried from point to point). This is the order of Joe and Kuo's
//! own generator: the first points of dimension 2 are 0, 0.5, 0.25, 0.75, 0.375 …
//!
//! **Direction numbers**: `new-joe-kuo-6.21201`, dimensions 1 to 1024 (Joe and Kuo 2008,
//! "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci.
//! Comput. 30, 2635–2654, doi:10.1137/070709359), embedded as
//! `sobol_sequence/joe_kuo_6_21201.txt`, published by the authors at
//! <https://web.maths.unsw.edu.au/~fkuo/sobol/>. 32 bits: at most 2^32 points.
//!
//! **Scrambling** (Matoušek 1998, doi:10.1006/jcom.1998.0476): each dimension's direction
//! numbers are multiplied by a random lower-triangular binary matrix with a unit diagonal
//! (which keeps the net property, so the balance of every power-of-two block survives) and the
//! point is XORed with a random 32-bit digital shift. The matrix rows and the shift of
//! dimension `j` come from SplitMix64 keyed by `(seed, j)` alone: the same seed gives the same
//! sequence. Without scrambling the first point is the origin; callers then usually skip a
//! power of two of points.
//!
//! **Output**: `u = (x + ½) / 2^32`, the centre of the point's cell, so that inverse CDFs never
//! see 0 or 1.

use bulwark_ensemble::{mix64, splitmix64};

use crate::error::{invalid, ExploreError};

/// The embedded direction numbers.
const JOE_KUO: &str = include_str!("sobol_sequence/joe_kuo_6_21201.txt");

/// Most dimensions the embedded direction numbers give.
pub const MAX_DIMENSIONS: usize = 1024;

/// Bits per coordinate: the sequence has at most `2^BITS` points.
const BITS: usize = 32;

/// Separates scrambling keys from any other use of the seed ("SobolScr" in ASCII).
const SCRAMBLE_DOMAIN: u64 = 0x536F_626F_6C53_6372;

/// A Sobol sequence of a fixed number of dimensions.
#[derive(Clone, Debug, PartialEq)]
pub struct SobolSequence {
    /// `directions[j][k]`: direction number `V_{k+1}` of dimension `j`, already scrambled.
    directions: Vec<[u32; BITS]>,
    /// Digital shift per dimension (0 when not scrambled).
    shifts: Vec<u32>,
}

impl SobolSequence {
    /// The plain sequence of `dimensions` dimensions (1 ≤ d ≤ [`MAX_DIMENSIONS`]).
    pub fn new(dimensions: usize) -> Result<SobolSequence, ExploreError> {
        if dimensions == 0 || dimensions > MAX_DIMENSIONS {
            return Err(invalid(
                "dimensions",
                dimensions,
                format!("the embedded direction numbers give 1 to {MAX_DIMENSIONS} dimensions"),
            ));
        }
        let mut directions = Vec::with_capacity(dimensions);
        directions.push(std::array::from_fn(|k| 1u32 << (BITS - 1 - k)));
        for line in JOE_KUO.lines().filter(|line| !line.starts_with('#')).take(dimensions - 1) {
            directions.push(directions_of(line));
        }
        Ok(SobolSequence { directions, shifts: vec![0; dimensions] })
    }

    /// The sequence scrambled by `seed` (linear matrix scrambling and a digital shift).
    pub fn scrambled(dimensions: usize, seed: u64) -> Result<SobolSequence, ExploreError> {
        let mut sequence = SobolSequence::new(dimensions)?;
        for (dim, (directions, shift)) in sequence.directions.iter_mut().zip(&mut sequence.shifts).enumerate()
        {
            let mut state = mix64(mix64(SCRAMBLE_DOMAIN ^ seed) ^ dim as u64);
            let rows: [u32; BITS] = std::array::from_fn(|row| {
                // Row `row` acts on digit `row` (bit 31 − row): a one on the diagonal, random
                // ones on the more significant digits, none below.
                let diagonal = 1u32 << (BITS - 1 - row);
                let above = if row == 0 { 0 } else { u32::MAX << (BITS - row) };
                diagonal | (splitmix64(&mut state) as u32 & above)
            });
            for direction in directions.iter_mut() {
                *direction = rows
                    .iter()
                    .enumerate()
                    .map(|(row, mask)| ((mask & *direction).count_ones() & 1) << (BITS - 1 - row))
                    .fold(0, |acc, bit| acc | bit);
            }
            *shift = splitmix64(&mut state) as u32;
        }
        Ok(sequence)
    }

    /// Number of dimensions.
    pub fn dimensions(&self) -> usize {
        self.directions.len()
    }

    /// Writes point `index` (< 2^32) into `out` (one value in (0, 1) per dimension; extra
    /// slots are left alone).
    pub fn point_into(&self, index: u64, out: &mut [f64]) {
        let gray = index ^ (index >> 1);
        for ((directions, shift), value) in self.directions.iter().zip(&self.shifts).zip(out) {
            let mut x = *shift;
            let mut bits = gray;
            while bits != 0 {
                let k = bits.trailing_zeros() as usize;
                x ^= directions[k.min(BITS - 1)];
                bits &= bits - 1;
            }
            *value = (f64::from(x) + 0.5) / TWO_POW_32;
        }
    }
}

const TWO_POW_32: f64 = 4_294_967_296.0;

/// Direction numbers of one line `d s a m_1 … m_s` of the Joe–Kuo file.
fn directions_of(line: &str) -> [u32; BITS] {
    // The embedded file is checked by a test, so a malformed number cannot reach a user.
    let numbers: Vec<u32> = line.split_whitespace().filter_map(|word| word.parse().ok()).collect();
    let (degree, coefficients, initial) = (numbers[1] as usize, numbers[2], &numbers[3..]);
    let mut directions = [0u32; BITS];
    for k in 0..BITS {
        directions[k] = if k < degree {
            initial[k] << (BITS - 1 - k)
        } else {
            let mut v = directions[k - degree] ^ (directions[k - degree] >> degree);
            for i in 1..degree {
                if (coefficients >> (degree - 1 - i)) & 1 == 1 {
                    v ^= directions[k - i];
                }
            }
            v
        };
    }
    directions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(sequence: &SobolSequence, n: u64) -> Vec<Vec<f64>> {
        (0..n)
            .map(|index| {
                let mut point = vec![0.0; sequence.dimensions()];
                sequence.point_into(index, &mut point);
                point
            })
            .collect()
    }

    #[test]
    fn the_embedded_table_is_well_formed() {
        let lines: Vec<&str> = JOE_KUO.lines().filter(|line| !line.starts_with('#')).collect();
        assert_eq!(lines.len(), MAX_DIMENSIONS - 1);
        for (idx, line) in lines.iter().enumerate() {
            let numbers: Vec<u64> = line.split_whitespace().map(|w| w.parse().unwrap()).collect();
            assert_eq!(numbers[0], idx as u64 + 2, "line {line}");
            let degree = numbers[1] as usize;
            assert_eq!(numbers.len(), 3 + degree, "line {line}");
            for (k, m) in numbers[3..].iter().enumerate() {
                assert!(m % 2 == 1 && *m < 1 << (k + 1), "m_{} = {m} on line {line}", k + 1);
            }
        }
    }

    #[test]
    fn the_first_points_are_the_published_ones() {
        // Joe and Kuo's generator, dimensions 1–3, points 1–7 (point 0 is the origin).
        let expected = [
            [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25],
            [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125],
            [0.625, 0.125, 0.875],
            [0.125, 0.625, 0.375],
        ];
        let sequence = SobolSequence::new(3).unwrap();
        for (point, expected) in points(&sequence, 8)[1..].iter().zip(expected) {
            for (value, expected) in point.iter().zip(expected) {
                assert!((value - expected).abs() < 1e-9, "{point:?} against {expected:?}");
            }
        }
    }

    /// Every coordinate of the first 2^m points falls once in each of the 2^m cells of width
    /// 2^−m: the (0, m, 1)-net property of each one-dimensional projection.
    fn assert_stratified(sequence: &SobolSequence, m: u32) {
        let n = 1u64 << m;
        for dim in 0..sequence.dimensions() {
            let mut hits = vec![0u32; n as usize];
            for point in points(sequence, n) {
                hits[(point[dim] * n as f64) as usize] += 1;
            }
            assert!(hits.iter().all(|&h| h == 1), "dimension {dim}");
        }
    }

    #[test]
    fn projections_are_stratified_plain_and_scrambled() {
        assert_stratified(&SobolSequence::new(40).unwrap(), 10);
        assert_stratified(&SobolSequence::scrambled(40, 7).unwrap(), 10);
    }

    #[test]
    fn two_dimensional_projections_of_the_first_dimensions_are_nets() {
        // Dimensions 1 and 2 form a (0, m, 2)-net: each elementary box of area 2^−m holds one
        // point, here for boxes of 2^a × 2^(m−a) cells.
        let m = 8u32;
        for sequence in [SobolSequence::new(2).unwrap(), SobolSequence::scrambled(2, 3).unwrap()] {
            let pts = points(&sequence, 1 << m);
            for a in 0..=m {
                let mut hits = vec![0u32; 1 << m];
                for p in &pts {
                    let (ix, iy) = (
                        (p[0] * f64::from(1u32 << a)) as usize,
                        (p[1] * f64::from(1u32 << (m - a))) as usize,
                    );
                    hits[(ix << (m - a)) + iy] += 1;
                }
                assert!(hits.iter().all(|&h| h == 1), "a = {a}");
            }
        }
    }

    #[test]
    fn scrambling_depends_on_the_seed_only() {
        let a = points(&SobolSequence::scrambled(5, 11).unwrap(), 16);
        assert_eq!(a, points(&SobolSequence::scrambled(5, 11).unwrap(), 16));
        assert_ne!(a, points(&SobolSequence::scrambled(5, 12).unwrap(), 16));
        assert_ne!(a, points(&SobolSequence::new(5).unwrap(), 16));
    }

    #[test]
    fn integrates_a_smooth_function_better_than_chance() {
        // ∫ over [0,1]^5 of Π (1 + (x − ½)) = 1; the error of 4096 Sobol points is far below
        // Monte Carlo's ≈ 0.005 standard error.
        let sequence = SobolSequence::scrambled(5, 1).unwrap();
        let mean = points(&sequence, 4096)
            .iter()
            .map(|p| p.iter().map(|x| 1.0 + (x - 0.5)).product::<f64>())
            .sum::<f64>()
            / 4096.0;
        assert!((mean - 1.0).abs() < 5e-4, "{mean}");
    }

    #[test]
    fn out_of_range_dimensions_are_refused() {
        assert!(SobolSequence::new(0).is_err());
        assert!(SobolSequence::new(MAX_DIMENSIONS + 1).is_err());
        assert_eq!(SobolSequence::new(MAX_DIMENSIONS).unwrap().dimensions(), MAX_DIMENSIONS);
    }
}
