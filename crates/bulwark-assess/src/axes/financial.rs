//! Axis 3, financial base: can the budget path pay for closing the gaps? The score is
//! `min(1, cumulative headroom / cost over the horizon)`, judged by the ledger's thresholds;
//! without the US it is the same figure, since the US does not fund European budgets.

use super::{Axis, Context};
use crate::assessment::{AxisResult, AxisStatus};

pub(crate) struct Financial;

impl Axis for Financial {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let cost = ctx.horizon_cost_eur_bn;
        let headroom = ctx.cumulative_headroom_eur_bn;
        // The cost is that of closing Europe's own gaps, so the benchmark is the same score.
        let score = score(cost, headroom);
        let status = AxisStatus::assessed(score, score, &ctx.thresholds)
            .with_range(ctx.ranges.and_then(|r| r.financial_alone));
        let figures = vec![
            // Adding 0.0 turns a negative zero into zero, so nothing prints as "-0".
            ("cost to close over the horizon, EUR bn".to_string(), format!("{:.0}", cost + 0.0)),
            ("cumulative budget headroom, EUR bn".to_string(), format!("{headroom:.0}")),
            (
                "extra spending a year at today's GDP, EUR bn".to_string(),
                format!("{:.0}", ctx.static_increase_eur_bn),
            ),
            (
                "last critical gap closes".to_string(),
                ctx.window_closes.map_or_else(|| format!("after {}", ctx.end_year), |y| y.to_string()),
            ),
        ];
        AxisResult {
            number: 3,
            title: "Financial base",
            status,
            deciding_lines: Vec::new(),
            figures,
            pending: Vec::new(),
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
