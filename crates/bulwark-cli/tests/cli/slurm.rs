//! End-to-end tests of `--shard auto` (issue 17): the shard comes from a Slurm job array's
//! environment, set here on the child process as `sbatch --array` would set it. Part of the
//! `cli` test binary. The test with a real Slurm is `scripts/slurm/ci-test.sh`, run by `.ci/run`.

use std::path::Path;
use std::process::Command;

use super::{assert_user_error, Run};

const VARIABLES: [&str; 3] = ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"];

/// `bulwark ARGS` with exactly the Slurm array variables `env` (the others removed, so the
/// test means the same inside a Slurm job).
fn bulwark_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bulwark"));
    command.args(args).env("NO_COLOR", "1");
    for variable in VARIABLES {
        command.env_remove(variable);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn shard_auto_runs_the_array_task_s_shard_and_the_merge_equals_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let whole_file = dir.path().join("whole.txt");
    let whole = bulwark_with_env(
        &["simulate", "baltic", "--runs", "40", "--quiet", "--summary", path(&whole_file)],
        &[],
    );
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    // An array --array=3-6 (MIN 3, COUNT 4): tasks 3..=6 are shards 1/4..4/4.
    let mut files = Vec::new();
    for task in 3..=6 {
        let file = dir.path().join(format!("shard{task}.txt"));
        let task = task.to_string();
        let run = bulwark_with_env(
            &["simulate", "baltic", "--runs", "40", "--quiet", "--shard", "auto", "--summary", path(&file)],
            &[("SLURM_ARRAY_TASK_ID", &task), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "3")],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        // Task 4 is shard 2/4: runs 10..20 of 40.
        if task == "4" {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains("\nruns 10 20\n"), "{text}");
        }
        files.push(file);
    }
    let mut merge_args = vec!["merge"];
    merge_args.extend(files.iter().map(|f| path(f)));
    let merged = bulwark_with_env(&merge_args, &[]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let reference = bulwark_with_env(&["merge", path(&whole_file)], &[]);
    assert_eq!(reference.code, 0, "{}", reference.stderr);
    assert_eq!(merged.stdout, reference.stdout, "four array tasks merged equal the unsharded run");
}

#[test]
fn shard_auto_names_a_missing_or_inconsistent_variable() {
    let args = ["simulate", "baltic", "--runs", "10", "--quiet", "--shard", "auto"];
    let run = bulwark_with_env(&args, &[]);
    assert_user_error(&run, &["--shard `auto`", "SLURM_ARRAY_TASK_ID: is not set"]);
    let run = bulwark_with_env(&args, &[("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_MIN", "1")]);
    assert_user_error(&run, &["SLURM_ARRAY_TASK_COUNT: is not set"]);
    let run = bulwark_with_env(&args, &[("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4")]);
    assert_user_error(&run, &["SLURM_ARRAY_TASK_MIN: is not set"]);
    let run = bulwark_with_env(
        &args,
        &[("SLURM_ARRAY_TASK_ID", "9"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "1")],
    );
    assert_user_error(&run, &["SLURM_ARRAY_TASK_ID: 9 is beyond the last task 4"]);
    let run = bulwark_with_env(
        &args,
        &[("SLURM_ARRAY_TASK_ID", "x"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "1")],
    );
    assert_user_error(&run, &["SLURM_ARRAY_TASK_ID: `x` is not a whole number"]);
}

#[test]
fn explore_shard_auto_runs_the_array_task_s_rows_and_the_merge_equals_the_whole_run() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["explore", "sobol", "--model", "ishigami", "--runs", "64", "--format", "json", "-q"];
    let whole = bulwark_with_env(&args, &[]);
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    // --array=0-3: tasks 0..=3 are shards 1/4..4/4.
    let mut merge: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    merge.push("--merge".to_string());
    for task in 0..4 {
        let file = dir.path().join(format!("shard{task}.parquet"));
        let task_text = task.to_string();
        let mut shard_args = args.to_vec();
        shard_args.extend(["--shard", "auto", "--out", path(&file)]);
        let run = bulwark_with_env(
            &shard_args,
            &[
                ("SLURM_ARRAY_TASK_ID", &task_text),
                ("SLURM_ARRAY_TASK_COUNT", "4"),
                ("SLURM_ARRAY_TASK_MIN", "0"),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with(&format!("shard {}/4: rows ", task + 1)), "{}", run.stdout);
        merge.push(path(&file).to_string());
    }
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    let merged = bulwark_with_env(&merge, &[]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert_eq!(merged.stdout, whole.stdout, "four array tasks merged equal the unsharded design");
    // Outside an array, `auto` is an error naming the variable.
    let mut bad = args.to_vec();
    bad.extend(["--shard", "auto", "--out", "x.parquet"]);
    assert_user_error(&bulwark_with_env(&bad, &[]), &["SLURM_ARRAY_TASK_ID: is not set"]);
}

/// What a failed array task leaves behind: a missing shard (first, middle or last), a shard
/// listed twice, or a file cut short by a killed job. Each is an error at merge (exit 2).
#[test]
fn merge_refuses_a_missing_duplicated_or_truncated_shard() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = (1..=4)
        .map(|task| {
            let file = dir.path().join(format!("shard{task}.txt"));
            let task = task.to_string();
            let run = bulwark_with_env(
                &[
                    "simulate",
                    "baltic",
                    "--runs",
                    "20",
                    "--quiet",
                    "--shard",
                    "auto",
                    "--summary",
                    path(&file),
                ],
                &[
                    ("SLURM_ARRAY_TASK_ID", &task),
                    ("SLURM_ARRAY_TASK_COUNT", "4"),
                    ("SLURM_ARRAY_TASK_MIN", "1"),
                ],
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            path(&file).to_string()
        })
        .collect();
    let merge = |names: &[&String]| {
        let mut args = vec!["merge"];
        args.extend(names.iter().map(|n| n.as_str()));
        bulwark_with_env(&args, &[])
    };
    let [a, b, c, d] = [&files[0], &files[1], &files[2], &files[3]];
    assert_eq!(merge(&[a, b, c, d]).code, 0);
    assert_user_error(&merge(&[b, c, d]), &["a shard is missing (runs 0..5)"]);
    assert_user_error(&merge(&[a, b, c]), &["a shard is missing (runs 15..20)"]);
    assert_user_error(&merge(&[a, c, d]), &["is a shard missing or repeated?"]);
    assert_user_error(&merge(&[a, b, b, c, d]), &["is a shard missing or repeated?"]);
    // A file cut short: the `end` footer is gone.
    let text = std::fs::read_to_string(d).unwrap();
    std::fs::write(d, &text[..text.len() / 2]).unwrap();
    assert_user_error(&merge(&[a, b, c, d]), &["shard4.txt"]);
}
