// Signing in on the development authority's pages, as the administrator does in the tab that
// **Log in to Microsoft 365** opens.
import type { Page, BrowserContext } from "@playwright/test";
import { expect } from "./server";
import { expectAccessible } from "./axe";

/** The words of the sign-in steps, in one language. */
export interface SignInWords {
  logIn: string;
  code: string;
  next: string;
  consent: string;
  continue: string;
  cancel: string;
}

/** The steps' words in English, as the tests that do not test languages read them. */
export const ENGLISH: SignInWords = {
  logIn: "Log in to Microsoft 365",
  code: "Code",
  next: "Next",
  consent: "Are you trying to sign in to Xopero Registrator?",
  continue: "Continue",
  cancel: "Cancel",
};

/** Clicks Log in to Microsoft 365 and returns the sign-in tab it opens. */
export async function logIn(context: BrowserContext, page: Page, words = ENGLISH): Promise<Page> {
  const [signIn] = await Promise.all([
    context.waitForEvent("page"),
    page.getByRole("link", { name: words.logIn }).click(),
  ]);
  await signIn.waitForLoadState();
  return signIn;
}

/**
 * On the sign-in tab: types the code, Next, picks the account, then Continue or Cancel; with
 * `audit`, each of the authority's pages is audited for accessibility on the way.
 */
export async function signIn(
  tab: Page,
  code: string,
  account: RegExp,
  decision: "Continue" | "Cancel",
  { audit = false, words = ENGLISH } = {},
) {
  const check = (state: string) => (audit ? expectAccessible(tab, state) : Promise.resolve());
  await check("the device-login code page");
  await tab.getByLabel(words.code, { exact: true }).fill(code);
  await tab.getByRole("button", { name: words.next }).click();
  await expect(tab.getByRole("button", { name: account })).toBeVisible();
  await check("the device-login account picker");
  await tab.getByRole("button", { name: account }).click();
  await expect(tab.getByRole("heading", { name: words.consent })).toBeVisible();
  await check("the device-login consent page");
  await tab.getByRole("button", { name: decision === "Continue" ? words.continue : words.cancel }).click();
  // The answer's page has replaced the question and finished loading: closing the tab while
  // that navigation commits makes Chromium drop the close, and \`tab.close()\` then hangs
  // (crbug.com/536385539; it stalled a test for its whole timeout about once in four runs).
  await expect(tab.getByRole("heading", { name: words.consent })).toBeHidden();
  await tab.waitForLoadState();
}
