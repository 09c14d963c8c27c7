//! End-to-end tests of the provenance manifest (issue 17, `docs/provenance.md`): every
//! summary, Parquet, JSON and HTML output records the build, the inputs' SHA-256 digests, the
//! seed, runs, shard, sampler and command; merges refuse shards whose digests or seeds differ,
//! naming the field; and provenance keeps merged bytes equal to the unsharded run's.

use std::path::Path;

use bulwark_core::digest::sha256_hex;
use parquet::file::reader::{FileReader, SerializedFileReader};
use serde_json::Value;

use super::{assert_user_error, bulwark, patched_dataset, repo_root};

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn run_ok(args: &[&str]) -> String {
    let run = bulwark(args);
    assert_eq!(run.code, 0, "bulwark {args:?}: {}", run.stderr);
    run.stdout
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// The Parquet file's key-value metadata, `key → value`.
fn parquet_metadata(path: &Path) -> Vec<(String, String)> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let pairs = reader.metadata().file_metadata().key_value_metadata().cloned().unwrap_or_default();
    pairs.into_iter().map(|kv| (kv.key, kv.value.unwrap_or_default())).collect()
}

fn metadata_value<'a>(metadata: &'a [(String, String)], key: &str) -> &'a str {
    metadata.iter().find(|(k, _)| k == key).map_or_else(|| panic!("no {key} in {metadata:?}"), |(_, v)| v)
}

/// The commit the binary must record: what `git rev-parse HEAD` says where git is installed
/// (the build reads `.git`'s files itself), else a commit id or `unknown`.
fn assert_is_this_commit(commit: &str) {
    let git = std::process::Command::new("git").args(["rev-parse", "HEAD"]).current_dir(repo_root()).output();
    match git {
        Ok(output) if output.status.success() => {
            assert_eq!(commit, String::from_utf8_lossy(&output.stdout).trim(), "the commit of HEAD");
        }
        _ => assert!(commit == "unknown" || commit.len() == 40, "{commit}"),
    }
}

/// The provenance object of a JSON output has the build, and these inputs' digests.
fn assert_json_provenance(
    document: &Value,
    dataset_sha256: Option<&str>,
    scenario_sha256: Option<&str>,
) -> Value {
    let provenance = document["provenance"].clone();
    assert_eq!(provenance["schema"], "bulwark.provenance/1", "{document}");
    assert_eq!(provenance["bulwark_version"], env!("CARGO_PKG_VERSION"));
    assert_is_this_commit(provenance["commit"].as_str().unwrap());
    assert_eq!(provenance["command"][0], "bulwark");
    assert_eq!(provenance["dataset"]["sha256"].as_str(), dataset_sha256, "{provenance}");
    assert_eq!(provenance["scenarios"][0]["sha256"].as_str(), scenario_sha256, "{provenance}");
    provenance
}

#[test]
fn every_output_format_records_the_build_the_digests_the_seed_runs_shard_sampler_and_command() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("runs/s2.txt");
    let rows = dir.path().join("runs/r2.parquet");
    let args = [
        "simulate",
        "baltic",
        "--runs",
        "40",
        "--seed",
        "5",
        "--sampler",
        "lhs",
        "--quiet",
        "--shard",
        "2/4",
    ];
    run_ok(&[&args[..], &["--summary", text(&summary), "--out", text(&rows)]].concat());

    // The summary: digests and build in the file itself, everything in the sidecar manifest.
    let shard_text = std::fs::read_to_string(&summary).unwrap();
    let line = |key: &str| {
        let prefix = format!("provenance {key} ");
        shard_text.lines().find_map(|l| l.strip_prefix(&prefix)).map(str::to_string).unwrap()
    };
    let (dataset_sha256, scenario_sha256) = (line("dataset_sha256"), line("scenario_sha256"));
    assert_eq!(dataset_sha256.len(), 64, "{shard_text}");
    assert_is_this_commit(&line("commit"));
    assert!(shard_text.contains("\nseed 5\n") && shard_text.contains("\nruns 10 20\n"), "{shard_text}");
    let manifest_path = dir.path().join("runs/s2.txt.manifest.json");
    let manifest = json(&std::fs::read_to_string(&manifest_path).unwrap());
    assert_eq!(manifest["schema"], "bulwark.manifest/1");
    assert_eq!(manifest["file"], "s2.txt");
    assert_eq!(manifest["file_sha256"].as_str(), Some(sha256_hex(shard_text.as_bytes()).as_str()));
    assert!(manifest["invocation"].as_array().unwrap().iter().any(|arg| arg == "--shard"), "{manifest}");
    let provenance = assert_json_provenance(&manifest, Some(&dataset_sha256), Some(&scenario_sha256));
    assert_eq!(provenance["seed"], 5);
    assert_eq!(provenance["runs"], json(r#"{"start": 10, "end": 20, "total": 40}"#));
    assert_eq!(provenance["shard"], "2/4");
    assert_eq!(provenance["sampler"], "lhs");
    assert_eq!(provenance["model"], "baltic");
    let command: Vec<&str> =
        provenance["command"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert_eq!(command, ["bulwark", "simulate", "baltic", "--runs", "40", "--seed", "5", "--sampler", "lhs"]);

    // Parquet: one `bulwark.*` key per field.
    let metadata = parquet_metadata(&rows);
    assert_eq!(metadata_value(&metadata, "bulwark.version"), env!("CARGO_PKG_VERSION"));
    assert_is_this_commit(metadata_value(&metadata, "bulwark.commit"));
    assert_eq!(metadata_value(&metadata, "bulwark.dataset.sha256"), dataset_sha256);
    assert_eq!(metadata_value(&metadata, "bulwark.scenario.sha256"), scenario_sha256);
    assert_eq!(metadata_value(&metadata, "bulwark.seed"), "5");
    assert_eq!(metadata_value(&metadata, "bulwark.runs"), "10..20 of 40");
    assert_eq!(metadata_value(&metadata, "bulwark.shard"), "2/4");
    assert_eq!(metadata_value(&metadata, "bulwark.sampler"), "lhs");
    assert_eq!(
        metadata_value(&metadata, "bulwark.command"),
        "bulwark simulate baltic --runs 40 --seed 5 --sampler lhs"
    );

    // The ensemble as an HTML page: a footer of its own, naming the shard.
    let page = run_ok(&[&args[..], &["--format", "html"]].concat());
    let footer = &page[page.rfind("<footer>").expect("a footer")..];
    for needle in ["Provenance: Bulwark ", &dataset_sha256, "seed 5", "runs 10..20 of 40", "shard 2/4"] {
        assert!(footer.contains(needle), "the footer lacks {needle}:\n{footer}");
    }

    // The assessment as JSON and HTML: the same dataset and scenario, so the same digests.
    let assessment = json(&run_ok(&["assess", "--format", "json"]));
    let provenance = assert_json_provenance(&assessment, Some(&dataset_sha256), Some(&scenario_sha256));
    assert!(provenance["seed"].is_u64() && provenance["shard"].is_null(), "{provenance}");
    assert_eq!(assessment["schema"], "bulwark.assessment/3", "the document itself is intact");
    let html = run_ok(&["assess", "--format", "html"]);
    let footer = &html[html.rfind("<footer>").expect("a footer")..];
    for needle in [
        "Provenance: Bulwark ",
        &dataset_sha256,
        &scenario_sha256,
        "<code>bulwark assess --format html</code>",
    ] {
        assert!(footer.contains(needle), "the footer lacks {needle}:\n{footer}");
    }
    assert!(footer.ends_with("</footer>\n</main>\n</body>\n</html>\n"), "{footer}");

    // A comparison names both scenarios; the dataset export its dataset.
    let comparison = json(&run_ok(&["assess", "--compare", "baseline", "intel-cut", "--format", "json"]));
    let scenarios = comparison["provenance"]["scenarios"].as_array().unwrap().clone();
    assert_eq!(scenarios.len(), 2);
    assert_eq!(scenarios[0]["sha256"].as_str(), Some(scenario_sha256.as_str()));
    assert_ne!(scenarios[1]["sha256"], scenarios[0]["sha256"]);
    let compare_html = run_ok(&["assess", "--compare", "baseline", "intel-cut", "--format", "html"]);
    assert!(
        compare_html.contains("<footer><p class=\"provenance\">Provenance: Bulwark "),
        "a footer of its own"
    );
    let export = json(&run_ok(&["data", "export", "--format", "json"]));
    assert_json_provenance(&export, Some(&dataset_sha256), None);

    // Explore: JSON, HTML and the per-run Parquet file.
    let explore = ["explore", "sobol", "--model", "ishigami", "--runs", "16", "--seed", "3", "-q"];
    let rows = dir.path().join("explore.parquet");
    let document = json(&run_ok(&[&explore[..], &["--format", "json", "--out", text(&rows)]].concat()));
    let provenance = assert_json_provenance(&document, None, None);
    assert_eq!(provenance["seed"], 3);
    assert_eq!(provenance["sampler"], "saltelli");
    assert_eq!(provenance["runs"]["total"], 80, "N(d+2) rows for d = 3: {provenance}");
    let metadata = parquet_metadata(&rows);
    assert_eq!(metadata_value(&metadata, "bulwark.runs"), "0..80 of 80");
    assert_eq!(metadata_value(&metadata, "bulwark.seed"), "3");
    let html = run_ok(&[&explore[..], &["--format", "html"]].concat());
    assert!(
        html.contains("<p class=\"provenance\">Provenance: Bulwark ") && html.contains("seed 3"),
        "{html}"
    );
}

/// Shards and their merge: the command line and shard differ between a sharded and an
/// unsharded run, so they stay out of the merged result, which keeps the unsharded bytes.
#[test]
fn merged_results_keep_the_bytes_and_provenance_of_the_unsharded_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let args = ["explore", "morris", "--model", "ishigami", "--runs", "6", "--format", "json", "-q"];
    let whole = run_ok(&[&args[..], &["--threads", "1", "--out", &path("whole.parquet")]].concat());
    let mut merge: Vec<String> =
        ["--threads", "2", "--out", &path("merged.parquet"), "--merge"].map(String::from).to_vec();
    for k in 1..=3 {
        let shard = path(&format!("part{k}.parquet"));
        run_ok(&[&args[..], &["--shard", &format!("{k}/3"), "--out", &shard]].concat());
        let metadata = parquet_metadata(Path::new(&shard));
        assert_eq!(
            metadata_value(&metadata, "bulwark.shard"),
            format!("{k}/3"),
            "a shard file names its shard"
        );
        merge.push(shard);
    }
    let merge: Vec<&str> = merge.iter().map(String::as_str).collect();
    let merged = run_ok(&[&args[..], &merge[..]].concat());
    assert_eq!(merged, whole, "the merged JSON, provenance included, has the unsharded bytes");
    let command = &json(&merged)["provenance"]["command"];
    assert_eq!(
        command,
        &json(
            r#"["bulwark", "explore", "morris", "--model", "ishigami", "--runs", "6", "--format", "json"]"#
        )
    );
    assert_eq!(std::fs::read(path("merged.parquet")).unwrap(), std::fs::read(path("whole.parquet")).unwrap());

    // Summaries: the shard files differ only in their runs; each sidecar names its shard.
    let simulate = ["simulate", "iamd", "--runs", "30", "--quiet"];
    run_ok(&[&simulate[..], &["--summary", &path("whole.txt")]].concat());
    let mut files = Vec::new();
    for k in 1..=2 {
        let file = path(&format!("shard{k}.txt"));
        run_ok(
            &[&simulate[..], &["--threads", "1", "--shard", &format!("{k}/2"), "--summary", &file]].concat(),
        );
        let manifest = json(&std::fs::read_to_string(format!("{file}.manifest.json")).unwrap());
        assert_eq!(manifest["provenance"]["shard"], format!("{k}/2"));
        files.push(file);
    }
    let merged = run_ok(&["merge", "--summary", &path("merged.txt"), &files[1], &files[0]]);
    assert_eq!(merged, run_ok(&["merge", &path("whole.txt")]));
    // The merged summary has the unsharded summary's bytes, and its manifest the unsharded
    // run's provenance; only the invocation tells them apart.
    assert_eq!(std::fs::read(path("merged.txt")).unwrap(), std::fs::read(path("whole.txt")).unwrap());
    let manifest =
        |name: &str| json(&std::fs::read_to_string(path(&format!("{name}.manifest.json"))).unwrap());
    let (merged_manifest, whole_manifest) = (manifest("merged.txt"), manifest("whole.txt"));
    assert_eq!(merged_manifest["provenance"], whole_manifest["provenance"]);
    assert_eq!(merged_manifest["file_sha256"], whole_manifest["file_sha256"]);
    assert_eq!(merged_manifest["provenance"]["shard"], Value::Null);
    assert_eq!(merged_manifest["invocation"][1], "merge");
    // Without the shards' manifests, the merged one keeps what the shard files record.
    std::fs::remove_file(format!("{}.manifest.json", files[0])).unwrap();
    run_ok(&["merge", "--summary", &path("bare.txt"), &files[0], &files[1]]);
    let bare = manifest("bare.txt")["provenance"].clone();
    assert_eq!(bare["scenarios"][0]["sha256"], whole_manifest["provenance"]["scenarios"][0]["sha256"]);
    assert_eq!(bare["runs"], whole_manifest["provenance"]["runs"]);
    assert_eq!(bare["command"][1], "merge");
    // Another run over the same files needs --force for the summary and its manifest alike.
    let again = bulwark(&[&simulate[..], &["--summary", &path("whole.txt")]].concat());
    assert_user_error(&again, &["whole.txt: the file exists; pass --force"]);
    std::fs::remove_file(path("whole.txt")).unwrap();
    let again = bulwark(&[&simulate[..], &["--summary", &path("whole.txt")]].concat());
    assert_user_error(&again, &["whole.txt.manifest.json: the file exists; pass --force"]);
    run_ok(&[&simulate[..], &["--force", "--summary", &path("whole.txt")]].concat());
}

/// Issue 17: shards of another seed, scenario or dataset are refused (exit 2), the error
/// naming the field that differs and both files.
#[test]
fn merge_refuses_shards_of_another_seed_scenario_or_dataset_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    // A dataset that differs from the baseline in one source's access date only.
    let other_data = patched_dataset("sources.csv", |text| {
        let (header, rest) = text.split_once('\n').unwrap();
        let (first, tail) = rest.split_once('\n').unwrap();
        format!("{header}\n{}2026-01-01\n{tail}", &first[..first.len() - 10])
    });
    let other_data = text(other_data.path()).to_string();
    let shard = |name: &str, k: u64, extra: &[&str]| {
        let file = path(name);
        let spec = format!("{k}/2");
        let args = ["simulate", "iamd", "--runs", "20", "--quiet", "--shard", &spec, "--summary", &file];
        run_ok(&[&args[..], extra].concat());
        file
    };
    let seed_5 = ["--seed", "5"];
    let first = shard("a.txt", 1, &seed_5);
    let cases = [
        (shard("seed.txt", 2, &["--seed", "6"]), "the shards differ in their seed (5 and 6)"),
        (
            shard("scenario.txt", 2, &["--seed", "5", "--scenario", "intel-cut"]),
            "the shards differ in their scenario SHA-256 (`",
        ),
        (
            shard("dataset.txt", 2, &["--seed", "5", "--data", &other_data]),
            "the shards differ in their dataset SHA-256 (`",
        ),
    ];
    for (file, expected) in &cases {
        let run = bulwark(&["merge", &first, file]);
        assert_user_error(&run, &[expected, &format!("cannot merge {file} with {first}")]);
    }
    assert_eq!(bulwark(&["merge", &first, &shard("b.txt", 2, &seed_5)]).code, 0);

    // Explore shards: the same fields, read from the Parquet metadata.
    let explore = ["explore", "prim", "--outcome", "iamd.leakers", "--runs", "64", "--above", "0", "-q"];
    let part = |name: &str, k: u64, extra: &[&str]| {
        let file = path(name);
        run_ok(&[&explore[..], &["--shard", &format!("{k}/2"), "--out", &file], extra].concat());
        file
    };
    let first = part("p1.parquet", 1, &[]);
    let cases = [
        (part("p-seed.parquet", 2, &["--seed", "6"]), "differs in its seed"),
        (part("p-scenario.parquet", 2, &["--scenario", "intel-cut"]), "differs in its scenario SHA-256"),
        (part("p-dataset.parquet", 2, &["--data", &other_data]), "differs in its dataset SHA-256"),
    ];
    for (file, expected) in &cases {
        let run = bulwark(&[&explore[..], &["--merge", &first, file]].concat());
        assert_user_error(&run, &[expected, file]);
    }
}
