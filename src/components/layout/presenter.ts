/**
 * Presenter mode, for a projector: larger type and widgets, stronger contrast, no side menus, and the keyboard
 * moves between widgets. It is on for a page opened with ?present, stays on in that tab from page to page
 * (sessionStorage), and the header's "Present" button turns it on and off.
 */
export const presentKey = 'jwt-step-by-step:present';

/**
 * The inline script in <head> that turns presenter mode on before the first paint, so the page does not jump
 * from reading size to projector size. Allowed by its hash in the CSP (astro.config.mjs hashes this string).
 */
export const presentScript = `{
  const asked = new URLSearchParams(location.search).has('present');
  let on = asked;
  try {
    if (asked) sessionStorage.setItem(${JSON.stringify(presentKey)}, 'on');
    on = on || sessionStorage.getItem(${JSON.stringify(presentKey)}) === 'on';
  } catch {
    // Storage can be blocked: then only ?present turns it on.
  }
  if (on) document.documentElement.dataset.present = '';
}`;
