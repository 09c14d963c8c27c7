//! The Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design"): eight colours that
//! stay apart for the common forms of colour blindness. Every chart takes its colours here and
//! adds dashes or markers, so that no series is told apart by colour alone.

/// Blue.
pub(crate) const BLUE: &str = "#0072B2";
/// Orange.
pub(crate) const ORANGE: &str = "#E69F00";
/// Vermillion (the critical and warning colour).
pub(crate) const VERMILLION: &str = "#D55E00";
/// Sky blue.
pub(crate) const SKY: &str = "#56B4E9";
/// Bluish green.
pub(crate) const GREEN: &str = "#009E73";
/// Reddish purple.
pub(crate) const PURPLE: &str = "#CC79A7";
/// Yellow (for fills, too light for text or thin lines).
pub(crate) const YELLOW: &str = "#F0E442";
/// Black, for references.
pub(crate) const BLACK: &str = "#000000";
/// Grey, for neutral references and context.
pub(crate) const GREY: &str = "#666666";
