//! The figures that explain each axis, as typed numbers: one struct per axis, units in the field
//! names, identifiers (line ids, ISO 3166 codes, decision-body ids) where a figure names a thing.
//! No prose and no formatted number: the report crate writes the labels and values in the
//! reader's language and the JSON carries these fields as they are.

use bulwark_models::force_package::ForcePackage;
use bulwark_models::nuclear::Balance;

use crate::{CensoredSpread, Spread};

/// Why a model gave no figures: it refused its inputs, with the model's own message.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelRefusal {
    /// The model's error message.
    pub reason: String,
}

/// The figures of one axis, one variant per axis of docs/design.md §1.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisFigures {
    /// Axis 1.
    StrategicAssets(StrategicAssetsFigures),
    /// Axis 2: the nuclear model's figures, or why it refused its inputs.
    Nuclear(Result<NuclearFigures, ModelRefusal>),
    /// Axis 3.
    Financial(FinancialFigures),
    /// Axis 4: the decision-time model's figures, or why it refused its inputs.
    Integration(Result<DecisionFigures, ModelRefusal>),
    /// Axis 5.
    MultiDomain(MultiDomainFigures),
}

/// Axis 1, strategic assets.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategicAssetsFigures {
    /// Line ids of the axis that have no data, in catalogue order.
    pub lines_without_data: Vec<String>,
    /// The IAMD saturation model's figures, or why it refused its inputs.
    pub iamd: Result<IamdFigures, ModelRefusal>,
}

/// The IAMD saturation model's central case, with the scenario's US contribution and without
/// the US, and its ensemble when it ran.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdFigures {
    /// Days of the campaign.
    pub days: u32,
    /// Ballistic and cruise missiles leaking a day, with the US.
    pub missiles_leaking_per_day_with_us: f64,
    /// The same without the US.
    pub missiles_leaking_per_day_without_us: f64,
    /// Drones leaking a day, with the US.
    pub drones_leaking_per_day_with_us: f64,
    /// The same without the US.
    pub drones_leaking_per_day_without_us: f64,
    /// Share of all threats leaking, 0 to 1, with the US.
    pub leak_share_with_us: f64,
    /// The same without the US.
    pub leak_share_without_us: f64,
    /// Day the long-range interceptors run out with the US; `None` when they last all `days`.
    pub long_range_runs_out_day_with_us: Option<u32>,
    /// The same without the US.
    pub long_range_runs_out_day_without_us: Option<u32>,
    /// The ensemble over the scenario's uncertainties (mean and p5–p95); `None` when it did not
    /// run.
    pub ensemble: Option<IamdEnsembleFigures>,
}

/// The IAMD ensemble's headline figures: mean and p5–p95.
#[derive(Clone, Debug, PartialEq)]
pub struct IamdEnsembleFigures {
    /// Runs.
    pub runs: u64,
    /// Share of all threats leaking, 0 to 1, Europe alone.
    pub leak_share_without_us: Spread,
    /// The same with the US.
    pub leak_share_with_us: Spread,
    /// Day the long-range interceptors run out, Europe alone: the share of runs where they
    /// last the campaign, and the day (mean, p5–p95) over the runs where they run out.
    pub long_range_runs_out_day_without_us: CensoredSpread,
    /// The same with the US.
    pub long_range_runs_out_day_with_us: CensoredSpread,
}

/// Axis 2, nuclear deterrence.
#[derive(Clone, Debug, PartialEq)]
pub struct NuclearFigures {
    /// Share of the US nuclear posture the scenario keeps, 0 to 1.
    pub us_posture_share: f64,
    /// Credibility of the umbrella with the US as today, 0 to 1, at the end of the horizon
    /// (`year`), after the US elections of `us_election_years`.
    pub credibility_us_as_today: f64,
    /// The year the credibilities are given for (the nuclear model's last year).
    pub year: u16,
    /// The US elections between the model's first year and `year`, each of which may withdraw
    /// the commitment.
    pub us_election_years: Vec<u16>,
    /// The credibility with the scenario's US posture in the model's first year (before any
    /// election), with that year.
    pub credibility_with_us_first_year: Option<(u16, f64)>,
    /// Credibility with the scenario's US posture.
    pub credibility_with_us: f64,
    /// Its p5–p95 over the scenario's uncertainties, when the ensemble ran.
    pub credibility_with_us_range: Option<Spread>,
    /// Credibility without the US.
    pub credibility_without_us: f64,
    /// Its p5–p95, when the ensemble ran.
    pub credibility_without_us_range: Option<Spread>,
    /// Russia's survivable warheads.
    pub russian_survivable_warheads: f64,
    /// Each patron's umbrella with the scenario's US posture.
    pub patrons: Vec<PatronFigures>,
    /// The non-strategic balance with the scenario's US posture.
    pub balance_with_us: Balance,
    /// The same without the US.
    pub balance_without_us: Balance,
}

/// One patron's umbrella: its credibility, the product of five factors.
#[derive(Clone, Debug, PartialEq)]
pub struct PatronFigures {
    /// ISO 3166 alpha-3 code (or a label such as `national`).
    pub state: String,
    /// Credibility, 0 to 1.
    pub credibility: f64,
    /// Formal commitment, 0 to 1.
    pub commitment: f64,
    /// Capability `min(1, W_s / D)`, 0 to 1.
    pub capability: f64,
    /// Resolve, 0 to 1.
    pub resolve: f64,
    /// Political continuity, 0 to 1.
    pub political_continuity: f64,
    /// Forward presence, 0 to 1.
    pub forward_presence: f64,
    /// Survivable warheads `W_s`.
    pub survivable_warheads: f64,
    /// `W_s / D`, survivable warheads over the unacceptable damage.
    pub adequacy_ratio: f64,
}

/// Axis 3, financial base.
#[derive(Clone, Debug, PartialEq)]
pub struct FinancialFigures {
    /// Cost to close Europe's costed gaps over the horizon, EUR bn.
    pub cost_to_close_eur_bn: f64,
    /// Cumulative budget headroom over the horizon, EUR bn.
    pub cumulative_headroom_eur_bn: f64,
    /// Extra spending a year at today's GDP, EUR bn.
    pub extra_spending_a_year_eur_bn: f64,
    /// Year the last critical gap closes; `None` when one is still open at `end_year`.
    pub last_critical_gap_closes_year: Option<u16>,
    /// Last year of the horizon.
    pub end_year: u16,
}

/// Axis 4: the alliance decision-time model.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionFigures {
    /// The time within which a decision is needed, hours.
    pub required_hours: f64,
    /// Monte Carlo draws.
    pub runs: u64,
    /// Probability of deciding in time, Europeans alone, with its 90 % interval.
    pub p_in_time_without_us: Spread,
    /// The same with the US leading.
    pub p_in_time_us_leading: Spread,
    /// The same under the scenario's US posture.
    pub p_in_time_scenario: f64,
    /// Per decision body, without the US.
    pub bodies: Vec<BodyFigures>,
}

/// One decision body without the US.
#[derive(Clone, Debug, PartialEq)]
pub struct BodyFigures {
    /// Body id (`nac`, `eu_cfsp`, `eu_qmv`, `willing`).
    pub body: &'static str,
    /// Median hours to decide; `None` when it never decides.
    pub median_hours_without_us: Option<f64>,
    /// Probability that the rule is never met, 0 to 1.
    pub p_paralysis_without_us: f64,
}

/// Axis 5, multi-domain forces.
#[derive(Clone, Debug, PartialEq)]
pub struct MultiDomainFigures {
    /// Per domain with data (`land`, `maritime`, `air`, `strike`, `space`): Europe's own score,
    /// 0 to 1.
    pub domain_scores_without_us: Vec<DomainScore>,
    /// The force package standing for the US land contribution, when the scenario sets one, or
    /// why it could not be derived.
    pub force_package: Option<Result<ForcePackage, ModelRefusal>>,
}

/// One domain's score.
#[derive(Clone, Debug, PartialEq)]
pub struct DomainScore {
    /// Domain id.
    pub domain: &'static str,
    /// Score without the US, 0 to 1.
    pub score_without_us: f64,
}
