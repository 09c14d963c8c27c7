//! The one shape of an error in user input, shared by the dataset and scenario loaders.
//!
//! Library crates build an [`InputError`] and return it; only the binary decides how to show
//! it (a source snippet, colours, exit status 2). Keeping the file text and byte span here lets
//! the binary draw the snippet without reading the file again.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// A problem in a file the user gave us (or in the embedded baseline), located precisely.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// Path or embedded name of the file (`scenarios/intel-cut.toml`, `<embedded>/sources.csv`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based column in characters; 0 when the problem concerns the file as a whole.
    pub column: usize,
    /// The field (column name, TOML key path) the problem is in, when there is one.
    pub field: Option<String>,
    /// What is wrong, as a full sentence fragment: "value -3 is negative".
    pub message: String,
    /// What would have been accepted: "a whole number of 0 or more".
    pub expected: Option<String>,
    /// A near miss the user probably meant.
    pub suggestion: Option<String>,
    /// The file's text and the byte span of the problem, for drawing a snippet.
    pub snippet: Option<(Arc<str>, Range<usize>)>,
}

impl InputError {
    /// An error about a whole file (unreadable, empty, too large, not text).
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            file: file.into(),
            line: 0,
            column: 0,
            field: None,
            message: message.into(),
            expected: None,
            suggestion: None,
            snippet: None,
        }
    }

    /// An error at a byte span of a file's text; line and column are computed from it.
    pub fn at_span(
        file: impl Into<String>,
        text: &Arc<str>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> InputError {
        let (line, column) = line_column(text, span.start);
        InputError {
            file: file.into(),
            line,
            column,
            field: None,
            message: message.into(),
            expected: None,
            suggestion: None,
            snippet: Some((text.clone(), span)),
        }
    }

    /// Names the field the problem is in.
    pub fn with_field(mut self, field: impl Into<String>) -> InputError {
        self.field = Some(field.into());
        self
    }

    /// Says what would have been accepted.
    pub fn with_expected(mut self, expected: impl Into<String>) -> InputError {
        self.expected = Some(expected.into());
        self
    }

    /// Adds a did-you-mean, if there is one.
    pub fn with_suggestion(mut self, suggestion: Option<String>) -> InputError {
        self.suggestion = suggestion;
        self
    }

    /// `file:line:column`, or just the file when the error has no position.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

impl fmt::Display for InputError {
    /// One line, stable, greppable: `file:line:col: field `x`: message (expected …; did you mean …?)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location())?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(expected) = &self.expected {
            write!(f, "; expected {expected}")?;
        }
        if let Some(suggestion) = &self.suggestion {
            write!(f, "; did you mean `{suggestion}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// 1-based line and character column of byte `offset` in `text` (clamped to the text).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let text = "ab\ncé\nxyz";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // 'é' is two bytes: byte 6 is the start of line 3 (after "cé\n").
        assert_eq!(line_column(text, 7), (3, 1));
        assert_eq!(line_column(text, 999), (3, 4));
    }

    #[test]
    fn display_names_location_field_expectation_and_near_miss() {
        let text: Arc<str> = Arc::from("[us_posture]\ntanker = 2\n");
        let err = InputError::at_span("s.toml", &text, 13..19, "unknown field `tanker`")
            .with_field("us_posture.tanker")
            .with_expected("one of `conventional`, `enablers`")
            .with_suggestion(Some("tankers".into()));
        assert_eq!(
            err.to_string(),
            "s.toml:2:1: field `us_posture.tanker`: unknown field `tanker`; expected one of \
             `conventional`, `enablers`; did you mean `tankers`?"
        );
    }
}
