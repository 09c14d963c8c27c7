//! Q2: can Europe stop Russia without the US? Answered by the Baltic campaign ensemble
//! (DESIGN.md §4.4): the probability that the defence holds until the hold day with the
//! scenario's US posture and without the US, and the first year of the budget path in which
//! Europe alone, grown by the funded closure of its gaps, holds with the stated confidence.

use super::Question;
use crate::assessment::QuestionResult;
use crate::axes::Context;
use crate::campaign_inputs::CampaignAssessment;

pub(crate) struct StopRussia;

impl Question for StopRussia {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        QuestionResult {
            id: "Q2",
            question: "Can Europe stop Russia without the US?",
            answer: match ctx.models.campaign.as_ref() {
                Ok(campaign) => Ok(answer_text(campaign)),
                Err(_) => {
                    Err("Baltic campaign model (DESIGN.md §4.4): the scenario's campaign inputs were refused")
                }
            },
        }
    }
}

fn percent(p: f64) -> String {
    format!("{:.0} %", 100.0 * p)
}

fn median(campaign_hours: Option<f64>) -> String {
    campaign_hours
        .map_or_else(|| "held in most runs".to_string(), |h| format!("median {h:.0} h to the objective"))
}

/// The answer as one paragraph built from the figures.
pub(crate) fn answer_text(c: &CampaignAssessment) -> String {
    let day = c.hold_day;
    let mut text = format!(
        "In a Russian attack on the Baltic states, the defence holds to day {day:.0} in {} of runs with \
         the US ({}) and in {} without it ({}); {} runs each, seed {}.",
        percent(c.with_us.p_hold),
        median(c.with_us.median_hours),
        percent(c.without_us.p_hold),
        median(c.without_us.median_hours),
        c.with_us.runs,
        c.seed,
    );
    match (c.first_year_europe_holds, c.by_year.last()) {
        (Some(year), _) => text.push_str(&format!(
            " As the budget path funds the gaps a US withdrawal opens, Europe alone holds to day {day:.0} \
             in at least {} of runs from {year}.",
            percent(c.hold_confidence)
        )),
        (None, Some(last)) => text.push_str(&format!(
            " Even with the gaps a US withdrawal opens funded along the budget path, Europe alone holds to day \
             {day:.0} in {} of runs in {} — short of the {} the question asks for.",
            percent(last.p_hold),
            last.year,
            percent(c.hold_confidence)
        )),
        (None, None) => {}
    }
    text
}
