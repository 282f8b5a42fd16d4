//! The server's one error type and the middleware that makes every failing answer, including
//! those produced by axum and tower-http themselves, use the contract's JSON error shape.

use axum::{
    Json,
    body::{Body, to_bytes},
    extract::{OriginalUri, Request, rejection::BytesRejection},
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use xms_m365_contract::{
    ErrorBody, ErrorCode, FieldError, ProtectionPreview, ProtectionRefused, Stale,
};

/// The largest request body the API accepts.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The storage layer failed.
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
    /// Something inside the server failed; the cause goes to the log, not to the client.
    #[error("{0}")]
    Internal(String),
    /// The request is not valid; the message says why.
    #[error("{0}")]
    BadRequest(String),
    /// The resource does not exist; the message names it.
    #[error("{0}")]
    NotFound(String),
    /// A service XMS depends on failed; the message says which and what to do.
    #[error("{0}")]
    BadGateway(String),
    /// The client asks too often; the message says how long to wait.
    #[error("{0}")]
    SlowDown(String),
    /// The request conflicts with what is going on; the message says what to do.
    #[error("{0}")]
    Conflict(String),
    /// A change did not say which version it changes (no `If-Match`).
    #[error("{0}")]
    PreconditionRequired(String),
    /// A change was based on a version that is no longer current (stale `If-Match`); the
    /// document as it now is goes with the answer.
    #[error("{message}")]
    Stale {
        /// What to do, for a person.
        message: String,
        /// The current document, as JSON.
        current: serde_json::Value,
    },
    /// A protection change was refused (`licences_short`, `automatic_licensing`); nothing was
    /// changed.
    #[error("{message}")]
    ProtectionRefused {
        /// Why, for programs.
        code: ErrorCode,
        /// Why, with the numbers, for a person.
        message: String,
        /// What the change would have done.
        preview: ProtectionPreview,
    },
    /// Some fields of the request are invalid; nothing was stored.
    #[error("{message}")]
    Validation {
        /// What to do, for a person.
        message: String,
        /// What is wrong with each invalid field.
        fields: Vec<FieldError>,
    },
    /// The request body could not be read (too large, cut off); the middleware words the
    /// answer.
    #[error(transparent)]
    Body(#[from] BytesRejection),
    /// The request body is not JSON; the middleware words the answer.
    #[error("the request body is not JSON")]
    UnsupportedMediaType,
}

impl AppError {
    /// The 404 for an organization that is not in XMS.
    pub fn unknown_organization(id: &str) -> Self {
        Self::NotFound(format!(
            "There is no organization {id} in XMS. Reload the page to see the current list."
        ))
    }

    /// The 422 for a request whose `fields` are not valid.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        Self::Validation {
            message: "Some fields are not valid. Correct them and send again.".to_owned(),
            fields,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            Self::NotFound(message) => {
                return error_response(StatusCode::NOT_FOUND, ErrorCode::NotFound, message);
            }
            Self::BadGateway(message) => {
                return error_response(StatusCode::BAD_GATEWAY, ErrorCode::BadGateway, message);
            }
            Self::SlowDown(message) => {
                return error_response(StatusCode::TOO_MANY_REQUESTS, ErrorCode::SlowDown, message);
            }
            Self::Conflict(message) => {
                return error_response(StatusCode::CONFLICT, ErrorCode::Conflict, message);
            }
            Self::PreconditionRequired(message) => {
                return error_response(
                    StatusCode::PRECONDITION_REQUIRED,
                    ErrorCode::PreconditionRequired,
                    message,
                );
            }
            Self::Stale { message, current } => {
                let error = ErrorBody::new(ErrorCode::PreconditionFailed, message).error;
                return (
                    StatusCode::PRECONDITION_FAILED,
                    Json(Stale { error, current }),
                )
                    .into_response();
            }
            Self::ProtectionRefused {
                code,
                message,
                preview,
            } => {
                let error = ErrorBody::new(code, message).error;
                return (
                    StatusCode::CONFLICT,
                    Json(ProtectionRefused { error, preview }),
                )
                    .into_response();
            }
            Self::Validation { message, fields } => {
                return (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(ErrorBody::validation(message, fields)),
                )
                    .into_response();
            }
            Self::BadRequest(message) => {
                return error_response(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message);
            }
            Self::Body(rejection) => return rejection.into_response(),
            Self::UnsupportedMediaType => {
                return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
            }
            Self::Db(_) | Self::Internal(_) => {}
        }
        // Internal details go to the log, not to the client.
        tracing::error!(error = %self, "request failed");
        error_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "XMS could not complete the request because of an internal error. Try again; if it \
             keeps failing, check the XMS server log.",
        )
    }
}

/// A response in the contract's error shape.
pub fn error_response(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Response {
    (status, Json(ErrorBody::new(code, message))).into_response()
}

/// Rewrites error responses that are not yet JSON (axum's extractor rejections, the router's
/// 404 and 405, tower-http's 401 and 413) into the contract's error shape, so that a client
/// only ever has one error format to decode.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    // Inside a nested router the URI lost its prefix; name the path the client sent.
    let path = request
        .extensions()
        .get::<OriginalUri>()
        .map_or_else(|| request.uri().path(), |original| original.path())
        .to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }

    let (code, message) = match status {
        StatusCode::UNAUTHORIZED => (
            ErrorCode::Unauthorized,
            "The API token is missing or wrong. Send it as `Authorization: Bearer <token>`."
                .to_owned(),
        ),
        StatusCode::NOT_FOUND => (
            ErrorCode::NotFound,
            format!("There is no API route {method} {path}."),
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            ErrorCode::MethodNotAllowed,
            format!("{path} does not accept {method}."),
        ),
        StatusCode::PAYLOAD_TOO_LARGE => (
            ErrorCode::PayloadTooLarge,
            format!("The request body is larger than the {MAX_BODY_BYTES} bytes XMS accepts."),
        ),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (
            ErrorCode::UnsupportedMediaType,
            "The request body must be JSON, sent with `Content-Type: application/json`.".to_owned(),
        ),
        status if status.is_client_error() => {
            // axum's JSON rejections explain precisely what was wrong with the body: keep it.
            (ErrorCode::BadRequest, plain_text(response).await)
        }
        _ => (
            ErrorCode::Internal,
            "XMS failed while handling the request. Try again; if it keeps failing, check the \
             XMS server log."
                .to_owned(),
        ),
    };
    // A 422 from axum is a body that parsed but did not fit the contract: still a bad request.
    let status = if status == StatusCode::UNPROCESSABLE_ENTITY {
        StatusCode::BAD_REQUEST
    } else {
        status
    };
    let mut answer = error_response(status, code, message);
    if status == StatusCode::UNAUTHORIZED {
        answer
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    answer
}

/// The text of a plain error body, or a generic sentence when it has none.
async fn plain_text(response: Response) -> String {
    let bytes = to_bytes(response.into_body(), MAX_BODY_BYTES)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_owned();
    if text.is_empty() {
        "The request is not valid.".to_owned()
    } else {
        text
    }
}

/// Turns a panic in a handler into the contract's 500 answer instead of a dropped connection.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    tracing::error!("a request handler panicked");
    error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorCode::Internal,
        "XMS failed while handling the request. Try again; if it keeps failing, check the XMS \
         server log.",
    )
}

impl From<rusqlite::Error> for AppError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Db(error.into())
    }
}
