//! A map of Europe coloured by one figure per country (a choropleth), from public-domain
//! boundaries: Natural Earth's 1:110m countries (naturalearthdata.com, public domain), a
//! subset clipped to Europe and simplified by `scripts/natural_earth_subset.py` into
//! `europe_110m.txt` (about 15 KB, compiled in). Countries are drawn in an equirectangular
//! projection with longitudes shrunk by cos 52° (true scale at the latitude of Berlin), which
//! keeps the shapes recognisable without a projection library. Values fall into a few classes
//! of a single-hue sequential scale (readable without telling hues apart); countries outside
//! the coalition are light grey, coalition members without a figure white with a dashed outline.

use std::fmt::Write;

use super::{escape, num, open_svg, WIDTH};

/// The outlines: one line per country, `ISO3 lon,lat lon,lat …|…` in hundredths of a degree.
const OUTLINES: &str = include_str!("europe_110m.txt");

/// The sequential scale, light to dark (ColorBrewer "Blues", colour-blind safe).
const CLASSES: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
/// Fill of coalition members without the figure: white, told apart from the palest class by
/// its dashed outline.
const MISSING: &str = "#ffffff\" stroke-dasharray=\"3 2";
/// Fill of countries outside the coalition.
const CONTEXT: &str = "#e6e6e6";
/// Height of the map's drawing.
const HEIGHT: f64 = 560.0;
/// Width kept for the legend on the right.
const LEGEND_WIDTH: f64 = 230.0;
/// Longitude and latitude of the map's centre, degrees.
const CENTRE: (f64, f64) = (10.0, 53.0);

/// One country's value (`None`: a coalition member without the figure).
#[derive(Clone, Debug)]
pub(crate) struct MapValue {
    /// ISO 3166-1 alpha-3 code.
    pub(crate) iso3: String,
    /// The figure.
    pub(crate) value: Option<f64>,
}

/// A choropleth of Europe.
#[derive(Clone, Debug)]
pub(crate) struct Choropleth {
    /// Accessible title.
    pub(crate) title: String,
    /// Title of the legend: the figure and its unit.
    pub(crate) legend_title: String,
    /// Upper bounds of the first four classes (the fifth is open).
    pub(crate) breaks: [f64; 4],
    /// Formats a class bound.
    pub(crate) format: fn(f64) -> String,
    /// Legend of countries outside the coalition.
    pub(crate) outside_label: String,
    /// Legend of coalition members without the figure.
    pub(crate) missing_label: String,
    /// The coalition's values.
    pub(crate) values: Vec<MapValue>,
    /// Country names for the tooltips, by ISO3 code (a code without a name shows as itself).
    pub(crate) names: Vec<(String, String)>,
}

/// A closed ring of (longitude, latitude) points, degrees.
type Ring = Vec<(f64, f64)>;

/// Each country's outline: its code and rings.
pub(crate) fn outlines() -> Vec<(&'static str, Vec<Ring>)> {
    OUTLINES
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (code, rings) = line.split_once(' ')?;
            let rings = rings
                .split('|')
                .map(|ring| {
                    ring.split(' ')
                        .filter_map(|pair| {
                            let (lon, lat) = pair.split_once(',')?;
                            Some((lon.parse::<f64>().ok()? / 100.0, lat.parse::<f64>().ok()? / 100.0))
                        })
                        .collect()
                })
                .collect();
            Some((code, rings))
        })
        .collect()
}

/// The class of a value: 0 to 4.
fn class_of(value: f64, breaks: &[f64; 4]) -> usize {
    breaks.iter().position(|b| value < *b).unwrap_or(breaks.len())
}

/// Draws the map with its legend.
pub(crate) fn choropleth(chart: &Choropleth) -> String {
    let shapes = outlines();
    let shrink = CENTRE.1.to_radians().cos();
    let project = |(lon, lat): (f64, f64)| ((lon - CENTRE.0) * shrink, -(lat - CENTRE.1));
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (_, rings) in &shapes {
        for (x, y) in rings.iter().flatten().map(|p| project(*p)) {
            (min_x, max_x, min_y, max_y) = (min_x.min(x), max_x.max(x), min_y.min(y), max_y.max(y));
        }
    }
    let map_width = WIDTH - LEGEND_WIDTH;
    let scale =
        ((map_width - 10.0) / (max_x - min_x).max(1e-9)).min((HEIGHT - 10.0) / (max_y - min_y).max(1e-9));
    let to_svg = |p: (f64, f64)| {
        let (x, y) = project(p);
        (5.0 + (x - min_x) * scale, 5.0 + (y - min_y) * scale)
    };
    let mut out = String::new();
    open_svg(&mut out, &chart.title, HEIGHT);
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#f4f8fb\"/>",
        num(map_width),
        num(HEIGHT)
    );
    for (code, rings) in &shapes {
        let entry = chart.values.iter().find(|v| v.iso3 == *code);
        let name = chart.names.iter().find(|(iso3, _)| iso3 == code).map_or(*code, |(_, name)| name.as_str());
        let (fill, label) = match entry {
            None => (CONTEXT.to_string(), name.to_string()),
            Some(MapValue { value: None, .. }) => (MISSING.to_string(), format!("{name}: –")),
            Some(MapValue { value: Some(v), .. }) => {
                (CLASSES[class_of(*v, &chart.breaks)].to_string(), format!("{name}: {}", (chart.format)(*v)))
            }
        };
        let mut path = String::new();
        for ring in rings {
            for (idx, point) in ring.iter().enumerate() {
                let (x, y) = to_svg(*point);
                let _ = write!(path, "{}{} {}", if idx == 0 { "M" } else { "L" }, num(x), num(y));
            }
            path.push('Z');
        }
        let _ = writeln!(
            out,
            "<path d=\"{path}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"0.8\"><title>{}</title></path>",
            if fill == MISSING { "#777" } else { "#fff" },
            escape(&label)
        );
    }
    legend(&mut out, chart, map_width + 16.0);
    out.push_str("</svg>\n");
    out
}

fn legend(out: &mut String, chart: &Choropleth, x: f64) {
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" x=\"{}\" y=\"40\" font-weight=\"bold\">{}</text>",
        num(x),
        escape(&chart.legend_title)
    );
    let bound = |idx: usize| (chart.format)(chart.breaks[idx]);
    let mut rows: Vec<(String, String)> = (0..CLASSES.len())
        .map(|idx| {
            let text = match idx {
                0 => format!("< {}", bound(0)),
                4 => format!("≥ {}", bound(3)),
                _ => format!("{} – {}", bound(idx - 1), bound(idx)),
            };
            (CLASSES[idx].to_string(), text)
        })
        .collect();
    rows.push((MISSING.to_string(), chart.missing_label.clone()));
    rows.push((CONTEXT.to_string(), chart.outside_label.clone()));
    for (idx, (fill, text)) in rows.iter().enumerate() {
        let y = 56.0 + 22.0 * idx as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"14\" fill=\"{fill}\" stroke=\"#999\"/>\n\
             <text x=\"{}\" y=\"{}\">{}</text>",
            num(x),
            num(y),
            num(x + 26.0),
            num(y + 11.0),
            escape(text)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outlines_cover_every_european_member_of_the_dataset_and_stay_in_europe() {
        let shapes = outlines();
        for code in
            ["ALB", "DEU", "EST", "FRA", "GBR", "ISL", "LUX", "MLT", "NOR", "POL", "TUR", "RUS", "UKR"]
        {
            // Malta is below the resolution of the 1:110m file, which the report's table covers.
            if code == "MLT" {
                assert!(!shapes.iter().any(|(c, _)| *c == code));
                continue;
            }
            assert!(
                shapes.iter().any(|(c, rings)| *c == code && rings.iter().all(|r| r.len() >= 3)),
                "{code}"
            );
        }
        for (lon, lat) in shapes.iter().flat_map(|(_, rings)| rings.iter().flatten()) {
            assert!((-25.0..=45.0).contains(lon) && (34.0..=72.0).contains(lat), "{lon},{lat}");
        }
        assert!(OUTLINES.len() < 200_000);
    }

    #[test]
    fn the_map_colours_each_member_by_its_class_and_has_a_title_and_legend_title() {
        let chart = Choropleth {
            title: "Defence spending".into(),
            legend_title: "% of GDP".into(),
            breaks: [1.5, 2.0, 2.5, 3.5],
            format: |v| format!("{v:.1}"),
            outside_label: "outside".into(),
            missing_label: "no figure".into(),
            values: vec![
                MapValue { iso3: "POL".into(), value: Some(4.2) },
                MapValue { iso3: "ESP".into(), value: Some(1.3) },
                MapValue { iso3: "ISL".into(), value: None },
            ],
            names: vec![("ESP".into(), "Spain".into())],
        };
        let svg = choropleth(&chart);
        assert!(svg.contains("<title>Defence spending</title>") && svg.contains("class=\"axis-title\""));
        assert!(svg.contains(&format!(
            "fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.8\"><title>POL: 4.2",
            CLASSES[4]
        )));
        assert!(svg.contains(&format!(
            "fill=\"{}\" stroke=\"#fff\" stroke-width=\"0.8\"><title>Spain: 1.3",
            CLASSES[0]
        )));
        assert!(
            svg.contains(&format!("fill=\"{MISSING}\" stroke=\"#777\" stroke-width=\"0.8\"><title>ISL: –"))
        );
        assert!(svg.contains(&format!("fill=\"{CONTEXT}\" stroke=\"#fff\" stroke-width=\"0.8\"><title>RUS")));
        assert_eq!(class_of(2.0, &chart.breaks), 2);
        assert!(!svg.contains("NaN"));
    }
}
