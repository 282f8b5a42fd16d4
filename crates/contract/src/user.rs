//! An organization's users as XMS knows them from Microsoft 365 (its directory, kept current by
//! the user sync), paged through on the server, and the one request that changes who of them
//! is protected, with its preview.

use serde::{Deserialize, Serialize};

use crate::{ErrorDetail, LicenceMode, Organization};

/// The most users one page holds.
pub const MAX_PAGE_SIZE: u32 = 200;
/// The page sizes the module offers; the API takes any from 1 to [`MAX_PAGE_SIZE`].
pub const PAGE_SIZES: [u32; 4] = [25, 50, 100, 200];
/// The most users a protection change names one by one; more are chosen by a filter.
pub const MAX_CHOSEN_USERS: u32 = 1_000;

/// Microsoft's id of a user (its Entra object id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct UserId(pub String);

/// What kind of account a user is. Each protected account holds one licence, whatever its
/// kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserKind {
    /// A person's account with a mailbox and OneDrive.
    User,
    /// A mailbox that several people use (`info@`, `sales@`), with no sign-in of its own.
    SharedMailbox,
    /// A meeting room's mailbox, which books it.
    RoomMailbox,
    /// A mailbox that books equipment, such as a projector or a car.
    EquipmentMailbox,
}

/// Where a user stands in Microsoft 365.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserState {
    /// Can sign in.
    Enabled,
    /// An administrator blocked the sign-in; the data is still there.
    SignInBlocked,
    /// Deleted in Microsoft 365, which keeps the account 30 days before purging it; its
    /// backups stay as long as it is protected.
    Deleted,
}

/// How a user's last backup ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BackupResult {
    /// Everything of the user was backed up.
    Succeeded,
    /// The backup stopped before it was done with this user.
    Failed,
}

/// A user's last backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserBackup {
    /// When it ended, RFC 3339 in UTC.
    pub at: String,
    /// How it ended.
    pub result: BackupResult,
    /// The user's items it backed up: mails, files, events, contacts.
    pub items: u64,
}

/// One user of an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// Microsoft's id.
    pub id: UserId,
    /// The name Microsoft 365 shows.
    pub display_name: String,
    /// The sign-in name, which is also the email address (`anna.kowalska@contoso.com`).
    pub principal_name: String,
    /// What kind of account it is.
    pub kind: UserKind,
    /// Where it stands in Microsoft 365.
    pub state: UserState,
    /// The names of the Microsoft 365 groups it belongs to, by name.
    pub groups: Vec<String>,
    /// Whether its data is backed up (it then holds a licence).
    pub protected: bool,
    /// Since when it is protected, RFC 3339 in UTC; `None` while it is not.
    pub protected_since: Option<String>,
    /// Its last backup; `None` before the first.
    pub last_backup: Option<UserBackup>,
}

/// Protected or not, to filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// Users whose data is backed up.
    Protected,
    /// Users whose data is not backed up.
    Unprotected,
}

/// How a user's last backup ended, or that there was none, to filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BackupFilter {
    /// The last backup succeeded.
    Succeeded,
    /// The last backup failed.
    Failed,
    /// Never backed up.
    Never,
}

/// Which users: every one that all the given conditions hold for (none given: every user).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UserFilter {
    /// Part of the display name or of the email address, in any case (at most 200
    /// characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200), param(max_length = 200))]
    pub search: Option<String>,
    /// Protected or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protection: Option<Protection>,
    /// Of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<UserKind>,
    /// In this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<UserState>,
    /// Members of this group (its `id` in `GET …/groups`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// With this last backup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<BackupFilter>,
}

/// The column a page is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserSort {
    /// The display name.
    #[default]
    Name,
    /// The email address.
    Email,
    /// The kind of account.
    Kind,
    /// The state in Microsoft 365.
    State,
    /// Protected or not (unprotected first when ascending).
    Protection,
    /// When the last backup ended (never backed up first when ascending).
    LastBackup,
}

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// A to Z, oldest first, smallest first.
    #[default]
    Ascending,
    /// The other way.
    Descending,
}

/// `GET /m365/organizations/{id}/users`: which page of which users, sorted how. Users equal
/// in the sorted column come by name, then by id (the same way round), so pages never
/// overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UserQuery {
    /// Which users (a route lists [`UserFilter`]'s parameters beside these).
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", param(ignore))]
    pub filter: UserFilter,
    /// The column to sort by.
    #[serde(default)]
    pub sort: UserSort,
    /// Which way.
    #[serde(default)]
    pub order: SortOrder,
    /// The page, from 1.
    #[serde(default = "first_page")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, default = 1))]
    pub page: u32,
    /// Users per page, 1 to 200.
    #[serde(default = "default_page_size")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 200, default = 50))]
    pub page_size: u32,
}

/// The first page, where paged lists start.
pub(crate) fn first_page() -> u32 {
    1
}

fn default_page_size() -> u32 {
    PAGE_SIZES[1]
}

impl Default for UserQuery {
    fn default() -> Self {
        Self {
            filter: UserFilter::default(),
            sort: UserSort::default(),
            order: SortOrder::default(),
            page: first_page(),
            page_size: default_page_size(),
        }
    }
}

/// An organization's licences and those of the XMS subscription, which all organizations
/// share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Licensing {
    /// How the organization's users get licences.
    pub mode: LicenceMode,
    /// The organization's users.
    pub user_count: u32,
    /// Its protected users, each holding a licence.
    pub protected_users: u32,
    /// The subscription's licences.
    pub subscription_licences: u32,
    /// The subscription's licences no organization uses.
    pub free_licences: u32,
}

/// One page of an organization's users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserPage {
    /// The users of the page, in the order asked for.
    pub users: Vec<User>,
    /// How many users match the filter, on all pages.
    pub total: u32,
    /// The page, from 1 (past the last page, it is empty).
    pub page: u32,
    /// Users per page.
    pub page_size: u32,
    /// The organization's name.
    pub organization_name: String,
    /// Its licences, and the subscription's.
    pub licensing: Licensing,
    /// When the last user sync ended, RFC 3339 in UTC; `None` before the first.
    pub last_user_sync_at: Option<String>,
}

/// Which users a protection change is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UserSelection {
    /// These users (at most [`MAX_CHOSEN_USERS`]).
    Chosen {
        /// Their ids.
        #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 1000))]
        ids: Vec<UserId>,
    },
    /// Every user the filter matches when the change is made.
    Matching {
        /// Which users.
        filter: UserFilter,
    },
}

/// `POST /m365/organizations/{id}/users/protection` (and `…/preview`): protect the selected
/// users, or deactivate their protection. It applies to all of them or to none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProtectionChange {
    /// `true` to protect, `false` to deactivate protection.
    pub protect: bool,
    /// Which users.
    pub users: UserSelection,
    /// For the change itself (a preview ignores it): how many users the administrator was
    /// told would change, the preview's `changing`. When the selection would now change
    /// another number (users came, went or changed meanwhile, such as all that match a
    /// filter), the change is refused (HTTP 409 `selection_changed`, with the new numbers)
    /// and nothing changes. Without it, the change is made as the selection now stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_changing: Option<u32>,
}

impl ProtectionChange {
    /// To protect (or deactivate the protection of) `users`, as they stand when it is made.
    pub fn new(protect: bool, users: UserSelection) -> Self {
        Self {
            protect,
            users,
            expected_changing: None,
        }
    }
}

/// What a protection change does, or would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProtectionPreview {
    /// Users selected.
    pub selected: u32,
    /// Of them, those whose protection changes (the others already are as asked).
    pub changing: u32,
    /// Licences the change takes from the free ones.
    pub licences_used: u32,
    /// Licences it frees.
    pub licences_freed: u32,
    /// Licences free before the change.
    pub free_licences: u32,
    /// Licences missing for the change: when not 0, it is refused and nothing changes.
    pub licences_short: u32,
}

/// The answer to a protection change that was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProtectionChanged {
    /// What it did.
    pub change: ProtectionPreview,
    /// The organization afterwards, with its new counts.
    pub organization: Organization,
}

/// The body of the 409 answer to a protection change that was refused, nothing changed: the
/// error (`licences_short`: it needs more licences than are free; `automatic_licensing`:
/// protection cannot be deactivated where licences are managed automatically;
/// `selection_changed`: it would change another number of users than expected), and what the
/// change would have done, with the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProtectionRefused {
    /// Why, and what to do.
    pub error: ErrorDetail,
    /// What the change would have done.
    pub preview: ProtectionPreview,
}
