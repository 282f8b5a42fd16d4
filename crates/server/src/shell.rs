//! Serves the built module and the small XMS shell page around it (trunk's `dist/`), the way
//! XMS serves its console: the shell page carries the API token of the signed-in session.

use std::path::{Path, PathBuf};

use axum::{
    Router,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use tower_http::services::ServeDir;

/// The marker in `index.html` that is replaced with the API token.
pub const TOKEN_MARKER: &str = "%XMS_API_TOKEN%";

#[derive(Clone)]
struct Shell {
    index: PathBuf,
    api_token: String,
}

/// Serves `static_dir`: assets as files, and the shell page for `/` and every other path
/// (the module's routes are client-side).
pub fn router(static_dir: &Path, api_token: &str) -> Router {
    let shell = Shell {
        index: static_dir.join("index.html"),
        api_token: api_token.to_owned(),
    };
    let page = Router::new()
        .route("/", get(shell_page))
        .route("/index.html", get(shell_page))
        .with_state(shell.clone());
    let assets = ServeDir::new(static_dir)
        .append_index_html_on_directories(false)
        .fallback(get(shell_page).with_state(shell));
    page.fallback_service(assets)
}

async fn shell_page(State(shell): State<Shell>) -> Response {
    // Read on every request so a rebuilt module is picked up without restarting the server.
    match tokio::fs::read_to_string(&shell.index).await {
        Ok(page) => {
            let mut response = Html(page.replace(TOKEN_MARKER, &shell.api_token)).into_response();
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "The Microsoft 365 module is not built ({}: {error}). Run `cargo xtask dev`, \
                 which builds it and starts this server.",
                shell.index.display()
            ),
        )
            .into_response(),
    }
}
