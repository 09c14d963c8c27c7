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
use bulwark_ensemble::Streams;
use bulwark_scenario::Scenario;

use crate::bootstrap::BootstrapSettings;
use crate::design::UnitDesign;
use crate::morris::{morris_indices, MorrisDesign};
use crate::outcomes::{Problem, Selection};
use crate::report::ranked;

/// Trajectories of the screen.
pub const SCREEN_TRAJECTORIES: usize = 4;
/// Grid levels of the screen.
pub const SCREEN_LEVELS: u32 = 4;
/// Drivers named per headline.
pub const DRIVERS_NAMED: usize = 3;

/// A headline: its figure, the outcome screened for it, and what it says.
struct Screen {
    outcome: &'static str,
    screened: &'static str,
    headline: &'static str,
}

const fn screen(outcome: &'static str, screened: &'static str, headline: &'static str) -> Screen {
    Screen { outcome, screened, headline }
}

/// The headlines, grouped by model so that each model runs one design.
const SCREENS: [(&str, &[Screen]); 4] = [
    (
        "baltic.hours_to_objective",
        &[screen(
            "baltic.held_day_28",
            "baltic.hours_to_objective",
            "whether the Baltic defence holds to day 28 (with the scenario's US posture)",
        )],
    ),
    (
        "assessment.horizon_cost_eur_bn",
        &[
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
    ),
    (
        "nuclear.credibility_without_us",
        &[screen(
            "nuclear.credibility_without_us",
            "nuclear.credibility_without_us",
            "extended-deterrence credibility without the US",
        )],
    ),
    (
        "iamd.leak_fraction_without_us",
        &[screen(
            "iamd.leak_fraction_without_us",
            "iamd.leak_fraction_without_us",
            "the share of missiles and drones leaking through Europe's own air defence",
        )],
    ),
];

/// The drivers of every headline whose model runs on `scenario`; a model that reads no
/// uncertain parameter, or whose screen has a failed run, gives none.
pub fn headline_drivers(dataset: &Dataset, scenario: &Scenario) -> Vec<HeadlineDrivers> {
    let seed = scenario.seed.value;
    let mut out = Vec::new();
    for (any_outcome, screens) in SCREENS {
        let Ok(problem) = Problem::for_outcome(dataset, scenario, any_outcome, &Selection::AllUncertain)
        else {
            continue;
        };
        let Ok(design) =
            MorrisDesign::new(problem.parameters.len(), SCREEN_TRAJECTORIES, SCREEN_LEVELS, 0, seed)
        else {
            continue;
        };
        let streams = Streams::new(seed);
        let rows = problem.evaluate_design(&design, 0..design.n_rows(), &streams);
        let Ok(rows) = rows.into_iter().collect::<Result<Vec<Vec<f64>>, _>>() else {
            continue;
        };
        for screen in screens {
            if let Some(drivers) = drivers_of(scenario, &problem, &design, &rows, screen) {
                out.push(drivers);
            }
        }
    }
    out
}

fn drivers_of(
    scenario: &Scenario,
    problem: &Problem<'_>,
    design: &MorrisDesign,
    rows: &[Vec<f64>],
    screen: &Screen,
) -> Option<HeadlineDrivers> {
    let seed = scenario.seed.value;
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
        runs: design.n_rows(),
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
