//! Axis 2, nuclear deterrence. The nuclear balance and extended-deterrence model (DESIGN.md
//! §4.6) is not built yet; until then the axis shows the sourced warhead counts and no verdict.

use bulwark_core::Iso3;

use super::{Axis, Context};
use crate::assessment::{AxisResult, AxisStatus};

pub(crate) struct Nuclear;

impl Axis for Nuclear {
    fn assess(&self, ctx: &Context<'_>) -> AxisResult {
        let deployed = |state: &str| {
            Iso3::parse(state).and_then(|state| {
                ctx.dataset
                    .nuclear
                    .iter()
                    .find(|n| n.state == state && n.leg == "all" && n.figure == "deployed_warheads")
                    .map(|n| n.value)
            })
        };
        let mut figures = Vec::new();
        for state in ["GBR", "FRA", "RUS", "USA"] {
            if let Some(count) = deployed(state) {
                figures.push((format!("{state} deployed warheads"), format!("{count:.0}")));
            }
        }
        let posture = ctx.scenario.us_posture.nuclear.value;
        figures.push(("US nuclear umbrella kept (posture)".to_string(), format!("{posture:.2}")));
        AxisResult {
            number: 2,
            title: "Nuclear deterrence",
            status: AxisStatus::ModelNotYetAvailable {
                needs: "nuclear balance and extended-deterrence model (DESIGN.md §4.6)",
            },
            deciding_lines: Vec::new(),
            figures,
            pending: vec!["nuclear balance and extended-deterrence model (DESIGN.md §4.6)"],
        }
    }
}
