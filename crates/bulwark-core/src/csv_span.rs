//! Locating a cell in CSV text, and turning the CSV reader's errors into located
//! [`InputError`]s, so that errors about a CSV file point at line and column.

use std::ops::Range;
use std::sync::Arc;

use crate::InputError;

/// An error of the `csv` reader on `text` (the file `file`), located at the record it stopped at.
pub fn csv_input_error(file: &str, text: &Arc<str>, err: csv::Error) -> InputError {
    let offset = err.position().map_or(0, |p| p.byte() as usize);
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("this row has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8 text".to_string(),
        _ => format!("malformed CSV: {err}"),
    };
    InputError::at_span(file, text, offset..offset, message)
}

/// Byte span of field `field_idx` of the CSV record starting at byte `record_start` of `text`,
/// honouring double quotes; an empty span at the record's end when the field does not exist.
pub fn csv_field_span(text: &str, record_start: usize, field_idx: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut pos = record_start.min(bytes.len());
    let (mut current, mut in_quotes, mut start) = (0, false, pos);
    while pos < bytes.len() {
        match bytes[pos] {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => {
                if current == field_idx {
                    return start..pos;
                }
                current += 1;
                start = pos + 1;
            }
            b'\n' | b'\r' if !in_quotes => break,
            _ => {}
        }
        pos += 1;
    }
    if current == field_idx {
        start..pos
    } else {
        pos..pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_commas_do_not_split_fields() {
        let text = "a,b\nx,\"1, 2\",z\n";
        assert_eq!(&text[csv_field_span(text, 4, 1)], "\"1, 2\"");
        assert_eq!(&text[csv_field_span(text, 4, 2)], "z");
        assert_eq!(csv_field_span(text, 4, 5), 14..14);
    }
}
