//! Backup jobs through the API: start, progress, end, refusal of a second run, failure,
//! cancellation, and jobs interrupted by a stop.

use std::time::Duration;

use axum::http::StatusCode;
use common::{Answer, TestApp};
use xms_m365_contract::{
    ErrorCode, Job, JobId, JobState, OrganizationId, backups_path, job_cancel_path, job_path,
};
use xms_server::store::jobs;

mod common;

type Server = TestApp;

fn server() -> Server {
    TestApp::new(None)
}

async fn start(server: &Server, organization: &str) -> Answer {
    let path = backups_path(&OrganizationId(organization.to_owned()));
    server.call("POST", &path, None, None).await
}

async fn cancel(server: &Server, id: &str) -> Answer {
    let path = job_cancel_path(&JobId(id.to_owned()));
    server.call("POST", &path, None, None).await
}

async fn job(server: &Server, id: &str) -> Job {
    let path = job_path(&JobId(id.to_owned()));
    server
        .call("GET", &path, None, None)
        .await
        .json(StatusCode::OK)
}

/// Follows a job until it ends, returning every state seen.
async fn follow(server: &Server, id: &str) -> Vec<JobState> {
    let mut seen = Vec::new();
    for _ in 0..200 {
        let state = job(server, id).await.state;
        let done = !state.is_active();
        seen.push(state);
        if done {
            return seen;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the job never ended: {seen:?}");
}

#[tokio::test]
async fn a_backup_runs_with_progress_and_succeeds() {
    let server = server();
    let contoso = server.add_organization("Contoso", 100);
    let queued: Job = start(&server, &contoso).await.json(StatusCode::ACCEPTED);
    assert_eq!(queued.state, JobState::Queued);
    assert_eq!(queued.organization_id.0, contoso);

    let seen = follow(&server, &queued.id.0).await;
    let percents: Vec<u8> = seen
        .iter()
        .filter_map(|state| match state {
            JobState::Running { percent, .. } => Some(*percent),
            _ => None,
        })
        .collect();
    assert!(!percents.is_empty(), "no progress was seen: {seen:?}");
    assert!(percents.windows(2).all(|w| w[0] <= w[1]), "{percents:?}");
    assert_eq!(
        seen.last(),
        Some(&JobState::Succeeded {
            items: 100 * 37 + 120
        })
    );
    assert!(job(&server, &queued.id.0).await.finished_at.is_some());
}

#[tokio::test]
async fn a_second_backup_while_one_runs_is_refused_with_a_409() {
    let server = server();
    let contoso = server.add_organization("Contoso", 10);
    let first: Job = start(&server, &contoso).await.json(StatusCode::ACCEPTED);
    let refusal = start(&server, &contoso).await.error(StatusCode::CONFLICT);
    assert_eq!(refusal.error.code, ErrorCode::Conflict);
    assert!(
        refusal
            .error
            .message
            .contains("A backup of Contoso is already running")
    );

    follow(&server, &first.id.0).await;
    assert_eq!(
        start(&server, &contoso).await.status,
        StatusCode::ACCEPTED,
        "a new run after the end"
    );
}

#[tokio::test]
async fn an_organization_set_up_to_fail_fails_with_its_reason() {
    let server = server();
    let northwind = server.add_organization("Northwind", 10);
    let reason = "Microsoft Graph throttled the backup (HTTP 429). It will be retried at the next scheduled run.";
    server.fail_backups(&northwind, reason);
    let queued: Job = start(&server, &northwind).await.json(StatusCode::ACCEPTED);
    let seen = follow(&server, &queued.id.0).await;
    assert_eq!(
        seen.last(),
        Some(&JobState::Failed {
            reason: reason.into()
        })
    );
}

#[tokio::test]
async fn a_running_backup_can_be_cancelled_once() {
    let server = server();
    let contoso = server.add_organization("Contoso", 10);
    let queued: Job = start(&server, &contoso).await.json(StatusCode::ACCEPTED);
    let cancelled: Job = cancel(&server, &queued.id.0).await.json(StatusCode::OK);
    assert_eq!(cancelled.state, JobState::Cancelled);
    // The worker is gone: the job stays cancelled.
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(job(&server, &queued.id.0).await.state, JobState::Cancelled);

    let refusal = cancel(&server, &queued.id.0)
        .await
        .error(StatusCode::CONFLICT);
    assert!(refusal.error.message.contains("already ended"));
}

#[tokio::test]
async fn unknown_organizations_and_jobs_are_404s() {
    let server = server();
    let refusal = start(&server, "no-such-organization").await;
    assert_eq!(
        refusal.error(StatusCode::NOT_FOUND).error.code,
        ErrorCode::NotFound
    );
    let unknown = job_path(&JobId("nope".into()));
    let answer = server.call("GET", &unknown, None, None).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(cancel(&server, "nope").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn jobs_left_running_by_a_stop_are_marked_interrupted() {
    let server = server();
    let contoso = server.add_organization("Contoso", 10);
    // Queued straight in storage: no worker runs it, as after a stop.
    let (queued, _) = server
        .db
        .write(|tx| jobs::queue_backup(tx, &contoso, "job-1", None, 0))
        .unwrap();
    assert_eq!(
        server
            .db
            .write(|tx| jobs::interrupt_unfinished(tx, 1_000))
            .unwrap(),
        1
    );
    let JobState::Failed { reason } = job(&server, &queued.id.0).await.state else {
        panic!("an interrupted job must be failed");
    };
    assert!(reason.starts_with("Interrupted"), "{reason}");
}
