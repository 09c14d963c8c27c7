//! `bulwark simulate nuclear`: the nuclear model as an ensemble over the scenario's
//! distributions. Per run: the credibility with and without the US, the survivable warheads,
//! each patron's resolve, the credibility at the end of each year of the curve (with the
//! scenario's US posture) and the credibility of the best packages of the central assessment
//! (the ones `bulwark assess` reports, recomposed with each run's parameters).

use bulwark_data::Dataset;
use bulwark_ensemble::{
    run_ensemble, EnsembleSummary, Hooks, MetricSpec, RunOutcome, RunPlan, RunRng, Sampler,
};
use bulwark_models::nuclear::options::NuclearOption;
use bulwark_models::nuclear::{self, packages, Force, NuclearInputs, NuclearOutcome};
use bulwark_scenario::{Model, Param, ParamValues, Scenario};

use crate::resolve::ParamDraws;

use super::{
    assess_with, evaluate, relative_credibility, Facts, NuclearAssessment, NuclearRanges, PATRONS,
    START_YEAR, TOP_PACKAGES, US,
};
use crate::Spread;

/// Years of the credibility curve in the ensemble, from [`START_YEAR`].
pub const CURVE_YEARS: usize = 11;

/// Number of metrics: four headline ones, a resolve per patron, the curve and the packages.
const N_METRICS: usize = 4 + 3 + CURVE_YEARS + TOP_PACKAGES;

/// Names of the metrics of [`simulate_nuclear`], in order.
pub fn nuclear_metric_names() -> Vec<String> {
    let mut names: Vec<String> = [
        "credibility",
        "credibility_without_us",
        "survivable_warheads_europe",
        "survivable_warheads_adversary",
    ]
    .map(String::from)
    .to_vec();
    names.extend(PATRONS.iter().map(|p| format!("resolve_{}", p.to_ascii_lowercase())));
    names.extend((0..CURVE_YEARS).map(|idx| format!("credibility_{}", usize::from(START_YEAR) + idx)));
    names.extend((1..=TOP_PACKAGES).map(|rank| format!("package_{rank}_credibility")));
    names
}

/// Runs the nuclear model over `plan`: every nuclear parameter of the catalogue with a distribution is drawn
/// per run (Monte Carlo unless the plan says otherwise, run `i` from the stream of
/// `(seed, i)`), the others keep their value.
pub fn simulate_nuclear(
    dataset: &Dataset,
    scenario: &Scenario,
    plan: &RunPlan,
    hooks: Hooks<'_>,
) -> Result<EnsembleSummary, String> {
    let draws = ParamDraws::new(scenario, Param::of_model(Model::Nuclear), plan, Sampler::MonteCarlo)
        .map_err(|e| e.to_string())?;
    let specs = nuclear_metric_names()
        .iter()
        .map(|name| MetricSpec::continuous(name))
        .collect::<Result<Vec<MetricSpec>, _>>()
        .map_err(|e| e.to_string())?;
    let metrics: [MetricSpec; N_METRICS] =
        specs.try_into().map_err(|_| "nuclear metrics: wrong count".to_string())?;
    // The packages whose ranges the ensemble gives: the best of the central assessment. When
    // the central inputs are refused the runs fail too, and the runner reports why.
    // The central run with the package search only: the ranges' own ensemble is not needed here.
    let top: Vec<Vec<String>> = assess_with(dataset, scenario, &ParamValues::central(scenario), true)
        .ok()
        .and_then(|central| central.outcome.packages)
        .map(|search| search.best.iter().map(|p| p.option_ids.clone()).collect())
        .unwrap_or_default();
    let model = |run_idx: u64, rng: &mut RunRng| match assess_with(
        dataset,
        scenario,
        &draws.draw(run_idx, rng),
        false,
    ) {
        Ok(a) => RunOutcome::Completed(run_metrics(&a, &top)),
        Err(_) => RunOutcome::Failed("invalid nuclear inputs"),
    };
    run_ensemble(plan, &metrics, model, hooks).map_err(|e| e.to_string())
}

/// [`NuclearRanges`] from `runs` runs on the scenario's seed: the same draws as
/// `simulate nuclear --runs <runs>`, so its credibility means are the ensemble's. `None` when
/// the ensemble cannot be set up or no run completes.
pub fn nuclear_ranges(
    dataset: &Dataset,
    scenario: &Scenario,
    runs: u64,
    best_package: Option<&[String]>,
) -> Option<NuclearRanges> {
    let plan = RunPlan::new(runs, scenario.seed.value).ok()?;
    let draws =
        ParamDraws::new(scenario, Param::of_model(Model::Nuclear), &plan, Sampler::MonteCarlo).ok()?;
    let metric = |name: &str| MetricSpec::continuous(name).ok();
    let metrics = [
        metric("credibility")?,
        metric("credibility_without_us")?,
        metric("score_without_us")?,
        metric("best_package_credibility")?,
    ];
    // The dataset's fixed figures once; each run evaluates the model alone, without the
    // reader's figures that `assess_with` adds (the same outcome, bit for bit).
    let facts = Facts::from_dataset(dataset);
    let model = |run_idx: u64, rng: &mut RunRng| match evaluate(
        dataset,
        scenario,
        &draws.draw(run_idx, rng),
        false,
        &facts,
    ) {
        Ok(a) => {
            let o = &a.outcome;
            RunOutcome::Completed([
                o.with_us.credibility,
                o.without_us.credibility,
                relative_credibility(o.without_us.credibility, o.us_as_today.credibility),
                best_package.map_or(0.0, |ids| package_credibility_without_us(&a.inputs, &a.outcome, ids)),
            ])
        }
        Err(_) => RunOutcome::Failed("invalid nuclear inputs"),
    };
    // A few hundred runs are one chunk of the runner: in parts, so that they share the cores
    // (the same summary as the whole at once).
    let summary = crate::resolve::run_ensemble_in_parts(&plan, &metrics, model, 4).ok()?;
    let spread = |name: &str| summary.metric(name).and_then(Spread::of_metric);
    Some(NuclearRanges {
        n_runs: runs,
        credibility: spread("credibility")?,
        credibility_without_us: spread("credibility_without_us")?,
        score_without_us: spread("score_without_us")?,
        best_package_credibility: best_package.and_then(|_| spread("best_package_credibility")),
    })
}

/// The credibility without the US of the package made of the options `ids`, composed with
/// the inputs and outcome of one run.
fn package_credibility_without_us(inputs: &NuclearInputs, outcome: &NuclearOutcome, ids: &[String]) -> f64 {
    let mut without = inputs.clone();
    without.patrons.iter_mut().filter(|p| p.state == US).for_each(|p| p.posture = 0.0);
    let chosen: Vec<&NuclearOption> =
        outcome.options.iter().map(|r| &r.option).filter(|o| ids.contains(&o.id)).collect();
    packages::compose(&without, &chosen).credibility
}

fn run_metrics(a: &NuclearAssessment, top: &[Vec<String>]) -> [f64; N_METRICS] {
    let europe: f64 =
        ["GBR", "FRA"].iter().filter_map(|s| a.inputs.force(s)).map(Force::survivable_warheads).sum();
    let mut out = vec![
        a.outcome.with_us.credibility,
        a.outcome.without_us.credibility,
        europe,
        a.outcome.adversary_survivable_warheads,
    ];
    out.extend(PATRONS.iter().map(|state| {
        a.outcome.resolve.iter().find(|r| r.state == *state).map_or(f64::NAN, |r| r.parts.resolve)
    }));
    out.extend(
        (0..CURVE_YEARS as u16)
            .map(|idx| nuclear::umbrella_at(&a.inputs, START_YEAR + idx, &[], &[]).credibility),
    );
    out.extend((0..TOP_PACKAGES).map(|rank| {
        top.get(rank).map_or(f64::NAN, |ids| package_credibility_without_us(&a.inputs, &a.outcome, ids))
    }));
    out.try_into().unwrap_or([f64::NAN; N_METRICS])
}
