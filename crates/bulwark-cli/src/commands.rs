//! Runs each subcommand: loads what it needs, calls the library crates, writes the output.

mod bench;
mod explore;
mod fit;
mod run_rows;
mod shard_arg;
mod simulate;

use std::io::Write;
use std::path::Path;

use bulwark_core::{Bound, InputError, Provenance};
use bulwark_data::check::{check, coverage, Severity};
use bulwark_data::{export, Dataset};
use bulwark_report::assessment_view::{self, Flavour};
use bulwark_report::i18n::Messages;
use bulwark_report::{
    assessment_compare, assessment_html, assessment_json, dataset_view, provenance_view, scenario_view,
};
use bulwark_scenario::Scenario;

use crate::args::{
    AssessArgs, BenchCommand, Cli, Command, DataCommand, ExportFormat, FitCommand, ReportFormat,
    ScenarioCommand,
};
use crate::diagnostics;
use crate::output;
use crate::provenance;
use crate::Failure;

/// Runs the command the user gave, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let force = cli.force;
    match cli.command {
        Command::Assess(args) => assess(cli.data.as_deref(), &args, force, out),
        Command::Fit(FitCommand::Lanchester(args)) => fit::lanchester(&args, out),
        Command::Bench(BenchCommand::Attrition(args)) => bench::attrition(&args, force, out),
        Command::Explore(args) => explore::run(cli.data.as_deref(), &args, force, out),
        Command::Merge { files, summary } => bench::merge(&files, summary.as_deref(), force, out),
        Command::Simulate(args) => {
            let dataset = load_checked_dataset(cli.data.as_deref())?;
            simulate::run(&dataset, &args, force, out)
        }
        Command::Data(DataCommand::Check { verbose }) => data_check(cli.data.as_deref(), verbose, out),
        Command::Data(DataCommand::Show { subject, scenario }) => {
            let dataset = load_dataset(cli.data.as_deref())?;
            let text = if subject == "production" {
                // The years-to-reach table needs a scenario for its multipliers.
                let scenario = Scenario::load(scenario.as_deref().unwrap_or("baseline"), &dataset)
                    .map_err(user_error)?;
                let paces = bulwark_assess::procurement_pace::procurement_paces(&dataset, &scenario);
                let table = bulwark_report::procurement_view::pace_table(&paces, &scenario.name);
                dataset_view::show_production(&dataset, &table)
            } else if scenario.is_some() {
                return Err(user_error(
                    InputError::whole_file(
                        "command line",
                        "--scenario applies only to `data show production`",
                    )
                    .with_field("--scenario")
                    .with_expected("`bulwark data show production --scenario NAME`"),
                ));
            } else {
                dataset_view::show(&dataset, &subject).map_err(user_error)?
            };
            write(out, &text)
        }
        Command::Data(DataCommand::Export { format, out: path }) => {
            let dataset = load_dataset(cli.data.as_deref())?;
            data_export(&dataset, format, path.as_deref(), force, out)
        }
        Command::Scenario(ScenarioCommand::Check { scenario }) => {
            let dataset = load_checked_dataset(cli.data.as_deref())?;
            let scenario = Scenario::load(&scenario, &dataset).map_err(user_error)?;
            let n_set = scenario
                .parameters
                .values()
                .filter(|p| p.origin != bulwark_scenario::Origin::Default)
                .count();
            write(
                out,
                &format!(
                    "ok: scenario `{}` ({}): {} parameters ({} changed from the baseline), coalition of {} countries\n",
                    scenario.name,
                    scenario.chain.join(" → "),
                    scenario.parameters.len(),
                    n_set,
                    scenario.coalition.value.members.len()
                ),
            )
        }
        Command::Scenario(ScenarioCommand::Show { scenario }) => {
            let dataset = load_checked_dataset(cli.data.as_deref())?;
            let scenario = Scenario::load(&scenario, &dataset).map_err(user_error)?;
            write(out, &scenario_view::show(&scenario))
        }
    }
}

pub(crate) fn user_error(error: InputError) -> Failure {
    diagnostics::report(&error);
    Failure::User
}

pub(crate) fn write(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes()).map_err(|e| Failure::Internal(e.to_string()))
}

fn load_dataset(dir: Option<&Path>) -> Result<Dataset, Failure> {
    match dir {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    }
    .map_err(user_error)
}

/// Loads the dataset and refuses it if any check finds an error.
fn load_checked_dataset(dir: Option<&Path>) -> Result<Dataset, Failure> {
    let dataset = load_dataset(dir)?;
    let errors: Vec<_> = check(&dataset).into_iter().filter(|f| f.severity == Severity::Error).collect();
    if errors.is_empty() {
        return Ok(dataset);
    }
    for finding in &errors {
        diagnostics::report(&finding.problem);
    }
    eprintln!(
        "the dataset `{}` fails {} check(s); run `bulwark data check` for details",
        dataset.name,
        errors.len()
    );
    Err(Failure::User)
}

fn data_check(dir: Option<&Path>, verbose: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let dataset = load_dataset(dir)?;
    let findings = check(&dataset);
    let n_errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let n_warnings = findings.len() - n_errors;
    for finding in &findings {
        if finding.severity == Severity::Error {
            diagnostics::report(&finding.problem);
        } else if verbose {
            write(out, &format!("warning: {}\n", finding.problem))?;
        }
    }
    let summary = format!(
        "dataset `{}`: {} sources, {} countries, {} country figures, {} inventory rows, {} nuclear figures, {} cost figures, {} rates, {} production figures, {} loss figures\n",
        dataset.name,
        dataset.sources.len(),
        dataset.countries.len(),
        dataset.country_figures.len(),
        dataset.inventory.len(),
        dataset.nuclear.len(),
        dataset.costs.len(),
        dataset.rates.len(),
        dataset.production.len(),
        dataset.losses.len()
    );
    write(out, &summary)?;
    write(out, &coverage_table(&dataset))?;
    let hint = if verbose || n_warnings == 0 { "" } else { " (--verbose lists them)" };
    if n_errors > 0 {
        eprintln!("check failed: {n_errors} error(s), {n_warnings} warning(s){hint}");
        return Err(Failure::User);
    }
    write(out, &format!("check passed: 0 errors, {n_warnings} warning(s){hint}\n"))
}

/// Per-line coverage: how many European countries have a figure, and whether the US (for
/// Europe) and Russia have one; then how many lines have all three. A side whose figure is a
/// bound or a claim is marked (`≥` a lower bound, `≤` an upper bound, `~` a claim or a sum of
/// bounds pointing both ways), and the lines with a lower bound are counted.
fn coverage_table(dataset: &Dataset) -> String {
    let lines = coverage(dataset);
    let width = lines.iter().map(|c| c.line.len()).max().unwrap_or(4).max(4);
    let mark = |bound: Bound| match bound {
        Bound::Exact => " ",
        Bound::Lower => "≥",
        Bound::Upper => "≤",
        Bound::Claim | Bound::Mixed => "~",
    };
    let yes_no = |b: bool| if b { "yes" } else { "-" };
    let mut text = format!("coverage by line:\n  {:<width$}  europe  us-europe  russia\n", "line");
    for line in &lines {
        // The mark follows the cell so that the count stays the row's second word.
        let row = format!(
            "  {:<width$}  {:>6}{}  {:>8}{}  {:>5}{}",
            line.line,
            line.european_countries,
            mark(line.european_bound),
            yes_no(line.us_for_europe),
            mark(line.us_bound),
            yes_no(line.russia),
            mark(line.russia_bound)
        );
        text.push_str(row.trim_end());
        text.push('\n');
    }
    let complete = lines.iter().filter(|c| c.is_complete()).count();
    let on_lower = lines.iter().filter(|c| c.has_lower_bound()).count();
    text.push_str(&format!(
        "lines with European, US-for-Europe and Russian figures: {complete} of {}\n",
        lines.len()
    ));
    text.push_str(&format!(
        "lines with a lower bound among their figures (≥): {on_lower} of {}; ≤ an upper bound, ~ a claim or mixed bounds\n",
        lines.len()
    ));
    text
}

fn data_export(
    dataset: &Dataset,
    format: ExportFormat,
    path: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    match format {
        ExportFormat::Json => {
            let provenance = Provenance {
                dataset: Some(provenance::dataset_digest(dataset)),
                ..provenance::of_this_run()
            };
            let json = provenance_view::add_to_json(&dataset_view::to_json(dataset), &provenance);
            match path {
                Some(path) => output::write_file(path, json.as_bytes(), force),
                None => write(out, &json),
            }
        }
        ExportFormat::Csv => {
            let Some(dir) = path else {
                eprintln!(
                    "error: `--format csv` writes one file per table: give a directory with `--out DIR`"
                );
                return Err(Failure::User);
            };
            output::prepare_dir(dir)?;
            let tables = export::to_csv(dataset);
            // Check every target before writing any, so a refusal leaves no half export.
            for (name, _) in &tables {
                output::prepare_file(&dir.join(name), force)?;
            }
            for (name, text) in tables {
                output::write_file(&dir.join(name), text.as_bytes(), force)?;
            }
            write(out, &format!("wrote {} tables to {}\n", bulwark_data::TABLE_FILES.len(), dir.display()))
        }
    }
}

fn assess(dir: Option<&Path>, args: &AssessArgs, force: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let dataset = load_checked_dataset(dir)?;
    // The report's file is checked before the assessment runs, so a refusal is immediate.
    let target = args.out.as_ref().map(|dir| {
        let name = if args.compare.is_some() { "comparison" } else { "assessment" };
        dir.join(format!("{name}.{}", args.format.extension()))
    });
    if let Some(file) = &target {
        output::prepare_file(file, force)?;
    }
    let mut provenance =
        Provenance { dataset: Some(provenance::dataset_digest(&dataset)), ..provenance::of_this_run() };
    let text = match &args.compare {
        Some(pair) => {
            let sa = Scenario::load(&pair[0], &dataset).map_err(user_error)?;
            let sb = Scenario::load(&pair[1], &dataset).map_err(user_error)?;
            provenance.scenarios = vec![provenance::scenario_digest(&sa), provenance::scenario_digest(&sb)];
            // One seed when both scenarios have it; each scenario's own otherwise.
            provenance.seed = Some(sa.seed.value).filter(|seed| *seed == sb.seed.value);
            let c = bulwark_assess::compare::compare(&dataset, &sa, &sb);
            let messages = Messages::new(args.lang.lang());
            match args.format {
                ReportFormat::Json => assessment_compare::to_json(&c, &sa, &sb),
                ReportFormat::Md => assessment_compare::render(&c, &sa, &sb, true, &messages),
                ReportFormat::Table => assessment_compare::render(&c, &sa, &sb, false, &messages),
                ReportFormat::Html => assessment_compare::to_html(&c, &sa, &sb, &messages),
            }
        }
        None => {
            let messages = Messages::new(args.lang.lang());
            let scenario = Scenario::load(args.scenario.as_deref().unwrap_or("baseline"), &dataset)
                .map_err(user_error)?;
            provenance.scenarios = vec![provenance::scenario_digest(&scenario)];
            provenance.seed = Some(scenario.seed.value);
            // The assumptions behind each headline (a Morris screen of a few trajectories) do not
            // depend on the assessment: both run at once (each deterministic, so the same bytes).
            let (mut assessment, drivers) = std::thread::scope(|scope| {
                let drivers = scope.spawn(|| bulwark_explore::drivers::headline_drivers(&dataset, &scenario));
                let assessment = bulwark_assess::assess(&dataset, &scenario);
                let drivers = drivers.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (assessment, drivers)
            });
            assessment.drivers = drivers;
            if let Some(year) = args.year.filter(|y| *y < assessment.base_year || *y > assessment.end_year) {
                eprintln!(
                    "error: --year {year} is outside the horizon {}–{}",
                    assessment.base_year, assessment.end_year
                );
                return Err(Failure::User);
            }
            match args.format {
                ReportFormat::Table => {
                    assessment_view::render(&assessment, &dataset, Flavour::Terminal, args.year, &messages)
                }
                ReportFormat::Md => {
                    assessment_view::render(&assessment, &dataset, Flavour::Markdown, args.year, &messages)
                }
                ReportFormat::Json => assessment_json::to_json(&assessment, args.year),
                ReportFormat::Html => assessment_html::to_html(&assessment, &dataset, args.year, &messages),
            }
        }
    };
    let text = match args.format {
        ReportFormat::Json => provenance_view::add_to_json(&text, &provenance),
        ReportFormat::Html => {
            provenance_view::add_to_html(&text, &provenance, &Messages::new(args.lang.lang()))
        }
        ReportFormat::Table | ReportFormat::Md => text,
    };
    match &target {
        Some(file) => {
            output::write_file(file, text.as_bytes(), force)?;
            write(out, &format!("wrote {}\n", file.display()))
        }
        None => write(out, &text),
    }
}
