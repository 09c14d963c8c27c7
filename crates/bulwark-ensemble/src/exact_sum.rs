//! An exact sum of `f64` values: the order of additions, and hence the thread count and the
//! shard split, cannot change the result by a single bit.
//!
//! Floating-point addition is not associative, so summing the same runs in a different grouping
//! (8 threads instead of 1, two shards merged afterwards) would change the last bits of a mean.
//! Instead every finite `f64` is added *exactly* into a long fixed-point integer covering the
//! whole `f64` range (a Kulisch accumulator: Kulisch and Miranker 1981,
//! doi:10.1145/800052.801291). Integer addition is associative, so any grouping gives the same
//! integer, and the one rounding happens when the sum is read with [`ExactSum::value`].
//!
//! The integer is held in base 2^32 "digits" stored in `i64`s. Each addition puts less than 2^32
//! into at most three digits without propagating carries, so 2^30 additions can be made before
//! [`ExactSum::normalise`] must move the carries up; it then leaves every digit but the top one in
//! [0, 2^32), a canonical form used for comparison and for the shard file.

/// Digits of the accumulator. A finite `f64` is `m · 2^(p − 1074)` with `m < 2^53` and
/// `p ≤ 2045`, so its bits reach 2045 + 53 = 2098; digit 69 (bits 2208 and up) leaves room for
/// more than 2^64 additions of the largest `f64` before the signed top digit could overflow.
const N_DIGITS: usize = 70;
const DIGIT_BITS: u32 = 32;
const DIGIT_MASK: i64 = (1 << DIGIT_BITS) - 1;
/// Additions allowed between carry propagations (each adds < 2^32 to a digit; i64 holds 2^63).
const MAX_PENDING: u32 = 1 << 30;

/// The exact sum of the finite `f64` values added to it.
#[derive(Clone, Debug)]
pub struct ExactSum {
    digits: [i64; N_DIGITS],
    n_pending: u32,
}

impl ExactSum {
    /// The empty sum (zero).
    pub fn new() -> ExactSum {
        ExactSum { digits: [0; N_DIGITS], n_pending: 0 }
    }

    /// Adds `value` exactly. Non-finite values have no exact place and are ignored: callers
    /// count them separately (see `MetricSummary::n_non_finite`).
    pub fn add(&mut self, value: f64) {
        if !value.is_finite() || value == 0.0 {
            return;
        }
        if self.n_pending == MAX_PENDING {
            self.normalise();
        }
        self.n_pending += 1;
        let bits = value.to_bits();
        let biased_exponent = ((bits >> 52) & 0x7FF) as u32;
        let fraction = bits & ((1 << 52) - 1);
        // Subnormals have no implicit leading one and share the exponent of the smallest normal.
        let (mantissa, bit_offset) =
            if biased_exponent == 0 { (fraction, 0) } else { (fraction | (1 << 52), biased_exponent - 1) };
        let digit_idx = (bit_offset / DIGIT_BITS) as usize;
        let shifted = u128::from(mantissa) << (bit_offset % DIGIT_BITS);
        let sign = if value < 0.0 { -1 } else { 1 };
        for (piece_idx, digit) in self.digits[digit_idx..digit_idx + 3].iter_mut().enumerate() {
            let piece = (shifted >> (DIGIT_BITS as usize * piece_idx)) as i64 & DIGIT_MASK;
            *digit += sign * piece;
        }
    }

    /// Adds another exact sum; the result is exactly the sum of all values added to either.
    pub fn merge(&mut self, other: &ExactSum) {
        self.normalise();
        let mut other = other.clone();
        other.normalise();
        for (digit, other_digit) in self.digits.iter_mut().zip(other.digits) {
            *digit += other_digit;
        }
        self.n_pending = 1;
        self.normalise();
    }

    /// Propagates carries so that every digit but the top one lies in [0, 2^32). The
    /// represented integer does not change; the representation becomes canonical.
    pub fn normalise(&mut self) {
        for digit_idx in 0..N_DIGITS - 1 {
            // An arithmetic shift is a floor division, so the remainder left behind is in [0, 2^32).
            let carry = self.digits[digit_idx] >> DIGIT_BITS;
            self.digits[digit_idx] -= carry << DIGIT_BITS;
            self.digits[digit_idx + 1] += carry;
        }
        self.n_pending = 0;
    }

    /// The sum, rounded once to the nearest `f64` (ties to even; ±∞ when it overflows).
    pub fn value(&self) -> f64 {
        let mut magnitude = self.clone();
        magnitude.normalise();
        let negative = magnitude.digits[N_DIGITS - 1] < 0;
        if negative {
            for digit in &mut magnitude.digits {
                *digit = -*digit;
            }
            magnitude.normalise();
        }
        let Some(top_idx) = magnitude.digits.iter().rposition(|&digit| digit != 0) else {
            return 0.0;
        };
        let low_idx = top_idx.saturating_sub(2);
        let mut leading: u128 = 0;
        for digit_idx in (low_idx..=top_idx).rev() {
            leading = (leading << DIGIT_BITS) | magnitude.digits[digit_idx] as u128;
        }
        // Round to odd: a sticky bit for the digits dropped below keeps the single rounding of
        // `leading` (at least 65 significant bits) to `f64` correct.
        if magnitude.digits[..low_idx].iter().any(|&digit| digit != 0) {
            leading |= 1;
        }
        let exponent = (DIGIT_BITS as usize * low_idx) as i32 - 1074;
        let res = scale_by_power_of_two(leading as f64, exponent);
        if negative {
            -res
        } else {
            res
        }
    }

    /// The canonical text form used by shard files: `0`, or `first_digit_index:d,d,…` with the
    /// digits from the lowest to the highest non-zero one in decimal (the last may be negative).
    pub fn to_text(&self) -> String {
        let mut canonical = self.clone();
        canonical.normalise();
        let Some(first) = canonical.digits.iter().position(|&digit| digit != 0) else {
            return "0".to_string();
        };
        let last = canonical.digits.iter().rposition(|&digit| digit != 0).unwrap_or(first);
        let digits: Vec<String> =
            canonical.digits[first..=last].iter().map(|digit| digit.to_string()).collect();
        format!("{first}:{}", digits.join(","))
    }

    /// Parses [`ExactSum::to_text`]'s form; `None` when the text is not one.
    pub fn from_text(text: &str) -> Option<ExactSum> {
        let mut res = ExactSum::new();
        if text == "0" {
            return Some(res);
        }
        let (first, digits) = text.split_once(':')?;
        let first: usize = first.parse().ok()?;
        for (offset, digit) in digits.split(',').enumerate() {
            let digit: i64 = digit.parse().ok()?;
            let slot = res.digits.get_mut(first.checked_add(offset)?)?;
            // Canonical digits are below 2^32 in magnitude; anything larger was not written by us.
            if digit.unsigned_abs() > DIGIT_MASK as u64 {
                return None;
            }
            *slot = digit;
        }
        res.n_pending = 1;
        res.normalise();
        Some(res)
    }
}

impl Default for ExactSum {
    fn default() -> ExactSum {
        ExactSum::new()
    }
}

impl PartialEq for ExactSum {
    /// Equal when they represent the same integer, whatever their pending carries.
    fn eq(&self, other: &ExactSum) -> bool {
        let mut left = self.clone();
        left.normalise();
        let mut right = other.clone();
        right.normalise();
        left.digits == right.digits
    }
}

impl Eq for ExactSum {}

/// `value · 2^exponent`, in steps small enough that no intermediate overflows or underflows
/// before the final, single inexact step.
fn scale_by_power_of_two(value: f64, exponent: i32) -> f64 {
    let mut res = value;
    let mut remaining = exponent;
    while remaining > 1000 {
        res *= 2f64.powi(1000);
        remaining -= 1000;
    }
    while remaining < -1000 {
        res *= 2f64.powi(-1000);
        remaining += 1000;
    }
    res * 2f64.powi(remaining)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sum_of(values: &[f64]) -> ExactSum {
        let mut res = ExactSum::new();
        values.iter().for_each(|&value| res.add(value));
        res
    }

    #[test]
    fn cancellation_that_defeats_naive_summation_is_exact() {
        let values = [1e100, 1.0, -1e100, 1e-300, 3.0];
        // Naive left-to-right summation loses the 1.0 entirely.
        assert!((values.iter().sum::<f64>() - 3.0).abs() < 1e-12);
        assert!((sum_of(&values).value() - 4.0).abs() < 1e-12);
        let tiny = [f64::MIN_POSITIVE / 8.0, f64::MIN_POSITIVE / 8.0];
        assert_eq!(sum_of(&tiny).value().to_bits(), (f64::MIN_POSITIVE / 4.0).to_bits());
    }

    #[test]
    fn extreme_values_round_to_the_nearest_double() {
        assert_eq!(sum_of(&[f64::MAX]).value().to_bits(), f64::MAX.to_bits());
        assert!(sum_of(&[f64::MAX, f64::MAX]).value().is_infinite());
        assert_eq!(sum_of(&[-5e-324]).value().to_bits(), (-5e-324f64).to_bits());
        assert_eq!(sum_of(&[0.1, 0.2]).value().to_bits(), 0.30000000000000004f64.to_bits());
        // 2^53 + 1 is not a double: ties go to even.
        assert_eq!(sum_of(&[9007199254740992.0, 1.0]).value().to_bits(), 9007199254740992f64.to_bits());
        assert_eq!(sum_of(&[9007199254740992.0, 1.0, 1e-9]).value().to_bits(), 9007199254740994f64.to_bits());
    }

    #[test]
    fn text_form_round_trips() {
        for values in [&[][..], &[1.5, -2.25][..], &[-1e300, 7e-310, 3.0][..]] {
            let sum = sum_of(values);
            let text = sum.to_text();
            assert_eq!(ExactSum::from_text(&text), Some(sum), "{text}");
        }
        assert_eq!(ExactSum::from_text("x"), None);
        assert_eq!(ExactSum::from_text("69:1,1"), None);
        assert_eq!(ExactSum::from_text("3:99999999999"), None);
    }

    proptest! {
        #[test]
        fn any_grouping_gives_the_same_bits(
            values in proptest::collection::vec(-1e12f64..1e12, 0..200),
            split in 0usize..200,
        ) {
            let split = split.min(values.len());
            let whole = sum_of(&values);
            let mut left = sum_of(&values[..split]);
            let right = sum_of(&values[split..]);
            let mut reversed: Vec<f64> = values.clone();
            reversed.reverse();
            left.merge(&right);
            prop_assert_eq!(&left, &whole);
            prop_assert_eq!(left.value().to_bits(), sum_of(&reversed).value().to_bits());
            // The exact sum agrees with a naive one within the naive one's rounding error.
            let naive: f64 = values.iter().sum();
            let scale: f64 = values.iter().map(|value| value.abs()).sum();
            prop_assert!((whole.value() - naive).abs() <= 1e-13 * scale);
        }
    }
}
