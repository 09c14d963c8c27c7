//! Q3: could the EU build its own nuclear deterrent? The option table of the nuclear model
//! (DESIGN.md §4.6): each option's credibility change against Europe without the US, annual
//! cost, years, NPT compliance and escalation risk, ranked under the scenario's weights with
//! the score shown part by part.

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
            .map(ranked_table)
            .map_err(|_| "nuclear figures in nuclear.csv and nuclear_* parameters (DESIGN.md §4.6)");
        QuestionResult { id: "Q3", question: "Could the EU build its own nuclear deterrent?", answer }
    }
}

fn ranked_table(n: &NuclearAssessment) -> String {
    let o = &n.outcome;
    let w = &n.weights;
    let mut text = format!(
        "Options ranked against Europe without the US (credibility {:.3}), score = {:.1} × ΔC / {:.3} (credibility with the US as today) − {:.1} × cost/max − \
         {:.1} × years/max − {:.1} × escalation − {:.1} if outside the NPT: ",
        o.without_us.credibility, w.credibility, o.us_as_today.credibility, w.cost, w.years, w.escalation, w.npt_breach
    );
    let rows: Vec<String> = o
        .options
        .iter()
        .map(|r| {
            let reason = n.option_reasons.iter().find(|(id, _)| *id == r.option.id).map_or("", |(_, why)| why.as_str());
            format!(
                "{}. {}: ΔC {:+.3}, EUR {:.2} bn a year, {:.0} years, {}, escalation risk {:.2}; score {:+.3} \
                 (credibility {:+.3}, cost {:+.3}, years {:+.3}, escalation {:+.3}, NPT {:+.3}) — {reason}",
                r.rank,
                r.option.name,
                r.credibility_change,
                r.option.annual_cost_eur_bn,
                r.option.years_to_implement,
                if r.option.npt_compliant { "NPT-compliant" } else { "outside the NPT" },
                r.option.escalation_risk,
                r.score,
                r.parts.credibility,
                r.parts.cost,
                r.parts.years,
                r.parts.escalation,
                r.parts.npt,
            )
        })
        .collect();
    text.push_str(&rows.join("; "));
    text.push_str(". ");
    if let Some(own) = o.options.iter().find(|r| r.option.id == "national_arsenal") {
        text.push_str(&format!(
            "A European arsenal of its own outside the NPT ranks {} of {}; ",
            own.rank,
            o.options.len()
        ));
    }
    if let Some(best) = o.options.iter().find(|r| r.option.id != "us_umbrella") {
        text.push_str(&format!(
            "the best European option is {} (credibility {:+.3}).",
            best.option.name, best.credibility_change
        ));
    }
    text
}
