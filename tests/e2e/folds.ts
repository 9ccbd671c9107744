/**
 * Opens the parts a widget folds away (ui/Fold.svelte) the way a learner does: a click on the part's summary.
 */
import { expect, type Locator } from '@playwright/test';

async function open(fold: Locator): Promise<void> {
  if ((await fold.getAttribute('open')) === null) await fold.locator('> summary').click();
  await expect(fold).toHaveAttribute('open', '');
}

/**
 * Opens the details of the stage a stepper shows (StageDetails). They stay open for every stage of that
 * stepper, so once is enough, on a stage that has them.
 */
export async function showDetails(scope: Locator): Promise<void> {
  await open(scope.locator('.stepper .stage details.fold').first());
}

/** Opens a verifier's clock and expectations (VerifierClock), among its inputs. */
export async function showClock(widget: Locator): Promise<void> {
  await open(widget.locator('details.fold').filter({ has: widget.page().getByText("The verifier's clock and expectations", { exact: true }) }));
}
