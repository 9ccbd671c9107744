/**
 * Every exercise in a chapter's MDX file is declared in src/data/chapters.ts, in page order, and every declared
 * exercise is on the page: progress counts a chapter done from the declaration, so the two must agree.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plannedChapters } from '../../../src/data/chapters';
import { EXERCISE_ID_PATTERN } from '../../../src/lib/progress';

const dir = new URL('../../../content/chapters/', import.meta.url);
const exerciseComponents = readdirSync(new URL('../../../src/components/exercises/', import.meta.url))
  .filter((file) => file.endsWith('.svelte') && file !== 'ExerciseFrame.svelte')
  .map((file) => file.replace(/\.svelte$/, ''));

/** The exercises a chapter's MDX embeds: each component from src/components/exercises/ with its chapter and id. */
function exercisesIn(text: string): { component: string; chapter?: string; id?: string }[] {
  const imported = [...text.matchAll(/^import (\w+) from '[./]*src\/components\/exercises\/(\w+)\.svelte';$/gm)].map(([, local, file]) => ({ local: local!, file: file! }));
  const found: { component: string; chapter?: string; id?: string; at: number }[] = [];
  for (const { local } of imported) {
    for (const match of text.matchAll(new RegExp(`<${local}\\b([^>]*)/?>`, 'g'))) {
      const attrs = match[1]!;
      found.push({ component: local, chapter: /\bchapter="([^"]*)"/.exec(attrs)?.[1], id: /\bid="([^"]*)"/.exec(attrs)?.[1], at: match.index });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...rest }) => rest);
}

describe('exercises', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

  it('finds the exercises this test reads (the components exist)', () => {
    expect(exerciseComponents).toEqual(expect.arrayContaining(['PredictLength', 'WholeGroups', 'ForgeToken']));
    expect(exercisesIn(readFileSync(new URL('generating-a-token.mdx', dir), 'utf8')).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const slug = file.replace(/\.mdx$/, '');
    it(`${slug}: the page's exercises are the declared ones, in order, each with its chapter and a well-formed id`, () => {
      const onPage = exercisesIn(readFileSync(new URL(file, dir), 'utf8'));
      for (const exercise of onPage) {
        expect(exercise.chapter, `${exercise.component} ${exercise.id}: chapter="${slug}"`).toBe(slug);
        expect(exercise.id, `${exercise.component}: id`).toMatch(EXERCISE_ID_PATTERN);
      }
      const declared = plannedChapters.find((chapter) => chapter.slug === slug)?.exercises ?? [];
      expect(onPage.map((exercise) => exercise.id)).toEqual(declared);
    });
  }

  it('declares exercises only for written chapters, with unique ids', () => {
    for (const chapter of plannedChapters) {
      const ids = chapter.exercises ?? [];
      expect(new Set(ids).size, chapter.slug).toBe(ids.length);
      if (ids.length > 0) expect(files, chapter.slug).toContain(`${chapter.slug}.mdx`);
    }
  });
});
