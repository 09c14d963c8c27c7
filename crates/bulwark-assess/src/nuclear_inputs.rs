//! Resolve for the nuclear model (DESIGN.md §4.6): warhead counts, patrols and ICAN costs from
//! `nuclear.csv`, judgement parameters `nuclear_*` from the scenario, the US nuclear posture
//! from `[us_posture]`; then the model, and its ensemble ([`simulate_nuclear`]).
//!
//! Per state, the deployed warheads of each leg come from the dataset's per-leg rows where it
//! has them (the US), otherwise from the state's total split by `nuclear_share_<leg>_<state>`
//! (the last leg takes the rest). Stored warheads are the dataset's `stored_warheads`, or the
//! stockpile less the deployed. Non-strategic warheads: the US B61s in Europe (the `nonstrategic`
//! row); Russia's stored warheads × `nuclear_rus_nonstrategic_share_of_stored`; none for the UK
//! and France, which declare no non-strategic weapons.

use bulwark_core::{Distribution, Iso3};
use bulwark_data::{CostFigure, Dataset, Unit};
use bulwark_ensemble::{
    run_ensemble, Design, EnsembleSummary, Hooks, MetricSpec, Parameter, ParameterSpace, RunOutcome, RunPlan,
    RunRng, Sampler,
};
use bulwark_models::nuclear::options::{Change, NuclearOption, OptionWeights};
use bulwark_models::nuclear::{
    self, Balance, DeterrenceParams, Factor, Force, Leg, LegForce, NuclearInputs, NuclearOutcome, Patron,
    Umbrella,
};
use bulwark_scenario::Scenario;

use crate::money;

/// The adversary of the balance.
pub const ADVERSARY: &str = "RUS";
/// The patron whose posture the scenario's `[us_posture] nuclear` sets.
pub const US: &str = "USA";

/// States in the balance and their strategic legs; the last leg of a split takes the rest.
const STATE_LEGS: &[(&str, &[Leg])] = &[
    ("USA", &[Leg::Ssbn, Leg::Icbm, Leg::Air]),
    ("RUS", &[Leg::Icbm, Leg::Ssbn, Leg::Air]),
    ("GBR", &[Leg::Ssbn]),
    ("FRA", &[Leg::Ssbn, Leg::Air]),
];

/// The patrons of the European protégés.
const PATRONS: &[&str] = &["USA", "GBR", "FRA"];

/// One state's sourced warhead counts, as the dataset gives them.
#[derive(Clone, Debug, PartialEq)]
pub struct StateFigures {
    /// ISO 3166 alpha-3.
    pub state: String,
    /// Deployed warheads (`all` row), strategic and non-strategic.
    pub deployed_warheads: Option<f64>,
    /// Military stockpile.
    pub stockpile_warheads: Option<f64>,
    /// SSBNs, and those always on patrol.
    pub boats: Option<f64>,
    /// SSBNs always on patrol.
    pub boats_on_patrol: Option<f64>,
    /// Source ids of the rows used.
    pub sources: Vec<String>,
}

/// A sourced yearly cost of a nuclear force.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearCost {
    /// ISO 3166 alpha-3.
    pub state: String,
    /// The figure, USD bn of its year.
    pub usd_bn: f64,
    /// Its year.
    pub year: u16,
    /// Converted, EUR bn at 2025 prices.
    pub eur_bn: f64,
    /// Source id.
    pub source: String,
}

/// The nuclear model's inputs, outcome and the sourced figures behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearAssessment {
    /// The scenario's US nuclear posture, 0 to 1.
    pub us_posture: f64,
    /// Sourced counts per state.
    pub states: Vec<StateFigures>,
    /// Sourced yearly costs (latest year per state).
    pub costs: Vec<NuclearCost>,
    /// US warheads forward-based in Europe.
    pub forward_based_warheads: Option<f64>,
    /// The model's inputs (with the scenario's US posture).
    pub inputs: NuclearInputs,
    /// The option list as given to the model, with the reasoning behind each (by id).
    pub option_reasons: Vec<(String, String)>,
    /// The weights of the ranking.
    pub weights: OptionWeights,
    /// The model's outcome.
    pub outcome: NuclearOutcome,
}

/// Runs the nuclear model on the scenario's central parameter values.
pub fn assess_nuclear(dataset: &Dataset, scenario: &Scenario) -> Result<NuclearAssessment, String> {
    assess_with(dataset, scenario, &|name| scenario.central(name).unwrap_or(f64::NAN))
}

/// Runs the nuclear model with parameter values from `param` (NaN for a missing one, which the
/// model refuses by name).
pub fn assess_with(
    dataset: &Dataset,
    scenario: &Scenario,
    param: &dyn Fn(&str) -> f64,
) -> Result<NuclearAssessment, String> {
    let us_posture = scenario.us_posture.nuclear.value;
    let forces = STATE_LEGS
        .iter()
        .map(|(state, legs)| force(dataset, state, legs, param))
        .collect::<Result<Vec<Force>, String>>()?;
    let patrons = PATRONS
        .iter()
        .map(|state| Patron {
            state: state.to_string(),
            commitment: param(&format!("nuclear_commitment_{}", lower(state))),
            posture: if *state == US { us_posture } else { 1.0 },
            reversal_probability_per_election: param(&format!("nuclear_reversal_{}", lower(state))),
            election_interval_years: param(&format!("nuclear_election_interval_{}", lower(state))),
            presence: param(&format!("nuclear_presence_{}", lower(state))),
            survivable_warheads: None,
            own_territory: false,
        })
        .collect();
    let inputs = NuclearInputs {
        forces,
        adversary: ADVERSARY.to_string(),
        patrons,
        params: DeterrenceParams {
            unacceptable_damage_warheads: param("nuclear_unacceptable_damage_warheads"),
            resolve_half_warheads: param("nuclear_resolve_half_warheads"),
            horizon_years: param("nuclear_horizon_years"),
        },
    };
    let costs = ["GBR", "FRA"].iter().filter_map(|state| cost(dataset, state)).collect::<Vec<_>>();
    let (options, option_reasons) = option_list(&costs, us_posture, param)?;
    let weights = OptionWeights {
        credibility: param("nuclear_weight_credibility"),
        cost: param("nuclear_weight_cost"),
        years: param("nuclear_weight_years"),
        escalation: param("nuclear_weight_escalation"),
        npt_breach: param("nuclear_weight_npt"),
    };
    let outcome = nuclear::assess(&inputs, US, &options, &weights).map_err(|e| e.to_string())?;
    Ok(NuclearAssessment {
        us_posture,
        states: STATE_LEGS.iter().map(|(state, _)| state_figures(dataset, state)).collect(),
        costs,
        forward_based_warheads: figure(dataset, US, "air", "forward_based_warheads"),
        inputs,
        option_reasons,
        weights,
        outcome,
    })
}

fn lower(state: &str) -> String {
    state.to_ascii_lowercase()
}

fn row<'a>(
    dataset: &'a Dataset,
    state: &str,
    leg: &str,
    name: &str,
) -> Option<&'a bulwark_data::NuclearFigure> {
    let state = Iso3::parse(state)?;
    // The latest year wins when a figure has several (the ICAN costs).
    dataset
        .nuclear
        .iter()
        .filter(|n| n.state == state && n.leg == leg && n.figure == name)
        .max_by_key(|n| n.provenance.year)
}

fn figure(dataset: &Dataset, state: &str, leg: &str, name: &str) -> Option<f64> {
    row(dataset, state, leg, name).map(|n| n.value)
}

fn state_figures(dataset: &Dataset, state: &str) -> StateFigures {
    let names = ["deployed_warheads", "stockpile_warheads"];
    let mut sources: Vec<String> = names
        .iter()
        .filter_map(|n| row(dataset, state, "all", n))
        .map(|n| n.provenance.source.clone())
        .collect();
    sources.dedup();
    StateFigures {
        state: state.to_string(),
        deployed_warheads: figure(dataset, state, "all", "deployed_warheads"),
        stockpile_warheads: figure(dataset, state, "all", "stockpile_warheads"),
        boats: figure(dataset, state, "ssbn", "boats"),
        boats_on_patrol: figure(dataset, state, "ssbn", "boats_on_patrol"),
        sources,
    }
}

/// One state's force from the dataset and the split, alert and survival parameters.
fn force(dataset: &Dataset, state: &str, legs: &[Leg], param: &dyn Fn(&str) -> f64) -> Result<Force, String> {
    let total = figure(dataset, state, "all", "deployed_warheads")
        .ok_or_else(|| format!("nuclear.csv has no deployed_warheads for {state}"))?;
    let has_leg_rows =
        legs.iter().any(|leg| figure(dataset, state, leg.label(), "deployed_warheads").is_some());
    let mut remaining = total;
    let mut leg_forces = Vec::new();
    for (idx, leg) in legs.iter().enumerate() {
        let deployed_warheads = if has_leg_rows {
            figure(dataset, state, leg.label(), "deployed_warheads").unwrap_or(0.0)
        } else if idx + 1 == legs.len() {
            remaining.max(0.0)
        } else {
            total * param(&format!("nuclear_share_{}_{}", leg.label(), lower(state)))
        };
        remaining -= deployed_warheads;
        leg_forces.push(LegForce {
            leg: *leg,
            deployed_warheads,
            alert_fraction: param(&format!("nuclear_alert_{}_{}", leg.label(), lower(state))),
            survival_probability: param(&format!("nuclear_survival_{}", leg.label())),
        });
    }
    let stockpile = figure(dataset, state, "all", "stockpile_warheads");
    let stored_warheads = figure(dataset, state, "all", "stored_warheads")
        .or_else(|| stockpile.map(|s| (s - total).max(0.0)))
        .unwrap_or(0.0);
    let nonstrategic_warheads = if state == ADVERSARY {
        stored_warheads * param("nuclear_rus_nonstrategic_share_of_stored")
    } else {
        figure(dataset, state, "nonstrategic", "deployed_warheads").unwrap_or(0.0)
    };
    Ok(Force { state: state.to_string(), legs: leg_forces, stored_warheads, nonstrategic_warheads })
}

/// The latest ICAN cost of `state`, converted to EUR bn at 2025 prices.
fn cost(dataset: &Dataset, state: &str) -> Option<NuclearCost> {
    let row = row(dataset, state, "all", "annual_cost_usd_bn")?;
    let as_cost = CostFigure {
        line: "nuclear".into(),
        system: format!("{state} nuclear forces"),
        figure: "annual_cost",
        value: row.value * 1000.0,
        unit: Unit::UsdM,
        provenance: row.provenance.clone(),
    };
    let converted = money::unit_cost_eur_m(dataset, &as_cost)?;
    Some(NuclearCost {
        state: state.to_string(),
        usd_bn: row.value,
        year: row.provenance.year,
        eur_bn: converted.eur_m / 1000.0,
        source: row.provenance.source.clone(),
    })
}

/// The reasoning behind each option, by option id.
type Reasons = Vec<(String, String)>;

/// The nine options of DESIGN.md §4.6, with the reasoning behind each.
fn option_list(
    costs: &[NuclearCost],
    us_posture: f64,
    param: &dyn Fn(&str) -> f64,
) -> Result<(Vec<NuclearOption>, Reasons), String> {
    let cost_of = |state: &str| {
        costs
            .iter()
            .find(|c| c.state == state)
            .ok_or_else(|| format!("nuclear.csv has no annual_cost_usd_bn for {state}"))
    };
    let (fra, gbr) = (cost_of("FRA")?, cost_of("GBR")?);
    let ican = |c: &NuclearCost| format!("ICAN {}: USD {:.1} bn = EUR {:.1} bn", c.year, c.usd_bn, c.eur_bn);
    let p = |id: &str, what: &str| param(&format!("nuclear_opt_{id}_{what}"));
    let raise = |state: &str, factor: Factor, by: f64| Change::Raise { state: state.into(), factor, by };
    let national = |state: &str, warheads: f64| Patron {
        state: state.into(),
        commitment: param("nuclear_opt_national_commitment"),
        posture: 1.0,
        reversal_probability_per_election: param("nuclear_reversal_national"),
        election_interval_years: param("nuclear_election_interval_national"),
        // Its forces are on the owner's territory.
        presence: 1.0,
        survivable_warheads: Some(warheads),
        own_territory: true,
    };
    let mut list: Vec<(NuclearOption, String)> = Vec::new();
    let mut add =
        |id: &str, name: &str, cost: f64, npt_compliant: bool, changes: Vec<Change>, reason: String| {
            let option = NuclearOption {
                id: id.into(),
                name: name.into(),
                annual_cost_eur_bn: cost,
                years_to_implement: p(id, "years"),
                npt_compliant,
                escalation_risk: p(id, "escalation"),
                changes,
            };
            list.push((option, reason));
        };
    add(
        "us_umbrella",
        "US umbrella as today",
        p("us_umbrella", "cost_eur_bn"),
        true,
        vec![Change::SetPosture { state: US.into(), posture: us_posture }],
        format!("keeps the US umbrella as far as the scenario's US posture ({us_posture:.2}) does; NATO nuclear sharing is held compliant with the NPT by NATO"),
    );
    let share = p("french_extended", "cost_share");
    add(
        "french_extended",
        "French deterrent extended to Europe",
        share * fra.eur_bn,
        true,
        vec![raise("FRA", Factor::Commitment, p("french_extended", "gain"))],
        format!(
            "raises France's commitment factor by {:.2}; costs {:.0} % of France's nuclear spending ({})",
            p("french_extended", "gain"),
            share * 100.0,
            ican(fra)
        ),
    );
    let share = p("uk_french_coordinated", "cost_share");
    let gain = p("uk_french_coordinated", "gain");
    add(
        "uk_french_coordinated",
        "UK–French coordinated deterrence",
        share * (fra.eur_bn + gbr.eur_bn),
        true,
        vec![Change::Pool { states: vec!["GBR".into(), "FRA".into()] }, raise("GBR", Factor::Commitment, gain), raise("FRA", Factor::Commitment, gain)],
        format!("each counts the pooled UK and French survivable warheads and its commitment rises by {gain:.2}; costs {:.0} % of UK plus French nuclear spending ({}; {})", share * 100.0, ican(gbr), ican(fra)),
    );
    let simple = [
        (
            "french_aircraft_forward",
            "French nuclear-capable aircraft based in allied states",
            Factor::Presence,
        ),
        ("french_exercises", "Allied participation in French nuclear exercises", Factor::Presence),
        ("french_npg_link", "French link to NATO's Nuclear Planning Group", Factor::Commitment),
    ];
    for (id, name, factor) in simple {
        let gain = p(id, "gain");
        add(
            id,
            name,
            p(id, "cost_eur_bn"),
            true,
            vec![raise("FRA", factor, gain)],
            format!("raises France's {} factor by {gain:.2}", factor.label()),
        );
    }
    let warheads = p("latent_national", "warheads");
    add(
        "latent_national",
        "Latent (turnkey) national capability",
        p("latent_national", "cost_eur_bn"),
        true,
        vec![Change::AddPatron(national("latent", warheads))],
        format!("a national deterrent that counts as {warheads:.0} survivable warheads; legal under the NPT with safeguards"),
    );
    let multiple = p("national_arsenal", "cost_share");
    let warheads = p("national_arsenal", "warheads");
    add(
        "national_arsenal",
        "National arsenal outside the NPT",
        multiple * fra.eur_bn,
        false,
        vec![Change::AddPatron(national("national", warheads))],
        format!("a national deterrent of {warheads:.0} survivable warheads; costs {multiple:.1} × France's nuclear spending ({}); requires leaving the NPT (Article X)", ican(fra)),
    );
    let credibility = p("conventional_strike", "credibility");
    add(
        "conventional_strike",
        "Long-range conventional strike instead",
        p("conventional_strike", "cost_eur_bn"),
        true,
        vec![Change::AddSource { credibility }],
        format!("adds a non-nuclear source of deterrence of credibility {credibility:.2}"),
    );
    let reasons = list.iter().map(|(o, r)| (o.id.clone(), r.clone())).collect();
    Ok((list.into_iter().map(|(o, _)| o).collect(), reasons))
}

/// Metrics of [`simulate_nuclear`], in order.
pub const NUCLEAR_METRICS: [&str; 4] =
    ["credibility", "credibility_without_us", "survivable_warheads_europe", "survivable_warheads_adversary"];

/// Runs the nuclear model over `plan`: every `nuclear_*` parameter with a distribution is drawn
/// per run (Monte Carlo, run `i` from the stream of `(seed, i)`), the others keep their value.
pub fn simulate_nuclear(
    dataset: &Dataset,
    scenario: &Scenario,
    plan: &RunPlan,
    hooks: Hooks<'_>,
) -> Result<EnsembleSummary, String> {
    let uncertain: Vec<Parameter> = scenario
        .parameters
        .values()
        .filter(|p| p.name.starts_with("nuclear_") && !matches!(p.distribution, Distribution::Fixed(_)))
        .map(|p| Parameter { name: p.name.clone(), distribution: p.distribution.clone() })
        .collect();
    let space = ParameterSpace::new(&uncertain).map_err(|e| e.to_string())?;
    let design = Design::for_plan(space, plan, Sampler::MonteCarlo).map_err(|e| e.to_string())?;
    let metrics = NUCLEAR_METRICS.map(MetricSpec::continuous);
    let metrics: [MetricSpec; 4] = match metrics {
        [Ok(a), Ok(b), Ok(c), Ok(d)] => [a, b, c, d],
        _ => return Err("invalid nuclear metric name".to_string()),
    };
    let model = |run_idx: u64, rng: &mut RunRng| {
        let mut values = vec![0.0; uncertain.len()];
        design.draw_into(run_idx, rng, &mut values);
        let param = |name: &str| match uncertain.iter().position(|p| p.name == name) {
            Some(idx) => values[idx],
            None => scenario.central(name).unwrap_or(f64::NAN),
        };
        match assess_with(dataset, scenario, &param) {
            Ok(a) => RunOutcome::Completed(run_metrics(&a)),
            Err(_) => RunOutcome::Failed("invalid nuclear inputs"),
        }
    };
    run_ensemble(plan, &metrics, model, hooks).map_err(|e| e.to_string())
}

fn run_metrics(a: &NuclearAssessment) -> [f64; 4] {
    let europe: f64 =
        ["GBR", "FRA"].iter().filter_map(|s| a.inputs.force(s)).map(Force::survivable_warheads).sum();
    [
        a.outcome.with_us.credibility,
        a.outcome.without_us.credibility,
        europe,
        a.outcome.adversary_survivable_warheads,
    ]
}

/// The ensemble summary as text: one line per metric with mean, deviation and quantiles.
pub fn format_nuclear_summary(summary: &EnsembleSummary) -> String {
    let mut out = format!(
        "nuclear ensemble: seed {}, runs {}/{}, completed {}, failed {}\n",
        summary.seed(),
        summary.n_runs(),
        summary.n_runs_total(),
        summary.n_completed(),
        summary.n_failed()
    );
    out.push_str("metric                          mean        sd        p5       p50       p95\n");
    for metric in summary.metrics() {
        let q = |p: f64| metric.quantile(p).map_or("–".to_string(), |v| format!("{v:.4}"));
        out.push_str(&format!(
            "{:<28} {:>9.4} {:>9.4} {:>9} {:>9} {:>9}\n",
            metric.spec().name(),
            metric.mean(),
            metric.std_dev(),
            q(0.05),
            q(0.5),
            q(0.95)
        ));
    }
    out
}

/// One figure per patron: its factors, product and survivable warheads.
pub(crate) fn patron_figures(umbrella: &Umbrella, label: &str) -> Vec<(String, String)> {
    umbrella
        .patrons
        .iter()
        .map(|p| {
            let factors: Vec<String> =
                Factor::ALL.iter().map(|f| format!("{} {:.2}", f.label(), p.factors.value(*f))).collect();
            (
                format!("{} umbrella ({label})", p.state),
                format!(
                    "{:.3} = {} (W_s {:.0}, W_s/D {:.2})",
                    p.credibility,
                    factors.join(" × "),
                    p.survivable_warheads,
                    p.adequacy
                ),
            )
        })
        .collect()
}

/// `"1,555 vs 100 warheads (ratio 15.6)"`, or unbounded when Europe has none.
pub(crate) fn balance_text(balance: &Balance) -> String {
    let ratio = balance
        .ratio
        .map_or_else(|| "unbounded: none on Europe's side".to_string(), |r| format!("ratio {r:.1}"));
    format!(
        "Russia {:.0} vs Europe {:.0} non-strategic warheads ({ratio})",
        balance.adversary_warheads, balance.own_warheads
    )
}

#[cfg(test)]
mod tests;
