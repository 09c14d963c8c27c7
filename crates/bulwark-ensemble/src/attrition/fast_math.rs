//! `ln` and `exp` written so that the compiler can vectorise them: only `+ − × ÷`, fused
//! multiply-adds and integer bit operations, no table, no branch. The attrition lanes call them
//! once per simulated hour in every lane, and the one-run reference [`super::simulate`] calls the
//! very same functions, so the vector and scalar paths compute the same bits (IEEE 754 fixes the
//! result of each of these operations, and Rust never fuses a multiply and an add by itself).
//!
//! # `ln x`, for positive normal `x`
//!
//! Write `x = 2^k · m` with `m ∈ [√½, √2)` (integer operations on the bit pattern), `f = m − 1`
//! (exact), `s = f / (2 + f)`, `z = s²`. Then `ln m = 2·atanh s = 2s·(1 + z/3 + z²/5 + …)`, and
//! with `2s = f − s·f` this is arranged as `ln m = f − (f²/2 − s·(f²/2 + R))`,
//! `R = Σ_{j=1..10} 2·z^j / (2j + 1)` (the Taylor series of atanh, truncated). `|s| ≤ 0.1716`, so
//! `z ≤ 0.0295` and the first omitted term is below `2·z^11/23 < 2^-60` relative to `ln m`.
//! The leading term `f` is exact, which keeps the result within about one ulp. Finally
//! `ln x = k·ln2_hi + (k·ln2_lo + ln m)` with `ln 2` split so that `k·ln2_hi` is exact.
//!
//! # `exp x`, for `|x| ≤ 708`
//!
//! `k = round(x / ln 2)` (by adding and removing 1.5·2^52), `r = x − k·ln2_hi − k·ln2_lo`
//! (`|r| ≤ ½ ln 2`), `exp r` by its Taylor polynomial of degree 13 (first omitted term
//! `0.347^14 / 14! < 2^-57` relative), and `2^k` built directly in the exponent field.
//!
//! # Error bound (tested)
//!
//! Against `f64::ln` and `f64::exp` (the platform's libm, itself within one ulp of the true
//! value): at most 2 ulp apart over the range the attrition model uses (`R/B` from 0.2 to 15,
//! `e·ln(R/B)` from −1.7 to 2.8) and over a wide sweep (`ln` on 10^-300…10^300, `exp` on
//! −700…700); the tests in this file check it on dense grids and random draws. The attrition
//! benchmark's summaries printed to nine decimals do not move when libm's `ln`/`exp` are
//! replaced by these (the pinned 2,000-run summary stayed the same).

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
/// The bit pattern of √½: significands at or above it are halved into [√½, 1).
const SQRT_HALF_BITS: u64 = 0x3FE6_A09E_667F_3BCD;
const EXPONENT_ONE: u64 = 0x3FF0_0000_0000_0000;
/// 2^52 as the bit pattern 0x4330…: OR-ing a small integer into it and subtracting 2^52
/// converts that integer to a double exactly, without an integer-to-float instruction
/// (which AVX2 lacks for 64-bit integers).
const TWO_POW_52_BITS: u64 = 0x4330_0000_0000_0000;
const TWO_POW_52: f64 = 4_503_599_627_370_496.0;

/// `2/(2j+1)` for j = 10 down to 1: the atanh series of `ln m`, Horner order.
const LN_COEFFS: [f64; 10] =
    [2.0 / 21.0, 2.0 / 19.0, 2.0 / 17.0, 2.0 / 15.0, 2.0 / 13.0, 2.0 / 11.0, 2.0 / 9.0, 2.0 / 7.0, 2.0 / 5.0, 2.0 / 3.0];

/// `1/j!` for j = 13 down to 0: the Taylor polynomial of `exp r`, Horner order.
const EXP_COEFFS: [f64; 14] = [
    1.0 / 6_227_020_800.0,
    1.0 / 479_001_600.0,
    1.0 / 39_916_800.0,
    1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    1.0 / 40_320.0,
    1.0 / 5_040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    1.0 / 2.0,
    1.0,
    1.0,
];

/// `a·b + c` rounded once. On the AVX2 and AVX-512 paths this is one instruction; where the
/// processor has no FMA, the standard library computes the same correctly rounded result in
/// software, so every path agrees bit for bit.
#[inline(always)]
fn fma(a: f64, b: f64, c: f64) -> f64 {
    a.mul_add(b, c)
}

/// The natural logarithm of a positive normal `x` (see the module notes for the method and the
/// error bound). Zero, negative, subnormal and non-finite inputs give meaningless results:
/// callers guarantee positive normal arguments.
#[inline(always)]
pub(crate) fn ln(x: f64) -> f64 {
    let bits = x.to_bits();
    // Adding (1 − √½) to the pattern carries into the exponent exactly when the significand
    // is at least √½'s, so the exponent field is then k + 1023 for m = x / 2^k in [√½, √2).
    let biased_k = bits.wrapping_add(EXPONENT_ONE - SQRT_HALF_BITS) >> 52;
    let m = f64::from_bits(bits.wrapping_sub(biased_k << 52).wrapping_add(EXPONENT_ONE));
    let k = f64::from_bits(biased_k | TWO_POW_52_BITS) - (TWO_POW_52 + 1023.0);
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let mut poly = LN_COEFFS[0];
    for &coeff in &LN_COEFFS[1..] {
        poly = fma(poly, z, coeff);
    }
    let r = z * poly;
    let half_f_sq = 0.5 * f * f;
    let ln_m = f - fma(-s, half_f_sq + r, half_f_sq);
    fma(k, LN2_HI, fma(k, LN2_LO, ln_m))
}

/// `e^x` for `|x| ≤ 708` (see the module notes for the method and the error bound). Outside
/// that range the result is meaningless: callers guarantee the range.
#[inline(always)]
pub(crate) fn exp(x: f64) -> f64 {
    let shifted = fma(x, LOG2_E, ROUND_SHIFT);
    let k = shifted - ROUND_SHIFT;
    let r = fma(-k, LN2_LO, fma(-k, LN2_HI, x));
    let mut poly = EXP_COEFFS[0];
    for &coeff in &EXP_COEFFS[1..] {
        poly = fma(poly, r, coeff);
    }
    // k + 1023 in the low bits of 2^52 + k + 1023, shifted into the exponent field: 2^k exactly.
    let scale = f64::from_bits((k + (TWO_POW_52 + 1023.0)).to_bits() << 52);
    poly * scale
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

    /// The bound stated in the module notes.
    const MAX_ULPS: u64 = 2;

    fn worst_ln(xs: impl Iterator<Item = f64>) -> u64 {
        xs.map(|x| ulps_apart(ln(x), x.ln())).max().unwrap_or(0)
    }

    fn worst_exp(xs: impl Iterator<Item = f64>) -> u64 {
        xs.map(|x| ulps_apart(exp(x), x.exp())).max().unwrap_or(0)
    }

    #[test]
    fn ln_is_within_two_ulps_of_libm_over_the_attrition_range() {
        // R/B runs from 0.2 (12 / 60) to 15 (90 / 6); a dense grid with both ends.
        let n = 2_000_000;
        let worst = worst_ln((0..=n).map(|i| 0.2 + 14.8 * i as f64 / n as f64));
        assert!(worst <= MAX_ULPS, "{worst} ulps");
        // Exactly 1 and powers of two come out exact.
        assert_eq!(ln(1.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(ln(8.0), 3.0 * LN_2);
    }

    #[test]
    fn exp_is_within_two_ulps_of_libm_over_the_attrition_range() {
        // e·ln(R/B) runs from 1.0·ln 0.2 ≈ −1.61 to 1.0·ln 15 ≈ 2.71; a margin on both sides.
        let n = 2_000_000;
        let worst = worst_exp((0..=n).map(|i| -1.7 + 4.5 * i as f64 / n as f64));
        assert!(worst <= MAX_ULPS, "{worst} ulps");
        assert_eq!(exp(0.0), 1.0);
    }

    #[test]
    fn both_stay_within_the_bound_over_wide_ranges() {
        let n = 200_000;
        let worst = worst_ln((0..=n).map(|i| 10f64.powf(-300.0 + 600.0 * i as f64 / n as f64)));
        assert!(worst <= MAX_ULPS, "ln: {worst} ulps");
        let worst = worst_exp((0..=n).map(|i| -700.0 + 1400.0 * i as f64 / n as f64));
        assert!(worst <= MAX_ULPS, "exp: {worst} ulps");
    }

    proptest! {
        #[test]
        fn ln_matches_libm_on_random_positive_normals(bits in 0x0010_0000_0000_0000u64..0x7FF0_0000_0000_0000) {
            let x = f64::from_bits(bits);
            prop_assert!(ulps_apart(ln(x), x.ln()) <= MAX_ULPS, "x = {x:e}");
        }

        #[test]
        fn exp_matches_libm_on_random_arguments(x in -708.0f64..708.0) {
            prop_assert!(ulps_apart(exp(x), x.exp()) <= MAX_ULPS, "x = {x:e}");
        }

        #[test]
        fn exp_inverts_ln_on_the_ratio_range(x in 0.2f64..15.0) {
            let back = exp(ln(x));
            prop_assert!((back - x).abs() <= 4.0 * f64::EPSILON * x, "x = {x}: {back}");
        }
    }
}
