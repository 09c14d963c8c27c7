//! Attrition laws: which powers of each side's strength drive the losses, and the fast kernel
//! that evaluates them in the inner loop.

/// The four exponents of the generalised (Helmbold) law
/// `dB/dt = −a·R^e1·B^e2`, `dR/dt = −b·B^e3·R^e4`.
///
/// Each exponent is dimensionless and must lie in `[0, 2]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exponents {
    /// Power of Red's strength in Blue's loss rate (1 = aimed fire: more shooters, more losses).
    pub e1: f64,
    /// Power of Blue's own strength in Blue's loss rate (1 = area fire: more targets, more hits).
    pub e2: f64,
    /// Power of Blue's strength in Red's loss rate.
    pub e3: f64,
    /// Power of Red's own strength in Red's loss rate.
    pub e4: f64,
}

impl Exponents {
    /// Lanchester's square law (aimed fire): `(1, 0, 1, 0)`.
    pub const SQUARE: Exponents = Exponents { e1: 1.0, e2: 0.0, e3: 1.0, e4: 0.0 };
    /// Lanchester's linear law (area fire): `(1, 1, 1, 1)`.
    pub const LINEAR: Exponents = Exponents { e1: 1.0, e2: 1.0, e3: 1.0, e4: 1.0 };
    /// Peterson's logarithmic law (losses proportional to own strength): `(0, 1, 0, 1)`.
    pub const LOGARITHMIC: Exponents = Exponents { e1: 0.0, e2: 1.0, e3: 0.0, e4: 1.0 };

    /// The one-parameter family of the canonical benchmark (docs/design.md §7):
    /// `(e, 1 − e, e, 1 − e)`; `e = 1` is the square law, `e = 0` the logarithmic law.
    pub fn complementary(e: f64) -> Exponents {
        Exponents { e1: e, e2: 1.0 - e, e3: e, e4: 1.0 - e }
    }

    /// The exponents in equation order `[e1, e2, e3, e4]`.
    pub fn to_array(self) -> [f64; 4] {
        [self.e1, self.e2, self.e3, self.e4]
    }
}

/// A named attrition law, or general Helmbold exponents.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Law {
    /// `(1, 0, 1, 0)`: each side's losses are proportional to the enemy's strength.
    Square,
    /// `(1, 1, 1, 1)`: losses proportional to the product of the strengths.
    Linear,
    /// `(0, 1, 0, 1)`: losses proportional to one's own strength.
    Logarithmic,
    /// General exponents (Helmbold 1965; Bracken 1995's generalised law). When fitting, these
    /// are the starting guess and are fitted too.
    Helmbold(Exponents),
}

impl Law {
    /// The names [`Law::parse`] accepts, for help texts and did-you-mean suggestions.
    pub const NAMES: [&'static str; 5] = ["square", "linear", "log", "logarithmic", "helmbold"];

    /// The law's exponents.
    pub fn exponents(self) -> Exponents {
        match self {
            Law::Square => Exponents::SQUARE,
            Law::Linear => Exponents::LINEAR,
            Law::Logarithmic => Exponents::LOGARITHMIC,
            Law::Helmbold(exponents) => exponents,
        }
    }

    /// The law's name as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Law::Square => "square",
            Law::Linear => "linear",
            Law::Logarithmic => "log",
            Law::Helmbold(_) => "helmbold",
        }
    }

    /// Parses a law name (case-insensitive). `helmbold` starts from the square-law exponents,
    /// which is where a fit of the general law begins.
    pub fn parse(name: &str) -> Option<Law> {
        match name.to_ascii_lowercase().as_str() {
            "square" => Some(Law::Square),
            "linear" => Some(Law::Linear),
            "log" | "logarithmic" => Some(Law::Logarithmic),
            "helmbold" => Some(Law::Helmbold(Exponents::SQUARE)),
            _ => None,
        }
    }
}

/// The loss-rate terms `(R^e1·B^e2, B^e3·R^e4)` specialised to the law, so that the inner loop
/// pays for `ln`/`exp` only when the exponents are not integers.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kernel {
    Square,
    Linear,
    Logarithmic,
    /// `(e, 1 − e, e, 1 − e)`: both terms follow from one power of the force ratio.
    Ratio(f64),
    General(Exponents),
}

/// Exponents closer than this to a special value are treated as that value.
const EXPONENT_TOLERANCE: f64 = 1e-12;

fn same(x: Exponents, y: Exponents) -> bool {
    let (x, y) = (x.to_array(), y.to_array());
    x.iter().zip(y).all(|(p, q)| (p - q).abs() <= EXPONENT_TOLERANCE)
}

impl Kernel {
    pub(crate) fn new(exponents: Exponents) -> Kernel {
        if same(exponents, Exponents::SQUARE) {
            Kernel::Square
        } else if same(exponents, Exponents::LINEAR) {
            Kernel::Linear
        } else if same(exponents, Exponents::LOGARITHMIC) {
            Kernel::Logarithmic
        } else if same(exponents, Exponents::complementary(exponents.e1)) {
            Kernel::Ratio(exponents.e1)
        } else {
            Kernel::General(exponents)
        }
    }

    /// `(R^e1·B^e2, B^e3·R^e4)`, except that a side at zero strength inflicts no losses
    /// whatever the exponents (the logarithmic law would otherwise let a destroyed side kill).
    #[inline]
    pub(crate) fn fire(self, blue: f64, red: f64) -> (f64, f64) {
        if blue <= 0.0 || red <= 0.0 {
            return self.fire_at_zero(blue, red);
        }
        match self {
            Kernel::Square => (red, blue),
            Kernel::Linear => {
                let product = red * blue;
                (product, product)
            }
            Kernel::Logarithmic => (blue, red),
            Kernel::Ratio(e) => {
                // R^e·B^(1−e) = B·(R/B)^e and B^e·R^(1−e) = R/(R/B)^e: one ln and one exp.
                let ratio_power = (e * (red / blue).ln()).exp();
                (blue * ratio_power, red / ratio_power)
            }
            Kernel::General(x) => {
                let (ln_blue, ln_red) = (blue.ln(), red.ln());
                ((x.e1 * ln_red + x.e2 * ln_blue).exp(), (x.e3 * ln_blue + x.e4 * ln_red).exp())
            }
        }
    }

    /// The slow path when a side is at zero, where `ln` cannot be used and `0^0 = 1`.
    #[cold]
    fn fire_at_zero(self, blue: f64, red: f64) -> (f64, f64) {
        let x = self.exponents();
        let blue_term = if red > 0.0 { power(red, x.e1) * power(blue, x.e2) } else { 0.0 };
        let red_term = if blue > 0.0 { power(blue, x.e3) * power(red, x.e4) } else { 0.0 };
        (blue_term, red_term)
    }

    fn exponents(self) -> Exponents {
        match self {
            Kernel::Square => Exponents::SQUARE,
            Kernel::Linear => Exponents::LINEAR,
            Kernel::Logarithmic => Exponents::LOGARITHMIC,
            Kernel::Ratio(e) => Exponents::complementary(e),
            Kernel::General(exponents) => exponents,
        }
    }
}

/// `x^e` for `x ≥ 0` with `0^0 = 1`.
fn power(x: f64, e: f64) -> f64 {
    if x > 0.0 {
        x.powf(e)
    } else if e > 0.0 {
        0.0
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() <= 1e-12 * (1.0 + x.abs().max(y.abs()))
    }

    #[test]
    fn fast_kernels_agree_with_plain_powers() {
        let cases = [
            Exponents::SQUARE,
            Exponents::LINEAR,
            Exponents::LOGARITHMIC,
            Exponents::complementary(0.7),
            Exponents { e1: 0.4, e2: 1.3, e3: 1.7, e4: 0.2 },
        ];
        for x in cases {
            let (blue, red) = (37.0, 81.5);
            let (blue_term, red_term) = Kernel::new(x).fire(blue, red);
            assert!(close(blue_term, red.powf(x.e1) * blue.powf(x.e2)), "{x:?}");
            assert!(close(red_term, blue.powf(x.e3) * red.powf(x.e4)), "{x:?}");
        }
    }

    #[test]
    fn kernels_are_chosen_by_exponents() {
        assert!(matches!(Kernel::new(Exponents::SQUARE), Kernel::Square));
        assert!(matches!(Kernel::new(Exponents::complementary(0.5)), Kernel::Ratio(_)));
        assert!(matches!(Kernel::new(Exponents { e1: 2.0, ..Exponents::SQUARE }), Kernel::General(_)));
    }

    #[test]
    fn a_side_at_zero_inflicts_nothing() {
        for kernel in [Kernel::Square, Kernel::Logarithmic, Kernel::Ratio(0.5)] {
            let (blue_term, red_term) = kernel.fire(0.0, 10.0);
            assert!(close(red_term, 0.0), "{kernel:?}");
            assert!(blue_term.is_finite());
        }
        // Under the square law a Blue side at zero still takes fire (Engel's Iwo Jima starts so).
        assert!(close(Kernel::Square.fire(0.0, 10.0).0, 10.0));
    }

    #[test]
    fn names_round_trip() {
        for law in [Law::Square, Law::Linear, Law::Logarithmic, Law::Helmbold(Exponents::SQUARE)] {
            assert_eq!(Law::parse(law.name()), Some(law));
        }
        assert_eq!(Law::parse("Logarithmic"), Some(Law::Logarithmic));
        assert_eq!(Law::parse("cubic"), None);
    }
}
