//! One campaign run: arrivals, Helmbold attrition on effective strengths, Red's advance,
//! break points, hour by hour (or by the clock's step).

use crate::attrition::Exponents;
use crate::campaign::inputs::CampaignInputs;

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
    run(inputs, FireLaw::new(inputs.params.exponents), |_| {})
}

/// Runs the campaign and records the state at the start and after every step.
pub fn simulate_recorded(inputs: &CampaignInputs) -> (CampaignOutcome, Vec<CampaignPoint>) {
    let mut points = Vec::with_capacity(inputs.n_steps.min(1 << 16) + 1);
    let outcome = run(inputs, FireLaw::new(inputs.params.exponents), |point| points.push(point));
    (outcome, points)
}

/// [`simulate`] with every power taken by `powf`, as before the complementary fast path: the
/// reference the tests hold the fast path to.
#[cfg(test)]
pub(crate) fn simulate_with_powf(inputs: &CampaignInputs) -> CampaignOutcome {
    run(inputs, FireLaw::General(inputs.params.exponents), |_| {})
}

#[derive(Clone, Copy)]
struct State {
    blue: f64,
    red: f64,
    blue_arrived: f64,
    red_arrived: f64,
    advance_km: f64,
}

/// The whole run. The loop allocates nothing; `observe` sees every state.
fn run<F: FnMut(CampaignPoint)>(
    inputs: &CampaignInputs,
    mut law: FireLaw,
    mut observe: F,
) -> CampaignOutcome {
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
            p.red_speed_km_per_hour * speed_fraction(inputs, m_red * state.red, m_blue * state.blue)
        };
        let (blue_term, red_term) = law.fire(m_blue, m_red, state.blue, state.red);
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
fn collapse(inputs: &CampaignInputs, broke_at: f64, state: &mut State) -> CampaignOutcome {
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

fn finish(
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
fn take(arrivals: &[(f64, f64)], cursor: &mut usize, until: f64) -> f64 {
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
/// full speed.
fn speed_fraction(inputs: &CampaignInputs, red_effective: f64, blue_effective: f64) -> f64 {
    if red_effective <= 0.0 {
        return 0.0;
    }
    if blue_effective <= 0.0 {
        return 1.0;
    }
    let p = &inputs.params;
    let ratio = red_effective / blue_effective;
    // The clamp's ends without the division (most steps of a held run are stalled): rounding
    // is monotone, so `ratio <= stall` gives a quotient of at most 0 and `ratio >= full` one of
    // at least 1. (A quotient of −0 would have given −0, which moves Red exactly as 0 does.)
    if ratio <= p.stall_ratio {
        return 0.0;
    }
    if ratio >= p.full_speed_ratio {
        return 1.0;
    }
    ((ratio - p.stall_ratio) / (p.full_speed_ratio - p.stall_ratio)).clamp(0.0, 1.0)
}

/// How a run computes the fire terms `((m_R R)^e1 · B^e2, (m_B B)^e3 · R^e4)`.
///
/// The assessment's exponents are complementary, `(e, 1 − e, e, 1 − e)`; then
/// `(m_R R)^e · B^(1−e) = m_R^e · B · t` and `(m_B B)^e · R^(1−e) = m_B^e · R / t` with
/// `t = exp(e · ln(R / B))`: one `ln`, one `exp` and one division a step instead of four
/// `powf`, and `m^e` only when a multiplier changes (when supply or interceptors run out).
/// The terms differ from the `powf` ones by a few ulp (about 1e-15 relative; tested), so a
/// run's figures may differ from the `powf` path's in their last digits — the same for every
/// thread count and shard split, since each run is computed alone. Other exponents (and
/// `e` of 0 or 1, where `powf` is exact) take [`FireLaw::General`].
#[derive(Clone, Copy, Debug)]
enum FireLaw {
    /// `(e, 1 − e, e, 1 − e)` with `0 < e < 1`, and the last multipliers' powers.
    Complementary { e: f64, blue: PowerCache, red: PowerCache },
    /// Any exponents, by [`power`].
    General(Exponents),
}

/// `m^e` for the last `m` asked.
#[derive(Clone, Copy, Debug)]
struct PowerCache {
    multiplier: f64,
    power: f64,
}

impl PowerCache {
    const EMPTY: PowerCache = PowerCache { multiplier: f64::NAN, power: f64::NAN };

    fn get(&mut self, multiplier: f64, exponent: f64) -> f64 {
        // Exactly the same multiplier (bit for bit) reuses the power; the empty cache's NaN
        // matches no finite multiplier.
        if multiplier.to_bits() != self.multiplier.to_bits() {
            *self = PowerCache { multiplier, power: power(multiplier, exponent) };
        }
        self.power
    }
}

impl FireLaw {
    fn new(x: Exponents) -> FireLaw {
        // Exactly complementary (as `Exponents::complementary` builds them), bit for bit.
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits();
        let complementary = same(x.e1, x.e3) && same(x.e2, 1.0 - x.e1) && same(x.e4, 1.0 - x.e3);
        if complementary && x.e1 > 1e-12 && x.e1 < 1.0 - 1e-12 {
            FireLaw::Complementary { e: x.e1, blue: PowerCache::EMPTY, red: PowerCache::EMPTY }
        } else {
            FireLaw::General(x)
        }
    }

    /// The fire terms for multipliers `m_blue`, `m_red` and strengths `blue`, `red`; a side at
    /// zero inflicts nothing.
    #[inline(always)]
    fn fire(&mut self, m_blue: f64, m_red: f64, blue: f64, red: f64) -> (f64, f64) {
        match self {
            FireLaw::Complementary { e, blue: blue_cache, red: red_cache } => {
                if !(blue > 0.0 && red > 0.0) {
                    // With 0 < e < 1, a side at zero makes both terms zero.
                    return (0.0, 0.0);
                }
                let ratio = red / blue;
                if !ratio.is_normal() {
                    // Strengths too far apart for the ratio: the exact powers instead.
                    return fire(Exponents::complementary(*e), m_blue * blue, m_red * red, blue, red);
                }
                let t = (*e * ratio.ln()).exp();
                (red_cache.get(m_red, *e) * blue * t, blue_cache.get(m_blue, *e) * red / t)
            }
            FireLaw::General(x) => fire(*x, m_blue * blue, m_red * red, blue, red),
        }
    }
}

/// `((m_R R)^e1 · B^e2, (m_B B)^e3 · R^e4)` by [`power`]; a side at zero inflicts nothing.
fn fire(x: Exponents, blue_effective: f64, red_effective: f64, blue: f64, red: f64) -> (f64, f64) {
    let blue_term = if red > 0.0 { power(red_effective, x.e1) * power(blue, x.e2) } else { 0.0 };
    let red_term = if blue > 0.0 { power(blue_effective, x.e3) * power(red, x.e4) } else { 0.0 };
    (blue_term, red_term)
}

/// `v^e` for `v ≥ 0` with `0^0 = 1`, exact for the exponents 0 and 1.
fn power(value: f64, exponent: f64) -> f64 {
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
    fn complementary_fire_terms_are_within_a_few_ulp_of_powf() {
        // Stated bound: 4e-15 relative over strengths from 1e-6 to 1e4 battalions (ratios up to
        // 1e10), exponents across (0, 1) and multipliers that change from step to step.
        let mut worst: f64 = 0.0;
        for e in [0.01, 0.3, 0.5, 0.7, 0.99] {
            let mut law = FireLaw::new(Exponents::complementary(e));
            assert!(matches!(law, FireLaw::Complementary { .. }));
            for blue in [1e-6, 0.37, 1.0, 12.5, 80.0, 1e4] {
                for red in [1e-6, 0.5, 3.0, 44.1, 1e4] {
                    for (m_blue, m_red) in [(1.0, 1.0), (1.5, 1.2), (0.4, 2.7), (1.5, 1.2)] {
                        let (fast_blue, fast_red) = law.fire(m_blue, m_red, blue, red);
                        let (ref_blue, ref_red) =
                            fire(Exponents::complementary(e), m_blue * blue, m_red * red, blue, red);
                        for (fast, reference) in [(fast_blue, ref_blue), (fast_red, ref_red)] {
                            let error = (fast - reference).abs() / reference;
                            assert!(error <= 4e-15, "e {e} B {blue} R {red}: {fast} vs {reference}");
                            worst = worst.max(error);
                        }
                    }
                }
            }
            // A side at zero inflicts nothing; a zero multiplier too.
            assert_eq!(law.fire(1.0, 1.0, 0.0, 5.0), (0.0, 0.0));
            assert_eq!(law.fire(1.0, 1.0, 5.0, 0.0), (0.0, 0.0));
            assert_eq!(law.fire(1.0, 0.0, 5.0, 5.0).0.to_bits(), 0.0f64.to_bits());
        }
        assert!(worst > 0.0, "never differs: the comparison is not exercised");
    }

    #[test]
    fn other_exponents_keep_the_exact_powers() {
        for x in [Exponents::SQUARE, Exponents::LINEAR, Exponents::LOGARITHMIC, Exponents::complementary(1.0)]
        {
            assert!(matches!(FireLaw::new(x), FireLaw::General(_)), "{x:?}");
        }
        let uneven = Exponents { e1: 0.7, e2: 0.3, e3: 0.6, e4: 0.4 };
        assert!(matches!(FireLaw::new(uneven), FireLaw::General(_)));
        assert_eq!(FireLaw::new(uneven).fire(1.5, 1.2, 10.0, 20.0), fire(uneven, 15.0, 24.0, 10.0, 20.0));
    }

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
                    let got = speed_fraction(&inputs, red, blue);
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
