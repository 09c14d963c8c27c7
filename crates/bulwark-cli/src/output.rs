//! The one rule for every file the CLI writes (`assess --out`, `data export --out`,
//! `simulate --out/--summary`, `bench attrition --out`):
//!
//! - missing directories on the way are created;
//! - an existing file is never overwritten unless `--force` is given; a directory where a file
//!   should go, or a regular file where a directory should be, is a user error (exit 2);
//! - the target itself is never followed if it is a symbolic link: with `--force` the link is
//!   replaced by the new file, not the file it points to;
//! - the bytes go to a temporary file in the target's directory (created exclusively, so it
//!   cannot be a planted link) and are renamed over the target only when complete, so a reader
//!   never sees half a file;
//! - temporary and spool files are removed on every exit path, Ctrl-C (SIGINT) and SIGTERM
//!   included ([`install_interrupt_cleanup`]).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use crate::Failure;

/// Temporary files alive now, removed by the interrupt handler.
static LIVE_TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Distinguishes the temporary files of one process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

fn user(message: String) -> Failure {
    eprintln!("error: {}", crate::diagnostics::printable(&message));
    Failure::User
}

/// Checks that `path` may be written under the rule, creating its parent directories.
pub(crate) fn prepare_file(path: &Path, force: bool) -> Result<(), Failure> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(user(format!("{}: is a directory; give a file name", path.display())));
        }
        Ok(_) if !force => {
            return Err(user(format!(
                "{}: the file exists; pass --force to overwrite it (a link is replaced, not followed)",
                path.display()
            )));
        }
        // Not there (or not reachable: a file on the way is reported by `prepare_dir`).
        Ok(_) | Err(_) => {}
    }
    prepare_dir(parent_of(path))
}

/// Creates `dir` (and its parents) if missing; a regular file in its place is a user error.
pub(crate) fn prepare_dir(dir: &Path) -> Result<(), Failure> {
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    if let Ok(meta) = std::fs::metadata(dir) {
        if !meta.is_dir() {
            return Err(user(format!("{}: is a file, not a directory", dir.display())));
        }
        return Ok(());
    }
    std::fs::create_dir_all(dir)
        .map_err(|err| user(format!("{}: cannot create the directory: {err}", dir.display())))
}

/// Writes `bytes` to `path` under the rule: checked, written to a temporary file, renamed.
pub(crate) fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    prepare_file(path, force)?;
    let mut temp = TempFile::create_beside(path)?;
    temp.file().write_all(bytes).map_err(|e| temp.failure(e))?;
    temp.persist(path, force)
}

fn parent_of(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}

/// A temporary file in a target's directory, removed when dropped unless persisted.
pub(crate) struct TempFile {
    path: PathBuf,
    file: File,
    persisted: bool,
}

impl TempFile {
    /// A new, empty temporary file next to `target` (`.NAME.PID-N.tmp`).
    pub(crate) fn create_beside(target: &Path) -> Result<TempFile, Failure> {
        let name = target.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = parent_of(target).join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        let file = OpenOptions::new()
            .write(true)
            .read(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| Failure::Internal(format!("cannot create {}: {e}", path.display())))?;
        if let Ok(mut live) = LIVE_TEMPS.lock() {
            live.push(path.clone());
        }
        Ok(TempFile { path, file, persisted: false })
    }

    /// The open file.
    pub(crate) fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// The temporary file's path (to read a spool back).
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// An I/O error on this file, as an internal failure.
    pub(crate) fn failure(&self, err: std::io::Error) -> Failure {
        Failure::Internal(format!("cannot write {}: {err}", self.path.display()))
    }

    /// Renames the file over `target`, after checking the rule once more (another process
    /// may have created the target meanwhile).
    pub(crate) fn persist(mut self, target: &Path, force: bool) -> Result<(), Failure> {
        self.file.sync_all().map_err(|e| self.failure(e))?;
        if !force && std::fs::symlink_metadata(target).is_ok() {
            return Err(user(format!("{}: the file appeared while writing; pass --force", target.display())));
        }
        std::fs::rename(&self.path, target)
            .map_err(|e| Failure::Internal(format!("cannot write {}: {e}", target.display())))?;
        self.persisted = true;
        forget(&self.path);
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
            forget(&self.path);
        }
    }
}

fn forget(path: &Path) {
    if let Ok(mut live) = LIVE_TEMPS.lock() {
        live.retain(|p| p != path);
    }
}

/// On SIGINT or SIGTERM, removes every live temporary file and exits with 130 (the shell's
/// code for an interrupted program). Runs on a thread of its own (signal-hook's iterator), so
/// the handler itself does nothing but wake it.
pub(crate) fn install_interrupt_cleanup() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            if let Ok(live) = LIVE_TEMPS.lock() {
                live.iter().for_each(|path| {
                    let _ = std::fs::remove_file(path);
                });
            }
            std::process::exit(130);
        }
    });
}
