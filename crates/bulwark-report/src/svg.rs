//! Small hand-written SVG charts for the HTML report: grouped horizontal bars, lines over years,
//! and a Gantt-like timeline.
//!
//! Each function returns one `<svg>` element as a string, sized by its `viewBox` so that it
//! scales with the page and prints sharply. There is no script and no external font: text uses
//! the page's sans-serif stack. Coordinates are written with at most one decimal, so the same
//! chart always gives the same bytes.

use std::fmt::Write;

use crate::assessment_html::escape;

pub(crate) mod clocks;
pub(crate) mod explore;
pub(crate) mod map;
pub(crate) mod palette;
mod timeline;
mod xy;

pub(crate) use timeline::{timeline, Timeline, TimelineLegend, TimelineRow};
pub(crate) use xy::{line_chart_xy, XyChart};

/// Width of every chart, in SVG user units (pixels at 100 %).
const WIDTH: f64 = 900.0;
/// Approximate width of one character of 12 px sans-serif text, for laying out labels.
const CHAR_WIDTH: f64 = 6.4;

/// Dash patterns of line series, by series index (the first is solid).
const DASHES: [&str; 5] = ["", "8 4", "2 3", "10 3 2 3", "5 5"];
/// Number of marker shapes; series `i` gets shape `i % MARKERS`.
const MARKERS: usize = 5;
/// Colour of axis lines and titles.
const AXIS_COLOR: &str = "#444";

/// A named, coloured series, as the legend shows it.
#[derive(Clone, Debug)]
pub(crate) struct Series {
    /// Legend text.
    pub(crate) name: String,
    /// CSS colour.
    pub(crate) color: &'static str,
}

/// A dashed reference line at a value of the value axis.
#[derive(Clone, Debug)]
pub(crate) struct Reference {
    /// Where it is drawn.
    pub(crate) value: f64,
    /// Its label.
    pub(crate) label: String,
    /// CSS colour.
    pub(crate) color: &'static str,
}

/// A shaded range of a line chart: from `low` to `high`, one pair per year.
#[derive(Clone, Debug)]
pub(crate) struct Band {
    /// Legend text.
    pub(crate) label: String,
    /// CSS colour (drawn translucent).
    pub(crate) color: &'static str,
    /// Lower edge, one value per year.
    pub(crate) low: Vec<f64>,
    /// Upper edge, one value per year.
    pub(crate) high: Vec<f64>,
}

/// One category of a bar chart: a label and one value per series (`None`: not drawn, "–").
#[derive(Clone, Debug)]
pub(crate) struct BarGroup {
    /// Category label.
    pub(crate) label: String,
    /// One value per series.
    pub(crate) values: Vec<Option<f64>>,
}

/// Grouped horizontal bars.
#[derive(Clone, Debug)]
pub(crate) struct BarChart {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the value axis, with its unit.
    pub(crate) value_title: String,
    /// The series, one bar each per group.
    pub(crate) series: Vec<Series>,
    /// The categories, top to bottom.
    pub(crate) groups: Vec<BarGroup>,
    /// Vertical reference lines.
    pub(crate) references: Vec<Reference>,
    /// Largest value the axis shows; longer bars are cut and marked.
    pub(crate) axis_max: f64,
    /// Formats values and ticks.
    pub(crate) format: fn(f64) -> String,
}

/// One series of a line chart: one value per year.
#[derive(Clone, Debug)]
pub(crate) struct LineSeries {
    /// Name and colour.
    pub(crate) series: Series,
    /// One value per year of the chart.
    pub(crate) values: Vec<f64>,
}

/// Lines over years.
#[derive(Clone, Debug)]
pub(crate) struct LineChart {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the horizontal axis, with its unit.
    pub(crate) x_title: String,
    /// Title of the vertical axis, with its unit.
    pub(crate) y_title: String,
    /// The years of the x axis.
    pub(crate) years: Vec<u16>,
    /// The lines.
    pub(crate) lines: Vec<LineSeries>,
    /// Shaded ranges, drawn under the lines.
    pub(crate) bands: Vec<Band>,
    /// Horizontal reference lines.
    pub(crate) references: Vec<Reference>,
    /// Formats the value axis.
    pub(crate) format: fn(f64) -> String,
}

/// A missing value in a bar chart: a dash, the same in every language.
const NOT_AVAILABLE: &str = "–";

/// A number for an SVG attribute: one decimal at most, no negative zero.
fn num(value: f64) -> String {
    let text = format!("{:.1}", value + 0.0);
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

/// A round step that divides `span` into about `n_ticks` parts: 1, 2 or 5 times a power of ten.
fn nice_step(span: f64, n_ticks: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / n_ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks from 0 to at least `max`, and the axis end (the last tick).
fn ticks(max: f64) -> (Vec<f64>, f64) {
    let step = nice_step(max, 6.0);
    let n_steps = (max / step - 1e-9).ceil().max(1.0) as usize;
    let ticks: Vec<f64> = (0..=n_steps).map(|idx| idx as f64 * step).collect();
    let end = ticks.last().copied().unwrap_or(1.0);
    (ticks, end)
}

/// How many Latin character widths `text` takes: a wide character (Japanese kana and kanji,
/// Hangul, full-width forms) takes two, as a CJK font draws it about twice as wide.
fn text_units(text: &str) -> usize {
    crate::text_table::display_width(text)
}

fn char_units(ch: char) -> usize {
    crate::text_table::char_width(ch)
}

/// The label cut to `max_units` Latin character widths (see [`text_units`]) with an ellipsis.
fn clip(label: &str, max_units: usize) -> String {
    if text_units(label) <= max_units {
        return label.to_string();
    }
    let mut kept = String::new();
    let mut used = 0;
    for ch in label.chars() {
        if used + char_units(ch) > max_units.saturating_sub(1) {
            break;
        }
        used += char_units(ch);
        kept.push(ch);
    }
    format!("{kept}…")
}

/// A label's width in pixels is at most this many times its [`text_units`] × [`CHAR_WIDTH`]:
/// capitals and digits of a sans-serif font are wider than the average letter.
const LABEL_SLACK: f64 = 1.15;

/// The width a label column needs, between `min` and `max`.
fn label_width(labels: impl Iterator<Item = usize>, min: f64, max: f64) -> f64 {
    let widest = labels.max().unwrap_or(0) as f64 * CHAR_WIDTH * LABEL_SLACK + 12.0;
    widest.clamp(min, max)
}

/// The label cut to fit `width_px` (see [`LABEL_SLACK`]).
fn fit(label: &str, width_px: f64) -> String {
    clip(label, (width_px.max(0.0) / (CHAR_WIDTH * LABEL_SLACK)) as usize)
}

fn open_svg(out: &mut String, title: &str, height: f64) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         role=\"img\" aria-label=\"{t}\" class=\"chart\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <title>{t}</title>\n",
        w = num(WIDTH),
        h = num(height),
        t = escape(title),
    );
}

/// A marker shape centred on (x, y): circle, square, triangle, diamond or cross, by index.
fn marker(shape: usize, x: f64, y: f64, color: &str) -> String {
    let r = 3.5;
    match shape % MARKERS {
        0 => format!("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{color}\"/>", num(x), num(y), num(r)),
        1 => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{color}\"/>",
            num(x - r),
            num(y - r),
            num(2.0 * r),
            num(2.0 * r)
        ),
        2 => format!(
            "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{color}\"/>",
            num(x),
            num(y - r - 0.5),
            num(x + r + 0.5),
            num(y + r),
            num(x - r - 0.5),
            num(y + r)
        ),
        3 => format!(
            "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{color}\"/>",
            num(x),
            num(y - r - 0.5),
            num(x + r + 0.5),
            num(y),
            num(x),
            num(y + r + 0.5),
            num(x - r - 0.5),
            num(y)
        ),
        _ => format!(
            "<path d=\"M{} {}L{} {}M{} {}L{} {}\" stroke=\"{color}\" stroke-width=\"2\"/>",
            num(x - r),
            num(y - r),
            num(x + r),
            num(y + r),
            num(x - r),
            num(y + r),
            num(x + r),
            num(y - r)
        ),
    }
}

/// How a legend item's swatch is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Swatch {
    /// A filled box with the series' marker (bars).
    Bar(usize),
    /// A line with the series' dash pattern and marker.
    Line(usize),
    /// A dashed reference line.
    Reference,
    /// A translucent box (a band or a shaded window).
    Band,
}

/// A legend item: name, colour, and whether its swatch is a dashed line (a reference).
type LegendItem<'a> = (String, &'a str, bool);

/// Legend rows of plain swatches (filled boxes, or dashed lines for references).
fn legend(items: &[LegendItem], x0: f64) -> (String, f64) {
    let styled: Vec<(String, &str, Swatch)> = items
        .iter()
        .map(|(name, color, dashed)| {
            (name.clone(), *color, if *dashed { Swatch::Reference } else { Swatch::Band })
        })
        .collect();
    legend_styled(&styled, x0)
}

/// Legend rows of swatches from `x0`, wrapped before the right edge; returns the SVG and the
/// y where the plot may start.
fn legend_styled(items: &[(String, &str, Swatch)], x0: f64) -> (String, f64) {
    let mut out = String::new();
    let (mut x, mut y) = (x0, 16.0);
    for (name, color, swatch) in items {
        let item_width = 27.0 + text_units(name) as f64 * CHAR_WIDTH;
        if x > x0 && x + item_width > WIDTH - 4.0 {
            (x, y) = (x0, y + 18.0);
        }
        match swatch {
            Swatch::Reference | Swatch::Line(_) => {
                let (width, dash) = match swatch {
                    Swatch::Line(idx) => (2.5, DASHES[idx % DASHES.len()]),
                    _ => (2.0, "4 3"),
                };
                let dash_attr =
                    if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
                let _ = writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"{width}\"{dash_attr}/>",
                    num(x),
                    num(y - 4.0),
                    num(x + 22.0),
                    num(y - 4.0)
                );
                if let Swatch::Line(idx) = swatch {
                    let _ = writeln!(out, "{}", marker(*idx, x + 11.0, y - 4.0, color));
                }
            }
            Swatch::Bar(idx) => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"10\" fill=\"{color}\"/>\n{}",
                    num(x),
                    num(y - 9.0),
                    marker(*idx, x + 11.0, y - 4.0, "#fff")
                );
            }
            Swatch::Band => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"10\" fill=\"{color}\" fill-opacity=\"0.35\" \
                     stroke=\"{color}\"/>",
                    num(x),
                    num(y - 9.0)
                );
            }
        }
        let _ = writeln!(out, "<text x=\"{}\" y=\"{}\">{}</text>", num(x + 27.0), num(y), escape(name));
        x += item_width + 18.0;
    }
    (out, y + 18.0)
}

/// Text with a white halo, so that it stays readable over grid and reference lines.
fn halo_text(x: f64, y: f64, attributes: &str, text: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" {attributes} stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
        num(x),
        num(y),
        escape(text)
    )
}

/// Axis titles: `x_title` centred under the plot, `y_title` (if any) rotated beside it.
fn axis_titles(
    out: &mut String,
    (left, right_edge): (f64, f64),
    (top, bottom): (f64, f64),
    x_title: &str,
    y_title: &str,
) {
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{AXIS_COLOR}\">{}</text>",
        num((left + right_edge) / 2.0),
        num(bottom + 34.0),
        escape(x_title)
    );
    if !y_title.is_empty() {
        let _ = writeln!(
            out,
            "<text class=\"axis-title\" transform=\"translate(14 {}) rotate(-90)\" text-anchor=\"middle\" font-weight=\"bold\" \
             fill=\"{AXIS_COLOR}\">{}</text>",
            num((top + bottom) / 2.0),
            escape(y_title)
        );
    }
}

/// Grouped horizontal bars with a value axis at the bottom.
pub(crate) fn bar_chart(chart: &BarChart) -> String {
    let n_series = chart.series.len().max(1) as f64;
    let bar_height = if n_series > 2.0 { 8.0 } else { 10.0 };
    let group_height = n_series * bar_height + 8.0;
    let (bottom, right) = (44.0, 64.0);
    let left = label_width(chart.groups.iter().map(|g| text_units(&g.label).min(40)), 60.0, 270.0);
    let mut items: Vec<(String, &str, Swatch)> =
        chart.series.iter().enumerate().map(|(idx, s)| (s.name.clone(), s.color, Swatch::Bar(idx))).collect();
    items.extend(chart.references.iter().map(|r| (r.label.clone(), r.color, Swatch::Reference)));
    let (legend_svg, top) = legend_styled(&items, left);
    let height = top + group_height * chart.groups.len() as f64 + bottom;
    let plot_width = WIDTH - left - right;
    let (tick_values, axis_end) = ticks(chart.axis_max);
    let x_of = |value: f64| left + plot_width * (value.clamp(0.0, axis_end) / axis_end);
    let plot_bottom = height - bottom;

    let mut out = String::new();
    open_svg(&mut out, &chart.title, height);
    out.push_str(&legend_svg);
    for tick in &tick_values {
        let x = x_of(*tick);
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#ddd\"/>\n\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{}</text>",
            num(top - 4.0),
            num(plot_bottom),
            num(plot_bottom + 16.0),
            escape(&(chart.format)(*tick)),
            x = num(x),
        );
    }
    // References go under the bars and their labels, which carry a halo: a value label next to
    // the 100 % line stays readable instead of being crossed by it.
    for reference in &chart.references {
        let x = num(x_of(reference.value));
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\" \
             stroke-dasharray=\"4 3\"/>",
            num(top - 4.0),
            num(plot_bottom),
            reference.color,
        );
    }
    for (group_idx, group) in chart.groups.iter().enumerate() {
        let y0 = top + group_height * group_idx as f64;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(left - 8.0),
            num(y0 + 4.0 + n_series * bar_height / 2.0 + 4.0),
            escape(&fit(&group.label, left - 12.0)),
        );
        for (series_idx, series) in chart.series.iter().enumerate() {
            let y = y0 + 4.0 + bar_height * series_idx as f64;
            bar(
                &mut out,
                chart,
                group.values.get(series_idx).copied().flatten(),
                (series_idx, series),
                (y, bar_height),
                &x_of,
            );
        }
    }
    axis_titles(&mut out, (left, left + plot_width), (top, plot_bottom), &chart.value_title, "");
    close_with_axis(&mut out, left, plot_width, plot_bottom);
    out
}

/// One bar of a bar chart, with its series' marker at its end and its value after it; a
/// missing value is written "–".
fn bar(
    out: &mut String,
    chart: &BarChart,
    value: Option<f64>,
    (series_idx, series): (usize, &Series),
    (y, bar_height): (f64, f64),
    x_of: &dyn Fn(f64) -> f64,
) {
    let x0 = x_of(0.0);
    let text_y = y + bar_height - 1.0;
    let Some(value) = value else {
        let _ =
            writeln!(out, "{}", halo_text(x0 + 3.0, text_y, "font-size=\"9\" fill=\"#555\"", NOT_AVAILABLE));
        return;
    };
    let x1 = x_of(value);
    let cut = value > chart.axis_max.max(0.0) && x1 >= x_of(f64::INFINITY) - 0.05;
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {}</title></rect>",
        num(x0),
        num(y),
        num((x1 - x0).max(0.0)),
        num(bar_height - 1.0),
        series.color,
        escape(&series.name),
        escape(&(chart.format)(value)),
    );
    if chart.series.len() > 1 && x1 - x0 > 8.0 {
        let _ = writeln!(out, "{}", marker(series_idx, x1 - 5.0, y + (bar_height - 1.0) / 2.0, "#fff"));
    }
    let marker_text = if cut { " ›" } else { "" };
    let label = format!("{}{marker_text}", (chart.format)(value));
    let _ = writeln!(out, "{}", halo_text(x1 + 3.0, text_y, "font-size=\"9\" fill=\"#222\"", &label));
}

/// Lines over years, with a legend above, shaded bands and optional dashed horizontal
/// references. Each series has its own dash pattern and marker; a series whose values repeat
/// an earlier one's says so in the legend (it would otherwise hide under it).
pub(crate) fn line_chart(chart: &LineChart) -> String {
    let (bottom, left, right) = (44.0, 72.0, 20.0);
    let height = 360.0;
    let names: Vec<String> = chart
        .lines
        .iter()
        .enumerate()
        .map(|(idx, line)| {
            let twin = chart.lines[..idx].iter().find(|earlier| same_values(&earlier.values, &line.values));
            match twin {
                // "=" reads the same in every language: this series repeats that one.
                Some(earlier) => format!("{} (= {})", line.series.name, earlier.series.name),
                None => line.series.name.clone(),
            }
        })
        .collect();
    let mut items: Vec<(String, &str, Swatch)> = chart
        .lines
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(idx, (l, name))| (name.clone(), l.series.color, Swatch::Line(idx)))
        .collect();
    items.extend(chart.bands.iter().map(|b| (b.label.clone(), b.color, Swatch::Band)));
    items.extend(chart.references.iter().map(|r| (r.label.clone(), r.color, Swatch::Reference)));
    let (legend_svg, legend_bottom) = legend_styled(&items, left);
    let top = legend_bottom + 6.0;
    let plot_width = WIDTH - left - right;
    let plot_bottom = height - bottom;
    let max_value = chart
        .lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
        .chain(chart.bands.iter().flat_map(|b| b.high.iter().copied()))
        .chain(chart.references.iter().map(|r| r.value))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (tick_values, axis_end) = ticks(max_value.max(1e-9));
    let first_year = chart.years.first().copied().unwrap_or(0);
    let span = f64::from(chart.years.last().copied().unwrap_or(first_year).saturating_sub(first_year).max(1));
    let x_of = |year: u16| left + plot_width * f64::from(year.saturating_sub(first_year)) / span;
    let y_of = |value: f64| plot_bottom - (plot_bottom - top) * (value.clamp(0.0, axis_end) / axis_end);

    let mut out = String::new();
    open_svg(&mut out, &chart.title, height);
    out.push_str(&legend_svg);
    for tick in &tick_values {
        let y = num(y_of(*tick));
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#ddd\"/>\n\
             <text x=\"{}\" y=\"{y}\" dy=\"4\" text-anchor=\"end\" fill=\"#555\">{}</text>",
            num(left),
            num(left + plot_width),
            num(left - 6.0),
            escape(&(chart.format)(*tick)),
        );
    }
    year_ticks(&mut out, &chart.years, plot_bottom, &x_of);
    for band in &chart.bands {
        let upper = chart
            .years
            .iter()
            .zip(&band.high)
            .map(|(year, v)| format!("{},{}", num(x_of(*year)), num(y_of(*v))));
        let lower = chart
            .years
            .iter()
            .zip(&band.low)
            .rev()
            .map(|(year, v)| format!("{},{}", num(x_of(*year)), num(y_of(*v))));
        let points: Vec<String> = upper.chain(lower).collect();
        let _ = writeln!(
            out,
            "<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.25\" stroke=\"none\"><title>{}</title></polygon>",
            points.join(" "),
            band.color,
            escape(&band.label)
        );
    }
    for reference in &chart.references {
        let y = num(y_of(reference.value));
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"1.5\" \
             stroke-dasharray=\"4 3\"/>",
            num(left),
            num(left + plot_width),
            reference.color,
        );
    }
    for (idx, (line, name)) in chart.lines.iter().zip(&names).enumerate() {
        series_line(&mut out, (idx, line, name), &chart.years, (&x_of, &y_of));
    }
    axis_titles(&mut out, (left, left + plot_width), (top, plot_bottom), &chart.x_title, &chart.y_title);
    close_with_axis(&mut out, left, plot_width, plot_bottom);
    out
}

/// Whether two series have the same values (to within drawing precision).
fn same_values(x: &[f64], y: &[f64]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0))
}

/// One line series: its polyline in its dash pattern, and its markers (every point when there
/// are few, about ten otherwise).
fn series_line(
    out: &mut String,
    (idx, line, name): (usize, &LineSeries, &str),
    years: &[u16],
    (x_of, y_of): (&dyn Fn(u16) -> f64, &dyn Fn(f64) -> f64),
) {
    let points: Vec<(f64, f64)> =
        years.iter().zip(&line.values).map(|(year, value)| (x_of(*year), y_of(*value))).collect();
    let text: Vec<String> = points.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
    let dash = DASHES[idx % DASHES.len()];
    let dash_attr = if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
    let _ = writeln!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\"{dash_attr}><title>{}</title></polyline>",
        text.join(" "),
        line.series.color,
        escape(name),
    );
    let every = (points.len() / 10).max(1);
    // Series start their markers at different points, so coinciding series stay visible.
    for (point_idx, (x, y)) in points.iter().enumerate() {
        if (point_idx + idx) % every == 0 || point_idx + 1 == points.len() {
            let _ = writeln!(out, "{}", marker(idx, *x, *y, line.series.color));
        }
    }
}

/// Year labels under the x axis: every year when few, else every fifth and the last.
fn year_ticks(out: &mut String, years: &[u16], y: f64, x_of: &dyn Fn(u16) -> f64) {
    let last = years.last().copied().unwrap_or(0);
    for year in years {
        let labelled = years.len() <= 12 || year % 5 == 0 || *year == last;
        if !labelled || (*year != last && last - year < 3 && years.len() > 12) {
            continue;
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{year}</text>",
            num(x_of(*year)),
            num(y + 16.0)
        );
    }
}

/// Draws the horizontal axis line under the plot and closes the `<svg>` element.
fn close_with_axis(out: &mut String, left: f64, plot_width: f64, plot_bottom: f64) {
    let _ = writeln!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#888\"/>\n</svg>",
        l = num(left),
        r = num(left + plot_width),
        b = num(plot_bottom)
    );
}

#[cfg(test)]
mod tests;
