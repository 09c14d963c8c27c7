//! The closure timeline: one bar per capability line from the start year to the year its gap
//! closes (open bars dashed), critical lines marked, and the window of vulnerability shaded.

use std::fmt::Write;

use super::{
    axis_titles, close_with_axis, escape, fit, halo_text, label_width, legend_styled, marker, num, open_svg,
    palette, text_units, year_ticks, Swatch, WIDTH,
};

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
    /// Title of the year axis.
    pub(crate) x_title: String,
    /// The legend's four entries.
    pub(crate) legend: TimelineLegend,
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

/// The legend of a timeline, in the report's language.
#[derive(Clone, Debug)]
pub(crate) struct TimelineLegend {
    /// A critical line's bar.
    pub(crate) critical: String,
    /// Another line's bar.
    pub(crate) other: String,
    /// An open bar.
    pub(crate) open: String,
    /// The shaded window of vulnerability.
    pub(crate) window: String,
}

impl TimelineLegend {
    /// The legend from the catalogue, for a window closing in `closes` (open beyond `end_year`).
    pub(crate) fn new(closes: Option<u16>, end_year: u16, m: &crate::i18n::Messages) -> TimelineLegend {
        TimelineLegend {
            critical: m.t("legend-critical-line"),
            other: m.t("legend-other-line"),
            open: m.t("legend-open"),
            window: match closes {
                Some(year) => m.f("legend-window-closes", &[("year", year.to_string().into())]),
                None => m.f("legend-window-open", &[("year", end_year.to_string().into())]),
            },
        }
    }
}

/// A Gantt-like timeline: one bar per row from the start year to its end, open bars dashed.
pub(crate) fn timeline(chart: &Timeline) -> String {
    let row_height = 20.0;
    let (bottom, right) = (44.0, 170.0);
    let left = label_width(chart.rows.iter().map(|r| text_units(&r.label).min(40) + 2), 80.0, 270.0);
    let items = [
        (chart.legend.critical.clone(), palette::VERMILLION, Swatch::Bar(0)),
        (chart.legend.other.clone(), palette::BLUE, Swatch::Bar(1)),
        (chart.legend.open.clone(), palette::BLUE, Swatch::Reference),
        (chart.legend.window.clone(), palette::YELLOW, Swatch::Band),
    ];
    let (legend_svg, top) = legend_styled(&items, left);
    let height = top + row_height * chart.rows.len().max(1) as f64 + bottom;
    let plot_width = WIDTH - left - right;
    let plot_bottom = height - bottom;
    let span = f64::from(chart.end_year.saturating_sub(chart.start_year).max(1));
    let x_of = |year: u16| {
        // `max` keeps the bounds ordered whatever the horizon (clamp panics on crossed bounds).
        left + plot_width
            * f64::from(year.clamp(chart.start_year, chart.end_year.max(chart.start_year)) - chart.start_year)
            / span
    };

    let mut out = String::new();
    open_svg(&mut out, &chart.title, height);
    out.push_str(&legend_svg);
    let window_end = chart.window_closes.unwrap_or(chart.end_year);
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"0.35\"/>",
        num(x_of(chart.start_year)),
        num(top - 4.0),
        num(x_of(window_end) - x_of(chart.start_year)),
        num(plot_bottom - top + 4.0),
        palette::YELLOW
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
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\" \
             stroke-dasharray=\"4 3\"/>",
            num(top - 4.0),
            num(plot_bottom),
            palette::VERMILLION
        );
    }
    for (row_idx, row) in chart.rows.iter().enumerate() {
        timeline_row(&mut out, row, (left, top + row_height * row_idx as f64), chart, &x_of);
    }
    axis_titles(&mut out, (left, left + plot_width), (top, plot_bottom), &chart.x_title, "");
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
    let color = if row.critical { palette::VERMILLION } else { palette::BLUE };
    if row.critical {
        let _ = writeln!(out, "{}", marker(0, left - 10.0, y + 9.0, color));
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        num(left - 18.0),
        num(y + 13.0),
        escape(&fit(&row.label, left - 22.0)),
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
    let _ = writeln!(out, "{}", halo_text(x1 + 5.0, y + 13.0, "font-size=\"11\" fill=\"#333\"", &row.note));
}
