//! End-to-end tests of the nuclear model's answers (issue 14): Q1 and Q3 as sentences and
//! tables in every format, and the ranges `simulate nuclear` gives.

use super::bulwark;

/// Issue 14: Q1 and Q3 as short sentences and tables in every format, with per-patron resolve,
/// the credibility by year, the best packages and the figures readers know, each with a source.
#[test]
fn assess_answers_q1_and_q3_in_sentences_and_tables_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let needles = [
        "Resolve per patron",
        "Credibility by year",
        "Best packages for EUR 5 bn a year by 2036",
        "Credibility frontier",
        "fas-nuclear-notebook-usa-2025",
        "ican-2024-spending-reuters",
        "sipri-milex-2025",
        "New START expired",
        "NPT Article I",
    ];
    let table = bulwark(&["assess"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let md = bulwark(&["assess", "--format", "md", "--out", out]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let html = bulwark(&["assess", "--format", "html", "--out", out]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    for (format, text) in
        [("table", table.stdout.clone()), ("md", read("assessment.md")), ("html", read("assessment.html"))]
    {
        for needle in needles {
            assert!(text.contains(needle), "{format}: missing {needle:?}");
        }
    }
    // Short sentences, not a paragraph of thousands of characters.
    let q1 = table.stdout.split("  - Q1 ").nth(1).unwrap().split("\n\n").next().unwrap();
    assert!(q1.lines().count() >= 5 && q1.lines().all(|l| l.chars().count() < 400), "{q1}");
    let json = bulwark(&["assess", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let q3 = value["questions"].as_array().unwrap().iter().find(|q| q["id"] == "Q3").unwrap();
    assert!(q3["sentences"].as_array().is_some_and(|s| s.len() >= 4));
    assert_eq!(value["nuclear"]["packages"]["best"].as_array().map(Vec::len), Some(3));
    assert_eq!(value["nuclear"]["resolve"].as_array().map(Vec::len), Some(3));
}

/// Issue 14: `simulate nuclear` gives ranges for each patron's resolve, the curve and the best
/// packages, byte-identical across thread counts.
#[test]
fn simulate_nuclear_gives_ranges_for_resolve_the_curve_and_packages() {
    let one = bulwark(&["simulate", "nuclear", "--runs", "48", "--threads", "1", "--quiet"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    for metric in [
        "resolve_usa",
        "resolve_gbr",
        "resolve_fra",
        "credibility_2027",
        "credibility_2036",
        "package_1_credibility",
        "package_3_credibility",
    ] {
        assert!(one.stdout.contains(metric), "missing {metric}");
    }
    let two = bulwark(&["simulate", "nuclear", "--runs", "48", "--threads", "2", "--quiet"]);
    assert_eq!(one.stdout, two.stdout);
}
