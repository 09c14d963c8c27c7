//! One value per catalogue parameter: the central values of a scenario, with some replaced by an
//! ensemble's draw. Models' resolvers read parameters from here by [`Param`], so a draw and the
//! central case go through the same code.

use std::ops::Index;

use crate::catalogue::Param;
use crate::scenario::Scenario;

/// A value for every parameter of the catalogue, indexed by [`Param`].
#[derive(Clone, Debug, PartialEq)]
pub struct ParamValues {
    values: Vec<f64>,
}

impl ParamValues {
    /// The scenario's central values.
    pub fn central(scenario: &Scenario) -> ParamValues {
        ParamValues { values: Param::ALL.iter().map(|p| scenario.value(*p)).collect() }
    }

    /// Takes `from`'s values in this one's room (no allocation when both hold the catalogue,
    /// as they always do): an ensemble reuses one set of values from run to run.
    pub fn assign(&mut self, from: &ParamValues) {
        self.values.clone_from(&from.values);
    }

    /// Replaces one value (a draw).
    pub fn set(&mut self, param: Param, value: f64) {
        self.values[param.index()] = value;
    }

    /// The same values with `param` replaced.
    pub fn with(mut self, param: Param, value: f64) -> ParamValues {
        self.set(param, value);
        self
    }
}

impl Index<Param> for ParamValues {
    type Output = f64;

    fn index(&self, param: Param) -> &f64 {
        &self.values[param.index()]
    }
}
