//! The canonical ensemble vectorised over runs: [`LANES`] runs advance hour by hour side by
//! side, each quantity of every lane in one array (structure of arrays), so that one hour of
//! all lanes compiles to a few dozen vector instructions.
//!
//! - A lane whose run ends is refilled at once with the next run of the batch, so no lane
//!   idles while others go on (a block of runs that waited for its slowest member would
//!   simulate about twice the hours: the mean run ends at hour 314, the slowest of a block
//!   usually at 720). Only at the very end of a batch do lanes fall idle.
//! - Draws come [`crate::run_words::RUN_BLOCK`] runs at a time from a vectorised ChaCha8 that
//!   yields exactly the words of each run's own stream.
//! - The hour itself is [`super::hour_step`], the same function the one-run reference
//!   [`super::simulate`] calls, built from `+ − × ÷`, fused multiply-adds and integer bit
//!   operations only ([`bulwark_core::fast_math`]). Every instruction set therefore computes the same
//!   bits: the vector paths equal the scalar path run for run (tested), not merely within a
//!   tolerance.
//!
//! Which instructions: [`LanePath`] picks AVX-512, AVX2 with FMA or the scalar fallback at run
//! time (the `pulp` crate detects the processor and enters code compiled for it, safely; the
//! same generic source is compiled once per path), so one binary runs on any x86-64 and uses the
//! widest vectors the machine has. On other architectures `Auto` takes whatever `pulp` offers.

use std::ops::Range;

use pulp::{Simd, WithSimd};

use super::{hour_step, AttritionDraw, AttritionEnd, BREAK_SHARE, HORIZON_HOURS};
use crate::error::EnsembleError;
use crate::run_words::{first_words, RUN_BLOCK};
use crate::runner::RunOutcome;
use crate::stream::Streams;

/// Runs advanced together by one thread: two AVX-512 registers, four AVX2 registers per
/// quantity, enough independent work to hide the latency of the `ln → exp → ÷` chain.
pub(crate) const LANES: usize = 16;

/// Which instruction set the attrition lanes use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanePath {
    /// The widest the processor supports (AVX-512, else AVX2 with FMA, else scalar).
    Auto,
    /// Baseline instructions only (SSE2 on x86-64); fused multiply-adds in software where the
    /// processor lacks them.
    Scalar,
    /// AVX2 with FMA (x86-64-v3).
    Avx2,
    /// AVX-512 F/BW/CD/DQ/VL (x86-64-v4).
    Avx512,
}

impl LanePath {
    /// The paths this processor can run, `Auto` and `Scalar` always included.
    pub fn available() -> Vec<LanePath> {
        [LanePath::Auto, LanePath::Scalar, LanePath::Avx2, LanePath::Avx512]
            .into_iter()
            .filter(|path| path.is_available())
            .collect()
    }

    /// Whether this processor can run the path.
    pub fn is_available(self) -> bool {
        match self {
            LanePath::Auto | LanePath::Scalar => true,
            #[cfg(target_arch = "x86_64")]
            LanePath::Avx2 => pulp::x86::V3::try_new().is_some(),
            #[cfg(target_arch = "x86_64")]
            LanePath::Avx512 => pulp::x86::V4::try_new().is_some(),
            #[cfg(not(target_arch = "x86_64"))]
            LanePath::Avx2 | LanePath::Avx512 => false,
        }
    }

    /// The path's name as `--simd` spells it.
    pub fn name(self) -> &'static str {
        match self {
            LanePath::Auto => "auto",
            LanePath::Scalar => "scalar",
            LanePath::Avx2 => "avx2",
            LanePath::Avx512 => "avx512",
        }
    }

    /// The path `Auto` resolves to on this processor.
    pub fn resolved(self) -> LanePath {
        if self != LanePath::Auto {
            return self;
        }
        [LanePath::Avx512, LanePath::Avx2]
            .into_iter()
            .find(|path| path.is_available())
            .unwrap_or(LanePath::Scalar)
    }
}

impl std::str::FromStr for LanePath {
    type Err = EnsembleError;

    /// `auto`, `scalar`, `avx2` or `avx512`.
    fn from_str(text: &str) -> Result<LanePath, EnsembleError> {
        [LanePath::Auto, LanePath::Scalar, LanePath::Avx2, LanePath::Avx512]
            .into_iter()
            .find(|path| path.name() == text)
            .ok_or_else(|| EnsembleError::InvalidPlan {
                field: "simd",
                value: text.to_string(),
                reason: "expected auto, scalar, avx2 or avx512",
            })
    }
}

/// Runs `runs` on `path`, reporting every run once (in the order runs end). Fails only when
/// the processor cannot run `path`.
pub(crate) fn run_lanes(
    path: LanePath,
    runs: Range<u64>,
    streams: &Streams,
    report: &mut dyn FnMut(u64, RunOutcome<4>),
) -> Result<(), EnsembleError> {
    let op = LaneBatch { runs, streams, report };
    match path {
        LanePath::Auto => pulp::Arch::new().dispatch(op),
        LanePath::Scalar => Simd::vectorize(pulp::Scalar::new(), op),
        #[cfg(target_arch = "x86_64")]
        LanePath::Avx2 => Simd::vectorize(pulp::x86::V3::try_new().ok_or_else(|| unavailable(path))?, op),
        #[cfg(target_arch = "x86_64")]
        LanePath::Avx512 => Simd::vectorize(pulp::x86::V4::try_new().ok_or_else(|| unavailable(path))?, op),
        #[cfg(not(target_arch = "x86_64"))]
        LanePath::Avx2 | LanePath::Avx512 => return Err(unavailable(path)),
    }
    Ok(())
}

pub(crate) fn unavailable(path: LanePath) -> EnsembleError {
    EnsembleError::InvalidPlan {
        field: "simd",
        value: path.name().to_string(),
        reason: "this processor does not support that instruction set",
    }
}

/// One batch as a `pulp` operation: `with_simd` is entered with the path's target features
/// enabled, and everything below it is inlined into that context so that the compiler
/// vectorises the lane loops for those features.
struct LaneBatch<'a, 'r> {
    runs: Range<u64>,
    streams: &'a Streams,
    report: &'r mut dyn FnMut(u64, RunOutcome<4>),
}

impl WithSimd for LaneBatch<'_, '_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: Simd>(self, _simd: S) {
        let LaneBatch { runs, streams, report } = self;
        let mut queue = DrawQueue::new(runs, streams);
        let mut lanes = Lanes::idle();
        let mut n_active = 0;
        for lane in 0..LANES {
            if let Some((run_idx, draw)) = queue.next() {
                lanes.start(lane, run_idx, &draw);
                n_active += 1;
            }
        }
        while n_active > 0 {
            if !lanes.advance() {
                continue;
            }
            for lane in 0..LANES {
                let Some(outcome) = lanes.outcome(lane) else { continue };
                report(lanes.run_idx[lane], outcome);
                match queue.next() {
                    Some((run_idx, draw)) => lanes.start(lane, run_idx, &draw),
                    None => {
                        lanes.park(lane);
                        n_active -= 1;
                    }
                }
            }
        }
    }
}

/// The state of [`LANES`] runs, one array per quantity.
struct Lanes {
    blue: [f64; LANES],
    red: [f64; LANES],
    blue_break: [f64; LANES],
    red_break: [f64; LANES],
    red_effect: [f64; LANES],
    blue_effect: [f64; LANES],
    exponent: [f64; LANES],
    reinforcement: [f64; LANES],
    reinforcement_hour: [u64; LANES],
    /// Hours simulated so far (the hour about to start).
    hour: [u64; LANES],
    run_idx: [u64; LANES],
}

/// A parked lane's hour: it never reaches the horizon.
const PARKED_HOUR: u64 = u64::MAX / 2;

impl Lanes {
    fn idle() -> Lanes {
        let mut lanes = Lanes {
            blue: [0.0; LANES],
            red: [0.0; LANES],
            blue_break: [0.0; LANES],
            red_break: [0.0; LANES],
            red_effect: [0.0; LANES],
            blue_effect: [0.0; LANES],
            exponent: [0.0; LANES],
            reinforcement: [0.0; LANES],
            reinforcement_hour: [0; LANES],
            hour: [0; LANES],
            run_idx: [0; LANES],
        };
        (0..LANES).for_each(|lane| lanes.park(lane));
        lanes
    }

    /// Puts a run's initial state in `lane`.
    #[inline(always)]
    fn start(&mut self, lane: usize, run_idx: u64, draw: &AttritionDraw) {
        self.blue[lane] = draw.blue0;
        self.red[lane] = draw.red0;
        self.blue_break[lane] = BREAK_SHARE * draw.blue0;
        self.red_break[lane] = BREAK_SHARE * draw.red0;
        self.red_effect[lane] = draw.red_effect_per_hour;
        self.blue_effect[lane] = draw.blue_effect_per_hour;
        self.exponent[lane] = draw.exponent;
        self.reinforcement[lane] = draw.reinforcement;
        self.reinforcement_hour[lane] = u64::from(draw.reinforcement_hour);
        self.hour[lane] = 0;
        self.run_idx[lane] = run_idx;
    }

    /// Fills `lane` with a harmless duel that never ends (no fire, break points below zero):
    /// it keeps computing finite values and is never reported.
    #[inline(always)]
    fn park(&mut self, lane: usize) {
        self.blue[lane] = 1.0;
        self.red[lane] = 1.0;
        self.blue_break[lane] = -1.0;
        self.red_break[lane] = -1.0;
        self.red_effect[lane] = 0.0;
        self.blue_effect[lane] = 0.0;
        self.exponent[lane] = 0.5;
        self.reinforcement[lane] = 0.0;
        self.reinforcement_hour[lane] = u64::MAX;
        self.hour[lane] = PARKED_HOUR;
    }

    /// One hour of every lane; whether any run ended in it. The loop has no early exit and no
    /// branch per lane, so the compiler turns it into vector instructions.
    #[inline(always)]
    fn advance(&mut self) -> bool {
        let mut any_ended = false;
        for lane in 0..LANES {
            let blue = if self.hour[lane] == self.reinforcement_hour[lane] {
                self.blue[lane] + self.reinforcement[lane]
            } else {
                self.blue[lane]
            };
            let (blue, red) = hour_step(
                blue,
                self.red[lane],
                self.red_effect[lane],
                self.blue_effect[lane],
                self.exponent[lane],
            );
            let hour = self.hour[lane] + 1;
            self.blue[lane] = blue;
            self.red[lane] = red;
            self.hour[lane] = hour;
            // `|` rather than `||`: no short circuit, so no branch.
            any_ended |= (blue < self.blue_break[lane])
                | (red < self.red_break[lane])
                | (hour == u64::from(HORIZON_HOURS));
        }
        any_ended
    }

    /// The outcome of `lane`'s run if it has ended (same tests, same order as
    /// [`super::Duel::step`]).
    #[inline(always)]
    fn outcome(&self, lane: usize) -> Option<RunOutcome<4>> {
        let end = if self.blue[lane] < self.blue_break[lane] {
            AttritionEnd::BlueBreaks
        } else if self.red[lane] < self.red_break[lane] {
            AttritionEnd::RedBreaks
        } else if self.hour[lane] == u64::from(HORIZON_HOURS) {
            AttritionEnd::Horizon
        } else {
            return None;
        };
        Some(RunOutcome::Completed([
            f64::from(end as u8),
            self.hour[lane] as f64,
            self.blue[lane],
            self.red[lane],
        ]))
    }
}

/// The runs of a batch in index order with their draws, computed a block at a time.
struct DrawQueue<'a> {
    streams: &'a Streams,
    next_run: u64,
    end: u64,
    block_first: u64,
    block: Option<[[u64; RUN_BLOCK]; crate::run_words::WORDS_PER_BLOCK]>,
}

impl<'a> DrawQueue<'a> {
    fn new(runs: Range<u64>, streams: &'a Streams) -> DrawQueue<'a> {
        DrawQueue { streams, next_run: runs.start, end: runs.end, block_first: runs.start, block: None }
    }

    #[inline(always)]
    fn next(&mut self) -> Option<(u64, AttritionDraw)> {
        if self.next_run >= self.end {
            return None;
        }
        let run_idx = self.next_run;
        self.next_run += 1;
        let offset = run_idx - self.block_first;
        let block = match &self.block {
            Some(block) if offset < RUN_BLOCK as u64 => block,
            _ => {
                self.block_first = run_idx;
                self.block.insert(first_words(self.streams, run_idx))
            }
        };
        let lane = (run_idx - self.block_first) as usize;
        let words = std::array::from_fn(|w| block[w][lane]);
        Some((run_idx, AttritionDraw::from_words(words)))
    }
}
