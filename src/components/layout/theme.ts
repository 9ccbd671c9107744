/** The colour themes a reader can pick; 'system' follows the operating system's setting. */
export const themes = ['light', 'dark', 'system'] as const;
export type Theme = (typeof themes)[number];

/** localStorage key of the reader's choice (read before first paint by `themeScript`). */
export const themeStorageKey = 'jwt-step-by-step:theme';

export function isTheme(value: unknown): value is Theme {
  return themes.some((theme) => theme === value);
}

/**
 * The inline script in <head> that puts the reader's saved theme on <html> before the first paint, so a dark
 * page never flashes white. It is plain text because the Content-Security-Policy allows it by its hash
 * (astro.config.mjs hashes this exact string): a change here changes the hash with it.
 */
export const themeScript = `{
  let theme = 'system';
  try {
    const saved = localStorage.getItem(${JSON.stringify(themeStorageKey)});
    if (saved === 'light' || saved === 'dark') theme = saved;
  } catch {
    // Storage can be blocked; the system theme is a fine default.
  }
  document.documentElement.dataset.theme = theme;
}`;
