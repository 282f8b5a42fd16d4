//! Serves the built module and the small XMS shell page around it (trunk's `dist/`), the way
//! XMS serves its console: loading the shell page signs the browser in with a cookie session
//! and hands the page that session's CSRF token (and, for the bearer-mode example, the API
//! token). Everything served here carries a strict Content Security Policy.

use std::path::{Path, PathBuf};

use axum::{
    Router,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

use crate::{
    db::{DbError, run_blocking},
    error::AppError,
    state::AppState,
};

/// The marker in the shell page that is replaced with the API token.
pub const TOKEN_MARKER: &str = "%XMS_API_TOKEN%";

/// The marker in the shell page that is replaced with the session's CSRF token.
pub const CSRF_MARKER: &str = "%XMS_CSRF_TOKEN%";

/// The policy of the shell page and the module: only this origin's scripts, styles and
/// connections, no inline script or style, and WebAssembly compiled from fetched bytes.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
    object-src 'none'";

#[derive(Clone)]
struct Shell {
    /// The shell page the build copies into `dist/`.
    page: PathBuf,
    /// trunk's own page, served while the build does not copy the shell page yet.
    index: PathBuf,
    state: AppState,
}

/// Serves `static_dir`: assets as files, and the shell page for `/` and every other path
/// (the module's routes are client-side).
pub fn router(static_dir: &Path, state: AppState) -> Router {
    let shell = Shell {
        page: static_dir.join("shell.html"),
        index: static_dir.join("index.html"),
        state,
    };
    let page = Router::new()
        .route("/", get(shell_page))
        .route("/index.html", get(shell_page))
        .route("/shell.html", get(shell_page))
        .with_state(shell.clone());
    // ServeDir types `.wasm` as `application/wasm`, which streaming compilation requires. The
    // build writes each file's brotli and gzip copies beside it (`cargo xtask module`); the one
    // the browser accepts is sent, so a caching proxy must tell encodings apart by `Vary`. The
    // module's file names stay the same from build to build, so a browser keeps its copy and
    // asks whether it is still current (`Last-Modified`), which costs a 304 and no body.
    let assets = ServeDir::new(static_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(get(shell_page).with_state(shell));
    let assets = Router::new()
        .fallback_service(assets)
        .layer(SetResponseHeaderLayer::appending(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ));
    page.fallback_service(assets)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
}

async fn shell_page(State(shell): State<Shell>, headers: HeaderMap) -> Response {
    // Read on every request so a rebuilt module is picked up without restarting the server.
    let (path, read) = match tokio::fs::read_to_string(&shell.page).await {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            (&shell.index, tokio::fs::read_to_string(&shell.index).await)
        }
        read => (&shell.page, read),
    };
    let page = match read {
        Ok(page) => page,
        Err(error) => {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "The Microsoft 365 module is not built ({}: {error}). Run `cargo xtask dev`, \
                     which builds it and starts this server.",
                    path.display()
                ),
            )
                .into_response();
        }
    };
    // A browser that already has a session keeps it: a new one would replace the cookie and
    // so break the CSRF token of the console's other open tabs.
    let sessions = shell.state.sessions.clone();
    let known = crate::session::session_id(&headers);
    let session = run_blocking(move || -> Result<_, DbError> {
        if let Some(id) = known
            && let Some(csrf_token) = sessions.csrf_token(&id)?
        {
            return Ok((id, csrf_token));
        }
        sessions.create()
    })
    .await;
    let (id, csrf_token) = match session {
        Ok(session) => session,
        Err(error) => return AppError::from(error).into_response(),
    };
    let page = page
        .replace(TOKEN_MARKER, &escape(&shell.state.api_token))
        .replace(CSRF_MARKER, &escape(&csrf_token));
    let mut response = Html(page).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::SET_COOKIE, crate::session::set_cookie(&id));
    response
}

/// `text` escaped for HTML text and for attribute values in either kind of quotes.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}
