//! An organization's directory of users and groups: generated when the organization is stored
//! (and at start-up for organizations stored before there were directories), changed by user
//! syncs and backups, paged through with filters and sorting, and who of them is protected.
//! The organization's user and protected counts follow the users table through triggers
//! (migration 0011), in the same transaction as every change here.

use std::collections::{HashMap, HashSet};

use rusqlite::{
    Connection, OptionalExtension, Row, ToSql, params, params_from_iter,
    types::{ToSqlOutput, Value},
};
use xms_m365_contract::{
    BackupFilter, BackupResult, Group, LicenceMode, Licensing, Protection, ProtectionChange,
    ProtectionPreview, SortOrder, User, UserBackup, UserFilter, UserId, UserKind, UserPage,
    UserQuery, UserSelection, UserSort, UserState,
};

use super::sql::{Named, Sql};
use crate::{
    clock::rfc3339,
    directory::{self, Found, PURGED_AFTER_MS, SyncPlan},
    hash::stable_hash,
};

/// Why users could not be listed or changed.
#[derive(Debug, thiserror::Error)]
pub enum UsersError {
    /// There is no such organization.
    #[error("no such organization")]
    UnknownOrganization,
    /// The filter names a group the organization does not have.
    #[error("no such group: {0}")]
    UnknownGroup(String),
    /// Chosen users the organization does not have: their place in the list, and their id.
    #[error("no such users")]
    UnknownUsers(Vec<(usize, String)>),
    /// Deactivating protection under automatic licence management, of the organization named;
    /// what it would have done.
    #[error("licences of {0} are managed automatically")]
    Automatic(String, ProtectionPreview),
    /// The change needs more licences than are free.
    #[error("not enough licences")]
    Short(ProtectionPreview),
    /// The change would change another number of users than the one expected (the first),
    /// as the preview (the second) says.
    #[error("the selection changed: {0} users expected to change")]
    Changed(u32, ProtectionPreview),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] rusqlite::Error),
}

/// Adds `count` users to an organization's directory, found at `now` as `found` says,
/// unprotected (licensing them is [`super::licences`]'); creates its groups the first time.
pub fn generate(
    conn: &Connection,
    organization_id: &str,
    count: u32,
    (now, found): (i64, Found),
) -> rusqlite::Result<()> {
    let groups = directory::groups(organization_id);
    let mut add_group = conn.prepare_cached(
        "INSERT OR IGNORE INTO groups (organization_id, id, name) VALUES (?1, ?2, ?3)",
    )?;
    for group in &groups {
        add_group.execute(params![organization_id, group.id, group.name])?;
    }
    let mut keys = conn.prepare_cached("SELECT id, key FROM groups WHERE organization_id = ?1")?;
    let group_keys: HashMap<String, i64> = keys
        .query_map([organization_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut names =
        conn.prepare_cached("SELECT principal_name FROM users WHERE organization_id = ?1")?;
    let mut taken: HashSet<String> = names
        .query_map([organization_id], |row| row.get::<_, String>(0))?
        .map(|name| name.map(|name| name.split('@').next().unwrap_or_default().to_owned()))
        .collect::<rusqlite::Result<_>>()?;
    let (domain, first): (String, u64) = conn.query_row(
        "SELECT primary_domain, next_user_serial FROM organizations WHERE id = ?1",
        [organization_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO users (organization_id, id, serial, display_name, principal_name,
                            search_text, kind, state, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut member =
        conn.prepare_cached("INSERT INTO memberships (group_key, user_key) VALUES (?1, ?2)")?;
    let last = first + u64::from(count);
    for serial in first..last {
        let user = directory::user(
            organization_id,
            &domain,
            serial,
            &groups,
            (now, found),
            &mut taken,
        );
        insert.execute(params![
            organization_id,
            user.id,
            user.serial,
            user.display_name,
            user.principal_name,
            format!(
                "{} {}",
                user.display_name.to_lowercase(),
                user.principal_name
            ),
            Sql(user.kind),
            Sql(user.state),
            user.deleted_at,
        ])?;
        let key = conn.last_insert_rowid();
        for group in &user.groups {
            if let Some(group) = group_keys.get(group) {
                member.execute([group, &key])?;
            }
        }
    }
    conn.execute(
        "UPDATE organizations SET next_user_serial = ?2 WHERE id = ?1",
        params![organization_id, last],
    )?;
    Ok(())
}

/// Brings an organization's directory to `count` users, as Microsoft 365 now tells of it when
/// the organization is connected again: new users are added, and when there are fewer, the
/// newest go (with their licences).
pub fn resize(
    conn: &Connection,
    organization_id: &str,
    count: u32,
    now: i64,
) -> rusqlite::Result<()> {
    let current: u32 = conn.query_row(
        "SELECT user_count FROM organizations WHERE id = ?1",
        [organization_id],
        |row| row.get(0),
    )?;
    if count > current {
        return generate(conn, organization_id, count - current, (now, Found::Joined));
    }
    conn.execute(
        "DELETE FROM users WHERE key IN (
             SELECT key FROM users WHERE organization_id = ?1 ORDER BY serial DESC LIMIT ?2)",
        params![organization_id, current - count],
    )?;
    Ok(())
}

/// Generates the directories of organizations stored before there were directories, with as
/// many users as they had and the first of them protected as many as were; returns how many.
pub fn backfill(conn: &Connection, now: i64) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare(
        "SELECT id, user_count, protected_users FROM organizations o
         WHERE user_count > 0 AND NOT EXISTS (SELECT 1 FROM users WHERE organization_id = o.id)",
    )?;
    let missing: Vec<(String, u32, u32)> = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, users, protected) in &missing {
        // The triggers count them again as they are added.
        conn.execute(
            "UPDATE organizations SET user_count = 0, protected_users = 0 WHERE id = ?1",
            [id],
        )?;
        generate(conn, id, *users, (now, Found::WithDirectory))?;
        protect_first(conn, id, *protected, now)?;
    }
    Ok(missing.len())
}

/// Makes the first `count` users of an organization (in the order the directory found them)
/// its protected ones, since `now`, as a demonstration sets it up.
pub fn protect_first(
    conn: &Connection,
    organization_id: &str,
    count: u32,
    now: i64,
) -> rusqlite::Result<()> {
    const FIRST: &str = "SELECT key FROM users WHERE organization_id = ?1 ORDER BY serial LIMIT ?2";
    conn.execute(
        &format!(
            "UPDATE users SET protected = 0, protected_since = NULL
             WHERE organization_id = ?1 AND protected = 1 AND key NOT IN ({FIRST})"
        ),
        params![organization_id, count],
    )?;
    conn.execute(
        &format!(
            "UPDATE users SET protected = 1, protected_since = ?3
             WHERE organization_id = ?1 AND protected = 0 AND key IN ({FIRST})"
        ),
        params![organization_id, count, now],
    )?;
    Ok(())
}

/// Protects up to `limit` of an organization's unprotected users, those found first, since
/// `now`; returns how many.
pub fn protect_unprotected(
    conn: &Connection,
    organization_id: &str,
    limit: u32,
    now: i64,
) -> rusqlite::Result<u32> {
    let changed = conn.execute(
        "UPDATE users SET protected = 1, protected_since = ?3 WHERE key IN (
             SELECT key FROM users WHERE organization_id = ?1 AND protected = 0
             ORDER BY serial LIMIT ?2)",
        params![organization_id, limit, now],
    )?;
    Ok(u32::try_from(changed).unwrap_or(u32::MAX))
}

/// Applies what a user sync at `now` found: users deleted 30 days ago are purged (their
/// licences freed), some are deleted, one's sign-in is blocked or unblocked, and new ones
/// join (unprotected).
pub fn sync(
    conn: &Connection,
    organization_id: &str,
    plan: SyncPlan,
    now: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM users
         WHERE organization_id = ?1 AND state = 'deleted' AND deleted_at <= ?2",
        params![organization_id, now - PURGED_AFTER_MS],
    )?;
    // Which users: spread over the directory, the same for the same sync.
    let spread = i64::try_from(plan.toggled % 1_000_003).unwrap_or(0);
    conn.execute(
        &format!(
            "UPDATE users SET state = 'deleted', deleted_at = ?4 WHERE key IN (
                 SELECT key FROM users WHERE organization_id = ?1 AND state <> 'deleted'
                 {SPREAD} LIMIT ?2)"
        ),
        params![organization_id, plan.deleted, spread, now],
    )?;
    conn.execute(
        &format!(
            "UPDATE users
             SET state = CASE state WHEN 'enabled' THEN 'sign_in_blocked' ELSE 'enabled' END
             WHERE key = (
                 SELECT key FROM users
                 WHERE organization_id = ?1 AND kind = 'user' AND state <> 'deleted'
                 {SPREAD} LIMIT ?2)"
        ),
        params![organization_id, 1, spread],
    )?;
    generate(conn, organization_id, plan.joined, (now, Found::Joined))
}

/// An order of users spread over the directory by the value `?3`, the same for the same value.
const SPREAD: &str = "ORDER BY (serial * 7919 + ?3) % 1000003, serial";

/// Up to `count` of an organization's protected users' principal names, spread over its
/// directory by `spread` (a backup run names those whose items it skipped among these).
pub fn protected_sample(
    conn: &Connection,
    organization_id: &str,
    count: u32,
    spread: u64,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT principal_name FROM users WHERE organization_id = ?1 AND protected = 1
         {SPREAD} LIMIT ?2"
    ))?;
    let names = stmt.query_map(
        params![organization_id, count, i64::try_from(spread).unwrap_or(0)],
        |row| row.get(0),
    )?;
    names.collect()
}

/// Records that the backup job `job_id` of an organization ended at `now`: each protected
/// user's last backup. When the job failed, it stopped before it was done with about a
/// quarter of them.
pub fn record_backup(
    conn: &Connection,
    organization_id: &str,
    job_id: &str,
    succeeded: bool,
    now: i64,
) -> rusqlite::Result<()> {
    let seed = i64::try_from(stable_hash(job_id.bytes()) % 1_000_003).unwrap_or(0);
    conn.execute(
        "UPDATE users
         SET last_backup_at = ?3,
             last_backup_result = CASE WHEN ?4 OR (serial * 7919 + ?2) % 100 >= 25
                                       THEN 'succeeded' ELSE 'failed' END,
             last_backup_items = 20 + (serial * 104729 + ?2) % 400
         WHERE organization_id = ?1 AND protected = 1",
        params![organization_id, seed, now, succeeded],
    )?;
    Ok(())
}

/// An organization's groups, by name, with their members; `None` when there is no such
/// organization.
pub fn groups(conn: &Connection, organization_id: &str) -> rusqlite::Result<Option<Vec<Group>>> {
    if !exists(conn, organization_id)? {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, (SELECT COUNT(*) FROM memberships WHERE group_key = g.key)
         FROM groups g WHERE g.organization_id = ?1 ORDER BY g.name",
    )?;
    let rows = stmt.query_map([organization_id], |row| {
        Ok(Group {
            id: row.get(0)?,
            name: row.get(1)?,
            members: row.get(2)?,
        })
    })?;
    rows.collect::<rusqlite::Result<_>>().map(Some)
}

fn exists(conn: &Connection, organization_id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = ?1)",
        [organization_id],
        |row| row.get(0),
    )
}

/// A condition on users (`u`) with the values of its `?` in order.
struct Where {
    sql: String,
    values: Vec<Value>,
}

impl Where {
    fn of(organization_id: &str) -> Self {
        Self {
            sql: "u.organization_id = ?".to_owned(),
            values: vec![Value::Text(organization_id.to_owned())],
        }
    }

    fn and(&mut self, sql: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push_str(" AND ");
        self.sql.push_str(sql);
        self.values.extend(values);
    }
}

/// A contract value as a condition compares it: stored as [`Sql`] stores it.
fn stored<T: Named>(value: T) -> rusqlite::Result<Value> {
    Ok(match Sql(value).to_sql()? {
        ToSqlOutput::Owned(value) => value,
        ToSqlOutput::Borrowed(value) => value.into(),
        _ => Value::Null,
    })
}

/// The users of an organization that `filter` matches.
fn matching(
    conn: &Connection,
    organization_id: &str,
    filter: &UserFilter,
) -> Result<Where, UsersError> {
    let mut condition = Where::of(organization_id);
    if let Some(search) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        condition.and(
            "instr(u.search_text, ?) > 0",
            [Value::Text(search.to_lowercase())],
        );
    }
    if let Some(protection) = filter.protection {
        condition.and(
            "u.protected = ?",
            [Value::Integer((protection == Protection::Protected).into())],
        );
    }
    if let Some(kind) = filter.kind {
        condition.and("u.kind = ?", [stored(kind)?]);
    }
    if let Some(state) = filter.state {
        condition.and("u.state = ?", [stored(state)?]);
    }
    if let Some(group) = &filter.group {
        let key: Option<i64> = conn
            .query_row(
                "SELECT key FROM groups WHERE organization_id = ?1 AND id = ?2",
                [organization_id, group],
                |row| row.get(0),
            )
            .optional()?;
        let key = key.ok_or_else(|| UsersError::UnknownGroup(group.clone()))?;
        condition.and(
            "u.key IN (SELECT user_key FROM memberships WHERE group_key = ?)",
            [Value::Integer(key)],
        );
    }
    match filter.backup {
        None => {}
        Some(BackupFilter::Never) => condition.and("u.last_backup_at IS NULL", []),
        Some(BackupFilter::Succeeded) => condition.and("u.last_backup_result = 'succeeded'", []),
        Some(BackupFilter::Failed) => condition.and("u.last_backup_result = 'failed'", []),
    }
    Ok(condition)
}

/// The chosen users of an organization, all of which must be its own.
fn chosen(conn: &Connection, organization_id: &str, ids: &[UserId]) -> Result<Where, UsersError> {
    let mut condition = Where::of(organization_id);
    let places = vec!["?"; ids.len()].join(", ");
    condition.and(
        &format!("u.id IN ({places})"),
        ids.iter().map(|id| Value::Text(id.0.clone())),
    );
    let mut stmt = conn.prepare(&format!("SELECT u.id FROM users u WHERE {}", condition.sql))?;
    let found: HashSet<String> = stmt
        .query_map(params_from_iter(&condition.values), |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let unknown: Vec<(usize, String)> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| !found.contains(&id.0))
        .map(|(at, id)| (at, id.0.clone()))
        .collect();
    if unknown.is_empty() {
        Ok(condition)
    } else {
        Err(UsersError::UnknownUsers(unknown))
    }
}

/// One page of an organization's users, as `query` asks, with the licences of the
/// organization and of the subscription, which has `licences` and `free_licences` of them
/// free ([`super::licences::free`]).
pub fn page(
    conn: &Connection,
    (licences, free_licences): (u32, u32),
    organization_id: &str,
    query: &UserQuery,
) -> Result<UserPage, UsersError> {
    let organization = conn
        .query_row(
            "SELECT name, licence_mode, user_count, protected_users, last_user_sync_at
             FROM organizations WHERE id = ?1",
            [organization_id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Sql<LicenceMode>>(1)?.0,
                    row.get::<_, u32>(2)?,
                    row.get::<_, u32>(3)?,
                    row.get::<_, Option<i64>>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((organization_name, mode, user_count, protected_users, synced)) = organization else {
        return Err(UsersError::UnknownOrganization);
    };
    let condition = matching(conn, organization_id, &query.filter)?;
    let total: u32 = conn.query_row(
        &format!("SELECT COUNT(*) FROM users u WHERE {}", condition.sql),
        params_from_iter(&condition.values),
        |row| row.get(0),
    )?;
    let mut values = condition.values;
    values.push(Value::Integer(query.page_size.into()));
    values.push(Value::Integer(
        i64::from(query.page.saturating_sub(1)) * i64::from(query.page_size),
    ));
    let mut stmt = conn.prepare(&page_statement(&condition.sql, query.sort, query.order))?;
    let users = stmt
        .query_map(params_from_iter(&values), user_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(UserPage {
        users,
        total,
        page: query.page,
        page_size: query.page_size,
        organization_name,
        licensing: Licensing {
            mode,
            user_count,
            protected_users,
            subscription_licences: licences,
            free_licences,
        },
        last_user_sync_at: synced.map(rfc3339),
    })
}

/// The statement reading a page of the users `condition` matches, sorted by `sort`, its
/// `LIMIT` and `OFFSET` the last two values.
fn page_statement(condition: &str, sort: UserSort, order: SortOrder) -> String {
    let order = match order {
        SortOrder::Ascending => "ASC",
        SortOrder::Descending => "DESC",
    };
    let column = match sort {
        UserSort::Name => None,
        UserSort::Email => Some("u.principal_name"),
        // In the order people read them, not their names' (migration 0012).
        UserSort::Kind => Some("u.kind_order"),
        UserSort::State => Some("u.state_order"),
        UserSort::Protection => Some("u.protected"),
        UserSort::LastBackup => Some("u.last_backup_at"),
    };
    // Ties by name, then id, the same way round: the indexes then give pages in order.
    let ties = format!("u.display_name COLLATE NOCASE {order}, u.id {order}");
    let order_by = match column {
        Some(column) => format!("{column} {order}, {ties}"),
        None => ties,
    };
    format!(
        "SELECT u.id, u.display_name, u.principal_name, u.kind, u.state, u.protected_since,
                u.last_backup_at, u.last_backup_result, u.last_backup_items,
                (SELECT group_concat(g.name, char(31)) FROM memberships m
                 JOIN groups g ON g.key = m.group_key WHERE m.user_key = u.key)
         FROM users u WHERE {condition} ORDER BY {order_by} LIMIT ? OFFSET ?"
    )
}

fn user_from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    let protected_since: Option<i64> = row.get(5)?;
    let last_backup = match row.get::<_, Option<i64>>(6)? {
        Some(at) => Some(UserBackup {
            at: rfc3339(at),
            result: row
                .get::<_, Option<Sql<BackupResult>>>(7)?
                .map_or(BackupResult::Failed, |result| result.0),
            items: row.get::<_, Option<u64>>(8)?.unwrap_or(0),
        }),
        None => None,
    };
    let mut groups: Vec<String> = row
        .get::<_, Option<String>>(9)?
        .map(|names| names.split('\u{1f}').map(str::to_owned).collect())
        .unwrap_or_default();
    groups.sort();
    Ok(User {
        id: UserId(row.get(0)?),
        display_name: row.get(1)?,
        principal_name: row.get(2)?,
        kind: row.get::<_, Sql<UserKind>>(3)?.0,
        state: row.get::<_, Sql<UserState>>(4)?.0,
        groups,
        protected: protected_since.is_some(),
        protected_since: protected_since.map(rfc3339),
        last_backup,
    })
}

/// Makes (or, unless `apply`, previews) an organization's protection `change` at `now`, with
/// `free_licences` free in the subscription ([`super::licences::free`]): for all its users or,
/// refused, for none. Deactivating protection under automatic licence management is refused,
/// as that management protects every user; so is a change that would change another number
/// of users than it expects.
pub fn change_protection(
    conn: &Connection,
    free_licences: u32,
    organization_id: &str,
    change: &ProtectionChange,
    apply: bool,
    now: i64,
) -> Result<ProtectionPreview, UsersError> {
    let protect = change.protect;
    let organization: Option<(String, Sql<LicenceMode>)> = conn
        .query_row(
            "SELECT name, licence_mode FROM organizations WHERE id = ?1",
            [organization_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let Some((name, Sql(mode))) = organization else {
        return Err(UsersError::UnknownOrganization);
    };
    let condition = match &change.users {
        UserSelection::Chosen { ids } => chosen(conn, organization_id, ids)?,
        UserSelection::Matching { filter } => matching(conn, organization_id, filter)?,
    };
    let sql = numbered(&condition.sql);
    let mut values = condition.values;
    values.push(Value::Integer(protect.into()));
    let wanted = values.len();
    let (selected, changing): (u32, u32) = conn.query_row(
        &format!(
            "SELECT COUNT(*), COALESCE(SUM(u.protected <> ?{wanted}), 0) FROM users u
             WHERE {sql}"
        ),
        params_from_iter(&values),
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let licences_used = if protect { changing } else { 0 };
    let preview = ProtectionPreview {
        selected,
        changing,
        licences_used,
        licences_freed: if protect { 0 } else { changing },
        free_licences,
        licences_short: licences_used.saturating_sub(free_licences),
    };
    if !protect && changing > 0 && mode == LicenceMode::Automatic {
        return Err(UsersError::Automatic(name, preview));
    }
    if preview.licences_short > 0 {
        return Err(UsersError::Short(preview));
    }
    if let Some(expected) = change.expected_changing
        && apply
        && expected != changing
    {
        return Err(UsersError::Changed(expected, preview));
    }
    if apply && changing > 0 {
        values.push(Value::Integer(now));
        let since = values.len();
        conn.execute(
            &format!(
                "UPDATE users AS u
                 SET protected = ?{wanted}, protected_since = CASE WHEN ?{wanted} THEN ?{since} END
                 WHERE {sql} AND u.protected <> ?{wanted}"
            ),
            params_from_iter(&values),
        )?;
    }
    Ok(preview)
}

/// `sql` with its `?` numbered in order (`?1`, `?2`…), so that numbered ones can follow.
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        out.push(c);
        if c == '?' {
            n += 1;
            out.push_str(&n.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn organization(db: &Db, users: u32) -> String {
        let new = crate::store::organizations::NewOrganization {
            tenant_id: "tenant-contoso".into(),
            name: "Contoso".into(),
            primary_domain: "contoso.com".into(),
            user_count: users,
        };
        db.write(|tx| crate::store::organizations::insert(tx, &new, 5_000, 0))
            .unwrap()
            .id
            .0
    }

    #[test]
    fn the_list_reads_its_sorted_pages_from_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        let id = organization(&db, 50);
        for sort in [
            UserSort::Name,
            UserSort::Email,
            UserSort::Protection,
            UserSort::LastBackup,
        ] {
            for order in [SortOrder::Ascending, SortOrder::Descending] {
                let condition = Where::of(&id);
                let plan: Vec<String> = db
                    .read(|conn| {
                        let mut stmt = conn.prepare(&format!(
                            "EXPLAIN QUERY PLAN {}",
                            page_statement(&condition.sql, sort, order)
                        ))?;
                        let mut values = condition.values.clone();
                        values.extend([Value::Integer(50), Value::Integer(0)]);
                        stmt.query_map(params_from_iter(&values), |row| row.get::<_, String>(3))?
                            .collect::<rusqlite::Result<Vec<_>>>()
                    })
                    .unwrap();
                assert!(
                    plan.iter().all(|step| !step.contains("TEMP B-TREE")),
                    "{sort:?} {order:?} sorts rather than reading an index: {plan:?}"
                );
            }
        }
    }

    #[test]
    fn organizations_stored_before_directories_get_theirs_with_their_counts() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        db.read(|conn| {
            conn.execute(
                "INSERT INTO organizations (id, tenant_id, name, primary_domain, user_count,
                                            protected_users, licence_mode)
                 VALUES ('old', 't', 'Old', 'old.com', 40, 25, 'manual')",
                [],
            )
        })
        .unwrap();
        assert_eq!(db.write(|tx| backfill(tx, 0)).unwrap(), 1);
        assert_eq!(db.write(|tx| backfill(tx, 0)).unwrap(), 0, "once");
        let page = db
            .read(|conn| page(conn, (5_000, 0), "old", &UserQuery::default()))
            .unwrap();
        assert_eq!((page.total, page.licensing.user_count), (40, 40));
        assert_eq!(page.licensing.protected_users, 25);
        let protected = db
            .read(|conn| {
                conn.query_row(
                    "SELECT COUNT(*) FROM users WHERE organization_id = 'old' AND protected = 1",
                    [],
                    |row| row.get::<_, u32>(0),
                )
            })
            .unwrap();
        assert_eq!(protected, 25);
    }
}
