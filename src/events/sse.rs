//! The Server-Sent Events wire format, read from a byte stream in whatever chunks the network
//! delivers. Only what XMS's stream uses matters here (`event`, `data`, `id`, comments), but the
//! rules are the standard's, so any conforming server reads the same.

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event` field; `message` when the server named none.
    pub event: String,
    /// The `data` lines, joined with newlines.
    pub data: String,
    /// The last event id as of this event, to send back as `Last-Event-ID`.
    pub id: Option<String>,
}

/// Turns chunks of an event stream into events.
#[derive(Debug, Default)]
pub struct SseParser {
    /// Bytes of a line that has not ended yet (a chunk can end anywhere, even inside a
    /// UTF-8 sequence).
    pending: Vec<u8>,
    event: String,
    data: String,
    has_data: bool,
    last_id: Option<String>,
}

impl SseParser {
    /// Reads a chunk, returning the events it completed.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut events = Vec::new();
        for &byte in chunk {
            if byte == b'\n' {
                let mut line = std::mem::take(&mut self.pending);
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                if let Some(event) = self.line(&String::from_utf8_lossy(&line)) {
                    events.push(event);
                }
            } else {
                self.pending.push(byte);
            }
        }
        events
    }

    fn line(&mut self, line: &str) -> Option<SseEvent> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None; // a comment, such as a keep-alive
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => value.clone_into(&mut self.event),
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            "id" if !value.contains('\0') => self.last_id = Some(value.to_owned()),
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<SseEvent> {
        let event = std::mem::take(&mut self.event);
        if !std::mem::take(&mut self.has_data) {
            return None;
        }
        Some(SseEvent {
            event: if event.is_empty() {
                "message".to_owned()
            } else {
                event
            },
            data: std::mem::take(&mut self.data),
            id: self.last_id.clone(),
        })
    }
}
