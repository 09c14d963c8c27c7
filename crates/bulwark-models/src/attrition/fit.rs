//! Least-squares fits of the attrition law to a battle's strength series, and the closed-form
//! estimators of the literature ([`engel_integral_estimate`], [`square_law_endpoints`]).
//!
//! # What is minimised
//!
//! The model is simulated from the start state with the series' reinforcements, and the sum of
//! squared residuals `Σ (observed − simulated)²` over every observed strength of every row (both
//! sides when both are given, in the same unit) is minimised over `ln a`, `ln b` (which keeps
//! them positive) and, for [`Law::Helmbold`], the four exponents (kept in `[0, 2]`). The search
//! is Nelder–Mead with one restart. `R² = 1 − SSR / SST`, where SST sums each side's squared
//! deviations from that side's mean.
//!
//! An [`EndConstraint`] ("Red is annihilated by day 36", Engel's assumption for Iwo Jima)
//! removes one coefficient from the search: for every trial of the others it is solved by
//! bisection so that the side's simulated strength at that time equals the given value (for
//! a value of 0, the smallest coefficient that annihilates the side by then).
//!
//! # Start state
//!
//! By default the simulation starts at the first row with the observed strengths there (the
//! first row's reinforcement is then taken as already in its strength). A side that is not
//! observed, or a start before the first row (Engel's Iwo Jima starts at day 0 with no US
//! troops ashore), needs its initial strength in the [`FitSpec`].

mod estimators;
mod nelder_mead;

pub use estimators::{
    engel_integral_estimate, square_law_endpoints, EndpointEstimate, EngelEstimate, EngelSpec,
};

use crate::attrition::law::{Exponents, Kernel, Law};
use crate::attrition::params::{Method, Params, Solver};
use crate::attrition::reinforcement::Reinforcement;
use crate::attrition::series::Series;
use crate::attrition::simulate::{simulate_recorded, EndReason, Outcome, Trajectory};
use crate::ModelError;

use nelder_mead::{minimise, Settings};

const MODEL: &str = "attrition fit";

/// The most solver steps one simulation of a fit takes; the step grows past
/// `shortest interval / steps_per_interval` when the series would need more.
const MAX_FIT_STEPS: f64 = 50_000.0;

/// One of the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Blue, whose losses `a` drives.
    Blue,
    /// Red, whose losses `b` drives.
    Red,
}

/// A side's strength imposed at a time (Engel: the Japanese garrison is gone by day 36).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndConstraint {
    /// The side constrained; its loss coefficient is solved for, not searched.
    pub side: Side,
    /// When, in the series' time unit.
    pub time: f64,
    /// Its strength then (0 = annihilated by then).
    pub strength: f64,
}

/// How to fit. Run-level configuration: [`FitSpec::new`] states every default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitSpec {
    /// The law; for [`Law::Helmbold`] its exponents are the starting guess and are fitted.
    pub law: Law,
    /// Simulation start, at or before the first row (default: the first row's time).
    pub start_time: Option<f64>,
    /// Blue's strength at the start (default: the first row's, when Blue is observed and the
    /// fit starts there).
    pub blue_initial: Option<f64>,
    /// Red's strength at the start (same default rule).
    pub red_initial: Option<f64>,
    /// An imposed end strength, if any (default none).
    pub end_constraint: Option<EndConstraint>,
    /// Integration scheme (default RK4, so that the fit measures the law, not the integrator).
    pub method: Method,
    /// Integration steps per smallest interval between rows (default 8).
    pub steps_per_interval: u32,
    /// Budget of objective evaluations (default 4,000).
    pub max_evaluations: usize,
}

impl FitSpec {
    /// A spec for `law` with the defaults documented on each field.
    pub fn new(law: Law) -> FitSpec {
        FitSpec {
            law,
            start_time: None,
            blue_initial: None,
            red_initial: None,
            end_constraint: None,
            method: Method::Rk4,
            steps_per_interval: 8,
            max_evaluations: 4000,
        }
    }

    /// The model this spec simulates for `series` with the given law and coefficients: the
    /// start state and reinforcements of the series, no break points.
    pub fn params(&self, series: &Series, law: Law, a: f64, b: f64) -> Result<Params, ModelError> {
        Setup::new(series, self)?.params(law, a, b)
    }
}

/// Observed and simulated strengths at one row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitPoint {
    /// The row's time.
    pub time: f64,
    /// Blue's observed strength, if observed.
    pub blue_observed: Option<f64>,
    /// Blue's simulated strength.
    pub blue_fitted: f64,
    /// Red's observed strength, if observed.
    pub red_observed: Option<f64>,
    /// Red's simulated strength.
    pub red_fitted: f64,
}

impl FitPoint {
    /// Observed − simulated for Blue.
    pub fn blue_residual(&self) -> Option<f64> {
        self.blue_observed.map(|observed| observed - self.blue_fitted)
    }

    /// Observed − simulated for Red.
    pub fn red_residual(&self) -> Option<f64> {
        self.red_observed.map(|observed| observed - self.red_fitted)
    }
}

/// How well one model reproduces a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// One point per row.
    pub points: Vec<FitPoint>,
    /// `1 − SSR/SST` over all observed strengths.
    pub r_squared: f64,
    /// SSR, in strength units squared.
    pub sum_squared_residuals: f64,
    /// `√(SSR / n)`, in strength units.
    pub rmse: f64,
    /// Mean of `|residual| / observed` over positive observations, in percent.
    pub mean_abs_percent_error: f64,
    /// The simulated strengths at every step, in the series' time.
    pub curve: Trajectory,
    /// The simulation's outcome (final strengths, losses).
    pub outcome: Outcome,
}

/// A fitted model.
#[derive(Clone, Debug)]
pub struct Fit {
    /// The fitted model: law (with fitted exponents), `a`, `b`, start state, reinforcements.
    pub params: Params,
    /// Simulation start in the series' time; simulated time 0 is this time.
    pub start_time: f64,
    /// Goodness of fit, residuals and the fitted curve.
    pub evaluation: Evaluation,
    /// Objective evaluations used.
    pub evaluations: usize,
    /// Whether the search met its tolerances within the budget.
    pub converged: bool,
}

/// Fits `spec.law` to `series` by least squares.
pub fn fit(series: &Series, spec: &FitSpec) -> Result<Fit, ModelError> {
    let setup = Setup::new(series, spec)?;
    let unknowns = Unknowns::new(spec, &setup, series);
    // Building the model once checks the law's exponents before any search.
    setup.params(spec.law, 1.0, 1.0)?;
    let guess = setup.initial_guess(series, spec.law);
    let start = unknowns.encode(guess, spec.law.exponents());
    let steps: Vec<f64> = unknowns.steps();
    let objective = |theta: &[f64]| {
        setup
            .model(spec, &unknowns.decode(theta, guess, spec.law))
            .map_or(f64::INFINITY, |p| setup.sum_squares(series, &p))
    };
    let settings =
        Settings { value_tolerance: 1e-10, x_tolerance: 1e-7, max_evaluations: spec.max_evaluations };
    let minimum = minimise(objective, &start, &steps, settings);
    let trial = unknowns.decode(&minimum.x, guess, spec.law);
    let params = setup.model(spec, &trial).ok_or_else(|| {
        ModelError::input(MODEL, "no coefficient meets the end constraint; check its time and strength")
    })?;
    Ok(Fit {
        evaluation: setup.evaluate(series, &params),
        params,
        start_time: setup.start_time,
        evaluations: minimum.evaluations,
        converged: minimum.converged,
    })
}

/// How well `params` (built with [`FitSpec::params`] or taken from a [`Fit`]) reproduces
/// `series`, simulated with the spec's start time and integrator.
pub fn evaluate(series: &Series, spec: &FitSpec, params: &Params) -> Result<Evaluation, ModelError> {
    Ok(Setup::new(series, spec)?.evaluate(series, params))
}

/// One trial point of the search.
struct Trial {
    law: Law,
    a: f64,
    b: f64,
}

/// Which values the search moves, and how they map to a [`Trial`].
///
/// Coefficients are searched as the log of the loss *rate* they give at reference strengths
/// (`a·R_ref^e1·B_ref^e2`, in strength per time unit) rather than as `ln a`: with strengths in
/// the thousands, a change of exponent otherwise moves the rate by orders of magnitude and the
/// simplex crawls along that ridge.
struct Unknowns {
    a_free: bool,
    b_free: bool,
    exponents_free: bool,
    ln_blue_ref: f64,
    ln_red_ref: f64,
}

impl Unknowns {
    fn new(spec: &FitSpec, setup: &Setup, series: &Series) -> Unknowns {
        let constrained = spec.end_constraint.map(|c| c.side);
        let reference = |initial: f64, observed: Option<&[f64]>| {
            let largest = observed.map_or(0.0, |values| values.iter().copied().fold(0.0, f64::max));
            initial.max(largest).max(1.0).ln()
        };
        Unknowns {
            a_free: constrained != Some(Side::Blue),
            b_free: constrained != Some(Side::Red),
            exponents_free: matches!(spec.law, Law::Helmbold(_)),
            ln_blue_ref: reference(setup.blue_initial, series.blue()),
            ln_red_ref: reference(setup.red_initial, series.red()),
        }
    }

    /// `ln` of the reference loss rates' factors: `(e1·ln R + e2·ln B, e3·ln B + e4·ln R)`.
    fn shifts(&self, x: Exponents) -> (f64, f64) {
        (x.e1 * self.ln_red_ref + x.e2 * self.ln_blue_ref, x.e3 * self.ln_blue_ref + x.e4 * self.ln_red_ref)
    }

    fn encode(&self, (a, b): (f64, f64), exponents: Exponents) -> Vec<f64> {
        let (a_shift, b_shift) = self.shifts(exponents);
        let mut theta = Vec::new();
        theta.extend(self.a_free.then(|| a.ln() + a_shift));
        theta.extend(self.b_free.then(|| b.ln() + b_shift));
        if self.exponents_free {
            theta.extend(exponents.to_array());
        }
        theta
    }

    /// Initial simplex edges: a factor e^0.5 on coefficients, 0.25 on exponents.
    fn steps(&self) -> Vec<f64> {
        let n_coefficients = usize::from(self.a_free) + usize::from(self.b_free);
        let n_exponents = if self.exponents_free { 4 } else { 0 };
        [vec![0.5; n_coefficients], vec![0.25; n_exponents]].concat()
    }

    /// The trial at `theta`; a constrained coefficient keeps `guess` until solved.
    fn decode(&self, theta: &[f64], guess: (f64, f64), law: Law) -> Trial {
        let n_coefficients = usize::from(self.a_free) + usize::from(self.b_free);
        let law = if self.exponents_free {
            let exponent = |idx: usize| theta.get(n_coefficients + idx).map_or(0.0, |e| e.clamp(0.0, 2.0));
            Law::Helmbold(Exponents { e1: exponent(0), e2: exponent(1), e3: exponent(2), e4: exponent(3) })
        } else {
            law
        };
        let (a_shift, b_shift) = self.shifts(law.exponents());
        let b_idx = usize::from(self.a_free);
        let unshift =
            |idx: usize, shift: f64, fallback: f64| theta.get(idx).map_or(fallback, |v| (v - shift).exp());
        let a = if self.a_free { unshift(0, a_shift, guess.0) } else { guess.0 };
        let b = if self.b_free { unshift(b_idx, b_shift, guess.1) } else { guess.1 };
        Trial { law, a, b }
    }
}

/// The series turned into simulation inputs: start state, reinforcements, integrator.
struct Setup {
    start_time: f64,
    blue_initial: f64,
    red_initial: f64,
    blue_reinforcements: Vec<Reinforcement>,
    red_reinforcements: Vec<Reinforcement>,
    solver: Solver,
}

impl Setup {
    fn new(series: &Series, spec: &FitSpec) -> Result<Setup, ModelError> {
        let time = series.time();
        let first_time = time[0];
        let start_time = spec.start_time.unwrap_or(first_time);
        if !(start_time.is_finite() && start_time <= first_time) {
            return Err(ModelError::parameter(
                MODEL,
                "start_time",
                start_time,
                "a time at or before the first row",
            ));
        }
        let at_first_row = start_time >= first_time;
        let initial = |given: Option<f64>, observed: Option<&[f64]>, side: &str| {
            given.or_else(|| observed.filter(|_| at_first_row).map(|values| values[0])).ok_or_else(|| {
                ModelError::input(
                    MODEL,
                    format!("{side}'s initial strength is needed: it is not observed at the start"),
                )
            })
        };
        let blue_initial = initial(spec.blue_initial, series.blue(), "Blue")?;
        let red_initial = initial(spec.red_initial, series.red(), "Red")?;
        let end_time = spec.end_constraint.map_or(time[time.len() - 1], |c| c.time.max(time[time.len() - 1]));
        if let Some(constraint) = spec.end_constraint {
            check_constraint(constraint, start_time)?;
        }
        let shortest = shortest_interval(time, start_time);
        let steps_per_interval = f64::from(spec.steps_per_interval.max(1));
        // Bound the work of one evaluation: one very short interval must not make every
        // evaluation take millions of steps (issue 10).
        let step_time = (shortest / steps_per_interval).max((end_time - start_time) / MAX_FIT_STEPS);
        let solver = Solver::new(spec.method, step_time, end_time - start_time)?;
        Ok(Setup {
            start_time,
            blue_initial,
            red_initial,
            blue_reinforcements: windows(time, series.blue_reinforcements(), start_time),
            red_reinforcements: windows(time, series.red_reinforcements(), start_time),
            solver,
        })
    }

    fn params(&self, law: Law, a: f64, b: f64) -> Result<Params, ModelError> {
        Params::default()
            .with_law(law)?
            .with_coefficients(a, b)?
            .with_initial(self.blue_initial, self.red_initial)?
            .with_break_fractions(0.0, 0.0)?
            .with_blue_reinforcements(&self.blue_reinforcements)?
            .with_red_reinforcements(&self.red_reinforcements)
    }

    /// The model of a trial, with a constrained coefficient solved; `None` if it cannot be.
    fn model(&self, spec: &FitSpec, trial: &Trial) -> Option<Params> {
        let params = self.params(trial.law, trial.a, trial.b).ok()?;
        match spec.end_constraint {
            None => Some(params),
            Some(constraint) => self.solve_constraint(params, constraint),
        }
    }

    /// Bisection (in log space) for the smallest coefficient of the constrained side's losses
    /// that brings it to the imposed strength: that strength falls as the coefficient grows.
    fn solve_constraint(&self, params: Params, constraint: EndConstraint) -> Option<Params> {
        let with = |c: f64| match constraint.side {
            Side::Blue => params.clone().with_coefficients(c, params.b()).ok(),
            Side::Red => params.clone().with_coefficients(params.a(), c).ok(),
        };
        let reaches = |c: f64| -> Option<bool> {
            let trial = with(c)?;
            let (outcome, curve) = simulate_recorded(&trial, &self.solver);
            let (blue, red) = strengths_at(&curve, &outcome, constraint.time - self.start_time)?;
            let strength = if constraint.side == Side::Blue { blue } else { red };
            Some(strength <= constraint.strength)
        };
        let guess = if constraint.side == Side::Blue { params.a() } else { params.b() };
        let (mut low, mut high) = (guess, guess);
        for _ in 0..60 {
            if reaches(high)? {
                break;
            }
            high *= 4.0;
        }
        for _ in 0..60 {
            if !reaches(low)? {
                break;
            }
            low /= 4.0;
        }
        if !reaches(high)? || reaches(low)? {
            return None;
        }
        while high / low > 1.0 + 1e-10 {
            let middle = (low * high).sqrt();
            if reaches(middle)? {
                high = middle;
            } else {
                low = middle;
            }
        }
        with(high)
    }

    /// SSR of `params` against the series (the objective); +∞ if the run fails.
    fn sum_squares(&self, series: &Series, params: &Params) -> f64 {
        let (outcome, curve) = simulate_recorded(params, &self.solver);
        if outcome.end == EndReason::NumericalTrouble {
            return f64::INFINITY;
        }
        let mut acc = 0.0;
        for (row_idx, &time) in series.time().iter().enumerate() {
            let Some((blue, red)) = strengths_at(&curve, &outcome, time - self.start_time) else {
                return f64::INFINITY;
            };
            acc += series.blue().map_or(0.0, |observed| (observed[row_idx] - blue).powi(2));
            acc += series.red().map_or(0.0, |observed| (observed[row_idx] - red).powi(2));
        }
        acc
    }

    fn evaluate(&self, series: &Series, params: &Params) -> Evaluation {
        let (outcome, mut curve) = simulate_recorded(params, &self.solver);
        let points: Vec<FitPoint> = (0..series.len())
            .map(|row_idx| {
                let time = series.time()[row_idx];
                let (blue_fitted, red_fitted) =
                    strengths_at(&curve, &outcome, time - self.start_time).unwrap_or((f64::NAN, f64::NAN));
                let blue_observed = series.blue().map(|values| values[row_idx]);
                let red_observed = series.red().map(|values| values[row_idx]);
                FitPoint { time, blue_observed, blue_fitted, red_observed, red_fitted }
            })
            .collect();
        curve.time.iter_mut().for_each(|t| *t += self.start_time);
        statistics(points, curve, outcome)
    }

    /// Engel-style through-origin estimates of `a` and `b`, the search's starting point: each
    /// side's total losses over the integral of its loss term, with strengths held at the
    /// latest observation (or the initial value for a side not observed).
    fn initial_guess(&self, series: &Series, law: Law) -> (f64, f64) {
        let kernel = Kernel::new(law.exponents());
        let (mut blue, mut red, mut previous) = (self.blue_initial, self.red_initial, self.start_time);
        let (mut blue_exposure, mut red_exposure) = (0.0, 0.0);
        for (row_idx, &time) in series.time().iter().enumerate() {
            let (blue_term, red_term) = kernel.fire(blue, red);
            blue_exposure += blue_term * (time - previous);
            red_exposure += red_term * (time - previous);
            blue = series.blue().map_or(blue, |values| values[row_idx]);
            red = series.red().map_or(red, |values| values[row_idx]);
            previous = time;
        }
        let losses = |initial: f64, observed: Option<&[f64]>, inflow: &[Reinforcement]| {
            let arrived: f64 = inflow.iter().map(total).sum();
            let lost = observed.map_or(0.5 * initial, |values| initial + arrived - values[values.len() - 1]);
            lost.max(0.01 * (initial + arrived))
        };
        let blue_lost = losses(self.blue_initial, series.blue(), &self.blue_reinforcements);
        let red_lost = losses(self.red_initial, series.red(), &self.red_reinforcements);
        let ratio = |lost: f64, exposure: f64| {
            let value = lost / exposure;
            if value.is_finite() && value > 0.0 {
                value
            } else {
                1e-3
            }
        };
        (ratio(blue_lost, blue_exposure), ratio(red_lost, red_exposure))
    }
}

fn check_constraint(constraint: EndConstraint, start_time: f64) -> Result<(), ModelError> {
    if !(constraint.time.is_finite() && constraint.time > start_time) {
        return Err(ModelError::parameter(
            MODEL,
            "end_constraint.time",
            constraint.time,
            "a time after the start",
        ));
    }
    if !(constraint.strength.is_finite() && constraint.strength >= 0.0) {
        return Err(ModelError::parameter(
            MODEL,
            "end_constraint.strength",
            constraint.strength,
            "a strength of 0 or more",
        ));
    }
    Ok(())
}

fn total(reinforcement: &Reinforcement) -> f64 {
    match *reinforcement {
        Reinforcement::Pulse { amount, .. } => amount,
        Reinforcement::Rate { start_time, end_time, per_time } => (end_time - start_time) * per_time,
    }
}

/// The smallest gap between rows, counting the gap from the start to the first row.
fn shortest_interval(time: &[f64], start_time: f64) -> f64 {
    let lead = time[0] - start_time;
    let gaps = time.windows(2).map(|pair| pair[1] - pair[0]);
    gaps.chain((lead > 0.0).then_some(lead)).fold(f64::INFINITY, f64::min)
}

/// Each row's reinforcement as a rate over the interval ending at the row (simulation time).
fn windows(time: &[f64], amounts: Option<&[f64]>, start_time: f64) -> Vec<Reinforcement> {
    let Some(amounts) = amounts else { return Vec::new() };
    let mut acc = Vec::new();
    let mut previous = start_time;
    for (&row_time, &amount) in time.iter().zip(amounts) {
        let width = row_time - previous;
        if amount > 0.0 && width > 0.0 {
            acc.push(Reinforcement::Rate {
                start_time: previous - start_time,
                end_time: row_time - start_time,
                per_time: amount / width,
            });
        }
        previous = row_time;
    }
    acc
}

/// Simulated strengths at simulated `time`; after a run that stopped early, its final state.
fn strengths_at(curve: &Trajectory, outcome: &Outcome, time: f64) -> Option<(f64, f64)> {
    curve.at(time).or_else(|| (time > outcome.end_time).then_some((outcome.blue, outcome.red)))
}

fn statistics(points: Vec<FitPoint>, curve: Trajectory, outcome: Outcome) -> Evaluation {
    let blue: Vec<(f64, f64)> =
        points.iter().filter_map(|p| p.blue_observed.map(|o| (o, p.blue_fitted))).collect();
    let red: Vec<(f64, f64)> =
        points.iter().filter_map(|p| p.red_observed.map(|o| (o, p.red_fitted))).collect();
    let sum_squared_residuals: f64 = blue.iter().chain(&red).map(|(o, f)| (o - f).powi(2)).sum();
    let total_squares = spread(&blue) + spread(&red);
    let n_observed = (blue.len() + red.len()) as f64;
    let positive: Vec<f64> =
        blue.iter().chain(&red).filter(|(o, _)| *o > 0.0).map(|(o, f)| (o - f).abs() / o).collect();
    Evaluation {
        r_squared: 1.0 - sum_squared_residuals / total_squares,
        rmse: (sum_squared_residuals / n_observed).sqrt(),
        mean_abs_percent_error: 100.0 * positive.iter().sum::<f64>() / positive.len().max(1) as f64,
        sum_squared_residuals,
        points,
        curve,
        outcome,
    }
}

/// Sum of squared deviations of the observations from their mean.
fn spread(pairs: &[(f64, f64)]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    let mean = pairs.iter().map(|(o, _)| o).sum::<f64>() / pairs.len() as f64;
    pairs.iter().map(|(o, _)| (o - mean).powi(2)).sum()
}

#[cfg(test)]
mod tests;
