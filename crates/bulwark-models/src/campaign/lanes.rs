//! Several campaign runs advanced side by side, so that the processor overlaps their steps.
//!
//! One run's steps form a single chain: each step's `ln(R/B)`, `exp` and new strengths wait on
//! the step before, so one run at a time leaves most of the core idle. [`simulate_lanes`]
//! keeps [`CAMPAIGN_LANES`] runs in flight, one per lane, every quantity of every lane in one
//! array (structure of arrays), and advances all lanes by one step at a time:
//!
//! 1. arrivals, in the few steps where a lane has one due (one vector test of every lane,
//!    then a scalar pass over the lanes with one due, only when there is such a lane);
//! 2. the step itself for every lane at once — multipliers, Red's speed, the fire terms from
//!    one `ln(R/B)` and one pair `(t, 1/t)` ([`bulwark_core::fast_math`]'s branch-free
//!    polynomials), new strengths, advance and the tests for every end — written with selects
//!    and no branch, so that the compiler turns it into vector instructions;
//! 3. only when a lane's run has ended: its outcome, exactly as the one-run loop builds it, and
//!    the next run in that lane at once (no lane idles while others go on: runs last from a day
//!    to the whole horizon).
//!
//! The complementary exponents `(e, 1 − e, e, 1 − e)` make the fire terms
//! `(m_R R)^e · B^(1−e) = m_R^e · B · t` and `(m_B B)^e · R^(1−e) = m_B^e · R · t⁻¹` with
//! `t = (R/B)^e = exp(e · ln(R/B))`. The powers `m^e` of the six multipliers a run can have
//! (each side's with and without supply, Red's before and after Blue's interceptors are spent)
//! are taken once per run by `powf`. A step whose strengths are too far apart for the pair
//! (`|ln(R/B)| > 700`, or a strength that is not a normal double) takes the exact powers
//! instead, as the one-run loop does.
//!
//! A run alone ([`super::simulate`]) is one lane of the same code, and each lane's arithmetic is
//! the same sequence of IEEE 754 operations whatever the number of lanes and the instruction
//! set (`pulp` enters code compiled for AVX-512, AVX2 with FMA or the baseline at run time):
//! a run's outcome in the lanes is bit for bit its outcome alone (tested run by run). Against
//! the `powf` loop the fire terms differ by a few ulp (under 1e-14 relative; tested), so whole
//! runs end the same way with figures equal to about 1e-9 (tested).

use bulwark_core::fast_math::{exp_pair, ln_ratio};

use super::simulate::{collapse, finish, fire, power, speed_fraction, take, State};
use super::{CampaignEnd, CampaignInputs, CampaignOutcome, CampaignPoint};
use crate::attrition::Exponents;

/// Runs in flight per thread: two AVX-512 registers, four AVX2 registers per quantity. (With
/// 8 the compiler unrolls the lanes' loops completely and no longer vectorises them.)
pub const CAMPAIGN_LANES: usize = 16;

/// Where [`simulate_lanes`] takes its runs and reports their outcomes.
pub trait CampaignRuns {
    /// What identifies a run (its index in an ensemble).
    type Tag;

    /// The next run to simulate and its inputs, or `None` when there are no more.
    fn next_run(&mut self) -> Option<(Self::Tag, CampaignInputs)>;

    /// A run has ended with `outcome` (runs end in any order).
    fn ended(&mut self, tag: Self::Tag, outcome: CampaignOutcome);
}

/// Simulates every run `runs` yields, [`CAMPAIGN_LANES`] at a time, reporting each outcome
/// exactly once (in the order the runs end). Each outcome is bit for bit
/// `simulate(&inputs)`.
pub fn simulate_lanes<R: CampaignRuns>(runs: &mut R) {
    dispatch(LaneBatch { runs });
}

/// Whether a run takes the lanes' step: complementary exponents, `0 < e < 1`.
pub(crate) fn takes(inputs: &CampaignInputs) -> bool {
    let x = inputs.params.exponents;
    // Exactly complementary (as `Exponents::complementary` builds them), bit for bit.
    let same = |a: f64, b: f64| a.to_bits() == b.to_bits();
    let complementary = same(x.e1, x.e3) && same(x.e2, 1.0 - x.e1) && same(x.e4, 1.0 - x.e3);
    complementary && x.e1 > 1e-12 && x.e1 < 1.0 - 1e-12
}

/// Enters `op` compiled for the widest instruction set the processor has (AVX-512, AVX2 with
/// FMA, or the baseline), through `pulp`: the step's `ln`/`exp` are built on fused
/// multiply-adds, one instruction with FMA and a correctly rounded software routine without
/// (the same bits, much slower).
pub(crate) fn dispatch<Op: pulp::WithSimd>(op: Op) -> Op::Output {
    pulp::Arch::new().dispatch(op)
}

/// One run alone, in one lane, as a `pulp` operation; `observe` sees the state at the start
/// and after every step, as in the one-run loop.
pub(crate) struct OneRun<'a, F> {
    pub(crate) inputs: &'a CampaignInputs,
    pub(crate) observe: F,
}

impl<F: FnMut(CampaignPoint)> pulp::WithSimd for OneRun<'_, F> {
    type Output = CampaignOutcome;

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) -> CampaignOutcome {
        let OneRun { inputs, mut observe } = self;
        observe(CampaignPoint { hours: 0.0, blue: 0.0, red: 0.0, advance_km: 0.0 });
        if inputs.n_steps == 0 {
            return empty_run(inputs);
        }
        let mut lanes = Lanes::<1>::idle();
        lanes.start(0, inputs);
        loop {
            lanes.arrivals(0, inputs);
            lanes.advance();
            if lanes.end[0] != FAILED && lanes.end[0] != OBJECTIVE {
                observe(lanes.point(0));
            }
            if lanes.end[0] != RUNNING {
                return lanes.outcome(0, inputs);
            }
        }
    }
}

/// A batch of runs as a `pulp` operation: everything below `with_simd` is inlined into code
/// compiled for the chosen instruction set, so that [`Lanes::advance`] is vectorised for it.
struct LaneBatch<'a, R> {
    runs: &'a mut R,
}

impl<R: CampaignRuns> pulp::WithSimd for LaneBatch<'_, R> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) {
        let runs = self.runs;
        let mut lanes = Lanes::<CAMPAIGN_LANES>::idle();
        let mut held: [Option<(R::Tag, CampaignInputs)>; CAMPAIGN_LANES] = std::array::from_fn(|_| None);
        for (k, slot) in held.iter_mut().enumerate() {
            *slot = next_run(runs);
            if let Some((_, inputs)) = slot {
                lanes.start(k, inputs);
            }
        }
        let mut n_active = held.iter().filter(|slot| slot.is_some()).count();
        while n_active > 0 {
            // Most steps have no arrival due in any lane: one vector test of every lane then
            // spares the scalar pass.
            let (due, any_due) = lanes.due();
            if any_due {
                for (k, slot) in held.iter().enumerate() {
                    if let (true, Some((_, inputs))) = (due[k], slot) {
                        lanes.arrivals(k, inputs);
                    }
                }
            }
            if !lanes.advance() {
                continue;
            }
            for (k, slot) in held.iter_mut().enumerate() {
                if lanes.end[k] == RUNNING {
                    continue;
                }
                if let Some((tag, inputs)) = slot.take() {
                    runs.ended(tag, lanes.outcome(k, &inputs));
                }
                *slot = next_run(runs);
                match slot {
                    Some((_, inputs)) => lanes.start(k, inputs),
                    None => {
                        lanes.park(k);
                        n_active -= 1;
                    }
                }
            }
        }
    }
}

/// The next run the lanes can take; the others (exponents that are not complementary, or no
/// step at all) are simulated alone at once and reported.
fn next_run<R: CampaignRuns>(runs: &mut R) -> Option<(R::Tag, CampaignInputs)> {
    loop {
        let (tag, inputs) = runs.next_run()?;
        if takes(&inputs) && inputs.n_steps > 0 {
            return Some((tag, inputs));
        }
        let outcome = if inputs.n_steps == 0 { empty_run(&inputs) } else { super::simulate(&inputs) };
        runs.ended(tag, outcome);
    }
}

/// A run without a step (the inputs' checks let none through; kept so that no input makes a
/// lane step past its horizon).
fn empty_run(inputs: &CampaignInputs) -> CampaignOutcome {
    let state = State { blue: 0.0, red: 0.0, blue_arrived: 0.0, red_arrived: 0.0, advance_km: 0.0 };
    finish(CampaignEnd::HorizonReached, inputs.clock.horizon_hours, None, None, &state)
}

/// How a lane's last step ended.
const RUNNING: u8 = 0;
const FAILED: u8 = 1;
const OBJECTIVE: u8 = 2;
const BLUE_BROKE: u8 = 3;
const RED_BROKE: u8 = 4;
const HORIZON: u8 = 5;

/// `K` runs, one array per quantity.
struct Lanes<const K: usize> {
    // The state.
    blue: [f64; K],
    red: [f64; K],
    blue_arrived: [f64; K],
    red_arrived: [f64; K],
    advance_km: [f64; K],
    /// Steps done, as an exactly counted double (the step's start is `step · Δt`).
    step: [f64; K],
    /// The last step's speed (for the time the objective is reached).
    speed: [f64; K],
    end: [u8; K],
    // Arrivals: the next due of each side (+∞ when none is left) and where the list stands.
    next_blue_hour: [f64; K],
    next_red_hour: [f64; K],
    blue_cursor: [usize; K],
    red_cursor: [usize; K],
    // The run's constants.
    dt: [f64; K],
    tolerance: [f64; K],
    n_steps: [f64; K],
    red_effect: [f64; K],
    blue_effect: [f64; K],
    exponent: [f64; K],
    blue_break: [f64; K],
    red_break: [f64; K],
    speed_max: [f64; K],
    stall: [f64; K],
    full_speed: [f64; K],
    objective_km: [f64; K],
    blue_stock_hours: [f64; K],
    red_stock_hours: [f64; K],
    interceptors_out_hours: [f64; K],
    /// `m_B` with supply, without; `m_R` before the interceptors are spent with and without
    /// supply, then after.
    m_blue: [[f64; K]; 2],
    m_red: [[f64; K]; 4],
    /// The same multipliers' powers `m^e`.
    p_blue: [[f64; K]; 2],
    p_red: [[f64; K]; 4],
}

impl<const K: usize> Lanes<K> {
    fn idle() -> Lanes<K> {
        let mut lanes = Lanes {
            blue: [0.0; K],
            red: [0.0; K],
            blue_arrived: [0.0; K],
            red_arrived: [0.0; K],
            advance_km: [0.0; K],
            step: [0.0; K],
            speed: [0.0; K],
            end: [RUNNING; K],
            next_blue_hour: [0.0; K],
            next_red_hour: [0.0; K],
            blue_cursor: [0; K],
            red_cursor: [0; K],
            dt: [0.0; K],
            tolerance: [0.0; K],
            n_steps: [0.0; K],
            red_effect: [0.0; K],
            blue_effect: [0.0; K],
            exponent: [0.0; K],
            blue_break: [0.0; K],
            red_break: [0.0; K],
            speed_max: [0.0; K],
            stall: [0.0; K],
            full_speed: [0.0; K],
            objective_km: [0.0; K],
            blue_stock_hours: [0.0; K],
            red_stock_hours: [0.0; K],
            interceptors_out_hours: [0.0; K],
            m_blue: [[0.0; K]; 2],
            m_red: [[0.0; K]; 4],
            p_blue: [[0.0; K]; 2],
            p_red: [[0.0; K]; 4],
        };
        (0..K).for_each(|k| lanes.park(k));
        lanes
    }

    /// Puts a run at its start in lane `k`.
    fn start(&mut self, k: usize, inputs: &CampaignInputs) {
        let p = &inputs.params;
        let e = p.exponents.e1;
        self.blue[k] = 0.0;
        self.red[k] = 0.0;
        self.blue_arrived[k] = 0.0;
        self.red_arrived[k] = 0.0;
        self.advance_km[k] = 0.0;
        self.step[k] = 0.0;
        self.speed[k] = 0.0;
        self.end[k] = RUNNING;
        self.blue_cursor[k] = 0;
        self.red_cursor[k] = 0;
        self.next_blue_hour[k] = next_hour(&inputs.blue_arrivals, 0);
        self.next_red_hour[k] = next_hour(&inputs.red_arrivals, 0);
        self.dt[k] = inputs.clock.step_hours;
        self.tolerance[k] = 1e-9 * inputs.clock.step_hours;
        self.n_steps[k] = inputs.n_steps as f64;
        self.red_effect[k] = p.red_effect_per_hour;
        self.blue_effect[k] = p.blue_effect_per_hour;
        self.exponent[k] = e;
        self.blue_break[k] = p.blue_break_fraction;
        self.red_break[k] = p.red_break_fraction;
        self.speed_max[k] = p.red_speed_km_per_hour;
        self.stall[k] = p.stall_ratio;
        self.full_speed[k] = p.full_speed_ratio;
        self.objective_km[k] = p.objective_km;
        self.blue_stock_hours[k] = inputs.blue_supply.stock_hours;
        self.red_stock_hours[k] = inputs.red_supply.stock_hours;
        self.interceptors_out_hours[k] = inputs.interceptors_out_hours;
        // The one-run loop's products `multiplier × supply factor`, the factor 1 or the
        // resupply share.
        let blue_supplied = [1.0, inputs.blue_supply.resupply_share];
        let red_supplied = [1.0, inputs.red_supply.resupply_share];
        for (i, factor) in blue_supplied.into_iter().enumerate() {
            self.m_blue[i][k] = inputs.blue_multiplier * factor;
            self.p_blue[i][k] = power(self.m_blue[i][k], e);
        }
        for (i, (air, factor)) in [inputs.red_multiplier, inputs.red_multiplier_late]
            .into_iter()
            .flat_map(|air| red_supplied.map(|factor| (air, factor)))
            .enumerate()
        {
            self.m_red[i][k] = air * factor;
            self.p_red[i][k] = power(self.m_red[i][k], e);
        }
    }

    /// Fills lane `k` with a harmless run that never ends and is never reported (no fire, no
    /// movement, no arrivals, break points below zero, no horizon).
    fn park(&mut self, k: usize) {
        self.blue[k] = 1.0;
        self.red[k] = 1.0;
        self.blue_arrived[k] = 1.0;
        self.red_arrived[k] = 1.0;
        self.advance_km[k] = 0.0;
        self.step[k] = 0.0;
        self.speed[k] = 0.0;
        self.end[k] = RUNNING;
        self.next_blue_hour[k] = f64::INFINITY;
        self.next_red_hour[k] = f64::INFINITY;
        self.dt[k] = 1.0;
        self.tolerance[k] = 0.0;
        self.n_steps[k] = f64::INFINITY;
        self.red_effect[k] = 0.0;
        self.blue_effect[k] = 0.0;
        self.exponent[k] = 0.5;
        self.blue_break[k] = -1.0;
        self.red_break[k] = -1.0;
        self.speed_max[k] = 0.0;
        self.stall[k] = 1.0;
        self.full_speed[k] = 2.0;
        self.objective_km[k] = 1.0;
        self.blue_stock_hours[k] = f64::INFINITY;
        self.red_stock_hours[k] = f64::INFINITY;
        self.interceptors_out_hours[k] = f64::INFINITY;
        for i in 0..2 {
            (self.m_blue[i][k], self.p_blue[i][k]) = (1.0, 1.0);
        }
        for i in 0..4 {
            (self.m_red[i][k], self.p_red[i][k]) = (1.0, 1.0);
        }
    }

    /// Which lanes have an arrival due at the start of their next step, by
    /// [`Lanes::arrivals`]' own tests (the same `until`, bit for bit), for every lane at once
    /// and without a branch, so that the test is vectorised; and whether any has. A parked
    /// lane's next hours are +∞, never due.
    #[inline(always)]
    // Indexed like the step's loops over lanes, the form measured to vectorise.
    #[allow(clippy::needless_range_loop)]
    fn due(&self) -> ([bool; K], bool) {
        let mut due = [false; K];
        let mut any_due = false;
        for k in 0..K {
            let until = self.step[k] * self.dt[k] + self.tolerance[k];
            due[k] = (self.next_blue_hour[k] <= until) | (self.next_red_hour[k] <= until);
            any_due |= due[k];
        }
        (due, any_due)
    }

    /// Lane `k`'s arrivals due at the start of its next step, as the one-run loop takes them
    /// (`take`). Most steps have none: then this only compares.
    #[inline(always)]
    fn arrivals(&mut self, k: usize, inputs: &CampaignInputs) {
        let until = self.step[k] * self.dt[k] + self.tolerance[k];
        // `take`'s test, `hour <= until`: arrival hours are finite or +∞, never NaN.
        if self.next_blue_hour[k] <= until {
            let blue_in = take(&inputs.blue_arrivals, &mut self.blue_cursor[k], until);
            self.blue[k] += blue_in;
            self.blue_arrived[k] += blue_in;
            self.next_blue_hour[k] = next_hour(&inputs.blue_arrivals, self.blue_cursor[k]);
        }
        if self.next_red_hour[k] <= until {
            let red_in = take(&inputs.red_arrivals, &mut self.red_cursor[k], until);
            self.red[k] += red_in;
            self.red_arrived[k] += red_in;
            self.next_red_hour[k] = next_hour(&inputs.red_arrivals, self.red_cursor[k]);
        }
    }

    /// One step of every lane (arrivals already in); whether any run ended in it. The lanes'
    /// loops have no branch and no call but in the rare exact-power case, so the compiler
    /// turns them into vector instructions.
    #[inline(always)]
    fn advance(&mut self) -> bool {
        let mut m_blue = [0.0; K];
        let mut m_red = [0.0; K];
        let mut p_blue = [0.0; K];
        let mut p_red = [0.0; K];
        for k in 0..K {
            let start = self.step[k] * self.dt[k];
            let (blue, red) = (self.blue[k], self.red[k]);
            // The negations of `Supply::factor`'s and `multipliers`' tests `hours < limit`; the
            // limits are checked numbers (never NaN), so `>=` is exactly the negation.
            let blue_short = start >= self.blue_stock_hours[k];
            let red_short = start >= self.red_stock_hours[k];
            let red_late = start >= self.interceptors_out_hours[k];
            m_blue[k] = pick(blue_short, self.m_blue[1][k], self.m_blue[0][k]);
            p_blue[k] = pick(blue_short, self.p_blue[1][k], self.p_blue[0][k]);
            let m_early = pick(red_short, self.m_red[1][k], self.m_red[0][k]);
            let m_late = pick(red_short, self.m_red[3][k], self.m_red[2][k]);
            let p_early = pick(red_short, self.p_red[1][k], self.p_red[0][k]);
            let p_late = pick(red_short, self.p_red[3][k], self.p_red[2][k]);
            m_red[k] = pick(red_late, m_late, m_early);
            p_red[k] = pick(red_late, p_late, p_early);
            // Red below its break point halts and waits for its next echelon.
            let paused = red < self.red_break[k] * self.red_arrived[k];
            let fraction =
                speed_fraction(m_red[k] * red, m_blue[k] * blue, self.stall[k], self.full_speed[k]);
            self.speed[k] = if paused { 0.0 } else { self.speed_max[k] * fraction };
        }
        let mut blue_term = [0.0; K];
        let mut red_term = [0.0; K];
        let mut exact = [false; K];
        let mut any_exact = false;
        for k in 0..K {
            let (terms_blue, terms_red, needs_exact) =
                fast_fire(self.blue[k], self.red[k], p_blue[k], p_red[k], self.exponent[k]);
            blue_term[k] = terms_blue;
            red_term[k] = terms_red;
            exact[k] = needs_exact;
            any_exact |= needs_exact;
        }
        if any_exact {
            for k in (0..K).filter(|&k| exact[k]) {
                let (blue, red) = (self.blue[k], self.red[k]);
                let x = Exponents::complementary(self.exponent[k]);
                (blue_term[k], red_term[k]) = fire(x, m_blue[k] * blue, m_red[k] * red, blue, red);
            }
        }
        let mut any_ended = false;
        for k in 0..K {
            let dt = self.dt[k];
            let (blue, red) = (self.blue[k], self.red[k]);
            let next_blue = (blue - dt * self.red_effect[k] * blue_term[k]).max(0.0);
            let next_red = (red - dt * self.blue_effect[k] * red_term[k]).max(0.0);
            let finite = next_blue.is_finite() & next_red.is_finite();
            let speed = self.speed[k];
            let remaining_km = self.objective_km[k] - self.advance_km[k];
            let reached = (speed > 0.0) & (speed * dt >= remaining_km);
            let advance_km = self.advance_km[k] + speed * dt;
            let blue_broke = next_blue < self.blue_break[k] * self.blue_arrived[k];
            let red_broke = (next_red < self.red_break[k] * self.red_arrived[k])
                & (self.next_red_hour[k] == f64::INFINITY);
            let horizon = self.step[k] + 1.0 >= self.n_steps[k];
            // Which end, in the one-run loop's order of tests; a failed step keeps the state
            // before it, and a step that reaches the objective keeps the advance before it
            // (the outcome works out the time from it).
            let end = if !finite {
                FAILED
            } else if reached {
                OBJECTIVE
            } else if blue_broke {
                BLUE_BROKE
            } else if red_broke {
                RED_BROKE
            } else if horizon {
                HORIZON
            } else {
                RUNNING
            };
            self.blue[k] = if finite { next_blue } else { blue };
            self.red[k] = if finite { next_red } else { red };
            self.advance_km[k] = if finite & !reached { advance_km } else { self.advance_km[k] };
            // `end == RUNNING` from the tests themselves: comparing the chosen byte made the
            // compiler widen it lane by lane.
            let running = finite & !reached & !blue_broke & !red_broke & !horizon;
            self.step[k] = if running { self.step[k] + 1.0 } else { self.step[k] };
            self.end[k] = end;
            any_ended |= !running;
        }
        any_ended
    }

    /// Lane `k`'s state after its last step, for `simulate_recorded`.
    fn point(&self, k: usize) -> CampaignPoint {
        // A running lane has counted the step; an ended one has not.
        let steps_done = if self.end[k] == RUNNING { self.step[k] } else { self.step[k] + 1.0 };
        CampaignPoint {
            hours: (steps_done - 1.0) * self.dt[k] + self.dt[k],
            blue: self.blue[k],
            red: self.red[k],
            advance_km: self.advance_km[k],
        }
    }

    /// The outcome of lane `k`'s run, which has ended, as the one-run loop builds it.
    fn outcome(&self, k: usize, inputs: &CampaignInputs) -> CampaignOutcome {
        let mut state = State {
            blue: self.blue[k],
            red: self.red[k],
            blue_arrived: self.blue_arrived[k],
            red_arrived: self.red_arrived[k],
            advance_km: self.advance_km[k],
        };
        let start = self.step[k] * self.dt[k];
        let end = start + self.dt[k];
        match self.end[k] {
            FAILED => finish(CampaignEnd::Failed("non-finite strength"), start, None, None, &state),
            OBJECTIVE => {
                let remaining_km = self.objective_km[k] - state.advance_km;
                state.advance_km = self.objective_km[k];
                let reached = start + remaining_km / self.speed[k];
                finish(CampaignEnd::ObjectiveReached, reached, Some(reached), None, &state)
            }
            BLUE_BROKE => collapse(inputs, end, &mut state),
            RED_BROKE => finish(CampaignEnd::RedBroke, end, None, None, &state),
            _ => finish(CampaignEnd::HorizonReached, inputs.clock.horizon_hours, None, None, &state),
        }
    }
}

/// The fire terms `(m_R^e · B · t, m_B^e · R · t⁻¹)` with `t = exp(e · ln(R/B))`, given the
/// powers `p_blue = m_B^e`, `p_red = m_R^e`, and whether the exact powers must replace them. A
/// side at zero inflicts nothing; with both positive, the pair serves when the strengths are
/// normal doubles and `|ln(R/B)| ≤ 700` (so that `|e · ln(R/B)| < 708`, inside `exp_pair`'s
/// range); otherwise the terms are 0 here and the caller takes [`fire`]'s exact powers.
#[inline(always)]
fn fast_fire(blue: f64, red: f64, p_blue: f64, p_red: f64, e: f64) -> (f64, f64, bool) {
    let both = blue > 0.0 && red > 0.0;
    // Positive normal doubles, by two comparisons joined without a branch (`is_normal`
    // classifies through a `match`, which keeps the lanes' loop from vectorising).
    #[allow(clippy::manual_range_contains)]
    let normal = |x: f64| (x >= f64::MIN_POSITIVE) & (x <= f64::MAX);
    let ln = ln_ratio(red, blue);
    let fast = normal(blue) & normal(red) & (ln.abs() <= 700.0);
    let (t, inverse) = exp_pair(if fast { e * ln } else { 0.0 });
    let blue_term = if fast { p_red * blue * t } else { 0.0 };
    let red_term = if fast { p_blue * red * inverse } else { 0.0 };
    (blue_term, red_term, both & !fast)
}

/// `if_true` if `condition`, else `if_false`, by masking bits: both values are loaded
/// whatever the condition, so the compiler cannot turn the choice into a load from one of two
/// arrays, which keeps the lanes' loop from vectorising.
#[inline(always)]
fn pick(condition: bool, if_true: f64, if_false: f64) -> f64 {
    let mask = 0u64.wrapping_sub(u64::from(condition));
    f64::from_bits((if_true.to_bits() & mask) | (if_false.to_bits() & !mask))
}

/// The hour of the arrival at `cursor`, +∞ when the list is done.
fn next_hour(arrivals: &[(f64, f64)], cursor: usize) -> f64 {
    arrivals.get(cursor).map_or(f64::INFINITY, |&(hour, _)| hour)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::attrition::Exponents;
    use crate::campaign::simulate::{fire, power};
    use crate::campaign::tests::forces;
    use crate::campaign::{simulate, AirPower, CampaignParams, Clock, Forces, Formation, Supply, Transit};

    /// A varied run from a few numbers: strengths, effects, exponents (complementary or not),
    /// echelons, supply and interceptors running out, and horizons of different lengths, so
    /// that the lanes hold runs that end at different steps and in different ways.
    fn varied_inputs(seed: u64) -> CampaignInputs {
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut unit = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let formation = |power: f64, ready_hours: f64| Formation {
            combat_power: power,
            ready_hours,
            transit: Transit::InPlace,
        };
        let e = 0.05 + 0.9 * unit();
        let exponents = if unit() < 0.85 {
            Exponents::complementary(e)
        } else {
            Exponents { e1: e, e2: 0.3, e3: 0.5, e4: 0.4 }
        };
        let params = CampaignParams {
            red_effect_per_hour: 0.02 * unit(),
            blue_effect_per_hour: 0.02 * unit(),
            exponents,
            ..CampaignParams::default()
        };
        let mut f: Forces = forces(
            vec![formation(1.0 + 30.0 * unit(), 0.0), formation(20.0 * unit(), 400.0 * unit())],
            vec![formation(5.0 + 60.0 * unit(), 0.0), formation(40.0 * unit(), 300.0 * unit())],
        );
        f.blue_supply = Supply { stock_hours: 400.0 * unit(), resupply_share: 0.4 };
        f.red_supply = Supply { stock_hours: 200.0 * unit(), resupply_share: 0.0 };
        f.red_air = AirPower { combat_aircraft: 300.0 * unit(), sead_needed: 40.0, ..AirPower::NONE };
        f.blue_iamd_denial = 0.6;
        f.blue_iamd_denial_without_interceptors = 0.2;
        f.blue_interceptors_out_hours = 600.0 * unit();
        let horizon_hours = [24.0, 240.0, 720.0, 1440.0][(4.0 * unit()) as usize];
        CampaignInputs::new(params, &f, Clock { step_hours: 1.0, horizon_hours }).unwrap()
    }

    /// Runs from a list, outcomes collected by index.
    struct Listed {
        inputs: Vec<CampaignInputs>,
        next: usize,
        outcomes: Vec<Option<CampaignOutcome>>,
    }

    impl CampaignRuns for Listed {
        type Tag = usize;

        fn next_run(&mut self) -> Option<(usize, CampaignInputs)> {
            let run = self.inputs.get(self.next).cloned().map(|inputs| (self.next, inputs));
            self.next += 1;
            run
        }

        fn ended(&mut self, tag: usize, outcome: CampaignOutcome) {
            assert!(self.outcomes[tag].replace(outcome).is_none(), "run {tag} reported twice");
        }
    }

    fn outcome_bits(outcome: &CampaignOutcome) -> Vec<u64> {
        let hours = |x: Option<f64>| x.map_or(u64::MAX, f64::to_bits);
        vec![
            outcome.end_hours.to_bits(),
            hours(outcome.hours_to_objective),
            hours(outcome.blue_broke_at_hours),
            outcome.advance_km.to_bits(),
            outcome.blue.to_bits(),
            outcome.red.to_bits(),
            outcome.blue_losses.to_bits(),
            outcome.red_losses.to_bits(),
        ]
    }

    fn check_lanes_equal_one_by_one(seeds: std::ops::Range<u64>) {
        let inputs: Vec<CampaignInputs> = seeds.map(varied_inputs).collect();
        let n = inputs.len();
        let mut listed = Listed { inputs, next: 0, outcomes: vec![None; n] };
        simulate_lanes(&mut listed);
        let mut ends = std::collections::BTreeSet::new();
        for (inputs, lane_outcome) in listed.inputs.iter().zip(&listed.outcomes) {
            let lane_outcome = lane_outcome.expect("every run is reported");
            let alone = simulate(inputs);
            assert_eq!(lane_outcome.end, alone.end);
            assert_eq!(outcome_bits(&lane_outcome), outcome_bits(&alone), "{lane_outcome:?} vs {alone:?}");
            ends.insert(format!("{:?}", alone.end));
        }
        // The comparison covers runs that end in different ways (so at different steps).
        assert!(n < 40 || ends.len() >= 3, "only {ends:?}");
    }

    /// The terms by the pair against the exact powers of [`fire`]: within 1e-14 relative over
    /// strengths from 1e-6 to 1e4 battalions (ratios up to 1e10), exponents across (0, 1) and
    /// multipliers of 0.4 to 2.7. (The pair's `ln` and `exp` are each within 2 ulp of libm's;
    /// `t`'s error grows with `e · ln(R/B)`, up to about 23 here.)
    #[test]
    fn fast_fire_terms_stay_within_their_bound_of_the_exact_powers() {
        let mut worst: f64 = 0.0;
        for e in [0.01, 0.3, 0.5, 0.7, 0.99] {
            for blue in [1e-6, 0.37, 1.0, 12.5, 80.0, 1e4] {
                for red in [1e-6, 0.5, 3.0, 44.1, 1e4] {
                    for (m_blue, m_red) in [(1.0, 1.0), (1.5, 1.2), (0.4, 2.7)] {
                        let (p_blue, p_red) = (power(m_blue, e), power(m_red, e));
                        let (fast_blue, fast_red, exact) = fast_fire(blue, red, p_blue, p_red, e);
                        assert!(!exact);
                        let x = Exponents::complementary(e);
                        let (ref_blue, ref_red) = fire(x, m_blue * blue, m_red * red, blue, red);
                        for (fast, reference) in [(fast_blue, ref_blue), (fast_red, ref_red)] {
                            let error = (fast - reference).abs() / reference;
                            assert!(error <= 1e-14, "e {e} B {blue} R {red}: {fast} vs {reference}");
                            worst = worst.max(error);
                        }
                    }
                }
            }
            // A side at zero inflicts nothing and needs no exact power; a zero multiplier's
            // power makes its term zero; strengths too far apart ask for the exact powers.
            assert_eq!(fast_fire(0.0, 5.0, 1.0, 1.0, e), (0.0, 0.0, false));
            assert_eq!(fast_fire(5.0, 0.0, 1.0, 1.0, e), (0.0, 0.0, false));
            assert_eq!(fast_fire(5.0, 5.0, 1.0, 0.0, e).0.to_bits(), 0.0f64.to_bits());
            assert!(fast_fire(1e-300, 1e300, 1.0, 1.0, e).2);
            assert!(fast_fire(5.0, 1e-310, 1.0, 1.0, e).2);
        }
        assert!(worst > 0.0, "never differs: the comparison is not exercised");
    }

    /// Which runs the lanes take: exactly complementary exponents strictly inside (0, 1).
    #[test]
    fn only_complementary_exponents_take_the_lanes() {
        let inputs = |x: Exponents| {
            let params = CampaignParams { exponents: x, ..CampaignParams::default() };
            CampaignInputs::new(
                params,
                &forces(vec![], vec![]),
                Clock { step_hours: 1.0, horizon_hours: 24.0 },
            )
            .unwrap()
        };
        assert!(takes(&inputs(Exponents::complementary(0.7))));
        for x in [
            Exponents::SQUARE,
            Exponents::LINEAR,
            Exponents::LOGARITHMIC,
            Exponents::complementary(1.0),
            Exponents::complementary(0.0),
            Exponents { e1: 0.7, e2: 0.3, e3: 0.6, e4: 0.4 },
        ] {
            assert!(!takes(&inputs(x)), "{x:?}");
        }
    }

    #[test]
    fn lanes_give_each_run_the_outcome_it_gets_alone_bit_for_bit() {
        check_lanes_equal_one_by_one(0..400);
        // Fewer runs than lanes, and none at all.
        check_lanes_equal_one_by_one(1_000..1_003);
        check_lanes_equal_one_by_one(0..0);
    }

    proptest! {
        #[test]
        fn lanes_equal_one_by_one_for_any_batch(first in 0u64..1_000_000, n in 0u64..40) {
            check_lanes_equal_one_by_one(first..first + n);
        }
    }
}
