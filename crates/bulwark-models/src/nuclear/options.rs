//! The option table: what Europe could do about its nuclear deterrence, each
//! option with annual cost, years to implement, NPT compliance, credibility change and
//! escalation risk, ranked under the scenario's weights.
//!
//! An option is a list of [`Change`]s to the umbrella of a reference (Europe without the US):
//! raise a patron's factor, pool patrons' survivable warheads, add a patron (a national
//! deterrent), add a non-nuclear source of deterrence, or restore a patron's posture. Its
//! credibility change is the model's credibility with the changes less the reference's, so the
//! change follows from the same equations as the rest of the model.
//!
//! The score, shown part by part so the reasoning is visible:
//!
//! ```text
//! score = w_c × ΔC / C_today − w_k × cost / max cost − w_y × years / max years
//!         − w_e × escalation − w_n × [not NPT-compliant]
//! ```
//!
//! `ΔC / C_today` is the credibility change as a share of the umbrella with the US as today, so
//! that "replaces the US umbrella" scores 1 whatever the scale of the factors.
//!
//! Options are ranked by score, highest first (ties by id).

use super::{combine, umbrella, Factor, NuclearInputs, Patron, Umbrella};

/// One change an option makes to the reference umbrella.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Raises `factor` of patron `state` by `by` (capped at 1).
    Raise {
        /// The patron.
        state: String,
        /// The factor.
        factor: Factor,
        /// The increase, 0 to 1.
        by: f64,
    },
    /// Each of `states` counts the survivable warheads of all of them.
    Pool {
        /// The patrons that coordinate.
        states: Vec<String>,
    },
    /// A new patron (a national deterrent).
    AddPatron(Patron),
    /// A non-nuclear source of deterrence with this credibility, 0 to 1.
    AddSource {
        /// Its credibility.
        credibility: f64,
    },
    /// Sets patron `state`'s posture (the US umbrella restored as the scenario has it).
    SetPosture {
        /// The patron.
        state: String,
        /// Share of today's posture, 0 to 1.
        posture: f64,
    },
}

/// One option of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearOption {
    /// Short id (`french_extended`).
    pub id: String,
    /// Name for people.
    pub name: String,
    /// Annual cost, EUR bn at constant prices.
    pub annual_cost_eur_bn: f64,
    /// Years until it is in place.
    pub years_to_implement: f64,
    /// Whether it keeps every European state within its NPT obligations.
    pub npt_compliant: bool,
    /// Risk that adopting it provokes escalation or an arms race, 0 to 1.
    pub escalation_risk: f64,
    /// What it changes.
    pub changes: Vec<Change>,
}

/// The scenario's weights for ranking options.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptionWeights {
    /// `w_c`, per unit of credibility change.
    pub credibility: f64,
    /// `w_k`, per unit of cost relative to the costliest option.
    pub cost: f64,
    /// `w_y`, per unit of time relative to the slowest option.
    pub years: f64,
    /// `w_e`, per unit of escalation risk.
    pub escalation: f64,
    /// `w_n`, for leaving the NPT.
    pub npt_breach: f64,
}

/// The parts of an option's score, each signed as it enters the sum.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreParts {
    /// `w_c × ΔC / C_today`.
    pub credibility: f64,
    /// `− w_k × cost / max cost`.
    pub cost: f64,
    /// `− w_y × years / max years`.
    pub years: f64,
    /// `− w_e × escalation`.
    pub escalation: f64,
    /// `− w_n` if not NPT-compliant, else 0.
    pub npt: f64,
}

impl ScoreParts {
    /// The score.
    pub fn total(&self) -> f64 {
        self.credibility + self.cost + self.years + self.escalation + self.npt
    }
}

/// An option, evaluated and ranked.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedOption {
    /// 1 = best.
    pub rank: usize,
    /// The option.
    pub option: NuclearOption,
    /// The umbrella with the option in place.
    pub umbrella: Umbrella,
    /// Credibility with the option, less the reference's.
    pub credibility_change: f64,
    /// Score parts.
    pub parts: ScoreParts,
    /// `parts.total()`.
    pub score: f64,
}

/// The umbrella of `reference` with `changes` applied. Pools are applied last, after every
/// added patron is in place, and overlapping pools merge into one (each state's warheads are
/// counted once however many options pool it), so that adding a change never lowers the
/// credibility unless it sets a posture below the reference's.
pub fn apply(reference: &NuclearInputs, changes: &[Change]) -> Umbrella {
    let mut inputs = reference.clone();
    let mut sources = Vec::new();
    let mut raises = Vec::new();
    let mut pools: Vec<Vec<String>> = Vec::new();
    for change in changes {
        match change {
            Change::Raise { state, factor, by } => raises.push((state.clone(), *factor, *by)),
            Change::Pool { states } => merge_pool(&mut pools, states),
            Change::AddPatron(patron) => inputs.patrons.push(patron.clone()),
            Change::AddSource { credibility } => sources.push(credibility.clamp(0.0, 1.0)),
            Change::SetPosture { state, posture } => {
                for patron in inputs.patrons.iter_mut().filter(|p| p.state == *state) {
                    patron.posture = posture.clamp(0.0, 1.0);
                }
            }
        }
    }
    for states in &pools {
        let pooled: f64 = inputs
            .patrons
            .iter()
            .filter(|p| states.contains(&p.state))
            .map(|p| inputs.patron_warheads(p))
            .sum();
        for patron in inputs.patrons.iter_mut().filter(|p| states.contains(&p.state)) {
            patron.survivable_warheads = Some(pooled);
        }
    }
    umbrella(&inputs, &sources, &raises)
}

/// Adds `states` to `pools`, merging every pool it overlaps.
fn merge_pool(pools: &mut Vec<Vec<String>>, states: &[String]) {
    let mut merged: Vec<String> = states.to_vec();
    pools.retain(|pool| {
        if pool.iter().any(|s| merged.contains(s)) {
            merged.extend(pool.iter().cloned());
            false
        } else {
            true
        }
    });
    merged.sort();
    merged.dedup();
    pools.push(merged);
}

/// Evaluates and ranks `options` against `reference` (validated inputs); `credibility_today`
/// (`C_today`, the umbrella with the US as today) scales the credibility change (1 if not > 0).
pub fn option_table(
    reference: &NuclearInputs,
    options: &[NuclearOption],
    weights: &OptionWeights,
    credibility_today: f64,
) -> Vec<RankedOption> {
    let scale = if credibility_today > 0.0 { credibility_today } else { 1.0 };
    let base = combine(umbrella(reference, &[], &[]).patrons.iter().map(|p| p.credibility));
    let max_cost = options.iter().map(|o| o.annual_cost_eur_bn).fold(0.0, f64::max);
    let max_years = options.iter().map(|o| o.years_to_implement).fold(0.0, f64::max);
    let relative = |value: f64, max: f64| if max > 0.0 { value / max } else { 0.0 };
    let mut ranked: Vec<RankedOption> = options
        .iter()
        .map(|option| {
            let umbrella = apply(reference, &option.changes);
            let credibility_change = umbrella.credibility - base;
            let parts = ScoreParts {
                credibility: weights.credibility * credibility_change / scale,
                cost: -weights.cost * relative(option.annual_cost_eur_bn, max_cost),
                years: -weights.years * relative(option.years_to_implement, max_years),
                escalation: -weights.escalation * option.escalation_risk,
                npt: if option.npt_compliant { 0.0 } else { -weights.npt_breach },
            };
            RankedOption {
                rank: 0,
                option: option.clone(),
                umbrella,
                credibility_change,
                parts,
                score: parts.total(),
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.option.id.cmp(&b.option.id)));
    for (idx, option) in ranked.iter_mut().enumerate() {
        option.rank = idx + 1;
    }
    ranked
}
