//! Bulwark's dataset: public figures, each with its source, as typed tables.
//!
//! The baseline "baseline-2026-01" lives as plain CSV files in `data/baseline-2026-01/` of the
//! repository and is compiled into the binary, so `bulwark assess` needs no files. A user can
//! load another directory with the same files instead ([`Dataset::from_dir`]).
//!
//! - [`Dataset`] holds the tables; loading checks every cell (types, units, ranges, names).
//! - [`check`] checks relations between rows and tables (sources exist, no duplicates,
//!   spending consistent with GDP, memberships consistent with group sizes).
//! - [`export`] writes the tables back as CSV in a canonical form.
//!
//! This crate reads files only in [`Dataset::from_dir`]; everything else works on text.

#![warn(missing_docs)]

pub mod check;
mod dataset;
pub mod export;
mod table;
mod tables;
pub mod vocabulary;

pub use bulwark_core::Bound;
pub use dataset::{read_text_file, Dataset, Holdings, EMBEDDED_NAME, TABLE_FILES};
pub use table::{Origin, MAX_TABLE_BYTES};
pub use tables::{
    CapabilityLine, CostFigure, Country, CountryFigure, Group, InventoryItem, LossFigure, NuclearFigure,
    ProductionFigure, Provenance, Rate, Source,
};
pub use vocabulary::Unit;
