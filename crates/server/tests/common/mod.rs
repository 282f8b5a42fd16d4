//! Helpers shared by the server's integration tests: the state of a test server, and a real
//! server on a free port, in a runtime of its own so that stopping it stops everything it was
//! doing, as stopping the process would.
#![allow(dead_code)] // Each test file uses its own share of these helpers.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    thread::JoinHandle,
    time::Duration,
};

use xms_server::{
    AppState, app,
    authority::{AuthorityConfig, XOPERO_REGISTRATOR_CLIENT_ID},
    connections::MicrosoftConfig,
    db::Db,
};

/// How long a backup of a test server runs.
pub const BACKUP_DURATION: Duration = Duration::from_millis(600);

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
    _data: tempfile::TempDir,
}

impl TestApp {
    /// A server serving the module from `static_dir`, if given.
    pub fn new(static_dir: Option<&Path>) -> Self {
        let data = tempfile::tempdir().unwrap();
        let db = Db::open(data.path()).unwrap();
        let state = state(db.clone(), "http://127.0.0.1:9", Duration::from_secs(900));
        Self {
            app: app(state, static_dir),
            db,
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
                let state = state(Db::open(&dir).unwrap(), &url, ttl);
                state.connections.resume_all(&state).unwrap();
                url_tx.send(url).unwrap();
                let app = app(state, None).into_make_service_with_connect_info::<SocketAddr>();
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
