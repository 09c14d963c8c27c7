//! Converting sourced prices to EUR at constant 2025 prices, saying how when a rate is missing.

use bulwark_data::{CostFigure, Dataset, Unit};

/// The base year of all money in an assessment.
pub const PRICE_BASE_YEAR: u16 = 2025;

/// A price converted to EUR m at 2025 prices, with any approximation made on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Converted {
    /// EUR m at 2025 prices.
    pub eur_m: f64,
    /// Approximations, e.g. "USD rate of 2019 used for 2017".
    pub notes: Vec<Approximation>,
}

/// A rate or price index of another year used for want of the price year's.
#[derive(Clone, Debug, PartialEq)]
pub enum Approximation {
    /// The exchange rate of `currency` of year `used` for year `year`.
    ExchangeRate {
        /// `USD`, `GBP`.
        currency: &'static str,
        /// The year whose rate was used.
        used: u16,
        /// The price year.
        year: u16,
    },
    /// The euro price index of year `used` for year `year`.
    PriceIndex {
        /// The year whose index was used.
        used: u16,
        /// The price year.
        year: u16,
    },
}

impl std::fmt::Display for Approximation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Approximation::ExchangeRate { currency, used, year } => {
                write!(f, "{currency} rate of {used} used for {year}")
            }
            Approximation::PriceIndex { used, year } => {
                write!(f, "euro price index of {used} used for {year}")
            }
        }
    }
}

/// Converts a unit cost to EUR m at 2025 prices: to euros at the price year's exchange rate,
/// then to 2025 prices with the euro-area price index. A missing rate or index for the price
/// year is replaced by the nearest year the dataset has, and the note says so; `None` when the
/// dataset has no rate for the currency at all.
pub fn unit_cost_eur_m(dataset: &Dataset, cost: &CostFigure) -> Option<Converted> {
    let currency = match cost.unit {
        Unit::EurM => "EUR",
        Unit::UsdM => "USD",
        Unit::GbpM => "GBP",
        _ => return None,
    };
    let year = cost.provenance.year;
    let mut notes = Vec::new();
    let (fx_year, eur_per_unit) = nearest_rate(dataset, "fx", currency, year)?;
    if fx_year != year {
        notes.push(Approximation::ExchangeRate { currency, used: fx_year, year });
    }
    let (index_year, index) = nearest_rate(dataset, "deflator", "EUR", year)?;
    if index_year != year {
        notes.push(Approximation::PriceIndex { used: index_year, year });
    }
    Some(Converted { eur_m: cost.value * eur_per_unit / index, notes })
}

/// Converts an amount of `currency` in `year` to EUR at that year's rate (nearest year if
/// missing), returning the factor and the year used.
pub fn eur_per(dataset: &Dataset, currency: &str, year: u16) -> Option<(u16, f64)> {
    nearest_rate(dataset, "fx", currency, year)
}

fn nearest_rate(dataset: &Dataset, kind: &str, currency: &str, year: u16) -> Option<(u16, f64)> {
    if kind == "fx" && currency == "EUR" {
        return Some((year, 1.0));
    }
    dataset
        .rates
        .iter()
        .filter(|r| r.kind == kind && r.currency == currency)
        .min_by_key(|r| (r.provenance.year.abs_diff(year), r.provenance.year))
        .map(|r| (r.provenance.year, r.value))
}

/// The median of a non-empty list (the mean of the middle two for an even count).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(&mut []), None);
        assert!((median(&mut [3.0, 1.0, 2.0]).unwrap() - 2.0).abs() < 1e-12);
        assert!((median(&mut [4.0, 1.0, 3.0, 2.0]).unwrap() - 2.5).abs() < 1e-12);
    }

    #[test]
    fn usd_prices_convert_through_the_rate_and_index_of_their_year() {
        let dataset = Dataset::embedded().unwrap();
        let f35 = dataset.costs.iter().find(|c| c.unit == Unit::UsdM && c.provenance.year == 2025).unwrap();
        let converted = unit_cost_eur_m(&dataset, f35).unwrap();
        let rate = dataset.eur_per("USD", 2025).unwrap();
        assert!((converted.eur_m - f35.value * rate).abs() < 1e-9, "2025 prices need no index");
        assert!(converted.notes.is_empty());
    }
}
