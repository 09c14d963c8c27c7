//! Model card: generalised Lanchester (Helmbold) attrition.
//!
//! TODO
mod fit;
mod law;
mod params;
mod reinforcement;
mod series;
mod simulate;

pub use fit::{
    engel_integral_estimate, evaluate, fit, square_law_endpoints, EndConstraint, EndpointEstimate, EngelEstimate,
    EngelSpec, Evaluation, Fit, FitPoint, FitSpec, Side,
};
pub use law::{Exponents, Law};
pub use params::{Method, Params, Solver, MAX_STEPS};
pub use reinforcement::Reinforcement;
pub use series::{Columns, Series};
pub use simulate::{simulate, simulate_recorded, EndReason, Outcome, Trajectory};
