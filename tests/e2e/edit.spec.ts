// The organization's Edit panel: each setting saved and kept across a reload, the licensing
// preview, two administrators at once, a failed save, XMS's field errors, Sync now, the
// offline worker's warning, unsaved changes, re-authorization and removal.
import type { Page } from "@playwright/test";
import { test, expect, pinClock } from "./server";
import { logIn, signIn } from "./sign-in";
import { expectAccessible } from "./axe";
import { contosoManual as contoso } from "./tenants";

const PANEL = { name: "Edit Contoso Ltd" };

/** Opens the dashboard and Contoso's Edit panel from its tile. */
async function openEdit(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("article", { name: "Contoso Ltd" }).getByRole("link", { name: "Edit Contoso Ltd" }).click();
  const panel = page.getByRole("dialog", PANEL);
  await expect(panel.getByRole("button", { name: "Save" })).toBeVisible();
  return panel;
}

test("each setting is changed, saved, and still there after a reload", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  await expect(page).toHaveURL(/\/m365\/organizations\/[^/]+\/edit$/);
  await expect(panel.getByRole("radio", { name: /^Manual/ })).toBeChecked();
  await expect(panel.getByRole("button", { name: "Save" })).toBeDisabled();
  await expectAccessible(page, "the Edit panel");

  await panel.getByRole("radio", { name: /^Automatic/ }).check();
  await expect(panel).toContainText("Switching protects 50 users not protected now");
  await panel.getByLabel("User sync interval").selectOption({ label: "Every 6 hours" });
  await panel.getByRole("radio", { name: /^Warsaw office NAS/ }).check();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await expectAccessible(page, "the Edit panel after a save");
  // The tile follows: its worker changed, and automatic licensing protected everyone.
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await expect(tile).toContainText("WorkerWarsaw office NAS");
  await expect(tile).toContainText("Protected users250 of 250");

  await page.reload();
  const reloaded = page.getByRole("dialog", PANEL);
  await expect(reloaded.getByRole("radio", { name: /^Automatic/ })).toBeChecked();
  await expect(reloaded.getByLabel("User sync interval")).toHaveValue("6");
  await expect(reloaded.getByRole("radio", { name: /^Warsaw office NAS/ })).toBeChecked();
  await reloaded.getByRole("button", { name: "Close" }).first().click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).toHaveURL(/\/m365\/?$/);
});

test.describe("with 220 licences", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--licences", "220"] });

  test("switching to automatic licensing warns when too few licences are free", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    const panel = await openEdit(page, xms.url);
    await panel.getByRole("radio", { name: /^Automatic/ }).check();
    await expect(panel).toContainText("Switching protects 50 users not protected now, using 20 licences of the 20 licences free.");
    await expect(panel).toContainText(
      "Warning: not enough licences. Only 20 licences free, so 30 users would stay unprotected.",
    );
    await expectAccessible(page, "the Edit panel warning of too few licences");
  });
});

test("a second administrator's save gets the conflict view, and nothing is overwritten silently", async ({ browser, xms }) => {
  xms.addOrganization(contoso);
  const contexts = [await browser.newContext(), await browser.newContext()];
  for (const context of contexts) await pinClock(context, xms);
  const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
  const firstPanel = await openEdit(first, xms.url);
  const secondPanel = await openEdit(second, xms.url);

  await firstPanel.getByLabel("User sync interval").selectOption({ label: "Every 2 hours" });
  await firstPanel.getByRole("button", { name: "Save" }).click();
  await expect(firstPanel.getByText("Settings saved.")).toBeVisible();

  await secondPanel.getByLabel("User sync interval").selectOption({ label: "Every 12 hours" });
  await secondPanel.getByRole("button", { name: "Save" }).click();
  await expect(secondPanel.getByRole("alert")).toContainText("Someone else changed these settings");
  const row = secondPanel.getByRole("row", { name: /User sync interval \(differs\)/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("Every 12 hours");
  await expect(row.getByRole("cell").nth(1)).toHaveText("Every 2 hours");
  await expectAccessible(second, "the Edit panel's conflict view");
  const id = (await xms.api("GET", "/m365/organizations")).organizations[0].id;
  expect((await xms.api("GET", `/m365/organizations/${id}/settings`)).settings.user_sync_interval_hours).toBe(2);

  await secondPanel.getByRole("button", { name: "Keep mine" }).click();
  await expect(secondPanel.getByText("Settings saved.")).toBeVisible();
  expect((await xms.api("GET", `/m365/organizations/${id}/settings`)).settings.user_sync_interval_hours).toBe(12);
  await first.context().close();
  await second.context().close();
});

test("with XMS down during a save the values are kept, and Retry saves them", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  await panel.getByLabel("User sync interval").selectOption({ label: "Every 4 hours" });
  await xms.stop();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("alert")).toContainText("Your changes were not saved. XMS could not be reached.");
  await expect(panel.getByLabel("User sync interval")).toHaveValue("4");
  await expectAccessible(page, "the Edit panel after a failed save");
  await xms.restartOnSamePort();
  await panel.getByRole("button", { name: "Retry" }).click();
  await expect(panel.getByText("Settings saved.")).toBeVisible();
  const id = (await xms.api("GET", "/m365/organizations")).organizations[0].id;
  expect((await xms.api("GET", `/m365/organizations/${id}/settings`)).settings.user_sync_interval_hours).toBe(4);
});

test("XMS's field errors are shown under their fields", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  // A request the panel would never send, as an outdated client might: XMS judges it.
  await page.route("**/settings", async (route) => {
    if (route.request().method() !== "PUT") return route.continue();
    const body = JSON.parse(route.request().postData()!);
    await route.continue({
      postData: JSON.stringify({ ...body, user_sync_interval_hours: 5, default_worker_id: "retired-worker" }),
    });
  });
  await panel.getByLabel("User sync interval").selectOption({ label: "Every 12 hours" });
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("alert")).toContainText("Some settings need attention");
  await expect(panel.locator("#m365-sync-error")).toContainText("Choose one of");
  await expect(panel.locator("#m365-worker-error")).toContainText("Choose one of the listed workers.");
  await expect(panel.getByLabel("User sync interval")).toHaveAccessibleDescription(/Choose one of/);
  await expectAccessible(page, "the Edit panel with XMS's field errors");
});

test("Sync now runs the user sync and shows its time", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Users synchronized." })).toBeVisible();
  await expect(panel).toContainText(/Last sync: now \([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M\)\./);
  await expect(panel).toContainText(/Next sync: in (23|24) hours/);
});

test("an offline worker can be chosen only after its warning", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  await panel.getByRole("radio", { name: /^Gdańsk branch server/ }).check();
  await expect(panel).toContainText("Warning: Gdańsk branch server is offline.");
  const save = panel.getByRole("button", { name: "Save" });
  await expect(save).toBeDisabled();
  await expectAccessible(page, "the Edit panel warning of an offline worker");
  await panel.getByRole("checkbox", { name: "Use it anyway" }).check();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(panel.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByRole("article", { name: "Contoso Ltd" })).toContainText("Gdańsk branch server (offline");
});

test("unsaved changes are asked about on close, and kept when the back button closes the panel", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  await panel.getByLabel("User sync interval").selectOption({ label: "Every 2 hours" });

  const close = panel.getByRole("button", { name: "Close" }).last();
  await close.click();
  const question = page.getByRole("alertdialog", { name: "Discard your unsaved changes to these settings?" });
  await expect(question.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await expectAccessible(page, "the Edit panel asking whether to discard changes");
  await question.getByRole("button", { name: "Keep editing" }).click();
  await expect(question).toHaveCount(0);
  await expect(close).toBeFocused();
  await expect(panel.getByLabel("User sync interval")).toHaveValue("2");

  await page.goBack();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByRole("link", { name: "Edit Contoso Ltd" }).click();
  await expect(panel.getByText("Your unsaved changes from before are back.")).toBeVisible();
  await expectAccessible(page, "the Edit panel with unsaved changes restored");
  await expect(panel.getByLabel("User sync interval")).toHaveValue("2");

  await page.keyboard.press("Escape");
  await question.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByRole("link", { name: "Edit Contoso Ltd" }).click();
  await expect(panel.getByLabel("User sync interval")).toHaveValue("24");
  await expect(panel.getByText("Your unsaved changes from before are back.")).toHaveCount(0);
});

test("Remove asks for the organization's name typed, then removes it and its tile", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const panel = await openEdit(page, xms.url);
  await panel.getByRole("button", { name: "Remove organization…" }).click();
  await expect(panel).toContainText("Backups already made stay in storage until their retention period ends");
  const confirm = panel.getByLabel("Type Contoso Ltd to confirm");
  await expect(confirm).toBeFocused();
  const remove = panel.getByRole("button", { name: "Remove Contoso Ltd" });
  await expect(remove).toBeDisabled();
  await expectAccessible(page, "the Edit panel asking to confirm removal");
  await confirm.fill("contoso ltd");
  await expect(remove).toBeDisabled();
  await confirm.fill("Contoso Ltd");
  await remove.click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Contoso Ltd was removed from XMS." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Contoso Ltd" })).toHaveCount(0);
  await expectAccessible(page, "the dashboard after a removal");
  expect((await xms.api("GET", "/m365/organizations")).organizations).toEqual([]);
});

test("a tile needing re-authorization leads to Edit, whose Re-authorize signs in again", async ({ page, context, xms }) => {
  xms.addOrganization({ ...contoso, needsReauthorization: true });
  await page.goto(xms.url);
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await expect(tile).toContainText("Needs re-authorization");
  await tile.getByRole("link", { name: "Re-authorize it in Edit" }).click();
  await page.getByRole("dialog", PANEL).getByRole("button", { name: "Re-authorize" }).click();

  const dialog = page.getByRole("dialog", { name: "Re-authorize Contoso Ltd" });
  const code = (await dialog.getByLabel("App authentication code").textContent())!;
  const tab = await logIn(context, page);
  await signIn(tab, code, /Megan Bowen/, "Continue");
  await tab.close();
  await expect(dialog).toContainText("Contoso Ltd (contoso.onmicrosoft.com) was already connected: its authorization and details have been renewed.");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(tile).not.toContainText("Needs re-authorization");
});
