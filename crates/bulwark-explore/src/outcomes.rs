//! The outcomes a design explores: each model of the assessment as a function of a sampled
//! parameter vector, built on the assessment's own resolve paths (`campaign_inputs`,
//! `nuclear_inputs`, `iamd_inputs`), plus the test functions of [`crate::test_functions`].
//!
//! A [`Problem`] is one model, the parameters a design varies (each with the scenario's
//! distribution, through which a design's probabilities are mapped) and every outcome of that
//! model. Parameters not varied keep their central value. Names are checked when the problem
//! is built: an unknown outcome or parameter, a parameter the model does not read, or one
//! without a distribution is a [`ProblemError`] carrying the names a caller needs for a
//! did-you-mean, never a silent NaN.
//!
//! Parameter names come from the typed catalogue (`bulwark_scenario::Param`): which model reads
//! each, and whether it is an uncertainty or a setting of the run (never drawn); units and
//! distributions from the scenario.
//!
//! | model | parameters it reads | outcomes |
//! |---|---|---|
//! | `baltic` | the catalogue's campaign parameters (but `campaign_personnel_per_brigade`, read once with the dataset's brigades), `availability_land`, `availability_air` | see [`BALTIC_OUTCOMES`] |
//! | `nuclear` | the catalogue's nuclear parameters | see [`NUCLEAR_OUTCOMES`] |
//! | `iamd` | `bulwark_assess::iamd_inputs::iamd_parameters()` | see [`IAMD_OUTCOMES`] |
//! | `decision` | `bulwark_assess::decision_inputs::decision_parameters()` (the national decision times stay per-member draws) | see [`DECISION_OUTCOMES`] |
//! | `assessment` | the ledger's, budget's, closure's and force package's (`bulwark_assess::core_parameters()`) | see [`ASSESSMENT_OUTCOMES`] |
//! | `ishigami`, `gfunction` | `x1 … x3`, `x1 … x8` (uniform, fixed) | `y` |

use std::ops::Range;

use bulwark_assess::campaign_inputs::{build_inputs, CampaignBase, Growth, RunContext, UsShares};
use bulwark_assess::decision_inputs::ResponseModel;
use bulwark_assess::iamd_inputs::{self, IamdFacts};
use bulwark_core::Distribution;
use bulwark_data::Dataset;
use bulwark_ensemble::{Marginal, RunRng, Streams};
use bulwark_models::campaign::{
    simulate, simulate_lanes, CampaignEnd, CampaignInputs, CampaignOutcome, CampaignRuns, CAMPAIGN_LANES,
};
use bulwark_scenario::{Kind as ParamKind, Model, Param, ParamValues, Scenario};
use rayon::prelude::*;
use thiserror::Error;

use crate::design::{evaluate_rows, row_values, UnitDesign};
use crate::test_functions::{g_function, ishigami, G_COEFFICIENTS, ISHIGAMI_AB};

/// An outcome: name, unit and meaning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutcomeSpec {
    /// The name as `--outcome` spells it.
    pub name: &'static str,
    /// Its unit (`0/1` for an indicator).
    pub unit: &'static str,
    /// What it measures.
    pub meaning: &'static str,
}

impl OutcomeSpec {
    /// Whether the outcome is an indicator (0 or 1).
    pub fn is_indicator(&self) -> bool {
        self.unit == "0/1"
    }
}

const fn spec(name: &'static str, unit: &'static str, meaning: &'static str) -> OutcomeSpec {
    OutcomeSpec { name, unit, meaning }
}

/// Outcomes of the Baltic campaign (with the scenario's US posture). A run that holds to the
/// horizon codes `hours_to_objective` as the horizon plus one hour, as `bulwark simulate`.
pub const BALTIC_OUTCOMES: [OutcomeSpec; 8] = [
    spec("baltic.held", "0/1", "1 when Red is short of the objective at the horizon"),
    spec("baltic.hours_to_objective", "hours", "hours until Red reaches the objective (horizon + 1: held)"),
    spec("baltic.held_day_7", "0/1", "1 when the defence holds at least 7 days"),
    spec("baltic.held_day_14", "0/1", "1 when the defence holds at least 14 days"),
    spec("baltic.held_day_28", "0/1", "1 when the defence holds at least 28 days"),
    spec("baltic.held_day_60", "0/1", "1 when the defence holds at least 60 days"),
    spec("baltic.blue_losses", "battalions", "Blue losses, battalion equivalents"),
    spec("baltic.red_losses", "battalions", "Red losses, battalion equivalents"),
];

/// Outcomes of the nuclear model.
pub const NUCLEAR_OUTCOMES: [OutcomeSpec; 3] = [
    spec("nuclear.credibility", "fraction", "extended-deterrence credibility with the scenario's US posture"),
    spec("nuclear.credibility_without_us", "fraction", "extended-deterrence credibility without the US"),
    spec("nuclear.adversary_survivable_warheads", "warheads", "the adversary's survivable warheads"),
];

/// Outcomes of the IAMD saturation model.
pub const IAMD_OUTCOMES: [OutcomeSpec; 4] = [
    spec("iamd.leakers", "missiles", "total leakers over the campaign, with the scenario's US contribution"),
    spec("iamd.leakers_without_us", "missiles", "total leakers without US fire units or interceptors"),
    spec("iamd.leak_fraction", "fraction", "share of launches that leak, with the US"),
    spec("iamd.leak_fraction_without_us", "fraction", "share of launches that leak, without the US"),
];

/// Outcomes of the alliance decision-time model: one draw of every member's national decision
/// per run (from the run's stream), the order coming with the earlier of the North Atlantic
/// Council and the coalition of the willing, as in the assessment's headline.
pub const DECISION_OUTCOMES: [OutcomeSpec; 3] = [
    spec(
        "decision.in_time_with_us",
        "0/1",
        "1 when the alliance decides to act within decision_required_hours, the US leading",
    ),
    spec(
        "decision.in_time_without_us",
        "0/1",
        "1 when the alliance decides to act within decision_required_hours, Europeans alone",
    ),
    spec("decision.paralysed_without_us", "0/1", "1 when neither body ever decides, Europeans alone"),
];

/// Outcomes of the assessment's deterministic core (ledger, budget, cost and time to close), the
/// figures `bulwark assess` gives p5–p95 ranges for. The axis-1 score counts the IAMD model's
/// share of threats Europe alone stops at the scenario's central values.
pub const ASSESSMENT_OUTCOMES: [OutcomeSpec; 6] = [
    spec("assessment.strategic_assets_alone", "score", "axis 1 (strategic assets) score of Europe alone, 0 to 1"),
    spec("assessment.multi_domain_alone", "score", "axis 5 (multi-domain forces) score of Europe alone, 0 to 1"),
    spec("assessment.financial_alone", "score", "axis 3 (financial base) score of Europe alone, 0 to 1"),
    spec("assessment.procurement_eur_bn", "EUR bn", "procurement to close Europe's own costed gaps"),
    spec("assessment.horizon_cost_eur_bn", "EUR bn", "cost of closing the gaps over the horizon, operating costs included"),
    spec(
        "assessment.window_closes_year",
        "year",
        "year the last critical gap closes: the end of the window of vulnerability (horizon end + 1: still open)",
    ),
];

const TEST_OUTCOME: [OutcomeSpec; 1] = [spec("y", "1", "the test function's value")];

/// An outcome that is a time to an event which may not come within a horizon: a run without
/// the event is coded as a value above the horizon (the campaign's held runs, a gap still open
/// at the horizon's end). Such a value is right-censored, not a time to average.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Censoring {
    /// The horizon: a value above it codes "not within the horizon".
    pub horizon: f64,
    /// The model's outcome that is the share itself, where there is one (`baltic.held`).
    pub share_outcome: Option<&'static str>,
}

impl Censoring {
    /// Whether `value` codes "not within the horizon".
    pub fn is_beyond(&self, value: f64) -> bool {
        value > self.horizon
    }
}

/// The models a design can explore, by the prefix of their outcomes.
pub const MODELS: [&str; 7] =
    ["baltic", "nuclear", "iamd", "decision", "assessment", "ishigami", "gfunction"];

/// The models of a scenario (the others are test functions).
pub const SCENARIO_MODELS: [&str; 5] = ["baltic", "nuclear", "iamd", "decision", "assessment"];

/// The catalogue parameters `model` reads in each run (settings included: they are refused
/// by name when a design asks for them).
pub fn params_of(model: &str) -> Vec<Param> {
    match model {
        "baltic" => [Param::AvailabilityLand, Param::AvailabilityAir]
            .into_iter()
            .chain(Param::of_model(Model::Campaign).filter(|p| *p != Param::CampaignPersonnelPerBrigade))
            .collect(),
        "nuclear" => Param::of_model(Model::Nuclear).collect(),
        "iamd" => iamd_inputs::iamd_parameters().collect(),
        "decision" => bulwark_assess::decision_inputs::decision_parameters().collect(),
        "assessment" => bulwark_assess::core_parameters().collect(),
        _ => Vec::new(),
    }
}

/// The outcomes of `model`.
pub fn outcomes_of(model: &str) -> &'static [OutcomeSpec] {
    match model {
        "baltic" => &BALTIC_OUTCOMES,
        "nuclear" => &NUCLEAR_OUTCOMES,
        "iamd" => &IAMD_OUTCOMES,
        "decision" => &DECISION_OUTCOMES,
        "assessment" => &ASSESSMENT_OUTCOMES,
        _ => &TEST_OUTCOME,
    }
}

/// Every outcome of the scenario models, in [`MODELS`] order.
pub fn scenario_outcomes() -> impl Iterator<Item = &'static OutcomeSpec> {
    BALTIC_OUTCOMES
        .iter()
        .chain(&NUCLEAR_OUTCOMES)
        .chain(&IAMD_OUTCOMES)
        .chain(&DECISION_OUTCOMES)
        .chain(&ASSESSMENT_OUTCOMES)
}

/// A parameter a design varies.
#[derive(Clone, Debug, PartialEq)]
pub struct ExploreParameter {
    /// Its catalogue entry (none for a test function's inputs).
    pub param: Option<Param>,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its distribution in the scenario.
    pub distribution: Distribution,
    marginal: Marginal,
}

/// Which parameters to vary.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// Every parameter the model reads that has a distribution.
    AllUncertain,
    /// Those and the uncertain ones of these, read beyond [`params_of`] (the campaign's Red
    /// force comes from the threat trajectory's parameters, which the drivers' screen varies).
    AllUncertainWith(Vec<Param>),
    /// These, by name.
    Named(Vec<String>),
}

/// A name that does not fit.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ProblemError {
    /// No such outcome.
    #[error("unknown outcome `{given}`")]
    UnknownOutcome {
        /// The name given.
        given: String,
        /// The names that exist.
        known: Vec<String>,
    },
    /// No such scenario parameter.
    #[error("unknown parameter `{given}`")]
    UnknownParameter {
        /// The name given.
        given: String,
        /// The parameters the model reads.
        known: Vec<String>,
    },
    /// The parameter exists but the outcome's model does not read it.
    #[error("parameter `{given}` is not read by the `{model}` model")]
    NotRead {
        /// The name given.
        given: String,
        /// The model.
        model: &'static str,
        /// The parameters it reads.
        known: Vec<String>,
    },
    /// The parameter is a setting of the run or of the report, never drawn.
    #[error("parameter `{given}` is a setting of the run or of the report, not an uncertainty")]
    Setting {
        /// The name given.
        given: String,
    },
    /// The parameter has a single value in the scenario: a design cannot vary it.
    #[error("parameter `{given}` has a single value in the scenario; give it a distribution to explore it")]
    NotUncertain {
        /// The name given.
        given: String,
    },
    /// Nothing to vary.
    #[error("the `{model}` model reads no uncertain parameter in this scenario")]
    NoParameters {
        /// The model.
        model: &'static str,
    },
    /// A parameter is named twice.
    #[error("parameter `{given}` is named twice")]
    Duplicate {
        /// The name given.
        given: String,
    },
    /// The scenario's inputs of a model could not be resolved (the alliance decision model).
    #[error("{0}")]
    Model(String),
    /// A distribution cannot be drawn from.
    #[error(transparent)]
    Ensemble(#[from] bulwark_ensemble::EnsembleError),
}

/// What a model needs per run.
enum Kind<'a> {
    Ishigami,
    GFunction,
    Baltic {
        base: Box<CampaignBase>,
        response: Box<ResponseModel>,
        year: u16,
        central: ParamValues,
        us: UsShares,
        horizon_hours: f64,
    },
    Nuclear {
        dataset: &'a Dataset,
        scenario: &'a Scenario,
        central: ParamValues,
    },
    Iamd {
        facts: Box<IamdFacts>,
        central: ParamValues,
    },
    Decision {
        model: Box<ResponseModel>,
        central: ParamValues,
    },
    Assessment {
        dataset: &'a Dataset,
        scenario: &'a Scenario,
        central: ParamValues,
        iamd_stopped_alone: Option<f64>,
        /// The horizon's last year (`window_closes_year` codes a gap still open as the next).
        end_year: u16,
    },
}

/// One model with the parameters a design varies and its outcomes.
pub struct Problem<'a> {
    /// The model's name.
    pub model: &'static str,
    /// The parameters varied, in design-column order.
    pub parameters: Vec<ExploreParameter>,
    /// Every outcome of the model.
    pub outcomes: &'static [OutcomeSpec],
    kind: Kind<'a>,
}

impl Problem<'static> {
    /// A test function: `ishigami` (a = 7, b = 0.1, `x_i ~ U(−π, π)`) or `gfunction` (SALib's
    /// coefficients, `x_i ~ U(0, 1)`).
    pub fn test_function(name: &str) -> Result<Problem<'static>, ProblemError> {
        use std::f64::consts::PI;
        let (model, kind, n, (min, max)) = match name {
            "ishigami" => ("ishigami", Kind::Ishigami, 3, (-PI, PI)),
            "gfunction" => ("gfunction", Kind::GFunction, G_COEFFICIENTS.len(), (0.0, 1.0)),
            _ => {
                let known = vec!["ishigami".to_string(), "gfunction".to_string()];
                return Err(ProblemError::UnknownOutcome { given: name.to_string(), known });
            }
        };
        let parameters = (1..=n)
            .map(|idx| explore_parameter(None, &format!("x{idx}"), "1", Distribution::Uniform { min, max }))
            .collect::<Result<_, _>>()?;
        Ok(Problem { model, parameters, outcomes: &TEST_OUTCOME, kind })
    }
}

fn explore_parameter(
    param: Option<Param>,
    name: &str,
    unit: &str,
    distribution: Distribution,
) -> Result<ExploreParameter, ProblemError> {
    let marginal = Marginal::new(name, &distribution)?;
    Ok(ExploreParameter { param, name: name.to_string(), unit: unit.to_string(), distribution, marginal })
}

impl<'a> Problem<'a> {
    /// The model of `outcome` on `scenario`, varying `selection`.
    pub fn for_outcome(
        dataset: &'a Dataset,
        scenario: &'a Scenario,
        outcome: &str,
        selection: &Selection,
    ) -> Result<Problem<'a>, ProblemError> {
        let model = model_of(outcome)?;
        let parameters = select(scenario, model, selection)?;
        Ok(Problem {
            model,
            parameters,
            outcomes: outcomes_of(model),
            kind: Problem::kind(dataset, scenario, model)?,
        })
    }

    /// The same model and varied parameters on another scenario (a lever pulled): rows of the
    /// same design then give the same draws, moved only where the scenarios differ.
    pub fn on_scenario(
        &self,
        dataset: &'a Dataset,
        scenario: &'a Scenario,
    ) -> Result<Problem<'a>, ProblemError> {
        Ok(Problem {
            model: self.model,
            parameters: self.parameters.clone(),
            outcomes: self.outcomes,
            kind: Problem::kind(dataset, scenario, self.model)?,
        })
    }

    fn kind(
        dataset: &'a Dataset,
        scenario: &'a Scenario,
        model: &'static str,
    ) -> Result<Kind<'a>, ProblemError> {
        let central = ParamValues::central(scenario);
        Ok(match model {
            "baltic" => Kind::Baltic {
                base: Box::new(CampaignBase::from_dataset(dataset, scenario)),
                response: Box::new(ResponseModel::new(dataset, scenario).map_err(ProblemError::Model)?),
                year: bulwark_assess::campaign_inputs::campaign_year(scenario),
                horizon_hours: bulwark_assess::campaign_inputs::clock(&central).horizon_hours,
                us: UsShares::of(scenario),
                central,
            },
            "nuclear" => Kind::Nuclear { dataset, scenario, central },
            "decision" => Kind::Decision {
                model: Box::new(ResponseModel::new(dataset, scenario).map_err(ProblemError::Model)?),
                central,
            },
            "assessment" => {
                // Axis 1 scores the share of threats Europe alone stops; one central IAMD run
                // gives it (the assessment uses its ensemble's mean, a few hundredths apart).
                let facts = iamd_inputs::facts(dataset, scenario);
                let iamd_stopped_alone =
                    bulwark_models::iamd::run(&iamd_inputs::inputs(&facts, &central, 0.0))
                        .ok()
                        .map(|outcome| 1.0 - outcome.leak_fraction());
                let end_year =
                    bulwark_assess::money::PRICE_BASE_YEAR + bulwark_assess::resolve::horizon_years(scenario);
                Kind::Assessment { dataset, scenario, central, iamd_stopped_alone, end_year }
            }
            _ => Kind::Iamd { facts: Box::new(iamd_inputs::facts(dataset, scenario)), central },
        })
    }

    /// The marginals of the varied parameters, in column order.
    pub fn marginals(&self) -> Vec<Marginal> {
        self.parameters.iter().map(|p| p.marginal.clone()).collect()
    }

    /// How outcome `col` is censored, when it is a time to an event that may not come within
    /// the horizon (`baltic.hours_to_objective`: the horizon's hours; held runs are coded one
    /// hour beyond; `assessment.window_closes_year`: the horizon's last year; a gap still open
    /// is coded the year after); `None` for every other outcome.
    pub fn censoring(&self, col: usize) -> Option<Censoring> {
        let name = self.outcomes.get(col)?.name;
        match (&self.kind, name) {
            (Kind::Baltic { horizon_hours, .. }, "baltic.hours_to_objective") => {
                Some(Censoring { horizon: horizon_hours.ceil(), share_outcome: Some("baltic.held") })
            }
            (Kind::Assessment { end_year, .. }, "assessment.window_closes_year") => {
                Some(Censoring { horizon: f64::from(*end_year), share_outcome: None })
            }
            _ => None,
        }
    }

    /// The column of outcome `name`.
    pub fn outcome_index(&self, name: &str) -> Result<usize, ProblemError> {
        self.outcomes.iter().position(|o| o.name == name).ok_or_else(|| ProblemError::UnknownOutcome {
            given: name.to_string(),
            known: self.outcomes.iter().map(|o| o.name.to_string()).collect(),
        })
    }

    /// Sets the varied parameters of `all` to `values` (in [`Problem::parameters`] order).
    fn set_varied(&self, values: &[f64], all: &mut ParamValues) {
        for (parameter, value) in self.parameters.iter().zip(values) {
            if let Some(param) = parameter.param {
                all.set(param, *value);
            }
        }
    }

    /// Every outcome of the model on rows `rows` of `design` (probabilities mapped through
    /// [`Problem::marginals`]), in row order, each row bit for bit
    /// `self.evaluate(values, &mut streams.run(row))`. The Baltic campaign's rows run
    /// [`CAMPAIGN_LANES`] side by side through [`simulate_lanes`] (one run alone in the lanes
    /// pays the set-up of all of them), in parallel chunks of consecutive rows on the current
    /// rayon pool; other models run one row at a time, in parallel.
    pub fn evaluate_design(
        &self,
        design: &dyn UnitDesign,
        rows: Range<u64>,
        streams: &Streams,
    ) -> Vec<Result<Vec<f64>, &'static str>> {
        self.evaluate_design_on(design, rows, streams, &|row| row)
    }

    /// [`Problem::evaluate_design`] with row `row` on the stream `stream_of(row)`: rows that
    /// share a stream share their random numbers, so their difference is the parameters' alone.
    pub fn evaluate_design_on(
        &self,
        design: &dyn UnitDesign,
        rows: Range<u64>,
        streams: &Streams,
        stream_of: &(dyn Fn(u64) -> u64 + Sync),
    ) -> Vec<Result<Vec<f64>, &'static str>> {
        let marginals = self.marginals();
        let Kind::Baltic { base, response, year, central, us, horizon_hours } = &self.kind else {
            return evaluate_rows(design, &marginals, rows, |row, values| {
                self.evaluate(values, &mut streams.run(stream_of(row)))
            });
        };
        // One chunk per thread, each a whole number of lane loads: the rows' results do not
        // depend on how they are split, only the time does.
        let lanes = CAMPAIGN_LANES as u64;
        let per_thread = (rows.end - rows.start).div_ceil(rayon::current_num_threads().max(1) as u64);
        let chunk = per_thread.div_ceil(lanes).max(1) * lanes;
        let chunks: Vec<Range<u64>> = (rows.start..rows.end)
            .step_by(usize::try_from(chunk).unwrap_or(usize::MAX))
            .map(|start| start..(start + chunk).min(rows.end))
            .collect();
        chunks
            .into_par_iter()
            .flat_map_iter(|chunk| {
                let mut feed = BalticRows {
                    problem: self,
                    base,
                    response,
                    year: *year,
                    us: *us,
                    horizon_hours: *horizon_hours,
                    design,
                    marginals: &marginals,
                    streams,
                    stream_of,
                    start: chunk.start,
                    out: vec![None; (chunk.end - chunk.start) as usize],
                    rows: chunk,
                    values: vec![0.0; design.n_params()],
                    all: central.clone(),
                    context: None,
                };
                simulate_lanes(&mut feed);
                // Every row was either rejected or simulated, so each slot is filled.
                feed.out.into_iter().map(|r| r.unwrap_or(Err("a campaign run did not end")))
            })
            .collect()
    }

    /// Every outcome of the model for one parameter vector (in [`Problem::parameters`] order);
    /// `rng` is the run's own stream, for models that draw. An error is the failed run's reason.
    pub fn evaluate(&self, values: &[f64], rng: &mut RunRng) -> Result<Vec<f64>, &'static str> {
        let drawn = |central: &ParamValues| {
            let mut all = central.clone();
            self.set_varied(values, &mut all);
            all
        };
        match &self.kind {
            Kind::Ishigami => Ok(vec![ishigami(values, ISHIGAMI_AB.0, ISHIGAMI_AB.1)]),
            Kind::GFunction => Ok(vec![g_function(values, &G_COEFFICIENTS)]),
            Kind::Baltic { base, response, year, central, us, horizon_hours } => {
                let all = drawn(central);
                let inputs = baltic_inputs(base, response, *year, *us, &all, rng)?;
                baltic_metrics(&simulate(&inputs), *horizon_hours)
            }
            Kind::Nuclear { dataset, scenario, central } => {
                let all = drawn(central);
                // No package search: explore reads only the umbrellas.
                let assessment = bulwark_assess::nuclear_inputs::assess_with(dataset, scenario, &all, false)
                    .map_err(|_| "invalid nuclear inputs")?;
                let outcome = &assessment.outcome;
                Ok(vec![
                    outcome.with_us.credibility,
                    outcome.without_us.credibility,
                    outcome.adversary_survivable_warheads,
                ])
            }
            Kind::Iamd { facts, central } => {
                let all = drawn(central);
                let with_us = bulwark_models::iamd::run(&iamd_inputs::inputs(facts, &all, facts.us_enablers));
                let without_us = bulwark_models::iamd::run(&iamd_inputs::inputs(facts, &all, 0.0));
                let (Ok(with_us), Ok(without_us)) = (with_us, without_us) else {
                    return Err("invalid IAMD inputs");
                };
                Ok(vec![
                    with_us.total_leaked(),
                    without_us.total_leaked(),
                    with_us.leak_fraction(),
                    without_us.leak_fraction(),
                ])
            }
            Kind::Decision { model, central } => {
                let all = drawn(central);
                model.draw_in_time(&all, rng).map(|v| v.to_vec()).ok_or("invalid decision inputs")
            }
            Kind::Assessment { dataset, scenario, central, iamd_stopped_alone, .. } => {
                let all = drawn(central);
                let varied: Vec<Param> = self.parameters.iter().filter_map(|p| p.param).collect();
                let figures =
                    bulwark_assess::core_figures(dataset, scenario, &varied, &all, *iamd_stopped_alone);
                if figures.iter().any(|v| !v.is_finite()) {
                    return Err("a figure of the assessment is undefined (an axis without data)");
                }
                Ok(figures.to_vec())
            }
        }
    }
}

/// One campaign run's inputs for the values `value`: the alliance's order and decision drawn
/// from the run's stream `rng` as the campaign ensemble draws them.
fn baltic_inputs(
    base: &CampaignBase,
    response: &ResponseModel,
    year: u16,
    us: UsShares,
    value: &ParamValues,
    rng: &mut RunRng,
) -> Result<CampaignInputs, &'static str> {
    let context = baltic_context(response, year, us, rng);
    build_inputs(base, value, us, &Growth::default(), context).map_err(|_| "invalid drawn inputs")
}

/// What a run draws from its stream (whether the US leads, the alliance's response time); it
/// reads no varied parameter, so rows on one stream draw the same.
fn baltic_context(response: &ResponseModel, year: u16, us: UsShares, rng: &mut RunRng) -> RunContext {
    let with_us = bulwark_ensemble::unit_open(rng) < us.enablers;
    RunContext { year, response_hours: response.draw_hours(rng, with_us) }
}

/// One campaign run's outcomes of [`BALTIC_OUTCOMES`], from its end.
fn baltic_metrics(outcome: &CampaignOutcome, horizon_hours: f64) -> Result<Vec<f64>, &'static str> {
    if let CampaignEnd::Failed(reason) = outcome.end {
        return Err(reason);
    }
    let hours =
        outcome.hours_to_objective.map_or(horizon_hours.ceil() + 1.0, |h| h.ceil().min(horizon_hours));
    let held_for =
        |days: f64| f64::from(u8::from(outcome.hours_to_objective.is_none_or(|h| h >= 24.0 * days)));
    Ok(vec![
        f64::from(u8::from(outcome.hours_to_objective.is_none())),
        hours,
        held_for(7.0),
        held_for(14.0),
        held_for(28.0),
        held_for(60.0),
        outcome.blue_losses,
        outcome.red_losses,
    ])
}

/// Consecutive rows of a design fed to [`simulate_lanes`], each row's outcomes stored at its
/// place in `out` (runs end in any order).
struct BalticRows<'a> {
    problem: &'a Problem<'a>,
    base: &'a CampaignBase,
    response: &'a ResponseModel,
    year: u16,
    us: UsShares,
    horizon_hours: f64,
    design: &'a dyn UnitDesign,
    marginals: &'a [Marginal],
    streams: &'a Streams,
    stream_of: &'a (dyn Fn(u64) -> u64 + Sync),
    rows: Range<u64>,
    start: u64,
    out: Vec<Option<Result<Vec<f64>, &'static str>>>,
    /// The row's input values, then all the model's values with them set.
    values: Vec<f64>,
    all: ParamValues,
    /// The last stream's context, by stream.
    context: Option<(u64, RunContext)>,
}

impl CampaignRuns for BalticRows<'_> {
    type Tag = u64;

    fn next_run(&mut self) -> Option<(u64, CampaignInputs)> {
        for row in self.rows.by_ref() {
            row_values(self.design, self.marginals, row, &mut self.values);
            // Every varied parameter is set anew each row and the others keep their central
            // value, so reusing `all` gives the values `evaluate` builds from the centre.
            self.problem.set_varied(&self.values, &mut self.all);
            // Consecutive rows on one stream (a Morris trajectory's points) draw the same context:
            // once (the alliance's decision, every member's times, is much of a short run).
            let stream = (self.stream_of)(row);
            let context = match self.context {
                Some((drawn_for, context)) if drawn_for == stream => context,
                _ => {
                    let context =
                        baltic_context(self.response, self.year, self.us, &mut self.streams.run(stream));
                    self.context = Some((stream, context));
                    context
                }
            };
            let inputs = build_inputs(self.base, &self.all, self.us, &Growth::default(), context)
                .map_err(|_| "invalid drawn inputs");
            match inputs {
                Ok(inputs) => return Some((row, inputs)),
                Err(reason) => self.out[(row - self.start) as usize] = Some(Err(reason)),
            }
        }
        None
    }

    fn ended(&mut self, row: u64, outcome: CampaignOutcome) {
        self.out[(row - self.start) as usize] = Some(baltic_metrics(&outcome, self.horizon_hours));
    }
}

/// The model whose outcome `outcome` is.
pub fn model_of(outcome: &str) -> Result<&'static str, ProblemError> {
    let unknown = || ProblemError::UnknownOutcome {
        given: outcome.to_string(),
        known: scenario_outcomes().map(|o| o.name.to_string()).collect(),
    };
    let spec = scenario_outcomes().find(|o| o.name == outcome).ok_or_else(unknown)?;
    MODELS.iter().copied().find(|m| spec.name.starts_with(&format!("{m}."))).ok_or_else(unknown)
}

/// The parameters of `scenario` that `model` reads, each with its kind: uncertain (has a
/// distribution and is an uncertainty of the catalogue), fixed, or a setting.
pub fn parameters_read<'s>(
    scenario: &'s Scenario,
    model: &str,
) -> Vec<(&'s bulwark_scenario::Parameter, ReadKind)> {
    params_of(model)
        .into_iter()
        .map(|param| {
            let parameter = scenario.param(param);
            let kind = if param.kind() == ParamKind::Setting {
                ReadKind::Setting
            } else if scenario.is_uncertain(param) {
                ReadKind::Uncertain
            } else {
                ReadKind::Fixed
            };
            (parameter, kind)
        })
        .collect()
}

/// How a model reads a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadKind {
    /// An uncertainty the scenario gives a distribution: a design may vary it.
    Uncertain,
    /// An uncertainty the scenario fixes to one value.
    Fixed,
    /// A setting of the run or the report, never drawn.
    Setting,
}

impl ReadKind {
    /// As `explore list` shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadKind::Uncertain => "uncertain",
            ReadKind::Fixed => "fixed",
            ReadKind::Setting => "setting",
        }
    }
}

fn select(
    scenario: &Scenario,
    model: &'static str,
    selection: &Selection,
) -> Result<Vec<ExploreParameter>, ProblemError> {
    let read = parameters_read(scenario, model);
    let known = || read.iter().map(|(p, _)| p.name.clone()).collect::<Vec<_>>();
    let chosen: Vec<&bulwark_scenario::Parameter> = match selection {
        Selection::AllUncertain => {
            read.iter().filter(|(_, kind)| *kind == ReadKind::Uncertain).map(|(p, _)| *p).collect()
        }
        Selection::AllUncertainWith(also) => read
            .iter()
            .filter(|(_, kind)| *kind == ReadKind::Uncertain)
            .map(|(p, _)| *p)
            .chain(
                also.iter()
                    .filter(|p| p.kind() == ParamKind::Uncertain && scenario.is_uncertain(**p))
                    .filter(|p| read.iter().all(|(r, _)| r.name != p.name()))
                    .map(|p| scenario.param(*p)),
            )
            .collect(),
        Selection::Named(names) => {
            let mut chosen = Vec::with_capacity(names.len());
            for (idx, name) in names.iter().enumerate() {
                if names[..idx].contains(name) {
                    return Err(ProblemError::Duplicate { given: name.clone() });
                }
                let Some(param) = Param::from_name(name) else {
                    return Err(ProblemError::UnknownParameter { given: name.clone(), known: known() });
                };
                let Some((parameter, kind)) = read.iter().find(|(p, _)| p.name == *name) else {
                    return Err(ProblemError::NotRead { given: name.clone(), model, known: known() });
                };
                match kind {
                    ReadKind::Setting => {
                        return Err(ProblemError::Setting { given: param.name().to_string() })
                    }
                    ReadKind::Fixed => return Err(ProblemError::NotUncertain { given: name.clone() }),
                    ReadKind::Uncertain => chosen.push(*parameter),
                }
            }
            chosen
        }
    };
    if chosen.is_empty() {
        return Err(ProblemError::NoParameters { model });
    }
    chosen
        .iter()
        .map(|p| explore_parameter(Param::from_name(&p.name), &p.name, p.unit.name, p.distribution.clone()))
        .collect()
}

#[cfg(test)]
mod tests;
