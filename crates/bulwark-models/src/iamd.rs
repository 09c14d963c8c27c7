//! Air and missile defence saturation (docs/design.md §4.5): how many incoming missiles and drones
//! get through, day by day, as interceptor magazines empty.
//!
//! # Model card
//!
//! A daily loop over a campaign of `N` days, in expected values (no randomness).
//!
//! **Threats.** Each class `c` (ballistic, cruise, one-way attack drones) has a stock `S_c`, a
//! production `p_c` a day and a planned launch rate `r_c` a day. On day `d` the attacker can
//! fire what it holds plus the day's output: `launched_c(d) = min(r_c, S_c + p_c)`, and
//! `S_c ← S_c + p_c − launched_c(d)`.
//!
//! **Interceptors.** Each type `t` (an upper tier of long-range SAM interceptors, a lower tier of
//! medium-range ones, …) has a magazine `M_t`, a production `q_t` a day added at the start of
//! each day, `F_t` fire units each defending `a_t` km², and for each threat class it may engage
//! a single-shot kill probability `Pk_{t,c}` and a doctrine of `n_{t,c}` shots per target. The
//! defended fraction of the area to defend `A` is `cov_t = min(1, F_t × a_t / A)`, and one
//! engagement kills with probability `k_{t,c} = 1 − (1 − Pk_{t,c})^{n_{t,c}}`.
//!
//! **Layers.** The classes are engaged in their listed order every day (the most dangerous
//! first), and each class by its eligible types in their listed order (outer tier first). Of the
//! `R` threats of the class still flying when they reach tier `t`, the tier engages
//! `e = min(R × cov_t, M_t / n_{t,c})`, spends `e × n_{t,c}` interceptors and kills `e × k_{t,c}`;
//! the survivors fly on to the next tier: `R ← R − e × k_{t,c}`. What is still flying after the
//! last tier leaks. With one tier and a full magazine, a threat leaks with probability
//! `(1 − cov) + cov × (1 − Pk)^n`; with the magazine empty it leaks with probability `1`, as
//! docs/design.md §4.5 states.
//!
//! **Book-keeping.** `launched = intercepted + leaked` and `launched = engaged + unengaged`,
//! where `engaged` counts the threats engaged by at least one tier (a tier picks its targets
//! evenly among those still flying, whether or not an earlier tier engaged them) and
//! `unengaged` those no tier could reach or afford; every unengaged threat leaks. A magazine
//! *runs out* on the first day its tier is asked for more engagements than it can afford.
//!
//! **Properties** (tested): adding interceptors or raising any `Pk` never adds a leaker, because
//! every tier maps the threats still flying to fewer (monotonically) and leaves no less in the
//! magazines of the tiers and days after it.
//!
//! | input | unit | default (baseline scenario) | range |
//! |---|---|---|---|
//! | `days` | days | `iamd_campaign_days` = 30 | ≥ 1 |
//! | `area_to_defend_km2` | km² | `iamd_area_to_defend_km2` = triangular(50 000, 100 000, 200 000) | > 0 |
//! | threat `stock` | missiles or drones | `iamd_{ballistic,cruise,drone}_stock` | ≥ 0 |
//! | threat `production_per_day` | a day | dataset `production.csv` × `iamd_threat_production_share` | ≥ 0 |
//! | threat `launches_per_day` | a day | `iamd_{ballistic,cruise,drone}_launches_per_day` | ≥ 0 |
//! | interceptor `stock` | interceptors | `iamd_{upper,lower}_interceptor_stock` (+ US) | ≥ 0 |
//! | interceptor `production_per_day` | a day | `iamd_{upper,lower}_production_per_month` / 30.4 | ≥ 0 |
//! | `fire_units` | fire units | dataset `sam_{long,medium}_range_fire_units` × availability | ≥ 0 |
//! | `area_per_fire_unit_km2` | km² | `iamd_{upper,lower}_area_per_fire_unit_km2` | ≥ 0 |
//! | `pk` | probability | `iamd_upper_pk_ballistic` = triangular(0.4, 0.6, 0.8), … | 0–1 |
//! | `shots_per_target` | interceptors | `iamd_upper_shots_ballistic` = 2, others 1 | ≥ 1 |
//!
//! Simplifications, stated so they can be argued with: expected values, not draws (the
//! ensemble draws the inputs instead); every threat aims at the defended area, and the
//! footprints of different tiers overlap at random (`cov_t` applies afresh at each tier);
//! magazines are pooled across fire units of a tier; guns, electronic warfare and fighters
//! are not modelled, so drone leakers are an upper bound; decoys are not counted.
//!
//! References: docs/design.md §4.5; the saturation logic follows the standard
//! shoot-shoot salvo arithmetic of missile-defence studies (e.g. Wilkening, "A simple model
//! for calculating ballistic missile defense effectiveness", Science & Global Security 8,
//! 2000, doi:10.1080/08929880008426478).

use crate::error::{check_range, check_range_lazy, ModelError};

const MODEL: &str = "iamd";

/// Below this many threats or interceptors a quantity counts as zero (expected values are
/// fractional; this keeps round-off from declaring a magazine empty).
const EPSILON: f64 = 1e-9;

/// One class of incoming threat.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreatClass {
    /// Name (`ballistic`, `cruise`, `drones`).
    pub name: String,
    /// Stock at the start of the campaign.
    pub stock: f64,
    /// Items produced a day during the campaign.
    pub production_per_day: f64,
    /// Planned launches a day (fewer when the stock runs short).
    pub launches_per_day: f64,
}

/// How one interceptor type engages one threat class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Engagement {
    /// Single-shot kill probability.
    pub pk: f64,
    /// Interceptors fired at each target (doctrine), at least 1.
    pub shots_per_target: u32,
}

impl Engagement {
    /// Probability that one engagement kills its target: `1 − (1 − Pk)^shots`.
    pub fn kill_probability(&self) -> f64 {
        1.0 - (1.0 - self.pk).powi(i32::try_from(self.shots_per_target).unwrap_or(i32::MAX))
    }
}

/// One interceptor type (a tier of the defence) with its fire units.
#[derive(Clone, Debug, PartialEq)]
pub struct InterceptorType {
    /// Name (`upper tier`, `lower tier`).
    pub name: String,
    /// Interceptors at the start of the campaign.
    pub stock: f64,
    /// Interceptors delivered a day during the campaign.
    pub production_per_day: f64,
    /// Fire units available.
    pub fire_units: f64,
    /// Area one fire unit defends, km².
    pub area_per_fire_unit_km2: f64,
    /// One entry per threat class, in the order of [`IamdInputs::threats`]: how this type
    /// engages it, or `None` when it is not eligible.
    pub engagements: Vec<Option<Engagement>>,
}

impl InterceptorType {
    /// Defended fraction `min(1, F × a / A)`.
    pub fn covered_fraction(&self, area_to_defend_km2: f64) -> f64 {
        (self.fire_units * self.area_per_fire_unit_km2 / area_to_defend_km2).min(1.0)
    }
}

/// Everything the saturation model needs.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdInputs {
    /// Campaign length, days.
    pub days: u32,
    /// Area to defend, km².
    pub area_to_defend_km2: f64,
    /// Threat classes, engaged in this order each day.
    pub threats: Vec<ThreatClass>,
    /// Interceptor types, engaging each class in this order (outer tier first).
    pub interceptors: Vec<InterceptorType>,
}

/// Per day, what happened to one threat class.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassOutcome {
    /// Class name.
    pub name: String,
    /// Launched per day.
    pub launched: Vec<f64>,
    /// Engaged by at least one tier, per day.
    pub engaged: Vec<f64>,
    /// Engaged by no tier (outside coverage or no interceptor left), per day.
    pub unengaged: Vec<f64>,
    /// Killed, per day (expected).
    pub intercepted: Vec<f64>,
    /// Leaked, per day (expected).
    pub leaked: Vec<f64>,
}

impl ClassOutcome {
    /// Launched over the campaign.
    pub fn total_launched(&self) -> f64 {
        self.launched.iter().sum()
    }

    /// Leaked over the campaign.
    pub fn total_leaked(&self) -> f64 {
        self.leaked.iter().sum()
    }

    /// Intercepted over the campaign.
    pub fn total_intercepted(&self) -> f64 {
        self.intercepted.iter().sum()
    }
}

/// Per day, what one interceptor type did.
#[derive(Clone, Debug, PartialEq)]
pub struct InterceptorOutcome {
    /// Type name.
    pub name: String,
    /// Defended fraction of the area.
    pub covered_fraction: f64,
    /// Interceptors fired per day.
    pub fired: Vec<f64>,
    /// Magazine at the end of each day.
    pub stock_end: Vec<f64>,
    /// First day (1-based) it could not afford every engagement asked of it; `None` if never.
    pub exhausted_day: Option<u32>,
}

impl InterceptorOutcome {
    /// Interceptors fired over the campaign.
    pub fn total_fired(&self) -> f64 {
        self.fired.iter().sum()
    }
}

/// The campaign, day by day.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdOutcome {
    /// Campaign length, days.
    pub days: u32,
    /// Per threat class, in input order.
    pub classes: Vec<ClassOutcome>,
    /// Per interceptor type, in input order.
    pub interceptors: Vec<InterceptorOutcome>,
}

impl IamdOutcome {
    /// Leakers of all classes, per day.
    pub fn leaked_per_day(&self) -> Vec<f64> {
        (0..self.days as usize).map(|day| self.classes.iter().map(|c| c.leaked[day]).sum()).collect()
    }

    /// Leakers of all classes over the campaign.
    pub fn total_leaked(&self) -> f64 {
        self.classes.iter().map(ClassOutcome::total_leaked).sum()
    }

    /// Launches of all classes over the campaign.
    pub fn total_launched(&self) -> f64 {
        self.classes.iter().map(ClassOutcome::total_launched).sum()
    }

    /// Leakers / launches over the campaign (0 when nothing was launched).
    pub fn leak_fraction(&self) -> f64 {
        let launched = self.total_launched();
        if launched > 0.0 {
            self.total_leaked() / launched
        } else {
            0.0
        }
    }
}

impl IamdInputs {
    /// Checks every input against its documented range.
    pub fn validate(&self) -> Result<(), ModelError> {
        if self.days == 0 {
            return Err(ModelError::parameter(MODEL, "days", 0.0, "at least 1 day"));
        }
        check_range(
            MODEL,
            "area_to_defend_km2",
            self.area_to_defend_km2,
            (f64::MIN_POSITIVE, f64::MAX),
            "> 0",
        )?;
        let non_negative = (0.0, f64::MAX);
        for (idx, threat) in self.threats.iter().enumerate() {
            let name = |field: &'static str| move || format!("threats[{idx}].{field}");
            check_range_lazy(MODEL, name("stock"), threat.stock, non_negative, "≥ 0")?;
            check_range_lazy(
                MODEL,
                name("production_per_day"),
                threat.production_per_day,
                non_negative,
                "≥ 0",
            )?;
            check_range_lazy(MODEL, name("launches_per_day"), threat.launches_per_day, non_negative, "≥ 0")?;
        }
        for (idx, interceptor) in self.interceptors.iter().enumerate() {
            self.validate_interceptor(idx, interceptor)?;
        }
        Ok(())
    }

    fn validate_interceptor(&self, idx: usize, interceptor: &InterceptorType) -> Result<(), ModelError> {
        let name = |field: &'static str| move || format!("interceptors[{idx}].{field}");
        let non_negative = (0.0, f64::MAX);
        check_range_lazy(MODEL, name("stock"), interceptor.stock, non_negative, "≥ 0")?;
        check_range_lazy(
            MODEL,
            name("production_per_day"),
            interceptor.production_per_day,
            non_negative,
            "≥ 0",
        )?;
        check_range_lazy(MODEL, name("fire_units"), interceptor.fire_units, non_negative, "≥ 0")?;
        check_range_lazy(
            MODEL,
            name("area_per_fire_unit_km2"),
            interceptor.area_per_fire_unit_km2,
            non_negative,
            "≥ 0",
        )?;
        if interceptor.engagements.len() != self.threats.len() {
            return Err(ModelError::input(
                MODEL,
                format!(
                    "interceptor type `{}` lists {} engagements for {} threat classes",
                    interceptor.name,
                    interceptor.engagements.len(),
                    self.threats.len()
                ),
            ));
        }
        for (class_idx, engagement) in interceptor.engagements.iter().enumerate() {
            if let Some(engagement) = engagement {
                check_range_lazy(
                    MODEL,
                    || format!("interceptors[{idx}].engagements[{class_idx}].pk"),
                    engagement.pk,
                    (0.0, 1.0),
                    "0–1",
                )?;
                if engagement.shots_per_target == 0 {
                    return Err(ModelError::parameter(
                        MODEL,
                        format!("interceptors[{idx}].engagements[{class_idx}].shots_per_target"),
                        0.0,
                        "at least 1 shot per target",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Runs the campaign day by day.
pub fn run(inputs: &IamdInputs) -> Result<IamdOutcome, ModelError> {
    inputs.validate()?;
    let n_days = inputs.days as usize;
    let mut series = Series {
        classes: inputs
            .threats
            .iter()
            .map(|t| ClassOutcome {
                name: t.name.clone(),
                launched: Vec::with_capacity(n_days),
                engaged: Vec::with_capacity(n_days),
                unengaged: Vec::with_capacity(n_days),
                intercepted: Vec::with_capacity(n_days),
                leaked: Vec::with_capacity(n_days),
            })
            .collect(),
        interceptors: inputs
            .interceptors
            .iter()
            .map(|t| InterceptorOutcome {
                name: t.name.clone(),
                covered_fraction: t.covered_fraction(inputs.area_to_defend_km2),
                fired: Vec::with_capacity(n_days),
                stock_end: Vec::with_capacity(n_days),
                exhausted_day: None,
            })
            .collect(),
    };
    let exhausted = simulate_days(inputs, &mut series);
    for (outcome, day) in series.interceptors.iter_mut().zip(exhausted) {
        outcome.exhausted_day = day;
    }
    Ok(IamdOutcome { days: inputs.days, classes: series.classes, interceptors: series.interceptors })
}

/// What an ensemble run keeps of an [`IamdOutcome`], computed without the daily series.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdTotals {
    /// [`IamdOutcome::total_leaked`].
    pub total_leaked: f64,
    /// [`IamdOutcome::total_launched`].
    pub total_launched: f64,
    /// Each interceptor type's [`InterceptorOutcome::exhausted_day`].
    pub exhausted_day: Vec<Option<u32>>,
}

impl IamdTotals {
    /// [`IamdOutcome::leak_fraction`].
    pub fn leak_fraction(&self) -> f64 {
        if self.total_launched > 0.0 {
            self.total_leaked / self.total_launched
        } else {
            0.0
        }
    }
}

/// [`run`] reduced to the totals an ensemble records, bit for bit the same figures (the same
/// daily arithmetic, sums taken in the same order) without allocating the daily series: the
/// ensemble's per-run path.
pub fn run_totals(inputs: &IamdInputs) -> Result<IamdTotals, ModelError> {
    inputs.validate()?;
    // `Sum` of an empty iterator is the identity `Iterator::sum` folds from; accumulating day
    // by day from it repeats exactly the additions of `ClassOutcome::total_leaked`.
    let zero = || std::iter::empty::<f64>().sum::<f64>();
    let mut sums = ClassSums {
        launched: vec![zero(); inputs.threats.len()],
        leaked: vec![zero(); inputs.threats.len()],
    };
    let exhausted_day = simulate_days(inputs, &mut sums);
    Ok(IamdTotals {
        total_leaked: sums.leaked.iter().sum(),
        total_launched: sums.launched.iter().sum(),
        exhausted_day,
    })
}

/// Receives each day's figures as [`simulate_days`] computes them.
trait DayRecorder {
    /// Class `class_idx` launched `launched` and the tiers dealt with them as `salvo`.
    fn class_day(&mut self, class_idx: usize, launched: f64, salvo: &Salvo);
    /// Type `type_idx` fired `fired` interceptors and ended the day with `stock_end`.
    fn interceptor_day(&mut self, type_idx: usize, fired: f64, stock_end: f64);
}

/// The daily series of [`run`].
struct Series {
    classes: Vec<ClassOutcome>,
    interceptors: Vec<InterceptorOutcome>,
}

impl DayRecorder for Series {
    fn class_day(&mut self, class_idx: usize, launched: f64, salvo: &Salvo) {
        let class = &mut self.classes[class_idx];
        class.launched.push(launched);
        class.engaged.push(salvo.engaged);
        class.unengaged.push(salvo.unengaged);
        class.intercepted.push(salvo.intercepted);
        class.leaked.push(salvo.leaked);
    }

    fn interceptor_day(&mut self, type_idx: usize, fired: f64, stock_end: f64) {
        let outcome = &mut self.interceptors[type_idx];
        outcome.fired.push(fired);
        outcome.stock_end.push(stock_end);
    }
}

/// The running sums of [`run_totals`], per class.
struct ClassSums {
    launched: Vec<f64>,
    leaked: Vec<f64>,
}

impl DayRecorder for ClassSums {
    fn class_day(&mut self, class_idx: usize, launched: f64, salvo: &Salvo) {
        self.launched[class_idx] += launched;
        self.leaked[class_idx] += salvo.leaked;
    }

    fn interceptor_day(&mut self, _type_idx: usize, _fired: f64, _stock_end: f64) {}
}

/// The daily loop of the model card for valid `inputs`; each interceptor type's exhaustion day.
fn simulate_days(inputs: &IamdInputs, recorder: &mut impl DayRecorder) -> Vec<Option<u32>> {
    let covered: Vec<f64> =
        inputs.interceptors.iter().map(|t| t.covered_fraction(inputs.area_to_defend_km2)).collect();
    let mut exhausted = vec![None; inputs.interceptors.len()];
    let mut threat_stocks: Vec<f64> = inputs.threats.iter().map(|t| t.stock).collect();
    let mut magazines: Vec<f64> = inputs.interceptors.iter().map(|t| t.stock).collect();
    let mut fired = vec![0.0; inputs.interceptors.len()];
    for day in 1..=inputs.days {
        for (magazine, interceptor) in magazines.iter_mut().zip(&inputs.interceptors) {
            *magazine += interceptor.production_per_day;
        }
        fired.fill(0.0);
        for (class_idx, threat) in inputs.threats.iter().enumerate() {
            let available = threat_stocks[class_idx] + threat.production_per_day;
            let launched = threat.launches_per_day.min(available);
            threat_stocks[class_idx] = available - launched;
            let mut tiers = Tiers {
                covered: &covered,
                magazines: &mut magazines,
                fired: &mut fired,
                exhausted: &mut exhausted,
            };
            let salvo = DayCtx { inputs, class_idx, day }.engage(launched, &mut tiers);
            recorder.class_day(class_idx, launched, &salvo);
        }
        for (type_idx, (&fired, &magazine)) in fired.iter().zip(&magazines).enumerate() {
            recorder.interceptor_day(type_idx, fired, magazine);
        }
    }
    exhausted
}

/// The interceptor types' state during one day.
struct Tiers<'a> {
    covered: &'a [f64],
    magazines: &'a mut [f64],
    fired: &'a mut [f64],
    exhausted: &'a mut [Option<u32>],
}

/// One class's salvo on one day, once every tier has engaged it.
struct Salvo {
    engaged: f64,
    unengaged: f64,
    intercepted: f64,
    leaked: f64,
}

struct DayCtx<'a> {
    inputs: &'a IamdInputs,
    class_idx: usize,
    day: u32,
}

impl DayCtx<'_> {
    /// Passes `launched` threats through the eligible tiers in order, spending magazines.
    fn engage(&self, launched: f64, tiers: &mut Tiers<'_>) -> Salvo {
        let mut flying = launched;
        let mut never_engaged = launched;
        let mut engaged_first = 0.0;
        let mut intercepted = 0.0;
        for (type_idx, interceptor) in self.inputs.interceptors.iter().enumerate() {
            let Some(engagement) = interceptor.engagements[self.class_idx] else { continue };
            if flying <= EPSILON {
                break;
            }
            let shots = f64::from(engagement.shots_per_target);
            let wanted = flying * tiers.covered[type_idx];
            let affordable = tiers.magazines[type_idx] / shots;
            if wanted > affordable + EPSILON && tiers.exhausted[type_idx].is_none() {
                tiers.exhausted[type_idx] = Some(self.day);
            }
            let engaged = wanted.min(affordable);
            tiers.magazines[type_idx] = (tiers.magazines[type_idx] - engaged * shots).max(0.0);
            tiers.fired[type_idx] += engaged * shots;
            // The tier picks its targets evenly among those still flying.
            let first_engaged = never_engaged * engaged / flying;
            engaged_first += first_engaged;
            never_engaged -= first_engaged;
            let killed = engaged * engagement.kill_probability();
            intercepted += killed;
            flying -= killed;
        }
        Salvo { engaged: engaged_first, unengaged: never_engaged, intercepted, leaked: flying }
    }
}

#[cfg(test)]
mod tests;
