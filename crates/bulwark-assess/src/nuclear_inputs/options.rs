//! The option list (nine options and a pooled European force), each with
//! annual cost, years, NPT compliance, escalation risk, the changes it makes to the model and
//! the reasoning behind it.
//!
//! The pooled European force: a jointly funded and governed force under a European command
//! arrangement, backed by a share of the UK and French survivable warheads
//! (`nuclear_opt_european_pooled_warhead_share`). It is a patron of its own whose stake in an
//! eastern-flank protégé is that of Europe itself and whose value is the population of the EU
//! members and the UK; release stays with France and the UK unless
//! `nuclear_opt_european_pooled_joint_release` is set, which puts it outside the NPT.

use bulwark_models::nuclear::options::{Change, NuclearOption};
use bulwark_models::nuclear::{Factor, Force, NuclearInputs, Patron};

use super::{elections, exposure, NuclearCost, NuclearParams, PooledForce, US};
use bulwark_scenario::Param;

/// The reasoning behind each option, by option id.
type Reasons = Vec<(String, OptionReason)>;

/// The nine options of the model card and the pooled European force, with the reasoning
/// behind each.
pub(super) fn option_list(
    inputs: &NuclearInputs,
    costs: &[NuclearCost],
    us_posture: f64,
    pooled: &PooledForce,
    params: &NuclearParams<'_>,
) -> Result<(Vec<NuclearOption>, Reasons), String> {
    let cost_of = |state: &str| {
        costs
            .iter()
            .find(|c| c.state == state)
            .ok_or_else(|| format!("nuclear.csv has no annual_cost_usd_bn for {state}"))
    };
    let (fra, gbr) = (cost_of("FRA")?, cost_of("GBR")?);
    let p = |id: &str, what: &str| params.family(&format!("nuclear_opt_{id}_{what}"));
    let raise = |state: &str, factor: Factor, by: f64| Change::Raise { state: state.into(), factor, by };
    let national_elections = elections("national", params)?;
    let national = |state: &str, warheads: f64| Patron {
        state: state.into(),
        commitment: params.get(Param::NuclearOptNationalCommitment),
        posture: 1.0,
        elections: national_elections,
        // Its forces are on the owner's territory.
        presence: 1.0,
        survivable_warheads: Some(warheads),
        // A protégé's own deterrent: resolve 1.
        exposure: None,
    };
    let mut list: Vec<(NuclearOption, OptionReason)> = Vec::new();
    let mut add = |id: &str,
                   name: &str,
                   cost: f64,
                   npt_compliant: bool,
                   changes: Vec<Change>,
                   reason: OptionReason|
     -> Result<(), String> {
        let option = NuclearOption {
            id: id.into(),
            name: name.into(),
            annual_cost_eur_bn: cost,
            years_to_implement: p(id, "years")?,
            npt_compliant,
            escalation_risk: p(id, "escalation")?,
            changes,
        };
        list.push((option, reason));
        Ok(())
    };
    add(
        "us_umbrella",
        "US umbrella as today",
        p("us_umbrella", "cost_eur_bn")?,
        true,
        vec![Change::SetPosture { state: US.into(), posture: us_posture }],
        OptionReason::UsUmbrella { us_posture },
    )?;
    let share = p("french_extended", "cost_share")?;
    add(
        "french_extended",
        "French deterrent extended to Europe",
        share * fra.eur_bn,
        true,
        vec![raise("FRA", Factor::Commitment, p("french_extended", "gain")?)],
        OptionReason::FrenchExtended { gain: p("french_extended", "gain")?, share, fra: fra.clone() },
    )?;
    let share = p("uk_french_coordinated", "cost_share")?;
    let gain = p("uk_french_coordinated", "gain")?;
    add(
        "uk_french_coordinated",
        "UK–French coordinated deterrence",
        share * (fra.eur_bn + gbr.eur_bn),
        true,
        vec![
            Change::Pool { states: vec!["GBR".into(), "FRA".into()] },
            raise("GBR", Factor::Commitment, gain),
            raise("FRA", Factor::Commitment, gain),
        ],
        OptionReason::UkFrenchCoordinated { gain, share, gbr: gbr.clone(), fra: fra.clone() },
    )?;
    let simple = [
        (
            "french_aircraft_forward",
            "French nuclear-capable aircraft based in allied states",
            Factor::Presence,
        ),
        ("french_exercises", "Allied participation in French nuclear exercises", Factor::Presence),
        ("french_npg_link", "French link to NATO's Nuclear Planning Group", Factor::Commitment),
    ];
    for (id, name, factor) in simple {
        let gain = p(id, "gain")?;
        add(
            id,
            name,
            p(id, "cost_eur_bn")?,
            true,
            vec![raise("FRA", factor, gain)],
            OptionReason::RaiseFrench { factor, gain },
        )?;
    }
    let warheads = p("latent_national", "warheads")?;
    add(
        "latent_national",
        "Latent (turnkey) national capability",
        p("latent_national", "cost_eur_bn")?,
        true,
        vec![Change::AddPatron(national("latent", warheads))],
        OptionReason::Latent { warheads },
    )?;
    let multiple = p("national_arsenal", "cost_share")?;
    let warheads = p("national_arsenal", "warheads")?;
    add(
        "national_arsenal",
        "National arsenal outside the NPT",
        multiple * fra.eur_bn,
        false,
        vec![Change::AddPatron(national("national", warheads))],
        OptionReason::NationalArsenal { warheads, multiple, fra: fra.clone() },
    )?;
    let credibility = p("conventional_strike", "credibility")?;
    add(
        "conventional_strike",
        "Long-range conventional strike instead",
        p("conventional_strike", "cost_eur_bn")?,
        true,
        vec![Change::AddSource { credibility }],
        OptionReason::ConventionalStrike { credibility },
    )?;
    let uk_france_warheads: f64 =
        ["GBR", "FRA"].iter().filter_map(|s| inputs.force(s)).map(Force::survivable_warheads).sum();
    let assigned = pooled.warhead_share * uk_france_warheads;
    let european = Patron {
        state: "european".into(),
        commitment: p("european_pooled", "commitment")?,
        posture: 1.0,
        elections: elections("european", params)?,
        presence: p("european_pooled", "presence")?,
        survivable_warheads: Some(assigned),
        exposure: Some(exposure("european", pooled.population_m, params)?),
    };
    add(
        "european_pooled",
        "Pooled European force under a European command",
        p("european_pooled", "cost_eur_bn")?,
        !pooled.joint_release,
        vec![Change::AddPatron(european)],
        OptionReason::EuropeanPooled {
            warhead_share: pooled.warhead_share,
            assigned_warheads: assigned,
            population_m: pooled.population_m,
            joint_release: pooled.joint_release,
        },
    )?;
    let reasons = list.iter().map(|(o, r)| (o.id.clone(), r.clone())).collect();
    Ok((list.into_iter().map(|(o, _)| o).collect(), reasons))
}

/// Why an option changes what it changes, with the figures behind it. Typed so that the report
/// writes it in its language (the JSON in English): this crate writes no sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionReason {
    /// Keeps the US umbrella as far as the scenario's US posture does.
    UsUmbrella {
        /// The scenario's US nuclear posture, 0 to 1.
        us_posture: f64,
    },
    /// Raises France's commitment; costs a share of France's nuclear spending.
    FrenchExtended {
        /// Rise of the commitment factor.
        gain: f64,
        /// Share of France's nuclear spending, 0 to 1.
        share: f64,
        /// France's nuclear spending.
        fra: NuclearCost,
    },
    /// UK and French warheads pooled, both commitments raised.
    UkFrenchCoordinated {
        /// Rise of each commitment factor.
        gain: f64,
        /// Share of UK plus French nuclear spending, 0 to 1.
        share: f64,
        /// The UK's nuclear spending.
        gbr: NuclearCost,
        /// France's nuclear spending.
        fra: NuclearCost,
    },
    /// Raises one of France's factors.
    RaiseFrench {
        /// The factor.
        factor: Factor,
        /// Its rise.
        gain: f64,
    },
    /// A latent national deterrent, legal under the NPT with safeguards.
    Latent {
        /// Survivable warheads it counts as.
        warheads: f64,
    },
    /// A national arsenal outside the NPT.
    NationalArsenal {
        /// Survivable warheads.
        warheads: f64,
        /// Its cost as a multiple of France's nuclear spending.
        multiple: f64,
        /// France's nuclear spending.
        fra: NuclearCost,
    },
    /// A non-nuclear source of deterrence.
    ConventionalStrike {
        /// Its credibility, 0 to 1.
        credibility: f64,
    },
    /// A jointly funded European force.
    EuropeanPooled {
        /// Share of UK and French survivable warheads assigned, 0 to 1.
        warhead_share: f64,
        /// Those warheads.
        assigned_warheads: f64,
        /// People of the EU and the UK, millions.
        population_m: f64,
        /// Whether non-nuclear states share the release decision.
        joint_release: bool,
    },
}
