//! Bulwark's scenarios: the assumptions of an assessment, as TOML files a person writes.
//!
//! A scenario names the coalition that defends, the US posture (how much of each US
//! contribution stays), a seed, and judgement parameters, each a value or a distribution with a
//! unit and a one-line rationale. Scenarios extend one another (`extends = "baseline"`); every
//! chain ends in the embedded `baseline`, whose parameters are the catalogue of all parameters
//! and their defaults.
//!
//! [`Scenario::load`] reads a file (or an embedded name), follows its `extends` chain, checks
//! every value against the dataset and returns a [`Scenario`] in which each setting knows
//! whether it is a default or where it was set. Errors are [`InputError`]s naming file, line,
//! column and field.
//!
//! ```toml
//! name = "intel-cut"
//! extends = "baseline"
//! [us_posture]
//! intelligence = 0.0
//! [parameters.availability_air]
//! triangular = { min = 0.5, mode = 0.6, max = 0.75 }
//! ```

#![warn(missing_docs)]

mod catalogue;
mod embedded;
mod lever;
mod load;
mod parameter;
mod raw;
mod scenario;
mod settings;
mod values;

pub use bulwark_core::InputError;
pub use catalogue::{Kind, Model, Param};
pub use embedded::{embedded_names, embedded_text};
pub use lever::{Lever, LeverChange, LeverMove, MAX_LEVER_COST_EUR_BN};
pub use parameter::{Parameter, ParameterUnit, PARAMETER_UNITS};
pub use scenario::{Coalition, Origin, Scenario, Setting, UsPosture, MAX_SCENARIO_BYTES};
pub use settings::{
    BudgetSettings, ClosureSettings, CountryTarget, DecisionSettings, Holdout, LedgerSettings,
    RequirementMode, PROCUREMENT_RATE_MULTIPLIER_RANGE, REQUIREMENT_MODES,
};
pub use values::ParamValues;
