//! `bulwark explore METHOD`: builds the design (Saltelli, Morris or a scrambled Sobol sample
//! for PRIM), runs the outcome's model on every row (or on one shard of the rows), writes the
//! per-run Parquet file, analyses, and prints the result in the chosen format.
//!
//! Sharding: `--shard k/n --out part.parquet` runs rows `k` of `n` of the design and writes
//! them; `--merge part1.parquet part2.parquet …` with the same design arguments reads them back
//! (checking that they come from this design and cover every row once) and analyses them, so
//! the result has the bytes of an unsharded run.

mod run_table;

use std::io::Write;

use bulwark_core::{suggest::did_you_mean, InputError, Provenance, RunRange};
use bulwark_ensemble::{mix64, Shard, Streams};
use bulwark_explore::outcomes::{self, Problem, ProblemError, Selection};
use bulwark_explore::{
    choose_box, evaluate_rows, morris_indices, sobol_indices, Analysis, BootstrapSettings, ExploreError,
    ExploreReport, MorrisDesign, OutcomeCensoring, ParameterInfo, PrimData, PrimSettings, SaltelliDesign,
    SobolSample, UnitDesign,
};
use bulwark_report::explore_view::{self, ExploreFormat, ModelCatalogue};
use bulwark_report::i18n::Messages;
use bulwark_report::provenance_view;
use bulwark_scenario::Scenario;

use super::bench::progress_bar;
use super::{load_checked_dataset, user_error, write};
use crate::args::{ExploreArgs, ReportFormat};
use crate::provenance;
use crate::Failure;
use run_table::RunRow;

const METHODS: [&str; 5] = ["morris", "sobol", "prim", "levers", "list"];

/// Runs of `explore levers` when `--runs` is absent.
const LEVER_RUNS: u64 = 1000;

/// Rows evaluated between two updates of the progress bar.
const WAVE_ROWS: u64 = 2048;

fn arg_error(field: &str, message: String, expected: String, suggestion: Option<String>) -> Failure {
    user_error(
        InputError::whole_file("command line", message)
            .with_field(field)
            .with_expected(expected)
            .with_suggestion(suggestion),
    )
}

pub(crate) fn run(
    data: Option<&std::path::Path>,
    args: &ExploreArgs,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // The one rule for output files: refuse to overwrite unless --force, before any work.
    if let Some(path) = &args.out {
        crate::output::prepare_file(path, force)?;
    }
    let Some(method) = METHODS.iter().copied().find(|m| *m == args.method) else {
        return Err(arg_error(
            "METHOD",
            format!("unknown method `{}`", args.method),
            format!("one of {}", METHODS.join(", ")),
            did_you_mean(&args.method, METHODS.iter().copied()),
        ));
    };
    let format = explore_format(args);
    let messages = Messages::new(args.lang.lang());
    if method == "levers"
        && (args.model.is_some() || args.shard.is_some() || args.merge.is_some() || args.out.is_some())
    {
        return Err(arg_error(
            "METHOD",
            "`explore levers` compares the levers of a scenario in one run".to_string(),
            "--scenario S --outcome NAME, without --model, --shard, --merge or --out".to_string(),
            None,
        ));
    }
    if let Some(name) = &args.model {
        let problem = Problem::test_function(name).map_err(|e| problem_error(e, "--model"))?;
        if method == "list" {
            return write(out, &explore_view::render_list(&[catalogue_of_test(&problem)], format, &messages));
        }
        let provenance = Provenance { seed: Some(args.seed.unwrap_or(7)), ..provenance::of_this_run() };
        return explore(method, &problem, None, provenance, args, force, out);
    }
    let dataset = load_checked_dataset(data)?;
    let scenario =
        Scenario::load(args.scenario.as_deref().unwrap_or("baseline"), &dataset).map_err(user_error)?;
    if method == "list" {
        return write(
            out,
            &explore_view::render_list(&catalogue(&scenario, args.outcome.as_deref())?, format, &messages),
        );
    }
    let Some(outcome) = &args.outcome else {
        return Err(arg_error(
            "--outcome",
            "`bulwark explore` needs --outcome".to_string(),
            "an outcome such as baltic.held_day_28 (`bulwark explore list` names them all)".to_string(),
            None,
        ));
    };
    let selection = match &args.params {
        Some(names) => Selection::Named(names.clone()),
        None => Selection::AllUncertain,
    };
    let problem = Problem::for_outcome(&dataset, &scenario, outcome, &selection)
        .map_err(|e| problem_error(e, "--params"))?;
    let provenance = Provenance {
        dataset: Some(provenance::dataset_digest(&dataset)),
        scenarios: vec![provenance::scenario_digest(&scenario)],
        seed: Some(args.seed.unwrap_or(scenario.seed.value)),
        ..provenance::of_this_run()
    };
    if method == "levers" {
        let report = levers(&dataset, &scenario, &problem, args.seed.unwrap_or(scenario.seed.value), args)?;
        let provenance = Provenance { model: Some(problem.model.to_string()), ..provenance };
        let text = explore_view::render(&report, format, &messages);
        let text = match format {
            ExploreFormat::Json => provenance_view::add_to_json(&text, &provenance),
            ExploreFormat::Html => provenance_view::add_to_html(&text, &provenance, &messages),
            ExploreFormat::Table | ExploreFormat::Md => text,
        };
        return write(out, &text);
    }
    explore(method, &problem, Some(&scenario), provenance, args, force, out)
}

fn explore_format(args: &ExploreArgs) -> ExploreFormat {
    match args.format {
        ReportFormat::Table => ExploreFormat::Table,
        ReportFormat::Md => ExploreFormat::Md,
        ReportFormat::Json => ExploreFormat::Json,
        ReportFormat::Html => ExploreFormat::Html,
    }
}

/// `explore levers`: every run of a Sobol sample without and with each lever.
fn levers(
    dataset: &bulwark_data::Dataset,
    scenario: &Scenario,
    problem: &Problem<'_>,
    seed: u64,
    args: &ExploreArgs,
) -> Result<ExploreReport, Failure> {
    let names: Vec<String> = match &args.levers {
        Some(names) => names.clone(),
        None => scenario.levers.keys().cloned().collect(),
    };
    if names.is_empty() {
        return Err(arg_error(
            "--scenario",
            format!("scenario `{}` declares no lever", scenario.name),
            "a scenario with [levers.NAME] tables (the baseline declares some)".to_string(),
            None,
        ));
    }
    let pulled: Vec<Scenario> =
        names.iter().map(|n| scenario.with_lever(n)).collect::<Result<_, _>>().map_err(user_error)?;
    let levers: Vec<(&bulwark_scenario::Lever, &Scenario)> =
        names.iter().zip(&pulled).filter_map(|(n, s)| Some((scenario.levers.get(n)?, s))).collect();
    let design = SobolSample::new(args.runs.unwrap_or(LEVER_RUNS), problem.parameters.len(), seed)
        .map_err(design_error)?;
    let settings = BootstrapSettings::new(args.resamples, args.confidence, seed).map_err(design_error)?;
    let pool = thread_pool(args)?;
    let effects = pool
        .install(|| {
            bulwark_explore::levers::lever_effects(dataset, problem, &levers, &design, seed, &settings)
        })
        .map_err(design_error)?;
    let column = problem
        .outcome_index(args.outcome.as_deref().unwrap_or(""))
        .map_err(|e| problem_error(e, "--outcome"))?;
    Ok(ExploreReport {
        model: problem.model,
        scenario: Some(scenario.name.clone()),
        outcome: problem.outcomes[column],
        seed,
        n_runs: design.n_rows() * (1 + effects.iter().filter(|e| !e.outcomes.is_empty()).count() as u64),
        parameters: problem
            .parameters
            .iter()
            .map(|p| ParameterInfo {
                name: p.name.clone(),
                unit: p.unit.clone(),
                distribution: p.distribution.clone(),
            })
            .collect(),
        analysis: Analysis::Levers {
            resamples: args.resamples,
            confidence: args.confidence,
            effects: effects.clone(),
        },
        censoring: None,
    })
}

fn catalogue(scenario: &Scenario, outcome: Option<&str>) -> Result<Vec<ModelCatalogue>, Failure> {
    let models: Vec<&'static str> = match outcome {
        Some(name) => vec![outcomes::model_of(name).map_err(|e| problem_error(e, "--outcome"))?],
        None => outcomes::SCENARIO_MODELS.to_vec(),
    };
    Ok(models
        .into_iter()
        .map(|model| ModelCatalogue {
            model,
            parameters: outcomes::parameters_read(scenario, model)
                .into_iter()
                .map(|(p, kind)| {
                    (p.name.clone(), p.unit.name.to_string(), p.distribution.clone(), kind.as_str())
                })
                .collect(),
            outcomes: outcomes::outcomes_of(model),
        })
        .collect())
}

fn catalogue_of_test(problem: &Problem<'_>) -> ModelCatalogue {
    ModelCatalogue {
        model: problem.model,
        parameters: problem
            .parameters
            .iter()
            .map(|p| (p.name.clone(), p.unit.clone(), p.distribution.clone(), "uncertain"))
            .collect(),
        outcomes: problem.outcomes,
    }
}

/// A name that does not fit, as a located command-line error with a did-you-mean.
fn problem_error(error: ProblemError, field: &str) -> Failure {
    let message = error.to_string();
    let (field, suggestion, expected) = match &error {
        ProblemError::UnknownOutcome { given, known } => {
            let field = if field == "--model" { field } else { "--outcome" };
            (
                field,
                did_you_mean(given, known.iter().map(String::as_str)),
                format!("one of {}", known.join(", ")),
            )
        }
        ProblemError::UnknownParameter { given, known } | ProblemError::NotRead { given, known, .. } => (
            field,
            did_you_mean(given, known.iter().map(String::as_str)),
            "a parameter the outcome's model reads (`bulwark explore list --outcome NAME`)".to_string(),
        ),
        _ => (field, None, "an uncertain parameter the outcome's model reads".to_string()),
    };
    arg_error(field, message, expected, suggestion)
}

/// The design of one method, with what the analysis needs to know of it.
enum MethodDesign {
    Sobol(SaltelliDesign),
    Morris(MorrisDesign),
    Prim(SobolSample),
}

impl MethodDesign {
    /// How the design draws its rows, for the provenance.
    fn sampler(&self) -> &'static str {
        match self {
            MethodDesign::Sobol(_) => "saltelli",
            MethodDesign::Morris(_) => "morris",
            MethodDesign::Prim(_) => "sobol-sequence",
        }
    }

    fn unit(&self) -> &dyn UnitDesign {
        match self {
            MethodDesign::Sobol(d) => d,
            MethodDesign::Morris(d) => d,
            MethodDesign::Prim(d) => d,
        }
    }
}

fn design_error(error: ExploreError) -> Failure {
    eprintln!("error: {error}");
    Failure::User
}

fn build_design(
    method: &str,
    n_params: usize,
    seed: u64,
    args: &ExploreArgs,
) -> Result<MethodDesign, Failure> {
    Ok(match method {
        "sobol" => MethodDesign::Sobol(
            SaltelliDesign::new(args.runs.unwrap_or(1024), n_params, args.second_order, Some(seed), 0)
                .map_err(design_error)?,
        ),
        "morris" => {
            let r = usize::try_from(args.runs.unwrap_or(20)).unwrap_or(usize::MAX);
            MorrisDesign::new(n_params, r, args.levels, args.candidates, seed)
                .map(MethodDesign::Morris)
                .map_err(design_error)?
        }
        _ => MethodDesign::Prim(
            SobolSample::new(args.runs.unwrap_or(10_000), n_params, seed).map_err(design_error)?,
        ),
    })
}

/// A digest of everything that fixes the rows and their outcomes, so that shards of another
/// design (or of another scenario) are refused at merge.
fn fingerprint(
    method: &str,
    problem: &Problem<'_>,
    scenario: Option<&Scenario>,
    seed: u64,
    args: &ExploreArgs,
) -> String {
    let mut text = format!(
        "method={method};model={};seed={seed};runs={:?};levels={};candidates={};second_order={};params=",
        problem.model, args.runs, args.levels, args.candidates, args.second_order
    );
    for p in &problem.parameters {
        text.push_str(&format!("{}:{:?},", p.name, p.distribution));
    }
    if let Some(scenario) = scenario {
        for (p, _) in outcomes::parameters_read(scenario, problem.model) {
            text.push_str(&format!("{}={:?};", p.name, p.distribution));
        }
        text.push_str(&format!("{:?}{:?}", scenario.us_posture, scenario.coalition.value.members));
    }
    let digest = text.bytes().fold(0x6578_706C_6F72_6531u64, |acc, byte| mix64(acc ^ u64::from(byte)));
    format!("bulwark.explore/1 {method} {} seed {seed} digest {digest:016x}", problem.model)
}

fn explore(
    method: &'static str,
    problem: &Problem<'_>,
    scenario: Option<&Scenario>,
    mut provenance: Provenance,
    args: &ExploreArgs,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    // Both callers set the seed; 7 is `--model`'s default.
    let seed = provenance.seed.unwrap_or(7);
    let design = build_design(method, problem.parameters.len(), seed, args)?;
    let n_rows = design.unit().n_rows();
    let fingerprint = fingerprint(method, problem, scenario, seed, args);
    let columns = run_table::Columns::of(problem);
    provenance.model = Some(problem.model.to_string());
    provenance.sampler = Some(design.sampler().to_string());
    provenance.runs = Some(RunRange { start: 0, end: n_rows, total: n_rows });
    let rows = match &args.merge {
        Some(files) => run_table::read_shards(files, &fingerprint, &provenance, &columns, n_rows)?,
        None => {
            let shard = match &args.shard {
                Some(text) => super::shard_arg::parse(text)?,
                None => Shard::whole(),
            };
            let range = shard.runs(n_rows);
            let rows = evaluate(problem, &design, seed, range.clone(), args)?;
            if args.shard.is_some() {
                let Some(path) = &args.out else {
                    return Err(arg_error(
                        "--out",
                        "--shard needs --out FILE.parquet for the shard's runs".to_string(),
                        "a .parquet file".to_string(),
                        None,
                    ));
                };
                let shard_provenance = Provenance {
                    runs: Some(RunRange { start: range.start, end: range.end, total: n_rows }),
                    shard: Some((shard.index(), shard.count())),
                    ..provenance.clone()
                };
                run_table::write(path, &fingerprint, &shard_provenance, &columns, range.start, &rows, force)?;
                return write(
                    out,
                    &format!(
                        "shard {}/{}: rows {}..{} of {n_rows} written to {}; analyse with --merge and every shard file\n",
                        shard.index(),
                        shard.count(),
                        range.start,
                        range.end,
                        path.display()
                    ),
                );
            }
            rows
        }
    };
    if let Some(path) = &args.out {
        run_table::write(path, &fingerprint, &provenance, &columns, 0, &rows, force)?;
    }
    let report = analyse(problem, scenario, seed, args, &design, &rows)?;
    let format = explore_format(args);
    let messages = Messages::new(args.lang.lang());
    let text = explore_view::render(&report, format, &messages);
    let text = match format {
        ExploreFormat::Json => provenance_view::add_to_json(&text, &provenance),
        ExploreFormat::Html => provenance_view::add_to_html(&text, &provenance, &messages),
        ExploreFormat::Table | ExploreFormat::Md => text,
    };
    write(out, &text)
}

fn thread_pool(args: &ExploreArgs) -> Result<rayon::ThreadPool, Failure> {
    if args.threads == Some(0) || args.threads.is_some_and(|t| t > 1024) {
        return Err(arg_error(
            "--threads",
            format!("{} threads", args.threads.unwrap_or(0)),
            "1 to 1024".to_string(),
            None,
        ));
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| Failure::Internal(format!("cannot start the worker threads: {e}")))
}

/// Runs the model on `range` of the design's rows, in waves for the progress bar.
fn evaluate(
    problem: &Problem<'_>,
    design: &MethodDesign,
    seed: u64,
    range: std::ops::Range<u64>,
    args: &ExploreArgs,
) -> Result<Vec<RunRow>, Failure> {
    let pool = thread_pool(args)?;
    let marginals = problem.marginals();
    let streams = Streams::new(seed);
    let bar = progress_bar(range.end - range.start, args.quiet);
    let mut rows = Vec::with_capacity((range.end - range.start) as usize);
    let mut start = range.start;
    while start < range.end {
        let end = (start + WAVE_ROWS).min(range.end);
        // The outcomes come from `evaluate_design` (the campaign's rows side by side in SIMD
        // lanes), the inputs from the same rows mapped alone.
        let (inputs, outcomes) = pool.install(|| {
            let inputs = evaluate_rows(design.unit(), &marginals, start..end, |_, values| values.to_vec());
            (inputs, problem.evaluate_design(design.unit(), start..end, &streams))
        });
        rows.extend(
            inputs
                .into_iter()
                .zip(outcomes)
                .map(|(inputs, outcomes)| RunRow { inputs, outcomes: outcomes.map_err(str::to_string) }),
        );
        if let Some(bar) = &bar {
            bar.set_position(end - range.start);
        }
        start = end;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(rows)
}

fn analyse(
    problem: &Problem<'_>,
    scenario: Option<&Scenario>,
    seed: u64,
    args: &ExploreArgs,
    design: &MethodDesign,
    rows: &[RunRow],
) -> Result<ExploreReport, Failure> {
    let outcome_name = match (&args.outcome, scenario) {
        (Some(name), _) => name.clone(),
        (None, _) => problem.outcomes[0].name.to_string(),
    };
    let column = problem.outcome_index(&outcome_name).map_err(|e| problem_error(e, "--outcome"))?;
    let values: Vec<f64> = rows.iter().map(|r| r.outcomes.as_ref().map_or(f64::NAN, |o| o[column])).collect();
    if let Some(first) = rows.iter().position(|r| r.outcomes.is_err()) {
        let count = rows.iter().filter(|r| r.outcomes.is_err()).count();
        let reason = rows[first].outcomes.as_ref().err().cloned().unwrap_or_default();
        return Err(design_error(ExploreError::FailedRuns {
            count,
            total: rows.len(),
            first_run: first,
            reason,
        }));
    }
    let settings = BootstrapSettings::new(args.resamples, args.confidence, seed).map_err(design_error)?;
    let pool = thread_pool(args)?;
    let analysis = match design {
        MethodDesign::Sobol(d) => Analysis::Sobol {
            n_base: d.n_base(),
            resamples: args.resamples,
            confidence: args.confidence,
            indices: pool
                .install(|| sobol_indices(d, &values, &outcome_name, &settings))
                .map_err(design_error)?,
        },
        MethodDesign::Morris(d) => Analysis::Morris {
            trajectories: d.n_trajectories(),
            levels: d.levels(),
            candidates: args.candidates,
            confidence: args.confidence,
            indices: pool.install(|| morris_indices(d, &values, &settings)).map_err(design_error)?,
        },
        MethodDesign::Prim(_) => prim(problem, &outcome_name, column, args, rows, &values)?,
    };
    Ok(ExploreReport {
        model: problem.model,
        scenario: scenario.map(|s| s.name.clone()),
        outcome: problem.outcomes[column],
        seed,
        n_runs: rows.len() as u64,
        parameters: problem
            .parameters
            .iter()
            .map(|p| ParameterInfo {
                name: p.name.clone(),
                unit: p.unit.clone(),
                distribution: p.distribution.clone(),
            })
            .collect(),
        analysis,
        // A censored time (held runs, a gap still open) analysed as its code: the report says so.
        censoring: problem.censoring(column).map(|c| OutcomeCensoring::of(c, &values)),
    })
}

fn prim(
    problem: &Problem<'_>,
    outcome_name: &str,
    column: usize,
    args: &ExploreArgs,
    rows: &[RunRow],
    values: &[f64],
) -> Result<Analysis, Failure> {
    let finite = |field: &str, value: f64| {
        if value.is_finite() {
            Ok(value)
        } else {
            Err(arg_error(field, format!("{value} is not a number"), "a finite number".to_string(), None))
        }
    };
    let (interest, is_case): (String, Box<dyn Fn(f64) -> bool>) = match (args.below, args.above) {
        (Some(below), _) => {
            let below = finite("--below", below)?;
            (format!("{outcome_name} < {below}"), Box::new(move |v| v < below))
        }
        (None, Some(above)) => {
            let above = finite("--above", above)?;
            (format!("{outcome_name} > {above}"), Box::new(move |v| v > above))
        }
        (None, None) if problem.outcomes[column].is_indicator() => {
            (format!("{outcome_name} = 0"), Box::new(|v: f64| v < 0.5))
        }
        (None, None) => {
            return Err(arg_error(
                "--below",
                format!("PRIM needs a case of interest for `{outcome_name}`, which is not a 0/1 indicator"),
                "--below X or --above X".to_string(),
                None,
            ))
        }
    };
    let labels: Vec<bool> = values.iter().map(|&v| is_case(v)).collect();
    let columns: Vec<Vec<f64>> =
        (0..problem.parameters.len()).map(|j| rows.iter().map(|r| r.inputs[j]).collect()).collect();
    let settings =
        PrimSettings { peel_alpha: args.peel_alpha, paste_alpha: args.paste_alpha, mass_min: args.mass_min };
    let data = PrimData::new(&columns, &labels).map_err(design_error)?;
    let trajectory = data.peel(&settings).map_err(design_error)?;
    let chosen_index = match args.box_index {
        Some(idx) if idx >= trajectory.len() => {
            return Err(arg_error(
                "--box",
                format!("box {idx} is not on the trajectory"),
                format!("an index from 0 to {}", trajectory.len() - 1),
                None,
            ))
        }
        Some(idx) => idx,
        None => {
            // A case of interest that is already the majority makes an absolute 0.8 pick the
            // box of all runs; halfway to purity then asks for a box that says something.
            let halfway = (trajectory[0].density + 1.0) / 2.0;
            let min_density = finite("--min-density", args.min_density.unwrap_or(halfway.max(0.8)))?;
            choose_box(&trajectory, min_density)
        }
    };
    let chosen = data.paste(&trajectory[chosen_index], &settings).map_err(design_error)?;
    let restrictions = data.restrictions(&chosen);
    Ok(Analysis::Prim {
        interest,
        n_interesting: labels.iter().filter(|&&y| y).count(),
        settings,
        trajectory,
        chosen_index,
        chosen,
        restrictions,
    })
}
