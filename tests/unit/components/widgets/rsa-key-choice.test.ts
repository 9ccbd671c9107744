/**
 * The key-pair widget's choice of key, with loads finished by hand in any order: only the newest request is
 * shown and published, a generation runs one at a time, and emptying the paste field withdraws only a paste.
 */
import { describe, expect, it } from 'vitest';
import type { RsaAnatomy } from '../../../../src/components/widgets/rsa-anatomy';
import { KeyChoice, type KeyChoiceState } from '../../../../src/components/widgets/rsa-key-choice';
import type { SharedRsaKey } from '../../../../src/components/widgets/rsa-key.svelte';
import type { KeySource, LoadedKey } from '../../../../src/components/widgets/rsa-key-source';

/** A stand-in key: the tests follow which request is shown, not what a key holds. */
const keyFor = (label: string, shared = true): LoadedKey => ({
  pair: { publicKey: { type: 'public' } as CryptoKey },
  anatomy: {} as RsaAnatomy,
  label,
  shared,
});

const settle = () => new Promise((resolve) => setTimeout(resolve));

/** A KeyChoice whose loads wait until the test settles them; `requests` lists what was asked for. */
function setUp() {
  const state: KeyChoiceState = { outOfDate: false, loading: false };
  const published: (string | undefined)[] = [];
  const requests: { source: KeySource; resolve: (key: LoadedKey) => void; reject: (error: Error) => void }[] = [];
  const load = (source: KeySource) => new Promise<LoadedKey>((resolve, reject) => requests.push({ source, resolve, reject }));
  const choice = new KeyChoice(state, (key: SharedRsaKey | undefined) => published.push(key?.label), load);
  return { state, published, requests, choice };
}

describe('KeyChoice', () => {
  it('shows and publishes a loaded key, and says when it is done', async () => {
    const { state, published, requests, choice } = setUp();
    choice.paste('-----BEGIN PUBLIC KEY-----');
    expect(state.loading).toBe(true);
    expect(requests.map((r) => r.source)).toEqual([{ kind: 'paste', text: '-----BEGIN PUBLIC KEY-----' }]);
    requests[0]!.resolve(keyFor('pasted'));
    await settle();
    expect([state.shown?.label, state.loading, state.outOfDate]).toEqual(['pasted', false, false]);
    expect(published).toEqual(['pasted']);
  });

  it('a slow generation never replaces a key chosen after it, and keeps Generate busy until it ends', async () => {
    const { state, published, requests, choice } = setUp();
    choice.generate(4096);
    choice.useExample();
    requests[1]!.resolve(keyFor('example', false));
    await settle();
    expect([state.shown?.label, state.loading, state.generating]).toEqual(['example', false, 4096]);
    expect(published).toEqual([undefined]);
    requests[0]!.resolve(keyFor('generated'));
    await settle();
    expect([state.shown?.label, state.generating]).toEqual(['example', undefined]);
    expect(published).toEqual([undefined]);
  });

  it('generates one pair at a time: Generate while generating does nothing', async () => {
    const { state, requests, choice } = setUp();
    choice.generate(2048);
    choice.generate(1024);
    expect(requests.map((r) => r.source)).toEqual([{ kind: 'generate', bits: 2048 }]);
    requests[0]!.reject(new Error('no primes today'));
    await settle();
    // A failed generation ends too, and says why.
    expect([state.generating, state.error?.message, state.outOfDate]).toEqual([undefined, 'no primes today', true]);
    choice.generate(1024);
    expect(requests.at(-1)!.source).toEqual({ kind: 'generate', bits: 1024 });
  });

  it('a broken paste keeps the last key, marked out of date, until the field is emptied', async () => {
    const { state, requests, choice } = setUp();
    choice.useExample();
    requests[0]!.resolve(keyFor('example', false));
    await settle();
    choice.paste('{"kty":');
    requests[1]!.reject(new Error('Line 1, column 8 of the JWK'));
    await settle();
    expect([state.shown?.label, state.outOfDate, state.error?.message]).toEqual(['example', true, 'Line 1, column 8 of the JWK']);
    choice.paste('  ');
    expect([state.shown?.label, state.outOfDate, state.error]).toEqual(['example', false, undefined]);
  });

  it('emptying the field drops a paste still being read, but not a newer generation', async () => {
    const { state, requests, choice } = setUp();
    choice.paste('-----BEGIN');
    choice.paste('');
    expect(state.loading).toBe(false);
    requests[0]!.resolve(keyFor('pasted'));
    await settle();
    expect(state.shown).toBeUndefined();

    choice.paste('-----BEGIN');
    choice.generate(2048);
    choice.paste('');
    expect(state.loading).toBe(true);
    requests[2]!.resolve(keyFor('generated'));
    requests[1]!.resolve(keyFor('pasted'));
    await settle();
    expect([state.shown?.label, state.loading]).toEqual(['generated', false]);
  });
});
