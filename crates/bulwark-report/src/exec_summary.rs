//! The first page of every report, as data shared by the terminal, Markdown and HTML: the
//! answer to the seed question in at most five sentences, one table of verdicts with ranges for
//! the five tests and three questions, and the three assumptions that matter most.
//!
//! The three assumptions come from the assessment's Morris screen (the drivers listed under
//! each headline): taking the headlines in the order the assessment screens them (the Baltic
//! defence, the cost of closing the gaps, the year the last gap closes, …), the assumption with
//! the largest μ* on each, skipping one already named, until three are named. μ* is not
//! comparable across headlines of different units, so page 1 names one per headline rather
//! than ranking them against each other; `bulwark explore sobol` gives the variance-based view.

use bulwark_assess::{Assessment, AxisStatus, Spread};
use bulwark_models::ledger::Verdict;

use crate::assessment_summary::weakest_lines;
use crate::i18n::{Lang, Messages};

/// How many lines the "what is missing" sentence names.
const MISSING_NAMED: usize = 3;
/// How many assumptions page 1 lists.
pub const KEY_ASSUMPTIONS: usize = 3;

/// One row of the verdict table: a test or a question.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictRow {
    /// Anchor of its section (`test-1` … `test-5`, `q1` … `q3`).
    pub anchor: String,
    /// `1` … `5` or `Q1` … `Q3`.
    pub number: String,
    /// The test or question.
    pub title: String,
    /// Europe alone, in a few words.
    pub alone: String,
    /// The verdict for badges, when the row has one.
    pub verdict: Option<Verdict>,
    /// What follows the badge when there is one (the score); `alone` otherwise.
    pub alone_detail: String,
    /// The figure behind it with its 90 % range, or why there is none.
    pub range: String,
    /// With the scenario's US posture, in a few words.
    pub with_us: String,
}

/// One of the assumptions that matter most.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyAssumption {
    /// The parameter's name in the scenario file (page 1 shows its label, [`param_label`]).
    pub name: String,
    /// The headline it moves most, as `bulwark explore` names it (`baltic.held_day_28`).
    pub outcome: &'static str,
    /// Its share of the sum of μ* over the parameters screened for that headline, 0 to 1.
    pub share: f64,
    /// Whether it is the only screened parameter that moves the headline at all (its share is
    /// then 100 % by construction, and page 1 says so instead).
    pub only: bool,
    /// The headline's next drivers with their shares, largest first.
    pub then: Vec<(String, f64)>,
}

/// A parameter as a reader knows it: its catalogue label in the report's language, or its name
/// when the catalogue does not have it (a test function's input).
pub fn param_label(name: &str, m: &Messages) -> String {
    match bulwark_scenario::Param::from_name(name) {
        Some(param) => match m.lang() {
            Lang::En => param.label().to_string(),
            Lang::Ja => param.label_ja().to_string(),
        },
        None => name.to_string(),
    }
}

/// A label that opens a sentence: capitalised in English, as it is in Japanese.
pub fn label_opening(name: &str, m: &Messages) -> String {
    let label = param_label(name, m);
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A band as text: `low–high` with `decimals`; a band without width says so; no band at all
/// reads "central value only".
pub fn band(spread: Option<&Spread>, decimals: usize, m: &Messages) -> String {
    match spread {
        Some(s) if s.high > s.low => format!("{}–{}", fixed(s.low, decimals), fixed(s.high, decimals)),
        Some(s) => m.f("s-no-spread", &[("value", fixed(s.central, decimals).into())]),
        None => m.t("s-no-range"),
    }
}

/// A number with exactly `decimals` decimals (scores and credibilities are compared digit by
/// digit in the table) and no thousands separator (years).
fn fixed(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

/// The answer to the seed question in at most five sentences: the verdict, what is missing,
/// what closing it costs, how long it takes, and how dangerous the meantime is.
pub fn sentences(a: &Assessment, m: &Messages) -> Vec<String> {
    let mut out = vec![answer_sentence(a, m)];
    out.extend(missing_sentence(a, m));
    out.extend(cost_sentence(a, m));
    out.extend(time_sentence(a, m));
    out.extend(danger_sentence(a, m));
    out.truncate(5);
    out
}

fn tally(a: &Assessment) -> (usize, usize, usize, usize) {
    let mut counts = (0, 0, 0, 0);
    for axis in &a.axes {
        if let AxisStatus::Assessed { verdict, .. } = axis.status {
            counts.3 += 1;
            match verdict {
                Verdict::SelfSufficient => counts.0 += 1,
                Verdict::PartiallyDependent => counts.1 += 1,
                Verdict::Dependent => counts.2 += 1,
            }
        }
    }
    counts
}

fn answer_sentence(a: &Assessment, m: &Messages) -> String {
    let (own, partly, dependent, assessed) = tally(a);
    let word = if dependent > 0 {
        "s-answer-not-yet"
    } else if partly > 0 {
        "s-answer-in-part"
    } else {
        "s-answer-yes"
    };
    m.f(
        "s-answer",
        &[
            ("word", m.t(word).into()),
            ("n", a.coalition.len().into()),
            ("own", own.into()),
            ("assessed", assessed.into()),
            ("partly", partly.into()),
            ("dependent", dependent.into()),
        ],
    )
}

fn missing_sentence(a: &Assessment, m: &Messages) -> Option<String> {
    let short = weakest_lines(a);
    if short.is_empty() {
        return None;
    }
    let named: Vec<String> = short
        .iter()
        .take(MISSING_NAMED)
        .map(|l| {
            let name = m.line_name(&l.line, &l.name);
            let name = match m.lang() {
                Lang::En => crate::assessment_summary::in_a_sentence(&name),
                Lang::Ja => name,
            };
            let pct = m.pct(100.0 * l.ledger.coverage_without_us.unwrap_or(0.0), 0);
            m.f("s-missing-item", &[("name", name.into()), ("pct", pct.into())])
        })
        .collect();
    Some(m.f("s-missing", &[("items", m.list(&named).into()), ("n", short.len().into())]))
}

fn cost_sentence(a: &Assessment, m: &Messages) -> Option<String> {
    if a.horizon_cost_eur_bn <= 0.0 {
        return None;
    }
    let range = match a.ranges.as_ref().map(|r| &r.horizon_cost_eur_bn) {
        Some(s) if s.high > s.low => m.eur_bn_range(s.low, s.high, 0),
        spread => band(spread, 0, m),
    };
    Some(
        m.f(
            "s-cost",
            &[
                (
                    "procurement",
                    crate::assessment_summary::bounded_total(a, m.eur_bn(a.procurement_eur_bn, 0), true, m)
                        .into(),
                ),
                (
                    "horizon",
                    crate::assessment_summary::bounded_total(a, m.eur_bn(a.horizon_cost_eur_bn, 0), false, m)
                        .into(),
                ),
                ("range", range.into()),
                ("years", (a.end_year - a.base_year).into()),
                ("share", m.pct(100.0 * a.affordability_ratio.unwrap_or(0.0), 0).into()),
            ],
        ),
    )
}

/// The window of vulnerability and, labelled as what it is, the year the funded build-up
/// closes the last critical gap. The window is one thing only: the years in which Europe alone
/// holds the Baltic states to the hold day in fewer runs than the scenario's confidence,
/// against Russia's force of that year (docs/design.md §4.9). Without the campaign, only the
/// gap-closure clause is left.
fn time_sentence(a: &Assessment, m: &Messages) -> Option<String> {
    let gaps = match a.window_closes {
        Some(year) => Some(m.f(
            "s-time-closes",
            &[
                ("year", year.to_string().into()),
                ("range", band(a.ranges.as_ref().map(|r| &r.window_closes), 0, m).into()),
                ("years", year.saturating_sub(a.base_year).into()),
                ("base", a.base_year.to_string().into()),
            ],
        )),
        None if a.window_open_lines.is_empty() => None,
        None => Some(m.f(
            "s-time-open",
            &[("n", a.window_open_lines.len().into()), ("year", a.end_year.to_string().into())],
        )),
    };
    // Without a window clause the gap clause opens the sentence, with a capital.
    let Some(window) = window_clause(a, m) else { return gaps.map(|gaps| capitalised(&gaps)) };
    Some(match gaps {
        Some(gaps) => m.f("s-window-and-gaps", &[("window", window.into()), ("gaps", gaps.into())]),
        None => window,
    })
}

/// The window of vulnerability in a clause, from the campaign's year-by-year P(hold).
fn window_clause(a: &Assessment, m: &Messages) -> Option<String> {
    let c = a.campaign.as_ref()?;
    let years = &c.window.years_without_us;
    let common = [
        ("day", fixed(c.hold_day, 0).into()),
        ("pct", m.pct(100.0 * c.hold_confidence, 0).into()),
        ("last", c.by_year.last().map_or(a.end_year, |y| y.year).to_string().into()),
    ];
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Some(m.f("s-window-none", &common));
    };
    let contiguous = usize::from(last - first) + 1 == years.len();
    let mut args = common.to_vec();
    args.extend([
        ("from", first.to_string().into()),
        ("to", last.to_string().into()),
        ("n", years.len().into()),
    ]);
    Some(m.f(if contiguous { "s-window-years" } else { "s-window-years-broken" }, &args))
}

fn danger_sentence(a: &Assessment, m: &Messages) -> Option<String> {
    let c = a.campaign.as_ref()?;
    let russia = a
        .threat
        .as_ref()
        .and_then(|t| t.clocks.iter().filter_map(|clock| Some((clock, clock.year_median?))).next())
        .map_or(String::new(), |(clock, year)| {
            m.f(
                "s-danger-russia",
                &[("war", crate::threat_view::clock_title(clock, m).into()), ("year", fixed(year, 0).into())],
            )
        });
    Some(m.f(
        "s-danger",
        &[
            ("year", c.year.to_string().into()),
            ("day", fixed(c.hold_day, 0).into()),
            ("alone", m.p_hold(c.without_us.p_hold).into()),
            ("with", m.p_hold(c.with_us.p_hold).into()),
            ("russia", russia.into()),
        ],
    ))
}

/// The verdict table: the five tests, then the three questions.
pub fn verdict_rows(a: &Assessment, m: &Messages) -> Vec<VerdictRow> {
    let mut rows: Vec<VerdictRow> = a.axes.iter().map(|axis| axis_row(axis, m)).collect();
    rows.push(q1_row(a, m));
    rows.push(q2_row(a, m));
    rows.push(q3_row(a, m));
    rows
}

fn axis_row(axis: &bulwark_assess::AxisResult, m: &Messages) -> VerdictRow {
    // The nuclear test scores a ratio to the US umbrella, not a credibility: said beside the
    // number, so that it is not read against Q1's credibilities.
    let score_text = |score: f64| match axis.number {
        2 => m.f("s-relative-score", &[("score", fixed(score, 2).into())]),
        _ => fixed(score, 2),
    };
    let (alone, detail, verdict, with_us) = match &axis.status {
        AxisStatus::Assessed { score, score_without_us, verdict, benchmark, .. } => (
            format!("{} ({})", m.verdict(*verdict), score_text(*score_without_us)),
            format!("({})", score_text(*score_without_us)),
            Some(*verdict),
            format!(
                "{} ({})",
                crate::assessment_view::benchmark_words(*verdict, *benchmark, m),
                score_text(*score)
            ),
        ),
        AxisStatus::NoData => (m.t("s-no-data"), m.t("s-no-data"), None, "–".to_string()),
        AxisStatus::ModelNotYetAvailable { .. } => {
            (m.t("s-not-assessed"), m.t("s-not-assessed"), None, "–".to_string())
        }
    };
    VerdictRow {
        anchor: format!("test-{}", axis.number),
        number: axis.number.to_string(),
        title: crate::assessment_view::axis_title(axis, m),
        alone,
        verdict,
        alone_detail: detail,
        range: axis_range_text(axis, m),
        with_us,
    }
}

/// The range behind an axis's verdict: the 90 % band of Europe's own score.
fn axis_range_text(axis: &bulwark_assess::AxisResult, m: &Messages) -> String {
    match &axis.status {
        AxisStatus::Assessed { range_without_us: Some(range), .. } => {
            crate::assessment_view::score_band(range, m)
        }
        _ => m.t("s-no-range"),
    }
}

/// The short title of question `id` in the verdict table (`question-short-Q1` …).
fn question_title(id: &str, m: &Messages) -> String {
    m.t(&format!("question-short-{id}"))
}

fn q1_row(a: &Assessment, m: &Messages) -> VerdictRow {
    let credibility = |value: String| m.f("s-credibility", &[("value", value.into())]);
    let (alone, range, with_us) = match &a.nuclear {
        Some(n) => {
            let year = n.inputs.params.end_year().to_string();
            let credibility_in = |value: f64| {
                m.f("s-credibility-in", &[("value", fixed(value, 3).into()), ("year", year.as_str().into())])
            };
            (
                credibility_in(n.outcome.without_us.credibility),
                credibility(band(n.ranges.as_ref().map(|r| &r.credibility_without_us), 3, m)),
                credibility_in(n.outcome.with_us.credibility),
            )
        }
        None => (m.t("s-not-run"), m.t("s-no-range"), "–".to_string()),
    };
    question_row(("q1", "Q1"), question_title("Q1", m), alone, range, with_us)
}

fn q2_row(a: &Assessment, m: &Messages) -> VerdictRow {
    let title = question_title("Q2", m);
    let Some(c) = &a.campaign else {
        return question_row(("q2", "Q2"), title, m.t("s-not-run"), m.t("s-no-range"), "–".into());
    };
    let interval = Spread::wilson(c.without_us.p_hold, c.without_us.runs.max(1) as f64);
    question_row(
        ("q2", "Q2"),
        title,
        m.f(
            "s-q2-alone",
            &[("day", fixed(c.hold_day, 0).into()), ("pct", m.p_hold(c.without_us.p_hold).into())],
        ),
        m.f(
            "s-q2-range",
            &[
                ("low", fixed(100.0 * interval.low, 0).into()),
                ("high", m.pct(100.0 * interval.high, 0).into()),
            ],
        ),
        m.f("s-q2-with", &[("pct", m.p_hold(c.with_us.p_hold).into())]),
    )
}

fn q3_row(a: &Assessment, m: &Messages) -> VerdictRow {
    let credibility = |value: String| m.f("s-credibility", &[("value", value.into())]);
    let best = a.nuclear.as_ref().and_then(|n| Some((n, n.outcome.packages.as_ref()?.best.first()?)));
    let (alone, range, with_us) = match best {
        Some((n, best)) => (
            m.f(
                "s-q3-alone",
                &[
                    ("credibility", fixed(best.credibility, 3).into()),
                    ("cost", m.eur_bn(best.annual_cost_eur_bn, 1).into()),
                ],
            ),
            credibility(band(n.ranges.as_ref().and_then(|r| r.best_package_credibility.as_ref()), 3, m)),
            m.f(
                "s-q3-with",
                &[
                    ("credibility", fixed(n.outcome.us_as_today.credibility, 3).into()),
                    ("year", n.inputs.params.end_year().to_string().into()),
                ],
            ),
        ),
        None => (m.t("s-not-run"), m.t("s-no-range"), "–".to_string()),
    };
    question_row(("q3", "Q3"), question_title("Q3", m), alone, range, with_us)
}

fn question_row(
    (anchor, number): (&str, &str),
    title: String,
    alone: String,
    range: String,
    with_us: String,
) -> VerdictRow {
    VerdictRow {
        anchor: anchor.to_string(),
        number: number.to_string(),
        title,
        alone_detail: alone.clone(),
        alone,
        verdict: None,
        range,
        with_us,
    }
}

/// Headings of the report after page 1, with their anchors: one per test and question, then
/// the assumptions and the references. The terminal, Markdown and HTML reports use the same list.
pub fn contents(a: &Assessment, m: &Messages) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = a
        .axes
        .iter()
        .map(|axis| {
            (
                format!("test-{}", axis.number),
                format!("{}. {}", axis.number, crate::assessment_view::axis_title(axis, m)),
            )
        })
        .collect();
    for q in &a.questions {
        out.push((
            q.id.to_lowercase(),
            format!("{} {}", q.id, crate::assessment_view::question_text(q.id, m)),
        ));
    }
    out.push(("assumptions".to_string(), m.t("h-assumptions")));
    out.push(("references".to_string(), m.t("v-references")));
    out
}

/// The answer that opens a test's section, in one sentence.
pub fn axis_answer(a: &Assessment, number: u8, m: &Messages) -> Option<String> {
    let axis = a.axes.iter().find(|axis| axis.number == number)?;
    let row = axis_row(axis, m);
    Some(m.f(
        "s-axis-answer",
        &[("alone", row.alone.into()), ("range", row.range.into()), ("with", row.with_us.into())],
    ))
}

/// A line of the ledger, or a model term scored like one, by its name in the report's language.
pub fn factor_name(a: &Assessment, id: &str, m: &Messages) -> String {
    match a.lines.iter().find(|line| line.line == id) {
        Some(line) => m.line_name(id, &line.name),
        None if m.has(&format!("term-{id}")) => m.t(&format!("term-{id}")),
        None => id.to_string(),
    }
}

/// The sentences that say how to read an axis's score: for the nuclear test, that it is a ratio
/// to the US umbrella and not a credibility; for a geometric mean, one for each side (Europe
/// alone, with the US) whose score a line at zero decides, whatever the others.
pub fn score_sentences(a: &Assessment, axis: &bulwark_assess::AxisResult, m: &Messages) -> Vec<String> {
    let mut res = Vec::new();
    if let bulwark_assess::AxisFigures::Nuclear(Ok(f)) = &axis.figures {
        res.push(m.f(
            "axis-2-relative",
            &[("today", fixed(f.credibility_us_as_today, 3).into()), ("year", f.year.to_string().into())],
        ));
    }
    res.extend(zero_line_sentences(a, axis, m));
    res.extend(weighted_mean_sentence(a, axis, m));
    res
}

/// The terms an axis's score counts beside its lines, each with its coverage Europe alone and
/// with the scenario's US posture: the lines' own score where it enters a weighted mean, then
/// the model term. Names as the formula sentence gives them, so a reader finds each term of
/// the formula as a row of the axis's table.
pub fn score_terms(
    a: &Assessment,
    axis: &bulwark_assess::AxisResult,
    m: &Messages,
) -> Vec<(String, f64, f64)> {
    let notes = &axis.score_notes;
    let lines = notes.weighted_mean.map(|w| (m.t("term-c2_lines"), w.lines_alone, w.lines_with_us));
    let term = notes.model_term.as_ref().map(|t| (factor_name(a, t.id, m), t.alone, t.with_us));
    lines.into_iter().chain(term).collect()
}

/// For a score that is a weighted mean of the lines' score and a model term (axis 4), the
/// formula with its numbers, Europe alone and with the US.
fn weighted_mean_sentence(a: &Assessment, axis: &bulwark_assess::AxisResult, m: &Messages) -> Option<String> {
    let mean = axis.score_notes.weighted_mean?;
    let term = axis.score_notes.model_term.as_ref()?;
    let bulwark_assess::AxisStatus::Assessed { score, score_without_us, .. } = axis.status else {
        return None;
    };
    let w = mean.ledger_weight;
    let sum = |lines: f64, term: f64, total: f64| {
        format!("{w:.2} × {lines:.2} + {:.2} × {term:.2} = {total:.2}", 1.0 - w)
    };
    Some(m.f(
        "axis-weighted-mean",
        &[
            ("w_lines", format!("{w:.2}").into()),
            ("lines", m.t("term-c2_lines").into()),
            ("w_term", format!("{:.2}", 1.0 - w).into()),
            ("term", factor_name(a, term.id, m).into()),
            ("alone", sum(mean.lines_alone, term.alone, score_without_us).into()),
            ("with_us", sum(mean.lines_with_us, term.with_us, score).into()),
        ],
    ))
}

/// One sentence for each side (Europe alone, with the US) whose score a line at zero decides:
/// in a geometric mean one factor at zero makes the score 0, whatever the others.
fn zero_line_sentences(a: &Assessment, axis: &bulwark_assess::AxisResult, m: &Messages) -> Vec<String> {
    let notes = &axis.score_notes;
    [("axis-zero-alone", &notes.zero_alone), ("axis-zero-with-us", &notes.zero_with_us)]
        .into_iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(message, ids)| {
            let in_a_sentence = |name: String| match m.lang() {
                Lang::En => crate::assessment_summary::in_a_sentence(&name),
                Lang::Ja => name,
            };
            let names: Vec<String> = ids.iter().map(|id| in_a_sentence(factor_name(a, id, m))).collect();
            m.f(
                message,
                &[("lines", m.list(&names).into()), ("n", crate::i18n::Arg::Count(ids.len() as i64))],
            )
        })
        .collect()
}

/// The answer that opens a question's section, in one sentence.
pub fn question_answer(a: &Assessment, id: &str, m: &Messages) -> Option<String> {
    if let Some(answer) = crate::nuclear_text::answer(a, id, m) {
        return answer.sentences.first().cloned();
    }
    // The summary's sentences start with the question's id: `Q2: ` or `問2：`.
    let prefix = match m.lang() {
        Lang::En => format!("{id}: "),
        Lang::Ja => format!("問{}：", id.trim_start_matches('Q')),
    };
    crate::assessment_summary::question_sentences(a, m)
        .into_iter()
        .find_map(|s| s.strip_prefix(&prefix).map(capitalised))
}

/// A sentence that opens a section starts with a capital (the summary's sentence continued
/// after "Q2: ").
fn capitalised(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The assumptions that matter most: the top driver of each screened headline in turn, none
/// named twice (see the module doc); empty when the screen did not run.
pub fn key_assumptions(a: &Assessment) -> Vec<KeyAssumption> {
    let mut keys: Vec<KeyAssumption> = Vec::new();
    for headline in &a.drivers {
        if keys.len() == KEY_ASSUMPTIONS {
            break;
        }
        if let Some(driver) = headline.drivers.iter().find(|d| keys.iter().all(|k| k.name != d.parameter)) {
            keys.push(KeyAssumption {
                name: driver.parameter.clone(),
                outcome: headline.outcome,
                share: driver.share,
                only: headline.moved_by == 1,
                then: headline
                    .drivers
                    .iter()
                    .filter(|d| d.parameter != driver.parameter)
                    .map(|d| (d.parameter.clone(), d.share))
                    .collect(),
            });
        }
    }
    keys
}

/// What a key assumption does, after its label: "is the only screened assumption that moves …"
/// when no other moves the headline, else "moves … most (… of the screened effect, then …)".
pub fn key_assumption_text(k: &KeyAssumption, m: &Messages) -> String {
    let headline = crate::assessment_summary::driver_headline(k.outcome, m);
    if k.only {
        return m.f("key-only", &[("headline", headline.into())]);
    }
    let then = if k.then.is_empty() {
        String::new()
    } else {
        let named: Vec<String> = k
            .then
            .iter()
            .map(|(name, share)| {
                m.f(
                    "key-share",
                    &[("label", param_label(name, m).into()), ("share", m.pct(100.0 * share, 0).into())],
                )
            })
            .collect();
        m.f("key-then", &[("others", crate::assessment_summary::listed(&named, m).into())])
    };
    m.f(
        "key-moves",
        &[("headline", headline.into()), ("share", m.pct(100.0 * k.share, 0).into()), ("then", then.into())],
    )
}

/// A key assumption's line on page 1: its label, then what it does.
pub fn key_assumption_line(k: &KeyAssumption, m: &Messages) -> String {
    format!("{}{}{}", label_opening(&k.name, m), label_gap(m), key_assumption_text(k, m))
}

/// What separates a label from the words after it: a space in English, none in Japanese.
pub fn label_gap(m: &Messages) -> &'static str {
    match m.lang() {
        Lang::En => " ",
        Lang::Ja => "",
    }
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    #[test]
    fn the_verdict_table_lists_five_tests_and_three_questions_with_ranges_and_at_most_five_sentences() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let m = Messages::new(Lang::En);
        let rows = verdict_rows(&a, &m);
        let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "Q1", "Q2", "Q3"]);
        // Every test, Q1 and Q2 carry a band (two numbers with a dash), or say that the drawn
        // parameters do not move them.
        for idx in [0, 1, 2, 3, 4, 5, 5 + 1] {
            let range = &rows[idx].range;
            assert!(range.contains("no spread") || range.contains('–'), "{}: {range}", rows[idx].number);
        }
        for idx in [3, 5 + 1] {
            let range = &rows[idx].range;
            assert!(
                range.contains('–') && range.chars().any(|c| c.is_ascii_digit()),
                "{}: {range}",
                rows[idx].number
            );
        }
        let said = sentences(&a, &m);
        assert!(!said.is_empty() && said.len() <= 5, "{said:?}");
        assert!(said[0].starts_with("Not yet") || said[0].starts_with("Only") || said[0].starts_with("Yes"));
        // One window of vulnerability on page 1, the campaign's years below the confidence; the
        // gap-closure year is named as what it is, never as a window.
        let page = said.join(" ");
        assert_eq!(page.matches("window of vulnerability").count(), 1, "{page}");
        let c = a.campaign.as_ref().unwrap();
        let years = &c.window.years_without_us;
        let (first, last) = (years.first().unwrap(), years.last().unwrap());
        // A window with a gap is never read as one span from its first year to its last.
        if usize::from(last - first) + 1 == years.len() {
            assert!(page.contains(&format!("runs from {first} to {last}")), "{page}");
        } else {
            let n = years.len();
            assert!(page.contains(&format!("covers {n} years between {first} and {last}")), "{page}");
            assert!(!page.contains(&format!("runs from {first} to {last}")), "{page}");
        }
        let closes = a.window_closes.unwrap();
        assert!(
            page.contains(&format!("the funded build-up closes the last critical gap in {closes}")),
            "{page}"
        );
        let ja = sentences(&a, &Messages::new(Lang::Ja)).join("");
        assert_eq!(ja.matches("脆弱性の窓").count(), 1, "{ja}");
        assert!(key_assumptions(&a).is_empty(), "no screen, no key assumptions");
        let scenario = Scenario::load("baseline", &dataset).unwrap();
        let a = Assessment { drivers: bulwark_explore::drivers::headline_drivers(&dataset, &scenario), ..a };
        let keys = key_assumptions(&a);
        assert_eq!(keys.len(), KEY_ASSUMPTIONS);
        // Each is the largest driver of its headline not named before, none twice.
        for (idx, k) in keys.iter().enumerate() {
            let headline = a.drivers.iter().find(|h| h.outcome == k.outcome).unwrap();
            let first_new =
                headline.drivers.iter().find(|d| keys[..idx].iter().all(|e| e.name != d.parameter)).unwrap();
            assert_eq!(first_new.parameter, k.name);
            assert!(k.share > 0.0 && k.share <= 1.0 + 1e-12, "{k:?}");
        }
        let text = key_assumption_text(&keys[0], &m);
        assert!(text.contains("Baltic") && text.contains('%'), "{text}");
        // The Baltic screen names several drivers with shares; the cost headline depends on
        // one assumption alone and page 1 says so rather than "100 %".
        assert!(!keys[0].only && !keys[0].then.is_empty(), "{:?}", keys[0]);
        let cost = keys.iter().find(|k| k.outcome == "assessment.horizon_cost_eur_bn").unwrap();
        assert!(cost.only, "{cost:?}");
        let line = key_assumption_line(cost, &m);
        assert!(line.contains("the only screened assumption that moves") && !line.contains('%'), "{line}");
    }

    /// Review finding 3: the nuclear test's score is a ratio to the US umbrella and Q1's
    /// figures are credibilities in the model's last year: page 1 and the test's section say
    /// which is which, and that "as today" is the 2036 figure after the US elections.
    #[test]
    fn review_3_the_nuclear_ratio_and_the_credibilities_name_their_scale_and_year() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let m = Messages::new(Lang::En);
        let rows = verdict_rows(&a, &m);
        let (test, q1, q3) = (&rows[1], &rows[5], &rows[7]);
        assert!(test.with_us.ends_with("(1.00 relative to the US umbrella)"), "{}", test.with_us);
        assert!(test.alone.contains("relative to the US umbrella"), "{}", test.alone);
        let n = a.nuclear.as_ref().unwrap();
        let with_us = fixed(n.outcome.with_us.credibility, 3);
        assert_eq!(q1.with_us, format!("credibility {with_us} in 2036"));
        assert!(q3.with_us.starts_with("US umbrella in 2036: "), "{}", q3.with_us);
        let axis = a.axes.iter().find(|axis| axis.number == 2).unwrap();
        let said = score_sentences(&a, axis, &m).join(" ");
        assert!(
            said.contains("score is a ratio, not a credibility")
                && said.contains(&format!("({with_us} in 2036)")),
            "{said}"
        );
        let answer = crate::nuclear_text::answer(&a, "Q1", &m).unwrap();
        assert!(
            answer.sentences[0].contains("as today, after the US elections of 2028, 2032 and 2036, and"),
            "{}",
            answer.sentences[0]
        );
        let ja = score_sentences(&a, axis, &Messages::new(Lang::Ja)).join("");
        assert!(ja.contains("比率") && !ja.contains("ratio"), "{ja}");
    }
}
