//! The `decision` key of the assessment JSON: the alliance decision-time model (docs/design.md §4.7)
//! with its inputs, rules and outputs, with and without the US.
//!
//! ```text
//! decision: null | {
//!   equation, required_hours, n_draws, seed, us_leads,
//!   p_in_time, p_in_time_with_us, p_in_time_without_us,
//!   parameters: { median_council_hours, median_government_hours, median_parliament_hours,
//!                 unknown_parliament_probability,
//!                 government_refusal_probability, parliament_refusal_probability,
//!                 coordination_penalty_hours, coalition_force_share, refusal_correlation,
//!                 us_congress_gates_forces }
//!   members[]: iso3, population, forces, parliament ("required" | "not_required" | "judgement"),
//!              source | null, nato, eu, refusal_probability | null (a scenario's hold-out)
//!   judgement_parliament[], without_forces[], without_population[]
//!   bodies[]: id, title, rule, n_members (the four bodies, then `order`: the order that moves
//!             forces, the earlier of the Council's decision backed by cleared forces and the
//!             coalition of the willing),
//!             with_us, without_us: { p_paralysis, median_hours | null, p_within_required,
//!                                    cdf[]: [hours, probability decided by then] }
//! }
//! ```
//!
//! Hours run from the start of the crisis; probabilities are shares of the assessment's seeded
//! Monte Carlo draws; `null` when the model refused its inputs.

use bulwark_assess::decision_inputs::{DecisionAssessment, TimeDistribution};
use bulwark_assess::Assessment;
use bulwark_models::decision::Parliament;
use serde_json::{json, Value};

/// The model in one sentence, as the report states it.
pub const EQUATION: &str = "council instruction = the government's time alone; \
     forces cleared = government time + parliament time where a vote is required; \
     unanimity (North Atlantic Council, EU foreign policy) decides with the last member's instruction (one no: paralysis); \
     qualified majority when the instructions in favour reach 55 % of states and 65 % of population; \
     a coalition of the willing when the first members with cleared forces hold the required share of forces; \
     a government refuses with its probability, in a share of crises (the refusal correlation) on one draw shared by all; \
     the order to move forces is the earlier of the Council's decision once its cleared forces reach that share and the coalition; \
     + coordination penalty without the US";

/// The `decision` value of the assessment document.
pub fn decision_json(a: &Assessment) -> Value {
    a.decision.as_ref().map_or(Value::Null, document)
}

/// How a member's parliament rule is reported.
pub(crate) fn parliament_label(parliament: Parliament) -> &'static str {
    match parliament {
        Parliament::Required => "required",
        Parliament::NotRequired => "not_required",
        Parliament::Unknown => "judgement",
    }
}

fn document(d: &DecisionAssessment) -> Value {
    let facts = &d.facts;
    let members: Vec<Value> = facts
        .members
        .iter()
        .chain(&facts.us)
        .map(|row| {
            json!({
                "iso3": row.member.iso3, "population": row.member.population, "forces": row.member.forces,
                "parliament": parliament_label(row.member.parliament), "source": row.parliament_source,
                "nato": row.nato, "eu": row.eu, "refusal_probability": row.member.refusal_probability,
            })
        })
        .collect();
    json!({
        "equation": EQUATION,
        "required_hours": d.required_hours,
        "n_draws": d.n_draws,
        "seed": d.seed,
        "us_leads": facts.us_leads,
        "p_in_time": d.p_in_time,
        "p_in_time_with_us": d.p_in_time_with_us,
        "p_in_time_without_us": d.p_in_time_without_us,
        "ranges": {
            "p_in_time_with_us": crate::assessment_json::spread_json(&d.p_in_time_with_us_range),
            "p_in_time_without_us": crate::assessment_json::spread_json(&d.p_in_time_without_us_range),
        },
        "sensitivity": d.sensitivity.iter().map(|s| json!({
            "parameter": s.parameter.name(), "factor": s.factor,
            "p_in_time_with_us": s.p_in_time_with_us, "p_in_time_without_us": s.p_in_time_without_us,
        })).collect::<Vec<_>>(),
        "parameters": {
            "median_council_hours": d.median_council_hours,
            "median_government_hours": d.median_government_hours,
            "median_parliament_hours": d.median_parliament_hours,
            "unknown_parliament_probability": d.params.unknown_parliament_probability,
            "government_refusal_probability": d.params.government_refusal_probability,
            "parliament_refusal_probability": d.params.parliament_refusal_probability,
            "coordination_penalty_hours": d.params.coordination_penalty_hours,
            "coalition_force_share": d.params.coalition_force_share,
            "refusal_correlation": d.params.refusal_correlation,
            "us_congress_gates_forces": facts.us_congress_gates_forces,
        },
        "members": members,
        "judgement_parliament": facts.judgement_parliament,
        "without_forces": facts.without_forces,
        "without_population": facts.without_population,
        "bodies": d.bodies.iter().map(|b| json!({
            "id": b.id, "title": b.title, "rule": b.rule, "n_members": b.n_members,
            "with_us": distribution(&b.with_us), "without_us": distribution(&b.without_us),
        })).collect::<Vec<_>>(),
    })
}

fn distribution(dist: &TimeDistribution) -> Value {
    json!({
        "p_paralysis": dist.p_paralysis,
        "median_hours": dist.median_hours,
        "p_within_required": dist.p_within_required,
        "cdf": dist.cdf.iter().map(|(hours, p)| json!([hours, p])).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    #[test]
    fn the_baseline_document_has_four_bodies_and_the_order_and_names_the_judgements() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let doc = decision_json(&a);
        let bodies = doc["bodies"].as_array().unwrap();
        assert_eq!(bodies.len(), 5);
        assert_eq!(bodies[4]["id"], "order");
        for body in bodies {
            for case in ["with_us", "without_us"] {
                let p = body[case]["p_paralysis"].as_f64().unwrap();
                assert!((0.0..=1.0).contains(&p));
                assert!(!body[case]["cdf"].as_array().unwrap().is_empty());
            }
        }
        let judgements = doc["judgement_parliament"].as_array().unwrap();
        assert!(judgements.iter().any(|c| c == "BEL"));
        let deu = doc["members"].as_array().unwrap().iter().find(|m| m["iso3"] == "DEU").unwrap();
        assert_eq!(deu["parliament"], "required");
        assert!(deu["source"].is_string());
    }
}
