//! Validation of the economic models against published studies (issue 3). Each test runs the
//! engine on a scenario of `scenarios/validation/` that writes down the study's assumptions,
//! prints the engine's figure beside the published one, and checks it within the tolerance
//! issue 3 states (run with `--nocapture` to see the figures).

use std::path::Path;

use bulwark_assess::{assess, Assessment};
use bulwark_data::Dataset;
use bulwark_scenario::Scenario;

fn run(file: &str) -> (Dataset, Assessment) {
    let dataset = Dataset::embedded().expect("embedded dataset");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/validation").join(file);
    let scenario = Scenario::load(path.to_str().unwrap(), &dataset).expect("validation scenario loads");
    let assessment = assess(&dataset, &scenario);
    (dataset, assessment)
}

fn rate(dataset: &Dataset, kind: &str, currency: &str, year: u16) -> f64 {
    dataset
        .rates
        .iter()
        .find(|r| r.kind == kind && r.currency == currency && r.provenance.year == year)
        .map(|r| r.value)
        .unwrap_or_else(|| panic!("rates.csv lacks {kind} {currency} {year}"))
}

/// USD bn of an amount in EUR bn at 2025 prices, at the 2025 ECB average rate.
fn usd_bn(dataset: &Dataset, eur_bn: f64) -> f64 {
    eur_bn / rate(dataset, "fx", "USD", 2025)
}

/// IISS, Defending Europe Without the United States (May 2025): one-off procurement
/// USD 226–344 bn (the range spans cheaper and dearer equipment choices). The engine prices the
/// US holdings for Europe on every line the study costs (the scenario's `[closure] excluded`
/// leaves out space, ISR, C2 and nuclear, as the study does) with the dataset's unit costs (median of
/// the sourced contracts per line, EUR at 2025 prices, converted at the 2025 ECB rate). The test
/// asks for the engine's figure inside the published range, as issue 3 does.
#[test]
fn iiss_2025_one_off_procurement() {
    let (dataset, a) = run("iiss-2025.toml");
    let engine = usd_bn(&dataset, a.procurement_eur_bn);
    println!("IISS 2025 procurement: engine USD {engine:.0} bn; published USD 226–344 bn");
    assert!((226.0..=344.0).contains(&engine), "engine USD {engine:.0} bn");
}

/// IISS (May 2025): about USD 1 trillion over 25 years; tolerance ±20 % as issue 3 asks. The
/// engine's figure is procurement plus 25 years of operating costs and personnel; it stays
/// below the published one mainly because the dataset counts 80,000 US personnel in Europe
/// where the IISS counts 128,000.
#[test]
fn iiss_2025_twenty_five_year_cost() {
    let (dataset, a) = run("iiss-2025.toml");
    assert_eq!(a.end_year - a.base_year, 25, "the IISS horizon");
    let engine = usd_bn(&dataset, a.horizon_cost_eur_bn);
    println!("IISS 2025 cost over 25 years: engine USD {engine:.0} bn; published about USD 1,000 bn");
    assert!((engine / 1000.0 - 1.0).abs() <= 0.20, "engine USD {engine:.0} bn");
}

/// Kiel Institute / Bruegel (February 2025): raising defence spending from about 2 % to about
/// 3.5 % of GDP adds about EUR 250 bn a year, about 1.5 % of EU GDP (Kiel press release). The
/// engine raises each EU member's share (2025 SIPRI) to 3.5 % of its 2025 GDP (IMF) and sums
/// the increases; members above 3.5 % add nothing. Tolerance as issue 3 asks: ±15 %.
#[test]
fn kiel_bruegel_2025_spending_increase() {
    let (_, a) = run("kiel-bruegel-2025.toml");
    let engine = a.budget.static_increase_eur_bn;
    println!(
        "Kiel/Bruegel 2025 extra spending: engine EUR {engine:.0} bn a year; published about EUR 250 bn"
    );
    assert!((engine / 250.0 - 1.0).abs() <= 0.15, "engine EUR {engine:.0} bn");
}

/// Kiel Institute / Bruegel (February 2025): replacing the fighting capacity of 300,000 US
/// troops takes about 50 brigades with at least 1,400 tanks, 2,000 infantry fighting vehicles
/// and 700 artillery pieces. The scenario hands the engine the troops and the troops per brigade
/// (the study's 300,000 and 50); the engine equips each brigade like the EU members' brigades
/// today (dataset holdings per manoeuvre brigade, over the members reporting both), so the
/// equipment is computed. Artillery is tube plus rocket artillery. Tolerance as issue 3 asks:
/// ±20 %.
#[test]
fn kiel_bruegel_2025_equipment() {
    let (_, a) = run("kiel-bruegel-2025.toml");
    let package = a.force_package.as_ref().expect("the scenario sets a force package");
    let quantity =
        |line: &str| package.quantity(line).unwrap_or_else(|| panic!("no package figure for {line}"));
    let artillery = quantity("artillery_tube") + quantity("rocket_artillery");
    let mut off = Vec::new();
    for (what, engine, published) in [
        ("tanks", quantity("main_battle_tanks"), 1400.0),
        ("infantry fighting vehicles", quantity("infantry_fighting_vehicles"), 2000.0),
        ("artillery pieces", artillery, 700.0),
    ] {
        println!("Kiel/Bruegel 2025 {what}: engine {engine:.0}; published {published:.0}");
        if (engine / published - 1.0).abs() > 0.20 {
            off.push(format!("{what}: engine {engine:.0} vs {published:.0}"));
        }
    }
    assert!(off.is_empty(), "outside ±20 %: {off:?}");
    // The package is what the ledger asks Europe to replace on the land lines.
    let tanks = a.lines.iter().find(|l| l.line == "main_battle_tanks").unwrap();
    let to_buy = tanks.ledger.units_to_buy.unwrap();
    assert!((to_buy - quantity("main_battle_tanks")).abs() < 1e-6, "{to_buy}");
}

/// NATO, Defence Expenditure of NATO Countries (2014–2025), August 2025: European Allies and
/// Canada spend about USD 559 bn in 2025 at constant 2021 prices and exchange rates. The
/// engine's 2025 spending (GDP × SIPRI share, in EUR) is brought to NATO's basis through the
/// euro: EUR at 2025 prices → 2021 prices with the euro-area price index → USD at the 2021 ECB
/// rate. Using the euro for every ally approximates NATO's national deflators and rates, and the
/// dataset lacks GDP for Albania, Iceland, Montenegro and North Macedonia (together
/// well under 1 % of the total). Tolerance as issue 3 asks: ±2 %.
#[test]
fn nato_2025_europe_and_canada_total() {
    let (dataset, a) = run("nato-2025.toml");
    let eur_2025 = a.budget.total_spend_eur_bn[0];
    let eur_2021_prices = eur_2025 * rate(&dataset, "deflator", "EUR", 2021);
    let usd_2021 = eur_2021_prices / rate(&dataset, "fx", "USD", 2021);
    println!(
        "NATO 2025 Europe and Canada: engine USD {usd_2021:.0} bn (2021 prices); published USD 559 bn; missing {:?}",
        a.budget_missing
    );
    assert!((usd_2021 / 559.0 - 1.0).abs() <= 0.02, "engine USD {usd_2021:.0} bn");
    assert!(a.coalition.iter().any(|c| c == "CAN") && !a.coalition.iter().any(|c| c == "USA"));
}
