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
type Reasons = Vec<(String, String)>;

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
    let ican = |c: &NuclearCost| format!("ICAN {}: USD {:.1} bn = EUR {:.1} bn", c.year, c.usd_bn, c.eur_bn);
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
    let mut list: Vec<(NuclearOption, String)> = Vec::new();
    let mut add = |id: &str,
                   name: &str,
                   cost: f64,
                   npt_compliant: bool,
                   changes: Vec<Change>,
                   reason: String|
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
        format!("keeps the US umbrella as far as the scenario's US posture ({us_posture:.2}) does; NATO nuclear sharing is held compliant with the NPT by NATO"),
    )?;
    let share = p("french_extended", "cost_share")?;
    add(
        "french_extended",
        "French deterrent extended to Europe",
        share * fra.eur_bn,
        true,
        vec![raise("FRA", Factor::Commitment, p("french_extended", "gain")?)],
        format!(
            "raises France's commitment factor by {:.2}; costs {:.0} % of France's nuclear spending ({})",
            p("french_extended", "gain")?,
            share * 100.0,
            ican(fra)
        ),
    )?;
    let share = p("uk_french_coordinated", "cost_share")?;
    let gain = p("uk_french_coordinated", "gain")?;
    add(
        "uk_french_coordinated",
        "UK–French coordinated deterrence",
        share * (fra.eur_bn + gbr.eur_bn),
        true,
        vec![Change::Pool { states: vec!["GBR".into(), "FRA".into()] }, raise("GBR", Factor::Commitment, gain), raise("FRA", Factor::Commitment, gain)],
        format!("each counts the pooled UK and French survivable warheads and its commitment rises by {gain:.2}; costs {:.0} % of UK plus French nuclear spending ({}; {})", share * 100.0, ican(gbr), ican(fra)),
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
            format!("raises France's {} factor by {gain:.2}", factor.label()),
        )?;
    }
    let warheads = p("latent_national", "warheads")?;
    add(
        "latent_national",
        "Latent (turnkey) national capability",
        p("latent_national", "cost_eur_bn")?,
        true,
        vec![Change::AddPatron(national("latent", warheads))],
        format!("a national deterrent that counts as {warheads:.0} survivable warheads; legal under the NPT with safeguards"),
    )?;
    let multiple = p("national_arsenal", "cost_share")?;
    let warheads = p("national_arsenal", "warheads")?;
    add(
        "national_arsenal",
        "National arsenal outside the NPT",
        multiple * fra.eur_bn,
        false,
        vec![Change::AddPatron(national("national", warheads))],
        format!("a national deterrent of {warheads:.0} survivable warheads; costs {multiple:.1} × France's nuclear spending ({}); requires leaving the NPT (Article X)", ican(fra)),
    )?;
    let credibility = p("conventional_strike", "credibility")?;
    add(
        "conventional_strike",
        "Long-range conventional strike instead",
        p("conventional_strike", "cost_eur_bn")?,
        true,
        vec![Change::AddSource { credibility }],
        format!("adds a non-nuclear source of deterrence of credibility {credibility:.2}"),
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
        format!(
            "a jointly funded force backed by {:.0} % of the UK and French survivable warheads ({assigned:.0}), \
             whose stake is Europe's own and whose value is the {:.0} million people of the EU and the UK; {}",
            pooled.warhead_share * 100.0,
            pooled.population_m,
            if pooled.joint_release {
                "joint release by non-nuclear states would breach NPT Articles I and II"
            } else {
                "release stays with France and the UK, as NATO's sharing arrangements keep it with the US"
            }
        ),
    )?;
    let reasons = list.iter().map(|(o, r)| (o.id.clone(), r.clone())).collect();
    Ok((list.into_iter().map(|(o, _)| o).collect(), reasons))
}
