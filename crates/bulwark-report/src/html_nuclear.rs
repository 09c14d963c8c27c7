//! The `#nuclear` section of the HTML report: the nuclear balance and extended-deterrence model
//! — its equation, the credibility of each umbrella factor by factor with and without the US,
//! Q1 and Q3 in sentences and tables (resolve per patron, the curve by year, the best packages,
//! the credibility frontier), the curve as a line chart, the sensitivity of each patron's
//! credibility to each factor as bars, the forces that go in (sourced counts and judgement
//! fractions) and the ranked option table.

use std::fmt::Write;

use bulwark_assess::nuclear_inputs::NuclearAssessment;
use bulwark_assess::Assessment;
use bulwark_models::nuclear::{Balance, Factor, Umbrella};

use crate::assessment_html::escape;
use crate::format_number;
use crate::json_nuclear::EQUATION;
use crate::nuclear_text;
use crate::svg::{self, BarChart, BarGroup, LineChart, LineSeries, Series};
use crate::TextTable;

const COLOURS: [&str; 3] =
    [crate::svg::palette::BLUE, crate::svg::palette::PURPLE, crate::svg::palette::VERMILLION];

/// Writes the `#nuclear` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment) {
    out.push_str(
        "<section id=\"nuclear\" class=\"chart-section\">\n<h3>Nuclear balance and extended deterrence</h3>\n",
    );
    let Some(n) = &a.nuclear else {
        out.push_str("<p class=\"note\">The nuclear model refused its inputs; see axis 2.</p>\n</section>\n");
        return;
    };
    let p = &n.inputs.params;
    let _ = writeln!(
        out,
        "<p class=\"note\">A structured judgement, not an oracle: aggregate public warhead counts and five \
         factors in [0, 1] for each patron of a European non-nuclear ally. Equations: <code>{}</code>, with \
         D = {} warheads (unacceptable damage), k = {} (damage ratio per unit of stake at which resolve halves), A = {} Russian survivable \
         warheads, T = {} years. The scenario keeps {} of the US nuclear posture.</p>",
        escape(EQUATION),
        format_number(p.unacceptable_damage_warheads, 0),
        format_number(p.resolve_stake_factor, 2),
        format_number(n.outcome.adversary_survivable_warheads, 0),
        format_number(p.horizon_years, 0),
        format_number(n.us_posture, 2),
    );
    umbrellas(out, n);
    questions(out, a);
    out.push_str("<h3>Credibility by year</h3>\n");
    out.push_str(&svg::line_chart(&curve_chart(n)));
    out.push_str("<h3>Sensitivity of each patron's credibility to each factor (∂C/∂factor)</h3>\n");
    out.push_str(&svg::bar_chart(&sensitivity_chart(&n.outcome.us_as_today)));
    forces(out, n);
    options(out, n);
    out.push_str("</section>\n");
}

fn balance(b: &Balance) -> String {
    let ratio = b.ratio.map_or_else(|| "unbounded".to_string(), |r| format_number(r, 1));
    format!(
        "{} vs {} (ratio {ratio})",
        format_number(b.adversary_warheads, 0),
        format_number(b.own_warheads, 0)
    )
}

fn umbrellas(out: &mut String, n: &NuclearAssessment) {
    let o = &n.outcome;
    out.push_str(
        "<h3>Credibility with and without the US</h3>\n<table>\n<thead><tr><th>Umbrella</th><th>Patron</th>\
         <th class=\"num\">W<sub>s</sub></th><th class=\"num\">W<sub>s</sub>/D</th>",
    );
    for factor in Factor::ALL {
        let _ = write!(out, "<th class=\"num\">{}</th>", factor.label());
    }
    out.push_str("<th class=\"num\">C<sub>P</sub></th></tr></thead>\n<tbody>\n");
    let rows: [(&str, &Umbrella); 3] = [
        ("US as today", &o.us_as_today),
        ("scenario's US posture", &o.with_us),
        ("without the US", &o.without_us),
    ];
    for (label, umbrella) in rows {
        for patron in &umbrella.patrons {
            let _ = write!(
                out,
                "<tr><td>{label}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                escape(&patron.state),
                format_number(patron.survivable_warheads, 0),
                format_number(patron.adequacy, 2),
            );
            for value in patron.factors.0 {
                let _ = write!(out, "<td class=\"num\">{}</td>", format_number(value, 2));
            }
            let _ = writeln!(out, "<td class=\"num\">{}</td></tr>", format_number(patron.credibility, 3));
        }
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\" colspan=\"9\">{label}: combined credibility 1 − Π(1 − C<sub>P</sub>); \
             non-strategic warheads, Russia vs Europe: {}</th><td class=\"num\"><strong>{}</strong></td></tr>",
            balance(&umbrella.balance),
            format_number(umbrella.credibility, 3),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Q1 and Q3 in sentences and tables (the same ones the terminal report shows).
fn questions(out: &mut String, a: &Assessment) {
    for (id, title) in [("Q1", "Q1: what losing the US umbrella changes"), ("Q3", "Q3: a European deterrent")]
    {
        let Some(answer) = nuclear_text::answer(a, id) else { continue };
        let _ = writeln!(out, "<h3 id=\"nuclear-{}\">{}</h3>", id.to_ascii_lowercase(), escape(title));
        out.push_str("<ul>\n");
        for sentence in &answer.sentences {
            let _ = writeln!(out, "<li>{}</li>", escape(sentence));
        }
        out.push_str("</ul>\n");
        for (caption, table) in &answer.tables {
            let _ = writeln!(out, "<h4>{}</h4>", escape(caption));
            out.push_str(&html_table(table));
        }
    }
}

/// A text table as an HTML table; cells that start like a number are right-aligned.
pub(crate) fn html_table(table: &TextTable) -> String {
    let numeric =
        |cell: &str| cell.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-' || c == '–');
    let mut out = String::from("<table>\n<thead><tr>");
    for title in table.header() {
        let _ = write!(out, "<th>{}</th>", escape(title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in table.rows() {
        out.push_str("<tr>");
        for cell in row {
            let class = if numeric(cell) { " class=\"num\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn curve_chart(n: &NuclearAssessment) -> LineChart {
    let o = &n.outcome;
    let line = |name: &str, color: &'static str, curve: &[bulwark_models::nuclear::CurvePoint]| LineSeries {
        series: Series { name: name.to_string(), color },
        values: curve.iter().map(|p| p.credibility).collect(),
    };
    LineChart {
        title: "Credibility of extended deterrence by year".into(),
        x_title: "year".into(),
        y_title: "credibility (0 to 1)".into(),
        bands: vec![],
        years: o.curve_with_us.iter().map(|p| p.year).collect(),
        lines: vec![
            line("with the scenario's US posture", COLOURS[0], &o.curve_with_us),
            line("without the US", COLOURS[2], &o.curve_without_us),
        ],
        references: Vec::new(),
        format: |v| format_number(v, 3),
    }
}

fn sensitivity_chart(umbrella: &Umbrella) -> BarChart {
    let series = umbrella
        .patrons
        .iter()
        .zip(COLOURS.iter().cycle())
        .map(|(p, color)| Series { name: format!("{} (US as today)", p.state), color })
        .collect();
    let groups = Factor::ALL
        .iter()
        .enumerate()
        .map(|(idx, factor)| BarGroup {
            label: factor.label().to_string(),
            values: umbrella.patrons.iter().map(|p| Some(p.sensitivity[idx])).collect(),
        })
        .collect();
    let axis_max = umbrella.patrons.iter().flat_map(|p| p.sensitivity).fold(0.0, f64::max).max(0.01);
    BarChart {
        title: "Sensitivity of each patron's credibility to each factor".into(),
        value_title: "∂ credibility ÷ ∂ factor (credibility per unit of the factor)".into(),
        series,
        groups,
        references: Vec::new(),
        axis_max,
        format: |v| format_number(v, 2),
    }
}

fn forces(out: &mut String, n: &NuclearAssessment) {
    out.push_str(
        "<h3>Forces (inputs)</h3>\n<p class=\"note\">Deployed and stockpile counts from <code>nuclear.csv</code> \
         (SIPRI Yearbook 2025, FAS Nuclear Notebooks); alert and survival fractions are the scenario's \
         judgement parameters.</p>\n<table>\n<thead><tr><th>State</th><th class=\"num\">Deployed (dataset)</th>\
         <th class=\"num\">Stockpile (dataset)</th><th>Leg</th><th class=\"num\">Deployed on leg</th>\
         <th class=\"num\">Alert</th><th class=\"num\">Survival</th><th class=\"num\">Survivable</th>\
         <th>Sources</th></tr></thead>\n<tbody>\n",
    );
    let count = |v: Option<f64>| v.map_or("–".to_string(), |v| format_number(v, 0));
    for (force, figures) in n.inputs.forces.iter().zip(&n.states) {
        for leg in &force.legs {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>",
                escape(&force.state),
                count(figures.deployed_warheads),
                count(figures.stockpile_warheads),
                leg.leg.label(),
                format_number(leg.deployed_warheads, 0),
                format_number(leg.alert_fraction, 2),
                format_number(leg.survival_probability, 2),
                format_number(leg.survivable_warheads(), 0),
                escape(&figures.sources.join(", ")),
            );
        }
    }
    out.push_str("</tbody>\n</table>\n");
    let costs: Vec<String> = n
        .costs
        .iter()
        .map(|c| {
            format!(
                "{} USD {} bn ({}, EUR {} bn at 2025 prices; <code>{}</code>)",
                escape(&c.state),
                format_number(c.usd_bn, 1),
                c.year,
                format_number(c.eur_bn, 1),
                escape(&c.source)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"note\">Annual nuclear spending (ICAN): {}. US B61 bombs in Europe: {}.</p>",
        costs.join("; "),
        count(n.forward_based_warheads),
    );
}

fn options(out: &mut String, n: &NuclearAssessment) {
    let w = &n.weights;
    let _ = writeln!(
        out,
        "<h3>Options, ranked</h3>\n<p class=\"note\">Against Europe without the US (C = {}). Score = {} × ΔC / {} \
         (C with the US as today) − {} × cost ÷ highest cost − {} × years ÷ longest − {} × escalation risk − {} if \
         outside the NPT; each part is shown.</p>",
        format_number(n.outcome.without_us.credibility, 3),
        format_number(w.credibility, 2),
        format_number(n.outcome.us_as_today.credibility, 3),
        format_number(w.cost, 2),
        format_number(w.years, 2),
        format_number(w.escalation, 2),
        format_number(w.npt_breach, 2),
    );
    out.push_str(
        "<table class=\"lines\">\n<thead><tr><th>#</th><th>Option</th><th class=\"num\">EUR bn a year</th>\
         <th class=\"num\">Years</th><th>NPT</th><th class=\"num\">Escalation risk</th><th class=\"num\">ΔC</th>\
         <th class=\"num\">Score</th><th>Score parts (credibility, cost, years, escalation, NPT) and reasoning</th>\
         </tr></thead>\n<tbody>\n",
    );
    for r in &n.outcome.options {
        let reason =
            n.option_reasons.iter().find(|(id, _)| *id == r.option.id).map_or("", |(_, why)| why.as_str());
        let parts = [r.parts.credibility, r.parts.cost, r.parts.years, r.parts.escalation, r.parts.npt];
        let parts: Vec<String> = parts.iter().map(|v| format!("{v:+.3}")).collect();
        let _ = writeln!(
            out,
            "<tr id=\"option-{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{:+.3}</td><td class=\"num\">{:+.3}</td><td>{}<br>{}</td></tr>",
            escape(&r.option.id),
            r.rank,
            escape(&r.option.name),
            format_number(r.option.annual_cost_eur_bn, 2),
            format_number(r.option.years_to_implement, 0),
            if r.option.npt_compliant { "compliant" } else { "<strong>outside</strong>" },
            format_number(r.option.escalation_risk, 2),
            r.credibility_change,
            r.score,
            parts.join(", "),
            escape(reason),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    fn html(name: &str) -> String {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load(name, &dataset).unwrap());
        let mut out = String::new();
        section(&mut out, &a);
        out
    }

    #[test]
    fn the_section_shows_factors_bars_forces_and_every_option() {
        let out = html("us-full-withdrawal");
        assert!(out.starts_with("<section id=\"nuclear\""));
        assert_eq!(out.matches("<svg").count(), 2, "the curve by year and the sensitivity bars");
        for factor in Factor::ALL {
            assert!(out.contains(factor.label()), "{factor:?}");
        }
        assert_eq!(out.matches("<tr id=\"option-").count(), 10);
        assert!(out.contains("1,770") && out.contains("4,309"));
        assert!(out.contains("unbounded"));
    }

    #[test]
    fn the_section_answers_q1_and_q3_in_tables_and_a_curve() {
        let out = html("baseline");
        assert_eq!(out.matches("<svg").count(), 2, "the sensitivity bars and the curve by year");
        assert!(out.contains("<h3 id=\"nuclear-q1\">") && out.contains("<h3 id=\"nuclear-q3\">"));
        for caption in ["Resolve per patron", "Credibility by year", "Best packages", "Credibility frontier"]
        {
            assert!(out.contains(caption), "{caption}");
        }
        assert!(out.contains("NPT Article I") && out.contains("ican-2024-spending-reuters"));
    }
}
