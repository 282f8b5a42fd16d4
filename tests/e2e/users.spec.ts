// An organization's users: finding one and protecting them, protecting a group's unprotected
// users after the preview, a refusal with the numbers when licences run out, a 50,000-user
// organization sorted, filtered and paged with the address keeping the view, a change made in
// another console showing without a reload, and Sync now.
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { expectAccessible } from "./axe";
import { contosoManual as contoso } from "./tenants";

/** Opens Contoso's users from its tile, through the Edit panel's licence section. */
async function openUsers(page: Page, url: string) {
  await page.goto(url);
  const tile = page.getByRole("article", { name: "Contoso Ltd" });
  await tile.getByRole("link", { name: "Edit Contoso Ltd" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "See and choose the protected users" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Users of Contoso Ltd" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
}

test("an administrator finds a user by name, protects them, and the tile's count follows", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const id = await xms.organizationId("Contoso Ltd");
  const { users } = await xms.api("GET", `/m365/organizations/${id}/users?protection=unprotected&page_size=1`);
  // Found by sign-in name, which is unique: a directory can have two "Accounting München"s.
  const { display_name: name, principal_name: signIn } = users[0];

  await page.goto(xms.url);
  await page
    .getByRole("article", { name: "Contoso Ltd" })
    .getByRole("link", { name: "Protected users of Contoso Ltd: 200 of 250" })
    .click();
  await expect(page).toHaveURL(/\/m365\/organizations\/[^/]+\/users$/);
  await expect(page.getByRole("heading", { name: "Users of Contoso Ltd" })).toBeVisible();
  await expect(page.getByText("200 of 250 users protected")).toBeVisible();
  await expectAccessible(page, "the users list");
  await page.getByLabel("Search by name or email").fill(signIn);
  await expect(page).toHaveURL(/search=/);
  const row = page.getByRole("row", { name: new RegExp(signIn) });
  await expect(row).toHaveCount(1);
  await expect(row).toBeVisible();
  // The box stays as XMS has it until the change is confirmed and made.
  await row.getByRole("checkbox", { name: `Protect ${name}` }).click();

  const question = page.getByRole("alertdialog");
  await expect(question).toContainText(`Protect ${name}? This uses 1 of the`);
  await expectAccessible(page, "the protection question");
  await question.getByRole("button", { name: "Protect", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 user is protected now." })).toBeVisible();
  await expect(row.getByRole("checkbox", { name: `Protect ${name}` })).toBeChecked();
  await expect(page.getByText("201 of 250 users protected")).toBeVisible();

  await page.getByRole("link", { name: "Back to organizations" }).click();
  await expect(
    page.getByRole("article", { name: "Contoso Ltd" }).getByRole("link", { name: "Protected users of Contoso Ltd: 201 of 250" }),
  ).toBeVisible();
});

test("all unprotected users of a group are protected after the preview", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const id = await xms.organizationId("Contoso Ltd");
  // The group (other than All Company) with the most unprotected users.
  const { groups } = await xms.api("GET", `/m365/organizations/${id}/groups`);
  let group: any;
  let total = 0;
  for (const candidate of groups.filter((g: any) => g.name !== "All Company")) {
    const page = await xms.api(
      "GET", `/m365/organizations/${id}/users?protection=unprotected&group=${candidate.id}`,
    );
    if (page.total > total) [group, total] = [candidate, page.total];
  }
  expect(total).toBeGreaterThan(0);

  await openUsers(page, xms.url);
  await page.getByRole("combobox", { name: "Protection" }).selectOption({ label: "Not protected" });
  await page.getByRole("combobox", { name: "Group" }).selectOption({ label: group.name });
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(total + 1);
  await page.getByRole("checkbox", { name: "Select every user on this page" }).check();
  await expect(page.getByText(`${total} user${total === 1 ? "" : "s"} selected`).first()).toBeVisible();
  await page.getByRole("button", { name: "Protect", exact: true }).click();

  const question = page.getByRole("alertdialog");
  await expect(question).toContainText(`This uses ${total} of the 4,800 free licences.`);
  await question.getByRole("button", { name: "Protect", exact: true }).click();
  await expect(page.getByText("No users match the search and filters.")).toBeVisible();
  await expect(page.getByText(`${200 + total} of 250 users protected`)).toBeVisible();
});

test.describe("with 195 licences", () => {
  test.use({ serverArgs: ["--poll-interval", "1", "--licences", "195"] });

  test("protecting more users than licences are free is refused with the numbers, nothing changed", async ({ page, xms }) => {
    xms.addOrganization({ ...contoso, protectedUsers: 190 });
    await openUsers(page, xms.url);
    await page.getByRole("combobox", { name: "Protection" }).selectOption({ label: "Not protected" });
    await page.getByRole("checkbox", { name: "Select every user on this page" }).check();
    await page.getByRole("button", { name: "Select all 60 matching users" }).click();
    await expect(page.getByText("All 60 matching users are selected.")).toBeVisible();
    await page.getByRole("button", { name: "Protect", exact: true }).click();

    await expect(page.getByRole("alert")).toContainText(
      "Not enough licences: this needs 60, but only 5 are free (55 missing). Nothing was changed, and the selection is kept.",
    );
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await expect(page.getByText("All 60 matching users are selected.")).toBeVisible();
    await expect(page.getByText("190 of 250 users protected")).toBeVisible();
    await expectAccessible(page, "the users list refusing a change");
  });
});

test("a 50,000-user organization is sorted, filtered and paged, and the address keeps the view", async ({ page, xms }) => {
  xms.addOrganization({ ...contoso, users: 50_000, protectedUsers: 40_000 });
  await openUsers(page, xms.url);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("1–50 of 50,000 users");
  // Only the page shown is rendered.
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(51);

  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/order=descending/);

  await page.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Shared mailbox" });
  await expect(page).toHaveURL(/kind=shared_mailbox/);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Shared mailbox");
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pager).toContainText(/51–100 of [\d,]+ users/);
  const second = await page.getByRole("table").getByRole("row").nth(1).textContent();

  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("combobox", { name: "Kind" })).toHaveValue("shared_mailbox");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toHaveText(second!);
  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(pager).toContainText(/1–50 of [\d,]+ users/);
});

test("a change made in another console shows without a reload, also in a list opened from its address", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  const id = await xms.organizationId("Contoso Ltd");
  await openUsers(page, xms.url);
  await page.getByRole("combobox", { name: "Protection" }).selectOption({ label: "Not protected" });
  // Opened from its address, before the dashboard under it has loaded the organizations.
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("1–50 of 50 users");
  const { users } = await xms.api("GET", `/m365/organizations/${id}/users?protection=unprotected&page_size=2`);
  await xms.api("POST", `/m365/organizations/${id}/users/protection`, {
    protect: true,
    users: { kind: "chosen", ids: users.map((u: any) => u.id) },
  });
  await expect(page.getByText("202 of 250 users protected")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("1–48 of 48 users");
});

test("Sync now in the users list reads the directory from Microsoft 365 and says so", async ({ page, xms }) => {
  xms.addOrganization(contoso);
  await openUsers(page, xms.url);
  await expect(page.getByText("Not synchronized with Microsoft 365 yet.")).toBeVisible();
  await page.getByRole("button", { name: "Sync now" }).click();
  // The page is read again after the sync, and what the sync said stays.
  await expect(page.getByText("Last synchronized with Microsoft 365 now.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Users synchronized." })).toBeVisible();
});
