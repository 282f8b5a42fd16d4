//! Changing who is protected: the selection (users chosen on the list's pages, or all the
//! filter matches), and the one way every change goes, for one user's checkbox or for the
//! selection: XMS previews it, the module's own alert dialog asks with its numbers, XMS makes
//! it all or not at all, and a refusal says why with the numbers, the selection kept.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};
use xms_m365_contract::{
    ErrorCode, OrganizationId, ProtectionChange, ProtectionPreview, ProtectionRefused, UserFilter,
    UserId, UserSelection,
};

use crate::{
    api::{ApiClient, ApiError, Protection},
    i18n::{I18n, t},
    state::Dashboard,
};

/// Whom the administrator selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Selected {
    /// Nobody.
    #[default]
    None,
    /// These users (id and name), picked on the list's pages.
    Chosen(Vec<(UserId, String)>),
    /// Every user the filter matches, on every page.
    Matching(UserFilter),
}

impl Selected {
    /// Whether the user of `id` is selected (all matching are).
    pub fn has(&self, id: &UserId) -> bool {
        match self {
            Self::None => false,
            Self::Chosen(users) => users.iter().any(|(chosen, _)| chosen == id),
            Self::Matching(_) => true,
        }
    }

    /// The selection with the user of `id` (named `name`) in or out.
    pub fn toggled(&self, id: &UserId, name: &str) -> Self {
        let mut users = match self {
            Self::Chosen(users) => users.clone(),
            Self::None | Self::Matching(_) => Vec::new(),
        };
        if let Some(at) = users.iter().position(|(chosen, _)| chosen == id) {
            users.remove(at);
        } else {
            users.push((id.clone(), name.to_owned()));
        }
        if users.is_empty() {
            Self::None
        } else {
            Self::Chosen(users)
        }
    }

    /// What XMS is asked to change.
    fn users(&self) -> Option<UserSelection> {
        match self {
            Self::None => None,
            Self::Chosen(users) => Some(UserSelection::Chosen {
                ids: users.iter().map(|(id, _)| id.clone()).collect(),
            }),
            Self::Matching(filter) => Some(UserSelection::Matching {
                filter: filter.clone(),
            }),
        }
    }

    /// The one user selected, by name.
    fn only_one(&self) -> Option<String> {
        match self {
            Self::Chosen(users) if users.len() == 1 => Some(users[0].1.clone()),
            _ => None,
        }
    }
}

/// A change waiting for the administrator's answer, with what XMS says it will do.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    change: ProtectionChange,
    /// The user's name when the change is for one.
    one: Option<String>,
    preview: ProtectionPreview,
}

/// What became of the last change, said in the view in the active language.
#[derive(Clone)]
pub struct Outcome {
    /// Whether it was refused (an alert) rather than made (a status).
    pub refused: bool,
    /// What to say.
    pub words: Arc<dyn Fn(I18n) -> String + Send + Sync>,
}

impl Outcome {
    fn done(words: impl Fn(I18n) -> String + Send + Sync + 'static) -> Option<Self> {
        Some(Self {
            refused: false,
            words: Arc::new(words),
        })
    }

    fn refused(words: impl Fn(I18n) -> String + Send + Sync + 'static) -> Option<Self> {
        Some(Self {
            refused: true,
            words: Arc::new(words),
        })
    }
}

/// The protection changes of one organization's list.
#[derive(Clone, Copy)]
pub struct Protector {
    id: StoredValue<OrganizationId>,
    api: StoredValue<ApiClient>,
    dashboard: Dashboard,
    /// Whom the administrator selected.
    pub selected: RwSignal<Selected>,
    /// The change being asked about.
    pub question: RwSignal<Option<Question>>,
    /// What became of the last change.
    pub outcome: RwSignal<Option<Outcome>>,
    /// Whether XMS is being asked.
    pub busy: RwSignal<bool>,
    /// Bumped after a change, for the list to read its page again.
    pub changed: RwSignal<u32>,
}

impl Protector {
    /// The changes of organization `id`'s users, whose counts `dashboard` shows.
    pub fn new(id: OrganizationId, api: ApiClient, dashboard: Dashboard) -> Self {
        Self {
            id: StoredValue::new(id),
            api: StoredValue::new(api),
            dashboard,
            selected: RwSignal::new(Selected::None),
            question: RwSignal::new(None),
            outcome: RwSignal::new(None),
            busy: RwSignal::new(false),
            changed: RwSignal::new(0),
        }
    }

    /// Asks to protect (or deactivate the protection of) the selection.
    pub fn ask_for_selection(self, protect: bool) {
        let selected = self.selected.get_untracked();
        if let Some(users) = selected.users() {
            self.ask(ProtectionChange::new(protect, users), selected.only_one());
        }
    }

    /// Asks to protect (or deactivate the protection of) the one user `id`, named `name`.
    pub fn ask_for_one(self, protect: bool, id: UserId, name: String) {
        let users = UserSelection::Chosen { ids: vec![id] };
        self.ask(ProtectionChange::new(protect, users), Some(name));
    }

    /// Previews `change` with XMS, then asks the administrator, or says why it cannot be.
    fn ask(self, change: ProtectionChange, one: Option<String>) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.outcome.set(None);
        let (api, id) = (self.api.get_value(), self.id.get_value());
        spawn_local(async move {
            let previewed = api.preview_protection(&id, &change).await;
            self.busy.set(false);
            match previewed {
                Ok(Protection::Done(preview)) if preview.licences_short > 0 => {
                    self.outcome
                        .set(Outcome::refused(move |i18n| short(i18n, &preview)));
                }
                Ok(Protection::Done(preview)) if preview.changing == 0 => {
                    self.outcome
                        .set(Outcome::done(|i18n| t!(i18n, "users-nothing-to-change")));
                }
                Ok(Protection::Done(preview)) => self.question.set(Some(Question {
                    change,
                    one,
                    preview,
                })),
                Ok(Protection::Refused(refused)) => self.refused(&refused),
                Err(error) => self.failed(&error),
            }
        });
    }

    /// The administrator's answer to the question.
    pub fn answer(self, yes: bool) {
        let Some(mut question) = self.question.get_untracked() else {
            return;
        };
        // What the administrator said yes to: XMS refuses the change if the selection would
        // now change other users (all that match a filter can change meanwhile).
        question.change.expected_changing = Some(question.preview.changing);
        self.question.set(None);
        if !yes {
            return;
        }
        self.busy.set(true);
        let (api, id) = (self.api.get_value(), self.id.get_value());
        spawn_local(async move {
            let changed = api.change_protection(&id, &question.change).await;
            self.busy.set(false);
            match changed {
                Ok(Protection::Done(changed)) => {
                    let count = changed.change.changing;
                    self.outcome.set(if question.change.protect {
                        Outcome::done(move |i18n| t!(i18n, "users-protected-done", count = count))
                    } else {
                        Outcome::done(move |i18n| t!(i18n, "users-deactivated-done", count = count))
                    });
                    self.selected.set(Selected::None);
                    // The tile shows the new count at once; the change stream confirms it.
                    self.dashboard.upsert(changed.organization);
                    self.changed.update(|n| *n += 1);
                }
                Ok(Protection::Refused(refused)) => self.refused(&refused),
                Err(error) => self.failed(&error),
            }
        });
    }

    fn refused(self, refused: &ProtectionRefused) {
        let (code, preview) = (refused.error.code, refused.preview);
        let message = refused.error.message.clone();
        self.outcome.set(Outcome::refused(move |i18n| match code {
            ErrorCode::LicencesShort => short(i18n, &preview),
            ErrorCode::AutomaticLicensing => t!(i18n, "users-automatic-refused"),
            ErrorCode::SelectionChanged => {
                t!(i18n, "users-selection-changed", count = preview.changing)
            }
            // A refusal this module does not know: XMS's own words.
            _ => message.clone(),
        }));
    }

    fn failed(self, error: &ApiError) {
        let error = error.clone();
        self.outcome
            .set(Outcome::refused(move |i18n| error.words(i18n)));
    }
}

/// The refusal of a change short of licences, with the numbers.
fn short(i18n: I18n, preview: &ProtectionPreview) -> String {
    t!(
        i18n,
        "users-short",
        used = preview.licences_used,
        free = preview.free_licences,
        short = preview.licences_short
    )
}

impl Question {
    /// The question, with what the change takes or frees.
    pub fn words(&self, i18n: I18n) -> String {
        let preview = &self.preview;
        match (&self.one, self.change.protect) {
            (Some(name), true) => t!(
                i18n,
                "users-ask-protect-one",
                name = name.clone(),
                free = preview.free_licences
            ),
            (Some(name), false) => t!(i18n, "users-ask-deactivate-one", name = name.clone()),
            (None, true) => t!(
                i18n,
                "users-ask-protect",
                count = preview.changing,
                used = preview.licences_used,
                free = preview.free_licences
            ),
            (None, false) => t!(
                i18n,
                "users-ask-deactivate",
                count = preview.changing,
                freed = preview.licences_freed
            ),
        }
    }

    /// Whether it protects.
    pub fn protects(&self) -> bool {
        self.change.protect
    }
}
