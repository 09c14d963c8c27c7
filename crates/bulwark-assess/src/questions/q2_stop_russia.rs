//! Q2: can Europe stop Russia without the US? Answered by the Baltic campaign ensemble
//! (docs/design.md §4.4): the probability that the defence holds until the hold day with the
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
                    Err("Baltic campaign model (docs/design.md §4.4): the scenario's campaign inputs were refused")
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
        "In a Russian attack on the Baltic states in {}, the defence holds to day {day:.0} in {} of runs with \
         the US ({}) and in {} without it ({}); {} runs each, seed {}.",
        c.year,
        percent(c.with_us.p_hold),
        median(c.with_us.median_hours),
        percent(c.without_us.p_hold),
        median(c.without_us.median_hours),
        c.with_us.runs,
        c.seed,
    );
    text.push_str(&window_text(c));
    text
}

/// The window of vulnerability in a sentence.
pub(crate) fn window_text(c: &CampaignAssessment) -> String {
    let span = |years: &[u16]| match (years.first(), years.last()) {
        (Some(first), Some(last)) => format!("{} of {} years ({first}–{last})", years.len(), c.by_year.len()),
        _ => "no year".to_string(),
    };
    let mut text = format!(
        " Against Russia's force of each year, Europe alone with its funded build-up holds to day {:.0} in fewer \
         than {} of runs in {}; with the US in {}.",
        c.hold_day,
        percent(c.hold_confidence),
        span(&c.window.years_without_us),
        span(&c.window.years_with_us),
    );
    if let Some(best) = c.window.levers.first().filter(|l| l.mean_p_hold_gain > 0.0) {
        text.push_str(&format!(
            " Closing {} at once would help most ({} years out of the window, P(hold) {:+.0} points on average).",
            best.lever,
            best.years_removed,
            100.0 * best.mean_p_hold_gain
        ));
    }
    text
}
