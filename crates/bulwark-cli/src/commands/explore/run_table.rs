//! The per-run Parquet file of `bulwark explore --out FILE.parquet`, and reading shard files
//! back for `--merge`.
//!
//! Schema (`message bulwark_explore_runs`), one row per design row, in row order:
//!
//! | column | Parquet type | Arrow type | meaning |
//! |---|---|---|---|
//! | `run` | `REQUIRED INT64` | `Int64` | design row (its random stream is (seed, run)) |
//! | one per varied parameter, named as the scenario names it, in design order | `REQUIRED DOUBLE` | `Float64` | the sampled value, in the parameter's unit |
//! | one per outcome of the model, named with `_` for `.` (`baltic_held_day_28`) | `OPTIONAL DOUBLE` | `Float64` | the outcome; null for a failed run |
//! | `failure` | `OPTIONAL BYTE_ARRAY (UTF8)` | `Utf8` | why the run failed; null when it completed |
//!
//! Key-value metadata: `bulwark.explore.design` (method, model, seed and a digest of the design
//! and scenario: shards of another design are refused at merge), `bulwark.explore.rows`
//! (`start..end of n`) and the provenance, one `bulwark.<field>` key per field
//! (`docs/provenance.md`); `--merge` names the first of dataset digest, scenario digest, seed,
//! model and build in which a shard differs. A Saltelli design's rows are in SALib's order (`A`, `AB_1…AB_d`,
//! [`BA_1…BA_d`], `B` per base row), so `SALib.analyze.sobol` reads the outcome column as is.
//! Row groups hold up to 65,536 runs; pages are uncompressed. The file is written next to its
//! destination and renamed, so a reader never sees half a file.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bulwark_core::Provenance;
use bulwark_explore::outcomes::Problem;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::Field;
use parquet::schema::parser::parse_message_type;

use crate::commands::run_rows::provenance_metadata;
use crate::output::TempFile;
use crate::Failure;

/// Runs per row group.
const ROW_GROUP_RUNS: usize = 65_536;

const DESIGN_KEY: &str = "bulwark.explore.design";
const ROWS_KEY: &str = "bulwark.explore.rows";

/// One design row: its sampled inputs and every outcome, or why the run failed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RunRow {
    pub(crate) inputs: Vec<f64>,
    pub(crate) outcomes: Result<Vec<f64>, String>,
}

/// Column names of the file.
pub(crate) struct Columns {
    inputs: Vec<String>,
    outcomes: Vec<String>,
}

impl Columns {
    pub(crate) fn of(problem: &Problem<'_>) -> Columns {
        Columns {
            inputs: problem.parameters.iter().map(|p| p.name.clone()).collect(),
            outcomes: problem.outcomes.iter().map(|o| o.name.replace('.', "_")).collect(),
        }
    }

    fn message(&self) -> String {
        let inputs: String = self.inputs.iter().map(|n| format!("  REQUIRED DOUBLE {n};\n")).collect();
        let outcomes: String = self.outcomes.iter().map(|n| format!("  OPTIONAL DOUBLE {n};\n")).collect();
        format!(
            "message bulwark_explore_runs {{\n  REQUIRED INT64 run;\n{inputs}{outcomes}  OPTIONAL BYTE_ARRAY failure (UTF8);\n}}"
        )
    }
}

fn internal(path: &Path) -> impl Fn(&dyn std::fmt::Display) -> Failure + '_ {
    move |e| Failure::Internal(format!("cannot write {}: {e}", path.display()))
}

/// Writes `rows` (design rows `start…`) to `path`, with the design's fingerprint and the
/// provenance (whose `runs` say which rows of how many) as key-value metadata.
pub(crate) fn write(
    path: &Path,
    design: &str,
    provenance: &Provenance,
    columns: &Columns,
    start: u64,
    rows: &[RunRow],
    force: bool,
) -> Result<(), Failure> {
    if path.extension().and_then(|e| e.to_str()) != Some("parquet") {
        eprintln!("error: --out `{}`: per-run results are written as .parquet", path.display());
        return Err(Failure::User);
    }
    let fail = internal(path);
    let schema = Arc::new(parse_message_type(&columns.message()).map_err(|e| fail(&e))?);
    let n_rows = provenance.runs.map_or(start + rows.len() as u64, |runs| runs.total);
    let mut metadata = vec![
        KeyValue::new(DESIGN_KEY.to_string(), design.to_string()),
        KeyValue::new(ROWS_KEY.to_string(), format!("{start}..{} of {n_rows}", start + rows.len() as u64)),
    ];
    metadata.extend(provenance_metadata(provenance));
    let props = Arc::new(WriterProperties::builder().set_key_value_metadata(Some(metadata)).build());
    // The one output rule: a temporary file beside the target, renamed when complete.
    let mut temp = TempFile::create_beside(path)?;
    let file = temp.file().try_clone().map_err(|e| temp.failure(e))?;
    let mut writer = SerializedFileWriter::new(file, schema, props).map_err(|e| fail(&e))?;
    for (group_idx, group) in rows.chunks(ROW_GROUP_RUNS).enumerate() {
        let first = start + (group_idx * ROW_GROUP_RUNS) as u64;
        write_group(&mut writer, columns, first, group).map_err(|e| fail(&e))?;
    }
    writer.close().map_err(|e| fail(&e))?;
    temp.persist(path, force)
}

fn write_group(
    writer: &mut SerializedFileWriter<File>,
    columns: &Columns,
    first: u64,
    rows: &[RunRow],
) -> parquet::errors::Result<()> {
    let mut group = writer.next_row_group()?;
    let n_inputs = columns.inputs.len();
    let mut idx = 0;
    while let Some(mut column) = group.next_column()? {
        if idx == 0 {
            let runs: Vec<i64> = (0..rows.len()).map(|r| (first + r as u64) as i64).collect();
            column.typed::<Int64Type>().write_batch(&runs, None, None)?;
        } else if idx <= n_inputs {
            let values: Vec<f64> = rows.iter().map(|r| r.inputs[idx - 1]).collect();
            column.typed::<DoubleType>().write_batch(&values, None, None)?;
        } else if idx <= n_inputs + columns.outcomes.len() {
            let outcome = idx - 1 - n_inputs;
            let values: Vec<f64> =
                rows.iter().filter_map(|r| r.outcomes.as_ref().ok().map(|o| o[outcome])).collect();
            let defined: Vec<i16> = rows.iter().map(|r| i16::from(r.outcomes.is_ok())).collect();
            column.typed::<DoubleType>().write_batch(&values, Some(&defined), None)?;
        } else {
            let reasons: Vec<ByteArray> = rows
                .iter()
                .filter_map(|r| r.outcomes.as_ref().err().map(|e| ByteArray::from(e.as_str())))
                .collect();
            let defined: Vec<i16> = rows.iter().map(|r| i16::from(r.outcomes.is_err())).collect();
            column.typed::<ByteArrayType>().write_batch(&reasons, Some(&defined), None)?;
        }
        column.close()?;
        idx += 1;
    }
    group.close()?;
    Ok(())
}

fn shard_error(path: &Path, message: String) -> Failure {
    eprintln!("error: --merge `{}`: {message}", path.display());
    Failure::User
}

/// Reads shard files of this design and returns every row, in order; every row must be in
/// exactly one file.
pub(crate) fn read_shards(
    files: &[PathBuf],
    design: &str,
    provenance: &Provenance,
    columns: &Columns,
    n_rows: u64,
) -> Result<Vec<RunRow>, Failure> {
    let mut rows: Vec<Option<RunRow>> = vec![None; n_rows as usize];
    for path in files {
        let file = File::open(path).map_err(|e| shard_error(path, e.to_string()))?;
        let reader = SerializedFileReader::new(file)
            .map_err(|e| shard_error(path, format!("not a Parquet file: {e}")))?;
        let metadata = reader.metadata().file_metadata().key_value_metadata();
        check_provenance(path, metadata.map_or(&[][..], Vec::as_slice), provenance)?;
        let found =
            metadata.and_then(|kv| kv.iter().find(|kv| kv.key == DESIGN_KEY)).and_then(|kv| kv.value.clone());
        if found.as_deref() != Some(design) {
            return Err(shard_error(
                path,
                format!(
                    "written for another design ({}); give the same method, scenario, outcome model, parameters, runs and seed",
                    found.as_deref().unwrap_or("no bulwark design")
                ),
            ));
        }
        let iter = reader.get_row_iter(None).map_err(|e| shard_error(path, e.to_string()))?;
        for row in iter {
            let row = row.map_err(|e| shard_error(path, e.to_string()))?;
            let (run, parsed) = parse_row(&row, columns)
                .ok_or_else(|| shard_error(path, "a row does not fit the schema".into()))?;
            let slot = rows
                .get_mut(run as usize)
                .ok_or_else(|| shard_error(path, format!("row {run} beyond {n_rows}")))?;
            if slot.replace(parsed).is_some() {
                return Err(shard_error(path, format!("row {run} is in two shard files")));
            }
        }
    }
    if let Some(missing) = rows.iter().position(Option::is_none) {
        eprintln!("error: --merge: row {missing} of {n_rows} is in no shard file; give every shard");
        return Err(Failure::User);
    }
    Ok(rows.into_iter().flatten().collect())
}

/// The provenance fields a shard must share with this run, in the order a difference is named.
const SHARED_FIELDS: [(&str, &str); 6] = [
    ("dataset.sha256", "dataset SHA-256"),
    ("scenario.sha256", "scenario SHA-256"),
    ("seed", "seed"),
    ("model", "model"),
    ("version", "Bulwark version"),
    ("commit", "Bulwark commit"),
];

/// Refuses a shard whose provenance differs from this run's in a shared field, naming the first.
fn check_provenance(path: &Path, metadata: &[KeyValue], provenance: &Provenance) -> Result<(), Failure> {
    let ours = provenance.fields();
    for (field, described) in SHARED_FIELDS {
        let expected = ours.iter().find(|(key, _)| *key == field).map(|(_, value)| value.as_str());
        let key = format!("bulwark.{field}");
        let found = metadata.iter().find(|kv| kv.key == key).and_then(|kv| kv.value.as_deref());
        if found != expected {
            let shown = |value: Option<&str>| value.map_or("none".to_string(), |v| format!("`{v}`"));
            return Err(shard_error(
                path,
                format!(
                    "the shard differs in its {described} ({} in the file, {} for this command); merge only shards of this design",
                    shown(found),
                    shown(expected)
                ),
            ));
        }
    }
    Ok(())
}

fn parse_row(row: &parquet::record::Row, columns: &Columns) -> Option<(u64, RunRow)> {
    let fields: Vec<&Field> = row.get_column_iter().map(|(_, field)| field).collect();
    let n_inputs = columns.inputs.len();
    let n_outcomes = columns.outcomes.len();
    if fields.len() != 2 + n_inputs + n_outcomes {
        return None;
    }
    let run = match fields[0] {
        Field::Long(run) => u64::try_from(*run).ok()?,
        _ => return None,
    };
    let double = |field: &Field| match field {
        Field::Double(value) => Some(*value),
        _ => None,
    };
    let inputs = fields[1..=n_inputs].iter().map(|f| double(f)).collect::<Option<Vec<f64>>>()?;
    let outcomes = match fields[1 + n_inputs + n_outcomes] {
        Field::Str(reason) => Err(reason.clone()),
        _ => Ok(fields[1 + n_inputs..1 + n_inputs + n_outcomes]
            .iter()
            .map(|f| double(f))
            .collect::<Option<Vec<f64>>>()?),
    };
    Some((run, RunRow { inputs, outcomes }))
}
