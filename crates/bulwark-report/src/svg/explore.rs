//! Charts of `bulwark explore`: a labelled scatter (Morris μ*–σ, PRIM's coverage–density
//! trade-off) and horizontal bars with interval whiskers (Sobol indices). Both axes start at
//! zero (every measure shown is non-negative; a Sobol estimate below zero is drawn at zero and
//! its value stays in the table), each carries a title with its unit, and the same data give
//! the same bytes.

use std::fmt::Write;

use super::{clip, escape, label_width, legend, num, open_svg, text_units, ticks, Series, CHAR_WIDTH, WIDTH};

/// One point of a scatter.
#[derive(Clone, Debug)]
pub(crate) struct Point {
    /// Position.
    pub(crate) x: f64,
    /// Position.
    pub(crate) y: f64,
    /// Text beside the point (may be empty).
    pub(crate) label: String,
    /// Drawn larger and in the highlight colour.
    pub(crate) highlight: bool,
}

/// A scatter, optionally with the points joined in order (a trade-off curve).
#[derive(Clone, Debug)]
pub(crate) struct Scatter {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the horizontal axis, with its unit.
    pub(crate) x_title: String,
    /// Title of the vertical axis, with its unit.
    pub(crate) y_title: String,
    /// The points.
    pub(crate) points: Vec<Point>,
    /// Whether to join the points in order.
    pub(crate) joined: bool,
    /// Upper end of both axes when known (1 for shares); from the data otherwise.
    pub(crate) axis_max: Option<(f64, f64)>,
}

const POINT: &str = super::palette::BLUE;
const HIGHLIGHT: &str = super::palette::VERMILLION;
const AXIS: &str = "#4a5568";
const HEIGHT: f64 = 420.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 50.0;

/// Ticks, the axis end and a formatter for a data maximum.
fn axis(max: f64) -> (Vec<f64>, f64) {
    ticks(if max.is_finite() && max > 0.0 { max } else { 1.0 })
}

fn tick_text(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    format!("{value:.decimals$}")
}

/// A scatter with axis titles.
pub(crate) fn scatter(chart: &Scatter) -> String {
    let data_max = |f: fn(&Point) -> f64| chart.points.iter().map(f).fold(0.0, f64::max);
    let (x_ticks, x_end) = chart.axis_max.map_or_else(|| axis(data_max(|p| p.x)), |(x, _)| axis(x));
    let (y_ticks, y_end) = chart.axis_max.map_or_else(|| axis(data_max(|p| p.y)), |(_, y)| axis(y));
    let (plot_w, plot_h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let sx = |x: f64| LEFT + (x / x_end).clamp(0.0, 1.0) * plot_w;
    let sy = |y: f64| TOP + plot_h - (y / y_end).clamp(0.0, 1.0) * plot_h;
    let mut out = String::new();
    open_svg(&mut out, &chart.title, HEIGHT);
    frame(&mut out, &x_ticks, &y_ticks, &sx, &sy);
    axis_titles(&mut out, &chart.x_title, &chart.y_title);
    if chart.joined && chart.points.len() > 1 {
        let path: Vec<String> =
            chart.points.iter().map(|p| format!("{},{}", num(sx(p.x)), num(sy(p.y)))).collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{POINT}\" stroke-width=\"1.5\"/>",
            path.join(" ")
        );
    }
    for point in &chart.points {
        let (color, radius) = if point.highlight { (HIGHLIGHT, 6.0) } else { (POINT, 3.5) };
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"><title>{}</title></circle>",
            num(sx(point.x)),
            num(sy(point.y)),
            num(radius),
            escape(&point.label)
        );
        if !point.label.is_empty() {
            // Labels near the right edge go to the left of their point, so none is cut off.
            let (dx, anchor) = if sx(point.x) > LEFT + 0.7 * plot_w { (-7.0, "end") } else { (7.0, "start") };
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"{anchor}\">{}</text>",
                num(sx(point.x) + dx),
                num(sy(point.y) - 5.0),
                escape(&clip(&point.label, 36))
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn frame(
    out: &mut String,
    x_ticks: &[f64],
    y_ticks: &[f64],
    sx: &dyn Fn(f64) -> f64,
    sy: &dyn Fn(f64) -> f64,
) {
    let (x_step, y_step) = (step_of(x_ticks), step_of(y_ticks));
    for &t in y_ticks {
        let _ = writeln!(
            out,
            "<line x1=\"{l}\" y1=\"{y}\" x2=\"{r}\" y2=\"{y}\" stroke=\"#e2e8f0\"/>\
             <text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>",
            l = num(LEFT),
            r = num(WIDTH - RIGHT),
            y = num(sy(t)),
            tx = num(LEFT - 6.0),
            ty = num(sy(t) + 4.0),
            label = tick_text(t, y_step)
        );
    }
    for &t in x_ticks {
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"#e2e8f0\"/>\
             <text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\">{label}</text>",
            x = num(sx(t)),
            top = num(TOP),
            bottom = num(HEIGHT - BOTTOM),
            ty = num(HEIGHT - BOTTOM + 16.0),
            label = tick_text(t, x_step)
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"{AXIS}\"/>\
         <line x1=\"{l}\" y1=\"{t}\" x2=\"{l}\" y2=\"{b}\" stroke=\"{AXIS}\"/>",
        l = num(LEFT),
        r = num(WIDTH - RIGHT),
        t = num(TOP),
        b = num(HEIGHT - BOTTOM)
    );
}

fn step_of(ticks: &[f64]) -> f64 {
    if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    }
}

fn axis_titles(out: &mut String, x_title: &str, y_title: &str) {
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>\n\
         <text class=\"axis-title\" transform=\"translate(16 {}) rotate(-90)\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
        num(LEFT + (WIDTH - LEFT - RIGHT) / 2.0),
        num(HEIGHT - 10.0),
        escape(x_title),
        num(TOP + (HEIGHT - TOP - BOTTOM) / 2.0),
        escape(y_title)
    );
}

/// One category of an interval bar chart: per series, the estimate and its interval.
#[derive(Clone, Debug)]
pub(crate) struct IntervalGroup {
    /// Category label.
    pub(crate) label: String,
    /// Per series: value, low, high.
    pub(crate) values: Vec<(f64, f64, f64)>,
}

/// Horizontal bars with whiskers for their intervals.
#[derive(Clone, Debug)]
pub(crate) struct IntervalBars {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the value axis, with its unit.
    pub(crate) value_title: String,
    /// The series.
    pub(crate) series: Vec<Series>,
    /// The categories, top to bottom.
    pub(crate) groups: Vec<IntervalGroup>,
}

/// Bars with interval whiskers; the value axis runs from 0 to at least 1 (a share).
pub(crate) fn interval_bars(chart: &IntervalBars) -> String {
    let label_w = label_width(chart.groups.iter().map(|g| text_units(&g.label)), 80.0, 300.0);
    let items: Vec<(String, &str, bool)> =
        chart.series.iter().map(|s| (s.name.clone(), s.color, false)).collect();
    let (legend_svg, plot_top) = legend(&items, label_w);
    let bar_h = 9.0;
    let group_h = bar_h * chart.series.len().max(1) as f64 + 10.0;
    let height = plot_top + group_h * chart.groups.len() as f64 + 50.0;
    let max = chart.groups.iter().flat_map(|g| g.values.iter().map(|v| v.2.max(v.0))).fold(1.0, f64::max);
    let (value_ticks, end) = axis(max);
    let plot_w = WIDTH - label_w - RIGHT;
    let sx = |v: f64| label_w + (v / end).clamp(0.0, 1.0) * plot_w;
    let mut out = String::new();
    open_svg(&mut out, &chart.title, height);
    out.push_str(&legend_svg);
    let bottom = plot_top + group_h * chart.groups.len() as f64;
    let step = step_of(&value_ticks);
    for &t in &value_ticks {
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{b}\" stroke=\"#e2e8f0\"/>\
             <text x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\">{label}</text>",
            x = num(sx(t)),
            top = num(plot_top),
            b = num(bottom),
            ty = num(bottom + 16.0),
            label = tick_text(t, step)
        );
    }
    for (idx, group) in chart.groups.iter().enumerate() {
        let y0 = plot_top + idx as f64 * group_h + 5.0;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(label_w - 6.0),
            num(y0 + bar_h * chart.series.len() as f64 / 2.0 + 4.0),
            escape(&clip(&group.label, ((label_w - 12.0) / CHAR_WIDTH) as usize))
        );
        for (s, ((value, low, high), series)) in group.values.iter().zip(&chart.series).enumerate() {
            let y = y0 + s as f64 * bar_h;
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {:.3} [{:.3}, {:.3}]</title></rect>\n\
                 <line x1=\"{}\" y1=\"{m}\" x2=\"{}\" y2=\"{m}\" stroke=\"#1a202c\"/>",
                num(label_w),
                num(y),
                num(sx(value.max(0.0)) - label_w),
                num(bar_h - 2.0),
                series.color,
                escape(&series.name),
                value,
                low,
                high,
                num(sx(low.max(0.0))),
                num(sx(high.max(0.0))),
                m = num(y + (bar_h - 2.0) / 2.0)
            );
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"{AXIS}\"/>\n\
         <text class=\"axis-title\" x=\"{c}\" y=\"{t}\" text-anchor=\"middle\" font-weight=\"bold\">{title}</text>",
        l = num(label_w),
        r = num(WIDTH - RIGHT),
        b = num(bottom),
        c = num(label_w + plot_w / 2.0),
        t = num(bottom + 36.0),
        title = escape(&chart.value_title)
    );
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scatter_has_axis_titles_and_one_circle_per_point() {
        let chart = Scatter {
            title: "t".into(),
            x_title: "μ* (hours)".into(),
            y_title: "σ (hours)".into(),
            points: vec![
                Point { x: 1.0, y: 2.0, label: "a".into(), highlight: false },
                Point { x: 3.0, y: 0.5, label: "b<".into(), highlight: true },
            ],
            joined: true,
            axis_max: None,
        };
        let svg = scatter(&chart);
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("μ* (hours)") && svg.contains("σ (hours)") && svg.contains("b&lt;"));
        assert!(svg.contains("<polyline") && svg.contains(HIGHLIGHT));
        assert_eq!(svg, scatter(&chart));
    }

    #[test]
    fn interval_bars_draw_a_whisker_per_bar() {
        let chart = IntervalBars {
            title: "t".into(),
            value_title: "Sobol index (share of variance)".into(),
            series: vec![
                Series { name: "S1".into(), color: "#000" },
                Series { name: "ST".into(), color: "#111" },
            ],
            groups: vec![IntervalGroup {
                label: "x1".into(),
                values: vec![(0.3, 0.25, 0.35), (-0.01, -0.02, 0.01)],
            }],
        };
        let svg = interval_bars(&chart);
        assert_eq!(svg.matches("<rect x").count(), 2 + 2, "two bars and two legend swatches");
        assert!(svg.contains("Sobol index (share of variance)"));
        assert!(!svg.contains("NaN") && !svg.contains("width=\"-"));
    }
}
