/** WebCrypto exists only in secure contexts: https, or localhost. A classroom LAN over http has none. */
export function webCryptoProblem(): string | undefined {
  if (globalThis.crypto?.subtle) return undefined;
  return 'This browser offers no WebCrypto here, because the page is not in a secure context. Open the site over https, or on localhost, to compute signatures.';
}
