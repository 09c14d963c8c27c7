//! Resolve: dataset + scenario → the plain input structs of the models. The only place where
//! names, figures and defaults meet (docs/design.md §2, step 3).

use std::ops::Range;

use bulwark_core::{Bound, Iso3};
use bulwark_data::{CapabilityLine, Dataset, Holdings};
use bulwark_ensemble::{BatchModel, RunOutcome, RunRng, Streams};
use bulwark_models::budget::{BudgetInputs, CountryBudget, InstrumentYear, SpendingPath};
use bulwark_models::campaign::{simulate_lanes, CampaignInputs, CampaignOutcome, CampaignRuns};
use bulwark_models::closure::{self, ClosureParams, LineGap};
use bulwark_models::force_package::{self, ForcePackage, LineHoldings, MemberHolding, PackageInput};
use bulwark_models::ledger::{LineInput, Requirement, Thresholds};
use bulwark_scenario::{Param, ParamValues, RequirementMode, Scenario};

use crate::{AssessError, LineNote};

use crate::money::{self, median, PRICE_BASE_YEAR};

/// The availability parameter of a line's domain. Strike assets are mostly aircraft and
/// missiles kept with air forces; C2 headquarters are land formations.
fn availability(scenario: &Scenario, domain: &str) -> f64 {
    scenario.value(availability_param(domain))
}

/// The availability parameter of a capability domain.
fn availability_param(domain: &str) -> Param {
    match domain {
        "land" | "c2_cyber" => Param::AvailabilityLand,
        "air" | "strike" => Param::AvailabilityAir,
        "maritime" => Param::AvailabilityMaritime,
        "iamd" => Param::AvailabilityIamd,
        _ => Param::AvailabilitySpace,
    }
}

/// An ensemble's draws as parameter values: the design draws the listed uncertainties (those
/// the scenario gives as distributions), every other catalogue parameter keeps its central
/// value, so a run's model inputs are resolved by the same code as the central case.
pub struct ParamDraws {
    drawn: Vec<Param>,
    design: bulwark_ensemble::Design,
    central: ParamValues,
}

impl ParamDraws {
    /// Draws those of `candidates` that the scenario makes uncertain, with the plan's sampler or
    /// `default`.
    pub fn new(
        scenario: &Scenario,
        candidates: impl IntoIterator<Item = Param>,
        plan: &bulwark_ensemble::RunPlan,
        default: bulwark_ensemble::Sampler,
    ) -> Result<ParamDraws, AssessError> {
        let drawn: Vec<Param> = candidates.into_iter().filter(|p| scenario.is_uncertain(*p)).collect();
        let parameters: Vec<bulwark_ensemble::Parameter> = drawn
            .iter()
            .map(|p| bulwark_ensemble::Parameter {
                name: p.name().to_string(),
                distribution: scenario.param(*p).distribution.clone(),
            })
            .collect();
        let space = bulwark_ensemble::ParameterSpace::new(&parameters)?;
        let design = bulwark_ensemble::Design::for_plan(space, plan, default)?;
        Ok(ParamDraws { drawn, design, central: ParamValues::central(scenario) })
    }

    /// The parameters that are drawn, in the design's order.
    pub fn drawn(&self) -> &[Param] {
        &self.drawn
    }

    /// Run `run_idx`'s values.
    pub fn draw(&self, run_idx: u64, rng: &mut bulwark_ensemble::RunRng) -> ParamValues {
        let mut values = self.central.clone();
        self.draw_into(run_idx, rng, &mut values);
        values
    }

    /// [`ParamDraws::draw`] into `values` (any earlier values are replaced): the same words of
    /// `rng`, the same values, without allocating when the drawn parameters are few.
    pub fn draw_into(&self, run_idx: u64, rng: &mut bulwark_ensemble::RunRng, values: &mut ParamValues) {
        let mut room = [0.0; 64];
        let mut spill = Vec::new();
        let drawn = match room.get_mut(..self.drawn.len()) {
            Some(room) => room,
            None => {
                spill.resize(self.drawn.len(), 0.0);
                &mut spill[..]
            }
        };
        self.draw_drawn(run_idx, rng, drawn);
        self.assign_drawn(drawn, values);
    }

    /// Run `run_idx`'s values of the drawn parameters alone, in [`ParamDraws::drawn`] order,
    /// into `out` (as long as `drawn`): the first half of [`ParamDraws::draw_into`].
    pub fn draw_drawn(&self, run_idx: u64, rng: &mut bulwark_ensemble::RunRng, out: &mut [f64]) {
        self.design.draw_into(run_idx, rng, out);
    }

    /// The central values with the drawn parameters set to `drawn` (in [`ParamDraws::drawn`]
    /// order) into `values`: the second half of [`ParamDraws::draw_into`].
    pub fn assign_drawn(&self, drawn: &[f64], values: &mut ParamValues) {
        values.assign(&self.central);
        for (param, value) in self.drawn.iter().zip(drawn) {
            values.set(*param, *value);
        }
    }

    /// Every catalogue parameter at its central value.
    pub fn central(&self) -> &ParamValues {
        &self.central
    }
}

/// [`bulwark_ensemble::run_ensemble`] over `plan` (a whole ensemble) split into `n_parts`
/// shards that run side by side, their summaries merged: exactly the whole's summary (shards
/// merge into the whole, whatever the split). For ensembles of a few hundred costly runs, which
/// the runner would keep on one thread (they fit in one of its chunks).
pub(crate) fn run_ensemble_in_parts<const N: usize, F>(
    plan: &bulwark_ensemble::RunPlan,
    metrics: &[bulwark_ensemble::MetricSpec; N],
    model: F,
    n_parts: u64,
) -> Result<bulwark_ensemble::EnsembleSummary, bulwark_ensemble::EnsembleError>
where
    F: Fn(u64, &mut RunRng) -> RunOutcome<N> + Sync,
{
    use rayon::prelude::*;
    let parts: Vec<Result<_, _>> = (1..=n_parts.max(1))
        .into_par_iter()
        .map(|k| {
            let shard = bulwark_ensemble::Shard::new(k, n_parts.max(1))?;
            let part = plan.clone().with_shard(shard);
            bulwark_ensemble::run_ensemble(&part, metrics, &model, bulwark_ensemble::Hooks::default())
        })
        .collect();
    bulwark_ensemble::EnsembleSummary::merge_all(parts.into_iter().collect::<Result<_, _>>()?)
}

/// An ensemble's model as a [`BatchModel`]: each run's values drawn by `draws` into one set of
/// values kept for the whole batch (not one allocated per run), then `run` with them and the
/// run's generator, which goes on from where the draws left it, as with
/// `run(&draws.draw(run_idx, rng), rng)`.
pub struct WithDraws<'a, F> {
    /// The parameters' draws.
    pub draws: &'a ParamDraws,
    /// One run, given its values.
    pub run: F,
}

impl<const N: usize, F> BatchModel<N> for WithDraws<'_, F>
where
    F: Fn(&ParamValues, &mut RunRng) -> RunOutcome<N> + Sync,
{
    fn run_batch(&self, runs: Range<u64>, streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<N>)) {
        let mut values = self.draws.central.clone();
        for run_idx in runs {
            let mut rng = streams.run(run_idx);
            self.draws.draw_into(run_idx, &mut rng, &mut values);
            report(run_idx, (self.run)(&values, &mut rng));
        }
    }
}

/// A campaign ensemble as a [`BatchModel`] that advances
/// [`bulwark_models::campaign::CAMPAIGN_LANES`] runs side by side
/// ([`simulate_lanes`]): each run's values drawn by `draws` (as [`WithDraws`] draws them), its
/// inputs built by `prepare` with those values and the run's generator (which goes on from
/// where the draws left it), the run simulated in a lane, and its outcome turned into the
/// ensemble's by `outcome`. A run whose inputs `prepare` rejects reports the `Err` it returns.
/// Every run's outcome is bit for bit the one of `outcome(&simulate(&inputs))`, so the
/// summaries equal those of the one-run-at-a-time closure (tested).
pub struct CampaignLanes<'a, P, O> {
    /// The parameters' draws.
    pub draws: &'a ParamDraws,
    /// One run's inputs, given its values.
    pub prepare: P,
    /// One run's metrics, given its outcome.
    pub outcome: O,
}

impl<const N: usize, P, O> BatchModel<N> for CampaignLanes<'_, P, O>
where
    P: Fn(&ParamValues, &mut RunRng) -> Result<CampaignInputs, RunOutcome<N>> + Sync,
    O: Fn(&CampaignOutcome) -> RunOutcome<N> + Sync,
{
    fn run_batch(&self, runs: Range<u64>, streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<N>)) {
        let mut feed = LaneFeed { model: self, runs, streams, values: self.draws.central.clone(), report };
        simulate_lanes(&mut feed);
    }
}

/// A batch's runs in index order, for [`simulate_lanes`].
struct LaneFeed<'m, 'r, P, O, const N: usize> {
    model: &'m CampaignLanes<'m, P, O>,
    runs: Range<u64>,
    streams: &'m Streams,
    values: ParamValues,
    report: &'r mut dyn FnMut(u64, RunOutcome<N>),
}

impl<P, O, const N: usize> CampaignRuns for LaneFeed<'_, '_, P, O, N>
where
    P: Fn(&ParamValues, &mut RunRng) -> Result<CampaignInputs, RunOutcome<N>>,
    O: Fn(&CampaignOutcome) -> RunOutcome<N>,
{
    type Tag = u64;

    fn next_run(&mut self) -> Option<(u64, CampaignInputs)> {
        for run_idx in self.runs.by_ref() {
            let mut rng = self.streams.run(run_idx);
            self.model.draws.draw_into(run_idx, &mut rng, &mut self.values);
            match (self.model.prepare)(&self.values, &mut rng) {
                Ok(inputs) => return Some((run_idx, inputs)),
                Err(rejected) => (self.report)(run_idx, rejected),
            }
        }
        None
    }

    fn ended(&mut self, run_idx: u64, outcome: CampaignOutcome) {
        (self.report)(run_idx, (self.model.outcome)(&outcome));
    }
}

/// Verdict thresholds from the scenario.
pub fn thresholds(scenario: &Scenario) -> Thresholds {
    Thresholds {
        self_sufficient: scenario.value(Param::CoverageSelfSufficient),
        partially_dependent: scenario.value(Param::CoveragePartiallyDependent),
    }
}

/// A holding of `iso3` on `line` (`active_personnel` comes from the country figures), looked
/// up in `holdings`, the index of `dataset`'s inventory.
fn holding(dataset: &Dataset, holdings: &Holdings<'_>, iso3: Iso3, scope: &str, line: &str) -> Option<f64> {
    if line == "active_personnel" {
        let figure = if scope == "europe" { "active_personnel_europe" } else { "active_personnel" };
        return dataset.country_figure(iso3, figure).map(|f| f.value);
    }
    holdings.get(iso3, scope, line).map(|h| h.quantity)
}

/// [`holding`] with its bound; personnel figures (country figures) have no bound column and
/// are exact.
pub(crate) fn bounded_holding(
    dataset: &Dataset,
    holdings: &Holdings<'_>,
    iso3: Iso3,
    scope: &str,
    line: &str,
) -> Option<(f64, Bound)> {
    if line == "active_personnel" {
        return holding(dataset, holdings, iso3, scope, line).map(|quantity| (quantity, Bound::Exact));
    }
    holdings.get(iso3, scope, line).map(|h| (h.quantity, h.bound))
}

/// The force package of the scenario (`force_package_troops` > 0), equipped like the coalition's
/// brigades on every land equipment line; `None` when the scenario sets none.
pub fn force_package(
    dataset: &Dataset,
    scenario: &Scenario,
) -> Option<Result<ForcePackage, bulwark_models::ModelError>> {
    force_package_with(dataset, &dataset.holdings(), scenario)
}

/// [`force_package`] with the holdings looked up in `holdings`, the index of `dataset`'s
/// inventory.
pub(crate) fn force_package_with(
    dataset: &Dataset,
    holdings: &Holdings<'_>,
    scenario: &Scenario,
) -> Option<Result<ForcePackage, bulwark_models::ModelError>> {
    let troops = scenario.value(Param::ForcePackageTroops);
    if troops == 0.0 {
        return None;
    }
    let members = &scenario.coalition.value.members;
    let lines = brigade_components(dataset)
        .filter(|line| *line != "active_personnel")
        .map(|line| LineHoldings {
            line: line.to_string(),
            members: members
                .iter()
                .filter_map(|iso3| {
                    let brigades = holding(dataset, holdings, *iso3, "total", "manoeuvre_brigades")?;
                    let quantity = holding(dataset, holdings, *iso3, "total", line)?;
                    Some(MemberHolding { iso3: iso3.to_string(), brigades, quantity })
                })
                .collect(),
        })
        .collect();
    Some(force_package::derive(&PackageInput {
        troops,
        troops_per_brigade: scenario.value(Param::ForcePackageTroopsPerBrigade),
        lines,
    }))
}

/// The ledger input of a line, and how many coalition members have a figure for it. A force
/// package, when the scenario sets one, stands for the US contribution on the lines it holds.
pub fn ledger_input(
    dataset: &Dataset,
    scenario: &Scenario,
    line: &CapabilityLine,
    package: Option<&ForcePackage>,
) -> (LineInput, usize) {
    ledger_input_with(dataset, &dataset.holdings(), scenario, line, package)
}

/// [`ledger_input`] with the holdings looked up in `holdings`, the index of `dataset`'s
/// inventory (built once for all lines).
pub(crate) fn ledger_input_with(
    dataset: &Dataset,
    holdings: &Holdings<'_>,
    scenario: &Scenario,
    line: &CapabilityLine,
    package: Option<&ForcePackage>,
) -> (LineInput, usize) {
    ledger_input_from(dataset, scenario, line, &line_figures(dataset, holdings, scenario, line), package)
}

/// What the ledger reads of the dataset for one line: the coalition members' holdings and the
/// US's in Europe with their bounds, and the bound of the adversary's holding. They depend on
/// the dataset, the coalition and the adversary alone, not on any parameter's value, so the
/// headline ranges look them up once for all their draws.
#[derive(Clone, Debug)]
pub(crate) struct LineFigures {
    /// Each member's holding that has a figure, in coalition order.
    members: Vec<(f64, Bound)>,
    /// Whether the US is outside the coalition (and so a separate contribution).
    usa_outside: bool,
    /// The US's holding in Europe, when outside the coalition and given.
    us_in_europe: Option<(f64, Bound)>,
    /// The bound of the adversary's holding (exact when it has none).
    threat_bound: Bound,
}

/// The [`LineFigures`] of `line` for `scenario`'s coalition and adversary.
pub(crate) fn line_figures(
    dataset: &Dataset,
    holdings: &Holdings<'_>,
    scenario: &Scenario,
    line: &CapabilityLine,
) -> LineFigures {
    let members = &scenario.coalition.value.members;
    let usa = Iso3::parse("USA").filter(|_| !members.iter().any(|m| m.as_str() == "USA"));
    LineFigures {
        members: members
            .iter()
            .filter_map(|iso3| bounded_holding(dataset, holdings, *iso3, "total", &line.id))
            .collect(),
        usa_outside: usa.is_some(),
        us_in_europe: usa.and_then(|usa| bounded_holding(dataset, holdings, usa, "europe", &line.id)),
        threat_bound: bounded_holding(dataset, holdings, scenario.ledger.adversary.value, "total", &line.id)
            .map_or(Bound::Exact, |(_, bound)| bound),
    }
}

/// [`ledger_input`] from the line's figures, looked up beforehand for `scenario`'s coalition and
/// adversary ([`line_figures`]).
pub(crate) fn ledger_input_from(
    dataset: &Dataset,
    scenario: &Scenario,
    line: &CapabilityLine,
    figures: &LineFigures,
    package: Option<&ForcePackage>,
) -> (LineInput, usize) {
    let members = &figures.members;
    let europe_inventory = (!members.is_empty()).then(|| members.iter().map(|(quantity, _)| quantity).sum());
    let europe_bound = Bound::of_sum(members.iter().map(|(_, bound)| *bound));
    // A force package is derived from the coalition's own brigades, not from a US figure: it is
    // taken as stated.
    let (us_full, us_bound) = match package.and_then(|p| p.quantity(&line.id)) {
        Some(quantity) if figures.usa_outside => (Some(quantity), Bound::Exact),
        _ => match figures.us_in_europe {
            Some((quantity, bound)) => (Some(quantity), bound),
            None => (None, Bound::Exact),
        },
    };
    let us_posture = scenario.us_posture.for_group(&line.us_posture_group).map_or(0.0, |s| s.value);
    let ledger = &scenario.ledger;
    let requirement = match ledger.requirement.value {
        RequirementMode::ReplaceUs => Requirement::ReplaceUs,
        // Russia's force in the year under study (the campaign's), from the threat trajectory
        // where it follows the line.
        RequirementMode::MatchThreat => Requirement::MatchThreat {
            threat: crate::threat_inputs::central_holding(
                dataset,
                scenario,
                &line.id,
                crate::campaign_inputs::campaign_year(scenario),
            ),
            ratio: scenario.value(Param::ThreatRatio),
            // The trajectory starts from today's holding and keeps its bound: a fleet counted
            // from one type of several stays an undercount whatever production and losses add.
            // (The bounds of production and loss rates are not carried into the projection.)
            threat_bound: figures.threat_bound,
        },
        RequirementMode::Targets => match ledger.targets.get(&line.id) {
            Some(target) => Requirement::Target(target.value),
            // A line without a target has no requirement: it is met by whatever Europe has.
            None => Requirement::Target(0.0),
        },
    };
    let input = LineInput {
        line: line.id.clone(),
        europe_inventory,
        europe_bound,
        availability: availability(scenario, &line.domain),
        us_full,
        us_bound,
        us_posture,
        requirement,
    };
    (input, members.len())
}

/// A line's median unit cost in EUR m at 2025 prices, its priced systems and notes on the
/// conversions ([`unit_cost`]).
pub type UnitCost = (Option<f64>, Vec<String>, Vec<LineNote>);

/// The priced systems of a line, its median unit cost in EUR m at 2025 prices, and notes on
/// approximate conversions.
pub fn unit_cost(dataset: &Dataset, line: &str) -> (Option<f64>, Vec<String>, Vec<LineNote>) {
    let mut values = Vec::new();
    let mut systems = Vec::new();
    let mut notes = Vec::new();
    for cost in dataset.costs.iter().filter(|c| c.line == line && c.figure == "unit_cost") {
        if let Some(converted) = money::unit_cost_eur_m(dataset, cost) {
            values.push(converted.eur_m);
            systems.push(cost.system.clone());
            notes.extend(
                converted.notes.into_iter().map(|approximation| LineNote::Approximated {
                    system: cost.system.clone(),
                    approximation,
                }),
            );
        }
    }
    systems.dedup();
    (median(&mut values), systems, notes)
}

/// Like [`unit_cost`], but a line without a sourced cost takes the cost of the line the
/// scenario names as its proxy (`[closure.cost_proxies]`), and a note says so.
pub fn unit_cost_with_proxy(dataset: &Dataset, scenario: &Scenario, line: &str) -> UnitCost {
    let own = unit_cost(dataset, line);
    match (&own.0, scenario.closure.cost_proxies.get(line)) {
        (None, Some(proxy)) => {
            let (cost, systems, mut notes) = unit_cost(dataset, &proxy.value);
            notes.push(LineNote::CostProxy { proxy: proxy.value.clone(), origin: proxy.origin.to_string() });
            (cost, systems, notes)
        }
        _ => own,
    }
}

/// The closure input of a line with a gap; notes say which fallbacks were used.
pub fn line_gap(
    dataset: &Dataset,
    scenario: &Scenario,
    line: &str,
    gap_units: f64,
    unit_cost_eur_m: Option<f64>,
) -> (LineGap, Vec<LineNote>) {
    let mut notes = Vec::new();
    let is_personnel = line == "active_personnel";
    let figures =
        |name: &'static str| dataset.costs.iter().filter(move |c| c.line == line && c.figure == name);
    let mut lead_times: Vec<f64> = figures("lead_time").map(|c| c.value).collect();
    let lead_time_years = median(&mut lead_times).unwrap_or_else(|| {
        if is_personnel {
            // Recruits join the year after the decision; training time is not modelled.
            return 0.0;
        }
        notes.push(LineNote::FallbackLeadTime);
        scenario.value(Param::FallbackLeadTimeYears)
    });
    // Per system the smallest stated rate (today's output rather than a plan), summed over systems.
    let mut per_system: Vec<(String, f64)> = Vec::new();
    for cost in figures("production_rate") {
        match per_system.iter_mut().find(|(system, _)| *system == cost.system) {
            Some((_, rate)) => *rate = rate.min(cost.value),
            None => per_system.push((cost.system.clone(), cost.value)),
        }
    }
    let production_per_year = if per_system.is_empty() {
        if gap_units > 0.0 {
            notes.push(if is_personnel {
                LineNote::FallbackRecruitmentRate
            } else {
                LineNote::FallbackProductionRate
            });
        }
        Some(gap_units * scenario.value(Param::FallbackProductionShare))
    } else {
        Some(per_system.iter().map(|(_, rate)| rate).sum())
    };
    let unit_cost_eur_m =
        if is_personnel { Some(scenario.value(Param::PersonnelCostEurK) / 1000.0) } else { unit_cost_eur_m };
    let critical = scenario.closure.critical.value.iter().any(|c| c == line);
    let gap = LineGap {
        line: line.to_string(),
        gap_units,
        unit_cost_eur_m,
        is_personnel,
        lead_time_years,
        production_per_year,
        critical,
    };
    (gap, notes)
}

/// The lines a manoeuvre brigade is made of: every other land line (its equipment and people).
fn brigade_components(dataset: &Dataset) -> impl Iterator<Item = &str> {
    dataset.lines.iter().filter(|l| l.domain == "land" && l.id != "manoeuvre_brigades").map(|l| l.id.as_str())
}

/// Raises the manoeuvre brigades, which have no price of their own, from the deliveries of the
/// other land lines (their tanks, fighting vehicles, guns and people); see
/// [`closure::assemble`]. Returns whether it did.
pub fn assemble_brigades(dataset: &Dataset, outcome: &mut closure::ClosureOutcome) -> bool {
    let components: Vec<&str> = brigade_components(dataset).collect();
    closure::assemble(outcome, "manoeuvre_brigades", &components, PRICE_BASE_YEAR)
}

/// Shared closure parameters.
pub fn closure_params(scenario: &Scenario) -> ClosureParams {
    ClosureParams {
        base_year: PRICE_BASE_YEAR,
        horizon_years: horizon_years(scenario),
        operating_cost_fraction: scenario.value(Param::OperatingCostFraction),
        production_growth: scenario.value(Param::ProductionGrowth) / 100.0,
        production_cap_multiple: scenario.value(Param::ProductionCapMultiple),
        import_share: scenario.value(Param::ImportShare),
    }
}

/// The horizon in whole years (at least one).
pub fn horizon_years(scenario: &Scenario) -> u16 {
    let years = scenario.value(Param::HorizonYears);
    if years.is_finite() {
        years.round().clamp(1.0, 200.0) as u16
    } else {
        25
    }
}

/// Budget inputs for the coalition; also returns members left out for want of figures.
pub fn budget_inputs(dataset: &Dataset, scenario: &Scenario) -> (BudgetInputs, Vec<String>) {
    let base_year = PRICE_BASE_YEAR;
    let common_target = scenario.value(Param::TargetCorePct);
    let common_growth = scenario.value(Param::RealGdpGrowth);
    let common_year = scenario.value(Param::TargetYear).round() as u16;
    let mut countries = Vec::new();
    let mut missing = Vec::new();
    let nato = dataset.members("NATO");
    for iso3 in &scenario.coalition.value.members {
        let share = dataset.country_figure(*iso3, "defence_share_gdp");
        let (Some(gdp_eur_bn), Some(share)) = (gdp_eur_bn(dataset, *iso3), share) else {
            missing.push(iso3.to_string());
            continue;
        };
        let own = scenario.budget.countries.get(iso3).map(|s| &s.value);
        let own_target = own.and_then(|o| o.target_pct);
        let ally = nato.contains(iso3);
        // The Hague commitment binds NATO allies; a country outside NATO keeps its own share
        // unless the scenario gives it a path.
        let (path, default_target) = match (ally, own_target.is_some()) {
            (true, false) => (SpendingPath::Hague, common_target),
            (true, true) => (SpendingPath::OwnAlly, common_target),
            (false, true) => (SpendingPath::OwnNonAlly, share.value),
            (false, false) => (SpendingPath::Current, share.value),
        };
        countries.push(CountryBudget {
            iso3: iso3.to_string(),
            gdp_eur_bn,
            share_pct: share.value,
            target_pct: own_target.unwrap_or(default_target),
            target_year: own.and_then(|o| o.target_year).unwrap_or(common_year),
            real_gdp_growth: own.and_then(|o| o.real_gdp_growth_pct).unwrap_or(common_growth) / 100.0,
            path,
        });
    }
    let inputs = BudgetInputs {
        base_year,
        end_year: base_year + horizon_years(scenario),
        related_target_pct: scenario.value(Param::TargetRelatedPct),
        defence_inflation_excess: scenario.value(Param::DefenceInflationExcess) / 100.0,
        countries,
        instruments: eu_instruments(dataset, scenario),
    };
    (inputs, missing)
}

/// A country's GDP in EUR bn (figures in USD at the base year's rate).
fn gdp_eur_bn(dataset: &Dataset, iso3: Iso3) -> Option<f64> {
    let gdp = dataset.country_figure(iso3, "gdp")?;
    Some(match gdp.unit.as_str() {
        "eur_bn" => gdp.value,
        _ => gdp.value * money::eur_per(dataset, "USD", PRICE_BASE_YEAR).map_or(f64::NAN, |(_, rate)| rate),
    })
}

/// The coalition's share of the EU's GDP: EU instruments reach only the coalition's EU members.
/// Members without a GDP figure count in neither sum.
pub fn eu_gdp_share(dataset: &Dataset, scenario: &Scenario) -> f64 {
    let gdp = |iso3: &Iso3| gdp_eur_bn(dataset, *iso3).unwrap_or(0.0);
    let eu = dataset.members("EU");
    let members = &scenario.coalition.value.members;
    let total: f64 = eu.iter().map(gdp).sum();
    let in_coalition: f64 = eu.iter().filter(|iso3| members.contains(iso3)).map(gdp).sum();
    if total > 0.0 {
        in_coalition / total
    } else {
        0.0
    }
}

/// EU instruments in their years, scaled to the coalition's share of EU GDP: SAFE loans, and the
/// part of the Readiness 2030 fiscal space (the national escape clause) spent beyond the
/// spending path. An amount is spread evenly over its years; a year before the first projected
/// one adds nothing (its money is already in the base-year spending).
fn eu_instruments(dataset: &Dataset, scenario: &Scenario) -> Vec<InstrumentYear> {
    let share = eu_gdp_share(dataset, scenario);
    let spread = |name: &str, total_eur_bn: f64, first: Param, last: Param| {
        let first = scenario.value(first).round() as u16;
        let last = (scenario.value(last).round() as u16).max(first);
        let n_years = f64::from(last - first + 1);
        (first..=last)
            .map(|year| InstrumentYear { name: name.into(), year, eur_bn: total_eur_bn * share / n_years })
            .collect::<Vec<_>>()
    };
    let readiness = scenario.value(Param::Readiness2030FiscalSpaceEurBn)
        * scenario.value(Param::Readiness2030UseBeyondPath);
    let mut instruments = spread(
        "SAFE loans",
        scenario.value(Param::EuSafeLoansEurBn),
        Param::SafeFirstYear,
        Param::SafeLastYear,
    );
    instruments.extend(spread(
        "Readiness 2030 fiscal space beyond the path",
        readiness,
        Param::Readiness2030FirstYear,
        Param::Readiness2030LastYear,
    ));
    instruments
}

#[cfg(test)]
mod tests;
