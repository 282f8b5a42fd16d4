//! The status line's announcements: what the module last said to the administrator.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::I18n;

/// What the status line says, worded in the language active when it is shown.
type Words = Arc<dyn Fn(I18n) -> String + Send + Sync>;

/// Says something to the administrator in the page's status line, such as an organization
/// having been removed.
#[derive(Clone, Copy, Default)]
pub struct Announcer(RwSignal<Option<Words>>);

impl Announcer {
    /// Shows and announces `message`, as worded.
    pub fn say(&self, message: String) {
        self.tell(move |_| message.clone());
    }

    /// Shows and announces what `words` says in the active language. The status line stays in
    /// sight, so it is re-worded when the host switches the language.
    pub fn tell(&self, words: impl Fn(I18n) -> String + Send + Sync + 'static) {
        self.0.try_set(Some(Arc::new(words)));
    }

    /// What the status line says (tracked): nothing until something is said.
    pub fn words(self, i18n: I18n) -> String {
        self.0
            .with(|words| words.as_ref().map(|words| words(i18n)))
            .unwrap_or_default()
    }
}
