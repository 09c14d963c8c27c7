//! Axis 2, nuclear deterrence, from the nuclear balance and extended-deterrence model
//! (docs/design.md §4.6, `nuclear_inputs`).
//!
//! The score is the credibility of the umbrella over a European protégé with the scenario's US
//! nuclear posture, relative to the umbrella with the US as today (`min(1, C / C_today)`);
//! without the US it is `C_without / C_today`. Relative scores mirror the ledger's `replace-us`
//! requirement: today's umbrella is what Europe would have to replace. The figures show each
//! credibility, every patron's five factors and the non-strategic balance.

use super::{Axis, Context};
use crate::assessment::{AxisResult, AxisStatus};
use crate::nuclear_inputs::{balance_text, patron_figures, relative_credibility};

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
                let mut figures = vec![
                    ("US nuclear posture kept".to_string(), format!("{:.2}", n.us_posture)),
                    ("credibility, US as today".to_string(), format!("{today:.3}")),
                    (
                        "credibility, scenario's US posture".to_string(),
                        with_band(o.with_us.credibility, n.ranges.map(|r| r.credibility)),
                    ),
                    (
                        "credibility without the US".to_string(),
                        with_band(o.without_us.credibility, n.ranges.map(|r| r.credibility_without_us)),
                    ),
                    (
                        "Russian survivable warheads".to_string(),
                        format!("{:.0}", o.adversary_survivable_warheads),
                    ),
                ];
                figures.extend(patron_figures(&o.with_us, "scenario"));
                figures
                    .push(("non-strategic balance, scenario".to_string(), balance_text(&o.with_us.balance)));
                figures.push((
                    "non-strategic balance without the US".to_string(),
                    balance_text(&o.without_us.balance),
                ));
                (status, figures)
            }
            Err(problem) => {
                (AxisStatus::NoData, vec![("nuclear model refused its inputs".to_string(), problem.clone())])
            }
        };
        AxisResult {
            number: 2,
            title: "Nuclear deterrence",
            status,
            deciding_lines: Vec::new(),
            figures,
            pending: Vec::new(),
        }
    }
}

/// A credibility with its p5–p95 over the scenario's uncertainties, when the ensemble ran.
fn with_band(central: f64, range: Option<crate::Spread>) -> String {
    match range {
        Some(r) => format!("{central:.3} (p5–p95 {:.3}–{:.3})", r.low, r.high),
        None => format!("{central:.3}"),
    }
}
