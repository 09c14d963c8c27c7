//! The `bulwark` binary: parses the command line, loads the dataset and scenarios, runs the
//! requested command and prints the result.
//!
//! Exit status: 0 on success, 2 for a user error (bad input file, bad argument, a dataset that
//! fails its checks, an output file that exists without `--force`), 1 for an internal error,
//! 130 when interrupted (temporary files removed). A closed output pipe (`bulwark … | head`)
//! ends the program quietly with 0.

mod args;
mod commands;
mod diagnostics;
mod output;
mod provenance;

/// The build script's commit resolution, tested with the binary's unit tests.
#[cfg(test)]
#[path = "../build/git_commit.rs"]
mod git_commit;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::Cli;

/// What went wrong, in the two kinds the exit status tells apart.
#[derive(Debug)]
pub enum Failure {
    /// The user's input is wrong; already reported on stderr.
    User,
    /// A bug or an I/O failure of ours.
    Internal(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    output::install_interrupt_cleanup();
    let mut stdout = std::io::stdout().lock();
    match commands::run(cli, &mut stdout)
        .and_then(|()| stdout.flush().map_err(|e| Failure::Internal(e.to_string())))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::User) => ExitCode::from(2),
        Err(Failure::Internal(message)) if message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(Failure::Internal(message)) => {
            eprintln!("internal error: {message}");
            ExitCode::from(1)
        }
    }
}
