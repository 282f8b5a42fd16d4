//! How contract values are stored: a named value as the same snake_case name the API sends
//! (`automatic`, `custom`, `full`, `local`), so the two can never drift apart, each table's
//! CHECK admitting exactly those names; a custom policy as the JSON the API sends.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Serialize, de::DeserializeOwned};
use xms_m365_contract::{
    BackupKind, BackupResult, BackupTrigger, CredentialKind, CredentialProblem, LicenceMode,
    Policy, PolicyKind, SkipReason, UserKind, UserState, WorkerKind,
};

/// A contract value that is one of a few names, stored as its name: `params![Sql(mode)]`,
/// `row.get::<_, Sql<LicenceMode>>(0)?.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sql<T>(pub T);

/// The contract's enums whose values are names without data.
pub trait Named: Serialize + DeserializeOwned {}

impl Named for LicenceMode {}
impl Named for PolicyKind {}
impl Named for BackupKind {}
impl Named for WorkerKind {}
impl Named for UserKind {}
impl Named for UserState {}
impl Named for BackupResult {}
impl Named for BackupTrigger {}
impl Named for SkipReason {}
impl Named for CredentialKind {}
impl Named for CredentialProblem {}

impl<T: Named> ToSql for Sql<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match serde_json::to_value(&self.0) {
            Ok(serde_json::Value::String(name)) => Ok(ToSqlOutput::from(name)),
            Ok(other) => Err(rusqlite::Error::ToSqlConversionFailure(
                format!("{other} is not a name").into(),
            )),
            Err(error) => Err(rusqlite::Error::ToSqlConversionFailure(Box::new(error))),
        }
    }
}

impl<T: Named> FromSql for Sql<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let name = value.as_str()?;
        serde_json::from_value(serde_json::Value::String(name.to_owned()))
            .map(Sql)
            .map_err(|error| FromSqlError::Other(Box::new(error)))
    }
}

/// A stored custom policy, if it parses (it was validated before it was stored).
pub fn policy_from_json(json: Option<&str>) -> Option<Policy> {
    serde_json::from_str(json?).ok()
}

/// A custom policy as stored.
pub fn policy_json(policy: &Policy) -> rusqlite::Result<String> {
    serde_json::to_string(policy)
        .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stored_as_the_api_sends_them_and_read_back() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let stored: String = conn
            .query_row("SELECT ?1", [Sql(LicenceMode::Manual)], |row| row.get(0))
            .unwrap();
        assert_eq!(stored, "manual");
        let read: Sql<BackupKind> = conn
            .query_row("SELECT 'differential'", [], |row| row.get(0))
            .unwrap();
        assert_eq!(read.0, BackupKind::Differential);
        let unknown = conn.query_row("SELECT 'sometimes'", [], |row| {
            row.get::<_, Sql<PolicyKind>>(0)
        });
        assert!(
            unknown.is_err(),
            "a name the contract does not have is an error"
        );
    }
}
