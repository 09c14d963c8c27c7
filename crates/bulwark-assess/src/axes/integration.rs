//! Axis 4, strategic integration: common command and control and fast decisions. The C2 lines
//! of the ledger are scored now; the alliance decision-time model (DESIGN.md §4.7) is pending.

use super::{ledger_axis, Axis, Context};
use crate::assessment::{AxisResult, LineResult};

pub(crate) struct Integration;

impl Axis for Integration {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let (status, deciding_lines) = ledger_axis(ctx, |line: &LineResult| line.domain == "c2_cyber");
        AxisResult {
            number: 4,
            title: "Strategic integration (command and control, decision time)",
            status,
            deciding_lines,
            figures: Vec::new(),
            pending: vec!["alliance decision-time model (DESIGN.md §4.7)"],
        }
    }
}
