import { describe, expect, it } from 'vitest';
import { MAX_SHARE_CHARS, readShareFragment, secretNames, shareFragment, type ShareSchema } from '../../../src/lib/share-state';

const schema: ShareSchema = {
  payload: { kind: 'text', max: 1000 },
  secret: { kind: 'text', max: 100, secret: 'the secret' },
  encoding: { kind: 'choice', values: ['utf8', 'base64url'] },
  tolerance: { kind: 'integer', min: 0, max: 3600 },
  strict: { kind: 'flag' },
  allowed: { kind: 'list', values: ['HS256', 'HS384', 'RS256'] },
};
const defaults = { payload: '{}', secret: 'default', encoding: 'utf8', tolerance: 0, strict: true, allowed: ['HS256'] };

/** A fragment holding exactly this JSON text, as anybody could write one. */
const handmade = (json: string) => `#share=demo.${Buffer.from(json).toString('base64url')}`;

describe('shareFragment and readShareFragment', () => {
  it('round-trips what differs from the defaults, leaving the secret out unless asked', () => {
    const values = { payload: '{"name":"Zoë <b>"}', secret: 'hunter2', encoding: 'base64url', tolerance: 60, strict: true, allowed: ['HS256', 'RS256'] };
    const without = shareFragment('demo', schema, values, defaults, false);
    expect(readShareFragment(`#${without}`, 'demo', schema)).toEqual({
      kind: 'restore',
      widget: 'demo',
      values: { payload: '{"name":"Zoë <b>"}', encoding: 'base64url', tolerance: 60, allowed: ['HS256', 'RS256'] },
    });
    const withSecret = shareFragment('demo', schema, values, defaults, true);
    expect(readShareFragment(withSecret, 'demo', schema)).toMatchObject({ values: { secret: 'hunter2' } });
    // The state is base64url of JSON, readable by anyone who decodes it.
    expect(JSON.parse(Buffer.from(withSecret.split('.')[1]!, 'base64url').toString())).toEqual({
      payload: values.payload,
      secret: 'hunter2',
      encoding: 'base64url',
      tolerance: 60,
      allowed: ['HS256', 'RS256'],
    });
  });

  it('makes a short link for an untouched widget', () => {
    expect(shareFragment('demo', schema, defaults, defaults, false)).toBe('share=demo.');
    // A secret asked for goes in even when it is the default, so the reader knows it was not left out.
    expect(readShareFragment(shareFragment('demo', schema, defaults, defaults, true), 'demo', schema)).toMatchObject({ values: { secret: 'default' } });
    expect(readShareFragment('#share=demo.', 'demo', schema)).toEqual({ kind: 'restore', widget: 'demo', values: {} });
  });

  it('ignores ordinary anchors and links to other widgets', () => {
    expect(readShareFragment('#tamper-mode', 'demo', schema)).toEqual({ kind: 'none' });
    expect(readShareFragment('', 'demo', schema)).toEqual({ kind: 'none' });
    expect(readShareFragment(handmade('{}').replace('demo', 'other'), 'demo', schema)).toEqual({ kind: 'none' });
  });

  it.each([
    ['cut short', `${handmade('{"payload":"abc"}').slice(0, -3)}`, 'not base64url-encoded JSON'],
    ['not base64url', '#share=demo.eyJ+', 'not base64url-encoded JSON'],
    ['a list', handmade('[1,2]'), 'should be an object of settings, but it is the list [1,2]'],
    ['a list with a stranger', handmade('{"allowed":["HS256","none"]}'), '"allowed" should be a list of some of HS256, HS384, RS256, each once'],
    ['a list with a repeat', handmade('{"allowed":["HS256","HS256"]}'), 'each once, but it is the list ["HS256","HS256"]'],
    ['a wrong type', handmade('{"tolerance":"60"}'), '"tolerance" should be a whole number from 0 to 3,600, but it is the text "60"'],
    ['out of range', handmade('{"tolerance":99999}'), 'but it is the number 99999'],
    ['not a choice', handmade('{"encoding":"hex"}'), '"encoding" should be one of utf8, base64url, but it is the text "hex"'],
    ['an unknown setting', handmade('{"__proto__":{"x":1}}'), '"__proto__" is not a setting of this widget'],
    ['text too long', handmade(JSON.stringify({ secret: 'x'.repeat(101) })), '"secret" is 101 characters long; a link may set at most 100'],
    ['a flag that is not', handmade('{"strict":"yes"}'), '"strict" should be true or false'],
    ['huge', `#share=demo.${'A'.repeat(MAX_SHARE_CHARS + 4)}`, 'more than the 100,000 a link to a widget may hold'],
  ])('refuses a state that is %s, naming the problem', (_, hash, problem) => {
    const reading = readShareFragment(hash, 'demo', schema);
    expect(reading.kind).toBe('refused');
    expect(reading.kind === 'refused' && reading.problem).toContain(problem);
  });

  it('restores script text as the text it is', () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    expect(readShareFragment(handmade(JSON.stringify({ payload: script })), 'demo', schema)).toEqual({
      kind: 'restore',
      widget: 'demo',
      values: { payload: script },
    });
  });

  it('names the secrets', () => {
    expect(secretNames(schema)).toEqual(['the secret']);
  });
});
