//! Q1: what does losing the US nuclear umbrella change? Awaits the nuclear model (§4.6).

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;

pub(crate) struct Umbrella;

impl Question for Umbrella {
    fn answer(&self, _ctx: &Context<'_>) -> QuestionResult {
        QuestionResult {
            id: "Q1",
            question: "What does losing the US nuclear umbrella change?",
            answer: Err("nuclear balance and extended-deterrence model (DESIGN.md §4.6)"),
        }
    }
}
