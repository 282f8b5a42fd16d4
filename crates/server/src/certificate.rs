//! Certificates that an organization's own application signs in with, as Microsoft's identity
//! platform takes them: XMS makes an RSA key pair and a self-signed X.509 certificate whose
//! public part the administrator uploads to Entra, and proves each sign-in with a client
//! assertion (a JWT signed with the private key, RFC 7523) that names the certificate by its
//! SHA-256 thumbprint. The development authority reads uploaded certificates and checks
//! assertions with the same pieces.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, SerialNumber};
use ring::{
    digest::{SHA1_FOR_LEGACY_USE_ONLY, SHA256, digest},
    rand::SystemRandom,
    signature::{self, RsaKeyPair},
};
use rsa::pkcs8::EncodePrivateKey;
use serde::Deserialize;
use serde_json::json;

/// How long a certificate XMS makes stays valid: two years, as Entra's longest client secret.
pub const VALIDITY_DAYS: i64 = 730;

/// The subject XMS's certificates name, which Entra lists beside the thumbprint.
pub const SUBJECT: &str = "Xopero ONE backup (XMS)";

/// The `client_assertion_type` of a JWT client assertion (RFC 7523 section 2.2).
pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// How long an assertion XMS signs is good for: one sign-in, with room for clock skew.
const ASSERTION_SECONDS: i64 = 600;

/// Entra accepts RSA keys of 2048 bits and more.
const KEY_BITS: usize = 2048;

/// A certificate just made, with its private key.
pub struct Issued {
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// The certificate, PEM: what the administrator uploads.
    pub pem: String,
    /// The private key, PKCS #8 DER: it never leaves XMS.
    pub private_key: Vec<u8>,
    /// Unix milliseconds after which it no longer signs in.
    pub not_after: i64,
}

/// Why a certificate or an assertion could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CertificateError(String);

fn failed(what: &str) -> impl Fn(String) -> CertificateError + '_ {
    move |detail| CertificateError(format!("{what}: {detail}"))
}

/// Makes a key pair and a certificate for it valid from `now` (Unix ms) for
/// [`VALIDITY_DAYS`]. Takes a moment: run it off the async threads.
pub fn issue(now: i64) -> Result<Issued, CertificateError> {
    let private = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, KEY_BITS)
        .map_err(|e| failed("making the key pair")(e.to_string()))?;
    let private_key = private
        .to_pkcs8_der()
        .map_err(|e| failed("encoding the key")(e.to_string()))?
        .as_bytes()
        .to_vec();
    let key_pair = KeyPair::try_from(private_key.as_slice())
        .map_err(|e| failed("reading the key")(e.to_string()))?;
    let start = now.div_euclid(1000);
    let not_after = start + VALIDITY_DAYS * 86_400;
    let at = |seconds: i64| {
        time::OffsetDateTime::from_unix_timestamp(seconds)
            .map_err(|e| failed("dating the certificate")(e.to_string()))
    };
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, SUBJECT);
    params.not_before = at(start)?;
    params.not_after = at(not_after)?;
    params.serial_number = Some(SerialNumber::from_slice(uuid::Uuid::new_v4().as_bytes()));
    let certificate = params
        .self_signed(&key_pair)
        .map_err(|e| failed("signing the certificate")(e.to_string()))?;
    Ok(Issued {
        der: certificate.der().to_vec(),
        pem: certificate.pem(),
        private_key,
        not_after: not_after * 1000,
    })
}

/// The certificate's thumbprint as Entra lists it: SHA-1 of the DER, upper-case hex.
pub fn thumbprint(der: &[u8]) -> String {
    digest(&SHA1_FOR_LEGACY_USE_ONLY, der)
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

/// The certificate's `x5t#S256`: SHA-256 of the DER, base64url.
pub fn thumbprint_s256(der: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(digest(&SHA256, der))
}

/// A client assertion for application `client_id` signing in at `audience` (the token
/// endpoint) at `now`, signed with `private_key` (PKCS #8) of certificate `der`: PS256 with
/// the `x5t#S256` header, as Microsoft asks.
pub fn client_assertion(
    private_key: &[u8],
    der: &[u8],
    client_id: &str,
    audience: &str,
    now: i64,
) -> Result<String, CertificateError> {
    let key = RsaKeyPair::from_pkcs8(private_key)
        .map_err(|e| failed("reading the private key")(e.to_string()))?;
    let seconds = now.div_euclid(1000);
    let header = json!({"alg": "PS256", "typ": "JWT", "x5t#S256": thumbprint_s256(der)});
    let claims = json!({
        "aud": audience,
        "iss": client_id,
        "sub": client_id,
        "jti": uuid::Uuid::new_v4().to_string(),
        "iat": seconds,
        "nbf": seconds,
        "exp": seconds + ASSERTION_SECONDS,
    });
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut signed = vec![0; key.public().modulus_len()];
    key.sign(
        &signature::RSA_PSS_SHA256,
        &SystemRandom::new(),
        input.as_bytes(),
        &mut signed,
    )
    .map_err(|e| failed("signing the assertion")(e.to_string()))?;
    Ok(format!("{input}.{}", URL_SAFE_NO_PAD.encode(signed)))
}

/// A client assertion's header, as far as choosing the key goes.
#[derive(Debug, Deserialize)]
pub struct AssertionHeader {
    /// `PS256` or `RS256`.
    pub alg: String,
    /// The SHA-256 thumbprint of the signing certificate (with PS256).
    #[serde(rename = "x5t#S256")]
    pub x5t_s256: Option<String>,
    /// The SHA-1 thumbprint, base64url (Microsoft's older form, with RS256).
    pub x5t: Option<String>,
}

/// A client assertion's claims that decide whether it signs in.
#[derive(Debug, Deserialize)]
pub struct AssertionClaims {
    /// The token endpoint it is meant for.
    pub aud: String,
    /// The application (client) id, as issuer.
    pub iss: String,
    /// The application (client) id, as subject.
    pub sub: String,
    /// Unix seconds after which it no longer signs in.
    pub exp: i64,
    /// Unix seconds before which it does not sign in yet.
    #[serde(default)]
    pub nbf: Option<i64>,
}

/// A client assertion taken apart, its signature not yet checked.
pub struct Assertion<'a> {
    /// Which key signed it.
    pub header: AssertionHeader,
    /// What it claims.
    pub claims: AssertionClaims,
    signing_input: &'a str,
    signature: Vec<u8>,
}

impl<'a> Assertion<'a> {
    /// `jwt`'s parts, or `None` when it is no JWT with the claims above.
    pub fn parse(jwt: &'a str) -> Option<Self> {
        let (signing_input, signature) = jwt.rsplit_once('.')?;
        let (header, claims) = signing_input.split_once('.')?;
        let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).ok();
        Some(Self {
            header: serde_json::from_slice(&decode(header)?).ok()?,
            claims: serde_json::from_slice(&decode(claims)?).ok()?,
            signing_input,
            signature: decode(signature)?,
        })
    }

    /// Whether the signature is `public_key`'s (PKCS #1 `RSAPublicKey` DER) under the
    /// header's algorithm.
    pub fn signed_by(&self, public_key: &[u8]) -> bool {
        let algorithm: &dyn signature::VerificationAlgorithm = match self.header.alg.as_str() {
            "PS256" => &signature::RSA_PSS_2048_8192_SHA256,
            "RS256" => &signature::RSA_PKCS1_2048_8192_SHA256,
            _ => return false,
        };
        signature::UnparsedPublicKey::new(algorithm, public_key)
            .verify(self.signing_input.as_bytes(), &self.signature)
            .is_ok()
    }
}

/// What an uploaded certificate tells: its thumbprints, RSA public key and validity.
pub struct Uploaded {
    /// SHA-1, upper-case hex (Entra's "Thumbprint").
    pub thumbprint: String,
    /// SHA-256, base64url (`x5t#S256`).
    pub thumbprint_s256: String,
    /// The PKCS #1 `RSAPublicKey` DER.
    pub public_key: Vec<u8>,
    /// Unix milliseconds.
    pub not_before: i64,
    /// Unix milliseconds.
    pub not_after: i64,
}

/// Reads a PEM certificate with an RSA key, as Entra's upload does; why not, in words.
pub fn read_pem(pem: &[u8]) -> Result<Uploaded, String> {
    let (_, pem) = x509_parser::pem::parse_x509_pem(pem)
        .map_err(|_| "this is no PEM certificate (-----BEGIN CERTIFICATE-----)".to_owned())?;
    let certificate = pem
        .parse_x509()
        .map_err(|e| format!("the certificate cannot be read: {e}"))?;
    let key = certificate.public_key();
    if key.algorithm.algorithm != x509_parser::oid_registry::OID_PKCS1_RSAENCRYPTION {
        return Err("only certificates with an RSA key are accepted".to_owned());
    }
    let validity = certificate.validity();
    Ok(Uploaded {
        thumbprint: thumbprint(&pem.contents),
        thumbprint_s256: thumbprint_s256(&pem.contents),
        public_key: key.subject_public_key.data.to_vec(),
        not_before: validity.not_before.timestamp() * 1000,
        not_after: validity.not_after.timestamp() * 1000,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_000_000_000;

    #[test]
    fn an_issued_certificate_reads_back_and_its_assertions_verify() {
        let issued = issue(NOW).unwrap();
        assert!(issued.pem.starts_with("-----BEGIN CERTIFICATE-----"));
        let uploaded = read_pem(issued.pem.as_bytes()).unwrap();
        assert_eq!(uploaded.not_before, NOW);
        assert_eq!(uploaded.not_after, issued.not_after);
        assert_eq!(uploaded.thumbprint, thumbprint(&issued.der));
        assert_eq!(uploaded.thumbprint.len(), 40);

        let jwt = client_assertion(&issued.private_key, &issued.der, "app", "aud", NOW).unwrap();
        let assertion = Assertion::parse(&jwt).unwrap();
        assert_eq!(
            assertion.header.x5t_s256.as_deref(),
            Some(uploaded.thumbprint_s256.as_str())
        );
        assert_eq!(assertion.claims.sub, "app");
        assert_eq!(assertion.claims.exp, NOW / 1000 + ASSERTION_SECONDS);
        assert!(assertion.signed_by(&uploaded.public_key));

        let other = read_pem(issue(NOW).unwrap().pem.as_bytes()).unwrap();
        assert!(!assertion.signed_by(&other.public_key));
    }

    #[test]
    fn anything_but_a_pem_certificate_is_refused() {
        assert!(read_pem(b"not a certificate").is_err());
    }
}
