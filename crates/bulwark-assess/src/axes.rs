//! The five axes of docs/design.md §1. Each axis is one file in `axes/` implementing [`Axis`], and
//! one entry in [`AXES`]: adding or replacing an axis's model touches nothing else.

pub(crate) mod financial;
mod integration;
mod multi_domain;
mod nuclear;
mod strategic_assets;

use bulwark_data::Dataset;
use bulwark_models::ledger::{axis_score, Thresholds};
use bulwark_scenario::Scenario;

use crate::assessment::{AxisResult, AxisStatus, LineResult};

/// What an axis may look at: the ledger and closure per line, and the economic totals.
pub(crate) struct Context<'a> {
    pub(crate) models: &'a ModelRuns,
    pub(crate) scenario: &'a Scenario,
    /// The scenario's force package, or why the model refused it.
    pub(crate) force_package: Option<&'a Result<bulwark_models::force_package::ForcePackage, String>>,
    pub(crate) thresholds: Thresholds,
    pub(crate) lines: &'a [LineResult],
    pub(crate) horizon_cost_eur_bn: f64,
    pub(crate) cumulative_headroom_eur_bn: f64,
    pub(crate) static_increase_eur_bn: f64,
    pub(crate) window_closes: Option<u16>,
    pub(crate) end_year: u16,
    /// The headline figures redrawn over the scenario's uncertainties, for the axes' bands.
    pub(crate) ranges: Option<&'a crate::HeadlineRanges>,
}

/// The four models beyond the ledger, run once per assessment and shared by the axes and
/// questions that need them.
pub(crate) struct ModelRuns {
    pub(crate) campaign: Result<crate::campaign_inputs::CampaignAssessment, String>,
    pub(crate) threat: Result<crate::threat_inputs::ThreatAssessment, String>,
    pub(crate) nuclear: Result<crate::nuclear_inputs::NuclearAssessment, String>,
    pub(crate) iamd: Result<crate::iamd_inputs::IamdAssessment, bulwark_models::ModelError>,
    pub(crate) decision: Result<crate::decision_inputs::DecisionAssessment, String>,
}

impl ModelRuns {
    /// Each model runs on a thread of its own (the headline ranges too, once the IAMD they need
    /// has run on the caller's), so that their ensembles, which share the cores through rayon's
    /// pool, all start at once and no model waits for another to finish before its own runs
    /// begin: the wall time is then close to the longest chain of ensembles (the campaign's)
    /// rather than the sum of the models'. Each model is deterministic and independent of the
    /// others, so the results do not depend on the overlap.
    pub(crate) fn run(dataset: &Dataset, scenario: &Scenario) -> (ModelRuns, Option<crate::HeadlineRanges>) {
        std::thread::scope(|scope| {
            let campaign = scope.spawn(|| crate::campaign_inputs::assess_campaign(dataset, scenario));
            let decision = scope.spawn(|| crate::decision_inputs::assess_decision(dataset, scenario));
            let nuclear = scope.spawn(|| crate::nuclear_inputs::assess_nuclear(dataset, scenario));
            let iamd = crate::iamd_inputs::assess_iamd(dataset, scenario);
            let iamd_stopped_alone = iamd
                .as_ref()
                .ok()
                .and_then(|i| i.ranges.as_ref())
                .map(|r| 1.0 - r.leak_fraction_without_us.central);
            let ranges =
                scope.spawn(move || crate::ranges::headline_ranges(dataset, scenario, iamd_stopped_alone));
            let threat = crate::threat_inputs::assess_threat(
                dataset,
                scenario,
                crate::money::PRICE_BASE_YEAR + crate::resolve::horizon_years(scenario),
            );
            // A panic in another thread is passed on as if it had happened here.
            let campaign = campaign.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let decision = decision.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let nuclear = nuclear.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let ranges = ranges.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (ModelRuns { campaign, threat, nuclear, iamd, decision }, ranges)
        })
    }
}

/// Whether a line is scored under axis 1, strategic assets.
pub(crate) fn is_strategic_asset(line: &LineResult) -> bool {
    strategic_assets::LINES.contains(&line.line.as_str())
}

/// Whether a line is scored under axis 5, multi-domain forces: its domain's lines not already
/// scored under strategic assets (one line, one axis).
pub(crate) fn is_multi_domain(line: &LineResult) -> bool {
    multi_domain::DOMAINS.contains(&line.domain.as_str()) && !is_strategic_asset(line)
}

/// One axis of the assessment.
pub(crate) trait Axis: Sync {
    /// Computes the axis from the context.
    fn assess(&self, ctx: &Context<'_>) -> AxisResult;
}

/// The axes, in the order of docs/design.md §1.
pub(crate) const AXES: &[&dyn Axis] = &[
    &strategic_assets::StrategicAssets,
    &nuclear::Nuclear,
    &financial::Financial,
    &integration::Integration,
    &multi_domain::MultiDomain,
];

/// Scores the lines picked by `include` with the ledger's weights; the deciding lines are the
/// assessed ones, weakest first.
pub(crate) fn ledger_axis(ctx: &Context<'_>, include: impl Fn(&LineResult) -> bool) -> LedgerAxis {
    ledger_axis_with(ctx, include, None)
}

/// An axis scored from the ledger: its status, the lines that decide it and what the report
/// needs to explain the score.
pub(crate) struct LedgerAxis {
    pub(crate) status: AxisStatus,
    pub(crate) deciding_lines: Vec<String>,
    pub(crate) notes: crate::assessment::ScoreNotes,
}

/// As [`ledger_axis`], with one more factor scored like a line of weight 1: `(with the US,
/// Europe alone)` coverages of a model outcome (the IAMD share of threats stopped).
pub(crate) fn ledger_axis_with(
    ctx: &Context<'_>,
    include: impl Fn(&LineResult) -> bool,
    extra: Option<crate::assessment::ModelTerm>,
) -> LedgerAxis {
    let mut assessed: Vec<(&LineResult, f64, f64)> = ctx
        .lines
        .iter()
        .filter(|line| include(line))
        .filter_map(|line| Some((line, line.ledger.coverage?, line.ledger.coverage_without_us?)))
        .collect();
    if assessed.is_empty() && extra.is_none() {
        let notes = crate::assessment::ScoreNotes::default();
        return LedgerAxis { status: AxisStatus::NoData, deciding_lines: Vec::new(), notes };
    }
    assessed.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.line.cmp(&b.0.line)));
    let weight = |line: &LineResult| ctx.scenario.ledger.weights.get(&line.line).map_or(1.0, |w| w.value);
    let mut with_us: Vec<(f64, f64)> = assessed.iter().map(|(line, c, _)| (*c, weight(line))).collect();
    let mut alone: Vec<(f64, f64)> = assessed.iter().map(|(line, _, c)| (*c, weight(line))).collect();
    if let Some(term) = &extra {
        with_us.push((term.with_us, 1.0));
        alone.push((term.alone, 1.0));
    }
    // The geometric mean is 0 as soon as one weighted factor is: name those factors, since the
    // score then says nothing about the other lines.
    let at_zero = |pick: fn(&(&LineResult, f64, f64)) -> f64, term: Option<f64>| -> Vec<String> {
        let lines =
            assessed.iter().filter(|it| weight(it.0) > 0.0 && pick(it) <= 0.0).map(|it| it.0.line.clone());
        let term = extra.as_ref().filter(|_| term.is_some_and(|c| c <= 0.0)).map(|t| t.id.to_string());
        lines.chain(term).collect()
    };
    let notes = crate::assessment::ScoreNotes {
        zero_alone: at_zero(|it| it.2, extra.as_ref().map(|t| t.alone)),
        zero_with_us: at_zero(|it| it.1, extra.as_ref().map(|t| t.with_us)),
        model_term: extra,
        weighted_mean: None,
    };
    let deciding_lines = assessed.iter().map(|(line, _, _)| line.line.clone()).collect();
    let status = match (axis_score(&with_us), axis_score(&alone)) {
        (Some(score), Some(score_without_us)) => {
            AxisStatus::assessed(score, score_without_us, &ctx.thresholds)
        }
        _ => AxisStatus::NoData,
    };
    LedgerAxis { status, deciding_lines, notes }
}

/// Lines of the catalogue that have no data, by id, for an axis's figures.
pub(crate) fn unassessed(ctx: &Context<'_>, include: impl Fn(&LineResult) -> bool) -> Vec<String> {
    ctx.lines.iter().filter(|l| include(l) && l.ledger.coverage.is_none()).map(|l| l.line.clone()).collect()
}
