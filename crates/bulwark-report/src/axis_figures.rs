//! An axis's figures (label, value) in the report's language.
//!
//! The assessment states each axis's figures as English pairs (`bulwark-assess`, `AxisResult::figures`),
//! which the JSON carries as they are. For another language the label is matched against the
//! patterns below, English text with every number replaced by `{n}` (and a leading ISO 3166 code
//! by `{s}`); the catalogue's `fig-*` message then writes it with those numbers as `$n1`, `$n2`, …
//! and the code as `$s`. In the value, the words of [`VALUE_WORDS`] are replaced by their
//! translation. A label no pattern matches stays as the assessment wrote it, so a new figure
//! shows up in English rather than not at all; the CLI test `japanese_reports_have_no_english_sentence`
//! fails when that happens on the baseline (each `fig-*` message of the English catalogue is the
//! label itself).

use crate::i18n::{Arg, Lang, Messages};

/// (label pattern, message id).
const LABELS: &[(&str, &str)] = &[
    ("lines without data", "fig-lines-without-data"),
    ("IAMD central case: long-range interceptors run out (with US / without)", "fig-iamd-central-runs-out"),
    (
        "IAMD ensemble of {n} runs: share of all threats leaking, Europe alone / with US (mean, p{n}–p{n})",
        "fig-iamd-ensemble-leak",
    ),
    (
        "IAMD ensemble: long-range interceptors run out, Europe alone / with US (mean, p{n}–p{n})",
        "fig-iamd-ensemble-runs-out",
    ),
    ("IAMD: drones leaking a day (with US / without)", "fig-iamd-drones"),
    ("IAMD: missiles leaking a day over {n} days (with US / without)", "fig-iamd-missiles"),
    ("IAMD: share of all threats leaking (with US / without)", "fig-iamd-share"),
    ("{s} umbrella (scenario)", "fig-umbrella"),
    ("Russian survivable warheads", "fig-russian-survivable"),
    ("US nuclear posture kept", "fig-us-posture-kept"),
    ("credibility without the US", "fig-credibility-without"),
    ("credibility, US as today", "fig-credibility-today"),
    ("credibility, scenario's US posture", "fig-credibility-scenario"),
    ("non-strategic balance without the US", "fig-nsnw-without"),
    ("non-strategic balance, scenario", "fig-nsnw-scenario"),
    ("cost to close over the horizon, EUR bn", "fig-cost-to-close"),
    ("cumulative budget headroom, EUR bn", "fig-headroom"),
    ("extra spending a year at today's GDP, EUR bn", "fig-extra-spending"),
    ("last critical gap closes", "fig-last-critical"),
    (
        "Coalition of the willing (first states with the required share of forces): median time, P(paralysis) without the US",
        "fig-rule-coalition",
    ),
    (
        "EU Council, qualified majority ({n} % of states and {n} % of population): median time, P(paralysis) without the US",
        "fig-rule-qmv",
    ),
    (
        "EU foreign policy (Council, art. {n} TEU) (unanimity): median time, P(paralysis) without the US",
        "fig-rule-cfsp",
    ),
    ("North Atlantic Council (unanimity): median time, P(paralysis) without the US", "fig-rule-nac"),
    ("P(decide within {n} h), Europeans alone ({n} runs)", "fig-decide-alone"),
    ("P(decide within {n} h), US leading", "fig-decide-us-leading"),
    ("P(decide within {n} h), scenario's US posture", "fig-decide-scenario"),
    ("air score, Europe alone", "fig-score-air"),
    ("land score, Europe alone", "fig-score-land"),
    ("maritime score, Europe alone", "fig-score-maritime"),
    ("strike score, Europe alone", "fig-score-strike"),
    ("space score, Europe alone", "fig-score-space"),
];

/// Words of figure values, by message id: the English catalogue's text is replaced by the
/// report language's, longest first so that a phrase wins over a word inside it.
const VALUE_WORDS: &[&str] = &[
    "figval-unbounded",
    "figval-non-strategic",
    "figval-interval",
    "figval-ratio",
    "figval-russia",
    "figval-europe",
    "figval-vs",
    "factor-political-continuity",
    "factor-forward-presence",
    "factor-commitment",
    "factor-capability",
    "factor-resolve",
];

/// The figure in the report's language.
pub(crate) fn figure(label: &str, value: &str, m: &Messages) -> (String, String) {
    if m.lang() == Lang::En {
        return (label.to_string(), value.to_string());
    }
    (translate_label(label, m).unwrap_or_else(|| label.to_string()), translate_value(value, m))
}

/// The label through its pattern's message, `None` when no pattern matches.
fn translate_label(label: &str, m: &Messages) -> Option<String> {
    let (pattern, numbers, state) = normalise(label);
    let (_, id) = LABELS.iter().find(|(p, _)| *p == pattern)?;
    let names: Vec<String> = (1..=numbers.len()).map(|i| format!("n{i}")).collect();
    let mut args: Vec<(&str, Arg<'_>)> =
        names.iter().zip(&numbers).map(|(name, n)| (name.as_str(), Arg::from(n.as_str()))).collect();
    if let Some(state) = &state {
        args.push(("s", Arg::from(state.as_str())));
    }
    Some(m.f(id, &args))
}

/// The label with numbers as `{n}` and a leading three-letter country code as `{s}`.
fn normalise(label: &str) -> (String, Vec<String>, Option<String>) {
    let (state, rest) = match label.split_once(' ') {
        Some((first, rest)) if first.len() == 3 && first.chars().all(|c| c.is_ascii_uppercase()) => {
            (Some(first.to_string()), format!("{{s}} {rest}"))
        }
        _ => (None, label.to_string()),
    };
    let mut pattern = String::new();
    let mut numbers = Vec::new();
    let mut chars = rest.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch.is_ascii_digit() {
            let mut number = ch.to_string();
            while let Some(next) = chars.peek().copied().filter(|c| c.is_ascii_digit() || *c == '.') {
                number.push(next);
                chars.next();
            }
            pattern.push_str("{n}");
            numbers.push(number);
        } else {
            pattern.push(ch);
        }
    }
    (pattern, numbers, state)
}

/// The value with its words translated, `day 20` as `20日目`, and Japanese percentages.
fn translate_value(value: &str, m: &Messages) -> String {
    let en = Messages::new(Lang::En);
    let mut text = value.to_string();
    for id in VALUE_WORDS {
        text = text.replace(&en.t(id), &m.t(id));
    }
    // "day 20" → "20日目", "lasts 30 days" → "30日間持続", "277 h" → "277時間".
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut idx = 0;
    while idx < words.len() {
        let word = words[idx];
        let next = words.get(idx + 1).copied();
        let number = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
        match (word, next) {
            ("day", Some(n)) if number(n) => {
                out.push(m.f("figval-day", &[("n", n.into())]));
                idx += 2;
            }
            ("lasts", Some(n)) if number(n) && words.get(idx + 2) == Some(&"days") => {
                out.push(m.f("figval-lasts", &[("n", n.into())]));
                idx += 3;
            }
            (n, Some(h)) if number(n) && (h == "h" || h == "h,") => {
                out.push(format!(
                    "{}{}",
                    m.f("figval-hours", &[("n", n.into())]),
                    if h == "h," { "," } else { "" }
                ));
                idx += 2;
            }
            _ => {
                out.push(word.to_string());
                idx += 1;
            }
        }
    }
    let joined = out.join(" ");
    match m.lang() {
        Lang::Ja => joined.replace(" %", "%"),
        Lang::En => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_values_in_japanese() {
        let m = Messages::new(Lang::Ja);
        let (label, value) = figure(
            "IAMD ensemble: long-range interceptors run out, Europe alone / with US (mean, p5–p95)",
            "day 20 (8–31) / day 23 (12–31)",
            &m,
        );
        assert!(label.contains("迎撃") && label.contains("p5–p95"), "{label}");
        assert_eq!(value, "20日目 (8–31) / 23日目 (12–31)");
        let (label, value) = figure("GBR umbrella (scenario)", "0.002 = commitment 0.70 × resolve 0.13", &m);
        assert!(label.starts_with("GBR") && label.contains("核の傘"), "{label}");
        assert_eq!(value, "0.002 = コミットメント 0.70 × 決意 0.13");
        let (label, value) = figure(
            "P(decide within 72 h), Europeans alone (4000 runs)",
            "0.028 (90 % interval 0.024–0.032)",
            &m,
        );
        assert!(label.contains("72") && label.contains("4000"), "{label}");
        assert!(value.contains("90%") && !value.contains("interval"), "{value}");
        assert_eq!(figure("277 h", "277 h, 0.44", &m).1, "277時間, 0.44");
    }

    #[test]
    fn english_is_untouched_and_unknown_labels_stay() {
        let en = Messages::new(Lang::En);
        assert_eq!(figure("lines without data", "a, b", &en), ("lines without data".into(), "a, b".into()));
        let ja = Messages::new(Lang::Ja);
        assert_eq!(figure("something new", "1", &ja).0, "something new");
    }

    /// Every figure of the embedded scenarios' axes has a Japanese label.
    #[test]
    fn every_pattern_has_its_message_with_the_right_arguments() {
        let m = Messages::new(Lang::Ja);
        for (pattern, id) in LABELS {
            assert!(m.has(id), "{id}");
            let (normalised, numbers, state) = normalise(pattern);
            assert_eq!(&normalised, pattern, "a pattern is already normal");
            assert!(numbers.is_empty() && state.is_none());
        }
    }
}
