//! Sensitivity of deciding in time to each scalar judgement parameter of the decision model:
//! each is moved by −20 % and +20 % from its central value (probabilities and shares capped at
//! 1) while the others stay put, on the same seeded draws.

use bulwark_ensemble::{Hooks, RunPlan, RunRng};
use bulwark_scenario::{Param, ParamValues, Scenario};

use super::{
    decision_metrics, decision_parameters, inputs, run_once, share, DecisionFacts, METRICS_PER_BODY,
};
use super::{Marginal, BODIES};

/// Draws per sensitivity run: fewer than the assessment's, enough for a direction and size.
const SENSITIVITY_DRAWS: u64 = 1_000;

/// The moves applied to each parameter.
pub const SENSITIVITY_FACTORS: [f64; 2] = [0.8, 1.2];

/// Deciding in time with one parameter moved.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionSensitivity {
    /// The parameter moved.
    pub parameter: Param,
    /// Its factor (0.8 or 1.2).
    pub factor: f64,
    /// Probability of deciding in time with the US leading.
    pub p_in_time_with_us: f64,
    /// The same without the US.
    pub p_in_time_without_us: f64,
}

pub(super) fn sensitivities(
    facts: &DecisionFacts,
    scenario: &Scenario,
    times: &[Marginal; 2],
) -> Result<Vec<DecisionSensitivity>, String> {
    let mut out = Vec::new();
    for parameter in decision_parameters() {
        for factor in SENSITIVITY_FACTORS {
            let moved = scenario.value(parameter) * factor;
            // Probabilities and shares stay at most 1; hours may grow.
            let bounded = scenario.param(parameter).unit.max <= 1.0;
            let value =
                ParamValues::central(scenario).with(parameter, if bounded { moved.min(1.0) } else { moved });
            let model_inputs = inputs(facts, &value);
            model_inputs.validate().map_err(|e| e.to_string())?;
            let required_hours = value[Param::DecisionRequiredHours];
            let plan = RunPlan::new(SENSITIVITY_DRAWS, scenario.seed.value)
                .and_then(|p| p.with_threads(1))
                .map_err(|e| e.to_string())?;
            let model = |_run_idx: u64, rng: &mut RunRng| run_once(&model_inputs, times, required_hours, rng);
            let summary =
                bulwark_ensemble::run_ensemble(&plan, &decision_metrics()?, model, Hooks::default())
                    .map_err(|e| e.to_string())?;
            let metrics = summary.metrics();
            out.push(DecisionSensitivity {
                parameter,
                factor,
                p_in_time_with_us: share(&metrics[METRICS_PER_BODY * BODIES.len()]),
                p_in_time_without_us: share(&metrics[METRICS_PER_BODY * BODIES.len() + 1]),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;

    use bulwark_scenario::Param;

    use super::super::assess_decision;

    #[test]
    fn a_longer_coordination_penalty_never_helps_and_every_parameter_is_moved_both_ways() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = bulwark_scenario::Scenario::load("baseline", &dataset).unwrap();
        let decision = assess_decision(&dataset, &scenario).unwrap();
        assert_eq!(decision.sensitivity.len(), super::decision_parameters().count() * 2);
        let penalty: Vec<_> = decision
            .sensitivity
            .iter()
            .filter(|s| s.parameter == Param::DecisionCoordinationPenaltyHours)
            .collect();
        assert!(penalty[0].factor < penalty[1].factor);
        assert!(penalty[1].p_in_time_without_us <= penalty[0].p_in_time_without_us + 1e-12);
        // The penalty applies only without the US: with the US the two runs are the same draws.
        assert!((penalty[0].p_in_time_with_us - penalty[1].p_in_time_with_us).abs() < 1e-12);
    }
}
