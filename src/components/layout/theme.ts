/** The colour themes a reader can pick; 'system' follows the operating system's setting. */
export const themes = ['light', 'dark', 'system'] as const;
export type Theme = (typeof themes)[number];

/** localStorage key of the reader's choice (read before first paint by the inline script in Layout.astro). */
export const themeStorageKey = 'jwt-step-by-step:theme';

export function isTheme(value: unknown): value is Theme {
  return themes.some((theme) => theme === value);
}
