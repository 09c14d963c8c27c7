//! Q1: what does losing the US nuclear umbrella change? The nuclear model with the US as today
//! and without it. The answer here is the two credibilities; the reports write its sentence and the rest (resolve per
//! patron, the credibility curve, the warhead balance and the money) from the model's numbers.

use super::Question;
use crate::assessment::{Answer, PendingModel, QuestionResult, UmbrellaAnswer};
use crate::axes::Context;
use crate::nuclear_inputs::NuclearAssessment;

pub(crate) struct Umbrella;

impl Question for Umbrella {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        let answer = ctx.models.nuclear.as_ref().map(side_by_side).map_err(|_| PendingModel::Nuclear);
        QuestionResult { id: "Q1", answer }
    }
}

fn side_by_side(n: &NuclearAssessment) -> Answer {
    let o = &n.outcome;
    Answer::Umbrella(UmbrellaAnswer {
        by_year: n.inputs.params.end_year(),
        credibility_us_as_today: o.us_as_today.credibility,
        credibility_without_us: o.without_us.credibility,
    })
}
