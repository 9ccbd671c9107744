/**
 * Textbook RSA signing with primes small enough to follow by hand: n = p·q, φ(n) = (p−1)(q−1), d = e⁻¹ mod φ(n)
 * by the extended Euclidean algorithm, s = m^d mod n, and the check s^e mod n = m. A toy: no padding, no hash,
 * and a modulus anyone can factor. Every bad input comes back as a sentence for the field it belongs to.
 */
import { count } from './format';
import { modPow } from './jwt';

/** p and q stay below this, so that every number in the working fits on a page and a calculator. */
export const TOY_PRIME_LIMIT = 10_000n;

export type ToyField = 'p' | 'q' | 'e' | 'm';
export type ToyErrors = Partial<Record<ToyField, string>>;

type Reading = { value: bigint; error?: undefined } | { value?: undefined; error: string };

/**
 * The most digits a field takes. With p and q below TOY_PRIME_LIMIT, n and every number worked mod n have
 * at most 8 digits; refusing longer text before BigInt keeps a 200 KB paste from costing a conversion (and
 * the arithmetic after it) on every keystroke.
 */
export const TOY_MAX_DIGITS = 20;

/** A non-negative whole number typed in digits; spaces around it are allowed, anything else is named. */
export function readWholeNumber(text: string, name: string): Reading {
  const body = text.trim();
  if (body === '') return { error: `Enter a whole number for ${name}.` };
  const bad = body.search(/[^0-9]/);
  if (bad >= 0) {
    const position = text.length - text.trimStart().length + bad + 1;
    return { error: `${name} must be a whole number written with the digits 0–9, but character ${position} is “${body[bad]}”.` };
  }
  if (body.length > TOY_MAX_DIGITS) {
    return {
      error:
        `${name} has ${count(body.length)} digits; this field takes at most ${TOY_MAX_DIGITS}. Toy RSA is for small numbers ` +
        `you can follow by hand: p and q stay below ${TOY_PRIME_LIMIT}, so n and every number taken mod n have at most 8 digits.`,
    };
  }
  return { value: BigInt(body) };
}

/** The smallest divisor of n greater than 1, by trial division (n itself when n is prime); n ≥ 2. */
export function smallestDivisor(n: bigint): bigint {
  for (let k = 2n; k * k <= n; k++) if (n % k === 0n) return k;
  return n;
}

/** One row of the extended Euclidean algorithm: r = x·a + y·b holds on every row. */
export interface EuclidRow {
  /** floor(previous r / this r), the multiple taken off to make the next row; absent on the last row. */
  quotient?: bigint;
  r: bigint;
  x: bigint;
  y: bigint;
}

/**
 * gcd(a, b) and the rows that find it, starting from (a, 1, 0) and (b, 0, 1); each next row is the one two
 * above minus quotient times the one above, until the remainder is 0. The row above the 0 holds the gcd.
 */
export function extendedEuclid(a: bigint, b: bigint): { rows: EuclidRow[]; gcd: EuclidRow } {
  const rows: EuclidRow[] = [{ r: a, x: 1n, y: 0n }, { r: b, x: 0n, y: 1n }];
  for (;;) {
    const [before, last] = rows.slice(-2) as [EuclidRow, EuclidRow];
    if (last.r === 0n) return { rows, gcd: before };
    const quotient = before.r / last.r;
    last.quotient = quotient;
    rows.push({ r: before.r - quotient * last.r, x: before.x - quotient * last.x, y: before.y - quotient * last.y });
  }
}

/** One bit of the exponent in left-to-right square-and-multiply, the way it is done by hand. */
export interface PowerStep {
  bit: 0 | 1;
  /** The running value squared, mod n. */
  squared: bigint;
  /** squared · base mod n, when the bit is 1. */
  multiplied?: bigint;
  /** The running value after this bit: base^(the exponent's bits so far) mod n. */
  value: bigint;
}

/** base^exponent mod modulus with the steps a learner can check; the result is modPow's. */
export function powerSteps(base: bigint, exponent: bigint, modulus: bigint): { steps: PowerStep[]; result: bigint } {
  const b = base % modulus;
  let value = 1n;
  const steps = [...exponent.toString(2)].map((digit): PowerStep => {
    const squared = (value * value) % modulus;
    if (digit === '0') return { bit: 0, squared, value: (value = squared) };
    const multiplied = (squared * b) % modulus;
    return { bit: 1, squared, multiplied, value: (value = multiplied) };
  });
  return { steps, result: modPow(base, exponent, modulus) };
}

export interface ToyKey {
  p: bigint;
  q: bigint;
  n: bigint;
  /** Euler's φ(n) = (p−1)(q−1), the one used here. */
  phi: bigint;
  /** Carmichael's λ(n) = lcm(p−1, q−1), which real keys often use instead: it divides φ(n), and d mod λ(n) signs the same. */
  lambda: bigint;
  e: bigint;
  /** The extended Euclidean algorithm on (φ(n), e): the last non-zero row has r = 1 = x·φ(n) + y·e. */
  euclid: EuclidRow[];
  /** y from that row, reduced mod φ(n) into 1 … φ(n)−1. */
  d: bigint;
}

export interface ToySignature {
  m: bigint;
  /** s = m^d mod n, with its steps. */
  s: bigint;
  signSteps: PowerStep[];
  /** The verifier's s^e mod n, with its steps; equal to m. */
  check: ToyCheck;
}

export interface ToyCheck {
  /** s^e mod n */
  value: bigint;
  steps: PowerStep[];
  valid: boolean;
}

export interface ToyRsa {
  errors: ToyErrors;
  /** Present when p, q and e are all good. */
  key?: ToyKey;
  /** Present when the key and m are good. */
  signature?: ToySignature;
}

export interface ToyInput {
  p: string;
  q: string;
  e: string;
  m: string;
}

function readPrime(text: string, name: 'p' | 'q'): Reading {
  const read = readWholeNumber(text, name);
  if (read.value === undefined) return read;
  const v = read.value;
  if (v < 2n) return { error: `${name} must be a prime, and ${v} is not: primes start at 2.` };
  if (v >= TOY_PRIME_LIMIT) {
    return { error: `This toy keeps p and q below ${TOY_PRIME_LIMIT} so every step can be followed by hand; ${v} is too large.` };
  }
  const divisor = smallestDivisor(v);
  if (divisor !== v) return { error: `${name} must be a prime, but ${v} = ${divisor} × ${v / divisor}: it is divisible by ${divisor}.` };
  return read;
}

/** The smallest e ≥ 3 that has an inverse mod φ, to suggest when the learner's e has none. */
function suggestE(phi: bigint): bigint | undefined {
  for (let e = 3n; e < phi; e++) if (extendedEuclid(phi, e).gcd.r === 1n) return e;
  return undefined;
}

function readExponent(text: string, phi: bigint | undefined): Reading & { euclid?: ReturnType<typeof extendedEuclid> } {
  const read = readWholeNumber(text, 'e');
  if (read.value === undefined || phi === undefined) return read;
  const e = read.value;
  const hint = () => {
    const suggestion = suggestE(phi);
    return suggestion === undefined ? ' No e works with φ(n) this small: choose larger primes.' : ` Try e = ${suggestion}.`;
  };
  if (e < 2n || e >= phi) return { error: `e must be greater than 1 and less than φ(n) = ${phi}, but it is ${e}.${hint()}` };
  const euclid = extendedEuclid(phi, e);
  const g = euclid.gcd.r;
  if (g !== 1n) {
    return {
      error: `e = ${e} and φ(n) = ${phi} have the common factor ${g} (gcd(${e}, ${phi}) = ${g}), so e has no inverse mod φ(n) and there is no d.${hint()}`,
    };
  }
  return { ...read, euclid };
}

function readMessage(text: string, n: bigint | undefined): Reading {
  const read = readWholeNumber(text, 'm');
  if (read.value === undefined || n === undefined || read.value < n) return read;
  return {
    error: `m must be less than n = ${n}: everything is computed mod n, so m = ${read.value} would come back from verification as ${read.value % n}.`,
  };
}

/** The verifier's side: s^e mod n compared with m; s must be below n, as RFC 8017 §5.2.2 requires. */
export function toyVerify(n: bigint, e: bigint, s: bigint, m: bigint): ToyCheck {
  const { steps, result } = powerSteps(s, e, n);
  return { value: result, steps, valid: s < n && result === m };
}

/** Reads the four fields and computes as far as they allow; each problem is reported at its field. */
export function toyRsa(input: ToyInput): ToyRsa {
  const p = readPrime(input.p, 'p');
  let q = readPrime(input.q, 'q');
  if (p.value !== undefined && p.value === q.value) {
    q = {
      error: `q must be a different prime from p. With q = p = ${p.value}, n = p² is factored by taking its square root, and φ(n) would be p(p−1), not (p−1)(q−1).`,
    };
  }
  const primes = p.value !== undefined && q.value !== undefined ? { p: p.value, q: q.value } : undefined;
  const n = primes && primes.p * primes.q;
  const phi = primes && (primes.p - 1n) * (primes.q - 1n);
  const e = readExponent(input.e, phi);
  const m = readMessage(input.m, n);

  const errors: ToyErrors = {};
  for (const [field, reading] of [['p', p], ['q', q], ['e', e], ['m', m]] as const) {
    if (reading.error) errors[field] = reading.error;
  }
  if (!primes || n === undefined || phi === undefined || e.value === undefined || !e.euclid) return { errors };

  const y = e.euclid.gcd.y;
  const lambda = phi / extendedEuclid(primes.p - 1n, primes.q - 1n).gcd.r;
  const key: ToyKey = { ...primes, n, phi, lambda, e: e.value, euclid: e.euclid.rows, d: ((y % phi) + phi) % phi };
  if (m.value === undefined) return { errors, key };

  const signed = powerSteps(m.value, key.d, n);
  const check = toyVerify(n, key.e, signed.result, m.value);
  return { errors, key, signature: { m: m.value, s: signed.result, signSteps: signed.steps, check } };
}

export interface ToyReceived {
  errors: Partial<Record<'s' | 'm', string>>;
  /** Present when both fields are good: the verifier's s^e mod n against the received m. */
  check?: ToyCheck;
}

/**
 * What a verifier does with a signature and message it received (perhaps changed on the way). An s of n or
 * more is refused before any computing, as RFC 8017 §5.2.2 says; it would otherwise stand for s mod n.
 */
export function checkReceived(key: ToyKey, sText: string, mText: string): ToyReceived {
  const s = readWholeNumber(sText, 's');
  const m = readMessage(mText, key.n);
  const errors: ToyReceived['errors'] = {};
  if (s.value !== undefined && s.value >= key.n) {
    errors.s = `s must be less than n = ${key.n}; a verifier refuses a larger s without computing anything (RFC 8017 §5.2.2).`;
  } else if (s.error) {
    errors.s = s.error;
  }
  if (m.error) errors.m = m.error;
  if (s.value === undefined || m.value === undefined || errors.s) return { errors };
  return { errors, check: toyVerify(key.n, key.e, s.value, m.value) };
}
