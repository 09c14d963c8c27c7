//! Q3: could the EU build its own nuclear deterrent? Awaits the option table of §4.6.

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;

pub(crate) struct OwnDeterrent;

impl Question for OwnDeterrent {
    fn answer(&self, _ctx: &Context<'_>) -> QuestionResult {
        QuestionResult {
            id: "Q3",
            question: "Could the EU build its own nuclear deterrent?",
            answer: Err("option table of the nuclear model (DESIGN.md §4.6)"),
        }
    }
}
