//! Europe's growth year by year: the units the funded closure of the gaps that a US
//! withdrawal opens (replace-us, docs/design.md §4.1–4.3) delivers by each year.
//!
//! Simply: the scenario is taken with the US conventional, enabler and intelligence
//! contributions at zero; the ledger's gaps are funded from the budget headroom in the
//! scenario's priority order by the assessment's own pipeline (`crate::core`), brigades being
//! raised as their equipment and people arrive; and the cumulative deliveries on the land and
//! air lines the campaign uses are added to Europe's holdings for that year.

use bulwark_data::Dataset;
use bulwark_scenario::Scenario;

use crate::money::PRICE_BASE_YEAR;

/// Units Europe has added by some year (in inventory units of each line).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Growth {
    /// Year (the base year adds nothing).
    pub year: u16,
    /// Manoeuvre brigades.
    pub brigades: f64,
    /// Combat aircraft (4th and 5th generation).
    pub combat_aircraft: f64,
    /// SEAD aircraft.
    pub sead: f64,
    /// Tankers.
    pub tankers: f64,
    /// Heavy strategic airlifters.
    pub heavy_airlift: f64,
    /// A400M-class airlifters.
    pub a400m: f64,
}

/// The growth for every year from the base year to the end of the budget path (index 0 = the
/// base year, nothing added).
pub fn europe_growth(dataset: &Dataset, scenario: &Scenario) -> Vec<Growth> {
    let mut alone = scenario.clone();
    for setting in [
        &mut alone.us_posture.conventional,
        &mut alone.us_posture.enablers,
        &mut alone.us_posture.intelligence,
    ] {
        setting.value = 0.0;
    }
    // The assessment's own gap-closing pipeline (ledger, costing, budget, funded closure), on
    // the scenario without the US.
    let core = crate::core(dataset, &alone);
    let outcome = core.closure;
    let n_years = usize::from(core.end_year.saturating_sub(PRICE_BASE_YEAR)) + 1;
    (0..n_years)
        .map(|idx| {
            let delivered = |lines: &[&str]| -> f64 {
                outcome
                    .lines
                    .iter()
                    .filter(|l| lines.contains(&l.line.as_str()))
                    .map(|l| {
                        l.delivered_by_year.get(idx).or(l.delivered_by_year.last()).copied().unwrap_or(0.0)
                    })
                    .sum()
            };
            Growth {
                year: PRICE_BASE_YEAR + idx as u16,
                brigades: delivered(&["manoeuvre_brigades"]),
                combat_aircraft: delivered(&["combat_aircraft_4th_gen", "combat_aircraft_5th_gen"]),
                sead: delivered(&["sead_aircraft"]),
                tankers: delivered(&["tanker_aircraft"]),
                heavy_airlift: delivered(&["strategic_airlift_heavy"]),
                a400m: delivered(&["airlift_a400m_class"]),
            }
        })
        .collect()
}

/// Europe's growth by `year`: the last entry of `growths` not after it (nothing added before
/// the first).
pub fn growth_in(growths: &[Growth], year: u16) -> Growth {
    growths.iter().rev().find(|g| g.year <= year).copied().unwrap_or_default()
}
