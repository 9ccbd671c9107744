import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOY_MAX_DIGITS, TOY_PRIME_LIMIT, checkReceived, extendedEuclid, powerSteps, readWholeNumber, smallestDivisor, toyRsa, toyVerify } from '../../../src/lib/toy-rsa';

/** The oracles: a sieve for primes, repeated multiplication for powers, Euclid's gcd by remainders. */
const PRIMES = (() => {
  const limit = Number(TOY_PRIME_LIMIT);
  const composite = new Uint8Array(limit);
  const primes: number[] = [];
  for (let i = 2; i < limit; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j < limit; j += i) composite[j] = 1;
  }
  return primes;
})();
const slowPow = (base: bigint, exponent: bigint, modulus: bigint) => {
  let result = 1n % modulus;
  for (let i = 0n; i < exponent; i++) result = (result * base) % modulus;
  return result;
};
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

type Field = number | bigint | string;
const toy = (p: Field, q: Field, e: Field, m: Field) =>
  toyRsa({ p: String(p), q: String(q), e: String(e), m: String(m) });

describe('toy RSA, textbook example p = 61, q = 53, e = 17', () => {
  const { errors, key, signature } = toy(61, 53, 17, 65);

  it('finds n, φ(n) and d with d·e ≡ 1 mod φ(n)', () => {
    expect(errors).toEqual({});
    expect(key).toMatchObject({ n: 61n * 53n, phi: 60n * 52n, e: 17n });
    expect((key!.d * 17n) % key!.phi).toBe(1n);
    expect(key!.d > 0n && key!.d < key!.phi).toBe(true);
    // The worked example in most textbooks (and Wikipedia's "RSA (cryptosystem)").
    expect(key!.d).toBe(2753n);
  });

  it('signs and verifies m = 65 as repeated multiplication does', () => {
    expect(signature!.s).toBe(slowPow(65n, key!.d, key!.n));
    expect(signature!.check).toMatchObject({ value: 65n, valid: true });
  });

  it('signs every m < n so that s^e ≡ m mod n', () => {
    for (let m = 0n; m < key!.n; m++) {
      const { s, check } = toy(61, 53, 17, m).signature!;
      expect(slowPow(s, 17n, key!.n)).toBe(m);
      expect(check.valid).toBe(true);
    }
  });

  it('refuses a signature with one digit changed, and a changed message', () => {
    const s = signature!.s;
    const digits = String(s);
    for (let i = 0; i < digits.length; i++) {
      for (const digit of '0123456789') {
        if (digit === digits[i]) continue;
        const changed = BigInt(digits.slice(0, i) + digit + digits.slice(i + 1));
        expect(toyVerify(key!.n, key!.e, changed, 65n).valid).toBe(false);
      }
    }
    expect(toyVerify(key!.n, key!.e, s, 66n).valid).toBe(false);
  });

  it('refuses s ≥ n even when it is congruent to the right signature', () => {
    const check = toyVerify(key!.n, key!.e, signature!.s + key!.n, 65n);
    expect(check.value).toBe(65n);
    expect(check.valid).toBe(false);
  });
});

describe('extended Euclid', () => {
  it('keeps r = x·a + y·b on every row and ends with the gcd', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 8n }), fc.bigInt({ min: 1n, max: 10n ** 8n }), (a, b) => {
        const { rows, gcd: last } = extendedEuclid(a, b);
        for (const row of rows) expect(row.x * a + row.y * b).toBe(row.r);
        expect(rows.at(-1)!.r).toBe(0n);
        expect(last.r).toBe(gcd(a, b));
        rows.slice(0, -1).forEach((row, i) => {
          if (i > 0) expect(row.quotient).toBe(rows[i - 1]!.r / row.r);
        });
      }),
    );
  });

  it('lists the rows of φ = 3120, e = 17 as done by hand', () => {
    expect(extendedEuclid(3120n, 17n).rows.map((row) => row.r)).toEqual([3120n, 17n, 9n, 8n, 1n, 0n]);
  });
});

describe('square-and-multiply steps', () => {
  it('end at modPow and at repeated multiplication, one step per bit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 10_000n }), fc.bigInt({ min: 0n, max: 20_000n }), fc.bigInt({ min: 1n, max: 3_000n }), (n, base, exponent) => {
        const { steps, result } = powerSteps(base, exponent, n);
        expect(result).toBe(slowPow(base, exponent, n));
        expect(steps.at(-1)!.value).toBe(result);
        expect(steps.map((step) => step.bit).join('')).toBe(exponent.toString(2));
        // After each step the value is base^(the bits so far) mod n.
        steps.forEach((step, i) => {
          expect(step.value).toBe(slowPow(base, BigInt(`0b${exponent.toString(2).slice(0, i + 1)}`), n));
        });
      }),
    );
  });
});

describe('toy RSA over random small primes', () => {
  const prime = fc.constantFrom(...PRIMES.filter((p) => p > 11));
  it('gives d·e ≡ 1 mod φ and (m^d)^e ≡ m mod n for good inputs', () => {
    fc.assert(
      fc.property(prime, prime, fc.integer({ min: 3, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (p, q, e, fraction) => {
        fc.pre(p !== q);
        const phi = BigInt(p - 1) * BigInt(q - 1);
        fc.pre(gcd(BigInt(e), phi) === 1n && BigInt(e) < phi);
        const n = BigInt(p) * BigInt(q);
        const m = BigInt(Math.floor(fraction * Number(n)));
        const { errors, key, signature } = toy(p, q, e, m);
        expect(errors).toEqual({});
        expect(key!.phi).toBe(phi);
        expect((key!.d * BigInt(e)) % phi).toBe(1n);
        // s is the only number below n whose e-th power is m, so this pins it down without computing m^d.
        expect(signature!.s < n).toBe(true);
        expect(slowPow(signature!.s, BigInt(e), n)).toBe(m);
        expect(signature!.check.valid).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('names a divisor of every composite p', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: Number(TOY_PRIME_LIMIT) - 1 }), (p) => {
        fc.pre(!PRIMES.includes(p));
        const message = toy(p, 53, 17, 1).errors.p!;
        const [, divisor] = /divisible by (\d+)/.exec(message)!;
        expect(p % Number(divisor)).toBe(0);
        expect(Number(divisor)).toBeGreaterThan(1);
        expect(Number(divisor)).toBeLessThan(p);
      }),
    );
  });

  it('finds primes as the sieve does', () => {
    for (let v = 2; v < 2000; v++) expect(smallestDivisor(BigInt(v)) === BigInt(v)).toBe(PRIMES.includes(v));
  });
});

describe('toy RSA errors, each at its field', () => {
  it.each([
    ['p', toy('', 53, 17, 65), 'Enter a whole number for p.'],
    ['p', toy('6x1', 53, 17, 65), 'character 2 is “x”'],
    ['p', toy(' -61', 53, 17, 65), 'character 2 is “-”'],
    ['p', toy('91', 53, 17, 65), '91 = 7 × 13: it is divisible by 7'],
    ['p', toy('1', 53, 17, 65), 'primes start at 2'],
    ['p', toy('10007', 53, 17, 65), `below ${TOY_PRIME_LIMIT}`],
    ['q', toy(61, 61, 17, 65), 'q must be a different prime from p'],
    ['q', toy(61, '1.5', 17, 65), 'character 2 is “.”'],
    ['e', toy(61, 53, 15, 65), 'the common factor 15 (gcd(15, 3120) = 15)'],
    ['e', toy(61, 53, 26, 65), 'the common factor 26'],
    ['e', toy(61, 53, 1, 65), 'greater than 1 and less than φ(n) = 3120'],
    ['e', toy(61, 53, 3120, 65), 'less than φ(n) = 3120'],
    ['e', toy(2, 3, 3, 1), 'No e works'],
    ['m', toy(61, 53, 17, 3233), 'm must be less than n = 3233'],
    ['m', toy(61, 53, 17, 'abc'), 'character 1 is “a”'],
  ] as const)('%s: %s', (field, result, text) => {
    expect(result.errors[field]).toContain(text);
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.signature).toBeUndefined();
  });

  it('suggests an e that works', () => {
    const message = toy(61, 53, 15, 65).errors.e!;
    const suggested = BigInt(/Try e = (\d+)/.exec(message)![1]!);
    expect(gcd(suggested, 3120n)).toBe(1n);
  });

  it('still computes the key when only m is wrong, and reports several fields at once', () => {
    expect(toy(61, 53, 17, 5000).key?.d).toBeDefined();
    expect(Object.keys(toy(4, 6, 'x', 'y').errors)).toEqual(['p', 'q', 'e', 'm']);
  });

  it('reads whole numbers with spaces around them', () => {
    expect(readWholeNumber(' 42 ', 'm')).toEqual({ value: 42n });
  });

  it('refuses more digits than a toy needs before converting them, saying the limit and why', () => {
    expect(readWholeNumber('9'.repeat(TOY_MAX_DIGITS), 'm')).toEqual({ value: 10n ** BigInt(TOY_MAX_DIGITS) - 1n });
    expect(readWholeNumber(` ${'1'.repeat(TOY_MAX_DIGITS + 1)} `, 'e').error).toBe(
      `e has ${TOY_MAX_DIGITS + 1} digits; this field takes at most ${TOY_MAX_DIGITS}. Toy RSA is for small numbers you can follow ` +
        'by hand: p and q stay below 10000, so n and every number taken mod n have at most 8 digits.',
    );
    const pasted = '7'.repeat(200_000);
    expect(toy(pasted, 53, pasted, pasted).errors.m).toMatch(/^m has 200,000 digits; this field takes at most 20\./);
  });
});

describe('a received signature and message', () => {
  const { key, signature } = toy(61, 53, 17, 65);

  it('verify when unchanged, and fail with one digit changed', () => {
    expect(checkReceived(key!, String(signature!.s), '65')).toMatchObject({ errors: {}, check: { valid: true, value: 65n } });
    const changed = checkReceived(key!, String(signature!.s + 1n), '65');
    expect(changed.check!.valid).toBe(false);
    expect(changed.check!.value).toBe(slowPow(signature!.s + 1n, 17n, key!.n));
    expect(checkReceived(key!, String(signature!.s), '64').check!.valid).toBe(false);
  });

  it('put each problem at its field', () => {
    expect(checkReceived(key!, '4000', '65')).toEqual({ errors: { s: expect.stringContaining('s must be less than n = 3233') } });
    expect(checkReceived(key!, '12a', '65').errors.s).toContain('character 3 is “a”');
    expect(checkReceived(key!, '5', '9999')).toEqual({ errors: { m: expect.stringContaining('m must be less than n = 3233') } });
  });
});

it('gives λ(n) = lcm(p−1, q−1), and d mod λ(n) signs the same', () => {
  const { key } = toy(61, 53, 17, 1);
  expect(key!.lambda).toBe(780n);
  expect(key!.phi % key!.lambda).toBe(0n);
  for (const m of [2n, 65n, 3000n]) expect(slowPow(m, key!.d % key!.lambda, key!.n)).toBe(slowPow(m, key!.d, key!.n));
});
