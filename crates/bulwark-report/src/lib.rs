//! Bulwark's reports: turns datasets, scenarios and model outcomes into text a person reads
//! (aligned tables) or a machine reads (JSON with a versioned schema).
//!
//! Every function here returns a `String`; printing and writing files is the binary's job.
//! The JSON documents are this crate's DTOs, the only types in Bulwark that derive
//! `Serialize`, so that the schema changes only when this crate says so.

#![warn(missing_docs)]

pub mod assessment_compare;
pub mod assessment_html;
pub mod assessment_json;
pub mod assessment_summary;
pub mod assessment_view;
pub mod assessment_year;
mod axis_figures;
mod country_names;
pub mod dataset_view;
pub mod ensemble_html;
pub mod ensemble_view;
pub mod exec_summary;
pub mod explore_view;
pub mod fit_view;
mod html_campaign;
mod html_decision;
mod html_force_package;
mod html_iamd;
mod html_nuclear;
mod html_summary;
mod html_threat;
pub mod i18n;
pub mod json_campaign;
pub mod json_decision;
pub mod json_iamd;
pub mod json_nuclear;
mod json_text;
pub mod json_threat;
mod line_notes;
pub mod nuclear_text;
pub mod procurement_view;
pub mod provenance_view;
mod question_answers;
pub mod references;
pub mod scenario_view;
mod svg;
mod text_table;
mod threat_view;

pub use text_table::{format_count, format_number, format_whole_units, TextTable};
