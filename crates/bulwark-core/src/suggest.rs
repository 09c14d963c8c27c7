//! Near-miss suggestions ("did you mean `tankers`?") for unknown names in user input.

/// The candidate closest to `name`, if it is close enough to be a plausible typo.
///
/// A candidate is close when its Jaro–Winkler similarity on lower-cased text is at least 0.8
/// (`tanker` → `tankers`) or when one edit, a swap of neighbours included, turns one into the
/// other (`DUE` → `DEU`: short codes score low on Jaro–Winkler). The most similar wins; ties go
/// to the first candidate, so the answer does not depend on hash order.
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = name.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let lowered = candidate.to_lowercase();
        let score = strsim::jaro_winkler(&wanted, &lowered);
        let one_edit = strsim::damerau_levenshtein(&wanted, &lowered) <= 1;
        if (score >= 0.8 || one_edit) && best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_ignores_strangers() {
        let fields = ["tankers", "airlift", "conventional"];
        assert_eq!(did_you_mean("tanker", fields), Some("tankers".into()));
        assert_eq!(did_you_mean("Conventionel", fields), Some("conventional".into()));
        assert_eq!(did_you_mean("zzz", fields), None);
        assert_eq!(did_you_mean("DUE", ["DEU", "DNK"]), Some("DEU".into()));
    }
}
