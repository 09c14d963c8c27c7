//! End-to-end regression tests of issue 10 (robustness): one test per class of defect the
//! fuzzing campaign found, each with its own reproducer. Part of the `cli` test binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{assert_user_error, bulwark, check_patched, patched_dataset};

/// A file `name` with `text` in a new temporary directory.
fn temp_file(name: &str, text: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[track_caller]
fn assert_no_leftovers(dir: &Path) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "temporary files left behind: {names:?}");
}

#[test]
fn r10_long_line_error_column() {
    // The error sits at column 70,016 of line 2: past miette's 65,535 limit.
    let long = format!("name = \"x\"\ndescription = \"{}\" bogus = 1\n", "a".repeat(70_000));
    let (_dir, path) = temp_file("long.toml", long.as_bytes());
    let run = bulwark(&["scenario", "check", path.to_str().unwrap()]);
    assert_user_error(&run, &["long.toml:2:700", "a long line: an excerpt"]);
    assert!(run.stderr.len() < 1_000, "the snippet is an excerpt, not the line:\n{}", run.stderr);
}

#[test]
fn r10_merge_refuses_a_shard_whose_min_exceeds_its_max() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("shard.txt");
    let run = bulwark(&["bench", "attrition", "--runs", "200", "--quiet", "--out", shard.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&shard).unwrap();
    let min_line = text.lines().find(|l| l.starts_with("min ")).unwrap().to_string();
    std::fs::write(&shard, text.replacen(&min_line, "min 1e300", 1)).unwrap();
    let run = bulwark(&["merge", shard.to_str().unwrap()]);
    assert_user_error(&run, &["shard.txt", "min"]);
}

#[test]
fn r10_fit_on_strengths_near_1e200_does_not_panic() {
    let csv = "day,blue,red\n0,1e200,1e200\n1,9e199,9e199\n2,8e199,8e199\n3,7e199,7e199\n";
    let (_dir, path) = temp_file("huge.csv", csv.as_bytes());
    for law in ["linear", "square", "log", "helmbold"] {
        let run = bulwark(&["fit", "lanchester", path.to_str().unwrap(), "--law", law]);
        assert!(run.code == 0 || run.code == 2, "{law}: exit {}\n{}", run.code, run.stderr);
        assert!(!run.stderr.contains("panicked"), "{law}: {}", run.stderr);
        assert!(!run.stdout.contains("NaN") && !run.stdout.contains("inf"), "{law}: {}", run.stdout);
    }
}

#[test]
fn r10_nan_in_a_scenario_is_a_located_error_for_check_assess_and_simulate() {
    let text = "name = \"nan\"\n[parameters.availability_air]\nnormal = { mean = 0.6, sd = nan, min = 0.5, max = 0.7 }\n";
    let (_dir, path) = temp_file("nan.toml", text.as_bytes());
    let path = path.to_str().unwrap();
    for args in [
        vec!["scenario", "check", path],
        vec!["assess", "--scenario", path],
        vec!["simulate", "baltic", "--scenario", path, "--runs", "4", "--quiet"],
    ] {
        let run = bulwark(&args);
        assert_user_error(&run, &["nan.toml:3:", "NaN is not a finite number"]);
    }
}

#[test]
fn r10_a_scenario_that_check_accepts_simulates() {
    let text = "name = \"zero-step\"\n[parameters.campaign_step_hours]\nvalue = 0.0\n";
    let (_dir, path) = temp_file("zero.toml", text.as_bytes());
    let run = bulwark(&["scenario", "check", path.to_str().unwrap()]);
    assert_user_error(&run, &["zero.toml:", "campaign_step_hours", "make every run fail"]);
    let text = "name = \"short-step\"\n[parameters.campaign_step_hours]\nvalue = 0.5\n";
    let (_dir2, path) = temp_file("short.toml", text.as_bytes());
    let check = bulwark(&["scenario", "check", path.to_str().unwrap()]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let run =
        bulwark(&["simulate", "baltic", "--scenario", path.to_str().unwrap(), "--runs", "8", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("NaN"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn r10_fifos_and_devices_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let fifo = fifo.to_str().unwrap();
    let run = bulwark(&["scenario", "check", fifo]);
    assert_user_error(&run, &["pipe.toml", "not a regular file"]);
    let run = bulwark(&["fit", "lanchester", fifo]);
    assert_user_error(&run, &["not a regular file"]);
    let run = bulwark(&["merge", "/dev/zero"]);
    assert_user_error(&run, &["/dev/zero", "not a regular file"]);
    let run = bulwark(&["fit", "lanchester", "/dev/zero"]);
    assert_user_error(&run, &["not a regular file"]);
}

#[test]
fn r10_merge_echoes_no_more_than_an_excerpt() {
    let (_dir, path) = temp_file("big.txt", "y".repeat(2_000_000).as_bytes());
    let run = bulwark(&["merge", path.to_str().unwrap()]);
    assert_user_error(&run, &["big.txt"]);
    assert!(run.stderr.len() < 1_000, "{} bytes of stderr", run.stderr.len());
}

#[test]
fn r10_threads_has_an_upper_bound() {
    let run = bulwark(&["simulate", "nuclear", "--runs", "4", "--threads", "10000", "--quiet"]);
    assert_user_error(&run, &["--threads", "at most 1024 threads"]);
    let run = bulwark(&["bench", "attrition", "--runs", "4", "--threads", "10000", "--quiet"]);
    assert_user_error(&run, &["--threads", "at most 1024 threads"]);
}

#[test]
fn r10_merge_refuses_shards_of_different_scenarios_samplers_or_datasets() {
    let dir = tempfile::tempdir().unwrap();
    let shard = |name: &str, k: &str, extra: &[&str]| -> String {
        let file = dir.path().join(name).to_str().unwrap().to_string();
        let mut args =
            vec!["simulate", "nuclear", "--runs", "20", "--quiet", "--shard", k, "--summary", &file];
        args.extend_from_slice(extra);
        let run = bulwark(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        file
    };
    let first = shard("a1.txt", "1/2", &[]);
    let same = shard("a2.txt", "2/2", &[]);
    assert_eq!(bulwark(&["merge", &first, &same]).code, 0);
    let other_scenario = shard("b2.txt", "2/2", &["--scenario", "us-full-withdrawal"]);
    let run = bulwark(&["merge", &first, &other_scenario]);
    assert_user_error(&run, &["the shards differ in their scenario SHA-256"]);
    let other_sampler = shard("c2.txt", "2/2", &["--sampler", "lhs"]);
    let run = bulwark(&["merge", &first, &other_sampler]);
    assert_user_error(&run, &["the shards differ in their sampler (`default` and `lhs`)"]);
    let data = patched_dataset("country_figures.csv", |t| t.replacen("2363314", "2363315", 1));
    let file = dir.path().join("d2.txt").to_str().unwrap().to_string();
    let data_dir = data.path().to_str().unwrap();
    let args = [
        "--data",
        data_dir,
        "simulate",
        "nuclear",
        "--runs",
        "20",
        "--quiet",
        "--shard",
        "2/2",
        "--summary",
        &file,
    ];
    assert_eq!(bulwark(&args).code, 0);
    let run = bulwark(&["merge", &first, &file]);
    assert_user_error(&run, &["the shards differ in their dataset SHA-256"]);
}

#[test]
fn r10_every_command_writes_outputs_by_one_rule() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("new/reports");
    let reports_arg = reports.to_str().unwrap();
    // Missing directories are created; an existing file is refused unless --force.
    let first = bulwark(&["assess", "--format", "md", "--out", reports_arg]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let again = bulwark(&["assess", "--format", "md", "--out", reports_arg]);
    assert_user_error(&again, &["assessment.md", "exists", "--force"]);
    let json = reports.join("data.json");
    let export = ["data", "export", "--format", "json", "--out", json.to_str().unwrap()];
    assert_eq!(bulwark(&export).code, 0);
    assert_user_error(&bulwark(&export), &["data.json", "exists", "--force"]);
    assert_eq!(bulwark(&[&["--force"][..], &export[..]].concat()).code, 0);
    let summary = dir.path().join("more/s.txt");
    let args = ["simulate", "nuclear", "--runs", "4", "--quiet", "--summary", summary.to_str().unwrap()];
    assert_eq!(bulwark(&args).code, 0, "simulate creates missing directories too");
    assert_user_error(&bulwark(&args), &["s.txt", "exists"]);
    let runs = dir.path().join("explore/runs.parquet");
    let explore =
        ["explore", "morris", "--model", "gfunction", "--runs", "10", "-q", "--out", runs.to_str().unwrap()];
    assert_eq!(bulwark(&explore).code, 0, "explore creates missing directories too");
    assert_user_error(&bulwark(&explore), &["runs.parquet", "exists"]);
    // A file where a directory should be, and a directory where a file should be.
    let blocked = summary.join("under-a-file.csv");
    let run = bulwark(&["simulate", "nuclear", "--runs", "4", "--quiet", "--out", blocked.to_str().unwrap()]);
    assert_user_error(&run, &["is a file, not a directory"]);
    let run = bulwark(&["data", "export", "--format", "json", "--out", reports_arg]);
    assert_user_error(&run, &["is a directory"]);
    // A link as the target is replaced with --force, never followed.
    #[cfg(unix)]
    {
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let run = bulwark(&["data", "export", "--format", "json", "--out", link.to_str().unwrap()]);
        assert_user_error(&run, &["exists"]);
        let run =
            bulwark(&["--force", "data", "export", "--format", "json", "--out", link.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(!std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }
    // An existing `X.rows.tmp` of the user's is neither truncated nor deleted.
    let rows = dir.path().join("runs.csv");
    std::fs::write(dir.path().join("runs.rows.tmp"), "mine").unwrap();
    let run = bulwark(&["simulate", "nuclear", "--runs", "4", "--quiet", "--out", rows.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("runs.rows.tmp")).unwrap(), "mine");
    std::fs::remove_file(dir.path().join("runs.rows.tmp")).unwrap();
    for folder in [dir.path().to_path_buf(), reports, dir.path().join("more")] {
        assert_no_leftovers(&folder);
    }
}

#[cfg(unix)]
#[test]
fn r10_ctrl_c_removes_the_spool_and_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("runs.parquet");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulwark"))
        .args(["simulate", "baltic", "--runs", "100000000", "--quiet", "--threads", "1"])
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the spool exists (the run is under way), then interrupt.
    let spooling = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp"))
    };
    let mut tries = 0;
    while !spooling() && tries < 600 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        tries += 1;
    }
    assert!(spooling(), "the run never started spooling");
    let killed = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(!out.exists(), "no truncated output");
    assert_no_leftovers(dir.path());
}

#[test]
fn r10_extends_cannot_read_other_files() {
    let text = "name = \"x\"\nextends = \"/etc/passwd\"\n";
    let (_dir, path) = temp_file("s.toml", text.as_bytes());
    let run = bulwark(&["scenario", "check", path.to_str().unwrap()]);
    assert_user_error(&run, &["s.toml:2:11", "field `extends`", "relative path to a .toml file"]);
    assert!(!run.stderr.contains("root:"), "{}", run.stderr);
}

#[test]
fn r10_markdown_reports_escape_scenario_text() {
    let text = "name = \"x\"\ndescription = \"<script>alert(1)</script> <img src=x onerror=alert(1)>\"\n";
    let (_dir, path) = temp_file("s.toml", text.as_bytes());
    let run = bulwark(&["assess", "--scenario", path.to_str().unwrap(), "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{}", &run.stdout[..400]);
    assert!(!run.stdout.contains("<script") && !run.stdout.contains("<img"));
    let esc = "name = \"x\"\ndescription = \"red \\u001b[31m text\"\n";
    let (_dir2, path) = temp_file("esc.toml", esc.as_bytes());
    let run = bulwark(&["assess", "--scenario", path.to_str().unwrap()]);
    assert_user_error(&run, &["esc.toml:2:", "control character"]);
    assert!(!run.stderr.contains('\u{1b}'), "no escape sequence reaches the terminal");
}

#[test]
fn r10_data_check_refuses_header_only_tables_and_unknown_codes() {
    let run = check_patched("production.csv", |t| t.lines().next().unwrap().to_string() + "\n");
    assert_user_error(&run, &["production.csv:2:", "a header but no rows"]);
    let run = check_patched("nuclear.csv", |t| t.replacen("\nFRA,", "\nFRX,", 1));
    assert_user_error(&run, &["nuclear.csv:", "unknown state `FRX`", "did you mean `FRA`?"]);
    let run = check_patched("inventory.csv", |t| {
        let row = t.lines().nth(1).unwrap();
        let fields: Vec<&str> = row.split(',').collect();
        t.replacen(
            row,
            &format!("{},{},{},1e15,{}", fields[0], fields[1], fields[2], fields[4..].join(",")),
            1,
        )
    });
    assert_user_error(&run, &["inventory.csv:2:", "field `quantity`", "not a plausible holding"]);
    let (_dir, path) = temp_file("comments.toml", b"# only a comment\n");
    assert_user_error(&bulwark(&["scenario", "check", path.to_str().unwrap()]), &["sets nothing"]);
}

#[test]
fn r10_fit_refuses_a_series_longer_than_its_row_limit() {
    let rows: String = (0..200_000).map(|day| format!("{day},{},{}\n", 1e6 - day as f64, 2e6)).collect();
    let (_dir, path) = temp_file("long.csv", format!("t,b,r\n{rows}").as_bytes());
    let run = bulwark(&["fit", "lanchester", path.to_str().unwrap(), "--law", "helmbold"]);
    assert_user_error(&run, &["long.csv:5002:", "more than 5000 rows"]);
}

#[test]
fn r10_whole_file_errors_give_line_and_column() {
    let (_dir, path) = temp_file("nul.toml", b"name = \"x\"\nseed = 1\x00\n");
    let run = bulwark(&["scenario", "check", path.to_str().unwrap()]);
    assert_user_error(&run, &["nul.toml:2:9", "NUL byte"]);
    let (_dir, path) = temp_file("latin.toml", b"name = \"M\xfcnchen\"\n");
    let run = bulwark(&["scenario", "check", path.to_str().unwrap()]);
    assert_user_error(&run, &["latin.toml:1:10", "not UTF-8"]);
}
