//! Reading a scenario and its `extends` chain, and layering the chain into a [`Scenario`].

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bulwark_core::{line_column, suggest::did_you_mean, InputError, Iso3};
use bulwark_data::{read_text_file, Dataset};
use toml::Spanned;

use crate::catalogue::Param;
use crate::embedded::{embedded_names, embedded_text};
use crate::parameter::{self, Parameter};
use crate::raw::{RawCoalition, RawScenario, RawUsPosture};
use crate::scenario::{Coalition, Origin, Scenario, Setting, UsPosture, MAX_SCENARIO_BYTES};
use crate::settings::{self, BudgetSettings, ClosureSettings, DecisionSettings, LedgerSettings};

/// The scenario every chain ends in; its parameters are the catalogue.
const BASELINE: &str = "baseline";

/// One file of the chain, parsed.
struct Layer {
    label: String,
    text: Arc<str>,
    raw: RawScenario,
    is_baseline: bool,
}

impl Scenario {
    /// Loads a scenario from a path, or an embedded scenario by name (`baseline`, `intel-cut`),
    /// and resolves it against `dataset`.
    pub fn load(spec: &str, dataset: &Dataset) -> Result<Scenario, InputError> {
        let Some(location) = locate(spec, None, false) else {
            return Err(InputError::whole_file(
                spec,
                "no such embedded scenario, and not a path to a .toml file",
            )
            .with_expected(format!(
                "a path to a .toml file or one of {}",
                embedded_names().collect::<Vec<_>>().join(", ")
            ))
            .with_suggestion(did_you_mean(spec, embedded_names())));
        };
        Scenario::resolve(read_chain(location)?, dataset)
    }

    /// Parses a scenario from text (a file's contents, labelled `label` in errors). Paths in
    /// its `extends` are relative to the working directory.
    pub fn parse(label: &str, text: &str, dataset: &Dataset) -> Result<Scenario, InputError> {
        Scenario::resolve(read_chain(Location::Text(label.to_string(), Arc::from(text)))?, dataset)
    }

    fn resolve(chain: Vec<Layer>, dataset: &Dataset) -> Result<Scenario, InputError> {
        let mut state = State::default();
        for layer in chain.iter().rev() {
            state.apply(layer, dataset)?;
        }
        let scenario = state.finish(chain.iter().map(|l| l.label.clone()).collect())?;
        parameter::check_orderings(&scenario)?;
        // Levers are checked against the parameters the whole chain leaves, at their own place.
        for name in scenario.levers.keys() {
            scenario.with_lever(name)?;
        }
        Ok(scenario)
    }
}

/// Where a chain entry lives: compiled in, or a file.
enum Location {
    Embedded(&'static str),
    File(PathBuf),
    Text(String, Arc<str>),
}

/// Where `spec` points: an embedded scenario, or a `.toml` file. A `from_extends` spec must be
/// relative (to `relative_to`, the extending file's folder, or the working directory).
fn locate(spec: &str, relative_to: Option<&Path>, from_extends: bool) -> Option<Location> {
    if let Some(name) = embedded_names().find(|n| *n == spec) {
        return Some(Location::Embedded(name));
    }
    // Only `.toml` files are read as scenarios; and `extends` may only name a path relative to
    // its own file, so that a scenario cannot make the loader read (and an error echo) any
    // file of the machine, such as `/etc/passwd` (issue 10).
    if !spec.ends_with(".toml") {
        return None;
    }
    let relative = Path::new(spec);
    if from_extends && (relative.is_absolute() || relative.has_root() || spec.contains(':')) {
        return None;
    }
    let path = match relative_to {
        Some(dir) => dir.join(relative),
        None => PathBuf::from(spec),
    };
    Some(Location::File(path))
}

/// Reads the scenario and everything it extends, the scenario itself first.
fn read_chain(mut location: Location) -> Result<Vec<Layer>, InputError> {
    let mut chain: Vec<Layer> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    loop {
        let (label, text, dir, is_baseline) = match &location {
            Location::Embedded(name) => (
                format!("embedded:{name}"),
                Arc::from(embedded_text(name).unwrap_or("")),
                None,
                *name == BASELINE,
            ),
            Location::File(path) => {
                let text = read_text_file(path, MAX_SCENARIO_BYTES)?;
                (path.display().to_string(), text, path.parent().map(Path::to_path_buf), false)
            }
            Location::Text(label, text) => (label.clone(), text.clone(), None, false),
        };
        let key = match &location {
            Location::Embedded(name) => format!("embedded:{name}"),
            Location::File(path) => {
                std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()).display().to_string()
            }
            Location::Text(label, _) => format!("text:{label}"),
        };
        if text.trim().is_empty() {
            return Err(InputError::whole_file(&label, "the scenario file is empty")
                .with_expected("TOML with at least `name` and usually `extends = \"baseline\"`"));
        }
        let raw: RawScenario = toml::from_str(&text).map_err(|err| toml_error(&label, &text, &err))?;
        if raw.sets_nothing() {
            return Err(InputError::whole_file(
                &label,
                "the scenario file sets nothing (only comments or blank lines)",
            )
            .with_expected("TOML with at least `name` and usually `extends = \"baseline\"`"));
        }
        check_texts(&label, &text, &raw)?;
        if seen.contains(&key) {
            let span = raw.extends.as_ref().map_or(0..0, |e| e.span());
            let mut cycle: Vec<&str> = chain.iter().map(|l| l.label.as_str()).collect();
            cycle.push(&label);
            let previous = chain.last().map_or(label.clone(), |l| l.label.clone());
            let previous_text = chain.last().map_or(text.clone(), |l| l.text.clone());
            let previous_span = chain.last().and_then(|l| l.raw.extends.as_ref()).map_or(span, |e| e.span());
            return Err(InputError::at_span(
                previous,
                &previous_text,
                previous_span,
                format!("cyclic `extends`: {}", cycle.join(" → ")),
            )
            .with_field("extends")
            .with_expected("a chain of scenarios that ends in `baseline`"));
        }
        seen.push(key);
        let next = match (&raw.extends, is_baseline) {
            (_, true) => None,
            (Some(extends), false) => {
                Some(locate(extends.get_ref(), dir.as_deref(), true).ok_or_else(|| {
                    InputError::at_span(
                        &label,
                        &text,
                        extends.span(),
                        format!("unknown scenario `{}`", extends.get_ref()),
                    )
                    .with_field("extends")
                    .with_expected(format!(
                        "a relative path to a .toml file, or one of {}",
                        embedded_names().collect::<Vec<_>>().join(", ")
                    ))
                    .with_suggestion(did_you_mean(extends.get_ref(), embedded_names()))
                })?)
            }
            (None, false) => Some(Location::Embedded(BASELINE)),
        };
        if let (Some(Location::File(path)), Some(extends)) = (&next, &raw.extends) {
            if !path.is_file() {
                return Err(InputError::at_span(
                    &label,
                    &text,
                    extends.span(),
                    format!("cannot find `{}`", path.display()),
                )
                .with_field("extends")
                .with_expected("a path relative to this file, or an embedded scenario name"));
            }
        }
        chain.push(Layer { label, text, raw, is_baseline });
        match next {
            Some(next) => location = next,
            None => return Ok(chain),
        }
    }
}

/// Refuses control characters (NUL, ESC, …) in the scenario's free text, which would reach
/// terminals and reports; and keeps names to letters, digits, spaces and `- _ . , ( ) ' /`,
/// since a name is printed in headings and file listings.
fn check_texts(label: &str, text: &Arc<str>, raw: &RawScenario) -> Result<(), InputError> {
    let span_of = |needle: &str| text.find(needle).map_or(0..0, |start| start..start + needle.len());
    let control = |s: &str| s.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    if let Some(name) = &raw.name {
        let allowed = |c: char| c.is_alphanumeric() || " -_.,()'/".contains(c);
        if name.get_ref().is_empty()
            || !name.get_ref().chars().all(allowed)
            || name.get_ref().chars().count() > 120
        {
            return Err(InputError::at_span(
                label,
                text,
                name.span(),
                "the name holds characters a name cannot",
            )
            .with_field("name")
            .with_expected("1 to 120 letters, digits, spaces or - _ . , ( ) ' /"));
        }
    }
    let rationales = raw.parameters.iter().filter_map(|(name, p)| {
        p.get_ref()
            .rationale
            .as_deref()
            .map(|r| (format!("parameters.{}.rationale", name.get_ref()), r, p.span()))
    });
    let description =
        raw.description.as_deref().map(|d| ("description".to_string(), d, span_of("description")));
    for (field, value, span) in description.into_iter().chain(rationales) {
        if control(value) {
            return Err(InputError::at_span(
                label,
                text,
                span,
                "the text holds a control character (NUL, ESC, …)",
            )
            .with_field(field)
            .with_expected("printable text"));
        }
    }
    Ok(())
}

/// Turns a TOML syntax or shape error into an [`InputError`] with the key and a near miss.
fn toml_error(label: &str, text: &Arc<str>, err: &toml::de::Error) -> InputError {
    let span = err.span().unwrap_or(0..0);
    let message = err.message().trim().to_string();
    let mut error = InputError::at_span(label, text, span.clone(), message.clone());
    if let Some(key) = key_path_at(text, span.start) {
        error = error.with_field(key);
    }
    // serde's wording: "unknown field `tanker`, expected one of `a`, `b`" (or "expected `a` or `b`").
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).filter(|s| !s.is_empty()).collect();
        error.message = format!("unknown field `{unknown}`");
        if !expected.is_empty() {
            error = error.with_expected(format!("one of {}", expected.join(", ")));
        }
        error = error.with_suggestion(did_you_mean(unknown, expected));
    }
    error
}

/// The dotted key (`us_posture.enablers`) whose line holds byte `offset`, read from the text.
fn key_path_at(text: &str, offset: usize) -> Option<String> {
    let (line_no, _) = line_column(text, offset);
    let lines: Vec<&str> = text.lines().collect();
    let line = lines.get(line_no.checked_sub(1)?)?.trim();
    let table = lines[..line_no - 1]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    let key = if line.starts_with('[') {
        return Some(line.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    } else {
        line.split('=').next()?.trim()
    };
    if key.is_empty() {
        return table;
    }
    Some(match table {
        Some(table) => format!("{table}.{key}"),
        None => key.to_string(),
    })
}

/// The scenario being built, layer by layer from the baseline up.
#[derive(Default)]
struct State {
    name: Option<String>,
    description: Option<String>,
    seed: Option<Setting<u64>>,
    coalition: Option<Setting<Coalition>>,
    conventional: Option<Setting<f64>>,
    enablers: Option<Setting<f64>>,
    intelligence: Option<Setting<f64>>,
    nuclear: Option<Setting<f64>>,
    ledger: Option<LedgerSettings>,
    budget: BudgetSettings,
    closure: Option<ClosureSettings>,
    decision: DecisionSettings,
    parameters: BTreeMap<String, Parameter>,
    levers: BTreeMap<String, crate::lever::Lever>,
}

impl State {
    fn apply(&mut self, layer: &Layer, dataset: &Dataset) -> Result<(), InputError> {
        let origin = |span: Range<usize>| {
            if layer.is_baseline {
                Origin::Default
            } else {
                Origin::Set { file: layer.label.clone(), line: line_column(&layer.text, span.start).0 }
            }
        };
        let at = |span: Range<usize>, message: String| {
            InputError::at_span(&layer.label, &layer.text, span, message)
        };
        let raw = &layer.raw;
        if let Some(name) = &raw.name {
            self.name = Some(name.get_ref().clone());
        }
        // A description speaks for the file that writes it: a scenario that extends another and
        // says nothing of itself gets none, never its parent's (the report then describes it
        // from its settings).
        self.description = raw.description.clone();
        if let Some(seed) = &raw.seed {
            let value = u64::try_from(*seed.get_ref()).map_err(|_| {
                at(seed.span(), format!("seed {} is negative", seed.get_ref()))
                    .with_field("seed")
                    .with_expected("a whole number of 0 or more")
            })?;
            self.seed = Some(Setting { value, origin: origin(seed.span()) });
        }
        if let Some(coalition) = &raw.coalition {
            let (value, span) = resolve_coalition(coalition, dataset, &at)?;
            self.coalition = Some(Setting { value, origin: origin(span) });
        }
        if let Some(posture) = &raw.us_posture {
            self.apply_posture(posture, &origin, &at)?;
        }
        if let Some(ledger) = &raw.ledger {
            settings::apply_ledger(ledger, &mut self.ledger, dataset, &origin, &at)?;
        }
        if let Some(budget) = &raw.budget {
            settings::apply_budget(budget, &mut self.budget, dataset, &origin, &at)?;
        }
        if let Some(closure) = &raw.closure {
            settings::apply_closure(closure, &mut self.closure, dataset, &origin, &at)?;
        }
        if let Some(decision) = &raw.decision {
            settings::apply_decision(decision, &mut self.decision, dataset, &origin, &at)?;
        }
        for (name, table) in &raw.parameters {
            let inherited = self.parameters.get(name.get_ref());
            if inherited.is_none() && !layer.is_baseline {
                return Err(at(name.span(), format!("unknown parameter `{}`", name.get_ref()))
                    .with_field(format!("parameters.{}", name.get_ref()))
                    .with_expected(
                        "a parameter of the baseline scenario (`bulwark scenario show baseline` lists them)",
                    )
                    .with_suggestion(did_you_mean(
                        name.get_ref(),
                        self.parameters.keys().map(String::as_str),
                    )));
            }
            let parameter =
                parameter::resolve(&layer.label, &layer.text, name, table, inherited, origin(table.span()))?;
            self.parameters.insert(name.get_ref().clone(), parameter);
        }
        for (name, table) in &layer.raw.levers {
            let lever =
                crate::lever::resolve(&layer.label, &layer.text, name, table, dataset, origin(table.span()))?;
            self.levers.insert(name.get_ref().clone(), lever);
        }
        Ok(())
    }

    fn apply_posture(
        &mut self,
        posture: &RawUsPosture,
        origin: &dyn Fn(Range<usize>) -> Origin,
        at: &dyn Fn(Range<usize>, String) -> InputError,
    ) -> Result<(), InputError> {
        let fields = [
            ("conventional", &posture.conventional, &mut self.conventional),
            ("enablers", &posture.enablers, &mut self.enablers),
            ("intelligence", &posture.intelligence, &mut self.intelligence),
            ("nuclear", &posture.nuclear, &mut self.nuclear),
        ];
        for (name, given, slot) in fields {
            let Some(given) = given else { continue };
            let value = *given.get_ref();
            if !(0.0..=1.0).contains(&value) {
                return Err(at(given.span(), format!("{value} is outside 0 to 1"))
                    .with_field(format!("us_posture.{name}"))
                    .with_expected(
                        "the share of the US contribution that stays, from 0 (none) to 1 (as today)",
                    ));
            }
            *slot = Some(Setting { value, origin: origin(given.span()) });
        }
        Ok(())
    }

    fn finish(self, chain: Vec<String>) -> Result<Scenario, InputError> {
        let missing = |what: &str| {
            InputError::whole_file(
                chain.last().cloned().unwrap_or_default(),
                format!("the baseline does not set `{what}`"),
            )
        };
        // The catalogue and the baseline must name the same parameters: code reads only
        // catalogue entries, and every entry needs the baseline's default, unit and rationale.
        if let Some(param) = Param::ALL.iter().find(|p| !self.parameters.contains_key(p.name())) {
            return Err(missing(&format!("parameters.{param}")));
        }
        if let Some(name) = self.parameters.keys().find(|name| Param::from_name(name).is_none()) {
            return Err(InputError::whole_file(
                chain.last().cloned().unwrap_or_default(),
                format!("parameter `{name}` is not in the parameter catalogue"),
            ));
        }
        Ok(Scenario {
            name: self.name.ok_or_else(|| missing("name"))?,
            description: self.description.unwrap_or_default(),
            seed: self.seed.ok_or_else(|| missing("seed"))?,
            coalition: self.coalition.ok_or_else(|| missing("coalition"))?,
            us_posture: UsPosture {
                conventional: self.conventional.ok_or_else(|| missing("us_posture.conventional"))?,
                enablers: self.enablers.ok_or_else(|| missing("us_posture.enablers"))?,
                intelligence: self.intelligence.ok_or_else(|| missing("us_posture.intelligence"))?,
                nuclear: self.nuclear.ok_or_else(|| missing("us_posture.nuclear"))?,
            },
            ledger: self.ledger.ok_or_else(|| missing("ledger"))?,
            budget: self.budget,
            closure: self.closure.ok_or_else(|| missing("closure"))?,
            decision: self.decision,
            parameters: self.parameters,
            levers: self.levers,
            chain,
        })
    }
}

/// Resolves group ids and country codes into members; returns the span to cite as origin.
fn resolve_coalition(
    raw: &RawCoalition,
    dataset: &Dataset,
    at: &dyn Fn(Range<usize>, String) -> InputError,
) -> Result<(Coalition, Range<usize>), InputError> {
    let names: Vec<String> = dataset
        .groups
        .iter()
        .map(|g| g.id.clone())
        .chain(dataset.countries.iter().map(|c| c.iso3.to_string()))
        .collect();
    let expand = |entries: &Option<Vec<Spanned<String>>>, field: &str| -> Result<Vec<Iso3>, InputError> {
        let mut members = Vec::new();
        for entry in entries.iter().flatten() {
            let text = entry.get_ref();
            if dataset.group(text).is_some() {
                members.extend(dataset.members(text));
            } else if let Some(iso3) = dataset.find_country(text) {
                members.push(iso3);
            } else {
                return Err(at(
                    entry.span(),
                    format!("`{text}` is neither a group nor a country of the dataset"),
                )
                .with_field(format!("coalition.{field}"))
                .with_expected("a group id (NATO, EU, JEF) or an ISO 3166 alpha-3 code of countries.csv")
                .with_suggestion(did_you_mean(text, names.iter().map(String::as_str))));
            }
        }
        Ok(members)
    };
    let included = expand(&raw.include, "include")?;
    let excluded = expand(&raw.exclude, "exclude")?;
    let members: Vec<Iso3> = dataset
        .countries
        .iter()
        .map(|c| c.iso3)
        .filter(|c| included.contains(c) && !excluded.contains(c))
        .collect();
    let span =
        raw.include.iter().flatten().chain(raw.exclude.iter().flatten()).next().map_or(0..0, |e| e.span());
    if members.is_empty() {
        return Err(at(span, "the coalition has no members".into())
            .with_field("coalition")
            .with_expected("`include` naming at least one country that `exclude` does not remove"));
    }
    let texts = |entries: &Option<Vec<Spanned<String>>>| {
        entries.iter().flatten().map(|e| e.get_ref().clone()).collect()
    };
    Ok((Coalition { include: texts(&raw.include), exclude: texts(&raw.exclude), members }, span))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn dataset() -> Dataset {
        Dataset::embedded().expect("the embedded dataset loads")
    }

    fn parse(text: &str) -> Result<Scenario, InputError> {
        Scenario::parse("test.toml", text, &dataset())
    }

    #[test]
    fn baseline_sets_everything_as_defaults() {
        let baseline = Scenario::load("baseline", &dataset()).unwrap();
        assert_eq!(baseline.chain, vec!["embedded:baseline".to_string()]);
        assert!(baseline.parameters.values().all(|p| p.origin == Origin::Default));
        assert!(!baseline.coalition.value.members.iter().any(|c| c.as_str() == "USA"));
        assert_eq!(baseline.coalition.value.members.len(), 34);
    }

    #[test]
    fn an_override_records_where_it_was_set() {
        let scenario = parse("name = \"x\"\n[us_posture]\nintelligence = 0.25\n").unwrap();
        assert!((scenario.us_posture.intelligence.value - 0.25).abs() < 1e-12);
        assert_eq!(
            scenario.us_posture.intelligence.origin,
            Origin::Set { file: "test.toml".into(), line: 3 }
        );
        assert_eq!(scenario.us_posture.nuclear.origin, Origin::Default);
        assert_eq!(scenario.chain, vec!["test.toml".to_string(), "embedded:baseline".to_string()]);
    }

    #[test]
    fn misspelt_keys_get_a_suggestion_and_a_position() {
        let err = parse("name = \"x\"\n[us_posture]\nenabler = 0.5\n").unwrap_err();
        assert_eq!(err.location(), "test.toml:3:1");
        assert_eq!(err.suggestion.as_deref(), Some("enablers"));
        assert_eq!(err.field.as_deref(), Some("us_posture.enabler"));
        let err = parse("[parameters.availabilty_air]\nvalue = 0.5\n").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("availability_air"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any catalogue parameter, misspelt by one dropped, doubled or swapped letter, fails to
        /// load where it stands and points back at the catalogue.
        #[test]
        fn a_misspelt_catalogue_parameter_is_a_located_error(
            param_idx in 0..Param::ALL.len(),
            edit in 0..3usize,
            pos_seed in any::<usize>(),
        ) {
            let name = Param::ALL[param_idx].name();
            let mut chars: Vec<char> = name.chars().collect();
            let pos = pos_seed % (chars.len() - 1);
            match edit {
                0 => { chars.remove(pos); }
                1 => chars.insert(pos, chars[pos]),
                _ => chars.swap(pos, pos + 1),
            }
            let misspelt: String = chars.into_iter().collect();
            prop_assume!(Param::from_name(&misspelt).is_none());
            let err = parse(&format!("name = \"x\"\n[parameters.{misspelt}]\nvalue = 1\n")).unwrap_err();
            prop_assert_eq!(err.location(), "test.toml:2:13");
            let field = format!("parameters.{misspelt}");
            prop_assert_eq!(err.field.as_deref(), Some(field.as_str()));
            prop_assert!(err.message.contains("unknown parameter"), "{}", err);
            prop_assert!(err.suggestion.is_some(), "no suggestion for {}", misspelt);
        }
    }

    #[test]
    fn country_aliases_resolve_to_the_country_meant() {
        // r9: `UK` once suggested Ukraine and `GER` Great Britain.
        let scenario = parse("name = \"x\"\n[coalition]\ninclude = [\"UK\", \"GER\", \"France\"]\n").unwrap();
        let members: Vec<&str> = scenario.coalition.value.members.iter().map(|m| m.as_str()).collect();
        assert_eq!(members, ["FRA", "DEU", "GBR"]);
    }

    #[test]
    fn values_outside_their_unit_are_refused_where_they_stand() {
        let err = parse("[parameters.availability_air]\nvalue = 1.2\n").unwrap_err();
        assert_eq!(err.location(), "test.toml:2:9");
        assert!(err.message.contains("outside the range of unit `fraction`"), "{err}");
        let err = parse("[coalition]\ninclude = [\"DUE\"]\n").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("DEU"));
    }

    #[test]
    fn r10_nan_and_infinity_are_located_errors_at_load() {
        let cases = [
            "[parameters.availability_air]\nnormal = { mean = 0.6, sd = nan, min = 0.5, max = 0.7 }\n",
            "[parameters.availability_air]\ndiscrete = { values = [0.5, nan] }\n",
            "[parameters.availability_air]\nuniform = { min = 0.5, max = inf }\n",
            "[ledger.weights]\nmain_battle_tanks = nan\n",
            "[ledger.targets]\nmain_battle_tanks = inf\n",
            "[ledger.targets]\nmain_battle_tanks = 1e300\n",
            "[budget.countries.DEU]\ntarget_pct = nan\n",
            "[us_posture]\nnuclear = nan\n",
        ];
        for case in cases {
            let err = parse(&format!("name = \"x\"\n{case}")).unwrap_err();
            assert!(err.line >= 2 && err.field.is_some(), "{case}: {err}");
        }
    }

    #[test]
    fn r10_values_that_make_every_run_fail_are_refused_with_the_reason() {
        let err = parse("name = \"x\"\n[parameters.campaign_step_hours]\nvalue = 0.0\n").unwrap_err();
        assert!(err.message.contains("make every run fail"), "{err}");
        assert_eq!(err.field.as_deref(), Some("parameters.campaign_step_hours"));
        assert!(parse("name = \"x\"\n[parameters.campaign_step_hours]\nvalue = 0.5\n").is_ok());
    }

    #[test]
    fn lines_left_out_of_the_costing_are_line_ids_and_inherited() {
        let err = parse("name = \"x\"\n[closure]\nexcluded = [\"tanker\"]\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert!(err.field.as_deref().is_some_and(|f| f.starts_with("closure.excluded")), "{err}");
        assert!(err.to_string().contains("tanker_aircraft"), "a suggestion: {err}");
        assert!(parse("name = \"x\"\n").unwrap().closure.excluded.value.is_empty());
        let given = parse("name = \"x\"\n[closure]\nexcluded = [\"tanker_aircraft\"]\n").unwrap();
        assert_eq!(given.closure.excluded.value, vec!["tanker_aircraft".to_string()]);
    }

    #[test]
    fn an_unbounded_strike_campaign_length_is_refused_at_load() {
        // A lognormal has no upper bound; the IAMD run-out day needs one, so `simulate iamd`
        // refused such a scenario after `scenario check` had accepted it.
        let lognormal = "[parameters.iamd_campaign_days]\nlognormal = { median = 30.0, sigma = 0.1 }\n";
        let err = parse(&format!("name = \"x\"\n{lognormal}")).unwrap_err();
        assert!(err.message.contains("make every run fail"), "{err}");
        assert_eq!(err.field.as_deref(), Some("parameters.iamd_campaign_days"));
        let bounded = "[parameters.iamd_campaign_days]\nuniform = { min = 20.0, max = 40.0 }\n";
        assert!(parse(&format!("name = \"x\"\n{bounded}")).is_ok());
    }

    #[test]
    fn r10_crossed_parameter_pairs_are_refused_where_they_are_set() {
        let err = parse("name = \"x\"\n[parameters.campaign_full_speed_ratio]\nvalue = 0.01\n").unwrap_err();
        assert!(err.message.contains("campaign_stall_ratio"), "{err}");
        assert_eq!(
            (err.file.as_str(), err.field.as_deref()),
            ("test.toml", Some("parameters.campaign_full_speed_ratio"))
        );
        assert!(err.line >= 2, "{err}");
        let err = parse("name = \"x\"\n[parameters.campaign_hold_day]\nvalue = 90\n").unwrap_err();
        assert!(err.message.contains("campaign_horizon_days"), "{err}");
    }

    #[test]
    fn r10_extends_takes_only_embedded_names_and_relative_toml_paths() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, "root:x:0:0:SECRET-LINE\n").unwrap();
        for target in [secret.display().to_string(), "/etc/passwd".to_string(), "secret.txt".to_string()] {
            let file = dir.path().join("s.toml");
            std::fs::write(&file, format!("name = \"x\"\nextends = {target:?}\n")).unwrap();
            let err = Scenario::load(&file.display().to_string(), &dataset()).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("extends"), "{err}");
            let shown = format!("{err} {:?}", err.snippet.as_ref().map(|(text, _)| text.to_string()));
            assert!(!shown.contains("SECRET-LINE") && !shown.contains("root:"), "{shown}");
        }
        let absolute = dir.path().join("abs.toml");
        std::fs::write(&absolute, "name = \"y\"\n").unwrap();
        let err =
            parse(&format!("name = \"x\"\nextends = {:?}\n", absolute.display().to_string())).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("extends"), "{err}");
    }

    #[test]
    fn r10_comments_only_files_and_control_characters_are_refused() {
        let err = parse("# nothing here\n\n# at all\n").unwrap_err();
        assert!(err.message.contains("sets nothing"), "{err}");
        let err = parse("name = \"x\\u001b[31m\"\n").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("name"));
        let err = parse("name = \"x\"\ndescription = \"a\\u0000b\"\n").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("description"));
        assert!(parse("name = \"<script>\"\n").is_err());
    }

    #[test]
    fn r10_a_cost_proxy_to_its_own_line_is_refused() {
        let err = parse("name = \"x\"\n[closure.cost_proxies]\ndestroyers = \"destroyers\"\n").unwrap_err();
        assert!(err.message.contains("priced like itself"), "{err}");
        assert_eq!(err.line, 3);
    }

    #[test]
    fn a_holdout_needs_a_probability_and_a_rationale_and_is_located() {
        let text = "[decision.countries.HUN]\nrefusal_probability = 0.2\nrationale = \"Judgement: test\"\n";
        let scenario = parse(text).unwrap();
        let hun = &scenario.decision.holdouts[&Iso3::parse("HUN").unwrap()];
        assert!((hun.value.refusal_probability - 0.2).abs() < 1e-12);
        assert_eq!(hun.origin, Origin::Set { file: "test.toml".into(), line: 1 });
        assert!(Scenario::load("baseline", &dataset()).unwrap().decision.holdouts.is_empty());
        let err =
            parse("[decision.countries.HUN]\nrefusal_probability = 1.5\nrationale = \"x\"\n").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("decision.countries.HUN.refusal_probability"));
        assert_eq!(err.line, 2);
        let err = parse("[decision.countries.HUN]\nrefusal_probability = 0.5\n").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("decision.countries.HUN.rationale"));
        let err =
            parse("[decision.countries.HNU]\nrefusal_probability = 0.5\nrationale = \"x\"\n").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("HUN"));
        let err = parse("[decision.countries.HUN]\nrefusal = 0.5\n").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("refusal_probability"));
    }

    #[test]
    fn a_country_procurement_multiplier_is_layered_and_checked() {
        let scenario = parse("[closure.countries.POL]\nprocurement_rate_multiplier = 1.5\n").unwrap();
        let pol = Iso3::parse("POL").unwrap();
        assert!((scenario.closure.procurement_rate_multiplier(pol) - 1.5).abs() < 1e-12);
        assert_eq!(
            scenario.closure.procurement_rate_multipliers[&pol].origin,
            Origin::Set { file: "test.toml".into(), line: 2 }
        );
        // Not listed: today's pace.
        assert!(
            (scenario.closure.procurement_rate_multiplier(Iso3::parse("DEU").unwrap()) - 1.0).abs() < 1e-12
        );
        // The baseline's [closure] lists are kept when a file sets only a country.
        let baseline = Scenario::load("baseline", &dataset()).unwrap();
        assert_eq!(scenario.closure.priority.value, baseline.closure.priority.value);

        let err = parse("[closure.countries.POL]\nprocurement_rate_multiplier = 11\n").unwrap_err();
        assert_eq!(err.location(), "test.toml:2:31");
        assert_eq!(err.field.as_deref(), Some("closure.countries.POL.procurement_rate_multiplier"));
        assert!(err.expected.as_deref().unwrap_or("").contains("from 0 to 10"), "{err}");
        let err = parse("[closure.countries.PLO]\nprocurement_rate_multiplier = 2\n").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("POL"));
        assert_eq!(err.field.as_deref(), Some("closure.countries"));
        let err = parse("[closure.countries.POL]\nprocurement_rate = 2\n").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("procurement_rate_multiplier"));
    }

    #[test]
    fn key_paths_are_read_from_the_table_header() {
        let text = "seed = 1\n[us_posture]\nnuclear = 2\n";
        assert_eq!(key_path_at(text, 0).as_deref(), Some("seed"));
        assert_eq!(key_path_at(text, text.find("nuclear").unwrap()).as_deref(), Some("us_posture.nuclear"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Fuzzing the parser: no input panics; every failure is a located error.
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            let _ = Scenario::parse("fuzz.toml", &text, &dataset());
        }

        /// Scenario-shaped inputs with random keys and values exercise the validation paths.
        #[test]
        fn scenario_shaped_text_never_panics(
            table in prop::sample::select(vec!["us_posture", "coalition", "parameters.availability_air", "parameters.x", "other"]),
            key in prop::sample::select(vec!["nuclear", "include", "value", "uniform", "unit", "pert", "discrete", "seed"]),
            value in prop::sample::select(vec!["1.5", "-1", "\"DEU\"", "[\"NATO\", \"XXX\"]", "{ min = 2, max = 1 }", "{ values = [1], weights = [0] }", "{ min = 0, mode = 1, max = 0.5 }", "\"km\""]),
        ) {
            let text = format!("[{table}]\n{key} = {value}\n");
            if let Err(err) = Scenario::parse("fuzz.toml", &text, &dataset()) {
                prop_assert!(err.line > 0 || err.message.contains("file"), "unlocated error: {err}");
            }
        }
    }
}
