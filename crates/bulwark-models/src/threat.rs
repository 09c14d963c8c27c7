//! Model card: the threat trajectory — Russia's force year by year, per
//! capability line and in battalion equivalents, and the readiness clocks: the earliest time
//! Russia could mount a war that needs a given force.
//!
//! # Equations
//!
//! Years `t = 0, 1, …, n − 1` start at `start_year` (the earliest as-of year of the holdings).
//! Every line `c` with a known holding keeps that holding until its own as-of year `a_c` (a
//! figure of early 2024 already counts the losses and output before it), then, at the start of
//! each year `t` with `start_year + t ≥ a_c`:
//!
//! ```text
//! p(t)         = min(cap, (1 + g)^t) × (1 − s)                 production scale
//! war(t)       = clamp(E − (start_year + t), 0, 1)             share of year t at war
//! new_c(t)     = new_rate_c × p(t)
//! refurb_c(t)  = min(refurb_rate_c × p(t), stored_c(t))
//! loss_c(t)    = war(t) × loss_rate_c × k
//! retire_c(t)  = (1 − war(t)) × ρ × force_c(t)                  retirement after the war
//! force_c(t+1) = max(0, force_c(t) + new_c(t) + refurb_c(t) − loss_c(t) − retire_c(t))
//! stored_c(t+1)= stored_c(t) − refurb_c(t)
//! ```
//!
//! Where the dataset has no stored stock but does have a refurbishment rate (the rate was
//! observed, so a stock fed it), the stock is taken as `refurb_rate_c × r` — `r` years of the
//! observed rate (`unknown_stock_years`, a judgement) — and is drawn down the same way. It is
//! not reported as a stored figure.
//!
//! Retirement: once the war ends, a share `ρ` of each line's active holding leaves service every
//! year (worn out, cannibalised for parts or scrapped), so the force levels off at
//! `(new + refurb) / ρ` instead of growing for ever. While the war goes on, the loss rates
//! stand for what leaves service. With `ρ > 0` the force approaches that level from below or
//! above; with `ρ = 0` nothing retires (the model before retirement).
//!
//! `loss_rate_c` is the dataset's loss rate a year while the war goes on: for the baseline the
//! increase of Oryx's visually confirmed counts between their two latest dates (a lower bound,
//! hence `k` ≥ 1 in the baseline; see `threat_inputs` in `bulwark-assess` for the derivation).
//!
//! Forces committed elsewhere leave what is *available* against NATO, not the stock:
//!
//! ```text
//! u(t)         = u_war                                  while at war (year < E)
//!              = u_war − (u_war − u_peace) × (y − E)/L   for E ≤ y < E + L (reconstitution)
//!              = u_peace                                 after
//! avail_c(t)   = force_c(t) × (1 − u(t)) × (1 − h)
//! bn(t)        = min( min_c avail_c(t) / per_bn_c ,  personnel × m × (1 − u(t)) × (1 − h) / per_bn_personnel )
//! ```
//!
//! The minimum over lines is the pacing item: a battalion equivalent needs its tanks, its
//! fighting vehicles and its guns, and the scarcest one sets the count. Lines whose holding is
//! unknown are left out of the minimum and listed ([`LineTrajectory::missing`]); the model
//! never fills a missing figure. A missing loss rate counts as no losses and is listed, so the
//! line's trajectory is then an upper bound while the war goes on; a missing stored stock is
//! the `r` years of observed refurbishment above (a judgement, listed as missing all the same). Written as the one-line
//! recursion `available(t+1) = available(t) + production + refurbished −
//! losses − Δ committed_elsewhere`.
//!
//! **Readiness clocks.** For a force requirement `R` (battalion equivalents available against
//! NATO), the clock is the first time `bn(t)` reaches `R`, with `bn` interpolated linearly
//! between year starts (so a clock can fall within a year): `start_year + t*` with `t*` the
//! first crossing, or `None` when the horizon ends first. Since the interpolant is monotone in
//! every knot value, a larger force at every year never makes a clock later.
//!
//! # Parameters ([`ThreatParams`]; defaults are the baseline scenario's central values)
//!
//! | parameter | unit | default | valid range |
//! |---|---|---|---|
//! | `E`, `war_end_year`: when the war against Ukraine ends (after the horizon = it goes on) | year | 2027 | `[1900, 3000]` |
//! | `k`, `loss_scale`: multiplier on the dataset's loss rates | multiplier | 1 | `[0, 10]` |
//! | `u_war`: share of the force tied in Ukraine while the war goes on | fraction | 0.75 | `[0, 1]` |
//! | `u_peace`: share left in Ukraine after the war (garrison) | fraction | 0.2 | `[0, u_war]` |
//! | `L`: years to pull back and reconstitute after the war | years | 1 | `[0, 20]` |
//! | `h`: share held back for other fronts | fraction | 0.3 | `[0, 1]` |
//! | `m`: mobilisation multiplier on personnel | multiplier | 1.1 | `[0, 10]` |
//! | `per_bn_personnel`: active personnel per battalion equivalent fielded | persons | 6000 | `> 0` |
//! | `g`: real growth of defence spending | fraction per year | 0 | `[−0.5, 1]` |
//! | `cap`: industrial capacity as a multiple of today's output | multiple | 1.5 | `[0, 100]` |
//! | `s`: sanctions' effect on output | fraction | 0.1 | `[0, 1]` |
//! | `r`, `unknown_stock_years`: years of refurbishment an unknown stored stock sustains | years | 3 | `[0, 50]` |
//! | `ρ`, `retirement_rate`: share of the active holding retired a year after the war (`threat_retirement_rate`) | fraction a year | 0.04 | `[0, 1]` |
//!
//! Per line ([`LineStart`]): holding (active) and its as-of year, stored stock, new production
//! and refurbishment per year, war losses per year (dataset, each optional) and units per
//! battalion equivalent (scenario).
//!
//! # Simplifications, stated so they can be argued with
//!
//! Aggregate: no quality, no modernisation, no training pipeline beyond the personnel cap;
//! production is not diverted by the war's end; stored stock is all refurbishable; the share
//! committed elsewhere is the same on every line; retirement is one rate for every line and
//! age (no vintage structure), and retired equipment does not return to the stored stock.
//!
//! # References
//!
//! - Danish Defence Intelligence Service, updated threat assessment, 11 February 2025 (local
//!   war within six months, regional war in the Baltic Sea region within two years, large-scale
//!   war in Europe within five years of the war in Ukraine ending or freezing).
//! - B. Kahl (BND), Bundestag hearing, 14 October 2024: Russia able to attack NATO by the end of
//!   the decade.
//! - IISS, *The Military Balance* 2024–2025 (holdings, production and losses, through the
//!   dataset's sources).

use crate::error::check_range;
use crate::ModelError;

const MODEL: &str = "threat";

/// Most years a trajectory may span.
pub const MAX_YEARS: usize = 200;

/// One capability line's starting figures. `None` = not in the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct LineStart {
    /// Capability line id.
    pub line: String,
    /// Units per battalion equivalent (> 0).
    pub units_per_battalion: f64,
    /// Active holding at its as-of year.
    pub active: Option<f64>,
    /// Year the holding refers to (`None` = the start year); the line changes only from then on.
    pub as_of_year: Option<u16>,
    /// Stored stock at the start year.
    pub stored: Option<f64>,
    /// New production, units a year.
    pub new_per_year: Option<f64>,
    /// Refurbishment from stored stock, units a year.
    pub refurbished_per_year: Option<f64>,
    /// Losses a year while the war goes on.
    pub war_losses_per_year: Option<f64>,
}

/// The scenario's parameters of one draw; see the model card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreatParams {
    /// `E`, year the war against Ukraine ends (fractional; after the horizon = never).
    pub war_end_year: f64,
    /// `k`.
    pub loss_scale: f64,
    /// `u_war`.
    pub ukraine_share_at_war: f64,
    /// `u_peace`.
    pub ukraine_share_after_war: f64,
    /// `L`, years.
    pub reconstitution_years: f64,
    /// `h`.
    pub held_back_share: f64,
    /// `m`.
    pub mobilisation: f64,
    /// Active personnel per battalion equivalent.
    pub personnel_per_battalion: f64,
    /// `g`, per year.
    pub spending_growth: f64,
    /// `cap`.
    pub production_cap_multiple: f64,
    /// `s`.
    pub sanctions_effect: f64,
    /// `r`, years.
    pub unknown_stock_years: f64,
    /// `ρ`, share of the active holding retired a year after the war.
    pub retirement_rate: f64,
}

impl Default for ThreatParams {
    /// The baseline scenario's central values.
    fn default() -> ThreatParams {
        ThreatParams {
            war_end_year: 2027.0,
            loss_scale: 1.0,
            ukraine_share_at_war: 0.75,
            ukraine_share_after_war: 0.2,
            reconstitution_years: 1.0,
            held_back_share: 0.3,
            mobilisation: 1.1,
            personnel_per_battalion: 6000.0,
            spending_growth: 0.0,
            production_cap_multiple: 1.5,
            sanctions_effect: 0.1,
            unknown_stock_years: 3.0,
            retirement_rate: 0.04,
        }
    }
}

/// Everything the trajectory needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreatInputs {
    /// First year (the holdings' as-of year).
    pub start_year: u16,
    /// Years to project (at least 1, at most [`MAX_YEARS`]).
    pub n_years: usize,
    /// Lines.
    pub lines: Vec<LineStart>,
    /// Active personnel at the start (`None` = no personnel cap).
    pub personnel: Option<f64>,
    /// Parameters.
    pub params: ThreatParams,
}

/// One line over the years.
#[derive(Clone, Debug, PartialEq)]
pub struct LineTrajectory {
    /// Capability line id.
    pub line: String,
    /// Holding at the start of each year (`None` when the holding is unknown).
    pub force: Option<Vec<f64>>,
    /// Available against NATO at the start of each year.
    pub available: Option<Vec<f64>>,
    /// Stored stock left at the start of each year (`None` when unknown).
    pub stored: Option<Vec<f64>>,
    /// Which figures the dataset lacks (`holding`, `stored stock`, `production`,
    /// `refurbishment`, `losses`).
    pub missing: Vec<&'static str>,
}

/// What limits the battalion count in a year.
#[derive(Clone, Debug, PartialEq)]
pub enum Pacing {
    /// A capability line (its id).
    Line(String),
    /// Personnel.
    Personnel,
    /// Nothing is known: no count.
    Unknown,
}

/// The trajectory of one draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    /// First year.
    pub start_year: u16,
    /// Per line, in input order.
    pub lines: Vec<LineTrajectory>,
    /// Battalion equivalents available against NATO at the start of each year (`NaN`-free;
    /// empty when no land line and no personnel figure is known).
    pub battalions: Vec<f64>,
    /// What paces each year's count.
    pub pacing: Vec<Pacing>,
    /// Share of the force committed in Ukraine at the start of each year.
    pub ukraine_share: Vec<f64>,
}

impl ThreatInputs {
    /// Checks every value against the model card's ranges.
    pub fn validate(&self) -> Result<(), ModelError> {
        let p = &self.params;
        let fraction = "a fraction in [0, 1]";
        if self.n_years == 0 || self.n_years > MAX_YEARS {
            return Err(ModelError::parameter(MODEL, "n_years", self.n_years as f64, "1 to 200 years"));
        }
        check_range(MODEL, "war_end_year", p.war_end_year, (1900.0, 3000.0), "a year in [1900, 3000]")?;
        check_range(MODEL, "loss_scale", p.loss_scale, (0.0, 10.0), "a multiplier in [0, 10]")?;
        check_range(MODEL, "ukraine_share_at_war", p.ukraine_share_at_war, (0.0, 1.0), fraction)?;
        check_range(
            MODEL,
            "ukraine_share_after_war",
            p.ukraine_share_after_war,
            (0.0, p.ukraine_share_at_war),
            "a fraction in [0, ukraine_share_at_war]",
        )?;
        check_range(MODEL, "reconstitution_years", p.reconstitution_years, (0.0, 20.0), "0 to 20 years")?;
        check_range(MODEL, "held_back_share", p.held_back_share, (0.0, 1.0), fraction)?;
        check_range(MODEL, "mobilisation", p.mobilisation, (0.0, 10.0), "a multiplier in [0, 10]")?;
        check_range(
            MODEL,
            "personnel_per_battalion",
            p.personnel_per_battalion,
            (1.0, 1e7),
            "1 to 10 million persons",
        )?;
        check_range(
            MODEL,
            "spending_growth",
            p.spending_growth,
            (-0.5, 1.0),
            "a growth in [-0.5, 1] a year",
        )?;
        check_range(MODEL, "production_cap_multiple", p.production_cap_multiple, (0.0, 100.0), "0 to 100")?;
        check_range(MODEL, "sanctions_effect", p.sanctions_effect, (0.0, 1.0), fraction)?;
        check_range(MODEL, "unknown_stock_years", p.unknown_stock_years, (0.0, 50.0), "0 to 50 years")?;
        check_range(MODEL, "retirement_rate", p.retirement_rate, (0.0, 1.0), fraction)?;
        if let Some(personnel) = self.personnel {
            check_range(MODEL, "personnel", personnel, (0.0, 1e9), "0 to 1e9 persons")?;
        }
        for (idx, line) in self.lines.iter().enumerate() {
            // Names are formatted only for an error: this runs once per campaign run.
            let name = |field: &str| format!("lines[{idx}].{field}");
            if !(line.units_per_battalion.is_finite() && (1e-9..=1e9).contains(&line.units_per_battalion)) {
                check_range(
                    MODEL,
                    name("units_per_battalion"),
                    line.units_per_battalion,
                    (1e-9, 1e9),
                    "above 0",
                )?;
            }
            let figures = [
                ("active", line.active),
                ("stored", line.stored),
                ("new_per_year", line.new_per_year),
                ("refurbished_per_year", line.refurbished_per_year),
                ("war_losses_per_year", line.war_losses_per_year),
            ];
            for (field, value) in figures {
                if let Some(value) = value.filter(|v| !(v.is_finite() && (0.0..=1e12).contains(v))) {
                    check_range(MODEL, name(field), value, (0.0, 1e12), "a finite count, 0 or more")?;
                }
            }
        }
        Ok(())
    }
}

/// Share of the force committed in Ukraine at the start of `year`.
pub fn ukraine_share(params: &ThreatParams, year: f64) -> f64 {
    let (at_war, after) = (params.ukraine_share_at_war, params.ukraine_share_after_war);
    let since_end = year - params.war_end_year;
    if since_end < 0.0 {
        at_war
    } else if params.reconstitution_years > 0.0 && since_end < params.reconstitution_years {
        at_war - (at_war - after) * since_end / params.reconstitution_years
    } else {
        after
    }
}

/// Projects the force (call [`ThreatInputs::validate`] first; invalid input gives a
/// meaningless but finite trajectory).
pub fn project(inputs: &ThreatInputs) -> Trajectory {
    let p = &inputs.params;
    let n = inputs.n_years;
    let start = f64::from(inputs.start_year);
    let shares: Vec<f64> = (0..n).map(|t| ukraine_share(p, start + t as f64)).collect();
    let free = |t: usize| (1.0 - shares[t]) * (1.0 - p.held_back_share);
    let lines: Vec<LineTrajectory> =
        inputs.lines.iter().map(|line| project_line(line, inputs, &free)).collect();
    let mut battalions = Vec::with_capacity(n);
    let mut pacing = Vec::with_capacity(n);
    for t in 0..n {
        let mut best: Option<(f64, Pacing)> = None;
        for (start_line, trajectory) in inputs.lines.iter().zip(&lines) {
            if let Some(available) = &trajectory.available {
                let bn = available[t] / start_line.units_per_battalion;
                if best.as_ref().is_none_or(|(b, _)| bn < *b) {
                    best = Some((bn, Pacing::Line(start_line.line.clone())));
                }
            }
        }
        if let Some(personnel) = inputs.personnel {
            let bn = personnel * p.mobilisation * free(t) / p.personnel_per_battalion;
            if best.as_ref().is_none_or(|(b, _)| bn < *b) {
                best = Some((bn, Pacing::Personnel));
            }
        }
        match best {
            Some((bn, why)) => {
                battalions.push(bn.max(0.0));
                pacing.push(why);
            }
            None => pacing.push(Pacing::Unknown),
        }
    }
    if battalions.len() < n {
        battalions.clear();
    }
    Trajectory { start_year: inputs.start_year, lines, battalions, pacing, ukraine_share: shares }
}

fn project_line(line: &LineStart, inputs: &ThreatInputs, free: &dyn Fn(usize) -> f64) -> LineTrajectory {
    let p = &inputs.params;
    let mut missing = Vec::new();
    for (what, value) in [
        ("holding", line.active),
        ("stored stock", line.stored),
        ("production", line.new_per_year),
        ("refurbishment", line.refurbished_per_year),
        ("losses", line.war_losses_per_year),
    ] {
        if value.is_none() {
            missing.push(what);
        }
    }
    let Some(active) = line.active else {
        return LineTrajectory {
            line: line.line.clone(),
            force: None,
            available: None,
            stored: None,
            missing,
        };
    };
    let n = inputs.n_years;
    let mut force = Vec::with_capacity(n);
    let mut stored_path = line.stored.map(|_| Vec::with_capacity(n));
    let mut state = LineState::new(line, active, p);
    for t in 0..n {
        force.push(state.current);
        if let (Some(path), Some(left)) = (stored_path.as_mut(), state.stored) {
            path.push(left);
        }
        state.advance(line, inputs, t);
    }
    let available = force.iter().enumerate().map(|(t, f)| f * free(t)).collect();
    LineTrajectory {
        line: line.line.clone(),
        force: Some(force),
        available: Some(available),
        stored: stored_path,
        missing,
    }
}

/// A line's force and stocks at the start of a year, advanced year by year.
struct LineState {
    current: f64,
    stored: Option<f64>,
    /// What is left of the unknown stock that the observed refurbishment rate implies (model
    /// card).
    implied_left: Option<f64>,
}

impl LineState {
    fn new(line: &LineStart, active: f64, p: &ThreatParams) -> LineState {
        let implied = line.refurbished_per_year.map(|rate| rate * p.unknown_stock_years);
        LineState { current: active, stored: line.stored, implied_left: implied }
    }

    /// From the start of year `t` to the start of year `t + 1`.
    fn advance(&mut self, line: &LineStart, inputs: &ThreatInputs, t: usize) {
        let p = &inputs.params;
        let start = f64::from(inputs.start_year);
        let first_year = line.as_of_year.map_or(start, f64::from);
        let year = start + t as f64;
        if year < first_year {
            return;
        }
        let scale = production_scale(p, t);
        let new = line.new_per_year.unwrap_or(0.0) * scale;
        let wanted = line.refurbished_per_year.unwrap_or(0.0) * scale;
        let refurbished = match (self.stored, self.implied_left) {
            (Some(left), _) => {
                let taken = wanted.min(left);
                self.stored = Some((left - taken).max(0.0));
                taken
            }
            (None, Some(left)) => {
                let taken = wanted.min(left);
                self.implied_left = Some((left - taken).max(0.0));
                taken
            }
            (None, None) => 0.0,
        };
        let at_war = (p.war_end_year - year).clamp(0.0, 1.0);
        let lost = at_war * line.war_losses_per_year.unwrap_or(0.0) * p.loss_scale;
        // Retirement runs in the part of the year after the war: while it goes on, the loss
        // rates stand for what leaves service.
        let retired = (1.0 - at_war) * p.retirement_rate * self.current;
        self.current = (self.current + new + refurbished - lost - retired).max(0.0);
    }
}

/// `project(inputs).battalions[t]` without building the trajectory (no allocation): the same
/// steps in the same order, hence the same bits; `None` when [`project`] gives no battalions
/// (no line with a holding and no personnel figure) or `t` is beyond `n_years`. A campaign
/// ensemble asks for one year per run.
pub fn battalions_at(inputs: &ThreatInputs, t: usize) -> Option<f64> {
    if t >= inputs.n_years {
        return None;
    }
    let p = &inputs.params;
    let share = ukraine_share(p, f64::from(inputs.start_year) + t as f64);
    let free = (1.0 - share) * (1.0 - p.held_back_share);
    let mut best: Option<f64> = None;
    for line in &inputs.lines {
        let Some(active) = line.active else { continue };
        let mut state = LineState::new(line, active, p);
        for year in 0..t {
            state.advance(line, inputs, year);
        }
        let bn = state.current * free / line.units_per_battalion;
        if best.is_none_or(|b| bn < b) {
            best = Some(bn);
        }
    }
    if let Some(personnel) = inputs.personnel {
        let bn = personnel * p.mobilisation * free / p.personnel_per_battalion;
        if best.is_none_or(|b| bn < b) {
            best = Some(bn);
        }
    }
    best.map(|bn| bn.max(0.0))
}

/// `min(cap, (1 + g)^t) × (1 − s)`.
fn production_scale(p: &ThreatParams, t: usize) -> f64 {
    let spending = (1.0 + p.spending_growth).powi(t.min(i32::MAX as usize) as i32);
    spending.min(p.production_cap_multiple) * (1.0 - p.sanctions_effect)
}

/// The readiness clock: the first (fractional) year in which `battalions`, interpolated
/// linearly between year starts, reaches `required`; `None` when it never does.
pub fn readiness_year(start_year: u16, battalions: &[f64], required: f64) -> Option<f64> {
    let start = f64::from(start_year);
    let first = *battalions.first()?;
    if first >= required {
        return Some(start);
    }
    for (t, pair) in battalions.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        if b >= required {
            let fraction = if b > a { (required - a) / (b - a) } else { 1.0 };
            return Some(start + t as f64 + fraction.clamp(0.0, 1.0));
        }
    }
    None
}

#[cfg(test)]
mod tests;
