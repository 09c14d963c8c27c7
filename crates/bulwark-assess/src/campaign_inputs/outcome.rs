//! What Q2 and the report show: the probability that the defence holds, day by day, with and
//! without the US, in the campaign year; and the window of vulnerability:
//! year by year, Europe's funded build-up against Russia's force that year, with and without
//! the US, the years below the scenario's confidence, and the levers whose earlier closure
//! would shorten the window most.
//!
//! Every ensemble shares the scenario's seed, so runs share their draws across years and
//! configurations and the curves compare like with like (common random numbers).

use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan};
use bulwark_scenario::{Param, ParamValues, Scenario};
use rayon::prelude::*;

use super::ensemble::LEVER_RUNS;
use super::ensemble::{campaign_draws, campaign_year, horizon_hours, run_configuration, Configuration};
use super::shared_draws::SharedDraws;
use super::{europe_growth, CampaignBase, Growth, InPlace, UsShares, CAMPAIGN_RUNS, YEAR_RUNS};
use crate::decision_inputs::ResponseModel;

/// Days at which the hold probability is reported.
pub const REPORT_DAYS: [u16; 4] = [7, 14, 28, 60];

/// Quantiles of the time to the objective that are reported.
pub const REPORT_QUANTILES: [f64; 5] = [0.1, 0.25, 0.5, 0.75, 0.9];

/// The campaign part of the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignAssessment {
    /// Ensemble seed (the scenario's).
    pub seed: u64,
    /// The year the headline campaign is fought in (`campaign_year`).
    pub year: u16,
    /// `campaign_hold_day`: the day X of "holds until day X".
    pub hold_day: f64,
    /// `campaign_hold_confidence`: the probability at which Europe "could hold".
    pub hold_confidence: f64,
    /// Horizon, days.
    pub horizon_days: f64,
    /// With the scenario's US posture, in the campaign year.
    pub with_us: HoldCurve,
    /// With no US contribution, in the campaign year.
    pub without_us: HoldCurve,
    /// Year by year: Europe's funded build-up against Russia's force that year.
    pub by_year: Vec<YearHold>,
    /// First year in which the defence holds to the hold day with at least the confidence,
    /// without the US.
    pub first_year_europe_holds: Option<u16>,
    /// The window of vulnerability.
    pub window: Window,
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
    /// Probability that it holds through each day of [`REPORT_DAYS`] within the horizon.
    pub p_hold_at: Vec<(u16, f64)>,
    /// Hours to the objective at each of [`REPORT_QUANTILES`]; `None` where the defence still
    /// holds at the horizon.
    pub hours_quantiles: Vec<(f64, Option<f64>)>,
    /// Median hours to the objective; `None` when at least half the runs held.
    pub median_hours: Option<f64>,
    /// Mean Blue and Red losses, battalion equivalents.
    pub mean_losses: (f64, f64),
}

/// One year of the window.
#[derive(Clone, Debug, PartialEq)]
pub struct YearHold {
    /// The year.
    pub year: u16,
    /// Probability that the defence holds through the hold day, without the US.
    pub p_hold: f64,
    /// The same with the scenario's US posture.
    pub p_hold_with_us: f64,
    /// Runs behind both probabilities: [`YEAR_RUNS`], or [`CAMPAIGN_RUNS`] in the campaign
    /// year, whose figures are the headline's own (one quantity, one figure on every page).
    pub runs: u64,
    /// Red's first echelon and follow-on echelons, battalion equivalents, with the central
    /// parameters.
    pub red_battalions: (f64, f64),
    /// Units Europe has added by then.
    pub growth: Growth,
    /// Blue's battalions in place at the attack, with the central parameters: today's and the
    /// build-up's brigades based forward.
    pub in_place: InPlace,
}

/// The window of vulnerability.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// Years in which the defence holds to the hold day with less than the confidence, without
    /// the US.
    pub years_without_us: Vec<u16>,
    /// The same with the scenario's US posture.
    pub years_with_us: Vec<u16>,
    /// The window's years on which the levers were tried: the first [`LEVER_YEARS`] of them
    /// (the near term, where closing a line earlier changes most).
    pub lever_years: Vec<u16>,
    /// Levers, most effective first: how many of the lever years (without the US) each
    /// removes from the window when its line is closed at once instead of on the funded
    /// schedule.
    pub levers: Vec<Lever>,
}

/// Most years of the window on which the levers are tried (each lever costs an ensemble a
/// year, so the assessment stays within its time budget).
pub const LEVER_YEARS: usize = 10;

/// One lever: a line group of Europe's build-up closed at once.
#[derive(Clone, Debug, PartialEq)]
pub struct Lever {
    /// The line group (`manoeuvre_brigades`, `headroom_brigades` (the land build-up beyond
    /// the gaps), `combat_aircraft`, `sead_aircraft`, `tanker_aircraft`, `strategic_airlift`).
    pub lever: &'static str,
    /// Years removed from the window.
    pub years_removed: usize,
    /// Mean rise of P(hold) over the window's years.
    pub mean_p_hold_gain: f64,
}

/// The smallest mean rise of P(hold) that counts as help: half a percentage point, about the
/// sampling error of the levers' ensembles, so noise is never reported as the best lever.
pub const LEVER_MIN_P_HOLD_GAIN: f64 = 0.005;

impl Lever {
    /// Whether closing the lever at once helps: it removes a year from the window or raises
    /// P(hold) by more than [`LEVER_MIN_P_HOLD_GAIN`] on average.
    pub fn helps(&self) -> bool {
        self.years_removed > 0 || self.mean_p_hold_gain > LEVER_MIN_P_HOLD_GAIN
    }
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
        let quantile = |q: f64| hours.and_then(|m| m.quantile(q)).filter(|h| *h <= horizon_hours as f64);
        let mean = |name: &str| summary.metric(name).map_or(f64::NAN, |m| m.mean());
        HoldCurve {
            runs,
            failed: summary.n_failed(),
            p_hold_by_day: (0..=n_days).map(|day| held_through(24.0 * day as f64)).collect(),
            p_hold: held_through(24.0 * hold_day),
            p_hold_at: REPORT_DAYS
                .iter()
                .filter(|day| i64::from(**day) <= n_days)
                .map(|day| (*day, held_through(24.0 * f64::from(*day))))
                .collect(),
            hours_quantiles: REPORT_QUANTILES.iter().map(|q| (*q, quantile(*q))).collect(),
            median_hours: quantile(0.5),
            mean_losses: (mean("blue_losses"), mean("red_losses")),
        }
    }
}

/// Closes a lever at once: sets its lines in a year's growth (first) to the last year's (second).
type CloseLever = fn(&mut Growth, &Growth);

/// The levers of the window: a name and how to close it at once in a year's growth.
/// `headroom_brigades` is the land build-up beyond the gaps: all the brigades it has raised by
/// the horizon, ready at once, the forward share of them based forward.
const LEVERS: [(&str, CloseLever); 6] = [
    ("manoeuvre_brigades", |g, last| g.brigades = last.brigades),
    ("headroom_brigades", |g, last| {
        g.headroom_brigades = last.headroom_brigades;
        g.forward_brigades = last.forward_brigades;
    }),
    ("combat_aircraft", |g, last| g.combat_aircraft = last.combat_aircraft),
    ("sead_aircraft", |g, last| g.sead = last.sead),
    ("tanker_aircraft", |g, last| g.tankers = last.tankers),
    ("strategic_airlift", |g, last| {
        g.heavy_airlift = last.heavy_airlift;
        g.a400m = last.a400m;
    }),
];

/// Shared by every ensemble of one assessment.
struct Runner<'a> {
    base: CampaignBase,
    response: ResponseModel,
    scenario: &'a Scenario,
    seed: u64,
    horizon: i64,
    hold_day: f64,
    /// Every run's draws, made once for all the ensembles.
    shared: SharedDraws,
}

impl Runner<'_> {
    fn curve(&self, configuration: Configuration<'_>, runs: u64) -> Result<HoldCurve, String> {
        let plan = RunPlan::new(runs, self.seed).map_err(|err| err.to_string())?;
        let summary = run_configuration(
            &self.base,
            &self.response,
            self.scenario,
            configuration,
            &plan,
            Hooks::default(),
            Some(&self.shared),
        )?;
        Ok(HoldCurve::from_summary(&summary, self.horizon, self.hold_day))
    }
}

/// Runs the campaign ensembles of the assessment: the scenario's posture and no US in the
/// campaign year, then every year of the budget path with and without the US, then the levers
/// over the window's years.
pub fn assess_campaign(dataset: &Dataset, scenario: &Scenario) -> Result<CampaignAssessment, String> {
    let seed = scenario.seed.value;
    let us = UsShares::of(scenario);
    let response = ResponseModel::new(dataset, scenario)?;
    // Every ensemble below runs a prefix of these runs with one of these two enablers shares.
    let n_shared = CAMPAIGN_RUNS.max(YEAR_RUNS).max(LEVER_RUNS);
    let plan = RunPlan::new(n_shared, seed).map_err(|err| err.to_string())?;
    let (shared, (base, growths)) = rayon::join(
        || {
            let draws = campaign_draws(scenario, &plan)?;
            Ok::<_, String>(SharedDraws::record(
                draws,
                &response,
                &[UsShares::NONE.enablers, us.enablers],
                seed,
                n_shared,
            ))
        },
        || (CampaignBase::from_dataset(dataset, scenario), europe_growth(dataset, scenario)),
    );
    let runner = Runner {
        base,
        response,
        scenario,
        seed,
        horizon: horizon_hours(scenario),
        hold_day: scenario.value(Param::CampaignHoldDay),
        shared: shared?,
    };
    let hold_confidence = scenario.value(Param::CampaignHoldConfidence);
    let year = campaign_year(scenario);
    let headline_growth = super::growth_in(&growths, year);
    // The year's growth is the headline's when it is the campaign year itself (same draws,
    // same seed: the headline's runs are a superset of the year's).
    let is_headline = |growth: &Growth| growth.year == year && *growth == headline_growth;
    // The ensembles are independent and each is deterministic, so they run side by side
    // (most are smaller than one chunk of the runner, so this is where the cores are used);
    // results are collected in order, the same bytes whatever the threads.
    let (headline, years) = rayon::join(
        || {
            rayon::join(
                || runner.curve(Configuration { us, growth: &headline_growth, year }, CAMPAIGN_RUNS),
                || {
                    runner.curve(
                        Configuration { us: UsShares::NONE, growth: &headline_growth, year },
                        CAMPAIGN_RUNS,
                    )
                },
            )
        },
        || {
            growths
                .par_iter()
                .map(|growth| {
                    let year = growth.year;
                    // The campaign year is the headline's configuration: its figures come from
                    // the headline's larger ensemble below, so the page gives one P(hold) for it.
                    if is_headline(growth) {
                        return Ok(None);
                    }
                    let (alone, with) = rayon::join(
                        || runner.curve(Configuration { us: UsShares::NONE, growth, year }, YEAR_RUNS),
                        || runner.curve(Configuration { us, growth, year }, YEAR_RUNS),
                    );
                    Ok(Some((alone?.p_hold, with?.p_hold)))
                })
                .collect::<Result<Vec<Option<(f64, f64)>>, String>>()
        },
    );
    let (with_us, without_us) = (headline.0?, headline.1?);
    let central = ParamValues::central(scenario);
    let mut by_year = Vec::with_capacity(growths.len());
    for (growth, p_holds) in growths.iter().zip(years?) {
        let year = growth.year;
        let red_battalions =
            super::red_battalions(&runner.base, &central, year).unwrap_or((f64::NAN, f64::NAN));
        let ((p_hold, p_hold_with_us), runs) = match p_holds {
            Some(p_holds) => (p_holds, YEAR_RUNS),
            None => ((without_us.p_hold, with_us.p_hold), CAMPAIGN_RUNS),
        };
        let in_place = InPlace::of(&central, growth);
        by_year.push(YearHold {
            year,
            p_hold,
            p_hold_with_us,
            runs,
            red_battalions,
            growth: *growth,
            in_place,
        });
    }
    // A probability that could not be computed (NaN) counts as below the confidence.
    let below = |p: f64| p < hold_confidence || p.is_nan();
    let years_without_us: Vec<u16> = by_year.iter().filter(|y| below(y.p_hold)).map(|y| y.year).collect();
    let years_with_us = by_year.iter().filter(|y| below(y.p_hold_with_us)).map(|y| y.year).collect();
    let lever_years: Vec<u16> = years_without_us.iter().copied().take(LEVER_YEARS).collect();
    let levers = levers(
        &runner,
        &by_year,
        &lever_years,
        growths.last().copied().unwrap_or_default(),
        hold_confidence,
    )?;
    let first_year_europe_holds = by_year.iter().find(|y| y.p_hold >= hold_confidence).map(|y| y.year);
    Ok(CampaignAssessment {
        seed: runner.seed,
        year,
        hold_day: runner.hold_day,
        hold_confidence,
        horizon_days: runner.horizon as f64 / 24.0,
        with_us,
        without_us,
        by_year,
        first_year_europe_holds,
        window: Window { years_without_us, years_with_us, lever_years, levers },
        europe_brigades: runner.base.europe_brigades,
        brigades_estimated_for: runner.base.brigades_estimated_for.clone(),
    })
}

/// Each lever closed at once in every year of `window` (without the US): the years it removes
/// and the mean gain in P(hold), most effective first (ties in [`LEVERS`] order).
fn levers(
    runner: &Runner<'_>,
    by_year: &[YearHold],
    window: &[u16],
    last: Growth,
    hold_confidence: f64,
) -> Result<Vec<Lever>, String> {
    // The window's years at the levers' run count, so that each lever compares like with like.
    let window_years: Vec<&YearHold> = by_year.iter().filter(|y| window.contains(&y.year)).collect();
    // Every ensemble (the baseline of each year, then each lever in each year) is independent:
    // they run side by side and are read back in this order, so the sums below add in the
    // same order whatever the threads.
    let p_hold = |growth: &Growth, year: u16| -> Result<f64, String> {
        Ok(runner.curve(Configuration { us: UsShares::NONE, growth, year }, LEVER_RUNS)?.p_hold)
    };
    let baseline: Vec<f64> = window_years
        .par_iter()
        .map(|year_hold| p_hold(&year_hold.growth, year_hold.year))
        .collect::<Result<_, String>>()?;
    let closed: Vec<Option<f64>> = LEVERS
        .par_iter()
        .flat_map_iter(|(_, close)| {
            window_years.iter().map(move |year_hold| {
                let mut growth = year_hold.growth;
                close(&mut growth, &last);
                (growth, year_hold)
            })
        })
        .map(|(growth, year_hold)| {
            // A lever that changes nothing in a year is not run there.
            if growth == year_hold.growth {
                Ok(None)
            } else {
                p_hold(&growth, year_hold.year).map(Some)
            }
        })
        .collect::<Result<_, String>>()?;
    let mut levers = Vec::with_capacity(LEVERS.len());
    let n_years = window_years.len();
    for (lever_idx, (lever, _)) in LEVERS.iter().enumerate() {
        let (mut years_removed, mut gain) = (0, 0.0);
        for (p_hold, base_p_hold) in
            closed[lever_idx * n_years..(lever_idx + 1) * n_years].iter().zip(&baseline)
        {
            let Some(p_hold) = p_hold else { continue };
            years_removed += usize::from(*p_hold >= hold_confidence);
            gain += p_hold - base_p_hold;
        }
        let lever = *lever;
        let mean_p_hold_gain = if window.is_empty() { 0.0 } else { gain / window.len() as f64 };
        levers.push(Lever { lever, years_removed, mean_p_hold_gain });
    }
    levers.sort_by(|a, b| {
        b.years_removed.cmp(&a.years_removed).then(b.mean_p_hold_gain.total_cmp(&a.mean_p_hold_gain))
    });
    Ok(levers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lever_helps_when_it_removes_a_year_or_raises_p_hold_beyond_noise() {
        let lever = |years_removed, mean_p_hold_gain| Lever {
            lever: "tanker_aircraft",
            years_removed,
            mean_p_hold_gain,
        };
        assert!(!lever(0, 0.0).helps());
        assert!(!lever(0, 0.001).helps(), "a tenth of a point is sampling noise");
        assert!(lever(0, 0.02).helps());
        assert!(lever(1, 0.0).helps());
    }
}
