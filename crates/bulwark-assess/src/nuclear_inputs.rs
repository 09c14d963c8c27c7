//! Resolve for the nuclear model: warhead counts, patrols, ICAN costs and
//! populations from the dataset, judgement parameters `nuclear_*` from the scenario, the US
//! nuclear posture from `[us_posture]`; then the model, the package search under the
//! scenario's budget and year, and its ensemble ([`simulate_nuclear`]).
//!
//! Per state, the deployed warheads of each leg come from the dataset's per-leg rows where it
//! has them (the US), otherwise from the state's total split by `nuclear_share_<leg>_<state>`
//! (the last leg takes the rest). Stored warheads are the dataset's `stored_warheads`, or the
//! stockpile less the deployed. Non-strategic warheads: the US B61s in Europe (the `nonstrategic`
//! row); Russia's stored warheads × `nuclear_rus_nonstrategic_share_of_stored`; none for the UK
//! and France, which declare no non-strategic weapons.
//!
//! **New START.** The treaty expired on 5 February 2026. `nuclear_new_start_expired` (1 =
//! expired, 0 = its limits still kept) switches on the uploads `nuclear_upload_<rus|usa>_warheads`:
//! warheads added to the ICBM and SSBN legs of Russia and the US in proportion to what those
//! legs carry (`deployed × (1 + s × upload / (ICBM + SSBN))`).
//!
//! **Resolve.** Each patron's value `V_P` is its population (dataset) in millions ×
//! `nuclear_value_warheads_per_million_people`; its stake, missile defence and the reach of the
//! adversary's non-strategic warheads are `nuclear_stake_<part>_<state>`,
//! `nuclear_missile_defence_<state>` and `nuclear_nonstrategic_reach_<state>`. Elections come
//! from `nuclear_election_first_year_<state>`, `nuclear_election_interval_<state>` and
//! `nuclear_reversal_<state>` (the chance one election withdraws the commitment).

mod figures;
mod options;
mod simulate;

use bulwark_core::Iso3;
use bulwark_data::{CostFigure, Dataset, Unit};
use bulwark_models::nuclear::options::OptionWeights;
use bulwark_models::nuclear::packages::Limits;
use bulwark_models::nuclear::{
    self, DeterrenceParams, Elections, Exposure, Force, Leg, LegForce, NuclearInputs, NuclearOutcome, Patron,
    Stake, StakeWeights,
};
use bulwark_scenario::{Param, ParamValues, Scenario};

use crate::money;

pub use figures::{ReaderFigures, SourcedFigure};
pub use options::OptionReason;
pub use simulate::{nuclear_metric_names, nuclear_ranges, simulate_nuclear, CURVE_YEARS};

/// The adversary of the balance.
pub const ADVERSARY: &str = "RUS";
/// The patron whose posture the scenario's `[us_posture] nuclear` sets.
pub const US: &str = "USA";
/// The year the curve and the election calendars start: the dataset's date (baseline
/// 2026-01), the year after the price base year.
pub const START_YEAR: u16 = money::PRICE_BASE_YEAR + 1;
/// How many of the best packages the assessment reports.
pub const TOP_PACKAGES: usize = 3;

/// States in the balance and their strategic legs; the last leg of a split takes the rest.
const STATE_LEGS: &[(&str, &[Leg])] = &[
    ("USA", &[Leg::Ssbn, Leg::Icbm, Leg::Air]),
    ("RUS", &[Leg::Icbm, Leg::Ssbn, Leg::Air]),
    ("GBR", &[Leg::Ssbn]),
    ("FRA", &[Leg::Ssbn, Leg::Air]),
];

/// The patrons of the European protégés.
pub const PATRONS: &[&str] = &["USA", "GBR", "FRA"];

/// One state's sourced warhead counts, as the dataset gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct StateFigures {
    /// ISO 3166 alpha-3.
    pub state: String,
    /// Deployed warheads (`all` row), strategic and non-strategic.
    pub deployed_warheads: Option<f64>,
    /// Military stockpile.
    pub stockpile_warheads: Option<f64>,
    /// SSBNs, and those always on patrol.
    pub boats: Option<f64>,
    /// SSBNs always on patrol.
    pub boats_on_patrol: Option<f64>,
    /// Source ids of the rows used.
    pub sources: Vec<String>,
}

/// A sourced yearly cost of a nuclear force.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearCost {
    /// ISO 3166 alpha-3.
    pub state: String,
    /// The figure, USD bn of its year.
    pub usd_bn: f64,
    /// Its year.
    pub year: u16,
    /// Converted, EUR bn at 2025 prices.
    pub eur_bn: f64,
    /// Source id.
    pub source: String,
}

/// New START as the scenario sets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NewStart {
    /// 1 = expired (limits lapse), 0 = limits kept; in between, the share of the uploads.
    pub expired: f64,
    /// Warheads Russia uploads once the limits lapse.
    pub upload_rus_warheads: f64,
    /// Warheads the US uploads once the limits lapse.
    pub upload_usa_warheads: f64,
}

/// The pooled European option's treaty settings (the report spells out the questions).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PooledForce {
    /// Share of the UK and French survivable warheads assigned to the joint force.
    pub warhead_share: f64,
    /// Whether release would be joint (non-nuclear states sharing control: outside NPT
    /// Articles I and II) rather than kept by France and the UK.
    pub joint_release: bool,
    /// Population behind the joint force (EU members and the UK in the dataset), millions.
    pub population_m: f64,
}

/// The nuclear model's inputs, outcome and the sourced figures behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearAssessment {
    /// The scenario's US nuclear posture, 0 to 1.
    pub us_posture: f64,
    /// Sourced counts per state.
    pub states: Vec<StateFigures>,
    /// Sourced yearly costs (latest year per state).
    pub costs: Vec<NuclearCost>,
    /// US warheads forward-based in Europe.
    pub forward_based_warheads: Option<f64>,
    /// The figures readers know, each with its sources.
    pub figures: ReaderFigures,
    /// New START as the scenario sets it.
    pub new_start: NewStart,
    /// The pooled European option's settings.
    pub pooled: PooledForce,
    /// The model's inputs (with the scenario's US posture).
    pub inputs: NuclearInputs,
    /// The option list as given to the model, with the reasoning behind each (by id).
    pub option_reasons: Vec<(String, OptionReason)>,
    /// The weights of the ranking.
    pub weights: OptionWeights,
    /// The scenario's budget and year for packages (with `years` counted from [`START_YEAR`]).
    pub limits: Limits,
    /// The year by which a package must be in place.
    pub package_by_year: f64,
    /// The model's outcome.
    pub outcome: NuclearOutcome,
    /// Credibility over the scenario's uncertainties ([`RANGE_RUNS`] runs of the ensemble of
    /// [`simulate_nuclear`]); `None` in an ensemble's own runs or when the draws fail.
    pub ranges: Option<NuclearRanges>,
}

/// Credibility and the axis score over the scenario's uncertainties: p5–p95 of the runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NuclearRanges {
    /// Runs made.
    pub n_runs: u64,
    /// Credibility with the scenario's US posture.
    pub credibility: crate::Spread,
    /// Credibility without the US.
    pub credibility_without_us: crate::Spread,
    /// The axis score of Europe alone: credibility without the US relative to the US umbrella
    /// as today, in the same run.
    pub score_without_us: crate::Spread,
    /// Credibility without the US of the central assessment's best package, recomposed with
    /// each run's parameters; `None` when the search found no package.
    pub best_package_credibility: Option<crate::Spread>,
}

/// Runs the nuclear model on the scenario's central parameter values, with the package search.
pub fn assess_nuclear(dataset: &Dataset, scenario: &Scenario) -> Result<NuclearAssessment, String> {
    let mut assessment = assess_with(dataset, scenario, &ParamValues::central(scenario), true)?;
    let best =
        assessment.outcome.packages.as_ref().and_then(|s| s.best.first()).map(|p| p.option_ids.clone());
    assessment.ranges = simulate::nuclear_ranges(dataset, scenario, RANGE_RUNS, best.as_deref());
    Ok(assessment)
}

/// Runs behind [`NuclearAssessment::ranges`]: each run costs about a quarter of a millisecond,
/// and 500 put p5 and p95 on 25 runs each.
pub const RANGE_RUNS: u64 = 500;

/// The axis score: a credibility relative to the US umbrella as today, 0 to 1.
pub fn relative_credibility(credibility: f64, us_as_today: f64) -> f64 {
    if us_as_today > 0.0 {
        (credibility / us_as_today).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The nuclear model's judgement parameters: single ones by their catalogue [`Param`], the
/// per-state and per-leg families (`nuclear_alert_<leg>_<state>`, …) by the name composed from
/// the state and leg, which must be in the catalogue.
struct NuclearParams<'a> {
    values: &'a ParamValues,
}

impl NuclearParams<'_> {
    fn get(&self, param: Param) -> f64 {
        self.values[param]
    }

    /// A member of a family; a composed name outside the catalogue is an error naming it (a
    /// state or leg the catalogue does not declare), never a silent NaN.
    fn family(&self, name: &str) -> Result<f64, String> {
        Param::from_name(name)
            .map(|param| self.values[param])
            .ok_or_else(|| format!("the parameter catalogue has no `{name}`"))
    }
}

/// Runs the nuclear model with the parameter `values` (central, or one run's draws); `search`
/// runs the package search too.
pub fn assess_with(
    dataset: &Dataset,
    scenario: &Scenario,
    values: &ParamValues,
    search: bool,
) -> Result<NuclearAssessment, String> {
    let facts = Facts::from_dataset(dataset);
    let run = evaluate(dataset, scenario, values, search, &facts)?;
    let Evaluation {
        us_posture,
        new_start,
        pooled,
        inputs,
        option_reasons,
        weights,
        limits,
        package_by_year,
        outcome,
    } = run;
    Ok(NuclearAssessment {
        us_posture,
        states: STATE_LEGS.iter().map(|(state, _)| state_figures(dataset, state)).collect(),
        figures: figures::reader_figures(dataset, &facts.costs),
        costs: facts.costs,
        forward_based_warheads: figure(dataset, US, "air", "forward_based_warheads"),
        new_start,
        pooled,
        inputs,
        option_reasons,
        weights,
        limits,
        package_by_year,
        outcome,
        ranges: None,
    })
}

/// The dataset's figures the model reads that no parameter changes, looked up once for an
/// ensemble instead of once per run (each population is a scan of the country figures).
pub(crate) struct Facts {
    /// Each patron's population, millions (or why it is missing), in [`PATRONS`] order.
    patron_population_m: Vec<Result<f64, String>>,
    /// The EU members' and the UK's population, millions.
    europe_population_m: Result<f64, String>,
    /// The British and French costs.
    costs: Vec<NuclearCost>,
}

impl Facts {
    pub(crate) fn from_dataset(dataset: &Dataset) -> Facts {
        Facts {
            patron_population_m: PATRONS.iter().map(|state| population_m(dataset, &[state])).collect(),
            europe_population_m: population_m(dataset, &european_states(dataset)),
            costs: ["GBR", "FRA"].iter().filter_map(|state| cost(dataset, state)).collect(),
        }
    }
}

/// What one evaluation of the model gives, before the reader's figures are added.
pub(crate) struct Evaluation {
    pub(crate) us_posture: f64,
    pub(crate) new_start: NewStart,
    pub(crate) pooled: PooledForce,
    pub(crate) inputs: NuclearInputs,
    pub(crate) option_reasons: Vec<(String, OptionReason)>,
    pub(crate) weights: OptionWeights,
    pub(crate) limits: Limits,
    pub(crate) package_by_year: f64,
    pub(crate) outcome: NuclearOutcome,
}

/// The model on `values` with the dataset's fixed figures in `facts` (the same steps, in the
/// same order, as when every figure was looked up per call, so the same errors and bits).
pub(crate) fn evaluate(
    dataset: &Dataset,
    scenario: &Scenario,
    values: &ParamValues,
    search: bool,
    facts: &Facts,
) -> Result<Evaluation, String> {
    let params = &NuclearParams { values };
    let us_posture = scenario.us_posture.nuclear.value;
    let new_start = NewStart {
        expired: params.get(Param::NuclearNewStartExpired),
        upload_rus_warheads: params.get(Param::NuclearUploadRusWarheads),
        upload_usa_warheads: params.get(Param::NuclearUploadUsaWarheads),
    };
    let forces = STATE_LEGS
        .iter()
        .map(|(state, legs)| force(dataset, state, legs, &new_start, params))
        .collect::<Result<Vec<Force>, String>>()?;
    let patrons = PATRONS
        .iter()
        .zip(&facts.patron_population_m)
        .map(|(state, population_m)| {
            let population_m = population_m.clone()?;
            Ok(Patron {
                state: state.to_string(),
                commitment: params.family(&format!("nuclear_commitment_{}", lower(state)))?,
                posture: if *state == US { us_posture } else { 1.0 },
                elections: elections(&lower(state), params)?,
                presence: params.family(&format!("nuclear_presence_{}", lower(state)))?,
                survivable_warheads: None,
                exposure: Some(exposure(&lower(state), population_m, params)?),
            })
        })
        .collect::<Result<Vec<Patron>, String>>()?;
    let inputs = NuclearInputs {
        forces,
        adversary: ADVERSARY.to_string(),
        patrons,
        params: DeterrenceParams {
            unacceptable_damage_warheads: params.get(Param::NuclearUnacceptableDamageWarheads),
            stake_weights: StakeWeights {
                treaty: params.get(Param::NuclearStakeWeightTreaty),
                forces: params.get(Param::NuclearStakeWeightForces),
                proximity: params.get(Param::NuclearStakeWeightProximity),
            },
            resolve_stake_factor: params.get(Param::NuclearResolveStakeFactor),
            start_year: START_YEAR,
            horizon_years: params.get(Param::NuclearHorizonYears),
        },
    };
    let costs = &facts.costs;
    let pooled = PooledForce {
        warhead_share: params.get(Param::NuclearOptEuropeanPooledWarheadShare),
        joint_release: params.get(Param::NuclearOptEuropeanPooledJointRelease) >= 0.5,
        population_m: facts.europe_population_m.clone()?,
    };
    let (options, option_reasons) = options::option_list(&inputs, costs, us_posture, &pooled, params)?;
    let weights = OptionWeights {
        credibility: params.get(Param::NuclearWeightCredibility),
        cost: params.get(Param::NuclearWeightCost),
        years: params.get(Param::NuclearWeightYears),
        escalation: params.get(Param::NuclearWeightEscalation),
        npt_breach: params.get(Param::NuclearWeightNpt),
    };
    let package_by_year = params.get(Param::NuclearPackageByYear);
    let limits = Limits {
        budget_eur_bn: params.get(Param::NuclearPackageBudgetEurBn),
        years: package_by_year - f64::from(START_YEAR),
        top: TOP_PACKAGES,
        npt_only: params.get(Param::NuclearPackageNptOnly) >= 0.5,
    };
    let outcome = nuclear::assess(&inputs, US, &options, &weights, search.then_some(&limits))
        .map_err(|e| e.to_string())?;
    Ok(Evaluation {
        us_posture,
        new_start,
        pooled,
        inputs,
        option_reasons,
        weights,
        limits,
        package_by_year,
        outcome,
    })
}

fn lower(state: &str) -> String {
    state.to_ascii_lowercase()
}

/// A patron's election calendar from `nuclear_election_first_year_<key>`,
/// `nuclear_election_interval_<key>` and `nuclear_reversal_<key>`.
fn elections(key: &str, params: &NuclearParams<'_>) -> Result<Elections, String> {
    Ok(Elections {
        first_year: params.family(&format!("nuclear_election_first_year_{key}"))?,
        interval_years: params.family(&format!("nuclear_election_interval_{key}"))?,
        withdrawal_probability: params.family(&format!("nuclear_reversal_{key}"))?,
    })
}

/// A patron's exposure from `nuclear_stake_*_<key>`, `nuclear_missile_defence_<key>`,
/// `nuclear_nonstrategic_reach_<key>` and its population.
fn exposure(key: &str, population_m: f64, params: &NuclearParams<'_>) -> Result<Exposure, String> {
    Ok(Exposure {
        stake: Stake {
            treaty: params.family(&format!("nuclear_stake_treaty_{key}"))?,
            forces: params.family(&format!("nuclear_stake_forces_{key}"))?,
            proximity: params.family(&format!("nuclear_stake_proximity_{key}"))?,
        },
        missile_defence: params.family(&format!("nuclear_missile_defence_{key}"))?,
        nonstrategic_reach: params.family(&format!("nuclear_nonstrategic_reach_{key}"))?,
        value_warheads: population_m * params.get(Param::NuclearValueWarheadsPerMillionPeople),
    })
}

/// EU members and the UK, in dataset order.
fn european_states(dataset: &Dataset) -> Vec<&str> {
    dataset
        .countries
        .iter()
        .filter(|c| c.memberships.iter().any(|m| m == "EU") || c.iso3.as_str() == "GBR")
        .map(|c| c.iso3.as_str())
        .collect()
}

/// The latest population of `states` in the dataset, millions (an error names a state without
/// one only when none of them has a figure).
fn population_m(dataset: &Dataset, states: &[&str]) -> Result<f64, String> {
    let mut total = 0.0;
    let mut found = false;
    for state in states {
        let latest = dataset
            .country_figures
            .iter()
            .filter(|f| f.iso3.as_str() == *state && f.figure == "population")
            .max_by_key(|f| f.provenance.year);
        if let Some(f) = latest {
            total += f.value / 1e6;
            found = true;
        }
    }
    if found {
        Ok(total)
    } else {
        Err(format!("country_figures.csv has no population for {}", states.join(", ")))
    }
}

fn row<'a>(
    dataset: &'a Dataset,
    state: &str,
    leg: &str,
    name: &str,
) -> Option<&'a bulwark_data::NuclearFigure> {
    let state = Iso3::parse(state)?;
    // The latest year wins when a figure has several (the ICAN costs).
    dataset
        .nuclear
        .iter()
        .filter(|n| n.state == state && n.leg == leg && n.figure == name)
        .max_by_key(|n| n.provenance.year)
}

fn figure(dataset: &Dataset, state: &str, leg: &str, name: &str) -> Option<f64> {
    row(dataset, state, leg, name).map(|n| n.value)
}

fn state_figures(dataset: &Dataset, state: &str) -> StateFigures {
    let names = ["deployed_warheads", "stockpile_warheads"];
    let mut sources: Vec<String> = names
        .iter()
        .filter_map(|n| row(dataset, state, "all", n))
        .map(|n| n.provenance.source.clone())
        .collect();
    sources.dedup();
    StateFigures {
        state: state.to_string(),
        deployed_warheads: figure(dataset, state, "all", "deployed_warheads"),
        stockpile_warheads: figure(dataset, state, "all", "stockpile_warheads"),
        boats: figure(dataset, state, "ssbn", "boats"),
        boats_on_patrol: figure(dataset, state, "ssbn", "boats_on_patrol"),
        sources,
    }
}

/// One state's force from the dataset and the split, alert and survival parameters, with New
/// START's uploads for Russia and the US.
fn force(
    dataset: &Dataset,
    state: &str,
    legs: &[Leg],
    new_start: &NewStart,
    params: &NuclearParams<'_>,
) -> Result<Force, String> {
    let total = figure(dataset, state, "all", "deployed_warheads")
        .ok_or_else(|| format!("nuclear.csv has no deployed_warheads for {state}"))?;
    let has_leg_rows =
        legs.iter().any(|leg| figure(dataset, state, leg.label(), "deployed_warheads").is_some());
    let mut remaining = total;
    let mut leg_forces = Vec::new();
    for (idx, leg) in legs.iter().enumerate() {
        let deployed_warheads = if has_leg_rows {
            figure(dataset, state, leg.label(), "deployed_warheads").unwrap_or(0.0)
        } else if idx + 1 == legs.len() {
            remaining.max(0.0)
        } else {
            total * params.family(&format!("nuclear_share_{}_{}", leg.label(), lower(state)))?
        };
        remaining -= deployed_warheads;
        leg_forces.push(LegForce {
            leg: *leg,
            deployed_warheads,
            alert_fraction: params.family(&format!("nuclear_alert_{}_{}", leg.label(), lower(state)))?,
            survival_probability: params.family(&format!("nuclear_survival_{}", leg.label()))?,
        });
    }
    let upload = match state {
        ADVERSARY => new_start.expired * new_start.upload_rus_warheads,
        US => new_start.expired * new_start.upload_usa_warheads,
        _ => 0.0,
    };
    upload_missiles(&mut leg_forces, upload);
    let stockpile = figure(dataset, state, "all", "stockpile_warheads");
    let stored_warheads = figure(dataset, state, "all", "stored_warheads")
        .or_else(|| stockpile.map(|s| (s - total).max(0.0)))
        .unwrap_or(0.0);
    let nonstrategic_warheads = if state == ADVERSARY {
        stored_warheads * params.get(Param::NuclearRusNonstrategicShareOfStored)
    } else {
        figure(dataset, state, "nonstrategic", "deployed_warheads").unwrap_or(0.0)
    };
    Ok(Force { state: state.to_string(), legs: leg_forces, stored_warheads, nonstrategic_warheads })
}

/// Adds `upload` warheads to the ICBM and SSBN legs in proportion to what they carry (the
/// missiles with spare places once New START's limits lapse; bombers are not limited by warhead).
fn upload_missiles(legs: &mut [LegForce], upload: f64) {
    let missiles = |leg: &LegForce| matches!(leg.leg, Leg::Icbm | Leg::Ssbn);
    let carried: f64 = legs.iter().filter(|l| missiles(l)).map(|l| l.deployed_warheads).sum();
    // A NaN upload (a missing parameter) passes through so that the model refuses it by name.
    if carried <= 0.0 || upload == 0.0 {
        return;
    }
    for leg in legs.iter_mut().filter(|l| missiles(l)) {
        leg.deployed_warheads *= 1.0 + upload / carried;
    }
}

/// The latest ICAN cost of `state`, converted to EUR bn at 2025 prices.
fn cost(dataset: &Dataset, state: &str) -> Option<NuclearCost> {
    let row = row(dataset, state, "all", "annual_cost_usd_bn")?;
    let as_cost = CostFigure {
        line: "nuclear".into(),
        system: format!("{state} nuclear forces"),
        figure: "annual_cost",
        value: row.value * 1000.0,
        unit: Unit::UsdM,
        provenance: row.provenance.clone(),
    };
    let converted = money::unit_cost_eur_m(dataset, &as_cost)?;
    Some(NuclearCost {
        state: state.to_string(),
        usd_bn: row.value,
        year: row.provenance.year,
        eur_bn: converted.eur_m / 1000.0,
        source: row.provenance.source.clone(),
    })
}

#[cfg(test)]
mod tests;
