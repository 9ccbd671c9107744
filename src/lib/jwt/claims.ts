/**
 * Claim checks (RFC 7519 §4.1), one step each, in the order a careful server runs them. Times are
 * NumericDates: seconds since 1970-01-01T00:00:00Z, against a clock the caller passes in.
 */
import { JwtError, type ErrorCode } from './errors';
import type { ClaimStatus, ClaimStep } from './trace';

export interface ClaimOptions {
  /** Accepted issuers (`iss`). */
  issuer?: string | readonly string[];
  /** Accepted audiences: the token's `aud` (a string or an array) must name at least one. */
  audience?: string | readonly string[];
  /** The expected subject (`sub`). */
  subject?: string;
  /** Claims that must be present. */
  requiredClaims?: readonly string[];
  /** The oldest a token may be, in seconds since its `iat`. Requires `iat`. */
  maxTokenAge?: number;
  /** Seconds of leeway for clocks that are not quite in step. Default 0. */
  clockTolerance?: number;
  /** The clock. Default: now. */
  currentDate?: Date;
  /** The expected header `typ` (compared the way RFC 7515 §4.1.9 says: "application/" may be left out). */
  typ?: string;
  /** A revocation check by `jti`: return true for a revoked token. */
  isRevoked?: (jti: string) => boolean | Promise<boolean>;
}

export interface ClaimResult {
  steps: ClaimStep[];
  error?: JwtError;
}

export function numericDate(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** A NumericDate as an ISO date, for messages. */
export function isoDate(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} (not a representable date)` : date.toISOString().replace('.000Z', 'Z');
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(' or ');
}

function normalizeTyp(typ: string): string {
  const lower = typ.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

function passedIf(ok: boolean): ClaimStatus {
  return ok ? 'passed' : 'failed';
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Runs the checks and stops at the first that fails, as a server would. */
export async function checkClaims(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  options: ClaimOptions,
): Promise<ClaimResult> {
  const now = numericDate(options.currentDate ?? new Date());
  const tolerance = options.clockTolerance ?? 0;
  const steps: ClaimStep[] = [];
  let error: JwtError | undefined;

  /** Records a step; on failure remembers the error. Returns whether to go on. */
  const step = (s: Omit<ClaimStep, 'stage'>, failure?: { code?: ErrorCode; reason: 'check_failed' | 'missing' | 'invalid' }) => {
    steps.push({ stage: 'claim', ...s });
    if (s.status === 'failed' && failure) {
      error = new JwtError(failure.code ?? 'ERR_JWT_CLAIM_VALIDATION_FAILED', s.message, {
        claim: s.name ?? s.claim,
        reason: failure.reason,
        where: { part: s.claim === 'typ' ? 'header' : 'payload' },
      });
    }
    return s.status !== 'failed';
  };
  const timeStep = { now, tolerance };

  const checks: Array<() => boolean | Promise<boolean>> = [
    () => {
      if (options.typ === undefined) return true;
      const typ = header.typ;
      const ok = typeof typ === 'string' && normalizeTyp(typ) === normalizeTyp(options.typ);
      return step(
        {
          claim: 'typ', value: typ, expected: options.typ, status: passedIf(ok),
          message: ok ? `The header's typ is "${typ}", as expected.`
            : typ === undefined ? `The header has no typ; "${options.typ}" is required.`
            : `The header's typ is ${JSON.stringify(typ)}, but "${options.typ}" is required.`,
        },
        { reason: typ === undefined ? 'missing' : 'check_failed' },
      );
    },
    ...(options.requiredClaims ?? []).map((name) => () => {
      const ok = payload[name] !== undefined;
      return step(
        {
          claim: 'required', name, value: payload[name], status: passedIf(ok),
          message: ok ? `The required claim "${name}" is present.` : `The token has no "${name}" claim, which this verifier requires.`,
        },
        { reason: 'missing' },
      );
    }),
    () => {
      if (options.issuer === undefined) return true;
      const accepted = asList(options.issuer);
      const iss = payload.iss;
      const ok = typeof iss === 'string' && accepted.includes(iss);
      return step(
        {
          claim: 'iss', value: iss, expected: options.issuer, status: passedIf(ok),
          message: ok ? `The issuer "${iss}" is one this verifier trusts.`
            : iss === undefined ? `The token has no iss claim; it must be issued by ${quoteList(accepted)}.`
            : `The token was issued by ${JSON.stringify(iss)}, but only ${quoteList(accepted)} is accepted.`,
        },
        { reason: iss === undefined ? 'missing' : 'check_failed' },
      );
    },
    () => {
      if (options.subject === undefined) return true;
      const sub = payload.sub;
      const ok = sub === options.subject;
      return step(
        {
          claim: 'sub', value: sub, expected: options.subject, status: passedIf(ok),
          message: ok ? `The subject is "${sub}", as expected.`
            : sub === undefined ? `The token has no sub claim; "${options.subject}" is expected.`
            : `The token's subject is ${JSON.stringify(sub)}, but "${options.subject}" is expected.`,
        },
        { reason: sub === undefined ? 'missing' : 'check_failed' },
      );
    },
    () => {
      if (options.audience === undefined) return true;
      const accepted = asList(options.audience);
      const aud = payload.aud;
      const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
      const ok = audiences.some((a) => typeof a === 'string' && accepted.includes(a));
      return step(
        {
          claim: 'aud', value: aud, expected: options.audience, status: passedIf(ok),
          message: ok ? `The token is meant for ${JSON.stringify(audiences.find((a) => accepted.includes(a)))}, which is this verifier.`
            : aud === undefined ? `The token has no aud claim; it must be meant for ${quoteList(accepted)}.`
            : `The token is meant for ${JSON.stringify(aud)}, not for ${quoteList(accepted)}.`,
        },
        { reason: aud === undefined ? 'missing' : 'check_failed' },
      );
    },
    async () => {
      if (options.isRevoked === undefined) return true;
      const jti = payload.jti;
      if (typeof jti !== 'string') {
        return step(
          {
            claim: 'jti', value: jti, status: 'failed',
            message: jti === undefined
              ? 'This verifier checks revocation by jti, but the token has no jti, so it could never be revoked.'
              : `The jti must be a string, but it is ${JSON.stringify(jti)}.`,
          },
          { reason: jti === undefined ? 'missing' : 'invalid' },
        );
      }
      const revoked = await options.isRevoked(jti);
      return step(
        {
          claim: 'jti', value: jti, status: passedIf(!revoked),
          message: revoked ? `The token with jti "${jti}" has been revoked.` : `The token with jti "${jti}" is not on the revocation list.`,
        },
        { code: 'ERR_JWT_REVOKED', reason: 'check_failed' },
      );
    },
    () => timeClaim('iat', payload.iat),
    () => timeClaim('nbf', payload.nbf),
    () => timeClaim('exp', payload.exp),
  ];

  function timeClaim(claim: 'iat' | 'nbf' | 'exp', value: unknown): boolean {
    const mustHave = claim === 'iat' && options.maxTokenAge !== undefined;
    if (value === undefined) {
      const message = mustHave
        ? 'The token has no iat claim, so its age cannot be checked against the maximum age.'
        : claim === 'exp'
          ? 'The token has no exp claim: it never expires. A careful issuer always sets one.'
          : `The token has no ${claim} claim; there is nothing to check.`;
      return step({ claim, value, ...timeStep, status: mustHave ? 'failed' : 'absent', message }, { reason: 'missing' });
    }
    if (!isNumericDate(value)) {
      return step(
        { claim, value, ...timeStep, status: 'failed', message: `The ${claim} claim must be a NumericDate (a number of seconds since 1970), but it is ${JSON.stringify(value)}.` },
        { reason: 'invalid' },
      );
    }
    const leeway = tolerance ? ` (with ${tolerance} s of clock tolerance)` : '';
    const when = `${value} = ${isoDate(value)}; the clock says ${now} = ${isoDate(now)}`;
    if (claim === 'exp') {
      const ok = value > now - tolerance;
      return step(
        { claim, value, ...timeStep, status: passedIf(ok), message: ok ? `Not expired: exp ${when}${leeway}.` : `Expired: exp ${when}${leeway}.` },
        { code: 'ERR_JWT_EXPIRED', reason: 'check_failed' },
      );
    }
    if (claim === 'nbf') {
      const ok = value <= now + tolerance;
      return step(
        { claim, value, ...timeStep, status: passedIf(ok), message: ok ? `Already valid: nbf ${when}${leeway}.` : `Not valid yet: nbf ${when}${leeway}.` },
        { reason: 'check_failed' },
      );
    }
    // iat: only meaningful with a maximum age; a token from the future is suspicious then too.
    if (options.maxTokenAge === undefined) {
      return step({ claim, value, ...timeStep, status: 'unchecked', message: `Issued at ${isoDate(value)}; no maximum age is set, so this is for information.` });
    }
    if (value > now + tolerance) {
      return step(
        { claim, value, ...timeStep, status: 'failed', message: `The token claims to be issued in the future: iat ${when}${leeway}.` },
        { reason: 'check_failed' },
      );
    }
    const age = now - value;
    const ok = age - tolerance <= options.maxTokenAge;
    return step(
      {
        claim, value, expected: options.maxTokenAge, ...timeStep, status: passedIf(ok),
        message: ok ? `The token is ${age} s old; at most ${options.maxTokenAge} s is allowed${leeway}.`
          : `The token is ${age} s old, older than the ${options.maxTokenAge} s allowed${leeway}.`,
      },
      { code: 'ERR_JWT_EXPIRED', reason: 'check_failed' },
    );
  }

  for (const check of checks) {
    if (!(await check())) break;
  }
  return { steps, error };
}
