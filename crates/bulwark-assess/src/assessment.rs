//! The [`Assessment`]: every figure `bulwark assess` reports, as plain data for the report crate.

use bulwark_models::budget::BudgetOutcome;
use bulwark_models::closure::LineClosure;
use bulwark_models::ledger::{LineOutcome, Thresholds, Verdict};

mod answers;
mod figures;

pub use answers::{Answer, LeverGain, OwnDeterrentAnswer, PackageAnswer, StopRussiaAnswer, UmbrellaAnswer};
pub use figures::{
    AxisFigures, BodyFigures, DecisionFigures, DomainScore, FinancialFigures, IamdEnsembleFigures,
    IamdFigures, ModelRefusal, MultiDomainFigures, NuclearFigures, PatronFigures, StrategicAssetsFigures,
};

/// Which members the scenario counts as "Europe" where readers may count otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct CoalitionChoices {
    /// Turkey is in the coalition (a NATO ally outside the EU with large land forces).
    pub includes_turkey: bool,
    /// Coalition members in the EU but not in NATO (not bound by the Hague commitment).
    pub non_nato_eu_members: Vec<String>,
    /// NATO or EU members of the dataset the scenario leaves out (the US and Canada among them).
    pub excluded: Vec<String>,
}

/// Share of each US contribution the scenario keeps, 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UsPostureShares {
    /// Ground, air and naval combat forces.
    pub conventional: f64,
    /// Enablers.
    pub enablers: f64,
    /// Intelligence sharing.
    pub intelligence: f64,
    /// The nuclear umbrella.
    pub nuclear: f64,
}

/// The whole assessment of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Scenario name.
    pub scenario: String,
    /// Scenario description.
    pub description: String,
    /// Dataset name.
    pub dataset: String,
    /// Year of prices and of the starting point.
    pub base_year: u16,
    /// Last year of the horizon.
    pub end_year: u16,
    /// Coalition members.
    pub coalition: Vec<String>,
    /// Who counts as "Europe": the coalition choices a reader must see.
    pub coalition_choices: CoalitionChoices,
    /// The scenario's US posture: the benchmark beside every Europe-alone verdict.
    pub us_posture: UsPostureShares,
    /// The requirement mode (`replace-us`, …).
    pub requirement_mode: String,
    /// One entry per capability line, in catalogue order.
    pub lines: Vec<LineResult>,
    /// The five axes of docs/design.md §1, in order.
    pub axes: Vec<AxisResult>,
    /// The three questions of docs/design.md §1.
    pub questions: Vec<QuestionResult>,
    /// The budget projection.
    pub budget: BudgetOutcome,
    /// Coalition members left out of the budget for want of figures.
    pub budget_missing: Vec<String>,
    /// The coalition's share of EU GDP, by which the EU instruments are scaled.
    pub eu_gdp_share: f64,
    /// Procurement cost of all costed gaps, EUR bn.
    pub procurement_eur_bn: f64,
    /// Cost of all costed gaps over the horizon, EUR bn.
    pub horizon_cost_eur_bn: f64,
    /// Cumulative headroom over the horizon, EUR bn.
    pub cumulative_headroom_eur_bn: f64,
    /// Horizon cost / cumulative headroom.
    pub affordability_ratio: Option<f64>,
    /// Year the last critical gap closes; `None` when one stays open or is unknown.
    pub window_closes: Option<u16>,
    /// Critical lines still open (or unknown) at the end of the horizon.
    pub window_open_lines: Vec<String>,
    /// Lines the scenario leaves out of the costing (`[closure] excluded`), with a gap or not.
    pub costing_excluded: Vec<String>,
    /// The deterministic headline figures over the scenario's uncertainties.
    pub ranges: Option<crate::HeadlineRanges>,
    /// Judgement parameters used, with value, unit, origin and rationale.
    pub assumptions: Vec<Assumption>,
    /// The Baltic campaign (docs/design.md §4.4): holding with and without the US, and year by year; `None` if it failed.
    pub campaign: Option<crate::campaign_inputs::CampaignAssessment>,
    /// Russia's force year by year and the readiness clocks (docs/design.md §4.8); `None` if the
    /// trajectory could not be run.
    pub threat: Option<crate::threat_inputs::ThreatAssessment>,
    /// The nuclear balance and extended-deterrence model (docs/design.md §4.6); `None` when its inputs are missing.
    pub nuclear: Option<crate::nuclear_inputs::NuclearAssessment>,
    /// The IAMD saturation model (docs/design.md §4.5) with and without the US; `None` if it refused its inputs.
    pub iamd: Option<crate::iamd_inputs::IamdAssessment>,
    /// The alliance decision-time model (docs/design.md §4.7) with and without the US; `None` if it refused its inputs.
    pub decision: Option<crate::decision_inputs::DecisionAssessment>,
    /// The force package standing for the US land contribution, when the scenario sets one.
    pub force_package: Option<bulwark_models::force_package::ForcePackage>,
    /// The assumptions that move each headline most. [`crate::assess`] leaves it empty: the
    /// screen runs the models again, so `bulwark-explore` (`drivers::headline_drivers`) fills it
    /// where a caller asks for it (`bulwark assess` does).
    pub drivers: Vec<HeadlineDrivers>,
}

impl Assessment {
    /// How far the cost totals ([`Assessment::procurement_eur_bn`],
    /// [`Assessment::horizon_cost_eur_bn`]) rest on bounds: each costed gap is a bound when a
    /// figure it is computed from is one (a lower-bound requirement gives a lower-bound gap), and
    /// a total of gaps is bounded the way its gaps are ([`bulwark_core::Bound::of_sum`]).
    pub fn cost_bounds(&self) -> CostBounds {
        let costed: Vec<&LineResult> = self
            .lines
            .iter()
            .filter(|l| {
                l.closure.as_ref().and_then(|c| c.procurement_eur_bn).is_some_and(|eur_bn| eur_bn > 0.0)
            })
            .collect();
        let count =
            |bound: bulwark_core::Bound| costed.iter().filter(|l| l.ledger.gap_bound == bound).count();
        CostBounds {
            bound: bulwark_core::Bound::of_sum(costed.iter().map(|l| l.ledger.gap_bound)),
            costed: costed.len(),
            lower: count(bulwark_core::Bound::Lower),
            upper: count(bulwark_core::Bound::Upper),
            other: costed.iter().filter(|l| l.ledger.gap_bound.is_bound()).count()
                - count(bulwark_core::Bound::Lower)
                - count(bulwark_core::Bound::Upper),
        }
    }
}

/// The bounds behind the cost totals (see [`Assessment::cost_bounds`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostBounds {
    /// The bound of the totals: a lower bound when every bounded gap is one, mixed when lower
    /// and upper bounds meet.
    pub bound: bulwark_core::Bound,
    /// Lines with a gap that costs something (the terms of the totals).
    pub costed: usize,
    /// Of them, lines whose gap is a lower bound (the true gap, and its cost, may be larger).
    pub lower: usize,
    /// Lines whose gap is an upper bound.
    pub upper: usize,
    /// Lines whose gap is a claim or mixes bounds.
    pub other: usize,
}

/// The assumptions that move one headline most, from a Morris screen.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineDrivers {
    /// The headline's figure as `bulwark explore` names it (`baltic.held_day_28`).
    pub outcome: &'static str,
    /// What the headline is, in a phrase.
    pub headline: &'static str,
    /// The outcome screened (the headline's own; for the Baltic defence, the share of runs that
    /// hold to day 28 at each point of the design).
    pub screened: &'static str,
    /// Unit of the screened outcome.
    pub unit: &'static str,
    /// Morris trajectories of the screen.
    pub trajectories: usize,
    /// Model runs of the screen.
    pub runs: u64,
    /// Uncertain parameters the screen varied.
    pub n_parameters: usize,
    /// How many of them moved the screened outcome at all (a deterministic figure may depend
    /// on one alone; then its share is 100 % by construction, not by comparison).
    pub moved_by: usize,
    /// The two or three parameters with the largest μ*, largest first; empty when no varied
    /// parameter moved the outcome.
    pub drivers: Vec<Driver>,
}

/// One influential assumption of a headline.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver {
    /// Parameter name.
    pub parameter: String,
    /// Its unit.
    pub unit: &'static str,
    /// Mean absolute elementary effect, in the screened outcome's unit per unit of probability.
    pub mu_star: f64,
    /// Its share of the sum of μ* over the varied parameters, 0 to 1.
    pub share: f64,
}

/// One capability line: the ledger, the cost and time to close, and where figures are missing.
#[derive(Clone, Debug, PartialEq)]
pub struct LineResult {
    /// Line id.
    pub line: String,
    /// Human-readable name.
    pub name: String,
    /// Domain (land, air, …).
    pub domain: String,
    /// What a unit counts.
    pub counted_in: String,
    /// US posture group.
    pub us_posture_group: String,
    /// Coalition members with a figure on this line, and the coalition's size.
    pub reporting: (usize, usize),
    /// The ledger's outcome.
    pub ledger: LineOutcome,
    /// Unit cost used, EUR m at 2025 prices, and the systems it is the median of.
    pub unit_cost_eur_m: Option<f64>,
    /// Systems priced.
    pub priced_systems: Vec<String>,
    /// Cost and time to close, when the line has a gap.
    pub closure: Option<LineClosure>,
    /// Judgement fallbacks applied (`fallback lead time`) and conversions approximated.
    pub notes: Vec<LineNote>,
}

/// A note on how a line's figures were obtained: a conversion approximated, a cost proxy or a
/// judgement fallback. Typed so that the report writes it in its language; `Display` gives the
/// English the JSON carries.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LineNote {
    /// A priced system's conversion used a rate or price index of another year.
    Approximated {
        /// The priced system.
        system: String,
        /// What was approximated.
        approximation: crate::money::Approximation,
    },
    /// Priced as another line (the scenario's `[closure.cost_proxies]`).
    CostProxy {
        /// The line whose cost was used.
        proxy: String,
        /// `default` or where the scenario set it.
        origin: String,
    },
    /// The scenario's fallback lead time was used.
    FallbackLeadTime,
    /// The scenario's fallback production rate was used.
    FallbackProductionRate,
    /// The scenario's fallback recruitment rate was used.
    FallbackRecruitmentRate,
    /// The brigades are raised from the lines they are made of.
    AssembledFromLines,
}

impl std::fmt::Display for LineNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineNote::Approximated { system, approximation } => write!(f, "{system}: {approximation}"),
            LineNote::CostProxy { proxy, origin } => write!(f, "priced as {proxy} (cost proxy, {origin})"),
            LineNote::FallbackLeadTime => f.write_str("fallback lead time"),
            LineNote::FallbackProductionRate => f.write_str("fallback production rate"),
            LineNote::FallbackRecruitmentRate => f.write_str("fallback recruitment rate"),
            LineNote::AssembledFromLines => {
                f.write_str("raised as its tanks, fighting vehicles, guns and people arrive (costed there)")
            }
        }
    }
}

/// The state of one axis.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisStatus {
    /// Scored.
    Assessed {
        /// The benchmark: score with the scenario's US posture, 0 to 1.
        score: f64,
        /// Europe alone: score without any US contribution, 0 to 1.
        score_without_us: f64,
        /// The verdict, on Europe alone (`score_without_us`): what the seed question asks.
        verdict: Verdict,
        /// The benchmark verdict, on `score`.
        benchmark: Verdict,
        /// The 90 % band of `score_without_us` over the scenario's uncertainties; `None` when
        /// the draws behind it could not be run.
        range_without_us: Option<crate::Spread>,
    },
    /// Its lines have no data.
    NoData,
    /// The model it needs is not built yet.
    ModelNotYetAvailable {
        /// Which model (the report names it and where it is specified).
        needs: PendingModel,
    },
}

impl AxisStatus {
    /// A scored axis: the verdict from Europe's own score, the benchmark from the score with
    /// the scenario's US posture.
    pub fn assessed(score: f64, score_without_us: f64, thresholds: &Thresholds) -> AxisStatus {
        AxisStatus::Assessed {
            score,
            score_without_us,
            verdict: Verdict::of(score_without_us, thresholds),
            benchmark: Verdict::of(score, thresholds),
            range_without_us: None,
        }
    }

    /// The same status with the band of Europe's own score.
    pub fn with_range(mut self, range: Option<crate::Spread>) -> AxisStatus {
        if let AxisStatus::Assessed { range_without_us, .. } = &mut self {
            *range_without_us = range;
        }
        self
    }
}

/// One of the five axes.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisResult {
    /// 1 to 5; the report titles it (`axis-<number>-title` of its catalogue).
    pub number: u8,
    /// Score and verdict, or why there is none.
    pub status: AxisStatus,
    /// Lines that decide it (ids), weakest first.
    pub deciding_lines: Vec<String>,
    /// The figures that explain it, as numbers (the report writes them).
    pub figures: AxisFigures,
    /// Models the axis still awaits because they refused the scenario's inputs (the report
    /// names them).
    pub pending: Vec<PendingModel>,
    /// What a reader needs to follow the score beside the lines: a model outcome scored like a
    /// line, and the lines at zero that decide a geometric mean on their own.
    pub score_notes: ScoreNotes,
}

/// What decides an axis's score beyond its table of lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreNotes {
    /// A model outcome the score counts like a line of weight 1 (axis 1: the IAMD model's share
    /// of threats stopped); `None` when the axis has none.
    pub model_term: Option<ModelTerm>,
    /// Lines (ids, or the model term's id) at zero coverage Europe alone: in a geometric mean
    /// any one of them makes the score 0 whatever the others.
    pub zero_alone: Vec<String>,
    /// The same with the scenario's US posture.
    pub zero_with_us: Vec<String>,
    /// For an axis scored as a weighted arithmetic mean of its lines' score and the model term
    /// (axis 4: `w × C2 + (1 − w) × P(decide in time)`), the lines' part of it; `None` for a
    /// geometric mean.
    pub weighted_mean: Option<WeightedMean>,
}

/// `score = ledger_weight × lines' score + (1 − ledger_weight) × model term`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeightedMean {
    /// The weight of the lines' score (0 when the lines have no data), 0 to 1.
    pub ledger_weight: f64,
    /// The lines' score (their weighted geometric mean) with the scenario's US posture.
    pub lines_with_us: f64,
    /// The lines' score, Europe alone.
    pub lines_alone: f64,
}

/// A model outcome scored like a capability line.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelTerm {
    /// Its id (`iamd_threats_stopped`); the report names it.
    pub id: &'static str,
    /// Its coverage with the scenario's US posture, 0 to 1.
    pub with_us: f64,
    /// Its coverage Europe alone, 0 to 1.
    pub alone: f64,
}

/// One of the three questions.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    /// `Q1` …; the report words the question (`question-<id>` of its catalogue).
    pub id: &'static str,
    /// The answer's figures, or what model it awaits.
    pub answer: Result<Answer, PendingModel>,
}

/// A model a part of the assessment awaits because it refused the scenario's inputs: data, not
/// a sentence; the report names it in the reader's language (`pending-<id>` of its catalogue).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PendingModel {
    /// The IAMD saturation model (docs/design.md §4.5).
    Iamd,
    /// The alliance decision-time model (docs/design.md §4.7).
    Decision,
    /// The Baltic campaign model (docs/design.md §4.4).
    Campaign,
    /// The nuclear model (docs/design.md §4.6), which needs the figures of `nuclear.csv` and the
    /// `nuclear_*` parameters.
    Nuclear,
}

impl PendingModel {
    /// Its id: `iamd`, `decision`, `campaign`.
    pub fn id(self) -> &'static str {
        match self {
            PendingModel::Iamd => "iamd",
            PendingModel::Decision => "decision",
            PendingModel::Campaign => "campaign",
            PendingModel::Nuclear => "nuclear",
        }
    }
}

/// A judgement parameter as used.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumption {
    /// Parameter name.
    pub name: String,
    /// The value used (the central value of a distribution).
    pub value: f64,
    /// The decimals of the numbers the scenario gives for it (its value, or its distribution's
    /// bounds and mode), at most 4: the precision a report shows `value` at, so that the mean
    /// of a triangular over whole days does not read as a figure known to a thousandth.
    pub decimals: usize,
    /// How it was given (`value`, `triangular`, …).
    pub form: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// `default` or where it was set.
    pub origin: String,
    /// Why.
    pub rationale: String,
}
