/**
 * The RFC 7516 and RFC 7520 JWE vectors (tests/vectors/README.md describes their fields). Every compact vector
 * with a supported alg decrypts to its plaintext, and encrypting with its CEK and IV (and its ephemeral key,
 * p2s or GCMKW iv) gives the same bytes. The JSON-only vectors (RFC 7516 A.4, A.5; RFC 7520 5.10–5.13) use the
 * general or flattened JSON serialization, which this core does not implement (compact only): they are listed
 * here, not run.
 */
import { describe, expect, it } from 'vitest';
import {
  base64urlDecode, decrypt, encrypt, openNested, toHex, utf8Encode,
  type ContentEncryptionAlgorithm, type JweKey, type JweStep, type KeyManagementAlgorithm,
} from '../../../../../src/lib/jwt';
import { rejection } from '../../../support';
import { BEFORE_EXPIRY, loadVectors } from '../../../vectors';

interface JweVector {
  id: string;
  alg?: string;
  enc: string;
  jwk?: JsonWebKey;
  jwk_public?: JsonWebKey;
  password?: string;
  protected_header?: string;
  protected_b64u?: string;
  plaintext: string;
  cek_b64u: string;
  iv_b64u: string;
  encrypted_key_b64u?: string;
  ciphertext_b64u: string;
  tag_b64u: string;
  epk_private?: JsonWebKey;
  p2s_b64u?: string;
  p2c?: number;
  kw_iv_b64u?: string;
  token?: string;
  inner_jws?: { jwk_public: JsonWebKey };
  reproducible: { encrypted_key: boolean | boolean[] };
  appendix_b?: Record<string, number[]>;
  derived?: Record<string, Record<string, string | number>>;
}

const rfc7516 = loadVectors<{ vectors: JweVector[] }>('rfc7516.json').vectors;
const rfc7520 = loadVectors<{ vectors: JweVector[] }>('rfc7520-jwe.json').vectors;
const all = [...rfc7516, ...rfc7520];
const compact = all.filter((v) => v.token !== undefined);
const REFUSED = ['rfc7516-a2', 'rfc7520-5.1', 'rfc7520-5.9'];
const supported = compact.filter((v) => !REFUSED.includes(v.id));
/** The JSON serializations only: out of scope for a compact-only core. */
const JSON_ONLY = ['rfc7516-a4', 'rfc7516-a5', 'rfc7520-5.10', 'rfc7520-5.11', 'rfc7520-5.12', 'rfc7520-5.13'];

function stage<S extends JweStep['stage']>(steps: JweStep[] | undefined, name: S): Extract<JweStep, { stage: S }> {
  const found = (steps ?? []).find((s): s is Extract<JweStep, { stage: S }> => s.stage === name);
  if (!found) throw new Error(`no ${name} step`);
  return found;
}

function options(v: JweVector) {
  return {
    keyManagementAlgorithms: [v.alg as KeyManagementAlgorithm],
    contentEncryptionAlgorithms: [v.enc as ContentEncryptionAlgorithm],
  };
}

const privateKey = (v: JweVector): JweKey => v.password ?? v.jwk!;
function publicKey(v: JweVector): JweKey {
  if (v.password) return v.password;
  if (v.jwk_public) return v.jwk_public;
  const { d: _d, ...rest } = v.jwk!;
  return v.jwk!.kty === 'oct' ? v.jwk! : rest;
}

/** Encrypts the vector's plaintext with every value the vector fixes: its CEK, IV, ephemeral key, p2s, GCMKW iv. */
function reproduce(v: JweVector) {
  const direct = v.alg === 'dir' || v.alg === 'ECDH-ES';
  return encrypt(v.protected_header!, v.plaintext, publicKey(v), {
    trace: true,
    iv: base64urlDecode(v.iv_b64u),
    ...(!direct && { cek: base64urlDecode(v.cek_b64u) }),
    ...(v.epk_private && { ephemeralKey: v.epk_private }),
    ...(v.p2s_b64u && { p2s: base64urlDecode(v.p2s_b64u), p2c: v.p2c }),
    ...(v.kw_iv_b64u && { keyWrapIv: base64urlDecode(v.kw_iv_b64u) }),
  });
}

describe('JWE vectors: which are run', () => {
  it('runs these compact vectors', () => {
    expect(supported.map((v) => `${v.id} ${v.alg} ${v.enc}`)).toEqual([
      'rfc7516-a1 RSA-OAEP A256GCM', 'rfc7516-a3 A128KW A128CBC-HS256',
      'rfc7520-5.2 RSA-OAEP A256GCM', 'rfc7520-5.3 PBES2-HS512+A256KW A128CBC-HS256', 'rfc7520-5.4 ECDH-ES+A128KW A128GCM',
      'rfc7520-5.5 ECDH-ES A128CBC-HS256', 'rfc7520-5.6 dir A128GCM', 'rfc7520-5.7 A256GCMKW A128CBC-HS256',
      'rfc7520-5.8 A128KW A128GCM', 'rfc7520-6 RSA-OAEP A128GCM',
    ]);
  });

  it('covers every vector: compact ones run, RSA1_5 and zip refused, JSON-only ones out of scope', () => {
    expect(all.map((v) => v.id).sort()).toEqual([...compact.map((v) => v.id), ...JSON_ONLY].sort());
    expect(all.filter((v) => v.token === undefined).map((v) => v.id).sort()).toEqual([...JSON_ONLY].sort());
  });
});

describe.each(supported.map((v) => [v.id, v] as const))('%s', (_id, v) => {
  it('decrypts to its plaintext', async () => {
    const result = await decrypt(v.token!, privateKey(v), { ...options(v), trace: true });
    expect(result.text()).toBe(v.plaintext);
    expect(stage(result.trace, 'cek').cek).toEqual(base64urlDecode(v.cek_b64u));
    expect(stage(result.trace, 'plaintext').text).toBe(v.plaintext);
  });

  it('encrypts to the same bytes with its CEK and IV', async () => {
    const { token, trace } = await reproduce(v);
    const [header, encryptedKey, iv, ciphertext, tag] = token.split('.');
    expect(header).toBe(v.protected_b64u);
    expect(iv).toBe(v.iv_b64u);
    expect(ciphertext).toBe(v.ciphertext_b64u);
    expect(tag).toBe(v.tag_b64u);
    if (v.reproducible.encrypted_key === true) expect(encryptedKey).toBe(v.encrypted_key_b64u ?? '');
    else expect((await decrypt(token, privateKey(v), options(v))).text()).toBe(v.plaintext);
    expect(stage(trace, 'jwe-token').token).toBe(token);
    expect(stage(trace, 'aad').text).toBe(v.protected_b64u);
  });

  const cbc = v.derived?.cbc_hmac;
  if (cbc) {
    it('shows the CBC-HMAC values the vector derives, encrypting and decrypting', async () => {
      const { trace } = await reproduce(v);
      const decrypted = await decrypt(v.token!, privateKey(v), { ...options(v), trace: true });
      for (const step of [stage(trace, 'cbc-hmac-encrypt'), stage(decrypted.trace, 'cbc-hmac-tag')]) {
        expect(toHex(step.macKey)).toBe(cbc.mac_key_hex);
        expect(toHex(step.encKey)).toBe(cbc.enc_key_hex);
        expect(toHex(step.al)).toBe(cbc.al_hex);
        expect(toHex(step.macInput)).toBe(cbc.hmac_input_hex);
        expect(toHex(step.hmac)).toBe(cbc.hmac_output_hex);
      }
      expect(toHex(stage(trace, 'cbc-hmac-encrypt').tag)).toBe(cbc.tag_hex);
      expect(toHex(stage(decrypted.trace, 'cbc-hmac-tag').computedTag)).toBe(cbc.tag_hex);
    });
  }

  const ecdh = v.derived?.ecdh_es;
  if (ecdh) {
    it('shows the Concat KDF pieces the vector derives, both ways', async () => {
      const decrypted = await decrypt(v.token!, privateKey(v), { ...options(v), trace: true });
      const { trace } = await reproduce(v);
      for (const step of [stage(decrypted.trace, 'ecdh-es'), stage(trace, 'ecdh-es')]) {
        expect(toHex(step.z)).toBe(ecdh.z_hex);
        expect(step.algorithmId).toBe(ecdh.algorithm_id);
        expect(step.keyDataLen).toBe(ecdh.keydatalen);
        expect(toHex(step.otherInfo)).toBe(ecdh.other_info_hex);
        expect(toHex(step.rounds[0]!.input)).toBe(ecdh.kdf_round1_input_hex);
        expect(toHex(step.derivedKey)).toBe(ecdh.derived_kek_hex ?? ecdh.derived_cek_hex);
        expect(toHex(step.otherInfo)).toBe(toHex(new Uint8Array([...step.algorithmIdBytes, ...step.partyUInfo, ...step.partyVInfo, ...step.suppPubInfo])));
      }
    });
  }

  const pbes2 = v.derived?.pbes2;
  if (pbes2) {
    it('shows the PBES2 salt input and derived key the vector derives', async () => {
      const decrypted = await decrypt(v.token!, privateKey(v), { ...options(v), trace: true });
      const step = stage(decrypted.trace, 'pbes2');
      expect(toHex(step.password)).toBe(pbes2.password_utf8_hex);
      expect(toHex(step.saltInput)).toBe(pbes2.salt_value_hex);
      expect(toHex(step.kek)).toBe(pbes2.kek_hex);
      expect(step.p2c).toBe(v.p2c);
    });
  }
});

describe('RFC 7516 Appendix B: the A128CBC-HS256 computation', () => {
  const a3 = rfc7516.find((v) => v.id === 'rfc7516-a3')!;
  const b = a3.appendix_b!;
  it('matches every array the appendix prints, in the trace', async () => {
    const { trace } = await encrypt(a3.protected_header!, a3.plaintext, a3.jwk!, { trace: true, cek: new Uint8Array(b.key_octets!), iv: base64urlDecode(a3.iv_b64u) });
    const step = stage(trace, 'cbc-hmac-encrypt');
    expect([...step.macKey]).toEqual(b.mac_key_octets);
    expect([...step.encKey]).toEqual(b.enc_key_octets);
    expect([...step.al]).toEqual(b.al_octets);
    expect([...step.macInput]).toEqual(b.hmac_input_octets);
    expect([...step.hmac]).toEqual(b.hmac_output_octets);
    expect([...step.tag]).toEqual(b.tag_octets);
    // "Live long and prosper." is 22 bytes: PKCS#7 adds 10 bytes of value 10.
    expect([...step.padding]).toEqual(new Array(10).fill(10));
    expect(step.paddedPlaintext.length).toBe(32);
    expect(step.ciphertext.length).toBe(32);
  });
});

describe('refused vectors', () => {
  it.each(['rfc7516-a2', 'rfc7520-5.1'])('%s (RSA1_5) is refused, with the padding-oracle reason', async (id) => {
    const v = compact.find((c) => c.id === id)!;
    const error = await rejection(decrypt(v.token!, v.jwk!, { keyManagementAlgorithms: ['RSA-OAEP'], contentEncryptionAlgorithms: [v.enc as ContentEncryptionAlgorithm] }));
    expect(error.code).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(error.where?.part).toBe('header');
    expect(error.message).toMatch(/Bleichenbacher/);
    const encrypting = await rejection(encrypt(v.protected_header!, 'x', v.jwk_public!));
    expect(encrypting.code).toBe('ERR_JOSE_NOT_SUPPORTED');
  });

  it('5.9 (zip) is refused, with the reason compression before encryption leaks', async () => {
    const v = compact.find((c) => c.id === 'rfc7520-5.9')!;
    const error = await rejection(decrypt(v.token!, v.jwk!, { ...options(v), trace: true }));
    expect(error.code).toBe('ERR_JOSE_NOT_SUPPORTED');
    expect(error.message).toMatch(/RFC 8725 §3\.6/);
    expect(error.jweTrace?.at(-1)).toMatchObject({ stage: 'check', name: 'zip', ok: false });
    expect((await rejection(encrypt(v.protected_header!, 'x', v.jwk!))).code).toBe('ERR_JOSE_NOT_SUPPORTED');
  });
});

describe('RFC 7520 §6: a signed JWT nested in a JWE', () => {
  const v = compact.find((c) => c.id === 'rfc7520-6')!;
  it('opens the outer JWE and verifies the PS256 JWT inside', async () => {
    const { outer, inner } = await openNested(v.token!, v.jwk!, await crypto.subtle.importKey('jwk', v.inner_jws!.jwk_public, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']), {
      decrypt: options(v),
      verify: { algorithms: ['PS256'], currentDate: BEFORE_EXPIRY },
    });
    expect(outer.header.cty).toBe('JWT');
    expect(inner.payload.iss).toBe('hobbiton.example');
  });

  it('refuses a JWE whose cty does not say JWT', async () => {
    const plain = rfc7520.find((c) => c.id === 'rfc7520-5.2')!;
    const error = await rejection(openNested(plain.token!, plain.jwk!, utf8Encode('unused'), { decrypt: options(plain), verify: { algorithms: ['HS256'] } }));
    expect(error.code).toBe('ERR_JWE_INVALID');
    expect(error.message).toMatch(/cty/);
  });
});
