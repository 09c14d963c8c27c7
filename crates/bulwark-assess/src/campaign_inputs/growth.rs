//! Europe's growth year by year: the units the funded closure of the gaps that a US
//! withdrawal opens (replace-us, docs/design.md §4.1–4.3) delivers by each year, and the new
//! brigades raised from the headroom left after it (`bulwark_models::buildup`).
//!
//! Simply: the scenario is taken with the US conventional, enabler and intelligence
//! contributions at zero; the ledger's gaps are funded from the budget headroom in the
//! scenario's priority order by the assessment's own pipeline (`crate::core`), brigades being
//! raised as their equipment and people arrive; and the cumulative deliveries on the land and
//! air lines the campaign uses are added to Europe's holdings for that year.
//!
//! The headroom the closure leaves unspent each year (`ClosureOutcome::unspent_eur_bn`) feeds
//! the land build-up: `buildup_land_share` of it raises new brigades, at most
//! `buildup_max_brigades_per_year` a year, each ready `buildup_brigade_years` after it is
//! funded. A brigade's price is the dataset's: the coalition's average holding per brigade on
//! each land equipment line (the force-package model, [`BrigadeCost`]) times the line's sourced
//! unit cost (proxies as in the costing); its running cost a year is `operating_cost_fraction`
//! of that plus `force_package_troops_per_brigade` × `personnel_cost_eur_k`. A land line
//! without a unit cost is left out of the price (listed in [`BrigadeCost::unpriced_lines`]), so
//! the price is then a lower bound. The build-up's parameters take their central values, like
//! the gap closure's.
//!
//! Of the build-up's ready brigades, `buildup_forward_share` (at most
//! `buildup_forward_max_brigades`) are based forward in or next to the Baltic states
//! ([`Growth::forward_brigades`]); each costs `buildup_forward_running_eur_bn` a year more than
//! at home, paid from the build-up's money. The campaign counts them in place at the attack,
//! the rest among the brigades that reinforce.

use bulwark_core::Distribution;
use bulwark_data::Dataset;
use bulwark_models::buildup::{self, BuildupInputs};
use bulwark_scenario::{Param, Scenario};

use crate::money::PRICE_BASE_YEAR;

/// Units Europe has added by some year (in inventory units of each line).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Growth {
    /// Year (the base year adds nothing).
    pub year: u16,
    /// Manoeuvre brigades of the funded closure of the gaps.
    pub brigades: f64,
    /// New manoeuvre brigades raised from the headroom beyond the gaps, ready that year (the
    /// forward ones included).
    pub headroom_brigades: f64,
    /// Of them, brigades based forward in or next to the Baltic states, in place at the attack.
    pub forward_brigades: f64,
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
    let (headroom_brigades, forward_brigades) = headroom_build_up(dataset, scenario, &outcome.unspent_eur_bn);
    let in_year = |values: &[f64], idx: usize| values.get(idx).or(values.last()).copied().unwrap_or(0.0);
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
                headroom_brigades: in_year(&headroom_brigades, idx),
                forward_brigades: in_year(&forward_brigades, idx),
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

/// A new brigade's price and running cost, from the dataset (module documentation).
#[derive(Clone, Debug, PartialEq)]
pub struct BrigadeCost {
    /// `P`: equipment, EUR bn.
    pub equipment_eur_bn: f64,
    /// `O`: running cost a year (operating the equipment, and the people), EUR bn.
    pub running_eur_bn: f64,
    /// Land lines left out of the price: no average holding per brigade or no unit cost.
    pub unpriced_lines: Vec<String>,
}

/// Prices one brigade equipped like the coalition's brigades today.
pub fn brigade_cost(dataset: &Dataset, scenario: &Scenario) -> BrigadeCost {
    let troops_per_brigade = scenario.value(Param::ForcePackageTroopsPerBrigade);
    // The force-package model with one brigade's troops gives one brigade's holdings.
    let mut one_brigade = scenario.clone();
    if let Some(p) = one_brigade.parameters.get_mut(Param::ForcePackageTroops.name()) {
        p.distribution = Distribution::Fixed(troops_per_brigade);
    }
    let package = crate::resolve::force_package(dataset, &one_brigade).and_then(Result::ok);
    let (mut equipment_eur_bn, mut unpriced_lines) = (0.0, Vec::new());
    for line in package.iter().flat_map(|p| &p.lines) {
        let cost_eur_m = crate::resolve::unit_cost_with_proxy(dataset, scenario, &line.line).0;
        match (line.quantity, cost_eur_m) {
            (Some(quantity), Some(cost_eur_m)) => equipment_eur_bn += quantity * cost_eur_m / 1000.0,
            _ => unpriced_lines.push(line.line.clone()),
        }
    }
    let people_eur_bn = troops_per_brigade * scenario.value(Param::PersonnelCostEurK) / 1.0e6;
    BrigadeCost {
        equipment_eur_bn,
        running_eur_bn: scenario.value(Param::OperatingCostFraction) * equipment_eur_bn + people_eur_bn,
        unpriced_lines,
    }
}

/// Brigades ready each year from the land build-up on `unspent_eur_bn` (the closure's unspent
/// headroom a year), and of them those based forward; none when the price is unknown or the
/// inputs are invalid.
fn headroom_build_up(dataset: &Dataset, scenario: &Scenario, unspent_eur_bn: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let cost = brigade_cost(dataset, scenario);
    let inputs = BuildupInputs {
        free_headroom_eur_bn: unspent_eur_bn.to_vec(),
        land_share: scenario.value(Param::BuildupLandShare),
        brigade_cost_eur_bn: cost.equipment_eur_bn,
        brigade_running_eur_bn: cost.running_eur_bn,
        lead_years: scenario.value(Param::BuildupBrigadeYears),
        max_new_per_year: scenario.value(Param::BuildupMaxBrigadesPerYear),
        forward_share: scenario.value(Param::BuildupForwardShare),
        forward_max_brigades: scenario.value(Param::BuildupForwardMaxBrigades),
        forward_running_eur_bn: scenario.value(Param::BuildupForwardRunningEurBn),
    };
    buildup::project(&inputs).map_or_else(
        |_| (vec![0.0; unspent_eur_bn.len()], vec![0.0; unspent_eur_bn.len()]),
        |outcome| (outcome.ready, outcome.forward),
    )
}
