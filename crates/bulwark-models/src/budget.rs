//! Budget projection (docs/design.md §4.3): defence spending per country and year along a spending
//! path, the headroom it opens over the base year, burden sharing, and what EU instruments add.
//!
//! # Model card
//!
//! All money is in billions of euros at constant base-year prices. For country i and year t:
//!
//! - `GDP_i(t) = GDP_i(t0) × (1 + g_i)^(t − t0)` with real growth `g_i` (the scenario's common
//!   rate unless it sets one for the country);
//! - the share of GDP follows the path linearly from the base share `s_i(t0)` to the target
//!   `s*_i` in the target year `T_i`, then stays there; a country already above its target keeps
//!   its share (the path never cuts spending): `s_i(t) = max(s_i(t0), s_i(t0) + (s*_i − s_i(t0))
//!   × min(1, (t − t0) / (T_i − t0)))`;
//! - `spend_i(t) = s_i(t) × GDP_i(t)`;
//! - defence-related spending (the Hague commitment's 1.5 %: infrastructure, resilience,
//!   industrial base) follows its own path from zero, since no base figure is published per
//!   country: `related(t) = Σ_i r × min(1, (t − t0) / (T_i − t0)) × GDP_i(t)`. It is reported
//!   beside core spending and never counted in the headroom, as it does not buy capabilities;
//! - defence-specific inflation `π` above the GDP deflator erodes what spending buys:
//!   `buying_power(t) = Σ_i spend_i(t) / (1 + π)^(t − t0)`;
//! - headroom over the base year: `H(t) = buying_power(t) − Σ_i spend_i(t0) + instruments(t)`,
//!   where `instruments(t)` are EU money for defence in their years beyond national paths (SAFE
//!   loans; the part of the Readiness 2030 fiscal space spent ahead of the path), each scaled by
//!   the assessment to the coalition's share of EU GDP.
//!
//! A commitment binds those who made it: NATO allies follow the Hague path (or a path the
//! scenario sets for them) and carry the related-spending target; a country outside NATO keeps
//! its base-year share unless the scenario sets it a path ([`SpendingPath`]), and never carries
//! the related target.
//!
//! Burden sharing compares each country's share of coalition spending with its share of
//! coalition GDP, in the base year and the final year. The static increase `Σ_i GDP_i(t0) ×
//! max(0, s*_i − s_i(t0))` answers "how much more a year at today's GDP", the form in which
//! Kiel/Bruegel (2025) state their EUR 250 bn.
//!
//! | parameter | unit | default (baseline scenario) | range |
//! |---|---|---|---|
//! | `real_gdp_growth` | % a year | 1.2 (per country: `[budget.countries.X] real_gdp_growth_pct`) | −50–100 |
//! | `defence_inflation_excess` | % a year | triangular(0, 1, 3) | −50–100 |
//! | `target_core_pct` | % of GDP | 3.5 (Hague 2025) | 0–100 |
//! | `target_year` | year | 2035 | after the base year |
//! | `target_related_pct` | % of GDP | 1.5 (Hague 2025) | 0–100 |
//!
//! References: NATO, The Hague Summit Declaration (June 2025): 3.5 % core plus 1.5 % related
//! spending by 2035; Kiel Institute / Bruegel (2025).

/// One country's starting point and target.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryBudget {
    /// Country code.
    pub iso3: String,
    /// GDP in the base year, EUR bn.
    pub gdp_eur_bn: f64,
    /// Defence spending as % of GDP in the base year.
    pub share_pct: f64,
    /// Target share, % of GDP.
    pub target_pct: f64,
    /// Year the target is reached.
    pub target_year: u16,
    /// Real GDP growth, fraction a year.
    pub real_gdp_growth: f64,
    /// Which path the country follows, and so whether the related-spending target applies.
    pub path: SpendingPath,
}

/// Which spending path a country follows: a commitment binds only those who made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpendingPath {
    /// A NATO ally on the common Hague path (core target plus related spending).
    Hague,
    /// A NATO ally on a path the scenario sets for it (related spending still applies).
    OwnAlly,
    /// A country outside NATO on a path the scenario sets for it.
    OwnNonAlly,
    /// A country outside NATO that the scenario gives no path: it keeps its base-year share.
    Current,
}

impl SpendingPath {
    /// Whether the Hague related-spending target applies (NATO allies only).
    pub fn bound_by_hague(self) -> bool {
        matches!(self, SpendingPath::Hague | SpendingPath::OwnAlly)
    }
}

/// EUR bn an instrument adds to the headroom in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentYear {
    /// The instrument (`SAFE loans`).
    pub name: String,
    /// The year.
    pub year: u16,
    /// EUR bn.
    pub eur_bn: f64,
}

/// Everything the budget projection needs.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetInputs {
    /// Base year t0 (prices and GDP).
    pub base_year: u16,
    /// Last projected year.
    pub end_year: u16,
    /// Defence-related spending target r, % of GDP, reached with each country's core target.
    pub related_target_pct: f64,
    /// Defence inflation above the GDP deflator, fraction a year.
    pub defence_inflation_excess: f64,
    /// Countries of the coalition that have GDP and spending figures.
    pub countries: Vec<CountryBudget>,
    /// EU instruments by year.
    pub instruments: Vec<InstrumentYear>,
}

/// One country's projected spending.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryPath {
    /// Country code.
    pub iso3: String,
    /// Share of GDP per year, %.
    pub share_pct: Vec<f64>,
    /// Spending per year, EUR bn at base-year prices.
    pub spend_eur_bn: Vec<f64>,
    /// The path it follows.
    pub path: SpendingPath,
}

/// A country's share of coalition spending against its share of coalition GDP.
#[derive(Clone, Debug, PartialEq)]
pub struct BurdenShare {
    /// Country code.
    pub iso3: String,
    /// Share of coalition GDP, fraction.
    pub gdp_share: f64,
    /// Share of coalition spending in the base year, fraction.
    pub spending_share_base: f64,
    /// Share of coalition spending in the final year, fraction.
    pub spending_share_end: f64,
}

/// The projection.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetOutcome {
    /// Years t0 … end.
    pub years: Vec<u16>,
    /// Per country.
    pub countries: Vec<CountryPath>,
    /// Total spending per year, EUR bn.
    pub total_spend_eur_bn: Vec<f64>,
    /// Defence-related spending per year on its path from zero, EUR bn; not in the headroom.
    pub related_spend_eur_bn: Vec<f64>,
    /// What the total buys after defence inflation, EUR bn of base-year buying power.
    pub buying_power_eur_bn: Vec<f64>,
    /// EU instruments per year, EUR bn.
    pub instruments_eur_bn: Vec<f64>,
    /// Each instrument's total over the projected years after the base year (what the headroom
    /// counts), EUR bn, in input order.
    pub instrument_totals_eur_bn: Vec<(String, f64)>,
    /// Headroom over the base year per year, EUR bn (0 in the base year).
    pub headroom_eur_bn: Vec<f64>,
    /// Burden sharing.
    pub burden: Vec<BurdenShare>,
    /// `Σ GDP_i(t0) × max(0, s*_i − s_i(t0))`, EUR bn a year.
    pub static_increase_eur_bn: f64,
}

impl BudgetOutcome {
    /// Headroom summed over all projected years, EUR bn.
    pub fn cumulative_headroom_eur_bn(&self) -> f64 {
        self.headroom_eur_bn.iter().sum()
    }
}

/// Projects spending year by year.
pub fn project(inputs: &BudgetInputs) -> BudgetOutcome {
    let years: Vec<u16> = (inputs.base_year..=inputs.end_year.max(inputs.base_year)).collect();
    let countries: Vec<CountryPath> =
        inputs.countries.iter().map(|c| country_path(c, inputs, &years)).collect();
    let total_spend_eur_bn: Vec<f64> =
        (0..years.len()).map(|idx| countries.iter().map(|c| c.spend_eur_bn[idx]).sum()).collect();
    let related_spend_eur_bn: Vec<f64> = years
        .iter()
        .map(|year| {
            inputs
                .countries
                .iter()
                .filter(|c| c.path.bound_by_hague())
                .map(|c| {
                    gdp_in(c, inputs.base_year, *year) * inputs.related_target_pct / 100.0
                        * progress(c, inputs.base_year, *year)
                })
                .sum()
        })
        .collect();
    let buying_power_eur_bn: Vec<f64> = years
        .iter()
        .zip(&total_spend_eur_bn)
        .map(|(year, spend)| {
            spend / (1.0 + inputs.defence_inflation_excess).powi(i32::from(year - inputs.base_year))
        })
        .collect();
    let instruments_eur_bn: Vec<f64> = years
        .iter()
        // The base year's share of an instrument is already in its spending (see the totals below).
        .map(|year| {
            inputs
                .instruments
                .iter()
                .filter(|i| i.year == *year && i.year > inputs.base_year)
                .map(|i| i.eur_bn)
                .sum()
        })
        .collect();
    let mut instrument_totals_eur_bn: Vec<(String, f64)> = Vec::new();
    for instrument in &inputs.instruments {
        let counted = if instrument.year > inputs.base_year && instrument.year <= inputs.end_year {
            instrument.eur_bn
        } else {
            0.0
        };
        match instrument_totals_eur_bn.iter_mut().find(|(name, _)| *name == instrument.name) {
            Some((_, total)) => *total += counted,
            None => instrument_totals_eur_bn.push((instrument.name.clone(), counted)),
        }
    }
    let base_spend = total_spend_eur_bn.first().copied().unwrap_or(0.0);
    let headroom_eur_bn = buying_power_eur_bn
        .iter()
        .zip(&instruments_eur_bn)
        .enumerate()
        .map(|(idx, (power, instruments))| if idx == 0 { 0.0 } else { power - base_spend + instruments })
        .collect();
    let burden = burden_sharing(inputs, &countries);
    let static_increase_eur_bn =
        inputs.countries.iter().map(|c| c.gdp_eur_bn * (c.target_pct - c.share_pct).max(0.0) / 100.0).sum();
    BudgetOutcome {
        years,
        countries,
        total_spend_eur_bn,
        related_spend_eur_bn,
        buying_power_eur_bn,
        instruments_eur_bn,
        instrument_totals_eur_bn,
        headroom_eur_bn,
        burden,
        static_increase_eur_bn,
    }
}

/// The share of GDP in `year` on the path from the base share to the target.
pub fn share_on_path(country: &CountryBudget, base_year: u16, year: u16) -> f64 {
    let on_path =
        country.share_pct + (country.target_pct - country.share_pct) * progress(country, base_year, year);
    on_path.max(country.share_pct)
}

/// How far along its path to the target year a country is in `year`, 0 to 1.
fn progress(country: &CountryBudget, base_year: u16, year: u16) -> f64 {
    let span = f64::from(country.target_year.saturating_sub(base_year).max(1));
    (f64::from(year.saturating_sub(base_year)) / span).min(1.0)
}

/// A country's GDP in `year`, EUR bn at base-year prices.
fn gdp_in(country: &CountryBudget, base_year: u16, year: u16) -> f64 {
    country.gdp_eur_bn * (1.0 + country.real_gdp_growth).powi(i32::from(year.saturating_sub(base_year)))
}

fn country_path(country: &CountryBudget, inputs: &BudgetInputs, years: &[u16]) -> CountryPath {
    let share_pct: Vec<f64> =
        years.iter().map(|year| share_on_path(country, inputs.base_year, *year)).collect();
    let spend_eur_bn = years
        .iter()
        .zip(&share_pct)
        .map(|(year, share)| gdp_in(country, inputs.base_year, *year) * share / 100.0)
        .collect();
    CountryPath { iso3: country.iso3.clone(), share_pct, spend_eur_bn, path: country.path }
}

fn burden_sharing(inputs: &BudgetInputs, paths: &[CountryPath]) -> Vec<BurdenShare> {
    let total_gdp: f64 = inputs.countries.iter().map(|c| c.gdp_eur_bn).sum();
    let total_at =
        |idx: usize| -> f64 { paths.iter().map(|p| p.spend_eur_bn.get(idx).copied().unwrap_or(0.0)).sum() };
    let last = paths.first().map_or(0, |p| p.spend_eur_bn.len().saturating_sub(1));
    let (total_base, total_end) = (total_at(0), total_at(last));
    let fraction = |part: f64, whole: f64| if whole > 0.0 { part / whole } else { 0.0 };
    inputs
        .countries
        .iter()
        .zip(paths)
        .map(|(country, path)| BurdenShare {
            iso3: country.iso3.clone(),
            gdp_share: fraction(country.gdp_eur_bn, total_gdp),
            spending_share_base: fraction(path.spend_eur_bn[0], total_base),
            spending_share_end: fraction(path.spend_eur_bn[last], total_end),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn country(iso3: &str, gdp: f64, share: f64) -> CountryBudget {
        CountryBudget {
            iso3: iso3.into(),
            gdp_eur_bn: gdp,
            share_pct: share,
            target_pct: 3.5,
            target_year: 2035,
            real_gdp_growth: 0.0,
            path: SpendingPath::Hague,
        }
    }

    fn inputs(countries: Vec<CountryBudget>) -> BudgetInputs {
        BudgetInputs {
            base_year: 2025,
            end_year: 2035,
            related_target_pct: 0.0,
            defence_inflation_excess: 0.0,
            countries,
            instruments: vec![],
        }
    }

    #[test]
    fn linear_path_reaches_the_target_and_never_cuts() {
        let c = country("AAA", 1000.0, 1.5);
        assert!((share_on_path(&c, 2025, 2030) - 2.5).abs() < 1e-12);
        assert!((share_on_path(&c, 2025, 2040) - 3.5).abs() < 1e-12);
        let above = country("BBB", 100.0, 4.5);
        assert!((share_on_path(&above, 2025, 2030) - 4.5).abs() < 1e-12);
    }

    #[test]
    fn hand_computed_two_country_projection() {
        // A: GDP 1000 at 2 % → 3.5 %; B: GDP 500 at 4 % (stays). No growth, no inflation.
        let out = project(&inputs(vec![country("A", 1000.0, 2.0), country("B", 500.0, 4.0)]));
        assert_eq!(out.years.len(), 11);
        assert!((out.total_spend_eur_bn[0] - 40.0).abs() < 1e-9);
        assert!((out.total_spend_eur_bn[10] - 55.0).abs() < 1e-9);
        assert!((out.headroom_eur_bn[10] - 15.0).abs() < 1e-9);
        assert!((out.static_increase_eur_bn - 15.0).abs() < 1e-9);
        // Cumulative headroom: 1.5 bn more each year for ten years → 1.5 × (1 + … + 10).
        assert!((out.cumulative_headroom_eur_bn() - 82.5).abs() < 1e-9);
        let a = &out.burden[0];
        assert!((a.gdp_share - 2.0 / 3.0).abs() < 1e-12);
        assert!((a.spending_share_base - 0.5).abs() < 1e-12);
    }

    #[test]
    fn related_spending_rises_from_zero_and_stays_out_of_the_headroom() {
        let core_only = project(&inputs(vec![country("A", 1000.0, 2.0)]));
        let mut with_related = inputs(vec![country("A", 1000.0, 2.0)]);
        with_related.related_target_pct = 1.5;
        let out = project(&with_related);
        assert!(out.related_spend_eur_bn[0].abs() < 1e-12);
        assert!((out.related_spend_eur_bn[5] - 7.5).abs() < 1e-9, "halfway: 0.75 % of 1000");
        assert!((out.related_spend_eur_bn[10] - 15.0).abs() < 1e-9);
        assert_eq!(out.headroom_eur_bn, core_only.headroom_eur_bn);
    }

    #[test]
    fn related_spending_binds_only_allies() {
        let ally = country("A", 1000.0, 2.0);
        let outsider =
            CountryBudget { path: SpendingPath::Current, target_pct: 2.0, ..country("B", 1000.0, 2.0) };
        let mut both = inputs(vec![ally.clone(), outsider]);
        both.related_target_pct = 1.5;
        let mut ally_only = inputs(vec![ally]);
        ally_only.related_target_pct = 1.5;
        let (both, ally_only) = (project(&both), project(&ally_only));
        let last = both.years.len() - 1;
        assert!((both.related_spend_eur_bn[last] - ally_only.related_spend_eur_bn[last]).abs() < 1e-9);
        assert!((both.countries[1].share_pct[last] - 2.0).abs() < 1e-12, "keeps its own share");
    }

    #[test]
    fn each_country_grows_at_its_own_rate() {
        let fast = CountryBudget { real_gdp_growth: 0.10, ..country("A", 100.0, 3.5) };
        let out = project(&inputs(vec![fast, country("B", 100.0, 3.5)]));
        // A: 3.5 × 1.1 in the first year; B: 3.5 flat.
        assert!((out.countries[0].spend_eur_bn[1] - 3.85).abs() < 1e-9);
        assert!((out.countries[1].spend_eur_bn[1] - 3.5).abs() < 1e-9);
    }

    #[test]
    fn inflation_erodes_and_instruments_add() {
        let mut base = inputs(vec![country("A", 1000.0, 3.5)]);
        base.defence_inflation_excess = 0.02;
        base.instruments = vec![
            InstrumentYear { name: "SAFE".into(), year: 2025, eur_bn: 7.0 },
            InstrumentYear { name: "SAFE".into(), year: 2026, eur_bn: 10.0 },
        ];
        let out = project(&base);
        assert_eq!(
            out.instrument_totals_eur_bn,
            vec![("SAFE".to_string(), 10.0)],
            "the base year is not headroom"
        );
        // The yearly series agrees with the totals: nothing shown in the base year.
        assert!(out.instruments_eur_bn[0].abs() < 1e-12, "{:?}", out.instruments_eur_bn);
        assert!((out.instruments_eur_bn.iter().sum::<f64>() - 10.0).abs() < 1e-12);
        let expected = 35.0 / 1.02 - 35.0 + 10.0;
        assert!((out.headroom_eur_bn[1] - expected).abs() < 1e-9);
        assert!(out.headroom_eur_bn[2] < 0.0, "flat spending loses buying power");
    }

    proptest! {
        /// Raising a target never lowers any year's spending.
        #[test]
        fn higher_targets_never_spend_less(share in 0.5..5.0f64, low in 1.0..5.0f64, extra in 0.0..3.0f64, growth in -0.02..0.04f64) {
            let a = inputs(vec![CountryBudget { target_pct: low, real_gdp_growth: growth, ..country("A", 800.0, share) }]);
            let mut b = a.clone();
            b.countries[0].target_pct = low + extra;
            let (pa, pb) = (project(&a), project(&b));
            for (x, y) in pa.total_spend_eur_bn.iter().zip(&pb.total_spend_eur_bn) {
                prop_assert!(y + 1e-9 >= *x);
            }
        }
    }
}
