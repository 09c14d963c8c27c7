//! `bulwark simulate MODEL`: runs one model of the assessment as a Monte Carlo ensemble over
//! the scenario's distributions, with a progress bar, optional shards, per-run results as CSV
//! or Parquet, and shard summaries for `bulwark merge`.

use std::io::Write;

use bulwark_core::{suggest::did_you_mean, InputError, Provenance, RunRange};
use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan, RunSink, Sampler};
use bulwark_report::i18n::Messages;
use bulwark_report::{ensemble_html, ensemble_view};
use bulwark_scenario::Scenario;

use super::bench::progress_bar;
use super::run_rows::{RowsFormat, RunRows};
use super::{user_error, write};
use crate::args::{SimulateArgs, SimulateFormat};
use crate::output;
use crate::provenance;
use crate::Failure;

/// How a model runs in the ensemble.
type Simulator = fn(&Dataset, &Scenario, &RunPlan, Hooks<'_>) -> Result<EnsembleSummary, String>;

/// The models `simulate` knows, by the name the user types.
const SIMULATORS: &[(&str, Simulator)] = &[
    ("baltic", bulwark_assess::campaign_inputs::simulate_campaign),
    ("threat", bulwark_assess::threat_inputs::simulate_threat),
    ("iamd", bulwark_assess::iamd_inputs::simulate_iamd),
    ("nuclear", bulwark_assess::nuclear_inputs::simulate_nuclear),
    ("decision", bulwark_assess::decision_inputs::simulate_decision),
];

/// `--year Y`: the campaign is fought in year `Y` (its `campaign_year`); only `baltic` has a year.
fn set_year(scenario: &mut Scenario, model: &str, year: u16) -> Result<(), Failure> {
    let error = |message: String, expected: &str| {
        user_error(
            InputError::whole_file("command line", message).with_field("--year").with_expected(expected),
        )
    };
    if model != "baltic" {
        return Err(error(
            format!("`--year` does not apply to model `{model}`"),
            "--year only with `baltic`",
        ));
    }
    let parameter = scenario.parameters.get_mut("campaign_year").ok_or_else(|| {
        error(
            "the scenario has no `campaign_year` parameter".to_string(),
            "a scenario extending the baseline",
        )
    })?;
    let (min, max) = (parameter.unit.min, parameter.unit.max);
    if !(min..=max).contains(&f64::from(year)) {
        return Err(error(format!("year {year} is out of range"), "a calendar year from 1900 to 2200"));
    }
    parameter.distribution = bulwark_core::Distribution::Fixed(f64::from(year));
    Ok(())
}

pub(crate) fn run(
    dataset: &Dataset,
    args: &SimulateArgs,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
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
    let mut scenario =
        Scenario::load(args.scenario.as_deref().unwrap_or("baseline"), dataset).map_err(user_error)?;
    if let Some(year) = args.year {
        set_year(&mut scenario, name, year)?;
    }
    let seed = args.seed.unwrap_or(scenario.seed.value);
    let invalid = |what: &str, e: &dyn std::fmt::Display| {
        eprintln!("error: {what}: {e}");
        Failure::User
    };
    let mut plan = RunPlan::new(args.runs, seed).map_err(|e| invalid("--runs", &e))?;
    if let Some(threads) = args.threads {
        plan = plan.with_threads(threads).map_err(|e| invalid("--threads", &e))?;
    }
    let mut sampler_name = "default";
    if let Some(sampler) = &args.sampler {
        let sampler: Sampler = sampler.parse().map_err(|e: String| invalid("--sampler", &e))?;
        sampler_name = match sampler {
            Sampler::MonteCarlo => "mc",
            Sampler::LatinHypercube => "lhs",
        };
        plan = plan.with_sampler(sampler);
    }
    let mut shard = None;
    if let Some(text) = &args.shard {
        let parsed = super::shard_arg::parse(text)?;
        shard = Some((parsed.index(), parsed.count()));
        plan = plan.with_shard(parsed);
    }
    let provenance = Provenance {
        model: Some(name.to_string()),
        dataset: Some(provenance::dataset_digest(dataset)),
        scenarios: vec![provenance::scenario_digest(&scenario)],
        seed: Some(seed),
        runs: Some(RunRange { start: plan.runs().start, end: plan.runs().end, total: args.runs }),
        shard,
        sampler: Some(sampler_name.to_string()),
        ..provenance::of_this_run()
    };
    let bar = progress_bar(plan.runs().end - plan.runs().start, args.quiet);
    let mut progress = |runs_done: u64| {
        if let Some(bar) = &bar {
            bar.set_position(runs_done);
        }
    };
    // Both outputs are checked before the first run, so a refusal costs no computing.
    if let Some(path) = &args.summary {
        provenance::prepare_summary(path, force)?;
    }
    let mut rows = match &args.out {
        Some(path) => {
            let format = RowsFormat::of(path).map_err(|e| invalid("--out", &e))?;
            output::prepare_file(path, force)?;
            Some(RunRows::create(path, format)?)
        }
        None => None,
    };
    let hooks = Hooks { sink: rows.as_mut().map(|s| s as &mut dyn RunSink), progress: Some(&mut progress) };
    let summary = simulator(dataset, &scenario, &plan, hooks).map_err(Failure::Internal)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let Some(rows) = rows {
        rows.finish(&summary, &provenance, force)?;
    }
    if let Some(path) = &args.summary {
        // What the runs were run on, so that `merge` refuses shards of other ensembles; the
        // command line and shard, which differ between shards, go to the manifest only.
        let tagged = summary
            .clone()
            .with_provenance("bulwark_version", provenance::VERSION)
            .with_provenance("commit", provenance::COMMIT)
            .with_provenance("model", name)
            .with_provenance("scenario_sha256", &provenance.scenarios[0].sha256)
            .with_provenance("dataset_sha256", provenance.dataset.as_ref().map_or("", |d| &d.sha256))
            .with_provenance("sampler", sampler_name);
        provenance::write_summary(path, tagged.to_shard_text().as_bytes(), &provenance, force)?;
    }
    let messages = Messages::new(args.lang.lang());
    let title = messages
        .f("ens-text-title", &[("model", (*name).into()), ("scenario", scenario.name.as_str().into())]);
    if summary.n_runs() > 0 && summary.n_completed() == 0 {
        // A model that cannot run on these inputs is the input's fault; its reasons are the
        // failure reasons the runs recorded.
        let reasons: Vec<String> =
            summary.failures().iter().map(|(why, n)| format!("{why} ({n} runs)")).collect();
        eprintln!(
            "error: every run of `{name}` failed on scenario `{}`: {}",
            scenario.name,
            reasons.join("; ")
        );
        return Err(Failure::User);
    }
    let text = match args.format {
        SimulateFormat::Table => ensemble_view::render(&title, &summary, &messages),
        SimulateFormat::Md => ensemble_view::render_markdown(&title, &summary, &messages),
        SimulateFormat::Html => {
            let settings = ensemble_html::RunSettings {
                model: name.to_string(),
                scenario: scenario.name.clone(),
                sampler: sampler_name.to_string(),
            };
            bulwark_report::provenance_view::add_to_html(
                &ensemble_html::to_html(&settings, &summary, &messages),
                &provenance,
                &messages,
            )
        }
    };
    write(out, &text)
}
