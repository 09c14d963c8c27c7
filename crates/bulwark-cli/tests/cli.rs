//! End-to-end tests: each runs the real `bulwark` binary on real files and checks its exit
//! status and output. This is the one integration-test binary of the CLI (with `tidy.rs`,
//! which checks the source tree, not the program).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use expect_test::expect;

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn bulwark_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_bulwark"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn bulwark(args: &[&str]) -> Run {
    bulwark_in(&repo_root(), args)
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn bad_inputs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

#[track_caller]
fn assert_user_error(run: &Run, expected: &[&str]) {
    assert_eq!(run.code, 2, "exit status; stderr:\n{}", run.stderr);
    for needle in expected {
        assert!(run.stderr.contains(needle), "stderr lacks {needle:?}:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

// ---------------------------------------------------------------- the dataset

#[test]
fn data_check_passes_on_the_embedded_baseline() {
    let run = bulwark(&["data", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("check passed: 0 errors"), "{}", run.stdout);
}

#[test]
fn data_show_country_prints_figures_with_their_sources() {
    let run = bulwark(&["data", "show", "DEU"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "Germany (DEU)",
        "defence_spending",
        "defence spending 2025: EUR",
        "main_battle_tanks",
        "Sources",
        "[sipri-milex-2025]",
        "https://",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?} in:\n{}", run.stdout);
    }
}

#[test]
fn data_show_nuclear_prints_sipri_counts_with_sources() {
    let run = bulwark(&["data", "show", "nuclear"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in ["1,770", "1,718", "3,700", "4,309", "fas-nuclear-notebook-usa-2025", "Sources"] {
        assert!(run.stdout.contains(needle), "missing {needle:?} in:\n{}", run.stdout);
    }
}

#[test]
fn data_show_a_line_lists_holders_and_costs() {
    let run = bulwark(&["data", "show", "main_battle_tanks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Holdings") && run.stdout.contains("Leopard 2A8"), "{}", run.stdout);
}

/// Issue 11: a holding that is a lower bound shows as one (`≥ 2`, Russia's two Il-22PP).
#[test]
fn data_show_marks_lower_bounds() {
    let run = bulwark(&["data", "show", "sead_aircraft"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let russia = run.stdout.lines().find(|l| l.starts_with("RUS ")).unwrap_or_default();
    assert!(russia.contains(" ≥ 2 "), "{}", run.stdout);
}

// `data show production`: procurement paces and years to reach (in a file of their own).
#[path = "cli/production.rs"]
mod production;

#[test]
fn data_show_losses_lists_dated_counts_by_basis_with_sources() {
    let run = bulwark(&["data", "show", "losses"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // One Oryx count (a lower bound) and one Ukrainian General Staff claim, each with its date.
    for needle in [
        "lower bounds",
        "visually_confirmed",
        "4,074",
        "2025-07-19",
        "claimed",
        "11,481",
        "2025-12-31",
        "[gh-scarnecchia-oryx-data]",
        "[gh-petroivaniuk-ua-losses]",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?} in:\n{}", run.stdout);
    }
}

#[test]
fn a_stored_stock_shows_beside_the_active_holding() {
    let run = bulwark(&["data", "show", "RUS"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tanks: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("main_battle_tanks")).collect();
    assert!(tanks.iter().any(|l| l.contains("total") && l.contains("1,750")), "{tanks:?}");
    assert!(tanks.iter().any(|l| l.contains("stored") && l.contains("4,000")), "{tanks:?}");
}

#[test]
fn a_loss_row_with_a_bad_date_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let export = bulwark(&["data", "export", "--format", "csv", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let losses = dir.path().join("losses.csv");
    let mut text = std::fs::read_to_string(&losses).unwrap();
    text.push_str("RUS,main_battle_tanks,claimed,10,2025-02-30x,gh-scarnecchia-oryx-data,\n");
    std::fs::write(&losses, text).unwrap();
    let run = bulwark(&["--data", dir.path().to_str().unwrap(), "data", "check"]);
    assert_user_error(&run, &["losses.csv", "as_of", "is not a date"]);
}

#[test]
fn data_show_unknown_subject_suggests_the_near_miss() {
    let run = bulwark(&["data", "show", "DUE"]);
    assert_user_error(&run, &["nothing to show for `DUE`", "did you mean `DEU`?"]);
}

#[test]
fn data_check_prints_per_line_coverage_and_a_summary() {
    let run = bulwark(&["data", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("coverage by line:"), "{}", run.stdout);
    // One table row per capability line, each naming the line first.
    let lines = ["active_personnel", "destroyers", "deployable_corps_hq", "early_warning_satellites"];
    for line in lines {
        assert!(
            run.stdout.lines().any(|l| l.trim_start().starts_with(line)),
            "no row for {line}:\n{}",
            run.stdout
        );
    }
    // Corps HQs have European figures (nine NATO Rapid Deployable Corps shared among nations).
    let corps = run.stdout.lines().find(|l| l.trim_start().starts_with("deployable_corps_hq")).unwrap();
    let european: usize = corps.split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(european >= 9, "{corps}");
    assert!(
        run.stdout.contains("lines with European, US-for-Europe and Russian figures: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(" of 32\n"), "{}", run.stdout);
    // Issue 11: Russia's SEAD figure (2 Il-22PP) is a lower bound, and the table says so.
    let sead = run.stdout.lines().find(|l| l.trim_start().starts_with("sead_aircraft ")).unwrap();
    assert!(sead.trim_end().ends_with("yes≥"), "{sead}");
    assert!(run.stdout.contains("lines with a lower bound among their figures (≥): "), "{}", run.stdout);
}

#[test]
fn stored_and_active_that_do_not_add_up_to_owned_are_refused() {
    let append = |text: String| {
        format!(
            "{text}EST,stored,main_battle_tanks,5,2024,est-dailywrap-baltic-no-tanks-2024,test\n\
             EST,owned,main_battle_tanks,7,2024,est-dailywrap-baltic-no-tanks-2024,test\n"
        )
    };
    let run = check_patched("inventory.csv", append);
    assert_user_error(
        &run,
        &["inventory.csv", "EST main_battle_tanks: total 0 + stored 5 = 5, not the owned 7"],
    );
    // The same rows with a consistent sum pass.
    let fixed =
        |text: String| append(text).replace(",owned,main_battle_tanks,7,", ",owned,main_battle_tanks,5,");
    let run = check_patched("inventory.csv", fixed);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn csv_export_loads_back_to_the_same_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    let run = bulwark(&["data", "export", "--format", "csv", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = bulwark(&["--data", out.to_str().unwrap(), "data", "check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    // The JSON of the embedded dataset and of its CSV round trip differ only in the name and
    // in their provenance's command (`--data`); the dataset's digest is the same.
    let original = bulwark(&["data", "export", "--format", "json"]).stdout;
    let reloaded = bulwark(&["--data", out.to_str().unwrap(), "data", "export", "--format", "json"]).stdout;
    assert!(original.contains("\"schema\": \"bulwark.dataset/1\""));
    let (original, original_provenance) = original.split_once(",\n  \"provenance\": ").unwrap();
    let (reloaded, reloaded_provenance) = reloaded.split_once(",\n  \"provenance\": ").unwrap();
    assert_eq!(original.replace("\"baseline-2026-01\"", "\"export\""), reloaded);
    let sha256 = |provenance: &str| {
        let value: serde_json::Value =
            serde_json::from_str(provenance.trim_end().strip_suffix('}').unwrap()).unwrap();
        value["dataset"]["sha256"].as_str().unwrap().to_string()
    };
    assert_eq!(sha256(original_provenance), sha256(reloaded_provenance));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulwark"))
        .args(["data", "export", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
}

/// A dataset directory exported from the baseline, with one file patched by `patch`.
fn patched_dataset(file: &str, patch: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = bulwark(&["data", "export", "--format", "csv", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, patch(text)).unwrap();
    dir
}

fn check_patched(file: &str, patch: impl Fn(String) -> String) -> Run {
    let dir = patched_dataset(file, patch);
    bulwark(&["--data", dir.path().to_str().unwrap(), "data", "check"])
}

fn replace_once(from: &'static str, to: &'static str) -> impl Fn(String) -> String {
    move |text| {
        assert!(text.contains(from), "fixture text {from:?} not found");
        text.replacen(from, to, 1)
    }
}

/// A change to one table's text.
type Patch = Box<dyn Fn(String) -> String>;

#[test]
fn bad_datasets_are_refused_with_file_line_and_field() {
    let cases: Vec<(&str, Patch, Vec<&str>)> = vec![
        (
            "country_figures.csv",
            Box::new(replace_once(",sipri-milex-2025,", ",sipri-milex-2052,")),
            vec![
                "country_figures.csv:",
                "unknown source id `sipri-milex-2052`",
                "did you mean `sipri-milex-2025`?",
            ],
        ),
        (
            "inventory.csv",
            Box::new(|t: String| {
                let line = t.lines().nth(1).unwrap().to_string();
                format!("{t}{line}\n")
            }),
            vec!["duplicate holding", "first at line 2"],
        ),
        (
            "country_figures.csv",
            Box::new(replace_once(",usd_bn,", ",usd_m,")),
            vec!["field `unit`", "unit `usd_m` does not fit figure `gdp`"],
        ),
        (
            "country_figures.csv",
            Box::new(replace_once(",usd_bn,", ",usd_billion,")),
            vec!["unknown unit `usd_billion`", "did you mean `usd_bn`?"],
        ),
        (
            "inventory.csv",
            Box::new(|t: String| {
                let mut lines: Vec<String> = t.lines().map(String::from).collect();
                let mut cells: Vec<String> = lines[1].split(',').map(String::from).collect();
                cells[3] = "-5".into();
                lines[1] = cells.join(",");
                lines.join("\n") + "\n"
            }),
            vec!["inventory.csv:2:", "field `quantity`", "quantity -5 is negative"],
        ),
        (
            "inventory.csv",
            Box::new(replace_once("quantity", "quantiy")),
            vec!["inventory.csv:1:", "unknown column `quantiy`", "did you mean `quantity`?"],
        ),
        (
            "country_figures.csv",
            Box::new(replace_once("DEU,defence_spending,114000,", "DEU,defence_spending,214000,")),
            vec!["DEU defence spending 214000 differs by"],
        ),
        (
            "countries.csv",
            Box::new(replace_once("DNK,Denmark,NATO;EU;JEF", "DNK,Denmark,NATO;EU")),
            vec!["groups.csv:", "lists 9 members of `JEF` but its source says 10"],
        ),
        (
            "countries.csv",
            Box::new(replace_once("DNK,Denmark,NATO;EU;JEF", "DNK,Denmark,NATO;EUU;JEF")),
            vec!["unknown group `EUU`", "did you mean `EU`?"],
        ),
        (
            "inventory.csv",
            Box::new(|t: String| t.replacen(",main_battle_tanks,", ",main_battle_tank,", 1)),
            vec!["unknown capability line `main_battle_tank`", "did you mean `main_battle_tanks`?"],
        ),
        (
            "rates.csv",
            Box::new(|t: String| {
                let mut s = t;
                s.push_str("fx,USD,2025,0.9,eur_per_unit,x,y,extra\n");
                s
            }),
            vec!["rates.csv:", "fields but the header has 7"],
        ),
        (
            "sources.csv",
            Box::new(|t: String| t.replacen(",https://", ",ftp://", 1)),
            vec!["sources.csv:", "field `url`", "is not a web address"],
        ),
        (
            "nuclear.csv",
            Box::new(replace_once("USA,all,stockpile_warheads,3700,", "USA,all,stockpile_warheads,3600,")),
            vec!["USA: deployed 1770 + stored 1930 = 3700, not the stockpile 3600"],
        ),
        (
            "country_figures.csv",
            Box::new(replace_once(",persons,2025,", ",persons,20x5,")),
            vec!["is not a year"],
        ),
    ];
    for (file, patch, expected) in cases {
        let run = check_patched(file, patch);
        assert_user_error(&run, &expected);
    }
}

#[test]
fn a_dataset_directory_missing_a_table_names_the_file() {
    let dir = patched_dataset("rates.csv", |t| t);
    std::fs::remove_file(dir.path().join("rates.csv")).unwrap();
    let run = bulwark(&["--data", dir.path().to_str().unwrap(), "data", "check"]);
    assert_user_error(&run, &["rates.csv", "cannot read the file"]);
}

#[test]
fn a_table_that_is_not_utf8_is_refused() {
    let dir = patched_dataset("groups.csv", |t| t);
    let mut bytes = std::fs::read(dir.path().join("groups.csv")).unwrap();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n']);
    std::fs::write(dir.path().join("groups.csv"), bytes).unwrap();
    let run = bulwark(&["--data", dir.path().to_str().unwrap(), "data", "check"]);
    assert_user_error(&run, &["groups.csv", "not UTF-8"]);
}

// ---------------------------------------------------------------- scenarios

#[test]
fn every_shipped_scenario_checks() {
    for name in ["baseline", "us-conventional-withdrawal", "us-full-withdrawal", "intel-cut"] {
        let run = bulwark(&["scenario", "check", name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let file = format!("scenarios/{name}.toml");
        let run = bulwark(&["scenario", "check", &file]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        assert!(run.stdout.starts_with(&format!("ok: scenario `{name}`")), "{}", run.stdout);
    }
}

#[test]
fn scenario_show_marks_defaults_and_overrides() {
    let run = bulwark(&["scenario", "show", "scenarios/intel-cut.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("intelligence = 0.0  # set in scenarios/intel-cut.toml:7"), "{}", run.stdout);
    assert!(run.stdout.contains("nuclear = 1.0  # default"), "{}", run.stdout);
    // The shown scenario is itself a valid scenario that resolves to the same values.
    let dir = tempfile::tempdir().unwrap();
    let shown = dir.path().join("shown.toml");
    std::fs::write(&shown, &run.stdout).unwrap();
    let again = bulwark(&["scenario", "show", shown.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let values = |text: &str| {
        text.lines().map(|l| l.split("  #").next().unwrap_or("").to_string()).skip(1).collect::<Vec<_>>()
    };
    assert_eq!(values(&again.stdout), values(&run.stdout));
}

#[test]
fn scenario_show_lists_the_lines_left_out_of_the_costing() {
    let run = bulwark(&["scenario", "show", "scenarios/validation/iiss-2025.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.lines().find(|l| l.starts_with("excluded = ")).expect("an excluded line");
    assert!(line.contains("\"milsatcom_satellites\"") && line.contains("# set in"), "{line}");
    let baseline = bulwark(&["scenario", "show", "baseline"]);
    assert!(baseline.stdout.contains("excluded = []  # default"), "{}", baseline.stdout);
}

#[test]
fn a_scenario_error_is_shown_with_a_snippet() {
    let run = bulwark_in(&bad_inputs().join("scenarios"), &["scenario", "check", "unknown-posture-key.toml"]);
    assert_eq!(run.code, 2);
    expect![[r#"
        error: unknown-posture-key.toml:3:1: field `us_posture.enabler`: unknown field `enabler`; expected one of conventional, enablers, intelligence, nuclear; did you mean `enablers`?
          × unknown field `enabler`
           ╭─[unknown-posture-key.toml:3:1]
         2 │ [us_posture]
         3 │ enabler = 0.5
           · ───┬───
           ·    ╰── did you mean `enablers`?
           ╰────
    "#]]
    .assert_eq(&run.stderr);
}

/// The corpus of bad scenarios: each file, and what its error must say.
#[test]
fn bad_scenarios_are_refused_with_location_and_reason() {
    let cases: &[(&str, &[&str])] = &[
        ("malformed-toml.toml", &["malformed-toml.toml:1:"]),
        (
            "unknown-top-level-key.toml",
            &["unknown-top-level-key.toml:1:1", "unknown field `nmae`", "did you mean `name`?"],
        ),
        ("unknown-posture-key.toml", &["unknown-posture-key.toml:3:1", "did you mean `enablers`?"]),
        ("wrong-type-seed.toml", &["wrong-type-seed.toml:2:", "field `seed`", "invalid type"]),
        ("negative-seed.toml", &["negative-seed.toml:2:8", "seed -3 is negative"]),
        (
            "posture-above-one.toml",
            &["posture-above-one.toml:3:16", "field `us_posture.conventional`", "1.5 is outside 0 to 1"],
        ),
        ("fraction-above-one.toml", &["fraction-above-one.toml:3:9", "outside the range of unit `fraction`"]),
        ("min-above-max.toml", &["min-above-max.toml:3:", "min 0.8 is not below max 0.2"]),
        (
            "unknown-country.toml",
            &["unknown-country.toml:3:12", "`DUE` is neither a group nor a country", "did you mean `DEU`?"],
        ),
        ("unknown-group.toml", &["unknown-group.toml:3:", "`NAT0`", "did you mean `NATO`?"]),
        ("cycle-a.toml", &["cyclic `extends`", "cycle-a.toml", "cycle-b.toml"]),
        ("self-extends.toml", &["cyclic `extends`", "self-extends.toml"]),
        (
            "unknown-extends-name.toml",
            &["unknown-extends-name.toml:2:11", "unknown scenario `baselin`", "did you mean `baseline`?"],
        ),
        ("missing-extends-file.toml", &["missing-extends-file.toml:2:", "cannot find"]),
        (
            "unknown-parameter.toml",
            &[
                "unknown-parameter.toml:2:",
                "unknown parameter `availabilty_air`",
                "did you mean `availability_air`?",
            ],
        ),
        (
            "wrong-unit.toml",
            &["wrong-unit.toml:3:8", "unit `km` differs from the parameter's unit", "expected `fraction`"],
        ),
        ("two-forms.toml", &["two-forms.toml:4:", "2 forms given at once"]),
        ("no-value.toml", &["no-value.toml:", "no value or distribution given"]),
        ("empty.toml", &["empty.toml", "the scenario file is empty"]),
        ("pert-mode-outside.toml", &["pert-mode-outside.toml:3:", "are not in order"]),
        ("discrete-weights-mismatch.toml", &["1 weights for 2 values"]),
        ("empty-coalition.toml", &["empty-coalition.toml:3:", "the coalition has no members"]),
        ("negative-sd.toml", &["standard deviation -1 is not positive"]),
        (
            "unknown-distribution-field.toml",
            &[
                "unknown-distribution-field.toml:3:27",
                "unknown field `peak`",
                "expected one of min, mode, max",
            ],
        ),
        ("duplicate-key.toml", &["duplicate-key.toml:3:", "duplicate key"]),
        ("coalition-not-a-list.toml", &["coalition-not-a-list.toml:3:", "invalid type"]),
        ("lognormal-unbounded-fraction.toml", &["outside the range of unit `fraction`"]),
        (
            "unknown-requirement-mode.toml",
            &["unknown-requirement-mode.toml:3:15", "unknown requirement mode", "did you mean `replace-us`?"],
        ),
        (
            "unknown-target-line.toml",
            &[
                "unknown-target-line.toml:3:1",
                "unknown capability line `main_battle_tank`",
                "did you mean `main_battle_tanks`?",
            ],
        ),
        (
            "budget-share-above-100.toml",
            &[
                "budget-share-above-100.toml:3:14",
                "field `budget.countries.DEU.target_pct`",
                "350 is not a share of GDP",
            ],
        ),
        (
            "budget-growth-out-of-range.toml",
            &[
                "budget-growth-out-of-range.toml:3:23",
                "field `budget.countries.POL.real_gdp_growth_pct`",
                "250 is not a growth rate",
            ],
        ),
    ];
    let dir = bad_inputs().join("scenarios");
    for (file, expected) in cases {
        let run = bulwark_in(&dir, &["scenario", "check", file]);
        assert_user_error(&run, expected);
    }
    // Every file of the corpus is covered by a case above (cycle-b is cycle-a's partner).
    let n_files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(n_files, cases.len() + 1);
}

#[test]
fn binary_and_oversized_scenarios_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("binary.toml");
    std::fs::write(&binary, [0x7f, b'E', b'L', b'F', 0, 1, 2, 3]).unwrap();
    let run = bulwark(&["scenario", "check", binary.to_str().unwrap()]);
    assert_user_error(&run, &["binary.toml", "the file is binary"]);

    let huge = dir.path().join("huge.toml");
    let line = "# padding padding padding padding padding padding padding padding padding\n";
    std::fs::write(&huge, line.repeat(50 * 1024 * 1024 / line.len())).unwrap();
    let run = bulwark(&["scenario", "check", huge.to_str().unwrap()]);
    assert_user_error(&run, &["huge.toml", "larger than the 1048576 bytes accepted"]);
}

#[test]
fn an_unknown_embedded_name_suggests_the_near_miss() {
    let run = bulwark(&["scenario", "check", "intel-cutt"]);
    assert_user_error(&run, &["no such embedded scenario", "did you mean `intel-cut`?"]);
}

// ---------------------------------------------------------------- assess

#[test]
fn assess_prints_the_five_axes_questions_and_verdict() {
    let run = bulwark(&["assess"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "Can Europe defend itself without the United States?",
        "1. Strategic assets",
        "2. Nuclear deterrence",
        "3. Financial base",
        "5. Multi-domain",
        "Q2 Can Europe stop Russia without the US?",
        "The answer in detail",
        "Timeline of closures",
        "Assumptions",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn assess_withdrawal_shows_gaps_costs_and_the_year_column() {
    let run = bulwark(&["assess", "--scenario", "us-full-withdrawal", "--year", "2030"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("closed by 2030"), "{}", run.stdout);
    assert!(run.stdout.contains("destroyers"), "{}", run.stdout);
    assert!(run.stdout.contains("Timeline of closures"), "{}", run.stdout);
    // With a five-year horizon, gaps that close after 2030 are shown open at its end.
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short.toml");
    std::fs::write(
        &short,
        "name = \"short\"\nextends = \"us-full-withdrawal\"\n[parameters.horizon_years]\nvalue = 5.0\nrationale = \"test\"\n",
    )
    .unwrap();
    let run = bulwark(&["assess", "--scenario", short.to_str().unwrap()]);
    assert!(run.stdout.contains("open in 2030"), "{}", run.stdout);
    let outside = bulwark(&["assess", "--year", "2200"]);
    assert_user_error(&outside, &["--year 2200 is outside the horizon"]);
}

#[test]
fn assess_json_follows_the_versioned_schema_and_is_deterministic() {
    let run = bulwark(&["assess", "--scenario", "us-conventional-withdrawal", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for key in [
        "\"schema\": \"bulwark.assessment/3\"",
        "\"axes\"",
        "\"lines\"",
        "\"budget\"",
        "\"totals\"",
        "\"assumptions\"",
        "\"overall\"",
        "\"eu_gdp_share\"",
        "\"name\": \"Readiness 2030 fiscal space beyond the path\"",
    ] {
        assert!(run.stdout.contains(key), "missing {key}");
    }
    // Negative zeros are written as 0 (a JSON number token `-0.0`, not `-0.05`).
    let tokens = run.stdout.split(|c: char| !(c.is_ascii_digit() || c == '-' || c == '.'));
    assert!(!tokens.into_iter().any(|token| token == "-0.0"), "a negative zero in the JSON");
    let again = bulwark(&["assess", "--scenario", "us-conventional-withdrawal", "--format", "json"]);
    assert_eq!(run.stdout, again.stdout);
}

/// Issue 9: every axis's figures and every answer reach the JSON as numbers under stable names,
/// not as formatted text, and they are the same numbers as the rest of the document.
#[test]
fn r9_axis_figures_and_answers_are_numbers_in_the_json() {
    let run = bulwark(&["assess", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Text in figures only names things (lines, states, bodies, levers, options) or says how a
    // band was made.
    const NAMES: [&str; 7] =
        ["lines_without_data", "state", "body", "band", "lever", "option_ids", "countries"];
    fn count_numbers(key: &str, value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::Number(_) => 1,
            serde_json::Value::String(text) => {
                assert!(NAMES.contains(&key), "`{key}` is text {text:?}, not a number");
                0
            }
            serde_json::Value::Array(items) => items.iter().map(|item| count_numbers(key, item)).sum(),
            serde_json::Value::Object(map) => map.iter().map(|(k, v)| count_numbers(k, v)).sum(),
            _ => 0,
        }
    }
    let axes = doc["axes"].as_array().unwrap();
    assert_eq!(axes.len(), 5);
    for axis in axes {
        assert!(axis["figures"].is_object(), "{}", axis["figures"]);
        let numbers = count_numbers("figures", &axis["figures"]);
        assert!(numbers >= 4, "axis {}: {numbers} numbers in {}", axis["number"], axis["figures"]);
    }
    let figures = |n: usize| &axes[n - 1]["figures"];
    assert_eq!(figures(3)["cost_to_close_eur_bn"], doc["totals"]["horizon_cost_eur_bn"]);
    assert_eq!(figures(3)["last_critical_gap_closes_year"], doc["totals"]["window_closes"]);
    assert!(figures(1)["iamd"]["leak_share_without_us"].as_f64().is_some_and(|s| (0.0..=1.0).contains(&s)));
    assert!(figures(2)["nuclear"]["credibility_without_us"].is_f64());
    assert_eq!(figures(4)["decision"]["required_hours"], serde_json::json!(72.0));
    assert!(figures(5)["domain_scores_without_us"]["land"].is_f64());
    for question in doc["questions"].as_array().unwrap() {
        assert!(count_numbers("figures", &question["figures"]) >= 3, "{question}");
        assert!(question["answer"].is_string(), "the English paragraph is still there: {question}");
    }
    let q2 = doc["questions"].as_array().unwrap().iter().find(|q| q["id"] == "Q2").unwrap();
    assert!(q2["figures"]["p_hold_without_us"].as_f64().is_some_and(|p| (0.0..=1.0).contains(&p)));
    assert!(q2["answer"].as_str().unwrap().starts_with("In a Russian attack on the Baltic states in 2030"));
}

#[test]
fn a_force_package_in_a_scenario_file_reaches_every_format() {
    let kiel = repo_root().join("scenarios/validation/kiel-bruegel-2025.toml");
    let kiel = kiel.to_str().unwrap();
    let json = bulwark(&["assess", "--scenario", kiel, "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let package = &document["force_package"];
    assert_eq!(package["brigades"], serde_json::json!(50.0));
    let tanks =
        package["lines"].as_array().unwrap().iter().find(|l| l["line"] == "main_battle_tanks").unwrap();
    assert!(tanks["quantity"].as_f64().is_some_and(|q| q > 0.0), "{tanks}");
    let table = bulwark(&["assess", "--scenario", kiel]);
    // Lines by name (review finding 6).
    assert!(table.stdout.contains("force package: Main battle tanks"), "{}", table.stdout);
    let baseline = bulwark(&["assess", "--format", "json"]);
    assert!(baseline.stdout.contains("\"force_package\": null"), "no package unless a scenario sets one");
}

#[test]
fn assess_writes_markdown_and_html_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let md = bulwark(&["assess", "--scenario", "intel-cut", "--format", "md", "--out", out]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let text = std::fs::read_to_string(dir.path().join("assessment.md")).unwrap();
    assert!(text.starts_with("# Bulwark assessment: scenario `intel-cut`"), "{text}");
    assert!(text.contains("| --- |"), "markdown tables");
    let html = bulwark(&["assess", "--format", "html", "--out", out]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = std::fs::read_to_string(dir.path().join("assessment.html")).unwrap();
    assert!(page.contains("<svg") && page.contains("id=\"summary\""), "an HTML report with charts");
}

#[test]
fn assess_compare_shows_what_moved() {
    let run = bulwark(&["assess", "--compare", "baseline", "us-full-withdrawal"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Bulwark comparison: `baseline` against `us-full-withdrawal`"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("coverage destroyers, with the US"), "{}", run.stdout);
    // r9: the inputs that differ, and the input behind each change.
    assert!(run.stdout.contains("Inputs that differ"), "{}", run.stdout);
    assert!(run.stdout.contains("us_posture.conventional"), "{}", run.stdout);
    let json = bulwark(&["assess", "--compare", "baseline", "intel-cut", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["schema"], "bulwark.comparison/2");
    let inputs: Vec<&str> =
        doc["inputs"].as_array().unwrap().iter().map(|i| i["input"].as_str().unwrap()).collect();
    assert!(inputs.contains(&"us_posture.intelligence"), "{inputs:?}");
    let moved = doc["figures"].as_array().unwrap();
    assert!(!moved.is_empty());
    assert!(moved.iter().any(|f| f["drivers"][0]["input"] == "us_posture.intelligence"), "{moved:?}");
    let html = bulwark(&["assess", "--compare", "baseline", "intel-cut", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(
        html.stdout.starts_with("<!DOCTYPE html>") && html.stdout.contains("id=\"inputs\""),
        "{}",
        html.stdout
    );
}

/// r9: `--year` changes every format, not only the terminal table.
#[test]
fn assess_year_works_in_every_format() {
    for format in ["table", "md", "json", "html"] {
        let plain = bulwark(&["assess", "--scenario", "us-full-withdrawal", "--format", format]);
        let year =
            bulwark(&["assess", "--scenario", "us-full-withdrawal", "--format", format, "--year", "2030"]);
        assert_eq!(year.code, 0, "{format}: {}", year.stderr);
        assert_ne!(plain.stdout, year.stdout, "{format}: --year changed nothing");
        assert!(year.stdout.contains("2030"), "{format}");
    }
    let json = bulwark(&["assess", "--scenario", "us-full-withdrawal", "--format", "json", "--year", "2030"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["year"]["year"], 2030);
    assert!(!doc["year"]["lines"].as_array().unwrap().is_empty());
}

/// r9: a report is headed by its own scenario's description and says what Europe alone lacks.
#[test]
fn assess_opens_with_europe_alone_and_its_own_description() {
    let run = bulwark(&["assess"]);
    let head: String = run.stdout.lines().take(12).collect::<Vec<_>>().join("\n");
    assert!(head.contains("without the United States, European NATO and the EU"), "{head}");
    assert!(head.contains("Most missing are"), "{head}");
    assert!(head.contains("includes Turkey"), "{head}");
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("own.toml");
    std::fs::write(&own, "name = \"own\"\nextends = \"baseline\"\n[us_posture]\nintelligence = 0.5\n")
        .unwrap();
    let run = bulwark(&["assess", "--scenario", own.to_str().unwrap()]);
    assert!(!run.stdout.contains("as of January 2026"), "inherited the baseline's description");
    assert!(run.stdout.contains("50 % of its intelligence sharing"), "{}", run.stdout);
}

#[test]
fn assess_refuses_a_bad_scenario_with_its_location() {
    let path = bad_inputs().join("scenarios/fraction-above-one.toml");
    let run = bulwark(&["assess", "--scenario", path.to_str().unwrap()]);
    assert_user_error(&run, &["fraction-above-one.toml:3:9", "outside the range of unit `fraction`"]);
}

// ---------------------------------------------------------------- fit, bench, merge

#[test]
fn fit_lanchester_recovers_the_iwo_jima_least_squares_coefficients() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../bulwark-models/testdata/iwo_jima_engel1954_us_daily.csv");
    let args = [
        "fit",
        "lanchester",
        file.to_str().unwrap(),
        "--time",
        "day_end",
        "--blue",
        "us_strength_actual_men",
        "--reinforcements",
        "us_landed_on_day_men",
        "--start",
        "0",
        "--blue-initial",
        "0",
        "--red-initial",
        "21500",
    ];
    let run = bulwark(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Free least squares on the US series (shared/validation/README.md): a = 0.0606, b = 0.0122.
    assert!(run.stdout.contains("a (Blue losses)    0.061"), "{}", run.stdout);
    assert!(run.stdout.contains("b (Red losses)     0.0122"), "{}", run.stdout);
    let csv = bulwark(&[&args[..], &["--format", "csv"]].concat());
    assert!(
        csv.stdout.starts_with("kind,time,blue,red\n") && csv.stdout.contains("residual,"),
        "{}",
        csv.stdout
    );
}

#[test]
fn fit_lanchester_names_a_misspelt_column() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../bulwark-models/testdata/iwo_jima_engel1954_us_daily.csv");
    let run = bulwark(&["fit", "lanchester", file.to_str().unwrap(), "--blue", "us_strength_actal_men"]);
    assert_user_error(
        &run,
        &["iwo_jima_engel1954_us_daily.csv:1:1", "did you mean `us_strength_actual_men`?"],
    );
}

#[test]
fn bench_output_is_identical_for_any_thread_count_and_shard_split() {
    let whole: Vec<String> = ["1", "2", "8"]
        .iter()
        .map(|threads| {
            let run = bulwark(&[
                "bench",
                "attrition",
                "--runs",
                "20000",
                "--seed",
                "3",
                "--threads",
                threads,
                "--quiet",
            ]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            run.stdout
        })
        .collect();
    assert!(whole.windows(2).all(|w| w[0] == w[1]), "{whole:#?}");
    assert!(whole[0].contains("share blue breaks"));
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for k in 1..=3 {
        let file = dir.path().join(format!("shard{k}.txt"));
        let shard = format!("{k}/3");
        let run = bulwark(&[
            "bench",
            "attrition",
            "--runs",
            "20000",
            "--seed",
            "3",
            "--shard",
            &shard,
            "--out",
            file.to_str().unwrap(),
            "--quiet",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        files.push(file.to_str().unwrap().to_string());
    }
    files.reverse();
    let merge_args: Vec<&str> = std::iter::once("merge").chain(files.iter().map(String::as_str)).collect();
    let merged = bulwark(&merge_args);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert_eq!(merged.stdout, whole[0]);
}

#[test]
fn simulate_runs_each_model_and_is_identical_across_threads_and_shards() {
    for model in ["baltic", "threat", "iamd", "nuclear", "decision"] {
        let one = bulwark(&["simulate", model, "--runs", "64", "--threads", "1", "--quiet"]);
        assert_eq!(one.code, 0, "{model}: {}", one.stderr);
        assert!(
            one.stdout.starts_with(&format!("bulwark simulate {model}: scenario `baseline`")),
            "{}",
            one.stdout
        );
        let two = bulwark(&["simulate", model, "--runs", "64", "--threads", "2", "--quiet"]);
        assert_eq!(one.stdout, two.stdout, "{model}: thread count changed the result");
    }
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("runs.csv");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let whole = bulwark(&["simulate", "nuclear", "--runs", "50", "--quiet", "--out", csv.to_str().unwrap()]);
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(rows.starts_with("run,credibility,"), "{rows}");
    assert_eq!(rows.lines().count(), 51, "a header and one row per run");
    for (shard, file) in [("1/2", &a), ("2/2", &b)] {
        let run = bulwark(&[
            "simulate",
            "nuclear",
            "--runs",
            "50",
            "--quiet",
            "--shard",
            shard,
            "--summary",
            file.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let merged = bulwark(&["merge", b.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let table = |text: &str| text.lines().skip(1).map(String::from).collect::<Vec<_>>();
    assert_eq!(table(&merged.stdout), table(&whole.stdout), "merged shards equal the whole run");
}

/// Review finding 1: a time to an event that may not come within the horizon (IAMD's day the
/// magazine runs out, 31 coding "lasted the 30 days"; the campaign's hours to the objective,
/// 1441 coding "held") is reported as censored: a count and share beyond the horizon, the mean
/// over the runs where it came (never above the horizon), and `> horizon` for a censored
/// percentile; two shards merge to the whole, censored counts included.
#[test]
fn simulate_reports_runs_beyond_the_horizon_as_censored_and_merges_them_exactly() {
    let dir = tempfile::tempdir().unwrap();
    for (model, metric, horizon) in
        [("iamd", "upper_tier_runs_out_day", 30.0), ("baltic", "hours_to_objective", 1440.0)]
    {
        let whole = bulwark(&["simulate", model, "--runs", "200", "--quiet"]);
        assert_eq!(whole.code, 0, "{}", whole.stderr);
        let beyond = simulated_cell(&whole.stdout, metric, "beyond horizon");
        let count: u64 = simulated_cell(&whole.stdout, metric, "count").parse().unwrap();
        let n_beyond: u64 = beyond.split(' ').next().unwrap().parse().unwrap();
        assert!(n_beyond > 0 && count + n_beyond == 200, "{model}: {}", whole.stdout);
        let mean = simulated_mean(&whole.stdout, metric);
        let max: f64 = simulated_cell(&whole.stdout, metric, "max").parse().unwrap();
        assert!(mean <= horizon && max <= horizon, "{model}: the sentinel entered the statistics");
        assert_eq!(simulated_cell(&whole.stdout, metric, "p95"), format!("> {horizon}"), "{}", whole.stdout);
        assert!(whole.stdout.contains(&format!("{metric}: {n_beyond} of 200 runs (")), "{}", whole.stdout);
        let shards: Vec<String> = ["1/2", "2/2"]
            .iter()
            .map(|shard| {
                let file = dir.path().join(format!("{model}-{}.txt", shard.replace('/', "-")));
                let path = file.to_str().unwrap().to_string();
                let run = bulwark(&[
                    "simulate",
                    model,
                    "--runs",
                    "200",
                    "--quiet",
                    "--shard",
                    shard,
                    "--summary",
                    &path,
                ]);
                assert_eq!(run.code, 0, "{}", run.stderr);
                path
            })
            .collect();
        let text = std::fs::read_to_string(&shards[0]).unwrap();
        assert!(
            text.contains(&format!("metric {metric} integer"))
                && text.contains(&format!(" horizon {horizon}\n")),
            "{text}"
        );
        let merged = bulwark(&["merge", &shards[1], &shards[0]]);
        assert_eq!(merged.code, 0, "{}", merged.stderr);
        let table = |text: &str| text.lines().skip(1).map(String::from).collect::<Vec<_>>();
        assert_eq!(table(&merged.stdout), table(&whole.stdout), "{model}: merged shards equal the whole run");
    }
}

/// Review finding 1 (second review): `simulate threat`'s readiness clocks coded "not within the
/// projection" as 30 years and averaged it. A clock is now a censored time: the table gives the
/// runs beyond the horizon (29 years from the start) with their share, the mean and the
/// extremes over the runs that reach the force, `> 29` for a censored percentile, a note in
/// words, and the sentinel 30 nowhere in the clock's row.
#[test]
fn review_1_simulate_threat_reports_clocks_never_reached_as_censored() {
    let run = bulwark(&["simulate", "threat", "--runs", "200", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let metric = "clock_large_years";
    let beyond = simulated_cell(&run.stdout, metric, "beyond horizon");
    let n_beyond: u64 = beyond.split(' ').next().unwrap().parse().unwrap();
    let count: u64 = simulated_cell(&run.stdout, metric, "count").parse().unwrap();
    assert!(n_beyond > 0 && count + n_beyond == 200, "{}", run.stdout);
    assert!(beyond.contains('%'), "{beyond}");
    assert_eq!(simulated_cell(&run.stdout, metric, "p95"), "> 29", "{}", run.stdout);
    if count > 0 {
        assert!(simulated_mean(&run.stdout, metric) <= 29.0, "{}", run.stdout);
    }
    let row = run.stdout.lines().find(|l| l.starts_with(metric)).unwrap();
    assert!(!row.split_whitespace().any(|cell| cell.trim_start_matches('>') == "30"), "{row}");
    assert!(run.stdout.contains(&format!("{metric}: {n_beyond} of 200 runs (")), "{}", run.stdout);
}

/// Issue 12: the threat trajectory and the campaign of a given year, byte-identical for one and
/// two threads and for two shards merged; `--year` moves Russia's force and is checked.
#[test]
fn simulate_threat_and_baltic_year_are_identical_across_threads_and_shards() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [&[&str]; 2] =
        [&["simulate", "threat", "--runs", "90"], &["simulate", "baltic", "--runs", "90", "--year", "2028"]];
    for case in cases {
        let args = |extra: &[&str]| -> Vec<String> {
            case.iter().chain(extra).chain(&["--quiet"]).map(|arg| arg.to_string()).collect()
        };
        let run = |extra: &[&str]| {
            let owned = args(extra);
            let borrowed: Vec<&str> = owned.iter().map(String::as_str).collect();
            bulwark(&borrowed)
        };
        let one = run(&["--threads", "1"]);
        assert_eq!(one.code, 0, "{case:?}: {}", one.stderr);
        assert_eq!(run(&["--threads", "2"]).stdout, one.stdout, "{case:?}: thread count changed the result");
        let files: Vec<String> = (1..=2)
            .map(|k| dir.path().join(format!("{}-{k}.txt", case[1])).to_str().unwrap().to_string())
            .collect();
        for (k, file) in files.iter().enumerate() {
            let shard = format!("{}/2", k + 1);
            let part = run(&["--shard", &shard, "--summary", file]);
            assert_eq!(part.code, 0, "{}", part.stderr);
        }
        let merged = bulwark(&["merge", &files[1], &files[0]]);
        assert_eq!(merged.code, 0, "{}", merged.stderr);
        let table = |text: &str| text.lines().skip(1).map(String::from).collect::<Vec<_>>();
        assert_eq!(table(&merged.stdout), table(&one.stdout), "{case:?}: merged shards equal the whole run");
    }
    let threat = bulwark(&["simulate", "threat", "--runs", "90", "--quiet"]);
    assert!(
        threat.stdout.contains("clock_regional_years") && threat.stdout.contains("battalions_2030"),
        "{}",
        threat.stdout
    );
    // Russia tied down in Ukraine in 2026 sends fewer battalions than in 2032.
    let early = bulwark(&["simulate", "baltic", "--runs", "200", "--year", "2026", "--quiet"]);
    let late = bulwark(&["simulate", "baltic", "--runs", "200", "--year", "2032", "--quiet"]);
    assert_ne!(early.stdout, late.stdout);
    let held = |text: &str| -> f64 {
        let line = text.lines().find(|l| l.starts_with("held ")).unwrap_or_else(|| panic!("{text}"));
        line.split_whitespace().nth(3).unwrap().parse().unwrap()
    };
    assert!(held(&early.stdout) > held(&late.stdout), "{}\n{}", early.stdout, late.stdout);
    let bad = bulwark(&["simulate", "iamd", "--year", "2030"]);
    assert_user_error(&bad, &["`--year` does not apply to model `iamd`"]);
    let out_of_range = bulwark(&["simulate", "baltic", "--year", "1800"]);
    assert_user_error(&out_of_range, &["year 1800 is out of range"]);
}

#[test]
fn simulate_names_an_unknown_model() {
    let run = bulwark(&["simulate", "baltik"]);
    assert_user_error(&run, &["unknown model `baltik`", "did you mean `baltic`?"]);
}

#[test]
fn simulate_writes_per_run_results_as_parquet() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.parquet");
    let run = bulwark(&["simulate", "baltic", "--runs", "40", "--quiet", "--out", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let columns: Vec<&str> = schema.columns().iter().map(|c| c.name()).collect();
    assert_eq!(columns.first(), Some(&"run"));
    assert!(columns.contains(&"hours_to_objective") && columns.last() == Some(&"failure"), "{columns:?}");
    let runs: Vec<i64> =
        reader.get_row_iter(None).unwrap().map(|row| row.unwrap().get_long(0).unwrap()).collect();
    assert_eq!(runs, (0..40).collect::<Vec<i64>>(), "one row per run, in run order");
    let bad = bulwark(&["simulate", "baltic", "--runs", "4", "--quiet", "--out", "results.xlsx"]);
    assert_user_error(&bad, &["per-run results are written as .csv or .parquet"]);
}

#[test]
fn simulate_lets_the_user_choose_the_sampler() {
    let mc = bulwark(&["simulate", "nuclear", "--runs", "64", "--quiet", "--sampler", "mc"]);
    let lhs = bulwark(&["simulate", "nuclear", "--runs", "64", "--quiet", "--sampler", "lhs"]);
    assert_eq!(mc.code, 0, "{}", mc.stderr);
    assert_eq!(lhs.code, 0, "{}", lhs.stderr);
    assert_ne!(mc.stdout, lhs.stdout, "a Latin hypercube draws other values than plain Monte Carlo");
    let default = bulwark(&["simulate", "nuclear", "--runs", "64", "--quiet"]);
    assert_eq!(default.stdout, mc.stdout, "the nuclear model samples by Monte Carlo unless told otherwise");
    let bad = bulwark(&["simulate", "nuclear", "--sampler", "sobol"]);
    assert_user_error(&bad, &["--sampler", "unknown sampler `sobol`; expected mc or lhs"]);
}

/// The cell of `column` in `metric`'s row of a `simulate` summary table, read by the column's
/// span in the rule of dashes under the header (a cell may be empty or hold spaces).
fn simulated_cell(table: &str, metric: &str, column: &str) -> String {
    let lines: Vec<&str> = table.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("metric ")).unwrap();
    let (header, rule) = (lines[at], lines[at + 1]);
    let mut spans = Vec::new();
    let mut start = None;
    for (idx, c) in rule.char_indices().chain([(rule.len(), ' ')]) {
        match (c, start) {
            ('-', None) => start = Some(idx),
            (' ', Some(from)) => {
                spans.push(from..idx);
                start = None;
            }
            _ => {}
        }
    }
    let span = spans
        .into_iter()
        .find(|span| header.get(span.clone()).map(str::trim) == Some(column))
        .unwrap_or_else(|| panic!("no column {column}"));
    let row = lines.iter().find(|l| l.split_whitespace().next() == Some(metric)).unwrap();
    row.get(span.start..span.end.min(row.len())).unwrap_or("").trim().to_string()
}

/// The mean of `metric` in a `simulate` summary table (the "mean" column).
fn simulated_mean(table: &str, metric: &str) -> f64 {
    simulated_cell(table, metric, "mean").parse().unwrap()
}

/// r9: `assess` and `simulate` give the same number for the same question, for every simulator
/// whose figure the assessment reports from its own ensemble.
#[test]
fn assess_and_simulate_agree_on_the_same_question() {
    let assess = bulwark(&["assess", "--format", "json"]);
    assert_eq!(assess.code, 0, "{}", assess.stderr);
    let doc: serde_json::Value = serde_json::from_str(&assess.stdout).unwrap();
    let decision = bulwark(&["simulate", "decision", "--runs", "4000", "--quiet"]);
    assert_eq!(decision.code, 0, "{}", decision.stderr);
    for (json, metric) in [("p_in_time_without_us", "in_time_without_us"), ("p_in_time_with_us", "in_time")] {
        let assessed = doc["decision"][json].as_f64().unwrap();
        let simulated = simulated_mean(&decision.stdout, metric);
        assert!(
            (assessed - simulated).abs() < 5e-5,
            "decision {json}: assess {assessed}, simulate {simulated}"
        );
    }
    let iamd = bulwark(&["simulate", "iamd", "--runs", "2000", "--quiet"]);
    assert_eq!(iamd.code, 0, "{}", iamd.stderr);
    for (json, metric) in [
        ("leak_fraction", "leak_fraction"),
        ("leak_fraction_without_us", "leak_fraction_without_us"),
        ("runs_out_day_without_us", "upper_tier_runs_out_day_without_us"),
    ] {
        let range = &doc["iamd"]["ranges"][json];
        // A time that may not come within the horizon: the mean over the runs where it came.
        let assessed = range["central"].as_f64().or(range["among_events"]["central"].as_f64()).unwrap();
        let simulated = simulated_mean(&iamd.stdout, metric);
        assert!(
            (assessed - simulated).abs() < 5e-4 * simulated.abs().max(1.0),
            "iamd {json}: assess {assessed}, simulate {simulated}"
        );
    }
    let runs = doc["nuclear"]["ranges"]["n_runs"].as_u64().unwrap().to_string();
    let nuclear = bulwark(&["simulate", "nuclear", "--runs", &runs, "--quiet"]);
    assert_eq!(nuclear.code, 0, "{}", nuclear.stderr);
    for metric in ["credibility", "credibility_without_us"] {
        let assessed = doc["nuclear"]["ranges"][metric]["central"].as_f64().unwrap();
        let simulated = simulated_mean(&nuclear.stdout, metric);
        // The table prints four decimals.
        assert!(
            (assessed - simulated).abs() < 5e-5,
            "nuclear {metric}: assess {assessed}, simulate {simulated}"
        );
    }
}

/// Every axis the baseline scores carries the band of Europe's own score, in every format.
#[test]
fn every_assessed_axis_has_a_band_in_every_format() {
    let json = bulwark(&["assess", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let axes = doc["axes"].as_array().unwrap();
    let assessed: Vec<&serde_json::Value> = axes.iter().filter(|a| a["status"] == "assessed").collect();
    assert_eq!(assessed.len(), 5, "the baseline scores all five axes");
    for axis in &assessed {
        let band = &axis["score_without_us_range"];
        let (low, high) = (band["low"].as_f64().unwrap(), band["high"].as_f64().unwrap());
        assert!((0.0..=1.0).contains(&low) && low <= high && high <= 1.0, "{axis}");
    }
    let text = bulwark(&["assess"]).stdout;
    let md = bulwark(&["assess", "--format", "md"]).stdout;
    for out in [&text, &md] {
        let headlines = out.lines().filter(|l| l.starts_with("Europe alone:")).collect::<Vec<_>>();
        assert_eq!(headlines.len(), 5, "{out}");
        assert!(
            headlines.iter().all(|l| l.contains("p5–p95") || l.contains("90 % interval")),
            "{headlines:?}"
        );
        // A band that is a point says so instead of printing "0.74–0.74".
        for line in &headlines {
            let band = line.split("p5–p95 ").nth(1).unwrap_or("").split([',', ')', ';']).next().unwrap_or("");
            let ends: Vec<&str> = band.split('–').collect();
            assert!(ends.len() != 2 || ends[0] != ends[1] || band.is_empty(), "{line}");
            assert!(ends.len() == 2 || line.contains("no spread") || !line.contains("p5–p95"), "{line}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let html = bulwark(&["assess", "--format", "html", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = std::fs::read_to_string(dir.path().join("assessment.html")).unwrap();
    // Page 1's verdict table gives the band of each test's Europe-alone score.
    let axes_table = &page[page.find("id=\"summary\"").unwrap()..];
    let axes_table = &axes_table[..axes_table.find("</table>").unwrap()];
    let bands = axes_table.matches("p5–p95").count() + axes_table.matches("90 % interval").count();
    assert_eq!(bands, 5, "{axes_table}");
}

/// Issue 12: the assessment's Baltic campaign (the scenario's US posture, Europe's forces and
/// Russia's force of `campaign_year`) is the ensemble `simulate baltic` runs with the same
/// seed and run count, so P(hold) through the horizon agrees exactly (same draws, exact sums).
#[test]
fn assess_and_simulate_baltic_agree_on_p_hold() {
    let assess = bulwark(&["assess", "--format", "json"]);
    assert_eq!(assess.code, 0, "{}", assess.stderr);
    let doc: serde_json::Value = serde_json::from_str(&assess.stdout).unwrap();
    let with_us = &doc["campaign"]["with_us"];
    let runs = with_us["runs"].as_u64().unwrap().to_string();
    let by_day = with_us["p_hold_by_day"].as_array().unwrap();
    let assessed = by_day.last().and_then(|p| p.as_f64()).unwrap();
    let year = doc["window"]["campaign_year"].as_u64().unwrap().to_string();
    let baltic = bulwark(&["simulate", "baltic", "--runs", &runs, "--year", &year, "--quiet"]);
    assert_eq!(baltic.code, 0, "{}", baltic.stderr);
    let simulated = simulated_mean(&baltic.stdout, "held");
    // The summary prints four decimals: agreement to half a unit of the last one.
    assert!(
        (assessed - simulated).abs() < 5e-5,
        "P(hold) at the horizon: assess {assessed}, simulate {simulated}"
    );
    // Not a coincidence of two ensembles that always hold or always fall.
    assert!(assessed > 0.05 && assessed < 0.999, "{assessed}");
}

/// r9: a model that cannot run on the inputs fails the command; it never exits 0 with every
/// run failed (here the dataset lacks France's nuclear spending, which prices French options).
#[test]
fn simulate_fails_when_every_run_fails() {
    let dir = tempfile::tempdir().unwrap();
    let data = repo_root().join("data/baseline-2026-01");
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let nuclear = dir.path().join("nuclear.csv");
    let kept: String = std::fs::read_to_string(&nuclear)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("FRA,all,annual_cost"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&nuclear, kept).unwrap();
    let run =
        bulwark(&["simulate", "nuclear", "--data", dir.path().to_str().unwrap(), "--runs", "10", "--quiet"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("every run of `nuclear` failed"), "{}", run.stderr);
}

// ---------------------------------------------------------------- explore

#[path = "cli/explore.rs"]
mod explore;

// ---------------------------------------------------------------- robustness (issue 10)

#[path = "cli/robustness.rs"]
mod robustness;

// ---------------------------------------------------------------- nuclear

#[path = "cli/nuclear.rs"]
mod nuclear;

// ---------------------------------------------------------------- Slurm job arrays (issue 17)

#[path = "cli/slurm.rs"]
mod slurm;

/// Issue 16: `simulate --format html` is a page with each outcome's distribution and the run
/// settings, the same bytes for any thread count.
#[test]
fn simulate_writes_an_html_page_with_distributions_and_settings() {
    let args = |threads: &'static str| {
        ["simulate", "baltic", "--runs", "64", "--seed", "11", "--sampler", "lhs", "--threads", threads]
            .into_iter()
            .chain(["--quiet", "--format", "html"])
            .collect::<Vec<_>>()
    };
    let one = bulwark(&args("1"));
    assert_eq!(one.code, 0, "{}", one.stderr);
    let page = &one.stdout;
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    for needle in ["<td>11</td>", "<td>lhs</td>", "<td>baseline</td>", "<td>baltic</td>", "64 / 64"] {
        assert!(page.contains(needle), "{needle}");
    }
    let n_charts = page.matches("<svg").count();
    assert!(n_charts >= 2, "one distribution per outcome: {n_charts}");
    assert_eq!(page.matches("class=\"axis-title\"").count(), 2 * n_charts, "x and y titles on every chart");
    assert!(!page.contains("NaN") && !page.contains("<script"));
    assert_eq!(bulwark(&args("2")).stdout, one.stdout, "thread count changes nothing");
}
// ---------------------------------------------------------------- languages (issue 16)

#[path = "cli/i18n.rs"]
mod i18n;

/// The provenance manifest on every output (issue 17).
#[path = "cli/provenance.rs"]
mod provenance;
