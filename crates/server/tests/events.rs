//! The change stream: job progress and ends arrive as Server-Sent Events, and a client that
//! reconnects with `Last-Event-ID` gets exactly what it missed (or is told to resync).

use std::time::Duration;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode},
};
use common::{Received, Stream};
use xms_m365_contract::{
    JobState, OrganizationId, OrganizationList, ServerEvent, backups_path, paths,
};

mod common;

fn server() -> (Router, String, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let (app, state) = common::server(data.path(), "http://127.0.0.1:9", Duration::from_secs(900));
    let organization = common::insert(&state.db, &common::tenant("Contoso", 10));
    (app, organization.id.0, data)
}

async fn run_backup(app: &Router, organization: &str) {
    let path = backups_path(&OrganizationId(organization.to_owned()));
    let answer = common::send(app, common::api_request("POST", &path, None, None)).await;
    assert_eq!(answer.status, StatusCode::ACCEPTED);
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
        common::send(&app, request).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn shutting_down_ends_open_streams() {
    let data = tempfile::tempdir().unwrap();
    let (app, state) = common::server(data.path(), "http://127.0.0.1:9", Duration::from_secs(900));
    let mut stream = Stream::open(&app, None).await;
    assert!(
        !stream.ends_within(Duration::from_millis(200)).await,
        "an open stream stays open"
    );
    state.events.close();
    assert!(stream.ends_within(Duration::from_secs(2)).await);
}

async fn list_as_of(app: &Router) -> String {
    let request = common::api_request("GET", paths::ORGANIZATIONS, None, None);
    let list: OrganizationList = common::send(app, request).await.json(StatusCode::OK);
    list.as_of
        .expect("the list says which event it is current as of")
}

#[tokio::test]
async fn a_stream_opened_from_the_lists_event_gets_every_change_after_the_list_and_none_before() {
    let (app, organization, _data) = server();
    // A backup before the list: the list reflects it, so the stream must not replay it.
    let mut before = Stream::open(&app, None).await;
    run_backup(&app, &organization).await;
    let earlier = before.until_job_finished().await;
    let as_of = list_as_of(&app).await;

    // A backup after the list, before the stream opens: replayed from the list's event.
    run_backup(&app, &organization).await;
    let mut after = Stream::open(&app, Some(&as_of)).await;
    let seen = after.until_job_finished().await;
    assert!(
        matches!(&seen[0].event, ServerEvent::JobProgress { job } if job.state == JobState::Queued),
        "{:?}",
        seen[0]
    );
    let earlier_ids: Vec<_> = earlier.iter().map(|r| r.id.clone()).collect();
    assert!(seen.iter().all(|r| !earlier_ids.contains(&r.id)));
}
