//! The shapes of the authority's OAuth answers, as Microsoft's: its error answer (`error`,
//! `error_description`, `error_codes`), an answer that is a token or such an error, and how
//! long its access tokens live. Shared by every grant it serves.

use axum::{
    Json,
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde_json::json;

use crate::db::DbError;

/// How long issued access tokens live, in seconds (as Microsoft's do).
pub(super) const ACCESS_TOKEN_SECONDS: i64 = 3599;

/// An OAuth error answer, shaped as Microsoft's: `error`, `error_description`, `error_codes`.
pub(super) struct OAuthError {
    error: &'static str,
    description: String,
    codes: &'static [u32],
}

impl OAuthError {
    pub(super) fn new(
        error: &'static str,
        codes: &'static [u32],
        description: impl Into<String>,
    ) -> Self {
        Self {
            error,
            description: description.into(),
            codes,
        }
    }

    /// Microsoft's `error_codes`, for the tests of the grants that answer them.
    #[cfg(test)]
    pub(super) fn codes(&self) -> &'static [u32] {
        self.codes
    }

    pub(super) fn missing(parameter: &str) -> Self {
        Self::new(
            "invalid_request",
            &[900144],
            format!(
                "AADSTS900144: The request body must contain the following parameter: '{parameter}'."
            ),
        )
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let status = match self.error {
            "unauthorized_client" | "invalid_client" => StatusCode::UNAUTHORIZED,
            _ => StatusCode::BAD_REQUEST,
        };
        let body = json!({
            "error": self.error,
            "error_description": self.description,
            "error_codes": self.codes,
        });
        (status, Json(body)).into_response()
    }
}

/// An answer that is either what was asked for or an OAuth error.
pub(super) enum Answer {
    Ok(Response),
    OAuth(OAuthError),
    Internal(DbError),
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        match self {
            Self::Ok(response) => response,
            Self::OAuth(error) => error.into_response(),
            Self::Internal(error) => super::failed(&error),
        }
    }
}
