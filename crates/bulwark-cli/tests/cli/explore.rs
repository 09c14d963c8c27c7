//! End-to-end tests of `bulwark explore` (issue 13): validation on the test functions, byte
//! identity across threads and shards, the per-run Parquet file, reports and name checks.

use super::{assert_user_error, bulwark};

/// Issue 13's validation through the binary: Sobol indices of Ishigami (a = 7, b = 0.1) at
/// N = 2^13 within 0.02 of the analytic S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424,
/// 0.2437 (Ishigami and Homma 1990), with intervals in the JSON.
#[test]
fn explore_sobol_of_ishigami_matches_the_analytic_indices() {
    let run = bulwark(&[
        "explore",
        "sobol",
        "--model",
        "ishigami",
        "--runs",
        "8192",
        "--resamples",
        "50",
        "--format",
        "json",
        "-q",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["schema"], "bulwark.explore/1");
    let indices = json["analysis"]["indices"].as_array().unwrap();
    let expected = [(0.3139, 0.5576), (0.4424, 0.4424), (0.0, 0.2437)];
    for (index, (first, total)) in indices.iter().zip(expected) {
        let value = |kind: &str, key: &str| index[kind][key].as_f64().unwrap();
        assert!((value("first", "value") - first).abs() < 0.02, "{index}");
        assert!((value("total", "value") - total).abs() < 0.02, "{index}");
        assert!(
            value("total", "low") <= value("total", "value")
                && value("total", "value") <= value("total", "high")
        );
    }
}

/// Issue 13: same seed ⇒ same bytes for 1, 2 and 8 threads, and for any shard split merged
/// back, both of the report and of the per-run Parquet file.
#[test]
fn explore_is_identical_across_threads_and_shards() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let args = [
        "explore",
        "morris",
        "--outcome",
        "baltic.hours_to_objective",
        "--runs",
        "6",
        "--format",
        "json",
        "-q",
    ];
    let with = |extra: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend_from_slice(extra);
        let run = bulwark(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    let whole_path = path("whole.parquet");
    let one = with(&["--threads", "1", "--out", &whole_path]);
    assert_eq!(with(&["--threads", "2"]), one);
    assert_eq!(with(&["--threads", "8"]), one);
    let shards: Vec<String> = (1..=3).map(|k| path(&format!("part{k}.parquet"))).collect();
    for (k, shard) in shards.iter().enumerate() {
        let spec = format!("{}/3", k + 1);
        let run = bulwark(&[&args[..], &["--shard", &spec, "--out", shard]].concat());
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("written to"), "{}", run.stdout);
    }
    let merged_path = path("merged.parquet");
    let mut merge: Vec<&str> = vec!["--threads", "2", "--out", &merged_path, "--merge"];
    merge.extend(shards.iter().rev().map(String::as_str));
    assert_eq!(with(&merge), one);
    assert_eq!(std::fs::read(&merged_path).unwrap(), std::fs::read(&whole_path).unwrap());
    // A shard missing, or one from another design, is refused.
    let run = bulwark(&[&args[..], &["--merge", &shards[0], &shards[1]]].concat());
    assert_user_error(&run, &["is in no shard file"]);
    let run = bulwark(&[&args[..], &["--seed", "3", "--merge", &shards[0], &shards[1], &shards[2]]].concat());
    assert_user_error(&run, &["the shard differs in its seed"]);
    // Sobol's bootstrap intervals too.
    let sobol = |threads: &str| {
        let run = bulwark(&[
            "explore",
            "sobol",
            "--model",
            "gfunction",
            "--runs",
            "128",
            "--threads",
            threads,
            "--format",
            "json",
            "-q",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    assert_eq!(sobol("1"), sobol("8"));
}

#[test]
fn explore_writes_inputs_and_every_outcome_per_run_as_parquet() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.parquet");
    let run = bulwark(&[
        "explore",
        "prim",
        // Without the US the defence fails in some runs even with two parameters drawn (with
        // it, Russia's force of the campaign year rarely breaks through, and PRIM needs cases).
        "--scenario",
        "us-full-withdrawal",
        "--outcome",
        "baltic.held_day_28",
        "--params",
        "campaign_red_first_echelon_share,campaign_warning_days",
        "--runs",
        "300",
        "-q",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 300);
    let names: Vec<String> = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names[..3], ["run", "campaign_red_first_echelon_share", "campaign_warning_days"]);
    assert!(
        names.contains(&"baltic_held_day_28".to_string()) && names.contains(&"baltic_red_losses".to_string())
    );
    assert_eq!(names.last().unwrap(), "failure");
}

#[test]
fn explore_prim_on_the_campaign_prints_a_box_and_its_trade_off() {
    let run = bulwark(&[
        "explore",
        "prim",
        "--scenario",
        "us-full-withdrawal",
        "--outcome",
        "baltic.held_day_28",
        "--runs",
        "2000",
        "-q",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("case of interest `baltic.held_day_28 = 0`"), "{}", run.stdout);
    assert!(
        run.stdout.contains("restricted parameter") && run.stdout.contains("Peeling trajectory"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("Chosen box: trajectory index 0,"),
        "the default picks a box narrower than all runs"
    );
    let html = bulwark(&[
        "explore",
        "prim",
        "--scenario",
        "us-full-withdrawal",
        "--outcome",
        "baltic.held_day_28",
        "--runs",
        "500",
        "-q",
        "--format",
        "html",
    ]);
    assert!(
        html.stdout.contains("<svg")
            && html.stdout.contains("coverage (share of the cases of interest inside the box)")
    );
    assert!(!html.stdout.contains("NaN"));
}

#[test]
fn explore_charts_have_axis_titles_with_units() {
    let morris =
        bulwark(&["explore", "morris", "--model", "gfunction", "--runs", "10", "-q", "--format", "html"]);
    assert_eq!(morris.code, 0, "{}", morris.stderr);
    assert!(morris.stdout.contains("μ*, mean absolute elementary effect (1 per unit of probability)"));
    let sobol =
        bulwark(&["explore", "sobol", "--model", "ishigami", "--runs", "64", "-q", "--format", "html"]);
    assert!(
        sobol.stdout.contains("Sobol index (share of the outcome&#39;s variance, 0–1)")
            || sobol.stdout.contains("Sobol index (share of the outcome's variance, 0–1)"),
        "{}",
        sobol.stdout
    );
    let md = bulwark(&["explore", "sobol", "--model", "ishigami", "--runs", "64", "-q", "--format", "md"]);
    assert!(md.stdout.starts_with("# bulwark explore sobol") && md.stdout.contains("| x1 "), "{}", md.stdout);
}

#[test]
fn explore_names_are_checked_with_did_you_mean() {
    assert_user_error(
        &bulwark(&["explore", "sobol", "--outcome", "baltic.held_day28"]),
        &["unknown outcome", "baltic.held_day_28"],
    );
    assert_user_error(
        &bulwark(&["explore", "sobol", "--outcome", "baltic.held", "--params", "campaign_red_folowon_share"]),
        &["unknown parameter", "campaign_red_followon_share"],
    );
    assert_user_error(
        &bulwark(&["explore", "sobol", "--outcome", "baltic.held", "--params", "nuclear_reversal_usa"]),
        &["not read by the `baltic` model"],
    );
    assert_user_error(&bulwark(&["explore", "sobol", "--model", "ishigam"]), &["did you mean `ishigami`"]);
    assert_user_error(
        &bulwark(&["explore", "sobol", "--model", "ishigami", "--confidence", "NaN"]),
        &["confidence"],
    );
    assert_user_error(
        &bulwark(&["explore", "prim", "--outcome", "baltic.hours_to_objective", "--runs", "50"]),
        &["--below X or --above X"],
    );
}

#[test]
fn explore_list_names_parameters_and_outcomes_with_units() {
    let run = bulwark(&["explore", "list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "baltic.held_day_28",
        "0/1",
        "nuclear.credibility",
        "iamd.leakers",
        "assessment.horizon_cost_eur_bn",
        "assessment.window_closes_year",
        "operating_cost_fraction",
        "campaign_red_first_echelon_share",
        "fraction",
    ] {
        assert!(run.stdout.contains(needle), "{needle}: {}", run.stdout);
    }
}

/// Issue 13's levers: the same draws with and without each lever of the scenario, the change
/// per EUR bn, and byte-identical output for 1 and 2 threads.
#[test]
fn explore_levers_compare_the_scenario_levers_per_eur_bn() {
    let args = |threads: &'static str| {
        [
            "explore",
            "levers",
            "--scenario",
            "us-full-withdrawal",
            "--outcome",
            "iamd.leakers_without_us",
            "--runs",
            "200",
            "--resamples",
            "100",
            "--threads",
            threads,
            "--format",
            "json",
        ]
    };
    let run = bulwark(&args("1"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, bulwark(&args("2")).stdout, "thread count changed the bytes");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["method"], "levers");
    let levers = json["analysis"]["levers"].as_array().unwrap();
    let lever = |name: &str| levers.iter().find(|l| l["lever"] == name).unwrap_or_else(|| panic!("{name}"));
    let buy = lever("interceptor_buy");
    assert_eq!(buy["cost_source"], "devdiscourse-patriot-europe-2025");
    let leakers = buy["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["outcome"] == "iamd.leakers_without_us")
        .unwrap();
    let change = leakers["change"]["value"].as_f64().unwrap();
    let per_bn = leakers["change_per_eur_bn"]["value"].as_f64().unwrap();
    assert!(change < 0.0, "more interceptors, fewer leakers: {leakers}");
    assert!((per_bn * buy["cost_eur_bn"].as_f64().unwrap() - change).abs() < 1e-6);
    // A brigade in the Baltic does not move the air-defence model.
    assert!(lever("forward_heavy_brigade")["outcomes"].as_array().unwrap().is_empty());
    let table = bulwark(&[
        "explore",
        "levers",
        "--scenario",
        "us-full-withdrawal",
        "--outcome",
        "baltic.held_day_28",
        "--runs",
        "100",
        "-q",
    ]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table.stdout.contains("forward_heavy_brigade") && table.stdout.contains("no budget cost"),
        "{}",
        table.stdout
    );
}

#[test]
fn explore_levers_refuse_bad_levers_where_they_are_written() {
    assert_user_error(
        &bulwark(&["explore", "levers", "--outcome", "iamd.leakers", "--levers", "interceptor_bye"]),
        &["unknown lever", "did you mean `interceptor_buy`"],
    );
    assert_user_error(
        &bulwark(&["explore", "levers", "--outcome", "iamd.leakers", "--shard", "1/2"]),
        &["without --model, --shard"],
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad-lever.toml");
    std::fs::write(
        &file,
        "name = \"bad\"\n[levers.more_tanks]\ncost_eur_bn = 1.0\nrationale = \"r\"\nadd = { campaign_inplace_hevy_bn = 3.0 }\n",
    )
    .unwrap();
    assert_user_error(
        &bulwark(&["scenario", "check", file.to_str().unwrap()]),
        &["bad-lever.toml:5:", "levers.more_tanks.add.campaign_inplace_hevy_bn", "campaign_inplace_heavy_bn"],
    );
}

/// Every headline of `bulwark assess` names the assumptions that move it most, in every format.
#[test]
fn assess_names_the_drivers_of_each_headline_in_every_format() {
    let json = bulwark(&["assess", "--scenario", "us-full-withdrawal", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let document: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let drivers = document["drivers"].as_array().unwrap();
    let outcomes: Vec<&str> = drivers.iter().map(|d| d["outcome"].as_str().unwrap()).collect();
    for needed in [
        "baltic.held_day_28",
        "assessment.horizon_cost_eur_bn",
        "assessment.window_closes_year",
        "nuclear.credibility_without_us",
    ] {
        assert!(outcomes.contains(&needed), "{needed} not screened: {outcomes:?}");
    }
    let baltic = drivers.iter().find(|d| d["outcome"] == "baltic.held_day_28").unwrap();
    let named = baltic["drivers"].as_array().unwrap();
    assert!((2..=3).contains(&named.len()), "{baltic}");
    // The campaign's own assumptions, the readiness it reads and Russia's force (the threat
    // trajectory's), each with its label in the JSON.
    for driver in named {
        let name = driver["parameter"].as_str().unwrap();
        let param = bulwark_scenario::Param::from_name(name).unwrap();
        assert!(["campaign_", "availability_", "threat_"].iter().any(|p| name.starts_with(p)), "{name}");
        assert_eq!(driver["label"], param.label());
    }
    let first = named[0]["parameter"].as_str().unwrap();
    let label = bulwark_scenario::Param::from_name(first).unwrap().label();
    for format in ["table", "md", "html"] {
        let run = bulwark(&["assess", "--scenario", "us-full-withdrawal", "--format", format]);
        assert!(run.stdout.contains("What moves whether the Baltic defence holds to day 28"), "{format}");
        // The detail names the driver by its label, with its name in the scenario file.
        assert!(run.stdout.contains(label) && run.stdout.contains(first), "{format}: {first} not named");
        assert!(run.stdout.contains("Morris screens"), "{format}");
    }
}

/// Page 1 names its key assumptions by their labels, never by a parameter's name in the
/// scenario file, in every format and language; a headline that one assumption alone moves
/// says so instead of "100 %".
#[test]
fn page_1_names_assumptions_by_their_labels_in_every_format_and_language() {
    for lang in ["en", "ja"] {
        for format in ["table", "md", "html"] {
            let run = bulwark(&["assess", "--format", format, "--lang", lang]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            let contents = match (lang, format) {
                (_, "html") => "<nav id=\"contents\">",
                ("en", _) => "Contents",
                _ => "目次",
            };
            let page = &run.stdout[..run.stdout.find(contents).unwrap()];
            // Text a reader sees: an HTML tag's attributes (a tooltip with the name) are not.
            let mut seen = String::new();
            let mut in_tag = false;
            for c in page.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ if !in_tag => seen.push(c),
                    _ => {}
                }
            }
            for param in bulwark_scenario::Param::ALL {
                assert!(!seen.contains(param.name()), "{lang} {format}: page 1 names `{}`", param.name());
            }
            let label = |name: &str| {
                let param = bulwark_scenario::Param::from_name(name).unwrap();
                if lang == "en" { param.label() } else { param.label_ja() }.to_string()
            };
            // The cost of closing the gaps depends on the operating-cost assumption alone.
            let heading = if lang == "en" {
                "The three assumptions that matter most"
            } else {
                "最も重要な三つの前提"
            };
            let keys = &seen[seen.find(heading).unwrap()..];
            let opening = label("operating_cost_fraction");
            assert!(keys.to_lowercase().contains(&opening.to_lowercase()), "{lang} {format}: {keys}");
            if lang == "en" {
                assert!(keys.contains("is the only screened assumption that moves the cost"), "{format}");
                assert!(!keys.contains("100 %"), "{format}: {keys}");
            } else {
                assert!(keys.contains("唯一の前提") && !keys.contains("100%"), "{format}: {keys}");
            }
        }
    }
}
