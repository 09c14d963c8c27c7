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

use crate::i18n::{Arg, Lang, Messages};
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
pub fn answer(a: &Assessment, id: &str, m: &Messages) -> Option<Answer> {
    let n = a.nuclear.as_ref()?;
    match id {
        "Q1" => Some(q1(n, m)),
        "Q3" => Some(q3(n, m)),
        _ => None,
    }
}

/// Money in euro billions as the sentences write it (`EUR 1.5 bn`, `15億ユーロ`).
fn eur(value: f64, decimals: usize, m: &Messages) -> String {
    match m.lang() {
        Lang::En => format!("EUR {} bn", format_number(value, decimals)),
        Lang::Ja => m.eur_bn(value, decimals),
    }
}

/// Money in US dollar billions (`USD 16.5 bn`, `165億ドル`).
fn usd(value: f64, decimals: usize, m: &Messages) -> String {
    match m.lang() {
        Lang::En => format!("USD {} bn", format_number(value, decimals)),
        Lang::Ja => m.eur_bn(value, decimals).replace("ユーロ", "ドル"),
    }
}

fn q1(n: &NuclearAssessment, m: &Messages) -> Answer {
    let o = &n.outcome;
    let end = n.inputs.params.end_year();
    let (today, alone) = (o.us_as_today.credibility, o.without_us.credibility);
    // "As today" is the end year's credibility, after the US elections that may withdraw the
    // commitment: said, so that it is not read as today's figure.
    let us_elections: Vec<String> = o
        .resolve
        .iter()
        .filter(|r| r.state == bulwark_assess::nuclear_inputs::US)
        .flat_map(|r| r.election_years.iter().map(|y| year(*y)))
        .collect();
    let after = match us_elections.is_empty() {
        true => m.t("us-after-no-elections"),
        false => m.f("us-after-elections", &[("years", m.list(&us_elections).into())]),
    };
    let mut sentences = vec![m.f(
        "q1-credibility",
        &[
            ("year", end.to_string().into()),
            ("after", after.into()),
            ("today", format_number(today, 3).into()),
            ("alone", format_number(alone, 3).into()),
            ("change", percent_change(alone, today, m).into()),
        ],
    )];
    sentences.extend(figure_sentences(n, m));
    sentences.push(resolve_sentence(n, m));
    sentences.push(new_start_sentence(n, m));
    sentences.push(elections_sentence(n, m));
    if let Some(weakest) = weakest_sentence(n, m) {
        sentences.push(weakest);
    }
    Answer {
        sentences,
        tables: vec![
            (m.t("q1-resolve-caption"), resolve_table(n, m)),
            (m.t("q1-curve-caption"), curve_table(n, m)),
        ],
    }
}

fn q3(n: &NuclearAssessment, m: &Messages) -> Answer {
    let mut sentences = Vec::new();
    let today = n.outcome.us_as_today.credibility;
    let mut tables = Vec::new();
    if let Some(search) = &n.outcome.packages {
        let limits = &search.limits;
        match search.best.first() {
            Some(best) => sentences.push(m.f(
                "q3-best",
                &[
                    ("budget", eur(limits.budget_eur_bn, 1, m).into()),
                    ("year", year(n.package_by_year).into()),
                    ("package", package_names(n, best, m).into()),
                    ("credibility", format_number(best.credibility, 3).into()),
                    ("share", share(best.credibility, today, m).into()),
                    ("alone", format_number(n.outcome.without_us.credibility, 3).into()),
                    ("cost", eur(best.annual_cost_eur_bn, 2, m).into()),
                    ("years", format_number(best.years_to_implement, 0).into()),
                    ("risk", format_number(best.escalation_risk, 2).into()),
                    ("npt", m.t(if best.npt_compliant { "q3-within-npt" } else { "q3-outside-npt" }).into()),
                ],
            )),
            None => sentences.push(m.t("q3-no-package")),
        }
        let fit_args: [(&str, Arg<'_>); 2] =
            [("n", search.n_within_limits.into()), ("total", search.n_packages.into())];
        sentences.push(m.f(if limits.npt_only { "q3-fit-npt-only" } else { "q3-fit" }, &fit_args));
        if let Some(top) = search.frontier.last() {
            sentences.push(m.f(
                "q3-ceiling",
                &[
                    ("year", year(n.package_by_year).into()),
                    ("credibility", format_number(top.credibility, 3).into()),
                    ("cost", eur(top.annual_cost_eur_bn, 2, m).into()),
                ],
            ));
        }
        tables.push((
            m.f(
                "q3-best-caption",
                &[
                    ("budget", eur(limits.budget_eur_bn, 1, m).into()),
                    ("year", year(n.package_by_year).into()),
                ],
            ),
            package_table(n, &search.best, m),
        ));
        tables.push((m.t("q3-frontier-caption"), frontier_table(n, &search.frontier, m)));
    }
    sentences.push(pooled_sentence(n, m));
    sentences.extend(figure_sentences(n, m));
    tables.push((m.t("q3-options-caption"), option_table(n, m)));
    Answer { sentences, tables }
}

/// The warhead balance and the money, each with its sources.
fn figure_sentences(n: &NuclearAssessment, m: &Messages) -> Vec<String> {
    let f = &n.figures;
    let mut out = Vec::new();
    if let (Some(ukfr), Some(us), Some(rus)) = (
        &f.uk_france_deployed_warheads,
        &f.us_deployed_strategic_warheads,
        &f.rus_deployed_strategic_warheads,
    ) {
        out.push(m.f(
            "q1-warheads",
            &[
                ("ukfr", format_number(ukfr.value, 0).into()),
                ("ukfr_src", sources(ukfr).into()),
                ("us", format_number(us.value, 0).into()),
                ("us_src", sources(us).into()),
                ("rus", format_number(rus.value, 0).into()),
                ("rus_src", sources(rus).into()),
            ],
        ));
    }
    if let Some(cost) = &f.uk_france_cost_usd_bn {
        let eur_text = f
            .uk_france_cost_eur_bn
            .map_or(String::new(), |e| m.f("q1-at-2025-prices", &[("eur", eur(e, 1, m).into())]));
        out.push(m.f(
            "q1-nuclear-cost",
            &[
                ("usd", usd(cost.value, 1, m).into()),
                ("years", years(cost).into()),
                ("eur", eur_text.into()),
                ("src", sources(cost).into()),
            ],
        ));
    }
    if let Some(spending) = &f.europe_defence_spending_usd_bn {
        let missing = if f.europe_spending_missing.is_empty() {
            String::new()
        } else {
            m.f("q1-spending-without", &[("members", f.europe_spending_missing.join(", ").into())])
        };
        out.push(m.f(
            "q1-spending",
            &[
                ("usd", usd(spending.value, 0, m).into()),
                ("n", spending.n_rows.into()),
                ("years", years(spending).into()),
                ("missing", missing.into()),
                ("src", sources(spending).into()),
            ],
        ));
    }
    out
}

fn resolve_sentence(n: &NuclearAssessment, m: &Messages) -> String {
    let parts: Vec<String> = n
        .outcome
        .resolve
        .iter()
        .map(|r| {
            m.f(
                "q1-resolve-part",
                &[
                    ("state", r.state.as_str().into()),
                    ("resolve", format_number(r.parts.resolve, 2).into()),
                    ("damage", format_number(r.parts.damage_ratio, 1).into()),
                    ("stake", format_number(r.parts.stake, 2).into()),
                ],
            )
        })
        .collect();
    m.f("q1-resolve", &[("parts", parts.join(m.t("list-sep-semicolon").as_str()).into())])
}

fn new_start_sentence(n: &NuclearAssessment, m: &Messages) -> String {
    let s = &n.new_start;
    if s.expired > 0.0 {
        m.f(
            "q1-new-start-expired",
            &[
                ("rus", format_number(s.expired * s.upload_rus_warheads, 0).into()),
                ("us", format_number(s.expired * s.upload_usa_warheads, 0).into()),
            ],
        )
    } else {
        m.t("q1-new-start-kept")
    }
}

fn elections_sentence(n: &NuclearAssessment, m: &Messages) -> String {
    let calendar: Vec<String> = n
        .outcome
        .resolve
        .iter()
        .filter(|r| !r.election_years.is_empty())
        .map(|r| {
            let years: Vec<String> = r.election_years.iter().map(|y| year(*y)).collect();
            m.f(
                "q1-election",
                &[
                    ("state", r.state.as_str().into()),
                    ("years", years.join(", ").into()),
                    ("p", format_number(r.withdrawal_probability, 2).into()),
                ],
            )
        })
        .collect();
    let curve = &n.outcome.curve_with_us;
    let (first, last) = (curve.first(), curve.last());
    let path = match (first, last) {
        (Some(a), Some(b)) => m.f(
            "q1-election-path",
            &[
                ("from", format_number(a.credibility, 3).into()),
                ("from_year", a.year.to_string().into()),
                ("to", format_number(b.credibility, 3).into()),
                ("to_year", b.year.to_string().into()),
            ],
        ),
        _ => String::new(),
    };
    m.f(
        "q1-elections",
        &[("calendar", calendar.join(m.t("list-sep-semicolon").as_str()).into()), ("path", path.into())],
    )
}

fn weakest_sentence(n: &NuclearAssessment, m: &Messages) -> Option<String> {
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
    Some(m.f(
        "q1-weakest",
        &[
            ("state", state.into()),
            ("factor", factor_name(factor, m).into()),
            ("gain", format_number(gain, 3).into()),
        ],
    ))
}

/// A factor of the credibility product in the report's language.
pub(crate) fn factor_name(factor: Factor, m: &Messages) -> String {
    m.lookup("factor", &factor.label().replace(' ', "-"), factor.label())
}

fn pooled_sentence(n: &NuclearAssessment, m: &Messages) -> String {
    m.t(if n.pooled.joint_release { "q3-pooled-joint" } else { "q3-pooled-national" })
}

/// A table whose header cells are catalogue ids.
fn headed(ids: &[&str], m: &Messages) -> TextTable {
    let header: Vec<String> = ids.iter().map(|id| m.t(id)).collect();
    let refs: Vec<&str> = header.iter().map(String::as_str).collect();
    TextTable::new(&refs)
}

fn resolve_table(n: &NuclearAssessment, m: &Messages) -> TextTable {
    let mut ids = vec![
        "col-patron",
        "col-warheads-reaching",
        "col-after-defence",
        "col-value-warheads",
        "col-damage-ratio",
        "col-stake",
        "col-resolve",
    ];
    ids.extend(Mover::ALL.iter().map(|mover| mover_header(*mover)));
    let mut t = headed(&ids, m);
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

fn curve_table(n: &NuclearAssessment, m: &Messages) -> TextTable {
    let mut t = headed(&["col-year", "col-with-scenario-us", "col-without-the-us", "col-elections"], m);
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

fn package_table(n: &NuclearAssessment, packages: &[Package], m: &Messages) -> TextTable {
    let mut t = headed(
        &[
            "col-options-ids",
            "col-eur-bn-a-year",
            "col-years",
            "col-escalation-risk",
            "col-npt",
            "col-credibility",
            "col-change",
            "col-of-us-today",
        ],
        m,
    );
    let today = n.outcome.us_as_today.credibility;
    for p in packages {
        t.row(vec![
            package_ids(p, m),
            format_number(p.annual_cost_eur_bn, 2),
            format_number(p.years_to_implement, 0),
            format_number(p.escalation_risk, 2),
            m.t(if p.npt_compliant { "yes" } else { "npt-outside" }),
            format_number(p.credibility, 3),
            format!("{:+.3}", p.credibility_change),
            share(p.credibility, today, m),
        ]);
    }
    t
}

/// Yearly budgets (EUR bn) at which the frontier is read.
const FRONTIER_BUDGETS_EUR_BN: [f64; 11] = [0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0];

/// The frontier read at [`FRONTIER_BUDGETS_EUR_BN`]: the most credible package within each
/// budget, each package once (the JSON has every point of the frontier).
fn frontier_table(n: &NuclearAssessment, frontier: &[Package], m: &Messages) -> TextTable {
    let mut t = headed(
        &[
            "col-budget-eur-bn-a-year",
            "col-options",
            "col-eur-bn-a-year",
            "col-credibility",
            "col-of-us-today",
        ],
        m,
    );
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
            m.f("up-to", &[("n", format_number(budget, 2).into())]),
            package_ids(best, m),
            format_number(best.annual_cost_eur_bn, 2),
            format_number(best.credibility, 3),
            share(best.credibility, today, m),
        ]);
    }
    t
}

fn option_table(n: &NuclearAssessment, m: &Messages) -> TextTable {
    let mut t = headed(
        &[
            "col-rank",
            "col-option",
            "col-id",
            "col-eur-bn-a-year",
            "col-years",
            "col-npt",
            "col-escalation-risk",
            "col-change",
            "col-score",
        ],
        m,
    );
    for r in &n.outcome.options {
        t.row(vec![
            r.rank.to_string(),
            option_name(&r.option.id, &r.option.name, m),
            r.option.id.clone(),
            format_number(r.option.annual_cost_eur_bn, 2),
            format_number(r.option.years_to_implement, 0),
            m.t(if r.option.npt_compliant { "yes" } else { "npt-outside" }),
            format_number(r.option.escalation_risk, 2),
            format!("{:+.3}", r.credibility_change),
            format!("{:+.3}", r.score),
        ]);
    }
    t
}

/// A nuclear option's name in the report's language (the model's name when the catalogue lacks it).
pub(crate) fn option_name(id: &str, name: &str, m: &Messages) -> String {
    m.lookup("nuclear-option", id, name)
}

/// The options of a package by name, `nothing` for the empty one.
pub(crate) fn package_names(n: &NuclearAssessment, package: &Package, m: &Messages) -> String {
    if package.option_ids.is_empty() {
        return m.t("nothing");
    }
    let name = |id: &String| {
        n.outcome
            .options
            .iter()
            .find(|r| r.option.id == *id)
            .map_or(id.clone(), |r| option_name(&r.option.id, &r.option.name, m))
    };
    package.option_ids.iter().map(name).collect::<Vec<_>>().join(" + ")
}

/// The options of a package by id, `nothing` for the empty one.
fn package_ids(package: &Package, m: &Messages) -> String {
    if package.option_ids.is_empty() {
        m.t("nothing")
    } else {
        package.option_ids.join(" + ")
    }
}

fn mover_header(mover: Mover) -> &'static str {
    match mover {
        Mover::ForcesStationed => "col-mover-forces",
        Mover::MissileDefence => "col-mover-defence",
        Mover::AdversaryHalved => "col-mover-halved",
        Mover::AdversaryDoubled => "col-mover-doubled",
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

fn share(value: f64, of: f64, m: &Messages) -> String {
    if of > 0.0 {
        m.pct((100.0 * value / of).round(), 0)
    } else {
        "–".to_string()
    }
}

fn percent_change(value: f64, from: f64, m: &Messages) -> String {
    if from > 0.0 {
        let change = format!("{:+.0}", 100.0 * (value / from - 1.0));
        match m.lang() {
            Lang::En => format!("{change} %"),
            Lang::Ja => format!("{change}%"),
        }
    } else {
        m.t("no-change")
    }
}
