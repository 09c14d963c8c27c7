//! Page 1 of the HTML report (`#summary`): the answer in at most five sentences, the verdict
//! table of the five tests and three questions with their ranges, the window of vulnerability
//! as one "clocks" chart, and the three assumptions that matter most; then the table of
//! contents (`#contents`).

use std::fmt::Write;

use bulwark_assess::Assessment;

use crate::assessment_html::escape;
use crate::exec_summary::{self, KeyAssumption, VerdictRow};
use crate::i18n::Messages;
use crate::svg::clocks::{clocks, ClockRow, Clocks};
use crate::svg::palette;

/// Writes `#summary` (page 1) and `#contents`.
pub(crate) fn page_one(out: &mut String, a: &Assessment, contents: &[(String, String)], m: &Messages) {
    let _ = writeln!(out, "<section id=\"summary\">\n<h2>{}</h2>", escape(&m.t("v-heading")));
    let sentences = crate::assessment_summary::paragraph(&exec_summary::sentences(a, m), m);
    let _ = writeln!(out, "<p class=\"answer-lead\">{}</p>", escape(&sentences));
    verdict_table(out, &exec_summary::verdict_rows(a, m), m);
    if let Some(chart) = clocks_chart(a, m) {
        let _ = writeln!(out, "<h3>{}</h3>\n{}", escape(&m.t("s-window-heading")), clocks(&chart));
    }
    key_assumptions(out, &exec_summary::key_assumptions(a), m);
    out.push_str("</section>\n");
    // A plain list: the tests' titles carry their own numbers.
    let _ = writeln!(
        out,
        "<nav id=\"contents\">\n<h2>{}</h2>\n<ul class=\"contents\">",
        escape(&m.t("v-contents"))
    );
    for (anchor, title) in contents {
        let _ = writeln!(out, "<li><a href=\"#{anchor}\">{}</a></li>", escape(title));
    }
    out.push_str("</ul>\n</nav>\n");
}

fn verdict_table(out: &mut String, rows: &[VerdictRow], m: &Messages) {
    let _ = writeln!(
        out,
        "<table class=\"verdicts\">\n<caption>{}</caption>\n<thead><tr>",
        escape(&m.t("s-table-caption"))
    );
    for column in ["col-rank", "s-col-test", "s-col-alone", "s-col-range", "s-col-with"] {
        let _ = write!(out, "<th>{}</th>", escape(&m.t(column)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let alone = match row.verdict {
            Some(verdict) => format!(
                "{} <span class=\"small\">{}</span>",
                crate::assessment_html::verdict_badge(verdict, m),
                // The badge says the verdict; the text after it keeps only the score.
                escape(&row.alone_detail)
            ),
            None => escape(&row.alone),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><a href=\"#{}\">{}</a></td><td>{alone}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&row.number),
            escape(&row.anchor),
            escape(&row.title),
            escape(&row.range),
            escape(&row.with_us)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn key_assumptions(out: &mut String, keys: &[KeyAssumption], m: &Messages) {
    if keys.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<ol class=\"key-assumptions\">", escape(&m.t("v-key")));
    for k in keys {
        // The label reads on page 1; the name stays for a reader who looks it up (a tooltip).
        let _ = writeln!(
            out,
            "<li><span title=\"{}\">{}</span>{}{}</li>",
            escape(&k.name),
            escape(&exec_summary::label_opening(&k.name, m)),
            exec_summary::label_gap(m),
            escape(&exec_summary::key_assumption_text(k, m))
        );
    }
    let _ = writeln!(
        out,
        "</ol>\n<p class=\"note\">{}</p>",
        crate::assessment_html::prose(&crate::assessment_summary::full_stop(&m.t("key-method"), m))
    );
}

/// The clocks chart, or `None` when neither the threat nor the campaign model ran.
pub(crate) fn clocks_chart(a: &Assessment, m: &Messages) -> Option<Clocks> {
    if a.threat.is_none() && a.campaign.is_none() {
        return None;
    }
    let mut rows = Vec::new();
    if let Some(t) = &a.threat {
        for (idx, clock) in t.clocks.iter().enumerate() {
            rows.push(ClockRow {
                label: m.f("s-clock-russia", &[("war", crate::threat_view::clock_title(clock, m).into())]),
                low: clock.year_low,
                central: clock.year_median,
                high: clock.year_high,
                color: palette::VERMILLION,
                shape: idx + 1,
                note: clock.year_median.map_or(m.t("s-not-in-horizon"), |year| {
                    m.f("s-about-year", &[("year", format!("{year:.0}").into())])
                }),
            });
        }
    }
    let mut window = None;
    if let Some(c) = &a.campaign {
        let years = &c.window.years_without_us;
        // The window's runs of consecutive years: a window with a gap is shown as its parts,
        // never as one span from its first year to its last.
        let runs = crate::i18n::consecutive_runs(years);
        rows.push(ClockRow {
            label: m.f("s-clock-short-of", &[("pct", m.pct(100.0 * c.hold_confidence, 0).into())]),
            low: None,
            central: years.first().map(|from| f64::from(*from)),
            high: None,
            color: palette::BLUE,
            shape: 0,
            note: if years.is_empty() { m.t("s-not-in-horizon") } else { m.year_runs(years) },
        });
        if !runs.is_empty() {
            let label = m.f("s-clock-window", &[("years", m.year_runs(years).into())]);
            let spans = runs.iter().map(|(from, to)| (f64::from(*from), f64::from(*to) + 1.0)).collect();
            window = Some((spans, label));
        }
    }
    let closes = a.window_closes.map(f64::from);
    let range = a.ranges.as_ref().map(|r| r.window_closes);
    rows.push(ClockRow {
        label: m.t("s-clock-closes"),
        low: range.map(|r| r.low),
        central: closes,
        high: range.map(|r| r.high),
        color: palette::GREEN,
        shape: 1,
        note: closes.map_or(m.t("s-not-in-horizon"), |y| format!("{y:.0}")),
    });
    Some(Clocks {
        title: m.t("s-clocks-title"),
        x_title: m.t("axis-year"),
        start_year: a.base_year,
        end_year: a.end_year,
        rows,
        window,
        band_label: m.t("s-clocks-band"),
    })
}
