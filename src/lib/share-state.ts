/**
 * A widget's state in a link: `#share=<widget>.<state>`, where state is the base64url of a small JSON object of
 * the settings that differ from the widget's defaults (so a link to an untouched widget at some stage is short
 * enough to read out). A fragment never reaches a server. Reading one is strict, because anybody can write a
 * link: any problem (cut short, wrong types, unknown settings, too long) refuses the whole state with a message
 * that names it, and the widget keeps its defaults. Text is only ever restored as text.
 */
import { base64urlDecode, base64urlEncode, utf8Decode, utf8Encode } from './jwt';
import { count } from './format';

export type ShareField =
  /** `secret` names what the text is ("the secret", "the private key"): left out of a link unless asked. */
  | { kind: 'text'; max: number; secret?: string }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'flag' }
  /** Some of `values`, each at most once (the algorithms a verifier accepts). */
  | { kind: 'list'; values: readonly string[] };

export type ShareSchema = Readonly<Record<string, ShareField>>;
export type ShareValue = string | number | boolean | readonly string[];
export type ShareValues = Readonly<Record<string, ShareValue>>;

export const SHARE_PREFIX = 'share=';
/** The longest fragment read at all: a shared state is a few inputs, not a file. */
export const MAX_SHARE_CHARS = 100_000;

export type ShareReading =
  /** The fragment is not a shared state (none, or an ordinary #heading). */
  | { kind: 'none' }
  | { kind: 'restore'; widget: string; values: Partial<Record<string, ShareValue>> }
  | { kind: 'refused'; widget: string; problem: string };

/** What the secret fields are called, in schema order: "the secret". */
export function secretNames(schema: ShareSchema): string[] {
  return Object.values(schema).flatMap((field) => (field.kind === 'text' && field.secret !== undefined ? [field.secret] : []));
}

/**
 * The fragment (without "#") that restores `values` in `widget`: what differs from `defaults`, and the secret
 * fields only when `withSecrets`, then always (so whoever opens the link can tell a secret left out from one
 * that was the default).
 */
export function shareFragment(widget: string, schema: ShareSchema, values: ShareValues, defaults: ShareValues, withSecrets: boolean): string {
  const changed: Record<string, ShareValue> = {};
  for (const [name, field] of Object.entries(schema)) {
    const value = values[name];
    if (value === undefined) continue;
    const secret = field.kind === 'text' && field.secret !== undefined;
    if (secret ? withSecrets : !same(value, defaults[name])) changed[name] = value;
  }
  const state = Object.keys(changed).length === 0 ? '' : base64urlEncode(utf8Encode(JSON.stringify(changed)));
  return `${SHARE_PREFIX}${widget}.${state}`;
}

/** Reads a location's hash (with or without "#") as a shared state for the widget `widget` with `schema`. */
export function readShareFragment(hash: string, widget: string, schema: ShareSchema): ShareReading {
  const target = shareTarget(hash);
  if (target === undefined || target.widget !== widget) return { kind: 'none' };
  const refuse = (problem: string): ShareReading => ({ kind: 'refused', widget, problem });
  if (target.state.length > MAX_SHARE_CHARS) {
    return refuse(`its state is ${count(target.state.length)} characters long, more than the ${count(MAX_SHARE_CHARS)} a link to a widget may hold`);
  }
  if (target.state === '') return { kind: 'restore', widget, values: {} };

  let data: unknown;
  try {
    data = JSON.parse(utf8Decode(base64urlDecode(target.state, 'token'), 'token'));
  } catch {
    return refuse('its state is not base64url-encoded JSON; the link may have been cut short or changed');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse(`its state should be an object of settings, but it is ${describe(data)}`);
  }
  const values: Record<string, ShareValue> = {};
  for (const [name, value] of Object.entries(data)) {
    const field = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (field === undefined) return refuse(`"${shorten(name)}" is not a setting of this widget`);
    const problem = fieldProblem(field, value);
    if (problem !== undefined) return refuse(`"${name}" ${problem}`);
    values[name] = value as ShareValue;
  }
  return { kind: 'restore', widget, values };
}

/** The widget a hash names, and its encoded state; undefined for a hash that is not a shared state. */
export function shareTarget(hash: string): { widget: string; state: string } | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith(SHARE_PREFIX)) return undefined;
  const rest = fragment.slice(SHARE_PREFIX.length);
  const dot = rest.indexOf('.');
  return dot === -1 ? { widget: rest, state: '' } : { widget: rest.slice(0, dot), state: rest.slice(dot + 1) };
}

function fieldProblem(field: ShareField, value: unknown): string | undefined {
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') return `should be text, but it is ${describe(value)}`;
      if (value.length > field.max) return `is ${count(value.length)} characters long; a link may set at most ${count(field.max)}`;
      return undefined;
    case 'choice':
      return typeof value === 'string' && field.values.includes(value)
        ? undefined
        : `should be one of ${field.values.join(', ')}, but it is ${describe(value)}`;
    case 'integer':
      return Number.isSafeInteger(value) && (value as number) >= field.min && (value as number) <= field.max
        ? undefined
        : `should be a whole number from ${count(field.min)} to ${count(field.max)}, but it is ${describe(value)}`;
    case 'flag':
      return typeof value === 'boolean' ? undefined : `should be true or false, but it is ${describe(value)}`;
    case 'list':
      return Array.isArray(value) && value.every((v) => field.values.includes(v)) && new Set(value).size === value.length
        ? undefined
        : `should be a list of some of ${field.values.join(', ')}, each once, but it is ${describe(value)}`;
  }
}

function same(a: ShareValue | undefined, b: ShareValue | undefined): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `the list ${shorten(JSON.stringify(value))}`;
  if (typeof value === 'string') return `the text "${shorten(value)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

/** Names and values from a link are quoted in messages, never at length. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
