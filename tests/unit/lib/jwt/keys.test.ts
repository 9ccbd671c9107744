/** Keys: JWK and PEM import against the RFC keys and jose, thumbprints, and every refusal with its place. */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as jose from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { algorithmInfo, type Algorithm } from '../../../../src/lib/jwt/algorithms';
import { base64urlDecode } from '../../../../src/lib/jwt/base64url';
import { buf, utf8Encode } from '../../../../src/lib/jwt/bytes';
import { derInteger, derSequence, readDer } from '../../../../src/lib/jwt/der';
import { JwtError } from '../../../../src/lib/jwt/errors';
import {
  assertKeyFits, checkHmacSecret, describeKey, exportJwk, exportPem, generateKeyPair, generateSecret, importJwk,
  importKeyText, importPem, keyWarnings, publicJwk, secretFromBase64url, secretFromText, thumbprint, thumbprintInput,
} from '../../../../src/lib/jwt';
import { base64Decode, base64Encode, parsePem, toPem } from '../../../../src/lib/jwt/pem';
import { errorOf, rejection } from '../../support';
import { loadVectors, type JwsVector } from '../../vectors';

type Jwk = Record<string, string>;
const rfc7515 = loadVectors<{ vectors: JwsVector[] }>('rfc7515.json');
const rfc7520 = loadVectors<{ vectors: JwsVector[]; keys: { id: string; jwk: Jwk }[] }>('rfc7520.json');
const vector = (id: string) => rfc7515.vectors.find((v) => v.id === id)!;
const cookbookKey = (id: string) => rfc7520.keys.find((k) => k.id === id)!.jwk;

const data = utf8Encode('The signing input');

async function signWith(alg: Algorithm, key: CryptoKey, bytes = data): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(algorithmInfo(alg).signParams, key, buf(bytes)));
}

async function verifies(alg: Algorithm, key: CryptoKey, signature: Uint8Array, bytes = data): Promise<boolean> {
  return crypto.subtle.verify(algorithmInfo(alg).signParams, key, buf(signature), buf(bytes));
}

const ASYMMETRIC: Algorithm[] = ['RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const pairs = {} as Record<Algorithm, CryptoKeyPair>;
beforeAll(async () => {
  await Promise.all(ASYMMETRIC.map(async (alg) => { pairs[alg] = await generateKeyPair(alg); }));
});

describe('importJwk with the RFC keys', () => {
  for (const [id, alg] of [['rfc7515-a2', 'RS256'], ['rfc7515-a3', 'ES256'], ['rfc7515-a4', 'ES512']] as const) {
    it(`${id} (${alg}): private and public keys sign, verify, and verify the RFC's signature`, async () => {
      const v = vector(id);
      const privateKey = await importJwk(v.jwk, alg);
      const publicKey = await importJwk(v.jwk_public, alg);
      expect([privateKey.type, publicKey.type]).toEqual(['private', 'public']);
      expect(await verifies(alg, publicKey, await signWith(alg, privateKey))).toBe(true);
      expect(await verifies(alg, publicKey, base64urlDecode(v.signature_b64u), utf8Encode(v.signing_input))).toBe(true);
      // Extractable, and what comes out is what went in, with the alg added.
      expect(await exportJwk(privateKey)).toEqual({ ...v.jwk, alg });
      expect(publicJwk(v.jwk!)).toEqual(v.jwk_public);
    });
  }

  it('describes them', async () => {
    expect(describeKey(await importJwk(vector('rfc7515-a2').jwk, 'RS256')).description).toBe('an RSA private key, 2048 bits');
    expect(describeKey(await importJwk(vector('rfc7515-a3').jwk, 'ES256'))).toEqual({
      description: 'a P-256 EC private key', kty: 'EC', bits: 256, isPrivate: true,
    });
    expect(describeKey(await importJwk(vector('rfc7515-a4').jwk_public, 'ES512')).description).toBe('a P-521 EC public key');
  });

  it('RFC 7520 §3.3/3.4 RSA keys work for RS256 and PS256 (use "sig")', async () => {
    for (const alg of ['RS256', 'PS256'] as const) {
      const privateKey = await importJwk(cookbookKey('rfc7520-key-3.4'), alg);
      const publicKey = await importJwk(cookbookKey('rfc7520-key-3.3'), alg);
      expect(await verifies(alg, publicKey, await signWith(alg, privateKey))).toBe(true);
    }
    const v = rfc7520.vectors.find((x) => x.id === 'rfc7520-4.1')!;
    const publicKey = await importJwk(cookbookKey('rfc7520-key-3.3'), 'RS256');
    expect(await verifies('RS256', publicKey, base64urlDecode(v.signature_b64u), utf8Encode(v.signing_input))).toBe(true);
  });

  it('RFC 7520 §3.5 symmetric key (alg "HS256") verifies §4.4', async () => {
    const v = rfc7520.vectors.find((x) => x.id === 'rfc7520-4.4')!;
    const key = await importJwk(cookbookKey('rfc7520-key-3.5'), 'HS256');
    expect(key.usages.sort()).toEqual(['sign', 'verify']);
    expect(await verifies('HS256', key, base64urlDecode(v.signature_b64u), utf8Encode(v.signing_input))).toBe(true);
    expect(describeKey(key)).toEqual({ description: 'an HMAC secret of 32 bytes (256 bits)', kty: 'oct', bits: 256, isPrivate: true });
  });
});

describe('generated keys, PEM and JWK export', () => {
  for (const alg of ASYMMETRIC) {
    it(`${alg}: exportPem matches jose, and importPem round-trips`, async () => {
      const { publicKey, privateKey } = pairs[alg];
      const publicPem = await exportPem(publicKey);
      const privatePem = await exportPem(privateKey);
      expect(publicPem).toBe(await jose.exportSPKI(publicKey));
      expect(privatePem).toBe(await jose.exportPKCS8(privateKey));
      expect(parsePem(publicPem)).toEqual({ label: 'PUBLIC KEY', der: new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)) });

      const signer = await importPem(privatePem, alg);
      const verifier = await importPem(publicPem, alg);
      expect([signer.type, verifier.type, signer.extractable]).toEqual(['private', 'public', true]);
      const signature = await signWith(alg, signer);
      expect(await verifies(alg, verifier, signature)).toBe(true);
      expect(await verifies(alg, publicKey, signature)).toBe(true);
    });

    it(`${alg}: exportJwk drops key_ops and ext and names the alg; JWK import round-trips`, async () => {
      const { publicKey, privateKey } = pairs[alg];
      const jwk = await exportJwk(privateKey);
      expect(jwk).not.toHaveProperty('key_ops');
      expect(jwk).not.toHaveProperty('ext');
      expect(jwk.alg).toBe(alg);
      expect(Object.keys(jwk)[0]).toBe('kty');
      expect(publicJwk(jwk)).toEqual(await exportJwk(publicKey));
      const signature = await signWith(alg, await importJwk(jwk, alg));
      expect(await verifies(alg, await importJwk(publicJwk(jwk), alg), signature)).toBe(true);
    });
  }

  it('accepts CRLF line breaks and blank lines around the block', async () => {
    const pem = await exportPem(pairs.ES256.publicKey);
    const key = await importPem(`\n\n${pem.replace(/\n/g, '\r\n')}\r\n\r\n`, 'ES256');
    expect(key.type).toBe('public');
  });

  it('PKCS#1 RSA PUBLIC KEY and RSA PRIVATE KEY import, wrapped into SPKI and PKCS#8', async () => {
    const { publicKey, privateKey } = pairs.RS256;
    const spkiPem = await exportPem(publicKey);
    const pkcs8Pem = await exportPem(privateKey);
    const pkcs1Public = createPublicKey(spkiPem).export({ type: 'pkcs1', format: 'pem' }) as string;
    const pkcs1Private = createPrivateKey(pkcs8Pem).export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1Public).toContain('-----BEGIN RSA PUBLIC KEY-----');
    expect(pkcs1Private).toContain('-----BEGIN RSA PRIVATE KEY-----');

    // The PKCS#1 public key is the BIT STRING inside the SPKI, as readDer shows.
    const spki = readDer(parsePem(spkiPem).der);
    const inner = spki.children![1]!.value.subarray(1);
    expect(toPem('RSA PUBLIC KEY', inner)).toBe(pkcs1Public.trim());

    // The generated private key's signature verifies with the PKCS#1 public key, and the other way round.
    expect(await verifies('RS256', await importPem(pkcs1Public, 'RS256'), await signWith('RS256', privateKey))).toBe(true);
    for (const alg of ['RS256', 'PS256'] as const) {
      const signature = await signWith(alg, await importPem(pkcs1Private, alg));
      expect(await verifies(alg, await importPem(pkcs1Public, alg), signature)).toBe(true);
      expect(await verifies(alg, await importPem(spkiPem, alg), signature)).toBe(true);
    }
    // Wrapped exactly as a PKCS#8 export of the same key.
    const rewrapped = await importPem(pkcs1Private, 'RS256');
    expect(await exportPem(rewrapped)).toBe(pkcs8Pem);
  });

  it('standard base64 helpers agree with Buffer', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n * 7 + (n % 3)));
      const text = base64Encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64Decode(text)).toEqual(bytes);
    }
    const error = errorOf(() => base64Decode('QU JD'));
    expect(error.message).toContain('Character 3');
    expect(error.where).toMatchObject({ part: 'key', index: 2, char: ' ' });
    expect(errorOf(() => base64Decode('QR==')).message).toContain('bits set that belong to no byte');
    expect(errorOf(() => parsePem('-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----')).message)
      .toBe('Line 3 ends the block, but there is no base64 between the BEGIN and END lines.');
  });

  it('generates secrets as long as the hash output, and refuses the wrong kind', async () => {
    expect(generateSecret('HS256')).toHaveLength(32);
    expect(generateSecret('HS512')).toHaveLength(64);
    expect(generateSecret('HS384')).not.toEqual(generateSecret('HS384'));
    expect(errorOf(() => generateSecret('RS256')).code).toBe('ERR_KEY_MISMATCH');
    expect((await rejection(generateKeyPair('HS256'))).message).toContain('generateSecret');
    expect((await rejection(exportPem(await importJwk(cookbookKey('rfc7520-key-3.5'), 'HS256')))).code).toBe('ERR_KEY_MISMATCH');
    expect(errorOf(() => publicJwk({ kty: 'oct', k: 'AAAA' })).code).toBe('ERR_JWK_INVALID');
  });
});

describe('thumbprint (RFC 7638)', () => {
  it('matches the §3.1 example', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await thumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
    expect(await jose.calculateJwkThumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('equals jose for generated RSA, EC, OKP and oct keys; private and public give the same', async () => {
    const jwks = [
      ...(await Promise.all(ASYMMETRIC.map((alg) => exportJwk(pairs[alg].privateKey)))),
      { kty: 'oct', k: 'c2VjcmV0LWJ5dGVz' },
    ];
    for (const jwk of jwks) {
      const ours = await thumbprint(jwk);
      expect(ours).toBe(await jose.calculateJwkThumbprint(jwk as jose.JWK));
      if (jwk.kty !== 'oct') expect(await thumbprint(publicJwk(jwk))).toBe(ours);
    }
  });

  it('refuses a JWK without the required members', async () => {
    expect((await rejection(thumbprint({ kty: 'EC', crv: 'P-256', x: 'AA' }))).message).toContain('"y"');
    expect((await rejection(thumbprint({ kty: 'toString' }))).code).toBe('ERR_JWK_INVALID');
  });
});

describe('secrets', () => {
  it('from text and from strict base64url', () => {
    expect(secretFromText('héllo')).toEqual(Uint8Array.of(0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f));
    expect(secretFromBase64url('AQID_w')).toEqual(Uint8Array.of(1, 2, 3, 0xff));
    const error = errorOf(() => secretFromBase64url('AQID+w'));
    expect(error.code).toBe('ERR_BASE64URL_INVALID');
    expect(error.where).toMatchObject({ part: 'key', index: 4, char: '+' });
    expect(error.message).toContain('Character 5 of the key');
  });

  it('checkHmacSecret refuses a public key PEM (algorithm confusion), private keys and key JSON', async () => {
    const publicPem = await exportPem(pairs.RS256.publicKey);
    const confusion = errorOf(() => checkHmacSecret(utf8Encode(publicPem)));
    expect(confusion.code).toBe('ERR_KEY_MISMATCH');
    expect(confusion.where?.part).toBe('key');
    expect(confusion.message).toContain('public key in PEM form');
    expect(confusion.message).toContain('algorithm-confusion attack');
    // The attack is marked on the error itself, so no caller has to search the message for it.
    expect(confusion.attack).toBe('algorithm-confusion');

    const privatePem = await exportPem(pairs.ES256.privateKey);
    const privateError = errorOf(() => checkHmacSecret(utf8Encode(privatePem)));
    expect(privateError.message).toContain('private key in PEM form');
    expect(privateError.attack).toBeUndefined();
    const jwkText = JSON.stringify(await exportJwk(pairs.EdDSA.publicKey));
    const jwkError = errorOf(() => checkHmacSecret(utf8Encode(jwkText)));
    expect(jwkError.message).toContain('JSON text of an OKP public key');
    expect(jwkError.attack).toBe('algorithm-confusion');
    expect(errorOf(() => checkHmacSecret(new Uint8Array(0))).code).toBe('ERR_KEY_INVALID');

    expect(errorOf(() => checkHmacSecret(utf8Encode('-----BEGIN'))).message).toContain('algorithm-confusion');
    expect(() => checkHmacSecret(utf8Encode('a-long-enough-secret-for-hs256!!'))).not.toThrow();
    expect(() => checkHmacSecret(Uint8Array.of(0xff, 0xfe, 0x00))).not.toThrow();
    expect(() => checkHmacSecret(utf8Encode('{"kty":"oct","k":"AAAA"}'))).not.toThrow();
  });
});

describe('malformed PEM', () => {
  let pem: string;
  beforeAll(async () => {
    pem = await exportPem(pairs.ES256.publicKey);
  });
  const lines = () => pem.split('\n');

  it('names the line and character of a bad character', () => {
    const l = lines();
    l[2] = l[2]!.slice(0, 9) + '-' + l[2]!.slice(10);
    const error = errorOf(() => parsePem(l.join('\n')));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toMatch(/^Line 3, character 10 is "-" \(U\+002D\): "-" belongs to base64url/);
    expect(error.where).toMatchObject({ part: 'key', line: 3, column: 10, char: '-', index: l[0]!.length + l[1]!.length + 2 + 9 });
  });

  it('refuses a missing END line, naming the BEGIN line and the END line expected', () => {
    const error = errorOf(() => parsePem(lines().slice(0, -1).join('\n')));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toContain('"-----END PUBLIC KEY-----" line that closes line 1');
  });

  it('refuses mismatched labels', () => {
    const error = errorOf(() => parsePem(pem.replace('END PUBLIC KEY', 'END PRIVATE KEY')));
    expect(error.message).toBe('Line 4 ends a "PRIVATE KEY" block, but line 1 began a "PUBLIC KEY" block; the labels must match.');
    expect(error.where).toMatchObject({ part: 'key', line: 4 });
  });

  it('refuses bad padding', () => {
    // 91 bytes of P-256 SPKI end in "==".
    expect(pem).toMatch(/==\n-----END/);
    const short = errorOf(() => parsePem(pem.replace('==\n', '=\n')));
    expect(short.message).toMatch(/^Line 3, character \d+ ends the base64 text after \d+ characters; base64 comes in groups of 4/);
    const inside = errorOf(() => parsePem(pem.replace(/\n(.)/, '\n=$1')));
    expect(inside.message).toContain('Line 2, character 2 is');
    expect(inside.message).toContain('after "=" padding');
  });

  it('refuses text around the block, two blocks, and malformed armour', () => {
    expect(errorOf(() => parsePem(`My key:\n${pem}`)).message).toContain('Line 1 comes before the BEGIN line');
    expect(errorOf(() => parsePem(`${pem}\n${pem}`)).message).toContain('Line 5 comes after the END line');
    expect(errorOf(() => parsePem(pem.replace('-----\n', '----\n'))).message).toContain('Line 1 should read "-----BEGIN <label>-----"');
    expect(errorOf(() => parsePem(`Key: ${pem}`)).message).toContain('Line 1 should read "-----BEGIN <label>-----"');
    expect(errorOf(() => parsePem('MFkwEwYHKoZIzj0CAQ==')).message).toContain('There is no BEGIN line');
    expect(errorOf(() => parsePem(pem.replace(/\n.*\n/, '\n-----BEGIN PUBLIC KEY-----\n'))).message).toContain('Line 2 begins another PEM block');
    const legacy = errorOf(() => parsePem('-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAAAA\n-----END RSA PRIVATE KEY-----'));
    expect(legacy.message).toContain('Line 2 is a header');
  });

  it('refuses truncated DER inside a well-formed PEM, naming the byte', async () => {
    const der = parsePem(pem).der;
    const error = await rejection(importPem(toPem('PUBLIC KEY', der.subarray(0, 80)), 'ES256'));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toContain('DER error at byte 2: the SEQUENCE at byte 0 says it has 89 content bytes, but only 78 remain.');
  });

  it('refuses a PRIVATE KEY body under a PUBLIC KEY label, naming the byte', async () => {
    const der = parsePem(await exportPem(pairs.ES256.privateKey)).der;
    const error = await rejection(importPem(toPem('PUBLIC KEY', der), 'ES256'));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toBe('At byte 3, this PUBLIC KEY should hold the algorithm identifier (a SEQUENCE), but it has an INTEGER.');
  });

  it('explains certificates, encrypted keys and other labels', async () => {
    const cert = await rejection(importPem(toPem('CERTIFICATE', Uint8Array.of(0x30, 0)), 'RS256'));
    expect(cert.code).toBe('ERR_KEY_INVALID');
    expect(cert.message).toContain('This is a certificate, not a key');
    expect(cert.message).toContain('PUBLIC KEY block');

    const encrypted = createPrivateKey(await exportPem(pairs.RS256.privateKey))
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string;
    const error = await rejection(importPem(encrypted, 'RS256'));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toContain('encrypted with a password');
    expect(error.message).toContain('openssl pkey');

    expect((await rejection(importPem(toPem('X509 CRL', Uint8Array.of(0x30, 0)), 'RS256'))).message).toContain('"X509 CRL" block');
  });
});

describe('the wrong key', () => {
  it('PEM of the wrong family or curve', async () => {
    const cases: [Algorithm, Algorithm, string][] = [
      ['ES256', 'RS256', 'This PEM holds a P-256 EC key, but RS256 needs an RSA key.'],
      ['RS256', 'ES256', 'This PEM holds an RSA key, but ES256 needs a P-256 EC key.'],
      ['ES384', 'ES256', 'This PEM holds a P-384 EC key, but ES256 needs a P-256 EC key.'],
      ['EdDSA', 'ES512', 'This PEM holds an Ed25519 key, but ES512 needs a P-521 EC key.'],
      ['ES256', 'EdDSA', 'This PEM holds a P-256 EC key, but EdDSA needs an Ed25519 key.'],
    ];
    for (const [from, alg, message] of cases) {
      for (const key of [pairs[from].publicKey, pairs[from].privateKey]) {
        const error = await rejection(importPem(await exportPem(key), alg));
        expect(error.code).toBe('ERR_KEY_MISMATCH');
        expect(error.message).toBe(message);
      }
    }
    // An RSA key restricted to RSA-PSS has its own OID, which WebCrypto does not read.
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect((await rejection(importPem(pss, 'PS256'))).message).toContain('restricted to RSA-PSS (OID 1.2.840.113549.1.1.10)');
    expect((await rejection(importPem(pss, 'ES256'))).message).toBe('This PEM holds an RSASSA-PSS key, but ES256 needs a P-256 EC key.');
    // PKCS#1 must be a SEQUENCE of the right INTEGERs.
    const broken = await rejection(importPem(toPem('RSA PUBLIC KEY', derSequence(derInteger(65537))), 'RS256'));
    expect(broken.message).toBe('This RSA PUBLIC KEY ends at byte 7, where the public exponent e (an INTEGER) should follow.');

    const hmac = await rejection(importPem(await exportPem(pairs.RS256.publicKey), 'HS256'));
    expect(hmac.code).toBe('ERR_KEY_MISMATCH');
    expect(hmac.message).toContain('algorithm-confusion');
  });

  const rsa = () => ({ ...vector('rfc7515-a2').jwk! });
  const ec = () => ({ ...vector('rfc7515-a3').jwk! });
  async function jwkError(jwk: unknown, alg: Algorithm): Promise<JwtError> {
    const error = await rejection(importJwk(jwk, alg));
    expect(error.code).toBe('ERR_JWK_INVALID');
    expect(error.where?.part).toBe('key');
    return error;
  }

  it('JWK of the wrong family', async () => {
    expect((await jwkError(ec(), 'RS256')).message).toBe('RS256 needs an RSA key (kty "RSA"), but this JWK has kty "EC".');
    expect((await jwkError(rsa(), 'HS256')).message).toBe('HS256 needs a shared secret (kty "oct"), but this JWK has kty "RSA".');
    expect((await jwkError({ n: 'AQAB' }, 'RS256')).message).toContain('no "kty" member');
    expect((await jwkError('{"kty":"RSA"}', 'RS256')).message).toBe('A JWK is a JSON object, but this is a string.');
  });

  it('JWK with bad base64url in n names the member and the character', async () => {
    const jwk = rsa();
    jwk.n = jwk.n!.slice(0, 10) + '+' + jwk.n!.slice(11);
    const error = await jwkError(jwk, 'RS256');
    expect(error.message).toBe('Character 11 of the JWK\'s "n" member is "+" (U+002B): "+" belongs to standard base64; base64url writes "-" instead.');
    expect(error.where).toMatchObject({ index: 10, char: '+' });
    expect((await jwkError({ ...rsa(), e: 'AQAB=' }, 'RS256')).message).toContain('the JWK\'s "e" member');
    expect((await jwkError({ ...rsa(), n: 65537 }, 'RS256')).message).toBe('The JWK\'s "n" member must be a base64url string, but it is a number.');
  });

  it('JWK with missing members', async () => {
    const { e: _e, ...noE } = vector('rfc7515-a2').jwk_public!;
    expect((await jwkError(noE, 'RS256')).message).toBe('The JWK has no "e" member; an RSA key needs "n" and "e".');
    const { qi: _qi, ...noQi } = rsa();
    const crt = await jwkError(noQi, 'RS256');
    expect(crt.message).toContain('has "d" but no "qi"');
    expect(crt.message).toContain('CRT members');
    const { y: _y, ...noY } = ec();
    expect((await jwkError(noY, 'ES256')).message).toBe('The JWK has no "y" member; a P-256 EC key needs "crv", "x", "y" and "d".');
  });

  it('JWK with alg, crv, use or key_ops that do not fit', async () => {
    expect((await jwkError({ ...rsa(), alg: 'RS384' }, 'RS256')).message).toContain('"alg" member is "RS384", but the key is being used for RS256');
    expect((await jwkError(ec(), 'ES384')).message).toBe('ES384 needs a key on the P-384 curve (crv "P-384"), but this JWK has crv "P-256".');
    expect((await jwkError({ ...vector('rfc7515-a4').jwk_public!, crv: undefined }, 'ES512')).message).toContain('has no "crv" member');
    expect((await jwkError({ ...rsa(), use: 'enc' }, 'RS256')).message).toBe('The JWK\'s "use" member is "enc", but signatures need "sig": this key is meant for encryption.');
    expect((await jwkError({ ...rsa(), key_ops: ['verify'] }, 'RS256')).message).toContain('"key_ops"');
    expect((await importJwk({ ...rsa(), key_ops: ['sign'], ext: false }, 'RS256')).extractable).toBe(true);
  });

  it('JWK with the wrong coordinate size, or values WebCrypto refuses', async () => {
    const jwk = ec();
    const shortX = Buffer.from(base64urlDecode(jwk.x!).subarray(1)).toString('base64url');
    expect((await jwkError({ ...jwk, x: shortX }, 'ES256')).message).toContain('"x" member is 31 bytes, but on P-256 it must be exactly 32 bytes');
    // Flip one bit of y: the point is no longer on the curve.
    const y = base64urlDecode(jwk.y!);
    y[31]! ^= 1;
    const { d: _d, ...publicOnly } = jwk;
    const offCurve = await jwkError({ ...publicOnly, y: Buffer.from(y).toString('base64url') }, 'ES256');
    expect(offCurve.message).toContain('WebCrypto cannot make a P-256 EC key');
    expect(offCurve.cause).toBeDefined();
  });

  it('assertKeyFits: across families, with the algorithm-confusion explanation for HMAC', () => {
    const error = errorOf(() => assertKeyFits(pairs.RS256.publicKey, 'HS256', 'verify'));
    expect(error.code).toBe('ERR_KEY_MISMATCH');
    expect(error.where?.part).toBe('key');
    expect(error.message).toMatch(/^HS256 needs a shared secret, but this is an RSA public key, 2048 bits\. Using a public key as an HMAC secret is the algorithm-confusion attack/);
    expect(errorOf(() => assertKeyFits(pairs.ES256.publicKey, 'RS256', 'verify')).message).toBe('RS256 needs an RSA public key, but this is a P-256 EC public key.');
    expect(errorOf(() => assertKeyFits(pairs.EdDSA.privateKey, 'ES256', 'sign')).message).toBe('ES256 needs a P-256 EC private key, but this is an Ed25519 private key.');
    expect(errorOf(() => assertKeyFits(new Uint8Array(32), 'RS256', 'verify')).message).toMatch(/^RS256 needs an RSA public key, but this is a byte string/);
  });

  it('assertKeyFits: RSASSA-PKCS1-v1_5 and RSA-PSS keys are not interchangeable', () => {
    expect(errorOf(() => assertKeyFits(pairs.RS256.publicKey, 'PS256', 'verify')).message)
      .toBe('PS256 needs a key imported for RSA-PSS, but this key (an RSA public key, 2048 bits) was imported for RSASSA-PKCS1-v1_5 (RS256). Import it again for PS256.');
    expect(errorOf(() => assertKeyFits(pairs.PS256.privateKey, 'RS256', 'sign')).message).toContain('imported for RSA-PSS (PS256)');
  });

  it('assertKeyFits: the wrong hash or curve', async () => {
    const rs384 = await importJwk(vector('rfc7515-a2').jwk_public, 'RS384');
    expect(errorOf(() => assertKeyFits(rs384, 'RS256', 'verify')).message)
      .toBe('This key was imported for SHA-384 (RS384), but RS256 uses SHA-256. WebCrypto binds a key to one hash; import it again for RS256.');
    const hs384 = await importJwk({ kty: 'oct', k: 'c2VjcmV0' }, 'HS384');
    expect(errorOf(() => assertKeyFits(hs384, 'HS256', 'sign')).message).toContain('SHA-384 (HS384), but HS256 uses SHA-256');
    expect(errorOf(() => assertKeyFits(pairs.ES384.publicKey, 'ES256', 'verify')).message).toBe('ES256 needs a P-256 EC public key, but this is a P-384 EC public key.');
  });

  it('assertKeyFits: a public key for signing, a private key for verifying', () => {
    const sign = errorOf(() => assertKeyFits(pairs.ES256.publicKey, 'ES256', 'sign'));
    expect(sign.code).toBe('ERR_KEY_MISMATCH');
    expect(sign.message).toBe('Signing needs the private key, but this is a P-256 EC public key: a public key can only verify.');
    expect(errorOf(() => assertKeyFits(pairs.RS256.privateKey, 'RS256', 'verify')).message).toMatch(/^Verifying needs the public key, but this is an RSA private key/);
  });

  it('assertKeyFits: HMAC secrets go through checkHmacSecret; fitting keys pass', async () => {
    const pemText = utf8Encode(await exportPem(pairs.RS256.publicKey));
    expect(errorOf(() => assertKeyFits(pemText, 'HS256', 'verify')).message).toContain('algorithm-confusion');
    expect(() => assertKeyFits(secretFromText('a-long-enough-secret-for-hs256!!'), 'HS256', 'sign')).not.toThrow();
    for (const alg of ASYMMETRIC) {
      expect(() => assertKeyFits(pairs[alg].privateKey, alg, 'sign')).not.toThrow();
      expect(() => assertKeyFits(pairs[alg].publicKey, alg, 'verify')).not.toThrow();
    }
  });
});

describe('describeKey and keyWarnings', () => {
  it('describes every kind of key', () => {
    expect(describeKey(pairs.RS256.publicKey)).toEqual({ description: 'an RSA public key, 2048 bits', kty: 'RSA', bits: 2048, isPrivate: false });
    expect(describeKey(pairs.ES512.privateKey).description).toBe('a P-521 EC private key');
    expect(describeKey(pairs.EdDSA.publicKey)).toEqual({ description: 'an Ed25519 public key', kty: 'OKP', bits: 256, isPrivate: false });
    expect(describeKey(secretFromText('twelve bytes'))).toEqual({ description: 'an HMAC secret of 12 bytes (96 bits)', kty: 'oct', bits: 96, isPrivate: true });
  });

  it('flags a short HMAC secret (RFC 7518 §3.2)', () => {
    const [warning] = keyWarnings(secretFromText('twelve bytes'), 'HS256');
    expect(warning).toMatch(/^This secret is 12 bytes; HS256 needs at least 32 bytes \(256 bits\)/);
    expect(keyWarnings(new Uint8Array(32), 'HS256')).toEqual([]);
    expect(keyWarnings(new Uint8Array(32), 'HS512')[0]).toContain('HS512 needs at least 64 bytes (512 bits)');
  });

  it('flags a 1024-bit RSA key, and not a 2048-bit one', async () => {
    const weak = await generateKeyPair('RS256', { modulusLength: 1024 });
    expect(describeKey(weak.publicKey).bits).toBe(1024);
    expect(keyWarnings(weak.publicKey, 'RS256')).toEqual([
      'This RSA key has 1024 bits; RFC 7518 §3.3 requires at least 2048 bits. Smaller keys are no longer considered safe.',
    ]);
    expect(keyWarnings(pairs.RS256.publicKey, 'RS256')).toEqual([]);
    expect(keyWarnings(pairs.ES256.publicKey, 'ES256')).toEqual([]);
  });
});

describe('keys as text (importKeyText), and the messages a learner pasting a key sees', () => {
  const a2 = () => ({ ...vector('rfc7515-a2').jwk! });
  /** The place of `needle`'s first character in `text`, counted independently of the core. */
  const placeOf = (text: string, needle: string, offset = 0) => {
    const index = text.indexOf(needle) + offset;
    const before = text.slice(0, index).split('\n');
    return { index, line: before.length, column: before.at(-1)!.length + 1 };
  };

  it('imports a PEM or a JWK given as text, with blank space around either', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const fromPem = await importKeyText(`\n  ${pem}\n`, 'RS256');
    expect([fromPem.type, (fromPem.algorithm as RsaHashedKeyAlgorithm).modulusLength]).toEqual(['public', 1024]);
    const fromJwk = await importKeyText(`  ${JSON.stringify(a2(), null, 2)}\n`, 'RS256');
    expect(fromJwk.type).toBe('private');
    expect(await exportJwk(fromJwk)).toEqual({ ...a2(), alg: 'RS256' });
  });

  it('says what to paste when there is nothing', async () => {
    for (const text of ['', ' \n\t']) {
      expect((await rejection(importKeyText(text, 'RS256'))).message).toBe('There is no key here yet: paste a PEM block (from "-----BEGIN" to "-----END") or a JWK ({ … }).');
    }
  });

  it('a JSON syntax error names the line and column in the JWK', async () => {
    const text = '{\n  "kty": "RSA",\n  "n": "AQAB"\n  "e": "AQAB"\n}';
    const error = await rejection(importKeyText(text, 'RS256'));
    expect(error.code).toBe('ERR_JSON_INVALID');
    const { line, column } = placeOf(text, '"e"');
    expect(error.message).toMatch(new RegExp(`^Line ${line}, column ${column} of the JWK: `));
    expect(error.message).not.toContain('payload');
    expect(error.where).toMatchObject({ part: 'key', line, column });
    const duplicate = await rejection(importKeyText('{"kty":"RSA","n":"AQAB","n":"AQAB","e":"AQAB"}', 'RS256'));
    expect(duplicate.message).toMatch(/^The JWK has the member "n" twice/);
    expect((await rejection(importKeyText('["kty"]', 'RS256'))).message).toBe('The JWK must be a JSON object ({ … }), but this is an array.');
  });

  it('a bad base64url character in a member is marked where it is in the text', async () => {
    const jwk = a2();
    jwk.n = jwk.n!.slice(0, 10) + '+' + jwk.n!.slice(11);
    const text = JSON.stringify(jwk, null, 2);
    const error = await rejection(importKeyText(text, 'RS256'));
    expect(error.message).toBe('Character 11 of the JWK\'s "n" member is "+" (U+002B): "+" belongs to standard base64; base64url writes "-" instead.');
    expect(error.where).toMatchObject({ part: 'key', char: '+', ...placeOf(text, jwk.n!, 10) });
    expect(text[error.where!.index!]).toBe('+');
  });

  it('an EC key, or a member of the wrong type, is marked at its value', async () => {
    const text = JSON.stringify(vector('rfc7515-a3').jwk_public, null, 2);
    const error = await rejection(importKeyText(text, 'RS256'));
    expect(error.message).toBe('RS256 needs an RSA key (kty "RSA"), but this JWK has kty "EC".');
    expect(error.where).toMatchObject(placeOf(text, '"EC"'));
    const number = '{"kty":"RSA","n":12345,"e":"AQAB"}';
    expect((await rejection(importKeyText(number, 'RS256'))).where).toMatchObject(placeOf(number, '12345'));
  });

  it('a missing n is named, for public and private keys alike (not blamed on the CRT members)', async () => {
    expect((await rejection(importKeyText('{"kty":"RSA","e":"AQAB"}', 'RS256'))).message)
      .toBe('The JWK has no "n" member; an RSA key needs "n" and "e".');
    const { n: _n, ...noN } = a2();
    expect((await rejection(importJwk(noN, 'RS256'))).message)
      .toBe('The JWK has no "n" member; an RSA key needs "n", "e", "d", "p", "q", "dp", "dq" and "qi".');
  });

  it('a JWK Set is told apart from a JWK', async () => {
    const text = JSON.stringify({ keys: [vector('rfc7515-a2').jwk_public] });
    const error = await rejection(importKeyText(text, 'RS256'));
    expect(error.message).toBe('This is a JWK Set (a "keys" array of 1 key), not one JWK; paste a single key, one of the objects inside "keys".');
    expect(error.where).toMatchObject(placeOf(text, '['));
  });

  it('PEM line errors mark a column too: the first character, or just past the end when END is missing', async () => {
    const pem = await exportPem(pairs.ES256.publicKey);
    const noEnd = pem.split('\n').slice(0, -1).join('\n');
    const lastLine = noEnd.split('\n').at(-1)!;
    expect((await rejection(importKeyText(noEnd, 'ES256'))).where).toMatchObject({ line: 3, column: lastLine.length + 1, index: noEnd.length });
    expect(errorOf(() => parsePem(`${pem}\n  extra`)).where).toMatchObject({ line: 5, column: 3 });
  });

  it('base64 cut short says the key may have been copied incompletely', async () => {
    const der = parsePem(await exportPem(pairs.RS256.publicKey)).der;
    const error = await rejection(importKeyText(toPem('PUBLIC KEY', der.subarray(0, 201)), 'RS256'));
    expect(error.code).toBe('ERR_KEY_INVALID');
    expect(error.message).toMatch(/^The base64 of this PUBLIC KEY block decodes to 201 bytes, but they are not well-formed DER\. DER error at byte 4: /);
    expect(error.message).toContain('was part of the base64 lost when it was copied?');
    const pkcs1 = await rejection(importPem(toPem('RSA PUBLIC KEY', derSequence(derInteger(65537)).subarray(0, 4)), 'RS256'));
    expect(pkcs1.message).toContain('RSA PUBLIC KEY block decodes to 4 bytes');
  });

  it('thumbprintInput is the RFC 7638 JSON: required members, sorted, no whitespace', () => {
    const jwk = a2();
    expect(thumbprintInput(jwk)).toBe(`{"e":"${jwk.e}","kty":"RSA","n":"${jwk.n}"}`);
    expect(thumbprintInput(vector('rfc7515-a3').jwk!)).toBe(JSON.stringify({
      crv: 'P-256', kty: 'EC', x: vector('rfc7515-a3').jwk!.x, y: vector('rfc7515-a3').jwk!.y,
    }));
  });
});
