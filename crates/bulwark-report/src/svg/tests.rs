//! Tests of the chart primitives: snapshots, titles and axis titles, drawing order, twins.
use expect_test::expect;

use super::*;

fn percent(value: f64) -> String {
    format!("{} %", num(value * 100.0))
}

#[test]
fn num_rounds_to_one_decimal_without_negative_zero() {
    assert_eq!(num(12.0), "12");
    assert_eq!(num(12.345), "12.3");
    assert_eq!(num(-0.01), "0");
    assert_eq!(num(-3.25), "-3.2");
}

#[test]
fn ticks_end_on_a_round_number_at_or_above_the_maximum() {
    let labels = |max: f64| -> Vec<String> { ticks(max).0.iter().map(|t| num(*t)).collect() };
    assert_eq!(labels(1.1), ["0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"]);
    assert_eq!(labels(1140.0), ["0", "200", "400", "600", "800", "1000", "1200"]);
    assert_eq!(num(ticks(1.0).1), "1");
}

fn coverage_chart() -> BarChart {
    BarChart {
        title: "Coverage <test>".into(),
        value_title: "coverage (%)".into(),
        series: vec![
            Series { name: "with the US".into(), color: palette::BLUE },
            Series { name: "Europe alone".into(), color: palette::VERMILLION },
        ],
        groups: vec![
            BarGroup { label: "Tanks & IFVs".into(), values: vec![Some(1.0), Some(0.5)] },
            BarGroup { label: "Drones".into(), values: vec![Some(2.5), None] },
        ],
        references: vec![Reference { value: 1.0, label: "requirement".into(), color: "#333" }],
        axis_max: 1.5,
        format: percent,
    }
}

#[test]
fn bar_chart_snapshot() {
    expect![[r##"
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 134" width="900" height="134" role="img" aria-label="Coverage &lt;test&gt;" class="chart" font-family="sans-serif" font-size="12">
        <title>Coverage &lt;test&gt;</title>
        <rect x="100.3" y="7" width="22" height="10" fill="#0072B2"/>
        <circle cx="111.3" cy="12" r="3.5" fill="#fff"/>
        <text x="127.3" y="16">with the US</text>
        <rect x="215.7" y="7" width="22" height="10" fill="#D55E00"/>
        <rect x="223.2" y="8.5" width="7" height="7" fill="#fff"/>
        <text x="242.7" y="16">Europe alone</text>
        <line x1="337.5" y1="12" x2="359.5" y2="12" stroke="#333" stroke-width="2" stroke-dasharray="4 3"/>
        <text x="364.5" y="16">requirement</text>
        <line x1="100.3" y1="30" x2="100.3" y2="90" stroke="#ddd"/>
        <text x="100.3" y="106" text-anchor="middle" fill="#555">0 %</text>
        <line x1="345.5" y1="30" x2="345.5" y2="90" stroke="#ddd"/>
        <text x="345.5" y="106" text-anchor="middle" fill="#555">50 %</text>
        <line x1="590.8" y1="30" x2="590.8" y2="90" stroke="#ddd"/>
        <text x="590.8" y="106" text-anchor="middle" fill="#555">100 %</text>
        <line x1="836" y1="30" x2="836" y2="90" stroke="#ddd"/>
        <text x="836" y="106" text-anchor="middle" fill="#555">150 %</text>
        <line x1="590.8" y1="30" x2="590.8" y2="90" stroke="#333" stroke-width="1.5" stroke-dasharray="4 3"/>
        <text x="92.3" y="52" text-anchor="end">Tanks &amp; IFVs</text>
        <rect x="100.3" y="38" width="490.5" height="9" fill="#0072B2"><title>with the US: 100 %</title></rect>
        <circle cx="585.8" cy="42.5" r="3.5" fill="#fff"/>
        <text x="593.8" y="47" font-size="9" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">100 %</text>
        <rect x="100.3" y="48" width="245.2" height="9" fill="#D55E00"><title>Europe alone: 50 %</title></rect>
        <rect x="337" y="49" width="7" height="7" fill="#fff"/>
        <text x="348.5" y="57" font-size="9" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">50 %</text>
        <text x="92.3" y="80" text-anchor="end">Drones</text>
        <rect x="100.3" y="66" width="735.7" height="9" fill="#0072B2"><title>with the US: 250 %</title></rect>
        <circle cx="831" cy="70.5" r="3.5" fill="#fff"/>
        <text x="839" y="75" font-size="9" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">250 % ›</text>
        <text x="103.3" y="85" font-size="9" fill="#555" stroke="#fff" stroke-width="3" paint-order="stroke">–</text>
        <text class="axis-title" x="468.2" y="124" text-anchor="middle" font-weight="bold" fill="#444">coverage (%)</text>
        <line x1="100.3" y1="90" x2="836" y2="90" stroke="#888"/>
        </svg>
    "##]].assert_eq(&bar_chart(&coverage_chart()));
}

#[test]
fn every_chart_has_a_title_and_axis_titles() {
    let line = LineChart {
        title: "Spending".into(),
        x_title: "year".into(),
        y_title: "EUR bn".into(),
        years: vec![2025, 2026],
        lines: vec![LineSeries {
            series: Series { name: "a".into(), color: palette::BLUE },
            values: vec![1.0, 2.0],
        }],
        bands: vec![],
        references: vec![],
        format: |v| num(v),
    };
    let timeline_chart = Timeline {
        title: "Closure".into(),
        x_title: "year".into(),
        legend: TimelineLegend::new(Some(2027), 2030, &crate::i18n::Messages::new(crate::i18n::Lang::En)),
        start_year: 2025,
        end_year: 2030,
        rows: vec![TimelineRow { label: "x".into(), end: Some(2027), critical: false, note: "2027".into() }],
        window_closes: Some(2027),
    };
    for (svg, titles) in [
        (bar_chart(&coverage_chart()), vec!["coverage (%)"]),
        (line_chart(&line), vec!["year", "EUR bn"]),
        (timeline(&timeline_chart), vec!["year"]),
    ] {
        assert!(svg.contains("<title>") && svg.starts_with("<svg"), "{svg}");
        for title in titles {
            assert!(
                svg.contains(&format!(">{title}</text>")) && svg.contains("class=\"axis-title\""),
                "{title}"
            );
        }
    }
}

#[test]
fn value_labels_are_drawn_after_the_reference_line_with_a_halo() {
    let svg = bar_chart(&coverage_chart());
    let reference = svg.find("stroke=\"#333\" stroke-width=\"1.5\"").unwrap();
    let label = svg.find("paint-order=\"stroke\">100 %</text>").unwrap();
    assert!(reference < label, "the 100 % label is painted over the 100 % line");
}

#[test]
fn identical_series_are_named_in_the_legend_and_drawn_in_different_dashes() {
    let series = |name: &str, color| LineSeries {
        series: Series { name: name.into(), color },
        values: vec![1.0, 2.0, 3.0],
    };
    let chart = LineChart {
        title: "twins".into(),
        x_title: "year".into(),
        y_title: "n".into(),
        years: vec![2025, 2026, 2027],
        lines: vec![series("with the US", palette::BLUE), series("without", palette::VERMILLION)],
        bands: vec![Band {
            label: "range".into(),
            color: palette::GREY,
            low: vec![0.5; 3],
            high: vec![3.5; 3],
        }],
        references: vec![],
        format: |v| num(v),
    };
    let svg = line_chart(&chart);
    assert!(svg.contains("without (= with the US)"));
    assert_eq!(svg.matches("<polyline").count(), 2);
    assert_eq!(svg.matches("stroke-dasharray=\"8 4\"><title>").count(), 1, "the second series is dashed");
    assert_eq!(svg.matches("<polygon").count(), 1, "the band");
}

#[test]
fn timeline_draws_open_bars_dashed_and_marks_critical_rows() {
    let chart = Timeline {
        title: "closure".into(),
        x_title: "year".into(),
        legend: TimelineLegend::new(None, 2050, &crate::i18n::Messages::new(crate::i18n::Lang::En)),
        start_year: 2025,
        end_year: 2050,
        rows: vec![
            TimelineRow { label: "SSN".into(), end: None, critical: true, note: "open".into() },
            TimelineRow { label: "Tanks".into(), end: Some(2030), critical: false, note: "2030".into() },
        ],
        window_closes: None,
    };
    let svg = timeline(&chart);
    assert_eq!(svg.matches("<circle").count(), 1 + 1, "the legend's swatch and the critical row");
    assert_eq!(svg.matches("stroke-dasharray=\"4 3\"><title>").count(), 1);
    assert!(svg.contains("critical gaps open (beyond 2050)"));
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

#[test]
fn line_chart_draws_one_polyline_per_series() {
    let chart = LineChart {
        title: "spending".into(),
        x_title: "year".into(),
        y_title: "EUR bn".into(),
        years: vec![2025, 2026, 2027],
        lines: vec![
            LineSeries { series: Series { name: "a".into(), color: "#000" }, values: vec![1.0, 2.0, 3.0] },
            LineSeries { series: Series { name: "b".into(), color: "#111" }, values: vec![1.0, 1.5, 2.0] },
        ],
        bands: vec![],
        references: vec![Reference { value: 2.5, label: "ref".into(), color: "#333" }],
        format: |v| num(v),
    };
    let svg = line_chart(&chart);
    assert_eq!(svg.matches("<polyline").count(), 2);
    assert!(svg.contains("points=\"72,"));
}

#[test]
fn japanese_labels_count_double_width_and_clip_by_width() {
    assert_eq!(text_units("abc"), 3);
    assert_eq!(text_units("欧州abc"), 7);
    assert_eq!(text_units("（ISR）"), 2 + 3 + 2);
    let clipped = clip("欧州の最後の重大な不足の解消", 10);
    assert_eq!(clipped, "欧州の最…");
    assert!(text_units(&clipped) <= 10);
    assert_eq!(clip("short", 10), "short");
}
