//! `bulwark scenario show`: a resolved scenario as annotated TOML, each setting marked as a
//! default or with the file and line that set it.

use bulwark_core::Distribution;
use bulwark_scenario::{Scenario, Setting};

/// The scenario as TOML that loads back to the same values, with provenance comments.
pub fn show(scenario: &Scenario) -> String {
    let mut out = String::new();
    out.push_str(&format!("# Scenario `{}`, resolved from: {}\n", scenario.name, scenario.chain.join(" → ")));
    out.push_str(&format!("name = {}\n", quote(&scenario.name)));
    out.push_str(&format!("description = {}\n", quote(&scenario.description)));
    out.push_str(&format!("seed = {}  # {}\n\n", scenario.seed.value, scenario.seed.origin));
    let coalition = &scenario.coalition;
    out.push_str(&format!("[coalition]  # {}\n", coalition.origin));
    out.push_str(&format!("include = {}\n", list(&coalition.value.include)));
    out.push_str(&format!("exclude = {}\n", list(&coalition.value.exclude)));
    let members: Vec<String> = coalition.value.members.iter().map(|m| m.to_string()).collect();
    out.push_str(&format!("# {} members: {}\n\n", members.len(), members.join(" ")));
    out.push_str("[us_posture]\n");
    let posture = &scenario.us_posture;
    for (name, setting) in [
        ("conventional", &posture.conventional),
        ("enablers", &posture.enablers),
        ("intelligence", &posture.intelligence),
        ("nuclear", &posture.nuclear),
    ] {
        out.push_str(&setting_line(name, setting));
    }
    let ledger = &scenario.ledger;
    out.push_str("\n[ledger]\n");
    out.push_str(&format!(
        "requirement = {}  # {}\n",
        quote(ledger.requirement.value.as_str()),
        ledger.requirement.origin
    ));
    out.push_str(&format!(
        "adversary = {}  # {}\n",
        quote(ledger.adversary.value.as_str()),
        ledger.adversary.origin
    ));
    for (title, map) in [("targets", &ledger.targets), ("weights", &ledger.weights)] {
        out.push_str(&format!("\n[ledger.{title}]\n"));
        for (line, setting) in map {
            out.push_str(&setting_line(line, setting));
        }
    }
    for (iso3, target) in &scenario.budget.countries {
        out.push_str(&format!("\n[budget.countries.{iso3}]  # {}\n", target.origin));
        if let Some(pct) = target.value.target_pct {
            out.push_str(&format!("target_pct = {pct:?}\n"));
        }
        if let Some(year) = target.value.target_year {
            out.push_str(&format!("target_year = {year}\n"));
        }
        if let Some(growth) = target.value.real_gdp_growth_pct {
            out.push_str(&format!("real_gdp_growth_pct = {growth:?}\n"));
        }
    }
    let closure = &scenario.closure;
    out.push_str("\n[closure]\n");
    out.push_str(&format!("priority = {}  # {}\n", list(&closure.priority.value), closure.priority.origin));
    out.push_str(&format!("critical = {}  # {}\n", list(&closure.critical.value), closure.critical.origin));
    out.push_str(&format!("excluded = {}  # {}\n", list(&closure.excluded.value), closure.excluded.origin));
    out.push_str("\n[closure.cost_proxies]\n");
    for (line, proxy) in &closure.cost_proxies {
        out.push_str(&format!("{line} = {}  # {}\n", quote(&proxy.value), proxy.origin));
    }
    // Countries not listed keep their procurement pace (factor 1).
    for (iso3, multiplier) in &closure.procurement_rate_multipliers {
        out.push_str(&format!("\n[closure.countries.{iso3}]\n"));
        out.push_str(&setting_line("procurement_rate_multiplier", multiplier));
    }
    // Governments not listed refuse with decision_government_refusal_probability.
    for (iso3, holdout) in &scenario.decision.holdouts {
        out.push_str(&format!("\n[decision.countries.{iso3}]  # {}\n", holdout.origin));
        out.push_str(&format!("refusal_probability = {:?}\n", holdout.value.refusal_probability));
        out.push_str(&format!("rationale = {}\n", quote(&holdout.value.rationale)));
    }
    for parameter in scenario.parameters.values() {
        out.push_str(&format!("\n[parameters.{}]  # {}\n", parameter.name, parameter.origin));
        out.push_str(&format!("unit = {}\n", quote(parameter.unit.name)));
        out.push_str(&format!("{}\n", distribution(&parameter.distribution)));
        out.push_str(&format!("rationale = {}\n", quote(&parameter.rationale)));
    }
    for lever in scenario.levers.values() {
        out.push_str(&format!("\n[levers.{}]  # {}\n", lever.name, lever.origin));
        out.push_str(&format!("description = {}\n", quote(&lever.description)));
        for (key, change) in [("set", true), ("add", false)] {
            let moves: Vec<String> = lever
                .moves
                .iter()
                .filter_map(|m| match (m.change, change) {
                    (bulwark_scenario::LeverChange::Set(v), true)
                    | (bulwark_scenario::LeverChange::Add(v), false) => Some(format!("{} = {v:?}", m.param)),
                    _ => None,
                })
                .collect();
            if !moves.is_empty() {
                out.push_str(&format!("{key} = {{ {} }}\n", moves.join(", ")));
            }
        }
        out.push_str(&format!("cost_eur_bn = {:?}\n", lever.cost_eur_bn));
        if let Some(source) = &lever.cost_source {
            out.push_str(&format!("cost_source = {}\n", quote(source)));
        }
        out.push_str(&format!("rationale = {}\n", quote(&lever.rationale)));
    }
    out
}

fn setting_line(name: &str, setting: &Setting<f64>) -> String {
    format!("{name} = {:?}  # {}\n", setting.value, setting.origin)
}

/// The TOML line for a distribution, in the form a scenario file accepts.
pub(crate) fn distribution(distribution: &Distribution) -> String {
    match distribution {
        Distribution::Fixed(value) => format!("value = {value:?}"),
        Distribution::Uniform { min, max } => format!("uniform = {{ min = {min:?}, max = {max:?} }}"),
        Distribution::Triangular { min, mode, max } => {
            format!("triangular = {{ min = {min:?}, mode = {mode:?}, max = {max:?} }}")
        }
        Distribution::Pert { min, mode, max } => {
            format!("pert = {{ min = {min:?}, mode = {mode:?}, max = {max:?} }}")
        }
        Distribution::Normal { mean, sd, min, max } => {
            format!("normal = {{ mean = {mean:?}, sd = {sd:?}, min = {min:?}, max = {max:?} }}")
        }
        Distribution::Lognormal { median, sigma } => {
            format!("lognormal = {{ median = {median:?}, sigma = {sigma:?} }}")
        }
        Distribution::Discrete { values, weights } => {
            format!("discrete = {{ values = {values:?}, weights = {weights:?} }}")
        }
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use bulwark_data::Dataset;
    use bulwark_scenario::Scenario;

    #[test]
    fn a_holdout_is_shown_and_reads_back() {
        let dataset = Dataset::embedded().unwrap();
        let text = "name = \"x\"\n[decision.countries.HUN]\nrefusal_probability = 0.2\nrationale = \"Judgement: a test\"\n";
        let scenario = Scenario::parse("test.toml", text, &dataset).unwrap();
        let shown = super::show(&scenario);
        assert!(shown.contains("[decision.countries.HUN]  # set in test.toml:2"), "{shown}");
        let back = Scenario::parse("shown.toml", &shown, &dataset).unwrap();
        assert_eq!(
            back.decision.holdouts[&bulwark_core::Iso3::parse("HUN").unwrap()].value,
            scenario.decision.holdouts[&bulwark_core::Iso3::parse("HUN").unwrap()].value
        );
    }
}
