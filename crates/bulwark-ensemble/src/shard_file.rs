//! The shard file: an [`EnsembleSummary`] as versioned, line-oriented text, so that shards run
//! on different machines can be merged later (`bulwark merge`).
//!
//! Format version 3, one `key value…` record per line, in this order:
//!
//! ```text
//! bulwark-ensemble-summary 3
//! provenance bulwark_version 0.1.0   # zero or more, in key order: what the runs were run
//! provenance commit 4504e5b…          #   on, key then one token: the build,
//! provenance dataset_sha256 91c0…     #   SHA-256 of the dataset's canonical tables,
//! provenance model baltic
//! provenance sampler mc
//! provenance scenario_sha256 3f2a…    #   SHA-256 of the resolved scenario
//! seed 7
//! runs_total 100000
//! runs 0 50000                 # first run, end (exclusive)
//! completed 49990
//! failed 10 diverged           # zero or more: count, then the reason (rest of the line)
//! metric end_hour integer 0 721 horizon 720   # or: metric final_blue continuous [horizon H]
//! finite 40000                 #   (`horizon H` only for a metric with a horizon)
//! non_finite 0
//! censored 9990                # only for a metric with a horizon: values beyond it
//! sum 36:123,4                 # an ExactSum in its canonical text form
//! sum_sq 37:77,1
//! min 3                        # f64 in Rust's shortest round-trip form
//! max 720
//! outside 0 0                  # integer metrics only: values below and above the range
//! bins 0:1 5:3                 # non-zero bins as index:count (relative bin key for continuous)
//! end
//! ```
//!
//! Version 2 is version 3 without horizons and `censored` lines, and version 1 is version 2
//! without `provenance` lines; both still read. Provenance keys are
//! open-ended (a new key needs no new version), and `merge` refuses shards whose provenance
//! differs in any key, naming the first ([`EnsembleSummary::difference`]). The command line
//! and the shard are not here but in the summary's sidecar manifest, so that the summary of a
//! merge has the bytes of the unsharded run's. Reading validates everything a merge relies on:
//! counts that add up (bins + outside = finite, finite + non-finite = completed, completed +
//! failed = runs), finite extremes with min ≤ max, bins inside their range, a finite sum.
//! Error messages quote at most [`MAX_QUOTED_CHARS`] characters of the file.
//!
//! Every number is written so that it reads back exactly, so `parse(write(s)) == s` and two
//! equal summaries give identical files. Reasons escape `\` and line breaks as `\\` and `\n`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::error::EnsembleError;
use crate::exact_sum::ExactSum;
use crate::histogram::{Bins, Histogram};
use crate::metric::{MetricSpec, MetricSummary};
use crate::summary::EnsembleSummary;

/// The first line of every shard file; the number is the format version.
pub const SHARD_FILE_HEADER: &str = "bulwark-ensemble-summary 3";

/// The headers of version 1 (no provenance) and 2 (no horizons), still read.
const OLDER_HEADERS: [&str; 2] = ["bulwark-ensemble-summary 1", "bulwark-ensemble-summary 2"];

/// The most metrics a shard file may declare (the models have at most a dozen).
pub const MAX_SHARD_METRICS: usize = 64;

/// Longest excerpt of a shard file an error message quotes.
pub const MAX_QUOTED_CHARS: usize = 40;

impl EnsembleSummary {
    /// The summary as shard-file text (see the module documentation for the format).
    pub fn to_shard_text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail, so the `fmt::Result`s below are always `Ok`.
        let _ = writeln!(out, "{SHARD_FILE_HEADER}");
        for (key, value) in &self.provenance {
            let _ = writeln!(out, "provenance {key} {value}");
        }
        let _ = writeln!(out, "seed {}\nruns_total {}", self.seed, self.n_runs_total);
        let _ = writeln!(out, "runs {} {}\ncompleted {}", self.runs.start, self.runs.end, self.n_completed);
        for (reason, count) in &self.failures {
            let _ = writeln!(out, "failed {count} {}", escape(reason));
        }
        self.metrics.iter().for_each(|metric| write_metric(&mut out, metric));
        out.push_str("end\n");
        out
    }

    /// Reads shard-file text written by [`EnsembleSummary::to_shard_text`].
    pub fn from_shard_text(text: &str) -> Result<EnsembleSummary, EnsembleError> {
        let mut lines = Records::new(text);
        let (_, header) = lines.next_line()?;
        if header != SHARD_FILE_HEADER && !OLDER_HEADERS.contains(&header) {
            return Err(EnsembleError::ShardFile {
                line: 1,
                message: format!("expected `{SHARD_FILE_HEADER}`, found `{}`", quote(header)),
            });
        }
        let provenance = read_provenance(&mut lines)?;
        let seed = lines.number("seed")?;
        let n_runs_total = lines.number("runs_total")?;
        let [start, end] = lines.numbers("runs")?;
        if start > end || end > n_runs_total {
            return Err(lines.error("runs must satisfy first ≤ end ≤ runs_total"));
        }
        let n_completed = lines.number("completed")?;
        let failures = read_failures(&mut lines)?;
        let mut metrics = Vec::new();
        while lines.peek_key() == Some("metric") {
            // Each integer metric allocates its bins: a file of many declarations must not
            // exhaust memory.
            if metrics.len() == MAX_SHARD_METRICS {
                return Err(lines.error(&format!("more than {MAX_SHARD_METRICS} metrics")));
            }
            metrics.push(read_metric(&mut lines)?);
        }
        lines.expect("end")?;
        let n_failed = failures.values().try_fold(0u64, |acc, count| acc.checked_add(*count));
        if n_failed.and_then(|n_failed| n_failed.checked_add(n_completed)) != Some(end - start) {
            return Err(lines.error("completed and failed runs do not add up to the runs covered"));
        }
        for metric in &metrics {
            metric.validate(n_completed).map_err(|message| EnsembleError::ShardFile {
                line: 0,
                message: format!("metric `{}`: {message}", metric.spec.name()),
            })?;
        }
        Ok(EnsembleSummary {
            seed,
            n_runs_total,
            runs: start..end,
            n_completed,
            failures,
            metrics,
            provenance,
        })
    }
}

fn write_metric(out: &mut String, metric: &MetricSummary) {
    let name = metric.spec.name();
    let _ = match (metric.spec.bins(), metric.spec.horizon()) {
        (Bins::Integer { min, max }, Some(horizon)) => {
            writeln!(out, "metric {name} integer {min} {max} horizon {horizon}")
        }
        (Bins::Integer { min, max }, None) => writeln!(out, "metric {name} integer {min} {max}"),
        (Bins::Relative, Some(horizon)) => writeln!(out, "metric {name} continuous horizon {horizon}"),
        (Bins::Relative, None) => writeln!(out, "metric {name} continuous"),
    };
    let _ = writeln!(out, "finite {}\nnon_finite {}", metric.n_finite, metric.n_non_finite);
    if metric.spec.horizon().is_some() {
        let _ = writeln!(out, "censored {}", metric.n_censored);
    }
    let _ = writeln!(out, "sum {}\nsum_sq {}", metric.sum.to_text(), metric.sum_sq.to_text());
    let _ = writeln!(out, "min {}\nmax {}", metric.min(), metric.max());
    if let Histogram::Integer { n_below, n_above, .. } = &metric.histogram {
        let _ = writeln!(out, "outside {n_below} {n_above}");
    }
    out.push_str("bins");
    match &metric.histogram {
        Histogram::Integer { counts, .. } => {
            for (idx, count) in counts.iter().enumerate().filter(|(_, &count)| count > 0) {
                let _ = write!(out, " {idx}:{count}");
            }
        }
        Histogram::Relative(counts) => counts.iter().for_each(|(key, count)| {
            let _ = write!(out, " {key}:{count}");
        }),
    }
    out.push('\n');
}

fn read_provenance(lines: &mut Records) -> Result<BTreeMap<String, String>, EnsembleError> {
    let mut provenance = BTreeMap::new();
    while lines.peek_key() == Some("provenance") {
        let rest = lines.expect("provenance")?;
        let token = |text: &str| !text.is_empty() && !text.contains(char::is_whitespace);
        let Some((key, value)) = rest.split_once(' ').filter(|(k, v)| token(k) && token(v)) else {
            return Err(lines.error("expected `provenance <key> <value>`"));
        };
        if value.chars().count() > crate::summary::MAX_PROVENANCE_CHARS {
            return Err(lines.error("the provenance value is too long"));
        }
        if provenance.insert(key.to_string(), value.to_string()).is_some() {
            return Err(lines.error(&format!("provenance `{}` is listed twice", quote(key))));
        }
    }
    Ok(provenance)
}

/// At most [`MAX_QUOTED_CHARS`] characters of `text`, printable, for an error message.
fn quote(text: &str) -> String {
    let mut res: String =
        text.chars().take(MAX_QUOTED_CHARS).map(|c| if c.is_control() { '?' } else { c }).collect();
    if text.chars().nth(MAX_QUOTED_CHARS).is_some() {
        res.push('…');
    }
    res
}

fn read_failures(lines: &mut Records) -> Result<BTreeMap<String, u64>, EnsembleError> {
    let mut failures = BTreeMap::new();
    while lines.peek_key() == Some("failed") {
        let rest = lines.expect("failed")?;
        let (count, reason) =
            rest.split_once(' ').ok_or_else(|| lines.error("expected `failed <count> <reason>`"))?;
        let count = count.parse().map_err(|_| lines.error("the failure count is not a whole number"))?;
        if reason.chars().count() > 1000 {
            return Err(lines.error("the failure reason is longer than 1,000 characters"));
        }
        if failures.insert(unescape(reason), count).is_some() {
            return Err(lines.error("this failure reason is listed twice"));
        }
    }
    Ok(failures)
}

fn read_metric(lines: &mut Records) -> Result<MetricSummary, EnsembleError> {
    let declaration: Vec<&str> = lines.expect("metric")?.split(' ').collect();
    let spec =
        match declaration[..] {
            [name, "integer", min, max] => {
                let (min, max) = (parse_field(lines, min)?, parse_field(lines, max)?);
                MetricSpec::integer(name, min, max)
            }
            [name, "integer", min, max, "horizon", horizon] => {
                let (min, max) = (parse_field(lines, min)?, parse_field(lines, max)?);
                let horizon = parse_field(lines, horizon)?;
                MetricSpec::integer(name, min, max).and_then(|spec| spec.with_horizon(horizon))
            }
            [name, "continuous"] => MetricSpec::continuous(name),
            [name, "continuous", "horizon", horizon] => {
                let horizon = parse_field(lines, horizon)?;
                MetricSpec::continuous(name).and_then(|spec| spec.with_horizon(horizon))
            }
            _ => return Err(lines.error(
                "expected `metric <name> integer <min> <max> [horizon <h>]` or `metric <name> continuous [horizon <h>]`",
            )),
        }
        .map_err(|err| lines.error(&err.to_string()))?;
    let mut metric = MetricSummary::new(&spec);
    metric.n_finite = lines.number("finite")?;
    metric.n_non_finite = lines.number("non_finite")?;
    if spec.horizon().is_some() {
        metric.n_censored = lines.number("censored")?;
    }
    metric.sum = lines.exact_sum("sum")?;
    metric.sum_sq = lines.exact_sum("sum_sq")?;
    metric.min_bits = lines.number::<f64>("min")?.to_bits();
    metric.max_bits = lines.number::<f64>("max")?.to_bits();
    if let Histogram::Integer { n_below, n_above, .. } = &mut metric.histogram {
        [*n_below, *n_above] = lines.numbers("outside")?;
    }
    read_bins(lines, &mut metric.histogram)?;
    Ok(metric)
}

fn read_bins(lines: &mut Records, histogram: &mut Histogram) -> Result<(), EnsembleError> {
    let rest = lines.expect("bins")?;
    for pair in rest.split(' ').filter(|pair| !pair.is_empty()) {
        let (key, count) = pair.split_once(':').ok_or_else(|| lines.error("a bin is `key:count`"))?;
        let count: u64 = parse_field(lines, count)?;
        let stored = match histogram {
            Histogram::Integer { counts, .. } => {
                let idx: usize = parse_field(lines, key)?;
                counts.get_mut(idx).map(|slot| *slot = count).is_some()
            }
            Histogram::Relative(counts) => counts.insert(parse_field(lines, key)?, count).is_none(),
        };
        if !stored {
            return Err(lines.error(&format!("bin `{}` is out of range or repeated", quote(key))));
        }
    }
    Ok(())
}

fn parse_field<T: std::str::FromStr>(lines: &Records, text: &str) -> Result<T, EnsembleError> {
    text.parse().map_err(|_| lines.error(&format!("`{}` is not a valid number here", quote(text))))
}

/// A cursor over the `key rest` records of a shard file, remembering the line for errors.
struct Records<'a> {
    lines: std::iter::Peekable<std::iter::Enumerate<std::str::Lines<'a>>>,
    line: usize,
}

impl<'a> Records<'a> {
    fn new(text: &'a str) -> Records<'a> {
        Records { lines: text.lines().enumerate().peekable(), line: 0 }
    }

    fn next_line(&mut self) -> Result<(usize, &'a str), EnsembleError> {
        let (idx, line) = self.lines.next().ok_or_else(|| EnsembleError::ShardFile {
            line: self.line + 1,
            message: "unexpected end of file".into(),
        })?;
        self.line = idx + 1;
        Ok((self.line, line))
    }

    fn peek_key(&mut self) -> Option<&'a str> {
        self.lines.peek().map(|(_, line)| line.split(' ').next().unwrap_or(""))
    }

    /// The rest of the next line, which must start with `key`.
    fn expect(&mut self, key: &str) -> Result<&'a str, EnsembleError> {
        let (_, line) = self.next_line()?;
        match line.split_once(' ') {
            Some((found, rest)) if found == key => Ok(rest),
            None if line == key => Ok(""),
            _ => Err(self.error(&format!("expected a `{key}` line"))),
        }
    }

    fn number<T: std::str::FromStr>(&mut self, key: &str) -> Result<T, EnsembleError> {
        let [value] = self.numbers(key)?;
        Ok(value)
    }

    fn numbers<T: std::str::FromStr, const N: usize>(&mut self, key: &str) -> Result<[T; N], EnsembleError> {
        let rest = self.expect(key)?;
        let values: Vec<T> =
            rest.split(' ').map(|field| parse_field(self, field)).collect::<Result<_, _>>()?;
        values.try_into().map_err(|_| self.error(&format!("`{key}` takes {N} number(s)")))
    }

    fn exact_sum(&mut self, key: &str) -> Result<ExactSum, EnsembleError> {
        let rest = self.expect(key)?;
        ExactSum::from_text(rest).ok_or_else(|| self.error(&format!("`{}` is not an exact sum", quote(rest))))
    }

    fn error(&self, message: &str) -> EnsembleError {
        EnsembleError::ShardFile { line: self.line, message: message.to_string() }
    }
}

fn escape(reason: &str) -> String {
    reason.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r")
}

fn unescape(text: &str) -> String {
    let mut res = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        res.push(match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => '\n',
                Some('r') => '\r',
                Some(other) => other,
                None => '\\',
            },
            (c, false) => c,
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> EnsembleSummary {
        let specs =
            [MetricSpec::integer("end_hour", 1, 720).unwrap(), MetricSpec::continuous("final_blue").unwrap()];
        // Runs 20..31: ten from the loop and one more failure after it.
        let mut res = EnsembleSummary::empty(7, 100, 20..31, &specs);
        for run_idx in 20..30u64 {
            if run_idx == 25 {
                res.record_failed("diverged\\at step\n3");
            } else {
                res.record_completed(&[(run_idx * 31 % 800) as f64, 1.0 / (run_idx as f64 - 21.5)]);
            }
        }
        res.record_failed("blew up");
        res
    }

    #[test]
    fn shard_text_round_trips_exactly() {
        let summary = sample();
        let text = summary.to_shard_text();
        let back = EnsembleSummary::from_shard_text(&text).unwrap();
        assert_eq!(back, summary);
        assert_eq!(back.to_shard_text(), text);
        let empty = EnsembleSummary::empty(1, 0, 0..0, &[MetricSpec::continuous("x").unwrap()]);
        assert_eq!(EnsembleSummary::from_shard_text(&empty.to_shard_text()).unwrap(), empty);
    }

    #[test]
    fn the_format_is_stable() {
        let specs = [MetricSpec::integer("hour", 0, 9).unwrap()];
        let mut summary = EnsembleSummary::empty(3, 4, 0..4, &specs);
        [2.0, 2.0, 12.0].iter().for_each(|&hour| summary.record_completed(&[hour]));
        summary.record_failed("diverged");
        let expected = "bulwark-ensemble-summary 3\nseed 3\nruns_total 4\nruns 0 4\ncompleted 3\n\
                        failed 1 diverged\nmetric hour integer 0 9\nfinite 3\nnon_finite 0\n\
                        sum 33:4194304\nsum_sq 33:39845888\nmin 2\nmax 12\noutside 0 1\nbins 2:2\nend\n";
        assert_eq!(summary.to_shard_text(), expected);
    }

    #[test]
    fn r10_shard_files_are_validated_before_a_merge_uses_them() {
        let text = sample().to_shard_text();
        assert!(EnsembleSummary::from_shard_text(&text).is_ok());
        // Replaces the `nth` line starting with `prefix` (0-based) by `new`.
        let replace_line = |prefix: &str, nth: usize, new: &str| -> String {
            let mut seen = 0;
            let lines: Vec<String> = text
                .lines()
                .map(|line| {
                    if line.starts_with(prefix) {
                        seen += 1;
                        if seen == nth + 1 {
                            return new.to_string();
                        }
                    }
                    line.to_string()
                })
                .collect();
            lines.join("\n") + "\n"
        };
        let cases = [
            // A min above the max made `clamp` panic in the quantiles.
            replace_line("min ", 1, "min 1e300"),
            replace_line("min ", 1, "min NaN"),
            replace_line("max ", 0, "max inf"),
            replace_line("completed ", 0, "completed 8"),
            replace_line("finite ", 0, "finite 7"),
            replace_line("bins ", 1, "bins 999999999999999999:1"),
            replace_line("bins ", 1, "bins -9223372036854775807:1"),
            replace_line("non_finite ", 0, "non_finite 18446744073709551615"),
            replace_line("failed ", 0, "failed 18446744073709551615 blew up"),
        ];
        for damaged in cases {
            assert_ne!(damaged, text);
            let Err(err) = EnsembleSummary::from_shard_text(&damaged) else {
                panic!("accepted:\n{damaged}");
            };
            assert!(err.to_string().len() < 300, "{err}");
        }
        // A 10 MB header line is quoted by 40 characters at most.
        let long = format!("{}\n", "x".repeat(10_000_000));
        let err = EnsembleSummary::from_shard_text(&long).unwrap_err();
        assert!(err.to_string().len() < 200);
    }

    #[test]
    fn r10_provenance_round_trips_and_versions_1_and_2_still_read() {
        let summary = sample().with_provenance("scenario", "fnv1a64:00ff").with_provenance("sampler", "lhs");
        let text = summary.to_shard_text();
        assert!(text.starts_with(
            "bulwark-ensemble-summary 3\nprovenance sampler lhs\nprovenance scenario fnv1a64:00ff\n"
        ));
        assert_eq!(EnsembleSummary::from_shard_text(&text).unwrap(), summary);
        for older in ["summary 1", "summary 2"] {
            let text = sample().to_shard_text().replace("summary 3", older);
            assert_eq!(EnsembleSummary::from_shard_text(&text).unwrap(), sample());
        }
    }

    #[test]
    fn censored_counts_round_trip_and_shards_merge_to_the_whole() {
        let spec = MetricSpec::integer("hours_to_objective", 0, 11).unwrap().with_horizon(10).unwrap();
        let values = [3.0, 11.0, 7.0, 11.0, 11.0, 2.0];
        let summary_of = |runs: std::ops::Range<u64>| {
            let mut res = EnsembleSummary::empty(5, 6, runs.clone(), std::slice::from_ref(&spec));
            runs.for_each(|run_idx| res.record_completed(&[values[run_idx as usize]]));
            res
        };
        let whole = summary_of(0..6);
        let text = whole.to_shard_text();
        assert!(
            text.contains(
                "metric hours_to_objective integer 0 11 horizon 10\nfinite 3\nnon_finite 0\ncensored 3\n"
            ),
            "{text}"
        );
        assert_eq!(EnsembleSummary::from_shard_text(&text).unwrap(), whole);
        let merged = EnsembleSummary::merge_all(vec![summary_of(4..6), summary_of(0..4)]).unwrap();
        assert_eq!(merged.to_shard_text(), text);
        // A censored count that does not add up, or one without a horizon, is refused.
        assert!(EnsembleSummary::from_shard_text(&text.replace("censored 3", "censored 4")).is_err());
        let no_horizon = text.replace(" horizon 10", "").replace("censored 3\n", "");
        assert!(EnsembleSummary::from_shard_text(&no_horizon).is_err());
    }

    /// The threat's readiness clocks are fractional years with a horizon: the declaration
    /// `continuous horizon H` and the censored count read back exactly.
    #[test]
    fn a_continuous_metric_with_a_horizon_round_trips() {
        let spec = MetricSpec::continuous("clock_large_years").unwrap().with_horizon(29).unwrap();
        let mut whole = EnsembleSummary::empty(5, 3, 0..3, std::slice::from_ref(&spec));
        for value in [17.5, 30.0, 30.0] {
            whole.record_completed(&[value]);
        }
        let text = whole.to_shard_text();
        assert!(text.contains(
            "metric clock_large_years continuous horizon 29\nfinite 1\nnon_finite 0\ncensored 2\n"
        ));
        assert_eq!(EnsembleSummary::from_shard_text(&text).unwrap(), whole);
    }

    #[test]
    fn damaged_files_are_refused_with_a_line_number() {
        let text = sample().to_shard_text();
        let cases = [
            (text.replace("seed 7", "seed x"), 2),
            (text.replace("runs 20 31", "runs 31 20"), 4),
            (text.replace("bins ", "bins 9999:1 "), 0),
            (text.replace("\nend\n", "\n"), 0),
            (text.replace("summary 3", "summary 4"), 1),
        ];
        for (damaged, line) in cases {
            let err = EnsembleSummary::from_shard_text(&damaged).unwrap_err();
            let EnsembleError::ShardFile { line: found, .. } = err else { panic!("{err}") };
            assert!(line == 0 || found == line, "{err}");
        }
    }
}
