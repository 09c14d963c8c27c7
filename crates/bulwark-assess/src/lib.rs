//! Bulwark's assessment: the composition behind `bulwark assess`.
//!
//! [`assess`] resolves the dataset and a scenario into model inputs ([`resolve`]), runs the
//! capability ledger, the budget projection and the cost-and-time-to-close model, and composes
//! the five axes of docs/design.md §1 (one file each in `axes/`) and the three questions into an
//! [`Assessment`]: plain data that the report crate renders.
//!
//! This crate does no I/O: it takes a loaded dataset and scenario and returns values.

#![warn(missing_docs)]

mod assessment;
mod axes;
pub mod campaign_inputs;
pub mod compare;
pub mod decision_inputs;
mod error;
pub mod iamd_inputs;
pub mod money;
pub mod nuclear_inputs;
pub mod procurement_pace;
mod questions;
mod ranges;
pub mod resolve;
mod spread;
pub mod threat_inputs;

use bulwark_data::Dataset;
use bulwark_models::{budget, closure, ledger};
use bulwark_scenario::Scenario;

pub use assessment::{
    Answer, Assessment, Assumption, AxisFigures, AxisResult, AxisStatus, BodyFigures, CoalitionChoices,
    CostBounds, DecisionFigures, DomainScore, Driver, FinancialFigures, HeadlineDrivers, IamdEnsembleFigures,
    IamdFigures, LeverGain, LineNote, LineResult, ModelRefusal, ModelTerm, MultiDomainFigures,
    NuclearFigures, OwnDeterrentAnswer, PackageAnswer, PatronFigures, PendingModel, QuestionResult,
    ScoreNotes, StopRussiaAnswer, StrategicAssetsFigures, UmbrellaAnswer, UsPostureShares, WeightedMean,
};
pub use error::AssessError;
pub use ranges::{core_figures, core_parameters, HeadlineRanges, CORE_FIGURES, RANGE_DRAWS};
pub use spread::{CensoredSpread, Spread, SpreadKind};

/// The deterministic core of an assessment: the ledger per line, the budget projection and the
/// funded closure of Europe's gaps. [`assess`] adds the models; [`ranges`] redraws the core over
/// the scenario's uncertainties.
pub(crate) struct Core {
    pub(crate) lines: Vec<LineResult>,
    pub(crate) budget: budget::BudgetOutcome,
    pub(crate) budget_missing: Vec<String>,
    pub(crate) end_year: u16,
    pub(crate) closure: closure::ClosureOutcome,
    pub(crate) force_package: Option<Result<bulwark_models::force_package::ForcePackage, String>>,
}

pub(crate) fn core(dataset: &Dataset, scenario: &Scenario) -> Core {
    core_with(dataset, &CoreFacts::new(dataset, scenario), scenario)
}

/// What [`core`] reads of the dataset that no parameter's value changes: the index of the
/// inventory, each line's holdings (members, the US, the adversary) and unit cost. They depend
/// on the scenario's coalition, adversary and cost proxies alone, so one `CoreFacts` serves
/// every scenario that differs from the one it was made for only in parameter values (the
/// headline ranges' draws).
pub(crate) struct CoreFacts<'a> {
    holdings: bulwark_data::Holdings<'a>,
    /// Per line of the dataset, in its order: the ledger's figures and the unit cost.
    lines: Vec<(resolve::LineFigures, resolve::UnitCost)>,
}

impl<'a> CoreFacts<'a> {
    pub(crate) fn new(dataset: &'a Dataset, scenario: &Scenario) -> CoreFacts<'a> {
        // One index of the inventory for every line's look-ups (members × lines) instead of a
        // scan of the inventory for each.
        let holdings = dataset.holdings();
        let lines = dataset
            .lines
            .iter()
            .map(|line| {
                (
                    resolve::line_figures(dataset, &holdings, scenario, line),
                    resolve::unit_cost_with_proxy(dataset, scenario, &line.id),
                )
            })
            .collect();
        CoreFacts { holdings, lines }
    }
}

/// [`core`] with the dataset's figures looked up beforehand, for `scenario` or one that differs
/// from it only in parameter values ([`CoreFacts`]).
pub(crate) fn core_with(dataset: &Dataset, facts: &CoreFacts<'_>, scenario: &Scenario) -> Core {
    let thresholds = resolve::thresholds(scenario);
    let force_package =
        resolve::force_package_with(dataset, &facts.holdings, scenario).map(|r| r.map_err(|e| e.to_string()));
    let package = force_package.as_ref().and_then(|r| r.as_ref().ok());
    let mut lines: Vec<LineResult> = dataset
        .lines
        .iter()
        .zip(&facts.lines)
        .map(|(line, (figures, unit_cost))| {
            let (input, n_reporting) = resolve::ledger_input_from(dataset, scenario, line, figures, package);
            let (unit_cost_eur_m, priced_systems, notes) = unit_cost.clone();
            LineResult {
                line: line.id.clone(),
                name: line.name.clone(),
                domain: line.domain.clone(),
                counted_in: line.counted_in.clone(),
                us_posture_group: line.us_posture_group.clone(),
                reporting: (n_reporting, scenario.coalition.value.members.len()),
                ledger: ledger::assess_line(&input, &thresholds),
                unit_cost_eur_m,
                priced_systems,
                closure: None,
                notes,
            }
        })
        .collect();
    let (budget_inputs, budget_missing) = resolve::budget_inputs(dataset, scenario);
    let budget = budget::project(&budget_inputs);
    let closure = close_gaps(dataset, scenario, &mut lines, &budget.headroom_eur_bn);
    Core { lines, budget, budget_missing, end_year: budget_inputs.end_year, closure, force_package }
}

/// Runs the whole assessment of `scenario` on `dataset`.
pub fn assess(dataset: &Dataset, scenario: &Scenario) -> Assessment {
    let thresholds = resolve::thresholds(scenario);
    let Core { lines, budget, budget_missing, end_year, closure: closure_outcome, force_package } =
        core(dataset, scenario);
    let cumulative_headroom_eur_bn = budget.cumulative_headroom_eur_bn();

    let (models, ranges) = axes::ModelRuns::run(dataset, scenario);
    let ctx = axes::Context {
        models: &models,
        scenario,
        force_package: force_package.as_ref(),
        thresholds,
        lines: &lines,
        horizon_cost_eur_bn: closure_outcome.horizon_cost_eur_bn,
        cumulative_headroom_eur_bn,
        static_increase_eur_bn: budget.static_increase_eur_bn,
        window_closes: closure_outcome.window_closes,
        end_year,
        ranges: ranges.as_ref(),
    };
    let axes: Vec<AxisResult> = axes::AXES.iter().map(|axis| axis.assess(&ctx)).collect();
    let questions = questions::QUESTIONS.iter().map(|question| question.answer(&ctx)).collect();
    let window_open_lines = lines
        .iter()
        .filter_map(|l| l.closure.as_ref())
        .filter(|c| c.critical && c.gap_units > 0.0 && c.funded_closure_year.is_none())
        .map(|c| c.line.clone())
        .collect();
    Assessment {
        scenario: scenario.name.clone(),
        description: scenario.description.clone(),
        dataset: dataset.name.clone(),
        base_year: money::PRICE_BASE_YEAR,
        end_year,
        coalition: scenario.coalition.value.members.iter().map(|m| m.to_string()).collect(),
        coalition_choices: coalition_choices(dataset, scenario),
        us_posture: UsPostureShares {
            conventional: scenario.us_posture.conventional.value,
            enablers: scenario.us_posture.enablers.value,
            intelligence: scenario.us_posture.intelligence.value,
            nuclear: scenario.us_posture.nuclear.value,
        },
        requirement_mode: scenario.ledger.requirement.value.as_str().to_string(),
        lines,
        axes,
        questions,
        budget,
        budget_missing,
        eu_gdp_share: resolve::eu_gdp_share(dataset, scenario),
        procurement_eur_bn: closure_outcome.procurement_eur_bn,
        horizon_cost_eur_bn: closure_outcome.horizon_cost_eur_bn,
        cumulative_headroom_eur_bn,
        affordability_ratio: (cumulative_headroom_eur_bn > 0.0)
            .then(|| closure_outcome.horizon_cost_eur_bn / cumulative_headroom_eur_bn),
        window_closes: closure_outcome.window_closes,
        window_open_lines,
        costing_excluded: scenario.closure.excluded.value.clone(),
        ranges,
        assumptions: assumptions(scenario),
        campaign: models.campaign.ok(),
        threat: models.threat.ok(),
        nuclear: models.nuclear.ok(),
        iamd: models.iamd.ok(),
        decision: models.decision.ok(),
        force_package: force_package.and_then(Result::ok),
        drivers: Vec::new(),
    }
}

/// The coalition choices the report states: Turkey, the EU members outside NATO, and who is out.
fn coalition_choices(dataset: &Dataset, scenario: &Scenario) -> CoalitionChoices {
    let members = &scenario.coalition.value.members;
    let nato = dataset.members("NATO");
    let eu = dataset.members("EU");
    let mut excluded: Vec<String> =
        nato.iter().chain(&eu).filter(|iso3| !members.contains(iso3)).map(|iso3| iso3.to_string()).collect();
    excluded.sort();
    excluded.dedup();
    CoalitionChoices {
        includes_turkey: members.iter().any(|m| m.as_str() == "TUR"),
        non_nato_eu_members: members
            .iter()
            .filter(|m| eu.contains(m) && !nato.contains(m))
            .map(|m| m.to_string())
            .collect(),
        excluded,
    }
}

/// Costs and schedules every line with a gap, in the scenario's priority order, and stores each
/// line's closure in `lines`.
fn close_gaps(
    dataset: &Dataset,
    scenario: &Scenario,
    lines: &mut [LineResult],
    headroom_eur_bn: &[f64],
) -> closure::ClosureOutcome {
    let priority = &scenario.closure.priority.value;
    let rank = |line: &str| priority.iter().position(|p| p == line).unwrap_or(priority.len());
    let excluded = &scenario.closure.excluded.value;
    let mut order: Vec<usize> = (0..lines.len())
        .filter(|idx| {
            lines[*idx].ledger.gap.is_some_and(|g| g > 0.0) && !excluded.contains(&lines[*idx].line)
        })
        .collect();
    order.sort_by_key(|idx| rank(&lines[*idx].line));
    let mut gaps = Vec::new();
    let mut gap_notes = Vec::new();
    for idx in &order {
        let line = &lines[*idx];
        let gap_units = line.ledger.units_to_buy.unwrap_or(0.0);
        let (gap, notes) = resolve::line_gap(dataset, scenario, &line.line, gap_units, line.unit_cost_eur_m);
        gaps.push(gap);
        gap_notes.push(notes);
    }
    let mut outcome = closure::close_gaps(&gaps, &resolve::closure_params(scenario), headroom_eur_bn);
    let brigades_assembled = resolve::assemble_brigades(dataset, &mut outcome);
    for (idx, notes) in order.iter().zip(gap_notes) {
        let line = &mut lines[*idx];
        if brigades_assembled && line.line == "manoeuvre_brigades" {
            // Its own lead time and production rate play no part once it is assembled.
            line.notes.push(LineNote::AssembledFromLines);
        } else {
            line.notes.extend(notes);
        }
    }
    for (idx, closure) in order.iter().zip(&outcome.lines) {
        lines[*idx].closure = Some(closure.clone());
    }
    outcome
}

/// Every judgement parameter of the scenario, as used (central values of distributions).
fn assumptions(scenario: &Scenario) -> Vec<Assumption> {
    scenario
        .parameters
        .values()
        .map(|p| Assumption {
            name: p.name.clone(),
            value: p.distribution.central(),
            decimals: given_decimals(&p.distribution),
            form: p.distribution.kind(),
            unit: p.unit.name,
            origin: p.origin.to_string(),
            rationale: p.rationale.clone(),
        })
        .collect()
}

/// The most decimals among the numbers a distribution is given by (see
/// [`Assumption::decimals`]), from their shortest round-trip form, at most 4.
fn given_decimals(distribution: &bulwark_core::Distribution) -> usize {
    use bulwark_core::Distribution as D;
    let numbers: Vec<f64> = match distribution {
        D::Fixed(value) => vec![*value],
        D::Uniform { min, max } => vec![*min, *max],
        D::Triangular { min, mode, max } | D::Pert { min, mode, max } => vec![*min, *mode, *max],
        D::Normal { mean, sd, .. } => vec![*mean, *sd],
        D::Lognormal { median, .. } => vec![*median],
        D::Discrete { values, .. } => values.clone(),
    };
    let decimals = |value: &f64| value.to_string().split_once('.').map_or(0, |(_, fraction)| fraction.len());
    numbers.iter().map(decimals).max().unwrap_or(0).min(4)
}

#[cfg(test)]
mod tests {
    use bulwark_core::Bound;

    use super::*;

    #[test]
    fn review_6_an_assumption_is_shown_at_the_precision_it_is_given() {
        use bulwark_core::Distribution as D;
        assert_eq!(given_decimals(&D::Triangular { min: 5.0, mode: 7.0, max: 11.0 }), 0);
        assert_eq!(given_decimals(&D::Fixed(0.6)), 1);
        assert_eq!(given_decimals(&D::Triangular { min: 0.5, mode: 0.767, max: 0.9 }), 3);
        assert_eq!(given_decimals(&D::Fixed(1.0 / 3.0)), 4);
    }

    fn run(name: &str) -> Assessment {
        let dataset = Dataset::embedded().unwrap();
        assess(&dataset, &Scenario::load(name, &dataset).unwrap())
    }

    #[test]
    fn a_line_left_out_of_the_costing_keeps_its_gap_but_costs_nothing() {
        let dataset = Dataset::embedded().unwrap();
        let base = Scenario::load("baseline", &dataset).unwrap();
        let text = "name = \"x\"\nextends = \"baseline\"\n[closure]\nexcluded = [\"tanker_aircraft\"]\n";
        let scoped = Scenario::parse("x.toml", text, &dataset).unwrap();
        let (all, without) = (core(&dataset, &base), core(&dataset, &scoped));
        let tankers = |c: &Core| c.lines.iter().find(|l| l.line == "tanker_aircraft").unwrap().clone();
        assert!(
            tankers(&all).closure.is_some_and(|c| c.procurement_eur_bn.is_some_and(|eur_bn| eur_bn > 0.0)),
            "tankers are a priced gap"
        );
        assert!(tankers(&without).closure.is_none());
        assert_eq!(tankers(&without).ledger.gap, tankers(&all).ledger.gap, "the gap is still reported");
        assert!(without.closure.procurement_eur_bn < all.closure.procurement_eur_bn);
    }

    #[test]
    fn every_axis_and_question_is_reported() {
        let assessment = run("baseline");
        let numbers: Vec<u8> = assessment.axes.iter().map(|a| a.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
        assert_eq!(assessment.questions.len(), 3);
    }

    /// Issue 9: each axis carries its own typed figures, and they are the models' numbers (the
    /// report writes them; nothing here is formatted).
    #[test]
    fn each_axis_and_question_carries_the_models_numbers() {
        let a = run("baseline");
        let figures: Vec<&AxisFigures> = a.axes.iter().map(|axis| &axis.figures).collect();
        let [AxisFigures::StrategicAssets(assets), AxisFigures::Nuclear(Ok(nuclear)), AxisFigures::Financial(money), AxisFigures::Integration(Ok(decision)), AxisFigures::MultiDomain(domains)] =
            figures.as_slice()
        else {
            panic!("the axes' figures are out of order or a model refused: {figures:?}");
        };
        let iamd = a.iamd.as_ref().unwrap();
        let iamd_figures = assets.iamd.as_ref().unwrap();
        assert_eq!(
            iamd_figures.leak_share_without_us.to_bits(),
            iamd.outcome_without_us.leak_fraction().to_bits()
        );
        assert!(iamd_figures.ensemble.as_ref().is_some_and(|e| e.runs > 0));
        assert!(assets.lines_without_data.iter().all(|id| a.lines.iter().any(|l| &l.line == id)));
        let n = a.nuclear.as_ref().unwrap();
        assert_eq!(nuclear.credibility_without_us.to_bits(), n.outcome.without_us.credibility.to_bits());
        assert_eq!(nuclear.patrons.len(), n.outcome.with_us.patrons.len());
        assert_eq!(money.cost_to_close_eur_bn.to_bits(), a.horizon_cost_eur_bn.to_bits());
        assert_eq!(money.cumulative_headroom_eur_bn.to_bits(), a.cumulative_headroom_eur_bn.to_bits());
        assert_eq!(money.last_critical_gap_closes_year, a.window_closes);
        let d = a.decision.as_ref().unwrap();
        assert_eq!(decision.p_in_time_scenario.to_bits(), d.p_in_time.to_bits());
        assert_eq!(decision.bodies.len(), d.bodies.len());
        assert!(domains.domain_scores_without_us.iter().all(|s| (0.0..=1.0).contains(&s.score_without_us)));
        assert!(domains.force_package.is_none(), "the baseline sets no force package");
        let c = a.campaign.as_ref().unwrap();
        for question in &a.questions {
            match (question.id, &question.answer) {
                ("Q1", Ok(Answer::Umbrella(q1))) => {
                    assert_eq!(
                        q1.credibility_without_us.to_bits(),
                        n.outcome.without_us.credibility.to_bits()
                    )
                }
                ("Q2", Ok(Answer::StopRussia(q2))) => {
                    assert_eq!(
                        (q2.p_hold_without_us.to_bits(), q2.year),
                        (c.without_us.p_hold.to_bits(), c.year)
                    );
                    assert_eq!(q2.window_years_without_us, c.window.years_without_us);
                }
                ("Q3", Ok(Answer::OwnDeterrent(q3))) => assert!(q3.best.is_some()),
                other => panic!("unexpected answer {other:?}"),
            }
        }
    }

    /// Issue 11: in match-threat mode Europe's 10 SEAD aircraft against Russia's 2 Il-22PP (a
    /// lower bound) and its MALE drones against 6 Mohajer-6 (a lower bound) are not
    /// self-sufficiency: Russia's true holdings are unknown and higher.
    #[test]
    fn match_threat_does_not_call_a_line_self_sufficient_against_a_lower_bound() {
        let dataset = Dataset::embedded().unwrap();
        let mut scenario = Scenario::load("baseline", &dataset).unwrap();
        scenario.ledger.requirement.value = bulwark_scenario::RequirementMode::MatchThreat;
        let lines = core(&dataset, &scenario).lines;
        let line = |id: &str| lines.iter().find(|l| l.line == id).unwrap().ledger.clone();
        for id in ["sead_aircraft", "male_hale_drones"] {
            let sead = line(id);
            // As stated, Europe would cover the threat: the coverage is computed (the best case) ...
            assert!(sead.coverage_without_us.is_some_and(|c| c >= 1.0), "{id}: {sead:?}");
            // ... but the verdict is open, because the threat figure is a lower bound.
            assert_eq!(sead.status, Err(ledger::MissingData::ThreatMayBeHigher(Bound::Lower)), "{id}");
            assert_eq!(sead.requirement_bound, Bound::Lower, "{id}");
        }
        // A line whose threat figure is a count keeps its verdict.
        let ssn = line("ssn");
        assert_eq!(ssn.requirement_bound, Bound::Exact);
        assert!(ssn.status.is_ok(), "{ssn:?}");
        // Europe's own lower bounds (Germany's Puma-only IFV count) are carried too.
        assert_eq!(line("infantry_fighting_vehicles").europe_bound, Bound::Lower);
    }

    #[test]
    fn with_the_us_as_today_replace_us_leaves_no_benchmark_gap_but_europe_alone_is_short() {
        let assessment = run("baseline");
        for line in &assessment.lines {
            if let Some(gap) = line.ledger.gap_with_us {
                assert!(gap.abs() < 1e-9, "{}: {gap}", line.line);
            }
        }
        let destroyers = assessment.lines.iter().find(|l| l.line == "destroyers").unwrap();
        assert!(destroyers.ledger.gap.is_some_and(|g| g > 0.0));
        assert_ne!(destroyers.ledger.status, Ok(ledger::Verdict::SelfSufficient));
        assert!(assessment.procurement_eur_bn > 0.0, "Europe's own gaps are costed");
    }

    /// r9: the verdicts answer "without the US", so the US posture moves only the benchmark.
    #[test]
    fn the_us_posture_changes_the_benchmark_not_the_europe_alone_verdicts() {
        let today = run("baseline");
        let withdrawn = run("us-full-withdrawal");
        for (t, w) in today.lines.iter().zip(&withdrawn.lines) {
            assert_eq!(t.ledger.status, w.ledger.status, "{}", t.line);
        }
        let verdicts = |a: &Assessment| -> Vec<Option<ledger::Verdict>> {
            a.axes
                .iter()
                .map(|axis| match axis.status {
                    AxisStatus::Assessed { verdict, .. } => Some(verdict),
                    _ => None,
                })
                .collect()
        };
        let benchmarks = |a: &Assessment| -> Vec<Option<ledger::Verdict>> {
            a.axes
                .iter()
                .map(|axis| match axis.status {
                    AxisStatus::Assessed { benchmark, .. } => Some(benchmark),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(verdicts(&today), verdicts(&withdrawn));
        assert_ne!(benchmarks(&today), benchmarks(&withdrawn));
        // Nuclear deterrence rests on the US umbrella: Europe alone is not self-sufficient.
        assert_ne!(verdicts(&today)[1], Some(ledger::Verdict::SelfSufficient));
        // Every line Europe covers below the "partially dependent" threshold reads dependent.
        for line in &today.lines {
            if let (Some(own), Ok(verdict)) = (line.ledger.coverage_without_us, line.ledger.status) {
                if own < 0.6 {
                    assert_eq!(verdict, ledger::Verdict::Dependent, "{}", line.line);
                }
            }
        }
    }

    #[test]
    fn a_full_withdrawal_opens_gaps_that_cost_money() {
        let assessment = run("us-full-withdrawal");
        let gaps: Vec<&LineResult> =
            assessment.lines.iter().filter(|l| l.ledger.gap.is_some_and(|g| g > 0.0)).collect();
        assert!(gaps.iter().any(|l| l.line == "destroyers"), "the US destroyers in Europe leave a gap");
        assert!(assessment.procurement_eur_bn > 0.0);
        assert!(assessment.horizon_cost_eur_bn > assessment.procurement_eur_bn);
    }

    #[test]
    fn brigades_are_raised_as_their_equipment_arrives() {
        let assessment = run("us-full-withdrawal");
        let line = |id: &str| assessment.lines.iter().find(|l| l.line == id).unwrap();
        let brigades =
            line("manoeuvre_brigades").closure.as_ref().expect("the withdrawal leaves a brigade gap");
        let year = brigades.funded_closure_year.expect("brigades close within the horizon");
        for component in ["main_battle_tanks", "infantry_fighting_vehicles", "active_personnel"] {
            let closes = line(component).closure.as_ref().and_then(|c| c.funded_closure_year).unwrap();
            assert!(year >= closes, "brigades close in {year}, before their {component} ({closes})");
        }
        assert_eq!(brigades.procurement_eur_bn, Some(0.0), "costed on the equipment lines, not twice");
        let notes = &line("manoeuvre_brigades").notes;
        assert!(notes.iter().all(|n| !n.to_string().starts_with("fallback")), "{notes:?}");
    }

    #[test]
    fn withdrawing_more_never_raises_an_axis_score() {
        let partial = run("us-conventional-withdrawal");
        let full = run("us-full-withdrawal");
        for (p, f) in partial.axes.iter().zip(&full.axes) {
            if let (AxisStatus::Assessed { score: ps, .. }, AxisStatus::Assessed { score: fs, .. }) =
                (&p.status, &f.status)
            {
                assert!(fs <= &(ps + 1e-9), "axis {}: {fs} > {ps}", p.number);
            }
        }
    }
}
