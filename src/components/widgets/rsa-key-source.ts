/**
 * Where the key-pair widget's key comes from (RFC 7515's example, a generated pair, or pasted text), and how
 * each source becomes a key with its anatomy and the words the widgets use for it. No DOM: the browser and the
 * unit tests run it alike.
 */
import { generateKeyPair, importJwk, importKeyText } from '../../lib/jwt';
import { keyPairOf, rsaAnatomy, type RsaAnatomy, type RsaKeyPair } from './rsa-anatomy';
import { RFC7515_A2_JWK } from './rfc7515-example';

/** Which RFC's example key: RFC 7515 A.2's (chapter 9, RS256) or RFC 7516 A.1's (chapter 3, RSA-OAEP). */
export type ExampleKey = 'rfc7515' | 'rfc7516';

export type KeySource = { kind: 'example'; example?: ExampleKey } | { kind: 'generate'; bits: number } | { kind: 'paste'; text: string };

/** The sizes offered for a generated key, with what each means for RS256. */
export const KEY_SIZES = [
  { bits: 1024, note: 'weak: below what RS256 allows' },
  { bits: 2048, note: 'the minimum for RS256' },
  { bits: 3072, note: '' },
  { bits: 4096, note: 'slow to generate' },
] as const;

export const EXAMPLE_LABEL = "RFC 7515's example key (Appendix A.2)";
export const EXAMPLE_LABELS: Record<ExampleKey, string> = { rfc7515: EXAMPLE_LABEL, rfc7516: "RFC 7516's example key (Appendix A.1)" };

export interface LoadedKey {
  pair: RsaKeyPair;
  anatomy: RsaAnatomy;
  /** Where the key came from, for the widgets to say: "the key you generated", "RFC 7515's example key". */
  label: string;
  /** Whether the chapter's other widgets should use it: they fall back to the example on their own. */
  shared: boolean;
}

/** Reads, generates or imports the key; a pasted text that is not a key rejects with the core's JwtError. */
export async function loadKey(source: KeySource): Promise<LoadedKey> {
  const { pair, label, shared } = await pairOf(source);
  return { pair, label, shared, anatomy: await rsaAnatomy(pair) };
}

async function pairOf(source: KeySource): Promise<{ pair: RsaKeyPair; label: string; shared: boolean }> {
  switch (source.kind) {
    case 'example': {
      // RFC 7516's key is loaded only where it is the example, so chapter 9's page does not carry it.
      const jwk = source.example === 'rfc7516' ? (await import('./rfc7516-example')).RFC7516_A1_JWK : RFC7515_A2_JWK;
      return { pair: await keyPairOf(await importJwk(jwk, 'RS256')), label: EXAMPLE_LABELS[source.example ?? 'rfc7515'], shared: false };
    }
    case 'generate':
      return {
        pair: await generateKeyPair('RS256', { modulusLength: source.bits }),
        label: `the ${source.bits}-bit key pair you generated`,
        shared: true,
      };
    case 'paste': {
      const pair = await keyPairOf(await importKeyText(source.text, 'RS256'));
      return { pair, label: `the ${pair.privateKey ? 'private' : 'public'} key you pasted`, shared: true };
    }
  }
}
