//! Q2: can Europe stop Russia without the US? Awaits the Baltic campaign model (§4.4).

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;

pub(crate) struct StopRussia;

impl Question for StopRussia {
    fn answer(&self, _ctx: &Context<'_>) -> QuestionResult {
        QuestionResult {
            id: "Q2",
            question: "Can Europe stop Russia without the US?",
            answer: Err("Baltic campaign model and ensemble (DESIGN.md §4.4, §5)"),
        }
    }
}
