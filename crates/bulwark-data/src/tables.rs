//! The dataset's tables as typed rows, and how each is read from its CSV file.
//!
//! Parsing checks each cell on its own (a number is a number, a unit is a known unit, a line
//! is in the catalogue); relations between rows and tables are [`crate::check`]'s job.

use bulwark_core::{suggest::did_you_mean, Bound, InputError, Iso3};

use crate::table::{Origin, Row};
use crate::vocabulary::{self, FigureSpec, Unit};

/// A document that figures cite.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Short stable id, cited in the `source` column of every other table.
    pub id: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year of publication.
    pub year: u16,
    /// Where to read it.
    pub url: String,
    /// When it was read (ISO date).
    pub accessed: String,
    /// Where the row was read from.
    pub origin: Origin,
}

/// A named group of countries (an alliance, a union, a regional format).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Id used in `countries.csv` memberships and in scenario coalitions (`NATO`, `EU`).
    pub id: String,
    /// Full name.
    pub name: String,
    /// How many members the group has at the dataset's date, per its source.
    pub expected_members: u32,
    /// Source id for the member count.
    pub source: String,
    /// Free text.
    pub note: String,
    /// Where the row was read from.
    pub origin: Origin,
}

/// A country of the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166 alpha-3 code.
    pub iso3: Iso3,
    /// English short name.
    pub name: String,
    /// Ids of the groups it belongs to.
    pub memberships: Vec<String>,
    /// Source id for the memberships.
    pub source: String,
    /// Where the row was read from.
    pub origin: Origin,
}

/// A line of the capability ledger (docs/design.md §4.1).
#[derive(Clone, Debug, PartialEq)]
pub struct CapabilityLine {
    /// Id used by `inventory.csv` and `costs.csv` (`tanker_aircraft`).
    pub id: String,
    /// One of [`vocabulary::DOMAINS`].
    pub domain: String,
    /// Human-readable name.
    pub name: String,
    /// What one unit of the line counts (`aircraft`, `brigades`, `fire units`).
    pub counted_in: String,
    /// Which part of the US posture scales the US contribution on this line.
    pub us_posture_group: String,
    /// What is counted and what is not.
    pub description: String,
    /// Where the row was read from.
    pub origin: Origin,
}

/// What every sourced figure carries besides its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// The year the figure refers to (or the price year of a cost).
    pub year: u16,
    /// Source id.
    pub source: String,
    /// Free text: what exactly was counted, conversions made.
    pub note: String,
    /// Where the row was read from.
    pub origin: Origin,
}

/// One figure about a country (`country_figures.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct CountryFigure {
    /// The country.
    pub iso3: Iso3,
    /// One of [`vocabulary::COUNTRY_FIGURES`].
    pub figure: &'static str,
    /// The value, in `unit`.
    pub value: f64,
    /// The unit of `value`.
    pub unit: Unit,
    /// Year, source and note.
    pub provenance: Provenance,
}

/// A country's holding on one capability line (`inventory.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct InventoryItem {
    /// The holder.
    pub iso3: Iso3,
    /// One of [`vocabulary::INVENTORY_SCOPES`]: `total` (what the line counts), `europe` (US
    /// forces in or committed to Europe), `stored` or `owned` (active and stored).
    pub scope: &'static str,
    /// Capability line id.
    pub line: String,
    /// Count, in the line's unit.
    pub quantity: f64,
    /// Whether `quantity` is a count or a bound on it (the optional `bound` column; exact when
    /// empty).
    pub bound: Bound,
    /// As-of year, source and note.
    pub provenance: Provenance,
}

/// One figure about a nuclear force (`nuclear.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearFigure {
    /// The nuclear-armed state.
    pub state: Iso3,
    /// One of [`vocabulary::NUCLEAR_LEGS`].
    pub leg: &'static str,
    /// One of [`vocabulary::NUCLEAR_FIGURES`].
    pub figure: &'static str,
    /// The value (the unit follows from the figure).
    pub value: f64,
    /// Year, source and note.
    pub provenance: Provenance,
}

/// One cost or production figure for a capability line (`costs.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct CostFigure {
    /// Capability line id (`active_personnel` for the cost of a person-year).
    pub line: String,
    /// The system the figure is for (`Leopard 2A8`, `A330 MRTT`); a line may have several.
    pub system: String,
    /// One of [`vocabulary::COST_FIGURES`].
    pub figure: &'static str,
    /// The value, in `unit`.
    pub value: f64,
    /// The unit (for money, the currency; the provenance year is the price year).
    pub unit: Unit,
    /// Price year, source and note.
    pub provenance: Provenance,
}

/// A production rate of an item (`production.csv`), or a country's procurement pace on a
/// capability line (unit `deliveries_per_year`).
#[derive(Clone, Debug, PartialEq)]
pub struct ProductionFigure {
    /// The producing country (or a bloc of [`vocabulary::PRODUCTION_AGGREGATES`]); for a
    /// procurement pace, the receiving country.
    pub iso3: Iso3,
    /// What is produced (`iskander_missiles`, `artillery_shells`), snake_case; for a
    /// procurement pace, the capability line id.
    pub item: String,
    /// Items per year or per month, per `unit`.
    pub value: f64,
    /// `units_per_year`, `units_per_month` or `deliveries_per_year`.
    pub unit: Unit,
    /// Whether `value` is the rate or a bound on it (the optional `bound` column; exact when
    /// empty).
    pub bound: Bound,
    /// Year, source and note.
    pub provenance: Provenance,
}

impl ProductionFigure {
    /// The rate in items a year.
    pub fn per_year(&self) -> f64 {
        if self.unit == Unit::UnitsPerMonth {
            self.value * 12.0
        } else {
            self.value
        }
    }

    /// Whether the row is a country's procurement pace on a capability line rather than
    /// industrial output.
    pub fn is_procurement(&self) -> bool {
        self.unit == Unit::DeliveriesPerYear
    }
}

/// A count of one side's losses in a war, by category, at a date (`losses.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct LossFigure {
    /// The country whose forces were lost.
    pub iso3: Iso3,
    /// A capability line id or one of [`vocabulary::LOSS_CATEGORIES`].
    pub category: String,
    /// One of [`vocabulary::LOSS_BASES`]: how the count was made (and so whether it is a lower
    /// bound).
    pub basis: &'static str,
    /// Cumulative count from the start of the war to `as_of`.
    pub quantity: f64,
    /// Date the count refers to (ISO `YYYY-MM-DD`); the provenance year is its year.
    pub as_of: String,
    /// Year of `as_of`, source and note.
    pub provenance: Provenance,
}

impl LossFigure {
    /// What the count says about the true losses, read from its `basis` (losses.csv has no
    /// `bound` column: the basis already says it): lists of confirmed or named losses are lower
    /// bounds, a belligerent's figure is a claim, an estimate is taken as stated.
    pub fn bound(&self) -> Bound {
        match self.basis {
            "visually_confirmed" | "identified_by_name" => Bound::Lower,
            "claimed" => Bound::Claim,
            _ => Bound::Exact,
        }
    }
}

/// An exchange rate or price index (`rates.csv`).
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    /// `fx` or `deflator`.
    pub kind: &'static str,
    /// ISO 4217 code (`USD`, `GBP`, `EUR`).
    pub currency: String,
    /// The value, in `unit`.
    pub value: f64,
    /// `eur_per_unit` for fx, `index_2025` for deflators.
    pub unit: Unit,
    /// Year, source and note.
    pub provenance: Provenance,
}

/// Column lists of each table, in the order exports write them.
pub(crate) mod columns {
    pub const SOURCES: &[&str] = &["id", "title", "publisher", "year", "url", "accessed"];
    pub const GROUPS: &[&str] = &["id", "name", "expected_members", "source", "note"];
    pub const COUNTRIES: &[&str] = &["iso3", "name", "memberships", "source"];
    pub const LINES: &[&str] = &["line", "domain", "name", "counted_in", "us_posture_group", "description"];
    pub const COUNTRY_FIGURES: &[&str] = &["iso3", "figure", "value", "unit", "year", "source", "note"];
    pub const INVENTORY: &[&str] = &["iso3", "scope", "line", "quantity", "year", "source", "note", "bound"];
    pub const NUCLEAR: &[&str] = &["state", "leg", "figure", "value", "year", "source", "note"];
    pub const COSTS: &[&str] = &["line", "system", "figure", "value", "unit", "year", "source", "note"];
    pub const RATES: &[&str] = &["kind", "currency", "year", "value", "unit", "source", "note"];
    pub const PRODUCTION: &[&str] = &["iso3", "item", "value", "unit", "year", "source", "note", "bound"];
    pub const LOSSES: &[&str] = &["iso3", "category", "basis", "quantity", "as_of", "source", "note"];
}

pub(crate) fn source(row: &Row) -> Result<Source, InputError> {
    Ok(Source {
        id: row.text("id")?,
        title: row.text("title")?,
        publisher: row.text("publisher")?,
        year: row.year("year")?,
        url: row.text("url")?,
        accessed: row.text("accessed")?,
        origin: row.origin.clone(),
    })
}

pub(crate) fn group(row: &Row) -> Result<Group, InputError> {
    let expected = row.number("expected_members")?;
    if expected < 1.0 || expected.fract() != 0.0 {
        return Err(row
            .origin
            .error("expected_members", format!("`{expected}` is not a member count"))
            .with_expected("a whole number of 1 or more"));
    }
    Ok(Group {
        id: row.text("id")?,
        name: row.text("name")?,
        expected_members: expected as u32,
        source: row.text("source")?,
        note: row.optional_text("note"),
        origin: row.origin.clone(),
    })
}

pub(crate) fn country(row: &Row) -> Result<Country, InputError> {
    let memberships = row
        .optional_text("memberships")
        .split(';')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_string)
        .collect();
    Ok(Country {
        iso3: iso3(row, "iso3")?,
        name: row.text("name")?,
        memberships,
        source: row.text("source")?,
        origin: row.origin.clone(),
    })
}

pub(crate) fn capability_line(row: &Row) -> Result<CapabilityLine, InputError> {
    Ok(CapabilityLine {
        id: row.text("line")?,
        domain: one_of(row, "domain", vocabulary::DOMAINS)?.to_string(),
        name: row.text("name")?,
        counted_in: row.text("counted_in")?,
        us_posture_group: one_of(row, "us_posture_group", vocabulary::US_POSTURE_GROUPS)?.to_string(),
        description: row.optional_text("description"),
        origin: row.origin.clone(),
    })
}

pub(crate) fn country_figure(row: &Row) -> Result<CountryFigure, InputError> {
    let spec = figure_spec(row, "figure", vocabulary::COUNTRY_FIGURES)?;
    let unit = unit(row, spec)?;
    Ok(CountryFigure {
        iso3: iso3(row, "iso3")?,
        figure: spec.name,
        value: value_in_range(row, "value", spec)?,
        unit,
        provenance: provenance(row)?,
    })
}

pub(crate) fn inventory_item(row: &Row, lines: &[CapabilityLine]) -> Result<InventoryItem, InputError> {
    let quantity = row.number("quantity")?;
    if quantity < 0.0 {
        return Err(row
            .origin
            .error("quantity", format!("quantity {quantity} is negative"))
            .with_expected("a count of 0 or more"));
    }
    let line = line_id(row, "line", lines)?;
    let counted_in = lines.iter().find(|l| l.id == line).map_or("", |l| l.counted_in.as_str());
    let max = vocabulary::max_holding(counted_in);
    if quantity > max {
        return Err(row
            .origin
            .error("quantity", format!("quantity {quantity} {counted_in} is not a plausible holding"))
            .with_expected(format!("at most {max} {counted_in} (a wrong unit or a slipped digit?)")));
    }
    Ok(InventoryItem {
        iso3: iso3(row, "iso3")?,
        scope: one_of(row, "scope", vocabulary::INVENTORY_SCOPES)?,
        line,
        quantity,
        bound: bound(row)?,
        provenance: provenance(row)?,
    })
}

pub(crate) fn nuclear_figure(row: &Row) -> Result<NuclearFigure, InputError> {
    let spec = figure_spec(row, "figure", vocabulary::NUCLEAR_FIGURES)?;
    Ok(NuclearFigure {
        state: iso3(row, "state")?,
        leg: one_of(row, "leg", vocabulary::NUCLEAR_LEGS)?,
        figure: spec.name,
        value: value_in_range(row, "value", spec)?,
        provenance: provenance(row)?,
    })
}

pub(crate) fn cost_figure(row: &Row, lines: &[CapabilityLine]) -> Result<CostFigure, InputError> {
    let spec = figure_spec(row, "figure", vocabulary::COST_FIGURES)?;
    let unit = unit(row, spec)?;
    let line = line_id(row, "line", lines)?;
    Ok(CostFigure {
        line,
        system: row.text("system")?,
        figure: spec.name,
        value: value_in_range(row, "value", spec)?,
        unit,
        provenance: provenance(row)?,
    })
}

pub(crate) fn production_figure(row: &Row, lines: &[CapabilityLine]) -> Result<ProductionFigure, InputError> {
    let spec = &vocabulary::PRODUCTION_RATE;
    let unit = unit(row, spec)?;
    // A procurement pace counts items of a ledger line, so its item must be a line id.
    let item = if unit == Unit::DeliveriesPerYear { line_id(row, "item", lines)? } else { row.text("item")? };
    if !item.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Err(row
            .origin
            .error("item", format!("`{item}` is not a snake_case item name"))
            .with_expected("lower-case letters, digits and `_`, such as iskander_missiles"));
    }
    Ok(ProductionFigure {
        iso3: iso3(row, "iso3")?,
        item,
        unit,
        value: value_in_range(row, "value", spec)?,
        bound: bound(row)?,
        provenance: provenance(row)?,
    })
}

pub(crate) fn loss_figure(row: &Row, lines: &[CapabilityLine]) -> Result<LossFigure, InputError> {
    let category = row.text("category")?;
    let known_line = lines.iter().any(|line| line.id == category);
    if !known_line && !vocabulary::LOSS_CATEGORIES.contains(&category.as_str()) {
        let candidates =
            vocabulary::LOSS_CATEGORIES.iter().copied().chain(lines.iter().map(|l| l.id.as_str()));
        return Err(row
            .origin
            .error("category", format!("unknown loss category `{category}`"))
            .with_expected("a line of capability_lines.csv or a loss category such as all_equipment")
            .with_suggestion(did_you_mean(&category, candidates)));
    }
    let quantity = row.number("quantity")?;
    if quantity < 0.0 || quantity.fract() != 0.0 {
        return Err(row
            .origin
            .error("quantity", format!("`{quantity}` is not a count"))
            .with_expected("a whole number of 0 or more"));
    }
    let as_of = row.text("as_of")?;
    let year = iso_date_year(&as_of).ok_or_else(|| {
        row.origin
            .error("as_of", format!("`{as_of}` is not a date"))
            .with_expected("an ISO date YYYY-MM-DD between 1900 and 2100")
    })?;
    Ok(LossFigure {
        iso3: iso3(row, "iso3")?,
        category,
        basis: one_of(row, "basis", vocabulary::LOSS_BASES)?,
        quantity,
        as_of,
        provenance: Provenance {
            year,
            source: row.text("source")?,
            note: row.optional_text("note"),
            origin: row.origin.clone(),
        },
    })
}

/// The year of an ISO date `YYYY-MM-DD` (month 1–12, day 1–31, year 1900–2100), if it is one.
pub(crate) fn iso_date_year(text: &str) -> Option<u16> {
    let parts: Vec<&str> = text.split('-').collect();
    let well_formed = parts.len() == 3
        && [4, 2, 2]
            .iter()
            .zip(&parts)
            .all(|(len, part)| part.len() == *len && part.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return None;
    }
    let number = |part: &str| part.parse::<u16>().ok();
    let (year, month, day) = (number(parts[0])?, number(parts[1])?, number(parts[2])?);
    let plausible = (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    plausible.then_some(year)
}

pub(crate) fn rate(row: &Row) -> Result<Rate, InputError> {
    let spec = figure_spec(row, "kind", vocabulary::RATE_FIGURES)?;
    let currency = row.text("currency")?;
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(row
            .origin
            .error("currency", format!("`{currency}` is not a currency code"))
            .with_expected("an ISO 4217 code such as USD, GBP or EUR"));
    }
    Ok(Rate {
        kind: spec.name,
        currency,
        unit: unit(row, spec)?,
        value: value_in_range(row, "value", spec)?,
        provenance: provenance(row)?,
    })
}

fn provenance(row: &Row) -> Result<Provenance, InputError> {
    Ok(Provenance {
        year: row.year("year")?,
        source: row.text("source")?,
        note: row.optional_text("note"),
        origin: row.origin.clone(),
    })
}

/// The optional `bound` column: empty (or absent) is exact.
fn bound(row: &Row) -> Result<Bound, InputError> {
    let text = row.optional_text("bound");
    if text.is_empty() {
        return Ok(Bound::Exact);
    }
    Bound::parse(&text).ok_or_else(|| {
        let names = Bound::ALL.map(|(_, name)| name);
        row.origin
            .error("bound", format!("unknown bound `{text}`"))
            .with_expected(format!("empty (exact) or one of {}", names.join(", ")))
            .with_suggestion(did_you_mean(&text, names))
    })
}

fn iso3(row: &Row, column: &str) -> Result<Iso3, InputError> {
    let text = row.text(column)?;
    Iso3::parse(&text).ok_or_else(|| {
        row.origin
            .error(column, format!("`{text}` is not a country code"))
            .with_expected("an ISO 3166 alpha-3 code of three capital letters, such as DEU")
    })
}

fn one_of(row: &Row, column: &str, allowed: &'static [&'static str]) -> Result<&'static str, InputError> {
    let text = row.text(column)?;
    allowed.iter().copied().find(|a| *a == text).ok_or_else(|| {
        row.origin
            .error(column, format!("unknown {column} `{text}`"))
            .with_expected(format!("one of {}", allowed.join(", ")))
            .with_suggestion(did_you_mean(&text, allowed.iter().copied()))
    })
}

fn figure_spec(
    row: &Row,
    column: &str,
    specs: &'static [FigureSpec],
) -> Result<&'static FigureSpec, InputError> {
    let text = row.text(column)?;
    vocabulary::find_spec(specs, &text).ok_or_else(|| {
        let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
        row.origin
            .error(column, format!("unknown {column} `{text}`"))
            .with_expected(format!("one of {}", names.join(", ")))
            .with_suggestion(did_you_mean(&text, names))
    })
}

fn unit(row: &Row, spec: &FigureSpec) -> Result<Unit, InputError> {
    let text = row.text("unit")?;
    let allowed: Vec<&str> = spec.units.iter().map(|u| u.as_str()).collect();
    match Unit::parse(&text) {
        Some(unit) if spec.units.contains(&unit) => Ok(unit),
        parsed => {
            let message = match parsed {
                Some(_) => format!("unit `{text}` does not fit figure `{}`", spec.name),
                None => format!("unknown unit `{text}`"),
            };
            Err(row
                .origin
                .error("unit", message)
                .with_expected(format!("one of {}", allowed.join(", ")))
                .with_suggestion(did_you_mean(&text, allowed)))
        }
    }
}

fn value_in_range(row: &Row, column: &str, spec: &FigureSpec) -> Result<f64, InputError> {
    let value = row.number(column)?;
    if value < spec.min || value > spec.max {
        return Err(row
            .origin
            .error(column, format!("{} = {value} is outside the plausible range", spec.name))
            .with_expected(format!("a value from {} to {}", spec.min, spec.max)));
    }
    Ok(value)
}

fn line_id(row: &Row, column: &str, lines: &[CapabilityLine]) -> Result<String, InputError> {
    let text = row.text(column)?;
    if lines.iter().any(|line| line.id == text) {
        return Ok(text);
    }
    Err(row
        .origin
        .error(column, format!("unknown capability line `{text}`"))
        .with_expected("a line of capability_lines.csv")
        .with_suggestion(did_you_mean(&text, lines.iter().map(|l| l.id.as_str()))))
}
