//! The fixed-step integrator: one run of the attrition model from [`Params`] to an [`Outcome`],
//! and the strengths over time when asked for.

use crate::attrition::law::Kernel;
use crate::attrition::params::{Method, Params, Solver};

/// Why a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndReason {
    /// Blue fell below its break point (checked first when both sides break in the same step).
    BlueBreaks,
    /// Red fell below its break point.
    RedBreaks,
    /// Neither side broke before the horizon.
    HorizonReached,
    /// A strength became infinite or NaN (overflow with extreme inputs); the outcome holds the
    /// last finite state.
    NumericalTrouble,
}

/// The result of one run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Why the run ended.
    pub end: EndReason,
    /// When it ended: the end of the step in which a side broke, the end of the last step at the
    /// horizon, or the start of the step that failed.
    pub end_time: f64,
    /// Steps completed.
    pub steps: usize,
    /// Blue's final strength.
    pub blue: f64,
    /// Red's final strength.
    pub red: f64,
    /// Blue's total losses (initial + reinforcements received − final).
    pub blue_losses: f64,
    /// Red's total losses.
    pub red_losses: f64,
}

/// Strengths over time: the initial state and the state after every step, each just before the
/// pulses due at that time arrive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trajectory {
    /// Times, increasing from 0.
    pub time: Vec<f64>,
    /// Blue's strength at each time.
    pub blue: Vec<f64>,
    /// Red's strength at each time.
    pub red: Vec<f64>,
}

impl Trajectory {
    /// `(blue, red)` at `time`, linearly interpolated between recorded points; `None` outside
    /// the recorded span.
    pub fn at(&self, time: f64) -> Option<(f64, f64)> {
        let last = *self.time.last()?;
        let first = self.time[0];
        let slack = 1e-9 * (1.0 + last.abs());
        if !(time >= first - slack && time <= last + slack) {
            return None;
        }
        // A run that stops at once (issue 10: strengths near 1e200 overflow in the first step)
        // records one point; `clamp(1, 0)` below would panic on it.
        if self.time.len() == 1 {
            return Some((self.blue[0], self.red[0]));
        }
        let upper = self.time.partition_point(|&t| t < time).clamp(1, self.time.len() - 1);
        let lower = upper - 1;
        let span = self.time[upper] - self.time[lower];
        let weight = if span > 0.0 { ((time - self.time[lower]) / span).clamp(0.0, 1.0) } else { 0.0 };
        let mix = |values: &[f64]| values[lower] + weight * (values[upper] - values[lower]);
        Some((mix(&self.blue), mix(&self.red)))
    }

    fn push(&mut self, time: f64, blue: f64, red: f64) {
        self.time.push(time);
        self.blue.push(blue);
        self.red.push(red);
    }
}

/// Runs the model to a break point or the horizon.
pub fn simulate(params: &Params, solver: &Solver) -> Outcome {
    run(params, solver, |_, _, _| {})
}

/// Runs the model and records the strengths after every step.
pub fn simulate_recorded(params: &Params, solver: &Solver) -> (Outcome, Trajectory) {
    let mut trajectory = Trajectory::default();
    let capacity = solver.n_steps().min(1 << 20) + 1;
    trajectory.time.reserve(capacity);
    trajectory.blue.reserve(capacity);
    trajectory.red.reserve(capacity);
    let outcome = run(params, solver, |time, blue, red| trajectory.push(time, blue, red));
    (outcome, trajectory)
}

/// What one step needs besides the state; copied into registers once per run.
#[derive(Clone, Copy)]
struct Rates {
    kernel: Kernel,
    a: f64,
    b: f64,
    step_time: f64,
}

/// The running state of one side pair.
#[derive(Clone, Copy)]
struct State {
    blue: f64,
    red: f64,
    blue_losses: f64,
    red_losses: f64,
}

/// The whole run; `observe(time, blue, red)` sees every recorded state. The loop allocates
/// nothing: pulses are consumed through cursors and rate windows are integrated in place.
fn run<F: FnMut(f64, f64, f64)>(params: &Params, solver: &Solver, mut observe: F) -> Outcome {
    let rates =
        Rates { kernel: params.kernel(), a: params.a(), b: params.b(), step_time: solver.step_time() };
    let blue_break = params.blue_break_fraction() * params.blue_initial();
    let red_break = params.red_break_fraction() * params.red_initial();
    let (blue_schedule, red_schedule) = (&params.blue_schedule, &params.red_schedule);
    let has_rates = blue_schedule.has_rates() || red_schedule.has_rates();
    // Pulses due within a billionth of a step of a step's start belong to that step, so that
    // rounding in `k · step` cannot delay a pulse due exactly then by a whole step.
    let tolerance = 1e-9 * rates.step_time;
    let mut state =
        State { blue: params.blue_initial(), red: params.red_initial(), blue_losses: 0.0, red_losses: 0.0 };
    let (mut blue_cursor, mut red_cursor) = (0, 0);
    observe(0.0, state.blue, state.red);
    for step_idx in 0..solver.n_steps() {
        let start_time = step_idx as f64 * rates.step_time;
        let end_time = start_time + rates.step_time;
        state.blue += blue_schedule.take_pulses(&mut blue_cursor, start_time, tolerance);
        state.red += red_schedule.take_pulses(&mut red_cursor, start_time, tolerance);
        let inflow = if has_rates {
            (blue_schedule.inflow(start_time, end_time), red_schedule.inflow(start_time, end_time))
        } else {
            (0.0, 0.0)
        };
        let (next_blue, next_red) = match solver.method() {
            Method::Euler => euler(rates, state.blue, state.red, inflow),
            Method::Rk4 => rk4(rates, state.blue, state.red, inflow),
        };
        if !(next_blue.is_finite() && next_red.is_finite()) {
            return finish(EndReason::NumericalTrouble, start_time, step_idx, state);
        }
        // Explicit schemes can overshoot below zero in one step; a strength cannot.
        let (next_blue, next_red) = (next_blue.max(0.0), next_red.max(0.0));
        state.blue_losses += state.blue + inflow.0 - next_blue;
        state.red_losses += state.red + inflow.1 - next_red;
        state.blue = next_blue;
        state.red = next_red;
        observe(end_time, state.blue, state.red);
        if state.blue < blue_break {
            return finish(EndReason::BlueBreaks, end_time, step_idx + 1, state);
        }
        if state.red < red_break {
            return finish(EndReason::RedBreaks, end_time, step_idx + 1, state);
        }
    }
    finish(EndReason::HorizonReached, solver.end_time(), solver.n_steps(), state)
}

fn finish(end: EndReason, end_time: f64, steps: usize, state: State) -> Outcome {
    Outcome {
        end,
        end_time,
        steps,
        blue: state.blue,
        red: state.red,
        blue_losses: state.blue_losses,
        red_losses: state.red_losses,
    }
}

/// One explicit Euler step; `inflow` is the exact reinforcement over the step.
#[inline]
fn euler(rates: Rates, blue: f64, red: f64, inflow: (f64, f64)) -> (f64, f64) {
    let (blue_term, red_term) = rates.kernel.fire(blue, red);
    let dt = rates.step_time;
    (blue + inflow.0 - dt * rates.a * blue_term, red + inflow.1 - dt * rates.b * red_term)
}

/// One classical Runge–Kutta step. The reinforcement enters as its mean rate over the step, so
/// the step adds exactly the scheduled inflow; stage states are clamped at zero so that
/// fractional powers never see a negative strength.
#[inline]
fn rk4(rates: Rates, blue: f64, red: f64, inflow: (f64, f64)) -> (f64, f64) {
    let dt = rates.step_time;
    let (blue_rate, red_rate) = (inflow.0 / dt, inflow.1 / dt);
    let derivative = |b: f64, r: f64| {
        let (blue_term, red_term) = rates.kernel.fire(b.max(0.0), r.max(0.0));
        (blue_rate - rates.a * blue_term, red_rate - rates.b * red_term)
    };
    let k1 = derivative(blue, red);
    let k2 = derivative(blue + 0.5 * dt * k1.0, red + 0.5 * dt * k1.1);
    let k3 = derivative(blue + 0.5 * dt * k2.0, red + 0.5 * dt * k2.1);
    let k4 = derivative(blue + dt * k3.0, red + dt * k3.1);
    let sixth = dt / 6.0;
    (
        blue + sixth * (k1.0 + 2.0 * k2.0 + 2.0 * k3.0 + k4.0),
        red + sixth * (k1.1 + 2.0 * k2.1 + 2.0 * k3.1 + k4.1),
    )
}

#[cfg(test)]
mod tests;
