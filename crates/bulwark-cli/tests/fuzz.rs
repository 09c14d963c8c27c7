//! The fuzz harness of issue 10: generated and mutated inputs for every way data enters
//! Bulwark — scenario TOML, every dataset table, shard files, the fit CSV and the command line —
//! asserting that nothing panics, that a user's input ends in exit status 0 or 2 (never 1 or a
//! signal), that nothing hangs (each run of the binary has a deadline), that a scenario the
//! loader accepts also simulates, and that no report prints NaN or infinity.
//!
//! It is a proptest driver, not cargo-fuzz, so that it runs on stable Rust inside
//! `cargo test`. The number of cases per target comes from `BULWARK_FUZZ_CASES` (default
//! [`DEFAULT_CASES`], about a minute in all on a debug build, which is what `.ci/run` runs);
//! a longer campaign is `BULWARK_FUZZ_CASES=2000 cargo test --release -p bulwark-cli --test fuzz`
//! (README, "Exit codes and guarantees"); `BULWARK_FUZZ_ASSESS=1` adds the whole assessment
//! of every accepted scenario, too slow for CI.
//! This file sits beside `cli.rs` rather than in it because its size is set by an environment
//! variable, and `cli.rs` stays a fixed, quick suite.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use bulwark_data::Dataset;
use bulwark_ensemble::{EnsembleSummary, Hooks, RunPlan};
use bulwark_models::attrition::{fit, Columns, FitSpec, Law, Series};
use bulwark_report::{dataset_view, ensemble_view, fit_view};
use bulwark_scenario::Scenario;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per target when `BULWARK_FUZZ_CASES` is not set.
const DEFAULT_CASES: u32 = 24;

/// The longest one run of the binary may take before the harness calls it a hang.
const DEADLINE: Duration = Duration::from_secs(120);

fn config() -> Config {
    let cases =
        std::env::var("BULWARK_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES);
    Config { cases, failure_persistence: None, ..Config::default() }
}

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| Dataset::embedded().expect("the embedded dataset loads"))
}

/// Whether `text` holds a NaN or an infinity as a word (not `infantry`, `information`).
fn has_non_finite(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-')).any(|word| {
        matches!(word.to_ascii_lowercase().as_str(), "nan" | "inf" | "-inf" | "infinity" | "-nan")
    })
}

/// Numbers a careless user or an attacker writes: extremes, non-finite, zero, negative.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "nan", "inf", "-inf", "0", "0.0", "-1", "1e308", "-1e308", "1e-308", "1e15", "1e200", "0.5", "1",
            "2", "100", "1e6",
        ])
        .prop_map(String::from),
        (-1.0e3f64..1.0e3).prop_map(|x| format!("{x:?}")),
        (0.0f64..1.0).prop_map(|x| format!("{x:?}")),
    ]
}

// ---------------------------------------------------------------- scenario TOML

fn parameter_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let baseline = Scenario::load("baseline", dataset()).expect("the baseline loads");
        baseline.parameters.keys().cloned().collect()
    })
}

fn distribution_form() -> impl Strategy<Value = String> {
    let n = number;
    prop_oneof![
        n().prop_map(|x| format!("value = {x}")),
        (n(), n()).prop_map(|(a, b)| format!("uniform = {{ min = {a}, max = {b} }}")),
        (n(), n(), n()).prop_map(|(a, b, c)| format!("triangular = {{ min = {a}, mode = {b}, max = {c} }}")),
        (n(), n(), n()).prop_map(|(a, b, c)| format!("pert = {{ min = {a}, mode = {b}, max = {c} }}")),
        (n(), n(), n(), n())
            .prop_map(|(m, s, a, b)| format!("normal = {{ mean = {m}, sd = {s}, min = {a}, max = {b} }}")),
        (n(), n()).prop_map(|(m, s)| format!("lognormal = {{ median = {m}, sigma = {s} }}")),
        (prop::collection::vec(n(), 1..4), prop::collection::vec(n(), 1..4)).prop_map(|(v, w)| format!(
            "discrete = {{ values = [{}], weights = [{}] }}",
            v.join(", "),
            w.join(", ")
        )),
    ]
}

fn other_table() -> impl Strategy<Value = String> {
    let line = prop::sample::select(vec!["main_battle_tanks", "frigates", "destroyers", "tanker_aircraft"]);
    prop_oneof![
        (line.clone(), number()).prop_map(|(l, x)| format!("[ledger.weights]\n{l} = {x}\n")),
        (line.clone(), number()).prop_map(|(l, x)| format!("[ledger.targets]\n{l} = {x}\n")),
        (number(), number()).prop_map(|(p, g)| format!(
            "[budget.countries.DEU]\ntarget_pct = {p}\nreal_gdp_growth_pct = {g}\n"
        )),
        number().prop_map(|x| format!("[us_posture]\nconventional = {x}\n")),
        (line.clone(), line).prop_map(|(a, b)| format!("[closure.cost_proxies]\n{a} = \"{b}\"\n")),
        "\\PC{0,40}".prop_map(|s| format!("description = {s:?}\n")),
        Just(String::new()),
    ]
}

/// Runs a short ensemble of the model the parameter belongs to; `Err` is what `simulate`
/// would report as an internal error (exit 1).
fn simulate_briefly(scenario: &Scenario, parameter: &str) -> Result<EnsembleSummary, String> {
    let plan = RunPlan::new(4, 1).map_err(|e| e.to_string())?;
    let hooks = Hooks { sink: None, progress: None };
    let simulate = if parameter.starts_with("campaign_") {
        bulwark_assess::campaign_inputs::simulate_campaign
    } else if parameter.starts_with("iamd_") {
        bulwark_assess::iamd_inputs::simulate_iamd
    } else if parameter.starts_with("decision_") {
        bulwark_assess::decision_inputs::simulate_decision
    } else {
        bulwark_assess::nuclear_inputs::simulate_nuclear
    };
    simulate(dataset(), scenario, &plan, hooks)
}

proptest! {
    #![proptest_config(config())]

    /// A scenario overriding one parameter with any form and numbers, plus another table:
    /// accepted with finite values that simulate, or refused with a located error.
    #[test]
    fn fuzz_scenario_toml(
        parameter_idx in any::<prop::sample::Index>(),
        form in distribution_form(),
        table in other_table(),
    ) {
        let parameter = parameter_idx.get(parameter_names());
        let text = format!("name = \"fuzz\"\n{table}[parameters.{parameter}]\n{form}\n");
        match Scenario::parse("fuzz.toml", &text, dataset()) {
            Err(err) => prop_assert!(err.line > 0 || !err.message.is_empty(), "unlocated: {err}"),
            Ok(scenario) => {
                let distribution = &scenario.parameters[parameter].distribution;
                prop_assert!(distribution.central().is_finite(), "{text}\n{distribution:?}");
                match simulate_briefly(&scenario, parameter) {
                    Err(err) => {
                        return Err(TestCaseError::fail(format!("accepted but does not simulate:\n{text}\n{err}")));
                    }
                    Ok(summary) => {
                        let view = ensemble_view::render("fuzz", &summary, &bulwark_report::i18n::Messages::new(bulwark_report::i18n::Lang::En));
                        prop_assert!(!has_non_finite(&view), "{text}\n{view}");
                    }
                }
                // The whole assessment takes seconds on a debug build: only on request.
                if std::env::var_os("BULWARK_FUZZ_ASSESS").is_some() {
                    let assessment = bulwark_assess::assess(dataset(), &scenario);
                    let flavour = bulwark_report::assessment_view::Flavour::Terminal;
                    let messages = bulwark_report::i18n::Messages::new(bulwark_report::i18n::Lang::En);
                    let report = bulwark_report::assessment_view::render(&assessment, dataset(), flavour, None, &messages);
                    prop_assert!(!has_non_finite(&report), "{text}\n{report}");
                    prop_assert!(!report.contains("0 % of runs (held in most runs)"), "{text}\n{report}");
                }
            }
        }
    }

    /// Arbitrary bytes as a scenario: refused or accepted, never a panic.
    #[test]
    fn fuzz_scenario_bytes(text in "\\PC{0,300}", cut in 0usize..2000) {
        let shipped = include_str!("../../../scenarios/us-full-withdrawal.toml");
        let at = (cut.min(shipped.len())..=shipped.len()).find(|i| shipped.is_char_boundary(*i)).unwrap_or(0);
        let _ = Scenario::parse("fuzz.toml", &text, dataset());
        let _ = Scenario::parse("fuzz.toml", &format!("{}{text}", &shipped[..at]), dataset());
    }
}

// ---------------------------------------------------------------- dataset tables

fn exported_tables() -> &'static [(&'static str, String)] {
    static TABLES: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    TABLES.get_or_init(|| bulwark_data::export::to_csv(dataset()))
}

/// One mutation of a table's text.
#[derive(Clone, Debug)]
enum TableMutation {
    /// Replace the `nth` numeric cell by a number.
    Number(usize, String),
    /// Insert text at a byte position.
    Insert(usize, String),
    /// Keep only the first `n` lines.
    Truncate(usize),
}

fn table_mutation() -> impl Strategy<Value = TableMutation> {
    prop_oneof![
        (0usize..3000, number()).prop_map(|(n, x)| TableMutation::Number(n, x)),
        (0usize..20_000, "[-a-zA-Z0-9_.,\"; \n]{0,12}").prop_map(|(at, s)| TableMutation::Insert(at, s)),
        (0usize..5).prop_map(TableMutation::Truncate),
    ]
}

fn mutate_table(text: &str, mutation: &TableMutation) -> String {
    match mutation {
        TableMutation::Number(nth, value) => {
            let mut seen = 0;
            let mut out = String::with_capacity(text.len());
            for (line_idx, line) in text.split_inclusive('\n').enumerate() {
                let cells: Vec<String> = line
                    .split(',')
                    .map(|cell| {
                        if line_idx > 0 && cell.trim().parse::<f64>().is_ok() {
                            seen += 1;
                            if seen == nth + 1 {
                                return format!("{value}{}", if cell.ends_with('\n') { "\n" } else { "" });
                            }
                        }
                        cell.to_string()
                    })
                    .collect();
                out.push_str(&cells.join(","));
            }
            out
        }
        TableMutation::Insert(at, inserted) => {
            let at = (*at.min(&text.len())..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            format!("{}{inserted}{}", &text[..at], &text[at..])
        }
        TableMutation::Truncate(n) => text.split_inclusive('\n').take(*n).collect(),
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any table mutated: a located error, or a dataset whose views print finite figures.
    #[test]
    fn fuzz_dataset_tables(table_idx in 0usize..10, mutation in table_mutation()) {
        let dir = tempfile::tempdir().unwrap();
        for (idx, (name, text)) in exported_tables().iter().enumerate() {
            let text = if idx == table_idx { mutate_table(text, &mutation) } else { text.clone() };
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        if let Ok(dataset) = Dataset::from_dir(dir.path()) {
            let findings = bulwark_data::check::check(&dataset);
            for finding in &findings {
                prop_assert!(finding.problem.line > 0, "unlocated finding: {}", finding.problem);
            }
            for subject in ["countries", "nuclear", "costs", "rates", "DEU", "main_battle_tanks"] {
                if let Ok(view) = dataset_view::show(&dataset, subject) {
                    prop_assert!(!has_non_finite(&view), "{mutation:?}\n{view}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------- shard files

fn shard_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let scenario = Scenario::load("baseline", dataset()).unwrap();
        let plan = RunPlan::new(16, 3).unwrap();
        let summary = bulwark_assess::nuclear_inputs::simulate_nuclear(
            dataset(),
            &scenario,
            &plan,
            Hooks { sink: None, progress: None },
        )
        .unwrap();
        summary.with_provenance("model", "nuclear").to_shard_text()
    })
}

proptest! {
    #![proptest_config(config())]

    /// A shard file with one line changed or bytes inserted: refused with a short message,
    /// or read into a summary that merges and renders with finite figures.
    #[test]
    fn fuzz_shard_files(line_idx in 0usize..200, token in number(), inserted in "\\PC{0,20}", at in 0usize..4000) {
        let text = shard_text();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let idx = line_idx % lines.len();
        let key = lines[idx].split(' ').next().unwrap_or("").to_string();
        lines[idx] = format!("{key} {token}");
        let changed = lines.join("\n") + "\n";
        let at = (at.min(text.len())..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let spliced = format!("{}{inserted}{}", &text[..at], &text[at..]);
        for candidate in [changed, spliced] {
            match EnsembleSummary::from_shard_text(&candidate) {
                Err(err) => prop_assert!(err.to_string().len() < 400, "{err}"),
                Ok(summary) => {
                    if let Ok(merged) = EnsembleSummary::merge_all(vec![summary]) {
                        let view = ensemble_view::render("fuzz", &merged, &bulwark_report::i18n::Messages::new(bulwark_report::i18n::Lang::En));
                        prop_assert!(!has_non_finite(&view), "{candidate}\n{view}");
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- the fit CSV

proptest! {
    #![proptest_config(config())]

    /// A strength series of extreme numbers, fitted with any law: refused, or a fit whose
    /// summary prints finite figures.
    #[test]
    fn fuzz_fit_csv(
        rows in prop::collection::vec((number(), number(), number()), 0..8),
        law in prop::sample::select(vec!["square", "linear", "log", "helmbold"]),
        header in prop::sample::select(vec!["t,b,r", "t,b", "t", "", "time,blue,red,extra"]),
    ) {
        let body: String = rows.iter().map(|(t, b, r)| format!("{t},{b},{r}\n")).collect();
        let text = format!("{header}\n{body}");
        if let Ok(series) = Series::parse_csv("fuzz.csv", &text, &Columns::default()) {
            let spec = FitSpec::new(Law::parse(law).unwrap());
            if let Ok(fitted) = fit(&series, &spec) {
                let view = fit_view::summary(&fitted, "fuzz.csv");
                prop_assert!(!has_non_finite(&view), "{text}\n{view}");
            }
        }
    }
}

// ---------------------------------------------------------------- the command line

/// The outcome of one run of the binary.
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary with a deadline; a run past it is killed and reported as a hang.
fn run_binary(dir: &Path, args: &[String]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulwark"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Both pipes are drained while the child runs: an output larger than the pipe buffer
    // (64 KiB; `scenario show baseline` is past it) would otherwise block the child on its
    // write and read as a hang.
    let (stdout, stderr) = (drain(child.stdout.take()), drain(child.stderr.take()));
    let started = Instant::now();
    while child.try_wait().expect("the child can be polled").is_none() {
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("hang: `bulwark {}` ran past {DEADLINE:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = child.wait().expect("the child has ended");
    let (stdout, stderr) = (stdout.join().expect("stdout read"), stderr.join().expect("stderr read"));
    Outcome {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Reads a child's pipe to its end on a thread of its own.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// A directory of inputs the generated command lines may name.
fn fixtures() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("bulwark-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("battle.csv"), "t,b,r\n0,100,80\n1,90,70\n2,82,61\n3,75,55\n").unwrap();
        std::fs::write(dir.join("shard.txt"), shard_text()).unwrap();
        std::fs::write(dir.join("s.toml"), "name = \"f\"\n[us_posture]\nconventional = 0.2\n").unwrap();
        std::fs::write(dir.join("junk.bin"), [0u8, 159, 146, 150, 255]).unwrap();
        dir
    })
}

fn argument() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "0",
            "1",
            "3",
            "-1",
            "7",
            "1025",
            "18446744073709551616",
            "abc",
            "",
            "1/2",
            "2/2",
            "0/0",
            "3/2",
            "mc",
            "lhs",
            "sobol",
            "baseline",
            "intel-cut",
            "s.toml",
            "battle.csv",
            "shard.txt",
            "junk.bin",
            "missing.toml",
            "/dev/null",
            "--quiet",
            "--force",
            "--verbose",
            "nan",
            "inf",
            "1e400",
            "DEU",
            "nuclear",
            "main_battle_tanks",
        ])
        .prop_map(String::from),
        "[ -~]{0,12}",
    ]
}

fn command_line() -> impl Strategy<Value = Vec<String>> {
    let flag = |name: &'static str| argument().prop_map(move |value| vec![name.to_string(), value]);
    let simulate = (
        prop::sample::select(vec!["baltic", "iamd", "nuclear", "decision", "baltik"]),
        prop::collection::vec(
            prop_oneof![
                flag("--threads"),
                flag("--seed"),
                flag("--sampler"),
                flag("--shard"),
                flag("--scenario")
            ],
            0..4,
        ),
        prop::sample::select(vec!["1", "4", "9", "0", "-4", "x"]),
    )
        .prop_map(|(model, flags, runs)| {
            let mut args = vec![
                "simulate".to_string(),
                model.to_string(),
                "--quiet".into(),
                "--runs".into(),
                runs.into(),
            ];
            args.extend(flags.into_iter().flatten());
            args
        });
    let fit = (
        argument(),
        prop::collection::vec(
            prop_oneof![flag("--law"), flag("--start"), flag("--blue-initial"), flag("--time")],
            0..3,
        ),
    )
        .prop_map(|(file, flags)| {
            let mut args = vec!["fit".to_string(), "lanchester".into(), file];
            args.extend(flags.into_iter().flatten());
            args
        });
    let bench = (
        prop::sample::select(vec!["1", "50", "0", "-1"]),
        prop::collection::vec(prop_oneof![flag("--threads"), flag("--shard"), flag("--seed")], 0..3),
    )
        .prop_map(|(runs, flags)| {
            let mut args =
                vec!["bench".to_string(), "attrition".into(), "--quiet".into(), "--runs".into(), runs.into()];
            args.extend(flags.into_iter().flatten());
            args
        });
    prop_oneof![
        simulate,
        fit,
        bench,
        (prop::sample::select(vec!["check", "show"]), argument()).prop_map(|(verb, s)| vec![
            "scenario".into(),
            verb.into(),
            s
        ]),
        argument().prop_map(|subject| vec!["data".into(), "show".into(), subject]),
        prop::collection::vec(argument(), 1..3).prop_map(|files| [vec!["merge".to_string()], files].concat()),
        prop::collection::vec(argument(), 0..4),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Any command line: exit 0 or 2, no panic, no hang, no NaN or infinity on stdout.
    #[test]
    fn fuzz_cli_arguments(args in command_line()) {
        let outcome = run_binary(fixtures(), &args);
        prop_assert!(!outcome.stderr.contains("panicked"), "`bulwark {}` panicked:\n{}", args.join(" "), outcome.stderr);
        prop_assert!(matches!(outcome.code, Some(0) | Some(2)), "`bulwark {}` exited {:?}:\n{}", args.join(" "), outcome.code, outcome.stderr);
        prop_assert!(!has_non_finite(&outcome.stdout), "`bulwark {}` printed:\n{}", args.join(" "), outcome.stdout);
    }
}

#[test]
fn the_non_finite_detector_sees_words_only() {
    assert!(has_non_finite("mean NaN h") && has_non_finite("a,inf,b") && has_non_finite("-inf"));
    assert!(!has_non_finite("infantry information Infinite? no: nano"));
}
