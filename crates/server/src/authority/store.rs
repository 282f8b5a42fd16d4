//! The authority's storage, a database of its own (`authority.sqlite3`, migrated from
//! `migrations/authority/`): device authorizations and the access tokens issued, for a person
//! (redeemed device codes) or for an application itself (client credentials).

use rusqlite::{Connection, OptionalExtension, Row, params};

/// Where a device authorization stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceState {
    /// Waiting for a person to enter the code and sign in.
    Pending,
    /// Signed in and consented; the next poll gets the tokens.
    Approved,
    /// The person cancelled on the consent page.
    Declined,
    /// Conditional Access refused the sign-in.
    Blocked,
    /// The tokens were handed out; the device code is spent.
    Redeemed,
}

impl DeviceState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Declined => "declined",
            Self::Blocked => "blocked",
            Self::Redeemed => "redeemed",
        }
    }

    fn parse(text: &str) -> Self {
        match text {
            "approved" => Self::Approved,
            "declined" => Self::Declined,
            "blocked" => Self::Blocked,
            "redeemed" => Self::Redeemed,
            // The schema's CHECK admits nothing else.
            _ => Self::Pending,
        }
    }
}

/// A device authorization as stored.
#[derive(Debug, Clone)]
pub struct DeviceAuthorization {
    /// The secret the device polls with.
    pub device_code: String,
    /// The code the person types.
    pub user_code: String,
    /// The application that asked.
    pub client_id: String,
    /// The scopes asked for.
    pub scope: String,
    /// The `{tenant}` of the request.
    pub tenant_hint: String,
    /// Unix milliseconds after which the codes are void.
    pub expires_at: i64,
    /// The minimum polling interval.
    pub interval_secs: u32,
    /// When the device last polled, Unix milliseconds.
    pub last_poll_at: Option<i64>,
    /// Where it stands.
    pub state: DeviceState,
    /// The account that approved (or was blocked), by user principal name.
    pub account: Option<String>,
}

const COLUMNS: &str = "device_code, user_code, client_id, scope, tenant_hint, expires_at, \
                       interval_secs, last_poll_at, state, account";

fn from_row(row: &Row<'_>) -> rusqlite::Result<DeviceAuthorization> {
    Ok(DeviceAuthorization {
        device_code: row.get(0)?,
        user_code: row.get(1)?,
        client_id: row.get(2)?,
        scope: row.get(3)?,
        tenant_hint: row.get(4)?,
        expires_at: row.get(5)?,
        interval_secs: row.get(6)?,
        last_poll_at: row.get(7)?,
        state: DeviceState::parse(&row.get::<_, String>(8)?),
        account: row.get(9)?,
    })
}

/// Stores a new, pending device authorization.
pub fn insert_device_authorization(
    conn: &Connection,
    new: &DeviceAuthorization,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO device_authorizations
         (device_code, user_code, client_id, scope, tenant_hint, expires_at, interval_secs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new.device_code,
            new.user_code,
            new.client_id,
            new.scope,
            new.tenant_hint,
            new.expires_at,
            new.interval_secs
        ],
    )?;
    Ok(())
}

/// The device authorization a person's code belongs to.
pub fn device_authorization_by_user_code(
    conn: &Connection,
    user_code: &str,
) -> rusqlite::Result<Option<DeviceAuthorization>> {
    let sql = format!("SELECT {COLUMNS} FROM device_authorizations WHERE user_code = ?1");
    conn.query_row(&sql, [user_code], from_row).optional()
}

/// Records a poll and returns the authorization as it was before it; a poll of an approved
/// authorization spends it, so the tokens are handed out exactly once (run it in a
/// transaction).
pub fn poll_device_authorization(
    conn: &Connection,
    device_code: &str,
    now: i64,
) -> rusqlite::Result<Option<DeviceAuthorization>> {
    let sql = format!("SELECT {COLUMNS} FROM device_authorizations WHERE device_code = ?1");
    let found = conn.query_row(&sql, [device_code], from_row).optional()?;
    if let Some(found) = &found {
        let state = match found.state {
            DeviceState::Approved => DeviceState::Redeemed,
            other => other,
        };
        conn.execute(
            "UPDATE device_authorizations SET last_poll_at = ?2, state = ?3
             WHERE device_code = ?1",
            params![device_code, now, state.as_str()],
        )?;
    }
    Ok(found)
}

/// Settles a pending authorization (approved, declined or blocked) for `account`; false
/// when it was no longer pending.
pub fn settle_device_authorization(
    conn: &Connection,
    user_code: &str,
    state: DeviceState,
    account: &str,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE device_authorizations SET state = ?2, account = ?3
         WHERE user_code = ?1 AND state = 'pending'",
        params![user_code, state.as_str(), account],
    )?;
    Ok(changed == 1)
}

/// Who an access token was issued to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A person, by user principal name.
    Account(String),
    /// An application itself, with the application permissions (`roles`) it was granted.
    Application(Vec<String>),
}

/// Stores an access token issued to `holder` in `tenant_id`.
pub fn insert_access_token(
    conn: &Connection,
    token: &str,
    tenant_id: &str,
    holder: &Holder,
    expires_at: i64,
) -> rusqlite::Result<()> {
    let (account, roles) = match holder {
        Holder::Account(upn) => (upn.as_str(), None),
        Holder::Application(roles) => ("", Some(roles.join(" "))),
    };
    conn.execute(
        "INSERT INTO access_tokens (token, tenant_id, account, expires_at, roles)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![token, tenant_id, account, expires_at, roles],
    )?;
    Ok(())
}

/// The tenant and the holder an unexpired access token was issued for.
pub fn access_token_holder(
    conn: &Connection,
    token: &str,
    now: i64,
) -> rusqlite::Result<Option<(String, Holder)>> {
    conn.query_row(
        "SELECT tenant_id, account, roles FROM access_tokens WHERE token = ?1 AND expires_at > ?2",
        params![token, now],
        |row| {
            let holder = match row.get::<_, Option<String>>(2)? {
                Some(roles) => {
                    Holder::Application(roles.split_whitespace().map(str::to_owned).collect())
                }
                None => Holder::Account(row.get(1)?),
            };
            Ok((row.get(0)?, holder))
        },
    )
    .optional()
}
