//! An analysis ready for the reports: what was explored, how, and the method's result. Plain
//! data; `bulwark-report` turns it into text, Markdown, JSON and HTML.

use crate::bootstrap::Estimate;
use crate::morris::MorrisIndices;
use crate::outcomes::OutcomeSpec;
use crate::prim::{PrimBox, PrimSettings, Restriction};
use crate::saltelli::SobolIndices;

/// One analysis of one outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct ExploreReport {
    /// The model explored.
    pub model: &'static str,
    /// The scenario's name (none for a test function).
    pub scenario: Option<String>,
    /// The outcome analysed.
    pub outcome: OutcomeSpec,
    /// The seed of the design and the bootstrap.
    pub seed: u64,
    /// Model runs in the design.
    pub n_runs: u64,
    /// The parameters varied, in design order: name, unit and distribution.
    pub parameters: Vec<ParameterInfo>,
    /// The method's result.
    pub analysis: Analysis,
    /// When the outcome is a time to an event that may not come within the horizon, how many
    /// runs went beyond it: the analysis then describes the coded value, which the report
    /// says. `None` for every other outcome, and for levers (each effect carries its own).
    pub censoring: Option<OutcomeCensoring>,
}

/// The runs of a censored outcome beyond its horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutcomeCensoring {
    /// The horizon: values above it code "not within the horizon".
    pub horizon: f64,
    /// The model's outcome that is the share itself, where there is one.
    pub share_outcome: Option<&'static str>,
    /// Runs beyond the horizon.
    pub n_beyond: usize,
    /// Runs analysed.
    pub n_runs: usize,
}

impl OutcomeCensoring {
    /// The censoring of `values` (one per run) under `censoring`.
    pub fn of(censoring: crate::outcomes::Censoring, values: &[f64]) -> OutcomeCensoring {
        OutcomeCensoring {
            horizon: censoring.horizon,
            share_outcome: censoring.share_outcome,
            n_beyond: values.iter().filter(|v| censoring.is_beyond(**v)).count(),
            n_runs: values.len(),
        }
    }
}

/// A parameter varied by the design.
#[derive(Clone, Debug, PartialEq)]
pub struct ParameterInfo {
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its distribution.
    pub distribution: bulwark_core::Distribution,
}

/// A method's result.
#[derive(Clone, Debug, PartialEq)]
pub enum Analysis {
    /// Morris screening.
    Morris {
        /// Trajectories.
        trajectories: usize,
        /// Grid levels.
        levels: u32,
        /// Candidates the trajectories were chosen from (0: none).
        candidates: usize,
        /// Confidence level of the μ* intervals.
        confidence: f64,
        /// The measures.
        indices: MorrisIndices,
    },
    /// Sobol indices.
    Sobol {
        /// Base sample size `N`.
        n_base: u64,
        /// Bootstrap resamples.
        resamples: usize,
        /// Confidence level of the intervals.
        confidence: f64,
        /// The indices.
        indices: SobolIndices,
    },
    /// PRIM scenario discovery.
    Prim {
        /// The case of interest, as text (`baltic.held_day_28 < 0.5`).
        interest: String,
        /// Runs in the case of interest.
        n_interesting: usize,
        /// PRIM's settings.
        settings: PrimSettings,
        /// The peeling trajectory.
        trajectory: Vec<PrimBox>,
        /// Index of the chosen box on the trajectory.
        chosen_index: usize,
        /// The chosen box after pasting.
        chosen: PrimBox,
        /// Its restricted dimensions.
        restrictions: Vec<Restriction>,
    },
    /// Lever comparison on common random numbers.
    Levers {
        /// Bootstrap resamples.
        resamples: usize,
        /// Confidence level of the intervals.
        confidence: f64,
        /// One entry per lever of the scenario, in name order.
        effects: Vec<crate::levers::LeverEffect>,
    },
}

impl ExploreReport {
    /// The method's name as the command line spells it.
    pub fn method(&self) -> &'static str {
        match self.analysis {
            Analysis::Morris { .. } => "morris",
            Analysis::Sobol { .. } => "sobol",
            Analysis::Prim { .. } => "prim",
            Analysis::Levers { .. } => "levers",
        }
    }
}

/// Parameter indices ordered by decreasing `key` (ties by index), for tables that lead with
/// what matters most.
pub fn ranked(n: usize, key: impl Fn(usize) -> f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| key(b).total_cmp(&key(a)).then(a.cmp(&b)));
    order
}

/// An estimate's interval as `[low, high]` text with `decimals`.
pub fn interval_text(estimate: &Estimate, decimals: usize) -> String {
    format!("[{:.*}, {:.*}]", decimals, estimate.low, decimals, estimate.high)
}
