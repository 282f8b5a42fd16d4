//! The request to open the Connect dialog for an organization, from wherever the module
//! offers it (the Edit panel's **Re-authorize**) to the Connect button that owns the dialog.

use leptos::prelude::*;
use xms_m365_contract::Organization;

/// Opens the Connect dialog from elsewhere in the module.
#[derive(Debug, Clone, Copy)]
pub struct Connector {
    open: StoredValue<Option<Callback<Organization>>>,
}

impl Default for Connector {
    fn default() -> Self {
        Self {
            open: StoredValue::new(None),
        }
    }
}

impl Connector {
    /// Runs the sign-in again for `organization`, to renew XMS's authorization.
    pub fn reauthorize(&self, organization: Organization) {
        if let Some(open) = self.open.try_get_value().flatten() {
            open.run(organization);
        }
    }

    /// Makes [`Self::reauthorize`] call `open`: the Connect button, while it is shown.
    pub fn open_with(&self, open: Callback<Organization>) {
        self.open.set_value(Some(open));
    }
}
