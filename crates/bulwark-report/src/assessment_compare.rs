//! `bulwark assess --compare A B`: two scenarios side by side, showing what moved and by how much.

use bulwark_assess::{Assessment, AxisStatus};
use serde_json::json;

use crate::text_table::{format_number, TextTable};

/// One figure in both scenarios.
struct Pair {
    label: String,
    a: Option<f64>,
    b: Option<f64>,
    decimals: usize,
}

impl Pair {
    fn new(label: &str, a: Option<f64>, b: Option<f64>, decimals: usize) -> Pair {
        Pair { label: label.to_string(), a, b, decimals }
    }
}

fn pairs(a: &Assessment, b: &Assessment) -> Vec<Pair> {
    let score = |x: &Assessment, n: usize| match x.axes.get(n).map(|axis| &axis.status) {
        Some(AxisStatus::Assessed { score, .. }) => Some(*score),
        _ => None,
    };
    let mut out: Vec<Pair> = (0..a.axes.len())
        .map(|n| Pair { label: format!("axis {} score", n + 1), a: score(a, n), b: score(b, n), decimals: 2 })
        .collect();
    out.extend([
        Pair {
            label: "procurement to close, EUR bn".into(),
            a: Some(a.procurement_eur_bn),
            b: Some(b.procurement_eur_bn),
            decimals: 0,
        },
        Pair {
            label: "cost over the horizon, EUR bn".into(),
            a: Some(a.horizon_cost_eur_bn),
            b: Some(b.horizon_cost_eur_bn),
            decimals: 0,
        },
        Pair {
            label: "cumulative headroom, EUR bn".into(),
            a: Some(a.cumulative_headroom_eur_bn),
            b: Some(b.cumulative_headroom_eur_bn),
            decimals: 0,
        },
        Pair {
            label: "affordability ratio".into(),
            a: a.affordability_ratio,
            b: b.affordability_ratio,
            decimals: 2,
        },
    ]);
    // The model answers under each scenario's own US posture.
    let hold = |x: &Assessment| x.campaign.as_ref().map(|c| c.with_us.p_hold);
    let credibility = |x: &Assessment| x.nuclear.as_ref().map(|n| n.outcome.with_us.credibility);
    let leaked =
        |x: &Assessment| x.iamd.as_ref().map(|i| i.outcome.total_leaked() / f64::from(i.outcome.days.max(1)));
    let in_time = |x: &Assessment| x.decision.as_ref().map(|d| d.p_in_time);
    out.extend([
        Pair::new("P(Baltic defence holds to the hold day)", hold(a), hold(b), 2),
        Pair::new("extended nuclear deterrence credibility", credibility(a), credibility(b), 3),
        Pair::new("missiles and drones leaking a day", leaked(a), leaked(b), 0),
        Pair::new("P(alliance decides in time)", in_time(a), in_time(b), 2),
    ]);
    for (la, lb) in a.lines.iter().zip(&b.lines) {
        let (ca, cb) = (la.ledger.coverage, lb.ledger.coverage);
        let moved = match (ca, cb) {
            (Some(x), Some(y)) => (x - y).abs() > 1e-9,
            (x, y) => x.is_some() != y.is_some(),
        };
        if moved {
            out.push(Pair { label: format!("coverage {}", la.line), a: ca, b: cb, decimals: 2 });
        }
    }
    out
}

/// The comparison as an aligned text table (`markdown` for a Markdown table).
pub fn render(a: &Assessment, b: &Assessment, markdown: bool) -> String {
    let mut table = TextTable::new(&["figure", &a.scenario, &b.scenario, "change"]);
    let window = |x: &Assessment| {
        x.window_closes.map_or_else(|| format!("open after {}", x.end_year), |y| y.to_string())
    };

    for pair in pairs(a, b) {
        let cell = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_number(v, pair.decimals));
        let change = match (pair.a, pair.b) {
            (Some(x), Some(y)) if (y - x).abs() > 1e-12 => format!("{:+}", Rounded(y - x, pair.decimals)),
            (Some(_), Some(_)) => "=".to_string(),
            _ => "—".to_string(),
        };
        table.row(vec![pair.label.clone(), cell(pair.a), cell(pair.b), change]);
    }
    let title = format!(
        "Bulwark comparison: `{}` against `{}`\nWindow of vulnerability closes: {} in `{}`, {} in `{}`\n\n",
        a.scenario,
        b.scenario,
        window(a),
        a.scenario,
        window(b),
        b.scenario
    );
    title + &if markdown { table.render_markdown() } else { table.render() }
}

/// The comparison as JSON (schema `bulwark.comparison/1`).
pub fn to_json(a: &Assessment, b: &Assessment) -> String {
    let rows: Vec<_> = pairs(a, b)
        .into_iter()
        .map(|p| json!({ "figure": p.label, "a": p.a, "b": p.b, "change": p.a.zip(p.b).map(|(x, y)| y - x) }))
        .collect();
    let document =
        json!({ "schema": "bulwark.comparison/1", "a": a.scenario, "b": b.scenario, "figures": rows });
    serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
}

/// A signed number with a fixed count of decimals.
struct Rounded(f64, usize);

impl std::fmt::Display for Rounded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 >= 0.0 && f.sign_plus() { "+" } else { "" };
        write!(f, "{sign}{}", format_number(self.0, self.1))
    }
}
