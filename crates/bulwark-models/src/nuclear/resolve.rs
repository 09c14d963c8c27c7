//! A patron's own resolve ("would Paris risk itself for Tallinn?"): the damage the adversary can
//! inflict on *that* patron, relative to the patron's stake in the protégé.
//!
//! ```text
//! E_P = (A + ρ_P × N_adv) × (1 − m_P)      adversary warheads able to reach P, after P's missile defence
//! δ_P = E_P / V_P                          damage relative to P's value (V_P: warheads that would
//!                                          destroy P's population centres, from its population)
//! S_P = (w_t t_P + w_f f_P + w_x x_P) / (w_t + w_f + w_x)     stake in the protégé, in [0, 1]
//! R_P = k S_P / (k S_P + δ_P)              (1 when both are 0: nothing at risk, nothing to weigh)
//! ```
//!
//! `A` is the adversary's survivable strategic warheads (its assured retaliation, which reaches
//! every patron), `N_adv` its non-strategic warheads and `ρ_P` the share of those able to reach
//! P (zero across an ocean); `t_P` the treaty commitment to the protégé, `f_P` the forces P has
//! stationed there, `x_P` its proximity (each 0 to 1); `k` the damage ratio per unit of stake at
//! which resolve halves. `R_P` falls as `E_P` rises and rises with `S_P`; a patron with no stake
//! has no resolve. Policy level only: aggregate warhead counts against a population-scaled
//! value, no targets.

use crate::error::check_range;
use crate::ModelError;

use super::MODEL;

/// What a patron has at stake in the protégé, each 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stake {
    /// `t_P`: the treaty commitment (1 = a mutual-defence clause such as Article 5).
    pub treaty: f64,
    /// `f_P`: forces stationed in the protégé (1 = a lead role with a brigade or more).
    pub forces: f64,
    /// `x_P`: proximity (1 = neighbouring, 0 = across an ocean).
    pub proximity: f64,
}

/// Weights of the stake's parts, `w_t`, `w_f`, `w_x` (not all zero).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StakeWeights {
    /// `w_t`.
    pub treaty: f64,
    /// `w_f`.
    pub forces: f64,
    /// `w_x`.
    pub proximity: f64,
}

impl StakeWeights {
    /// `S_P`, the weighted mean of the stake's parts.
    pub fn stake(&self, stake: &Stake) -> f64 {
        let total = self.treaty + self.forces + self.proximity;
        if total <= 0.0 {
            return 0.0;
        }
        ((self.treaty * stake.treaty + self.forces * stake.forces + self.proximity * stake.proximity) / total)
            .clamp(0.0, 1.0)
    }
}

/// How exposed a patron is to the adversary, and what it has at stake.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exposure {
    /// Its stake in the protégé.
    pub stake: Stake,
    /// `m_P`: share of reaching warheads its missile defence would stop, 0 to 1.
    pub missile_defence: f64,
    /// `ρ_P`: share of the adversary's non-strategic warheads able to reach it, 0 to 1.
    pub nonstrategic_reach: f64,
    /// `V_P`: warheads that would destroy its population centres (> 0).
    pub value_warheads: f64,
}

impl Exposure {
    pub(super) fn validate(&self, state: &str) -> Result<(), ModelError> {
        let at = |field: &str| format!("patron {state}.{field}");
        let unit = (0.0, 1.0);
        check_range(MODEL, at("stake.treaty"), self.stake.treaty, unit, "a fraction in [0, 1]")?;
        check_range(MODEL, at("stake.forces"), self.stake.forces, unit, "a fraction in [0, 1]")?;
        check_range(MODEL, at("stake.proximity"), self.stake.proximity, unit, "a fraction in [0, 1]")?;
        check_range(MODEL, at("missile_defence"), self.missile_defence, unit, "a fraction in [0, 1]")?;
        check_range(MODEL, at("nonstrategic_reach"), self.nonstrategic_reach, unit, "a fraction in [0, 1]")?;
        check_range(MODEL, at("value_warheads"), self.value_warheads, (1e-9, 1e9), "> 0 warheads")?;
        Ok(())
    }
}

/// The adversary's warheads as resolve sees them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Threat {
    /// `A`: survivable strategic warheads.
    pub strategic_survivable_warheads: f64,
    /// `N_adv`: non-strategic warheads.
    pub nonstrategic_warheads: f64,
}

impl Threat {
    /// The threat with both counts multiplied by `by`.
    pub fn scaled(self, by: f64) -> Threat {
        Threat {
            strategic_survivable_warheads: self.strategic_survivable_warheads * by,
            nonstrategic_warheads: self.nonstrategic_warheads * by,
        }
    }
}

/// Resolve and the steps to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResolveParts {
    /// `A + ρ_P × N_adv`.
    pub reaching_warheads: f64,
    /// `E_P`, after missile defence.
    pub after_defence_warheads: f64,
    /// `V_P`.
    pub value_warheads: f64,
    /// `δ_P = E_P / V_P`.
    pub damage_ratio: f64,
    /// `S_P`.
    pub stake: f64,
    /// `R_P`.
    pub resolve: f64,
}

/// `R_P = k S / (k S + δ)`, 1 when both are 0.
pub fn resolve_of(stake: f64, damage_ratio: f64, stake_factor: f64) -> f64 {
    let weighed = stake_factor.max(0.0) * stake.clamp(0.0, 1.0);
    let damage = damage_ratio.max(0.0);
    if weighed + damage <= 0.0 {
        1.0
    } else {
        weighed / (weighed + damage)
    }
}

/// The steps from a patron's exposure and the threat to its resolve.
pub fn resolve_parts(
    exposure: &Exposure,
    threat: Threat,
    weights: &StakeWeights,
    stake_factor: f64,
) -> ResolveParts {
    let reaching_warheads = threat.strategic_survivable_warheads.max(0.0)
        + exposure.nonstrategic_reach.clamp(0.0, 1.0) * threat.nonstrategic_warheads.max(0.0);
    let after_defence_warheads = reaching_warheads * (1.0 - exposure.missile_defence.clamp(0.0, 1.0));
    let damage_ratio = after_defence_warheads / exposure.value_warheads;
    let stake = weights.stake(&exposure.stake);
    ResolveParts {
        reaching_warheads,
        after_defence_warheads,
        value_warheads: exposure.value_warheads,
        damage_ratio,
        stake,
        resolve: resolve_of(stake, damage_ratio, stake_factor),
    }
}

/// A change that moves a patron's resolve, shown in the report as "what moves it".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mover {
    /// Forces stationed in the protégé raised to a lead role (`f_P = 1`).
    ForcesStationed,
    /// Missile defence stopping a further quarter of the reaching warheads.
    MissileDefence,
    /// The adversary's warheads halved (arms control).
    AdversaryHalved,
    /// The adversary's warheads doubled (an arms race).
    AdversaryDoubled,
}

impl Mover {
    /// Every mover, in report order.
    pub const ALL: [Mover; 4] =
        [Mover::ForcesStationed, Mover::MissileDefence, Mover::AdversaryHalved, Mover::AdversaryDoubled];

    /// Short words for reports.
    pub fn label(self) -> &'static str {
        match self {
            Mover::ForcesStationed => "forces stationed in the protégé at a lead role",
            Mover::MissileDefence => "missile defence stopping 25 points more",
            Mover::AdversaryHalved => "Russian warheads halved (arms control)",
            Mover::AdversaryDoubled => "Russian warheads doubled (arms race)",
        }
    }

    /// Its id in JSON and metrics.
    pub fn id(self) -> &'static str {
        match self {
            Mover::ForcesStationed => "forces_stationed",
            Mover::MissileDefence => "missile_defence",
            Mover::AdversaryHalved => "adversary_halved",
            Mover::AdversaryDoubled => "adversary_doubled",
        }
    }
}

/// Resolve after each [`Mover`], in the order of [`Mover::ALL`].
pub fn movers(
    exposure: &Exposure,
    threat: Threat,
    weights: &StakeWeights,
    stake_factor: f64,
) -> [(Mover, f64); 4] {
    Mover::ALL.map(|mover| {
        let (mut changed, mut threat_after) = (*exposure, threat);
        match mover {
            Mover::ForcesStationed => changed.stake.forces = 1.0,
            Mover::MissileDefence => changed.missile_defence = (changed.missile_defence + 0.25).min(1.0),
            Mover::AdversaryHalved => threat_after = threat.scaled(0.5),
            Mover::AdversaryDoubled => threat_after = threat.scaled(2.0),
        }
        (mover, resolve_parts(&changed, threat_after, weights, stake_factor).resolve)
    })
}
