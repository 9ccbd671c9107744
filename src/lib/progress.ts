/**
 * A learner's progress through the course: which chapters they opened and which exercises they solved or
 * tried. Pure data and functions (no DOM, no storage): the browser store (src/components/progress/) keeps it in
 * localStorage, and export/import move it between machines as a small JSON file.
 *
 * One versioned schema. A later change adds a version and a step to MIGRATIONS, so stored progress is carried
 * forward and never lost; progress from a newer version than this build knows is refused (and the store sets it
 * aside) rather than overwritten. Nothing here throws on bad input: every problem comes back as a message.
 */
import { plannedChapters } from '../data/chapters';

export const PROGRESS_VERSION = 1;
/** Marks an exported file as ours, so a random JSON file is refused with a clear message. */
export const EXPORT_FORMAT = 'jwt-step-by-step-progress';
/** Larger than any real progress file (13 chapters with a handful of exercises each is a few KB). */
export const IMPORT_MAX_BYTES = 100_000;

export type ExerciseState = 'done' | 'tried';
export interface ExerciseRecord {
  readonly state: ExerciseState;
  /** When it was last recorded, as an ISO 8601 date. */
  readonly at: string;
}
export interface ChapterProgress {
  readonly visited: boolean;
  readonly exercises: Readonly<Record<string, ExerciseRecord>>;
}
export interface Progress {
  readonly version: typeof PROGRESS_VERSION;
  readonly chapters: Readonly<Record<string, ChapterProgress>>;
}
export type ChapterStatus = 'not-started' | 'in-progress' | 'done';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An exercise id: lowercase words joined by hyphens, at most 40 characters. */
export const EXERCISE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EXERCISE_ID_MAX = 40;

/** Steps from version n to n + 1, each taking the data of version n. Empty while version 1 is the only one. */
export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, chapters: {} };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;

const member = (path: string, key: string): string => `${path}[${JSON.stringify(key)}]`;

/**
 * Brings data of version `from` up to `to` through `migrations`, one step at a time; a missing step is a
 * problem, never a guess.
 */
export function migrate(
  data: Record<string, unknown>,
  from: number,
  to: number = PROGRESS_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): { data: Record<string, unknown> } | { problem: string } {
  let current = data;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (step === undefined) return { problem: `no way to update progress from version ${version} to ${version + 1}` };
    current = { ...step(current), version: version + 1 };
  }
  return { data: current };
}

/**
 * Checks the chapters member of version-1 data member by member. `knownSlugs` (import) refuses chapters this
 * course does not have; stored data keeps them, so a chapter renamed later loses nothing.
 */
function checkChapters(value: unknown, knownSlugs: ReadonlySet<string> | undefined): { chapters: Record<string, ChapterProgress> } | { problem: string } {
  if (!isObject(value)) return { problem: `"chapters" should be an object of chapters by slug, but it is ${describe(value)}` };
  const chapters: Record<string, ChapterProgress> = {};
  for (const [slug, chapter] of Object.entries(value)) {
    const at = member('chapters', slug);
    if (!SLUG_PATTERN.test(slug)) return { problem: `${at}: "${slug}" is not a chapter slug (lowercase words joined by hyphens)` };
    if (knownSlugs !== undefined && !knownSlugs.has(slug)) return { problem: `${at}: this course has no chapter "${slug}"` };
    if (!isObject(chapter)) return { problem: `${at} should be an object with "visited" and "exercises", but it is ${describe(chapter)}` };
    const extra = Object.keys(chapter).find((key) => key !== 'visited' && key !== 'exercises');
    if (extra !== undefined) return { problem: `${at} has an unexpected member "${extra}" (only "visited" and "exercises" belong there)` };
    if (typeof chapter.visited !== 'boolean') return { problem: `${at}.visited should be true or false, but it is ${describe(chapter.visited)}` };
    if (!isObject(chapter.exercises)) return { problem: `${at}.exercises should be an object of exercises by id, but it is ${describe(chapter.exercises)}` };
    const exercises: Record<string, ExerciseRecord> = {};
    for (const [id, record] of Object.entries(chapter.exercises)) {
      const where = member(`${at}.exercises`, id);
      if (!EXERCISE_ID_PATTERN.test(id) || id.length > EXERCISE_ID_MAX) {
        return { problem: `${where}: "${id.slice(0, 60)}" is not an exercise id (lowercase words joined by hyphens, at most ${EXERCISE_ID_MAX} characters)` };
      }
      if (!isObject(record)) return { problem: `${where} should be an object with "state" and "at", but it is ${describe(record)}` };
      const extraKey = Object.keys(record).find((key) => key !== 'state' && key !== 'at');
      if (extraKey !== undefined) return { problem: `${where} has an unexpected member "${extraKey}" (only "state" and "at" belong there)` };
      if (record.state !== 'done' && record.state !== 'tried') return { problem: `${where}.state should be "done" or "tried", but it is ${describe(record.state)}` };
      if (typeof record.at !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(record.at) || Number.isNaN(Date.parse(record.at))) {
        return { problem: `${where}.at should be a date such as "2026-12-03T07:30:00.000Z", but it is ${describe(record.at)}` };
      }
      exercises[id] = { state: record.state, at: record.at };
    }
    chapters[slug] = { visited: chapter.visited, exercises };
  }
  return { chapters };
}

/** Version check, migration and shape check shared by stored and imported data. */
function fromData(data: Record<string, unknown>, knownSlugs: ReadonlySet<string> | undefined): { progress: Progress } | { problem: string } {
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { problem: `"version" should be a whole number from 1, but it is ${describe(version)}` };
  }
  if (version > PROGRESS_VERSION) {
    return { problem: `it was saved by a newer version of this site (progress version ${version}; this one reads up to ${PROGRESS_VERSION})` };
  }
  const migrated = migrate(data, version);
  if ('problem' in migrated) return migrated;
  const checked = checkChapters(migrated.data.chapters, knownSlugs);
  if ('problem' in checked) return checked;
  return { progress: { version: PROGRESS_VERSION, chapters: checked.chapters } };
}

/**
 * Reads stored progress. Nothing stored is an empty progress without a problem; anything unreadable (not JSON,
 * wrong types, a newer version) is an empty progress with a problem that says what is wrong, for the store to
 * show and to set the old value aside.
 */
export function readProgress(raw: string | null): { progress: Progress; problem?: string } {
  if (raw === null) return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    return { progress: emptyProgress(), problem: `The saved progress is not valid JSON (${(error as Error).message}).` };
  }
  if (!isObject(data)) return { progress: emptyProgress(), problem: `The saved progress should be an object, but it is ${describe(data)}.` };
  const result = fromData(data, undefined);
  if ('problem' in result) return { progress: emptyProgress(), problem: `The saved progress cannot be read: ${result.problem}.` };
  return result;
}

/** The text to store: the progress itself, version included. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Notes that the learner opened a chapter. */
export function markVisited(progress: Progress, slug: string): Progress {
  const chapter = progress.chapters[slug] ?? { visited: false, exercises: {} };
  if (chapter.visited) return progress;
  return { ...progress, chapters: { ...progress.chapters, [slug]: { ...chapter, visited: true } } };
}

/**
 * Records an answer to an exercise: solved makes it done, a wrong answer makes it tried, and a wrong answer
 * after solving it leaves it done (trying again never takes a success away).
 */
export function recordAnswer(progress: Progress, slug: string, id: string, solved: boolean, at: Date): Progress {
  const chapter = progress.chapters[slug] ?? { visited: false, exercises: {} };
  const before = chapter.exercises[id];
  const state: ExerciseState = solved || before?.state === 'done' ? 'done' : 'tried';
  const record: ExerciseRecord = { state, at: at.toISOString() };
  return {
    ...progress,
    chapters: { ...progress.chapters, [slug]: { visited: true, exercises: { ...chapter.exercises, [id]: record } } },
  };
}

/** Forgets one chapter's progress. */
export function resetChapter(progress: Progress, slug: string): Progress {
  const { [slug]: _forgotten, ...chapters } = progress.chapters;
  return { ...progress, chapters };
}

/**
 * Where a learner stands in a chapter with these exercises: done once every listed exercise is done (a chapter
 * without exercises, once visited), not started while nothing is recorded, in progress otherwise. An exercise
 * added to the chapter later makes it in progress again; what was recorded stays.
 */
export function chapterStatus(progress: Progress, slug: string, exerciseIds: readonly string[]): ChapterStatus {
  const chapter = progress.chapters[slug];
  if (chapter === undefined) return 'not-started';
  const recorded = exerciseIds.filter((id) => chapter.exercises[id] !== undefined);
  if (!chapter.visited && recorded.length === 0) return 'not-started';
  if (exerciseIds.every((id) => chapter.exercises[id]?.state === 'done')) return 'done';
  return 'in-progress';
}

/** How many of these exercises are done. */
export function doneCount(progress: Progress, slug: string, exerciseIds: readonly string[]): number {
  const chapter = progress.chapters[slug];
  return exerciseIds.filter((id) => chapter?.exercises[id]?.state === 'done').length;
}

/** A small JSON file of the progress, marked as ours and versioned, for moving it to another machine. */
export function exportProgress(progress: Progress, at: Date = new Date()): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: at.toISOString(), chapters: progress.chapters }, null, 2)}\n`;
}

const knownSlugs: ReadonlySet<string> = new Set(plannedChapters.map((chapter) => chapter.slug));

/**
 * Reads an exported file, strictly: its size, the format marker, the version, the exact shape, chapters this
 * course has and well-formed exercise ids. A message says what is wrong and where.
 */
export function importProgress(text: string): { ok: true; progress: Progress } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const size = new TextEncoder().encode(text).length;
  if (size > IMPORT_MAX_BYTES) {
    return fail(`This file is ${size.toLocaleString('en')} bytes; a progress file is at most ${IMPORT_MAX_BYTES.toLocaleString('en')}. Is it the right file?`);
  }
  if (text.trim() === '') return fail('This file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`This file is not valid JSON: ${(error as Error).message}.`);
  }
  if (!isObject(data)) return fail(`This file should hold a JSON object, but it holds ${describe(data)}.`);
  if (data.format !== EXPORT_FORMAT) {
    return fail(`This is not a progress file from this site: its "format" should be "${EXPORT_FORMAT}", but it is ${data.format === undefined ? 'missing' : describe(data.format)}.`);
  }
  const extra = Object.keys(data).find((key) => !['format', 'version', 'exportedAt', 'chapters'].includes(key));
  if (extra !== undefined) return fail(`This file has an unexpected member "${extra}" at its top level.`);
  if (data.exportedAt !== undefined && (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt)))) {
    return fail(`"exportedAt" should be a date, but it is ${describe(data.exportedAt)}.`);
  }
  const { format: _format, exportedAt: _exportedAt, ...rest } = data;
  const result = fromData(rest, knownSlugs);
  if ('problem' in result) return fail(`This progress file cannot be used: ${result.problem}.`);
  return { ok: true, progress: result.progress };
}
