import { describe, expect, it } from 'vitest';
import { secretFromText, sign } from '../../../../src/lib/jwt';
import { GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET, GUIDE_TOKEN } from '../../../../src/components/widgets/guide-example';
import { loadVectors } from '../../vectors';

describe("the guide's example used by the widgets", () => {
  it('is the token its header, payload and secret give', async () => {
    const { token } = await sign(GUIDE_HEADER, GUIDE_PAYLOAD, secretFromText(GUIDE_SECRET));
    expect(GUIDE_TOKEN).toBe(token);
  });

  it('matches the vector file', () => {
    const vector = loadVectors('guide-example.json').vectors.find((v: { expected: string }) => v.expected === 'valid');
    expect([GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET, GUIDE_TOKEN]).toEqual([
      vector.protected_header, vector.payload, vector.secret_utf8, vector.token,
    ]);
  });
});
