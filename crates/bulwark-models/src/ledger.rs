//! Capability ledger (docs/design.md §4.1): what Europe fields on each capability line, what the US
//! adds under a given posture, what is required, and the gap.
//!
//! # Model card
//!
//! For a coalition C and a line c:
//!
//! - Europe-only strength `E_c = Σ_{i∈C} inventory_{i,c} × availability_c`;
//! - US contribution `U_c(posture) = U_c × availability_c × posture_g`, where `U_c` is what the
//!   US fields for Europe on the line (in-theatre plus planned reinforcement) and
//!   `posture_g ∈ [0, 1]` the share of the line's US posture group (conventional, enablers,
//!   intelligence, nuclear) that stays; availability scales US and European holdings alike;
//! - requirement `R_c` by mode: `replace-us` keeps today's alliance total,
//!   `R_c = E_c + U_c × availability_c`; `match-threat` sets `R_c = threat_c × ratio`; `targets`
//!   takes `R_c` from the scenario;
//! - Europe alone (the question Bulwark answers): `gap_c = max(0, R_c − E_c)` and
//!   `self_c = E_c / R_c` (`coverage_without_us`); the inventory to buy is
//!   `gap_c / availability_c`, since a unit bought is available only as often as those held;
//! - the benchmark, with the US as the scenario sets it:
//!   `gap_with_us_c = max(0, R_c − E_c − U_c(posture))` and
//!   `coverage_c = (E_c + U_c(posture)) / R_c`.
//!
//! A line's verdict is read from `self_c`: a line the US fills is covered, not self-sufficient,
//! and the benchmark verdict from `coverage_c` stands beside it. An axis score is the weighted
//! geometric mean of its lines' coverages, each capped at 1 so that a surplus of tanks does not
//! buy down a shortage of tankers: `score = exp(Σ w_c ln min(1, self_c) / Σ w_c)` (and the same
//! mean of `coverage_c` as the benchmark); a line with zero coverage makes the score zero.
//! Verdicts: score ≥ `self_sufficient` (default 1.0) → self-sufficient;
//! ≥ `partially_dependent` (default 0.6) → partially dependent; else dependent.
//!
//! | parameter | unit | default | range |
//! |---|---|---|---|
//! | `availability_*` (per domain) | fraction | 0.5–1.0 (baseline scenario) | 0–1 |
//! | `coverage_self_sufficient` | ratio | 1.0 | > `coverage_partially_dependent` |
//! | `coverage_partially_dependent` | ratio | 0.6 | ≥ 0 |
//!
//! A line without any inventory figure for the coalition, or (in `replace-us` mode) without a
//! figure for the US contribution, is reported as having no data and left out of the score:
//! a missing figure is never read as zero.
//!
//! **Bounds.** A figure may be a lower or upper bound on the true value, or an unverified
//! claim ([`Bound`]). The bound of `E` is that of the sum of the members' holdings (availability
//! is a known factor and keeps it), the bound of `R` that of the threat figure in
//! `match-threat` mode, of `E + U` in `replace-us` mode, and exact for a target; the gap
//! `R − E` has the bound of `R` and the negated bound of `E` (a lower-bound requirement less
//! an exact holding is a lower-bound gap), except in `replace-us` mode, where it is the US
//! contribution and has its bound; a gap clamped at zero is a lower bound when it may open,
//! exact otherwise. Bounds pointing both ways make a [`Bound::Mixed`] figure. A line whose Europe-alone coverage reaches
//! `self_sufficient` is not called self-sufficient when the true coverage may be lower: in
//! `match-threat` mode when the threat figure is a lower bound or a claim (Russia may hold
//! more), or in any mode when Europe's figure is an upper bound or a claim (Europe may hold
//! less). Its status is then [`MissingData::ThreatMayBeHigher`] or
//! [`MissingData::EuropeMayBeLower`]: undetermined, with its coverage and gap still computed
//! (and still counted in the axis score, as the best case). A lower verdict stands: a
//! requirement that may be higher only makes a shortage larger; the bounds stay on the line
//! for the report to show (`≥ 2`).
//!
//! References: docs/design.md §4.1; IISS, *Defending Europe Without the United States* (2025) for the
//! replace-the-US framing.

use bulwark_core::Bound;

/// How the requirement of a line is set.
#[derive(Clone, Debug, PartialEq)]
pub enum Requirement {
    /// Keep today's alliance total: `R = E + U` at full US posture.
    ReplaceUs,
    /// The adversary's holding times a required ratio; `threat` is `None` without data.
    MatchThreat {
        /// The adversary's holding on the line.
        threat: Option<f64>,
        /// Required ratio of own to adversary holding.
        ratio: f64,
        /// Whether `threat` is a count or a bound on the adversary's true holding.
        threat_bound: Bound,
    },
    /// A number given by the scenario.
    Target(f64),
}

/// Everything the ledger needs about one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineInput {
    /// Line id.
    pub line: String,
    /// Sum of the coalition's holdings; `None` when no member has a figure.
    pub europe_inventory: Option<f64>,
    /// The bound of `europe_inventory` (of the sum of the members' figures).
    pub europe_bound: Bound,
    /// Share of the inventory available, 0 to 1.
    pub availability: f64,
    /// US contribution at full posture; `None` when the dataset has no figure.
    pub us_full: Option<f64>,
    /// The bound of `us_full`.
    pub us_bound: Bound,
    /// Share of the US contribution that stays, 0 to 1.
    pub us_posture: f64,
    /// How the requirement is set.
    pub requirement: Requirement,
}

/// Verdict thresholds on coverage or score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// At or above: self-sufficient.
    pub self_sufficient: f64,
    /// At or above (and below `self_sufficient`): partially dependent.
    pub partially_dependent: f64,
}

impl Default for Thresholds {
    /// docs/design.md §4.1: 1.0 and 0.6.
    fn default() -> Thresholds {
        Thresholds { self_sufficient: 1.0, partially_dependent: 0.6 }
    }
}

/// The three verdicts of docs/design.md §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Europe meets the requirement alone.
    SelfSufficient,
    /// Europe meets part of it.
    PartiallyDependent,
    /// Europe depends on the US.
    Dependent,
}

impl Verdict {
    /// The verdict for a coverage or score.
    pub fn of(value: f64, thresholds: &Thresholds) -> Verdict {
        if value >= thresholds.self_sufficient {
            Verdict::SelfSufficient
        } else if value >= thresholds.partially_dependent {
            Verdict::PartiallyDependent
        } else {
            Verdict::Dependent
        }
    }

    /// Lower-case words for reports.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::SelfSufficient => "self-sufficient",
            Verdict::PartiallyDependent => "partially dependent",
            Verdict::Dependent => "dependent",
        }
    }
}

/// Why a line could not be assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingData {
    /// No coalition member has an inventory figure.
    NoInventory,
    /// `replace-us` mode and no figure for the US contribution.
    NoUsFigure,
    /// `match-threat` mode and no figure for the adversary.
    NoThreatFigure,
    /// Undetermined: Europe meets the requirement as stated, but in `match-threat` mode the
    /// adversary's figure is a lower bound or a claim ([`Bound`]), so its true holding may be
    /// higher and Europe may not meet it.
    ThreatMayBeHigher(Bound),
    /// Undetermined: Europe meets the requirement as stated, but Europe's figure is an upper
    /// bound or a claim, so its true holding may fall short.
    EuropeMayBeLower(Bound),
}

impl MissingData {
    /// Words for reports.
    pub fn label(self) -> &'static str {
        match self {
            MissingData::NoInventory => "no European inventory figure",
            MissingData::NoUsFigure => "no figure for the US contribution",
            MissingData::NoThreatFigure => "no figure for the adversary's holding",
            MissingData::ThreatMayBeHigher(Bound::Claim) => {
                "undetermined: the threat figure is an unverified claim"
            }
            MissingData::ThreatMayBeHigher(Bound::Mixed) => "undetermined: the threat figure mixes bounds",
            MissingData::ThreatMayBeHigher(_) => "undetermined: the threat figure is a lower bound",
            MissingData::EuropeMayBeLower(Bound::Claim) => {
                "undetermined: Europe's figure is an unverified claim"
            }
            MissingData::EuropeMayBeLower(Bound::Mixed) => {
                "undetermined: Europe's figure sums lower and upper bounds"
            }
            MissingData::EuropeMayBeLower(_) => "undetermined: Europe's figure is an upper bound",
        }
    }

    /// Whether the line has its figures and only their bounds leave the verdict open.
    pub fn is_undetermined(self) -> bool {
        matches!(self, MissingData::ThreatMayBeHigher(_) | MissingData::EuropeMayBeLower(_))
    }
}

/// The ledger's result for one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineOutcome {
    /// Line id.
    pub line: String,
    /// `E`: available European strength.
    pub europe: Option<f64>,
    /// `U(posture)`: US contribution that stays.
    pub us: Option<f64>,
    /// `U` at full posture (today).
    pub us_full: Option<f64>,
    /// `R`.
    pub requirement: Option<f64>,
    /// The bound of `europe` (a lower bound prints as `≥`).
    pub europe_bound: Bound,
    /// The bound of `us` and `us_full`.
    pub us_bound: Bound,
    /// The bound of `requirement`.
    pub requirement_bound: Bound,
    /// The bound of `gap`, `units_to_buy` and what closing the gap costs: in `replace-us` mode
    /// the gap is the US contribution Europe must replace and has its bound; otherwise
    /// `R − E` takes the bound of `R` and the negated bound of `E`. A gap of zero is
    /// `max(0, …)` clamped: a lower bound when it may open, exactly zero otherwise.
    pub gap_bound: Bound,
    /// Europe alone: `max(0, R − E)`.
    pub gap: Option<f64>,
    /// The benchmark: `max(0, R − E − U(posture))`.
    pub gap_with_us: Option<f64>,
    /// Inventory Europe must add to close `gap`: `gap / availability` (a unit bought is
    /// available only part of the time, like those already held).
    pub units_to_buy: Option<f64>,
    /// The benchmark: `(E + U(posture)) / R`.
    pub coverage: Option<f64>,
    /// Europe alone: `E / R`.
    pub coverage_without_us: Option<f64>,
    /// `Ok(verdict)` of Europe alone, or why the line could not be assessed.
    pub status: Result<Verdict, MissingData>,
    /// The benchmark verdict, with the US as the scenario sets it.
    pub benchmark: Option<Verdict>,
}

impl LineOutcome {
    /// The bound of `us`: that of `us_full`, except that a contribution the posture withdraws
    /// entirely is exactly zero.
    pub fn us_available_bound(&self) -> Bound {
        if self.us == Some(0.0) && self.us_full.is_some_and(|full| full > 0.0) {
            Bound::Exact
        } else {
            self.us_bound
        }
    }

    /// Whether any figure of the line (Europe's, the US's or the requirement) is a lower bound.
    pub fn rests_on_lower_bound(&self) -> bool {
        [self.europe_bound, self.us_bound, self.requirement_bound].contains(&Bound::Lower)
    }

    /// Whether any figure of the line is a bound or a claim rather than a count.
    pub fn rests_on_bound(&self) -> bool {
        [self.europe_bound, self.us_bound, self.requirement_bound].iter().any(|b| b.is_bound())
    }
}

/// Assesses one line.
pub fn assess_line(input: &LineInput, thresholds: &Thresholds) -> LineOutcome {
    let europe = input.europe_inventory.map(|inventory| inventory * input.availability);
    let us_available = input.us_full.map(|full| full * input.availability);
    let us = us_available.map(|available| available * input.us_posture);
    let requirement = match (&input.requirement, europe) {
        (Requirement::ReplaceUs, Some(e)) => us_available.map(|available| e + available),
        (Requirement::ReplaceUs, None) => None,
        (Requirement::MatchThreat { threat, ratio, .. }, _) => threat.map(|t| t * ratio),
        (Requirement::Target(target), _) => Some(*target),
    };
    let missing = match (&input.requirement, europe, requirement) {
        (_, None, _) => Some(MissingData::NoInventory),
        (Requirement::ReplaceUs, _, None) => Some(MissingData::NoUsFigure),
        (Requirement::MatchThreat { .. }, _, None) => Some(MissingData::NoThreatFigure),
        _ => None,
    };
    let requirement_bound = match &input.requirement {
        Requirement::ReplaceUs => input.europe_bound.and(input.us_bound),
        // The ratio is a known positive factor: it keeps the threat figure's bound.
        Requirement::MatchThreat { threat_bound, .. } => *threat_bound,
        Requirement::Target(_) => Bound::Exact,
    };
    let mut outcome = LineOutcome {
        line: input.line.clone(),
        europe,
        us,
        us_full: input.us_full,
        requirement,
        europe_bound: input.europe_bound,
        us_bound: input.us_bound,
        requirement_bound,
        gap_bound: Bound::Exact,
        gap: None,
        gap_with_us: None,
        units_to_buy: None,
        coverage: None,
        coverage_without_us: None,
        status: Err(missing.unwrap_or(MissingData::NoInventory)),
        benchmark: None,
    };
    if let (None, Some(e), Some(r)) = (missing, europe, requirement) {
        // A US contribution the dataset lacks counts as none in match-threat and target modes:
        // Europe must then cover the requirement alone, which is what those modes ask.
        let with_us = e + us.unwrap_or(0.0);
        outcome.gap = Some((r - e).max(0.0));
        outcome.gap_bound = gap_bound(input, requirement_bound, r - e);
        outcome.gap_with_us = Some((r - with_us).max(0.0));
        let gap = (r - e).max(0.0);
        outcome.units_to_buy = Some(if input.availability > 0.0 { gap / input.availability } else { gap });
        let (coverage, alone) = if r > 0.0 { (with_us / r, e / r) } else { (1.0, 1.0) };
        outcome.coverage = Some(coverage);
        outcome.coverage_without_us = Some(alone);
        outcome.status = match Verdict::of(alone, thresholds) {
            Verdict::SelfSufficient => {
                undetermined_by_bounds(input, requirement_bound).map_or(Ok(Verdict::SelfSufficient), Err)
            }
            verdict => Ok(verdict),
        };
        outcome.benchmark = Some(Verdict::of(coverage, thresholds));
    }
    outcome
}

/// The bound of `max(0, R − E)` (see [`LineOutcome::gap_bound`]).
fn gap_bound(input: &LineInput, requirement_bound: Bound, difference: f64) -> Bound {
    // In replace-us mode `R − E` is the available US contribution whatever Europe holds: the
    // two European terms cancel, and so do their bounds.
    let (minuend, subtrahend) = match input.requirement {
        Requirement::ReplaceUs => (input.us_bound, Bound::Exact),
        _ => (requirement_bound, input.europe_bound),
    };
    if difference > 0.0 {
        minuend.and(subtrahend.negated())
    } else if minuend.may_be_higher() || subtrahend.may_be_lower() {
        Bound::Lower
    } else {
        Bound::Exact
    }
}

/// Why a self-sufficient verdict cannot stand on these figures, if it cannot: the true
/// requirement may be higher (`match-threat` mode, the threat a lower bound or a claim) or
/// Europe's true holding lower (an upper bound or a claim).
fn undetermined_by_bounds(input: &LineInput, requirement_bound: Bound) -> Option<MissingData> {
    if matches!(input.requirement, Requirement::MatchThreat { .. }) && requirement_bound.may_be_higher() {
        return Some(MissingData::ThreatMayBeHigher(requirement_bound));
    }
    input.europe_bound.may_be_lower().then_some(MissingData::EuropeMayBeLower(input.europe_bound))
}

/// Weighted geometric mean of coverages capped at 1; `None` when no line has a weight.
pub fn axis_score(coverages_and_weights: &[(f64, f64)]) -> Option<f64> {
    let total_weight: f64 = coverages_and_weights.iter().map(|(_, w)| w).sum();
    if total_weight <= 0.0 {
        return None;
    }
    if coverages_and_weights.iter().any(|(c, w)| *w > 0.0 && *c <= 0.0) {
        return Some(0.0);
    }
    let log_sum: f64 = coverages_and_weights.iter().map(|(c, w)| w * c.min(1.0).ln()).sum();
    Some((log_sum / total_weight).exp())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn line(europe: Option<f64>, us: Option<f64>, posture: f64, requirement: Requirement) -> LineInput {
        LineInput {
            line: "tanker_aircraft".into(),
            europe_inventory: europe,
            europe_bound: Bound::Exact,
            availability: 0.5,
            us_full: us,
            us_bound: Bound::Exact,
            us_posture: posture,
            requirement,
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn replace_us_keeps_todays_total_and_availability_applies_to_both_sides() {
        // 40 tankers at 50 % → E = 20; the US brings 60, of which 30 are available; half stays.
        let out =
            assess_line(&line(Some(40.0), Some(60.0), 0.5, Requirement::ReplaceUs), &Thresholds::default());
        assert!(close(out.requirement, 50.0));
        assert!(close(out.us, 15.0));
        assert!(close(out.gap, 30.0));
        assert!(close(out.gap_with_us, 15.0));
        assert!(close(out.units_to_buy, 60.0));
        assert!(close(out.coverage, 0.7));
        assert!(close(out.coverage_without_us, 0.4));
        assert_eq!(out.status, Ok(Verdict::Dependent));
        assert_eq!(out.benchmark, Some(Verdict::PartiallyDependent));
    }

    #[test]
    fn a_line_the_us_fills_is_covered_not_self_sufficient() {
        // r10: with the US as today the line is whole, yet Europe holds a tenth of it.
        let out =
            assess_line(&line(Some(10.0), Some(90.0), 1.0, Requirement::ReplaceUs), &Thresholds::default());
        assert!(close(out.gap_with_us, 0.0));
        assert!(close(out.gap, 45.0));
        assert_eq!(out.benchmark, Some(Verdict::SelfSufficient));
        assert_eq!(out.status, Ok(Verdict::Dependent));
    }

    #[test]
    fn missing_figures_are_reported_not_zeroed() {
        let none = assess_line(&line(None, Some(3.0), 1.0, Requirement::ReplaceUs), &Thresholds::default());
        assert_eq!(none.status, Err(MissingData::NoInventory));
        let no_us = assess_line(&line(Some(3.0), None, 1.0, Requirement::ReplaceUs), &Thresholds::default());
        assert_eq!(no_us.status, Err(MissingData::NoUsFigure));
        let threat = Requirement::MatchThreat { threat: None, ratio: 1.0, threat_bound: Bound::Exact };
        let no_threat = assess_line(&line(Some(3.0), None, 1.0, threat), &Thresholds::default());
        assert_eq!(no_threat.status, Err(MissingData::NoThreatFigure));
    }

    #[test]
    fn match_threat_and_targets_set_the_requirement() {
        let threat = Requirement::MatchThreat { threat: Some(100.0), ratio: 1.5, threat_bound: Bound::Exact };
        let out = assess_line(&line(Some(200.0), Some(20.0), 0.0, threat), &Thresholds::default());
        assert!(close(out.requirement, 150.0));
        assert!(close(out.gap, 50.0));
        assert_eq!(out.status, Ok(Verdict::PartiallyDependent));
        let out =
            assess_line(&line(Some(200.0), None, 0.0, Requirement::Target(80.0)), &Thresholds::default());
        assert!(close(out.gap, 0.0));
        assert!(close(out.coverage, 1.25));
    }

    /// Issue 11: Russia's SEAD figure (2 Il-22PP) is a lower bound; Europe's 10 against it is not
    /// self-sufficiency but an open question, with the coverage still computed as the best case.
    #[test]
    fn a_lower_bound_threat_cannot_be_met_self_sufficiently() {
        let thresholds = Thresholds::default();
        let against = |threat_bound: Bound| {
            let threat = Requirement::MatchThreat { threat: Some(2.0), ratio: 1.0, threat_bound };
            assess_line(&line(Some(20.0), None, 0.0, threat), &thresholds)
        };
        assert_eq!(against(Bound::Exact).status, Ok(Verdict::SelfSufficient));
        let lower = against(Bound::Lower);
        assert_eq!(lower.status, Err(MissingData::ThreatMayBeHigher(Bound::Lower)));
        assert!(lower.status.unwrap_err().is_undetermined());
        assert!(close(lower.coverage_without_us, 5.0));
        assert_eq!((lower.requirement_bound, lower.gap_bound), (Bound::Lower, Bound::Lower));
        assert!(lower.rests_on_lower_bound());
        assert_eq!(against(Bound::Claim).status, Err(MissingData::ThreatMayBeHigher(Bound::Claim)));
        // An upper-bound threat only makes the requirement smaller: the verdict stands.
        assert_eq!(against(Bound::Upper).status, Ok(Verdict::SelfSufficient));
    }

    #[test]
    fn a_shortfall_against_a_lower_bound_stands_and_bounds_follow_their_figures() {
        let thresholds = Thresholds::default();
        let threat = Requirement::MatchThreat { threat: Some(100.0), ratio: 1.0, threat_bound: Bound::Lower };
        let out = assess_line(&line(Some(40.0), None, 0.0, threat), &thresholds);
        // Russia may hold more than 100: Europe's 20 available is dependent either way.
        assert_eq!(out.status, Ok(Verdict::Dependent));
        assert_eq!(out.gap_bound, Bound::Lower);
        // Europe's own lower bound on a shortfall: the gap is at most what it shows.
        let mut lower = line(Some(40.0), None, 0.0, Requirement::Target(100.0));
        lower.europe_bound = Bound::Lower;
        assert_eq!(assess_line(&lower, &thresholds).gap_bound, Bound::Upper);
        // Europe's upper bound makes a surplus undetermined in any mode ...
        let mut upper = line(Some(200.0), None, 0.0, Requirement::Target(50.0));
        upper.europe_bound = Bound::Upper;
        let out = assess_line(&upper, &thresholds);
        assert_eq!(out.status, Err(MissingData::EuropeMayBeLower(Bound::Upper)));
        assert_eq!((out.europe_bound, out.gap_bound), (Bound::Upper, Bound::Lower));
        // ... and its lower bound only says so: more than stated cannot undo a surplus.
        upper.europe_bound = Bound::Lower;
        let out = assess_line(&upper, &thresholds);
        assert_eq!(out.status, Ok(Verdict::SelfSufficient));
        // A surplus that more holdings cannot close: the zero gap is exact.
        assert_eq!(out.gap_bound, Bound::Exact);
        // In replace-us mode the requirement E + U carries both bounds.
        let mut replace = line(Some(40.0), Some(60.0), 1.0, Requirement::ReplaceUs);
        replace.us_bound = Bound::Lower;
        replace.europe_bound = Bound::Upper;
        let out = assess_line(&replace, &thresholds);
        assert_eq!((out.us_bound, out.requirement_bound), (Bound::Lower, Bound::Mixed));
        // The gap is the US contribution to replace, whatever Europe's bound: a lower bound.
        assert_eq!(out.gap_bound, Bound::Lower);
        assert!(out.rests_on_lower_bound() && out.rests_on_bound());
        // Withdrawn entirely, the US contribution is exactly zero.
        replace.us_posture = 0.0;
        let out = assess_line(&replace, &thresholds);
        assert_eq!((out.us_available_bound(), out.us_bound), (Bound::Exact, Bound::Lower));
    }

    #[test]
    fn axis_score_is_a_capped_weighted_geometric_mean() {
        let score = axis_score(&[(0.25, 1.0), (1.0, 1.0)]).unwrap();
        assert!((score - 0.5).abs() < 1e-12);
        // A surplus does not compensate a shortage.
        assert!((axis_score(&[(0.25, 1.0), (4.0, 1.0)]).unwrap() - 0.5).abs() < 1e-12);
        assert!((axis_score(&[(0.0, 1.0), (1.0, 3.0)]).unwrap()).abs() < 1e-12);
        assert_eq!(axis_score(&[]), None);
    }

    proptest! {
        /// Withdrawing US posture never closes a gap or raises coverage.
        #[test]
        fn less_us_posture_never_helps(europe in 0.0..500.0f64, us in 0.0..500.0f64, low in 0.0..1.0f64, extra in 0.0..1.0f64) {
            let high = (low + extra).min(1.0);
            let thresholds = Thresholds::default();
            let with_less = assess_line(&line(Some(europe), Some(us), low, Requirement::ReplaceUs), &thresholds);
            let with_more = assess_line(&line(Some(europe), Some(us), high, Requirement::ReplaceUs), &thresholds);
            prop_assert!(with_less.gap_with_us.unwrap() >= with_more.gap_with_us.unwrap() - 1e-9);
            prop_assert!(with_less.coverage.unwrap() <= with_more.coverage.unwrap() + 1e-9);
            // Europe alone does not depend on the posture at all: coverage, gap and verdict.
            prop_assert!((with_less.coverage_without_us.unwrap() - with_more.coverage_without_us.unwrap()).abs() < 1e-9);
            prop_assert!((with_less.gap.unwrap() - with_more.gap.unwrap()).abs() < 1e-9);
            prop_assert_eq!(with_less.status, with_more.status);
        }

        /// The axis score stays within [0, 1] and between the smallest and largest capped coverage.
        #[test]
        fn axis_score_is_bounded(coverages in prop::collection::vec((0.0..3.0f64, 0.1..5.0f64), 1..8)) {
            let score = axis_score(&coverages).unwrap();
            let lowest = coverages.iter().map(|(c, _)| c.min(1.0)).fold(f64::INFINITY, f64::min);
            let highest = coverages.iter().map(|(c, _)| c.min(1.0)).fold(0.0, f64::max);
            prop_assert!(score >= lowest - 1e-9 && score <= highest + 1e-9);
        }
    }
}
