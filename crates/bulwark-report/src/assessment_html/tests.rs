//! Tests of the HTML report: structure, escaping, stable bytes, a chart snapshot.

use bulwark_data::Dataset;
use bulwark_scenario::Scenario;

use super::*;

fn dataset() -> Dataset {
    Dataset::embedded().unwrap()
}

fn html_of(a: &Assessment) -> String {
    to_html(a, &dataset(), None, &crate::i18n::Messages::new(crate::i18n::Lang::En))
}

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
    assert_eq!(percent(0.9433, &crate::i18n::Messages::new(crate::i18n::Lang::En)), "94 %");
    assert_eq!(percent(0.0123, &crate::i18n::Messages::new(crate::i18n::Lang::En)), "1.2 %");
    assert_eq!(eur_bn(161.0006, &crate::i18n::Messages::new(crate::i18n::Lang::En)), "EUR 161 bn");
}

#[test]
fn every_section_is_present_with_one_chart_each_and_nothing_remote() {
    let html = html_of(&assessment("us-full-withdrawal"));
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    for id in ["summary", "lines", "assumptions", "references"] {
        if id == "summary" {
            assert_eq!(section(&html, id).matches("<svg").count(), 1, "page 1 has one chart, the clocks");
            continue;
        }
        assert!(!section(&html, id).contains("<svg"), "{id} has no chart");
    }
    for id in ["coverage", "spending", "timeline", "burden"] {
        assert_eq!(section(&html, id).matches("<svg").count(), 1, "{id}");
        assert_eq!(section(&html, id).matches("</svg>").count(), 1, "{id}");
    }
    assert_eq!(
        html.matches("<svg").count(),
        4 + 1 + 2 + 1 + 2 + 1 + 3,
        "+ 1: #iamd, #decision; + 2: #nuclear (sensitivity, curve), #campaign; + 1: #threat (both clocks and P(hold)); \
         + 3: the clocks on page 1, the strategic lines' coverage, the map"
    );
    assert_eq!(section(&html, "threat").matches("<svg").count(), 1, "threat");
    // Nothing is fetched: no script, no stylesheet link, no image source, no remote font.
    for needle in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "{needle}");
    }
    assert_eq!(section(&html, "summary").matches("<tr><td>").count(), 5 + 3);
}

#[test]
fn every_line_and_assumption_appears() {
    let a = assessment("us-full-withdrawal");
    let html = html_of(&a);
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
    let html = html_of(&assessment("us-full-withdrawal"));
    let axes = section(&html, "summary");
    // Q1 and Q3 are answered by the nuclear model, Q2 by the campaign: nothing awaits now.
    assert!(!axes.contains("model not yet available"));
    assert_eq!(axes.matches("awaits the").count(), 0);
}

#[test]
fn hostile_text_is_escaped() {
    let mut a = assessment("us-full-withdrawal");
    a.scenario = "<script>alert('x')</script>".into();
    a.description = "\"quoted\" & <b>bold</b>".into();
    // A line the catalogue does not know shows the dataset's name, escaped.
    a.lines[0].line = "line_not_in_the_catalogue".into();
    a.lines[0].name = "<img onerror=x>".into();
    a.assumptions[0].rationale = "</td></tr><script>".into();
    let html = html_of(&a);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>bold"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;img onerror=x&gt;"));
}

#[test]
fn a_partial_us_posture_gets_its_own_coverage_bar() {
    let mut a = assessment("us-full-withdrawal");
    assert!(!section(&html_of(&a), "coverage").contains("scenario&#39;s US posture"));
    let line = a.lines.iter_mut().find(|l| l.line == "destroyers").unwrap();
    line.ledger.coverage = line.ledger.coverage_without_us.map(|c| (c + 1.0) / 2.0);
    assert!(section(&html_of(&a), "coverage").contains("with the scenario&#39;s US posture"));
}

#[test]
fn the_same_assessment_gives_the_same_bytes() {
    let a = assessment("us-conventional-withdrawal");
    assert_eq!(html_of(&a), html_of(&a.clone()));
    assert_eq!(html_of(&a), html_of(&assessment("us-conventional-withdrawal")));
}

#[test]
fn the_baseline_without_gaps_renders_every_section() {
    let html = html_of(&assessment("baseline"));
    for id in [
        "summary",
        "coverage",
        "coverage-strategic",
        "map",
        "spending",
        "timeline",
        "burden",
        "lines",
        "assumptions",
        "references",
    ] {
        section(&html, id);
    }
}

#[test]
fn a_force_package_gets_its_own_section_only_when_the_scenario_sets_one() {
    assert!(!html_of(&assessment("us-full-withdrawal")).contains("id=\"force-package\""));
    let dataset = Dataset::embedded().unwrap();
    let kiel = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/validation/kiel-bruegel-2025.toml");
    let html = html_of(&bulwark_assess::assess(&dataset, &Scenario::load(kiel, &dataset).unwrap()));
    let package = section(&html, "force-package");
    assert!(
        package.contains("300,000 troops") && package.contains("<strong>50 brigades</strong>"),
        "{package}"
    );
    assert!(package.contains("<td>Main battle tanks</td>"), "{package}");
}

#[test]
fn page_one_lists_the_five_tests_and_three_questions_with_ranges_then_the_contents() {
    // With the drivers' screen, as `bulwark assess` runs it.
    let dataset = Dataset::embedded().unwrap();
    let scenario = Scenario::load("baseline", &dataset).unwrap();
    let drivers = bulwark_explore::drivers::headline_drivers(&dataset, &scenario);
    let html = html_of(&Assessment { drivers, ..assessment("baseline") });
    let summary = section(&html, "summary");
    let start = html.find("<section id=\"summary\"").unwrap();
    assert!(start < html.find("<nav id=\"contents\"").unwrap(), "contents after page 1");
    assert!(html.find("<nav id=\"contents\"").unwrap() < html.find("id=\"test-1\"").unwrap());
    for anchor in ["test-1", "test-2", "test-3", "test-4", "test-5", "q1", "q2", "q3"] {
        assert!(summary.contains(&format!("<a href=\"#{anchor}\">")), "{anchor}");
        assert!(html.contains(&format!("id=\"{anchor}\"")), "{anchor} has a section");
    }
    let verdict_table = &summary[..summary.find("</table>").unwrap()];
    assert_eq!(
        verdict_table.matches("p5–p95").count() + verdict_table.matches("90 % interval ").count(),
        5,
        "ranges are shown"
    );
    // Three key assumptions, each by its label (the name in the scenario file only as a tooltip).
    assert_eq!(summary.matches("<li><span title=\"").count(), 3, "three key assumptions");
    assert!(!summary.contains("<li><code>"), "no parameter name shown on page 1");
    assert!(summary.contains("Morris screen"), "the ranking method is said");
}

#[test]
fn every_contents_link_and_every_citation_resolves() {
    let html = html_of(&assessment("baseline"));
    let mut rest = html.as_str();
    let mut n_links = 0;
    while let Some(at) = rest.find("href=\"#") {
        let target = &rest[at + 7..];
        let id = &target[..target.find('"').unwrap()];
        assert!(html.contains(&format!("id=\"{id}\"")), "link to #{id} has no target");
        n_links += 1;
        rest = &target[1..];
    }
    assert!(n_links > 10, "{n_links}");
    let refs = section(&html, "references");
    let n_entries = refs.matches("<li id=\"ref-").count();
    assert!(n_entries > 20, "{n_entries} references");
    // Every number cited in the text is an entry of the list.
    for part in html.split("<p class=\"sources\">").skip(1) {
        let cite = &part[..part.find("</p>").unwrap()];
        for number in cite.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty()) {
            let n: usize = number.parse().unwrap();
            assert!((1..=n_entries).contains(&n), "[{n}] of {n_entries}");
        }
    }
    // Source ids in the answers are renumbered, not left as ids.
    assert!(!html.contains("[fas-nuclear-notebook-uk-2024"), "ids replaced by numbers");
}

#[test]
fn every_chart_has_a_title_and_an_axis_title_and_the_print_style_has_a_running_header() {
    let html = html_of(&assessment("baseline"));
    for chart in html.split("<svg").skip(1) {
        let chart = &chart[..chart.find("</svg>").unwrap()];
        assert!(chart.contains("<title>"), "{}", &chart[..200.min(chart.len())]);
        assert!(chart.contains("class=\"axis-title\""), "{}", &chart[..300.min(chart.len())]);
    }
    assert!(html.contains("@top-left { content: \"Bulwark net assessment · scenario baseline\""));
    assert!(html.contains("break-inside: avoid") && html.contains("size: A4"));
    assert!(!html.contains("NaN"));
}
