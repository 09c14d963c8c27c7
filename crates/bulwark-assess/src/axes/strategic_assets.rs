//! Axis 1, strategic assets: ISR, strategic lift and air-to-air refuelling, integrated air and
//! missile defence — the enablers Europe has long borrowed from the US.

use super::{ledger_axis, unassessed, Axis, Context};
use crate::assessment::{AxisResult, LineResult};

/// Lines of this axis.
pub(crate) const LINES: &[&str] = &[
    "tanker_aircraft",
    "strategic_airlift_heavy",
    "airlift_a400m_class",
    "aewc_aircraft",
    "isr_sigint_aircraft",
    "male_hale_drones",
    "isr_satellites",
    "early_warning_satellites",
    "sam_long_range_fire_units",
    "sam_medium_range_fire_units",
    "interceptor_stock",
    "bmd_capable_ships",
];

pub(crate) struct StrategicAssets;

impl Axis for StrategicAssets {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let include = |line: &LineResult| LINES.contains(&line.line.as_str());
        let (status, deciding_lines) = ledger_axis(ctx, include);
        let missing = unassessed(ctx, include);
        let mut figures = Vec::new();
        if !missing.is_empty() {
            figures.push(("lines without data".to_string(), missing.join(", ")));
        }
        AxisResult {
            number: 1,
            title: "Strategic assets (ISR, lift and refuelling, air and missile defence)",
            status,
            deciding_lines,
            figures,
            pending: vec!["IAMD saturation model (DESIGN.md §4.5)"],
        }
    }
}
