//! The "clocks" chart of the window of vulnerability: one row per clock on a common year axis
//! (Russia's readiness clocks, the year Europe alone would hold, the year its last critical gap
//! closes), each a marker at its central year with its range as a band, and the window shaded.
//! Compact enough for the first page of the report.

use std::fmt::Write;

use super::{
    axis_titles, escape, fit, halo_text, label_width, legend_styled, marker, num, open_svg, palette,
    text_units, Swatch, WIDTH,
};

/// One clock: a central year with its range, or a note when it does not strike in the horizon.
#[derive(Clone, Debug)]
pub(crate) struct ClockRow {
    /// Row label.
    pub(crate) label: String,
    /// Lower end of the range (a fractional year), when known.
    pub(crate) low: Option<f64>,
    /// Central year, or `None` when it does not strike within the horizon.
    pub(crate) central: Option<f64>,
    /// Upper end of the range, when known.
    pub(crate) high: Option<f64>,
    /// CSS colour.
    pub(crate) color: &'static str,
    /// Marker shape index.
    pub(crate) shape: usize,
    /// Text after the marker.
    pub(crate) note: String,
}

/// The clocks on one year axis.
#[derive(Clone, Debug)]
pub(crate) struct Clocks {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the year axis.
    pub(crate) x_title: String,
    /// First year of the axis.
    pub(crate) start_year: u16,
    /// Last year of the axis.
    pub(crate) end_year: u16,
    /// The clocks, top to bottom.
    pub(crate) rows: Vec<ClockRow>,
    /// The window of vulnerability as the spans of years to shade (one per run of consecutive
    /// years), and its legend.
    pub(crate) window: Option<(Vec<(f64, f64)>, String)>,
    /// Legend of the bands.
    pub(crate) band_label: String,
}

const ROW_HEIGHT: f64 = 24.0;
const RIGHT: f64 = 24.0;
const BOTTOM: f64 = 44.0;

/// Draws the clocks.
pub(crate) fn clocks(chart: &Clocks) -> String {
    let left = label_width(chart.rows.iter().map(|r| text_units(&r.label).min(64)), 120.0, 480.0);
    let mut items = vec![(chart.band_label.clone(), palette::GREY, Swatch::Band)];
    if let Some((_, label)) = &chart.window {
        items.insert(0, (label.clone(), palette::YELLOW, Swatch::Band));
    }
    let (legend_svg, top) = legend_styled(&items, left);
    let height = top + ROW_HEIGHT * chart.rows.len().max(1) as f64 + BOTTOM;
    let plot_width = WIDTH - left - RIGHT;
    let plot_bottom = height - BOTTOM;
    let (start, end) = (f64::from(chart.start_year), f64::from(chart.end_year.max(chart.start_year + 1)));
    let x_of = |year: f64| left + plot_width * ((year.clamp(start, end) - start) / (end - start));

    let mut out = String::new();
    open_svg(&mut out, &chart.title, height);
    out.push_str(&legend_svg);
    for (from, to) in chart.window.iter().flat_map(|(spans, _)| spans) {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"0.35\"/>",
            num(x_of(*from)),
            num(top - 4.0),
            num((x_of(*to) - x_of(*from)).max(1.0)),
            num(plot_bottom - top + 4.0),
            palette::YELLOW
        );
    }
    let mut year = chart.start_year.div_ceil(5) * 5;
    while year <= chart.end_year {
        let x = num(x_of(f64::from(year)));
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#ddd\"/>\n\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{year}</text>",
            num(top - 4.0),
            num(plot_bottom),
            num(plot_bottom + 16.0)
        );
        year += 5;
    }
    for (idx, row) in chart.rows.iter().enumerate() {
        clock_row(&mut out, row, (left, top + ROW_HEIGHT * idx as f64), &x_of);
    }
    axis_titles(&mut out, (left, left + plot_width), (top, plot_bottom), &chart.x_title, "");
    let _ = writeln!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#888\"/>\n</svg>",
        l = num(left),
        r = num(left + plot_width),
        b = num(plot_bottom)
    );
    out
}

fn clock_row(out: &mut String, row: &ClockRow, (left, y): (f64, f64), x_of: &dyn Fn(f64) -> f64) {
    let mid_y = y + ROW_HEIGHT / 2.0;
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        num(left - 8.0),
        num(mid_y + 4.0),
        escape(&fit(&row.label, left - 12.0))
    );
    if let (Some(low), Some(high)) = (row.low, row.high) {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"{}\" fill-opacity=\"0.35\"/>",
            num(x_of(low)),
            num(mid_y - 5.0),
            num((x_of(high) - x_of(low)).max(1.0)),
            palette::GREY
        );
    }
    let x = match row.central {
        Some(year) => {
            let x = x_of(year);
            let _ = writeln!(out, "{}", marker(row.shape, x, mid_y, row.color));
            x
        }
        None => x_of(f64::INFINITY),
    };
    // A note near the right edge goes left of its marker, so that none is cut off.
    let anchor = if x > left + 0.72 * (WIDTH - RIGHT - left) { ("end", -8.0) } else { ("start", 8.0) };
    let _ = writeln!(
        out,
        "{}",
        halo_text(
            x + anchor.1,
            mid_y + 4.0,
            &format!("text-anchor=\"{}\" font-size=\"11\" fill=\"#222\"", anchor.0),
            &row.note
        )
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_have_a_title_an_axis_title_one_marker_per_striking_clock_and_the_window() {
        let row = |label: &str, central: Option<f64>| ClockRow {
            label: label.into(),
            low: central.map(|c| c - 1.0),
            central,
            high: central.map(|c| c + 2.0),
            color: palette::VERMILLION,
            shape: 0,
            note: "note".into(),
        };
        let chart = Clocks {
            title: "Clocks".into(),
            x_title: "year".into(),
            start_year: 2025,
            end_year: 2050,
            rows: vec![row("a", Some(2030.0)), row("b", None)],
            window: Some((vec![(2025.0, 2030.0), (2035.0, 2040.0)], "window".into())),
            band_label: "range".into(),
        };
        let svg = clocks(&chart);
        assert!(svg.contains("<title>Clocks</title>"));
        assert!(svg.contains("class=\"axis-title\"") && svg.contains(">year</text>"));
        assert_eq!(svg.matches("<circle").count(), 1, "only the clock that strikes gets a marker");
        assert!(svg.contains(">2030</text>") && svg.contains(">2050</text>"));
        assert_eq!(
            svg.matches("fill-opacity=\"0.35\"").count(),
            2 + 2 + 1,
            "legend 2, window 2 (one per run of years), band 1"
        );
    }
}
