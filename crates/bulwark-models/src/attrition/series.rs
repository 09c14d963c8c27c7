//! A battle's strength series (one or both sides, optional reinforcements) and its CSV reader.
//!
//! # CSV format
//!
//! One header row, then at most [`MAX_SERIES_ROWS`] rows, one per observation, comma-separated, numbers only in the columns
//! that are read (other columns are ignored, so the validation files can be read as they are):
//! - a **time** column, strictly increasing (days, or any unit; the fitted coefficients are per
//!   that unit);
//! - one or two **strength** columns: Blue's and/or Red's strength at that time (≥ 0);
//! - optional **reinforcement** columns, one per side: strength that arrived during the interval
//!   ending at that row's time (≥ 0). It is spread evenly over the interval, as in Engel's
//!   Iwo Jima model, where 54,000 men land "during day 1".
//!
//! Which column is which: [`Columns::default`] takes the first column as time, the second as
//! Blue and the third (if any) as Red, skipping columns named as reinforcements. Naming any
//! strength column ([`Columns::with_blue`], [`Columns::with_red`]) switches to names only; the
//! time column is then still the first column unless named. Errors name the file, line,
//! column and field, and suggest the nearest header for a misspelt column name.

use std::sync::Arc;

use bulwark_core::{csv_field_span, csv_input_error, suggest::did_you_mean, InputError};

use crate::error::check_range;
use crate::ModelError;

const MODEL: &str = "attrition series";

/// The most rows a series may have (issue 10: a Helmbold fit of 200,000 rows ran for minutes).
/// Every objective evaluation of a fit simulates the whole series and a fit takes up to a few
/// thousand evaluations; the longest published daily series (Ardennes, Kursk) are under a
/// hundred rows.
pub const MAX_SERIES_ROWS: usize = 5_000;

/// The largest magnitude of a time, strength or reinforcement in a series.
pub const MAX_SERIES_VALUE: f64 = 1.0e12;

/// Observations of a battle at increasing times.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    time: Vec<f64>,
    blue: Option<Vec<f64>>,
    red: Option<Vec<f64>>,
    blue_reinforcements: Option<Vec<f64>>,
    red_reinforcements: Option<Vec<f64>>,
}

/// Which CSV columns hold the series; see the module doc for the rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    time: Option<String>,
    blue: Option<String>,
    red: Option<String>,
    blue_reinforcements: Option<String>,
    red_reinforcements: Option<String>,
}

impl Columns {
    /// Names the time column.
    pub fn with_time(mut self, column: &str) -> Columns {
        self.time = Some(column.to_string());
        self
    }

    /// Names Blue's strength column (and switches from positions to names).
    pub fn with_blue(mut self, column: &str) -> Columns {
        self.blue = Some(column.to_string());
        self
    }

    /// Names Red's strength column (and switches from positions to names).
    pub fn with_red(mut self, column: &str) -> Columns {
        self.red = Some(column.to_string());
        self
    }

    /// Names Blue's reinforcement column.
    pub fn with_blue_reinforcements(mut self, column: &str) -> Columns {
        self.blue_reinforcements = Some(column.to_string());
        self
    }

    /// Names Red's reinforcement column.
    pub fn with_red_reinforcements(mut self, column: &str) -> Columns {
        self.red_reinforcements = Some(column.to_string());
        self
    }
}

impl Series {
    /// A series from values: at least two rows, strictly increasing finite times, at least one
    /// side observed, every column as long as `time`, strengths and reinforcements ≥ 0.
    pub fn new(time: Vec<f64>, blue: Option<Vec<f64>>, red: Option<Vec<f64>>) -> Result<Series, ModelError> {
        if time.len() < 2 {
            return Err(ModelError::input(MODEL, format!("{} rows; at least 2 are needed", time.len())));
        }
        if blue.is_none() && red.is_none() {
            return Err(ModelError::input(MODEL, "neither side's strength is given"));
        }
        for (idx, &t) in time.iter().enumerate() {
            let previous = if idx == 0 { f64::MIN } else { time[idx - 1] };
            let next_up = previous + previous.abs() * f64::EPSILON + f64::MIN_POSITIVE;
            check_range(
                MODEL,
                format!("time[{idx}]"),
                t,
                (next_up, f64::MAX),
                "a finite time after the previous one",
            )?;
        }
        check_column("blue", blue.as_deref(), time.len())?;
        check_column("red", red.as_deref(), time.len())?;
        Ok(Series { time, blue, red, blue_reinforcements: None, red_reinforcements: None })
    }

    /// Adds reinforcement columns: strength arriving during the interval ending at each row.
    pub fn with_reinforcements(
        mut self,
        blue: Option<Vec<f64>>,
        red: Option<Vec<f64>>,
    ) -> Result<Series, ModelError> {
        check_column("blue_reinforcements", blue.as_deref(), self.time.len())?;
        check_column("red_reinforcements", red.as_deref(), self.time.len())?;
        self.blue_reinforcements = blue;
        self.red_reinforcements = red;
        Ok(self)
    }

    /// Reads a series from CSV `text`; `file` names it in errors.
    pub fn parse_csv(file: &str, text: &str, columns: &Columns) -> Result<Series, InputError> {
        let text: Arc<str> = Arc::from(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let header = reader.headers().map_err(|err| csv_input_error(file, &text, err))?.clone();
        let names: Vec<&str> = header.iter().map(str::trim).collect();
        if names.iter().all(|name| name.is_empty()) {
            return Err(InputError::whole_file(file, "the file has no header row")
                .with_expected("a header row naming a time column and one or two strength columns"));
        }
        let layout = Layout::resolve(file, &text, &names, columns)?;
        let mut values = layout.roles.iter().map(|_| Vec::new()).collect::<Vec<Vec<f64>>>();
        for (row_idx, record) in reader.records().enumerate() {
            let record = record.map_err(|err| csv_input_error(file, &text, err))?;
            let record_start = record.position().map_or(0, |p| p.byte() as usize);
            if row_idx == MAX_SERIES_ROWS {
                return Err(InputError::at_span(
                    file,
                    &text,
                    record_start..record_start,
                    format!("the series has more than {MAX_SERIES_ROWS} rows"),
                )
                .with_expected(format!(
                    "at most {MAX_SERIES_ROWS} observations (every fit step simulates the whole series; \
                     aggregate a finer series to days)"
                )));
            }
            for (role_idx, &(role, column_idx)) in layout.roles.iter().enumerate() {
                let cell = Cell { file, text: &text, record_start, column_idx, name: names[column_idx] };
                let value = cell.number(&record[column_idx], role)?;
                if role == Role::Time {
                    if let Some(&previous) = values[role_idx].last() {
                        if value <= previous {
                            return Err(cell
                                .error(format!("time {value} does not follow {previous}"))
                                .with_expected("times that strictly increase down the file"));
                        }
                    }
                }
                values[role_idx].push(value);
            }
        }
        layout.into_series(file, values)
    }

    /// The observation times.
    pub fn time(&self) -> &[f64] {
        &self.time
    }

    /// Blue's observed strengths, if given.
    pub fn blue(&self) -> Option<&[f64]> {
        self.blue.as_deref()
    }

    /// Red's observed strengths, if given.
    pub fn red(&self) -> Option<&[f64]> {
        self.red.as_deref()
    }

    /// Blue's reinforcements per row, if given.
    pub fn blue_reinforcements(&self) -> Option<&[f64]> {
        self.blue_reinforcements.as_deref()
    }

    /// Red's reinforcements per row, if given.
    pub fn red_reinforcements(&self) -> Option<&[f64]> {
        self.red_reinforcements.as_deref()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.time.len()
    }

    /// Always false: a series has at least two rows.
    pub fn is_empty(&self) -> bool {
        self.time.is_empty()
    }
}

fn check_column(name: &str, values: Option<&[f64]>, n_rows: usize) -> Result<(), ModelError> {
    let Some(values) = values else { return Ok(()) };
    if values.len() != n_rows {
        return Err(ModelError::input(
            MODEL,
            format!("column `{name}` has {} rows, time has {n_rows}", values.len()),
        ));
    }
    for (idx, &value) in values.iter().enumerate() {
        check_range(MODEL, format!("{name}[{idx}]"), value, (0.0, f64::MAX), "a finite value of 0 or more")?;
    }
    Ok(())
}

/// What a column means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Time,
    Blue,
    Red,
    BlueReinforcements,
    RedReinforcements,
}

/// The roles found in a file and the column index of each, in role order.
struct Layout {
    roles: Vec<(Role, usize)>,
}

impl Layout {
    fn resolve(file: &str, text: &Arc<str>, names: &[&str], columns: &Columns) -> Result<Layout, InputError> {
        let find = |wanted: &str| {
            names.iter().position(|name| *name == wanted).ok_or_else(|| {
                let header_end = text.find(['\n', '\r']).unwrap_or(text.len());
                InputError::at_span(file, text, 0..header_end, format!("the header has no column `{wanted}`"))
                    .with_field(wanted)
                    .with_expected(format!("one of the columns {}", names.join(",")))
                    .with_suggestion(did_you_mean(wanted, names.iter().copied()))
            })
        };
        let mut roles = Vec::new();
        for (role, name) in [
            (Role::BlueReinforcements, &columns.blue_reinforcements),
            (Role::RedReinforcements, &columns.red_reinforcements),
            (Role::Time, &columns.time),
            (Role::Blue, &columns.blue),
            (Role::Red, &columns.red),
        ] {
            if let Some(name) = name {
                roles.push((role, find(name)?));
            }
        }
        let by_position = columns.blue.is_none() && columns.red.is_none();
        let claimed: Vec<usize> = roles.iter().map(|&(_, idx)| idx).collect();
        let mut free = (0..names.len()).filter(|idx| !claimed.contains(idx));
        if columns.time.is_none() {
            let time_idx = free.next().unwrap_or(0);
            roles.push((Role::Time, time_idx));
        }
        if by_position {
            let missing = || {
                InputError::whole_file(file, "the file has no strength column")
                    .with_expected("a time column followed by one or two strength columns")
            };
            roles.push((Role::Blue, free.next().ok_or_else(missing)?));
            if let Some(red_idx) = free.next() {
                roles.push((Role::Red, red_idx));
            }
        }
        roles.sort_by_key(|&(role, _)| role as usize);
        Ok(Layout { roles })
    }

    fn into_series(self, file: &str, mut values: Vec<Vec<f64>>) -> Result<Series, InputError> {
        let n_rows = values.first().map_or(0, Vec::len);
        if n_rows < 2 {
            return Err(InputError::whole_file(file, format!("the series has {n_rows} data rows"))
                .with_expected("at least 2 rows"));
        }
        let mut take = |wanted: Role| {
            let idx = self.roles.iter().position(|&(role, _)| role == wanted)?;
            Some(std::mem::take(&mut values[idx]))
        };
        Ok(Series {
            time: take(Role::Time).unwrap_or_default(),
            blue: take(Role::Blue),
            red: take(Role::Red),
            blue_reinforcements: take(Role::BlueReinforcements),
            red_reinforcements: take(Role::RedReinforcements),
        })
    }
}

/// One cell of the file, for parsing and for pointing at.
struct Cell<'a> {
    file: &'a str,
    text: &'a Arc<str>,
    record_start: usize,
    column_idx: usize,
    name: &'a str,
}

impl Cell<'_> {
    fn error(&self, message: impl Into<String>) -> InputError {
        let span = csv_field_span(self.text, self.record_start, self.column_idx);
        InputError::at_span(self.file, self.text, span, message).with_field(self.name)
    }

    fn number(&self, raw: &str, role: Role) -> Result<f64, InputError> {
        let raw = raw.trim();
        let expected = match role {
            Role::Time => "a finite number such as 1 or 19450219, at most 10^12 in size",
            Role::Blue | Role::Red => "a strength from 0 to 10^12",
            Role::BlueReinforcements | Role::RedReinforcements => "an amount from 0 to 10^12",
        };
        if raw.is_empty() {
            return Err(self.error("value is empty").with_expected(expected));
        }
        match raw.parse::<f64>() {
            // Past 10^12 (no battle has a trillion soldiers) squared residuals overflow and the
            // fit reports infinities (issue 10: strengths near 1e200).
            Ok(value) if value.abs() > MAX_SERIES_VALUE => {
                Err(self.error(format!("value {value} is out of range")).with_expected(expected))
            }
            Ok(value) if value.is_finite() && (role == Role::Time || value >= 0.0) => Ok(value),
            Ok(value) if value.is_finite() => {
                Err(self.error(format!("value {value} is negative")).with_expected(expected))
            }
            _ => Err(self.error(format!("`{raw}` is not a number")).with_expected(expected)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IWO: &str =
        "day_end,us_landed_on_day_men,us_strength_actual_men\n1,54000,52839\n2,0,50945\n3,6000,56031\n";

    #[test]
    fn r10_fit_series_of_200000_rows_are_refused_at_the_first_row_past_the_limit() {
        let rows: String = (0..200_000).map(|day| format!("{day},{},{}\n", 1e6 - day as f64, 2e6)).collect();
        let err = Series::parse_csv("big.csv", &format!("t,b,r\n{rows}"), &Columns::default()).unwrap_err();
        assert!(err.message.contains("more than 5000 rows"), "{err}");
        assert_eq!(err.line, MAX_SERIES_ROWS + 2);
    }

    #[test]
    fn positional_columns_are_time_blue_red() {
        let series =
            Series::parse_csv("s.csv", "t,b,r,x\n0,10,20,9\n1,9,18,9\n", &Columns::default()).unwrap();
        assert_eq!(series.time(), &[0.0, 1.0]);
        assert_eq!(series.blue(), Some(&[10.0, 9.0][..]));
        assert_eq!(series.red(), Some(&[20.0, 18.0][..]));
        assert!(series.blue_reinforcements().is_none());
    }

    #[test]
    fn positional_columns_skip_named_reinforcements() {
        let columns = Columns::default().with_blue_reinforcements("us_landed_on_day_men");
        let series = Series::parse_csv("iwo.csv", IWO, &columns).unwrap();
        assert_eq!(series.blue(), Some(&[52839.0, 50945.0, 56031.0][..]));
        assert_eq!(series.blue_reinforcements(), Some(&[54000.0, 0.0, 6000.0][..]));
        assert!(series.red().is_none());
    }

    #[test]
    fn named_columns_read_only_those() {
        let columns = Columns::default().with_blue("us_strength_actual_men");
        let series = Series::parse_csv("iwo.csv", IWO, &columns).unwrap();
        assert_eq!(series.blue().map(<[f64]>::len), Some(3));
        assert!(series.red().is_none());
    }

    #[test]
    fn misspelt_column_gets_a_suggestion() {
        let columns = Columns::default().with_blue("us_strength_actual");
        let err = Series::parse_csv("iwo.csv", IWO, &columns).unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("us_strength_actual_men"));
        assert_eq!(err.location(), "iwo.csv:1:1");
    }

    #[test]
    fn bad_cells_are_located_by_line_column_and_field() {
        let err = Series::parse_csv("s.csv", "t,b\n0,10\n1,ten\n", &Columns::default()).unwrap_err();
        assert_eq!((err.location(), err.field.as_deref()), ("s.csv:3:3".to_string(), Some("b")));
        assert!(err.message.contains("`ten` is not a number"), "{err}");
        let err = Series::parse_csv("s.csv", "t,b\n0,10\n1,-1\n", &Columns::default()).unwrap_err();
        assert!(err.message.contains("negative"), "{err}");
        let err = Series::parse_csv("s.csv", "t,b\n1,10\n1,9\n", &Columns::default()).unwrap_err();
        assert!(err.message.contains("does not follow"), "{err}");
        assert_eq!(err.location(), "s.csv:3:1");
    }

    #[test]
    fn whole_file_problems_are_reported() {
        let err = Series::parse_csv("s.csv", "t,b\n0,10\n", &Columns::default()).unwrap_err();
        assert!(err.message.contains("1 data rows"), "{err}");
        let err = Series::parse_csv("s.csv", "t\n0\n1\n", &Columns::default()).unwrap_err();
        assert!(err.message.contains("no strength column"), "{err}");
        let err = Series::parse_csv("s.csv", "", &Columns::default()).unwrap_err();
        assert!(err.message.contains("no header"), "{err}");
        let err = Series::parse_csv("s.csv", "t,b\n0,1\n1,2,3\n", &Columns::default()).unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn values_are_checked_when_built_in_code() {
        assert!(Series::new(vec![0.0], Some(vec![1.0]), None).is_err());
        assert!(Series::new(vec![0.0, 1.0], None, None).is_err());
        assert!(Series::new(vec![1.0, 0.0], Some(vec![1.0, 1.0]), None).is_err());
        assert!(Series::new(vec![0.0, 1.0], Some(vec![1.0]), None).is_err());
        let series = Series::new(vec![0.0, 1.0], None, Some(vec![5.0, 4.0])).unwrap();
        assert!(series.clone().with_reinforcements(Some(vec![-1.0, 0.0]), None).is_err());
        assert!(series.with_reinforcements(None, Some(vec![1.0, 0.0])).is_ok());
    }
}
