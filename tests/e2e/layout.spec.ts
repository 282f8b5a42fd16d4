// Reflow and motion: at 320 px wide and at 200% zoom (a 1280 px window is then 640 CSS px
// wide) every view fits without horizontal scrolling, and motion stops when the system asks.
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { contosoManual as contoso } from "./tenants";

/** Fails when the page, or anything in the module, would need scrolling sideways to be read. */
async function expectNoSidewaysScrolling(page: Page, state: string): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
    }
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> ${(element.textContent ?? "").trim().slice(0, 40)}`;
    // The module's shadow root, or the page itself for the sign-in authority's pages.
    const root = document.getElementById("xms-module")?.shadowRoot ?? document;
    for (const element of root.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Beyond the window's right edge: cut off, or only reachable by scrolling.
      if (box.right > width + 0.5) found.push(`${describe(element)} reaches ${Math.round(box.right)} px`);
      // Its own sideways scrollbar.
      const overflowX = getComputedStyle(element).overflowX;
      if ((overflowX === "auto" || overflowX === "scroll") && element.scrollWidth > element.clientWidth) {
        found.push(`${describe(element)} scrolls sideways`);
      }
    }
    return found;
  });
  expect(overflowing, `sideways scrolling in ${state}`).toEqual([]);
}


for (const [width, what] of [
  [320, "320 px wide"],
  [640, "200% zoom"],
] as const) {
  test.describe(`at ${what}`, () => {
    test.use({ viewport: { width, height: 640 }, serverArgs: ["--poll-interval", "1", "--seed-organizations", "14"] });

    test(`every view fits without scrolling sideways at ${what}`, async ({ page, xms }) => {
      xms.addOrganization(contoso);
      await page.goto(xms.url);
      await expect(page.getByRole("list", { name: "Organizations" }).locator(":scope > li")).toHaveCount(15);
      await expectNoSidewaysScrolling(page, "the dashboard");

      await page.getByRole("button", { name: "Connect" }).click();
      const dialog = page.getByRole("dialog", { name: "Connect a Microsoft 365 organization" });
      await expect(dialog.getByLabel("App authentication code")).toHaveText(/^[A-Z0-9]{6,}$/);
      await expectNoSidewaysScrolling(page, "the Connect dialog");
      await page.keyboard.press("Escape");

      await page.getByRole("link", { name: "Edit Contoso Ltd" }).click();
      const panel = page.getByRole("dialog", { name: "Edit Contoso Ltd" });
      await panel.getByRole("radio", { name: /^Automatic/ }).check();
      await expect(panel).toContainText("Switching protects 50 users");
      await expectNoSidewaysScrolling(page, "the Edit panel");
      await panel.getByRole("button", { name: "Remove organization…" }).click();
      await expectNoSidewaysScrolling(page, "the Edit panel asking to confirm removal");
      await page.keyboard.press("Escape");
      await expectNoSidewaysScrolling(page, "the question whether to discard changes");
      await page.getByRole("alertdialog").getByRole("button", { name: "Discard changes" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);

      await page.getByRole("link", { name: "Custom policy of Contoso Ltd" }).click();
      await page.getByRole("radio", { name: /^GFS/ }).check();
      await page.getByRole("radio", { name: "AES-GCM" }).check();
      await expect(page.getByRole("status").filter({ hasText: /^Next: / })).toBeVisible();
      await expectNoSidewaysScrolling(page, "the policy editor");

      await page.goto(`${xms.url}/devicelogin`);
      await expect(page.getByRole("heading", { name: "Enter code" })).toBeVisible();
      await expectNoSidewaysScrolling(page, "the device-login page");
    });
  });
}

/**
 * Fails when an element showing `word` reaches past the tile, dialog or page it is in: a name
 * that runs out of its box is cut off or overlaps its neighbours.
 */
async function expectWrappedWithinItsBox(page: Page, word: string, state: string): Promise<void> {
  const found = await page.evaluate((word) => {
    const root = document.getElementById("xms-module")!.shadowRoot!;
    const problems: string[] = [];
    let seen = 0;
    for (const element of root.querySelectorAll("*")) {
      const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(word));
      if (!own) continue;
      seen++;
      const box = element.closest(".m365-tile, .m365-modal, .m365-page")!.getBoundingClientRect();
      const text = element.getBoundingClientRect();
      if (text.right > box.right + 0.5 || element.scrollWidth > element.clientWidth + 1) {
        problems.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute("class")}"> reaches ${Math.round(text.right)} px, its box ends at ${Math.round(box.right)} px`);
      }
    }
    return seen === 0 ? ["the name is not shown"] : problems;
  }, word);
  expect(found, `long words running out of their boxes in ${state}`).toEqual([]);
}

test("a tenant's long name and domain wrap inside the tile, the Edit panel and the policy editor", async ({ page, xms }) => {
  // A single word of 160 characters, and a domain to match: nowhere to break but anywhere.
  const name = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft".repeat(2).slice(0, 160);
  const domain = `${"verylongsubsidiarydomainname".repeat(3)}.onmicrosoft.com`;
  xms.addOrganization({ tenantId: "long-name-tenant", name, domain, users: 12 });
  await page.goto(xms.url);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expectWrappedWithinItsBox(page, name, "the tile");
  await expectWrappedWithinItsBox(page, domain, "the tile's domain");

  await page.getByRole("link", { name: `Edit ${name}` }).click();
  await expect(page.getByRole("dialog", { name: `Edit ${name}` })).toBeVisible();
  await expectWrappedWithinItsBox(page, name, "the Edit panel");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("link", { name: `Custom policy of ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expectWrappedWithinItsBox(page, name, "the policy editor");
});

test.describe("with backups that take 20 seconds", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--backup-duration", "20"] });

  test("the progress bar moves without animation when reduced motion is asked for", async ({ page, xms }) => {
    xms.addOrganization(contoso);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(xms.url);
    const tile = page.getByRole("article", { name: "Contoso Ltd" });
    await tile.getByRole("button", { name: "Run backup of Contoso Ltd" }).click();
    const bar = tile.getByRole("progressbar").locator(".m365-progress__bar");
    await expect(bar).toHaveCSS("transition-duration", "0s");
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await expect(bar).not.toHaveCSS("transition-duration", "0s");
  });
});
