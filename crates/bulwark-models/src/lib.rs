//! Bulwark's models: pure functions from plain input structs to outcomes.
//!
//! Every model here obeys the invariants of `ARCHITECTURE.md`: no IO, no clock, no environment,
//! no globals, no printing, no threads. Invalid input is rejected when the input struct is built
//! ([`ModelError`]); numerical trouble during a run is a status in the outcome, never a panic.
//!
//! Models:
//! - [`attrition`]: the generalised Lanchester (Helmbold) attrition engine, with reinforcements,
//!   break points, Euler and RK4 integration, and least-squares fits to historical series;
//! - [`ledger`]: the capability ledger (coverage, gaps, axis scores, verdicts);
//! - [`closure`]: cost and time to close gaps, and the funded closure schedule;
//! - [`budget`]: defence spending paths, headroom and burden sharing;
//! - [`buildup`]: new brigades raised from the headroom beyond the gaps;
//! - [`force_package`]: brigades and land equipment standing in for a force given in troops;
//! - [`campaign`]: the Baltic campaign (formations, arrivals, attrition, advance);
//! - [`iamd`]: air and missile defence saturation (leakers per day, magazines);
//! - [`nuclear`]: nuclear balance, extended-deterrence credibility and the option table;
//! - [`decision`]: alliance decision time under unanimity, qualified majority and coalitions;
//! - [`procurement`]: years for one country to reach a stock at its procurement pace.
//! - [`threat`]: Russia's force year by year and the readiness clocks.

pub mod attrition;
pub mod budget;
pub mod buildup;
pub mod campaign;
pub mod closure;
pub mod decision;
mod error;
pub mod force_package;
pub mod iamd;
pub mod ledger;
pub mod nuclear;
pub mod procurement;
pub mod threat;

pub use error::ModelError;
