//! Widgets that every feature may use and none owns: the buttons' looks, the modal dialog, the confirmation asked
//! over any view, the view of a read (loading, loaded, or failed with Retry), the versioned
//! form both editors are views over, **Sync now**, a paged list's pager, a radio option with its hint, and the styles a chunk's views bring. They know words (`i18n`), failures (`api`) and the
//! module-wide drafts (`state`), nothing of any feature.

mod button;
mod confirm;
mod field_words;
mod load_failed;
mod loadable;
mod modal;
mod pager;
mod radio;
mod styles;
mod sync_now;
mod versioned;

pub use button::ButtonStyle;
pub use confirm::Confirm;
pub use field_words::{field_message, field_words};
pub use load_failed::LoadFailed;
pub use loadable::Loadable;
pub use modal::{Modal, ModalBody, ModalTitle};
pub use pager::{PageSpan, Pager};
pub use radio::radio_choice;
pub use styles::{ModuleRoot, add_styles};
pub use sync_now::{SyncNow, UserSync, user_sync};
pub use versioned::{FormWords, SaveStatus, VersionedForm};
