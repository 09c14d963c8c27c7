//! `bulwark simulate MODEL`: runs one model of the assessment as a Monte Carlo ensemble over
//! the scenario's distributions, with a progress bar, optional shards and per-run CSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use bulwark_core::{suggest::did_you_mean, InputError};
use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan, RunSink, Shard};
use bulwark_report::ensemble_view;
use bulwark_scenario::Scenario;

use super::bench::progress_bar;
use super::{user_error, write};
use crate::args::SimulateArgs;
use crate::Failure;

/// How a model runs in the ensemble.
type Simulator = fn(&Dataset, &Scenario, &RunPlan, Hooks<'_>) -> Result<EnsembleSummary, String>;

/// The models `simulate` knows, by the name the user types.
const SIMULATORS: &[(&str, Simulator)] = &[
    ("baltic", bulwark_assess::campaign_inputs::simulate_campaign),
    ("iamd", bulwark_assess::iamd_inputs::simulate_iamd),
    ("nuclear", bulwark_assess::nuclear_inputs::simulate_nuclear),
    ("decision", bulwark_assess::decision_inputs::simulate_decision),
];

pub(crate) fn run(dataset: &Dataset, args: &SimulateArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let Some((name, simulator)) = SIMULATORS.iter().find(|(name, _)| *name == args.model) else {
        let names = SIMULATORS.iter().map(|(n, _)| *n);
        return Err(user_error(
            InputError::whole_file("command line", format!("unknown model `{}`", args.model))
                .with_field("MODEL")
                .with_expected(format!(
                    "one of {}",
                    SIMULATORS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                ))
                .with_suggestion(did_you_mean(&args.model, names)),
        ));
    };
    let scenario =
        Scenario::load(args.scenario.as_deref().unwrap_or("baseline"), dataset).map_err(user_error)?;
    let seed = args.seed.unwrap_or(scenario.seed.value);
    let invalid = |what: &str, e: &dyn std::fmt::Display| {
        eprintln!("error: {what}: {e}");
        Failure::User
    };
    let mut plan = RunPlan::new(args.runs, seed).map_err(|e| invalid("--runs", &e))?;
    if let Some(threads) = args.threads {
        plan = plan.with_threads(threads).map_err(|e| invalid("--threads", &e))?;
    }
    if let Some(shard) = &args.shard {
        let shard: Shard =
            shard.parse().map_err(|e| invalid(&format!("--shard `{shard}` (expected k/n)"), &e))?;
        plan = plan.with_shard(shard);
    }
    let bar = progress_bar(plan.runs().end - plan.runs().start, args.quiet);
    let mut progress = |runs_done: u64| {
        if let Some(bar) = &bar {
            bar.set_position(runs_done);
        }
    };
    let mut csv = match &args.csv {
        Some(path) => Some(CsvSink::create(path)?),
        None => None,
    };
    let hooks = Hooks { sink: csv.as_mut().map(|s| s as &mut dyn RunSink), progress: Some(&mut progress) };
    let summary = simulator(dataset, &scenario, &plan, hooks).map_err(Failure::Internal)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(csv) = csv {
        csv.finish(&summary)?;
    }
    if let Some(path) = &args.out {
        std::fs::write(path, summary.to_shard_text())
            .map_err(|e| Failure::Internal(format!("cannot write {}: {e}", path.display())))?;
    }
    let title = format!("bulwark simulate {name}: scenario `{}`", scenario.name);
    write(out, &ensemble_view::render(&title, &summary))
}

/// Writes one CSV row per run, `run,<metric values…>,failure`, to a temporary file; `finish`
/// puts the header (the metric names, known once the ensemble has run) in front.
struct CsvSink {
    writer: BufWriter<File>,
    path: PathBuf,
    rows_path: PathBuf,
    /// Metric count, learnt from the first completed run, to pad the rows of failed runs.
    n_values: usize,
}

impl CsvSink {
    fn create(path: &Path) -> Result<CsvSink, Failure> {
        let rows_path = path.with_extension("rows.tmp");
        let file = File::create(&rows_path)
            .map_err(|e| Failure::Internal(format!("cannot create {}: {e}", rows_path.display())))?;
        Ok(CsvSink { writer: BufWriter::new(file), path: path.to_path_buf(), rows_path, n_values: 0 })
    }

    fn finish(mut self, summary: &EnsembleSummary) -> Result<(), Failure> {
        let fail =
            |e: std::io::Error| Failure::Internal(format!("cannot write {}: {e}", self.path.display()));
        self.writer.flush().map_err(fail)?;
        let names: Vec<&str> = summary.metrics().iter().map(|m| m.spec().name()).collect();
        let mut out = BufWriter::new(File::create(&self.path).map_err(fail)?);
        writeln!(out, "run,{},failure", names.join(",")).map_err(fail)?;
        std::io::copy(&mut File::open(&self.rows_path).map_err(fail)?, &mut out).map_err(fail)?;
        out.flush().map_err(fail)?;
        std::fs::remove_file(&self.rows_path).map_err(fail)
    }
}

impl RunSink for CsvSink {
    fn completed(
        &mut self,
        run_idx: u64,
        values: &[f64],
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        self.n_values = values.len();
        let cells: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        writeln!(self.writer, "{run_idx},{},", cells.join(","))?;
        Ok(())
    }

    fn failed(&mut self, run_idx: u64, reason: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let empty = ",".repeat(self.n_values.max(1));
        writeln!(self.writer, "{run_idx}{empty},{reason}")?;
        Ok(())
    }
}
