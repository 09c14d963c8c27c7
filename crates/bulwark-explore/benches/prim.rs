//! Times PRIM alone (peeling, pasting of the chosen box, quasi-p-values) on a synthetic data
//! set of `N` points in 20 dimensions, uniform in the unit cube, with the case of interest
//! inside `[0.6, 1] × [0, 0.3]` of the first two and 5 % of labels flipped.
//!
//! A plain `harness = false` main: the figure wanted is the wall time of one fixed workload.
//! Run it with `cargo bench -p bulwark-explore --bench prim [-- N]` (100,000 when absent).

use std::time::Instant;

use bulwark_ensemble::{unit_closed_open, Streams};
use bulwark_explore::{choose_box, PrimData, PrimSettings};

const DIMENSIONS: usize = 20;

fn main() {
    let n = std::env::args().skip(1).find_map(|arg| arg.parse::<usize>().ok()).unwrap_or(100_000);
    let streams = Streams::new(1);
    let mut columns: Vec<Vec<f64>> = (0..DIMENSIONS).map(|_| Vec::with_capacity(n)).collect();
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let mut rng = streams.run(i as u64);
        for column in &mut columns {
            column.push(unit_closed_open(&mut rng));
        }
        let inside = columns[0][i] >= 0.6 && columns[1][i] <= 0.3;
        labels.push(inside != (unit_closed_open(&mut rng) < 0.05));
    }
    let started = Instant::now();
    let settings = PrimSettings::default();
    let result = PrimData::new(&columns, &labels).and_then(|data| {
        let trajectory = data.peel(&settings)?;
        let chosen = data.paste(&trajectory[choose_box(&trajectory, 0.9)], &settings)?;
        Ok((trajectory.len(), data.restrictions(&chosen), chosen))
    });
    let elapsed = started.elapsed().as_secs_f64();
    match result {
        Ok((n_boxes, restrictions, chosen)) => {
            println!("PRIM on {n} points × {DIMENSIONS} dimensions: {elapsed:.3} s ({n_boxes} boxes peeled)");
            println!(
                "chosen box: coverage {:.3}, density {:.3}, mass {:.3}",
                chosen.coverage, chosen.density, chosen.mass
            );
            for r in restrictions {
                println!("  x{}: [{:.3}, {:.3}] quasi-p {:.1e}", r.dim + 1, r.lower, r.upper, r.qp_value);
            }
        }
        Err(err) => eprintln!("PRIM failed: {err}"),
    }
}
