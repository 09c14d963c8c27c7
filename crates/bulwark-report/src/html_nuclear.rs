//! The `#nuclear` section of the HTML report: the nuclear balance and extended-deterrence model
//! — its equation, the credibility of each umbrella factor by factor with and without the US,
//! Q1 and Q3 in sentences and tables (resolve per patron, the curve by year, the best packages,
//! the credibility frontier), the curve as a line chart, the sensitivity of each patron's
//! credibility to each factor as bars, the forces that go in (sourced counts and judgement
//! fractions) and the ranked option table.

use std::fmt::Write;

use bulwark_assess::nuclear_inputs::{NuclearAssessment, OptionReason};
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
pub(crate) fn section(out: &mut String, a: &Assessment, m: &crate::i18n::Messages) {
    let _ = writeln!(
        out,
        "<section id=\"nuclear\" class=\"chart-section\">\n<h3>{}</h3>",
        escape(&m.t("h-nuclear"))
    );
    let Some(n) = &a.nuclear else {
        let _ = writeln!(out, "<p class=\"note\">{}</p>\n</section>", escape(&m.t("nuclear-refused")));
        return;
    };
    let p = &n.inputs.params;
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        m.f(
            "note-nuclear",
            &[
                ("equation", format!("<code>{}</code>", escape(EQUATION)).into()),
                ("d", format_number(p.unacceptable_damage_warheads, 0).into()),
                ("k", format_number(p.resolve_stake_factor, 2).into()),
                ("a", format_number(n.outcome.adversary_survivable_warheads, 0).into()),
                ("t", format_number(p.horizon_years, 0).into()),
                ("posture", format_number(n.us_posture, 2).into()),
            ],
        ),
    );
    umbrellas(out, n, m);
    questions(out, a, m);
    let _ = writeln!(out, "<h3>{}</h3>", escape(&m.t("q1-curve-h3")));
    out.push_str(&svg::line_chart(&curve_chart(n, m)));
    let _ = writeln!(out, "<h3>{}</h3>", escape(&m.t("h-nuclear-sensitivity")));
    out.push_str(&svg::bar_chart(&sensitivity_chart(&n.outcome.us_as_today, m)));
    forces(out, n, m);
    options(out, n, m);
    out.push_str("</section>\n");
}

fn balance(b: &Balance, m: &crate::i18n::Messages) -> String {
    let ratio = b.ratio.map_or_else(|| m.t("unbounded"), |r| format_number(r, 1));
    m.f(
        "balance",
        &[
            ("russia", format_number(b.adversary_warheads, 0).into()),
            ("europe", format_number(b.own_warheads, 0).into()),
            ("ratio", ratio.into()),
        ],
    )
}

fn umbrellas(out: &mut String, n: &NuclearAssessment, m: &crate::i18n::Messages) {
    let o = &n.outcome;
    let _ = write!(
        out,
        "<h3>{}</h3>\n<table>\n<thead><tr><th>{}</th><th>{}</th>\
         <th class=\"num\">W<sub>s</sub></th><th class=\"num\">W<sub>s</sub>/D</th>",
        escape(&m.t("h-umbrellas")),
        escape(&m.t("th-umbrella")),
        escape(&m.t("th-patron")),
    );
    for factor in Factor::ALL {
        let _ = write!(out, "<th class=\"num\">{}</th>", escape(&nuclear_text::factor_name(factor, m)));
    }
    out.push_str("<th class=\"num\">C<sub>P</sub></th></tr></thead>\n<tbody>\n");
    let (today, scenario, without) =
        (m.t("umbrella-today"), m.t("umbrella-scenario"), m.t("col-without-the-us"));
    let rows: [(&str, &Umbrella); 3] =
        [(&today, &o.us_as_today), (&scenario, &o.with_us), (&without, &o.without_us)];
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
            "<tr><th scope=\"row\" colspan=\"9\">{}</th><td class=\"num\"><strong>{}</strong></td></tr>",
            m.f(
                "umbrella-combined",
                &[
                    ("label", escape(label).into()),
                    ("balance", escape(&balance(&umbrella.balance, m)).into())
                ]
            ),
            format_number(umbrella.credibility, 3),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Q1 and Q3 in sentences and tables (the same ones the terminal report shows).
fn questions(out: &mut String, a: &Assessment, m: &crate::i18n::Messages) {
    for (id, title) in [("Q1", m.t("h-nuclear-q1")), ("Q3", m.t("h-nuclear-q3"))] {
        let Some(answer) = nuclear_text::answer(a, id, m) else { continue };
        let _ = writeln!(out, "<h3 id=\"nuclear-{}\">{}</h3>", id.to_ascii_lowercase(), escape(&title));
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

fn curve_chart(n: &NuclearAssessment, m: &crate::i18n::Messages) -> LineChart {
    let o = &n.outcome;
    let line = |name: &str, color: &'static str, curve: &[bulwark_models::nuclear::CurvePoint]| LineSeries {
        series: Series { name: name.to_string(), color },
        values: curve.iter().map(|p| p.credibility).collect(),
    };
    LineChart {
        title: m.t("chart-credibility"),
        x_title: m.t("axis-year"),
        y_title: m.t("axis-credibility"),
        bands: vec![],
        years: o.curve_with_us.iter().map(|p| p.year).collect(),
        lines: vec![
            line(&m.t("series-scenario-us"), COLOURS[0], &o.curve_with_us),
            line(&m.t("col-without-the-us"), COLOURS[2], &o.curve_without_us),
        ],
        references: Vec::new(),
        format: |v| format_number(v, 3),
    }
}

fn sensitivity_chart(umbrella: &Umbrella, m: &crate::i18n::Messages) -> BarChart {
    let series = umbrella
        .patrons
        .iter()
        .zip(COLOURS.iter().cycle())
        .map(|(p, color)| Series {
            name: m.f("series-patron-today", &[("state", p.state.as_str().into())]),
            color,
        })
        .collect();
    let groups = Factor::ALL
        .iter()
        .enumerate()
        .map(|(idx, factor)| BarGroup {
            label: nuclear_text::factor_name(*factor, m),
            values: umbrella.patrons.iter().map(|p| Some(p.sensitivity[idx])).collect(),
        })
        .collect();
    let axis_max = umbrella.patrons.iter().flat_map(|p| p.sensitivity).fold(0.0, f64::max).max(0.01);
    BarChart {
        title: m.t("chart-nuclear-sensitivity"),
        value_title: m.t("axis-sensitivity"),
        series,
        groups,
        references: Vec::new(),
        axis_max,
        format: |v| format_number(v, 2),
    }
}

fn forces(out: &mut String, n: &NuclearAssessment, m: &crate::i18n::Messages) {
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p class=\"note\">{}</p>\n<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th>{}</th></tr></thead>\n<tbody>",
        t("h-forces"),
        m.t("note-forces"),
        t("th-state"),
        t("th-deployed-dataset"),
        t("th-stockpile-dataset"),
        t("th-leg"),
        t("th-deployed-on-leg"),
        t("th-alert"),
        t("th-survival"),
        t("th-survivable"),
        t("th-sources"),
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
            m.f(
                "nuclear-cost-item",
                &[
                    ("state", escape(&c.state).into()),
                    ("usd", money(c.usd_bn, "USD", m).into()),
                    ("year", c.year.to_string().into()),
                    ("eur", money(c.eur_bn, "EUR", m).into()),
                    ("source", format!("<code>{}</code>", escape(&c.source)).into()),
                ],
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        m.f(
            "note-nuclear-costs",
            &[
                ("costs", costs.join(&m.t("list-sep-semicolon")).into()),
                ("b61", count(n.forward_based_warheads).into())
            ],
        ),
    );
}

/// Billions of a currency (`USD 10.4 bn`, `104億米ドル`).
fn money(value_bn: f64, currency: &str, m: &crate::i18n::Messages) -> String {
    match m.lang() {
        crate::i18n::Lang::En => format!("{currency} {} bn", format_number(value_bn, 1)),
        crate::i18n::Lang::Ja => {
            let unit = if currency == "USD" { "米ドル" } else { "ユーロ" };
            m.eur_bn(value_bn, 1).replace("ユーロ", unit)
        }
    }
}

fn options(out: &mut String, n: &NuclearAssessment, m: &crate::i18n::Messages) {
    let w = &n.weights;
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p class=\"note\">{}</p>",
        escape(&m.t("h-options")),
        escape(&m.f(
            "note-options",
            &[
                ("c", format_number(n.outcome.without_us.credibility, 3).into()),
                ("w_c", format_number(w.credibility, 2).into()),
                ("c_us", format_number(n.outcome.us_as_today.credibility, 3).into()),
                ("w_cost", format_number(w.cost, 2).into()),
                ("w_years", format_number(w.years, 2).into()),
                ("w_esc", format_number(w.escalation, 2).into()),
                ("w_npt", format_number(w.npt_breach, 2).into()),
            ],
        )),
    );
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<table class=\"lines\">\n<thead><tr><th>#</th><th>{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th>NPT</th><th class=\"num\">{}</th><th class=\"num\">ΔC</th>\
         <th class=\"num\">{}</th><th>{}</th>\
         </tr></thead>\n<tbody>",
        t("th-option"),
        t("col-eur-bn-a-year"),
        t("th-years-cap"),
        t("th-escalation-risk-cap"),
        t("th-score-cap"),
        t("th-score-parts"),
    );
    for r in &n.outcome.options {
        let reason = n
            .option_reasons
            .iter()
            .find(|(id, _)| *id == r.option.id)
            .map_or(String::new(), |(_, why)| option_reason(why, m));
        let parts = [r.parts.credibility, r.parts.cost, r.parts.years, r.parts.escalation, r.parts.npt];
        let parts: Vec<String> = parts.iter().map(|v| format!("{v:+.3}")).collect();
        let _ = writeln!(
            out,
            "<tr id=\"option-{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{:+.3}</td><td class=\"num\">{:+.3}</td><td>{}<br>{}</td></tr>",
            escape(&r.option.id),
            r.rank,
            escape(&nuclear_text::option_name(&r.option.id, &r.option.name, m)),
            format_number(r.option.annual_cost_eur_bn, 2),
            format_number(r.option.years_to_implement, 0),
            if r.option.npt_compliant {
                escape(&m.t("npt-compliant"))
            } else {
                format!("<strong>{}</strong>", escape(&m.t("npt-outside")))
            },
            format_number(r.option.escalation_risk, 2),
            r.credibility_change,
            r.score,
            parts.join(", "),
            escape(&reason),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// An option's reasoning in the report's language (`reason-*` of the catalogue).
fn option_reason(reason: &OptionReason, m: &crate::i18n::Messages) -> String {
    let n = |value: f64, decimals: usize| format_number(value, decimals);
    let pct = |share: f64| m.pct(100.0 * share, 0);
    let ican = |c: &bulwark_assess::nuclear_inputs::NuclearCost| {
        m.f(
            "reason-ican",
            &[
                ("year", c.year.to_string().into()),
                ("usd", money(c.usd_bn, "USD", m).into()),
                ("eur", money(c.eur_bn, "EUR", m).into()),
            ],
        )
    };
    match reason {
        OptionReason::UsUmbrella { us_posture } => {
            m.f("reason-us-umbrella", &[("posture", format!("{us_posture:.2}").into())])
        }
        OptionReason::FrenchExtended { gain, share, fra } => m.f(
            "reason-french-extended",
            &[
                ("gain", format!("{gain:.2}").into()),
                ("share", pct(*share).into()),
                ("ican", ican(fra).into()),
            ],
        ),
        OptionReason::UkFrenchCoordinated { gain, share, gbr, fra } => m.f(
            "reason-uk-french",
            &[
                ("gain", format!("{gain:.2}").into()),
                ("share", pct(*share).into()),
                ("ican", format!("{}{}{}", ican(gbr), m.t("list-sep-semicolon"), ican(fra)).into()),
            ],
        ),
        OptionReason::RaiseFrench { factor, gain } => m.f(
            "reason-raise-french",
            &[
                ("factor", m.lookup("factor", &factor.label().replace(' ', "-"), factor.label()).into()),
                ("gain", format!("{gain:.2}").into()),
            ],
        ),
        OptionReason::Latent { warheads } => m.f("reason-latent", &[("warheads", n(*warheads, 0).into())]),
        OptionReason::NationalArsenal { warheads, multiple, fra } => m.f(
            "reason-national-arsenal",
            &[
                ("warheads", n(*warheads, 0).into()),
                ("multiple", format!("{multiple:.1}").into()),
                ("ican", ican(fra).into()),
            ],
        ),
        OptionReason::ConventionalStrike { credibility } => {
            m.f("reason-conventional", &[("credibility", format!("{credibility:.2}").into())])
        }
        OptionReason::EuropeanPooled { warhead_share, assigned_warheads, population_m, joint_release } => m
            .f(
                "reason-european-pooled",
                &[
                    ("share", pct(*warhead_share).into()),
                    ("warheads", n(*assigned_warheads, 0).into()),
                    ("population", n(*population_m, 0).into()),
                    (
                        "release",
                        m.t(if *joint_release { "reason-joint-release" } else { "reason-release-kept" })
                            .into(),
                    ),
                ],
            ),
    }
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
