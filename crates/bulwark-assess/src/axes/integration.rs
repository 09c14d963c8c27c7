//! Axis 4, strategic integration: common command and control and fast decisions.
//!
//! Two parts: the C2 lines of the ledger (scored as every ledger axis) and the alliance
//! decision-time model (docs/design.md §4.7), whose score is the probability of deciding to act
//! within `decision_required_hours` by the earlier of the North Atlantic Council and a
//! coalition of the willing. The axis score is the weighted mean
//! `w × C2 + (1 − w) × P(in time)` with `w = decision_c2_weight`; with the scenario's US
//! posture `P(in time)` blends the runs with and without US leadership by `us_posture.enablers`,
//! and without the US it is the run without. When the C2 lines have no data the decision score
//! stands alone; when the decision model refuses its inputs the C2 score does. The axis's
//! score notes carry both terms and the weight (`ScoreNotes::weighted_mean`, the decision term
//! as `ModelTerm` `decision_in_time`), so that the report shows every term of the formula.

use bulwark_scenario::Param;

use super::{ledger_axis, Axis, Context};
use crate::assessment::{
    AxisFigures, AxisResult, AxisStatus, BodyFigures, DecisionFigures, LineResult, ModelRefusal, ModelTerm,
    PendingModel, ScoreNotes, WeightedMean,
};
use crate::decision_inputs::DecisionAssessment;
use crate::Spread;

pub(crate) struct Integration;

impl Axis for Integration {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        // The C2 lines' score enters a weighted arithmetic mean here, so a line at zero does
        // not decide the axis: no score notes.
        let ledger = ledger_axis(ctx, |line: &LineResult| line.domain == "c2_cyber");
        let (ledger_status, deciding_lines) = (ledger.status, ledger.deciding_lines);
        let mut pending = Vec::new();
        let (status, figures, score_notes) = match ctx.models.decision.as_ref() {
            Ok(decision) => (
                combine(ctx, &ledger_status, decision),
                Ok(decision_figures(decision)),
                score_notes(ctx, &ledger_status, decision),
            ),
            Err(reason) => {
                pending.push(PendingModel::Decision);
                (ledger_status, Err(ModelRefusal { reason: reason.clone() }), ScoreNotes::default())
            }
        };
        AxisResult {
            number: 4,
            status,
            deciding_lines,
            figures: AxisFigures::Integration(figures),
            pending,
            score_notes,
        }
    }
}

/// The C2 lines' part of the weighted mean: their weight (0 without data) and their score with
/// the US and alone.
fn ledger_part(ctx: &Context<'_>, ledger: &AxisStatus) -> (f64, f64, f64) {
    let weight = ctx.scenario.value(Param::DecisionC2Weight);
    match ledger {
        AxisStatus::Assessed { score, score_without_us, .. } => (weight, *score, *score_without_us),
        _ => (0.0, 0.0, 0.0),
    }
}

/// Both terms of the score and their weights, so that the report can show every term of
/// `w × C2 + (1 − w) × P(in time)` in the axis's table.
fn score_notes(ctx: &Context<'_>, ledger: &AxisStatus, decision: &DecisionAssessment) -> ScoreNotes {
    let (ledger_weight, lines_with_us, lines_alone) = ledger_part(ctx, ledger);
    ScoreNotes {
        model_term: Some(ModelTerm {
            id: "decision_in_time",
            with_us: decision.p_in_time,
            alone: decision.p_in_time_without_us,
        }),
        weighted_mean: Some(WeightedMean { ledger_weight, lines_with_us, lines_alone }),
        ..ScoreNotes::default()
    }
}

/// The weighted mean of the C2 ledger score and the probability of deciding in time.
fn combine(ctx: &Context<'_>, ledger: &AxisStatus, decision: &DecisionAssessment) -> AxisStatus {
    // The C2 lines' share of the score is fixed by the ledger; the band is that of deciding in
    // time, carried through the same weights.
    let (ledger_weight, ledger_with_us, ledger_alone) = ledger_part(ctx, ledger);
    let mix = |ledger: f64, decision: f64| ledger_weight * ledger + (1.0 - ledger_weight) * decision;
    let band = &decision.p_in_time_without_us_range;
    let range = Spread {
        central: mix(ledger_alone, band.central),
        low: mix(ledger_alone, band.low),
        high: mix(ledger_alone, band.high),
        kind: band.kind,
    };
    AxisStatus::assessed(
        mix(ledger_with_us, decision.p_in_time),
        mix(ledger_alone, decision.p_in_time_without_us),
        &ctx.thresholds,
    )
    .with_range(Some(range))
}

fn decision_figures(decision: &DecisionAssessment) -> DecisionFigures {
    DecisionFigures {
        required_hours: decision.required_hours,
        runs: decision.n_draws,
        p_in_time_without_us: decision.p_in_time_without_us_range,
        p_in_time_us_leading: decision.p_in_time_with_us_range,
        p_in_time_scenario: decision.p_in_time,
        bodies: decision
            .bodies
            .iter()
            .map(|body| BodyFigures {
                body: body.id,
                median_hours_without_us: body.without_us.median_hours,
                p_paralysis_without_us: body.without_us.p_paralysis,
            })
            .collect(),
    }
}
