//! Tests of the catalogue: both languages define the same messages with the same variables, every
//! id the source uses exists, and the Japanese number, money and date formats.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::{Lang, Messages};

/// Every message of a language: id → the variables its value and attributes reference.
fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (name, text) in lang.files() {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut vars);
                }
                let id = message.id.name.to_string();
                assert!(out.insert(id.clone(), vars).is_none(), "{name}: message `{id}` defined twice");
            }
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for variant in variants {
                pattern_variables(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, vars),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        _ => {}
    }
}

#[test]
fn catalogue_parses_without_errors() {
    for lang in Lang::ALL {
        for (name, text) in lang.files() {
            if let Err((_, errors)) = fluent_syntax::parser::parse(*text) {
                panic!("{name}: {errors:?}");
            }
        }
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_variables() {
    let en = catalogue(Lang::En);
    let ja = catalogue(Lang::Ja);
    let only_en: Vec<&String> = en.keys().filter(|id| !ja.contains_key(*id)).collect();
    let only_ja: Vec<&String> = ja.keys().filter(|id| !en.contains_key(*id)).collect();
    assert!(only_en.is_empty(), "messages missing in ja: {only_en:?}");
    assert!(only_ja.is_empty(), "messages missing in en: {only_ja:?}");
    for (id, vars) in &en {
        assert_eq!(Some(vars), ja.get(id), "variables of `{id}` differ between en and ja");
    }
    assert!(en.len() > 50, "the catalogue has {} messages", en.len());
}

/// Every `m.t("id")` / `m.f("id", …)` / `msg_id!("id")` in the crate's source names a message of
/// the catalogue: a typo would otherwise print `[id]` in a report.
#[test]
fn every_id_the_source_uses_exists() {
    let en = catalogue(Lang::En);
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut used = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                // Comments may show the calls as examples.
                let text: String = text
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for pattern in [".t(\"", ".f(\""] {
                    for (idx, _) in text.match_indices(pattern) {
                        let rest = &text[idx + pattern.len()..];
                        let id: String = rest.chars().take_while(|c| *c != '"').collect();
                        if !id.contains('{') {
                            used.insert(id);
                        }
                    }
                }
            }
        }
    }
    let missing: Vec<&String> = used.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "ids used in the source but not in the catalogue: {missing:?}");
    assert!(used.len() > 20, "found {} ids in the source", used.len());
}

#[test]
fn no_bidi_isolation_marks() {
    let m = Messages::new(Lang::Ja);
    let text = m.f("coalition-count", &[("n", 34usize.into())]);
    assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'), "{text:?}");
    assert!(text.contains("34"), "{text}");
}

#[test]
fn missing_message_is_its_id_not_a_panic() {
    assert_eq!(Messages::new(Lang::Ja).t("no-such-message"), "[no-such-message]");
}

#[test]
fn japanese_money_in_oku_and_cho() {
    let m = Messages::new(Lang::Ja);
    assert_eq!(m.eur_bn(247.0, 0), "2,470億ユーロ");
    assert_eq!(m.eur_bn(100.3, 1), "1,003億ユーロ");
    assert_eq!(m.eur_bn(5742.0, 0), "5兆7,420億ユーロ");
    assert_eq!(m.eur_bn(1000.0, 0), "1兆ユーロ");
    assert_eq!(m.eur_bn(0.4, 1), "4億ユーロ");
    assert_eq!(m.eur_bn(0.0, 0), "0億ユーロ");
    assert_eq!(m.eur_bn(-12.34, 1), "-123億ユーロ");
    assert_eq!(m.eur_bn(f64::NAN, 1), "—");
    assert_eq!(Messages::new(Lang::En).eur_bn(100.34, 1), "EUR 100.3 bn");
}

#[test]
fn percentages_dates_and_lists_per_locale() {
    let (en, ja) = (Messages::new(Lang::En), Messages::new(Lang::Ja));
    assert_eq!(en.pct(45.0, 0), "45 %");
    assert_eq!(ja.pct(45.0, 0), "45%");
    assert_eq!(ja.pct(1234.5, 1), "1,234.5%");
    assert_eq!(en.date(2026, 12, 7), "7 December 2026");
    assert_eq!(ja.date(2026, 12, 7), "2026年12月7日");
    let items = vec!["a".to_string(), "b".to_string(), "c".to_string()];
    assert_eq!(en.list(&items), "a, b and c");
    assert_eq!(ja.list(&items), "a、b、c");
    assert_eq!(ja.number(1234567.0, 0), "1,234,567");
}

#[test]
fn countries_by_language() {
    let (en, ja) = (Messages::new(Lang::En), Messages::new(Lang::Ja));
    assert_eq!(en.country("GBR"), "United Kingdom");
    assert_eq!(ja.country("GBR"), "英国");
    assert_eq!(ja.country("DEU"), "ドイツ");
    assert_eq!(ja.country("XYZ"), "XYZ");
}

#[test]
fn every_dataset_line_and_domain_has_a_name() {
    let dataset = bulwark_data::Dataset::embedded().expect("the embedded dataset loads");
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for line in &dataset.lines {
            let name = m.line_name(&line.id, &line.name);
            assert!(!name.starts_with('['), "{lang}: {}", line.id);
            if lang == Lang::Ja {
                assert!(!name.is_ascii(), "no Japanese name for line {}", line.id);
            } else {
                assert_eq!(name, line.name, "the en catalogue names {} as the dataset does", line.id);
            }
        }
    }
}

#[test]
fn lang_parses_its_codes_only() {
    assert_eq!("ja".parse::<Lang>(), Ok(Lang::Ja));
    assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
    assert!("fr".parse::<Lang>().is_err());
}

#[test]
fn every_axis_and_question_of_the_assessment_is_titled_in_both_languages() {
    // The assessment names its axes by number and its questions by id; the report words them.
    let dataset = bulwark_data::Dataset::embedded().expect("the embedded dataset loads");
    let scenario = bulwark_scenario::Scenario::load("baseline", &dataset).expect("the baseline loads");
    let a = bulwark_assess::assess(&dataset, &scenario);
    assert_eq!((a.axes.len(), a.questions.len()), (5, 3));
    for lang in Lang::ALL {
        let m = Messages::new(lang);
        for axis in &a.axes {
            assert!(m.has(&format!("axis-{}-title", axis.number)), "{lang}: axis {}", axis.number);
        }
        for q in &a.questions {
            assert!(
                m.has(&format!("question-{}", q.id)) && m.has(&format!("question-short-{}", q.id)),
                "{lang}: {}",
                q.id
            );
        }
    }
}

#[test]
fn a_window_with_a_gap_reads_as_its_runs_of_years() {
    let (en, ja) = (Messages::new(Lang::En), Messages::new(Lang::Ja));
    let years = [2029, 2030, 2046, 2047, 2048, 2050];
    assert_eq!(en.year_runs(&years), "2029–2030, 2046–2048, 2050");
    assert_eq!(ja.year_runs(&years), "2029〜2030年、2046〜2048年、2050年");
    assert_eq!(en.year_runs(&[2029, 2030, 2031]), "2029–2031");
    assert_eq!(en.year_runs(&[]), "");
    assert_eq!(super::consecutive_runs(&years), vec![(2029, 2030), (2046, 2048), (2050, 2050)]);
}
