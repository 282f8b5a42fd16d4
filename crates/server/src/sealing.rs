//! The key XMS seals the credentials it keeps with (client secrets of applications that
//! administrators registered): AES-256-GCM, each sealed value bound to what it belongs to, so
//! that a value copied to another row does not open. The key comes from the server's
//! configuration, a file of 64 hex digits, never from the database.

use std::{fmt, io::Write, path::Path, sync::Arc};

use ring::{
    aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey},
    rand::{SecureRandom, SystemRandom},
};

/// The key; cheap to clone.
#[derive(Clone)]
pub struct CredentialKey(Arc<LessSafeKey>);

// Never the key's bytes, whoever prints it.
impl fmt::Debug for CredentialKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CredentialKey(<redacted>)")
    }
}

impl CredentialKey {
    /// The key written as 64 hex digits (surrounding whitespace allowed).
    pub fn from_hex(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let invalid = || "a credential key is 64 hex digits (32 bytes)".to_owned();
        if text.len() != 64 || !text.is_ascii() {
            return Err(invalid());
        }
        let bytes = (0..32)
            .map(|i| u8::from_str_radix(&text[i * 2..i * 2 + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| invalid())?;
        let key = UnboundKey::new(&AES_256_GCM, &bytes).map_err(|_| invalid())?;
        Ok(Self(Arc::new(LessSafeKey::new(key))))
    }

    /// The key in the file at `path`; when there is no file, a new random key written there,
    /// readable by its owner only. Whether it was made goes with it.
    pub fn load_or_create(path: &Path) -> Result<(Self, bool), String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::from_hex(&text)
                .map(|key| (key, false))
                .map_err(|e| format!("{}: {e}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let mut bytes = [0u8; 32];
                SystemRandom::new()
                    .fill(&mut bytes)
                    .map_err(|_| "the system has no random numbers for a key".to_owned())?;
                let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                write_private(path, &hex).map_err(|e| format!("{}: {e}", path.display()))?;
                Self::from_hex(&hex).map(|key| (key, true))
            }
            Err(error) => Err(format!("{}: {error}", path.display())),
        }
    }

    /// `plain` sealed for `owner`: a random nonce, then the ciphertext with its tag.
    pub fn seal(&self, plain: &[u8], owner: &str) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .expect("the system random number generator works");
        let mut sealed = plain.to_vec();
        self.0
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(owner.as_bytes()),
                &mut sealed,
            )
            .expect("AES-GCM seals any value below 64 GiB");
        let mut out = nonce.to_vec();
        out.append(&mut sealed);
        out
    }

    /// What `sealed` holds, if this key sealed it for `owner`.
    pub fn open(&self, sealed: &[u8], owner: &str) -> Option<Vec<u8>> {
        let (nonce, ciphertext) = sealed.split_at_checked(NONCE_LEN)?;
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut buffer = ciphertext.to_vec();
        let plain = self
            .0
            .open_in_place(nonce, Aad::from(owner.as_bytes()), &mut buffer)
            .ok()?;
        Some(plain.to_vec())
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    writeln!(file, "{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> CredentialKey {
        CredentialKey::from_hex(&"ab".repeat(32)).unwrap()
    }

    #[test]
    fn a_sealed_value_opens_for_its_owner_only() {
        let sealed = key().seal(b"abc8Q~secret", "org-1");
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
        assert_eq!(key().open(&sealed, "org-1").unwrap(), b"abc8Q~secret");
        assert_eq!(key().open(&sealed, "org-2"), None);
        let other = CredentialKey::from_hex(&"cd".repeat(32)).unwrap();
        assert_eq!(other.open(&sealed, "org-1"), None);
    }

    #[test]
    fn a_key_file_is_made_once_and_read_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("credential-key");
        let (made, created) = CredentialKey::load_or_create(&path).unwrap();
        assert!(created);
        let (read, created) = CredentialKey::load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(read.open(&made.seal(b"x", "o"), "o").unwrap(), b"x");
        assert!(CredentialKey::from_hex("too short").is_err());
    }
}
