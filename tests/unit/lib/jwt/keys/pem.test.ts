/** Malformed PEM: every refusal with its place. */
import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPem, importPem } from '../../../../../src/lib/jwt';
import { parsePem, toPem } from '../../../../../src/lib/jwt/pem';
import { errorOf, rejection } from '../../../support';
import { useKeyPairs } from './support';

const pairs = useKeyPairs();

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

  it('counts an emoji as one character in a line error', () => {
    const error = errorOf(() => parsePem('-----BEGIN PUBLIC KEY-----\nAB🎉C'));
    // Just past the end of "AB🎉C", four characters as the learner sees them.
    expect(error.where).toMatchObject({ line: 2, column: 5, index: 32 });
    expect(errorOf(() => parsePem('-----BEGIN PUBLIC KEY-----\nAB🎉C')).message).toMatch(/^Line 2 ends the text/);
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
