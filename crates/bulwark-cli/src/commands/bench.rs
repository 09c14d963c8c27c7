//! `bulwark bench attrition` and `bulwark merge`: the canonical benchmark of docs/design.md §7,
//! sharded or whole, with a progress bar on a terminal; `merge` also combines the shards of
//! `bulwark simulate`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use bulwark_core::{InputDigest, Provenance, RunRange};
use bulwark_data::read_text_file;
use bulwark_ensemble::attrition::{run_attrition, AttritionSummary};
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan};
use bulwark_report::provenance_view;
use indicatif::{ProgressBar, ProgressStyle};

use super::{user_error, write};
use crate::args::BenchArgs;
use crate::provenance;
use crate::Failure;

fn user(message: String) -> Failure {
    eprintln!("error: {message}");
    Failure::User
}

/// Largest shard file `merge` reads: a shard holds at most a few metrics of at most 2^20 bins.
const MAX_SHARD_BYTES: usize = 256 * 1024 * 1024;

pub(crate) fn attrition(args: &BenchArgs, force: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let mut plan = RunPlan::new(args.runs, args.seed).map_err(|e| user(format!("--runs: {e}")))?;
    if let Some(threads) = args.threads {
        plan = plan.with_threads(threads).map_err(|e| user(format!("--threads: {e}")))?;
    }
    let mut shard = None;
    if let Some(text) = &args.shard {
        let parsed = super::shard_arg::parse(text)?;
        shard = Some((parsed.index(), parsed.count()));
        plan = plan.with_shard(parsed);
    }
    if let Some(path) = &args.out {
        provenance::prepare_summary(path, force)?;
    }
    let bar = progress_bar(args.runs, args.quiet);
    let mut progress = |runs_done: u64| {
        if let Some(bar) = &bar {
            bar.set_position(runs_done);
        }
    };
    let started = Instant::now();
    let summary = run_attrition(&plan, Hooks { sink: None, progress: Some(&mut progress) })
        .map_err(|e| Failure::Internal(e.to_string()))?;
    let seconds = started.elapsed().as_secs_f64();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(path) = &args.out {
        let tagged = summary
            .summary()
            .clone()
            .with_provenance("bulwark_version", provenance::VERSION)
            .with_provenance("commit", provenance::COMMIT)
            .with_provenance("model", "attrition-benchmark");
        let runs = plan.runs();
        let provenance = Provenance {
            model: Some("attrition-benchmark".to_string()),
            seed: Some(args.seed),
            runs: Some(RunRange { start: runs.start, end: runs.end, total: args.runs }),
            shard,
            ..provenance::of_this_run()
        };
        provenance::write_summary(path, tagged.to_shard_text().as_bytes(), &provenance, force)?;
    }
    let n_runs = summary.summary().n_runs();
    // Timing goes to stderr: stdout stays byte-identical for the same seed and runs.
    let threads = plan.threads().map_or_else(|| "all".to_string(), |t| t.to_string());
    eprintln!(
        "{n_runs} runs in {seconds:.2} s: {:.0} runs/s on {threads} thread(s)",
        n_runs as f64 / seconds.max(1e-9)
    );
    write(out, &summary.to_string())
}

pub(crate) fn merge(
    files: &[PathBuf],
    summary: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if let Some(path) = summary {
        provenance::prepare_summary(path, force)?;
    }
    let mut shards: Vec<EnsembleSummary> = Vec::new();
    for file in files {
        let text = read_text_file(file, MAX_SHARD_BYTES).map_err(user_error)?;
        let shard =
            EnsembleSummary::from_shard_text(&text).map_err(|e| user(format!("{}: {e}", file.display())))?;
        // Each file against the first, so that the error names both files.
        if let Some(reason) = shards.first().and_then(|first| first.difference(&shard)) {
            return Err(user(format!(
                "cannot merge {} with {}: {reason}; merge only shards of one ensemble",
                file.display(),
                files[0].display()
            )));
        }
        shards.push(shard);
    }
    let merged = EnsembleSummary::merge_all(shards).map_err(|e| user(format!("cannot merge: {e}")))?;
    // A missing first or last shard (a job-array task that never ran) would otherwise give a
    // summary of fewer runs that looks whole.
    if !merged.is_complete() {
        let runs = merged.runs();
        return Err(user(format!(
            "cannot merge: the shards cover runs {}..{} of 0..{}; a shard is missing (runs {})",
            runs.start,
            runs.end,
            merged.n_runs_total(),
            if runs.start > 0 {
                format!("0..{}", runs.start)
            } else {
                format!("{}..{}", runs.end, merged.n_runs_total())
            }
        )));
    }
    if let Some(path) = summary {
        let provenance = merged_provenance(&files[0], &merged);
        provenance::write_summary(path, merged.to_shard_text().as_bytes(), &provenance, force)?;
    }
    // The canonical benchmark keeps its own layout; any other model's shards print as a table.
    let text = match AttritionSummary::from_summary(merged.clone()) {
        Ok(attrition) => attrition.to_string(),
        Err(_) => bulwark_report::ensemble_view::render(
            "bulwark merge",
            &merged,
            &bulwark_report::i18n::Messages::new(bulwark_report::i18n::Lang::En),
        ),
    };
    write(out, &text)
}

/// The provenance of a merged summary: that of the unsharded run it equals. It is read from
/// the first shard's manifest (the shards' commands, digests and seed agree, which the merge
/// checked for everything but the command), covering every run and no shard; without that
/// manifest, what the shard file itself records, with this merge as the command.
fn merged_provenance(first_shard: &Path, merged: &EnsembleSummary) -> Provenance {
    let runs = Some(RunRange { start: 0, end: merged.n_runs_total(), total: merged.n_runs_total() });
    let manifest = std::fs::read_to_string(provenance::manifest_path(first_shard)).ok();
    if let Some(read) = manifest.as_deref().and_then(provenance_view::from_manifest) {
        return Provenance { runs, shard: None, ..read };
    }
    let recorded = |key: &str| merged.provenance().get(key).cloned();
    let digest = |key: &str| recorded(key).map(|sha256| InputDigest { name: "unknown".to_string(), sha256 });
    let this_run = provenance::of_this_run();
    Provenance {
        version: recorded("bulwark_version").unwrap_or(this_run.version.clone()),
        commit: recorded("commit").unwrap_or(this_run.commit.clone()),
        model: recorded("model"),
        dataset: digest("dataset_sha256"),
        scenarios: digest("scenario_sha256").into_iter().collect(),
        seed: Some(merged.seed()),
        runs,
        sampler: recorded("sampler"),
        ..this_run
    }
}

pub(crate) fn progress_bar(total: u64, quiet: bool) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} runs  {per_sec}  eta {eta}").ok()?;
    bar.set_style(style);
    Some(bar)
}
