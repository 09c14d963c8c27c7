//! Q3: could the EU build its own nuclear deterrent? The nuclear model's option table and its
//! search over packages of European options under the scenario's budget and year. The answer
//! here is one sentence; the reports write the rest (best packages, the credibility frontier,
//! the treaty questions of a pooled force, the option table) from the model's numbers.

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;
use crate::nuclear_inputs::NuclearAssessment;

pub(crate) struct OwnDeterrent;

impl Question for OwnDeterrent {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        let answer = ctx
            .models
            .nuclear
            .as_ref()
            .map(best_package)
            .map_err(|_| "nuclear figures in nuclear.csv and nuclear_* parameters");
        QuestionResult { id: "Q3", question: "Could the EU build its own nuclear deterrent?", answer }
    }
}

fn best_package(n: &NuclearAssessment) -> String {
    let o = &n.outcome;
    let best = o.packages.as_ref().and_then(|search| search.best.first());
    match best {
        Some(best) => format!(
            "The most credible package for EUR {:.1} bn a year by {:.0} ({}) reaches {:.3}, against {:.3} for the US \
             umbrella as today and {:.3} for Europe alone.",
            n.limits.budget_eur_bn,
            n.package_by_year,
            best.option_ids.join(" + "),
            best.credibility,
            o.us_as_today.credibility,
            o.without_us.credibility
        ),
        None => format!(
            "No package of European options fits EUR {:.1} bn a year by {:.0}.",
            n.limits.budget_eur_bn, n.package_by_year
        ),
    }
}
