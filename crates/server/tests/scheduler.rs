//! The scheduler, driven with a fake clock: scheduled backups start when their run comes and
//! only then, skip what cannot or need not run, and move each organization on to its next
//! run; user syncs change the user count a little and are published. Finally the background
//! task itself, on the real clock.

use std::time::Duration;

use common::{Stream, TestApp, at};
use xms_m365_contract::{BackupKind, JobState, OrganizationStatus, ServerEvent};
use xms_server::{
    clock::rfc3339,
    policies,
    scheduler::{self, MAX_STARTS_PER_PASS, SchedulerConfig},
    store::organizations,
};

mod common;

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

fn ids(organizations: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut ids: Vec<String> = organizations.into_iter().collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn scheduled_backups_start_when_their_run_comes_and_move_on_to_the_next() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 10);
    let busy = server.add_organization("Fabrikam", 10);
    let reauthorize = server.add_organization("Woodgrove", 10);
    server.needs_reauthorization(&reauthorize);
    // Tonight's run (the clock starts at 09:00 UTC): the first after they were connected.
    let tonight = at("2026-12-01T22:00:00Z");
    assert_eq!(
        server.stored(&contoso).next_backup_at,
        Some(rfc3339(tonight))
    );
    assert_eq!(server.stored(&reauthorize).next_backup_at, None);

    let early = scheduler::run_due_backups(&server.state, tonight - 1_000).unwrap();
    assert!(
        early.started.is_empty() && early.skipped.is_empty(),
        "{early:?}"
    );
    assert_eq!(
        server.stored(&contoso).status,
        OrganizationStatus::NeverBackedUp
    );

    let manual = server.state.jobs.start_backup(&busy, None).unwrap();
    let pass = scheduler::run_due_backups(&server.state, tonight + 1_000).unwrap();
    let started: Vec<_> = pass
        .started
        .iter()
        .map(|j| j.organization_id.0.clone())
        .collect();
    assert_eq!(started, [contoso.as_str()]);
    assert_eq!(
        ids(pass.skipped.iter().map(|o| o.0.clone())),
        ids([busy.clone(), reauthorize.clone()])
    );
    assert_eq!(pass.deferred, 0);

    let backed_up = server.stored(&contoso);
    assert_eq!(backed_up.status, OrganizationStatus::BackupRunning);
    assert_eq!(backed_up.active_job, Some(pass.started[0].clone()));
    assert_eq!(backed_up.next_backup_at, Some(rfc3339(tonight + DAY_MS)));
    let skipped = server.stored(&busy);
    assert_eq!(
        skipped.active_job.map(|j| j.id),
        Some(manual.id),
        "no second job"
    );
    assert_eq!(skipped.next_backup_at, Some(rfc3339(tonight + DAY_MS)));

    let again = scheduler::run_due_backups(&server.state, tonight + 2_000).unwrap();
    assert!(
        again.started.is_empty() && again.skipped.is_empty(),
        "served once: {again:?}"
    );

    // Connecting again renews consent: the next run is tomorrow's, not the one it missed.
    server.upsert(&common::tenant("Woodgrove", 10));
    assert_eq!(
        server.stored(&reauthorize).next_backup_at,
        Some(rfc3339(tonight + DAY_MS))
    );
}

#[tokio::test]
async fn runs_missed_while_stopped_make_one_backup() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 10);
    // Stopped from before tonight's run until an hour after the one three days later.
    let later = at("2026-12-04T23:00:00Z");
    let pass = scheduler::run_due_backups(&server.state, later).unwrap();
    assert_eq!(pass.started.len(), 1);
    assert_eq!(
        server.stored(&contoso).next_backup_at,
        Some("2026-12-05T22:00:00Z".to_owned())
    );
    assert!(
        scheduler::run_due_backups(&server.state, later)
            .unwrap()
            .started
            .is_empty()
    );
}

#[tokio::test]
async fn a_pass_starts_a_bounded_number_of_backups_and_leaves_the_rest_to_the_next() {
    let server = TestApp::new(None);
    let extra = 3;
    for n in 0..MAX_STARTS_PER_PASS + extra {
        server.add_organization(&format!("Tenant{n:02}"), 5);
    }
    let now = policies::next_backup_after(None, server.now()).unwrap() + 1_000;
    let first = scheduler::run_due_backups(&server.state, now).unwrap();
    assert_eq!(
        (first.started.len(), first.deferred),
        (MAX_STARTS_PER_PASS, extra)
    );
    let second = scheduler::run_due_backups(&server.state, now + 30_000).unwrap();
    assert_eq!((second.started.len(), second.deferred), (extra, 0));
    let running = server
        .db
        .read(organizations::list)
        .unwrap()
        .into_iter()
        .filter(|o| o.active_job.is_some())
        .count();
    assert_eq!(running, MAX_STARTS_PER_PASS + extra);
}

#[tokio::test]
async fn a_user_sync_changes_the_count_a_little_and_is_published() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 100);
    let reauthorize = server.add_organization("Woodgrove", 100);
    server.needs_reauthorization(&reauthorize);
    let mut stream = Stream::open(&server.app, None).await;

    let now = server.now();
    assert!(
        server.sync_due(now + HOUR_MS, None).unwrap().is_empty(),
        "every 24 hours by default"
    );
    let synced = server.sync_due(now + 25 * HOUR_MS, None).unwrap();
    assert_eq!(synced.len(), 1, "not without consent");
    let after = server.stored(&contoso);
    assert_eq!(synced[0], after);
    // Who joined is counted; who was deleted stays until purged, 30 days on.
    let plan = xms_server::directory::sync_plan(&contoso, 1);
    assert_eq!(after.user_count, 100 + plan.joined);
    assert_eq!(
        (after.protected_users, after.licences_used),
        (after.user_count, after.user_count)
    );

    let received = stream.next().await.expect("a user_sync_done event");
    assert_eq!(received.name, "user_sync_done");
    assert_eq!(
        received.event,
        ServerEvent::UserSyncDone {
            organization: Box::new(after.clone())
        }
    );

    // The sync time is stored: the next one is a day after it.
    assert!(
        server
            .sync_due(now + 48 * HOUR_MS, None)
            .unwrap()
            .is_empty()
    );
    let next = server.sync_due(now + 49 * HOUR_MS, None).unwrap();
    assert_eq!(next.len(), 1);
    assert!(next[0].user_count.abs_diff(after.user_count) <= 3);

    // A period given on the command line replaces every organization's interval.
    let period = Some(Duration::from_secs(60));
    assert!(
        server
            .sync_due(now + 49 * HOUR_MS + 59_000, period)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        server
            .sync_due(now + 49 * HOUR_MS + 60_000, period)
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_background_scheduler_runs_user_syncs_at_the_given_period() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 100);
    let mut stream = Stream::open(&server.app, None).await;
    let scheduler = scheduler::spawn(
        server.state.clone(),
        SchedulerConfig {
            tick: Duration::from_millis(50),
            user_sync_period: Some(Duration::from_millis(200)),
            ..SchedulerConfig::default()
        },
    );
    let mut syncs = 0;
    while syncs < 2 {
        let received = stream.next().await.expect("user syncs keep coming");
        if let ServerEvent::UserSyncDone { organization } = received.event {
            assert_eq!(organization.id.0, contoso);
            syncs += 1;
        }
    }
    scheduler.abort();
}

#[tokio::test]
async fn the_first_backup_is_full_whatever_the_schedule_and_later_ones_follow_it() {
    // Wednesday 2 December: tonight's default run is an incremental one by the schedule.
    let server = TestApp::at("2026-12-02T09:00:00Z");
    let contoso = server.add_organization("Contoso", 10);
    let fabrikam = server.add_organization("Fabrikam", 10);
    let kinds = |pass: &scheduler::BackupPass| {
        let mut started: Vec<_> = pass
            .started
            .iter()
            .map(|job| (job.organization_id.0.clone(), job.kind))
            .collect();
        started.sort_by(|a, b| a.0.cmp(&b.0));
        started
    };
    let end = |job: &xms_m365_contract::Job, state: JobState, now: i64| {
        assert!(server.finish(&job.id.0, &state, now));
    };
    let succeeded = || JobState::Succeeded { items: 5 };
    let tonight = at("2026-12-02T22:00:00Z");
    let first = scheduler::run_due_backups(&server.state, tonight + 1_000).unwrap();
    assert_eq!(
        kinds(&first),
        ids([contoso.clone(), fabrikam.clone()])
            .into_iter()
            .map(|id| (id, BackupKind::Full))
            .collect::<Vec<_>>(),
        "nothing to build on yet"
    );
    // Contoso's full backup succeeds; Fabrikam's fails, so it still has no full copy.
    for job in &first.started {
        let state = if job.organization_id.0 == contoso {
            succeeded()
        } else {
            JobState::Failed {
                reason: "throttled".into(),
            }
        };
        end(job, state, tonight + 60_000);
    }

    let next = scheduler::run_due_backups(&server.state, tonight + DAY_MS + 1_000).unwrap();
    let mut expected = vec![
        (contoso.clone(), BackupKind::Incremental),
        (fabrikam.clone(), BackupKind::Full),
    ];
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(kinds(&next), expected);
    for job in &next.started {
        end(job, succeeded(), tonight + DAY_MS + 60_000);
    }

    // By hand: incremental once a full copy exists, full for a new organization.
    let manual = server.state.jobs.start_backup(&contoso, None).unwrap();
    assert_eq!(manual.kind, BackupKind::Incremental);
    let northwind = server.add_organization("Northwind", 10);
    let first_by_hand = server.state.jobs.start_backup(&northwind, None).unwrap();
    assert_eq!(first_by_hand.kind, BackupKind::Full);
}
