//! Each run's draws recorded once and shared by the assessment's campaign ensembles.
//!
//! Every campaign ensemble of an assessment (the campaign year with and without the US, every
//! year of the window, every lever) uses the scenario's seed and Monte Carlo draws, so run `i`
//! of each starts from the same stream of `(seed, i)` and draws the same values: the
//! uncertain `campaign_*` and `threat_*` parameters, then whether the US leads the decision
//! (`unit_open < us_posture.enablers`), then the alliance's response hours (the decision
//! model, about 54 lognormal times a run). Only the year, Europe's growth and the US shares
//! differ between ensembles, and none of the draws depends on them but the enablers share.
//! So the draws of runs `0..n` are recorded once per enablers share and every ensemble reads
//! them back instead of drawing them again: about 25,000 campaign runs an assessment, 4,000
//! distinct draws. The values are the same bits (the same code draws them from the same
//! streams), so every summary is unchanged (tested against drawing in each ensemble).

use std::ops::Range;

use bulwark_ensemble::{unit_open, BatchModel, RunOutcome, RunPlan, Sampler, Streams};
use bulwark_models::campaign::{simulate_lanes, CampaignInputs, CampaignOutcome, CampaignRuns};
use bulwark_scenario::ParamValues;
use rayon::prelude::*;

use crate::decision_inputs::ResponseModel;
use crate::resolve::ParamDraws;

/// Runs recorded per task when recording in parallel (a few hundred microseconds of work).
const RECORD_CHUNK_RUNS: u64 = 64;

/// The draws of runs `0..n_runs` of one seed: each run's drawn parameter values and, for each
/// recorded US enablers share, its response hours.
pub(crate) struct SharedDraws {
    /// The parameters drawn (and the central values of the others).
    draws: ParamDraws,
    seed: u64,
    n_runs: u64,
    /// Run `i`'s drawn values at `i × n_drawn ..`, in `ParamDraws::drawn` order.
    values: Vec<f64>,
    n_drawn: usize,
    /// `(enablers share, hours of run i at index i)`.
    hours: Vec<(f64, Vec<f64>)>,
}

impl SharedDraws {
    /// Records runs `0..n_runs` of `seed` as an ensemble drawing `draws` (Monte Carlo) and
    /// then the response with each share of `enablers` would draw them, in parallel.
    pub(crate) fn record(
        draws: ParamDraws,
        response: &ResponseModel,
        enablers: &[f64],
        seed: u64,
        n_runs: u64,
    ) -> SharedDraws {
        let mut shares: Vec<f64> = Vec::with_capacity(enablers.len());
        for share in enablers {
            if !shares.iter().any(|s| s.to_bits() == share.to_bits()) {
                shares.push(*share);
            }
        }
        let n_drawn = draws.drawn().len();
        let draws_ref = &draws;
        let streams = Streams::new(seed);
        let record_chunk = |chunk_idx: u64| {
            let runs = chunk_idx * RECORD_CHUNK_RUNS..((chunk_idx + 1) * RECORD_CHUNK_RUNS).min(n_runs);
            let n = (runs.end - runs.start) as usize;
            let mut values = vec![0.0; n * n_drawn];
            let mut hours = vec![Vec::with_capacity(n); shares.len()];
            for (offset, run_idx) in runs.enumerate() {
                let mut rng = streams.run(run_idx);
                draws_ref.draw_drawn(
                    run_idx,
                    &mut rng,
                    &mut values[offset * n_drawn..(offset + 1) * n_drawn],
                );
                for (share, out) in shares.iter().zip(&mut hours) {
                    // Each share goes on from where the parameters left the stream.
                    let mut rng = rng.clone();
                    let with_us = unit_open(&mut rng) < *share;
                    out.push(response.draw_hours(&mut rng, with_us));
                }
            }
            (values, hours)
        };
        let chunks: Vec<(Vec<f64>, Vec<Vec<f64>>)> =
            (0..n_runs.div_ceil(RECORD_CHUNK_RUNS)).into_par_iter().map(record_chunk).collect();
        let mut values = Vec::with_capacity(n_runs as usize * n_drawn);
        let mut hours: Vec<(f64, Vec<f64>)> =
            shares.iter().map(|share| (*share, Vec::with_capacity(n_runs as usize))).collect();
        for (chunk_values, chunk_hours) in chunks {
            values.extend(chunk_values);
            for ((_, all), part) in hours.iter_mut().zip(chunk_hours) {
                all.extend(part);
            }
        }
        SharedDraws { draws, seed, n_runs, values, n_drawn, hours }
    }

    /// The recorded response hours for the runs of `plan` with the US enablers share
    /// `enablers`, or `None` when they were not recorded (another seed, sampler, share or
    /// run).
    pub(crate) fn hours_for(&self, plan: &RunPlan, enablers: f64) -> Option<&[f64]> {
        let monte_carlo = matches!(plan.sampler(), None | Some(Sampler::MonteCarlo));
        if !monte_carlo || plan.seed() != self.seed || plan.runs().end > self.n_runs {
            return None;
        }
        self.hours.iter().find(|(share, _)| share.to_bits() == enablers.to_bits()).map(|(_, h)| h.as_slice())
    }

    /// Every catalogue parameter at its central value.
    pub(crate) fn central(&self) -> &ParamValues {
        self.draws.central()
    }

    /// Run `run_idx`'s values into `values`, as `ParamDraws::draw_into` gives them.
    fn fill(&self, run_idx: u64, values: &mut ParamValues) {
        let start = run_idx as usize * self.n_drawn;
        self.draws.assign_drawn(&self.values[start..start + self.n_drawn], values);
    }
}

/// A campaign ensemble as a [`BatchModel`] that reads each run's draws from [`SharedDraws`]
/// and advances the runs side by side through the lanes, as `CampaignLanes` does with the
/// draws made in the run: the same inputs, so the same outcomes bit for bit.
pub(crate) struct SharedLanes<'a, P, O> {
    /// The recorded draws.
    pub(crate) shared: &'a SharedDraws,
    /// The response hours of the ensemble's enablers share, run `i` at index `i`.
    pub(crate) hours: &'a [f64],
    /// One run's inputs, given its values and response hours.
    pub(crate) prepare: P,
    /// One run's metrics, given its outcome.
    pub(crate) outcome: O,
}

impl<const N: usize, P, O> BatchModel<N> for SharedLanes<'_, P, O>
where
    P: Fn(&ParamValues, f64) -> Result<CampaignInputs, RunOutcome<N>> + Sync,
    O: Fn(&CampaignOutcome) -> RunOutcome<N> + Sync,
{
    fn run_batch(&self, runs: Range<u64>, _streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<N>)) {
        let mut feed = Feed { model: self, runs, values: self.shared.draws.central().clone(), report };
        simulate_lanes(&mut feed);
    }
}

struct Feed<'m, 'r, P, O, const N: usize> {
    model: &'m SharedLanes<'m, P, O>,
    runs: Range<u64>,
    values: ParamValues,
    report: &'r mut dyn FnMut(u64, RunOutcome<N>),
}

impl<P, O, const N: usize> CampaignRuns for Feed<'_, '_, P, O, N>
where
    P: Fn(&ParamValues, f64) -> Result<CampaignInputs, RunOutcome<N>>,
    O: Fn(&CampaignOutcome) -> RunOutcome<N>,
{
    type Tag = u64;

    fn next_run(&mut self) -> Option<(u64, CampaignInputs)> {
        for run_idx in self.runs.by_ref() {
            self.model.shared.fill(run_idx, &mut self.values);
            match (self.model.prepare)(&self.values, self.model.hours[run_idx as usize]) {
                Ok(inputs) => return Some((run_idx, inputs)),
                Err(rejected) => (self.report)(run_idx, rejected),
            }
        }
        None
    }

    fn ended(&mut self, run_idx: u64, outcome: CampaignOutcome) {
        (self.report)(run_idx, (self.model.outcome)(&outcome));
    }
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_ensemble::Hooks;
    use bulwark_scenario::Scenario;

    use super::super::ensemble::{campaign_draws, run_configuration, Configuration};
    use super::super::{europe_growth, growth_in, CampaignBase, UsShares};
    use super::*;

    /// Every ensemble of the assessment's shapes (its headline with the US, a year without it,
    /// a lever's growth) summarises to the same bytes whether its runs read the recorded draws
    /// or draw them, on 1 and 2 threads; with the baseline (the US leads: enablers 1) and a
    /// withdrawal (enablers 0, so both shares are one record).
    #[test]
    fn ensembles_reading_the_recorded_draws_equal_ensembles_drawing_them_bit_for_bit() {
        let dataset = Dataset::embedded().unwrap();
        for name in ["baseline", "us-full-withdrawal"] {
            let scenario = Scenario::load(name, &dataset).unwrap();
            let base = CampaignBase::from_dataset(&dataset, &scenario);
            let response = ResponseModel::new(&dataset, &scenario).unwrap();
            let growths = europe_growth(&dataset, &scenario);
            let (us, seed, n_recorded) = (UsShares::of(&scenario), scenario.seed.value, 400);
            let draws = campaign_draws(&scenario, &RunPlan::new(n_recorded, seed).unwrap()).unwrap();
            let shared = SharedDraws::record(draws, &response, &[0.0, us.enablers], seed, n_recorded);
            let last = growths.last().copied().unwrap();
            let configurations = [
                (Configuration { us, growth: &growth_in(&growths, 2030), year: 2030 }, 400),
                (Configuration { us: UsShares::NONE, growth: &growth_in(&growths, 2035), year: 2035 }, 300),
                (Configuration { us: UsShares::NONE, growth: &last, year: 2031 }, 100),
            ];
            for (configuration, runs) in configurations {
                for threads in [1, 2] {
                    let plan = RunPlan::new(runs, seed).unwrap().with_threads(threads).unwrap();
                    assert!(shared.hours_for(&plan, configuration.us.enablers).is_some());
                    let ensemble = |shared: Option<&SharedDraws>| {
                        let hooks = Hooks::default();
                        run_configuration(&base, &response, &scenario, configuration, &plan, hooks, shared)
                            .unwrap()
                    };
                    let drawn = ensemble(None);
                    assert!(drawn.n_completed() > runs / 2, "{name}: the runs complete");
                    assert_eq!(ensemble(Some(&shared)), drawn, "{name}, {runs} runs, {threads} threads");
                }
            }
        }
    }

    /// A plan the record does not hold draws its own runs: another seed, more runs, a Latin
    /// hypercube, an enablers share not recorded.
    #[test]
    fn the_record_serves_only_the_runs_it_holds() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("baseline", &dataset).unwrap();
        let response = ResponseModel::new(&dataset, &scenario).unwrap();
        let seed = scenario.seed.value;
        let draws = campaign_draws(&scenario, &RunPlan::new(100, seed).unwrap()).unwrap();
        let shared = SharedDraws::record(draws, &response, &[0.0, 1.0], seed, 100);
        let plan = |runs: u64, seed: u64| RunPlan::new(runs, seed).unwrap();
        assert!(shared.hours_for(&plan(100, seed), 1.0).is_some());
        assert!(shared.hours_for(&plan(100, seed), 0.0).is_some());
        assert!(shared.hours_for(&plan(101, seed), 1.0).is_none());
        assert!(shared.hours_for(&plan(100, seed + 1), 1.0).is_none());
        assert!(shared.hours_for(&plan(100, seed), 0.5).is_none());
        let lhs = plan(100, seed).with_sampler(Sampler::LatinHypercube);
        assert!(shared.hours_for(&lhs, 1.0).is_none());
    }

    /// The record is the same whatever the threads that make it.
    #[test]
    fn the_record_does_not_depend_on_the_threads() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("baseline", &dataset).unwrap();
        let response = ResponseModel::new(&dataset, &scenario).unwrap();
        let seed = scenario.seed.value;
        let record = || {
            let draws = campaign_draws(&scenario, &RunPlan::new(300, seed).unwrap()).unwrap();
            SharedDraws::record(draws, &response, &[0.0, 1.0], seed, 300)
        };
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(record);
        let two = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap().install(record);
        let bits = |values: &[f64]| values.iter().map(|v| v.to_bits()).collect::<Vec<u64>>();
        assert_eq!(bits(&one.values), bits(&two.values));
        assert_eq!(one.values.len(), 300 * one.n_drawn);
        assert!(one.n_drawn > 10, "the baseline draws the campaign's uncertainties");
        for ((share_one, hours_one), (share_two, hours_two)) in one.hours.iter().zip(&two.hours) {
            assert_eq!(share_one.to_bits(), share_two.to_bits());
            assert_eq!(bits(hours_one), bits(hours_two));
            assert_eq!(hours_one.len(), 300);
        }
    }
}
