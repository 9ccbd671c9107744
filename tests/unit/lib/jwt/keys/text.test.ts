/** Keys pasted as text, and the messages a learner sees. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derInteger, derSequence } from '../../../../../src/lib/jwt/der';
import { exportJwk, exportPem, importJwk, importKeyText, importPem, thumbprintInput } from '../../../../../src/lib/jwt';
import { parsePem, toPem } from '../../../../../src/lib/jwt/pem';
import { errorOf, rejection } from '../../../support';
import { vector, useKeyPairs } from './support';

const pairs = useKeyPairs();

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
