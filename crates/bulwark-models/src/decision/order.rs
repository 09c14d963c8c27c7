//! The rules of the alliance decision model (the parent module's model card) for a whole draw
//! with one sort: the yes voters of every member, the US last, are put in order of their hours
//! once for the council instructions and once for the forces cleared, and each body reads the
//! members it holds from that order through a bit mask. The per-body path
//! (`decision/rules.rs`) sorted each body's voters apart, with and without the US: seven sorts
//! a draw for the assessment's four bodies where this takes two.
//!
//! Bit for bit the same outcomes: a body's members in increasing index order (checked per body;
//! a body that is not, or a draw of more than 127 members, takes the per-body path), with the
//! US at the last index, make the order of indices the order of positions in the body that the
//! per-body path breaks ties by, and the totals are summed in the body's order as there.

use super::rules::{first_coalition, first_qualified_majority, total_order_key, unanimity_of};
use super::{
    Body, DecisionInputs, Member, MemberDecision, NationalDecision, QualifiedMajority, Rule, RuleOutcome,
};

/// One draw's decisions as the bodies read them: the members' (in list order) and the US's.
pub(super) struct Draw<'a> {
    pub(super) inputs: &'a DecisionInputs,
    pub(super) decisions: &'a [NationalDecision],
    pub(super) us: Option<(&'a Member, NationalDecision)>,
}

impl Draw<'_> {
    /// Index of the US in the orders: after every member.
    fn us_index(&self) -> usize {
        self.decisions.len()
    }

    /// The member at `idx`, the US past the members (a mask holds the US's bit only when the
    /// US is in the draw).
    fn member(&self, idx: usize) -> &Member {
        match (self.inputs.members.get(idx), self.us) {
            (Some(member), _) => member,
            (None, Some((us, _))) => us,
            (None, None) => &self.inputs.members[idx],
        }
    }
}

/// Which members a body holds, as bits of their indices (the US's bit added by
/// [`Members::with_us`]); `None` when the body's members are not in strictly increasing order or
/// an index (or the US's) does not fit.
pub(super) fn body_mask(body: &Body, n_members: usize) -> Option<u128> {
    if n_members >= 128 {
        return None;
    }
    let mut mask = 0u128;
    let mut previous: Option<usize> = None;
    for &idx in &body.members {
        if idx >= n_members || previous.is_some_and(|p| idx <= p) {
            return None;
        }
        mask |= 1 << idx;
        previous = Some(idx);
    }
    Some(mask)
}

/// A body in one draw: its rule, its members' mask and whether the US is among them.
pub(super) struct Members<'a> {
    pub(super) body: &'a Body,
    pub(super) mask: u128,
    pub(super) with_us: bool,
}

impl Members<'_> {
    fn holds(&self, idx: usize) -> bool {
        (self.mask >> idx) & 1 == 1
    }

    /// `value` of every member in the body's order, the US last when it sits in: the per-body
    /// path's summation order.
    fn total(&self, draw: &Draw<'_>, value: impl Fn(&Member) -> f64) -> f64 {
        let us = draw.us.filter(|_| self.with_us).map(|(us, _)| value(us));
        self.body.members.iter().map(|idx| value(&draw.inputs.members[*idx])).chain(us).sum()
    }
}

/// The yes voters of a draw on one of the two decisions (`pick`), the US at the last index, as
/// `(hours, index)` in the order of `f64::total_cmp` on the hours, then the index, into
/// `order`: the keys of `rules::yes_in_order`, sorted as plain integers.
pub(super) fn sort_yes(
    draw: &Draw<'_>,
    pick: fn(&NationalDecision) -> MemberDecision,
    order: &mut Vec<(f64, usize)>,
) {
    let mut keys: [u128; 128] = [0; 128];
    let us = draw.us.map(|(_, decision)| decision);
    let mut n = 0;
    for (idx, decision) in draw.decisions.iter().chain(us.as_ref()).enumerate() {
        let decision = pick(decision);
        if decision.yes {
            keys[n] = (u128::from(total_order_key(decision.hours)) << 64) | idx as u128;
            n += 1;
        }
    }
    keys[..n].sort_unstable();
    order.clear();
    order.extend(keys[..n].iter().map(|key| {
        let idx = (*key as u64) as usize;
        let decision = draw.decisions.get(idx).or(us.as_ref()).map_or(0.0, |d| pick(d).hours);
        (decision, idx)
    }));
}

/// A body's decision `D` and its decision backed by cleared forces `D_forces`, as
/// `rules::decide` gives them, from the draw's two orders.
pub(super) fn decide(
    draw: &Draw<'_>,
    members: &Members<'_>,
    council_order: &[(f64, usize)],
    forces_order: &[(f64, usize)],
    share: f64,
) -> (RuleOutcome, RuleOutcome) {
    let decision = match members.body.rule {
        Rule::CoalitionOfTheWilling => {
            let decision = coalition(draw, members, forces_order, share);
            return (decision, decision);
        }
        Rule::Unanimity => {
            let us = draw.us.filter(|_| members.with_us).map(|(_, decision)| decision.council);
            unanimity_of(members.body.members.iter().map(|idx| draw.decisions[*idx].council).chain(us))
        }
        Rule::QualifiedMajority(qmv) => qualified_majority(draw, members, council_order, qmv),
    };
    let backed = match decision {
        RuleOutcome::Paralysis => RuleOutcome::Paralysis,
        RuleOutcome::Decided { .. } => decision.latest(coalition(draw, members, forces_order, share)),
    };
    (decision, backed)
}

fn qualified_majority(
    draw: &Draw<'_>,
    members: &Members<'_>,
    order: &[(f64, usize)],
    qmv: QualifiedMajority,
) -> RuleOutcome {
    let n_states = members.body.members.len() + usize::from(members.with_us);
    let total_population = members.total(draw, |m| m.population);
    let yes = order
        .iter()
        .filter(|(_, idx)| members.holds(*idx))
        .map(|&(hours, idx)| (hours, draw.member(idx).population));
    first_qualified_majority(yes, n_states, total_population, qmv)
}

fn coalition(draw: &Draw<'_>, members: &Members<'_>, order: &[(f64, usize)], share: f64) -> RuleOutcome {
    let total_forces = members.total(draw, |m| m.forces);
    let yes = order
        .iter()
        .filter(|(_, idx)| members.holds(*idx))
        .map(|&(hours, idx)| (hours, draw.member(idx).forces));
    first_coalition(yes, total_forces, share)
}

/// The mask of a body in a draw, with the US's bit when it sits in with the US.
pub(super) fn with_us_bit(mask: u128, draw: &Draw<'_>, with_us: bool) -> u128 {
    if with_us && draw.us.is_some() {
        mask | (1 << draw.us_index())
    } else {
        mask
    }
}
