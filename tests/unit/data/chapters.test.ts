/** The chapter list is the one source of chapter titles, descriptions and order; every MDX file belongs to it. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plannedChapters } from '../../../src/data/chapters';

const mdxFiles = readdirSync(new URL('../../../content/chapters/', import.meta.url)).filter((f) => f.endsWith('.mdx'));

describe('the chapter list', () => {
  it('has thirteen chapters with unique, URL-safe slugs and one-line titles and descriptions', () => {
    expect(plannedChapters).toHaveLength(13);
    const slugs = plannedChapters.map((chapter) => chapter.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const { slug, title, description } of plannedChapters) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const text of [title, description]) {
        expect(text.trim(), slug).not.toBe('');
        expect(text, slug).not.toContain('\n');
      }
    }
  });

  it('names every written chapter, whose frontmatter holds only what the list does not', () => {
    expect(mdxFiles.length).toBeGreaterThan(0);
    for (const file of mdxFiles) {
      expect(plannedChapters.map((chapter) => chapter.slug)).toContain(file.replace(/\.mdx$/, ''));
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(new URL(`../../../content/chapters/${file}`, import.meta.url), 'utf8'))![1]!;
      expect(frontmatter, file).not.toMatch(/^(title|description|order):/m);
    }
  });
});
