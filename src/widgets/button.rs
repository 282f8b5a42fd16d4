//! The module's buttons' looks, as a closed set: every `<button>` (and link styled as one) takes
//! its class from a [`ButtonStyle`], so the variants and their BEM modifiers live here only.

/// How a button looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    /// The view's main action: Save, Run backup, Retry.
    Primary,
    /// Another action beside the main one: Close, Cancel, Back.
    Secondary,
    /// An action that destroys or discards: Remove, Discard changes.
    Danger,
}

impl ButtonStyle {
    /// The classes of a button of this look.
    pub const fn class(self) -> &'static str {
        match self {
            Self::Primary => "m365-button",
            Self::Secondary => "m365-button m365-button--secondary",
            Self::Danger => "m365-button m365-button--danger",
        }
    }
}
