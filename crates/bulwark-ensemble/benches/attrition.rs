//! Times the canonical attrition benchmark (DESIGN.md §7) on 1 thread and on all threads.
//!
//! A plain `harness = false` main rather than criterion: the figure wanted is runs per second
//! of one fixed workload, as `bulwark bench attrition` prints it. Run it with
//! `cargo bench -p bulwark-ensemble --bench attrition [-- N_RUNS]`.

use std::time::Instant;

use bulwark_ensemble::attrition::canonical_attrition;

fn main() {
    let n_runs = std::env::args().skip(1).find_map(|arg| arg.parse::<u64>().ok()).unwrap_or(400_000);
    let n_cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut thread_counts = vec![1];
    if n_cores > 1 {
        thread_counts.push(n_cores);
    }
    // One short warm-up so page faults and thread start-up do not count.
    if let Err(err) = canonical_attrition(10_000, 1, 1) {
        eprintln!("warm-up failed: {err}");
        return;
    }
    for threads in thread_counts {
        let started = Instant::now();
        let summary = match canonical_attrition(n_runs, 7, threads) {
            Ok(summary) => summary,
            Err(err) => {
                eprintln!("benchmark failed: {err}");
                return;
            }
        };
        let seconds = started.elapsed().as_secs_f64();
        let runs_per_second = n_runs as f64 / seconds;
        println!(
            "attrition: {n_runs} runs, {threads} thread(s): {seconds:.3} s, {runs_per_second:.0} runs/s \
             ({:.0} runs/s per thread)",
            runs_per_second / threads as f64
        );
        print!("{summary}");
    }
}
