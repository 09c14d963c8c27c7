//! Resolve for the threat trajectory (`bulwark_models::threat`): the dataset's
//! Russian figures and one draw of the scenario's `threat_*` parameters become the model's
//! [`ThreatInputs`]; the assessment's fixed ensemble ([`assess_threat`]) and the full
//! `bulwark simulate threat` ensemble ([`simulate_threat`]).
//!
//! Where each figure comes from (the adversary is the scenario's `ledger.adversary`):
//!
//! - **Holdings**: `inventory.csv`, scope `total` (active), per line of [`THREAT_LINES`]; the
//!   stored stock from scope `stored` where the dataset has it.
//! - **Production and refurbishment**: `production.csv`, per line the items of
//!   [`PRODUCTION_ITEMS`] (the latest year; the first row among equals). Where both a new-build
//!   rate and a "produced or refurbished" rate exist, refurbishment is their difference;
//!   where only the combined rate exists (IFVs, guns) it is split per draw by
//!   `threat_new_build_share` into new build and refurbishment (which draws on the stored
//!   stock).
//! - **Losses**: `losses.csv`, the adversary's cumulative counts of the categories of
//!   [`LOSS_CATEGORIES`] (summed where a line has several, at dates every one of them has),
//!   turned into a rate a year by [`loss_rate`]: Oryx's visually confirmed counts first (a
//!   lower bound: equipment lost without a photograph is missing), the increase between the two
//!   latest dates over the time between them. For the baseline (Oryx, 2025): tanks 3,704 on
//!   25 January to 4,074 on 19 July, about 770 a year; infantry fighting vehicles 5,263 on
//!   31 December 2024 to 6,069 on 19 July, about 1,470 a year; tube artillery (self-propelled
//!   and towed) a single count of 1,443 on 19 July, so over the years since 24 February 2022,
//!   about 420 a year. The scenario's `threat_loss_scale` multiplies the rate (its rationale
//!   compares the Ukrainian General Staff's claimed rate with Oryx's).
//! - **Personnel**: `country_figures.csv` `active_personnel`.
//! - **Retirement** after the war: `threat_retirement_rate` (a judgement; the dataset has no
//!   sourced retirement or service-life figure for Russian land equipment).
//! - Everything else is a `threat_*` judgement parameter ([`THREAT_PARAMETERS`]).
//!
//! A figure the dataset lacks stays missing: the model lists it per line and never fills it.

use bulwark_core::Iso3;
use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, MetricSpec, RunOutcome, RunPlan, RunRng, Sampler};
use bulwark_models::threat::{self, LineStart, Pacing, ThreatInputs, ThreatParams};
use bulwark_scenario::{Param, ParamValues, Scenario};

use crate::money::PRICE_BASE_YEAR;

/// The land lines the trajectory follows, with the parameter giving units per battalion
/// equivalent.
pub const THREAT_LINES: [(&str, Param); 3] = [
    ("main_battle_tanks", Param::ThreatTanksPerBattalion),
    ("infantry_fighting_vehicles", Param::ThreatIfvsPerBattalion),
    ("artillery_tube", Param::ThreatGunsPerBattalion),
];

/// `production.csv` items per line: (new-build item, produced-or-refurbished item).
pub const PRODUCTION_ITEMS: [(&str, Option<&str>, Option<&str>); 3] = [
    ("main_battle_tanks", Some("tanks_new_build"), Some("tanks_produced_or_refurbished")),
    ("infantry_fighting_vehicles", None, Some("ifv_apc_produced_or_refurbished")),
    ("artillery_tube", None, Some("artillery_pieces_produced_or_refurbished")),
];

/// `losses.csv` categories whose counts add up to each line's losses.
pub const LOSS_CATEGORIES: [(&str, &[&str]); 3] = [
    ("main_battle_tanks", &["main_battle_tanks"]),
    ("infantry_fighting_vehicles", &["infantry_fighting_vehicles"]),
    ("artillery_tube", &["self_propelled_artillery", "towed_artillery"]),
];

/// Parameters drawn per run of the trajectory.
pub const THREAT_PARAMETERS: &[Param] = &[
    Param::ThreatWarEndYear,
    Param::ThreatLossScale,
    Param::ThreatUkraineShareAtWar,
    Param::ThreatUkraineShareAfterWar,
    Param::ThreatReconstitutionYears,
    Param::ThreatHeldBackShare,
    Param::ThreatMobilisation,
    Param::ThreatPersonnelPerBattalion,
    Param::ThreatSpendingGrowthPct,
    Param::ThreatProductionCapMultiple,
    Param::ThreatSanctionsEffect,
    Param::ThreatUnknownStockYears,
    Param::ThreatNewBuildShare,
    Param::ThreatRetirementRate,
    Param::ThreatTanksPerBattalion,
    Param::ThreatIfvsPerBattalion,
    Param::ThreatGunsPerBattalion,
    Param::ThreatLocalWarBattalions,
    Param::ThreatRegionalWarBattalions,
    Param::ThreatLargeWarBattalions,
];

/// The readiness clocks: id, title, requirement parameter.
pub const CLOCKS: [(&str, &str, Param); 3] = [
    ("local", "local war against one neighbouring NATO state", Param::ThreatLocalWarBattalions),
    ("regional", "regional war in the Baltic Sea region", Param::ThreatRegionalWarBattalions),
    ("large", "large-scale war against European NATO", Param::ThreatLargeWarBattalions),
];

/// Years every trajectory spans from its start year (clocks beyond are "not within the
/// horizon").
pub const THREAT_YEARS: usize = 30;

/// Draws of the assessment's fixed ensemble.
pub const ASSESS_DRAWS: u64 = 2000;

/// Metrics: the three clocks (years from the start, `THREAT_YEARS` = never), whether each is
/// reached within the horizon (0/1), then the battalions available against NATO at the start
/// of each year.
pub const N_METRICS: usize = 2 * CLOCKS.len() + THREAT_YEARS;

/// Index of the first battalion metric.
const FIRST_YEAR_METRIC: usize = 2 * CLOCKS.len();

/// One line as read from the dataset, with where each figure came from.
#[derive(Clone, Debug, PartialEq)]
pub struct LineFacts {
    /// The model's line (units per battalion filled in per draw).
    pub start: LineStart,
    /// Source ids of the figures used.
    pub sources: Vec<String>,
    /// How a figure was derived, where it was.
    pub derivations: Vec<Derivation>,
    /// The produced-or-refurbished rate a year, where the dataset gives no new-build rate
    /// beside it (split per draw by `threat_new_build_share`).
    pub combined_only_per_year: Option<f64>,
}

/// The dataset's figures the trajectory uses, fixed for a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreatFacts {
    /// The adversary.
    pub adversary: String,
    /// First year: the earliest as-of year of the holdings used.
    pub start_year: u16,
    /// Per line of [`THREAT_LINES`].
    pub lines: Vec<LineFacts>,
    /// Active personnel and its source.
    pub personnel: Option<(f64, String)>,
}

/// Resolves the facts.
pub fn facts(dataset: &Dataset, scenario: &Scenario) -> ThreatFacts {
    let adversary = scenario.ledger.adversary.value;
    let mut start_year = u16::MAX;
    let lines = THREAT_LINES
        .iter()
        .map(|(line, _)| {
            let facts = line_facts(dataset, adversary, line);
            if let Some(item) = dataset.holding(adversary, "total", line) {
                start_year = start_year.min(item.provenance.year);
            }
            facts
        })
        .collect();
    let personnel = dataset
        .country_figure(adversary, "active_personnel")
        .map(|figure| (figure.value, figure.provenance.source.clone()));
    ThreatFacts {
        adversary: adversary.to_string(),
        start_year: if start_year == u16::MAX { PRICE_BASE_YEAR } else { start_year },
        lines,
        personnel,
    }
}

fn line_facts(dataset: &Dataset, adversary: Iso3, line: &str) -> LineFacts {
    let mut sources = Vec::new();
    let mut derivations = Vec::new();
    let mut take = |item: Option<&bulwark_data::InventoryItem>| {
        item.map(|item| {
            sources.push(item.provenance.source.clone());
            item.quantity
        })
    };
    let holding = dataset.holding(adversary, "total", line);
    let as_of_year = holding.map(|item| item.provenance.year);
    let active = take(holding);
    let stored = take(dataset.holding(adversary, "stored", line));
    let (_, new_item, combined_item) =
        PRODUCTION_ITEMS.iter().find(|(l, _, _)| *l == line).copied().unwrap_or((line, None, None));
    let rate = |item: Option<&str>| item.and_then(|item| production_rate(dataset, adversary, item));
    let (new, combined) = (rate(new_item), rate(combined_item));
    for (_, source) in new.iter().chain(&combined) {
        sources.push(source.clone());
    }
    let new_per_year = new.as_ref().map(|(rate, _)| *rate);
    let combined_only_per_year = match (&new, &combined) {
        (None, Some((combined, _))) => Some(*combined),
        _ => None,
    };
    let refurbished_per_year = match (&new, &combined) {
        (Some((new, _)), Some((combined, _))) => {
            derivations.push(Derivation::Refurbishment { combined_per_year: *combined, new_per_year: *new });
            Some((combined - new).max(0.0))
        }
        (None, Some((combined, _))) => {
            derivations.push(Derivation::CombinedSplit { combined_per_year: *combined });
            None
        }
        _ => None,
    };
    let losses = war_losses_per_year(dataset, adversary, line);
    if let Some(loss) = &losses {
        sources.extend(loss.sources.iter().cloned());
        derivations.push(Derivation::Losses(loss.derivation.clone()));
    }
    sources.sort();
    sources.dedup();
    LineFacts {
        start: LineStart {
            line: line.to_string(),
            units_per_battalion: f64::NAN,
            active,
            as_of_year,
            stored,
            new_per_year,
            refurbished_per_year,
            war_losses_per_year: losses.map(|loss| loss.per_year),
        },
        sources,
        derivations,
        combined_only_per_year,
    }
}

/// The latest rate of an item a year, with its source (the first row among equal years).
fn production_rate(dataset: &Dataset, adversary: Iso3, item: &str) -> Option<(f64, String)> {
    let mut best: Option<&bulwark_data::ProductionFigure> = None;
    for figure in dataset.production.iter().filter(|f| f.iso3 == adversary && f.item == item) {
        if best.is_none_or(|b| figure.provenance.year > b.provenance.year) {
            best = Some(figure);
        }
    }
    best.map(|figure| (figure.per_year(), figure.provenance.source.clone()))
}

/// A loss rate read from the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct LossRate {
    /// Units lost a year while the war goes on.
    pub per_year: f64,
    /// Source ids of the counts used.
    pub sources: Vec<String>,
    /// How the rate was derived from the cumulative counts (with their basis).
    pub derivation: LossDerivation,
}

/// How a figure of a threat line was derived from the dataset: the numbers, which the report
/// words (this crate writes no sentence).
#[derive(Clone, Debug, PartialEq)]
pub enum Derivation {
    /// Refurbishment a year = produced or refurbished a year − new build a year.
    Refurbishment {
        /// Produced or refurbished a year.
        combined_per_year: f64,
        /// New build a year.
        new_per_year: f64,
    },
    /// Only a produced-or-refurbished rate: each draw splits it by `threat_new_build_share`.
    CombinedSplit {
        /// Produced or refurbished a year.
        combined_per_year: f64,
    },
    /// Losses a year from the loss table's cumulative counts.
    Losses(LossDerivation),
}

/// How a loss rate came from cumulative counts of one basis.
#[derive(Clone, Debug, PartialEq)]
pub struct LossDerivation {
    /// `visually_confirmed`, `estimated` or `claimed`.
    pub basis: String,
    /// The later count and its ISO date.
    pub latest: (f64, String),
    /// The earlier count and its date; `None` when the rate is the one count over the years
    /// since 24 February 2022.
    pub earlier: Option<(f64, String)>,
    /// The loss categories summed into the line, when more than one.
    pub summed: Vec<&'static str>,
}

/// Losses a year of `line` in the war against Ukraine, from the dataset's loss table: the
/// counts of the line's [`LOSS_CATEGORIES`] (summed per basis and date where every category
/// has a count that day), then [`loss_rate`]. `None` when the table has no usable count.
pub fn war_losses_per_year(dataset: &Dataset, adversary: Iso3, line: &str) -> Option<LossRate> {
    let categories = LOSS_CATEGORIES.iter().find(|(l, _)| *l == line).map_or(&[][..], |(_, c)| *c);
    let rows: Vec<&bulwark_data::LossFigure> = dataset
        .losses
        .iter()
        .filter(|row| row.iso3 == adversary && categories.contains(&row.category.as_str()))
        .collect();
    let mut counts: Vec<LossCount> = Vec::new();
    for row in &rows {
        if counts.iter().any(|c| c.basis == row.basis && c.as_of == row.as_of) {
            continue;
        }
        // One count per category at this basis and date (the first row among equals).
        let same_day: Vec<&&bulwark_data::LossFigure> = categories
            .iter()
            .filter_map(|category| {
                rows.iter().find(|r| r.category == *category && r.basis == row.basis && r.as_of == row.as_of)
            })
            .collect();
        if same_day.len() == categories.len() {
            counts.push(LossCount {
                basis: row.basis.to_string(),
                quantity: same_day.iter().map(|r| r.quantity).sum(),
                as_of: row.as_of.clone(),
                source: row.provenance.source.clone(),
            });
        }
    }
    let mut rate = loss_rate(&counts)?;
    if categories.len() > 1 {
        rate.derivation.summed = categories.to_vec();
    }
    Some(rate)
}

/// One cumulative loss count as the loss table gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct LossCount {
    /// `visually_confirmed`, `estimated` or `claimed`.
    pub basis: String,
    /// Units lost from the start of the full-scale war to `as_of`.
    pub quantity: f64,
    /// ISO date `YYYY-MM-DD`.
    pub as_of: String,
    /// Source id.
    pub source: String,
}

/// Start of the full-scale invasion, 24 February 2022, as a fractional year.
const WAR_START_YEAR: f64 = 2022.0 + 54.0 / 365.25;

/// The rate a year from cumulative counts of one line. Bases in order of preference:
/// visually confirmed (a lower bound), then estimated, then a belligerent's claim. Within the
/// first basis with counts: the increase between its two latest dates over the time between
/// them; with one count, that count over the years since 24 February 2022.
pub fn loss_rate(counts: &[LossCount]) -> Option<LossRate> {
    for basis in ["visually_confirmed", "estimated", "claimed"] {
        let mut dated: Vec<(f64, &LossCount)> = counts
            .iter()
            .filter(|c| c.basis == basis)
            .filter_map(|c| fractional_year(&c.as_of).map(|year| (year, c)))
            .collect();
        dated.sort_by(|a, b| a.0.total_cmp(&b.0));
        match dated.as_slice() {
            [] => continue,
            [.., (y0, c0), (y1, c1)] if y1 - y0 > 0.05 && c1.quantity >= c0.quantity => {
                let mut sources = vec![c0.source.clone(), c1.source.clone()];
                sources.dedup();
                return Some(LossRate {
                    per_year: (c1.quantity - c0.quantity) / (y1 - y0),
                    sources,
                    derivation: LossDerivation {
                        basis: basis.to_string(),
                        latest: (c1.quantity, c1.as_of.clone()),
                        earlier: Some((c0.quantity, c0.as_of.clone())),
                        summed: Vec::new(),
                    },
                });
            }
            [.., (y1, c1)] if *y1 > WAR_START_YEAR => {
                return Some(LossRate {
                    per_year: c1.quantity / (y1 - WAR_START_YEAR),
                    sources: vec![c1.source.clone()],
                    derivation: LossDerivation {
                        basis: basis.to_string(),
                        latest: (c1.quantity, c1.as_of.clone()),
                        earlier: None,
                        summed: Vec::new(),
                    },
                });
            }
            _ => continue,
        }
    }
    None
}

/// `YYYY-MM-DD` as a fractional year.
fn fractional_year(date: &str) -> Option<f64> {
    let mut parts = date.split('-').map(|p| p.parse::<u16>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let day_of_year = f64::from(month - 1) * 30.4375 + f64::from(day - 1);
    Some(f64::from(year) + day_of_year / 365.25)
}

/// The model's inputs for parameter values given by `value`.
pub fn inputs(facts: &ThreatFacts, value: &ParamValues) -> ThreatInputs {
    let lines = facts
        .lines
        .iter()
        .zip(THREAT_LINES)
        .map(|(line, (_, per_battalion))| {
            let mut start = LineStart { units_per_battalion: value[per_battalion], ..line.start.clone() };
            if let Some(combined) = line.combined_only_per_year {
                let new_share = value[Param::ThreatNewBuildShare];
                start.new_per_year = Some(combined * new_share);
                start.refurbished_per_year = Some(combined * (1.0 - new_share));
            }
            start
        })
        .collect();
    ThreatInputs {
        start_year: facts.start_year,
        n_years: THREAT_YEARS,
        lines,
        personnel: facts.personnel.as_ref().map(|(value, _)| *value),
        params: params(value),
    }
}

/// The model's parameters from `value`.
pub fn params(value: &ParamValues) -> ThreatParams {
    ThreatParams {
        war_end_year: value[Param::ThreatWarEndYear],
        loss_scale: value[Param::ThreatLossScale],
        ukraine_share_at_war: value[Param::ThreatUkraineShareAtWar],
        ukraine_share_after_war: value[Param::ThreatUkraineShareAfterWar],
        reconstitution_years: value[Param::ThreatReconstitutionYears],
        held_back_share: value[Param::ThreatHeldBackShare],
        mobilisation: value[Param::ThreatMobilisation],
        personnel_per_battalion: value[Param::ThreatPersonnelPerBattalion],
        spending_growth: value[Param::ThreatSpendingGrowthPct] / 100.0,
        production_cap_multiple: value[Param::ThreatProductionCapMultiple],
        sanctions_effect: value[Param::ThreatSanctionsEffect],
        unknown_stock_years: value[Param::ThreatUnknownStockYears],
        retirement_rate: value[Param::ThreatRetirementRate],
    }
}

/// Battalion equivalents available against NATO at the start of `year` for one draw; `None`
/// when the inputs are invalid or nothing is known. Years before the start take the start's
/// figure; years after the last take the last.
pub fn battalions_in(facts: &ThreatFacts, value: &ParamValues, year: u16) -> Option<f64> {
    let idx = usize::from(year.saturating_sub(facts.start_year)).min(THREAT_YEARS - 1);
    // Only the years up to the one asked for: the campaign calls this once per run.
    let inputs = ThreatInputs { n_years: idx + 1, ..inputs(facts, value) };
    inputs.validate().ok()?;
    threat::battalions_at(&inputs, idx)
}

/// Russia's holding on `line` at the start of `year` with the scenario's central values, for
/// the `match-threat` ledger mode: the trajectory's force on the lines it follows, else the
/// dataset's holding as it stands; `None` when the dataset has no holding.
pub fn central_holding(dataset: &Dataset, scenario: &Scenario, line: &str, year: u16) -> Option<f64> {
    let adversary = scenario.ledger.adversary.value;
    let today = || dataset.holding(adversary, "total", line).map(|item| item.quantity);
    let Some(idx) = THREAT_LINES.iter().position(|(l, _)| *l == line) else {
        return today();
    };
    let facts = facts(dataset, scenario);
    let inputs = inputs(&facts, &ParamValues::central(scenario));
    if inputs.validate().is_err() {
        return today();
    }
    let trajectory = threat::project(&inputs);
    let t = usize::from(year.saturating_sub(facts.start_year)).min(THREAT_YEARS - 1);
    trajectory.lines.get(idx)?.force.as_ref()?.get(t).copied()
}

/// The last year (from the start) a readiness clock can be reached in: the projection's last
/// year start. `clock_<id>_years` above it (the code `THREAT_YEARS`) is censored.
pub const CLOCK_HORIZON_YEARS: i64 = THREAT_YEARS as i64 - 1;

/// The metrics of [`simulate_threat`]: `clock_<id>_years` (years from the start year to each
/// readiness clock; `THREAT_YEARS` codes "not within the horizon", a censored value beyond
/// [`CLOCK_HORIZON_YEARS`]), `clock_<id>_reached` (1 when within the horizon), then
/// `battalions_<year>`.
pub fn threat_metrics(start_year: u16) -> Result<[MetricSpec; N_METRICS], String> {
    let err = |e: bulwark_ensemble::EnsembleError| e.to_string();
    let mut specs = Vec::with_capacity(N_METRICS);
    for (id, _, _) in CLOCKS {
        // A clock not reached within the projection is coded THREAT_YEARS: a censored time,
        // counted apart and kept out of the mean and the extremes, never averaged as 30 years.
        let spec = MetricSpec::continuous(&format!("clock_{id}_years"))
            .and_then(|spec| spec.with_horizon(CLOCK_HORIZON_YEARS))
            .map_err(err)?;
        specs.push(spec);
    }
    for (id, _, _) in CLOCKS {
        specs.push(MetricSpec::integer(&format!("clock_{id}_reached"), 0, 1).map_err(err)?);
    }
    for t in 0..THREAT_YEARS {
        specs.push(
            MetricSpec::continuous(&format!("battalions_{}", usize::from(start_year) + t)).map_err(err)?,
        );
    }
    specs.try_into().map_err(|_| "internal error: wrong number of threat metrics".to_string())
}

/// One run: the trajectory and the clocks.
fn run_once(facts: &ThreatFacts, value: &ParamValues) -> RunOutcome<N_METRICS> {
    let inputs = inputs(facts, value);
    if inputs.validate().is_err() {
        return RunOutcome::Failed("invalid input");
    }
    let trajectory = threat::project(&inputs);
    if trajectory.battalions.len() != THREAT_YEARS {
        return RunOutcome::Failed("no holding or personnel figure");
    }
    let mut values = [0.0; N_METRICS];
    for (idx, (_, _, requirement)) in CLOCKS.iter().enumerate() {
        let year = threat::readiness_year(0, &trajectory.battalions, value[*requirement]);
        values[idx] = year.unwrap_or(THREAT_YEARS as f64);
        values[CLOCKS.len() + idx] = if year.is_some() { 1.0 } else { 0.0 };
    }
    values[FIRST_YEAR_METRIC..].copy_from_slice(&trajectory.battalions);
    RunOutcome::Completed(values)
}

/// `bulwark simulate threat`: every run draws [`THREAT_PARAMETERS`] from the scenario's
/// distributions (Latin hypercube by default, run `i` from the stream of `(seed, i)`) and
/// projects the trajectory.
pub fn simulate_threat(
    dataset: &Dataset,
    scenario: &Scenario,
    plan: &RunPlan,
    hooks: Hooks<'_>,
) -> Result<EnsembleSummary, String> {
    let facts = facts(dataset, scenario);
    let draws = crate::resolve::ParamDraws::new(
        scenario,
        THREAT_PARAMETERS.iter().copied(),
        plan,
        Sampler::LatinHypercube,
    )
    .map_err(|e| e.to_string())?;
    inputs(&facts, &ParamValues::central(scenario)).validate().map_err(|e| e.to_string())?;
    let model = |run_idx: u64, rng: &mut RunRng| -> RunOutcome<N_METRICS> {
        run_once(&facts, &draws.draw(run_idx, rng))
    };
    bulwark_ensemble::run_ensemble(plan, &threat_metrics(facts.start_year)?, model, hooks)
        .map_err(|e| e.to_string())
}

/// Low, middle and high quantiles (10 %, 50 %, 90 %).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range3 {
    /// 10 %.
    pub low: f64,
    /// 50 %.
    pub median: f64,
    /// 90 %.
    pub high: f64,
}

/// Russia's force in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearForce {
    /// The year (its start).
    pub year: u16,
    /// Battalion equivalents available against NATO.
    pub battalions: Range3,
    /// What paces the count with the central values (a line id, `personnel` or `unknown`).
    pub pacing: String,
    /// Share committed in Ukraine with the central values.
    pub ukraine_share: f64,
}

/// One readiness clock.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadinessClock {
    /// `local`, `regional`, `large`.
    pub id: &'static str,
    /// What war.
    pub title: &'static str,
    /// The requirement's parameter and central value, battalion equivalents.
    pub parameter: Param,
    /// Central requirement.
    pub required_battalions: f64,
    /// Earliest year (fractional) at the 10 %, 50 %, 90 % quantiles; a quantile beyond the
    /// horizon is `None`.
    pub year_low: Option<f64>,
    /// Median.
    pub year_median: Option<f64>,
    /// 90 %.
    pub year_high: Option<f64>,
    /// Share of draws in which the force is never reached within the horizon.
    pub p_never: f64,
}

/// A line's status.
#[derive(Clone, Debug, PartialEq)]
pub struct LineStatus {
    /// Capability line id.
    pub line: String,
    /// Active holding at the start.
    pub active: Option<f64>,
    /// Stored stock at the start.
    pub stored: Option<f64>,
    /// Figures the dataset lacks.
    pub missing: Vec<&'static str>,
    /// Source ids used.
    pub sources: Vec<String>,
    /// Derivations.
    pub derivations: Vec<Derivation>,
    /// Central holding per year.
    pub force: Option<Vec<f64>>,
}

/// The threat part of the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreatAssessment {
    /// Adversary.
    pub adversary: String,
    /// Seed and draws of the fixed ensemble.
    pub seed: u64,
    /// Draws.
    pub n_draws: u64,
    /// Failed draws.
    pub n_failed: u64,
    /// Per year from the start year to the end of the budget path.
    pub years: Vec<YearForce>,
    /// The three clocks.
    pub clocks: Vec<ReadinessClock>,
    /// Per line.
    pub lines: Vec<LineStatus>,
    /// Active personnel and source.
    pub personnel: Option<(f64, String)>,
    /// Central war-end year.
    pub war_end_year: f64,
}

/// Runs the fixed ensemble of the assessment (the scenario's seed, one thread, Latin
/// hypercube) and the central trajectory.
pub fn assess_threat(
    dataset: &Dataset,
    scenario: &Scenario,
    end_year: u16,
) -> Result<ThreatAssessment, String> {
    let facts = facts(dataset, scenario);
    let plan = RunPlan::new(ASSESS_DRAWS, scenario.seed.value)
        .and_then(|p| p.with_threads(1))
        .map_err(|e| e.to_string())?;
    let summary = simulate_threat(dataset, scenario, &plan, Hooks::default())?;
    let central = ParamValues::central(scenario);
    let central_inputs = inputs(&facts, &central);
    let trajectory = threat::project(&central_inputs);
    let metrics = summary.metrics();
    let quantile = |idx: usize, q: f64| metrics[idx].quantile(q).unwrap_or(f64::NAN);
    let n_years = usize::from(end_year.saturating_sub(facts.start_year)).saturating_add(1).min(THREAT_YEARS);
    let years = (0..n_years)
        .map(|t| YearForce {
            year: facts.start_year + t as u16,
            battalions: Range3 {
                low: quantile(FIRST_YEAR_METRIC + t, 0.1),
                median: quantile(FIRST_YEAR_METRIC + t, 0.5),
                high: quantile(FIRST_YEAR_METRIC + t, 0.9),
            },
            pacing: match trajectory.pacing.get(t) {
                Some(Pacing::Line(line)) => line.clone(),
                Some(Pacing::Personnel) => "personnel".to_string(),
                _ => "unknown".to_string(),
            },
            ukraine_share: trajectory.ukraine_share.get(t).copied().unwrap_or(f64::NAN),
        })
        .collect();
    let start = f64::from(facts.start_year);
    let never = THREAT_YEARS as f64 - 1e-9;
    let clocks = CLOCKS
        .iter()
        .enumerate()
        .map(|(idx, (id, title, parameter))| {
            let year = |q: f64| metrics[idx].quantile(q).filter(|t| *t < never).map(|t| start + t);
            ReadinessClock {
                id,
                title,
                parameter: *parameter,
                required_battalions: central[*parameter],
                year_low: year(0.1),
                year_median: year(0.5),
                year_high: year(0.9),
                p_never: 1.0 - metrics[CLOCKS.len() + idx].mean(),
            }
        })
        .collect();
    let lines = facts
        .lines
        .iter()
        .zip(&trajectory.lines)
        .map(|(line, projected)| LineStatus {
            line: line.start.line.clone(),
            active: line.start.active,
            stored: line.start.stored,
            missing: projected.missing.clone(),
            sources: line.sources.clone(),
            derivations: line.derivations.clone(),
            force: projected.force.as_ref().map(|f| f[..n_years.min(f.len())].to_vec()),
        })
        .collect();
    Ok(ThreatAssessment {
        adversary: facts.adversary.clone(),
        seed: scenario.seed.value,
        n_draws: ASSESS_DRAWS,
        n_failed: summary.n_failed(),
        years,
        clocks,
        lines,
        personnel: facts.personnel.clone(),
        war_end_year: central[Param::ThreatWarEndYear],
    })
}

#[cfg(test)]
mod tests;
