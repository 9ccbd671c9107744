import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const chapters = defineCollection({
  // The file name (without .mdx) is the chapter's slug: content/chapters/what-is-jwt.mdx → /chapters/what-is-jwt/
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  // Title, description and order come from src/data/chapters.ts, the one list of chapters; the frontmatter
  // holds only what the list does not.
  schema: z.object({
    /** The section (or sections) of the guide this chapter retells. */
    guide: z.string().min(1),
  }),
});

export const collections = { chapters };
