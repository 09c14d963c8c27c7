//! Build script: records the git commit the binary is built from as `BULWARK_COMMIT`, for
//! the provenance of every output and `bulwark --version`. It reads `.git`'s files, so
//! building needs no `git` binary; without a repository (a source tarball) the commit is
//! `BULWARK_BUILD_COMMIT` when set, else `unknown`.

#[path = "build/git_commit.rs"]
mod git_commit;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/git_commit.rs");
    println!("cargo:rerun-if-env-changed=BULWARK_BUILD_COMMIT");
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map(std::path::PathBuf::from).unwrap_or_default();
    let (commit, watched) = git_commit::head_commit(&manifest_dir);
    for path in watched {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let commit = commit
        .or_else(|| std::env::var("BULWARK_BUILD_COMMIT").ok().filter(|c| !c.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=BULWARK_COMMIT={}", commit.trim());
}
