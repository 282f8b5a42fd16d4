//! Cookie sessions, the third way a host authenticates the module (besides a bearer token
//! given once or per request): an `xms_session` cookie plus the session's CSRF token in the
//! `X-CSRF-Token` header of every request. The cookie alone never authenticates, so another
//! site cannot make a browser act with it.

use axum::{
    Json,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use subtle::ConstantTimeEq;

use rusqlite::{OptionalExtension, params};

use crate::{
    AppState,
    db::{Db, DbError, run_blocking},
};

/// The name of the session cookie.
pub const COOKIE: &str = "xms_session";

/// The header that carries the session's CSRF token.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// How long a session lasts unused, in ms: a console left open overnight signs in again.
const IDLE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;

/// The most sessions kept at once; beyond it the least recently used ends, so that loading the
/// shell page over and over cannot exhaust memory.
const MAX_SESSIONS: i64 = 10_000;

/// The answer to creating a session.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionCreated {
    /// The token to send as `X-CSRF-Token` with every request made with the session cookie.
    pub csrf_token: String,
}

/// The sessions, stored: a restart of the server keeps everyone signed in, as XMS's logins
/// survive its restarts.
pub struct Sessions {
    db: Db,
}

/// What a session cookie and CSRF header amount to.
#[derive(Debug, PartialEq, Eq)]
pub enum Check {
    /// The session exists and the CSRF token is its own.
    Valid,
    /// The request names no session, or one that has ended.
    NoSession,
    /// The session exists but the CSRF token is missing or another one.
    BadCsrf,
}

impl Sessions {
    /// The sessions stored in `db`, aging by its clock.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Starts a session; returns its id (the cookie's value) and its CSRF token.
    pub fn create(&self) -> Result<(String, String), DbError> {
        let id = random_token();
        let csrf_token = random_token();
        let now = self.db.clock().now_ms();
        let conn = self.db.conn();
        conn.execute(
            "DELETE FROM sessions WHERE last_used <= ?1",
            params![now - IDLE_TIMEOUT_MS],
        )?;
        // Beyond the limit the least recently used sessions end.
        conn.execute(
            "DELETE FROM sessions WHERE id IN
                 (SELECT id FROM sessions ORDER BY last_used DESC LIMIT -1 OFFSET ?1)",
            params![MAX_SESSIONS - 1],
        )?;
        conn.execute(
            "INSERT INTO sessions (id, csrf_token, last_used) VALUES (?1, ?2, ?3)",
            params![id, csrf_token, now],
        )?;
        Ok((id, csrf_token))
    }

    /// The CSRF token of session `id` if it is still going, marking it used.
    pub fn csrf_token(&self, id: &str) -> Result<Option<String>, DbError> {
        let now = self.db.clock().now_ms();
        let conn = self.db.conn();
        let token = conn
            .query_row(
                "UPDATE sessions SET last_used = ?2 WHERE id = ?1 AND last_used > ?3
                 RETURNING csrf_token",
                params![id, now, now - IDLE_TIMEOUT_MS],
                |row| row.get(0),
            )
            .optional()?;
        Ok(token)
    }

    /// Whether the session cookie of `headers` names a session and their CSRF header is its
    /// token.
    pub fn check(&self, headers: &HeaderMap) -> Result<Check, DbError> {
        let Some(id) = session_id(headers) else {
            return Ok(Check::NoSession);
        };
        let Some(expected) = self.csrf_token(&id)? else {
            return Ok(Check::NoSession);
        };
        let presented = headers
            .get(CSRF_HEADER)
            .map(HeaderValue::as_bytes)
            .unwrap_or_default();
        // Compared in constant time so the token cannot be guessed byte by byte from timings.
        Ok(if bool::from(presented.ct_eq(expected.as_bytes())) {
            Check::Valid
        } else {
            Check::BadCsrf
        })
    }

    /// Ends session `id`, if it is going.
    pub fn end(&self, id: &str) -> Result<(), DbError> {
        self.db
            .conn()
            .execute("DELETE FROM sessions WHERE id = ?1", params![id])?;
        Ok(())
    }
}

/// 122 random bits from the operating system's generator, as 32 hex digits.
fn random_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// The value of the session cookie among the request's `Cookie` headers.
pub fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim_matches('"').to_owned())
}

/// The `Set-Cookie` value that gives the browser session `id`. Not `Secure`: the reference
/// server speaks plain HTTP on the developer's machine; XMS behind TLS adds it.
pub fn set_cookie(id: &str) -> HeaderValue {
    // The id is hex digits; a failure could only come from a broken generator.
    HeaderValue::from_str(&format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict"))
        .unwrap_or_else(|_| HeaderValue::from_static("xms_session=; Path=/; Max-Age=0"))
}

/// The `Set-Cookie` value that makes the browser forget the session cookie.
fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("xms_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// Starts a cookie session, as signing in to XMS does: authenticated with the API token
/// (not with a session), it sets the `xms_session` cookie and answers the CSRF token that
/// every request made with the cookie must carry as `X-CSRF-Token`.
#[utoipa::path(
    post,
    path = "/session",
    tag = "Session",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Started; the cookie is set", body = SessionCreated,
            headers(("Set-Cookie" = String, description = "`xms_session=<id>; Path=/; HttpOnly; SameSite=Strict`"))),
        (status = 401, description = "Missing or wrong API token", body = xms_m365_contract::ErrorBody),
    )
)]
pub async fn session_create(State(state): State<AppState>, request: Request) -> Response {
    if !crate::api::has_api_token(&state, request.headers()) {
        // Worded by the error middleware, as every other missing token.
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let sessions = state.sessions.clone();
    let (id, csrf_token) = match run_blocking(move || sessions.create()).await {
        Ok(session) => session,
        Err(error) => return error.into_response(),
    };
    let mut response = (StatusCode::CREATED, Json(SessionCreated { csrf_token })).into_response();
    let headers = response.headers_mut();
    headers.insert(header::SET_COOKIE, set_cookie(&id));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Ends the session of the request's cookie, as signing out of XMS does, and clears the
/// cookie. Requests with the cookie are refused from then on.
#[utoipa::path(
    delete,
    path = "/session",
    tag = "Session",
    security(("cookie" = [], "csrf" = []), ("bearer" = [])),
    responses(
        (status = 204, description = "Ended; the cookie is cleared",
            headers(("Set-Cookie" = String, description = "`xms_session=; Max-Age=0`"))),
        (status = 401, description = "No session, or a missing or wrong CSRF token", body = xms_m365_contract::ErrorBody),
    )
)]
pub async fn session_delete(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(id) = session_id(&headers) {
        let sessions = state.sessions.clone();
        if let Err(error) = run_blocking(move || sessions.end(&id)).await {
            return error.into_response();
        }
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_cookie());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_outlive_a_restart_and_end_when_ended() {
        let dir = tempfile::tempdir().unwrap();
        let (id, csrf_token) = Sessions::new(Db::open(dir.path()).unwrap())
            .create()
            .unwrap();
        let restarted = Sessions::new(Db::open(dir.path()).unwrap());
        assert_eq!(restarted.csrf_token(&id).unwrap(), Some(csrf_token));
        restarted.end(&id).unwrap();
        assert_eq!(restarted.csrf_token(&id).unwrap(), None);
    }
}
