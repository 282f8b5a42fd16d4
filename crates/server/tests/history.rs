//! An organization's backup history through the API: a run kept with how it was started, its
//! times, bytes and skipped items; paging, the result and period filters and their
//! validation; one run's details; and the retention that deletes old runs but the last backup.

use std::time::Duration;

use axum::http::StatusCode;
use common::TestApp;
use xms_m365_contract::{
    BackupKind, BackupTrigger, ErrorCode, FieldErrorCode, HISTORY_RETENTION_DAYS, HistoryPage, Job,
    JobId, JobState, OrganizationId, RunDetails, backup_run_path, backups_path,
};
use xms_server::{seed::seed_organizations, store::jobs};

mod common;

fn organization(id: &str) -> OrganizationId {
    OrganizationId(id.to_owned())
}

async fn history(server: &TestApp, id: &str, query: &str) -> HistoryPage {
    let path = format!("{}?{query}", backups_path(&organization(id)));
    server
        .call("GET", &path, None, None)
        .await
        .json(StatusCode::OK)
}

async fn details(server: &TestApp, id: &str, job: &JobId) -> RunDetails {
    server
        .call("GET", &backup_run_path(&organization(id), job), None, None)
        .await
        .json(StatusCode::OK)
}

/// The seventh seeded organization: 30 nights of runs, the last two failed.
const SEVENTH: &str = "seed-organization-000007";

fn seeded() -> TestApp {
    let server = TestApp::new(None);
    assert_eq!(seed_organizations(&server.db, 7, server.now()).unwrap(), 7);
    server
}

#[tokio::test]
async fn a_run_is_kept_with_its_trigger_times_bytes_and_what_it_skipped() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 100);
    let job: Job = server
        .call("POST", &backups_path(&organization(&contoso)), None, None)
        .await
        .json(StatusCode::ACCEPTED);
    // While it runs, it is in the history as active.
    let active = history(&server, &contoso, "result=active").await;
    assert_eq!(active.total, 1);
    assert_eq!(active.runs[0].id, job.id);
    assert!(active.runs[0].duration_seconds.is_none());

    let mut ended = None;
    for _ in 0..200 {
        let page = history(&server, &contoso, "").await;
        if !page.runs[0].state.is_active() {
            ended = Some(page);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let page = ended.expect("the backup ended");
    assert_eq!(
        (page.total, page.retention_days),
        (1, HISTORY_RETENTION_DAYS)
    );
    let run = &page.runs[0];
    assert_eq!(run.trigger, BackupTrigger::Manual);
    assert_eq!(run.kind, BackupKind::Full, "the first backup is full");
    assert_eq!(
        run.state,
        JobState::Succeeded {
            items: 100 * 37 + 120
        }
    );
    assert_eq!(run.items, 100 * 37 + 120);
    assert!(run.bytes >= run.items * 40_000, "{} bytes", run.bytes);
    assert!(run.started_at.is_some() && run.finished_at.is_some());
    assert_eq!(history(&server, &contoso, "result=active").await.total, 0);

    let one = details(&server, &contoso, &run.id).await;
    assert_eq!(&one.run, run);
    assert_eq!(one.skipped.len(), run.skipped_items as usize);
    let other = server.add_organization("Fabrikam", 5);
    let elsewhere = server
        .call(
            "GET",
            &backup_run_path(&organization(&other), &run.id),
            None,
            None,
        )
        .await
        .error(StatusCode::NOT_FOUND);
    assert_eq!(elsewhere.error.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn the_history_is_paged_newest_first_and_filtered_by_result_and_period() {
    let server = seeded();
    let first = history(&server, SEVENTH, "page_size=10").await;
    assert_eq!((first.total, first.runs.len()), (30, 10));
    assert!(
        first
            .runs
            .windows(2)
            .all(|w| w[0].created_at > w[1].created_at),
        "newest first"
    );
    assert!(matches!(first.runs[0].state, JobState::Failed { .. }));
    assert!(
        first
            .runs
            .iter()
            .all(|run| run.trigger == BackupTrigger::Scheduled)
    );
    let third = history(&server, SEVENTH, "page_size=10&page=3").await;
    assert_eq!(third.runs.len(), 10);
    assert_eq!(
        third.runs[9].kind,
        BackupKind::Full,
        "the oldest is the full one"
    );
    assert!(
        history(&server, SEVENTH, "page_size=10&page=4")
            .await
            .runs
            .is_empty()
    );
    let oldest = history(&server, SEVENTH, "order=ascending&page_size=1").await;
    assert_eq!(oldest.runs[0], third.runs[9]);

    let mut counted = 0;
    for result in ["active", "succeeded", "warnings", "failed", "cancelled"] {
        let page = history(&server, SEVENTH, &format!("result={result}&page_size=50")).await;
        counted += page.total;
        for run in &page.runs {
            let right = match result {
                "succeeded" => {
                    matches!(run.state, JobState::Succeeded { .. }) && run.skipped_items == 0
                }
                "warnings" => {
                    matches!(run.state, JobState::Succeeded { .. }) && run.skipped_items > 0
                }
                "failed" => matches!(run.state, JobState::Failed { .. }),
                _ => false,
            };
            assert!(right, "{result}: {run:?}");
        }
        if result == "failed" {
            assert!(page.total >= 2, "its last two nights failed");
        }
        if result == "warnings" && page.total > 0 {
            let warned = details(&server, SEVENTH, &page.runs[0].id).await;
            assert_eq!(warned.skipped.len(), page.runs[0].skipped_items as usize);
            assert!(warned.skipped.iter().all(|item| !item.item.is_empty()));
        }
    }
    assert_eq!(counted, 30, "every run has one result");

    // The five newest runs were asked for at or after the fifth's time.
    let since = first.runs[4].created_at.clone();
    let recent = history(&server, SEVENTH, &format!("from={since}")).await;
    assert_eq!(recent.total, 5);
    let before = history(&server, SEVENTH, &format!("to={since}&page_size=50")).await;
    assert_eq!(before.total, 25);
}

#[tokio::test]
async fn a_query_that_is_not_valid_says_which_parameter() {
    let server = seeded();
    for (query, field, code) in [
        ("page=0", "page", FieldErrorCode::TooShort),
        ("page_size=201", "page_size", FieldErrorCode::TooLong),
        ("from=yesterday", "from", FieldErrorCode::InvalidInstant),
        (
            "from=2026-12-01T00:00:00Z&to=2026-11-30T00:00:00Z",
            "to",
            FieldErrorCode::TooShort,
        ),
        ("result=sometimes", "result", FieldErrorCode::NotOffered),
    ] {
        let path = format!("{}?{query}", backups_path(&organization(SEVENTH)));
        server
            .call("GET", &path, None, None)
            .await
            .field_refused(field, code, query);
    }
    let unknown = server
        .call("GET", &backups_path(&organization("nope")), None, None)
        .await
        .error(StatusCode::NOT_FOUND);
    assert_eq!(unknown.error.code, ErrorCode::NotFound);
    let no_run = server
        .call(
            "GET",
            &backup_run_path(&organization(SEVENTH), &JobId("nope".to_owned())),
            None,
            None,
        )
        .await
        .error(StatusCode::NOT_FOUND);
    assert!(
        no_run
            .error
            .message
            .contains("Choose a run from its history")
    );
}

#[tokio::test]
async fn runs_past_the_retention_are_deleted_but_the_last_backup_and_full_copy() {
    let server = seeded();
    let before = server.stored(SEVENTH);
    // 75 days on, runs that ended more than 90 days before are 15 days old now or older.
    let later = server.now() + 75 * 86_400_000;
    let deleted = server
        .db
        .read(|conn| jobs::prune(conn, SEVENTH, later))
        .unwrap();
    let kept = history(&server, SEVENTH, "page_size=50").await;
    assert_eq!(deleted + kept.total as usize, 30);
    assert_eq!(
        kept.total, 16,
        "the last 15 nights, and the full copy they build on"
    );
    assert_eq!(kept.runs[15].kind, BackupKind::Full);
    assert_eq!(server.stored(SEVENTH).last_backup, before.last_backup);
    // Far later still, the last backup and the full copy stay.
    let much_later = later + 400 * 86_400_000;
    server
        .db
        .read(|conn| jobs::prune(conn, SEVENTH, much_later))
        .unwrap();
    assert_eq!(history(&server, SEVENTH, "").await.total, 2);
    assert_eq!(server.stored(SEVENTH).last_backup, before.last_backup);
}
