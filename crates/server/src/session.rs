//! Cookie sessions, the third way a host authenticates the module (besides a bearer token
//! given once or per request): an `xms_session` cookie plus the session's CSRF token in the
//! `X-CSRF-Token` header of every request. The cookie alone never authenticates, so another
//! site cannot make a browser act with it.

use axum::http::{HeaderMap, HeaderValue, header};
use subtle::ConstantTimeEq;

use crate::{
    clock::Clock,
    db::{Db, DbError},
    store::sessions,
};

/// The name of the session cookie.
pub const COOKIE: &str = "xms_session";

/// The header that carries the session's CSRF token.
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// The cookie sessions ([`crate::store::sessions`]).
pub struct Sessions {
    db: Db,
    clock: Clock,
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
    /// The sessions stored in `db`, aging by `clock`.
    pub fn new(db: Db, clock: Clock) -> Self {
        Self { db, clock }
    }

    /// Starts a session; returns its id (the cookie's value) and its CSRF token.
    pub fn create(&self) -> Result<(String, String), DbError> {
        let id = random_token();
        let csrf_token = random_token();
        let now = self.clock.now_ms();
        self.db
            .write(|tx| sessions::create(tx, &id, &csrf_token, now))?;
        Ok((id, csrf_token))
    }

    /// The CSRF token of session `id` if it is still going, marking it used.
    pub fn csrf_token(&self, id: &str) -> Result<Option<String>, DbError> {
        let now = self.clock.now_ms();
        Ok(self.db.read(|conn| sessions::use_at(conn, id, now))?)
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
        Ok(self.db.read(|conn| sessions::end(conn, id))?)
    }
}

/// Whether `headers` carry `Authorization: Bearer <api_token>`.
pub fn has_api_token(api_token: &str, headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.as_bytes().strip_prefix(b"Bearer "))
        // Compared in constant time so the token cannot be guessed byte by byte from timings.
        .is_some_and(|token| bool::from(token.ct_eq(api_token.as_bytes())))
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
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("xms_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_outlive_a_restart_and_end_when_ended() {
        let dir = tempfile::tempdir().unwrap();
        let (id, csrf_token) = Sessions::new(Db::open(dir.path()).unwrap(), Clock::system())
            .create()
            .unwrap();
        let restarted = Sessions::new(Db::open(dir.path()).unwrap(), Clock::system());
        assert_eq!(restarted.csrf_token(&id).unwrap(), Some(csrf_token));
        restarted.end(&id).unwrap();
        assert_eq!(restarted.csrf_token(&id).unwrap(), None);
    }
}
