//! The [`Dataset`]: all tables of one dataset, loaded from the embedded baseline or a directory.

use std::path::Path;
use std::sync::Arc;

use bulwark_core::{InputError, Iso3};

use crate::table::{read_table, Row, MAX_TABLE_BYTES};
use crate::tables::{self, columns};
use crate::{
    CapabilityLine, CostFigure, Country, CountryFigure, Group, InventoryItem, LossFigure, NuclearFigure,
    ProductionFigure, Rate, Source,
};

/// Name of the dataset compiled into the binary.
pub const EMBEDDED_NAME: &str = "baseline-2026-01";

/// The files a dataset directory holds, in loading order.
pub const TABLE_FILES: &[&str] = &[
    "sources.csv",
    "groups.csv",
    "countries.csv",
    "capability_lines.csv",
    "country_figures.csv",
    "inventory.csv",
    "nuclear.csv",
    "costs.csv",
    "rates.csv",
    "production.csv",
    "losses.csv",
];

macro_rules! embedded_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../data/baseline-2026-01/", $name)))
    };
}

const EMBEDDED: &[(&str, &str)] = &[
    embedded_file!("sources.csv"),
    embedded_file!("groups.csv"),
    embedded_file!("countries.csv"),
    embedded_file!("capability_lines.csv"),
    embedded_file!("country_figures.csv"),
    embedded_file!("inventory.csv"),
    embedded_file!("nuclear.csv"),
    embedded_file!("costs.csv"),
    embedded_file!("rates.csv"),
    embedded_file!("production.csv"),
    embedded_file!("losses.csv"),
];

/// One dataset: sources, countries, the capability catalogue and every sourced figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The dataset's name (`baseline-2026-01`, or the directory's name).
    pub name: String,
    /// Documents cited, sorted by id.
    pub sources: Vec<Source>,
    /// Country groups (NATO, EU, …).
    pub groups: Vec<Group>,
    /// Countries.
    pub countries: Vec<Country>,
    /// The capability-line catalogue.
    pub lines: Vec<CapabilityLine>,
    /// Figures per country.
    pub country_figures: Vec<CountryFigure>,
    /// Holdings per country and line.
    pub inventory: Vec<InventoryItem>,
    /// Nuclear forces.
    pub nuclear: Vec<NuclearFigure>,
    /// Costs, lead times and production rates per line.
    pub costs: Vec<CostFigure>,
    /// Exchange rates and price indices.
    pub rates: Vec<Rate>,
    /// Production rates (mostly the adversary's missiles, drones, shells and vehicles).
    pub production: Vec<ProductionFigure>,
    /// Losses in a war by category and date (cumulative counts).
    pub losses: Vec<LossFigure>,
}

impl Dataset {
    /// The baseline compiled into the binary.
    pub fn embedded() -> Result<Dataset, InputError> {
        let files = EMBEDDED
            .iter()
            .map(|(name, text)| (format!("embedded:{EMBEDDED_NAME}/{name}"), Arc::from(*text)))
            .collect();
        Dataset::from_texts(EMBEDDED_NAME, files)
    }

    /// Loads the tables of a directory holding every file of [`TABLE_FILES`].
    pub fn from_dir(dir: &Path) -> Result<Dataset, InputError> {
        let name =
            dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned());
        let files = TABLE_FILES
            .iter()
            .map(|file| {
                let path = dir.join(file);
                let label = path.display().to_string();
                read_text_file(&path, MAX_TABLE_BYTES).map(|text| (label, text))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Dataset::from_texts(&name, files)
    }

    /// Parses the tables from their texts, given in the order of [`TABLE_FILES`].
    pub(crate) fn from_texts(name: &str, files: Vec<(String, Arc<str>)>) -> Result<Dataset, InputError> {
        let mut files = files.into_iter();
        let mut next = |columns: &[&'static str]| -> Result<Vec<Row>, InputError> {
            let (label, text) =
                files.next().ok_or_else(|| InputError::whole_file(name, "a table file is missing"))?;
            read_table(&label, text, columns)
        };
        let mut sources = parse_all(next(columns::SOURCES)?, tables::source)?;
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        let groups = parse_all(next(columns::GROUPS)?, tables::group)?;
        let countries = parse_all(next(columns::COUNTRIES)?, tables::country)?;
        let lines = parse_all(next(columns::LINES)?, tables::capability_line)?;
        let country_figures = parse_all(next(columns::COUNTRY_FIGURES)?, tables::country_figure)?;
        let inventory = parse_all(next(columns::INVENTORY)?, |row| tables::inventory_item(row, &lines))?;
        let nuclear = parse_all(next(columns::NUCLEAR)?, tables::nuclear_figure)?;
        let costs = parse_all(next(columns::COSTS)?, |row| tables::cost_figure(row, &lines))?;
        let rates = parse_all(next(columns::RATES)?, tables::rate)?;
        let production = parse_all(next(columns::PRODUCTION)?, |row| tables::production_figure(row, &lines))?;
        let losses = parse_all(next(columns::LOSSES)?, |row| tables::loss_figure(row, &lines))?;
        Ok(Dataset {
            name: name.to_string(),
            sources,
            groups,
            countries,
            lines,
            country_figures,
            inventory,
            nuclear,
            costs,
            rates,
            production,
            losses,
        })
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.binary_search_by(|s| s.id.as_str().cmp(id)).ok().map(|i| &self.sources[i])
    }

    /// The country a user means: its alpha-3 code in any case, an alias of
    /// [`crate::vocabulary::COUNTRY_ALIASES`] (`UK`, `GER`, alpha-2 codes) or its English name.
    pub fn find_country(&self, text: &str) -> Option<Iso3> {
        let text = text.trim();
        let known = |iso3: Iso3| self.country(iso3).is_some().then_some(iso3);
        if let Some(iso3) = Iso3::parse(&text.to_uppercase()).and_then(known) {
            return Some(iso3);
        }
        let alias = crate::vocabulary::COUNTRY_ALIASES
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(text))
            .and_then(|(_, iso3)| Iso3::parse(iso3));
        alias
            .and_then(known)
            .or_else(|| self.countries.iter().find(|c| c.name.eq_ignore_ascii_case(text)).map(|c| c.iso3))
    }

    /// A country by code.
    pub fn country(&self, iso3: Iso3) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The capability line with this id.
    pub fn line(&self, id: &str) -> Option<&CapabilityLine> {
        self.lines.iter().find(|l| l.id == id)
    }

    /// Members of a group, in the order of `countries.csv`.
    pub fn members(&self, group: &str) -> Vec<Iso3> {
        self.countries.iter().filter(|c| c.memberships.iter().any(|m| m == group)).map(|c| c.iso3).collect()
    }

    /// The most recent figure of a country by name (`gdp`, `population`, …).
    pub fn country_figure(&self, iso3: Iso3, figure: &str) -> Option<&CountryFigure> {
        self.country_figures
            .iter()
            .filter(|f| f.iso3 == iso3 && f.figure == figure)
            .max_by_key(|f| f.provenance.year)
    }

    /// A country's holding on a line (`scope` is `total` or, for the USA, `europe`).
    pub fn holding(&self, iso3: Iso3, scope: &str, line: &str) -> Option<&InventoryItem> {
        self.inventory.iter().find(|i| i.iso3 == iso3 && i.scope == scope && i.line == line)
    }

    /// An index of [`Dataset::inventory`] answering [`Dataset::holding`]'s question by binary
    /// search instead of a scan of every row: build it once where many holdings are looked up
    /// (the assessment's ledger asks for every member on every line, again for every draw of
    /// its ranges). It borrows the dataset, so the inventory cannot change while it lives.
    pub fn holdings(&self) -> Holdings<'_> {
        let mut keys: Vec<HoldingKey<'_>> = self
            .inventory
            .iter()
            .enumerate()
            .map(|(position, item)| (item.iso3, item.scope, item.line.as_str(), position))
            .collect();
        // The position breaks ties, so the first row of a repeated key comes first: the
        // row the scan of `holding` finds.
        keys.sort_unstable();
        Holdings { inventory: &self.inventory, keys }
    }

    /// A country's most recent procurement pace on a line (`deliveries_per_year` rows of
    /// `production.csv`); of two rows for the same year, the first in the file.
    pub fn procurement_pace(&self, iso3: Iso3, line: &str) -> Option<&ProductionFigure> {
        self.production.iter().filter(|p| p.is_procurement() && p.iso3 == iso3 && p.item == line).fold(
            None,
            |best: Option<&ProductionFigure>, p| match best {
                Some(b) if b.provenance.year >= p.provenance.year => Some(b),
                _ => Some(p),
            },
        )
    }

    /// Euros per unit of `currency` for `year` (1 for EUR).
    pub fn eur_per(&self, currency: &str, year: u16) -> Option<f64> {
        if currency == "EUR" {
            return Some(1.0);
        }
        self.rates
            .iter()
            .find(|r| r.kind == "fx" && r.currency == currency && r.provenance.year == year)
            .map(|r| r.value)
    }
}

/// A holding's key in [`Holdings`]: holder, scope, line and the row's position.
type HoldingKey<'a> = (Iso3, &'static str, &'a str, usize);

/// The inventory sorted by (holder, scope, line, row): [`Dataset::holdings`].
#[derive(Clone, Debug)]
pub struct Holdings<'a> {
    inventory: &'a [InventoryItem],
    keys: Vec<HoldingKey<'a>>,
}

impl<'a> Holdings<'a> {
    /// The same row as [`Dataset::holding`]: the first of the inventory with this holder,
    /// scope and line.
    pub fn get(&self, iso3: Iso3, scope: &str, line: &str) -> Option<&'a InventoryItem> {
        let at = self.keys.partition_point(|&(i, s, l, _)| (i, s, l) < (iso3, scope, line));
        let &(i, s, l, position) = self.keys.get(at)?;
        ((i, s, l) == (iso3, scope, line)).then(|| &self.inventory[position])
    }
}

fn parse_all<T>(rows: Vec<Row>, parse: impl Fn(&Row) -> Result<T, InputError>) -> Result<Vec<T>, InputError> {
    rows.iter().map(parse).collect()
}

/// Reads a user-given text file, refusing what is not a regular file (a FIFO would block for
/// ever, `/dev/zero` never ends), too large, not UTF-8 or binary. At most `max_bytes + 1`
/// bytes are ever read, whatever the file claims its size is. Errors about the content give
/// the line and column where the problem starts, and never echo the content.
pub fn read_text_file(path: &Path, max_bytes: usize) -> Result<Arc<str>, InputError> {
    use std::io::Read;
    let label = path.display().to_string();
    let cannot_read =
        |err: std::io::Error| InputError::whole_file(&label, format!("cannot read the file: {err}"));
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if !meta.is_file() {
        let kind =
            if meta.is_dir() { "a directory" } else { "not a regular file (a pipe, socket or device)" };
        return Err(InputError::whole_file(&label, format!("the path is {kind}"))
            .with_expected("a regular text file"));
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::with_capacity((meta.len() as usize).min(max_bytes) + 1);
    file.take(max_bytes as u64 + 1).read_to_end(&mut bytes).map_err(cannot_read)?;
    if bytes.len() > max_bytes {
        return Err(at_byte(
            &label,
            &bytes,
            max_bytes,
            format!("the file is larger than the {max_bytes} bytes accepted"),
        )
        .with_expected("a hand-written data or scenario file"));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(at_byte(&label, &bytes, nul, "the file is binary (it contains a NUL byte here)")
            .with_expected("a UTF-8 text file"));
    }
    String::from_utf8(bytes).map(Arc::from).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        at_byte(
            &label,
            err.as_bytes(),
            offset,
            format!("the file is not UTF-8 text (invalid byte at offset {offset})"),
        )
        .with_expected("a UTF-8 text file")
    })
}

/// A whole-file error placed at the line and column of byte `offset`, computed from the valid
/// text before it; no snippet, so that nothing of a binary or oversized file is echoed.
fn at_byte(label: &str, bytes: &[u8], offset: usize, message: impl Into<String>) -> InputError {
    let prefix = &bytes[..offset.min(bytes.len())];
    let text = match std::str::from_utf8(prefix) {
        Ok(text) => text,
        Err(err) => std::str::from_utf8(&prefix[..err.valid_up_to()]).unwrap_or(""),
    };
    let (line, column) = bulwark_core::line_column(text, text.len());
    let mut error = InputError::whole_file(label, message);
    error.line = line;
    error.column = column;
    error
}

#[cfg(test)]
mod tests {
    #[test]
    fn aliases_and_names_find_the_country_meant() {
        let dataset = super::Dataset::embedded().unwrap();
        let code = |text: &str| dataset.find_country(text).map(|c| c.to_string());
        assert_eq!(code("UK").as_deref(), Some("GBR"), "r9: UK is not Ukraine");
        assert_eq!(code("GER").as_deref(), Some("DEU"), "r9: GER is not Great Britain");
        assert_eq!(code("germany").as_deref(), Some("DEU"));
        assert_eq!(code("Turkey").as_deref(), Some("TUR"));
        assert_eq!(code("fra").as_deref(), Some("FRA"));
        assert_eq!(code("Narnia"), None);
    }

    use proptest::prelude::*;

    use super::*;
    use crate::check::{check, Severity};
    use bulwark_core::Bound;

    fn texts_of(dataset: &Dataset) -> Vec<(String, Arc<str>)> {
        crate::export::to_csv(dataset)
            .into_iter()
            .map(|(name, text)| (name.to_string(), Arc::from(text)))
            .collect()
    }

    #[test]
    fn the_embedded_baseline_loads_and_passes_its_checks() {
        let dataset = Dataset::embedded().unwrap();
        let errors: Vec<_> = check(&dataset).into_iter().filter(|f| f.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(dataset.members("NATO").len(), 32);
        assert_eq!(dataset.members("EU").len(), 27);
    }

    #[test]
    fn export_then_load_gives_the_same_dataset() {
        let dataset = Dataset::embedded().unwrap();
        let reloaded = Dataset::from_texts(EMBEDDED_NAME, texts_of(&dataset)).unwrap();
        assert_eq!(reloaded, dataset);
        // And the canonical form is a fixed point.
        assert_eq!(crate::export::to_csv(&reloaded), crate::export::to_csv(&dataset));
    }

    /// The index answers exactly as the scan: the same row (by address) for every key of the
    /// inventory, for keys it lacks (every scope of every country on every line, and lines
    /// that do not exist), and the first row of a key given twice.
    #[test]
    fn holdings_index_finds_the_rows_the_scan_finds() {
        let mut dataset = Dataset::embedded().unwrap();
        let mut twice = dataset.inventory[7].clone();
        twice.quantity += 1.0;
        dataset.inventory.push(twice);
        let holdings = dataset.holdings();
        let same = |iso3: Iso3, scope: &str, line: &str| {
            let (scan, index) = (dataset.holding(iso3, scope, line), holdings.get(iso3, scope, line));
            assert_eq!(scan.map(|r| r as *const InventoryItem), index.map(|r| r as *const InventoryItem));
            scan.is_some()
        };
        for item in &dataset.inventory {
            assert!(same(item.iso3, item.scope, &item.line));
        }
        let first = &dataset.inventory[7];
        assert!(std::ptr::eq(holdings.get(first.iso3, first.scope, &first.line).unwrap(), first));
        let mut absent = 0;
        for country in &dataset.countries {
            for line in dataset.lines.iter().map(|l| l.id.as_str()).chain(["", "zzz_no_line"]) {
                for scope in crate::vocabulary::INVENTORY_SCOPES.iter().chain(&["", "zzz"]) {
                    absent += usize::from(!same(country.iso3, scope, line));
                }
            }
        }
        assert!(absent > 0, "some keys are absent");
    }

    #[test]
    fn sources_are_sorted_so_lookups_can_bisect() {
        let dataset = Dataset::embedded().unwrap();
        assert!(dataset.sources.windows(2).all(|w| w[0].id < w[1].id));
        let first = &dataset.sources[0].id;
        assert_eq!(dataset.source(first).map(|s| &s.id), Some(first));
    }

    #[test]
    fn r10_whole_file_errors_give_line_and_column_and_no_content() {
        let dir = tempfile::tempdir().unwrap();
        let nul = dir.path().join("nul.csv");
        std::fs::write(&nul, b"id,value\nab,1\nxy\0z\n").unwrap();
        let err = read_text_file(&nul, 1000).unwrap_err();
        assert_eq!((err.line, err.column), (3, 3), "{err}");
        assert!(err.snippet.is_none());
        let latin1 = dir.path().join("latin1.csv");
        std::fs::write(&latin1, b"id\nM\xfcnchen\n").unwrap();
        let err = read_text_file(&latin1, 1000).unwrap_err();
        assert_eq!((err.line, err.column), (2, 2), "{err}");
        let big = dir.path().join("big.csv");
        std::fs::write(&big, "a\n".repeat(100)).unwrap();
        let err = read_text_file(&big, 51).unwrap_err();
        assert_eq!((err.line, err.column), (26, 2), "{err}");
    }

    /// The dataset with one line appended to table `file` (a name of [`TABLE_FILES`]).
    fn with_row(file: &str, row: &str) -> Result<Dataset, InputError> {
        let mut texts = texts_of(&Dataset::embedded().unwrap());
        let idx = TABLE_FILES.iter().position(|f| *f == file).unwrap();
        texts[idx].1 = Arc::from(format!("{}{row}\n", texts[idx].1).as_str());
        Dataset::from_texts("t", texts)
    }

    fn check_errors(dataset: &Dataset) -> Vec<String> {
        check(dataset)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.problem.to_string())
            .collect()
    }

    #[test]
    fn r10_data_check_refuses_unknown_codes_and_absurd_holdings() {
        let source = Dataset::embedded().unwrap().sources[0].id.clone();
        let nuclear = with_row("nuclear.csv", &format!("XYZ,all,boats,1,2025,{source},")).unwrap();
        assert!(
            check_errors(&nuclear).iter().any(|e| e.contains("unknown state `XYZ`")),
            "{:?}",
            check_errors(&nuclear)
        );
        let production =
            with_row("production.csv", &format!("QQQ,drones,5,units_per_year,2024,{source},")).unwrap();
        assert!(check_errors(&production).iter().any(|e| e.contains("`QQQ` is neither a country")));
        let rates = with_row("rates.csv", &format!("fx,XYZ,2024,1.5,eur_per_unit,{source},")).unwrap();
        assert!(check_errors(&rates).iter().any(|e| e.contains("unknown currency `XYZ`")));
        let tanks = with_row("inventory.csv", &format!("DEU,total,main_battle_tanks,1e15,2019,{source},"))
            .unwrap_err();
        assert!(tanks.message.contains("not a plausible holding"), "{tanks}");
        assert_eq!(tanks.field.as_deref(), Some("quantity"));
    }

    #[test]
    fn the_bound_column_is_typed_and_a_bad_value_is_located() {
        let source = Dataset::embedded().unwrap().sources[0].id.clone();
        let row = |bound: &str| format!("DEU,europe,sead_aircraft,3,2024,{source},note,{bound}");
        let lower = with_row("inventory.csv", &row("lower")).unwrap();
        assert_eq!(lower.inventory.last().unwrap().bound, Bound::Lower);
        let claim = with_row("production.csv", &format!("RUS,drones,5,units_per_year,2024,{source},,claim"));
        assert_eq!(claim.unwrap().production.last().unwrap().bound, Bound::Claim);
        // Empty, or left off as rows written before the column existed: exact.
        for text in [row(""), format!("DEU,europe,sead_aircraft,3,2024,{source},note")] {
            assert_eq!(
                with_row("inventory.csv", &text).unwrap().inventory.last().unwrap().bound,
                Bound::Exact
            );
        }
        let err = with_row("inventory.csv", &row("lowr")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("bound"));
        assert!(err.message.contains("unknown bound `lowr`"), "{err}");
        assert_eq!(err.suggestion.as_deref(), Some("lower"));
        assert!(err.expected.as_deref().is_some_and(|e| e.contains("exact, lower, upper, claim")), "{err:?}");
        let rows = Dataset::embedded().unwrap().inventory.len() + 2;
        assert_eq!(err.line, rows, "{err}");
        let cell = format!("DEU,europe,sead_aircraft,3,2024,{source},note,").chars().count() + 1;
        assert_eq!(err.column, cell, "{err}");
    }

    #[test]
    fn a_dataset_without_the_bound_column_still_loads() {
        let mut texts = texts_of(&Dataset::embedded().unwrap());
        for (name, text) in
            texts.iter_mut().filter(|(name, _)| name == "inventory.csv" || name == "production.csv")
        {
            // Drop the last column (`bound`) from the header and every row, as in files written
            // before it existed. Exported rows end in a bound word without quotes.
            let stripped: String =
                text.lines().map(|line| format!("{}\n", &line[..line.rfind(',').unwrap()])).collect();
            assert!(!stripped.lines().next().unwrap().contains("bound"), "{name}");
            *text = Arc::from(stripped);
        }
        let dataset = Dataset::from_texts("old", texts).unwrap();
        assert!(dataset.inventory.iter().all(|item| item.bound == Bound::Exact));
        assert!(dataset.production.iter().all(|figure| figure.bound == Bound::Exact));
    }

    /// The rows whose notes say the figure is a lower bound are marked so (issue 11): the
    /// three Russian rows a `match-threat` requirement rests on and the US interceptor row.
    #[test]
    fn the_baseline_marks_its_lower_bounds() {
        let dataset = Dataset::embedded().unwrap();
        let bound = |iso3: &str, scope: &str, line: &str| {
            dataset.holding(Iso3::parse(iso3).unwrap(), scope, line).map(|item| item.bound)
        };
        for line in ["sead_aircraft", "male_hale_drones", "isr_sigint_aircraft"] {
            assert_eq!(bound("RUS", "total", line), Some(Bound::Lower), "{line}");
        }
        assert_eq!(bound("USA", "europe", "interceptor_stock"), Some(Bound::Lower));
        assert_eq!(bound("DEU", "total", "main_battle_tanks"), Some(Bound::Exact));
    }

    #[cfg(unix)]
    #[test]
    fn r10_devices_and_directories_are_refused_without_reading() {
        // `/dev/zero` never ends: reading it whole would exhaust memory.
        let err = read_text_file(Path::new("/dev/zero"), 1000).unwrap_err();
        assert!(err.message.contains("not a regular file"), "{err}");
        let err = read_text_file(Path::new("/"), 1000).unwrap_err();
        assert!(err.message.contains("a directory"), "{err}");
    }

    /// The embedded tables with `rows` appended to `production.csv`.
    fn with_production_rows(rows: &str) -> Vec<(String, Arc<str>)> {
        let mut texts = texts_of(&Dataset::embedded().unwrap());
        let production = texts.iter_mut().find(|(name, _)| name == "production.csv").unwrap();
        production.1 = Arc::from(format!("{}{rows}", production.1).as_str());
        texts
    }

    #[test]
    fn a_procurement_pace_must_name_a_capability_line() {
        let texts = with_production_rows("POL,main_battle_tank,50,deliveries_per_year,2025,nato-members,\n");
        let error = Dataset::from_texts("test", texts).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("item"));
        assert!(error.message.contains("main_battle_tank"), "{error:?}");
        assert_eq!(error.suggestion.as_deref(), Some("main_battle_tanks"));
        assert!(error.line > 0 && error.column > 0, "{error:?}");
        // Industrial output may name any snake_case item.
        let texts = with_production_rows("POL,main_battle_tank,50,units_per_year,2025,nato-members,\n");
        assert!(Dataset::from_texts("test", texts).is_ok());
    }

    #[test]
    fn producers_are_countries_or_known_blocs_and_paces_belong_to_countries() {
        let errors_of = |rows: &str| -> Vec<String> {
            let dataset = Dataset::from_texts("test", with_production_rows(rows)).unwrap();
            check(&dataset)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| f.problem.message)
                .collect()
        };
        assert!(
            errors_of("EUU,artillery_shells_155mm,2000000,units_per_year,2025,nato-members,\n").is_empty()
        );
        let unknown = errors_of("EUX,artillery_shells_155mm,2000000,units_per_year,2025,nato-members,\n");
        assert_eq!(unknown.len(), 1, "{unknown:?}");
        assert!(unknown[0].contains("EUX"));
        let bloc_pace = errors_of("EUU,main_battle_tanks,50,deliveries_per_year,2025,nato-members,\n");
        assert_eq!(bloc_pace.len(), 1, "{bloc_pace:?}");
        assert!(bloc_pace[0].contains("not a country"));
    }

    #[test]
    fn the_procurement_pace_is_the_latest_row_of_the_country_and_line() {
        let rows = "SWE,main_battle_tanks,7,deliveries_per_year,2023,nato-members,\n\
                    SWE,main_battle_tanks,9,deliveries_per_year,2025,nato-members,\n\
                    SWE,main_battle_tanks,1000,units_per_year,2026,nato-members,\n";
        let dataset = Dataset::from_texts("test", with_production_rows(rows)).unwrap();
        let swe = Iso3::parse("SWE").unwrap();
        let pace = dataset.procurement_pace(swe, "main_battle_tanks").unwrap();
        assert_eq!((pace.value, pace.provenance.year), (9.0, 2025));
        assert!(pace.is_procurement());
        assert!(dataset.procurement_pace(swe, "ssk").is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Fuzzing the table parsers: any text in place of any one table gives a dataset or a
        /// located error, never a panic.
        #[test]
        fn any_table_text_is_handled(table_idx in 0..TABLE_FILES.len(), text in "\\PC{0,300}") {
            let mut texts = texts_of(&Dataset::embedded().unwrap());
            texts[table_idx].1 = Arc::from(text.as_str());
            if let Ok(dataset) = Dataset::from_texts("fuzz", texts) {
                let _ = check(&dataset);
            }
        }

        /// Rows mutated cell by cell exercise the typed parsers behind a valid header.
        #[test]
        fn mutated_rows_are_handled(table_idx in 0..TABLE_FILES.len(), cell in "[-a-z0-9_.,\"; ]{0,12}", position in 0usize..400) {
            let mut texts = texts_of(&Dataset::embedded().unwrap());
            let original = texts[table_idx].1.to_string();
            let header_end = original.find('\n').map_or(0, |i| i + 1);
            let at = (header_end + position).min(original.len());
            let at = (at..=original.len()).find(|i| original.is_char_boundary(*i)).unwrap_or(original.len());
            let mutated = format!("{}{}{}", &original[..at], cell, &original[at..]);
            texts[table_idx].1 = Arc::from(mutated.as_str());
            if let Ok(dataset) = Dataset::from_texts("fuzz", texts) {
                let _ = check(&dataset);
            }
        }
    }
}
