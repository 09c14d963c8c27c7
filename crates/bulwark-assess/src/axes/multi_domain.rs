//! Axis 5, multi-domain forces: land, sea, air, space and cyber lines of the ledger, scored
//! together, with a sub-score per domain and the scenario's force package among the figures.

use bulwark_models::ledger::axis_score;

use super::{is_multi_domain, ledger_axis, Axis, Context};
use crate::assessment::{AxisFigures, AxisResult, DomainScore, ModelRefusal, MultiDomainFigures};

pub(crate) const DOMAINS: &[&str] = &["land", "maritime", "air", "strike", "space"];

pub(crate) struct MultiDomain;

impl Axis for MultiDomain {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        // A line scored under strategic assets (tankers, airlift, ISR, drones) is not scored
        // again here: one line, one axis.
        let in_axis = is_multi_domain;
        let ledger = ledger_axis(ctx, in_axis);
        let domain_scores_without_us = DOMAINS
            .iter()
            .filter_map(|domain| {
                let coverages: Vec<(f64, f64)> = ctx
                    .lines
                    .iter()
                    .filter(|l| l.domain == *domain && in_axis(l))
                    .filter_map(|l| Some((l.ledger.coverage_without_us?, 1.0)))
                    .collect();
                axis_score(&coverages).map(|score| DomainScore { domain, score_without_us: score })
            })
            .collect();
        let force_package =
            ctx.force_package.map(|package| package.clone().map_err(|reason| ModelRefusal { reason }));
        let figures =
            AxisFigures::MultiDomain(MultiDomainFigures { domain_scores_without_us, force_package });
        AxisResult {
            number: 5,
            status: ledger.status.with_range(ctx.ranges.and_then(|r| r.multi_domain_alone)),
            deciding_lines: ledger.deciding_lines,
            figures,
            pending: Vec::new(),
            score_notes: ledger.notes,
        }
    }
}
