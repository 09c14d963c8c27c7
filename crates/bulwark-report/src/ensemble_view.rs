//! `bulwark simulate …` and `bulwark merge`: an ensemble summary as a text table. The layout is
//! fixed and the numbers printed with fixed precision, so the same seed and runs give the same
//! bytes whatever the thread count or shard split.

use bulwark_ensemble::EnsembleSummary;

use crate::text_table::TextTable;

/// The summary: runs, failures by reason, then per metric the count of finite values, the count
/// of non-finite ones (a model's "never": an infinite time to decide is paralysis), mean,
/// standard deviation, minimum, 5th, 50th and 95th percentiles and maximum.
pub fn render(title: &str, summary: &EnsembleSummary) -> String {
    let mut out = format!(
        "{title}\nruns {} of {} (runs {}..{}, seed {}), {} completed, {} failed\n",
        summary.n_runs(),
        summary.n_runs_total(),
        summary.runs().start,
        summary.runs().end,
        summary.seed(),
        summary.n_completed(),
        summary.n_failed()
    );
    for (reason, count) in summary.failures() {
        out.push_str(&format!("  failed ({reason}): {count}\n"));
    }
    let mut table =
        TextTable::new(&["metric", "count", "non-finite", "mean", "sd", "min", "p5", "p50", "p95", "max"]);
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
    out.push_str(&table.render());
    out
}
