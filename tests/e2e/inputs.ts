/** A widget's inputs fold to a summary once the learner moves on through its stages (ui/InputsFold.svelte). */
import { expect, type Locator } from '@playwright/test';

/** The summary line of a widget's inputs: "Your inputs", and once folded what they hold and "Edit". */
export const inputsSummary = (widget: Locator): Locator => widget.locator('details.inputs-fold > summary');

/** Unfolds a widget's folded inputs, as a learner does to change them after stepping: one click on "Edit". */
export async function editInputs(widget: Locator): Promise<void> {
  const fold = widget.locator('details.inputs-fold');
  await expect(fold).not.toHaveAttribute('open');
  await inputsSummary(widget).getByText('Edit').click();
  await expect(fold).toHaveAttribute('open', '');
}
