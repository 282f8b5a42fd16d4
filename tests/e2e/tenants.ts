// Organizations the tests add, shared where more than one spec needs the same one.

/**
 * Contoso Ltd as the development authority knows it (so that re-authorizing can sign in to
 * it), with manual licensing and 50 of its 250 users unprotected.
 */
export const contosoManual = {
  tenantId: "5d7a1f6e-3c2b-4e8a-9f10-2b6c8d4e1a01",
  name: "Contoso Ltd",
  domain: "contoso.onmicrosoft.com",
  users: 250,
  licenceMode: "manual" as const,
  protectedUsers: 200,
};
