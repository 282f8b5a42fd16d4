//! Workers: the machines that run backups, in Xopero's cloud or on the customer's premises.

use serde::{Deserialize, Serialize};

use crate::names::read_by_name;

/// XMS's identifier of a worker.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct WorkerId(pub String);

/// A worker that can back up organizations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Worker {
    /// XMS's identifier.
    pub id: WorkerId,
    /// Its name, as the administrator knows it.
    pub name: String,
    /// Where it runs.
    pub kind: WorkerKind,
    /// Whether it is reachable now; an offline worker's backups wait until it is back.
    pub online: bool,
    /// Whether it is the main worker, used unless an organization names another.
    pub main: bool,
}

/// Where a worker runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum WorkerKind {
    /// In Xopero's cloud.
    Cloud,
    /// On the customer's own machine.
    Local,
}

read_by_name!(WorkerKind {
    Cloud = "cloud",
    Local = "local",
});

/// `GET /workers`: every worker, the main one first, then by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkerList {
    /// The workers.
    pub workers: Vec<Worker>,
}
