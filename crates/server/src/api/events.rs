//! The change stream ([`crate::events`]) over HTTP, as Server-Sent Events.

use std::{convert::Infallible, time::Duration};

use axum::{
    extract::State,
    http::HeaderMap,
    response::sse::{Event, KeepAlive, Sse},
};
use futures::Stream;
use xms_m365_contract::ServerEvent;

use crate::state::AppState;

/// The change stream: Server-Sent Events whose `data` is a `ServerEvent`. Send the last `id`
/// received as `Last-Event-ID` when reconnecting to receive what was missed.
#[utoipa::path(
    get,
    path = "/events",
    tag = "Events",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("Last-Event-ID" = Option<String>, Header, description = "The id of the last event received")),
    responses(
        (status = 200, description = "Server-Sent Events, each `data` a ServerEvent", content_type = "text/event-stream", body = ServerEvent),
    )
)]
pub async fn events_stream(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let last_id = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok());
    Sse::new(state.events.stream(last_id))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
