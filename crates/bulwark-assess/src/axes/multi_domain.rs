//! Axis 5, multi-domain forces: land, sea, air, space and cyber lines of the ledger, scored
//! together, with a sub-score per domain among the figures.

use bulwark_models::ledger::axis_score;

use super::{ledger_axis, Axis, Context};
use crate::assessment::{AxisResult, LineResult};

const DOMAINS: &[&str] = &["land", "maritime", "air", "strike", "space"];

pub(crate) struct MultiDomain;

impl Axis for MultiDomain {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let in_axis = |line: &LineResult| DOMAINS.contains(&line.domain.as_str());
        let (status, deciding_lines) = ledger_axis(ctx, in_axis);
        let figures = DOMAINS
            .iter()
            .filter_map(|domain| {
                let coverages: Vec<(f64, f64)> = ctx
                    .lines
                    .iter()
                    .filter(|l| l.domain == *domain)
                    .filter_map(|l| Some((l.ledger.coverage?, 1.0)))
                    .collect();
                axis_score(&coverages).map(|score| (format!("{domain} score"), format!("{score:.2}")))
            })
            .collect();
        AxisResult {
            number: 5,
            title: "Multi-domain forces (land, sea, air, space, cyber)",
            status,
            deciding_lines,
            figures,
            pending: Vec::new(),
        }
    }
}
