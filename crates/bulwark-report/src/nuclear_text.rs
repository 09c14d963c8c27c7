//! Q1 and Q3 as short sentences and tables, written from the nuclear model's numbers: the
//! terminal, Markdown, HTML and JSON reports all take them from here.
//!
//! Q1 (what losing the US umbrella changes): credibility with and without the US, the warhead
//! balance, the cost of the UK and French forces and Europe's defence spending with their
//! sources, each patron's resolve and what moves it, New START, and the credibility by year.
//! Q3 (could Europe build its own deterrent): the best packages for the scenario's budget and
//! year, the credibility frontier, the treaty questions of a pooled European force, and the
//! option table.

use bulwark_assess::nuclear_inputs::{NuclearAssessment, SourcedFigure, US};
use bulwark_assess::Assessment;
use bulwark_models::nuclear::packages::Package;
use bulwark_models::nuclear::{CurvePoint, Factor, Mover};

use crate::text_table::{format_number, TextTable};

/// A question's answer: a few sentences, then tables with captions.
pub struct Answer {
    /// Short sentences, each complete.
    pub sentences: Vec<String>,
    /// Captioned tables.
    pub tables: Vec<(String, TextTable)>,
}

/// The answer to `id` (`Q1`, `Q3`) from the nuclear model; `None` for other questions or when
/// the model refused its inputs.
pub fn answer(a: &Assessment, id: &str) -> Option<Answer> {
    let n = a.nuclear.as_ref()?;
    match id {
        "Q1" => Some(q1(n)),
        "Q3" => Some(q3(n)),
        _ => None,
    }
}

fn q1(n: &NuclearAssessment) -> Answer {
    let o = &n.outcome;
    let end = n.inputs.params.end_year();
    let (today, alone) = (o.us_as_today.credibility, o.without_us.credibility);
    let mut sentences = vec![format!(
        "By {end}, extended deterrence over an eastern-flank ally is {} credible with the US umbrella as today \
         and {} without it ({}).",
        format_number(today, 3),
        format_number(alone, 3),
        percent_change(alone, today)
    )];
    sentences.extend(figure_sentences(n));
    sentences.push(resolve_sentence(n));
    sentences.push(new_start_sentence(n));
    sentences.push(elections_sentence(n));
    if let Some(weakest) = weakest_sentence(n) {
        sentences.push(weakest);
    }
    Answer {
        sentences,
        tables: vec![
            ("Resolve per patron, and what moves it".to_string(), resolve_table(n)),
            ("Credibility by year (elections step it down)".to_string(), curve_table(n)),
        ],
    }
}

fn q3(n: &NuclearAssessment) -> Answer {
    let mut sentences = Vec::new();
    let today = n.outcome.us_as_today.credibility;
    let mut tables = Vec::new();
    if let Some(search) = &n.outcome.packages {
        let limits = &search.limits;
        match search.best.first() {
            Some(best) => sentences.push(format!(
                "The most credible package for EUR {} bn a year by {} is {}: credibility {} ({} of the US \
                 umbrella as today, against {} for Europe alone), EUR {} bn a year, in place in {} years, \
                 escalation risk {}{}.",
                format_number(limits.budget_eur_bn, 1),
                year(n.package_by_year),
                package_names(n, best),
                format_number(best.credibility, 3),
                share(best.credibility, today),
                format_number(n.outcome.without_us.credibility, 3),
                format_number(best.annual_cost_eur_bn, 2),
                format_number(best.years_to_implement, 0),
                format_number(best.escalation_risk, 2),
                if best.npt_compliant { ", within the NPT" } else { ", outside the NPT" },
            )),
            None => sentences.push("No package fits the scenario's budget and year.".to_string()),
        }
        sentences.push(format!(
            "{} of {} packages fit the budget and year{}.",
            search.n_within_limits,
            search.n_packages,
            if limits.npt_only { "; options outside the NPT are left out" } else { "" }
        ));
        if let Some(top) = search.frontier.last() {
            sentences.push(format!(
                "Whatever the budget, nothing in place by {} is more credible than {} (EUR {} bn a year).",
                year(n.package_by_year),
                format_number(top.credibility, 3),
                format_number(top.annual_cost_eur_bn, 2)
            ));
        }
        tables.push((
            format!(
                "Best packages for EUR {} bn a year by {}",
                format_number(limits.budget_eur_bn, 1),
                year(n.package_by_year)
            ),
            package_table(n, &search.best),
        ));
        tables.push((
            "Credibility frontier: the most credible package at each yearly budget".to_string(),
            frontier_table(n, &search.frontier),
        ));
    }
    sentences.push(pooled_sentence(n));
    sentences.extend(figure_sentences(n));
    tables.push(("Options one at a time, ranked".to_string(), option_table(n)));
    Answer { sentences, tables }
}

/// The warhead balance and the money, each with its sources.
fn figure_sentences(n: &NuclearAssessment) -> Vec<String> {
    let f = &n.figures;
    let mut out = Vec::new();
    if let (Some(ukfr), Some(us), Some(rus)) = (
        &f.uk_france_deployed_warheads,
        &f.us_deployed_strategic_warheads,
        &f.rus_deployed_strategic_warheads,
    ) {
        out.push(format!(
            "The UK and France deploy {} warheads [{}], against {} US [{}] and {} Russian [{}] deployed strategic warheads.",
            format_number(ukfr.value, 0),
            sources(ukfr),
            format_number(us.value, 0),
            sources(us),
            format_number(rus.value, 0),
            sources(rus)
        ));
    }
    if let Some(cost) = &f.uk_france_cost_usd_bn {
        let eur = f
            .uk_france_cost_eur_bn
            .map_or(String::new(), |e| format!(", EUR {} bn at 2025 prices", format_number(e, 1)));
        out.push(format!(
            "UK and French nuclear forces cost USD {} bn a year ({}{eur}) [{}].",
            format_number(cost.value, 1),
            years(cost),
            sources(cost)
        ));
    }
    if let Some(spending) = &f.europe_defence_spending_usd_bn {
        let missing = if f.europe_spending_missing.is_empty() {
            String::new()
        } else {
            format!(", without {}", f.europe_spending_missing.join(", "))
        };
        out.push(format!(
            "The EU members and the UK spend USD {} bn a year on defence ({} countries, {}{missing}) [{}].",
            format_number(spending.value, 0),
            spending.n_rows,
            years(spending),
            sources(spending)
        ));
    }
    out
}

fn resolve_sentence(n: &NuclearAssessment) -> String {
    let parts: Vec<String> = n
        .outcome
        .resolve
        .iter()
        .map(|r| {
            format!(
                "{} {} (damage {} × its value against a stake of {})",
                r.state,
                format_number(r.parts.resolve, 2),
                format_number(r.parts.damage_ratio, 1),
                format_number(r.parts.stake, 2)
            )
        })
        .collect();
    format!(
        "Each patron's resolve weighs what Russia can do to it against its stake in the ally: {}.",
        parts.join("; ")
    )
}

fn new_start_sentence(n: &NuclearAssessment) -> String {
    let s = &n.new_start;
    if s.expired > 0.0 {
        format!(
            "New START expired in February 2026; the scenario adds {} Russian and {} US warheads to their missiles.",
            format_number(s.expired * s.upload_rus_warheads, 0),
            format_number(s.expired * s.upload_usa_warheads, 0)
        )
    } else {
        "The scenario keeps New START's limits on Russian and US deployed strategic warheads.".to_string()
    }
}

fn elections_sentence(n: &NuclearAssessment) -> String {
    let calendar: Vec<String> = n
        .outcome
        .resolve
        .iter()
        .filter(|r| !r.election_years.is_empty())
        .map(|r| {
            let years: Vec<String> = r.election_years.iter().map(|y| year(*y)).collect();
            format!(
                "{} {} (withdrawal {} each)",
                r.state,
                years.join(", "),
                format_number(r.withdrawal_probability, 2)
            )
        })
        .collect();
    let curve = &n.outcome.curve_with_us;
    let (first, last) = (curve.first(), curve.last());
    let path = match (first, last) {
        (Some(a), Some(b)) => format!(
            "; with the scenario's US posture credibility goes from {} at the end of {} to {} by {}",
            format_number(a.credibility, 3),
            a.year,
            format_number(b.credibility, 3),
            b.year
        ),
        _ => String::new(),
    };
    format!("Elections that could withdraw a commitment: {}{path}.", calendar.join("; "))
}

fn weakest_sentence(n: &NuclearAssessment) -> Option<String> {
    let (state, factor, gain) = n
        .outcome
        .without_us
        .patrons
        .iter()
        .filter(|p| p.state != US)
        .flat_map(|p| {
            Factor::ALL.iter().enumerate().map(move |(idx, f)| (p.state.as_str(), *f, p.gain_to_full[idx]))
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))?;
    Some(format!(
        "Without the US, {state}'s {} holds Europe back most: raising it to 1 would add {} to that umbrella.",
        factor.label(),
        format_number(gain, 3)
    ))
}

fn pooled_sentence(n: &NuclearAssessment) -> String {
    format!(
        "A pooled European force raises treaty questions: NPT Article I bars France and the UK from transferring \
         nuclear weapons or control over them, Article II bars the non-nuclear members from receiving either, and a \
         common defence needs a unanimous European Council (Treaty on European Union, Article 42(2)); {}.",
        if n.pooled.joint_release {
            "this scenario shares release with non-nuclear members, which puts the option outside the NPT"
        } else {
            "this scenario keeps release with France and the UK, as NATO's sharing keeps it with the US"
        }
    )
}

fn resolve_table(n: &NuclearAssessment) -> TextTable {
    let mut header = vec![
        "patron",
        "warheads reaching",
        "after defence",
        "value (warheads)",
        "damage ratio",
        "stake",
        "resolve",
    ];
    header.extend(Mover::ALL.iter().map(|m| mover_header(*m)));
    let mut t = TextTable::new(&header);
    for r in &n.outcome.resolve {
        let p = &r.parts;
        let mut row = vec![
            r.state.clone(),
            format_number(p.reaching_warheads, 0),
            format_number(p.after_defence_warheads, 0),
            format_number(p.value_warheads, 0),
            format_number(p.damage_ratio, 2),
            format_number(p.stake, 2),
            format_number(p.resolve, 2),
        ];
        row.extend(r.movers.iter().map(|(_, value)| format_number(*value, 2)));
        t.row(row);
    }
    t
}

fn curve_table(n: &NuclearAssessment) -> TextTable {
    let mut t = TextTable::new(&["year", "with the scenario's US posture", "without the US", "elections"]);
    let without =
        |year: u16| n.outcome.curve_without_us.iter().find(|p| p.year == year).map(|p| p.credibility);
    for CurvePoint { year, credibility } in &n.outcome.curve_with_us {
        let voting: Vec<&str> = n
            .outcome
            .resolve
            .iter()
            .filter(|r| r.election_years.iter().any(|y| (*y - f64::from(*year)).abs() < 0.5))
            .map(|r| r.state.as_str())
            .collect();
        t.row(vec![
            year.to_string(),
            format_number(*credibility, 3),
            without(*year).map_or("–".to_string(), |c| format_number(c, 3)),
            voting.join(", "),
        ]);
    }
    t
}

fn package_table(n: &NuclearAssessment, packages: &[Package]) -> TextTable {
    let mut t = TextTable::new(&[
        "options (ids of the option table)",
        "EUR bn a year",
        "years",
        "escalation risk",
        "NPT",
        "credibility",
        "change",
        "of US today",
    ]);
    let today = n.outcome.us_as_today.credibility;
    for p in packages {
        t.row(vec![
            package_ids(p),
            format_number(p.annual_cost_eur_bn, 2),
            format_number(p.years_to_implement, 0),
            format_number(p.escalation_risk, 2),
            if p.npt_compliant { "yes".into() } else { "outside".into() },
            format_number(p.credibility, 3),
            format!("{:+.3}", p.credibility_change),
            share(p.credibility, today),
        ]);
    }
    t
}

/// Yearly budgets (EUR bn) at which the frontier is read.
const FRONTIER_BUDGETS_EUR_BN: [f64; 11] = [0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0];

/// The frontier read at [`FRONTIER_BUDGETS_EUR_BN`]: the most credible package within each
/// budget, each package once (the JSON has every point of the frontier).
fn frontier_table(n: &NuclearAssessment, frontier: &[Package]) -> TextTable {
    let mut t =
        TextTable::new(&["budget EUR bn a year", "options", "EUR bn a year", "credibility", "of US today"]);
    let today = n.outcome.us_as_today.credibility;
    let mut shown: Option<&Package> = None;
    for budget in FRONTIER_BUDGETS_EUR_BN {
        let Some(best) = frontier.iter().rev().find(|p| p.annual_cost_eur_bn <= budget + 1e-9) else {
            continue;
        };
        if shown.is_some_and(|s| s.option_ids == best.option_ids) {
            continue;
        }
        shown = Some(best);
        t.row(vec![
            format!("up to {}", format_number(budget, 2)),
            package_ids(best),
            format_number(best.annual_cost_eur_bn, 2),
            format_number(best.credibility, 3),
            share(best.credibility, today),
        ]);
    }
    t
}

fn option_table(n: &NuclearAssessment) -> TextTable {
    let mut t = TextTable::new(&[
        "#",
        "option",
        "id",
        "EUR bn a year",
        "years",
        "NPT",
        "escalation risk",
        "change",
        "score",
    ]);
    for r in &n.outcome.options {
        t.row(vec![
            r.rank.to_string(),
            r.option.name.clone(),
            r.option.id.clone(),
            format_number(r.option.annual_cost_eur_bn, 2),
            format_number(r.option.years_to_implement, 0),
            if r.option.npt_compliant { "yes".into() } else { "outside".into() },
            format_number(r.option.escalation_risk, 2),
            format!("{:+.3}", r.credibility_change),
            format!("{:+.3}", r.score),
        ]);
    }
    t
}

/// The options of a package by name, `nothing` for the empty one.
pub(crate) fn package_names(n: &NuclearAssessment, package: &Package) -> String {
    if package.option_ids.is_empty() {
        return "nothing".to_string();
    }
    let name = |id: &String| {
        n.outcome.options.iter().find(|r| r.option.id == *id).map_or(id.clone(), |r| r.option.name.clone())
    };
    package.option_ids.iter().map(name).collect::<Vec<_>>().join(" + ")
}

/// The options of a package by id, `nothing` for the empty one.
fn package_ids(package: &Package) -> String {
    if package.option_ids.is_empty() {
        "nothing".to_string()
    } else {
        package.option_ids.join(" + ")
    }
}

fn mover_header(mover: Mover) -> &'static str {
    match mover {
        Mover::ForcesStationed => "with forces at lead",
        Mover::MissileDefence => "defence +25 pts",
        Mover::AdversaryHalved => "Russia halved",
        Mover::AdversaryDoubled => "Russia doubled",
    }
}

/// A calendar year held as a number, without a thousands separator.
fn year(value: f64) -> String {
    format!("{value:.0}")
}

fn sources(figure: &SourcedFigure) -> String {
    figure.sources.join(", ")
}

fn years(figure: &SourcedFigure) -> String {
    match figure.years {
        (a, b) if a == b => a.to_string(),
        (a, b) => format!("{a}–{b}"),
    }
}

fn share(value: f64, of: f64) -> String {
    if of > 0.0 {
        format!("{:.0} %", 100.0 * value / of)
    } else {
        "–".to_string()
    }
}

fn percent_change(value: f64, from: f64) -> String {
    if from > 0.0 {
        format!("{:+.0} %", 100.0 * (value / from - 1.0))
    } else {
        "no change to measure".to_string()
    }
}
