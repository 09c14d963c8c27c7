//! The provenance of this run (`docs/provenance.md`): the build (version and the commit
//! `build.rs` read), the command line that reproduces the result, the SHA-256 digests of the
//! dataset and scenarios, and the sidecar manifest written next to every summary file.

use std::path::{Path, PathBuf};

use bulwark_core::digest::sha256_hex;
use bulwark_core::{InputDigest, Provenance};
use bulwark_data::Dataset;
use bulwark_report::provenance_view;
use bulwark_scenario::Scenario;

use crate::output;
use crate::Failure;

/// The Bulwark version.
pub(crate) const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The git commit the binary was built from, or `unknown` (see `build.rs`).
pub(crate) const COMMIT: &str = env!("BULWARK_COMMIT");

/// Options that change where a result goes or how fast it comes, never its bytes, with the
/// number of values each takes (`usize::MAX`: every value up to the next option). The
/// reproducing command line leaves them out, so that a sharded run merged and the unsharded
/// run record the same command.
const EXECUTION_OPTIONS: &[(&str, usize)] = &[
    ("--threads", 1),
    ("--quiet", 0),
    ("-q", 0),
    ("--force", 0),
    ("--out", 1),
    ("--summary", 1),
    ("--shard", 1),
    ("--merge", usize::MAX),
];

/// The command line as given, the program's path included (for the sidecar manifest).
pub(crate) fn invocation() -> Vec<String> {
    std::env::args_os().map(|arg| arg.to_string_lossy().into_owned()).collect()
}

/// The command line that reproduces the result: `bulwark`, then the arguments given without
/// the execution options (and their values).
pub(crate) fn reproducing_command(args: &[String]) -> Vec<String> {
    let mut res = vec!["bulwark".to_string()];
    let mut args = args.iter().skip(1).peekable();
    while let Some(arg) = args.next() {
        let option = EXECUTION_OPTIONS.iter().find(|(name, _)| {
            arg == name || arg.strip_prefix(name).is_some_and(|rest| rest.starts_with('='))
        });
        match option {
            // `--out=FILE` carries its value; `--out FILE` takes the next argument(s).
            Some((name, n_values)) if arg == name => {
                if *n_values == 1 {
                    args.next();
                }
                while *n_values == usize::MAX && args.peek().is_some_and(|next| !next.starts_with('-')) {
                    args.next();
                }
            }
            Some(_) => {}
            None => res.push(arg.clone()),
        }
    }
    res
}

/// The provenance of this process's result: build and reproducing command, no inputs yet.
pub(crate) fn of_this_run() -> Provenance {
    Provenance::new(VERSION, COMMIT, reproducing_command(&invocation()))
}

/// The dataset's name and the SHA-256 of its canonical tables (the CSV export, which any two
/// loads of the same figures write byte for byte alike).
pub(crate) fn dataset_digest(dataset: &Dataset) -> InputDigest {
    let text: String = bulwark_data::export::to_csv(dataset)
        .into_iter()
        .map(|(name, text)| format!("{name}\n{text}"))
        .collect();
    InputDigest { name: dataset.name.clone(), sha256: sha256_hex(text.as_bytes()) }
}

/// The scenario's name and the SHA-256 of every value the models read
/// ([`Scenario::fingerprint`]; the seed is recorded apart).
pub(crate) fn scenario_digest(scenario: &Scenario) -> InputDigest {
    InputDigest { name: scenario.name.clone(), sha256: sha256_hex(scenario.fingerprint().as_bytes()) }
}

/// Where the sidecar manifest of `path` goes: `FILE.manifest.json` beside it.
pub(crate) fn manifest_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".manifest.json");
    PathBuf::from(name)
}

/// Checks, before any work, that a summary file and its manifest may both be written.
pub(crate) fn prepare_summary(path: &Path, force: bool) -> Result<(), Failure> {
    output::prepare_file(path, force)?;
    output::prepare_file(&manifest_path(path), force)
}

/// Writes a summary file and then its sidecar manifest, each by the one output rule
/// (temporary file and rename), the manifest holding the summary's SHA-256.
pub(crate) fn write_summary(
    path: &Path,
    bytes: &[u8],
    provenance: &Provenance,
    force: bool,
) -> Result<(), Failure> {
    output::write_file(path, bytes, force)?;
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let manifest = provenance_view::manifest_json(&name, &sha256_hex(bytes), provenance, &invocation());
    output::write_file(&manifest_path(path), manifest.as_bytes(), force)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_reproducing_command_drops_execution_options_and_their_values() {
        let cases = [
            (
                "target/debug/bulwark simulate baltic --runs 40 --shard 2/4 --summary s.txt -q",
                "bulwark simulate baltic --runs 40",
            ),
            (
                "b --threads=3 explore sobol --merge a.parquet b.parquet --format json",
                "bulwark explore sobol --format json",
            ),
            ("b explore sobol --outcome x --merge a.parquet", "bulwark explore sobol --outcome x"),
            (
                "b --force assess --out dir --scenario intel-cut --quiet",
                "bulwark assess --scenario intel-cut",
            ),
            ("b simulate nuclear --out=r.parquet --seed 9", "bulwark simulate nuclear --seed 9"),
        ];
        for (given, expected) in cases {
            assert_eq!(reproducing_command(&words(given)), words(expected), "{given}");
        }
    }

    #[test]
    fn the_manifest_goes_beside_its_file() {
        assert_eq!(manifest_path(Path::new("runs/shard-1.txt")), Path::new("runs/shard-1.txt.manifest.json"));
    }

    #[test]
    fn the_commit_is_a_hex_object_id_or_unknown() {
        let hex = COMMIT.len() == 40 && COMMIT.chars().all(|c| c.is_ascii_hexdigit());
        assert!(hex || COMMIT == "unknown", "{COMMIT}");
    }
}
