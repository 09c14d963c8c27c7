//! Q1: what does losing the US nuclear umbrella change? The nuclear model (DESIGN.md §4.6) with
//! the US as today and without it, side by side: credibility, each patron's factors, survivable
//! warheads and the non-strategic balance.

use bulwark_models::nuclear::{Factor, Umbrella as Cover};

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;
use crate::nuclear_inputs::{self, balance_text, NuclearAssessment};

pub(crate) struct Umbrella;

const QUESTION: &str = "What does losing the US nuclear umbrella change?";

impl Question for Umbrella {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        let answer = ctx
            .models
            .nuclear
            .as_ref()
            .map(side_by_side)
            .map_err(|_| "nuclear figures in nuclear.csv and nuclear_* parameters (DESIGN.md §4.6)");
        QuestionResult { id: "Q1", question: QUESTION, answer }
    }
}

fn side_by_side(n: &NuclearAssessment) -> String {
    let o = &n.outcome;
    let (today, alone) = (&o.us_as_today, &o.without_us);
    let change =
        if today.credibility > 0.0 { 100.0 * (alone.credibility / today.credibility - 1.0) } else { 0.0 };
    let mut text = format!(
        "With the US umbrella as today the credibility of extended deterrence over a European ally is {:.3}; \
         without it {:.3} ({change:+.0} %). ",
        today.credibility, alone.credibility
    );
    text.push_str(&format!("With the US: {}. Without: {}. ", patrons(today), patrons(alone)));
    text.push_str(&format!(
        "Non-strategic balance with the US: {}; without: {}. ",
        balance_text(&today.balance),
        balance_text(&alone.balance)
    ));
    if let Some((state, factor, gain)) = weakest(alone) {
        text.push_str(&format!(
            "Without the US, the factor that holds Europe back most is {state}'s {} (raising it to 1 would add {gain:.3} to that umbrella).",
            factor.label()
        ));
    }
    text
}

fn patrons(umbrella: &Cover) -> String {
    umbrella
        .patrons
        .iter()
        .map(|p| {
            let factors: Vec<String> =
                Factor::ALL.iter().map(|f| format!("{:.2}", p.factors.value(*f))).collect();
            format!(
                "{} {:.3} ({}; {:.0} survivable warheads)",
                p.state,
                p.credibility,
                factors.join(" × "),
                p.survivable_warheads
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The European patron factor whose raise to 1 would add most.
fn weakest(umbrella: &Cover) -> Option<(String, Factor, f64)> {
    umbrella
        .patrons
        .iter()
        .filter(|p| p.state != nuclear_inputs::US)
        .flat_map(|p| {
            Factor::ALL.iter().enumerate().map(move |(idx, f)| (p.state.clone(), *f, p.gain_to_full[idx]))
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
}
