//! The module's state that outlives any one view, provided once by the app: the organizations
//! as last heard from XMS, the edits in progress, the status line's announcements, and the
//! request to open the Connect dialog for an organization. Features read and change it through
//! these types and never through each other.

mod announcer;
mod attention;
mod connector;
mod dashboard;
mod drafts;

pub use announcer::Announcer;
pub use attention::Attention;
pub use connector::Connector;
pub use dashboard::{Dashboard, Entry, ListKey, fold_case};
pub use drafts::{Draft, Drafts, Versioned};
