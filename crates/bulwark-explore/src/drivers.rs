//! The assumptions behind each headline of `bulwark assess`: a cheap Morris screen of every
//! uncertain parameter of the headline's model, run inside the assessment.
//!
//! # Model card
//!
//! **Screen.** For each model behind a headline (the Baltic campaign, the assessment's core of
//! ledger, budget and closure, the nuclear model, the IAMD model), one Morris design of
//! [`SCREEN_TRAJECTORIES`] random trajectories on [`SCREEN_LEVELS`] levels over every uncertain
//! parameter the model reads (`r(d + 1)` runs, no trajectory selection), seeded by the
//! scenario's seed, and the μ* of every parameter for each headline figure of the model (see
//! [`crate::morris_indices`]). The two or three parameters with the largest μ* are the
//! headline's drivers; each is given with its share of the sum of μ*.
//!
//! **Screened outcome.** An indicator (the Baltic defence holds to day 28) gives elementary
//! effects of −2, 0 or 2, too coarse for four trajectories; its screen reads the hours Red takes
//! to reach the objective, which decides the indicator.
//!
//! **Precision.** Four trajectories rank strong drivers reliably and weak ones not at all
//! (Campolongo et al. 2007 use 10 or more); the report calls the result a screen, and
//! `bulwark explore morris` or `sobol` on the same outcome gives the full analysis.
//!
//! **Determinism.** Rows are computed from their index and the seed, and each row's random
//! stream is `(seed, row)`, so the drivers do not depend on the thread count. The campaign's
//! rows run side by side in SIMD lanes ([`crate::outcomes::Problem::evaluate_design`]), each
//! bit for bit the run made alone.

use bulwark_assess::{Driver, HeadlineDrivers};
use bulwark_data::Dataset;
use bulwark_ensemble::{splitmix64, Streams};
use bulwark_scenario::{Param, Scenario};

use crate::bootstrap::BootstrapSettings;
use crate::design::UnitDesign;
use crate::morris::{morris_indices, MorrisDesign};
use crate::outcomes::{Problem, Selection};
use crate::report::ranked;

/// Trajectories of each model's screen (Campolongo et al. 2007 recommend 10 or more).
pub const SCREEN_TRAJECTORIES: usize = 10;
/// Runs of the Baltic campaign per design point, on common random numbers.
pub const BALTIC_REPLICATES: u64 = 4;
/// Grid levels of the screen.
pub const SCREEN_LEVELS: u32 = 4;
/// Drivers named per headline.
pub const DRIVERS_NAMED: usize = 3;
/// The day the Baltic headline asks about: the screen's campaign stops there.
const HOLD_DAY: f64 = 28.0;
/// Separates the screen's run streams from its design's trajectory streams ("DrvRuns!").
const RUNS_DOMAIN: u64 = 0x4472_7652_756E_7321;

/// A headline: its figure, the outcome screened for it, and what it says.
struct Screen {
    outcome: &'static str,
    screened: &'static str,
    headline: &'static str,
}

const fn screen(outcome: &'static str, screened: &'static str, headline: &'static str) -> Screen {
    Screen { outcome, screened, headline }
}

/// One model's screen: an outcome that names the model, the runs per design point (on common
/// random numbers) and the headlines it serves.
struct ModelScreen {
    model_outcome: &'static str,
    replicates: u64,
    screens: &'static [Screen],
}

/// The headlines, grouped by model so that each model runs one design.
const SCREENS: [ModelScreen; 4] = [
    ModelScreen {
        model_outcome: "baltic.held_day_28",
        replicates: BALTIC_REPLICATES,
        screens: &[screen(
            "baltic.held_day_28",
            "baltic.held_day_28",
            "whether the Baltic defence holds to day 28 (with the scenario's US posture)",
        )],
    },
    ModelScreen {
        model_outcome: "assessment.horizon_cost_eur_bn",
        replicates: 1,
        screens: &[
            screen(
                "assessment.horizon_cost_eur_bn",
                "assessment.horizon_cost_eur_bn",
                "the cost of closing Europe's own gaps over the horizon",
            ),
            screen(
                "assessment.window_closes_year",
                "assessment.window_closes_year",
                "the year the last critical gap closes",
            ),
            screen(
                "assessment.multi_domain_alone",
                "assessment.multi_domain_alone",
                "Europe's own score on multi-domain forces (axis 5)",
            ),
        ],
    },
    ModelScreen {
        model_outcome: "nuclear.credibility_without_us",
        replicates: 1,
        screens: &[screen(
            "nuclear.credibility_without_us",
            "nuclear.credibility_without_us",
            "extended-deterrence credibility without the US",
        )],
    },
    ModelScreen {
        model_outcome: "iamd.leak_fraction_without_us",
        replicates: 1,
        screens: &[screen(
            "iamd.leak_fraction_without_us",
            "iamd.leak_fraction_without_us",
            "the share of missiles and drones leaking through Europe's own air defence",
        )],
    },
];

/// How a screen is sized: trajectories per model and runs per Baltic point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ScreenSize {
    pub(crate) trajectories: usize,
    pub(crate) baltic_replicates: u64,
}

/// The screen `bulwark assess` runs.
pub(crate) const SCREEN_SIZE: ScreenSize =
    ScreenSize { trajectories: SCREEN_TRAJECTORIES, baltic_replicates: BALTIC_REPLICATES };

/// The drivers of every headline whose model runs on `scenario`; a model that reads no
/// uncertain parameter, or whose screen has a failed run, gives none.
pub fn headline_drivers(dataset: &Dataset, scenario: &Scenario) -> Vec<HeadlineDrivers> {
    headline_drivers_with(dataset, scenario, scenario.seed.value, SCREEN_SIZE)
}

/// [`headline_drivers`] with another seed and size (the tests' comparisons).
pub(crate) fn headline_drivers_with(
    dataset: &Dataset,
    scenario: &Scenario,
    seed: u64,
    size: ScreenSize,
) -> Vec<HeadlineDrivers> {
    // The campaign stops at the day its headline asks about: what happens later cannot change
    // whether the defence held to that day, and a run that holds costs half the steps.
    let mut to_hold_day = scenario.clone();
    if let Some(horizon) = to_hold_day.parameters.get_mut(Param::CampaignHorizonDays.name()) {
        let days = horizon.distribution.central().min(HOLD_DAY);
        horizon.distribution = bulwark_core::Distribution::Fixed(days);
    }
    let mut out = Vec::new();
    for model in &SCREENS {
        let replicates = if model.replicates > 1 { size.baltic_replicates } else { 1 };
        let on = if replicates > 1 { &to_hold_day } else { scenario };
        let Ok(problem) = Problem::for_outcome(dataset, on, model.model_outcome, &Selection::AllUncertain)
        else {
            continue;
        };
        let Ok(design) = MorrisDesign::new(problem.parameters.len(), size.trajectories, SCREEN_LEVELS, 0, seed)
        else {
            continue;
        };
        let Some(rows) = point_means(&problem, &design, replicates, seed) else {
            continue;
        };
        for screen in model.screens {
            if let Some(drivers) = drivers_of(scenario, &problem, &design, replicates, &rows, screen, seed) {
                out.push(drivers);
            }
        }
    }
    out
}

/// Every outcome of every point of `design`, each the mean over `replicates` runs. Replicate
/// `k` of every point of trajectory `t` runs on the stream `(t, k)`: the points of a trajectory
/// share their random numbers, so an elementary effect is the moved parameter's alone.
fn point_means(problem: &Problem<'_>, design: &MorrisDesign, replicates: u64, seed: u64) -> Option<Vec<Vec<f64>>> {
    let per_trajectory = design.n_params() as u64 + 1;
    let expanded = Replicated { design, replicates };
    let streams = Streams::new(splitmix64(&mut (seed ^ RUNS_DOMAIN)));
    let stream_of = |row: u64| (row / replicates / per_trajectory) * replicates + row % replicates;
    let runs = problem.evaluate_design_on(&expanded, 0..expanded.n_rows(), &streams, &stream_of);
    let runs = runs.into_iter().collect::<Result<Vec<Vec<f64>>, _>>().ok()?;
    Some(
        runs.chunks_exact(replicates as usize)
            .map(|point| {
                (0..point[0].len())
                    .map(|column| point.iter().map(|run| run[column]).sum::<f64>() / replicates as f64)
                    .collect()
            })
            .collect(),
    )
}

/// A design with every row repeated `replicates` times in a row.
struct Replicated<'a> {
    design: &'a MorrisDesign,
    replicates: u64,
}

impl UnitDesign for Replicated<'_> {
    fn n_params(&self) -> usize {
        self.design.n_params()
    }

    fn n_rows(&self) -> u64 {
        self.design.n_rows() * self.replicates
    }

    fn row_into(&self, row: u64, out: &mut [f64]) {
        self.design.row_into(row / self.replicates, out);
    }
}

fn drivers_of(
    scenario: &Scenario,
    problem: &Problem<'_>,
    design: &MorrisDesign,
    replicates: u64,
    rows: &[Vec<f64>],
    screen: &Screen,
    seed: u64,
) -> Option<HeadlineDrivers> {
    let column = problem.outcome_index(screen.screened).ok()?;
    let values: Vec<f64> = rows.iter().map(|r| r[column]).collect();
    // No resamples: the screen names drivers, it does not give intervals.
    let settings = BootstrapSettings::new(0, 0.9, seed).ok()?;
    let indices = morris_indices(design, &values, &settings).ok()?;
    let total: f64 = indices.mu_star.iter().map(|e| e.value).sum();
    let drivers = ranked(problem.parameters.len(), |i| indices.mu_star[i].value)
        .into_iter()
        // A parameter with under 1 % of the summed μ* is no driver, however it ranks.
        .filter(|&i| indices.mu_star[i].value > 0.01 * total)
        .take(DRIVERS_NAMED)
        .map(|i| Driver {
            parameter: problem.parameters[i].name.clone(),
            unit: problem.parameters[i].param.map_or("", |p| scenario.param(p).unit.name),
            mu_star: indices.mu_star[i].value,
            share: indices.mu_star[i].value / total,
        })
        .collect();
    Some(HeadlineDrivers {
        outcome: screen.outcome,
        headline: screen.headline,
        screened: screen.screened,
        unit: problem.outcomes[column].unit,
        trajectories: design.n_trajectories(),
        runs: design.n_rows() * replicates,
        n_parameters: problem.parameters.len(),
        drivers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_headline_names_drivers_the_same_for_any_thread_count() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("us-full-withdrawal", &dataset).unwrap();
        let in_pool = |threads| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| headline_drivers(&dataset, &scenario))
        };
        let one = in_pool(1);
        assert_eq!(one, in_pool(2));
        let outcomes: Vec<&str> = one.iter().map(|h| h.outcome).collect();
        assert_eq!(outcomes.len(), 6, "{outcomes:?}");
        for headline in &one {
            // Axis 5's Europe-alone score is a ratio of holdings in which availability cancels
            // (replace-us mode): no uncertainty of the core moves it, and the screen says so.
            if headline.outcome == "assessment.multi_domain_alone" {
                assert!(headline.drivers.is_empty(), "{:?}", headline.drivers);
                continue;
            }
            assert!(!headline.drivers.is_empty(), "{}: no driver", headline.outcome);
            assert!(headline.drivers.len() <= DRIVERS_NAMED);
            // Largest first, shares of a whole, each a parameter the model reads.
            for pair in headline.drivers.windows(2) {
                assert!(pair[0].mu_star >= pair[1].mu_star);
            }
            let share: f64 = headline.drivers.iter().map(|d| d.share).sum();
            assert!(share > 0.0 && share <= 1.0 + 1e-12, "{share}");
            assert!(headline.drivers.iter().all(|d| scenario.parameter(&d.parameter).is_some()));
            assert_eq!(headline.runs, (SCREEN_TRAJECTORIES * (headline.n_parameters + 1)) as u64);
        }
    }

    #[test]
    fn a_parameter_fixed_in_the_scenario_is_no_driver() {
        // The baltic screen's top driver, fixed to its central value, leaves the list.
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("us-full-withdrawal", &dataset).unwrap();
        let baltic = |s: &Scenario| {
            headline_drivers(&dataset, s).into_iter().find(|h| h.outcome == "baltic.held_day_28").unwrap()
        };
        let top = baltic(&scenario).drivers[0].parameter.clone();
        let mut fixed = scenario.clone();
        let parameter = fixed.parameters.get_mut(&top).unwrap();
        parameter.distribution = bulwark_core::Distribution::Fixed(parameter.distribution.central());
        let after = baltic(&fixed);
        assert!(after.drivers.iter().all(|d| d.parameter != top), "{top} still named");
        assert_eq!(after.n_parameters + 1, baltic(&scenario).n_parameters);
    }
}

#[cfg(test)]
mod scratch {
    use super::*;

    #[test]
    fn scratch_stability() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = Scenario::load("baseline", &dataset).unwrap();
        let mut to_hold_day = scenario.clone();
        let h = to_hold_day.parameters.get_mut("campaign_horizon_days").unwrap();
        h.distribution = bulwark_core::Distribution::Fixed(28.0);
        let problem =
            Problem::for_outcome(&dataset, &to_hold_day, "baltic.held_day_28", &Selection::AllUncertain).unwrap();
        let sizes: Vec<(usize, u64)> = std::env::var("SIZES")
            .unwrap_or("4,1;10,1;20,1;10,4".into())
            .split(';')
            .map(|p| {
                let mut it = p.split(',');
                (it.next().unwrap().parse().unwrap(), it.next().unwrap().parse().unwrap())
            })
            .collect();
        for (r, reps) in sizes {
            for seed in 1..=4u64 {
                let design = MorrisDesign::new(problem.parameters.len(), r, SCREEN_LEVELS, 0, seed).unwrap();
                let t = std::time::Instant::now();
                let rows = point_means(&problem, &design, reps, seed).unwrap();
                let el = t.elapsed();
                for col in ["baltic.held_day_28", "baltic.hours_to_objective", "baltic.advance_share"] {
                    let c = problem.outcome_index(col).unwrap();
                    let values: Vec<f64> = rows.iter().map(|x| x[c]).collect();
                    let settings = BootstrapSettings::new(0, 0.9, seed).unwrap();
                    let idx = morris_indices(&design, &values, &settings).unwrap();
                    let total: f64 = idx.mu_star.iter().map(|e| e.value).sum();
                    let top: Vec<String> = ranked(problem.parameters.len(), |i| idx.mu_star[i].value)
                        .into_iter()
                        .take(4)
                        .map(|i| {
                            format!(
                                "{} {:.0}%",
                                problem.parameters[i].name.trim_start_matches("campaign_"),
                                100.0 * idx.mu_star[i].value / total
                            )
                        })
                        .collect();
                    let mean = values.iter().sum::<f64>() / values.len() as f64;
                    println!("r={r} R={reps} seed={seed} {col:>26} mean={mean:.3} {:?} | {}", el, top.join(", "));
                }
            }
        }
    }
}
