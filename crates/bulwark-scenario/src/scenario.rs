//! The resolved [`Scenario`]: every setting validated, filled from the chain of scenarios it
//! extends, and marked as a default or with the place it was set.

use std::collections::BTreeMap;
use std::fmt;

use bulwark_core::{Distribution, Iso3};

use crate::catalogue::{Kind, Param};
use crate::parameter::Parameter;
use crate::settings::{BudgetSettings, ClosureSettings, LedgerSettings};

/// Largest scenario file we read: scenarios are written by hand and are a few kilobytes.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;

/// Where a setting's value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The embedded baseline's default.
    Default,
    /// Set in a scenario file (or a non-baseline embedded scenario) at this place.
    Set {
        /// File path or `embedded:NAME`.
        file: String,
        /// 1-based line.
        line: usize,
    },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::Set { file, line } => write!(f, "set in {file}:{line}"),
        }
    }
}

/// A value and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// Default or where it was set.
    pub origin: Origin,
}

/// Which countries defend, as written and as resolved against the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Coalition {
    /// Group ids and country codes to include.
    pub include: Vec<String>,
    /// Group ids and country codes to leave out.
    pub exclude: Vec<String>,
    /// The resulting members, in the dataset's country order.
    pub members: Vec<Iso3>,
}

/// The share of each US contribution that stays available to Europe, each from 0 to 1.
#[derive(Clone, Debug, PartialEq)]
pub struct UsPosture {
    /// Ground, air and naval combat forces.
    pub conventional: Setting<f64>,
    /// Enablers: air-to-air refuelling, airlift, air and missile defence, command and control.
    pub enablers: Setting<f64>,
    /// Intelligence sharing: ISR aircraft, satellites, early warning.
    pub intelligence: Setting<f64>,
    /// The nuclear umbrella.
    pub nuclear: Setting<f64>,
}

impl UsPosture {
    /// The posture of a capability line's US posture group (`conventional`, `enablers`, …).
    pub fn for_group(&self, group: &str) -> Option<&Setting<f64>> {
        match group {
            "conventional" => Some(&self.conventional),
            "enablers" => Some(&self.enablers),
            "intelligence" => Some(&self.intelligence),
            "nuclear" => Some(&self.nuclear),
            _ => None,
        }
    }
}

/// A fully resolved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The scenario's name.
    pub name: String,
    /// What it assumes, in a sentence or two.
    pub description: String,
    /// The files of the `extends` chain, the scenario itself first and the baseline last.
    pub chain: Vec<String>,
    /// Seed of the ensemble's random streams.
    pub seed: Setting<u64>,
    /// The defending coalition.
    pub coalition: Setting<Coalition>,
    /// The US posture.
    pub us_posture: UsPosture,
    /// Requirement mode, adversary, targets and weights of the capability ledger.
    pub ledger: LedgerSettings,
    /// Per-country spending targets.
    pub budget: BudgetSettings,
    /// Funding priority and critical lines.
    pub closure: ClosureSettings,
    /// Governments that may hold out in the alliance decision model.
    pub decision: crate::settings::DecisionSettings,
    /// Every judgement parameter, by name.
    pub parameters: BTreeMap<String, Parameter>,
    /// The policy choices the scenario declares (`[levers.NAME]`), by name.
    pub levers: BTreeMap<String, crate::lever::Lever>,
}

impl Scenario {
    /// A catalogue parameter: always present, since loading checks that the scenario defines
    /// the whole catalogue.
    pub fn param(&self, param: Param) -> &Parameter {
        &self.parameters[param.name()]
    }

    /// The central value of a catalogue parameter (the value itself, or its distribution's
    /// mean or median).
    pub fn value(&self, param: Param) -> f64 {
        self.param(param).distribution.central()
    }

    /// Whether an ensemble varies the parameter here: an uncertainty of the catalogue that the
    /// scenario gives as a distribution rather than a single value.
    pub fn is_uncertain(&self, param: Param) -> bool {
        param.kind() == Kind::Uncertain && !matches!(self.param(param).distribution, Distribution::Fixed(_))
    }

    /// A parameter by name.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.get(name)
    }

    /// Every value the models read, as canonical text (no origins, descriptions or
    /// rationales, and not the seed, which shard files record apart): two scenarios with equal
    /// fingerprints give the same runs. Shard files keep a digest of it so that `merge` can
    /// refuse shards of different scenarios.
    pub fn fingerprint(&self) -> String {
        let mut out = format!("name {:?}\ncoalition {:?}\n", self.name, self.coalition.value.members);
        let posture = &self.us_posture;
        out.push_str(&format!(
            "us_posture {:?} {:?} {:?} {:?}\n",
            posture.conventional.value,
            posture.enablers.value,
            posture.intelligence.value,
            posture.nuclear.value
        ));
        let ledger = &self.ledger;
        out.push_str(&format!("ledger {} {}\n", ledger.requirement.value.as_str(), ledger.adversary.value));
        for (kind, map) in [("target", &ledger.targets), ("weight", &ledger.weights)] {
            map.iter().for_each(|(line, v)| out.push_str(&format!("{kind} {line} {:?}\n", v.value)));
        }
        for (iso3, target) in &self.budget.countries {
            out.push_str(&format!("budget {iso3} {:?}\n", target.value));
        }
        let closure = &self.closure;
        out.push_str(&format!("closure {:?} {:?}\n", closure.priority.value, closure.critical.value));
        closure
            .cost_proxies
            .iter()
            .for_each(|(line, p)| out.push_str(&format!("proxy {line} {}\n", p.value)));
        for (iso3, holdout) in &self.decision.holdouts {
            out.push_str(&format!("holdout {iso3} {:?}\n", holdout.value.refusal_probability));
        }
        for (name, parameter) in &self.parameters {
            out.push_str(&format!("parameter {name} {} {:?}\n", parameter.unit.name, parameter.distribution));
        }
        out
    }

    /// The central value of a parameter (the value itself, or its distribution's mean or
    /// median); `None` when the baseline does not define it.
    pub fn central(&self, name: &str) -> Option<f64> {
        self.parameters.get(name).map(|p| p.distribution.central())
    }
}
