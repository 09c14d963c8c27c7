//! [`Bound`]: whether a figure is a count, a bound on the true count, or an unverified claim.
//!
//! Public figures on military holdings are often not counts: "at least 18 drones", one type of
//! a fleet whose other types were not found, missiles delivered years ago. The dataset marks
//! them (the `bound` column), and everything computed from them carries the mark, so that a
//! requirement set by a lower bound is never read as a requirement met.

/// What a figure says about the true value it stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    /// A count or figure as its source states it (the default: a row that says nothing else).
    #[default]
    Exact,
    /// A lower bound: the true value is at least this ("at least", one type of several, a
    /// quantity delivered of which some may since be gone the other way is not counted).
    Lower,
    /// An upper bound: the true value is at most this (a stock before an undisclosed number was
    /// given away, a whole fleet of which only part serves).
    Upper,
    /// An unverified claim (a belligerent's or an anonymous press source's figure): the true
    /// value may lie on either side.
    Claim,
    /// A figure computed from figures whose bounds point different ways (a lower bound plus an
    /// upper bound, or a bound plus a claim): the true value may lie on either side. Never
    /// written in the data files; only sums and differences produce it.
    Mixed,
}

impl Bound {
    /// Every bound with its spelling in the data files, in the order of the enum.
    pub const ALL: [(Bound, &'static str); 4] =
        [(Bound::Exact, "exact"), (Bound::Lower, "lower"), (Bound::Upper, "upper"), (Bound::Claim, "claim")];

    /// The bound spelled as in the data files (`exact`, `lower`, `upper`, `claim`); `mixed` is
    /// not among them.
    pub fn parse(text: &str) -> Option<Bound> {
        Bound::ALL.iter().find(|(_, name)| *name == text).map(|(bound, _)| *bound)
    }

    /// The spelling in the data files and in JSON (`mixed` for [`Bound::Mixed`]).
    pub fn as_str(self) -> &'static str {
        Bound::ALL.iter().find(|(bound, _)| *bound == self).map_or("mixed", |(_, name)| name)
    }

    /// Whether the true value may be higher than the figure (a lower bound, a claim, mixed).
    pub fn may_be_higher(self) -> bool {
        matches!(self, Bound::Lower | Bound::Claim | Bound::Mixed)
    }

    /// Whether the true value may be lower than the figure (an upper bound, a claim, mixed).
    pub fn may_be_lower(self) -> bool {
        matches!(self, Bound::Upper | Bound::Claim | Bound::Mixed)
    }

    /// Whether the figure is anything but a count as stated.
    pub fn is_bound(self) -> bool {
        self != Bound::Exact
    }

    /// The bound of a sum (or of a product by a known positive factor) of two figures: a sum
    /// of lower bounds is a lower bound, of an exact figure and a lower bound a lower bound;
    /// lower and upper together, or a claim with a bound, are [`Bound::Mixed`].
    pub fn and(self, other: Bound) -> Bound {
        match (self, other) {
            (Bound::Exact, bound) | (bound, Bound::Exact) => bound,
            (a, b) if a == b => a,
            _ => Bound::Mixed,
        }
    }

    /// The bound of the negated figure (`−x` of a lower bound `x` is an upper bound), which
    /// a difference `a − b` needs: its bound is `a.and(b.negated())`.
    pub fn negated(self) -> Bound {
        match self {
            Bound::Lower => Bound::Upper,
            Bound::Upper => Bound::Lower,
            other => other,
        }
    }

    /// The bound of the sum of several figures.
    pub fn of_sum(bounds: impl IntoIterator<Item = Bound>) -> Bound {
        bounds.into_iter().fold(Bound::Exact, Bound::and)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip_and_unknown_words_are_refused() {
        for (bound, name) in Bound::ALL {
            assert_eq!(Bound::parse(name), Some(bound));
            assert_eq!(bound.as_str(), name);
        }
        assert_eq!(Bound::parse("Lower"), None);
        assert_eq!(Bound::parse("at_least"), None);
        assert_eq!(Bound::parse("mixed"), None, "only sums are mixed");
        assert_eq!(Bound::Mixed.as_str(), "mixed");
        assert_eq!(Bound::default(), Bound::Exact);
    }

    #[test]
    fn sums_keep_a_shared_direction_and_lose_a_mixed_one() {
        assert_eq!(Bound::of_sum([Bound::Exact, Bound::Lower, Bound::Exact]), Bound::Lower);
        assert_eq!(Bound::of_sum([Bound::Lower, Bound::Lower]), Bound::Lower);
        assert_eq!(Bound::of_sum([Bound::Upper, Bound::Exact]), Bound::Upper);
        assert_eq!(Bound::of_sum([Bound::Lower, Bound::Upper]), Bound::Mixed);
        assert_eq!(Bound::of_sum([Bound::Lower, Bound::Claim]), Bound::Mixed);
        assert_eq!(Bound::of_sum([Bound::Claim, Bound::Claim]), Bound::Claim);
        assert!(Bound::Lower.may_be_higher() && !Bound::Lower.may_be_lower());
        assert!(Bound::Upper.may_be_lower() && !Bound::Upper.may_be_higher());
        assert!(Bound::Mixed.may_be_lower() && Bound::Claim.may_be_higher());
        assert!(!Bound::Exact.may_be_lower() && !Bound::Exact.may_be_higher());
        assert_eq!(Bound::of_sum([]), Bound::Exact);
        // A requirement that is a lower bound, less an exact holding: the gap is a lower bound.
        assert_eq!(Bound::Lower.and(Bound::Exact.negated()), Bound::Lower);
        // Less a holding that is itself a lower bound: the gap could be either side.
        assert_eq!(Bound::Lower.and(Bound::Lower.negated()), Bound::Mixed);
    }
}
