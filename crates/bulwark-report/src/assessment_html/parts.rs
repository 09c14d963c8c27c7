//! The frame of the HTML report after page 1: one part per test and question (its answer in a
//! sentence, its charts, its tables, the numbers of its sources), the map of spending, the
//! numbered reference list and the running header of printed pages.

use std::fmt::Write;

use bulwark_assess::{Assessment, AxisResult, QuestionResult};

use super::{burden, closure_timeline, coverage, escape, line_table, prose, spending};
use crate::assessment_summary::full_stop;
use crate::i18n::{Lang, Messages};
use crate::references::{Cited, References};
use crate::svg::map::{Choropleth, MapValue};

/// The running header of printed pages: scenario name, and the dataset's edition as the date
/// (the report carries no wall-clock date, so that the same inputs give the same bytes).
pub(super) fn print_header_css(a: &Assessment, m: &Messages) -> String {
    // Only plain characters go into a CSS string inside <style>.
    let safe = |text: &str| -> String {
        text.chars().map(|c| if c.is_alphanumeric() || " -_.,()".contains(c) { c } else { '?' }).collect()
    };
    format!(
        "@page {{ @top-left {{ content: \"{} · {} {}\"; font: 9px sans-serif; color: #555; }} \
         @top-right {{ content: \"{} {}\"; font: 9px sans-serif; color: #555; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font: 9px sans-serif; color: #555; }} }}\n",
        css_text(&m.t("running-head")),
        css_text(&m.t("prov-scenario")),
        safe(&a.scenario),
        css_text(&m.t("prov-dataset")),
        safe(&a.dataset)
    )
}

/// Catalogue text for a CSS string: quotes and backslashes escaped, no line breaks.
fn css_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' | '<' | '>' => vec!['\\', c],
            _ => vec![c],
        })
        .collect()
}

/// One test's section: its answer, its charts, its tables, its sources.
pub(super) fn test_part(
    out: &mut String,
    a: &Assessment,
    axis: &AxisResult,
    refs: &References,
    year: Option<u16>,
    m: &Messages,
) {
    let _ = writeln!(
        out,
        "<div class=\"part\" id=\"test-{}\">\n<h2>{}. {}</h2>\n<p class=\"answer\">{}</p>",
        axis.number,
        axis.number,
        escape(&crate::assessment_view::axis_title(axis, m)),
        escape(&full_stop(&crate::exec_summary::axis_answer(a, axis.number, m).unwrap_or_default(), m))
    );
    for sentence in crate::exec_summary::score_sentences(a, axis, m) {
        let _ = writeln!(out, "<p class=\"answer-more\">{}</p>", escape(&full_stop(&sentence, m)));
    }
    let cited = match axis.number {
        1 => {
            let term = axis.score_notes.model_term.as_ref();
            coverage(out, a, Some(&axis.deciding_lines), term, "coverage-strategic", m);
            crate::html_iamd::section(out, a, m);
            Cited::StrategicAssets
        }
        2 => {
            crate::html_nuclear::section(out, a, m);
            Cited::Nuclear
        }
        3 => {
            spending_map(out, a, m);
            spending(out, a, m);
            if let Some(year) = year {
                out.push_str(&crate::assessment_year::to_html(a, year, m));
            }
            closure_timeline(out, a, m);
            burden(out, a, m);
            Cited::Financial
        }
        4 => {
            score_terms_table(out, a, axis, m);
            crate::html_decision::section(out, a, m);
            Cited::Integration
        }
        _ => {
            coverage(out, a, None, None, "coverage", m);
            crate::html_force_package::section(out, a, m);
            line_table(out, a, m);
            Cited::Lines
        }
    };
    figures_table(out, axis, m);
    sources_note(out, refs, cited, m);
    out.push_str("</div>\n");
}

/// One question's section: its answer, then the sections that carry its charts and tables.
pub(super) fn question_part(
    out: &mut String,
    a: &Assessment,
    question: &QuestionResult,
    refs: &References,
    m: &Messages,
) {
    let anchor = question.id.to_lowercase();
    let _ = writeln!(
        out,
        "<div class=\"part\" id=\"{anchor}\">\n<h2>{} {}</h2>",
        escape(question.id),
        escape(&crate::assessment_view::question_text(question.id, m))
    );
    match crate::nuclear_text::answer(a, question.id, m) {
        Some(answer) => {
            let sentences: Vec<String> = answer.sentences.iter().map(|s| escape(&refs.renumber(s))).collect();
            let _ = writeln!(
                out,
                "<p class=\"answer\">{}</p>\n<p class=\"answer-more\">{}</p>\n<p><a href=\"#nuclear\">{}</a></p>",
                sentences.first().cloned().unwrap_or_default(),
                sentences.get(1..).unwrap_or_default().join("<br>"),
                escape(&m.t("html-tables-nuclear"))
            );
            for (caption, t) in &answer.tables {
                let _ = writeln!(out, "<h3>{}</h3>\n{}", escape(caption), crate::html_nuclear::html_table(t));
            }
            sources_note(out, refs, Cited::Nuclear, m);
        }
        None => {
            let sentence = crate::exec_summary::question_answer(a, question.id, m).or_else(|| {
                question.answer.as_ref().ok().map(|answer| crate::question_answers::paragraph(answer, m))
            });
            let _ = writeln!(
                out,
                "<p class=\"answer\">{}</p>",
                prose(&full_stop(sentence.as_deref().unwrap_or("–").trim_end_matches('.'), m))
            );
            if question.id == "Q2" {
                crate::html_campaign::section(out, a, m);
                crate::html_threat::section(out, a, m);
                sources_note(out, refs, Cited::Adversary, m);
            }
        }
    }
    out.push_str("</div>\n");
}

/// Every term of a score that is not a plain geometric mean of lines (axis 4's weighted mean
/// of its lines' score and the decision model's P(decide in time)): the lines, then the terms
/// the formula sentence names, Europe alone and with the US.
fn score_terms_table(out: &mut String, a: &Assessment, axis: &AxisResult, m: &Messages) {
    let terms = crate::exec_summary::score_terms(a, axis, m);
    if terms.is_empty() {
        return;
    }
    let header = [m.t("col-line"), m.t("col-europe-alone"), m.t("col-with-us")];
    let mut table = crate::TextTable::new(&header.iter().map(String::as_str).collect::<Vec<_>>());
    let score = |c: Option<f64>| c.map_or_else(|| "—".to_string(), |c| format!("{:.2}", c.min(1.0)));
    for line in axis.deciding_lines.iter().filter_map(|id| a.lines.iter().find(|l| &l.line == id)) {
        table.row(vec![
            m.line_name(&line.line, &line.name),
            score(line.ledger.coverage_without_us),
            score(line.ledger.coverage),
        ]);
    }
    for (name, alone, with_us) in terms {
        table.row(vec![name, score(Some(alone)), score(Some(with_us))]);
    }
    out.push_str(&crate::html_nuclear::html_table(&table));
}

/// Page 1's procurement and horizon-cost figures as HTML, each marked as a bound where its gaps
/// are, the procurement with the count of costed gaps on lower bounds (review finding 4).
pub(super) fn cost_figures(a: &Assessment, m: &Messages) -> (String, String) {
    let bound = a.cost_bounds().bound;
    let note = crate::assessment_summary::lower_bounds_note(a, m).unwrap_or_default();
    let procurement = escape(&m.bounded(super::eur_bn(a.procurement_eur_bn, m), bound));
    (
        format!("{procurement} <span class=\"small\">{}</span>", escape(&note)),
        escape(&m.bounded(super::eur_bn(a.horizon_cost_eur_bn, m), bound)),
    )
}

/// The axis's other figures as a two-column table.
fn figures_table(out: &mut String, axis: &AxisResult, m: &Messages) {
    let rows = crate::axis_figures::rows(&axis.figures, m);
    if rows.is_empty() && axis.pending.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table class=\"compact figures-table\">\n<tbody>",
        escape(&m.t("h-figures"))
    );
    for (label, value) in rows {
        let _ =
            writeln!(out, "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", escape(&label), escape(&value));
    }
    for pending in &axis.pending {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><em>{}</em></th><td>{}</td></tr>",
            escape(&m.t("html-not-yet-modelled")),
            escape(&crate::assessment_view::pending_model(*pending, m))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn sources_note(out: &mut String, refs: &References, cited: Cited, m: &Messages) {
    let numbers = refs.numbers(cited);
    if numbers.is_empty() {
        return;
    }
    let _ = writeln!(out, "<p class=\"sources\">{} {}</p>", escape(&m.t("v-sources")), cite_links(numbers));
}

/// A citation whose numbers link to their entries: `[1–3, 7]` with each run linked to its first entry.
fn cite_links(numbers: &[usize]) -> String {
    let text = crate::references::cite_numbers(numbers);
    let inner = text.trim_start_matches('[').trim_end_matches(']');
    let parts: Vec<String> = inner
        .split(", ")
        .map(|part| {
            let first = part.split('–').next().unwrap_or(part);
            format!("<a href=\"#ref-{first}\">{part}</a>")
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

pub(super) fn references(out: &mut String, refs: &References, m: &Messages) {
    let _ = writeln!(
        out,
        "<section id=\"references\">\n<h2>{}</h2>\n<ol class=\"references\">",
        escape(&m.t("v-references"))
    );
    for (idx, source) in refs.entries.iter().enumerate() {
        let link = if source.url.starts_with("http://") || source.url.starts_with("https://") {
            format!(" <a href=\"{url}\">{url}</a>", url = escape(&source.url))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<li id=\"ref-{}\">{}. <em>{}</em>. {}, {}.{link}</li>",
            idx + 1,
            escape(&source.id),
            escape(&source.title),
            escape(&source.publisher),
            source.year
        );
    }
    out.push_str("</ol>\n</section>\n");
}

/// The base year's defence spending as a share of GDP, on a map of Europe.
fn spending_map(out: &mut String, a: &Assessment, m: &Messages) {
    let values: Vec<MapValue> = a
        .coalition
        .iter()
        .map(|iso3| MapValue {
            iso3: iso3.clone(),
            value: a
                .budget
                .countries
                .iter()
                .find(|c| &c.iso3 == iso3)
                .and_then(|c| c.share_pct.first().copied()),
        })
        .collect();
    let chart = Choropleth {
        title: m.f("map-title", &[("year", a.base_year.to_string().into())]),
        legend_title: m.f("map-legend", &[("year", a.base_year.to_string().into())]),
        breaks: [1.5, 2.0, 2.5, 3.5],
        format: match m.lang() {
            Lang::En => |v| Lang::En.pct(v, 1),
            Lang::Ja => |v| Lang::Ja.pct(v, 1),
        },
        outside_label: m.t("map-outside"),
        missing_label: m.t("map-missing"),
        names: crate::svg::map::outlines()
            .iter()
            .map(|(iso3, _)| (iso3.to_string(), m.country(iso3).into_owned()))
            .collect(),
        values,
    };
    let _ = writeln!(
        out,
        "<section id=\"map\" class=\"chart-section\">\n<h3>{}</h3>\n{}</section>",
        escape(&m.t("map-heading")),
        crate::svg::map::choropleth(&chart)
    );
}
