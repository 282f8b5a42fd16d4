//! Widgets that every feature may use and none owns: the modal dialog and the alert for a load
//! that failed. They know words (`i18n`) and failures (`api`), nothing of any feature.

mod load_failed;
mod modal;

pub use load_failed::LoadFailed;
pub use modal::Modal;
