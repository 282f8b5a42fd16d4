//! One versioned form, which both editors (the Edit panel's settings, the policy) are views
//! over: the document as saved and the value as edited, saved against the version read; a
//! save that finds someone else's newer version (412, which comes with theirs) lets the
//! administrator keep theirs or their own; a failed save keeps every value; the edit in
//! progress outlives the view in [`Drafts`].

use std::rc::Rc;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use xms_m365_contract::{FieldError, OrganizationId};

use super::ButtonStyle;
use crate::{
    api::{ApiError, Change},
    i18n::{MessageId, t, use_i18n},
    state::{Draft, Drafts, Versioned},
};

/// A request that answers the document's new version, or someone else's.
type Request<D> = LocalBoxFuture<'static, Result<Change<D>, ApiError>>;

/// The editor's save: a value sent against an ETag.
type Save<D> = Rc<dyn Fn(String, <D as Versioned>::Value) -> Request<D>>;

/// One write of the form: its request, and what to say once it is done (nothing for a save,
/// which the view words).
pub struct Write<D: Versioned> {
    send: Rc<dyn Fn() -> Request<D>>,
    done: Option<MessageId>,
    /// The value the write sends, which XMS's word on its fields is about.
    sent: D::Value,
}

/// What XMS said of the fields of a value it refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected<V> {
    /// The value refused.
    pub value: V,
    /// What is wrong with each field.
    pub fields: Vec<FieldError>,
}

/// What a write ended in.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<D> {
    /// Saved; the message says what was done, if it was not a save.
    Saved(Option<MessageId>),
    /// Not saved, for this reason; every value is kept.
    Failed(ApiError),
    /// Someone else saved first: theirs, to show beside the administrator's.
    Conflict(D),
}

/// Where the form's writes stand.
#[derive(Debug, Clone, PartialEq)]
pub enum Status<D> {
    /// Nothing written since the form opened, or since a conflict was settled.
    Idle,
    /// A write is under way.
    Saving,
    /// How the last write ended.
    Done(Outcome<D>),
}

/// The form's state; `Copy`, so every view and handler of the editor holds it.
pub struct VersionedForm<D: Versioned> {
    /// The document as last read or saved: what the next save is made against.
    pub saved: RwSignal<D>,
    /// The value as the administrator has it.
    pub values: RwSignal<D::Value>,
    /// What XMS said of the fields at the last refused save, until a save succeeds.
    pub rejected: RwSignal<Option<Rejected<D::Value>>>,
    /// Whether the value differs from the saved one.
    pub dirty: Memo<bool>,
    /// Whether the form opened on an edit kept from before.
    pub restored: bool,
    write: Action<Write<D>, Outcome<D>>,
    save: StoredValue<Save<D>, LocalStorage>,
}

impl<D: Versioned> Clone for VersionedForm<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Versioned> Copy for VersionedForm<D> {}

impl<D: Versioned> VersionedForm<D> {
    /// The form over `loaded` (organization `id`'s document as just read), resuming the
    /// organization's edit in progress if there is one. `save` sends a value against an ETag.
    pub fn new<S, SF>(id: OrganizationId, loaded: D, save: S) -> Self
    where
        S: Fn(String, D::Value) -> SF + 'static,
        SF: Future<Output = Result<Change<D>, ApiError>> + 'static,
    {
        let drafts = expect_context::<Drafts<D>>();
        let draft = drafts.get(&id);
        let restored = draft.is_some();
        // A draft begun on an older version is a conflict from the start.
        let start = draft
            .as_ref()
            .filter(|draft| draft.base.etag() != loaded.etag())
            .map(|_| Outcome::Conflict(loaded.clone()));
        let (base, value) = match draft {
            Some(draft) => (draft.base, draft.value),
            None => (loaded.clone(), loaded.value().clone()),
        };
        let saved = RwSignal::new(base);
        let values = RwSignal::new(value);
        let rejected = RwSignal::new(None);
        let dirty = Memo::new(move |_| saved.with(|s| values.with(|v| v != s.value())));

        let write = Action::new_unsync_local_with_value(start, move |write: &Write<D>| {
            let (send, done) = (write.send.clone(), write.done);
            let sent = write.sent.clone();
            async move {
                match send().await {
                    Ok(Change::Saved(view)) => {
                        values.try_set(view.value().clone());
                        saved.try_set(view);
                        rejected.try_set(None);
                        Outcome::Saved(done)
                    }
                    Ok(Change::Stale(theirs)) => Outcome::Conflict(theirs),
                    Err(error) => {
                        let fields = error.field_errors();
                        rejected.try_set((!fields.is_empty()).then_some(Rejected {
                            value: sent,
                            fields,
                        }));
                        Outcome::Failed(error)
                    }
                }
            }
        });
        let save: Save<D> = Rc::new(move |etag, value| Box::pin(save(etag, value)));
        // The edit in progress is kept outside the view, in the module's drafts.
        Effect::new(move |_| {
            drafts.keep(
                &id,
                Draft {
                    base: saved.get(),
                    value: values.get(),
                },
            );
        });
        Self {
            saved,
            values,
            rejected,
            dirty,
            restored,
            write,
            save: StoredValue::new_local(save),
        }
    }

    /// Where the form's writes stand (tracked).
    pub fn status(&self) -> Status<D> {
        if self.write.pending().get() {
            return Status::Saving;
        }
        self.write.value().get().map_or(Status::Idle, Status::Done)
    }

    /// Whether a write is under way or a conflict waits for a choice (tracked): no save then.
    pub fn busy(&self) -> bool {
        self.write.pending().get()
            || self
                .write
                .value()
                .with(|outcome| matches!(outcome, Some(Outcome::Conflict(_))))
    }

    /// Whether the last write ended saved (tracked).
    pub fn just_saved(&self) -> bool {
        !self.write.pending().get()
            && self
                .write
                .value()
                .with(|outcome| matches!(outcome, Some(Outcome::Saved(_))))
    }

    /// Saves the value against the version read, unless a write is under way.
    pub fn submit(&self) {
        let save = self.save.get_value();
        let etag = self.saved.with_untracked(|saved| saved.etag().to_owned());
        let value = self.values.get_untracked();
        self.send(Write {
            send: Rc::new({
                let value = value.clone();
                move || save(etag.clone(), value.clone())
            }),
            done: None,
            sent: value,
        });
    }

    /// Sends another write of the document (such as a reset), said with `done` once done.
    pub fn send_with<W, WF>(&self, done: MessageId, write: W)
    where
        W: Fn() -> WF + 'static,
        WF: Future<Output = Result<Change<D>, ApiError>> + 'static,
    {
        self.send(Write {
            send: Rc::new(move || Box::pin(write())),
            done: Some(done),
            sent: self.values.get_untracked(),
        });
    }

    fn send(&self, write: Write<D>) {
        if !self.write.pending().get_untracked() {
            self.write.dispatch_local(write);
        }
    }

    /// Settles a conflict for the administrator's value: saved over `theirs`.
    pub fn keep_mine(&self, theirs: D) {
        self.saved.set(theirs);
        self.write.clear();
        self.submit();
    }

    /// Settles a conflict for `theirs`, dropping the administrator's changes.
    pub fn take_theirs(&self, theirs: D) {
        self.values.set(theirs.value().clone());
        self.saved.set(theirs);
        self.write.clear();
    }
}

/// The words a form's status says, where the two editors word them differently.
#[derive(Debug, Clone, Copy)]
pub struct FormWords {
    /// Said when a save succeeded.
    pub saved: MessageId,
    /// Said when XMS refused fields: where to look.
    pub fields: MessageId,
    /// Said when a save failed otherwise, with `$reason`.
    pub failed: MessageId,
    /// The conflict's title.
    pub conflict_title: MessageId,
    /// The conflict's explanation.
    pub conflict_text: MessageId,
}

/// How the last write went: saving, saved, failed (with Retry when retrying can help), or a
/// conflict with the choice between the administrator's value and theirs. `rows` shows the
/// two side by side, if the editor has such a comparison.
#[component]
pub fn SaveStatus<D, R, RV>(
    form: VersionedForm<D>,
    words: FormWords,
    /// Called for Retry.
    retry: Callback<()>,
    /// The comparison of the administrator's value (first) and theirs.
    rows: R,
) -> impl IntoView
where
    D: Versioned,
    R: Fn(D::Value, D) -> RV + Send + Sync + 'static,
    RV: IntoView + 'static,
{
    let i18n = use_i18n();
    move || match form.status() {
        Status::Idle => ().into_any(),
        Status::Saving => view! {
            <p class="m365-status" role="status">{move || t!(i18n, "form-saving")}</p>
        }
        .into_any(),
        Status::Done(Outcome::Saved(message)) => view! {
            <p class="m365-note" role="status">
                {move || i18n.say(message.unwrap_or(words.saved))}
            </p>
        }
        .into_any(),
        Status::Done(Outcome::Failed(error)) => {
            let has_fields = !error.field_errors().is_empty();
            view! {
                <div class="m365-alert" role="alert">
                    <p class="m365-alert__message">
                        {move || if has_fields {
                            i18n.say(words.fields)
                        } else {
                            i18n.say_with(words.failed, "reason", error.words(i18n).into())
                        }}
                    </p>
                    <Show when=move || !has_fields>
                        <button type="button" class=ButtonStyle::Primary.class() on:click=move |_| retry.run(())>
                            {move || t!(i18n, "load-failed-retry")}
                        </button>
                    </Show>
                </div>
            }
            .into_any()
        }
        Status::Done(Outcome::Conflict(theirs)) => {
            let compared = rows(form.values.get_untracked(), theirs.clone());
            let kept = theirs.clone();
            view! {
                <div class="m365-conflict">
                    <p role="alert">
                        <strong>{move || i18n.say(words.conflict_title)}</strong>
                        " "
                        {move || i18n.say(words.conflict_text)}
                    </p>
                    {compared}
                    <div class="m365-settings__inline">
                        <button
                            type="button"
                            class=ButtonStyle::Primary.class()
                            on:click=move |_| form.keep_mine(kept.clone())
                        >
                            {move || t!(i18n, "conflict-keep-mine")}
                        </button>
                        <button
                            type="button"
                            class=ButtonStyle::Secondary.class()
                            on:click=move |_| form.take_theirs(theirs.clone())
                        >
                            {move || t!(i18n, "conflict-take-theirs")}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests;
