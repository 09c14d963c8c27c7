//! The parameter catalogue: every judgement parameter of every model, declared once as a typed
//! name.
//!
//! A [`Param`] is the only way code reads a judgement parameter, so a misspelt name does not
//! compile, and a name that compiles exists: the embedded baseline scenario defines every
//! catalogue entry (its default, unit, distribution and one-line rationale live there, where a
//! reader of the assumptions finds them) and a scenario that names anything else fails to load
//! with a located error. Here each entry adds what the code needs: the model that reads it and
//! whether it is an uncertainty (something an ensemble or `explore` may vary) or a setting of the
//! run or of the report (a clock step, a horizon, a verdict threshold), which is never drawn.

use std::fmt;
use std::sync::OnceLock;

/// The model (or stage) that reads a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Model {
    /// Capability ledger: availability, verdict thresholds, threat ratios.
    Ledger,
    /// The assessment's own settings (its horizon).
    Assessment,
    /// Budget projection: spending paths, GDP growth, EU instruments.
    Budget,
    /// Cost and time to close: operating costs, production ramps, fallbacks.
    Closure,
    /// A force given in troops turned into brigades.
    ForcePackage,
    /// The Baltic campaign.
    Campaign,
    /// Air and missile defence saturation.
    Iamd,
    /// Nuclear balance and extended deterrence.
    Nuclear,
    /// Alliance decision time.
    Decision,
    /// Russia's force over time and the readiness clocks.
    Threat,
    /// Europe's land build-up from the budget headroom beyond its gaps.
    Buildup,
}

impl Model {
    /// The model's name as the CLI and reports spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Model::Ledger => "ledger",
            Model::Assessment => "assessment",
            Model::Budget => "budget",
            Model::Closure => "closure",
            Model::ForcePackage => "force_package",
            Model::Campaign => "campaign",
            Model::Iamd => "iamd",
            Model::Nuclear => "nuclear",
            Model::Decision => "decision",
            Model::Threat => "threat",
            Model::Buildup => "buildup",
        }
    }
}

/// Whether a parameter is an uncertainty or a setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A judgement about the world that an ensemble may draw from its distribution.
    Uncertain,
    /// A setting of the run or of the report (a clock, a horizon, a threshold): always its
    /// central value, never drawn.
    Setting,
}

macro_rules! catalogue {
    ($($variant:ident = $name:literal, $model:ident, $kind:ident;)*) => {
        /// A judgement parameter of the catalogue; its variant documentation is its name in
        /// scenario files.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Param {
            $(#[doc = $name] $variant,)*
        }

        impl Param {
            /// Every parameter, in the order of the baseline scenario.
            pub const ALL: &'static [Param] = &[$(Param::$variant,)*];

            /// Its name under `[parameters]` in scenario files.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Param::$variant => $name,)*
                }
            }

            /// The model that reads it.
            pub const fn model(self) -> Model {
                match self {
                    $(Param::$variant => Model::$model,)*
                }
            }

            /// Whether an ensemble may draw it.
            pub const fn kind(self) -> Kind {
                match self {
                    $(Param::$variant => Kind::$kind,)*
                }
            }
        }
    };
}

impl Param {
    /// The parameter of that name, for names composed from data (a country's refusal
    /// probability, a nuclear leg's survival); `None` when the catalogue has no such name.
    pub fn from_name(name: &str) -> Option<Param> {
        // The names sorted once, then bisected: composed names are looked up on every run of
        // the nuclear ranges, and a scan compares hundreds of names per look-up.
        static BY_NAME: OnceLock<Vec<(&'static str, Param)>> = OnceLock::new();
        let by_name = BY_NAME.get_or_init(|| {
            let mut by_name: Vec<_> = Param::ALL.iter().map(|p| (p.name(), *p)).collect();
            by_name.sort_unstable();
            by_name
        });
        by_name.binary_search_by(|(n, _)| (*n).cmp(name)).ok().map(|at| by_name[at].1)
    }

    /// Its position in [`Param::ALL`], for tables indexed by parameter.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The parameters of one model.
    pub fn of_model(model: Model) -> impl Iterator<Item = Param> {
        Param::ALL.iter().copied().filter(move |p| p.model() == model)
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

catalogue! {
    AvailabilityLand = "availability_land", Ledger, Uncertain;
    AvailabilityAir = "availability_air", Ledger, Uncertain;
    AvailabilityMaritime = "availability_maritime", Ledger, Uncertain;
    AvailabilityIamd = "availability_iamd", Ledger, Uncertain;
    AvailabilitySpace = "availability_space", Ledger, Uncertain;
    CoverageSelfSufficient = "coverage_self_sufficient", Ledger, Setting;
    CoveragePartiallyDependent = "coverage_partially_dependent", Ledger, Setting;
    HorizonYears = "horizon_years", Assessment, Setting;
    DefenceInflationExcess = "defence_inflation_excess", Budget, Uncertain;
    ThreatRatio = "threat_ratio", Ledger, Uncertain;
    RealGdpGrowth = "real_gdp_growth", Budget, Uncertain;
    TargetCorePct = "target_core_pct", Budget, Uncertain;
    TargetRelatedPct = "target_related_pct", Budget, Uncertain;
    TargetYear = "target_year", Budget, Setting;
    EuSafeLoansEurBn = "eu_safe_loans_eur_bn", Budget, Uncertain;
    SafeFirstYear = "safe_first_year", Budget, Setting;
    SafeLastYear = "safe_last_year", Budget, Setting;
    Readiness2030FiscalSpaceEurBn = "readiness_2030_fiscal_space_eur_bn", Budget, Uncertain;
    Readiness2030FirstYear = "readiness_2030_first_year", Budget, Setting;
    Readiness2030LastYear = "readiness_2030_last_year", Budget, Setting;
    Readiness2030UseBeyondPath = "readiness_2030_use_beyond_path", Budget, Uncertain;
    OperatingCostFraction = "operating_cost_fraction", Closure, Uncertain;
    ProductionGrowth = "production_growth", Closure, Uncertain;
    ProductionCapMultiple = "production_cap_multiple", Closure, Uncertain;
    ImportShare = "import_share", Closure, Uncertain;
    FallbackLeadTimeYears = "fallback_lead_time_years", Closure, Uncertain;
    FallbackProductionShare = "fallback_production_share", Closure, Uncertain;
    PersonnelCostEurK = "personnel_cost_eur_k", Closure, Uncertain;
    ForcePackageTroops = "force_package_troops", ForcePackage, Uncertain;
    ForcePackageTroopsPerBrigade = "force_package_troops_per_brigade", ForcePackage, Uncertain;
    IamdCampaignDays = "iamd_campaign_days", Iamd, Uncertain;
    IamdAreaToDefendKm2 = "iamd_area_to_defend_km2", Iamd, Uncertain;
    IamdUpperAreaPerFireUnitKm2 = "iamd_upper_area_per_fire_unit_km2", Iamd, Uncertain;
    IamdLowerAreaPerFireUnitKm2 = "iamd_lower_area_per_fire_unit_km2", Iamd, Uncertain;
    IamdThreatProductionShare = "iamd_threat_production_share", Iamd, Uncertain;
    IamdBallisticStock = "iamd_ballistic_stock", Iamd, Uncertain;
    IamdCruiseStock = "iamd_cruise_stock", Iamd, Uncertain;
    IamdDroneStock = "iamd_drone_stock", Iamd, Uncertain;
    IamdBallisticLaunchesPerDay = "iamd_ballistic_launches_per_day", Iamd, Uncertain;
    IamdCruiseLaunchesPerDay = "iamd_cruise_launches_per_day", Iamd, Uncertain;
    IamdDroneLaunchesPerDay = "iamd_drone_launches_per_day", Iamd, Uncertain;
    IamdUpperInterceptorStock = "iamd_upper_interceptor_stock", Iamd, Uncertain;
    IamdLowerInterceptorStock = "iamd_lower_interceptor_stock", Iamd, Uncertain;
    IamdUpperProductionPerMonth = "iamd_upper_production_per_month", Iamd, Uncertain;
    IamdLowerProductionPerMonth = "iamd_lower_production_per_month", Iamd, Uncertain;
    IamdUsUpperInterceptorStock = "iamd_us_upper_interceptor_stock", Iamd, Uncertain;
    IamdUsUpperProductionPerMonth = "iamd_us_upper_production_per_month", Iamd, Uncertain;
    IamdUpperPkBallistic = "iamd_upper_pk_ballistic", Iamd, Uncertain;
    IamdUpperPkCruise = "iamd_upper_pk_cruise", Iamd, Uncertain;
    IamdLowerPkCruise = "iamd_lower_pk_cruise", Iamd, Uncertain;
    IamdLowerPkDrone = "iamd_lower_pk_drone", Iamd, Uncertain;
    IamdUpperShotsBallistic = "iamd_upper_shots_ballistic", Iamd, Uncertain;
    IamdUpperShotsCruise = "iamd_upper_shots_cruise", Iamd, Uncertain;
    IamdLowerShotsCruise = "iamd_lower_shots_cruise", Iamd, Uncertain;
    IamdLowerShotsDrone = "iamd_lower_shots_drone", Iamd, Uncertain;
    NuclearShareIcbmRus = "nuclear_share_icbm_rus", Nuclear, Uncertain;
    NuclearShareSsbnRus = "nuclear_share_ssbn_rus", Nuclear, Uncertain;
    NuclearShareSsbnFra = "nuclear_share_ssbn_fra", Nuclear, Uncertain;
    NuclearAlertSsbnUsa = "nuclear_alert_ssbn_usa", Nuclear, Uncertain;
    NuclearAlertIcbmUsa = "nuclear_alert_icbm_usa", Nuclear, Uncertain;
    NuclearAlertAirUsa = "nuclear_alert_air_usa", Nuclear, Uncertain;
    NuclearAlertSsbnRus = "nuclear_alert_ssbn_rus", Nuclear, Uncertain;
    NuclearAlertIcbmRus = "nuclear_alert_icbm_rus", Nuclear, Uncertain;
    NuclearAlertAirRus = "nuclear_alert_air_rus", Nuclear, Uncertain;
    NuclearAlertSsbnGbr = "nuclear_alert_ssbn_gbr", Nuclear, Uncertain;
    NuclearAlertSsbnFra = "nuclear_alert_ssbn_fra", Nuclear, Uncertain;
    NuclearAlertAirFra = "nuclear_alert_air_fra", Nuclear, Uncertain;
    NuclearSurvivalSsbn = "nuclear_survival_ssbn", Nuclear, Uncertain;
    NuclearSurvivalAir = "nuclear_survival_air", Nuclear, Uncertain;
    NuclearSurvivalIcbm = "nuclear_survival_icbm", Nuclear, Uncertain;
    NuclearRusNonstrategicShareOfStored = "nuclear_rus_nonstrategic_share_of_stored", Nuclear, Uncertain;
    NuclearUnacceptableDamageWarheads = "nuclear_unacceptable_damage_warheads", Nuclear, Uncertain;
    NuclearResolveStakeFactor = "nuclear_resolve_stake_factor", Nuclear, Uncertain;
    NuclearValueWarheadsPerMillionPeople = "nuclear_value_warheads_per_million_people", Nuclear, Uncertain;
    NuclearStakeWeightTreaty = "nuclear_stake_weight_treaty", Nuclear, Uncertain;
    NuclearStakeWeightForces = "nuclear_stake_weight_forces", Nuclear, Uncertain;
    NuclearStakeWeightProximity = "nuclear_stake_weight_proximity", Nuclear, Uncertain;
    NuclearStakeTreatyUsa = "nuclear_stake_treaty_usa", Nuclear, Uncertain;
    NuclearStakeTreatyGbr = "nuclear_stake_treaty_gbr", Nuclear, Uncertain;
    NuclearStakeTreatyFra = "nuclear_stake_treaty_fra", Nuclear, Uncertain;
    NuclearStakeTreatyEuropean = "nuclear_stake_treaty_european", Nuclear, Uncertain;
    NuclearStakeForcesUsa = "nuclear_stake_forces_usa", Nuclear, Uncertain;
    NuclearStakeForcesGbr = "nuclear_stake_forces_gbr", Nuclear, Uncertain;
    NuclearStakeForcesFra = "nuclear_stake_forces_fra", Nuclear, Uncertain;
    NuclearStakeForcesEuropean = "nuclear_stake_forces_european", Nuclear, Uncertain;
    NuclearStakeProximityUsa = "nuclear_stake_proximity_usa", Nuclear, Uncertain;
    NuclearStakeProximityGbr = "nuclear_stake_proximity_gbr", Nuclear, Uncertain;
    NuclearStakeProximityFra = "nuclear_stake_proximity_fra", Nuclear, Uncertain;
    NuclearStakeProximityEuropean = "nuclear_stake_proximity_european", Nuclear, Uncertain;
    NuclearMissileDefenceUsa = "nuclear_missile_defence_usa", Nuclear, Uncertain;
    NuclearMissileDefenceGbr = "nuclear_missile_defence_gbr", Nuclear, Uncertain;
    NuclearMissileDefenceFra = "nuclear_missile_defence_fra", Nuclear, Uncertain;
    NuclearMissileDefenceEuropean = "nuclear_missile_defence_european", Nuclear, Uncertain;
    NuclearNonstrategicReachUsa = "nuclear_nonstrategic_reach_usa", Nuclear, Uncertain;
    NuclearNonstrategicReachGbr = "nuclear_nonstrategic_reach_gbr", Nuclear, Uncertain;
    NuclearNonstrategicReachFra = "nuclear_nonstrategic_reach_fra", Nuclear, Uncertain;
    NuclearNonstrategicReachEuropean = "nuclear_nonstrategic_reach_european", Nuclear, Uncertain;
    NuclearHorizonYears = "nuclear_horizon_years", Nuclear, Setting;
    NuclearCommitmentUsa = "nuclear_commitment_usa", Nuclear, Uncertain;
    NuclearCommitmentGbr = "nuclear_commitment_gbr", Nuclear, Uncertain;
    NuclearCommitmentFra = "nuclear_commitment_fra", Nuclear, Uncertain;
    NuclearReversalUsa = "nuclear_reversal_usa", Nuclear, Uncertain;
    NuclearReversalFra = "nuclear_reversal_fra", Nuclear, Uncertain;
    NuclearReversalGbr = "nuclear_reversal_gbr", Nuclear, Uncertain;
    NuclearElectionFirstYearUsa = "nuclear_election_first_year_usa", Nuclear, Uncertain;
    NuclearElectionFirstYearFra = "nuclear_election_first_year_fra", Nuclear, Uncertain;
    NuclearElectionFirstYearGbr = "nuclear_election_first_year_gbr", Nuclear, Uncertain;
    NuclearElectionFirstYearNational = "nuclear_election_first_year_national", Nuclear, Uncertain;
    NuclearElectionFirstYearEuropean = "nuclear_election_first_year_european", Nuclear, Uncertain;
    NuclearElectionIntervalEuropean = "nuclear_election_interval_european", Nuclear, Uncertain;
    NuclearReversalEuropean = "nuclear_reversal_european", Nuclear, Uncertain;
    NuclearElectionIntervalUsa = "nuclear_election_interval_usa", Nuclear, Uncertain;
    NuclearElectionIntervalFra = "nuclear_election_interval_fra", Nuclear, Uncertain;
    NuclearElectionIntervalGbr = "nuclear_election_interval_gbr", Nuclear, Uncertain;
    NuclearElectionIntervalNational = "nuclear_election_interval_national", Nuclear, Uncertain;
    NuclearReversalNational = "nuclear_reversal_national", Nuclear, Uncertain;
    NuclearPresenceUsa = "nuclear_presence_usa", Nuclear, Uncertain;
    NuclearPresenceFra = "nuclear_presence_fra", Nuclear, Uncertain;
    NuclearPresenceGbr = "nuclear_presence_gbr", Nuclear, Uncertain;
    NuclearOptUsUmbrellaCostEurBn = "nuclear_opt_us_umbrella_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptUsUmbrellaYears = "nuclear_opt_us_umbrella_years", Nuclear, Uncertain;
    NuclearOptUsUmbrellaEscalation = "nuclear_opt_us_umbrella_escalation", Nuclear, Uncertain;
    NuclearOptFrenchExtendedCostShare = "nuclear_opt_french_extended_cost_share", Nuclear, Uncertain;
    NuclearOptFrenchExtendedGain = "nuclear_opt_french_extended_gain", Nuclear, Uncertain;
    NuclearOptFrenchExtendedYears = "nuclear_opt_french_extended_years", Nuclear, Uncertain;
    NuclearOptFrenchExtendedEscalation = "nuclear_opt_french_extended_escalation", Nuclear, Uncertain;
    NuclearOptUkFrenchCoordinatedCostShare = "nuclear_opt_uk_french_coordinated_cost_share", Nuclear, Uncertain;
    NuclearOptUkFrenchCoordinatedGain = "nuclear_opt_uk_french_coordinated_gain", Nuclear, Uncertain;
    NuclearOptUkFrenchCoordinatedYears = "nuclear_opt_uk_french_coordinated_years", Nuclear, Uncertain;
    NuclearOptUkFrenchCoordinatedEscalation = "nuclear_opt_uk_french_coordinated_escalation", Nuclear, Uncertain;
    NuclearOptFrenchAircraftForwardCostEurBn = "nuclear_opt_french_aircraft_forward_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptFrenchAircraftForwardGain = "nuclear_opt_french_aircraft_forward_gain", Nuclear, Uncertain;
    NuclearOptFrenchAircraftForwardYears = "nuclear_opt_french_aircraft_forward_years", Nuclear, Uncertain;
    NuclearOptFrenchAircraftForwardEscalation = "nuclear_opt_french_aircraft_forward_escalation", Nuclear, Uncertain;
    NuclearOptFrenchExercisesCostEurBn = "nuclear_opt_french_exercises_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptFrenchExercisesGain = "nuclear_opt_french_exercises_gain", Nuclear, Uncertain;
    NuclearOptFrenchExercisesYears = "nuclear_opt_french_exercises_years", Nuclear, Uncertain;
    NuclearOptFrenchExercisesEscalation = "nuclear_opt_french_exercises_escalation", Nuclear, Uncertain;
    NuclearOptFrenchNpgLinkCostEurBn = "nuclear_opt_french_npg_link_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptFrenchNpgLinkGain = "nuclear_opt_french_npg_link_gain", Nuclear, Uncertain;
    NuclearOptFrenchNpgLinkYears = "nuclear_opt_french_npg_link_years", Nuclear, Uncertain;
    NuclearOptFrenchNpgLinkEscalation = "nuclear_opt_french_npg_link_escalation", Nuclear, Uncertain;
    NuclearOptLatentNationalCostEurBn = "nuclear_opt_latent_national_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptLatentNationalWarheads = "nuclear_opt_latent_national_warheads", Nuclear, Uncertain;
    NuclearOptLatentNationalYears = "nuclear_opt_latent_national_years", Nuclear, Uncertain;
    NuclearOptLatentNationalEscalation = "nuclear_opt_latent_national_escalation", Nuclear, Uncertain;
    NuclearOptNationalArsenalCostShare = "nuclear_opt_national_arsenal_cost_share", Nuclear, Uncertain;
    NuclearOptNationalArsenalWarheads = "nuclear_opt_national_arsenal_warheads", Nuclear, Uncertain;
    NuclearOptNationalArsenalYears = "nuclear_opt_national_arsenal_years", Nuclear, Uncertain;
    NuclearOptNationalArsenalEscalation = "nuclear_opt_national_arsenal_escalation", Nuclear, Uncertain;
    NuclearOptNationalCommitment = "nuclear_opt_national_commitment", Nuclear, Uncertain;
    NuclearOptConventionalStrikeCostEurBn = "nuclear_opt_conventional_strike_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptConventionalStrikeCredibility = "nuclear_opt_conventional_strike_credibility", Nuclear, Uncertain;
    NuclearOptConventionalStrikeYears = "nuclear_opt_conventional_strike_years", Nuclear, Uncertain;
    NuclearOptConventionalStrikeEscalation = "nuclear_opt_conventional_strike_escalation", Nuclear, Uncertain;
    NuclearNewStartExpired = "nuclear_new_start_expired", Nuclear, Setting;
    NuclearUploadRusWarheads = "nuclear_upload_rus_warheads", Nuclear, Uncertain;
    NuclearUploadUsaWarheads = "nuclear_upload_usa_warheads", Nuclear, Uncertain;
    NuclearPackageBudgetEurBn = "nuclear_package_budget_eur_bn", Nuclear, Setting;
    NuclearPackageByYear = "nuclear_package_by_year", Nuclear, Setting;
    NuclearPackageNptOnly = "nuclear_package_npt_only", Nuclear, Setting;
    NuclearOptEuropeanPooledCostEurBn = "nuclear_opt_european_pooled_cost_eur_bn", Nuclear, Uncertain;
    NuclearOptEuropeanPooledYears = "nuclear_opt_european_pooled_years", Nuclear, Uncertain;
    NuclearOptEuropeanPooledEscalation = "nuclear_opt_european_pooled_escalation", Nuclear, Uncertain;
    NuclearOptEuropeanPooledWarheadShare = "nuclear_opt_european_pooled_warhead_share", Nuclear, Uncertain;
    NuclearOptEuropeanPooledCommitment = "nuclear_opt_european_pooled_commitment", Nuclear, Uncertain;
    NuclearOptEuropeanPooledPresence = "nuclear_opt_european_pooled_presence", Nuclear, Uncertain;
    NuclearOptEuropeanPooledJointRelease = "nuclear_opt_european_pooled_joint_release", Nuclear, Setting;
    NuclearWeightCredibility = "nuclear_weight_credibility", Nuclear, Setting;
    NuclearWeightCost = "nuclear_weight_cost", Nuclear, Setting;
    NuclearWeightYears = "nuclear_weight_years", Nuclear, Setting;
    NuclearWeightEscalation = "nuclear_weight_escalation", Nuclear, Setting;
    NuclearWeightNpt = "nuclear_weight_npt", Nuclear, Setting;
    CampaignStepHours = "campaign_step_hours", Campaign, Setting;
    CampaignHorizonDays = "campaign_horizon_days", Campaign, Setting;
    CampaignHoldDay = "campaign_hold_day", Campaign, Setting;
    CampaignHoldConfidence = "campaign_hold_confidence", Campaign, Setting;
    CampaignRedEffectPerHour = "campaign_red_effect_per_hour", Campaign, Uncertain;
    CampaignBlueEffectPerHour = "campaign_blue_effect_per_hour", Campaign, Uncertain;
    CampaignExponent = "campaign_exponent", Campaign, Uncertain;
    CampaignRedSpeedKmPerHour = "campaign_red_speed_km_per_hour", Campaign, Uncertain;
    CampaignObjectiveKm = "campaign_objective_km", Campaign, Uncertain;
    CampaignStallRatio = "campaign_stall_ratio", Campaign, Uncertain;
    CampaignFullSpeedRatio = "campaign_full_speed_ratio", Campaign, Uncertain;
    CampaignBlueBreakFraction = "campaign_blue_break_fraction", Campaign, Uncertain;
    CampaignRedBreakFraction = "campaign_red_break_fraction", Campaign, Uncertain;
    CampaignPreparedDefence = "campaign_prepared_defence", Campaign, Uncertain;
    CampaignIsrPenalty = "campaign_isr_penalty", Campaign, Uncertain;
    CampaignAirBonusMax = "campaign_air_bonus_max", Campaign, Uncertain;
    CampaignAirHalfAircraft = "campaign_air_half_aircraft", Campaign, Uncertain;
    CampaignTankerFloor = "campaign_tanker_floor", Campaign, Uncertain;
    CampaignWarningDays = "campaign_warning_days", Campaign, Uncertain;
    CampaignRedGenerationDays = "campaign_red_generation_days", Campaign, Uncertain;
    CampaignRedAirShare = "campaign_red_air_share", Campaign, Uncertain;
    CampaignInplaceLightBn = "campaign_inplace_light_bn", Campaign, Uncertain;
    CampaignInplaceHeavyBn = "campaign_inplace_heavy_bn", Campaign, Uncertain;
    CampaignLightBnPower = "campaign_light_bn_power", Campaign, Uncertain;
    CampaignBattalionsPerBrigade = "campaign_battalions_per_brigade", Campaign, Uncertain;
    CampaignPersonnelPerBrigade = "campaign_personnel_per_brigade", Campaign, Uncertain;
    CampaignEuropeCommitShare = "campaign_europe_commit_share", Campaign, Uncertain;
    CampaignEuropeCommitResponse = "campaign_europe_commit_response", Campaign, Uncertain;
    CampaignEuropeCommitCapShare = "campaign_europe_commit_cap_share", Campaign, Uncertain;
    CampaignUsCommitShare = "campaign_us_commit_share", Campaign, Uncertain;
    CampaignUsSurgeBrigades = "campaign_us_surge_brigades", Campaign, Uncertain;
    CampaignUsSurgeFirstDays = "campaign_us_surge_first_days", Campaign, Uncertain;
    CampaignUsSurgeLastDays = "campaign_us_surge_last_days", Campaign, Uncertain;
    CampaignHeavyShare = "campaign_heavy_share", Campaign, Uncertain;
    CampaignReadinessFirstDays = "campaign_readiness_first_days", Campaign, Uncertain;
    CampaignReadinessLastDays = "campaign_readiness_last_days", Campaign, Uncertain;
    CampaignSurfaceKm = "campaign_surface_km", Campaign, Uncertain;
    CampaignSurfaceSpeedKmPerHour = "campaign_surface_speed_km_per_hour", Campaign, Uncertain;
    CampaignLoadingHours = "campaign_loading_hours", Campaign, Uncertain;
    CampaignBrigadeAirliftLoads = "campaign_brigade_airlift_loads", Campaign, Uncertain;
    CampaignA400mLoadShare = "campaign_a400m_load_share", Campaign, Uncertain;
    CampaignAirliftSortiesPerDay = "campaign_airlift_sorties_per_day", Campaign, Uncertain;
    CampaignAirCommitShare = "campaign_air_commit_share", Campaign, Uncertain;
    CampaignSeadNeeded = "campaign_sead_needed", Campaign, Uncertain;
    CampaignTankersNeeded = "campaign_tankers_needed", Campaign, Uncertain;
    CampaignRedIamdDenial = "campaign_red_iamd_denial", Campaign, Uncertain;
    CampaignBlueIamdDenial = "campaign_blue_iamd_denial", Campaign, Uncertain;
    CampaignEuropeIsrShare = "campaign_europe_isr_share", Campaign, Uncertain;
    CampaignYear = "campaign_year", Campaign, Setting;
    CampaignRedFixedBattalions = "campaign_red_fixed_battalions", Campaign, Setting;
    CampaignRedFirstEchelonShare = "campaign_red_first_echelon_share", Campaign, Uncertain;
    CampaignRedFollowonShare = "campaign_red_followon_share", Campaign, Uncertain;
    CampaignRedFollowonFirstDays = "campaign_red_followon_first_days", Campaign, Uncertain;
    CampaignRedFollowonLastDays = "campaign_red_followon_last_days", Campaign, Uncertain;
    CampaignBlueDenialLeftShare = "campaign_blue_denial_left_share", Campaign, Uncertain;
    CampaignBlueAmmoDays = "campaign_blue_ammo_days", Campaign, Uncertain;
    CampaignBlueResupplyShare = "campaign_blue_resupply_share", Campaign, Uncertain;
    CampaignRedAmmoDays = "campaign_red_ammo_days", Campaign, Uncertain;
    CampaignRedAmmoProductionShare = "campaign_red_ammo_production_share", Campaign, Uncertain;
    CampaignRedRoundsPerBattalionDay = "campaign_red_rounds_per_battalion_day", Campaign, Uncertain;
    DecisionCouncilHours = "decision_council_hours", Decision, Uncertain;
    DecisionGovernmentHours = "decision_government_hours", Decision, Uncertain;
    DecisionParliamentHours = "decision_parliament_hours", Decision, Uncertain;
    DecisionUnknownParliamentProbability = "decision_unknown_parliament_probability", Decision, Uncertain;
    DecisionGovernmentRefusalProbability = "decision_government_refusal_probability", Decision, Uncertain;
    DecisionParliamentRefusalProbability = "decision_parliament_refusal_probability", Decision, Uncertain;
    DecisionCoordinationPenaltyHours = "decision_coordination_penalty_hours", Decision, Uncertain;
    DecisionCoalitionForceShare = "decision_coalition_force_share", Decision, Uncertain;
    DecisionRefusalCorrelation = "decision_refusal_correlation", Decision, Uncertain;
    DecisionUsCongressGatesForces = "decision_us_congress_gates_forces", Decision, Setting;
    DecisionRequiredHours = "decision_required_hours", Decision, Uncertain;
    DecisionC2Weight = "decision_c2_weight", Decision, Uncertain;
    ThreatWarEndYear = "threat_war_end_year", Threat, Uncertain;
    ThreatLossScale = "threat_loss_scale", Threat, Uncertain;
    ThreatUkraineShareAtWar = "threat_ukraine_share_at_war", Threat, Uncertain;
    ThreatUkraineShareAfterWar = "threat_ukraine_share_after_war", Threat, Uncertain;
    ThreatReconstitutionYears = "threat_reconstitution_years", Threat, Uncertain;
    ThreatHeldBackShare = "threat_held_back_share", Threat, Uncertain;
    ThreatMobilisation = "threat_mobilisation", Threat, Uncertain;
    ThreatPersonnelPerBattalion = "threat_personnel_per_battalion", Threat, Uncertain;
    ThreatSpendingGrowthPct = "threat_spending_growth_pct", Threat, Uncertain;
    ThreatProductionCapMultiple = "threat_production_cap_multiple", Threat, Uncertain;
    ThreatSanctionsEffect = "threat_sanctions_effect", Threat, Uncertain;
    ThreatUnknownStockYears = "threat_unknown_stock_years", Threat, Uncertain;
    ThreatNewBuildShare = "threat_new_build_share", Threat, Uncertain;
    ThreatRetirementRate = "threat_retirement_rate", Threat, Uncertain;
    ThreatTanksPerBattalion = "threat_tanks_per_battalion", Threat, Uncertain;
    ThreatIfvsPerBattalion = "threat_ifvs_per_battalion", Threat, Uncertain;
    ThreatGunsPerBattalion = "threat_guns_per_battalion", Threat, Uncertain;
    ThreatLocalWarBattalions = "threat_local_war_battalions", Threat, Uncertain;
    ThreatRegionalWarBattalions = "threat_regional_war_battalions", Threat, Uncertain;
    ThreatLargeWarBattalions = "threat_large_war_battalions", Threat, Uncertain;
    BuildupLandShare = "buildup_land_share", Buildup, Uncertain;
    BuildupBrigadeYears = "buildup_brigade_years", Buildup, Uncertain;
    BuildupMaxBrigadesPerYear = "buildup_max_brigades_per_year", Buildup, Uncertain;
    BuildupForwardShare = "buildup_forward_share", Buildup, Uncertain;
    BuildupForwardMaxBrigades = "buildup_forward_max_brigades", Buildup, Uncertain;
    BuildupForwardRunningEurBn = "buildup_forward_running_eur_bn", Buildup, Uncertain;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for (idx, param) in Param::ALL.iter().enumerate() {
            assert_eq!(param.index(), idx);
            assert_eq!(Param::from_name(param.name()), Some(*param));
            assert!(param.name().chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
        }
        assert_eq!(Param::from_name("availabilty_air"), None);
        // The bisection answers as the scan over every name, for names in the catalogue and
        // names next to them (a prefix, an extension, before the first and after the last).
        let scan = |name: &str| Param::ALL.iter().copied().find(|p| p.name() == name);
        for param in Param::ALL {
            let name = param.name();
            for probe in [name.to_string(), format!("{name}_x"), name[..name.len() - 1].to_string()] {
                assert_eq!(Param::from_name(&probe), scan(&probe), "{probe}");
            }
        }
        for probe in ["", "a", "zzzz", "\u{10ffff}"] {
            assert_eq!(Param::from_name(probe), scan(probe), "{probe}");
        }
    }

    #[test]
    fn every_model_reads_some_parameter() {
        for model in [
            Model::Ledger,
            Model::Budget,
            Model::Closure,
            Model::Campaign,
            Model::Iamd,
            Model::Nuclear,
            Model::Decision,
            Model::Threat,
            Model::Buildup,
        ] {
            assert!(Param::of_model(model).next().is_some(), "{}", model.as_str());
        }
    }
}
