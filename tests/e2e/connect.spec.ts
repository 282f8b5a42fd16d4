// Connecting a Microsoft 365 organization, as an administrator does it: Xopero's steps with
// the development sign-in authority in a second tab, and every way the sign-in can end.
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, holdClock, XmsServer } from "./server";
import { forwardTo } from "./proxy";
import { logIn, signIn } from "./sign-in";
import { expectAccessible } from "./axe";
import { STATUS, expectStatus } from "./tiles";

const DIALOG = { name: "Connect a Microsoft 365 organization" };
const MEGAN = /Megan Bowen/;

/**
 * Clicks Log in to Microsoft 365 and signs in as Megan in the tab it opens, waiting for the
 * sign-in to finish there before closing it.
 */
async function signInInOtherTab(context: BrowserContext, page: Page, code: string) {
  const tab = await logIn(context, page);
  await signIn(tab, code, MEGAN, "Continue");
  // Closing the tab before the consent has reached the authority would end the sign-in there.
  await expect(tab.getByText("You may now close this window.")).toBeVisible();
  await tab.close();
}

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
  await signInInOtherTab(context, page, code);
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
  await signInInOtherTab(context, page, code);
  await expect(dialog.getByText("Organization connected")).toBeVisible();
  await dialog.getByRole("button", { name: "Run backup" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await expect(tile.getByRole("progressbar", { name: "Backup of Contoso Ltd" })).toBeVisible();
  await expectStatus(tile, STATUS.backup_running);
  await expect(tile.getByRole("button", { name: "Run backup of Contoso Ltd" })).toBeDisabled();
  // Focus returns to Connect, where the dialog was opened.
  await expect(page.getByRole("button", { name: "Connect" })).toBeFocused();
});

test("one click copies the code and opens Microsoft's page, which the dialog names as the only place for it", async ({ page, context, xms }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { dialog, code } = await openConnect(page, xms.url);
  await expect(dialog).toContainText(
    `Enter the code only on Microsoft's sign-in page, at ${xms.url}/devicelogin. If any other page or person asks you ` +
      "for it, or Microsoft names an application other than Xopero Registrator, stop: whoever asked may be trying to " +
      "take over the organization.",
  );
  await page.evaluate(() => navigator.clipboard.writeText("something else"));
  const tab = await logIn(context, page);
  await expect(tab).toHaveURL(`${xms.url}/devicelogin`);
  // The code is there to paste on Microsoft's page, and the dialog still shows it.
  expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await expect(dialog.getByLabel("App authentication code")).toHaveText(code);
  await signIn(tab, code, MEGAN, "Continue");
  await expect(tab.getByText("You may now close this window.")).toBeVisible();
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
  expect([...seen]).toEqual(expect.arrayContaining(["×", "Copy", "Copy the code and log in to Microsoft 365"]));
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Connect" })).toBeFocused();
});

/**
 * Counts the checks of a sign-in attempt (`GET /connections/{id}`) the page sends, and those
 * that have ended, answered or not.
 */
function countChecks(page: Page) {
  const counts = { sent: 0, ended: 0 };
  const isCheck = (request: { url(): string; method(): string }) =>
    request.url().includes("/api/v1/m365/connections/") && request.method() === "GET";
  page.on("request", (request) => isCheck(request) && counts.sent++);
  page.on("requestfinished", (request) => isCheck(request) && counts.ended++);
  page.on("requestfailed", (request) => isCheck(request) && counts.ended++);
  return counts;
}

/**
 * With the page's clock held: runs it a second at a time until the page has sent a check
 * more than it had, which shows that the checks follow that clock.
 */
async function expectCheckOnTheClock(page: Page, checks: { sent: number }) {
  const before = checks.sent;
  await expect
    .poll(async () => {
      await page.clock.runFor(1_000);
      return checks.sent;
    }, { message: "a second of the page's clock brings a check" })
    .toBeGreaterThan(before);
}

/**
 * With the page's clock held and no check under way: runs the clock on for far longer than
 * the poll interval (1 s) and its longest back-off (15 s), twice, so that every wait the
 * attempt could be in runs out, and so would a wait begun once a check under way was answered.
 */
async function outwaitEveryCheck(page: Page) {
  await page.clock.runFor(20_000);
  await page.clock.runFor(20_000);
}

test("closing the dialog cancels the attempt and stops polling", async ({ page, xms }) => {
  const checks = countChecks(page);
  const cancels: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/m365/connections/") && request.method() === "DELETE") cancels.push(request.url());
  });
  const { dialog } = await openConnect(page, xms.url);
  await holdClock(page);
  await expectCheckOnTheClock(page, checks);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => cancels.length).toBe(1);
  await expect.poll(() => checks.ended, { message: "every check was answered" }).toBe(checks.sent);
  const after = checks.sent;
  await outwaitEveryCheck(page);
  expect(checks.sent, "polling went on after the dialog closed").toBe(after);
});

test("polling pauses while the page is hidden and checks at once when it shows again", async ({ page, xms }) => {
  const checks = countChecks(page);
  await openConnect(page, xms.url);
  await holdClock(page);
  await expectCheckOnTheClock(page, checks);
  const setVisibility = (state: string) =>
    page.evaluate((state) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  // A check already under way may still land.
  await expect.poll(() => checks.ended, { message: "every check was answered" }).toBe(checks.sent);
  const whileHidden = checks.sent;
  await outwaitEveryCheck(page);
  expect(checks.sent, "polled while the page was hidden").toBe(whileHidden);
  await setVisibility("visible");
  // The clock is held, so no interval can run out: this check is the page showing again.
  await expect.poll(() => checks.sent, { message: "a check as the page shows again" }).toBeGreaterThan(whileHidden);
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

/** Fills the application form of `dialog` and submits it. */
async function enterApplication(
  dialog: Locator,
  fields: { tenant: string; clientId: string; secret: string; expires: string },
) {
  await dialog.getByLabel("Directory (tenant) ID or verified domain").fill(fields.tenant);
  await dialog.getByLabel("Application (client) ID").fill(fields.clientId);
  await dialog.getByLabel("Client secret value").fill(fields.secret);
  await dialog.getByLabel("Secret expires on").fill(fields.expires);
  await dialog.getByRole("button", { name: "Check and connect" }).click();
}

test("a tenant whose Conditional Access blocks the device code is explained plainly, then connects with its own application", async ({ page, context, xms }) => {
  const { dialog, code } = await openConnect(page, xms.url);
  const tab = await logIn(context, page);
  await signIn(tab, code, /Nestor Wilke/, "Continue");
  await expect(dialog.getByRole("alert")).toContainText("Conditional Access policies block signing in with a device code");
  await expect(dialog.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectAccessible(page, "the Connect dialog with sign-in blocked");

  await dialog.getByRole("button", { name: "Register the application yourself" }).click();
  await expect(dialog.getByRole("heading", { name: "Register the application yourself" })).toBeVisible();
  // The steps name every permission to grant.
  await expect(dialog.getByRole("listitem").filter({ hasText: /^Mail\.ReadWrite$/ })).toBeVisible();
  await expectAccessible(page, "the Connect dialog's application form");
  const { clientId, secret } = xms.registerApplication("woodgrovebank.com");
  await enterApplication(dialog, { tenant: "woodgrovebank.com", clientId, secret, expires: "2027-05-30" });
  await expect(dialog.getByText("Organization connected")).toBeVisible();
  await expect(dialog).toContainText("Woodgrove Bank (woodgrovebank.onmicrosoft.com) has been added to XMS.");
  const list = page.getByRole("list", { name: "Organizations" });
  await expect(list.getByRole("heading", { name: "Woodgrove Bank" })).toBeVisible();
  // The secret went to XMS once and never comes back from it.
  const { organizations } = await xms.api("GET", "/m365/organizations");
  expect(JSON.stringify(organizations)).not.toContain(secret);
});

test("a wrong secret, a missing admin consent and an unknown tenant each say what to fix, keeping what was typed", async ({ page, xms }) => {
  const { dialog } = await openConnect(page, xms.url);
  await dialog.getByRole("button", { name: "Register the application yourself" }).click();
  const { clientId } = xms.registerApplication("contoso.com");
  const typed = { tenant: "contoso.com", clientId, secret: "abc8Q~not-the-secret", expires: "2027-05-30" };
  const secretField = dialog.getByLabel("Client secret value");

  await enterApplication(dialog, typed);
  await expect(secretField).toHaveAccessibleDescription(/Microsoft does not accept this client secret/);
  await expect(secretField).toHaveAttribute("aria-invalid", "true");
  await expect(secretField).toHaveValue(typed.secret);
  await expect(dialog.getByLabel("Application (client) ID")).toHaveValue(clientId);
  await expectAccessible(page, "the application form refusing a secret");

  const unconsented = xms.registerApplication("contoso.com", { consent: false });
  await enterApplication(dialog, { ...typed, clientId: unconsented.clientId, secret: unconsented.secret });
  await expect(dialog.getByLabel("Application (client) ID")).toHaveAccessibleDescription(
    /No administrator has consented to the application's permissions yet/,
  );
  await expect(secretField).toHaveAttribute("aria-invalid", "false");

  await enterApplication(dialog, { ...typed, tenant: "nowhere.example.com" });
  await expect(dialog.getByLabel("Directory (tenant) ID or verified domain")).toHaveAccessibleDescription(
    /Microsoft knows no organization with this ID or domain/,
  );
  await expect(page.getByRole("list", { name: "Organizations" })).toHaveCount(0);

  // Back to the device code: a new code, and the form gone.
  await dialog.getByRole("button", { name: "Use a device code instead" }).click();
  await expect(dialog.getByLabel("App authentication code")).toHaveText(/^[A-Z0-9]{6,}$/);
});

test("a certificate XMS makes downloads as a file; until it is uploaded to the application Microsoft's refusal says where, then it connects", async ({ page, xms }) => {
  const { dialog } = await openConnect(page, xms.url);
  await dialog.getByRole("button", { name: "Register the application yourself" }).click();
  const { clientId } = xms.registerApplication("contoso.com");
  await dialog.getByLabel("Directory (tenant) ID or verified domain").fill("contoso.com");
  await dialog.getByLabel("Application (client) ID").fill(clientId);
  await dialog.getByRole("radio", { name: /A certificate XMS makes/ }).check();
  await expect(dialog.getByLabel("Client secret value")).toHaveCount(0);
  await expect(dialog.getByRole("listitem").filter({ hasText: /choose Upload certificate/ })).toBeVisible();
  const connect = dialog.getByRole("button", { name: "Check and connect" });

  await connect.click();
  const make = dialog.getByRole("button", { name: "Make a certificate" });
  await expect(make).toHaveAccessibleDescription(/Make a certificate first/);
  await make.click();
  await expect(dialog).toContainText(/Certificate made\. Its thumbprint is [0-9A-F]{40}/);
  await expectAccessible(page, "the application form with a certificate made");
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("link", { name: /Download the certificate/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("xopero-one-xms.pem");
  const file = await download.path();

  await connect.click();
  const again = dialog.getByRole("button", { name: "Make a new certificate" });
  await expect(again).toHaveAccessibleDescription(/Microsoft does not accept this certificate for the application yet/);
  // What was typed stayed, and so did the certificate.
  await expect(dialog.getByLabel("Application (client) ID")).toHaveValue(clientId);

  xms.authority("upload-certificate", "--application", clientId, "--certificate", file);
  await connect.click();
  await expect(dialog.getByText("Organization connected")).toBeVisible();
  await expect(page.getByRole("list", { name: "Organizations" }).getByRole("heading", { name: "Contoso Ltd" })).toBeVisible();
  const organizationId = await xms.organizationId("Contoso Ltd");
  const { credential } = await xms.api("GET", `/m365/organizations/${organizationId}/settings`);
  expect(credential).toMatchObject({ kind: "certificate", client_id: clientId });
});

test("XMS stopped for a few seconds while waiting: Reconnecting…, then it recovers by itself", async ({ page, context, xms }) => {
  let unanswered = 0;
  page.on("requestfailed", (request) => {
    if (request.url().includes("/api/v1/m365/connections/") && request.method() === "GET") unanswered++;
  });
  const { dialog, code } = await openConnect(page, xms.url);
  await xms.stop();
  await expect(dialog.getByRole("status").filter({ hasText: "Reconnecting" })).toBeVisible({ timeout: 10_000 });
  await expect(dialog.getByLabel("App authentication code")).toHaveText(code);
  await expectAccessible(page, "the Connect dialog reconnecting");
  // It keeps checking while XMS is away: a second check finds it stopped too (the page's
  // clock is hurried through the back-off rather than waited for).
  await expect
    .poll(async () => {
      await page.clock.runFor(1_000);
      return unanswered;
    }, { message: "checks while XMS is stopped" })
    .toBeGreaterThanOrEqual(2);
  await expect(dialog.getByRole("status").filter({ hasText: "Reconnecting" })).toBeVisible();
  await xms.restartOnSamePort();
  const tab = await logIn(context, page);
  await signIn(tab, code, MEGAN, "Continue");
  await expect(dialog.getByText("Organization connected")).toBeVisible({ timeout: 20_000 });
});

/**
 * XMS signing in against another reference server's development authority: its sign-in page
 * is on that server, in plain http, which is neither https nor XMS's own address.
 */
const withForeignAuthority = test.extend<{ authority: XmsServer }>({
  authority: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "xms-e2e-authority-"));
    const authority = new XmsServer(dataDir, []);
    await authority.start();
    await use(authority);
    await authority.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  serverArgs: async ({ authority }, use) =>
    use(["--poll-interval", "1", "--authority-url", `${authority.url}/organizations`]),
});

withForeignAuthority("a sign-in address that is neither https nor XMS's own is refused", async ({ page, xms, authority }) => {
  const { dialog } = await openConnect(page, xms.url);
  await expect(dialog.getByRole("alert")).toContainText(`not secure, so it was not opened: ${authority.url}/devicelogin`);
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

/**
 * The Microsoft sign-in service as XMS reaches it: at first a port where nothing listens;
 * `comeBack(to)` then listens there and passes everything on to the development authority
 * at `to`.
 */
class SignInService {
  private server?: Server;
  private constructor(readonly port: number) {}

  get authorityUrl() {
    return `http://127.0.0.1:${this.port}/organizations`;
  }

  /** A port that was free a moment ago, and is closed again. */
  static async unreachable(): Promise<SignInService> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return new SignInService(port);
  }

  async comeBack(to: string): Promise<void> {
    this.server = createServer((incoming, answer) => forwardTo(to, incoming, answer));
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server!.close(resolve));
  }
}

const withSignInServiceDown = test.extend<{ signInService: SignInService }>({
  signInService: async ({}, use) => {
    const service = await SignInService.unreachable();
    await use(service);
    await service.close();
  },
  serverArgs: async ({ signInService }, use) =>
    use(["--poll-interval", "1", "--authority-url", signInService.authorityUrl]),
});

withSignInServiceDown("when XMS cannot start a sign-in, the dialog says why and offers Try again", async ({ page, xms, signInService }) => {
  const starts: number[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith("/api/v1/m365/connections") && response.request().method() === "POST") starts.push(response.status());
  });
  await page.goto(xms.url);
  await page.getByRole("button", { name: "Connect" }).click();
  const dialog = page.getByRole("dialog", DIALOG);
  // XMS's own words, with the address it could not reach.
  await expect(dialog.getByRole("alert")).toContainText(
    `XMS could not reach the Microsoft sign-in service at ${signInService.authorityUrl}.`,
  );
  expect(starts).toEqual([502]);
  await expectAccessible(page, "the Connect dialog when XMS cannot start a sign-in");
  // The sign-in service is back: Try again asks XMS afresh, which now gets a code.
  await signInService.comeBack(xms.url);
  await dialog.getByRole("button", { name: "Try again" }).click();
  await expect(dialog.getByLabel("App authentication code")).toHaveText(/^[A-Z0-9]{6,}$/);
  await expect(dialog.getByRole("link", { name: "Log in to Microsoft 365" })).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  expect(starts).toEqual([502, 201]);
});
