//! The canonical benchmark of docs/design.md §7: an ensemble of generalised-Lanchester duels with
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
//! with `t = (R/B)^e = exp(e·ln(R/B))` the two rates are `dB = a·B·t` and `dR = b·R·t⁻¹`:
//! one logarithm and one exponential pair `(t, t⁻¹)` per hour instead of two powers each
//! ([`hour_step`]). They are [`bulwark_core::fast_math`]'s `ln_ratio` and `exp_pair` (within 2 ulp of libm's,
//! tested), written so that the compiler can vectorise them, with one division per hour. [`AttritionModel`] runs 16 runs side by side in
//! structure-of-arrays lanes on AVX-512, AVX2 or scalar instructions chosen at run time
//! (`lanes`), refilling a lane with the next run as soon as its run ends; every path computes
//! exactly the bits of the one-run [`simulate`] (tested run by run). It can differ from a
//! `powf` transcription in the last bits only (a test checks agreement with one). Nothing is
//! allocated per run.

use std::fmt;
use std::ops::Range;

use bulwark_core::fast_math;
use rand::RngCore;

pub use self::lanes::LanePath;
use crate::error::EnsembleError;
use crate::metric::MetricSpec;
use crate::runner::{run_ensemble, BatchModel, Hooks, RunOutcome, RunPlan};
use crate::stream::{RunRng, Streams, TWO_POW_MINUS_53};
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
        AttritionDraw::from_words(std::array::from_fn(|_| rng.next_u64()))
    }

    /// The parameters made from a run's first seven 64-bit words, in the documented order
    /// (what [`AttritionDraw::draw`] reads from the run's stream).
    pub fn from_words(words: [u64; 7]) -> AttritionDraw {
        // `u` on the 2^-53 grid of [0, 1), exactly as `unit_closed_open` makes it.
        let unit = |word: u64| (word >> 11) as f64 * TWO_POW_MINUS_53;
        let uniform = |word: u64, min: f64, max: f64| min + unit(word) * (max - min);
        AttritionDraw {
            blue0: uniform(words[0], 20.0, 40.0),
            red0: uniform(words[1], 40.0, 90.0),
            red_effect_per_hour: uniform(words[2], 0.001, 0.004),
            blue_effect_per_hour: uniform(words[3], 0.001, 0.004),
            exponent: uniform(words[4], 0.5, 1.0),
            reinforcement: uniform(words[5], 0.0, 20.0),
            // ⌊u·217⌋ ≤ 216 because u < 1, so the hour stays in 24…240.
            reinforcement_hour: 24 + (unit(words[6]) * 217.0) as u32,
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

/// A run in progress, one hour per [`Duel::step`]; its hour is [`hour_step`], as in the lanes.
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
        (self.blue, self.red) = hour_step(
            self.blue,
            self.red,
            draw.red_effect_per_hour,
            draw.blue_effect_per_hour,
            draw.exponent,
        );
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

/// One Euler hour from strengths `blue`, `red` (both positive: a side at 0 has broken, its break
/// point being positive) with effects `a` (Red on Blue), `b` and exponent `e`: the new
/// strengths, floored at 0. The one-run path and every vector lane call this same function.
#[inline(always)]
fn hour_step(blue: f64, red: f64, a: f64, b: f64, e: f64) -> (f64, f64) {
    let (ratio_pow, inverse) = fast_math::exp_pair(e * fast_math::ln_ratio(red, blue));
    let blue_loss = a * blue * ratio_pow;
    let red_loss = b * red * inverse;
    let floor = |strength: f64| if strength > 0.0 { strength } else { 0.0 };
    (floor(blue - blue_loss), floor(red - red_loss))
}

/// The canonical benchmark as a [`BatchModel`]: runs vectorised over lanes on the chosen
/// instruction set ([`LanePath::Auto`] by default), a lane taking the next run as soon as its
/// run ends.
#[derive(Clone, Copy, Debug)]
pub struct AttritionModel {
    path: LanePath,
}

impl AttritionModel {
    /// The model on the widest instruction set of this processor.
    pub fn new() -> AttritionModel {
        AttritionModel { path: LanePath::Auto }
    }

    /// The model on `path`; an error when this processor cannot run it.
    pub fn on(path: LanePath) -> Result<AttritionModel, EnsembleError> {
        if !path.is_available() {
            return Err(lanes::unavailable(path));
        }
        Ok(AttritionModel { path })
    }
}

impl Default for AttritionModel {
    fn default() -> AttritionModel {
        AttritionModel::new()
    }
}

impl BatchModel<4> for AttritionModel {
    fn run_batch(&self, runs: Range<u64>, streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<4>)) {
        // `on` checked the path, so the first call cannot fail; if it somehow did, nothing
        // has run yet and the scalar path (always available) does the batch.
        if lanes::run_lanes(self.path, runs.clone(), streams, &mut *report).is_err() {
            let _always_ok = lanes::run_lanes(LanePath::Scalar, runs, streams, report);
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
    run_attrition_on(plan, LanePath::Auto, hooks)
}

/// [`run_attrition`] on a chosen instruction set (for benchmarks and tests; every path gives
/// the same bytes).
pub fn run_attrition_on(
    plan: &RunPlan,
    path: LanePath,
    hooks: Hooks<'_>,
) -> Result<AttritionSummary, EnsembleError> {
    let summary = run_ensemble(plan, &attrition_metrics(), AttritionModel::on(path)?, hooks)?;
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
        // A shard with no runs has no means: it says so rather than print NaN.
        let figure =
            |value: f64| if summary.n_runs() == 0 { "—".to_string() } else { format!("{value:.9}") };
        let hour_at = |q| end_hour.quantile(q).map_or_else(|| "—".to_string(), |h| h.to_string());
        writeln!(
            f,
            "runs                {} of {} (seed {})",
            summary.n_runs(),
            summary.n_runs_total(),
            summary.seed()
        )?;
        writeln!(f, "share blue breaks   {}", figure(self.share_blue_breaks()))?;
        writeln!(f, "mean end hour       {}", figure(self.mean_end_hour()))?;
        writeln!(f, "mean final blue     {}", figure(self.mean_final_blue()))?;
        writeln!(f, "mean final red      {}", figure(self.mean_final_red()))?;
        writeln!(f, "end hour p5 p50 p95 {} {} {}", hour_at(0.05), hour_at(0.5), hour_at(0.95))
    }
}

mod lanes;
#[cfg(test)]
mod tests;
