/**
 * Links between chapters, checked on the built pages as files: no link points to a chapter page (or a
 * heading on one) that does not exist, and prose that names an unwritten chapter says it is coming.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { plannedChapters } from '../../src/data/chapters';
import { builtPages, writtenChapters } from './support';

const html = (path: string) => readFileSync(`dist/${path.endsWith('/') || path === '' ? `${path}index.html` : path}`, 'utf8');
const ids = (page: string) => new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

/** The visible text of a page's article: scripts, styles and tags removed, entities that matter decoded. */
function articleText(page: string): string {
  const article = /<article[^>]*>([\s\S]*)<\/article>/.exec(page)?.[1] ?? '';
  return article
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|\s+/g, ' ');
}

for (const path of builtPages('dist')) {
  test(`/${path}: every link to a chapter reaches a written chapter, and its heading`, () => {
    const page = html(path);
    const broken: string[] = [];
    for (const [, href] of page.matchAll(/\shref="([^"]+)"/g)) {
      const url = new URL(href!, `http://site/${path}`);
      if (url.origin !== 'http://site' || !url.pathname.startsWith('/chapters/')) continue;
      const target = `${url.pathname.slice(1)}index.html`;
      if (!existsSync(`dist/${target}`)) broken.push(`${href}: no page`);
      else if (url.hash !== '' && !ids(html(target)).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${href}: no such heading`);
    }
    expect(broken).toEqual([]);
  });
}

for (const chapter of writtenChapters) {
  test(`chapter "${chapter.slug}" says "(coming soon)" after every unwritten chapter it names`, () => {
    const text = articleText(html(`chapters/${chapter.slug}/`));
    const unwritten = plannedChapters.flatMap((planned, index) => (writtenChapters.includes(planned) ? [] : [index + 1]));
    const bare = [...text.matchAll(/\b[Cc]hapter (\d+)\b(?! \(coming soon\))/g)]
      .filter((m) => unwritten.includes(Number(m[1])))
      .map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40));
    expect(bare).toEqual([]);
  });
}
