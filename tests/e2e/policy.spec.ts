// The custom backup policy editor: opened from a tile and from the Connect dialog's success
// view, every section changed and kept across a reload, invalid combinations refused inline,
// the default policy restored, and the next runs shown as XMS computes them.
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { logIn, signIn } from "./sign-in";
import { expectAccessible } from "./axe";

const contoso = {
  tenantId: "5d7a1f6e-3c2b-4e8a-9f10-2b6c8d4e1a01",
  name: "Contoso Ltd",
  domain: "contoso.onmicrosoft.com",
  users: 250,
};

/** Opens Contoso's policy editor from its tile. */
async function openPolicy(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("link", { name: "Custom policy of Contoso Ltd" }).click();
  await expect(page.getByRole("heading", { name: "Backup policy of Contoso Ltd" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save policy" })).toBeVisible();
}

/** Waits until XMS has previewed the editor's policy. */
async function previewed(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Next: / })).toBeVisible();
}

test("every section is changed, saved, and kept across a reload", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openPolicy(page, xms.url);
  await expect(page.getByText("This organization uses XMS's default policy.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save policy" })).toBeDisabled();
  await previewed(page);
  await expectAccessible(page, "the policy editor");

  await page.getByRole("checkbox", { name: /^Contacts/ }).uncheck();
  await page.getByRole("checkbox", { name: /^SharePoint sites/ }).uncheck();
  await page.getByRole("radio", { name: /^GFS/ }).check();
  await page.getByLabel("Time", { exact: true }).fill("21:30");
  await page.getByLabel("Full backup on day").fill("15");
  await page.getByRole("combobox", { name: "Differential backup on" }).selectOption("saturday");
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("Europe/Warsaw");
  await page.getByLabel("Full copies, days").fill("120");
  await page.getByLabel("Differential copies, days").fill("60");
  await page.getByLabel("Incremental copies, days").fill("14");
  await page.getByRole("radio", { name: "AES-GCM" }).check();
  await expect(page.getByText(/if it is lost, these backups cannot be restored/)).toBeVisible();
  await page.getByLabel("Encryption password", { exact: true }).fill("correct horse battery");
  await page.getByLabel("Encryption password again").fill("correct horse battery");
  await page.getByRole("combobox", { name: "Worker" }).selectOption({ label: "Warsaw office NAS" });
  await page.getByRole("combobox", { name: "Storage" }).selectOption({ label: "Office NFS share (NFS share)" });
  await previewed(page);
  const summary = page.getByRole("region", { name: "What will happen" });
  await expect(summary).toContainText("Backs up mail, calendars, OneDrive, and Microsoft 365 groups");
  await expect(summary).toContainText("differential every Saturday");
  await expect(summary).toContainText("Encrypted with AES-GCM. Run by Warsaw office NAS");
  await expectAccessible(page, "the policy editor with GFS and encryption");

  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Custom policy saved." })).toBeVisible();
  await expect(page.getByLabel("Encryption password", { exact: true })).toHaveCount(0);
  await expect(page.getByText("A password is set. It is never shown again.")).toBeVisible();
  await expectAccessible(page, "the policy editor after a save");

  await page.reload();
  await expect(page.getByText("This organization has a custom policy.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Contacts/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Mail/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /^GFS/ })).toBeChecked();
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue("21:30");
  await expect(page.getByLabel("Full backup on day")).toHaveValue("15");
  await expect(page.getByRole("combobox", { name: "Differential backup on" })).toHaveValue("saturday");
  await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveValue("Europe/Warsaw");
  await expect(page.getByLabel("Full copies, days")).toHaveValue("120");
  await expect(page.getByRole("radio", { name: "AES-GCM" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Worker" })).toHaveValue("warsaw-office-nas");
  await expect(page.getByRole("combobox", { name: "Storage" })).toHaveValue("office-nfs");
  const body = await xms.api("GET", `/m365/organizations/${(await xms.api("GET", "/m365/organizations")).organizations[0].id}/policy`);
  expect(JSON.stringify(body)).not.toContain("correct horse battery");

  await page.getByRole("link", { name: "Back to the organizations" }).click();
  await expect(page.getByRole("article", { name: "Contoso Ltd" })).toContainText("PolicyCustom policy");
});

test("invalid combinations are refused inline and Save stays disabled", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openPolicy(page, xms.url);
  const save = page.getByRole("button", { name: "Save policy" });
  for (const name of [/^Mail/, /^Calendars/, /^Contacts/, /^OneDrive/, /^SharePoint sites/, /^Microsoft 365 groups/]) {
    await page.getByRole("checkbox", { name }).uncheck();
  }
  const scope = page.getByRole("group", { name: "What to back up" });
  await expect(scope).toContainText("Choose at least one kind of data to back up.");
  await expect(save).toBeDisabled();
  await expectAccessible(page, "the policy editor refusing an empty scope");
  await page.getByRole("checkbox", { name: /^Mail/ }).check();
  await expect(scope).not.toContainText("Choose at least one kind");

  await page.getByLabel("Full copies, days").fill("10");
  await expect(page.getByRole("group", { name: "Retention" })).toContainText(/at least 31 days/);
  await expect(save).toBeDisabled();
  await page.getByLabel("Full copies, days").fill("45");
  await expect(page.getByRole("group", { name: "Retention" })).not.toContainText(/at least 31 days/);

  await page.getByRole("radio", { name: "AES-CBC" }).check();
  await page.getByLabel("Encryption password", { exact: true }).fill("one password");
  await page.getByLabel("Encryption password again").fill("another password");
  await expect(page.getByRole("group", { name: "Encryption" })).toContainText("The two passwords differ");
  await expect(save).toBeDisabled();
  await expectAccessible(page, "the policy editor refusing passwords that differ");
  await page.getByLabel("Encryption password again").fill("one password");
  await previewed(page);
  await expect(save).toBeEnabled();
});

test("a custom policy can be returned to the default", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openPolicy(page, xms.url);
  await page.getByRole("radio", { name: /^Forever incremental/ }).check();
  await previewed(page);
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Custom policy saved.")).toBeVisible();
  await page.getByRole("button", { name: "Return to the default policy" }).click();
  const question = page.getByRole("alertdialog", { name: "Return to XMS's default policy? This custom policy is discarded." });
  await expect(question.getByRole("button", { name: "Keep custom policy" })).toBeFocused();
  await question.getByRole("button", { name: "Discard custom policy" }).click();
  await expect(page.getByText("The default policy applies again.")).toBeVisible();
  await expect(page.getByText("This organization uses XMS's default policy.")).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Basic/ })).toBeChecked();
  await page.getByRole("link", { name: "Back to the organizations" }).click();
  await expect(page.getByRole("article", { name: "Contoso Ltd" })).toContainText("PolicyDefault policy");
});

test("leaving with unsaved changes asks first, in the module's own dialog, and keeps them until discarded", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openPolicy(page, xms.url);
  await page.getByRole("radio", { name: /^Forever incremental/ }).check();
  const back = page.getByRole("link", { name: "Back to the organizations" }).last();
  await back.click();
  const question = page.getByRole("alertdialog", { name: "Discard your unsaved changes to this policy?" });
  const keep = question.getByRole("button", { name: "Keep editing" });
  await expect(keep).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(question.getByRole("button", { name: "Discard changes" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(keep).toBeFocused();
  await expectAccessible(page, "the policy editor asking whether to discard changes");
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(back).toBeFocused();
  await expect(page.getByRole("radio", { name: /^Forever incremental/ })).toBeChecked();

  await back.click();
  await question.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByRole("article", { name: "Contoso Ltd" })).toBeVisible();
  await page.getByRole("link", { name: "Custom policy of Contoso Ltd" }).click();
  await expect(page.getByRole("radio", { name: /^Basic/ })).toBeChecked();
  await expect(page.getByText("Your unsaved changes from before are back.")).toHaveCount(0);
});

test("the way back from the policy editor is the module's dashboard, also opened in a new tab", async ({ page, context, xms }) => {
  xms.addOrganization(contoso);
  await openPolicy(page, xms.url);
  const back = page.getByRole("link", { name: "Back to the organizations" });
  // Not the host's root: in XMS that is another page than the Microsoft 365 tab.
  const address = new URL((await back.getAttribute("href"))!, page.url());
  expect(address.pathname).toBe("/m365");
  const tab = await context.newPage();
  await tab.goto(address.href);
  await expect(tab.getByRole("article", { name: "Contoso Ltd" })).toBeVisible();
});

test("for each schedule type the next runs shown are the ones XMS computes", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openPolicy(page, xms.url);
  const id = (await xms.api("GET", "/m365/organizations")).organizations[0].id;
  const runs = page.getByRole("list", { name: "Next runs" }).locator("time");
  for (const type of [/^Custom/, /^Forever incremental/, /^GFS/, /^Basic/]) {
    await page.getByRole("radio", { name: type }).check();
    await previewed(page);
    await page.getByRole("button", { name: "Save policy" }).click();
    await expect(page.getByText("Custom policy saved.")).toBeVisible();
    const computed = (await xms.api("GET", `/m365/organizations/${id}/policy`)).next_runs;
    await expect(runs).toHaveCount(computed.length);
    expect(await runs.evaluateAll((times) => times.map((t) => t.getAttribute("datetime")))).toEqual(
      computed.map((run: any) => run.at),
    );
    const first = computed[0];
    await expect(page.getByRole("status").filter({ hasText: /^Next: / })).toContainText(
      `${first.local.slice(11, 16)} ${first.kind}`,
    );
    const tile = (await xms.api("GET", "/m365/organizations")).organizations[0];
    expect(tile.next_backup_at).toBe(first.at);
  }
});

test("Custom policy in the Connect dialog's success view opens the new organization's policy", async ({ page, context, xms }) => {
  await page.goto(xms.url);
  await page.getByRole("button", { name: "Connect" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect a Microsoft 365 organization" });
  const code = (await dialog.getByLabel("App authentication code").textContent())!;
  const tab = await logIn(context, page);
  await signIn(tab, code, /Megan Bowen/, "Continue");
  await tab.close();
  await dialog.getByRole("link", { name: "Custom policy" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Backup policy of Contoso Ltd" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Microsoft 365" })).toBeHidden();
});
