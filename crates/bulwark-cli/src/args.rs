//! The command line, declared with clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Bulwark: can European NATO and the EU defend themselves without the United States?
#[derive(Debug, Parser)]
#[command(
    name = "bulwark",
    version = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("BULWARK_COMMIT"), ")"),
    about,
    long_about = None
)]
pub struct Cli {
    /// Load the dataset from this directory instead of the embedded baseline-2026-01.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Overwrite output files that exist (without it, an existing file is an error).
    #[arg(long, global = true)]
    pub force: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The whole assessment: five axes, three questions, costs, budgets and the timeline.
    Assess(AssessArgs),
    /// Inspect, check and export the dataset.
    #[command(subcommand)]
    Data(DataCommand),
    /// Check and show scenario files.
    #[command(subcommand)]
    Scenario(ScenarioCommand),
    /// Fit attrition laws to a battle's strength series.
    #[command(subcommand)]
    Fit(FitCommand),
    /// Run the canonical benchmark (docs/design.md §7) and print runs per second and its summaries.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Run one model as a Monte Carlo ensemble over the scenario's distributions.
    Simulate(SimulateArgs),
    /// Which assumptions decide an outcome: Morris screening, Sobol indices, PRIM scenario
    /// discovery, or the list of parameters and outcomes.
    Explore(ExploreArgs),
    /// Merge shard files written by `simulate --shard k/n --summary FILE` or `bench attrition
    /// --shard k/n --out FILE` into one summary.
    Merge {
        /// Shard files, in any order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also write the merged summary to this file (the bytes of the unsharded run's
        /// `--summary`), with its `FILE.manifest.json`.
        #[arg(long, value_name = "FILE")]
        summary: Option<PathBuf>,
    },
}

/// `bulwark data …`
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Check every table: sources, units, ranges, duplicates, sums, memberships.
    Check {
        /// Also list warnings (gaps in coverage), not just their count.
        #[arg(long)]
        verbose: bool,
    },
    /// Show figures with their sources: a country (DEU), a capability line (tanker_aircraft),
    /// or one of countries, lines, nuclear, costs, rates, production, sources.
    Show {
        /// What to show.
        subject: String,
        /// For `production`: the scenario whose per-country procurement multipliers apply
        /// (a .toml file or an embedded name); the baseline when absent.
        #[arg(long, value_name = "FILE")]
        scenario: Option<String>,
    },
    /// Export the dataset as CSV tables (a directory) or one JSON document.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output directory for CSV, or file for JSON; JSON goes to stdout when absent.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// One CSV file per table, loadable again with `--data`.
    Csv,
    /// One JSON document, schema `bulwark.dataset/1`.
    Json,
}

/// `bulwark scenario …`
#[derive(Debug, Subcommand)]
pub enum ScenarioCommand {
    /// Validate a scenario file (or an embedded scenario by name).
    Check {
        /// Path to a .toml file, or baseline, us-conventional-withdrawal, us-full-withdrawal, intel-cut.
        scenario: String,
    },
    /// Print the fully resolved scenario, defaults filled in and marked.
    Show {
        /// Path to a .toml file, or an embedded scenario name.
        scenario: String,
    },
}

/// `bulwark assess …`
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// Scenario file, or an embedded scenario name; the baseline when absent.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Write the report into this directory (as assessment.txt, .json, .md or .html) instead of stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also show how much of each gap the funded schedule has closed by this year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Compare two scenarios side by side instead.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "scenario")]
    pub compare: Option<Vec<String>>,
    /// Language of the text, Markdown and HTML reports, comparisons included (the JSON's keys
    /// and values stay English).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Report languages (`--lang`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Japanese.
    Ja,
}

impl LangArg {
    /// The report crate's language.
    pub fn lang(self) -> bulwark_report::i18n::Lang {
        match self {
            LangArg::En => bulwark_report::i18n::Lang::En,
            LangArg::Ja => bulwark_report::i18n::Lang::Ja,
        }
    }
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned text tables for a terminal.
    Table,
    /// JSON, schema bulwark.assessment/3 (bulwark.comparison/2 with --compare).
    Json,
    /// Markdown.
    Md,
    /// One self-contained HTML file with SVG charts.
    Html,
}

impl ReportFormat {
    /// File extension for `--out`.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Table => "txt",
            ReportFormat::Json => "json",
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
        }
    }
}

/// `bulwark fit …`
#[derive(Debug, Subcommand)]
pub enum FitCommand {
    /// Least-squares fit of a Lanchester law to a daily strength series (CSV).
    Lanchester(FitArgs),
}

/// Arguments of `bulwark fit lanchester`.
#[derive(Debug, clap::Args)]
pub struct FitArgs {
    /// CSV file: a time column and one or two strength columns (first three columns by default).
    pub file: PathBuf,
    /// The law: square, linear, log or helmbold (general exponents, fitted).
    #[arg(long, default_value = "square")]
    pub law: String,
    /// Name of the time column.
    #[arg(long, value_name = "COL")]
    pub time: Option<String>,
    /// Name of Blue's strength column.
    #[arg(long, value_name = "COL")]
    pub blue: Option<String>,
    /// Name of Red's strength column.
    #[arg(long, value_name = "COL")]
    pub red: Option<String>,
    /// Column of Blue reinforcements arriving during each interval.
    #[arg(long, value_name = "COL")]
    pub reinforcements: Option<String>,
    /// Column of Red reinforcements arriving during each interval.
    #[arg(long, value_name = "COL")]
    pub red_reinforcements: Option<String>,
    /// Start the simulation at this time (before the first row), e.g. 0 for a landing.
    #[arg(long, value_name = "T")]
    pub start: Option<f64>,
    /// Blue's strength at the start (needed when Blue is not observed at the start).
    #[arg(long, value_name = "N")]
    pub blue_initial: Option<f64>,
    /// Red's strength at the start (needed when Red is not observed).
    #[arg(long, value_name = "N")]
    pub red_initial: Option<f64>,
    /// Output: a text summary with residuals, or the fitted curve and residuals as CSV.
    #[arg(long, value_enum, default_value_t = FitFormat::Text)]
    pub format: FitFormat,
}

/// Output of `fit lanchester`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FitFormat {
    /// Coefficients, R², residuals.
    Text,
    /// The fitted curve and the residuals as CSV.
    Csv,
}

/// `bulwark bench …`
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// The canonical attrition ensemble of docs/design.md §7.
    Attrition(BenchArgs),
}

/// Arguments of `bulwark bench attrition`.
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Number of runs.
    #[arg(long, default_value_t = 1_000_000)]
    pub runs: u64,
    /// Worker threads, 1 to 1024 (all cores when absent).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Seed of the random streams.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Run only shard k of n (disjoint run ranges; `bulwark merge` combines them); `auto`
    /// inside a Slurm job array (shard ID − MIN + 1 of COUNT).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Write the shard summary to this file (for `bulwark merge`).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `bulwark simulate`.
#[derive(Debug, clap::Args)]
pub struct SimulateArgs {
    /// The model: baltic, threat, iamd, nuclear or decision.
    pub model: String,
    /// Scenario file, or an embedded scenario name; the baseline when absent.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
    /// Number of runs.
    #[arg(long, default_value_t = 10_000)]
    pub runs: u64,
    /// Seed of the random streams; the scenario's seed when absent.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads, 1 to 1024 (all cores when absent).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Run only shard k of n (`bulwark merge` combines the shard summaries); `auto` inside a
    /// Slurm job array (shard SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of SLURM_ARRAY_TASK_COUNT).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Write one row per run to this file: results.parquet (schema in `run_rows.rs`) or results.csv.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Write the shard summary to this file (for `bulwark merge`).
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// How to draw the scenario's uncertain parameters: mc (Monte Carlo) or lhs (Latin
    /// hypercube); each model's own default when absent.
    #[arg(long, value_name = "mc|lhs")]
    pub sampler: Option<String>,
    /// The year of the attack (baltic): Russia's force and Europe's forces of that year; the
    /// scenario's `campaign_year` when absent.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Output format of the summary: an aligned table, Markdown, or one self-contained HTML page
    /// with each outcome's distribution and the run settings.
    #[arg(long, value_enum, default_value_t = SimulateFormat::Table)]
    pub format: SimulateFormat,
    /// Language of the summary's words (metric names stay as the model defines them).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Formats of `bulwark simulate`'s summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SimulateFormat {
    /// Aligned text table.
    Table,
    /// Markdown.
    Md,
    /// One self-contained HTML page with SVG charts.
    Html,
}

/// Arguments of `bulwark explore`.
#[derive(Debug, clap::Args)]
pub struct ExploreArgs {
    /// The method: morris, sobol, prim, levers, or list (parameters and outcomes with units).
    pub method: String,
    /// Scenario file, or an embedded scenario name; the baseline when absent.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
    /// Explore a test function with known indices instead of a scenario: ishigami or gfunction.
    #[arg(long, value_name = "NAME", conflicts_with = "scenario")]
    pub model: Option<String>,
    /// The outcome, e.g. baltic.held_day_28 (`bulwark explore list` names them all).
    #[arg(long, value_name = "NAME")]
    pub outcome: Option<String>,
    /// The parameters to vary, comma-separated; every uncertain one the model reads when absent.
    #[arg(long, value_delimiter = ',', value_name = "A,B,…", conflicts_with = "all_uncertain")]
    pub params: Option<Vec<String>>,
    /// Vary every uncertain parameter the outcome's model reads (the default).
    #[arg(long)]
    pub all_uncertain: bool,
    /// levers: the scenario's levers to compare, comma-separated; all of them when absent.
    #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
    pub levers: Option<Vec<String>>,
    /// Size of the design: sobol's base sample N (runs = N(d+2)), morris's trajectories r
    /// (runs = r(d+1)), prim's runs, levers' runs (each run once per lever and once without);
    /// 1024, 20, 10000 and 1000 when absent.
    #[arg(long)]
    pub runs: Option<u64>,
    /// Seed of the design, the runs' streams and the bootstrap; the scenario's seed when absent.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (all cores when absent).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Run only shard k of n of the design's rows and write them to --out (a Parquet file);
    /// `--merge` the shard files to analyse; `auto` inside a Slurm job array.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Write one row per run (run index, every sampled input, every outcome) to this Parquet file.
    #[arg(long, value_name = "FILE.parquet")]
    pub out: Option<std::path::PathBuf>,
    /// Analyse the runs of these shard files (written with --shard) instead of running the model.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub merge: Option<Vec<std::path::PathBuf>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Language of the text, Markdown and HTML reports (the JSON's keys and values stay English;
    /// parameter and outcome names stay as `--params` and `--outcome` spell them).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Morris: grid levels (even).
    #[arg(long, default_value_t = 4)]
    pub levels: u32,
    /// Morris: choose the trajectories among this many candidates for spread (0: no choice).
    #[arg(long, default_value_t = 0)]
    pub candidates: usize,
    /// Sobol: also estimate second-order indices (runs = N(2d+2)).
    #[arg(long)]
    pub second_order: bool,
    /// Bootstrap resamples for the confidence intervals.
    #[arg(long, default_value_t = 1000)]
    pub resamples: usize,
    /// Confidence level of the intervals.
    #[arg(long, default_value_t = 0.95)]
    pub confidence: f64,
    /// PRIM: the case of interest is the outcome below this value.
    #[arg(long, conflicts_with = "above")]
    pub below: Option<f64>,
    /// PRIM: the case of interest is the outcome above this value.
    #[arg(long)]
    pub above: Option<f64>,
    /// PRIM: share of the box's runs peeled per step.
    #[arg(long, default_value_t = 0.05)]
    pub peel_alpha: f64,
    /// PRIM: share of the box's runs pasted per step.
    #[arg(long, default_value_t = 0.05)]
    pub paste_alpha: f64,
    /// PRIM: smallest share of the runs a box may hold.
    #[arg(long, default_value_t = 0.05)]
    pub mass_min: f64,
    /// PRIM: the box to report, by its index on the peeling trajectory.
    #[arg(long = "box", value_name = "INDEX")]
    pub box_index: Option<usize>,
    /// PRIM: without --box, the box of largest coverage whose density reaches this; when
    /// absent, 0.8 or halfway from the share of cases of interest in all runs to 1, whichever
    /// is higher.
    #[arg(long)]
    pub min_density: Option<f64>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}
