/**
 * The search results' own bundle, loaded by SiteSearch.astro with a <script> element the first time the dialog
 * opens. Built as a self-contained file (imported there with `?worker&url`) so that the opener every page carries
 * needs no module loader: it stays an inline script of a few hundred bytes.
 */
import { startSearch } from './site-search';

const dialog = document.querySelector<HTMLDialogElement>('[data-search]');
if (dialog !== null) startSearch(import.meta.env.BASE_URL, dialog);
