/**
 * How numbers, counts, bytes, bits and times are written on every page: one place, so they read the same
 * everywhere. Pure functions of their arguments.
 */

const NUMBER = new Intl.NumberFormat('en-US');

/** 1234 → "1,234": counts of a 64 KB input stay readable. */
export function count(n: number): string {
  return n < 1000 ? String(n) : NUMBER.format(n);
}

/** A measured quantity to the nearest whole number: 1234567.8 → "1,234,568". */
export function wholeNumber(n: number): string {
  return count(Math.round(n));
}

/** "1 byte", "2 bytes", "1,024 bytes". */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : words}`;
}

/** "12 bytes (96 bits)": a key or secret size both ways. */
export function bytesAndBits(n: number): string {
  return `${plural(n, 'byte')} (${n * 8} bits)`;
}

/** A byte as two hex digits: 0x0a → "0a" (or "0A"). */
export function hexByte(b: number, upper = false): string {
  const hex = b.toString(16).padStart(2, '0');
  return upper ? hex.toUpperCase() : hex;
}

/** The first `shown` bytes in hex, "…" when there are more: "4a 65 66 65", "65 79 4a 68 62 47 63 69 …". */
export function hexPreview(bytes: Uint8Array, shown = 8): string {
  const head = Array.from(bytes.subarray(0, shown), (b) => hexByte(b)).join(' ');
  return bytes.length > shown ? `${head} …` : head;
}

/** A code point's hex digits as Unicode writes them: at least four, upper case ("00EB"). */
export function codePointHex(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

/** "U+00EB". */
export function codePointLabel(cp: number): string {
  return `U+${codePointHex(cp)}`;
}

/** `value` as `width` binary digits, most significant first. */
export function bitString(value: number, width: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
    throw new RangeError(`${value} does not fit in ${width} bits`);
  }
  return value.toString(2).padStart(width, '0');
}

/** A byte's bits in two nibbles: 0x73 → "0111 0011". */
export function byteBits(b: number): string {
  const s = bitString(b, 8);
  return `${s.slice(0, 4)} ${s.slice(4)}`;
}

/** The number of bits of a big-endian unsigned number, leading zeros not counted. */
export function bitLength(bytes: Uint8Array): number {
  const first = bytes.findIndex((b) => b !== 0);
  if (first === -1) return 0;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first]!));
}

/** Numbers up to this many bits (a key's e, a version) are shown in decimal; larger ones by their size and bytes. */
export const SMALL_BITS = 32;

/** A big number in hex (upper case, no leading zeros) and its size in bits. */
export function bigHex(n: bigint): { hex: string; bits: number } {
  return { hex: n.toString(16).toUpperCase(), bits: n === 0n ? 0 : n.toString(2).length };
}

/** A duration as a learner reads it: milliseconds under a second (a fast run is not "0.00 s"). */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A span of whole seconds in its largest unit and the next one down: 3600 → "1 hour", 5400 → "1 hour 30 minutes". */
export function timeSpan(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [size, word] of units) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(plural(n, word));
    else if (parts.length > 0) break;
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}

/** A moment in one time zone, read with Intl: its date and time (24-hour clock), the zone's name and its offset from UTC. */
export interface ZonedDate {
  /** 2026-03-11 14:30:00 */
  text: string;
  /** The IANA name, such as Asia/Kolkata. */
  zone: string;
  /** UTC+05:30; UTC+00:00 for none. */
  offset: string;
}

/** NumericDate seconds in a time zone (by default the browser's), or undefined when no Date can hold them. */
export function zonedDate(seconds: number, timeZone?: string): ZonedDate | undefined {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'longOffset',
  });
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT$/, 'GMT+00:00').replace(/^GMT/, 'UTC');
  return {
    text: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`,
    zone: format.resolvedOptions().timeZone,
    offset,
  };
}
