//! Where a result came from: the provenance every output file records (JSON as a
//! `provenance` object, HTML in the footer, Parquet as key-value metadata, summaries in a
//! `FILE.manifest.json` sidecar; the schema is in `docs/provenance.md`).
//!
//! A [`Provenance`] holds only what fixes the result's bytes — the build, the inputs' SHA-256
//! digests, the seed, the runs and shard, the sampler and the command line that reproduces the
//! result — and no clock reading, so that two runs of the same scenario and seed still give
//! the same bytes. Its command line leaves out the options that do not change the result
//! (threads, progress bar, output paths, `--shard`, `--merge`): shards merged give the bytes of
//! the unsharded run, provenance included. The exact invocation goes into the sidecar only.

/// One input of a result: its name as the user gave it and the SHA-256 of its canonical text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDigest {
    /// The dataset's or scenario's name.
    pub name: String,
    /// SHA-256 of its canonical text, 64 lowercase hex digits ([`crate::digest::sha256_hex`]).
    pub sha256: String,
}

/// The runs of an ensemble a result covers: `start..end` of `total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunRange {
    /// First run index.
    pub start: u64,
    /// One past the last run index.
    pub end: u64,
    /// Runs in the whole ensemble (every shard).
    pub total: u64,
}

/// What a result was computed from and by which build (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// The Bulwark version (`CARGO_PKG_VERSION`).
    pub version: String,
    /// The git commit the binary was built from, or `unknown` (a source tarball).
    pub commit: String,
    /// The command line that reproduces the result, `bulwark` first.
    pub command: Vec<String>,
    /// The model run (`baltic`, `nuclear`, …), for ensembles and explorations.
    pub model: Option<String>,
    /// The dataset.
    pub dataset: Option<InputDigest>,
    /// The resolved scenarios (two for a comparison).
    pub scenarios: Vec<InputDigest>,
    /// The seed of the random streams.
    pub seed: Option<u64>,
    /// The runs covered.
    pub runs: Option<RunRange>,
    /// The shard run, `(k, n)`; `None` for a whole (or merged) ensemble.
    pub shard: Option<(u64, u64)>,
    /// How uncertain parameters were drawn (`mc`, `lhs`, `default`, or a design).
    pub sampler: Option<String>,
}

impl Provenance {
    /// A provenance of this build and command line, with no inputs yet.
    pub fn new(version: &str, commit: &str, command: Vec<String>) -> Provenance {
        Provenance {
            version: version.to_string(),
            commit: commit.to_string(),
            command,
            model: None,
            dataset: None,
            scenarios: Vec::new(),
            seed: None,
            runs: None,
            shard: None,
            sampler: None,
        }
    }

    /// The fields as `(key, text)` pairs in a fixed order, absent ones left out: Parquet's
    /// key-value metadata (each key prefixed `bulwark.`) and comparisons read this form.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let mut res = vec![
            ("version", self.version.clone()),
            ("commit", self.commit.clone()),
            ("command", shell_words(&self.command)),
        ];
        if let Some(model) = &self.model {
            res.push(("model", model.clone()));
        }
        if let Some(dataset) = &self.dataset {
            res.push(("dataset", dataset.name.clone()));
            res.push(("dataset.sha256", dataset.sha256.clone()));
        }
        if !self.scenarios.is_empty() {
            let joined =
                |f: fn(&InputDigest) -> &str| self.scenarios.iter().map(f).collect::<Vec<_>>().join(",");
            res.push(("scenario", joined(|s| &s.name)));
            res.push(("scenario.sha256", joined(|s| &s.sha256)));
        }
        if let Some(seed) = self.seed {
            res.push(("seed", seed.to_string()));
        }
        if let Some(runs) = self.runs {
            res.push(("runs", format!("{}..{} of {}", runs.start, runs.end, runs.total)));
        }
        if let Some((k, n)) = self.shard {
            res.push(("shard", format!("{k}/{n}")));
        }
        if let Some(sampler) = &self.sampler {
            res.push(("sampler", sampler.clone()));
        }
        res
    }
}

/// `words` as one line a POSIX shell reads back as the same words: a word of plain characters
/// stays as it is, any other is single-quoted (a `'` inside written `'\''`).
pub fn shell_words(words: &[String]) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:=,+@%".contains(c);
    words
        .iter()
        .map(|word| {
            if !word.is_empty() && word.chars().all(plain) {
                word.clone()
            } else {
                format!("'{}'", word.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn shell_words_quote_only_what_a_shell_would_split_or_expand() {
        assert_eq!(
            shell_words(&words(&["bulwark", "simulate", "--runs", "10"])),
            "bulwark simulate --runs 10"
        );
        assert_eq!(shell_words(&words(&["a b", "", "it's", "$HOME"])), r"'a b' '' 'it'\''s' '$HOME'");
    }

    #[test]
    fn fields_leave_out_what_is_absent_and_keep_their_order() {
        let mut provenance = Provenance::new("0.1.0", "unknown", words(&["bulwark", "assess"]));
        assert_eq!(
            provenance.fields(),
            vec![
                ("version", "0.1.0".to_string()),
                ("commit", "unknown".to_string()),
                ("command", "bulwark assess".to_string())
            ]
        );
        provenance.scenarios = vec![
            InputDigest { name: "a".into(), sha256: "01".into() },
            InputDigest { name: "b".into(), sha256: "02".into() },
        ];
        provenance.runs = Some(RunRange { start: 10, end: 20, total: 40 });
        provenance.shard = Some((2, 4));
        let fields = provenance.fields();
        assert_eq!(fields[3], ("scenario", "a,b".to_string()));
        assert_eq!(fields[4], ("scenario.sha256", "01,02".to_string()));
        assert_eq!(fields[5], ("runs", "10..20 of 40".to_string()));
        assert_eq!(fields[6], ("shard", "2/4".to_string()));
    }
}
