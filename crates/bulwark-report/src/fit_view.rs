//! `bulwark fit lanchester`: a fitted attrition law as a text summary with residuals, or the
//! fitted curve and residuals as CSV.

use bulwark_models::attrition::Fit;

use crate::text_table::{format_number, TextTable};

/// Coefficients, goodness of fit and the residual of every observed point.
pub fn summary(fit: &Fit, file: &str) -> String {
    let params = &fit.params;
    let e = params.exponents();
    let eval = &fit.evaluation;
    // Undefined figures (R² of a constant series) show as a dash, never NaN.
    let fixed =
        |v: f64, decimals: usize| if v.is_finite() { format!("{v:.decimals$}") } else { "—".to_string() };
    let mut out = format!("Lanchester fit of {file}\n\n");
    out.push_str(&format!("law                {}\n", params.law().name()));
    out.push_str(&format!("a (Blue losses)    {} per time unit\n", fixed(params.a(), 6)));
    out.push_str(&format!("b (Red losses)     {} per time unit\n", fixed(params.b(), 6)));
    out.push_str(&format!(
        "exponents          dB/dt = -a R^{:.3} B^{:.3};  dR/dt = -b B^{:.3} R^{:.3}\n",
        e.e1, e.e2, e.e3, e.e4
    ));
    out.push_str(&format!("R²                 {}\n", fixed(eval.r_squared, 4)));
    out.push_str(&format!("RMSE               {}\n", format_number(eval.rmse, 1)));
    out.push_str(&format!("mean abs. % error  {} %\n", fixed(eval.mean_abs_percent_error, 2)));
    out.push_str(&format!("start time         {}\n", format_number(fit.start_time, 3)));
    out.push_str(&format!(
        "evaluations        {} ({})\n\n",
        fit.evaluations,
        if fit.converged { "converged" } else { "stopped at the limit" }
    ));
    let mut table = TextTable::new(&[
        "time",
        "Blue observed",
        "Blue fitted",
        "Blue residual",
        "Red observed",
        "Red fitted",
        "Red residual",
    ]);
    let cell = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format_number(v, 1));
    for point in &eval.points {
        table.row(vec![
            format_number(point.time, 3),
            cell(point.blue_observed),
            format_number(point.blue_fitted, 1),
            cell(point.blue_residual()),
            cell(point.red_observed),
            format_number(point.red_fitted, 1),
            cell(point.red_residual()),
        ]);
    }
    out.push_str(&table.render());
    out
}

/// The fitted curve at every integration step, then the residuals at the observed rows.
pub fn curve_csv(fit: &Fit) -> String {
    let mut out = String::from("kind,time,blue,red\n");
    let curve = &fit.evaluation.curve;
    for ((t, b), r) in curve.time.iter().zip(&curve.blue).zip(&curve.red) {
        out.push_str(&format!("fitted,{t},{b},{r}\n"));
    }
    let opt = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
    for point in &fit.evaluation.points {
        out.push_str(&format!(
            "residual,{},{},{}\n",
            point.time,
            opt(point.blue_residual()),
            opt(point.red_residual())
        ));
    }
    out
}
