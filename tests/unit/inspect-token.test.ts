/** inspectToken names every part of an encrypted token, and says exactly what surrounds a pasted token. */
import { describe, expect, it } from 'vitest';
import { base64urlEncode, inspectToken, PART_TITLES, partsOf, secretFromText, sign, utf8Encode, verify } from '../../src/lib/jwt';
import { rejection } from './support';
import { loadVectors } from './vectors';

interface JweVector {
  id: string;
  protected_header: string;
  token?: string;
  encrypted_key_b64u: string;
  iv_b64u: string;
  ciphertext_b64u?: string;
  ciphertext_octets?: number[];
  tag_b64u?: string;
  tag_octets?: number[];
}

const rfc7516 = loadVectors<{ vectors: JweVector[] }>('rfc7516.json').vectors.filter((v) => v.token);
const rfc7520 = loadVectors<{ vectors: JweVector[] }>('rfc7520-jwe.json').vectors.filter((v) => v.token);

describe('an encrypted token (JWE, RFC 7516)', () => {
  it.each([...rfc7516, ...rfc7520].map((v) => [v.id, v] as const))('%s: five named parts, the header decoded, the rest as bytes', (_id, vector) => {
    const token = vector.token!;
    const view = inspectToken(token);
    expect(view.format).toBe('JWE');
    expect(view.parts).toEqual(['header', 'encrypted-key', 'iv', 'ciphertext', 'tag']);
    expect(view.segments).toHaveLength(1);
    expect(view.segments[0]!.value).toEqual(JSON.parse(vector.protected_header));
    const [, encryptedKey, iv, ciphertext, tag] = token.split('.');
    expect(view.encrypted.map((p) => [p.part, p.text])).toEqual([
      ['encrypted-key', encryptedKey], ['iv', iv], ['ciphertext', ciphertext], ['tag', tag],
    ]);
    expect(view.encrypted.map((p) => p.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(encryptedKey).toBe(vector.encrypted_key_b64u);
    expect(iv).toBe(vector.iv_b64u);
    expect(view.encrypted[2]!.bytes!.length).toBe(Buffer.from(ciphertext!, 'base64url').length);
    expect(view.encrypted.map((p) => view.starts[view.pieces.indexOf(p.text)])).toEqual(view.encrypted.map((p) => p.start));
  });

  it('names the parts as RFC 7516 does', () => {
    expect(['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'].map((p) => PART_TITLES[p as keyof typeof PART_TITLES])).toEqual([
      'Header', 'Encrypted key', 'Initialization vector', 'Ciphertext', 'Authentication tag',
    ]);
  });

  it('puts a bad character in the IV on the IV, at its place in the token', () => {
    const token = rfc7516[0]!.token!;
    const [h, k, iv, c, t] = token.split('.') as [string, string, string, string, string];
    const broken = [h, k, `${iv.slice(0, 3)}+${iv.slice(4)}`, c, t].join('.');
    const part = inspectToken(broken).encrypted[1]!;
    expect(part.error!.code).toBe('ERR_JWE_INVALID');
    expect(part.error!.message).toContain('Character 4 of the initialization vector is "+"');
    expect(part.error!.where!.tokenIndex).toBe(h.length + k.length + 2 + 3);
  });

  it('is refused by the verifier, which says it checks signed tokens only', async () => {
    const error = await rejection(verify(rfc7516[0]!.token!, secretFromText('x'.repeat(32)), { algorithms: ['HS256'] }));
    expect(error.code).toBe('ERR_JWS_INVALID');
    expect(error.message).toContain('encrypted token (JWE)');
    expect(error.message).toContain('checks signed tokens only');
  });
});

describe('a token pasted with what surrounded it', () => {
  const secret = secretFromText('a-long-enough-secret-for-hs256!!');
  const good = sign('{"alg":"HS256"}', '{"sub":"ada"}', secret).then((r) => r.token);

  it('refuses "Bearer " with the hint to remove the scheme', async () => {
    for (const scheme of ['Bearer', 'bearer']) {
      const error = await rejection(verify(`${scheme} ${await good}`, secret, { algorithms: ['HS256'] }));
      expect(error.code).toBe('ERR_JWS_INVALID');
      expect(error.message).toContain(`starts with "${scheme} "`);
      expect(error.message).toContain('HTTP Authorization header');
      expect(error.message).toContain(`Remove "${scheme}"`);
      expect(error.where).toMatchObject({ part: 'token', tokenIndex: 0 });
    }
  });

  it('refuses whitespace before or after the token, naming it and its place; never trims it', async () => {
    const token = await good;
    const leading = inspectToken(` ${token}`).error!;
    expect(leading.message).toContain('starts with a space (U+0020) (character 1)');
    expect(leading.message).toContain('remove it from the start');
    const trailing = inspectToken(`${token}\n`).error!;
    expect(trailing.message).toContain('ends with a line break (U+000A)');
    expect(trailing.message).toContain(`(character ${token.length + 1})`);
    expect(trailing.where!.tokenIndex).toBe(token.length);
    const bom = inspectToken(`\uFEFF${token}`).error!;
    expect(bom.message).toContain('ZERO WIDTH NO-BREAK SPACE (U+FEFF)');
    const error = await rejection(verify(`${token} `, secret, { algorithms: ['HS256'] }));
    expect(error.message).toContain('ends with a space');
    expect(inspectToken(token).error).toBeUndefined();
  });
});

describe('a character that draws nothing, in a refusal', () => {
  it('is named, never echoed', () => {
    const header = base64urlEncode(utf8Encode('{"alg":"HS256"}'));
    const error = inspectToken(`${header.slice(0, 4)}\u202E${header.slice(4)}.e30.`).segments[0]!.error!;
    expect(error.message).toContain('the invisible character RIGHT-TO-LEFT OVERRIDE (U+202E)');
    expect(error.message).not.toContain('\u202E');
  });
});

describe('partsOf', () => {
  it("names a JWS's three parts, a JWE's five, and nothing for a piece beyond them", () => {
    expect(partsOf(2)).toEqual(['header', 'payload']);
    expect(partsOf(3)).toEqual(['header', 'payload', 'signature']);
    expect(partsOf(4)).toEqual(['header', 'payload', 'signature', undefined]);
    expect(partsOf(5)).toEqual(['header', 'encrypted-key', 'iv', 'ciphertext', 'tag']);
    expect(partsOf(6)).toEqual(['header', 'payload', 'signature', undefined, undefined, undefined]);
  });
});
