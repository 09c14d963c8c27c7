//! Developer tasks too slow for CI, run as `cargo xtask <task>`.
//!
//! - `scan-extremes [PREFIX]`: for every parameter of the baseline scenario (or those whose
//!   name starts with PREFIX), sets it to its unit's minimum, maximum and a middle value and runs
//!   the whole assessment, reporting any panic and any run slower than 30 s. It found the
//!   unbounded formation count of the campaign model; run it after adding a model or a
//!   parameter. Takes about ten minutes on two cores in a release build.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use bulwark_data::Dataset;
use bulwark_scenario::Scenario;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("scan-extremes") => scan_extremes(args.get(1).map(String::as_str).unwrap_or("")),
        _ => {
            eprintln!("usage: cargo xtask scan-extremes [PARAMETER-PREFIX]");
            ExitCode::from(2)
        }
    }
}

fn scan_extremes(prefix: &str) -> ExitCode {
    let dataset = match Dataset::embedded() {
        Ok(dataset) => dataset,
        Err(err) => {
            eprintln!("the embedded dataset does not load: {err}");
            return ExitCode::from(1);
        }
    };
    let baseline = match Scenario::load("baseline", &dataset) {
        Ok(scenario) => scenario,
        Err(err) => {
            eprintln!("the baseline does not load: {err}");
            return ExitCode::from(1);
        }
    };
    let mut problems = 0;
    for parameter in baseline.parameters.values().filter(|p| p.name.starts_with(prefix)) {
        let unit = parameter.unit;
        let middle = if unit.max < 1.0e5 { (unit.min + unit.max) / 2.0 } else { unit.min + 1.0 };
        for value in [unit.min, unit.max, middle] {
            let text = format!("name = \"scan\"\n[parameters.{}]\nvalue = {value:?}\n", parameter.name);
            let scenario = match Scenario::parse("scan.toml", &text, &dataset) {
                Ok(scenario) => scenario,
                Err(err) => {
                    println!("refused  {} = {value}: {err}", parameter.name);
                    continue;
                }
            };
            let started = Instant::now();
            let outcome = std::panic::catch_unwind(|| bulwark_assess::assess(&dataset, &scenario));
            let took = started.elapsed();
            if outcome.is_err() {
                problems += 1;
                println!("PANIC    {} = {value}", parameter.name);
            } else if took > Duration::from_secs(30) {
                problems += 1;
                println!("SLOW     {} = {value}: {:.0} s", parameter.name, took.as_secs_f64());
            }
        }
    }
    println!("scan done: {problems} problem(s)");
    if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
