//! Times the canonical attrition benchmark (docs/design.md §7): every instruction-set path on one
//! thread, then the automatic path on all threads.
//!
//! A plain `harness = false` main rather than criterion: the figure wanted is runs per second
//! of one fixed workload, as `bulwark bench attrition` prints it. Run it with
//! `cargo bench -p bulwark-ensemble --bench attrition [-- N_RUNS [PATH…]]`, where the optional
//! paths (`auto scalar avx2 avx512`) restrict the one-thread cases.

use std::time::Instant;

use bulwark_ensemble::attrition::{run_attrition_on, LanePath};
use bulwark_ensemble::{Hooks, RunPlan};

fn main() {
    let n_runs = std::env::args().skip(1).find_map(|arg| arg.parse::<u64>().ok()).unwrap_or(400_000);
    let n_cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let wanted: Vec<LanePath> = std::env::args().skip(1).filter_map(|arg| arg.parse().ok()).collect();
    let mut cases: Vec<(LanePath, usize)> = LanePath::available()
        .into_iter()
        .filter(|path| wanted.is_empty() || wanted.contains(path))
        .map(|path| (path, 1))
        .collect();
    if n_cores > 1 {
        cases.push((LanePath::Auto, n_cores));
    }
    for (path, threads) in cases {
        let plan = |n_runs| RunPlan::new(n_runs, 7).and_then(|plan| plan.with_threads(threads));
        // One short warm-up so page faults and thread start-up do not count.
        let warm_up = plan(10_000).and_then(|plan| run_attrition_on(&plan, path, Hooks::default()));
        let started = Instant::now();
        let timed = plan(n_runs).and_then(|plan| run_attrition_on(&plan, path, Hooks::default()));
        let seconds = started.elapsed().as_secs_f64();
        let summary = match warm_up.and(timed) {
            Ok(summary) => summary,
            Err(err) => {
                eprintln!("benchmark failed: {err}");
                return;
            }
        };
        let runs_per_second = n_runs as f64 / seconds;
        println!(
            "attrition: {n_runs} runs, {} ({}), {threads} thread(s): {seconds:.3} s, {runs_per_second:.0} runs/s \
             ({:.0} runs/s per thread), share blue breaks {:.6}",
            path.name(),
            path.resolved().name(),
            runs_per_second / threads as f64,
            summary.share_blue_breaks()
        );
    }
}
