//! A hash that is the same in every build and every run (FNV-1a), unlike std's hasher, so
//! that what is derived from it (an ETag, a user sync's change, a group's id) is stable.

/// FNV-1a of `bytes`.
pub fn stable_hash(bytes: impl IntoIterator<Item = u8>) -> u64 {
    stable_hash_on(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a of what gave `hash`, followed by `bytes`: what many hashes of the same beginning
/// hash only once.
pub fn stable_hash_on(hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(hash, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_fnv_1a() {
        // The published FNV-1a 64-bit test vectors.
        assert_eq!(stable_hash(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            stable_hash_on(stable_hash(*b"fo"), *b"o"),
            stable_hash(*b"foo")
        );
    }
}
