//! The `nuclear` key of the assessment JSON: the nuclear balance and extended-deterrence model
//! with its inputs, equations, outputs, sensitivities and option table.
//!
//! ```text
//! nuclear: null | {
//!   equation, us_posture, adversary, unacceptable_damage_warheads, resolve_stake_factor,
//!   horizon_years, forward_based_warheads, adversary_survivable_warheads,
//!   states[]: state, deployed_warheads, stockpile_warheads, boats, boats_on_patrol, sources[]
//!   forces[]: state, deployed_warheads, stored_warheads, nonstrategic_warheads,
//!             survivable_warheads, legs[]: leg, deployed_warheads, alert_fraction,
//!             survival_probability, survivable_warheads
//!   costs[]: state, usd_bn, year, eur_bn, source
//!   us_as_today, with_us, without_us: {
//!     credibility, other_sources[],
//!     balance: { own_warheads, adversary_warheads, ratio | null, gap_warheads },
//!     patrons[]: state, survivable_warheads, adequacy, credibility,
//!                factors{}, sensitivity{}, gain_to_full{}   (keys: the five factor names)
//!   }
//!   weights: { credibility, cost, years, escalation, npt_breach }
//!   options[]: rank, id, name, annual_cost_eur_bn, years_to_implement, npt_compliant,
//!              escalation_risk, credibility, credibility_change, score,
//!              parts: { credibility, cost, years, escalation, npt }, reasoning
//!   figures: { uk_france_deployed_warheads, us_deployed_strategic_warheads,
//!              rus_deployed_strategic_warheads, uk_france_cost_usd_bn,
//!              europe_defence_spending_usd_bn: null | { value, years[2], sources[], n_rows },
//!              uk_france_cost_eur_bn, europe_spending_missing[] }
//!   new_start: { expired, upload_rus_warheads, upload_usa_warheads }
//!   resolve[]: state, reaching_warheads, after_defence_warheads, value_warheads, damage_ratio,
//!              stake, resolve, movers{forces_stationed, missile_defence, adversary_halved,
//!              adversary_doubled}, election_years[], withdrawal_probability, continuity
//!   curve: { with_us[], without_us[]: { year, credibility } }
//!   pooled: { warhead_share, joint_release, population_m }
//!   packages: null | { budget_eur_bn, by_year, years, npt_only, n_packages, n_within_limits,
//!              best[], frontier[]: { option_ids[], names, annual_cost_eur_bn, years_to_implement,
//!              escalation_risk, npt_compliant, credibility, credibility_change } }
//! }
//! ```
//!
//! Warheads are counts (survivable ones expected values); money EUR bn a year at 2025 prices
//! unless the name says USD; `ratio` is `null` when Europe has no non-strategic warheads.

use bulwark_assess::nuclear_inputs::{NuclearAssessment, NuclearCost, OptionReason, SourcedFigure};
use bulwark_assess::Assessment;
use bulwark_models::nuclear::packages::Package;
use bulwark_models::nuclear::{CurvePoint, Factor, Force, Umbrella};
use serde_json::{json, Map, Value};

/// The model's equations, as the report states them.
pub const EQUATION: &str = "W_s = Σ_leg deployed × alert × survival; adequacy = W_s / D; \
C_P = commitment × min(1, W_s/D) × resolve × (1 − r)^(elections to year) × presence; \
resolve = k S / (k S + δ), δ = (A + ρ N) (1 − m) / V; C = 1 − Π_P (1 − C_P)";

/// The `nuclear` value of the assessment JSON (`null` when the model refused its inputs).
pub fn nuclear_json(a: &Assessment) -> Value {
    let Some(n) = &a.nuclear else { return Value::Null };
    let p = &n.inputs.params;
    json!({
        "equation": EQUATION,
        "us_posture": n.us_posture,
        "adversary": n.inputs.adversary,
        "unacceptable_damage_warheads": p.unacceptable_damage_warheads,
        "resolve_stake_factor": p.resolve_stake_factor,
        "horizon_years": p.horizon_years,
        "forward_based_warheads": n.forward_based_warheads,
        "adversary_survivable_warheads": n.outcome.adversary_survivable_warheads,
        "ranges": n.ranges.map(|r| json!({
            "n_runs": r.n_runs,
            "credibility": crate::assessment_json::spread_json(&r.credibility),
            "credibility_without_us": crate::assessment_json::spread_json(&r.credibility_without_us),
            "score_without_us": crate::assessment_json::spread_json(&r.score_without_us),
            "best_package_credibility": r.best_package_credibility.as_ref().map(crate::assessment_json::spread_json),
        })),
        "states": n.states.iter().map(|s| json!({
            "state": s.state, "deployed_warheads": s.deployed_warheads, "stockpile_warheads": s.stockpile_warheads,
            "boats": s.boats, "boats_on_patrol": s.boats_on_patrol, "sources": s.sources,
        })).collect::<Vec<_>>(),
        "forces": n.inputs.forces.iter().map(force_json).collect::<Vec<_>>(),
        "costs": n.costs.iter().map(|c| json!({
            "state": c.state, "usd_bn": c.usd_bn, "year": c.year, "eur_bn": c.eur_bn, "source": c.source,
        })).collect::<Vec<_>>(),
        "us_as_today": umbrella_json(&n.outcome.us_as_today),
        "with_us": umbrella_json(&n.outcome.with_us),
        "without_us": umbrella_json(&n.outcome.without_us),
        "weights": {
            "credibility": n.weights.credibility, "cost": n.weights.cost, "years": n.weights.years,
            "escalation": n.weights.escalation, "npt_breach": n.weights.npt_breach,
        },
        "options": options_json(n),
        "figures": figures_json(n),
        "new_start": {
            "expired": n.new_start.expired, "upload_rus_warheads": n.new_start.upload_rus_warheads,
            "upload_usa_warheads": n.new_start.upload_usa_warheads,
        },
        "resolve": n.outcome.resolve.iter().map(|r| json!({
            "state": r.state, "reaching_warheads": r.parts.reaching_warheads,
            "after_defence_warheads": r.parts.after_defence_warheads, "value_warheads": r.parts.value_warheads,
            "damage_ratio": r.parts.damage_ratio, "stake": r.parts.stake, "resolve": r.parts.resolve,
            "movers": r.movers.iter().map(|(m, v)| (m.id().to_string(), Value::from(*v))).collect::<Map<String, Value>>(),
            "election_years": r.election_years, "withdrawal_probability": r.withdrawal_probability,
            "continuity": r.continuity,
        })).collect::<Vec<_>>(),
        "curve": {
            "with_us": curve_json(&n.outcome.curve_with_us),
            "without_us": curve_json(&n.outcome.curve_without_us),
        },
        "pooled": { "warhead_share": n.pooled.warhead_share, "joint_release": n.pooled.joint_release,
            "population_m": n.pooled.population_m },
        "packages": packages_json(n),
    })
}

fn curve_json(curve: &[CurvePoint]) -> Vec<Value> {
    curve.iter().map(|p| json!({ "year": p.year, "credibility": p.credibility })).collect()
}

fn sourced(figure: &Option<SourcedFigure>) -> Value {
    figure.as_ref().map_or(Value::Null, |f| {
        json!({ "value": f.value, "years": [f.years.0, f.years.1], "sources": f.sources, "n_rows": f.n_rows })
    })
}

fn figures_json(n: &NuclearAssessment) -> Value {
    let f = &n.figures;
    json!({
        "uk_france_deployed_warheads": sourced(&f.uk_france_deployed_warheads),
        "us_deployed_strategic_warheads": sourced(&f.us_deployed_strategic_warheads),
        "rus_deployed_strategic_warheads": sourced(&f.rus_deployed_strategic_warheads),
        "uk_france_cost_usd_bn": sourced(&f.uk_france_cost_usd_bn),
        "uk_france_cost_eur_bn": f.uk_france_cost_eur_bn,
        "europe_defence_spending_usd_bn": sourced(&f.europe_defence_spending_usd_bn),
        "europe_spending_missing": f.europe_spending_missing,
    })
}

fn package_json(n: &NuclearAssessment, p: &Package) -> Value {
    json!({
        "option_ids": p.option_ids, "names": crate::nuclear_text::package_names(n, p, &crate::i18n::Messages::new(crate::i18n::Lang::En)),
        "annual_cost_eur_bn": p.annual_cost_eur_bn, "years_to_implement": p.years_to_implement,
        "escalation_risk": p.escalation_risk, "npt_compliant": p.npt_compliant,
        "credibility": p.credibility, "credibility_change": p.credibility_change,
    })
}

fn packages_json(n: &NuclearAssessment) -> Value {
    let Some(search) = &n.outcome.packages else { return Value::Null };
    let l = &search.limits;
    json!({
        "budget_eur_bn": l.budget_eur_bn, "by_year": n.package_by_year, "years": l.years, "npt_only": l.npt_only,
        "n_packages": search.n_packages, "n_within_limits": search.n_within_limits,
        "best": search.best.iter().map(|p| package_json(n, p)).collect::<Vec<_>>(),
        "frontier": search.frontier.iter().map(|p| package_json(n, p)).collect::<Vec<_>>(),
    })
}

fn force_json(force: &Force) -> Value {
    json!({
        "state": force.state,
        "deployed_warheads": force.deployed_warheads(),
        "stored_warheads": force.stored_warheads,
        "nonstrategic_warheads": force.nonstrategic_warheads,
        "survivable_warheads": force.survivable_warheads(),
        "legs": force.legs.iter().map(|l| json!({
            "leg": l.leg.label(), "deployed_warheads": l.deployed_warheads, "alert_fraction": l.alert_fraction,
            "survival_probability": l.survival_probability, "survivable_warheads": l.survivable_warheads(),
        })).collect::<Vec<_>>(),
    })
}

fn by_factor(values: &[f64; 5]) -> Map<String, Value> {
    Factor::ALL.iter().zip(values).map(|(f, v)| (f.label().replace(' ', "_"), Value::from(*v))).collect()
}

fn umbrella_json(umbrella: &Umbrella) -> Value {
    let b = &umbrella.balance;
    json!({
        "credibility": umbrella.credibility,
        "other_sources": umbrella.other_sources,
        "balance": {
            "own_warheads": b.own_warheads, "adversary_warheads": b.adversary_warheads,
            "ratio": b.ratio, "gap_warheads": b.gap_warheads,
        },
        "patrons": umbrella.patrons.iter().map(|p| json!({
            "state": p.state, "survivable_warheads": p.survivable_warheads, "adequacy": p.adequacy,
            "credibility": p.credibility, "factors": by_factor(&p.factors.0),
            "sensitivity": by_factor(&p.sensitivity), "gain_to_full": by_factor(&p.gain_to_full),
        })).collect::<Vec<_>>(),
    })
}

fn options_json(n: &NuclearAssessment) -> Vec<Value> {
    n.outcome
        .options
        .iter()
        .map(|r| {
            let reasoning = n.option_reasons.iter().find(|(id, _)| *id == r.option.id).map(|(_, why)| reasoning_en(why));
            json!({
                "rank": r.rank, "id": r.option.id, "name": r.option.name,
                "annual_cost_eur_bn": r.option.annual_cost_eur_bn, "years_to_implement": r.option.years_to_implement,
                "npt_compliant": r.option.npt_compliant, "escalation_risk": r.option.escalation_risk,
                "credibility": r.umbrella.credibility, "credibility_change": r.credibility_change, "score": r.score,
                "parts": {
                    "credibility": r.parts.credibility, "cost": r.parts.cost, "years": r.parts.years,
                    "escalation": r.parts.escalation, "npt": r.parts.npt,
                },
                "reasoning": reasoning,
            })
        })
        .collect()
}

/// An option's reasoning in English, as the JSON has always carried it (the HTML words it in the
/// report's language from the catalogue).
fn reasoning_en(reason: &OptionReason) -> String {
    let ican = |c: &NuclearCost| format!("ICAN {}: USD {:.1} bn = EUR {:.1} bn", c.year, c.usd_bn, c.eur_bn);
    match reason {
        OptionReason::UsUmbrella { us_posture } => format!(
            "keeps the US umbrella as far as the scenario's US posture ({us_posture:.2}) does; NATO nuclear \
             sharing is held compliant with the NPT by NATO"
        ),
        OptionReason::FrenchExtended { gain, share, fra } => format!(
            "raises France's commitment factor by {gain:.2}; costs {:.0} % of France's nuclear spending ({})",
            share * 100.0,
            ican(fra)
        ),
        OptionReason::UkFrenchCoordinated { gain, share, gbr, fra } => format!(
            "each counts the pooled UK and French survivable warheads and its commitment rises by {gain:.2}; \
             costs {:.0} % of UK plus French nuclear spending ({}; {})",
            share * 100.0,
            ican(gbr),
            ican(fra)
        ),
        OptionReason::RaiseFrench { factor, gain } => {
            format!("raises France's {} factor by {gain:.2}", factor.label())
        }
        OptionReason::Latent { warheads } => format!(
            "a national deterrent that counts as {warheads:.0} survivable warheads; legal under the NPT with \
             safeguards"
        ),
        OptionReason::NationalArsenal { warheads, multiple, fra } => format!(
            "a national deterrent of {warheads:.0} survivable warheads; costs {multiple:.1} × France's nuclear \
             spending ({}); requires leaving the NPT (Article X)",
            ican(fra)
        ),
        OptionReason::ConventionalStrike { credibility } => {
            format!("adds a non-nuclear source of deterrence of credibility {credibility:.2}")
        }
        OptionReason::EuropeanPooled { warhead_share, assigned_warheads, population_m, joint_release } => {
            format!(
                "a jointly funded force backed by {:.0} % of the UK and French survivable warheads \
                 ({assigned_warheads:.0}), whose stake is Europe's own and whose value is the {population_m:.0} \
                 million people of the EU and the UK; {}",
                warhead_share * 100.0,
                if *joint_release {
                    "joint release by non-nuclear states would breach NPT Articles I and II"
                } else {
                    "release stays with France and the UK, as NATO's sharing arrangements keep it with the US"
                }
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    fn assessment(name: &str) -> Assessment {
        let dataset = Dataset::embedded().unwrap();
        bulwark_assess::assess(&dataset, &Scenario::load(name, &dataset).unwrap())
    }

    #[test]
    fn the_section_carries_sourced_counts_factors_and_nine_options() {
        let value = nuclear_json(&assessment("us-full-withdrawal"));
        assert_eq!(value["states"][0]["deployed_warheads"], json!(1770.0));
        assert_eq!(value["states"][3]["stockpile_warheads"], json!(290.0));
        assert_eq!(value["options"].as_array().map(Vec::len), Some(10));
        assert_eq!(value["without_us"]["balance"]["ratio"], Value::Null);
        let factors = value["without_us"]["patrons"][2]["factors"].as_object().unwrap();
        assert_eq!(factors.len(), 5);
        assert!(factors.values().all(|v| v.as_f64().is_some_and(|f| (0.0..=1.0).contains(&f))));
        assert!(value["options"][0]["reasoning"].is_string());
    }

    #[test]
    fn resolve_curve_packages_and_figures_are_numbers_with_sources() {
        let value = nuclear_json(&assessment("baseline"));
        let resolve = value["resolve"].as_array().unwrap();
        assert_eq!(resolve.len(), 3);
        assert!(resolve.iter().all(|r| r["movers"].as_object().map(Map::len) == Some(4)));
        assert_eq!(value["curve"]["with_us"].as_array().map(Vec::len), Some(11));
        assert_eq!(value["curve"]["with_us"][0]["year"], json!(2026));
        let packages = &value["packages"];
        assert_eq!(packages["best"].as_array().map(Vec::len), Some(3));
        assert!(packages["frontier"].as_array().is_some_and(|f| f.len() > 3));
        assert_eq!(value["figures"]["uk_france_deployed_warheads"]["value"], json!(400.0));
        assert!(value["figures"]["europe_defence_spending_usd_bn"]["sources"]
            .as_array()
            .is_some_and(|s| !s.is_empty()));
        assert_eq!(value["new_start"]["expired"], json!(1.0));
    }
}
