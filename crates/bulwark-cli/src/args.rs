//! The command line, declared with clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Bulwark: can European NATO and the EU defend themselves without the United States?
#[derive(Debug, Parser)]
#[command(name = "bulwark", version, about, long_about = None)]
pub struct Cli {
    /// Load the dataset from this directory instead of the embedded baseline-2026-01.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
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
    /// or one of countries, lines, nuclear, costs, rates, sources.
    Show {
        /// What to show.
        subject: String,
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
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned text tables for a terminal.
    Table,
    /// JSON, schema bulwark.assessment/1 (bulwark.comparison/1 with --compare).
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
