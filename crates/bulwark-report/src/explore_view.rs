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

/// The report in `format`.
pub fn render(report: &ExploreReport, format: ExploreFormat) -> String {
    match format {
        ExploreFormat::Table => text(report, false),
        ExploreFormat::Md => text(report, true),
        ExploreFormat::Json => crate::json_text::pretty(to_json(report)),
        ExploreFormat::Html => html(report),
    }
}

fn heading(report: &ExploreReport) -> String {
    let scenario = report.scenario.as_deref().map_or(String::new(), |s| format!(", scenario `{s}`"));
    format!(
        "bulwark explore {}: `{}` ({}) of model `{}`{scenario}; {} runs, seed {}",
        report.method(),
        report.outcome.name,
        report.outcome.unit,
        report.model,
        report.n_runs,
        report.seed
    )
}

fn render_table(table: &TextTable, markdown: bool) -> String {
    if markdown {
        table.render_markdown()
    } else {
        table.render()
    }
}

/// What a censored outcome's analysis describes, in one paragraph (`None` otherwise).
fn censoring_note(report: &ExploreReport) -> Option<String> {
    let c = report.censoring?;
    let share = if c.n_runs == 0 { 0.0 } else { 100.0 * c.n_beyond as f64 / c.n_runs as f64 };
    let instead = c.share_outcome.map_or(String::new(), |name| {
        format!(
            "; the share itself is the outcome `{name}`, which {} screens without the code",
            report.method()
        )
    });
    Some(format!(
        "Censored outcome: `{}` codes a run in which the event does not come within the horizon ({} {}) as a \
         value above it, and {} of {} runs ({share:.1} %) are beyond the horizon. The figures below describe \
         that coded value, not a time to the event{instead}.",
        report.outcome.name,
        c.horizon,
        report.outcome.unit,
        c.n_beyond,
        c.n_runs
    ))
}

fn text(report: &ExploreReport, markdown: bool) -> String {
    let mut out =
        if markdown { format!("# {}\n\n", heading(report)) } else { format!("{}\n\n", heading(report)) };
    if let Some(note) = censoring_note(report) {
        let _ = writeln!(out, "{note}\n");
    }
    let names = |idx: usize| report.parameters[idx].name.clone();
    let unit = &report.outcome.unit;
    match &report.analysis {
        Analysis::Morris { trajectories, levels, candidates, confidence, indices } => {
            let _ = writeln!(
                out,
                "Morris elementary effects: {trajectories} trajectories on {levels} levels{}; effects in {unit} \
                 per unit of probability (twice the outcome's change when a parameter moves across half of its \
                 distribution).\n",
                if *candidates > 0 { format!(", chosen from {candidates} for spread") } else { String::new() }
            );
            let ci = format!("μ* {:.0} % interval", confidence * 100.0);
            let mut table = TextTable::new(&["parameter", "unit", "μ*", &ci, "μ", "σ"]);
            for idx in ranked(report.parameters.len(), |i| indices.mu_star[i].value) {
                table.row(vec![
                    names(idx),
                    report.parameters[idx].unit.clone(),
                    format!("{:.4}", indices.mu_star[idx].value),
                    interval_text(&indices.mu_star[idx], 4),
                    format!("{:.4}", indices.mu[idx]),
                    format!("{:.4}", indices.sigma[idx]),
                ]);
            }
            out.push_str(&render_table(&table, markdown));
        }
        Analysis::Sobol { n_base, resamples, confidence, indices } => {
            let _ = writeln!(
                out,
                "Sobol indices (Saltelli design, N = {n_base}; first order: Saltelli 2010, total: Jansen 1999); \
                 {:.0} % bootstrap intervals from {resamples} resamples. Outcome mean {:.4}, variance {:.4} ({unit}²).\n",
                confidence * 100.0,
                indices.mean,
                indices.variance
            );
            let mut table = TextTable::new(&["parameter", "unit", "S1", "S1 interval", "ST", "ST interval"]);
            for idx in ranked(report.parameters.len(), |i| indices.total[i].value) {
                table.row(vec![
                    names(idx),
                    report.parameters[idx].unit.clone(),
                    format!("{:.3}", indices.first[idx].value),
                    interval_text(&indices.first[idx], 3),
                    format!("{:.3}", indices.total[idx].value),
                    interval_text(&indices.total[idx], 3),
                ]);
            }
            out.push_str(&render_table(&table, markdown));
            if !indices.second.is_empty() {
                out.push_str("\nLargest second-order indices:\n\n");
                let mut pairs = indices.second.clone();
                pairs.sort_by(|a, b| b.2.value.total_cmp(&a.2.value).then((a.0, a.1).cmp(&(b.0, b.1))));
                let mut table = TextTable::new(&["pair", "S2", "interval"]);
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
            let _ = writeln!(
                out,
                "PRIM scenario discovery: case of interest `{interest}` in {n_interesting} of {} runs; peel {}, paste {}, \
                 minimum mass {}.\n\nChosen box: trajectory index {chosen_index}, pasted: coverage {:.3}, density {:.3}, \
                 mass {:.3} ({} runs).\n",
                report.n_runs,
                settings.peel_alpha,
                settings.paste_alpha,
                settings.mass_min,
                chosen.coverage,
                chosen.density,
                chosen.mass,
                chosen.n_points
            );
            let mut table = TextTable::new(&["restricted parameter", "unit", "lower", "upper", "quasi-p"]);
            for r in restrictions {
                table.row(vec![
                    names(r.dim),
                    report.parameters[r.dim].unit.clone(),
                    format!("{:.4}", r.lower),
                    format!("{:.4}", r.upper),
                    // Below the smallest normal double the tail underflows to 0.
                    if r.qp_value > 0.0 { format!("{:.2e}", r.qp_value) } else { "< 1e-300".to_string() },
                ]);
            }
            out.push_str(&render_table(&table, markdown));
            out.push_str("\nPeeling trajectory (pick a box with --box INDEX):\n\n");
            let mut table = TextTable::new(&["index", "coverage", "density", "mass", "restricted"]);
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
            out.push_str(&levers_text(report, *resamples, *confidence, effects, markdown));
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
) -> String {
    let unit = report.outcome.unit;
    let mut out = format!(
        "Levers of the scenario on common random numbers: every run once without and once with each lever, \
         on the same draws. Change = mean(with − without) in {unit}, with its {:.0} % bootstrap interval ({resamples} \
         resamples); per EUR bn = change ÷ the lever's cost; p5–p95 = the per-run change over the uncertainties.\n\n",
        confidence * 100.0
    );
    // A censored outcome (a time that may not come within the horizon) is never averaged with
    // its code: its share beyond the horizon gets columns, the means the runs compared.
    let censored = effects
        .iter()
        .flat_map(|e| &e.outcomes)
        .find(|o| o.outcome.name == report.outcome.name)
        .and_then(|o| o.censoring);
    if let Some(c) = censored {
        let _ = writeln!(
            out,
            "`{}` is censored at the horizon ({} {unit}): a run in which the event does not come within it is \
             counted in \"beyond horizon\", never averaged as its code. Without, with, change, its interval and the \
             per-run p5–p95 are over the runs where the event came both without and with the lever (\"runs compared\").\n",
            report.outcome.name,
            c.horizon
        );
    }
    let ci = format!("{:.0} % interval", confidence * 100.0);
    let mut header =
        vec!["lever", "cost EUR bn", "without", "with", "change", &ci, "per EUR bn", "per-run p5–p95"];
    if censored.is_some() {
        header.extend(["beyond horizon, without → with", "runs compared"]);
    }
    let mut table = TextTable::new(&header);
    for effect in effects {
        let Some(o) = effect.outcomes.iter().find(|o| o.outcome.name == report.outcome.name) else {
            let mut row = vec![
                effect.lever.clone(),
                format!("{:.2}", effect.cost_eur_bn),
                "—".into(),
                "—".into(),
                "not read".into(),
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
            o.change_per_eur_bn.map_or("no budget cost".into(), |e| significant(e.value)),
            format!("{} to {}", significant(o.change_p5), significant(o.change_p95)),
        ];
        if let Some(c) = o.censoring {
            row.extend([beyond_cell(&c), c.n_compared.to_string()]);
        }
        table.row(row);
    }
    out.push_str(&render_table(&table, markdown));
    out.push_str("\nThe levers (\"not read\": the lever moves no parameter this model reads):\n\n");
    let mut table = TextTable::new(&["lever", "what it is", "moves", "cost basis"]);
    for effect in effects {
        table.row(vec![
            effect.lever.clone(),
            effect.description.clone(),
            effect.moves.join("; "),
            effect
                .cost_source
                .as_ref()
                .map_or("judgement (scenario rationale)".into(), |s| format!("source {s}")),
        ]);
    }
    out.push_str(&render_table(&table, markdown));
    let others: Vec<&bulwark_explore::levers::LeverEffect> =
        effects.iter().filter(|e| e.outcomes.len() > 1).collect();
    if !others.is_empty() {
        out.push_str(
            "\nEvery outcome of the model (a censored outcome's change is over the runs where the event came \
             both times; its runs beyond the horizon are in the last column):\n\n",
        );
        let mut table = TextTable::new(&[
            "lever",
            "outcome",
            "unit",
            "change",
            &ci,
            "per EUR bn",
            "beyond horizon, without → with",
        ]);
        for effect in others {
            for o in &effect.outcomes {
                table.row(vec![
                    effect.lever.clone(),
                    o.outcome.name.to_string(),
                    o.outcome.unit.to_string(),
                    significant(o.change.value),
                    format!("[{}, {}]", significant(o.change.low), significant(o.change.high)),
                    o.change_per_eur_bn.map_or("—".into(), |e| significant(e.value)),
                    o.censoring.map_or(String::new(), |c| beyond_cell(&c)),
                ]);
            }
        }
        out.push_str(&render_table(&table, markdown));
    }
    out
}

/// A censored outcome's share of runs beyond the horizon without and with a lever.
fn beyond_cell(c: &bulwark_explore::levers::CensoredChange) -> String {
    format!("{:.1} % → {:.1} %", 100.0 * c.beyond_without, 100.0 * c.beyond_with)
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

fn html(report: &ExploreReport) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>",
        escape(&heading(report))
    );
    let _ = writeln!(out, "<h1>{}</h1>\n<p>{}</p>", escape(&heading(report)), escape(report.outcome.meaning));
    out.push_str(&chart(report));
    let _ = writeln!(out, "<pre>{}</pre>", escape(&text(report, false)));
    out.push_str(
        "<h2>Parameters varied</h2>\n<table><tr><th>parameter</th><th>unit</th><th>distribution</th></tr>\n",
    );
    for p in &report.parameters {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td><code>{}</code></td></tr>",
            escape(&p.name),
            escape(&p.unit),
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

fn chart(report: &ExploreReport) -> String {
    let unit = report.outcome.unit;
    let name = |idx: usize| report.parameters[idx].name.clone();
    match &report.analysis {
        Analysis::Morris { indices, .. } => scatter(&Scatter {
            title: format!("Morris screening of {}", report.outcome.name),
            x_title: format!("μ*, mean absolute elementary effect ({unit} per unit of probability)"),
            y_title: format!("σ of the effects ({unit} per unit of probability)"),
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
            title: format!("Sobol indices of {}", report.outcome.name),
            value_title: "Sobol index (share of the outcome's variance, 0–1)".to_string(),
            series: vec![
                Series { name: "first order S1".to_string(), color: crate::svg::palette::BLUE },
                Series { name: "total ST".to_string(), color: crate::svg::palette::ORANGE },
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
            title: format!("PRIM coverage–density trade-off for {}", report.outcome.name),
            x_title: "coverage (share of the cases of interest inside the box)".to_string(),
            y_title: "density (share of the box's runs that are cases of interest)".to_string(),
            points: trajectory
                .iter()
                .enumerate()
                .map(|(idx, b)| Point {
                    x: b.coverage,
                    y: b.density,
                    label: if idx == *chosen_index { format!("box {idx}") } else { String::new() },
                    highlight: idx == *chosen_index,
                })
                .collect(),
            joined: true,
            axis_max: Some((1.0, 1.0)),
        }),
        Analysis::Levers { effects, .. } => lever_chart(report, effects),
    }
}

/// The change each lever makes to the outcome: the shared bar chart draws from 0 up, so the
/// bars are the size of the change, and the legend says which way it goes.
fn lever_chart(report: &ExploreReport, effects: &[bulwark_explore::levers::LeverEffect]) -> String {
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
            let sign = if o.change.value < 0.0 { "lowers" } else { "raises" };
            Some(IntervalGroup {
                label: format!("{} ({sign}; EUR {} bn)", e.lever, significant(e.cost_eur_bn)),
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
        title: format!("Levers: change of {}", report.outcome.name),
        value_title: format!("size of the mean change of {} ({})", report.outcome.name, report.outcome.unit),
        series: vec![Series { name: "mean change with its interval".to_string(), color: "#2b6cb0" }],
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

/// The catalogue of parameters and outcomes, per model, in `format`.
pub fn render_list(models: &[ModelCatalogue], format: ExploreFormat) -> String {
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
    let mut out = String::new();
    for m in models {
        let _ = writeln!(out, "{}model `{}`: outcomes\n", if markdown { "## " } else { "" }, m.model);
        let mut table = TextTable::new(&["outcome", "unit", "meaning"]);
        for o in m.outcomes {
            table.row(vec![o.name.to_string(), o.unit.to_string(), o.meaning.to_string()]);
        }
        out.push_str(&render_table(&table, markdown));
        let _ = writeln!(
            out,
            "\n{}model `{}`: parameters (uncertain ones are explored by --all-uncertain)\n",
            if markdown { "## " } else { "" },
            m.model
        );
        let mut table = TextTable::new(&["parameter", "unit", "kind", "distribution"]);
        for (name, unit, d, kind) in &m.parameters {
            table.row(vec![name.clone(), unit.clone(), kind.to_string(), distribution(d)]);
        }
        out.push_str(&render_table(&table, markdown));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use bulwark_explore::levers::{CensoredChange, LeverEffect, OutcomeEffect};
    use bulwark_explore::outcomes::BALTIC_OUTCOMES;
    use bulwark_explore::{Estimate, MorrisIndices, OutcomeCensoring, ParameterInfo};

    use super::*;

    fn report(analysis: Analysis, censoring: Option<OutcomeCensoring>) -> ExploreReport {
        ExploreReport {
            model: "baltic",
            scenario: Some("baseline".into()),
            outcome: BALTIC_OUTCOMES[1],
            seed: 7,
            n_runs: 4,
            parameters: vec![ParameterInfo {
                name: "campaign_exponent".into(),
                unit: "fraction".into(),
                distribution: bulwark_core::Distribution::Uniform { min: 0.5, max: 1.0 },
            }],
            analysis,
            censoring,
        }
    }

    fn estimate(value: f64) -> Estimate {
        Estimate { value, low: value, high: value }
    }

    /// Review finding 1 (second review): a lever on a censored time shows the share beyond the
    /// horizon without and with the lever and the runs compared, never an hours figure made of
    /// the held runs' code, and a change with no run to compare reads "—", never NaN.
    #[test]
    fn review_1_levers_on_a_censored_time_show_the_share_beyond_the_horizon() {
        let effect = |lever: &str, change: f64, n_compared| LeverEffect {
            lever: lever.into(),
            description: String::new(),
            cost_eur_bn: 2.0,
            cost_source: None,
            moves: vec![],
            outcomes: vec![OutcomeEffect {
                outcome: BALTIC_OUTCOMES[1],
                without: 200.0,
                with: 200.0 + change,
                change: estimate(change),
                change_per_eur_bn: Some(estimate(change / 2.0)),
                change_p5: change,
                change_p95: change,
                censoring: Some(CensoredChange {
                    horizon: 720.0,
                    beyond_without: 0.25,
                    beyond_with: 0.5,
                    n_compared,
                }),
            }],
        };
        let analysis = Analysis::Levers {
            resamples: 10,
            confidence: 0.9,
            effects: vec![effect("forward_heavy_brigade", 0.0, 2), effect("nothing_compared", f64::NAN, 0)],
        };
        let report = report(analysis, None);
        for format in [ExploreFormat::Table, ExploreFormat::Md, ExploreFormat::Html] {
            let text = render(&report, format);
            assert!(text.contains("25.0 % → 50.0 %") && text.contains("runs compared"), "{text}");
            assert!(text.contains("is censored at the horizon (720 hours)"), "{text}");
            assert!(!text.contains("NaN"), "{text}");
        }
        let json: Value = serde_json::from_str(&render(&report, ExploreFormat::Json)).unwrap();
        let outcome = &json["analysis"]["levers"][0]["outcomes"][0];
        assert_eq!(outcome["censoring"]["share_beyond_with"], 0.5);
        assert_eq!(json["analysis"]["levers"][1]["outcomes"][0]["change"]["value"], Value::Null);
    }

    /// Morris, Sobol and PRIM on a censored time describe its code: the report says so, with
    /// the runs beyond the horizon and the outcome that is the share itself.
    #[test]
    fn review_1_a_screened_censored_time_says_what_its_figures_describe() {
        let indices = MorrisIndices { mu: vec![1.0], mu_star: vec![estimate(1.0)], sigma: vec![0.5] };
        let analysis =
            Analysis::Morris { trajectories: 2, levels: 4, candidates: 0, confidence: 0.9, indices };
        let censoring =
            OutcomeCensoring { horizon: 720.0, share_outcome: Some("baltic.held"), n_beyond: 3, n_runs: 4 };
        let report = report(analysis, Some(censoring));
        let text = render(&report, ExploreFormat::Table);
        assert!(text.contains("3 of 4 runs (75.0 %) are beyond the horizon"), "{text}");
        assert!(text.contains("describe that coded value") && text.contains("`baltic.held`"), "{text}");
        let json: Value = serde_json::from_str(&render(&report, ExploreFormat::Json)).unwrap();
        assert_eq!(json["censoring"]["runs_beyond_horizon"], 3);
    }
}
