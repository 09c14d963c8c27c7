//! `bulwark simulate … --format html`: the ensemble as one self-contained HTML page, with the
//! run settings (model, scenario, seed, runs, sampler, threads do not matter) and, per outcome,
//! its distribution as a cumulative distribution function (drawn from the summary's quantiles,
//! 1st to 99th percentile, with the 5–95 % band shaded) beside the table of its statistics.
//! The page has the report's style and chart rules: no script, a title and axis titles on
//! every chart, the same bytes for the same summary.

use std::fmt::Write;

use bulwark_ensemble::{EnsembleSummary, MetricSummary};

use crate::assessment_html::escape;
use crate::ensemble_view::{censored_cell, censored_note, fixed, quantile_cell};
use crate::i18n::Messages;
use crate::svg::palette;
use crate::svg::{line_chart_xy, XyChart};

/// What the run was: the settings the page states.
#[derive(Clone, Debug)]
pub struct RunSettings {
    /// The model simulated.
    pub model: String,
    /// The scenario's name.
    pub scenario: String,
    /// How the uncertain parameters were drawn (`mc`, `lhs` or the model's default).
    pub sampler: String,
}

/// The statistics' columns (catalogue ids).
const STAT_COLUMNS: [&str; 8] =
    ["ens-count", "ens-non-finite", "ens-mean", "ens-sd", "ens-p5", "ens-p50", "ens-p95", "ens-max"];
/// The settings' rows (catalogue ids).
const SETTING_ROWS: [&str; 7] =
    ["ens-model", "ens-scenario", "ens-seed", "ens-runs", "ens-sampler", "ens-completed", "ens-failed"];

/// The page.
pub fn to_html(settings: &RunSettings, summary: &EnsembleSummary, m: &Messages) -> String {
    let mut out = String::new();
    let title = m.f(
        "ens-title",
        &[("model", settings.model.as_str().into()), ("scenario", settings.scenario.as_str().into())],
    );
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>",
        m.lang(),
        escape(&title),
        crate::assessment_html::CSS
    );
    let heading = m.f(
        "ens-title",
        &[
            ("model", format!("<code>{}</code>", escape(&settings.model)).into()),
            ("scenario", format!("<code>{}</code>", escape(&settings.scenario)).into()),
        ],
    );
    let _ = writeln!(out, "<header><h1>{heading}</h1></header>");
    let _ = writeln!(
        out,
        "<section id=\"settings\">\n<h2>{}</h2>\n<table class=\"compact\">\n<tbody>",
        escape(&m.t("ens-settings"))
    );
    let values = [
        settings.model.clone(),
        settings.scenario.clone(),
        summary.seed().to_string(),
        m.f(
            "ens-runs-value",
            &[
                ("n", summary.n_runs().to_string().into()),
                ("total", summary.n_runs_total().to_string().into()),
                ("start", summary.runs().start.to_string().into()),
                ("end", summary.runs().end.to_string().into()),
            ],
        ),
        settings.sampler.clone(),
        summary.n_completed().to_string(),
        summary.n_failed().to_string(),
    ];
    for (label, value) in SETTING_ROWS.iter().zip(values) {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(&m.t(label)),
            escape(&value)
        );
    }
    for (reason, count) in summary.failures() {
        let label = m.f("ens-failed-because", &[("reason", reason.as_str().into())]);
        let _ = writeln!(out, "<tr><th scope=\"row\">{}</th><td>{count}</td></tr>", escape(&label));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    let _ = writeln!(out, "<h2>{}</h2>", escape(&m.t("ens-outcomes")));
    for metric in summary.metrics() {
        outcome(&mut out, metric, m);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn outcome(out: &mut String, metric: &MetricSummary, m: &Messages) {
    let name = metric.spec().name();
    let _ = writeln!(
        out,
        "<section id=\"metric-{0}\" class=\"chart-section\">\n<h3><code>{0}</code></h3>",
        escape(name)
    );
    let points: Vec<(f64, f64)> =
        (1..=99).filter_map(|pct| Some((metric.quantile(f64::from(pct) / 100.0)?, f64::from(pct)))).collect();
    let finite = points.iter().all(|(x, _)| x.is_finite());
    if points.is_empty() || !finite || metric.count() == 0 {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&m.t("ens-no-values")));
    } else {
        let band = (metric.quantile(0.05), metric.quantile(0.95));
        let chart = XyChart {
            title: m.f("ens-chart-title", &[("metric", name.into())]),
            x_title: m.f("ens-x-title", &[("metric", name.into())]),
            y_title: m.t("ens-cdf-y"),
            series_name: m.t("ens-cdf"),
            color: palette::BLUE,
            points,
            band: match band {
                (Some(low), Some(high)) if low.is_finite() && high.is_finite() => {
                    Some((low, high, m.t("ens-band")))
                }
                _ => None,
            },
        };
        out.push_str(&line_chart_xy(&chart));
    }
    // A metric with a horizon gets the column of runs beyond it and a note on what the
    // statistics are taken over; the CDF above stops at the share of runs within it.
    let censoring = metric.spec().horizon().is_some();
    out.push_str("<table class=\"compact\">\n<thead><tr>");
    for column in STAT_COLUMNS {
        let _ = write!(out, "<th class=\"num\">{}</th>", escape(&m.t(column)));
        if censoring && column == "ens-count" {
            let _ = write!(out, "<th class=\"num\">{}</th>", escape(&m.t("ens-censored")));
        }
    }
    out.push_str("</tr></thead>\n<tbody><tr>");
    let mut cells = vec![metric.count().to_string()];
    if censoring {
        cells.push(censored_cell(metric, m));
    }
    cells.extend([
        metric.n_non_finite().to_string(),
        fixed(metric.mean()),
        fixed(metric.std_dev()),
        quantile_cell(metric, 0.05),
        quantile_cell(metric, 0.5),
        quantile_cell(metric, 0.95),
        fixed(metric.max()),
    ]);
    for cell in cells {
        let _ = write!(out, "<td class=\"num\">{}</td>", escape(&cell));
    }
    out.push_str("</tr></tbody>\n</table>\n");
    if let Some(note) = censored_note(metric, m) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&note));
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use bulwark_ensemble::{run_ensemble, Hooks, MetricSpec, RunOutcome, RunPlan, RunRng};

    use super::*;

    #[test]
    fn the_page_states_the_settings_and_draws_one_cdf_per_outcome_with_titles() {
        let specs = [MetricSpec::continuous("days_held").unwrap(), MetricSpec::continuous("never").unwrap()];
        // A toy model: a finite first outcome, an always infinite second one.
        let model =
            |run_idx: u64, _rng: &mut RunRng| RunOutcome::Completed([run_idx as f64 / 10.0, f64::INFINITY]);
        let plan = RunPlan::new(100, 7).unwrap();
        let summary = run_ensemble(&plan, &specs, model, Hooks::default()).unwrap();
        let settings =
            RunSettings { model: "baltic".into(), scenario: "baseline".into(), sampler: "lhs".into() };
        let m = Messages::new(crate::i18n::Lang::En);
        let html = to_html(&settings, &summary, &m);
        assert!(
            html.contains("<td>7</td>")
                && html.contains("<td>lhs</td>")
                && html.contains("<td>baseline</td>")
        );
        assert_eq!(html.matches("<svg").count(), 1, "one chart for the outcome with values");
        assert!(html.contains("<title>Distribution of days_held over the runs</title>"));
        assert!(
            html.contains("class=\"axis-title\"") && html.contains(">share of runs at or below (%)</text>")
        );
        assert!(html.contains("No run gave a finite value."), "the outcome without values says so");
        assert!(!html.contains("NaN") && !html.contains("<script"));
        assert_eq!(html, to_html(&settings, &summary, &m), "same bytes");
        let ja = to_html(&settings, &summary, &Messages::new(crate::i18n::Lang::Ja));
        assert!(
            ja.contains("<html lang=\"ja\">") && ja.contains("実行の設定") && !ja.contains("Run settings")
        );
    }
}
