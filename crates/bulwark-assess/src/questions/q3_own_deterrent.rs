//! Q3: could the EU build its own nuclear deterrent? The nuclear model's option table and its
//! search over packages of European options under the scenario's budget and year. The answer
//! here is the best package's figures; the reports write its sentence and the rest (best
//! packages, the credibility frontier, the treaty questions of a pooled force, the option table)
//! from the model's numbers.

use super::Question;
use crate::assessment::{Answer, OwnDeterrentAnswer, PackageAnswer, PendingModel, QuestionResult};
use crate::axes::Context;
use crate::nuclear_inputs::NuclearAssessment;

pub(crate) struct OwnDeterrent;

impl Question for OwnDeterrent {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        let answer = ctx.models.nuclear.as_ref().map(best_package).map_err(|_| PendingModel::Nuclear);
        QuestionResult { id: "Q3", answer }
    }
}

fn best_package(n: &NuclearAssessment) -> Answer {
    let o = &n.outcome;
    let best = o.packages.as_ref().and_then(|search| search.best.first());
    Answer::OwnDeterrent(OwnDeterrentAnswer {
        budget_eur_bn_a_year: n.limits.budget_eur_bn,
        by_year: n.package_by_year,
        best: best
            .map(|best| PackageAnswer { option_ids: best.option_ids.clone(), credibility: best.credibility }),
        credibility_us_as_today: o.us_as_today.credibility,
        credibility_without_us: o.without_us.credibility,
    })
}
