/**
 * A strict JSON parser (RFC 8259) for JWT headers and payloads. Unlike JSON.parse it refuses duplicate
 * member names, reports every error with a line, column and character, and warns about integers that
 * JavaScript cannot hold exactly. One pass over the text with charCodeAt; substrings only per token.
 */
import { codePointHex } from '../format';
import { codePointCount } from '../text';
import { JwtError, describeChar, type Where } from './errors';

export interface JsonWarning {
  kind: 'unsafe-integer';
  /** The number exactly as written, e.g. "12345678901234567890". */
  text: string;
  /** What JavaScript turns it into, e.g. "12345678901234567000" (String(Number(text))). */
  becomes: string;
  where: Where;
  message: string;
}

/** A top-level member; indices into the text, valueEnd exclusive. keyStart is the key's opening quote. */
export interface JsonMember {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

export interface ParsedObject {
  value: Record<string, unknown>;
  members: JsonMember[];
  warnings: JsonWarning[];
}

type JsonPart = 'header' | 'payload';

/** Deeper nesting is refused, so that recursion cannot overflow the stack. */
const MAX_DEPTH = 512;

const TAB = 0x09, LF = 0x0a, CR = 0x0d, SPACE = 0x20, QUOTE = 0x22, APOSTROPHE = 0x27, PLUS = 0x2b;
const COMMA = 0x2c, MINUS = 0x2d, DOT = 0x2e, SLASH = 0x2f, ZERO = 0x30, NINE = 0x39, COLON = 0x3a;
const OPEN_BRACKET = 0x5b, BACKSLASH = 0x5c, CLOSE_BRACKET = 0x5d, OPEN_BRACE = 0x7b, CLOSE_BRACE = 0x7d;
const STAR = 0x2a, LOWER_E = 0x65, UPPER_E = 0x45, LOWER_U = 0x75;

/** Escapes after a backslash (other than \u) and what they stand for, position by position. */
const ESCAPE_LETTERS = '"\\/bfnrt';
const ESCAPED_CHARS = '"\\/\b\f\n\r\t';

const VALUE_EXPECTED = 'a value (an object, array, string, number, true, false or null)';

/** Parses text that must be one JSON object; part is used in messages and Where.part. */
export function parseJsonObject(text: string, part: JsonPart): ParsedObject {
  return new Parser(text, part).parseDocument();
}

/**
 * Line and column (1-based) of a UTF-16 index in text. Lines split at \n; \r\n counts as one line break. The
 * column counts code points, as the learner sees them: an emoji before the place is one column, not two.
 */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === LF) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: codePointCount(text, lineStart, end) + index - end + 1 };
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isWhitespace(code: number): boolean {
  return code === SPACE || code === LF || code === CR || code === TAB;
}

/** Characters that look like whitespace (or are invisible) but that JSON does not accept as whitespace. */
function isForeignSpace(code: number): boolean {
  return (
    code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** How to write a control character inside a JSON string. */
function escapeFor(code: number): string {
  const short = ESCAPED_CHARS.indexOf(String.fromCharCode(code));
  // Positions 3 and on are \b \f \n \r \t; the first three (\" \\ \/) are not control characters.
  if (short >= 3) return '\\' + ESCAPE_LETTERS[short];
  return '\\u' + codePointHex(code);
}

/** Sets a member so that "__proto__" becomes an own property, as JSON.parse makes it, not the prototype. */
function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

class Parser {
  private readonly text: string;
  private readonly part: JsonPart;
  /** Index of the next character to read. */
  private i = 0;
  private depth = 0;
  /** The top-level member whose value is being read, to say where a nested duplicate is. */
  private topKey: string | undefined;
  private readonly warnings: JsonWarning[] = [];
  /** Where the last warning was, so that line numbers for warnings (which come in text order) cost one pass. */
  private readonly lineCursor = { index: 0, line: 1, lineStart: 0, column: 1 };

  constructor(text: string, part: JsonPart) {
    this.text = text;
    this.part = part;
  }

  parseDocument(): ParsedObject {
    const { text, part } = this;
    this.skipWhitespace();
    if (this.i >= text.length) {
      const what = text.length === 0 ? 'is empty' : 'contains only whitespace';
      throw new JwtError('ERR_JSON_INVALID', `The ${part} ${what}: a JSON object such as {} was expected.`, {
        where: this.where(0),
      });
    }
    if (text.charCodeAt(this.i) !== OPEN_BRACE) this.notAnObject();
    const members: JsonMember[] = [];
    const value = this.parseObject(members);
    this.skipWhitespace();
    if (this.i < text.length) {
      this.fail(
        this.i,
        `after the closing "}" there is more text, starting with ${this.describe(this.i)}; the ${part} must be exactly one JSON object.`,
      );
    }
    return { value, members, warnings: this.warnings };
  }

  private notAnObject(): never {
    const { text, i } = this;
    const code = text.charCodeAt(i);
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    let kind: string | undefined;
    if (code === OPEN_BRACKET) kind = 'an array';
    else if (code === QUOTE) kind = 'a string';
    else if (code === MINUS || isDigit(code)) kind = 'a number';
    else if (word !== undefined) kind = `the value ${word}`;
    else this.expected(i, 'a JSON object starting with "{"');
    throw new JwtError('ERR_JSON_INVALID', `The ${this.part} must be a JSON object ({ … }), but this is ${kind}.`, {
      where: this.where(i),
    });
  }

  private parseValue(): unknown {
    const code = this.text.charCodeAt(this.i);
    if (code === OPEN_BRACE) return this.parseObject();
    if (code === OPEN_BRACKET) return this.parseArray();
    if (code === QUOTE) return this.parseString();
    if (code === MINUS || isDigit(code)) return this.parseNumber();
    if (code === 0x74) return this.parseWord('true', true);
    if (code === 0x66) return this.parseWord('false', false);
    if (code === 0x6e) return this.parseWord('null', null);
    return this.badValue();
  }

  /** Explains the common mistakes where a value was expected, or falls back to a general message. */
  private badValue(): never {
    const { text, i } = this;
    const code = text.charCodeAt(i);
    const found = i < text.length ? this.describe(i) : '';
    if (code === APOSTROPHE) this.fail(i, `strings must be in double quotes in JSON; found ${found}.`);
    if (code === PLUS) this.fail(i, `a JSON number may not start with "+"; found ${found}.`);
    if (code === DOT) this.fail(i, `a JSON number must start with a digit (0.5, not .5); found ${found}.`);
    if (text.startsWith('NaN', i) || text.startsWith('Infinity', i)) {
      this.fail(i, `found ${found}: NaN and Infinity are not JSON values.`);
    }
    return this.expected(i, VALUE_EXPECTED);
  }

  private parseObject(members?: JsonMember[]): Record<string, unknown> {
    this.enter();
    const object: Record<string, unknown> = {};
    const seen = new Map<string, number>(); // key -> index of its opening quote
    this.i++; // "{"
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === CLOSE_BRACE) return this.leave(object);
    for (let first = true; ; first = false) {
      const keyStart = this.i;
      const key = this.parseKey(first ? 'a member name in double quotes, or "}"' : 'a member name in double quotes');
      const earlier = seen.get(key);
      if (earlier !== undefined) this.duplicate(key, earlier, keyStart);
      seen.set(key, keyStart);
      this.skipWhitespace();
      if (this.text.charCodeAt(this.i) !== COLON) this.expected(this.i, '":" after the member name');
      this.i++;
      this.skipWhitespace();
      const valueStart = this.i;
      if (this.depth === 1) this.topKey = key;
      setMember(object, key, this.parseValue());
      members?.push({ key, keyStart, valueStart, valueEnd: this.i });
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.i);
      if (code === CLOSE_BRACE) return this.leave(object);
      if (code !== COMMA) this.expected(this.i, '"," or "}" after a member');
      this.afterComma(CLOSE_BRACE);
    }
  }

  private parseArray(): unknown[] {
    this.enter();
    const array: unknown[] = [];
    this.i++; // "["
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === CLOSE_BRACKET) return this.leave(array);
    for (;;) {
      array.push(this.parseValue());
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.i);
      if (code === CLOSE_BRACKET) return this.leave(array);
      if (code !== COMMA) this.expected(this.i, '"," or "]" after an element');
      this.afterComma(CLOSE_BRACKET);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail(this.i, `objects and arrays are nested more than ${MAX_DEPTH} levels deep here, which this parser refuses.`);
    }
  }

  /** Steps past the closing bracket of the object or array being parsed. */
  private leave<T>(value: T): T {
    this.depth--;
    this.i++;
    return value;
  }

  /** Steps past a comma and the whitespace after it, refusing a trailing comma. */
  private afterComma(close: number): void {
    const comma = this.i;
    this.i++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.i) === close) {
      this.fail(comma, `a trailing comma before "${String.fromCharCode(close)}" is not allowed in JSON.`);
    }
  }

  private parseKey(expected: string): string {
    const { text, i } = this;
    const code = text.charCodeAt(i);
    if (code === QUOTE) return this.parseString();
    // Single quotes and bare words (JavaScript object literal habits) get a specific hint.
    if (code === APOSTROPHE || code === 0x24 || code === 0x5f || isDigit(code) || /\p{L}/u.test(text[i] ?? '')) {
      this.fail(i, `member names must be in double quotes; found ${this.describe(i)}.`);
    }
    return this.expected(i, expected);
  }

  private duplicate(key: string, first: number, second: number): never {
    const a = lineColumn(this.text, first);
    const b = lineColumn(this.text, second);
    const within = this.depth > 1 ? this.topKey : undefined;
    const inside = within === undefined ? '' : ` inside ${JSON.stringify(within)}`;
    throw new JwtError(
      'ERR_JSON_INVALID',
      `The ${this.part} has the member ${JSON.stringify(key)} twice${inside}: at line ${a.line}, column ${a.column} and again at line ${b.line}, column ${b.column}. ` +
        'JSON.parse would silently keep the last one; a careful verifier refuses the token.',
      { where: this.where(second), related: this.where(first), member: key, ...(within === undefined ? {} : { within }) },
    );
  }

  /** Reads a string starting at its opening quote; copies whole runs between escapes, not single characters. */
  private parseString(): string {
    const text = this.text;
    const open = this.i;
    let i = open + 1;
    let runStart = i;
    let out = '';
    for (;;) {
      if (i >= text.length) this.unterminated(open);
      const code = text.charCodeAt(i);
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        out += text.slice(runStart, i) + this.parseEscape(i, open);
        i += text.charCodeAt(i + 1) === LOWER_U ? 6 : 2;
        runStart = i;
      } else if (code < 0x20) {
        this.fail(i, `${describeChar(text[i]!)} cannot appear as it is inside a string; write it as ${escapeFor(code)}.`);
      } else {
        i++;
      }
    }
    this.i = i + 1;
    return out + text.slice(runStart, i);
  }

  /** Decodes the escape whose backslash is at index i. */
  private parseEscape(i: number, open: number): string {
    const text = this.text;
    if (i + 1 >= text.length) this.unterminated(open);
    if (text.charCodeAt(i + 1) === LOWER_U) return this.parseUnicodeEscape(i, open);
    const short = ESCAPE_LETTERS.indexOf(text[i + 1]!);
    if (short === -1) {
      this.fail(
        i + 1,
        `found ${this.describe(i + 1)} after a backslash; the escapes JSON allows are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.`,
      );
    }
    return ESCAPED_CHARS[short]!;
  }

  /** \uXXXX gives one UTF-16 code unit; a pair of them joins into one character when the halves meet in `out`. */
  private parseUnicodeEscape(i: number, open: number): string {
    let unit = 0;
    for (let k = i + 2; k < i + 6; k++) {
      if (k >= this.text.length) this.unterminated(open);
      const digit = hexValue(this.text.charCodeAt(k));
      if (digit === -1) this.expected(k, 'four hex digits (0–9, a–f) after \\u');
      unit = unit * 16 + digit;
    }
    return String.fromCharCode(unit);
  }

  private unterminated(open: number): never {
    return this.fail(open, 'the string that starts here is never closed: the text ends before its closing quote (").');
  }

  private parseNumber(): number {
    const text = this.text;
    const start = this.i;
    let i = start;
    if (text.charCodeAt(i) === MINUS) i++;
    if (text.charCodeAt(i) === ZERO) {
      i++;
      if (isDigit(text.charCodeAt(i))) {
        this.fail(i, `found ${this.describe(i)} after a leading 0; JSON numbers may not have leading zeros.`);
      }
    } else if (isDigit(text.charCodeAt(i))) {
      i = this.skipDigits(i);
    } else if (text.startsWith('Infinity', i)) {
      this.fail(start, `found ${this.describe(start)} followed by Infinity: NaN and Infinity are not JSON values.`);
    } else {
      this.expected(i, 'a digit after "-"');
    }
    let integer = true;
    if (text.charCodeAt(i) === DOT) {
      integer = false;
      if (!isDigit(text.charCodeAt(++i))) this.expected(i, 'a digit after the decimal point');
      i = this.skipDigits(i);
    }
    const e = text.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      integer = false;
      const sign = text.charCodeAt(++i);
      if (sign === PLUS || sign === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) this.expected(i, 'a digit in the exponent');
      i = this.skipDigits(i);
    }
    this.i = i;
    const written = text.slice(start, i);
    const value = Number(written);
    if (integer && Math.abs(value) > Number.MAX_SAFE_INTEGER) this.warnUnsafe(written, value, start);
    return value;
  }

  private skipDigits(i: number): number {
    while (isDigit(this.text.charCodeAt(i))) i++;
    return i;
  }

  private warnUnsafe(written: string, value: number, index: number): void {
    const where = this.warningWhere(index);
    const becomes = String(value);
    this.warnings.push({
      kind: 'unsafe-integer',
      text: written,
      becomes,
      where,
      message:
        `The number ${written} at line ${where.line}, column ${where.column} of the ${this.part} is larger in size than 2^53 − 1, ` +
        `the largest integer JavaScript holds exactly; JavaScript reads it as ${becomes}.`,
    });
  }

  private parseWord<T>(word: string, value: T): T {
    for (let k = 0; k < word.length; k++) {
      if (this.text.charCodeAt(this.i + k) !== word.charCodeAt(k)) this.expected(this.i + k, `the word ${word}`);
    }
    this.i += word.length;
    return value;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.i;
    while (isWhitespace(text.charCodeAt(i))) i++;
    this.i = i;
  }

  /** Fails with "expected …, but found …", with hints for comments and look-alike spaces. */
  private expected(i: number, what: string): never {
    const text = this.text;
    if (i >= text.length) this.fail(i, `the text ends here, but ${what} was expected.`);
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code === SLASH && (next === SLASH || next === STAR)) {
      this.fail(i, `expected ${what}, but found a comment; comments are not allowed in JSON.`);
    }
    const found = this.describe(i);
    if (isForeignSpace(code)) {
      this.fail(
        i,
        `expected ${what}, but found ${found}, which JSON does not accept as whitespace (only space, tab, line break and carriage return).`,
      );
    }
    return this.fail(i, `expected ${what}, but found ${found}.`);
  }

  private fail(index: number, message: string): never {
    const where = this.where(index);
    throw new JwtError('ERR_JSON_INVALID', `Line ${where.line}, column ${where.column} of the ${this.part}: ${message}`, {
      where,
    });
  }

  /** The whole character at index i (both halves of a surrogate pair), or undefined past the end. */
  private charAt(i: number): string | undefined {
    const code = this.text.codePointAt(i);
    return code === undefined ? undefined : String.fromCodePoint(code);
  }

  private describe(i: number): string {
    return describeChar(this.charAt(i) ?? '');
  }

  private where(index: number): Where {
    const where: Where = { part: this.part, index, ...lineColumn(this.text, index) };
    const char = this.charAt(index);
    if (char !== undefined) where.char = char;
    return where;
  }

  /** Like where(), but counts lines and columns on from the previous warning instead of from the start. */
  private warningWhere(index: number): Where {
    const cursor = this.lineCursor;
    for (let k = cursor.index; k < index; k++) {
      if (this.text.charCodeAt(k) === LF) {
        cursor.line++;
        cursor.lineStart = k + 1;
        cursor.column = 1;
      }
    }
    const from = Math.max(cursor.index, cursor.lineStart);
    cursor.column += codePointCount(this.text, from, index);
    cursor.index = index;
    return { part: this.part, index, line: cursor.line, column: cursor.column, char: this.charAt(index) };
  }
}
