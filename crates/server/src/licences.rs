//! Licences: XMS has one licence subscription (`--licences`, 5,000 by default) shared by all
//! organizations; each protected user holds one of its licences. An organization in automatic
//! licence management protects its users while licences are free; one in manual management
//! leaves new users unprotected until an administrator chooses. This module keeps the stored
//! counts to those rules: `protected_users` never exceeds `user_count`, and a user is protected
//! only with a licence (`licences_used` is `protected_users`).

use rusqlite::{Connection, OptionalExtension, params};
use xms_m365_contract::{LicenceMode, LicensingPreview};

use crate::db::{Db, DbError};

/// The subscription's licences when none are given.
pub const DEFAULT_LICENCES: u32 = 5_000;
/// The most licences a subscription of the reference server can have.
pub const MAX_LICENCES: u32 = 1_000_000;

/// How a licence mode is stored.
pub(crate) fn mode_name(mode: LicenceMode) -> &'static str {
    match mode {
        LicenceMode::Automatic => "automatic",
        LicenceMode::Manual => "manual",
    }
}

/// A stored licence mode; the column's CHECK admits only the two names.
pub(crate) fn mode_from_name(name: &str) -> LicenceMode {
    match name {
        "manual" => LicenceMode::Manual,
        _ => LicenceMode::Automatic,
    }
}

/// Licences of a `total`-licence subscription no organization uses: none rather than a
/// negative number when the subscription was made smaller than what is in use.
pub(crate) fn free_licences(conn: &Connection, total: u32) -> rusqlite::Result<u32> {
    let used: i64 = conn.query_row(
        "SELECT COALESCE(SUM(protected_users), 0) FROM organizations",
        [],
        |row| row.get(0),
    )?;
    Ok(u32::try_from((i64::from(total) - used).max(0)).unwrap_or(u32::MAX))
}

/// Protects as many of an organization's unprotected users as there are free licences, if it
/// is in automatic licence management; returns how many it protected. Run inside the
/// transaction that changed the organization, so that two organizations never take the same
/// free licence.
pub(crate) fn protect_with_free_licences(
    conn: &Connection,
    total: u32,
    organization_id: &str,
) -> rusqlite::Result<u32> {
    let unprotected: Option<i64> = conn
        .query_row(
            "SELECT user_count - protected_users FROM organizations
             WHERE id = ?1 AND licence_mode = 'automatic'",
            [organization_id],
            |row| row.get(0),
        )
        .optional()?;
    let Some(unprotected) = unprotected else {
        return Ok(0);
    };
    let granted = unprotected
        .min(i64::from(free_licences(conn, total)?))
        .max(0);
    if granted > 0 {
        conn.execute(
            "UPDATE organizations SET protected_users = protected_users + ?2 WHERE id = ?1",
            params![organization_id, granted],
        )?;
    }
    Ok(u32::try_from(granted).unwrap_or(0))
}

/// What switching an organization to automatic licence management would take: its
/// unprotected users and the subscription's free licences.
pub(crate) fn preview(
    conn: &Connection,
    total: u32,
    user_count: u32,
    protected_users: u32,
) -> rusqlite::Result<LicensingPreview> {
    Ok(LicensingPreview {
        unprotected_users: user_count.saturating_sub(protected_users),
        free_licences: free_licences(conn, total)?,
    })
}

impl Db {
    /// Sets an organization's licence mode and how many of its users are protected, as the
    /// `add-organization` command sets up a demonstration: regardless of free licences, as a
    /// subscription may well be overcommitted. False when there is no such organization.
    pub fn set_licensing(
        &self,
        organization_id: &str,
        mode: LicenceMode,
        protected_users: u32,
    ) -> Result<bool, DbError> {
        let changed = self.conn().execute(
            "UPDATE organizations SET licence_mode = ?2, protected_users = MIN(?3, user_count)
             WHERE id = ?1",
            params![organization_id, mode_name(mode), protected_users],
        )?;
        Ok(changed == 1)
    }

    /// Licences no organization uses.
    pub fn free_licences(&self) -> Result<u32, DbError> {
        Ok(free_licences(&self.conn(), self.licences())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::NewOrganization;

    fn organization(db: &Db, name: &str, users: u32) -> String {
        db.insert_organization(&NewOrganization {
            tenant_id: format!("tenant-{name}"),
            name: name.into(),
            primary_domain: format!("{name}.onmicrosoft.com"),
            user_count: users,
        })
        .unwrap()
        .id
        .0
    }

    #[test]
    fn a_new_organization_takes_what_licences_are_free_and_no_more() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap().with_licences(100);
        let contoso = organization(&db, "contoso", 70);
        let fabrikam = organization(&db, "fabrikam", 50);
        let stored = |id: &str| db.organization(id).unwrap().unwrap();
        assert_eq!(stored(&contoso).protected_users, 70);
        let short = stored(&fabrikam);
        assert_eq!((short.protected_users, short.licences_used), (30, 30));
        assert_eq!(db.free_licences().unwrap(), 0);
    }

    #[test]
    fn free_licences_are_never_negative() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap().with_licences(10);
        let contoso = organization(&db, "contoso", 40);
        assert!(db.set_licensing(&contoso, LicenceMode::Manual, 40).unwrap());
        assert_eq!(
            db.organization(&contoso).unwrap().unwrap().licences_used,
            40
        );
        assert_eq!(db.free_licences().unwrap(), 0);
        assert!(!db.set_licensing("nope", LicenceMode::Manual, 1).unwrap());
    }
}
