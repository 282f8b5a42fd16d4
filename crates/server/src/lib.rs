//! The reference XMS server: the API the Microsoft 365 module talks to, backed by SQLite, plus
//! the shell page that embeds the module. It stands in for XMS in development and tests.
//!
//! [`app`] builds the whole HTTP surface without binding a socket, so tests drive it with
//! `oneshot`; `main.rs` parses options, starts the [`scheduler`] and serves it.

pub mod api;
pub mod authority;
pub mod clock;
pub mod connections;
pub mod db;
pub mod error;
pub mod events;
pub mod jobs;
pub mod licences;
pub mod organizations;
pub mod policies;
pub mod schedule;
pub mod scheduler;
pub mod seed;
pub mod session;
pub mod shell;
pub mod user_sync;
pub mod workers;

use std::{path::Path, sync::Arc};

use axum::{Router, extract::DefaultBodyLimit};
use tower_http::{catch_panic::CatchPanicLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};
use xms_m365_contract::paths;

/// The API token a server uses when none is given: for development on one machine only.
pub const DEV_API_TOKEN: &str = "xms-development-token";

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Storage.
    pub db: db::Db,
    /// What time it is, for every part of the server.
    pub clock: clock::Clock,
    /// The bearer token API calls must carry.
    pub api_token: Arc<str>,
    /// The development sign-in authority.
    pub authority: Arc<authority::Authority>,
    /// Connection attempts under way.
    pub connections: Arc<connections::Connections>,
    /// Backup jobs and their simulated workers.
    pub jobs: Arc<jobs::Jobs>,
    /// The change stream.
    pub events: Arc<events::Events>,
    /// Cookie sessions, the alternative to the bearer token.
    pub sessions: Arc<session::Sessions>,
    /// The period that replaces every organization's user sync interval
    /// (`--user-sync-period`), so that the settings show when the next sync really is.
    pub user_sync_period: Option<std::time::Duration>,
}

impl AppState {
    /// The state of a server storing in `db` (and living by its clock), guarding its API with
    /// `api_token`, hosting the development authority as `authority`, connecting organizations
    /// through `microsoft` and simulating backups that take `backup_duration`.
    pub fn new(
        db: db::Db,
        api_token: &str,
        authority: authority::AuthorityConfig,
        microsoft: connections::MicrosoftConfig,
        backup_duration: std::time::Duration,
    ) -> Result<Self, String> {
        Ok(Self {
            sessions: Arc::new(session::Sessions::new(db.clone())),
            clock: *db.clock(),
            db,
            api_token: Arc::from(api_token),
            authority: Arc::new(authority::Authority::new(authority)),
            connections: Arc::new(connections::Connections::new(microsoft)?),
            jobs: Arc::new(jobs::Jobs::new(backup_duration)),
            events: Arc::default(),
            user_sync_period: None,
        })
    }

    /// [`Self::user_sync_period`] in ms, as storage takes it.
    pub fn user_sync_period_ms(&self) -> Option<i64> {
        self.user_sync_period
            .map(|period| i64::try_from(period.as_millis()).unwrap_or(i64::MAX))
    }
}

/// The whole server: the API under `/api/v1` and, when `static_dir` is given, the shell page
/// and the built module.
pub fn app(state: AppState, static_dir: Option<&Path>) -> Router {
    let api = api::router(state.clone())
        // Both limits: the layer refuses a declared oversized body before reading it, the
        // extractor limit stops one that streams without declaring its length.
        .layer(RequestBodyLimitLayer::new(error::MAX_BODY_BYTES))
        .layer(DefaultBodyLimit::max(error::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(error::json_errors));
    let router = Router::new()
        .nest(paths::API_BASE, api)
        .merge(authority::router(state.clone()));
    let router = match static_dir {
        Some(dir) => router.merge(shell::router(dir, state)),
        None => router,
    };
    router
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(TraceLayer::new_for_http())
}

/// Whether `token` can be used as an API token: printable ASCII, nothing that would need
/// escaping in a header or in the shell page's HTML.
pub fn is_valid_api_token(token: &str) -> bool {
    (8..=256).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"\"'<>&\\".contains(&b))
}
