//! Views of the dataset: `bulwark data show` tables (each figure with its source) and the
//! JSON export with schema `bulwark.dataset/1`.

use std::collections::BTreeSet;

use bulwark_core::{suggest::did_you_mean, InputError, Iso3};
use bulwark_data::{Dataset, Provenance};
use serde::Serialize;

use crate::text_table::{format_number, TextTable};

/// Version tag of the dataset JSON schema; bump it when a field changes meaning or goes away.
pub const DATASET_SCHEMA: &str = "bulwark.dataset/1";

/// Subjects `data show` accepts besides country codes and capability lines.
pub const SHOW_SUBJECTS: &[&str] =
    &["countries", "lines", "nuclear", "costs", "rates", "production", "losses", "sources"];

/// The table for `bulwark data show SUBJECT`: a country code, a capability line, or one of
/// [`SHOW_SUBJECTS`].
pub fn show(dataset: &Dataset, subject: &str) -> Result<String, InputError> {
    if let Some(country) = dataset.find_country(subject).and_then(|iso3| dataset.country(iso3)) {
        return Ok(show_country(dataset, country.iso3));
    }
    if dataset.line(subject).is_some() {
        return Ok(show_line(dataset, subject));
    }
    match subject {
        "countries" => Ok(show_countries(dataset)),
        "lines" => Ok(show_lines(dataset)),
        "nuclear" => Ok(show_nuclear(dataset)),
        "costs" => Ok(show_costs(dataset)),
        "rates" => Ok(show_rates(dataset)),
        "production" => Ok(show_production(dataset, "")),
        "losses" => Ok(show_losses(dataset)),
        "sources" => Ok(show_sources(dataset, dataset.sources.iter().map(|s| s.id.as_str()).collect())),
        _ => {
            let candidates: Vec<String> = SHOW_SUBJECTS
                .iter()
                .map(|s| s.to_string())
                .chain(dataset.countries.iter().map(|c| c.iso3.to_string()))
                .chain(dataset.lines.iter().map(|l| l.id.clone()))
                .collect();
            Err(InputError::whole_file("command line", format!("nothing to show for `{subject}`"))
                .with_field("SUBJECT")
                .with_expected(format!(
                    "a country code (DEU), a capability line (tanker_aircraft) or one of {}",
                    SHOW_SUBJECTS.join(", ")
                ))
                .with_suggestion(did_you_mean(subject, candidates.iter().map(String::as_str))))
        }
    }
}

fn show_country(dataset: &Dataset, iso3: Iso3) -> String {
    let mut cited = BTreeSet::new();
    let mut out = String::new();
    if let Some(country) = dataset.country(iso3) {
        let memberships =
            if country.memberships.is_empty() { "none".to_string() } else { country.memberships.join(", ") };
        out.push_str(&format!("{} ({}) — memberships: {}\n\n", country.name, iso3, memberships));
    }
    let mut figures = TextTable::new(&["figure", "value", "unit", "year", "source", "note"]);
    for figure in dataset.country_figures.iter().filter(|f| f.iso3 == iso3) {
        cited.insert(figure.provenance.source.as_str());
        figures.row(figure_cells(figure.figure, figure.value, figure.unit.as_str(), &figure.provenance));
    }
    section(&mut out, "Figures", &figures, "no figures in the dataset");
    out.push_str(&in_euros(dataset, iso3, &mut cited));
    let mut holdings = TextTable::new(&["line", "scope", "quantity", "year", "source", "note"]);
    for line in &dataset.lines {
        for item in dataset.inventory.iter().filter(|i| i.iso3 == iso3 && i.line == line.id) {
            cited.insert(item.provenance.source.as_str());
            let mut cells =
                bounded(figure_cells(&line.id, item.quantity, item.scope, &item.provenance), item.bound);
            cells.swap(1, 2);
            holdings.row(cells);
        }
    }
    section(&mut out, "Inventory", &holdings, "no inventory figures in the dataset");
    let missing: Vec<&str> = dataset
        .lines
        .iter()
        .filter(|l| l.id != "active_personnel" && dataset.holding(iso3, "total", &l.id).is_none())
        .map(|l| l.id.as_str())
        .collect();
    if !missing.is_empty() && !holdings.is_empty() {
        out.push_str(&format!("No sourced figure for: {}\n\n", missing.join(", ")));
    }
    out.push_str(&show_sources(dataset, cited));
    out
}

/// GDP and defence spending converted to euros at the ECB average rate of their year (from
/// `rates.csv`, cited), so that every country's money can be read in one currency.
fn in_euros<'a>(dataset: &'a Dataset, iso3: Iso3, cited: &mut BTreeSet<&'a str>) -> String {
    let mut lines = String::new();
    for (figure, label, scale) in [("gdp", "GDP", "bn"), ("defence_spending", "defence spending", "m")] {
        let Some(f) = dataset.country_figure(iso3, figure) else { continue };
        let currency = match f.unit.as_str() {
            "usd_bn" | "usd_m" => "USD",
            _ => continue,
        };
        let Some(rate) = dataset
            .rates
            .iter()
            .find(|r| r.kind == "fx" && r.currency == currency && r.provenance.year == f.provenance.year)
        else {
            continue;
        };
        cited.insert(rate.provenance.source.as_str());
        lines.push_str(&format!(
            "  {label} {}: EUR {} {scale} at {} EUR per {currency} ({}, [{}])\n",
            f.provenance.year,
            format_number(f.value * rate.value, 0),
            format_number(rate.value, 4),
            rate.provenance.year,
            rate.provenance.source
        ));
    }
    if lines.is_empty() {
        lines
    } else {
        format!("In euros\n{lines}\n")
    }
}

fn show_line(dataset: &Dataset, line_id: &str) -> String {
    let mut cited = BTreeSet::new();
    let mut out = String::new();
    if let Some(line) = dataset.line(line_id) {
        out.push_str(&format!(
            "{} ({}) — domain {}, counted in {}, US posture group {}\n{}\n\n",
            line.name, line.id, line.domain, line.counted_in, line.us_posture_group, line.description
        ));
    }
    let mut holdings = TextTable::new(&["country", "scope", "quantity", "year", "source", "note"]);
    for item in dataset.inventory.iter().filter(|i| i.line == line_id) {
        cited.insert(item.provenance.source.as_str());
        let mut cells = bounded(
            figure_cells(item.iso3.as_str(), item.quantity, item.scope, &item.provenance),
            item.bound,
        );
        cells.swap(1, 2);
        holdings.row(cells);
    }
    section(&mut out, "Holdings", &holdings, "no holdings in the dataset");
    let mut costs = TextTable::new(&["figure", "value", "unit", "year", "source", "note"]);
    for cost in dataset.costs.iter().filter(|c| c.line == line_id) {
        cited.insert(cost.provenance.source.as_str());
        costs.row(figure_cells(cost.figure, cost.value, cost.unit.as_str(), &cost.provenance));
    }
    section(&mut out, "Costs and production", &costs, "no cost figures in the dataset");
    out.push_str(&show_sources(dataset, cited));
    out
}

fn show_nuclear(dataset: &Dataset) -> String {
    let mut cited = BTreeSet::new();
    let mut table = TextTable::new(&["state", "leg", "figure", "value", "year", "source", "note"]);
    for figure in &dataset.nuclear {
        cited.insert(figure.provenance.source.as_str());
        let mut cells = vec![figure.state.to_string()];
        cells.extend(figure_cells(figure.leg, figure.value, figure.figure, &figure.provenance));
        cells.swap(2, 3);
        table.row(cells);
    }
    let mut out = String::new();
    section(&mut out, "Nuclear forces (warheads, boats, costs)", &table, "no nuclear figures in the dataset");
    out.push_str(&show_sources(dataset, cited));
    out
}

fn show_costs(dataset: &Dataset) -> String {
    let mut cited = BTreeSet::new();
    let mut table = TextTable::new(&["line", "figure", "value", "unit", "year", "source", "note"]);
    for cost in &dataset.costs {
        cited.insert(cost.provenance.source.as_str());
        let mut cells = vec![cost.line.clone()];
        cells.extend(figure_cells(cost.figure, cost.value, cost.unit.as_str(), &cost.provenance));
        table.row(cells);
    }
    let mut out = String::new();
    section(&mut out, "Costs, lead times and production rates", &table, "no cost figures in the dataset");
    out.push_str(&show_sources(dataset, cited));
    out
}

fn show_rates(dataset: &Dataset) -> String {
    let mut cited = BTreeSet::new();
    let mut table = TextTable::new(&["kind", "currency", "value", "unit", "year", "source", "note"]);
    for rate in &dataset.rates {
        cited.insert(rate.provenance.source.as_str());
        let mut cells = vec![rate.kind.to_string()];
        cells.extend(figure_cells(&rate.currency, rate.value, rate.unit.as_str(), &rate.provenance));
        table.row(cells);
    }
    let mut out = String::new();
    section(&mut out, "Exchange rates and price indices", &table, "no rates in the dataset");
    out.push_str(&show_sources(dataset, cited));
    out
}

/// `bulwark data show production` with `appendix` (the procurement-pace table, which needs a
/// scenario) placed before the list of sources.
pub fn show_production(dataset: &Dataset, appendix: &str) -> String {
    let mut cited = BTreeSet::new();
    let mut output = TextTable::new(&["producer", "item", "value", "unit", "year", "source", "note"]);
    let mut paces = TextTable::new(&["country", "line", "deliveries", "unit", "year", "source", "note"]);
    for figure in &dataset.production {
        cited.insert(figure.provenance.source.as_str());
        let mut cells = vec![figure.iso3.to_string()];
        cells.extend(bounded(
            figure_cells(&figure.item, figure.value, figure.unit.as_str(), &figure.provenance),
            figure.bound,
        ));
        if figure.is_procurement() {
            paces.row(cells);
        } else {
            output.row(cells);
        }
    }
    let mut out = String::new();
    let blocs: Vec<String> = bulwark_data::vocabulary::PRODUCTION_AGGREGATES
        .iter()
        .map(|(id, name)| format!("{id} = {name}"))
        .collect();
    section(
        &mut out,
        &format!("Production rates (what a country's industry makes; {})", blocs.join(", ")),
        &output,
        "no production figures in the dataset",
    );
    section(
        &mut out,
        "Procurement paces (items of a capability line delivered to a country a year)",
        &paces,
        "no procurement paces in the dataset",
    );
    if !appendix.is_empty() {
        out.push_str(appendix);
        out.push('\n');
    }
    out.push_str(&show_sources(dataset, cited));
    out
}

/// Loss counts grouped by country, category and basis, oldest first, so that each series reads
/// as a path over time.
fn show_losses(dataset: &Dataset) -> String {
    let mut cited = BTreeSet::new();
    let mut losses: Vec<_> = dataset.losses.iter().collect();
    losses.sort_by(|a, b| {
        (a.iso3, &a.category, a.basis, &a.as_of).cmp(&(b.iso3, &b.category, b.basis, &b.as_of))
    });
    let mut table = TextTable::new(&["country", "category", "basis", "quantity", "as of", "source", "note"]);
    for loss in losses {
        cited.insert(loss.provenance.source.as_str());
        table.row(vec![
            loss.iso3.to_string(),
            loss.category.clone(),
            loss.basis.to_string(),
            format_number(loss.quantity, 0),
            loss.as_of.clone(),
            loss.provenance.source.clone(),
            shorten(&loss.provenance.note, NOTE_CHARS),
        ]);
    }
    let mut out = String::new();
    section(
        &mut out,
        "Losses in war (cumulative; visually confirmed counts are lower bounds)",
        &table,
        "no loss figures in the dataset",
    );
    out.push_str(&show_sources(dataset, cited));
    out
}

fn show_countries(dataset: &Dataset) -> String {
    let mut table = TextTable::new(&["iso3", "name", "memberships", "figures", "holdings"]);
    for country in &dataset.countries {
        let n_figures = dataset.country_figures.iter().filter(|f| f.iso3 == country.iso3).count();
        let n_holdings = dataset.inventory.iter().filter(|i| i.iso3 == country.iso3).count();
        table.row(vec![
            country.iso3.to_string(),
            country.name.clone(),
            country.memberships.join(";"),
            n_figures.to_string(),
            n_holdings.to_string(),
        ]);
    }
    table.render()
}

fn show_lines(dataset: &Dataset) -> String {
    let mut table =
        TextTable::new(&["line", "domain", "counted in", "US posture group", "holders", "cost figures"]);
    for line in &dataset.lines {
        let holders = dataset.inventory.iter().filter(|i| i.line == line.id).count();
        let costs = dataset.costs.iter().filter(|c| c.line == line.id).count();
        table.row(vec![
            line.id.clone(),
            line.domain.clone(),
            line.counted_in.clone(),
            line.us_posture_group.clone(),
            holders.to_string(),
            costs.to_string(),
        ]);
    }
    table.render()
}

/// The list of cited sources, each with title, publisher, year and address.
fn show_sources(dataset: &Dataset, cited: BTreeSet<&str>) -> String {
    let mut out = String::from("Sources\n");
    for id in cited {
        match dataset.source(id) {
            Some(s) => out.push_str(&format!(
                "  [{}] {} — {}, {}. {} (accessed {})\n",
                s.id, s.title, s.publisher, s.year, s.url, s.accessed
            )),
            None => out.push_str(&format!("  [{id}] (not in sources.csv)\n")),
        }
    }
    out
}

fn section(out: &mut String, title: &str, table: &TextTable, empty: &str) {
    out.push_str(title);
    out.push('\n');
    if table.is_empty() {
        out.push_str(&format!("  ({empty})\n\n"));
    } else {
        out.push_str(&table.render());
        out.push('\n');
    }
}

fn figure_cells(name: &str, value: f64, unit: &str, provenance: &Provenance) -> Vec<String> {
    vec![
        name.to_string(),
        format_number(value, 2),
        unit.to_string(),
        provenance.year.to_string(),
        provenance.source.clone(),
        shorten(&provenance.note, NOTE_CHARS),
    ]
}

/// [`figure_cells`] with the value marked by its bound: `≥ 2` a lower bound, `≤ 200` an upper
/// bound, `900 (claim)` a claim (the dataset's `bound` column).
fn bounded(mut cells: Vec<String>, bound: bulwark_core::Bound) -> Vec<String> {
    use bulwark_core::Bound;
    let value = std::mem::take(&mut cells[1]);
    cells[1] = match bound {
        Bound::Exact => value,
        Bound::Lower => format!("≥ {value}"),
        Bound::Upper => format!("≤ {value}"),
        Bound::Claim => format!("{value} (claim)"),
        Bound::Mixed => format!("~ {value}"),
    };
    cells
}

/// Notes in tables are cut to this many characters; exports keep them whole.
const NOTE_CHARS: usize = 72;

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{}…", cut.trim_end())
}

#[derive(Serialize)]
struct DatasetJson<'a> {
    schema: &'static str,
    name: &'a str,
    sources: Vec<SourceJson<'a>>,
    groups: Vec<GroupJson<'a>>,
    countries: Vec<CountryJson<'a>>,
    capability_lines: Vec<LineJson<'a>>,
    country_figures: Vec<FigureJson<'a>>,
    inventory: Vec<FigureJson<'a>>,
    nuclear: Vec<FigureJson<'a>>,
    costs: Vec<FigureJson<'a>>,
    rates: Vec<FigureJson<'a>>,
    production: Vec<FigureJson<'a>>,
    losses: Vec<LossJson<'a>>,
}

#[derive(Serialize)]
struct LossJson<'a> {
    country: String,
    category: &'a str,
    basis: &'a str,
    quantity: f64,
    as_of: &'a str,
    source: &'a str,
    note: &'a str,
    /// Read from `basis`: `lower` for confirmed or named losses, `claim` for a belligerent's.
    bound: &'static str,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'a str,
    year: u16,
    url: &'a str,
    accessed: &'a str,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    name: &'a str,
    expected_members: u32,
    source: &'a str,
}

#[derive(Serialize)]
struct CountryJson<'a> {
    iso3: String,
    name: &'a str,
    memberships: &'a [String],
}

#[derive(Serialize)]
struct LineJson<'a> {
    id: &'a str,
    domain: &'a str,
    name: &'a str,
    counted_in: &'a str,
    us_posture_group: &'a str,
}

/// One figure of any table: `subject` is the country, state, line or currency it is about;
/// `qualifier` the inventory scope or nuclear leg (empty elsewhere); `figure` what was measured.
#[derive(Serialize)]
struct FigureJson<'a> {
    subject: String,
    qualifier: String,
    figure: &'a str,
    value: f64,
    unit: &'a str,
    year: u16,
    source: &'a str,
    note: &'a str,
    /// `exact`, `lower`, `upper` or `claim` (the `bound` column; exact for tables without it).
    bound: &'static str,
}

/// The whole dataset as one JSON document (schema [`DATASET_SCHEMA`]).
pub fn to_json(dataset: &Dataset) -> String {
    fn figure<'a>(
        subject: String,
        qualifier: &str,
        figure: &'a str,
        value: f64,
        unit: &'a str,
        p: &'a Provenance,
    ) -> FigureJson<'a> {
        FigureJson {
            subject,
            qualifier: qualifier.to_string(),
            figure,
            value,
            unit,
            year: p.year,
            source: &p.source,
            note: &p.note,
            bound: "exact",
        }
    }
    let document = DatasetJson {
        schema: DATASET_SCHEMA,
        name: &dataset.name,
        sources: dataset
            .sources
            .iter()
            .map(|s| SourceJson {
                id: &s.id,
                title: &s.title,
                publisher: &s.publisher,
                year: s.year,
                url: &s.url,
                accessed: &s.accessed,
            })
            .collect(),
        groups: dataset
            .groups
            .iter()
            .map(|g| GroupJson {
                id: &g.id,
                name: &g.name,
                expected_members: g.expected_members,
                source: &g.source,
            })
            .collect(),
        countries: dataset
            .countries
            .iter()
            .map(|c| CountryJson { iso3: c.iso3.to_string(), name: &c.name, memberships: &c.memberships })
            .collect(),
        capability_lines: dataset
            .lines
            .iter()
            .map(|l| LineJson {
                id: &l.id,
                domain: &l.domain,
                name: &l.name,
                counted_in: &l.counted_in,
                us_posture_group: &l.us_posture_group,
            })
            .collect(),
        country_figures: dataset
            .country_figures
            .iter()
            .map(|f| figure(f.iso3.to_string(), "", f.figure, f.value, f.unit.as_str(), &f.provenance))
            .collect(),
        inventory: dataset
            .inventory
            .iter()
            .map(|i| FigureJson {
                bound: i.bound.as_str(),
                ..figure(i.iso3.to_string(), i.scope, &i.line, i.quantity, "count", &i.provenance)
            })
            .collect(),
        nuclear: dataset
            .nuclear
            .iter()
            .map(|n| figure(n.state.to_string(), n.leg, n.figure, n.value, "count", &n.provenance))
            .collect(),
        costs: dataset
            .costs
            .iter()
            .map(|c| figure(c.line.clone(), "", c.figure, c.value, c.unit.as_str(), &c.provenance))
            .collect(),
        rates: dataset
            .rates
            .iter()
            .map(|r| figure(r.currency.clone(), "", r.kind, r.value, r.unit.as_str(), &r.provenance))
            .collect(),
        production: dataset
            .production
            .iter()
            .map(|p| FigureJson {
                bound: p.bound.as_str(),
                ..figure(p.iso3.to_string(), "", &p.item, p.value, p.unit.as_str(), &p.provenance)
            })
            .collect(),
        losses: dataset
            .losses
            .iter()
            .map(|l| LossJson {
                country: l.iso3.to_string(),
                category: &l.category,
                basis: l.basis,
                quantity: l.quantity,
                as_of: &l.as_of,
                source: &l.provenance.source,
                note: &l.provenance.note,
                bound: l.bound().as_str(),
            })
            .collect(),
    };
    // Serialising plain structs of strings and finite numbers cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}
