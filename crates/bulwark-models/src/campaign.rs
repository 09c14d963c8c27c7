//! Model card: the Baltic campaign, docs/design.md §4.4 — an aggregate force-on-force model of a
//! Russian attack on a Baltic state, stepped hour by hour.
//!
//! # Forces and arrivals
//!
//! Each side is a list of [`Formation`]s, each with a combat power (battalion equivalents) and
//! the hours it needs to be ready. Time `t = 0` is the start of the attack; Red starts
//! mobilising `W` hours earlier (the warning time) and Blue orders its reinforcements `c` hours
//! after Red starts mobilising (the alliance's response time), so an order given at
//! `o = c − W` may precede or follow the attack. A formation arrives at `max(0, T)` with
//!
//! ```text
//! Red, and Blue forces in place:     T = ready − W                (transit: in place)
//! Blue reinforcement by rail or sea: T = o + ready + loading + distance / speed
//! Blue reinforcement by air:         T = end of its turn in the airlift queue
//! ```
//!
//! The airlift carries `aircraft × payload × sorties per day × availability / 24` per hour.
//! Air-moved formations queue in order of readiness (ties in list order); each starts loading
//! at `max(its ready time o + ready, the time the airlift is free)` and arrives when its lift
//! is delivered. With no airlift, air-moved formations never arrive. A formation arriving at or
//! after the horizon plays no part.
//!
//! In the assessment, Blue's forces in place are today's (`campaign_inplace_light_bn`,
//! `campaign_inplace_heavy_bn`) and the land build-up's brigades based forward by the year of
//! the attack (`buildup_forward_share` of its ready brigades, at most
//! `buildup_forward_max_brigades`, each `campaign_battalions_per_brigade` heavy battalions;
//! [`crate::buildup`]); the build-up's other brigades reinforce.
//!
//! # Effective strengths
//!
//! Blue's strength `B` counts with the multiplier `m_B = P × A_B × I × σ_B(t)`, Red's `R` with
//! `m_R = A_R(t) × σ_R(t)`, where `P` is the prepared-defence multiplier, `I = 1 − k_ISR × (1 − isr)` the
//! ISR factor (`isr` in `[0, 1]` is Blue's ISR coverage, lower when US intelligence sharing
//! stops) and `A` the air-support multiplier of [`air_multiplier`]:
//!
//! ```text
//! reach       = f_T + (1 − f_T) × min(1, tankers / tankers needed)   (1 when none are needed)
//! penetration = 1 − d × (1 − min(1, SEAD / SEAD needed))             (d: the opponent's IAMD denial)
//! S           = combat aircraft × reach × penetration
//! A           = 1 + A_max × S / (S + S_half)
//! ```
//!
//! **Supply.** Each side's munitions ([`Supply`]) last `stock_hours` of full-intensity fighting
//! from the attack; after that only the resupply flow remains:
//! `σ(t) = 1` for `t < stock_hours`, else `resupply_share`. **Interceptors.** Blue's air
//! defences deny Red's air effort the share `d_B` while Blue's long-range interceptors last
//! (until `blue_interceptors_out_hours`), and the smaller share `d_B'` after, so that `A_R(t)`
//! steps up when the magazines run dry.
//!
//! # Attrition (the Helmbold form of the attrition engine, explicit Euler)
//!
//! ```text
//! B ← max(0, B − Δt · a · (m_R R)^e1 · B^e2)
//! R ← max(0, R − Δt · b · (m_B B)^e3 · R^e4)
//! ```
//!
//! with both terms from the state at the start of the step; a side at zero inflicts nothing.
//! Arrivals due at or before a step's start join before it.
//!
//! # Movement and ends
//!
//! With the force ratio `ρ = m_R R / (m_B B)` at a step's start, Red advances
//! `Δt × v_max × f(ρ)`, `f = clamp((ρ − ρ_stall) / (ρ_full − ρ_stall), 0, 1)`: stalled at or
//! below `ρ_stall`, full speed from `ρ_full`. The time the advance reaches the objective at
//! `D` km is interpolated within the step. After each step Blue breaks if `B` falls below its
//! break fraction of all Blue strength arrived so far; the defence then collapses and Red
//! covers the rest of the distance unopposed at `v_max`. While `R` is below its break fraction
//! of all Red strength arrived, Red halts (it advances nothing, and fighting goes on) and waits
//! for its follow-on echelons: a fresh echelon lifts `R` back above the break point and the
//! attack resumes. With no Red echelon left to come, the attack has culminated for good (the
//! defence holds) and the run ends. A run that reaches the horizon without Red at the
//! objective is "held". Follow-on echelons, Blue reinforcements arriving over weeks and
//! supply running short are what let a defence that stops the first rush still fall weeks
//! later, so outcomes spread over weeks instead of splitting into "overrun in days" and "held
//! for ever". A strength that becomes
//! NaN or infinite ends the run as [`CampaignEnd::Failed`] with a reason.
//!
//! # Parameters ([`CampaignParams`]; defaults are the baseline scenario's central values)
//!
//! | parameter | unit | default | valid range |
//! |---|---|---|---|
//! | `a`: Red's effectiveness against Blue | per hour | 0.004 | `[0, 1]` |
//! | `b`: Blue's effectiveness against Red | per hour | 0.004 | `[0, 1]` |
//! | exponents `e1…e4` | — | `(0.7, 0.3, 0.7, 0.3)` | each in `[0, 2]` |
//! | `v_max`: Red's unopposed speed of advance | km/h | 5.5 | `(0, 100]` |
//! | `D`: distance to the objective | km | 230 | `(0, 5000]` |
//! | `ρ_stall`, `ρ_full` | ratio | 1.0, 3.0 | `0 ≤ ρ_stall < ρ_full` |
//! | Blue, Red break fractions | fraction of arrived strength | 0.5, 0.6 | `[0, 1)` |
//! | `P`: prepared defence | multiplier | 1.5 | `[1, 10]` |
//! | `k_ISR`: effectiveness lost without ISR | fraction | 0.3 | `[0, 1]` |
//! | `A_max`: largest air-support bonus | multiplier | 0.5 | `[0, 10]` |
//! | `S_half`: effective aircraft for half the bonus | aircraft | 150 | `> 0` |
//! | `f_T`: reach without tankers | fraction | 0.6 | `[0, 1]` |
//!
//! Forces ([`Forces`]): warning `W` and response `c` (hours, ≥ 0), formations (power ≥ 0,
//! ready hours ≥ 0, transit speeds > 0), the airlift (all ≥ 0, availability ≤ 1), each side's
//! [`AirPower`], Blue's ISR coverage and each side's IAMD denial (fractions), the hour Blue's
//! interceptors run out (≥ 0) with the denial left after (at most the first), and each side's
//! [`Supply`] (hours ≥ 0, resupply share in `[0, 1]`). Clock ([`Clock`],
//! run-level, no default): step `Δt > 0` hours (one hour in the assessment) and a horizon of at
//! least one step and at most [`MAX_STEPS`] steps.
//!
//! # Outputs
//!
//! [`CampaignOutcome`]: how the run ended, hours to the objective (or none: held), the hour
//! Blue broke, the advance, final strengths and losses; [`simulate_recorded`] adds the
//! strengths and advance after every step.
//!
//! # Numerics
//!
//! With the assessment's complementary exponents `(e, 1 − e, e, 1 − e)` the fire terms are
//! `m_R^e · B · t` and `m_B^e · R / t` with `t = (R/B)^e`, computed from one `ln(R/B)` and one
//! pair `(t, 1/t)` a step by the branch-free polynomials of `bulwark_core::fast_math` (each
//! within 2 ulp of libm's `ln`/`exp`; the terms within 1e-14 relative of four `powf`, tested),
//! and [`simulate_lanes`] steps 16 runs side by side in vector lanes with exactly the bits of
//! [`simulate`] run by run. Other exponents take `powf` a step at a time.
//!
//! # Simplifications, stated so they can be argued with
//!
//! One axis of advance and one objective; combat power is homogeneous within a side; a broken
//! defence does not re-form; multipliers change only when supply or interceptors run out (no
//! attrition of aircraft); Red's generation is a schedule, not a model of rail capacity; supply
//! is a step, not a stock drawn down by the intensity of each hour.
//!
//! # References
//!
//! - R. L. Helmbold, "A modification of Lanchester's equations", *Operations Research*
//!   13(5):857–859, 1965, doi:10.1287/opre.13.5.857.
//! - J. M. Epstein, *The Calculus of Conventional War: Dynamic Analysis without Lanchester
//!   Theory*, Brookings, 1985 (advance rate as a function of the force ratio, withdrawal
//!   thresholds).
//! - D. A. Shlapak and M. W. Johnson, *Reinforcing Deterrence on NATO's Eastern Flank:
//!   Wargaming the Defense of the Baltics*, RAND RR-1253-A, 2016 (the validation case).

mod air;
mod arrival;
mod inputs;
mod lanes;
mod simulate;

pub use air::{air_multiplier, AirConstants, AirPower};
pub use arrival::{arrival_hours, Airlift, Formation, Transit};
pub use inputs::{CampaignInputs, CampaignParams, Clock, Forces, Supply, MAX_STEPS};
pub use lanes::{simulate_lanes, CampaignRuns, CAMPAIGN_LANES};
pub use simulate::{simulate, simulate_recorded, CampaignEnd, CampaignOutcome, CampaignPoint};

#[cfg(test)]
mod tests;
