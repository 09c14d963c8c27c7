//! End-to-end tests of `bulwark data show production`: industrial output, procurement paces,
//! and the years each country needs at its pace, scaled by a scenario's per-country multiplier.

#[test]
fn data_show_production_gives_paces_and_years_scaled_by_the_scenario() {
    let run = super::bulwark(&["data", "show", "production"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for needle in [
        "Production rates",
        "EUU",
        "Procurement paces",
        "deliveries_per_year",
        "years to add the US holding",
        "scenario `baseline`",
        "main_battle_tanks",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?} in:\n{}", run.stdout);
    }
    // A country whose pace the scenario halts never gets there; the others keep theirs.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("halt.toml");
    std::fs::write(&path, "name = \"halt\"\n[closure.countries.POL]\nprocurement_rate_multiplier = 0\n")
        .unwrap();
    let halted = super::bulwark(&["data", "show", "production", "--scenario", path.to_str().unwrap()]);
    assert_eq!(halted.code, 0, "{}", halted.stderr);
    let pol_lines: Vec<&str> = halted.stdout.lines().filter(|l| l.trim_start().starts_with("POL")).collect();
    assert!(pol_lines.iter().any(|l| l.contains("never (pace 0)")), "{}", halted.stdout);
    assert!(!run.stdout.contains("never (pace 0)"), "{}", run.stdout);
    assert!(!halted.stdout.contains("NaN"));
}

#[test]
fn procurement_multiplier_errors_are_located_and_scenario_only_fits_production() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "name = \"bad\"\n[closure.countries.POL]\nprocurement_rate_multiplier = -1\n")
        .unwrap();
    let run = super::bulwark(&["data", "show", "production", "--scenario", path.to_str().unwrap()]);
    super::assert_user_error(
        &run,
        &["bad.toml:3:31", "closure.countries.POL.procurement_rate_multiplier", "from 0 to 10"],
    );
    let run = super::bulwark(&["data", "show", "DEU", "--scenario", "baseline"]);
    super::assert_user_error(&run, &["--scenario applies only to `data show production`"]);
}
