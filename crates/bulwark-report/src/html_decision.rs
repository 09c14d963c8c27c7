//! The `#decision` section of the HTML report: the alliance decision-time model (docs/design.md
//! §4.7) — its rules, the cumulative distribution of time to decision per rule with and without
//! the US as a chart, the probability of paralysis, and its inputs per member with their
//! sources (or the judgement used instead).

use std::fmt::Write;

use bulwark_assess::decision_inputs::{DecisionAssessment, TimeDistribution};
use bulwark_assess::Assessment;

use crate::assessment_html::escape;
use crate::json_decision::{parliament_label, EQUATION};
use crate::svg::{self, LineChart, LineSeries, Series};
use crate::text_table::format_number;

/// Colour per body (with the US) and its light shade (without).
const COLORS: [(&str, &str); 4] = [
    (crate::svg::palette::BLUE, crate::svg::palette::SKY),
    (crate::svg::palette::PURPLE, crate::svg::palette::PURPLE),
    (crate::svg::palette::GREEN, crate::svg::palette::GREEN),
    (crate::svg::palette::VERMILLION, crate::svg::palette::ORANGE),
];

/// Longest time the chart shows, days.
const MAX_CHART_DAYS: f64 = 30.0;

/// Writes the `#decision` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment) {
    out.push_str("<section id=\"decision\" class=\"chart-section\">\n<h3>Alliance decision time</h3>\n");
    let Some(decision) = &a.decision else {
        out.push_str(
            "<p class=\"note\">The decision-time model refused its inputs; see the integration axis.</p>\n\
             </section>\n",
        );
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">Time from the start of a crisis to a decision to act, over {} seeded draws \
         (seed {}). {}. Probability of deciding within {} h by the earlier of the North Atlantic Council \
         and a coalition of the willing: <strong>{:.0} %</strong> with the US leading, \
         <strong>{:.0} %</strong> without (scenario: {:.0} %).</p>",
        decision.n_draws,
        decision.seed,
        escape(EQUATION),
        format_number(decision.required_hours, 0),
        100.0 * decision.p_in_time_with_us,
        100.0 * decision.p_in_time_without_us,
        100.0 * decision.p_in_time,
    );
    out.push_str(&svg::line_chart(&chart(decision)));
    rules(out, decision);
    parameters(out, decision);
    sensitivity(out, decision);
    members(out, decision);
    out.push_str("</section>\n");
}

/// Deciding in time with each judgement parameter moved by −20 % and +20 %.
fn sensitivity(out: &mut String, decision: &DecisionAssessment) {
    out.push_str(
        "<h3>Sensitivity</h3>\n<table>\n<thead><tr><th>parameter moved</th><th class=\"num\">P(in time), US leads</th>\
         <th class=\"num\">P(in time), without the US</th></tr></thead>\n<tbody>\n",
    );
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">central values</th><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td></tr>",
        decision.p_in_time_with_us, decision.p_in_time_without_us
    );
    for s in &decision.sensitivity {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{} {:+.0} %</th><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td></tr>",
            escape(s.parameter.name()),
            100.0 * (s.factor - 1.0),
            s.p_in_time_with_us,
            s.p_in_time_without_us
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The probability of having decided by `hours`, interpolated linearly between the points of
/// the cumulative distribution (from 0 at hour 0).
fn decided_by(dist: &TimeDistribution, hours: f64) -> f64 {
    let mut previous = (0.0, 0.0);
    for &(at, p) in &dist.cdf {
        if hours < at {
            let span = at - previous.0;
            return if span > 0.0 { previous.1 + (p - previous.1) * (hours - previous.0) / span } else { p };
        }
        previous = (at, p);
    }
    previous.1
}

fn chart(decision: &DecisionAssessment) -> LineChart {
    let slowest_hours = decision
        .bodies
        .iter()
        .flat_map(|b| [&b.with_us, &b.without_us])
        .filter_map(|d| d.cdf.iter().rev().nth(1).map(|point| point.0))
        .fold(24.0, f64::max);
    let n_days = (slowest_hours / 24.0).ceil().clamp(1.0, MAX_CHART_DAYS) as u16;
    let days: Vec<u16> = (0..=n_days).collect();
    let mut lines = Vec::new();
    for (body, (dark, light)) in decision.bodies.iter().zip(COLORS) {
        for (dist, color, case) in
            [(&body.with_us, dark, "with the US"), (&body.without_us, light, "without")]
        {
            lines.push(LineSeries {
                series: Series { name: format!("{}, {case}", body.title), color },
                values: days.iter().map(|day| decided_by(dist, 24.0 * f64::from(*day))).collect(),
            });
        }
    }
    LineChart {
        title: "Probability of having decided, by day since the crisis began".into(),
        x_title: "days since the crisis began".into(),
        y_title: "probability of having decided (%)".into(),
        bands: vec![],
        years: days,
        lines,
        references: vec![],
        format: |v| format!("{:.0} %", 100.0 * v),
    }
}

fn rules(out: &mut String, decision: &DecisionAssessment) {
    let hours = format_number(decision.required_hours, 0);
    let _ = writeln!(
        out,
        "<p class=\"note\">x axis: days since the crisis began; each line rises to 1 − P(paralysis). \
         Dark lines: the US a member and leading; light lines: without the US, coordination penalty added.</p>\n\
         <table class=\"compact\">\n<thead><tr><th>Body</th><th>rule</th><th>members</th>\
         <th>P(paralysis), with the US</th><th>without</th><th>median time, with the US</th><th>without</th>\
         <th>P(within {hours} h), with the US</th><th>without</th></tr></thead>\n<tbody>"
    );
    let median = |d: &TimeDistribution| {
        d.median_hours.map_or_else(|| "never".into(), |h| format!("{} h", format_number(h, 0)))
    };
    for body in &decision.bodies {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0} %</td>\
             <td class=\"num\">{:.0} %</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{:.0} %</td><td class=\"num\">{:.0} %</td></tr>",
            escape(body.title),
            escape(body.rule),
            body.n_members,
            100.0 * body.with_us.p_paralysis,
            100.0 * body.without_us.p_paralysis,
            median(&body.with_us),
            median(&body.without_us),
            100.0 * body.with_us.p_within_required,
            100.0 * body.without_us.p_within_required,
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn parameters(out: &mut String, decision: &DecisionAssessment) {
    let p = &decision.params;
    let rows = [
        (
            "median government time (per member, lognormal)",
            format!("{} h", format_number(decision.median_government_hours, 0)),
        ),
        (
            "median parliament time where a vote is required",
            format!("{} h", format_number(decision.median_parliament_hours, 0)),
        ),
        ("P(vote required) where no rule is sourced", format!("{:.2}", p.unknown_parliament_probability)),
        ("P(government refuses)", format!("{:.3}", p.government_refusal_probability)),
        ("P(parliament refuses), where it votes", format!("{:.3}", p.parliament_refusal_probability)),
        (
            "coordination penalty without the US",
            format!("{} h", format_number(p.coordination_penalty_hours, 0)),
        ),
        ("coalition of the willing: share of forces", format!("{:.0} %", 100.0 * p.coalition_force_share)),
        ("US leadership kept (us_posture.enablers)", format!("{:.2}", decision.facts.us_leads)),
    ];
    out.push_str("<table class=\"compact\">\n<thead><tr><th>Judgement (central value)</th><th>value</th></tr></thead>\n<tbody>\n");
    for (label, value) in rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
            escape(label),
            escape(&value)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn members(out: &mut String, decision: &DecisionAssessment) {
    let facts = &decision.facts;
    let _ = writeln!(
        out,
        "<p class=\"note\">Parliament rule by judgement (no sourced rule; vote assumed with probability {:.2}): {}. \
         Counted with no forces (no active-personnel figure): {}. Left out (no population figure): {}.</p>",
        decision.params.unknown_parliament_probability,
        list(&facts.judgement_parliament),
        list(&facts.without_forces),
        list(&facts.without_population),
    );
    out.push_str(
        "<details><summary>Members</summary>\n<table class=\"compact\">\n<thead><tr><th>Member</th>\
         <th>population, m</th><th>active forces, k</th><th>parliament vote</th><th>source</th></tr></thead>\n<tbody>\n",
    );
    for row in facts.members.iter().chain(&facts.us) {
        let m = &row.member;
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&m.iso3),
            format_number(m.population / 1e6, 1),
            format_number(m.forces / 1e3, 1),
            parliament_label(m.parliament).replace('_', " "),
            row.parliament_source.as_deref().map_or_else(|| "judgement".into(), |s| format!("<code>{}</code>", escape(s))),
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        escape(&items.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    #[test]
    fn the_section_has_one_chart_a_rule_table_and_the_judgement_list() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let mut out = String::new();
        section(&mut out, &a);
        assert!(out.starts_with("<section id=\"decision\""));
        assert_eq!(out.matches("<svg").count(), 1);
        assert_eq!(out.matches("<polyline").count(), 8, "four rules, with and without the US");
        assert!(out.contains("North Atlantic Council") && out.contains("qualified majority"));
        assert!(
            out.contains("<h3>Sensitivity</h3>") && out.contains("decision_coordination_penalty_hours +20 %")
        );
        assert!(out.contains("Parliament rule by judgement") && out.contains("BEL"));
    }

    #[test]
    fn decided_by_interpolates_and_levels_off_at_one_minus_paralysis() {
        let dist = TimeDistribution {
            p_paralysis: 0.2,
            median_hours: Some(20.0),
            cdf: vec![(10.0, 0.4), (20.0, 0.6), (30.0, 0.8)],
            p_within_required: 0.6,
        };
        assert!((decided_by(&dist, 5.0) - 0.2).abs() < 1e-12);
        assert!((decided_by(&dist, 15.0) - 0.5).abs() < 1e-12);
        assert!((decided_by(&dist, 100.0) - 0.8).abs() < 1e-12);
    }
}
