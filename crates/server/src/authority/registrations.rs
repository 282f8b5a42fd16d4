//! Applications registered in the demo tenants by their administrators (as in Entra's "App
//! registrations"): their client secrets, stored only as hashes, and uploaded certificates,
//! the Microsoft Graph
//! permissions an administrator consented to, and the tenants' Conditional Access switch for
//! the device code. The `xms-server authority` commands change them, for demonstrations and
//! tests.

use ring::digest::{SHA256, digest};
use rusqlite::{Connection, OptionalExtension, params};

use super::directory::Tenant;
use crate::certificate::Uploaded;

/// A registered application as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    /// The application (client) id.
    pub client_id: String,
    /// The tenant it is registered in.
    pub tenant_id: String,
    /// Its display name.
    pub display_name: String,
    /// The application permissions consented to for the tenant (none without admin consent).
    pub consented: Vec<String>,
}

/// A client secret just made: its value is shown this once.
#[derive(Debug, Clone)]
pub struct NewSecret {
    /// The secret's id (what Entra lists as "Secret ID": not the secret).
    pub secret_id: String,
    /// The value to sign in with.
    pub value: String,
    /// Unix milliseconds after which it no longer signs in.
    pub expires_at: i64,
}

/// How a presented client secret compares with the application's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretCheck {
    /// One of its secrets, unexpired.
    Valid,
    /// One of its secrets, but expired.
    Expired,
    /// None of its secrets.
    Wrong,
}

fn hash(value: &str) -> String {
    digest(&SHA256, value.as_bytes())
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A secret value as Entra makes them: 40 characters with `8Q~` after the first three.
fn secret_value() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.";
    let random = [
        uuid::Uuid::new_v4(),
        uuid::Uuid::new_v4(),
        uuid::Uuid::new_v4(),
    ];
    let mut symbols = random
        .iter()
        .flat_map(|id| id.as_bytes().to_vec())
        // 64 symbols: masking a random byte picks each with the same probability.
        .map(|byte| char::from(ALPHABET[usize::from(byte & 63)]));
    let head: String = symbols.by_ref().take(3).collect();
    let tail: String = symbols.take(34).collect();
    format!("{head}8Q~{tail}")
}

/// Registers an application named `display_name` in `tenant` with the `consented`
/// permissions (none: admin consent not granted yet), and makes it a secret valid until
/// `expires_at`.
pub fn register(
    conn: &Connection,
    tenant: &Tenant,
    display_name: &str,
    consented: &[String],
    now: i64,
    expires_at: i64,
) -> rusqlite::Result<(Application, NewSecret)> {
    let application = Application {
        client_id: uuid::Uuid::new_v4().to_string(),
        tenant_id: tenant.id.to_owned(),
        display_name: display_name.to_owned(),
        consented: consented.to_vec(),
    };
    conn.execute(
        "INSERT INTO applications (client_id, tenant_id, display_name, consented, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            application.client_id,
            application.tenant_id,
            application.display_name,
            application.consented.join(" "),
            now
        ],
    )?;
    let secret = NewSecret {
        secret_id: uuid::Uuid::new_v4().to_string(),
        value: secret_value(),
        expires_at,
    };
    conn.execute(
        "INSERT INTO application_secrets (secret_id, client_id, value_hash, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            secret.secret_id,
            application.client_id,
            hash(&secret.value),
            expires_at
        ],
    )?;
    Ok((application, secret))
}

/// The application with this client id, in whichever tenant.
pub fn get(conn: &Connection, client_id: &str) -> rusqlite::Result<Option<Application>> {
    conn.query_row(
        "SELECT client_id, tenant_id, display_name, consented FROM applications
         WHERE client_id = ?1",
        [client_id],
        |row| {
            Ok(Application {
                client_id: row.get(0)?,
                tenant_id: row.get(1)?,
                display_name: row.get(2)?,
                consented: row
                    .get::<_, String>(3)?
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
            })
        },
    )
    .optional()
}

/// Whether `value` is one of `client_id`'s secrets at `now`.
pub fn check_secret(
    conn: &Connection,
    client_id: &str,
    value: &str,
    now: i64,
) -> rusqlite::Result<SecretCheck> {
    let expires_at: Option<i64> = conn
        .query_row(
            "SELECT max(expires_at) FROM application_secrets
             WHERE client_id = ?1 AND value_hash = ?2",
            params![client_id, hash(value)],
            |row| row.get(0),
        )
        .optional()?
        .flatten();
    Ok(match expires_at {
        Some(at) if at > now => SecretCheck::Valid,
        Some(_) => SecretCheck::Expired,
        None => SecretCheck::Wrong,
    })
}

/// An uploaded certificate's key and validity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateKey {
    /// The RSA public key, PKCS #1 `RSAPublicKey` DER.
    pub public_key: Vec<u8>,
    /// Unix milliseconds.
    pub not_before: i64,
    /// Unix milliseconds.
    pub not_after: i64,
}

/// Uploads `certificate` to application `client_id` (again: a no-op); false when there is no
/// such application.
pub fn upload_certificate(
    conn: &Connection,
    client_id: &str,
    certificate: &Uploaded,
) -> rusqlite::Result<bool> {
    if get(conn, client_id)?.is_none() {
        return Ok(false);
    }
    conn.execute(
        "INSERT OR IGNORE INTO application_certificates
             (client_id, thumbprint_s256, thumbprint, public_key, not_before, not_after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            client_id,
            certificate.thumbprint_s256,
            certificate.thumbprint,
            certificate.public_key,
            certificate.not_before,
            certificate.not_after
        ],
    )?;
    Ok(true)
}

/// Which of an application's certificates an assertion names.
pub enum Thumbprint<'a> {
    /// `x5t#S256`: SHA-256, base64url.
    Sha256(&'a str),
    /// `x5t`, decoded: SHA-1, upper-case hex.
    Sha1(&'a str),
}

/// The certificate of `client_id` with `thumbprint`, if it was uploaded.
pub fn certificate_key(
    conn: &Connection,
    client_id: &str,
    thumbprint: &Thumbprint<'_>,
) -> rusqlite::Result<Option<CertificateKey>> {
    let (column, value) = match thumbprint {
        Thumbprint::Sha256(value) => ("thumbprint_s256", value),
        Thumbprint::Sha1(value) => ("thumbprint", value),
    };
    conn.query_row(
        &format!(
            "SELECT public_key, not_before, not_after FROM application_certificates
             WHERE client_id = ?1 AND {column} = ?2"
        ),
        params![client_id, value],
        |row| {
            Ok(CertificateKey {
                public_key: row.get(0)?,
                not_before: row.get(1)?,
                not_after: row.get(2)?,
            })
        },
    )
    .optional()
}

/// Withdraws the tenant's admin consent to the application (its next tokens carry no
/// permissions); false when there is no such application.
pub fn revoke_consent(conn: &Connection, client_id: &str) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE applications SET consented = '' WHERE client_id = ?1",
        [client_id],
    )?;
    Ok(changed == 1)
}

/// Makes every secret of the application expire at `at`; how many it has.
pub fn expire_secrets(conn: &Connection, client_id: &str, at: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE application_secrets SET expires_at = ?2 WHERE client_id = ?1",
        params![client_id, at],
    )
}

/// Whether Conditional Access blocks the device code in `tenant`: its stored switch, or the
/// demo directory's own setting.
pub fn blocks_device_code(conn: &Connection, tenant: &Tenant) -> rusqlite::Result<bool> {
    let stored: Option<bool> = conn
        .query_row(
            "SELECT blocks_device_code FROM tenant_policies WHERE tenant_id = ?1",
            [tenant.id],
            |row| row.get(0),
        )
        .optional()?;
    Ok(stored.unwrap_or(tenant.blocks_device_code))
}

/// Sets whether Conditional Access blocks the device code in `tenant`.
pub fn set_blocks_device_code(
    conn: &Connection,
    tenant: &Tenant,
    blocks: bool,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO tenant_policies (tenant_id, blocks_device_code) VALUES (?1, ?2)
         ON CONFLICT (tenant_id) DO UPDATE SET blocks_device_code = excluded.blocks_device_code",
        params![tenant.id, blocks],
    )?;
    Ok(())
}
