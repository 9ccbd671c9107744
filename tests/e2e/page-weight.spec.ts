/**
 * What each built page downloads in JavaScript once its islands have hydrated (bench/page-weight.ts), in both
 * builds. A page whose widgets only decode must not carry the signing, key and DER code. Sizes, not times.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pageWeights } from '../../bench/page-weight';
import { basePath } from './support';

/** Budgets in KB of gzip: chapter 1 decodes only; every page stays under the ceiling. */
const DECODE_ONLY_PAGE = '/chapters/what-is-jwt/';
const DECODE_ONLY_BUDGET_KB = 31;
const CEILING_KB = 100;

/** Text only the signing, key and DER code holds: WebCrypto calls, RSA's WebCrypto name, DER tag names. */
const NOT_DECODING = ['crypto.subtle', 'RSASSA-PKCS1-v1_5', 'OBJECT IDENTIFIER'];

for (const [dist, base] of [['dist', '/'], ['dist-base', basePath]] as const) {
  test.describe(`page weight (${dist})`, () => {
    const weights = pageWeights(dist, base);

    test('the decode-only chapter loads no signing, key or DER code, and stays within its budget', () => {
      const page = weights.find((w) => w.page === DECODE_ONLY_PAGE)!;
      expect(page.islands).toBeGreaterThan(0);
      for (const file of page.files) {
        const code = readFileSync(join(dist, file), 'utf8');
        for (const marker of NOT_DECODING) expect(code.includes(marker), `${file} contains ${marker}`).toBe(false);
      }
      expect(page.gzipBytes / 1024).toBeLessThanOrEqual(DECODE_ONLY_BUDGET_KB);
    });

    test('every page stays under the ceiling', () => {
      for (const { page, gzipBytes } of weights) expect(gzipBytes / 1024, page).toBeLessThanOrEqual(CEILING_KB);
    });
  });
}
