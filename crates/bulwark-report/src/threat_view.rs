//! The threat trajectory and the window of vulnerability as terminal text or Markdown: the
//! readiness clocks, Russia's force and P(hold) year by year with
//! and without the US, the levers, and the figures the dataset lacks.

use bulwark_assess::campaign_inputs::CampaignAssessment;
use bulwark_assess::threat_inputs::ThreatAssessment;
use bulwark_assess::Assessment;

use crate::assessment_view::Flavour;
use crate::text_table::{format_number, TextTable};

/// The section, headed by `h2` (empty when neither model ran).
pub(crate) fn section(a: &Assessment, flavour: Flavour, h2: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    if let Some(t) = &a.threat {
        out.push_str(&h2("Russia over time: readiness clocks"));
        out.push_str(&render(&clock_table(t), flavour));
        out.push_str(&missing_note(t));
    }
    if let Some(c) = &a.campaign {
        out.push_str(&h2("Window of vulnerability"));
        out.push_str(&render(&window_table(c, a.threat.as_ref()), flavour));
        out.push_str(&render(&lever_table(c), flavour));
        out.push_str(&render(&days_table(c), flavour));
    }
    out
}

fn render(t: &TextTable, flavour: Flavour) -> String {
    match flavour {
        Flavour::Terminal => t.render(),
        Flavour::Markdown => t.render_markdown(),
    }
}

fn year_or_never(year: Option<f64>) -> String {
    year.map_or_else(|| "not by the horizon".to_string(), |y| format!("{y:.1}"))
}

/// One row per clock: requirement, earliest year (10 %, median, 90 %), share never reached.
pub(crate) fn clock_table(t: &ThreatAssessment) -> TextTable {
    let mut table = TextTable::new(&[
        "war",
        "needs (battalions)",
        "earliest year, median",
        "10–90 %",
        "not by the horizon",
    ]);
    for clock in &t.clocks {
        table.row(vec![
            clock.title.to_string(),
            format_number(clock.required_battalions, 0),
            year_or_never(clock.year_median),
            format!("{} – {}", year_or_never(clock.year_low), year_or_never(clock.year_high)),
            format!("{:.0} %", 100.0 * clock.p_never),
        ]);
    }
    table
}

/// The lines whose figures the dataset lacks, in a sentence per line.
fn missing_note(t: &ThreatAssessment) -> String {
    let mut out = String::new();
    for line in t.lines.iter().filter(|l| !l.missing.is_empty()) {
        out.push_str(&format!("{}: not in the dataset: {}.\n", line.line, line.missing.join(", ")));
    }
    out
}

/// Per year: Russia's battalions available against NATO, Red's echelons, P(hold) alone and
/// with the US, and whether the year is in the window.
pub(crate) fn window_table(c: &CampaignAssessment, t: Option<&ThreatAssessment>) -> TextTable {
    let mut table = TextTable::new(&[
        "year",
        "Russia available (bn, median)",
        "Red first + follow-on (bn)",
        "P(hold) Europe alone",
        "P(hold) with the US",
        "in the window",
    ]);
    for y in &c.by_year {
        let available = t
            .and_then(|t| t.years.iter().find(|f| f.year == y.year))
            .map_or_else(|| "—".to_string(), |f| format_number(f.battalions.median, 0));
        table.row(vec![
            y.year.to_string(),
            available,
            format!("{} + {}", format_number(y.red_battalions.0, 0), format_number(y.red_battalions.1, 0)),
            format!("{:.0} %", 100.0 * y.p_hold),
            format!("{:.0} %", 100.0 * y.p_hold_with_us),
            if c.window.years_without_us.contains(&y.year) { "yes" } else { "no" }.to_string(),
        ]);
    }
    table
}

/// The levers, most effective first.
pub(crate) fn lever_table(c: &CampaignAssessment) -> TextTable {
    let checked = match (c.window.lever_years.first(), c.window.lever_years.last()) {
        (Some(first), Some(last)) => format!("years out of the window ({first}–{last})"),
        _ => "years out of the window".to_string(),
    };
    let mut table = TextTable::new(&["closed at once", &checked, "mean P(hold) gain"]);
    for lever in &c.window.levers {
        table.row(vec![
            lever.lever.to_string(),
            lever.years_removed.to_string(),
            format!("{:+.1} points", 100.0 * lever.mean_p_hold_gain),
        ]);
    }
    table
}

/// The campaign year's distribution of days: P(hold) at the report days and quantiles.
pub(crate) fn days_table(c: &CampaignAssessment) -> TextTable {
    let mut table = TextTable::new(&[&format!("campaign in {}", c.year), "with the US", "without the US"]);
    for ((day, with), (_, without)) in c.with_us.p_hold_at.iter().zip(&c.without_us.p_hold_at) {
        table.row(vec![
            format!("P(hold) at day {day}"),
            format!("{:.0} %", 100.0 * with),
            format!("{:.0} %", 100.0 * without),
        ]);
    }
    let days =
        |hours: Option<f64>| hours.map_or_else(|| "held".to_string(), |h| format!("{:.1} days", h / 24.0));
    for ((q, with), (_, without)) in c.with_us.hours_quantiles.iter().zip(&c.without_us.hours_quantiles) {
        table.row(vec![format!("time to the objective, {:.0} %", 100.0 * q), days(*with), days(*without)]);
    }
    table
}

/// Small hand-built inputs for the renderers' tests.
#[cfg(test)]
pub(crate) mod fixture {
    use bulwark_assess::campaign_inputs::{CampaignAssessment, Growth, HoldCurve, Lever, Window, YearHold};
    use bulwark_assess::threat_inputs::{LineStatus, Range3, ReadinessClock, ThreatAssessment, YearForce};

    fn curve(p: f64) -> HoldCurve {
        HoldCurve {
            runs: 10,
            failed: 0,
            p_hold_by_day: vec![1.0, p],
            p_hold: p,
            p_hold_at: vec![(7, 0.9), (60, p)],
            hours_quantiles: vec![(0.5, Some(240.0)), (0.9, None)],
            median_hours: Some(240.0),
            mean_losses: (5.0, 4.0),
        }
    }

    pub(crate) fn campaign() -> CampaignAssessment {
        let year = |year: u16, p_hold: f64, brigades: f64| YearHold {
            year,
            p_hold,
            p_hold_with_us: 0.9,
            red_battalions: (30.0, 20.0),
            growth: Growth { year, brigades, ..Growth::default() },
        };
        CampaignAssessment {
            seed: 7,
            year: 2030,
            hold_day: 28.0,
            hold_confidence: 0.75,
            horizon_days: 60.0,
            with_us: curve(0.8),
            without_us: curve(0.3),
            by_year: vec![year(2029, 0.5, 2.0), year(2030, 0.8, 4.0)],
            first_year_europe_holds: Some(2030),
            window: Window {
                years_without_us: vec![2029],
                years_with_us: vec![],
                lever_years: vec![2029],
                levers: vec![Lever { lever: "manoeuvre_brigades", years_removed: 1, mean_p_hold_gain: 0.3 }],
            },
            europe_brigades: 80.0,
            brigades_estimated_for: vec![],
        }
    }

    pub(crate) fn threat() -> ThreatAssessment {
        ThreatAssessment {
            adversary: "RUS".into(),
            seed: 7,
            n_draws: 10,
            n_failed: 0,
            years: vec![
                YearForce {
                    year: 2029,
                    battalions: Range3 { low: 40.0, median: 55.0, high: 70.0 },
                    pacing: "personnel".into(),
                    ukraine_share: 0.3,
                },
                YearForce {
                    year: 2030,
                    battalions: Range3 { low: 60.0, median: 110.0, high: 130.0 },
                    pacing: "personnel".into(),
                    ukraine_share: 0.2,
                },
            ],
            clocks: vec![
                ReadinessClock {
                    id: "local",
                    title: "local war",
                    parameter: bulwark_scenario::Param::ThreatLocalWarBattalions,
                    required_battalions: 30.0,
                    year_low: Some(2027.5),
                    year_median: Some(2028.25),
                    year_high: None,
                    p_never: 0.15,
                },
                ReadinessClock {
                    id: "large",
                    title: "large-scale war",
                    parameter: bulwark_scenario::Param::ThreatLargeWarBattalions,
                    required_battalions: 110.0,
                    year_low: None,
                    year_median: None,
                    year_high: None,
                    p_never: 1.0,
                },
            ],
            lines: vec![LineStatus {
                line: "infantry_fighting_vehicles".into(),
                active: None,
                stored: None,
                missing: vec!["holding", "losses"],
                sources: vec![],
                derivations: vec![],
                force: None,
            }],
            personnel: Some((1_000_000.0, "src".into())),
            war_end_year: 2027.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_carry_the_clocks_the_window_and_the_levers() {
        let (c, t) = (fixture::campaign(), fixture::threat());
        let clocks = clock_table(&t).render();
        assert!(clocks.contains("2028.2") && clocks.contains("2027.5 – not by the horizon"), "{clocks}");
        assert!(clocks.contains("100 %"), "{clocks}");
        let window = window_table(&c, Some(&t)).render();
        assert!(window.contains("2029") && window.contains("50 %") && window.contains("yes"), "{window}");
        assert!(window.contains("110") && window.contains("30 + 20"), "{window}");
        assert!(lever_table(&c).render().contains("+30.0 points"));
        let days = days_table(&c).render_markdown();
        assert!(
            days.contains("P(hold) at day 60") && days.contains("10.0 days") && days.contains("held"),
            "{days}"
        );
        assert!(missing_note(&t).contains("infantry_fighting_vehicles: not in the dataset: holding, losses"));
    }
}
