//! The assessment as one self-contained HTML page: inline CSS and inline SVG charts, no script,
//! no web fonts, nothing fetched from the network, and laid out to print on A4.
//!
//! The page reads top to bottom as a briefing: what was assessed, the overall verdict, the five
//! axes and three questions, four charts (coverage per line, spending against the cost to close,
//! the closure timeline, burden sharing), then the full line table and the assumptions. Every
//! text from the assessment is escaped, and the same assessment always gives the same bytes.

use std::fmt::Write;

use bulwark_assess::{Assessment, LineResult};
use bulwark_data::Dataset;
use bulwark_models::closure::{LineClosure, Unknown};
use bulwark_models::ledger::Verdict;

use crate::assessment_summary::bounded_total;
use crate::format_number;
use crate::i18n::Messages;
use crate::references::References;
use crate::svg::{
    self, Band, BarChart, BarGroup, LineChart, LineSeries, Reference, Series, Timeline, TimelineRow,
};

/// Colour of "with the US" in the charts.
const BLUE: &str = crate::svg::palette::BLUE;
/// Colour of "Europe alone" in the charts.
const ORANGE: &str = crate::svg::palette::VERMILLION;
/// Colour of the scenario's US posture when it differs from both.
const TEAL: &str = crate::svg::palette::GREEN;
/// Colour of reference lines.
const GREY: &str = crate::svg::palette::BLACK;

/// Renders the assessment as a complete HTML document. `dataset` gives the reference list
/// (the `sources.csv` entries behind the figures shown).
pub fn to_html(a: &Assessment, dataset: &Dataset, year: Option<u16>, m: &Messages) -> String {
    let refs = References::of_report(a, dataset, m);
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">", m.lang());
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>{}</title>",
        escape(&m.f("html-title", &[("scenario", a.scenario.as_str().into())]))
    );
    let _ = writeln!(out, "<style>{CSS}{}</style>\n</head>\n<body>\n<main>", parts::print_header_css(a, m));
    header(&mut out, a, m);
    crate::html_summary::page_one(&mut out, a, &crate::exec_summary::contents(a, m), m);
    meta(&mut out, a, m);
    for axis in &a.axes {
        parts::test_part(&mut out, a, axis, &refs, year, m);
    }
    for question in &a.questions {
        parts::question_part(&mut out, a, question, &refs, m);
    }
    assumptions(&mut out, a, m);
    parts::references(&mut out, &refs, m);
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>",
        m.f(
            "html-footer",
            &[
                ("version", env!("CARGO_PKG_VERSION").into()),
                ("scenario", format!("<code>{}</code>", escape(&a.scenario)).into()),
                ("dataset", format!("<code>{}</code>", escape(&a.dataset)).into()),
                ("base", a.base_year.to_string().into()),
            ],
        ),
    );
    // Source ids that sentences cite in brackets become their numbers in the list.
    refs.renumber(&out)
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escaped text in which `` `code` `` spans become `<code>` elements.
pub(crate) fn prose(text: &str) -> String {
    let mut out = String::new();
    for (idx, part) in escape(text).split('`').enumerate() {
        if idx % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// A quantity for people: fewer decimals as it grows.
fn amount(value: f64) -> String {
    let decimals = match value.abs() {
        v if v >= 100.0 => 0,
        v if v >= 10.0 => 1,
        _ => 2,
    };
    format_number(value, decimals)
}

fn eur_bn(value: f64, m: &Messages) -> String {
    match m.lang() {
        crate::i18n::Lang::En => format!("EUR {} bn", amount(value)),
        crate::i18n::Lang::Ja => m.eur_bn(value, 0),
    }
}

/// A fraction as a percentage: whole percent from 10 %, one decimal below.
fn percent(fraction: f64, m: &Messages) -> String {
    percent_in(fraction, m.lang())
}

fn percent_in(fraction: f64, lang: crate::i18n::Lang) -> String {
    let pct = fraction * 100.0;
    let decimals = if pct.abs() >= 10.0 || pct == 0.0 { 0 } else { 1 };
    lang.pct(pct, decimals)
}

/// [`percent`] as a plain function for the charts' tick labels, per language.
fn percent_format(m: &Messages) -> fn(f64) -> String {
    match m.lang() {
        crate::i18n::Lang::En => |v| percent_in(v, crate::i18n::Lang::En),
        crate::i18n::Lang::Ja => |v| percent_in(v, crate::i18n::Lang::Ja),
    }
}

pub(crate) fn or_dash(value: Option<String>) -> String {
    value.unwrap_or_else(|| "–".to_string())
}

/// `"x / y"`, with a dash for a missing half, or one dash when both are missing.
fn pair(first: Option<String>, second: Option<String>) -> String {
    if first.is_none() && second.is_none() {
        return "–".to_string();
    }
    format!("{} / {}", or_dash(first), or_dash(second))
}

pub(crate) fn verdict_badge(verdict: Verdict, m: &Messages) -> String {
    let class = match verdict {
        Verdict::SelfSufficient => "v-self",
        Verdict::PartiallyDependent => "v-partial",
        Verdict::Dependent => "v-dep",
    };
    format!("<span class=\"badge {class}\">{}</span>", escape(&m.verdict(verdict)))
}

/// A line's name in the report's language, from its id.
pub(crate) fn line_name(a: &Assessment, id: &str, m: &Messages) -> String {
    let fallback = a.lines.iter().find(|l| l.line == id).map_or(id, |l| l.name.as_str());
    m.line_name(id, fallback)
}

fn header(out: &mut String, a: &Assessment, m: &Messages) {
    let _ = writeln!(
        out,
        "<header id=\"header\">\n<p class=\"kicker\">{}</p>\n<h1>{} <span class=\"scenario\">{}</span></h1>\n\
         <p class=\"description\">{}</p>\n</header>",
        escape(&m.t("html-kicker")),
        escape(&m.t("html-scenario")),
        escape(&a.scenario),
        prose(&crate::assessment_view::describe(a, m)),
    );
}

/// The scenario's settings and the headline figures, after the contents.
fn meta(out: &mut String, a: &Assessment, m: &Messages) {
    let _ = writeln!(
        out,
        "<section id=\"scenario\">\n<h2>{}</h2>\n<dl class=\"meta\">",
        escape(&m.t("h-scenario-and-data"))
    );
    let mut item = |term: &str, value: String| {
        let _ = writeln!(out, "<div><dt>{term}</dt><dd>{value}</dd></div>");
    };
    item(&m.t("html-dataset"), format!("<code>{}</code>", escape(&a.dataset)));
    item(
        &m.t("html-coalition"),
        format!(
            "{} <span class=\"small\">({})</span>",
            escape(&crate::assessment_view::coalition_sentence(a, m)),
            escape(&m.countries(&a.coalition))
        ),
    );
    item(&m.t("html-requirement-mode"), format!("<code>{}</code>", escape(&a.requirement_mode)));
    item(&m.t("html-prices"), escape(&m.f("html-prices-value", &[("base", a.base_year.to_string().into())])));
    item(
        &m.t("html-horizon"),
        escape(&m.f(
            "html-horizon-value",
            &[("base", a.base_year.to_string().into()), ("end", a.end_year.to_string().into())],
        )),
    );
    item(&m.t("html-spending-paths"), escape(&crate::assessment_view::spending_paths(a, m).join(" ")));
    if !a.budget_missing.is_empty() {
        item(&m.t("html-left-out"), escape(&m.countries(&a.budget_missing)));
    }
    out.push_str("</dl>\n");
    overall(out, a, m);
    out.push_str("</section>\n");
}

fn overall(out: &mut String, a: &Assessment, m: &Messages) {
    let _ = writeln!(
        out,
        "<div id=\"overall\">\n<h3>{}</h3>\n<p class=\"overall\">{}</p>",
        escape(&m.t("v-in-detail")),
        prose(&crate::assessment_summary::paragraph(&crate::assessment_summary::overall(a, m), m))
    );
    let drivers = crate::assessment_summary::driver_sentences(a, m);
    if !drivers.is_empty() {
        out.push_str("<ul class=\"drivers\">\n");
        for sentence in drivers {
            let _ = writeln!(out, "<li>{}.</li>", escape(&sentence));
        }
        let method = crate::assessment_summary::drivers_method(a, m).unwrap_or_default();
        let _ = writeln!(out, "</ul>\n<p class=\"small\">{}.</p>", escape(&method));
    }
    // Lines with their figures, verdict or not (a bound may leave the verdict undetermined).
    let assessed = a.lines.iter().filter(|l| l.ledger.coverage.is_some()).count();
    let window = match a.window_closes {
        Some(year) => year.to_string(),
        None => m.f("html-open-after", &[("year", a.end_year.to_string().into())]),
    };
    let (procurement, horizon_cost) = parts::cost_figures(a, m);
    let figures = [
        (m.t("html-fig-procurement"), procurement),
        (
            m.t("html-fig-horizon-cost"),
            format!(
                "{} <span class=\"small\">{}</span>",
                horizon_cost,
                escape(&m.f("html-over-years", &[("n", (a.end_year - a.base_year).into())]))
            ),
        ),
        (m.t("html-fig-headroom"), eur_bn(a.cumulative_headroom_eur_bn, m)),
        (m.t("html-fig-affordability"), or_dash(a.affordability_ratio.map(|r| format!("{r:.2}")))),
        (m.t("html-fig-window"), window),
        (
            m.t("html-fig-lines-assessed"),
            m.f("html-n-of", &[("n", assessed.into()), ("total", a.lines.len().into())]),
        ),
    ];
    out.push_str("<div class=\"figures\">\n");
    for (label, value) in figures {
        let _ = writeln!(
            out,
            "<div class=\"figure\"><div class=\"value\">{value}</div><div class=\"label\">{label}</div></div>"
        );
    }
    out.push_str("</div>\n</div>\n");
}

/// `(E + U at full posture) / R`: coverage with the US as today.
fn coverage_today(line: &LineResult) -> Option<f64> {
    let ledger = &line.ledger;
    let requirement = ledger.requirement.filter(|r| *r > 0.0)?;
    Some((ledger.europe? + ledger.us_full?) / requirement)
}

/// The coverage chart of the lines `only` names (all lines when `None`), in section `id`, with
/// a model outcome the axis's score counts like a line (`term`) as one more bar group.
pub(super) fn coverage(
    out: &mut String,
    a: &Assessment,
    only: Option<&[String]>,
    term: Option<&bulwark_assess::ModelTerm>,
    id: &str,
    m: &Messages,
) {
    let shown = |l: &&LineResult| only.is_none_or(|ids| ids.contains(&l.line));
    let mut drawn: Vec<&LineResult> =
        a.lines.iter().filter(shown).filter(|l| l.ledger.coverage_without_us.is_some()).collect();
    drawn.sort_by(|x, y| {
        x.ledger
            .coverage_without_us
            .partial_cmp(&y.ledger.coverage_without_us)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let differs = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() > 1e-9,
        _ => false,
    };
    // The scenario's posture gets its own bar only where it is neither "as today" nor "none".
    let show_posture = drawn.iter().any(|l| {
        differs(l.ledger.coverage, coverage_today(l))
            && differs(l.ledger.coverage, l.ledger.coverage_without_us)
    });
    let mut series = vec![Series { name: m.t("series-us-today"), color: BLUE }];
    if show_posture {
        series.push(Series { name: m.t("series-scenario-us"), color: TEAL });
    }
    series.push(Series { name: m.t("series-europe-alone"), color: ORANGE });
    let mut groups: Vec<BarGroup> = drawn
        .iter()
        .map(|l| {
            let mut values = vec![coverage_today(l)];
            if show_posture {
                values.push(l.ledger.coverage);
            }
            values.push(l.ledger.coverage_without_us);
            BarGroup { label: m.line_name(&l.line, &l.name), values }
        })
        .collect();
    // The model term is known with the scenario's US posture only: it fills the "as today"
    // bar when that posture is today's (every line's coverage equals its coverage today).
    if let Some(term) = term {
        let as_today = drawn.iter().all(|l| !differs(l.ledger.coverage, coverage_today(l)));
        let mut values = vec![as_today.then_some(term.with_us)];
        if show_posture {
            values.push(Some(term.with_us));
        }
        values.push(Some(term.alone));
        groups.push(BarGroup { label: crate::exec_summary::factor_name(a, term.id, m), values });
    }
    let largest = groups.iter().flat_map(|g| g.values.iter().flatten().copied()).fold(1.0, f64::max);
    let chart = BarChart {
        title: m.t("chart-coverage"),
        value_title: m.t("axis-coverage"),
        series,
        groups,
        references: vec![Reference { value: 1.0, label: m.t("ref-requirement-met"), color: GREY }],
        axis_max: largest.clamp(1.1, 2.0),
        format: percent_format(m),
    };
    let _ = writeln!(
        out,
        "<section id=\"{id}\" class=\"chart-section\">\n<h3>{}</h3>\n<p class=\"note\">{}</p>\n{}",
        escape(&m.t("h-coverage")),
        escape(&m.t("note-coverage")),
        svg::bar_chart(&chart)
    );
    let missing: Vec<String> = a
        .lines
        .iter()
        .filter(shown)
        .filter(|l| l.ledger.coverage_without_us.is_none())
        .map(|l| {
            let reason =
                l.ledger.status.err().map_or_else(|| m.t("no-figures"), |missing| m.missing(missing));
            format!(
                "<li>{} <span class=\"small\">({})</span></li>",
                escape(&m.line_name(&l.line, &l.name)),
                escape(&reason)
            )
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>\n<ul class=\"columns\">\n{}\n</ul>",
            escape(&m.f(
                "note-lines-without-data",
                &[("n", missing.len().into()), ("total", a.lines.len().into())]
            )),
            missing.join("\n")
        );
    }
    out.push_str("</section>\n");
}

pub(super) fn spending(out: &mut String, a: &Assessment, m: &Messages) {
    let budget = &a.budget;
    let base_spend = budget.total_spend_eur_bn.first().copied().unwrap_or(0.0);
    let horizon_years = f64::from(a.end_year.saturating_sub(a.base_year).max(1));
    let cost_per_year = a.horizon_cost_eur_bn / horizon_years;
    let last = |values: &[f64]| values.last().map_or("–".to_string(), |v| eur_bn(*v, m));
    let end = a.end_year;
    let core_and_related: Vec<f64> =
        budget.total_spend_eur_bn.iter().zip(&budget.related_spend_eur_bn).map(|(c, r)| c + r).collect();
    let core_and_related_label = m.f(
        "series-core-related",
        &[("year", end.to_string().into()), ("value", last(&core_and_related).into())],
    );
    let chart = LineChart {
        title: m.t("chart-spending"),
        x_title: m.t("axis-year"),
        y_title: m.f("axis-eur-bn-a-year-prices", &[("base", a.base_year.to_string().into())]),
        years: budget.years.clone(),
        lines: vec![
            LineSeries {
                series: Series {
                    name: m.f(
                        "series-core",
                        &[
                            ("year", end.to_string().into()),
                            ("value", last(&budget.total_spend_eur_bn).into()),
                        ],
                    ),
                    color: BLUE,
                },
                values: budget.total_spend_eur_bn.clone(),
            },
            LineSeries {
                series: Series {
                    name: m.f(
                        "series-buying-power",
                        &[
                            ("year", end.to_string().into()),
                            ("value", last(&budget.buying_power_eur_bn).into()),
                        ],
                    ),
                    color: ORANGE,
                },
                values: budget.buying_power_eur_bn.clone(),
            },
            LineSeries {
                series: Series { name: core_and_related_label, color: crate::svg::palette::PURPLE },
                values: core_and_related,
            },
        ],
        // One band, not two dashed lines a few per cent apart (issue 16): today's spending and
        // today's spending plus the yearly cost of closing the gaps bound it.
        bands: vec![Band {
            label: m.f(
                "band-base-to-cost",
                &[("base", eur_bn(base_spend, m).into()), ("cost", eur_bn(cost_per_year, m).into())],
            ),
            color: crate::svg::palette::VERMILLION,
            low: vec![base_spend; budget.years.len()],
            high: vec![base_spend + cost_per_year; budget.years.len()],
        }],
        references: Vec::new(),
        format: |v| format_number(v, 0),
    };
    let _ = writeln!(
        out,
        "<section id=\"spending\" class=\"chart-section\">\n<h3>{}</h3>\n<p class=\"note\">{}</p>\n{}",
        escape(&m.t("h-spending")),
        escape(&m.f(
            "note-spending",
            &[("base", a.base_year.to_string().into()), ("years", format_number(horizon_years, 0).into())]
        )),
        svg::line_chart(&chart),
    );
    let rows = [
        ("row-cumulative-headroom", eur_bn(a.cumulative_headroom_eur_bn, m)),
        ("row-cost-to-close", escape(&bounded_total(a, eur_bn(a.horizon_cost_eur_bn, m), false, m))),
        ("row-of-which-procurement", escape(&bounded_total(a, eur_bn(a.procurement_eur_bn, m), true, m))),
        ("row-affordability", or_dash(a.affordability_ratio.map(|r| format!("{r:.2}")))),
        ("row-extra-spending", eur_bn(budget.static_increase_eur_bn, m)),
        ("row-eu-gdp-share", percent(a.eu_gdp_share, m)),
    ];
    out.push_str("<table class=\"compact\">\n<tbody>\n");
    for (label, value) in rows {
        let label = escape(&m.t(label));
        let _ = writeln!(out, "<tr><th scope=\"row\">{label}</th><td class=\"num\">{value}</td></tr>");
    }
    for (name, total) in &budget.instrument_totals_eur_bn {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
            escape(&m.f(
                "row-eu-instrument",
                &[("name", m.lookup("instrument", &name.to_lowercase().replace(' ', "-"), name).into())]
            )),
            eur_bn(*total, m)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// What the timeline says after a line's bar.
fn closure_note(closure: &LineClosure, end_year: u16, m: &Messages) -> String {
    if let Some(year) = closure.funded_closure_year {
        return m.f("closes-in", &[("year", year.to_string().into())]);
    }
    match closure.years_to_close {
        Err(Unknown::NoUnitCost) => m.t("open-no-unit-cost"),
        Err(Unknown::NoProductionRate) => m.t("open-no-production"),
        Ok(_) => m.f(
            "open-funded",
            &[
                ("funded", amount(closure.funded_units).into()),
                ("gap", amount(closure.gap_units).into()),
                ("year", end_year.to_string().into()),
            ],
        ),
    }
}

pub(super) fn closure_timeline(out: &mut String, a: &Assessment, m: &Messages) {
    let mut closures: Vec<(&LineResult, &LineClosure)> = a
        .lines
        .iter()
        .filter_map(|l| l.closure.as_ref().map(|c| (l, c)))
        .filter(|(_, c)| c.gap_units > 0.0)
        .collect();
    closures.sort_by_key(|(_, c)| (c.funded_closure_year.is_none(), c.funded_closure_year, !c.critical));
    let rows: Vec<TimelineRow> = closures
        .iter()
        .map(|(l, c)| TimelineRow {
            label: m.line_name(&l.line, &l.name),
            end: c.funded_closure_year,
            critical: c.critical,
            note: closure_note(c, a.end_year, m),
        })
        .collect();
    let chart = Timeline {
        title: m.t("chart-timeline"),
        x_title: m.t("axis-year"),
        legend: crate::svg::TimelineLegend::new(a.window_closes, a.end_year, m),
        start_year: a.base_year,
        end_year: a.end_year,
        rows,
        window_closes: a.window_closes,
    };
    let _ = writeln!(
        out,
        "<section id=\"timeline\" class=\"chart-section\">\n<h3>{}</h3>\n<p class=\"note\">{}</p>",
        escape(&m.t("h-timeline-chart")),
        escape(&m.f("note-timeline", &[("base", a.base_year.to_string().into())]))
    );
    if chart.rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&m.t("no-gap-to-close")));
    } else {
        out.push_str(&svg::timeline(&chart));
    }
    if !a.window_open_lines.is_empty() {
        let names: Vec<String> = a.window_open_lines.iter().map(|id| escape(&line_name(a, id, m))).collect();
        let _ = writeln!(
            out,
            "<p>{}</p>",
            m.f(
                "critical-still-open",
                &[("year", a.end_year.to_string().into()), ("lines", m.list(&names).into())]
            )
        );
    }
    out.push_str("</section>\n");
}

pub(super) fn burden(out: &mut String, a: &Assessment, m: &Messages) {
    let budget = &a.budget;
    let end_year = budget.years.last().copied().unwrap_or(a.end_year);
    let mut shares: Vec<_> = budget.burden.iter().collect();
    shares.sort_by(|x, y| y.gdp_share.partial_cmp(&x.gdp_share).unwrap_or(std::cmp::Ordering::Equal));
    let largest = shares
        .iter()
        .flat_map(|s| [s.gdp_share, s.spending_share_base, s.spending_share_end])
        .fold(0.01, f64::max);
    let chart = BarChart {
        title: m.t("chart-burden"),
        value_title: m.t("axis-share-coalition"),
        series: vec![
            Series { name: m.t("series-share-gdp"), color: crate::svg::palette::GREY },
            Series {
                name: m.f("series-share-spending", &[("year", a.base_year.to_string().into())]),
                color: BLUE,
            },
            Series {
                name: m.f("series-share-spending", &[("year", end_year.to_string().into())]),
                color: ORANGE,
            },
        ],
        groups: shares
            .iter()
            .map(|s| BarGroup {
                label: m.country(&s.iso3).into_owned(),
                values: vec![Some(s.gdp_share), Some(s.spending_share_base), Some(s.spending_share_end)],
            })
            .collect(),
        references: Vec::new(),
        axis_max: largest,
        format: percent_format(m),
    };
    let _ = writeln!(
        out,
        "<section id=\"burden\" class=\"chart-section\">\n<h3>{}</h3>\n<p class=\"note\">{}</p>\n{}",
        escape(&m.t("h-burden")),
        escape(&m.t("note-burden")),
        svg::bar_chart(&chart)
    );
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<table class=\"compact\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th></tr></thead>\n<tbody>",
        t("th-country"),
        t("th-share-gdp"),
        t("th-share-spending"),
        t("th-pct-gdp-defence"),
        t("th-spending-eur-bn"),
    );
    for share in &shares {
        let Some(path) = budget.countries.iter().find(|c| c.iso3 == share.iso3) else { continue };
        let pair = |values: &[f64], fmt: &dyn Fn(f64) -> String| match (values.first(), values.last()) {
            (Some(first), Some(last)) => format!("{} → {}", fmt(*first), fmt(*last)),
            _ => "–".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} → {}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr>",
            escape(&m.country(&share.iso3)),
            percent(share.gdp_share, m),
            percent(share.spending_share_base, m),
            percent(share.spending_share_end, m),
            pair(&path.share_pct, &|v| format_number(v, 2)),
            pair(&path.spend_eur_bn, &amount),
        );
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>",
        escape(&m.f(
            "note-arrows",
            &[("from", a.base_year.to_string().into()), ("to", end_year.to_string().into())]
        ))
    );
}

pub(super) fn line_table(out: &mut String, a: &Assessment, m: &Messages) {
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<section id=\"lines\">\n<h3>{}</h3>\n<table class=\"lines\">\n<thead><tr><th>{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t("h-lines"),
        t("th-line"),
        t("html-th-europe-alone-cap"),
        t("th-us-contribution"),
        t("th-requirement"),
        t("th-coverage"),
        t("th-gap"),
        t("th-cost-to-close"),
        t("th-closes"),
        t("th-notes"),
    );
    for line in &a.lines {
        line_row(out, line, a.end_year, m);
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn line_row(out: &mut String, line: &LineResult, end_year: u16, m: &Messages) {
    let ledger = &line.ledger;
    // A bound prints beside its figure (`≥ 2`); the words are the catalogue's, escaped.
    let bounded = |value: Option<f64>, bound| or_dash(value.map(|v| escape(&m.bounded(amount(v), bound))));
    let (cost, closes) = match &line.closure {
        Some(closure) => (
            // The cost of a gap that is a bound is a bound the same way (the unit cost is a factor).
            pair(
                closure.procurement_eur_bn.map(|v| escape(&m.bounded(amount(v), ledger.gap_bound))),
                closure.horizon_cost_eur_bn.map(|v| escape(&m.bounded(amount(v), ledger.gap_bound))),
            ),
            closure_note(closure, end_year, m),
        ),
        None if ledger.gap.is_some() => ("–".into(), m.t("no-gap")),
        None => ("–".into(), "–".into()),
    };
    let mut notes: Vec<String> = Vec::new();
    if let Err(missing) = ledger.status {
        notes.push(format!("<strong>{}</strong>", escape(&m.missing(missing))));
    }
    notes.push(escape(
        &m.f("members-report", &[("n", line.reporting.0.into()), ("total", line.reporting.1.into())]),
    ));
    if let Some(cost) = line.unit_cost_eur_m {
        let systems = if line.priced_systems.is_empty() {
            String::new()
        } else {
            // The dataset's system names, in English: marked so for readers and screen readers.
            format!(" (<span lang=\"en\">{}</span>)", escape(&line.priced_systems.join(", ")))
        };
        notes.push(format!("{}{systems}", escape(&m.f("unit-cost", &[("value", amount(cost).into())]))));
    }
    if line.closure.as_ref().is_some_and(|c| c.critical) {
        notes.push(format!("<strong>{}</strong>", escape(&m.t("critical"))));
    }
    notes.extend(line.notes.iter().map(|note| escape(&crate::line_notes::note(note, m))));
    let _ = writeln!(
        out,
        "<tr id=\"line-{id}\"><td><strong>{}</strong><br><code>{id}</code> <span class=\"small\">{}, {}</span></td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{cost}</td><td>{}</td>\
         <td class=\"small\">{}</td></tr>",
        escape(&m.line_name(&line.line, &line.name)),
        escape(&m.domain_name(&line.domain)),
        escape(&m.unit(&line.counted_in)),
        bounded(ledger.europe, ledger.europe_bound),
        pair(
            ledger.us.map(|v| escape(&m.bounded(amount(v), ledger.us_available_bound()))),
            ledger.us_full.map(|v| escape(&m.bounded(amount(v), ledger.us_bound)))
        ),
        bounded(ledger.requirement, ledger.requirement_bound),
        pair(ledger.coverage.map(|c| percent(c, m)), ledger.coverage_without_us.map(|c| percent(c, m))),
        bounded(ledger.gap, ledger.gap_bound),
        escape(&closes),
        notes.join("; "),
        id = escape(&line.line),
    );
}

fn assumptions(out: &mut String, a: &Assessment, m: &Messages) {
    let t = |id: &str| escape(&m.t(id));
    let _ = writeln!(
        out,
        "<section id=\"assumptions\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th>\
         <th class=\"num\">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t("h-assumptions"),
        t("th-parameter"),
        t("th-value"),
        t("th-unit"),
        t("th-set-in"),
        t("th-rationale"),
    );
    for assumption in &a.assumptions {
        let value = crate::assessment_view::assumption_value(assumption);
        let form = if assumption.form == "value" {
            String::new()
        } else {
            format!(
                " <span class=\"small\">({})</span>",
                escape(&m.f(
                    "central-value",
                    &[("form", crate::assessment_view::form_label(assumption.form, m).into())]
                ))
            )
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td class=\"num\">{value}{form}</td><td>{}</td><td>{}</td>\
             <td class=\"small\">{}</td></tr>",
            escape(&assumption.name),
            escape(&crate::assessment_view::unit_label(assumption.unit, m)),
            escape(&crate::assessment_view::origin_label(&assumption.origin, m)),
            prose(&assumption.rationale),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The page's style sheet: system fonts, A4 print rules, verdict colours.
pub(crate) const CSS: &str = "
body { margin: 0; background: #fff; color: #1a202c; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 4px 0 6px; } h3 { font-size: 15px; margin: 20px 0 6px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #2d3748; }
.kicker { margin: 0; color: #4a5568; text-transform: uppercase; letter-spacing: .04em; font-size: 12px; }
.scenario, code { font-family: ui-monospace, Menlo, Consolas, monospace; } code { font-size: .92em; }
.description { font-size: 15px; margin: 0 0 12px; }
.meta { margin: 0; } .meta div { display: flex; gap: 12px; padding: 1px 0; }
.meta dt { font-weight: 600; flex: 0 0 250px; color: #4a5568; } .meta dd { margin: 0; }
.overall { font-size: 15px; background: #f7fafc; border-left: 4px solid #2d3748; padding: 10px 14px; margin: 8px 0; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-top: 12px; }
.figure { border: 1px solid #e2e8f0; padding: 8px 10px; } .figure .value { font-size: 18px; font-weight: 600; }
.figure .label { color: #4a5568; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } table.compact { width: auto; min-width: 50%; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #a0aec0; font-size: 12px; color: #2d3748; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.lines { font-size: 12px; } table.lines .num { white-space: normal; } table.lines td:last-child { width: 32%; }
td.axis { min-width: 190px; } td.deciding { font-size: 12px; min-width: 150px; }
.small { font-size: 11px; color: #4a5568; } .note { color: #4a5568; font-size: 13px; margin: 4px 0; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.v-self { background: #c6f6d5; color: #22543d; } .v-partial { background: #fefcbf; color: #744210; }
.v-dep { background: #fed7d7; color: #822727; } .v-na { background: #edf2f7; color: #4a5568; }
svg.chart { display: block; width: 100%; height: auto; margin: 8px 0; }
ul.columns { columns: 3; column-gap: 28px; font-size: 13px; margin: 4px 0; } ul.columns li { break-inside: avoid; }
html:lang(ja) th { word-break: keep-all; }
html:lang(ja) body, html:lang(ja) svg.chart { font-family: system-ui, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo, sans-serif; }
footer { margin-top: 40px; color: #718096; font-size: 12px; border-top: 1px solid #e2e8f0; padding-top: 8px; }
.answer-lead { font-size: 16px; line-height: 1.5; background: #f7fafc; border-left: 4px solid #0072B2; padding: 10px 14px; margin: 8px 0 12px; }
p.answer { font-size: 15px; font-weight: 600; margin: 6px 0 10px; } .answer-more { font-size: 13px; }
table.verdicts { font-size: 13px; } table.verdicts caption { text-align: left; font-size: 12px; color: #4a5568; padding-bottom: 4px; }
ol.key-assumptions { margin: 4px 0; padding-left: 22px; } ol.references { font-size: 12px; padding-left: 28px; overflow-wrap: anywhere; }
#contents ul { columns: 2; column-gap: 28px; list-style: none; padding-left: 0; } .part { margin-top: 8px; } p.sources { font-size: 12px; color: #4a5568; }
a { color: #0058a0; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 11px; } main { max-width: none; padding: 0; }
  svg, .chart-section, tr, .figure, #summary table, ol.key-assumptions { break-inside: avoid; } h2, h3 { break-after: avoid; }
  #contents, #test-1, #assumptions, #references { break-before: page; }
  ol.references { columns: 2; column-gap: 16px; font-size: 8.5px; } ol.references li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

mod parts;

#[cfg(test)]
mod tests;
