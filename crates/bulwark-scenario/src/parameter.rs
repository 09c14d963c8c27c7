//! Judgement parameters: units, valid ranges, and turning a `[parameters.NAME]` table into a
//! validated [`Distribution`].

use std::sync::Arc;

use bulwark_core::{suggest::did_you_mean, Distribution, InputError};
use toml::Spanned;

use crate::catalogue::Param;
use crate::raw::RawParameter;
use crate::scenario::Origin;

/// A unit a parameter may have, with the range of values it admits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParameterUnit {
    /// Spelling in scenario files.
    pub name: &'static str,
    /// What it means, for help texts.
    pub meaning: &'static str,
    /// Smallest admissible value.
    pub min: f64,
    /// Largest admissible value.
    pub max: f64,
}

const fn unit(name: &'static str, meaning: &'static str, min: f64, max: f64) -> ParameterUnit {
    ParameterUnit { name, meaning, min, max }
}

/// Every parameter unit.
pub const PARAMETER_UNITS: &[ParameterUnit] = &[
    unit("fraction", "a share from 0 to 1", 0.0, 1.0),
    unit("probability", "a probability from 0 to 1", 0.0, 1.0),
    unit("ratio", "a non-negative ratio (1 = parity)", 0.0, 1.0e6),
    unit("multiplier", "a non-negative factor applied to a strength or rate", 0.0, 1.0e3),
    unit("weight", "a non-negative relative weight", 0.0, 1.0e6),
    unit("years", "a duration in years", 0.0, 200.0),
    unit("days", "a duration in days", 0.0, 36_500.0),
    unit("hours", "a duration in hours", 0.0, 876_000.0),
    unit("km", "a distance in kilometres", 0.0, 40_000.0),
    unit("km2", "an area in square kilometres", 0.0, 2.0e7),
    unit("km_per_hour", "a speed in kilometres per hour", 0.0, 2_000.0),
    unit("pct_gdp", "a share of GDP in percent", 0.0, 100.0),
    unit("pct_per_year", "a growth or inflation rate in percent a year", -50.0, 100.0),
    unit("eur_bn", "billions of euros at constant 2025 prices", 0.0, 1.0e5),
    unit("eur_k", "thousands of euros at constant 2025 prices", 0.0, 1.0e6),
    unit("count", "a non-negative number of items", 0.0, 1.0e9),
    unit("year", "a calendar year", 1900.0, 2200.0),
];

/// A model's own limits on a parameter, narrower than its unit's range: a value the unit admits
/// but with which every run of the model would fail (issue 10: `campaign_step_hours = 0`
/// passed `scenario check`, then every run of `simulate baltic` failed). Checked at load, so
/// that a scenario `scenario check` accepts also runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelRange {
    /// The parameter.
    pub parameter: Param,
    /// Smallest value the model runs with.
    pub min: f64,
    /// Largest value the model runs with.
    pub max: f64,
    /// Why, in a phrase.
    pub reason: &'static str,
}

const fn model_range(parameter: Param, min: f64, max: f64, reason: &'static str) -> ModelRange {
    ModelRange { parameter, min, max, reason }
}

/// Every model range, by catalogue parameter (the campaign model's checks in
/// `bulwark-models/src/campaign/inputs.rs`).
pub const MODEL_RANGES: &[ModelRange] = &[
    model_range(
        Param::CampaignStepHours,
        0.01,
        24.0,
        "the campaign's time step must be above 0 and at most a day",
    ),
    model_range(
        Param::CampaignHorizonDays,
        1.0,
        365.0,
        "the campaign runs from one day to a year (at most 2^20 time steps)",
    ),
    model_range(Param::CampaignHoldDay, 0.0, 365.0, "the hold day lies within the campaign's horizon"),
    model_range(Param::CampaignRedSpeedKmPerHour, 0.001, 100.0, "Red's advance needs a speed above 0"),
    model_range(
        Param::CampaignObjectiveKm,
        0.001,
        5000.0,
        "the objective lies above 0 and at most 5,000 km away",
    ),
    model_range(Param::CampaignBlueBreakFraction, 0.0, 0.99, "a force breaks before it is wholly destroyed"),
    model_range(Param::CampaignRedBreakFraction, 0.0, 0.99, "a force breaks before it is wholly destroyed"),
    model_range(
        Param::CampaignPreparedDefence,
        1.0,
        10.0,
        "a prepared defence multiplies Blue's strength by 1 to 10",
    ),
    model_range(Param::CampaignAirBonusMax, 0.0, 10.0, "the air bonus multiplies strength by at most 10"),
    model_range(
        Param::CampaignAirHalfAircraft,
        0.001,
        1.0e9,
        "the air bonus's half-saturation needs aircraft above 0",
    ),
    model_range(Param::CampaignSurfaceSpeedKmPerHour, 0.001, 2000.0, "reinforcements need a speed above 0"),
    model_range(
        Param::IamdCampaignDays,
        1.0,
        36_500.0,
        "the run-out day is counted in whole days from day 1 up to a century, so the campaign lasts 1 to 36,500 days",
    ),
    model_range(
        Param::BuildupBrigadeYears,
        0.0,
        50.0,
        "the land build-up's brigades are ready within 50 years of their funding",
    ),
    model_range(
        Param::BuildupMaxBrigadesPerYear,
        0.0,
        1000.0,
        "the land build-up raises at most 1,000 brigades a year",
    ),
    model_range(
        Param::BuildupForwardMaxBrigades,
        0.0,
        1000.0,
        "the land build-up bases at most 1,000 brigades forward",
    ),
];

/// Pairs of parameters that must stay ordered in every draw: `(lower, upper, reason)`. Each
/// value is in range on its own, but crossed they make every run of the model fail (the
/// campaign's speed ramp needs `stall < full speed`; the hold day lies within the horizon).
pub const MODEL_ORDERINGS: &[(Param, Param, &str)] = &[
    (
        Param::CampaignStallRatio,
        Param::CampaignFullSpeedRatio,
        "Red's advance ramps up from the stall ratio to the full-speed ratio",
    ),
    (Param::CampaignHoldDay, Param::CampaignHorizonDays, "the hold day lies within the campaign's horizon"),
];

/// Refuses a scenario whose ordered pairs ([`MODEL_ORDERINGS`]) can cross in a draw, at the
/// place the upper parameter was set (or the lower, when only it was).
pub(crate) fn check_orderings(scenario: &crate::Scenario) -> Result<(), InputError> {
    for &(lower, upper, reason) in MODEL_ORDERINGS {
        let (Some(low), Some(high)) =
            (scenario.parameters.get(lower.name()), scenario.parameters.get(upper.name()))
        else {
            continue;
        };
        // Strict for the ramp (a zero-width ramp divides by zero), not for the hold day.
        let (low_max, high_min) = (low.distribution.support().1, high.distribution.support().0);
        let crossed =
            if lower == Param::CampaignStallRatio { low_max >= high_min } else { low_max > high_min };
        if crossed {
            let blamed = if matches!(high.origin, Origin::Default) { low } else { high };
            let mut error = InputError::whole_file(
                match &blamed.origin {
                    Origin::Set { file, .. } => file.clone(),
                    Origin::Default => "embedded:baseline".to_string(),
                },
                format!(
                    "`{}` can reach {low_max} while `{}` can fall to {high_min}: {reason}",
                    lower.name(),
                    upper.name()
                ),
            )
            .with_field(format!("parameters.{}", blamed.name))
            .with_expected(format!(
                "every value of `{}` below every value of `{}`",
                lower.name(),
                upper.name()
            ));
            if let Origin::Set { line, .. } = &blamed.origin {
                error.line = *line;
                error.column = 1;
            }
            return Err(error);
        }
    }
    Ok(())
}

/// Largest `sigma` of a lognormal: draws reach `median · e^(8σ)` in a million runs, and past
/// this they overflow to infinity.
pub const MAX_LOGNORMAL_SIGMA: f64 = 10.0;

/// A resolved judgement parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// Its name, the key under `[parameters]`.
    pub name: String,
    /// The value or distribution, in `unit`.
    pub distribution: Distribution,
    /// Its unit.
    pub unit: &'static ParameterUnit,
    /// Why this value: one line.
    pub rationale: String,
    /// Whether it is the baseline's default or where it was set.
    pub origin: Origin,
}

/// Validates one `[parameters.NAME]` table. `inherited` is the parameter as the scenarios
/// below this one left it (absent only in the baseline, which must then give unit and
/// rationale).
pub(crate) fn resolve(
    file: &str,
    text: &Arc<str>,
    name: &Spanned<String>,
    raw: &Spanned<RawParameter>,
    inherited: Option<&Parameter>,
    origin: Origin,
) -> Result<Parameter, InputError> {
    let at = |span: std::ops::Range<usize>, message: String| {
        InputError::at_span(file, text, span, message).with_field(format!("parameters.{}", name.get_ref()))
    };
    let table = raw.get_ref();
    let unit = match (&table.unit, inherited) {
        (Some(given), inherited) => {
            let unit = PARAMETER_UNITS.iter().find(|u| u.name == given.get_ref()).ok_or_else(|| {
                at(given.span(), format!("unknown unit `{}`", given.get_ref()))
                    .with_expected(format!("one of {}", unit_names()))
                    .with_suggestion(did_you_mean(given.get_ref(), PARAMETER_UNITS.iter().map(|u| u.name)))
            })?;
            if let Some(inherited) = inherited.filter(|p| p.unit.name != unit.name) {
                return Err(at(
                    given.span(),
                    format!("unit `{}` differs from the parameter's unit", unit.name),
                )
                .with_expected(format!("`{}` ({})", inherited.unit.name, inherited.unit.meaning)));
            }
            unit
        }
        (None, Some(inherited)) => inherited.unit,
        (None, None) => {
            return Err(at(raw.span(), "a new parameter needs a `unit`".into())
                .with_expected(format!("unit = one of {}", unit_names())))
        }
    };
    let rationale = match (&table.rationale, inherited) {
        (Some(text), _) if !text.trim().is_empty() => text.trim().to_string(),
        (_, Some(inherited)) => inherited.rationale.clone(),
        _ => {
            return Err(at(raw.span(), "a parameter needs a one-line `rationale`".into())
                .with_expected("rationale = \"why this value\""))
        }
    };
    let distribution = distribution(table, raw.span(), unit, &at)?;
    if let Err((message, expected)) = check_model_range(name.get_ref(), &distribution) {
        return Err(at(raw.span(), message).with_expected(expected));
    }
    Ok(Parameter { name: name.get_ref().clone(), distribution, unit, rationale, origin })
}

/// Why `distribution` makes every run of its model fail ([`MODEL_RANGES`]), with what is
/// expected, if it does.
pub(crate) fn check_model_range(name: &str, distribution: &Distribution) -> Result<(), (String, String)> {
    if let Some(range) = MODEL_RANGES.iter().find(|r| r.parameter.name() == name) {
        let (low, high) = distribution.support();
        if !(low >= range.min && high <= range.max) {
            return Err((
                format!("values from {low} to {high} make every run fail: {}", range.reason),
                format!("values from {} to {}", range.min, range.max),
            ));
        }
    }
    Ok(())
}

fn unit_names() -> String {
    PARAMETER_UNITS.iter().map(|u| u.name).collect::<Vec<_>>().join(", ")
}

type At<'a> = dyn Fn(std::ops::Range<usize>, String) -> InputError + 'a;

/// Exactly one of `value`, `uniform`, … must be given; its numbers must be ordered and within
/// the unit's range.
fn distribution(
    table: &RawParameter,
    table_span: std::ops::Range<usize>,
    unit: &ParameterUnit,
    at: &At<'_>,
) -> Result<Distribution, InputError> {
    let mut given: Vec<(std::ops::Range<usize>, Distribution)> = Vec::new();
    if let Some(v) = &table.value {
        given.push((v.span(), Distribution::Fixed(*v.get_ref())));
    }
    if let Some(b) = &table.uniform {
        given.push((b.span(), Distribution::Uniform { min: b.get_ref().min, max: b.get_ref().max }));
    }
    if let Some(m) = &table.triangular {
        let m2 = m.get_ref();
        given.push((m.span(), Distribution::Triangular { min: m2.min, mode: m2.mode, max: m2.max }));
    }
    if let Some(m) = &table.pert {
        let m2 = m.get_ref();
        given.push((m.span(), Distribution::Pert { min: m2.min, mode: m2.mode, max: m2.max }));
    }
    if let Some(n) = &table.normal {
        let n2 = n.get_ref();
        given.push((n.span(), Distribution::Normal { mean: n2.mean, sd: n2.sd, min: n2.min, max: n2.max }));
    }
    if let Some(l) = &table.lognormal {
        given.push((
            l.span(),
            Distribution::Lognormal { median: l.get_ref().median, sigma: l.get_ref().sigma },
        ));
    }
    if let Some(d) = &table.discrete {
        let d2 = d.get_ref();
        let weights = d2.weights.clone().unwrap_or_else(|| vec![1.0; d2.values.len()]);
        given.push((d.span(), Distribution::Discrete { values: d2.values.clone(), weights }));
    }
    const FORMS: &str =
        "exactly one of `value`, `uniform`, `triangular`, `pert`, `normal`, `lognormal`, `discrete`";
    match given.len() {
        0 => Err(at(table_span, "no value or distribution given".into()).with_expected(FORMS)),
        1 => {
            let (span, distribution) = given.remove(0);
            validate(&distribution, unit).map_err(|problem| at(span, problem))?;
            Ok(distribution)
        }
        _ => Err(at(given[1].0.clone(), format!("{} forms given at once", given.len())).with_expected(FORMS)),
    }
}

/// Why a distribution does not fit its unit, if it does not.
pub(crate) fn validate(distribution: &Distribution, unit: &ParameterUnit) -> Result<(), String> {
    let numbers: Vec<f64> = match distribution {
        Distribution::Fixed(value) => vec![*value],
        Distribution::Uniform { min, max } => vec![*min, *max],
        Distribution::Triangular { min, mode, max } | Distribution::Pert { min, mode, max } => {
            vec![*min, *mode, *max]
        }
        Distribution::Normal { mean, sd, min, max } => vec![*mean, *sd, *min, *max],
        Distribution::Lognormal { median, sigma } => vec![*median, *sigma],
        Distribution::Discrete { values, weights } => values.iter().chain(weights).copied().collect(),
    };
    if let Some(bad) = numbers.iter().find(|n| !n.is_finite()) {
        return Err(format!("{bad} is not a finite number"));
    }
    validate_shape(distribution, unit)
}

fn validate_shape(distribution: &Distribution, unit: &ParameterUnit) -> Result<(), String> {
    let ordered = |min: f64, mode: f64, max: f64| {
        if !(min <= mode && mode <= max && min < max) {
            Err(format!(
                "min {min}, mode {mode} and max {max} are not in order (min ≤ mode ≤ max, min < max)"
            ))
        } else {
            Ok(())
        }
    };
    match distribution {
        Distribution::Fixed(_) => {}
        Distribution::Uniform { min, max } => {
            if min >= max {
                return Err(format!("min {min} is not below max {max}"));
            }
        }
        Distribution::Triangular { min, mode, max } | Distribution::Pert { min, mode, max } => {
            ordered(*min, *mode, *max)?
        }
        Distribution::Normal { mean, sd, min, max } => {
            if *sd <= 0.0 {
                return Err(format!("standard deviation {sd} is not positive"));
            }
            ordered(*min, *mean, *max)?;
            // Past a million window widths the truncated normal is a uniform whose window mass
            // (about 0.4 · width / sd) is lost in the rounding of Φ near ½, and sampling
            // refuses it: refused here, where it is written (found by the fuzz harness).
            if *sd > 1e6 * (max - min) {
                return Err(format!(
                    "standard deviation {sd} is over a million times the window {min} to {max}; give `uniform` instead"
                ));
            }
        }
        Distribution::Lognormal { median, sigma } => {
            if *median <= 0.0 || *sigma <= 0.0 {
                return Err(format!("median {median} and sigma {sigma} must both be positive"));
            }
            if *sigma > MAX_LOGNORMAL_SIGMA || *median > unit.max {
                return Err(format!(
                    "median {median} must be at most {} ({}) and sigma {sigma} at most {MAX_LOGNORMAL_SIGMA}",
                    unit.max, unit.name
                ));
            }
        }
        Distribution::Discrete { values, weights } => {
            if values.is_empty() {
                return Err("a discrete distribution needs at least one value".into());
            }
            if weights.len() != values.len() {
                return Err(format!("{} weights for {} values", weights.len(), values.len()));
            }
            if weights.iter().any(|w| !(*w > 0.0 && w.is_finite())) {
                return Err("every weight must be positive".into());
            }
            if !weights.iter().sum::<f64>().is_finite() {
                return Err("the weights' sum overflows; scale them down".into());
            }
        }
    }
    let (low, high) = distribution.support();
    // Only the lognormal is unbounded above, and only for units without a small upper bound.
    let unbounded = matches!(distribution, Distribution::Lognormal { .. });
    let high_ok = high <= unit.max || (unbounded && unit.max >= 1.0e3);
    if !low.is_finite() || low < unit.min || !high_ok || high.is_nan() {
        return Err(format!(
            "values from {low} to {high} fall outside the range of unit `{}` ({} to {})",
            unit.name, unit.min, unit.max
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_named(name: &str) -> &'static ParameterUnit {
        PARAMETER_UNITS.iter().find(|u| u.name == name).unwrap()
    }

    #[test]
    fn probabilities_above_one_and_reversed_bounds_are_refused() {
        let probability = unit_named("probability");
        assert!(validate(&Distribution::Fixed(1.2), probability).unwrap_err().contains("outside the range"));
        assert!(validate(&Distribution::Uniform { min: 0.7, max: 0.2 }, probability)
            .unwrap_err()
            .contains("not below"));
        let pert = Distribution::Pert { min: 0.1, mode: 0.9, max: 0.5 };
        assert!(validate(&pert, probability).unwrap_err().contains("not in order"));
        assert!(validate(&Distribution::Triangular { min: 0.1, mode: 0.2, max: 0.5 }, probability).is_ok());
    }

    #[test]
    fn a_normal_far_wider_than_its_window_is_refused() {
        let fraction = unit_named("fraction");
        let wide = Distribution::Normal { mean: 0.27, sd: 1e15, min: 0.26, max: 0.31 };
        assert!(validate(&wide, fraction).unwrap_err().contains("uniform"));
        let fine = Distribution::Normal { mean: 0.27, sd: 10.0, min: 0.26, max: 0.31 };
        assert!(validate(&fine, fraction).is_ok());
    }

    #[test]
    fn lognormal_is_only_for_units_without_a_small_upper_bound() {
        let lognormal = Distribution::Lognormal { median: 0.5, sigma: 0.2 };
        assert!(validate(&lognormal, unit_named("fraction")).is_err());
        assert!(validate(&lognormal, unit_named("multiplier")).is_ok());
    }

    #[test]
    fn discrete_weights_must_match_values_and_be_positive() {
        let count = unit_named("count");
        let mismatched = Distribution::Discrete { values: vec![1.0, 2.0], weights: vec![1.0] };
        assert!(validate(&mismatched, count).unwrap_err().contains("1 weights for 2 values"));
        let negative = Distribution::Discrete { values: vec![1.0], weights: vec![-1.0] };
        assert!(validate(&negative, count).is_err());
    }

    #[test]
    fn r10_nan_and_infinity_are_refused_in_every_distribution() {
        let (multiplier, count) = (unit_named("multiplier"), unit_named("count"));
        let nan = f64::NAN;
        let cases = [
            Distribution::Normal { mean: 1.0, sd: nan, min: 0.5, max: 2.0 },
            Distribution::Normal { mean: 1.0, sd: f64::INFINITY, min: 0.5, max: 2.0 },
            Distribution::Lognormal { median: nan, sigma: 0.5 },
            Distribution::Lognormal { median: 1.0, sigma: nan },
            Distribution::Lognormal { median: 1.0, sigma: 1e6 },
            Distribution::Discrete { values: vec![1.0, nan], weights: vec![1.0, 1.0] },
            Distribution::Discrete { values: vec![1.0, 2.0], weights: vec![1e308, 1e308] },
            Distribution::Uniform { min: 0.0, max: f64::INFINITY },
            Distribution::Uniform { min: f64::NEG_INFINITY, max: 1.0 },
        ];
        for case in &cases {
            assert!(validate(case, multiplier).is_err() && validate(case, count).is_err(), "{case:?} passed");
        }
    }
}
