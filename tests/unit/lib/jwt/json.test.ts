import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lineColumn, parseJsonObject } from '../../../../src/lib/jwt/json';
import { JwtError } from '../../../../src/lib/jwt/errors';

/** Parses text that must fail and returns the JwtError. */
function errorOf(text: string, part: 'header' | 'payload' = 'payload'): JwtError {
  try {
    parseJsonObject(text, part);
  } catch (error) {
    expect(error).toBeInstanceOf(JwtError);
    const jwtError = error as JwtError;
    expect(jwtError.code).toBe('ERR_JSON_INVALID');
    expect(jwtError.where?.part).toBe(part);
    return jwtError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

/** Whether JSON.parse accepts text as an object (not an array or other value). */
function jsonParses(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

describe('parseJsonObject: values equal JSON.parse', () => {
  const documents = [
    '{}',
    ' \t\r\n{ }\n',
    '{"typ":"JWT",\r\n "alg":"HS256"}',
    '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}',
    '{"":1,"a b":2}',
    '{"name":"Zoë 日本語 😀","é":"ü","\u2028":"line separator is fine inside strings"}',
    '{"s":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\\ud83d\\ude00"}',
    '{"lone":"\\ud800x\\udc00","reversed":"\\udc00\\ud800"}',
    '{"n":[0,-0,1,-1,1.5,-1.5e-3,1E10,1e+2,2.5E-2,0.1,123456789,1e400,-1e400,1e-400]}',
    '{"a":{"b":[1,{"c":[[],{}]}],"d":null,"e":true,"f":false}}',
    ' \t\r\n{ \t"a" \n: \r[ 1 , 2 ] , "b":{ } , "c" : "" }\n',
    '{"a":[{"k":1},{"k":2}],"b":{"a":{"a":1}}}',
    '{"__proto__":{"x":1},"constructor":2,"toString":3,"hasOwnProperty":4}',
  ];

  for (const text of documents) {
    it(`parses ${JSON.stringify(text)}`, () => {
      const { value, warnings } = parseJsonObject(text, 'payload');
      expect(value).toStrictEqual(JSON.parse(text));
      expect(warnings).toEqual([]);
    });
  }

  it('keeps negative zero', () => {
    const { value } = parseJsonObject('{"z":-0,"y":-0.0,"x":0}', 'payload');
    expect(Object.is(value.z, -0)).toBe(true);
    expect(Object.is(value.y, -0)).toBe(true);
    expect(Object.is(value.x, 0)).toBe(true);
  });

  it('makes "__proto__" an own property, not the prototype, at any depth', () => {
    const { value } = parseJsonObject('{"__proto__":{"admin":true},"n":{"__proto__":[1]}}', 'payload');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect((value as { admin?: unknown }).admin).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__', 'n']);
    const nested = value.n as Record<string, unknown>;
    expect(Object.hasOwn(nested, '__proto__')).toBe(true);
    expect(Array.isArray(Object.getPrototypeOf(nested))).toBe(false);
    expect(value).toStrictEqual(JSON.parse('{"__proto__":{"admin":true},"n":{"__proto__":[1]}}'));
  });

  it('matches JSON.parse for any object JSON.stringify writes (property)', () => {
    const indent = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 4 }), fc.constantFrom('\t', ' \t'));
    const key = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('__proto__', 'constructor'));
    const object = fc.dictionary(key, fc.jsonValue({ stringUnit: 'binary' }));
    fc.assert(
      fc.property(object, indent, (obj, space) => {
        const text = JSON.stringify(obj, null, space);
        const { value } = parseJsonObject(text, 'payload');
        // toEqual, not toStrictEqual: the latter compares .constructor, which a member named "constructor" overrides.
        expect(value).toEqual(JSON.parse(text));
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on mangled text, refusing more only for duplicate names (property)', () => {
    const mutated = fc
      .tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.nat(), fc.nat(3), fc.string({ maxLength: 2 }))
      .map(([obj, at, cut, insert]) => {
        const text = JSON.stringify(obj, null, 1);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let ours: unknown;
        try {
          ours = parseJsonObject(text, 'payload').value;
        } catch (error) {
          expect(error).toBeInstanceOf(JwtError);
          if (jsonParses(text)) expect((error as JwtError).message).toContain('twice');
          return;
        }
        expect(ours).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseJsonObject: errors name the place and what was expected', () => {
  it('a missing comma', () => {
    const error = errorOf('{"a":1 "b":2}');
    expect(error.message).toBe(
      'Line 1, column 8 of the payload: expected "," or "}" after a member, but found a double quote (U+0022).',
    );
    expect(error.where).toEqual({ part: 'payload', index: 7, line: 1, column: 8, char: '"' });
  });

  it('a missing comma between elements', () => {
    const error = errorOf('{"a":[1 2]}');
    expect(error.message).toBe(
      'Line 1, column 9 of the payload: expected "," or "]" after an element, but found "2" (U+0032).',
    );
    expect(error.where?.index).toBe(8);
  });

  it('a trailing comma, pointing at the comma', () => {
    const error = errorOf('{"typ":"JWT",\n  }', 'header');
    expect(error.message).toBe('Line 1, column 13 of the header: a trailing comma before "}" is not allowed in JSON.');
    expect(error.where).toEqual({ part: 'header', index: 12, line: 1, column: 13, char: ',' });

    const inArray = errorOf('{\n "a":[1,\n ]}');
    expect(inArray.message).toBe('Line 2, column 8 of the payload: a trailing comma before "]" is not allowed in JSON.');
    expect(inArray.where?.index).toBe(9);
  });

  it('member names in single quotes or without quotes', () => {
    const single = errorOf("{'a':1}");
    expect(single.message).toBe(
      `Line 1, column 2 of the payload: member names must be in double quotes; found "'" (U+0027).`,
    );
    expect(single.where).toEqual({ part: 'payload', index: 1, line: 1, column: 2, char: "'" });

    const bare = errorOf('{"b":1, a:1}');
    expect(bare.message).toBe('Line 1, column 9 of the payload: member names must be in double quotes; found "a" (U+0061).');
    expect(bare.where?.index).toBe(8);
  });

  it('a string value in single quotes', () => {
    const error = errorOf("{\"a\":'x'}");
    expect(error.message).toBe(`Line 1, column 6 of the payload: strings must be in double quotes in JSON; found "'" (U+0027).`);
  });

  it('an unterminated string, at its opening quote', () => {
    const error = errorOf('{"a":"abc');
    expect(error.message).toBe(
      'Line 1, column 6 of the payload: the string that starts here is never closed: the text ends before its closing quote (").',
    );
    expect(error.where).toEqual({ part: 'payload', index: 5, line: 1, column: 6, char: '"' });
    expect(errorOf('{"a":"abc\\').where?.index).toBe(5);
    expect(errorOf('{"a":"\\u00').where?.index).toBe(5);
    expect(errorOf('{"abc').where?.index).toBe(1);
  });

  it('raw control characters inside strings', () => {
    const tab = errorOf('{\n  "a": "x\ty"\n}');
    expect(tab.message).toBe(
      'Line 2, column 10 of the payload: a tab (U+0009) cannot appear as it is inside a string; write it as \\t.',
    );
    expect(tab.where).toEqual({ part: 'payload', index: 11, line: 2, column: 10, char: '\t' });

    const newline = errorOf('{"a":"x\ny"}');
    expect(newline.message).toContain('a line break (U+000A) cannot appear as it is inside a string; write it as \\n.');
    expect(newline.where?.index).toBe(7);

    const control = errorOf('{"a":"\u0001"}');
    expect(control.message).toBe(
      'Line 1, column 7 of the payload: the control character U+0001 cannot appear as it is inside a string; write it as \\u0001.',
    );
    expect(errorOf('{"\u001f":1}').where?.index).toBe(2);
  });

  it('a bad escape', () => {
    const error = errorOf('{"a":"\\x"}');
    expect(error.message).toBe(
      'Line 1, column 8 of the payload: found "x" (U+0078) after a backslash; the escapes JSON allows are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.',
    );
    expect(error.where).toEqual({ part: 'payload', index: 7, line: 1, column: 8, char: 'x' });
    expect(errorOf("{\"a\":\"\\'\"}").where?.index).toBe(7);
  });

  it('a bad \\u escape', () => {
    const error = errorOf('{"a":"\\u12G4"}');
    expect(error.message).toBe(
      'Line 1, column 11 of the payload: expected four hex digits (0–9, a–f) after \\u, but found "G" (U+0047).',
    );
    expect(error.where?.index).toBe(10);
    expect(errorOf('{"a":"\\u12"}').where).toEqual({ part: 'payload', index: 10, line: 1, column: 11, char: '"' });
  });

  it('numbers JSON does not allow', () => {
    const cases: [string, number, string][] = [
      ['{"a":01}', 6, 'found "1" (U+0031) after a leading 0; JSON numbers may not have leading zeros.'],
      ['{"a":-00}', 7, 'found "0" (U+0030) after a leading 0; JSON numbers may not have leading zeros.'],
      ['{"a":+1}', 5, 'a JSON number may not start with "+"; found "+" (U+002B).'],
      ['{"a":.5}', 5, 'a JSON number must start with a digit (0.5, not .5); found "." (U+002E).'],
      ['{"a":1.}', 7, 'expected a digit after the decimal point, but found "}" (U+007D).'],
      ['{"a":1.e5}', 7, 'expected a digit after the decimal point, but found "e" (U+0065).'],
      ['{"a":1e}', 7, 'expected a digit in the exponent, but found "}" (U+007D).'],
      ['{"a":1e+}', 8, 'expected a digit in the exponent, but found "}" (U+007D).'],
      ['{"a":-}', 6, 'expected a digit after "-", but found "}" (U+007D).'],
      ['{"a":-', 6, 'the text ends here, but a digit after "-" was expected.'],
      ['{"a":NaN}', 5, 'found "N" (U+004E): NaN and Infinity are not JSON values.'],
      ['{"a":Infinity}', 5, 'found "I" (U+0049): NaN and Infinity are not JSON values.'],
      ['{"a":-Infinity}', 5, 'found "-" (U+002D) followed by Infinity: NaN and Infinity are not JSON values.'],
    ];
    for (const [text, index, message] of cases) {
      const error = errorOf(text);
      expect(error.message).toBe(`Line 1, column ${index + 1} of the payload: ${message}`);
      expect(error.where?.index).toBe(index);
    }
  });

  it('misspelled or missing values', () => {
    const word = errorOf('{"a":tru}');
    expect(word.message).toBe('Line 1, column 9 of the payload: expected the word true, but found "}" (U+007D).');
    expect(word.where?.index).toBe(8);
    expect(errorOf('{"a":nul').message).toBe(
      'Line 1, column 9 of the payload: the text ends here, but the word null was expected.',
    );

    const missing = errorOf('{"a":}');
    expect(missing.message).toBe(
      'Line 1, column 6 of the payload: expected a value (an object, array, string, number, true, false or null), but found "}" (U+007D).',
    );
    expect(errorOf('{"a":True}').where?.index).toBe(5);
  });

  it('a missing colon', () => {
    const error = errorOf('{"a" 1}');
    expect(error.message).toBe('Line 1, column 6 of the payload: expected ":" after the member name, but found "1" (U+0031).');
    expect(error.where?.index).toBe(5);
  });

  it('comments', () => {
    const line = errorOf('{"a":1 // note\n}');
    expect(line.message).toBe(
      'Line 1, column 8 of the payload: expected "," or "}" after a member, but found a comment; comments are not allowed in JSON.',
    );
    expect(line.where).toEqual({ part: 'payload', index: 7, line: 1, column: 8, char: '/' });
    const block = errorOf('{\n /* note */ "a":1}');
    expect(block.where).toEqual({ part: 'payload', index: 3, line: 2, column: 2, char: '/' });
    expect(block.message).toContain('comments are not allowed in JSON');
  });

  it('nothing after "{"', () => {
    const error = errorOf('{', 'header');
    expect(error.message).toBe(
      'Line 1, column 2 of the header: the text ends here, but a member name in double quotes, or "}" was expected.',
    );
    expect(error.where).toEqual({ part: 'header', index: 1, line: 1, column: 2 });
    expect(errorOf('{"a":1,').message).toBe(
      'Line 1, column 8 of the payload: the text ends here, but a member name in double quotes was expected.',
    );
    expect(errorOf('{"a":[').where?.index).toBe(6);
  });

  it('more text after the object', () => {
    const error = errorOf('{"a":1}x');
    expect(error.message).toBe(
      'Line 1, column 8 of the payload: after the closing "}" there is more text, starting with "x" (U+0078); the payload must be exactly one JSON object.',
    );
    expect(error.where?.index).toBe(7);
    expect(errorOf('{"a":1}\r\n\n  ]').where).toEqual({ part: 'payload', index: 12, line: 3, column: 3, char: ']' });
    expect(errorOf('{}{}').where?.index).toBe(2);
  });

  it('empty text', () => {
    const error = errorOf('');
    expect(error.message).toBe('The payload is empty: a JSON object such as {} was expected.');
    expect(error.where).toEqual({ part: 'payload', index: 0, line: 1, column: 1 });
    expect(errorOf(' \r\n', 'header').message).toBe(
      'The header contains only whitespace: a JSON object such as {} was expected.',
    );
  });

  it('whitespace JSON does not allow: BOM, no-break space, form feed', () => {
    const bom = errorOf('\uFEFF{}');
    expect(bom.message).toBe(
      'Line 1, column 1 of the payload: expected a JSON object starting with "{", but found the invisible character ZERO WIDTH NO-BREAK SPACE (U+FEFF), which JSON does not accept as whitespace (only space, tab, line break and carriage return).',
    );
    expect(bom.where).toEqual({ part: 'payload', index: 0, line: 1, column: 1, char: '\uFEFF' });

    const nbsp = errorOf('{"a":1,\u00a0"b":2}');
    expect(nbsp.where).toEqual({ part: 'payload', index: 7, line: 1, column: 8, char: '\u00a0' });
    expect(nbsp.message).toContain('(U+00A0), which JSON does not accept as whitespace');

    expect(errorOf('{"a":1}\u00a0').where?.index).toBe(7);
    expect(errorOf('{"a":\f1}').message).toContain('the control character U+000C, which JSON does not accept');
  });

  it('names a whole character outside the Basic Multilingual Plane', () => {
    const error = errorOf('{"a":1😀}');
    expect(error.message).toBe(
      'Line 1, column 7 of the payload: expected "," or "}" after a member, but found "😀" (U+1F600).',
    );
    expect(error.where?.char).toBe('😀');
  });
});

describe('parseJsonObject: duplicate member names', () => {
  it('at the top level, naming both places', () => {
    const error = errorOf('{"sub":"a","iat":1,"sub":"b"}');
    expect(error.message).toBe(
      'The payload has the member "sub" twice: at line 1, column 2 and again at line 1, column 20. ' +
        'JSON.parse would silently keep the last one; a careful verifier refuses the token.',
    );
    expect(error.where).toEqual({ part: 'payload', index: 19, line: 1, column: 20, char: '"' });
    expect(error.related).toEqual({ part: 'payload', index: 1, line: 1, column: 2, char: '"' });
    expect(error.member).toBe('sub');
  });

  it('nested, across lines', () => {
    const error = errorOf('{\n  "a": {\n    "x": 1,\n    "x": 2\n  }\n}', 'header');
    expect(error.message).toContain('The header has the member "x" twice inside "a": at line 3, column 5 and again at line 4, column 5.');
    expect(error.where).toMatchObject({ index: 27, line: 4, column: 5 });
    expect(error.related).toMatchObject({ part: 'header', index: 15, line: 3, column: 5 });
  });

  it('inside an array of objects', () => {
    const error = errorOf('{"keys":[{"k":1},{"k":1,"k":2}]}');
    expect(error.where?.index).toBe(24);
    expect(error.related?.index).toBe(18);
    expect(error.within).toBe('keys');
    expect(error.message).toContain('the member "k" twice inside "keys"');
  });

  it('names the top-level member a nested duplicate is in, not a top-level member of the same name', () => {
    const nested = errorOf('{"role":"user","perms":{"a":{"role":1,"role":2}}}');
    expect([nested.member, nested.within]).toEqual(['role', 'perms']);
    const top = errorOf('{"perms":{"role":1},"role":1,"role":2}');
    expect([top.member, top.within]).toEqual(['role', undefined]);
    expect(top.message).toContain('the member "role" twice: at line');
  });

  it('when the names are only equal after decoding escapes', () => {
    const error = errorOf('{"a":1,"\\u0061":2}');
    expect(error.message).toContain('the member "a" twice');
    expect(error.member).toBe('a');
    expect(error.where?.index).toBe(7);
    expect(error.related?.index).toBe(1);
  });

  it('including "__proto__"', () => {
    const error = errorOf('{"__proto__":1,"__proto__":2}');
    expect(error.where?.index).toBe(15);
  });

  it('but the same name in different objects is fine', () => {
    const text = '{"a":{"a":1},"b":[{"k":1},{"k":2}]}';
    expect(parseJsonObject(text, 'payload').value).toStrictEqual(JSON.parse(text));
  });
});

describe('parseJsonObject: the top level must be an object', () => {
  const cases: [string, string, number][] = [
    ['[1,2]', 'an array', 0],
    ['  "text"', 'a string', 2],
    ['\n-1', 'a number', 1],
    ['42', 'a number', 0],
    ['true', 'the value true', 0],
    ['false', 'the value false', 0],
    ['\r\nnull', 'the value null', 2],
  ];
  for (const [text, kind, index] of cases) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      const error = errorOf(text, 'header');
      expect(error.message).toBe(`The header must be a JSON object ({ … }), but this is ${kind}.`);
      expect(error.where?.index).toBe(index);
      expect(error.where?.char).toBe(text[index]);
      expect(error.where).toMatchObject(lineColumn(text, index));
    });
  }

  it('refuses other text with a general message', () => {
    const error = errorOf('hello');
    expect(error.message).toBe(
      'Line 1, column 1 of the payload: expected a JSON object starting with "{", but found "h" (U+0068).',
    );
  });
});

describe('parseJsonObject: unsafe integers', () => {
  it('warns about an integer beyond 2^53 − 1 and still gives Number(text)', () => {
    const text = '{\n  "a": 1,\n  "big": 12345678901234567890\n}';
    const { value, warnings } = parseJsonObject(text, 'payload');
    expect(value.big).toBe(Number('12345678901234567890'));
    expect(warnings).toEqual([
      {
        kind: 'unsafe-integer',
        text: '12345678901234567890',
        becomes: '12345678901234567000',
        where: { part: 'payload', index: 21, line: 3, column: 10, char: '1' },
        message:
          'The number 12345678901234567890 at line 3, column 10 of the payload is larger in size than 2^53 − 1, ' +
          'the largest integer JavaScript holds exactly; JavaScript reads it as 12345678901234567000.',
      },
    ]);
  });

  it('warns at any depth, in text order, with correct lines', () => {
    const text = '{"x":[9007199254740993,\r\n{"y":-9007199254740992}],\n"z":\n[1e999999999999999999999]}';
    const { warnings } = parseJsonObject(text, 'header');
    expect(warnings.map((w) => [w.text, w.becomes, w.where.line, w.where.column, w.where.index])).toEqual([
      ['9007199254740993', '9007199254740992', 1, 7, 6],
      ['-9007199254740992', '-9007199254740992', 2, 6, 30],
    ]);
    const many = '{"a":[' + Array.from({ length: 50 }, () => '\n 99999999999999999999').join(',') + ']}';
    const lines = parseJsonObject(many, 'payload').warnings.map((w) => w.where.line);
    expect(lines).toEqual(Array.from({ length: 50 }, (_, k) => k + 2));
  });

  it('does not warn for safe integers, fractions or exponents', () => {
    const text =
      '{"a":9007199254740991,"b":-9007199254740991,"c":1e300,"d":9007199254740993.0,"e":1e16,"f":12345678901234567890e0}';
    expect(parseJsonObject(text, 'payload').warnings).toEqual([]);
  });
});

describe('parseJsonObject: members', () => {
  it('gives the positions of top-level members only', () => {
    const text = '{"typ":"JWT",\r\n "alg":"HS256", "x":{"nested":[1, 2]}}';
    const { members } = parseJsonObject(text, 'header');
    expect(members).toEqual([
      { key: 'typ', keyStart: 1, valueStart: 7, valueEnd: 12 },
      { key: 'alg', keyStart: 16, valueStart: 22, valueEnd: 29 },
      { key: 'x', keyStart: 31, valueStart: 35, valueEnd: 52 },
    ]);
    for (const m of members) {
      expect(JSON.parse(text.slice(m.valueStart, m.valueEnd))).toEqual(JSON.parse(text)[m.key]);
      expect(JSON.parse(text.slice(m.keyStart, m.valueStart).replace(/:\s*$/, ''))).toBe(m.key);
    }
  });

  it('decodes escaped member names', () => {
    const { members } = parseJsonObject('{ "\\u0061\\n" : 1 }', 'payload');
    expect(members).toEqual([{ key: 'a\n', keyStart: 2, valueStart: 15, valueEnd: 16 }]);
  });

  it('is empty for {}', () => {
    expect(parseJsonObject('{}', 'payload').members).toEqual([]);
  });
});

describe('columns count code points, as the learner sees them', () => {
  it('an error after an emoji', () => {
    const error = errorOf('{"🎉":1 "b":2}');
    expect(error.message).toBe('Line 1, column 8 of the payload: expected "," or "}" after a member, but found a double quote (U+0022).');
    expect(error.where).toEqual({ part: 'payload', index: 8, line: 1, column: 8, char: '"' });
  });

  it('a duplicate member and an unsafe integer after an emoji', () => {
    expect(errorOf('{"🎉":1,"🎉":2}').message).toContain('twice: at line 1, column 2 and again at line 1, column 8.');
    const [warning] = parseJsonObject('{"🎉":"👨‍👩‍👧",\n"🎉x":1,"big":12345678901234567890}', 'payload').warnings;
    expect(warning!.where).toMatchObject({ line: 2, column: 14 });
  });

  it('lineColumn', () => {
    expect(lineColumn('a🎉b', 3)).toEqual({ line: 1, column: 3 });
    expect(lineColumn('🎉\n🎉🎉!', 7)).toEqual({ line: 2, column: 3 });
    expect(lineColumn('🎉', 2)).toEqual({ line: 1, column: 2 });
  });
});

describe('lineColumn', () => {
  it('counts lines at \\n, with \\r\\n as one line break', () => {
    const text = '{"typ":"JWT",\r\n "alg":"HS256"}';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 13)).toEqual({ line: 1, column: 14 }); // the \r
    expect(lineColumn(text, 14)).toEqual({ line: 1, column: 15 }); // the \n
    expect(lineColumn(text, 15)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 16)).toEqual({ line: 2, column: 2 });
    expect(lineColumn(text, text.length)).toEqual({ line: 2, column: 16 });
  });

  it('handles empty lines and text without line breaks', () => {
    expect(lineColumn('a\n\nb', 2)).toEqual({ line: 2, column: 1 });
    expect(lineColumn('a\n\nb', 3)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });
});

describe('parseJsonObject: deep nesting and speed', () => {
  it('refuses 10,000 nested arrays or objects with a JwtError, not a RangeError', () => {
    const arrays = '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}';
    const error = errorOf(arrays);
    expect(error.message).toBe(
      'Line 1, column 517 of the payload: objects and arrays are nested more than 512 levels deep here, which this parser refuses.',
    );
    expect(error.where?.index).toBe(516);

    const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    expect(errorOf(objects).where?.index).toBe(5 * 512);
  });

  it('accepts 512 levels', () => {
    const text = '{"a":' + '['.repeat(511) + ']'.repeat(511) + '}';
    expect(parseJsonObject(text, 'payload').value).toStrictEqual(JSON.parse(text));
  });

  it('parses a 64 KB payload in well under 5 ms', () => {
    const claims: Record<string, unknown> = {};
    let text = '{}';
    for (let k = 0; ; k++) {
      claims[`claim_${k}`] = { id: k * 7919, name: `Zoë "${k}"\n`, tags: ['a', 'b\\c', 'é😀'], ok: k % 2 === 0, n: k / 3 };
      const next = JSON.stringify(claims, null, 2);
      if (next.length > 64 * 1024) break;
      text = next;
    }
    expect(text.length).toBeGreaterThan(60 * 1024);
    expect(parseJsonObject(text, 'payload').value).toStrictEqual(JSON.parse(text));
    let best = Infinity;
    for (let run = 0; run < 50; run++) {
      const start = performance.now();
      parseJsonObject(text, 'payload');
      best = Math.min(best, performance.now() - start);
    }
    expect(best).toBeLessThan(5);
  });
});
