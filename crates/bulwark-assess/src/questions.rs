//! The three questions of DESIGN.md §1. Each awaits a model that is not built yet; the report
//! says so plainly until it is.

use crate::assessment::QuestionResult;

/// The questions, with their answers or what they wait for.
pub(crate) fn answer() -> Vec<QuestionResult> {
    vec![
        QuestionResult {
            id: "Q1",
            question: "What does losing the US nuclear umbrella change?",
            answer: Err("nuclear balance and extended-deterrence model (DESIGN.md §4.6)"),
        },
        QuestionResult {
            id: "Q2",
            question: "Can Europe stop Russia without the US?",
            answer: Err("Baltic campaign model and ensemble (DESIGN.md §4.4, §5)"),
        },
        QuestionResult {
            id: "Q3",
            question: "Could the EU build its own nuclear deterrent?",
            answer: Err("option table of the nuclear model (DESIGN.md §4.6)"),
        },
    ]
}
