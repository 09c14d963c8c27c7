//! The rules of the alliance decision model (the parent module's model card) applied to one
//! body's voters at a time: unanimity, qualified majority and the coalition of the willing,
//! with the order of the yes voters they read. The per-draw path for a whole draw sorts once
//! for every body (`decision/order.rs`); this is the reference it is tested against and the
//! path for bodies it does not cover.

use super::{
    Body, DecisionInputs, Member, MemberDecision, NationalDecision, QualifiedMajority, Rule, RuleOutcome,
};

/// Applies `rule` to the given members and their decisions (same order).
pub fn apply_rule(
    rule: Rule,
    members: &[&Member],
    decisions: &[MemberDecision],
    force_share: f64,
) -> RuleOutcome {
    apply_rule_to(rule, &voters(members, decisions), force_share, &mut Vec::new())
}

/// Every member says yes: decided when the last one does. An empty body is paralysed.
pub fn unanimity(decisions: &[MemberDecision]) -> RuleOutcome {
    unanimity_of(decisions.iter().copied())
}

/// The double majority: the first time the states in favour reach both thresholds (or too few
/// states are left out to block).
pub fn qualified_majority(
    members: &[&Member],
    decisions: &[MemberDecision],
    qmv: QualifiedMajority,
) -> RuleOutcome {
    qualified_majority_of(&voters(members, decisions), qmv, &mut Vec::new())
}

/// The first states in favour whose forces together reach `force_share` of the body's forces.
pub fn coalition_of_the_willing(
    members: &[&Member],
    decisions: &[MemberDecision],
    force_share: f64,
) -> RuleOutcome {
    coalition_of_the_willing_of(&voters(members, decisions), force_share, &mut Vec::new())
}

/// A body's member in one draw, as the rules read it: its decision, population and forces.
#[derive(Clone, Copy, Debug)]
pub(super) struct Voter {
    pub(super) decision: MemberDecision,
    pub(super) population: f64,
    pub(super) forces: f64,
}

impl Voter {
    pub(super) fn new(member: &Member, decision: MemberDecision) -> Voter {
        Voter { decision, population: member.population, forces: member.forces }
    }
}

pub(super) fn voters(members: &[&Member], decisions: &[MemberDecision]) -> Vec<Voter> {
    members.iter().zip(decisions).map(|(member, decision)| Voter::new(member, *decision)).collect()
}

/// [`apply_rule`] on a body's voters, with `order` as room for the yes voters' order.
pub(super) fn apply_rule_to(
    rule: Rule,
    voters: &[Voter],
    force_share: f64,
    order: &mut Vec<(f64, usize)>,
) -> RuleOutcome {
    match rule {
        Rule::Unanimity => unanimity_of(voters.iter().map(|v| v.decision)),
        Rule::QualifiedMajority(qmv) => qualified_majority_of(voters, qmv, order),
        Rule::CoalitionOfTheWilling => coalition_of_the_willing_of(voters, force_share, order),
    }
}

pub(super) fn unanimity_of(decisions: impl Iterator<Item = MemberDecision>) -> RuleOutcome {
    let mut latest: Option<f64> = None;
    for decision in decisions {
        if !decision.yes {
            return RuleOutcome::Paralysis;
        }
        // `max` from 0 in list order, as a fold over the hours would take it.
        latest = Some(f64::max(latest.unwrap_or(0.0), decision.hours));
    }
    latest.map_or(RuleOutcome::Paralysis, |hours| RuleOutcome::Decided { hours })
}

pub(super) fn qualified_majority_of(
    voters: &[Voter],
    qmv: QualifiedMajority,
    order: &mut Vec<(f64, usize)>,
) -> RuleOutcome {
    let n_states = voters.len();
    let total_population: f64 = voters.iter().map(|v| v.population).sum();
    let yes = yes_in_order(voters, order).iter().map(|&(hours, idx)| (hours, voters[idx].population));
    first_qualified_majority(yes, n_states, total_population, qmv)
}

/// The first hours at which the yes-votes, in the order they come as `(hours, population)`,
/// make a qualified majority of `n_states` states holding `total_population`; the one scan both
/// the per-body path and the one-sort path ([`super::order`]) use.
pub(super) fn first_qualified_majority(
    yes: impl Iterator<Item = (f64, f64)>,
    n_states: usize,
    total_population: f64,
    qmv: QualifiedMajority,
) -> RuleOutcome {
    let mut n_yes = 0;
    let mut yes_population = 0.0;
    for (hours, population) in yes {
        n_yes += 1;
        yes_population += population;
        let states_met = n_yes as f64 >= qmv.states_share * n_states as f64 - TOLERANCE;
        let population_met =
            yes_population >= qmv.population_share * total_population - TOLERANCE * total_population;
        let cannot_block = n_states - n_yes < qmv.blocking_min_states;
        if states_met && (population_met || cannot_block) {
            return RuleOutcome::Decided { hours };
        }
    }
    RuleOutcome::Paralysis
}

pub(super) fn coalition_of_the_willing_of(
    voters: &[Voter],
    force_share: f64,
    order: &mut Vec<(f64, usize)>,
) -> RuleOutcome {
    let total_forces: f64 = voters.iter().map(|v| v.forces).sum();
    let yes = yes_in_order(voters, order).iter().map(|&(hours, idx)| (hours, voters[idx].forces));
    first_coalition(yes, total_forces, force_share)
}

/// The first hours at which the yes-votes, in the order they come as `(hours, forces)`, bring
/// `force_share` of `total_forces`; shared by both paths like [`first_qualified_majority`].
pub(super) fn first_coalition(
    yes: impl Iterator<Item = (f64, f64)>,
    total_forces: f64,
    force_share: f64,
) -> RuleOutcome {
    if total_forces <= 0.0 {
        return RuleOutcome::Paralysis;
    }
    let required = force_share * total_forces * (1.0 - TOLERANCE);
    let mut forces = 0.0;
    for (hours, member_forces) in yes {
        forces += member_forces;
        if forces >= required {
            return RuleOutcome::Decided { hours };
        }
    }
    RuleOutcome::Paralysis
}

/// A body's voters without the US: on the council instructions into `council`, on the forces
/// cleared into `forces`.
pub(super) fn body_voters(
    inputs: &DecisionInputs,
    body: &Body,
    decisions: &[NationalDecision],
    council: &mut Vec<Voter>,
    forces: &mut Vec<Voter>,
) {
    council.clear();
    forces.clear();
    for idx in &body.members {
        let (member, decision) = (&inputs.members[*idx], decisions[*idx]);
        council.push(Voter::new(member, decision.council));
        forces.push(Voter::new(member, decision.forces));
    }
}

/// A body's decision `D` and its decision backed by cleared forces `D_forces`: a coalition of
/// the willing reads the forces cleared and is its own backing; the other rules read the
/// council instructions and wait for the coalition rule on the forces cleared.
pub(super) fn decide(
    rule: Rule,
    council: &[Voter],
    forces: &[Voter],
    share: f64,
    order: &mut Vec<(f64, usize)>,
) -> (RuleOutcome, RuleOutcome) {
    if rule == Rule::CoalitionOfTheWilling {
        let decision = coalition_of_the_willing_of(forces, share, order);
        return (decision, decision);
    }
    let decision = apply_rule_to(rule, council, share, order);
    // A paralysed body needs no forces: its backing is paralysed too, without the sort.
    let backed = match decision {
        RuleOutcome::Paralysis => RuleOutcome::Paralysis,
        RuleOutcome::Decided { .. } => decision.latest(coalition_of_the_willing_of(forces, share, order)),
    };
    (decision, backed)
}

pub(super) const TOLERANCE: f64 = 1e-12;

/// The voters who say yes, as `(hours, position)`, earliest first (ties by position in the
/// body), written into `order` (room reused from draw to draw).
///
/// The order is `f64::total_cmp` on the hours, then the position: each voter becomes one
/// integer, the hours' bits mapped to an unsigned key in `total_cmp`'s order above the
/// position, and the integers are sorted as such (a sort of plain integers, several times
/// faster than one comparing pairs through a closure). The keys are distinct, so the order is
/// exactly the one the stable sort of pairs gave.
pub(super) fn yes_in_order<'a>(voters: &[Voter], order: &'a mut Vec<(f64, usize)>) -> &'a [(f64, usize)] {
    let mut keys: [u128; 64] = [0; 64];
    if voters.len() > keys.len() {
        order.clear();
        order.extend(
            voters.iter().enumerate().filter(|(_, v)| v.decision.yes).map(|(idx, v)| (v.decision.hours, idx)),
        );
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        return order;
    }
    let mut n = 0;
    for (idx, voter) in voters.iter().enumerate() {
        if voter.decision.yes {
            keys[n] = (u128::from(total_order_key(voter.decision.hours)) << 64) | idx as u128;
            n += 1;
        }
    }
    keys[..n].sort_unstable();
    order.clear();
    order.extend(keys[..n].iter().map(|key| {
        let idx = (*key as u64) as usize;
        (voters[idx].decision.hours, idx)
    }));
    order
}

/// `x`'s bits as an unsigned integer in the order of `f64::total_cmp`: a positive number's sign
/// bit set, a negative number's bits all flipped.
pub(super) fn total_order_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}
