//! The answer to the seed question in sentences, written from the assessment's figures: first
//! what Europe can do alone, then the benchmark with the US as the scenario sets it, then what
//! Europe lacks most, what closing it costs and how long it takes, then one sentence per
//! question. Every format (terminal, Markdown, HTML, JSON) opens with these sentences.

use bulwark_assess::{Assessment, AxisStatus, LineResult, Spread};
use bulwark_models::ledger::Verdict;

use crate::i18n::{Lang, Messages};

/// How many lines the "what Europe alone lacks" sentence names.
const LACKS_NAMED: usize = 4;

/// The headline: the answer to "can Europe defend itself without the US?" in a few sentences.
pub fn headline(a: &Assessment, m: &Messages) -> Vec<String> {
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
        m.f(
            "tally",
            &[
                ("self", count(alone, Verdict::SelfSufficient).into()),
                ("partial", count(alone, Verdict::PartiallyDependent).into()),
                ("dependent", count(alone, Verdict::Dependent).into()),
            ],
        )
    };
    let mut sentences = vec![
        m.f(
            "headline-alone",
            &[
                ("n", a.coalition.len().into()),
                ("tally", tally(true).into()),
                ("tests", verdicts.len().into()),
            ],
        ),
        m.f("headline-with-us", &[("scenario", a.scenario.as_str().into()), ("tally", tally(false).into())]),
    ];
    sentences.extend(lacks_sentence(a, m));
    sentences.extend(cost_sentences(a, m));
    sentences
}

/// One sentence per headline naming the assumptions that move it most (the assessment's
/// Morris screen), each by its label with its share and its name in the scenario file; none
/// when the screen was not run.
pub fn driver_sentences(a: &Assessment, m: &Messages) -> Vec<String> {
    a.drivers
        .iter()
        .map(|h| {
            let headline = driver_headline(h.outcome, m);
            let label = |name: &str| crate::exec_summary::param_label(name, m);
            match (h.drivers.as_slice(), h.moved_by) {
                ([], _) => m.f("drivers-none", &[("headline", headline.into())]),
                ([only], 1) => m.f(
                    "drivers-only",
                    &[
                        ("headline", headline.into()),
                        ("label", label(&only.parameter).into()),
                        ("name", only.parameter.as_str().into()),
                    ],
                ),
                (drivers, _) => {
                    let named: Vec<String> = drivers
                        .iter()
                        .map(|d| {
                            m.f(
                                "drivers-named",
                                &[
                                    ("label", label(&d.parameter).into()),
                                    ("share", m.pct(d.share * 100.0, 0).into()),
                                    ("name", d.parameter.as_str().into()),
                                ],
                            )
                        })
                        .collect();
                    m.f(
                        "drivers-what-moves",
                        &[("headline", headline.into()), ("drivers", listed(&named, m).into())],
                    )
                }
            }
        })
        .collect()
}

/// Items as a list in a sentence: "a, b and c" in English, "a、b、c" in Japanese.
pub(crate) fn listed(items: &[String], m: &Messages) -> String {
    match (m.lang(), items) {
        (_, []) => String::new(),
        (_, [one]) => one.clone(),
        (Lang::Ja, _) => items.join("、"),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
    }
}

/// An English line name inside a sentence: the first word in lower case unless it is an
/// acronym ("ISR satellites" stays, "Air-to-air refuelling tankers" becomes "air-to-air …").
pub(crate) fn in_a_sentence(name: &str) -> String {
    let first = name.split([' ', '-']).next().unwrap_or("");
    if first.chars().filter(|c| c.is_alphabetic()).count() > 1 && first.chars().all(|c| !c.is_lowercase()) {
        return name.to_string();
    }
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A screened headline in the report's language, by its outcome's id (`baltic.held_day_28`).
pub(crate) fn driver_headline(outcome: &str, m: &Messages) -> String {
    let id: String = outcome.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    m.t(&format!("driver-{id}"))
}

/// How the drivers were found, in one sentence.
pub fn drivers_method(a: &Assessment, m: &Messages) -> Option<String> {
    let first = a.drivers.iter().find(|h| !h.outcome.starts_with("baltic.")).or(a.drivers.first())?;
    let baltic = a.drivers.iter().find(|h| h.outcome.starts_with("baltic.")).unwrap_or(first);
    // Headlines of one model share its design: count each model's runs once.
    let runs: u64 = a
        .drivers
        .iter()
        .map(|h| (h.screened.split('.').next().unwrap_or(h.screened), h.runs))
        .collect::<std::collections::BTreeMap<_, _>>()
        .values()
        .sum();
    Some(m.f(
        "drivers-method",
        &[
            ("baltic", baltic.trajectories.to_string().into()),
            ("trajectories", first.trajectories.to_string().into()),
            ("runs", m.number(runs as f64, 0).into()),
        ],
    ))
}

/// The full summary: the headline, the questions, and what could not be assessed.
pub fn overall(a: &Assessment, m: &Messages) -> Vec<String> {
    let mut sentences = headline(a, m);
    sentences.extend(question_sentences(a, m));
    let no_data = a.lines.iter().filter(|l| l.ledger.coverage.is_none()).count();
    if no_data > 0 {
        sentences.push(m.f("lines-not-assessed", &[("n", no_data.into()), ("total", a.lines.len().into())]));
    }
    sentences.extend(bound_sentences(a, m));
    let pending: Vec<String> = a
        .axes
        .iter()
        .flat_map(|axis| axis.pending.iter().map(|p| crate::assessment_view::pending_model(*p, m)))
        .collect();
    if !pending.is_empty() {
        sentences.push(m.f("not-yet-modelled-list", &[("what", pending.join("; ").into())]));
    }
    sentences
}

/// How many assessed lines rest on lower bounds, and how many verdicts the bounds leave open.
pub fn bound_sentences(a: &Assessment, m: &Messages) -> Vec<String> {
    let assessed: Vec<&LineResult> = a.lines.iter().filter(|l| l.ledger.coverage.is_some()).collect();
    let on_lower = assessed.iter().filter(|l| l.ledger.rests_on_lower_bound()).count();
    let undetermined =
        assessed.iter().filter(|l| l.ledger.status.is_err_and(|s| s.is_undetermined())).count();
    let mut sentences = Vec::new();
    if on_lower > 0 {
        sentences.push(
            m.f("lines-on-lower-bounds", &[("n", on_lower.into()), ("assessed", assessed.len().into())]),
        );
    }
    if undetermined > 0 {
        sentences.push(m.f("lines-undetermined", &[("n", undetermined.into())]));
    }
    sentences
}

/// A cost total (`total`, formatted) marked with the bound its gaps give it (`≥` when every
/// bounded gap is a lower bound, `~` when lower and upper bounds meet), and with `note` the
/// count of costed gaps that rest on lower bounds beside it: several gaps are computed against
/// figures that are only lower bounds, so the total is not a count (review finding 4).
pub(crate) fn bounded_total(a: &Assessment, total: String, note: bool, m: &Messages) -> String {
    let marked = m.bounded(total, a.cost_bounds().bound);
    match lower_bounds_note(a, m).filter(|_| note) {
        Some(note) => match m.lang() {
            Lang::En => format!("{marked} ({note})"),
            Lang::Ja => format!("{marked}（{note}）"),
        },
        None => marked,
    }
}

/// "N of M costed gaps rest on lower bounds" (and "K on upper bounds" where some do, which is
/// why such a total is marked `~`), when any gap rests on a lower bound.
pub(crate) fn lower_bounds_note(a: &Assessment, m: &Messages) -> Option<String> {
    let bounds = a.cost_bounds();
    let args = [("n", bounds.lower.into()), ("costed", bounds.costed.into()), ("upper", bounds.upper.into())];
    match (bounds.lower, bounds.upper) {
        (0, _) => None,
        (_, 0) => Some(m.f("total-lower-bounds", &args)),
        _ => Some(m.f("total-lower-upper-bounds", &args)),
    }
}

/// The sentences joined into one paragraph (Japanese sentences end with 。 and take no space).
pub fn paragraph(sentences: &[String], m: &Messages) -> String {
    if sentences.is_empty() {
        return String::new();
    }
    match m.lang() {
        Lang::En => sentences.join(". ") + ".",
        Lang::Ja => sentences.join("。") + "。",
    }
}

/// A sentence with its full stop (`.` or `。`).
pub fn full_stop(sentence: &str, m: &Messages) -> String {
    match m.lang() {
        Lang::En => format!("{sentence}."),
        Lang::Ja => format!("{sentence}。"),
    }
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

fn lacks_sentence(a: &Assessment, m: &Messages) -> Option<String> {
    let short = weakest_lines(a);
    if short.is_empty() {
        return Some(m.t("lacks-none"));
    }
    let named: Vec<String> = short
        .iter()
        .take(LACKS_NAMED)
        .map(|l| {
            let name = match m.lang() {
                Lang::En => in_a_sentence(&l.name),
                Lang::Ja => m.line_name(&l.line, &l.name),
            };
            // The gap counts available units; the cost buys more, since a unit bought is
            // available only part of the time: both are said where they differ.
            let gap = l.ledger.gap.unwrap_or(0.0);
            let buy = l.ledger.units_to_buy.unwrap_or(gap);
            let mut args = vec![
                ("name", name.into()),
                ("pct", m.pct((100.0 * l.ledger.coverage_without_us.unwrap_or(0.0)).round(), 0).into()),
                ("gap", m.bounded(crate::format_count(gap), l.ledger.gap_bound).into()),
                ("unit", m.unit(&l.counted_in).into()),
            ];
            if buy > gap * (1.0 + 1e-9) {
                args.push(("buy", crate::format_whole_units(buy).into()));
                args.push(("availability", m.pct((100.0 * gap / buy).round(), 0).into()));
                m.f("lacks-item-buy", &args)
            } else {
                m.f("lacks-item", &args)
            }
        })
        .collect();
    let items = match m.lang() {
        Lang::En => named.join(", "),
        Lang::Ja => named.join("、"),
    };
    Some(if short.len() > LACKS_NAMED {
        m.f("lacks-more", &[("items", items.into()), ("more", (short.len() - LACKS_NAMED).into())])
    } else {
        m.f("lacks", &[("items", items.into())])
    })
}

fn cost_sentences(a: &Assessment, m: &Messages) -> Vec<String> {
    if a.horizon_cost_eur_bn <= 0.0 {
        return Vec::new();
    }
    let money_band = |s: Option<&Spread>| {
        s.filter(|s| s.high > s.low).map_or(String::new(), |s| {
            let (low, high) = match m.lang() {
                Lang::En => (format!("{:.0}", s.low), format!("{:.0}", s.high)),
                Lang::Ja => {
                    let range = m.eur_bn_range(s.low, s.high, 0);
                    let (low, high) = range.split_once('〜').unwrap_or((&range, ""));
                    (low.to_string(), high.to_string())
                }
            };
            m.f("band", &[("low", low.into()), ("high", high.into())])
        })
    };
    let year_band = |s: Option<&Spread>| {
        s.filter(|s| s.high > s.low).map_or(String::new(), |s| {
            m.f("band", &[("low", format!("{:.0}", s.low).into()), ("high", format!("{:.0}", s.high).into())])
        })
    };
    let ranges = a.ranges.as_ref();
    let money = |v: f64| match m.lang() {
        Lang::En => format!("EUR {v:.0} bn"),
        Lang::Ja => m.eur_bn(v, 0),
    };
    let mut sentences = vec![m.f(
        "cost-sentence",
        &[
            ("procurement", bounded_total(a, money(a.procurement_eur_bn), true, m).into()),
            ("procurement_band", money_band(ranges.map(|r| &r.procurement_eur_bn)).into()),
            ("horizon", bounded_total(a, money(a.horizon_cost_eur_bn), false, m).into()),
            ("horizon_band", money_band(ranges.map(|r| &r.horizon_cost_eur_bn)).into()),
            ("years", (a.end_year - a.base_year).into()),
            ("headroom", money(a.cumulative_headroom_eur_bn).into()),
            (
                "ratio",
                a.affordability_ratio
                    .map_or(String::new(), |r| m.f("affordability", &[("ratio", format!("{r:.2}").into())]))
                    .into(),
            ),
        ],
    )];
    if !a.costing_excluded.is_empty() {
        let lines: Vec<String> = a.costing_excluded.iter().map(|id| m.line_name(id, id)).collect();
        sentences.push(m.f("costing-excluded", &[("lines", m.list(&lines).into())]));
    }
    sentences.push(match a.window_closes {
        Some(year) => m.f(
            "window-closes",
            &[
                ("year", year.to_string().into()),
                ("band", year_band(ranges.map(|r| &r.window_closes)).into()),
            ],
        ),
        None if a.window_open_lines.is_empty() => m.t("window-no-critical"),
        None => m.f(
            "window-open",
            &[
                ("year", a.end_year.to_string().into()),
                (
                    "lines",
                    m.list(&a.window_open_lines.iter().map(|id| m.line_name(id, id)).collect::<Vec<_>>())
                        .into(),
                ),
            ],
        ),
    });
    sentences
}

/// One sentence each for Q1 (the umbrella), Q2 (the Baltic campaign) and Q3 (the best
/// European package of nuclear options), from the models' figures.
pub(crate) fn question_sentences(a: &Assessment, m: &Messages) -> Vec<String> {
    let money = |v: f64, decimals: usize| match m.lang() {
        Lang::En => format!("EUR {v:.decimals$} bn"),
        Lang::Ja => m.eur_bn(v, decimals),
    };
    let mut sentences = Vec::new();
    if let Some(n) = &a.nuclear {
        let o = &n.outcome;
        sentences.push(m.f(
            "q1-sentence",
            &[
                ("year", n.inputs.params.end_year().to_string().into()),
                ("without", format!("{:.3}", o.without_us.credibility).into()),
                ("with", format!("{:.3}", o.with_us.credibility).into()),
            ],
        ));
        let best = o.packages.as_ref().and_then(|search| Some((search, search.best.first()?)));
        if let Some((search, best)) = best {
            sentences.push(m.f(
                "q3-sentence",
                &[
                    ("budget", money(search.limits.budget_eur_bn, 1).into()),
                    ("year", format!("{:.0}", n.package_by_year).into()),
                    ("credibility", format!("{:.3}", best.credibility).into()),
                    ("options", best.option_ids.len().into()),
                    ("cost", money(best.annual_cost_eur_bn, 2).into()),
                    ("us", format!("{:.3}", o.us_as_today.credibility).into()),
                ],
            ));
        }
    }
    if let Some(c) = &a.campaign {
        let span = |window: &[u16]| {
            if window.is_empty() {
                return m.t("q2-no-year");
            }
            m.f(
                "q2-span",
                &[
                    ("n", window.len().into()),
                    ("total", c.by_year.len().into()),
                    ("years", m.year_runs(window).into()),
                ],
            )
        };
        // The lever that shortens the window most, when any helps at all.
        let driver = c
            .window
            .levers
            .first()
            .filter(|lever| lever.helps())
            .map(|lever| {
                m.f(
                    "q2-driver",
                    &[("lever", lever.lever.into()), ("years", lever.years_removed.to_string().into())],
                )
            })
            .unwrap_or_default();
        let pct = |fraction: f64| m.pct((100.0 * fraction).round(), 0);
        sentences.push(m.f(
            "q2-sentence",
            &[
                ("year", c.year.to_string().into()),
                ("day", format!("{:.0}", c.hold_day).into()),
                ("alone", m.p_hold(c.without_us.p_hold).into()),
                ("with", m.p_hold(c.with_us.p_hold).into()),
                ("confidence", pct(c.hold_confidence).into()),
                ("span", span(&c.window.years_without_us).into()),
                ("span_with", span(&c.window.years_with_us).into()),
                ("driver", driver.into()),
            ],
        ));
    }
    if let Some(t) = &a.threat {
        let clocks: Vec<String> = t
            .clocks
            .iter()
            .map(|clock| {
                let title = crate::threat_view::clock_title(clock, m);
                match clock.year_median {
                    Some(year) => {
                        m.f("clock-from", &[("clock", title.into()), ("year", format!("{year:.0}").into())])
                    }
                    None => m.f("clock-never", &[("clock", title.into())]),
                }
            })
            .collect();
        let list = match m.lang() {
            Lang::En => clocks.join(", "),
            Lang::Ja => clocks.join("、"),
        };
        sentences.push(m.f("clocks-sentence", &[("clocks", list.into())]));
    }
    sentences
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_names_inside_a_sentence_keep_their_acronyms() {
        assert_eq!(super::in_a_sentence("ISR satellites"), "ISR satellites");
        assert_eq!(super::in_a_sentence("Air-to-air refuelling tankers"), "air-to-air refuelling tankers");
        assert_eq!(
            super::in_a_sentence("Missile early-warning satellites"),
            "missile early-warning satellites"
        );
        assert_eq!(super::in_a_sentence("A400M-class airlift"), "A400M-class airlift");
    }
}
