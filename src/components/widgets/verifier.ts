/**
 * What chapter 5's and chapter 9's verifying widgets share: the verifier's settings as the learner sets
 * them, turned into the core's options, and a traced verify whose refusal is an outcome, not an exception.
 */
import { JwtError, isJwtError, verify, type Algorithm, type KeyInput, type VerifyOptions } from '../../lib/jwt';
import { stagesOf, type StageEntry } from '../visualizer/stages';

export interface VerifierSettings {
  allowed: Algorithm[];
  /** NumericDate seconds. */
  clock: number;
  tolerance: number;
  issuer: string;
  audience: string;
}

/** Why a verifier with no algorithm allowed gives no verdict (and AllowedAlgorithms says so at the boxes). */
export const NO_ALGORITHM = 'No algorithm is allowed, and a verifier that accepts none can verify nothing.';

export interface VerifyOutcome {
  stages: StageEntry[];
  /** Why the token was refused; the last stage is where. */
  error?: JwtError;
}

/** The core's options for these settings, with the trace on; blank issuer or audience is not checked. */
export function verifyOptions(settings: VerifierSettings): VerifyOptions {
  return {
    algorithms: [...settings.allowed],
    currentDate: new Date(settings.clock * 1000),
    clockTolerance: settings.tolerance,
    issuer: settings.issuer.trim() || undefined,
    audience: settings.audience.trim() || undefined,
    trace: true,
  };
}

/** Verifies with the trace on; a refusal is an outcome too, with the stages up to the one that failed. */
export async function verifyOutcome(token: string, key: KeyInput, options: VerifyOptions): Promise<VerifyOutcome> {
  try {
    const result = await verify(token, key, options);
    return { stages: stagesOf(result.trace ?? []) };
  } catch (error) {
    return refusedOutcome(error);
  }
}

/** A refusal: the core's error with its stages, or any other failure (a key that cannot be prepared) with none. */
export function refusedOutcome(error: unknown): VerifyOutcome {
  const refusal = isJwtError(error) ? error : new JwtError('ERR_JOSE_GENERIC', error instanceof Error ? error.message : String(error));
  return { stages: stagesOf(refusal.trace ?? [], true), error: refusal };
}
