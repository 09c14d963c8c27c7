//! The `#campaign` section of the HTML report: the Baltic campaign ensemble (docs/design.md §4.4) —
//! the probability that the defence holds by day with and without the US, and year by year as
//! European forces grow without the US (the curve that answers "when could Europe hold without
//! the US?").

use std::fmt::Write;

use bulwark_assess::campaign_inputs::{CampaignAssessment, HoldCurve};
use bulwark_assess::Assessment;

use crate::svg::{self, LineChart, LineSeries, Reference, Series};

const BLUE: &str = crate::svg::palette::BLUE;
const ORANGE: &str = crate::svg::palette::VERMILLION;
const GREY: &str = crate::svg::palette::BLACK;

/// Writes the `#campaign` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment) {
    out.push_str(
        "<section id=\"campaign\" class=\"chart-section\">\n<h3>Baltic campaign: can Europe hold?</h3>\n",
    );
    let Some(c) = &a.campaign else {
        out.push_str("<p class=\"note\">The campaign model refused the scenario's inputs.</p>\n</section>\n");
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">A Russian attack on the Baltic states, {} Monte Carlo runs per case (seed {}), \
         one-hour steps over {:.0} days: Helmbold attrition on effective strengths (prepared defence, air \
         support, ISR), Red's advance slowed by the force ratio, Blue breaking below its break point. \
         \"Holds\" means Red is not at Tallinn or Riga by that day.</p>",
        c.with_us.runs, c.seed, c.horizon_days,
    );
    out.push_str(&svg::line_chart(&by_day(c)));
    summary_table(out, c);
    out.push_str(&svg::line_chart(&by_year(c)));
    let _ = writeln!(
        out,
        "<p class=\"note\">Year by year ({} runs a year, the same draws each year): Europe without the US, its \
         brigades, combat aircraft, SEAD, tankers and airlift grown by what the budget path funds of the gaps a \
         US withdrawal opens (the ledger's funded closure). {}</p>",
        bulwark_assess::campaign_inputs::YEAR_RUNS,
        match c.first_year_europe_holds {
            Some(year) => format!(
                "Europe alone holds to day {:.0} in at least {:.0} % of runs from {year}.",
                c.hold_day,
                100.0 * c.hold_confidence
            ),
            None => format!(
                "Europe alone does not reach {:.0} % by the end of the budget path.",
                100.0 * c.hold_confidence
            ),
        },
    );
    out.push_str("</section>\n");
}

fn percent(v: f64) -> String {
    format!("{:.0} %", 100.0 * v)
}

fn by_day(c: &CampaignAssessment) -> LineChart {
    let n_days = c.with_us.p_hold_by_day.len().min(c.without_us.p_hold_by_day.len());
    let line = |name: &str, color: &'static str, curve: &HoldCurve| LineSeries {
        series: Series { name: name.to_string(), color },
        values: curve.p_hold_by_day[..n_days].to_vec(),
    };
    LineChart {
        title: "Probability that the defence holds, by day".into(),
        x_title: "day of the campaign".into(),
        y_title: "probability the defence holds (%)".into(),
        bands: vec![],
        years: (0..n_days).map(|d| d.min(usize::from(u16::MAX)) as u16).collect(),
        lines: vec![line("with the US", BLUE, &c.with_us), line("without the US", ORANGE, &c.without_us)],
        references: vec![Reference {
            value: c.hold_confidence,
            label: format!("confidence asked ({})", percent(c.hold_confidence)),
            color: GREY,
        }],
        format: percent,
    }
}

fn by_year(c: &CampaignAssessment) -> LineChart {
    LineChart {
        title: format!("Probability that Europe alone holds to day {:.0}, by year", c.hold_day),
        x_title: "year of the attack".into(),
        y_title: "probability the defence holds (%)".into(),
        bands: vec![],
        years: c.by_year.iter().map(|y| y.year).collect(),
        lines: vec![LineSeries {
            series: Series { name: "Europe without the US, growing".into(), color: ORANGE },
            values: c.by_year.iter().map(|y| y.p_hold).collect(),
        }],
        references: vec![
            Reference { value: c.with_us.p_hold, label: "today with the US".into(), color: BLUE },
            Reference {
                value: c.hold_confidence,
                label: format!("confidence asked ({})", percent(c.hold_confidence)),
                color: GREY,
            },
        ],
        format: percent,
    }
}

fn summary_table(out: &mut String, c: &CampaignAssessment) {
    out.push_str(
        "<table class=\"compact\">\n<thead><tr><th></th><th>with the US</th><th>without the US</th></tr></thead>\n<tbody>\n",
    );
    let row = |out: &mut String, label: &str, with: String, without: String| {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{label}</th><td class=\"num\">{with}</td><td class=\"num\">{without}</td></tr>"
        );
    };
    row(
        out,
        &format!("holds to day {:.0}", c.hold_day),
        percent(c.with_us.p_hold),
        percent(c.without_us.p_hold),
    );
    let median =
        |curve: &HoldCurve| curve.median_hours.map_or_else(|| "held".to_string(), |h| format!("{h:.0} h"));
    row(out, "median time to the objective", median(&c.with_us), median(&c.without_us));
    let losses = |curve: &HoldCurve| format!("{:.1} / {:.1}", curve.mean_losses.0, curve.mean_losses.1);
    row(out, "mean losses, Blue / Red (battalions)", losses(&c.with_us), losses(&c.without_us));
    row(out, "failed runs", c.with_us.failed.to_string(), c.without_us.failed.to_string());
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use bulwark_assess::campaign_inputs::{CampaignAssessment, Growth, HoldCurve, Window, YearHold};

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
                red_battalions: (30.0, 20.0),
                growth: Growth::default(),
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
        let mut out = String::new();
        let mut html = String::new();
        html.push_str(&svg::line_chart(&by_day(&c)));
        summary_table(&mut out, &c);
        assert!(html.contains("<svg") && html.contains("without the US"));
        assert!(out.contains("60 %") && out.contains("20 %") && out.contains("40 h"));
        assert!(svg::line_chart(&by_year(&c)).contains("today with the US"));
    }
}
