//! The three questions of docs/design.md §1. Each question is one file in `questions/` implementing
//! [`Question`], registered in [`QUESTIONS`]: answering one touches nothing else.

mod q1_umbrella;
mod q2_stop_russia;
mod q3_own_deterrent;

use crate::assessment::QuestionResult;
use crate::axes::Context;

/// One question of the assessment.
pub(crate) trait Question: Sync {
    /// The answer, from the same context the axes see.
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult;
}

/// The questions, in the order of docs/design.md §1.
pub(crate) const QUESTIONS: &[&dyn Question] =
    &[&q1_umbrella::Umbrella, &q2_stop_russia::StopRussia, &q3_own_deterrent::OwnDeterrent];
