//! `bulwark simulate …` and `bulwark merge`: an ensemble summary as a text table. The layout is
//! fixed and the numbers printed with fixed precision, so the same seed and runs give the same
//! bytes whatever the thread count or shard split.

use bulwark_ensemble::{EnsembleSummary, MetricSummary};

use crate::i18n::Messages;
use crate::text_table::TextTable;

/// The summary: runs, failures by reason, then per metric the count of finite values, the count
/// of non-finite ones (a model's "never": an infinite time to decide is paralysis), mean,
/// standard deviation, minimum, 5th, 50th and 95th percentiles and maximum. When a metric has a
/// horizon (a time to an event that may not come within it), a column counts the runs beyond
/// it, which stay out of the mean, deviation and extremes; a percentile beyond it reads
/// `> horizon`, and a note under the table says so in words.
pub fn render(title: &str, summary: &EnsembleSummary, m: &Messages) -> String {
    render_as(title, summary, false, m)
}

/// [`render`] as Markdown: the title a heading, the table a Markdown table.
pub fn render_markdown(title: &str, summary: &EnsembleSummary, m: &Messages) -> String {
    render_as(title, summary, true, m)
}

fn render_as(title: &str, summary: &EnsembleSummary, markdown: bool, m: &Messages) -> String {
    let line = m.f(
        "ens-line",
        &[
            ("n", summary.n_runs().to_string().into()),
            ("total", summary.n_runs_total().to_string().into()),
            ("start", summary.runs().start.to_string().into()),
            ("end", summary.runs().end.to_string().into()),
            ("seed", summary.seed().to_string().into()),
            ("completed", summary.n_completed().to_string().into()),
            ("failed", summary.n_failed().to_string().into()),
        ],
    );
    let mut out = if markdown { format!("# {title}\n\n{line}\n\n") } else { format!("{title}\n{line}\n") };
    for (reason, count) in summary.failures() {
        let label = m.f("ens-failed-because", &[("reason", reason.as_str().into())]);
        out.push_str(&format!("{}{label}{}{count}\n", if markdown { "- " } else { "  " }, m.t("label-sep")));
    }
    if markdown && !summary.failures().is_empty() {
        out.push('\n');
    }
    // The column of censored runs appears only when a metric has a horizon, so that the other
    // models' tables keep their columns.
    let censoring = summary.metrics().iter().any(|metric| metric.spec().horizon().is_some());
    let header: Vec<String> = [
        "ens-metric",
        "ens-count",
        "ens-censored",
        "ens-non-finite",
        "ens-mean",
        "ens-sd",
        "ens-min",
        "ens-p5",
        "ens-p50",
        "ens-p95",
        "ens-max",
    ]
    .iter()
    .filter(|id| censoring || **id != "ens-censored")
    .map(|id| m.t(id))
    .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = TextTable::new(&header);
    for metric in summary.metrics() {
        let mut row = vec![metric.spec().name().to_string(), metric.count().to_string()];
        if censoring {
            row.push(censored_cell(metric, m));
        }
        row.extend([
            metric.n_non_finite().to_string(),
            fixed(metric.mean()),
            fixed(metric.std_dev()),
            fixed(metric.min()),
            quantile_cell(metric, 0.05),
            quantile_cell(metric, 0.5),
            quantile_cell(metric, 0.95),
            fixed(metric.max()),
        ]);
        table.row(row);
    }
    out.push_str(&if markdown { table.render_markdown() } else { table.render() });
    let notes = censored_notes(summary, m);
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            out.push_str(&format!("{}{note}\n", if markdown { "- " } else { "" }));
        }
    }
    out
}

/// A statistic with four decimals, `—` when there is none.
pub(crate) fn fixed(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.4}")
    } else {
        "—".to_string()
    }
}

/// The `q`-quantile over all runs: `> horizon` where it falls beyond the metric's horizon.
pub(crate) fn quantile_cell(metric: &MetricSummary, q: f64) -> String {
    match (metric.quantile(q), metric.spec().horizon()) {
        (Some(value), _) => fixed(value),
        (None, Some(horizon)) if metric.quantile_is_censored(q) => format!("> {horizon}"),
        (None, _) => "—".to_string(),
    }
}

/// The runs beyond a metric's horizon and their share of the runs with a value; empty for a
/// metric without a horizon.
pub(crate) fn censored_cell(metric: &MetricSummary, m: &Messages) -> String {
    if metric.spec().horizon().is_none() {
        return String::new();
    }
    let n_runs = metric.count() + metric.n_censored();
    let share = if n_runs == 0 { 0.0 } else { 100.0 * metric.n_censored() as f64 / n_runs as f64 };
    format!("{} ({})", metric.n_censored(), m.pct(share, 1))
}

/// One sentence per metric with a horizon (see [`censored_note`]).
fn censored_notes(summary: &EnsembleSummary, m: &Messages) -> Vec<String> {
    summary.metrics().iter().filter_map(|metric| censored_note(metric, m)).collect()
}

/// For a metric with a horizon, one sentence: how many runs went beyond it, and what the mean
/// and the percentiles are taken over; `None` without a horizon.
pub(crate) fn censored_note(metric: &MetricSummary, m: &Messages) -> Option<String> {
    let horizon = metric.spec().horizon()?;
    let n_runs = metric.count() + metric.n_censored();
    let share = if n_runs == 0 { 0.0 } else { 100.0 * metric.n_censored() as f64 / n_runs as f64 };
    Some(m.f(
        "ens-censored-note",
        &[
            ("metric", metric.spec().name().into()),
            ("censored", metric.n_censored().to_string().into()),
            ("runs", n_runs.to_string().into()),
            ("share", m.pct(share, 1).into()),
            ("horizon", horizon.to_string().into()),
            ("count", metric.count().to_string().into()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use bulwark_ensemble::{run_ensemble, Hooks, MetricSpec, RunOutcome, RunPlan, RunRng};

    use super::*;
    use crate::i18n::Lang;

    /// Ten runs of a 30-day campaign: the magazine runs out on day `run + 1` in runs 0–3 and
    /// lasts (day 31, the horizon's code) in runs 4–9.
    fn lasting_magazines() -> EnsembleSummary {
        let specs = [MetricSpec::integer("runs_out_day", 1, 31).unwrap().with_horizon(30).unwrap()];
        let model = |run_idx: u64, _rng: &mut RunRng| {
            RunOutcome::Completed([if run_idx < 4 { run_idx as f64 + 1.0 } else { 31.0 }])
        };
        run_ensemble(&RunPlan::new(10, 7).unwrap(), &specs, model, Hooks::default()).unwrap()
    }

    #[test]
    fn a_horizon_code_is_counted_as_censored_never_averaged() {
        let text = render("t", &lasting_magazines(), &Messages::new(Lang::En));
        let row = text.lines().find(|line| line.starts_with("runs_out_day")).unwrap();
        let cells: Vec<&str> = row.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
        // count 4, 6 beyond (60 %), mean 2.5 over days 1–4 (not 19.6 with the 31s), p50 and
        // p95 beyond the horizon, max 4.
        assert_eq!(
            cells,
            [
                "runs_out_day",
                "4",
                "6 (60 %)",
                "0",
                "2.5000",
                "1.2910",
                "1.0000",
                "1.0000",
                "> 30",
                "> 30",
                "4.0000"
            ],
            "{text}"
        );
        assert!(text.contains("runs_out_day: 6 of 10 runs (60 %) go beyond the horizon of 30"), "{text}");
        let ja = render("t", &lasting_magazines(), &Messages::new(Lang::Ja));
        assert!(ja.contains("打ち切り") && !ja.contains("beyond"), "{ja}");
    }
}
