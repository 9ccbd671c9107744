/**
 * The RSA key pair that chapter 9's widgets share. Each widget is its own island, but they import this one
 * module, so a key made or pasted in the key-pair widget is the key the signing and verifying widgets use.
 * Until the learner makes or pastes one, there is none here and those widgets use RFC 7515's A.2 key.
 */
export interface SharedRsaKey {
  /** Absent when the learner pasted only a public key: then nothing can be signed. */
  privateKey?: CryptoKey;
  publicKey: CryptoKey;
  /** Where the key came from, for the widgets to say: "the key you generated", "RFC 7515's example key". */
  label: string;
}

class SharedRsaKeyState {
  current = $state<SharedRsaKey | undefined>();
}

export const sharedRsaKey = new SharedRsaKeyState();

class SharedRsaTokenState {
  /** The token the signing widget made last, so the verifying widget can offer to check it. */
  current = $state<string | undefined>();
}

export const sharedRsaToken = new SharedRsaTokenState();
