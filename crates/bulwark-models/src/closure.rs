//! Cost and time to close capability gaps (docs/design.md §4.2), and the funded closure schedule
//! that turns budget headroom into the year each gap closes.
//!
//! # Model card
//!
//! For a gap of `g` units on a line, unit cost `p` (EUR m at base-year prices), operating cost
//! per year as a fraction `o` of `p`, horizon `H` years:
//!
//! - procurement `g × p`; cost over the horizon `g × p × (1 + o × H)`;
//! - personnel lines: `g` people × cost per person-year × `H` (no procurement);
//! - production (for people, recruitment): European deliveries start after the lead time `τ`, at a rate
//!   `r(t) = min(cap × r0, r0 × (1 + growth)^(t − τ))` units a year; a share `m` of the gap is
//!   imported and arrives at `τ`; the production-limited time to close is the smallest `T`
//!   with `∫_τ^T r(t) dt ≥ (1 − m) g`.
//!
//! Funding: each year the budget headroom, less the operating cost of what has been delivered,
//! pays for deliveries line by line in priority order (a unit is paid for in its delivery year;
//! no line receives more than its production allows that year). A line closes in the first year
//! its funded deliveries reach the gap. The gap-closure clock (`window_closes`) is the year the last
//! critical line closes, or open at the end of the horizon; the window of vulnerability itself is
//! the Baltic campaign's years below the scenario's confidence (docs/design.md §4.9).
//!
//! | parameter | unit | default (baseline scenario) | range |
//! |---|---|---|---|
//! | `horizon_years` | years | 25 | > 0 |
//! | `operating_cost_fraction` | fraction a year | 0.078 | 0–1 |
//! | `production_growth` | % a year | 15 | ≥ 0 |
//! | `production_cap_multiple` | multiplier | 3 | ≥ 1 |
//! | `import_share` | fraction | 0.3 | 0–1 |
//!
//! A line with no price of its own may be *assembled* from others (manoeuvre brigades from
//! their tanks, fighting vehicles, guns and people): by each year it has delivered its gap times
//! the smallest share of any component's gap delivered by then, `d(t) = g × min_c d_c(t) / g_c`,
//! and it closes when that reaches the gap. It costs nothing itself: its components carry the
//! cost, so nothing is counted twice.
//!
//! Simplifications, stated so they can be argued with: payment on delivery (no progress
//! payments); imports are not rate-limited; lines compete for money but not for factories.
//!
//! References: docs/design.md §4.2; GAO on operating and support costs (about 70 % of a weapon
//! system's life-cycle cost) behind the default operating fraction.

/// Everything the model needs about one line with a gap.
#[derive(Clone, Debug, PartialEq)]
pub struct LineGap {
    /// Line id.
    pub line: String,
    /// Units (or people) to add.
    pub gap_units: f64,
    /// Unit acquisition cost, EUR m; for personnel lines, cost per person-year in EUR m.
    pub unit_cost_eur_m: Option<f64>,
    /// True when the line counts people: cost per person-year, no procurement, no production.
    pub is_personnel: bool,
    /// Years from order to first delivery.
    pub lead_time_years: f64,
    /// European production today, units a year; `None` when unknown.
    pub production_per_year: Option<f64>,
    /// Whether the line counts for the window of vulnerability.
    pub critical: bool,
}

/// Parameters shared by all lines.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosureParams {
    /// First year of the schedule (the base year; deliveries start the year after at the earliest).
    pub base_year: u16,
    /// Horizon, years.
    pub horizon_years: u16,
    /// Annual operating cost as a fraction of unit cost.
    pub operating_cost_fraction: f64,
    /// Growth of European production, fraction a year.
    pub production_growth: f64,
    /// Production ceiling as a multiple of today's rate.
    pub production_cap_multiple: f64,
    /// Share of the gap bought abroad, fraction.
    pub import_share: f64,
}

/// Why a line's cost or time is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// No unit cost in the dataset.
    NoUnitCost,
    /// No European production figure (and not everything is imported).
    NoProductionRate,
}

/// The result for one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineClosure {
    /// Line id.
    pub line: String,
    /// Units (or people) to add.
    pub gap_units: f64,
    /// `g × p`, EUR bn (0 for personnel lines).
    pub procurement_eur_bn: Option<f64>,
    /// Cost over the horizon, EUR bn.
    pub horizon_cost_eur_bn: Option<f64>,
    /// Production-limited years to close, from the base year.
    pub years_to_close: Result<f64, Unknown>,
    /// Year the funded schedule closes the gap, if within the horizon.
    pub funded_closure_year: Option<u16>,
    /// Units delivered by the end of the horizon under the funded schedule.
    pub funded_units: f64,
    /// Cumulative units delivered by the end of each year, from the base year (index 0).
    pub delivered_by_year: Vec<f64>,
    /// Whether the line counts for the window of vulnerability.
    pub critical: bool,
}

/// The result for all lines.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosureOutcome {
    /// Per line, in priority order.
    pub lines: Vec<LineClosure>,
    /// Sum of known procurement costs, EUR bn.
    pub procurement_eur_bn: f64,
    /// Sum of known costs over the horizon, EUR bn.
    pub horizon_cost_eur_bn: f64,
    /// Year the last critical line closes; `None` if one stays open (or is unknown).
    pub window_closes: Option<u16>,
    /// Unspent or overdrawn headroom per year after funding, EUR bn.
    pub unspent_eur_bn: Vec<f64>,
}

/// Costs each line, and funds the gaps from `headroom_eur_bn` (one value a year from the base
/// year) in the order of `lines`.
pub fn close_gaps(lines: &[LineGap], params: &ClosureParams, headroom_eur_bn: &[f64]) -> ClosureOutcome {
    let mut closures: Vec<LineClosure> = lines.iter().map(|line| cost_and_time(line, params)).collect();
    let unspent_eur_bn = fund(lines, params, headroom_eur_bn, &mut closures);
    let procurement_eur_bn = closures.iter().filter_map(|c| c.procurement_eur_bn).sum();
    let horizon_cost_eur_bn = closures.iter().filter_map(|c| c.horizon_cost_eur_bn).sum();
    let window_closes = window_closes(&closures, params.base_year);
    ClosureOutcome { lines: closures, procurement_eur_bn, horizon_cost_eur_bn, window_closes, unspent_eur_bn }
}

/// The year the last critical line with a gap closes; `None` while one stays open.
fn window_closes(closures: &[LineClosure], base_year: u16) -> Option<u16> {
    let critical: Vec<&LineClosure> = closures.iter().filter(|c| c.critical && c.gap_units > 0.0).collect();
    if critical.iter().all(|c| c.funded_closure_year.is_some()) {
        critical.iter().filter_map(|c| c.funded_closure_year).max().or(Some(base_year))
    } else {
        None
    }
}

/// Assembles `line` from the deliveries of `components` (see the model card). Only an unpriced
/// line with a gap is assembled, and only from components that have a gap of their own; returns
/// whether it was. The window of vulnerability is updated when the line is critical.
pub fn assemble(outcome: &mut ClosureOutcome, line: &str, components: &[&str], base_year: u16) -> bool {
    let Some(target) = outcome.lines.iter().position(|c| c.line == line) else { return false };
    if outcome.lines[target].years_to_close != Err(Unknown::NoUnitCost)
        || outcome.lines[target].gap_units <= 0.0
    {
        return false;
    }
    let parts: Vec<&LineClosure> =
        outcome.lines.iter().filter(|c| components.contains(&c.line.as_str()) && c.gap_units > 0.0).collect();
    if parts.is_empty() {
        return false;
    }
    let gap = outcome.lines[target].gap_units;
    let n_years = outcome.lines[target].delivered_by_year.len();
    let delivered: Vec<f64> = (0..n_years)
        .map(|idx| {
            let share = parts
                .iter()
                .map(|c| c.delivered_by_year.get(idx).copied().unwrap_or(0.0) / c.gap_units)
                .fold(1.0, f64::min);
            gap * share.clamp(0.0, 1.0)
        })
        .collect();
    let closes = delivered.iter().position(|units| gap - units <= 1e-6 * gap.max(1.0));
    let years_to_close = parts
        .iter()
        .map(|c| c.years_to_close)
        .try_fold(0.0f64, |longest, years| years.map(|y| longest.max(y)));
    let assembled = &mut outcome.lines[target];
    assembled.funded_units = delivered.last().copied().unwrap_or(0.0);
    assembled.funded_closure_year = closes.and_then(|idx| u16::try_from(idx).ok()).map(|idx| base_year + idx);
    assembled.delivered_by_year = delivered;
    assembled.years_to_close = years_to_close;
    assembled.procurement_eur_bn = Some(0.0);
    assembled.horizon_cost_eur_bn = Some(0.0);
    outcome.window_closes = window_closes(&outcome.lines, base_year);
    true
}

fn cost_and_time(line: &LineGap, params: &ClosureParams) -> LineClosure {
    let horizon = f64::from(params.horizon_years);
    let (procurement_eur_bn, horizon_cost_eur_bn) = match line.unit_cost_eur_m {
        Some(cost) if line.is_personnel => (Some(0.0), Some(line.gap_units * cost * horizon / 1000.0)),
        Some(cost) => {
            let procurement = line.gap_units * cost / 1000.0;
            (Some(procurement), Some(procurement * (1.0 + params.operating_cost_fraction * horizon)))
        }
        None => (None, None),
    };
    let years_to_close = if line.unit_cost_eur_m.is_none() && !line.is_personnel {
        Err(Unknown::NoUnitCost)
    } else {
        production_years(line, params)
    };
    LineClosure {
        line: line.line.clone(),
        gap_units: line.gap_units,
        procurement_eur_bn,
        horizon_cost_eur_bn,
        years_to_close,
        funded_closure_year: None,
        funded_units: 0.0,
        delivered_by_year: vec![0.0; usize::from(params.horizon_years) + 1],
        critical: line.critical,
    }
}

/// Units that can be delivered in schedule year `year_idx` (1 = the year after the base year),
/// counting European production and, once, the imports.
fn deliverable_in_year(line: &LineGap, params: &ClosureParams, year_idx: u16) -> f64 {
    let t_end = f64::from(year_idx);
    let t_start = t_end - 1.0;
    let imported = line.gap_units * import_share(line, params);
    let imports =
        if line.lead_time_years > t_start && line.lead_time_years <= t_end { imported } else { 0.0 };
    let imports = if line.lead_time_years <= 0.0 && year_idx == 1 { imported } else { imports };
    imports + produced_between(line, params, t_start, t_end)
}

/// `∫ r(t) dt` over `[from, to]` (years after the base year).
fn produced_between(line: &LineGap, params: &ClosureParams, from: f64, to: f64) -> f64 {
    let Some(rate_now) = line.production_per_year else { return 0.0 };
    let since_lead = |t: f64| (t - line.lead_time_years).max(0.0);
    cumulative_production(rate_now, params, since_lead(to))
        - cumulative_production(rate_now, params, since_lead(from))
}

/// `∫_0^s r(u) du` with `r(u) = min(cap × r0, r0 (1 + γ)^u)`: `r0 ((1+γ)^s − 1) / ln(1+γ)` until
/// the cap is reached at `s_cap = ln(cap) / ln(1+γ)`, then linear at the cap.
fn cumulative_production(rate_now: f64, params: &ClosureParams, years: f64) -> f64 {
    let cap_multiple = params.production_cap_multiple.max(1.0);
    if params.production_growth <= 0.0 || cap_multiple <= 1.0 {
        return rate_now * years;
    }
    let ln_growth = (1.0 + params.production_growth).ln();
    let s_cap = cap_multiple.ln() / ln_growth;
    if years <= s_cap {
        rate_now * ((years * ln_growth).exp() - 1.0) / ln_growth
    } else {
        rate_now * (cap_multiple - 1.0) / ln_growth + rate_now * cap_multiple * (years - s_cap)
    }
}

/// The share of the gap bought abroad: none for people, who cannot be imported.
fn import_share(line: &LineGap, params: &ClosureParams) -> f64 {
    if line.is_personnel {
        0.0
    } else {
        params.import_share
    }
}

/// Production-limited (for people, recruitment-limited) time to close, in years from the base year.
fn production_years(line: &LineGap, params: &ClosureParams) -> Result<f64, Unknown> {
    if line.gap_units <= 0.0 {
        return Ok(0.0);
    }
    let european_need = line.gap_units * (1.0 - import_share(line, params));
    if european_need <= 1e-9 {
        return Ok(line.lead_time_years);
    }
    let rate = line.production_per_year.filter(|r| *r > 0.0).ok_or(Unknown::NoProductionRate)?;
    let cap = rate * params.production_cap_multiple;
    let growth = params.production_growth;
    // Closed form of ∫_0^s r0 (1+γ)^u du = r0 ((1+γ)^s − 1) / ln(1+γ) until the cap is reached
    // at s_cap = ln(cap/r0) / ln(1+γ), then linear at the cap.
    let years_after_lead = if growth <= 0.0 || params.production_cap_multiple <= 1.0 {
        european_need / rate.min(cap.max(rate))
    } else {
        let ln_growth = (1.0 + growth).ln();
        let s_cap = params.production_cap_multiple.ln() / ln_growth;
        let until_cap = rate * (params.production_cap_multiple - 1.0) / ln_growth;
        if european_need <= until_cap {
            (1.0 + european_need * ln_growth / rate).ln() / ln_growth
        } else {
            s_cap + (european_need - until_cap) / cap
        }
    };
    Ok(line.lead_time_years + years_after_lead)
}

/// Funds deliveries year by year; returns the unspent headroom per year.
fn fund(
    lines: &[LineGap],
    params: &ClosureParams,
    headroom_eur_bn: &[f64],
    closures: &mut [LineClosure],
) -> Vec<f64> {
    let mut delivered = vec![0.0; lines.len()];
    let mut unspent = vec![0.0; headroom_eur_bn.len()];
    for year_idx in 1..=params.horizon_years {
        let Some(headroom) = headroom_eur_bn.get(usize::from(year_idx)) else { break };
        let operating: f64 = lines
            .iter()
            .zip(&delivered)
            .filter(|(line, _)| !line.is_personnel)
            .map(|(line, units)| {
                units * line.unit_cost_eur_m.unwrap_or(0.0) * params.operating_cost_fraction / 1000.0
            })
            .sum();
        let personnel: f64 = lines
            .iter()
            .zip(&delivered)
            .filter(|(line, _)| line.is_personnel)
            .map(|(line, people)| people * line.unit_cost_eur_m.unwrap_or(0.0) / 1000.0)
            .sum();
        let mut available = headroom - operating - personnel;
        for (idx, line) in lines.iter().enumerate() {
            let Some(cost_eur_m) = line.unit_cost_eur_m else { continue };
            let remaining = line.gap_units - delivered[idx];
            if remaining <= 1e-9 || available <= 0.0 {
                continue;
            }
            // For people, the production rate is the recruitment rate; a recruit costs a
            // person-year from the year they join.
            let can_deliver = deliverable_in_year(line, params, year_idx).min(remaining);
            let affordable = available / cost_eur_m * 1000.0;
            let units = can_deliver.min(affordable).max(0.0);
            delivered[idx] += units;
            available -= units * cost_eur_m / 1000.0;
            if line.gap_units - delivered[idx] <= 1e-6 && closures[idx].funded_closure_year.is_none() {
                closures[idx].funded_closure_year = Some(params.base_year + year_idx);
            }
        }
        for (closure, units) in closures.iter_mut().zip(&delivered) {
            closure.delivered_by_year[usize::from(year_idx)] = *units;
        }
        unspent[usize::from(year_idx)] = available;
    }
    for (closure, units) in closures.iter_mut().zip(delivered) {
        closure.funded_units = units;
        if closure.gap_units <= 0.0 {
            closure.funded_closure_year = Some(params.base_year);
        }
    }
    unspent
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn delivered(line: &str, gap: f64, by_year: Vec<f64>) -> LineClosure {
        LineClosure {
            line: line.into(),
            gap_units: gap,
            procurement_eur_bn: Some(1.0),
            horizon_cost_eur_bn: Some(2.0),
            years_to_close: Ok(by_year.len() as f64),
            funded_closure_year: None,
            funded_units: by_year.last().copied().unwrap_or(0.0),
            delivered_by_year: by_year,
            critical: false,
        }
    }

    #[test]
    fn an_assembled_line_follows_its_slowest_component_and_costs_nothing() {
        let mut brigades = delivered("brigades", 10.0, vec![0.0; 4]);
        brigades.years_to_close = Err(Unknown::NoUnitCost);
        brigades.procurement_eur_bn = None;
        brigades.critical = true;
        let tanks = delivered("tanks", 200.0, vec![0.0, 100.0, 200.0, 200.0]);
        let people = delivered("people", 1000.0, vec![0.0, 250.0, 750.0, 1000.0]);
        let mut outcome = ClosureOutcome {
            lines: vec![brigades, tanks, people],
            procurement_eur_bn: 2.0,
            horizon_cost_eur_bn: 4.0,
            window_closes: None,
            unspent_eur_bn: vec![],
        };
        let before = outcome.clone();
        assert!(!assemble(&mut outcome, "brigades", &["ships"], 2025), "no component with a gap");
        assert_eq!(outcome, before);
        assert!(!assemble(&mut outcome, "tanks", &["people"], 2025), "a priced line is not assembled");
        assert!(assemble(&mut outcome, "brigades", &["tanks", "people"], 2025));
        let brigades = &outcome.lines[0];
        // min(100/200, 250/1000) = 0.25 → 2.5; min(1, 0.75) → 7.5; then 10.
        assert_eq!(brigades.delivered_by_year, vec![0.0, 2.5, 7.5, 10.0]);
        assert_eq!(brigades.funded_closure_year, Some(2028));
        assert_eq!(brigades.procurement_eur_bn, Some(0.0));
        assert_eq!(outcome.window_closes, Some(2028), "a critical assembled line moves the window");
        assert!((outcome.procurement_eur_bn - 2.0).abs() < 1e-12, "totals are not touched");
    }

    fn params() -> ClosureParams {
        ClosureParams {
            base_year: 2025,
            horizon_years: 25,
            operating_cost_fraction: 0.05,
            production_growth: 0.0,
            production_cap_multiple: 1.0,
            import_share: 0.0,
        }
    }

    fn tankers(gap: f64, rate: Option<f64>) -> LineGap {
        LineGap {
            line: "tanker_aircraft".into(),
            gap_units: gap,
            unit_cost_eur_m: Some(200.0),
            is_personnel: false,
            lead_time_years: 2.0,
            production_per_year: rate,
            critical: true,
        }
    }

    #[test]
    fn horizon_cost_adds_operating_costs() {
        let out = close_gaps(&[tankers(10.0, Some(5.0))], &params(), &[0.0; 26]);
        let line = &out.lines[0];
        assert!((line.procurement_eur_bn.unwrap() - 2.0).abs() < 1e-12);
        // 2 bn × (1 + 0.05 × 25) = 4.5 bn.
        assert!((line.horizon_cost_eur_bn.unwrap() - 4.5).abs() < 1e-12);
        // 10 units at 5 a year after a 2-year lead: 4 years.
        assert!((line.years_to_close.unwrap() - 4.0).abs() < 1e-9);
    }

    #[test]
    fn a_ramp_closes_sooner_than_a_flat_rate() {
        let mut ramp = params();
        ramp.production_growth = 0.2;
        ramp.production_cap_multiple = 3.0;
        let flat = cost_and_time(&tankers(40.0, Some(5.0)), &params()).years_to_close.unwrap();
        let ramped = cost_and_time(&tankers(40.0, Some(5.0)), &ramp).years_to_close.unwrap();
        assert!(ramped < flat, "{ramped} vs {flat}");
        // The inverse used for the time and the integral used by the funding loop agree.
        let line = tankers(40.0, Some(5.0));
        let produced = produced_between(&line, &ramp, 0.0, ramped);
        assert!((produced - 40.0).abs() < 1e-9, "{produced}");
        // Past the cap the rate is 15 a year: 3 × 5.
        let beyond = produced_between(&line, &ramp, 30.0, 31.0);
        assert!((beyond - 15.0).abs() < 1e-9, "{beyond}");
    }

    #[test]
    fn unknowns_are_reported() {
        let mut no_cost = tankers(3.0, Some(1.0));
        no_cost.unit_cost_eur_m = None;
        assert_eq!(cost_and_time(&no_cost, &params()).years_to_close, Err(Unknown::NoUnitCost));
        assert_eq!(
            cost_and_time(&tankers(3.0, None), &params()).years_to_close,
            Err(Unknown::NoProductionRate)
        );
    }

    #[test]
    fn money_limits_the_funded_schedule() {
        // Plenty of production after the 2-year lead, 1 bn a year: 200 m a tanker → 5 in 2028,
        // 4.75 in 2029 (operating costs of the first five take 50 m), the last 0.25 in 2030.
        let mut headroom = vec![1.0; 26];
        headroom[0] = 0.0;
        let out = close_gaps(&[tankers(10.0, Some(100.0))], &params(), &headroom);
        assert_eq!(out.lines[0].funded_closure_year, Some(2030));
        let by_year = &out.lines[0].delivered_by_year;
        assert!(
            by_year[2].abs() < 1e-9 && (by_year[3] - 5.0).abs() < 1e-9 && (by_year[5] - 10.0).abs() < 1e-9
        );
        assert_eq!(out.window_closes, Some(2030));
        // With no money nothing closes and the window stays open.
        let out = close_gaps(&[tankers(10.0, Some(100.0))], &params(), &[0.0; 26]);
        assert_eq!(out.window_closes, None);
        assert!(out.lines[0].funded_units.abs() < 1e-12);
    }

    proptest! {
        /// More money never delays any line's closure.
        #[test]
        fn more_headroom_never_delays(base in 0.1..5.0f64, extra in 0.0..5.0f64, gap in 1.0..50.0f64) {
            let lines = [tankers(gap, Some(6.0)), LineGap { line: "ssk".into(), unit_cost_eur_m: Some(900.0), ..tankers(gap / 5.0, Some(1.0)) }];
            let poor = close_gaps(&lines, &params(), &vec![base; 26]);
            let rich = close_gaps(&lines, &params(), &vec![base + extra; 26]);
            for (p, r) in poor.lines.iter().zip(&rich.lines) {
                prop_assert!(r.funded_units + 1e-6 >= p.funded_units.min(r.gap_units));
                if let Some(year) = p.funded_closure_year {
                    prop_assert!(r.funded_closure_year.is_some_and(|y| y <= year));
                }
            }
        }
    }
}
