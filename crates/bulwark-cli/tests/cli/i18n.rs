//! End-to-end tests of `--lang` (issue 16): the Japanese Markdown and HTML reports of the
//! baseline and `us-full-withdrawal` are complete, from page 1 to the references (no English
//! sentence and no fixed English string of the catalogue in what a reader sees), the JSON does
//! not depend on the language, and a language we do not have is a usage error. Part of the `cli` test binary;
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

/// Words that make a run of English words a sentence rather than a name ("Type 26 batch 1",
/// "Rafale, Eurofighter, Gripen E/F"): English function words.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "with", "is", "are", "by", "for", "from", "a", "an", "on", "as", "at",
    "not", "be", "its", "it", "without", "than", "each", "per", "used", "what", "does", "can", "would",
];

/// Runs of at least four English words in a row (letters only; a digit, a Japanese character or
/// any other punctuation than `,;:()'/-` ends a run) that contain an English function word.
fn english_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut flush = |words: &mut Vec<String>| {
        let has_function_word = words.iter().any(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()));
        if words.len() >= 4 && has_function_word {
            out.push(words.join(" "));
        }
        words.clear();
    };
    for ch in text.chars().chain(std::iter::once('\n')) {
        if ch.is_ascii_alphabetic() || (ch == '\'' && !word.is_empty()) {
            word.push(ch);
            continue;
        }
        if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if !(ch == ' ' || ",;:()/-".contains(ch)) {
            flush(&mut words);
        }
    }
    out
}

/// `text` without everything between `open` and the `close` that follows it.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        rest = match rest[start + open.len()..].find(close) {
            Some(end) => &rest[start + open.len() + end + close.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The text a reader sees in the HTML: no style sheet, no tags, entities decoded. What may stay
/// in English is taken out first: the reference list (titles and publishers of the sources),
/// code (line ids, parameter names), text marked `lang="en"` (the dataset's system names), the
/// scenario's description and the assumptions table's rationale column (the scenario file's
/// words).
fn visible_html(html: &str) -> String {
    let mut text = without(html, "<style>", "</style>");
    text = without(&text, "<section id=\"references\">", "</section>");
    text = without(&text, "<code>", "</code>");
    text = without(&text, "<p class=\"description\">", "</p>");
    // Text the report marks as English: the dataset's system names.
    text = without(&text, "<span lang=\"en\">", "</span>");
    if let Some((before, after)) = text.split_once("<section id=\"assumptions\">") {
        let (assumptions, after) = after.split_once("</section>").unwrap_or((after, ""));
        text = format!("{before}{}{after}", without(assumptions, "<td class=\"small\">", "</td>"));
    }
    unescape(&without(&text, "<", ">"))
}

/// The text a reader sees in the Markdown, without what may stay in English (as for the HTML):
/// the reference list, code spans, the scenario's description (the line after the title) and
/// the rationale column of the assumptions table (its last column).
fn visible_markdown(md: &str) -> String {
    let md = md.split("\n## 参考文献").next().unwrap_or_default();
    let mut lines: Vec<String> = Vec::new();
    let mut in_assumptions = false;
    for (idx, line) in md.lines().enumerate() {
        if idx == 1 {
            continue;
        }
        if line.starts_with("## ") {
            in_assumptions = line == "## 前提";
        }
        let line = if in_assumptions && line.starts_with('|') {
            let cells: Vec<&str> = line.trim_end_matches('|').split('|').collect();
            cells[..cells.len().saturating_sub(1)].join("|")
        } else {
            line.to_string()
        };
        lines.push(without(&line, "`", "`"));
    }
    lines.join("\n")
}

#[test]
fn english_sentences_are_found_and_names_are_not() {
    assert_eq!(
        english_sentences("欧州はCan Europe defend itself without the United States?と問う"),
        ["Can Europe defend itself without the United States"]
    );
    assert!(english_sentences(
        "Type 45 maritime BMD upgrade (Aster 30 Block 1)、Rafale, Eurofighter, Gripen E/F"
    )
    .is_empty());
    assert_eq!(english_sentences("a: the rate of 2020 used"), ["a the rate of"]);
    assert_eq!(visible_html("<p>x<code>used for the year</code>y</p>"), "xy");
    assert_eq!(visible_markdown("# t\ndescription of the scenario\n本文 `used for the year`"), "# t\n本文 ");
}

/// The Japanese Markdown and HTML reports of `scenario`, checked whole: no English sentence in
/// what a reader sees (apart from the allowed parts above), and no fixed English string of the
/// catalogue.
fn check_japanese_reports(scenario: &str) {
    let segments = english_segments();
    assert!(segments.len() > 100, "{} segments", segments.len());
    let md = bulwark(&["assess", "--scenario", scenario, "--lang", "ja", "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let html = bulwark(&["assess", "--scenario", scenario, "--lang", "ja", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let md_text = visible_markdown(&md.stdout);
    let html_text = visible_html(&html.stdout);
    assert!(md_text.len() > 50_000 && html_text.len() > 50_000, "the whole reports are checked");
    for (format, text) in [("md", &md_text), ("html", &html_text)] {
        let mut found = english_sentences(text);
        found.sort();
        found.dedup();
        assert!(
            found.is_empty(),
            "{scenario}, {format}: English sentences in the Japanese report:\n{}",
            found.join("\n")
        );
        let left: Vec<String> = segments
            .iter()
            .filter(|(_, s)| text.contains(s.as_str()))
            .map(|(id, s)| format!("{id}: {s}"))
            .collect();
        assert!(left.is_empty(), "{scenario}, {format}: English catalogue text left:\n{}", left.join("\n"));
        assert!(!text.contains(" % "), "{scenario}, {format}: a Japanese percentage has no space");
        // A message missing from the catalogue shows as its id in brackets.
        let missing: Vec<&str> = text
            .split('[')
            .skip(1)
            .filter_map(|rest| rest.split_once(']').map(|(id, _)| id))
            .filter(|id| {
                id.contains('-')
                    && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .collect();
        assert!(missing.is_empty(), "{scenario}, {format}: missing messages {missing:?}");
    }
    // What a Japanese reader sees first, in Japanese conventions.
    for needle in
        ["# Bulwark評価", "## 欧州は米国抜きで自らを防衛できるか", "## 1. 戦略アセット", "億ユーロ", "問1"]
    {
        assert!(md.stdout.contains(needle), "md lacks {needle}");
    }
    // The assumptions table words its units, forms and origins (only the rationales are the
    // scenario's own English).
    // A share says its range (review finding 6).
    assert!(
        md.stdout.contains("| 割合（0–1） | 三角分布 | 既定値 |"),
        "the assumptions' units, forms and origins"
    );
    assert!(
        html.stdout.contains("<td>割合（0–1）</td><td>既定値</td>"),
        "the assumptions' units and origins"
    );
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
fn the_japanese_baseline_reports_have_no_english_sentence() {
    check_japanese_reports("baseline");
}

#[test]
fn the_japanese_us_full_withdrawal_reports_have_no_english_sentence() {
    check_japanese_reports("us-full-withdrawal");
}

#[test]
fn the_english_report_would_fail_the_check() {
    // The check is not vacuous: the English report of the same scenario is full of sentences.
    let html = bulwark(&["assess", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(english_sentences(&visible_html(&html.stdout)).len() > 50);
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

#[test]
fn simulate_speaks_japanese_in_every_format() {
    let args =
        ["simulate", "decision", "--runs", "200", "--seed", "3", "--quiet", "--lang", "ja", "--format"];
    let html = bulwark(&[&args[..], &["html"]].concat());
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(html.stdout.contains("<html lang=\"ja\">") && html.stdout.contains("<h2>実行の設定</h2>"));
    assert!(html.stdout.contains("来歴：") && html.stdout.contains("累積分布"));
    let visible = visible_html(&html.stdout);
    assert!(english_sentences(&visible).is_empty(), "{:?}", english_sentences(&visible));
    for (format, title) in
        [("md", "# bulwark simulate decision：シナリオ `baseline`"), ("table", "試行 200／200")]
    {
        let run = bulwark(&[&args[..], &[format]].concat());
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains(title), "{format}: {}", run.stdout);
        assert!(run.stdout.contains("平均") && !run.stdout.contains("mean"), "{format}: {}", run.stdout);
    }
    // English stays the default, word for word.
    let en = bulwark(&["simulate", "decision", "--runs", "200", "--seed", "3", "--quiet"]);
    assert!(
        en.stdout.starts_with("bulwark simulate decision: scenario `baseline`\nruns 200 of 200"),
        "{}",
        en.stdout
    );
}

/// A comparison in Japanese (it was refused with "cannot be used with" before): the terminal
/// table, Markdown and HTML are worded from the catalogue, with no English heading, label or
/// sentence left; the JSON is the English one whatever the language.
#[test]
fn a_comparison_speaks_japanese_in_every_format() {
    let args = ["assess", "--compare", "baseline", "us-full-withdrawal", "--lang", "ja", "--format"];
    let english = ["Inputs that differ", "What changed", "coverage destroyers", "Europe alone", "driven by"];
    for format in ["table", "md", "html"] {
        let run = bulwark(&[&args[..], &[format]].concat());
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        let page = &run.stdout;
        for needle in [
            "異なる入力",
            "変化した数値とその要因",
            "駆逐艦の充足率（米国を含む）",
            "評価軸1のスコア（米国を含む）",
        ] {
            assert!(page.contains(needle), "{format} lacks {needle}: {page}");
        }
        for needle in english {
            assert!(!page.contains(needle), "{format} still has {needle}: {page}");
        }
        let visible = if format == "html" {
            visible_html(page)
        } else {
            page.lines().map(|line| without(line, "`", "`")).collect::<Vec<_>>().join("\n")
        };
        let found = english_sentences(&visible);
        assert!(found.is_empty(), "{format}: {found:?}");
    }
    let html = bulwark(&[&args[..], &["html"]].concat());
    assert!(html.stdout.contains("<html lang=\"ja\">") && html.stdout.contains("来歴："), "{}", html.stdout);
    let json = |lang: &str| {
        let run =
            bulwark(&["assess", "--compare", "baseline", "intel-cut", "--format", "json", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        doc.as_object_mut().unwrap().remove("provenance");
        doc
    };
    let en = json("en");
    assert!(en == json("ja"), "the comparison's JSON changed with --lang ja");
    assert!(en.to_string().contains(", with the US"), "{en}");
}

/// `bulwark explore --lang ja` (there was no `--lang` before): every method's text, Markdown
/// and HTML are worded from the catalogue, with Japanese headings and no English heading or
/// sentence left apart from the scenario's own lever descriptions; the JSON is the English one.
#[test]
fn explore_speaks_japanese_in_every_method_and_format() {
    let levers = ["explore", "levers", "--outcome", "baltic.held_day_28", "--runs", "32", "--quiet"];
    for format in ["table", "md", "html"] {
        let run = bulwark(&[&levers[..], &["--lang", "ja", "--format", format]].concat());
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        let page = &run.stdout;
        for needle in [
            "共通乱数によるシナリオのレバーの比較",
            "10億ユーロあたり",
            "レバーの内容",
            "モデルのすべての結果",
        ] {
            assert!(page.contains(needle), "{format} lacks {needle}: {page}");
        }
        for needle in
            ["Levers of the scenario", "per EUR bn", "what it is", "Every outcome of the model", "not read"]
        {
            assert!(!page.contains(needle), "{format} still has {needle}: {page}");
        }
        // The table of the levers quotes their descriptions, the scenario file's own words (as
        // the assessment's rationales): it is left out of the scan.
        let page = without(page, "レバーの内容", "モデルのすべての結果");
        let visible = if format == "html" { visible_html(&page) } else { page };
        let found = english_sentences(&visible);
        assert!(found.is_empty(), "{format}: {found:?}");
    }
    let html = bulwark(&[&levers[..], &["--lang", "ja", "--format", "html"]].concat());
    assert!(
        html.stdout.contains("<html lang=\"ja\">") && html.stdout.contains("<h2>変化させたパラメータ</h2>")
    );
    assert!(html.stdout.contains("来歴："), "the provenance footer in Japanese");
    let methods: [(&str, &[&str], &str); 4] = [
        ("morris", &[], "Morris法の基本効果"),
        ("sobol", &[], "Sobol指数（Saltelliの計画"),
        ("prim", &["--above", "5"], "PRIMによるシナリオ発見"),
        ("list", &[], "モデル`ishigami`：結果"),
    ];
    for (method, extra, heading) in methods {
        let args = [
            &["explore", method, "--model", "ishigami", "--runs", "32", "--quiet", "--lang", "ja"][..],
            extra,
        ]
        .concat();
        let run = bulwark(&args);
        assert_eq!(run.code, 0, "{method}: {}", run.stderr);
        assert!(run.stdout.contains(heading), "{method}: {}", run.stdout);
        let found = english_sentences(&run.stdout);
        assert!(found.is_empty(), "{method}: {found:?}");
        let english = bulwark(&[&args[..args.len() - 2], &["--lang", "en"]].concat());
        assert!(!english.stdout.contains(heading), "{method}: English stays English");
    }
    let json = |lang: &str| {
        let run = bulwark(&[&levers[..], &["--format", "json", "--lang", lang]].concat());
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        doc.as_object_mut().unwrap().remove("provenance");
        doc
    };
    assert!(json("en") == json("ja"), "the explore JSON changed with --lang ja");
}

/// The terminal report in Japanese (the Markdown and HTML are checked above): no English
/// sentence apart from the scenario's description (the line under the title), the assumptions'
/// rationales and the reference list, which are the scenario's and the sources' own words; and
/// no English full stop after a Japanese sentence.
#[test]
fn the_japanese_terminal_report_has_no_english_sentence() {
    for scenario in ["baseline", "us-full-withdrawal"] {
        let run = bulwark(&["assess", "--scenario", scenario, "--lang", "ja", "--year", "2030"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let (report, _) = run.stdout.split_once("\n前提\n").expect("the assumptions section");
        let report: Vec<&str> =
            report.lines().enumerate().filter(|(idx, _)| *idx != 2).map(|(_, l)| l).collect();
        let report = report.join("\n");
        assert!(report.len() > 20_000, "{scenario}: the report before the assumptions is there");
        let found = english_sentences(&without(&report, "`", "`"));
        assert!(found.is_empty(), "{scenario}: English sentences in the Japanese report: {found:?}");
        let english_stop: Vec<&str> = report
            .lines()
            .filter(|l| l.ends_with('.') && l.chars().rev().nth(1).is_some_and(|c| !c.is_ascii()))
            .collect();
        assert!(english_stop.is_empty(), "{scenario}: {english_stop:?}");
    }
}
