//! Tests of the outcomes `explore` evaluates: names checked with a suggestion, each model at
//! central values against the assessment's own path, and the campaign rows run in lanes against
//! the rows run alone.

use super::*;

fn baseline() -> (Dataset, Scenario) {
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    (dataset, scenario)
}

#[test]
fn names_are_checked_with_the_known_ones_for_a_suggestion() {
    let (dataset, scenario) = baseline();
    let named = |names: &[&str]| Selection::Named(names.iter().map(|n| n.to_string()).collect());
    let err =
        |outcome, selection: &Selection| Problem::for_outcome(&dataset, &scenario, outcome, selection).err();
    assert!(matches!(
        err("baltic.held_day_29", &Selection::AllUncertain),
        Some(ProblemError::UnknownOutcome { .. })
    ));
    match err("baltic.held", &named(&["campaign_red_folowon_share"])) {
        Some(ProblemError::UnknownParameter { known, .. }) => {
            assert!(known.contains(&"campaign_red_followon_share".to_string()))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        err("baltic.held", &named(&["nuclear_reversal_usa"])),
        Some(ProblemError::NotRead { .. })
    ));
    assert!(matches!(
        err("baltic.held", &named(&["campaign_step_hours"])),
        Some(ProblemError::Setting { .. })
    ));
    assert!(matches!(
        err("baltic.held", &named(&["campaign_personnel_per_brigade"])),
        Some(ProblemError::NotRead { .. })
    ));
    assert!(matches!(
        err("baltic.held", &named(&["campaign_heavy_share"])),
        Some(ProblemError::NotUncertain { .. })
    ));
    let twice = named(&["campaign_red_followon_share", "campaign_red_followon_share"]);
    assert!(matches!(err("baltic.held", &twice), Some(ProblemError::Duplicate { .. })));
}

#[test]
fn a_campaign_run_at_central_values_matches_the_assessment_s_path() {
    let (dataset, scenario) = baseline();
    let problem =
        Problem::for_outcome(&dataset, &scenario, "baltic.held_day_28", &Selection::AllUncertain).unwrap();
    assert!(problem.parameters.len() >= 10, "{}", problem.parameters.len());
    let central: Vec<f64> = problem.parameters.iter().map(|p| scenario.central(&p.name).unwrap()).collect();
    let mut rng = bulwark_ensemble::Streams::new(1).run(0);
    let outcomes = problem.evaluate(&central, &mut rng).unwrap();
    // The same run by the assessment's own path.
    let base = CampaignBase::from_dataset(&dataset, &scenario);
    let value = ParamValues::central(&scenario);
    // The same stream: the US-leads draw, then the alliance's decision.
    let mut rng = bulwark_ensemble::Streams::new(1).run(0);
    let us = UsShares::of(&scenario);
    let with_us = bulwark_ensemble::unit_open(&mut rng) < us.enablers;
    let response = ResponseModel::new(&dataset, &scenario).unwrap();
    let context = RunContext {
        year: bulwark_assess::campaign_inputs::campaign_year(&scenario),
        response_hours: response.draw_hours(&mut rng, with_us),
    };
    let direct = simulate(&build_inputs(&base, &value, us, &Growth::default(), context).unwrap());
    assert_eq!(outcomes[0].to_bits(), f64::from(u8::from(direct.hours_to_objective.is_none())).to_bits());
    assert!((outcomes[6] - direct.blue_losses).abs() < 1e-12);
    // Held to day 28 implies held to day 14 and 7.
    assert!(outcomes[4] <= outcomes[3] && outcomes[3] <= outcomes[2]);
}

#[test]
fn campaign_rows_in_lanes_equal_rows_run_alone_bit_for_bit() {
    let (dataset, scenario) = baseline();
    let problem =
        Problem::for_outcome(&dataset, &scenario, "baltic.held_day_28", &Selection::AllUncertain).unwrap();
    let design = crate::MorrisDesign::new(problem.parameters.len(), 4, 4, 0, 11).unwrap();
    let streams = Streams::new(11);
    let marginals = problem.marginals();
    // From row 3, so that a chunk's first row is not row 0 (a slot off by the start shows).
    let rows = 3..design.n_rows();
    let alone = evaluate_rows(&design, &marginals, rows.clone(), |row, values| {
        problem.evaluate(values, &mut streams.run(row))
    });
    let bits = |r: &[Result<Vec<f64>, &'static str>]| -> Vec<Result<Vec<u64>, &'static str>> {
        r.iter().map(|r| r.clone().map(|v| v.iter().map(|x| x.to_bits()).collect())).collect()
    };
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let lanes = pool.install(|| problem.evaluate_design(&design, rows.clone(), &streams));
        assert_eq!(bits(&lanes), bits(&alone), "{threads} threads");
    }
    // More rows than lanes, and rows that differ: a lane reading another's inputs, or a
    // result stored in another row's slot, would change the rows compared above.
    assert!(alone.len() > 2 * CAMPAIGN_LANES, "{}", alone.len());
    let mut losses: Vec<u64> = alone.iter().map(|r| r.as_ref().unwrap()[6].to_bits()).collect();
    losses.sort_unstable();
    losses.dedup();
    assert!(losses.len() > alone.len() / 2, "{} distinct Blue losses", losses.len());
}

#[test]
fn nuclear_and_iamd_outcomes_evaluate_at_central_values() {
    let (dataset, scenario) = baseline();
    for (outcome, n) in [
        ("nuclear.credibility", 3),
        ("iamd.leakers", 4),
        ("decision.in_time_with_us", 3),
        ("assessment.horizon_cost_eur_bn", 6),
    ] {
        let problem = Problem::for_outcome(&dataset, &scenario, outcome, &Selection::AllUncertain).unwrap();
        let central: Vec<f64> =
            problem.parameters.iter().map(|p| scenario.central(&p.name).unwrap()).collect();
        let values = problem.evaluate(&central, &mut bulwark_ensemble::Streams::new(1).run(0)).unwrap();
        assert_eq!(values.len(), n);
        assert!(values.iter().all(|v| v.is_finite()), "{outcome}: {values:?}");
    }
}

/// The decision outcome drawn row by row agrees with the assessment's own ensemble (4,000
/// Latin-hypercube draws) within 0.04, about four standard errors of 2,048 rows.
#[test]
fn deciding_in_time_matches_the_assessment_s_ensemble() {
    let (dataset, scenario) = baseline();
    let problem =
        Problem::for_outcome(&dataset, &scenario, "decision.in_time_with_us", &Selection::AllUncertain)
            .unwrap();
    let design = crate::SobolSample::new(2048, problem.parameters.len(), 11).unwrap();
    let streams = bulwark_ensemble::Streams::new(11);
    let rows = crate::evaluate_rows(&design, &problem.marginals(), 0..2048, |row, values| {
        problem.evaluate(values, &mut streams.run(row)).unwrap()
    });
    let mean = |col: usize| rows.iter().map(|r| r[col]).sum::<f64>() / rows.len() as f64;
    let assessed = bulwark_assess::decision_inputs::assess_decision(&dataset, &scenario).unwrap();
    assert!(
        (mean(0) - assessed.p_in_time_with_us).abs() < 0.04,
        "{} vs {}",
        mean(0),
        assessed.p_in_time_with_us
    );
    assert!(
        (mean(1) - assessed.p_in_time_without_us).abs() < 0.04,
        "{} vs {}",
        mean(1),
        assessed.p_in_time_without_us
    );
}
