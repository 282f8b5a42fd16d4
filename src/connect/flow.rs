//! A connection attempt as a state machine, and the loop that follows it on XMS: no faster
//! than its interval, slower when XMS says `slow_down`, paused while the page is hidden and
//! checked at once when it shows again, backing off while XMS cannot be reached.

use std::time::Duration;

use futures::{StreamExt, channel::mpsc::UnboundedReceiver, future::select};
use gloo_timers::future::sleep;
use leptos::prelude::*;
use xms_m365_contract::{Connection, ConnectionState, Organization, StartConnection};

use crate::{
    api::{ApiClient, ApiError},
    i18n::{I18n, t},
};

/// The longest wait between checks while XMS cannot be reached.
const MAX_BACKOFF: Duration = Duration::from_secs(15);

/// Where the Connect dialog stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Asking XMS for a code.
    Starting,
    /// XMS could not start the attempt.
    StartFailed(ApiError),
    /// The code is on screen; waiting for the administrator to sign in.
    Waiting {
        /// The attempt, as XMS last described it.
        connection: Connection,
        /// XMS could not be reached on the last check; checks go on with backoff.
        reconnecting: bool,
    },
    /// The organization is connected.
    Connected {
        /// The organization as stored.
        organization: Box<Organization>,
        /// It was connected before and has been refreshed.
        already_connected: bool,
    },
    /// The code expired: a new one is needed.
    Expired,
    /// The sign-in was cancelled on Microsoft's page.
    Declined,
    /// Microsoft refused the sign-in or XMS could not finish it.
    Failed(Failure),
    /// The admin enters an application they registered in the tenant instead.
    Application,
}

/// Why an attempt failed after it started.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Someone cancelled it in XMS.
    CancelledInXms,
    /// XMS says why, in its words (Microsoft's refusal, for one).
    Xms(String),
    /// The tenant's Conditional Access blocks signing in with a device code: registering the
    /// application can still connect it.
    DeviceCodeBlocked,
    /// Asking XMS about it failed.
    Api(ApiError),
}

impl Failure {
    /// Why, in the active language.
    pub fn words(&self, i18n: I18n) -> String {
        match self {
            Self::CancelledInXms => t!(i18n, "connect-cancelled-in-xms"),
            Self::Xms(message) => message.clone(),
            Self::DeviceCodeBlocked => t!(i18n, "connect-device-code-blocked"),
            Self::Api(error) => error.words(i18n),
        }
    }
}

impl Phase {
    /// The phase an attempt XMS describes as `connection` puts the dialog in.
    fn of(connection: Connection) -> Self {
        match connection.state {
            ConnectionState::Pending => Self::Waiting {
                connection,
                reconnecting: false,
            },
            ConnectionState::Succeeded {
                organization,
                already_connected,
            } => Self::Connected {
                organization,
                already_connected,
            },
            ConnectionState::Expired => Self::Expired,
            ConnectionState::Declined => Self::Declined,
            ConnectionState::Cancelled => Self::Failed(Failure::CancelledInXms),
            ConnectionState::Failed {
                message,
                device_code_blocked,
            } => Self::Failed(if device_code_blocked {
                Failure::DeviceCodeBlocked
            } else {
                Failure::Xms(message)
            }),
        }
    }
}

/// Starts an attempt (for `start`) and follows it until it ends, telling `connected` of the
/// organization it connects. `woken` yields when the page becomes visible again; `hidden` says
/// whether it is hidden now.
pub async fn run(
    api: ApiClient,
    start: StartConnection,
    set_phase: WriteSignal<Phase>,
    connected: impl Fn(&Organization),
    mut woken: UnboundedReceiver<()>,
    hidden: impl Fn() -> bool,
) {
    let settle = |phase: Phase| {
        if let Phase::Connected { organization, .. } = &phase {
            connected(organization);
        }
        set_phase.try_set(phase);
    };
    set_phase.try_set(Phase::Starting);
    let connection = match api.start_connection(&start).await {
        Ok(connection) => connection,
        Err(error) => {
            set_phase.try_set(Phase::StartFailed(error));
            return;
        }
    };
    let id = connection.id.clone();
    let interval = seconds(connection.interval_secs);
    let mut delay = interval;
    settle(Phase::of(connection));
    loop {
        // Wait the interval, unless the page just became visible again: then check at once.
        let _ = select(sleep(delay), woken.next()).await;
        while hidden() {
            if woken.next().await.is_none() {
                return;
            }
        }
        match api.connection(&id).await {
            Ok(latest) => {
                delay = seconds(latest.interval_secs);
                let pending = latest.state.is_pending();
                settle(Phase::of(latest));
                if !pending {
                    return;
                }
            }
            Err(error) if error.is_slow_down() => delay += Duration::from_secs(5),
            Err(ApiError::Unreachable) => {
                set_phase.try_update(|phase| {
                    if let Phase::Waiting { reconnecting, .. } = phase {
                        *reconnecting = true;
                    }
                });
                delay = (delay * 2).clamp(interval, MAX_BACKOFF.max(interval));
            }
            Err(error) => {
                set_phase.try_set(Phase::Failed(Failure::Api(error)));
                return;
            }
        }
    }
}

fn seconds(secs: u32) -> Duration {
    Duration::from_secs(u64::from(secs.max(1)))
}
