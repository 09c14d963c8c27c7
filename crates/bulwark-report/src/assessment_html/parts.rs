//! The frame of the HTML report after page 1: one part per test and question (its answer in a
//! sentence, its charts, its tables, the numbers of its sources), the map of spending, the
//! numbered reference list and the running header of printed pages.

use std::fmt::Write;

use bulwark_assess::{Assessment, AxisResult, QuestionResult};

use super::{burden, closure_timeline, coverage, escape, line_table, prose, spending};
use crate::references::{Cited, References};
use crate::svg::map::{Choropleth, MapValue};

/// Fixed texts of the section frames, in one place for translation.
pub(super) mod text {
    pub(super) const SOURCES: &str = "Sources:";
    pub(super) const FIGURES: &str = "Figures";
    pub(super) const NOT_YET: &str = "not yet modelled:";
    pub(in crate::assessment_html) const SCENARIO_AND_DATA: &str = "Scenario and data";
    pub(super) const MAP_TITLE: &str =
        "Defence spending as a share of GDP in the base year, coalition members";
    pub(super) const MAP_LEGEND: &str = "% of GDP";
    pub(super) const MAP_OUTSIDE: &str = "outside the coalition";
    pub(super) const MAP_MISSING: &str = "member without a figure";
    pub(super) const MAP_HEADING: &str = "Who spends what share of GDP";
    pub(super) const NUCLEAR_LINK: &str = "Tables in the nuclear section";
    pub(super) const REFERENCES: &str = "References";
    pub(super) const RUNNING_HEAD: &str = "Bulwark net assessment";
}

/// The running header of printed pages: scenario name, and the dataset's edition as the date
/// (the report carries no wall-clock date, so that the same inputs give the same bytes).
pub(super) fn print_header_css(a: &Assessment) -> String {
    // Only plain characters go into a CSS string inside <style>.
    let safe = |text: &str| -> String {
        text.chars().map(|c| if c.is_alphanumeric() || " -_.,()".contains(c) { c } else { '?' }).collect()
    };
    format!(
        "@page {{ @top-left {{ content: \"{} · scenario {}\"; font: 9px sans-serif; color: #555; }} \
         @top-right {{ content: \"dataset {}\"; font: 9px sans-serif; color: #555; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font: 9px sans-serif; color: #555; }} }}\n",
        text::RUNNING_HEAD,
        safe(&a.scenario),
        safe(&a.dataset)
    )
}

/// One test's section: its answer, its charts, its tables, its sources.
pub(super) fn test_part(
    out: &mut String,
    a: &Assessment,
    axis: &AxisResult,
    refs: &References,
    year: Option<u16>,
    m: &crate::i18n::Messages,
) {
    let _ = writeln!(
        out,
        "<div class=\"part\" id=\"test-{}\">\n<h2>{}. {}</h2>\n<p class=\"answer\">{}.</p>",
        axis.number,
        axis.number,
        escape(&crate::assessment_view::axis_title(axis, m)),
        escape(&crate::exec_summary::axis_answer(a, axis.number).unwrap_or_default())
    );
    let cited = match axis.number {
        1 => {
            coverage(out, a, Some(&axis.deciding_lines), "coverage-strategic", m);
            crate::html_iamd::section(out, a, m);
            Cited::Lines
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
            crate::html_decision::section(out, a, m);
            Cited::Integration
        }
        _ => {
            coverage(out, a, None, "coverage", m);
            crate::html_force_package::section(out, a, m);
            line_table(out, a, m);
            Cited::Lines
        }
    };
    figures_table(out, axis, m);
    sources_note(out, refs, cited);
    out.push_str("</div>\n");
}

/// One question's section: its answer, then the sections that carry its charts and tables.
pub(super) fn question_part(
    out: &mut String,
    a: &Assessment,
    question: &QuestionResult,
    refs: &References,
    m: &crate::i18n::Messages,
) {
    let anchor = question.id.to_lowercase();
    let _ = writeln!(
        out,
        "<div class=\"part\" id=\"{anchor}\">\n<h2>{} {}</h2>",
        escape(question.id),
        escape(&crate::assessment_view::question_text(question.id, question.question, m))
    );
    match crate::nuclear_text::answer(a, question.id, m) {
        Some(answer) => {
            let sentences: Vec<String> = answer.sentences.iter().map(|s| escape(&refs.renumber(s))).collect();
            let _ = writeln!(
                out,
                "<p class=\"answer\">{}</p>\n<p class=\"answer-more\">{}</p>\n<p><a href=\"#nuclear\">{}</a></p>",
                sentences.first().cloned().unwrap_or_default(),
                sentences.get(1..).unwrap_or_default().join("<br>"),
                text::NUCLEAR_LINK
            );
            for (caption, t) in &answer.tables {
                let _ = writeln!(out, "<h3>{}</h3>\n{}", escape(caption), crate::html_nuclear::html_table(t));
            }
            sources_note(out, refs, Cited::Nuclear);
        }
        None => {
            let sentence = crate::exec_summary::question_answer(a, question.id, m).or_else(|| {
                question.answer.as_ref().ok().map(|answer| crate::question_answers::paragraph(answer, m))
            });
            let _ = writeln!(
                out,
                "<p class=\"answer\">{}.</p>",
                prose(sentence.as_deref().unwrap_or("–").trim_end_matches('.'))
            );
            if question.id == "Q2" {
                crate::html_campaign::section(out, a, m);
                crate::html_threat::section(out, a, m);
                sources_note(out, refs, Cited::Adversary);
            }
        }
    }
    out.push_str("</div>\n");
}

/// The axis's other figures as a two-column table.
fn figures_table(out: &mut String, axis: &AxisResult, m: &crate::i18n::Messages) {
    let rows = crate::axis_figures::rows(&axis.figures, m);
    if rows.is_empty() && axis.pending.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<table class=\"compact figures-table\">\n<tbody>", text::FIGURES);
    for (label, value) in rows {
        let _ =
            writeln!(out, "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", escape(&label), escape(&value));
    }
    for pending in &axis.pending {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><em>{}</em></th><td>{}</td></tr>",
            text::NOT_YET,
            escape(pending)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn sources_note(out: &mut String, refs: &References, cited: Cited) {
    let numbers = refs.numbers(cited);
    if numbers.is_empty() {
        return;
    }
    let _ = writeln!(out, "<p class=\"sources\">{} {}</p>", text::SOURCES, cite_links(numbers));
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

pub(super) fn references(out: &mut String, refs: &References) {
    let _ = writeln!(
        out,
        "<section id=\"references\">\n<h2>{}</h2>\n<ol class=\"references\">",
        text::REFERENCES
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
fn spending_map(out: &mut String, a: &Assessment, _m: &crate::i18n::Messages) {
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
        title: format!("{} ({})", text::MAP_TITLE, a.base_year),
        legend_title: format!("{}, {}", text::MAP_LEGEND, a.base_year),
        breaks: [1.5, 2.0, 2.5, 3.5],
        format: |v| format!("{v:.1} %"),
        outside_label: text::MAP_OUTSIDE.to_string(),
        missing_label: text::MAP_MISSING.to_string(),
        values,
    };
    let _ = writeln!(
        out,
        "<section id=\"map\" class=\"chart-section\">\n<h3>{}</h3>\n{}</section>",
        text::MAP_HEADING,
        crate::svg::map::choropleth(&chart)
    );
}
