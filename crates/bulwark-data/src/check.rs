//! Checks between rows and tables: what a cell-by-cell parse cannot see.
//!
//! Errors make the dataset unusable (an unknown source, a duplicate row, spending that does not
//! match GDP × share); warnings are gaps in coverage that the report should mention.

use std::collections::{BTreeMap, BTreeSet};

use bulwark_core::{suggest::did_you_mean, Bound, InputError, Iso3};

use crate::{vocabulary, Dataset, Origin};

mod bound_labels;

/// Tolerance on `defence_spending ≈ gdp × defence_share_gdp`, as a fraction of spending.
/// NATO rounds shares to two decimals, so small economies with low shares can differ by a few
/// percent from the product of the rounded figures; 5 % still catches a wrong unit or digit.
pub const SPENDING_TOLERANCE: f64 = 0.05;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The dataset must not be used as it is.
    Error,
    /// A gap or oddity worth knowing; the dataset is usable.
    Warning,
}

/// One result of [`check`].
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What and where.
    pub problem: InputError,
}

/// Runs every check; findings come in a stable order (errors first, then by file and line).
pub fn check(dataset: &Dataset) -> Vec<Finding> {
    let mut findings = Findings::default();
    check_sources(dataset, &mut findings);
    check_references(dataset, &mut findings);
    check_memberships(dataset, &mut findings);
    check_duplicates(dataset, &mut findings);
    check_spending(dataset, &mut findings);
    check_nuclear_sums(dataset, &mut findings);
    check_stock_sums(dataset, &mut findings);
    check_losses_cumulative(dataset, &mut findings);
    check_producers(dataset, &mut findings);
    check_coverage(dataset, &mut findings);
    bound_labels::check_bound_labels(dataset, &mut findings);
    let mut all = findings.0;
    all.sort_by(|a, b| {
        (a.severity, &a.problem.file, a.problem.line).cmp(&(b.severity, &b.problem.file, b.problem.line))
    });
    all
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, problem: InputError) {
        self.0.push(Finding { severity: Severity::Error, problem });
    }
    fn warning(&mut self, problem: InputError) {
        self.0.push(Finding { severity: Severity::Warning, problem });
    }
}

fn check_sources(dataset: &Dataset, findings: &mut Findings) {
    for source in &dataset.sources {
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            findings.error(
                source
                    .origin
                    .error("url", format!("`{}` is not a web address", source.url))
                    .with_expected("a URL starting with https://"),
            );
        }
        if crate::tables::iso_date_year(&source.accessed).is_none() {
            findings.error(
                source
                    .origin
                    .error("accessed", format!("`{}` is not a date", source.accessed))
                    .with_expected("an ISO date YYYY-MM-DD"),
            );
        }
    }
    let ids = dataset.sources.iter().map(|s| (s.id.clone(), &s.origin));
    duplicates(ids, "source id", "id", findings);
}

/// Every `source` cell names a row of `sources.csv`.
fn check_references(dataset: &Dataset, findings: &mut Findings) {
    let cited = dataset
        .groups
        .iter()
        .map(|g| (&g.source, &g.origin))
        .chain(dataset.countries.iter().map(|c| (&c.source, &c.origin)))
        .chain(dataset.country_figures.iter().map(|f| (&f.provenance.source, &f.provenance.origin)))
        .chain(dataset.inventory.iter().map(|f| (&f.provenance.source, &f.provenance.origin)))
        .chain(dataset.nuclear.iter().map(|f| (&f.provenance.source, &f.provenance.origin)))
        .chain(dataset.costs.iter().map(|f| (&f.provenance.source, &f.provenance.origin)))
        .chain(dataset.rates.iter().map(|f| (&f.provenance.source, &f.provenance.origin)))
        .chain(dataset.production.iter().map(|f| (&f.provenance.source, &f.provenance.origin)))
        .chain(dataset.losses.iter().map(|f| (&f.provenance.source, &f.provenance.origin)));
    for (source, origin) in cited {
        if dataset.source(source).is_none() {
            findings.error(
                origin
                    .error("source", format!("unknown source id `{source}`"))
                    .with_expected("an id of sources.csv")
                    .with_suggestion(did_you_mean(source, dataset.sources.iter().map(|s| s.id.as_str()))),
            );
        }
    }
    check_codes(dataset, findings);
    let known = |iso3| dataset.country(iso3).is_some();
    for figure in &dataset.country_figures {
        if !known(figure.iso3) {
            findings.error(
                figure
                    .provenance
                    .origin
                    .error("iso3", format!("country `{}` is not in countries.csv", figure.iso3)),
            );
        }
    }
    let loss_countries = dataset.losses.iter().map(|l| (l.iso3, &l.provenance.origin));
    let countries = dataset.inventory.iter().map(|i| (i.iso3, &i.provenance.origin)).chain(loss_countries);
    for (iso3, origin) in countries {
        if !known(iso3) {
            findings.error(origin.error("iso3", format!("country `{iso3}` is not in countries.csv")));
        }
    }
    for item in &dataset.inventory {
        if item.scope == "stored" {
            let counted_in = dataset.line(&item.line).map_or("", |line| line.counted_in.as_str());
            if crate::vocabulary::NOT_STORABLE_UNITS.contains(&counted_in) {
                findings.error(
                    item.provenance
                        .origin
                        .error(
                            "scope",
                            format!("`{}` counts {counted_in}, which cannot be stored", item.line),
                        )
                        .with_expected("`total`"),
                );
            }
        }
        if item.scope == "europe" && item.iso3.as_str() != "USA" {
            findings.error(
                item.provenance
                    .origin
                    .error("scope", "scope `europe` is only for US forces in or committed to Europe")
                    .with_expected("`total`"),
            );
        }
    }
}

/// Nuclear states and producers are countries of `countries.csv` or one of
/// [`vocabulary::OTHER_STATES`]; rates convert a currency of [`vocabulary::CURRENCIES`].
fn check_codes(dataset: &Dataset, findings: &mut Findings) {
    let known_state = |code: &str| {
        vocabulary::OTHER_STATES.contains(&code) || dataset.countries.iter().any(|c| c.iso3.as_str() == code)
    };
    let names =
        || dataset.countries.iter().map(|c| c.iso3.as_str()).chain(vocabulary::OTHER_STATES.iter().copied());
    // Producers are checked by `check_producers`, which also knows the blocs that produce.
    let states = dataset.nuclear.iter().map(|n| (n.state, &n.provenance.origin, "state"));
    for (code, origin, column) in states {
        if !known_state(code.as_str()) {
            findings.error(
                origin
                    .error(column, format!("unknown state `{code}`"))
                    .with_expected("a country of countries.csv or one of the other states the dataset counts")
                    .with_suggestion(did_you_mean(code.as_str(), names())),
            );
        }
    }
    for rate in &dataset.rates {
        if !vocabulary::CURRENCIES.contains(&rate.currency.as_str()) {
            findings.error(
                rate.provenance
                    .origin
                    .error("currency", format!("unknown currency `{}`", rate.currency))
                    .with_expected(format!("one of {}", vocabulary::CURRENCIES.join(", ")))
                    .with_suggestion(did_you_mean(&rate.currency, vocabulary::CURRENCIES.iter().copied())),
            );
        }
    }
}

/// Memberships name known groups, and each group has as many members as its source says.
fn check_memberships(dataset: &Dataset, findings: &mut Findings) {
    let group_ids = || dataset.groups.iter().map(|g| g.id.as_str());
    for country in &dataset.countries {
        for membership in &country.memberships {
            if dataset.group(membership).is_none() {
                findings.error(
                    country
                        .origin
                        .error("memberships", format!("unknown group `{membership}`"))
                        .with_expected("ids of groups.csv separated by `;`")
                        .with_suggestion(did_you_mean(membership, group_ids())),
                );
            }
        }
    }
    for group in &dataset.groups {
        let count = dataset.members(&group.id).len();
        if count != group.expected_members as usize {
            findings.error(group.origin.error(
                "expected_members",
                format!(
                    "countries.csv lists {count} members of `{}` but its source says {}",
                    group.id, group.expected_members
                ),
            ));
        }
    }
    duplicates(dataset.groups.iter().map(|g| (g.id.clone(), &g.origin)), "group", "id", findings);
    duplicates(
        dataset.countries.iter().map(|c| (c.iso3.to_string(), &c.origin)),
        "country",
        "iso3",
        findings,
    );
    duplicates(dataset.lines.iter().map(|l| (l.id.clone(), &l.origin)), "capability line", "line", findings);
}

fn check_duplicates(dataset: &Dataset, findings: &mut Findings) {
    let figures = dataset
        .country_figures
        .iter()
        .map(|f| (format!("{} {} {}", f.iso3, f.figure, f.provenance.year), &f.provenance.origin));
    duplicates(figures, "figure", "figure", findings);
    let holdings = dataset
        .inventory
        .iter()
        .map(|i| (format!("{} {} {}", i.iso3, i.scope, i.line), &i.provenance.origin));
    duplicates(holdings, "holding", "line", findings);
    let nuclear = dataset
        .nuclear
        .iter()
        .map(|n| (format!("{} {} {} {}", n.state, n.leg, n.figure, n.provenance.year), &n.provenance.origin));
    duplicates(nuclear, "nuclear figure", "figure", findings);
    // Several contracts may price the same system; the same source giving the same figure
    // twice for one system is the duplicate.
    let costs = dataset.costs.iter().map(|c| {
        (format!("{} {} {} {}", c.line, c.system, c.figure, c.provenance.source), &c.provenance.origin)
    });
    duplicates(costs, "cost figure", "figure", findings);
    let rates = dataset
        .rates
        .iter()
        .map(|r| (format!("{} {} {}", r.kind, r.currency, r.provenance.year), &r.provenance.origin));
    duplicates(rates, "rate", "kind", findings);
    let production = dataset.production.iter().map(|p| {
        let key = format!(
            "{} {} {} {} {}",
            p.iso3,
            p.item,
            p.unit.as_str(),
            p.provenance.year,
            p.provenance.source
        );
        (key, &p.provenance.origin)
    });
    duplicates(production, "production figure", "item", findings);
    let losses = dataset.losses.iter().map(|l| {
        let key = format!("{} {} {} {} {}", l.iso3, l.category, l.basis, l.as_of, l.provenance.source);
        (key, &l.provenance.origin)
    });
    duplicates(losses, "loss figure", "category", findings);
}

fn duplicates<'a>(
    keys: impl Iterator<Item = (String, &'a Origin)>,
    what: &str,
    column: &str,
    findings: &mut Findings,
) {
    let mut first_seen: BTreeMap<String, &Origin> = BTreeMap::new();
    for (key, origin) in keys {
        if let Some(first) = first_seen.get(&key) {
            findings.error(
                origin.error(column, format!("duplicate {what} `{key}` (first at line {})", first.line())),
            );
        } else {
            first_seen.insert(key, origin);
        }
    }
}

/// `defence_spending ≈ gdp × defence_share_gdp` for every country that has all three.
fn check_spending(dataset: &Dataset, findings: &mut Findings) {
    for spending in dataset.country_figures.iter().filter(|f| f.figure == "defence_spending") {
        let same_year = |name: &str| {
            dataset.country_figures.iter().find(|f| {
                f.iso3 == spending.iso3 && f.figure == name && f.provenance.year == spending.provenance.year
            })
        };
        let (Some(gdp), Some(share)) = (same_year("gdp"), same_year("defence_share_gdp")) else { continue };
        // Both in millions of the same currency: GDP is in billions, spending in millions.
        let gdp_m = match (gdp.unit.as_str(), spending.unit.as_str()) {
            ("usd_bn", "usd_m") | ("eur_bn", "eur_m") => gdp.value * 1000.0,
            _ => continue,
        };
        let implied = gdp_m * share.value / 100.0;
        let relative_gap = (spending.value - implied).abs() / spending.value;
        if relative_gap > SPENDING_TOLERANCE {
            findings.error(
                spending
                    .provenance
                    .origin
                    .error(
                        "value",
                        format!(
                            "{} defence spending {:.0} differs by {:.1} % from GDP × share = {:.0}",
                            spending.iso3,
                            spending.value,
                            relative_gap * 100.0,
                            implied
                        ),
                    )
                    .with_expected(format!("agreement within {:.0} %", SPENDING_TOLERANCE * 100.0)),
            );
        }
    }
}

/// SIPRI's identities, where a state's `all` leg gives the figures: stockpile = deployed +
/// stored, and total inventory = stockpile + retired.
fn check_nuclear_sums(dataset: &Dataset, findings: &mut Findings) {
    let states: BTreeSet<_> = dataset.nuclear.iter().map(|n| n.state).collect();
    for state in states {
        let figure = |name: &str| {
            dataset.nuclear.iter().find(|n| n.state == state && n.leg == "all" && n.figure == name)
        };
        if let (Some(deployed), Some(stored), Some(stockpile)) =
            (figure("deployed_warheads"), figure("stored_warheads"), figure("stockpile_warheads"))
        {
            let sum = deployed.value + stored.value;
            if (sum - stockpile.value).abs() > 0.5 {
                findings.error(stockpile.provenance.origin.error(
                    "value",
                    format!(
                        "{state}: deployed {} + stored {} = {sum}, not the stockpile {}",
                        deployed.value, stored.value, stockpile.value
                    ),
                ));
            }
        }
    }
}

/// `total + stored = owned` for every country and line that has all three holdings: the
/// active fleet the line counts and the stored stock must add up to what the country owns.
fn check_stock_sums(dataset: &Dataset, findings: &mut Findings) {
    for owned in dataset.inventory.iter().filter(|i| i.scope == "owned") {
        let (Some(active), Some(stored)) = (
            dataset.holding(owned.iso3, "total", &owned.line),
            dataset.holding(owned.iso3, "stored", &owned.line),
        ) else {
            continue;
        };
        let sum = active.quantity + stored.quantity;
        // Pooled fleets give fractions of aircraft; half a unit still catches a wrong figure.
        if (sum - owned.quantity).abs() > 0.5 {
            findings.error(
                owned
                    .provenance
                    .origin
                    .error(
                        "quantity",
                        format!(
                            "{} {}: total {} + stored {} = {sum}, not the owned {}",
                            owned.iso3, owned.line, active.quantity, stored.quantity, owned.quantity
                        ),
                    )
                    .with_expected("owned = total (active) + stored"),
            );
        }
    }
}

/// Allies outside Europe: they count neither as European nor (the USA's `europe` scope aside)
/// as the US side of a line.
pub const NON_EUROPEAN_ALLIES: &[&str] = &["USA", "CAN"];

/// What the dataset holds on one capability line for the three sides an assessment compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineCoverage {
    /// The capability line id.
    pub line: String,
    /// European countries (NATO or EU members other than [`NON_EUROPEAN_ALLIES`]) with a
    /// `total` figure on the line.
    pub european_countries: usize,
    /// Whether the USA has a figure for Europe (scope `europe`).
    pub us_for_europe: bool,
    /// Whether Russia has a `total` figure.
    pub russia: bool,
    /// The bound of the sum of the European figures (exact when there are none).
    pub european_bound: Bound,
    /// The bound of the US figure for Europe.
    pub us_bound: Bound,
    /// The bound of Russia's figure.
    pub russia_bound: Bound,
}

impl LineCoverage {
    /// European, US-for-Europe and Russian figures all present.
    pub fn is_complete(&self) -> bool {
        self.european_countries > 0 && self.us_for_europe && self.russia
    }

    /// Whether any of the line's figures is a lower bound (the European sum, the US or Russia).
    pub fn has_lower_bound(&self) -> bool {
        [self.european_bound, self.us_bound, self.russia_bound].contains(&Bound::Lower)
    }
}

/// Per-line coverage, in the order of `capability_lines.csv`. `active_personnel` is read from
/// the country figures (`active_personnel`, and `active_personnel_europe` for the USA), every
/// other line from the inventory.
pub fn coverage(dataset: &Dataset) -> Vec<LineCoverage> {
    let european: Vec<_> = dataset
        .countries
        .iter()
        .filter(|c| c.memberships.iter().any(|m| m == "NATO" || m == "EU"))
        .filter(|c| !NON_EUROPEAN_ALLIES.contains(&c.iso3.as_str()))
        .map(|c| c.iso3)
        .collect();
    let (usa, russia) = (Iso3::parse("USA"), Iso3::parse("RUS"));
    dataset
        .lines
        .iter()
        .map(|line| {
            // The figure's bound, if there is a figure; country figures (personnel) have no
            // bound column and count as exact.
            let figure = |iso3: Option<Iso3>, scope: &str| -> Option<Bound> {
                let iso3 = iso3?;
                if line.id == "active_personnel" {
                    let figure =
                        if scope == "europe" { "active_personnel_europe" } else { "active_personnel" };
                    dataset.country_figure(iso3, figure).map(|_| Bound::Exact)
                } else {
                    dataset.holding(iso3, scope, &line.id).map(|item| item.bound)
                }
            };
            let european_figures: Vec<Bound> =
                european.iter().filter_map(|iso3| figure(Some(*iso3), "total")).collect();
            LineCoverage {
                line: line.id.clone(),
                european_countries: european_figures.len(),
                us_for_europe: figure(usa, "europe").is_some(),
                russia: figure(russia, "total").is_some(),
                european_bound: Bound::of_sum(european_figures),
                us_bound: figure(usa, "europe").unwrap_or_default(),
                russia_bound: figure(russia, "total").unwrap_or_default(),
            }
        })
        .collect()
}

/// Loss counts are cumulative: one source's later count of a category cannot be smaller than
/// its earlier one. A warning, not an error, because loss lists do occasionally strike entries
/// found to be duplicates.
fn check_losses_cumulative(dataset: &Dataset, findings: &mut Findings) {
    let mut series: BTreeMap<String, Vec<&crate::LossFigure>> = BTreeMap::new();
    for loss in &dataset.losses {
        let key = format!("{} {} {} {}", loss.iso3, loss.category, loss.basis, loss.provenance.source);
        series.entry(key).or_default().push(loss);
    }
    for counts in series.values_mut() {
        // ISO dates sort as text.
        counts.sort_by(|a, b| a.as_of.cmp(&b.as_of));
        for pair in counts.windows(2) {
            if pair[1].quantity < pair[0].quantity {
                findings.warning(pair[1].provenance.origin.error(
                    "quantity",
                    format!(
                        "{} {} falls from {} ({}) to {} ({}) in the same source",
                        pair[1].iso3,
                        pair[1].category,
                        pair[0].quantity,
                        pair[0].as_of,
                        pair[1].quantity,
                        pair[1].as_of
                    ),
                ));
            }
        }
    }
}

/// Every producer in `production.csv` is a country of the dataset or a bloc of
/// [`crate::vocabulary::PRODUCTION_AGGREGATES`]; a procurement pace belongs to a country, since
/// a bloc does not hold an inventory the pace could be compared with.
fn check_producers(dataset: &Dataset, findings: &mut Findings) {
    let aggregates = crate::vocabulary::PRODUCTION_AGGREGATES;
    for figure in &dataset.production {
        let code = figure.iso3.as_str();
        let is_country = dataset.country(figure.iso3).is_some();
        let is_aggregate =
            aggregates.iter().any(|(id, _)| *id == code) || crate::vocabulary::OTHER_STATES.contains(&code);
        let origin = &figure.provenance.origin;
        if figure.is_procurement() && !is_country {
            findings.error(
                origin
                    .error("iso3", format!("`{code}` is not a country of the dataset"))
                    .with_expected(
                        "a country of countries.csv: a procurement pace belongs to the receiving country",
                    )
                    .with_suggestion(did_you_mean(code, dataset.countries.iter().map(|c| c.iso3.as_str()))),
            );
        } else if !is_country && !is_aggregate {
            let candidates =
                dataset.countries.iter().map(|c| c.iso3.as_str()).chain(aggregates.iter().map(|(id, _)| *id));
            findings.error(
                origin
                    .error("iso3", format!("`{code}` is neither a country of the dataset nor a known bloc"))
                    .with_expected(format!(
                        "a country of countries.csv or one of {}",
                        aggregates
                            .iter()
                            .map(|(id, name)| format!("{id} ({name})"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .with_suggestion(did_you_mean(code, candidates)),
            );
        }
    }
}

/// Warnings for NATO and EU members without the figures every budget model needs.
fn check_coverage(dataset: &Dataset, findings: &mut Findings) {
    for country in &dataset.countries {
        let in_nato_or_eu = country.memberships.iter().any(|m| m == "NATO" || m == "EU");
        if !in_nato_or_eu {
            continue;
        }
        for figure in ["population", "gdp", "defence_spending", "defence_share_gdp"] {
            if dataset.country_figure(country.iso3, figure).is_none() {
                findings.warning(
                    country.origin.error("iso3", format!("{} has no `{figure}` figure", country.iso3)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InventoryItem;

    /// A copy of an embedded holding moved to `iso3`/`scope`/`line` with `quantity`.
    fn holding(
        template: &InventoryItem,
        iso3: &str,
        scope: &'static str,
        line: &str,
        quantity: f64,
    ) -> InventoryItem {
        InventoryItem {
            iso3: Iso3::parse(iso3).unwrap(),
            scope,
            line: line.into(),
            quantity,
            ..template.clone()
        }
    }

    fn errors(dataset: &Dataset) -> Vec<String> {
        check(dataset)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.problem.to_string())
            .collect()
    }

    #[test]
    fn stored_plus_active_must_equal_owned() {
        let mut dataset = Dataset::embedded().unwrap();
        let template = dataset.inventory[0].clone();
        // A line no embedded row splits, so only the three rows below take part.
        dataset.inventory.retain(|i| !(i.iso3.as_str() == "EST" && i.line == "ssn"));
        dataset.inventory.push(holding(&template, "EST", "total", "ssn", 10.0));
        dataset.inventory.push(holding(&template, "EST", "stored", "ssn", 5.0));
        dataset.inventory.push(holding(&template, "EST", "owned", "ssn", 15.0));
        assert!(errors(&dataset).is_empty(), "{:?}", errors(&dataset));
        dataset.inventory.last_mut().unwrap().quantity = 16.0;
        let found = errors(&dataset);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("EST ssn: total 10 + stored 5 = 15, not the owned 16"), "{}", found[0]);
        // Without the stored figure there is nothing to check.
        dataset.inventory.retain(|i| i.scope != "stored" || i.iso3.as_str() != "EST");
        assert!(errors(&dataset).is_empty());
    }

    #[test]
    fn coverage_counts_european_us_and_russian_figures_per_line() {
        let mut dataset = Dataset::embedded().unwrap();
        let template = dataset.inventory[0].clone();
        let line = "deployable_corps_hq";
        dataset.inventory.retain(|i| i.line != line);
        let of = |dataset: &Dataset| coverage(dataset).into_iter().find(|c| c.line == line).unwrap();
        assert_eq!(
            of(&dataset),
            LineCoverage {
                line: line.into(),
                european_countries: 0,
                us_for_europe: false,
                russia: false,
                european_bound: Bound::Exact,
                us_bound: Bound::Exact,
                russia_bound: Bound::Exact,
            }
        );
        // Canada and the USA's own total are not European; the US counts only with scope europe.
        dataset.inventory.push(holding(&template, "CAN", "total", line, 1.0));
        dataset.inventory.push(holding(&template, "USA", "total", line, 3.0));
        dataset.inventory.push(holding(&template, "DEU", "total", line, 1.0));
        dataset.inventory.push(holding(&template, "FRA", "stored", line, 1.0));
        assert_eq!(of(&dataset).european_countries, 1);
        assert!(!of(&dataset).us_for_europe && !of(&dataset).is_complete());
        dataset.inventory.push(holding(&template, "USA", "europe", line, 1.0));
        dataset.inventory.push(holding(&template, "RUS", "total", line, 0.0));
        assert!(of(&dataset).is_complete());
        assert!(!of(&dataset).has_lower_bound());
        // One European lower bound makes the European sum one; Russia's bound is its own.
        dataset
            .inventory
            .push(InventoryItem { bound: Bound::Lower, ..holding(&template, "FRA", "total", line, 2.0) });
        assert_eq!((of(&dataset).european_bound, of(&dataset).russia_bound), (Bound::Lower, Bound::Exact));
        assert!(of(&dataset).has_lower_bound());
        assert_eq!(coverage(&dataset).len(), dataset.lines.len());
    }

    #[test]
    fn personnel_coverage_reads_the_country_figures() {
        let dataset = Dataset::embedded().unwrap();
        let personnel = coverage(&dataset).into_iter().find(|c| c.line == "active_personnel").unwrap();
        let expected = dataset
            .country_figures
            .iter()
            .filter(|f| f.figure == "active_personnel")
            .filter(|f| {
                dataset
                    .country(f.iso3)
                    .is_some_and(|c| c.memberships.iter().any(|m| m == "NATO" || m == "EU"))
            })
            .filter(|f| !NON_EUROPEAN_ALLIES.contains(&f.iso3.as_str()))
            .map(|f| f.iso3)
            .collect::<BTreeSet<_>>()
            .len();
        assert!(expected > 0);
        assert_eq!(personnel.european_countries, expected);
        assert!(personnel.us_for_europe && personnel.russia);
    }
}

#[cfg(test)]
mod loss_and_stock_tests {
    use std::sync::Arc;

    use bulwark_core::Iso3;

    use super::*;

    /// The embedded dataset with one table's rows replaced by `rows` (header kept).
    fn with_rows(file: &str, rows: &str) -> Result<Dataset, InputError> {
        let texts = crate::export::to_csv(&Dataset::embedded().unwrap())
            .into_iter()
            .map(|(name, text)| {
                let text = if name == file {
                    let header = text.lines().next().unwrap_or_default();
                    format!("{header}\n{rows}")
                } else {
                    text
                };
                (name.to_string(), Arc::from(text))
            })
            .collect();
        Dataset::from_texts("test", texts)
    }

    fn problems(dataset: &Dataset, severity: Severity) -> Vec<String> {
        check(dataset).into_iter().filter(|f| f.severity == severity).map(|f| f.problem.message).collect()
    }

    const SOURCE: &str = "csis-can-europe-defend-itself-2025";

    #[test]
    fn stored_stocks_are_admitted_for_equipment_and_refused_for_brigades() {
        let tanks = format!("RUS,stored,main_battle_tanks,4000,2024,{SOURCE},\n");
        let dataset = with_rows("inventory.csv", &tanks).unwrap();
        assert!(problems(&dataset, Severity::Error).is_empty());
        let stored = dataset.holding(Iso3::parse("RUS").unwrap(), "stored", "main_battle_tanks").unwrap();
        assert!((stored.quantity - 4000.0).abs() < 1e-9, "{}", stored.quantity);
        let brigades = format!("RUS,stored,manoeuvre_brigades,4,2024,{SOURCE},\n");
        let errors = problems(&with_rows("inventory.csv", &brigades).unwrap(), Severity::Error);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("cannot be stored"), "{errors:?}");
    }

    #[test]
    fn a_loss_count_that_falls_in_one_source_is_a_warning_and_a_repeated_one_an_error() {
        let rows = format!(
            "RUS,main_battle_tanks,visually_confirmed,3000,2024-06-01,{SOURCE},\n\
             RUS,main_battle_tanks,visually_confirmed,2900,2025-01-01,{SOURCE},\n\
             RUS,main_battle_tanks,claimed,9000,2025-01-01,{SOURCE},\n"
        );
        let dataset = with_rows("losses.csv", &rows).unwrap();
        assert!(problems(&dataset, Severity::Error).is_empty());
        let warnings = problems(&dataset, Severity::Warning);
        assert_eq!(warnings.iter().filter(|w| w.contains("falls from 3000 (2024-06-01) to 2900")).count(), 1);
        let repeated = format!("{rows}RUS,main_battle_tanks,claimed,9000,2025-01-01,{SOURCE},\n");
        let errors = problems(&with_rows("losses.csv", &repeated).unwrap(), Severity::Error);
        assert!(errors.iter().any(|e| e.contains("duplicate loss figure")), "{errors:?}");
    }

    #[test]
    fn a_loss_row_citing_an_unknown_source_or_country_is_an_error() {
        let rows = "RUS,helicopters,visually_confirmed,300,2025-01-01,no-such-source,\nXXX,aircraft,claimed,1,2025-01-01,csis-can-europe-defend-itself-2025,\n";
        let errors = problems(&with_rows("losses.csv", rows).unwrap(), Severity::Error);
        assert!(errors.iter().any(|e| e.contains("unknown source id `no-such-source`")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("`XXX` is not in countries.csv")), "{errors:?}");
    }

    #[test]
    fn loss_cells_are_parsed_with_located_errors() {
        let error = |row: &str| with_rows("losses.csv", row).unwrap_err();
        let category = error("RUS,main_battle_tank,claimed,1,2025-01-01,x,\n");
        assert_eq!(category.field.as_deref(), Some("category"));
        assert_eq!(category.suggestion.as_deref(), Some("main_battle_tanks"));
        assert_eq!(error("RUS,aircraft,claimed,1,2025-13-01,x,\n").field.as_deref(), Some("as_of"));
        assert_eq!(error("RUS,aircraft,claimed,1.5,2025-01-01,x,\n").field.as_deref(), Some("quantity"));
        assert_eq!(error("RUS,aircraft,confirmed,1,2025-01-01,x,\n").field.as_deref(), Some("basis"));
        assert!(with_rows("losses.csv", "RUS,aircraft,claimed,1,2025-01-01,x,\n").is_ok());
    }
}
