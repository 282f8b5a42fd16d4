//! The reference XMS server: the API the Microsoft 365 module talks to, backed by SQLite, plus
//! the shell page that embeds the module. It stands in for XMS in development and tests.
//!
//! [`app`] builds the whole HTTP surface without binding a socket, so tests drive it with
//! `oneshot`; `main.rs` parses options, starts the [`scheduler`] and serves it.
//!
//! The layers, top down, each using those below it (`cargo xtask test` checks that no
//! modules import each other in circles, `xtask/src/cycles.rs`):
//! - HTTP: [`api`] (XMS's API, one module per resource), [`shell`] (the page embedding the
//!   module); apart from them the development sign-in [`authority`], with its own state and
//!   database, which XMS reaches only over HTTP, as it reaches Microsoft;
//! - services: [`state`] (what handlers share), [`scheduler`], [`jobs`], [`connections`],
//!   [`user_sync`], [`organizations`], [`session`], [`seed`], [`events`] (the change stream);
//! - storage: [`store`], one module per aggregate, free functions over a connection;
//! - domain: [`settings`] and [`policies`] (validation as pure functions, the default policy,
//!   hashing), [`versioning`] (ETags and `If-Match`), [`schedule`] (when a policy runs),
//!   [`directory`] (the simulated Microsoft 365 users and groups), [`history`] (what a
//!   simulated backup run skips);
//! - ground: [`db`] (opening, migrating, running calls), [`clock`] (the one clock),
//!   [`hash`], [`sealing`] (the key credentials are kept with), [`error`] (the API's error
//!   shape).

pub mod api;
pub mod authority;
pub mod certificate;
pub mod clock;
pub mod connections;
pub mod db;
pub mod directory;
pub mod error;
pub mod events;
pub mod hash;
pub mod history;
pub mod jobs;
pub mod organizations;
pub mod policies;
pub mod schedule;
pub mod scheduler;
pub mod sealing;
pub mod seed;
pub mod session;
pub mod settings;
pub mod shell;
pub mod state;
pub mod store;
pub mod user_sync;
pub mod versioning;

use std::path::Path;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderName, HeaderValue},
};
use tower_http::{
    catch_panic::CatchPanicLayer, limit::RequestBodyLimitLayer, set_header::SetResponseHeaderLayer,
    trace::TraceLayer,
};
use xms_m365_contract::paths;

pub use state::{AppState, Options};

/// The API token a server uses when none is given: for development on one machine only.
pub const DEV_API_TOKEN: &str = "xms-development-token";

/// The whole server: XMS's API under `/api/v1`, the development sign-in `authority` at the
/// root (as Microsoft's host; XMS reaches it only over HTTP, as it would Microsoft), and, when
/// `static_dir` is given, the shell page and the built module.
pub fn app(state: AppState, authority: authority::Authority, static_dir: Option<&Path>) -> Router {
    let api = api::router(state.clone())
        // Both limits: the layer refuses a declared oversized body before reading it, the
        // extractor limit stops one that streams without declaring its length.
        .layer(RequestBodyLimitLayer::new(error::MAX_BODY_BYTES))
        .layer(DefaultBodyLimit::max(error::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(error::json_errors))
        // Every answer, errors included, says which API version XMS serves.
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("xms-api-version"),
            HeaderValue::from_static(api::API_VERSION),
        ));
    let router = Router::new()
        .nest(paths::API_BASE, api)
        .merge(authority::router(authority));
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
