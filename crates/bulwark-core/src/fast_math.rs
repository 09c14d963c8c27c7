//! `ln(p/q)` and the pair `(e^x, e^-x)` written so that the compiler can vectorise them: only
//! `+ − × ÷`, fused multiply-adds, compares and integer bit operations, no table, no branch.
//! Two hot loops share them: the canonical attrition benchmark (`bulwark-ensemble`'s
//! `attrition`, whose vector lanes and one-run reference call these same functions) and the
//! Baltic campaign's hour loop (`bulwark-models`' `campaign`, likewise run one at a time or in
//! lanes over several runs). Every caller computing the same bits on every instruction set
//! rests on this: IEEE 754 fixes the result of each operation used, and Rust never fuses a
//! multiply and an add by itself. They cost one division where `exp(e·ln(R/B))` with `b·R/t`
//! cost two, and divisions are the slowest vector instruction.
//!
//! Callers must run them where the processor has FMA instructions (the callers enter code
//! compiled for AVX2 + FMA or AVX-512 through `pulp`): without them the standard library
//! computes each fused multiply-add in software, correctly rounded (the same bits) but about
//! twenty times slower.
//!
//! # `ln(p/q)`, for positive normal `p`, `q`
//!
//! Write `p = 2^i·P`, `q = 2^j·Q` with `P, Q ∈ [1, 2)` (bit operations), then halve `P` or
//! double it (adjusting `k = i − j`) until `m = P/Q ∈ [√½, √2]`, so that `p/q = 2^k·m`. With
//! `s = (P − Q)/(P + Q)` (the difference is exact by Sterbenz's lemma, so `s` carries two
//! roundings) and `z = s²`, `ln m = 2·atanh s = 2s + s·R(z)`,
//! `R(z) = Σ_{j=1..10} 2·z^j/(2j + 1)`, the Taylor series of atanh truncated: `|s| ≤ 0.1716`,
//! so `z ≤ 0.0295` and the first omitted term is below `2·z^11/23 < 2^-60` relative to `ln m`.
//! Finally `ln(p/q) = k·ln2_hi + (k·ln2_lo + ln m)`, `ln 2` split so that `k·ln2_hi` is exact.
//!
//! # `(e^x, e^-x)`, for `|x| ≤ 708`
//!
//! `k = round(x / ln 2)` (by adding and removing 1.5·2^52), `r = x − k·ln2_hi − k·ln2_lo`
//! (`|r| ≤ ½ ln 2`). The Taylor polynomial of degree 13 (first omitted term
//! `0.347^14/14! < 2^-57` relative) is split into even and odd parts, `E(r²) + r·O(r²)`, which
//! gives `e^r` and `e^-r = E − r·O` for the price of one; `2^±k` is built in the exponent field.
//!
//! # Error bound (tested)
//!
//! Against the platform's libm (itself within one ulp of the true values): `exp_pair` within
//! 2 ulp of `f64::exp(x)` and `f64::exp(-x)` over −700…700; `ln_ratio(p, q)` within
//! 2^-52 absolute, plus 2 ulp, of `f64::ln(p/q)` over the attrition range (`p/q` from 0.2 to 15;
//! `f64::ln(p/q)` itself carries the rounding of `p/q`, up to 2^-53 absolute) and over ratios
//! from 10^-300 to 10^300. The tests in this file check it on dense grids and random draws.

use std::f64::consts::LN_2;

/// `ln 2` with the low 32 bits of its significand cleared, so that `k · LN2_HI` is exact for
/// every exponent `k` a double can have.
const LN2_HI: f64 = f64::from_bits(LN_2.to_bits() & 0xFFFF_FFFF_0000_0000);
/// `ln 2 − LN2_HI` rounded to a double (computed to 60 digits).
const LN2_LO: f64 = 4.749_325_039_031_672_6e-7;
/// `1 / ln 2`.
const LOG2_E: f64 = std::f64::consts::LOG2_E;
/// Adding then subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to an integer.
const ROUND_SHIFT: f64 = 6_755_399_441_055_744.0;
const SIGNIFICAND_MASK: u64 = (1 << 52) - 1;
const EXPONENT_ONE: u64 = 0x3FF0_0000_0000_0000;
/// 2^52 as the bit pattern 0x4330…: OR-ing a small non-negative integer into it and
/// subtracting 2^52 converts that integer to a double exactly, without an integer-to-float
/// instruction (which AVX2 lacks for 64-bit integers).
const TWO_POW_52_BITS: u64 = 0x4330_0000_0000_0000;
const TWO_POW_52: f64 = 4_503_599_627_370_496.0;
/// Added to `i − j` (which lies in −2046…2046) to keep it non-negative for that conversion.
const EXPONENT_OFFSET: u64 = 4096;
const SQRT_2: f64 = std::f64::consts::SQRT_2;

/// `2/(2j+1)` for j = 10 down to 1: the atanh series of `ln m`, Horner order.
const LN_COEFFS: [f64; 10] = [
    2.0 / 21.0,
    2.0 / 19.0,
    2.0 / 17.0,
    2.0 / 15.0,
    2.0 / 13.0,
    2.0 / 11.0,
    2.0 / 9.0,
    2.0 / 7.0,
    2.0 / 5.0,
    2.0 / 3.0,
];

/// `1/j!` for even j = 12 down to 0: the even part of the Taylor polynomial of `e^r`.
const EXP_EVEN: [f64; 7] =
    [1.0 / 479_001_600.0, 1.0 / 3_628_800.0, 1.0 / 40_320.0, 1.0 / 720.0, 1.0 / 24.0, 1.0 / 2.0, 1.0];
/// `1/j!` for odd j = 13 down to 1: the odd part, divided by `r`.
const EXP_ODD: [f64; 7] =
    [1.0 / 6_227_020_800.0, 1.0 / 39_916_800.0, 1.0 / 362_880.0, 1.0 / 5_040.0, 1.0 / 120.0, 1.0 / 6.0, 1.0];

/// `a·b + c` rounded once. On the AVX2 and AVX-512 paths this is one instruction; where the
/// processor has no FMA, the standard library computes the same correctly rounded result in
/// software, so every path agrees bit for bit.
#[inline(always)]
fn fma(a: f64, b: f64, c: f64) -> f64 {
    a.mul_add(b, c)
}

/// Horner's scheme, highest coefficient first.
#[inline(always)]
fn horner(x: f64, coeffs: &[f64]) -> f64 {
    coeffs[1..].iter().fold(coeffs[0], |acc, &coeff| fma(acc, x, coeff))
}

/// `2^k` for an integer-valued double `k` in −1022…1023: `k + 1023` sits in the low bits of
/// `2^52 + k + 1023` and is shifted into the exponent field.
#[inline(always)]
fn pow2(k: f64) -> f64 {
    f64::from_bits((k + (TWO_POW_52 + 1023.0)).to_bits() << 52)
}

/// `ln(p/q)` for positive normal `p` and `q` whose ratio is a positive normal double (see the
/// module notes for the method and the error bound). Other inputs give meaningless results:
/// callers guarantee the range.
#[inline(always)]
pub fn ln_ratio(p: f64, q: f64) -> f64 {
    let (p_bits, q_bits) = (p.to_bits(), q.to_bits());
    let big_p = f64::from_bits((p_bits & SIGNIFICAND_MASK) | EXPONENT_ONE);
    let big_q = f64::from_bits((q_bits & SIGNIFICAND_MASK) | EXPONENT_ONE);
    let exponent_diff = ((p_bits >> 52) + EXPONENT_OFFSET).wrapping_sub(q_bits >> 52);
    let mut k = f64::from_bits(exponent_diff | TWO_POW_52_BITS) - (TWO_POW_52 + EXPONENT_OFFSET as f64);
    // P/Q lies in (½, 2); one halving or doubling of P brings it into [√½, √2]. The product
    // by √2 rounds, which can only move a ratio within an ulp of the boundary to the other
    // side: |s| then exceeds 0.1716 by a negligible amount, well inside the series' accuracy.
    let too_big = big_p > SQRT_2 * big_q;
    let too_small = SQRT_2 * big_p < big_q;
    let big_p = if too_big {
        0.5 * big_p
    } else if too_small {
        2.0 * big_p
    } else {
        big_p
    };
    k += if too_big {
        1.0
    } else if too_small {
        -1.0
    } else {
        0.0
    };
    let s = (big_p - big_q) / (big_p + big_q);
    let z = s * s;
    let ln_m = fma(s, z * horner(z, &LN_COEFFS), s + s);
    fma(k, LN2_HI, fma(k, LN2_LO, ln_m))
}

/// `(e^x, e^-x)` for `|x| ≤ 708` (see the module notes for the method and the error bound).
/// Outside that range the results are meaningless: callers guarantee the range.
#[inline(always)]
pub fn exp_pair(x: f64) -> (f64, f64) {
    let k = fma(x, LOG2_E, ROUND_SHIFT) - ROUND_SHIFT;
    let r = fma(-k, LN2_LO, fma(-k, LN2_HI, x));
    let w = r * r;
    let even = horner(w, &EXP_EVEN);
    let odd = horner(w, &EXP_ODD);
    (fma(r, odd, even) * pow2(k), fma(-r, odd, even) * pow2(-k))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// How many representable doubles lie between `a` and `b` (same sign).
    fn ulps_apart(a: f64, b: f64) -> u64 {
        assert!(a.is_finite() && b.is_finite() && (a >= 0.0) == (b >= 0.0), "{a} {b}");
        a.to_bits().abs_diff(b.to_bits())
    }

    /// The bounds stated in the module notes.
    const MAX_ULPS: u64 = 2;
    const LN_ABSOLUTE: f64 = f64::EPSILON;

    fn ln_ratio_is_close(p: f64, q: f64) -> bool {
        let (fast, libm) = (ln_ratio(p, q), (p / q).ln());
        let two_ulps = 2.0 * f64::EPSILON * libm.abs();
        (fast - libm).abs() <= LN_ABSOLUTE + two_ulps
    }

    fn exp_pair_is_close(x: f64) -> bool {
        let (up, down) = exp_pair(x);
        ulps_apart(up, x.exp()) <= MAX_ULPS && ulps_apart(down, (-x).exp()) <= MAX_ULPS
    }

    #[test]
    fn ln_ratio_stays_within_the_bound_over_the_attrition_range() {
        // R from 12 (0.3·40) to 90, B from 6 (0.3·20) to 60: a dense grid of both.
        let n = 1_500;
        for i in 0..=n {
            let red = 12.0 + 78.0 * i as f64 / n as f64;
            for j in 0..=n {
                let blue = 6.0 + 54.0 * j as f64 / n as f64;
                assert!(ln_ratio_is_close(red, blue), "ln({red}/{blue}) = {}", ln_ratio(red, blue));
            }
        }
        assert_eq!(ln_ratio(3.0, 3.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(ln_ratio(8.0, 1.0).to_bits(), (3.0 * LN_2).to_bits());
        assert_eq!(ln_ratio(1.0, 8.0).to_bits(), (-3.0 * LN_2).to_bits());
    }

    #[test]
    fn exp_pair_stays_within_two_ulps_over_the_attrition_range() {
        // e·ln(R/B) runs from 1.0·ln 0.2 ≈ −1.61 to 1.0·ln 15 ≈ 2.71; a margin on both sides.
        let n = 2_000_000;
        for i in 0..=n {
            let x = -1.7 + 4.5 * i as f64 / n as f64;
            assert!(exp_pair_is_close(x), "x = {x}: {:?}", exp_pair(x));
        }
        let (up, down) = exp_pair(0.0);
        assert_eq!((up.to_bits(), down.to_bits()), (1.0f64.to_bits(), 1.0f64.to_bits()));
    }

    #[test]
    fn both_stay_within_the_bound_over_wide_ranges() {
        let n = 200_000;
        for i in 0..=n {
            let ratio = 10f64.powf(-300.0 + 600.0 * i as f64 / n as f64);
            assert!(ln_ratio_is_close(ratio, 1.0) && ln_ratio_is_close(1.0, ratio), "{ratio:e}");
            let x = -700.0 + 1400.0 * i as f64 / n as f64;
            assert!(exp_pair_is_close(x), "x = {x}");
        }
    }

    proptest! {
        #[test]
        fn ln_ratio_matches_libm_on_random_pairs(p in 1e-100f64..1e100, q in 1e-100f64..1e100) {
            prop_assert!(ln_ratio_is_close(p, q), "ln({p:e}/{q:e})");
        }

        #[test]
        fn exp_pair_matches_libm_on_random_arguments(x in -708.0f64..708.0) {
            prop_assert!(exp_pair_is_close(x), "x = {x:e}");
        }

        #[test]
        fn the_pair_multiplies_to_one(x in -5.0f64..5.0) {
            let (up, down) = exp_pair(x);
            prop_assert!((up * down - 1.0).abs() <= 4.0 * f64::EPSILON);
        }
    }
}
