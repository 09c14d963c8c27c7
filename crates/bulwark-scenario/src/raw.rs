//! The scenario file exactly as written: serde structs with spans, before any validation.
//!
//! Every field is optional here, because a scenario that `extends` another sets only what it
//! changes. `deny_unknown_fields` turns a misspelt key into an error that names it.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A whole scenario file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    pub(crate) name: Option<Spanned<String>>,
    pub(crate) description: Option<String>,
    pub(crate) extends: Option<Spanned<String>>,
    pub(crate) seed: Option<Spanned<i64>>,
    pub(crate) coalition: Option<RawCoalition>,
    pub(crate) us_posture: Option<RawUsPosture>,
    pub(crate) ledger: Option<RawLedger>,
    pub(crate) budget: Option<RawBudget>,
    pub(crate) closure: Option<RawClosure>,
    pub(crate) decision: Option<RawDecision>,
    #[serde(default)]
    pub(crate) parameters: BTreeMap<Spanned<String>, Spanned<RawParameter>>,
    #[serde(default)]
    pub(crate) levers: BTreeMap<Spanned<String>, Spanned<RawLever>>,
}

impl RawScenario {
    /// Whether the file sets no key at all (a comments-only file).
    pub(crate) fn sets_nothing(&self) -> bool {
        self.name.is_none()
            && self.description.is_none()
            && self.extends.is_none()
            && self.seed.is_none()
            && self.coalition.is_none()
            && self.us_posture.is_none()
            && self.ledger.is_none()
            && self.budget.is_none()
            && self.closure.is_none()
            && self.decision.is_none()
            && self.parameters.is_empty()
            && self.levers.is_empty()
    }
}

/// `[coalition]`: which countries defend.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCoalition {
    pub(crate) include: Option<Vec<Spanned<String>>>,
    pub(crate) exclude: Option<Vec<Spanned<String>>>,
}

/// `[us_posture]`: the share of each US contribution that stays, 0 to 1.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUsPosture {
    pub(crate) conventional: Option<Spanned<f64>>,
    pub(crate) enablers: Option<Spanned<f64>>,
    pub(crate) intelligence: Option<Spanned<f64>>,
    pub(crate) nuclear: Option<Spanned<f64>>,
}

/// `[parameters.NAME]`: a judgement parameter, given as a value or a distribution.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParameter {
    pub(crate) unit: Option<Spanned<String>>,
    pub(crate) rationale: Option<String>,
    pub(crate) value: Option<Spanned<f64>>,
    pub(crate) uniform: Option<Spanned<RawBounds>>,
    pub(crate) triangular: Option<Spanned<RawModal>>,
    pub(crate) pert: Option<Spanned<RawModal>>,
    pub(crate) normal: Option<Spanned<RawNormal>>,
    pub(crate) lognormal: Option<Spanned<RawLognormal>>,
    pub(crate) discrete: Option<Spanned<RawDiscrete>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBounds {
    pub(crate) min: f64,
    pub(crate) max: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawModal {
    pub(crate) min: f64,
    pub(crate) mode: f64,
    pub(crate) max: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNormal {
    pub(crate) mean: f64,
    pub(crate) sd: f64,
    pub(crate) min: f64,
    pub(crate) max: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLognormal {
    pub(crate) median: f64,
    pub(crate) sigma: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDiscrete {
    pub(crate) values: Vec<f64>,
    pub(crate) weights: Option<Vec<f64>>,
}

/// `[ledger]`: how requirements are set and lines weighted.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLedger {
    pub(crate) requirement: Option<Spanned<String>>,
    pub(crate) adversary: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) targets: BTreeMap<Spanned<String>, Spanned<f64>>,
    #[serde(default)]
    pub(crate) weights: BTreeMap<Spanned<String>, Spanned<f64>>,
}

/// `[budget]`: per-country departures from the common spending path.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBudget {
    #[serde(default)]
    pub(crate) countries: BTreeMap<Spanned<String>, Spanned<RawCountryTarget>>,
}

/// `[budget.countries.XXX]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCountryTarget {
    pub(crate) target_pct: Option<Spanned<f64>>,
    pub(crate) target_year: Option<Spanned<i64>>,
    pub(crate) real_gdp_growth_pct: Option<Spanned<f64>>,
}

/// `[closure]`: the order in which gaps are funded and which count for the window.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClosure {
    pub(crate) priority: Option<Spanned<Vec<Spanned<String>>>>,
    pub(crate) critical: Option<Spanned<Vec<Spanned<String>>>>,
    pub(crate) excluded: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub(crate) cost_proxies: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub(crate) countries: BTreeMap<Spanned<String>, Spanned<RawClosureCountry>>,
}

/// `[closure.countries.XXX]`: a country's own procurement assumptions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClosureCountry {
    pub(crate) procurement_rate_multiplier: Option<Spanned<f64>>,
}

/// `[decision]`: the alliance decision model's per-country settings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDecision {
    #[serde(default)]
    pub(crate) countries: BTreeMap<Spanned<String>, Spanned<RawDecisionCountry>>,
}

/// `[decision.countries.XXX]`: a government's own probability of refusing (a hold-out).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDecisionCountry {
    pub(crate) refusal_probability: Option<Spanned<f64>>,
    pub(crate) rationale: Option<String>,
}

/// `[levers.NAME]`: a policy choice, as the parameters it moves and what it costs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLever {
    pub(crate) description: Option<String>,
    pub(crate) cost_eur_bn: Option<Spanned<f64>>,
    pub(crate) cost_source: Option<Spanned<String>>,
    pub(crate) rationale: Option<String>,
    #[serde(default)]
    pub(crate) set: BTreeMap<Spanned<String>, Spanned<f64>>,
    #[serde(default)]
    pub(crate) add: BTreeMap<Spanned<String>, Spanned<f64>>,
}
