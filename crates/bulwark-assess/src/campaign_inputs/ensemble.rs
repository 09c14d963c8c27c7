//! The campaign ensemble: every uncertain `campaign_*` and `threat_*` parameter drawn per run
//! from the scenario's distributions (Monte Carlo, run `i` from the stream of `(seed, i)`),
//! then the alliance's decision from the same stream, the model run, and four metrics
//! summarised exactly (so that thread counts and shard splits give the same bytes).
//!
//! Metrics: `hours_to_objective` (integer hours rounded up; `horizon + 1` codes "held", a
//! censored value the summary counts apart from the hours),
//! `held` (1 when Red is short of the objective at the horizon), `blue_losses` and
//! `red_losses` (battalion equivalents). The clock (`campaign_step_hours`,
//! `campaign_horizon_days`), the year (`campaign_year`) and the reporting settings
//! (`campaign_hold_day`, `campaign_hold_confidence`) are not drawn: they take their central
//! values.

use bulwark_data::Dataset;
use bulwark_ensemble::{unit_open, EnsembleSummary, Hooks, MetricSpec, RunOutcome, RunPlan, Sampler};
use bulwark_models::campaign::{CampaignEnd, CampaignInputs, CampaignOutcome};
use bulwark_scenario::{Kind, Model, Param, ParamValues, Scenario};

use crate::resolve::{CampaignLanes, ParamDraws};

use super::shared_draws::{SharedDraws, SharedLanes};
use super::{build_inputs, clock, CampaignBase, Growth, RunContext, UsShares};
use crate::decision_inputs::ResponseModel;

/// Runs of each of the with-US and without-US ensembles in the assessment.
pub const CAMPAIGN_RUNS: u64 = 2000;

/// Runs of each year's ensemble in the assessment's year-by-year curve.
pub const YEAR_RUNS: u64 = 300;

/// Runs of each ensemble that tries a lever in a year of the window.
pub const LEVER_RUNS: u64 = 100;

/// The horizon in whole hours, rounded up (the "held" code is one more).
pub(crate) fn horizon_hours(scenario: &Scenario) -> i64 {
    horizon_hours_of(&ParamValues::central(scenario))
}

/// [`horizon_hours`] from the scenario's central values (the clock is never drawn).
fn horizon_hours_of(central: &ParamValues) -> i64 {
    let hours = clock(central).horizon_hours;
    if hours.is_finite() && hours > 0.0 {
        hours.ceil().min(1e7) as i64
    } else {
        0
    }
}

/// The four metrics, for a horizon of `horizon_hours` (an error when it is too long to bin).
pub fn campaign_metrics(horizon_hours: i64) -> Result<[MetricSpec; 4], String> {
    let text = |err: bulwark_ensemble::EnsembleError| err.to_string();
    Ok([
        MetricSpec::integer("hours_to_objective", 0, horizon_hours + 1)
            .and_then(|spec| spec.with_horizon(horizon_hours))
            .map_err(text)?,
        MetricSpec::integer("held", 0, 1).map_err(text)?,
        MetricSpec::continuous("blue_losses").map_err(text)?,
        MetricSpec::continuous("red_losses").map_err(text)?,
    ])
}

/// The `bulwark simulate baltic` ensemble: the scenario as given (its US posture), Europe's
/// forces of `campaign_year` (today's plus what its funded build-up has delivered by then, as
/// in the assessment) and Russia's force that year.
pub fn simulate_campaign(
    dataset: &Dataset,
    scenario: &Scenario,
    plan: &RunPlan,
    hooks: Hooks<'_>,
) -> Result<EnsembleSummary, String> {
    let base = CampaignBase::from_dataset(dataset, scenario);
    let response = ResponseModel::new(dataset, scenario)?;
    let year = campaign_year(scenario);
    let growth = super::growth_in(&super::europe_growth(dataset, scenario), year);
    let configuration = Configuration { us: UsShares::of(scenario), growth: &growth, year };
    run_configuration(&base, &response, scenario, configuration, plan, hooks, None)
}

/// The scenario's `campaign_year`, rounded to a whole year (0 when unset: then no year's
/// trajectory matches and the earliest is used).
pub fn campaign_year(scenario: &Scenario) -> u16 {
    let year = scenario.value(Param::CampaignYear);
    if year.is_finite() {
        year.round().clamp(0.0, f64::from(u16::MAX)) as u16
    } else {
        0
    }
}

/// What one ensemble varies: the US posture, Europe's growth and the year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Configuration<'a> {
    pub(crate) us: UsShares,
    pub(crate) growth: &'a Growth,
    pub(crate) year: u16,
}

/// The campaign ensemble's draws: the catalogue's uncertainties of the campaign and of the
/// threat trajectory; its settings (clock, horizon, year, reporting) keep their central values.
pub(crate) fn campaign_draws(scenario: &Scenario, plan: &RunPlan) -> Result<ParamDraws, String> {
    let candidates = Param::ALL
        .iter()
        .copied()
        .filter(|p| p.kind() == Kind::Uncertain && matches!(p.model(), Model::Campaign | Model::Threat));
    ParamDraws::new(scenario, candidates, plan, Sampler::MonteCarlo).map_err(|e| e.to_string())
}

/// Where an ensemble's runs take their draws from.
enum Source<'a> {
    /// Recorded once for several ensembles, with the hours of the ensemble's enablers share.
    Recorded(&'a SharedDraws, &'a [f64]),
    /// Drawn in each run.
    Drawn(ParamDraws),
}

/// One ensemble of the campaign for a configuration; with `shared`, each run's draws are read
/// from it when it holds them (the same values, see [`SharedDraws`]).
pub(crate) fn run_configuration(
    base: &CampaignBase,
    response: &ResponseModel,
    scenario: &Scenario,
    configuration: Configuration<'_>,
    plan: &RunPlan,
    hooks: Hooks<'_>,
    shared: Option<&SharedDraws>,
) -> Result<EnsembleSummary, String> {
    let Configuration { us, growth, year } = configuration;
    let source = match shared.and_then(|shared| Some((shared, shared.hours_for(plan, us.enablers)?))) {
        Some((shared, hours)) => Source::Recorded(shared, hours),
        None => Source::Drawn(campaign_draws(scenario, plan)?),
    };
    // From the central values the draws hold: looking the whole catalogue up by name again
    // for each of the assessment's 250 ensembles was 1.6 % of its CPU.
    let horizon = horizon_hours_of(match &source {
        Source::Recorded(shared, _) => shared.central(),
        Source::Drawn(draws) => draws.central(),
    });
    let metrics = campaign_metrics(horizon)?;
    let build = |value: &ParamValues, response_hours: f64| -> Result<CampaignInputs, RunOutcome<4>> {
        let context = RunContext { year, response_hours };
        build_inputs(base, value, us, growth, context).map_err(|_| RunOutcome::Failed("invalid drawn inputs"))
    };
    let prepare =
        |value: &ParamValues, rng: &mut bulwark_ensemble::RunRng| -> Result<CampaignInputs, RunOutcome<4>> {
            // The US leads the decision with probability `us_posture.enablers`.
            let with_us = unit_open(rng) < us.enablers;
            build(value, response.draw_hours(rng, with_us))
        };
    let outcome = |outcome: &CampaignOutcome| -> RunOutcome<4> {
        if let CampaignEnd::Failed(reason) = outcome.end {
            return RunOutcome::Failed(reason);
        }
        let hours = outcome.hours_to_objective.map_or(horizon + 1, |h| (h.ceil() as i64).clamp(0, horizon));
        let held = if outcome.hours_to_objective.is_none() { 1.0 } else { 0.0 };
        RunOutcome::Completed([hours as f64, held, outcome.blue_losses, outcome.red_losses])
    };
    // Several runs advance side by side (bit for bit as one by one: `simulate_lanes`).
    let summary = match &source {
        Source::Recorded(shared, hours) => {
            let model = SharedLanes { shared, hours, prepare: build, outcome };
            bulwark_ensemble::run_ensemble(plan, &metrics, model, hooks)
        }
        Source::Drawn(draws) => {
            let model = CampaignLanes { draws, prepare, outcome };
            bulwark_ensemble::run_ensemble(plan, &metrics, model, hooks)
        }
    };
    summary.map_err(|err| err.to_string())
}
