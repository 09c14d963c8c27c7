//! `bulwark assess` as text: the terminal table and Markdown mirror the five tests of
//! docs/design.md §1 (per axis the lines that decide it), then the questions, the overall verdict,
//! the timeline of closures, the budget and the assumptions.

use bulwark_assess::{Assessment, AxisResult, AxisStatus, LineResult, Spread, SpreadKind};
use bulwark_models::budget::SpendingPath;
use bulwark_models::ledger::Verdict;

use crate::assessment_summary::{headline, overall, paragraph};

use crate::text_table::{format_number, TextTable};

/// Which text flavour to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    /// Aligned plain-text tables for a terminal.
    Terminal,
    /// Markdown (GitHub tables).
    Markdown,
}

/// The assessment as text. `year`, when given, adds how much of each gap the funded schedule
/// has closed by then.
pub fn render(a: &Assessment, flavour: Flavour, year: Option<u16>) -> String {
    let mut out = String::new();
    let h1 = |text: &str| match flavour {
        Flavour::Terminal => format!("{text}\n{}\n", "=".repeat(text.chars().count())),
        Flavour::Markdown => format!("# {text}\n"),
    };
    let h2 = |text: &str| match flavour {
        Flavour::Terminal => format!("\n{text}\n{}\n", "-".repeat(text.chars().count())),
        Flavour::Markdown => format!("\n## {text}\n\n"),
    };
    out.push_str(&h1(&format!("Bulwark assessment: scenario `{}`", a.scenario)));
    // The description is the scenario's free text: escaped for Markdown (issue 10).
    let description = match flavour {
        Flavour::Terminal => describe(a),
        Flavour::Markdown => crate::text_table::markdown_text(&describe(a)),
    };
    out.push_str(&format!("{description}\n"));
    out.push_str(&format!(
        "Dataset {}; requirement mode {}; money in EUR at {} prices; horizon {}–{}.\n",
        a.dataset, a.requirement_mode, a.base_year, a.base_year, a.end_year
    ));
    out.push_str(&format!("{}\n", coalition_sentence(a)));
    out.push_str(&h2("The answer: Europe without the United States"));
    for sentence in headline(a) {
        out.push_str(&format!("{}{sentence}.\n", bullet(flavour)));
    }
    for axis in &a.axes {
        out.push_str(&h2(&format!("Axis {}: {}", axis.number, axis.title)));
        out.push_str(&axis_headline(axis));
        out.push('\n');
        let lines: Vec<&LineResult> =
            axis.deciding_lines.iter().filter_map(|id| a.lines.iter().find(|l| &l.line == id)).collect();
        if !lines.is_empty() {
            out.push('\n');
            out.push_str(&table(&line_table(&lines, a.base_year, year), flavour));
        }
        for (label, value) in &axis.figures {
            out.push_str(&format!("{}{label}: {value}\n", bullet(flavour)));
        }
        for pending in &axis.pending {
            out.push_str(&format!("{}not yet modelled: {pending}\n", bullet(flavour)));
        }
    }
    out.push_str(&h2("Questions"));
    for q in &a.questions {
        if let Some(answer) = crate::nuclear_text::answer(a, q.id) {
            out.push_str(&structured_answer(q.id, q.question, &answer, flavour));
            continue;
        }
        let answer = match &q.answer {
            Ok(text) => text.clone(),
            Err(needs) => format!("not answered yet: needs the {needs}"),
        };
        out.push_str(&format!("{}{} {} {answer}\n", bullet(flavour), q.id, q.question));
    }
    out.push_str(&crate::threat_view::section(a, flavour, &h2));
    out.push_str(&h2("Overall verdict"));
    out.push_str(&wrap(&paragraph(&overall(a)), 100));
    if let Some(year) = year {
        let (sentence, t) = crate::assessment_year::table(a, year);
        out.push_str(&h2(&format!("The picture in {year}")));
        out.push_str(&format!("{sentence}\n\n"));
        out.push_str(&table(&t, flavour));
    }
    out.push_str(&h2("Timeline of closures"));
    out.push_str(&table(&timeline(a), flavour));
    out.push_str(&h2("Budget"));
    out.push_str(&table(&budget_table(a), flavour));
    for sentence in spending_paths(a) {
        out.push_str(&format!("{sentence}\n"));
    }
    if !a.budget_missing.is_empty() {
        out.push_str(&format!(
            "Left out of the budget for want of GDP or spending figures: {}\n",
            a.budget_missing.join(", ")
        ));
    }
    out.push_str(&h2("Assumptions"));
    out.push_str(&table(&assumption_table(a), flavour));
    out
}

/// The benchmark verdict in words no reader can misread: a line or axis the US fills reads
/// "covered with the US", never "self-sufficient".
pub fn benchmark_label(own: Verdict, benchmark: Verdict) -> &'static str {
    match (own, benchmark) {
        (Verdict::SelfSufficient, _) => "self-sufficient",
        (_, Verdict::SelfSufficient) => "covered with the US",
        (_, Verdict::PartiallyDependent) => "partly covered with the US",
        (_, Verdict::Dependent) => "short even with the US",
    }
}

/// The scenario's own description, or, when its file gives none, one written from its settings
/// (never the description of the scenario it extends).
pub fn describe(a: &Assessment) -> String {
    if !a.description.trim().is_empty() {
        return a.description.clone();
    }
    let p = &a.us_posture;
    format!(
        "Scenario `{}` (its file gives no description): the US keeps {:.0} % of its conventional forces, {:.0} % of its enablers, {:.0} % of its intelligence sharing and {:.0} % of its nuclear umbrella.",
        a.scenario,
        100.0 * p.conventional,
        100.0 * p.enablers,
        100.0 * p.intelligence,
        100.0 * p.nuclear
    )
}

/// Who counts as "Europe": the member count and the choices a reader may make otherwise.
pub fn coalition_sentence(a: &Assessment) -> String {
    let c = &a.coalition_choices;
    let turkey = if c.includes_turkey { "includes Turkey" } else { "leaves out Turkey" };
    let non_nato = if c.non_nato_eu_members.is_empty() {
        "no EU member outside NATO".to_string()
    } else {
        format!("the EU members outside NATO ({})", c.non_nato_eu_members.join(", "))
    };
    let out =
        if c.excluded.is_empty() { String::new() } else { format!("; left out: {}", c.excluded.join(", ")) };
    format!(
        "Coalition (\"Europe\"): {} countries; it {turkey} and counts {non_nato}{out} (the scenario's [coalition] choice).",
        a.coalition.len()
    )
}

/// Who follows which spending path: the Hague commitment binds NATO allies only.
pub fn spending_paths(a: &Assessment) -> Vec<String> {
    let with = |path: SpendingPath| -> Vec<&str> {
        a.budget.countries.iter().filter(|c| c.path == path).map(|c| c.iso3.as_str()).collect()
    };
    let last = |c: &bulwark_models::budget::CountryPath| c.share_pct.last().copied().unwrap_or(0.0);
    let mut sentences = Vec::new();
    let hague = with(SpendingPath::Hague);
    if !hague.is_empty() {
        sentences.push(format!("Spending path: {} NATO allies follow the common (Hague) path.", hague.len()));
    }
    for (path, words) in [
        (SpendingPath::OwnAlly, "NATO allies on a path of their own"),
        (SpendingPath::OwnNonAlly, "outside NATO, on a path the scenario sets"),
        (
            SpendingPath::Current,
            "outside NATO and not bound by the Hague commitment, keeping their current share of GDP",
        ),
    ] {
        let members: Vec<String> = a
            .budget
            .countries
            .iter()
            .filter(|c| c.path == path)
            .map(|c| format!("{} {:.1} %", c.iso3, last(c)))
            .collect();
        if !members.is_empty() {
            sentences.push(format!(
                "Spending path, {words} (share of GDP in {}): {}.",
                a.end_year,
                members.join(", ")
            ));
        }
    }
    sentences
}

/// A question answered in sentences (one a line) and captioned tables.
fn structured_answer(
    id: &str,
    question: &str,
    answer: &crate::nuclear_text::Answer,
    flavour: Flavour,
) -> String {
    let mut out = format!("{}{id} {question}\n", bullet(flavour));
    let indent = match flavour {
        Flavour::Terminal => "      ",
        Flavour::Markdown => "  - ",
    };
    for sentence in &answer.sentences {
        out.push_str(&format!("{indent}{sentence}\n"));
    }
    for (caption, t) in &answer.tables {
        out.push_str(&format!("\n{id}: {caption}\n\n"));
        out.push_str(&table(t, flavour));
    }
    out.push('\n');
    out
}

fn bullet(flavour: Flavour) -> &'static str {
    match flavour {
        Flavour::Terminal => "  - ",
        Flavour::Markdown => "- ",
    }
}

fn axis_headline(axis: &AxisResult) -> String {
    match &axis.status {
        AxisStatus::Assessed { score, score_without_us, verdict, benchmark, range_without_us } => format!(
            "Europe alone: {} (score {:.2}{}); with the scenario's US posture: {} (score {:.2})",
            verdict.label(),
            score_without_us,
            range_without_us.map_or(String::new(), |r| format!(", {}", score_band(&r))),
            benchmark_label(*verdict, *benchmark),
            score
        ),
        AxisStatus::NoData => "Verdict: none (no line of this axis has sourced figures)".to_string(),
        AxisStatus::ModelNotYetAvailable { needs } => format!("Verdict: model not yet available ({needs})"),
    }
}

/// A score's band as the reports write it: "p5–p95 0.40–0.48" over the scenario's
/// uncertainties, or "90 % interval …" for a probability estimated from runs.
pub(crate) fn score_band(range: &Spread) -> String {
    let what = match range.kind {
        SpreadKind::Percentiles => "p5–p95",
        SpreadKind::ProbabilityInterval => "90 % interval",
    };
    format!("{what} {:.2}–{:.2}", range.low, range.high)
}

fn line_table(lines: &[&LineResult], base_year: u16, year: Option<u16>) -> TextTable {
    let closed_header = year.map(|y| format!("closed by {y}"));
    let mut header = vec![
        "line",
        "Europe",
        "US",
        "required",
        "Europe alone",
        "with US",
        "gap alone",
        "cost EUR bn",
        "closes",
        "verdict alone",
        "with the US",
    ];
    if let Some(h) = &closed_header {
        header.push(h);
    }
    let mut t = TextTable::new(&header);
    for line in lines {
        let ledger = &line.ledger;
        let closure = line.closure.as_ref();
        let mut row = vec![
            line.line.clone(),
            opt(ledger.europe, 0),
            opt(ledger.us, 0),
            opt(ledger.requirement, 0),
            opt(ledger.coverage_without_us, 2),
            opt(ledger.coverage, 2),
            opt(ledger.gap, 0),
            opt(closure.and_then(|c| c.horizon_cost_eur_bn), 1),
            closes(line),
            ledger
                .status
                .as_ref()
                .map_or_else(|missing| missing.label().to_string(), |v| v.label().to_string()),
            match (ledger.status, ledger.benchmark) {
                (Ok(own), Some(benchmark)) => benchmark_label(own, benchmark).to_string(),
                _ => String::new(),
            },
        ];
        if let Some(year) = year {
            row.push(closed_share(line, base_year, year));
        }
        t.row(row);
    }
    t
}

/// The closure year of a line, `open` when not closed within the horizon, blank without a gap.
fn closes(line: &LineResult) -> String {
    match &line.closure {
        Some(c) if c.gap_units > 0.0 => {
            c.funded_closure_year.map_or_else(|| "open".to_string(), |y| y.to_string())
        }
        _ => String::new(),
    }
}

/// The share of a line's gap the funded schedule has delivered by the end of `year`.
fn closed_share(line: &LineResult, base_year: u16, year: u16) -> String {
    let Some(closure) = line.closure.as_ref().filter(|c| c.gap_units > 0.0) else { return String::new() };
    let last = closure.delivered_by_year.len().saturating_sub(1);
    let idx = usize::from(year.saturating_sub(base_year)).min(last);
    let delivered = closure.delivered_by_year.get(idx).copied().unwrap_or(0.0);
    format!("{:.0} %", 100.0 * delivered / closure.gap_units)
}

fn timeline(a: &Assessment) -> TextTable {
    let mut t = TextTable::new(&["closes", "line", "gap", "critical", "notes"]);
    let mut rows: Vec<(&LineResult, Option<u16>)> = a
        .lines
        .iter()
        .filter_map(|l| l.closure.as_ref().filter(|c| c.gap_units > 0.0).map(|c| (l, c.funded_closure_year)))
        .collect();
    rows.sort_by_key(|(l, year)| (year.unwrap_or(u16::MAX), l.line.clone()));
    for (line, year) in rows {
        let closure = line.closure.as_ref();
        t.row(vec![
            year.map_or_else(|| format!("open in {}", a.end_year), |y| y.to_string()),
            line.line.clone(),
            opt(line.ledger.gap, 0),
            if closure.is_some_and(|c| c.critical) { "yes".into() } else { String::new() },
            line.notes.join("; "),
        ]);
    }
    t
}

fn budget_table(a: &Assessment) -> TextTable {
    let b = &a.budget;
    let mut t = TextTable::new(&[
        "year",
        "spending EUR bn",
        "related EUR bn",
        "buying power EUR bn",
        "EU instruments EUR bn",
        "headroom EUR bn",
    ]);
    for (idx, year) in b.years.iter().enumerate() {
        if idx % 5 != 0 && idx + 1 != b.years.len() {
            continue;
        }
        t.row(vec![
            year.to_string(),
            format_number(b.total_spend_eur_bn[idx], 0),
            format_number(b.related_spend_eur_bn[idx], 0),
            format_number(b.buying_power_eur_bn[idx], 0),
            format_number(b.instruments_eur_bn[idx], 0),
            format_number(b.headroom_eur_bn[idx], 0),
        ]);
    }
    t
}

fn assumption_table(a: &Assessment) -> TextTable {
    let mut t = TextTable::new(&["parameter", "value", "unit", "form", "origin", "rationale"]);
    for assumption in &a.assumptions {
        t.row(vec![
            assumption.name.clone(),
            if assumption.unit == "year" {
                format!("{:.0}", assumption.value)
            } else {
                format_number(assumption.value, 3)
            },
            assumption.unit.to_string(),
            assumption.form.to_string(),
            assumption.origin.clone(),
            assumption.rationale.clone(),
        ]);
    }
    t
}

fn opt(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_string(), |v| format_number(v, decimals))
}

fn table(t: &TextTable, flavour: Flavour) -> String {
    match flavour {
        Flavour::Terminal => t.render(),
        Flavour::Markdown => t.render_markdown(),
    }
}

/// Wraps a paragraph at `width` characters.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line_len > 0 && line_len + 1 + len > width {
            out.push('\n');
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out.push('\n');
    out
}
