import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plannedChapters } from '../../../src/data/chapters';
import { glossary, glossaryTerm } from '../../../src/data/glossary';

/**
 * The ids of a chapter's `##` and `###` headings, read from its MDX (code blocks skipped) and made the way
 * Astro's Markdown makes them (GitHub's rules: lower case, punctuation dropped, each space a hyphen).
 * tests/e2e/glossary.spec.ts checks the same links against the built pages.
 */
function headingIds(slug: string): Set<string> {
  const ids = new Set<string>();
  let inCode = false;
  for (const line of readFileSync(`content/chapters/${slug}.mdx`, 'utf8').split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = inCode ? null : /^#{2,3} (.+)$/.exec(line);
    if (heading) ids.add(heading[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-'));
  }
  return ids;
}

describe('the glossary', () => {
  it('has unique ids that are valid anchors', () => {
    const ids = glossary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('defines every term in exactly two sentences', () => {
    for (const { term, definition } of glossary) {
      // A sentence ends with . ! or ? before a space or the end ("v1.5" and "0x36" end none).
      expect(definition.match(/[.!?](?=\s|$)/g)?.length, term).toBe(2);
      expect(definition, term).toMatch(/^\S.*[.!?]$/);
    }
  });

  it('links every term to at least one heading that exists in a written chapter', () => {
    for (const { term, taughtIn } of glossary) {
      expect(taughtIn.length, term).toBeGreaterThan(0);
      for (const { chapter, section } of taughtIn) {
        expect(plannedChapters.map((c) => c.slug), term).toContain(chapter);
        expect(existsSync(`content/chapters/${chapter}.mdx`), `${term}: ${chapter} is written`).toBe(true);
        expect([...headingIds(chapter)], `${term}: ${chapter}#${section}`).toContain(section);
      }
    }
  });

  it('covers the terms the course promises', () => {
    const promised = ['claim', 'registered-claim', 'numericdate', 'jose-header', 'jws', 'jwe', 'compact-serialization',
      'base64url', 'utf-8', 'signing-input', 'mac', 'hmac', 'hash', 'xor', 'ipad-and-opad', 'key-block', 'signature',
      'constant-time-comparison', 'rsa', 'modulus', 'public-exponent', 'private-exponent', 'pkcs1-v1-5', 'digestinfo',
      'em', 'jwk', 'jwks', 'kid', 'thumbprint', 'pem', 'der', 'alg', 'none', 'allow-list', 'exp', 'nbf', 'iat', 'iss',
      'aud', 'clock-tolerance'];
    for (const id of promised) expect(() => glossaryTerm(id), id).not.toThrow();
  });

  it('refuses an unknown id', () => {
    expect(() => glossaryTerm('jwtt')).toThrow('"jwtt" is not a term');
  });
});
