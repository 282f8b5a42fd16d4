//! Optimistic versioning of what two administrators may change at once: an organization's
//! settings and its backup policy. Each has a version counter; it is read with its `ETag` and
//! changed only with `If-Match` naming the version the change was made on, so that no one
//! overwrites someone else's change unknowingly.

use xms_m365_contract::FieldError;

use crate::{db::DbError, hash::stable_hash};

/// What of an organization is versioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versioned {
    /// Its settings (the Edit panel).
    Settings,
    /// Its backup policy.
    Policy,
}

impl Versioned {
    /// The column holding its version in `organizations`.
    pub fn column(self) -> &'static str {
        match self {
            Self::Settings => "settings_version",
            Self::Policy => "policy_version",
        }
    }
}

/// A strong `ETag`, quotes included: derived from the organization and what of it is
/// versioned too, so that one read for one never matches another's, and hashed, so that
/// clients treat it as the opaque token it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ETag(String);

impl ETag {
    /// The ETag of `what` of organization `organization_id` at `version`.
    pub fn of(what: Versioned, organization_id: &str, version: i64) -> Self {
        let key = match what {
            Versioned::Settings => organization_id.to_owned(),
            Versioned::Policy => format!("{organization_id}/policy"),
        };
        let hash = stable_hash(key.bytes().chain([0]).chain(version.to_le_bytes()));
        Self(format!("\"{hash:016x}\""))
    }

    /// As sent in the header and the body.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<ETag> for String {
    fn from(etag: ETag) -> Self {
        etag.0
    }
}

/// An `If-Match` header's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfMatch(pub String);

impl IfMatch {
    /// Whether it admits `current`: `*`, or a list of ETags one of which is it (compared
    /// strongly, so a weak `W/"…"` never matches).
    pub fn admits(&self, current: &ETag) -> bool {
        self.0
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag == current.as_str())
    }
}

/// Why a change was not saved (or a policy not previewed).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// There is no such organization; its id.
    #[error("no organization {0}")]
    UnknownOrganization(String),
    /// The request did not say which version it changes.
    #[error("If-Match is missing")]
    PreconditionRequired,
    /// Someone saved since the client read it.
    #[error("changed since it was read")]
    Stale,
    /// Some fields are invalid.
    #[error("invalid fields")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_quoted_and_differ_by_version_organization_and_what() {
        let first = ETag::of(Versioned::Settings, "org-1", 1);
        assert!(first.as_str().starts_with('"') && first.as_str().ends_with('"'));
        assert_eq!(first.as_str().len(), 18);
        assert_eq!(first, ETag::of(Versioned::Settings, "org-1", 1));
        assert_ne!(first, ETag::of(Versioned::Settings, "org-1", 2));
        assert_ne!(first, ETag::of(Versioned::Settings, "org-2", 1));
        assert_ne!(first, ETag::of(Versioned::Policy, "org-1", 1));
    }

    #[test]
    fn if_match_takes_a_list_or_any_but_compares_strongly() {
        let current = ETag::of(Versioned::Settings, "org-1", 3);
        let header = |value: String| IfMatch(value);
        assert!(header(current.as_str().to_owned()).admits(&current));
        assert!(header(format!("\"x\", {}", current.as_str())).admits(&current));
        assert!(header("*".to_owned()).admits(&current));
        assert!(!header(format!("W/{}", current.as_str())).admits(&current));
        let older = ETag::of(Versioned::Settings, "org-1", 2);
        assert!(!header(older.as_str().to_owned()).admits(&current));
        assert!(!header(String::new()).admits(&current));
    }
}
