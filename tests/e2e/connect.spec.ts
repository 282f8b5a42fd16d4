// Connecting a Microsoft 365 organization, as an administrator does it: Xopero's steps with
// the development sign-in authority in a second tab, and every way the sign-in can end.
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { logIn, signIn } from "./sign-in";
import { expectAccessible } from "./axe";

const DIALOG = { name: "Connect a Microsoft 365 organization" };
const MEGAN = /Megan Bowen/;

/** Opens the tab, clicks Connect and returns the dialog and the code it shows. */
async function openConnect(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("button", { name: "Connect" }).click();
  const dialog = page.getByRole("dialog", DIALOG);
  const codeBox = dialog.getByLabel("App authentication code");
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6,}$/);
  return { dialog, code: (await codeBox.textContent())! };
}

test("the seed's steps connect an organization that then shows on the dashboard", async ({ page, context, xms }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { dialog, code } = await openConnect(page, xms.url);
  // The shell is the host: it hears of the new organization.
  await page.evaluate(() => {
    (window as any).added = [];
    document.addEventListener("xms-m365:organization-added", (e: any) => (window as any).added.push(e.detail));
  });

  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await expect(dialog.getByText(/The code is valid for \d+:\d\d\./)).toBeVisible();
  await expectAccessible(page, "the Connect dialog waiting, code copied");

  const tab = await logIn(context, page);
  await expect(tab).toHaveURL(`${xms.url}/devicelogin`);
  await expect(tab.getByRole("heading", { name: "Enter code" })).toBeVisible();
  await signIn(tab, code, MEGAN, "Continue", { audit: true });
  await expect(tab.getByText("You may now close this window.")).toBeVisible();
  await expectAccessible(tab, "the device-login done page");
  await tab.close();

  await expect(dialog.getByText("Organization connected")).toBeVisible();
  await expectAccessible(page, "the Connect dialog's success view");
  await expect(dialog).toContainText("Contoso Ltd (contoso.onmicrosoft.com) has been added to XMS.");
  // The dashboard shows it without a reload.
  const list = page.getByRole("list", { name: "Organizations" });
  await expect(list.getByRole("heading", { name: "Contoso Ltd" })).toBeVisible();
  expect(await page.evaluate(() => (window as any).added.map((d: any) => d.name))).toEqual(["Contoso Ltd"]);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect" })).toBeFocused();
});

test("after signing in in another tab, focus is on the success view and Escape closes the dialog", async ({ page, context, xms }) => {
  const { dialog, code } = await openConnect(page, xms.url);
  // The link keeps the focus while the sign-in tab is in front and this page in the back.
  const tab = await logIn(context, page);
  await signIn(tab, code, MEGAN, "Continue");
  await expect(tab.getByText("You may now close this window.")).toBeVisible();
  await tab.close();
  await page.bringToFront();

  // The waiting view, and the link with the focus, were replaced by the success view.
  const heading = dialog.getByRole("heading", { name: "Organization connected" });
  await expect(heading).toBeFocused();
  const focusInDialog = () =>
    dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement));
  for (let press = 0; press < 4; press++) {
    await page.keyboard.press("Tab");
    expect(await focusInDialog(), `Tab ${press + 1} stays in the dialog`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect" })).toBeFocused();
});

test("Escape closes a dialog whose focus was lost to the page", async ({ page, xms }) => {
  const { dialog } = await openConnect(page, xms.url);
  // Focus on the page's body, as after a click on nothing in particular.
  const blur = () =>
    page.evaluate(() => (document.getElementById("xms-module")!.shadowRoot!.activeElement as HTMLElement).blur());
  await blur();
  await page.keyboard.press("Tab");
  expect(
    await dialog.evaluate((element) => element.contains((element.getRootNode() as ShadowRoot).activeElement)),
    "Tab brings the focus back into the dialog",
  ).toBe(true);
  await blur();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("Run backup in the success view starts the new organization's first backup on its tile", async ({ page, context, xms }) => {
  const { dialog, code } = await openConnect(page, xms.url);
  const tab = await logIn(context, page);
  await signIn(tab, code, MEGAN, "Continue");
  await tab.close();
  await expect(dialog.getByText("Organization connected")).toBeVisible();
  await dialog.getByRole("button", { name: "Run backup" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await expect(tile.getByRole("progressbar", { name: "Backup of Contoso Ltd" })).toBeVisible();
  await expect(tile).toContainText("Backup running");
  await expect(tile.getByRole("button", { name: "Run backup of Contoso Ltd" })).toBeDisabled();
  // Focus returns to Connect, where the dialog was opened.
  await expect(page.getByRole("button", { name: "Connect" })).toBeFocused();
});

test("the dialog is modal: focus moves in and is trapped, Escape closes, focus returns", async ({ page, xms }) => {
  const { dialog } = await openConnect(page, xms.url);
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  await expect(dialog).toBeFocused();
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    const inside = await dialog.evaluate((node) => node.contains(node.getRootNode().activeElement));
    expect(inside, "focus left the dialog").toBe(true);
    seen.add(await dialog.evaluate((node) => (node.getRootNode() as ShadowRoot).activeElement!.textContent!.trim()));
  }
  expect([...seen]).toEqual(expect.arrayContaining(["×", "Copy", "Log in to Microsoft 365"]));
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect" })).toBeFocused();
});

test("closing the dialog cancels the attempt and stops polling", async ({ page, xms }) => {
  const checks: string[] = [];
  const cancels: string[] = [];
  page.on("request", (request) => {
    if (!request.url().includes("/api/v1/m365/connections/")) return;
    if (request.method() === "GET") checks.push(request.url());
    if (request.method() === "DELETE") cancels.push(request.url());
  });
  const { dialog } = await openConnect(page, xms.url);
  await expect.poll(() => checks.length, { timeout: 5_000 }).toBeGreaterThan(0);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => cancels.length).toBe(1);
  const after = checks.length;
  await page.waitForTimeout(3_000);
  expect(checks.length, "polling went on after the dialog closed").toBe(after);
});

test("polling pauses while the page is hidden and checks at once when it shows again", async ({ page, xms }) => {
  let checks = 0;
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/m365/connections/") && request.method() === "GET") checks++;
  });
  await openConnect(page, xms.url);
  await expect.poll(() => checks, { timeout: 5_000 }).toBeGreaterThan(0);
  const setVisibility = (state: string) =>
    page.evaluate((state) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await page.waitForTimeout(1_500); // a check already under way may still land
  const whileHidden = checks;
  await page.waitForTimeout(3_000);
  expect(checks, "polled while the page was hidden").toBe(whileHidden);
  await setVisibility("visible");
  await expect.poll(() => checks, { timeout: 900 }).toBeGreaterThan(whileHidden);
});

test.describe("with codes that expire after 3 seconds", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--device-code-ttl", "3"] });

  test("an expired code says so, and Get a new code brings a fresh one", async ({ page, xms }) => {
    const { dialog, code } = await openConnect(page, xms.url);
    await expect(dialog.getByRole("alert")).toContainText("The code has expired", { timeout: 10_000 });
    await expectAccessible(page, "the Connect dialog with an expired code");
    await dialog.getByRole("button", { name: "Get a new code" }).click();
    const fresh = dialog.getByLabel("App authentication code");
    await expect(fresh).toHaveText(/^[A-Z0-9]{6,}$/);
    expect(await fresh.textContent()).not.toBe(code);
  });
});

test("Cancel on the consent page says the sign-in was cancelled, and Try again restarts", async ({ page, context, xms }) => {
  const { dialog, code } = await openConnect(page, xms.url);
  const tab = await logIn(context, page);
  await signIn(tab, code, MEGAN, "Cancel");
  await expect(dialog.getByRole("alert")).toContainText("The sign-in was cancelled");
  await expectAccessible(page, "the Connect dialog after a cancelled sign-in");
  await dialog.getByRole("button", { name: "Try again" }).click();
  await expect(dialog.getByLabel("App authentication code")).toHaveText(/^[A-Z0-9]{6,}$/);
  await expect(page.getByRole("list", { name: "Organizations" })).toHaveCount(0);
});

test("Conditional Access blocking the device code is explained plainly", async ({ page, context, xms }) => {
  const { dialog, code } = await openConnect(page, xms.url);
  const tab = await logIn(context, page);
  await signIn(tab, code, /Nestor Wilke/, "Continue");
  await expect(dialog.getByRole("alert")).toContainText("Conditional Access policies block signing in with a device code");
  await expect(dialog.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectAccessible(page, "the Connect dialog with sign-in blocked");
});

test("XMS stopped for a few seconds while waiting: Reconnecting…, then it recovers by itself", async ({ page, context, xms }) => {
  const { dialog, code } = await openConnect(page, xms.url);
  await xms.stop();
  await expect(dialog.getByRole("status").filter({ hasText: "Reconnecting" })).toBeVisible({ timeout: 10_000 });
  await expect(dialog.getByLabel("App authentication code")).toHaveText(code);
  await expectAccessible(page, "the Connect dialog reconnecting");
  await page.waitForTimeout(2_000);
  await xms.restartOnSamePort();
  const tab = await logIn(context, page);
  await signIn(tab, code, MEGAN, "Continue");
  await expect(dialog.getByText("Organization connected")).toBeVisible({ timeout: 20_000 });
});

test("a sign-in address that is neither https nor XMS's own is refused", async ({ page, xms }) => {
  await page.route("**/api/v1/m365/connections", async (route) => {
    const response = await route.fetch();
    const connection = await response.json();
    connection.verification_uri = "http://login.example.net/devicelogin";
    await route.fulfill({ response, json: connection });
  });
  const { dialog } = await openConnect(page, xms.url);
  await expect(dialog.getByRole("alert")).toContainText("not secure, so it was not opened: http://login.example.net/devicelogin");
  await expect(dialog.getByRole("link", { name: "Log in to Microsoft 365" })).toHaveCount(0);
  await expectAccessible(page, "the Connect dialog refusing a sign-in address");
});

test("without the Clipboard API the code is selected with a hint to press Ctrl+C", async ({ page, xms }) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { clipboard?: unknown }).clipboard;
  });
  const { dialog, code } = await openConnect(page, xms.url);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "Press Ctrl+C to copy" })).toBeVisible();
  await expectAccessible(page, "the Connect dialog without the Clipboard API");
  expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(code);
});

test("when XMS cannot start a sign-in, the dialog says why and offers Try again", async ({ page, xms }) => {
  await page.route("**/api/v1/m365/connections", (route) =>
    route.fulfill({
      status: 502,
      json: { error: { code: "bad_gateway", message: "XMS could not reach the Microsoft sign-in service." } },
    }),
  );
  await page.goto(xms.url);
  await page.getByRole("button", { name: "Connect" }).click();
  const dialog = page.getByRole("dialog", DIALOG);
  await expect(dialog.getByRole("alert")).toContainText("XMS could not reach the Microsoft sign-in service.");
  await expectAccessible(page, "the Connect dialog when XMS cannot start a sign-in");
  await page.unroute("**/api/v1/m365/connections");
  await dialog.getByRole("button", { name: "Try again" }).click();
  await expect(dialog.getByLabel("App authentication code")).toHaveText(/^[A-Z0-9]{6,}$/);
});
