//! Lever comparison: what each policy choice of the scenario buys, per EUR bn, over the
//! uncertainties.
//!
//! # Model card
//!
//! **Design.** `n` rows of a scrambled Sobol sample over the model's uncertain parameters (as
//! for PRIM). Row `i` is run twice or more on the same draws and the same random stream
//! `(seed, i)` (common random numbers): once on the scenario, once per lever on the scenario
//! with the lever pulled ([`bulwark_scenario::Scenario::with_lever`]). A lever's `add` moves a
//! varied parameter's draw by the shift (the same quantile of the shifted distribution), its
//! `set` replaces the draw; parameters not varied take the lever scenario's central values.
//!
//! **Measures**, per lever and outcome, over the rows: the mean without and with the lever, the
//! mean change `Δ = mean(y_lever − y)` with a percentile bootstrap interval over rows, the
//! change per EUR bn `Δ / cost` (none for a lever without budget cost), and the p5–p95 of the
//! per-run change, the range of the lever's effect over the uncertainties. Common random
//! numbers make the interval of `Δ` far narrower than two independent ensembles would.
//!
//! **Scope.** A lever counts for a model when it moves a parameter the model reads (the Baltic
//! campaign also reads the decision model's parameters, through the alliance's response time).

use bulwark_data::Dataset;
use bulwark_ensemble::Streams;
use bulwark_scenario::{Lever, Param, Scenario};

use crate::bootstrap::{quantile, with_intervals, BootstrapSettings, Estimate};
use crate::design::{evaluate_rows, SobolSample, UnitDesign};
use crate::error::ExploreError;
use crate::outcomes::{params_of, OutcomeSpec, Problem};

/// One lever's effect on every outcome of the model.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverEffect {
    /// The lever's name.
    pub lever: String,
    /// What it is.
    pub description: String,
    /// Its cost, EUR bn.
    pub cost_eur_bn: f64,
    /// The source of the cost, when sourced.
    pub cost_source: Option<String>,
    /// How it moves each parameter (`iamd_upper_interceptor_stock add +500`).
    pub moves: Vec<String>,
    /// Its effect on each outcome, in the model's outcome order; empty when the lever moves no
    /// parameter the model reads.
    pub outcomes: Vec<OutcomeEffect>,
}

/// A lever's effect on one outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeEffect {
    /// The outcome.
    pub outcome: OutcomeSpec,
    /// Mean without the lever.
    pub without: f64,
    /// Mean with the lever.
    pub with: f64,
    /// Mean change, with its bootstrap interval.
    pub change: Estimate,
    /// Mean change per EUR bn, with its interval; `None` for a lever with no budget cost.
    pub change_per_eur_bn: Option<Estimate>,
    /// 5th percentile of the per-run change.
    pub change_p5: f64,
    /// 95th percentile of the per-run change.
    pub change_p95: f64,
}

/// The parameters `model` reads: the decision model's are included for the campaign, and the
/// national decision times for both.
pub fn parameters_moving(model: &str) -> Vec<Param> {
    use bulwark_assess::decision_inputs::{decision_parameters, TIME_PARAMETERS};
    let mut params = params_of(model);
    if model == "baltic" {
        params.extend(decision_parameters());
    }
    if model == "baltic" || model == "decision" {
        // The national decision times are drawn per member inside a run, not by the design.
        params.extend(TIME_PARAMETERS);
    }
    params
}

/// Whether `lever` moves a parameter `model` reads.
pub fn moves_model(lever: &Lever, model: &str) -> bool {
    let read = parameters_moving(model);
    lever.moves.iter().any(|m| read.contains(&m.param))
}

/// The effects of `levers` (each with its pulled scenario) on `problem`'s outcomes, over
/// `design`'s rows.
pub fn lever_effects(
    dataset: &Dataset,
    problem: &Problem<'_>,
    levers: &[(&Lever, &Scenario)],
    design: &SobolSample,
    seed: u64,
    settings: &BootstrapSettings,
) -> Result<Vec<LeverEffect>, ExploreError> {
    let streams = Streams::new(seed);
    let marginals = problem.marginals();
    let failed = |reason: &str, rows: &[Result<Vec<f64>, &'static str>]| {
        let first_run = rows.iter().position(Result::is_err).unwrap_or(0);
        ExploreError::FailedRuns {
            count: rows.iter().filter(|r| r.is_err()).count(),
            total: rows.len(),
            first_run,
            reason: reason.to_string(),
        }
    };
    let run_all = |p: &Problem<'_>, change: &(dyn Fn(usize, f64) -> f64 + Sync)| {
        let rows = evaluate_rows(design, &marginals, 0..design.n_rows(), |row, values| {
            let moved: Vec<f64> = values.iter().enumerate().map(|(col, v)| change(col, *v)).collect();
            p.evaluate(&moved, &mut streams.run(row))
        });
        match rows.iter().find_map(|r| r.as_ref().err()) {
            Some(reason) => Err(failed(reason, &rows)),
            None => Ok(rows.into_iter().flatten().collect::<Vec<Vec<f64>>>()),
        }
    };
    let base = run_all(problem, &|_, v| v)?;
    let mut out = Vec::with_capacity(levers.len());
    for (lever, pulled) in levers {
        let moves = lever.moves.iter().map(|m| format!("{} {}", m.param, m.change.describe())).collect();
        let mut effect = LeverEffect {
            lever: lever.name.clone(),
            description: lever.description.clone(),
            cost_eur_bn: lever.cost_eur_bn,
            cost_source: lever.cost_source.clone(),
            moves,
            outcomes: Vec::new(),
        };
        if moves_model(lever, problem.model) {
            let lever_problem = problem
                .on_scenario(dataset, pulled)
                .map_err(|e| ExploreError::Mismatch { reason: e.to_string() })?;
            // The change of each varied column: the lever's move of its parameter, if any.
            let column_change: Vec<Option<bulwark_scenario::LeverChange>> = problem
                .parameters
                .iter()
                .map(|p| lever.moves.iter().find(|m| Some(m.param) == p.param).map(|m| m.change))
                .collect();
            let with = run_all(&lever_problem, &|col, v| column_change[col].map_or(v, |c| c.apply(v)))?;
            effect.outcomes = (0..problem.outcomes.len())
                .map(|col| {
                    outcome_effect(problem.outcomes[col], &base, &with, col, lever.cost_eur_bn, settings)
                })
                .collect();
        }
        out.push(effect);
    }
    Ok(out)
}

fn outcome_effect(
    outcome: OutcomeSpec,
    base: &[Vec<f64>],
    with: &[Vec<f64>],
    col: usize,
    cost_eur_bn: f64,
    settings: &BootstrapSettings,
) -> OutcomeEffect {
    let n = base.len();
    let mean = |rows: &[Vec<f64>]| rows.iter().map(|r| r[col]).sum::<f64>() / n as f64;
    let diffs: Vec<f64> = base.iter().zip(with).map(|(b, w)| w[col] - b[col]).collect();
    let change = with_intervals(n, settings, |idx| {
        vec![idx.iter().map(|&i| diffs[i]).sum::<f64>() / idx.len() as f64]
    })[0];
    let mut sorted = diffs.clone();
    sorted.sort_by(f64::total_cmp);
    let per_bn = (cost_eur_bn > 0.0).then(|| Estimate {
        value: change.value / cost_eur_bn,
        low: change.low / cost_eur_bn,
        high: change.high / cost_eur_bn,
    });
    OutcomeEffect {
        outcome,
        without: mean(base),
        with: mean(with),
        change,
        change_per_eur_bn: per_bn,
        change_p5: quantile(&sorted, 0.05),
        change_p95: quantile(&sorted, 0.95),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::Selection;

    fn effects(outcome: &str, runs: u64) -> Vec<LeverEffect> {
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("us-full-withdrawal", &dataset).unwrap();
        let problem = Problem::for_outcome(&dataset, &scenario, outcome, &Selection::AllUncertain).unwrap();
        let pulled: Vec<Scenario> = scenario.levers.keys().map(|n| scenario.with_lever(n).unwrap()).collect();
        let levers: Vec<(&Lever, &Scenario)> = scenario.levers.values().zip(&pulled).collect();
        let design = SobolSample::new(runs, problem.parameters.len(), 7).unwrap();
        let settings = BootstrapSettings::new(200, 0.9, 7).unwrap();
        lever_effects(&dataset, &problem, &levers, &design, 7, &settings).unwrap()
    }

    #[test]
    fn more_interceptors_leak_fewer_missiles_and_other_levers_leave_iamd_alone() {
        let all = effects("iamd.leakers_without_us", 256);
        let buy = all.iter().find(|e| e.lever == "interceptor_buy").unwrap();
        let leakers = &buy.outcomes[1];
        assert_eq!(leakers.outcome.name, "iamd.leakers_without_us");
        // Common random numbers: with more interceptors no run leaks more.
        assert!(leakers.change_p95 <= 1e-9, "{leakers:?}");
        assert!(leakers.change.value < 0.0 && leakers.change.high <= 0.0, "{leakers:?}");
        let per_bn = leakers.change_per_eur_bn.unwrap();
        assert!((per_bn.value * buy.cost_eur_bn - leakers.change.value).abs() < 1e-9);
        for other in all.iter().filter(|e| e.lever != "interceptor_buy") {
            assert!(other.outcomes.is_empty(), "{} moves IAMD", other.lever);
        }
    }

    #[test]
    fn a_forward_brigade_holds_longer_and_the_result_is_reproducible() {
        let all = effects("baltic.held_day_28", 128);
        let brigade = all.iter().find(|e| e.lever == "forward_heavy_brigade").unwrap();
        let hours = brigade.outcomes.iter().find(|o| o.outcome.name == "baltic.hours_to_objective").unwrap();
        assert!(hours.change.value > 0.0, "{hours:?}");
        assert!(hours.with > hours.without);
        // Pre-delegation has no budget cost: no per-EUR-bn figure.
        let predelegation = all.iter().find(|e| e.lever == "decision_predelegation").unwrap();
        assert!(!predelegation.outcomes.is_empty(), "the campaign reads the alliance's decision time");
        assert!(predelegation.outcomes.iter().all(|o| o.change_per_eur_bn.is_none()));
        assert_eq!(all, effects("baltic.held_day_28", 128));
    }
}
