//! Model card: generalised Lanchester (Helmbold) attrition.
//!
//! TODO model card
mod law;
mod params;
mod reinforcement;
mod simulate;

pub use law::{Exponents, Law};
pub use params::{Method, Params, Solver, MAX_STEPS};
pub use reinforcement::Reinforcement;
pub use simulate::{simulate, simulate_recorded, EndReason, Outcome, Trajectory};
