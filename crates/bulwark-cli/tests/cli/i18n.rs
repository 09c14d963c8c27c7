//! End-to-end tests of `--lang` (issue 16): the Japanese Markdown and HTML of the baseline are
//! complete (no fixed English sentence of the catalogue left in them), the JSON does not depend on
//! the language, and a language we do not have is a usage error. Part of the `cli` test binary;
//! the browser test of the HTML is `scripts/browser-test.sh`, run by `.ci/run`.

use std::path::Path;

use super::bulwark;

/// Literal runs of the English catalogue's values (the text between placeables) of at least
/// `MIN_WORDS` words: none of them may appear in a Japanese report.
const MIN_WORDS: usize = 4;

fn english_segments() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bulwark-report/locales/en");
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("the catalogue").map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.starts_with(' ')) {
            let Some((id, value)) = line.split_once(" = ") else { continue };
            let mut literal = String::new();
            let mut depth = 0;
            let mut segments = Vec::new();
            for ch in value.chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        segments.push(std::mem::take(&mut literal));
                    }
                    '}' => depth -= 1,
                    _ if depth == 0 => literal.push(ch),
                    _ => {}
                }
            }
            segments.push(literal);
            for segment in segments {
                let segment = segment.trim().replace("<code>", "").replace("</code>", "");
                let words =
                    segment.split_whitespace().filter(|w| w.chars().any(|c| c.is_ascii_alphabetic())).count();
                if words >= MIN_WORDS {
                    out.push((id.trim().to_string(), segment));
                }
            }
        }
    }
    out
}

fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn japanese_reports_have_no_english_sentence() {
    let segments = english_segments();
    assert!(segments.len() > 100, "{} segments", segments.len());
    let md = bulwark(&["assess", "--lang", "ja", "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let html = bulwark(&["assess", "--lang", "ja", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    // The assumptions table quotes the scenario file's rationales and the header its
    // description: the scenario's own words, not fixed strings of the report.
    // FIXME(issue 16): page 1 (exec_summary.rs, html_summary.rs: the five sentences, the verdict
    // rows of the questions, the clocks and the key assumptions) is not in the catalogue yet, so
    // the check starts after it, at the contents.
    let after_page_one = |text: &str, marker: &str| {
        text.split_once(marker).map_or(String::new(), |(_, rest)| rest.to_string())
    };
    let md_text = after_page_one(&md.stdout, "\n## 目次");
    let md_text = md_text.split("\n## 前提").next().unwrap_or_default().to_string();
    let html_text = unescape(&after_page_one(&html.stdout, "<nav id=\"contents\">"));
    let html_text = html_text.split("<section id=\"assumptions\">").next().unwrap_or_default().to_string();
    assert!(md_text.len() > 10_000 && html_text.len() > 10_000, "the reports after page 1 are there");
    let left: Vec<String> = segments
        .iter()
        // FIXME(issue 16): the HTML parts the report restructure rewrote (coverage, spending,
        // timeline, burden, line table in assessment_html.rs) are not in the catalogue yet; only
        // the Markdown is held to it for now.
        .filter(|(_, s)| md_text.contains(s.as_str()))
        .map(|(id, s)| format!("{id}: {s}"))
        .collect();
    assert!(left.is_empty(), "English left in the Japanese reports:\n{}", left.join("\n"));
    // What a Japanese reader sees first, in Japanese conventions.
    for needle in [
        "# Bulwark評価",
        "## 欧州は米国抜きで自らを防衛できるか",
        "## 1. 戦略アセット",
        "億ユーロ",
        "空中給油機",
        "問1",
    ] {
        assert!(md.stdout.contains(needle), "md lacks {needle}");
    }
    assert!(!md_text.contains(" % "), "a Japanese percentage has no space");
    assert!(html.stdout.contains("<html lang=\"ja\">"));
    assert!(html.stdout.contains("Noto Sans CJK JP"));
    assert!(html_text.contains("戦略アセット（ISR、輸送・空中給油、防空・ミサイル防衛）"));
}

/// Issue 9: the axes' figures and the questions' answers are written from the catalogue in both
/// languages, so no English label or value words of `axes.ftl` (a literal run of two words or
/// more) are left in a Japanese report between page 1 and the assumptions, in Markdown and HTML;
/// the scenario with a force package shows its rows too. The English report has the domain
/// scores, so the check has teeth.
#[test]
fn japanese_reports_have_no_english_axis_figure() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bulwark-report/locales/en/axes.ftl");
    let text = std::fs::read_to_string(file).unwrap();
    let mut segments: Vec<(String, String)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((id, value)) = line.split_once(" = ") else { continue };
        // The literal text between placeables, e.g. "umbrella (scenario)" of
        // "{ $state } umbrella (scenario)".
        for segment in value.split('{').map(|part| part.rsplit('}').next().unwrap_or(part)) {
            let segment = segment.trim();
            let words =
                segment.split_whitespace().filter(|w| w.chars().any(|c| c.is_ascii_alphabetic())).count();
            if words >= 2 {
                segments.push((id.to_string(), segment.to_string()));
            }
        }
    }
    assert!(segments.len() > 40, "{} segments", segments.len());
    let kiel =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/validation/kiel-bruegel-2025.toml");
    let kiel = kiel.to_str().unwrap();
    for scenario in ["baseline", kiel] {
        let english = bulwark(&["assess", "--scenario", scenario, "--format", "md"]);
        assert_eq!(english.code, 0, "{}", english.stderr);
        for (id, segment) in
            segments.iter().filter(|(id, _)| id.starts_with("fig-score-") && id != "fig-score-domain")
        {
            assert!(english.stdout.contains(segment.as_str()), "{scenario}: the English report lacks {id}");
        }
        assert!(english.stdout.contains("force package") == (scenario == kiel), "{scenario}");
        for format in ["md", "html"] {
            let ja = bulwark(&["assess", "--scenario", scenario, "--lang", "ja", "--format", format]);
            assert_eq!(ja.code, 0, "{}", ja.stderr);
            // FIXME(issue 16): page 1 is still partly English (exec_summary.rs, html_summary.rs)
            // and repeats some of these words; the figures are all after it.
            let marker = if format == "md" { "\n## 目次" } else { "<nav id=\"contents\">" };
            let report = unescape(ja.stdout.split_once(marker).map_or("", |(_, rest)| rest));
            // The assumptions table quotes the scenario file's rationales, the scenario's own words.
            let end = if format == "md" { "\n## 前提" } else { "<section id=\"assumptions\">" };
            let report = report.split(end).next().unwrap_or_default();
            assert!(report.len() > 10_000, "{scenario} {format}: the report after page 1 is there");
            let left: Vec<String> = segments
                .iter()
                .filter(|(_, s)| report.contains(s.as_str()))
                .map(|(id, s)| format!("{id}: {s}"))
                .collect();
            assert!(left.is_empty(), "{scenario} {format}: English figures left:\n{}", left.join("\n"));
            assert!(
                report.contains("核の傘（シナリオ）") && report.contains("不足解消費用"),
                "{scenario} {format}"
            );
        }
    }
}

#[test]
fn json_is_the_same_in_every_language() {
    let en = bulwark(&["assess", "--format", "json"]);
    let ja = bulwark(&["assess", "--format", "json", "--lang", "ja"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    // The provenance records the command line, `--lang ja` included; everything else is the same.
    let without_provenance = |text: &str| {
        let mut doc: serde_json::Value = serde_json::from_str(text).unwrap();
        doc.as_object_mut().unwrap().remove("provenance").expect("a provenance object");
        doc
    };
    assert!(
        without_provenance(&en.stdout) == without_provenance(&ja.stdout),
        "the JSON changed with --lang ja"
    );
    assert!(en.stdout.contains("\"headline\""));
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_choices() {
    let run = bulwark(&["assess", "--lang", "fr"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("invalid value 'fr'") && run.stderr.contains("[possible values: en, ja]"),
        "{}",
        run.stderr
    );
}
