//! An organization's users through the API: pages searched, filtered and sorted on the
//! server, protection changed for chosen users or for all a filter matches (all of them or
//! none, within the licences free, refused with the numbers), the automatic licence
//! management rule, the events every console follows, and what user syncs and backups change.

use axum::http::StatusCode;
use common::{Stream, TestApp};
use serde_json::{Value, json};
use xms_m365_contract::{
    BackupResult, ErrorCode, FieldErrorCode, GroupList, LicenceMode, OrganizationId,
    ProtectionChanged, ProtectionPreview, ProtectionRefused, ServerEvent, User, UserKind, UserPage,
    UserState, groups_path, protection_path, protection_preview_path, users_path,
};

mod common;

fn organization(id: &str) -> OrganizationId {
    OrganizationId(id.to_owned())
}

/// `value` as a query string writes it.
fn encoded(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

async fn page(server: &TestApp, id: &str, query: &str) -> UserPage {
    let path = format!("{}?{query}", users_path(&organization(id)));
    server
        .call("GET", &path, None, None)
        .await
        .json(StatusCode::OK)
}

/// Every user the query matches, over all its pages.
async fn all(server: &TestApp, id: &str, query: &str) -> Vec<User> {
    let mut users = Vec::new();
    for number in 1.. {
        let page = page(server, id, &format!("{query}&page_size=200&page={number}")).await;
        if page.users.is_empty() {
            break;
        }
        users.extend(page.users);
    }
    users
}

async fn change(server: &TestApp, id: &str, body: Value) -> common::Answer {
    server
        .call(
            "POST",
            &protection_path(&organization(id)),
            None,
            Some(body),
        )
        .await
}

async fn preview(server: &TestApp, id: &str, body: Value) -> common::Answer {
    server
        .call(
            "POST",
            &protection_preview_path(&organization(id)),
            None,
            Some(body),
        )
        .await
}

fn chosen(protect: bool, users: &[&User]) -> Value {
    let ids: Vec<&str> = users.iter().map(|user| user.id.0.as_str()).collect();
    json!({ "protect": protect, "users": { "kind": "chosen", "ids": ids } })
}

#[tokio::test]
async fn pages_are_sorted_filtered_and_counted_on_the_server() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 600);
    let first = page(&server, &contoso, "").await;
    assert_eq!((first.total, first.page, first.page_size), (600, 1, 50));
    assert_eq!(first.users.len(), 50);
    assert_eq!(first.organization_name, "Contoso");
    assert_eq!(first.licensing.user_count, 600);
    let everyone = all(&server, &contoso, "").await;
    assert_eq!(
        everyone.len(),
        600,
        "pages neither overlap nor leave anyone out"
    );
    assert_eq!(everyone[..50], first.users[..]);
    let names: Vec<String> = everyone
        .iter()
        .map(|u| u.display_name.to_lowercase())
        .collect();
    assert!(
        names.windows(2).all(|w| w[0] <= w[1]),
        "by name, in any case"
    );

    let by_email = all(&server, &contoso, "sort=email&order=descending").await;
    assert!(
        by_email
            .windows(2)
            .all(|w| w[0].principal_name > w[1].principal_name)
    );
    let by_backup = page(&server, &contoso, "sort=protection").await;
    assert!(
        by_backup.users.iter().all(|u| u.protected),
        "all protected here"
    );

    let shared = all(&server, &contoso, "kind=shared_mailbox").await;
    let expected = everyone
        .iter()
        .filter(|u| u.kind == UserKind::SharedMailbox)
        .count();
    assert!(expected > 0);
    assert_eq!(shared.len(), expected);
    assert_eq!(
        page(&server, &contoso, "kind=shared_mailbox").await.total as usize,
        expected
    );
    let blocked = all(&server, &contoso, "state=sign_in_blocked").await;
    assert!(!blocked.is_empty());
    assert!(blocked.iter().all(|u| u.state == UserState::SignInBlocked));

    // A search finds names and addresses in any case, diacritics included.
    let someone = everyone
        .iter()
        .find(|u| u.display_name.starts_with('Ł'))
        .expect("a Polish name");
    let surname = someone.display_name.split(' ').nth(1).unwrap();
    let found = all(
        &server,
        &contoso,
        &format!("search={}", encoded(&surname.to_uppercase())),
    )
    .await;
    assert!(found.contains(someone));
    assert!(found.iter().all(|u| u.display_name.contains(surname)));
    let lower = someone.display_name.to_lowercase();
    let found = all(&server, &contoso, &format!("search={}", encoded(&lower))).await;
    assert!(found.contains(someone), "ł finds Ł");
    let local = someone.principal_name.split('@').next().unwrap();
    assert!(
        all(&server, &contoso, &format!("search={local}"))
            .await
            .contains(someone)
    );

    // A group's members are as many as the groups list says.
    let groups: GroupList = server
        .call("GET", &groups_path(&organization(&contoso)), None, None)
        .await
        .json(StatusCode::OK);
    let sales = groups
        .groups
        .iter()
        .find(|g| g.name != "All Company")
        .unwrap();
    let members = all(&server, &contoso, &format!("group={}", sales.id)).await;
    assert_eq!(members.len(), sales.members as usize);
    assert!(members.iter().all(|u| u.groups.contains(&sales.name)));

    // Past the last page: empty, with the total.
    let beyond = page(&server, &contoso, "page=99").await;
    assert!(beyond.users.is_empty());
    assert_eq!(beyond.total, 600);
}

#[tokio::test]
async fn a_query_that_is_not_valid_says_which_parameter() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 20);
    let path = |query: &str| format!("{}?{query}", users_path(&organization(&contoso)));
    for (query, field, code) in [
        ("page_size=500", "page_size", FieldErrorCode::TooLong),
        ("page=0", "page", FieldErrorCode::TooShort),
        ("search=anna&kind=robot", "kind", FieldErrorCode::NotOffered),
        ("group=grp-none", "group", FieldErrorCode::NotFound),
        ("sort=shoe_size", "sort", FieldErrorCode::NotOffered),
    ] {
        server
            .call("GET", &path(query), None, None)
            .await
            .field_refused(field, code, query);
    }
    let unknown = server
        .call("GET", &users_path(&organization("nope")), None, None)
        .await
        .error(StatusCode::NOT_FOUND);
    assert_eq!(unknown.error.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn protection_changes_all_or_nothing_within_the_free_licences() {
    let server = TestApp::with_licences(None, 100);
    let contoso = server.add_organization("Contoso", 60);
    server.set_licensing(&contoso, LicenceMode::Manual, 30);
    // Fabrikam takes 50 of the 70 free licences: 20 are left.
    server.add_organization("Fabrikam", 50);
    let unprotected = all(&server, &contoso, "protection=unprotected").await;
    assert_eq!(unprotected.len(), 30);

    let everyone_unprotected = json!({
        "protect": true,
        "users": { "kind": "matching", "filter": { "protection": "unprotected" } }
    });
    let would: ProtectionPreview = preview(&server, &contoso, everyone_unprotected.clone())
        .await
        .json(StatusCode::OK);
    assert_eq!(
        would,
        ProtectionPreview {
            selected: 30,
            changing: 30,
            licences_used: 30,
            licences_freed: 0,
            free_licences: 20,
            licences_short: 10,
        }
    );
    let refused: ProtectionRefused = change(&server, &contoso, everyone_unprotected)
        .await
        .json(StatusCode::CONFLICT);
    assert_eq!(refused.error.code, ErrorCode::LicencesShort);
    assert_eq!(refused.preview, would);
    assert!(
        refused.error.message.contains("30 licences"),
        "{}",
        refused.error.message
    );
    assert!(refused.error.message.contains("only 20 are free"));
    assert_eq!(
        server.stored(&contoso).protected_users,
        30,
        "nothing changed"
    );

    // Five of them fit, and every console hears of it.
    let mut stream = Stream::open(&server.app, None).await;
    let five: Vec<&User> = unprotected.iter().take(5).collect();
    let done: ProtectionChanged = change(&server, &contoso, chosen(true, &five))
        .await
        .json(StatusCode::OK);
    assert_eq!((done.change.changing, done.change.licences_used), (5, 5));
    assert_eq!(done.organization.protected_users, 35);
    assert_eq!(done.organization.licences_used, 35);
    let event = stream.next().await.unwrap();
    let ServerEvent::OrganizationChanged { organization } = event.event else {
        panic!("{event:?}");
    };
    assert_eq!(organization.protected_users, 35);
    let now: Vec<User> = all(&server, &contoso, "protection=protected").await;
    for user in &five {
        let stored = now.iter().find(|u| u.id == user.id).expect("protected now");
        assert!(stored.protected_since.is_some());
    }

    // Deactivating frees the licences of those who were protected, and only theirs.
    let mixed: Vec<&User> = now
        .iter()
        .take(3)
        .chain(unprotected.iter().skip(5).take(2))
        .collect();
    let freed: ProtectionChanged = change(&server, &contoso, chosen(false, &mixed))
        .await
        .json(StatusCode::OK);
    assert_eq!(
        (
            freed.change.selected,
            freed.change.changing,
            freed.change.licences_freed
        ),
        (5, 3, 3)
    );
    assert_eq!(freed.organization.protected_users, 32);

    // One user who is not there refuses the whole change.
    let mut body = chosen(
        true,
        &unprotected.iter().skip(10).take(2).collect::<Vec<_>>(),
    );
    body["users"]["ids"][1] = json!("00000000-0000-4000-8000-000000000000");
    let error = change(&server, &contoso, body)
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.error.fields[0].field, "users.ids[1]");
    assert_eq!(error.error.fields[0].code, FieldErrorCode::NotFound);
    assert_eq!(
        server.stored(&contoso).protected_users,
        32,
        "nothing changed"
    );
    let nobody = change(&server, &contoso, chosen(true, &[]))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(nobody.error.fields[0].code, FieldErrorCode::NothingChosen);
}

#[tokio::test]
async fn a_filter_changes_everyone_it_matches() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 400);
    server.set_licensing(&contoso, LicenceMode::Manual, 0);
    let groups: GroupList = server
        .call("GET", &groups_path(&organization(&contoso)), None, None)
        .await
        .json(StatusCode::OK);
    let group = groups
        .groups
        .iter()
        .find(|g| g.name != "All Company")
        .unwrap();
    let body = json!({
        "protect": true,
        "users": { "kind": "matching", "filter": { "group": group.id, "protection": "unprotected" } }
    });
    let would: ProtectionPreview = preview(&server, &contoso, body.clone())
        .await
        .json(StatusCode::OK);
    assert_eq!(would.changing, group.members);
    assert_eq!(
        server.stored(&contoso).protected_users,
        0,
        "a preview changes nothing"
    );
    let done: ProtectionChanged = change(&server, &contoso, body).await.json(StatusCode::OK);
    assert_eq!(done.organization.protected_users, group.members);
    let protected = all(&server, &contoso, "protection=protected").await;
    assert!(protected.iter().all(|u| u.groups.contains(&group.name)));
    let unknown = preview(
        &server,
        &contoso,
        json!({ "protect": true, "users": { "kind": "matching", "filter": { "group": "grp-x" } } }),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.error.fields[0].field, "users.filter.group");
}

#[tokio::test]
async fn a_change_that_would_change_other_users_than_expected_changes_none() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 80);
    server.set_licensing(&contoso, LicenceMode::Manual, 40);
    let unprotected = json!({
        "protect": true,
        "users": { "kind": "matching", "filter": { "protection": "unprotected" } }
    });
    let asked: ProtectionPreview = preview(&server, &contoso, unprotected.clone())
        .await
        .json(StatusCode::OK);
    assert_eq!(asked.changing, 40);
    // Another console protects one of them in the meantime.
    let one = all(&server, &contoso, "protection=unprotected").await;
    change(&server, &contoso, chosen(true, &[&one[0]]))
        .await
        .json::<ProtectionChanged>(StatusCode::OK);

    let mut expecting = unprotected.clone();
    expecting["expected_changing"] = json!(asked.changing);
    let refused: ProtectionRefused = change(&server, &contoso, expecting.clone())
        .await
        .json(StatusCode::CONFLICT);
    assert_eq!(refused.error.code, ErrorCode::SelectionChanged);
    assert_eq!(refused.preview.changing, 39);
    assert!(
        refused.error.message.contains("39 users, not 40"),
        "{}",
        refused.error.message
    );
    assert_eq!(
        server.stored(&contoso).protected_users,
        41,
        "nothing changed"
    );
    // A preview does not expect anything.
    let again: ProtectionPreview = preview(&server, &contoso, expecting.clone())
        .await
        .json(StatusCode::OK);
    assert_eq!(again, refused.preview);

    expecting["expected_changing"] = json!(39);
    let done: ProtectionChanged = change(&server, &contoso, expecting)
        .await
        .json(StatusCode::OK);
    assert_eq!(done.organization.protected_users, 80);
}

#[tokio::test]
async fn automatic_licensing_does_not_let_protection_be_deactivated() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 30);
    let first = page(&server, &contoso, "").await;
    let someone = vec![&first.users[0]];
    for answer in [
        preview(&server, &contoso, chosen(false, &someone)).await,
        change(&server, &contoso, chosen(false, &someone)).await,
    ] {
        let error = answer.error(StatusCode::CONFLICT);
        assert_eq!(error.error.code, ErrorCode::AutomaticLicensing);
        assert!(
            error
                .error
                .message
                .contains("switch its licence management to Manual")
        );
    }
    assert_eq!(server.stored(&contoso).protected_users, 30);
    // Protecting is what automatic management does anyway: nothing to change.
    let done: ProtectionChanged = change(&server, &contoso, chosen(true, &someone))
        .await
        .json(StatusCode::OK);
    assert_eq!(done.change.changing, 0);
}

#[tokio::test]
async fn user_syncs_add_delete_and_purge_users_and_license_new_ones_automatically() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 1_000);
    let before = all(&server, &contoso, "").await;
    let deleted_before = before
        .iter()
        .filter(|u| u.state == UserState::Deleted)
        .count();
    assert!(
        deleted_before > 0,
        "a directory has users deleted in the last 30 days"
    );
    // A month later, those deleted before are purged.
    let later = server.now() + 31 * 24 * 3_600_000;
    server.sync_due(later, None).unwrap();
    let plan = xms_server::directory::sync_plan(&contoso, 1);
    let after = all(&server, &contoso, "").await;
    assert_eq!(
        after.len(),
        before.len() - deleted_before + plan.joined as usize
    );
    assert_eq!(
        after
            .iter()
            .filter(|u| u.state == UserState::Deleted)
            .count(),
        plan.deleted as usize
    );
    // In automatic licence management, everyone who joined is protected.
    let stored = server.stored(&contoso);
    assert_eq!(stored.user_count as usize, after.len());
    assert_eq!(stored.protected_users, stored.user_count);
    assert!(after.iter().all(|u| u.protected));
}

#[tokio::test]
async fn a_backup_records_each_protected_users_last_backup() {
    let server = TestApp::new(None);
    let contoso = server.add_organization("Contoso", 100);
    server.set_licensing(&contoso, LicenceMode::Manual, 60);
    server.fail_backups(&contoso, "Microsoft Graph throttled the backup.");
    let mut stream = Stream::open(&server.app, None).await;
    let started = server
        .call(
            "POST",
            &xms_m365_contract::backups_path(&organization(&contoso)),
            None,
            None,
        )
        .await;
    assert_eq!(started.status, StatusCode::ACCEPTED);
    stream.until_job_finished().await;
    let never = all(&server, &contoso, "backup=never").await;
    assert_eq!(never.len(), 40, "the unprotected are not backed up");
    assert!(
        never
            .iter()
            .all(|u| !u.protected && u.last_backup.is_none())
    );
    let failed = all(&server, &contoso, "backup=failed").await;
    let succeeded = all(&server, &contoso, "backup=succeeded").await;
    assert_eq!(failed.len() + succeeded.len(), 60);
    assert!(
        !failed.is_empty() && !succeeded.is_empty(),
        "a failed backup stops partway"
    );
    assert!(
        failed
            .iter()
            .all(|u| u.last_backup.as_ref().unwrap().result == BackupResult::Failed)
    );
    assert!(
        succeeded
            .iter()
            .all(|u| u.last_backup.as_ref().unwrap().items > 0)
    );
}
