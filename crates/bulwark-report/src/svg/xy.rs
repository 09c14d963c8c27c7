//! A line over a numeric x axis (a cumulative distribution function: value against the share
//! of runs at or below it), with an optional shaded band of x (the 5–95 % range). Unlike the
//! year charts, the x axis need not start at zero: it spans the data with round ticks.

use std::fmt::Write;

use super::{axis_titles, escape, legend_styled, marker, nice_step, num, open_svg, Swatch, WIDTH};

/// A line through `(x, y)` points, y in per cent.
#[derive(Clone, Debug)]
pub(crate) struct XyChart {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the x axis, with its unit.
    pub(crate) x_title: String,
    /// Title of the y axis, with its unit.
    pub(crate) y_title: String,
    /// Legend of the line.
    pub(crate) series_name: String,
    /// CSS colour.
    pub(crate) color: &'static str,
    /// The points, x increasing; y from 0 to 100.
    pub(crate) points: Vec<(f64, f64)>,
    /// A shaded range of x with its legend.
    pub(crate) band: Option<(f64, f64, String)>,
}

const HEIGHT: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 24.0;
const BOTTOM: f64 = 44.0;

/// Round ticks covering `lo..=hi` (a span of at least a small epsilon).
fn ticks_between(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1e-9 * lo.abs().max(1.0));
    let step = nice_step(span, 6.0);
    let first = (lo / step).floor() * step;
    let n_steps = ((hi - first) / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n_steps).map(|idx| first + idx as f64 * step).collect()
}

/// A tick label with as many decimals as the step needs.
fn tick_text(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()).clamp(0.0, 6.0) as usize };
    let text = format!("{value:.decimals$}");
    if text.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
        format!("{:.decimals$}", 0.0)
    } else {
        text
    }
}

/// Draws the chart.
pub(crate) fn line_chart_xy(chart: &XyChart) -> String {
    let mut items = vec![(chart.series_name.clone(), chart.color, Swatch::Line(0))];
    if let Some((_, _, label)) = &chart.band {
        items.push((label.clone(), chart.color, Swatch::Band));
    }
    let (legend_svg, legend_bottom) = legend_styled(&items, LEFT);
    let top = legend_bottom + 6.0;
    let plot_bottom = HEIGHT - BOTTOM;
    let plot_width = WIDTH - LEFT - RIGHT;
    let (lo, hi) =
        chart.points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), (x, _)| (lo.min(*x), hi.max(*x)));
    let x_ticks = ticks_between(lo, hi);
    let (x0, x1) = (x_ticks.first().copied().unwrap_or(0.0), x_ticks.last().copied().unwrap_or(1.0));
    let x_of = |x: f64| LEFT + plot_width * ((x - x0) / (x1 - x0).max(1e-12)).clamp(0.0, 1.0);
    let y_of = |y: f64| plot_bottom - (plot_bottom - top) * (y / 100.0).clamp(0.0, 1.0);
    let mut out = String::new();
    open_svg(&mut out, &chart.title, HEIGHT);
    out.push_str(&legend_svg);
    if let Some((low, high, label)) = &chart.band {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"0.18\"><title>{}</title></rect>",
            num(x_of(*low)),
            num(top),
            num((x_of(*high) - x_of(*low)).max(1.0)),
            num(plot_bottom - top),
            chart.color,
            escape(label)
        );
    }
    for pct in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let y = num(y_of(pct));
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#ddd\"/>\n\
             <text x=\"{}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\" fill=\"#555\">{pct:.0} %</text>",
            num(LEFT),
            num(LEFT + plot_width),
            num(LEFT - 6.0)
        );
    }
    let step = if x_ticks.len() > 1 { x_ticks[1] - x_ticks[0] } else { 1.0 };
    for tick in &x_ticks {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            num(x_of(*tick)),
            num(plot_bottom + 16.0),
            tick_text(*tick, step)
        );
    }
    let points: Vec<String> =
        chart.points.iter().map(|(x, y)| format!("{},{}", num(x_of(*x)), num(y_of(*y)))).collect();
    let _ = writeln!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\"><title>{}</title></polyline>",
        points.join(" "),
        chart.color,
        escape(&chart.series_name)
    );
    for (x, y) in chart.points.iter().filter(|(_, y)| (*y as u32).is_multiple_of(10)) {
        let _ = writeln!(out, "{}", marker(0, x_of(*x), y_of(*y), chart.color));
    }
    axis_titles(&mut out, (LEFT, LEFT + plot_width), (top, plot_bottom), &chart.x_title, &chart.y_title);
    let _ = writeln!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#888\"/>\n</svg>",
        l = num(LEFT),
        r = num(LEFT + plot_width),
        b = num(plot_bottom)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_data_with_round_steps_away_from_zero() {
        let t = ticks_between(2031.2, 2044.7);
        assert!(t[0] <= 2031.2 && *t.last().unwrap() >= 2044.7 && t[0] > 2000.0, "{t:?}");
        assert_eq!(tick_text(0.30000000000000004, 0.1), "0.3");
        assert_eq!(tick_text(-0.0, 0.5), "0.0");
    }
}
