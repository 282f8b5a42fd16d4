//! The harness of the server's integration tests: the state of a test server, the one way
//! they send a request and read its answer, a real server on a free port (in a runtime of its
//! own, so that stopping it stops everything it was doing, as stopping the process would),
//! and a reader of the event stream.
#![allow(dead_code)] // Each test file uses its own share of these helpers.

pub mod conformance;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    thread::JoinHandle,
    time::Duration,
};

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, Request, StatusCode, header},
};
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tower::ServiceExt;
use xms_m365_contract::{
    ErrorBody, ErrorCode, FieldErrorCode, LicenceMode, Organization, ServerEvent, paths,
};
use xms_server::{
    AppState, Options, app,
    authority::{Authority, AuthorityConfig, XOPERO_REGISTRATOR_CLIENT_ID},
    clock::{Clock, parse_instant},
    connections::MicrosoftConfig,
    db::Db,
    sealing::CredentialKey,
    store::{
        licences::{self, DEFAULT_LICENCES},
        organizations::{self, NewOrganization},
    },
};

/// How long a backup of a test server runs.
pub const BACKUP_DURATION: Duration = Duration::from_millis(600);

/// When a test server's clock starts unless a test says otherwise: a Tuesday morning in
/// winter (no daylight saving in Europe), so that no test depends on the day it runs.
pub const START: &str = "2026-12-01T09:00:00Z";

/// `rfc3339` in Unix ms.
pub fn at(rfc3339: &str) -> i64 {
    parse_instant(rfc3339).unwrap()
}

/// The server's whole router, every API answer checked against its OpenAPI document.
pub fn checked_app(state: AppState, authority: Authority, static_dir: Option<&Path>) -> Router {
    app(state, authority, static_dir).layer(axum::middleware::from_fn(conformance::conform))
}

/// XMS's database in `dir`.
pub fn open_db(dir: &Path) -> Db {
    Db::open(dir).unwrap()
}

/// The clock of a test server: it starts at [`START`].
pub fn clock() -> Clock {
    Clock::starting_at(at(START))
}

/// Stores `new` in `db` as connected now, its users protected as far as the default
/// subscription's licences go.
pub fn insert(db: &Db, new: &NewOrganization) -> Organization {
    let now = clock().now_ms();
    db.write(|tx| organizations::insert(tx, new, DEFAULT_LICENCES, now))
        .unwrap()
}

/// An organization named `name` with `users` users, as Microsoft 365 would tell of it.
pub fn tenant(name: &str, users: u32) -> NewOrganization {
    NewOrganization {
        tenant_id: format!("tenant-{name}"),
        name: name.into(),
        primary_domain: format!("{}.onmicrosoft.com", name.to_lowercase()),
        user_count: users,
    }
}

/// The API token of every test server.
pub const TOKEN: &str = "test-token-123";

/// The key every test server seals its credentials with.
pub fn credential_key() -> CredentialKey {
    CredentialKey::from_hex(&"5e".repeat(32)).unwrap()
}

/// The state of a server storing in `db`, whose XMS subscription has `licences` licences,
/// signing in at `authority_url` (tenant segment included) and reading Graph at `graph_url`.
pub fn state_with(
    db: Db,
    clock: Clock,
    licences: u32,
    authority_url: String,
    graph_url: String,
) -> AppState {
    AppState::new(
        db,
        clock,
        Options {
            api_token: TOKEN.to_owned(),
            licences,
            microsoft: MicrosoftConfig {
                authority_url,
                client_id: XOPERO_REGISTRATOR_CLIENT_ID.to_owned(),
                graph_url,
            },
            backup_duration: BACKUP_DURATION,
            user_sync_period: None,
            credential_key: credential_key(),
        },
    )
    .unwrap()
}

/// The state of a server storing in `db`, reached at `public_url`, where its development
/// authority is.
pub fn state(db: Db, public_url: &str) -> AppState {
    state_with(
        db,
        clock(),
        DEFAULT_LICENCES,
        format!("{public_url}/organizations"),
        format!("{public_url}/graph"),
    )
}

/// The development authority of a server reached at `public_url`, storing in `dir`, whose
/// device codes live `ttl`.
pub fn authority(dir: &Path, public_url: &str, ttl: Duration) -> Authority {
    Authority::open(
        AuthorityConfig {
            public_url: public_url.to_owned(),
            device_code_ttl: ttl,
            poll_interval: Duration::from_secs(1),
        },
        dir,
        clock(),
    )
    .unwrap()
}

/// The whole router of a server over `dir`, reached at `public_url`, whose device codes live
/// `ttl`, with its state.
pub fn server(dir: &Path, public_url: &str, ttl: Duration) -> (Router, AppState) {
    let state = state(open_db(dir), public_url);
    let app = checked_app(state.clone(), authority(dir, public_url, ttl), None);
    (app, state)
}

/// An answer as a test reads it: its status, its headers and its whole body.
pub struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON of `T`, the answer being `status`.
    pub fn json<T: DeserializeOwned>(&self, status: StatusCode) -> T {
        assert_eq!(self.status, status, "{}", self.text());
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("not the JSON expected ({error}): {}", self.text()))
    }

    /// The error shape of an answer that is `status`.
    pub fn error(&self, status: StatusCode) -> ErrorBody {
        self.json(status)
    }

    /// Asserts that the answer refuses the request for its `field` first, with `code`
    /// (`what` names the request in the failure).
    pub fn field_refused(&self, field: &str, code: FieldErrorCode, what: &str) {
        let error = self.error(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error.error.code, ErrorCode::ValidationFailed, "{what}");
        assert_eq!(error.error.fields[0].field, field, "{what}");
        assert_eq!(error.error.fields[0].code, code, "{what}");
    }

    /// A versioned document, answered 200 with its version as the `ETag` header.
    pub fn document<T: DeserializeOwned>(&self) -> T {
        let json: Value = self.json(StatusCode::OK);
        assert_eq!(
            self.headers[header::ETAG].to_str().unwrap(),
            json["etag"],
            "the ETag header is the body's etag"
        );
        serde_json::from_value(json).unwrap()
    }
}

/// Sends `request` to `app` and reads its whole answer.
pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    Answer {
        status: response.status(),
        headers: response.headers().clone(),
        body: response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec(),
    }
}

/// A request of the API: `method` on `path` (under [`paths::API_BASE`]) with the API token,
/// `If-Match` when given, and a JSON body when given.
pub fn api_request(
    method: &str,
    path: &str,
    if_match: Option<&str>,
    body: Option<&Value>,
) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(format!("{}{path}", paths::API_BASE))
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
    if let Some(etag) = if_match {
        request = request.header(header::IF_MATCH, etag);
    }
    let body = match body {
        Some(json) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    request.body(body).unwrap()
}

/// A reference server's whole router over a fresh data directory, for `oneshot` requests.
pub struct TestApp {
    /// The router.
    pub app: axum::Router,
    /// Its storage, for seeding and checking.
    pub db: Db,
    /// Its state, to drive the scheduler.
    pub state: AppState,
    _data: tempfile::TempDir,
}

impl TestApp {
    /// Stores an organization named `name` with `users` users; returns its id.
    pub fn add_organization(&self, name: &str, users: u32) -> String {
        self.add(&tenant(name, users)).id.0
    }

    /// Stores `new`, connected now, as connecting it would; returns it as listed.
    pub fn add(&self, new: &NewOrganization) -> Organization {
        let (licences, now) = (self.state.licences, self.now());
        self.db
            .write(|tx| organizations::insert(tx, new, licences, now))
            .unwrap()
    }

    /// Stores `new` or refreshes the organization of its tenant, as connecting it would.
    pub fn upsert(&self, new: &NewOrganization) -> Organization {
        let (licences, now) = (self.state.licences, self.now());
        self.db
            .write(|tx| organizations::upsert(tx, new, licences, now))
            .unwrap()
            .0
    }

    /// Ends job `id` as `end` at `now`, as its worker would; false when it had ended.
    pub fn finish(&self, id: &str, end: &xms_m365_contract::JobState, now: i64) -> bool {
        self.db
            .read(|conn| xms_server::store::jobs::finish(conn, id, end, now))
            .unwrap()
    }

    /// Runs the user syncs due at `now`, every `period` if given.
    pub fn sync_due(
        &self,
        now: i64,
        period: Option<Duration>,
    ) -> Result<Vec<Organization>, xms_server::db::DbError> {
        xms_server::user_sync::run_due(
            &self.db,
            &self.state.events,
            self.state.licences,
            now,
            period,
        )
    }

    /// Records that Microsoft no longer honours XMS's consent for organization `id`.
    pub fn needs_reauthorization(&self, id: &str) {
        self.db
            .read(|conn| organizations::set_needs_reauthorization(conn, id))
            .unwrap();
    }

    /// Makes every backup of organization `id` fail with `reason`.
    pub fn fail_backups(&self, id: &str, reason: &str) {
        self.db
            .read(|conn| organizations::set_backup_failure(conn, id, reason))
            .unwrap();
    }

    /// Sets organization `id`'s licence mode and protected users, as a demonstration does.
    pub fn set_licensing(&self, id: &str, mode: LicenceMode, protected: u32) {
        assert!(
            self.db
                .read(|conn| licences::set(conn, id, mode, protected, self.state.clock.now_ms()))
                .unwrap()
        );
    }

    /// Asks the API `method` on `path` (under the API's base), with `If-Match` and a JSON
    /// body when given.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        if_match: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        send(
            &self.app,
            api_request(method, path, if_match, body.as_ref()),
        )
        .await
    }

    /// What time it is for this server, in Unix ms.
    pub fn now(&self) -> i64 {
        self.state.clock.now_ms()
    }

    /// The organization `id` as stored.
    pub fn stored(&self, id: &str) -> Organization {
        self.db
            .read(|conn| organizations::get(conn, id))
            .unwrap()
            .unwrap()
    }

    /// A server serving the module from `static_dir`, if given.
    pub fn new(static_dir: Option<&Path>) -> Self {
        Self::with_licences(static_dir, DEFAULT_LICENCES)
    }

    /// A server whose clock starts at `start` (RFC 3339) and runs on from there.
    pub fn at(start: &str) -> Self {
        Self::with(None, DEFAULT_LICENCES, start)
    }

    /// A server whose XMS subscription has `licences` licences.
    pub fn with_licences(static_dir: Option<&Path>, licences: u32) -> Self {
        Self::with(static_dir, licences, START)
    }

    fn with(static_dir: Option<&Path>, licences: u32, start: &str) -> Self {
        let data = tempfile::tempdir().unwrap();
        let db = open_db(data.path());
        let clock = Clock::starting_at(at(start));
        let url = "http://127.0.0.1:9";
        let state = state_with(
            db.clone(),
            clock,
            licences,
            format!("{url}/organizations"),
            format!("{url}/graph"),
        );
        let authority = authority(data.path(), url, Duration::from_secs(900));
        Self {
            app: checked_app(state.clone(), authority, static_dir),
            db,
            state,
            _data: data,
        }
    }
}

/// What the API of the server at `url` answers a GET of `path` (below the API base), as `T`.
pub async fn get_json<T: DeserializeOwned>(url: &str, path: &str) -> T {
    reqwest::Client::new()
        .get(format!("{url}/api/v1{path}"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A reference server listening on a free port.
pub struct RunningServer {
    /// Its URL, without a trailing slash.
    pub url: String,
    /// Where its database is.
    pub data_dir: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl RunningServer {
    /// Starts a server storing in `data_dir`, resuming what was pending there.
    pub fn start(data_dir: &Path, ttl: Duration) -> Self {
        let (url_tx, url_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let dir = data_dir.to_owned();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let url = format!("http://{}", listener.local_addr().unwrap());
                let state = state(open_db(&dir), &url);
                state.connections.resume_all().unwrap();
                let authority = authority(&dir, &url, ttl);
                url_tx.send(url).unwrap();
                let app = checked_app(state, authority, None)
                    .into_make_service_with_connect_info::<SocketAddr>();
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        stopped.await.ok();
                    })
                    .await
                    .unwrap();
            });
            // Dropping the runtime here ends every task the server had, pollers included.
        });
        Self {
            url: url_rx.recv().unwrap(),
            data_dir: data_dir.to_owned(),
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Stops the server and everything it was doing.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// One Server-Sent Event as received.
#[derive(Debug)]
pub struct Received {
    /// Its `id`.
    pub id: Option<String>,
    /// Its `event` name.
    pub name: String,
    /// Its `data`.
    pub event: ServerEvent,
}

/// An open event stream, parsed as it arrives.
pub struct Stream {
    body: Body,
    pending: String,
}

impl Stream {
    /// Opens the stream of `app`, resuming after `last_event_id` if given.
    pub async fn open(app: &Router, last_event_id: Option<&str>) -> Self {
        let mut request = Request::get(format!("{}{}", paths::API_BASE, paths::EVENTS))
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        let response = app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/event-stream"
        );
        Self {
            body: response.into_body(),
            pending: String::new(),
        }
    }

    /// The next event, waiting at most two seconds.
    pub async fn next(&mut self) -> Option<Received> {
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|line| line.strip_prefix(&format!("{name}: ")).map(str::to_owned))
                };
                let Some(data) = field("data") else { continue }; // a keep-alive comment
                let name = field("event").unwrap();
                conformance::check_event(&name, &serde_json::from_str(&data).unwrap());
                return Some(Received {
                    id: field("id"),
                    name,
                    event: serde_json::from_str(&data).unwrap(),
                });
            }
            let frame = tokio::time::timeout(Duration::from_secs(2), self.body.frame())
                .await
                .ok()??
                .ok()?;
            if let Ok(data) = frame.into_data() {
                self.pending.push_str(std::str::from_utf8(&data).unwrap());
            }
        }
    }

    /// Whether the stream ends (skipping anything still sent) within `limit`.
    pub async fn ends_within(&mut self, limit: Duration) -> bool {
        tokio::time::timeout(limit, async {
            while let Some(frame) = self.body.frame().await {
                if frame.is_err() {
                    break;
                }
            }
        })
        .await
        .is_ok()
    }

    /// Events until a job ends.
    pub async fn until_job_finished(&mut self) -> Vec<Received> {
        let mut seen = Vec::new();
        while let Some(received) = self.next().await {
            let finished = matches!(received.event, ServerEvent::JobFinished { .. });
            seen.push(received);
            if finished {
                return seen;
            }
        }
        panic!("no job_finished event: {seen:?}");
    }
}
