//! Component tests of reading XMS's change stream: the Server-Sent Events format, whatever
//! chunks the network cuts it into.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use xms_m365::{SseEvent, SseParser};

wasm_bindgen_test_configure!(run_in_browser);

fn event(event: &str, data: &str, id: Option<&str>) -> SseEvent {
    SseEvent {
        event: event.into(),
        data: data.into(),
        id: id.map(Into::into),
    }
}

#[wasm_bindgen_test]
fn events_cut_anywhere_come_out_whole() {
    let stream = "event: job_progress\nid: ab-1\ndata: {\"a\":\"ż\"}\n\n: keep-alive\n\nevent: resync\ndata: {}\n\n";
    let bytes = stream.as_bytes();
    // Every split point, including inside the two-byte "ż".
    for cut in 0..bytes.len() {
        let mut parser = SseParser::default();
        let mut events = parser.feed(&bytes[..cut]);
        events.extend(parser.feed(&bytes[cut..]));
        assert_eq!(
            events,
            [
                event("job_progress", "{\"a\":\"ż\"}", Some("ab-1")),
                // The last id carries over to events that set none.
                event("resync", "{}", Some("ab-1")),
            ],
            "cut at {cut}"
        );
    }
}

#[wasm_bindgen_test]
fn data_lines_join_crlf_ends_lines_and_an_event_without_data_is_dropped() {
    let mut parser = SseParser::default();
    let events = parser.feed(b"data:one\r\ndata: two\r\n\r\nevent: empty\nid: 7\n\ndata\n\n");
    assert_eq!(
        events,
        [
            event("message", "one\ntwo", None),
            event("message", "", Some("7"))
        ]
    );
}
