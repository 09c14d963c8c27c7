//! Writes a [`Dataset`] back as CSV tables, in a canonical form that loads to an equal dataset.

use crate::tables::columns;
use crate::{Dataset, Provenance};

/// Every table of the dataset as `(file name, CSV text)`, in the order of [`crate::TABLE_FILES`].
pub fn to_csv(dataset: &Dataset) -> Vec<(&'static str, String)> {
    let sources = dataset.sources.iter().map(|s| {
        vec![
            s.id.clone(),
            s.title.clone(),
            s.publisher.clone(),
            s.year.to_string(),
            s.url.clone(),
            s.accessed.clone(),
        ]
    });
    let groups = dataset.groups.iter().map(|g| {
        vec![g.id.clone(), g.name.clone(), g.expected_members.to_string(), g.source.clone(), g.note.clone()]
    });
    let countries = dataset
        .countries
        .iter()
        .map(|c| vec![c.iso3.to_string(), c.name.clone(), c.memberships.join(";"), c.source.clone()]);
    let lines = dataset.lines.iter().map(|l| {
        vec![
            l.id.clone(),
            l.domain.clone(),
            l.name.clone(),
            l.counted_in.clone(),
            l.us_posture_group.clone(),
            l.description.clone(),
        ]
    });
    let figures = dataset.country_figures.iter().map(|f| {
        with_provenance(
            vec![f.iso3.to_string(), f.figure.into(), f.value.to_string(), f.unit.as_str().into()],
            &f.provenance,
        )
    });
    let inventory = dataset.inventory.iter().map(|i| {
        let mut cells = with_provenance(
            vec![i.iso3.to_string(), i.scope.into(), i.line.clone(), i.quantity.to_string()],
            &i.provenance,
        );
        cells.push(i.bound.as_str().into());
        cells
    });
    let nuclear = dataset.nuclear.iter().map(|n| {
        with_provenance(
            vec![n.state.to_string(), n.leg.into(), n.figure.into(), n.value.to_string()],
            &n.provenance,
        )
    });
    let costs = dataset.costs.iter().map(|c| {
        with_provenance(
            vec![
                c.line.clone(),
                c.system.clone(),
                c.figure.into(),
                c.value.to_string(),
                c.unit.as_str().into(),
            ],
            &c.provenance,
        )
    });
    let rates = dataset.rates.iter().map(|r| {
        // Column order of rates.csv puts the year before the value.
        let p = &r.provenance;
        vec![
            r.kind.into(),
            r.currency.clone(),
            p.year.to_string(),
            r.value.to_string(),
            r.unit.as_str().into(),
            p.source.clone(),
            p.note.clone(),
        ]
    });
    let production = dataset.production.iter().map(|p| {
        let mut cells = with_provenance(
            vec![p.iso3.to_string(), p.item.clone(), p.value.to_string(), p.unit.as_str().into()],
            &p.provenance,
        );
        cells.push(p.bound.as_str().into());
        cells
    });
    let losses = dataset.losses.iter().map(|l| {
        // losses.csv dates its counts to the day (`as_of`) instead of a year column.
        let p = &l.provenance;
        vec![
            l.iso3.to_string(),
            l.category.clone(),
            l.basis.into(),
            l.quantity.to_string(),
            l.as_of.clone(),
            p.source.clone(),
            p.note.clone(),
        ]
    });
    vec![
        ("sources.csv", write(columns::SOURCES, sources)),
        ("groups.csv", write(columns::GROUPS, groups)),
        ("countries.csv", write(columns::COUNTRIES, countries)),
        ("capability_lines.csv", write(columns::LINES, lines)),
        ("country_figures.csv", write(columns::COUNTRY_FIGURES, figures)),
        ("inventory.csv", write(columns::INVENTORY, inventory)),
        ("nuclear.csv", write(columns::NUCLEAR, nuclear)),
        ("costs.csv", write(columns::COSTS, costs)),
        ("rates.csv", write(columns::RATES, rates)),
        ("production.csv", write(columns::PRODUCTION, production)),
        ("losses.csv", write(columns::LOSSES, losses)),
    ]
}

/// Appends year, source and note, the last three columns of every figure table (before
/// `bound`, where a table has it).
fn with_provenance(mut cells: Vec<String>, provenance: &Provenance) -> Vec<String> {
    cells.extend([provenance.year.to_string(), provenance.source.clone(), provenance.note.clone()]);
    cells
}

fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer =
        csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    // Writing to a Vec cannot fail: the only errors csv reports are I/O errors of the sink.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
