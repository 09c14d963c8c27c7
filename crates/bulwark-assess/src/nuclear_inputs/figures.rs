//! The figures readers know, as the dataset gives them, each with its sources: the UK and
//! French deployed warheads against the US and Russian deployed strategic warheads, the yearly
//! cost of the UK and French forces (ICAN), and Europe's total defence spending (the EU members
//! and the UK, SIPRI). Sums only; no figure is estimated here.

use bulwark_data::{Dataset, Unit};

use super::{row, NuclearCost};

/// A figure from the dataset (or a sum of its rows), with the rows' years and sources.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcedFigure {
    /// The value, in the unit its name says.
    pub value: f64,
    /// Earliest and latest year of the rows summed.
    pub years: (u16, u16),
    /// Source ids of the rows, sorted, without repeats.
    pub sources: Vec<String>,
    /// How many rows went in.
    pub n_rows: usize,
}

impl SourcedFigure {
    fn of(rows: &[(f64, u16, &str)]) -> Option<SourcedFigure> {
        if rows.is_empty() {
            return None;
        }
        let mut sources: Vec<String> = rows.iter().map(|(_, _, s)| s.to_string()).collect();
        sources.sort();
        sources.dedup();
        Some(SourcedFigure {
            value: rows.iter().map(|(v, _, _)| v).sum(),
            years: (
                rows.iter().map(|(_, y, _)| *y).min().unwrap_or(0),
                rows.iter().map(|(_, y, _)| *y).max().unwrap_or(0),
            ),
            sources,
            n_rows: rows.len(),
        })
    }
}

/// The figures Q1 and Q3 state.
#[derive(Clone, Debug, PartialEq)]
pub struct ReaderFigures {
    /// UK plus French deployed warheads.
    pub uk_france_deployed_warheads: Option<SourcedFigure>,
    /// US deployed strategic warheads (the per-leg rows; the B61s in Europe excluded).
    pub us_deployed_strategic_warheads: Option<SourcedFigure>,
    /// Russian deployed strategic warheads.
    pub rus_deployed_strategic_warheads: Option<SourcedFigure>,
    /// UK plus French nuclear spending a year (latest ICAN figure of each), USD bn.
    pub uk_france_cost_usd_bn: Option<SourcedFigure>,
    /// The same, EUR bn at 2025 prices.
    pub uk_france_cost_eur_bn: Option<f64>,
    /// Defence spending of the EU members and the UK (latest SIPRI figure of each), USD bn.
    pub europe_defence_spending_usd_bn: Option<SourcedFigure>,
    /// EU members and the UK without a defence-spending figure.
    pub europe_spending_missing: Vec<String>,
}

/// The reader figures from `dataset` and the converted costs.
pub(super) fn reader_figures(dataset: &Dataset, costs: &[NuclearCost]) -> ReaderFigures {
    let nuclear_row = |state: &str, leg: &str| {
        row(dataset, state, leg, "deployed_warheads")
            .map(|n| (n.value, n.provenance.year, n.provenance.source.as_str()))
    };
    let uk_france: Vec<_> = ["GBR", "FRA"].iter().filter_map(|s| nuclear_row(s, "all")).collect();
    let us_legs: Vec<_> = ["icbm", "ssbn", "air"].iter().filter_map(|leg| nuclear_row("USA", leg)).collect();
    let rus: Vec<_> = nuclear_row("RUS", "all").into_iter().collect();
    let cost_rows: Vec<_> = costs.iter().map(|c| (c.usd_bn, c.year, c.source.as_str())).collect();
    let (spending, missing) = europe_spending(dataset);
    ReaderFigures {
        uk_france_deployed_warheads: SourcedFigure::of(&uk_france),
        us_deployed_strategic_warheads: SourcedFigure::of(&us_legs),
        rus_deployed_strategic_warheads: SourcedFigure::of(&rus),
        uk_france_cost_usd_bn: SourcedFigure::of(&cost_rows),
        uk_france_cost_eur_bn: (costs.len() == 2).then(|| costs.iter().map(|c| c.eur_bn).sum()),
        europe_defence_spending_usd_bn: spending,
        europe_spending_missing: missing,
    }
}

/// The latest `defence_spending` row (USD m) of each EU member and the UK, summed in USD bn.
fn europe_spending(dataset: &Dataset) -> (Option<SourcedFigure>, Vec<String>) {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for state in super::european_states(dataset) {
        let latest = dataset
            .country_figures
            .iter()
            .filter(|f| f.iso3.as_str() == state && f.figure == "defence_spending" && f.unit == Unit::UsdM)
            .max_by_key(|f| f.provenance.year);
        match latest {
            Some(f) => rows.push((f.value / 1000.0, f.provenance.year, f.provenance.source.as_str())),
            None => missing.push(state.to_string()),
        }
    }
    (SourcedFigure::of(&rows), missing)
}
