//! `assess --compare A B`: which inputs of the two resolved scenarios differ, and how much of
//! each outcome's change each of them explains.
//!
//! Attribution is one input at a time: scenario A with that one input taken from B is assessed
//! again, and the change of every figure against A is that input's effect. The effects of
//! several inputs need not add up (the models interact), which the report says; it is the
//! transparent first answer to "what drives this change?", and `bulwark explore` gives the
//! global one.

use std::collections::BTreeMap;

use bulwark_data::Dataset;
use bulwark_scenario::{Param, Scenario, Setting};

use crate::{assess, Assessment};

/// At most this many differing inputs are attributed (each costs one assessment).
pub const MAX_ATTRIBUTED: usize = 8;

/// One input of a resolved scenario that a comparison can swap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScenarioInput {
    /// The coalition's members.
    Coalition,
    /// One group of the US posture (`conventional`, `enablers`, `intelligence`, `nuclear`).
    UsPosture(&'static str),
    /// The ledger's requirement mode, adversary, targets and weights.
    Ledger,
    /// Per-country spending paths.
    Budget,
    /// Funding priority, critical lines and cost proxies.
    Closure,
    /// One judgement parameter.
    Parameter(Param),
}

impl ScenarioInput {
    /// The input's name as a scenario file spells it.
    pub fn name(self) -> String {
        match self {
            ScenarioInput::Coalition => "coalition".into(),
            ScenarioInput::UsPosture(group) => format!("us_posture.{group}"),
            ScenarioInput::Ledger => "ledger".into(),
            ScenarioInput::Budget => "budget.countries".into(),
            ScenarioInput::Closure => "closure".into(),
            ScenarioInput::Parameter(param) => format!("parameters.{param}"),
        }
    }
}

/// Two assessments, the inputs that differ, and the effect of each attributed input.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Scenario A's assessment.
    pub a: Assessment,
    /// Scenario B's assessment.
    pub b: Assessment,
    /// Every input that differs, in a fixed order.
    pub inputs: Vec<ScenarioInput>,
    /// A with one input from B, for the first [`MAX_ATTRIBUTED`] inputs.
    pub attributions: Vec<(ScenarioInput, Assessment)>,
}

/// Assesses both scenarios and attributes the change to the inputs that differ.
pub fn compare(dataset: &Dataset, a: &Scenario, b: &Scenario) -> Comparison {
    let inputs = differing_inputs(a, b);
    let attributions = inputs
        .iter()
        .take(MAX_ATTRIBUTED)
        .map(|input| {
            let mut swapped = a.clone();
            transplant(*input, &mut swapped, b);
            (*input, assess(dataset, &swapped))
        })
        .collect();
    Comparison { a: assess(dataset, a), b: assess(dataset, b), inputs, attributions }
}

const POSTURE_GROUPS: [&str; 4] = ["conventional", "enablers", "intelligence", "nuclear"];

fn values<K: Ord + Clone, T: Clone>(map: &BTreeMap<K, Setting<T>>) -> BTreeMap<K, T> {
    map.iter().map(|(k, v)| (k.clone(), v.value.clone())).collect()
}

/// The inputs of `a` and `b` whose values differ (where they were set does not count).
pub fn differing_inputs(a: &Scenario, b: &Scenario) -> Vec<ScenarioInput> {
    let mut out = Vec::new();
    if a.coalition.value.members != b.coalition.value.members {
        out.push(ScenarioInput::Coalition);
    }
    for group in POSTURE_GROUPS {
        let value = |s: &Scenario| s.us_posture.for_group(group).map(|p| p.value);
        if value(a) != value(b) {
            out.push(ScenarioInput::UsPosture(group));
        }
    }
    let ledger = |s: &Scenario| {
        let l = &s.ledger;
        (l.requirement.value, l.adversary.value, values(&l.targets), values(&l.weights))
    };
    if ledger(a) != ledger(b) {
        out.push(ScenarioInput::Ledger);
    }
    if values(&a.budget.countries) != values(&b.budget.countries) {
        out.push(ScenarioInput::Budget);
    }
    let closure = |s: &Scenario| {
        let c = &s.closure;
        (
            c.priority.value.clone(),
            c.critical.value.clone(),
            c.excluded.value.clone(),
            values(&c.cost_proxies),
        )
    };
    if closure(a) != closure(b) {
        out.push(ScenarioInput::Closure);
    }
    out.extend(
        Param::ALL
            .iter()
            .filter(|p| a.param(**p).distribution != b.param(**p).distribution)
            .map(|p| ScenarioInput::Parameter(*p)),
    );
    out
}

/// Copies one input from `from` into `into`.
fn transplant(input: ScenarioInput, into: &mut Scenario, from: &Scenario) {
    match input {
        ScenarioInput::Coalition => into.coalition = from.coalition.clone(),
        ScenarioInput::UsPosture(group) => {
            let posture = &mut into.us_posture;
            let slot = match group {
                "conventional" => &mut posture.conventional,
                "enablers" => &mut posture.enablers,
                "intelligence" => &mut posture.intelligence,
                _ => &mut posture.nuclear,
            };
            if let Some(value) = from.us_posture.for_group(group) {
                *slot = value.clone();
            }
        }
        ScenarioInput::Ledger => into.ledger = from.ledger.clone(),
        ScenarioInput::Budget => into.budget = from.budget.clone(),
        ScenarioInput::Closure => into.closure = from.closure.clone(),
        ScenarioInput::Parameter(param) => {
            into.parameters.insert(param.name().to_string(), from.param(param).clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_withdrawal_differs_in_the_posture_and_its_effect_is_attributed() {
        let dataset = Dataset::embedded().unwrap();
        let a = Scenario::load("baseline", &dataset).unwrap();
        let b = Scenario::load("us-conventional-withdrawal", &dataset).unwrap();
        let inputs = differing_inputs(&a, &b);
        assert!(inputs.contains(&ScenarioInput::UsPosture("conventional")), "{inputs:?}");
        assert!(differing_inputs(&a, &a).is_empty());
        let comparison = compare(&dataset, &a, &b);
        let (_, swapped) = comparison
            .attributions
            .iter()
            .find(|(input, _)| *input == ScenarioInput::UsPosture("conventional"))
            .unwrap();
        // Swapping the conventional posture alone moves the benchmark of the land lines.
        let coverage =
            |x: &Assessment| x.lines.iter().find(|l| l.line == "main_battle_tanks").unwrap().ledger.coverage;
        assert_ne!(coverage(swapped), coverage(&comparison.a));
        assert_eq!(coverage(swapped), coverage(&comparison.b));
    }
}
