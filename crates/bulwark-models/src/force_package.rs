//! Force package: the brigades and land equipment that stand in for a force given in troops.
//!
//! Some studies state what Europe must replace as a number of troops rather than as equipment
//! (Kiel Institute / Bruegel 2025: "the fighting capacity of 300,000 US troops", about 50
//! brigades). This model turns such a number into brigades and, for each land line, into the
//! holdings those brigades would have if they were equipped like the coalition's brigades today.
//!
//! # Model card
//!
//! - brigades `B = troops / troops_per_brigade`;
//! - for a land line `c`, the holding per brigade
//!   `h_c = Σ_{i∈S_c} inventory_{i,c} / Σ_{i∈S_c} brigades_i`, where `S_c` are the coalition
//!   members that report both their manoeuvre brigades and line `c` (a member without one of
//!   the two figures is left out of that line's average rather than read as zero);
//! - the package holds `q_c = B × h_c` on line `c`, `B` brigades, and `troops` personnel.
//!
//! | parameter | unit | default | range |
//! |---|---|---|---|
//! | `force_package_troops` | count (persons) | 0 (no package) | ≥ 0 |
//! | `force_package_troops_per_brigade` | count (persons) | 6,000 | > 0 |
//!
//! The average holding per brigade is a property of today's force structure, not of the ideal
//! brigade: it mixes armoured, mechanised and light brigades, and counts equipment held outside
//! brigades (in divisional artillery, training units or reserve stocks) as if it belonged to
//! them. A coalition whose artillery sits mostly with reserve formations (Finland's) raises its
//! artillery per active brigade.
//!
//! References: Burilkov & Wolff, *Defending Europe without the US: first estimates of what is
//! needed* (Kiel Policy Brief 183 / Bruegel, February 2025).

use crate::error::{check_range, ModelError};

/// One member's figures for a line: its brigades and its holding on the line.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberHolding {
    /// ISO 3166 alpha-3 code.
    pub iso3: String,
    /// Manoeuvre brigades the member reports.
    pub brigades: f64,
    /// The member's holding on the line.
    pub quantity: f64,
}

/// A land line and the members that report both brigades and the line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineHoldings {
    /// Line id.
    pub line: String,
    /// Members with both figures.
    pub members: Vec<MemberHolding>,
}

/// Everything the model needs.
#[derive(Clone, Debug, PartialEq)]
pub struct PackageInput {
    /// Troops the package stands in for.
    pub troops: f64,
    /// Troops per brigade, including the brigade's share of support.
    pub troops_per_brigade: f64,
    /// The equipment lines to derive.
    pub lines: Vec<LineHoldings>,
}

/// The package's holding on one line.
#[derive(Clone, Debug, PartialEq)]
pub struct PackageLine {
    /// Line id.
    pub line: String,
    /// Average holding per brigade of the members in `countries`; `None` without any.
    pub per_brigade: Option<f64>,
    /// `brigades × per_brigade`.
    pub quantity: Option<f64>,
    /// Members whose figures make the average.
    pub countries: Vec<String>,
}

/// The package: brigades, troops and equipment per line.
#[derive(Clone, Debug, PartialEq)]
pub struct ForcePackage {
    /// Troops the package stands in for.
    pub troops: f64,
    /// Troops per brigade.
    pub troops_per_brigade: f64,
    /// `troops / troops_per_brigade`.
    pub brigades: f64,
    /// One entry per equipment line, in input order.
    pub lines: Vec<PackageLine>,
}

impl ForcePackage {
    /// The package's holding on `line`: troops on `active_personnel`, brigades on
    /// `manoeuvre_brigades`, the derived quantity on an equipment line, `None` elsewhere.
    pub fn quantity(&self, line: &str) -> Option<f64> {
        match line {
            "active_personnel" => Some(self.troops),
            "manoeuvre_brigades" => Some(self.brigades),
            _ => self.lines.iter().find(|l| l.line == line).and_then(|l| l.quantity),
        }
    }
}

/// Derives the package.
pub fn derive(input: &PackageInput) -> Result<ForcePackage, ModelError> {
    const MODEL: &str = "force package";
    let troops = check_range(MODEL, "force_package_troops", input.troops, (0.0, 1.0e9), "troops ≥ 0")?;
    let troops_per_brigade = check_range(
        MODEL,
        "force_package_troops_per_brigade",
        input.troops_per_brigade,
        (1.0, 1.0e6),
        "at least one person per brigade",
    )?;
    let brigades = troops / troops_per_brigade;
    let mut lines = Vec::with_capacity(input.lines.len());
    for holdings in &input.lines {
        for (idx, member) in holdings.members.iter().enumerate() {
            let at = |field: &str| format!("{}.members[{idx}].{field}", holdings.line);
            check_range(MODEL, at("brigades"), member.brigades, (0.0, 1.0e6), "brigades ≥ 0")?;
            check_range(MODEL, at("quantity"), member.quantity, (0.0, 1.0e9), "a holding ≥ 0")?;
        }
        let total_brigades: f64 = holdings.members.iter().map(|m| m.brigades).sum();
        let total_quantity: f64 = holdings.members.iter().map(|m| m.quantity).sum();
        // Members with no brigades carry no weight; without any brigade the average is unknown.
        let per_brigade = (total_brigades > 0.0).then(|| total_quantity / total_brigades);
        lines.push(PackageLine {
            line: holdings.line.clone(),
            per_brigade,
            quantity: per_brigade.map(|h| brigades * h),
            countries: holdings.members.iter().map(|m| m.iso3.clone()).collect(),
        });
    }
    Ok(ForcePackage { troops, troops_per_brigade, brigades, lines })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn member(iso3: &str, brigades: f64, quantity: f64) -> MemberHolding {
        MemberHolding { iso3: iso3.into(), brigades, quantity }
    }

    fn input(troops: f64, members: Vec<MemberHolding>) -> PackageInput {
        PackageInput {
            troops,
            troops_per_brigade: 5_000.0,
            lines: vec![LineHoldings { line: "main_battle_tanks".into(), members }],
        }
    }

    #[test]
    fn hand_case_pools_members_by_brigade() {
        // 100,000 troops / 5,000 = 20 brigades; (88 + 12) tanks / (2 + 3) brigades = 20 a brigade.
        let package =
            derive(&input(100_000.0, vec![member("AAA", 2.0, 88.0), member("BBB", 3.0, 12.0)])).unwrap();
        assert!((package.brigades - 20.0).abs() < 1e-12);
        assert_eq!(package.lines[0].per_brigade, Some(20.0));
        assert_eq!(package.quantity("main_battle_tanks"), Some(400.0));
        assert_eq!(package.quantity("manoeuvre_brigades"), Some(20.0));
        assert_eq!(package.quantity("active_personnel"), Some(100_000.0));
        assert_eq!(package.quantity("destroyers"), None);
        assert_eq!(package.lines[0].countries, vec!["AAA", "BBB"]);
    }

    #[test]
    fn without_brigades_the_average_is_unknown_not_zero() {
        let package = derive(&input(100_000.0, vec![])).unwrap();
        assert_eq!(package.lines[0].per_brigade, None);
        assert_eq!(package.quantity("main_battle_tanks"), None);
        let only_zero = derive(&input(100_000.0, vec![member("AAA", 0.0, 5.0)])).unwrap();
        assert_eq!(only_zero.lines[0].quantity, None);
    }

    #[test]
    fn invalid_inputs_are_refused_with_their_name() {
        let mut bad = input(100_000.0, vec![]);
        bad.troops_per_brigade = 0.0;
        let err = derive(&bad).unwrap_err().to_string();
        assert!(err.contains("force_package_troops_per_brigade"), "{err}");
        let err = derive(&input(f64::NAN, vec![])).unwrap_err().to_string();
        assert!(err.contains("force_package_troops"), "{err}");
        let err = derive(&input(1.0, vec![member("AAA", -1.0, 5.0)])).unwrap_err().to_string();
        assert!(err.contains("main_battle_tanks.members[0].brigades"), "{err}");
    }

    proptest! {
        /// The package scales with the troops, and its holding per brigade lies between the
        /// smallest and largest member's own ratio.
        #[test]
        fn linear_in_troops_and_bounded_by_members(
            troops in 0.0..1.0e6f64,
            members in prop::collection::vec((1.0..50.0f64, 0.0..2_000.0f64), 1..8),
        ) {
            let members: Vec<MemberHolding> =
                members.iter().map(|(b, q)| member("AAA", *b, *q)).collect();
            let one = derive(&input(troops, members.clone())).unwrap();
            let two = derive(&input(2.0 * troops, members.clone())).unwrap();
            let q1 = one.quantity("main_battle_tanks").unwrap();
            let q2 = two.quantity("main_battle_tanks").unwrap();
            prop_assert!((q2 - 2.0 * q1).abs() <= 1e-9 * q2.max(1.0));
            let ratios = members.iter().map(|m| m.quantity / m.brigades);
            let (low, high) = ratios.fold((f64::INFINITY, 0.0f64), |(l, h), r| (l.min(r), h.max(r)));
            let per = one.lines[0].per_brigade.unwrap();
            prop_assert!(per >= low - 1e-9 && per <= high + 1e-9);
        }
    }
}
