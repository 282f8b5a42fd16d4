//! What a simulated backup run met besides the items it backed up: their bytes, and the items
//! it skipped or put off and why, derived from the run's id so that the same run always tells
//! the same story. About one run in four skips one to four items: a file too large to back up,
//! a mailbox Microsoft Graph throttled (backed up by the next run), a site access was denied to.

use xms_m365_contract::{SkipReason, SkippedItem};

use crate::hash::stable_hash;

/// How many of an organization's protected users a run may name among its skipped items.
pub const USERS_NAMED: u32 = 4;

/// Files too large to back up, by where they are in a user's OneDrive.
const LARGE_FILES: [&str; 4] = [
    "OneDrive/Videos/All-hands recording.mp4",
    "OneDrive/Archive/Mailbox export.pst",
    "OneDrive/Design/Product renders.zip",
    "OneDrive/Projects/Site survey point cloud.e57",
];

/// Sites a run may be denied access to.
const SITES: [&str; 4] = [
    "/sites/Board",
    "/sites/Finance",
    "/sites/HR-Confidential",
    "/sites/Legal",
];

/// The largest item a backup takes: 250 GiB, OneDrive's own limit for a file.
const LARGEST_ITEM_BYTES: u64 = 250 << 30;

/// The spread of run `job_id`, for the store to pick the users it names with.
pub fn spread(job_id: &str) -> u64 {
    stable_hash(job_id.bytes()) % 1_000_003
}

/// The bytes of `items` items backed up by run `job_id`: 40 to 70 KB each, on average.
pub fn bytes(job_id: &str, items: u64) -> u64 {
    items * (40_000 + stable_hash(job_id.bytes()) % 30_000)
}

/// What run `job_id` skipped or put off, of an organization whose protected users include
/// `users` (principal names, as many as [`USERS_NAMED`], in the run's own order).
pub fn skipped(job_id: &str, users: &[String]) -> Vec<SkippedItem> {
    let hash = stable_hash(job_id.bytes());
    if !hash.is_multiple_of(4) {
        return Vec::new();
    }
    let count = 1 + (hash >> 8) % 4;
    (0..count)
        .map(|n| {
            let pick = (hash >> (16 + 8 * n)) as usize;
            let user = (!users.is_empty()).then(|| users[pick % users.len()].clone());
            match (pick / 7 % 3, user) {
                (0, Some(user)) => SkippedItem {
                    user: Some(user),
                    item: LARGE_FILES[pick % LARGE_FILES.len()].to_owned(),
                    reason: SkipReason::TooLarge,
                    bytes: Some(LARGEST_ITEM_BYTES + (hash >> 4) % (50 << 30)),
                },
                (1, Some(user)) => SkippedItem {
                    user: Some(user),
                    item: "Mailbox".to_owned(),
                    reason: SkipReason::Throttled,
                    bytes: None,
                },
                _ => SkippedItem {
                    user: None,
                    item: SITES[pick % SITES.len()].to_owned(),
                    reason: SkipReason::AccessDenied,
                    bytes: None,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_of_runs_skip_a_few_items_the_same_way_every_time() {
        let users = [
            "anna.nowak@contoso.pl".to_owned(),
            "jan.kowalski@contoso.pl".to_owned(),
        ];
        let runs: Vec<Vec<SkippedItem>> = (0..400)
            .map(|n| skipped(&format!("job-{n}"), &users))
            .collect();
        let skipping = runs.iter().filter(|skipped| !skipped.is_empty()).count();
        assert!(
            (70..=130).contains(&skipping),
            "{skipping} of 400 runs skip items"
        );
        assert!(runs.iter().all(|skipped| skipped.len() <= 4));
        for reason in [
            SkipReason::TooLarge,
            SkipReason::Throttled,
            SkipReason::AccessDenied,
        ] {
            assert!(
                runs.iter().flatten().any(|item| item.reason == reason),
                "no run skips an item as {reason:?}"
            );
        }
        for item in runs.iter().flatten() {
            match item.reason {
                SkipReason::TooLarge => assert!(item.bytes.unwrap() > LARGEST_ITEM_BYTES),
                SkipReason::Throttled => assert!(users.contains(item.user.as_ref().unwrap())),
                SkipReason::AccessDenied => assert!(item.user.is_none()),
            }
        }
        assert_eq!(skipped("job-7", &users), skipped("job-7", &users));
        let nobody = (0..100).flat_map(|n| skipped(&format!("job-{n}"), &[]));
        assert!(
            nobody.into_iter().all(|item| item.user.is_none()),
            "a run of an organization without protected users names none"
        );
    }
}
