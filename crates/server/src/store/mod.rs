//! XMS's storage, one module per aggregate: free functions over a connection (or the
//! transaction [`crate::db::Db::write`] opens), each owning its SQL and its row mapping.
//! Whoever changes several aggregates at once (the settings and the licences they protect
//! with) calls their functions in one transaction. Nothing here validates or decides: that is
//! the domain's ([`crate::settings`], [`crate::policies`]).

pub mod connections;
pub mod credentials;
pub mod jobs;
pub mod licences;
pub mod organizations;
pub mod policies;
pub mod sessions;
pub mod settings;
pub mod sql;
pub mod users;
pub mod versions;
pub mod workers;
