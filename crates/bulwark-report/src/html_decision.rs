//! The `#decision` section of the HTML report: the alliance decision-time model (docs/design.md
//! §4.7) — its rules, the cumulative distribution of time to decision per rule with and without
//! the US as a chart, the probability of paralysis, and its inputs per member with their
//! sources (or the judgement used instead).

use std::fmt::Write;

use bulwark_assess::decision_inputs::{DecisionAssessment, TimeDistribution};
use bulwark_assess::Assessment;

use crate::assessment_html::escape;
use crate::i18n::{Lang, Messages};
use crate::json_decision::parliament_label;
#[cfg(test)]
use crate::json_decision::EQUATION;
use crate::svg::{self, LineChart, LineSeries, Series};
use crate::text_table::format_number;

/// Colour per body and for the order (with the US) and its light shade (without).
const COLORS: [(&str, &str); 5] = [
    (crate::svg::palette::BLUE, crate::svg::palette::SKY),
    (crate::svg::palette::PURPLE, crate::svg::palette::PURPLE),
    (crate::svg::palette::GREEN, crate::svg::palette::GREEN),
    (crate::svg::palette::VERMILLION, crate::svg::palette::ORANGE),
    (crate::svg::palette::BLACK, crate::svg::palette::GREY),
];

/// Longest time the chart shows, days.
const MAX_CHART_DAYS: f64 = 30.0;

/// Writes the `#decision` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment, m: &Messages) {
    let _ = writeln!(
        out,
        "<section id=\"decision\" class=\"chart-section\">\n<h3>{}</h3>",
        escape(&m.t("h-decision"))
    );
    let Some(decision) = &a.decision else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>\n</section>", escape(&m.t("decision-refused")));
        return;
    };
    let pct = |p: f64| format!("<strong>{}</strong>", m.pct((100.0 * p).round(), 0));
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        m.f(
            "note-decision",
            &[
                ("draws", decision.n_draws.to_string().into()),
                ("seed", decision.seed.to_string().into()),
                ("equation", escape(&m.t("equation-decision")).into()),
                ("hours", format_number(decision.required_hours, 0).into()),
                ("with", pct(decision.p_in_time_with_us).into()),
                ("without", pct(decision.p_in_time_without_us).into()),
                ("scenario", m.pct((100.0 * decision.p_in_time).round(), 0).into()),
            ],
        ),
    );
    out.push_str(&svg::line_chart(&chart(decision, m)));
    rules(out, decision, m);
    parameters(out, decision, m);
    sensitivity(out, decision, m);
    members(out, decision, m);
    out.push_str("</section>\n");
}

/// Deciding in time with each judgement parameter moved by −20 % and +20 %.
fn sensitivity(out: &mut String, decision: &DecisionAssessment, m: &Messages) {
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th></tr></thead>\n<tbody>",
        t("h-sensitivity"),
        t("th-parameter-moved"),
        t("th-p-in-time-us-leads"),
        t("th-p-in-time-without"),
    );
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td></tr>",
        t("row-central-values"),
        decision.p_in_time_with_us,
        decision.p_in_time_without_us
    );
    for s in &decision.sensitivity {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{} {}</th><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td></tr>",
            escape(s.parameter.name()),
            signed_pct(100.0 * (s.factor - 1.0), m),
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

/// A signed whole percentage (`+20 %`, `-20%`).
fn signed_pct(value: f64, m: &Messages) -> String {
    match m.lang() {
        Lang::En => format!("{value:+.0} %"),
        Lang::Ja => format!("{value:+.0}%"),
    }
}

/// A decision body's title in the report's language.
fn body_title(id: &str, title: &str, m: &Messages) -> String {
    m.lookup("body", id, title)
}

fn chart(decision: &DecisionAssessment, m: &Messages) -> LineChart {
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
            [(&body.with_us, dark, m.t("case-with-us")), (&body.without_us, light, m.t("case-without"))]
        {
            lines.push(LineSeries {
                series: Series { name: format!("{}{case}", body_title(body.id, body.title, m)), color },
                values: days.iter().map(|day| decided_by(dist, 24.0 * f64::from(*day))).collect(),
            });
        }
    }
    LineChart {
        title: m.t("chart-decided"),
        x_title: m.t("axis-days-since-crisis"),
        y_title: m.t("axis-p-decided"),
        bands: vec![],
        years: days,
        lines,
        references: vec![],
        format: match m.lang() {
            Lang::En => |v| Lang::En.pct((100.0 * v).round(), 0),
            Lang::Ja => |v| Lang::Ja.pct((100.0 * v).round(), 0),
        },
    }
}

fn rules(out: &mut String, decision: &DecisionAssessment, m: &Messages) {
    let hours = format_number(decision.required_hours, 0);
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>\n\
         <table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t("note-decision-chart"),
        t("th-body"),
        t("th-rule"),
        t("th-members"),
        t("th-p-paralysis-with"),
        t("th-without"),
        t("th-median-time-with"),
        t("th-without"),
        escape(&m.f("th-p-within-with", &[("hours", hours.as_str().into())])),
        t("th-without"),
    );
    let median = |d: &TimeDistribution| {
        d.median_hours
            .map_or_else(|| m.t("never"), |h| m.f("figval-hours", &[("n", format_number(h, 0).into())]))
    };
    let pct = |p: f64| m.pct((100.0 * p).round(), 0);
    for body in &decision.bodies {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&body_title(body.id, body.title, m)),
            escape(&m.lookup("rule", body.id, body.rule)),
            body.n_members,
            pct(body.with_us.p_paralysis),
            pct(body.without_us.p_paralysis),
            median(&body.with_us),
            median(&body.without_us),
            pct(body.with_us.p_within_required),
            pct(body.without_us.p_within_required),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn parameters(out: &mut String, decision: &DecisionAssessment, m: &Messages) {
    let p = &decision.params;
    let hours = |h: f64| m.f("figval-hours", &[("n", format_number(h, 0).into())]);
    let rows = [
        ("row-median-council", hours(decision.median_council_hours)),
        ("row-median-government", hours(decision.median_government_hours)),
        ("row-median-parliament", hours(decision.median_parliament_hours)),
        ("row-p-vote-required", format!("{:.2}", p.unknown_parliament_probability)),
        ("row-p-government-refuses", format!("{:.3}", p.government_refusal_probability)),
        ("row-p-parliament-refuses", format!("{:.3}", p.parliament_refusal_probability)),
        ("row-coordination-penalty", hours(p.coordination_penalty_hours)),
        ("row-coalition-share", m.pct((100.0 * p.coalition_force_share).round(), 0)),
        ("row-us-leadership", format!("{:.2}", decision.facts.us_leads)),
        ("row-refusal-correlation", format!("{:.2}", p.refusal_correlation)),
        ("row-holdouts", holdouts(decision, m)),
        (
            "row-us-congress",
            m.t(if decision.facts.us_congress_gates_forces {
                "figval-us-congress-yes"
            } else {
                "figval-us-congress-no"
            }),
        ),
    ];
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        escape(&m.t("th-judgement-central")),
        escape(&m.t("col-value")),
    );
    for (label, value) in rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
            escape(&m.t(label)),
            escape(&value)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn members(out: &mut String, decision: &DecisionAssessment, msg: &Messages) {
    let facts = &decision.facts;
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        msg.f(
            "note-decision-members",
            &[
                ("p", format!("{:.2}", decision.params.unknown_parliament_probability).into()),
                ("judgement", list(&facts.judgement_parliament, msg).into()),
                ("without_forces", list(&facts.without_forces, msg).into()),
                ("without_population", list(&facts.without_population, msg).into()),
            ],
        ),
    );
    let t = |id: &str| escape(&msg.t(id));
    let _ = writeln!(
        out,
        "<details><summary>{}</summary>\n<table class=\"compact\">\n<thead><tr><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t("th-members-summary"),
        t("th-member"),
        t("th-population-m"),
        t("th-active-forces-k"),
        t("th-parliament-vote"),
        t("th-source"),
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
            row.parliament_source.as_deref().map_or_else(|| msg.t("judgement"), |s| format!("<code>{}</code>", escape(s))),
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
}

/// The scenario's hold-outs as `ISO3 probability`, or none.
fn holdouts(decision: &DecisionAssessment, m: &Messages) -> String {
    let facts = &decision.facts;
    let rows: Vec<String> = facts
        .members
        .iter()
        .chain(&facts.us)
        .filter_map(|row| row.member.refusal_probability.map(|p| format!("{} {p:.2}", row.member.iso3)))
        .collect();
    if rows.is_empty() {
        m.t("none")
    } else {
        rows.join(", ")
    }
}

fn list(items: &[String], m: &Messages) -> String {
    if items.is_empty() {
        m.t("none")
    } else {
        escape(&items.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    /// The HTML states the JSON's equation in English.
    #[test]
    fn the_catalogue_equation_is_the_json_one() {
        assert_eq!(Messages::new(Lang::En).t("equation-decision"), EQUATION);
    }

    #[test]
    fn the_section_has_one_chart_a_rule_table_and_the_judgement_list() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let mut out = String::new();
        section(&mut out, &a, &crate::i18n::Messages::new(crate::i18n::Lang::En));
        assert!(out.starts_with("<section id=\"decision\""));
        assert_eq!(out.matches("<svg").count(), 1);
        assert_eq!(out.matches("<polyline").count(), 10, "four rules and the order, with and without the US");
        assert!(out.contains("Order to move forces"));
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
