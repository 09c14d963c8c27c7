//! Page 1 of the HTML report (`#summary`): the answer in at most five sentences, the verdict
//! table of the five tests and three questions with their ranges, the window of vulnerability
//! as one "clocks" chart, and the three assumptions that matter most; then the table of
//! contents (`#contents`).

use std::fmt::Write;

use bulwark_assess::Assessment;

use crate::assessment_html::escape;
use crate::exec_summary::{self, KeyAssumption, VerdictRow};
use crate::svg::clocks::{clocks, ClockRow, Clocks};
use crate::svg::palette;

/// Fixed texts of page 1, in one place for translation.
mod text {
    pub(super) const HEADING: &str = "Can Europe defend itself without the United States?";
    pub(super) const TABLE_CAPTION: &str =
        "The five tests and three questions: Europe alone, the 90 % range behind \
         the verdict, and the benchmark with the US as the scenario sets it";
    pub(super) const COLUMNS: [&str; 5] =
        ["#", "Test or question", "Europe alone", "90 % range", "With the US"];
    pub(super) const WINDOW_HEADING: &str = "The window of vulnerability";
    pub(super) const KEY_HEADING: &str = "The three assumptions that matter most";
    pub(super) const CONTENTS: &str = "Contents";
    pub(super) const CHART_TITLE: &str =
        "Clocks of the window of vulnerability: when Russia could be ready, when \
         Europe alone would hold, when its last critical gap closes";
    pub(super) const YEAR: &str = "year";
    pub(super) const BAND: &str = "range (readiness p10–p90, closure p5–p95)";
    pub(super) fn short_of(confidence: f64) -> String {
        format!("Europe alone below {:.0} % P(hold), Baltic", 100.0 * confidence)
    }
    pub(super) const CLOSES: &str = "Europe's last critical gap closes";
    pub(super) const NOT_IN_HORIZON: &str = "not within the horizon";
    pub(super) fn russia(title: &str) -> String {
        format!("Russia ready: {title}")
    }
    pub(super) fn about(year: f64) -> String {
        format!("about {year:.0}")
    }
    pub(super) fn window(from: u16, to: u16) -> String {
        format!("years Europe alone would not hold ({from}–{to})")
    }
    pub(super) fn swing(k: &super::KeyAssumption) -> String {
        format!(
            "moves {} from {} to {} (central {}): a swing of {:.0} % of the central value",
            k.outcome,
            super::short(k.low),
            super::short(k.high),
            super::short(k.central),
            100.0 * k.relative_swing
        )
    }
}

/// A number with three significant figures at most.
fn short(value: f64) -> String {
    if value.abs() >= 100.0 {
        crate::format_number(value, 0)
    } else if value.abs() >= 1.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.3}")
    }
}

/// Writes `#summary` (page 1) and `#contents`.
pub(crate) fn page_one(
    out: &mut String,
    a: &Assessment,
    contents: &[(String, String)],
    m: &crate::i18n::Messages,
) {
    let _ = writeln!(out, "<section id=\"summary\">\n<h2>{}</h2>", text::HEADING);
    let sentences = crate::assessment_summary::paragraph(&exec_summary::sentences(a), m);
    let _ = writeln!(out, "<p class=\"answer-lead\">{}</p>", escape(&sentences));
    verdict_table(out, &exec_summary::verdict_rows(a, m), m);
    if let Some(chart) = clocks_chart(a) {
        let _ = writeln!(out, "<h3>{}</h3>\n{}", text::WINDOW_HEADING, clocks(&chart));
    }
    key_assumptions(out, &exec_summary::key_assumptions(a));
    out.push_str("</section>\n");
    // A plain list: the tests' titles carry their own numbers.
    let _ = writeln!(out, "<nav id=\"contents\">\n<h2>{}</h2>\n<ul class=\"contents\">", text::CONTENTS);
    for (anchor, title) in contents {
        let _ = writeln!(out, "<li><a href=\"#{anchor}\">{}</a></li>", escape(title));
    }
    out.push_str("</ul>\n</nav>\n");
}

fn verdict_table(out: &mut String, rows: &[VerdictRow], m: &crate::i18n::Messages) {
    let _ =
        writeln!(out, "<table class=\"verdicts\">\n<caption>{}</caption>\n<thead><tr>", text::TABLE_CAPTION);
    for column in text::COLUMNS {
        let _ = write!(out, "<th>{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        let alone = match row.verdict {
            Some(verdict) => format!(
                "{} <span class=\"small\">{}</span>",
                crate::assessment_html::verdict_badge(verdict, m),
                // The badge says the verdict; the text after it keeps only the score.
                escape(row.alone.strip_prefix(verdict.label()).unwrap_or(&row.alone).trim())
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

fn key_assumptions(out: &mut String, keys: &[KeyAssumption]) {
    if keys.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<ol class=\"key-assumptions\">", text::KEY_HEADING);
    for k in keys {
        let _ = writeln!(out, "<li><code>{}</code> {}</li>", escape(&k.name), escape(&text::swing(k)));
    }
    let _ = writeln!(
        out,
        "</ol>\n<p class=\"note\">{}.</p>",
        crate::assessment_html::prose(exec_summary::KEY_ASSUMPTIONS_METHOD)
    );
}

/// The clocks chart, or `None` when neither the threat nor the campaign model ran.
pub(crate) fn clocks_chart(a: &Assessment) -> Option<Clocks> {
    if a.threat.is_none() && a.campaign.is_none() {
        return None;
    }
    let mut rows = Vec::new();
    if let Some(t) = &a.threat {
        for (idx, clock) in t.clocks.iter().enumerate() {
            rows.push(ClockRow {
                label: text::russia(clock.title),
                low: clock.year_low,
                central: clock.year_median,
                high: clock.year_high,
                color: palette::VERMILLION,
                shape: idx + 1,
                note: clock.year_median.map_or(text::NOT_IN_HORIZON.to_string(), text::about),
            });
        }
    }
    let mut window = None;
    if let Some(c) = &a.campaign {
        let span = c.window.years_without_us.first().zip(c.window.years_without_us.last());
        rows.push(ClockRow {
            label: text::short_of(c.hold_confidence),
            low: None,
            central: span.map(|(from, _)| f64::from(*from)),
            high: None,
            color: palette::BLUE,
            shape: 0,
            note: span.map_or(text::NOT_IN_HORIZON.to_string(), |(from, to)| format!("{from}–{to}")),
        });
        if let Some((from, to)) = span {
            window = Some((f64::from(*from), f64::from(*to) + 1.0, text::window(*from, *to)));
        }
    }
    let closes = a.window_closes.map(f64::from);
    let range = a.ranges.as_ref().map(|r| r.window_closes);
    rows.push(ClockRow {
        label: text::CLOSES.to_string(),
        low: range.map(|r| r.low),
        central: closes,
        high: range.map(|r| r.high),
        color: palette::GREEN,
        shape: 1,
        note: closes.map_or(text::NOT_IN_HORIZON.to_string(), |y| format!("{y:.0}")),
    });
    Some(Clocks {
        title: text::CHART_TITLE.to_string(),
        x_title: text::YEAR.to_string(),
        start_year: a.base_year,
        end_year: a.end_year,
        rows,
        window,
        band_label: text::BAND.to_string(),
    })
}
