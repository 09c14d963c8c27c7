//! `bulwark simulate … --format html`: the ensemble as one self-contained HTML page, with the
//! run settings (model, scenario, seed, runs, sampler, threads do not matter) and, per outcome,
//! its distribution as a cumulative distribution function (drawn from the summary's quantiles,
//! 1st to 99th percentile, with the 5–95 % band shaded) beside the table of its statistics.
//! The page has the report's style and chart rules: no script, a title and axis titles on
//! every chart, the same bytes for the same summary.

use std::fmt::Write;

use bulwark_ensemble::{EnsembleSummary, MetricSummary};

use crate::assessment_html::escape;
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

/// Fixed texts of the page, in one place for translation.
mod text {
    pub(super) const HEADING: &str = "Bulwark ensemble";
    pub(super) const SETTINGS: &str = "Run settings";
    pub(super) const OUTCOMES: &str = "Distributions of the outcomes";
    pub(super) const CDF_Y: &str = "share of runs at or below (%)";
    pub(super) const BAND: &str = "5th to 95th percentile";
    pub(super) const CDF: &str = "cumulative distribution";
    pub(super) const NO_VALUES: &str = "No run gave a finite value.";
    pub(super) const STAT_COLUMNS: [&str; 8] =
        ["count", "non-finite", "mean", "sd", "p5", "p50", "p95", "max"];
    pub(super) const SETTING_ROWS: [&str; 7] =
        ["model", "scenario", "seed", "runs (this shard / total)", "sampler", "completed", "failed"];
    pub(super) fn chart_title(metric: &str) -> String {
        format!("Distribution of {metric} over the runs")
    }
    pub(super) fn x_title(metric: &str) -> String {
        format!("{metric} (model units)")
    }
}

/// The page.
pub fn to_html(settings: &RunSettings, summary: &EnsembleSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}: {} on {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>",
        text::HEADING,
        escape(&settings.model),
        escape(&settings.scenario),
        crate::assessment_html::CSS
    );
    let _ = writeln!(
        out,
        "<header><h1>{}: <code>{}</code> on scenario <code>{}</code></h1></header>",
        text::HEADING,
        escape(&settings.model),
        escape(&settings.scenario)
    );
    let _ = writeln!(
        out,
        "<section id=\"settings\">\n<h2>{}</h2>\n<table class=\"compact\">\n<tbody>",
        text::SETTINGS
    );
    let values = [
        settings.model.clone(),
        settings.scenario.clone(),
        summary.seed().to_string(),
        format!(
            "{} / {} (runs {}..{})",
            summary.n_runs(),
            summary.n_runs_total(),
            summary.runs().start,
            summary.runs().end
        ),
        settings.sampler.clone(),
        summary.n_completed().to_string(),
        summary.n_failed().to_string(),
    ];
    for (label, value) in text::SETTING_ROWS.iter().zip(values) {
        let _ = writeln!(out, "<tr><th scope=\"row\">{label}</th><td>{}</td></tr>", escape(&value));
    }
    for (reason, count) in summary.failures() {
        let _ = writeln!(out, "<tr><th scope=\"row\">failed: {}</th><td>{count}</td></tr>", escape(reason));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    let _ = writeln!(out, "<h2>{}</h2>", text::OUTCOMES);
    for metric in summary.metrics() {
        outcome(&mut out, metric);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn fixed(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.4}")
    } else {
        "—".to_string()
    }
}

fn outcome(out: &mut String, metric: &MetricSummary) {
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
        let _ = writeln!(out, "<p class=\"note\">{}</p>", text::NO_VALUES);
    } else {
        let band = (metric.quantile(0.05), metric.quantile(0.95));
        let chart = XyChart {
            title: text::chart_title(name),
            x_title: text::x_title(name),
            y_title: text::CDF_Y.to_string(),
            series_name: text::CDF.to_string(),
            color: palette::BLUE,
            points,
            band: match band {
                (Some(low), Some(high)) if low.is_finite() && high.is_finite() => {
                    Some((low, high, text::BAND.to_string()))
                }
                _ => None,
            },
        };
        out.push_str(&line_chart_xy(&chart));
    }
    out.push_str("<table class=\"compact\">\n<thead><tr>");
    for column in text::STAT_COLUMNS {
        let _ = write!(out, "<th class=\"num\">{column}</th>");
    }
    let quantile = |q: f64| metric.quantile(q).map_or_else(|| "—".to_string(), fixed);
    let _ = writeln!(
        out,
        "</tr></thead>\n<tbody><tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td></tr></tbody>\n</table>\n</section>",
        metric.count(),
        metric.n_non_finite(),
        fixed(metric.mean()),
        fixed(metric.std_dev()),
        quantile(0.05),
        quantile(0.5),
        quantile(0.95),
        fixed(metric.max()),
    );
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
        let html = to_html(&settings, &summary);
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
        assert!(html.contains(text::NO_VALUES), "the outcome without values says so");
        assert!(!html.contains("NaN") && !html.contains("<script"));
        assert_eq!(html, to_html(&settings, &summary), "same bytes");
    }
}
