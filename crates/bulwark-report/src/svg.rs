//! Small hand-written SVG charts for the HTML report: grouped horizontal bars, lines over years,
//! and a Gantt-like timeline.
//!
//! Each function returns one `<svg>` element as a string, sized by its `viewBox` so that it
//! scales with the page and prints sharply. There is no script and no external font: text uses
//! the page's sans-serif stack. Coordinates are written with at most one decimal, so the same
//! chart always gives the same bytes.

use std::fmt::Write;

use crate::assessment_html::escape;

pub(crate) mod explore;

/// Width of every chart, in SVG user units (pixels at 100 %).
const WIDTH: f64 = 900.0;
/// Approximate width of one character of 12 px sans-serif text, for laying out labels.
const CHAR_WIDTH: f64 = 6.4;

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

/// One category of a bar chart: a label and one value per series (`None`: not drawn, "n/a").
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
    /// The years of the x axis.
    pub(crate) years: Vec<u16>,
    /// The lines.
    pub(crate) lines: Vec<LineSeries>,
    /// Horizontal reference lines.
    pub(crate) references: Vec<Reference>,
    /// Formats the value axis.
    pub(crate) format: fn(f64) -> String,
}

/// One row of a timeline.
#[derive(Clone, Debug)]
pub(crate) struct TimelineRow {
    /// Row label.
    pub(crate) label: String,
    /// Year the bar ends; `None` draws an open bar to the end of the axis.
    pub(crate) end: Option<u16>,
    /// Drawn in the critical colour with a marker.
    pub(crate) critical: bool,
    /// Text after the bar.
    pub(crate) note: String,
}

/// A Gantt-like timeline from `start_year` to `end_year`.
#[derive(Clone, Debug)]
pub(crate) struct Timeline {
    /// Accessible title.
    pub(crate) title: String,
    /// First year of the axis; every bar starts here.
    pub(crate) start_year: u16,
    /// Last year of the axis.
    pub(crate) end_year: u16,
    /// The rows, top to bottom.
    pub(crate) rows: Vec<TimelineRow>,
    /// The window of vulnerability: `Some(year)` shades it up to `year`, `None` over the whole
    /// axis (it stays open).
    pub(crate) window_closes: Option<u16>,
}

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

/// The label cut to `max_chars` with an ellipsis.
fn clip(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        label.to_string()
    } else {
        let kept: String = label.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

/// The width a label column needs, between `min` and `max`.
fn label_width(labels: impl Iterator<Item = usize>, min: f64, max: f64) -> f64 {
    let widest = labels.max().unwrap_or(0) as f64 * CHAR_WIDTH + 12.0;
    widest.clamp(min, max)
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

/// A legend item: name, colour, and whether its swatch is a dashed line (a reference).
type LegendItem<'a> = (String, &'a str, bool);

/// Legend rows of swatches from `x0`, wrapped before the right edge; returns the SVG and the
/// y where the plot may start.
fn legend(items: &[LegendItem], x0: f64) -> (String, f64) {
    let mut out = String::new();
    let (mut x, mut y) = (x0, 16.0);
    for (name, color, dashed) in items {
        let item_width = 19.0 + name.chars().count() as f64 * CHAR_WIDTH;
        if x > x0 && x + item_width > WIDTH - 4.0 {
            (x, y) = (x0, y + 18.0);
        }
        if *dashed {
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{color}\" stroke-width=\"2\" \
                 stroke-dasharray=\"4 3\"/>",
                num(x),
                num(y - 4.0),
                num(x + 14.0),
                num(y - 4.0)
            );
        } else {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"10\" fill=\"{color}\"/>",
                num(x),
                num(y - 9.0)
            );
        }
        let _ = writeln!(out, "<text x=\"{}\" y=\"{}\">{}</text>", num(x + 19.0), num(y), escape(name));
        x += item_width + 18.0;
    }
    (out, y + 18.0)
}

/// Grouped horizontal bars with a value axis at the bottom.
pub(crate) fn bar_chart(chart: &BarChart) -> String {
    let n_series = chart.series.len().max(1) as f64;
    let bar_height = if n_series > 2.0 { 6.0 } else { 9.0 };
    let group_height = n_series * bar_height + 8.0;
    let (bottom, right) = (28.0, 64.0);
    let left = label_width(chart.groups.iter().map(|g| g.label.chars().count().min(40)), 60.0, 270.0);
    let mut items: Vec<LegendItem> = chart.series.iter().map(|s| (s.name.clone(), s.color, false)).collect();
    items.extend(chart.references.iter().map(|r| (r.label.clone(), r.color, true)));
    let (legend_svg, top) = legend(&items, left);
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
    for (group_idx, group) in chart.groups.iter().enumerate() {
        let y0 = top + group_height * group_idx as f64;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(left - 8.0),
            num(y0 + 4.0 + n_series * bar_height / 2.0 + 4.0),
            escape(&clip(&group.label, 40)),
        );
        for (series_idx, series) in chart.series.iter().enumerate() {
            let y = y0 + 4.0 + bar_height * series_idx as f64;
            bar(
                &mut out,
                chart,
                group.values.get(series_idx).copied().flatten(),
                series,
                (y, bar_height),
                &x_of,
            );
        }
    }
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
    close_with_axis(&mut out, left, plot_width, plot_bottom);
    out
}

/// One bar of a bar chart, with its value after it; a missing value is written "n/a".
fn bar(
    out: &mut String,
    chart: &BarChart,
    value: Option<f64>,
    series: &Series,
    (y, bar_height): (f64, f64),
    x_of: &dyn Fn(f64) -> f64,
) {
    let x0 = x_of(0.0);
    let text_y = num(y + bar_height - 1.0);
    let Some(value) = value else {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{text_y}\" font-size=\"9\" fill=\"#777\">n/a</text>",
            num(x0 + 3.0)
        );
        return;
    };
    let x1 = x_of(value);
    let labelled = bar_height >= 8.0;
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
    let marker = if cut { " ›" } else { "" };
    if !labelled {
        return;
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{text_y}\" font-size=\"9\" fill=\"#333\">{}{marker}</text>",
        num(x1 + 3.0),
        escape(&(chart.format)(value)),
    );
}

/// Lines over years, with a legend above and optional dashed horizontal references.
pub(crate) fn line_chart(chart: &LineChart) -> String {
    let (bottom, left, right) = (28.0, 64.0, 20.0);
    let height = 340.0;
    let mut items: Vec<LegendItem> =
        chart.lines.iter().map(|l| (l.series.name.clone(), l.series.color, false)).collect();
    items.extend(chart.references.iter().map(|r| (r.label.clone(), r.color, true)));
    let (legend_svg, legend_bottom) = legend(&items, left);
    let top = legend_bottom + 6.0;
    let plot_width = WIDTH - left - right;
    let plot_bottom = height - bottom;
    let max_value = chart
        .lines
        .iter()
        .flat_map(|l| l.values.iter().copied())
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
    for line in &chart.lines {
        let points: Vec<String> = chart
            .years
            .iter()
            .zip(&line.values)
            .map(|(year, value)| format!("{},{}", num(x_of(*year)), num(y_of(*value))))
            .collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.2\"><title>{}</title></polyline>",
            points.join(" "),
            line.series.color,
            escape(&line.series.name),
        );
    }
    close_with_axis(&mut out, left, plot_width, plot_bottom);
    out
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

/// A Gantt-like timeline: one bar per row from the start year to its end, open bars dashed.
pub(crate) fn timeline(chart: &Timeline) -> String {
    let row_height = 20.0;
    let (bottom, right) = (28.0, 170.0);
    let left = label_width(chart.rows.iter().map(|r| r.label.chars().count().min(40) + 2), 80.0, 270.0);
    let window_label = match chart.window_closes {
        Some(year) => format!("window of vulnerability (closes {year})"),
        None => format!("window of vulnerability (open beyond {})", chart.end_year),
    };
    let items = [
        ("critical line".to_string(), "#c53030", false),
        ("other line".to_string(), "#2b6cb0", false),
        ("not closed within the horizon".to_string(), "#2b6cb0", true),
        (window_label, "#fbd5d5", false),
    ];
    let (legend_svg, top) = legend(&items, left);
    let height = top + row_height * chart.rows.len().max(1) as f64 + bottom;
    let plot_width = WIDTH - left - right;
    let plot_bottom = height - bottom;
    let span = f64::from(chart.end_year.saturating_sub(chart.start_year).max(1));
    let x_of = |year: u16| {
        left + plot_width * f64::from(year.clamp(chart.start_year, chart.end_year) - chart.start_year) / span
    };

    let mut out = String::new();
    open_svg(&mut out, &chart.title, height);
    out.push_str(&legend_svg);
    let window_end = chart.window_closes.unwrap_or(chart.end_year);
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fde8e8\"/>",
        num(x_of(chart.start_year)),
        num(top - 4.0),
        num(x_of(window_end) - x_of(chart.start_year)),
        num(plot_bottom - top + 4.0)
    );
    let years: Vec<u16> = (chart.start_year..=chart.end_year).collect();
    for year in years.iter().filter(|y| *y % 5 == 0) {
        let x = num(x_of(*year));
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#ddd\"/>",
            num(top - 4.0),
            num(plot_bottom)
        );
    }
    year_ticks(&mut out, &years, plot_bottom, &x_of);
    if let Some(year) = chart.window_closes {
        let x = num(x_of(year));
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#c53030\" stroke-width=\"1.5\" \
             stroke-dasharray=\"4 3\"/>",
            num(top - 4.0),
            num(plot_bottom)
        );
    }
    for (row_idx, row) in chart.rows.iter().enumerate() {
        timeline_row(&mut out, row, (left, top + row_height * row_idx as f64), chart, &x_of);
    }
    close_with_axis(&mut out, left, plot_width, plot_bottom);
    out
}

fn timeline_row(
    out: &mut String,
    row: &TimelineRow,
    (left, y): (f64, f64),
    chart: &Timeline,
    x_of: &dyn Fn(u16) -> f64,
) {
    let color = if row.critical { "#c53030" } else { "#2b6cb0" };
    if row.critical {
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{color}\"/>",
            num(left - 10.0),
            num(y + 9.0)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        num(left - 18.0),
        num(y + 13.0),
        escape(&clip(&row.label, 40)),
    );
    let x0 = x_of(chart.start_year);
    let x1 = x_of(row.end.unwrap_or(chart.end_year)).max(x0 + 3.0);
    let style = match row.end {
        Some(_) => format!("fill=\"{color}\""),
        None => format!("fill=\"{color}\" fill-opacity=\"0.12\" stroke=\"{color}\" stroke-dasharray=\"4 3\""),
    };
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" {style}><title>{}: {}</title></rect>",
        num(x0),
        num(y + 3.0),
        num(x1 - x0),
        escape(&row.label),
        escape(&row.note),
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\" stroke=\"#fff\" stroke-width=\"3\" \
         paint-order=\"stroke\">{}</text>",
        num(x1 + 5.0),
        num(y + 13.0),
        escape(&row.note),
    );
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
mod tests {
    use expect_test::expect;

    use super::*;

    fn percent(value: f64) -> String {
        format!("{} %", num(value * 100.0))
    }

    #[test]
    fn num_rounds_to_one_decimal_without_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(-3.25), "-3.2");
    }

    #[test]
    fn ticks_end_on_a_round_number_at_or_above_the_maximum() {
        let labels = |max: f64| -> Vec<String> { ticks(max).0.iter().map(|t| num(*t)).collect() };
        assert_eq!(labels(1.1), ["0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"]);
        assert_eq!(labels(1140.0), ["0", "200", "400", "600", "800", "1000", "1200"]);
        assert_eq!(num(ticks(1.0).1), "1");
    }

    #[test]
    fn bar_chart_snapshot() {
        let chart = BarChart {
            title: "Coverage <test>".into(),
            series: vec![
                Series { name: "with the US".into(), color: "#2b6cb0" },
                Series { name: "Europe alone".into(), color: "#dd6b20" },
            ],
            groups: vec![
                BarGroup { label: "Tanks & IFVs".into(), values: vec![Some(1.0), Some(0.5)] },
                BarGroup { label: "Drones".into(), values: vec![Some(2.5), None] },
            ],
            references: vec![Reference { value: 1.0, label: "requirement".into(), color: "#333" }],
            axis_max: 1.5,
            format: percent,
        };
        expect![[r##"
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 114" width="900" height="114" role="img" aria-label="Coverage &lt;test&gt;" class="chart" font-family="sans-serif" font-size="12">
            <title>Coverage &lt;test&gt;</title>
            <rect x="88.8" y="7" width="14" height="10" fill="#2b6cb0"/>
            <text x="107.8" y="16">with the US</text>
            <rect x="196.2" y="7" width="14" height="10" fill="#dd6b20"/>
            <text x="215.2" y="16">Europe alone</text>
            <line x1="310" y1="12" x2="324" y2="12" stroke="#333" stroke-width="2" stroke-dasharray="4 3"/>
            <text x="329" y="16">requirement</text>
            <line x1="88.8" y1="30" x2="88.8" y2="86" stroke="#ddd"/>
            <text x="88.8" y="102" text-anchor="middle" fill="#555">0 %</text>
            <line x1="337.9" y1="30" x2="337.9" y2="86" stroke="#ddd"/>
            <text x="337.9" y="102" text-anchor="middle" fill="#555">50 %</text>
            <line x1="586.9" y1="30" x2="586.9" y2="86" stroke="#ddd"/>
            <text x="586.9" y="102" text-anchor="middle" fill="#555">100 %</text>
            <line x1="836" y1="30" x2="836" y2="86" stroke="#ddd"/>
            <text x="836" y="102" text-anchor="middle" fill="#555">150 %</text>
            <text x="80.8" y="51" text-anchor="end">Tanks &amp; IFVs</text>
            <rect x="88.8" y="38" width="498.1" height="8" fill="#2b6cb0"><title>with the US: 100 %</title></rect>
            <text x="589.9" y="46" font-size="9" fill="#333">100 %</text>
            <rect x="88.8" y="47" width="249.1" height="8" fill="#dd6b20"><title>Europe alone: 50 %</title></rect>
            <text x="340.9" y="55" font-size="9" fill="#333">50 %</text>
            <text x="80.8" y="77" text-anchor="end">Drones</text>
            <rect x="88.8" y="64" width="747.2" height="8" fill="#2b6cb0"><title>with the US: 250 %</title></rect>
            <text x="839" y="72" font-size="9" fill="#333">250 % ›</text>
            <text x="91.8" y="81" font-size="9" fill="#777">n/a</text>
            <line x1="586.9" y1="30" x2="586.9" y2="86" stroke="#333" stroke-width="1.5" stroke-dasharray="4 3"/>
            <line x1="88.8" y1="86" x2="836" y2="86" stroke="#888"/>
            </svg>
        "##]]
        .assert_eq(&bar_chart(&chart));
    }

    #[test]
    fn timeline_draws_open_bars_dashed_and_marks_critical_rows() {
        let chart = Timeline {
            title: "closure".into(),
            start_year: 2025,
            end_year: 2050,
            rows: vec![
                TimelineRow { label: "SSN".into(), end: None, critical: true, note: "open".into() },
                TimelineRow { label: "Tanks".into(), end: Some(2030), critical: false, note: "2030".into() },
            ],
            window_closes: None,
        };
        let svg = timeline(&chart);
        assert_eq!(svg.matches("<circle").count(), 1);
        assert_eq!(svg.matches("stroke-dasharray=\"4 3\"><title>").count(), 1);
        assert!(svg.contains("open beyond 2050"));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn line_chart_draws_one_polyline_per_series() {
        let chart = LineChart {
            title: "spending".into(),
            years: vec![2025, 2026, 2027],
            lines: vec![
                LineSeries {
                    series: Series { name: "a".into(), color: "#000" },
                    values: vec![1.0, 2.0, 3.0],
                },
                LineSeries {
                    series: Series { name: "b".into(), color: "#111" },
                    values: vec![1.0, 1.5, 2.0],
                },
            ],
            references: vec![Reference { value: 2.5, label: "ref".into(), color: "#333" }],
            format: |v| num(v),
        };
        let svg = line_chart(&chart);
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains("points=\"64,"));
    }
}
