//! The `threat` key of the assessment JSON: Russia's force year by year and the readiness
//! clocks, and the campaign's window of vulnerability.
//!
//! ```text
//! threat: null | {
//!   adversary, seed, n_draws, n_failed, war_end_year (central),
//!   personnel: null | { value, source },
//!   years[]: { year, battalions: { p10, p50, p90 }, pacing, ukraine_share },
//!   clocks[]: { id, title, parameter, required_battalions,
//!               year_p10 | null, year_p50 | null, year_p90 | null, p_never },
//!   lines[]: { line, active | null, stored | null, missing[], sources[], derivations[],
//!              force_by_year[] | null }
//! }
//! window: null | {
//!   campaign_year, hold_day, hold_confidence,
//!   years_without_us[], years_with_us[], lever_years[] (the window's years the levers were tried on),
//!   by_year[]: { year, p_hold_without_us, p_hold_with_us, runs, red_first_echelon, red_followon }
//!     (runs: the ensemble's size; the campaign year's figures are the headline's own),
//!   levers[]: { lever, years_removed, mean_p_hold_gain },
//!   days: { with_us, without_us: { p_hold_at[]: { day, p }, hours_quantiles[]: { q, hours | null } } }
//! }
//! ```
//!
//! A clock's year is `null` where that quantile is not reached within the horizon; a
//! quantile of hours is `null` where the defence still holds at the horizon.

use bulwark_assess::campaign_inputs::{CampaignAssessment, HoldCurve};
use bulwark_assess::threat_inputs::{Derivation, ThreatAssessment};
use bulwark_assess::Assessment;
use serde_json::{json, Value};

/// The `threat` value of the assessment document.
pub fn threat_json(a: &Assessment) -> Value {
    a.threat.as_ref().map_or(Value::Null, threat)
}

/// The `window` value of the assessment document.
pub fn window_json(a: &Assessment) -> Value {
    a.campaign.as_ref().map_or(Value::Null, window)
}

fn threat(t: &ThreatAssessment) -> Value {
    json!({
        "adversary": t.adversary,
        "seed": t.seed,
        "n_draws": t.n_draws,
        "n_failed": t.n_failed,
        "war_end_year": t.war_end_year,
        "personnel": t.personnel.as_ref().map(|(value, source)| json!({ "value": value, "source": source })),
        "years": t.years.iter().map(|y| json!({
            "year": y.year,
            "battalions": { "p10": y.battalions.low, "p50": y.battalions.median, "p90": y.battalions.high },
            "pacing": y.pacing,
            "ukraine_share": y.ukraine_share,
        })).collect::<Vec<_>>(),
        "clocks": t.clocks.iter().map(|c| json!({
            "id": c.id,
            "title": c.title,
            "parameter": c.parameter.name(),
            "required_battalions": c.required_battalions,
            "year_p10": c.year_low,
            "year_p50": c.year_median,
            "year_p90": c.year_high,
            "p_never": c.p_never,
        })).collect::<Vec<_>>(),
        "lines": t.lines.iter().map(|l| json!({
            "line": l.line,
            "active": l.active,
            "stored": l.stored,
            "missing": l.missing,
            "sources": l.sources,
            "derivations": l.derivations.iter().map(derivation).collect::<Vec<_>>(),
            "force_by_year": l.force,
        })).collect::<Vec<_>>(),
    })
}

/// A line's derivation as the JSON has always written it (English, like every JSON value).
fn derivation(d: &Derivation) -> String {
    match d {
        Derivation::Refurbishment { combined_per_year, new_per_year } => format!(
            "refurbishment = produced or refurbished ({combined_per_year}) − new build ({new_per_year}) a year"
        ),
        Derivation::CombinedSplit { combined_per_year } => format!(
            "produced or refurbished ({combined_per_year} a year) split into new build and refurbishment by \
             threat_new_build_share"
        ),
        Derivation::Losses(loss) => {
            let (latest, latest_as_of) = &loss.latest;
            let basis = &loss.basis;
            let mut text = match &loss.earlier {
                Some((earlier, earlier_as_of)) => format!(
                    "losses a year = ({latest} − {earlier}) / ({earlier_as_of} to {latest_as_of}), {basis} counts"
                ),
                None => format!("losses a year = {latest} from 24 Feb 2022 to {latest_as_of}, {basis} count"),
            };
            if !loss.summed.is_empty() {
                text.push_str(&format!(" ({} summed)", loss.summed.join(" + ")));
            }
            text
        }
    }
}

fn window(c: &CampaignAssessment) -> Value {
    json!({
        "campaign_year": c.year,
        "hold_day": c.hold_day,
        "hold_confidence": c.hold_confidence,
        "years_without_us": c.window.years_without_us,
        "years_with_us": c.window.years_with_us,
        "lever_years": c.window.lever_years,
        "by_year": c.by_year.iter().map(|y| json!({
            "year": y.year,
            "p_hold_without_us": y.p_hold,
            "p_hold_with_us": y.p_hold_with_us,
            "runs": y.runs,
            "red_first_echelon": finite(y.red_battalions.0),
            "red_followon": finite(y.red_battalions.1),
        })).collect::<Vec<_>>(),
        "levers": c.window.levers.iter().map(|l| json!({
            "lever": l.lever,
            "years_removed": l.years_removed,
            "mean_p_hold_gain": l.mean_p_hold_gain,
        })).collect::<Vec<_>>(),
        "days": { "with_us": days(&c.with_us), "without_us": days(&c.without_us) },
    })
}

fn days(curve: &HoldCurve) -> Value {
    json!({
        "p_hold_at": curve.p_hold_at.iter().map(|(day, p)| json!({ "day": day, "p": p })).collect::<Vec<_>>(),
        "hours_quantiles": curve.hours_quantiles.iter().map(|(q, h)| json!({ "q": q, "hours": h })).collect::<Vec<_>>(),
    })
}

/// `null` for a figure that could not be computed.
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threat_view::fixture;

    #[test]
    fn the_documents_hold_clocks_years_and_the_window() {
        let t = threat(&fixture::threat());
        assert_eq!(t["clocks"][0]["year_p50"], 2028.25);
        assert!(t["clocks"][1]["year_p50"].is_null());
        assert_eq!(t["years"][1]["battalions"]["p50"], 110.0);
        assert_eq!(t["lines"][0]["missing"][0], "holding");
        let w = window(&fixture::campaign());
        assert_eq!(w["years_without_us"][0], 2029);
        assert_eq!(w["levers"][0]["years_removed"], 1);
        assert_eq!(w["days"]["without_us"]["p_hold_at"][1]["day"], 60);
        assert!(w["days"]["with_us"]["hours_quantiles"][1]["hours"].is_null());
    }
}
