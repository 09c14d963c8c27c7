//! Tidy: cheap checks of the source tree that keep the house rules true (STYLE.md).
//! They read files as text; none runs the program.

use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// Every `.rs` file under `crates/`, sorted.
fn rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![workspace_root().join("crates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(workspace_root()).unwrap_or(path).display().to_string()
}

/// The code of a source file up to its test module, without comment lines.
fn production_code(text: &str) -> Vec<&str> {
    text.lines()
        .take_while(|line| !line.trim_start().starts_with("#[cfg(test)]"))
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect()
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let missing: Vec<String> = rust_files()
        .into_iter()
        .filter(|path| !std::fs::read_to_string(path).unwrap().starts_with("//!"))
        .map(|path| relative(&path))
        .collect();
    assert!(missing.is_empty(), "files without a `//!` doc on their first line: {missing:#?}");
}

/// Logic files stay short; test files are exempt (STYLE: "tables and tests exempt"), since an
/// end-to-end test binary grows with the commands it covers.
#[test]
fn no_source_file_is_over_800_lines() {
    let is_test = |path: &Path| {
        let text = relative(path);
        text.contains("/tests/") || text.ends_with("/tests.rs")
    };
    let long: Vec<String> = rust_files()
        .into_iter()
        .filter(|path| !is_test(path))
        .filter_map(|path| {
            let n_lines = std::fs::read_to_string(&path).unwrap().lines().count();
            (n_lines > 800).then(|| format!("{} ({n_lines} lines)", relative(&path)))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:#?}");
}

#[test]
fn no_hash_ordered_collections_or_entropy_seeds_in_library_code() {
    let banned = ["HashMap", "HashSet", "thread_rng", "from_entropy", "rand::rng()", "OsRng"];
    let mut offences = Vec::new();
    for path in rust_files().into_iter().filter(|p| !p.ends_with("tidy.rs")) {
        let text = std::fs::read_to_string(&path).unwrap();
        for (idx, line) in production_code(&text).iter().enumerate() {
            for word in banned.iter().filter(|w| line.contains(*w)) {
                offences.push(format!("{} (code line {}): `{word}`", relative(&path), idx + 1));
            }
        }
    }
    assert!(offences.is_empty(), "determinism: {offences:#?}");
}

#[test]
fn only_the_binary_prints() {
    let mut offences = Vec::new();
    for path in rust_files() {
        let name = relative(&path);
        let is_library_source = name.contains("/src/") && !name.starts_with("crates/bulwark-cli/");
        if !is_library_source {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for line in production_code(&text) {
            if ["println!", "print!(", "eprintln!", "eprint!(", "dbg!"].iter().any(|m| line.contains(m)) {
                offences.push(format!("{name}: {}", line.trim()));
            }
        }
    }
    assert!(offences.is_empty(), "library code must not print: {offences:#?}");
}

#[test]
fn architecture_md_names_every_crate() {
    let architecture = std::fs::read_to_string(workspace_root().join("ARCHITECTURE.md")).unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(workspace_root().join("crates")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !architecture.contains(&name) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "ARCHITECTURE.md's code map lacks: {missing:?}");
}

/// The layers of ARCHITECTURE.md, lowest first: a crate may depend only on crates of a lower
/// layer, so that the data flow core ← data, scenario, models, ensemble ← assess ← report ← cli
/// cannot be broken by a new `use` (`bulwark-explore` sits between assess and report: it
/// evaluates the assessment's models, and the report renders its analyses).
const LAYERS: &[(&str, u8)] = &[
    ("bulwark-core", 0),
    ("bulwark-data", 1),
    ("bulwark-models", 1),
    ("bulwark-ensemble", 1),
    ("bulwark-scenario", 2),
    ("bulwark-assess", 3),
    ("bulwark-explore", 4),
    ("bulwark-report", 5),
    ("bulwark-cli", 6),
];

#[test]
fn dependencies_point_down_the_layers() {
    let layer_of = |name: &str| LAYERS.iter().find(|(crate_name, _)| *crate_name == name).map(|(_, l)| *l);
    for entry in std::fs::read_dir(workspace_root().join("crates")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_str().unwrap().to_string();
        let layer = layer_of(&name).unwrap_or_else(|| panic!("{name} has no layer in LAYERS"));
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
        // Only [dependencies]: tests may reach across layers.
        let deps = manifest.split("[dependencies]").nth(1).unwrap_or("");
        let deps = deps.split("\n[").next().unwrap_or("");
        for line in deps.lines() {
            let dep = line.split(['=', '.', ' ']).next().unwrap_or("").trim();
            if let Some(dep_layer) = layer_of(dep) {
                assert!(dep_layer < layer, "{name} (layer {layer}) depends on {dep} (layer {dep_layer})");
            }
        }
    }
}
