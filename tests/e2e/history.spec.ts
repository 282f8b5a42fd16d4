// An organization's backup history: reached from a failed result on its tile, it shows the
// failing runs and the chart that marks them; one run's skipped items with their reasons; a
// CSV of the runs shown with the same rows; paging and the address keeping the view; and a
// backup started elsewhere appearing without a reload.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { expectAccessible } from "./axe";

test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "14"] });

/** The runs table (the caption names it "Runs …"). */
function runsTable(page: Page) {
  return page.getByRole("table", { name: /^Runs / });
}

test("a failed result on the tile opens the failing runs, marked on the chart, with the same rows as CSV", async ({ page, xms }) => {
  const { organizations } = await xms.api("GET", "/m365/organizations");
  const failing = organizations.find((o: any) => o.last_backup?.failure);
  expect(failing, "the seed has an organization whose last backup failed").toBeTruthy();
  const failed = await xms.api("GET", `/m365/organizations/${failing.id}/backups?result=failed&page_size=200`);
  expect(failed.total).toBeGreaterThan(0);

  await page.goto(xms.url);
  await page
    .getByRole("article", { name: failing.name })
    .getByRole("link", { name: `Backup history of ${failing.name}: Failed: ${failing.last_backup.failure}` })
    .click();
  await expect(page).toHaveURL(/\/organizations\/[^/]+\/history\?result=failed$/);
  await expect(page.getByRole("heading", { level: 1, name: `Backup history of ${failing.name}` })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Result" })).toHaveValue("failed");

  const rows = runsTable(page).locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(failed.total);
  for (const row of await rows.all()) await expect(row).toContainText(`Failed: ${failing.last_backup.failure}`);
  const chart = page.getByRole("img", { name: /Duration and items of the runs shown/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(new RegExp(`${failed.total} runs?, ${failed.total} failed`));
  await expect(chart.locator(".m365-chart__failed")).toHaveCount(failed.total);
  await expectAccessible(page, "the failing runs");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: `Export ${failed.total} run${failed.total === 1 ? "" : "s"} shown as CSV` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`Backup history of ${failing.name}.csv`);
  const csv = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(csv[0]).toBe(
    "Asked for,Started,Finished,Started by,Kind,Result,Duration (seconds),Items,Size (bytes),Items skipped,Run",
  );
  // The same runs, in the table's order, with XMS's values.
  expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(failed.runs.map((run: any) => run.created_at));
  expect(csv.slice(1).map((line) => line.split(",").at(-1))).toEqual(failed.runs.map((run: any) => run.id));
  expect(csv.slice(1).map((line) => line.split(",")[7])).toEqual(failed.runs.map((run: any) => String(run.items)));
  for (const line of csv.slice(1)) expect(line).toContain(`Failed: ${failing.last_backup.failure}`);
});

test("one run's details list the items it skipped and why, and the address keeps the view", async ({ page, xms }) => {
  const { organizations } = await xms.api("GET", "/m365/organizations");
  // An organization with a run that skipped items, and that run's details as XMS has them.
  let organization: any;
  let warned: any;
  for (const candidate of organizations) {
    const page = await xms.api("GET", `/m365/organizations/${candidate.id}/backups?result=warnings&page_size=200`);
    if (page.total > 0) {
      [organization, warned] = [candidate, page];
      break;
    }
  }
  expect(warned, "the seed has a run with items skipped").toBeTruthy();
  const details = await xms.api("GET", `/m365/organizations/${organization.id}/backups/${warned.runs[0].id}`);
  expect(details.skipped.length).toBeGreaterThan(0);

  await page.goto(xms.url);
  await page
    .getByRole("article", { name: organization.name })
    .getByRole("link", { name: new RegExp(`^Backup history of ${organization.name}: `) })
    .click();
  const all = await xms.api("GET", `/m365/organizations/${organization.id}/backups`);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText(`Runs 1–${Math.min(25, all.total)} of ${all.total}`);
  await page.getByRole("combobox", { name: "Result" }).selectOption({ label: "Succeeded with items skipped" });
  await expect(page).toHaveURL(/result=warnings/);
  const rows = runsTable(page).locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(warned.total);
  await rows.first().getByRole("link", { name: /^Details of the run asked for / }).click();

  const heading = page.getByRole("heading", { level: 2, name: /^Run asked for / });
  await expect(heading).toBeFocused();
  const skipped = page.getByRole("table", { name: /skipped or put off/ });
  await expect(skipped.locator("tbody").getByRole("row")).toHaveCount(details.skipped.length);
  const reasons: Record<string, string> = {
    too_large: "Too large to back up: skipped until it is smaller",
    throttled: "Microsoft Graph throttled the requests: the next run backs it up",
    access_denied: "Access denied by Microsoft 365: skipped until access is granted",
  };
  for (const [n, item] of details.skipped.entries()) {
    const row = skipped.locator("tbody").getByRole("row").nth(n);
    await expect(row).toContainText(item.item);
    await expect(row).toContainText(reasons[item.reason]);
    if (item.user) await expect(row).toContainText(item.user);
  }
  await expectAccessible(page, "a run's details");

  // A reload shows the same view, its filter and the run.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Result" })).toHaveValue("warnings");
  await expect(skipped.locator("tbody").getByRole("row")).toHaveCount(details.skipped.length);
  await page.getByRole("link", { name: "Close the run’s details" }).click();
  await expect(heading).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/result=/);
  await expect(rows).toHaveCount(Math.min(25, all.total));
  if (all.total > 25) {
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(pager).toContainText(`Runs 26–${Math.min(50, all.total)} of ${all.total}`);
    await expect(page).toHaveURL(/page=2/);
  }
});

test("a period picks the runs asked for on its days", async ({ page, xms }) => {
  const { organizations } = await xms.api("GET", "/m365/organizations");
  const organization = organizations[0];
  // The browser's zone is UTC (playwright.config.ts): days are UTC days.
  const from = "2026-11-20";
  const last = "2026-11-24";
  const expected = await xms.api(
    "GET",
    `/m365/organizations/${organization.id}/backups?from=${from}T00:00:00.000Z&to=2026-11-25T00:00:00.000Z`,
  );
  expect(expected.total).toBeGreaterThan(0);
  await page.goto(`${xms.url}/m365/organizations/${organization.id}/history`);
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(last);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${last}`));
  const rows = runsTable(page).locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(expected.total);
  for (const [n, run] of expected.runs.entries()) {
    await expect(rows.nth(n).locator("time")).toHaveAttribute("datetime", run.created_at);
  }
  // A period that ends before it starts says so by the field, keeps the day typed, and is not
  // asked for: the last period's runs stay.
  const to = page.getByLabel("To", { exact: true });
  await to.fill("2026-11-10");
  await expect(page.getByRole("alert").filter({ hasText: "The period ends before it starts" })).toBeVisible();
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(to).toHaveValue("2026-11-10");
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${last}`));
  await expect(rows).toHaveCount(expected.total);
  await to.fill("2026-11-21");
  await expect(page.getByRole("alert").filter({ hasText: "The period ends before it starts" })).toHaveCount(0);
  await expect(page).toHaveURL(/to=2026-11-21/);
});

test("a backup started in another console appears in the history as it runs", async ({ page, xms }) => {
  const { organizations } = await xms.api("GET", "/m365/organizations");
  const healthy = organizations.find((o: any) => o.status === "healthy");
  const before = await xms.api("GET", `/m365/organizations/${healthy.id}/backups`);
  await page.goto(`${xms.url}/m365/organizations/${healthy.id}/history`);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText(`of ${before.total}`);

  await xms.startBackup(healthy.name);
  await expect(pager).toContainText(`of ${before.total + 1}`);
  const newest = runsTable(page).locator("tbody").getByRole("row").first();
  await expect(newest).toContainText("Administrator");
  await expect(newest).toContainText(/Queued|Running/);
});
