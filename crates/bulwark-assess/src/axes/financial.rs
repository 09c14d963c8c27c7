//! Axis 3, financial base: can the budget path pay for closing the gaps? The score is
//! `min(1, cumulative headroom / cost over the horizon)`, judged by the ledger's thresholds;
//! without the US it is the same figure, since the US does not fund European budgets.

use super::{Axis, Context};
use crate::assessment::{AxisFigures, AxisResult, AxisStatus, FinancialFigures};

pub(crate) struct Financial;

impl Axis for Financial {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let cost = ctx.horizon_cost_eur_bn;
        let headroom = ctx.cumulative_headroom_eur_bn;
        // The cost is that of closing Europe's own gaps, so the benchmark is the same score.
        let score = score(cost, headroom);
        let status = AxisStatus::assessed(score, score, &ctx.thresholds)
            .with_range(ctx.ranges.and_then(|r| r.financial_alone));
        let figures = AxisFigures::Financial(FinancialFigures {
            cost_to_close_eur_bn: cost,
            cumulative_headroom_eur_bn: headroom,
            extra_spending_a_year_eur_bn: ctx.static_increase_eur_bn,
            last_critical_gap_closes_year: ctx.window_closes,
            end_year: ctx.end_year,
        });
        AxisResult {
            number: 3,
            status,
            deciding_lines: Vec::new(),
            figures,
            pending: Vec::new(),
            score_notes: Default::default(),
        }
    }
}

/// The axis score: the share of the cost to close that the cumulative headroom covers, 1 when
/// nothing needs buying.
pub(crate) fn score(cost_eur_bn: f64, headroom_eur_bn: f64) -> f64 {
    if cost_eur_bn <= 0.0 {
        1.0
    } else {
        (headroom_eur_bn / cost_eur_bn).clamp(0.0, 1.0)
    }
}
