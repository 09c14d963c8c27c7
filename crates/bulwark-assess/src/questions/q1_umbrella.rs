//! Q1: what does losing the US nuclear umbrella change? The nuclear model with the US as today
//! and without it. The answer here is one sentence; the reports write the rest (resolve per
//! patron, the credibility curve, the warhead balance and the money) from the model's numbers.

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;
use crate::nuclear_inputs::NuclearAssessment;

pub(crate) struct Umbrella;

const QUESTION: &str = "What does losing the US nuclear umbrella change?";

impl Question for Umbrella {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        let answer = ctx
            .models
            .nuclear
            .as_ref()
            .map(side_by_side)
            .map_err(|_| "nuclear figures in nuclear.csv and nuclear_* parameters");
        QuestionResult { id: "Q1", question: QUESTION, answer }
    }
}

fn side_by_side(n: &NuclearAssessment) -> String {
    let o = &n.outcome;
    let (today, alone) = (o.us_as_today.credibility, o.without_us.credibility);
    format!(
        "Credibility of extended deterrence over a European ally by {}: {today:.3} with the US umbrella as today, \
         {alone:.3} without it.",
        n.inputs.params.end_year()
    )
}
