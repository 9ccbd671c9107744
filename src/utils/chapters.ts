import { getCollection, type CollectionEntry } from 'astro:content';
import { plannedChapters, type PlannedChapter } from '../data/chapters';
import { withBase } from './url';

export interface ChapterListItem extends PlannedChapter {
  readonly order: number;
  /** The chapter page, or undefined while the chapter is not written yet. */
  readonly href: string | undefined;
}

export function chapterHref(slug: string): string {
  return withBase(`chapters/${slug}/`);
}

/**
 * Every planned chapter in order, linked when its MDX file exists. Fails the build when an MDX
 * file's frontmatter disagrees with the plan in src/data/chapters.ts, so the start page, the
 * navigation and the chapter's own heading can never drift apart.
 */
export async function getChapterList(): Promise<ChapterListItem[]> {
  const written = new Map((await getCollection('chapters')).map((entry) => [entry.id, entry]));
  for (const entry of written.values()) checkAgainstPlan(entry);
  return plannedChapters.map((chapter, index) => ({
    ...chapter,
    order: index + 1,
    href: written.has(chapter.slug) ? chapterHref(chapter.slug) : undefined,
  }));
}

function checkAgainstPlan(entry: CollectionEntry<'chapters'>): void {
  const index = plannedChapters.findIndex((chapter) => chapter.slug === entry.id);
  const planned = plannedChapters[index];
  const where = `content/chapters/${entry.id}.mdx`;
  if (planned === undefined) {
    throw new Error(`${where}: "${entry.id}" is not a slug in src/data/chapters.ts`);
  }
  for (const [field, expected, actual] of [
    ['order', index + 1, entry.data.order],
    ['title', planned.title, entry.data.title],
    ['description', planned.description, entry.data.description],
  ] as const) {
    if (expected !== actual) {
      throw new Error(`${where}: ${field} is ${JSON.stringify(actual)}, src/data/chapters.ts says ${JSON.stringify(expected)}`);
    }
  }
}

/** The written chapters just before and after `slug`; chapters still to come are skipped. */
export function neighbours(
  list: readonly ChapterListItem[],
  slug: string,
): { previous: ChapterListItem | undefined; next: ChapterListItem | undefined } {
  const written = list.filter((chapter) => chapter.href !== undefined);
  const at = written.findIndex((chapter) => chapter.slug === slug);
  return { previous: written[at - 1], next: at === -1 ? undefined : written[at + 1] };
}
