/** Every vector in tests/vectors, run through the core. */
import { describe, expect, it } from 'vitest';
import {
  algorithmInfo, base64urlDecode, base64urlEncode, decode, fromHex, importJwk, JwtError, secretFromBase64url, secretFromText, sign,
  toHex, utf8Encode, verify, verifyJws, type Algorithm, type Step,
} from '../../../../src/lib/jwt';
import { hmacSteps } from '../../../../src/lib/jwt/hmac';
import { rejection } from '../../support';
import { BEFORE_EXPIRY, loadVectors, type JwsVector } from '../../vectors';

const rfc4648 = loadVectors('rfc4648.json');
const rfc4231 = loadVectors('rfc4231.json');
const rfc7515 = loadVectors<{ vectors: JwsVector[]; derived_cases: (JwsVector & { description: string })[] }>('rfc7515.json');
const rfc7519 = loadVectors<{ vectors: JwsVector[] }>('rfc7519.json');
const rfc7520 = loadVectors<{ vectors: JwsVector[]; keys: { id: string; jwk: Record<string, string> }[] }>('rfc7520.json');
const guide = loadVectors<{ vectors: JwsVector[] }>('guide-example.json');
const wycheproof = loadVectors('wycheproof/hmac_sha256_test.json');

function stage<S extends Step['stage']>(steps: Step[] | undefined, name: S): Extract<Step, { stage: S }>[] {
  return (steps ?? []).filter((s): s is Extract<Step, { stage: S }> => s.stage === name);
}

describe('RFC 4648 base64url', () => {
  it('encodes and decodes the section 10 vectors', () => {
    for (const v of rfc4648.section10_vectors) {
      const bytes = utf8Encode(v.input_ascii);
      expect(base64urlEncode(bytes)).toBe(v.base64url_unpadded);
      expect(toHex(base64urlDecode(v.base64url_unpadded))).toBe(toHex(bytes));
    }
  });

  it('encodes the base64url cases, including "-" and "_"', () => {
    for (const v of rfc4648.base64url_encode_cases) {
      const bytes = fromHex(v.input_hex);
      expect(base64urlEncode(bytes), v.id).toBe(v.base64url);
      expect(toHex(base64urlDecode(v.base64url)), v.id).toBe(v.input_hex.toLowerCase());
    }
  });

  it('decodes strictly: accepts canonical text, rejects padding, "+", "/", whitespace, bad lengths, set unused bits', () => {
    for (const v of rfc4648.base64url_decode_cases) {
      if (v.expected === 'accept') {
        expect(toHex(base64urlDecode(v.input)), v.id).toBe(v.expected_hex);
        continue;
      }
      let error: unknown;
      try {
        base64urlDecode(v.input);
      } catch (e) {
        error = e;
      }
      expect(error, v.id).toBeInstanceOf(JwtError);
      const e = error as JwtError;
      expect(e.code).toBe('ERR_BASE64URL_INVALID');
      if (v.reject_reason === 'alphabet') {
        const index = [...v.input].findIndex((c: string) => !/[A-Za-z0-9_-]/.test(c));
        expect(e.where?.index, v.id).toBe(index);
        expect(e.message).toContain(`Character ${index + 1}`);
      } else if (v.reject_reason === 'length') {
        expect(e.message, v.id).toContain('one more than a multiple of 4');
      } else {
        expect(e.message, v.id).toContain('canonical');
        expect(e.where?.index, v.id).toBe(v.input.length - 1);
      }
    }
  });
});

describe('RFC 4231 HMAC, through the step-by-step trace', () => {
  const hashes = { 'HMAC-SHA-256': 'HS256', 'HMAC-SHA-384': 'HS384', 'HMAC-SHA-512': 'HS512' } as const;
  for (const v of rfc4231.vectors) {
    for (const [name, alg] of Object.entries(hashes)) {
      it(`test case ${v.test_case}, ${name}`, async () => {
        const info = algorithmInfo(alg);
        const key = fromHex(v.key_hex);
        const [keyStep, inner, outer] = await hmacSteps(info, key, fromHex(v.data_hex));
        const expected: string = v.expected_hex[name];
        // Test case 5 gives only the leftmost 128 bits.
        expect(toHex(outer.mac).slice(0, expected.length)).toBe(expected);
        expect(toHex(outer.webCrypto)).toBe(toHex(outer.mac));
        expect(keyStep.keyWasHashed).toBe(key.length > info.blockBytes);
        expect(keyStep.keyBlock.length).toBe(info.blockBytes);
        expect(inner.keyIpad.every((b, i) => b === (keyStep.keyBlock[i]! ^ 0x36))).toBe(true);
        expect(outer.keyOpad.every((b, i) => b === (keyStep.keyBlock[i]! ^ 0x5c))).toBe(true);
        expect(toHex(outer.innerHash)).toBe(toHex(inner.innerHash));
      });
    }
  }
});

describe('Wycheproof HMAC-SHA256', () => {
  const info = algorithmInfo('HS256');
  for (const group of wycheproof.testGroups) {
    it(`key ${group.keySize} bits, tag ${group.tagSize} bits: ${group.tests.length} tests`, async () => {
      for (const t of group.tests) {
        const [, , outer] = await hmacSteps(info, fromHex(t.key), fromHex(t.msg));
        const tag = toHex(outer.mac.slice(0, group.tagSize / 8));
        expect(tag === t.tag, `tcId ${t.tcId} (${t.comment})`).toBe(t.result === 'valid');
      }
    });
  }
});

async function keyFor(v: JwsVector, use: 'sign' | 'verify') {
  const alg = v.alg as Algorithm;
  const jwk = use === 'verify' && v.jwk_public ? v.jwk_public : v.jwk;
  return importJwk(jwk, alg);
}

describe('RFC 7515 Appendix A and RFC 7519', () => {
  const signed = [...rfc7515.vectors, ...rfc7519.vectors].filter((v) => v.expected === 'valid');

  for (const v of signed) {
    const alg = v.alg as Algorithm;
    // A.4 signs the text "Payload": a JWS, not a JWT, so it is verified without claims.
    const isJwt = v.payload.startsWith('{');
    const payload = isJwt ? v.payload : utf8Encode(v.payload);
    const check = async (token: string, trace = false) => {
      const key = await keyFor(v, 'verify');
      return isJwt
        ? verify(token, key, { algorithms: [alg], currentDate: BEFORE_EXPIRY, trace })
        : verifyJws(token, key, { algorithms: [alg], trace });
    };

    it(`${v.id} (${v.alg}) verifies, with a trace`, async () => {
      const result = await check(v.token, true);
      expect(new TextDecoder().decode(result.payloadBytes)).toBe(v.payload);
      expect(result.header).toEqual(JSON.parse(v.protected_header));
      const decoded = stage(result.trace, 'decode');
      expect(decoded.map((d) => d.text)).toEqual([v.protected_b64u, v.payload_b64u, v.signature_b64u]);
      expect(decoded[0]!.json).toBe(v.protected_header);
    });

    it(`${v.id} (${v.alg}): signing the header and payload text ${v.reproducible ? 'reproduces the token' : 'gives a token that verifies'}`, async () => {
      const { token, trace } = await sign(v.protected_header, payload, await keyFor(v, 'sign'), { trace: true });
      if (v.reproducible) expect(token).toBe(v.token);
      else expect(token.slice(0, v.signing_input.length)).toBe(v.signing_input);
      await check(token);
      const [headerUtf8] = stage(trace, 'utf8');
      if (v.protected_header_octets) expect(Array.from(headerUtf8!.bytes)).toEqual(v.protected_header_octets);
      expect(stage(trace, 'signing-input')[0]!.text).toBe(v.signing_input);
    });
  }

  it('A.1: the trace holds the RFC\'s octets for the payload, key and signature', async () => {
    const v = rfc7515.vectors.find((x) => x.id === 'rfc7515-a1')!;
    const { trace } = await sign(v.protected_header, v.payload, await keyFor(v, 'sign'), { trace: true });
    expect(Array.from(stage(trace, 'utf8')[1]!.bytes)).toEqual(v.payload_octets);
    expect(Array.from(stage(trace, 'hmac-key')[0]!.key)).toEqual(v.key_octets);
    expect(Array.from(stage(trace, 'hmac-outer')[0]!.mac)).toEqual(v.signature_octets);
  });

  it('A.5 and RFC 7519 §6.1: an unsecured token decodes, and verify refuses it', async () => {
    for (const v of [...rfc7515.vectors, ...rfc7519.vectors].filter((x) => x.expected === 'unsecured')) {
      const decoded = decode(v.token);
      expect(decoded.header.alg).toBe('none');
      expect(decoded.signature.length).toBe(0);
      const error = await rejection(verify(v.token, secretFromText('a-secret-of-at-least-32-bytes!!!'), { algorithms: ['HS256'] }));
      expect(error.code).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
      expect(error.message).toContain('none');
    }
  });

  const derivedCodes: Record<string, string> = {
    'rfc7515-a1-derived-reserialized-header': 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    'rfc7515-a1-derived-modified-signature': 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    'rfc7515-a1-derived-noncanonical-signature': 'ERR_JWS_INVALID',
    'rfc7515-a1-derived-truncated-signature': 'ERR_JWS_INVALID',
    'rfc7515-a5-derived-none-to-hs256-verifier': 'ERR_JOSE_ALG_NOT_ALLOWED',
    'rfc7515-a1-derived-wrong-key': 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  };
  for (const v of rfc7515.derived_cases) {
    it(`${v.id} is rejected: ${v.description}`, async () => {
      const error = await rejection(verify(v.token, await importJwk(v.jwk, 'HS256'), {
        algorithms: ['HS256'], currentDate: BEFORE_EXPIRY, trace: true,
      }));
      expect(error.code).toBe(derivedCodes[v.id]);
      expect(error.trace?.length).toBeGreaterThan(0);
    });
  }
});

describe('RFC 7520 §4 (JWS with a text payload)', () => {
  const key = (ref: string) => rfc7520.keys.find((k) => k.id === ref)!.jwk;
  for (const v of rfc7520.vectors) {
    it(`${v.id} (${v.alg}) verifies and signing reproduces it`, async () => {
      const alg = v.alg as Algorithm;
      const verifyKey = await importJwk(v.jwk_public ?? key(v.key_ref!), alg);
      // 4.5 detaches the payload: the token's payload segment is empty and must be put back.
      const token = v.token.split('.')[1] === '' ? v.token.replace('..', `.${v.payload_b64u}.`) : v.token;
      const result = await verifyJws(token, verifyKey, { algorithms: [alg] });
      expect(new TextDecoder().decode(result.payloadBytes)).toBe(v.payload);
      const { token: again } = await sign(v.protected_header, utf8Encode(v.payload), await importJwk(key(v.key_ref!), alg));
      expect(again).toBe(token);
    });
  }

  it('4.5 with its payload still detached fails at the signature', async () => {
    const v = rfc7520.vectors.find((x) => x.id === 'rfc7520-4.5')!;
    const error = await rejection(verifyJws(v.token, await importJwk(key(v.key_ref!), 'HS256'), { algorithms: ['HS256'] }));
    expect(error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
});

describe("the guide's example", () => {
  const correct = guide.vectors.find((v) => v.expected === 'valid')!;
  const printed = guide.vectors.find((v) => v.expected === 'invalid')!;
  const secret = secretFromText(correct.secret_utf8!);

  it('signing its header and payload with "super-secret" gives Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ', async () => {
    const { token } = await sign(correct.protected_header, correct.payload, secret);
    expect(token).toBe(correct.token);
    expect(token.split('.')[2]).toBe('Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ');
  });

  it('the corrected token verifies before its exp, and is expired after it', async () => {
    const options = { algorithms: ['HS256'] as Algorithm[] };
    await verify(correct.token, secret, { ...options, currentDate: new Date('2024-01-01T00:00:00Z') });
    const error = await rejection(verify(correct.token, secret, { ...options, currentDate: new Date('2025-03-11T00:00:00Z') }));
    expect(error.code).toBe('ERR_JWT_EXPIRED');
  });

  it('the signature printed in the guide does not match its own secret', async () => {
    const error = await rejection(verify(printed.token, secret, {
      algorithms: ['HS256'], currentDate: new Date('2024-01-01T00:00:00Z'), trace: true,
    }));
    expect(error.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    const compare = stage(error.trace, 'compare')[0]!;
    expect(compare.equal).toBe(false);
    expect(base64urlEncode(compare.expected)).toBe('Vwrb-zbkQiDAoS3hejME3pWooCHUyv1vb0PLLBTeWJQ');
    expect(base64urlEncode(compare.received)).toBe(printed.signature_b64u);
  });

  it('the printed signature is what "super-secret" gives when read as base64url instead of text', async () => {
    const misread = secretFromBase64url(correct.secret_utf8!);
    expect(misread.length).toBe(9);
    const { token } = await sign(correct.protected_header, correct.payload, misread);
    expect(token).toBe(printed.token);
  });
});
