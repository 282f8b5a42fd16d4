// How an organization's tile says its backup stands, read as a screen reader reads it: the
// status is a paragraph of its own whose words are exactly the status's (the symbol beside
// them is hidden from assistive technology). Every tile also has a "Protected users" label, so
// looking for the word "Protected" anywhere in a tile finds every tile.
import type { Locator } from "@playwright/test";
import { expect } from "./server";

/**
 * Each status's words in English (locales/en/organizations.ftl), keyed as XMS's API names the
 * status, in the order of the status sort: most in need of attention first.
 */
export const STATUS = {
  needs_reauthorization: "Needs re-authorization",
  last_backup_failed: "Last backup failed",
  never_backed_up: "Never backed up",
  backup_running: "Backup running",
  healthy: "Protected",
} as const;

export type StatusWords = (typeof STATUS)[keyof typeof STATUS];
const WORDS: readonly string[] = Object.values(STATUS);

/** Expects `tile` to say, in a paragraph of exactly these words, that its backup stands as `words`. */
export async function expectStatus(tile: Locator, words: StatusWords, options?: { timeout?: number }) {
  await expect(tile).toMatchAriaSnapshot(`- paragraph: ${JSON.stringify(words)}`, options);
}

/**
 * The status each tile under `list` says, in the order the tiles are listed: the words of every
 * paragraph that is exactly a status. A tile saying none, or two, makes the list shorter or
 * longer than the tiles.
 */
export async function statusesIn(list: Locator): Promise<string[]> {
  const snapshot = await list.ariaSnapshot();
  return [...snapshot.matchAll(/^\s*- paragraph: "?(.*?)"?$/gm)]
    .map((match) => match[1])
    .filter((words) => WORDS.includes(words));
}

/** The statuses `organizations` (as XMS's API lists them) should show under the status sort. */
export function statusSortOf(organizations: { status: keyof typeof STATUS }[]): string[] {
  const order = Object.keys(STATUS);
  return organizations
    .map((organization) => organization.status)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((status) => STATUS[status]);
}
