//! Showing an [`InputError`] to a person: a one-line summary (`file:line:col: field …`) and,
//! when the file's text is at hand, a source snippet drawn by miette.

use std::fmt;

use bulwark_core::InputError;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

/// Prints the error to stderr.
pub fn report(error: &InputError) {
    eprint!("{}", render(error));
}

/// The error as text: `error: <one line>`, then the snippet if the file's text is at hand.
/// No colours, so that the text is the same on a terminal, in a pipe and in tests.
pub fn render(error: &InputError) -> String {
    let mut out = format!("error: {error}\n");
    if let Some((text, span)) = &error.snippet {
        let diagnostic = Snippet {
            source: NamedSource::new(&error.file, text.to_string()),
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
