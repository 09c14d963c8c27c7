//! Q2: can Europe stop Russia without the US? Answered by the Baltic campaign ensemble
//! (docs/design.md §4.4): the probability that the defence holds until the hold day with the
//! scenario's US posture and without the US, and the first year of the budget path in which
//! Europe alone, grown by the funded closure of its gaps, holds with the stated confidence. The
//! answer is those figures; the reports write its sentences.

use super::Question;
use crate::assessment::{Answer, LeverGain, PendingModel, QuestionResult, StopRussiaAnswer};
use crate::axes::Context;
use crate::campaign_inputs::CampaignAssessment;

pub(crate) struct StopRussia;

impl Question for StopRussia {
    fn answer(&self, ctx: &Context<'_>) -> QuestionResult {
        QuestionResult {
            id: "Q2",
            answer: match ctx.models.campaign.as_ref() {
                Ok(campaign) => Ok(Answer::StopRussia(answer(campaign))),
                Err(_) => Err(PendingModel::Campaign),
            },
        }
    }
}

/// The answer's figures: the campaign year's ensembles and the window of vulnerability.
pub(crate) fn answer(c: &CampaignAssessment) -> StopRussiaAnswer {
    StopRussiaAnswer {
        year: c.year,
        hold_day: c.hold_day,
        p_hold_with_us: c.with_us.p_hold,
        p_hold_without_us: c.without_us.p_hold,
        median_hours_with_us: c.with_us.median_hours,
        median_hours_without_us: c.without_us.median_hours,
        runs: c.with_us.runs,
        seed: c.seed,
        hold_confidence: c.hold_confidence,
        years_assessed: c.by_year.len(),
        window_years_without_us: c.window.years_without_us.clone(),
        window_years_with_us: c.window.years_with_us.clone(),
        // Levers come most effective first; one that does not help is no answer.
        best_lever: c.window.levers.first().filter(|l| l.helps()).map(|l| LeverGain {
            lever: l.lever,
            years_removed: l.years_removed,
            mean_p_hold_gain: l.mean_p_hold_gain,
        }),
    }
}
