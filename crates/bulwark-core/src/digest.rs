//! A short, stable digest of text, for recording what a result was computed from (shard files
//! keep the digests of their scenario and dataset so that `bulwark merge` refuses a mix).
//!
//! FNV-1a (64 bits): tiny, dependency-free and stable across platforms and versions. It tells
//! accidental mix-ups apart; it is not a cryptographic hash and does not guard against
//! deliberate collisions (a full provenance manifest may add one later, under another name).

/// `fnv1a64:` and 16 hex digits of the FNV-1a hash of `text`.
pub fn fnv1a64(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        // Test vectors of the FNV reference (Fowler, Noll, Vo): "" and "a".
        assert_eq!(fnv1a64(""), "fnv1a64:cbf29ce484222325");
        assert_eq!(fnv1a64("a"), "fnv1a64:af63dc4c8601ec8c");
    }
}
