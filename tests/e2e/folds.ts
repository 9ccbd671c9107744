/**
 * Opens the parts a widget folds away (ui/Fold.svelte) the way a learner does: a click on the part's summary.
 */
import { expect, type Locator } from '@playwright/test';

async function open(summary: Locator): Promise<void> {
  const fold = summary.locator('..');
  if ((await fold.getAttribute('open')) === null) await summary.click();
  await expect(fold).toHaveAttribute('open', '');
}

/** Opens the fold in `scope` whose summary names it. */
export async function unfold(scope: Locator, summary: string): Promise<void> {
  await open(scope.locator('details.fold > summary', { hasText: summary }));
}

/**
 * Opens the details of the stage a stepper shows (StageDetails). They stay open for every stage of that
 * stepper, so once is enough, on a stage that has them.
 */
export async function showDetails(scope: Locator): Promise<void> {
  await open(scope.locator('.stepper .stage details.fold > summary').first());
}

/** Opens a verifier's clock and expectations (VerifierClock), among its inputs. */
export async function showClock(widget: Locator): Promise<void> {
  await unfold(widget, "The verifier's clock and expectations");
}
