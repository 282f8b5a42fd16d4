//! Versioning over HTTP ([`crate::versioning`]): `If-Match` as an extractor, the answer that
//! carries its document's version as `ETag`, and the one mapping of a change that was not
//! saved to the error shape, for the settings and the policy alike: a stale change is
//! answered with the document as it now is.

use std::convert::Infallible;

use axum::{
    Json,
    extract::FromRequestParts,
    http::{HeaderValue, header, request::Parts},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use xms_m365_contract::{PolicyView, SettingsView};

use super::unknown_organization;
use crate::{
    db::DbError,
    error::AppError,
    versioning::{IfMatch, SaveError},
};

/// The request's `If-Match`, if it has one. A value that is not visible ASCII matches no
/// ETag: it is stale, not missing.
#[derive(Debug, Clone)]
pub struct IfMatchHeader(pub Option<IfMatch>);

impl<S: Send + Sync> FromRequestParts<S> for IfMatchHeader {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        Ok(Self(parts.headers.get(header::IF_MATCH).map(|value| {
            IfMatch(value.to_str().unwrap_or_default().to_owned())
        })))
    }
}

/// A document that carries its version.
pub trait Tagged: Serialize {
    /// Its `ETag`, quotes included.
    fn etag(&self) -> &str;
}

impl Tagged for SettingsView {
    fn etag(&self) -> &str {
        &self.etag
    }
}

impl Tagged for PolicyView {
    fn etag(&self) -> &str {
        &self.etag
    }
}

/// A versioned document as an answer: its JSON, with its version as the `ETag` header.
#[derive(Debug)]
pub struct Versioned<T>(pub T);

impl<T: Tagged> IntoResponse for Versioned<T> {
    fn into_response(self) -> Response {
        let mut response = Json(&self.0).into_response();
        // An ETag is hex digits in quotes, always a valid header value.
        if let Ok(etag) = HeaderValue::from_str(self.0.etag()) {
            response.headers_mut().insert(header::ETAG, etag);
        }
        response
    }
}

/// A change of organization `id`'s document, as the API answers it. When it was made on an
/// older version, `current` reads the document as it now is, to answer with.
pub fn answer<T: Tagged>(
    outcome: Result<T, SaveError>,
    id: &str,
    current: impl FnOnce() -> Result<Option<T>, DbError>,
) -> Result<Versioned<T>, AppError> {
    match outcome {
        Ok(saved) => Ok(Versioned(saved)),
        Err(SaveError::Stale) => match current()? {
            Some(current) => Err(AppError::Stale {
                message: "Someone else changed this after you opened it. Review their version \
                          and save again."
                    .to_owned(),
                current: serde_json::to_value(current)
                    .map_err(|error| AppError::Internal(error.to_string()))?,
            }),
            // Removed since the change was refused.
            None => Err(unknown_organization(id)),
        },
        Err(other) => Err(other.into()),
    }
}

impl From<SaveError> for AppError {
    fn from(error: SaveError) -> Self {
        match error {
            SaveError::UnknownOrganization(id) => unknown_organization(&id),
            SaveError::PreconditionRequired => Self::PreconditionRequired(
                "Send the If-Match header with the ETag you read this with, so that no one \
                 else's change is overwritten unknowingly."
                    .to_owned(),
            ),
            // Answered with the current document, by [`answer`].
            SaveError::Stale => {
                Self::Internal("a stale change was answered without its document".to_owned())
            }
            SaveError::Invalid(fields) => Self::Validation {
                message: "Some fields are not valid. Correct them and try again.".to_owned(),
                fields,
            },
            SaveError::Db(error) => error.into(),
        }
    }
}
