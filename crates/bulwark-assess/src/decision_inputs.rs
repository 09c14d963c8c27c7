//! Resolves the dataset and the scenario into the inputs of the alliance decision-time model
//! (docs/design.md §4.7, `bulwark_models::decision`), runs it as a fixed, seeded Monte Carlo for the
//! assessment ([`assess_decision`]) and as a full ensemble ([`simulate_decision`]).
//!
//! Facts from the dataset, for every coalition member with a population figure: `population`,
//! `active_personnel` (0 when missing; such members are listed) and
//! `parliament_approval_required` (sourced; members without it use the judgement parameter
//! `decision_unknown_parliament_probability` and are listed). The US joins with its population,
//! its forces in Europe (`active_personnel_europe`, else `active_personnel`) and no vote of
//! Congress before its forces deploy (the War Powers Resolution's 60 days outlast every horizon
//! of the models; the switch `decision_us_congress_gates_forces = 1` makes Congress a
//! parliament of unknown rule). A scenario's hold-outs (`[decision.countries.XXX]
//! refusal_probability`) give those governments a refusal probability of their own.
//!
//! Bodies: the North Atlantic Council (NATO members of the coalition, plus the US) and EU
//! foreign policy (EU members) decide by unanimity; the EU Council by qualified majority
//! (TEU art. 16(4)); these three on their governments' instructions, which no parliament gates.
//! A coalition of the willing (all coalition members, plus the US) forms by force share, on
//! the forces their nations have cleared (a parliament's vote where one is required).
//! Everything else is a `decision_*` judgement parameter of the catalogue
//! ([`decision_parameters`], and the three time distributions [`TIME_PARAMETERS`], drawn afresh
//! for every member).
//!
//! What "in time" means: a body decides in time when its decision comes within
//! `decision_required_hours`. The headline (integration axis) is the alliance's decision to
//! act: the earlier of the North Atlantic Council's decision and a coalition of the willing.
//! The order that moves forces (the fifth row, [`ORDER`], and the Baltic campaign's order
//! through [`ResponseModel`]) is the earlier of the North Atlantic Council's decision backed by
//! cleared forces (its members that have cleared theirs hold `decision_coalition_force_share`
//! of its forces) and the coalition of the willing.
//!
//! The assessment runs the very ensemble of `bulwark simulate decision` with [`ASSESS_DRAWS`]
//! runs on the scenario's seed, so the two give the same figures for the same question (a test
//! says so); its ranges are those of the drawn uncertainties.

use bulwark_core::Iso3;
use bulwark_data::Dataset;
use bulwark_ensemble::{
    unit_open, EnsembleSummary, Hooks, Marginal, MetricSpec, MetricSummary, RunOutcome, RunPlan, RunRng,
    Sampler,
};
use bulwark_models::decision::{
    self, Body, DecisionInputs, DecisionParams, DecisionRng, GovernmentHours, Member, Parliament,
    QualifiedMajority, Rule, RuleOutcome,
};
use bulwark_scenario::{Param, ParamValues, Scenario};

use crate::resolve::ParamDraws;
use crate::Spread;

/// Scalar parameters of the model, drawn once per run where the scenario makes them uncertain.
pub fn decision_parameters() -> impl Iterator<Item = Param> {
    [
        Param::DecisionUnknownParliamentProbability,
        Param::DecisionGovernmentRefusalProbability,
        Param::DecisionParliamentRefusalProbability,
        Param::DecisionCoordinationPenaltyHours,
        Param::DecisionCoalitionForceShare,
        Param::DecisionRefusalCorrelation,
        Param::DecisionRequiredHours,
    ]
    .into_iter()
}

/// The distributions every member's times are drawn from, afresh per member and draw: its
/// government's council instruction and decision on its forces (one draw, the same quantile of
/// each), and its parliament's vote.
pub const TIME_PARAMETERS: [Param; 3] =
    [Param::DecisionCouncilHours, Param::DecisionGovernmentHours, Param::DecisionParliamentHours];

/// Runs of the assessment's ensemble (the same as `simulate decision --runs 4000`).
pub const ASSESS_DRAWS: u64 = 4000;

/// The bodies of the model, in the order of the metrics: id, title, rule in words.
pub const BODIES: [(&str, &str, &str); 4] = [
    ("nac", "North Atlantic Council", "unanimity"),
    ("eu_cfsp", "EU foreign policy (Council, art. 31 TEU)", "unanimity"),
    ("eu_qmv", "EU Council, qualified majority", "55 % of states and 65 % of population"),
    ("willing", "Coalition of the willing", "first states with the required share of forces"),
];

/// The order that moves forces, reported after the bodies as a fifth row: id, title, rule.
pub const ORDER: (&str, &str, &str) = (
    "order",
    "Order to move forces",
    "the Council's decision once cleared forces reach the coalition's share, or the coalition",
);

/// Rows of the report: the four bodies, then the order.
const N_ROWS: usize = BODIES.len() + 1;

/// Metrics per row: hours and deciding in time, each with and without the US.
const METRICS_PER_BODY: usize = 4;

/// Number of metrics: four per row (the bodies, then the order), then the headline (deciding
/// in time by the earlier of the Council and the coalition) with and without the US.
pub const N_METRICS: usize = METRICS_PER_BODY * N_ROWS + 2;

/// Indices in [`BODIES`] of the North Atlantic Council and the coalition of the willing, whose
/// earlier decision is the headline and whose earlier backed decision is the order.
const NAC_AND_WILLING: [usize; 2] = [0, 3];

/// One member as resolved, with where its figures came from.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRow {
    /// The member as the model sees it.
    pub member: Member,
    /// Source id of its parliament rule; `None` when the judgement parameter is used.
    pub parliament_source: Option<String>,
    /// Whether it sits in NATO and in the EU.
    pub nato: bool,
    /// Whether it sits in the EU.
    pub eu: bool,
}

/// What the dataset and scenario give the model, before any parameter is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionFacts {
    /// Coalition members with a population figure, in the dataset's order.
    pub members: Vec<MemberRow>,
    /// The US, when the dataset has its population.
    pub us: Option<MemberRow>,
    /// Coalition members (and the US) whose parliament rule is a judgement.
    pub judgement_parliament: Vec<String>,
    /// Members counted with no forces for want of an `active_personnel` figure.
    pub without_forces: Vec<String>,
    /// Coalition members left out for want of a population figure.
    pub without_population: Vec<String>,
    /// Share of US leadership kept, from `us_posture.enablers` (command and control).
    pub us_leads: f64,
    /// Whether a vote of Congress clears US forces (`decision_us_congress_gates_forces`); when
    /// not, the President commits them alone (the War Powers Resolution's 60 days).
    pub us_congress_gates_forces: bool,
}

/// A distribution of time to decision from the Monte Carlo.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeDistribution {
    /// Probability that the rule is never met.
    pub p_paralysis: f64,
    /// Median hours when decided; `None` when it never decides.
    pub median_hours: Option<f64>,
    /// Points of the cumulative distribution: (hours, probability of having decided by then),
    /// at the 1 %, 5 %, 10 %, …, 95 %, 99 % and 100 % quantiles of the decided draws; the last
    /// point is the slowest decision and `1 − p_paralysis`.
    pub cdf: Vec<(f64, f64)>,
    /// Probability of deciding within the required hours.
    pub p_within_required: f64,
}

/// One body's results.
#[derive(Clone, Debug, PartialEq)]
pub struct BodyResult {
    /// Id (`nac`, …).
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// The rule in words.
    pub rule: &'static str,
    /// Members without the US.
    pub n_members: usize,
    /// With the US as a member (where it is one) and leading.
    pub with_us: TimeDistribution,
    /// Without the US, coordination penalty added.
    pub without_us: TimeDistribution,
}

/// The decision-time model in the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionAssessment {
    /// Resolved facts.
    pub facts: DecisionFacts,
    /// Central parameter values used.
    pub params: DecisionParams,
    /// Central value of the council-instruction time distribution, hours.
    pub median_council_hours: f64,
    /// Central values of the government's decision on its forces and of the parliament's time
    /// distributions, hours.
    pub median_government_hours: f64,
    /// See `median_government_hours`.
    pub median_parliament_hours: f64,
    /// The time within which a decision is needed, hours.
    pub required_hours: f64,
    /// Draws and seed of the Monte Carlo.
    pub n_draws: u64,
    /// Seed (the scenario's).
    pub seed: u64,
    /// Per body, then the order that moves forces ([`ORDER`]) as a fifth row.
    pub bodies: Vec<BodyResult>,
    /// Probability of deciding in time (earlier of the Council and the coalition), with the US.
    pub p_in_time_with_us: f64,
    /// The same without the US.
    pub p_in_time_without_us: f64,
    /// The same under the scenario's US leadership: `us_leads × with + (1 − us_leads) × without`.
    pub p_in_time: f64,
    /// `p_in_time_with_us` with its 90 % interval.
    pub p_in_time_with_us_range: Spread,
    /// `p_in_time_without_us` with its 90 % interval.
    pub p_in_time_without_us_range: Spread,
    /// Deciding in time with each scalar judgement parameter moved by ±20 %.
    pub sensitivity: Vec<DecisionSensitivity>,
}

/// Resolves the facts of the model.
pub fn facts(dataset: &Dataset, scenario: &Scenario) -> DecisionFacts {
    let mut facts = DecisionFacts {
        members: Vec::new(),
        us: None,
        judgement_parliament: Vec::new(),
        without_forces: Vec::new(),
        without_population: Vec::new(),
        us_leads: scenario.us_posture.enablers.value.clamp(0.0, 1.0),
        us_congress_gates_forces: scenario.value(Param::DecisionUsCongressGatesForces) >= 0.5,
    };
    for iso3 in &scenario.coalition.value.members {
        match member_row(dataset, *iso3, "active_personnel") {
            Some(mut row) => {
                // A hold-out of the scenario refuses with its own probability.
                row.member.refusal_probability =
                    scenario.decision.holdouts.get(iso3).map(|h| h.value.refusal_probability);
                facts.members.push(row);
            }
            None => facts.without_population.push(iso3.to_string()),
        }
    }
    facts.us = Iso3::parse("USA").and_then(|us| {
        let in_europe = dataset.country_figure(us, "active_personnel_europe").is_some();
        let mut row =
            member_row(dataset, us, if in_europe { "active_personnel_europe" } else { "active_personnel" })?;
        row.member.refusal_probability =
            scenario.decision.holdouts.get(&us).map(|h| h.value.refusal_probability);
        // Within the War Powers Resolution's 60 days (longer than any horizon of the models)
        // the President commits US forces without Congress: no vote gates them.
        if !facts.us_congress_gates_forces {
            row.member.parliament = Parliament::NotRequired;
            row.parliament_source = None;
        }
        Some(row)
    });
    for row in facts.members.iter().chain(&facts.us) {
        if row.parliament_source.is_none() && row.member.parliament == Parliament::Unknown {
            facts.judgement_parliament.push(row.member.iso3.clone());
        }
        if row.member.forces <= 0.0 {
            facts.without_forces.push(row.member.iso3.clone());
        }
    }
    facts
}

fn member_row(dataset: &Dataset, iso3: Iso3, forces_figure: &str) -> Option<MemberRow> {
    let population = dataset.country_figure(iso3, "population")?.value;
    let forces = dataset.country_figure(iso3, forces_figure).map_or(0.0, |f| f.value);
    let rule = dataset.country_figure(iso3, "parliament_approval_required");
    let parliament = match rule.map(|f| f.value > 0.5) {
        Some(true) => Parliament::Required,
        Some(false) => Parliament::NotRequired,
        None => Parliament::Unknown,
    };
    let country = dataset.country(iso3);
    let in_group = |group: &str| country.is_some_and(|c| c.memberships.iter().any(|m| m == group));
    Some(MemberRow {
        member: Member {
            iso3: iso3.to_string(),
            population,
            forces,
            parliament,
            // Set by the caller from the scenario's hold-outs (`[decision.countries.XXX]`).
            refusal_probability: None,
        },
        parliament_source: rule.map(|f| f.provenance.source.clone()),
        nato: in_group("NATO"),
        eu: in_group("EU"),
    })
}

/// The model's inputs for parameter values (central or drawn).
pub fn inputs(facts: &DecisionFacts, value: &ParamValues) -> DecisionInputs {
    let indices = |keep: &dyn Fn(&MemberRow) -> bool| -> Vec<usize> {
        facts.members.iter().enumerate().filter(|(_, row)| keep(row)).map(|(idx, _)| idx).collect()
    };
    let body = |idx: usize, rule: Rule, members: Vec<usize>, includes_us: bool| Body {
        name: BODIES[idx].0.to_string(),
        rule,
        members,
        includes_us,
    };
    let qmv = Rule::QualifiedMajority(QualifiedMajority::EU_COUNCIL);
    DecisionInputs {
        members: facts.members.iter().map(|row| row.member.clone()).collect(),
        us: facts.us.as_ref().map(|row| row.member.clone()),
        bodies: vec![
            body(0, Rule::Unanimity, indices(&|row| row.nato), true),
            body(1, Rule::Unanimity, indices(&|row| row.eu), false),
            body(2, qmv, indices(&|row| row.eu), false),
            body(3, Rule::CoalitionOfTheWilling, indices(&|_| true), true),
        ],
        params: params(value),
    }
}

/// The model's parameters for values given by `value` (the only part of [`inputs`] that
/// changes from one ensemble run to the next).
fn params(value: &ParamValues) -> DecisionParams {
    DecisionParams {
        unknown_parliament_probability: value[Param::DecisionUnknownParliamentProbability],
        government_refusal_probability: value[Param::DecisionGovernmentRefusalProbability],
        parliament_refusal_probability: value[Param::DecisionParliamentRefusalProbability],
        coordination_penalty_hours: value[Param::DecisionCoordinationPenaltyHours],
        coalition_force_share: value[Param::DecisionCoalitionForceShare],
        refusal_correlation: value[Param::DecisionRefusalCorrelation],
    }
}

/// The metrics of [`simulate_decision`] and of the assessment's Monte Carlo, in run-value
/// order, per body and then for the order ([`ORDER`]): `<id>_hours` and `<id>_hours_without_us`
/// (infinite when paralysed, so the summary counts paralysis as non-finite), `<id>_in_time` and
/// `<id>_in_time_without_us` (1 when decided within `decision_required_hours`); then `in_time`
/// and `in_time_without_us` for the earlier decision of the Council and the coalition.
pub fn decision_metrics() -> Result<[MetricSpec; N_METRICS], String> {
    let err = |e: bulwark_ensemble::EnsembleError| e.to_string();
    let mut specs = Vec::with_capacity(N_METRICS);
    for (id, _, _) in BODIES.iter().chain([&ORDER]) {
        specs.push(MetricSpec::continuous(&format!("{id}_hours")).map_err(err)?);
        specs.push(MetricSpec::continuous(&format!("{id}_hours_without_us")).map_err(err)?);
        specs.push(MetricSpec::integer(&format!("{id}_in_time"), 0, 1).map_err(err)?);
        specs.push(MetricSpec::integer(&format!("{id}_in_time_without_us"), 0, 1).map_err(err)?);
    }
    specs.push(MetricSpec::integer("in_time", 0, 1).map_err(err)?);
    specs.push(MetricSpec::integer("in_time_without_us", 0, 1).map_err(err)?);
    specs.try_into().map_err(|_| "internal error: wrong number of decision metrics".to_string())
}

/// Runs the assessment's ensemble: [`simulate_decision`] with [`ASSESS_DRAWS`] runs on the
/// scenario's seed.
pub fn assess_decision(dataset: &Dataset, scenario: &Scenario) -> Result<DecisionAssessment, String> {
    let facts = facts(dataset, scenario);
    let central = ParamValues::central(scenario);
    let inputs = inputs(&facts, &central);
    inputs.validate().map_err(|e| e.to_string())?;
    let required_hours = central[Param::DecisionRequiredHours];
    let times = time_marginals(scenario)?;
    let seed = scenario.seed.value;
    let plan = RunPlan::new(ASSESS_DRAWS, seed).map_err(|e| e.to_string())?;
    // The sensitivities replay draws of their own: both ensembles run side by side.
    let (summary, sensitivity) = rayon::join(
        || simulate_decision(dataset, scenario, &plan, Hooks::default()),
        || sensitivity::sensitivities(&facts, scenario, &times),
    );
    let summary = summary?;
    let metrics = summary.metrics();
    // The order's members are those of the coalition, the widest of its two bodies.
    let n_members = |idx: usize| inputs.bodies[idx.min(NAC_AND_WILLING[1])].members.len();
    let bodies = BODIES
        .iter()
        .chain([&ORDER])
        .enumerate()
        .map(|(idx, (id, title, rule))| BodyResult {
            id,
            title,
            rule,
            n_members: n_members(idx),
            with_us: distribution(metrics, METRICS_PER_BODY * idx, 0),
            without_us: distribution(metrics, METRICS_PER_BODY * idx, 1),
        })
        .collect();
    let sensitivity = sensitivity?;
    let headline = HEADLINE;
    let p_in_time_with_us = share(&metrics[headline]);
    let p_in_time_without_us = share(&metrics[headline + 1]);
    let interval = |p: f64| Spread::wilson(p, summary.n_completed().max(1) as f64);
    Ok(DecisionAssessment {
        p_in_time: facts.us_leads * p_in_time_with_us + (1.0 - facts.us_leads) * p_in_time_without_us,
        facts,
        params: inputs.params,
        median_council_hours: central[TIME_PARAMETERS[0]],
        median_government_hours: central[TIME_PARAMETERS[1]],
        median_parliament_hours: central[TIME_PARAMETERS[2]],
        required_hours,
        n_draws: ASSESS_DRAWS,
        seed,
        bodies,
        p_in_time_with_us,
        p_in_time_without_us,
        p_in_time_with_us_range: interval(p_in_time_with_us),
        p_in_time_without_us_range: interval(p_in_time_without_us),
        sensitivity,
    })
}

/// Runs the model over `plan`: every run draws the parameters of [`decision_parameters`] from
/// the scenario's distributions (Latin hypercube over the whole ensemble, run `i` from the
/// stream of `(seed, i)`), then one draw of every member's national decision from the same
/// stream, and records the metrics of [`decision_metrics`].
pub fn simulate_decision(
    dataset: &Dataset,
    scenario: &Scenario,
    plan: &RunPlan,
    hooks: Hooks<'_>,
) -> Result<EnsembleSummary, String> {
    let facts = facts(dataset, scenario);
    let draws = ParamDraws::new(scenario, decision_parameters(), plan, Sampler::LatinHypercube)
        .map_err(|e| e.to_string())?;
    let times = time_marginals(scenario)?;
    // Members and bodies do not depend on the drawn parameters: built and checked once.
    let template = inputs(&facts, &ParamValues::central(scenario));
    template.validate().map_err(|e| e.to_string())?;
    let run = |value: &ParamValues, rng: &mut RunRng| -> RunOutcome<N_METRICS> {
        let params = params(value);
        if params.validate().is_err() {
            return RunOutcome::Failed("invalid input");
        }
        run_once_with(&template, &params, &times, value[Param::DecisionRequiredHours], rng)
    };
    let model = crate::resolve::WithDraws { draws: &draws, run };
    bulwark_ensemble::run_ensemble(plan, &decision_metrics()?, model, hooks).map_err(|e| e.to_string())
}

/// The time distributions of [`TIME_PARAMETERS`], ready to draw from.
fn time_marginals(scenario: &Scenario) -> Result<[Marginal; 3], String> {
    let marginal = |param: Param| {
        Marginal::new(param.name(), &scenario.param(param).distribution).map_err(|e| e.to_string())
    };
    Ok([marginal(TIME_PARAMETERS[0])?, marginal(TIME_PARAMETERS[1])?, marginal(TIME_PARAMETERS[2])?])
}

/// The run's stream as the model's source of randomness.
struct StreamRng<'a> {
    rng: &'a mut RunRng,
    times: &'a [Marginal; 3],
}

impl DecisionRng for StreamRng<'_> {
    fn unit(&mut self) -> f64 {
        unit_open(self.rng)
    }

    // One word of the stream, as `Marginal::draw` takes it, for both of a government's times:
    // the same quantile of each distribution (the model card's one pace per government), its
    // `Φ⁻¹(u)` taken once for the two (bit for bit the two quantiles).
    fn government_hours(&mut self) -> GovernmentHours {
        let u = unit_open(self.rng);
        let (council, forces) = Marginal::quantile_pair(&self.times[0], &self.times[1], u);
        GovernmentHours { council, forces }
    }

    fn parliament_hours(&mut self) -> f64 {
        self.times[2].draw(self.rng)
    }

    // The same word of the stream as `parliament_hours` (`Marginal::draw` is the quantile of
    // one `unit_open`), its quantile taken only for a parliament that votes.
    fn parliament_draw(&mut self) -> f64 {
        unit_open(self.rng)
    }

    fn parliament_hours_of(&self, draw: f64) -> f64 {
        self.times[2].quantile(draw)
    }
}

/// One draw with `params`: hours per body and to the order with and without the US, and
/// whether the earlier of the North Atlantic Council and the coalition of the willing decided
/// within `required_hours`.
fn run_once_with(
    inputs: &DecisionInputs,
    params: &DecisionParams,
    times: &[Marginal; 3],
    required_hours: f64,
    rng: &mut RunRng,
) -> RunOutcome<N_METRICS> {
    run_once_on(inputs, params, required_hours, &mut StreamRng { rng, times })
}

/// [`run_once_with`] drawing from any source of the model's randomness.
fn run_once_on(
    inputs: &DecisionInputs,
    params: &DecisionParams,
    required_hours: f64,
    rng: &mut impl DecisionRng,
) -> RunOutcome<N_METRICS> {
    let outcome = decision::draw_with(inputs, params, rng);
    let in_time = |outcome: RuleOutcome| if outcome.within(required_hours) { 1.0 } else { 0.0 };
    let [nac, willing] = NAC_AND_WILLING;
    let earliest = |outcomes: &[RuleOutcome]| outcomes[nac].earliest(outcomes[willing]);
    let order = (earliest(&outcome.forces_with_us), earliest(&outcome.forces_without_us));
    let rows = outcome.with_us.iter().zip(&outcome.without_us).map(|(a, b)| (*a, *b)).chain([order]);
    let mut values = [0.0; N_METRICS];
    for (idx, (with_us, without_us)) in rows.enumerate() {
        let first = METRICS_PER_BODY * idx;
        values[first] = with_us.hours_or_infinity();
        values[first + 1] = without_us.hours_or_infinity();
        values[first + 2] = in_time(with_us);
        values[first + 3] = in_time(without_us);
    }
    values[HEADLINE] = in_time(earliest(&outcome.with_us));
    values[HEADLINE + 1] = in_time(earliest(&outcome.without_us));
    RunOutcome::Completed(values)
}

/// Index of the headline's metrics (`in_time`, then `in_time_without_us`).
const HEADLINE: usize = METRICS_PER_BODY * N_ROWS;

/// Cumulative probabilities at which the distribution of time to decision is reported.
const CDF_LEVELS: [f64; 22] = [
    0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
    0.95, 0.99, 1.0,
];

/// The distribution of one body's time to decision: `case` 0 with the US, 1 without, from the
/// body's metrics starting at `first`. Paralysis is the share of non-finite hours.
fn distribution(metrics: &[MetricSummary], first: usize, case: usize) -> TimeDistribution {
    let hours = &metrics[first + case];
    let n_total = hours.count() + hours.n_non_finite();
    let decided = if n_total == 0 { 0.0 } else { hours.count() as f64 / n_total as f64 };
    let cdf =
        CDF_LEVELS.iter().filter_map(|q| hours.quantile(*q).map(|value| (value, q * decided))).collect();
    TimeDistribution {
        p_paralysis: 1.0 - decided,
        median_hours: hours.quantile(0.5),
        cdf,
        p_within_required: share(&metrics[first + 2 + case]),
    }
}

/// The mean of a 0/1 metric: the share of runs where it is 1.
fn share(metric: &MetricSummary) -> f64 {
    if metric.count() == 0 {
        0.0
    } else {
        metric.mean()
    }
}

mod sensitivity;

pub use sensitivity::{DecisionSensitivity, SENSITIVITY_FACTORS};

#[cfg(test)]
mod tests;

/// Hours code for "the alliance never decides" in the campaign: far beyond any horizon.
pub const NEVER_DECIDES_HOURS: f64 = 1e9;

/// The alliance's order to reinforce, drawn inside another model's run (the Baltic campaign):
/// the scenario's central decision parameters, each member's times drawn from the run's
/// stream. The order is the fifth row of the assessment ([`ORDER`]): the earlier of the North
/// Atlantic Council's decision once the members that have cleared their forces (their
/// parliaments having voted where required, none refusing) hold `decision_coalition_force_share`
/// of its forces, and the coalition of the willing.
///
/// Why the campaign's reinforcements respect the parliaments: the campaign commits
/// between `campaign_europe_commit_share` and `campaign_europe_commit_cap_share` of Europe's
/// available brigades (5–33 % in the baseline, more as Red masses more), and
/// at the order the members that have cleared their forces hold at least the coalition's share
/// (33–67 %) of the body's active personnel (the US's forces in Europe are about 6 % of it), so
/// the committed brigades can all come from cleared members. The campaign does not pick
/// nations, so the gating is this bound on shares (personnel standing in for brigades),
/// conservative in that the order waits for more cleared forces than the campaign sends; a
/// scenario that set the commit share above the coalition's share would break the bound.
#[derive(Clone, Debug)]
pub struct ResponseModel {
    inputs: DecisionInputs,
    times: [Marginal; 3],
}

impl ResponseModel {
    /// Resolves the model once for a scenario.
    pub fn new(dataset: &Dataset, scenario: &Scenario) -> Result<ResponseModel, String> {
        let facts = facts(dataset, scenario);
        let inputs = inputs(&facts, &ParamValues::central(scenario));
        inputs.validate().map_err(|e| e.to_string())?;
        Ok(ResponseModel { inputs, times: time_marginals(scenario)? })
    }

    /// One draw: hours from the start of the crisis to the order, with or without the US
    /// leading; [`NEVER_DECIDES_HOURS`] when neither body's decision is ever backed by forces.
    pub fn draw_hours(&self, rng: &mut RunRng, with_us: bool) -> f64 {
        let outcome = decision::earliest_order(
            &self.inputs,
            &mut StreamRng { rng, times: &self.times },
            &NAC_AND_WILLING,
            with_us,
        );
        let hours = outcome.hours_or_infinity();
        if hours.is_finite() {
            hours.min(NEVER_DECIDES_HOURS)
        } else {
            NEVER_DECIDES_HOURS
        }
    }

    /// One draw of the whole model with `value` for its scalar parameters
    /// ([`decision_parameters`]), as the assessment's ensemble draws it: whether the earlier of
    /// the North Atlantic Council and the coalition of the willing decides within
    /// `decision_required_hours` with the US leading and without it, and whether neither
    /// decides without it (1 or 0 each). `None` when the parameters are out of the model's range.
    pub fn draw_in_time(&self, value: &ParamValues, rng: &mut RunRng) -> Option<[f64; 3]> {
        let params = params(value);
        params.validate().ok()?;
        let outcome = decision::draw_with(&self.inputs, &params, &mut StreamRng { rng, times: &self.times });
        let required_hours = value[Param::DecisionRequiredHours];
        let [nac, willing] = NAC_AND_WILLING;
        let with_us = outcome.with_us[nac].earliest(outcome.with_us[willing]);
        let without_us = outcome.without_us[nac].earliest(outcome.without_us[willing]);
        let indicator = |yes: bool| if yes { 1.0 } else { 0.0 };
        Some([
            indicator(with_us.within(required_hours)),
            indicator(without_us.within(required_hours)),
            indicator(!without_us.hours_or_infinity().is_finite()),
        ])
    }
}
