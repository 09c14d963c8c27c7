//! Model card: generalised Lanchester (Helmbold) attrition, docs/design.md §4.4 and §7.
//!
//! # Equations
//!
//! Blue strength `B`, Red strength `R`, time `t` in one consistent unit (hours in the campaign
//! model, days in the historical fits):
//!
//! ```text
//! dB/dt = −a · R^e1 · B^e2 + ρ_B(t) + pulses_B
//! dR/dt = −b · B^e3 · R^e4 + ρ_R(t) + pulses_R
//! ```
//!
//! Named laws: square `(1, 0, 1, 0)` (aimed fire, Lanchester 1916), linear `(1, 1, 1, 1)`
//! (area fire), logarithmic `(0, 1, 0, 1)` (Peterson 1953: losses proportional to own
//! strength), and general Helmbold exponents (Helmbold 1965; the `(e, 1 − e, e, 1 − e)` family
//! of the canonical benchmark is [`Exponents::complementary`]). Invariants used as tests: the
//! square law conserves `a·R² − b·B²`, the linear law `a·R − b·B`.
//!
//! A side at zero strength inflicts no losses whatever the exponents (otherwise the
//! logarithmic law would let a destroyed side keep killing); strengths are clamped at zero.
//!
//! # Parameters ([`Params`]; defaults are the midpoints of docs/design.md §7, time unit hours)
//!
//! | parameter | unit | default | valid range |
//! |---|---|---|---|
//! | law / exponents `e1…e4` | — | square | each in `[0, 2]` |
//! | `a`: Red's effectiveness against Blue | per time unit × strength^(1 − e1 − e2) | 0.0025 | `≥ 0`, finite |
//! | `b`: Blue's effectiveness against Red | per time unit × strength^(1 − e3 − e4) | 0.0025 | `≥ 0`, finite |
//! | `B0`, `R0`: initial strengths | strength units (battalion equivalents, men) | 30, 65 | `≥ 0`, finite |
//! | break fractions (Blue, Red) | fraction of initial strength | 0.3, 0.3 | `[0, 1)`; 0 = never breaks |
//! | reinforcements per side | pulses (time, amount) and rates (start, end, per time) | none | times `≥ 0`, amounts `≥ 0` |
//!
//! Integration ([`Solver`], no default: run-level configuration): [`Method::Euler`] or
//! [`Method::Rk4`], a fixed `step_time > 0`, and `horizon_time ≥ step_time` (at most
//! [`MAX_STEPS`] steps). Each step: pulses due at or before the step's start arrive; the step
//! integrates attrition with the rate reinforcements entering as their exact integral over the
//! step; strengths are clamped at zero; then Blue's break point is checked, then Red's. This
//! is exactly the scheme of docs/design.md §7 with Euler and a one-hour step.
//!
//! # Outputs
//!
//! [`Outcome`]: the end reason ([`EndReason`]: Blue breaks, Red breaks, horizon reached, or
//! numerical trouble as a status), end time, steps, final strengths and total losses.
//! [`simulate_recorded`] also returns the [`Trajectory`] (strengths after every step).
//!
//! # Fitting
//!
//! [`fit`] fits a law to a [`Series`] (read from CSV text by [`Series::parse_csv`]) by least
//! squares; [`engel_integral_estimate`] and [`square_law_endpoints`] are the closed-form
//! estimators of Engel (1954) and Helmbold (1971). See the `fit` module docs for the details.
//!
//! # Validation (tests/validation.rs, data in testdata/)
//!
//! - Iwo Jima, Engel's `a = 0.0544`, `b = 0.0106` per day reproduce the US daily strength
//!   with R² = 0.945 and the Japanese near annihilation on day 36; Engel's integral estimator
//!   recovers both within 1.3 %; a least-squares fit with annihilation by day 36 within 5 %.
//! - Iwo Jima, Helmbold's daily difference model (Euler, one-day step) is reproduced to
//!   1e-6 men and his `A`, `D` are recovered by fitting.
//! - Battle of Britain, Helmbold's per-day and composite square-law parameters to 1e-9.
//!
//! # References
//!
//! - F. W. Lanchester, *Aircraft in Warfare: the Dawn of the Fourth Arm*, Constable, 1916.
//! - J. H. Engel, "A verification of Lanchester's law", *J. ORSA* 2(2):163–171, 1954,
//!   doi:10.1287/opre.2.2.163.
//! - R. L. Helmbold, "A modification of Lanchester's equations", *Operations Research*
//!   13(5):857–859, 1965, doi:10.1287/opre.13.5.857.
//! - R. L. Helmbold, "Air battles and ground battles — a common pattern?", RAND P-4548, 1971.
//! - J. Bracken, "Lanchester models of the Ardennes campaign", *Naval Research Logistics*
//!   42(4):559–577, 1995, doi:10.1002/1520-6750(199506)42:4<559::AID-NAV3220420405>3.0.CO;2-R.
//! - Dataset: the shared validation folder (PAR Datadisk, CAA 1994, via `jrnold/PAR`); see
//!   `testdata/README.md`.

mod fit;
mod law;
mod params;
mod reinforcement;
mod series;
mod simulate;

pub use fit::{
    engel_integral_estimate, evaluate, fit, square_law_endpoints, EndConstraint, EndpointEstimate,
    EngelEstimate, EngelSpec, Evaluation, Fit, FitPoint, FitSpec, Side,
};
pub use law::{Exponents, Law};
pub use params::{Method, Params, Solver, MAX_STEPS};
pub use reinforcement::Reinforcement;
pub use series::{Columns, Series, MAX_SERIES_ROWS};
pub use simulate::{simulate, simulate_recorded, EndReason, Outcome, Trajectory};
