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
//! Each entry also carries a short label in English and in Japanese ([`Param::label`],
//! [`Param::label_ja`]): what the parameter is in plain words, so that page 1 of a report names
//! an assumption for a reader who has never seen the scenario file (the name stays in the
//! detailed sections and in JSON).

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
    ($($variant:ident = $name:literal, $model:ident, $kind:ident, $label:literal, $label_ja:literal;)*) => {
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

            /// What it is in a few English words, for readers who do not know its name
            /// (page 1 of the report names assumptions by these).
            pub const fn label(self) -> &'static str {
                match self {
                    $(Param::$variant => $label,)*
                }
            }

            /// [`Param::label`] in Japanese.
            pub const fn label_ja(self) -> &'static str {
                match self {
                    $(Param::$variant => $label_ja,)*
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
    AvailabilityLand = "availability_land", Ledger, Uncertain,
        "share of land equipment ready for use", "陸上装備の可動率";
    AvailabilityAir = "availability_air", Ledger, Uncertain,
        "share of aircraft mission-capable", "航空機の任務可能率";
    AvailabilityMaritime = "availability_maritime", Ledger, Uncertain,
        "share of ships available", "艦艇の可動率";
    AvailabilityIamd = "availability_iamd", Ledger, Uncertain,
        "share of air-defence units ready", "防空部隊の即応率";
    AvailabilitySpace = "availability_space", Ledger, Uncertain,
        "share of satellites available", "衛星の可用率";
    CoverageSelfSufficient = "coverage_self_sufficient", Ledger, Setting,
        "share of the requirement that counts as self-sufficient", "自立とみなす所要充足率";
    CoveragePartiallyDependent = "coverage_partially_dependent", Ledger, Setting,
        "share of the requirement below which Europe depends on the US", "米国依存とみなす所要充足率の下限";
    HorizonYears = "horizon_years", Assessment, Setting,
        "years the assessment looks ahead", "評価期間（年）";
    DefenceInflationExcess = "defence_inflation_excess", Budget, Uncertain,
        "defence prices' rise above general inflation (points a year)", "防衛物価の一般物価超過上昇率（年率ポイント）";
    ThreatRatio = "threat_ratio", Ledger, Uncertain,
        "share of the adversary's holding Europe must match", "敵保有量に対して必要な比率";
    RealGdpGrowth = "real_gdp_growth", Budget, Uncertain,
        "real GDP growth of European economies (% a year)", "欧州経済の実質GDP成長率（年率％）";
    TargetCorePct = "target_core_pct", Budget, Uncertain,
        "core defence spending target (% of GDP)", "中核防衛支出目標（GDP比％）";
    TargetRelatedPct = "target_related_pct", Budget, Uncertain,
        "defence-related spending target (% of GDP)", "防衛関連支出目標（GDP比％）";
    TargetYear = "target_year", Budget, Setting,
        "year the spending target is to be met", "支出目標の達成年";
    EuSafeLoansEurBn = "eu_safe_loans_eur_bn", Budget, Uncertain,
        "EU SAFE defence loans (EUR bn)", "EUのSAFE防衛融資（10億ユーロ）";
    SafeFirstYear = "safe_first_year", Budget, Setting,
        "first year of SAFE loans", "SAFE融資の初年";
    SafeLastYear = "safe_last_year", Budget, Setting,
        "last year of SAFE loans", "SAFE融資の最終年";
    Readiness2030FiscalSpaceEurBn = "readiness_2030_fiscal_space_eur_bn", Budget, Uncertain,
        "fiscal room opened by Readiness 2030 (EUR bn)", "Readiness 2030による財政余地（10億ユーロ）";
    Readiness2030FirstYear = "readiness_2030_first_year", Budget, Setting,
        "first year of the Readiness 2030 escape clause", "Readiness 2030例外条項の初年";
    Readiness2030LastYear = "readiness_2030_last_year", Budget, Setting,
        "last year of the Readiness 2030 escape clause", "Readiness 2030例外条項の最終年";
    Readiness2030UseBeyondPath = "readiness_2030_use_beyond_path", Budget, Uncertain,
        "share of the Readiness 2030 room spent beyond the spending path", "Readiness 2030の余地のうち支出経路を超えて使う割合";
    OperatingCostFraction = "operating_cost_fraction", Closure, Uncertain,
        "yearly operating cost as a share of purchase cost", "取得費に対する年間運用費の比率";
    ProductionGrowth = "production_growth", Closure, Uncertain,
        "growth of European arms production (% a year)", "欧州の兵器生産の伸び（年率％）";
    ProductionCapMultiple = "production_cap_multiple", Closure, Uncertain,
        "most that European production lines can grow (multiple of today)", "欧州生産ラインの拡大上限（現在の倍数）";
    ImportShare = "import_share", Closure, Uncertain,
        "share of new equipment bought outside Europe", "新規装備のうち欧州域外からの調達割合";
    FallbackLeadTimeYears = "fallback_lead_time_years", Closure, Uncertain,
        "assumed delivery lead time where none is sourced (years)", "出典のない場合の納入リードタイム（年）";
    FallbackProductionShare = "fallback_production_share", Closure, Uncertain,
        "assumed yearly delivery share where no production rate is sourced", "出典のない場合の年間納入割合";
    PersonnelCostEurK = "personnel_cost_eur_k", Closure, Uncertain,
        "yearly cost of one serviceperson (EUR thousand)", "兵員1人当たり年間費用（千ユーロ）";
    ForcePackageTroops = "force_package_troops", ForcePackage, Uncertain,
        "troops of the US force package Europe must replace", "欧州が代替すべき米軍戦力パッケージの兵員数";
    ForcePackageTroopsPerBrigade = "force_package_troops_per_brigade", ForcePackage, Uncertain,
        "troops per brigade in the force package", "戦力パッケージの旅団当たり兵員数";
    IamdCampaignDays = "iamd_campaign_days", Iamd, Uncertain,
        "length of the missile and drone campaign (days)", "ミサイル・ドローン攻撃の期間（日）";
    IamdAreaToDefendKm2 = "iamd_area_to_defend_km2", Iamd, Uncertain,
        "area of critical sites to defend (km²)", "防護すべき重要拠点の面積（km²）";
    IamdUpperAreaPerFireUnitKm2 = "iamd_upper_area_per_fire_unit_km2", Iamd, Uncertain,
        "area one long-range air-defence unit covers (km²)", "長射程防空部隊1個の防護面積（km²）";
    IamdLowerAreaPerFireUnitKm2 = "iamd_lower_area_per_fire_unit_km2", Iamd, Uncertain,
        "area one medium-range air-defence unit covers (km²)", "中射程防空部隊1個の防護面積（km²）";
    IamdThreatProductionShare = "iamd_threat_production_share", Iamd, Uncertain,
        "share of Russia's missile and drone output used against NATO", "ロシアのミサイル・ドローン生産のうち対NATO投入割合";
    IamdBallisticStock = "iamd_ballistic_stock", Iamd, Uncertain,
        "Russian ballistic missiles in stock", "ロシアの弾道ミサイル保有数";
    IamdCruiseStock = "iamd_cruise_stock", Iamd, Uncertain,
        "Russian cruise missiles in stock", "ロシアの巡航ミサイル保有数";
    IamdDroneStock = "iamd_drone_stock", Iamd, Uncertain,
        "Russian attack drones in stock", "ロシアの攻撃ドローン保有数";
    IamdBallisticLaunchesPerDay = "iamd_ballistic_launches_per_day", Iamd, Uncertain,
        "ballistic missiles launched a day", "1日当たり弾道ミサイル発射数";
    IamdCruiseLaunchesPerDay = "iamd_cruise_launches_per_day", Iamd, Uncertain,
        "cruise missiles launched a day", "1日当たり巡航ミサイル発射数";
    IamdDroneLaunchesPerDay = "iamd_drone_launches_per_day", Iamd, Uncertain,
        "attack drones launched a day", "1日当たり攻撃ドローン発射数";
    IamdUpperInterceptorStock = "iamd_upper_interceptor_stock", Iamd, Uncertain,
        "Europe's long-range interceptors in stock", "欧州の長射程迎撃弾の在庫";
    IamdLowerInterceptorStock = "iamd_lower_interceptor_stock", Iamd, Uncertain,
        "Europe's medium-range interceptors in stock", "欧州の中射程迎撃弾の在庫";
    IamdUpperProductionPerMonth = "iamd_upper_production_per_month", Iamd, Uncertain,
        "Europe's long-range interceptor output a month", "欧州の長射程迎撃弾の月産数";
    IamdLowerProductionPerMonth = "iamd_lower_production_per_month", Iamd, Uncertain,
        "Europe's medium-range interceptor output a month", "欧州の中射程迎撃弾の月産数";
    IamdUsUpperInterceptorStock = "iamd_us_upper_interceptor_stock", Iamd, Uncertain,
        "US long-range interceptors that come with US units", "米軍部隊に随伴する長射程迎撃弾";
    IamdUsUpperProductionPerMonth = "iamd_us_upper_production_per_month", Iamd, Uncertain,
        "US interceptor output sent to Europe a month", "欧州へ送られる米国の迎撃弾月産数";
    IamdUpperPkBallistic = "iamd_upper_pk_ballistic", Iamd, Uncertain,
        "kill chance of a long-range interceptor against a ballistic missile", "長射程迎撃弾の対弾道ミサイル撃破確率";
    IamdUpperPkCruise = "iamd_upper_pk_cruise", Iamd, Uncertain,
        "kill chance of a long-range interceptor against a cruise missile", "長射程迎撃弾の対巡航ミサイル撃破確率";
    IamdLowerPkCruise = "iamd_lower_pk_cruise", Iamd, Uncertain,
        "kill chance of a medium-range interceptor against a cruise missile", "中射程迎撃弾の対巡航ミサイル撃破確率";
    IamdLowerPkDrone = "iamd_lower_pk_drone", Iamd, Uncertain,
        "kill chance of a medium-range interceptor against a drone", "中射程迎撃弾の対ドローン撃破確率";
    IamdUpperShotsBallistic = "iamd_upper_shots_ballistic", Iamd, Uncertain,
        "long-range interceptors fired per ballistic missile", "弾道ミサイル1発当たりの長射程迎撃弾数";
    IamdUpperShotsCruise = "iamd_upper_shots_cruise", Iamd, Uncertain,
        "long-range interceptors fired per cruise missile", "巡航ミサイル1発当たりの長射程迎撃弾数";
    IamdLowerShotsCruise = "iamd_lower_shots_cruise", Iamd, Uncertain,
        "medium-range interceptors fired per cruise missile", "巡航ミサイル1発当たりの中射程迎撃弾数";
    IamdLowerShotsDrone = "iamd_lower_shots_drone", Iamd, Uncertain,
        "medium-range interceptors fired per drone", "ドローン1機当たりの中射程迎撃弾数";
    NuclearShareIcbmRus = "nuclear_share_icbm_rus", Nuclear, Uncertain,
        "share of Russia's strategic warheads on ICBMs", "ロシア戦略核弾頭のICBM搭載割合";
    NuclearShareSsbnRus = "nuclear_share_ssbn_rus", Nuclear, Uncertain,
        "share of Russia's strategic warheads on submarines", "ロシア戦略核弾頭のSLBM搭載割合";
    NuclearShareSsbnFra = "nuclear_share_ssbn_fra", Nuclear, Uncertain,
        "share of France's warheads on submarines", "フランス核弾頭のSLBM搭載割合";
    NuclearAlertSsbnUsa = "nuclear_alert_ssbn_usa", Nuclear, Uncertain,
        "share of US submarine warheads at sea", "海上にある米国SLBM弾頭の割合";
    NuclearAlertIcbmUsa = "nuclear_alert_icbm_usa", Nuclear, Uncertain,
        "share of US ICBMs on alert", "警戒態勢にある米国ICBMの割合";
    NuclearAlertAirUsa = "nuclear_alert_air_usa", Nuclear, Uncertain,
        "share of US bombers on alert", "警戒態勢にある米国爆撃機の割合";
    NuclearAlertSsbnRus = "nuclear_alert_ssbn_rus", Nuclear, Uncertain,
        "share of Russian submarine warheads at sea", "海上にあるロシアSLBM弾頭の割合";
    NuclearAlertIcbmRus = "nuclear_alert_icbm_rus", Nuclear, Uncertain,
        "share of Russian ICBMs on alert", "警戒態勢にあるロシアICBMの割合";
    NuclearAlertAirRus = "nuclear_alert_air_rus", Nuclear, Uncertain,
        "share of Russian bombers on alert", "警戒態勢にあるロシア爆撃機の割合";
    NuclearAlertSsbnGbr = "nuclear_alert_ssbn_gbr", Nuclear, Uncertain,
        "share of UK submarine warheads at sea", "海上にある英国SLBM弾頭の割合";
    NuclearAlertSsbnFra = "nuclear_alert_ssbn_fra", Nuclear, Uncertain,
        "share of French submarine warheads at sea", "海上にあるフランスSLBM弾頭の割合";
    NuclearAlertAirFra = "nuclear_alert_air_fra", Nuclear, Uncertain,
        "share of French nuclear aircraft on alert", "警戒態勢にあるフランス核搭載機の割合";
    NuclearSurvivalSsbn = "nuclear_survival_ssbn", Nuclear, Uncertain,
        "chance a submarine on patrol survives a first strike", "哨戒中の潜水艦が先制攻撃を生き残る確率";
    NuclearSurvivalAir = "nuclear_survival_air", Nuclear, Uncertain,
        "chance alert aircraft survive a first strike", "警戒機が先制攻撃を生き残る確率";
    NuclearSurvivalIcbm = "nuclear_survival_icbm", Nuclear, Uncertain,
        "chance an ICBM survives a first strike", "ICBMが先制攻撃を生き残る確率";
    NuclearRusNonstrategicShareOfStored = "nuclear_rus_nonstrategic_share_of_stored", Nuclear, Uncertain,
        "share of Russia's stored warheads that are non-strategic", "ロシア貯蔵弾頭のうち非戦略核の割合";
    NuclearUnacceptableDamageWarheads = "nuclear_unacceptable_damage_warheads", Nuclear, Uncertain,
        "surviving warheads an adversary finds unacceptable", "敵が受け入れ難いとみなす残存弾頭数";
    NuclearResolveStakeFactor = "nuclear_resolve_stake_factor", Nuclear, Uncertain,
        "how much a patron's stake in an ally raises its resolve", "同盟国への利害が保護国の決意を高める度合い";
    NuclearValueWarheadsPerMillionPeople = "nuclear_value_warheads_per_million_people", Nuclear, Uncertain,
        "warheads that stand for a million people's worth", "人口100万人に相当する弾頭数";
    NuclearStakeWeightTreaty = "nuclear_stake_weight_treaty", Nuclear, Uncertain,
        "weight of a defence treaty in a patron's stake", "保護国の利害における防衛条約の重み";
    NuclearStakeWeightForces = "nuclear_stake_weight_forces", Nuclear, Uncertain,
        "weight of stationed forces in a patron's stake", "保護国の利害における駐留部隊の重み";
    NuclearStakeWeightProximity = "nuclear_stake_weight_proximity", Nuclear, Uncertain,
        "weight of proximity in a patron's stake", "保護国の利害における近接性の重み";
    NuclearStakeTreatyUsa = "nuclear_stake_treaty_usa", Nuclear, Uncertain,
        "US treaty commitment to the eastern flank", "東部正面への米国の条約上の関与";
    NuclearStakeTreatyGbr = "nuclear_stake_treaty_gbr", Nuclear, Uncertain,
        "UK treaty commitment to the eastern flank", "東部正面への英国の条約上の関与";
    NuclearStakeTreatyFra = "nuclear_stake_treaty_fra", Nuclear, Uncertain,
        "French treaty commitment to the eastern flank", "東部正面へのフランスの条約上の関与";
    NuclearStakeTreatyEuropean = "nuclear_stake_treaty_european", Nuclear, Uncertain,
        "a European force's treaty commitment", "欧州共同戦力の条約上の関与";
    NuclearStakeForcesUsa = "nuclear_stake_forces_usa", Nuclear, Uncertain,
        "US forces stationed on the eastern flank (share of stake)", "東部正面の米軍駐留（利害の割合）";
    NuclearStakeForcesGbr = "nuclear_stake_forces_gbr", Nuclear, Uncertain,
        "UK forces stationed on the eastern flank (share of stake)", "東部正面の英軍駐留（利害の割合）";
    NuclearStakeForcesFra = "nuclear_stake_forces_fra", Nuclear, Uncertain,
        "French forces stationed on the eastern flank (share of stake)", "東部正面の仏軍駐留（利害の割合）";
    NuclearStakeForcesEuropean = "nuclear_stake_forces_european", Nuclear, Uncertain,
        "a European force's own forces on the flank (share of stake)", "東部正面の欧州共同戦力（利害の割合）";
    NuclearStakeProximityUsa = "nuclear_stake_proximity_usa", Nuclear, Uncertain,
        "the US's closeness to the eastern flank", "米国の東部正面への近さ";
    NuclearStakeProximityGbr = "nuclear_stake_proximity_gbr", Nuclear, Uncertain,
        "the UK's closeness to the eastern flank", "英国の東部正面への近さ";
    NuclearStakeProximityFra = "nuclear_stake_proximity_fra", Nuclear, Uncertain,
        "France's closeness to the eastern flank", "フランスの東部正面への近さ";
    NuclearStakeProximityEuropean = "nuclear_stake_proximity_european", Nuclear, Uncertain,
        "a European force's closeness to the eastern flank", "欧州共同戦力の東部正面への近さ";
    NuclearMissileDefenceUsa = "nuclear_missile_defence_usa", Nuclear, Uncertain,
        "share of warheads US missile defence stops", "米国ミサイル防衛が阻止する弾頭の割合";
    NuclearMissileDefenceGbr = "nuclear_missile_defence_gbr", Nuclear, Uncertain,
        "share of warheads UK missile defence stops", "英国ミサイル防衛が阻止する弾頭の割合";
    NuclearMissileDefenceFra = "nuclear_missile_defence_fra", Nuclear, Uncertain,
        "share of warheads French missile defence stops", "フランスのミサイル防衛が阻止する弾頭の割合";
    NuclearMissileDefenceEuropean = "nuclear_missile_defence_european", Nuclear, Uncertain,
        "share of warheads European missile defence stops", "欧州ミサイル防衛が阻止する弾頭の割合";
    NuclearNonstrategicReachUsa = "nuclear_nonstrategic_reach_usa", Nuclear, Uncertain,
        "share of Russian non-strategic warheads that reach the US", "米国に届くロシア非戦略核の割合";
    NuclearNonstrategicReachGbr = "nuclear_nonstrategic_reach_gbr", Nuclear, Uncertain,
        "share of Russian non-strategic warheads that reach the UK", "英国に届くロシア非戦略核の割合";
    NuclearNonstrategicReachFra = "nuclear_nonstrategic_reach_fra", Nuclear, Uncertain,
        "share of Russian non-strategic warheads that reach France", "フランスに届くロシア非戦略核の割合";
    NuclearNonstrategicReachEuropean = "nuclear_nonstrategic_reach_european", Nuclear, Uncertain,
        "share of Russian non-strategic warheads that reach a European force", "欧州共同戦力に届くロシア非戦略核の割合";
    NuclearHorizonYears = "nuclear_horizon_years", Nuclear, Setting,
        "years an ally needs the commitment to last", "同盟国が関与の継続を必要とする年数";
    NuclearCommitmentUsa = "nuclear_commitment_usa", Nuclear, Uncertain,
        "how firmly the US commits its deterrent to Europe", "米国の核抑止の欧州への関与の強さ";
    NuclearCommitmentGbr = "nuclear_commitment_gbr", Nuclear, Uncertain,
        "how firmly the UK commits its deterrent to Europe", "英国の核抑止の欧州への関与の強さ";
    NuclearCommitmentFra = "nuclear_commitment_fra", Nuclear, Uncertain,
        "how firmly France commits its deterrent to Europe", "フランスの核抑止の欧州への関与の強さ";
    NuclearReversalUsa = "nuclear_reversal_usa", Nuclear, Uncertain,
        "chance a US election abandons the commitment", "米国の選挙で関与が放棄される確率";
    NuclearReversalFra = "nuclear_reversal_fra", Nuclear, Uncertain,
        "chance a French election reverses the commitment", "フランスの選挙で関与が覆される確率";
    NuclearReversalGbr = "nuclear_reversal_gbr", Nuclear, Uncertain,
        "chance a UK election reverses the commitment", "英国の選挙で関与が覆される確率";
    NuclearElectionFirstYearUsa = "nuclear_election_first_year_usa", Nuclear, Uncertain,
        "year of the next US presidential election", "次期米国大統領選挙の年";
    NuclearElectionFirstYearFra = "nuclear_election_first_year_fra", Nuclear, Uncertain,
        "year of the next French presidential election", "次期フランス大統領選挙の年";
    NuclearElectionFirstYearGbr = "nuclear_election_first_year_gbr", Nuclear, Uncertain,
        "year of the next UK general election", "次期英国総選挙の年";
    NuclearElectionFirstYearNational = "nuclear_election_first_year_national", Nuclear, Uncertain,
        "year of the next election of a national deterrent's owner", "国家核抑止保有国の次期選挙の年";
    NuclearElectionFirstYearEuropean = "nuclear_election_first_year_european", Nuclear, Uncertain,
        "year of the next European Parliament election", "次期欧州議会選挙の年";
    NuclearElectionIntervalEuropean = "nuclear_election_interval_european", Nuclear, Uncertain,
        "years between European Parliament elections", "欧州議会選挙の間隔（年）";
    NuclearReversalEuropean = "nuclear_reversal_european", Nuclear, Uncertain,
        "chance an election withdraws a European force's commitment", "選挙で欧州共同戦力の関与が撤回される確率";
    NuclearElectionIntervalUsa = "nuclear_election_interval_usa", Nuclear, Uncertain,
        "years between US presidential elections", "米国大統領選挙の間隔（年）";
    NuclearElectionIntervalFra = "nuclear_election_interval_fra", Nuclear, Uncertain,
        "years between French presidential elections", "フランス大統領選挙の間隔（年）";
    NuclearElectionIntervalGbr = "nuclear_election_interval_gbr", Nuclear, Uncertain,
        "years between UK general elections", "英国総選挙の間隔（年）";
    NuclearElectionIntervalNational = "nuclear_election_interval_national", Nuclear, Uncertain,
        "years between a national deterrent owner's elections", "国家核抑止保有国の選挙の間隔（年）";
    NuclearReversalNational = "nuclear_reversal_national", Nuclear, Uncertain,
        "chance an election reverses a national deterrent's extension", "選挙で国家核抑止の拡大が覆される確率";
    NuclearPresenceUsa = "nuclear_presence_usa", Nuclear, Uncertain,
        "US nuclear weapons based in Europe (share of presence)", "欧州に配備された米国の核兵器（プレゼンス）";
    NuclearPresenceFra = "nuclear_presence_fra", Nuclear, Uncertain,
        "French nuclear forces based abroad (share of presence)", "国外に配備されたフランス核戦力（プレゼンス）";
    NuclearPresenceGbr = "nuclear_presence_gbr", Nuclear, Uncertain,
        "UK nuclear forces based abroad (share of presence)", "国外に配備された英国核戦力（プレゼンス）";
    NuclearOptUsUmbrellaCostEurBn = "nuclear_opt_us_umbrella_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost to Europe of keeping the US umbrella (EUR bn)", "米国の核の傘を維持する欧州の年間費用（10億ユーロ）";
    NuclearOptUsUmbrellaYears = "nuclear_opt_us_umbrella_years", Nuclear, Uncertain,
        "years until the US umbrella option is in place", "米国の核の傘の選択肢が整うまでの年数";
    NuclearOptUsUmbrellaEscalation = "nuclear_opt_us_umbrella_escalation", Nuclear, Uncertain,
        "escalation risk of keeping the US umbrella", "米国の核の傘を維持する場合のエスカレーション・リスク";
    NuclearOptFrenchExtendedCostShare = "nuclear_opt_french_extended_cost_share", Nuclear, Uncertain,
        "cost of an extended French deterrent (share of France's nuclear spending)", "フランス核抑止の拡大の費用（フランス核支出比）";
    NuclearOptFrenchExtendedGain = "nuclear_opt_french_extended_gain", Nuclear, Uncertain,
        "gain in French commitment from a declared guarantee", "保証の宣言によるフランスの関与の上昇";
    NuclearOptFrenchExtendedYears = "nuclear_opt_french_extended_years", Nuclear, Uncertain,
        "years to extend the French deterrent", "フランス核抑止の拡大に要する年数";
    NuclearOptFrenchExtendedEscalation = "nuclear_opt_french_extended_escalation", Nuclear, Uncertain,
        "escalation risk of an extended French deterrent", "フランス核抑止の拡大のエスカレーション・リスク";
    NuclearOptUkFrenchCoordinatedCostShare = "nuclear_opt_uk_french_coordinated_cost_share", Nuclear, Uncertain,
        "cost of UK–French coordination (share of their nuclear spending)", "英仏協調の費用（両国核支出比）";
    NuclearOptUkFrenchCoordinatedGain = "nuclear_opt_uk_french_coordinated_gain", Nuclear, Uncertain,
        "gain in commitment from UK–French coordination", "英仏協調による関与の上昇";
    NuclearOptUkFrenchCoordinatedYears = "nuclear_opt_uk_french_coordinated_years", Nuclear, Uncertain,
        "years to set up UK–French coordination", "英仏協調の構築に要する年数";
    NuclearOptUkFrenchCoordinatedEscalation = "nuclear_opt_uk_french_coordinated_escalation", Nuclear, Uncertain,
        "escalation risk of UK–French coordination", "英仏協調のエスカレーション・リスク";
    NuclearOptFrenchAircraftForwardCostEurBn = "nuclear_opt_french_aircraft_forward_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost of basing French nuclear aircraft abroad (EUR bn)", "フランス核搭載機の国外配備の年間費用（10億ユーロ）";
    NuclearOptFrenchAircraftForwardGain = "nuclear_opt_french_aircraft_forward_gain", Nuclear, Uncertain,
        "gain in French presence from aircraft based abroad", "国外配備機によるフランスのプレゼンスの上昇";
    NuclearOptFrenchAircraftForwardYears = "nuclear_opt_french_aircraft_forward_years", Nuclear, Uncertain,
        "years to base French nuclear aircraft abroad", "フランス核搭載機の国外配備に要する年数";
    NuclearOptFrenchAircraftForwardEscalation = "nuclear_opt_french_aircraft_forward_escalation", Nuclear, Uncertain,
        "escalation risk of French nuclear aircraft abroad", "フランス核搭載機の国外配備のエスカレーション・リスク";
    NuclearOptFrenchExercisesCostEurBn = "nuclear_opt_french_exercises_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost of allies joining French nuclear exercises (EUR bn)", "フランス核演習への同盟国参加の年間費用（10億ユーロ）";
    NuclearOptFrenchExercisesGain = "nuclear_opt_french_exercises_gain", Nuclear, Uncertain,
        "gain in French presence from joint exercises", "共同演習によるフランスのプレゼンスの上昇";
    NuclearOptFrenchExercisesYears = "nuclear_opt_french_exercises_years", Nuclear, Uncertain,
        "years to open French nuclear exercises to allies", "フランス核演習を同盟国に開くまでの年数";
    NuclearOptFrenchExercisesEscalation = "nuclear_opt_french_exercises_escalation", Nuclear, Uncertain,
        "escalation risk of joint French nuclear exercises", "フランス共同核演習のエスカレーション・リスク";
    NuclearOptFrenchNpgLinkCostEurBn = "nuclear_opt_french_npg_link_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost of a French link to NATO's Nuclear Planning Group (EUR bn)", "NATO核計画グループとのフランスの連携の年間費用（10億ユーロ）";
    NuclearOptFrenchNpgLinkGain = "nuclear_opt_french_npg_link_gain", Nuclear, Uncertain,
        "gain in French commitment from a Nuclear Planning Group link", "核計画グループとの連携によるフランスの関与の上昇";
    NuclearOptFrenchNpgLinkYears = "nuclear_opt_french_npg_link_years", Nuclear, Uncertain,
        "years to link France to the Nuclear Planning Group", "フランスを核計画グループに連携させるまでの年数";
    NuclearOptFrenchNpgLinkEscalation = "nuclear_opt_french_npg_link_escalation", Nuclear, Uncertain,
        "escalation risk of a French Nuclear Planning Group link", "フランスの核計画グループ連携のエスカレーション・リスク";
    NuclearOptLatentNationalCostEurBn = "nuclear_opt_latent_national_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost of a latent national nuclear capability (EUR bn)", "潜在的な国家核能力の年間費用（10億ユーロ）";
    NuclearOptLatentNationalWarheads = "nuclear_opt_latent_national_warheads", Nuclear, Uncertain,
        "warheads a latent capability deters like", "潜在能力が相当する抑止弾頭数";
    NuclearOptLatentNationalYears = "nuclear_opt_latent_national_years", Nuclear, Uncertain,
        "years to build a latent national capability", "潜在的な国家核能力の構築に要する年数";
    NuclearOptLatentNationalEscalation = "nuclear_opt_latent_national_escalation", Nuclear, Uncertain,
        "escalation risk of a latent national capability", "潜在的な国家核能力のエスカレーション・リスク";
    NuclearOptNationalArsenalCostShare = "nuclear_opt_national_arsenal_cost_share", Nuclear, Uncertain,
        "cost of a national arsenal (multiple of France's nuclear spending)", "国家核戦力の費用（フランス核支出の倍数）";
    NuclearOptNationalArsenalWarheads = "nuclear_opt_national_arsenal_warheads", Nuclear, Uncertain,
        "survivable warheads of a new national arsenal", "新たな国家核戦力の残存弾頭数";
    NuclearOptNationalArsenalYears = "nuclear_opt_national_arsenal_years", Nuclear, Uncertain,
        "years to build a national arsenal", "国家核戦力の構築に要する年数";
    NuclearOptNationalArsenalEscalation = "nuclear_opt_national_arsenal_escalation", Nuclear, Uncertain,
        "escalation risk of a national arsenal", "国家核戦力のエスカレーション・リスク";
    NuclearOptNationalCommitment = "nuclear_opt_national_commitment", Nuclear, Uncertain,
        "how firmly a national deterrent covers other Europeans", "国家核抑止が他の欧州諸国を守る関与の強さ";
    NuclearOptConventionalStrikeCostEurBn = "nuclear_opt_conventional_strike_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost of a European long-range strike force (EUR bn)", "欧州長距離打撃戦力の年間費用（10億ユーロ）";
    NuclearOptConventionalStrikeCredibility = "nuclear_opt_conventional_strike_credibility", Nuclear, Uncertain,
        "deterrence added by conventional deep strike", "通常戦力による縦深打撃が加える抑止";
    NuclearOptConventionalStrikeYears = "nuclear_opt_conventional_strike_years", Nuclear, Uncertain,
        "years to field a European long-range strike force", "欧州長距離打撃戦力の整備に要する年数";
    NuclearOptConventionalStrikeEscalation = "nuclear_opt_conventional_strike_escalation", Nuclear, Uncertain,
        "escalation risk of conventional deep strike", "通常戦力による縦深打撃のエスカレーション・リスク";
    NuclearNewStartExpired = "nuclear_new_start_expired", Nuclear, Setting,
        "whether New START's limits have lapsed", "新STARTの制限が失効したか";
    NuclearUploadRusWarheads = "nuclear_upload_rus_warheads", Nuclear, Uncertain,
        "warheads Russia could add once New START lapses", "新START失効後にロシアが追加し得る弾頭数";
    NuclearUploadUsaWarheads = "nuclear_upload_usa_warheads", Nuclear, Uncertain,
        "warheads the US could add once New START lapses", "新START失効後に米国が追加し得る弾頭数";
    NuclearPackageBudgetEurBn = "nuclear_package_budget_eur_bn", Nuclear, Setting,
        "Europe's yearly budget for a deterrence package (EUR bn)", "欧州の抑止パッケージの年間予算（10億ユーロ）";
    NuclearPackageByYear = "nuclear_package_by_year", Nuclear, Setting,
        "year a deterrence package must be in place", "抑止パッケージの整備期限の年";
    NuclearPackageNptOnly = "nuclear_package_npt_only", Nuclear, Setting,
        "whether packages must stay within the NPT", "パッケージをNPTの範囲内に限るか";
    NuclearOptEuropeanPooledCostEurBn = "nuclear_opt_european_pooled_cost_eur_bn", Nuclear, Uncertain,
        "yearly cost of a pooled European nuclear force (EUR bn)", "欧州共同核戦力の年間費用（10億ユーロ）";
    NuclearOptEuropeanPooledYears = "nuclear_opt_european_pooled_years", Nuclear, Uncertain,
        "years to build a pooled European nuclear force", "欧州共同核戦力の構築に要する年数";
    NuclearOptEuropeanPooledEscalation = "nuclear_opt_european_pooled_escalation", Nuclear, Uncertain,
        "escalation risk of a pooled European nuclear force", "欧州共同核戦力のエスカレーション・リスク";
    NuclearOptEuropeanPooledWarheadShare = "nuclear_opt_european_pooled_warhead_share", Nuclear, Uncertain,
        "share of French and UK warheads assigned to a pooled force", "共同戦力に割り当てる英仏の弾頭の割合";
    NuclearOptEuropeanPooledCommitment = "nuclear_opt_european_pooled_commitment", Nuclear, Uncertain,
        "how firmly a pooled force commits to Europe", "共同戦力の欧州への関与の強さ";
    NuclearOptEuropeanPooledPresence = "nuclear_opt_european_pooled_presence", Nuclear, Uncertain,
        "presence of a pooled force across members", "加盟国にわたる共同戦力のプレゼンス";
    NuclearOptEuropeanPooledJointRelease = "nuclear_opt_european_pooled_joint_release", Nuclear, Setting,
        "whether non-nuclear members share release authority", "非核保有国が使用権限を共有するか";
    NuclearWeightCredibility = "nuclear_weight_credibility", Nuclear, Setting,
        "weight of credibility in ranking nuclear options", "核の選択肢の順位付けにおける信頼性の重み";
    NuclearWeightCost = "nuclear_weight_cost", Nuclear, Setting,
        "weight of cost in ranking nuclear options", "核の選択肢の順位付けにおける費用の重み";
    NuclearWeightYears = "nuclear_weight_years", Nuclear, Setting,
        "weight of delay in ranking nuclear options", "核の選択肢の順位付けにおける所要年数の重み";
    NuclearWeightEscalation = "nuclear_weight_escalation", Nuclear, Setting,
        "weight of escalation risk in ranking nuclear options", "核の選択肢の順位付けにおけるエスカレーション・リスクの重み";
    NuclearWeightNpt = "nuclear_weight_npt", Nuclear, Setting,
        "penalty for leaving the NPT in ranking nuclear options", "核の選択肢の順位付けにおけるNPT離脱の罰則";
    CampaignStepHours = "campaign_step_hours", Campaign, Setting,
        "campaign time step (hours)", "作戦シミュレーションの時間刻み（時間）";
    CampaignHorizonDays = "campaign_horizon_days", Campaign, Setting,
        "days the Baltic campaign is simulated", "バルト作戦のシミュレーション日数";
    CampaignHoldDay = "campaign_hold_day", Campaign, Setting,
        "day the Baltic defence must hold to", "バルト防衛が持ちこたえるべき日";
    CampaignHoldConfidence = "campaign_hold_confidence", Campaign, Setting,
        "share of runs that must hold for Europe to be judged able to hold", "「持ちこたえ得る」と判定するのに必要な試行の割合";
    CampaignRedEffectPerHour = "campaign_red_effect_per_hour", Campaign, Uncertain,
        "Russian forces' hourly attrition effect", "ロシア軍の1時間当たり損耗効果";
    CampaignBlueEffectPerHour = "campaign_blue_effect_per_hour", Campaign, Uncertain,
        "defenders' hourly attrition effect", "防御側の1時間当たり損耗効果";
    CampaignExponent = "campaign_exponent", Campaign, Uncertain,
        "attrition law exponent (mixed to square law)", "損耗則の指数（混合則から二乗則）";
    CampaignRedSpeedKmPerHour = "campaign_red_speed_km_per_hour", Campaign, Uncertain,
        "Russian forces' advance speed (km/h)", "ロシア軍の前進速度（km/h）";
    CampaignObjectiveKm = "campaign_objective_km", Campaign, Uncertain,
        "distance to the Baltic capital Red aims at (km)", "ロシア軍が目指すバルト諸国首都までの距離（km）";
    CampaignStallRatio = "campaign_stall_ratio", Campaign, Uncertain,
        "force ratio below which Red's attack stalls", "ロシア軍の攻撃が停滞する戦力比";
    CampaignFullSpeedRatio = "campaign_full_speed_ratio", Campaign, Uncertain,
        "force ratio from which Red advances at full speed", "ロシア軍が全速で前進する戦力比";
    CampaignBlueBreakFraction = "campaign_blue_break_fraction", Campaign, Uncertain,
        "share of the defence's power left when it breaks", "防御側が崩壊する残存戦力比";
    CampaignRedBreakFraction = "campaign_red_break_fraction", Campaign, Uncertain,
        "share of Red's power left when its offensive culminates", "ロシア軍の攻勢が限界に達する残存戦力比";
    CampaignPreparedDefence = "campaign_prepared_defence", Campaign, Uncertain,
        "multiplier of a prepared defence", "準備された防御陣地の倍率";
    CampaignIsrPenalty = "campaign_isr_penalty", Campaign, Uncertain,
        "defenders' effectiveness lost without ISR", "ISRなしで失われる防御側の効果";
    CampaignAirBonusMax = "campaign_air_bonus_max", Campaign, Uncertain,
        "largest bonus air support adds", "航空支援による最大の増強";
    CampaignAirHalfAircraft = "campaign_air_half_aircraft", Campaign, Uncertain,
        "aircraft giving half the air bonus", "航空支援の増強の半分を生む機数";
    CampaignTankerFloor = "campaign_tanker_floor", Campaign, Uncertain,
        "share of a sortie's effect left without tankers", "空中給油機なしで残る出撃効果の割合";
    CampaignWarningDays = "campaign_warning_days", Campaign, Uncertain,
        "days of warning before the attack", "攻撃前の警報日数";
    CampaignRedGenerationDays = "campaign_red_generation_days", Campaign, Uncertain,
        "days Russia needs to mass its force at the border", "ロシアが国境に戦力を集結させる日数";
    CampaignRedAirShare = "campaign_red_air_share", Campaign, Uncertain,
        "share of Russia's combat aircraft sent to the Baltic", "バルトに投入されるロシア戦闘機の割合";
    CampaignInplaceLightBn = "campaign_inplace_light_bn", Campaign, Uncertain,
        "Baltic light battalions in place", "現地のバルト諸国軽歩兵大隊";
    CampaignInplaceHeavyBn = "campaign_inplace_heavy_bn", Campaign, Uncertain,
        "NATO heavy battalions in place in the Baltic states", "バルト諸国に駐留するNATO重大隊";
    CampaignLightBnPower = "campaign_light_bn_power", Campaign, Uncertain,
        "combat power of a light battalion (share of a heavy one)", "軽歩兵大隊の戦闘力（重大隊比）";
    CampaignBattalionsPerBrigade = "campaign_battalions_per_brigade", Campaign, Uncertain,
        "manoeuvre battalions per brigade", "旅団当たりの機動大隊数";
    CampaignPersonnelPerBrigade = "campaign_personnel_per_brigade", Campaign, Uncertain,
        "personnel per brigade where brigades are not counted", "旅団数不明国の旅団当たり人員";
    CampaignEuropeCommitShare = "campaign_europe_commit_share", Campaign, Uncertain,
        "share of Europe's brigades sent to the Baltic", "バルトに派遣される欧州旅団の割合";
    CampaignEuropeCommitResponse = "campaign_europe_commit_response", Campaign, Uncertain,
        "force ratio Europe aims for against Red's first blow", "ロシア軍の第一撃に対し欧州が目指す戦力比";
    CampaignEuropeCommitCapShare = "campaign_europe_commit_cap_share", Campaign, Uncertain,
        "most of Europe's brigades it would send to the Baltic", "欧州がバルトに派遣する旅団の上限割合";
    CampaignUsCommitShare = "campaign_us_commit_share", Campaign, Uncertain,
        "share of US brigades in Europe sent to the Baltic", "バルトに派遣される在欧米軍旅団の割合";
    CampaignUsSurgeBrigades = "campaign_us_surge_brigades", Campaign, Uncertain,
        "US brigades sent from North America", "北米から派遣される米軍旅団数";
    CampaignUsSurgeFirstDays = "campaign_us_surge_first_days", Campaign, Uncertain,
        "days until the first US brigade from North America is ready", "北米からの最初の米軍旅団が準備を終えるまでの日数";
    CampaignUsSurgeLastDays = "campaign_us_surge_last_days", Campaign, Uncertain,
        "days until the last US brigade from North America is ready", "北米からの最後の米軍旅団が準備を終えるまでの日数";
    CampaignHeavyShare = "campaign_heavy_share", Campaign, Uncertain,
        "heavy share of a reinforcing brigade", "増援旅団の重装備の割合";
    CampaignReadinessFirstDays = "campaign_readiness_first_days", Campaign, Uncertain,
        "readiness notice of the first reinforcing brigade (days)", "最初の増援旅団の即応待機期間（日）";
    CampaignReadinessLastDays = "campaign_readiness_last_days", Campaign, Uncertain,
        "readiness notice of the last reinforcing brigade (days)", "最後の増援旅団の即応待機期間（日）";
    CampaignSurfaceKm = "campaign_surface_km", Campaign, Uncertain,
        "rail or sea distance to the Baltic (km)", "バルトまでの鉄道・海上輸送距離（km）";
    CampaignSurfaceSpeedKmPerHour = "campaign_surface_speed_km_per_hour", Campaign, Uncertain,
        "speed of rail or sea movement (km/h)", "鉄道・海上輸送の速度（km/h）";
    CampaignLoadingHours = "campaign_loading_hours", Campaign, Uncertain,
        "hours to load and unload a heavy formation", "重部隊の積み下ろしに要する時間";
    CampaignBrigadeAirliftLoads = "campaign_brigade_airlift_loads", Campaign, Uncertain,
        "heavy-airlifter loads per light brigade", "軽旅団1個当たりの大型輸送機の搭載回数";
    CampaignA400mLoadShare = "campaign_a400m_load_share", Campaign, Uncertain,
        "A400M load as a share of a heavy-airlifter load", "A400Mの搭載量（大型輸送機比）";
    CampaignAirliftSortiesPerDay = "campaign_airlift_sorties_per_day", Campaign, Uncertain,
        "airlift sorties per aircraft a day", "輸送機1機当たり1日の出撃回数";
    CampaignAirCommitShare = "campaign_air_commit_share", Campaign, Uncertain,
        "share of combat aircraft committed to the Baltic", "バルトに投入される戦闘機の割合";
    CampaignSeadNeeded = "campaign_sead_needed", Campaign, Uncertain,
        "SEAD aircraft needed over the theatre", "戦域で必要な敵防空制圧機数";
    CampaignTankersNeeded = "campaign_tankers_needed", Campaign, Uncertain,
        "tankers needed for full reach", "完全な行動範囲に必要な空中給油機数";
    CampaignRedIamdDenial = "campaign_red_iamd_denial", Campaign, Uncertain,
        "share of the defenders' air effort Russian air defence denies", "ロシア防空が阻止する防御側航空戦力の割合";
    CampaignBlueIamdDenial = "campaign_blue_iamd_denial", Campaign, Uncertain,
        "share of Russia's air effort the defenders' air defence denies", "防御側の防空が阻止するロシア航空戦力の割合";
    CampaignEuropeIsrShare = "campaign_europe_isr_share", Campaign, Uncertain,
        "share of ISR needs Europe covers alone", "欧州単独で賄えるISR所要の割合";
    CampaignYear = "campaign_year", Campaign, Setting,
        "year of the Baltic campaign", "バルト作戦の年";
    CampaignRedFixedBattalions = "campaign_red_fixed_battalions", Campaign, Setting,
        "Red battalions fixed by a validation scenario", "検証シナリオで固定するロシア軍大隊数";
    CampaignRedFirstEchelonShare = "campaign_red_first_echelon_share", Campaign, Uncertain,
        "share of Russia's force in the first blow", "第一撃に投入されるロシア軍戦力の割合";
    CampaignRedFollowonShare = "campaign_red_followon_share", Campaign, Uncertain,
        "share of Russia's force sent as follow-on echelons", "後続梯団として投入されるロシア軍戦力の割合";
    CampaignRedFollowonFirstDays = "campaign_red_followon_first_days", Campaign, Uncertain,
        "days until Russia's first follow-on echelon arrives", "ロシア軍の最初の後続梯団が到着するまでの日数";
    CampaignRedFollowonLastDays = "campaign_red_followon_last_days", Campaign, Uncertain,
        "how long Russian follow-on forces keep arriving (days)", "ロシア軍の後続戦力が到着し続ける期間（日）";
    CampaignBlueDenialLeftShare = "campaign_blue_denial_left_share", Campaign, Uncertain,
        "share of air denial left once long-range interceptors run out", "長射程迎撃弾の枯渇後に残る航空阻止の割合";
    CampaignBlueAmmoDays = "campaign_blue_ammo_days", Campaign, Uncertain,
        "days of fighting the defenders' artillery ammunition lasts", "防御側の砲弾が持つ戦闘日数";
    CampaignBlueResupplyShare = "campaign_blue_resupply_share", Campaign, Uncertain,
        "share of fire the defenders sustain once stocks are spent", "在庫枯渇後に防御側が維持できる火力の割合";
    CampaignRedAmmoDays = "campaign_red_ammo_days", Campaign, Uncertain,
        "days of fighting Russia's stockpiled ammunition lasts", "ロシア軍の備蓄砲弾が持つ戦闘日数";
    CampaignRedAmmoProductionShare = "campaign_red_ammo_production_share", Campaign, Uncertain,
        "share of Russia's shell production sent to the Baltic", "バルトに送られるロシアの砲弾生産の割合";
    CampaignRedRoundsPerBattalionDay = "campaign_red_rounds_per_battalion_day", Campaign, Uncertain,
        "shells a Russian battalion fires a day", "ロシア軍大隊の1日当たり射撃弾数";
    DecisionCouncilHours = "decision_council_hours", Decision, Uncertain,
        "hours for a government to instruct its envoy in the Council", "政府が理事会の代表に指示するまでの時間";
    DecisionGovernmentHours = "decision_government_hours", Decision, Uncertain,
        "hours for a government to commit its forces", "政府が部隊派遣を決定するまでの時間";
    DecisionParliamentHours = "decision_parliament_hours", Decision, Uncertain,
        "extra hours for a parliament vote", "議会採決に要する追加時間";
    DecisionUnknownParliamentProbability = "decision_unknown_parliament_probability", Decision, Uncertain,
        "chance a member without a sourced rule needs a parliament vote", "出典のない加盟国が議会採決を要する確率";
    DecisionGovernmentRefusalProbability = "decision_government_refusal_probability", Decision, Uncertain,
        "chance a government refuses to join", "政府が参加を拒否する確率";
    DecisionParliamentRefusalProbability = "decision_parliament_refusal_probability", Decision, Uncertain,
        "chance a parliament refuses the mandate", "議会が派遣を否決する確率";
    DecisionCoordinationPenaltyHours = "decision_coordination_penalty_hours", Decision, Uncertain,
        "extra hours Europeans need to coordinate without the US", "米国抜きで欧州が調整に要する追加時間";
    DecisionCoalitionForceShare = "decision_coalition_force_share", Decision, Uncertain,
        "share of forces a coalition of the willing must gather", "有志連合が結集すべき戦力の割合";
    DecisionRefusalCorrelation = "decision_refusal_correlation", Decision, Uncertain,
        "how far governments' refusals share one cause", "各国政府の拒否が共通の原因による度合い";
    DecisionUsCongressGatesForces = "decision_us_congress_gates_forces", Decision, Setting,
        "whether US forces wait for a vote of Congress", "米軍の派遣が議会の採決を待つか";
    DecisionRequiredHours = "decision_required_hours", Decision, Uncertain,
        "hours within which the alliance must decide", "同盟が決定すべき期限（時間）";
    DecisionC2Weight = "decision_c2_weight", Decision, Uncertain,
        "weight of command and control in the integration score", "統合の評点における指揮統制の重み";
    ThreatWarEndYear = "threat_war_end_year", Threat, Uncertain,
        "year the war against Ukraine ends", "ウクライナ戦争が終結する年";
    ThreatLossScale = "threat_loss_scale", Threat, Uncertain,
        "multiplier on Russia's observed equipment losses", "ロシアの確認済み装備損失に対する倍率";
    ThreatUkraineShareAtWar = "threat_ukraine_share_at_war", Threat, Uncertain,
        "share of Russia's ground force tied up in Ukraine during the war", "戦争中にウクライナに拘束されるロシア地上軍の割合";
    ThreatUkraineShareAfterWar = "threat_ukraine_share_after_war", Threat, Uncertain,
        "share of Russia's ground force left in Ukraine after a ceasefire", "停戦後にウクライナに残るロシア地上軍の割合";
    ThreatReconstitutionYears = "threat_reconstitution_years", Threat, Uncertain,
        "years for Russia to reconstitute its forces after the war", "戦後にロシアが戦力を再建する年数";
    ThreatHeldBackShare = "threat_held_back_share", Threat, Uncertain,
        "share of Russia's force kept for other fronts", "他の正面のために温存されるロシア軍の割合";
    ThreatMobilisation = "threat_mobilisation", Threat, Uncertain,
        "growth of Russia's active personnel by mobilisation", "動員によるロシア現役兵力の増加";
    ThreatPersonnelPerBattalion = "threat_personnel_per_battalion", Threat, Uncertain,
        "Russian personnel per battalion fielded", "ロシア軍の大隊当たり人員";
    ThreatSpendingGrowthPct = "threat_spending_growth_pct", Threat, Uncertain,
        "real growth of Russian defence spending (% a year)", "ロシア国防費の実質伸び率（年率％）";
    ThreatProductionCapMultiple = "threat_production_cap_multiple", Threat, Uncertain,
        "most Russia's arms industry can produce (multiple of today)", "ロシア軍需産業の生産上限（現在の倍数）";
    ThreatSanctionsEffect = "threat_sanctions_effect", Threat, Uncertain,
        "share of Russian production lost to sanctions", "制裁で失われるロシアの生産の割合";
    ThreatUnknownStockYears = "threat_unknown_stock_years", Threat, Uncertain,
        "years a stored Russian stock of unknown size lasts", "規模不明のロシアの保管在庫が持つ年数";
    ThreatNewBuildShare = "threat_new_build_share", Threat, Uncertain,
        "share of new build in Russia's output", "ロシアの生産に占める新造の割合";
    ThreatRetirementRate = "threat_retirement_rate", Threat, Uncertain,
        "share of Russia's equipment retired a year after the war", "戦後に毎年退役するロシア装備の割合";
    ThreatTanksPerBattalion = "threat_tanks_per_battalion", Threat, Uncertain,
        "tanks per Russian battalion", "ロシア軍大隊当たりの戦車数";
    ThreatIfvsPerBattalion = "threat_ifvs_per_battalion", Threat, Uncertain,
        "infantry fighting vehicles per Russian battalion", "ロシア軍大隊当たりの歩兵戦闘車数";
    ThreatGunsPerBattalion = "threat_guns_per_battalion", Threat, Uncertain,
        "artillery pieces per Russian battalion", "ロシア軍大隊当たりの火砲数";
    ThreatLocalWarBattalions = "threat_local_war_battalions", Threat, Uncertain,
        "Russian battalions needed for a local war", "局地戦に必要なロシア軍大隊数";
    ThreatRegionalWarBattalions = "threat_regional_war_battalions", Threat, Uncertain,
        "Russian battalions needed for a regional war", "地域戦争に必要なロシア軍大隊数";
    ThreatLargeWarBattalions = "threat_large_war_battalions", Threat, Uncertain,
        "Russian battalions needed for a large-scale war", "大規模戦争に必要なロシア軍大隊数";
    BuildupLandShare = "buildup_land_share", Buildup, Uncertain,
        "share of spare budget that raises new brigades", "新旅団の編成に充てる予算余地の割合";
    BuildupBrigadeYears = "buildup_brigade_years", Buildup, Uncertain,
        "years to raise a new brigade", "新旅団の編成に要する年数";
    BuildupMaxBrigadesPerYear = "buildup_max_brigades_per_year", Buildup, Uncertain,
        "most new brigades Europe can start a year", "欧州が1年に編成を開始できる新旅団の上限";
    BuildupForwardShare = "buildup_forward_share", Buildup, Uncertain,
        "share of new ready brigades based forward in the Baltic region", "バルト地域に前方配備する新たな即応旅団の割合";
    BuildupForwardMaxBrigades = "buildup_forward_max_brigades", Buildup, Uncertain,
        "most new brigades the Baltic hosts can house", "バルト受入国が収容できる新旅団の上限";
    BuildupForwardRunningEurBn = "buildup_forward_running_eur_bn", Buildup, Uncertain,
        "yearly extra cost of a forward brigade (EUR bn)", "前方配備旅団の年間追加費用（10億ユーロ）";
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
    fn every_parameter_has_a_label_in_english_and_japanese() {
        let mut english: Vec<&str> = Vec::new();
        for param in Param::ALL {
            let (en, ja) = (param.label(), param.label_ja());
            // A label is words for a reader, not the name again, and fits in a sentence.
            assert!(!en.trim().is_empty() && !ja.trim().is_empty(), "{param}: empty label");
            assert!(en != param.name() && !en.contains('_'), "{param}: `{en}` is no label");
            assert!(en.chars().count() <= 90 && ja.chars().count() <= 60, "{param}: label too long");
            // The Japanese label is Japanese: it has kana or kanji.
            let japanese =
                |c: char| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c);
            assert!(ja.chars().any(japanese), "{param}: `{ja}`");
            english.push(en);
        }
        // Two parameters never read the same.
        english.sort_unstable();
        for pair in english.windows(2) {
            assert_ne!(pair[0], pair[1], "two parameters share a label");
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
