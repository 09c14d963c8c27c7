//! The digest of what a result was computed from: SHA-256 (FIPS 180-4) of a dataset's
//! canonical tables or of a resolved scenario's canonical text, as 64 lowercase hex digits.
//!
//! Every output's provenance records these digests, and `bulwark merge` refuses shards whose
//! digests differ. SHA-256 rather than a short checksum because a manifest is also a record a
//! reader may check later against the inputs they hold: an accidental or deliberate collision
//! should not be a practical worry.

use sha2::{Digest, Sha256};

/// The SHA-256 digest of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_fips_180_test_vectors() {
        // FIPS 180-2, appendix B.1 ("abc"), and the digest of the empty message.
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
