//! The demo directory the development authority signs people in against: a few Microsoft 365
//! tenants with their administrators, including the awkward cases a real connection meets
//! (an account that is not a global administrator, a tenant whose Conditional Access policies
//! block the device-code flow).

/// The `{tenant}` segment of Microsoft's URLs as a request gives it: `organizations`,
/// `common`, or a tenant's id or one of its domains. Whether the directory knows it is
/// [`knows`]'s to say.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(transparent)]
pub struct TenantHint(pub String);

impl std::ops::Deref for TenantHint {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TenantHint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A demo Microsoft 365 tenant.
#[derive(Debug)]
pub struct Tenant {
    /// The Microsoft Entra tenant id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// The default (primary) domain.
    pub primary_domain: &'static str,
    /// Other verified domains.
    pub other_domains: &'static [&'static str],
    /// How many users the tenant has.
    pub user_count: u32,
    /// Whether Conditional Access blocks sign-in with a device code (AADSTS53003).
    pub blocks_device_code: bool,
    /// The accounts offered on the sign-in page.
    pub accounts: &'static [Account],
}

/// A demo account.
#[derive(Debug)]
pub struct Account {
    /// User principal name, the sign-in name.
    pub upn: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Global administrators can consent to an application for the whole organization.
    pub global_admin: bool,
}

/// Every demo tenant.
pub const TENANTS: &[Tenant] = &[
    Tenant {
        id: "5d7a1f6e-3c2b-4e8a-9f10-2b6c8d4e1a01",
        name: "Contoso Ltd",
        primary_domain: "contoso.onmicrosoft.com",
        other_domains: &["contoso.com"],
        user_count: 1250,
        blocks_device_code: false,
        accounts: &[
            Account {
                upn: "megan.bowen@contoso.onmicrosoft.com",
                name: "Megan Bowen",
                global_admin: true,
            },
            Account {
                upn: "lynne.robbins@contoso.onmicrosoft.com",
                name: "Lynne Robbins",
                global_admin: false,
            },
        ],
    },
    Tenant {
        id: "9b2e4c6a-8d1f-4a3b-b5c7-0e9f1a2b3c02",
        name: "Fabrikam Inc",
        primary_domain: "fabrikam.onmicrosoft.com",
        other_domains: &["fabrikam.com"],
        user_count: 312,
        blocks_device_code: false,
        accounts: &[Account {
            upn: "alex.wilber@fabrikam.onmicrosoft.com",
            name: "Alex Wilber",
            global_admin: true,
        }],
    },
    Tenant {
        id: "3f8d2a1b-7c6e-4d5f-a9b8-1c2d3e4f5a03",
        name: "Northwind Traders",
        primary_domain: "northwindtraders.onmicrosoft.com",
        other_domains: &[],
        user_count: 87,
        blocks_device_code: false,
        accounts: &[Account {
            upn: "diego.siciliani@northwindtraders.onmicrosoft.com",
            name: "Diego Siciliani",
            global_admin: true,
        }],
    },
    Tenant {
        id: "c4a7e9d2-2b5f-4e1c-8a6d-7f3b9c1e5d04",
        name: "Woodgrove Bank",
        primary_domain: "woodgrovebank.onmicrosoft.com",
        other_domains: &["woodgrovebank.com"],
        user_count: 2480,
        blocks_device_code: true,
        accounts: &[Account {
            upn: "nestor.wilke@woodgrovebank.onmicrosoft.com",
            name: "Nestor Wilke",
            global_admin: true,
        }],
    },
];

/// The tenant an account belongs to, and the account.
pub fn account(upn: &str) -> Option<(&'static Tenant, &'static Account)> {
    TENANTS.iter().find_map(|tenant| {
        tenant
            .accounts
            .iter()
            .find(|account| account.upn.eq_ignore_ascii_case(upn))
            .map(|account| (tenant, account))
    })
}

/// A tenant by id.
pub fn tenant(id: &str) -> Option<&'static Tenant> {
    TENANTS.iter().find(|tenant| tenant.id == id)
}

/// Whether an authority path's `{tenant}` (organizations, common, a tenant id or a domain)
/// admits accounts of `tenant`.
pub fn admits(hint: &str, tenant: &Tenant) -> bool {
    hint.eq_ignore_ascii_case("organizations")
        || hint.eq_ignore_ascii_case("common")
        || hint == tenant.id
        || hint.eq_ignore_ascii_case(tenant.primary_domain)
        || tenant
            .other_domains
            .iter()
            .any(|domain| hint.eq_ignore_ascii_case(domain))
}

/// The one tenant an authority path's `{tenant}` names (a tenant id or one of its domains);
/// `None` for the multi-tenant `organizations` and `common`, and for what it does not know.
pub fn tenant_by_hint(hint: &str) -> Option<&'static Tenant> {
    let multi = hint.eq_ignore_ascii_case("organizations") || hint.eq_ignore_ascii_case("common");
    (!multi)
        .then(|| TENANTS.iter().find(|tenant| admits(hint, tenant)))
        .flatten()
}

/// Whether an authority path's `{tenant}` names anything this directory knows.
pub fn knows(hint: &str) -> bool {
    TENANTS.iter().any(|tenant| admits(hint, tenant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tenant_has_a_global_administrator_and_unique_ids() {
        for tenant in TENANTS {
            assert!(
                tenant.accounts.iter().any(|a| a.global_admin),
                "{}",
                tenant.name
            );
            assert_eq!(TENANTS.iter().filter(|t| t.id == tenant.id).count(), 1);
        }
    }

    #[test]
    fn tenant_hints_match_ids_and_domains() {
        let contoso = &TENANTS[0];
        assert!(admits("organizations", contoso));
        assert!(admits("contoso.com", contoso));
        assert!(admits(contoso.id, contoso));
        assert!(!admits("fabrikam.com", contoso));
        assert!(!knows("example.org"));
    }
}
