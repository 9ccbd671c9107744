import { getCollection } from 'astro:content';
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
 * Every planned chapter in order, linked when its MDX file exists. Title, description and order come from
 * src/data/chapters.ts alone; an MDX file whose name is not a planned slug fails the build.
 */
export async function getChapterList(): Promise<ChapterListItem[]> {
  const written = new Set((await getCollection('chapters')).map((entry) => entry.id));
  for (const slug of written) {
    if (!plannedChapters.some((chapter) => chapter.slug === slug)) {
      throw new Error(`content/chapters/${slug}.mdx: "${slug}" is not a slug in src/data/chapters.ts`);
    }
  }
  return plannedChapters.map((chapter, index) => ({
    ...chapter,
    order: index + 1,
    href: written.has(chapter.slug) ? chapterHref(chapter.slug) : undefined,
  }));
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
