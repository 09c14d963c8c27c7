//! `--shard k/n` or `--shard auto`: which part of an ensemble this process runs. `auto` takes
//! the shard from a Slurm job array's environment (`SLURM_ARRAY_TASK_ID`,
//! `SLURM_ARRAY_TASK_COUNT`, `SLURM_ARRAY_TASK_MIN`), so one `sbatch --array=1-N` script runs
//! every shard without arithmetic in the script.

use bulwark_ensemble::Shard;

use crate::Failure;

/// The shard `--shard TEXT` names, or a message on stderr and exit 2.
pub(crate) fn parse(text: &str) -> Result<Shard, Failure> {
    let shard = if text.trim() == "auto" {
        Shard::from_slurm_array(|name| std::env::var(name).ok())
    } else {
        text.parse()
    };
    shard.map_err(|e| {
        eprintln!(
            "error: --shard `{text}`: {e} (expected k/n with 1 ≤ k ≤ n, or auto inside a Slurm job array)"
        );
        Failure::User
    })
}
