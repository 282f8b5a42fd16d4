// The module and the development sign-in pages in Polish and German: the connect flow and the
// dashboard read in the browser's language, Polish counts take CLDR's plural forms, and the
// host switches the language at run time without a reload.
import type { Page } from "@playwright/test";
import { test, expect } from "./server";
import { logIn, signIn, type SignInWords } from "./sign-in";
import { expectAccessible } from "./axe";

interface Words {
  browser: string;
  connect: string;
  dialog: string;
  codeLabel: string;
  signIn: SignInWords;
  enterCode: string;
  signedIn: string;
  connected: string;
  added: string;
  done: string;
  never: string;
  defaultPolicy: string;
  runBackupOf: (name: string) => string;
  counts: [number, string][];
  policy: PolicyWords;
}

/** The policy editor's words a validation test reads, and what XMS's codes are worded as. */
interface PolicyWords {
  link: string;
  scope: string;
  nothingChosen: string;
  retention: string;
  fullDays: string;
  fullDaysTooShort: string;
}

const contoso = {
  tenantId: "5d7a1f6e-3c2b-4e8a-9f10-2b6c8d4e1a01",
  name: "Contoso Ltd",
  domain: "contoso.onmicrosoft.com",
  users: 250,
};

const LANGUAGES: Record<string, Words> = {
  Polish: {
    browser: "pl-PL",
    connect: "Połącz",
    dialog: "Połącz organizację Microsoft 365",
    codeLabel: "Kod uwierzytelniania aplikacji",
    signIn: {
      logIn: "Zaloguj się do Microsoft 365",
      code: "Kod",
      next: "Dalej",
      consent: "Czy próbujesz zalogować się do aplikacji Xopero Registrator?",
      continue: "Kontynuuj",
      cancel: "Anuluj",
    },
    enterCode: "Wprowadź kod",
    signedIn: "Możesz teraz zamknąć to okno.",
    connected: "Połączono organizację",
    added: "Organizacja Contoso Ltd (contoso.onmicrosoft.com) została dodana do XMS.",
    done: "Gotowe",
    never: "Brak kopii zapasowej",
    defaultPolicy: "Zasady domyślne",
    runBackupOf: (name) => `Uruchom kopię zapasową organizacji ${name}`,
    // CLDR's Polish: one, few (2–4, 22–24…), many (5–21, 25…).
    counts: [
      [1, "1 organizacja"],
      [2, "2 organizacje"],
      [5, "5 organizacji"],
      [12, "12 organizacji"],
      [22, "22 organizacje"],
    ],
    policy: {
      link: "Zasady niestandardowe organizacji Contoso Ltd",
      scope: "Zakres kopii zapasowej",
      nothingChosen: "Wybierz co najmniej jeden rodzaj danych do kopii zapasowej.",
      retention: "Przechowywanie",
      fullDays: "Kopie pełne, dni",
      fullDaysTooShort: "Przechowuj pełne kopie co najmniej 31 dni: na ich podstawie powstają nowsze kopie.",
    },
  },
  German: {
    browser: "de-DE",
    connect: "Verbinden",
    dialog: "Microsoft 365-Organisation verbinden",
    codeLabel: "App-Authentifizierungscode",
    signIn: {
      logIn: "Bei Microsoft 365 anmelden",
      code: "Code",
      next: "Weiter",
      consent: "Versuchen Sie, sich bei Xopero Registrator anzumelden?",
      continue: "Weiter",
      cancel: "Abbrechen",
    },
    enterCode: "Code eingeben",
    signedIn: "Sie können dieses Fenster jetzt schließen.",
    connected: "Organisation verbunden",
    added: "Contoso Ltd (contoso.onmicrosoft.com) wurde zu XMS hinzugefügt.",
    done: "Fertig",
    never: "Noch nie gesichert",
    defaultPolicy: "Standardrichtlinie",
    runBackupOf: (name) => `Sicherung ausführen für ${name}`,
    counts: [
      [1, "1 Organisation"],
      [2, "2 Organisationen"],
      [12, "12 Organisationen"],
    ],
    policy: {
      link: "Benutzerdefinierte Richtlinie von Contoso Ltd",
      scope: "Zu sichernde Daten",
      nothingChosen: "Wählen Sie mindestens eine Art von Daten für die Sicherung.",
      retention: "Aufbewahrung",
      fullDays: "Vollkopien, Tage",
      fullDaysTooShort: "Bewahren Sie Vollkopien mindestens 31 Tage auf: neuere Kopien bauen auf ihnen auf.",
    },
  },
};

/** The count line above the tiles. */
function count(page: Page) {
  return page.getByRole("status").filter({ hasText: /\d/ }).and(page.locator(".m365-count"));
}

for (const [language, words] of Object.entries(LANGUAGES)) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: words.browser });

    test("an organization is connected in the browser's language, the sign-in pages included", async ({
      page,
      context,
      xms,
    }) => {
      await page.goto(xms.url);
      await page.getByRole("button", { name: words.connect }).click();
      const dialog = page.getByRole("dialog", { name: words.dialog });
      const codeBox = dialog.getByLabel(words.codeLabel);
      await expect(codeBox).toHaveText(/^[A-Z0-9]{6,}$/);
      const code = (await codeBox.textContent())!;
      await expectAccessible(page, `the Connect dialog waiting, in ${language}`);

      const tab = await logIn(context, page, words.signIn);
      await expect(tab.locator("html")).toHaveAttribute("lang", words.browser.slice(0, 2));
      await expect(tab.getByRole("heading", { name: words.enterCode })).toBeVisible();
      await signIn(tab, code, /Megan Bowen/, "Continue", { words: words.signIn });
      await expect(tab.getByText(words.signedIn)).toBeVisible();
      await tab.close();

      await expect(dialog.getByText(words.connected)).toBeVisible();
      await expect(dialog).toContainText(words.added);
      await dialog.getByRole("button", { name: words.done }).click();
      const tile = page.getByRole("article", { name: "Contoso Ltd" });
      await expect(tile).toContainText(words.never);
      await expect(tile).toContainText(words.defaultPolicy);
      await expect(tile.getByRole("button", { name: words.runBackupOf("Contoso Ltd") })).toBeVisible();
      await expectAccessible(page, `the dashboard, in ${language}`);
    });

    test("what XMS refuses in a policy is said in the language, from XMS's codes", async ({ page, xms }) => {
      xms.addOrganization(contoso);
      await page.goto(xms.url);
      await page.getByRole("link", { name: words.policy.link }).click();
      const scope = page.getByRole("group", { name: words.policy.scope });
      await expect(scope.getByRole("checkbox").first()).toBeChecked();
      for (const box of await scope.getByRole("checkbox").all()) {
        await box.uncheck();
      }
      await expect(scope).toContainText(words.policy.nothingChosen);
      await expect(scope).not.toContainText("Choose at least one kind");
      await page.getByLabel(words.policy.fullDays).fill("10");
      await expect(page.getByRole("group", { name: words.policy.retention })).toContainText(words.policy.fullDaysTooShort);
    });

    test("the organization count takes the language's plural forms", async ({ page, xms }) => {
      let added = 0;
      for (const [n, text] of words.counts) {
        for (; added < n; added++) {
          xms.addOrganization({
            tenantId: `7e1f2a3b-4c5d-4e6f-8a9b-${String(added + 1).padStart(12, "0")}`,
            name: `Organization ${added + 1}`,
            domain: `org${added + 1}.onmicrosoft.com`,
            users: 10,
          });
        }
        await page.goto(xms.url);
        await expect(count(page)).toHaveText(text);
      }
    });
  });
}

test.describe("switching the language at run time", () => {
  test.use({ locale: "en-US" });

  test("the host's language setting re-words the module without a reload or losing the open dialog", async ({
    page,
    xms,
  }) => {
    xms.addOrganization({
      tenantId: "7e1f2a3b-4c5d-4e6f-8a9b-1c2d3e4f5a6b",
      name: "Fabrikam",
      domain: "fabrikam.onmicrosoft.com",
      users: 1,
    });
    await page.goto(xms.url);
    await page.evaluate(() => ((window as any).notReloaded = true));
    const tile = page.getByRole("article", { name: "Fabrikam" });
    await expect(tile).toContainText("Never backed up");
    await expect(tile).toContainText("1 of 1");

    await page.getByRole("button", { name: "Connect" }).click();
    const codeBox = page.getByRole("dialog").getByLabel("App authentication code");
    await expect(codeBox).toHaveText(/^[A-Z0-9]{6,}$/);
    const code = await codeBox.textContent();

    // The host is XMS: its own language setting, outside the module.
    await page.getByRole("combobox", { name: "Language" }).selectOption("pl");
    const dialog = page.getByRole("dialog", { name: "Połącz organizację Microsoft 365" });
    await expect(dialog.getByLabel("Kod uwierzytelniania aplikacji")).toHaveText(code!);
    await expect(dialog.getByText("Oczekiwanie na zalogowanie…")).toBeVisible();
    await dialog.getByRole("button", { name: "Zamknij" }).click();
    await expect(tile).toContainText("Brak kopii zapasowej");
    await expect(tile).toContainText("1 z 1 użytkownika");
    await expect(count(page)).toHaveText("1 organizacja");

    await page.getByRole("combobox", { name: "Language" }).selectOption("de");
    await expect(tile).toContainText("Noch nie gesichert");
    await expect(page.getByRole("button", { name: "Verbinden" })).toBeVisible();
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
    // The module says which language its words are in.
    await expect(page.locator("#xms-module .m365")).toHaveAttribute("lang", "de");

    // The host keeps the setting; the module starts in it next time.
    await page.reload();
    await expect(page.getByRole("article", { name: "Fabrikam" })).toContainText("Noch nie gesichert");
  });
});
