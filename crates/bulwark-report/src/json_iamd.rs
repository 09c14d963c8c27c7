//! The `iamd` key of the assessment JSON: the IAMD saturation model (docs/design.md §4.5) with its
//! inputs, equation and outputs, with and without the US.
//!
//! ```text
//! iamd: null | {
//!   equation, days, area_to_defend_km2,
//!   facts: { upper_fire_units_europe, upper_reporting, lower_fire_units_europe, lower_reporting,
//!            upper_fire_units_us, lower_fire_units_us, us_enablers,
//!            production[]: class, item, per_day, year, source }
//!   with_us, without_us: {
//!     total_launched, total_leaked, leak_fraction, leaked_per_day[],
//!     threats[]: name, stock, production_per_day, launches_per_day, launched[], engaged[],
//!                unengaged[], intercepted[], leaked[], total_launched, total_leaked
//!     interceptors[]: name, stock, production_per_day, fire_units, area_per_fire_unit_km2,
//!                     covered_fraction, engagements[]: null | { pk, shots_per_target },
//!                     fired[], stock_end[], total_fired, exhausted_day | null }
//!   sensitivity[]: input, factor, total_leaked, total_leaked_without_us
//! }
//! ```
//!
//! Counts are expected numbers of missiles, drones or interceptors (fractional); days are
//! 1-based; `null` when the model refused its inputs.

use bulwark_assess::iamd_inputs::IamdAssessment;
use bulwark_assess::Assessment;
use bulwark_models::iamd::{IamdInputs, IamdOutcome};
use serde_json::{json, Value};

/// The model's equation, as the report states it.
pub const EQUATION: &str =
    "per threat and tier: leaks with probability (1 − covered) + covered × (1 − Pk)^shots \
     while the tier's interceptors last, 1 after; covered = min(1, fire units × area per fire unit / area to \
     defend); survivors of one tier fly on to the next";

/// The `iamd` value of the assessment document.
pub fn iamd_json(a: &Assessment) -> Value {
    a.iamd.as_ref().map_or(Value::Null, document)
}

fn document(iamd: &IamdAssessment) -> Value {
    let facts = &iamd.facts;
    let spread = crate::assessment_json::spread_json;
    json!({
        "equation": EQUATION,
        "ranges": iamd.ranges.as_ref().map(|r| json!({
            "n_runs": r.n_runs,
            "leak_fraction": spread(&r.leak_fraction),
            "leak_fraction_without_us": spread(&r.leak_fraction_without_us),
            "runs_out_day": crate::assessment_json::censored_json(&r.runs_out_day),
            "runs_out_day_without_us": crate::assessment_json::censored_json(&r.runs_out_day_without_us),
        })),
        "days": iamd.inputs.days,
        "area_to_defend_km2": iamd.inputs.area_to_defend_km2,
        "facts": {
            "upper_fire_units_europe": facts.upper_fire_units_europe.0,
            "upper_reporting": facts.upper_fire_units_europe.1,
            "lower_fire_units_europe": facts.lower_fire_units_europe.0,
            "lower_reporting": facts.lower_fire_units_europe.1,
            "upper_fire_units_us": facts.upper_fire_units_us,
            "lower_fire_units_us": facts.lower_fire_units_us,
            "us_enablers": facts.us_enablers,
            "production": facts.production_used.iter().map(|p| json!({
                "class": p.class, "item": p.item, "per_day": p.per_day, "year": p.year, "source": p.source,
            })).collect::<Vec<_>>(),
        },
        "with_us": run(&iamd.inputs, &iamd.outcome),
        "without_us": run(&iamd.inputs_without_us, &iamd.outcome_without_us),
        "sensitivity": iamd.sensitivity.iter().map(|s| json!({
            "input": s.input, "factor": s.factor, "total_leaked": s.total_leaked,
            "total_leaked_without_us": s.total_leaked_without_us,
        })).collect::<Vec<_>>(),
    })
}

fn run(inputs: &IamdInputs, outcome: &IamdOutcome) -> Value {
    let threats: Vec<Value> = inputs
        .threats
        .iter()
        .zip(&outcome.classes)
        .map(|(t, c)| {
            json!({
                "name": t.name, "stock": t.stock, "production_per_day": t.production_per_day,
                "launches_per_day": t.launches_per_day, "launched": c.launched, "engaged": c.engaged,
                "unengaged": c.unengaged, "intercepted": c.intercepted, "leaked": c.leaked,
                "total_launched": c.total_launched(), "total_leaked": c.total_leaked(),
            })
        })
        .collect();
    let interceptors: Vec<Value> = inputs
        .interceptors
        .iter()
        .zip(&outcome.interceptors)
        .map(|(t, o)| {
            let engagements: Vec<Value> = t
                .engagements
                .iter()
                .map(|e| {
                    e.map_or(Value::Null, |e| json!({ "pk": e.pk, "shots_per_target": e.shots_per_target }))
                })
                .collect();
            json!({
                "name": t.name, "stock": t.stock, "production_per_day": t.production_per_day,
                "fire_units": t.fire_units, "area_per_fire_unit_km2": t.area_per_fire_unit_km2,
                "covered_fraction": o.covered_fraction, "engagements": engagements, "fired": o.fired,
                "stock_end": o.stock_end, "total_fired": o.total_fired(), "exhausted_day": o.exhausted_day,
            })
        })
        .collect();
    json!({
        "total_launched": outcome.total_launched(),
        "total_leaked": outcome.total_leaked(),
        "leak_fraction": outcome.leak_fraction(),
        "leaked_per_day": outcome.leaked_per_day(),
        "threats": threats,
        "interceptors": interceptors,
    })
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    #[test]
    fn the_baseline_document_has_both_runs_and_four_sensitivities() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let value = iamd_json(&a);
        let with_us = value["with_us"]["total_leaked"].as_f64().unwrap();
        let without_us = value["without_us"]["total_leaked"].as_f64().unwrap();
        assert!(without_us > with_us && with_us > 0.0);
        assert_eq!(value["with_us"]["leaked_per_day"].as_array().unwrap().len(), 30);
        assert_eq!(value["sensitivity"].as_array().unwrap().len(), 4);
        assert!(value["with_us"]["interceptors"][0]["engagements"][2].is_null());
        assert!(value["facts"]["production"].as_array().unwrap().iter().all(|p| p["source"].is_string()));
        let mut none = a.clone();
        none.iamd = None;
        assert!(iamd_json(&none).is_null());
    }
}
