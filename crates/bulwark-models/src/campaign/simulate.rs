//! One campaign run: arrivals, Helmbold attrition on effective strengths, Red's advance,
//! break points, hour by hour (or by the clock's step).
//!
//! Two loops implement the step. Runs with the assessment's complementary exponents
//! `(e, 1 − e, e, 1 − e)`, `0 < e < 1`, take the lanes' step (`super::lanes`: one `ln(R/B)` and
//! one pair `(t, 1/t)` a step from [`bulwark_core::fast_math`], several runs side by side, or
//! one run alone in a single lane — the same bits either way). Other exponents take [`run`]
//! below, with four `powf` a step; the tests also hold the lanes' step to this loop
//! (`the_fast_fire_path_follows_the_powf_path`).

use crate::attrition::Exponents;
use crate::campaign::inputs::CampaignInputs;
use crate::campaign::lanes::{self, OneRun};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignEnd {
    /// Red reached the objective (possibly after Blue broke).
    ObjectiveReached,
    /// Red fell below its break point: the attack culminated and the defence held.
    RedBroke,
    /// The horizon came with Red short of the objective: held.
    HorizonReached,
    /// The numbers failed (a NaN or infinite strength), for this reason.
    Failed(&'static str),
}

/// The result of one run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CampaignOutcome {
    /// How the run ended.
    pub end: CampaignEnd,
    /// When it ended, hours from the attack.
    pub end_hours: f64,
    /// Hours until Red reached the objective; `None` when the defence held (or the run failed).
    pub hours_to_objective: Option<f64>,
    /// When Blue broke, if it did.
    pub blue_broke_at_hours: Option<f64>,
    /// How far Red advanced, km.
    pub advance_km: f64,
    /// Blue's final strength, battalion equivalents.
    pub blue: f64,
    /// Red's final strength.
    pub red: f64,
    /// Blue's losses (arrived − final).
    pub blue_losses: f64,
    /// Red's losses.
    pub red_losses: f64,
}

impl CampaignOutcome {
    /// Whether the defence held through `hours` (a failed run holds nothing).
    pub fn held_until(&self, hours: f64) -> bool {
        match self.end {
            CampaignEnd::Failed(_) => false,
            _ => self.hours_to_objective.is_none_or(|reached| reached > hours),
        }
    }
}

/// The state after one step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CampaignPoint {
    /// Hours from the attack.
    pub hours: f64,
    /// Blue's strength.
    pub blue: f64,
    /// Red's strength.
    pub red: f64,
    /// Red's advance, km.
    pub advance_km: f64,
}

/// Runs the campaign to the objective, a break point or the horizon.
pub fn simulate(inputs: &CampaignInputs) -> CampaignOutcome {
    if lanes::takes(inputs) {
        return lanes::dispatch(OneRun { inputs, observe: |_| {} });
    }
    run(inputs, |_| {})
}

/// Runs the campaign and records the state at the start and after every step.
pub fn simulate_recorded(inputs: &CampaignInputs) -> (CampaignOutcome, Vec<CampaignPoint>) {
    let mut points = Vec::with_capacity(inputs.n_steps.min(1 << 16) + 1);
    let outcome = if lanes::takes(inputs) {
        lanes::dispatch(OneRun { inputs, observe: |point| points.push(point) })
    } else {
        run(inputs, |point| points.push(point))
    };
    (outcome, points)
}

/// [`simulate`] with every power taken by `powf` ([`run`]), whatever the exponents: the
/// reference the tests hold the lanes' step to.
#[cfg(test)]
pub(crate) fn simulate_with_powf(inputs: &CampaignInputs) -> CampaignOutcome {
    run(inputs, |_| {})
}

#[derive(Clone, Copy)]
pub(crate) struct State {
    pub(crate) blue: f64,
    pub(crate) red: f64,
    pub(crate) blue_arrived: f64,
    pub(crate) red_arrived: f64,
    pub(crate) advance_km: f64,
}

/// The whole run, the fire terms by [`fire`]. The loop allocates nothing; `observe` sees every
/// state.
fn run<F: FnMut(CampaignPoint)>(inputs: &CampaignInputs, mut observe: F) -> CampaignOutcome {
    let p = &inputs.params;
    let dt = inputs.clock.step_hours;
    let tolerance = 1e-9 * dt;
    let mut state = State { blue: 0.0, red: 0.0, blue_arrived: 0.0, red_arrived: 0.0, advance_km: 0.0 };
    let (mut blue_cursor, mut red_cursor) = (0, 0);
    observe(CampaignPoint { hours: 0.0, blue: 0.0, red: 0.0, advance_km: 0.0 });
    for step_idx in 0..inputs.n_steps {
        let start = step_idx as f64 * dt;
        let end = start + dt;
        let blue_in = take(&inputs.blue_arrivals, &mut blue_cursor, start + tolerance);
        let red_in = take(&inputs.red_arrivals, &mut red_cursor, start + tolerance);
        state.blue += blue_in;
        state.blue_arrived += blue_in;
        state.red += red_in;
        state.red_arrived += red_in;
        let (m_blue, m_red) = multipliers(inputs, start);
        // Red below its break point halts and waits for its next echelon; with none to come,
        // the attack has culminated for good (checked after the step).
        let paused = state.red < p.red_break_fraction * state.red_arrived;
        let speed = if paused {
            0.0
        } else {
            p.red_speed_km_per_hour
                * speed_fraction(m_red * state.red, m_blue * state.blue, p.stall_ratio, p.full_speed_ratio)
        };
        let x = p.exponents;
        let (blue_term, red_term) = fire(x, m_blue * state.blue, m_red * state.red, state.blue, state.red);
        let next_blue = (state.blue - dt * p.red_effect_per_hour * blue_term).max(0.0);
        let next_red = (state.red - dt * p.blue_effect_per_hour * red_term).max(0.0);
        if !(next_blue.is_finite() && next_red.is_finite()) {
            return finish(CampaignEnd::Failed("non-finite strength"), start, None, None, &state);
        }
        state.blue = next_blue;
        state.red = next_red;
        let remaining_km = p.objective_km - state.advance_km;
        if speed > 0.0 && speed * dt >= remaining_km {
            state.advance_km = p.objective_km;
            let reached = start + remaining_km / speed;
            return finish(CampaignEnd::ObjectiveReached, reached, Some(reached), None, &state);
        }
        state.advance_km += speed * dt;
        observe(CampaignPoint { hours: end, blue: state.blue, red: state.red, advance_km: state.advance_km });
        if state.blue < p.blue_break_fraction * state.blue_arrived {
            return collapse(inputs, end, &mut state);
        }
        if state.red < p.red_break_fraction * state.red_arrived && red_cursor >= inputs.red_arrivals.len() {
            return finish(CampaignEnd::RedBroke, end, None, None, &state);
        }
    }
    finish(CampaignEnd::HorizonReached, inputs.clock.horizon_hours, None, None, &state)
}

/// `(m_B, m_R)` for a step starting at `hours`: each side's multiplier times its supply factor;
/// Red's air multiplier rises once Blue's interceptors are spent.
fn multipliers(inputs: &CampaignInputs, hours: f64) -> (f64, f64) {
    let red_air = if hours < inputs.interceptors_out_hours {
        inputs.red_multiplier
    } else {
        inputs.red_multiplier_late
    };
    (inputs.blue_multiplier * inputs.blue_supply.factor(hours), red_air * inputs.red_supply.factor(hours))
}

/// Blue broke at `broke_at`: Red covers the rest unopposed at `v_max`, if the horizon allows.
pub(crate) fn collapse(inputs: &CampaignInputs, broke_at: f64, state: &mut State) -> CampaignOutcome {
    let p = &inputs.params;
    let reached = broke_at + (p.objective_km - state.advance_km) / p.red_speed_km_per_hour;
    let horizon = inputs.clock.horizon_hours;
    if reached <= horizon {
        state.advance_km = p.objective_km;
        finish(CampaignEnd::ObjectiveReached, reached, Some(reached), Some(broke_at), state)
    } else {
        state.advance_km += (horizon - broke_at) * p.red_speed_km_per_hour;
        finish(CampaignEnd::HorizonReached, horizon, None, Some(broke_at), state)
    }
}

pub(crate) fn finish(
    end: CampaignEnd,
    end_hours: f64,
    hours_to_objective: Option<f64>,
    blue_broke_at_hours: Option<f64>,
    state: &State,
) -> CampaignOutcome {
    CampaignOutcome {
        end,
        end_hours,
        hours_to_objective,
        blue_broke_at_hours,
        advance_km: state.advance_km,
        blue: state.blue,
        red: state.red,
        blue_losses: state.blue_arrived - state.blue,
        red_losses: state.red_arrived - state.red,
    }
}

/// Sum of the arrivals due by `until`, advancing `cursor` past them.
pub(crate) fn take(arrivals: &[(f64, f64)], cursor: &mut usize, until: f64) -> f64 {
    let mut acc = 0.0;
    while let Some(&(hour, power)) = arrivals.get(*cursor) {
        if hour > until {
            break;
        }
        acc += power;
        *cursor += 1;
    }
    acc
}

/// `f(ρ)` for effective strengths: 0 (stalled) to 1 (full speed). No Red, no advance; no Blue,
/// full speed. Written with selects and no early return, so that the lanes' loop over runs
/// stays free of branches (and vectorises).
#[inline(always)]
pub(crate) fn speed_fraction(
    red_effective: f64,
    blue_effective: f64,
    stall_ratio: f64,
    full_speed_ratio: f64,
) -> f64 {
    let ratio = red_effective / blue_effective;
    let between = ((ratio - stall_ratio) / (full_speed_ratio - stall_ratio)).clamp(0.0, 1.0);
    // The clamp's ends without the quotient's rounding: rounding is monotone, so
    // `ratio <= stall` gives a quotient of at most 0 and `ratio >= full` one of at least 1. (A
    // quotient of −0 would have given −0, which moves Red exactly as 0 does.)
    let fraction = if ratio <= stall_ratio {
        0.0
    } else if ratio >= full_speed_ratio {
        1.0
    } else {
        between
    };
    if red_effective <= 0.0 {
        0.0
    } else if blue_effective <= 0.0 {
        1.0
    } else {
        fraction
    }
}

/// `((m_R R)^e1 · B^e2, (m_B B)^e3 · R^e4)` by [`power`]; a side at zero inflicts nothing.
pub(crate) fn fire(x: Exponents, blue_effective: f64, red_effective: f64, blue: f64, red: f64) -> (f64, f64) {
    let blue_term = if red > 0.0 { power(red_effective, x.e1) * power(blue, x.e2) } else { 0.0 };
    let red_term = if blue > 0.0 { power(blue_effective, x.e3) * power(red, x.e4) } else { 0.0 };
    (blue_term, red_term)
}

/// `v^e` for `v ≥ 0` with `0^0 = 1`, exact for the exponents 0 and 1.
pub(crate) fn power(value: f64, exponent: f64) -> f64 {
    if exponent.abs() < 1e-12 {
        1.0
    } else if (exponent - 1.0).abs() < 1e-12 {
        value
    } else if value > 0.0 {
        value.powf(exponent)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{CampaignParams, Clock};

    #[test]
    fn speed_fraction_shortcuts_equal_the_formula() {
        // The ends of the clamp taken without the division give what the division gives
        // (−0 and 0 compare equal, and move Red alike), at and around both thresholds.
        let forces = crate::campaign::tests::forces(vec![], vec![]);
        let clock = Clock { step_hours: 1.0, horizon_hours: 24.0 };
        let mut inputs = CampaignInputs::new(CampaignParams::default(), &forces, clock).unwrap();
        let near = |x: f64| [x, f64::from_bits(x.to_bits() + 1), f64::from_bits(x.to_bits().max(1) - 1)];
        let mut checked = 0;
        for (stall, full) in [(0.0, 1e-9), (0.5, 0.75), (1.0, 3.0), (2.5, 2.5 + 1e-9), (1.0, 1e6)] {
            inputs.params.stall_ratio = stall;
            inputs.params.full_speed_ratio = full;
            let mut ratios = vec![1e-300, 1e-12, 0.3, 1.0, 2.0, 7.0, 1e5, 1e300];
            ratios.extend(near(stall.max(1e-300)));
            ratios.extend(near(full));
            for ratio in ratios {
                for blue in [1.0, 3.7, 1e-3] {
                    let red = ratio * blue;
                    let formula = ((red / blue - stall) / (full - stall)).clamp(0.0, 1.0);
                    let got =
                        speed_fraction(red, blue, inputs.params.stall_ratio, inputs.params.full_speed_ratio);
                    // Bit for bit, −0 counted as 0 (adding +0 turns −0 into 0 and changes
                    // nothing else).
                    let bits = |x: f64| (x + 0.0).to_bits();
                    assert_eq!(
                        bits(got),
                        bits(formula),
                        "stall {stall} full {full} ratio {ratio}: {got} vs {formula}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100);
    }
}
