//! Where the module's views live: the host's path for the module, under which every view's
//! address is built.

/// The host's path for the module, for links that many tiles repeat: a plain `<a>` with an
/// absolute address costs one DOM node, where the router's `<A>` adds reactive nodes that every
/// navigation re-evaluates. The router still handles clicks on any link under its base.
#[derive(Debug, Clone)]
pub struct BasePath(std::sync::Arc<str>);

impl BasePath {
    /// The module's root at `base` (a path without a trailing `/`).
    pub fn new(base: &str) -> Self {
        Self(base.into())
    }

    /// The absolute address of `path` (relative to the module's root, without a leading `/`).
    pub fn to(&self, path: &str) -> String {
        format!("{}/{path}", self.0)
    }
}
