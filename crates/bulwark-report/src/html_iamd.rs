//! The `#iamd` section of the HTML report: the air and missile defence saturation model
//! (docs/design.md §4.5) — its inputs, its equation, leakers per day with and without the US as a
//! chart, the day each magazine runs out, and the sensitivity of total leakers to Pk and
//! interceptor stocks ± 20 %.

use std::fmt::Write;

use bulwark_assess::iamd_inputs::IamdAssessment;
use bulwark_assess::Assessment;
use bulwark_models::iamd::{IamdInputs, IamdOutcome};

use crate::assessment_html::escape;
use crate::json_iamd::EQUATION;
use crate::svg::{self, LineChart, LineSeries, Series};
use crate::text_table::format_number;

const BLUE: &str = crate::svg::palette::BLUE;
const ORANGE: &str = crate::svg::palette::VERMILLION;
const LIGHT_BLUE: &str = crate::svg::palette::SKY;
const LIGHT_ORANGE: &str = crate::svg::palette::ORANGE;

/// Writes the `#iamd` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment) {
    out.push_str(
        "<section id=\"iamd\" class=\"chart-section\">\n<h3>Air and missile defence saturation</h3>\n",
    );
    let Some(iamd) = &a.iamd else {
        out.push_str("<p class=\"note\">The IAMD model refused its inputs; see the strategic-assets axis.</p>\n</section>\n");
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">Expected missiles and drones that get through over a {}-day campaign, with the \
         scenario's US contribution and without any US fire units or interceptors; the chart's x axis is the day \
         of the campaign. Equation: {}.</p>",
        iamd.inputs.days,
        escape(EQUATION),
    );
    out.push_str(&svg::line_chart(&chart(iamd)));
    outputs(out, iamd);
    inputs(out, iamd);
    sensitivity(out, iamd);
    out.push_str("</section>\n");
}

fn missiles_per_day(outcome: &IamdOutcome) -> Vec<f64> {
    let missiles = outcome.classes.iter().filter(|c| c.name != "drones");
    let mut per_day = vec![0.0; outcome.days as usize];
    for class in missiles {
        for (acc, leaked) in per_day.iter_mut().zip(&class.leaked) {
            *acc += leaked;
        }
    }
    per_day
}

fn chart(iamd: &IamdAssessment) -> LineChart {
    let days: Vec<u16> = (1..=iamd.inputs.days.min(u32::from(u16::MAX))).map(|d| d as u16).collect();
    let line = |name: &str, color: &'static str, values: Vec<f64>| LineSeries {
        series: Series { name: name.to_string(), color },
        values,
    };
    LineChart {
        title: "Leakers per day with and without the US".into(),
        x_title: "day of the salvo campaign".into(),
        y_title: "threats leaking through per day (number)".into(),
        bands: vec![],
        years: days,
        lines: vec![
            line("all threats, with the US", BLUE, iamd.outcome.leaked_per_day()),
            line("all threats, without the US", ORANGE, iamd.outcome_without_us.leaked_per_day()),
            line("missiles, with the US", LIGHT_BLUE, missiles_per_day(&iamd.outcome)),
            line("missiles, without the US", LIGHT_ORANGE, missiles_per_day(&iamd.outcome_without_us)),
        ],
        references: vec![],
        format: |v| format_number(v, 0),
    }
}

fn runs_out(outcome: &IamdOutcome, idx: usize) -> String {
    match outcome.interceptors[idx].exhausted_day {
        Some(day) => format!("day {day}"),
        None => format!("lasts {} days", outcome.days),
    }
}

fn outputs(out: &mut String, iamd: &IamdAssessment) {
    let (with_us, alone) = (&iamd.outcome, &iamd.outcome_without_us);
    out.push_str(
        "<table class=\"compact\">\n<thead><tr><th>Over the campaign</th><th>launched</th>\
         <th>leaked, with the US</th><th>leaked, without</th></tr></thead>\n<tbody>\n",
    );
    for (class, class_alone) in with_us.classes.iter().zip(&alone.classes) {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&class.name),
            format_number(class.total_launched(), 0),
            format_number(class.total_leaked(), 0),
            format_number(class_alone.total_leaked(), 0),
        );
    }
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">all threats</th><td class=\"num\">{}</td><td class=\"num\">{} ({:.0} %)</td>\
         <td class=\"num\">{} ({:.0} %)</td></tr>",
        format_number(with_us.total_launched(), 0),
        format_number(with_us.total_leaked(), 0),
        100.0 * with_us.leak_fraction(),
        format_number(alone.total_leaked(), 0),
        100.0 * alone.leak_fraction(),
    );
    for (idx, tier) in with_us.interceptors.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{} runs out</th><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&tier.name),
            runs_out(with_us, idx),
            runs_out(alone, idx),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn inputs(out: &mut String, iamd: &IamdAssessment) {
    let facts = &iamd.facts;
    let (with_us, alone) = (&iamd.inputs, &iamd.inputs_without_us);
    out.push_str(
        "<table class=\"compact\">\n<thead><tr><th>Threat (adversary)</th><th>stock</th><th>made a day</th>\
         <th>launched a day</th></tr></thead>\n<tbody>\n",
    );
    for threat in &with_us.threats {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&threat.name),
            format_number(threat.stock, 0),
            format_number(threat.production_per_day, 1),
            format_number(threat.launches_per_day, 0),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let sources: Vec<String> = facts
        .production_used
        .iter()
        .map(|p| {
            format!(
                "{} {}/day ({}, <code>{}</code>)",
                escape(&p.item),
                format_number(p.per_day, 2),
                p.year,
                escape(&p.source)
            )
        })
        .collect();
    let _ = writeln!(out, "<p class=\"note\">Production from the dataset: {}.</p>", sources.join("; "));
    tiers(out, with_us, alone, iamd);
}

fn tiers(out: &mut String, with_us: &IamdInputs, alone: &IamdInputs, iamd: &IamdAssessment) {
    out.push_str(
        "<table class=\"compact\">\n<thead><tr><th>Tier</th><th>fire units (with US / without)</th>\
         <th>area covered</th><th>interceptors (with US / without)</th><th>made a day</th>\
         <th>Pk × shots per threat</th></tr></thead>\n<tbody>\n",
    );
    for ((tier, tier_alone), (covered, covered_alone)) in
        with_us.interceptors.iter().zip(&alone.interceptors).zip(
            iamd.outcome
                .interceptors
                .iter()
                .map(|o| o.covered_fraction)
                .zip(iamd.outcome_without_us.interceptors.iter().map(|o| o.covered_fraction)),
        )
    {
        let engagements: Vec<String> = tier
            .engagements
            .iter()
            .zip(&with_us.threats)
            .filter_map(|(e, threat)| {
                e.map(|e| format!("{} {:.2} × {}", escape(&threat.name), e.pk, e.shots_per_target))
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{} / {}</td><td class=\"num\">{:.0} % / {:.0} %</td>\
             <td class=\"num\">{} / {}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&tier.name),
            format_number(tier.fire_units, 1),
            format_number(tier_alone.fire_units, 1),
            100.0 * covered,
            100.0 * covered_alone,
            format_number(tier.stock, 0),
            format_number(tier_alone.stock, 0),
            format_number(tier.production_per_day, 2),
            engagements.join("; "),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let facts = &iamd.facts;
    let _ = writeln!(
        out,
        "<p class=\"note\">Fire units: coalition inventory × <code>availability_iamd</code> (long-range {} units \
         from {} members, medium-range {} from {}), plus US fire units in Europe ({} long-range) × \
         <code>us_posture.enablers</code> = {}. Area to defend {} km². Guns, electronic warfare and fighters are not \
         modelled, so drone leakers are an upper bound.</p>",
        format_number(facts.upper_fire_units_europe.0, 0),
        facts.upper_fire_units_europe.1,
        format_number(facts.lower_fire_units_europe.0, 0),
        facts.lower_fire_units_europe.1,
        format_number(facts.upper_fire_units_us, 0),
        format_number(facts.us_enablers, 2),
        format_number(with_us.area_to_defend_km2, 0),
    );
}

fn sensitivity(out: &mut String, iamd: &IamdAssessment) {
    out.push_str(
        "<table class=\"compact\">\n<thead><tr><th>Sensitivity of total leakers</th><th>with the US</th>\
         <th>without the US</th></tr></thead>\n<tbody>\n",
    );
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">central</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        format_number(iamd.outcome.total_leaked(), 0),
        format_number(iamd.outcome_without_us.total_leaked(), 0),
    );
    for s in &iamd.sensitivity {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{} {:+.0} %</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(s.input),
            100.0 * (s.factor - 1.0),
            format_number(s.total_leaked, 0),
            format_number(s.total_leaked_without_us, 0),
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
    fn the_section_has_one_chart_the_equation_and_the_sensitivities() {
        let out = html("baseline");
        assert!(out.starts_with("<section id=\"iamd\"") && out.ends_with("</section>\n"));
        assert_eq!(out.matches("<svg").count(), 1);
        assert!(out.contains("(1 − covered) + covered × (1 − Pk)^shots"));
        assert!(out.contains("Pk +20 %") && out.contains("interceptor stock -20 %"));
        assert!(out.contains("runs out"));
        assert_eq!(out, html("baseline"), "same bytes every time");
    }
}
