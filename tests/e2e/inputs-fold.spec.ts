/**
 * A visualizer's inputs fold to a one-line summary once the learner moves on through the stages, and come back
 * with one click or key press; inputs with a problem never fold (ui/InputsFold.svelte).
 */
import { expect, test } from '@playwright/test';
import { unfold } from './folds';
import { editInputs, inputsSummary } from './inputs';
import { openWidget } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('stepping folds the inputs to a summary of what they hold, leaving the stepper where it was on screen', async ({ page }) => {
  const { widget, errors } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
  const payload = widget.getByLabel('Payload (JSON)');
  const forward = widget.getByRole('button', { name: 'Forward →' });
  await expect(payload).toBeVisible();
  // The widget is at its first stage: nothing folds until the learner moves.
  await expect(inputsSummary(widget)).toHaveText('Your inputs', { useInnerText: true });

  // Forward about 600 px down the screen, the inputs partly above it.
  await forward.evaluate((button) => window.scrollBy({ top: button.getBoundingClientRect().top - 600, behavior: 'instant' }));
  const before = (await forward.boundingBox())!.y;
  await forward.click();
  await expect(widget.locator('.position')).toContainText('Stage 2 of 10');
  await expect(payload).toBeHidden();
  await expect(inputsSummary(widget)).toHaveText(
    'Your inputs Header {"alg":"HS256","typ":"JWT"}; Payload {"name":"John Doe","iat":168…; Secret super-secret Edit',
    { useInnerText: true },
  );
  expect(Math.abs((await forward.boundingBox())!.y - before)).toBeLessThan(1);

  // One click brings them back, on the same stage; the next step folds them again.
  await editInputs(widget);
  await payload.fill('{"sub":"ada"}');
  await expect(widget.locator('.position')).toContainText('Stage 2 of 10');
  await forward.click();
  await expect(payload).toBeHidden();
  await expect(inputsSummary(widget)).toContainText('Payload {"sub":"ada"}');
  expect(errors).toEqual([]);
});

test('by keyboard: a stage key pressed in the inputs leaves them open; the summary reopens them with Enter', async ({ page }) => {
  const { widget } = await openWidget(page, 'chapters/verifying-a-token/', 'verification-visualizer');
  const hs384 = widget.getByLabel('HS384');
  await hs384.focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.locator('.position')).toContainText('Stage 2 of 13');
  await expect(hs384).toBeVisible();

  await widget.getByRole('button', { name: 'Forward →' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget.locator('.position')).toContainText('Stage 3 of 13');
  await expect(hs384).toBeHidden();
  await inputsSummary(widget).focus();
  await page.keyboard.press('Enter');
  await expect(hs384).toBeVisible();
});

test('inputs with a problem stay open, and the summary does not fold them', async ({ page }) => {
  const { widget } = await openWidget(page, 'chapters/generating-a-token/', 'generation-visualizer');
  const payload = widget.getByLabel('Payload (JSON)');
  await payload.fill('{"sub":');
  await expect(payload).toHaveAttribute('aria-invalid', 'true');
  await widget.getByRole('button', { name: 'Forward →' }).click();
  await expect(widget.locator('.position')).toContainText('Stage 2 of 10');
  await inputsSummary(widget).click();
  await expect(payload).toBeVisible();
  await expect(widget.locator('details.inputs-fold')).toHaveAttribute('open', '');
});

test('a problem that appears while the inputs are folded unfolds them: a public key given to the RSA signer', async ({ page }) => {
  const { widget: signer, errors } = await openWidget(page, 'chapters/rs256/', 'rsa-signing-visualizer');
  await signer.getByRole('button', { name: 'Forward →' }).click();
  await expect(signer.getByLabel('Payload (JSON)')).toBeHidden();

  // In the key-pair widget above, the learner pastes the public key alone: it cannot sign.
  const keyPair = page.locator('[data-widget="rsa-key-pair"]');
  await keyPair.scrollIntoViewIfNeeded();
  await expect(keyPair).toHaveAttribute('data-hydrated', 'true');
  await unfold(keyPair, 'PEM, and its DER as a tree');
  const publicPem = (await keyPair.locator('pre.pem-public').textContent())!;
  await keyPair.getByLabel(/Or paste a key/).fill(publicPem);
  await expect(signer).toContainText('Signing needs the private key');
  await expect(signer.getByLabel('Payload (JSON)')).toBeVisible();
  expect(errors).toEqual([]);
});
