//! Axis 2, nuclear deterrence, from the nuclear balance and extended-deterrence model
//! (docs/design.md §4.6, `nuclear_inputs`).
//!
//! The score is the credibility of the umbrella over a European protégé with the scenario's US
//! nuclear posture, relative to the umbrella with the US as today (`min(1, C / C_today)`);
//! without the US it is `C_without / C_today`. Relative scores mirror the ledger's `replace-us`
//! requirement: today's umbrella is what Europe would have to replace. The figures show each
//! credibility, every patron's five factors and the non-strategic balance.

use bulwark_models::nuclear::{Factor, PatronCredibility};

use super::{Axis, Context};
use crate::assessment::{AxisFigures, AxisResult, AxisStatus, ModelRefusal, NuclearFigures, PatronFigures};
use crate::nuclear_inputs::{relative_credibility, NuclearAssessment};

pub(crate) struct Nuclear;

impl Axis for Nuclear {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let (status, figures) = match ctx.models.nuclear.as_ref() {
            Ok(n) => {
                let o = &n.outcome;
                let today = o.us_as_today.credibility;
                let relative = |c: f64| relative_credibility(c, today);
                let score = relative(o.with_us.credibility);
                let status = AxisStatus::assessed(score, relative(o.without_us.credibility), &ctx.thresholds)
                    .with_range(n.ranges.map(|r| r.score_without_us));
                (status, Ok(figures(n)))
            }
            Err(problem) => (AxisStatus::NoData, Err(ModelRefusal { reason: problem.clone() })),
        };
        AxisResult {
            number: 2,
            status,
            deciding_lines: Vec::new(),
            figures: AxisFigures::Nuclear(figures),
            pending: Vec::new(),
            score_notes: Default::default(),
        }
    }
}

/// The axis's figures: each credibility, every patron's five factors and the non-strategic
/// balance.
fn figures(n: &NuclearAssessment) -> NuclearFigures {
    let o = &n.outcome;
    NuclearFigures {
        us_posture_share: n.us_posture,
        credibility_us_as_today: o.us_as_today.credibility,
        year: n.inputs.params.end_year(),
        us_election_years: o
            .resolve
            .iter()
            .filter(|r| r.state == crate::nuclear_inputs::US)
            .flat_map(|r| r.election_years.iter().map(|y| y.round().clamp(0.0, f64::from(u16::MAX)) as u16))
            .collect(),
        credibility_with_us_first_year: o.curve_with_us.first().map(|p| (p.year, p.credibility)),
        credibility_with_us: o.with_us.credibility,
        credibility_with_us_range: n.ranges.map(|r| r.credibility),
        credibility_without_us: o.without_us.credibility,
        credibility_without_us_range: n.ranges.map(|r| r.credibility_without_us),
        russian_survivable_warheads: o.adversary_survivable_warheads,
        patrons: o.with_us.patrons.iter().map(patron).collect(),
        balance_with_us: o.with_us.balance,
        balance_without_us: o.without_us.balance,
    }
}

fn patron(p: &PatronCredibility) -> PatronFigures {
    PatronFigures {
        state: p.state.clone(),
        credibility: p.credibility,
        commitment: p.factors.value(Factor::Commitment),
        capability: p.factors.value(Factor::Capability),
        resolve: p.factors.value(Factor::Resolve),
        political_continuity: p.factors.value(Factor::Continuity),
        forward_presence: p.factors.value(Factor::Presence),
        survivable_warheads: p.survivable_warheads,
        adequacy_ratio: p.adequacy,
    }
}
