// Without a mouse: the whole connect flow and an Edit save with the keyboard alone, focus
// visible at every stop, dialogs returning focus where they were opened.
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./server";

/**
 * Notes how every element on `page` looks without focus (its outline and box shadow), through
 * shadow roots, but for the one that has it, which keeps how it looked before it got it: to
 * compare each stop of the focus with the same element unfocused.
 */
async function noteUnfocused(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    const looks: WeakMap<Element, { outline: string; shadow: string }> = (w.unfocusedLooks ??= new WeakMap());
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const note = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll("*")) {
        if (element !== active) {
          const style = getComputedStyle(element);
          const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
          looks.set(element, {
            outline: outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}` : "none",
            shadow: style.boxShadow,
          });
        }
        if (element.shadowRoot) note(element.shadowRoot);
      }
    };
    note(document);
  });
}

/**
 * What has focus, through shadow roots, described for a failure message, and whether its focus
 * shows: an outline or a box shadow it did not have unfocused (see `noteUnfocused`, which this
 * calls again for the next stop); null when nothing has focus.
 */
async function focused(page: Page): Promise<{ description: string; visible: boolean } | null> {
  const now = await page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const look = {
      outline: outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}` : "none",
      shadow: style.boxShadow,
    };
    const unfocused = ((window as any).unfocusedLooks as WeakMap<Element, typeof look> | undefined)?.get(element);
    const description = `<${element.tagName.toLowerCase()}> ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 60)}`;
    if (!unfocused) return { description: `${description} (not seen unfocused)`, visible: false };
    return {
      description: `${description} (unfocused: outline ${unfocused.outline}, box shadow ${unfocused.shadow}; focused: outline ${look.outline}, box shadow ${look.shadow})`,
      visible:
        (look.outline !== "none" && look.outline !== unfocused.outline) ||
        (look.shadow !== "none" && look.shadow !== unfocused.shadow),
    };
  });
  await noteUnfocused(page);
  return now;
}

/**
 * Presses Tab until `target` has focus, failing if it takes more than `limit` presses or if
 * any stop on the way shows no focus indicator that it lacks unfocused.
 */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  const invisible: string[] = [];
  await noteUnfocused(page);
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now && !now.visible) invisible.push(now.description);
    if (await target.evaluate((node) => (node.getRootNode() as Document | ShadowRoot).activeElement === node)) {
      expect(invisible, "focus was not visible on").toEqual([]);
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test("an administrator connects an organization and saves its settings with the keyboard alone", async ({ page, context, xms }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(xms.url);
  const connect = page.getByRole("button", { name: "Connect" });
  await expect(connect).toBeVisible();

  await tabTo(page, connect);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Connect a Microsoft 365 organization" });
  await expect(dialog).toBeFocused();
  const code = (await dialog.getByLabel("App authentication code").textContent())!;
  await expect(dialog.getByLabel("App authentication code")).toHaveText(/^[A-Z0-9]{6,}$/);
  await tabTo(page, dialog.getByRole("button", { name: "Copy" }));
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();

  await tabTo(page, dialog.getByRole("link", { name: "Log in to Microsoft 365" }));
  const [tab] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("Enter")]);
  await tab.waitForLoadState();
  await tabTo(tab, tab.getByLabel("Code"));
  await tab.keyboard.type(code);
  await tab.keyboard.press("Enter");
  const megan = tab.getByRole("button", { name: /Megan Bowen/ });
  await expect(megan).toBeVisible();
  await tabTo(tab, megan);
  await tab.keyboard.press("Enter");
  const proceed = tab.getByRole("button", { name: "Continue" });
  await expect(proceed).toBeVisible();
  await tabTo(tab, proceed);
  await tab.keyboard.press("Enter");
  await expect(tab.getByText("You may now close this window.")).toBeVisible();
  await tab.close();

  await expect(dialog.getByText("Organization connected")).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(connect).toBeFocused();

  const edit = page.getByRole("link", { name: "Edit Contoso Ltd" });
  await tabTo(page, edit);
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: "Edit Contoso Ltd" });
  await expect(panel).toBeVisible();
  const interval = panel.getByLabel("User sync interval");
  await expect(interval).toHaveValue("24");
  await tabTo(page, interval);
  // A closed select steps to the option above with the Up arrow, as a person would.
  await page.keyboard.press("ArrowUp");
  await expect(interval).toHaveValue("12");
  await tabTo(page, panel.getByRole("button", { name: "Save" }));
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  const id = (await xms.api("GET", "/m365/organizations")).organizations[0].id;
  expect((await xms.api("GET", `/m365/organizations/${id}/settings`)).settings.user_sync_interval_hours).toBe(12);

  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(edit).toBeFocused();
});
