//! Axis 1, strategic assets: ISR, strategic lift and air-to-air refuelling, integrated air and
//! missile defence — the enablers Europe has long borrowed from the US.

use bulwark_models::iamd::IamdOutcome;

use super::{is_strategic_asset, ledger_axis_with, unassessed, Axis, Context};
use crate::assessment::{
    AxisFigures, AxisResult, IamdEnsembleFigures, IamdFigures, ModelRefusal, ModelTerm, PendingModel,
    StrategicAssetsFigures,
};
use crate::iamd_inputs;

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
        let stopped = ctx.models.iamd.as_ref().ok().map(|iamd| ModelTerm {
            id: "iamd_threats_stopped",
            with_us: 1.0 - iamd.outcome.leak_fraction(),
            alone: 1.0 - iamd.outcome_without_us.leak_fraction(),
        });
        let ledger = ledger_axis_with(ctx, include, stopped);
        let mut pending = Vec::new();
        let iamd = match ctx.models.iamd.as_ref() {
            Ok(iamd) => Ok(iamd_figures(iamd)),
            Err(err) => {
                pending.push(PendingModel::Iamd);
                Err(ModelRefusal { reason: err.to_string() })
            }
        };
        let figures = AxisFigures::StrategicAssets(StrategicAssetsFigures {
            lines_without_data: unassessed(ctx, include),
            iamd,
        });
        AxisResult {
            number: 1,
            status: ledger.status.with_range(ctx.ranges.and_then(|r| r.strategic_assets_alone)),
            deciding_lines: ledger.deciding_lines,
            figures,
            pending,
            score_notes: ledger.notes,
        }
    }
}

/// The IAMD figures of the axis: missiles and drones leaking a day, and the day the long-range
/// magazine runs out, with the scenario's US contribution and without the US.
fn iamd_figures(iamd: &iamd_inputs::IamdAssessment) -> IamdFigures {
    let per_day = |outcome: &IamdOutcome, classes: &[&str]| -> f64 {
        let leaked: f64 = outcome
            .classes
            .iter()
            .filter(|c| classes.contains(&c.name.as_str()))
            .map(|c| c.total_leaked())
            .sum();
        leaked / f64::from(outcome.days.max(1))
    };
    // The first interceptor type is the long-range (upper) tier.
    let runs_out = |outcome: &IamdOutcome| outcome.interceptors.first().and_then(|i| i.exhausted_day);
    let (with_us, alone) = (&iamd.outcome, &iamd.outcome_without_us);
    let missiles = ["ballistic", "cruise"];
    IamdFigures {
        days: with_us.days,
        missiles_leaking_per_day_with_us: per_day(with_us, &missiles),
        missiles_leaking_per_day_without_us: per_day(alone, &missiles),
        drones_leaking_per_day_with_us: per_day(with_us, &["drones"]),
        drones_leaking_per_day_without_us: per_day(alone, &["drones"]),
        leak_share_with_us: with_us.leak_fraction(),
        leak_share_without_us: alone.leak_fraction(),
        long_range_runs_out_day_with_us: runs_out(with_us),
        long_range_runs_out_day_without_us: runs_out(alone),
        ensemble: iamd.ranges.as_ref().map(|r| IamdEnsembleFigures {
            runs: r.n_runs,
            leak_share_without_us: r.leak_fraction_without_us,
            leak_share_with_us: r.leak_fraction,
            long_range_runs_out_day_without_us: r.runs_out_day_without_us,
            long_range_runs_out_day_with_us: r.runs_out_day,
        }),
    }
}
