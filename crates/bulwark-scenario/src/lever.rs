//! Levers: policy choices a scenario declares (forward brigades, interceptor buys, nuclear
//! packages, decision pre-delegation, spending paths), each as the catalogue parameters it
//! moves and what it costs.
//!
//! ```toml
//! [levers.interceptor_buy]
//! description = "Buy 500 more long-range interceptors"
//! add = { iamd_upper_interceptor_stock = 500.0 }   # shifts the parameter's whole distribution
//! cost_eur_bn = 2.55
//! cost_source = "devdiscourse-patriot-europe-2025"  # optional: a source id of sources.csv
//! rationale = "500 × EUR 5.1 m per Patriot GEM-T (costs.csv)."
//! ```
//!
//! `add` shifts a parameter by a constant (every bound and the mode move with it, so each draw
//! with the lever is the same draw without it plus the shift: common random numbers); `set`
//! replaces the parameter by one value. A lever moves only uncertainties of the catalogue (a
//! setting such as a clock step is not a policy choice). The moved parameter must stay inside
//! its unit and its model's range, and ordered pairs must stay ordered; every check runs at
//! load, with the error at the lever's place in the file. A scenario that extends another may
//! redefine a lever by its name (the whole table is replaced) or add new ones.

use std::ops::Range;
use std::sync::Arc;

use bulwark_core::{suggest::did_you_mean, Distribution, InputError};
use bulwark_data::Dataset;
use toml::Spanned;

use crate::catalogue::{Kind, Param};
use crate::parameter;
use crate::raw::RawLever;
use crate::scenario::{Origin, Scenario};

/// Largest lever cost accepted, EUR bn: ten times Europe's yearly defence spending.
pub const MAX_LEVER_COST_EUR_BN: f64 = 5_000.0;

/// A policy choice: the parameters it moves and its cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Lever {
    /// Its name, the key under `[levers]`.
    pub name: String,
    /// What the choice is, in a phrase.
    pub description: String,
    /// What it costs, EUR bn at 2025 prices (the rationale says over what period).
    pub cost_eur_bn: f64,
    /// The source of the cost (an id of the dataset's sources), when it is sourced.
    pub cost_source: Option<String>,
    /// Why this setting and this cost: one line.
    pub rationale: String,
    /// The parameters it moves, in name order.
    pub moves: Vec<LeverMove>,
    /// The baseline's default or where it was set.
    pub origin: Origin,
    site: Site,
}

/// One parameter a lever moves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeverMove {
    /// The parameter.
    pub param: Param,
    /// How it moves.
    pub change: LeverChange,
}

/// How a lever moves a parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LeverChange {
    /// Replaces every draw by this value.
    Set(f64),
    /// Adds this to every draw (and to every bound of the distribution).
    Add(f64),
}

impl LeverChange {
    /// The value with the lever, given the value without it.
    pub fn apply(self, value: f64) -> f64 {
        match self {
            LeverChange::Set(to) => to,
            LeverChange::Add(by) => value + by,
        }
    }

    /// As the scenario file writes it (`set 0` or `add +500`).
    pub fn describe(self) -> String {
        match self {
            LeverChange::Set(to) => format!("set {to}"),
            LeverChange::Add(by) => format!("add {by:+}"),
        }
    }
}

/// Where a lever was written, for errors found once the whole chain is resolved.
#[derive(Clone, Debug, PartialEq)]
struct Site {
    label: String,
    text: Arc<str>,
    table: Range<usize>,
    moves: Vec<Range<usize>>,
}

impl Site {
    fn error(&self, span: Range<usize>, field: String, message: String) -> InputError {
        InputError::at_span(&self.label, &self.text, span, message).with_field(field)
    }
}

/// Validates one `[levers.NAME]` table on its own (names, numbers, texts); [`Scenario::with_lever`]
/// then checks the moved parameters against the resolved scenario.
pub(crate) fn resolve(
    label: &str,
    text: &Arc<str>,
    name: &Spanned<String>,
    raw: &Spanned<RawLever>,
    dataset: &Dataset,
    origin: Origin,
) -> Result<Lever, InputError> {
    let lever_name = name.get_ref();
    let field = |key: &str| format!("levers.{lever_name}{key}");
    let at = |span: Range<usize>, key: &str, message: String| {
        InputError::at_span(label, text, span, message).with_field(field(key))
    };
    let table = raw.get_ref();
    let name_ok = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if lever_name.is_empty() || lever_name.len() > 60 || !lever_name.chars().all(name_ok) {
        return Err(at(name.span(), "", "the lever's name holds characters a name cannot".into())
            .with_expected("1 to 60 letters, digits, `_` or `-`"));
    }
    let control = |s: &str| s.chars().any(|c| c.is_control() && c != '\t');
    for (key, value) in [(".description", &table.description), (".rationale", &table.rationale)] {
        if value.as_deref().is_some_and(control) {
            return Err(at(raw.span(), key, "the text holds a control character (NUL, ESC, …)".into())
                .with_expected("printable text on one line"));
        }
    }
    let rationale = match table.rationale.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => text.to_string(),
        _ => {
            return Err(at(raw.span(), "", "a lever needs a one-line `rationale`".into())
                .with_expected("rationale = \"why this setting and this cost\""))
        }
    };
    let Some(cost) = &table.cost_eur_bn else {
        return Err(at(raw.span(), "", "a lever needs its cost, `cost_eur_bn`".into()).with_expected(
            "cost_eur_bn = the cost in EUR bn at 2025 prices (0 for a choice with no budget cost)",
        ));
    };
    let cost_eur_bn = *cost.get_ref();
    if !(cost_eur_bn.is_finite() && (0.0..=MAX_LEVER_COST_EUR_BN).contains(&cost_eur_bn)) {
        return Err(at(cost.span(), ".cost_eur_bn", format!("cost {cost_eur_bn} is out of range"))
            .with_expected(format!("EUR bn from 0 to {MAX_LEVER_COST_EUR_BN}")));
    }
    let cost_source = match &table.cost_source {
        Some(source) if !dataset.sources.iter().any(|s| &s.id == source.get_ref()) => {
            return Err(at(source.span(), ".cost_source", format!("unknown source `{}`", source.get_ref()))
                .with_expected("an id of the dataset's sources.csv")
                .with_suggestion(did_you_mean(
                    source.get_ref(),
                    dataset.sources.iter().map(|s| s.id.as_str()),
                )))
        }
        Some(source) => Some(source.get_ref().clone()),
        None => None,
    };
    let mut moves = Vec::new();
    let mut spans = Vec::new();
    let given =
        table.set.iter().map(|(k, v)| ("set", k, v)).chain(table.add.iter().map(|(k, v)| ("add", k, v)));
    for (how, param_name, value) in given {
        let key = format!(".{how}.{}", param_name.get_ref());
        let Some(param) = Param::from_name(param_name.get_ref()) else {
            return Err(at(param_name.span(), &key, format!("unknown parameter `{}`", param_name.get_ref()))
                .with_expected("a parameter of the catalogue (`bulwark scenario show baseline` lists them)")
                .with_suggestion(did_you_mean(param_name.get_ref(), Param::ALL.iter().map(|p| p.name()))));
        };
        if param.kind() == Kind::Setting {
            return Err(at(
                param_name.span(),
                &key,
                format!("`{param}` is a setting of the run or of the report, not something a policy moves"),
            )
            .with_expected("an uncertainty of the catalogue"));
        }
        if moves.iter().any(|m: &LeverMove| m.param == param) {
            return Err(at(
                param_name.span(),
                &key,
                format!("`{param}` is moved twice (in `set` and `add`)"),
            )
            .with_expected("each parameter in either `set` or `add`"));
        }
        let number = *value.get_ref();
        if !number.is_finite() {
            return Err(at(value.span(), &key, format!("{number} is not a finite number"))
                .with_expected("a finite number in the parameter's unit"));
        }
        let change = if how == "set" { LeverChange::Set(number) } else { LeverChange::Add(number) };
        moves.push(LeverMove { param, change });
        spans.push(value.span());
    }
    if moves.is_empty() {
        return Err(at(raw.span(), "", "the lever moves no parameter".into())
            .with_expected("`set = { PARAMETER = value }` or `add = { PARAMETER = shift }`"));
    }
    // Name order, whatever the file's order of `set` and `add`.
    let mut order: Vec<usize> = (0..moves.len()).collect();
    order.sort_by_key(|&idx| moves[idx].param.name());
    let moves_sorted = order.iter().map(|&idx| moves[idx]).collect();
    let spans_sorted = order.iter().map(|&idx| spans[idx].clone()).collect();
    Ok(Lever {
        name: lever_name.clone(),
        description: table.description.as_deref().unwrap_or("").trim().to_string(),
        cost_eur_bn,
        cost_source,
        rationale,
        moves: moves_sorted,
        origin,
        site: Site { label: label.to_string(), text: text.clone(), table: raw.span(), moves: spans_sorted },
    })
}

/// `distribution` shifted by `by`: every bound, mode, mean and value moves; `None` for a
/// lognormal, whose shape a shift would change.
fn shifted(distribution: &Distribution, by: f64) -> Option<Distribution> {
    Some(match distribution {
        Distribution::Fixed(value) => Distribution::Fixed(value + by),
        Distribution::Uniform { min, max } => Distribution::Uniform { min: min + by, max: max + by },
        Distribution::Triangular { min, mode, max } => {
            Distribution::Triangular { min: min + by, mode: mode + by, max: max + by }
        }
        Distribution::Pert { min, mode, max } => {
            Distribution::Pert { min: min + by, mode: mode + by, max: max + by }
        }
        Distribution::Normal { mean, sd, min, max } => {
            Distribution::Normal { mean: mean + by, sd: *sd, min: min + by, max: max + by }
        }
        Distribution::Discrete { values, weights } => Distribution::Discrete {
            values: values.iter().map(|v| v + by).collect(),
            weights: weights.clone(),
        },
        Distribution::Lognormal { .. } => return None,
    })
}

impl Scenario {
    /// The scenario with lever `name` pulled: each parameter it moves replaced (`set`) or
    /// shifted (`add`). Every lever of a loaded scenario passes (loading checks them); an unknown
    /// name is an error with the known ones.
    pub fn with_lever(&self, name: &str) -> Result<Scenario, InputError> {
        let Some(lever) = self.levers.get(name) else {
            return Err(InputError::whole_file("command line", format!("unknown lever `{name}`"))
                .with_field("--levers")
                .with_expected(if self.levers.is_empty() {
                    "a lever declared under [levers] in the scenario (this one declares none)".to_string()
                } else {
                    format!("one of {}", self.levers.keys().cloned().collect::<Vec<_>>().join(", "))
                })
                .with_suggestion(did_you_mean(name, self.levers.keys().map(String::as_str))));
        };
        let mut out = self.clone();
        for (idx, lever_move) in lever.moves.iter().enumerate() {
            let site = &lever.site;
            let span = site.moves.get(idx).cloned().unwrap_or_else(|| site.table.clone());
            let how = match lever_move.change {
                LeverChange::Set(_) => "set",
                LeverChange::Add(_) => "add",
            };
            let field = format!("levers.{name}.{how}.{}", lever_move.param);
            let parameter = out.parameters.get_mut(lever_move.param.name()).ok_or_else(|| {
                site.error(span.clone(), field.clone(), format!("`{}` is not defined", lever_move.param))
            })?;
            let moved = match lever_move.change {
                LeverChange::Set(to) => Distribution::Fixed(to),
                LeverChange::Add(by) => shifted(&parameter.distribution, by).ok_or_else(|| {
                    site.error(
                        span.clone(),
                        field.clone(),
                        format!("`{}` is lognormal here; a shift would change its shape", lever_move.param),
                    )
                    .with_expected("`set` for this parameter")
                })?,
            };
            parameter::validate(&moved, parameter.unit).map_err(|problem| {
                site.error(span.clone(), field.clone(), format!("with the lever, {problem}")).with_expected(
                    format!("values in unit `{}` ({})", parameter.unit.name, parameter.unit.meaning),
                )
            })?;
            parameter::check_model_range(lever_move.param.name(), &moved).map_err(
                |(message, expected)| {
                    site.error(span.clone(), field.clone(), format!("with the lever, {message}"))
                        .with_expected(expected)
                },
            )?;
            parameter.distribution = moved;
            parameter.rationale = format!("moved by lever `{name}`: {}", lever.rationale);
        }
        parameter::check_orderings(&out).map_err(|err| {
            lever.site.error(
                lever.site.table.clone(),
                format!("levers.{name}"),
                format!("with the lever, {}", err.message),
            )
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Scenario, InputError> {
        Scenario::parse("test.toml", text, &Dataset::embedded().unwrap())
    }

    const GOOD: &str = "name = \"x\"\n[levers.more_interceptors]\nadd = { iamd_upper_interceptor_stock = 500.0 }\ncost_eur_bn = 2.5\nrationale = \"test\"\n";

    #[test]
    fn a_lever_shifts_the_whole_distribution_and_keeps_the_others() {
        let scenario = parse(GOOD).unwrap();
        let pulled = scenario.with_lever("more_interceptors").unwrap();
        let (low, high) = scenario.param(Param::IamdUpperInterceptorStock).distribution.support();
        let (low2, high2) = pulled.param(Param::IamdUpperInterceptorStock).distribution.support();
        assert!((low2 - low - 500.0).abs() < 1e-9 && (high2 - high - 500.0).abs() < 1e-9);
        assert_eq!(
            pulled.param(Param::IamdLowerInterceptorStock),
            scenario.param(Param::IamdLowerInterceptorStock)
        );
        let lever = &scenario.levers["more_interceptors"];
        assert_eq!(
            lever.moves,
            vec![LeverMove { param: Param::IamdUpperInterceptorStock, change: LeverChange::Add(500.0) }]
        );
        assert_eq!(lever.origin, Origin::Set { file: "test.toml".into(), line: 2 });
        let err = scenario.with_lever("more_interceptor").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("more_interceptors"));
    }

    #[test]
    fn bad_levers_are_located_errors() {
        let lever =
            |body: &str| format!("name = \"x\"\n[levers.l]\ncost_eur_bn = 1.0\nrationale = \"r\"\n{body}\n");
        // Unknown parameter, with a suggestion, at its place.
        let err = parse(&lever("add = { iamd_upper_interceptor_stok = 5.0 }")).unwrap_err();
        assert_eq!((err.line, err.field.as_deref()), (5, Some("levers.l.add.iamd_upper_interceptor_stok")));
        assert_eq!(err.suggestion.as_deref(), Some("iamd_upper_interceptor_stock"));
        // A setting is not a lever.
        let err = parse(&lever("set = { campaign_step_hours = 2.0 }")).unwrap_err();
        assert!(err.message.contains("setting"), "{err}");
        // Out of the unit's range once moved.
        let err = parse(&lever("add = { availability_air = 0.5 }")).unwrap_err();
        assert!(err.message.contains("with the lever"), "{err}");
        assert_eq!(err.field.as_deref(), Some("levers.l.add.availability_air"));
        assert_eq!(err.line, 5);
        // A shift of a lognormal.
        let err = parse(&lever("add = { decision_parliament_hours = -10.0 }")).unwrap_err();
        assert!(err.message.contains("lognormal"), "{err}");
        // No move, no cost, a negative cost, an unknown source, NaN.
        assert!(parse("name = \"x\"\n[levers.l]\ncost_eur_bn = 1.0\nrationale = \"r\"\n")
            .unwrap_err()
            .message
            .contains("moves no"));
        let err = parse("name = \"x\"\n[levers.l]\nrationale = \"r\"\nset = { availability_air = 0.6 }\n")
            .unwrap_err();
        assert!(err.message.contains("cost_eur_bn"), "{err}");
        let err = parse("name = \"x\"\n[levers.l]\ncost_eur_bn = -1.0\nrationale = \"r\"\nset = { availability_air = 0.6 }\n").unwrap_err();
        assert_eq!((err.line, err.field.as_deref()), (3, Some("levers.l.cost_eur_bn")));
        let err = parse(&lever(
            "cost_source = \"devdiscourse-patriot-europ-2025\"\nset = { availability_air = 0.6 }",
        ))
        .unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("devdiscourse-patriot-europe-2025"));
        let err = parse(&lever("set = { availability_air = nan }")).unwrap_err();
        assert!(err.message.contains("finite"), "{err}");
        // A crossed ordered pair.
        let err = parse(&lever("add = { campaign_stall_ratio = 3.0 }")).unwrap_err();
        assert!(err.message.contains("campaign_full_speed_ratio"), "{err}");
        // A misspelt key of the table.
        let err = parse(&lever("sett = { availability_air = 0.6 }")).unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("set"));
    }

    #[test]
    fn the_baseline_declares_levers_with_rationales_and_every_one_applies() {
        let scenario = parse("name = \"x\"\n").unwrap();
        assert!(scenario.levers.len() >= 4, "{:?}", scenario.levers.keys().collect::<Vec<_>>());
        for (name, lever) in &scenario.levers {
            assert!(!lever.rationale.is_empty() && !lever.description.is_empty(), "{name}");
            assert_eq!(lever.origin, Origin::Default);
            scenario.with_lever(name).unwrap();
        }
    }
}
