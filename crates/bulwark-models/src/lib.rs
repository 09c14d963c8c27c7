//! Bulwark's models: pure functions from plain input structs to outcomes.
//!
//! Every model here obeys the invariants of `ARCHITECTURE.md`: no IO, no clock, no environment,
//! no globals, no printing, no threads. Invalid input is rejected when the input struct is built
//! ([`ModelError`]); numerical trouble during a run is a status in the outcome, never a panic.
//!
//! Models:
//! - [`attrition`]: the generalised Lanchester (Helmbold) attrition engine, with reinforcements,
//!   break points, Euler and RK4 integration, and least-squares fits to historical series.

pub mod attrition;
mod error;

pub use error::ModelError;
