//! What Q2 and the report show: the probability that the defence holds, day by day, with and
//! without the US, and year by year as European forces grow without the US.

use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan};
use bulwark_scenario::Scenario;

use super::ensemble::{horizon_hours, run_configuration};
use super::{europe_growth, CampaignBase, Growth, UsShares, CAMPAIGN_RUNS, YEAR_RUNS};
use crate::resolve::parameter;

/// The campaign part of the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignAssessment {
    /// Ensemble seed (the scenario's).
    pub seed: u64,
    /// `campaign_hold_day`: the day X of "holds until day X".
    pub hold_day: f64,
    /// `campaign_hold_confidence`: the probability at which Europe "could hold".
    pub hold_confidence: f64,
    /// Horizon, days.
    pub horizon_days: f64,
    /// With the scenario's US posture.
    pub with_us: HoldCurve,
    /// With no US contribution.
    pub without_us: HoldCurve,
    /// Without the US, with Europe's forces grown by each year's funded closure.
    pub by_year: Vec<YearHold>,
    /// First year in which the defence holds to the hold day with at least the confidence.
    pub first_year_europe_holds: Option<u16>,
    /// Coalition manoeuvre brigades counted today (dataset, estimated where missing).
    pub europe_brigades: f64,
    /// Members whose brigades were estimated from active personnel.
    pub brigades_estimated_for: Vec<String>,
}

/// One ensemble's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct HoldCurve {
    /// Runs.
    pub runs: u64,
    /// Runs that failed (counted as not holding).
    pub failed: u64,
    /// Probability that the defence holds through day `d`, for `d = 0 …` the horizon.
    pub p_hold_by_day: Vec<f64>,
    /// Probability that it holds through the hold day.
    pub p_hold: f64,
    /// Median hours to the objective; `None` when at least half the runs held.
    pub median_hours: Option<f64>,
    /// Mean Blue and Red losses, battalion equivalents.
    pub mean_losses: (f64, f64),
}

/// One year of the budget path.
#[derive(Clone, Debug, PartialEq)]
pub struct YearHold {
    /// The year.
    pub year: u16,
    /// Probability that the defence holds through the hold day, without the US.
    pub p_hold: f64,
    /// Units Europe has added by then.
    pub growth: Growth,
}

impl HoldCurve {
    /// Reads the curve from an ensemble summary of the campaign metrics.
    pub fn from_summary(summary: &EnsembleSummary, horizon_hours: i64, hold_day: f64) -> HoldCurve {
        let runs = summary.n_runs();
        let hours = summary.metric("hours_to_objective");
        let n_days = (horizon_hours as f64 / 24.0).floor() as i64;
        // Cumulative counts of runs at the objective by each hour.
        let mut reached_by_hour = Vec::with_capacity(horizon_hours.max(0) as usize + 1);
        let mut acc = 0u64;
        for hour in 0..=horizon_hours {
            acc += hours.and_then(|m| m.integer_count(hour)).unwrap_or(0);
            reached_by_hour.push(acc);
        }
        let held_through = |hours_limit: f64| -> f64 {
            if runs == 0 {
                return f64::NAN;
            }
            let idx = (hours_limit.floor().max(0.0) as usize).min(reached_by_hour.len().saturating_sub(1));
            let reached = reached_by_hour.get(idx).copied().unwrap_or(0);
            (summary.n_completed() - reached) as f64 / runs as f64
        };
        let median = hours.and_then(|m| m.quantile(0.5)).filter(|h| *h <= horizon_hours as f64);
        let mean = |name: &str| summary.metric(name).map_or(f64::NAN, |m| m.mean());
        HoldCurve {
            runs,
            failed: summary.n_failed(),
            p_hold_by_day: (0..=n_days).map(|day| held_through(24.0 * day as f64)).collect(),
            p_hold: held_through(24.0 * hold_day),
            median_hours: median,
            mean_losses: (mean("blue_losses"), mean("red_losses")),
        }
    }
}

/// Runs the campaign ensembles of the assessment: the scenario's posture, no US, and no US
/// with each year's European growth (same seed for all, so the runs share their draws and the
/// curves compare like with like).
pub fn assess_campaign(dataset: &Dataset, scenario: &Scenario) -> Result<CampaignAssessment, String> {
    let base = CampaignBase::from_dataset(dataset, scenario);
    let seed = scenario.seed.value;
    let horizon = horizon_hours(scenario);
    let hold_day = parameter(scenario, "campaign_hold_day");
    let hold_confidence = parameter(scenario, "campaign_hold_confidence");
    let curve = |us: UsShares, growth: &Growth, runs: u64| -> Result<HoldCurve, String> {
        let plan = RunPlan::new(runs, seed).map_err(|err| err.to_string())?;
        let summary = run_configuration(&base, scenario, us, growth, &plan, Hooks::default())?;
        Ok(HoldCurve::from_summary(&summary, horizon, hold_day))
    };
    let with_us = curve(UsShares::of(scenario), &Growth::default(), CAMPAIGN_RUNS)?;
    let without_us = curve(UsShares::NONE, &Growth::default(), CAMPAIGN_RUNS)?;
    let mut by_year = Vec::new();
    for growth in europe_growth(dataset, scenario) {
        let p_hold = curve(UsShares::NONE, &growth, YEAR_RUNS)?.p_hold;
        by_year.push(YearHold { year: growth.year, p_hold, growth });
    }
    let first_year_europe_holds = by_year.iter().find(|y| y.p_hold >= hold_confidence).map(|y| y.year);
    Ok(CampaignAssessment {
        seed,
        hold_day,
        hold_confidence,
        horizon_days: horizon as f64 / 24.0,
        with_us,
        without_us,
        by_year,
        first_year_europe_holds,
        europe_brigades: base.europe_brigades,
        brigades_estimated_for: base.brigades_estimated_for,
    })
}
