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
//! **Censored outcomes.** An outcome that is a time to an event which may not come within the
//! horizon ([`crate::outcomes::Censoring`]: the campaign's hours to the objective, a held run
//! coded one hour beyond the horizon) is never averaged with its code. Its share of runs beyond
//! the horizon is given without and with the lever, and the means, the change, its interval and
//! its percentiles are over the rows where the event came both without and with the lever, so
//! a lever that only turns runs into held ones changes the share, not the hours.
//!
//! **Scope.** A lever counts for a model when it moves a parameter the model reads (the Baltic
//! campaign also reads the decision model's parameters, through the alliance's response time).

use bulwark_data::Dataset;
use bulwark_ensemble::Streams;
use bulwark_scenario::{Lever, Param, Scenario};

use crate::bootstrap::{quantile, with_intervals, BootstrapSettings, Estimate};
use crate::design::{evaluate_rows, SobolSample, UnitDesign};
use crate::error::ExploreError;
use crate::outcomes::{params_of, Censoring, OutcomeSpec, Problem};

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
    /// For a censored outcome, the shares beyond the horizon and the rows the means are over;
    /// `None` for every other outcome (its means are over every row).
    pub censoring: Option<CensoredChange>,
}

/// A lever's effect on a censored outcome (module documentation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CensoredChange {
    /// The horizon: values above it code "not within the horizon".
    pub horizon: f64,
    /// Share of runs beyond the horizon without the lever, 0 to 1.
    pub beyond_without: f64,
    /// The same with the lever.
    pub beyond_with: f64,
    /// Rows where the event came both without and with the lever: the rows of the means, the
    /// change and its interval (none of them is a number when this is 0).
    pub n_compared: usize,
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
                    let column =
                        Column { outcome: problem.outcomes[col], col, censoring: problem.censoring(col) };
                    outcome_effect(&column, &base, &with, lever.cost_eur_bn, settings)
                })
                .collect();
        }
        out.push(effect);
    }
    Ok(out)
}

/// One outcome column of the rows, with its censoring.
struct Column {
    outcome: OutcomeSpec,
    col: usize,
    censoring: Option<Censoring>,
}

fn outcome_effect(
    column: &Column,
    base: &[Vec<f64>],
    with: &[Vec<f64>],
    cost_eur_bn: f64,
    settings: &BootstrapSettings,
) -> OutcomeEffect {
    let col = column.col;
    // A censored outcome is compared on the rows where the event came both times; every other
    // outcome on every row.
    let beyond = |value: f64| column.censoring.is_some_and(|c| c.is_beyond(value));
    let pairs: Vec<(f64, f64)> = base
        .iter()
        .zip(with)
        .map(|(b, w)| (b[col], w[col]))
        .filter(|(b, w)| !beyond(*b) && !beyond(*w))
        .collect();
    let n = pairs.len();
    let share_beyond =
        |rows: &[Vec<f64>]| rows.iter().filter(|r| beyond(r[col])).count() as f64 / rows.len().max(1) as f64;
    let censoring = column.censoring.map(|c| CensoredChange {
        horizon: c.horizon,
        beyond_without: share_beyond(base),
        beyond_with: share_beyond(with),
        n_compared: n,
    });
    let mean = |pick: fn(&(f64, f64)) -> f64| pairs.iter().map(pick).sum::<f64>() / n as f64;
    let diffs: Vec<f64> = pairs.iter().map(|(b, w)| w - b).collect();
    let change = if n == 0 {
        Estimate { value: f64::NAN, low: f64::NAN, high: f64::NAN }
    } else {
        with_intervals(n, settings, |idx| vec![idx.iter().map(|&i| diffs[i]).sum::<f64>() / idx.len() as f64])
            [0]
    };
    let mut sorted = diffs.clone();
    sorted.sort_by(f64::total_cmp);
    let percentile = |q: f64| if n == 0 { f64::NAN } else { quantile(&sorted, q) };
    let per_bn = (cost_eur_bn > 0.0).then(|| Estimate {
        value: change.value / cost_eur_bn,
        low: change.low / cost_eur_bn,
        high: change.high / cost_eur_bn,
    });
    OutcomeEffect {
        outcome: column.outcome,
        without: mean(|p| p.0),
        with: mean(|p| p.1),
        change,
        change_per_eur_bn: per_bn,
        change_p5: percentile(0.05),
        change_p95: percentile(0.95),
        censoring,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::{Selection, BALTIC_OUTCOMES};

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
        // More runs held, and where Red reaches the objective both times it takes longer; the
        // hours never include the held runs' code.
        let censored = hours.censoring.unwrap();
        assert!(censored.beyond_with >= censored.beyond_without, "{hours:?}");
        assert!(hours.change.value >= 0.0 && hours.with >= hours.without, "{hours:?}");
        assert!(hours.with <= censored.horizon && hours.without <= censored.horizon, "{hours:?}");
        let held = brigade.outcomes.iter().find(|o| o.outcome.name == "baltic.held").unwrap();
        assert!(held.censoring.is_none());
        // Pre-delegation has no budget cost: no per-EUR-bn figure.
        let predelegation = all.iter().find(|e| e.lever == "decision_predelegation").unwrap();
        assert!(!predelegation.outcomes.is_empty(), "the campaign reads the alliance's decision time");
        assert!(predelegation.outcomes.iter().all(|o| o.change_per_eur_bn.is_none()));
        assert_eq!(all, effects("baltic.held_day_28", 128));
    }

    /// Review finding 1 (second review): a lever that only turns runs into held ones (coded one
    /// hour beyond the 720-hour horizon) used to show an hours change made of the code (here
    /// +130 h). The hours are compared where Red reaches the objective both times, so the
    /// change is 0, and the lever shows as a rise in the share beyond the horizon.
    #[test]
    fn review_1_a_lever_that_only_holds_more_runs_changes_the_share_not_the_hours() {
        let outcome = BALTIC_OUTCOMES[1];
        let censoring = Some(Censoring { horizon: 720.0, share_outcome: Some("baltic.held") });
        let rows = |hours: [f64; 4]| hours.iter().map(|h| vec![0.0, *h]).collect::<Vec<_>>();
        let base = rows([100.0, 721.0, 200.0, 300.0]);
        let with = rows([100.0, 721.0, 721.0, 300.0]);
        let settings = BootstrapSettings::new(200, 0.9, 7).unwrap();
        let effect = outcome_effect(&Column { outcome, col: 1, censoring }, &base, &with, 2.0, &settings);
        assert_eq!((effect.change.value, effect.change.low, effect.change.high), (0.0, 0.0, 0.0));
        assert_eq!((effect.change_p5, effect.change_p95), (0.0, 0.0));
        assert_eq!((effect.without, effect.with), (200.0, 200.0));
        let censored = effect.censoring.unwrap();
        assert_eq!((censored.beyond_without, censored.beyond_with, censored.n_compared), (0.25, 0.5, 2));
        // Uncensored, the same rows average the code in: the artefact the review found.
        let naive =
            outcome_effect(&Column { outcome, col: 1, censoring: None }, &base, &with, 2.0, &settings);
        assert!((naive.change.value - 130.25).abs() < 1e-9, "{naive:?}");
        // Nothing compared (every run held one way or the other): no number, never NaN shown as one.
        let all_held = rows([721.0; 4]);
        let none = outcome_effect(&Column { outcome, col: 1, censoring }, &base, &all_held, 2.0, &settings);
        assert!(none.change.value.is_nan() && none.censoring.unwrap().n_compared == 0);
    }
}
