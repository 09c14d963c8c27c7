//! The `#campaign` section of the HTML report: the Baltic campaign ensemble (docs/design.md §4.4) —
//! the probability that the defence holds by day with and without the US, and year by year as
//! European forces grow without the US (the curve that answers "when could Europe hold without
//! the US?").

use std::fmt::Write;

use bulwark_assess::campaign_inputs::{CampaignAssessment, HoldCurve};
use bulwark_assess::Assessment;

use crate::assessment_html::escape;
use crate::i18n::{Lang, Messages};
use crate::svg::{self, LineChart, LineSeries, Reference, Series};

const BLUE: &str = crate::svg::palette::BLUE;
const ORANGE: &str = crate::svg::palette::VERMILLION;
const GREY: &str = crate::svg::palette::BLACK;

/// Writes the `#campaign` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment, m: &Messages) {
    let _ = writeln!(
        out,
        "<section id=\"campaign\" class=\"chart-section\">\n<h3>{}</h3>",
        escape(&m.t("h-campaign"))
    );
    let Some(c) = &a.campaign else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>\n</section>", escape(&m.t("campaign-refused")));
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&m.f(
            "note-campaign",
            &[
                ("runs", c.with_us.runs.to_string().into()),
                ("seed", c.seed.to_string().into()),
                ("days", format!("{:.0}", c.horizon_days).into()),
            ],
        )),
    );
    out.push_str(&svg::line_chart(&by_day(c, m)));
    summary_table(out, c, m);
    out.push_str(&svg::line_chart(&by_year(c, m)));
    let holds = match c.first_year_europe_holds {
        Some(year) => m.f(
            "campaign-holds-from",
            &[
                ("day", format!("{:.0}", c.hold_day).into()),
                ("confidence", percent_in(c.hold_confidence, m.lang()).into()),
                ("year", year.to_string().into()),
            ],
        ),
        None => {
            m.f("campaign-never-holds", &[("confidence", percent_in(c.hold_confidence, m.lang()).into())])
        }
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&m.f(
            "note-campaign-years",
            &[
                ("runs", bulwark_assess::campaign_inputs::YEAR_RUNS.to_string().into()),
                ("holds", holds.into())
            ],
        )),
    );
    out.push_str("</section>\n");
}

fn percent_in(v: f64, lang: Lang) -> String {
    lang.pct((100.0 * v).round(), 0)
}

/// The tick formatter of the charts (a plain function) for the report's language.
fn percent_format(m: &Messages) -> fn(f64) -> String {
    match m.lang() {
        Lang::En => |v| percent_in(v, Lang::En),
        Lang::Ja => |v| percent_in(v, Lang::Ja),
    }
}

fn by_day(c: &CampaignAssessment, m: &Messages) -> LineChart {
    let n_days = c.with_us.p_hold_by_day.len().min(c.without_us.p_hold_by_day.len());
    let line = |name: &str, color: &'static str, curve: &HoldCurve| LineSeries {
        series: Series { name: name.to_string(), color },
        values: curve.p_hold_by_day[..n_days].to_vec(),
    };
    LineChart {
        title: m.t("chart-hold-by-day"),
        x_title: m.t("axis-day-campaign"),
        y_title: m.t("axis-p-hold"),
        bands: vec![],
        years: (0..n_days).map(|d| d.min(usize::from(u16::MAX)) as u16).collect(),
        lines: vec![
            line(&m.t("col-with-the-us-plain"), BLUE, &c.with_us),
            line(&m.t("col-without-the-us"), ORANGE, &c.without_us),
        ],
        references: vec![Reference {
            value: c.hold_confidence,
            label: m.f("ref-confidence", &[("value", percent_in(c.hold_confidence, m.lang()).into())]),
            color: GREY,
        }],
        format: percent_format(m),
    }
}

fn by_year(c: &CampaignAssessment, m: &Messages) -> LineChart {
    LineChart {
        title: m.f("chart-hold-by-year", &[("day", format!("{:.0}", c.hold_day).into())]),
        x_title: m.t("axis-year-attack"),
        y_title: m.t("axis-p-hold"),
        bands: vec![],
        years: c.by_year.iter().map(|y| y.year).collect(),
        lines: vec![LineSeries {
            series: Series { name: m.t("series-europe-growing"), color: ORANGE },
            values: c.by_year.iter().map(|y| y.p_hold).collect(),
        }],
        references: vec![
            Reference { value: c.with_us.p_hold, label: m.t("ref-today-with-us"), color: BLUE },
            Reference {
                value: c.hold_confidence,
                label: m.f("ref-confidence", &[("value", percent_in(c.hold_confidence, m.lang()).into())]),
                color: GREY,
            },
        ],
        format: percent_format(m),
    }
}

fn summary_table(out: &mut String, c: &CampaignAssessment, m: &Messages) {
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th></th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        escape(&m.t("col-with-the-us-plain")),
        escape(&m.t("col-without-the-us")),
    );
    let row = |out: &mut String, label: &str, with: String, without: String| {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{label}</th><td class=\"num\">{with}</td><td class=\"num\">{without}</td></tr>"
        );
    };
    row(
        out,
        &m.f("row-holds-to-day", &[("day", format!("{:.0}", c.hold_day).into())]),
        m.p_hold(c.with_us.p_hold),
        m.p_hold(c.without_us.p_hold),
    );
    let median = |curve: &HoldCurve| {
        curve
            .median_hours
            .map_or_else(|| m.t("held"), |h| m.f("figval-hours", &[("n", format!("{h:.0}").into())]))
    };
    row(out, &m.t("row-median-time"), median(&c.with_us), median(&c.without_us));
    let losses = |curve: &HoldCurve| format!("{:.1} / {:.1}", curve.mean_losses.0, curve.mean_losses.1);
    row(out, &m.t("row-mean-losses"), losses(&c.with_us), losses(&c.without_us));
    row(out, &m.t("row-failed-runs"), c.with_us.failed.to_string(), c.without_us.failed.to_string());
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use bulwark_assess::campaign_inputs::{CampaignAssessment, Growth, HoldCurve, InPlace, Window, YearHold};

    use super::*;

    fn curve(p: f64) -> HoldCurve {
        HoldCurve {
            runs: 10,
            failed: 0,
            p_hold_by_day: vec![1.0, 0.8, p],
            p_hold: p,
            p_hold_at: vec![(7, p)],
            hours_quantiles: vec![(0.5, Some(40.0))],
            median_hours: Some(40.0),
            mean_losses: (5.0, 4.0),
        }
    }

    #[test]
    fn the_section_has_both_charts_and_the_table() {
        let c = CampaignAssessment {
            seed: 7,
            year: 2030,
            hold_day: 2.0,
            hold_confidence: 0.75,
            horizon_days: 2.0,
            with_us: curve(0.6),
            without_us: curve(0.2),
            by_year: vec![YearHold {
                year: 2025,
                p_hold: 0.2,
                p_hold_with_us: 0.5,
                runs: 300,
                red_battalions: (30.0, 20.0),
                growth: Growth::default(),
                in_place: InPlace { light: 6.0, heavy: 5.0, forward_heavy: 0.0 },
            }],
            first_year_europe_holds: None,
            window: Window {
                years_without_us: vec![2025],
                years_with_us: vec![2025],
                lever_years: vec![2025],
                levers: vec![],
            },
            europe_brigades: 80.0,
            brigades_estimated_for: vec![],
        };
        let m = Messages::new(Lang::En);
        let mut out = String::new();
        let mut html = String::new();
        html.push_str(&svg::line_chart(&by_day(&c, &m)));
        summary_table(&mut out, &c, &m);
        assert!(html.contains("<svg") && html.contains("without the US"));
        assert!(out.contains("60.0 %") && out.contains("20.0 %") && out.contains("40 h"));
        assert!(svg::line_chart(&by_year(&c, &m)).contains("today with the US"));
        let ja = Messages::new(Lang::Ja);
        let mut out = String::new();
        summary_table(&mut out, &c, &ja);
        assert!(out.contains("60.0%") && out.contains("40時間") && out.contains("米国抜き"), "{out}");
    }
}
