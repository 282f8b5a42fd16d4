//! An organization's backup policy: what is backed up, when, for how long, how securely, by
//! which worker and to which storage. XMS's default policy applies until a custom one is saved
//! (`PUT` with `If-Match`, as for the settings); `DELETE` returns to the default.

use serde::{Deserialize, Serialize};

use crate::{OrganizationId, PolicyKind, WorkerId, names::read_by_name};

/// The longest a copy can be kept by time, in days; longer is "forever" (the schemas below
/// spell it out as 3650 too).
pub const MAX_RETENTION_DAYS: u32 = 3650;
/// Differential copies are kept at least this many days: a differential backup runs weekly.
pub const MIN_DIFFERENTIAL_DAYS: u32 = 7;
/// The shortest encryption password, in characters.
pub const MIN_PASSWORD_CHARS: u32 = 8;

/// What a policy decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Policy {
    /// What is backed up, and whose.
    pub scope: BackupScope,
    /// When backups run.
    pub schedule: Schedule,
    /// How long copies are kept.
    pub retention: Retention,
    /// How copies are encrypted.
    pub encryption: EncryptionAlgorithm,
    /// The worker that runs the backups: the `id` of one of `GET /workers`; `None` for the
    /// organization's default worker.
    pub worker_id: Option<WorkerId>,
    /// Where copies are stored: the `id` of one of `GET /storages`.
    pub storage_id: StorageId,
}

/// What is backed up. At least one kind of data must be chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BackupScope {
    /// Exchange messages.
    pub mail: bool,
    /// Exchange calendars.
    pub calendars: bool,
    /// Exchange contacts.
    pub contacts: bool,
    /// Shared mailboxes as well as users' own (one licence each).
    pub shared_mailboxes: bool,
    /// OneDrive files and folders, with permissions.
    pub onedrive: bool,
    /// SharePoint sites: lists, libraries and versions.
    pub sharepoint: bool,
    /// Microsoft 365 groups.
    pub groups: bool,
    /// Whose data: all protected users, or the members of chosen groups.
    pub users: UserScope,
}

/// Whose data is backed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UserScope {
    /// Every protected user.
    AllProtected,
    /// The protected members of these groups (at least one; ids from `GET .../groups`).
    Groups {
        /// The chosen groups: `id`s of the organization's `GET .../groups`.
        #[cfg_attr(feature = "openapi", schema(min_items = 1))]
        group_ids: Vec<String>,
    },
}

/// When backups run, in the policy's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Schedule {
    /// The plan.
    pub plan: SchedulePlan,
    /// The IANA time zone the times are in, such as `Europe/Warsaw` (the document lists
    /// every name XMS knows).
    pub time_zone: String,
}

/// Xopero's schedule types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SchedulePlan {
    /// Every day at `time`: full on the first day of each month, incremental on the others.
    Basic {
        /// `HH:MM`, 24-hour.
        #[cfg_attr(
            feature = "openapi",
            schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
        )]
        time: String,
    },
    /// Full and incremental backups, each at its own frequency and time.
    Custom {
        /// When full backups run.
        full: Recurrence,
        /// When incremental backups run (between full ones).
        incremental: Recurrence,
    },
    /// One full backup, then only incremental ones.
    ForeverIncremental {
        /// When incremental backups run.
        incremental: Recurrence,
    },
    /// Grandfather-father-son: full monthly on `full_day_of_month`, differential weekly on
    /// `differential_weekday`, incremental on the other days, all at `time`.
    Gfs {
        /// `HH:MM`, 24-hour.
        #[cfg_attr(
            feature = "openapi",
            schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
        )]
        time: String,
        /// 1 to 31; in shorter months, the last day.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 31))]
        full_day_of_month: u8,
        /// The weekday of the differential backup.
        differential_weekday: Weekday,
    },
}

/// A repeating time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recurrence {
    /// How often.
    pub frequency: Frequency,
    /// `HH:MM`, 24-hour; for hourly runs only the minutes count.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub time: String,
    /// For weekly runs: the day.
    pub weekday: Weekday,
    /// For monthly runs: 1 to 31; in shorter months, the last day. Any number is accepted
    /// for other frequencies, which ignore it.
    pub day_of_month: u8,
}

/// How often a backup repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every hour.
    Hourly,
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

/// How long copies are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Retention {
    /// Nothing is ever deleted.
    Forever,
    /// Each kind of copy is deleted after so many days, at most 3650 (longer is `forever`).
    /// Full copies must outlive the full-backup cycle (or a restore would lack its base): at
    /// least 31 days for Basic and GFS, 7 for a weekly custom full backup, 31 for a monthly one.
    ByTime {
        /// Days full copies are kept.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 3650))]
        full_days: u32,
        /// Days differential copies are kept: GFS only (7 to 3650); `None` otherwise.
        #[cfg_attr(feature = "openapi", schema(minimum = 7, maximum = 3650))]
        differential_days: Option<u32>,
        /// Days incremental copies are kept.
        #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 3650))]
        incremental_days: u32,
    },
}

/// How copies are encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EncryptionAlgorithm {
    /// Not encrypted.
    Off,
    /// AES in CBC mode.
    AesCbc,
    /// AES in GCM mode.
    AesGcm,
}

/// The kind of a backup run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum BackupKind {
    /// Everything.
    Full,
    /// What changed since the last full backup.
    Differential,
    /// What changed since the last backup.
    Incremental,
}

read_by_name!(BackupKind {
    Full = "full",
    Differential = "differential",
    Incremental = "incremental",
});

/// A run the schedule will start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlannedRun {
    /// When, RFC 3339 in UTC.
    pub at: String,
    /// When, in the policy's time zone, as `YYYY-MM-DDTHH:MM` (what the administrator chose).
    pub local: String,
    /// Which kind.
    pub kind: BackupKind,
}

/// `GET /m365/organizations/{id}/policy` (its `ETag` header is [`Self::etag`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyView {
    /// The organization.
    pub organization_id: OrganizationId,
    /// Default or custom.
    pub kind: PolicyKind,
    /// The policy in force.
    pub policy: Policy,
    /// Whether an encryption password is set (the password itself is never sent back).
    pub encryption_password_set: bool,
    /// The version, also sent as `ETag`: send it back as `If-Match`.
    pub etag: String,
    /// The next runs of the schedule, soonest first (at least the next full one).
    pub next_runs: Vec<PlannedRun>,
}

/// `PUT /m365/organizations/{id}/policy` (with `If-Match`): saves a custom policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavePolicy {
    /// The policy.
    pub policy: Policy,
    /// A new encryption password of at least 8 characters; required when encrypting and none
    /// is set, or when the algorithm changes. Stored only as a hash; never sent back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 8))]
    pub encryption_password: Option<String>,
}

/// `POST /m365/organizations/{id}/policy/preview` with a [`Policy`]: its next runs, computed
/// as the scheduler will, without saving anything (422 with field errors when invalid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicyPreview {
    /// The next runs, soonest first.
    pub next_runs: Vec<PlannedRun>,
}

/// XMS's identifier of a storage target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct StorageId(pub String);

/// Where backups can be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Storage {
    /// XMS's identifier.
    pub id: StorageId,
    /// Its name.
    pub name: String,
    /// What it is, in words (`Xopero Cloud Storage`, `NFS share`).
    pub kind: String,
}

/// `GET /storages`: every storage target.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorageList {
    /// The storages.
    pub storages: Vec<Storage>,
}

/// A Microsoft 365 group of an organization, for choosing whose data is backed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Group {
    /// Its id in Microsoft 365.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// How many members it has.
    pub members: u32,
}

/// `GET /m365/organizations/{id}/groups`: the organization's groups, by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupList {
    /// The groups.
    pub groups: Vec<Group>,
}
