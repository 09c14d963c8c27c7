//! The git commit a source tree is at, read from the `.git` directory's files (no `git`
//! binary needed): `HEAD`, then the branch's loose ref or `packed-refs`, following a linked
//! worktree's `gitdir:` file and `commondir`. Used by `build.rs`; `None` when there is no
//! repository (a source tarball) or its files are not understood, never a panic.

use std::path::{Path, PathBuf};

/// The commit of the repository containing `start`, and the files whose change means the
/// commit may have changed (for `cargo:rerun-if-changed`; only files that exist).
pub fn head_commit(start: &Path) -> (Option<String>, Vec<PathBuf>) {
    let Some(git_dir) = find_git_dir(start) else { return (None, Vec::new()) };
    let head_path = git_dir.join("HEAD");
    let mut watched = vec![head_path.clone()];
    let Ok(head) = std::fs::read_to_string(&head_path) else { return (None, watched) };
    let head = head.trim();
    let Some(refname) = head.strip_prefix("ref:").map(str::trim) else {
        return (is_object_id(head).then(|| head.to_string()), watched);
    };
    let common = match std::fs::read_to_string(git_dir.join("commondir")) {
        Ok(text) => git_dir.join(text.trim()),
        Err(_) => git_dir.clone(),
    };
    // A branch's loose ref lives in the common directory. Only that file is watched (other
    // branches' commits must not rebuild the binary); when it is packed, its directory is, as
    // the next commit creates the loose file anew.
    let loose = [git_dir.join(refname), common.join(refname)].into_iter().find(|path| path.is_file());
    match loose {
        Some(path) => watched.push(path),
        None => {
            watched.extend(common.join(refname).parent().filter(|dir| dir.is_dir()).map(Path::to_path_buf))
        }
    }
    let packed_path = common.join("packed-refs");
    if packed_path.is_file() {
        watched.push(packed_path.clone());
    }
    for dir in [&git_dir, &common] {
        if let Ok(text) = std::fs::read_to_string(dir.join(refname)) {
            let id = text.trim();
            return (is_object_id(id).then(|| id.to_string()), watched);
        }
    }
    let packed = std::fs::read_to_string(&packed_path).unwrap_or_default();
    let id = packed
        .lines()
        .filter_map(|line| line.split_once(' '))
        .find(|(_, name)| name.trim() == refname)
        .map(|(id, _)| id.to_string())
        .filter(|id| is_object_id(id));
    (id, watched)
}

/// The `.git` directory of the repository containing `start`: a `.git` directory, or the
/// directory a `.git` file's `gitdir:` line names (linked worktrees, submodules).
fn find_git_dir(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(".git");
        if candidate.is_dir() {
            return Some(candidate);
        }
        if candidate.is_file() {
            let text = std::fs::read_to_string(&candidate).ok()?;
            let target = text.trim().strip_prefix("gitdir:")?.trim();
            return Some(dir.join(target)).filter(|path| path.is_dir());
        }
    }
    None
}

/// 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
fn is_object_id(text: &str) -> bool {
    matches!(text.len(), 40 | 64) && text.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef01234567";

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn reads_a_loose_ref_a_packed_ref_and_a_detached_head() {
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path().join(".git");
        write(&git.join("HEAD"), "ref: refs/heads/main\n");
        write(&git.join("refs/heads/main"), &format!("{ID}\n"));
        let nested = dir.path().join("crates/x");
        std::fs::create_dir_all(&nested).unwrap();
        let (commit, watched) = head_commit(&nested);
        assert_eq!(commit.as_deref(), Some(ID));
        assert_eq!(watched, [git.join("HEAD"), git.join("refs/heads/main")]);
        std::fs::remove_file(git.join("refs/heads/main")).unwrap();
        write(&git.join("packed-refs"), &format!("# pack-refs with: peeled\n{ID} refs/heads/main\n"));
        let (commit, watched) = head_commit(dir.path());
        assert_eq!(commit.as_deref(), Some(ID));
        assert_eq!(watched, [git.join("HEAD"), git.join("refs/heads"), git.join("packed-refs")]);
        write(&git.join("HEAD"), &format!("{ID}\n"));
        assert_eq!(head_commit(dir.path()).0.as_deref(), Some(ID));
    }

    #[test]
    fn follows_a_linked_worktree_to_the_common_directory() {
        let dir = tempfile::tempdir().unwrap();
        let main_git = dir.path().join("main/.git");
        write(&main_git.join("refs/heads/feature"), &format!("{ID}\n"));
        let linked = main_git.join("worktrees/feature");
        write(&linked.join("HEAD"), "ref: refs/heads/feature\n");
        write(&linked.join("commondir"), "../..\n");
        write(&dir.path().join("wt/.git"), &format!("gitdir: {}\n", linked.display()));
        assert_eq!(head_commit(&dir.path().join("wt")).0.as_deref(), Some(ID));
    }

    #[test]
    fn no_repository_or_a_damaged_one_gives_none() {
        let dir = tempfile::tempdir().unwrap();
        // The temporary directory may sit inside a repository; one of its own stops the search.
        let git = dir.path().join(".git");
        std::fs::create_dir_all(&git).unwrap();
        assert_eq!(head_commit(dir.path()).0, None);
        write(&git.join("HEAD"), "ref: refs/heads/gone\n");
        assert_eq!(head_commit(dir.path()).0, None);
        write(&git.join("HEAD"), "not a commit\n");
        assert_eq!(head_commit(dir.path()).0, None);
        std::fs::remove_dir_all(&git).unwrap();
        write(&git, "gitdir: /nonexistent/path\n");
        assert_eq!(head_commit(dir.path()).0, None);
    }
}
