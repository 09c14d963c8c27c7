//! The runner: a model over the run indices of a plan, in parallel, streamed into a summary.
//!
//! Runs are cut into chunks of [`CHUNK_RUNS`] consecutive indices. A wave of chunks (a few per
//! worker) runs on a rayon pool; each chunk is summarised on its worker, then the calling
//! thread merges the chunk summaries in index order, hands the chunk's rows to the caller's
//! sink (if any) in index order, and reports progress. Memory is therefore bounded by one wave,
//! whatever the number of runs.
//!
//! Why results do not depend on the thread count or the shard split: run `i` draws only from
//! `Streams::run(i)`, and every statistic in a summary merges exactly, so *how* runs are grouped
//! cannot change a bit of the result.

use std::ops::Range;
use std::str::FromStr;

use rayon::prelude::*;

use crate::error::EnsembleError;
use crate::metric::MetricSpec;
use crate::stream::{RunRng, Streams};
use crate::summary::EnsembleSummary;

/// Runs per chunk: the unit of parallel work, of sink buffering and of progress reports.
pub const CHUNK_RUNS: u64 = 1024;

/// Chunks per worker thread in one wave: enough to balance uneven run lengths, few enough to
/// keep the buffered rows small.
const CHUNKS_PER_THREAD_PER_WAVE: usize = 4;

/// What one run produced: its `N` metric values, or the reason it failed. A failed run is
/// counted by reason in the summary and never stops the ensemble.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RunOutcome<const N: usize> {
    /// The run finished; the values are in the order of the metric declarations.
    Completed([f64; N]),
    /// The run failed or diverged, for this reason (a short fixed phrase, used as a key).
    Failed(&'static str),
}

/// Which part of an ensemble this process runs: shard `index` of `count`, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// The whole ensemble (shard 1/1).
    pub fn whole() -> Shard {
        Shard { index: 1, count: 1 }
    }

    /// Shard `index` of `count`, with `1 ≤ index ≤ count`.
    pub fn new(index: u64, count: u64) -> Result<Shard, EnsembleError> {
        if count == 0 || index == 0 || index > count {
            return Err(EnsembleError::InvalidShard {
                spec: format!("{index}/{count}"),
                reason: "expected k/n with 1 ≤ k ≤ n",
            });
        }
        Ok(Shard { index, count })
    }

    /// The run indices of this shard among `n_runs_total`: the `index`-th of `count`
    /// near-equal, disjoint, contiguous ranges that together cover `0..n_runs_total`.
    pub fn runs(&self, n_runs_total: u64) -> Range<u64> {
        let boundary = |k: u64| (u128::from(n_runs_total) * u128::from(k) / u128::from(self.count)) as u64;
        boundary(self.index - 1)..boundary(self.index)
    }

    /// The 1-based shard number.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// The number of shards.
    pub fn count(&self) -> u64 {
        self.count
    }
}

/// The Slurm job-array variables `--shard auto` reads, in the order they are checked.
pub const SLURM_ARRAY_VARIABLES: [&str; 3] =
    ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"];

impl Shard {
    /// The shard of a Slurm job-array task: task `ID` of an array of `COUNT` tasks whose first
    /// task is `MIN` runs shard `ID − MIN + 1` of `COUNT`.
    ///
    /// `lookup` returns a variable's value (the process environment in the CLI; a table in
    /// tests). The array must be contiguous (`--array=MIN-MAX`, no step and no list): then
    /// `MAX = MIN + COUNT − 1` and every task gets a distinct shard. A gapped array such as
    /// `--array=1,5,9` passes this check only when its IDs happen to fit and is otherwise
    /// refused, because shards would go missing; `bulwark merge` warns about a partial cover.
    pub fn from_slurm_array(lookup: impl Fn(&str) -> Option<String>) -> Result<Shard, EnsembleError> {
        let read = |variable: &'static str| -> Result<u64, EnsembleError> {
            let text = lookup(variable).ok_or_else(|| EnsembleError::SlurmArray {
                variable,
                reason: "is not set (is this a Slurm job array, sbatch --array=1-N?)".to_string(),
            })?;
            text.trim().parse::<u64>().map_err(|_| EnsembleError::SlurmArray {
                variable,
                reason: format!("`{}` is not a whole number", text.chars().take(40).collect::<String>()),
            })
        };
        let [id_var, count_var, min_var] = SLURM_ARRAY_VARIABLES;
        let id = read(id_var)?;
        let count = read(count_var)?;
        let min = read(min_var)?;
        if count == 0 {
            return Err(EnsembleError::SlurmArray { variable: count_var, reason: "is 0".to_string() });
        }
        if id < min {
            return Err(EnsembleError::SlurmArray {
                variable: id_var,
                reason: format!("{id} is below {min_var} = {min}"),
            });
        }
        let index = id - min + 1;
        if index > count {
            return Err(EnsembleError::SlurmArray {
                variable: id_var,
                reason: format!(
                    "{id} is beyond the last task {} of a contiguous array ({min_var} = {min}, \
                     {count_var} = {count}); use --array=MIN-MAX without a step",
                    u128::from(min) + u128::from(count) - 1
                ),
            });
        }
        Shard::new(index, count)
    }
}

impl FromStr for Shard {
    type Err = EnsembleError;

    /// Parses `k/n`, as given to `--shard`.
    fn from_str(text: &str) -> Result<Shard, EnsembleError> {
        let invalid = || EnsembleError::InvalidShard {
            spec: text.to_string(),
            reason: "expected k/n with whole numbers 1 ≤ k ≤ n, such as 2/4",
        };
        let (index, count) = text.split_once('/').ok_or_else(invalid)?;
        let index = index.trim().parse().map_err(|_| invalid())?;
        let count = count.trim().parse().map_err(|_| invalid())?;
        Shard::new(index, count).map_err(|_| invalid())
    }
}

/// The most worker threads a plan may ask for (issue 10: 10,000 threads ran for minutes before
/// the first run). Machines with more cores than this gain nothing measurable here.
pub const MAX_THREADS: usize = 1024;

/// Which runs to do, with which seed, on how many threads. Run-level configuration has no
/// `Default`: every ensemble states its size and seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunPlan {
    seed: u64,
    n_runs_total: u64,
    shard: Shard,
    threads: Option<usize>,
    sampler: Option<Sampler>,
}

/// How an ensemble draws its uncertain parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sampler {
    /// Independent draws per run.
    MonteCarlo,
    /// A Latin hypercube over the whole ensemble (one stratum per run and parameter).
    LatinHypercube,
}

impl std::str::FromStr for Sampler {
    type Err = String;

    /// `mc` or `lhs`.
    fn from_str(text: &str) -> Result<Sampler, String> {
        match text {
            "mc" | "monte-carlo" => Ok(Sampler::MonteCarlo),
            "lhs" | "latin-hypercube" => Ok(Sampler::LatinHypercube),
            _ => Err(format!("unknown sampler `{text}`; expected mc or lhs")),
        }
    }
}

impl RunPlan {
    /// All `n_runs_total` runs of the ensemble seeded with `seed`, on rayon's default number
    /// of threads.
    pub fn new(n_runs_total: u64, seed: u64) -> Result<RunPlan, EnsembleError> {
        if n_runs_total == 0 {
            return Err(EnsembleError::InvalidPlan {
                field: "runs",
                value: "0".to_string(),
                reason: "an ensemble needs at least one run",
            });
        }
        Ok(RunPlan { seed, n_runs_total, shard: Shard::whole(), threads: None, sampler: None })
    }

    /// Draws the parameters with `sampler` instead of the model's default.
    pub fn with_sampler(mut self, sampler: Sampler) -> RunPlan {
        self.sampler = Some(sampler);
        self
    }

    /// The sampler asked for, if any (models fall back to their default).
    pub fn sampler(&self) -> Option<Sampler> {
        self.sampler
    }

    /// Runs only `shard` of the ensemble.
    pub fn with_shard(mut self, shard: Shard) -> RunPlan {
        self.shard = shard;
        self
    }

    /// Uses exactly `threads` worker threads (at least one).
    pub fn with_threads(mut self, threads: usize) -> Result<RunPlan, EnsembleError> {
        if threads == 0 {
            return Err(EnsembleError::InvalidPlan {
                field: "threads",
                value: "0".to_string(),
                reason: "at least one thread is needed",
            });
        }
        if threads > MAX_THREADS {
            return Err(EnsembleError::InvalidPlan {
                field: "threads",
                value: threads.to_string(),
                reason: "at most 1024 threads (more only adds start-up time and memory)",
            });
        }
        self.threads = Some(threads);
        Ok(self)
    }

    /// The ensemble seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Runs in the whole ensemble.
    pub fn n_runs_total(&self) -> u64 {
        self.n_runs_total
    }

    /// The run indices this plan executes (its shard's range).
    pub fn runs(&self) -> Range<u64> {
        self.shard.runs(self.n_runs_total)
    }

    /// The shard this plan executes.
    pub fn shard(&self) -> Shard {
        self.shard
    }

    /// The requested worker threads, if fixed.
    pub fn threads(&self) -> Option<usize> {
        self.threads
    }
}

/// Receives every run's outcome in run-index order, on the calling thread: the CLI's way to
/// write per-run CSV rows (the CLI owns the file).
pub trait RunSink {
    /// A completed run and its metric values, in declaration order.
    fn completed(
        &mut self,
        run_idx: u64,
        values: &[f64],
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>>;

    /// A failed run and its reason.
    fn failed(&mut self, run_idx: u64, reason: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>>;
}

/// Optional observers of a running ensemble, all called on the calling thread.
#[derive(Default)]
pub struct Hooks<'a> {
    /// Gets every outcome in run-index order.
    pub sink: Option<&'a mut dyn RunSink>,
    /// Gets the number of this plan's runs done so far, after each wave of chunks; for a
    /// progress bar. Not called for an empty shard.
    pub progress: Option<&'a mut dyn FnMut(u64)>,
}

/// A model that runs a contiguous range of runs in one call, so that it can interleave
/// several runs and let the processor overlap their dependency chains. Every per-run closure
/// `Fn(u64, &mut RunRng) -> RunOutcome<N>` is one too (it runs them one by one).
pub trait BatchModel<const N: usize>: Sync {
    /// Runs every index of `runs`, run `i` drawing only from `streams.run(i)`, and reports each
    /// outcome exactly once, in any order.
    fn run_batch(&self, runs: Range<u64>, streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<N>));
}

impl<const N: usize, F> BatchModel<N> for F
where
    F: Fn(u64, &mut RunRng) -> RunOutcome<N> + Sync,
{
    fn run_batch(&self, runs: Range<u64>, streams: &Streams, report: &mut dyn FnMut(u64, RunOutcome<N>)) {
        for run_idx in runs {
            report(run_idx, self(run_idx, &mut streams.run(run_idx)));
        }
    }
}

/// Runs `model` for every run index of `plan` and summarises the outcomes under `metrics`.
///
/// The model (a per-run closure or a [`BatchModel`]) gets the run index and the run's own
/// generator (`Streams::new(seed).run(run_idx)`) and must draw from nothing else. The result is identical for any thread count; the
/// summaries of the shards of one ensemble merge (`EnsembleSummary::merge_all`) into exactly
/// the summary of the whole. Errors come only from the set-up (thread pool) or the sink.
pub fn run_ensemble<const N: usize, M>(
    plan: &RunPlan,
    metrics: &[MetricSpec; N],
    model: M,
    mut hooks: Hooks<'_>,
) -> Result<EnsembleSummary, EnsembleError>
where
    M: BatchModel<N>,
{
    // A plan that names its threads gets a pool of its own; one that does not runs in the
    // caller's pool (rayon's global one, default size), so that an assessment running dozens
    // of small ensembles side by side neither builds a pool for each nor oversubscribes the
    // cores. Either way the result does not depend on the threads.
    let pool = match plan.threads {
        Some(requested) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(requested)
                .build()
                .map_err(|err| EnsembleError::ThreadPool { threads: requested, message: err.to_string() })?,
        ),
        None => None,
    };
    let n_threads = pool.as_ref().map_or_else(rayon::current_num_threads, |pool| pool.current_num_threads());
    let runs = plan.runs();
    let ctx = ChunkCtx { streams: Streams::new(plan.seed), plan, metrics, keep_rows: hooks.sink.is_some() };
    let n_chunks = (runs.end - runs.start).div_ceil(CHUNK_RUNS);
    let chunks_per_wave = (n_threads * CHUNKS_PER_THREAD_PER_WAVE) as u64;
    let mut acc = EnsembleSummary::empty(plan.seed, plan.n_runs_total, runs.start..runs.start, metrics);
    let mut wave_start = 0;
    while wave_start < n_chunks {
        let wave_end = (wave_start + chunks_per_wave).min(n_chunks);
        let run_wave = || -> Vec<ChunkResult<N>> {
            (wave_start..wave_end).into_par_iter().map(|chunk_idx| ctx.run_chunk(chunk_idx, &model)).collect()
        };
        let wave = match &pool {
            Some(pool) => pool.install(run_wave),
            None => run_wave(),
        };
        for chunk in wave {
            acc = acc.merge(&chunk.summary)?;
            if let Some(sink) = hooks.sink.as_deref_mut() {
                feed_sink(sink, &chunk.rows)?;
            }
        }
        if let Some(progress) = hooks.progress.as_deref_mut() {
            progress(acc.n_runs());
        }
        wave_start = wave_end;
    }
    Ok(acc)
}

/// What every chunk of one ensemble shares.
struct ChunkCtx<'a, const N: usize> {
    streams: Streams,
    plan: &'a RunPlan,
    metrics: &'a [MetricSpec; N],
    keep_rows: bool,
}

struct ChunkResult<const N: usize> {
    summary: EnsembleSummary,
    /// The chunk's outcomes, kept only when a sink wants them.
    rows: Vec<(u64, RunOutcome<N>)>,
}

impl<const N: usize> ChunkCtx<'_, N> {
    fn run_chunk<M: BatchModel<N>>(&self, chunk_idx: u64, model: &M) -> ChunkResult<N> {
        let shard_runs = self.plan.runs();
        let start = shard_runs.start + chunk_idx * CHUNK_RUNS;
        let end = (start + CHUNK_RUNS).min(shard_runs.end);
        let mut summary =
            EnsembleSummary::empty(self.plan.seed, self.plan.n_runs_total, start..end, self.metrics);
        let mut rows = Vec::with_capacity(if self.keep_rows { (end - start) as usize } else { 0 });
        let mut report = |run_idx: u64, outcome: RunOutcome<N>| {
            match &outcome {
                RunOutcome::Completed(values) => summary.record_completed(values),
                RunOutcome::Failed(reason) => summary.record_failed(reason),
            }
            if self.keep_rows {
                rows.push((run_idx, outcome));
            }
        };
        model.run_batch(start..end, &self.streams, &mut report);
        // A batch model may report out of order; the summary does not care, the sink does.
        rows.sort_unstable_by_key(|&(run_idx, _)| run_idx);
        ChunkResult { summary, rows }
    }
}

fn feed_sink<const N: usize>(
    sink: &mut dyn RunSink,
    rows: &[(u64, RunOutcome<N>)],
) -> Result<(), EnsembleError> {
    for &(run_idx, outcome) in rows {
        let res = match outcome {
            RunOutcome::Completed(values) => sink.completed(run_idx, &values),
            RunOutcome::Failed(reason) => sink.failed(run_idx, reason),
        };
        res.map_err(|source| EnsembleError::Sink { run_idx, source })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn slurm_array_tasks_map_to_shards() {
        let env = |id: &str, count: &str, min: &str| {
            let table = [
                ("SLURM_ARRAY_TASK_ID", id.to_string()),
                ("SLURM_ARRAY_TASK_COUNT", count.to_string()),
                ("SLURM_ARRAY_TASK_MIN", min.to_string()),
            ];
            move |name: &str| table.iter().find(|(k, v)| *k == name && !v.is_empty()).map(|(_, v)| v.clone())
        };
        // --array=0-3: task 0 is shard 1/4, task 3 is shard 4/4.
        assert_eq!(Shard::from_slurm_array(env("0", "4", "0")).unwrap(), Shard::new(1, 4).unwrap());
        assert_eq!(Shard::from_slurm_array(env("3", "4", "0")).unwrap(), Shard::new(4, 4).unwrap());
        // --array=5-8: task 6 is shard 2/4.
        assert_eq!(Shard::from_slurm_array(env("6", "4", "5")).unwrap(), Shard::new(2, 4).unwrap());
        let message = |id: &str, count: &str, min: &str| {
            Shard::from_slurm_array(env(id, count, min)).unwrap_err().to_string()
        };
        assert!(message("", "4", "1").contains("SLURM_ARRAY_TASK_ID: is not set"));
        assert!(message("2", "", "1").contains("SLURM_ARRAY_TASK_COUNT: is not set"));
        assert!(message("2", "4", "").contains("SLURM_ARRAY_TASK_MIN: is not set"));
        assert!(message("two", "4", "1").contains("SLURM_ARRAY_TASK_ID: `two` is not a whole number"));
        assert!(message("1", "0", "1").contains("SLURM_ARRAY_TASK_COUNT: is 0"));
        assert!(message("0", "4", "1").contains("SLURM_ARRAY_TASK_ID: 0 is below SLURM_ARRAY_TASK_MIN"));
        // A stepped array --array=1-7:2 has IDs 1,3,5,7 and COUNT 4: task 7 would be shard 7/4.
        assert!(message("7", "4", "1").contains("SLURM_ARRAY_TASK_ID: 7 is beyond the last task 4"));
    }

    use super::*;
    use crate::stream::unit_open;

    /// A toy model with failures, non-finite values and a metric that needs the exact sum.
    fn toy(run_idx: u64, rng: &mut RunRng) -> RunOutcome<2> {
        let u = unit_open(rng);
        match run_idx % 97 {
            13 => RunOutcome::Failed("diverged"),
            29 => RunOutcome::Completed([f64::NAN, u]),
            _ => RunOutcome::Completed([(u * 100.0).floor(), u * 1e6 - 5e5]),
        }
    }

    fn toy_metrics() -> [MetricSpec; 2] {
        [MetricSpec::integer("bucket", 0, 99).unwrap(), MetricSpec::continuous("spread").unwrap()]
    }

    fn run_toy(plan: &RunPlan) -> EnsembleSummary {
        run_ensemble(plan, &toy_metrics(), toy, Hooks::default()).unwrap()
    }

    #[test]
    fn thread_counts_and_shard_splits_give_identical_bytes() {
        let n_runs = 5 * CHUNK_RUNS + 77;
        let single = run_toy(&RunPlan::new(n_runs, 42).unwrap().with_threads(1).unwrap());
        let single_text = single.to_shard_text();
        for threads in [2, 8] {
            let plan = RunPlan::new(n_runs, 42).unwrap().with_threads(threads).unwrap();
            assert_eq!(run_toy(&plan).to_shard_text(), single_text, "{threads} threads");
        }
        for n_shards in [2, 3, 7] {
            let shards: Vec<EnsembleSummary> = (1..=n_shards)
                .map(|k| {
                    let plan = RunPlan::new(n_runs, 42).unwrap().with_shard(Shard::new(k, n_shards).unwrap());
                    let text = run_toy(&plan.with_threads(2).unwrap()).to_shard_text();
                    EnsembleSummary::from_shard_text(&text).unwrap()
                })
                .rev()
                .collect();
            let merged = EnsembleSummary::merge_all(shards).unwrap();
            assert_eq!(merged.to_shard_text(), single_text, "{n_shards} shards");
        }
        assert_eq!(single.n_failed(), single.failures()["diverged"]);
        assert!(single.n_failed() > 0 && single.metrics()[0].n_non_finite() > 0);
        assert_eq!(single.n_completed() + single.n_failed(), n_runs);
    }

    struct Rows(Vec<String>);

    impl RunSink for Rows {
        fn completed(
            &mut self,
            run_idx: u64,
            values: &[f64],
        ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
            self.0.push(format!("{run_idx},{}", values[0]));
            Ok(())
        }

        fn failed(
            &mut self,
            run_idx: u64,
            reason: &str,
        ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
            if run_idx > 3000 {
                return Err("disk full".into());
            }
            self.0.push(format!("{run_idx},{reason}"));
            Ok(())
        }
    }

    #[test]
    fn the_sink_sees_every_run_in_order_and_progress_is_monotone() {
        let plan = RunPlan::new(2500, 1).unwrap().with_threads(2).unwrap();
        let mut rows = Rows(Vec::new());
        let mut reports = Vec::new();
        let mut progress = |done: u64| reports.push(done);
        let hooks = Hooks { sink: Some(&mut rows), progress: Some(&mut progress) };
        run_ensemble(&plan, &toy_metrics(), toy, hooks).unwrap();
        assert_eq!(rows.0.len(), 2500);
        assert!(rows.0.iter().enumerate().all(|(idx, row)| row.starts_with(&format!("{idx},"))));
        assert_eq!(rows.0[13], "13,diverged");
        assert!(reports.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(reports.last(), Some(&2500));
    }

    #[test]
    fn a_failing_sink_stops_the_ensemble_with_the_run_named() {
        let plan = RunPlan::new(4000, 1).unwrap().with_threads(2).unwrap();
        let mut rows = Rows(Vec::new());
        let hooks = Hooks { sink: Some(&mut rows), progress: None };
        let err = run_ensemble(&plan, &toy_metrics(), toy, hooks).unwrap_err();
        assert!(matches!(err, EnsembleError::Sink { run_idx: 3020, .. }), "{err}");
    }

    #[test]
    fn shards_tile_the_runs_and_bad_specs_are_refused() {
        for n_runs in [1u64, 10, 1001] {
            let ranges: Vec<_> = (1..=4).map(|k| Shard::new(k, 4).unwrap().runs(n_runs)).collect();
            assert_eq!(ranges[0].start, 0);
            assert_eq!(ranges[3].end, n_runs);
            assert!(ranges.windows(2).all(|pair| pair[0].end == pair[1].start));
        }
        assert_eq!("2/4".parse::<Shard>().unwrap(), Shard::new(2, 4).unwrap());
        for bad in ["0/4", "5/4", "1/0", "x", "1/2/3", "-1/2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert!(RunPlan::new(0, 1).is_err());
        assert!(RunPlan::new(1, 1).unwrap().with_threads(0).is_err());
    }

    #[test]
    fn r10_threads_have_an_upper_bound() {
        assert!(RunPlan::new(1, 1).unwrap().with_threads(MAX_THREADS).is_ok());
        let err = RunPlan::new(1, 1).unwrap().with_threads(10_000).unwrap_err();
        assert!(err.to_string().contains("at most 1024 threads"), "{err}");
    }
}
