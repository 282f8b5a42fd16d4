//! What an administrator does to an organization from its tile, through the API: reading its
//! settings with an ETag and saving them with If-Match (and every way saving is refused,
//! storing nothing), licences as the licence mode and the subscription allow, Sync now, and
//! removing the organization.

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use common::{Answer, Received, Stream, TOKEN, TestApp};
use serde_json::{Value, json};
use xms_m365_contract::{
    ConnectionState, ErrorCode, FieldErrorCode, Job, JobState, LicenceMode, LicensingPreview,
    OrganizationList, ServerEvent, SettingsView, Stale, settings_path, user_sync_path,
};
use xms_server::{
    clock::rfc3339,
    store::connections::{self, Outcome, StoredConnection},
};

mod common;

const HOUR_MS: i64 = 3_600_000;

fn path(id: &str) -> String {
    settings_path(&xms_m365_contract::OrganizationId(id.to_owned()))
}

async fn get_settings(server: &TestApp, id: &str) -> SettingsView {
    server
        .call("GET", &path(id), None, None)
        .await
        .document::<SettingsView>()
}

async fn put_settings(server: &TestApp, id: &str, if_match: Option<&str>, body: Value) -> Answer {
    server.call("PUT", &path(id), if_match, Some(body)).await
}

async fn sync_now(server: &TestApp, id: &str) -> Answer {
    let uri = user_sync_path(&xms_m365_contract::OrganizationId(id.to_owned()));
    server.call("POST", &uri, None, None).await
}

/// Events until one matches, or panics after two seconds without one.
async fn until(stream: &mut Stream, wanted: impl Fn(&ServerEvent) -> bool) -> Received {
    while let Some(received) = stream.next().await {
        if wanted(&received.event) {
            return received;
        }
    }
    panic!("the awaited event never came");
}

#[tokio::test]
async fn the_settings_come_with_their_etag_and_the_next_user_sync() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 250);
    let fabrikam = server.add_organization("Fabrikam", 100);
    let view = get_settings(&server, &contoso).await;
    assert_eq!(view.organization_id.0, contoso);
    assert_eq!(view.settings.licence_mode, LicenceMode::Automatic);
    assert_eq!(view.settings.user_sync_interval_hours, 24);
    assert_eq!(view.settings.default_worker_id.0, "xopero-cloud-eu-west");
    assert!(
        view.etag.starts_with('"') && view.etag.ends_with('"'),
        "a quoted strong ETag: {}",
        view.etag
    );
    assert_ne!(view.etag, get_settings(&server, &fabrikam).await.etag);
    assert_eq!(view.last_user_sync_at, None);
    let connected = server.stored(&contoso).connected_at;
    let connected_ms = chrono::DateTime::parse_from_rfc3339(&connected)
        .unwrap()
        .timestamp_millis();
    assert_eq!(
        view.next_user_sync_at,
        Some(rfc3339(connected_ms + 24 * HOUR_MS))
    );
    assert_eq!(
        view.automatic_licensing,
        LicensingPreview {
            unprotected_users: 0,
            free_licences: 5000 - 250 - 100
        }
    );

    server.needs_reauthorization(&contoso);
    let view = get_settings(&server, &contoso).await;
    assert_eq!(view.next_user_sync_at, None, "not without consent");

    let missing = server
        .call("GET", &path("no-such-organization"), None, None)
        .await;
    assert_eq!(
        missing.error(StatusCode::NOT_FOUND).error.code,
        ErrorCode::NotFound
    );
}

#[tokio::test]
async fn saving_stores_every_setting_changes_the_etag_and_publishes_the_tile() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 250);
    let before = get_settings(&server, &contoso).await;
    let mut stream = Stream::open(&server.app, None).await;

    let saved = put_settings(
        &server,
        &contoso,
        Some(&before.etag),
        // The offline worker is allowed: the panel warns before offering it.
        json!({
            "licence_mode": "manual",
            "user_sync_interval_hours": 6,
            "default_worker_id": "gdansk-branch-server"
        }),
    )
    .await
    .document::<SettingsView>();
    assert_ne!(saved.etag, before.etag);
    assert_eq!(saved.settings.licence_mode, LicenceMode::Manual);
    assert_eq!(saved.settings.user_sync_interval_hours, 6);
    assert_eq!(saved.settings.default_worker_id.0, "gdansk-branch-server");
    let next = |view: &SettingsView| {
        chrono::DateTime::parse_from_rfc3339(view.next_user_sync_at.as_deref().unwrap())
            .unwrap()
            .timestamp_millis()
    };
    assert_eq!(
        next(&before) - next(&saved),
        18 * HOUR_MS,
        "every 6 hours now"
    );
    assert_eq!(get_settings(&server, &contoso).await, saved, "stored");

    let tile = server.stored(&contoso);
    assert_eq!(tile.default_worker.id.0, "gdansk-branch-server");
    assert!(!tile.default_worker.online);
    let published = until(&mut stream, |event| {
        matches!(event, ServerEvent::OrganizationChanged { .. })
    })
    .await;
    assert_eq!(published.name, "organization_changed");
    assert_eq!(
        published.event,
        ServerEvent::OrganizationChanged {
            organization: Box::new(tile)
        }
    );

    // Saving the same values again is still a new version.
    let again = put_settings(
        &server,
        &contoso,
        Some(&saved.etag),
        json!({
            "licence_mode": "manual",
            "user_sync_interval_hours": 6,
            "default_worker_id": "gdansk-branch-server"
        }),
    )
    .await
    .document::<SettingsView>();
    assert_ne!(again.etag, saved.etag);
}

#[tokio::test]
async fn saving_without_if_match_is_a_428_and_stores_nothing() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 250);
    let before = get_settings(&server, &contoso).await;
    let answer = put_settings(
        &server,
        &contoso,
        None,
        json!({
            "licence_mode": "manual",
            "user_sync_interval_hours": 1,
            "default_worker_id": "warsaw-office-nas"
        }),
    )
    .await;
    let error = answer.error(StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(error.error.code, ErrorCode::PreconditionRequired);
    assert!(error.error.message.contains("If-Match"), "{error:?}");
    assert_eq!(get_settings(&server, &contoso).await, before);
}

#[tokio::test]
async fn saving_over_someone_elses_change_is_a_412_and_stores_nothing() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 250);
    let opened = get_settings(&server, &contoso).await;
    // Another administrator saves first.
    let theirs = put_settings(
        &server,
        &contoso,
        Some(&opened.etag),
        json!({
            "licence_mode": "automatic",
            "user_sync_interval_hours": 12,
            "default_worker_id": "warsaw-office-nas"
        }),
    )
    .await
    .document::<SettingsView>();

    for stale in [opened.etag.as_str(), "\"0000000000000000\"", "W/\"x\""] {
        let answer = put_settings(
            &server,
            &contoso,
            Some(stale),
            json!({
                "licence_mode": "manual",
                "user_sync_interval_hours": 1,
                "default_worker_id": "gdansk-branch-server"
            }),
        )
        .await;
        let error = answer.error(StatusCode::PRECONDITION_FAILED);
        assert_eq!(error.error.code, ErrorCode::PreconditionFailed);
        assert_eq!(
            error.error.message,
            "Someone else changed this after you opened it. Review their version and save \
             again."
        );
        // Theirs comes with the refusal: no second request to show it.
        let stale: Stale<SettingsView> = serde_json::from_slice(&answer.body).unwrap();
        assert_eq!(stale.current, theirs);
    }
    assert_eq!(get_settings(&server, &contoso).await, theirs);
    assert_eq!(
        server.stored(&contoso).default_worker.id.0,
        "warsaw-office-nas"
    );

    // An ETag of another organization's settings is no good either.
    let fabrikam = server.add_organization("Fabrikam", 10);
    let answer = put_settings(
        &server,
        &fabrikam,
        Some(&theirs.etag),
        json!({
            "licence_mode": "manual",
            "user_sync_interval_hours": 1,
            "default_worker_id": "gdansk-branch-server"
        }),
    )
    .await;
    answer.error(StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn invalid_fields_are_a_422_naming_each_and_store_nothing() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 250);
    let before = get_settings(&server, &contoso).await;
    let answer = put_settings(
        &server,
        &contoso,
        Some(&before.etag),
        json!({
            "licence_mode": "manual",
            "user_sync_interval_hours": 3,
            "default_worker_id": "no-such-worker"
        }),
    )
    .await;
    let error = answer.error(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.error.code, ErrorCode::ValidationFailed);
    let fields: Vec<(&str, &str)> = error
        .error
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "user_sync_interval_hours",
                "Choose one of: every 1, 2, 4, 6, 12 or 24 hours."
            ),
            (
                "default_worker_id",
                "There is no worker no-such-worker. Choose one of the listed workers."
            ),
        ]
    );

    // One bad field among good ones stores none of them.
    let answer = put_settings(
        &server,
        &contoso,
        Some(&before.etag),
        json!({
            "licence_mode": "manual",
            "user_sync_interval_hours": 300,
            "default_worker_id": "warsaw-office-nas"
        }),
    )
    .await;
    let error = answer.error(StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> = error
        .error
        .fields
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, ["user_sync_interval_hours"]);

    // A choice that is not offered, a mistyped field and a missing one are invalid fields
    // too, each named with its code (by the body's shape, so the first one found).
    for (body, field, code) in [
        (
            json!({
                "licence_mode": "sometimes",
                "user_sync_interval_hours": 24,
                "default_worker_id": "warsaw-office-nas"
            }),
            "licence_mode",
            FieldErrorCode::NotOffered,
        ),
        (
            json!({
                "licence_mode": "manual",
                "user_sync_interval_hours": "24",
                "default_worker_id": "warsaw-office-nas"
            }),
            "user_sync_interval_hours",
            FieldErrorCode::NotOffered,
        ),
        (
            json!({"licence_mode": "manual", "user_sync_interval_hours": 24}),
            "default_worker_id",
            FieldErrorCode::Required,
        ),
    ] {
        let answer = put_settings(&server, &contoso, Some(&before.etag), body).await;
        let error = answer.error(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error.error.code, ErrorCode::ValidationFailed);
        let fields: Vec<_> = error
            .error
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code))
            .collect();
        assert_eq!(fields, [(field, code)]);
    }
    assert_eq!(get_settings(&server, &contoso).await, before);

    // A body that is not JSON at all is a bad request, in the same error shape.
    let request = Request::put(format!("/api/v1{}", path(&contoso)))
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::IF_MATCH, &before.etag)
        .body(Body::from("{\"licence_mode\": "))
        .unwrap();
    let error = common::send(&server.app, request)
        .await
        .error(StatusCode::BAD_REQUEST);
    assert_eq!(error.error.code, ErrorCode::BadRequest);
}

#[tokio::test]
async fn switching_to_automatic_protects_users_as_far_as_licences_are_free() {
    let server = TestApp::with_licences(None, 100);
    let contoso = server.add_organization("Contoso", 60);
    let fabrikam = server.add_organization("Fabrikam", 80);
    assert_eq!(
        server.stored(&fabrikam).protected_users,
        40,
        "a new organization takes the free licences"
    );
    assert_eq!(
        server.stored(&fabrikam).licences_short,
        40,
        "its other users wait for licences"
    );
    server.set_licensing(&fabrikam, LicenceMode::Manual, 20);
    assert_eq!(
        server.stored(&fabrikam).licences_short,
        0,
        "in manual management, the unprotected users are the administrator's choice"
    );
    let before = get_settings(&server, &fabrikam).await;
    assert_eq!(before.settings.licence_mode, LicenceMode::Manual);
    assert_eq!(
        before.automatic_licensing,
        LicensingPreview {
            unprotected_users: 60,
            free_licences: 20
        }
    );
    assert_eq!(before.automatic_licensing.shortfall(), 40);

    let after = put_settings(
        &server,
        &fabrikam,
        Some(&before.etag),
        json!({
            "licence_mode": "automatic",
            "user_sync_interval_hours": 24,
            "default_worker_id": "xopero-cloud-eu-west"
        }),
    )
    .await
    .document::<SettingsView>();
    assert_eq!(
        after.automatic_licensing,
        LicensingPreview {
            unprotected_users: 40,
            free_licences: 0
        }
    );
    let tile = server.stored(&fabrikam);
    assert_eq!(
        (
            tile.protected_users,
            tile.licences_used,
            tile.licences_short
        ),
        (40, 40, 40)
    );
    assert_eq!(
        get_settings(&server, &contoso)
            .await
            .automatic_licensing
            .free_licences,
        0
    );
    assert_eq!(server.stored(&contoso).protected_users, 60, "untouched");
}

#[tokio::test]
async fn sync_now_syncs_at_once_and_keeps_the_etag() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 250);
    let before = get_settings(&server, &contoso).await;
    let mut stream = Stream::open(&server.app, None).await;

    let started = server.now();
    let synced = sync_now(&server, &contoso).await.document::<SettingsView>();
    assert_eq!(
        synced.etag, before.etag,
        "a sync does not change the settings"
    );
    assert_eq!(synced.settings, before.settings);
    let last = chrono::DateTime::parse_from_rfc3339(synced.last_user_sync_at.as_deref().unwrap())
        .unwrap()
        .timestamp_millis();
    assert!(last >= started / 1000 * 1000, "{last} < {started}");
    assert_eq!(synced.next_user_sync_at, Some(rfc3339(last + 24 * HOUR_MS)));
    // The sync found who joined (and who was deleted, who stay until purged).
    let tile = server.stored(&contoso);
    let plan = xms_server::directory::sync_plan(&contoso, 1);
    assert_eq!(tile.user_count, 250 + plan.joined);
    let published = until(&mut stream, |event| {
        matches!(event, ServerEvent::UserSyncDone { .. })
    })
    .await;
    assert_eq!(published.name, "user_sync_done");
    assert_eq!(
        published.event,
        ServerEvent::UserSyncDone {
            organization: Box::new(tile)
        }
    );

    server.needs_reauthorization(&contoso);
    let refused = sync_now(&server, &contoso).await;
    let error = refused.error(StatusCode::CONFLICT);
    assert_eq!(error.error.code, ErrorCode::Conflict);
    assert!(error.error.message.contains("Re-authorize"), "{error:?}");

    sync_now(&server, "no-such-organization")
        .await
        .error(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn syncs_license_new_users_as_the_licence_mode_and_the_subscription_allow() {
    let server = TestApp::with_licences(None, 152);
    let automatic = server.add_organization("Contoso", 100);
    let manual = server.add_organization("Fabrikam", 50);
    server.set_licensing(&manual, LicenceMode::Manual, 50);
    // Two licences are free. Each sync's change depends on the organization's (random) id:
    // over 30 syncs, both gain users at some point.
    let mut grew = [false, false];
    for _ in 0..30 {
        // Automatic: protected while licences are free, checked before the manual sync can
        // free some.
        sync_now(&server, &automatic)
            .await
            .document::<SettingsView>();
        let (auto, man) = (server.stored(&automatic), server.stored(&manual));
        grew[0] |= auto.user_count > 100;
        let free = 152_i64 - i64::from(auto.protected_users + man.protected_users);
        assert!(auto.protected_users <= auto.user_count);
        assert!(
            auto.protected_users == auto.user_count || free <= 0,
            "{auto:?} with {free} free"
        );

        let before_manual = man;
        let view = sync_now(&server, &manual).await.document::<SettingsView>();
        let (auto, man) = (server.stored(&automatic), server.stored(&manual));
        grew[1] |= man.user_count > before_manual.user_count;
        // Manual: new users stay unprotected; users gone take their protection along.
        assert_eq!(
            man.protected_users,
            before_manual.protected_users.min(man.user_count)
        );
        let free = 152_i64 - i64::from(auto.protected_users + man.protected_users);
        assert_eq!(
            i64::from(view.automatic_licensing.free_licences),
            free.max(0)
        );
        assert_eq!(
            view.automatic_licensing.unprotected_users,
            man.user_count - man.protected_users
        );
    }
    assert_eq!(grew, [true, true], "both gained users at some sync");
}

#[tokio::test]
async fn removing_an_organization_cancels_its_backup_frees_its_licences_and_is_published() {
    let server = TestApp::with_licences(None, 300);
    let contoso = server.add_organization("Contoso", 200);
    let fabrikam = server.add_organization("Fabrikam", 150);
    assert_eq!(server.stored(&fabrikam).protected_users, 100);
    // It was connected through a connection attempt, which keeps its history.
    let attempt = StoredConnection::new(
        "connection-1".into(),
        "ABCDEFGHJ".into(),
        "http://127.0.0.1:9/devicelogin".into(),
        0,
        5,
        "{}".into(),
        None,
    );
    let succeeded = Outcome::Succeeded {
        organization_id: contoso.clone(),
        already_connected: false,
    };
    server
        .db
        .write(|tx| {
            connections::insert(tx, &attempt, 0)?;
            connections::settle(tx, "connection-1", &succeeded)
        })
        .unwrap();
    let job: Job = {
        let answer = server
            .call(
                "POST",
                &format!("/m365/organizations/{contoso}/backups"),
                None,
                None,
            )
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED);
        serde_json::from_slice(&answer.body).unwrap()
    };
    let mut stream = Stream::open(&server.app, None).await;

    let uri = format!("/m365/organizations/{contoso}");
    let answer = server.call("DELETE", &uri, None, None).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.text());
    let finished = until(&mut stream, |event| {
        matches!(event, ServerEvent::JobFinished { .. })
    })
    .await;
    let ServerEvent::JobFinished { job: ended } = finished.event else {
        unreachable!()
    };
    assert_eq!(
        (ended.id, ended.state),
        (job.id.clone(), JobState::Cancelled)
    );
    let removed = until(&mut stream, |event| {
        matches!(event, ServerEvent::OrganizationRemoved { .. })
    })
    .await;
    assert_eq!(removed.name, "organization_removed");
    assert_eq!(
        removed.event,
        ServerEvent::OrganizationRemoved {
            organization_id: xms_m365_contract::OrganizationId(contoso.clone())
        }
    );

    let list: OrganizationList = serde_json::from_slice(
        &server
            .call("GET", "/m365/organizations", None, None)
            .await
            .body,
    )
    .unwrap();
    let ids: Vec<_> = list.organizations.iter().map(|o| o.id.0.as_str()).collect();
    assert_eq!(ids, [fabrikam.as_str()]);
    server
        .call("GET", &path(&contoso), None, None)
        .await
        .error(StatusCode::NOT_FOUND);
    server
        .call("GET", &format!("/jobs/{}", job.id.0), None, None)
        .await
        .error(StatusCode::NOT_FOUND);
    let again = server.call("DELETE", &uri, None, None).await;
    assert_eq!(
        again.error(StatusCode::NOT_FOUND).error.code,
        ErrorCode::NotFound
    );
    let view = server
        .db
        .read(|conn| connections::view(conn, &connections::get(conn, "connection-1")?.unwrap()))
        .unwrap();
    assert!(
        matches!(view.state, ConnectionState::Failed { .. }),
        "{view:?}"
    );

    // Its 200 licences are free again.
    assert_eq!(
        get_settings(&server, &fabrikam)
            .await
            .automatic_licensing
            .free_licences,
        200
    );
    // Its worker stopped: nothing more about the job, for longer than the backup would run.
    while let Some(received) = stream.next().await {
        assert!(
            !matches!(
                &received.event,
                ServerEvent::JobProgress { job: j } | ServerEvent::JobFinished { job: j }
                    if j.id == job.id
            ),
            "{received:?}"
        );
    }
}
