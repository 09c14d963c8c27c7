//! The first page of every report, as data shared by the terminal, Markdown and HTML: the
//! answer to the seed question in at most five sentences, one table of verdicts with ranges for
//! the five tests and three questions, and the three assumptions that matter most.
//!
//! The three assumptions are ranked by the one-at-a-time sensitivities the assessment already
//! runs (each judgement parameter of the decision-time model, and the IAMD model's kill
//! probability and interceptor stocks, moved by −20 % and +20 % with everything else at its
//! central value): the swing of the Europe-alone outcome between the two moves, relative to
//! the outcome's central value. It is a local, transparent ranking; `bulwark explore` gives
//! the global (Sobol) one.

use bulwark_assess::{Assessment, AxisStatus, Spread};
use bulwark_models::ledger::Verdict;

use crate::assessment_summary::weakest_lines;

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
    /// The figure behind it with its 90 % range, or why there is none.
    pub range: String,
    /// With the scenario's US posture, in a few words.
    pub with_us: String,
}

/// One of the assumptions that matter most.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyAssumption {
    /// The parameter or input moved.
    pub name: String,
    /// The outcome it moves.
    pub outcome: &'static str,
    /// Outcome at −20 % and +20 %.
    pub low: f64,
    /// Outcome at +20 %.
    pub high: f64,
    /// Outcome at central values.
    pub central: f64,
    /// |high − low| / central.
    pub relative_swing: f64,
}

/// Fixed texts, in one place for translation.
mod text {
    pub(super) const NO_RANGE: &str = "central value only";
    pub(super) const NO_SPREAD: &str = "(no spread over the drawn parameters)";
    pub(super) const NOT_ASSESSED: &str = "not assessed";
    pub(super) const NO_DATA: &str = "no sourced figures";
    pub(super) const NOT_RUN: &str = "model did not run";
    pub(super) const DECIDE_OUTCOME: &str = "P(decide in time), Europe alone";
    pub(super) const LEAK_OUTCOME: &str = "threats leaking, Europe alone";
    pub(super) const Q1: &str = "Losing the US nuclear umbrella";
    pub(super) const Q2: &str = "Stopping a Russian attack on the Baltic states";
    pub(super) const Q3: &str = "A European deterrent of its own";
    pub(super) const ASSUMPTIONS: &str = "Assumptions";
    pub(super) const REFERENCES: &str = "References";
}

/// A band as text: `low–high` with `decimals`; a band without width says so; no band at all
/// reads "central value only".
pub fn band(spread: Option<&Spread>, decimals: usize, unit: &str) -> String {
    match spread {
        Some(s) if s.high > s.low => format!("{:.decimals$}–{:.decimals$}{unit}", s.low, s.high),
        Some(s) => format!("{:.decimals$}{unit} {}", s.central, text::NO_SPREAD),
        None => text::NO_RANGE.to_string(),
    }
}

/// The answer to the seed question in at most five sentences: the verdict, what is missing,
/// what closing it costs, how long it takes, and how dangerous the meantime is.
pub fn sentences(a: &Assessment) -> Vec<String> {
    let mut out = vec![answer_sentence(a)];
    out.extend(missing_sentence(a));
    out.extend(cost_sentence(a));
    out.extend(time_sentence(a));
    out.extend(danger_sentence(a));
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

fn answer_sentence(a: &Assessment) -> String {
    let (own, partly, dependent, assessed) = tally(a);
    let word = if dependent > 0 {
        "Not yet"
    } else if partly > 0 {
        "Only in part"
    } else {
        "Yes"
    };
    format!(
        "{word}: without the United States, European NATO and the EU ({} countries) pass {own} of the {assessed} \
         tests that can be assessed on their own, {partly} in part and fail {dependent}",
        a.coalition.len()
    )
}

fn missing_sentence(a: &Assessment) -> Option<String> {
    let short = weakest_lines(a);
    if short.is_empty() {
        return None;
    }
    let named: Vec<String> = short
        .iter()
        .take(MISSING_NAMED)
        .map(|l| {
            format!(
                "{} ({:.0} %)",
                l.name.to_lowercase(),
                100.0 * l.ledger.coverage_without_us.unwrap_or(0.0)
            )
        })
        .collect();
    Some(format!(
        "Most missing are {} of the requirement, with {} lines short in all",
        named.join(", "),
        short.len()
    ))
}

fn cost_sentence(a: &Assessment) -> Option<String> {
    if a.horizon_cost_eur_bn <= 0.0 {
        return None;
    }
    let ranges = a.ranges.as_ref();
    Some(format!(
        "Closing the costed gaps takes EUR {:.0} bn of procurement and EUR {:.0} bn (90 % range {}) with operating \
         costs over {} years, {:.0} % of the budget headroom the scenario's spending path creates",
        a.procurement_eur_bn,
        a.horizon_cost_eur_bn,
        band(ranges.map(|r| &r.horizon_cost_eur_bn), 0, ""),
        a.end_year - a.base_year,
        100.0 * a.affordability_ratio.unwrap_or(0.0)
    ))
}

fn time_sentence(a: &Assessment) -> Option<String> {
    Some(match a.window_closes {
        Some(year) => format!(
            "The last critical gap closes in {year} (90 % range {}), so the window of vulnerability lasts {} years",
            band(a.ranges.as_ref().map(|r| &r.window_closes), 0, ""),
            year.saturating_sub(a.base_year)
        ),
        None if a.window_open_lines.is_empty() => return None,
        None => format!(
            "{} critical lines are still open in {}, so the window of vulnerability does not close within the horizon",
            a.window_open_lines.len(),
            a.end_year
        ),
    })
}

fn danger_sentence(a: &Assessment) -> Option<String> {
    let c = a.campaign.as_ref()?;
    let russia = a
        .threat
        .as_ref()
        .and_then(|t| t.clocks.iter().filter_map(|clock| Some((clock.title, clock.year_median?))).next())
        .map_or(String::new(), |(title, year)| {
            format!(", and Russia could mount a {title} from about {year:.0}")
        });
    Some(format!(
        "Meanwhile Europe alone holds the Baltic states to day {:.0} in {:.0} % of runs, against {:.0} % with the US{russia}",
        c.hold_day,
        100.0 * c.without_us.p_hold,
        100.0 * c.with_us.p_hold
    ))
}

/// The verdict table: the five tests, then the three questions.
pub fn verdict_rows(a: &Assessment, m: &crate::i18n::Messages) -> Vec<VerdictRow> {
    let mut rows: Vec<VerdictRow> = a.axes.iter().map(|axis| axis_row(axis, m)).collect();
    rows.push(q1_row(a));
    rows.push(q2_row(a));
    rows.push(q3_row(a));
    rows
}

fn axis_row(axis: &bulwark_assess::AxisResult, m: &crate::i18n::Messages) -> VerdictRow {
    let (alone, verdict, with_us) = match &axis.status {
        AxisStatus::Assessed { score, score_without_us, verdict, benchmark, .. } => (
            format!("{} ({score_without_us:.2})", verdict.label()),
            Some(*verdict),
            format!("{} ({score:.2})", crate::assessment_view::benchmark_label(*verdict, *benchmark)),
        ),
        AxisStatus::NoData => (text::NO_DATA.to_string(), None, "–".to_string()),
        AxisStatus::ModelNotYetAvailable { .. } => (text::NOT_ASSESSED.to_string(), None, "–".to_string()),
    };
    VerdictRow {
        anchor: format!("test-{}", axis.number),
        number: axis.number.to_string(),
        title: crate::assessment_view::axis_title(axis, m),
        alone,
        verdict,
        range: axis_range_text(axis),
        with_us,
    }
}

/// The range behind an axis's verdict: the 90 % band of Europe's own score.
fn axis_range_text(axis: &bulwark_assess::AxisResult) -> String {
    match &axis.status {
        AxisStatus::Assessed { range_without_us: Some(range), .. } => {
            crate::assessment_view::score_band(range, &crate::i18n::Messages::new(crate::i18n::Lang::En))
        }
        _ => text::NO_RANGE.to_string(),
    }
}

fn q1_row(a: &Assessment) -> VerdictRow {
    let (alone, range, with_us) = match &a.nuclear {
        Some(n) => (
            format!("credibility {:.3}", n.outcome.without_us.credibility),
            format!("credibility {}", band(n.ranges.as_ref().map(|r| &r.credibility_without_us), 3, "")),
            format!("credibility {:.3}", n.outcome.with_us.credibility),
        ),
        None => (text::NOT_RUN.to_string(), text::NO_RANGE.to_string(), "–".to_string()),
    };
    question_row("q1", "Q1", text::Q1, alone, range, with_us)
}

fn q2_row(a: &Assessment) -> VerdictRow {
    let Some(c) = &a.campaign else {
        return question_row("q2", "Q2", text::Q2, text::NOT_RUN.into(), text::NO_RANGE.into(), "–".into());
    };
    let interval = Spread::wilson(c.without_us.p_hold, c.without_us.runs.max(1) as f64);
    VerdictRow {
        verdict: None,
        ..question_row(
            "q2",
            "Q2",
            text::Q2,
            format!("holds to day {:.0} in {:.0} % of runs", c.hold_day, 100.0 * c.without_us.p_hold),
            format!("P(hold) {:.0}–{:.0} %", 100.0 * interval.low, 100.0 * interval.high),
            format!("{:.0} % of runs", 100.0 * c.with_us.p_hold),
        )
    }
}

fn q3_row(a: &Assessment) -> VerdictRow {
    let best = a.nuclear.as_ref().and_then(|n| Some((n, n.outcome.packages.as_ref()?.best.first()?)));
    let (alone, range, with_us) = match best {
        Some((n, best)) => (
            format!("best package {:.3}, EUR {:.1} bn a year", best.credibility, best.annual_cost_eur_bn),
            format!(
                "credibility {}",
                band(n.ranges.as_ref().and_then(|r| r.best_package_credibility.as_ref()), 3, "")
            ),
            format!("US umbrella {:.3}", n.outcome.us_as_today.credibility),
        ),
        None => (text::NOT_RUN.to_string(), text::NO_RANGE.to_string(), "–".to_string()),
    };
    question_row("q3", "Q3", text::Q3, alone, range, with_us)
}

fn question_row(
    anchor: &str,
    number: &str,
    title: &str,
    alone: String,
    range: String,
    with_us: String,
) -> VerdictRow {
    VerdictRow {
        anchor: anchor.to_string(),
        number: number.to_string(),
        title: title.to_string(),
        alone,
        verdict: None,
        range,
        with_us,
    }
}

/// Headings of the report after page 1, with their anchors: one per test and question, then
/// the assumptions and the references. The terminal, Markdown and HTML reports use the same list.
pub fn contents(a: &Assessment, m: &crate::i18n::Messages) -> Vec<(String, String)> {
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
            format!("{} {}", q.id, crate::assessment_view::question_text(q.id, q.question, m)),
        ));
    }
    out.push(("assumptions".to_string(), text::ASSUMPTIONS.to_string()));
    out.push(("references".to_string(), text::REFERENCES.to_string()));
    out
}

/// The answer that opens a test's section, in one sentence.
pub fn axis_answer(a: &Assessment, number: u8) -> Option<String> {
    let axis = a.axes.iter().find(|axis| axis.number == number)?;
    let row = axis_row(axis, &crate::i18n::Messages::new(crate::i18n::Lang::En));
    Some(format!(
        "Without the US: {}, score band {}; with the US as the scenario sets it: {}",
        row.alone, row.range, row.with_us
    ))
}

/// The answer that opens a question's section, in one sentence.
pub fn question_answer(a: &Assessment, id: &str, m: &crate::i18n::Messages) -> Option<String> {
    if let Some(answer) = crate::nuclear_text::answer(a, id, m) {
        return answer.sentences.first().cloned();
    }
    // The summary's sentences start with the question's id: `Q2: ` or `問2：`.
    let prefix = match m.lang() {
        crate::i18n::Lang::En => format!("{id}: "),
        crate::i18n::Lang::Ja => format!("問{}：", id.trim_start_matches('Q')),
    };
    crate::assessment_summary::question_sentences(a, m)
        .into_iter()
        .find_map(|s| s.strip_prefix(&prefix).map(str::to_string))
}

/// The assumptions that matter most, largest relative swing first (see the module doc).
pub fn key_assumptions(a: &Assessment) -> Vec<KeyAssumption> {
    let mut all: Vec<KeyAssumption> = Vec::new();
    if let Some(d) = &a.decision {
        let mut names: Vec<bulwark_scenario::Param> = d.sensitivity.iter().map(|s| s.parameter).collect();
        names.dedup();
        for param in names {
            let at = |factor: f64| {
                d.sensitivity
                    .iter()
                    .find(|s| s.parameter == param && (s.factor - factor).abs() < 1e-9)
                    .map(|s| s.p_in_time_without_us)
            };
            if let (Some(low), Some(high)) = (at(0.8), at(1.2)) {
                all.push(swing(
                    param.name().to_string(),
                    text::DECIDE_OUTCOME,
                    d.p_in_time_without_us,
                    low,
                    high,
                ));
            }
        }
    }
    if let Some(iamd) = &a.iamd {
        let central = iamd.outcome_without_us.total_leaked();
        let mut inputs: Vec<&'static str> = iamd.sensitivity.iter().map(|s| s.input).collect();
        inputs.dedup();
        for input in inputs {
            let at = |factor: f64| {
                iamd.sensitivity
                    .iter()
                    .find(|s| s.input == input && (s.factor - factor).abs() < 1e-9)
                    .map(|s| s.total_leaked_without_us)
            };
            if let (Some(low), Some(high)) = (at(0.8), at(1.2)) {
                all.push(swing(format!("IAMD {input}"), text::LEAK_OUTCOME, central, low, high));
            }
        }
    }
    all.retain(|k| k.relative_swing.is_finite());
    all.sort_by(|x, y| y.relative_swing.total_cmp(&x.relative_swing).then_with(|| x.name.cmp(&y.name)));
    all.truncate(KEY_ASSUMPTIONS);
    all
}

fn swing(name: String, outcome: &'static str, central: f64, low: f64, high: f64) -> KeyAssumption {
    let relative_swing = if central.abs() > 1e-12 { (high - low).abs() / central.abs() } else { f64::NAN };
    KeyAssumption { name, outcome, low, high, central, relative_swing }
}

/// What the key assumptions were ranked by, in one sentence.
pub const KEY_ASSUMPTIONS_METHOD: &str = "Ranked by one-at-a-time sensitivity: each judgement parameter of the \
     decision-time model and the IAMD model's kill probability and interceptor stock moved by −20 % and +20 % \
     with everything else at its central value; the swing of the Europe-alone outcome between the two moves, \
     relative to its central value. A local ranking; `bulwark explore` gives the global one";

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    use super::*;

    #[test]
    fn the_verdict_table_lists_five_tests_and_three_questions_with_ranges_and_at_most_five_sentences() {
        let dataset = Dataset::embedded().unwrap();
        let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
        let rows = verdict_rows(&a, &crate::i18n::Messages::new(crate::i18n::Lang::En));
        let numbers: Vec<&str> = rows.iter().map(|r| r.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "Q1", "Q2", "Q3"]);
        // Every test, Q1 and Q2 carry a band (two numbers with a dash), or say that the drawn
        // parameters do not move them.
        for idx in [0, 1, 2, 3, 4, 5, 5 + 1] {
            let range = &rows[idx].range;
            assert!(range.contains(text::NO_SPREAD) || range.contains('–'), "{}: {range}", rows[idx].number);
        }
        for idx in [3, 5 + 1] {
            let range = &rows[idx].range;
            assert!(
                range.contains('–') && range.chars().any(|c| c.is_ascii_digit()),
                "{}: {range}",
                rows[idx].number
            );
        }
        let said = sentences(&a);
        assert!(!said.is_empty() && said.len() <= 5, "{said:?}");
        assert!(said[0].starts_with("Not yet") || said[0].starts_with("Only") || said[0].starts_with("Yes"));
        let keys = key_assumptions(&a);
        assert_eq!(keys.len(), KEY_ASSUMPTIONS);
        assert!(keys.windows(2).all(|w| w[0].relative_swing >= w[1].relative_swing));
        assert!(keys.iter().all(|k| k.relative_swing > 0.0 && k.low.is_finite() && k.high.is_finite()));
    }
}
