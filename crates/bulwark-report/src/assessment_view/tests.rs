//! Tests of the assessment as terminal text and Markdown: wrapping, slugs, contents and
//! citations, lower bounds, and the review findings on the baseline report.

use bulwark_data::Dataset;
use bulwark_scenario::Scenario;

use super::*;

#[test]
fn japanese_wraps_between_characters_and_keeps_closing_punctuation() {
    let text = "欧州は米国抜きで自らを防衛できるか。まだできない、Europe alone（90%範囲）";
    let wrapped = wrap(text, 12);
    for line in wrapped.lines() {
        assert!(crate::text_table::display_width(line) <= 12, "{line:?}");
        assert!(!line.starts_with('。') && !line.starts_with('、'), "{line:?}");
        assert!(!line.ends_with('（'), "{line:?}");
    }
    // Nothing is lost or added but line breaks and spaces.
    let squeeze = |t: &str| t.split_whitespace().collect::<String>();
    assert_eq!(squeeze(&wrapped), squeeze(text));
    assert!(wrapped.lines().count() >= 4, "{wrapped}");
    assert_eq!(wrap("one two three", 7), "one two\nthree\n");
}

fn markdown(name: &str) -> String {
    let dataset = Dataset::embedded().unwrap();
    let a = bulwark_assess::assess(&dataset, &Scenario::load(name, &dataset).unwrap());
    render(&a, &dataset, Flavour::Markdown, None, &crate::i18n::Messages::new(crate::i18n::Lang::En))
}

/// Issue 11: in match-threat mode Russia's SEAD figure (2 Il-22PP) is a lower bound. Every
/// format prints it as `≥ 2`, says the line is undetermined rather than self-sufficient,
/// counts the lines resting on lower bounds, and the JSON carries the bounds.
#[test]
fn lower_bounds_print_as_at_least_in_every_format_and_language() {
    use crate::i18n::{Lang, Messages};
    let dataset = Dataset::embedded().unwrap();
    let text = "name = \"mt\"\nextends = \"baseline\"\n[ledger]\nrequirement = \"match-threat\"\n";
    let a = bulwark_assess::assess(&dataset, &Scenario::parse("mt.toml", text, &dataset).unwrap());
    let (en, ja) = (Messages::new(Lang::En), Messages::new(Lang::Ja));
    let row = |report: &str| -> String {
        // The tables name the line in words (review finding 6): by its name in either language.
        let names = ["SEAD and electronic-attack aircraft", &ja.line_name("sead_aircraft", "")];
        let found = report.lines().find(|l| names.iter().any(|n| l.contains(n)) && l.contains("≥"));
        found.unwrap_or_else(|| panic!("no sead_aircraft row with ≥ in\n{report}")).to_string()
    };
    for (m, undetermined, lower) in [
        (&en, "undetermined: the threat figure is a lower bound", "rest on lower bounds"),
        (&ja, "未確定", "下限値に基づく"),
    ] {
        for flavour in [Flavour::Terminal, Flavour::Markdown] {
            let report = render(&a, &dataset, flavour, None, m);
            let sead = row(&report);
            assert!(sead.contains("≥ 2"), "{sead}");
            assert!(sead.contains(undetermined), "{sead}");
            assert!(!sead.contains(&m.verdict(Verdict::SelfSufficient)), "{sead}");
            assert!(report.contains(lower), "{report}");
        }
        let html = crate::assessment_html::to_html(&a, &dataset, None, m);
        let sead = &html[html.find("id=\"line-sead_aircraft\"").unwrap()..];
        let sead = &sead[..sead.find("</tr>").unwrap()];
        assert!(sead.contains("≥ 2") && sead.contains(undetermined), "{sead}");
        assert!(html.contains(lower));
    }
    let json: serde_json::Value = serde_json::from_str(&crate::assessment_json::to_json(&a, None)).unwrap();
    let sead = json["lines"].as_array().unwrap().iter().find(|l| l["line"] == "sead_aircraft").unwrap();
    assert_eq!(sead["bounds"]["requirement"], "lower");
    assert_eq!(sead["bounds"]["europe"], "exact");
    assert_eq!(sead["undetermined"], true);
    assert_eq!(sead["verdict"], serde_json::Value::Null);
    assert!(json["totals"]["lines_on_lower_bounds"].as_u64().is_some_and(|n| n >= 3), "{}", json["totals"]);
}

/// Review finding 2: axis 1's score counts the IAMD model's share of threats stopped like a
/// line, and one line at zero makes Europe's own geometric mean 0. The table shows every
/// factor of the score (the geometric mean of its rows is the score with the US) and one
/// sentence names the line at zero.
#[test]
fn review_2_axis_1_table_holds_every_factor_and_names_the_line_at_zero() {
    let dataset = Dataset::embedded().unwrap();
    let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
    let axis = a.axes.iter().find(|axis| axis.number == 1).unwrap();
    let term = axis.score_notes.model_term.as_ref().unwrap();
    let coverage = |id: &String| a.lines.iter().find(|l| &l.line == id).unwrap().ledger.coverage.unwrap();
    // The baseline weighs every line 1: the score is the plain geometric mean of the rows.
    let factors: Vec<f64> = axis.deciding_lines.iter().map(coverage).chain([term.with_us]).collect();
    let mean_log = factors.iter().map(|c| c.min(1.0).ln()).sum::<f64>() / factors.len() as f64;
    let AxisStatus::Assessed { score, score_without_us, .. } = axis.status else { panic!("not scored") };
    assert!((mean_log.exp() - score).abs() < 1e-9, "{} vs {score}", mean_log.exp());
    assert_eq!(
        (axis.score_notes.zero_alone.as_slice(), score_without_us),
        (["early_warning_satellites".to_string()].as_slice(), 0.0)
    );
    let en = render(&a, &dataset, Flavour::Terminal, None, &Messages::new(crate::i18n::Lang::En));
    let section = &en[en.find("\n1. Strategic assets").unwrap()..en.find("\n2. Nuclear").unwrap()];
    let row = section.lines().find(|l| l.starts_with("IAMD model: share of threats stopped")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().skip(6).collect();
    assert_eq!(cells, [opt(Some(term.alone), 2), opt(Some(term.with_us), 2)], "{section}");
    assert!(
        section.contains(
            "Europe's own score is 0 because missile early-warning satellites is at zero: the score is a \
             geometric mean"
        ),
        "{section}"
    );
    let ja = render(&a, &dataset, Flavour::Terminal, None, &Messages::new(crate::i18n::Lang::Ja));
    assert!(ja.contains("欧州単独のスコアが0なのは") && ja.contains("IAMDモデル：脅威を阻止する割合"));
}

/// Review finding 4: a gap counts available units, the cost buys gap ÷ availability whole
/// units: the answer says both; a fractional gap (half a carrier) never reads 0 beside a
/// line that stays open.
#[test]
fn review_4_gaps_say_available_units_and_units_to_buy_and_never_read_zero_when_open() {
    let dataset = Dataset::embedded().unwrap();
    let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
    let text = render(&a, &dataset, Flavour::Terminal, None, &Messages::new(crate::i18n::Lang::En));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let tanker = a.lines.iter().find(|l| l.line == "tanker_aircraft").unwrap();
    let (gap, buy) = (tanker.ledger.gap.unwrap(), tanker.ledger.units_to_buy.unwrap());
    let said = format!(
        "{} available aircraft short, {} to buy at {} availability",
        crate::format_count(gap),
        crate::format_whole_units(buy),
        Messages::new(crate::i18n::Lang::En).pct((100.0 * gap / buy).round(), 0)
    );
    assert!(flat.contains(&said), "{said}");
    assert_eq!(said, "82 available aircraft short, 137 to buy at 60 % availability");
    // No line that stays open shows a gap of 0, in the line tables or the timeline.
    for row in text.lines().filter(|l| l.contains(" open ") || l.starts_with("open in")) {
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert!(!cells.windows(2).any(|w| w[0] == "0" && (w[1] == "—" || w[1] == "1")), "{row}");
    }
    let carriers = text.lines().find(|l| l.starts_with("Aircraft carriers ")).unwrap();
    assert_eq!(carriers.split_whitespace().nth(7), Some("0.5"), "{carriers}");
}

/// Review finding 6: tables name lines in words (the id stays in the JSON), a share's unit
/// says "share (0–1)", and an assumption shows the precision it is given with (the mean
/// of a triangular over whole days is whole).
#[test]
fn review_6_tables_use_names_shares_and_the_given_precision() {
    let dataset = Dataset::embedded().unwrap();
    let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
    let text = render(&a, &dataset, Flavour::Terminal, None, &Messages::new(crate::i18n::Lang::En));
    let before_assumptions = &text[..text.find("\nAssumptions\n").unwrap()];
    for id in ["tanker_aircraft", "aircraft_carriers", "early_warning_satellites", "manoeuvre_brigades"] {
        assert!(!before_assumptions.contains(id), "{id} shown as an id");
    }
    assert!(before_assumptions.contains("Air-to-air refuelling tankers "));
    let row = |name: &str| text.lines().find(|l| l.starts_with(&format!("{name} "))).unwrap().to_string();
    let warning = row("campaign_warning_days");
    let warning = warning.split_whitespace().collect::<Vec<_>>();
    assert_eq!(warning[1..3], ["8", "days"], "{warning:?}");
    assert!(row("campaign_us_commit_share").contains(" share (0–1) "));
}

#[test]
fn slugs_follow_githubs_rule() {
    assert_eq!(slug("1. Strategic assets (ISR, lift)"), "1-strategic-assets-isr-lift");
    assert_eq!(slug("Q2 Can Europe stop Russia without the US?"), "q2-can-europe-stop-russia-without-the-us");
}

#[test]
fn the_markdown_contents_link_to_headings_and_citations_to_references() {
    let md = markdown("us-full-withdrawal");
    let headings: Vec<String> = md.lines().filter_map(|l| l.strip_prefix("## ")).map(slug).collect();
    let links: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("- ["))
        .filter_map(|l| l.split("](#").nth(1))
        .map(|rest| rest.trim_end_matches(')'))
        .collect();
    assert_eq!(links.len(), 5 + 3 + 2, "{links:?}");
    for link in &links {
        assert!(headings.iter().any(|h| h == link), "#{link} has no heading");
    }
    // Page 1 comes before the contents, the references last.
    let order =
        ["## Can Europe defend itself", "## Contents", "## 1. ", "## Q1 ", "## Assumptions", "## References"];
    let at: Vec<usize> = order.iter().map(|h| md.find(h).unwrap_or_else(|| panic!("{h}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    let references = &md[md.find("## References").unwrap()..];
    let n_entries = references
        .lines()
        .filter(|l| l.split(". ").next().is_some_and(|n| n.parse::<usize>().is_ok()))
        .count();
    assert!(n_entries > 20);
    for line in md[..md.find("## References").unwrap()].lines().filter(|l| l.starts_with("Sources: [")) {
        for number in line.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty()) {
            let n: usize = number.parse().unwrap();
            assert!((1..=n_entries).contains(&n), "[{n}] of {n_entries}: {line}");
        }
    }
    // Page 1: the verdict table has the five tests and three questions.
    let page_one = &md[..md.find("## Contents").unwrap()];
    for number in ["| 1 |", "| 2 |", "| 3 |", "| 4 |", "| 5 |", "| Q1 |", "| Q2 |", "| Q3 |"] {
        assert!(page_one.contains(number), "{number}");
    }
}

/// Review finding 3 (second review): the window table's P(hold) for the campaign year came
/// from 300 runs while Q2's headline came from 2,000, so one quantity read two figures. The
/// year's row now reuses the headline's ensemble: the same year and posture give the same
/// figure in the Q2 answer and in the window table, in every format and both languages, and
/// the table says how many runs each figure rests on.
#[test]
fn review_3_the_campaign_year_reads_one_p_hold_everywhere() {
    use crate::i18n::{Lang, Messages};
    let dataset = Dataset::embedded().unwrap();
    let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
    let c = a.campaign.as_ref().unwrap();
    let year = c.by_year.iter().find(|y| y.year == c.year).unwrap();
    assert_eq!((year.p_hold, year.p_hold_with_us), (c.without_us.p_hold, c.with_us.p_hold));
    assert_eq!(year.runs, c.without_us.runs);
    assert!(c.by_year.iter().filter(|y| y.year != c.year).all(|y| y.runs < year.runs));
    for m in [Messages::new(Lang::En), Messages::new(Lang::Ja)] {
        let (alone, with_us) = (m.p_hold(c.without_us.p_hold), m.p_hold(c.with_us.p_hold));
        let q2 = exec_summary::question_answer(&a, "Q2", &m).unwrap();
        assert!(q2.contains(&alone) && q2.contains(&with_us), "{q2}");
        let note = crate::threat_view::window_runs_note(c, &m);
        assert!(note.contains(&crate::format_count(year.runs as f64)), "{note}");
        for flavour in [Flavour::Terminal, Flavour::Markdown] {
            let text = render(&a, &dataset, flavour, None, &m);
            let window = &text[text.find(&m.t("col-in-window")).unwrap()..];
            let row =
                window.lines().find(|l| l.trim_start_matches("| ").starts_with(&c.year.to_string())).unwrap();
            assert!(row.contains(&alone) && row.contains(&with_us), "{row}");
            assert!(window.contains(&note), "{window}");
        }
        let html = crate::assessment_html::to_html(&a, &dataset, None, &m);
        let window = &html[html.find(&crate::assessment_html::escape(&m.t("col-in-window"))).unwrap()..];
        let window = &window[window.find(&format!("<td>{}</td>", c.year)).unwrap()..];
        let row = &window[..window.find("</tr>").unwrap()];
        assert!(row.contains(&alone) && row.contains(&with_us), "{row}");
        assert!(html.contains(&crate::assessment_html::escape(&note)));
    }
}

/// Review finding 2 (second review): axis 4's score is the weighted mean
/// `w × C2 lines' score + (1 − w) × P(decide in time)`; the P(decide) term was used but not a
/// row of the table. Every term the formula sentence names is now a row with the numbers the
/// formula uses, in the text and HTML tables, in English and Japanese, and the formula
/// reproduces the score.
#[test]
fn review_2_axis_4_table_holds_every_term_of_its_weighted_mean() {
    use crate::i18n::{Lang, Messages};
    let dataset = Dataset::embedded().unwrap();
    let a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
    let axis = a.axes.iter().find(|axis| axis.number == 4).unwrap();
    let mean = axis.score_notes.weighted_mean.unwrap();
    let term = axis.score_notes.model_term.as_ref().unwrap();
    let AxisStatus::Assessed { score, score_without_us, .. } = axis.status else { panic!("not scored") };
    let w = mean.ledger_weight;
    assert!((w * mean.lines_alone + (1.0 - w) * term.alone - score_without_us).abs() < 1e-9);
    assert!((w * mean.lines_with_us + (1.0 - w) * term.with_us - score).abs() < 1e-9);
    for m in [Messages::new(Lang::En), Messages::new(Lang::Ja)] {
        let sentences = exec_summary::score_sentences(&a, axis, &m);
        let formula = sentences.iter().find(|s| s.contains(" × ")).expect("a formula sentence");
        let terms = exec_summary::score_terms(&a, axis, &m);
        assert_eq!(terms.len(), 2, "{terms:?}");
        let text = render(&a, &dataset, Flavour::Terminal, None, &m);
        let start = text.find(&format!("\n4. {}", axis_title(axis, &m))).unwrap();
        let section = &text[start..start + text[start..].find("\n5. ").unwrap()];
        assert!(section.contains(formula.as_str()), "{section}");
        let html = crate::assessment_html::to_html(&a, &dataset, None, &m);
        let part = &html[html.find("id=\"test-4\"").unwrap()..html.find("id=\"test-5\"").unwrap()];
        for (name, alone, with_us) in &terms {
            assert!(formula.contains(name.as_str()), "{name} not in {formula}");
            assert!(formula.contains(&format!("{alone:.2}")) && formula.contains(&format!("{with_us:.2}")));
            let row =
                section.lines().find(|l| l.starts_with(name.as_str())).unwrap_or_else(|| panic!("{name}"));
            let cells: Vec<&str> = row[name.len()..].split_whitespace().collect();
            assert_eq!(cells, [opt(Some(*alone), 2), opt(Some(*with_us), 2)], "{row}");
            let cell =
                format!("<td>{}</td><td class=\"num\">{alone:.2}</td>", crate::assessment_html::escape(name));
            assert!(part.contains(&cell), "{cell} not in the HTML part");
        }
    }
}

/// Review finding 4 (second review): the replace-US cost totals add gaps computed against
/// lower-bound figures, so they are bounds too. Page 1, the answer in detail and the HTML
/// figures mark them (`≥` or `~`) and say how many costed gaps rest on lower bounds, in
/// English and Japanese; the JSON carries the bound and the counts. Without a bounded gap
/// nothing is marked.
#[test]
fn review_4_cost_totals_resting_on_lower_bounds_are_marked_in_every_format() {
    use crate::i18n::{Lang, Messages};
    let dataset = Dataset::embedded().unwrap();
    let mut a = bulwark_assess::assess(&dataset, &Scenario::load("baseline", &dataset).unwrap());
    let bounds = a.cost_bounds();
    let costed =
        |l: &&LineResult| l.closure.as_ref().and_then(|c| c.procurement_eur_bn).is_some_and(|v| v > 0.0);
    assert_eq!(bounds.costed, a.lines.iter().filter(costed).count());
    assert!(bounds.lower > 0 && bounds.bound.may_be_higher(), "{bounds:?}");
    for m in [Messages::new(Lang::En), Messages::new(Lang::Ja)] {
        let note = crate::assessment_summary::lower_bounds_note(&a, &m).unwrap();
        let lower =
            m.f("total-lower-bounds", &[("n", bounds.lower.into()), ("costed", bounds.costed.into())]);
        assert!(note.starts_with(&lower) || m.lang() == Lang::Ja, "{note}");
        assert!(
            note.contains(&bounds.lower.to_string()) && note.contains(&bounds.costed.to_string()),
            "{note}"
        );
        let marked = m.bounded(m.eur_bn(a.procurement_eur_bn, 0), bounds.bound);
        for flavour in [Flavour::Terminal, Flavour::Markdown] {
            // Wrapping breaks lines anywhere in Japanese: compare without whitespace.
            let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let flat = squeeze(&render(&a, &dataset, flavour, None, &m));
            assert!(flat.contains(&squeeze(&marked)), "{marked} not on page 1");
            assert!(flat.matches(&squeeze(&note)).count() >= 2, "{note}: page 1 and the answer in detail");
        }
        let html = crate::assessment_html::to_html(&a, &dataset, None, &m);
        assert!(html.contains(&crate::assessment_html::escape(&marked)), "{marked}");
        assert!(html.matches(&crate::assessment_html::escape(&note)).count() >= 2, "{note}");
    }
    let json: serde_json::Value = serde_json::from_str(&crate::assessment_json::to_json(&a, None)).unwrap();
    let totals = &json["totals"]["cost_bounds"];
    assert_eq!(totals["bound"], bounds.bound.as_str());
    assert_eq!(totals["lower"], bounds.lower);
    // With every gap a count, the totals are counts: no mark, no note.
    for line in &mut a.lines {
        line.ledger.gap_bound = bulwark_core::Bound::Exact;
    }
    let m = Messages::new(Lang::En);
    assert_eq!(crate::assessment_summary::bounded_total(&a, "EUR 5 bn".into(), true, &m), "EUR 5 bn");
}

/// A model that refused the scenario's inputs is data (`PendingModel`), named by the report in
/// the reader's language: in Japanese the text, Markdown and HTML name the awaited models from
/// the catalogue and none of the English names is left (they were English sentences built in
/// `bulwark-assess`); the JSON keeps the English names.
#[test]
fn awaited_models_are_named_in_the_readers_language() {
    use bulwark_assess::{AxisStatus, PendingModel};

    use crate::i18n::{Lang, Messages};
    let dataset = Dataset::embedded().unwrap();
    let mut a = bulwark_assess::assess(&dataset, &Scenario::load("us-full-withdrawal", &dataset).unwrap());
    a.axes[0].pending = vec![PendingModel::Iamd];
    a.axes[3].pending = vec![PendingModel::Decision];
    a.axes[2].status = AxisStatus::ModelNotYetAvailable { needs: PendingModel::Nuclear };
    // Q1 and Q3 are written from the nuclear model's figures, which are still there; Q2 awaits.
    a.questions[1].answer = Err(PendingModel::Campaign);
    let (en, ja) = (Messages::new(Lang::En), Messages::new(Lang::Ja));
    let english = [
        "IAMD saturation model (docs/design.md §4.5)",
        "alliance decision-time model (docs/design.md §4.7): inputs refused",
        "Baltic campaign model (docs/design.md §4.4): the scenario's campaign inputs were refused",
        "nuclear figures in nuclear.csv and nuclear_* parameters",
    ];
    let japanese =
        ["IAMD飽和モデル（", "同盟の意思決定時間モデル（", "バルト作戦モデル（", "nuclear.csvの核戦力の数値"];
    let reports = |m: &Messages| {
        [
            render(&a, &dataset, Flavour::Terminal, None, m),
            render(&a, &dataset, Flavour::Markdown, None, m),
            crate::assessment_html::to_html(&a, &dataset, None, m).replace("&#39;", "'"),
        ]
    };
    // The HTML names the models an axis awaits (the first two); the text and Markdown name all.
    let named = [4, 4, 2];
    for (report, n) in reports(&ja).iter().zip(named) {
        for name in english {
            assert!(!report.contains(name), "{name} left in the Japanese report");
        }
        for name in &japanese[..n] {
            assert!(report.contains(name), "the Japanese report lacks {name}");
        }
    }
    for (report, n) in reports(&en).iter().zip(named) {
        assert!(english[..n].iter().all(|name| report.contains(name)), "the English report names them");
    }
    let json = crate::assessment_json::to_json(&a, None);
    assert!(english.iter().all(|name| json.contains(name)), "the JSON keeps the English names");
}
