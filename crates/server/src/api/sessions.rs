//! Cookie sessions over HTTP ([`crate::session`]): starting one, as signing in to XMS does,
//! and ending it.

use axum::{
    Json,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use xms_m365_contract::ErrorBody;

use crate::{db::run_blocking, error::AppError, session, state::AppState};

/// The answer to creating a session.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionCreated {
    /// The token to send as `X-CSRF-Token` with every request made with the session cookie.
    pub csrf_token: String,
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
        (status = 401, description = "Missing or wrong API token", body = ErrorBody),
    )
)]
pub async fn session_create(State(state): State<AppState>, request: Request) -> Response {
    if !session::has_api_token(&state.api_token, request.headers()) {
        // Worded by the error middleware, as every other missing token.
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let sessions = state.sessions.clone();
    let (id, csrf_token) = match run_blocking::<_, AppError>(move || Ok(sessions.create()?)).await {
        Ok(session) => session,
        Err(error) => return error.into_response(),
    };
    let mut response = (StatusCode::CREATED, Json(SessionCreated { csrf_token })).into_response();
    let headers = response.headers_mut();
    headers.insert(header::SET_COOKIE, session::set_cookie(&id));
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
        (status = 401, description = "No session, or a missing or wrong CSRF token", body = ErrorBody),
    )
)]
pub async fn session_delete(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(id) = session::session_id(&headers) {
        let sessions = state.sessions.clone();
        if let Err(error) = run_blocking::<_, AppError>(move || Ok(sessions.end(&id)?)).await {
            return error.into_response();
        }
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session::clear_cookie());
    response
}
