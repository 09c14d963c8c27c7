//! Provenance in the reports: the `provenance` object of every JSON document, the provenance
//! line of every HTML footer and the `FILE.manifest.json` sidecar of a summary file (schema
//! `bulwark.manifest/1`; all three documented in `docs/provenance.md`).
//!
//! The renderers of the reports know nothing of provenance: the binary renders a report, then
//! adds its provenance with [`add_to_json`] or [`add_to_html`]. Both are deterministic, so the
//! same result with the same provenance gives the same bytes.

use bulwark_core::{InputDigest, Provenance, RunRange};
use serde_json::{json, Value};

use crate::assessment_html::escape;
use crate::i18n::Messages;

/// Schema of the `provenance` object.
pub const PROVENANCE_SCHEMA: &str = "bulwark.provenance/1";

/// Schema of a summary's sidecar manifest.
pub const MANIFEST_SCHEMA: &str = "bulwark.manifest/1";

/// The `provenance` object.
pub fn to_json(provenance: &Provenance) -> Value {
    let input = |input: &InputDigest| json!({ "name": input.name, "sha256": input.sha256 });
    json!({
        "schema": PROVENANCE_SCHEMA,
        "bulwark_version": provenance.version,
        "commit": provenance.commit,
        "command": provenance.command,
        "model": provenance.model,
        "dataset": provenance.dataset.as_ref().map(input),
        "scenarios": provenance.scenarios.iter().map(input).collect::<Vec<_>>(),
        "seed": provenance.seed,
        "runs": provenance.runs.map(|r| json!({ "start": r.start, "end": r.end, "total": r.total })),
        "shard": provenance.shard.map(|(k, n)| format!("{k}/{n}")),
        "sampler": provenance.sampler,
    })
}

/// `document` (a pretty-printed JSON object, as every report writes) with a last member
/// `"provenance"`; any other text is returned unchanged.
pub fn add_to_json(document: &str, provenance: &Provenance) -> String {
    let trimmed = document.trim_end();
    let Some(body) = trimmed.strip_suffix('}').filter(|_| trimmed.starts_with('{')) else {
        return document.to_string();
    };
    let body = body.trim_end();
    let separator = if body.ends_with('{') { "" } else { "," };
    let object = serde_json::to_string_pretty(&to_json(provenance)).unwrap_or_default().replace('\n', "\n  ");
    format!("{body}{separator}\n  \"provenance\": {object}\n}}\n")
}

/// The provenance as one footer paragraph of HTML.
pub fn footer_html(provenance: &Provenance, m: &Messages) -> String {
    let code = |text: &str| format!("<code>{}</code>", escape(text));
    // Catalogue words are escaped; the values are code, inserted after.
    let word = |id: &str| escape(&m.t(id));
    let mut parts = vec![format!(
        "Bulwark {} ({} {})",
        escape(&provenance.version),
        word("prov-commit"),
        code(&provenance.commit)
    )];
    if let Some(dataset) = &provenance.dataset {
        parts.push(format!(
            "{} {} SHA-256 {}",
            word("prov-dataset"),
            code(&dataset.name),
            code(&dataset.sha256)
        ));
    }
    for scenario in &provenance.scenarios {
        parts.push(format!(
            "{} {} SHA-256 {}",
            word("prov-scenario"),
            code(&scenario.name),
            code(&scenario.sha256)
        ));
    }
    if let Some(model) = &provenance.model {
        parts.push(format!("{} {}", word("prov-model"), code(model)));
    }
    if let Some(seed) = provenance.seed {
        parts.push(format!("{} {seed}", word("prov-seed")));
    }
    if let Some(runs) = provenance.runs {
        parts.push(escape(&m.f(
            "prov-runs",
            &[
                ("start", runs.start.to_string().into()),
                ("end", runs.end.to_string().into()),
                ("total", runs.total.to_string().into()),
            ],
        )));
    }
    if let Some((k, n)) = provenance.shard {
        parts.push(format!("{} {k}/{n}", word("prov-shard")));
    }
    if let Some(sampler) = &provenance.sampler {
        parts.push(format!("{} {}", word("prov-sampler"), code(sampler)));
    }
    parts.push(format!(
        "{} {}",
        word("prov-command"),
        code(&bulwark_core::provenance::shell_words(&provenance.command))
    ));
    format!("<p class=\"provenance\">{}{}{}</p>", word("prov-heading"), word("label-sep"), parts.join(" · "))
}

/// `document` with the provenance paragraph at the end of its last `<footer>`, or in a footer
/// of its own before `</body>` when it has none; any other text is returned unchanged.
pub fn add_to_html(document: &str, provenance: &Provenance, m: &Messages) -> String {
    let paragraph = footer_html(provenance, m);
    if let Some(at) = document.rfind("</footer>") {
        return format!("{}{paragraph}{}", &document[..at], &document[at..]);
    }
    match document.rfind("</body>") {
        Some(at) => format!("{}<footer>{paragraph}</footer>\n{}", &document[..at], &document[at..]),
        None => document.to_string(),
    }
}

/// The sidecar `FILE.manifest.json` of the summary file `file_name` whose bytes have the
/// SHA-256 `file_sha256`: its provenance and the exact command line that wrote it.
pub fn manifest_json(
    file_name: &str,
    file_sha256: &str,
    provenance: &Provenance,
    invocation: &[String],
) -> String {
    let document = json!({
        "schema": MANIFEST_SCHEMA,
        "file": file_name,
        "file_sha256": file_sha256,
        "invocation": invocation,
        "provenance": to_json(provenance),
    });
    crate::json_text::pretty(document)
}

/// The provenance of a sidecar manifest's text (written by [`manifest_json`]); `None` when
/// the text is not a `bulwark.manifest/1` document with a well-formed provenance.
pub fn from_manifest(text: &str) -> Option<Provenance> {
    let document: Value = serde_json::from_str(text).ok()?;
    if document["schema"] != MANIFEST_SCHEMA {
        return None;
    }
    let value = &document["provenance"];
    let string = |v: &Value| v.as_str().map(str::to_string);
    let input = |v: &Value| Some(InputDigest { name: string(&v["name"])?, sha256: string(&v["sha256"])? });
    let runs = optional(&value["runs"], |r: &Value| {
        Some(RunRange { start: r["start"].as_u64()?, end: r["end"].as_u64()?, total: r["total"].as_u64()? })
    })?;
    let shard = optional(&value["shard"], |s: &Value| {
        let (k, n) = s.as_str()?.split_once('/')?;
        Some((k.parse().ok()?, n.parse().ok()?))
    })?;
    Some(Provenance {
        version: string(&value["bulwark_version"])?,
        commit: string(&value["commit"])?,
        command: value["command"].as_array()?.iter().map(string).collect::<Option<_>>()?,
        model: optional(&value["model"], string)?,
        dataset: optional(&value["dataset"], input)?,
        scenarios: value["scenarios"].as_array()?.iter().map(input).collect::<Option<_>>()?,
        seed: optional(&value["seed"], Value::as_u64)?,
        runs,
        shard,
        sampler: optional(&value["sampler"], string)?,
    })
}

/// `Some(None)` for a JSON null, `Some(Some(x))` when `read` reads it, `None` when it cannot.
fn optional<T>(value: &Value, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    if value.is_null() {
        Some(None)
    } else {
        read(value).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Provenance {
        let mut res =
            Provenance::new("0.1.0", "0123abc", vec!["bulwark".into(), "simulate".into(), "<x>".into()]);
        res.dataset = Some(InputDigest { name: "baseline-2026-01".into(), sha256: "d1".into() });
        res.scenarios = vec![InputDigest { name: "baseline".into(), sha256: "5c".into() }];
        res.seed = Some(7);
        res.runs = Some(RunRange { start: 10, end: 20, total: 40 });
        res.shard = Some((2, 4));
        res.sampler = Some("mc".into());
        res
    }

    #[test]
    fn the_provenance_is_the_last_member_of_a_json_document() {
        let document = "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}\n";
        let with = add_to_json(document, &sample());
        let value: Value = serde_json::from_str(&with).unwrap();
        assert_eq!(value["a"], 1);
        assert_eq!(value["provenance"]["schema"], PROVENANCE_SCHEMA);
        assert_eq!(value["provenance"]["commit"], "0123abc");
        assert_eq!(value["provenance"]["dataset"]["sha256"], "d1");
        assert_eq!(value["provenance"]["runs"]["end"], 20);
        assert_eq!(value["provenance"]["shard"], "2/4");
        assert!(
            with.starts_with("{\n  \"a\": 1,\n  \"b\": [\n    2\n  ],\n  \"provenance\": {\n    \""),
            "{with}"
        );
        // An empty object takes no comma; text that is not an object is left alone.
        let empty: Value = serde_json::from_str(&add_to_json("{}\n", &sample())).unwrap();
        assert_eq!(empty["provenance"]["seed"], 7);
        assert_eq!(add_to_json("[1]\n", &sample()), "[1]\n");
    }

    #[test]
    fn the_footer_gets_the_provenance_escaped() {
        let page = "<main><footer>Bulwark 0.1.0</footer>\n</main>\n</body>\n</html>\n";
        let with = add_to_html(page, &sample(), &Messages::new(crate::i18n::Lang::En));
        assert!(
            with.starts_with("<main><footer>Bulwark 0.1.0<p class=\"provenance\">Provenance: "),
            "{with}"
        );
        assert!(with.contains("scenario <code>baseline</code> SHA-256 <code>5c</code>"), "{with}");
        assert!(
            with.contains("shard 2/4") && with.contains("<code>bulwark simulate &#39;&lt;x&gt;&#39;</code>"),
            "{with}"
        );
        assert!(with.ends_with("</p></footer>\n</main>\n</body>\n</html>\n"), "{with}");
        // A page without a footer gets one.
        let bare = add_to_html("<body>x</body>", &sample(), &Messages::new(crate::i18n::Lang::En));
        assert!(
            bare.starts_with("<body>x<footer><p class=\"provenance\">")
                && bare.ends_with("</footer>\n</body>")
        );
    }

    #[test]
    fn the_manifest_names_its_file_and_holds_the_invocation() {
        let text =
            manifest_json("s.txt", "ff", &sample(), &["bulwark".into(), "--shard".into(), "2/4".into()]);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["schema"], MANIFEST_SCHEMA);
        assert_eq!(value["file"], "s.txt");
        assert_eq!(value["file_sha256"], "ff");
        assert_eq!(value["invocation"][2], "2/4");
        assert_eq!(value["provenance"]["sampler"], "mc");
        assert_eq!(from_manifest(&text), Some(sample()), "a manifest reads back");
        let mut bare = Provenance::new("0.1.0", "unknown", vec!["bulwark".into()]);
        bare.scenarios.clear();
        assert_eq!(from_manifest(&manifest_json("f", "00", &bare, &[])), Some(bare));
        assert_eq!(from_manifest(&text.replace("bulwark.manifest/1", "x")), None);
        assert_eq!(from_manifest(&text.replace("\"2/4\"", "\"2-4\"")), None);
        assert_eq!(from_manifest("{"), None);
    }
}
