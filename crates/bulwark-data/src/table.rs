//! Reading one CSV table into rows whose every field error names file, line, column and field.
//!
//! The typed tables in [`crate::tables`] are built on this: they ask a [`Row`] for a field by
//! column name and get either the parsed value or an [`InputError`] pointing at the exact cell.

use std::sync::Arc;

use bulwark_core::{csv_field_span, csv_input_error, suggest::did_you_mean, InputError};

/// Largest table file we read, in bytes. The real tables are a few hundred kilobytes; a file
/// far beyond that is a mistake (a wrong path, a dump) and is refused before it is parsed.
pub const MAX_TABLE_BYTES: usize = 8 * 1024 * 1024;

/// Columns a table file may leave out, and a row may leave off at its end. `bound` is the one:
/// it was added after the tables were written and marks only the rows that are bounds or
/// claims, so older copies of the dataset, and rows appended by branches that predate it,
/// load unchanged and read as exact figures.
pub(crate) const OPTIONAL_COLUMNS: &[&str] = &["bound"];

/// A table file's name and text, shared by every row that came from it.
#[derive(Debug)]
pub(crate) struct TableMeta {
    pub(crate) file: String,
    pub(crate) text: Arc<str>,
    pub(crate) columns: Vec<&'static str>,
    /// Position of each expected column in the file's own header order; `None` for an
    /// optional column the header leaves out.
    pub(crate) file_order: Vec<Option<usize>>,
    /// Number of columns in the file's header.
    pub(crate) header_len: usize,
}

/// Where a row came from, so later checks can point at its cells.
#[derive(Clone, Debug)]
pub struct Origin {
    meta: Arc<TableMeta>,
    /// 1-based line of the record.
    line: usize,
    /// Byte offset of the record's start in the file text.
    record_start: usize,
}

/// Where a row came from is not part of its value: two datasets are equal when their figures,
/// sources and notes are, whichever files and lines they were read from.
impl PartialEq for Origin {
    fn eq(&self, _other: &Origin) -> bool {
        true
    }
}

impl Origin {
    /// The file the row is in.
    pub fn file(&self) -> &str {
        &self.meta.file
    }

    /// The 1-based line of the row.
    pub fn line(&self) -> usize {
        self.line
    }

    /// An error located at the cell of `column` in this row.
    pub fn error(&self, column: &str, message: impl Into<String>) -> InputError {
        let span = self.cell_span(column);
        InputError::at_span(self.meta.file.clone(), &self.meta.text, span, message).with_field(column)
    }

    fn cell_span(&self, column: &str) -> std::ops::Range<usize> {
        let Some(expected_idx) = self.meta.columns.iter().position(|c| *c == column) else {
            return self.record_start..self.record_start;
        };
        // An optional column the file leaves out points at the end of the row, where it would be.
        let field_idx = self.meta.file_order[expected_idx].unwrap_or(self.meta.header_len);
        csv_field_span(&self.meta.text, self.record_start, field_idx)
    }
}

/// One record of a table, with its fields in the table's expected column order.
#[derive(Debug)]
pub(crate) struct Row {
    fields: Vec<String>,
    pub(crate) origin: Origin,
}

impl Row {
    fn field(&self, column: &str) -> &str {
        let idx = self.origin.meta.columns.iter().position(|c| *c == column);
        // Column names come from the table definitions in this crate; an unknown one is a bug.
        idx.map_or("", |i| self.fields[i].trim())
    }

    /// The text of a field that must not be empty.
    pub(crate) fn text(&self, column: &str) -> Result<String, InputError> {
        let value = self.field(column);
        if value.is_empty() {
            return Err(self.origin.error(column, "value is empty").with_expected("a value"));
        }
        Ok(value.to_string())
    }

    /// The text of a field that may be empty.
    pub(crate) fn optional_text(&self, column: &str) -> String {
        self.field(column).to_string()
    }

    /// A finite number.
    pub(crate) fn number(&self, column: &str) -> Result<f64, InputError> {
        let value = self.text(column)?;
        match value.parse::<f64>() {
            Ok(number) if number.is_finite() => Ok(number),
            _ => Err(self
                .origin
                .error(column, format!("`{value}` is not a number"))
                .with_expected("a finite decimal number such as 1250 or 2.14")),
        }
    }

    /// A year between 1900 and 2100.
    pub(crate) fn year(&self, column: &str) -> Result<u16, InputError> {
        let value = self.text(column)?;
        match value.parse::<u16>() {
            Ok(year) if (1900..=2100).contains(&year) => Ok(year),
            _ => Err(self
                .origin
                .error(column, format!("`{value}` is not a year"))
                .with_expected("a four-digit year between 1900 and 2100")),
        }
    }
}

/// Parses a CSV file whose header must hold exactly `columns` (in any order), those of
/// [`OPTIONAL_COLUMNS`] excepted: the header may lack them, and a row may end before them
/// when they come last in the header.
pub(crate) fn read_table(
    file: &str,
    text: Arc<str>,
    columns: &[&'static str],
) -> Result<Vec<Row>, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::whole_file(file, "the file is empty")
            .with_expected(format!("a header row `{}` and data rows", columns.join(","))));
    }
    // Flexible, because a row may leave off trailing optional cells; every other difference in
    // length is refused below, as the reader would.
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|err| csv_input_error(file, &text, err))?.clone();
    let file_order = match_header(file, &text, &header, columns)?;
    // The shortest a row may be: up to the last column that is not optional.
    let names: Vec<&str> = header.iter().collect();
    let min_len = names
        .iter()
        .rposition(|name| !OPTIONAL_COLUMNS.contains(&name.trim()))
        .map_or(0, |last_required| last_required + 1);
    let meta = Arc::new(TableMeta {
        file: file.to_string(),
        text: text.clone(),
        columns: columns.to_vec(),
        file_order,
        header_len: header.len(),
    });
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| csv_input_error(file, &text, err))?;
        let position = record.position().cloned().unwrap_or_else(csv::Position::new);
        if record.len() < min_len || record.len() > header.len() {
            let offset = position.byte() as usize;
            return Err(InputError::at_span(
                file,
                &text,
                offset..offset,
                format!("this row has {} fields but the header has {}", record.len(), header.len()),
            ));
        }
        let fields = meta
            .file_order
            .iter()
            .map(|i| i.and_then(|i| record.get(i)).unwrap_or_default().to_string())
            .collect();
        let origin = Origin {
            meta: meta.clone(),
            line: position.line() as usize,
            record_start: position.byte() as usize,
        };
        rows.push(Row { fields, origin });
    }
    if rows.is_empty() {
        let header_end = text.find('\n').map_or(text.len(), |i| i + 1);
        return Err(InputError::at_span(
            file,
            &text,
            header_end..header_end,
            "the table has a header but no rows",
        )
        .with_expected("at least one data row after the header"));
    }
    Ok(rows)
}

/// Maps each expected column to its index in the file's header, or says which is wrong.
fn match_header(
    file: &str,
    text: &Arc<str>,
    header: &csv::StringRecord,
    columns: &[&'static str],
) -> Result<Vec<Option<usize>>, InputError> {
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    for (idx, name) in names.iter().enumerate() {
        if !columns.contains(name) {
            return Err(InputError::at_span(
                file,
                text,
                csv_field_span(text, 0, idx),
                format!("unknown column `{name}`"),
            )
            .with_field(name.to_string())
            .with_expected(format!("the columns {}", columns.join(",")))
            .with_suggestion(did_you_mean(name, columns.iter().copied())));
        }
        if names[..idx].contains(name) {
            return Err(InputError::at_span(
                file,
                text,
                csv_field_span(text, 0, idx),
                format!("column `{name}` appears twice"),
            )
            .with_field(name.to_string()));
        }
    }
    columns
        .iter()
        .map(|column| match names.iter().position(|name| name == column) {
            Some(idx) => Ok(Some(idx)),
            None if OPTIONAL_COLUMNS.contains(column) => Ok(None),
            None => Err(InputError::at_span(file, text, 0..0, format!("the header lacks column `{column}`"))
                .with_field(column.to_string())
                .with_expected(format!("the columns {}", columns.join(",")))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<Vec<Row>, InputError> {
        read_table("t.csv", Arc::from(text), &["id", "value"])
    }

    #[test]
    fn cell_errors_point_at_line_column_and_field() {
        let rows = table("id,value\na,1\nb,\"x, y\"\n").unwrap();
        let err = rows[1].number("value").unwrap_err();
        assert_eq!(err.location(), "t.csv:3:3");
        assert_eq!(err.field.as_deref(), Some("value"));
        assert!(err.message.contains("`x, y` is not a number"), "{err}");
    }

    #[test]
    fn header_columns_may_come_in_any_order() {
        let rows = table("value,id\n7,a\n").unwrap();
        assert_eq!(rows[0].text("id").unwrap(), "a");
        assert!((rows[0].number("value").unwrap() - 7.0).abs() < 1e-12);
        assert_eq!(rows[0].origin.error("value", "m").location(), "t.csv:2:1");
    }

    #[test]
    fn header_problems_are_named() {
        let unknown = table("id,valeu\n").unwrap_err();
        assert_eq!(unknown.suggestion.as_deref(), Some("value"));
        assert_eq!(unknown.location(), "t.csv:1:4");
        let missing = table("id\na\n").unwrap_err();
        assert!(missing.message.contains("lacks column `value`"), "{missing}");
        let empty = table("  \n").unwrap_err();
        assert!(empty.message.contains("empty"));
    }

    #[test]
    fn r10_header_only_tables_are_refused() {
        let err = table("id,value\n").unwrap_err();
        assert!(err.message.contains("no rows"), "{err}");
        assert_eq!(err.line, 2);
    }

    fn with_bound(text: &str) -> Result<Vec<Row>, InputError> {
        read_table("t.csv", Arc::from(text), &["id", "value", "bound"])
    }

    #[test]
    fn an_optional_column_may_be_absent_or_left_off_at_a_rows_end() {
        // Absent from the header: every row reads it as empty.
        let rows = with_bound("id,value\na,1\n").unwrap();
        assert_eq!(rows[0].optional_text("bound"), "");
        // In the header, and left off by rows that predate it.
        let rows = with_bound("id,value,bound\na,1\nb,2,lower\nc,3,\n").unwrap();
        let bounds: Vec<String> = rows.iter().map(|r| r.optional_text("bound")).collect();
        assert_eq!(bounds, ["", "lower", ""]);
        // A missing cell of a required column is still a ragged row, and so is one too many.
        let short = with_bound("id,value,bound\na\n").unwrap_err();
        assert_eq!(short.line, 2);
        assert!(short.message.contains("1 fields but the header has 3"), "{short}");
        let long = with_bound("id,value,bound\na,1,lower,x\n").unwrap_err();
        assert!(long.message.contains("4 fields but the header has 3"), "{long}");
        // An error in an absent optional cell points at the end of its row.
        let rows = with_bound("id,value,bound\na,1\n").unwrap();
        assert_eq!(rows[0].origin.error("bound", "m").location(), "t.csv:2:4");
    }

    #[test]
    fn ragged_rows_are_reported_with_their_line() {
        let err = table("id,value\na,1\nb,2,3\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("3 fields but the header has 2"), "{err}");
    }
}
