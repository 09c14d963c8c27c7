//! Sensitivity of deciding in time to each scalar judgement parameter of the decision model:
//! each is moved by −20 % and +20 % from its central value (probabilities and shares capped at
//! 1) while the others stay put, on the same seeded draws.
//!
//! The members' draws (the government's two times, the parliament's time and three uniforms
//! per member) do not depend on
//! the parameters moved, so they are drawn once per run into a [`Tape`] and replayed for all
//! twelve moves: the same values bit for bit (tested), a twelfth of the inverse-CDF work.

use bulwark_ensemble::{Hooks, RunPlan, RunRng, Streams};
use bulwark_models::decision::{self, DecisionInputs, DecisionRng};
use bulwark_scenario::{Param, ParamValues, Scenario};
use rayon::prelude::*;

use super::{
    decision_metrics, decision_parameters, inputs, run_once_on, share, DecisionFacts, StreamRng, HEADLINE,
};
use super::{GovernmentHours, Marginal};

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
    times: &[Marginal; 3],
) -> Result<Vec<DecisionSensitivity>, String> {
    let central = inputs(facts, &ParamValues::central(scenario));
    let tapes = record_tapes(&central, times, scenario.seed.value, SENSITIVITY_DRAWS);
    let moves: Vec<(Param, f64)> = decision_parameters()
        .flat_map(|parameter| SENSITIVITY_FACTORS.map(|factor| (parameter, factor)))
        .collect();
    // Each move is an ensemble of its own, independent of the others and deterministic: they
    // run side by side and are read back in order (the first error in order wins, as in a loop).
    let moved: Vec<Result<DecisionSensitivity, String>> = moves
        .par_iter()
        .map(|&(parameter, factor)| {
            let moved = scenario.value(parameter) * factor;
            // Probabilities and shares stay at most 1; hours may grow.
            let bounded = scenario.param(parameter).unit.max <= 1.0;
            let value =
                ParamValues::central(scenario).with(parameter, if bounded { moved.min(1.0) } else { moved });
            let model_inputs = inputs(facts, &value);
            model_inputs.validate().map_err(|e| e.to_string())?;
            let required_hours = value[Param::DecisionRequiredHours];
            let plan = RunPlan::new(SENSITIVITY_DRAWS, scenario.seed.value).map_err(|e| e.to_string())?;
            // Run `i` of this plan would draw from the stream of `(seed, i)`: its tape.
            let model = |run_idx: u64, _rng: &mut RunRng| {
                let tape = tapes.get(run_idx as usize).map_or(&[][..], Vec::as_slice);
                run_once_on(&model_inputs, &model_inputs.params, required_hours, &mut Replay::new(tape))
            };
            let summary =
                bulwark_ensemble::run_ensemble(&plan, &decision_metrics()?, model, Hooks::default())
                    .map_err(|e| e.to_string())?;
            let metrics = summary.metrics();
            Ok(DecisionSensitivity {
                parameter,
                factor,
                p_in_time_with_us: share(&metrics[HEADLINE]),
                p_in_time_without_us: share(&metrics[HEADLINE + 1]),
            })
        })
        .collect();
    moved.into_iter().collect()
}

/// The values a run's [`StreamRng`] returned, in call order. The model draws the same number
/// of values in the same order whatever its parameters, so a tape recorded once replays the
/// run's draws for any parameters.
type Tape = Vec<f64>;

/// Records the tapes of runs `0..n_runs` of `seed`, each from the run's own stream as the
/// ensemble runner hands it.
fn record_tapes(inputs: &DecisionInputs, times: &[Marginal; 3], seed: u64, n_runs: u64) -> Vec<Tape> {
    let streams = Streams::new(seed);
    // Each run's tape comes from its own stream alone, so the runs are recorded side by side.
    (0..n_runs)
        .into_par_iter()
        .map(|run_idx| {
            let mut rng = streams.run(run_idx);
            let mut recorder = Recorder { inner: StreamRng { rng: &mut rng, times }, tape: Vec::new() };
            decision::draw(inputs, &mut recorder);
            recorder.tape
        })
        .collect()
}

/// A [`StreamRng`] that keeps what it returns.
struct Recorder<'a> {
    inner: StreamRng<'a>,
    tape: Tape,
}

impl DecisionRng for Recorder<'_> {
    fn unit(&mut self) -> f64 {
        let value = self.inner.unit();
        self.tape.push(value);
        value
    }

    fn government_hours(&mut self) -> GovernmentHours {
        let value = self.inner.government_hours();
        self.tape.extend([value.council, value.forces]);
        value
    }

    fn parliament_hours(&mut self) -> f64 {
        let value = self.inner.parliament_hours();
        self.tape.push(value);
        value
    }
}

/// Plays a [`Tape`] back (NaN past its end, which a complete tape never reaches).
struct Replay<'a> {
    tape: &'a [f64],
    next: usize,
}

impl<'a> Replay<'a> {
    fn new(tape: &'a [f64]) -> Replay<'a> {
        Replay { tape, next: 0 }
    }

    fn next_value(&mut self) -> f64 {
        let value = self.tape.get(self.next).copied().unwrap_or(f64::NAN);
        self.next += 1;
        value
    }
}

impl DecisionRng for Replay<'_> {
    fn unit(&mut self) -> f64 {
        self.next_value()
    }

    fn government_hours(&mut self) -> GovernmentHours {
        GovernmentHours { council: self.next_value(), forces: self.next_value() }
    }

    fn parliament_hours(&mut self) -> f64 {
        self.next_value()
    }
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;

    use bulwark_scenario::Param;

    use super::super::{assess_decision, facts, run_once_with, time_marginals, N_METRICS};
    use super::*;
    use bulwark_ensemble::RunOutcome;
    use bulwark_models::decision::DecisionParams;

    #[test]
    fn a_replayed_tape_gives_the_streamed_runs_bit_for_bit() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = bulwark_scenario::Scenario::load("baseline", &dataset).unwrap();
        let facts = facts(&dataset, &scenario);
        let inputs = inputs(&facts, &ParamValues::central(&scenario));
        let times = time_marginals(&scenario).unwrap();
        let tapes = record_tapes(&inputs, &times, 17, 40);
        // Each member records its government's two times, its parliament's time and three
        // uniforms, the US too; then the common shock's uniform (the correlation is above 0).
        assert!(inputs.params.refusal_correlation > 0.0);
        assert_eq!(tapes[0].len(), 6 * (inputs.members.len() + 1) + 1);
        let streams = Streams::new(17);
        // Other parameters than those recorded with: the draws do not depend on them.
        let params = DecisionParams { coordination_penalty_hours: 200.0, ..inputs.params.clone() };
        let bits = |outcome: RunOutcome<N_METRICS>| match outcome {
            RunOutcome::Completed(values) => values.map(f64::to_bits),
            RunOutcome::Failed(reason) => panic!("{reason}"),
        };
        for (run_idx, tape) in tapes.iter().enumerate() {
            let mut rng = streams.run(run_idx as u64);
            let streamed = run_once_with(&inputs, &params, &times, 30.0, &mut rng);
            let replayed = run_once_on(&inputs, &params, 30.0, &mut Replay::new(tape));
            assert_eq!(bits(replayed), bits(streamed), "run {run_idx}");
        }
    }

    /// The moves run side by side: the same sensitivities, in the same order, on 1 and 2
    /// threads (each move's ensemble and the tapes come from the runs' own streams alone).
    #[test]
    fn the_sensitivities_do_not_depend_on_the_threads() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = bulwark_scenario::Scenario::load("baseline", &dataset).unwrap();
        let facts = facts(&dataset, &scenario);
        let times = time_marginals(&scenario).unwrap();
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| sensitivities(&facts, &scenario, &times).unwrap())
        };
        let one = on(1);
        let moves: Vec<(Param, f64)> = one.iter().map(|s| (s.parameter, s.factor)).collect();
        let expected: Vec<(Param, f64)> =
            decision_parameters().flat_map(|p| SENSITIVITY_FACTORS.map(|f| (p, f))).collect();
        assert_eq!(moves, expected, "every parameter, each factor, in catalogue order");
        let bits = |s: &[DecisionSensitivity]| -> Vec<(u64, u64)> {
            s.iter().map(|s| (s.p_in_time_with_us.to_bits(), s.p_in_time_without_us.to_bits())).collect()
        };
        assert_eq!(bits(&on(2)), bits(&one));
    }

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
