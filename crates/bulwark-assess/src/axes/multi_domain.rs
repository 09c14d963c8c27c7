//! Axis 5, multi-domain forces: land, sea, air, space and cyber lines of the ledger, scored
//! together, with a sub-score per domain among the figures.

use bulwark_models::ledger::axis_score;

use super::{is_multi_domain, ledger_axis, Axis, Context};
use crate::assessment::AxisResult;

pub(crate) const DOMAINS: &[&str] = &["land", "maritime", "air", "strike", "space"];

pub(crate) struct MultiDomain;

impl Axis for MultiDomain {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        // A line scored under strategic assets (tankers, airlift, ISR, drones) is not scored
        // again here: one line, one axis.
        let in_axis = is_multi_domain;
        let (status, deciding_lines) = ledger_axis(ctx, in_axis);
        let mut figures: Vec<(String, String)> = DOMAINS
            .iter()
            .filter_map(|domain| {
                let coverages: Vec<(f64, f64)> = ctx
                    .lines
                    .iter()
                    .filter(|l| l.domain == *domain && in_axis(l))
                    .filter_map(|l| Some((l.ledger.coverage_without_us?, 1.0)))
                    .collect();
                axis_score(&coverages)
                    .map(|score| (format!("{domain} score, Europe alone"), format!("{score:.2}")))
            })
            .collect();
        figures.extend(force_package_figures(ctx));
        AxisResult {
            number: 5,
            title: "Multi-domain forces (land, sea, air, space, cyber)",
            status: status.with_range(ctx.ranges.and_then(|r| r.multi_domain_alone)),
            deciding_lines,
            figures,
            pending: Vec::new(),
        }
    }
}

/// The force package, when the scenario sets one: brigades, and per land line what a brigade
/// holds on average and from how many members that average comes.
fn force_package_figures(ctx: &Context<'_>) -> Vec<(String, String)> {
    let package = match ctx.force_package {
        None => return Vec::new(),
        Some(Err(why)) => return vec![("force package".into(), format!("not derived: {why}"))],
        Some(Ok(package)) => package,
    };
    let mut figures = vec![(
        "force package standing for the US land contribution".into(),
        format!(
            "{:.0} troops / {:.0} per brigade = {:.1} brigades",
            package.troops, package.troops_per_brigade, package.brigades
        ),
    )];
    for line in &package.lines {
        let value = match (line.quantity, line.per_brigade) {
            (Some(quantity), Some(per_brigade)) => format!(
                "{quantity:.0} ({per_brigade:.1} per brigade, average of {})",
                line.countries.join(" ")
            ),
            _ => "no member reports both brigades and this line".into(),
        };
        figures.push((format!("force package: {}", line.line), value));
    }
    figures
}
