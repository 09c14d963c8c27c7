//! Axis 1, strategic assets: ISR, strategic lift and air-to-air refuelling, integrated air and
//! missile defence — the enablers Europe has long borrowed from the US.

use super::{is_strategic_asset, ledger_axis_with, unassessed, Axis, Context};
use crate::assessment::AxisResult;
use crate::iamd_inputs;
use crate::Spread;

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
        let include = is_strategic_asset;
        // The IAMD saturation outcome counts like a line: the share of threats stopped, with the
        // US and by Europe alone, so that leaking defences cannot read as self-sufficient.
        let stopped =
            ctx.models.iamd.as_ref().ok().map(|iamd| {
                (1.0 - iamd.outcome.leak_fraction(), 1.0 - iamd.outcome_without_us.leak_fraction())
            });
        let (status, deciding_lines) = ledger_axis_with(ctx, include, stopped);
        let missing = unassessed(ctx, include);
        let mut figures = Vec::new();
        if !missing.is_empty() {
            figures.push(("lines without data".to_string(), missing.join(", ")));
        }
        let mut pending = Vec::new();
        match ctx.models.iamd.as_ref() {
            Ok(iamd) => figures.extend(iamd_figures(iamd)),
            Err(err) => {
                figures.push(("IAMD saturation model refused its inputs".to_string(), err.to_string()));
                pending.push("IAMD saturation model (docs/design.md §4.5)");
            }
        }
        AxisResult {
            number: 1,
            title: "Strategic assets (ISR, lift and refuelling, air and missile defence)",
            status: status.with_range(ctx.ranges.and_then(|r| r.strategic_assets_alone)),
            deciding_lines,
            figures,
            pending,
        }
    }
}

/// The IAMD figures of the axis: missiles and drones leaking a day, and the day the long-range
/// magazine runs out, with the scenario's US contribution and without the US.
fn iamd_figures(iamd: &iamd_inputs::IamdAssessment) -> Vec<(String, String)> {
    let per_day = |outcome: &bulwark_models::iamd::IamdOutcome, classes: &[&str]| -> f64 {
        let leaked: f64 = outcome
            .classes
            .iter()
            .filter(|c| classes.contains(&c.name.as_str()))
            .map(|c| c.total_leaked())
            .sum();
        leaked / f64::from(outcome.days.max(1))
    };
    let runs_out = |outcome: &bulwark_models::iamd::IamdOutcome| match outcome.interceptors[0].exhausted_day {
        Some(day) => format!("day {day}"),
        None => format!("lasts {} days", outcome.days),
    };
    let (with_us, alone) = (&iamd.outcome, &iamd.outcome_without_us);
    let missiles = ["ballistic", "cruise"];
    let mut figures = Vec::new();
    if let Some(r) = &iamd.ranges {
        let pct =
            |s: &Spread| format!("{:.0} % ({:.0}–{:.0} %)", 100.0 * s.central, 100.0 * s.low, 100.0 * s.high);
        let day = |s: &Spread| format!("day {:.0} ({:.0}–{:.0})", s.central, s.low, s.high);
        figures.push((
            format!("IAMD ensemble of {} runs: share of all threats leaking, Europe alone / with US (mean, p5–p95)", r.n_runs),
            format!("{} / {}", pct(&r.leak_fraction_without_us), pct(&r.leak_fraction)),
        ));
        figures.push((
            "IAMD ensemble: long-range interceptors run out, Europe alone / with US (mean, p5–p95)"
                .to_string(),
            format!("{} / {}", day(&r.runs_out_day_without_us), day(&r.runs_out_day)),
        ));
    }
    figures.extend([
        (
            format!("IAMD: missiles leaking a day over {} days (with US / without)", with_us.days),
            format!("{:.1} / {:.1}", per_day(with_us, &missiles), per_day(alone, &missiles)),
        ),
        (
            "IAMD: drones leaking a day (with US / without)".to_string(),
            format!("{:.1} / {:.1}", per_day(with_us, &["drones"]), per_day(alone, &["drones"])),
        ),
        (
            "IAMD: share of all threats leaking (with US / without)".to_string(),
            format!("{:.0} % / {:.0} %", 100.0 * with_us.leak_fraction(), 100.0 * alone.leak_fraction()),
        ),
        (
            "IAMD central case: long-range interceptors run out (with US / without)".to_string(),
            format!("{} / {}", runs_out(with_us), runs_out(alone)),
        ),
    ]);
    figures
}
