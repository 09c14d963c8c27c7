//! The overall verdict: a paragraph written from the assessment's figures, not canned text.

use bulwark_models::ledger::Verdict;

use crate::assessment::{Assessment, AxisStatus};

/// The paragraph that ends the assessment.
pub(crate) fn overall(a: &Assessment) -> String {
    let mut sentences = Vec::new();
    let assessed: Vec<(u8, Verdict, f64, f64)> = a
        .axes
        .iter()
        .filter_map(|axis| match axis.status {
            AxisStatus::Assessed { score, score_without_us, verdict } => {
                Some((axis.number, verdict, score, score_without_us))
            }
            _ => None,
        })
        .collect();
    let count = |v: Verdict| assessed.iter().filter(|(_, verdict, _, _)| *verdict == v).count();
    sentences.push(format!(
        "Under scenario `{}`, of the {} axes that can be assessed today, {} self-sufficient, {} partially dependent and {} dependent on the United States",
        a.scenario,
        assessed.len(),
        verdict_count(count(Verdict::SelfSufficient), "is", "are"),
        count(Verdict::PartiallyDependent),
        count(Verdict::Dependent)
    ));
    if let Some((number, _, _, alone)) =
        assessed.iter().filter(|(n, ..)| *n != 3).min_by(|x, y| x.3.total_cmp(&y.3))
    {
        sentences
            .push(format!("Without any US contribution the weakest is axis {number}, scoring {alone:.2}"));
    }
    let mut gaps: Vec<_> = a
        .lines
        .iter()
        .filter_map(|l| Some((l, l.ledger.coverage?, l.ledger.gap?)))
        .filter(|(_, _, g)| *g > 0.0)
        .collect();
    gaps.sort_by(|x, y| x.1.total_cmp(&y.1));
    if !gaps.is_empty() {
        let worst: Vec<String> = gaps
            .iter()
            .take(3)
            .map(|(l, c, g)| {
                format!("{} ({:.0} % covered, {:.0} {} short)", l.name, c * 100.0, g, l.counted_in)
            })
            .collect();
        sentences.push(format!("The largest gaps are {}", worst.join(", ")));
        sentences.push(format!(
            "Closing the costed gaps takes EUR {:.0} bn of procurement and EUR {:.0} bn over {} years, against EUR {:.0} bn of cumulative budget headroom{}",
            a.procurement_eur_bn,
            a.horizon_cost_eur_bn,
            a.end_year - a.base_year,
            a.cumulative_headroom_eur_bn,
            a.affordability_ratio.map_or(String::new(), |r| format!(" (affordability ratio {r:.2})"))
        ));
        sentences.push(match a.window_closes {
            Some(year) => {
                format!("The window of vulnerability closes in {year}, when the last critical gap is filled")
            }
            None if a.window_open_lines.is_empty() => "No critical line has a gap".to_string(),
            None => format!(
                "The window of vulnerability is still open in {}: {} not closed",
                a.end_year,
                a.window_open_lines.join(", ")
            ),
        });
    } else {
        sentences.push("No line shows a gap under this scenario's requirement".to_string());
    }
    sentences.extend(question_sentences(a));
    let no_data = a.lines.iter().filter(|l| l.ledger.coverage.is_none()).count();
    if no_data > 0 {
        sentences.push(format!(
            "{no_data} of {} capability lines could not be assessed for want of sourced figures",
            a.lines.len()
        ));
    }
    let pending: Vec<&str> = a.axes.iter().flat_map(|axis| axis.pending.iter().copied()).collect();
    if !pending.is_empty() {
        sentences.push(format!("Not yet modelled: {}", pending.join("; ")));
    }
    sentences.join(". ") + "."
}

/// One sentence each for Q1 (the umbrella), Q2 (the Baltic campaign) and Q3 (the best
/// European nuclear option), from the models' figures.
fn question_sentences(a: &Assessment) -> Vec<String> {
    let mut sentences = Vec::new();
    if let Some(n) = &a.nuclear {
        let o = &n.outcome;
        sentences.push(format!(
            "The credibility of extended nuclear deterrence over a European ally is {:.2} with the scenario's US posture and {:.2} without the US (Q1)",
            o.with_us.credibility, o.without_us.credibility
        ));
        if let Some(best) = o.options.iter().find(|r| r.option.id != "us_umbrella") {
            sentences.push(format!(
                "The best-ranked European nuclear option is {} (credibility {:+.3}, EUR {:.1} bn a year, {:.0} years) (Q3)",
                best.option.name, best.credibility_change, best.option.annual_cost_eur_bn, best.option.years_to_implement
            ));
        }
    }
    if let Some(c) = &a.campaign {
        let when = c.first_year_europe_holds.map_or_else(
            || format!("not by {}", c.by_year.last().map_or(a.end_year, |y| y.year)),
            |year| format!("from {year}"),
        );
        sentences.push(format!(
            "In a Russian attack on the Baltic states the defence holds to day {:.0} in {:.0} % of runs with the scenario's US posture and {:.0} % without the US; Europe alone holds with {:.0} % confidence {when} (Q2)",
            c.hold_day,
            100.0 * c.with_us.p_hold,
            100.0 * c.without_us.p_hold,
            100.0 * c.hold_confidence
        ));
    }
    sentences
}

/// "1 is", "2 are".
fn verdict_count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
