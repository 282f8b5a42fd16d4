//! What every request handler shares, and how a server is set up: storage, the clock, the
//! subscription's licences and the services built on them.

use std::sync::Arc;

use crate::{clock, connections, db, events, jobs, sealing, session};

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Storage.
    pub db: db::Db,
    /// What time it is, for every part of the server.
    pub clock: clock::Clock,
    /// The licences of the XMS subscription the organizations' protected users hold.
    pub licences: u32,
    /// The bearer token API calls must carry.
    pub api_token: Arc<str>,
    /// Connection attempts under way.
    pub connections: Arc<connections::Connections>,
    /// Backup jobs and their simulated workers.
    pub jobs: Arc<jobs::Jobs>,
    /// The change stream.
    pub events: Arc<events::Events>,
    /// Cookie sessions, the alternative to the bearer token.
    pub sessions: Arc<session::Sessions>,
    /// The period that replaces every organization's user sync interval
    /// (`--user-sync-period`), so that the settings show when the next sync really is.
    pub user_sync_period: Option<std::time::Duration>,
}

/// How a server is set up, besides its storage and clock.
#[derive(Debug, Clone)]
pub struct Options {
    /// The bearer token API calls must carry.
    pub api_token: String,
    /// The licences of the XMS subscription.
    pub licences: u32,
    /// Where XMS signs in and reads organizations.
    pub microsoft: connections::MicrosoftConfig,
    /// How long a simulated backup runs once started.
    pub backup_duration: std::time::Duration,
    /// `--user-sync-period`, if given.
    pub user_sync_period: Option<std::time::Duration>,
    /// Seals the credentials XMS keeps.
    pub credential_key: sealing::CredentialKey,
}

impl AppState {
    /// The state of a server storing in `db` and living by `clock`, set up as `options` say.
    pub fn new(db: db::Db, clock: clock::Clock, options: Options) -> Result<Self, String> {
        let events = Arc::new(events::Events::default());
        Ok(Self {
            sessions: Arc::new(session::Sessions::new(db.clone(), clock)),
            connections: Arc::new(connections::Connections::new(
                options.microsoft,
                db.clone(),
                Arc::clone(&events),
                clock,
                (options.licences, options.credential_key),
            )?),
            jobs: Arc::new(jobs::Jobs::new(
                db.clone(),
                Arc::clone(&events),
                clock,
                options.backup_duration,
            )),
            db,
            clock,
            licences: options.licences,
            api_token: Arc::from(options.api_token),
            events,
            user_sync_period: options.user_sync_period,
        })
    }

    /// [`Self::user_sync_period`] in ms, as storage takes it.
    pub fn user_sync_period_ms(&self) -> Option<i64> {
        self.user_sync_period
            .map(|period| i64::try_from(period.as_millis()).unwrap_or(i64::MAX))
    }
}
