import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../../../src/components/search/pagefind';

describe('excerptParts', () => {
  it('splits an excerpt into text and marked words', () => {
    expect(excerptParts('the <mark>HMAC</mark> of the <mark>signing</mark> input')).toEqual([
      { text: 'the ', marked: false },
      { text: 'HMAC', marked: true },
      { text: ' of the ', marked: false },
      { text: 'signing', marked: true },
      { text: ' input', marked: false },
    ]);
  });

  it('turns escaped characters back into text, and never yields markup', () => {
    const parts = excerptParts('a &lt;script&gt; &amp; <mark>&quot;alg&quot;</mark> &#39;none&#39;');
    expect(parts).toEqual([
      { text: 'a <script> & ', marked: false },
      { text: '"alg"', marked: true },
      { text: " 'none'", marked: false },
    ]);
  });

  it('returns nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});
