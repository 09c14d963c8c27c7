//! The example scenarios compiled into the binary, so that `extends = "baseline"` and
//! `bulwark assess` work without any file.

macro_rules! embedded_scenario {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../scenarios/", $name, ".toml")))
    };
}

const EMBEDDED: &[(&str, &str)] = &[
    embedded_scenario!("baseline"),
    embedded_scenario!("us-conventional-withdrawal"),
    embedded_scenario!("us-full-withdrawal"),
    embedded_scenario!("intel-cut"),
];

/// Names of the embedded scenarios.
pub fn embedded_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(name, _)| *name)
}

/// The text of an embedded scenario.
pub fn embedded_text(name: &str) -> Option<&'static str> {
    EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}
