//! Following XMS's change stream (`GET /events`): one subscription per page, read with
//! `fetch` because `EventSource` cannot send the bearer token. A dropped stream is reopened
//! with `Last-Event-ID`, so XMS replays what was missed; the page learns whether the stream is
//! live, to poll while it is not.

mod sse;

pub use sse::{SseEvent, SseParser};

use std::time::Duration;

use futures::future::{AbortHandle, Abortable};
use gloo_timers::future::sleep;
use js_sys::{Reflect, Uint8Array};
use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, ReadableStreamDefaultReader};
use xms_m365_contract::ServerEvent;

use crate::api::{ApiClient, ApiError};

/// The first wait before reopening a dropped stream; it doubles up to [`LONGEST_RETRY`].
const FIRST_RETRY: Duration = Duration::from_secs(1);
/// The longest wait between attempts to reopen the stream.
const LONGEST_RETRY: Duration = Duration::from_secs(15);

/// Whether changes are arriving as they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamStatus {
    /// Opening the stream for the first time.
    Connecting,
    /// Open: changes arrive as they happen.
    Live,
    /// Dropped or refused; being reopened.
    Interrupted,
}

/// What the stream tells its subscriber.
pub trait Subscriber: 'static {
    /// The stream opened. `fresh` when XMS replays nothing (opened from now rather than from
    /// an event): whatever was loaded before may already be stale.
    fn opened(&self, fresh: bool);
    /// A change arrived.
    fn changed(&self, event: ServerEvent);
    /// The stream dropped or could not be opened.
    fn interrupted(&self);
}

/// Follows the change stream until the current reactive owner is cleaned up: from the event
/// `since` (the one a list loaded first is current as of), or from now.
pub fn follow_changes(api: ApiClient, subscriber: impl Subscriber, since: Option<String>) {
    let Ok(controller) = AbortController::new() else {
        subscriber.interrupted();
        return;
    };
    let (handle, registration) = AbortHandle::new_pair();
    let signal = controller.signal();
    spawn_local(async move {
        let _ = Abortable::new(follow(api, signal, subscriber, since), registration).await;
    });
    // Aborting the fetch closes the connection; aborting the task stops the waits between.
    on_cleanup(move || {
        controller.abort();
        handle.abort();
    });
}

async fn follow(
    api: ApiClient,
    signal: AbortSignal,
    subscriber: impl Subscriber,
    since: Option<String>,
) {
    let mut last_id = since;
    let mut retry = FIRST_RETRY;
    loop {
        let opened = read_stream(&api, &signal, &mut last_id, &subscriber).await;
        if opened {
            retry = FIRST_RETRY;
        }
        subscriber.interrupted();
        sleep(retry).await;
        retry = (retry * 2).min(LONGEST_RETRY);
    }
}

/// Opens the stream and reads it until it ends; whether it opened at all.
async fn read_stream(
    api: &ApiClient,
    signal: &AbortSignal,
    last_id: &mut Option<String>,
    subscriber: &impl Subscriber,
) -> bool {
    let response = match api.events(last_id.as_deref(), signal).await {
        Ok(response) => response,
        Err(_) => return false,
    };
    subscriber.opened(last_id.is_none());
    let Some(body) = response.body() else {
        return true;
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut parser = SseParser::default();
    while let Ok(chunk) = read_chunk(&reader).await {
        let Some(bytes) = chunk else { break };
        for sse in parser.feed(&bytes) {
            if sse.id.is_some() {
                last_id.clone_from(&sse.id);
            }
            // An event this module does not know (a newer XMS) is skipped, not fatal.
            if let Ok(event) = serde_json::from_str::<ServerEvent>(&sse.data) {
                subscriber.changed(event);
            }
        }
    }
    true
}

/// The next chunk of the body, `None` at its end.
async fn read_chunk(reader: &ReadableStreamDefaultReader) -> Result<Option<Vec<u8>>, ApiError> {
    let result = JsFuture::from(reader.read())
        .await
        .map_err(|_| ApiError::Unreachable)?;
    let done = Reflect::get(&result, &"done".into()).map_err(|_| ApiError::Unreachable)?;
    if done.as_bool() == Some(true) {
        return Ok(None);
    }
    let value = Reflect::get(&result, &"value".into()).map_err(|_| ApiError::Unreachable)?;
    Ok(Some(Uint8Array::new(&value).to_vec()))
}
