//! Connection attempts as stored: pending until the administrator signs in (or not), then
//! how they ended; pending ones are resumed when XMS starts again.

use rusqlite::{Connection as Conn, OptionalExtension, Row, params};
use xms_m365_contract::{Connection, ConnectionId, ConnectionState};

use super::organizations;
use crate::clock::rfc3339;

/// How a connection attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Connected this organization.
    Succeeded {
        /// XMS's id of the organization.
        organization_id: String,
        /// It had been connected before.
        already_connected: bool,
    },
    /// The code expired.
    Expired,
    /// The administrator cancelled the sign-in.
    Declined,
    /// Cancelled in XMS.
    Cancelled,
    /// Refused or failed, with a sentence for a person.
    Failed(String),
    /// Conditional Access blocks the device code in the tenant; the sentence says so.
    DeviceCodeBlocked(String),
}

/// A connection attempt as stored.
#[derive(Debug, Clone)]
pub struct StoredConnection {
    /// XMS's id.
    pub id: String,
    state: String,
    /// The code to show.
    pub user_code: String,
    /// Where to sign in.
    pub verification_uri: String,
    /// Unix milliseconds after which the code is void.
    pub expires_at: i64,
    /// Polling interval, seconds.
    pub interval_secs: u32,
    /// The identity platform's device authorization answer, as JSON.
    pub device_authorization: String,
    organization_id: Option<String>,
    already_connected: bool,
    failure: Option<String>,
    device_code_blocked: bool,
    /// The organization this attempt re-authorizes, if that is what it is for.
    pub reauthorize: Option<String>,
}

impl StoredConnection {
    /// Whether it is still waiting for a sign-in.
    pub fn is_pending(&self) -> bool {
        self.state == "pending"
    }
}

const COLUMNS: &str = "id, state, user_code, verification_uri, expires_at, interval_secs, \
                       device_authorization, organization_id, already_connected, failure, \
                       reauthorize_organization_id, device_code_blocked";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredConnection> {
    Ok(StoredConnection {
        id: row.get(0)?,
        state: row.get(1)?,
        user_code: row.get(2)?,
        verification_uri: row.get(3)?,
        expires_at: row.get(4)?,
        interval_secs: row.get(5)?,
        device_authorization: row.get(6)?,
        organization_id: row.get(7)?,
        already_connected: row.get(8)?,
        failure: row.get(9)?,
        reauthorize: row.get(10)?,
        device_code_blocked: row.get(11)?,
    })
}

/// Stores a new, pending connection attempt.
pub fn insert(conn: &Conn, new: &StoredConnection, now: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO connections (id, user_code, verification_uri, expires_at, interval_secs,
                                  device_authorization, created_at,
                                  reauthorize_organization_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new.id,
            new.user_code,
            new.verification_uri,
            new.expires_at,
            new.interval_secs,
            new.device_authorization,
            now,
            new.reauthorize
        ],
    )?;
    Ok(())
}

/// One connection attempt.
pub fn get(conn: &Conn, id: &str) -> rusqlite::Result<Option<StoredConnection>> {
    let sql = format!("SELECT {COLUMNS} FROM connections WHERE id = ?1");
    conn.query_row(&sql, [id], from_row).optional()
}

/// Every attempt still waiting for a sign-in.
pub fn pending(conn: &Conn) -> rusqlite::Result<Vec<StoredConnection>> {
    let sql = format!("SELECT {COLUMNS} FROM connections WHERE state = 'pending'");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], from_row)?;
    rows.collect()
}

/// Ends a pending attempt; false when it had already ended (the first ending wins).
pub fn settle(conn: &Conn, id: &str, outcome: &Outcome) -> rusqlite::Result<bool> {
    let blocked = matches!(outcome, Outcome::DeviceCodeBlocked(_));
    let (state, organization_id, already, failure) = match outcome {
        Outcome::Succeeded {
            organization_id,
            already_connected,
        } => (
            "succeeded",
            Some(organization_id.as_str()),
            *already_connected,
            None,
        ),
        Outcome::Expired => ("expired", None, false, None),
        Outcome::Declined => ("declined", None, false, None),
        Outcome::Cancelled => ("cancelled", None, false, None),
        Outcome::Failed(message) | Outcome::DeviceCodeBlocked(message) => {
            ("failed", None, false, Some(message.as_str()))
        }
    };
    let changed = conn.execute(
        "UPDATE connections SET state = ?2, organization_id = ?3, already_connected = ?4,
                                failure = ?5, device_code_blocked = ?6
         WHERE id = ?1 AND state = 'pending'",
        params![id, state, organization_id, already, failure, blocked],
    )?;
    Ok(changed == 1)
}

/// The attempt as the API describes it.
pub fn view(conn: &Conn, stored: &StoredConnection) -> rusqlite::Result<Connection> {
    let state = match stored.state.as_str() {
        "succeeded" => {
            let organization = stored
                .organization_id
                .as_deref()
                .map(|id| organizations::get(conn, id))
                .transpose()?
                .flatten();
            match organization {
                Some(organization) => ConnectionState::Succeeded {
                    organization: Box::new(organization),
                    already_connected: stored.already_connected,
                },
                None => ConnectionState::Failed {
                    message: "The organization was connected, then removed from XMS.".to_owned(),
                    device_code_blocked: false,
                },
            }
        }
        "expired" => ConnectionState::Expired,
        "declined" => ConnectionState::Declined,
        "cancelled" => ConnectionState::Cancelled,
        "failed" => ConnectionState::Failed {
            message: stored.failure.clone().unwrap_or_default(),
            device_code_blocked: stored.device_code_blocked,
        },
        _ => ConnectionState::Pending,
    };
    Ok(Connection {
        id: ConnectionId(stored.id.clone()),
        user_code: stored.user_code.clone(),
        verification_uri: stored.verification_uri.clone(),
        expires_at: rfc3339(stored.expires_at),
        interval_secs: stored.interval_secs,
        state,
    })
}

impl StoredConnection {
    /// A new pending attempt, re-authorizing the organization `reauthorize` if given.
    pub fn new(
        id: String,
        user_code: String,
        verification_uri: String,
        expires_at: i64,
        interval_secs: u32,
        device_authorization: String,
        reauthorize: Option<String>,
    ) -> Self {
        Self {
            id,
            state: "pending".to_owned(),
            user_code,
            verification_uri,
            expires_at,
            interval_secs,
            device_authorization,
            organization_id: None,
            already_connected: false,
            failure: None,
            device_code_blocked: false,
            reauthorize,
        }
    }
}
