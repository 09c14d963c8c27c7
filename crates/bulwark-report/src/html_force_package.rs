//! The `#force-package` section of the HTML report, written only when the scenario sets a force
//! package: troops, brigades, and per land line what a brigade holds on average, from which
//! members, and what the package holds in all (`crates/bulwark-models/src/force_package.rs`).

use std::fmt::Write;

use bulwark_assess::Assessment;

use crate::assessment_html::{escape, line_name, or_dash};
use crate::text_table::format_number;

/// Writes the `#force-package` section; nothing without a package.
pub(crate) fn section(out: &mut String, a: &Assessment, m: &crate::i18n::Messages) {
    let Some(package) = &a.force_package else { return };
    let _ = writeln!(
        out,
        "<section id=\"force-package\">\n<h3>Force package</h3>\n<p class=\"note\">The scenario states the US \
         land contribution as troops: <strong>{} troops</strong> at {} a brigade make <strong>{} \
         brigades</strong>, each equipped like the coalition's brigades today (holdings ÷ manoeuvre \
         brigades over the members that report both). These figures stand for the US contribution on \
         the land lines of the ledger.</p>",
        format_number(package.troops, 0),
        format_number(package.troops_per_brigade, 0),
        format_number(package.brigades, 1),
    );
    out.push_str(
        "<table>\n<thead><tr><th>Line</th><th class=\"num\">Per brigade</th><th class=\"num\">Package</th>\
         <th>Average of</th></tr></thead>\n<tbody>\n",
    );
    let number = |value: Option<f64>, digits| or_dash(value.map(|v| format_number(v, digits)));
    for line in &package.lines {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>",
            escape(&line_name(a, &line.line, m)),
            number(line.per_brigade, 1),
            number(line.quantity, 0),
            if line.countries.is_empty() { "no member reports both".into() } else { escape(&line.countries.join(", ")) },
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
