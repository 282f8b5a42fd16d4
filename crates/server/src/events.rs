//! The change stream behind `GET /api/v1/events`: every change is numbered and kept in a
//! bounded buffer, so a client that reconnects with `Last-Event-ID` gets what it missed; one
//! whose events are gone (a restart, or too long away) is told to resync.

use std::{collections::VecDeque, convert::Infallible, sync::Arc, sync::Mutex};

use axum::response::sse::Event;
use futures::{Stream, StreamExt, stream};
use tokio::sync::{broadcast, watch};
use xms_m365_contract::{Organization, ServerEvent};

use crate::{
    db::{Db, DbError},
    store::organizations,
};

/// A numbered event.
type Numbered = (u64, ServerEvent);
/// An event to replay: numbered, or a resync that has no number.
type Replayed = (Option<u64>, ServerEvent);

/// How many past events are kept for reconnecting clients.
const BUFFER: usize = 4096;

/// Publishes changes to every subscriber.
pub struct Events {
    /// Distinguishes this run's event ids from a previous run's.
    epoch: String,
    past: Mutex<(u64, VecDeque<Numbered>)>,
    live: broadcast::Sender<Numbered>,
    /// Set when the server shuts down: open streams end, so that shutting down does not wait
    /// for clients that would never hang up.
    closed: watch::Sender<bool>,
}

impl Default for Events {
    fn default() -> Self {
        Self {
            epoch: uuid::Uuid::new_v4().simple().to_string()[..8].to_owned(),
            past: Mutex::new((0, VecDeque::with_capacity(BUFFER))),
            live: broadcast::channel(BUFFER).0,
            closed: watch::channel(false).0,
        }
    }
}

impl Events {
    /// Publishes a change.
    pub fn publish(&self, event: ServerEvent) {
        let mut past = self.past.lock().unwrap_or_else(|p| p.into_inner());
        past.0 += 1;
        let sequence = past.0;
        if past.1.len() == BUFFER {
            past.1.pop_front();
        }
        past.1.push_back((sequence, event.clone()));
        // Sent under the lock, so a subscriber sees past and live events in order, once.
        let _ = self.live.send((sequence, event));
    }

    /// Publishes organization `id`'s new summary (its status and last backup follow its jobs,
    /// its next backup its policy), if it is still there; returns it as published.
    pub fn publish_organization(&self, db: &Db, id: &str) -> Result<Option<Organization>, DbError> {
        let organization = db.read(|conn| organizations::get(conn, id))?;
        if let Some(organization) = &organization {
            self.publish(ServerEvent::OrganizationChanged {
                organization: Box::new(organization.clone()),
            });
        }
        Ok(organization)
    }

    /// Ends every open stream, and any opened from now on, at once.
    pub fn close(&self) {
        self.closed.send_replace(true);
    }

    /// The id of the last event published so far: whatever is read after this call reflects
    /// at least that event, and a stream opened with it as `Last-Event-ID` replays every
    /// later one.
    pub fn last_id(&self) -> String {
        let past = self.past.lock().unwrap_or_else(|p| p.into_inner());
        self.id(past.0)
    }

    fn id(&self, sequence: u64) -> String {
        format!("{}-{sequence}", self.epoch)
    }

    /// The events after `last_id`, or `None` when they are no longer all available.
    fn since(&self, last_id: &str) -> Option<Vec<Numbered>> {
        let (epoch, sequence) = last_id.split_once('-')?;
        let sequence: u64 = sequence.parse().ok()?;
        if epoch != self.epoch {
            return None;
        }
        let past = self.past.lock().unwrap_or_else(|p| p.into_inner());
        let oldest = past.1.front().map_or(past.0 + 1, |(first, _)| *first);
        if sequence + 1 < oldest || sequence > past.0 {
            return None;
        }
        Some(
            past.1
                .iter()
                .filter(|(number, _)| *number > sequence)
                .cloned()
                .collect(),
        )
    }

    /// Subscribes: the missed events (or a resync) first, then live ones.
    fn subscribe(&self, last_id: Option<&str>) -> (Vec<Replayed>, broadcast::Receiver<Numbered>) {
        // Subscribing before reading the past, under its lock, means nothing falls between.
        let past = self.past.lock().unwrap_or_else(|p| p.into_inner());
        let live = self.live.subscribe();
        drop(past);
        let replay = match last_id {
            None => Vec::new(),
            Some(last_id) => match self.since(last_id) {
                Some(missed) => missed.into_iter().map(|(n, e)| (Some(n), e)).collect(),
                None => vec![(None, ServerEvent::Resync)],
            },
        };
        (replay, live)
    }
}

fn sse_event(events: &Events, sequence: Option<u64>, event: &ServerEvent) -> Event {
    let sse = Event::default()
        .event(event.name())
        .data(serde_json::to_string(event).expect("events serialize"));
    match sequence {
        Some(sequence) => sse.id(events.id(sequence)),
        None => sse,
    }
}

impl Events {
    /// The change stream as Server-Sent Events whose `data` is a `ServerEvent`: the events
    /// after `last_id` first (or a resync when they are gone), then live ones, until the
    /// server closes it.
    pub fn stream(
        self: &Arc<Self>,
        last_id: Option<&str>,
    ) -> impl Stream<Item = Result<Event, Infallible>> + use<> {
        let (replay, live) = self.subscribe(last_id);
        let replayed_up_to = replay.iter().filter_map(|(n, _)| *n).max().unwrap_or(0);
        let events = Arc::clone(self);
        let past = {
            let events = events.clone();
            stream::iter(
                replay
                    .into_iter()
                    .map(move |(sequence, event)| Ok(sse_event(&events, sequence, &event))),
            )
        };
        let live = stream::unfold(live, |mut live| async move {
            match live.recv().await {
                Ok(item) => Some((Some(item), live)),
                // Too slow to keep up: tell the client to resync rather than skip silently.
                Err(broadcast::error::RecvError::Lagged(_)) => Some((None, live)),
                Err(broadcast::error::RecvError::Closed) => None,
            }
        })
        .filter_map(move |item| {
            let events = events.clone();
            async move {
                match item {
                    Some((sequence, _)) if sequence <= replayed_up_to => None,
                    Some((sequence, event)) => Some(Ok(sse_event(&events, Some(sequence), &event))),
                    None => Some(Ok(sse_event(&events, None, &ServerEvent::Resync))),
                }
            }
        });
        let mut closed = self.closed.subscribe();
        let closing = async move {
            let _ = closed.wait_for(|closed| *closed).await;
        };
        past.chain(live).take_until(closing)
    }
}
