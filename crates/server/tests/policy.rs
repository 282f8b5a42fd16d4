//! An organization's backup policy through the API: the default policy, saving a custom one
//! with If-Match (and every way saving is refused, storing nothing), returning to the default,
//! previews of every schedule type, the storages and groups a policy chooses from, and the
//! tile and the scheduler following the policy.

use axum::http::StatusCode;
use common::{Answer, Stream, TestApp};
use serde_json::{Value, json};
use xms_m365_contract::{
    BackupKind, EncryptionAlgorithm, ErrorCode, FieldErrorCode, GroupList, JobState,
    OrganizationId, PolicyKind, PolicyPreview, PolicyView, ServerEvent, Stale, StorageList,
    groups_path, paths, policy_path, policy_preview_path,
};
use xms_server::{clock::rfc3339, policies::default_policy, scheduler, store};

mod common;

/// What the policy's tests read of an answer.
trait PolicyAnswer {
    /// The policy view answered.
    fn view(&self) -> PolicyView;
    /// Each invalid field with its message.
    fn fields(&self) -> Vec<(String, String)>;
    /// Each invalid field with its code and bound, which clients word in their own language.
    fn codes(&self) -> Vec<(String, FieldErrorCode, Option<u32>)>;
}

impl PolicyAnswer for Answer {
    fn view(&self) -> PolicyView {
        self.document()
    }

    fn fields(&self) -> Vec<(String, String)> {
        let error = self.error(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error.error.code, ErrorCode::ValidationFailed);
        error
            .error
            .fields
            .into_iter()
            .map(|f| (f.field, f.message))
            .collect()
    }

    fn codes(&self) -> Vec<(String, FieldErrorCode, Option<u32>)> {
        let error = self.error(StatusCode::UNPROCESSABLE_ENTITY);
        error
            .error
            .fields
            .into_iter()
            .map(|f| (f.field, f.code, f.limit))
            .collect()
    }
}

fn path(id: &str) -> String {
    policy_path(&OrganizationId(id.to_owned()))
}

async fn get_policy(server: &TestApp, id: &str) -> PolicyView {
    server.call("GET", &path(id), None, None).await.view()
}

async fn put_policy(server: &TestApp, id: &str, if_match: Option<&str>, body: Value) -> Answer {
    server.call("PUT", &path(id), if_match, Some(body)).await
}

async fn preview(server: &TestApp, id: &str, policy: Value) -> Answer {
    let uri = policy_preview_path(&OrganizationId(id.to_owned()));
    server.call("POST", &uri, None, Some(policy)).await
}

/// A valid custom policy: GFS in Warsaw, encrypted, on the NFS share.
fn gfs_policy() -> Value {
    json!({
        "scope": {
            "mail": true, "calendars": false, "contacts": false, "shared_mailboxes": true,
            "onedrive": true, "sharepoint": false, "groups": false,
            "users": {"kind": "all_protected"}
        },
        "schedule": {
            "plan": {
                "type": "gfs", "time": "23:30", "full_day_of_month": 31,
                "differential_weekday": "sunday"
            },
            "time_zone": "Europe/Warsaw"
        },
        "retention": {
            "kind": "by_time", "full_days": 365, "differential_days": 35, "incremental_days": 14
        },
        "encryption": "aes_gcm",
        "worker_id": "warsaw-office-nas",
        "storage_id": "office-nfs"
    })
}

fn recurrence(frequency: &str, time: &str) -> Value {
    json!({"frequency": frequency, "time": time, "weekday": "friday", "day_of_month": 31})
}

fn with_plan(plan: Value) -> Value {
    let mut policy = gfs_policy();
    policy["schedule"]["plan"] = plan;
    policy["retention"]["differential_days"] = Value::Null;
    policy
}

#[tokio::test]
async fn until_a_custom_policy_is_saved_the_default_one_applies() {
    // Saturday 28 November 2026: the 1st of December falls within the next five runs.
    let server = TestApp::at("2026-11-28T12:00:00Z");
    let contoso = server.add_organization("Contoso", 120);
    back_up(&server, &contoso);
    let view = get_policy(&server, &contoso).await;
    assert_eq!(view.organization_id.0, contoso);
    assert_eq!(view.kind, PolicyKind::Default);
    assert_eq!(view.policy, default_policy());
    assert!(!view.encryption_password_set);
    let fabrikam = server.add_organization("Fabrikam", 120);
    let other = get_policy(&server, &fabrikam).await;
    assert_ne!(view.etag, other.etag, "ETags differ per organization");

    // Daily at 22:00 UTC, full on the 1st.
    use BackupKind::{Full, Incremental};
    let runs: Vec<_> = view
        .next_runs
        .iter()
        .map(|run| (run.at.as_str(), run.local.as_str(), run.kind))
        .collect();
    assert_eq!(
        runs,
        [
            ("2026-11-28T22:00:00Z", "2026-11-28T22:00", Incremental),
            ("2026-11-29T22:00:00Z", "2026-11-29T22:00", Incremental),
            ("2026-11-30T22:00:00Z", "2026-11-30T22:00", Incremental),
            ("2026-12-01T22:00:00Z", "2026-12-01T22:00", Full),
            ("2026-12-02T22:00:00Z", "2026-12-02T22:00", Incremental),
        ]
    );
    let tile = server.stored(&contoso);
    assert_eq!(tile.policy, PolicyKind::Default);
    assert_eq!(
        tile.next_backup_at.as_deref(),
        Some(view.next_runs[0].at.as_str())
    );
    // Never backed up: tonight's backup is a full one, and so is the one on the 1st.
    let kinds: Vec<_> = other.next_runs.iter().map(|run| run.kind).collect();
    assert_eq!(kinds, [Full, Incremental, Incremental, Full, Incremental]);
    assert_eq!(
        server.stored(&fabrikam).next_backup_at.as_deref(),
        Some("2026-11-28T22:00:00Z")
    );

    let missing = server
        .call("GET", &path("no-such-organization"), None, None)
        .await;
    assert_eq!(
        missing.error(StatusCode::NOT_FOUND).error.code,
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn saving_a_custom_policy_stores_it_changes_the_etag_and_publishes_the_tile() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 120);
    let before = get_policy(&server, &contoso).await;
    let mut stream = Stream::open(&server.app, None).await;

    let password = "s3cret-passphrase";
    let answer = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": gfs_policy(), "encryption_password": password}),
    )
    .await;
    assert!(
        !answer.text().contains(password),
        "the password never comes back"
    );
    let saved = answer.view();
    assert_eq!(saved.kind, PolicyKind::Custom);
    assert_ne!(saved.etag, before.etag);
    assert!(saved.encryption_password_set);
    assert_eq!(saved.policy, serde_json::from_value(gfs_policy()).unwrap());
    assert!(
        saved
            .next_runs
            .iter()
            .all(|run| run.local.ends_with("T23:30"))
    );
    assert!(
        saved
            .next_runs
            .iter()
            .any(|run| run.kind == BackupKind::Full)
    );
    assert_eq!(get_policy(&server, &contoso).await, saved, "stored");

    let tile = server.stored(&contoso);
    assert_eq!(tile.policy, PolicyKind::Custom);
    assert_eq!(
        tile.next_backup_at.as_deref(),
        Some(saved.next_runs[0].at.as_str())
    );
    let published = loop {
        let received = stream.next().await.expect("organization_changed");
        if let ServerEvent::OrganizationChanged { organization } = received.event {
            break organization;
        }
    };
    assert_eq!(*published, tile);
    let listed = server.call("GET", paths::ORGANIZATIONS, None, None).await;
    assert!(!listed.text().contains(password));

    // Saving again with the same algorithm keeps the password; a new algorithm needs one.
    let again = put_policy(
        &server,
        &contoso,
        Some(&saved.etag),
        json!({"policy": gfs_policy()}),
    )
    .await
    .view();
    assert!(again.encryption_password_set);
    assert_ne!(again.etag, saved.etag);
    let mut cbc = gfs_policy();
    cbc["encryption"] = json!("aes_cbc");
    let answer = put_policy(&server, &contoso, Some(&again.etag), json!({"policy": cbc})).await;
    assert_eq!(
        answer
            .fields()
            .into_iter()
            .map(|(field, _)| field)
            .collect::<Vec<_>>(),
        ["encryption_password"]
    );
    // Turning encryption off forgets the password.
    let mut off = gfs_policy();
    off["encryption"] = json!("off");
    let plain = put_policy(&server, &contoso, Some(&again.etag), json!({"policy": off}))
        .await
        .view();
    assert!(!plain.encryption_password_set);
    assert_eq!(plain.policy.encryption, EncryptionAlgorithm::Off);
}

#[tokio::test]
async fn saving_without_if_match_is_a_428_and_over_a_newer_version_a_412() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 120);
    let opened = get_policy(&server, &contoso).await;
    let body = json!({"policy": gfs_policy(), "encryption_password": "long enough"});

    let error = put_policy(&server, &contoso, None, body.clone())
        .await
        .error(StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(error.error.code, ErrorCode::PreconditionRequired);
    assert!(error.error.message.contains("If-Match"));
    assert_eq!(get_policy(&server, &contoso).await, opened);

    let theirs = put_policy(&server, &contoso, Some(&opened.etag), body.clone())
        .await
        .view();
    // The settings' ETag is not the policy's, though both start at the same version.
    let settings_etag = server
        .db
        .read(|conn| store::settings::view(conn, 5_000, &contoso, None))
        .unwrap()
        .unwrap()
        .etag;
    for stale in [opened.etag.as_str(), settings_etag.as_str(), "W/\"x\""] {
        let saved = put_policy(&server, &contoso, Some(stale), body.clone()).await;
        let deleted = server
            .call("DELETE", &path(&contoso), Some(stale), None)
            .await;
        for answer in [saved, deleted] {
            let error = answer.error(StatusCode::PRECONDITION_FAILED);
            assert_eq!(error.error.code, ErrorCode::PreconditionFailed);
            // Theirs comes with the refusal: no second request to show it.
            let current: Stale<PolicyView> = serde_json::from_slice(&answer.body).unwrap();
            assert_eq!(current.current, theirs);
        }
    }
    server
        .call("DELETE", &path(&contoso), None, None)
        .await
        .error(StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(get_policy(&server, &contoso).await, theirs);
}

#[tokio::test]
async fn an_invalid_policy_is_a_422_naming_every_field_and_stores_nothing() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 120);
    let before = get_policy(&server, &contoso).await;
    let answer = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": {
            "scope": {
                "mail": false, "calendars": false, "contacts": false, "shared_mailboxes": true,
                "onedrive": false, "sharepoint": false, "groups": false,
                "users": {"kind": "groups", "group_ids": []}
            },
            "schedule": {"plan": {"type": "basic", "time": "24:00"}, "time_zone": "Europe/Nowhere"},
            "retention": {
                "kind": "by_time", "full_days": 30, "differential_days": 7, "incremental_days": 0
            },
            "encryption": "aes_cbc",
            "worker_id": "no-such-worker",
            "storage_id": "no-such-storage"
        }, "encryption_password": null}),
    )
    .await;
    assert_eq!(
        answer.fields(),
        [
            ("scope", "Choose at least one kind of data to back up."),
            (
                "scope.users",
                "Choose at least one group, or back up all protected users."
            ),
            (
                "schedule.time_zone",
                "There is no time zone Europe/Nowhere. Choose one such as Europe/Warsaw or UTC."
            ),
            (
                "schedule.plan.time",
                "Enter the time as HH:MM, 24-hour, such as 22:00."
            ),
            (
                "retention.full_days",
                "Keep full copies at least 31 days: a full backup runs monthly, and newer \
                 copies need it."
            ),
            (
                "retention.differential_days",
                "Only the GFS schedule makes differential copies: leave this empty."
            ),
            (
                "retention.incremental_days",
                "Keep incremental copies at least 1 day."
            ),
            (
                "encryption_password",
                "Enter an encryption password of at least 8 characters. Keep it safe: \
                 encrypted copies cannot be restored without it."
            ),
            (
                "worker_id",
                "There is no worker no-such-worker. Choose one of the listed workers."
            ),
            (
                "storage_id",
                "There is no storage no-such-storage. Choose one of the listed storages."
            ),
        ]
        .map(|(field, message)| (field.to_owned(), message.to_owned()))
    );
    assert_eq!(
        answer.codes(),
        [
            ("scope", FieldErrorCode::NothingChosen, None),
            ("scope.users", FieldErrorCode::NothingChosen, None),
            ("schedule.time_zone", FieldErrorCode::NotFound, None),
            ("schedule.plan.time", FieldErrorCode::InvalidTime, None),
            ("retention.full_days", FieldErrorCode::TooShort, Some(31)),
            (
                "retention.differential_days",
                FieldErrorCode::NotApplicable,
                None
            ),
            (
                "retention.incremental_days",
                FieldErrorCode::TooShort,
                Some(1)
            ),
            ("encryption_password", FieldErrorCode::Required, Some(8)),
            ("worker_id", FieldErrorCode::NotFound, None),
            ("storage_id", FieldErrorCode::NotFound, None),
        ]
        .map(|(field, code, limit)| (field.to_owned(), code, limit))
    );

    // Custom cycles, GFS rules, short passwords and unknown groups.
    let mut policy = with_plan(json!({
        "type": "custom",
        "full": recurrence("weekly", "7:00"),
        "incremental": {"frequency": "monthly", "time": "01:00", "weekday": "monday", "day_of_month": 0}
    }));
    policy["retention"]["full_days"] = json!(6);
    policy["scope"]["users"] = json!({"kind": "groups", "group_ids": ["grp-unknown"]});
    let answer = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": policy, "encryption_password": "short"}),
    )
    .await;
    let fields: Vec<String> = answer.fields().into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "scope.users",
            "schedule.plan.full.time",
            "schedule.plan.incremental.day_of_month",
            "retention.full_days",
            "encryption_password"
        ]
    );
    let mut gfs = gfs_policy();
    gfs["retention"]["differential_days"] = json!(6);
    gfs["retention"]["full_days"] = json!(3651);
    gfs["schedule"]["plan"]["full_day_of_month"] = json!(32);
    let answer = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": gfs, "encryption_password": "long enough"}),
    )
    .await;
    assert_eq!(
        answer.fields(),
        [
            (
                "schedule.plan.full_day_of_month",
                "Choose a day of the month from 1 to 31."
            ),
            (
                "retention.full_days",
                "Keep copies at most 3650 days; to keep them longer, keep them forever."
            ),
            (
                "retention.differential_days",
                "Keep differential copies at least 7 days: a differential backup runs weekly."
            ),
        ]
        .map(|(field, message)| (field.to_owned(), message.to_owned()))
    );

    // A body that is JSON but not a policy names where it is not.
    let error = put_policy(&server, &contoso, Some(&before.etag), json!({"policy": 7}))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.error.code, ErrorCode::ValidationFailed);
    let fields: Vec<_> = error
        .error
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(fields, [("policy", FieldErrorCode::NotOffered)]);

    assert_eq!(
        get_policy(&server, &contoso).await,
        before,
        "nothing stored"
    );
    assert_eq!(server.stored(&contoso).policy, PolicyKind::Default);
}

#[tokio::test]
async fn deleting_the_custom_policy_returns_to_the_default() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 120);
    let before = get_policy(&server, &contoso).await;
    let custom = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": gfs_policy(), "encryption_password": "long enough"}),
    )
    .await
    .view();
    let mut stream = Stream::open(&server.app, None).await;
    let reverted = server
        .call("DELETE", &path(&contoso), Some(&custom.etag), None)
        .await
        .view();
    assert_eq!(reverted.kind, PolicyKind::Default);
    assert_eq!(reverted.policy, default_policy());
    assert!(!reverted.encryption_password_set);
    assert_ne!(reverted.etag, custom.etag);
    assert_ne!(reverted.etag, before.etag, "a new version, not the old one");
    assert_eq!(get_policy(&server, &contoso).await, reverted);
    let tile = server.stored(&contoso);
    assert_eq!(tile.policy, PolicyKind::Default);
    assert_eq!(
        tile.next_backup_at.as_deref(),
        Some(reverted.next_runs[0].at.as_str())
    );
    let received = stream.next().await.unwrap();
    assert_eq!(
        received.event,
        ServerEvent::OrganizationChanged {
            organization: Box::new(tile)
        }
    );
}

/// Marks `id` as backed up once: it has a full copy for later backups to build on.
fn back_up(server: &TestApp, id: &str) {
    let now = server.now();
    let (job, _) = server
        .db
        .write(|tx| store::jobs::queue_backup(tx, id, "first-backup", None, now))
        .unwrap();
    let done = JobState::Succeeded { items: 10 };
    assert!(server.finish(&job.id.0, &done, now));
}

#[tokio::test]
async fn previews_list_the_next_runs_of_every_schedule_type_without_saving() {
    // Friday 27 November 2026, 11:00 in Warsaw: the window holds a Sunday, the month's last
    // day and the 1st of the next month.
    let server = TestApp::at("2026-11-27T10:00:00Z");
    let never = server.add_organization("Contoso", 120);
    let backed_up = server.add_organization("Fabrikam", 120);
    back_up(&server, &backed_up);
    let before = get_policy(&server, &never).await;
    let runs = |answer: Answer| {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
        let preview: PolicyPreview = serde_json::from_slice(&answer.body).unwrap();
        preview
            .next_runs
            .into_iter()
            .map(|run| (run.local, run.kind))
            .collect::<Vec<_>>()
    };
    let both = async |policy: Value| {
        (
            runs(preview(&server, &never, policy.clone()).await),
            runs(preview(&server, &backed_up, policy).await),
        )
    };
    let local = |list: &[(&str, BackupKind)]| {
        list.iter()
            .map(|(at, kind)| ((*at).to_owned(), *kind))
            .collect::<Vec<_>>()
    };
    use BackupKind::{Differential, Full, Incremental};

    // Basic: daily, full on the 1st; never backed up, the first run is full too.
    let (first, later) = both(with_plan(json!({"type": "basic", "time": "21:00"}))).await;
    assert_eq!(
        later,
        local(&[
            ("2026-11-27T21:00", Incremental),
            ("2026-11-28T21:00", Incremental),
            ("2026-11-29T21:00", Incremental),
            ("2026-11-30T21:00", Incremental),
            ("2026-12-01T21:00", Full),
        ])
    );
    assert_eq!(first[0], ("2026-11-27T21:00".to_owned(), Full));
    assert_eq!(first[1..], later[1..]);

    // Every hour, with a daily full one at 03:00: the five next hours, then that full one.
    let (first, later) = both(with_plan(json!({
        "type": "custom",
        "full": recurrence("daily", "03:00"),
        "incremental": recurrence("hourly", "00:00")
    })))
    .await;
    assert_eq!(
        later,
        local(&[
            ("2026-11-27T12:00", Incremental),
            ("2026-11-27T13:00", Incremental),
            ("2026-11-27T14:00", Incremental),
            ("2026-11-27T15:00", Incremental),
            ("2026-11-27T16:00", Incremental),
            ("2026-11-28T03:00", Full),
        ])
    );
    assert_eq!(first[0], ("2026-11-27T12:00".to_owned(), Full));
    assert_eq!(first[1..], later[1..5], "a full one among five: none added");

    // Forever incremental: one full backup first, then never again.
    let (first, later) = both(with_plan(
        json!({"type": "forever_incremental", "incremental": recurrence("daily", "12:00")}),
    ))
    .await;
    let kinds = |runs: &[(String, BackupKind)]| runs.iter().map(|r| r.1).collect::<Vec<_>>();
    assert_eq!(
        kinds(&first),
        [Full, Incremental, Incremental, Incremental, Incremental]
    );
    assert_eq!(kinds(&later), [Incremental; 5]);
    assert_eq!(first[0].0, "2026-11-27T12:00", "at noon, an hour from now");

    // GFS: a differential on Sunday, the full one on the 31st, which November lacks: the 30th.
    let mut gfs = gfs_policy();
    gfs["encryption"] = json!("aes_cbc"); // a preview needs no password
    let (first, later) = both(gfs).await;
    assert_eq!(
        later,
        local(&[
            ("2026-11-27T23:30", Incremental),
            ("2026-11-28T23:30", Incremental),
            ("2026-11-29T23:30", Differential),
            ("2026-11-30T23:30", Full),
            ("2026-12-01T23:30", Incremental),
        ])
    );
    assert_eq!(first[0], ("2026-11-27T23:30".to_owned(), Full));
    assert_eq!(first[1..], later[1..]);

    let mut invalid = gfs_policy();
    invalid["schedule"]["time_zone"] = json!("Nowhere");
    let fields: Vec<String> = preview(&server, &never, invalid)
        .await
        .fields()
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields, ["schedule.time_zone"]);
    preview(&server, "no-such-organization", gfs_policy())
        .await
        .error(StatusCode::NOT_FOUND);
    assert_eq!(get_policy(&server, &never).await, before, "nothing saved");
}

#[tokio::test]
async fn storages_and_groups_are_listed_and_groups_can_be_chosen() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 120);
    let storages: StorageList =
        serde_json::from_slice(&server.call("GET", paths::STORAGES, None, None).await.body)
            .unwrap();
    let summary: Vec<_> = storages
        .storages
        .iter()
        .map(|s| (s.id.0.as_str(), s.name.as_str(), s.kind.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("office-nfs", "Office NFS share", "NFS share"),
            (
                "xopero-cloud-storage",
                "Xopero Cloud Storage",
                "Xopero Cloud Storage"
            ),
        ]
    );

    let uri = groups_path(&OrganizationId(contoso.clone()));
    let answer = server.call("GET", &uri, None, None).await;
    assert_eq!(answer.status, StatusCode::OK);
    let groups: GroupList = serde_json::from_slice(&answer.body).unwrap();
    assert!((4..=8).contains(&groups.groups.len()));
    // Every person of the 120 users, shared and resource mailboxes aside.
    assert!(
        groups
            .groups
            .iter()
            .any(|g| g.name == "All Company" && (90..120).contains(&g.members))
    );
    let again: GroupList =
        serde_json::from_slice(&server.call("GET", &uri, None, None).await.body).unwrap();
    assert_eq!(again, groups, "stable");
    let uri = groups_path(&OrganizationId("no-such-organization".into()));
    server
        .call("GET", &uri, None, None)
        .await
        .error(StatusCode::NOT_FOUND);

    let before = get_policy(&server, &contoso).await;
    let mut policy = gfs_policy();
    policy["scope"]["users"] = json!({"kind": "groups", "group_ids": [groups.groups[0].id]});
    policy["encryption"] = json!("off");
    let saved = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": policy}),
    )
    .await
    .view();
    assert_eq!(saved.kind, PolicyKind::Custom);
}

#[tokio::test]
async fn the_scheduler_runs_a_custom_policy_on_its_schedule() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 120);
    let before = get_policy(&server, &contoso).await;
    let policy = with_plan(json!({
        "type": "forever_incremental",
        "incremental": recurrence("hourly", "00:17")
    }));
    let mut policy = policy;
    policy["encryption"] = json!("off");
    let saved = put_policy(
        &server,
        &contoso,
        Some(&before.etag),
        json!({"policy": policy}),
    )
    .await
    .view();
    let next = chrono::DateTime::parse_from_rfc3339(&saved.next_runs[0].at)
        .unwrap()
        .timestamp_millis();
    let now = server.now();
    assert!(next > now && next <= now + 3_600_000);

    let early = scheduler::run_due_backups(&server.state, next - 1_000).unwrap();
    assert!(early.started.is_empty(), "{early:?}");
    let due = scheduler::run_due_backups(&server.state, next + 1_000).unwrap();
    assert_eq!(due.started.len(), 1);
    let tile = server.stored(&contoso);
    assert_eq!(
        tile.next_backup_at,
        Some(rfc3339(next + 3_600_000)),
        "an hour later"
    );
}
