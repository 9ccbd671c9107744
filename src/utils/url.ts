/**
 * Prefixes a site path with the configured base (import.meta.env.BASE_URL), so every link and
 * asset works whether the site is served at / or under a sub-path such as /jwt/.
 * withBase('/') → '/jwt/', withBase('chapters/claims/') → '/jwt/chapters/claims/'.
 */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  return `${base}/${path.replace(/^\/+/, '')}`;
}
