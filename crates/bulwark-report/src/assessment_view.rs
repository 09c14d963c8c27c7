//! `bulwark assess` as text: the terminal table and Markdown mirror the five tests of
//! docs/design.md §1 (per axis the lines that decide it), then the questions, the overall verdict,
//! the timeline of closures, the budget and the assumptions.

use bulwark_assess::{Assessment, AxisResult, AxisStatus, LineResult, PendingModel, Spread, SpreadKind};
use bulwark_models::budget::SpendingPath;
use bulwark_models::ledger::Verdict;

use bulwark_data::Dataset;

use crate::assessment_summary::{overall, paragraph};
use crate::exec_summary;
use crate::i18n::Messages;
use crate::references::{Cited, References};

use crate::text_table::{format_number, TextTable};

/// Which text flavour to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    /// Aligned plain-text tables for a terminal.
    Terminal,
    /// Markdown (GitHub tables).
    Markdown,
}

/// The assessment as text, in the order of the HTML report: page 1 (the answer, the verdict
/// table, the window of vulnerability, the key assumptions), the contents, one section per test
/// and question, the assumptions and the references. `year`, when given, adds how much of each
/// gap the funded schedule has closed by then. `dataset` gives the reference list.
pub fn render(
    a: &Assessment,
    dataset: &Dataset,
    flavour: Flavour,
    year: Option<u16>,
    m: &Messages,
) -> String {
    let mut out = String::new();
    let h1 = |text: &str| match flavour {
        Flavour::Terminal => format!("{text}\n{}\n", "=".repeat(crate::text_table::display_width(text))),
        Flavour::Markdown => format!("# {text}\n"),
    };
    let h2 = |text: &str| match flavour {
        Flavour::Terminal => format!("\n{text}\n{}\n", "-".repeat(crate::text_table::display_width(text))),
        Flavour::Markdown => format!("\n## {text}\n\n"),
    };
    let refs = References::of_report(a, dataset, m);
    out.push_str(&h1(&m.f("title", &[("scenario", a.scenario.as_str().into())])));
    // The description is the scenario's free text: escaped for Markdown (issue 10).
    let description = match flavour {
        Flavour::Terminal => describe(a, m),
        Flavour::Markdown => crate::text_table::markdown_text(&describe(a, m)),
    };
    out.push_str(&format!("{description}\n"));
    out.push_str(&settings_line(a, m));
    out.push('\n');
    out.push_str(&format!("{}\n", coalition_sentence(a, m)));
    page_one(&mut out, a, flavour, &h2, m);
    out.push_str(&h2(&m.t("v-contents")));
    for (_, title) in &exec_summary::contents(a, m) {
        // Markdown renders the list's own anchors from the headings (GitHub's rule, `slug`).
        out.push_str(&match flavour {
            Flavour::Markdown => format!("- [{title}](#{})\n", slug(title)),
            // The titles carry their own numbers (`1.` … `5.`, `Q1` … `Q3`).
            Flavour::Terminal => format!("  {title}\n"),
        });
    }
    out.push_str(&h2(&m.t("v-in-detail")));
    out.push_str(&wrap(&paragraph(&overall(a, m), m), 100));
    // What moves each headline most (the drivers' Morris screen, when it ran).
    // Each sentence ends with the language's full stop (`.`, `。`), the note in its brackets.
    let stop = |sentence: &str| crate::assessment_summary::full_stop(sentence, m);
    for sentence in crate::assessment_summary::driver_sentences(a, m) {
        out.push_str(&format!("{}{}\n", bullet(flavour), stop(&sentence)));
    }
    if let Some(method) = crate::assessment_summary::drivers_method(a, m) {
        out.push_str(&match m.lang() {
            crate::i18n::Lang::En => format!("  ({})\n", stop(&method)),
            crate::i18n::Lang::Ja => format!("  （{}）\n", stop(&method)),
        });
    }
    for axis in &a.axes {
        out.push_str(&h2(&format!("{}. {}", axis.number, axis_title(axis, m))));
        // The answer in one sentence: the verdict with the band of Europe's own score.
        out.push_str(&format!("{}\n", crate::assessment_summary::full_stop(&axis_headline(axis, m), m)));
        for sentence in exec_summary::score_sentences(a, axis, m) {
            out.push_str(&format!("{}\n", crate::assessment_summary::full_stop(&sentence, m)));
        }
        axis_body(&mut out, a, axis, flavour, year, m);
        if axis.number == 3 {
            financial_body(&mut out, a, flavour, year, m);
        }
        out.push_str(&sources_line(&refs, axis_cited(axis.number), m));
    }
    for q in &a.questions {
        let question = question_text(q.id, m);
        out.push_str(&h2(&format!("{} {question}", q.id)));
        if let Some(sentence) = exec_summary::question_answer(a, q.id, m) {
            let sentence = refs.renumber(sentence.trim_end_matches(['.', '。']));
            out.push_str(&format!("{}\n\n", crate::assessment_summary::full_stop(&sentence, m)));
        }
        if let Some(answer) = crate::nuclear_text::answer(a, q.id, m) {
            let renumbered = crate::nuclear_text::Answer {
                sentences: answer.sentences.iter().map(|s| refs.renumber(s)).collect(),
                tables: answer.tables,
            };
            out.push_str(&structured_answer(q.id, &question, &renumbered, flavour));
            out.push_str(&sources_line(&refs, Cited::Nuclear, m));
            continue;
        }
        if let Err(needs) = &q.answer {
            out.push_str(&m.f("not-answered", &[("needs", pending_model(*needs, m).into())]));
            out.push('\n');
        }
        if q.id == "Q2" {
            out.push_str(&crate::threat_view::section(a, flavour, &h2, m));
            out.push_str(&sources_line(&refs, Cited::Adversary, m));
        }
    }
    out.push_str(&h2(&m.t("h-assumptions")));
    out.push_str(&table(&assumption_table(a, m), flavour));
    out.push_str(&h2(&m.t("v-references")));
    for (idx, source) in refs.entries.iter().enumerate() {
        out.push_str(&match flavour {
            Flavour::Markdown => format!(
                "{}. {}. *{}*. {}, {}. <{}>\n",
                idx + 1,
                source.id,
                crate::text_table::markdown_text(&source.title),
                crate::text_table::markdown_text(&source.publisher),
                source.year,
                source.url
            ),
            Flavour::Terminal => {
                format!(
                    "  [{}] {}. {}. {}, {}. {}\n",
                    idx + 1,
                    source.id,
                    source.title,
                    source.publisher,
                    source.year,
                    source.url
                )
            }
        });
    }
    // Source ids that sentences cite in brackets become their numbers in the list.
    refs.renumber(&out)
}

/// A heading's anchor as GitHub renders Markdown: lower case, punctuation dropped, spaces as
/// hyphens.
pub fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn axis_cited(number: u8) -> Cited {
    match number {
        2 => Cited::Nuclear,
        3 => Cited::Financial,
        4 => Cited::Integration,
        1 => Cited::StrategicAssets,
        _ => Cited::MultiDomain,
    }
}

fn sources_line(refs: &References, cited: Cited, m: &Messages) -> String {
    let cite = refs.cite(cited);
    if cite.is_empty() {
        String::new()
    } else {
        format!("\n{} {cite}\n", m.t("v-sources"))
    }
}

/// Page 1: the answer, the verdict table, the clocks and the key assumptions.
fn page_one(out: &mut String, a: &Assessment, flavour: Flavour, h2: &dyn Fn(&str) -> String, m: &Messages) {
    out.push_str(&h2(&m.t("v-heading")));
    out.push_str(&wrap(&paragraph(&exec_summary::sentences(a, m), m), 100));
    out.push('\n');
    let mut verdicts =
        headed(&["col-rank", "v-col-test", "col-europe-alone", "v-col-range", "col-with-the-us-plain"], m);
    for row in exec_summary::verdict_rows(a, m) {
        verdicts.row(vec![row.number, row.title, row.alone, row.range, row.with_us]);
    }
    out.push_str(&table(&verdicts, flavour));
    if let Some(chart) = crate::html_summary::clocks_chart(a, m) {
        out.push_str(&format!("\n{}{}\n\n", m.t("h-window"), m.t("colon")));
        let mut clocks = headed(&["v-col-clock", "col-year", "v-col-low", "v-col-high"], m);
        for row in chart.rows {
            let year = |v: Option<f64>| v.map_or("–".to_string(), |y| format!("{y:.0}"));
            clocks.row(vec![row.label, row.note, year(row.low), year(row.high)]);
        }
        out.push_str(&table(&clocks, flavour));
    }
    let keys = exec_summary::key_assumptions(a);
    if !keys.is_empty() {
        out.push_str(&format!("\n{}{}\n\n", m.t("v-key"), m.t("colon")));
        for (idx, k) in keys.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", idx + 1, exec_summary::key_assumption_line(k, m)));
        }
        out.push_str(&format!("\n{}\n", crate::assessment_summary::full_stop(&m.t("key-method"), m)));
    }
}

/// An axis's range, deciding lines and figures.
fn axis_body(
    out: &mut String,
    a: &Assessment,
    axis: &AxisResult,
    flavour: Flavour,
    year: Option<u16>,
    m: &Messages,
) {
    let lines: Vec<&LineResult> =
        axis.deciding_lines.iter().filter_map(|id| a.lines.iter().find(|l| &l.line == id)).collect();
    if !lines.is_empty() || !exec_summary::score_terms(a, axis, m).is_empty() {
        out.push('\n');
        let mut t = line_table(&lines, a.base_year, year, m);
        // A model outcome the score counts like a line gets its row, and so does the lines' own
        // score where it enters a weighted mean, so that every term of the score is in the table.
        for (name, alone, with_us) in exec_summary::score_terms(a, axis, m) {
            let mut row = vec![name];
            row.extend(["", "", ""].map(String::from));
            row.extend([opt(Some(alone), 2), opt(Some(with_us), 2)]);
            row.extend(["", "", "", "", ""].map(String::from));
            row.extend(year.map(|_| String::new()));
            t.row(row);
        }
        out.push_str(&table(&t, flavour));
    }
    for (label, value) in crate::axis_figures::rows(&axis.figures, m) {
        out.push_str(&format!("{}{label}{}{value}\n", bullet(flavour), m.t("label-sep")));
    }
    for pending in &axis.pending {
        let what = m.f("not-yet-modelled", &[("what", pending_model(*pending, m).into())]);
        out.push_str(&format!("{}{what}\n", bullet(flavour)));
    }
}

/// The financial test's timeline of closures and budget.
fn financial_body(out: &mut String, a: &Assessment, flavour: Flavour, year: Option<u16>, m: &Messages) {
    if let Some(year) = year {
        let (sentence, t) = crate::assessment_year::table(a, year, m);
        let heading = m.f("h-picture-in", &[("year", year.to_string().into())]);
        out.push_str(&format!("\n{heading}{}\n\n{sentence}\n\n", m.t("colon")));
        out.push_str(&table(&t, flavour));
    }
    out.push_str(&format!("\n{}{}\n\n", m.t("h-timeline"), m.t("colon")));
    out.push_str(&table(&timeline(a, m), flavour));
    out.push_str(&format!("\n{}{}\n\n", m.t("h-budget"), m.t("colon")));
    out.push_str(&table(&budget_table(a, m), flavour));
    // A blank line ends the Markdown table before the sentences.
    out.push('\n');
    for sentence in spending_paths(a, m) {
        out.push_str(&format!("{sentence}\n"));
    }
    if !a.budget_missing.is_empty() {
        out.push_str(&m.f("budget-missing", &[("members", m.countries(&a.budget_missing).into())]));
        out.push('\n');
    }
}

/// The dataset, requirement mode, prices and horizon in one sentence.
pub fn settings_line(a: &Assessment, m: &Messages) -> String {
    m.f(
        "settings-line",
        &[
            ("dataset", a.dataset.as_str().into()),
            ("mode", a.requirement_mode.as_str().into()),
            ("base", a.base_year.to_string().into()),
            ("end", a.end_year.to_string().into()),
        ],
    )
}

/// An axis's title in the report's language (the assessment's own title for an axis the
/// catalogue does not know).
pub fn axis_title(axis: &AxisResult, m: &Messages) -> String {
    m.t(&format!("axis-{}-title", axis.number))
}

/// A question's text in the report's language.
pub fn question_text(id: &str, m: &Messages) -> String {
    m.t(&format!("question-{id}"))
}

/// The benchmark verdict in the report's language (see [`benchmark_label`]).
pub fn benchmark_words(own: Verdict, benchmark: Verdict, m: &Messages) -> String {
    m.t(match (own, benchmark) {
        (Verdict::SelfSufficient, _) => "benchmark-self-sufficient",
        (_, Verdict::SelfSufficient) => "benchmark-covered",
        (_, Verdict::PartiallyDependent) => "benchmark-partly-covered",
        (_, Verdict::Dependent) => "benchmark-short",
    })
}

/// A table whose header cells are catalogue ids.
fn headed(ids: &[&str], m: &Messages) -> TextTable {
    let header: Vec<String> = ids.iter().map(|id| m.t(id)).collect();
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    TextTable::new(&refs)
}

/// The benchmark verdict in words no reader can misread: a line or axis the US fills reads
/// "covered with the US", never "self-sufficient". These English words are the JSON's values.
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
pub fn describe(a: &Assessment, m: &Messages) -> String {
    if !a.description.trim().is_empty() {
        return a.description.clone();
    }
    let p = &a.us_posture;
    m.f(
        "described-posture",
        &[
            ("scenario", a.scenario.as_str().into()),
            ("conventional", m.pct(100.0 * p.conventional, 0).into()),
            ("enablers", m.pct(100.0 * p.enablers, 0).into()),
            ("intelligence", m.pct(100.0 * p.intelligence, 0).into()),
            ("nuclear", m.pct(100.0 * p.nuclear, 0).into()),
        ],
    )
}

/// Who counts as "Europe": the member count and the choices a reader may make otherwise.
pub fn coalition_sentence(a: &Assessment, m: &Messages) -> String {
    let c = &a.coalition_choices;
    let turkey =
        m.t(if c.includes_turkey { "coalition-includes-turkey" } else { "coalition-leaves-out-turkey" });
    let non_nato = if c.non_nato_eu_members.is_empty() {
        m.t("coalition-no-non-nato")
    } else {
        m.f("coalition-non-nato", &[("members", m.countries(&c.non_nato_eu_members).into())])
    };
    let out = if c.excluded.is_empty() {
        String::new()
    } else {
        m.f("coalition-left-out", &[("members", m.countries(&c.excluded).into())])
    };
    m.f(
        "coalition-sentence",
        &[
            ("count", m.f("coalition-count", &[("n", a.coalition.len().into())]).into()),
            ("turkey", turkey.into()),
            ("non_nato", non_nato.into()),
            ("left_out", out.into()),
        ],
    )
}

/// Who follows which spending path: the Hague commitment binds NATO allies only.
pub fn spending_paths(a: &Assessment, m: &Messages) -> Vec<String> {
    let with = |path: SpendingPath| -> Vec<&str> {
        a.budget.countries.iter().filter(|c| c.path == path).map(|c| c.iso3.as_str()).collect()
    };
    let last = |c: &bulwark_models::budget::CountryPath| c.share_pct.last().copied().unwrap_or(0.0);
    let mut sentences = Vec::new();
    let hague = with(SpendingPath::Hague);
    if !hague.is_empty() {
        sentences.push(m.f("path-hague", &[("n", hague.len().into())]));
    }
    for (path, words) in [
        (SpendingPath::OwnAlly, "path-own-ally"),
        (SpendingPath::OwnNonAlly, "path-own-non-ally"),
        (SpendingPath::Current, "path-current"),
    ] {
        let members: Vec<String> = a
            .budget
            .countries
            .iter()
            .filter(|c| c.path == path)
            .map(|c| format!("{} {}", m.countries(&[&c.iso3]), m.pct(last(c), 1)))
            .collect();
        if !members.is_empty() {
            sentences.push(m.f(
                "path-sentence",
                &[
                    ("words", m.t(words).into()),
                    ("year", a.end_year.to_string().into()),
                    ("members", m.list_sep(&members).into()),
                ],
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

fn axis_headline(axis: &AxisResult, m: &Messages) -> String {
    match &axis.status {
        AxisStatus::Assessed { score, score_without_us, verdict, benchmark, range_without_us } => m.f(
            "axis-headline",
            &[
                ("verdict", m.verdict(*verdict).into()),
                ("alone", format!("{score_without_us:.2}").into()),
                (
                    "band",
                    range_without_us.map_or(String::new(), |r| m.t("band-sep") + &score_band(&r, m)).into(),
                ),
                ("benchmark", benchmark_words(*verdict, *benchmark, m).into()),
                ("score", format!("{score:.2}").into()),
            ],
        ),
        AxisStatus::NoData => m.t("axis-no-data"),
        AxisStatus::ModelNotYetAvailable { needs } => {
            m.f("axis-no-model", &[("needs", pending_model(*needs, m).into())])
        }
    }
}

/// A score's band as the reports write it: "p5–p95 0.40–0.48" over the scenario's
/// uncertainties, or "90 % interval …" for a probability estimated from runs.
pub(crate) fn score_band(range: &Spread, m: &Messages) -> String {
    let what = match range.kind {
        SpreadKind::Percentiles => "p5–p95".to_string(),
        SpreadKind::ProbabilityInterval => m.t("interval-90"),
    };
    // A band without width says so; one that rounds to a point gets a third decimal.
    if range.high - range.low < 1e-12 {
        return m.f("s-no-spread-band", &[("what", what.into())]);
    }
    let decimals = if format!("{:.2}", range.low) == format!("{:.2}", range.high) { 3 } else { 2 };
    format!("{what} {:.decimals$}–{:.decimals$}", range.low, range.high)
}

fn line_table(lines: &[&LineResult], base_year: u16, year: Option<u16>, m: &Messages) -> TextTable {
    let mut header: Vec<String> = [
        "col-line",
        "col-europe",
        "col-us",
        "col-required",
        "col-europe-alone",
        "col-with-us",
        "col-gap-alone",
        "col-cost-eur-bn",
        "col-closes",
        "col-verdict-alone",
        "col-with-the-us",
    ]
    .iter()
    .map(|id| m.t(id))
    .collect();
    if let Some(y) = year {
        header.push(m.f("col-closed-by", &[("year", y.to_string().into())]));
    }
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = TextTable::new(&refs);
    for line in lines {
        let ledger = &line.ledger;
        let closure = line.closure.as_ref();
        // A line by its name, as a reader expects words; ids stay in the JSON.
        let mut row = vec![
            m.line_name(&line.line, &line.name),
            bounded_count(ledger.europe, ledger.europe_bound, m),
            bounded_count(ledger.us, ledger.us_available_bound(), m),
            bounded_count(ledger.requirement, ledger.requirement_bound, m),
            opt(ledger.coverage_without_us, 2),
            opt(ledger.coverage, 2),
            bounded_count(ledger.gap, ledger.gap_bound, m),
            // The cost of a gap that is a bound is a bound the same way (the unit cost is a factor).
            bounded(closure.and_then(|c| c.horizon_cost_eur_bn), 1, ledger.gap_bound, m),
            closes(line, m),
            ledger.status.as_ref().map_or_else(|missing| m.missing(*missing), |v| m.verdict(*v)),
            match (ledger.status, ledger.benchmark) {
                (Ok(own), Some(benchmark)) => benchmark_words(own, benchmark, m),
                _ => String::new(),
            },
        ];
        if let Some(year) = year {
            row.push(closed_share(line, base_year, year, m));
        }
        t.row(row);
    }
    t
}

/// The closure year of a line, `open` when not closed within the horizon, blank without a gap.
fn closes(line: &LineResult, m: &Messages) -> String {
    match &line.closure {
        Some(c) if c.gap_units > 0.0 => c.funded_closure_year.map_or_else(|| m.t("open"), |y| y.to_string()),
        _ => String::new(),
    }
}

/// The share of a line's gap the funded schedule has delivered by the end of `year`.
fn closed_share(line: &LineResult, base_year: u16, year: u16, m: &Messages) -> String {
    let Some(closure) = line.closure.as_ref().filter(|c| c.gap_units > 0.0) else { return String::new() };
    let last = closure.delivered_by_year.len().saturating_sub(1);
    let idx = usize::from(year.saturating_sub(base_year)).min(last);
    let delivered = closure.delivered_by_year.get(idx).copied().unwrap_or(0.0);
    m.pct((100.0 * delivered / closure.gap_units).round(), 0)
}

fn timeline(a: &Assessment, m: &Messages) -> TextTable {
    let mut t = headed(&["col-closes", "col-line", "col-gap", "col-to-buy", "col-critical", "col-notes"], m);
    let mut rows: Vec<(&LineResult, Option<u16>)> = a
        .lines
        .iter()
        .filter_map(|l| l.closure.as_ref().filter(|c| c.gap_units > 0.0).map(|c| (l, c.funded_closure_year)))
        .collect();
    rows.sort_by_key(|(l, year)| (year.unwrap_or(u16::MAX), l.line.clone()));
    for (line, year) in rows {
        let closure = line.closure.as_ref();
        t.row(vec![
            year.map_or_else(
                || m.f("open-in", &[("year", a.end_year.to_string().into())]),
                |y| y.to_string(),
            ),
            m.line_name(&line.line, &line.name),
            count(line.ledger.gap),
            // What the schedule buys: the gap in available units over the domain's
            // availability, in whole units.
            closure.map_or_else(String::new, |c| crate::format_whole_units(c.gap_units)),
            if closure.is_some_and(|c| c.critical) { m.t("yes") } else { String::new() },
            line.notes.iter().map(|note| crate::line_notes::note(note, m)).collect::<Vec<_>>().join("; "),
        ]);
    }
    t
}

fn budget_table(a: &Assessment, m: &Messages) -> TextTable {
    let b = &a.budget;
    let mut t = headed(
        &[
            "col-year",
            "col-spending-eur-bn",
            "col-related-eur-bn",
            "col-buying-power-eur-bn",
            "col-eu-instruments-eur-bn",
            "col-headroom-eur-bn",
        ],
        m,
    );
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

fn assumption_table(a: &Assessment, m: &Messages) -> TextTable {
    let mut t =
        headed(&["col-parameter", "col-value", "col-unit", "col-form", "col-origin", "col-rationale"], m);
    for assumption in &a.assumptions {
        t.row(vec![
            assumption.name.clone(),
            assumption_value(assumption),
            unit_label(assumption.unit, m),
            form_label(assumption.form, m),
            origin_label(&assumption.origin, m),
            assumption.rationale.clone(),
        ]);
    }
    t
}

/// An assumption's value at the precision the scenario gives it (a year whole).
pub(crate) fn assumption_value(assumption: &bulwark_assess::Assumption) -> String {
    let decimals = if assumption.unit == "year" { 0 } else { assumption.decimals };
    format_number(assumption.value, decimals)
}

/// A model the assessment awaits, named in the report's language (`pending-<id>`).
pub(crate) fn pending_model(model: PendingModel, m: &Messages) -> String {
    m.t(match model {
        PendingModel::Iamd => "pending-iamd",
        PendingModel::Decision => "pending-decision",
        PendingModel::Campaign => "pending-campaign",
        PendingModel::Nuclear => "pending-nuclear",
    })
}

/// A parameter's unit for people (`unit-param-<unit>` of the catalogue, else the unit itself).
pub(crate) fn unit_label(unit: &str, m: &Messages) -> String {
    m.lookup("unit-param", unit, unit)
}

/// How a parameter is given (`value`, `triangular`, …) in the report's language.
pub(crate) fn form_label(form: &str, m: &Messages) -> String {
    m.lookup("form", form, form)
}

/// Where a parameter was set: the scenario crate's `default` or `set in FILE:LINE`, in the
/// report's language (the file and line stay as they are).
pub(crate) fn origin_label(origin: &str, m: &Messages) -> String {
    if origin == "default" {
        return m.t("note-origin-default");
    }
    match origin.strip_prefix("set in ") {
        Some(place) => m.f("origin-set-in", &[("place", place.into())]),
        None => origin.to_string(),
    }
}

/// A count of units in a line table (see [`crate::format_count`]).
fn count(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), crate::format_count)
}

fn opt(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_string(), |v| format_number(v, decimals))
}

/// [`opt`] with the figure's bound (`≥ 2`).
/// A count of units with its bound (see [`crate::format_count`] and `Messages::bounded`).
fn bounded_count(value: Option<f64>, bound: bulwark_core::Bound, m: &Messages) -> String {
    value.map_or_else(|| "—".to_string(), |v| m.bounded(crate::format_count(v), bound))
}

fn bounded(value: Option<f64>, decimals: usize, bound: bulwark_core::Bound, m: &Messages) -> String {
    value.map_or_else(|| "—".to_string(), |v| m.bounded(format_number(v, decimals), bound))
}

fn table(t: &TextTable, flavour: Flavour) -> String {
    match flavour {
        Flavour::Terminal => t.render(),
        Flavour::Markdown => t.render_markdown(),
    }
}

/// Wraps a paragraph at `width` characters.
/// `text` wrapped at `width` terminal columns: at spaces, and between wide characters too,
/// since Japanese puts no spaces between words.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        for (piece_idx, piece) in split_wide(word).into_iter().enumerate() {
            let len = crate::text_table::display_width(piece);
            // Pieces of one word join without a space.
            let gap = usize::from(line_len > 0 && piece_idx == 0);
            if line_len > 0 && line_len + gap + len > width {
                out.push('\n');
                line_len = 0;
            } else if gap == 1 {
                out.push(' ');
                line_len += 1;
            }
            out.push_str(piece);
            line_len += len;
        }
    }
    out.push('\n');
    out
}

/// Where a line may break inside a word: before each wide character, except before closing
/// punctuation (`。`, `、`, `）`, `」`, `：`), which stays with what it closes, and after an
/// opening bracket, which stays with what it opens.
fn split_wide(word: &str) -> Vec<&str> {
    let mut starts = vec![0];
    let (mut previous_wide, mut previous_opening) = (false, false);
    for (idx, ch) in word.char_indices() {
        let wide = crate::text_table::char_width(ch) == 2;
        let closing = "。、）」』：，".contains(ch);
        if idx > 0 && (wide || previous_wide) && !closing && !previous_opening {
            starts.push(idx);
        }
        previous_wide = wide;
        previous_opening = "（「『".contains(ch);
    }
    starts.dedup();
    let ends = starts.iter().skip(1).copied().chain([word.len()]);
    starts.iter().zip(ends).map(|(start, end)| &word[*start..end]).collect()
}

#[cfg(test)]
mod tests;
