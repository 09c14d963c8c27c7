//! Resolve for the Baltic campaign (docs/design.md §4.4): the dataset and one draw of the
//! scenario's `campaign_*` parameters become the model's [`CampaignInputs`].
//!
//! Where each input comes from:
//!
//! - **Red** for year `Y` (`campaign_year`, or the year under study): the battalion equivalents
//!   Russia has available against NATO that year, from the threat trajectory
//!   (`threat_inputs`, drawn in the same run), × `campaign_red_first_echelon_share` for the
//!   first echelon, generated evenly over `campaign_red_generation_days` from the start of
//!   mobilisation, `campaign_warning_days` before the attack; × `campaign_red_followon_share`
//!   for the follow-on echelons, arriving evenly from `campaign_red_followon_first_days` to
//!   `campaign_red_followon_last_days` after the attack. A validation scenario may fix the first
//!   echelon instead (`campaign_red_fixed_battalions` > 0; follow-on = that × the follow-on
//!   share). Red air = Russia's combat aircraft (dataset, 4th and 5th generation) ×
//!   `availability_air` × `campaign_red_air_share`.
//! - **Blue in place**: today's forces, `campaign_inplace_light_bn` × `campaign_light_bn_power` +
//!   `campaign_inplace_heavy_bn` (judgements: the dataset lacks Latvian and Lithuanian
//!   brigades), plus the land build-up's brigades based forward by the year of the attack
//!   ([`Growth::forward_brigades`], `buildup_forward_share` of its ready brigades, at most
//!   `buildup_forward_max_brigades`) × `campaign_battalions_per_brigade` heavy battalions
//!   ([`InPlace`]). Like today's forces in place they are whole at the attack (no
//!   `availability_land`).
//! - **European reinforcements**: the coalition's available brigades `A` = manoeuvre brigades
//!   (dataset; a member without a brigade count counts its active personnel /
//!   `campaign_personnel_per_brigade`, plus the year's growth, less the brigades based forward,
//!   which are in place already) × `availability_land`; of them
//!   Europe commits enough to answer Red's massing ([`europe_commitment`]):
//!   `clamp((response × (Red first + follow-on) − Blue in place) / battalions_per_brigade,
//!   floor × A, cap × A)` with `response` = `campaign_europe_commit_response`, `floor` =
//!   `campaign_europe_commit_share` (what Europe sends whatever Red masses) and `cap` =
//!   `campaign_europe_commit_cap_share` (what it keeps for other flanks); **US reinforcements**: US brigades in
//!   Europe (dataset, scope `europe`, the ledger's row) × `availability_land` ×
//!   `us_posture.conventional` × `campaign_us_commit_share`. Each committed brigade is
//!   `campaign_battalions_per_brigade` battalions, split into a heavy part
//!   (`campaign_heavy_share`, by rail or sea) and a light part (power `campaign_light_bn_power`,
//!   flown in: `campaign_brigade_airlift_loads` loads a brigade). US brigades are heavy and
//!   move by surface. Readiness notices spread evenly from `campaign_readiness_first_days` to
//!   `campaign_readiness_last_days`, counted from the alliance's order.
//! - **US reinforcements from North America**: `campaign_us_surge_brigades` heavy brigades ×
//!   `us_posture.conventional`, ready in Europe evenly from `campaign_us_surge_first_days` to
//!   `campaign_us_surge_last_days` after the order (sealift across the Atlantic), then by rail
//!   or sea to the theatre like the European heavy brigades. Without them the US posture
//!   reached the campaign only through the five brigades stationed in Europe, although the US
//!   Army exercises sending a division from the United States (DEFENDER-Europe 20).
//! - **The order** comes when the alliance has decided and forces are cleared to move
//!   (`decision_inputs::ResponseModel`, drawn in the same run from the run's stream): the
//!   earlier of the North Atlantic Council's decision once the members whose parliaments have
//!   voted (where required) hold `decision_coalition_force_share` of its forces, and the
//!   coalition of the willing; the US leads with probability `us_posture.enablers`; never, when
//!   neither is backed by forces. The committed brigades (`campaign_europe_commit_share`, at most
//!   20 %) stay below that share (at least 33 %), so they can come from cleared members.
//! - **Airlift**: the coalition's heavy strategic airlifters + A400M-class ×
//!   `campaign_a400m_load_share` + US heavy airlifters in Europe × `us_posture.enablers`
//!   (dataset rows of the ledger), in heavy-airlifter loads, at
//!   `campaign_airlift_sorties_per_day`, availability `availability_air`.
//! - **Blue air**: (European + US-in-Europe × `us_posture.conventional` combat aircraft) ×
//!   `availability_air` × `campaign_air_commit_share`; SEAD and tankers: (European + US in
//!   Europe × `us_posture.enablers`) × `availability_air` (the ledger's rows; availability
//!   applies to US and European stocks alike).
//! - **ISR coverage**: `campaign_europe_isr_share` + (1 − that) × `us_posture.intelligence`.
//! - **Interceptors**: the day Blue's upper-tier interceptors run out in the IAMD model
//!   (`iamd_inputs`, central values, with the US's share of `us_posture.enablers`); after it,
//!   Blue's denial of Red's air falls to `campaign_blue_iamd_denial` ×
//!   `campaign_blue_denial_left_share`.
//! - **Supply**: Blue's munitions last `campaign_blue_ammo_days`, then
//!   `campaign_blue_resupply_share` of full intensity; Red's last `campaign_red_ammo_days`,
//!   then its resupply share is Russia's artillery-shell production (dataset) ×
//!   `campaign_red_ammo_production_share` over its need (battalions ×
//!   `campaign_red_rounds_per_battalion_day`), at most 1.
//! - **Growth** ([`Growth`]): units Europe adds by a year (the funded closure of its gaps and
//!   the brigades its land build-up raises from the headroom beyond them) join the European
//!   holdings above before the same shares apply.

mod ensemble;
mod growth;
mod outcome;
mod shared_draws;

use crate::threat_inputs::ThreatFacts;

use bulwark_core::Iso3;
use bulwark_data::Dataset;
use bulwark_models::attrition::Exponents;
use bulwark_models::campaign::{
    AirConstants, AirPower, Airlift, CampaignInputs, CampaignParams, Clock, Forces, Formation, Supply,
    Transit,
};
use bulwark_models::ModelError;
use bulwark_scenario::{Param, ParamValues, Scenario};

pub use ensemble::{campaign_metrics, campaign_year, simulate_campaign, CAMPAIGN_RUNS, YEAR_RUNS};
pub use growth::{brigade_cost, europe_growth, growth_in, BrigadeCost, Growth};
pub use outcome::{
    assess_campaign, CampaignAssessment, HoldCurve, Lever, Window, YearHold, REPORT_DAYS, REPORT_QUANTILES,
};

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
    /// US SEAD aircraft in Europe (the ledger's row).
    pub us_sead: f64,
    /// US tankers in Europe.
    pub us_tankers: f64,
    /// US heavy strategic airlifters in Europe.
    pub us_heavy_airlift: f64,
    /// Russia's artillery shells a year (dataset; 0 when missing).
    pub red_shells_per_year: f64,
    /// The threat trajectory's dataset figures.
    pub threat: ThreatFacts,
    /// Day Blue's upper-tier interceptors run out in the IAMD model with the US's full share and
    /// with none (`None` = they last the IAMD campaign).
    pub interceptors_out_day: (Option<u32>, Option<u32>),
}

/// What one run draws besides the parameters, and the year it is fought in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunContext {
    /// The year of the attack (Red's force and Europe's growth of that year).
    pub year: u16,
    /// Hours from the start of Red's mobilisation to the alliance's order.
    pub response_hours: f64,
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
        let personnel_per_brigade = scenario.value(Param::CampaignPersonnelPerBrigade);
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
        let red_shells_per_year = dataset
            .production
            .iter()
            .filter(|f| f.iso3 == russia && f.item == "artillery_shells")
            .max_by_key(|f| f.provenance.year)
            .map_or(0.0, |f| f.per_year());
        CampaignBase {
            us_sead: us("sead_aircraft"),
            us_tankers: us("tanker_aircraft"),
            us_heavy_airlift: us("strategic_airlift_heavy"),
            red_shells_per_year,
            threat: crate::threat_inputs::facts(dataset, scenario),
            interceptors_out_day: interceptors_out_day(dataset, scenario),
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

/// The day Blue's upper-tier interceptors run out in the IAMD model on the scenario's central
/// values, with the US's full share and without it.
fn interceptors_out_day(dataset: &Dataset, scenario: &Scenario) -> (Option<u32>, Option<u32>) {
    let facts = crate::iamd_inputs::facts(dataset, scenario);
    let central = bulwark_scenario::ParamValues::central(scenario);
    let day = |us_share: f64| {
        let inputs = crate::iamd_inputs::inputs(&facts, &central, us_share);
        bulwark_models::iamd::run(&inputs)
            .ok()
            .and_then(|o| o.interceptors.first().and_then(|i| i.exhausted_day))
    };
    (day(1.0), day(0.0))
}

impl CampaignBase {
    /// Hours from the attack until Blue's interceptors run out for a US enablers share (the
    /// nearer of the two IAMD runs; never = `f64::MAX`).
    pub fn interceptors_out_hours(&self, us_enablers: f64) -> f64 {
        let day = if us_enablers >= 0.5 { self.interceptors_out_day.0 } else { self.interceptors_out_day.1 };
        day.map_or(f64::MAX, |day| 24.0 * f64::from(day.saturating_sub(1)))
    }
}

/// Builds one run's model inputs from the base figures, a parameter lookup (`value(name)`:
/// the run's draw or a central value), the US posture, Europe's growth and the run's context.
pub fn build_inputs(
    base: &CampaignBase,
    value: &ParamValues,
    us: UsShares,
    growth: &Growth,
    context: RunContext,
) -> Result<CampaignInputs, ModelError> {
    let params = CampaignParams {
        red_effect_per_hour: value[Param::CampaignRedEffectPerHour],
        blue_effect_per_hour: value[Param::CampaignBlueEffectPerHour],
        exponents: Exponents::complementary(value[Param::CampaignExponent]),
        red_speed_km_per_hour: value[Param::CampaignRedSpeedKmPerHour],
        objective_km: value[Param::CampaignObjectiveKm],
        stall_ratio: value[Param::CampaignStallRatio],
        full_speed_ratio: value[Param::CampaignFullSpeedRatio],
        blue_break_fraction: value[Param::CampaignBlueBreakFraction],
        red_break_fraction: value[Param::CampaignRedBreakFraction],
        prepared_defence: value[Param::CampaignPreparedDefence],
        isr_penalty: value[Param::CampaignIsrPenalty],
        air: AirConstants {
            bonus_max: value[Param::CampaignAirBonusMax],
            half_aircraft: value[Param::CampaignAirHalfAircraft],
            tanker_floor: value[Param::CampaignTankerFloor],
        },
    };
    let forces = forces(base, value, us, growth, context)?;
    CampaignInputs::new(params, &forces, clock(value))
}

/// The run's clock: `campaign_step_hours` over `campaign_horizon_days`.
pub fn clock(value: &ParamValues) -> Clock {
    Clock {
        step_hours: value[Param::CampaignStepHours],
        horizon_hours: 24.0 * value[Param::CampaignHorizonDays],
    }
}

/// Blue's battalion equivalents in place at the attack (heavy battalions; a light one counts
/// `campaign_light_bn_power`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InPlace {
    /// Today's light battalions (`campaign_inplace_light_bn` × `campaign_light_bn_power`).
    pub light: f64,
    /// Today's heavy battalions (`campaign_inplace_heavy_bn`).
    pub heavy: f64,
    /// The land build-up's brigades based forward, in heavy battalions
    /// ([`Growth::forward_brigades`] × `campaign_battalions_per_brigade`).
    pub forward_heavy: f64,
}

impl InPlace {
    /// The forces in place for a run's values and the year's growth.
    pub fn of(value: &ParamValues, growth: &Growth) -> InPlace {
        InPlace {
            light: value[Param::CampaignInplaceLightBn] * value[Param::CampaignLightBnPower],
            heavy: value[Param::CampaignInplaceHeavyBn],
            forward_heavy: growth.forward_brigades * value[Param::CampaignBattalionsPerBrigade],
        }
    }

    /// Today's forces in place (without the build-up's).
    pub fn today(&self) -> f64 {
        self.light + self.heavy
    }

    /// Every battalion in place. With no brigade forward it is [`InPlace::today`] bit for bit
    /// (`x + 0.0 = x`), so a zero forward share reproduces the campaign without forward basing.
    pub fn total(&self) -> f64 {
        self.today() + self.forward_heavy
    }
}

fn forces(
    base: &CampaignBase,
    value: &ParamValues,
    us: UsShares,
    growth: &Growth,
    context: RunContext,
) -> Result<Forces, ModelError> {
    let availability_air = value[Param::AvailabilityAir];
    let availability_land = value[Param::AvailabilityLand];
    let in_place = InPlace::of(value, growth);
    let blue_in_place = in_place.total();
    let (first_echelon, followon) = red_battalions(base, value, context.year)?;
    // The brigades based forward are in place already, not among those that reinforce.
    let europe_available = (base.europe_brigades + growth.brigades + growth.headroom_brigades
        - growth.forward_brigades)
        * availability_land;
    let europe_committed = europe_commitment(
        value,
        europe_available,
        first_echelon + followon,
        blue_in_place,
        value[Param::CampaignBattalionsPerBrigade],
    );
    let us_committed =
        base.us_brigades * availability_land * us.conventional * value[Param::CampaignUsCommitShare];
    let us_surge_brigades = value[Param::CampaignUsSurgeBrigades] * us.conventional;
    // Room for every formation at once (two in place, a heavy and a light part per brigade,
    // the surge's brigades): growing the vector group by group cost a reallocation each.
    let mut blue = Vec::with_capacity(
        2 + 2 * spread_count(europe_committed)
            + 2 * spread_count(us_committed)
            + spread_count(us_surge_brigades),
    );
    blue.push(inplace(in_place.light));
    // The forward brigades join today's heavy battalions in one formation: both are in place
    // at the attack.
    blue.push(inplace(in_place.heavy + in_place.forward_heavy));
    reinforcements(&mut blue, value, europe_committed, value[Param::CampaignHeavyShare]);
    reinforcements(&mut blue, value, us_committed, 1.0);
    us_surge(&mut blue, value, us_surge_brigades);
    let warning_hours = 24.0 * value[Param::CampaignWarningDays];
    let red = red_formations(value, first_echelon, followon, warning_hours);
    let sead_needed = value[Param::CampaignSeadNeeded];
    let air_share = value[Param::CampaignAirCommitShare];
    let blue_air = AirPower {
        combat_aircraft: (base.europe_combat_aircraft
            + growth.combat_aircraft
            + base.us_combat_aircraft * us.conventional)
            * availability_air
            * air_share,
        sead_aircraft: (base.europe_sead + growth.sead + base.us_sead * us.enablers) * availability_air,
        sead_needed,
        tankers: (base.europe_tankers + growth.tankers + base.us_tankers * us.enablers) * availability_air,
        tankers_needed: value[Param::CampaignTankersNeeded],
    };
    let red_air = AirPower {
        combat_aircraft: base.red_combat_aircraft * availability_air * value[Param::CampaignRedAirShare],
        sead_aircraft: 0.0,
        sead_needed,
        tankers: 0.0,
        tankers_needed: 0.0,
    };
    let europe_isr = value[Param::CampaignEuropeIsrShare];
    let blue_iamd_denial = value[Param::CampaignBlueIamdDenial];
    let red_need_per_day = (first_echelon + followon) * value[Param::CampaignRedRoundsPerBattalionDay];
    let red_supply_per_day = base.red_shells_per_year / 365.0 * value[Param::CampaignRedAmmoProductionShare];
    Ok(Forces {
        warning_hours,
        blue_response_hours: context.response_hours,
        red,
        blue,
        airlift: Airlift {
            aircraft: base.europe_heavy_airlift
                + growth.heavy_airlift
                + base.us_heavy_airlift * us.enablers
                + (base.europe_a400m + growth.a400m) * value[Param::CampaignA400mLoadShare],
            payload_per_sortie: 1.0,
            sorties_per_day: value[Param::CampaignAirliftSortiesPerDay],
            availability: availability_air,
        },
        blue_air,
        red_air,
        blue_isr_coverage: europe_isr + (1.0 - europe_isr) * us.intelligence,
        red_iamd_denial: value[Param::CampaignRedIamdDenial],
        blue_iamd_denial,
        blue_interceptors_out_hours: base.interceptors_out_hours(us.enablers),
        blue_iamd_denial_without_interceptors: blue_iamd_denial * value[Param::CampaignBlueDenialLeftShare],
        blue_supply: Supply {
            stock_hours: 24.0 * value[Param::CampaignBlueAmmoDays],
            resupply_share: value[Param::CampaignBlueResupplyShare],
        },
        red_supply: Supply {
            stock_hours: 24.0 * value[Param::CampaignRedAmmoDays],
            resupply_share: if red_need_per_day > 0.0 {
                (red_supply_per_day / red_need_per_day).clamp(0.0, 1.0)
            } else {
                1.0
            },
        },
    })
}

/// European brigades committed to the Baltic: enough to bring Blue's battalions on the axis
/// (`in_place` plus the reinforcements) to `campaign_europe_commit_response` × Red's massed
/// battalions (`red_battalions`, first and follow-on echelons), but at least
/// `campaign_europe_commit_share` and at most `campaign_europe_commit_cap_share` (or the floor,
/// when above it) of the `available` brigades:
///
/// ```text
/// wanted    = max(0, response × red − in_place) / battalions_per_brigade
/// committed = clamp(wanted, floor × available, max(floor, cap) × available)
/// ```
///
/// Non-decreasing in the response, the floor, the cap, the available brigades and Red's mass.
pub fn europe_commitment(
    value: &ParamValues,
    available: f64,
    red_battalions: f64,
    in_place: f64,
    battalions_per_brigade: f64,
) -> f64 {
    let floor = value[Param::CampaignEuropeCommitShare] * available;
    let cap =
        value[Param::CampaignEuropeCommitCapShare].max(value[Param::CampaignEuropeCommitShare]) * available;
    let wanted_battalions = (value[Param::CampaignEuropeCommitResponse] * red_battalions - in_place).max(0.0);
    let wanted = if battalions_per_brigade > 0.0 { wanted_battalions / battalions_per_brigade } else { 0.0 };
    // `max` then `min` rather than `clamp`: the cap is never below the floor here, and a NaN
    // drawn value must not panic.
    wanted.max(floor).min(cap)
}

/// Red's first echelon and follow-on echelons in battalion equivalents: from the threat
/// trajectory for `year`, or the validation scenario's fixed first echelon.
pub fn red_battalions(base: &CampaignBase, value: &ParamValues, year: u16) -> Result<(f64, f64), ModelError> {
    let fixed = value[Param::CampaignRedFixedBattalions];
    let followon_share = value[Param::CampaignRedFollowonShare];
    if fixed > 0.0 {
        return Ok((fixed, fixed * followon_share));
    }
    let available = crate::threat_inputs::battalions_in(&base.threat, value, year).ok_or_else(|| {
        ModelError::InvalidInput {
            model: "campaign",
            message: "no Red force: the threat trajectory has no holding or personnel figure, or invalid parameters"
                .to_string(),
        }
    })?;
    Ok((available * value[Param::CampaignRedFirstEchelonShare], available * followon_share))
}

/// Red's formations: the first echelon generated over the generation days from the start of
/// mobilisation, the follow-on echelons arriving evenly between their first and last day after
/// the attack.
fn red_formations(
    value: &ParamValues,
    first_echelon: f64,
    followon: f64,
    warning_hours: f64,
) -> Vec<Formation> {
    let generation_hours = 24.0 * value[Param::CampaignRedGenerationDays];
    let mut red = Vec::with_capacity(spread_count(first_echelon) + spread_count(followon));
    let first = |idx: usize, n: usize| Formation {
        combat_power: 1.0,
        ready_hours: generation_hours * (idx + 1) as f64 / n as f64,
        transit: Transit::InPlace,
    };
    spread_into(&mut red, first_echelon, first, |_| true);
    let (first_day, last_day) =
        (value[Param::CampaignRedFollowonFirstDays], value[Param::CampaignRedFollowonLastDays]);
    let followon_make = |idx: usize, n: usize| {
        let step = if n > 1 { (last_day - first_day).max(0.0) / (n - 1) as f64 } else { 0.0 };
        Formation {
            combat_power: 1.0,
            ready_hours: warning_hours + 24.0 * (first_day + step * idx as f64),
            transit: Transit::InPlace,
        }
    };
    spread_into(&mut red, followon, followon_make, |_| true);
    red
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
#[cfg(test)]
fn spread(amount: f64, make: impl Fn(usize, usize) -> Formation) -> Vec<Formation> {
    let mut out = Vec::new();
    spread_into(&mut out, amount, make, |_| true);
    out
}

/// How many items [`spread_into`] makes of `amount`: `ceil(amount)`, at most
/// [`MAX_FORMATIONS`], none for an amount that is not a positive number.
fn spread_count(amount: f64) -> usize {
    if !(amount.is_finite() && amount > 0.0) {
        return 0;
    }
    let whole = amount.ceil();
    if whole > MAX_FORMATIONS as f64 {
        MAX_FORMATIONS
    } else {
        whole as usize
    }
}

/// [`spread`] appending to `out` the items that `keep` accepts, in order (one vector for a
/// side's formations instead of one per group and its filtered copy).
fn spread_into(
    out: &mut Vec<Formation>,
    amount: f64,
    make: impl Fn(usize, usize) -> Formation,
    keep: impl Fn(&Formation) -> bool,
) {
    let n = spread_count(amount);
    if n == 0 {
        return;
    }
    let equal_share = (n == MAX_FORMATIONS).then(|| amount / n as f64);
    out.reserve(n);
    for idx in 0..n {
        let mut formation = make(idx, n);
        let share = equal_share.unwrap_or_else(|| (amount - idx as f64).min(1.0));
        formation.combat_power *= share;
        if let Transit::Air { lift } = &mut formation.transit {
            *lift *= share;
        }
        if keep(&formation) {
            out.push(formation);
        }
    }
}

/// A formation with power to add (the filter of the reinforcement groups).
fn has_power(formation: &Formation) -> bool {
    formation.combat_power > 0.0
}

/// `brigades` heavy US brigades from North America, ready in Europe evenly between the surge's
/// first and last day after the order, then moving to the theatre by rail or sea.
fn us_surge(out: &mut Vec<Formation>, value: &ParamValues, brigades: f64) {
    let battalions = value[Param::CampaignBattalionsPerBrigade];
    let (first, last) = (value[Param::CampaignUsSurgeFirstDays], value[Param::CampaignUsSurgeLastDays]);
    let surface = Transit::Surface {
        distance_km: value[Param::CampaignSurfaceKm],
        speed_km_per_hour: value[Param::CampaignSurfaceSpeedKmPerHour],
        loading_hours: value[Param::CampaignLoadingHours],
    };
    let make = |idx: usize, n: usize| {
        let step = if n > 1 { (last - first).max(0.0) / (n - 1) as f64 } else { 0.0 };
        Formation {
            combat_power: battalions,
            ready_hours: 24.0 * (first + step * idx as f64),
            transit: surface,
        }
    };
    spread_into(out, brigades, make, has_power);
}

/// `brigades` reinforcing brigades, each a heavy part by surface and a light part by air.
fn reinforcements(out: &mut Vec<Formation>, value: &ParamValues, brigades: f64, heavy_share: f64) {
    let battalions = value[Param::CampaignBattalionsPerBrigade];
    let (first, last) = (value[Param::CampaignReadinessFirstDays], value[Param::CampaignReadinessLastDays]);
    let surface = Transit::Surface {
        distance_km: value[Param::CampaignSurfaceKm],
        speed_km_per_hour: value[Param::CampaignSurfaceSpeedKmPerHour],
        loading_hours: value[Param::CampaignLoadingHours],
    };
    let ready_hours = |idx: usize, n: usize| {
        let step = if n > 1 { (last - first) / (n - 1) as f64 } else { 0.0 };
        24.0 * (first + step * idx as f64)
    };
    let heavy = |idx, n| Formation {
        combat_power: battalions * heavy_share,
        ready_hours: ready_hours(idx, n),
        transit: surface,
    };
    spread_into(out, brigades, heavy, has_power);
    let light = |idx, n| Formation {
        combat_power: battalions * (1.0 - heavy_share) * value[Param::CampaignLightBnPower],
        ready_hours: ready_hours(idx, n),
        transit: Transit::Air { lift: value[Param::CampaignBrigadeAirliftLoads] * (1.0 - heavy_share) },
    };
    spread_into(out, brigades, light, has_power);
}

#[cfg(test)]
mod tests;
