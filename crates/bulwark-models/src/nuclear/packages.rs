//! Packages of options: what Europe could combine, and the best it can buy for a yearly budget
//! by a year ("the most credible European deterrent for EUR X bn a year by year Y").
//!
//! A package applies the changes of all its options together to the reference (Europe without
//! the US), so the factors compose through the model's own equations ([`super::options::apply`]):
//!
//! ```text
//! C(package)    = credibility of the reference with every option's changes
//! cost          = Σ cost_i                 (EUR bn a year)
//! years         = max years_i              (the slowest sets the time)
//! escalation    = 1 − Π (1 − e_i)          (the chance that at least one provokes a response)
//! NPT-compliant = every option is
//! ```
//!
//! The search enumerates every subset of the options (those within the NPT only, if asked) (at most [`MAX_OPTIONS`] of them), keeps
//! those within the time limit, ranks those within the budget by credibility (then lower
//! cost, fewer years, fewer options, ids) and returns the best, and the credibility frontier:
//! the packages within the time limit that no cheaper package matches in credibility.
//! Options that only add (raise a factor, pool, add a patron or a source) never lower the
//! credibility of a package they join; the US umbrella, which sets a posture, is left out.

use super::options::{apply, NuclearOption};
use super::{NuclearInputs, MODEL};
use crate::error::check_range;
use crate::ModelError;

/// The most options a search enumerates (2^12 = 4,096 packages).
pub const MAX_OPTIONS: usize = 12;

/// What a package may cost and how soon it must be in place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Yearly budget, EUR bn.
    pub budget_eur_bn: f64,
    /// Years from now by which the package must be in place.
    pub years: f64,
    /// How many of the best packages to return.
    pub top: usize,
    /// Leave out options outside the NPT.
    pub npt_only: bool,
}

/// A package of options, evaluated.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    /// Its options' ids, in the order of the option list.
    pub option_ids: Vec<String>,
    /// `Σ cost_i`, EUR bn a year.
    pub annual_cost_eur_bn: f64,
    /// `max years_i`.
    pub years_to_implement: f64,
    /// `1 − Π (1 − e_i)`.
    pub escalation_risk: f64,
    /// Whether every option is NPT-compliant.
    pub npt_compliant: bool,
    /// Credibility of the reference with the package.
    pub credibility: f64,
    /// Less the reference's credibility.
    pub credibility_change: f64,
}

/// The package of `options` applied to `reference` (validated inputs and options).
pub fn compose(reference: &NuclearInputs, options: &[&NuclearOption]) -> Package {
    let base = apply(reference, &[]).credibility;
    let changes: Vec<_> = options.iter().flat_map(|o| o.changes.iter().cloned()).collect();
    let credibility = apply(reference, &changes).credibility;
    Package {
        option_ids: options.iter().map(|o| o.id.clone()).collect(),
        annual_cost_eur_bn: options.iter().map(|o| o.annual_cost_eur_bn).sum(),
        years_to_implement: options.iter().map(|o| o.years_to_implement).fold(0.0, f64::max),
        escalation_risk: 1.0
            - options.iter().map(|o| 1.0 - o.escalation_risk.clamp(0.0, 1.0)).product::<f64>(),
        npt_compliant: options.iter().all(|o| o.npt_compliant),
        credibility,
        credibility_change: credibility - base,
    }
}

/// The result of a search.
#[derive(Clone, Debug, PartialEq)]
pub struct PackageSearch {
    /// The limits searched under.
    pub limits: Limits,
    /// Packages enumerated (every subset of the options searched, the empty one included).
    pub n_packages: usize,
    /// Of those, within both the budget and the time limit.
    pub n_within_limits: usize,
    /// The best within the limits, best first (at most `limits.top`).
    pub best: Vec<Package>,
    /// The credibility frontier within the time limit, cheapest first: each package is more
    /// credible than every cheaper one.
    pub frontier: Vec<Package>,
}

/// Searches every package of `options` (validated) against `reference`.
pub fn search(
    reference: &NuclearInputs,
    options: &[NuclearOption],
    limits: &Limits,
) -> Result<PackageSearch, ModelError> {
    check_range(MODEL, "package budget_eur_bn", limits.budget_eur_bn, (0.0, 1e5), "≥ 0 EUR bn a year")?;
    check_range(MODEL, "package years", limits.years, (0.0, 200.0), "0 to 200 years")?;
    if options.len() > MAX_OPTIONS {
        return Err(ModelError::input(
            MODEL,
            format!("{} options to combine; the package search takes at most {MAX_OPTIONS}", options.len()),
        ));
    }
    let options: Vec<&NuclearOption> =
        options.iter().filter(|o| o.npt_compliant || !limits.npt_only).collect();
    let in_time: Vec<Package> = (0u32..(1u32 << options.len()))
        .map(|mask| {
            let chosen: Vec<&NuclearOption> = options
                .iter()
                .enumerate()
                .filter(|(idx, _)| mask & (1 << idx) != 0)
                .map(|(_, o)| *o)
                .collect();
            compose(reference, &chosen)
        })
        .filter(|p| p.years_to_implement <= limits.years + 1e-9)
        .collect();
    let mut best: Vec<Package> =
        in_time.iter().filter(|p| p.annual_cost_eur_bn <= limits.budget_eur_bn + 1e-9).cloned().collect();
    let n_within_limits = best.len();
    best.sort_by(|a, b| {
        b.credibility
            .total_cmp(&a.credibility)
            .then(a.annual_cost_eur_bn.total_cmp(&b.annual_cost_eur_bn))
            .then(a.years_to_implement.total_cmp(&b.years_to_implement))
            .then(a.option_ids.len().cmp(&b.option_ids.len()))
            .then_with(|| a.option_ids.cmp(&b.option_ids))
    });
    best.truncate(limits.top);
    Ok(PackageSearch {
        limits: *limits,
        n_packages: 1 << options.len(),
        n_within_limits,
        best,
        frontier: frontier(in_time),
    })
}

/// The packages that no cheaper (or equally cheap) package matches in credibility.
pub fn frontier(mut packages: Vec<Package>) -> Vec<Package> {
    packages.sort_by(|a, b| {
        a.annual_cost_eur_bn
            .total_cmp(&b.annual_cost_eur_bn)
            .then(b.credibility.total_cmp(&a.credibility))
            .then(a.option_ids.len().cmp(&b.option_ids.len()))
            .then_with(|| a.option_ids.cmp(&b.option_ids))
    });
    let mut out: Vec<Package> = Vec::new();
    for package in packages {
        // A relative tolerance so that rounding noise does not count as a gain.
        if out.last().is_none_or(|last| package.credibility > last.credibility + 1e-12) {
            out.push(package);
        }
    }
    out
}
