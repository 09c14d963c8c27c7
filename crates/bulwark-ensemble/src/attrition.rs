//! The canonical benchmark of DESIGN.md §7: an ensemble of generalised-Lanchester duels with
//! drawn parameters, fixed so that speed can be compared with other tools on identical work.
//!
//! Per run, from the run's own stream, in this order and one 64-bit word each (continuous draws
//! are `min + u·(max − min)` with `u` on the 2^-53 grid of [0, 1); the hour is
//! `24 + ⌊u·217⌋`, uniform on the integers 24…240):
//!
//! | field | symbol | distribution |
//! |---|---|---|
//! | `blue0` | `B0` | uniform(20, 40) battalion equivalents |
//! | `red0` | `R0` | uniform(40, 90) |
//! | `red_effect_per_hour` | `a` | uniform(0.001, 0.004) |
//! | `blue_effect_per_hour` | `b` | uniform(0.001, 0.004) |
//! | `exponent` | `e` | uniform(0.5, 1.0) |
//! | `reinforcement` | `rB` | uniform(0, 20) |
//! | `reinforcement_hour` | `tB` | integer uniform on [24, 240] |
//!
//! Explicit Euler with a one-hour step over hours `h = 0 … 719`: at the start of hour `h`, if
//! `h == tB` add `rB` to `B`; then `dB = a·R^e·B^(1−e)`, `dR = b·B^e·R^(1−e)`,
//! `B ← max(0, B − dB)`, `R ← max(0, R − dR)` (both from the values at the start of the hour);
//! stop if `B < 0.3·B0` (Blue breaks, outcome 0), else if `R < 0.3·R0` (Red breaks, outcome 1).
//! A run that reaches 720 hours ends with outcome 2. Per run: outcome, end hour (`h + 1` when it
//! stopped, 720 otherwise), final `B` and `R`. Summaries: share of outcome 0, mean end hour,
//! mean final `B`, mean final `R`.
//!
//! Speed: both forces are positive at the start of every hour (a force at 0 has broken), so
//! with `t = (R/B)^e = exp(e·ln(R/B))` the two rates are `dB = a·B·t` and `dR = b·R/t`:
//! one logarithm and one exponential per hour instead of two powers each. This is the same
//! algebra as `exp(e·ln R + (1 − e)·ln B)` with the logarithms shared, carried one step
//! further; it can differ from a `powf` evaluation in the last bits only (a test checks
//! agreement with a direct transcription). Nothing is allocated per run, and
//! [`AttritionModel`] interleaves four runs per thread to hide the latency of that chain.

use std::fmt;
use std::ops::Range;

use rand::RngCore;

use crate::error::EnsembleError;
use crate::metric::MetricSpec;
use crate::runner::{run_ensemble, BatchModel, Hooks, RunOutcome, RunPlan};
use crate::stream::{unit_closed_open, RunRng, Streams};
use crate::summary::EnsembleSummary;

/// Hours simulated before a run ends undecided.
pub const HORIZON_HOURS: u32 = 720;

/// The share of its initial strength below which a side breaks.
pub const BREAK_SHARE: f64 = 0.3;

/// One run's drawn parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AttritionDraw {
    /// `B0`, Blue's initial strength (battalion equivalents).
    pub blue0: f64,
    /// `R0`, Red's initial strength (battalion equivalents).
    pub red0: f64,
    /// `a`, Red's effectiveness against Blue, per hour.
    pub red_effect_per_hour: f64,
    /// `b`, Blue's effectiveness against Red, per hour.
    pub blue_effect_per_hour: f64,
    /// `e`, the law exponent (1 = square law).
    pub exponent: f64,
    /// `rB`, Blue's reinforcement (battalion equivalents).
    pub reinforcement: f64,
    /// `tB`, the hour the reinforcement arrives.
    pub reinforcement_hour: u32,
}

impl AttritionDraw {
    /// Draws the seven parameters from `rng` in the documented order.
    pub fn draw(rng: &mut impl RngCore) -> AttritionDraw {
        let mut uniform = |min: f64, max: f64| min + unit_closed_open(rng) * (max - min);
        let blue0 = uniform(20.0, 40.0);
        let red0 = uniform(40.0, 90.0);
        let red_effect_per_hour = uniform(0.001, 0.004);
        let blue_effect_per_hour = uniform(0.001, 0.004);
        let exponent = uniform(0.5, 1.0);
        let reinforcement = uniform(0.0, 20.0);
        // ⌊u·217⌋ ≤ 216 because u < 1, so the hour stays in 24…240.
        let reinforcement_hour = 24 + (unit_closed_open(rng) * 217.0) as u32;
        AttritionDraw {
            blue0,
            red0,
            red_effect_per_hour,
            blue_effect_per_hour,
            exponent,
            reinforcement,
            reinforcement_hour,
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttritionEnd {
    /// Blue fell below its break point (outcome 0).
    BlueBreaks = 0,
    /// Red fell below its break point (outcome 1).
    RedBreaks = 1,
    /// Neither broke within the horizon (outcome 2).
    Horizon = 2,
}

/// One run's result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AttritionRun {
    /// How it ended.
    pub end: AttritionEnd,
    /// `h + 1` for the hour `h` it stopped in, or [`HORIZON_HOURS`].
    pub end_hour: u32,
    /// Blue's strength at the end.
    pub final_blue: f64,
    /// Red's strength at the end.
    pub final_red: f64,
}

/// Simulates one run by explicit Euler with a one-hour step.
pub fn simulate(draw: &AttritionDraw) -> AttritionRun {
    let mut duel = Duel::new(draw);
    loop {
        if let Some(run) = duel.step() {
            return run;
        }
    }
}

/// A run in progress. Both [`simulate`] and the interleaved batch advance runs with the same
/// [`Duel::step`], so they compute the same bits.
#[derive(Clone, Copy, Debug)]
struct Duel {
    draw: AttritionDraw,
    hour: u32,
    blue: f64,
    red: f64,
    blue_break: f64,
    red_break: f64,
}

impl Duel {
    fn new(draw: &AttritionDraw) -> Duel {
        Duel {
            draw: *draw,
            hour: 0,
            blue: draw.blue0,
            red: draw.red0,
            blue_break: BREAK_SHARE * draw.blue0,
            red_break: BREAK_SHARE * draw.red0,
        }
    }

    /// Advances one hour; the run's result once it has ended (at the latest at the horizon).
    #[inline(always)]
    fn step(&mut self) -> Option<AttritionRun> {
        let draw = &self.draw;
        if self.hour == draw.reinforcement_hour {
            self.blue += draw.reinforcement;
        }
        // Both sides are positive here: a side at 0 has broken (its break point is positive).
        let ratio_pow = (draw.exponent * (self.red / self.blue).ln()).exp();
        let blue_loss = draw.red_effect_per_hour * self.blue * ratio_pow;
        let red_loss = draw.blue_effect_per_hour * self.red / ratio_pow;
        self.blue = (self.blue - blue_loss).max(0.0);
        self.red = (self.red - red_loss).max(0.0);
        self.hour += 1;
        let end = if self.blue < self.blue_break {
            AttritionEnd::BlueBreaks
        } else if self.red < self.red_break {
            AttritionEnd::RedBreaks
        } else if self.hour == HORIZON_HOURS {
            AttritionEnd::Horizon
        } else {
            return None;
        };
        Some(AttritionRun { end, end_hour: self.hour, final_blue: self.blue, final_red: self.red })
    }
}

/// Runs advanced side by side by one thread. One run is a chain of dependent `ln`, `exp` and
/// divisions, so a lone run leaves the processor waiting on latency; four independent runs
/// interleaved hour by hour roughly double the throughput (measured: ~97,000 → ~200,000 runs/s
/// on one core) without changing any run's arithmetic.
const LANES: usize = 4;

/// The canonical benchmark as a [`BatchModel`]: runs interleaved four at a time, a lane
/// taking the next run as soon as its run ends.
#[derive(Clone, Copy, Debug)]
pub struct AttritionModel;

impl BatchModel<4> for AttritionModel {
    fn run_batch(&self, runs: Range<u64>, streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<4>)) {
        let mut next_runs = runs;
        let mut start = |run_idx: u64| (run_idx, Duel::new(&AttritionDraw::draw(&mut streams.run(run_idx))));
        let mut lanes: [Option<(u64, Duel)>; LANES] = [None; LANES];
        for lane in &mut lanes {
            *lane = next_runs.next().map(&mut start);
        }
        while lanes.iter().any(Option::is_some) {
            for lane in &mut lanes {
                let Some((run_idx, duel)) = lane else { continue };
                if let Some(run) = duel.step() {
                    report(*run_idx, outcome_of(&run));
                    *lane = next_runs.next().map(&mut start);
                }
            }
        }
    }
}

fn outcome_of(run: &AttritionRun) -> RunOutcome<4> {
    RunOutcome::Completed([f64::from(run.end as u8), f64::from(run.end_hour), run.final_blue, run.final_red])
}

/// The canonical model one run at a time: draw, simulate, report the four metrics in the order
/// of [`attrition_metrics`]. It never fails. [`AttritionModel`] computes the same, faster.
pub fn attrition_model(_run_idx: u64, rng: &mut RunRng) -> RunOutcome<4> {
    outcome_of(&simulate(&AttritionDraw::draw(rng)))
}

/// The benchmark's metrics: `outcome` (0, 1, 2), `end_hour` (1…720; exact quantiles),
/// `final_blue` and `final_red` (continuous).
pub fn attrition_metrics() -> [MetricSpec; 4] {
    // The names and ranges are constants, valid by construction.
    let integer = |name, min, max| MetricSpec::integer(name, min, max).expect("valid constant metric");
    let continuous = |name| MetricSpec::continuous(name).expect("valid constant metric");
    [
        integer("outcome", 0, 2),
        integer("end_hour", 0, i64::from(HORIZON_HOURS)),
        continuous("final_blue"),
        continuous("final_red"),
    ]
}

/// Runs the canonical benchmark for `plan` (whole ensemble or one shard) with optional hooks.
pub fn run_attrition(plan: &RunPlan, hooks: Hooks<'_>) -> Result<AttritionSummary, EnsembleError> {
    let summary = run_ensemble(plan, &attrition_metrics(), AttritionModel, hooks)?;
    Ok(AttritionSummary { summary })
}

/// `bulwark bench attrition --runs N --threads T --seed S` without hooks.
pub fn canonical_attrition(
    n_runs: u64,
    seed: u64,
    threads: usize,
) -> Result<AttritionSummary, EnsembleError> {
    run_attrition(&RunPlan::new(n_runs, seed)?.with_threads(threads)?, Hooks::default())
}

/// The benchmark's summary: the four §7 figures over an [`EnsembleSummary`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttritionSummary {
    summary: EnsembleSummary,
}

impl AttritionSummary {
    /// Wraps a summary read from shard files (after `EnsembleSummary::merge_all`); it must
    /// carry the benchmark's metrics.
    pub fn from_summary(summary: EnsembleSummary) -> Result<AttritionSummary, EnsembleError> {
        let specs: Vec<&MetricSpec> = summary.metrics().iter().map(|metric| metric.spec()).collect();
        if !specs.iter().copied().eq(attrition_metrics().iter()) {
            return Err(EnsembleError::MergeMismatch {
                reason: "not an attrition-benchmark summary".to_string(),
            });
        }
        Ok(AttritionSummary { summary })
    }

    /// The underlying summary (for the shard file and the full statistics).
    pub fn summary(&self) -> &EnsembleSummary {
        &self.summary
    }

    /// Share of runs in which Blue broke (outcome 0).
    pub fn share_blue_breaks(&self) -> f64 {
        let outcome = &self.summary.metrics()[0];
        outcome.integer_count(0).unwrap_or(0) as f64 / outcome.count() as f64
    }

    /// Mean end hour.
    pub fn mean_end_hour(&self) -> f64 {
        self.summary.metrics()[1].mean()
    }

    /// Mean final Blue strength.
    pub fn mean_final_blue(&self) -> f64 {
        self.summary.metrics()[2].mean()
    }

    /// Mean final Red strength.
    pub fn mean_final_red(&self) -> f64 {
        self.summary.metrics()[3].mean()
    }
}

impl fmt::Display for AttritionSummary {
    /// The four figures, plus end-hour quantiles, in a fixed layout (9 decimals).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let summary = &self.summary;
        let end_hour = &summary.metrics()[1];
        let hour_at = |q| end_hour.quantile(q).unwrap_or(f64::NAN);
        writeln!(
            f,
            "runs                {} of {} (seed {})",
            summary.n_runs(),
            summary.n_runs_total(),
            summary.seed()
        )?;
        writeln!(f, "share blue breaks   {:.9}", self.share_blue_breaks())?;
        writeln!(f, "mean end hour       {:.9}", self.mean_end_hour())?;
        writeln!(f, "mean final blue     {:.9}", self.mean_final_blue())?;
        writeln!(f, "mean final red      {:.9}", self.mean_final_red())?;
        writeln!(f, "end hour p5 p50 p95 {} {} {}", hour_at(0.05), hour_at(0.5), hour_at(0.95))
    }
}

#[cfg(test)]
mod tests;
