//! The campaign's inputs: model parameters ([`CampaignParams`]), the forces ([`Forces`]) and
//! the clock ([`Clock`]), checked together into [`CampaignInputs`].

use crate::attrition::Exponents;
use crate::campaign::air::{air_multiplier, AirConstants, AirPower};
use crate::campaign::arrival::{arrival_hours_into, Airlift, Formation, Transit};
use crate::error::{check_range, check_range_lazy};
use crate::ModelError;

const MODEL: &str = "campaign";

/// The most steps a run may take (a 1-minute step over a year is 525,600).
pub const MAX_STEPS: usize = 1 << 20;

/// The model's parameters; see the model card for units, defaults and ranges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CampaignParams {
    /// `a`: Red's effectiveness against Blue, per hour.
    pub red_effect_per_hour: f64,
    /// `b`: Blue's effectiveness against Red, per hour.
    pub blue_effect_per_hour: f64,
    /// Helmbold exponents `e1…e4`.
    pub exponents: Exponents,
    /// `v_max`, km/h.
    pub red_speed_km_per_hour: f64,
    /// `D`, km.
    pub objective_km: f64,
    /// `ρ_stall`: at or below this force ratio Red does not advance.
    pub stall_ratio: f64,
    /// `ρ_full`: from this force ratio Red advances at `v_max`.
    pub full_speed_ratio: f64,
    /// Blue breaks below this fraction of the Blue strength arrived so far.
    pub blue_break_fraction: f64,
    /// Red's attack culminates below this fraction of the Red strength arrived so far.
    pub red_break_fraction: f64,
    /// `P`: Blue's prepared-defence multiplier.
    pub prepared_defence: f64,
    /// `k_ISR`: share of Blue's effectiveness lost with no ISR coverage.
    pub isr_penalty: f64,
    /// Air-support constants.
    pub air: AirConstants,
}

impl Default for CampaignParams {
    /// The baseline scenario's central values.
    fn default() -> CampaignParams {
        CampaignParams {
            red_effect_per_hour: 0.004,
            blue_effect_per_hour: 0.004,
            exponents: Exponents::complementary(0.7),
            red_speed_km_per_hour: 5.5,
            objective_km: 230.0,
            stall_ratio: 1.0,
            full_speed_ratio: 3.0,
            blue_break_fraction: 0.5,
            red_break_fraction: 0.6,
            prepared_defence: 1.5,
            isr_penalty: 0.3,
            air: AirConstants::default(),
        }
    }
}

/// A side's supply of munitions: stocks for some hours of full-intensity fighting from the
/// attack, then a resupply flow that sustains a share of that intensity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Supply {
    /// Hours of full-intensity fighting the stocks allow, from the attack (≥ 0).
    pub stock_hours: f64,
    /// Share of full intensity sustained once the stocks are spent, `[0, 1]`.
    pub resupply_share: f64,
}

impl Supply {
    /// Never runs short.
    pub const UNLIMITED: Supply = Supply { stock_hours: f64::MAX, resupply_share: 1.0 };

    /// The supply factor at `hours` from the attack.
    pub fn factor(&self, hours: f64) -> f64 {
        if hours < self.stock_hours {
            1.0
        } else {
            self.resupply_share
        }
    }
}

/// Both sides' forces and what supports them.
#[derive(Clone, Debug, PartialEq)]
pub struct Forces {
    /// `W`: hours from the start of Red's mobilisation to the attack.
    pub warning_hours: f64,
    /// `c`: hours from the start of Red's mobilisation to the alliance's order to reinforce.
    pub blue_response_hours: f64,
    /// Red's formations (in place or by surface).
    pub red: Vec<Formation>,
    /// Blue's formations.
    pub blue: Vec<Formation>,
    /// Blue's strategic airlift.
    pub airlift: Airlift,
    /// Blue's air power.
    pub blue_air: AirPower,
    /// Red's air power.
    pub red_air: AirPower,
    /// Blue's ISR coverage, `[0, 1]`.
    pub blue_isr_coverage: f64,
    /// Share of Blue's unsuppressed air effort that Red's air defences deny, `[0, 1]`.
    pub red_iamd_denial: f64,
    /// Share of Red's unsuppressed air effort that Blue's air defences deny, `[0, 1]`.
    pub blue_iamd_denial: f64,
    /// Hours from the attack at which Blue's long-range interceptors run out (≥ 0; `f64::MAX`
    /// = never within any horizon).
    pub blue_interceptors_out_hours: f64,
    /// Blue's air-defence denial once its interceptors are spent, `[0, blue_iamd_denial]`.
    pub blue_iamd_denial_without_interceptors: f64,
    /// Blue's munitions.
    pub blue_supply: Supply,
    /// Red's munitions.
    pub red_supply: Supply,
}

/// Run-level integration settings (no default: every run states them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    /// `Δt`, hours (> 0).
    pub step_hours: f64,
    /// Horizon, hours (at least one step, at most [`MAX_STEPS`] steps).
    pub horizon_hours: f64,
}

/// Checked inputs of one run, with the arrival schedules and multipliers worked out.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignInputs {
    pub(crate) params: CampaignParams,
    pub(crate) clock: Clock,
    pub(crate) n_steps: usize,
    /// `(hour, combat power)` sorted by hour, arrivals before the horizon only.
    pub(crate) blue_arrivals: Vec<(f64, f64)>,
    pub(crate) red_arrivals: Vec<(f64, f64)>,
    pub(crate) blue_multiplier: f64,
    pub(crate) red_multiplier: f64,
    /// Red's multiplier once Blue's interceptors are spent.
    pub(crate) red_multiplier_late: f64,
    pub(crate) interceptors_out_hours: f64,
    pub(crate) blue_supply: Supply,
    pub(crate) red_supply: Supply,
}

const BIG: f64 = f64::MAX;

impl CampaignInputs {
    /// Checks every value against the model card's ranges and works out arrivals and
    /// multipliers.
    pub fn new(params: CampaignParams, forces: &Forces, clock: Clock) -> Result<CampaignInputs, ModelError> {
        check_params(&params)?;
        check_forces(forces)?;
        check_range(MODEL, "step_hours", clock.step_hours, (1e-6, 1e4), "a step of more than 0 hours")?;
        let steps = clock.horizon_hours / clock.step_hours;
        if !(steps.is_finite() && steps.round() >= 1.0 && steps.round() <= MAX_STEPS as f64) {
            return Err(ModelError::parameter(
                MODEL,
                "horizon_hours",
                clock.horizon_hours,
                "a horizon of one step to 2^20 steps",
            ));
        }
        let n_steps = steps.round() as usize;
        let order_hours = forces.blue_response_hours - forces.warning_hours;
        // One vector of hours for both sides, sized for the larger at once.
        let mut hours = Vec::with_capacity(forces.blue.len().max(forces.red.len()));
        let mut schedule = |formations: &[Formation], airlift: Option<&Airlift>| {
            arrival_hours_into(formations, forces.warning_hours, order_hours, airlift, &mut hours);
            // Room for every formation at once: a filtered collect would grow step by step.
            let mut arrivals: Vec<(f64, f64)> = Vec::with_capacity(formations.len());
            arrivals.extend(
                hours
                    .iter()
                    .zip(formations)
                    .filter(|(hour, formation)| **hour < clock.horizon_hours && formation.combat_power > 0.0)
                    .map(|(hour, formation)| (*hour, formation.combat_power)),
            );
            sort_by_hour(&mut arrivals);
            arrivals
        };
        let isr_factor = 1.0 - params.isr_penalty * (1.0 - forces.blue_isr_coverage);
        Ok(CampaignInputs {
            params,
            clock,
            n_steps,
            blue_arrivals: schedule(&forces.blue, Some(&forces.airlift)),
            red_arrivals: schedule(&forces.red, None),
            blue_multiplier: params.prepared_defence
                * air_multiplier(&forces.blue_air, forces.red_iamd_denial, &params.air)
                * isr_factor,
            red_multiplier: air_multiplier(&forces.red_air, forces.blue_iamd_denial, &params.air),
            red_multiplier_late: air_multiplier(
                &forces.red_air,
                forces.blue_iamd_denial_without_interceptors,
                &params.air,
            ),
            interceptors_out_hours: forces.blue_interceptors_out_hours,
            blue_supply: forces.blue_supply,
            red_supply: forces.red_supply,
        })
    }

    /// The parameters.
    pub fn params(&self) -> &CampaignParams {
        &self.params
    }

    /// The clock.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// `m_B`: Blue's effective-strength multiplier (prepared defence × air × ISR).
    pub fn blue_multiplier(&self) -> f64 {
        self.blue_multiplier
    }

    /// `m_R`: Red's effective-strength multiplier (air), while Blue's interceptors last.
    pub fn red_multiplier(&self) -> f64 {
        self.red_multiplier
    }

    /// Red's multiplier once Blue's interceptors are spent (never below [`Self::red_multiplier`]).
    pub fn red_multiplier_late(&self) -> f64 {
        self.red_multiplier_late
    }

    /// Blue's arrivals before the horizon, `(hour, combat power)` in time order.
    pub fn blue_arrivals(&self) -> &[(f64, f64)] {
        &self.blue_arrivals
    }

    /// Red's arrivals before the horizon, `(hour, combat power)` in time order.
    pub fn red_arrivals(&self) -> &[(f64, f64)] {
        &self.red_arrivals
    }
}

/// Sorts `arrivals` by hour (`f64::total_cmp`) exactly as the standard library's stable sort
/// does: equal hours keep their list order, which fixes the order in which a step adds them.
///
/// A side's formations come in groups that each arrive in order (in place, then each
/// reinforcement group by readiness, the airlift's queue in its order; Red's echelons are in
/// order throughout), so the list is a few runs already sorted (Blue's 20 to 30 arrivals are
/// three or four). Each run is merged into the sorted part before it from the back, in place,
/// the later item placed last on ties (so the merge is stable), with the run copied to the
/// stack: no allocation, and no work at all for a list in order.
fn sort_by_hour(arrivals: &mut [(f64, f64)]) {
    let n = arrivals.len();
    let before = |x: &(f64, f64), y: &(f64, f64)| x.0.total_cmp(&y.0).is_lt();
    // `arrivals[..sorted]` is in order.
    let mut sorted = 1;
    while sorted < n {
        let mut run_end = sorted + 1;
        while run_end < n && !before(&arrivals[run_end], &arrivals[run_end - 1]) {
            run_end += 1;
        }
        // A run that starts no earlier than the sorted part ends just continues it.
        if before(&arrivals[sorted], &arrivals[sorted - 1]) {
            merge_from_the_back(&mut arrivals[..run_end], sorted, before);
        }
        sorted = run_end;
    }
}

/// Merges `items[mid..]` into `items[..mid]` (both in order), stably.
fn merge_from_the_back(
    items: &mut [(f64, f64)],
    mid: usize,
    before: impl Fn(&(f64, f64), &(f64, f64)) -> bool,
) {
    const STACK: usize = 32;
    let mut stack = [(0.0, 0.0); STACK];
    let heap: Vec<(f64, f64)>;
    let run: &[(f64, f64)] = if items.len() - mid <= STACK {
        let run = &mut stack[..items.len() - mid];
        run.copy_from_slice(&items[mid..]);
        run
    } else {
        heap = items[mid..].to_vec();
        &heap
    };
    let (mut left, mut right) = (mid, run.len());
    while right > 0 {
        let slot = left + right - 1;
        // From the back: a sorted-part item goes after a run item only if strictly later, so
        // on ties the run's (later) item stays last.
        if left > 0 && before(&run[right - 1], &items[left - 1]) {
            items[slot] = items[left - 1];
            left -= 1;
        } else {
            items[slot] = run[right - 1];
            right -= 1;
        }
    }
}

fn check_params(p: &CampaignParams) -> Result<(), ModelError> {
    let fraction = "a fraction in [0, 1]";
    let below_one = 1.0 - f64::EPSILON;
    check_range(MODEL, "red_effect_per_hour", p.red_effect_per_hour, (0.0, 1.0), fraction)?;
    check_range(MODEL, "blue_effect_per_hour", p.blue_effect_per_hour, (0.0, 1.0), fraction)?;
    let x = p.exponents;
    for (name, value) in [("e1", x.e1), ("e2", x.e2), ("e3", x.e3), ("e4", x.e4)] {
        check_range(MODEL, name, value, (0.0, 2.0), "an exponent between 0 and 2")?;
    }
    check_range(
        MODEL,
        "red_speed_km_per_hour",
        p.red_speed_km_per_hour,
        (1e-9, 100.0),
        "a speed in (0, 100] km/h",
    )?;
    check_range(MODEL, "objective_km", p.objective_km, (1e-9, 5000.0), "a distance in (0, 5000] km")?;
    check_range(MODEL, "stall_ratio", p.stall_ratio, (0.0, 1e6), "a ratio of 0 or more")?;
    check_range(
        MODEL,
        "full_speed_ratio",
        p.full_speed_ratio,
        (p.stall_ratio + 1e-9, 1e6),
        "a ratio above stall_ratio",
    )?;
    check_range(
        MODEL,
        "blue_break_fraction",
        p.blue_break_fraction,
        (0.0, below_one),
        "a fraction in [0, 1)",
    )?;
    check_range(MODEL, "red_break_fraction", p.red_break_fraction, (0.0, below_one), "a fraction in [0, 1)")?;
    check_range(MODEL, "prepared_defence", p.prepared_defence, (1.0, 10.0), "a multiplier in [1, 10]")?;
    check_range(MODEL, "isr_penalty", p.isr_penalty, (0.0, 1.0), fraction)?;
    check_range(MODEL, "air.bonus_max", p.air.bonus_max, (0.0, 10.0), "a multiplier in [0, 10]")?;
    check_range(
        MODEL,
        "air.half_aircraft",
        p.air.half_aircraft,
        (1e-9, BIG),
        "a number of aircraft above 0",
    )?;
    check_range(MODEL, "air.tanker_floor", p.air.tanker_floor, (0.0, 1.0), fraction)?;
    Ok(())
}

fn check_forces(f: &Forces) -> Result<(), ModelError> {
    let hours = "a finite number of hours, 0 or more";
    let count = "a finite number, 0 or more";
    let fraction = "a fraction in [0, 1]";
    check_range(MODEL, "warning_hours", f.warning_hours, (0.0, BIG), hours)?;
    check_range(MODEL, "blue_response_hours", f.blue_response_hours, (0.0, BIG), hours)?;
    // Every formation of every run is checked: first all at once without a branch per
    // field (almost always all are valid), then, only when one is not, one by one for the
    // first error with its location.
    if !(f.red.iter().chain(&f.blue).fold(true, |ok, formation| ok & formation_in_range(formation))) {
        for (side, formations) in [("red", &f.red), ("blue", &f.blue)] {
            for (idx, formation) in formations.iter().enumerate() {
                check_formation(side, idx, formation)?;
            }
        }
    }
    if f.red.iter().any(|formation| matches!(formation.transit, Transit::Air { .. })) {
        return Err(ModelError::input(MODEL, "Red formations cannot use Blue's airlift"));
    }
    let a = &f.airlift;
    check_range(MODEL, "airlift.aircraft", a.aircraft, (0.0, BIG), count)?;
    check_range(MODEL, "airlift.payload_per_sortie", a.payload_per_sortie, (0.0, BIG), count)?;
    check_range(MODEL, "airlift.sorties_per_day", a.sorties_per_day, (0.0, BIG), count)?;
    check_range(MODEL, "airlift.availability", a.availability, (0.0, 1.0), fraction)?;
    for (side, air) in [("blue_air", &f.blue_air), ("red_air", &f.red_air)] {
        let fields = [
            ("combat_aircraft", air.combat_aircraft),
            ("sead_aircraft", air.sead_aircraft),
            ("sead_needed", air.sead_needed),
            ("tankers", air.tankers),
            ("tankers_needed", air.tankers_needed),
        ];
        for (name, value) in fields {
            check_range_lazy(MODEL, || format!("{side}.{name}"), value, (0.0, BIG), count)?;
        }
    }
    check_range(MODEL, "blue_isr_coverage", f.blue_isr_coverage, (0.0, 1.0), fraction)?;
    check_range(MODEL, "red_iamd_denial", f.red_iamd_denial, (0.0, 1.0), fraction)?;
    check_range(MODEL, "blue_iamd_denial", f.blue_iamd_denial, (0.0, 1.0), fraction)?;
    check_range(MODEL, "blue_interceptors_out_hours", f.blue_interceptors_out_hours, (0.0, BIG), hours)?;
    check_range(
        MODEL,
        "blue_iamd_denial_without_interceptors",
        f.blue_iamd_denial_without_interceptors,
        (0.0, f.blue_iamd_denial),
        "a fraction in [0, blue_iamd_denial]",
    )?;
    for (side, supply) in [("blue_supply", &f.blue_supply), ("red_supply", &f.red_supply)] {
        check_range_lazy(MODEL, || format!("{side}.stock_hours"), supply.stock_hours, (0.0, BIG), hours)?;
        let share = supply.resupply_share;
        check_range_lazy(MODEL, || format!("{side}.resupply_share"), share, (0.0, 1.0), fraction)?;
    }
    Ok(())
}

/// Whether [`check_formation`] passes `formation`: the same ranges, evaluated without an exit
/// per field.
#[inline]
fn formation_in_range(formation: &Formation) -> bool {
    // `(0, BIG)` as `check_range` tests it: finite, at least the minimum, at most `BIG`.
    let within = |value: f64, min: f64| value.is_finite() & (value >= min) & (value <= BIG);
    let transit = match formation.transit {
        Transit::InPlace => true,
        Transit::Air { lift } => within(lift, 0.0),
        Transit::Surface { distance_km, speed_km_per_hour, loading_hours } => {
            within(distance_km, 0.0) & within(speed_km_per_hour, 1e-9) & within(loading_hours, 0.0)
        }
    };
    within(formation.combat_power, 0.0) & within(formation.ready_hours, 0.0) & transit
}

fn check_formation(side: &str, idx: usize, formation: &Formation) -> Result<(), ModelError> {
    // The field's name is formatted only when a check fails: an ensemble checks every
    // formation of every run, and formatting the names was most of the time of building a run.
    let name = |field: &'static str| move || format!("{side}[{idx}].{field}");
    let non_negative = "a finite value, 0 or more";
    check_range_lazy(MODEL, name("combat_power"), formation.combat_power, (0.0, BIG), non_negative)?;
    check_range_lazy(MODEL, name("ready_hours"), formation.ready_hours, (0.0, BIG), non_negative)?;
    match formation.transit {
        Transit::InPlace => {}
        Transit::Air { lift } => {
            check_range_lazy(MODEL, name("lift"), lift, (0.0, BIG), non_negative)?;
        }
        Transit::Surface { distance_km, speed_km_per_hour, loading_hours } => {
            check_range_lazy(MODEL, name("distance_km"), distance_km, (0.0, BIG), non_negative)?;
            let speed = (1e-9, BIG);
            check_range_lazy(MODEL, name("speed_km_per_hour"), speed_km_per_hour, speed, "a speed above 0")?;
            check_range_lazy(MODEL, name("loading_hours"), loading_hours, (0.0, BIG), non_negative)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Values on both sides of every bound the checks use, and the non-finite ones.
    fn edge_value() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(0.0),
            Just(-0.0),
            Just(-1e-300),
            Just(1e-9),
            Just(1e-9 * (1.0 - f64::EPSILON)),
            Just(f64::MAX),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(f64::NAN),
            -1e6..1e6f64,
        ]
    }

    fn formation() -> impl Strategy<Value = Formation> {
        let transit = prop_oneof![
            Just(Transit::InPlace),
            edge_value().prop_map(|lift| Transit::Air { lift }),
            (edge_value(), edge_value(), edge_value()).prop_map(|(d, v, l)| Transit::Surface {
                distance_km: d,
                speed_km_per_hour: v,
                loading_hours: l
            }),
        ];
        (edge_value(), edge_value(), transit).prop_map(|(combat_power, ready_hours, transit)| Formation {
            combat_power,
            ready_hours,
            transit,
        })
    }

    /// Lists of hours in a few runs, with ties inside and across runs (and ±0, ∞): the
    /// powers number the items, so that any reordering of ties shows.
    fn hours_in_runs() -> impl Strategy<Value = Vec<(f64, f64)>> {
        let hour = prop_oneof![
            Just(0.0),
            Just(-0.0),
            Just(f64::INFINITY),
            (0u8..40).prop_map(|h| f64::from(h) * 6.0),
            0.0..1e3f64,
        ];
        proptest::collection::vec(proptest::collection::vec(hour, 0..30), 0..9).prop_map(|runs| {
            let mut items = Vec::new();
            for mut run in runs {
                // Most runs sorted (as a side's groups are), some not.
                if run.len() % 3 != 0 {
                    run.sort_by(f64::total_cmp);
                }
                items.extend(run);
            }
            items.into_iter().enumerate().map(|(idx, hour)| (hour, idx as f64)).collect()
        })
    }

    fn bits(items: &[(f64, f64)]) -> Vec<(u64, u64)> {
        items.iter().map(|(hour, power)| (hour.to_bits(), power.to_bits())).collect()
    }

    #[test]
    fn arrivals_sort_as_the_stable_sort_does_on_hand_cases() {
        let cases: [&[f64]; 6] = [
            &[],
            &[5.0],
            &[1.0, 2.0, 2.0, 3.0],
            &[3.0, 2.0, 1.0],
            &[0.0, 10.0, 20.0, 5.0, 10.0, 15.0, 10.0, 30.0, 1.0, 10.0],
            &[7.0, 7.0, 7.0, 1.0, 7.0, 0.0, 7.0],
        ];
        // A run longer than the merge's stack room (it goes to the heap).
        let long: Vec<f64> = [50.0, 10.0].into_iter().chain((0..45).map(|h| f64::from(h) * 2.0)).collect();
        for hours in cases.into_iter().chain([long.as_slice()]) {
            let items: Vec<(f64, f64)> = hours.iter().enumerate().map(|(idx, h)| (*h, idx as f64)).collect();
            let mut expected = items.clone();
            expected.sort_by(|x, y| x.0.total_cmp(&y.0));
            let mut sorted = items.clone();
            sort_by_hour(&mut sorted);
            assert_eq!(bits(&sorted), bits(&expected), "{hours:?}");
        }
    }

    proptest! {
        #[test]
        fn arrivals_sort_as_the_stable_sort_does(items in hours_in_runs()) {
            let mut expected = items.clone();
            expected.sort_by(|x, y| x.0.total_cmp(&y.0));
            let mut sorted = items;
            sort_by_hour(&mut sorted);
            prop_assert_eq!(bits(&sorted), bits(&expected));
        }

        /// The branch-free test of all formations passes exactly the formations the located
        /// checks pass, so skipping those when it says all are valid changes no result.
        #[test]
        fn formation_in_range_agrees_with_the_located_check(formation in formation()) {
            prop_assert_eq!(formation_in_range(&formation), check_formation("red", 0, &formation).is_ok());
        }
    }
}
