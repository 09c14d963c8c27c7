//! Resolve for the Baltic campaign (DESIGN.md §4.4): the dataset and one draw of the
//! scenario's `campaign_*` parameters become the model's [`CampaignInputs`].
//!
//! Where each input comes from:
//!
//! - **Red**: `campaign_red_battalions` battalions of power 1, generated evenly over
//!   `campaign_red_generation_days` from the start of mobilisation, `campaign_warning_days`
//!   before the attack; Red air = Russia's combat aircraft (dataset, 4th and 5th generation) ×
//!   `availability_air` × `campaign_red_air_share`.
//! - **Blue in place**: `campaign_inplace_light_bn` × `campaign_light_bn_power` +
//!   `campaign_inplace_heavy_bn` (judgements: the dataset lacks Latvian and Lithuanian brigades).
//! - **European reinforcements**: the coalition's manoeuvre brigades (dataset; a member without
//!   a brigade count counts its active personnel / `campaign_personnel_per_brigade`) ×
//!   `availability_land` × `campaign_europe_commit_share`; **US reinforcements**: US brigades in
//!   Europe (dataset, scope `europe`) × `us_posture.conventional` × `campaign_us_commit_share`.
//!   Each committed brigade is `campaign_battalions_per_brigade` battalions, split into a heavy
//!   part (`campaign_heavy_share`, by rail or sea) and a light part (power
//!   `campaign_light_bn_power`, flown in: `campaign_brigade_airlift_loads` loads a brigade).
//!   US brigades are heavy and move by surface. Readiness notices spread evenly from
//!   `campaign_readiness_first_days` to `campaign_readiness_last_days`, counted from the order
//!   `campaign_blue_response_days` after Red starts mobilising.
//! - **Airlift**: the coalition's heavy strategic airlifters + A400M-class ×
//!   `campaign_a400m_load_share` (dataset), in heavy-airlifter loads, at
//!   `campaign_airlift_sorties_per_day`, availability `availability_air`.
//! - **Blue air**: (European combat aircraft × `availability_air` + US combat aircraft in
//!   Europe × `us_posture.conventional`) × `campaign_air_commit_share`; SEAD and tankers:
//!   European holdings × `availability_air` + `campaign_us_sead_aircraft` /
//!   `campaign_us_tankers` × `us_posture.enablers`.
//! - **ISR coverage**: `campaign_europe_isr_share` + (1 − that) × `us_posture.intelligence`.
//! - **Growth** ([`Growth`]): units Europe adds by a year (the funded closure of its gaps) join
//!   the European holdings above before the same shares apply.

mod ensemble;
mod growth;
mod outcome;

use bulwark_core::Iso3;
use bulwark_data::Dataset;
use bulwark_models::attrition::Exponents;
use bulwark_models::campaign::{
    AirConstants, AirPower, Airlift, CampaignInputs, CampaignParams, Clock, Forces, Formation, Transit,
};
use bulwark_models::ModelError;
use bulwark_scenario::Scenario;

pub use ensemble::{campaign_metrics, simulate_campaign, CAMPAIGN_RUNS, YEAR_RUNS};
pub use growth::{europe_growth, Growth};
pub use outcome::{assess_campaign, CampaignAssessment, HoldCurve, YearHold};

/// The scenario's US posture as the campaign uses it, each from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsShares {
    /// Ground and air combat forces.
    pub conventional: f64,
    /// SEAD, tankers.
    pub enablers: f64,
    /// Intelligence sharing.
    pub intelligence: f64,
}

impl UsShares {
    /// The scenario's posture.
    pub fn of(scenario: &Scenario) -> UsShares {
        let posture = &scenario.us_posture;
        UsShares {
            conventional: posture.conventional.value,
            enablers: posture.enablers.value,
            intelligence: posture.intelligence.value,
        }
    }

    /// No US contribution at all.
    pub const NONE: UsShares = UsShares { conventional: 0.0, enablers: 0.0, intelligence: 0.0 };
}

/// The dataset's figures the campaign uses, fixed for a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignBase {
    /// Coalition manoeuvre brigades (reported, or estimated from personnel per the model doc).
    pub europe_brigades: f64,
    /// Members whose brigades were estimated from active personnel.
    pub brigades_estimated_for: Vec<String>,
    /// US manoeuvre brigades in Europe.
    pub us_brigades: f64,
    /// Coalition combat aircraft (4th and 5th generation).
    pub europe_combat_aircraft: f64,
    /// US combat aircraft in Europe.
    pub us_combat_aircraft: f64,
    /// Coalition SEAD aircraft.
    pub europe_sead: f64,
    /// Coalition tankers.
    pub europe_tankers: f64,
    /// Coalition heavy strategic airlifters.
    pub europe_heavy_airlift: f64,
    /// Coalition A400M-class airlifters.
    pub europe_a400m: f64,
    /// Russia's combat aircraft (4th and 5th generation).
    pub red_combat_aircraft: f64,
}

fn holding(dataset: &Dataset, iso3: Iso3, scope: &str, line: &str) -> f64 {
    dataset.holding(iso3, scope, line).map_or(0.0, |h| h.quantity)
}

fn coalition_sum(dataset: &Dataset, scenario: &Scenario, lines: &[&str]) -> f64 {
    let members = &scenario.coalition.value.members;
    members.iter().flat_map(|iso3| lines.iter().map(|line| holding(dataset, *iso3, "total", line))).sum()
}

const COMBAT_AIRCRAFT: [&str; 2] = ["combat_aircraft_4th_gen", "combat_aircraft_5th_gen"];

impl CampaignBase {
    /// Reads the figures; `personnel_per_brigade` converts personnel where brigades are missing.
    pub fn from_dataset(dataset: &Dataset, scenario: &Scenario) -> CampaignBase {
        let personnel_per_brigade = crate::resolve::parameter(scenario, "campaign_personnel_per_brigade");
        let mut europe_brigades = 0.0;
        let mut brigades_estimated_for = Vec::new();
        for iso3 in &scenario.coalition.value.members {
            if let Some(brigades) = dataset.holding(*iso3, "total", "manoeuvre_brigades") {
                europe_brigades += brigades.quantity;
            } else if let Some(personnel) = dataset.country_figure(*iso3, "active_personnel") {
                if personnel_per_brigade > 0.0 {
                    europe_brigades += personnel.value / personnel_per_brigade;
                    brigades_estimated_for.push(iso3.to_string());
                }
            }
        }
        let usa = Iso3::parse("USA");
        let us = |line: &str| usa.map_or(0.0, |usa| holding(dataset, usa, "europe", line));
        let russia = scenario.ledger.adversary.value;
        CampaignBase {
            europe_brigades,
            brigades_estimated_for,
            us_brigades: us("manoeuvre_brigades"),
            europe_combat_aircraft: coalition_sum(dataset, scenario, &COMBAT_AIRCRAFT),
            us_combat_aircraft: COMBAT_AIRCRAFT.iter().map(|line| us(line)).sum(),
            europe_sead: coalition_sum(dataset, scenario, &["sead_aircraft"]),
            europe_tankers: coalition_sum(dataset, scenario, &["tanker_aircraft"]),
            europe_heavy_airlift: coalition_sum(dataset, scenario, &["strategic_airlift_heavy"]),
            europe_a400m: coalition_sum(dataset, scenario, &["airlift_a400m_class"]),
            red_combat_aircraft: COMBAT_AIRCRAFT
                .iter()
                .map(|line| holding(dataset, russia, "total", line))
                .sum(),
        }
    }
}

/// Builds one run's model inputs from the base figures, a parameter lookup (`value(name)`:
/// the run's draw or a central value), the US posture and Europe's growth.
pub fn build_inputs(
    base: &CampaignBase,
    value: &dyn Fn(&str) -> f64,
    us: UsShares,
    growth: &Growth,
) -> Result<CampaignInputs, ModelError> {
    let params = CampaignParams {
        red_effect_per_hour: value("campaign_red_effect_per_hour"),
        blue_effect_per_hour: value("campaign_blue_effect_per_hour"),
        exponents: Exponents::complementary(value("campaign_exponent")),
        red_speed_km_per_hour: value("campaign_red_speed_km_per_hour"),
        objective_km: value("campaign_objective_km"),
        stall_ratio: value("campaign_stall_ratio"),
        full_speed_ratio: value("campaign_full_speed_ratio"),
        blue_break_fraction: value("campaign_blue_break_fraction"),
        red_break_fraction: value("campaign_red_break_fraction"),
        prepared_defence: value("campaign_prepared_defence"),
        isr_penalty: value("campaign_isr_penalty"),
        air: AirConstants {
            bonus_max: value("campaign_air_bonus_max"),
            half_aircraft: value("campaign_air_half_aircraft"),
            tanker_floor: value("campaign_tanker_floor"),
        },
    };
    let forces = forces(base, value, us, growth);
    CampaignInputs::new(params, &forces, clock(value))
}

/// The run's clock: `campaign_step_hours` over `campaign_horizon_days`.
pub fn clock(value: &dyn Fn(&str) -> f64) -> Clock {
    Clock { step_hours: value("campaign_step_hours"), horizon_hours: 24.0 * value("campaign_horizon_days") }
}

fn forces(base: &CampaignBase, value: &dyn Fn(&str) -> f64, us: UsShares, growth: &Growth) -> Forces {
    let availability_air = value("availability_air");
    let light_power = value("campaign_light_bn_power");
    let mut blue = vec![
        inplace(value("campaign_inplace_light_bn") * light_power),
        inplace(value("campaign_inplace_heavy_bn")),
    ];
    let europe_committed = (base.europe_brigades + growth.brigades)
        * value("availability_land")
        * value("campaign_europe_commit_share");
    let us_committed = base.us_brigades * us.conventional * value("campaign_us_commit_share");
    blue.extend(reinforcements(value, europe_committed, value("campaign_heavy_share")));
    blue.extend(reinforcements(value, us_committed, 1.0));
    let red_battalions = value("campaign_red_battalions");
    let generation_hours = 24.0 * value("campaign_red_generation_days");
    let red = spread(red_battalions, |idx, n| Formation {
        combat_power: 1.0,
        ready_hours: generation_hours * (idx + 1) as f64 / n as f64,
        transit: Transit::InPlace,
    });
    let sead_needed = value("campaign_sead_needed");
    let air_share = value("campaign_air_commit_share");
    let blue_air = AirPower {
        combat_aircraft: ((base.europe_combat_aircraft + growth.combat_aircraft) * availability_air
            + base.us_combat_aircraft * us.conventional)
            * air_share,
        sead_aircraft: (base.europe_sead + growth.sead) * availability_air
            + value("campaign_us_sead_aircraft") * us.enablers,
        sead_needed,
        tankers: (base.europe_tankers + growth.tankers) * availability_air
            + value("campaign_us_tankers") * us.enablers,
        tankers_needed: value("campaign_tankers_needed"),
    };
    let red_air = AirPower {
        combat_aircraft: base.red_combat_aircraft * availability_air * value("campaign_red_air_share"),
        sead_aircraft: 0.0,
        sead_needed,
        tankers: 0.0,
        tankers_needed: 0.0,
    };
    let europe_isr = value("campaign_europe_isr_share");
    Forces {
        warning_hours: 24.0 * value("campaign_warning_days"),
        blue_response_hours: 24.0 * value("campaign_blue_response_days"),
        red,
        blue,
        airlift: Airlift {
            aircraft: base.europe_heavy_airlift
                + growth.heavy_airlift
                + (base.europe_a400m + growth.a400m) * value("campaign_a400m_load_share"),
            payload_per_sortie: 1.0,
            sorties_per_day: value("campaign_airlift_sorties_per_day"),
            availability: availability_air,
        },
        blue_air,
        red_air,
        blue_isr_coverage: europe_isr + (1.0 - europe_isr) * us.intelligence,
        red_iamd_denial: value("campaign_red_iamd_denial"),
        blue_iamd_denial: value("campaign_blue_iamd_denial"),
    }
}

fn inplace(combat_power: f64) -> Formation {
    Formation { combat_power, ready_hours: 0.0, transit: Transit::InPlace }
}

/// Most formations one side is split into. A scenario may ask for any number of battalions;
/// beyond this many, formations carry equal shares of the total instead of one battalion each,
/// so that memory and time stay bounded while total power and arrival spread are kept.
const MAX_FORMATIONS: usize = 2_000;

/// `ceil(amount)` items made by `make(idx, n)`, the last scaled so that the powers sum to
/// `amount` (each `make` gives power 1 before scaling); at most [`MAX_FORMATIONS`] items, each
/// then scaled to an equal share.
fn spread(amount: f64, make: impl Fn(usize, usize) -> Formation) -> Vec<Formation> {
    if !(amount.is_finite() && amount > 0.0) {
        return Vec::new();
    }
    let whole = amount.ceil();
    let n = if whole > MAX_FORMATIONS as f64 { MAX_FORMATIONS } else { whole as usize };
    let equal_share = (n == MAX_FORMATIONS).then(|| amount / n as f64);
    (0..n)
        .map(|idx| {
            let mut formation = make(idx, n);
            let share = equal_share.unwrap_or_else(|| (amount - idx as f64).min(1.0));
            formation.combat_power *= share;
            if let Transit::Air { lift } = &mut formation.transit {
                *lift *= share;
            }
            formation
        })
        .collect()
}

/// `brigades` reinforcing brigades, each a heavy part by surface and a light part by air.
fn reinforcements(value: &dyn Fn(&str) -> f64, brigades: f64, heavy_share: f64) -> Vec<Formation> {
    let battalions = value("campaign_battalions_per_brigade");
    let (first, last) = (value("campaign_readiness_first_days"), value("campaign_readiness_last_days"));
    let surface = Transit::Surface {
        distance_km: value("campaign_surface_km"),
        speed_km_per_hour: value("campaign_surface_speed_km_per_hour"),
        loading_hours: value("campaign_loading_hours"),
    };
    let ready_hours = |idx: usize, n: usize| {
        let step = if n > 1 { (last - first) / (n - 1) as f64 } else { 0.0 };
        24.0 * (first + step * idx as f64)
    };
    let heavy = spread(brigades, |idx, n| Formation {
        combat_power: battalions * heavy_share,
        ready_hours: ready_hours(idx, n),
        transit: surface,
    });
    let light = spread(brigades, |idx, n| Formation {
        combat_power: battalions * (1.0 - heavy_share) * value("campaign_light_bn_power"),
        ready_hours: ready_hours(idx, n),
        transit: Transit::Air { lift: value("campaign_brigade_airlift_loads") * (1.0 - heavy_share) },
    });
    heavy.into_iter().chain(light).filter(|formation| formation.combat_power > 0.0).collect()
}

#[cfg(test)]
mod tests;
