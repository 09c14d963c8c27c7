//! The canonical attrition benchmark of docs/design.md §7 on one thread, through the public API:
//! `cargo run --release -p bulwark-models --example attrition_bench -- [RUNS] [SEED]`.
//!
//! A stand-in until `bulwark bench attrition` exists; it prints runs per second and the four
//! summaries so the engine's speed can be checked while it changes. Run `i` seeds its own
//! ChaCha8 stream from `(seed, i)`, as the ensemble will.

use std::time::Instant;

use bulwark_models::attrition::{simulate, EndReason, Exponents, Law, Method, Params, Reinforcement, Solver};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n_runs: u64 = args.next().map_or(Ok(100_000), |s| s.parse())?;
    let seed: u64 = args.next().map_or(Ok(7), |s| s.parse())?;
    let solver = Solver::new(Method::Euler, 1.0, 720.0)?;
    let started = Instant::now();
    let (mut blue_breaks, mut end_hours, mut final_blue, mut final_red) = (0u64, 0.0, 0.0, 0.0);
    for run_idx in 0..n_runs {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(run_idx);
        let params = draw(&mut rng)?;
        let outcome = simulate(&params, &solver);
        blue_breaks += u64::from(outcome.end == EndReason::BlueBreaks);
        end_hours += outcome.end_time;
        final_blue += outcome.blue;
        final_red += outcome.red;
    }
    let seconds = started.elapsed().as_secs_f64();
    let n = n_runs as f64;
    println!("runs {n_runs}  seconds {seconds:.3}  runs/s {:.0}", n / seconds);
    println!(
        "P(blue breaks) {:.4}  mean end hour {:.2}  mean final B {:.3}  mean final R {:.3}",
        blue_breaks as f64 / n,
        end_hours / n,
        final_blue / n,
        final_red / n
    );
    Ok(())
}

/// One run's inputs, drawn in the order of the table in docs/design.md §7.
fn draw(rng: &mut ChaCha8Rng) -> Result<Params, bulwark_models::ModelError> {
    let blue = rng.random_range(20.0..40.0);
    let red = rng.random_range(40.0..90.0);
    let a = rng.random_range(0.001..0.004);
    let b = rng.random_range(0.001..0.004);
    let e = rng.random_range(0.5..1.0);
    let reinforcement = rng.random_range(0.0..20.0);
    let arrival_hour = rng.random_range(24..=240u32);
    Params::default()
        .with_law(Law::Helmbold(Exponents::complementary(e)))?
        .with_coefficients(a, b)?
        .with_initial(blue, red)?
        .with_break_fractions(0.3, 0.3)?
        .with_blue_reinforcements(&[Reinforcement::Pulse {
            time: f64::from(arrival_hour),
            amount: reinforcement,
        }])
}
