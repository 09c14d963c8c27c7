//! The one error type of the models crate: invalid model input, named precisely.
//!
//! Errors in a user's *file* (a CSV series) are [`bulwark_core::InputError`]s instead, because
//! they must point at a line and column; this type is for values handed over in structs.

/// Why a model refused its input.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A parameter lies outside its documented valid range.
    #[error("{model}: parameter `{parameter}` = {value} is invalid; expected {expected}")]
    InvalidParameter {
        /// The model (`attrition`, `attrition fit`).
        model: &'static str,
        /// The parameter, with an index when it is one of a list (`blue_reinforcements[2].time`).
        parameter: String,
        /// The offending value.
        value: f64,
        /// What would have been accepted.
        expected: &'static str,
    },
    /// The input is inconsistent as a whole (too few data rows, a side with no initial strength).
    #[error("{model}: {message}")]
    InvalidInput {
        /// The model.
        model: &'static str,
        /// What is wrong, as a sentence fragment.
        message: String,
    },
}

impl ModelError {
    /// Shorthand for [`ModelError::InvalidParameter`].
    pub(crate) fn parameter(
        model: &'static str,
        parameter: impl Into<String>,
        value: f64,
        expected: &'static str,
    ) -> ModelError {
        ModelError::InvalidParameter { model, parameter: parameter.into(), value, expected }
    }

    /// Shorthand for [`ModelError::InvalidInput`].
    pub(crate) fn input(model: &'static str, message: impl Into<String>) -> ModelError {
        ModelError::InvalidInput { model, message: message.into() }
    }
}

/// [`check_range`] with the parameter's name built only when the check fails: validation runs
/// once per ensemble run, where formatting names that are almost never shown costs more than
/// the model itself.
#[inline]
pub(crate) fn check_range_lazy(
    model: &'static str,
    parameter: impl FnOnce() -> String,
    value: f64,
    range: (f64, f64),
    expected: &'static str,
) -> Result<f64, ModelError> {
    if value.is_finite() && value >= range.0 && value <= range.1 {
        return Ok(value);
    }
    check_range(model, parameter(), value, range, expected)
}

/// Checks that `value` is finite and within `[min, max]`.
#[inline]
pub(crate) fn check_range(
    model: &'static str,
    parameter: impl Into<String>,
    value: f64,
    (min, max): (f64, f64),
    expected: &'static str,
) -> Result<f64, ModelError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(ModelError::parameter(model, parameter, value, expected))
    }
}
