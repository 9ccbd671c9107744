/**
 * Who holds what when N services verify tokens from one issuer: with HS256 every verifier holds the same
 * secret, which can also mint tokens; with RS256 only the issuer holds the private key and the verifiers
 * hold a public key that can only verify. Counts for the key-sharing comparison in chapter 8.
 */
export interface KeyPlan {
  /** Places holding a key that can create valid tokens: each one a place where a thief could steal the power to forge. */
  canMint: number;
  /** Places holding a key that can only verify. */
  verifyOnly: number;
  /** A rotation: places whose secret key must be replaced, in step, without leaking it on the way. */
  rotationSecretUpdates: number;
  /** A rotation: places that only fetch a new public key (e.g. from the issuer's JWKS URL). */
  rotationPublicFetches: number;
}

export interface KeySharing {
  services: number;
  hs256: KeyPlan;
  rs256: KeyPlan;
}

/** The widget's range: from one service to a fleet of twenty. */
export const MIN_SERVICES = 1;
export const MAX_SERVICES = 20;

export function keySharing(services: number): KeySharing {
  if (!Number.isInteger(services) || services < MIN_SERVICES || services > MAX_SERVICES) {
    throw new RangeError(`services must be a whole number from ${MIN_SERVICES} to ${MAX_SERVICES}`);
  }
  const everyone = services + 1; // the issuer and the verifying services
  return {
    services,
    hs256: {
      canMint: everyone,
      verifyOnly: 0,
      rotationSecretUpdates: everyone,
      rotationPublicFetches: 0,
    },
    rs256: {
      canMint: 1,
      verifyOnly: services,
      rotationSecretUpdates: 1,
      rotationPublicFetches: services,
    },
  };
}

/** Reads the number field: a whole number in range, or a sentence saying what is wrong. */
export function parseServiceCount(text: string): { services: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: `Type how many services verify tokens: a whole number from ${MIN_SERVICES} to ${MAX_SERVICES}.` };
  // A negative whole number is a number, just out of range: say so rather than "not a whole number".
  if (!/^-?\d+$/.test(trimmed)) return { error: `"${trimmed}" is not a whole number; type one from ${MIN_SERVICES} to ${MAX_SERVICES}.` };
  const services = Number(trimmed);
  if (services < MIN_SERVICES || services > MAX_SERVICES) {
    return { error: `${services} is out of range; this comparison goes from ${MIN_SERVICES} to ${MAX_SERVICES} services.` };
  }
  return { services };
}
