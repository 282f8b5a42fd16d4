// The dashboard as a table, its compact view: switched to from the tiles and kept in the URL and
// for the next visit; organizations selected across searches start their backups together, and
// what XMS refused is said with its reason; the arrow keys move between rows.
import { test, expect } from "./server";
import { expectAccessible } from "./axe";

// No DOM snapshots in a failure's trace: a thousand rows snapshotted around every action are
// most of a test's time.
test.use({ trace: { mode: "retain-on-failure", snapshots: false } });

test.describe("with 1,000 organizations", () => {
  // The backups started outlast the test, so that each row says it runs until the end.
  test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "1000", "--backup-duration", "3600"] });

  test("three selected organizations start their backups, and a fourth already running is refused with the reason", async ({ page, xms }) => {
    // A thousand rows: some 20 s, more on a loaded machine.
    test.slow();
    const { organizations } = await xms.api("GET", "/m365/organizations");
    const [running, ...healthy] = organizations.filter((o: any) => o.status === "healthy").slice(0, 4);
    expect(healthy).toHaveLength(3);
    // The fourth's backup was started elsewhere (another admin, a script).
    await xms.startBackup(running.name);

    await page.goto(xms.url);
    await expect(page.getByText("1,000 organizations", { exact: true })).toBeVisible();
    const layout = page.getByRole("group", { name: "Show organizations as" });
    await layout.getByRole("button", { name: "Table" }).click({ timeout: 30_000 });
    await expect(layout.getByRole("button", { name: "Table" })).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/[?&]view=table(&|$)/);
    const table = page.getByRole("table", { name: "Organizations" });
    await expect(table.locator("tbody > tr")).toHaveCount(1000);
    await expect(page.getByRole("list", { name: "Organizations" })).toHaveCount(0);

    // Each found by its name, the selection kept from one search to the next.
    const filter = page.getByRole("searchbox", { name: "Filter by name or domain" });
    for (const organization of [...healthy, running]) {
      await filter.fill(organization.name);
      await table.getByRole("checkbox", { name: `Select ${organization.name}`, exact: true }).check();
    }
    await filter.fill("");
    await expect(table.locator("tbody > tr")).toHaveCount(1000);
    const selection = page.getByRole("group", { name: "Selected organizations" });
    await expect(selection).toContainText("4 organizations selected");

    await selection.getByRole("button", { name: "Run backup of the selected" }).click();
    const report = page.getByRole("status").filter({ hasText: "Backups started" });
    await expect(report).toContainText("Backups started of 3 organizations:");
    for (const organization of healthy) await expect(report).toContainText(organization.name);
    await expect(report).toContainText("XMS refused 1 backup:");
    await expect(report.getByRole("listitem")).toHaveText(
      new RegExp(`^${running.name}: A backup of ${running.name} is already running\\.`),
    );
    // Those started are let go; the refused one stays selected, to try again.
    await expect(selection).toContainText("1 organization selected");
    await expect(table.getByRole("checkbox", { name: `Select ${running.name}`, exact: true })).toBeChecked();

    // XMS runs the three, and their rows say so.
    const after = (await xms.api("GET", "/m365/organizations")).organizations;
    for (const organization of healthy) {
      expect(after.find((o: any) => o.id === organization.id).active_job, organization.name).not.toBeNull();
      const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: organization.name }) });
      await expect(row).toContainText("Backup running");
    }
  });
});

test.describe("with 14 organizations", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--seed-organizations", "14"] });

  test("the table is kept for the next visit, and the arrow keys move between its rows", async ({ page, xms }) => {
    await page.goto(xms.url);
    const layout = page.getByRole("group", { name: "Show organizations as" });
    await layout.getByRole("button", { name: "Table" }).click();
    const table = page.getByRole("table", { name: "Organizations" });
    const rows = table.locator("tbody > tr");
    await expect(rows).toHaveCount(14);
    await expectAccessible(page, "the dashboard as a table");

    // Down from a row's checkbox is the next row's checkbox; up from a Run backup, the row above's.
    await rows.nth(0).getByRole("checkbox").focus();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1).getByRole("checkbox")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(2).getByRole("checkbox")).toBeFocused();
    await rows.nth(2).getByRole("button", { name: /^Run backup of / }).focus();
    await page.keyboard.press("ArrowUp");
    await expect(rows.nth(1).getByRole("button", { name: /^Run backup of / })).toBeFocused();
    // Space still checks the box the keyboard is in.
    await rows.nth(0).getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("group", { name: "Selected organizations" })).toContainText("1 organization selected");

    // A visit whose address does not say shows the table again, until the tiles are chosen.
    await page.goto(xms.url);
    await expect(table.locator("tbody > tr")).toHaveCount(14);
    await expect(page).toHaveURL(/[?&]view=table(&|$)/);
    await layout.getByRole("button", { name: "Tiles" }).click();
    await expect(page.getByRole("list", { name: "Organizations" }).getByRole("article")).toHaveCount(14);
    await expect(table).toHaveCount(0);
    await page.goto(xms.url);
    await expect(page.getByRole("list", { name: "Organizations" }).getByRole("article")).toHaveCount(14);
    await expect(table).toHaveCount(0);
  });
});
