// The accessibility audit: axe-core over the whole page (the module's shadow root included) at
// each view and state the tests reach. Every rule runs; any violation, of any impact, fails.
import type { Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

/** Runs axe on the page as it is now; `state` names what is on screen, for the failure message. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  // A transition half-way would give the contrast rule a colour nobody sees for long: wait for
  // the finite ones (document.getAnimations includes shadow trees; spinners run forever).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(" ")}\n    ${node.failureSummary ?? ""}`,
    ),
  );
  expect(found, `accessibility violations in ${state}`).toEqual([]);
}
