//! Tests of the canonical attrition benchmark: hand-checked runs, agreement with a literal
//! transcription of docs/design.md §7, determinism across threads and shards, flat summaries.

use proptest::prelude::*;

use super::*;
use crate::runner::Shard;
use crate::stream::Streams;
use std::ops::Range;

fn draw(blue0: f64, red0: f64, a: f64, b: f64, exponent: f64) -> AttritionDraw {
    AttritionDraw {
        blue0,
        red0,
        red_effect_per_hour: a,
        blue_effect_per_hour: b,
        exponent,
        reinforcement: 0.0,
        reinforcement_hour: 10_000,
    }
}

fn close(left: f64, right: f64) -> bool {
    (left - right).abs() <= 1e-9 * right.abs().max(1.0)
}

#[test]
fn hand_checked_runs() {
    // e = 0.5, B = 20, R = 80: dB = 0.5·√(80·20) = 20, dR = 0.1·40 = 4; Blue is wiped out in
    // the first hour.
    let run = simulate(&draw(20.0, 80.0, 0.5, 0.1, 0.5));
    assert_eq!((run.end, run.end_hour), (AttritionEnd::BlueBreaks, 1));
    assert!(close(run.final_blue, 0.0) && close(run.final_red, 76.0), "{run:?}");

    // e = 1 (square law), B = 40, R = 20: dB = 0.01·20 = 0.2, dR = 0.5·40 = 20: Red hits 0.
    let run = simulate(&draw(40.0, 20.0, 0.01, 0.5, 1.0));
    assert_eq!((run.end, run.end_hour), (AttritionEnd::RedBreaks, 1));
    assert!(close(run.final_blue, 39.8) && close(run.final_red, 0.0), "{run:?}");

    // b = 0 keeps R = 100, so with e = 1 Blue loses 0.065·100 = 6.5 per hour: 20 → 13.5 → 7
    // (above the break point 6) → 0.5 at the end of hour 2, breaking with end hour 3.
    let run = simulate(&draw(20.0, 100.0, 0.065, 0.0, 1.0));
    assert_eq!((run.end, run.end_hour), (AttritionEnd::BlueBreaks, 3));
    assert!(close(run.final_blue, 0.5) && close(run.final_red, 100.0), "{run:?}");

    // The same with 10 arriving at the start of hour 2: 7 + 10 = 17 → 10.5 → 4, end hour 4.
    let reinforced =
        AttritionDraw { reinforcement: 10.0, reinforcement_hour: 2, ..draw(20.0, 100.0, 0.065, 0.0, 1.0) };
    let run = simulate(&reinforced);
    assert_eq!((run.end, run.end_hour), (AttritionEnd::BlueBreaks, 4));
    assert!(close(run.final_blue, 4.0), "{run:?}");

    // No fire at all: the horizon is reached with the reinforcement added once.
    let idle =
        AttritionDraw { reinforcement: 5.0, reinforcement_hour: 100, ..draw(20.0, 50.0, 0.0, 0.0, 0.7) };
    let run = simulate(&idle);
    assert_eq!((run.end, run.end_hour), (AttritionEnd::Horizon, 720));
    assert!(close(run.final_blue, 25.0) && close(run.final_red, 50.0), "{run:?}");
}

/// docs/design.md §7 transcribed literally, with `powf`, as an independent reference.
fn simulate_literally(p: &AttritionDraw) -> AttritionRun {
    let (mut blue, mut red) = (p.blue0, p.red0);
    for h in 0..720 {
        if h == p.reinforcement_hour {
            blue += p.reinforcement;
        }
        let d_blue = p.red_effect_per_hour * red.powf(p.exponent) * blue.powf(1.0 - p.exponent);
        let d_red = p.blue_effect_per_hour * blue.powf(p.exponent) * red.powf(1.0 - p.exponent);
        blue = (blue - d_blue).max(0.0);
        red = (red - d_red).max(0.0);
        if blue < 0.3 * p.blue0 {
            return AttritionRun {
                end: AttritionEnd::BlueBreaks,
                end_hour: h + 1,
                final_blue: blue,
                final_red: red,
            };
        }
        if red < 0.3 * p.red0 {
            return AttritionRun {
                end: AttritionEnd::RedBreaks,
                end_hour: h + 1,
                final_blue: blue,
                final_red: red,
            };
        }
    }
    AttritionRun { end: AttritionEnd::Horizon, end_hour: 720, final_blue: blue, final_red: red }
}

#[test]
fn the_fast_loop_agrees_with_the_literal_transcription() {
    let streams = Streams::new(11);
    let mut n_different_ends = 0;
    for run_idx in 0..20_000 {
        let params = AttritionDraw::draw(&mut streams.run(run_idx));
        let (fast, literal) = (simulate(&params), simulate_literally(&params));
        if (fast.end, fast.end_hour) != (literal.end, literal.end_hour) {
            // Only a last-bit tie at a break point can separate them.
            n_different_ends += 1;
            continue;
        }
        assert!(
            close(fast.final_blue, literal.final_blue) && close(fast.final_red, literal.final_red),
            "run {run_idx}"
        );
    }
    assert!(n_different_ends <= 2, "{n_different_ends} runs ended differently");
}

fn text_of(summary: &AttritionSummary) -> String {
    format!("{summary}{}", summary.summary().to_shard_text())
}

#[test]
fn results_are_byte_identical_for_any_threads_and_shards() {
    let n_runs = 3 * 1024 + 123;
    let single = text_of(&canonical_attrition(n_runs, 7, 1).unwrap());
    for threads in [2, 8] {
        assert_eq!(text_of(&canonical_attrition(n_runs, 7, threads).unwrap()), single, "{threads} threads");
    }
    for n_shards in [2, 5] {
        let shards = (1..=n_shards).map(|k| {
            let plan = RunPlan::new(n_runs, 7).unwrap().with_shard(Shard::new(k, n_shards).unwrap());
            let shard = run_attrition(&plan.with_threads(2).unwrap(), Hooks::default()).unwrap();
            EnsembleSummary::from_shard_text(&shard.summary().to_shard_text()).unwrap()
        });
        let merged = EnsembleSummary::merge_all(shards.collect()).unwrap();
        assert_eq!(text_of(&AttritionSummary::from_summary(merged).unwrap()), single, "{n_shards} shards");
    }
    assert_ne!(text_of(&canonical_attrition(n_runs, 8, 2).unwrap()), single);
}

/// Every run of `runs` through the lanes on `path`, as (run, bit patterns of the 4 values).
fn lane_outcomes(path: LanePath, runs: Range<u64>, streams: &Streams) -> Vec<(u64, [u64; 4])> {
    let mut seen = Vec::new();
    let mut report = |run_idx: u64, outcome: RunOutcome<4>| match outcome {
        RunOutcome::Completed(values) => seen.push((run_idx, values.map(f64::to_bits))),
        RunOutcome::Failed(reason) => panic!("run {run_idx} failed: {reason}"),
    };
    lanes::run_lanes(path, runs, streams, &mut report).unwrap();
    seen.sort_unstable_by_key(|&(run_idx, _)| run_idx);
    seen
}

#[test]
fn every_instruction_set_equals_the_one_run_reference_bit_for_bit() {
    let paths = LanePath::available();
    // This machine's paths are all exercised; on x86-64 AVX2 is near-universal today.
    assert!(paths.contains(&LanePath::Scalar) && paths.contains(&LanePath::Auto));
    let streams = Streams::new(29);
    // Fewer runs than lanes, a ragged count, and indices past 2^32 (the stream's high word).
    for runs in [0..3, 17..1_000, (1 << 32) - 50..(1 << 32) + 350] {
        let reference: Vec<(u64, [u64; 4])> = runs
            .clone()
            .map(|run_idx| {
                let run = simulate(&AttritionDraw::draw(&mut streams.run(run_idx)));
                let values =
                    [f64::from(run.end as u8), f64::from(run.end_hour), run.final_blue, run.final_red];
                (run_idx, values.map(f64::to_bits))
            })
            .collect();
        for &path in &paths {
            assert_eq!(lane_outcomes(path, runs.clone(), &streams), reference, "{path:?} on {runs:?}");
        }
    }
}

#[test]
fn every_instruction_set_gives_the_same_summary_bytes() {
    let plan = RunPlan::new(2 * 1024 + 77, 5).unwrap().with_threads(2).unwrap();
    let auto = text_of(&run_attrition(&plan, Hooks::default()).unwrap());
    for path in LanePath::available() {
        assert_eq!(text_of(&run_attrition_on(&plan, path, Hooks::default()).unwrap()), auto, "{path:?}");
    }
    assert!(LanePath::Auto.resolved().is_available());
    assert!("avx3".parse::<LanePath>().is_err());
    assert_eq!("avx512".parse::<LanePath>().unwrap(), LanePath::Avx512);
}

#[test]
fn the_lane_model_equals_the_one_run_at_a_time_model() {
    let plan = RunPlan::new(2 * 1024 + 5, 21).unwrap().with_threads(2).unwrap();
    let interleaved = run_attrition(&plan, Hooks::default()).unwrap();
    let one_by_one = run_ensemble(&plan, &attrition_metrics(), attrition_model, Hooks::default()).unwrap();
    assert_eq!(interleaved.summary(), &one_by_one);
}

struct RunOrder(Vec<u64>);

impl crate::runner::RunSink for RunOrder {
    fn completed(&mut self, run_idx: u64, _: &[f64]) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        self.0.push(run_idx);
        Ok(())
    }

    fn failed(&mut self, run_idx: u64, reason: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        Err(format!("run {run_idx} failed: {reason}").into())
    }
}

#[test]
fn interleaved_runs_still_reach_the_sink_in_index_order() {
    let plan = RunPlan::new(3000, 5).unwrap().with_threads(2).unwrap();
    let mut order = RunOrder(Vec::new());
    run_attrition(&plan, Hooks { sink: Some(&mut order), progress: None }).unwrap();
    assert!(order.0.iter().copied().eq(0..3000));
}

#[test]
fn summaries_stay_the_same_size_as_runs_grow() {
    // Flat memory: everything a summary holds is counts, fixed-size sums and bounded bins.
    let small = canonical_attrition(1_000, 3, 2).unwrap().summary().to_shard_text().len();
    let large = canonical_attrition(20_000, 3, 2).unwrap().summary().to_shard_text().len();
    assert!(large < 2 * small + 1_000, "{small} → {large} bytes");
}

#[test]
fn a_small_ensemble_is_pinned() {
    // A regression guard for the stream derivation, the draw order and the loop: if this
    // changes, every published benchmark figure changes with it.
    let summary = canonical_attrition(2_000, 7, 2).unwrap();
    expect_summary(&summary.to_string());
    assert!(summary.share_blue_breaks() > 0.0 && summary.share_blue_breaks() < 1.0);
    assert_eq!(summary.summary().n_completed(), 2_000);
}

fn expect_summary(actual: &str) {
    let expected = "\
runs                2000 of 2000 (seed 7)
share blue breaks   0.811500000
mean end hour       316.341500000
mean final blue     10.961375573
mean final red      44.165247394
end hour p5 p50 p95 100 293 642
";
    assert_eq!(actual, expected);
}

proptest! {
    #[test]
    fn draws_lie_in_their_ranges(seed in any::<u64>(), run_idx in any::<u64>()) {
        let p = AttritionDraw::draw(&mut Streams::new(seed).run(run_idx));
        prop_assert!((20.0..40.0).contains(&p.blue0) && (40.0..90.0).contains(&p.red0));
        prop_assert!((0.001..0.004).contains(&p.red_effect_per_hour));
        prop_assert!((0.001..0.004).contains(&p.blue_effect_per_hour));
        prop_assert!((0.5..1.0).contains(&p.exponent) && (0.0..20.0).contains(&p.reinforcement));
        prop_assert!((24..=240).contains(&p.reinforcement_hour));
        let run = simulate(&p);
        prop_assert!(run.final_blue >= 0.0 && run.final_red >= 0.0 && (1..=720).contains(&run.end_hour));
    }
}
