import { describe, expect, it } from 'vitest';
import { plannedChapters } from '../../../src/data/chapters';
import {
  EXPORT_FORMAT,
  IMPORT_MAX_BYTES,
  MIGRATIONS,
  PROGRESS_VERSION,
  chapterStatus,
  doneCount,
  emptyProgress,
  exportProgress,
  importProgress,
  markVisited,
  migrate,
  readProgress,
  recordAnswer,
  resetChapter,
  serializeProgress,
  type Progress,
} from '../../../src/lib/progress';

const at = new Date('2026-12-03T07:30:00.000Z');
const slug = 'generating-a-token';

function sample(): Progress {
  let p = recordAnswer(emptyProgress(), slug, 'payload-length', true, at);
  p = recordAnswer(p, slug, 'whole-groups', false, at);
  return markVisited(p, 'what-is-jwt');
}

describe('readProgress', () => {
  it('reads nothing stored as an empty progress without a problem', () => {
    expect(readProgress(null)).toEqual({ progress: { version: PROGRESS_VERSION, chapters: {} } });
  });

  it('round-trips what it stores', () => {
    const p = sample();
    expect(readProgress(serializeProgress(p))).toEqual({ progress: p });
  });

  it.each([
    ['{"version":1,', /not valid JSON/],
    ['[1,2]', /should be an object, but it is a list/],
    ['{"chapters":{}}', /"version" should be a whole number from 1, but it is undefined/],
    ['{"version":1.5,"chapters":{}}', /"version" should be a whole number/],
    ['{"version":1,"chapters":[]}', /"chapters" should be an object of chapters by slug, but it is a list/],
    ['{"version":1,"chapters":{"a":{"visited":"yes","exercises":{}}}}', /chapters\["a"\]\.visited should be true or false, but it is the text "yes"/],
    ['{"version":1,"chapters":{"a":{"visited":true,"exercises":{"x":{"state":"won","at":"2026-01-01T00:00:00Z"}}}}}', /chapters\["a"\]\.exercises\["x"\]\.state should be "done" or "tried"/],
    ['{"version":1,"chapters":{"a":{"visited":true,"exercises":{"x":{"state":"done","at":"yesterday"}}}}}', /\.at should be a date/],
  ])('turns %s into an empty progress and a specific problem', (raw, problem) => {
    const result = readProgress(raw);
    expect(result.progress).toEqual(emptyProgress());
    expect(result.problem).toMatch(problem);
  });

  it('refuses, rather than overwrites, progress from a newer version of the site', () => {
    const result = readProgress(JSON.stringify({ version: PROGRESS_VERSION + 1, chapters: {}, somethingNew: true }));
    expect(result.progress).toEqual(emptyProgress());
    expect(result.problem).toContain(`newer version of this site (progress version ${PROGRESS_VERSION + 1}`);
  });

  it('keeps chapters this build does not list, so nothing is lost to a renamed chapter', () => {
    const raw = JSON.stringify({ version: 1, chapters: { 'a-later-chapter': { visited: true, exercises: {} } } });
    expect(readProgress(raw).progress.chapters['a-later-chapter']).toEqual({ visited: true, exercises: {} });
  });
});

describe('migrate', () => {
  it('has a step for every version below the current one', () => {
    for (let v = 1; v < PROGRESS_VERSION; v++) expect(MIGRATIONS[v], `step ${v} → ${v + 1}`).toBeTypeOf('function');
  });

  it('runs each step in turn and stamps each version, carrying the data forward', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, chapters: { renamed: (d.chapters as Record<string, unknown>).old } }),
      2: (d: Record<string, unknown>) => ({ ...d, extra: 'added in 3' }),
    };
    const result = migrate({ version: 1, chapters: { old: { visited: true, exercises: {} } } }, 1, 3, steps);
    expect(result).toEqual({ data: { version: 3, chapters: { renamed: { visited: true, exercises: {} } }, extra: 'added in 3' } });
  });

  it('says which step is missing instead of guessing', () => {
    expect(migrate({ version: 1 }, 1, 3, { 1: (d) => d })).toEqual({ problem: 'no way to update progress from version 2 to 3' });
  });

  it('leaves current data as it is', () => {
    expect(migrate({ version: PROGRESS_VERSION, chapters: {} }, PROGRESS_VERSION)).toEqual({ data: { version: PROGRESS_VERSION, chapters: {} } });
  });
});

describe('recording', () => {
  it('records done, tried, and never lets a later wrong answer undo a solved one', () => {
    let p = recordAnswer(emptyProgress(), slug, 'x', false, at);
    expect(p.chapters[slug]).toEqual({ visited: true, exercises: { x: { state: 'tried', at: at.toISOString() } } });
    p = recordAnswer(p, slug, 'x', true, at);
    expect(p.chapters[slug]!.exercises.x!.state).toBe('done');
    p = recordAnswer(p, slug, 'x', false, new Date('2026-12-04T00:00:00Z'));
    expect(p.chapters[slug]!.exercises.x).toEqual({ state: 'done', at: '2026-12-04T00:00:00.000Z' });
  });

  it('marks a chapter visited once, and resets one chapter without touching another', () => {
    const p = markVisited(sample(), slug);
    expect(markVisited(p, slug)).toBe(p);
    const reset = resetChapter(p, slug);
    expect(reset.chapters[slug]).toBeUndefined();
    expect(reset.chapters['what-is-jwt']).toEqual({ visited: true, exercises: {} });
  });
});

describe('chapterStatus', () => {
  const ids = ['payload-length', 'whole-groups'];

  it('is not started, in progress, then done as exercises are solved', () => {
    expect(chapterStatus(emptyProgress(), slug, ids)).toBe('not-started');
    let p = recordAnswer(emptyProgress(), slug, 'payload-length', true, at);
    expect(chapterStatus(p, slug, ids)).toBe('in-progress');
    p = recordAnswer(p, slug, 'whole-groups', true, at);
    expect(chapterStatus(p, slug, ids)).toBe('done');
    expect(doneCount(p, slug, ids)).toBe(2);
  });

  it('goes back to in progress when the chapter gains an exercise, keeping what was done', () => {
    let p = recordAnswer(emptyProgress(), slug, 'payload-length', true, at);
    p = recordAnswer(p, slug, 'whole-groups', true, at);
    expect(chapterStatus(p, slug, [...ids, 'a-new-one'])).toBe('in-progress');
    expect(doneCount(p, slug, [...ids, 'a-new-one'])).toBe(2);
  });

  it('counts a chapter without exercises done once visited', () => {
    expect(chapterStatus(emptyProgress(), 'what-is-jwt', [])).toBe('not-started');
    expect(chapterStatus(markVisited(emptyProgress(), 'what-is-jwt'), 'what-is-jwt', [])).toBe('done');
  });
});

describe('export and import', () => {
  it('round-trips through a small file with a format marker and a version', () => {
    const text = exportProgress(sample(), at);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.version).toBe(PROGRESS_VERSION);
    expect(file.exportedAt).toBe(at.toISOString());
    expect(text.length).toBeLessThan(1000);
    expect(importProgress(text)).toEqual({ ok: true, progress: sample() });
  });

  const valid = () => JSON.parse(exportProgress(sample(), at)) as Record<string, any>;
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => '  ', /This file is empty/],
    ['a file too large', () => ' '.repeat(IMPORT_MAX_BYTES + 1), new RegExp(`${(IMPORT_MAX_BYTES + 1).toLocaleString('en')} bytes; a progress file is at most`)],
    ['text that is not JSON', () => 'hello', /not valid JSON/],
    ['a list', () => '[]', /should hold a JSON object, but it holds a list/],
    ['another JSON file', () => '{"name":"package"}', /its "format" should be "jwt-step-by-step-progress", but it is missing/],
    ['an unexpected member', () => JSON.stringify({ ...valid(), extra: 1 }), /unexpected member "extra" at its top level/],
    ['a newer version', () => JSON.stringify({ ...valid(), version: 2 }), /newer version of this site \(progress version 2/],
    ['an unknown chapter', () => JSON.stringify({ ...valid(), chapters: { 'no-such-chapter': { visited: true, exercises: {} } } }), /chapters\["no-such-chapter"\]: this course has no chapter "no-such-chapter"/],
    [
      'a bad exercise id',
      () => JSON.stringify({ ...valid(), chapters: { [slug]: { visited: true, exercises: { 'Bad Id!': { state: 'done', at: at.toISOString() } } } } }),
      /chapters\["generating-a-token"\]\.exercises\["Bad Id!"\]: "Bad Id!" is not an exercise id/,
    ],
    [
      'an extra member in a record',
      () => JSON.stringify({ ...valid(), chapters: { [slug]: { visited: true, exercises: { x: { state: 'done', at: at.toISOString(), score: 3 } } } } }),
      /exercises\["x"\] has an unexpected member "score"/,
    ],
    ['a bad export date', () => JSON.stringify({ ...valid(), exportedAt: 'soon' }), /"exportedAt" should be a date, but it is the text "soon"/],
  ];
  it.each(cases)('refuses %s with a message that says what and where', (_name, text, message) => {
    const result = importProgress(text());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('accepts every chapter of the course', () => {
    const chapters = Object.fromEntries(plannedChapters.map((c) => [c.slug, { visited: true, exercises: {} }]));
    const result = importProgress(JSON.stringify({ format: EXPORT_FORMAT, version: 1, chapters }));
    expect(result.ok).toBe(true);
  });
});
