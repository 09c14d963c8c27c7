//! An axis's figures, from the assessment's typed numbers ([`AxisFigures`]): as (label, value)
//! rows in the report's language for the text, Markdown and HTML reports, and as JSON with the
//! numbers as numbers.
//!
//! Every label and every word of a value comes from the catalogue (`locales/*/axes.ftl`: `fig-*`
//! labels, `figval-*` values); the numbers are formatted here, with the precision each figure
//! has always been reported at (probabilities and credibilities to three decimals, scores to
//! two, warheads and EUR bn whole).

use bulwark_assess::{
    AxisFigures, CensoredSpread, DecisionFigures, FinancialFigures, IamdFigures, ModelRefusal,
    MultiDomainFigures, NuclearFigures, Spread, StrategicAssetsFigures,
};
use bulwark_models::force_package::ForcePackage;
use bulwark_models::nuclear::Balance;
use serde_json::{json, Value};

use crate::assessment_json::{censored_json, spread_json};
use crate::i18n::{Lang, Messages};

/// The axis's figures as (label, value) rows in the report's language, in the order the report
/// shows them.
pub(crate) fn rows(figures: &AxisFigures, m: &Messages) -> Vec<(String, String)> {
    match figures {
        AxisFigures::StrategicAssets(f) => strategic_assets(f, m),
        AxisFigures::Nuclear(Ok(f)) => nuclear(f, m),
        AxisFigures::Nuclear(Err(refusal)) => vec![(m.t("fig-nuclear-refused"), refusal.reason.clone())],
        AxisFigures::Financial(f) => financial(f, m),
        AxisFigures::Integration(Ok(f)) => decision(f, m),
        AxisFigures::Integration(Err(refusal)) => vec![(
            m.t("fig-decision-refused"),
            m.f("figval-not-run", &[("reason", refusal.reason.as_str().into())]),
        )],
        AxisFigures::MultiDomain(f) => multi_domain(f, m),
    }
}

/// A number with a fixed number of decimals, as the figures have always been written (no
/// grouping of thousands, so `1051` and not `1,051`); never `-0`, NaN or infinity.
fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let text = format!("{value:.decimals$}");
    if text.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
        text.trim_start_matches('-').to_string()
    } else {
        text
    }
}

/// A share 0 to 1 as a whole percentage in the locale's way (`86 %`, `86%`).
fn percent(share: f64, m: &Messages) -> String {
    if !share.is_finite() {
        return "—".to_string();
    }
    m.pct(100.0 * share, 0)
}

/// A line as the figures name it: by its name in the report's language (ids stay in the JSON).
fn line_label(id: &str, m: &Messages) -> String {
    m.line_name(id, id)
}

/// Countries as the figures list them: ISO 3166 codes in English, names in another language.
fn country_list(codes: &[String], m: &Messages) -> String {
    match m.lang() {
        Lang::En => codes.join(" "),
        Lang::Ja => m.list(&codes.iter().map(|code| m.country(code).into_owned()).collect::<Vec<_>>()),
    }
}

fn pair(first: String, second: String, m: &Messages) -> String {
    m.f("figval-pair", &[("first", first.into()), ("second", second.into())])
}

fn band(central: String, low: String, high: String, m: &Messages) -> String {
    m.f("figval-band", &[("central", central.into()), ("low", low.into()), ("high", high.into())])
}

fn day(day: String, m: &Messages) -> String {
    m.f("figval-day", &[("n", day.into())])
}

fn strategic_assets(f: &StrategicAssetsFigures, m: &Messages) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if !f.lines_without_data.is_empty() {
        let lines: Vec<String> = f.lines_without_data.iter().map(|id| line_label(id, m)).collect();
        let separator = match m.lang() {
            Lang::En => ", ",
            Lang::Ja => "、",
        };
        rows.push((m.t("fig-lines-without-data"), lines.join(separator)));
    }
    match &f.iamd {
        Ok(iamd) => rows.extend(iamd_rows(iamd, m)),
        Err(refusal) => rows.push((m.t("fig-iamd-refused"), refusal.reason.clone())),
    }
    rows
}

fn iamd_rows(f: &IamdFigures, m: &Messages) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if let Some(e) = &f.ensemble {
        let share = |s: &Spread| band(percent(s.central, m), fixed(100.0 * s.low, 0), percent(s.high, m), m);
        // A magazine that lasts the campaign is a share of runs, never a day averaged in.
        let runs_out = |s: &CensoredSpread| match &s.among_events {
            Some(d) => m.f(
                "figval-runs-out-share",
                &[
                    ("share", percent(1.0 - s.share_beyond, m).into()),
                    ("central", fixed(d.central, 0).into()),
                    ("low", fixed(d.low, 0).into()),
                    ("high", fixed(d.high, 0).into()),
                ],
            ),
            None => m.t("figval-never-ran-out"),
        };
        rows.push((
            m.f("fig-iamd-ensemble-leak", &[("runs", e.runs.to_string().into())]),
            pair(share(&e.leak_share_without_us), share(&e.leak_share_with_us), m),
        ));
        rows.push((
            m.f("fig-iamd-ensemble-runs-out", &[("days", f.days.to_string().into())]),
            pair(
                runs_out(&e.long_range_runs_out_day_without_us),
                runs_out(&e.long_range_runs_out_day_with_us),
                m,
            ),
        ));
    }
    let runs_out = |d: Option<u32>| match d {
        Some(d) => day(d.to_string(), m),
        None => m.f("figval-lasts", &[("n", f.days.to_string().into())]),
    };
    rows.extend([
        (
            m.f("fig-iamd-missiles", &[("days", f.days.to_string().into())]),
            pair(
                fixed(f.missiles_leaking_per_day_with_us, 1),
                fixed(f.missiles_leaking_per_day_without_us, 1),
                m,
            ),
        ),
        (
            m.t("fig-iamd-drones"),
            pair(
                fixed(f.drones_leaking_per_day_with_us, 1),
                fixed(f.drones_leaking_per_day_without_us, 1),
                m,
            ),
        ),
        (
            m.t("fig-iamd-share"),
            pair(percent(f.leak_share_with_us, m), percent(f.leak_share_without_us, m), m),
        ),
        (
            m.t("fig-iamd-central-runs-out"),
            pair(
                runs_out(f.long_range_runs_out_day_with_us),
                runs_out(f.long_range_runs_out_day_without_us),
                m,
            ),
        ),
    ]);
    rows
}

fn nuclear(f: &NuclearFigures, m: &Messages) -> Vec<(String, String)> {
    let with_band = |central: f64, range: Option<Spread>| match range {
        Some(r) => m.f(
            "figval-p5-p95",
            &[
                ("central", fixed(central, 3).into()),
                ("low", fixed(r.low, 3).into()),
                ("high", fixed(r.high, 3).into()),
            ],
        ),
        None => fixed(central, 3),
    };
    // Every credibility names its year, and "as today" the US elections before it, so that
    // the end year's figure is not read as today's.
    let year = f.year.to_string();
    let elections: Vec<String> = f.us_election_years.iter().map(u16::to_string).collect();
    let after = match elections.is_empty() {
        true => String::new(),
        false => m.f("fig-after-elections", &[("years", m.list(&elections).into())]),
    };
    let in_year = |id: &str| m.f(id, &[("year", year.as_str().into())]);
    let mut rows = vec![
        (m.t("fig-us-posture-kept"), fixed(f.us_posture_share, 2)),
        (
            m.f("fig-credibility-today", &[("year", year.as_str().into()), ("after", after.into())]),
            fixed(f.credibility_us_as_today, 3),
        ),
    ];
    if let Some((first_year, credibility)) = f.credibility_with_us_first_year {
        rows.push((
            m.f("fig-credibility-scenario-first", &[("year", first_year.to_string().into())]),
            fixed(credibility, 3),
        ));
    }
    rows.extend([
        (in_year("fig-credibility-scenario"), with_band(f.credibility_with_us, f.credibility_with_us_range)),
        (
            in_year("fig-credibility-without"),
            with_band(f.credibility_without_us, f.credibility_without_us_range),
        ),
        (m.t("fig-russian-survivable"), fixed(f.russian_survivable_warheads, 0)),
    ]);
    for p in &f.patrons {
        let factors: Vec<String> = [
            ("factor-commitment", p.commitment),
            ("factor-capability", p.capability),
            ("factor-resolve", p.resolve),
            ("factor-political-continuity", p.political_continuity),
            ("factor-forward-presence", p.forward_presence),
        ]
        .iter()
        .map(|(id, value)| {
            m.f("figval-factor", &[("factor", m.t(id).into()), ("value", fixed(*value, 3).into())])
        })
        .collect();
        // The factors are shown to three decimals; where the product of the shown factors
        // still rounds to another credibility than the one shown, the row says so.
        let shown_product: f64 =
            [p.commitment, p.capability, p.resolve, p.political_continuity, p.forward_presence]
                .iter()
                .map(|v| fixed(*v, 3).parse::<f64>().unwrap_or(f64::NAN))
                .product();
        let rounded = fixed(shown_product, 3) != fixed(p.credibility, 3);
        rows.push((
            m.f("fig-umbrella", &[("state", state_label(&p.state, m).into())]),
            m.f(
                if rounded { "figval-umbrella-rounded" } else { "figval-umbrella" },
                &[
                    ("credibility", fixed(p.credibility, 3).into()),
                    ("factors", factors.join(" × ").into()),
                    ("warheads", fixed(p.survivable_warheads, 0).into()),
                    ("ratio", fixed(p.adequacy_ratio, 2).into()),
                ],
            ),
        ));
    }
    rows.push((m.t("fig-nsnw-scenario"), balance(&f.balance_with_us, m)));
    rows.push((m.t("fig-nsnw-without"), balance(&f.balance_without_us, m)));
    rows
}

/// A patron: its ISO 3166 code in English, its name in another language.
fn state_label(code: &str, m: &Messages) -> String {
    match m.lang() {
        Lang::En => code.to_string(),
        Lang::Ja => m.country(code).into_owned(),
    }
}

/// `Russia 1555 vs Europe 100 non-strategic warheads (ratio 15.5)`, or unbounded when Europe
/// has none.
fn balance(b: &Balance, m: &Messages) -> String {
    let ratio = match b.ratio {
        Some(r) => m.f("figval-ratio", &[("ratio", fixed(r, 1).into())]),
        None => m.t("figval-unbounded"),
    };
    m.f(
        "figval-nsnw",
        &[
            ("russia", fixed(b.adversary_warheads, 0).into()),
            ("europe", fixed(b.own_warheads, 0).into()),
            ("ratio", ratio.into()),
        ],
    )
}

fn financial(f: &FinancialFigures, m: &Messages) -> Vec<(String, String)> {
    let closes = match f.last_critical_gap_closes_year {
        Some(year) => year.to_string(),
        None => m.f("figval-after", &[("year", f.end_year.to_string().into())]),
    };
    vec![
        (m.t("fig-cost-to-close"), fixed(f.cost_to_close_eur_bn, 0)),
        (m.t("fig-headroom"), fixed(f.cumulative_headroom_eur_bn, 0)),
        (m.t("fig-extra-spending"), fixed(f.extra_spending_a_year_eur_bn, 0)),
        (m.t("fig-last-critical"), closes),
    ]
}

fn decision(f: &DecisionFigures, m: &Messages) -> Vec<(String, String)> {
    let hours = fixed(f.required_hours, 0);
    let interval = |s: &Spread| {
        m.f(
            "figval-interval",
            &[
                ("central", fixed(s.central, 3).into()),
                ("low", fixed(s.low, 3).into()),
                ("high", fixed(s.high, 3).into()),
            ],
        )
    };
    let mut rows = vec![
        (
            m.f("fig-decide-alone", &[("hours", hours.as_str().into()), ("runs", f.runs.to_string().into())]),
            interval(&f.p_in_time_without_us),
        ),
        (
            m.f("fig-decide-us-leading", &[("hours", hours.as_str().into())]),
            interval(&f.p_in_time_us_leading),
        ),
        (m.f("fig-decide-scenario", &[("hours", hours.as_str().into())]), fixed(f.p_in_time_scenario, 3)),
    ];
    for body in &f.bodies {
        let median = match body.median_hours_without_us {
            Some(h) => m.f("figval-hours", &[("n", fixed(h, 0).into())]),
            None => m.t("figval-never"),
        };
        rows.push((
            m.f(
                "fig-body",
                &[
                    ("body", m.lookup("body", body.body, body.body).into()),
                    ("rule", m.lookup("rule", body.body, "").into()),
                ],
            ),
            m.f(
                "figval-body",
                &[("median", median.into()), ("paralysis", fixed(body.p_paralysis_without_us, 2).into())],
            ),
        ));
    }
    rows
}

fn multi_domain(f: &MultiDomainFigures, m: &Messages) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = f
        .domain_scores_without_us
        .iter()
        .map(|s| {
            let generic = m.f("fig-score-domain", &[("domain", m.domain_name(s.domain).into())]);
            (m.lookup("fig-score", s.domain, &generic), fixed(s.score_without_us, 2))
        })
        .collect();
    match &f.force_package {
        None => {}
        Some(Err(refusal)) => rows.push((
            m.t("fig-force-package-refused"),
            m.f("figval-not-derived", &[("reason", refusal.reason.as_str().into())]),
        )),
        Some(Ok(package)) => rows.extend(force_package_rows(package, m)),
    }
    rows
}

/// The force package: brigades, and per land line what a brigade holds on average and from how
/// many members that average comes.
fn force_package_rows(package: &ForcePackage, m: &Messages) -> Vec<(String, String)> {
    let mut rows = vec![(
        m.t("fig-force-package"),
        m.f(
            "figval-force-package",
            &[
                ("troops", fixed(package.troops, 0).into()),
                ("per_brigade", fixed(package.troops_per_brigade, 0).into()),
                ("brigades", fixed(package.brigades, 1).into()),
            ],
        ),
    )];
    for line in &package.lines {
        let value = match (line.quantity, line.per_brigade) {
            (Some(quantity), Some(per_brigade)) => m.f(
                "figval-force-package-line",
                &[
                    ("quantity", fixed(quantity, 0).into()),
                    ("per_brigade", fixed(per_brigade, 1).into()),
                    ("countries", country_list(&line.countries, m).into()),
                ],
            ),
            _ => m.t("figval-force-package-no-member"),
        };
        rows.push((m.f("fig-force-package-line", &[("line", line_label(&line.line, m).into())]), value));
    }
    rows
}

/// The axis's figures as JSON: numbers as numbers, identifiers as strings, a model's refusal as
/// `<model>_refused` (its message) beside a `null` `<model>`.
pub(crate) fn to_json(figures: &AxisFigures) -> Value {
    match figures {
        AxisFigures::StrategicAssets(f) => {
            let (iamd, refused) = split(&f.iamd, iamd_json);
            json!({ "lines_without_data": f.lines_without_data, "iamd": iamd, "iamd_refused": refused })
        }
        AxisFigures::Nuclear(f) => {
            let (nuclear, refused) = split(f, nuclear_json);
            json!({ "nuclear": nuclear, "nuclear_refused": refused })
        }
        AxisFigures::Financial(f) => json!({
            "cost_to_close_eur_bn": f.cost_to_close_eur_bn,
            "cumulative_headroom_eur_bn": f.cumulative_headroom_eur_bn,
            "extra_spending_a_year_eur_bn": f.extra_spending_a_year_eur_bn,
            "last_critical_gap_closes_year": f.last_critical_gap_closes_year,
            "end_year": f.end_year,
        }),
        AxisFigures::Integration(f) => {
            let (decision, refused) = split(f, decision_json);
            json!({ "decision": decision, "decision_refused": refused })
        }
        AxisFigures::MultiDomain(f) => {
            let scores: serde_json::Map<String, Value> = f
                .domain_scores_without_us
                .iter()
                .map(|s| (s.domain.to_string(), Value::from(s.score_without_us)))
                .collect();
            let (package, refused) = match &f.force_package {
                None => (Value::Null, Value::Null),
                Some(result) => split(result, force_package_json),
            };
            json!({
                "domain_scores_without_us": scores,
                "force_package": package,
                "force_package_refused": refused,
            })
        }
    }
}

/// A model's figures as JSON and its refusal's message, one of them `null`.
fn split<T>(result: &Result<T, ModelRefusal>, to_json: fn(&T) -> Value) -> (Value, Value) {
    match result {
        Ok(figures) => (to_json(figures), Value::Null),
        Err(refusal) => (Value::Null, Value::from(refusal.reason.clone())),
    }
}

fn iamd_json(f: &IamdFigures) -> Value {
    json!({
        "days": f.days,
        "missiles_leaking_per_day_with_us": f.missiles_leaking_per_day_with_us,
        "missiles_leaking_per_day_without_us": f.missiles_leaking_per_day_without_us,
        "drones_leaking_per_day_with_us": f.drones_leaking_per_day_with_us,
        "drones_leaking_per_day_without_us": f.drones_leaking_per_day_without_us,
        "leak_share_with_us": f.leak_share_with_us,
        "leak_share_without_us": f.leak_share_without_us,
        "long_range_runs_out_day_with_us": f.long_range_runs_out_day_with_us,
        "long_range_runs_out_day_without_us": f.long_range_runs_out_day_without_us,
        "ensemble": f.ensemble.as_ref().map(|e| json!({
            "runs": e.runs,
            "leak_share_without_us": spread_json(&e.leak_share_without_us),
            "leak_share_with_us": spread_json(&e.leak_share_with_us),
            "long_range_runs_out_day_without_us": censored_json(&e.long_range_runs_out_day_without_us),
            "long_range_runs_out_day_with_us": censored_json(&e.long_range_runs_out_day_with_us),
        })),
    })
}

fn nuclear_json(f: &NuclearFigures) -> Value {
    let balance = |b: &Balance| json!({ "adversary_warheads": b.adversary_warheads, "own_warheads": b.own_warheads, "ratio": b.ratio });
    json!({
        "us_posture_share": f.us_posture_share,
        "credibility_us_as_today": f.credibility_us_as_today,
        "year": f.year,
        "us_election_years": f.us_election_years,
        "credibility_with_us_first_year": f.credibility_with_us_first_year.map(|(year, c)| json!({ "year": year, "credibility": c })),
        "credibility_with_us": f.credibility_with_us,
        "credibility_with_us_range": f.credibility_with_us_range.as_ref().map(spread_json),
        "credibility_without_us": f.credibility_without_us,
        "credibility_without_us_range": f.credibility_without_us_range.as_ref().map(spread_json),
        "russian_survivable_warheads": f.russian_survivable_warheads,
        "patrons": f.patrons.iter().map(|p| json!({
            "state": p.state, "credibility": p.credibility, "commitment": p.commitment,
            "capability": p.capability, "resolve": p.resolve,
            "political_continuity": p.political_continuity, "forward_presence": p.forward_presence,
            "survivable_warheads": p.survivable_warheads, "adequacy_ratio": p.adequacy_ratio,
        })).collect::<Vec<_>>(),
        "balance_with_us": balance(&f.balance_with_us),
        "balance_without_us": balance(&f.balance_without_us),
    })
}

fn decision_json(f: &DecisionFigures) -> Value {
    json!({
        "required_hours": f.required_hours,
        "runs": f.runs,
        "p_in_time_without_us": spread_json(&f.p_in_time_without_us),
        "p_in_time_us_leading": spread_json(&f.p_in_time_us_leading),
        "p_in_time_scenario": f.p_in_time_scenario,
        "bodies": f.bodies.iter().map(|b| json!({
            "body": b.body,
            "median_hours_without_us": b.median_hours_without_us,
            "p_paralysis_without_us": b.p_paralysis_without_us,
        })).collect::<Vec<_>>(),
    })
}

fn force_package_json(p: &ForcePackage) -> Value {
    json!({
        "troops": p.troops,
        "troops_per_brigade": p.troops_per_brigade,
        "brigades": p.brigades,
        "lines": p.lines.iter().map(|l| json!({
            "line": l.line, "quantity": l.quantity, "per_brigade": l.per_brigade, "countries": l.countries,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests;
