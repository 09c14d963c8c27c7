//! ISO 3166-1 alpha-3 country codes, validated on construction.

use std::fmt;

/// A country code of exactly three ASCII upper-case letters (`DEU`, `FRA`, `USA`).
///
/// Only the shape is checked here; whether the code names a country of the dataset is the
/// dataset's business.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Iso3([u8; 3]);

impl Iso3 {
    /// Parses a code, accepting only three upper-case ASCII letters.
    pub fn parse(text: &str) -> Option<Iso3> {
        let bytes = text.as_bytes();
        if bytes.len() == 3 && bytes.iter().all(u8::is_ascii_uppercase) {
            Some(Iso3([bytes[0], bytes[1], bytes[2]]))
        } else {
            None
        }
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // The constructor admits only ASCII letters, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Iso3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Iso3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_three_upper_case_letters() {
        assert_eq!(Iso3::parse("DEU").map(|c| c.to_string()), Some("DEU".to_string()));
        for bad in ["deu", "DE", "DEUT", "D3U", "", "ÄBC"] {
            assert!(Iso3::parse(bad).is_none(), "{bad:?} should be rejected");
        }
    }
}
