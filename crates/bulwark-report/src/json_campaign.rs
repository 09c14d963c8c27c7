//! The `campaign` key of the assessment JSON: the Baltic campaign ensemble (docs/design.md §4.4).
//!
//! ```text
//! campaign: null | {
//!   seed, hold_day, hold_confidence, horizon_days, europe_brigades, brigades_estimated_for[],
//!   with_us, without_us: { runs, failed, p_hold, median_hours | null, mean_blue_losses,
//!                          mean_red_losses, p_hold_by_day[] (index = day, from 0) }
//!   by_year[]: { year, p_hold, added: { brigades, headroom_brigades, forward_brigades,
//!                                       combat_aircraft, sead, tankers, heavy_airlift, a400m },
//!                in_place_battalions: { today, forward } }
//!   first_year_europe_holds: null | year
//! }
//! ```
//!
//! `headroom_brigades` counts the build-up's forward brigades too (`forward_brigades` of them);
//! `in_place_battalions` are Europe's battalion equivalents in place at the attack with the
//! central parameters, today's forces and the build-up's brigades based forward.
//! Probabilities count failed runs as not holding; `median_hours` is `null` when at least half
//! of the runs held through the horizon; losses are battalion equivalents.

use bulwark_assess::campaign_inputs::{CampaignAssessment, HoldCurve};
use bulwark_assess::Assessment;
use serde_json::{json, Value};

/// The `campaign` value of the assessment document.
pub fn campaign_json(a: &Assessment) -> Value {
    a.campaign.as_ref().map_or(Value::Null, document)
}

fn document(c: &CampaignAssessment) -> Value {
    json!({
        "seed": c.seed,
        "hold_day": c.hold_day,
        "hold_confidence": c.hold_confidence,
        "horizon_days": c.horizon_days,
        "europe_brigades": c.europe_brigades,
        "brigades_estimated_for": c.brigades_estimated_for,
        "with_us": curve(&c.with_us),
        "without_us": curve(&c.without_us),
        "by_year": c.by_year.iter().map(|y| json!({
            "year": y.year,
            "p_hold": y.p_hold,
            "added": {
                "brigades": y.growth.brigades,
                "headroom_brigades": y.growth.headroom_brigades,
                "forward_brigades": y.growth.forward_brigades,
                "combat_aircraft": y.growth.combat_aircraft,
                "sead": y.growth.sead,
                "tankers": y.growth.tankers,
                "heavy_airlift": y.growth.heavy_airlift,
                "a400m": y.growth.a400m,
            },
            "in_place_battalions": { "today": y.in_place.today(), "forward": y.in_place.forward_heavy },
        })).collect::<Vec<_>>(),
        "first_year_europe_holds": c.first_year_europe_holds,
    })
}

fn curve(c: &HoldCurve) -> Value {
    json!({
        "runs": c.runs,
        "failed": c.failed,
        "p_hold": c.p_hold,
        "median_hours": c.median_hours,
        "mean_blue_losses": c.mean_losses.0,
        "mean_red_losses": c.mean_losses.1,
        "p_hold_by_day": c.p_hold_by_day,
    })
}
