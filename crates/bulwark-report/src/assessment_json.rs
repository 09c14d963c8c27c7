//! `bulwark assess --format json`: every figure of the assessment in a stable, versioned schema.
//!
//! Schema `bulwark.assessment/3` (a change of meaning or a removed field bumps the version;
//! added fields do not; version 2 made each axis's `figures` typed numbers instead of English
//! label–text pairs; version 3 gives a time to an event that may not come within the horizon,
//! the IAMD ensemble's day the long-range interceptors run out, as `{share_beyond_horizon,
//! among_events}` instead of a spread that averaged the horizon's code in):
//!
//! ```text
//! schema, scenario, description, dataset, base_year, end_year, requirement_mode, coalition[]
//! axes[]: number, title, status ("assessed" | "no_data" | "model_not_yet_available"),
//!         score, score_without_us, verdict, needs, deciding_lines[], figures{}, pending[],
//!         model_term{id, with_us, alone}|null, lines_at_zero_alone[], lines_at_zero_with_us[],
//!         weighted_mean{ledger_weight, lines_with_us, lines_alone}|null (axis 4: score =
//!         ledger_weight × lines + (1 − ledger_weight) × model_term)
//!         figures: the axis's typed numbers, one shape per axis (`axis_figures.rs`):
//!           1 { lines_without_data[], iamd | null, iamd_refused | null }
//!           2 { nuclear | null, nuclear_refused | null }
//!           3 { cost_to_close_eur_bn, cumulative_headroom_eur_bn,
//!               extra_spending_a_year_eur_bn, last_critical_gap_closes_year | null, end_year }
//!           4 { decision | null, decision_refused | null }
//!           5 { domain_scores_without_us{}, force_package | null, force_package_refused | null }
//! questions[]: id, question, answer | null (one English paragraph), figures | null (the
//!              answer's typed numbers, `question_answers.rs`), awaits | null,
//!              sentences[] | null (Q1, Q3)
//! lines[]: line, name, domain, counted_in, us_posture_group, reporting, coalition_size,
//!          europe, us, us_full, requirement, gap, coverage, coverage_without_us,
//!          verdict | null, missing | null (why there is no verdict: no figure, or
//!          "undetermined: …" when only the figures' bounds leave it open), undetermined,
//!          bounds { europe, us, requirement, gap }: "exact" | "lower" | "upper" | "claim" |
//!          "mixed" (whether the figure is a count, a bound on the true value, a claim, or
//!          computed from bounds pointing both ways; `us` is the bound of `us_full`),
//!          unit_cost_eur_m, priced_systems[],
//!          closure: null | { gap_units, procurement_eur_bn, horizon_cost_eur_bn,
//!                            years_to_close | null, unknown | null, funded_closure_year,
//!                            funded_units, delivered_by_year[], critical }, notes[]
//! budget: years[], total_spend_eur_bn[], related_spend_eur_bn[] (not in the headroom),
//!         buying_power_eur_bn[], instruments_eur_bn[],
//!         headroom_eur_bn[], static_increase_eur_bn, missing_countries[], eu_gdp_share,
//!         instruments[]: name, total_eur_bn (over the years after the base year)
//!         countries[]: iso3, share_pct[], spend_eur_bn[]
//!         burden[]: iso3, gdp_share, spending_share_base, spending_share_end
//! totals: procurement_eur_bn, horizon_cost_eur_bn, cumulative_headroom_eur_bn,
//!         affordability_ratio, window_closes, window_open_lines[], costing_excluded[],
//!         lines_on_lower_bounds (assessed lines with a lower-bound figure),
//!         cost_bounds{bound, costed_gaps, lower, upper, claim_or_mixed} (the bound of the two
//!         cost totals, `exact`/`lower`/`upper`/`claim`/`mixed`, and the costed gaps by bound)
//! assumptions[]: name, value, form, unit, origin, rationale
//! force_package: null | { troops, troops_per_brigade, brigades,
//!                         lines[]: line, per_brigade, quantity, countries[] }
//! overall
//! ```
//!
//! Money is EUR bn (or m where the name says) at constant base-year prices; missing figures
//! are `null`, never 0.

use bulwark_assess::{Assessment, AxisStatus, CensoredSpread, LineResult, Spread, SpreadKind};
use bulwark_models::budget::SpendingPath;
use serde_json::{json, Value};

/// Version tag of the assessment JSON schema.
pub const ASSESSMENT_SCHEMA: &str = "bulwark.assessment/3";

/// The assessment as a JSON document.
pub fn to_json(a: &Assessment, year: Option<u16>) -> String {
    // The JSON is language-neutral: its sentences are always the English catalogue's.
    let m = &crate::i18n::Messages::new(crate::i18n::Lang::En);
    let cost_bounds = a.cost_bounds();
    let document = json!({
        "schema": ASSESSMENT_SCHEMA,
        "scenario": a.scenario,
        "description": crate::assessment_view::describe(a, m),
        "dataset": a.dataset,
        "base_year": a.base_year,
        "end_year": a.end_year,
        "requirement_mode": a.requirement_mode,
        "coalition": a.coalition,
        "coalition_choices": {
            "includes_turkey": a.coalition_choices.includes_turkey,
            "non_nato_eu_members": a.coalition_choices.non_nato_eu_members,
            "excluded": a.coalition_choices.excluded,
        },
        "us_posture": {
            "conventional": a.us_posture.conventional, "enablers": a.us_posture.enablers,
            "intelligence": a.us_posture.intelligence, "nuclear": a.us_posture.nuclear,
        },
        "headline": crate::assessment_summary::headline(a, m),
        "drivers": a.drivers.iter().map(|h| json!({
            "outcome": h.outcome, "headline": h.headline, "screened": h.screened, "unit": h.unit,
            "trajectories": h.trajectories, "runs": h.runs, "n_parameters": h.n_parameters,
            "moved_by": h.moved_by,
            "drivers": h.drivers.iter().map(|d| json!({
                "parameter": d.parameter, "unit": d.unit, "mu_star": d.mu_star, "share": d.share,
                "label": bulwark_scenario::Param::from_name(&d.parameter).map(|p| p.label()),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "year": year.map(|y| crate::assessment_year::to_json(a, y)),
        "ranges": a.ranges.as_ref().map(|r| json!({
            "n_draws": r.n_draws,
            "drawn": r.drawn.iter().map(|p| p.name()).collect::<Vec<_>>(),
            "strategic_assets_alone": r.strategic_assets_alone.as_ref().map(spread_json),
            "multi_domain_alone": r.multi_domain_alone.as_ref().map(spread_json),
            "financial_alone": r.financial_alone.as_ref().map(spread_json),
            "procurement_eur_bn": spread_json(&r.procurement_eur_bn),
            "horizon_cost_eur_bn": spread_json(&r.horizon_cost_eur_bn),
            "window_closes": spread_json(&r.window_closes),
        })),
        "axes": a.axes.iter().map(|axis| {
            let (status, score, without, verdict, needs, band) = match &axis.status {
                AxisStatus::Assessed { score, score_without_us, verdict, benchmark, range_without_us } => (
                    "assessed",
                    Some(*score),
                    Some(*score_without_us),
                    Some((verdict.label(), crate::assessment_view::benchmark_label(*verdict, *benchmark))),
                    None,
                    range_without_us.as_ref().map(spread_json),
                ),
                AxisStatus::NoData => ("no_data", None, None, None, None, None),
                AxisStatus::ModelNotYetAvailable { needs } => (
                    "model_not_yet_available",
                    None,
                    None,
                    None,
                    Some(crate::assessment_view::pending_model(*needs, m)),
                    None,
                ),
            };
            json!({
                "number": axis.number, "title": m.t(&format!("axis-{}-title", axis.number)), "status": status, "score": score,
                "score_without_us": without, "score_without_us_range": band, "verdict": verdict.map(|v| v.0),
                "benchmark": verdict.map(|v| v.1), "needs": needs,
                "deciding_lines": axis.deciding_lines, "figures": crate::axis_figures::to_json(&axis.figures),
                "pending": axis.pending.iter().map(|p| crate::assessment_view::pending_model(*p, m)).collect::<Vec<_>>(),
                "model_term": axis.score_notes.model_term.as_ref().map(|t| json!({ "id": t.id, "with_us": t.with_us, "alone": t.alone })),
                "lines_at_zero_alone": axis.score_notes.zero_alone, "lines_at_zero_with_us": axis.score_notes.zero_with_us,
                "weighted_mean": axis.score_notes.weighted_mean.map(|w| json!({ "ledger_weight": w.ledger_weight, "lines_with_us": w.lines_with_us, "lines_alone": w.lines_alone })),
            })
        }).collect::<Vec<_>>(),
        "questions": a.questions.iter().map(|q| json!({
            "id": q.id, "question": m.t(&format!("question-{}", q.id)),
            "answer": q.answer.as_ref().ok().map(|answer| crate::question_answers::paragraph(answer, m)),
            "figures": q.answer.as_ref().ok().map(crate::question_answers::to_json),
            "awaits": q.answer.as_ref().err().map(|p| crate::assessment_view::pending_model(*p, m)),
            "sentences": crate::nuclear_text::answer(a, q.id, m).map(|answer| answer.sentences),
        })).collect::<Vec<_>>(),
        "lines": a.lines.iter().map(line_json).collect::<Vec<_>>(),
        "budget": {
            "years": a.budget.years,
            "total_spend_eur_bn": a.budget.total_spend_eur_bn,
            "related_spend_eur_bn": a.budget.related_spend_eur_bn,
            "buying_power_eur_bn": a.budget.buying_power_eur_bn,
            "instruments_eur_bn": a.budget.instruments_eur_bn,
            "headroom_eur_bn": a.budget.headroom_eur_bn,
            "static_increase_eur_bn": a.budget.static_increase_eur_bn,
            "missing_countries": a.budget_missing,
            "eu_gdp_share": a.eu_gdp_share,
            "instruments": a.budget.instrument_totals_eur_bn.iter().map(|(name, total)| json!({
                "name": name, "total_eur_bn": total,
            })).collect::<Vec<_>>(),
            "countries": a.budget.countries.iter().map(|c| json!({
                "iso3": c.iso3, "share_pct": c.share_pct, "spend_eur_bn": c.spend_eur_bn,
                "path": match c.path {
                    SpendingPath::Hague => "hague",
                    SpendingPath::OwnAlly => "own_ally",
                    SpendingPath::OwnNonAlly => "own_non_ally",
                    SpendingPath::Current => "current_share",
                },
            })).collect::<Vec<_>>(),
            "paths": crate::assessment_view::spending_paths(a, m),
            "burden": a.budget.burden.iter().map(|b| json!({
                "iso3": b.iso3, "gdp_share": b.gdp_share,
                "spending_share_base": b.spending_share_base, "spending_share_end": b.spending_share_end,
            })).collect::<Vec<_>>(),
        },
        "totals": {
            "procurement_eur_bn": a.procurement_eur_bn,
            "horizon_cost_eur_bn": a.horizon_cost_eur_bn,
            "cumulative_headroom_eur_bn": a.cumulative_headroom_eur_bn,
            "affordability_ratio": a.affordability_ratio,
            "window_closes": a.window_closes,
            "window_open_lines": a.window_open_lines,
            "costing_excluded": a.costing_excluded,
            "lines_on_lower_bounds": a.lines.iter().filter(|l| l.ledger.coverage.is_some() && l.ledger.rests_on_lower_bound()).count(),
            "cost_bounds": { "bound": cost_bounds.bound.as_str(), "costed_gaps": cost_bounds.costed,
                "lower": cost_bounds.lower, "upper": cost_bounds.upper, "claim_or_mixed": cost_bounds.other },
        },
        "assumptions": a.assumptions.iter().map(|p| json!({
            "name": p.name, "value": p.value, "form": p.form, "unit": p.unit,
            "origin": p.origin, "rationale": p.rationale,
        })).collect::<Vec<_>>(),
        "iamd": crate::json_iamd::iamd_json(a),
        "campaign": crate::json_campaign::campaign_json(a),
        "threat": crate::json_threat::threat_json(a),
        "window": crate::json_threat::window_json(a),
        "nuclear": crate::json_nuclear::nuclear_json(a),
        "decision": crate::json_decision::decision_json(a),
        "force_package": a.force_package.as_ref().map(|p| json!({
            "troops": p.troops, "troops_per_brigade": p.troops_per_brigade, "brigades": p.brigades,
            "lines": p.lines.iter().map(|l| json!({
                "line": l.line, "per_brigade": l.per_brigade, "quantity": l.quantity,
                "countries": l.countries,
            })).collect::<Vec<_>>(),
        })),
        "overall": crate::assessment_summary::paragraph(&crate::assessment_summary::overall(a, m), m),
    });
    // A `Value` of strings and finite numbers always serialises; NaN would become null.
    crate::json_text::pretty(document)
}

/// A figure with its range: `{central, low, high, band}`, `band` naming how the range was made.
pub fn spread_json(spread: &Spread) -> Value {
    json!({
        "central": spread.central, "low": spread.low, "high": spread.high,
        "band": match spread.kind {
            SpreadKind::Percentiles => "p5-p95 over the scenario's uncertainties",
            SpreadKind::ProbabilityInterval => "90 % Wilson interval of the estimated probability",
        },
    })
}

/// A time to an event that may not come within the horizon: `{share_beyond_horizon,
/// among_events}`, the second the spread over the runs where it came (`null` when none did).
pub fn censored_json(spread: &CensoredSpread) -> Value {
    json!({
        "share_beyond_horizon": spread.share_beyond,
        "among_events": spread.among_events.as_ref().map(spread_json),
    })
}

fn line_json(line: &LineResult) -> Value {
    let l = &line.ledger;
    let closure = line.closure.as_ref().map(|c| {
        json!({
            "gap_units": c.gap_units,
            "procurement_eur_bn": c.procurement_eur_bn,
            "horizon_cost_eur_bn": c.horizon_cost_eur_bn,
            "years_to_close": c.years_to_close.as_ref().ok(),
            "unknown": c.years_to_close.as_ref().err().map(|u| format!("{u:?}")),
            "funded_closure_year": c.funded_closure_year,
            "funded_units": c.funded_units,
            "delivered_by_year": c.delivered_by_year,
            "critical": c.critical,
        })
    });
    json!({
        "line": line.line, "name": line.name, "domain": line.domain, "counted_in": line.counted_in,
        "us_posture_group": line.us_posture_group, "reporting": line.reporting.0, "coalition_size": line.reporting.1,
        "europe": l.europe, "us": l.us, "us_full": l.us_full, "requirement": l.requirement, "gap": l.gap,
        "gap_with_us": l.gap_with_us, "coverage": l.coverage, "coverage_without_us": l.coverage_without_us,
        "verdict": l.status.as_ref().ok().map(|v| v.label()),
        "benchmark": l.status.as_ref().ok().zip(l.benchmark).map(|(own, bench)| crate::assessment_view::benchmark_label(*own, bench)),
        "missing": l.status.as_ref().err().map(|m| m.label()),
        "undetermined": l.status.is_err_and(|m| m.is_undetermined()),
        "bounds": {
            "europe": l.europe_bound.as_str(), "us": l.us_bound.as_str(),
            "requirement": l.requirement_bound.as_str(), "gap": l.gap_bound.as_str(),
        },
        "unit_cost_eur_m": line.unit_cost_eur_m, "priced_systems": line.priced_systems,
        "closure": closure, "notes": line.notes.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}
