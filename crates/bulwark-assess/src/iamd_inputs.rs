//! Resolves the dataset and the scenario into the inputs of the IAMD saturation model
//! (docs/design.md §4.5, `bulwark_models::iamd`), runs it with the scenario's US contribution and
//! without any, and runs it in the ensemble ([`simulate_iamd`]).
//!
//! Facts from the dataset: the coalition's long- and medium-range SAM fire units
//! (`sam_long_range_fire_units`, `sam_medium_range_fire_units`, scope `total`) × the
//! `availability_iamd` parameter, the US fire units in Europe (scope `europe`) × the scenario's
//! `us_posture.enablers`, and the adversary's production of missiles and drones
//! (`production.csv`, the latest figure of each item). Everything else is an `iamd_*`
//! judgement parameter of the scenario ([`iamd_parameters`]).
//!
//! Two tiers: the upper tier (long-range fire units and interceptors) engages ballistic and
//! cruise missiles; the lower tier (medium-range) engages cruise missiles and drones. US
//! interceptors join the upper tier's magazine.

use bulwark_core::Iso3;
use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, MetricSpec, RunOutcome, RunPlan, Sampler};
use bulwark_models::iamd::{
    self, Engagement, IamdInputs, IamdOutcome, IamdTotals, InterceptorType, ThreatClass,
};
use bulwark_models::ModelError;
use bulwark_scenario::{Model, Param, ParamValues, Scenario};

use crate::resolve::ParamDraws;
use crate::{CensoredSpread, Spread};

/// The parameters the IAMD model reads: its own and the availability of air-defence units
/// (those the scenario makes uncertain are drawn per run by [`simulate_iamd`]).
pub fn iamd_parameters() -> impl Iterator<Item = Param> {
    std::iter::once(Param::AvailabilityIamd).chain(Param::of_model(Model::Iamd))
}

/// Threat classes, in the order they are engaged each day, with the production items of
/// `production.csv` that feed them.
pub const THREAT_CLASSES: &[(&str, &[&str])] = &[
    ("ballistic", &["iskander_missiles"]),
    ("cruise", &["kalibr_missiles", "kh101_missiles"]),
    ("drones", &["shahed_geran_drones"]),
];

const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// One production figure used, with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductionUsed {
    /// Threat class fed.
    pub class: &'static str,
    /// Item (`iskander_missiles`).
    pub item: String,
    /// Items a day.
    pub per_day: f64,
    /// Year of the figure.
    pub year: u16,
    /// Source id.
    pub source: String,
}

/// The dataset's facts for the model, before any parameter is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdFacts {
    /// Coalition long-range SAM fire units (inventory), and how many members report one.
    pub upper_fire_units_europe: (f64, usize),
    /// Coalition medium-range SAM fire units (inventory), and how many members report one.
    pub lower_fire_units_europe: (f64, usize),
    /// US long-range fire units in Europe (scope `europe`), before the posture.
    pub upper_fire_units_us: f64,
    /// US medium-range fire units in Europe, before the posture.
    pub lower_fire_units_us: f64,
    /// The adversary's production per threat class, items a day (before the production share).
    pub production_per_day: [f64; 3],
    /// The figures behind `production_per_day`.
    pub production_used: Vec<ProductionUsed>,
    /// The scenario's US enablers posture (share that stays).
    pub us_enablers: f64,
}

/// Total leakers when one group of inputs is scaled.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// What was scaled (`Pk`, `interceptor stock`).
    pub input: &'static str,
    /// The factor (0.8, 1.2); probabilities are capped at 1.
    pub factor: f64,
    /// Total leakers with the scenario's US contribution.
    pub total_leaked: f64,
    /// Total leakers without the US.
    pub total_leaked_without_us: f64,
}

/// The IAMD model run on the scenario's central values.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdAssessment {
    /// The dataset facts used.
    pub facts: IamdFacts,
    /// Inputs with the scenario's US contribution.
    pub inputs: IamdInputs,
    /// Outcome with the scenario's US contribution.
    pub outcome: IamdOutcome,
    /// Inputs without any US fire units or interceptors.
    pub inputs_without_us: IamdInputs,
    /// Outcome without the US.
    pub outcome_without_us: IamdOutcome,
    /// Total leakers with Pk and interceptor stocks scaled by ± 20 %.
    pub sensitivity: Vec<Sensitivity>,
    /// The headline figures with their ranges, from the very ensemble of `bulwark simulate iamd`
    /// ([`ASSESS_RUNS`] runs on the scenario's seed); `None` when it could not run.
    pub ranges: Option<IamdRanges>,
}

/// Runs of the assessment's IAMD ensemble (the same as `simulate iamd --runs 2000`).
pub const ASSESS_RUNS: u64 = 2000;

/// The IAMD headline figures over the scenario's uncertainties.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdRanges {
    /// Runs in the ensemble.
    pub n_runs: u64,
    /// Share of all threats that leak, with the scenario's US contribution.
    pub leak_fraction: Spread,
    /// The same, Europe alone.
    pub leak_fraction_without_us: Spread,
    /// Day the upper tier's magazine runs out, with the US: the share of runs where it lasts
    /// the campaign, and the day over the runs where it does not.
    pub runs_out_day: CensoredSpread,
    /// The same, Europe alone.
    pub runs_out_day_without_us: CensoredSpread,
}

/// Reads the dataset's facts for the model.
pub fn facts(dataset: &Dataset, scenario: &Scenario) -> IamdFacts {
    let members = &scenario.coalition.value.members;
    let coalition_total = |line: &str| -> (f64, usize) {
        let figures: Vec<f64> = members
            .iter()
            .filter_map(|iso3| dataset.holding(*iso3, "total", line))
            .map(|h| h.quantity)
            .collect();
        (figures.iter().sum(), figures.len())
    };
    let usa = Iso3::parse("USA").filter(|_| !members.iter().any(|m| m.as_str() == "USA"));
    let us_europe =
        |line: &str| usa.and_then(|usa| dataset.holding(usa, "europe", line)).map_or(0.0, |h| h.quantity);
    let adversary = scenario.ledger.adversary.value;
    let mut production_per_day = [0.0; 3];
    let mut production_used = Vec::new();
    for (class_idx, (class, items)) in THREAT_CLASSES.iter().enumerate() {
        for item in *items {
            // The latest figure of the item (the first listed among equals).
            let latest = dataset.production.iter().filter(|p| p.iso3 == adversary && p.item == *item).fold(
                None,
                |best: Option<&bulwark_data::ProductionFigure>, p| match best {
                    Some(b) if b.provenance.year >= p.provenance.year => Some(b),
                    _ => Some(p),
                },
            );
            if let Some(figure) = latest {
                let per_day = figure.per_year() / 365.25;
                production_per_day[class_idx] += per_day;
                production_used.push(ProductionUsed {
                    class,
                    item: figure.item.clone(),
                    per_day,
                    year: figure.provenance.year,
                    source: figure.provenance.source.clone(),
                });
            }
        }
    }
    IamdFacts {
        upper_fire_units_europe: coalition_total("sam_long_range_fire_units"),
        lower_fire_units_europe: coalition_total("sam_medium_range_fire_units"),
        upper_fire_units_us: us_europe("sam_long_range_fire_units"),
        lower_fire_units_us: us_europe("sam_medium_range_fire_units"),
        production_per_day,
        production_used,
        us_enablers: scenario.us_posture.enablers.value,
    }
}

/// The model's inputs from the facts and parameter values; `us_share` scales every US fire unit
/// and interceptor (the posture, or 0 for "without the US"). Availability applies to US and
/// European fire units alike: a US battery is no readier than a European one.
pub fn inputs(facts: &IamdFacts, value: &ParamValues, us_share: f64) -> IamdInputs {
    let availability = value[Param::AvailabilityIamd];
    let share = value[Param::IamdThreatProductionShare];
    let threat = |idx: usize, stock: Param, launches_per_day: Param| ThreatClass {
        name: THREAT_CLASSES[idx].0.to_string(),
        stock: value[stock],
        production_per_day: facts.production_per_day[idx] * share,
        launches_per_day: value[launches_per_day],
    };
    let engagement = |pk: Param, shots: Param| {
        Some(Engagement { pk: value[pk], shots_per_target: shots_of(value[shots]) })
    };
    let upper = InterceptorType {
        name: "upper tier (long-range)".to_string(),
        stock: value[Param::IamdUpperInterceptorStock] + us_share * value[Param::IamdUsUpperInterceptorStock],
        production_per_day: (value[Param::IamdUpperProductionPerMonth]
            + us_share * value[Param::IamdUsUpperProductionPerMonth])
            / DAYS_PER_MONTH,
        fire_units: (facts.upper_fire_units_europe.0 + us_share * facts.upper_fire_units_us) * availability,
        area_per_fire_unit_km2: value[Param::IamdUpperAreaPerFireUnitKm2],
        engagements: vec![
            engagement(Param::IamdUpperPkBallistic, Param::IamdUpperShotsBallistic),
            engagement(Param::IamdUpperPkCruise, Param::IamdUpperShotsCruise),
            None,
        ],
    };
    let lower = InterceptorType {
        name: "lower tier (medium-range)".to_string(),
        stock: value[Param::IamdLowerInterceptorStock],
        production_per_day: value[Param::IamdLowerProductionPerMonth] / DAYS_PER_MONTH,
        fire_units: (facts.lower_fire_units_europe.0 + us_share * facts.lower_fire_units_us) * availability,
        area_per_fire_unit_km2: value[Param::IamdLowerAreaPerFireUnitKm2],
        engagements: vec![
            None,
            engagement(Param::IamdLowerPkCruise, Param::IamdLowerShotsCruise),
            engagement(Param::IamdLowerPkDrone, Param::IamdLowerShotsDrone),
        ],
    };
    IamdInputs {
        days: days_of(value[Param::IamdCampaignDays]),
        area_to_defend_km2: value[Param::IamdAreaToDefendKm2],
        threats: vec![
            threat(0, Param::IamdBallisticStock, Param::IamdBallisticLaunchesPerDay),
            threat(1, Param::IamdCruiseStock, Param::IamdCruiseLaunchesPerDay),
            threat(2, Param::IamdDroneStock, Param::IamdDroneLaunchesPerDay),
        ],
        interceptors: vec![upper, lower],
    }
}

/// Shots per target are whole interceptors: a drawn value is rounded, and at least 1.
fn shots_of(value: f64) -> u32 {
    if value.is_finite() {
        value.round().clamp(1.0, 100.0) as u32
    } else {
        0 // refused by the model's validation, which names the parameter
    }
}

/// Campaign days are whole days: rounded, at least 1 (0 when not finite, refused by the model).
fn days_of(value: f64) -> u32 {
    if value.is_finite() {
        value.round().clamp(1.0, 36_500.0) as u32
    } else {
        0
    }
}

/// Runs the model on the scenario's central values, with and without the US, and the ± 20 %
/// sensitivities.
pub fn assess_iamd(dataset: &Dataset, scenario: &Scenario) -> Result<IamdAssessment, ModelError> {
    let facts = facts(dataset, scenario);
    let central = ParamValues::central(scenario);
    let inputs = inputs(&facts, &central, facts.us_enablers);
    let inputs_without_us = self::inputs(&facts, &central, 0.0);
    let outcome = iamd::run(&inputs)?;
    let outcome_without_us = iamd::run(&inputs_without_us)?;
    let mut sensitivity = Vec::new();
    for (input, scale) in [("Pk", scale_pk as fn(&mut IamdInputs, f64)), ("interceptor stock", scale_stock)] {
        for factor in [0.8, 1.2] {
            let leaked = |base: &IamdInputs| -> Result<f64, ModelError> {
                let mut scaled = base.clone();
                scale(&mut scaled, factor);
                Ok(iamd::run(&scaled)?.total_leaked())
            };
            sensitivity.push(Sensitivity {
                input,
                factor,
                total_leaked: leaked(&inputs)?,
                total_leaked_without_us: leaked(&inputs_without_us)?,
            });
        }
    }
    let ranges = assess_ranges(dataset, scenario);
    Ok(IamdAssessment { facts, inputs, outcome, inputs_without_us, outcome_without_us, sensitivity, ranges })
}

fn assess_ranges(dataset: &Dataset, scenario: &Scenario) -> Option<IamdRanges> {
    let plan = RunPlan::new(ASSESS_RUNS, scenario.seed.value).ok()?;
    let summary = simulate_iamd(dataset, scenario, &plan, Hooks::default()).ok()?;
    let metric = |name: &str| summary.metric(name).and_then(Spread::of_metric);
    let runs_out = |name: &str| summary.metric(name).and_then(CensoredSpread::of_metric);
    Some(IamdRanges {
        n_runs: ASSESS_RUNS,
        leak_fraction: metric("leak_fraction")?,
        leak_fraction_without_us: metric("leak_fraction_without_us")?,
        runs_out_day: runs_out("upper_tier_runs_out_day")?,
        runs_out_day_without_us: runs_out("upper_tier_runs_out_day_without_us")?,
    })
}

/// Scales every single-shot kill probability, capped at 1.
fn scale_pk(inputs: &mut IamdInputs, factor: f64) {
    for engagement in inputs.interceptors.iter_mut().flat_map(|t| t.engagements.iter_mut().flatten()) {
        engagement.pk = (engagement.pk * factor).min(1.0);
    }
}

/// Scales every interceptor stock at the start of the campaign.
fn scale_stock(inputs: &mut IamdInputs, factor: f64) {
    for interceptor in &mut inputs.interceptors {
        interceptor.stock *= factor;
    }
}

/// The metrics of [`simulate_iamd`], in the order of its run values.
pub fn iamd_metrics(max_days: i64) -> Result<[MetricSpec; 6], String> {
    let err = |e: bulwark_ensemble::EnsembleError| e.to_string();
    Ok([
        MetricSpec::continuous("total_leakers").map_err(err)?,
        MetricSpec::continuous("total_leakers_without_us").map_err(err)?,
        MetricSpec::continuous("leak_fraction").map_err(err)?,
        MetricSpec::continuous("leak_fraction_without_us").map_err(err)?,
        // `max_days + 1` codes "the magazine lasted": censored, counted apart from the days.
        MetricSpec::integer("upper_tier_runs_out_day", 1, max_days + 1)
            .and_then(|spec| spec.with_horizon(max_days))
            .map_err(err)?,
        MetricSpec::integer("upper_tier_runs_out_day_without_us", 1, max_days + 1)
            .and_then(|spec| spec.with_horizon(max_days))
            .map_err(err)?,
    ])
}

/// Runs the IAMD model over `plan`: every run draws the parameters of [`iamd_parameters`] from
/// the scenario's distributions (Latin hypercube over the whole ensemble, run `i` from the
/// stream of `(seed, i)`), and records total leakers and leak fractions with and without the US,
/// and the day the upper tier's magazine runs out (campaign days + 1 when it lasts).
pub fn simulate_iamd(
    dataset: &Dataset,
    scenario: &Scenario,
    plan: &RunPlan,
    hooks: Hooks<'_>,
) -> Result<EnsembleSummary, String> {
    let facts = facts(dataset, scenario);
    let max_days = scenario.param(Param::IamdCampaignDays).distribution.support().1;
    if !max_days.is_finite() || max_days > 36_500.0 {
        return Err(format!(
            "iamd_campaign_days must be bounded by 36500 days; its largest value is {max_days}"
        ));
    }
    let metrics = iamd_metrics(max_days.round() as i64)?;
    let draws = ParamDraws::new(scenario, iamd_parameters(), plan, Sampler::LatinHypercube)
        .map_err(|e| e.to_string())?;
    let lasted_code = max_days.round() + 1.0;
    let model = |run_idx: u64, rng: &mut bulwark_ensemble::RunRng| -> RunOutcome<6> {
        run_once(&facts, &draws.draw(run_idx, rng), lasted_code)
    };
    bulwark_ensemble::run_ensemble(plan, &metrics, model, hooks).map_err(|e| e.to_string())
}

/// One ensemble run: the model with and without the US. A magazine that lasts the run's
/// campaign gets `lasted_code` (the longest campaign plus one day), beyond the metrics' horizon
/// whatever the run's own campaign length, so that it is always counted as censored.
fn run_once(facts: &IamdFacts, value: &ParamValues, lasted_code: f64) -> RunOutcome<6> {
    // The totals only: the same figures as the full run's, without its daily series.
    let with_us = iamd::run_totals(&inputs(facts, value, facts.us_enablers));
    let without_us = iamd::run_totals(&inputs(facts, value, 0.0));
    let (Ok(with_us), Ok(without_us)) = (with_us, without_us) else {
        return RunOutcome::Failed("invalid input");
    };
    let runs_out = |totals: &IamdTotals| totals.exhausted_day[0].map_or(lasted_code, f64::from);
    RunOutcome::Completed([
        with_us.total_leaked,
        without_us.total_leaked,
        with_us.leak_fraction(),
        without_us.leak_fraction(),
        runs_out(&with_us),
        runs_out(&without_us),
    ])
}

#[cfg(test)]
mod tests;
