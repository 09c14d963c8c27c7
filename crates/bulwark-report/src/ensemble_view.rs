//! `bulwark simulate …` and `bulwark merge`: an ensemble summary as a text table. The layout is
//! fixed and the numbers printed with fixed precision, so the same seed and runs give the same
//! bytes whatever the thread count or shard split.

use bulwark_ensemble::EnsembleSummary;

use crate::i18n::Messages;
use crate::text_table::TextTable;

/// The summary: runs, failures by reason, then per metric the count of finite values, the count
/// of non-finite ones (a model's "never": an infinite time to decide is paralysis), mean,
/// standard deviation, minimum, 5th, 50th and 95th percentiles and maximum.
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
    let header: Vec<String> = [
        "ens-metric",
        "ens-count",
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
    .map(|id| m.t(id))
    .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = TextTable::new(&header);
    let fixed = |v: f64| if v.is_finite() { format!("{v:.4}") } else { "—".to_string() };
    for metric in summary.metrics() {
        let quantile = |q: f64| metric.quantile(q).map_or_else(|| "—".to_string(), fixed);
        table.row(vec![
            metric.spec().name().to_string(),
            metric.count().to_string(),
            metric.n_non_finite().to_string(),
            fixed(metric.mean()),
            fixed(metric.std_dev()),
            fixed(metric.min()),
            quantile(0.05),
            quantile(0.5),
            quantile(0.95),
            fixed(metric.max()),
        ]);
    }
    out.push_str(&if markdown { table.render_markdown() } else { table.render() });
    out
}
