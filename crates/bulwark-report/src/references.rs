//! The numbered reference list of a report: the entries of the dataset's `sources.csv` behind
//! the figures the report shows, numbered in the order the report's sections first cite them,
//! and cited in the text as `[n]` (runs of numbers as `[n–m]`).
//!
//! Which sources stand behind which section: tests 1, 4 and 5 each rest on the inventory rows of
//! the coalition and the United States for the lines that test scores and the unit costs of
//! their priced systems (test 1 also on the adversary's missile and drone output its IAMD model
//! reads); the nuclear test and questions 1 and 3 on the
//! nuclear table and the sources their sentences name; the financial test on the coalition's
//! spending, GDP and share-of-GDP figures and the exchange rates; the integration test on the
//! members' parliamentary rules and populations; question 2 on the adversary's inventory and
//! its reported losses.

use std::collections::{BTreeMap, BTreeSet};

use bulwark_assess::Assessment;
use bulwark_data::{Dataset, Source};

/// The sections that cite sources, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cited {
    /// Test 1: its capability lines and the IAMD model's threat output.
    StrategicAssets,
    /// Test 5: its capability lines.
    MultiDomain,
    /// Every capability line (the HTML report's full table of lines, under test 5).
    Lines,
    /// Test 2 and questions 1 and 3: nuclear forces.
    Nuclear,
    /// Test 3: spending and GDP.
    Financial,
    /// Test 4: decision rules.
    Integration,
    /// Question 2: the adversary.
    Adversary,
}

/// The numbered references of one report.
#[derive(Clone, Debug, Default)]
pub struct References<'a> {
    /// The entries, in number order (number = index + 1).
    pub entries: Vec<&'a Source>,
    by_section: BTreeMap<Cited, Vec<usize>>,
}

impl<'a> References<'a> {
    /// The references of a whole report: the sources behind its figures and those the
    /// nuclear answers cite in their sentences (in the report's language).
    pub(crate) fn of_report(
        a: &Assessment,
        dataset: &'a Dataset,
        m: &crate::i18n::Messages,
    ) -> References<'a> {
        let answers: Vec<String> = a
            .questions
            .iter()
            .filter_map(|q| crate::nuclear_text::answer(a, q.id, m))
            .flat_map(|answer| answer.sentences)
            .collect();
        References::collect(a, dataset, &answers.join(" "))
    }

    /// Collects the sources behind the report's figures and numbers them.
    pub fn collect(a: &Assessment, dataset: &'a Dataset, extra_text: &str) -> References<'a> {
        let mut strategic_assets = line_sources(a, dataset, Some(1));
        if let Some(iamd) = &a.iamd {
            strategic_assets.extend(iamd.facts.production_used.iter().map(|p| p.source.to_string()));
        }
        let mut integration = line_sources(a, dataset, Some(4));
        integration.extend(integration_sources(a, dataset));
        let groups = [
            (Cited::StrategicAssets, strategic_assets),
            (Cited::Nuclear, nuclear_sources(a, dataset, extra_text)),
            (Cited::Financial, financial_sources(a, dataset)),
            (Cited::Integration, integration),
            (Cited::MultiDomain, line_sources(a, dataset, Some(5))),
            (Cited::Lines, line_sources(a, dataset, None)),
            (Cited::Adversary, adversary_sources(a, dataset)),
        ];
        let mut refs = References::default();
        let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
        for (section, ids) in groups {
            let mut cited = Vec::new();
            for id in ids {
                let Some(source) = dataset.source(&id) else { continue };
                let number = *numbers.entry(source.id.as_str()).or_insert_with(|| {
                    refs.entries.push(source);
                    refs.entries.len()
                });
                cited.push(number);
            }
            cited.sort_unstable();
            cited.dedup();
            refs.by_section.insert(section, cited);
        }
        refs
    }

    /// The numbers a section cites.
    pub fn numbers(&self, section: Cited) -> &[usize] {
        self.by_section.get(&section).map_or(&[], Vec::as_slice)
    }

    /// The number of a source id, if the list has it.
    pub fn number_of(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|s| s.id == id).map(|idx| idx + 1)
    }

    /// A section's citation as text, `[1–4, 7]`; empty when it cites nothing.
    pub fn cite(&self, section: Cited) -> String {
        cite_numbers(self.numbers(section))
    }

    /// Replaces every `[id, id]` of known source ids in `text` by `[n, m]`.
    pub fn renumber(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']').map(|c| open + c) else { break };
            let inner = &rest[open + 1..close];
            let numbers: Option<Vec<usize>> = inner.split(',').map(|id| self.number_of(id.trim())).collect();
            out.push_str(&rest[..open]);
            match numbers {
                Some(mut numbers) if !numbers.is_empty() => {
                    numbers.sort_unstable();
                    numbers.dedup();
                    out.push_str(&cite_numbers(&numbers));
                }
                _ => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// Numbers as a citation, runs joined: `[1–3, 7]`.
pub fn cite_numbers(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut idx = 0;
    while idx < numbers.len() {
        let start = numbers[idx];
        let mut end = start;
        while idx + 1 < numbers.len() && numbers[idx + 1] == end + 1 {
            idx += 1;
            end = numbers[idx];
        }
        parts.push(if end > start { format!("{start}–{end}") } else { start.to_string() });
        idx += 1;
    }
    format!("[{}]", parts.join(", "))
}

fn coalition(a: &Assessment) -> BTreeSet<&str> {
    a.coalition.iter().map(String::as_str).collect()
}

/// The sources of the lines test `axis` scores (every line for `None`): their inventory rows
/// (coalition and US) and the unit costs of their priced systems.
fn line_sources(a: &Assessment, dataset: &Dataset, axis: Option<u8>) -> Vec<String> {
    let members = coalition(a);
    let scored: BTreeSet<&str> = a
        .axes
        .iter()
        .filter(|it| axis.is_none_or(|axis| it.number == axis))
        .flat_map(|it| it.deciding_lines.iter().map(String::as_str))
        .collect();
    let shown = a.lines.iter().filter(|l| axis.is_none() || scored.contains(l.line.as_str()));
    let lines: BTreeSet<&str> = shown.clone().map(|l| l.line.as_str()).collect();
    let priced: BTreeSet<&str> = shown.flat_map(|l| l.priced_systems.iter().map(String::as_str)).collect();
    let mut ids: Vec<String> = dataset
        .inventory
        .iter()
        .filter(|row| lines.contains(row.line.as_str()))
        .filter(|row| members.contains(row.iso3.as_str()) || row.iso3.as_str() == "USA")
        .map(|row| row.provenance.source.clone())
        .collect();
    ids.extend(
        dataset
            .costs
            .iter()
            .filter(|row| lines.contains(row.line.as_str()) && priced.contains(row.system.as_str()))
            .map(|row| row.provenance.source.clone()),
    );
    ids
}

fn nuclear_sources(a: &Assessment, dataset: &Dataset, text: &str) -> Vec<String> {
    if a.nuclear.is_none() {
        return Vec::new();
    }
    let mut ids: Vec<String> = dataset.nuclear.iter().map(|row| row.provenance.source.clone()).collect();
    // Sources the answers name in brackets.
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else { break };
        ids.extend(rest[open + 1..close].split(',').map(|id| id.trim().to_string()));
        rest = &rest[close + 1..];
    }
    ids
}

fn financial_sources(a: &Assessment, dataset: &Dataset) -> Vec<String> {
    let members = coalition(a);
    let mut ids: Vec<String> = dataset
        .country_figures
        .iter()
        .filter(|row| members.contains(row.iso3.as_str()))
        .filter(|row| row.figure.starts_with("defence_") || row.figure == "gdp")
        .map(|row| row.provenance.source.clone())
        .collect();
    ids.extend(dataset.rates.iter().map(|row| row.provenance.source.clone()));
    ids.extend(
        dataset
            .production
            .iter()
            .filter(|row| members.contains(row.iso3.as_str()))
            .map(|row| row.provenance.source.clone()),
    );
    ids
}

fn integration_sources(a: &Assessment, dataset: &Dataset) -> Vec<String> {
    if a.decision.is_none() {
        return Vec::new();
    }
    let members = coalition(a);
    dataset
        .country_figures
        .iter()
        .filter(|row| members.contains(row.iso3.as_str()))
        .filter(|row| row.figure == "parliament_approval_required" || row.figure == "population")
        .map(|row| row.provenance.source.clone())
        .collect()
}

fn adversary_sources(a: &Assessment, dataset: &Dataset) -> Vec<String> {
    let Some(threat) = &a.threat else { return Vec::new() };
    let adversary = threat.adversary.as_str();
    let mut ids: Vec<String> = dataset
        .inventory
        .iter()
        .filter(|row| row.iso3.as_str() == adversary)
        .map(|row| row.provenance.source.clone())
        .collect();
    ids.extend(
        dataset
            .losses
            .iter()
            .filter(|row| row.iso3.as_str() == adversary)
            .map(|row| row.provenance.source.clone()),
    );
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Review finding 7: a section cites the sources of what it shows, not the whole list:
    /// test 1 its lines' and the IAMD model's, test 5 its own lines'.
    #[test]
    fn review_7_each_test_cites_the_sources_of_its_own_lines() {
        let dataset = Dataset::embedded().unwrap();
        let scenario = bulwark_scenario::Scenario::load("baseline", &dataset).unwrap();
        let a = bulwark_assess::assess(&dataset, &scenario);
        let refs = References::collect(&a, &dataset, "");
        let ids = |section: Cited| -> BTreeSet<&str> {
            refs.numbers(section).iter().map(|n| refs.entries[n - 1].id.as_str()).collect()
        };
        let (axis_1, axis_5) = (ids(Cited::StrategicAssets), ids(Cited::MultiDomain));
        let only_line = |line: &str| -> BTreeSet<&str> {
            dataset
                .inventory
                .iter()
                .filter(|r| r.line == line && a.coalition.iter().any(|c| c == r.iso3.as_str()))
                .map(|r| r.provenance.source.as_str())
                .collect()
        };
        // A source of tank figures alone (no other line's, no cost, no production) is test 5's.
        let tanks_only: Vec<&str> = only_line("main_battle_tanks")
            .into_iter()
            .filter(|id| {
                let other = |r: &&bulwark_data::InventoryItem| {
                    r.line != "main_battle_tanks" || r.iso3.as_str() == "RUS"
                };
                dataset.inventory.iter().filter(other).all(|r| r.provenance.source != *id)
            })
            .filter(|id| dataset.costs.iter().all(|r| r.provenance.source != *id))
            .filter(|id| dataset.production.iter().all(|r| r.provenance.source != *id))
            .collect();
        assert!(!tanks_only.is_empty());
        assert!(tanks_only.iter().all(|id| axis_5.contains(id)), "not in test 5: {tanks_only:?}");
        assert!(tanks_only.iter().all(|id| !axis_1.contains(id)), "in test 1: {tanks_only:?}");
        assert!(only_line("tanker_aircraft").iter().all(|id| axis_1.contains(id)));
        assert!(axis_1.len() < refs.entries.len() / 2, "{} of {}", axis_1.len(), refs.entries.len());
        let iamd = a.iamd.as_ref().unwrap();
        assert!(iamd.facts.production_used.iter().all(|p| axis_1.contains(p.source.as_str())));
    }

    #[test]
    fn runs_of_numbers_are_joined() {
        assert_eq!(cite_numbers(&[1, 2, 3, 5, 7, 8]), "[1–3, 5, 7–8]");
        assert_eq!(cite_numbers(&[4]), "[4]");
        assert_eq!(cite_numbers(&[]), "");
    }
}
