//! The answer to the seed question in sentences, written from the assessment's figures: first
//! what Europe can do alone, then the benchmark with the US as the scenario sets it, then what
//! Europe lacks most, what closing it costs and how long it takes, then one sentence per
//! question. Every format (terminal, Markdown, HTML, JSON) opens with these sentences.

use bulwark_assess::{Assessment, AxisStatus, LineResult, Spread};
use bulwark_models::ledger::Verdict;

/// How many lines the "what Europe alone lacks" sentence names.
const LACKS_NAMED: usize = 4;

/// The headline: the answer to "can Europe defend itself without the US?" in a few sentences.
pub fn headline(a: &Assessment) -> Vec<String> {
    let verdicts: Vec<(Verdict, Verdict)> = a
        .axes
        .iter()
        .filter_map(|axis| match axis.status {
            AxisStatus::Assessed { verdict, benchmark, .. } => Some((verdict, benchmark)),
            _ => None,
        })
        .collect();
    let count = |alone: bool, v: Verdict| {
        verdicts.iter().filter(|(own, bench)| if alone { *own == v } else { *bench == v }).count()
    };
    let tally = |alone: bool| {
        format!(
            "self-sufficient on {}, partially dependent on {} and dependent on {}",
            count(alone, Verdict::SelfSufficient),
            count(alone, Verdict::PartiallyDependent),
            count(alone, Verdict::Dependent)
        )
    };
    let mut sentences = vec![
        format!(
            "Without the United States, Europe (the {} countries of this coalition) is {} of the {} tests that can be assessed",
            a.coalition.len(),
            tally(true),
            verdicts.len()
        ),
        format!("With the US as scenario `{}` sets it, it would be {}", a.scenario, tally(false)),
    ];
    sentences.extend(lacks_sentence(a));
    sentences.extend(cost_sentences(a));
    sentences
}

/// One sentence per headline naming the assumptions that move it most (the assessment's
/// Morris screen); none when the screen was not run.
pub fn driver_sentences(a: &Assessment) -> Vec<String> {
    a.drivers
        .iter()
        .map(|h| {
            let named: Vec<String> =
                h.drivers.iter().map(|d| format!("{} ({:.0} %)", d.parameter, d.share * 100.0)).collect();
            if named.is_empty() {
                format!("No uncertain assumption moves {} in the screen", h.headline)
            } else {
                format!("What moves {} most: {}", h.headline, named.join(", "))
            }
        })
        .collect()
}

/// How the drivers were found, in one sentence.
pub fn drivers_method(a: &Assessment) -> Option<String> {
    let first = a.drivers.first()?;
    Some(format!(
        "Drivers from a Morris screen ({} trajectories per model, {} runs in all; shares of the sum of μ*); \
         `bulwark explore morris|sobol --outcome NAME` gives the full analysis",
        first.trajectories,
        // Headlines of one model share its design: count each model's runs once.
        a.drivers
            .iter()
            .map(|h| (h.screened.split('.').next().unwrap_or(h.screened), h.runs))
            .collect::<std::collections::BTreeMap<_, _>>()
            .values()
            .sum::<u64>()
    ))
}

/// The full summary: the headline, the questions, and what could not be assessed.
pub fn overall(a: &Assessment) -> Vec<String> {
    let mut sentences = headline(a);
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
    sentences
}

/// The sentences joined into one paragraph.
pub fn paragraph(sentences: &[String]) -> String {
    if sentences.is_empty() {
        return String::new();
    }
    sentences.join(". ") + "."
}

/// The lines Europe alone covers least, with their share of the requirement and the shortfall.
pub fn weakest_lines(a: &Assessment) -> Vec<&LineResult> {
    let mut short: Vec<&LineResult> = a
        .lines
        .iter()
        .filter(|l| l.ledger.gap.is_some_and(|g| g > 0.0) && l.ledger.coverage_without_us.is_some())
        .collect();
    short.sort_by(|x, y| {
        x.ledger.coverage_without_us.unwrap_or(0.0).total_cmp(&y.ledger.coverage_without_us.unwrap_or(0.0))
    });
    short
}

fn lacks_sentence(a: &Assessment) -> Option<String> {
    let short = weakest_lines(a);
    if short.is_empty() {
        return Some("Europe alone meets the requirement on every line that could be assessed".to_string());
    }
    let named: Vec<String> = short
        .iter()
        .take(LACKS_NAMED)
        .map(|l| {
            format!(
                "{} ({:.0} % of the requirement, {} {} short)",
                l.name.to_lowercase(),
                100.0 * l.ledger.coverage_without_us.unwrap_or(0.0),
                crate::format_number(l.ledger.gap.unwrap_or(0.0), 0),
                l.counted_in
            )
        })
        .collect();
    Some(format!(
        "Alone, Europe lacks most {}{}",
        named.join(", "),
        if short.len() > LACKS_NAMED {
            format!(", and {} more lines", short.len() - LACKS_NAMED)
        } else {
            String::new()
        }
    ))
}

fn cost_sentences(a: &Assessment) -> Vec<String> {
    if a.horizon_cost_eur_bn <= 0.0 {
        return Vec::new();
    }
    let band = |s: Option<&Spread>| {
        s.filter(|s| s.high > s.low)
            .map_or(String::new(), |s| format!(" (p5–p95 {:.0}–{:.0})", s.low, s.high))
    };
    let ranges = a.ranges.as_ref();
    let mut sentences = vec![format!(
        "Closing Europe's own costed gaps takes EUR {:.0} bn{} of procurement and EUR {:.0} bn{} with operating costs over {} years, against EUR {:.0} bn of cumulative budget headroom{}",
        a.procurement_eur_bn,
        band(ranges.map(|r| &r.procurement_eur_bn)),
        a.horizon_cost_eur_bn,
        band(ranges.map(|r| &r.horizon_cost_eur_bn)),
        a.end_year - a.base_year,
        a.cumulative_headroom_eur_bn,
        a.affordability_ratio.map_or(String::new(), |r| format!(" (affordability ratio {r:.2})"))
    )];
    if !a.costing_excluded.is_empty() {
        sentences.push(format!(
            "The scenario leaves {} out of the costing, so those gaps are neither priced nor scheduled",
            a.costing_excluded.join(", ")
        ));
    }
    sentences.push(match a.window_closes {
        Some(year) => format!(
            "The last critical gap is filled in {year}{} along the scenario's budget path",
            band(ranges.map(|r| &r.window_closes))
        ),
        None if a.window_open_lines.is_empty() => "No critical line has a gap".to_string(),
        None => format!("In {} critical gaps are still open: {}", a.end_year, a.window_open_lines.join(", ")),
    });
    sentences
}

/// One sentence each for Q1 (the umbrella), Q2 (the Baltic campaign) and Q3 (the best
/// European package of nuclear options), from the models' figures.
pub(crate) fn question_sentences(a: &Assessment) -> Vec<String> {
    let mut sentences = Vec::new();
    if let Some(n) = &a.nuclear {
        let o = &n.outcome;
        sentences.push(format!(
            "Q1: the credibility of extended nuclear deterrence over a European ally is {:.2} without the US and {:.2} with the scenario's US posture",
            o.without_us.credibility, o.with_us.credibility
        ));
        let best = o.packages.as_ref().and_then(|search| Some((search, search.best.first()?)));
        if let Some((search, best)) = best {
            sentences.push(format!(
                "Q3: the most credible European package for EUR {:.1} bn a year by {:.0} reaches {:.3} ({} options, EUR {:.2} bn a year) against {:.3} for the US umbrella as today",
                search.limits.budget_eur_bn,
                n.package_by_year,
                best.credibility,
                best.option_ids.len(),
                best.annual_cost_eur_bn,
                o.us_as_today.credibility
            ));
        }
    }
    if let Some(c) = &a.campaign {
        let span = |window: &[u16]| match (window.first(), window.last()) {
            (Some(first), Some(last)) => {
                format!("in {} of {} years ({first}–{last})", window.len(), c.by_year.len())
            }
            _ => "in no year".to_string(),
        };
        // The lever that shortens the window most, when any helps at all.
        let driver = c
            .window
            .levers
            .first()
            .filter(|lever| lever.years_removed > 0 || lever.mean_p_hold_gain > 0.005)
            .map(|lever| {
                format!(
                    "; closing {} at once would help most ({} years out of the window)",
                    lever.lever, lever.years_removed
                )
            })
            .unwrap_or_default();
        sentences.push(format!(
            "Q2: in a Russian attack on the Baltic states in {} Europe alone holds to day {:.0} in {:.0} % of runs ({:.0} % with the scenario's US posture); against Russia's force of each year it falls short of {:.0} % confidence {} alone and {} with the US{driver}",
            c.year,
            c.hold_day,
            100.0 * c.without_us.p_hold,
            100.0 * c.with_us.p_hold,
            100.0 * c.hold_confidence,
            span(&c.window.years_without_us),
            span(&c.window.years_with_us),
        ));
    }
    if let Some(t) = &a.threat {
        let clocks: Vec<String> = t
            .clocks
            .iter()
            .map(|clock| match clock.year_median {
                Some(year) => format!("a {} from about {year:.1}", clock.title),
                None => format!("a {} not within the horizon", clock.title),
            })
            .collect();
        sentences.push(format!("Russia could mount {} (median readiness clocks)", clocks.join(", ")));
    }
    sentences
}
