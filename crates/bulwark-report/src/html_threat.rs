//! The `#threat` section of the HTML report: one chart with both clocks —
//! Europe's build-up (share of its funded growth delivered) and Russia's reconstitution
//! (battalions available against NATO over the large-war requirement) — and P(hold) with and
//! without the US, year by year; then the readiness clocks, the window table and the levers.

use std::fmt::Write;

use bulwark_assess::campaign_inputs::CampaignAssessment;
use bulwark_assess::threat_inputs::ThreatAssessment;
use bulwark_assess::Assessment;

use crate::assessment_html::escape;
use crate::svg::{self, LineChart, LineSeries, Reference, Series};
use crate::text_table::TextTable;

const BLUE: &str = crate::svg::palette::BLUE;
const ORANGE: &str = crate::svg::palette::ORANGE;
const RED: &str = crate::svg::palette::VERMILLION;
const GREEN: &str = crate::svg::palette::GREEN;
const GREY: &str = crate::svg::palette::BLACK;

/// Writes the `#threat` section (a short note when neither model ran).
pub(crate) fn section(out: &mut String, a: &Assessment, m: &crate::i18n::Messages) {
    let _ = writeln!(
        out,
        "<section id=\"threat\" class=\"chart-section\">\n<h3>{}</h3>",
        escape(&m.t("h-threat"))
    );
    let (Some(c), Some(t)) = (&a.campaign, &a.threat) else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>\n</section>", escape(&m.t("threat-refused")));
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&m.f(
            "note-threat",
            &[("draws", t.n_draws.to_string().into()), ("seed", t.seed.to_string().into())]
        )),
    );
    out.push_str(&svg::line_chart(&clocks_chart(c, t, m)));
    out.push_str(&html_table(&crate::threat_view::clock_table(t, m)));
    out.push_str(&html_table(&crate::threat_view::window_table(c, Some(t), m)));
    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&crate::threat_view::window_runs_note(c, m)));
    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&m.t("note-in-place")));
    out.push_str(&html_table(&crate::threat_view::lever_table(c, m)));
    out.push_str(&html_table(&crate::threat_view::days_table(c, m)));
    out.push_str("</section>\n");
}

/// Both clocks and P(hold), on one 0–1 axis over the years of the window.
fn clocks_chart(c: &CampaignAssessment, t: &ThreatAssessment, m: &crate::i18n::Messages) -> LineChart {
    let years: Vec<u16> = c.by_year.iter().map(|y| y.year).collect();
    let large =
        t.clocks.iter().find(|clock| clock.id == "large").map_or(f64::NAN, |clock| clock.required_battalions);
    let russia = years
        .iter()
        .map(|year| {
            let median = t.years.iter().find(|f| f.year == *year).map_or(0.0, |f| f.battalions.median);
            if large > 0.0 {
                (median / large).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect();
    let last = c.by_year.last().map(|y| y.growth);
    let europe = c
        .by_year
        .iter()
        .map(|y| {
            let total = last.map_or(0.0, |l| {
                l.brigades + l.combat_aircraft + l.sead + l.tankers + l.heavy_airlift + l.a400m
            });
            let now = y.growth.brigades
                + y.growth.combat_aircraft
                + y.growth.sead
                + y.growth.tankers
                + y.growth.heavy_airlift
                + y.growth.a400m;
            if total > 0.0 {
                (now / total).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect();
    let line = |name: &str, color: &'static str, values: Vec<f64>| LineSeries {
        series: Series { name: name.to_string(), color },
        values,
    };
    LineChart {
        title: m.f("chart-clocks", &[("day", format!("{:.0}", c.hold_day).into())]),
        x_title: m.t("axis-year"),
        y_title: m.t("axis-share-or-p"),
        bands: vec![],
        years,
        lines: vec![
            line(&m.t("series-russia-reconstitution"), RED, russia),
            line(&m.t("series-europe-buildup"), GREEN, europe),
            line(&m.t("series-p-hold-alone"), ORANGE, c.by_year.iter().map(|y| y.p_hold).collect()),
            line(&m.t("series-p-hold-with-us"), BLUE, c.by_year.iter().map(|y| y.p_hold_with_us).collect()),
        ],
        references: vec![Reference {
            value: c.hold_confidence,
            label: m.f("ref-confidence", &[("value", m.pct((100.0 * c.hold_confidence).round(), 0).into())]),
            color: GREY,
        }],
        format: match m.lang() {
            crate::i18n::Lang::En => |v| crate::i18n::Lang::En.pct((100.0 * v).round(), 0),
            crate::i18n::Lang::Ja => |v| crate::i18n::Lang::Ja.pct((100.0 * v).round(), 0),
        },
    }
}

/// A text table as an HTML table (cells escaped).
fn html_table(t: &TextTable) -> String {
    let mut out = String::from("<table class=\"compact\">\n<thead><tr>");
    for cell in t.header() {
        let _ = write!(out, "<th>{}</th>", escape(cell));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in t.rows() {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::threat_view::fixture;

    #[test]
    fn one_chart_shows_both_clocks_and_p_hold() {
        let (c, t) = (fixture::campaign(), fixture::threat());
        let chart = clocks_chart(&c, &t, &crate::i18n::Messages::new(crate::i18n::Lang::En));
        let names: Vec<&str> = chart.lines.iter().map(|l| l.series.name.as_str()).collect();
        assert_eq!(
            names,
            ["Russia's reconstitution", "Europe's build-up", "P(hold), Europe alone", "P(hold), with the US"]
        );
        // Russia: 55 and 110 battalions over the large-war requirement of 110; Europe: 2 of 4 brigades.
        assert_eq!(chart.lines[0].values, [0.5, 1.0]);
        assert_eq!(chart.lines[1].values, [0.5, 1.0]);
        let svg = svg::line_chart(&chart);
        assert!(
            svg.contains("<svg") && svg.contains("reconstitution") && svg.contains("with the US"),
            "{svg}"
        );
        let table = html_table(&crate::threat_view::lever_table(
            &c,
            &crate::i18n::Messages::new(crate::i18n::Lang::En),
        ));
        assert!(table.contains("<td>Manoeuvre brigades</td>"), "{table}");
    }
}
