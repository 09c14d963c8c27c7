//! Each question's answer as typed numbers: the figures the answer's sentence is made of, with
//! units in the field names. The report crate writes the sentence in the reader's language.

/// The answer to one of the three questions.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Q1, what losing the US nuclear umbrella changes.
    Umbrella(UmbrellaAnswer),
    /// Q2, whether Europe can stop Russia without the US.
    StopRussia(StopRussiaAnswer),
    /// Q3, whether the EU could build its own nuclear deterrent.
    OwnDeterrent(OwnDeterrentAnswer),
}

/// Q1: the credibility of extended deterrence over a European ally with and without the US.
#[derive(Clone, Debug, PartialEq)]
pub struct UmbrellaAnswer {
    /// The year the credibility is assessed at (the end of the horizon).
    pub by_year: u16,
    /// With the US umbrella as today, 0 to 1.
    pub credibility_us_as_today: f64,
    /// Without the US, 0 to 1.
    pub credibility_without_us: f64,
}

/// Q2: the Baltic campaign ensemble in the campaign year and the window of vulnerability.
#[derive(Clone, Debug, PartialEq)]
pub struct StopRussiaAnswer {
    /// The year of the attack.
    pub year: u16,
    /// The day the defence must hold to.
    pub hold_day: f64,
    /// Probability of holding to `hold_day` with the scenario's US posture, 0 to 1.
    pub p_hold_with_us: f64,
    /// The same without the US.
    pub p_hold_without_us: f64,
    /// Median hours to the objective with the US; `None` when most runs held.
    pub median_hours_with_us: Option<f64>,
    /// The same without the US.
    pub median_hours_without_us: Option<f64>,
    /// Runs of each ensemble.
    pub runs: u64,
    /// The ensemble seed.
    pub seed: u64,
    /// The probability at which Europe "could hold", 0 to 1.
    pub hold_confidence: f64,
    /// Years assessed against Russia's force of each year.
    pub years_assessed: usize,
    /// Years in which Europe alone, with its funded build-up, holds with less than
    /// `hold_confidence`.
    pub window_years_without_us: Vec<u16>,
    /// The same with the scenario's US posture.
    pub window_years_with_us: Vec<u16>,
    /// The line group whose closing at once helps most, when one raises P(hold) at all.
    pub best_lever: Option<LeverGain>,
}

/// A line group of Europe's build-up closed at once.
#[derive(Clone, Debug, PartialEq)]
pub struct LeverGain {
    /// The line group (`manoeuvre_brigades`, …).
    pub lever: &'static str,
    /// Years it removes from the window.
    pub years_removed: usize,
    /// Mean rise of P(hold) over the window's years, 0 to 1.
    pub mean_p_hold_gain: f64,
}

/// Q3: the most credible package of European nuclear options within the budget and year.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnDeterrentAnswer {
    /// The budget, EUR bn a year.
    pub budget_eur_bn_a_year: f64,
    /// The year the package must be in place by.
    pub by_year: f64,
    /// The best package; `None` when none fits.
    pub best: Option<PackageAnswer>,
    /// The US umbrella as today, 0 to 1.
    pub credibility_us_as_today: f64,
    /// Europe alone, 0 to 1.
    pub credibility_without_us: f64,
}

/// One package of options.
#[derive(Clone, Debug, PartialEq)]
pub struct PackageAnswer {
    /// Ids of the options of the nuclear option table.
    pub option_ids: Vec<String>,
    /// Its credibility, 0 to 1.
    pub credibility: f64,
}
