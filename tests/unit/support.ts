/** Helpers the unit tests share: catching the core's errors to check their code, place and message. */
import { expect } from 'vitest';
import { JwtError } from '../../src/lib/jwt/errors';

/** The JwtError `f` throws; fails the test if it throws something else or nothing. */
export function errorOf(f: () => unknown): JwtError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(JwtError);
    return error as JwtError;
  }
  throw new Error('expected an error');
}

/** The JwtError `promise` rejects with; fails the test if it rejects with something else or resolves. */
export async function rejection(promise: Promise<unknown>): Promise<JwtError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(JwtError);
    return error as JwtError;
  }
  throw new Error('expected a rejection');
}
