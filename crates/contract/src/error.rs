//! The one JSON error shape every failing API call answers with:
//! `{"error": {"code": "...", "message": "..."}}`, plus `"fields"` when particular fields of the
//! request were invalid.

use serde::{Deserialize, Serialize};

use crate::names::read_by_name;

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// A machine-readable code and a sentence a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    /// Stable code for programs.
    pub code: ErrorCode,
    /// A sentence for a person: what happened and what to do about it.
    pub message: String,
    /// For `validation_failed`: what is wrong with each invalid field of the request body,
    /// keyed by the field's name (`user_sync_interval_hours`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name in the request body, as a JSON path (`retention.full_days`).
    pub field: String,
    /// What is wrong, for programs: a client words a code it knows in its own language, and
    /// shows `message` for one it does not.
    #[serde(default)]
    pub code: FieldErrorCode,
    /// The bound a `too_short`, `too_long` or `required` value is held to: days, characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// A sentence for a person (in English), to show under the field.
    pub message: String,
}

impl FieldError {
    /// `field` is wrong for the reason `code`, said by `message`.
    pub fn new(field: impl Into<String>, code: FieldErrorCode, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            limit: None,
            message: message.into(),
        }
    }

    /// The same error, held to the bound `limit`.
    #[must_use]
    pub fn limit(self, limit: u32) -> Self {
        Self {
            limit: Some(limit),
            ..self
        }
    }
}

/// Why a field is invalid: a closed set that a client must accept new members of (they decode
/// as [`FieldErrorCode::Unknown`], and the error's `message` is shown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum FieldErrorCode {
    /// Nothing is chosen where at least one choice is needed.
    NothingChosen,
    /// The value names something that does not exist: a group, a time zone, a worker, a storage.
    NotFound,
    /// The value is not one of the choices offered.
    NotOffered,
    /// Not a time as `HH:MM`, 24-hour.
    InvalidTime,
    /// Not a day of the month, 1 to 31.
    InvalidDay,
    /// Not an instant in RFC 3339, such as `2026-12-01T22:00:00Z`.
    InvalidInstant,
    /// Less than the least allowed, `limit`.
    TooShort,
    /// More than the most allowed, `limit`.
    TooLong,
    /// Given where it does not apply: leave it out.
    NotApplicable,
    /// Missing where it is needed (at least `limit`, when there is one).
    Required,
    /// Not in the form it must have: a GUID, a domain, a date as `YYYY-MM-DD`.
    Malformed,
    /// The Microsoft identity platform refused it (a client secret that is not the
    /// application's: perhaps its Secret ID rather than its value).
    Rejected,
    /// It has expired, or its date has passed.
    Expired,
    /// The application has no administrator's consent in the tenant: no permission at all.
    ConsentMissing,
    /// The application lacks some of the permissions it needs; `message` names them.
    PermissionMissing,
    /// A code this client does not know.
    #[default]
    #[serde(other)]
    Unknown,
}

read_by_name!(FieldErrorCode {
    NothingChosen = "nothing_chosen",
    NotFound = "not_found",
    NotOffered = "not_offered",
    InvalidTime = "invalid_time",
    InvalidDay = "invalid_day",
    InvalidInstant = "invalid_instant",
    TooShort = "too_short",
    TooLong = "too_long",
    NotApplicable = "not_applicable",
    Required = "required",
    Malformed = "malformed",
    Rejected = "rejected",
    Expired = "expired",
    ConsentMissing = "consent_missing",
    PermissionMissing = "permission_missing",
} else Unknown);

/// The closed set of error codes the API answers with.
///
/// A client must accept codes it does not know yet (a newer server may add some): they decode
/// as [`ErrorCode::Unknown`] and the `message` is still shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum ErrorCode {
    /// The request was malformed: bad JSON, a missing field, an invalid value.
    BadRequest,
    /// The API token was missing or wrong.
    Unauthorized,
    /// No such route or resource.
    NotFound,
    /// The route exists but not with this method.
    MethodNotAllowed,
    /// The request body is larger than the server accepts.
    PayloadTooLarge,
    /// The request body is not JSON.
    UnsupportedMediaType,
    /// The server failed; the message says whether trying again may help.
    Internal,
    /// A service XMS depends on (the Microsoft identity platform) failed or could not be
    /// reached.
    BadGateway,
    /// The client asks too often: wait the interval it was given.
    SlowDown,
    /// The request conflicts with what is going on, such as a backup already running.
    Conflict,
    /// Some fields are invalid (HTTP 422); `fields` says which and why. Nothing was stored.
    ValidationFailed,
    /// The resource changed since it was read (HTTP 412): its `If-Match` is stale. Read it
    /// again, and decide.
    PreconditionFailed,
    /// The request must say which version it changes (HTTP 428): send `If-Match`.
    PreconditionRequired,
    /// A protection change needs more licences than are free (HTTP 409, body
    /// [`crate::ProtectionRefused`] with the numbers). Nothing was changed.
    LicencesShort,
    /// The organization's licences are managed automatically, which protects every user
    /// (HTTP 409, body [`crate::ProtectionRefused`]): switch it to manual licence management to
    /// deactivate someone's protection.
    AutomaticLicensing,
    /// A protection change would change another number of users than its
    /// `expected_changing` (HTTP 409, body [`crate::ProtectionRefused`] with the new numbers):
    /// the users changed since the preview. Nothing was changed; decide again.
    SelectionChanged,
    /// A code this client does not know.
    #[serde(other)]
    Unknown,
}

read_by_name!(ErrorCode {
    BadRequest = "bad_request",
    Unauthorized = "unauthorized",
    NotFound = "not_found",
    MethodNotAllowed = "method_not_allowed",
    PayloadTooLarge = "payload_too_large",
    UnsupportedMediaType = "unsupported_media_type",
    Internal = "internal",
    BadGateway = "bad_gateway",
    SlowDown = "slow_down",
    Conflict = "conflict",
    ValidationFailed = "validation_failed",
    PreconditionFailed = "precondition_failed",
    PreconditionRequired = "precondition_required",
    LicencesShort = "licences_short",
    AutomaticLicensing = "automatic_licensing",
    SelectionChanged = "selection_changed",
} else Unknown);

/// The body of the 412 answer to a change of a versioned document (an organization's
/// settings, its policy) made on a version that is no longer current: the error, and the
/// document as it now is, with its new `etag`, so that a client shows it beside its own
/// change without reading it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stale<T> {
    /// `precondition_failed`, and what to do.
    pub error: ErrorDetail,
    /// The document as someone else saved it.
    pub current: T,
}

impl ErrorBody {
    /// An error body with the given code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code,
                message: message.into(),
                fields: Vec::new(),
            },
        }
    }
}

impl ErrorBody {
    /// A `validation_failed` error with the given field errors.
    pub fn validation(message: impl Into<String>, fields: Vec<FieldError>) -> Self {
        let mut body = Self::new(ErrorCode::ValidationFailed, message);
        body.error.fields = fields;
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_error_carries_its_code_and_bound_and_an_unknown_code_is_tolerated() {
        let error =
            FieldError::new("retention.full_days", FieldErrorCode::TooShort, "Longer.").limit(7);
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({
                "field": "retention.full_days",
                "code": "too_short",
                "limit": 7,
                "message": "Longer."
            })
        );
        let newer: FieldError = serde_json::from_value(serde_json::json!({
            "field": "scope",
            "code": "too_colourful",
            "message": "Fewer colours."
        }))
        .unwrap();
        assert_eq!(newer.code, FieldErrorCode::Unknown);
        assert_eq!(newer.limit, None);
    }

    #[test]
    fn serializes_to_the_documented_shape() {
        let body = ErrorBody::new(ErrorCode::NotFound, "No such thing.");
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":{"code":"not_found","message":"No such thing."}}"#
        );
    }

    #[test]
    fn unknown_codes_still_decode_with_their_message() {
        let body: ErrorBody =
            serde_json::from_str(r#"{"error":{"code":"quota_exceeded","message":"Too many."}}"#)
                .unwrap();
        assert_eq!(body.error.code, ErrorCode::Unknown);
        assert_eq!(body.error.message, "Too many.");
    }
}
