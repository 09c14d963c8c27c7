//! Tests of the HTML report: structure, escaping, stable bytes, a chart snapshot.

use bulwark_data::Dataset;
use bulwark_scenario::Scenario;

use super::*;

fn assessment(name: &str) -> Assessment {
    let dataset = Dataset::embedded().unwrap();
    bulwark_assess::assess(&dataset, &Scenario::load(name, &dataset).unwrap())
}

/// The text between `<section id="{id}"` and its closing tag.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("<section id=\"{id}\"")).unwrap_or_else(|| panic!("no section {id}"));
    let len = html[start..].find("</section>").unwrap_or_else(|| panic!("section {id} not closed"));
    &html[start..start + len]
}

#[test]
fn escape_replaces_the_five_special_characters() {
    assert_eq!(
        escape(r#"<a href="x">Tom & Jerry's</a>"#),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
    );
    assert_eq!(escape("plain — text"), "plain — text");
}

#[test]
fn prose_turns_backticks_into_code() {
    assert_eq!(prose("under `a<b` today"), "under <code>a&lt;b</code> today");
}

#[test]
fn numbers_are_formatted_for_people() {
    assert_eq!(amount(6296.93), "6,297");
    assert_eq!(amount(25.44), "25.4");
    assert_eq!(amount(0.078), "0.08");
    assert_eq!(percent(0.9433), "94 %");
    assert_eq!(percent(0.0123), "1.2 %");
    assert_eq!(eur_bn(161.0006), "EUR 161 bn");
}

#[test]
fn every_section_is_present_with_one_chart_each_and_nothing_remote() {
    let html = to_html(&assessment("us-full-withdrawal"), None);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    for id in ["axes", "lines", "assumptions"] {
        assert!(!section(&html, id).contains("<svg"), "{id} has no chart");
    }
    for id in ["coverage", "spending", "timeline", "burden"] {
        assert_eq!(section(&html, id).matches("<svg").count(), 1, "{id}");
        assert_eq!(section(&html, id).matches("</svg>").count(), 1, "{id}");
    }
    assert_eq!(
        html.matches("<svg").count(),
        4 + 1 + 2 + 1 + 2 + 1,
        "+ 1: #iamd, #decision; + 2: #nuclear (sensitivity, curve), #campaign; + 1: #threat (both clocks and P(hold))"
    );
    assert_eq!(section(&html, "threat").matches("<svg").count(), 1, "threat");
    // Nothing is fetched: no script, no stylesheet link, no image source, no remote font.
    for needle in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert_eq!(section(&html, "axes").matches("<tr><td>").count(), 5 + 3);
}

#[test]
fn every_line_and_assumption_appears() {
    let a = assessment("us-full-withdrawal");
    let html = to_html(&a, None);
    let lines = section(&html, "lines");
    for line in &a.lines {
        assert!(lines.contains(&format!("<tr id=\"line-{}\">", line.line)), "{}", line.line);
    }
    let assumptions = section(&html, "assumptions");
    for assumption in &a.assumptions {
        assert!(assumptions.contains(&format!("<code>{}</code>", assumption.name)), "{}", assumption.name);
    }
}

#[test]
fn pending_axes_and_questions_say_so_plainly() {
    let html = to_html(&assessment("us-full-withdrawal"), None);
    let axes = section(&html, "axes");
    // Q1 and Q3 are answered by the nuclear model, Q2 by the campaign: nothing awaits now.
    assert!(!axes.contains("model not yet available"));
    assert_eq!(axes.matches("awaits the").count(), 0);
}

#[test]
fn hostile_text_is_escaped() {
    let mut a = assessment("us-full-withdrawal");
    a.scenario = "<script>alert('x')</script>".into();
    a.description = "\"quoted\" & <b>bold</b>".into();
    a.lines[0].name = "<img onerror=x>".into();
    a.assumptions[0].rationale = "</td></tr><script>".into();
    let html = to_html(&a, None);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>bold"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;img onerror=x&gt;"));
}

#[test]
fn a_partial_us_posture_gets_its_own_coverage_bar() {
    let mut a = assessment("us-full-withdrawal");
    assert!(!section(&to_html(&a, None), "coverage").contains("scenario&#39;s US posture"));
    let line = a.lines.iter_mut().find(|l| l.line == "destroyers").unwrap();
    line.ledger.coverage = line.ledger.coverage_without_us.map(|c| (c + 1.0) / 2.0);
    assert!(section(&to_html(&a, None), "coverage").contains("with the scenario&#39;s US posture"));
}

#[test]
fn the_same_assessment_gives_the_same_bytes() {
    let a = assessment("us-conventional-withdrawal");
    assert_eq!(to_html(&a, None), to_html(&a.clone(), None));
    assert_eq!(to_html(&a, None), to_html(&assessment("us-conventional-withdrawal"), None));
}

#[test]
fn the_baseline_without_gaps_renders_every_section() {
    let html = to_html(&assessment("baseline"), None);
    for id in ["axes", "coverage", "spending", "timeline", "burden", "lines", "assumptions"] {
        section(&html, id);
    }
}

#[test]
fn a_force_package_gets_its_own_section_only_when_the_scenario_sets_one() {
    assert!(!to_html(&assessment("us-full-withdrawal"), None).contains("id=\"force-package\""));
    let dataset = Dataset::embedded().unwrap();
    let kiel = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/validation/kiel-bruegel-2025.toml");
    let html = to_html(&bulwark_assess::assess(&dataset, &Scenario::load(kiel, &dataset).unwrap()), None);
    let package = section(&html, "force-package");
    assert!(
        package.contains("300,000 troops") && package.contains("<strong>50 brigades</strong>"),
        "{package}"
    );
    assert!(package.contains("<td>Main battle tanks</td>"), "{package}");
}
