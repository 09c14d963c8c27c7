//! The words the dataset may use: units, figure names and their plausible ranges, groups of
//! capability lines. A value outside these lists is an input error with a did-you-mean.

/// A unit of measure that a figure may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Head count.
    Persons,
    /// Billions of US dollars, current prices of the figure's year.
    UsdBn,
    /// Millions of US dollars, current prices of the figure's year.
    UsdM,
    /// Billions of euros.
    EurBn,
    /// Millions of euros.
    EurM,
    /// Millions of pounds sterling.
    GbpM,
    /// Billions of Russian roubles, current prices of the figure's year.
    RubBn,
    /// Percent of gross domestic product.
    PctGdp,
    /// 1 for yes, 0 for no.
    Bool,
    /// A count of items (aircraft, tanks, fire units …).
    Units,
    /// A count of nuclear warheads.
    Warheads,
    /// A count of submarines.
    Boats,
    /// Billions of US dollars a year.
    UsdBnPerYear,
    /// A fraction of acquisition cost spent each year.
    FractionPerYear,
    /// A duration in years.
    Years,
    /// A production rate in items a year.
    UnitsPerYear,
    /// A production rate in items a month.
    UnitsPerMonth,
    /// A country's procurement pace: items of a capability line delivered to it a year.
    DeliveriesPerYear,
    /// Euros per person and year.
    EurPerPersonYear,
    /// Euros per unit of another currency (an exchange rate).
    EurPerUnit,
    /// A price index with 2025 = 1.
    Index2025,
}

/// Every unit with its spelling in the data files.
pub const UNITS: &[(Unit, &str)] = &[
    (Unit::Persons, "persons"),
    (Unit::UsdBn, "usd_bn"),
    (Unit::UsdM, "usd_m"),
    (Unit::EurBn, "eur_bn"),
    (Unit::EurM, "eur_m"),
    (Unit::GbpM, "gbp_m"),
    (Unit::RubBn, "rub_bn"),
    (Unit::PctGdp, "pct_gdp"),
    (Unit::Bool, "bool"),
    (Unit::Units, "units"),
    (Unit::Warheads, "warheads"),
    (Unit::Boats, "boats"),
    (Unit::UsdBnPerYear, "usd_bn_per_year"),
    (Unit::FractionPerYear, "fraction_per_year"),
    (Unit::Years, "years"),
    (Unit::UnitsPerYear, "units_per_year"),
    (Unit::UnitsPerMonth, "units_per_month"),
    (Unit::DeliveriesPerYear, "deliveries_per_year"),
    (Unit::EurPerPersonYear, "eur_per_person_year"),
    (Unit::EurPerUnit, "eur_per_unit"),
    (Unit::Index2025, "index_2025"),
];

impl Unit {
    /// The unit's spelling in the data files.
    pub fn as_str(self) -> &'static str {
        UNITS.iter().find(|(unit, _)| *unit == self).map_or("?", |(_, name)| name)
    }

    /// The unit spelled `name`, if any.
    pub fn parse(name: &str) -> Option<Unit> {
        UNITS.iter().find(|(_, spelling)| *spelling == name).map(|(unit, _)| *unit)
    }
}

/// A figure name a table admits, with its allowed units and plausible range.
#[derive(Clone, Copy, Debug)]
pub struct FigureSpec {
    /// Spelling in the `figure` column.
    pub name: &'static str,
    /// Units this figure may be given in.
    pub units: &'static [Unit],
    /// Smallest plausible value (inclusive).
    pub min: f64,
    /// Largest plausible value (inclusive).
    pub max: f64,
}

const fn spec(name: &'static str, units: &'static [Unit], min: f64, max: f64) -> FigureSpec {
    FigureSpec { name, units, min, max }
}

/// Figures of `country_figures.csv`. Ranges are loose sanity bounds, not expectations: they
/// catch a misplaced decimal point or a value in the wrong unit, nothing finer.
pub const COUNTRY_FIGURES: &[FigureSpec] = &[
    spec("population", &[Unit::Persons], 1.0e5, 2.0e9),
    spec("gdp", &[Unit::UsdBn, Unit::EurBn], 1.0, 40_000.0),
    // Iceland has no armed forces: SIPRI records zero spending, so zero is admissible.
    spec("defence_spending", &[Unit::UsdM, Unit::EurM], 0.0, 1.5e6),
    spec("defence_share_gdp", &[Unit::PctGdp], 0.0, 40.0),
    // SIPRI's series at constant 2024 prices: a spending path on one price basis over years.
    spec("defence_spending_usd_2024_prices", &[Unit::UsdM], 0.0, 1.5e6),
    // A national budget's defence chapter in its own currency (Russia's "national defence").
    spec("defence_budget_national_defence", &[Unit::RubBn], 0.0, 1.0e5),
    // NATO's own estimate of the share (NATO's definition), kept apart from SIPRI's.
    spec("defence_share_gdp_nato", &[Unit::PctGdp], 0.0, 40.0),
    spec("active_personnel", &[Unit::Persons], 0.0, 3.0e6),
    spec("active_personnel_europe", &[Unit::Persons], 0.0, 3.0e5),
    spec("reserve_personnel", &[Unit::Persons], 0.0, 1.0e7),
    // Reservists called up by a mobilisation order (a one-off figure, dated by its year).
    spec("mobilised_personnel", &[Unit::Persons], 0.0, 1.0e7),
    spec("parliament_approval_required", &[Unit::Bool], 0.0, 1.0),
];

/// Figures of `nuclear.csv` (all counts or money; the unit follows from the figure).
pub const NUCLEAR_FIGURES: &[FigureSpec] = &[
    spec("deployed_warheads", &[Unit::Warheads], 0.0, 10_000.0),
    spec("stored_warheads", &[Unit::Warheads], 0.0, 10_000.0),
    spec("stockpile_warheads", &[Unit::Warheads], 0.0, 10_000.0),
    spec("retired_warheads", &[Unit::Warheads], 0.0, 10_000.0),
    spec("total_inventory_warheads", &[Unit::Warheads], 0.0, 20_000.0),
    spec("forward_based_warheads", &[Unit::Warheads], 0.0, 1_000.0),
    spec("boats", &[Unit::Boats], 0.0, 30.0),
    spec("boats_on_patrol", &[Unit::Boats], 0.0, 30.0),
    spec("annual_cost_usd_bn", &[Unit::UsdBnPerYear], 0.0, 200.0),
];

/// Legs of a nuclear force; `all` is the state's whole force.
pub const NUCLEAR_LEGS: &[&str] = &["ssbn", "air", "icbm", "nonstrategic", "all"];

/// Figures of `costs.csv`.
pub const COST_FIGURES: &[FigureSpec] = &[
    spec("unit_cost", &[Unit::EurM, Unit::UsdM, Unit::GbpM], 0.01, 20_000.0),
    spec("operating_cost_fraction", &[Unit::FractionPerYear], 0.0, 1.0),
    spec("lead_time", &[Unit::Years], 0.0, 20.0),
    spec("production_rate", &[Unit::UnitsPerYear], 0.0, 10_000.0),
    spec("personnel_cost", &[Unit::EurPerPersonYear], 1_000.0, 500_000.0),
];

/// Rates of `production.csv`. `units_per_year` and `units_per_month` are what a country's
/// industry makes of any item; `deliveries_per_year` is a country's procurement pace on a
/// capability line (the item is then a line id), whoever makes the items.
pub const PRODUCTION_RATE: FigureSpec =
    spec("production", &[Unit::UnitsPerYear, Unit::UnitsPerMonth, Unit::DeliveriesPerYear], 0.0, 1.0e8);

/// Codes `production.csv` admits besides the countries of `countries.csv`, for output that
/// sources give only for a whole bloc. `EUU` is the World Bank's code for the European Union.
pub const PRODUCTION_AGGREGATES: &[(&str, &str)] = &[("EUU", "European Union as a whole")];

/// Kinds of `rates.csv` rows.
pub const RATE_FIGURES: &[FigureSpec] =
    &[spec("fx", &[Unit::EurPerUnit], 0.001, 1_000.0), spec("deflator", &[Unit::Index2025], 0.1, 10.0)];

/// States a nuclear or production row may name although `countries.csv` does not list them
/// (powers outside NATO and the EU whose arsenals or factories the assessment counts). Any
/// other code that is not in `countries.csv` is a typo (`data check` reports it).
pub const OTHER_STATES: &[&str] = &["BLR", "CHN", "IND", "IRN", "ISR", "JPN", "KOR", "PAK", "PRK"];

/// ISO 4217 codes `rates.csv` may convert: the euro, the currencies of the dataset's
/// countries and of the figures it cites (US dollar, pound, …).
pub const CURRENCIES: &[&str] = &[
    "ALL", "BAM", "BGN", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HUF", "ISK", "JPY", "KRW", "MKD",
    "NOK", "PLN", "RON", "RSD", "RUB", "SEK", "TRY", "UAH", "USD",
];

/// The largest plausible holding of one country on a line, by the line's `counted_in`
/// (issue 10: 10^15 tanks passed the checks). The largest real holdings are a few thousand
/// tanks or aircraft and some hundred thousand vehicles or missiles; these maxima sit about
/// ten times above them so that only a wrong unit or a slipped digit is caught.
pub fn max_holding(counted_in: &str) -> f64 {
    match counted_in {
        "tanks" | "guns" => 100_000.0,
        "vehicles" | "missiles" => 1.0e6,
        "launchers" | "aircraft" | "helicopters" | "satellites" => 50_000.0,
        "fire units" | "ships" | "boats" | "brigades" => 5_000.0,
        "headquarters" => 500.0,
        "persons" => 1.0e8,
        _ => 1.0e7,
    }
}

/// Scopes of `inventory.csv`:
/// - `total`: the holding the line counts, the figure every model reads. On lines whose
///   definition excludes stored equipment (tanks, IFVs, artillery) it is the active fleet.
/// - `europe`: (USA only) what the US keeps in or commits to Europe in a war.
/// - `stored`: equipment in storage, outside `total`, kept as its own figure.
/// - `owned`: everything owned, active and stored, where a source gives that sum;
///   `bulwark data check` holds `total + stored = owned` where all three exist.
pub const INVENTORY_SCOPES: &[&str] = &["total", "europe", "stored", "owned"];

/// Lines whose `counted_in` unit cannot sit in a depot (brigades, headquarters, persons): a
/// `stored` row on them is an error.
pub const NOT_STORABLE_UNITS: &[&str] = &["brigades", "headquarters", "persons"];

/// Kinds of count in `losses.csv`. Visually confirmed counts (lists of photographed or filmed
/// losses) and counts of dead identified by name are lower bounds; claims are one side's official figure about the other; estimates
/// are an intelligence service's or analyst's assessment.
pub const LOSS_BASES: &[&str] = &["visually_confirmed", "identified_by_name", "claimed", "estimated"];

/// Categories of `losses.csv` besides the capability lines (which are admitted as well, where a
/// loss list's category matches a line's definition).
pub const LOSS_CATEGORIES: &[&str] = &[
    "all_equipment",
    "armoured_fighting_vehicles",
    "armoured_personnel_carriers",
    "artillery_systems",
    "self_propelled_artillery",
    "towed_artillery",
    "air_defence_systems",
    "surface_to_air_systems",
    "aircraft",
    "helicopters",
    "drones",
    "naval_ships",
    "submarines",
    "cruise_missiles",
    "personnel_casualties",
    "personnel_killed",
];

/// Domains of capability lines (docs/design.md §4.1).
pub const DOMAINS: &[&str] = &["land", "air", "iamd", "strike", "maritime", "space", "c2_cyber"];

/// The groups of capability lines that a scenario's US posture scales separately.
pub const US_POSTURE_GROUPS: &[&str] = &["conventional", "enablers", "intelligence", "nuclear"];

/// Looks a figure up by name.
pub fn find_spec(specs: &'static [FigureSpec], name: &str) -> Option<&'static FigureSpec> {
    specs.iter().find(|spec| spec.name == name)
}

/// Other ways users name the dataset's countries: ISO 3166 alpha-2 codes, common short forms
/// and former or English names. [`crate::Dataset::find_country`] accepts these besides the
/// alpha-3 code and the name in `countries.csv`, so that `UK` means `GBR`, never `UKR`.
pub const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("AL", "ALB"),
    ("AT", "AUT"),
    ("BE", "BEL"),
    ("BG", "BGR"),
    ("CA", "CAN"),
    ("HR", "HRV"),
    ("CY", "CYP"),
    ("CZ", "CZE"),
    ("DK", "DNK"),
    ("EE", "EST"),
    ("FI", "FIN"),
    ("FR", "FRA"),
    ("DE", "DEU"),
    ("GR", "GRC"),
    ("HU", "HUN"),
    ("IS", "ISL"),
    ("IE", "IRL"),
    ("IT", "ITA"),
    ("LV", "LVA"),
    ("LT", "LTU"),
    ("LU", "LUX"),
    ("MT", "MLT"),
    ("ME", "MNE"),
    ("NL", "NLD"),
    ("MK", "MKD"),
    ("NO", "NOR"),
    ("PL", "POL"),
    ("PT", "PRT"),
    ("RO", "ROU"),
    ("SK", "SVK"),
    ("SI", "SVN"),
    ("ES", "ESP"),
    ("SE", "SWE"),
    ("TR", "TUR"),
    ("GB", "GBR"),
    ("US", "USA"),
    ("RU", "RUS"),
    ("BY", "BLR"),
    ("UA", "UKR"),
    ("UK", "GBR"),
    ("GER", "DEU"),
    ("FRG", "DEU"),
    ("Britain", "GBR"),
    ("Great Britain", "GBR"),
    ("Czech Republic", "CZE"),
    ("Holland", "NLD"),
    ("The Netherlands", "NLD"),
    ("Turkey", "TUR"),
    ("Macedonia", "MKD"),
    ("United States of America", "USA"),
    ("America", "USA"),
    ("Russian Federation", "RUS"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_spellings_round_trip_and_are_unique() {
        for (unit, name) in UNITS {
            assert_eq!(Unit::parse(name), Some(*unit));
            assert_eq!(unit.as_str(), *name);
        }
        let mut names: Vec<_> = UNITS.iter().map(|(_, n)| n).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), UNITS.len());
    }

    #[test]
    fn every_range_is_ordered_and_every_spec_has_a_unit() {
        for specs in [COUNTRY_FIGURES, NUCLEAR_FIGURES, COST_FIGURES, RATE_FIGURES] {
            for spec in specs {
                assert!(spec.min <= spec.max, "{}", spec.name);
                assert!(!spec.units.is_empty(), "{}", spec.name);
            }
        }
    }
}
