//! What an administrator does to one organization from its tile besides backing it up: its
//! settings (the **Edit** panel: licence mode, user sync interval, default worker), read with
//! an `ETag` and saved with `If-Match` so that two administrators never overwrite each other
//! unknowingly, and removing it from XMS.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde_json::Value;
use xms_m365_contract::{
    FieldError, FieldErrorCode, LicenceMode, OrganizationId, OrganizationSettings, ServerEvent,
    SettingsView, USER_SYNC_INTERVALS_HOURS, WorkerId,
};

use crate::{
    AppState,
    db::{Db, DbError, rfc3339, stable_hash},
    licences::{mode_from_name, mode_name, preview, protect_with_free_licences},
};

/// The strong `ETag` of an organization's settings at `version`, quotes included. Derived
/// from the organization too, so that an ETag read for one organization never matches
/// another's, and hashed, so that clients treat it as the opaque token it is.
pub fn etag(organization_id: &str, version: i64) -> String {
    let hash = stable_hash(
        organization_id
            .bytes()
            .chain([0])
            .chain(version.to_le_bytes()),
    );
    format!("\"{hash:016x}\"")
}

/// Whether an `If-Match` header value admits the current `etag`: `*`, or a list of ETags one
/// of which is it (compared strongly, so a weak `W/"…"` never matches).
pub(crate) fn if_match_admits(if_match: &str, etag: &str) -> bool {
    if_match
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag == etag)
}

/// Why settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// There is no such organization.
    #[error("no such organization")]
    Unknown,
    /// The request did not say which version it changes.
    #[error("If-Match is missing")]
    PreconditionRequired,
    /// Someone saved since the client read them.
    #[error("the settings changed since they were read")]
    Stale,
    /// Some fields are invalid.
    #[error("invalid settings")]
    Invalid(Vec<FieldError>),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for SaveError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Db(error.into())
    }
}

impl Db {
    /// An organization's settings as the Edit panel shows them, `None` when there is no such
    /// organization. `sync_period_ms` is the period that replaces every organization's user
    /// sync interval (`--user-sync-period`), if any.
    pub fn settings_view(
        &self,
        id: &str,
        sync_period_ms: Option<i64>,
    ) -> Result<Option<SettingsView>, DbError> {
        Ok(settings_view(
            &self.conn(),
            self.licences(),
            id,
            sync_period_ms,
        )?)
    }

    /// Saves an organization's settings from a request `body`, if `if_match` admits their
    /// current version: all or nothing, in one transaction that checks the version, validates
    /// every field and writes. Switching to automatic licence management protects unprotected
    /// users at once, as far as licences are free. Returns the settings as saved.
    pub fn save_settings(
        &self,
        id: &str,
        if_match: Option<&str>,
        body: &Value,
        sync_period_ms: Option<i64>,
    ) -> Result<SettingsView, SaveError> {
        let mut conn = self.conn();
        // Immediate: the version read below stays the current one until the write, even with
        // another process (`add-organization`) writing the same file.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx
            .query_row(
                "SELECT settings_version FROM organizations WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(SaveError::Unknown)?;
        let if_match = if_match.ok_or(SaveError::PreconditionRequired)?;
        if !if_match_admits(if_match, &etag(id, version)) {
            return Err(SaveError::Stale);
        }
        let settings = validate(&tx, body)?;
        let changed = tx.execute(
            "UPDATE organizations
             SET licence_mode = ?2, user_sync_interval_hours = ?3, default_worker_id = ?4,
                 settings_version = settings_version + 1
             WHERE id = ?1 AND settings_version = ?5",
            params![
                id,
                mode_name(settings.licence_mode),
                settings.user_sync_interval_hours,
                settings.default_worker_id.0,
                version
            ],
        )?;
        if changed != 1 {
            return Err(SaveError::Stale);
        }
        protect_with_free_licences(&tx, self.licences(), id)?;
        let view =
            settings_view(&tx, self.licences(), id, sync_period_ms)?.ok_or(SaveError::Unknown)?;
        tx.commit()?;
        Ok(view)
    }
}

/// The settings view of organization `id` in a `licences`-licence subscription.
fn settings_view(
    conn: &Connection,
    licences: u32,
    id: &str,
    sync_period_ms: Option<i64>,
) -> rusqlite::Result<Option<SettingsView>> {
    let stored = conn
        .query_row(
            "SELECT licence_mode, user_sync_interval_hours, default_worker_id, settings_version,
                    last_user_sync_at,
                    COALESCE(last_user_sync_at, unixepoch(connected_at) * 1000)
                        + COALESCE(?2, user_sync_interval_hours * 3600000),
                    needs_reauthorization, user_count, protected_users
             FROM organizations WHERE id = ?1",
            params![id, sync_period_ms],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, bool>(6)?,
                    row.get::<_, u32>(7)?,
                    row.get::<_, u32>(8)?,
                ))
            },
        )
        .optional()?;
    let Some((
        mode,
        interval,
        worker,
        version,
        last_sync,
        next_sync,
        reauthorize,
        users,
        protected,
    )) = stored
    else {
        return Ok(None);
    };
    Ok(Some(SettingsView {
        organization_id: OrganizationId(id.to_owned()),
        settings: OrganizationSettings {
            licence_mode: mode_from_name(&mode),
            // Only listed intervals are saved; one written otherwise (the column admits up to
            // a year) saturates rather than failing the read.
            user_sync_interval_hours: u8::try_from(interval).unwrap_or(u8::MAX),
            default_worker_id: WorkerId(worker),
        },
        etag: etag(id, version),
        last_user_sync_at: last_sync.map(rfc3339),
        // Microsoft refuses XMS the users until the organization is re-authorized.
        next_user_sync_at: (!reauthorize).then(|| rfc3339(next_sync)),
        automatic_licensing: preview(conn, licences, users, protected)?,
    }))
}

/// The settings a request body asks for, or what is wrong with each of its fields (all of
/// them at once). Read from JSON by hand rather than by serde, so that an unknown licence mode
/// is reported against its field like every other invalid value.
fn validate(conn: &Connection, body: &Value) -> Result<OrganizationSettings, SaveError> {
    let mut errors = Vec::new();
    let mut invalid = |field: &str, code: FieldErrorCode, message: String| {
        errors.push(FieldError::new(field, code, message));
    };
    let licence_mode = match body.get("licence_mode").and_then(Value::as_str) {
        Some("automatic") => Some(LicenceMode::Automatic),
        Some("manual") => Some(LicenceMode::Manual),
        _ => {
            invalid(
                "licence_mode",
                FieldErrorCode::NotOffered,
                "Choose automatic or manual licence management.".to_owned(),
            );
            None
        }
    };
    let interval = body
        .get("user_sync_interval_hours")
        .and_then(Value::as_u64)
        .and_then(|hours| u8::try_from(hours).ok())
        .filter(|hours| USER_SYNC_INTERVALS_HOURS.contains(hours));
    if interval.is_none() {
        invalid(
            "user_sync_interval_hours",
            FieldErrorCode::NotOffered,
            interval_message(),
        );
    }
    let worker = match body.get("default_worker_id").and_then(Value::as_str) {
        Some(worker) => {
            let known: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM workers WHERE id = ?1)",
                [worker],
                |row| row.get(0),
            )?;
            if !known {
                invalid(
                    "default_worker_id",
                    FieldErrorCode::NotFound,
                    format!("There is no worker {worker}. Choose one of the listed workers."),
                );
            }
            known.then(|| WorkerId(worker.to_owned()))
        }
        None => {
            invalid(
                "default_worker_id",
                FieldErrorCode::NotOffered,
                "Choose one of the listed workers.".to_owned(),
            );
            None
        }
    };
    match (licence_mode, interval, worker) {
        (Some(licence_mode), Some(user_sync_interval_hours), Some(default_worker_id)) => {
            Ok(OrganizationSettings {
                licence_mode,
                user_sync_interval_hours,
                default_worker_id,
            })
        }
        _ => Err(SaveError::Invalid(errors)),
    }
}

/// "Choose one of: every 1, 2, 4, 6, 12 or 24 hours."
fn interval_message() -> String {
    let hours: Vec<String> = USER_SYNC_INTERVALS_HOURS
        .iter()
        .map(u8::to_string)
        .collect();
    match hours.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("Choose one of: every {} or {last} hours.", rest.join(", "))
        }
        _ => format!("Choose one of: every {} hours.", hours.join(", ")),
    }
}

/// Removes an organization from XMS: its running backup is cancelled and its worker stopped,
/// its jobs are deleted with it, its licences are free again, and the removal is published.
/// False when there is no such organization.
pub fn remove(state: &AppState, id: &str) -> Result<bool, DbError> {
    let Some(cancelled) = state.db.remove_organization(id, state.clock.now_ms())? else {
        return Ok(false);
    };
    for job in cancelled {
        state.jobs.stop_worker(&job.id.0);
        // Whoever follows the job learns that it ended; its tile goes with the next event.
        state.events.publish(ServerEvent::JobFinished { job });
    }
    state.events.publish(ServerEvent::OrganizationRemoved {
        organization_id: OrganizationId(id.to_owned()),
    });
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_quoted_and_differ_by_version_and_organization() {
        let first = etag("org-1", 1);
        assert!(first.starts_with('"') && first.ends_with('"'), "{first}");
        assert_eq!(first.len(), 18);
        assert_eq!(first, etag("org-1", 1));
        assert_ne!(first, etag("org-1", 2));
        assert_ne!(first, etag("org-2", 1));
    }

    #[test]
    fn if_match_takes_a_list_or_any_but_compares_strongly() {
        let current = etag("org-1", 3);
        assert!(if_match_admits(&current, &current));
        assert!(if_match_admits(&format!("\"x\", {current}"), &current));
        assert!(if_match_admits("*", &current));
        assert!(!if_match_admits(&format!("W/{current}"), &current));
        assert!(!if_match_admits(&etag("org-1", 2), &current));
        assert!(!if_match_admits("", &current));
    }

    #[test]
    fn the_interval_message_lists_every_interval() {
        assert_eq!(
            interval_message(),
            "Choose one of: every 1, 2, 4, 6, 12 or 24 hours."
        );
    }
}
