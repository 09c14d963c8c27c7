//! Ranges of the assessment's deterministic headline figures: the ledger, budget and closure
//! redrawn [`RANGE_DRAWS`] times over the scenario's uncertainties (every uncertain parameter
//! of those models, Latin hypercube on the scenario's seed), giving p5–p95 of the Europe-alone
//! axis scores, the cost of closing Europe's gaps and the year the last critical gap closes.
//! The models' own figures (P(hold), credibility, leakers, deciding in time) carry the ranges of
//! their ensembles.

use bulwark_core::Distribution;
use bulwark_ensemble::{MetricSpec, RunOutcome, RunPlan, Sampler};
use bulwark_models::ledger::axis_score;
use bulwark_scenario::{Model, Param, Scenario};

use crate::assessment::LineResult;
use crate::resolve::ParamDraws;
use crate::{axes, core_with, CoreFacts, Spread};

/// Draws of the core per assessment: enough for p5 and p95 to rest on a few draws each, few
/// enough to keep `assess` quick.
pub const RANGE_DRAWS: u64 = 100;

/// Parts the ranges' draws are run in side by side (the same summary as one run of them all).
const RANGE_PARTS: u64 = 8;

/// p5–p95 of the deterministic headline figures.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineRanges {
    /// Draws made.
    pub n_draws: u64,
    /// Parameters drawn (those the scenario makes uncertain).
    pub drawn: Vec<Param>,
    /// Axis 1, Europe alone (its lines, with the IAMD factor at its ensemble mean).
    pub strategic_assets_alone: Option<Spread>,
    /// Axis 5, Europe alone.
    pub multi_domain_alone: Option<Spread>,
    /// Axis 3 (the same with and without the US: the budget is Europe's).
    pub financial_alone: Option<Spread>,
    /// Procurement to close Europe's own gaps, EUR bn.
    pub procurement_eur_bn: Spread,
    /// Cost over the horizon, EUR bn.
    pub horizon_cost_eur_bn: Spread,
    /// Year the last critical gap closes (the horizon's end + 1 when one stays open).
    pub window_closes: Spread,
}

/// The core's headline figures, in [`core_figures`] order: the Europe-alone scores of axes 1,
/// 5 and 3, procurement and horizon cost (EUR bn), and the year the last critical gap closes.
pub const CORE_FIGURES: [&str; 6] = [
    "strategic_assets_alone",
    "multi_domain_alone",
    "financial_alone",
    "procurement_eur_bn",
    "horizon_cost_eur_bn",
    "window_closes",
];

/// The parameters the core reads: those of the ledger, the budget, the closure and the force
/// package.
pub fn core_parameters() -> impl Iterator<Item = Param> {
    [Model::Ledger, Model::Budget, Model::Closure, Model::ForcePackage].into_iter().flat_map(Param::of_model)
}

/// The scenario with `values` as fixed values of the drawn parameters.
fn fixed(scenario: &Scenario, drawn: &[Param], values: &bulwark_scenario::ParamValues) -> Scenario {
    let mut out = scenario.clone();
    for param in drawn {
        if let Some(p) = out.parameters.get_mut(param.name()) {
            p.distribution = Distribution::Fixed(values[*param]);
        }
    }
    out
}

fn alone_score(
    lines: &[LineResult],
    scenario: &Scenario,
    include: impl Fn(&LineResult) -> bool,
    extra: Option<f64>,
) -> f64 {
    let weight = |line: &LineResult| scenario.ledger.weights.get(&line.line).map_or(1.0, |w| w.value);
    let pairs: Vec<(f64, f64)> = lines
        .iter()
        .filter(|l| include(l))
        .filter_map(|l| Some((l.ledger.coverage_without_us?, weight(l))))
        .chain(extra.map(|e| (e, 1.0)))
        .collect();
    axis_score(&pairs).unwrap_or(f64::NAN)
}

/// The core's headline figures ([`CORE_FIGURES`]) with the parameters `drawn` fixed at their
/// value in `values`; a critical gap still open at the horizon counts as closing the year after.
pub fn core_figures(
    dataset: &bulwark_data::Dataset,
    scenario: &Scenario,
    drawn: &[Param],
    values: &bulwark_scenario::ParamValues,
    iamd_stopped_alone: Option<f64>,
) -> [f64; 6] {
    core_figures_with(
        dataset,
        &CoreFacts::new(dataset, scenario),
        scenario,
        drawn,
        values,
        iamd_stopped_alone,
    )
}

/// [`core_figures`] with the dataset's figures of `scenario` looked up beforehand.
fn core_figures_with(
    dataset: &bulwark_data::Dataset,
    facts: &CoreFacts<'_>,
    scenario: &Scenario,
    drawn: &[Param],
    values: &bulwark_scenario::ParamValues,
    iamd_stopped_alone: Option<f64>,
) -> [f64; 6] {
    let drawn_scenario = fixed(scenario, drawn, values);
    let c = core_with(dataset, facts, &drawn_scenario);
    [
        alone_score(&c.lines, &drawn_scenario, axes::is_strategic_asset, iamd_stopped_alone),
        alone_score(&c.lines, &drawn_scenario, axes::is_multi_domain, None),
        axes::financial::score(c.closure.horizon_cost_eur_bn, c.budget.cumulative_headroom_eur_bn()),
        c.closure.procurement_eur_bn,
        c.closure.horizon_cost_eur_bn,
        f64::from(c.closure.window_closes.unwrap_or(c.end_year + 1)),
    ]
}

/// The ranges, or `None` when the ensemble cannot be set up (reported as a missing range).
/// `iamd_stopped_alone` is the share of threats Europe alone stops, scored with axis 1's lines.
pub fn headline_ranges(
    dataset: &bulwark_data::Dataset,
    scenario: &Scenario,
    iamd_stopped_alone: Option<f64>,
) -> Option<HeadlineRanges> {
    let plan = RunPlan::new(RANGE_DRAWS, scenario.seed.value).ok()?;
    let draws = ParamDraws::new(scenario, core_parameters(), &plan, Sampler::LatinHypercube).ok()?;
    let metrics: Vec<MetricSpec> =
        CORE_FIGURES.iter().map(|n| MetricSpec::continuous(n)).collect::<Result<_, _>>().ok()?;
    // The draws change parameter values only: the dataset's figures are looked up once.
    let facts = CoreFacts::new(dataset, scenario);
    let model = |run_idx: u64, rng: &mut bulwark_ensemble::RunRng| -> RunOutcome<6> {
        let values = draws.draw(run_idx, rng);
        let figures =
            core_figures_with(dataset, &facts, scenario, draws.drawn(), &values, iamd_stopped_alone);
        RunOutcome::Completed(figures)
    };
    let metrics: [MetricSpec; 6] = metrics.try_into().ok()?;
    // A hundred draws of the whole core are one chunk of the runner: in parts, on every core.
    let summary = crate::resolve::run_ensemble_in_parts(&plan, &metrics, model, RANGE_PARTS).ok()?;
    let spread = |name: &str| summary.metric(name).and_then(Spread::of_metric);
    Some(HeadlineRanges {
        n_draws: RANGE_DRAWS,
        drawn: draws.drawn().to_vec(),
        strategic_assets_alone: spread("strategic_assets_alone"),
        multi_domain_alone: spread("multi_domain_alone"),
        financial_alone: spread("financial_alone"),
        procurement_eur_bn: spread("procurement_eur_bn")?,
        horizon_cost_eur_bn: spread("horizon_cost_eur_bn")?,
        window_closes: spread("window_closes")?,
    })
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;

    use super::*;
    use crate::core;

    /// The dataset's figures looked up once give each of the ranges' draws the core that looking
    /// them up in the draw gives: the baseline, a withdrawal, a force package (which replaces the
    /// US figures on its lines) and match-threat mode (which reads the adversary's bounds).
    #[test]
    fn figures_looked_up_once_give_every_draw_its_own_core() {
        let dataset = Dataset::embedded().unwrap();
        let load = |name: &str| Scenario::load(name, &dataset).unwrap();
        let mut package = load("us-full-withdrawal");
        package.parameters.get_mut("force_package_troops").unwrap().distribution =
            Distribution::Fixed(60_000.0);
        let mut threat = load("baseline");
        threat.ledger.requirement.value = bulwark_scenario::RequirementMode::MatchThreat;
        for scenario in [load("baseline"), load("us-full-withdrawal"), package, threat] {
            let plan = RunPlan::new(RANGE_DRAWS, scenario.seed.value).unwrap();
            let draws =
                ParamDraws::new(&scenario, core_parameters(), &plan, Sampler::LatinHypercube).unwrap();
            let facts = CoreFacts::new(&dataset, &scenario);
            let streams = bulwark_ensemble::Streams::new(scenario.seed.value);
            for run_idx in [0, 41, 99] {
                let values = draws.draw(run_idx, &mut streams.run(run_idx));
                let drawn = fixed(&scenario, draws.drawn(), &values);
                let (once, each) = (core_with(&dataset, &facts, &drawn), core(&dataset, &drawn));
                let text = |c: &crate::Core| {
                    format!("{:?} {:?} {:?} {:?}", c.lines, c.budget, c.closure, c.force_package)
                };
                assert_eq!(text(&once), text(&each), "{}, draw {run_idx}", scenario.name);
                if drawn.value(Param::ForcePackageTroops) > 0.0 {
                    assert!(matches!(once.force_package, Some(Ok(_))), "the package is derived");
                }
                let figures =
                    core_figures_with(&dataset, &facts, &scenario, draws.drawn(), &values, Some(0.4));
                let fresh = core_figures(&dataset, &scenario, draws.drawn(), &values, Some(0.4));
                assert_eq!(figures.map(f64::to_bits), fresh.map(f64::to_bits));
            }
            assert_eq!(facts.lines.len(), dataset.lines.len());
        }
    }

    #[test]
    fn ranges_bracket_the_central_figures_and_are_reproducible() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("us-full-withdrawal", &dataset).unwrap();
        let r = headline_ranges(&dataset, &scenario, None).unwrap();
        assert!(!r.drawn.is_empty(), "the baseline has uncertain ledger, budget or closure parameters");
        let central = core(&dataset, &scenario);
        let cost = central.closure.horizon_cost_eur_bn;
        assert!(r.horizon_cost_eur_bn.low <= r.horizon_cost_eur_bn.high);
        assert!(
            r.horizon_cost_eur_bn.low < cost * 1.5 && r.horizon_cost_eur_bn.high > cost / 1.5,
            "{r:?} vs {cost}"
        );
        assert!(
            r.horizon_cost_eur_bn.high > r.horizon_cost_eur_bn.low,
            "availability is uncertain in the baseline"
        );
        assert_eq!(Some(r), headline_ranges(&dataset, &scenario, None));
    }
}
