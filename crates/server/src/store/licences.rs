//! Licences: XMS has one licence subscription (`--licences`, 5,000 by default) shared by all
//! organizations; each protected user holds one of its licences. An organization in automatic
//! licence management protects its users while licences are free; one in manual management
//! leaves new users unprotected until an administrator chooses. The stored counts keep to
//! those rules: `protected_users` counts the directory's protected users ([`super::users`]),
//! and a user is protected only with a licence (`licences_used` is `protected_users`).

use rusqlite::{Connection, OptionalExtension, params};
use xms_m365_contract::{LicenceMode, LicensingPreview};

use super::sql::Sql;

/// The subscription's licences when none are given.
pub const DEFAULT_LICENCES: u32 = 5_000;
/// The most licences a subscription of the reference server can have.
pub const MAX_LICENCES: u32 = 1_000_000;

/// Licences of a `total`-licence subscription no organization uses: none rather than a
/// negative number when the subscription was made smaller than what is in use.
pub fn free(conn: &Connection, total: u32) -> rusqlite::Result<u32> {
    let used: i64 = conn.query_row(
        "SELECT COALESCE(SUM(protected_users), 0) FROM organizations",
        [],
        |row| row.get(0),
    )?;
    Ok(u32::try_from((i64::from(total) - used).max(0)).unwrap_or(u32::MAX))
}

/// Protects as many of an organization's unprotected users as there are free licences, since
/// `now`, if it is in automatic licence management; returns how many it protected. Run inside
/// the transaction that changed the organization, so that two organizations never take the
/// same free licence.
pub fn protect_with_free(
    conn: &Connection,
    total: u32,
    organization_id: &str,
    now: i64,
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
    let granted = unprotected.min(i64::from(free(conn, total)?)).max(0);
    super::users::protect_unprotected(
        conn,
        organization_id,
        u32::try_from(granted).unwrap_or(0),
        now,
    )
}

/// What switching an organization of `user_count` users, `protected_users` of them protected,
/// to automatic licence management would take: its unprotected users and the free licences.
pub fn preview(
    conn: &Connection,
    total: u32,
    user_count: u32,
    protected_users: u32,
) -> rusqlite::Result<LicensingPreview> {
    Ok(LicensingPreview {
        unprotected_users: user_count.saturating_sub(protected_users),
        free_licences: free(conn, total)?,
    })
}

/// Sets an organization's licence mode and how many of its users are protected (the first
/// its directory found, since `now`), as the `add-organization` command sets up a
/// demonstration: regardless of free licences, as a subscription may well be overcommitted.
/// False when there is no such organization.
pub fn set(
    conn: &Connection,
    organization_id: &str,
    mode: LicenceMode,
    protected_users: u32,
    now: i64,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE organizations SET licence_mode = ?2 WHERE id = ?1",
        params![organization_id, Sql(mode)],
    )?;
    super::users::protect_first(conn, organization_id, protected_users, now)?;
    Ok(changed == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        db::Db,
        store::organizations::{self, NewOrganization},
    };

    fn organization(db: &Db, licences: u32, name: &str, users: u32) -> String {
        let new = NewOrganization {
            tenant_id: format!("tenant-{name}"),
            name: name.into(),
            primary_domain: format!("{name}.onmicrosoft.com"),
            user_count: users,
        };
        db.write(|tx| organizations::insert(tx, &new, licences, 0))
            .unwrap()
            .id
            .0
    }

    #[test]
    fn a_new_organization_takes_what_licences_are_free_and_no_more() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let contoso = organization(&db, 100, "contoso", 70);
        let fabrikam = organization(&db, 100, "fabrikam", 50);
        let stored = |id: &str| {
            db.read(|conn| organizations::get(conn, id))
                .unwrap()
                .unwrap()
        };
        assert_eq!(stored(&contoso).protected_users, 70);
        let short = stored(&fabrikam);
        assert_eq!((short.protected_users, short.licences_used), (30, 30));
        assert_eq!(db.read(|conn| free(conn, 100)).unwrap(), 0);
    }

    #[test]
    fn free_licences_are_never_negative() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let contoso = organization(&db, 10, "contoso", 40);
        assert!(
            db.read(|conn| set(conn, &contoso, LicenceMode::Manual, 40, 0))
                .unwrap()
        );
        assert_eq!(
            db.read(|conn| organizations::get(conn, &contoso))
                .unwrap()
                .unwrap()
                .licences_used,
            40
        );
        assert_eq!(db.read(|conn| free(conn, 10)).unwrap(), 0);
        assert!(
            !db.read(|conn| set(conn, "nope", LicenceMode::Manual, 1, 0))
                .unwrap()
        );
    }
}
