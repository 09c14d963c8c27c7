//! Political continuity from election calendars: a patron's commitment survives each of its
//! elections with probability `1 − r_P`, so continuity up to the end of year `y` is
//!
//! ```text
//! continuity_P(y) = (1 − r_P)^{n_P(y)},   n_P(y) = #{ e = y₀,P + j × e_P, j ≥ 0 : start ≤ e ≤ y }
//! ```
//!
//! with `y₀,P` the year of the patron's next election, `e_P` the years between elections and
//! `start` the dataset's year. Credibility is then a curve over years: it stays flat between
//! elections and steps down at each election whose withdrawal probability is above 0.

use crate::error::check_range;
use crate::ModelError;

use super::MODEL;

/// A patron's elections and the chance that one withdraws its commitment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Elections {
    /// `y₀,P`: the year of its next election that could withdraw the commitment.
    pub first_year: f64,
    /// `e_P`: years between such elections (> 0).
    pub interval_years: f64,
    /// `r_P`: probability that one election withdraws the commitment, 0 to 1.
    pub withdrawal_probability: f64,
}

impl Elections {
    pub(super) fn validate(&self, state: &str) -> Result<(), ModelError> {
        let at = |field: &str| format!("patron {state}.{field}");
        check_range(MODEL, at("first_election_year"), self.first_year, (1900.0, 2200.0), "a calendar year")?;
        check_range(
            MODEL,
            at("election_interval_years"),
            self.interval_years,
            (0.5, 100.0),
            "0.5 to 100 years",
        )?;
        check_range(MODEL, at("withdrawal_probability"), self.withdrawal_probability, (0.0, 1.0), "[0, 1]")?;
        Ok(())
    }

    /// `n_P(y)`: elections from `start_year` to the end of `year`.
    pub fn count(&self, start_year: f64, year: f64) -> u32 {
        if year < start_year || self.interval_years <= 0.0 {
            return 0;
        }
        // A small tolerance so that 2027 + 5 × 1 lands on 2032 whatever the rounding.
        let eps = 1e-9;
        let first_index = ((start_year - self.first_year) / self.interval_years - eps).ceil().max(0.0);
        let last_index = ((year - self.first_year) / self.interval_years + eps).floor();
        if last_index < first_index {
            0
        } else {
            (last_index - first_index + 1.0).min(f64::from(u32::MAX)) as u32
        }
    }

    /// The years of its elections from `start_year` to the end of `end_year`.
    pub fn years(&self, start_year: f64, end_year: f64) -> Vec<f64> {
        let mut out = Vec::new();
        let mut year = self.first_year;
        while year < start_year - 1e-9 {
            year += self.interval_years;
        }
        while year <= end_year + 1e-9 && out.len() < 1000 {
            out.push(year);
            year += self.interval_years;
        }
        out
    }

    /// `continuity_P(y) = (1 − r_P)^{n_P(y)}`.
    pub fn continuity(&self, start_year: f64, year: f64) -> f64 {
        let survive = 1.0 - self.withdrawal_probability.clamp(0.0, 1.0);
        survive.powi(i32::try_from(self.count(start_year, year)).unwrap_or(i32::MAX))
    }
}

/// One point of the credibility curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    /// The calendar year (credibility at its end).
    pub year: u16,
    /// The combined credibility then.
    pub credibility: f64,
}
