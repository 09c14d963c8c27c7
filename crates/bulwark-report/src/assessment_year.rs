//! `bulwark assess --year Y`: the picture in one year of the horizon. For every line with a gap,
//! how much of it the funded schedule has delivered by the end of that year and what Europe
//! alone then covers; and the year's spending and headroom. Every format shows it.

use bulwark_assess::Assessment;
use serde_json::{json, Value};

use crate::i18n::{Lang, Messages};
use crate::text_table::{format_number, TextTable};

/// One line in year Y.
pub struct YearRow {
    /// Line id.
    pub line: String,
    /// Inventory to buy to close Europe's own gap.
    pub units_to_buy: f64,
    /// Delivered by the end of the year.
    pub delivered: f64,
    /// Europe alone's coverage of the requirement with those deliveries.
    pub coverage_alone: Option<f64>,
}

/// The rows of lines with a gap in `year` (clamped to the horizon).
pub fn rows(a: &Assessment, year: u16) -> Vec<YearRow> {
    a.lines
        .iter()
        .filter_map(|line| {
            let closure = line.closure.as_ref().filter(|c| c.gap_units > 0.0)?;
            let last = closure.delivered_by_year.len().checked_sub(1)?;
            let idx = usize::from(year.saturating_sub(a.base_year)).min(last);
            let delivered = closure.delivered_by_year[idx];
            let ledger = &line.ledger;
            // Units bought are available like those held: the gap in available units is
            // `gap`, bought as `units_to_buy`.
            let available_share =
                ledger.gap.zip(ledger.units_to_buy).filter(|(_, buy)| *buy > 0.0).map_or(1.0, |(g, b)| g / b);
            let coverage_alone = ledger
                .europe
                .zip(ledger.requirement)
                .filter(|(_, r)| *r > 0.0)
                .map(|(e, r)| (e + delivered * available_share) / r);
            Some(YearRow {
                line: line.line.clone(),
                units_to_buy: closure.gap_units,
                delivered,
                coverage_alone,
            })
        })
        .collect()
}

/// The year's spending and headroom, EUR bn (`None` outside the projection).
fn budget(a: &Assessment, year: u16) -> Option<(f64, f64)> {
    let idx = a.budget.years.iter().position(|y| *y == year)?;
    Some((a.budget.total_spend_eur_bn[idx], a.budget.headroom_eur_bn[idx]))
}

/// The year as a text table with a sentence on spending.
pub fn table(a: &Assessment, year: u16, m: &Messages) -> (String, TextTable) {
    let money = |v: f64| match m.lang() {
        Lang::En => format!("EUR {} bn", format_number(v, 0)),
        Lang::Ja => m.eur_bn(v, 0),
    };
    let sentence = budget(a, year).map_or_else(String::new, |(spend, headroom)| {
        m.f(
            "year-sentence",
            &[
                ("year", year.to_string().into()),
                ("spend", money(spend).into()),
                ("headroom", money(headroom).into()),
            ],
        )
    });
    let header = [
        m.t("col-line"),
        m.t("col-to-buy"),
        m.f("col-delivered-by", &[("year", year.to_string().into())]),
        m.t("col-share-closed"),
        m.t("col-europe-alone-then"),
    ];
    let mut t = TextTable::new(&header.each_ref().map(String::as_str));
    for row in rows(a, year) {
        t.row(vec![
            row.line,
            format_number(row.units_to_buy, 0),
            format_number(row.delivered, 0),
            m.pct((100.0 * row.delivered / row.units_to_buy).round(), 0),
            row.coverage_alone.map_or_else(|| "—".into(), |c| format!("{:.2}", c)),
        ]);
    }
    (sentence, t)
}

/// The year as JSON.
pub fn to_json(a: &Assessment, year: u16) -> Value {
    let (spend, headroom) = budget(a, year).unzip();
    json!({
        "year": year,
        "spending_eur_bn": spend,
        "headroom_eur_bn": headroom,
        "lines": rows(a, year).into_iter().map(|r| json!({
            "line": r.line, "units_to_buy": r.units_to_buy, "delivered": r.delivered,
            "share_closed": r.delivered / r.units_to_buy, "coverage_alone": r.coverage_alone,
        })).collect::<Vec<_>>(),
    })
}

/// The year as an HTML section.
pub fn to_html(a: &Assessment, year: u16, m: &Messages) -> String {
    use crate::assessment_html::escape;
    let (sentence, _) = table(a, year, m);
    let y = || year.to_string().into();
    let mut out = format!(
        "<section id=\"year\">\n<h3>{}</h3>\n<p>{}</p>\n<table>\n<thead><tr><th>{}</th>\
         <th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>\
         <th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        escape(&m.f("h-picture-in", &[("year", y())])),
        escape(&sentence),
        escape(&m.t("th-line")),
        escape(&m.t("th-to-buy")),
        escape(&m.f("th-delivered-by", &[("year", y())])),
        escape(&m.t("th-share-closed")),
        escape(&m.t("th-europe-alone-then")),
    );
    for row in rows(a, year) {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            escape(&crate::assessment_html::line_name(a, &row.line, m)),
            format_number(row.units_to_buy, 0),
            format_number(row.delivered, 0),
            m.pct((100.0 * row.delivered / row.units_to_buy).round(), 0),
            row.coverage_alone.map_or_else(|| "—".into(), |c| format!("{c:.2}")),
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}
