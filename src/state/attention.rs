//! What needs the administrator: the states an organization can be in that ask for action,
//! as the dashboard's list keys carry them (`ListKey::needs`).

use xms_m365_contract::{Organization, OrganizationStatus, SECRET_EXPIRY_WARNING_DAYS};

use super::ListKey;

/// A state that needs the administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attention {
    /// The last backup failed.
    Failed,
    /// XMS's consent was revoked or expired.
    Reauthorize,
    /// The client secret of its own application expires within
    /// [`SECRET_EXPIRY_WARNING_DAYS`] (or has, and XMS has not checked it since).
    SecretExpiring,
    /// No backup has run yet.
    NeverBackedUp,
    /// The worker that backs it up is offline.
    WorkerOffline,
    /// Some of its users are not protected.
    Unprotected,
    /// Automatic licence management left users unprotected: the subscription is short.
    LicencesShort,
    /// A backup is queued or running (no action, but worth knowing while it lasts).
    Running,
}

impl Attention {
    /// Every state, in the summary's order: what stops backups first.
    pub const ALL: [Self; 8] = [
        Self::Failed,
        Self::Reauthorize,
        Self::SecretExpiring,
        Self::NeverBackedUp,
        Self::WorkerOffline,
        Self::Unprotected,
        Self::LicencesShort,
        Self::Running,
    ];

    /// Its bit in [`ListKey::needs`].
    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The states `organization` is in, as bits.
    pub fn of(organization: &Organization) -> u8 {
        let status = match organization.status {
            OrganizationStatus::LastBackupFailed => Self::Failed.bit(),
            OrganizationStatus::NeedsReauthorization => Self::Reauthorize.bit(),
            OrganizationStatus::NeverBackedUp => Self::NeverBackedUp.bit(),
            OrganizationStatus::BackupRunning => Self::Running.bit(),
            OrganizationStatus::Healthy => 0,
        };
        let offline = if organization.default_worker.online {
            0
        } else {
            Self::WorkerOffline.bit()
        };
        let unprotected = if organization.protected_users < organization.user_count {
            Self::Unprotected.bit()
        } else {
            0
        };
        let short = if organization.licences_short > 0 {
            Self::LicencesShort.bit()
        } else {
            0
        };
        let expiring = if Self::secret_expiring(organization) {
            Self::SecretExpiring.bit()
        } else {
            0
        };
        status | offline | unprotected | short | expiring
    }

    /// Whether `organization` is in [`Self::SecretExpiring`], by the browser's clock (the
    /// module's, which tests set): a client secret or certificate a check found wrong shows
    /// as [`Self::Reauthorize`].
    pub fn secret_expiring(organization: &Organization) -> bool {
        const WARNING_MS: f64 = SECRET_EXPIRY_WARNING_DAYS as f64 * 86_400_000.0;
        organization.credential_problem.is_none()
            && organization
                .secret_expires_at
                .as_ref()
                .or(organization.certificate_expires_at.as_ref())
                .is_some_and(|at| js_sys::Date::parse(at) - js_sys::Date::now() < WARNING_MS)
    }

    /// Whether the organization keyed `key` is in a state that asks for action: any but a
    /// backup running.
    pub fn asks_action(key: &ListKey) -> bool {
        key.needs & !Self::Running.bit() != 0
    }

    /// Whether the organization keyed `key` is in this state.
    pub fn holds(self, key: &ListKey) -> bool {
        key.needs & self.bit() != 0
    }

    /// Its value in the URL.
    pub fn param(self) -> &'static str {
        match self {
            Self::Failed => "failed",
            Self::Reauthorize => "reauthorize",
            Self::SecretExpiring => "secret-expiring",
            Self::NeverBackedUp => "never",
            Self::WorkerOffline => "worker-offline",
            Self::Unprotected => "unprotected",
            Self::LicencesShort => "licences-short",
            Self::Running => "running",
        }
    }

    /// The state a URL value names.
    pub fn from_param(value: Option<&str>) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|state| Some(state.param()) == value)
    }
}
