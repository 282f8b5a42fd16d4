//! Helpers shared by the server's integration tests: the state of a test server, a real
//! server on a free port, in a runtime of its own so that stopping it stops everything it was
//! doing, as stopping the process would, and a reader of the event stream.
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
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use tower::ServiceExt;
use xms_m365_contract::{Organization, ServerEvent};
use xms_server::{
    AppState, app,
    authority::{AuthorityConfig, XOPERO_REGISTRATOR_CLIENT_ID},
    clock::{Clock, parse_instant},
    connections::MicrosoftConfig,
    db::{Db, NewOrganization},
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
pub fn checked_app(state: AppState, static_dir: Option<&Path>) -> Router {
    app(state, static_dir).layer(axum::middleware::from_fn(conformance::conform))
}

/// The database in `dir`, living by a clock that starts at [`START`].
pub fn open_db(dir: &Path) -> Db {
    Db::open(dir)
        .unwrap()
        .with_clock(Clock::starting_at(at(START)))
}

/// The API token of every test server.
pub const TOKEN: &str = "test-token-123";

/// The state of a server reached at `public_url`, whose device codes live `ttl`.
pub fn state(db: Db, public_url: &str, ttl: Duration) -> AppState {
    AppState::new(
        db,
        TOKEN,
        AuthorityConfig {
            public_url: public_url.to_owned(),
            device_code_ttl: ttl,
            poll_interval: Duration::from_secs(1),
        },
        MicrosoftConfig {
            authority_url: format!("{public_url}/organizations"),
            client_id: XOPERO_REGISTRATOR_CLIENT_ID.to_owned(),
            graph_url: format!("{public_url}/graph"),
        },
        BACKUP_DURATION,
    )
    .unwrap()
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
        self.db
            .insert_organization(&NewOrganization {
                tenant_id: format!("tenant-{name}"),
                name: name.into(),
                primary_domain: format!("{}.onmicrosoft.com", name.to_lowercase()),
                user_count: users,
            })
            .unwrap()
            .id
            .0
    }

    /// What time it is for this server, in Unix ms.
    pub fn now(&self) -> i64 {
        self.state.clock.now_ms()
    }

    /// The organization `id` as stored.
    pub fn stored(&self, id: &str) -> Organization {
        self.db.organization(id).unwrap().unwrap()
    }

    /// A server serving the module from `static_dir`, if given.
    pub fn new(static_dir: Option<&Path>) -> Self {
        Self::with_licences(static_dir, xms_server::licences::DEFAULT_LICENCES)
    }

    /// A server whose clock starts at `start` (RFC 3339) and runs on from there.
    pub fn at(start: &str) -> Self {
        Self::with(None, xms_server::licences::DEFAULT_LICENCES, start)
    }

    /// A server whose XMS subscription has `licences` licences.
    pub fn with_licences(static_dir: Option<&Path>, licences: u32) -> Self {
        Self::with(static_dir, licences, START)
    }

    fn with(static_dir: Option<&Path>, licences: u32, start: &str) -> Self {
        let data = tempfile::tempdir().unwrap();
        let db = Db::open(data.path())
            .unwrap()
            .with_licences(licences)
            .with_clock(Clock::starting_at(at(start)));
        let state = state(db.clone(), "http://127.0.0.1:9", Duration::from_secs(900));
        Self {
            app: checked_app(state.clone(), static_dir),
            db,
            state,
            _data: data,
        }
    }
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
                let state = state(open_db(&dir), &url, ttl);
                state.connections.resume_all(&state).unwrap();
                url_tx.send(url).unwrap();
                let app =
                    checked_app(state, None).into_make_service_with_connect_info::<SocketAddr>();
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
        let mut request =
            Request::get("/api/v1/events").header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
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
