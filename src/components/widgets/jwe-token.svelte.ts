/**
 * The JWE that chapter 3's encrypting widget made last. The two widgets are separate islands, but they import this
 * one module, so the decrypting widget can offer to open the token the learner has just encrypted.
 */
class SharedJweTokenState {
  current = $state<string | undefined>();
}

export const sharedJweToken = new SharedJweTokenState();
