//! The change stream: job progress and ends arrive as Server-Sent Events, and a client that
//! reconnects with `Last-Event-ID` gets exactly what it missed (or is told to resync).

use std::time::Duration;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use common::TOKEN;
use http_body_util::BodyExt;
use tower::ServiceExt;
use xms_m365_contract::{JobState, ServerEvent};
use xms_server::{app, db};

mod common;

/// One Server-Sent Event as received.
#[derive(Debug)]
struct Received {
    id: Option<String>,
    name: String,
    event: ServerEvent,
}

/// An open event stream, parsed as it arrives.
struct Stream {
    body: Body,
    pending: String,
}

impl Stream {
    async fn open(app: &Router, last_event_id: Option<&str>) -> Self {
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
    async fn next(&mut self) -> Option<Received> {
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|line| line.strip_prefix(&format!("{name}: ")).map(str::to_owned))
                };
                let Some(data) = field("data") else { continue }; // a keep-alive comment
                return Some(Received {
                    id: field("id"),
                    name: field("event").unwrap(),
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

    /// Events until a job ends.
    async fn until_job_finished(&mut self) -> Vec<Received> {
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

fn server() -> (Router, String, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let db = db::Db::open(data.path()).unwrap();
    let organization = db
        .insert_organization(&db::NewOrganization {
            tenant_id: "tenant-1".into(),
            name: "Contoso".into(),
            primary_domain: "contoso.onmicrosoft.com".into(),
            user_count: 10,
        })
        .unwrap();
    let state = common::state(db, "http://127.0.0.1:9", Duration::from_secs(900));
    (app(state, None), organization.id.0, data)
}

async fn run_backup(app: &Router, organization: &str) {
    let request = Request::post(format!("/api/v1/m365/organizations/{organization}/backups"))
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        app.clone().oneshot(request).await.unwrap().status(),
        StatusCode::ACCEPTED
    );
}

#[tokio::test]
async fn a_backup_is_streamed_from_queued_to_finished() {
    let (app, organization, _data) = server();
    let mut stream = Stream::open(&app, None).await;
    run_backup(&app, &organization).await;
    let seen = stream.until_job_finished().await;

    assert!(
        matches!(&seen[0].event, ServerEvent::JobProgress { job } if job.state == JobState::Queued)
    );
    let percents: Vec<u8> = seen
        .iter()
        .filter_map(|r| match &r.event {
            ServerEvent::JobProgress { job } => match job.state {
                JobState::Running { percent, .. } => Some(percent),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(percents.first(), Some(&5));
    assert_eq!(percents.last(), Some(&100));
    let last = seen.last().unwrap();
    assert_eq!(last.name, "job_finished");
    assert!(
        matches!(&last.event, ServerEvent::JobFinished { job } if matches!(job.state, JobState::Succeeded { .. }))
    );
    assert!(
        seen.iter().all(|r| r.id.is_some()),
        "every event can be resumed from"
    );
}

#[tokio::test]
async fn reconnecting_with_last_event_id_replays_exactly_what_was_missed() {
    let (app, organization, _data) = server();
    let mut first = Stream::open(&app, None).await;
    run_backup(&app, &organization).await;
    let seen = first.until_job_finished().await;
    drop(first);

    let resume_after = &seen[3];
    let mut resumed = Stream::open(&app, resume_after.id.as_deref()).await;
    let replayed = resumed.until_job_finished().await;
    let ids = |events: &[Received]| {
        events
            .iter()
            .map(|r| r.id.clone().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&replayed), ids(&seen[4..]));
}

#[tokio::test]
async fn an_id_from_another_run_is_told_to_resync() {
    let (app, _, _data) = server();
    let mut stream = Stream::open(&app, Some("0badc0de-41")).await;
    let first = stream.next().await.expect("a resync event");
    assert_eq!(first.name, "resync");
    assert_eq!(first.event, ServerEvent::Resync);
}

#[tokio::test]
async fn the_stream_needs_the_api_token() {
    let (app, _, _data) = server();
    let request = Request::get("/api/v1/events").body(Body::empty()).unwrap();
    assert_eq!(
        app.oneshot(request).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
}
