//! The attrition model's validated inputs ([`Params`]) and integration settings ([`Solver`]).

use crate::attrition::law::{Exponents, Kernel, Law};
use crate::attrition::reinforcement::{Reinforcement, Schedule};
use crate::error::check_range;
use crate::ModelError;

const MODEL: &str = "attrition";

/// The inputs of one attrition run, valid by construction: start from [`Params::default`] (the
/// documented defaults of the model card) and change values with the `with_*` setters, each of
/// which rejects a value outside its range.
#[derive(Clone, Debug)]
pub struct Params {
    law: Law,
    kernel: Kernel,
    a: f64,
    b: f64,
    blue_initial: f64,
    red_initial: f64,
    blue_break_fraction: f64,
    red_break_fraction: f64,
    pub(crate) blue_schedule: Schedule,
    pub(crate) red_schedule: Schedule,
}

impl Default for Params {
    /// The midpoints of the canonical benchmark's ranges (docs/design.md §7), time unit one hour.
    fn default() -> Params {
        Params {
            law: Law::Square,
            kernel: Kernel::Square,
            a: 0.0025,
            b: 0.0025,
            blue_initial: 30.0,
            red_initial: 65.0,
            blue_break_fraction: 0.3,
            red_break_fraction: 0.3,
            blue_schedule: Schedule::default(),
            red_schedule: Schedule::default(),
        }
    }
}

impl Params {
    /// Sets the attrition law; Helmbold exponents must each lie in `[0, 2]`.
    pub fn with_law(mut self, law: Law) -> Result<Params, ModelError> {
        let x = law.exponents();
        for (name, value) in [("e1", x.e1), ("e2", x.e2), ("e3", x.e3), ("e4", x.e4)] {
            check_range(MODEL, name, value, (0.0, 2.0), "an exponent between 0 and 2")?;
        }
        self.law = law;
        self.kernel = Kernel::new(x);
        Ok(self)
    }

    /// Sets `a` (Red's effectiveness against Blue) and `b` (Blue's against Red), both ≥ 0, per
    /// time unit and per unit of strength raised to the law's exponents.
    pub fn with_coefficients(mut self, a: f64, b: f64) -> Result<Params, ModelError> {
        self.a = check_range(MODEL, "a", a, (0.0, f64::MAX), "a finite coefficient of 0 or more")?;
        self.b = check_range(MODEL, "b", b, (0.0, f64::MAX), "a finite coefficient of 0 or more")?;
        Ok(self)
    }

    /// Sets the initial strengths `B0` and `R0` (≥ 0).
    pub fn with_initial(mut self, blue: f64, red: f64) -> Result<Params, ModelError> {
        let expected = "a finite strength of 0 or more";
        self.blue_initial = check_range(MODEL, "blue_initial", blue, (0.0, f64::MAX), expected)?;
        self.red_initial = check_range(MODEL, "red_initial", red, (0.0, f64::MAX), expected)?;
        Ok(self)
    }

    /// Sets the break points: a side breaks when its strength falls below this fraction of its
    /// initial strength. Each in `[0, 1)`; 0 means the side fights to the end.
    pub fn with_break_fractions(mut self, blue: f64, red: f64) -> Result<Params, ModelError> {
        let expected = "a fraction in [0, 1)";
        let below_one = 1.0 - f64::EPSILON;
        self.blue_break_fraction =
            check_range(MODEL, "blue_break_fraction", blue, (0.0, below_one), expected)?;
        self.red_break_fraction = check_range(MODEL, "red_break_fraction", red, (0.0, below_one), expected)?;
        Ok(self)
    }

    /// Sets Blue's reinforcements (replacing any earlier ones).
    pub fn with_blue_reinforcements(mut self, items: &[Reinforcement]) -> Result<Params, ModelError> {
        self.blue_schedule = Schedule::new("blue", items)?;
        Ok(self)
    }

    /// Sets Red's reinforcements (replacing any earlier ones).
    pub fn with_red_reinforcements(mut self, items: &[Reinforcement]) -> Result<Params, ModelError> {
        self.red_schedule = Schedule::new("red", items)?;
        Ok(self)
    }

    /// The attrition law.
    pub fn law(&self) -> Law {
        self.law
    }

    /// The law's exponents.
    pub fn exponents(&self) -> Exponents {
        self.law.exponents()
    }

    /// Red's effectiveness against Blue.
    pub fn a(&self) -> f64 {
        self.a
    }

    /// Blue's effectiveness against Red.
    pub fn b(&self) -> f64 {
        self.b
    }

    /// Blue's initial strength `B0`.
    pub fn blue_initial(&self) -> f64 {
        self.blue_initial
    }

    /// Red's initial strength `R0`.
    pub fn red_initial(&self) -> f64 {
        self.red_initial
    }

    /// Blue's break fraction.
    pub fn blue_break_fraction(&self) -> f64 {
        self.blue_break_fraction
    }

    /// Red's break fraction.
    pub fn red_break_fraction(&self) -> f64 {
        self.red_break_fraction
    }

    /// Blue's reinforcements as given.
    pub fn blue_reinforcements(&self) -> &[Reinforcement] {
        self.blue_schedule.items()
    }

    /// Red's reinforcements as given.
    pub fn red_reinforcements(&self) -> &[Reinforcement] {
        self.red_schedule.items()
    }

    pub(crate) fn kernel(&self) -> Kernel {
        self.kernel
    }
}

/// The integration scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Explicit Euler: first order, one evaluation per step; the scheme of docs/design.md §7 and of
    /// Helmbold's daily difference equations.
    Euler,
    /// Classical fourth-order Runge–Kutta: four evaluations per step, far smaller error.
    Rk4,
}

/// How to integrate: the scheme, the fixed step and the horizon. Run-level configuration, so it
/// has no default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Solver {
    method: Method,
    step_time: f64,
    n_steps: usize,
}

/// More steps than this is a mistake (a step in seconds over a year) rather than a model.
pub const MAX_STEPS: usize = 100_000_000;

impl Solver {
    /// A solver with a fixed `step_time` up to `horizon_time` (same time unit as the
    /// coefficients). The last step may end past the horizon by less than one step.
    pub fn new(method: Method, step_time: f64, horizon_time: f64) -> Result<Solver, ModelError> {
        let step_time =
            check_range(MODEL, "step_time", step_time, (f64::MIN_POSITIVE, f64::MAX), "a positive step")?;
        let horizon_time = check_range(
            MODEL,
            "horizon_time",
            horizon_time,
            (step_time, f64::MAX),
            "a horizon of at least one step",
        )?;
        // The small allowance keeps 720 / 1 = 720 steps even when the division rounds up a hair.
        let n_steps = (horizon_time / step_time - 1e-9).ceil();
        if n_steps > MAX_STEPS as f64 {
            return Err(ModelError::parameter(
                MODEL,
                "horizon_time",
                horizon_time,
                "at most 100 million steps",
            ));
        }
        Ok(Solver { method, step_time, n_steps: n_steps as usize })
    }

    /// The integration scheme.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The fixed step.
    pub fn step_time(&self) -> f64 {
        self.step_time
    }

    /// The number of steps to the horizon.
    pub fn n_steps(&self) -> usize {
        self.n_steps
    }

    /// The time the last step ends.
    pub fn end_time(&self) -> f64 {
        self.n_steps as f64 * self.step_time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_values_are_rejected_with_their_name() {
        let err = Params::default().with_coefficients(0.1, -1.0).unwrap_err();
        assert!(err.to_string().contains("`b` = -1"), "{err}");
        let err = Params::default().with_initial(f64::NAN, 1.0).unwrap_err();
        assert!(err.to_string().contains("blue_initial"), "{err}");
        assert!(Params::default().with_break_fractions(1.0, 0.3).is_err());
        let steep = Law::Helmbold(Exponents { e1: 2.5, ..Exponents::SQUARE });
        assert!(Params::default().with_law(steep).is_err());
    }

    #[test]
    fn solver_counts_steps_to_the_horizon() {
        assert_eq!(Solver::new(Method::Euler, 1.0, 720.0).unwrap().n_steps(), 720);
        assert_eq!(Solver::new(Method::Rk4, 0.3, 1.0).unwrap().n_steps(), 4);
        assert!(Solver::new(Method::Euler, 0.0, 1.0).is_err());
        assert!(Solver::new(Method::Euler, 2.0, 1.0).is_err());
        assert!(Solver::new(Method::Euler, 1e-9, 1e3).is_err());
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let params = Params::default();
        assert_eq!(params.law(), Law::Square);
        assert!((params.a() - 0.0025).abs() < 1e-15 && (params.b() - 0.0025).abs() < 1e-15);
        assert!((params.blue_initial() - 30.0).abs() < 1e-12);
        assert!((params.red_initial() - 65.0).abs() < 1e-12);
        assert!((params.blue_break_fraction() - 0.3).abs() < 1e-15);
    }
}
