//! Procurement pace: how many years a country needs to reach a stock at the rate it is buying.
//!
//! Kiel Institute studies ask how long a European army would take to rebuild a past inventory
//! at its current procurement pace. This model answers the arithmetic part of that question for
//! one country and one capability line; the pace comes from the dataset (deliveries a year),
//! optionally scaled by a scenario's per-country multiplier.
//!
//! # Model card
//!
//! - effective pace `r = deliveries_per_year × multiplier`;
//! - years to reach a target stock `T` from today's stock `S`:
//!   `t = 0` when `S ≥ T` (already reached), `t = (T − S) / r` when `r > 0`, and
//!   *never* when `S < T` and `r = 0`;
//! - the pace is constant: no ramp-up, no attrition, no retirement of old equipment, no
//!   competition with other buyers for the same production line (`closure` models those limits
//!   for the coalition as a whole).
//!
//! | parameter | unit | default | range |
//! |---|---|---|---|
//! | `stock_now` | items | — (dataset inventory) | ≥ 0, finite |
//! | `stock_target` | items | — (given by the caller) | ≥ 0, finite |
//! | `rate_per_year` | items a year | — (dataset `deliveries_per_year`) | ≥ 0, finite |
//! | `procurement_rate_multiplier` | factor | 1 | 0 to 10 (scenario `[closure.countries.XXX]`) |
//!
//! Deliveries a year are what arrived in a recent year or the average over a contract's
//! delivery schedule; they say nothing of how fast the same country could buy if it ordered
//! more, which is what the multiplier lets a scenario explore.
//!
//! References: Kiel Institute for the World Economy, *Fit for war in decades* (Kiel Report 2,
//! September 2024), which compares national procurement paces with past inventories.

use crate::error::{check_range, ModelError};

const MODEL: &str = "procurement";

/// How long reaching a stock takes at a constant pace.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearsToReach {
    /// Today's stock already meets the target.
    Reached,
    /// Years at the given pace (finite and positive).
    Years(f64),
    /// The pace is zero and the target is above today's stock.
    Never,
}

impl YearsToReach {
    /// The number of years, with 0 for [`YearsToReach::Reached`] and `None` for never.
    pub fn years(self) -> Option<f64> {
        match self {
            YearsToReach::Reached => Some(0.0),
            YearsToReach::Years(years) => Some(years),
            YearsToReach::Never => None,
        }
    }
}

/// Years for a stock of `stock_now` items to reach `stock_target` at `rate_per_year` items a
/// year. Every argument must be finite and not negative.
pub fn years_to_reach(
    stock_now: f64,
    stock_target: f64,
    rate_per_year: f64,
) -> Result<YearsToReach, ModelError> {
    const COUNT: (f64, f64) = (0.0, f64::MAX);
    check_range(MODEL, "stock_now", stock_now, COUNT, "a finite count of 0 or more")?;
    check_range(MODEL, "stock_target", stock_target, COUNT, "a finite count of 0 or more")?;
    check_range(MODEL, "rate_per_year", rate_per_year, COUNT, "a finite rate of 0 or more a year")?;
    if stock_now >= stock_target {
        return Ok(YearsToReach::Reached);
    }
    if rate_per_year == 0.0 {
        return Ok(YearsToReach::Never);
    }
    let years = (stock_target - stock_now) / rate_per_year;
    // A tiny pace can overflow the quotient; an infinite wait is "never", not a number.
    Ok(if years.is_finite() { YearsToReach::Years(years) } else { YearsToReach::Never })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_gap_divided_by_the_pace() {
        // Poland's 180 K2 at about 45 a year, from 250 tanks to 430: four years.
        assert_eq!(years_to_reach(250.0, 430.0, 45.0).unwrap(), YearsToReach::Years(4.0));
        assert_eq!(years_to_reach(0.0, 10.0, 4.0).unwrap().years(), Some(2.5));
    }

    #[test]
    fn a_met_target_takes_no_time_and_a_zero_pace_never_gets_there() {
        assert_eq!(years_to_reach(500.0, 400.0, 0.0).unwrap(), YearsToReach::Reached);
        assert_eq!(years_to_reach(400.0, 400.0, 10.0).unwrap().years(), Some(0.0));
        assert_eq!(years_to_reach(100.0, 400.0, 0.0).unwrap(), YearsToReach::Never);
        assert_eq!(YearsToReach::Never.years(), None);
        // A pace so small that the quotient overflows is never, not infinity.
        assert_eq!(years_to_reach(0.0, 1.0e300, 1.0e-300).unwrap(), YearsToReach::Never);
    }

    #[test]
    fn negative_or_non_finite_inputs_are_refused_by_name() {
        for (now, target, rate, name) in [
            (-1.0, 10.0, 1.0, "stock_now"),
            (f64::NAN, 10.0, 1.0, "stock_now"),
            (0.0, f64::INFINITY, 1.0, "stock_target"),
            (0.0, 10.0, -2.0, "rate_per_year"),
        ] {
            let result = years_to_reach(now, target, rate);
            assert!(
                matches!(&result, Err(ModelError::InvalidParameter { parameter, .. }) if parameter == name),
                "expected an error on {name}, got {result:?}"
            );
        }
    }

    proptest! {
        /// At the computed time the stock reaches the target, and a faster pace never takes longer.
        #[test]
        fn the_stock_meets_the_target_and_speed_helps(
            now in 0.0f64..1.0e5, gap in 0.001f64..1.0e5, rate in 0.001f64..1.0e4, faster in 1.0f64..10.0,
        ) {
            let target = now + gap;
            let years = years_to_reach(now, target, rate).unwrap().years().unwrap();
            prop_assert!(years > 0.0);
            prop_assert!(((now + rate * years) - target).abs() <= 1e-9 * target.max(1.0));
            let sooner = years_to_reach(now, target, rate * faster).unwrap().years().unwrap();
            prop_assert!(sooner <= years);
        }
    }
}
