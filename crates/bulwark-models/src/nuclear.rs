//! Nuclear balance and extended deterrence: survivable warheads, retaliation adequacy, the
//! non-strategic balance, the credibility of each patron's umbrella as a product of five
//! factors, its curve over the years of the patrons' elections, and what Europe could do
//! instead: the option table ([`options`]) and packages of options under a budget and a year
//! ([`packages`]). Aggregate and policy-level only: public warhead counts per state and leg, no
//! targets, no weapons effects.
//!
//! # Model card
//!
//! **Forces.** A state's force is a list of legs (SSBN, air, ICBM), each with deployed warheads
//! `n_l`, the fraction at sea or on alert `a_l` and the probability `s_l` that an alert warhead
//! survives an adversary first strike. Survivable warheads
//!
//! ```text
//! W_s = Σ_l n_l × a_l × s_l
//! ```
//!
//! and retaliation adequacy `W_s / D`, with `D` the scenario's threshold of unacceptable damage
//! (warheads that must survive to deter).
//!
//! **Non-strategic balance.** `N_adv / N_own` (non-strategic warheads of the adversary over
//! those available to the protégés), the "escalation dominance" gap; `None` (unbounded) when the
//! protégés have none, and the gap `N_adv − N_own` in warheads.
//!
//! **Extended-deterrence credibility** of patron `P` for a European protégé at the end of year
//! `y`, each factor in `[0, 1]`:
//!
//! ```text
//! C_P(y) = commitment × capability × resolve × continuity(y) × presence
//! commitment    = c_P × posture_P            (formal commitment, scaled by the share kept)
//! capability    = min(1, W_s,P / D)
//! resolve       = k S_P / (k S_P + δ_P)      (the patron's own: [`resolve`]); 1 for a
//!                                             protégé's own deterrent
//! δ_P           = (A + ρ_P N_adv)(1 − m_P) / V_P
//! continuity(y) = (1 − r_P)^{n_P(y)}         (n_P(y): the patron's elections from the start
//!                                             to y, from its calendar: [`calendar`])
//! presence      = p_P                        (forward-based or shared nuclear-capable aircraft)
//! ```
//!
//! `A` is the adversary's survivable strategic warheads, `N_adv` its non-strategic ones, `ρ_P`
//! the share of those that reach P, `m_P` P's missile defence, `V_P` the warheads that would
//! destroy P's population centres (its population × a value per million people), `S_P` its
//! stake in the protégé (treaty, forces stationed there, proximity) and `k` the damage ratio per
//! unit of stake at which resolve halves: "Paris for Tallinn" differs from "Washington for
//! Tallinn" because Russia can do more damage, relative to its size, to France. The headline
//! credibility is `C_P` at the end of the horizon `T`; the curve is `C(y)` for every year.
//!
//! The sensitivity of `C_P` to factor `f_i` is `∂C_P/∂f_i = Π_{j≠i} f_j`; the report also shows
//! the gain from raising that factor to 1, `(1 − f_i) × ∂C_P/∂f_i`. Several patrons (and
//! non-nuclear sources of deterrence) combine as independent chances that at least one deters:
//! `C = 1 − Π_P (1 − C_P)`, so adding a patron or raising a factor never lowers `C`, and no year
//! is more credible than the one before (elections only ever withdraw).
//!
//! | parameter | unit | default (baseline scenario) | range |
//! |---|---|---|---|
//! | `D`: `nuclear_unacceptable_damage_warheads` | warheads | 200 (100–300) | > 0 |
//! | `k`: `nuclear_resolve_stake_factor` | ratio | 2 (1–3) | ≥ 0 |
//! | `V_P / pop`: `nuclear_value_warheads_per_million_people` | warheads | 1 | > 0 |
//! | `w_t, w_f, w_x`: `nuclear_stake_weight_<part>` | weight | 0.5, 0.3, 0.2 | ≥ 0, not all 0 |
//! | `t_P, f_P, x_P`: `nuclear_stake_<part>_<state>` | fraction | USA 1/0.5/0.1, GBR 1/0.7/0.4, FRA 1/0.3/0.5 | 0–1 |
//! | `m_P`: `nuclear_missile_defence_<state>` | fraction | USA 0.05, others 0 | 0–1 |
//! | `ρ_P`: `nuclear_nonstrategic_reach_<state>` | fraction | USA 0, GBR 0.2, FRA 0.2 | 0–1 |
//! | `T`: `nuclear_horizon_years` | years | 10 | 0–200 |
//! | `a_l`: `nuclear_alert_<leg>_<state>` | fraction | 0.05–0.97 | 0–1 |
//! | `s_l`: `nuclear_survival_<leg>` | probability | SSBN 0.94, air 0.5, ICBM 0.25 | 0–1 |
//! | `c_P`: `nuclear_commitment_<state>` | fraction | USA 0.9, GBR 0.7, FRA 0.4 | 0–1 |
//! | `r_P`: `nuclear_reversal_<state>` | probability per election | USA 0.25, FRA 0.15, GBR 0.05 | 0–1 |
//! | `y₀,P`: `nuclear_election_first_year_<state>` | year | USA 2028, FRA 2027, GBR 2029 | 1900–2200 |
//! | `e_P`: `nuclear_election_interval_<state>` | years | USA 4, FRA 5, GBR 5 | 0.5–100 |
//! | `p_P`: `nuclear_presence_<state>` | fraction | USA 0.9, FRA 0.1, GBR 0.1 | 0–1 |
//!
//! Simplifications, stated so they can be argued with: one survival probability per leg,
//! whoever strikes first; one representative non-nuclear protégé (an eastern-flank ally); the
//! factors are independent; population stands for a patron's value; an election either keeps
//! or withdraws the whole commitment; the credibility is a structured judgement, not a
//! probability anyone can measure.
//!
//! References: warhead counts from the FAS Nuclear Notebooks and SIPRI Yearbook 2025 (dataset
//! `nuclear.csv`); Schelling, *Arms and Influence* (1966) on the credibility of extended
//! deterrence and the stake that makes a commitment believable; Freedman, *The Evolution of
//! Nuclear Strategy* (4th ed., 2019).

pub mod calendar;
pub mod options;
pub mod packages;
pub mod resolve;

use crate::error::check_range;
use crate::ModelError;

pub use calendar::{CurvePoint, Elections};
pub use resolve::{Exposure, Mover, ResolveParts, Stake, StakeWeights, Threat};

const MODEL: &str = "nuclear";

/// A leg of a strategic nuclear force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Leg {
    /// Ballistic-missile submarines.
    Ssbn,
    /// Aircraft (bombers, dual-capable aircraft).
    Air,
    /// Land-based intercontinental ballistic missiles.
    Icbm,
}

impl Leg {
    /// Every leg, in report order.
    pub const ALL: [Leg; 3] = [Leg::Ssbn, Leg::Air, Leg::Icbm];

    /// The dataset's spelling (`ssbn`, `air`, `icbm`).
    pub fn label(self) -> &'static str {
        match self {
            Leg::Ssbn => "ssbn",
            Leg::Air => "air",
            Leg::Icbm => "icbm",
        }
    }
}

/// One leg of a state's force.
#[derive(Clone, Debug, PartialEq)]
pub struct LegForce {
    /// Which leg.
    pub leg: Leg,
    /// Deployed warheads on this leg.
    pub deployed_warheads: f64,
    /// Fraction at sea or on alert, 0 to 1.
    pub alert_fraction: f64,
    /// Probability that an alert warhead survives a first strike, 0 to 1.
    pub survival_probability: f64,
}

impl LegForce {
    /// `n × a × s`.
    pub fn survivable_warheads(&self) -> f64 {
        self.deployed_warheads * self.alert_fraction * self.survival_probability
    }
}

/// A nuclear-armed state's forces.
#[derive(Clone, Debug, PartialEq)]
pub struct Force {
    /// ISO 3166 alpha-3 code.
    pub state: String,
    /// Strategic legs.
    pub legs: Vec<LegForce>,
    /// Warheads in storage (stockpile less deployed).
    pub stored_warheads: f64,
    /// Non-strategic warheads available in the theatre.
    pub nonstrategic_warheads: f64,
}

impl Force {
    /// Deployed strategic warheads, all legs.
    pub fn deployed_warheads(&self) -> f64 {
        self.legs.iter().map(|l| l.deployed_warheads).sum()
    }

    /// `W_s = Σ_leg deployed × alert × survival`.
    pub fn survivable_warheads(&self) -> f64 {
        self.legs.iter().map(LegForce::survivable_warheads).sum()
    }

    fn validate(&self) -> Result<(), ModelError> {
        let name = |field: &str| format!("{}.{field}", self.state);
        for leg in &self.legs {
            let at = |field: &str| name(&format!("{}.{field}", leg.leg.label()));
            check_range(MODEL, at("deployed_warheads"), leg.deployed_warheads, (0.0, 1e5), "≥ 0 warheads")?;
            check_range(MODEL, at("alert_fraction"), leg.alert_fraction, (0.0, 1.0), "a fraction in [0, 1]")?;
            check_range(
                MODEL,
                at("survival"),
                leg.survival_probability,
                (0.0, 1.0),
                "a probability in [0, 1]",
            )?;
        }
        check_range(MODEL, name("stored_warheads"), self.stored_warheads, (0.0, 1e5), "≥ 0 warheads")?;
        check_range(MODEL, name("nonstrategic"), self.nonstrategic_warheads, (0.0, 1e5), "≥ 0 warheads")?;
        Ok(())
    }
}

/// The five factors of extended-deterrence credibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Factor {
    /// Formal commitment (treaty, doctrine), scaled by the posture kept.
    Commitment,
    /// `min(1, W_s / D)`.
    Capability,
    /// Falls as the adversary's assured retaliation against the patron grows.
    Resolve,
    /// Chance the commitment survives the patron's elections over the horizon.
    Continuity,
    /// Forward-based or shared nuclear-capable forces.
    Presence,
}

impl Factor {
    /// Every factor, in the order of the product.
    pub const ALL: [Factor; 5] =
        [Factor::Commitment, Factor::Capability, Factor::Resolve, Factor::Continuity, Factor::Presence];

    /// Lower-case words for reports.
    pub fn label(self) -> &'static str {
        match self {
            Factor::Commitment => "commitment",
            Factor::Capability => "capability",
            Factor::Resolve => "resolve",
            Factor::Continuity => "political continuity",
            Factor::Presence => "forward presence",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Values of the five factors, each in `[0, 1]`, in the order of [`Factor::ALL`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Factors(pub [f64; 5]);

impl Factors {
    /// The value of one factor.
    pub fn value(&self, factor: Factor) -> f64 {
        self.0[factor.index()]
    }

    /// A copy with `factor` set to `value`, clamped to `[0, 1]`.
    pub fn with(mut self, factor: Factor, value: f64) -> Factors {
        self.0[factor.index()] = value.clamp(0.0, 1.0);
        self
    }

    /// The product of the factors: the patron's credibility.
    pub fn product(&self) -> f64 {
        self.0.iter().product()
    }

    /// `∂product/∂f_i = Π_{j≠i} f_j`, per factor.
    pub fn sensitivity(&self) -> [f64; 5] {
        std::array::from_fn(|i| self.0.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, f)| f).product())
    }

    /// `(1 − f_i) × ∂product/∂f_i`: what raising each factor to 1 would add.
    pub fn gain_to_full(&self) -> [f64; 5] {
        let sensitivity = self.sensitivity();
        std::array::from_fn(|i| (1.0 - self.0[i]) * sensitivity[i])
    }
}

/// A patron (or a protégé's own deterrent) and its judgement factors.
#[derive(Clone, Debug, PartialEq)]
pub struct Patron {
    /// ISO 3166 alpha-3 code, or a label such as `national`.
    pub state: String,
    /// Formal commitment `c_P`, 0 to 1.
    pub commitment: f64,
    /// Share of today's posture kept (the scenario's US nuclear posture; 1 for the others).
    pub posture: f64,
    /// Its election calendar and the chance that one election withdraws the commitment.
    pub elections: Elections,
    /// Forward presence `p_P`, 0 to 1.
    pub presence: f64,
    /// Survivable warheads counted for its capability; `None` takes the force of `state`.
    pub survivable_warheads: Option<f64>,
    /// Its exposure to the adversary and stake in the protégé; `None` for a protégé's own
    /// deterrent, whose resolve is 1.
    pub exposure: Option<Exposure>,
}

/// Parameters shared by every patron.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DeterrenceParams {
    /// `D`, warheads.
    pub unacceptable_damage_warheads: f64,
    /// `w_t`, `w_f`, `w_x`: the weights of a patron's stake.
    pub stake_weights: StakeWeights,
    /// `k`: the damage ratio per unit of stake at which resolve halves.
    pub resolve_stake_factor: f64,
    /// The dataset's year: the curve starts at its end, elections count from it.
    pub start_year: u16,
    /// `T`, years.
    pub horizon_years: f64,
}

impl DeterrenceParams {
    fn validate(&self) -> Result<(), ModelError> {
        check_range(
            MODEL,
            "unacceptable_damage_warheads",
            self.unacceptable_damage_warheads,
            (1e-9, 1e5),
            "> 0",
        )?;
        let w = &self.stake_weights;
        for (name, value) in [
            ("stake_weight_treaty", w.treaty),
            ("stake_weight_forces", w.forces),
            ("stake_weight_proximity", w.proximity),
        ] {
            check_range(MODEL, name, value, (0.0, 1e6), "a weight ≥ 0")?;
        }
        if w.treaty + w.forces + w.proximity <= 0.0 {
            return Err(ModelError::input(MODEL, "the stake weights are all 0; at least one must be > 0"));
        }
        check_range(MODEL, "resolve_stake_factor", self.resolve_stake_factor, (0.0, 1e6), "≥ 0")?;
        check_range(MODEL, "horizon_years", self.horizon_years, (0.0, 200.0), "0 to 200 years")?;
        Ok(())
    }

    /// The last year of the horizon, `start + ⌊T⌋`.
    pub fn end_year(&self) -> u16 {
        let years = self.horizon_years.clamp(0.0, 200.0).floor() as u16;
        self.start_year.saturating_add(years)
    }
}

/// `min(1, W_s / D)`.
pub fn capability(survivable_warheads: f64, unacceptable_damage_warheads: f64) -> f64 {
    (survivable_warheads / unacceptable_damage_warheads).clamp(0.0, 1.0)
}

/// One patron's credibility, factor by factor.
#[derive(Clone, Debug, PartialEq)]
pub struct PatronCredibility {
    /// The patron.
    pub state: String,
    /// Survivable warheads counted for its capability.
    pub survivable_warheads: f64,
    /// `W_s / D`.
    pub adequacy: f64,
    /// The five factors.
    pub factors: Factors,
    /// Their product.
    pub credibility: f64,
    /// `∂C/∂f_i`.
    pub sensitivity: [f64; 5],
    /// `(1 − f_i) × ∂C/∂f_i`.
    pub gain_to_full: [f64; 5],
}

/// The factors of `patron` at the end of `year`, given its survivable warheads and the threat.
pub fn patron_factors(
    patron: &Patron,
    survivable_warheads: f64,
    threat: Threat,
    params: &DeterrenceParams,
    year: u16,
) -> Factors {
    let resolve = patron.exposure.as_ref().map_or(1.0, |exposure| {
        resolve::resolve_parts(exposure, threat, &params.stake_weights, params.resolve_stake_factor).resolve
    });
    Factors([
        (patron.commitment * patron.posture).clamp(0.0, 1.0),
        capability(survivable_warheads, params.unacceptable_damage_warheads),
        resolve,
        patron.elections.continuity(f64::from(params.start_year), f64::from(year)),
        patron.presence.clamp(0.0, 1.0),
    ])
}

/// A patron's credibility from its factors.
pub fn credibility_of(state: &str, survivable_warheads: f64, factors: Factors, d: f64) -> PatronCredibility {
    PatronCredibility {
        state: state.to_string(),
        survivable_warheads,
        adequacy: survivable_warheads / d,
        factors,
        credibility: factors.product(),
        sensitivity: factors.sensitivity(),
        gain_to_full: factors.gain_to_full(),
    }
}

/// `1 − Π (1 − C_i)`: the chance that at least one source deters.
pub fn combine(credibilities: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - credibilities.into_iter().map(|c| 1.0 - c.clamp(0.0, 1.0)).product::<f64>()
}

/// The non-strategic balance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Balance {
    /// Non-strategic warheads available to the protégés.
    pub own_warheads: f64,
    /// The adversary's non-strategic warheads.
    pub adversary_warheads: f64,
    /// `adversary / own`; `None` when the protégés have none (unbounded).
    pub ratio: Option<f64>,
    /// `adversary − own`, warheads.
    pub gap_warheads: f64,
}

/// The non-strategic balance of `own` against `adversary` warheads.
pub fn nonstrategic_balance(own_warheads: f64, adversary_warheads: f64) -> Balance {
    Balance {
        own_warheads,
        adversary_warheads,
        ratio: (own_warheads > 0.0).then(|| adversary_warheads / own_warheads),
        gap_warheads: adversary_warheads - own_warheads,
    }
}

/// Everything the model needs.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearInputs {
    /// Forces of every state in the balance, the adversary's included.
    pub forces: Vec<Force>,
    /// The adversary's state code.
    pub adversary: String,
    /// The patrons of the European protégés.
    pub patrons: Vec<Patron>,
    /// Shared parameters.
    pub params: DeterrenceParams,
}

/// The umbrella over the protégés: each patron and the combination.
#[derive(Clone, Debug, PartialEq)]
pub struct Umbrella {
    /// Per patron, in input order.
    pub patrons: Vec<PatronCredibility>,
    /// Non-nuclear sources of deterrence counted in the combination.
    pub other_sources: Vec<f64>,
    /// `1 − Π (1 − C_P)`.
    pub credibility: f64,
    /// The non-strategic balance under this umbrella.
    pub balance: Balance,
}

impl NuclearInputs {
    /// Checks every force, patron and parameter.
    pub fn validate(&self) -> Result<(), ModelError> {
        self.params.validate()?;
        self.forces.iter().try_for_each(Force::validate)?;
        if self.force(&self.adversary).is_none() {
            return Err(ModelError::input(MODEL, format!("no force for the adversary `{}`", self.adversary)));
        }
        self.patrons.iter().try_for_each(|p| self.validate_patron(p))
    }

    fn validate_patron(&self, p: &Patron) -> Result<(), ModelError> {
        let at = |field: &str| format!("patron {}.{field}", p.state);
        check_range(MODEL, at("commitment"), p.commitment, (0.0, 1.0), "a fraction in [0, 1]")?;
        check_range(MODEL, at("posture"), p.posture, (0.0, 1.0), "a fraction in [0, 1]")?;
        check_range(MODEL, at("presence"), p.presence, (0.0, 1.0), "a fraction in [0, 1]")?;
        p.elections.validate(&p.state)?;
        if let Some(exposure) = &p.exposure {
            exposure.validate(&p.state)?;
        }
        match p.survivable_warheads {
            Some(w) => {
                check_range(MODEL, at("survivable_warheads"), w, (0.0, 1e5), "≥ 0 warheads")?;
            }
            None if self.force(&p.state).is_none() => {
                return Err(ModelError::input(MODEL, format!("no force for the patron `{}`", p.state)));
            }
            None => {}
        }
        Ok(())
    }

    /// The force of `state`.
    pub fn force(&self, state: &str) -> Option<&Force> {
        self.forces.iter().find(|f| f.state == state)
    }

    /// The adversary's survivable warheads (its assured retaliation).
    pub fn adversary_survivable_warheads(&self) -> f64 {
        self.force(&self.adversary).map_or(0.0, Force::survivable_warheads)
    }

    /// The adversary's warheads as a patron's resolve sees them.
    pub fn threat(&self) -> Threat {
        Threat {
            strategic_survivable_warheads: self.adversary_survivable_warheads(),
            nonstrategic_warheads: self.force(&self.adversary).map_or(0.0, |f| f.nonstrategic_warheads),
        }
    }

    /// The survivable warheads a patron counts.
    pub fn patron_warheads(&self, patron: &Patron) -> f64 {
        patron
            .survivable_warheads
            .unwrap_or_else(|| self.force(&patron.state).map_or(0.0, Force::survivable_warheads))
    }
}

/// The umbrella of `inputs.patrons` (validated inputs) at the end of the horizon, with extra
/// non-nuclear sources and per-patron factor raises (`(patron, factor, by)`, each capped at 1).
pub fn umbrella(inputs: &NuclearInputs, other_sources: &[f64], raises: &[(String, Factor, f64)]) -> Umbrella {
    umbrella_at(inputs, inputs.params.end_year(), other_sources, raises)
}

/// The umbrella at the end of `year`: as [`umbrella`], with continuity counted to `year`.
pub fn umbrella_at(
    inputs: &NuclearInputs,
    year: u16,
    other_sources: &[f64],
    raises: &[(String, Factor, f64)],
) -> Umbrella {
    let threat = inputs.threat();
    let d = inputs.params.unacceptable_damage_warheads;
    let patrons: Vec<PatronCredibility> = inputs
        .patrons
        .iter()
        .map(|p| {
            let warheads = inputs.patron_warheads(p);
            let mut factors = patron_factors(p, warheads, threat, &inputs.params, year);
            for (_, factor, by) in raises.iter().filter(|(state, _, _)| *state == p.state) {
                factors = factors.with(*factor, factors.value(*factor) + by.max(0.0));
            }
            credibility_of(&p.state, warheads, factors, d)
        })
        .collect();
    let credibility = combine(patrons.iter().map(|p| p.credibility).chain(other_sources.iter().copied()));
    let own_nonstrategic = inputs
        .patrons
        .iter()
        .filter_map(|p| Some(inputs.force(&p.state)?.nonstrategic_warheads * p.posture))
        .sum();
    Umbrella {
        patrons,
        other_sources: other_sources.to_vec(),
        credibility,
        balance: nonstrategic_balance(own_nonstrategic, threat.nonstrategic_warheads),
    }
}

/// The combined credibility at the end of each year from the start to the end of the horizon.
pub fn credibility_curve(inputs: &NuclearInputs) -> Vec<CurvePoint> {
    (inputs.params.start_year..=inputs.params.end_year())
        .map(|year| CurvePoint { year, credibility: umbrella_at(inputs, year, &[], &[]).credibility })
        .collect()
}

/// One patron's resolve, the steps to it, what moves it and its elections.
#[derive(Clone, Debug, PartialEq)]
pub struct PatronResolve {
    /// The patron.
    pub state: String,
    /// The steps from its exposure to its resolve.
    pub parts: ResolveParts,
    /// Resolve after each mover.
    pub movers: [(Mover, f64); 4],
    /// Its election years within the horizon.
    pub election_years: Vec<f64>,
    /// `r_P`, per election.
    pub withdrawal_probability: f64,
    /// Continuity at the end of the horizon.
    pub continuity: f64,
}

/// Resolve of every exposed patron of `inputs`.
pub fn patron_resolves(inputs: &NuclearInputs) -> Vec<PatronResolve> {
    let threat = inputs.threat();
    let params = &inputs.params;
    let (start, end) = (f64::from(params.start_year), f64::from(params.end_year()));
    inputs
        .patrons
        .iter()
        .filter_map(|p| {
            let exposure = p.exposure.as_ref()?;
            Some(PatronResolve {
                state: p.state.clone(),
                parts: resolve::resolve_parts(
                    exposure,
                    threat,
                    &params.stake_weights,
                    params.resolve_stake_factor,
                ),
                movers: resolve::movers(exposure, threat, &params.stake_weights, params.resolve_stake_factor),
                election_years: p.elections.years(start, end),
                withdrawal_probability: p.elections.withdrawal_probability,
                continuity: p.elections.continuity(start, end),
            })
        })
        .collect()
}

/// The model's outcome: the umbrella with the scenario's US posture, without the US and with
/// the US as today, their curves over the years, each patron's resolve, the option table
/// (against the umbrella without the US, credibility changes scaled by the umbrella with the
/// US as today) and, when asked, the search over packages of European options.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearOutcome {
    /// The adversary's survivable warheads, `A`.
    pub adversary_survivable_warheads: f64,
    /// With the scenario's US posture.
    pub with_us: Umbrella,
    /// Without the US (its posture set to 0).
    pub without_us: Umbrella,
    /// With the US as today (posture 1).
    pub us_as_today: Umbrella,
    /// Credibility by year with the scenario's US posture.
    pub curve_with_us: Vec<CurvePoint>,
    /// Credibility by year without the US.
    pub curve_without_us: Vec<CurvePoint>,
    /// Each exposed patron's resolve (the scenario's patrons).
    pub resolve: Vec<PatronResolve>,
    /// The option table, ranked.
    pub options: Vec<options::RankedOption>,
    /// The search over packages of European options (every option but those that set the US
    /// posture), against Europe without the US; `None` when not asked for.
    pub packages: Option<packages::PackageSearch>,
}

/// Runs the model: validates the inputs and options, then computes the three umbrellas, the
/// curves, each patron's resolve, the option table and, with `limits`, the package search.
/// `us_state` names the patron whose posture the scenario sets.
pub fn assess(
    inputs: &NuclearInputs,
    us_state: &str,
    option_list: &[options::NuclearOption],
    weights: &options::OptionWeights,
    limits: Option<&packages::Limits>,
) -> Result<NuclearOutcome, ModelError> {
    inputs.validate()?;
    validate_options(inputs, option_list, weights)?;
    let with_posture = |posture: f64| {
        let mut changed = inputs.clone();
        changed.patrons.iter_mut().filter(|p| p.state == us_state).for_each(|p| p.posture = posture);
        changed
    };
    let without = with_posture(0.0);
    let us_as_today = umbrella(&with_posture(1.0), &[], &[]);
    let packages = match limits {
        Some(limits) => {
            let european: Vec<options::NuclearOption> =
                option_list.iter().filter(|o| !sets_posture_of(o, us_state)).cloned().collect();
            Some(packages::search(&without, &european, limits)?)
        }
        None => None,
    };
    Ok(NuclearOutcome {
        adversary_survivable_warheads: inputs.adversary_survivable_warheads(),
        with_us: umbrella(inputs, &[], &[]),
        without_us: umbrella(&without, &[], &[]),
        curve_with_us: credibility_curve(inputs),
        curve_without_us: credibility_curve(&without),
        resolve: patron_resolves(inputs),
        options: options::option_table(&without, option_list, weights, us_as_today.credibility),
        packages,
        us_as_today,
    })
}

/// Whether `option` sets the posture of `us_state` (the US umbrella: not Europe's to build).
fn sets_posture_of(option: &options::NuclearOption, us_state: &str) -> bool {
    option.changes.iter().any(|c| matches!(c, options::Change::SetPosture { state, .. } if state == us_state))
}

fn validate_options(
    inputs: &NuclearInputs,
    option_list: &[options::NuclearOption],
    weights: &options::OptionWeights,
) -> Result<(), ModelError> {
    for option in option_list {
        let at = |field: &str| format!("option {}.{field}", option.id);
        check_range(MODEL, at("annual_cost_eur_bn"), option.annual_cost_eur_bn, (0.0, 1e4), "≥ 0")?;
        check_range(MODEL, at("years_to_implement"), option.years_to_implement, (0.0, 200.0), "0 to 200")?;
        check_range(
            MODEL,
            at("escalation_risk"),
            option.escalation_risk,
            (0.0, 1.0),
            "a fraction in [0, 1]",
        )?;
        for change in &option.changes {
            match change {
                options::Change::AddPatron(patron) => inputs.validate_patron(patron)?,
                options::Change::Raise { by, .. } => {
                    check_range(MODEL, at("raise"), *by, (0.0, 1.0), "a raise in [0, 1]")?;
                }
                options::Change::AddSource { credibility } => {
                    check_range(MODEL, at("credibility"), *credibility, (0.0, 1.0), "[0, 1]")?;
                }
                options::Change::Pool { .. } | options::Change::SetPosture { .. } => {}
            }
        }
    }
    let w = weights;
    for (name, value) in [
        ("credibility", w.credibility),
        ("cost", w.cost),
        ("years", w.years),
        ("escalation", w.escalation),
        ("npt_breach", w.npt_breach),
    ] {
        check_range(MODEL, format!("weight {name}"), value, (0.0, 1e6), "a weight ≥ 0")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
