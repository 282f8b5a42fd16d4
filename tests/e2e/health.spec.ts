// The health of connections through an organization's own application: a secret about to
// expire asks for attention on the tile and in the summary, and the server's scheduled check
// finds a consent revoked in the development authority.
import { test, expect } from "./server";
import { expectAccessible } from "./axe";
import { STATUS, expectStatus } from "./tiles";

const PANEL = { name: /^Edit / };

// Every credential is checked every 2 s, so that a test sees the next check soon.
test.use({ serverArgs: ["--poll-interval", "1", "--credential-check-period", "2"] });

test("a client secret expiring in 10 days shows on the tile and in the summary", async ({ page, xms }) => {
  // The clocks start on 1 December 2026.
  await xms.connectApplication("contoso.com", "2026-12-11");
  await xms.connectApplication("fabrikam.com", "2027-06-01");
  await page.goto(xms.url);
  const contoso = page.getByRole("article", { name: "Contoso Ltd" });
  await expect(contoso).toContainText(/Its client secret expires in 10 days \(.+\)\. Replace it in Edit/);
  await expectStatus(contoso, STATUS.never_backed_up);
  await expect(page.getByRole("article", { name: "Fabrikam Inc" })).not.toContainText("client secret");

  const summary = page.getByRole("list", { name: "Needs attention" });
  const expiring = summary.getByRole("button", { name: "1 with a client secret or certificate expiring" });
  await expect(expiring).toBeVisible();
  await expectAccessible(page, "a tile whose client secret expires soon");
  await expiring.click();
  await expect(page).toHaveURL(/needs=secret-expiring/);
  const list = page.getByRole("list", { name: "Organizations" });
  await expect(list.getByRole("article")).toHaveCount(1);
  await expect(list.getByRole("article", { name: "Contoso Ltd" })).toBeVisible();

  // The Edit panel says which application it is and when its secret expires.
  await contoso.getByRole("link", { name: "Replace it in Edit" }).click();
  await expect(page.getByRole("dialog", PANEL)).toContainText(/signs in with its own application .*client secret expires/);
});

test("a consent revoked in Entra turns the tile to re-authorize after the next check, and entering the application again mends it", async ({ page, xms }) => {
  const clientId = await xms.connectApplication("contoso.com", "2027-06-01");
  await page.goto(xms.url);
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await expectStatus(tile, STATUS.never_backed_up);

  xms.authority("revoke-consent", "--application", clientId);
  await expectStatus(tile, STATUS.needs_reauthorization, { timeout: 15_000 });
  await expect(tile).toContainText("Admin consent to its app was withdrawn. Re-authorize it in Edit");
  await expect(page.getByRole("list", { name: "Needs attention" }).getByRole("button", { name: "1 to re-authorize" })).toBeVisible();
  await expectAccessible(page, "a tile whose consent was revoked");

  // Re-authorizing an organization with its own application asks for the application again.
  await tile.getByRole("link", { name: "Re-authorize it in Edit" }).click();
  await page.getByRole("dialog", PANEL).getByRole("button", { name: "Re-authorize" }).click();
  const dialog = page.getByRole("dialog", { name: "Re-authorize Contoso Ltd" });
  await expect(dialog.getByRole("heading", { name: "Register the application yourself" })).toBeVisible();
  await expect(dialog.getByLabel("Directory (tenant) ID or verified domain")).toHaveValue("contoso.onmicrosoft.com");
  // The application it signed in with is filled in: most often its secret is what changes.
  await expect(dialog.getByLabel("Application (client) ID")).toHaveValue(clientId);
  const renewed = xms.registerApplication("contoso.com");
  await dialog.getByLabel("Application (client) ID").fill(renewed.clientId);
  await dialog.getByLabel("Client secret value").fill(renewed.secret);
  await dialog.getByLabel("Secret expires on").fill("2027-05-30");
  await dialog.getByRole("button", { name: "Check and connect" }).click();
  await expect(dialog).toContainText("Contoso Ltd (contoso.onmicrosoft.com) was already connected: its authorization and details have been renewed.");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expectStatus(tile, STATUS.never_backed_up);
  await expect(tile).not.toContainText("Admin consent");
});
