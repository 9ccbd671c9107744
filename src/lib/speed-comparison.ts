/**
 * HS256 against RS256, measured where it runs: whole-token sign and verify with this course's core, and the
 * two bare WebCrypto operations underneath (one HMAC, one RSA private-key signature). Batches of every
 * operation are interleaved, so a slow moment of the machine slows all of them alike.
 */
import { generateKeyPair, secretFromText, sign, utf8Encode, verify } from './jwt';
import { batchSize, median, perRun, timeBatch, type TimingOptions } from './timing';

export const OPERATIONS = [
  {
    id: 'hs256-sign',
    label: 'HS256 sign',
    includes: "A whole token with this course's sign(): JSON to UTF-8, base64url, one HMAC-SHA-256 in WebCrypto, base64url.",
  },
  {
    id: 'hs256-verify',
    label: 'HS256 verify',
    includes: "A whole token with this course's verify(): split, strict decoding, JSON parsing, the allow-list, WebCrypto's HMAC check, the claims.",
  },
  {
    id: 'rs256-sign',
    label: 'RS256 sign (2048-bit key)',
    includes: 'The same token steps, with one RSA private-key signature in WebCrypto instead of the HMAC.',
  },
  {
    id: 'rs256-verify',
    label: 'RS256 verify (2048-bit key)',
    includes: "The same checks, with WebCrypto's RSA public-key check (s^e mod n, e = 65537) instead of the HMAC.",
  },
  {
    id: 'hmac',
    label: 'One HMAC-SHA-256',
    includes: 'crypto.subtle.sign with HMAC over the signing input, and nothing else.',
  },
  {
    id: 'rsa-private',
    label: 'One RSA private-key signature',
    includes: 'crypto.subtle.sign with RSASSA-PKCS1-v1_5 over the signing input, and nothing else: hash, padding and m^d mod n.',
  },
] as const;

export type OperationId = (typeof OPERATIONS)[number]['id'];

export interface Measurement {
  id: OperationId;
  /** Median time per run, in milliseconds. */
  medianMs: number;
  /** Runs per batch, and batches timed. */
  runs: number;
  batches: number;
}

const HEADER_HS = '{"alg":"HS256","typ":"JWT"}';
const HEADER_RS = '{"alg":"RS256","typ":"JWT"}';
const PAYLOAD = '{"sub":"ada","name":"Ada Lovelace","iat":1700000000,"exp":4100000000,"jti":"9f2c4e1a"}';

/** The six operations, ready to run: keys made and tokens signed once, beforehand. */
async function prepare(): Promise<Record<OperationId, () => Promise<unknown>>> {
  const secret = secretFromText('a-secret-of-at-least-32-bytes!!!');
  const pair = await generateKeyPair('RS256');
  const hsToken = (await sign(HEADER_HS, PAYLOAD, secret)).token;
  const rsToken = (await sign(HEADER_RS, PAYLOAD, pair.privateKey)).token;
  // Copies with their own ArrayBuffer, as WebCrypto's types ask.
  const signingInput = Uint8Array.from(utf8Encode(hsToken.slice(0, hsToken.lastIndexOf('.'))));
  const hmacKey = await crypto.subtle.importKey('raw', Uint8Array.from(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return {
    'hs256-sign': () => sign(HEADER_HS, PAYLOAD, secret),
    'hs256-verify': () => verify(hsToken, secret, { algorithms: ['HS256'] }),
    'rs256-sign': () => sign(HEADER_RS, PAYLOAD, pair.privateKey),
    'rs256-verify': () => verify(rsToken, pair.publicKey, { algorithms: ['RS256'] }),
    hmac: () => crypto.subtle.sign('HMAC', hmacKey, signingInput),
    'rsa-private': () => crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, signingInput),
  };
}

export interface CompareOptions extends TimingOptions {
  batches?: number;
  /** Called after each step with the fraction done (0 to 1) and what is being measured. */
  progress?: (done: number, what: string) => void;
}

export async function compareSpeeds({ batches = 9, progress = () => {}, ...timing }: CompareOptions = {}): Promise<Measurement[]> {
  const now = timing.now ?? (() => performance.now());
  progress(0, 'Generating a 2048-bit RSA key pair');
  const ops = await prepare();
  const runs = new Map<OperationId, number>();
  const totals = new Map<OperationId, number[]>(OPERATIONS.map(({ id }) => [id, []]));
  const steps = OPERATIONS.length * (batches + 1);
  let done = 0;
  for (const { id, label } of OPERATIONS) {
    progress(done / steps, `Sizing the batches: ${label}`);
    runs.set(id, await batchSize(ops[id], { ...timing, now }));
    done++;
  }
  for (let batch = 0; batch < batches; batch++) {
    for (const { id, label } of OPERATIONS) {
      progress(done / steps, `Batch ${batch + 1} of ${batches}: ${label}`);
      totals.get(id)!.push(await timeBatch(ops[id], runs.get(id)!, now));
      done++;
    }
  }
  progress(1, 'Done');
  return OPERATIONS.map(({ id }) => ({ id, medianMs: median(perRun(totals.get(id)!, runs.get(id)!)), runs: runs.get(id)!, batches }));
}
