//! Hand-checked cases and properties of the threat trajectory.

use proptest::prelude::*;

use super::*;

fn tanks(active: f64, stored: Option<f64>, new: f64, refurbished: f64, losses: Option<f64>) -> LineStart {
    LineStart {
        line: "main_battle_tanks".to_string(),
        units_per_battalion: 10.0,
        active: Some(active),
        as_of_year: None,
        stored,
        new_per_year: Some(new),
        refurbished_per_year: Some(refurbished),
        war_losses_per_year: losses,
    }
}

fn plain() -> ThreatParams {
    ThreatParams {
        war_end_year: 2026.0,
        loss_scale: 1.0,
        ukraine_share_at_war: 0.8,
        ukraine_share_after_war: 0.2,
        reconstitution_years: 2.0,
        held_back_share: 0.5,
        mobilisation: 1.0,
        personnel_per_battalion: 1000.0,
        spending_growth: 0.0,
        production_cap_multiple: 2.0,
        sanctions_effect: 0.0,
        unknown_stock_years: 2.0,
        retirement_rate: 0.0,
    }
}

fn inputs(lines: Vec<LineStart>, params: ThreatParams) -> ThreatInputs {
    ThreatInputs { start_year: 2024, n_years: 6, lines, personnel: None, params }
}

#[test]
fn hand_checked_trajectory() {
    // Two years of war (2024, 2025): 1000 + 400 + 300 − 1000 = 700, then 700 + 400 + 200 − 1000
    // = 300 (stored 500 → 200 → 0, so the second refurbishment is 200). From 2026 no losses and
    // nothing left to refurbish: 300 + 400 = 700.
    let input = inputs(vec![tanks(1000.0, Some(500.0), 400.0, 300.0, Some(1000.0))], plain());
    input.validate().unwrap();
    let trajectory = project(&input);
    let force = trajectory.lines[0].force.as_ref().unwrap();
    assert_eq!(&force[..4], &[1000.0, 700.0, 300.0, 700.0]);
    assert_eq!(trajectory.lines[0].stored.as_ref().unwrap()[..4], [500.0, 200.0, 0.0, 0.0]);
    // Ukraine share: 0.8 in 2024 and 2025, 0.8 at the war's end (2026), 0.5 a year later, 0.2
    // from 2028. Available 2027 = 700 × 0.5 × 0.5 = 175 → 17.5 battalions.
    assert!((trajectory.ukraine_share[3] - 0.5).abs() < 1e-12, "{:?}", trajectory.ukraine_share);
    assert!((trajectory.battalions[3] - 17.5).abs() < 1e-9, "{:?}", trajectory.battalions);
    assert_eq!(trajectory.pacing[3], Pacing::Line("main_battle_tanks".to_string()));
    assert_eq!(trajectory.lines[0].missing, Vec::<&str>::new());
}

#[test]
fn missing_figures_are_listed_and_never_filled() {
    let unknown = LineStart {
        line: "infantry_fighting_vehicles".to_string(),
        units_per_battalion: 40.0,
        active: None,
        as_of_year: None,
        stored: None,
        new_per_year: Some(100.0),
        refurbished_per_year: None,
        war_losses_per_year: None,
    };
    let input = inputs(vec![tanks(1000.0, None, 0.0, 0.0, None), unknown], plain());
    let trajectory = project(&input);
    assert_eq!(trajectory.lines[0].missing, vec!["stored stock", "losses"]);
    assert_eq!(trajectory.lines[1].missing, vec!["holding", "stored stock", "refurbishment", "losses"]);
    assert!(trajectory.lines[1].force.is_none());
    // The unknown line takes no part in the count: tanks alone pace it.
    assert!((trajectory.battalions[0] - 1000.0 * 0.2 * 0.5 / 10.0).abs() < 1e-9);
    // Nothing known at all: no count, every year Unknown.
    let nothing = project(&inputs(vec![input.lines[1].clone()], plain()));
    assert!(nothing.battalions.is_empty() && nothing.pacing.iter().all(|p| *p == Pacing::Unknown));
}

#[test]
fn a_line_changes_only_from_its_own_year_and_an_unknown_stock_lasts_r_years() {
    // Figure of 2026 in a trajectory from 2024: flat until 2026. No stored figure, but a
    // refurbishment rate of 300: the implied stock is 300 × 2 years = 600, drawn at 300 a year.
    // War until 2026 (plain), so no losses from 2026 on: 1000 → 1300 → 1600 → 1600.
    let mut line = tanks(1000.0, None, 0.0, 300.0, Some(500.0));
    line.as_of_year = Some(2026);
    let trajectory = project(&inputs(vec![line], plain()));
    let force = trajectory.lines[0].force.as_ref().unwrap();
    assert_eq!(&force[..6], &[1000.0, 1000.0, 1000.0, 1300.0, 1600.0, 1600.0]);
    // The implied stock is not reported as a figure and stays listed as missing.
    assert!(trajectory.lines[0].stored.is_none());
    assert_eq!(trajectory.lines[0].missing, vec!["stored stock"]);
}

#[test]
fn personnel_caps_the_count() {
    let mut input = inputs(vec![tanks(100_000.0, None, 0.0, 0.0, Some(0.0))], plain());
    input.personnel = Some(100_000.0);
    let trajectory = project(&input);
    // Personnel: 100,000 × 1 × 0.2 × 0.5 / 1000 = 10 battalions < tanks' 1000.
    assert!((trajectory.battalions[0] - 10.0).abs() < 1e-9);
    assert_eq!(trajectory.pacing[0], Pacing::Personnel);
}

#[test]
fn readiness_year_interpolates_within_the_year() {
    assert_eq!(readiness_year(2025, &[10.0, 20.0, 40.0], 30.0), Some(2026.5));
    assert_eq!(readiness_year(2025, &[10.0, 20.0, 40.0], 5.0), Some(2025.0));
    assert_eq!(readiness_year(2025, &[10.0, 20.0, 40.0], 41.0), None);
    assert_eq!(readiness_year(2025, &[], 1.0), None);
}

#[test]
fn invalid_inputs_are_named() {
    let bad = ThreatParams { ukraine_share_after_war: 0.9, ..plain() };
    let err = inputs(vec![], bad).validate().unwrap_err();
    assert!(err.to_string().contains("ukraine_share_after_war"), "{err}");
    let err = inputs(vec![tanks(-1.0, None, 0.0, 0.0, None)], plain()).validate().unwrap_err();
    assert!(err.to_string().contains("lines[0].active"), "{err}");
}

fn arbitrary_params() -> impl Strategy<Value = ThreatParams> {
    (
        2024.0f64..2040.0,
        0.0f64..2.0,
        0.3f64..1.0,
        0.0f64..0.3,
        0.0f64..3.0,
        0.0f64..0.6,
        -0.1f64..0.1,
        0.0f64..0.5,
    )
        .prop_map(|(war_end_year, loss_scale, at_war, after, lag, held, growth, sanctions)| {
            ThreatParams {
                war_end_year,
                loss_scale,
                ukraine_share_at_war: at_war,
                ukraine_share_after_war: after,
                reconstitution_years: lag,
                held_back_share: held,
                spending_growth: growth,
                sanctions_effect: sanctions,
                ..plain()
            }
        })
}

proptest! {
    #[test]
    fn more_production_never_makes_a_clock_later(
        params in arbitrary_params(),
        active in 100.0f64..3000.0,
        stored in 0.0f64..5000.0,
        new in 0.0f64..500.0,
        refurbished in 0.0f64..1500.0,
        extra in 0.0f64..500.0,
        losses in 0.0f64..2000.0,
        required in 1.0f64..200.0,
    ) {
        let run = |new_rate: f64| {
            let mut input = inputs(vec![tanks(active, Some(stored), new_rate, refurbished, Some(losses))], params);
            input.n_years = 15;
            let trajectory = project(&input);
            readiness_year(2024, &trajectory.battalions, required).unwrap_or(f64::INFINITY)
        };
        prop_assert!(run(new + extra) <= run(new));
        // The same for refurbishment from a stock the dataset lacks (the implied stock of `r`
        // years grows with the rate).
        let unknown_stock = |refurb_rate: f64| {
            let mut input = inputs(vec![tanks(active, None, new, refurb_rate, Some(losses))], params);
            input.n_years = 15;
            readiness_year(2024, &project(&input).battalions, required).unwrap_or(f64::INFINITY)
        };
        prop_assert!(unknown_stock(refurbished + extra) <= unknown_stock(refurbished));
    }

    #[test]
    fn an_earlier_ceasefire_never_leaves_russia_weaker(
        params in arbitrary_params(),
        earlier in 2024.0f64..2035.0,
        delay in 0.0f64..20.0,
        active in 100.0f64..3000.0,
        losses in 0.0f64..2000.0,
    ) {
        let run = |war_end_year: f64| {
            let mut input = inputs(
                vec![tanks(active, Some(4000.0), 300.0, 1000.0, Some(losses))],
                ThreatParams { war_end_year, ..params },
            );
            input.n_years = 20;
            input.personnel = Some(1_000_000.0);
            project(&input).battalions
        };
        let (early, late) = (run(earlier), run(earlier + delay));
        for (t, (e, l)) in early.iter().zip(&late).enumerate() {
            prop_assert!(*e >= *l - 1e-9, "year {}: ceasefire {} gives {}, {} gives {}", t, earlier, e, earlier + delay, l);
        }
    }

    /// `battalions_at` gives exactly (bit for bit) the year's battalions of the whole
    /// projection, for lines with and without stocks, a line from a later year, a line without
    /// a holding, and with and without the personnel figure.
    #[test]
    fn battalions_at_equals_the_projection_bit_for_bit(
        params in arbitrary_params(),
        active in 100.0f64..3000.0,
        stored in prop::option::of(0.0f64..5000.0),
        refurbished in 0.0f64..1500.0,
        losses in prop::option::of(0.0f64..2000.0),
        as_of in prop::option::of(2024u16..2030),
        personnel in prop::option::of(1e4f64..2e6),
        n_years in 1usize..25,
    ) {
        let mut later = tanks(active * 0.7, None, 120.0, refurbished, losses);
        later.line = "artillery".to_string();
        later.units_per_battalion = 18.0;
        later.as_of_year = as_of;
        let mut missing = tanks(active, None, 0.0, 0.0, None);
        missing.active = None;
        let mut input = inputs(vec![tanks(active, stored, 300.0, refurbished, losses), later, missing], params);
        input.n_years = n_years;
        input.personnel = personnel;
        let trajectory = project(&input);
        for t in 0..n_years + 2 {
            let want = trajectory.battalions.get(t).map(|bn| bn.to_bits());
            prop_assert_eq!(battalions_at(&input, t).map(f64::to_bits), want, "year {}", t);
        }
        // No holding and no personnel: no battalions either way.
        let mut none = inputs(vec![missing_line()], params);
        none.n_years = n_years;
        prop_assert!(project(&none).battalions.is_empty());
        prop_assert_eq!(battalions_at(&none, 0), None);
    }
}

fn missing_line() -> LineStart {
    LineStart { active: None, ..tanks(1.0, None, 0.0, 0.0, None) }
}

#[test]
fn retirement_runs_after_the_war_and_levels_the_force_off() {
    // War ends at the start of 2026. 2024 and 2025 are war years: no retirement, the same
    // figures as without it (1000 → 700 → 300). From 2026, 10 % retires a year and 400 are
    // built: 300 + 400 − 30 = 670, then 670 + 400 − 67 = 1003.
    let params = ThreatParams { retirement_rate: 0.1, ..plain() };
    let input = inputs(vec![tanks(1000.0, Some(500.0), 400.0, 300.0, Some(1000.0))], params);
    input.validate().unwrap();
    let force = project(&input).lines[0].force.clone().unwrap();
    let want = [1000.0, 700.0, 300.0, 670.0, 1003.0];
    for (got, want) in force.iter().zip(want) {
        assert!((got - want).abs() < 1e-9, "{force:?}");
    }
    // Far out the force levels off at new build / ρ = 4000, where it would grow by 400 a
    // year for ever without retirement.
    let mut long = inputs(vec![tanks(1000.0, Some(500.0), 400.0, 300.0, Some(1000.0))], params);
    long.n_years = 200;
    let force = project(&long).lines[0].force.clone().unwrap();
    assert!((force[199] - 4000.0).abs() < 1.0, "{}", force[199]);
    let invalid = inputs(vec![], ThreatParams { retirement_rate: 1.5, ..plain() });
    assert!(invalid.validate().unwrap_err().to_string().contains("retirement_rate"));
}

proptest! {
    /// Retiring more never leaves Russia stronger, in any year, and changes nothing while the
    /// war goes on.
    #[test]
    fn more_retirement_never_raises_the_force(
        params in arbitrary_params(),
        rate in 0.0f64..0.3,
        extra in 0.0f64..0.3,
        active in 100.0f64..3000.0,
        stored in prop::option::of(0.0f64..5000.0),
        new in 0.0f64..500.0,
        refurbished in 0.0f64..1500.0,
        losses in prop::option::of(0.0f64..2000.0),
    ) {
        let run = |retirement_rate: f64| {
            let mut input = inputs(
                vec![tanks(active, stored, new, refurbished, losses)],
                ThreatParams { retirement_rate, ..params },
            );
            input.n_years = 25;
            input.personnel = Some(2_000_000.0);
            project(&input).battalions
        };
        let (less, more) = (run(rate), run(rate + extra));
        for (t, (l, m)) in less.iter().zip(&more).enumerate() {
            prop_assert!(*m <= *l + 1e-9, "year {}: rate {} gives {}, {} gives {}", t, rate, l, rate + extra, m);
            if 2024.0 + (t as f64) < params.war_end_year.floor() {
                prop_assert!((m - l).abs() < 1e-9, "year {} is at war", t);
            }
        }
    }
}
