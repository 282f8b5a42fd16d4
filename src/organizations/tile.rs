//! One organization's tile: who it is, how its backup stands (in words and a symbol, never
//! colour alone), its users and licences, and its last backup.

use leptos::prelude::*;
use xms_m365_contract::{LastBackup, Organization, OrganizationStatus};

/// The tile of one organization.
#[component]
pub fn OrganizationTile(organization: Organization) -> impl IntoView {
    let (modifier, symbol, label) = status_words(organization.status);
    let users = format!(
        "{} of {}",
        group_thousands(u64::from(organization.protected_users)),
        group_thousands(u64::from(organization.user_count))
    );
    let licences = group_thousands(u64::from(organization.licences_used));
    view! {
        <li class="m365-tile">
            <h2 class="m365-tile__name">{organization.name}</h2>
            <p class="m365-tile__domain">{organization.primary_domain}</p>
            <p class=format!("m365-tile__status m365-tile__status--{modifier}")>
                <span class="m365-tile__symbol" aria-hidden="true">{symbol}</span>
                {label}
            </p>
            <dl class="m365-tile__facts">
                <dt>"Protected users"</dt>
                <dd>{users}</dd>
                <dt>"Licences in use"</dt>
                <dd>{licences}</dd>
                <dt>"Last backup"</dt>
                <dd>{last_backup_view(organization.last_backup)}</dd>
            </dl>
        </li>
    }
}

/// The BEM modifier, the symbol and the words for a status.
fn status_words(status: OrganizationStatus) -> (&'static str, &'static str, &'static str) {
    match status {
        OrganizationStatus::Healthy => ("healthy", "✓", "Protected"),
        OrganizationStatus::LastBackupFailed => ("failed", "✕", "Last backup failed"),
        OrganizationStatus::BackupRunning => ("running", "↻", "Backup running"),
        OrganizationStatus::NeedsReauthorization => ("reauthorize", "!", "Needs re-authorization"),
        OrganizationStatus::NeverBackedUp => ("never", "–", "Never backed up"),
    }
}

fn last_backup_view(last: Option<LastBackup>) -> AnyView {
    let Some(last) = last else {
        return "None yet".into_any();
    };
    let result = match &last.failure {
        None => format!("Succeeded, {} items", group_thousands(last.items)),
        Some(reason) => format!("Failed: {reason}"),
    };
    let finished = js_sys::Date::parse(&last.finished_at);
    let relative = relative_time(js_sys::Date::now() - finished);
    let exact = exact_time(&last.finished_at);
    view! {
        <span class="m365-tile__result">{result}</span>
        " "
        // The exact time shows on hover and on keyboard focus, and is read with the relative one.
        <time class="m365-tile__when" datetime=last.finished_at.clone() tabindex="0">
            {relative}
            <span class="m365-tile__exact">{format!(" ({exact})")}</span>
        </time>
    }
    .into_any()
}

/// `1250` as `1,250`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// How long ago something happened, `elapsed_ms` ago, in words.
pub fn relative_time(elapsed_ms: f64) -> String {
    let minutes = (elapsed_ms / 60_000.0).floor().max(0.0) as u64;
    let plural = |n: u64, unit: &str| format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" });
    match minutes {
        0 => "just now".to_owned(),
        1..=59 => plural(minutes, "minute"),
        60..=1439 => plural(minutes / 60, "hour"),
        1440..=2879 => "yesterday".to_owned(),
        _ => plural(minutes / 1440, "day"),
    }
}

/// An RFC 3339 UTC time from XMS (`2026-11-26T14:03:00Z`) as `2026-11-26 14:03 UTC`.
fn exact_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => rfc3339.to_owned(),
    }
}
