//! The assessment's structural choices in a scenario: `[ledger]` (requirement mode, adversary,
//! targets, weights), `[budget]` (per-country spending targets), `[closure]` (funding
//! priority, critical lines) and `[decision]` (governments that hold out). Numbers with units
//! live in `[parameters]`; these are choices.

use std::collections::BTreeMap;
use std::ops::Range;

use bulwark_core::{suggest::did_you_mean, InputError, Iso3};
use bulwark_data::Dataset;
use toml::Spanned;

use crate::raw::{RawBudget, RawClosure, RawDecision, RawLedger};
use crate::scenario::{Origin, Setting};

/// How the ledger sets each line's requirement (docs/design.md §4.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementMode {
    /// Keep today's alliance total: replace what the US withdraws.
    ReplaceUs,
    /// The adversary's holding times `threat_ratio`.
    MatchThreat,
    /// Numbers given in `[ledger.targets]`.
    Targets,
}

/// Spellings of [`RequirementMode`] in scenario files.
pub const REQUIREMENT_MODES: &[(&str, RequirementMode)] = &[
    ("replace-us", RequirementMode::ReplaceUs),
    ("match-threat", RequirementMode::MatchThreat),
    ("targets", RequirementMode::Targets),
];

impl RequirementMode {
    /// The spelling in scenario files.
    pub fn as_str(self) -> &'static str {
        REQUIREMENT_MODES.iter().find(|(_, m)| *m == self).map_or("?", |(name, _)| name)
    }
}

/// `[ledger]`, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerSettings {
    /// Requirement mode.
    pub requirement: Setting<RequirementMode>,
    /// The adversary for `match-threat`.
    pub adversary: Setting<Iso3>,
    /// Requirements per line for `targets`.
    pub targets: BTreeMap<String, Setting<f64>>,
    /// Weights per line in axis scores (1 when absent).
    pub weights: BTreeMap<String, Setting<f64>>,
}

/// A country's own spending target.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryTarget {
    /// Target share of GDP, %; the common target when `None`.
    pub target_pct: Option<f64>,
    /// Year the target is reached; the common year when `None`.
    pub target_year: Option<u16>,
    /// Real GDP growth, % a year; the common `real_gdp_growth` when `None`.
    pub real_gdp_growth_pct: Option<f64>,
}

/// `[budget]`, resolved.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BudgetSettings {
    /// Per-country departures from the common path.
    pub countries: BTreeMap<Iso3, Setting<CountryTarget>>,
}

/// `[closure]`, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosureSettings {
    /// Lines in the order gaps are funded; lines not listed come after, in catalogue order.
    pub priority: Setting<Vec<String>>,
    /// Lines whose closure ends the window of vulnerability.
    pub critical: Setting<Vec<String>>,
    /// Lines left out of the costing altogether (a study's scope, such as one that leaves out
    /// space and command and control); their gaps are still reported, never priced or scheduled.
    pub excluded: Setting<Vec<String>>,
    /// Lines without a sourced unit cost priced like another line (`destroyers = "frigates"`).
    pub cost_proxies: BTreeMap<String, Setting<String>>,
    /// Per-country factor on the procurement pace of the dataset (`deliveries_per_year`);
    /// a country not listed keeps its pace (factor 1).
    pub procurement_rate_multipliers: BTreeMap<Iso3, Setting<f64>>,
}

/// `[decision]`, resolved: the governments given a refusal probability of their own.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DecisionSettings {
    /// Per country, its government's probability of refusing to join a decision to defend an
    /// ally, in place of `decision_government_refusal_probability`; none in the baseline.
    pub holdouts: BTreeMap<Iso3, Setting<Holdout>>,
}

/// A government that may hold out, as a scenario judges it.
#[derive(Clone, Debug, PartialEq)]
pub struct Holdout {
    /// Probability that it refuses, 0 to 1.
    pub refusal_probability: f64,
    /// Why, in a line: a public, dated event or the judgement the scenario makes.
    pub rationale: String,
}

/// Range of `[closure.countries.XXX] procurement_rate_multiplier`: from a halt to ten times
/// today's pace, beyond which a constant-pace projection says nothing useful.
pub const PROCUREMENT_RATE_MULTIPLIER_RANGE: (f64, f64) = (0.0, 10.0);

impl ClosureSettings {
    /// The factor on a country's procurement pace: its setting, or 1.
    pub fn procurement_rate_multiplier(&self, iso3: Iso3) -> f64 {
        self.procurement_rate_multipliers.get(&iso3).map_or(1.0, |s| s.value)
    }
}

/// Layers one file's `[ledger]` onto what the files below it set.
pub(crate) fn apply_ledger(
    raw: &RawLedger,
    slot: &mut Option<LedgerSettings>,
    dataset: &Dataset,
    origin: &dyn Fn(Range<usize>) -> Origin,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<(), InputError> {
    let requirement = match &raw.requirement {
        Some(given) => {
            let mode =
                REQUIREMENT_MODES.iter().find(|(name, _)| name == given.get_ref()).ok_or_else(|| {
                    let names = REQUIREMENT_MODES.iter().map(|(n, _)| *n);
                    at(given.span(), format!("unknown requirement mode `{}`", given.get_ref()))
                        .with_field("ledger.requirement")
                        .with_expected("replace-us, match-threat or targets")
                        .with_suggestion(did_you_mean(given.get_ref(), names))
                })?;
            Some(Setting { value: mode.1, origin: origin(given.span()) })
        }
        None => None,
    };
    let adversary = match &raw.adversary {
        Some(given) => {
            let iso3 = country(given, dataset, "ledger.adversary", at)?;
            Some(Setting { value: iso3, origin: origin(given.span()) })
        }
        None => None,
    };
    let (Some(requirement), Some(adversary)) = (
        requirement.or_else(|| slot.as_ref().map(|s| s.requirement.clone())),
        adversary.or_else(|| slot.as_ref().map(|s| s.adversary.clone())),
    ) else {
        return Err(at(0..0, "the baseline's [ledger] must set `requirement` and `adversary`".into()));
    };
    let mut settings = slot.take().unwrap_or(LedgerSettings {
        requirement: requirement.clone(),
        adversary: adversary.clone(),
        targets: BTreeMap::new(),
        weights: BTreeMap::new(),
    });
    settings.requirement = requirement;
    settings.adversary = adversary;
    // Targets are holdings (the dataset's plausible maxima are below 10^7 items); weights are
    // relative, and a weight past 10^6 would drown every other line in the axis score.
    for (table, field, map, max) in [
        (&raw.targets, "ledger.targets", &mut settings.targets, 1.0e7),
        (&raw.weights, "ledger.weights", &mut settings.weights, 1.0e6),
    ] {
        for (line, value) in table {
            let line = line_id(line, dataset, field, at)?;
            if !(0.0..=max).contains(value.get_ref()) {
                return Err(at(value.span(), format!("{} is not a number from 0 to {max}", value.get_ref()))
                    .with_field(format!("{field}.{line}"))
                    .with_expected(format!("a finite number from 0 to {max}")));
            }
            map.insert(line, Setting { value: *value.get_ref(), origin: origin(value.span()) });
        }
    }
    *slot = Some(settings);
    Ok(())
}

/// Layers one file's `[budget]`.
pub(crate) fn apply_budget(
    raw: &RawBudget,
    settings: &mut BudgetSettings,
    dataset: &Dataset,
    origin: &dyn Fn(Range<usize>) -> Origin,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<(), InputError> {
    for (code, target) in &raw.countries {
        let iso3 = country(code, dataset, "budget.countries", at)?;
        let field = format!("budget.countries.{iso3}");
        let table = target.get_ref();
        // A percentage within `min..=max`, or an error at its place naming the field.
        let percent =
            |value: &Option<Spanned<f64>>, name: &str, (min, max): (f64, f64), what: &str, expected: &str| {
                match value {
                    Some(v) if !(min..=max).contains(v.get_ref()) => {
                        Err(at(v.span(), format!("{} is not {what}", v.get_ref()))
                            .with_field(format!("{field}.{name}"))
                            .with_expected(expected.to_string()))
                    }
                    v => Ok(v.as_ref().map(|v| *v.get_ref())),
                }
            };
        let target_pct = percent(
            &table.target_pct,
            "target_pct",
            (0.0, 100.0),
            "a share of GDP",
            "a percentage from 0 to 100",
        )?;
        let target_year = match &table.target_year {
            Some(year) => {
                Some(u16::try_from(*year.get_ref()).ok().filter(|y| (2025..=2100).contains(y)).ok_or_else(
                    || {
                        at(year.span(), format!("{} is not a target year", year.get_ref()))
                            .with_field(format!("{field}.target_year"))
                            .with_expected("a year from 2025 to 2100")
                    },
                )?)
            }
            None => None,
        };
        let real_gdp_growth_pct = percent(
            &table.real_gdp_growth_pct,
            "real_gdp_growth_pct",
            (-50.0, 100.0),
            "a growth rate",
            "a percentage a year from -50 to 100",
        )?;
        settings.countries.insert(
            iso3,
            Setting {
                value: CountryTarget { target_pct, target_year, real_gdp_growth_pct },
                origin: origin(target.span()),
            },
        );
    }
    Ok(())
}

/// Layers one file's `[closure]`.
pub(crate) fn apply_closure(
    raw: &RawClosure,
    slot: &mut Option<ClosureSettings>,
    dataset: &Dataset,
    origin: &dyn Fn(Range<usize>) -> Origin,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<(), InputError> {
    let list = |given: &Option<Spanned<Vec<Spanned<String>>>>,
                field: &str|
     -> Result<Option<Setting<Vec<String>>>, InputError> {
        let Some(given) = given else { return Ok(None) };
        let lines =
            given.get_ref().iter().map(|line| line_id(line, dataset, field, at)).collect::<Result<_, _>>()?;
        Ok(Some(Setting { value: lines, origin: origin(given.span()) }))
    };
    let priority = list(&raw.priority, "closure.priority")?;
    let critical = list(&raw.critical, "closure.critical")?;
    let excluded = list(&raw.excluded, "closure.excluded")?;
    let (Some(priority), Some(critical)) = (
        priority.or_else(|| slot.as_ref().map(|s| s.priority.clone())),
        critical.or_else(|| slot.as_ref().map(|s| s.critical.clone())),
    ) else {
        return Err(at(0..0, "the baseline's [closure] must set `priority` and `critical`".into()));
    };
    let excluded = excluded
        .or_else(|| slot.as_ref().map(|s| s.excluded.clone()))
        .unwrap_or(Setting { value: Vec::new(), origin: Origin::Default });
    let (mut cost_proxies, mut procurement_rate_multipliers) =
        slot.take().map(|s| (s.cost_proxies, s.procurement_rate_multipliers)).unwrap_or_default();
    for (line, proxy) in &raw.cost_proxies {
        let line = line_id(line, dataset, "closure.cost_proxies", at)?;
        let field = format!("closure.cost_proxies.{line}");
        let proxy_line = line_id(proxy, dataset, &field, at)?;
        if proxy_line == line {
            return Err(at(proxy.span(), format!("`{line}` is priced like itself, so it stays unpriced"))
                .with_field(field)
                .with_expected("another line that has a sourced unit cost"));
        }
        cost_proxies.insert(line, Setting { value: proxy_line, origin: origin(proxy.span()) });
    }
    // A proxy that is itself priced by proxy would leave a chain (or a loop) to follow; the
    // closure model looks one step, so refuse it where it is written.
    for (line, proxy) in &raw.cost_proxies {
        if let Some(next) = cost_proxies.get(proxy.get_ref()) {
            return Err(at(
                proxy.span(),
                format!("`{}` is itself priced like `{}`: proxies do not chain", proxy.get_ref(), next.value),
            )
            .with_field(format!("closure.cost_proxies.{}", line.get_ref()))
            .with_expected("a line that has a sourced unit cost"));
        }
    }
    for (code, table) in &raw.countries {
        let iso3 = country(code, dataset, "closure.countries", at)?;
        let Some(multiplier) = &table.get_ref().procurement_rate_multiplier else { continue };
        let (min, max) = PROCUREMENT_RATE_MULTIPLIER_RANGE;
        if !(min..=max).contains(multiplier.get_ref()) {
            return Err(at(
                multiplier.span(),
                format!("{} is not a procurement rate multiplier", multiplier.get_ref()),
            )
            .with_field(format!("closure.countries.{iso3}.procurement_rate_multiplier"))
            .with_expected(format!("a factor from {min} to {max} on the country's pace (1 keeps it)")));
        }
        procurement_rate_multipliers
            .insert(iso3, Setting { value: *multiplier.get_ref(), origin: origin(multiplier.span()) });
    }
    *slot =
        Some(ClosureSettings { priority, critical, excluded, cost_proxies, procurement_rate_multipliers });
    Ok(())
}

fn country(
    given: &Spanned<String>,
    dataset: &Dataset,
    field: &str,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<Iso3, InputError> {
    dataset.find_country(given.get_ref()).ok_or_else(|| {
        at(given.span(), format!("`{}` is not a country of the dataset", given.get_ref()))
            .with_field(field.to_string())
            .with_expected("an ISO 3166 alpha-3 code of countries.csv")
            .with_suggestion(did_you_mean(given.get_ref(), dataset.countries.iter().map(|c| c.iso3.as_str())))
    })
}

fn line_id(
    given: &Spanned<String>,
    dataset: &Dataset,
    field: &str,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<String, InputError> {
    if dataset.line(given.get_ref()).is_some() {
        return Ok(given.get_ref().clone());
    }
    Err(at(given.span(), format!("unknown capability line `{}`", given.get_ref()))
        .with_field(field.to_string())
        .with_expected("a line of capability_lines.csv (`bulwark data show lines`)")
        .with_suggestion(did_you_mean(given.get_ref(), dataset.lines.iter().map(|l| l.id.as_str()))))
}

/// Layers one file's `[decision]`: each country named replaces what the files below set for it.
pub(crate) fn apply_decision(
    raw: &RawDecision,
    settings: &mut DecisionSettings,
    dataset: &Dataset,
    origin: &dyn Fn(Range<usize>) -> Origin,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<(), InputError> {
    for (code, table) in &raw.countries {
        let iso3 = country(code, dataset, "decision.countries", at)?;
        let field = format!("decision.countries.{iso3}");
        let given = table.get_ref();
        let Some(probability) = &given.refusal_probability else {
            return Err(at(table.span(), format!("hold-out `{iso3}` gives no refusal probability"))
                .with_field(format!("{field}.refusal_probability"))
                .with_expected("a probability from 0 to 1"));
        };
        if !(0.0..=1.0).contains(probability.get_ref()) {
            return Err(at(probability.span(), format!("{} is not a probability", probability.get_ref()))
                .with_field(format!("{field}.refusal_probability"))
                .with_expected("a probability from 0 to 1"));
        }
        let rationale = given.rationale.as_deref().map(str::trim).unwrap_or_default();
        if rationale.is_empty() {
            return Err(at(table.span(), format!("hold-out `{iso3}` gives no rationale"))
                .with_field(format!("{field}.rationale"))
                .with_expected("a line citing a public, dated event, or saying it is a judgement"));
        }
        let holdout =
            Holdout { refusal_probability: *probability.get_ref(), rationale: rationale.to_string() };
        settings.holdouts.insert(iso3, Setting { value: holdout, origin: origin(table.span()) });
    }
    Ok(())
}
