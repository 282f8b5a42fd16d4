//! The version counters of what is versioned ([`crate::versioning`]): checked against a
//! change's `If-Match`, and moved on by it, inside the change's transaction.

use rusqlite::{Connection, OptionalExtension};

use crate::versioning::{ETag, IfMatch, SaveError, Versioned};

/// The current version of `what` of organization `id`, `None` when there is no such
/// organization.
pub fn current(conn: &Connection, what: Versioned, id: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        &format!("SELECT {} FROM organizations WHERE id = ?1", what.column()),
        [id],
        |row| row.get(0),
    )
    .optional()
}

/// Checks that a change of `what` of organization `id` names its current version in
/// `if_match`, then moves the version on: the change that follows in the same transaction is
/// the next version.
pub fn advance(
    conn: &Connection,
    what: Versioned,
    id: &str,
    if_match: Option<&IfMatch>,
) -> Result<(), SaveError> {
    let version =
        current(conn, what, id)?.ok_or_else(|| SaveError::UnknownOrganization(id.to_owned()))?;
    let if_match = if_match.ok_or(SaveError::PreconditionRequired)?;
    if !if_match.admits(&ETag::of(what, id, version)) {
        return Err(SaveError::Stale);
    }
    conn.execute(
        &format!(
            "UPDATE organizations SET {column} = {column} + 1 WHERE id = ?1",
            column = what.column()
        ),
        [id],
    )?;
    Ok(())
}
