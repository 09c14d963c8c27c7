//! Alliance decision time (docs/design.md §4.7): how long an alliance takes to decide to act, how
//! often it cannot decide at all, and when its decision is backed by forces their nations have
//! cleared to deploy, under unanimity, qualified majority and a coalition of the willing, with
//! and without the United States leading.
//!
//! # Model card
//!
//! **Two decisions.** A council of governments and a nation's forces are decided differently.
//! The North Atlantic Council acts on instructions that governments give their ambassadors, and
//! the EU Council's foreign-policy decisions are taken by ministers: neither waits for a
//! parliament. A parliament's vote (Germany's Bundestag mandate, for example) gates the
//! deployment of that nation's own forces, not the council's decision. The record shows the
//! difference: the North Atlantic Council agreed on 12 September 2001, the day after the attacks
//! on the United States, that they would fall under Article 5, and on 24 February 2022, the day
//! Russia invaded Ukraine, it met in extraordinary session and activated NATO's defence plans;
//! both long before every parliament could have voted a mandate. A model that let every
//! parliament gate the council never had the council decide within three days.
//!
//! **Members.** Member `i` has a population `pop_i`, active forces `f_i` (persons; 0 when
//! unknown) and a parliament rule: a plenary vote is required, not required, or unknown. In one
//! draw one uniform `u_i` sets its government's pace for both of its decisions (a government
//! slow to instruct its ambassador is slow to commit its forces; one draw of the stream for
//! both):
//!
//! - *council instruction*: `H_i = F_H⁻¹(u_i)` (distribution `decision_council_hours`); yes
//!   unless the government refuses (probability `r_i`: `r_gov`, or the member's own; below);
//! - *forces cleared*: `T_i = G_i + B_i × P_i`, with `G_i = F_G⁻¹(u_i)` the government's
//!   decision to commit its own forces (`decision_government_hours`), `P_i` the parliament's
//!   extra time (`decision_parliament_hours`) and `B_i` 1 when a vote is required, 0 when it is
//!   not, and for an unknown rule 1 with probability `q_unknown`; yes unless the government
//!   refuses or, when its parliament votes, the parliament refuses (probability `r_parl`):
//!   `P(no) = 1 − (1 − r_i)(1 − B_i r_parl)`.
//!
//! A member given a probability of its own (`Member::refusal_probability`, a scenario's
//! hold-out, `[decision.countries.XXX]`, none in the baseline) has its government refuse with
//! that probability, `r_i`, instead of `r_gov`; its parliament votes as any other. Each member's
//! decisions are drawn once per draw and used by every body it sits in.
//!
//! **Refusals that share a cause.** Governments would not refuse to defend an ally as
//! independent coin tosses: an ambiguous or deniable attack, or a common political climate,
//! would move them together. In each draw, with probability `ρ` (`decision_refusal_correlation`)
//! the refusals share one cause: one uniform `u_c` decides every government's, government `i`
//! refusing when `u_c < r_i`; otherwise each refuses on its own uniform, `u_i < r_i`. Whatever
//! `ρ`, each government refuses with probability `r_i` (both uniforms are uniform): the
//! correlation moves no level. Two governments both refuse with probability
//! `ρ min(r_i, r_j) + (1 − ρ) r_i r_j`, so with equal `r` their refusals correlate by exactly
//! `ρ`, and the number `N` of `n` such governments that refuse has `E[N] = n r` and
//! `Var[N] = n r (1 − r)(1 + (n − 1) ρ)`, the beta-binomial's (tested). Under unanimity every
//! government says yes with probability `ρ (1 − max_i r_i) + (1 − ρ) Π_i (1 − r_i)`: with 31
//! governments at the central `r = 0.0083`, 0.77 independent and 0.84 at `ρ = 0.3`. In a
//! draw where the cause is shared, governments refuse in order of their `r_i`: a hold-out
//! first, all with the common `r_gov` together. The shared uniform is drawn after every
//! member's, and only when `ρ > 0`, so `ρ = 0` draws exactly what independent refusals drew.
//!
//! **Rules.** For a body with members `M` (`n = |M|`, `Pop = Σ_M pop_i`, `F = Σ_M f_i`), sort
//! the members who say yes by their hours; the body decides at the first time `t` at which its
//! rule is met by the members who have said yes by `t`, and is paralysed if that never happens:
//!
//! - *unanimity* (North Atlantic Council, EU foreign policy, art. 31 TEU), on the council
//!   instructions: every member says yes; `D = max_M H_i`. One no is paralysis.
//! - *qualified majority* (EU Council, TEU art. 16(4)), on the council instructions: yes states
//!   `≥ 55 % × n` and yes population `≥ 65 % × Pop`; failing the population test, the majority
//!   is deemed reached while fewer than `k_block = 4` states are not (yet) in favour.
//! - *coalition of the willing*, on the forces cleared (a coalition exists only through the
//!   forces its members send): the first yes states whose forces together reach `s × F`, with
//!   `s` the required force share; `D` is when the last of them has cleared its forces.
//!
//! **Forces behind a decision.** A member's forces count only once they are cleared (its
//! parliament has voted where required) and never if it refuses. A body's decision is backed
//! by forces when the members that have cleared theirs hold the coalition's share of its
//! forces: `W = ` the coalition rule on the forces cleared of the body's members, and
//! `D_forces = max(D, W)` (paralysis if either never comes); for a coalition of the willing
//! `D_forces = D`.
//!
//! When the US does not lead, a coordination penalty `C` (hours) is added to `D` and to
//! `D_forces`: the time Europeans need to agree on a lead nation, a plan and a framing that the
//! US otherwise provides. With the US, the US is a member of the bodies it belongs to (its own
//! times and refusals enter) and `C = 0`.
//!
//! **In time.** A body decides in time when `D` comes within the required hours (the scenario's
//! `decision_required_hours`; read by the assessment, not here). The assessment's headline is
//! the alliance's decision to act, the earlier `D` of the North Atlantic Council and the
//! coalition of the willing; the Baltic campaign's order to move reinforcements is the earlier
//! `D_forces` of the two ([`earliest_order`]).
//!
//! On the same draws unanimity is never faster than qualified majority of the same members (both
//! read the council instructions: if everyone says yes, every threshold is met by `max H_i`),
//! and a body's `D_forces` is never earlier than the coalition of the willing of the same
//! members (`W` is that coalition's `D`); both are property-tested below.
//!
//! | parameter | unit | default (baseline scenario) | range |
//! |---|---|---|---|
//! | `decision_council_hours` | hours | lognormal(median 6, σ 0.7) | > 0 |
//! | `decision_government_hours` | hours | lognormal(median 24, σ 0.7) | > 0 |
//! | `decision_parliament_hours` | hours | lognormal(median 48, σ 0.7) | > 0 |
//! | `decision_unknown_parliament_probability` (`q_unknown`) | probability | 0.7 | 0–1 |
//! | `decision_government_refusal_probability` (`r_gov`) | probability | triangular(0, 0.005, 0.02) | 0–1 |
//! | `decision_parliament_refusal_probability` (`r_parl`) | probability | triangular(0, 0.01, 0.04) | 0–1 |
//! | `decision_coordination_penalty_hours` (`C`) | hours | triangular(12, 48, 120) | ≥ 0 |
//! | `decision_coalition_force_share` (`s`) | fraction | triangular(0.33, 0.5, 0.67) | 0–1 |
//! | `decision_refusal_correlation` (`ρ`) | fraction (correlation) | triangular(0, 0.3, 0.6) | 0–1 |
//! | `[decision.countries.XXX] refusal_probability` (`r_i`) | probability | none (every government `r_gov`) | 0–1 |
//! | `decision_us_congress_gates_forces` (assessment) | switch | 0 (no vote of Congress) | 0 or 1 |
//! | qualified majority: states, population, blocking states | fraction, fraction, count | 0.55, 0.65, 4 (treaty) | — |
//!
//! With 31 members (30 European allies and the US) the council median of 6 hours puts the
//! slowest instruction, and so the North Atlantic Council's decision, at about a day (median
//! about 25 hours; 10–90 %: about 17–40 hours): the pace of 12 September 2001. On 24 February
//! 2022 the Council decided within hours of the invasion, having met throughout weeks of
//! warning; the model's clock starts with the crisis, so that pace sits in its fast tail.
//!
//! **The US.** The assessment gives the US member no parliament vote (`B = 0`) by default: the
//! War Powers Resolution (1973, 50 U.S.C. 1541–1548) lets the President commit forces for 60
//! days, plus 30 to withdraw them, before Congress must authorise them, and no model here looks
//! that far (this model clocks hours to the first decision, the Baltic campaign ends 60 days
//! after the attack). The switch `decision_us_congress_gates_forces = 1` makes Congress a
//! parliament of unknown rule again. Beyond 60 days Congress would matter; no model reaches it.
//!
//! **Simplifications.** The shared cause is all or nothing: in a share `ρ r_gov` of draws
//! (0.25 % at the central values) every government with the common probability refuses at
//! once and no body decides, where a graded climate (beta or logit-normal mixing) would leave
//! a few governments willing; the mixture was chosen because it keeps every mean exactly, its
//! `ρ` is the correlation itself, and it needs no special function in the model. Parliaments
//! refuse on their own uniforms, outside the shared cause.
//!
//! The time distributions are drawn afresh for every member in every draw (the caller supplies
//! them through [`DecisionRng`]); the other parameters are fixed within a draw.
//!
//! Inputs: population and active personnel per member, and `parliament_approval_required`
//! where the dataset has it (sourced per country); members without it use `q_unknown`.
//!
//! References: North Atlantic Council, statement of 12 September 2001 (Article 5 applies if the
//! attacks were directed from abroad); North Atlantic Council, statement of 24 February 2022 on
//! Russia's attack on Ukraine, and NATO heads of state and government, statement of 25 February
//! 2022 ("we have activated NATO's defence plans"); War Powers Resolution, Public Law 93-148
//! (1973), 50 U.S.C. 1544(b) (60 days, extended by 30 for withdrawal); Treaty on European Union art. 16(4) and
//! art. 31 (unanimity in foreign policy); North Atlantic Treaty art. 4 and 5 and NATO's
//! consensus rule; Peace Research Institute Frankfurt (PRIF), *Parliamentary control of
//! military missions* (parliamentary veto powers over deployments); Shlapak and Johnson,
//! *Reinforcing Deterrence on NATO's Eastern Flank*, RAND RR-1253 (2016) for the hours-to-days
//! scale that makes decision time matter.

use crate::error::{check_range, check_range_lazy, ModelError};

/// Whether a member's government needs a plenary vote of its parliament before committing forces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parliament {
    /// A vote is required (sourced).
    Required,
    /// No vote is required (sourced).
    NotRequired,
    /// Not known: required with probability `unknown_parliament_probability`.
    Unknown,
}

/// One member of the alliance.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// Country code.
    pub iso3: String,
    /// Population, persons.
    pub population: f64,
    /// Active forces, persons (0 when unknown).
    pub forces: f64,
    /// Its parliament rule.
    pub parliament: Parliament,
    /// A probability that its government refuses, in place of the common one for this member
    /// (a scenario's hold-out); `None` for the common one. Its parliament, where it votes,
    /// refuses as any other.
    pub refusal_probability: Option<f64>,
}

/// The qualified-majority thresholds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QualifiedMajority {
    /// Share of member states in favour, fraction.
    pub states_share: f64,
    /// Share of the population represented by the states in favour, fraction.
    pub population_share: f64,
    /// Fewest states not in favour that can block on population (0: no such clause).
    pub blocking_min_states: usize,
}

impl QualifiedMajority {
    /// The EU Council rule of TEU art. 16(4): 55 % of states, 65 % of population, a blocking
    /// minority needs at least four states.
    pub const EU_COUNCIL: QualifiedMajority =
        QualifiedMajority { states_share: 0.55, population_share: 0.65, blocking_min_states: 4 };
}

/// A decision rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// Every member must say yes.
    Unanimity,
    /// Double majority of states and population.
    QualifiedMajority(QualifiedMajority),
    /// The first yes states that together supply the parameters' required force share.
    CoalitionOfTheWilling,
}

/// A decision-making body: a rule applied to some of the members.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    /// Name (`nac_unanimity`, …).
    pub name: String,
    /// Its rule.
    pub rule: Rule,
    /// Indices of its members in [`DecisionInputs::members`].
    pub members: Vec<usize>,
    /// Whether the US sits in it when the US takes part.
    pub includes_us: bool,
}

/// Judgement parameters fixed within a draw.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionParams {
    /// Probability that a member with an unknown rule needs a parliament vote.
    pub unknown_parliament_probability: f64,
    /// Probability that a government refuses.
    pub government_refusal_probability: f64,
    /// Probability that a parliament, when it votes, refuses.
    pub parliament_refusal_probability: f64,
    /// Hours added to a decision when the US does not lead.
    pub coordination_penalty_hours: f64,
    /// Share of a body's forces a coalition of the willing must supply, fraction.
    pub coalition_force_share: f64,
    /// Correlation `ρ` between two governments' refusals in one draw: the probability that
    /// their refusals share one cause (the common shock).
    pub refusal_correlation: f64,
}

impl Default for DecisionParams {
    /// The central values of the baseline scenario.
    fn default() -> DecisionParams {
        DecisionParams {
            unknown_parliament_probability: 0.7,
            government_refusal_probability: (0.0 + 0.005 + 0.02) / 3.0,
            parliament_refusal_probability: (0.0 + 0.01 + 0.04) / 3.0,
            coordination_penalty_hours: (12.0 + 48.0 + 120.0) / 3.0,
            coalition_force_share: 0.5,
            refusal_correlation: (0.0 + 0.3 + 0.6) / 3.0,
        }
    }
}

/// Everything the decision model needs.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionInputs {
    /// The members without the US.
    pub members: Vec<Member>,
    /// The US, when it can take part.
    pub us: Option<Member>,
    /// The bodies to evaluate.
    pub bodies: Vec<Body>,
    /// Parameters.
    pub params: DecisionParams,
}

/// The randomness one draw needs, supplied by the caller (in Bulwark, the ensemble's run
/// stream and the scenario's distributions).
pub trait DecisionRng {
    /// A uniform number in (0, 1).
    fn unit(&mut self) -> f64;
    /// A government's two times in one draw, at the same quantile of their distributions.
    fn government_hours(&mut self) -> GovernmentHours;
    /// A parliament's extra time, hours.
    fn parliament_hours(&mut self) -> f64;
    /// A parliament's extra time drawn now and turned into hours by
    /// [`DecisionRng::parliament_hours_of`] only when the parliament votes: the same draw as
    /// [`DecisionRng::parliament_hours`] (the same share of the stream), without the cost of
    /// the hours for a member whose parliament does not vote. By default, the hours at once.
    fn parliament_draw(&mut self) -> f64 {
        self.parliament_hours()
    }
    /// The hours of a [`DecisionRng::parliament_draw`]; by default the draw itself.
    fn parliament_hours_of(&self, draw: f64) -> f64 {
        draw
    }
}

/// A government's times in one draw, hours from the start of the crisis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GovernmentHours {
    /// To instruct its representative in a council (`decision_council_hours`).
    pub council: f64,
    /// To decide to commit its own forces (`decision_government_hours`).
    pub forces: f64,
}

/// One decision of a member in one draw: when, and whether it says yes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MemberDecision {
    /// When it decides, hours from the start of the crisis.
    pub hours: f64,
    /// Whether it says yes.
    pub yes: bool,
}

/// A member's two decisions in one draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NationalDecision {
    /// Its government's instruction in a council (the North Atlantic Council, the EU Council).
    pub council: MemberDecision,
    /// Its forces cleared to deploy: the government's decision, then its parliament's vote
    /// where one is required; no if either refuses.
    pub forces: MemberDecision,
}

/// What a body's rule gives in one draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RuleOutcome {
    /// Decided after this many hours.
    Decided {
        /// Hours from the start of the crisis.
        hours: f64,
    },
    /// The rule is never met.
    Paralysis,
}

impl RuleOutcome {
    /// Hours to decision, infinite for paralysis.
    pub fn hours_or_infinity(self) -> f64 {
        match self {
            RuleOutcome::Decided { hours } => hours,
            RuleOutcome::Paralysis => f64::INFINITY,
        }
    }

    /// Whether a decision came within `limit_hours`.
    pub fn within(self, limit_hours: f64) -> bool {
        self.hours_or_infinity() <= limit_hours
    }

    /// The earlier of two outcomes (paralysis only if both are).
    pub fn earliest(self, other: RuleOutcome) -> RuleOutcome {
        if self.hours_or_infinity() <= other.hours_or_infinity() {
            self
        } else {
            other
        }
    }

    /// The later of two outcomes (paralysis if either is): a decision that must wait for both.
    pub fn latest(self, other: RuleOutcome) -> RuleOutcome {
        match (self, other) {
            (RuleOutcome::Decided { hours: a }, RuleOutcome::Decided { hours: b }) => {
                RuleOutcome::Decided { hours: a.max(b) }
            }
            _ => RuleOutcome::Paralysis,
        }
    }

    fn delayed(self, extra_hours: f64) -> RuleOutcome {
        match self {
            RuleOutcome::Decided { hours } => RuleOutcome::Decided { hours: hours + extra_hours },
            RuleOutcome::Paralysis => RuleOutcome::Paralysis,
        }
    }
}

/// One draw: every body's decision (`D`) and its decision backed by cleared forces
/// (`D_forces`), with the US leading and without the US, in body order.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawOutcome {
    /// Decisions with the US as a member and leader (no coordination penalty).
    pub with_us: Vec<RuleOutcome>,
    /// Decisions without the US (coordination penalty added).
    pub without_us: Vec<RuleOutcome>,
    /// Decisions backed by cleared forces, with the US.
    pub forces_with_us: Vec<RuleOutcome>,
    /// Decisions backed by cleared forces, without the US (coordination penalty added).
    pub forces_without_us: Vec<RuleOutcome>,
}

impl DecisionParams {
    /// Checks that the probabilities lie in [0, 1] and the penalty in [0, 10^6] hours.
    pub fn validate(&self) -> Result<(), ModelError> {
        let p = self;
        let unit = (0.0, 1.0);
        check_range(MODEL, "unknown_parliament_probability", p.unknown_parliament_probability, unit, "0–1")?;
        check_range(MODEL, "government_refusal_probability", p.government_refusal_probability, unit, "0–1")?;
        check_range(MODEL, "parliament_refusal_probability", p.parliament_refusal_probability, unit, "0–1")?;
        check_range(MODEL, "coalition_force_share", p.coalition_force_share, unit, "0–1")?;
        check_range(MODEL, "refusal_correlation", p.refusal_correlation, unit, "0–1")?;
        check_range(
            MODEL,
            "coordination_penalty_hours",
            p.coordination_penalty_hours,
            (0.0, 1e6),
            "≥ 0 hours",
        )?;
        Ok(())
    }
}

impl DecisionInputs {
    /// Checks ranges of the parameters and of the members' figures, and the bodies' indices.
    pub fn validate(&self) -> Result<(), ModelError> {
        self.params.validate()?;
        let unit = (0.0, 1.0);
        for member in self.members.iter().chain(&self.us) {
            let name = |field: &'static str| move || format!("{}.{field}", member.iso3);
            check_range_lazy(MODEL, name("population"), member.population, (0.0, 1e10), "≥ 0")?;
            check_range_lazy(MODEL, name("forces"), member.forces, (0.0, 1e8), "≥ 0")?;
            if let Some(refusal) = member.refusal_probability {
                check_range_lazy(MODEL, name("refusal_probability"), refusal, unit, "0–1")?;
            }
        }
        for body in &self.bodies {
            if body.members.iter().any(|idx| *idx >= self.members.len()) {
                return Err(ModelError::input(
                    MODEL,
                    format!("body `{}` names a member that is not in the list", body.name),
                ));
            }
        }
        Ok(())
    }
}

const MODEL: &str = "decision";

/// Draws one member's two decisions on its own (no shared cause of refusal): always the same
/// calls on `rng` (the government's times, the parliament's time, then three uniforms), so that
/// every member consumes the same share of the stream whatever its rule.
pub fn member_decision(
    member: &Member,
    params: &DecisionParams,
    rng: &mut impl DecisionRng,
) -> NationalDecision {
    member_draw(member, params, rng).decide(member, params, None)
}

/// A member's draws before its government's refusal is settled: the refusal may share a cause
/// with the others' (the common shock), drawn only after every member.
#[derive(Clone, Copy, Debug)]
struct MemberDraw {
    /// Its decisions as if its government said yes.
    decision: NationalDecision,
    /// Its government's own uniform for refusing.
    u_government: f64,
}

impl MemberDraw {
    /// The member's decisions, its government refusing when the uniform (`common`, the shared
    /// cause's, or else its own) falls below its refusal probability.
    fn decide(self, member: &Member, params: &DecisionParams, common: Option<f64>) -> NationalDecision {
        let refusal = member.refusal_probability.unwrap_or(params.government_refusal_probability);
        let government_yes = common.unwrap_or(self.u_government) >= refusal;
        let NationalDecision { council, forces } = self.decision;
        NationalDecision {
            council: MemberDecision { hours: council.hours, yes: government_yes },
            forces: MemberDecision { hours: forces.hours, yes: government_yes && forces.yes },
        }
    }
}

fn member_draw(member: &Member, params: &DecisionParams, rng: &mut impl DecisionRng) -> MemberDraw {
    let government = rng.government_hours();
    let parliament_draw = rng.parliament_draw();
    let (u_unknown, u_government, u_parliament) = (rng.unit(), rng.unit(), rng.unit());
    let votes = match member.parliament {
        Parliament::Required => true,
        Parliament::NotRequired => false,
        Parliament::Unknown => u_unknown < params.unknown_parliament_probability,
    };
    let parliament_yes = !votes || u_parliament >= params.parliament_refusal_probability;
    // The parliament's hours count only when it votes (and are computed only then); they gate
    // the member's forces, never its instruction in a council.
    let parliament_hours = if votes { rng.parliament_hours_of(parliament_draw).max(0.0) } else { 0.0 };
    MemberDraw {
        decision: NationalDecision {
            council: MemberDecision { hours: government.council.max(0.0), yes: true },
            forces: MemberDecision {
                hours: government.forces.max(0.0) + parliament_hours,
                yes: parliament_yes,
            },
        },
        u_government,
    }
}

/// The shared cause of this draw's refusals: with probability `ρ` one uniform decides every
/// government's refusal (`Some`), else each decides on its own (`None`). One uniform of the
/// stream, drawn after every member and only when `ρ > 0`, so that `ρ = 0` draws exactly what
/// the model drew before refusals could share a cause; `u / ρ` is uniform on (0, 1) given
/// `u < ρ`.
fn common_shock(params: &DecisionParams, rng: &mut impl DecisionRng) -> Option<f64> {
    let rho = params.refusal_correlation;
    if rho <= 0.0 {
        return None;
    }
    let u = rng.unit();
    (u < rho).then(|| (u / rho).min(1.0))
}

/// Room reused from draw to draw (per thread), so that a draw allocates nothing but its result.
#[derive(Default)]
struct Scratch {
    draws: Vec<MemberDraw>,
    decisions: Vec<NationalDecision>,
    council_order: Vec<(f64, usize)>,
    forces_order: Vec<(f64, usize)>,
    council: Vec<Voter>,
    forces: Vec<Voter>,
    order: Vec<(f64, usize)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch room (a fresh one if it is in use further up the stack).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// The members' decisions, in list order, into `out`, and the US's: every member's draws (the
/// US's last, so that the other members' draws do not depend on whether the US exists), then
/// the common shock ([`common_shock`]), then each government's refusal.
fn draw_members(
    inputs: &DecisionInputs,
    params: &DecisionParams,
    rng: &mut impl DecisionRng,
    draws: &mut Vec<MemberDraw>,
    out: &mut Vec<NationalDecision>,
) -> Option<NationalDecision> {
    draws.clear();
    draws.extend(inputs.members.iter().map(|member| member_draw(member, params, rng)));
    let us = inputs.us.as_ref().map(|us| member_draw(us, params, rng));
    let common = common_shock(params, rng);
    out.clear();
    out.extend(
        inputs.members.iter().zip(draws.iter()).map(|(member, draw)| draw.decide(member, params, common)),
    );
    inputs.us.as_ref().zip(us).map(|(member, draw)| draw.decide(member, params, common))
}

/// One draw of the whole model: the members' decisions (the US's drawn last, so that the other
/// members' draws do not depend on whether the US exists), then every body with and without
/// the US.
pub fn draw(inputs: &DecisionInputs, rng: &mut impl DecisionRng) -> DrawOutcome {
    draw_with(inputs, &inputs.params, rng)
}

/// [`draw`] with `params` in place of `inputs.params`: an ensemble builds the members and
/// bodies once and draws only the parameters per run.
pub fn draw_with(
    inputs: &DecisionInputs,
    params: &DecisionParams,
    rng: &mut impl DecisionRng,
) -> DrawOutcome {
    draw_by(inputs, params, rng, Path::Sorted)
}

/// How the bodies of a draw are evaluated: with one sort for all ([`order`]) where it covers
/// them, or each body's voters sorted apart ([`rules`], the reference the first is tested
/// against bit for bit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Path {
    Sorted,
    #[cfg_attr(not(test), allow(dead_code))]
    PerBody,
}

fn draw_by(
    inputs: &DecisionInputs,
    params: &DecisionParams,
    rng: &mut impl DecisionRng,
    path: Path,
) -> DrawOutcome {
    with_scratch(|scratch| {
        let us_decision = draw_members(inputs, params, rng, &mut scratch.draws, &mut scratch.decisions);
        let n_bodies = inputs.bodies.len();
        let mut out = DrawOutcome {
            with_us: Vec::with_capacity(n_bodies),
            without_us: Vec::with_capacity(n_bodies),
            forces_with_us: Vec::with_capacity(n_bodies),
            forces_without_us: Vec::with_capacity(n_bodies),
        };
        let mut bodies = Bodies::new(inputs, us_decision, params.coalition_force_share, path, scratch);
        let penalty = params.coordination_penalty_hours;
        for body in &inputs.bodies {
            let alone = bodies.decide(body, false);
            out.without_us.push(alone.0.delayed(penalty));
            out.forces_without_us.push(alone.1.delayed(penalty));
            let with =
                if body.includes_us && inputs.us.is_some() { bodies.decide(body, true) } else { alone };
            out.with_us.push(with.0);
            out.forces_with_us.push(with.1);
        }
        out
    })
}

/// The earliest decision backed by cleared forces (`D_forces`) of the bodies at `body_indices`
/// in one draw, with the US (when it can take part) or without it (coordination penalty added):
/// the order that moves forces. The same decisions, drawn from `rng` in the same order as
/// [`draw`], so the two agree draw by draw; only the bodies asked for are evaluated (for a
/// model that needs one order per run).
pub fn earliest_order(
    inputs: &DecisionInputs,
    rng: &mut impl DecisionRng,
    body_indices: &[usize],
    with_us: bool,
) -> RuleOutcome {
    with_scratch(|scratch| {
        let params = &inputs.params;
        let us_decision = draw_members(inputs, params, rng, &mut scratch.draws, &mut scratch.decisions);
        let mut bodies =
            Bodies::new(inputs, us_decision, params.coalition_force_share, Path::Sorted, scratch);
        let mut earliest = RuleOutcome::Paralysis;
        for body in body_indices.iter().filter_map(|idx| inputs.bodies.get(*idx)) {
            let backed = if with_us {
                bodies.decide(body, body.includes_us).1
            } else {
                bodies.decide(body, false).1.delayed(params.coordination_penalty_hours)
            };
            earliest = earliest.earliest(backed);
        }
        earliest
    })
}

/// The bodies of one draw, evaluated on its decisions: the draw's two orders sorted once, on
/// first need.
struct Bodies<'a> {
    draw: order::Draw<'a>,
    share: f64,
    path: Path,
    council_order: &'a mut Vec<(f64, usize)>,
    forces_order: &'a mut Vec<(f64, usize)>,
    sorted: [bool; 2],
    council: &'a mut Vec<Voter>,
    forces: &'a mut Vec<Voter>,
    order: &'a mut Vec<(f64, usize)>,
}

impl<'a> Bodies<'a> {
    fn new(
        inputs: &'a DecisionInputs,
        us_decision: Option<NationalDecision>,
        share: f64,
        path: Path,
        scratch: &'a mut Scratch,
    ) -> Bodies<'a> {
        let Scratch { decisions, council, forces, order, council_order, forces_order, .. } = scratch;
        Bodies {
            draw: order::Draw { inputs, decisions, us: inputs.us.as_ref().zip(us_decision) },
            share,
            path,
            council_order,
            forces_order,
            sorted: [false; 2],
            council,
            forces,
            order,
        }
    }

    /// A body's `(D, D_forces)`, with the US when `with_us` and the US is in the draw.
    fn decide(&mut self, body: &Body, with_us: bool) -> (RuleOutcome, RuleOutcome) {
        let with_us = with_us && self.draw.us.is_some();
        let mask = match self.path {
            Path::Sorted => order::body_mask(body, self.draw.decisions.len()),
            Path::PerBody => None,
        };
        let Some(mask) = mask else {
            body_voters(self.draw.inputs, body, self.draw.decisions, self.council, self.forces);
            if let Some((us, us_decision)) = self.draw.us.filter(|_| with_us) {
                self.council.push(Voter::new(us, us_decision.council));
                self.forces.push(Voter::new(us, us_decision.forces));
            }
            return decide(body.rule, self.council, self.forces, self.share, self.order);
        };
        let members = order::Members { body, mask: order::with_us_bit(mask, &self.draw, with_us), with_us };
        let needs_council = matches!(body.rule, Rule::QualifiedMajority(_));
        if needs_council && !self.sorted[0] {
            order::sort_yes(&self.draw, |d| d.council, self.council_order);
            self.sorted[0] = true;
        }
        if !self.sorted[1] {
            order::sort_yes(&self.draw, |d| d.forces, self.forces_order);
            self.sorted[1] = true;
        }
        order::decide(&self.draw, &members, self.council_order, self.forces_order, self.share)
    }
}

mod order;
mod rules;

pub use rules::{apply_rule, coalition_of_the_willing, qualified_majority, unanimity};
use rules::{body_voters, decide, Voter};

#[cfg(test)]
mod tests;
