//! Showing an [`InputError`] to a person: a one-line summary (`file:line:col: field …`) and,
//! when the file's text is at hand, a source snippet drawn by miette.

use std::fmt;

use bulwark_core::InputError;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

/// Prints the error to stderr.
pub fn report(error: &InputError) {
    eprint!("{}", render(error));
}

/// Lines longer than this (in characters) are shown as an excerpt around the problem: miette
/// cannot draw columns past 65,535, and a whole minified line is no help to a reader.
const MAX_SNIPPET_LINE_CHARS: usize = 160;

/// Characters of a long line shown on each side of the problem.
const EXCERPT_HALF_WIDTH: usize = 60;

/// The error as text: `error: <one line>`, then the snippet if the file's text is at hand.
/// No colours, so that the text is the same on a terminal, in a pipe and in tests.
pub fn render(error: &InputError) -> String {
    let mut out = format!("error: {}\n", printable(&error.to_string()));
    if let Some((text, span)) = &error.snippet {
        if let Some(excerpt) = long_line_excerpt(text, span.start, error.line, error.column) {
            out.push_str(&excerpt);
            return out;
        }
        let diagnostic = Snippet {
            source: NamedSource::new(&error.file, same_length_printable(text)),
            message: error.message.clone(),
            span: (span.start, span.end.saturating_sub(span.start)).into(),
            label: match (&error.suggestion, &error.field) {
                (Some(suggestion), _) => format!("did you mean `{suggestion}`?"),
                (None, Some(field)) => format!("`{field}`"),
                (None, None) => "here".to_string(),
            },
        };
        let handler =
            GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor()).with_context_lines(1);
        let mut snippet = String::new();
        if handler.render_report(&mut snippet, &diagnostic).is_ok() {
            out.push_str(&snippet);
        }
    }
    out
}

/// A short excerpt of the line holding byte `offset` when that line, or one of the context
/// lines miette would draw beside it, is too long to show whole; `None` for ordinary lines.
fn long_line_excerpt(text: &str, offset: usize, line: usize, column: usize) -> Option<String> {
    let offset = floor_char_boundary(text, offset);
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let before = text[..start.saturating_sub(1)].rsplit('\n').next().unwrap_or("");
    let after = text.get(end + 1..).and_then(|rest| rest.split('\n').next()).unwrap_or("");
    let too_long = |l: &str| l.chars().count() > MAX_SNIPPET_LINE_CHARS;
    if !too_long(&text[start..end]) && !too_long(before) && !too_long(after) {
        return None;
    }
    let chars: Vec<char> = text[start..end].chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let (from, to) = (at.saturating_sub(EXCERPT_HALF_WIDTH), (at + EXCERPT_HALF_WIDTH).min(chars.len()));
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < chars.len() { "…" } else { "" };
    let excerpt: String = chars[from..to].iter().collect();
    let marker = " ".repeat(lead.chars().count() + at - from);
    Some(format!(
        "  --> line {line}, column {column} (a long line: an excerpt of characters {}–{})\n   | {lead}{}{tail}\n   | {marker}^\n",
        from + 1,
        to,
        printable(&excerpt)
    ))
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The text with control characters (NUL, ESC, …) shown as `\u{..}` escapes, so that an error
/// never sends terminal control sequences from a file to the user's terminal.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The text with each control character replaced by a printable one of the same UTF-8 length
/// (`?` or `¿`), so that the snippet's byte spans still point where they did.
fn same_length_printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => c,
            c if c.is_ascii_control() => '?',
            c if c.is_control() => '¿',
            c => c,
        })
        .collect()
}

/// The snippet part of a report, headed by the bare message.
#[derive(Debug)]
struct Snippet {
    source: NamedSource<String>,
    span: SourceSpan,
    label: String,
    message: String,
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Snippet {}

impl Diagnostic for Snippet {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(self.label.clone()), self.span))))
    }
}
