import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const chapters = defineCollection({
  // The file name (without .mdx) is the chapter's slug: content/chapters/what-is-jwt.mdx → /chapters/what-is-jwt/
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string().min(1),
    description: z
      .string()
      .min(1)
      .refine((text) => !text.includes('\n'), 'description must be one line'),
    order: z.number().int().min(1).max(13),
    /** The section (or sections) of the guide this chapter retells. */
    guide: z.string().min(1),
  }),
});

export const collections = { chapters };
