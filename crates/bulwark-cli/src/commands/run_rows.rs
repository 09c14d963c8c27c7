//! Per-run results of `bulwark simulate --out FILE`, as CSV or Parquet.
//!
//! Rows arrive in run order while the ensemble runs, before the metric names are known to
//! this module; they are spooled to a temporary file next to the output and converted when the
//! run ends, so memory stays flat however many runs there are. Spool and output follow the
//! rule of `output.rs`: unique temporary files, removed on error and on Ctrl-C, and the output
//! renamed into place only when complete (an interrupted run leaves no truncated Parquet).
//!
//! Parquet schema (`message bulwark_runs`), with the Arrow type each column reads as:
//!
//! | column | Parquet type | Arrow type | meaning |
//! |---|---|---|---|
//! | `run` | `REQUIRED INT64` | `Int64` | run index (its random stream is (seed, run)) |
//! | one per metric, in the model's order | `OPTIONAL DOUBLE` | `Float64` | the metric; null for a failed run |
//! | `failure` | `OPTIONAL BYTE_ARRAY (UTF8)` | `Utf8` | why the run failed; null when it completed |
//!
//! Key-value metadata: the run's provenance, one `bulwark.<field>` key per field
//! (`bulwark.version`, `bulwark.commit`, `bulwark.command`, `bulwark.dataset.sha256`, …;
//! `docs/provenance.md`). Row groups hold up to 65,536 runs; pages are uncompressed.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bulwark_core::Provenance;
use bulwark_ensemble::{EnsembleSummary, RunSink};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::output::TempFile;
use crate::Failure;

/// Runs per Parquet row group.
const ROW_GROUP_RUNS: usize = 65_536;

/// The output format, from the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowsFormat {
    Csv,
    Parquet,
}

impl RowsFormat {
    /// `.csv` or `.parquet`; anything else is a user error.
    pub(crate) fn of(path: &Path) -> Result<RowsFormat, String> {
        match path.extension().and_then(|e| e.to_str()) {
            Some("csv") => Ok(RowsFormat::Csv),
            Some("parquet") => Ok(RowsFormat::Parquet),
            _ => Err(format!("`{}`: per-run results are written as .csv or .parquet", path.display())),
        }
    }
}

/// Spools rows as `run,<values…>,<failure>` lines; [`RunRows::finish`] writes the real file.
pub(crate) struct RunRows {
    spool: BufWriter<File>,
    spool_file: TempFile,
    path: PathBuf,
    format: RowsFormat,
    /// Metric count, learnt from the first completed run, to pad the rows of failed runs.
    n_values: usize,
}

impl RunRows {
    pub(crate) fn create(path: &Path, format: RowsFormat) -> Result<RunRows, Failure> {
        let mut spool_file = TempFile::create_beside(path)?;
        let file = spool_file.file().try_clone().map_err(|e| spool_file.failure(e))?;
        Ok(RunRows { spool: BufWriter::new(file), spool_file, path: path.to_path_buf(), format, n_values: 0 })
    }

    /// Writes the output file with the metric names of `summary`; the spool goes when `self` does.
    pub(crate) fn finish(
        mut self,
        summary: &EnsembleSummary,
        provenance: &Provenance,
        force: bool,
    ) -> Result<(), Failure> {
        self.spool.flush().map_err(|e| self.spool_file.failure(e))?;
        let names: Vec<String> = summary.metrics().iter().map(|m| m.spec().name().to_string()).collect();
        let spool_path = self.spool_file.path().to_path_buf();
        let spool = BufReader::new(File::open(&spool_path).map_err(io_failure(&spool_path))?);
        let mut target = TempFile::create_beside(&self.path)?;
        let file = target.file().try_clone().map_err(|e| target.failure(e))?;
        match self.format {
            RowsFormat::Csv => write_csv(&self.path, file, &names, spool),
            RowsFormat::Parquet => write_parquet(&self.path, file, &names, provenance, spool),
        }?;
        target.persist(&self.path, force)
    }
}

fn io_failure(path: &Path) -> impl Fn(std::io::Error) -> Failure + '_ {
    move |e| Failure::Internal(format!("cannot write {}: {e}", path.display()))
}

impl RunSink for RunRows {
    fn completed(
        &mut self,
        run_idx: u64,
        values: &[f64],
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        self.n_values = values.len();
        let cells: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        writeln!(self.spool, "{run_idx},{},", cells.join(","))?;
        Ok(())
    }

    fn failed(&mut self, run_idx: u64, reason: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        // Reasons are the model's fixed phrases; commas would break the spool's columns.
        let empty = ",".repeat(self.n_values.max(1));
        writeln!(self.spool, "{run_idx}{empty},{}", reason.replace(',', ";"))?;
        Ok(())
    }
}

fn write_csv(path: &Path, file: File, names: &[String], spool: BufReader<File>) -> Result<(), Failure> {
    let fail = io_failure(path);
    let mut out = BufWriter::new(file);
    writeln!(out, "run,{},failure", names.join(",")).map_err(&fail)?;
    for line in spool.lines() {
        writeln!(out, "{}", line.map_err(&fail)?).map_err(&fail)?;
    }
    out.flush().map_err(&fail)
}

/// One row group's columns while they fill.
struct Columns {
    runs: Vec<i64>,
    values: Vec<Vec<f64>>,
    defined: Vec<Vec<i16>>,
    failures: Vec<ByteArray>,
    failure_defined: Vec<i16>,
}

impl Columns {
    fn new(n_metrics: usize) -> Columns {
        Columns {
            runs: Vec::new(),
            values: vec![Vec::new(); n_metrics],
            defined: vec![Vec::new(); n_metrics],
            failures: Vec::new(),
            failure_defined: Vec::new(),
        }
    }

    fn push(&mut self, line: &str) {
        let cells: Vec<&str> = line.split(',').collect();
        self.runs.push(cells.first().and_then(|c| c.parse().ok()).unwrap_or(-1));
        for (idx, (values, defined)) in self.values.iter_mut().zip(&mut self.defined).enumerate() {
            match cells.get(idx + 1).and_then(|c| c.parse::<f64>().ok()) {
                Some(value) => {
                    values.push(value);
                    defined.push(1);
                }
                None => defined.push(0),
            }
        }
        match cells.last().filter(|c| !c.is_empty() && cells.len() > 1) {
            Some(reason) => {
                self.failures.push(ByteArray::from(*reason));
                self.failure_defined.push(1);
            }
            None => self.failure_defined.push(0),
        }
    }
}

/// The provenance as Parquet key-value metadata: `bulwark.<field>` for each field.
pub(crate) fn provenance_metadata(provenance: &Provenance) -> Vec<KeyValue> {
    provenance
        .fields()
        .into_iter()
        .map(|(key, value)| KeyValue::new(format!("bulwark.{key}"), value))
        .collect()
}

fn write_parquet(
    path: &Path,
    file: File,
    names: &[String],
    provenance: &Provenance,
    spool: BufReader<File>,
) -> Result<(), Failure> {
    let parquet_failure = |e: parquet::errors::ParquetError| {
        Failure::Internal(format!("cannot write Parquet file {}: {e}", path.display()))
    };
    let metric_columns: String = names.iter().map(|n| format!("  OPTIONAL DOUBLE {n};\n")).collect();
    let message = format!(
        "message bulwark_runs {{\n  REQUIRED INT64 run;\n{metric_columns}  OPTIONAL BYTE_ARRAY failure (UTF8);\n}}"
    );
    let schema = Arc::new(parse_message_type(&message).map_err(parquet_failure)?);
    let props =
        WriterProperties::builder().set_key_value_metadata(Some(provenance_metadata(provenance))).build();
    let mut writer = SerializedFileWriter::new(file, schema, Arc::new(props)).map_err(parquet_failure)?;
    let mut columns = Columns::new(names.len());
    for line in spool.lines() {
        columns.push(&line.map_err(io_failure(path))?);
        if columns.runs.len() == ROW_GROUP_RUNS {
            write_row_group(&mut writer, &columns).map_err(parquet_failure)?;
            columns = Columns::new(names.len());
        }
    }
    if !columns.runs.is_empty() {
        write_row_group(&mut writer, &columns).map_err(parquet_failure)?;
    }
    writer.close().map_err(parquet_failure)?;
    Ok(())
}

fn write_row_group(
    writer: &mut SerializedFileWriter<File>,
    columns: &Columns,
) -> parquet::errors::Result<()> {
    let mut group = writer.next_row_group()?;
    let mut idx = 0;
    while let Some(mut column) = group.next_column()? {
        if idx == 0 {
            column.typed::<Int64Type>().write_batch(&columns.runs, None, None)?;
        } else if idx <= columns.values.len() {
            let metric = idx - 1;
            column.typed::<DoubleType>().write_batch(
                &columns.values[metric],
                Some(&columns.defined[metric]),
                None,
            )?;
        } else {
            column.typed::<ByteArrayType>().write_batch(
                &columns.failures,
                Some(&columns.failure_defined),
                None,
            )?;
        }
        column.close()?;
        idx += 1;
    }
    group.close()?;
    Ok(())
}
