//! Model card: Europe's land build-up from the budget headroom beyond its gaps — the new
//! manoeuvre brigades that a share of the money left after the funded closure of the gaps
//! (§4.2–4.3) raises, year by year.
//!
//! The funded closure buys only what a US withdrawal takes away; the spending path creates far
//! more headroom than that (EUR trillions over the horizon). Without this model none of it
//! would buy combat power the Baltic campaign sees.
//!
//! # Equations
//!
//! Years `t = 0, 1, …, n − 1` from the base year; `F(t)` is the headroom left in year `t` after
//! the funded closure of the gaps (EUR bn; an overdrawn year counts as 0); `N(t)` the brigades
//! funded by the end of year `t` (`N(−1) = 0`):
//!
//! ```text
//! budget(t)  = σ × max(0, F(t))                          the land build-up's money
//! running(t) = O × N(t − 1) + O_f × min(φ N(t − 1), C)    funded brigades cost O a year, forward ones O_f more
//! new(t)     = min(K, max(0, budget(t) − running(t)) / P)
//! N(t)       = N(t − 1) + new(t)
//! ready(t)   = N(t − τ)                                   linear between year ends; N(s) = 0 for s ≤ −1
//! forward(t) = min(φ × ready(t), C)                       based in or next to the Baltic states
//! ```
//!
//! A brigade is paid for (equipment, `P`) in the year it is funded and costs `O` a year from
//! the next (people and the equipment's operation), whether ready or not; it is ready for a
//! campaign `τ` years after it was funded. Brigades are never disbanded: a year whose budget
//! falls below the running cost funds nothing new (the overspend is in
//! [`BuildupOutcome::spent_eur_bn`]).
//!
//! **Forward basing.** The share `φ` of the ready brigades, at most `C` (what the host nations
//! can house and train), is stationed forward, in or next to the Baltic states, like Germany's
//! Panzerbrigade 45 in Lithuania: the Baltic campaign counts them in place at the attack
//! (`campaign_battalions_per_brigade` heavy battalions each) instead of among the brigades that
//! reinforce. A brigade raised to go forward costs `O_f` a year on top of `O` (barracks and
//! housing abroad, allowances, rotations) from the year after it is funded, like `O`: the
//! host nation's base is built while the brigade is raised, as Lithuania's for Panzerbrigade
//! 45 is.
//!
//! With running costs the build-up levels off where the budget only pays for the brigades it
//! has, `N* = budget / O` (`budget / (O + φ O_f)` while the cap does not bind); the pace `K`
//! and the lead time `τ` decide how soon it gets there. With `φ = 0` nothing is based forward
//! and the build-up is exactly that of the model without forward basing.
//!
//! **Monotonicity.** `ready(t)` and `forward(t)` never fall when `σ`, `F` or `K` rise or `τ`
//! falls, provided a brigade's yearly running cost with its forward premium is below its price
//! (`O + φ O_f < P`: then one more brigade funded earlier never costs more than one brigade the
//! next year; `τ` moves readiness only, not what is paid). Costs from the dataset satisfy this
//! by far (a brigade runs at about a fifth of its price a year). `forward(t)` rises with `φ`
//! and `C` when the pace `K`, not the budget, limits the build-up (the baseline's case); where
//! the budget binds, a larger `φ` trades brigades for forward basing through `O_f`.
//!
//! # Parameters ([`BuildupInputs`])
//!
//! | parameter | unit | default (baseline) | valid range |
//! |---|---|---|---|
//! | `σ`, `land_share` (`buildup_land_share`) | fraction | 0.2 | `[0, 1]` |
//! | `P`, `brigade_cost_eur_bn`: a brigade's equipment | EUR bn | from the dataset | `> 0` |
//! | `O`, `brigade_running_eur_bn`: a brigade's yearly running cost | EUR bn a year | from the dataset | `≥ 0` |
//! | `τ`, `lead_years` (`buildup_brigade_years`) | years | 3 | `[0, 50]` |
//! | `K`, `max_new_per_year` (`buildup_max_brigades_per_year`) | brigades a year | 3 | `[0, 1000]` |
//! | `φ`, `forward_share` (`buildup_forward_share`) | fraction | 0.25 | `[0, 1]` |
//! | `C`, `forward_max_brigades` (`buildup_forward_max_brigades`) | brigades | 5 | `[0, 1000]` |
//! | `O_f`, `forward_running_eur_bn` (`buildup_forward_running_eur_bn`) | EUR bn a year | 0.3 | `[0, 10^6]` |
//!
//! `bulwark-assess` derives `P` and `O` from the dataset: the coalition's average holding per
//! brigade on each land equipment line (the force-package model) times the line's sourced unit
//! cost; `O = o × P + troops_per_brigade × personnel cost`, with `o` the closure's operating
//! cost fraction.
//!
//! # Simplifications, stated so they can be argued with
//!
//! One kind of brigade (today's average, armoured and light mixed); payment on funding, not on
//! delivery; factories are not shared with the gap closure; recruiting is not limited beyond
//! `K`; the brigades raised are as available and deployable as today's. A forward brigade is
//! whole and ready at the attack (like the forces in place today, not scaled by
//! `availability_land`) and counts as heavy; it is based forward the year it is ready, with no
//! separate lead time for its barracks (the cap `C` stands for the host nations' room); its
//! one-off infrastructure is folded into `O_f`, not paid up front; only the build-up's new
//! brigades go forward, not the funded closure's.
//!
//! References: docs/design.md §4.9 (the open item "European force-structure growth from the
//! headroom beyond the gaps").

use crate::error::check_range;
use crate::ModelError;

const MODEL: &str = "buildup";

/// Everything the build-up needs.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildupInputs {
    /// `F(t)`: headroom left after the funded closure of the gaps, EUR bn, one value a year
    /// from the base year (negative = overdrawn).
    pub free_headroom_eur_bn: Vec<f64>,
    /// `σ`: share of it that raises new brigades.
    pub land_share: f64,
    /// `P`: a brigade's equipment, EUR bn.
    pub brigade_cost_eur_bn: f64,
    /// `O`: a brigade's running cost, EUR bn a year.
    pub brigade_running_eur_bn: f64,
    /// `τ`: years from funding to readiness.
    pub lead_years: f64,
    /// `K`: most brigades funded in a year.
    pub max_new_per_year: f64,
    /// `φ`: share of the ready brigades based forward.
    pub forward_share: f64,
    /// `C`: most brigades based forward.
    pub forward_max_brigades: f64,
    /// `O_f`: a forward brigade's running cost a year on top of `O`, EUR bn.
    pub forward_running_eur_bn: f64,
}

/// The build-up year by year (index 0 = the base year).
#[derive(Clone, Debug, PartialEq)]
pub struct BuildupOutcome {
    /// `N(t)`: brigades funded by the end of each year.
    pub funded: Vec<f64>,
    /// `ready(t)`: brigades ready for a campaign in each year (the forward ones included).
    pub ready: Vec<f64>,
    /// `forward(t)`: of them, brigades based forward in each year.
    pub forward: Vec<f64>,
    /// Money spent each year (running costs and new equipment), EUR bn.
    pub spent_eur_bn: Vec<f64>,
}

impl BuildupInputs {
    /// Checks every value against the model card's ranges.
    pub fn validate(&self) -> Result<(), ModelError> {
        check_range(MODEL, "land_share", self.land_share, (0.0, 1.0), "a fraction in [0, 1]")?;
        check_range(MODEL, "brigade_cost_eur_bn", self.brigade_cost_eur_bn, (1e-6, 1e6), "above 0 EUR bn")?;
        check_range(MODEL, "brigade_running_eur_bn", self.brigade_running_eur_bn, (0.0, 1e6), "0 or more")?;
        check_range(MODEL, "lead_years", self.lead_years, (0.0, 50.0), "0 to 50 years")?;
        check_range(MODEL, "max_new_per_year", self.max_new_per_year, (0.0, 1000.0), "0 to 1,000 brigades")?;
        check_range(MODEL, "forward_share", self.forward_share, (0.0, 1.0), "a fraction in [0, 1]")?;
        check_range(
            MODEL,
            "forward_max_brigades",
            self.forward_max_brigades,
            (0.0, 1000.0),
            "0 to 1,000 brigades",
        )?;
        check_range(MODEL, "forward_running_eur_bn", self.forward_running_eur_bn, (0.0, 1e6), "0 or more")?;
        for (idx, value) in self.free_headroom_eur_bn.iter().enumerate() {
            check_range(MODEL, format!("free_headroom_eur_bn[{idx}]"), *value, (-1e9, 1e9), "a finite sum")?;
        }
        Ok(())
    }
}

/// Projects the build-up (the inputs are validated first).
pub fn project(inputs: &BuildupInputs) -> Result<BuildupOutcome, ModelError> {
    inputs.validate()?;
    let n = inputs.free_headroom_eur_bn.len();
    let (price, running) = (inputs.brigade_cost_eur_bn, inputs.brigade_running_eur_bn);
    let mut funded = Vec::with_capacity(n);
    let mut spent_eur_bn = Vec::with_capacity(n);
    let mut acc = 0.0;
    for free in &inputs.free_headroom_eur_bn {
        let budget = inputs.land_share * free.max(0.0);
        // The brigades funded so far that are to go forward pay their premium from the year
        // after funding. Without forward basing the sum is `running × acc` exactly (`+ 0.0`),
        // the bits of the model before forward basing.
        let bound_forward = (inputs.forward_share * acc).min(inputs.forward_max_brigades);
        let running_cost = running * acc + inputs.forward_running_eur_bn * bound_forward;
        let new = ((budget - running_cost).max(0.0) / price).min(inputs.max_new_per_year);
        acc += new;
        funded.push(acc);
        spent_eur_bn.push(running_cost + new * price);
    }
    let ready = (0..n).map(|t| ready_of(inputs, &funded, t)).collect();
    let forward = (0..n).map(|t| forward_of(inputs, &funded, t)).collect();
    Ok(BuildupOutcome { funded, ready, forward, spent_eur_bn })
}

/// `ready(t)` from the brigades funded by the end of each year so far.
fn ready_of(inputs: &BuildupInputs, funded: &[f64], t: usize) -> f64 {
    funded_at(funded, t as f64 - inputs.lead_years)
}

/// `forward(t) = min(φ × ready(t), C)`.
fn forward_of(inputs: &BuildupInputs, funded: &[f64], t: usize) -> f64 {
    (inputs.forward_share * ready_of(inputs, funded, t)).min(inputs.forward_max_brigades)
}

/// `N(s)` at a fractional year `s`: 0 before the base year's end, linear between year ends,
/// the last value beyond them.
fn funded_at(funded: &[f64], s: f64) -> f64 {
    if s < 0.0 || funded.is_empty() {
        // Before the base year's end only the part of year 0 already past counts.
        return if s > -1.0 { funded.first().map_or(0.0, |first| first * (s + 1.0)) } else { 0.0 };
    }
    let lower = s.floor() as usize;
    let fraction = s - s.floor();
    match (funded.get(lower), funded.get(lower + 1)) {
        (Some(a), Some(b)) => a + (b - a) * fraction,
        (Some(a), None) => *a,
        _ => funded.last().copied().unwrap_or(0.0),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn inputs(free: Vec<f64>) -> BuildupInputs {
        BuildupInputs {
            free_headroom_eur_bn: free,
            land_share: 0.5,
            brigade_cost_eur_bn: 4.0,
            brigade_running_eur_bn: 1.0,
            lead_years: 2.0,
            max_new_per_year: 3.0,
            forward_share: 0.0,
            forward_max_brigades: 0.0,
            forward_running_eur_bn: 0.0,
        }
    }

    #[test]
    fn hand_checked_build_up() {
        // Budget 10 a year. Year 0: 10 / 4 = 2.5 new. Year 1: running 2.5, (10 − 2.5) / 4 =
        // 1.875 → 4.375. Year 2: running 4.375, 5.625 / 4 = 1.40625 → 5.78125. Year 3: a
        // budget of 40 would buy 8.6, but at most 3 a year → 8.78125.
        let outcome = project(&inputs(vec![20.0, 20.0, 20.0, 80.0, -5.0])).unwrap();
        let want = [2.5, 4.375, 5.78125, 8.78125, 8.78125];
        for (got, want) in outcome.funded.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{:?}", outcome.funded);
        }
        // Ready two years after funding.
        assert_eq!(outcome.ready[..2], [0.0, 0.0]);
        assert!((outcome.ready[2] - 2.5).abs() < 1e-12 && (outcome.ready[4] - 5.78125).abs() < 1e-12);
        // An overdrawn year funds nothing new and still pays the brigades it has.
        assert!((outcome.spent_eur_bn[4] - 8.78125).abs() < 1e-12);
    }

    #[test]
    fn hand_checked_forward_basing() {
        // Budget 10 a year, half the brigades forward, at most 1.5, each 1 a year more from the
        // year after funding. Year 0: 2.5. Year 1: running 2.5 + min(1.25, 1.5) = 3.75, new
        // 6.25 / 4 = 1.5625 → 4.0625. Year 2: running 4.0625 + 1.5 = 5.5625, new 1.109375 →
        // 5.171875. Forward: half the ready brigades (N two years earlier), at most 1.5.
        let forward = BuildupInputs {
            forward_share: 0.5,
            forward_max_brigades: 1.5,
            forward_running_eur_bn: 1.0,
            ..inputs(vec![20.0; 4])
        };
        let outcome = project(&forward).unwrap();
        let want = [2.5, 4.0625, 5.171875];
        for (got, want) in outcome.funded.iter().zip(want) {
            assert!((got - want).abs() < 1e-12, "{:?}", outcome.funded);
        }
        let want_forward = [0.0, 0.0, 1.25, 1.5];
        for (got, want) in outcome.forward.iter().zip(want_forward) {
            assert!((got - want).abs() < 1e-12, "{:?}", outcome.forward);
        }
        assert!((outcome.spent_eur_bn[1] - (3.75 + 1.5625 * 4.0)).abs() < 1e-12);
        // Without the premium the same brigades go forward and the build-up is the one
        // without forward basing.
        let free = BuildupInputs { forward_running_eur_bn: 0.0, ..forward };
        let without = project(&inputs(vec![20.0; 4])).unwrap();
        assert_eq!(project(&free).unwrap().funded, without.funded);
        assert_eq!(project(&free).unwrap().forward, outcome.forward);
    }

    #[test]
    fn the_build_up_levels_off_where_the_budget_only_runs_what_it_has() {
        let outcome = project(&inputs(vec![20.0; 200])).unwrap();
        // N* = budget / O = 10 / 1.
        assert!((outcome.funded[199] - 10.0).abs() < 1e-6, "{}", outcome.funded[199]);
    }

    #[test]
    fn invalid_inputs_are_named() {
        let bad = BuildupInputs { brigade_cost_eur_bn: 0.0, ..inputs(vec![1.0]) };
        assert!(project(&bad).unwrap_err().to_string().contains("brigade_cost_eur_bn"));
        let bad = BuildupInputs { land_share: f64::NAN, ..inputs(vec![1.0]) };
        assert!(project(&bad).unwrap_err().to_string().contains("land_share"));
        let bad = inputs(vec![1.0, f64::INFINITY]);
        assert!(project(&bad).unwrap_err().to_string().contains("free_headroom_eur_bn[1]"));
    }

    fn arbitrary_inputs() -> impl Strategy<Value = BuildupInputs> {
        (
            prop::collection::vec(-50.0f64..400.0, 1..30),
            0.0f64..1.0,
            1.0f64..10.0,
            0.0f64..1.0,
            0.0f64..6.0,
            0.0f64..8.0,
            (0.0f64..1.0, 0.0f64..10.0, 0.0f64..1.0),
        )
            .prop_map(
                |(
                    free,
                    land_share,
                    price,
                    running_share,
                    lead_years,
                    max_new_per_year,
                    (forward_share, forward_max_brigades, premium_part),
                )| {
                    // O + O_f < P, the model card's condition for monotonicity.
                    let running = price * running_share * 0.99;
                    BuildupInputs {
                        free_headroom_eur_bn: free,
                        land_share,
                        brigade_cost_eur_bn: price,
                        brigade_running_eur_bn: running * (1.0 - premium_part),
                        lead_years,
                        max_new_per_year,
                        forward_share,
                        forward_max_brigades,
                        forward_running_eur_bn: running * premium_part,
                    }
                },
            )
    }

    proptest! {
        /// More money, a faster pace or a shorter lead time never leaves fewer brigades ready
        /// in any year.
        #[test]
        fn more_money_pace_or_speed_never_gives_fewer_brigades(
            base in arbitrary_inputs(),
            more_share in 0.0f64..0.5,
            more_free in 0.0f64..100.0,
            more_pace in 0.0f64..3.0,
            less_lead in 0.0f64..3.0,
        ) {
            let before = project(&base).unwrap().ready;
            let variants = [
                BuildupInputs { land_share: (base.land_share + more_share).min(1.0), ..base.clone() },
                BuildupInputs {
                    free_headroom_eur_bn: base.free_headroom_eur_bn.iter().map(|f| f + more_free).collect(),
                    ..base.clone()
                },
                BuildupInputs { max_new_per_year: base.max_new_per_year + more_pace, ..base.clone() },
                BuildupInputs { lead_years: (base.lead_years - less_lead).max(0.0), ..base.clone() },
            ];
            let forward_before = project(&base).unwrap().forward;
            for (idx, variant) in variants.iter().enumerate() {
                let outcome = project(variant).unwrap();
                for (t, (b, a)) in before.iter().zip(&outcome.ready).enumerate() {
                    prop_assert!(*a >= *b - 1e-9, "variant {}, year {}: {} < {}", idx, t, a, b);
                }
                for (t, (b, a)) in forward_before.iter().zip(&outcome.forward).enumerate() {
                    prop_assert!(*a >= *b - 1e-9, "forward, variant {}, year {}: {} < {}", idx, t, a, b);
                }
            }
        }

        /// No more than the share of the ready brigades and no more than the cap are based
        /// forward; with a share of 0 none are, whatever the cap and premium, and the build-up
        /// is bit for bit the one without forward basing.
        #[test]
        fn forward_brigades_stay_within_share_and_cap(inputs in arbitrary_inputs()) {
            let outcome = project(&inputs).unwrap();
            for (forward, ready) in outcome.forward.iter().zip(&outcome.ready) {
                prop_assert!(*forward <= inputs.forward_share * ready + 1e-12);
                prop_assert!(*forward <= inputs.forward_max_brigades + 1e-12 && *forward >= 0.0);
            }
            let none = BuildupInputs { forward_share: 0.0, ..inputs.clone() };
            let reference =
                BuildupInputs { forward_max_brigades: 0.0, forward_running_eur_bn: 0.0, ..none.clone() };
            let (none, reference) = (project(&none).unwrap(), project(&reference).unwrap());
            prop_assert!(none.forward.iter().all(|f| f.to_bits() == 0.0f64.to_bits()));
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&none.funded), bits(&reference.funded));
            prop_assert_eq!(bits(&none.spent_eur_bn), bits(&reference.spent_eur_bn));
        }

        /// Where the pace, not the money, limits the build-up, a larger share or cap never
        /// bases fewer brigades forward, and the brigades ready do not depend on them.
        #[test]
        fn more_share_or_room_bases_more_brigades_forward_when_money_is_ample(
            base in arbitrary_inputs(),
            more_share in 0.0f64..0.5,
            more_room in 0.0f64..5.0,
        ) {
            // Headroom far above anything the pace can spend: the budget never binds.
            let ample = BuildupInputs {
                free_headroom_eur_bn: vec![1.0e6; base.free_headroom_eur_bn.len()],
                land_share: base.land_share.max(0.5),
                ..base
            };
            let before = project(&ample).unwrap();
            for variant in [
                BuildupInputs { forward_share: (ample.forward_share + more_share).min(1.0), ..ample.clone() },
                BuildupInputs { forward_max_brigades: ample.forward_max_brigades + more_room, ..ample.clone() },
            ] {
                let after = project(&variant).unwrap();
                prop_assert_eq!(&after.ready, &before.ready);
                for (b, a) in before.forward.iter().zip(&after.forward) {
                    prop_assert!(*a >= *b);
                }
            }
        }

        /// Funded brigades never fall, never rise faster than the pace, and the money spent on
        /// new ones never exceeds the land share of the headroom.
        #[test]
        fn funded_brigades_rise_within_pace_and_budget(inputs in arbitrary_inputs()) {
            let outcome = project(&inputs).unwrap();
            let mut last = 0.0;
            for (t, funded) in outcome.funded.iter().enumerate() {
                let new = funded - last;
                prop_assert!(new >= 0.0 && new <= inputs.max_new_per_year + 1e-9);
                let budget = inputs.land_share * inputs.free_headroom_eur_bn[t].max(0.0);
                prop_assert!(new * inputs.brigade_cost_eur_bn <= budget + 1e-9);
                prop_assert!(outcome.ready[t] <= *funded + 1e-9);
                last = *funded;
            }
        }
    }
}
