//! Procurement pace per country: how long each country, buying at its own pace, would need to
//! add on a line what the US brings to a European war (`bulwark data show production`).
//!
//! For every `deliveries_per_year` row of the dataset (the latest per country and line) the
//! target is the country's holding today plus the US-for-Europe holding on the same line; the
//! pace is the dataset's deliveries a year times the scenario's
//! `[closure.countries.XXX] procurement_rate_multiplier` (1 when not set). The arithmetic is
//! [`bulwark_models::procurement::years_to_reach`]. A country without a holding on the line
//! has no stock to start from, and the row says so rather than counting from zero.

use bulwark_core::Iso3;
use bulwark_data::Dataset;
use bulwark_models::procurement::{years_to_reach, YearsToReach};
use bulwark_scenario::Scenario;

/// The US holding the targets add: the US-for-Europe scope of `inventory.csv`.
const US: &str = "USA";

/// One country's pace on one line.
#[derive(Clone, Debug, PartialEq)]
pub struct PaceRow {
    /// The buying country.
    pub iso3: Iso3,
    /// Capability line id.
    pub line: String,
    /// Deliveries a year in the dataset.
    pub deliveries_per_year: f64,
    /// Year of that figure.
    pub year: u16,
    /// Source id of that figure.
    pub source: String,
    /// The scenario's factor on the pace.
    pub multiplier: f64,
    /// The country's holding today (`total` scope), when the dataset has one.
    pub stock_now: Option<f64>,
    /// What the US brings to Europe on the line, when the dataset has it.
    pub us_for_europe: Option<f64>,
    /// Years to reach `stock_now + us_for_europe` at `deliveries_per_year × multiplier`;
    /// `None` when either holding is missing.
    pub years_to_add_us_contribution: Option<YearsToReach>,
}

/// The pace of every country and line with a `deliveries_per_year` figure, in the order of
/// `production.csv` (latest figure per country and line).
pub fn procurement_paces(dataset: &Dataset, scenario: &Scenario) -> Vec<PaceRow> {
    let us = Iso3::parse(US);
    let mut rows: Vec<PaceRow> = Vec::new();
    for figure in dataset.production.iter().filter(|p| p.is_procurement()) {
        if rows.iter().any(|r| r.iso3 == figure.iso3 && r.line == figure.item) {
            continue;
        }
        let Some(latest) = dataset.procurement_pace(figure.iso3, &figure.item) else { continue };
        let multiplier = scenario.closure.procurement_rate_multiplier(latest.iso3);
        let stock_now = dataset.holding(latest.iso3, "total", &latest.item).map(|h| h.quantity);
        let us_for_europe = us.and_then(|us| dataset.holding(us, "europe", &latest.item)).map(|h| h.quantity);
        let years_to_add_us_contribution = match (stock_now, us_for_europe) {
            // The dataset and the scenario validate these figures, so the model's refusal of a
            // negative or non-finite value cannot happen; a refusal would show as "no data".
            (Some(now), Some(us)) => years_to_reach(now, now + us, latest.value * multiplier).ok(),
            _ => None,
        };
        rows.push(PaceRow {
            iso3: latest.iso3,
            line: latest.item.clone(),
            deliveries_per_year: latest.value,
            year: latest.provenance.year,
            source: latest.provenance.source.clone(),
            multiplier,
            stock_now,
            us_for_europe,
            years_to_add_us_contribution,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded dataset with one procurement row of Poland's tanks appended.
    fn dataset_with_polish_tank_pace(pace: f64) -> Dataset {
        let dataset = Dataset::embedded().unwrap();
        let mut files = bulwark_data::export::to_csv(&dataset);
        let production = files.iter_mut().find(|(name, _)| *name == "production.csv").unwrap();
        production
            .1
            .push_str(&format!("POL,main_battle_tanks,{pace},deliveries_per_year,2030,nato-members,\n"));
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        Dataset::from_dir(dir.path()).unwrap()
    }

    #[test]
    fn years_are_the_us_holding_over_the_scaled_pace() {
        let dataset = dataset_with_polish_tank_pace(50.0);
        let pol = Iso3::parse("POL").unwrap();
        let us_tanks =
            dataset.holding(Iso3::parse("USA").unwrap(), "europe", "main_battle_tanks").unwrap().quantity;
        let baseline = Scenario::load("baseline", &dataset).unwrap();
        let row = procurement_paces(&dataset, &baseline)
            .into_iter()
            .find(|r| r.iso3 == pol && r.line == "main_battle_tanks")
            .unwrap();
        assert_eq!((row.deliveries_per_year, row.year, row.multiplier), (50.0, 2030, 1.0));
        assert_eq!(row.us_for_europe, Some(us_tanks));
        assert_eq!(row.years_to_add_us_contribution.and_then(YearsToReach::years), Some(us_tanks / 50.0));

        let doubled = Scenario::parse(
            "test.toml",
            "[closure.countries.POL]\nprocurement_rate_multiplier = 2\n",
            &dataset,
        )
        .unwrap();
        let row = procurement_paces(&dataset, &doubled)
            .into_iter()
            .find(|r| r.iso3 == pol && r.line == "main_battle_tanks")
            .unwrap();
        assert!((row.multiplier - 2.0).abs() < 1e-12);
        assert_eq!(row.years_to_add_us_contribution.and_then(YearsToReach::years), Some(us_tanks / 100.0));

        let halted = Scenario::parse(
            "test.toml",
            "[closure.countries.POL]\nprocurement_rate_multiplier = 0\n",
            &dataset,
        )
        .unwrap();
        let row = procurement_paces(&dataset, &halted)
            .into_iter()
            .find(|r| r.iso3 == pol && r.line == "main_battle_tanks")
            .unwrap();
        assert_eq!(row.years_to_add_us_contribution, Some(YearsToReach::Never));
    }
}
