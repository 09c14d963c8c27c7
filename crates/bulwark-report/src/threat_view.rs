//! The threat trajectory and the window of vulnerability as terminal text or Markdown: the
//! readiness clocks, Russia's force and P(hold) year by year with
//! and without the US, the levers, and the figures the dataset lacks.

use bulwark_assess::campaign_inputs::CampaignAssessment;
use bulwark_assess::threat_inputs::ThreatAssessment;
use bulwark_assess::Assessment;

use bulwark_assess::threat_inputs::ReadinessClock;

use crate::assessment_view::Flavour;
use crate::i18n::Messages;
use crate::text_table::{format_number, TextTable};

/// The section, headed by `h2` (empty when neither model ran).
pub(crate) fn section(a: &Assessment, flavour: Flavour, h2: &dyn Fn(&str) -> String, m: &Messages) -> String {
    let mut out = String::new();
    if let Some(t) = &a.threat {
        out.push_str(&h2(&m.t("h-clocks")));
        out.push_str(&render(&clock_table(t, m), flavour));
        out.push_str(&missing_note(t, m));
    }
    if let Some(c) = &a.campaign {
        out.push_str(&h2(&m.t("h-window")));
        out.push_str(&render(&window_table(c, a.threat.as_ref(), m), flavour));
        out.push_str(&format!("{}\n\n", window_runs_note(c, m)));
        out.push_str(&m.t("note-in-place"));
        out.push_str("\n\n");
        out.push_str(&render(&lever_table(c, m), flavour));
        out.push_str(&render(&days_table(c, m), flavour));
    }
    out
}

/// A readiness clock's title in the report's language.
pub(crate) fn clock_title(clock: &ReadinessClock, m: &Messages) -> String {
    m.lookup("clock", clock.id, clock.title)
}

/// A table whose header cells are catalogue ids.
fn headed(ids: &[&str], m: &Messages) -> TextTable {
    let header: Vec<String> = ids.iter().map(|id| m.t(id)).collect();
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    TextTable::new(&refs)
}

/// A table and the blank line that ends it (Markdown joins tables that touch).
fn render(t: &TextTable, flavour: Flavour) -> String {
    let table = match flavour {
        Flavour::Terminal => t.render(),
        Flavour::Markdown => t.render_markdown(),
    };
    table + "\n"
}

fn line_in_a_sentence(line: &str, m: &Messages) -> String {
    let name = m.line_name(line, line);
    match m.lang() {
        crate::i18n::Lang::En => crate::assessment_summary::in_a_sentence(&name),
        crate::i18n::Lang::Ja => name,
    }
}

fn year_or_never(year: Option<f64>, m: &Messages) -> String {
    year.map_or_else(|| m.t("not-by-horizon"), |y| format!("{y:.0}"))
}

fn pct(fraction: f64, m: &Messages) -> String {
    m.pct((100.0 * fraction).round(), 0)
}

/// One row per clock: requirement, earliest year (10 %, median, 90 %), share never reached.
pub(crate) fn clock_table(t: &ThreatAssessment, m: &Messages) -> TextTable {
    let mut table =
        headed(&["col-war", "col-needs-battalions", "col-earliest-median", "col-10-90", "not-by-horizon"], m);
    for clock in &t.clocks {
        table.row(vec![
            clock_title(clock, m),
            format_number(clock.required_battalions, 0),
            year_or_never(clock.year_median, m),
            format!("{} – {}", year_or_never(clock.year_low, m), year_or_never(clock.year_high, m)),
            pct(clock.p_never, m),
        ]);
    }
    table
}

/// The lines whose figures the dataset lacks, in a sentence per line.
fn missing_note(t: &ThreatAssessment, m: &Messages) -> String {
    let mut out = String::new();
    for line in t.lines.iter().filter(|l| !l.missing.is_empty()) {
        let missing: Vec<String> = line
            .missing
            .iter()
            .map(|what| m.lookup("threat-missing", &what.replace(' ', "-"), what))
            .collect();
        out.push_str(&m.f(
            "not-in-dataset",
            &[("line", line_in_a_sentence(&line.line, m).into()), ("missing", missing.join(", ").into())],
        ));
        out.push('\n');
    }
    out
}

/// Per year: Russia's battalions available against NATO, Red's echelons, Europe's battalions
/// in place at the attack (today's + the build-up's brigades based forward), P(hold) alone and
/// with the US, and whether the year is in the window.
pub(crate) fn window_table(c: &CampaignAssessment, t: Option<&ThreatAssessment>, m: &Messages) -> TextTable {
    let mut table = headed(
        &[
            "col-year",
            "col-russia-available",
            "col-red-echelons",
            "col-blue-in-place",
            "col-p-hold-alone",
            "col-p-hold-with-us",
            "col-in-window",
        ],
        m,
    );
    for y in &c.by_year {
        let available = t
            .and_then(|t| t.years.iter().find(|f| f.year == y.year))
            .map_or_else(|| "—".to_string(), |f| format_number(f.battalions.median, 0));
        table.row(vec![
            y.year.to_string(),
            available,
            format!("{} + {}", format_number(y.red_battalions.0, 0), format_number(y.red_battalions.1, 0)),
            format!(
                "{} + {}",
                format_number(y.in_place.today(), 0),
                format_number(y.in_place.forward_heavy, 0)
            ),
            m.p_hold(y.p_hold),
            m.p_hold(y.p_hold_with_us),
            m.t(if c.window.years_without_us.contains(&y.year) { "yes" } else { "no" }),
        ]);
    }
    table
}

/// How many runs each year's P(hold) rests on: the years' own ensembles, and the campaign
/// year's, which is the headline's (so the year reads the same figure as Q2's answer).
pub(crate) fn window_runs_note(c: &CampaignAssessment, m: &Messages) -> String {
    let year_runs = c.by_year.iter().find(|y| y.year != c.year).map(|y| y.runs);
    let headline = c.by_year.iter().find(|y| y.year == c.year);
    let mut sentences = Vec::new();
    if let Some(runs) = year_runs {
        sentences.push(m.f("window-runs", &[("runs", crate::format_count(runs as f64).into())]));
    }
    if let Some(y) = headline {
        sentences.push(m.f(
            "window-runs-headline",
            &[("year", y.year.to_string().into()), ("runs", crate::format_count(y.runs as f64).into())],
        ));
    }
    sentences.join(" ")
}

/// A lever of the window by name: the line it closes, or its group of lines (`lever-<id>`),
/// else its id.
fn lever_name(id: &str, m: &Messages) -> String {
    let line = m.lookup("line", id, "");
    if line.is_empty() {
        m.lookup("lever", id, id)
    } else {
        line
    }
}

/// The levers, most effective first.
pub(crate) fn lever_table(c: &CampaignAssessment, m: &Messages) -> TextTable {
    let checked = if c.window.lever_years.is_empty() {
        m.t("col-years-out")
    } else {
        m.f("col-years-out-span", &[("years", m.year_runs(&c.window.lever_years).into())])
    };
    let closed = m.t("col-closed-at-once");
    let gain = m.t("col-mean-gain");
    let mut table = TextTable::new(&[&closed, &checked, &gain]);
    for lever in &c.window.levers {
        table.row(vec![
            lever_name(lever.lever, m),
            lever.years_removed.to_string(),
            m.f("points", &[("n", format!("{:+.1}", 100.0 * lever.mean_p_hold_gain).into())]),
        ]);
    }
    table
}

/// The campaign year's distribution of days: P(hold) at the report days and quantiles.
pub(crate) fn days_table(c: &CampaignAssessment, m: &Messages) -> TextTable {
    let campaign = m.f("col-campaign-in", &[("year", c.year.to_string().into())]);
    let (with_us, without_us) = (m.t("col-with-the-us-plain"), m.t("col-without-the-us"));
    let mut table = TextTable::new(&[&campaign, &with_us, &without_us]);
    for ((day, with), (_, without)) in c.with_us.p_hold_at.iter().zip(&c.without_us.p_hold_at) {
        table.row(vec![
            m.f("p-hold-at-day", &[("day", day.to_string().into())]),
            m.p_hold(*with),
            m.p_hold(*without),
        ]);
    }
    let days = |hours: Option<f64>| {
        hours.map_or_else(|| m.t("held"), |h| m.f("days", &[("n", format!("{:.1}", h / 24.0).into())]))
    };
    for ((q, with), (_, without)) in c.with_us.hours_quantiles.iter().zip(&c.without_us.hours_quantiles) {
        table.row(vec![
            m.f("time-to-objective", &[("q", m.pct((100.0 * q).round(), 0).into())]),
            days(*with),
            days(*without),
        ]);
    }
    table
}

/// Small hand-built inputs for the renderers' tests.
#[cfg(test)]
pub(crate) mod fixture {
    use bulwark_assess::campaign_inputs::{
        CampaignAssessment, Growth, HoldCurve, InPlace, Lever, Window, YearHold,
    };
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
            runs: if year == 2030 { 2000 } else { 300 },
            red_battalions: (30.0, 20.0),
            growth: Growth { year, brigades, forward_brigades: brigades / 2.0, ..Growth::default() },
            in_place: InPlace { light: 6.0, heavy: 5.0, forward_heavy: 1.5 * brigades },
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

    /// Review finding 5: a P(hold) of 0.7467 sits below a 75 % confidence and is counted in
    /// the window; it reads 74.7 %, not the 75 % it falls short of.
    #[test]
    fn review_5_p_hold_below_the_confidence_never_reads_as_the_confidence() {
        let (mut c, t) = (fixture::campaign(), fixture::threat());
        c.by_year[0].p_hold = 0.7467;
        let m = Messages::new(crate::i18n::Lang::En);
        let window = window_table(&c, Some(&t), &m).render();
        let row = window.lines().find(|l| l.starts_with("2029")).unwrap();
        assert!(row.contains("74.7 %") && row.ends_with("yes"), "{window}");
        assert!(!window.contains(" 75 %"), "{window}");
        assert_eq!(m.p_hold(0.55), "55.0 %");
        assert_eq!(Messages::new(crate::i18n::Lang::Ja).p_hold(0.7467), "74.7%");
    }

    #[test]
    fn the_tables_carry_the_clocks_the_window_and_the_levers() {
        let (c, t) = (fixture::campaign(), fixture::threat());
        let m = Messages::new(crate::i18n::Lang::En);
        let clocks = clock_table(&t, &m).render();
        // Whole years: a clock's median is no more precise than its 10–90 % range.
        assert!(clocks.contains("2028 ") && clocks.contains("2028 – not by the horizon"), "{clocks}");
        assert!(!clocks.contains("2028.2"), "{clocks}");
        assert!(clocks.contains("100 %"), "{clocks}");
        let window = window_table(&c, Some(&t), &m).render();
        assert!(window.contains("2029") && window.contains("50.0 %") && window.contains("yes"), "{window}");
        assert!(window.contains("110") && window.contains("30 + 20"), "{window}");
        // Europe in place: today's 11 battalions, and the build-up's forward brigades (1 and 2
        // of them, 3 and 6 battalions).
        assert!(window.contains("Europe in place") && window.contains("11 + 3"), "{window}");
        let row_2030 = window.lines().find(|l| l.starts_with("2030")).unwrap();
        assert!(row_2030.contains("11 + 6"), "{window}");
        assert!(lever_table(&c, &m).render().contains("+30.0 points"));
        let days = days_table(&c, &m).render_markdown();
        assert!(
            days.contains("P(hold) at day 60") && days.contains("10.0 days") && days.contains("held"),
            "{days}"
        );
        assert!(
            missing_note(&t, &m).contains(
                "Russia's infantry fighting vehicles: the dataset has no figure for its holding, losses"
            ),
            "{}",
            missing_note(&t, &m)
        );
    }
}
