//! The `#iamd` section of the HTML report: the air and missile defence saturation model
//! (docs/design.md §4.5) — its inputs, its equation, leakers per day with and without the US as a
//! chart, the day each magazine runs out, and the sensitivity of total leakers to Pk and
//! interceptor stocks ± 20 %.

use std::fmt::Write;

use bulwark_assess::iamd_inputs::IamdAssessment;
use bulwark_assess::Assessment;
use bulwark_models::iamd::{IamdInputs, IamdOutcome};

use crate::assessment_html::escape;
use crate::i18n::{Lang, Messages};
#[cfg(test)]
use crate::json_iamd::EQUATION;
use crate::svg::{self, LineChart, LineSeries, Series};
use crate::text_table::format_number;

const BLUE: &str = crate::svg::palette::BLUE;
const ORANGE: &str = crate::svg::palette::VERMILLION;
const LIGHT_BLUE: &str = crate::svg::palette::SKY;
const LIGHT_ORANGE: &str = crate::svg::palette::ORANGE;

/// Writes the `#iamd` section (a short note when the model refused its inputs).
pub(crate) fn section(out: &mut String, a: &Assessment, m: &Messages) {
    let _ =
        writeln!(out, "<section id=\"iamd\" class=\"chart-section\">\n<h3>{}</h3>", escape(&m.t("h-iamd")));
    let Some(iamd) = &a.iamd else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>\n</section>", escape(&m.t("iamd-refused")));
        return;
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&m.f(
            "note-iamd",
            &[("days", iamd.inputs.days.to_string().into()), ("equation", m.t("equation-iamd").into())]
        )),
    );
    out.push_str(&svg::line_chart(&chart(iamd, m)));
    outputs(out, iamd, m);
    inputs(out, iamd, m);
    sensitivity(out, iamd, m);
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

/// A threat class or interceptor tier in the report's language.
fn class_name(name: &str, m: &Messages) -> String {
    m.lookup("iamd-class", &name.replace([' ', '(', ')'], "-"), name)
}

fn chart(iamd: &IamdAssessment, m: &Messages) -> LineChart {
    let days: Vec<u16> = (1..=iamd.inputs.days.min(u32::from(u16::MAX))).map(|d| d as u16).collect();
    let line = |name: &str, color: &'static str, values: Vec<f64>| LineSeries {
        series: Series { name: name.to_string(), color },
        values,
    };
    LineChart {
        title: m.t("chart-leakers"),
        x_title: m.t("axis-day-salvo"),
        y_title: m.t("axis-leakers-per-day"),
        bands: vec![],
        years: days,
        lines: vec![
            line(&m.t("series-all-with"), BLUE, iamd.outcome.leaked_per_day()),
            line(&m.t("series-all-without"), ORANGE, iamd.outcome_without_us.leaked_per_day()),
            line(&m.t("series-missiles-with"), LIGHT_BLUE, missiles_per_day(&iamd.outcome)),
            line(&m.t("series-missiles-without"), LIGHT_ORANGE, missiles_per_day(&iamd.outcome_without_us)),
        ],
        references: vec![],
        format: |v| format_number(v, 0),
    }
}

fn runs_out(outcome: &IamdOutcome, idx: usize, m: &Messages) -> String {
    match outcome.interceptors[idx].exhausted_day {
        Some(day) => m.f("figval-day", &[("n", day.to_string().into())]),
        None => m.f("figval-lasts", &[("n", outcome.days.to_string().into())]),
    }
}

fn outputs(out: &mut String, iamd: &IamdAssessment, m: &Messages) {
    let (with_us, alone) = (&iamd.outcome, &iamd.outcome_without_us);
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t("th-over-campaign"),
        t("th-launched"),
        t("th-leaked-with"),
        t("th-leaked-without"),
    );
    for (class, class_alone) in with_us.classes.iter().zip(&alone.classes) {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&class_name(&class.name, m)),
            format_number(class.total_launched(), 0),
            format_number(class.total_leaked(), 0),
            format_number(class_alone.total_leaked(), 0),
        );
    }
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{} ({})</td>\
         <td class=\"num\">{} ({})</td></tr>",
        t("row-all-threats"),
        format_number(with_us.total_launched(), 0),
        format_number(with_us.total_leaked(), 0),
        m.pct((100.0 * with_us.leak_fraction()).round(), 0),
        format_number(alone.total_leaked(), 0),
        m.pct((100.0 * alone.leak_fraction()).round(), 0),
    );
    for (idx, tier) in with_us.interceptors.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&m.f("row-runs-out", &[("tier", class_name(&tier.name, m).into())])),
            runs_out(with_us, idx, m),
            runs_out(alone, idx, m),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn inputs(out: &mut String, iamd: &IamdAssessment, m: &Messages) {
    let facts = &iamd.facts;
    let (with_us, alone) = (&iamd.inputs, &iamd.inputs_without_us);
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th></tr></thead>\n<tbody>",
        t("th-threat-adversary"),
        t("th-stock"),
        t("th-made-a-day"),
        t("th-launched-a-day"),
    );
    for threat in &with_us.threats {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&class_name(&threat.name, m)),
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
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        m.f("note-production", &[("items", sources.join(&m.t("list-sep-semicolon")).into())])
    );
    tiers(out, with_us, alone, iamd, m);
}

fn tiers(out: &mut String, with_us: &IamdInputs, alone: &IamdInputs, iamd: &IamdAssessment, m: &Messages) {
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th></tr></thead>\n<tbody>",
        t("th-tier"),
        t("th-fire-units"),
        t("th-area-covered"),
        t("th-interceptors"),
        t("th-made-a-day"),
        t("th-pk-shots"),
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
                e.map(|e| {
                    format!("{} {:.2} × {}", escape(&class_name(&threat.name, m)), e.pk, e.shots_per_target)
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{} / {}</td><td class=\"num\">{} / {}</td>\
             <td class=\"num\">{} / {}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&class_name(&tier.name, m)),
            format_number(tier.fire_units, 1),
            format_number(tier_alone.fire_units, 1),
            m.pct((100.0 * covered).round(), 0),
            m.pct((100.0 * covered_alone).round(), 0),
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
        "<p class=\"note\">{}</p>",
        m.f(
            "note-fire-units",
            &[
                ("upper", format_number(facts.upper_fire_units_europe.0, 0).into()),
                ("upper_members", facts.upper_fire_units_europe.1.to_string().into()),
                ("lower", format_number(facts.lower_fire_units_europe.0, 0).into()),
                ("lower_members", facts.lower_fire_units_europe.1.to_string().into()),
                ("us_upper", format_number(facts.upper_fire_units_us, 0).into()),
                ("enablers", format_number(facts.us_enablers, 2).into()),
                ("area", format_number(with_us.area_to_defend_km2, 0).into()),
            ],
        ),
    );
}

fn sensitivity(out: &mut String, iamd: &IamdAssessment, m: &Messages) {
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th>{}</th><th>{}</th>\
         <th>{}</th></tr></thead>\n<tbody>",
        t("th-sensitivity-leakers"),
        t("col-with-the-us-plain"),
        t("col-without-the-us"),
    );
    let _ = writeln!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        t("row-central"),
        format_number(iamd.outcome.total_leaked(), 0),
        format_number(iamd.outcome_without_us.total_leaked(), 0),
    );
    for s in &iamd.sensitivity {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{} {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&m.lookup("iamd-input", &s.input.replace(' ', "-"), s.input)),
            match m.lang() {
                Lang::En => format!("{:+.0} %", 100.0 * (s.factor - 1.0)),
                Lang::Ja => format!("{:+.0}%", 100.0 * (s.factor - 1.0)),
            },
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
        section(&mut out, &a, &crate::i18n::Messages::new(crate::i18n::Lang::En));
        out
    }

    /// The HTML states the JSON's equation in English.
    #[test]
    fn the_catalogue_equation_is_the_json_one() {
        assert_eq!(Messages::new(Lang::En).t("equation-iamd"), EQUATION);
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
