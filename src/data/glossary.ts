/**
 * The glossary: every term the chapters teach, each with a two-sentence definition in our own words and the
 * chapter sections that teach it. The glossary page (src/pages/glossary.astro) lists them, and a chapter marks
 * a term's first use with <Term id="…"> (src/components/content/Term.astro), which links here and previews the
 * definition. tests/unit/data/glossary.test.ts checks every definition's two sentences and every link's heading.
 */
export interface TaughtIn {
  /** A chapter slug from src/data/chapters.ts whose MDX exists. */
  readonly chapter: string;
  /** The id of a `##` or `###` heading in that chapter, without the "#". */
  readonly section: string;
}

export interface GlossaryTerm {
  /** The entry's anchor on the glossary page, and the id a <Term> names. */
  readonly id: string;
  /** As the chapters write it. */
  readonly term: string;
  /** Exactly two sentences. */
  readonly definition: string;
  readonly taughtIn: readonly TaughtIn[];
}

const at = (chapter: string, section: string): TaughtIn => ({ chapter, section });

export const glossary: readonly GlossaryTerm[] = [
  {
    id: 'aead',
    term: "authenticated encryption",
    definition:
      "Encryption that also produces an authentication tag, a short value computed from the key, the ciphertext and any additional authenticated data, as AES-GCM and AES-CBC with an HMAC do. The recipient recomputes the tag before decrypting, so a ciphertext or header changed by one bit is refused instead of being read as something else.",
    taughtIn: [at('jws-and-jwe', 'what-alg-and-enc-choose'), at('jws-and-jwe', 'a-jwe-stage-by-stage')],
  },
  {
    id: 'alg',
    term: 'alg',
    definition:
      'The header member that names the algorithm used to sign or encrypt the token, such as HS256 or RS256. A verifier must not simply obey it: it accepts a token only when this name is on its own allow-list.',
    taughtIn: [at('what-is-jwt', 'the-header'), at('verifying-a-token', 'the-verifier-chooses-the-algorithm')],
  },
  {
    id: 'allow-list',
    term: 'allow-list',
    definition:
      "The algorithms a verifier is configured to accept, decided before any token arrives and usually just one. A token whose header names an algorithm outside it is refused before any signature is computed.",
    taughtIn: [at('verifying-a-token', 'the-verifier-chooses-the-algorithm'), at('verifying-a-token', '3-is-the-algorithm-allowed')],
  },
  {
    id: 'aud',
    term: 'aud',
    definition:
      'The registered "audience" claim: the service or services a token is meant for, as one string or a list of them. A verifier that expects an audience refuses a token whose aud does not include its own name.',
    taughtIn: [at('claims', 'registered-claims'), at('generating-a-token', 'which-claims-to-put-in'), at('verifying-a-token', '6-check-the-claims')],
  },
  {
    id: 'base64url',
    term: 'base64url',
    definition:
      'An encoding that spells any bytes with 64 characters safe in URLs (letters, digits, "-" and "_"), turning each 3 bytes into 4 characters. JWTs write it without "=" padding, and it hides nothing: anyone can decode it back to the bytes.',
    taughtIn: [
      at('generating-a-token', 'bytes-to-base64url'),
      at('verifying-a-token', '2-decode-each-part-strictly'),
      at('verifying-a-token', 'spare-bits-one-signature-many-spellings'),
    ],
  },
  {
    id: 'bearer-token',
    term: 'bearer token',
    definition:
      'A token that grants access to whoever presents it, with no further proof of who they are; it usually travels in the header "Authorization: Bearer <token>". Anyone who copies one can use it until it expires, so it must only travel over HTTPS and be stored where scripts cannot read it.',
    taughtIn: [at('benefits', 'compact-compared-to-what')],
  },
  {
    id: 'cek',
    term: "CEK (content encryption key)",
    definition:
      "The symmetric key a JWE's content is encrypted with, drawn fresh and at random for each token and sized for its enc (32 bytes for A256GCM). It travels in the token's second part, encrypted to the recipient by the key management algorithm that alg names.",
    taughtIn: [at('jws-and-jwe', 'which-key-encrypts'), at('jws-and-jwe', 'a-jwe-stage-by-stage')],
  },
  {
    id: 'claim',
    term: 'claim',
    definition:
      'One statement in a token\'s payload: a member name with its value, such as "exp" with a time or "name" with a person\'s name. Anyone holding the token can read every claim, so claims prove who wrote them but keep nothing secret.',
    taughtIn: [at('claims', 'inspect-a-payload'), at('what-is-jwt', 'the-payload'), at('generating-a-token', 'which-claims-to-put-in')],
  },
  {
    id: 'clock-skew',
    term: 'clock skew',
    definition:
      "The difference between the clocks of two machines, such as an issuer and a server that checks its tokens. Even clocks kept in step over the network differ by a little, so a verifier compares exp and nbf with a small clock tolerance.",
    taughtIn: [at('expiration', 'when-clocks-disagree')],
  },
  {
    id: 'clock-tolerance',
    term: 'clock tolerance',
    definition:
      "A small number of seconds a verifier allows when it compares exp, nbf and iat with its own clock, because the clocks of issuer and verifier never agree exactly. It should stay small, at most a few minutes, since it lengthens every token's life by that much.",
    taughtIn: [at('verifying-a-token', '6-check-the-claims'), at('expiration', 'when-clocks-disagree')],
  },
  {
    id: 'compact-serialization',
    term: 'compact serialization',
    definition:
      'The form a token travels in: its base64url parts joined by dots, three parts for a signed token and five for an encrypted one. It has no spaces or characters that need escaping, so it fits in an HTTP header or a URL.',
    taughtIn: [at('generating-a-token', 'the-signature-and-the-compact-token'), at('verifying-a-token', '1-split-at-the-dots')],
  },
  {
    id: 'constant-time-comparison',
    term: 'constant-time comparison',
    definition:
      'A comparison of two byte strings that looks at every byte whatever it finds, so the time it takes does not reveal where they first differ. Checking an HMAC this way keeps an attacker from learning a valid signature byte by byte from response times.',
    taughtIn: [
      at('verifying-a-token', '5-compare-in-constant-time'),
      at('hs256', 'signing-and-checking-are-the-same-computation'),
    ],
  },
  {
    id: 'control-signature',
    term: 'control signature',
    definition:
      "The signature a verifier computes itself, over the received signing input with its own copy of the key. The token is genuine only if this value and the token's signature are identical.",
    taughtIn: [at('verifying-a-token', '4-compute-the-control-signature')],
  },
  {
    id: 'der',
    term: 'DER',
    definition:
      'Distinguished Encoding Rules: a compact binary format for ASN.1 structures, in which every value is written as a tag, a length and its content. RSA keys in PEM files and the DigestInfo inside an RS256 signature are DER.',
    taughtIn: [at('rs256', 'a-key-pair'), at('rs256', 'signing-stage-by-stage')],
  },
  {
    id: 'digestinfo',
    term: 'DigestInfo',
    definition:
      'A small DER structure that holds a hash digest together with the identifier of the hash that made it, 19 bytes of header before a SHA-256 digest. RS256 signs it rather than the bare digest, so a signature cannot be passed off as one made with another hash.',
    taughtIn: [at('rs256', 'signing-stage-by-stage'), at('rs256', 'verifying-stage-by-stage')],
  },
  {
    id: 'em',
    term: 'EM (encoded message)',
    definition:
      'The block PKCS #1 v1.5 builds before the RSA operation: the bytes 00 01, a run of FF bytes, a 00 byte and the DigestInfo, exactly as long as the modulus. The signer raises it, read as a number, to the private exponent, and the verifier rebuilds it and compares it byte for byte.',
    taughtIn: [at('rs256', 'signing-stage-by-stage'), at('rs256', 'verifying-stage-by-stage')],
  },
  {
    id: 'exp',
    term: 'exp',
    definition:
      'The registered "expiration time" claim: a NumericDate from which the token must be refused. At exactly that second the token is already expired, give or take the verifier\'s clock tolerance.',
    taughtIn: [at('claims', 'registered-claims'), at('what-is-jwt', 'the-payload'), at('verifying-a-token', '6-check-the-claims'), at('expiration', 'three-claims-about-time')],
  },
  {
    id: 'hash',
    term: 'hash (SHA-256)',
    definition:
      'A function that turns any bytes into a short digest of fixed size, 32 bytes for SHA-256, so that changing one bit of the input changes the digest beyond recognition. It needs no key, so anyone can compute it, and nobody knows how to find an input for a given digest.',
    taughtIn: [at('what-is-jwt', 'the-signature'), at('hs256', 'why-not-simply-hash-the-secret-and-the-message')],
  },
  {
    id: 'hmac',
    term: 'HMAC',
    definition:
      'The standard way to make a MAC from a hash (RFC 2104): the key, fitted to a key block, is mixed in twice, once with ipad for an inner hash and once with opad for an outer hash. HS256 is HMAC built on SHA-256, and its 32-byte result is the signature.',
    taughtIn: [at('what-is-jwt', 'the-signature'), at('generating-a-token', 'the-hmac'), at('hs256', 'what-hmac-computes')],
  },
  {
    id: 'iat',
    term: 'iat',
    definition:
      'The registered "issued at" claim: the NumericDate at which the token was made. It lets a verifier tell a token\'s age, and refuse tokens older than it allows.',
    taughtIn: [at('claims', 'registered-claims'), at('what-is-jwt', 'the-payload'), at('generating-a-token', 'three-ingredients'), at('expiration', 'three-claims-about-time')],
  },
  {
    id: 'ipad-and-opad',
    term: 'ipad and opad',
    definition:
      "The two constant bytes HMAC XORs into every byte of the key block: 0x36 (ipad) for the inner hash and 0x5c (opad) for the outer hash. They turn the one secret into two different keys, one for each hash.",
    taughtIn: [at('hs256', 'what-hmac-computes'), at('hs256', 'hmac-up-close')],
  },
  {
    id: 'iss',
    term: 'iss',
    definition:
      'The registered "issuer" claim: a name for whoever made the token, often the URL of an authentication server. A verifier that expects an issuer refuses tokens that name any other.',
    taughtIn: [at('claims', 'registered-claims'), at('generating-a-token', 'which-claims-to-put-in'), at('verifying-a-token', '6-check-the-claims')],
  },
  {
    id: 'iv',
    term: "IV (initialization vector)",
    definition:
      "A value that makes each encryption with the same key come out different: 12 bytes for AES-GCM, 16 for AES-CBC, sent in the clear as a JWE's third part. It need not be secret, but with AES-GCM it must never repeat under one key.",
    taughtIn: [at('jws-and-jwe', 'a-jwe-stage-by-stage')],
  },
  {
    id: 'jose-header',
    term: 'JOSE header',
    definition:
      'The first part of a token: a JSON object whose members say how the token is protected, such as alg, typ and kid. It is readable by anyone and is protected by the signature, but it is written by the sender and must not be trusted before the signature is checked.',
    taughtIn: [at('what-is-jwt', 'the-header'), at('generating-a-token', 'three-ingredients')],
  },
  {
    id: 'jti',
    term: 'jti',
    definition:
      'The registered "JWT ID" claim: a unique identifier the issuer gives each token. It is the right way to name a single token, for example in a revocation list, because the token\'s text can be spelled in several ways.',
    taughtIn: [at('claims', 'registered-claims'), at('generating-a-token', 'which-claims-to-put-in'), at('verifying-a-token', 'spare-bits-one-signature-many-spellings')],
  },
  {
    id: 'jwe',
    term: 'JWE',
    definition:
      'JSON Web Encryption (RFC 7516): a token whose content is encrypted, so only the holder of the right key can read it. In compact form it has five parts, and a signature verifier refuses it.',
    taughtIn: [at('verifying-a-token', '1-split-at-the-dots'), at('jws-and-jwe', 'two-formats-one-name'), at('jws-and-jwe', 'which-key-encrypts')],
  },
  {
    id: 'jwk',
    term: 'JWK',
    definition:
      'A JSON Web Key (RFC 7517): a key written as a JSON object, with its type in "kty" and each of its numbers as a base64url member, such as "n" and "e" for an RSA public key. It carries the same numbers a PEM file does, in a form JSON tools read directly.',
    taughtIn: [at('rs256', 'a-key-pair')],
  },
  {
    id: 'jwks',
    term: 'JWKS',
    definition:
      "A JWK Set: one JSON document listing an issuer's public keys as JWKs, each with its kid. Services that check tokens fetch it from an HTTPS address and pick the key a token's kid names.",
    taughtIn: [at('rs256', 'where-each-key-lives'), at('hs256', 'one-secret-many-places')],
  },
  {
    id: 'jws',
    term: 'JWS',
    definition:
      'JSON Web Signature (RFC 7515): the format of a signed token, in which a header, a payload and a signature protect the content against change without hiding it. In compact form it is three base64url parts joined by two dots, and nearly every token in this course is one.',
    taughtIn: [at('what-is-jwt', 'three-parts-and-two-dots'), at('verifying-a-token', '1-split-at-the-dots'), at('jws-and-jwe', 'two-formats-one-name')],
  },
  {
    id: 'key-block',
    term: 'key block',
    definition:
      "The HMAC key fitted to exactly one block of the hash, 64 bytes for SHA-256: a shorter key is followed by zero bytes, and a longer one is hashed first. HMAC XORs it with ipad and opad to key its two hashes.",
    taughtIn: [at('hs256', 'what-hmac-computes'), at('hs256', 'hmac-up-close')],
  },
  {
    id: 'kid',
    term: 'kid',
    definition:
      'The "key ID" header member: a name for the key that signed the token, often the key\'s thumbprint. A verifier with several keys, for example from a JWKS, uses it to pick which one to check with, but only among keys it already trusts.',
    taughtIn: [at('what-is-jwt', 'the-header'), at('rs256', 'where-each-key-lives')],
  },
  {
    id: 'mac',
    term: 'MAC',
    definition:
      'A message authentication code: a short value computed from a message and a secret key, which only someone holding the key can produce. A correct MAC shows that the message is unchanged and that it came from a key holder.',
    taughtIn: [at('what-is-jwt', 'the-signature'), at('hs256', 'what-hmac-computes')],
  },
  {
    id: 'modulus',
    term: 'modulus',
    definition:
      "The number n in an RSA key, the product of two large secret primes, whose length in bits is the key's size. Every RSA operation computes modulo n, and an RS256 signature is exactly as many bytes as n.",
    taughtIn: [at('rs256', 'rsa-with-numbers-you-can-follow'), at('rs256', 'a-key-pair')],
  },
  {
    id: 'nbf',
    term: 'nbf',
    definition:
      'The registered "not before" claim: a NumericDate before which the token must be refused. It lets an issuer make a token that becomes usable only later.',
    taughtIn: [at('claims', 'registered-claims'), at('verifying-a-token', '6-check-the-claims'), at('expiration', 'three-claims-about-time')],
  },
  {
    id: 'nested-jwt',
    term: "nested JWT",
    definition:
      "A signed token that is then encrypted as the plaintext of a JWE, whose header says \"cty\":\"JWT\". It gives both proof of who made the claims and secrecy, and the order is sign first, then encrypt, so the signature is hidden and covers what the recipient reads.",
    taughtIn: [at('jws-and-jwe', 'sign-encrypt-or-both')],
  },
  {
    id: 'none',
    term: 'none',
    definition:
      'The "alg" value of an unsecured token, whose signature is empty, so anyone can write one with any claims. A verifier must refuse it unless an application has deliberately chosen to accept unsigned tokens, and this course\'s verifier always refuses it.',
    taughtIn: [at('what-is-jwt', 'can-a-part-be-missing'), at('verifying-a-token', 'the-verifier-chooses-the-algorithm')],
  },
  {
    id: 'numericdate',
    term: 'NumericDate',
    definition:
      "How JWT claims write a moment: a JSON number of seconds since 1 January 1970 00:00:00 UTC, not counting leap seconds. The claims exp, nbf and iat are NumericDates, compared with the verifier's clock.",
    taughtIn: [at('claims', 'times-are-numericdates'), at('what-is-jwt', 'the-payload'), at('verifying-a-token', '6-check-the-claims'), at('expiration', 'seconds-in-utc')],
  },
  {
    id: 'pem',
    term: 'PEM',
    definition:
      'A text form for keys and certificates: DER bytes written in base64 between "-----BEGIN …-----" and "-----END …-----" lines. Many tools and configuration files store RSA keys this way.',
    taughtIn: [at('rs256', 'a-key-pair')],
  },
  {
    id: 'pkcs1-v1-5',
    term: 'PKCS #1 v1.5',
    definition:
      'The RSA signature scheme RS256 uses (RFC 8017), which pads a DigestInfo with 00 01, FF bytes and 00 to the size of the modulus before the private-key operation. It is deterministic, so the same key and message always give the same signature.',
    taughtIn: [at('rs256', 'signing-stage-by-stage'), at('rs256', 'verifying-stage-by-stage')],
  },
  {
    id: 'private-claim',
    term: 'private claim',
    definition:
      'A claim whose name is neither registered nor collision-resistant, such as "role", agreed on by the issuer and the services that read its tokens. It works within those parties, but another system may give the same name a different meaning.',
    taughtIn: [at('claims', 'private-claims')],
  },
  {
    id: 'private-exponent',
    term: 'private exponent',
    definition:
      'The secret number d of an RSA key, chosen so that raising to e and then to d gives back the original number modulo n. Signing raises the encoded message to d, which only the key holder can do.',
    taughtIn: [at('rs256', 'rsa-with-numbers-you-can-follow'), at('rs256', 'a-key-pair')],
  },
  {
    id: 'public-claim',
    term: 'public claim',
    definition:
      'A claim whose name is registered in IANA\'s "JSON Web Token Claims" registry, such as "email", or is a collision-resistant name like a URI in a domain its author controls. Either way, its meaning cannot be confused with someone else\'s.',
    taughtIn: [at('claims', 'public-claims')],
  },
  {
    id: 'public-exponent',
    term: 'public exponent',
    definition:
      'The number e of an RSA public key, almost always 65537. A verifier raises the signature to e modulo n to get back the encoded message the signer made.',
    taughtIn: [at('rs256', 'a-key-pair'), at('rs256', 'verifying-stage-by-stage')],
  },
  {
    id: 'registered-claim',
    term: 'registered claim',
    definition:
      'A claim whose name and meaning are fixed by the JWT standard (RFC 7519) and listed in a public registry: iss, sub, aud, exp, nbf, iat and jti. None of them is required, and each helps only if the verifier actually checks it.',
    taughtIn: [at('claims', 'registered-claims'), at('generating-a-token', 'which-claims-to-put-in'), at('verifying-a-token', '6-check-the-claims')],
  },
  {
    id: 'rsa',
    term: 'RSA',
    definition:
      'A public-key system built on a modulus n that is the product of two secret primes, where signing raises a number to the private exponent and checking raises it to the public exponent, both modulo n. Its safety rests on nobody being able to factor a well-made n of 2048 bits or more.',
    taughtIn: [at('rs256', 'rsa-with-numbers-you-can-follow'), at('rs256', 'a-key-pair')],
  },
  {
    id: 'rsa-oaep',
    term: "RSA-OAEP",
    definition:
      "RSA encryption with Optimal Asymmetric Encryption Padding (RFC 8017), which mixes fresh randomness into the message before the public-key operation, so encrypting the same key twice gives different results. In a JWE (alg RSA-OAEP or RSA-OAEP-256) it encrypts the CEK to the recipient's public key, and only the private key can decrypt it.",
    taughtIn: [at('jws-and-jwe', 'which-key-encrypts')],
  },
  {
    id: 'session-id',
    term: 'session id',
    definition:
      'A random string a server hands out at login, usually in a cookie, that means nothing by itself: the server keeps what it stands for in a session store and looks it up on every request. Deleting the stored session ends it at once, which a self-contained token cannot do.',
    taughtIn: [at('benefits', 'stateless-nothing-to-look-up-nothing-to-take-back')],
  },
  {
    id: 'signature',
    term: 'signature',
    definition:
      'The third part of a signed token: a value computed over the header and payload with a key, written in base64url. A verifier that recomputes or checks it learns that those two parts are unchanged and were signed by a key holder.',
    taughtIn: [at('what-is-jwt', 'the-signature'), at('generating-a-token', 'the-signature-and-the-compact-token')],
  },
  {
    id: 'signing-input',
    term: 'signing input',
    definition:
      'What the signature covers: the base64url header, a dot and the base64url payload, exactly as they appear in the token. It is text, not the original JSON, so a verifier takes it straight from the token it received.',
    taughtIn: [at('generating-a-token', 'the-signing-input'), at('verifying-a-token', '4-compute-the-control-signature')],
  },
  {
    id: 'spare-bits',
    term: 'spare bits',
    definition:
      'The 2 or 4 bits at the end of a base64url text that belong to no byte, which an encoder sets to zero. A lenient decoder ignores them, so one signature can be spelled several ways unless the verifier insists they are zero.',
    taughtIn: [at('generating-a-token', 'bytes-to-base64url'), at('verifying-a-token', 'spare-bits-one-signature-many-spellings')],
  },
  {
    id: 'sub',
    term: 'sub',
    definition:
      'The registered "subject" claim: whom the token is about, usually a user id. It names the subject but does not prove anything by itself until the signature is checked.',
    taughtIn: [at('claims', 'registered-claims'), at('generating-a-token', 'which-claims-to-put-in')],
  },
  {
    id: 'thumbprint',
    term: 'thumbprint',
    definition:
      "A JWK thumbprint (RFC 7638): the hash of a key's required members only, written as JSON with the names in sorted order and no whitespace. The same key always gives the same thumbprint, so it makes a good kid.",
    taughtIn: [at('rs256', 'a-key-pair')],
  },
  {
    id: 'typ',
    term: 'typ',
    definition:
      'An optional header member that says what kind of object the token is, usually "JWT". Verifiers can use it to tell tokens of different purposes apart.',
    taughtIn: [at('what-is-jwt', 'the-header')],
  },
  {
    id: 'utf-8',
    term: 'UTF-8',
    definition:
      'The rule that turns text into bytes, one byte for each ASCII character and two to four for others, such as "é" or "€". The header and payload are UTF-8 bytes before they are encoded, and a secret typed as text is its UTF-8 bytes.',
    taughtIn: [at('generating-a-token', 'from-json-text-to-bytes'), at('generating-a-token', 'the-secret-is-bytes-too')],
  },
  {
    id: 'xor',
    term: 'XOR',
    definition:
      'Exclusive or, written ⊕: it gives 1 where two bits differ and 0 where they are equal, and works on bytes bit by bit. XOR with a fixed byte flips the bits that byte has set, and doing it twice gives the original back.',
    taughtIn: [at('hs256', 'what-hmac-computes')],
  },
];

/** The term with this id; throws on an unknown id, so a misspelt <Term id> fails the build. */
export function glossaryTerm(id: string): GlossaryTerm {
  const term = glossary.find((entry) => entry.id === id);
  if (term === undefined) throw new Error(`"${id}" is not a term in src/data/glossary.ts`);
  return term;
}
