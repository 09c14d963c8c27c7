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

    /// The rows, as given.
    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as lines of text, each ending in a newline, without trailing spaces. Columns
    /// are aligned by [`display_width`], so Japanese text lines up in a terminal.
    pub fn render(&self) -> String {
        let n_columns = self.rows.iter().map(Vec::len).chain([self.header.len()]).max().unwrap_or(0);
        let cell = |row: &Vec<String>, idx: usize| row.get(idx).cloned().unwrap_or_default();
        let widths: Vec<usize> = (0..n_columns)
            .map(|idx| {
                self.rows
                    .iter()
                    .chain([&self.header])
                    .map(|row| display_width(&cell(row, idx)))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        // A column is numeric when every non-empty body cell parses as a number (a bound such
        // as `> 30`, a percentile beyond a horizon, counts as one).
        let numeric: Vec<bool> = (0..n_columns)
            .map(|idx| {
                let mut cells = self
                    .rows
                    .iter()
                    .map(|row| cell(row, idx))
                    .filter(|c| !c.is_empty() && c != "—")
                    .peekable();
                cells.peek().is_some() && cells.all(|c| is_number(&c))
            })
            .collect();
        let mut out = String::new();
        let mut line = |row: &Vec<String>| {
            let mut text = String::new();
            for idx in 0..n_columns {
                let value = cell(row, idx);
                let pad = widths[idx] - display_width(&value);
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
    /// The table as a GitHub Markdown table (cells escaped with [`markdown_text`]).
    pub fn render_markdown(&self) -> String {
        let n_columns = self.rows.iter().map(Vec::len).chain([self.header.len()]).max().unwrap_or(0);
        let line = |row: &Vec<String>| {
            let cells: Vec<String> =
                (0..n_columns).map(|idx| row.get(idx).map_or(String::new(), |c| markdown_text(c))).collect();
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

/// Text from a scenario made safe inside Markdown: HTML's `<`, `>` and `&` as entities (so
/// that `<script>` or `<img onerror>` stay text), `|` escaped for tables, and control
/// characters (NUL, ESC, …) dropped.
pub fn markdown_text(text: &str) -> String {
    let mut res = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => res.push_str("&lt;"),
            '>' => res.push_str("&gt;"),
            '&' => res.push_str("&amp;"),
            '|' => res.push_str("\\|"),
            c if c.is_control() => {}
            c => res.push(c),
        }
    }
    res
}

/// Formats a number for people: thousands separated by commas, at most `decimals` decimals,
/// trailing zeros dropped.
pub fn format_number(value: f64, decimals: usize) -> String {
    // A report never prints NaN or infinity (issue 10): an undefined figure shows as a dash.
    if !value.is_finite() {
        return "—".to_string();
    }
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

/// A count of units (aircraft, ships, headquarters) as the line tables and sentences show it:
/// whole from 10 up, with one decimal below (two below 0.05), so that a fractional gap such as
/// half a carrier never reads "0" beside a line that stays open. Trailing zeros are dropped.
pub fn format_count(value: f64) -> String {
    let decimals = match value.abs() {
        v if v >= 10.0 => 0,
        v if v >= 0.05 || v == 0.0 => 1,
        _ => 2,
    };
    format_number(value, decimals)
}

/// Units to buy as whole units, rounded up (a fraction of an aircraft is one more aircraft),
/// after a millionth of a unit of tolerance so that rounding noise (`52.000…01`) adds none.
pub fn format_whole_units(value: f64) -> String {
    format_number((value - 1e-6).ceil().max(0.0), 0)
}

/// The columns `text` takes in a terminal: two for a wide character (Japanese kana and kanji,
/// Hangul, full-width forms; Unicode's East Asian Wide and Fullwidth ranges), one otherwise.
pub(crate) fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// The columns one character takes (see [`display_width`]).
pub(crate) fn char_width(ch: char) -> usize {
    match u32::from(ch) {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

/// Whether a cell is a number, marks of a bound included (`≥ 2`, `≤ 200`, `~ 1,370`,
/// `900 (claim)`), so that a column of bounded figures still aligns right.
fn is_number(cell: &str) -> bool {
    let bare = cell.trim_start_matches(['≥', '≤', '~', '>']).trim_start();
    let bare = bare.split([' ', '（']).next().unwrap_or(bare);
    bare.replace(',', "").parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    #[test]
    fn bounded_figures_count_as_numbers() {
        for cell in ["≥ 2", "≤ 1,200", "~ 1,370", "900 (claim)", "900（主張）", "3.5"] {
            assert!(is_number(cell), "{cell}");
        }
        for cell in ["≥", "dependent", "(claim)", "open"] {
            assert!(!is_number(cell), "{cell}");
        }
    }

    #[test]
    fn review_4_a_fractional_count_never_reads_zero() {
        let shown: Vec<String> = [0.5, 0.57, 5.676, 3.0, 82.2, 136.99, 0.04, 0.0].map(format_count).to_vec();
        assert_eq!(shown, ["0.5", "0.6", "5.7", "3", "82", "137", "0.04", "0"]);
        let bought: Vec<String> = [136.99, 52.000_000_000_01, 0.95, 0.0].map(format_whole_units).to_vec();
        assert_eq!(bought, ["137", "52", "1", "0"]);
    }

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
        assert_eq!(format_number(f64::NAN, 2), "—");
        assert_eq!(format_number(f64::NEG_INFINITY, 0), "—");
        assert_eq!(format_number(0.25, 3), "0.25");
        assert_eq!(format_number(999.0, 1), "999");
        assert_eq!(format_number(-0.2, 0), "0");
    }
}
