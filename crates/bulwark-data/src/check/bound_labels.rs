//! The `bound` column against the notes: a note whose opening label names a bound (`LOWER
//! BOUND: …`) on a row whose column says otherwise is a warning.

use bulwark_core::Bound;

use super::Findings;
use crate::Dataset;

/// A note that opens with a capitalised label naming a bound (`LOWER BOUND: …`, `UPPER
/// BOUND, …`, `CLAIM of a belligerent`) while the row's `bound` column says otherwise is a
/// warning: the column, not the note, is what the models read. Only the opening label is read
/// (up to the first lower-case letter or colon), because notes also mention bounds of other
/// figures ("lower bound of the US fleet") in their prose.
pub(super) fn check_bound_labels(dataset: &Dataset, findings: &mut Findings) {
    let inventory = dataset.inventory.iter().map(|i| (i.bound, &i.provenance));
    let production = dataset.production.iter().map(|p| (p.bound, &p.provenance));
    for (bound, provenance) in inventory.chain(production) {
        let Some((labelled, label)) = labelled_bound(&provenance.note) else { continue };
        if labelled != bound {
            findings.warning(
                provenance
                    .origin
                    .error(
                        "bound",
                        format!("the note opens with `{label}` but the bound is `{}`", bound.as_str()),
                    )
                    .with_expected(format!(
                        "bound `{}`, or a note that does not open with that label",
                        labelled.as_str()
                    )),
            );
        }
    }
}

/// The bound a note's opening label names, with the label's words, if it names one.
fn labelled_bound(note: &str) -> Option<(Bound, &'static str)> {
    let end = note.find(|c: char| c.is_ascii_lowercase() || c == ':').unwrap_or(note.len());
    let label = &note[..end];
    [(Bound::Lower, "LOWER BOUND"), (Bound::Upper, "UPPER BOUND"), (Bound::Claim, "CLAIM")]
        .into_iter()
        .find(|(_, words)| label.contains(words))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::check::{check, Severity};

    const SOURCE: &str = "csis-can-europe-defend-itself-2025";

    /// The embedded dataset with `row` appended to inventory.csv, and its warnings.
    fn warnings_with(row: &str) -> Vec<String> {
        let texts = crate::export::to_csv(&Dataset::embedded().unwrap())
            .into_iter()
            .map(|(name, text)| {
                let text = if name == "inventory.csv" { format!("{text}{row}") } else { text };
                (name.to_string(), Arc::from(text))
            })
            .collect();
        let dataset = Dataset::from_texts("test", texts).unwrap();
        check(&dataset)
            .into_iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.problem.message)
            .collect()
    }

    #[test]
    fn a_note_labelled_as_a_bound_must_agree_with_the_bound_column() {
        let bound = |note: &str| labelled_bound(note).map(|(bound, _)| bound);
        assert_eq!(bound("LOWER BOUND: Puma only"), Some(Bound::Lower));
        assert_eq!(bound("WARTIME 1999, LOWER BOUND (the convention)"), Some(Bound::Lower));
        assert_eq!(bound("UPPER BOUND: about 822"), Some(Bound::Upper));
        assert_eq!(bound("CLAIM of a belligerent"), Some(Bound::Claim));
        // Prose after the label does not count.
        assert_eq!(labelled_bound("GLOBAL, counted whole and LOWER BOUND of the US fleet"), None);
        assert_eq!(labelled_bound(""), None);
        let row =
            |bound: &str| format!("DEU,europe,sead_aircraft,3,2024,{SOURCE},LOWER BOUND: one type,{bound}\n");
        let warnings = warnings_with(&row(""));
        assert!(
            warnings.iter().any(|w| w.contains("opens with `LOWER BOUND` but the bound is `exact`")),
            "{warnings:?}"
        );
        let warnings = warnings_with(&row("lower"));
        assert!(!warnings.iter().any(|w| w.contains("opens with")), "{warnings:?}");
    }

    /// The shipped notes and bound columns agree.
    #[test]
    fn the_baseline_bounds_agree_with_their_notes() {
        let dataset = Dataset::embedded().unwrap();
        let warnings: Vec<_> =
            check(&dataset).into_iter().filter(|f| f.problem.message.contains("opens with")).collect();
        assert!(warnings.is_empty(), "{warnings:#?}");
    }
}
