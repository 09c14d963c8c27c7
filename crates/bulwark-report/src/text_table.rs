//! A plain aligned text table: left-aligned text, right-aligned numbers.

/// A table built row by row and rendered with columns padded to their widest cell.
#[derive(Clone, Debug)]
pub struct TextTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    /// A table with these column titles.
    pub fn new(header: &[&str]) -> TextTable {
        TextTable { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    /// Appends a row; missing cells are left blank, extra cells are kept.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The column titles.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The rows.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as lines of text, each ending in a newline, without trailing spaces.
    pub fn render(&self) -> String {
        let n_columns = self.rows.iter().map(Vec::len).chain([self.header.len()]).max().unwrap_or(0);
        let cell = |row: &Vec<String>, idx: usize| row.get(idx).cloned().unwrap_or_default();
        let widths: Vec<usize> = (0..n_columns)
            .map(|idx| {
                self.rows
                    .iter()
                    .chain([&self.header])
                    .map(|row| cell(row, idx).chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // A column is numeric when every non-empty body cell parses as a number.
        let numeric: Vec<bool> = (0..n_columns)
            .map(|idx| {
                let mut cells = self
                    .rows
                    .iter()
                    .map(|row| cell(row, idx))
                    .filter(|c| !c.is_empty() && c != "—")
                    .peekable();
                cells.peek().is_some() && cells.all(|c| c.replace(',', "").parse::<f64>().is_ok())
            })
            .collect();
        let mut out = String::new();
        let mut line = |row: &Vec<String>| {
            let mut text = String::new();
            for idx in 0..n_columns {
                let value = cell(row, idx);
                let pad = widths[idx] - value.chars().count();
                if idx > 0 {
                    text.push_str("  ");
                }
                if numeric[idx] {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(&value);
                } else {
                    text.push_str(&value);
                    text.push_str(&" ".repeat(pad));
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&self.header);
        line(&widths.iter().map(|w| "-".repeat(*w)).collect());
        for row in &self.rows {
            line(row);
        }
        out
    }
}

impl TextTable {
    /// The table as a GitHub Markdown table (pipes in cells escaped).
    pub fn render_markdown(&self) -> String {
        let n_columns = self.rows.iter().map(Vec::len).chain([self.header.len()]).max().unwrap_or(0);
        let line = |row: &Vec<String>| {
            let cells: Vec<String> = (0..n_columns)
                .map(|idx| row.get(idx).map_or(String::new(), |c| c.replace('|', "\\|")))
                .collect();
            format!("| {} |\n", cells.join(" | "))
        };
        let mut out = line(&self.header);
        out.push_str(&format!("|{}\n", " --- |".repeat(n_columns)));
        for row in &self.rows {
            out.push_str(&line(row));
        }
        out
    }
}

/// Formats a number for people: thousands separated by commas, at most `decimals` decimals,
/// trailing zeros dropped.
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    // `-0.2` rounded to no decimals prints as "-0": a sign on zero is noise.
    let text = if text.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
        text.trim_start_matches('-').to_string()
    } else {
        text
    };
    let (integer, fraction) = text.split_once('.').map_or((text.as_str(), ""), |(i, f)| (i, f));
    let (sign, digits) = integer.strip_prefix('-').map_or(("", integer), |d| ("-", d));
    let mut grouped = String::new();
    for (idx, ch) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    #[test]
    fn numbers_align_right_and_text_left() {
        let mut table = TextTable::new(&["line", "quantity"]);
        table.row(vec!["tanks".into(), "1,234".into()]);
        table.row(vec!["frigates".into(), "12".into()]);
        expect![[r#"
            line      quantity
            --------  --------
            tanks        1,234
            frigates        12
        "#]]
        .assert_eq(&table.render());
    }

    #[test]
    fn markdown_tables_escape_pipes() {
        let mut table = TextTable::new(&["a", "b"]);
        table.row(vec!["x|y".into(), "1".into()]);
        expect![[r#"
            | a | b |
            | --- | --- |
            | x\|y | 1 |
        "#]]
        .assert_eq(&table.render_markdown());
    }

    #[test]
    fn format_number_groups_thousands_and_drops_trailing_zeros() {
        assert_eq!(format_number(1234567.0, 0), "1,234,567");
        assert_eq!(format_number(-1234.5, 2), "-1,234.5");
        assert_eq!(format_number(0.25, 3), "0.25");
        assert_eq!(format_number(999.0, 1), "999");
        assert_eq!(format_number(-0.2, 0), "0");
    }
}
