/** jose as an oracle: our tokens and jose's must agree, and both must refuse the same mutations. */
import fc from 'fast-check';
import * as jose from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALGORITHMS, generateKeyPair, sign, verify, type Algorithm } from '../../../../src/lib/jwt';

const HS = ['HS256', 'HS384', 'HS512'] as const;
const ASYMMETRIC = ALGORITHMS.filter((a) => !a.startsWith('HS')) as Algorithm[];

/** JSON objects with unicode, nesting and numbers JSON round-trips exactly. */
const claims = fc.dictionary(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 8 },
).map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>);
const secret = fc.uint8Array({ minLength: 1, maxLength: 200 });

async function joseAccepts(token: string, key: CryptoKey | Uint8Array, alg: string): Promise<boolean> {
  try {
    await jose.compactVerify(token, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}

async function weAccept(token: string, key: CryptoKey | Uint8Array, alg: Algorithm): Promise<boolean> {
  try {
    await verify(token, key, { algorithms: [alg], currentDate: new Date(0) });
    return true;
  } catch {
    return false;
  }
}

describe('HMAC tokens equal jose\'s', () => {
  it('for random headers, payloads and secrets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HS), claims, claims, secret, async (alg, extraHeader, payload, key) => {
        // crit and b64 change how a token is processed; random values for them are not the point here.
        const { crit: _crit, b64: _b64, ...rest } = extraHeader;
        const header = { ...rest, alg };
        const ours = await sign(header, payload, key);
        const theirs = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
          .setProtectedHeader(header as jose.CompactJWSHeaderParameters)
          .sign(key);
        expect(ours.token).toBe(theirs);
        const traced = await sign(header, payload, key, { trace: true });
        expect(traced.token).toBe(theirs);
      }),
      { numRuns: 150 },
    );
  });
});

describe('asymmetric tokens verify across implementations', () => {
  const pairs = new Map<Algorithm, CryptoKeyPair>();
  beforeAll(async () => {
    for (const alg of ASYMMETRIC) pairs.set(alg, await generateKeyPair(alg));
  });

  for (const alg of ASYMMETRIC) {
    it(`${alg}: ours verify in jose, jose's verify in ours`, async () => {
      const { privateKey, publicKey } = pairs.get(alg)!;
      await fc.assert(
        fc.asyncProperty(claims, async (payload) => {
          const ours = await sign({ alg, typ: 'JWT' }, payload, privateKey, { trace: true });
          const checked = await jose.compactVerify(ours.token, publicKey, { algorithms: [alg] });
          expect(JSON.parse(new TextDecoder().decode(checked.payload))).toEqual(payload);
          const theirs = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
            .setProtectedHeader({ alg })
            .sign(privateKey);
          const result = await verify(theirs, publicKey, { algorithms: [alg], trace: true });
          expect(result.payload).toEqual(payload);
        }),
        { numRuns: 10 },
      );
    });
  }
});

describe('mutations of a valid token', () => {
  /** Replace, insert or delete one character anywhere in the token. */
  const mutation = fc.record({
    kind: fc.constantFrom('replace', 'insert', 'delete'),
    at: fc.nat(),
    char: fc.constantFrom(...'ABCXYZabcxyz0189-_.=+/ '),
  });
  function mutate(token: string, m: { kind: string; at: number; char: string }): string {
    const i = m.at % token.length;
    if (m.kind === 'delete') return token.slice(0, i) + token.slice(i + 1);
    if (m.kind === 'insert') return token.slice(0, i) + m.char + token.slice(i);
    return token.slice(0, i) + m.char + token.slice(i + 1);
  }

  const cases: { alg: Algorithm; key: () => Promise<{ sign: CryptoKey | Uint8Array; verify: CryptoKey | Uint8Array }> }[] = [
    { alg: 'HS256', key: async () => { const k = new Uint8Array(32).fill(9); return { sign: k, verify: k }; } },
    { alg: 'RS256', key: async () => { const p = await generateKeyPair('RS256'); return { sign: p.privateKey, verify: p.publicKey }; } },
    { alg: 'ES256', key: async () => { const p = await generateKeyPair('ES256'); return { sign: p.privateKey, verify: p.publicKey }; } },
  ];
  for (const { alg, key } of cases) {
    it(`${alg}: every mutation that changes the token is refused by both`, async () => {
      const keys = await key();
      const { token } = await sign({ alg }, { sub: 'ada', admin: false }, keys.sign);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const changed = mutate(token, m);
          fc.pre(changed !== token);
          expect(await weAccept(changed, keys.verify, alg)).toBe(false);
          if (await joseAccepts(changed, keys.verify, alg)) {
            // jose decodes base64url leniently, so it may accept a signature that differs only in the unused
            // bits of its last character; that is the only difference allowed between the two verifiers.
            const [h, p, s] = changed.split('.');
            const [h0, p0, s0] = token.split('.');
            expect([h, p]).toEqual([h0, p0]);
            expect(Buffer.from(s!, 'base64url')).toEqual(Buffer.from(s0!, 'base64url'));
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
