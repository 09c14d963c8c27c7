//! `bulwark explore` results as terminal text, Markdown, JSON (schema `bulwark.explore/1`) and
//! one self-contained HTML page with its chart: the Morris μ*–σ scatter, Sobol bars with their
//! intervals, or PRIM's coverage–density trade-off curve with the chosen box.
//!
//! Tables lead with what matters most (μ* or the total index, descending). Every number
//! shown is finite: the analysis refuses outcomes that would make an index undefined, and a
//! lever's change that is not a number (a censored outcome with no run to compare) reads "—".
//! A censored outcome (a time to an event that may not come within the horizon, coded beyond
//! it) says so: Sobol, Morris and PRIM describe the coded value, which a note states with the
//! runs beyond the horizon; levers give the share beyond the horizon without and with each
//! lever and compare the time on the runs where the event came both times.

use std::fmt::Write;

use bulwark_explore::{interval_text, ranked, Analysis, ExploreReport, PrimBox};
use serde_json::{json, Value};

use crate::assessment_html::{escape, CSS};
use crate::i18n::{Arg, Lang, Messages};
use crate::scenario_view::distribution;
use crate::svg::explore::{interval_bars, scatter, IntervalBars, IntervalGroup, Point, Scatter};
use crate::svg::Series;
use crate::TextTable;

/// Output shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExploreFormat {
    /// Aligned text.
    Table,
    /// Markdown.
    Md,
    /// JSON, schema `bulwark.explore/1`.
    Json,
    /// A self-contained HTML page.
    Html,
}

/// The report in `format`, worded in the language of `m` (the JSON is English whatever it is).
pub fn render(report: &ExploreReport, format: ExploreFormat, m: &Messages) -> String {
    match format {
        ExploreFormat::Table => text(report, false, m),
        ExploreFormat::Md => text(report, true, m),
        ExploreFormat::Json => crate::json_text::pretty(to_json(report)),
        ExploreFormat::Html => html(report, m),
    }
}

fn heading(report: &ExploreReport, m: &Messages) -> String {
    let scenario = report
        .scenario
        .as_deref()
        .map_or(String::new(), |s| m.f("ex-heading-scenario", &[("scenario", s.into())]));
    m.f(
        "ex-heading",
        &[
            ("method", report.method().into()),
            ("outcome", report.outcome.name.into()),
            ("unit", unit(report.outcome.unit, m).into()),
            ("model", report.model.into()),
            ("scenario", scenario.into()),
            ("runs", report.n_runs.to_string().into()),
            ("seed", report.seed.to_string().into()),
        ],
    )
}

/// A unit in the report's language: English keeps the model's word; Japanese takes
/// `ex-unit-<unit>` or the assumptions table's `unit-param-<unit>`, else the word itself.
fn unit(word: &str, m: &Messages) -> String {
    if m.lang() == Lang::En {
        return word.to_string();
    }
    let key = word.replace(' ', "_");
    if m.has(&format!("ex-unit-{key}")) {
        m.t(&format!("ex-unit-{key}"))
    } else {
        m.lookup("unit-param", &key, word)
    }
}

/// What an outcome measures: the model's words in English, `ex-outcome-<name>` otherwise.
fn meaning(outcome: &bulwark_explore::outcomes::OutcomeSpec, m: &Messages) -> String {
    match m.lang() {
        Lang::En => outcome.meaning.to_string(),
        _ => m.lookup("ex-outcome", &outcome.name.replace('.', "-"), outcome.meaning),
    }
}

/// A confidence level as a percentage in the report's language (`95 %`, `95%`).
fn level(confidence: f64, m: &Messages) -> String {
    m.pct(confidence * 100.0, 0)
}

fn render_table(table: &TextTable, markdown: bool) -> String {
    if markdown {
        table.render_markdown()
    } else {
        table.render()
    }
}

/// What a censored outcome's analysis describes, in one paragraph (`None` otherwise).
fn censoring_note(report: &ExploreReport, m: &Messages) -> Option<String> {
    let c = report.censoring?;
    let share = if c.n_runs == 0 { 0.0 } else { 100.0 * c.n_beyond as f64 / c.n_runs as f64 };
    let instead = c.share_outcome.map_or(String::new(), |name| {
        m.f("ex-censored-share", &[("name", name.into()), ("method", report.method().into())])
    });
    Some(m.f(
        "ex-censored-note",
        &[
            ("outcome", report.outcome.name.into()),
            ("horizon", c.horizon.to_string().into()),
            ("unit", unit(report.outcome.unit, m).into()),
            ("beyond", c.n_beyond.to_string().into()),
            ("runs", c.n_runs.to_string().into()),
            ("share", format!("{share:.1}").into()),
            ("instead", instead.into()),
        ],
    ))
}

fn text(report: &ExploreReport, markdown: bool, m: &Messages) -> String {
    let mut out = if markdown {
        format!("# {}\n\n", heading(report, m))
    } else {
        format!("{}\n\n", heading(report, m))
    };
    if let Some(note) = censoring_note(report, m) {
        let _ = writeln!(out, "{note}\n");
    }
    let names = |idx: usize| report.parameters[idx].name.clone();
    let outcome_unit = unit(report.outcome.unit, m);
    let t = |id: &str| m.t(id);
    match &report.analysis {
        Analysis::Morris { trajectories, levels, candidates, confidence, indices } => {
            let chosen = if *candidates > 0 {
                m.f("ex-morris-chosen", &[("candidates", candidates.to_string().into())])
            } else {
                String::new()
            };
            let intro = m.f(
                "ex-morris-intro",
                &[
                    ("trajectories", trajectories.to_string().into()),
                    ("levels", levels.to_string().into()),
                    ("chosen", chosen.into()),
                    ("unit", outcome_unit.as_str().into()),
                ],
            );
            let _ = writeln!(out, "{intro}\n");
            let ci = m.f("ex-morris-ci", &[("pct", level(*confidence, m).into())]);
            let mut table = TextTable::new(&[&t("ex-col-parameter"), &t("ex-col-unit"), "μ*", &ci, "μ", "σ"]);
            for idx in ranked(report.parameters.len(), |i| indices.mu_star[i].value) {
                table.row(vec![
                    names(idx),
                    unit(&report.parameters[idx].unit, m),
                    format!("{:.4}", indices.mu_star[idx].value),
                    interval_text(&indices.mu_star[idx], 4),
                    format!("{:.4}", indices.mu[idx]),
                    format!("{:.4}", indices.sigma[idx]),
                ]);
            }
            out.push_str(&render_table(&table, markdown));
        }
        Analysis::Sobol { n_base, resamples, confidence, indices } => {
            let intro = m.f(
                "ex-sobol-intro",
                &[
                    ("n", n_base.to_string().into()),
                    ("pct", level(*confidence, m).into()),
                    ("resamples", resamples.to_string().into()),
                    ("mean", format!("{:.4}", indices.mean).into()),
                    ("variance", format!("{:.4}", indices.variance).into()),
                    ("unit", outcome_unit.as_str().into()),
                ],
            );
            let _ = writeln!(out, "{intro}\n");
            let mut table = TextTable::new(&[
                &t("ex-col-parameter"),
                &t("ex-col-unit"),
                "S1",
                &t("ex-col-s1-interval"),
                "ST",
                &t("ex-col-st-interval"),
            ]);
            for idx in ranked(report.parameters.len(), |i| indices.total[i].value) {
                table.row(vec![
                    names(idx),
                    unit(&report.parameters[idx].unit, m),
                    format!("{:.3}", indices.first[idx].value),
                    interval_text(&indices.first[idx], 3),
                    format!("{:.3}", indices.total[idx].value),
                    interval_text(&indices.total[idx], 3),
                ]);
            }
            out.push_str(&render_table(&table, markdown));
            if !indices.second.is_empty() {
                let _ = write!(out, "\n{}\n\n", t("ex-second-order"));
                let mut pairs = indices.second.clone();
                pairs.sort_by(|a, b| b.2.value.total_cmp(&a.2.value).then((a.0, a.1).cmp(&(b.0, b.1))));
                let mut table = TextTable::new(&[&t("ex-col-pair"), "S2", &t("ex-col-interval")]);
                for (i, j, e) in pairs.iter().take(10) {
                    table.row(vec![
                        format!("{} × {}", names(*i), names(*j)),
                        format!("{:.3}", e.value),
                        interval_text(e, 3),
                    ]);
                }
                out.push_str(&render_table(&table, markdown));
            }
        }
        Analysis::Prim {
            interest,
            n_interesting,
            settings,
            trajectory,
            chosen_index,
            chosen,
            restrictions,
        } => {
            let intro = m.f(
                "ex-prim-intro",
                &[
                    ("interest", interest.as_str().into()),
                    ("cases", n_interesting.to_string().into()),
                    ("runs", report.n_runs.to_string().into()),
                    ("peel", settings.peel_alpha.to_string().into()),
                    ("paste", settings.paste_alpha.to_string().into()),
                    ("mass", settings.mass_min.to_string().into()),
                ],
            );
            let chosen_text = m.f(
                "ex-prim-chosen",
                &[
                    ("index", chosen_index.to_string().into()),
                    ("coverage", format!("{:.3}", chosen.coverage).into()),
                    ("density", format!("{:.3}", chosen.density).into()),
                    ("mass", format!("{:.3}", chosen.mass).into()),
                    ("points", chosen.n_points.to_string().into()),
                ],
            );
            let _ = writeln!(out, "{intro}\n\n{chosen_text}\n");
            let mut table = TextTable::new(&[
                &t("ex-col-restricted-parameter"),
                &t("ex-col-unit"),
                &t("ex-col-lower"),
                &t("ex-col-upper"),
                &t("ex-col-quasi-p"),
            ]);
            for r in restrictions {
                table.row(vec![
                    names(r.dim),
                    unit(&report.parameters[r.dim].unit, m),
                    format!("{:.4}", r.lower),
                    format!("{:.4}", r.upper),
                    // Below the smallest normal double the tail underflows to 0.
                    if r.qp_value > 0.0 { format!("{:.2e}", r.qp_value) } else { "< 1e-300".to_string() },
                ]);
            }
            out.push_str(&render_table(&table, markdown));
            let _ = write!(out, "\n{}\n\n", t("ex-prim-trajectory"));
            let mut table = TextTable::new(&[
                &t("ex-col-index"),
                &t("ex-col-coverage"),
                &t("ex-col-density"),
                &t("ex-col-mass"),
                &t("ex-col-restricted"),
            ]);
            for (idx, b) in trajectory.iter().enumerate() {
                table.row(vec![
                    idx.to_string(),
                    format!("{:.3}", b.coverage),
                    format!("{:.3}", b.density),
                    format!("{:.3}", b.mass),
                    n_restricted(b, &trajectory[0]).to_string(),
                ]);
            }
            out.push_str(&render_table(&table, markdown));
        }
        Analysis::Levers { resamples, confidence, effects } => {
            out.push_str(&levers_text(report, *resamples, *confidence, effects, markdown, m));
        }
    }
    out
}

/// A number with four significant digits, whatever its size; "—" for a figure that is not a
/// number (a censored outcome with no run to compare).
fn significant(value: f64) -> String {
    let magnitude = value.abs();
    if !value.is_finite() {
        "—".to_string()
    } else if magnitude == 0.0 {
        "0".to_string()
    } else if magnitude >= 1000.0 {
        format!("{value:.0}")
    } else if magnitude >= 1.0 {
        format!("{value:.3}")
    } else if magnitude >= 1e-3 {
        format!("{value:.4}")
    } else {
        format!("{value:.2e}")
    }
}

fn levers_text(
    report: &ExploreReport,
    resamples: usize,
    confidence: f64,
    effects: &[bulwark_explore::levers::LeverEffect],
    markdown: bool,
    m: &Messages,
) -> String {
    let t = |id: &str| m.t(id);
    let outcome_unit = unit(report.outcome.unit, m);
    let intro = m.f(
        "ex-levers-intro",
        &[
            ("unit", outcome_unit.as_str().into()),
            ("pct", level(confidence, m).into()),
            ("resamples", resamples.to_string().into()),
        ],
    );
    let mut out = format!("{intro}\n\n");
    // A censored outcome (a time that may not come within the horizon) is never averaged with
    // its code: its share beyond the horizon gets columns, the means the runs compared.
    let censored = effects
        .iter()
        .flat_map(|e| &e.outcomes)
        .find(|o| o.outcome.name == report.outcome.name)
        .and_then(|o| o.censoring);
    if let Some(c) = censored {
        let note = m.f(
            "ex-levers-censored",
            &[
                ("outcome", report.outcome.name.into()),
                ("horizon", c.horizon.to_string().into()),
                ("unit", outcome_unit.as_str().into()),
            ],
        );
        let _ = writeln!(out, "{note}\n");
    }
    let ci = m.f("ex-ci", &[("pct", level(confidence, m).into())]);
    let mut header: Vec<String> = [
        "ex-col-lever",
        "ex-col-cost",
        "ex-col-without",
        "ex-col-with",
        "ex-col-change",
        "",
        "ex-col-per-eur-bn",
        "ex-col-p5-p95",
    ]
    .iter()
    .map(|id| if id.is_empty() { ci.clone() } else { t(id) })
    .collect();
    if censored.is_some() {
        header.extend([t("ex-col-beyond"), t("ex-col-compared")]);
    }
    let mut table = TextTable::new(&header.iter().map(String::as_str).collect::<Vec<_>>());
    for effect in effects {
        let Some(o) = effect.outcomes.iter().find(|o| o.outcome.name == report.outcome.name) else {
            let mut row = vec![
                effect.lever.clone(),
                format!("{:.2}", effect.cost_eur_bn),
                "—".into(),
                "—".into(),
                t("ex-not-read"),
            ];
            row.resize(header.len(), String::new());
            table.row(row);
            continue;
        };
        let mut row = vec![
            effect.lever.clone(),
            format!("{:.2}", effect.cost_eur_bn),
            significant(o.without),
            significant(o.with),
            significant(o.change.value),
            format!("[{}, {}]", significant(o.change.low), significant(o.change.high)),
            o.change_per_eur_bn.map_or_else(|| t("ex-no-budget-cost"), |e| significant(e.value)),
            m.f(
                "ex-p5-to-p95",
                &[("p5", significant(o.change_p5).into()), ("p95", significant(o.change_p95).into())],
            ),
        ];
        if let Some(c) = o.censoring {
            row.extend([beyond_cell(&c, m), c.n_compared.to_string()]);
        }
        table.row(row);
    }
    out.push_str(&render_table(&table, markdown));
    let _ = write!(out, "\n{}\n\n", t("ex-levers-list"));
    let mut table =
        TextTable::new(&[&t("ex-col-lever"), &t("ex-col-what"), &t("ex-col-moves"), &t("ex-col-cost-basis")]);
    for effect in effects {
        table.row(vec![
            effect.lever.clone(),
            effect.description.clone(),
            effect.moves.join("; "),
            effect.cost_source.as_ref().map_or_else(
                || t("ex-cost-judgement"),
                |s| m.f("ex-cost-source", &[("source", s.as_str().into())]),
            ),
        ]);
    }
    out.push_str(&render_table(&table, markdown));
    let others: Vec<&bulwark_explore::levers::LeverEffect> =
        effects.iter().filter(|e| e.outcomes.len() > 1).collect();
    if !others.is_empty() {
        let _ = write!(out, "\n{}\n\n", t("ex-every-outcome"));
        let mut table = TextTable::new(&[
            &t("ex-col-lever"),
            &t("ex-col-outcome"),
            &t("ex-col-unit"),
            &t("ex-col-change"),
            &ci,
            &t("ex-col-per-eur-bn"),
            &t("ex-col-beyond"),
        ]);
        for effect in others {
            for o in &effect.outcomes {
                table.row(vec![
                    effect.lever.clone(),
                    o.outcome.name.to_string(),
                    unit(o.outcome.unit, m),
                    significant(o.change.value),
                    format!("[{}, {}]", significant(o.change.low), significant(o.change.high)),
                    o.change_per_eur_bn.map_or("—".into(), |e| significant(e.value)),
                    o.censoring.map_or(String::new(), |c| beyond_cell(&c, m)),
                ]);
            }
        }
        out.push_str(&render_table(&table, markdown));
    }
    out
}

/// A censored outcome's share of runs beyond the horizon without and with a lever.
fn beyond_cell(c: &bulwark_explore::levers::CensoredChange, m: &Messages) -> String {
    // One decimal always (`25.0 %`), so that the two shares read alike.
    let pct = |share: f64| match m.lang() {
        Lang::En => format!("{:.1} %", 100.0 * share),
        _ => format!("{:.1}%", 100.0 * share),
    };
    format!("{} → {}", pct(c.beyond_without), pct(c.beyond_with))
}

/// Dimensions of `b` narrower than the box of all the data.
fn n_restricted(b: &PrimBox, all: &PrimBox) -> usize {
    b.lower
        .iter()
        .zip(&all.lower)
        .zip(b.upper.iter().zip(&all.upper))
        .filter(|((l, l0), (u, u0))| l > l0 || u < u0)
        .count()
}

fn estimate_json(e: &bulwark_explore::Estimate) -> Value {
    json!({ "value": e.value, "low": e.low, "high": e.high })
}

fn to_json(report: &ExploreReport) -> Value {
    let parameters: Vec<Value> = report
        .parameters
        .iter()
        .map(|p| json!({ "name": p.name, "unit": p.unit, "distribution": distribution(&p.distribution) }))
        .collect();
    let name = |idx: usize| report.parameters[idx].name.clone();
    let analysis = match &report.analysis {
        Analysis::Morris { trajectories, levels, candidates, confidence, indices } => json!({
            "trajectories": trajectories, "levels": levels, "candidates": candidates, "confidence": confidence,
            "effects": (0..report.parameters.len()).map(|i| json!({
                "parameter": name(i), "mu": indices.mu[i], "mu_star": estimate_json(&indices.mu_star[i]), "sigma": indices.sigma[i],
            })).collect::<Vec<_>>(),
        }),
        Analysis::Sobol { n_base, resamples, confidence, indices } => json!({
            "n_base": n_base, "resamples": resamples, "confidence": confidence,
            "mean": indices.mean, "variance": indices.variance,
            "indices": (0..report.parameters.len()).map(|i| json!({
                "parameter": name(i), "first": estimate_json(&indices.first[i]), "total": estimate_json(&indices.total[i]),
            })).collect::<Vec<_>>(),
            "second_order": indices.second.iter().map(|(i, j, e)| json!({
                "parameters": [name(*i), name(*j)], "index": estimate_json(e),
            })).collect::<Vec<_>>(),
        }),
        Analysis::Prim {
            interest,
            n_interesting,
            settings,
            trajectory,
            chosen_index,
            chosen,
            restrictions,
        } => json!({
            "interest": interest, "n_interesting": n_interesting,
            "peel_alpha": settings.peel_alpha, "paste_alpha": settings.paste_alpha, "mass_min": settings.mass_min,
            "trajectory": trajectory.iter().map(|b| json!({
                "coverage": b.coverage, "density": b.density, "mass": b.mass, "n_points": b.n_points,
            })).collect::<Vec<_>>(),
            "chosen_index": chosen_index,
            "box": { "coverage": chosen.coverage, "density": chosen.density, "mass": chosen.mass, "n_points": chosen.n_points,
                "restrictions": restrictions.iter().map(|r| json!({
                    "parameter": name(r.dim), "lower": r.lower, "upper": r.upper, "qp_value": r.qp_value,
                })).collect::<Vec<_>>() },
        }),
        Analysis::Levers { resamples, confidence, effects } => json!({
            "resamples": resamples, "confidence": confidence,
            "levers": effects.iter().map(|e| json!({
                "lever": e.lever, "description": e.description, "cost_eur_bn": e.cost_eur_bn,
                "cost_source": e.cost_source, "moves": e.moves,
                "outcomes": e.outcomes.iter().map(|o| json!({
                    "outcome": o.outcome.name, "unit": o.outcome.unit, "without": o.without, "with": o.with,
                    "change": estimate_json(&o.change),
                    "change_per_eur_bn": o.change_per_eur_bn.as_ref().map(estimate_json),
                    "change_p5": o.change_p5, "change_p95": o.change_p95,
                    "censoring": o.censoring.map(|c| json!({
                        "horizon": c.horizon, "share_beyond_without": c.beyond_without,
                        "share_beyond_with": c.beyond_with, "runs_compared": c.n_compared,
                    })),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }),
    };
    json!({
        "schema": "bulwark.explore/1",
        "method": report.method(),
        "model": report.model,
        "scenario": report.scenario,
        "outcome": { "name": report.outcome.name, "unit": report.outcome.unit, "meaning": report.outcome.meaning },
        "seed": report.seed,
        "runs": report.n_runs,
        "parameters": parameters,
        "analysis": analysis,
        "censoring": report.censoring.map(|c| json!({
            "horizon": c.horizon, "runs_beyond_horizon": c.n_beyond, "runs": c.n_runs,
            "share_outcome": c.share_outcome,
        })),
    })
}

fn html(report: &ExploreReport, m: &Messages) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">",
        m.lang().code()
    );
    let _ = writeln!(
        out,
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>",
        escape(&heading(report, m))
    );
    let _ = writeln!(
        out,
        "<h1>{}</h1>\n<p>{}</p>",
        escape(&heading(report, m)),
        escape(&meaning(&report.outcome, m))
    );
    out.push_str(&chart(report, m));
    let _ = writeln!(out, "<pre>{}</pre>", escape(&text(report, false, m)));
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape(&m.t("ex-h-parameters")),
        escape(&m.t("ex-col-parameter")),
        escape(&m.t("ex-col-unit")),
        escape(&m.t("ex-col-distribution"))
    );
    for p in &report.parameters {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td><code>{}</code></td></tr>",
            escape(&p.name),
            escape(&unit(&p.unit, m)),
            escape(&distribution(&p.distribution))
        );
    }
    let _ = writeln!(
        out,
        "</table>\n<footer>Bulwark {}</footer>\n</main>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Points labelled in the Morris scatter: the most influential by μ*.
const LABELLED: usize = 6;

fn chart(report: &ExploreReport, m: &Messages) -> String {
    let unit = unit(report.outcome.unit, m);
    let outcome = || [("outcome", Arg::from(report.outcome.name))];
    let name = |idx: usize| report.parameters[idx].name.clone();
    match &report.analysis {
        Analysis::Morris { indices, .. } => scatter(&Scatter {
            title: m.f("ex-chart-morris", &outcome()),
            x_title: m.f("ex-chart-morris-x", &[("unit", unit.as_str().into())]),
            y_title: m.f("ex-chart-morris-y", &[("unit", unit.as_str().into())]),
            // Only the most influential are labelled, so that labels stay legible; the table
            // below the chart names every parameter.
            points: {
                let top: Vec<usize> = ranked(report.parameters.len(), |i| indices.mu_star[i].value)
                    .into_iter()
                    .take(LABELLED)
                    .collect();
                (0..report.parameters.len())
                    .map(|i| Point {
                        x: indices.mu_star[i].value,
                        y: indices.sigma[i],
                        label: if top.contains(&i) { name(i) } else { String::new() },
                        highlight: false,
                    })
                    .collect()
            },
            joined: false,
            axis_max: None,
        }),
        Analysis::Sobol { indices, .. } => interval_bars(&IntervalBars {
            title: m.f("ex-chart-sobol", &outcome()),
            value_title: m.t("ex-chart-sobol-value"),
            series: vec![
                Series { name: m.t("ex-series-first"), color: crate::svg::palette::BLUE },
                Series { name: m.t("ex-series-total"), color: crate::svg::palette::ORANGE },
            ],
            groups: ranked(report.parameters.len(), |i| indices.total[i].value)
                .into_iter()
                .map(|i| IntervalGroup {
                    label: name(i),
                    values: [indices.first[i], indices.total[i]]
                        .iter()
                        .map(|e| (e.value, e.low, e.high))
                        .collect(),
                })
                .collect(),
        }),
        Analysis::Prim { trajectory, chosen_index, .. } => scatter(&Scatter {
            title: m.f("ex-chart-prim", &outcome()),
            x_title: m.t("ex-chart-prim-x"),
            y_title: m.t("ex-chart-prim-y"),
            points: trajectory
                .iter()
                .enumerate()
                .map(|(idx, b)| Point {
                    x: b.coverage,
                    y: b.density,
                    label: if idx == *chosen_index {
                        m.f("ex-prim-box", &[("index", idx.to_string().into())])
                    } else {
                        String::new()
                    },
                    highlight: idx == *chosen_index,
                })
                .collect(),
            joined: true,
            axis_max: Some((1.0, 1.0)),
        }),
        Analysis::Levers { effects, .. } => lever_chart(report, effects, m),
    }
}

/// The change each lever makes to the outcome: the shared bar chart draws from 0 up, so the
/// bars are the size of the change, and the legend says which way it goes.
fn lever_chart(
    report: &ExploreReport,
    effects: &[bulwark_explore::levers::LeverEffect],
    m: &Messages,
) -> String {
    let groups: Vec<IntervalGroup> = effects
        .iter()
        .filter_map(|e| {
            let o = e.outcomes.iter().find(|o| o.outcome.name == report.outcome.name)?;
            // A censored outcome with no run to compare has no change to draw.
            if !o.change.value.is_finite() {
                return None;
            }
            let (low, high) =
                (o.change.low.abs().min(o.change.high.abs()), o.change.low.abs().max(o.change.high.abs()));
            let id = if o.change.value < 0.0 { "ex-lever-lowers" } else { "ex-lever-raises" };
            // English writes the cost as it always has (`EUR 1.5 bn`); Japanese in 億 like the
            // assessment.
            let cost = match m.lang() {
                Lang::En => significant(e.cost_eur_bn),
                _ => m.eur_bn(e.cost_eur_bn, 2),
            };
            Some(IntervalGroup {
                label: m.f(id, &[("lever", e.lever.as_str().into()), ("cost", cost.into())]),
                values: vec![(
                    o.change.value.abs(),
                    if o.change.low * o.change.high < 0.0 { 0.0 } else { low },
                    high,
                )],
            })
        })
        .collect();
    if groups.is_empty() {
        return String::new();
    }
    interval_bars(&IntervalBars {
        title: m.f("ex-chart-levers", &[("outcome", report.outcome.name.into())]),
        value_title: m.f(
            "ex-chart-levers-value",
            &[("outcome", report.outcome.name.into()), ("unit", unit(report.outcome.unit, m).into())],
        ),
        series: vec![Series { name: m.t("ex-series-levers"), color: "#2b6cb0" }],
        groups,
    })
}

/// What `bulwark explore list` shows for one model.
#[derive(Clone, Debug)]
pub struct ModelCatalogue {
    /// The model.
    pub model: &'static str,
    /// Parameters it reads: name, unit, distribution, and `uncertain`, `fixed` or `setting`.
    pub parameters: Vec<(String, String, bulwark_core::Distribution, &'static str)>,
    /// Its outcomes.
    pub outcomes: &'static [bulwark_explore::outcomes::OutcomeSpec],
}

/// The catalogue of parameters and outcomes, per model, in `format`, worded in the language of
/// `m` (the JSON is English whatever it is).
pub fn render_list(models: &[ModelCatalogue], format: ExploreFormat, m: &Messages) -> String {
    if format == ExploreFormat::Json {
        let value: Vec<Value> = models
            .iter()
            .map(|m| {
                json!({
                    "model": m.model,
                    "parameters": m.parameters.iter().map(|(name, unit, d, kind)| json!({
                        "name": name, "unit": unit, "distribution": distribution(d), "kind": kind,
                    })).collect::<Vec<_>>(),
                    "outcomes": m.outcomes.iter().map(|o| json!({ "name": o.name, "unit": o.unit, "meaning": o.meaning })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut out =
            serde_json::to_string_pretty(&json!({ "schema": "bulwark.explore-list/1", "models": value }))
                .unwrap_or_default();
        out.push('\n');
        return out;
    }
    let markdown = format == ExploreFormat::Md;
    let t = |id: &str| m.t(id);
    let mut out = String::new();
    for catalogue in models {
        let model = || [("model", Arg::from(catalogue.model))];
        let hashes = if markdown { "## " } else { "" };
        let _ = writeln!(out, "{hashes}{}\n", m.f("ex-list-outcomes", &model()));
        let mut table = TextTable::new(&[&t("ex-col-outcome"), &t("ex-col-unit"), &t("ex-col-meaning")]);
        for o in catalogue.outcomes {
            table.row(vec![o.name.to_string(), unit(o.unit, m), meaning(o, m)]);
        }
        out.push_str(&render_table(&table, markdown));
        let _ = writeln!(out, "\n{hashes}{}\n", m.f("ex-list-parameters", &model()));
        let mut table = TextTable::new(&[
            &t("ex-col-parameter"),
            &t("ex-col-unit"),
            &t("ex-col-kind"),
            &t("ex-col-distribution"),
        ]);
        for (name, word, d, kind) in &catalogue.parameters {
            table.row(vec![name.clone(), unit(word, m), m.lookup("ex-kind", kind, kind), distribution(d)]);
        }
        out.push_str(&render_table(&table, markdown));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
