/**
 * The claims inspector's reading of a payload: each claim in the order written, with its kind (registered,
 * public, private), the type a registered claim must have and the check a careful server runs on it, its
 * NumericDate as dates against a clock the caller passes, and warnings at the claim (wrong type, milliseconds,
 * numbers JavaScript cannot hold, personal data, a name written twice). Parsing is the core's strict
 * parseJsonObject, so a bad payload gets the core's message with its line, column and character. No DOM.
 */
import { base64urlEncode, isJwtError, lineColumn, parseJsonObject, utf8Encode, type JwtError, type Where } from './jwt';
import { NUMERIC_DATE_CLAIMS, classifyClaim, type ClaimName } from './claim-names';

export interface Place {
  readonly line: number;
  readonly column: number;
}

export interface ClaimNote {
  /** A warning is a problem; a note is worth knowing. */
  readonly level: 'warning' | 'note';
  readonly text: string;
  readonly at?: Place;
}

export interface DateView {
  /** As RFC 3339 in UTC, e.g. 2030-03-17T17:46:40Z. */
  readonly utc: string;
  /** In the reader's time zone and language. */
  readonly local: string;
  /** Against the clock: "in 3 days", "2 years ago". */
  readonly relative: string;
}

export interface ClaimView {
  readonly name: string;
  /** The value as compact JSON. */
  readonly json: string;
  readonly kind: ClaimName;
  /** What the claim adds to the payload written compactly: "name":value and its comma. */
  readonly bytes: number;
  readonly at?: Place;
  readonly date?: DateView;
  readonly notes: readonly ClaimNote[];
}

export interface PayloadSize {
  /** The payload exactly as typed: its UTF-8 bytes and base64url characters in the token. */
  readonly bytes: number;
  readonly base64url: number;
  /** Written without spaces or line breaks. */
  readonly compactBytes: number;
  readonly compactBase64url: number;
}

export interface DuplicateName {
  readonly name: string;
  /** The claim it is written twice in: the name itself at the top level, or the claim whose object holds it. */
  readonly claim: string;
  readonly first: Place;
  readonly second: Place;
  /** The core's message, naming both places. */
  readonly message: string;
}

export type Inspection =
  | { readonly kind: 'invalid'; readonly message: string; readonly where?: Where }
  | {
      readonly kind: 'claims';
      readonly claims: readonly ClaimView[];
      readonly size: PayloadSize;
      /** A name written twice: the claims are then JSON.parse's reading, the last value kept. */
      readonly duplicate?: DuplicateName;
    };

export interface InspectOptions {
  /** The clock relative dates are measured against. */
  readonly now: Date;
  /** For the local date and the relative time; the reader's own by default. */
  readonly locale?: string;
  readonly timeZone?: string;
}

/**
 * A NumericDate in UTC as the core's isoDate writes it (2030-03-17T17:46:40Z). Not isoDate itself: it lives with
 * the claim checks in the verifier's file, 11 KB gzip this page has no other use for.
 */
export function isoDate(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} (not a representable date)` : date.toISOString().replace('.000Z', 'Z');
}

/** From here a NumericDate in seconds names a year after 5000: far more likely milliseconds. */
export const MILLISECONDS_FROM = 100_000_000_000;

const PERSONAL_NAMES = new Set(['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'email', 'phone_number', 'address', 'birthdate']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An international number (+ and at least 7 digits), or digits in groups with separators such as 555-0100. */
const PHONE = /^(\+[\d\s().-]{7,}|\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4})$/;

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "in 3 days", "2 years ago": the largest unit of which there is at least one, rounded. */
export function relativeTime(seconds: number, now: Date, locale?: string): string {
  const diff = seconds - now.getTime() / 1000;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? UNITS[UNITS.length - 1]!;
  // Halves round away from now, the same both ways (Math.round would make -1.5 hours "1 hour ago").
  const amount = Math.sign(diff) * Math.round(Math.abs(diff) / size);
  return new Intl.RelativeTimeFormat(locale ?? 'en', { numeric: 'auto' }).format(amount, unit);
}

/** The dates of a NumericDate, or undefined when no Date can hold it. */
export function dateView(seconds: number, options: InspectOptions): DateView | undefined {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  const local = new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'long', timeZone: options.timeZone }).format(date);
  return { utc: isoDate(seconds), local, relative: relativeTime(seconds, options.now, options.locale) };
}

function yearOf(seconds: number): string {
  const year = new Date(seconds * 1000).getUTCFullYear();
  return Number.isNaN(year) ? 'beyond any year a date can hold' : `the year ${year.toLocaleString('en')}`;
}

/** What is wrong or worth a word about a NumericDate: a string, milliseconds, a negative or fractional number. */
export function numericDateNotes(value: unknown): ClaimNote[] {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return [{ level: 'warning', text: `This is a string, "${value}": a NumericDate is a JSON number. Write ${value.trim()} without the quotes; a careful verifier refuses the token as it is.` }];
  }
  if (typeof value !== 'number') {
    return [{ level: 'warning', text: `A NumericDate must be a JSON number of seconds, but this is ${typeName(value)}; a careful verifier refuses the token.` }];
  }
  const notes: ClaimNote[] = [];
  if (Math.abs(value) >= MILLISECONDS_FROM) {
    notes.push({
      level: 'warning',
      text: `This reads as ${yearOf(value)}: it looks like milliseconds, and a NumericDate counts seconds. As milliseconds it would be ${isoDate(Math.floor(value / 1000))}.`,
    });
  }
  if (value < 0) notes.push({ level: 'warning', text: 'A negative NumericDate is a moment before 1 January 1970.' });
  if (!Number.isInteger(value)) notes.push({ level: 'note', text: `Fractional seconds are allowed, but most libraries write whole seconds (and some round this to ${Math.floor(value)}).` });
  return notes;
}

/** Dates that contradict each other: a token dead before it was issued, or never valid. */
function orderNotes(name: string, payload: Record<string, unknown>): ClaimNote[] {
  const exp = payload.exp;
  if (name !== 'exp' || typeof exp !== 'number') return [];
  const notes: ClaimNote[] = [];
  for (const other of ['iat', 'nbf'] as const) {
    const value = payload[other];
    if (typeof value === 'number' && exp <= value) {
      notes.push({
        level: 'warning',
        text: other === 'iat'
          ? `exp is not after iat (${isoDate(value)}): the token had expired when it was issued.`
          : `exp is not after nbf (${isoDate(value)}): there is no moment at which this token is valid.`,
      });
    }
  }
  return notes;
}

function clockNotes(name: string, value: unknown, now: Date): ClaimNote[] {
  if (typeof value !== 'number' || Math.abs(value) >= MILLISECONDS_FROM) return [];
  const nowSeconds = now.getTime() / 1000;
  if (name === 'exp' && value <= nowSeconds) return [{ level: 'note', text: 'Expired by your clock: a server would refuse this token now.' }];
  if (name === 'nbf' && value > nowSeconds) return [{ level: 'note', text: 'Not valid yet by your clock: a server would refuse this token until then.' }];
  return [];
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  return `the value ${String(value)}`;
}

function typeNotes(name: string, value: unknown): ClaimNote[] {
  if (name === 'aud') {
    if (typeof value === 'string') return [{ level: 'note', text: 'One audience, as a string; a list of strings is just as valid.' }];
    if (Array.isArray(value)) {
      if (value.length === 0) return [{ level: 'warning', text: 'An empty list names no audience, so no server will find its own name in it.' }];
      const bad = value.findIndex((v) => typeof v !== 'string');
      if (bad !== -1) return [{ level: 'warning', text: `Item ${bad + 1} of the list is ${typeName(value[bad])}; every audience must be a string.` }];
      return [{ level: 'note', text: `A list of ${value.length} audiences: a server accepts the token if its own name is one of them. A single string is just as valid.` }];
    }
    return [{ level: 'warning', text: `aud must be a string or a list of strings, but this is ${typeName(value)}; a careful verifier refuses the token.` }];
  }
  if (typeof value !== 'string') {
    return [{ level: 'warning', text: `${name} must be a string, but this is ${typeName(value)}; a careful verifier refuses the token.` }];
  }
  return [];
}

/** Strings anywhere in a value, with the path to each ("address.street"). */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

const PUBLIC_NOTE = 'anyone holding the token can base64url-decode this; a signature hides nothing.';

function personalNotes(name: string, value: unknown): ClaimNote[] {
  if (PERSONAL_NAMES.has(name)) return [{ level: 'warning', text: `Personal data: ${PUBLIC_NOTE}` }];
  const found = strings(value, name).find(([, s]) => EMAIL.test(s.trim()) || PHONE.test(s.trim()));
  if (found === undefined) return [];
  const [path, text] = found;
  const what = EMAIL.test(text.trim()) ? 'an e-mail address' : 'a telephone number';
  return [{ level: 'warning', text: `${path === name ? 'This' : path} looks like ${what}, which is personal data: ${PUBLIC_NOTE}` }];
}

function placeOf(where: Where | undefined): Place | undefined {
  return where?.line !== undefined && where.column !== undefined ? { line: where.line, column: where.column } : undefined;
}

function sizeOf(text: string, value: Record<string, unknown>): PayloadSize {
  const bytes = utf8Encode(text);
  const compact = utf8Encode(JSON.stringify(value));
  return { bytes: bytes.length, base64url: base64urlEncode(bytes).length, compactBytes: compact.length, compactBase64url: base64urlEncode(compact).length };
}

function claimView(name: string, value: unknown, payload: Record<string, unknown>, options: InspectOptions, at?: Place): ClaimView {
  const kind = classifyClaim(name);
  const json = JSON.stringify(value) ?? 'null';
  const notes: ClaimNote[] = [];
  let date: DateView | undefined;
  if (NUMERIC_DATE_CLAIMS.includes(name)) {
    notes.push(...numericDateNotes(value), ...orderNotes(name, payload), ...clockNotes(name, value, options.now));
    if (typeof value === 'number') date = dateView(value, options);
  } else if (kind.kind === 'registered') {
    notes.push(...typeNotes(name, value));
  }
  notes.push(...personalNotes(name, value));
  const bytes = utf8Encode(`${JSON.stringify(name)}:${json},`).length;
  return { name, json, kind, bytes, notes, ...(at ? { at } : {}), ...(date ? { date } : {}) };
}

/** The duplicate the core refused, read again with JSON.parse (which keeps the last value) to show the rest. */
function withDuplicate(text: string, error: JwtError, options: InspectOptions): Inspection {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { kind: 'invalid', message: error.message, ...(error.where ? { where: error.where } : {}) };
  }
  // JSON.parse has already rounded any number too large to hold: say so at its claim, without the text's digits.
  const claims = Object.entries(payload as Record<string, unknown>).map(([k, v]) => {
    const view = claimView(k, v, payload as Record<string, unknown>, options);
    if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) <= Number.MAX_SAFE_INTEGER) return view;
    const rounded: ClaimNote = { level: 'warning', text: `This number is larger than 2^53 − 1, the largest integer JavaScript holds exactly: JSON.parse reads it as ${String(v)}, which may not be what was written.` };
    return { ...view, notes: [rounded, ...view.notes] };
  });
  return {
    kind: 'claims',
    claims,
    size: sizeOf(text, payload as Record<string, unknown>),
    duplicate: { name: error.member ?? '', claim: error.within ?? error.member ?? '', first: placeOf(error.related)!, second: placeOf(error.where)!, message: error.message },
  };
}

export function inspectClaims(text: string, options: InspectOptions): Inspection {
  let parsed;
  try {
    parsed = parseJsonObject(text, 'payload');
  } catch (error) {
    if (!isJwtError(error)) throw error;
    if (error.related !== undefined) return withDuplicate(text, error, options);
    return { kind: 'invalid', message: error.message, ...(error.where ? { where: error.where } : {}) };
  }
  const { value, members, warnings } = parsed;
  const claims = members.map((member) => {
    const view = claimView(member.key, value[member.key], value, options, lineColumn(text, member.keyStart));
    const unsafe = warnings.filter((w) => w.where.index !== undefined && w.where.index >= member.valueStart && w.where.index < member.valueEnd);
    if (unsafe.length === 0) return view;
    return {
      ...view,
      notes: [...unsafe.map((w): ClaimNote => ({ level: 'warning', text: w.message, ...(placeOf(w.where) ? { at: placeOf(w.where)! } : {}) })), ...view.notes],
    };
  });
  return { kind: 'claims', claims, size: sizeOf(text, value) };
}

export interface Excerpt {
  readonly before: string;
  /** The character at the place, or '' at the end of the line or text. */
  readonly at: string;
  readonly after: string;
}

/** Up to `room` characters either side of a line and column (counted in code points, as lineColumn counts). */
export function excerptAt(text: string, place: Place, room = 30): Excerpt {
  const line = [...(text.split('\n')[place.line - 1] ?? '').replace(/\r$/, '')];
  const i = place.column - 1;
  const start = Math.max(0, i - room);
  return {
    before: (start > 0 ? '…' : '') + line.slice(start, i).join(''),
    at: line[i] ?? '',
    after: line.slice(i + 1, i + 1 + room).join('') + (i + 1 + room < line.length ? '…' : ''),
  };
}
