//! The reports' languages: a Fluent message catalogue (English and Japanese) and the locale's
//! way of writing numbers, percentages, money and dates.
//!
//! Every fixed string of the assessment reports comes from `locales/<lang>/*.ftl`, compiled into
//! the binary with `include_str!`. A [`Messages`] handle is built once by the caller and passed
//! down through the rendering functions: there is no global state, so two threads may render two
//! languages at once and the same inputs always give the same bytes.
//!
//! Fluent wraps every placeable in Unicode bidi isolation marks (U+2068, U+2069) by default; they
//! are switched off, because our output is left-to-right only and the marks would show up in
//! terminals, Markdown tables and grep.
//!
//! Japanese conventions (chosen once, tested below):
//! - numbers group thousands with "," as in English (`1,234,567`);
//! - a percentage has no space before the sign (`45%`; English writes `45 %`);
//! - money in euro billions is written in 億 (10^8) and 兆 (10^12): EUR 247 bn is `2,470億ユーロ`,
//!   EUR 5,742 bn is `5兆7,420億ユーロ`, EUR 0.4 bn is `4億ユーロ` (rounded to whole 億);
//! - dates are `2026年12月7日`.
//!
//! A missing message is written as its id in brackets (`[missing-id]`), never a panic; the tests
//! below fail when a message exists in one language and not the other, when its variables differ,
//! or when the source uses an id the catalogue lacks.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use bulwark_core::Bound;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::format_number;

/// The catalogue files of each language, in the order they are added to the bundle.
const EN_FTL: &[(&str, &str)] = &[
    ("en/report.ftl", include_str!("../locales/en/report.ftl")),
    ("en/assessment.ftl", include_str!("../locales/en/assessment.ftl")),
    ("en/lines.ftl", include_str!("../locales/en/lines.ftl")),
    ("en/html.ftl", include_str!("../locales/en/html.ftl")),
    ("en/axes.ftl", include_str!("../locales/en/axes.ftl")),
    ("en/summary.ftl", include_str!("../locales/en/summary.ftl")),
    ("en/charts.ftl", include_str!("../locales/en/charts.ftl")),
    ("en/compare.ftl", include_str!("../locales/en/compare.ftl")),
    ("en/explore.ftl", include_str!("../locales/en/explore.ftl")),
];
const JA_FTL: &[(&str, &str)] = &[
    ("ja/report.ftl", include_str!("../locales/ja/report.ftl")),
    ("ja/assessment.ftl", include_str!("../locales/ja/assessment.ftl")),
    ("ja/lines.ftl", include_str!("../locales/ja/lines.ftl")),
    ("ja/html.ftl", include_str!("../locales/ja/html.ftl")),
    ("ja/axes.ftl", include_str!("../locales/ja/axes.ftl")),
    ("ja/summary.ftl", include_str!("../locales/ja/summary.ftl")),
    ("ja/charts.ftl", include_str!("../locales/ja/charts.ftl")),
    ("ja/compare.ftl", include_str!("../locales/ja/compare.ftl")),
    ("ja/explore.ftl", include_str!("../locales/ja/explore.ftl")),
];

/// A report language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, in the order `--lang` lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 code (`en`, `ja`), as in `<html lang>` and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// A percentage already in percent: `45 %` in English, `45%` in Japanese (no catalogue
    /// needed, for chart tick formatters that are plain functions).
    pub fn pct(self, percent: f64, decimals: usize) -> String {
        let number = format_number(percent, decimals);
        match self {
            Lang::En => format!("{number} %"),
            Lang::Ja => format!("{number}%"),
        }
    }

    fn files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN_FTL,
            Lang::Ja => JA_FTL,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is not one of [`Lang::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected en or ja)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::ALL.into_iter().find(|l| l.code() == s).ok_or_else(|| UnknownLang(s.to_string()))
    }
}

/// A message argument: text, or a number the catalogue may select on (plurals).
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    /// Text inserted as is (numbers already formatted for the locale go here).
    Text(Cow<'a, str>),
    /// A count, for Fluent's plural selectors; written without grouping.
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Arg<'static> {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<&String> for Arg<'_> {
    fn from(text: &String) -> Arg<'static> {
        Arg::Text(Cow::Owned(text.clone()))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Arg<'static> {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u16> for Arg<'_> {
    fn from(n: u16) -> Arg<'static> {
        Arg::Count(i64::from(n))
    }
}

/// The catalogue of one language and its number formats. Cheap to pass by reference; build it
/// once per report.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages").field("lang", &self.lang).finish_non_exhaustive()
    }
}

/// Sorted years as their runs of consecutive years, `(first, last)` each.
pub(crate) fn consecutive_runs(years: &[u16]) -> Vec<(u16, u16)> {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    for year in years {
        match runs.last_mut() {
            Some((_, last)) if u32::from(*last) + 1 == u32::from(*year) => *last = *year,
            _ => runs.push((*year, *year)),
        }
    }
    runs
}

impl Messages {
    /// The catalogue of `lang`.
    pub fn new(lang: Lang) -> Messages {
        let langid: unic_langid::LanguageIdentifier =
            lang.code().parse().unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        bundle.set_use_isolating(false);
        for (_, text) in lang.files() {
            // A syntax error keeps the rest of the file (Fluent recovers per entry); the
            // `catalogue_parses_without_errors` test makes sure there is none.
            let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(res, _)| res);
            // A duplicate id keeps the first definition; `no_duplicate_ids` tests there is none.
            let _ = bundle.add_resource(resource);
        }
        Messages { lang, bundle }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments.
    pub fn f(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.to_string()),
                Arg::Count(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return format!("[{id}]");
        };
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, args, &mut errors).into_owned()
    }

    /// A number with `decimals` decimals at most (trailing zeros dropped), thousands grouped.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        format_number(value, decimals)
    }

    /// A percentage already in percent (`45` → `45 %` in English, `45%` in Japanese).
    pub fn pct(&self, percent: f64, decimals: usize) -> String {
        self.lang.pct(percent, decimals)
    }

    /// Sorted years as their runs of consecutive years: `2029–2030, 2046–2050` in English,
    /// `2029〜2030年、2046〜2050年` in Japanese; a window with a gap never reads as one span.
    pub fn year_runs(&self, years: &[u16]) -> String {
        let runs = consecutive_runs(years);
        let (dash, separator, suffix) = match self.lang {
            Lang::En => ("–", ", ", ""),
            Lang::Ja => ("〜", "、", "年"),
        };
        let run = |(first, last): &(u16, u16)| {
            if first == last {
                format!("{first}{suffix}")
            } else {
                format!("{first}{dash}{last}{suffix}")
            }
        };
        runs.iter().map(run).collect::<Vec<_>>().join(separator)
    }

    /// A probability of holding (0 to 1) as a percentage with one decimal (`74.7 %`): P(hold) is
    /// judged against a confidence such as 75 %, and a whole percentage would show 0.7467 as
    /// the threshold it falls short of.
    pub fn p_hold(&self, probability: f64) -> String {
        if !probability.is_finite() {
            return format_number(probability, 1);
        }
        // The decimal is kept even when it is 0 (`55.0 %`), so that a column reads alike.
        let number = format!("{:.1}", (1000.0 * probability).round() / 10.0);
        match self.lang {
            Lang::En => format!("{number} %"),
            Lang::Ja => format!("{number}%"),
        }
    }

    /// Money in euro billions: `EUR 247 bn` in English; `2,470億ユーロ`, `5兆7,420億ユーロ` in
    /// Japanese. `decimals` is the English precision; Japanese rounds to whole 億 (EUR 0.1 bn).
    pub fn eur_bn(&self, value_eur_bn: f64, decimals: usize) -> String {
        if !value_eur_bn.is_finite() {
            return format_number(value_eur_bn, 0);
        }
        match self.lang {
            Lang::En => format!("EUR {} bn", format_number(value_eur_bn, decimals)),
            Lang::Ja => japanese_oku(value_eur_bn * 10.0, "ユーロ"),
        }
    }

    /// A calendar date: `7 December 2026`, `2026年12月7日`.
    pub fn date(&self, year: u16, month: u8, day: u8) -> String {
        match self.lang {
            Lang::En => {
                let name = MONTHS.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("?");
                format!("{day} {name} {year}")
            }
            Lang::Ja => format!("{year}年{month}月{day}日"),
        }
    }

    /// A country's name from its ISO 3166 alpha-3 code: the dataset's English name, or the
    /// Japanese name of [`crate::country_names`]; an unknown code stays as it is.
    pub fn country<'a>(&self, iso3: &'a str) -> Cow<'a, str> {
        let names = crate::country_names::NAMES.iter().find(|(code, _, _)| *code == iso3);
        match (self.lang, names) {
            (Lang::En, Some((_, en, _))) => Cow::Borrowed(en),
            (Lang::Ja, Some((_, _, ja))) => Cow::Borrowed(ja),
            (_, None) => Cow::Borrowed(iso3),
        }
    }

    /// A list of countries from their ISO 3166 alpha-3 codes: the codes in English (`AUT, CYP`),
    /// the 外務省 names in Japanese (`オーストリア、キプロス`).
    pub fn countries<S: AsRef<str>>(&self, codes: &[S]) -> String {
        match self.lang {
            Lang::En => codes.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
            Lang::Ja => codes.iter().map(|code| self.country(code.as_ref())).collect::<Vec<_>>().join("、"),
        }
    }

    /// A capability line's name: `line-<id>` of the catalogue, or `fallback` (the dataset's
    /// English name) for a line the catalogue does not know.
    pub fn line_name(&self, id: &str, fallback: &str) -> String {
        self.lookup("line", id, fallback)
    }

    /// A capability domain's name (`land`, `air`, …), or the id itself when unknown.
    pub fn domain_name(&self, id: &str) -> String {
        self.lookup("domain", id, id)
    }

    /// What a line counts (`aircraft` → 機), or the word itself when unknown.
    pub fn unit(&self, counted_in: &str) -> String {
        self.lookup("unit", &counted_in.replace(' ', "-"), counted_in)
    }

    /// `<prefix>-<key>` of the catalogue, or `fallback` when the catalogue lacks it (text that
    /// comes from a dataset or scenario the catalogue cannot know in advance).
    pub fn lookup(&self, prefix: &str, key: &str, fallback: &str) -> String {
        let id = format!("{prefix}-{key}");
        if self.bundle.has_message(&id) {
            self.t(&id)
        } else {
            fallback.to_string()
        }
    }

    /// A verdict in words (`self-sufficient`, `自立可能`).
    pub fn verdict(&self, verdict: bulwark_models::ledger::Verdict) -> String {
        use bulwark_models::ledger::Verdict;
        self.t(match verdict {
            Verdict::SelfSufficient => "verdict-self-sufficient",
            Verdict::PartiallyDependent => "verdict-partially-dependent",
            Verdict::Dependent => "verdict-dependent",
        })
    }

    /// Why a line has no verdict.
    pub fn missing(&self, missing: bulwark_models::ledger::MissingData) -> String {
        use bulwark_models::ledger::MissingData;
        self.t(match missing {
            MissingData::NoInventory => "missing-no-inventory",
            MissingData::NoUsFigure => "missing-no-us-figure",
            MissingData::NoThreatFigure => "missing-no-threat-figure",
            MissingData::ThreatMayBeHigher(Bound::Claim) => "missing-threat-claim",
            MissingData::ThreatMayBeHigher(Bound::Mixed) => "missing-threat-mixed",
            MissingData::ThreatMayBeHigher(_) => "missing-threat-lower-bound",
            MissingData::EuropeMayBeLower(Bound::Claim) => "missing-europe-claim",
            MissingData::EuropeMayBeLower(Bound::Mixed) => "missing-europe-mixed",
            MissingData::EuropeMayBeLower(_) => "missing-europe-upper-bound",
        })
    }

    /// A figure with its bound: `≥ 2` for a lower bound, `≤ 200` for an upper bound,
    /// `900 (claim)` for a claim, `~ 1,370` for a figure mixing bounds; the figure alone when it
    /// is a count.
    pub fn bounded(&self, figure: String, bound: Bound) -> String {
        let id = match bound {
            Bound::Exact => return figure,
            Bound::Lower => "bound-lower",
            Bound::Upper => "bound-upper",
            Bound::Claim => "bound-claim",
            Bound::Mixed => "bound-mixed",
        };
        self.f(id, &[("value", figure.into())])
    }

    /// A span of euro billions: `EUR 798–970 bn`, `7,980億〜9,700億ユーロ`.
    pub fn eur_bn_range(&self, low_eur_bn: f64, high_eur_bn: f64, decimals: usize) -> String {
        match self.lang {
            Lang::En => {
                format!(
                    "EUR {}–{} bn",
                    format_number(low_eur_bn, decimals),
                    format_number(high_eur_bn, decimals)
                )
            }
            Lang::Ja => {
                let low = self.eur_bn(low_eur_bn, decimals);
                let low = low.strip_suffix("ユーロ").unwrap_or(&low);
                format!("{low}〜{}", self.eur_bn(high_eur_bn, decimals))
            }
        }
    }

    /// Items joined by the language's list separator, without a conjunction: `a, b, c` / `a、b、c`.
    pub fn list_sep(&self, items: &[String]) -> String {
        items.join(match self.lang {
            Lang::En => ", ",
            Lang::Ja => "、",
        })
    }

    /// Whether the catalogue has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A list of items: `a, b and c` / `a、b、c`.
    pub fn list(&self, items: &[String]) -> String {
        match (self.lang, items) {
            (_, []) => String::new(),
            (_, [one]) => one.clone(),
            (Lang::Ja, _) => items.join("、"),
            (Lang::En, [rest @ .., last]) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An amount counted in 億 (10^8) written as `N兆M億<unit>` (M grouped with ","), rounded to a
/// whole 億; zero is `0億`.
fn japanese_oku(oku: f64, unit: &str) -> String {
    let rounded = oku.round();
    let sign = if rounded < 0.0 { "-" } else { "" };
    // Rounded and finite, and a defence budget is far below 2^53 億: the conversion is exact.
    let total = rounded.abs() as u64;
    let (cho, oku) = (total / 10_000, total % 10_000);
    let oku_text = format_number(oku as f64, 0);
    match (cho, oku) {
        (0, _) => format!("{sign}{oku_text}億{unit}"),
        (_, 0) => format!("{sign}{cho}兆{unit}"),
        _ => format!("{sign}{cho}兆{oku_text}億{unit}"),
    }
}

#[cfg(test)]
mod tests;
