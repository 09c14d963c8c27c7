//! `bulwark assess --compare A B`: two scenarios side by side: the inputs that differ (the diff of
//! the resolved scenarios), the figures that moved, largest change first, and the inputs that
//! drive each change (from the one-input-at-a-time attribution of `bulwark_assess::compare`).

use bulwark_assess::compare::{Comparison, ScenarioInput};
use bulwark_assess::{Assessment, AxisStatus};
use bulwark_scenario::Scenario;
use serde_json::json;

use crate::i18n::{Arg, Lang, Messages};
use crate::text_table::{format_number, TextTable};

/// One figure of an assessment: label, value, decimals shown.
type Figure = (String, Option<f64>, usize);

/// The figures compared, in a fixed order, labelled in the language of `m`; coverage lines are
/// added by [`pairs`] where they move.
fn figures(x: &Assessment, m: &Messages) -> Vec<Figure> {
    let mut out: Vec<Figure> = x
        .axes
        .iter()
        .flat_map(|axis| {
            let (score, alone) = match &axis.status {
                AxisStatus::Assessed { score, score_without_us, .. } => {
                    (Some(*score), Some(*score_without_us))
                }
                _ => (None, None),
            };
            let n = || [("n", Arg::from(axis.number.to_string()))];
            [(m.f("cmp-axis-alone", &n()), alone, 2), (m.f("cmp-axis-with-us", &n()), score, 2)]
        })
        .collect();
    let hold = x.campaign.as_ref();
    let nuclear = x.nuclear.as_ref().map(|n| &n.outcome);
    let iamd = x.iamd.as_ref().and_then(|i| i.ranges.as_ref());
    let decision = x.decision.as_ref();
    out.extend([
        (m.t("cmp-procurement"), Some(x.procurement_eur_bn), 0),
        (m.t("cmp-horizon-cost"), Some(x.horizon_cost_eur_bn), 0),
        (m.t("cmp-headroom"), Some(x.cumulative_headroom_eur_bn), 0),
        (m.t("cmp-affordability"), x.affordability_ratio, 2),
        (m.t("cmp-window-closes"), x.window_closes.map(f64::from), 0),
        (m.t("cmp-hold-alone"), hold.map(|c| c.without_us.p_hold), 2),
        (m.t("cmp-hold-with-us"), hold.map(|c| c.with_us.p_hold), 2),
        (m.t("cmp-credibility-alone"), nuclear.map(|n| n.without_us.credibility), 3),
        (m.t("cmp-credibility-with-us"), nuclear.map(|n| n.with_us.credibility), 3),
        (m.t("cmp-leak-alone"), iamd.map(|r| r.leak_fraction_without_us.central), 2),
        (m.t("cmp-leak-with-us"), iamd.map(|r| r.leak_fraction.central), 2),
        (m.t("cmp-decide-alone"), decision.map(|d| d.p_in_time_without_us), 3),
        (m.t("cmp-decide-with-us"), decision.map(|d| d.p_in_time), 3),
    ]);
    for line in &x.lines {
        // English (and so the JSON) names a line by its id, as it always has; Japanese by its
        // catalogue name.
        let name = match m.lang() {
            Lang::En => line.line.clone(),
            Lang::Ja => m.line_name(&line.line, &line.name),
        };
        let arg = || [("line", Arg::from(&name))];
        out.push((m.f("cmp-coverage-alone", &arg()), line.ledger.coverage_without_us, 2));
        out.push((m.f("cmp-coverage-with-us", &arg()), line.ledger.coverage, 2));
    }
    out
}

/// One figure in both scenarios, with the inputs that move it most.
struct Pair {
    label: String,
    a: Option<f64>,
    b: Option<f64>,
    decimals: usize,
    drivers: Vec<(ScenarioInput, f64)>,
}

impl Pair {
    fn change(&self) -> Option<f64> {
        self.a.zip(self.b).map(|(x, y)| y - x)
    }

    fn moved(&self) -> bool {
        match (self.a, self.b) {
            (Some(x), Some(y)) => (y - x).abs() > 1e-9,
            (x, y) => x.is_some() != y.is_some(),
        }
    }
}

/// The figures that moved, largest relative change first; each with the attributed inputs whose
/// swap alone moves it, largest effect first.
fn pairs(c: &Comparison, m: &Messages) -> Vec<Pair> {
    let (fa, fb) = (figures(&c.a, m), figures(&c.b, m));
    let swapped: Vec<(ScenarioInput, Vec<Figure>)> =
        c.attributions.iter().map(|(input, x)| (*input, figures(x, m))).collect();
    let mut out: Vec<Pair> = fa
        .into_iter()
        .zip(fb)
        .enumerate()
        .map(|(idx, ((label, a, decimals), (_, b, _)))| {
            let mut drivers: Vec<(ScenarioInput, f64)> = swapped
                .iter()
                .filter_map(|(input, f)| Some((*input, f[idx].1? - a?)))
                .filter(|(_, effect)| effect.abs() > 1e-9)
                .collect();
            drivers.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
            Pair { label, a, b, decimals, drivers }
        })
        .filter(Pair::moved)
        .collect();
    let relative = |p: &Pair| match (p.a, p.b) {
        (Some(x), Some(y)) => (y - x).abs() / x.abs().max(y.abs()).max(1e-9),
        _ => f64::INFINITY,
    };
    out.sort_by(|x, y| relative(y).total_cmp(&relative(x)));
    out
}

/// An input's value in a scenario, as a scenario file would write it.
fn input_value(input: ScenarioInput, s: &Scenario, m: &Messages) -> String {
    match input {
        ScenarioInput::Coalition => {
            m.f("cmp-members", &[("n", s.coalition.value.members.len().to_string().into())])
        }
        ScenarioInput::UsPosture(group) => {
            s.us_posture.for_group(group).map_or(String::new(), |p| format!("{}", p.value))
        }
        ScenarioInput::Ledger => m.f(
            "cmp-ledger",
            &[
                ("requirement", s.ledger.requirement.value.as_str().into()),
                ("adversary", s.ledger.adversary.value.to_string().into()),
                ("targets", s.ledger.targets.len().to_string().into()),
                ("weights", s.ledger.weights.len().to_string().into()),
            ],
        ),
        ScenarioInput::Budget => {
            let countries: Vec<String> = s.budget.countries.keys().map(|c| c.to_string()).collect();
            if countries.is_empty() {
                m.t("cmp-common-path")
            } else {
                m.f("cmp-own-paths", &[("countries", countries.join(" ").into())])
            }
        }
        ScenarioInput::Closure => {
            m.f("cmp-priority", &[("lines", s.closure.priority.value.join(" ").into())])
        }
        ScenarioInput::Parameter(param) => crate::scenario_view::distribution(&s.param(param).distribution),
    }
}

/// Members in one coalition and not the other, for the coalition row.
fn coalition_change(sa: &Scenario, sb: &Scenario) -> String {
    let (a, b) = (&sa.coalition.value.members, &sb.coalition.value.members);
    let added: Vec<String> = b.iter().filter(|m| !a.contains(m)).map(|m| m.to_string()).collect();
    let removed: Vec<String> = a.iter().filter(|m| !b.contains(m)).map(|m| m.to_string()).collect();
    format!("+{} −{}", added.join(" "), removed.join(" "))
}

fn input_rows(c: &Comparison, sa: &Scenario, sb: &Scenario, m: &Messages) -> Vec<[String; 3]> {
    c.inputs
        .iter()
        .map(|input| {
            let b = match input {
                ScenarioInput::Coalition => {
                    format!("{} ({})", input_value(*input, sb, m), coalition_change(sa, sb))
                }
                _ => input_value(*input, sb, m),
            };
            [input.name(), input_value(*input, sa, m), b]
        })
        .collect()
}

fn driver_text(pair: &Pair) -> String {
    pair.drivers
        .iter()
        .take(3)
        .map(|(input, effect)| format!("{} {:+}", input.name(), Rounded(*effect, pair.decimals + 1)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn tables(c: &Comparison, sa: &Scenario, sb: &Scenario, m: &Messages) -> (TextTable, TextTable) {
    let mut inputs = TextTable::new(&[&m.t("cmp-col-input"), &c.a.scenario, &c.b.scenario]);
    for row in input_rows(c, sa, sb, m) {
        inputs.row(row.to_vec());
    }
    let mut outcomes = TextTable::new(&[
        &m.t("cmp-col-figure"),
        &c.a.scenario,
        &c.b.scenario,
        &m.t("cmp-col-change"),
        &m.t("cmp-col-drivers"),
    ]);
    for pair in pairs(c, m) {
        let cell = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_number(v, pair.decimals));
        let change =
            pair.change().map_or_else(|| "—".to_string(), |d| format!("{:+}", Rounded(d, pair.decimals)));
        outcomes.row(vec![pair.label.clone(), cell(pair.a), cell(pair.b), change, driver_text(&pair)]);
    }
    (inputs, outcomes)
}

fn notes(c: &Comparison, m: &Messages) -> Vec<String> {
    let mut notes =
        vec![m.f(
            "cmp-note-drivers",
            &[("a", c.a.scenario.as_str().into()), ("b", c.b.scenario.as_str().into())],
        )];
    if c.inputs.len() > c.attributions.len() {
        notes.push(m.f(
            "cmp-note-first",
            &[
                ("attributed", c.attributions.len().to_string().into()),
                ("inputs", c.inputs.len().to_string().into()),
            ],
        ));
    }
    notes
}

/// The comparison as aligned text tables (`markdown` for Markdown) in the language of `m`: the
/// inputs that differ, then the figures that moved, largest relative change first, with their
/// drivers.
pub fn render(c: &Comparison, sa: &Scenario, sb: &Scenario, markdown: bool, m: &Messages) -> String {
    let (inputs, outcomes) = tables(c, sa, sb, m);
    let table = |t: &TextTable| if markdown { t.render_markdown() } else { t.render() };
    let heading = |text: &str| {
        if markdown {
            format!("\n## {text}\n\n")
        } else {
            format!("\n{text}\n{}\n", "-".repeat(crate::text_table::display_width(text)))
        }
    };
    let title = m.f("cmp-title", &[("a", c.a.scenario.as_str().into()), ("b", c.b.scenario.as_str().into())]);
    let mut out = if markdown {
        format!("# {title}\n")
    } else {
        format!("{title}\n{}\n", "=".repeat(crate::text_table::display_width(&title)))
    };
    out.push_str(&heading(&m.t("cmp-h-inputs")));
    if c.inputs.is_empty() {
        out.push_str(&m.t("cmp-same-inputs"));
        out.push('\n');
    } else {
        out.push_str(&table(&inputs));
    }
    out.push_str(&heading(&m.t("cmp-h-outcomes")));
    out.push_str(&table(&outcomes));
    for note in notes(c, m) {
        out.push_str(&format!("{note}\n"));
    }
    out
}

/// The comparison as a self-contained HTML page in the language of `m`.
pub fn to_html(c: &Comparison, sa: &Scenario, sb: &Scenario, m: &Messages) -> String {
    use crate::assessment_html::escape;
    let (a, b) = (escape(&c.a.scenario), escape(&c.b.scenario));
    let names = || [("a", Arg::from(&a)), ("b", Arg::from(&b))];
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n<h1>{h1}</h1>\n",
        lang = m.lang().code(),
        title = m.f("cmp-html-title", &names()),
        h1 = m.f("cmp-html-h1", &names()),
        css = COMPARE_CSS
    );
    out.push_str(&format!(
        "<section id=\"inputs\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th>",
        escape(&m.t("cmp-h-inputs")),
        escape(&m.t("cmp-th-input"))
    ));
    out.push_str(&format!("<th>{a}</th><th>{b}</th></tr></thead>\n<tbody>\n"));
    for row in input_rows(c, sa, sb, m) {
        out.push_str(&format!(
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n",
            escape(&row[0]),
            escape(&row[1]),
            escape(&row[2])
        ));
    }
    out.push_str(&format!(
        "</tbody>\n</table>\n</section>\n<section id=\"outcomes\">\n<h2>{}</h2>\n<table>\n",
        escape(&m.t("cmp-h-outcomes"))
    ));
    out.push_str(&format!(
        "<thead><tr><th>{}</th><th class=\"num\">{a}</th><th class=\"num\">{b}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        escape(&m.t("cmp-th-figure")),
        escape(&m.t("cmp-th-change")),
        escape(&m.t("cmp-th-drivers"))
    ));
    for pair in pairs(c, m) {
        let cell = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_number(v, pair.decimals));
        let change =
            pair.change().map_or_else(|| "—".to_string(), |d| format!("{:+}", Rounded(d, pair.decimals)));
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>\n",
            escape(&pair.label),
            cell(pair.a),
            cell(pair.b),
            change,
            escape(&driver_text(&pair))
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    for note in notes(c, m) {
        out.push_str(&format!("<p class=\"small\">{}</p>\n", escape(&note)));
    }
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}

const COMPARE_CSS: &str = "body{font-family:system-ui,sans-serif;margin:0;color:#1a202c}main{max-width:1100px;margin:0 auto;padding:24px}\
table{border-collapse:collapse;width:100%;margin:8px 0 24px}th,td{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:left;vertical-align:top}\
.num{text-align:right;font-variant-numeric:tabular-nums}.small{font-size:12px;color:#4a5568}";

/// The comparison as JSON (schema `bulwark.comparison/2`): the inputs that differ with both
/// values, then every figure that moved with its drivers. Labels and notes are English
/// whatever the report's language, like every JSON output.
pub fn to_json(c: &Comparison, sa: &Scenario, sb: &Scenario) -> String {
    let m = &Messages::new(Lang::En);
    let inputs: Vec<_> = input_rows(c, sa, sb, m)
        .into_iter()
        .map(|[input, a, b]| json!({ "input": input, "a": a, "b": b }))
        .collect();
    let rows: Vec<_> = pairs(c, m)
        .into_iter()
        .map(|p| {
            json!({
                "figure": p.label, "a": p.a, "b": p.b, "change": p.change(),
                "drivers": p.drivers.iter().map(|(input, effect)| json!({ "input": input.name(), "effect": effect })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let document = json!({
        "schema": "bulwark.comparison/2", "a": c.a.scenario, "b": c.b.scenario,
        "inputs": inputs, "figures": rows, "notes": notes(c, m),
    });
    crate::json_text::pretty(document)
}

/// A signed number with a fixed count of decimals.
struct Rounded(f64, usize);

impl std::fmt::Display for Rounded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 >= 0.0 && f.sign_plus() { "+" } else { "" };
        write!(f, "{sign}{}", format_number(self.0, self.1))
    }
}
