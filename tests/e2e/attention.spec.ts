// What needs attention, at the scale of a managed-service provider: with 1,000 organizations the
// summary counts each state as XMS reports it, and each state shows exactly its organizations,
// with the name filter too, kept in the URL.
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { expectAccessible } from "./axe";

// A failure's trace keeps its actions, console and network, but no DOM snapshots: a snapshot of a
// thousand tiles before and after every action made the first test take 80 s, and time out on a
// loaded machine.
test.use({ trace: { mode: "retain-on-failure", snapshots: false } });
// The seeded backups that run outlast the tests, so that no state changes while they count.
test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "1000", "--backup-duration", "3600"] });

/** Each state, its URL value and the summary's words for `n` organizations in it. */
const STATES: [string, (o: any) => boolean, (n: number) => string][] = [
  ["failed", (o) => o.status === "last_backup_failed", (n) => `${n} last backup${n === 1 ? "" : "s"} failed`],
  ["reauthorize", (o) => o.status === "needs_reauthorization", (n) => `${n} to re-authorize`],
  ["never", (o) => o.status === "never_backed_up", (n) => `${n} never backed up`],
  ["worker-offline", (o) => !o.default_worker.online, (n) => `${n} with ${n === 1 ? "its" : "their"} worker offline`],
  ["unprotected", (o) => o.protected_users < o.user_count, (n) => `${n} with users left unprotected`],
  ["licences-short", (o) => o.licences_short > 0, (n) => `${n} with too few licences`],
];

function count(page: Page) {
  return page.getByRole("status").filter({ hasText: /organizations?$/ });
}

test("the summary counts each state as XMS does, and each state shows exactly its organizations", async ({ page, xms }) => {
  // A thousand tiles, rendered again for each state: some 20 s, more on a loaded machine.
  test.slow();
  const { organizations } = await xms.api("GET", "/m365/organizations");
  expect(organizations).toHaveLength(1000);
  await page.goto(xms.url);
  await expect(count(page)).toHaveText("1,000 organizations");
  // It comes with the panels' chunk, after the first tiles have painted.
  const summary = page.getByRole("list", { name: "Needs attention" });
  await expect(summary).toBeVisible({ timeout: 30_000 });

  for (const [param, holds, words] of STATES) {
    const expected = organizations.filter(holds);
    expect(expected.length, `the seed has organizations that are ${param}`).toBeGreaterThan(0);
    const state = summary.getByRole("button", { name: words(expected.length), exact: true });
    await state.click();
    await expect(state).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(new RegExp(`[?&]needs=${param}(&|$)`));
    await expect(count(page)).toHaveText(`Showing ${expected.length.toLocaleString("en-US")} of 1,000 organizations`);
    if (expected.length <= 40) {
      const tiles = page.getByRole("list", { name: "Organizations" }).getByRole("heading", { level: 2 });
      await expect(tiles).toHaveCount(expected.length);
      expect((await tiles.allTextContents()).sort()).toEqual(expected.map((o: any) => o.name).sort());
    }
    // Pressed again, every organization shows again.
    await state.click();
    await expect(state).toHaveAttribute("aria-pressed", "false");
    await expect(count(page)).toHaveText("1,000 organizations");
  }

  // A state combines with the name filter, and both survive a reload.
  const failed = organizations.filter(STATES[0][1]);
  const word = failed[0].name.split(" ")[0];
  const both = failed.filter(
    (o: any) => o.name.toLowerCase().includes(word.toLowerCase()) || o.primary_domain.includes(word.toLowerCase()),
  );
  await summary.getByRole("button", { name: STATES[0][2](failed.length), exact: true }).click();
  await page.getByRole("searchbox", { name: "Filter by name or domain" }).fill(word);
  await expect(count(page)).toHaveText(`Showing ${both.length} of 1,000 organizations`);
  await expectAccessible(page, "the summary, a state shown and a name filter");
  await page.reload();
  await expect(count(page)).toHaveText(`Showing ${both.length} of 1,000 organizations`);
  await expect(summary.getByRole("button", { name: STATES[0][2](failed.length), exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByRole("searchbox", { name: "Filter by name or domain" }).fill("no such organization");
  await page.getByRole("button", { name: "Clear the filter" }).click();
  await expect(count(page)).toHaveText(`Showing ${failed.length} of 1,000 organizations`);
  await summary.getByRole("button", { name: STATES[0][2](failed.length), exact: true }).click();
  await expect(count(page)).toHaveText("1,000 organizations");
  await expect(page).not.toHaveURL(/needs=/);
});

test("a backup that starts is counted as running", async ({ page, xms }) => {
  // A thousand tiles to load: some 20 s on a loaded machine.
  test.slow();
  const { organizations } = await xms.api("GET", "/m365/organizations");
  const running = organizations.filter((o: any) => o.status === "backup_running").length;
  const healthy = organizations.find((o: any) => o.status === "healthy");
  await page.goto(xms.url);
  await expect(count(page)).toHaveText("1,000 organizations");
  const summary = page.getByRole("list", { name: "Needs attention" });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await xms.startBackup(healthy.name);
  const state = summary.getByRole("button", { name: `${running + 1} backup${running + 1 === 1 ? "" : "s"} running` });
  await expect(state).toBeVisible();
  await state.click();
  await expect(page.getByRole("article", { name: healthy.name })).toBeVisible();
});
