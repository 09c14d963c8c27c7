//! The procurement-pace table of `bulwark data show production`: for each country with a
//! procurement pace, the years it needs to add on that line what the US brings to Europe.

use bulwark_assess::procurement_pace::PaceRow;
use bulwark_models::procurement::YearsToReach;

use crate::text_table::{format_number, TextTable};

/// The table, for the scenario named `scenario` (whose multipliers the rows carry).
pub fn pace_table(rows: &[PaceRow], scenario: &str) -> String {
    let mut table = TextTable::new(&[
        "country",
        "line",
        "deliveries/yr",
        "× multiplier",
        "stock now",
        "US for Europe",
        "years to add the US holding",
    ]);
    for row in rows {
        let count = |value: Option<f64>| value.map_or_else(|| "no data".to_string(), |v| format_number(v, 0));
        let years = match row.years_to_add_us_contribution {
            None => "no data".to_string(),
            Some(YearsToReach::Reached) => "0".to_string(),
            Some(YearsToReach::Years(years)) => format_number(years, 1),
            Some(YearsToReach::Never) => "never (pace 0)".to_string(),
        };
        table.row(vec![
            row.iso3.to_string(),
            row.line.clone(),
            format_number(row.deliveries_per_year, 1),
            format_number(row.multiplier, 2),
            count(row.stock_now),
            count(row.us_for_europe),
            years,
        ]);
    }
    let mut out = format!(
        "Years for each country, buying alone at its pace (scenario `{scenario}`), to add on the line what the US brings to Europe\n"
    );
    if table.is_empty() {
        out.push_str("  (no procurement paces in the dataset)\n");
    } else {
        out.push_str(&table.render());
        out.push_str(
            "  Pace = deliveries a year × [closure.countries.XXX] procurement_rate_multiplier; constant pace, no retirements.\n",
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use bulwark_core::Iso3;

    use super::*;

    fn row(years: Option<YearsToReach>, stock_now: Option<f64>) -> PaceRow {
        PaceRow {
            iso3: Iso3::parse("POL").unwrap(),
            line: "main_battle_tanks".into(),
            deliveries_per_year: 48.0,
            year: 2025,
            source: "s".into(),
            multiplier: 1.5,
            stock_now,
            us_for_europe: Some(600.0),
            years_to_add_us_contribution: years,
        }
    }

    #[test]
    fn each_outcome_is_spelt_out() {
        let text = pace_table(
            &[
                row(Some(YearsToReach::Years(8.333)), Some(631.0)),
                row(Some(YearsToReach::Never), Some(631.0)),
                row(None, None),
            ],
            "baseline",
        );
        assert!(text.contains("scenario `baseline`"), "{text}");
        assert!(text.contains("8.3"), "{text}");
        assert!(text.contains("never (pace 0)"), "{text}");
        assert!(text.contains("no data"), "{text}");
        assert!(text.contains("1.5 "), "{text}");
        assert!(!text.contains("NaN"));
    }
}
